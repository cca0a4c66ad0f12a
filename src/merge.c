/* SPDX-License-Identifier: MIT */
/*
 * merge.c: group reports and progress reports. Both are built once as a
 * document (report_doc.c; the counts per question as preformatted blocks,
 * so that they line up in every output) and rendered as text, Markdown or
 * HTML like the report; JSON and CSV are written directly for spreadsheets
 * and other programs. What a group report shows is decided once, in the
 * group (the tally, the group's answers and their plan) and in the
 * functions below that rank and pick, and each format only presents it:
 * the JSON says all that the document says.
 * Levels are integers in hundredths, as in score.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "merge.h"
#include "score.h"
#include "text.h"

/*
 * What each respondent chose, decided once (report_chosen) for every
 * section and format, and laid out question by question: a group report
 * asks each question of all its respondents in turn, and looking each
 * answer up again in its file, thousands of files, was most of merge's
 * time. Four bytes a pick, so that a question's column stays in the cache.
 */
_Static_assert(CONTENT_MAX_CHOICES <= 9, "a level is one digit in the role lines");

struct pick {
	unsigned char	chosen;		/* enum chosen */
	unsigned char	level;		/* CHOSEN_CHOICE: the choice's level; else 0 */
	bool		note;		/* the answer has a note */
	bool		followup;	/* a workshop marked the question */
};

struct note_ref {
	size_t		 who;		/* the respondent */
	const char	*note;
};

struct tally {
	size_t		 n;
	struct pick	*picks;		/* question i, respondent j: [i * n + j] */
	unsigned char	*priorities;	/* area a, respondent j: [a * n + j], an enum priority */
	struct note_ref	*notes;		/* question by question, each in the files' order */
	size_t		*note_start;	/* question i's from notes[note_start[i]] */
};

struct group {
	const struct pack		*pack;
	const struct report_words	*w;
	const struct respondent		*r;
	size_t				 n;
	struct area_score		*levels;	/* respondent i's areas from levels[i * nareas] */
	bool				 plain;		/* REPORT_PLAIN: words for pictures */
	bool				 numbers;	/* counts as numbers: bars are the terminal's */
	int				 width;		/* the text's columns */
	const char			**roles;	/* distinct role labels */
	const char			**role_ids;	/* each one's id as the files give it, "" for none */
	size_t				 nroles;
	size_t				*role_of;	/* respondent -> role index */
	size_t				*members;	/* the respondents, role by role, */
	size_t				*role_start;	/* role k's from members[role_start[k]] */
	struct tally			 t;
	struct session			*gs;		/* the group's answers (middle_answers) */
	struct score			 gscore;	/* their levels, priorities and plan */
};

struct ranked {
	size_t	index;
	int	spread;
	int	lo, hi;
};

/* From before to after, kept on one line: no-break spaces around the arrow. */
#define ARROW	"\xC2\xA0\xE2\x86\x92\xC2\xA0"

/* Between the figures of a row: a middle dot, or for a listener a semicolon. */
static const char *
sep(const struct group *g)
{
	return g->plain ? "; " : REPORT_DOT;
}

static void
level(const struct group *g, char *out, size_t size, int v, bool have)
{
	if (!have)
		snprintf(out, size, "-");
	else
		score_format_level(out, size, v, g->w->decimal);
}

static const char *
role_label(const struct group *g, const struct session *s)
{
	return s->role != NULL ? report_role(g->pack, s->role) : g->w->no_role;
}

/* Each respondent's picks and priorities in a row of its own, which one thread fills. */
struct rows {
	const struct pack		 *p;
	const struct session *const	 *s;
	struct pick			 *picks;	/* [j * nquestions + i] */
	unsigned char			 *priorities;	/* [j * nareas + a] */
};

static void
rows_fill(void *arg, size_t j)
{
	struct rows *r = arg;
	const struct pack *p = r->p;
	struct pick *row = &r->picks[j * p->nquestions];
	size_t i;

	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		const struct answer *a = session_answer(r->s[j], q->id);
		const struct choice *ch;

		row[i].chosen = (unsigned char)report_chosen(r->s[j], q, &ch);
		row[i].level = ch != NULL ? (unsigned char)ch->level : 0;
		row[i].note = a != NULL && a->note != NULL;
		row[i].followup = a != NULL && a->followup;
	}
	for (i = 0; i < p->nareas; i++)
		r->priorities[j * p->nareas + i] =
		    (unsigned char)session_priority(r->s[j], p->areas[i].id);
}

/* The tally of n sessions: each read once, on up to four threads, then turned. */
static void
tally_init(struct tally *t, const struct pack *p, const struct session *const *s, size_t n)
{
	struct rows r = { p, s, xcalloc(n * p->nquestions + 1, sizeof(*r.picks)),
	    xcalloc(n * p->nareas + 1, sizeof(*r.priorities)) };
	size_t i, j, *at;

	t->n = n;
	t->picks = xcalloc(n * p->nquestions + 1, sizeof(*t->picks));
	t->priorities = xcalloc(n * p->nareas + 1, sizeof(*t->priorities));
	t->note_start = xcalloc(p->nquestions + 1, sizeof(*t->note_start));
	parallel_for(n, n / ANSWERS_PER_THREAD, rows_fill, &r);
	for (j = 0; j < n; j++) {
		for (i = 0; i < p->nquestions; i++) {
			t->picks[i * n + j] = r.picks[j * p->nquestions + i];
			t->note_start[i + 1] += r.picks[j * p->nquestions + i].note;
		}
		for (i = 0; i < p->nareas; i++)
			t->priorities[i * n + j] = r.priorities[j * p->nareas + i];
	}
	for (i = 0; i < p->nquestions; i++)
		t->note_start[i + 1] += t->note_start[i];
	t->notes = xcalloc(t->note_start[p->nquestions] + 1, sizeof(*t->notes));
	at = xcalloc(p->nquestions + 1, sizeof(*at));
	memcpy(at, t->note_start, p->nquestions * sizeof(*at));
	for (j = 0; j < n; j++)	/* the files in order, each's answers in the pack's */
		for (i = 0; i < p->nquestions; i++)
			if (r.picks[j * p->nquestions + i].note)
				t->notes[at[i]++] = (struct note_ref){ j,
				    session_answer(s[j], p->questions[i].id)->note };
	free(at);
	free(r.picks);
	free(r.priorities);
}

static void
tally_free(struct tally *t)
{
	free(t->picks);
	free(t->priorities);
	free(t->notes);
	free(t->note_start);
}

static const struct pick *
pick(const struct group *g, size_t j, const struct question *q)
{
	return &g->t.picks[q->index * g->n + j];
}

/* Respondent i's area levels, on the loader's threads: no plan, nothing allocated. */
static void
group_one(void *arg, size_t i)
{
	struct group *g = arg;

	score_areas(&g->levels[i * g->pack->nareas], g->pack, g->r[i].sess);
}

static void
group_init(struct group *g, const struct pack *p, const struct respondent *r, size_t n)
{
	const struct session **sess;
	size_t i, k, m;
	char **keys, *key;

	memset(g, 0, sizeof(*g));
	g->pack = p;
	g->w = report_words(p->language);
	g->r = r;
	g->n = n;
	g->levels = xcalloc(n && p->nareas ? n * p->nareas : 1, sizeof(*g->levels));
	g->roles = xcalloc(n ? n : 1, sizeof(*g->roles));
	g->role_ids = xcalloc(n ? n : 1, sizeof(*g->role_ids));
	g->role_of = xcalloc(n ? n : 1, sizeof(*g->role_of));
	sess = xcalloc(n ? n : 1, sizeof(*sess));
	for (i = 0; i < n; i++)
		sess[i] = r[i].sess;
	tally_init(&g->t, p, sess, n);
	free(sess);
	parallel_for(n, n / ANSWERS_PER_THREAD, group_one, g);
	keys = xcalloc(n ? n : 1, sizeof(*keys));
	for (i = 0; i < n; i++) {
		const char *label = role_label(g, r[i].sess);

		/* roles are few: a linear search over the distinct ones */
		for (k = 0; k < g->nroles && strcmp(g->roles[k], label) != 0; k++)
			;
		if (k == g->nroles) {	/* or the same words in other case or spacing */
			key = text_name_key(label, p->language);
			for (k = 0; k < g->nroles && strcmp(keys[k], key) != 0; k++)
				;
			if (k == g->nroles) {
				keys[k] = key;
				g->role_ids[k] = r[i].sess->role != NULL ? r[i].sess->role : "";
				g->roles[g->nroles++] = label;
			} else {
				free(key);
			}
		}
		g->role_of[i] = k;
	}
	for (k = 0; k < g->nroles; k++)
		free(keys[k]);
	free(keys);
	g->members = xcalloc(n ? n : 1, sizeof(*g->members));
	g->role_start = xcalloc(g->nroles + 1, sizeof(*g->role_start));
	for (i = 0; i < n; i++)
		g->role_start[g->role_of[i] + 1]++;
	for (k = 0; k < g->nroles; k++)
		g->role_start[k + 1] += g->role_start[k];
	for (k = 0; k < g->nroles; k++)	/* each role's in the files' order */
		for (i = 0, m = g->role_start[k]; i < n; i++)
			if (g->role_of[i] == k)
				g->members[m++] = i;
}

static void
group_free(struct group *g)
{
	free(g->levels);
	free(g->roles);
	free(g->role_ids);
	free(g->role_of);
	tally_free(&g->t);
	free(g->members);
	free(g->role_start);
	if (g->gs != NULL) {
		score_free(&g->gscore);
		session_free(g->gs);
	}
}

/* Every respondent, for area_stats. */
#define ALL_ROLES ((size_t)-1)

/*
 * Mean, lowest and highest area level over the respondents (of one role,
 * or ALL_ROLES) who answered in it; returns how many did (0: no level). The mean is of their exact levels
 * (2,67 is 8/3), rounded once: averaging the rounded ones gave 2,34 for
 * 8/3 and 2, where the mean is 2,33. A mean that is a half hundredth
 * exactly, computed from thirds or sixths, may come out a hair below it in
 * binary: the 1e-9 lets it round up, as a true half does.
 */
static size_t
area_stats(const struct group *g, size_t a, size_t role, int *mean, int *lo, int *hi)
{
	double total = 0;
	size_t cnt = 0;
	size_t i;

	*lo = 1 << 30;
	*hi = 0;
	for (i = 0; i < g->n; i++) {
		const struct area_score *as = &g->levels[i * g->pack->nareas + a];
		if (as->answered == 0 || (role != ALL_ROLES && g->role_of[i] != role))
			continue;
		total += 100.0 * as->sum / as->answered;
		cnt++;
		if (as->level100 < *lo)
			*lo = as->level100;
		if (as->level100 > *hi)
			*hi = as->level100;
	}
	*mean = cnt ? (int)(total / (double)cnt + 0.5 + 1e-9) : 0;
	return cnt;
}

/* The level a respondent chose for question q: 0 for none or not applicable. */
static int
chosen_level(const struct session *s, const struct question *q)
{
	const struct choice *ch;

	return report_chosen(s, q, &ch) == CHOSEN_CHOICE ? ch->level : 0;
}

static bool
question_spread(const struct group *g, const struct question *q, int *lo, int *hi)
{
	size_t i;
	int l;

	*lo = 1 << 30;
	*hi = 0;
	for (i = 0; i < g->n; i++) {
		if ((l = pick(g, i, q)->level) == 0)
			continue;
		if (l < *lo)
			*lo = l;
		if (l > *hi)
			*hi = l;
	}
	return *hi > 0;
}

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->spread != y->spread)
		return y->spread - x->spread;
	return (x->index > y->index) - (x->index < y->index);
}

/* The group's answers (merge_answers), from the respondents' tally. */
static struct session *
middle_answers(const struct pack *pack, const struct tally *t)
{
	struct session *s = session_new(pack);
	int counts[CONTENT_MAX_CHOICES + 1], pcount[4], l, best;
	size_t i, k, m, seen;

	for (i = 0; i < pack->nquestions; i++) {
		const struct question *q = &pack->questions[i];

		memset(counts, 0, sizeof(counts));
		for (k = 0, m = 0; k < t->n; k++)
			if ((l = t->picks[i * t->n + k].level) > 0) {
				counts[l]++;
				m++;
			}
		if (m == 0)
			continue;
		for (l = 1, seen = 0; l <= (int)q->nchoices; l++)
			if ((seen += (size_t)counts[l]) >= (m + 1) / 2)
				break;
		session_set_answer(s, q->id, q->choices[l - 1].id);
	}
	for (i = 0; i < pack->nareas; i++) {
		memset(pcount, 0, sizeof(pcount));
		for (k = 0; k < t->n; k++)
			pcount[t->priorities[i * t->n + k]]++;
		best = PRIORITY_NONE;
		for (l = PRIORITY_HIGH, m = 0; l >= PRIORITY_LOW; l--)	/* m: best's count */
			if ((size_t)pcount[l] > m) {
				best = l;
				m = (size_t)pcount[l];
			}
		if (best != PRIORITY_NONE)
			session_set_priority(s, pack->areas[i].id, (enum priority)best);
	}
	return s;
}

/* The group's answers and their levels, priorities and plan, which every format shows. */
static void
group_plan(struct group *g)
{
	g->gs = middle_answers(g->pack, &g->t);
	score_compute(&g->gscore, g->pack, g->gs);
}

struct session *
merge_answers(const struct pack *pack, const struct session *const *r, size_t n)
{
	struct tally t;
	struct session *s;

	tally_init(&t, pack, r, n);
	s = middle_answers(pack, &t);
	tally_free(&t);
	return s;
}

/* How many chose each level of q (counts[level - 1]), and how many not applicable. */
static void
question_counts(const struct group *g, const struct question *q, int *counts, int *na)
{
	size_t j;

	memset(counts, 0, CONTENT_MAX_CHOICES * sizeof(*counts));
	*na = 0;
	for (j = 0; j < g->n; j++) {
		const struct pick *k = pick(g, j, q);

		if (k->level > 0)
			counts[k->level - 1]++;
		else
			*na += k->chosen == CHOSEN_NA;
	}
}

/* At most so many areas and questions of least consensus. */
#define CONSENSUS_AREAS		5
#define CONSENSUS_QUESTIONS	10

/* The areas and questions of least consensus, largest spread first; free both. */
struct consensus {
	struct ranked	*areas, *questions;
	size_t		 nareas, nquestions;
};

static void
consensus_rank(const struct group *g, struct consensus *c)
{
	const struct pack *p = g->pack;
	size_t i;
	int mean, lo, hi;

	memset(c, 0, sizeof(*c));
	c->areas = xcalloc(p->nareas + 1, sizeof(*c->areas));
	c->questions = xcalloc(p->nquestions + 1, sizeof(*c->questions));
	for (i = 0; i < p->nareas; i++)
		if (area_stats(g, i, ALL_ROLES, &mean, &lo, &hi) && hi > lo)
			c->areas[c->nareas++] = (struct ranked){ i, hi - lo, lo, hi };
	qsort(c->areas, c->nareas, sizeof(*c->areas), ranked_cmp);
	if (c->nareas > CONSENSUS_AREAS)
		c->nareas = CONSENSUS_AREAS;
	for (i = 0; i < p->nquestions; i++)
		if (question_spread(g, &p->questions[i], &lo, &hi) && hi > lo)
			c->questions[c->nquestions++] = (struct ranked){ i, (hi - lo) * 100, lo, hi };
	qsort(c->questions, c->nquestions, sizeof(*c->questions), ranked_cmp);
	if (c->nquestions > CONSENSUS_QUESTIONS)
		c->nquestions = CONSENSUS_QUESTIONS;
}

static void
consensus_free(struct consensus *c)
{
	free(c->areas);
	free(c->questions);
}

/* Whether a workshop marked q to follow up, in any of the files. */
static bool
question_followup(const struct group *g, const struct question *q)
{
	size_t r;

	for (r = 0; r < g->n; r++)
		if (pick(g, r, q)->followup)
			return true;
	return false;
}

/* Whose report it is: the organisation the first file names (merge warns of others), or NULL. */
static const char *
group_organisation(const struct group *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (g->r[i].sess->organisation != NULL && *g->r[i].sess->organisation != '\0')
			return g->r[i].sess->organisation;
	return NULL;
}

/* The group report as one document. */
static cmark_node *
merge_doc(const struct group *g)
{
	const struct report_words *w = g->w;
	const struct pack *p = g->pack;
	struct consensus cons;
	cmark_node *doc = doc_new(), *para, *list = NULL, *sec;
	const char *org;
	char lv[4][32], *s, **note_labels;
	size_t i, k, m;
	int mean, lo, hi, *counts, na;

	s = xasprintf("%s: %s", p->title, w->group);
	doc_heading(doc, 1, s);
	free(s);
	para = doc_para(doc);
	if ((org = group_organisation(g)) != NULL) {	/* whose report it is */
		doc_strong(para, w->organisation);
		doc_textf(para, ": %s", org);
		doc_break(para);
	}
	doc_strong(para, w->respondents);
	doc_textf(para, ": %zu", g->n);
	for (k = 0; k < g->nroles; k++)
		doc_textf(para, "%s%s %zu", k ? ", " : " (", g->roles[k],
		    g->role_start[k + 1] - g->role_start[k]);
	if (g->nroles)
		doc_text(para, ")");
	for (i = 0; i < g->n; i++) {
		const struct session *rs = g->r[i].sess;
		if (!session_other_version(rs, p))
			continue;
		if (list == NULL) {
			doc_textf(doc_para(doc), "%s:", w->other_versions);
			list = doc_list(doc, false);
		}
		doc_textf(doc_para(doc_item(list)), "%s (%s %d)", g->r[i].path, w->version,
		    rs->pack_version);
	}

	/* areas: a list, which wraps and reads aloud better than a table */
	doc_heading(doc, 2, w->areas);
	list = doc_list(doc, false);
	for (i = 0; i < p->nareas; i++) {
		size_t rated = area_stats(g, i, ALL_ROLES, &mean, &lo, &hi);
		bool have = rated > 0;

		level(g, lv[0], sizeof(lv[0]), mean, have);
		level(g, lv[1], sizeof(lv[1]), lo, have);
		level(g, lv[2], sizeof(lv[2]), hi, have);
		level(g, lv[3], sizeof(lv[3]), hi - lo, have);
		para = doc_para(doc_item(list));
		doc_strong(para, p->areas[i].title);
		/* the numbers are of those who chose a level there: say how many */
		doc_textf(para, ": %s %s%s%s %s%s%s %s%s%s %s%s%s %zu/%zu", w->mean, lv[0], sep(g),
		    w->min, lv[1], sep(g), w->max, lv[2], sep(g), w->spread, lv[3], sep(g),
		    w->rated_by, rated, g->n);
	}

	/* least consensus: areas, then questions, largest spread first */
	doc_heading(doc, 2, w->consensus);
	doc_text(doc_para(doc), w->consensus_intro);
	consensus_rank(g, &cons);
	if (cons.nareas > 0) {
		doc_heading(doc, 3, w->areas);
		list = doc_list(doc, true);
	}
	for (i = 0; i < cons.nareas; i++) {
		level(g, lv[0], sizeof(lv[0]), cons.areas[i].spread, true);
		level(g, lv[1], sizeof(lv[1]), cons.areas[i].lo, true);
		level(g, lv[2], sizeof(lv[2]), cons.areas[i].hi, true);
		para = doc_para(doc_item(list));
		doc_strong(para, p->areas[cons.areas[i].index].title);
		doc_textf(para, ": %s %s (%s\xE2\x80\x93%s)", w->spread, lv[0], lv[1], lv[2]);
	}
	if (cons.nquestions > 0) {
		doc_heading(doc, 3, w->questions);
		list = doc_list(doc, true);
	}
	for (i = 0; i < cons.nquestions; i++) {
		const struct question *q = &p->questions[cons.questions[i].index];
		doc_textf(doc_para(doc_item(list)), "%s %d: %s (%d\xE2\x80\x93%d)", w->question,
		    q->id, q->text, cons.questions[i].lo, cons.questions[i].hi);
	}
	consensus_free(&cons);

	/* the questions a workshop marked to follow up, in any of the files */
	list = NULL;
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];

		if (!question_followup(g, q))
			continue;
		if (list == NULL) {
			doc_heading(doc, 3, w->followup_title);
			list = doc_list(doc, false);
		}
		doc_textf(doc_para(doc_item(list)), "%s %d: %s", w->question, q->id, q->text);
	}

	/* roles by area */
	doc_heading(doc, 2, w->roles_by_area);
	list = doc_list(doc, false);
	for (i = 0; i < p->nareas; i++) {
		para = doc_para(doc_item(list));
		doc_strong(para, p->areas[i].title);
		doc_text(para, ":");
		for (k = 0; k < g->nroles; k++) {
			bool have = area_stats(g, i, k, &mean, &lo, &hi);

			level(g, lv[0], sizeof(lv[0]), mean, have);
			doc_textf(para, "%s%s %s", k ? sep(g) : " ", g->roles[k], lv[0]);
		}
	}

	/* distribution per question, by role; a note's label is its role's, made once */
	doc_heading(doc, 2, w->distribution);
	counts = xcalloc(CONTENT_MAX_CHOICES, sizeof(*counts));
	note_labels = xcalloc(g->nroles ? g->nroles : 1, sizeof(*note_labels));
	for (k = 0; k < g->nroles; k++)
		note_labels[k] = xasprintf("%s (%s):", w->note, g->roles[k]);
	for (i = 0; i < p->nareas; i++) {
		const struct area *a = &p->areas[i];

		sec = doc;	/* not a section of its own: printed, a page for four questions each was waste */
		doc_heading(sec, 3, a->title);
		for (k = 0; k < a->nquestions; k++) {
			const struct question *q = &p->questions[a->first + k];
			struct buf bar;
			size_t r;

			question_counts(g, q, counts, &na);
			para = doc_para(sec);
			doc_strong(para, s = xasprintf("%s %d.", w->question, q->id));
			free(s);
			doc_textf(para, " %s", q->text);
			buf_init(&bar);
			if (g->numbers)
				report_count_numbers(&bar, w, counts, q->nchoices, na);
			else
				report_count_bar(&bar, w, counts, q->nchoices, na, g->width);
			buf_addc(&bar, '\n');
			/* each role's levels, then how many of it found the question not theirs */
			for (r = 0; r < g->nroles; r++) {
				bool first = true;
				int role_na = 0;
				for (m = g->role_start[r]; m < g->role_start[r + 1]; m++) {
					const struct pick *pk = pick(g, g->members[m], q);
					int l = pk->level;

					if (l == 0) {
						role_na += pk->chosen == CHOSEN_NA;
						continue;
					}
					if (first)
						buf_printf(&bar, "%s:", g->roles[r]);
					/* one digit (a level is at most CONTENT_MAX_CHOICES): a
					   line of thousands of them, printf was a fifth of merge */
					buf_addc(&bar, ' ');
					buf_addc(&bar, (char)('0' + l));
					first = false;
				}
				if (role_na > 0) {
					if (first)
						buf_printf(&bar, "%s: ", g->roles[r]);
					else
						buf_adds(&bar, sep(g));
					/* how many, before the words: after them, it read as a level */
					if (g->plain)
						buf_printf(&bar, "%s: %d", w->na, role_na);
					else
						buf_printf(&bar, "%d \xC3\x97 %s", role_na, w->na_short);
				}
				if (!first || role_na > 0)
					buf_addc(&bar, '\n');
			}
			doc_pre(sec, bar.data);
			buf_free(&bar);
			/* what the respondents wrote, each with their role, in the files' order */
			for (m = g->t.note_start[q->index]; m < g->t.note_start[q->index + 1]; m++) {
				const struct note_ref *nr = &g->t.notes[m];

				para = doc_para(doc_quote(sec));
				doc_strong(para, note_labels[g->role_of[nr->who]]);
				doc_text(para, " ");
				doc_text(para, nr->note);
			}
		}
	}
	free(counts);
	for (k = 0; k < g->nroles; k++)
		free(note_labels[k]);
	free(note_labels);

	/* the plan, on the group's answers */
	doc_heading(doc, 2, w->group_plan);
	doc_text(doc_para(doc), w->group_plan_intro);
	report_plan(doc, p, &g->gscore);
	return doc;
}

/*
 * The group report as data: all that the document says, from the same
 * decisions, named as the JSON of report names the same things.
 */
static void
merge_json(struct buf *o, const struct group *g)
{
	const struct pack *p = g->pack;
	struct consensus cons;
	struct jsonw j;
	size_t i, jj, k, m;
	int mean, lo, hi;

	jw_init(&j, o);
	jw_open(&j, NULL, '{', false);
	jw_open(&j, "pack", '{', true);
	jw_str(&j, "id", p->id);
	jw_int(&j, "version", p->version);
	jw_str(&j, "language", p->language);
	jw_str(&j, "title", p->title);
	jw_close(&j);
	jw_str(&j, "organisation", group_organisation(g));	/* as the report names it */
	/* the roles as the report titles them, and how many respondents each */
	jw_open(&j, "roles", '[', false);
	for (k = 0; k < g->nroles; k++) {
		jw_open(&j, NULL, '{', true);
		jw_str(&j, "id", g->role_ids[k]);
		jw_str(&j, "title", g->roles[k]);
		jw_int(&j, "respondents", (long)(g->role_start[k + 1] - g->role_start[k]));
		jw_close(&j);
	}
	jw_close(&j);
	jw_open(&j, "respondents", '[', false);
	for (i = 0; i < g->n; i++) {
		const struct session *s = g->r[i].sess;

		jw_open(&j, NULL, '{', true);
		jw_str(&j, "file", g->r[i].path);
		jw_str(&j, "organisation", s->organisation);
		jw_str(&j, "role", s->role);
		jw_str(&j, "date", s->date);
		jw_int(&j, "version", s->pack_version);
		jw_bool(&j, "other_version", session_other_version(s, p));
		jw_close(&j);
	}
	jw_close(&j);
	jw_open(&j, "areas", '[', false);
	for (i = 0; i < p->nareas; i++) {
		const struct area_score *gas = &g->gscore.areas[i];
		size_t rated = area_stats(g, i, ALL_ROLES, &mean, &lo, &hi);
		bool have = rated > 0;

		jw_open(&j, NULL, '{', true);
		jw_str(&j, "id", p->areas[i].id);
		jw_str(&j, "title", p->areas[i].title);
		jw_int(&j, "rated_by", (long long)rated);
		jw_level(&j, "mean", mean, have);
		jw_level(&j, "min", lo, have);
		jw_level(&j, "max", hi, have);
		jw_level(&j, "spread", hi - lo, have);
		jw_open(&j, "by_role", '{', true);
		for (k = 0; k < g->nroles; k++) {
			bool by_role = area_stats(g, i, k, &mean, &lo, &hi);

			jw_level(&j, g->role_ids[k], mean, by_role);	/* as "role" of the respondents */
		}
		jw_close(&j);
		/* the group's answers' level and priority, as the plan gives them */
		jw_level(&j, "level", gas->level100, gas->answered > 0);
		jw_str(&j, "priority", report_priority_id(gas->priority));
		jw_close(&j);
	}
	jw_close(&j);
	consensus_rank(g, &cons);
	jw_open(&j, "least_consensus", '{', false);
	jw_open(&j, "areas", '[', true);
	for (i = 0; i < cons.nareas; i++)
		jw_str(&j, NULL, p->areas[cons.areas[i].index].id);
	jw_close(&j);
	jw_open(&j, "questions", '[', true);
	for (i = 0; i < cons.nquestions; i++)
		jw_int(&j, NULL, p->questions[cons.questions[i].index].id);
	jw_close(&j);
	jw_close(&j);
	consensus_free(&cons);
	jw_open(&j, "questions", '[', false);
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		int counts[CONTENT_MAX_CHOICES], na;
		bool have = question_spread(g, q, &lo, &hi);

		question_counts(g, q, counts, &na);
		jw_open(&j, NULL, '{', true);
		jw_int(&j, "id", q->id);
		jw_str(&j, "area", q->area->id);
		jw_open(&j, "counts", '[', true);
		for (k = 0; k < q->nchoices; k++)
			jw_int(&j, NULL, counts[k]);
		jw_close(&j);
		jw_int(&j, "not_applicable", na);
		if (have) {
			jw_int(&j, "min", lo);
			jw_int(&j, "max", hi);
			jw_int(&j, "spread", hi - lo);
		} else {
			jw_null(&j, "min");
			jw_null(&j, "max");
			jw_null(&j, "spread");
		}
		/* each role's levels in the files' order, then "na" for each not applicable */
		jw_open(&j, "by_role", '{', true);
		for (k = 0; k < g->nroles; k++) {
			int role_na = 0;

			jw_open(&j, g->role_ids[k], '[', true);
			for (m = g->role_start[k]; m < g->role_start[k + 1]; m++) {
				const struct pick *pk = pick(g, g->members[m], q);

				if (pk->level > 0)
					jw_int(&j, NULL, pk->level);
				else
					role_na += pk->chosen == CHOSEN_NA;
			}
			while (role_na-- > 0)
				jw_str(&j, NULL, "na");
			jw_close(&j);
		}
		jw_close(&j);
		if (question_followup(g, q))
			jw_bool(&j, "followup", true);
		/* the notes, as the group report shows them: each with its writer's role id */
		if (g->t.note_start[i] < g->t.note_start[i + 1])
			jw_open(&j, "notes", '[', true);
		for (jj = g->t.note_start[i]; jj < g->t.note_start[i + 1]; jj++) {
			const struct note_ref *nr = &g->t.notes[jj];

			jw_open(&j, NULL, '{', true);
			jw_str(&j, "role", g->role_ids[g->role_of[nr->who]]);
			jw_str(&j, "note", nr->note);
			jw_close(&j);
		}
		if (g->t.note_start[i] < g->t.note_start[i + 1])
			jw_close(&j);
		jw_close(&j);
	}
	jw_close(&j);
	report_plan_json(&j, p, &g->gscore);
	jw_close(&j);
}

/*
 * A CSV field: quoted, quotes doubled, controls made visible but a note's
 * line breaks kept (a quoted field may hold them), formulas defused.
 */
static void
csv_field(struct buf *o, const char *s)
{
	const char *line, *nl, *p;
	char *disp;
	size_t len;

	if (s == NULL)
		return;
	buf_addc(o, '"');
	for (line = s;; line = nl + 1) {
		nl = strchr(line, '\n');
		len = nl != NULL ? (size_t)(nl - line) : strlen(line);
		disp = text_display(line, len, NULL);
		if (line == s && disp[0] != '\0' && strchr("=+-@", disp[0]) != NULL)
			buf_addc(o, '\'');	/* a spreadsheet must not run it as a formula */
		for (p = disp; *p != '\0'; p++) {
			if (*p == '"')
				buf_addc(o, '"');
			buf_addc(o, *p);
		}
		free(disp);
		if (nl == NULL)
			break;
		buf_addc(o, '\n');
	}
	buf_addc(o, '"');
}

static void
merge_csv(struct buf *o, const struct group *g)
{
	const struct pack *p = g->pack;
	size_t i, j;

	buf_adds(o, "file,organisation,role,date,pack,version,language,area,question,choice,"
	    "level,note\r\n");
	for (j = 0; j < g->n; j++) {
		const struct session *s = g->r[j].sess;

		for (i = 0; i < p->nquestions; i++) {
			const struct question *q = &p->questions[i];
			const struct answer *a = session_answer(s, q->id);
			const struct pick *pk = pick(g, j, q);
			int l = pk->level;

			csv_field(o, g->r[j].path);
			buf_addc(o, ',');
			csv_field(o, s->organisation);
			buf_addc(o, ',');
			csv_field(o, s->role);
			buf_addc(o, ',');
			csv_field(o, s->date);
			buf_addc(o, ',');
			csv_field(o, p->id);
			buf_printf(o, ",%d,", s->pack_version);
			csv_field(o, s->language);
			buf_addc(o, ',');
			csv_field(o, q->area->id);
			buf_printf(o, ",%d,", q->id);
			if (pk->chosen == CHOSEN_NA)
				buf_adds(o, "na");
			else if (l > 0)
				buf_printf(o, "%d", a->choice);
			buf_addc(o, ',');
			if (l > 0)
				buf_printf(o, "%d", l);
			buf_addc(o, ',');
			csv_field(o, a != NULL ? a->note : NULL);
			buf_adds(o, "\r\n");
		}
	}
}

void
merge_write(struct buf *out, const struct pack *p, const struct respondent *r, size_t n,
    int format, int width)
{
	struct group g;
	cmark_node *doc;
	char *title;

	group_init(&g, p, r, n);
	if (format != REPORT_CSV)
		group_plan(&g);
	g.plain = format == REPORT_PLAIN;
	g.numbers = format != REPORT_TEXT;
	g.width = width;
	if (format == REPORT_JSON) {
		merge_json(out, &g);
	} else if (format == REPORT_CSV) {
		merge_csv(out, &g);
	} else {
		doc = merge_doc(&g);
		title = group_organisation(&g) != NULL ? xasprintf("%s: %s: %s",
		    group_organisation(&g), p->title, g.w->group) :
		    xasprintf("%s: %s", p->title, g.w->group);
		doc_render(out, doc, (enum report_format)format, width, p->language, title, NULL);
		free(title);
		doc_free(doc);
	}
	group_free(&g);
}

/* --- diff ---------------------------------------------------------------- */

/* One side of a question in the progress report: its level, "n/a" or "-". */
static void
side(const struct report_words *w, const struct session *s, const struct question *q, int level,
    char *out, size_t size)
{
	const struct choice *ch;

	if (level > 0)
		snprintf(out, size, "%d", level);
	else
		snprintf(out, size, "%s", report_chosen(s, q, &ch) == CHOSEN_NA ? w->na_short : "-");
}

/* Whose progress it is: the organisation the newer file names, else the older's. */
static const char *
diff_organisation(const struct respondent *old, const struct respondent *new)
{
	return new->sess->organisation != NULL && *new->sess->organisation != '\0' ?
	    new->sess->organisation : old->sess->organisation;
}

/* What changed from old to new, as one document. */
static cmark_node *
diff_doc(const struct pack *p, const struct respondent *old, const struct respondent *new,
    bool plain)
{
	const struct report_words *w = report_words(p->language);
	cmark_node *doc = doc_new(), *para, *list;
	struct score so, sn;
	char a[32], b[32], c[32], *s;
	size_t i, pass;
	const char *titles[4], *org, *none = plain ? w->not_scored : "-";	/* no level */

	score_compute(&so, p, old->sess);
	score_compute(&sn, p, new->sess);
	titles[0] = w->improved;
	titles[1] = w->regressed;
	titles[2] = w->unchanged;
	titles[3] = w->one_side;
	s = xasprintf("%s: %s", p->title, w->progress);
	doc_heading(doc, 1, s);
	free(s);
	list = doc_list(doc, false);
	org = diff_organisation(old, new);
	if (org != NULL && *org != '\0')	/* whose progress it is */
		doc_textf(doc_para(doc_item(list)), "%s: %s", w->organisation, org);
	doc_textf(doc_para(doc_item(list)), "%s: %s", w->before,
	    old->sess->date != NULL ? old->sess->date : old->path);
	doc_textf(doc_para(doc_item(list)), "%s: %s", w->after,
	    new->sess->date != NULL ? new->sess->date : new->path);
	for (i = 0; i < 2; i++) {
		const struct respondent *r = i == 0 ? old : new;
		if (session_other_version(r->sess, p))
			doc_textf(doc_para(doc), "%s: %s", r->path, w->version_differs);
	}
	doc_heading(doc, 2, w->areas);
	list = doc_list(doc, false);
	for (i = 0; i <= p->nareas; i++) {
		const struct area_score *ao = i < p->nareas ? &so.areas[i] : NULL;
		const struct area_score *an = i < p->nareas ? &sn.areas[i] : NULL;
		int lo = ao ? ao->level100 : so.level100, ln = an ? an->level100 : sn.level100;
		bool ho = ao ? ao->answered > 0 : so.answered > 0;
		bool hn = an ? an->answered > 0 : sn.answered > 0;

		if (ho)
			score_format_level(a, sizeof(a), lo, w->decimal);
		else
			snprintf(a, sizeof(a), "%s", none);
		if (hn)
			score_format_level(b, sizeof(b), ln, w->decimal);
		else
			snprintf(b, sizeof(b), "%s", none);
		c[0] = '\0';
		if (ho && hn) {
			c[0] = ln >= lo ? '+' : '-';
			score_format_level(c + 1, sizeof(c) - 1, ln >= lo ? ln - lo : lo - ln,
			    w->decimal);
		}
		para = doc_para(doc_item(list));
		doc_strong(para, ao ? ao->area->title : w->overall);
		/* for a listener, the words for before and after instead of an arrow */
		if (plain)
			doc_textf(para, ": %s %s, %s %s%s%s%s", w->before, a, w->after, b,
			    c[0] ? " (" : "", c, c[0] ? ")" : "");
		else
			doc_textf(para, ": %s" ARROW "%s%s%s%s", a, b, c[0] ? " (" : "", c,
			    c[0] ? ")" : "");
	}
	/* improved, regressed, unchanged; then those with a level on one side only */
	for (pass = 0; pass < 4; pass++) {
		list = NULL;
		for (i = 0; i < p->nquestions; i++) {
			const struct question *q = &p->questions[i];
			int lo = chosen_level(old->sess, q), ln = chosen_level(new->sess, q);
			/* not applicable both times stayed as it was too */
			bool na_twice = lo == 0 && ln == 0 &&
			    report_chosen(old->sess, q, NULL) == CHOSEN_NA &&
			    report_chosen(new->sess, q, NULL) == CHOSEN_NA, show;

			if (pass < 3 && (lo == 0 || ln == 0) && !(pass == 2 && na_twice))
				continue;
			show = pass == 0 ? ln > lo : pass == 1 ? ln < lo : pass == 2 ? ln == lo :
			    (lo == 0) != (ln == 0);
			if (!show)
				continue;
			if (list == NULL) {
				doc_heading(doc, 2, titles[pass]);
				list = doc_list(doc, false);
			}
			side(w, old->sess, q, lo, a, sizeof(a));
			side(w, new->sess, q, ln, b, sizeof(b));
			if (plain)
				doc_textf(doc_para(doc_item(list)), "%s %d: %s (%s %s, %s %s)",
				    w->question, q->id, q->text, w->before, a, w->after, b);
			else
				doc_textf(doc_para(doc_item(list)), "%s %d: %s (%s" ARROW "%s)",
				    w->question, q->id, q->text, a, b);
		}
	}
	for (pass = 0; pass < 2; pass++) {
		const struct respondent *from = pass == 0 ? old : new;
		const struct respondent *to = pass == 0 ? new : old;

		list = NULL;
		for (i = 0; i < p->nquestions; i++) {
			const struct question *q = &p->questions[i];
			const struct choice *ch, *tch;

			if (report_chosen(from->sess, q, &ch) != CHOSEN_CHOICE)
				continue;
			if (report_chosen(to->sess, q, &tch) == CHOSEN_CHOICE && tch == ch)
				continue;
			if (list == NULL) {
				doc_heading(doc, 2, pass == 0 ? w->guidance_gone : w->guidance_new);
				list = doc_list(doc, false);
			}
			doc_textf(doc_para(doc_item(list)), "%s %d: %s", w->question, q->id,
			    ch->text->title);
		}
	}
	score_free(&so);
	score_free(&sn);
	return doc;
}

/*
 * One side of a question in the JSON progress report: its level, "na" or
 * null (unanswered), as the report's JSON gives a choice.
 */
static void
json_side(struct jsonw *j, const char *key, const struct session *s, const struct question *q)
{
	const struct choice *ch;

	switch (report_chosen(s, q, &ch)) {
	case CHOSEN_CHOICE:
		jw_int(j, key, ch->level);
		break;
	case CHOSEN_NA:
		jw_str(j, key, "na");
		break;
	default:
		jw_null(j, key);
		break;
	}
}

static void
diff_json(struct buf *o, const struct pack *p, const struct respondent *old,
    const struct respondent *new)
{
	struct score so, sn;
	struct jsonw j;
	size_t i;

	score_compute(&so, p, old->sess);
	score_compute(&sn, p, new->sess);
	jw_init(&j, o);
	jw_open(&j, NULL, '{', false);
	jw_str(&j, "pack", p->id);
	jw_str(&j, "organisation", diff_organisation(old, new));
	jw_str(&j, "old", old->path);
	jw_str(&j, "old_date", old->sess->date);
	jw_str(&j, "new", new->path);
	jw_str(&j, "new_date", new->sess->date);
	jw_open(&j, "overall", '{', true);
	jw_level(&j, "old", so.level100, so.answered > 0);
	jw_level(&j, "new", sn.level100, sn.answered > 0);
	jw_close(&j);
	jw_open(&j, "areas", '[', false);
	for (i = 0; i < p->nareas; i++) {
		jw_open(&j, NULL, '{', true);
		jw_str(&j, "id", p->areas[i].id);
		jw_level(&j, "old", so.areas[i].level100, so.areas[i].answered > 0);
		jw_level(&j, "new", sn.areas[i].level100, sn.areas[i].answered > 0);
		jw_close(&j);
	}
	jw_close(&j);
	jw_open(&j, "questions", '[', false);
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];

		jw_open(&j, NULL, '{', true);
		jw_int(&j, "id", q->id);
		json_side(&j, "old", old->sess, q);
		json_side(&j, "new", new->sess, q);
		jw_close(&j);
	}
	jw_close(&j);
	jw_close(&j);
	score_free(&so);
	score_free(&sn);
}

void
diff_write(struct buf *out, const struct pack *p, const struct respondent *old,
    const struct respondent *new, int format, int width)
{
	const struct report_words *w = report_words(p->language);
	const char *org;
	cmark_node *doc;
	char *title;

	if (format == REPORT_JSON) {
		diff_json(out, p, old, new);
		return;
	}
	doc = diff_doc(p, old, new, format == REPORT_PLAIN);
	org = diff_organisation(old, new);
	title = org != NULL && *org != '\0' ? xasprintf("%s: %s: %s", org, p->title, w->progress) :
	    xasprintf("%s: %s", p->title, w->progress);
	doc_render(out, doc, (enum report_format)format, width, p->language, title, NULL);
	free(title);
	doc_free(doc);
}

/* SPDX-License-Identifier: MIT */
/*
 * merge.c: group reports and progress reports. Both are written once, as
 * Markdown (tables as preformatted blocks, so that they line up in every
 * output), and turned into text, Markdown or HTML by the report module;
 * JSON and CSV are written directly for spreadsheets and other programs.
 * Levels are integers in hundredths, as in score.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "merge.h"
#include "score.h"
#include "text.h"

struct group {
	const struct pack		*pack;
	const struct report_words	*w;
	const struct respondent		*r;
	size_t				 n;
	struct score			*scores;	/* one per respondent */
	const char			**roles;	/* distinct role labels */
	size_t				 nroles;
	size_t				*role_of;	/* respondent -> role index */
};

struct ranked {
	size_t	index;
	int	spread;
	int	lo, hi;
};

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
	return s->role != NULL ? report_role(g->w, s->role) : g->w->no_role;
}

static void
group_init(struct group *g, const struct pack *p, const struct respondent *r, size_t n)
{
	size_t i, k;

	memset(g, 0, sizeof(*g));
	g->pack = p;
	g->w = report_words(p->language);
	g->r = r;
	g->n = n;
	g->scores = xcalloc(n ? n : 1, sizeof(*g->scores));
	g->roles = xcalloc(n ? n : 1, sizeof(*g->roles));
	g->role_of = xcalloc(n ? n : 1, sizeof(*g->role_of));
	for (i = 0; i < n; i++) {
		const char *label = role_label(g, r[i].sess);

		score_compute(&g->scores[i], p, r[i].sess);
		/* roles are few: a linear search over the distinct ones */
		for (k = 0; k < g->nroles && strcmp(g->roles[k], label) != 0; k++)
			;
		if (k == g->nroles)
			g->roles[g->nroles++] = label;
		g->role_of[i] = k;
	}
}

static void
group_free(struct group *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		score_free(&g->scores[i]);
	free(g->scores);
	free(g->roles);
	free(g->role_of);
}

/* Mean, lowest and highest area level over the respondents who answered in it. */
static bool
area_stats(const struct group *g, size_t a, int *mean, int *lo, int *hi)
{
	long sum = 0, cnt = 0;
	size_t i;

	*lo = 1 << 30;
	*hi = 0;
	for (i = 0; i < g->n; i++) {
		const struct area_score *as = &g->scores[i].areas[a];
		if (as->answered == 0)
			continue;
		sum += as->level100;
		cnt++;
		if (as->level100 < *lo)
			*lo = as->level100;
		if (as->level100 > *hi)
			*hi = as->level100;
	}
	*mean = cnt ? (int)((sum * 2 + cnt) / (2 * cnt)) : 0;
	return cnt > 0;
}

/* The level a respondent chose for question q: 0 for none or not applicable. */
static int
chosen_level(const struct session *s, const struct question *q)
{
	const struct answer *a = session_answer(s, q->id);
	const struct choice *ch;

	if (a == NULL || a->choice <= 0 || (ch = question_choice(q, a->choice)) == NULL)
		return 0;
	return ch->level;
}

static bool
question_spread(const struct group *g, const struct question *q, int *lo, int *hi)
{
	size_t i;
	int l;

	*lo = 1 << 30;
	*hi = 0;
	for (i = 0; i < g->n; i++) {
		if ((l = chosen_level(g->r[i].sess, q)) == 0)
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

struct session *
merge_answers(const struct pack *pack, const struct session *const *r, size_t n)
{
	struct session *s = session_new(pack);
	int counts[CONTENT_MAX_CHOICES + 1], pcount[4], l, best;
	size_t i, k, m, seen;

	for (i = 0; i < pack->nquestions; i++) {
		const struct question *q = &pack->questions[i];

		memset(counts, 0, sizeof(counts));
		for (k = 0, m = 0; k < n; k++)
			if ((l = chosen_level(r[k], q)) > 0) {
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
		const char *id = pack->areas[i].id;

		memset(pcount, 0, sizeof(pcount));
		for (k = 0; k < n; k++)
			pcount[session_priority(r[k], id)]++;
		best = PRIORITY_NONE;
		for (l = PRIORITY_HIGH, m = 0; l >= PRIORITY_LOW; l--)	/* m: best's count */
			if ((size_t)pcount[l] > m) {
				best = l;
				m = (size_t)pcount[l];
			}
		if (best != PRIORITY_NONE)
			session_set_priority(s, id, (enum priority)best);
	}
	return s;
}

static struct session *
group_session(const struct group *g)
{
	const struct session **r = xcalloc(g->n ? g->n : 1, sizeof(*r));
	struct session *s;
	size_t i;

	for (i = 0; i < g->n; i++)
		r[i] = g->r[i].sess;
	s = merge_answers(g->pack, r, g->n);
	free(r);
	return s;
}

static void
merge_markdown(struct buf *o, const struct group *g)
{
	const struct report_words *w = g->w;
	const struct pack *p = g->pack;
	struct ranked *rank;
	struct session *gs;
	char lv[4][32];
	size_t i, k, j, nrank;
	int mean, lo, hi, *counts, na;
	bool any_version = false;

	buf_adds(o, "# ");
	report_md_escape(o, p->title);
	buf_printf(o, ": %s\n\n**%s: %zu**", w->group, w->respondents, g->n);
	for (k = 0; k < g->nroles; k++) {
		size_t c = 0;
		for (i = 0; i < g->n; i++)
			c += g->role_of[i] == k;
		buf_adds(o, k ? ", " : " (");
		report_md_escape(o, g->roles[k]);
		buf_printf(o, " %zu", c);
	}
	buf_adds(o, g->nroles ? ")\n" : "\n");
	for (i = 0; i < g->n; i++) {
		const struct session *s = g->r[i].sess;
		if (!session_other_version(s, p))
			continue;
		if (!any_version)
			buf_printf(o, "\n%s:\n\n", w->other_versions);
		any_version = true;
		buf_adds(o, "- ");
		report_md_escape(o, g->r[i].path);
		buf_printf(o, " (%s %d)\n", w->version, s->pack_version);
	}

	/* areas: a list, which wraps and reads aloud better than a table */
	buf_printf(o, "\n## %s\n\n", w->areas);
	for (i = 0; i < p->nareas; i++) {
		bool have = area_stats(g, i, &mean, &lo, &hi);
		level(g, lv[0], sizeof(lv[0]), mean, have);
		level(g, lv[1], sizeof(lv[1]), lo, have);
		level(g, lv[2], sizeof(lv[2]), hi, have);
		level(g, lv[3], sizeof(lv[3]), hi - lo, have);
		buf_adds(o, "- **");
		report_md_escape(o, p->areas[i].title);
		buf_printf(o, "**: %s %s \xC2\xB7 %s %s \xC2\xB7 %s %s \xC2\xB7 %s %s\n",
		    w->mean, lv[0], w->min, lv[1], w->max, lv[2], w->spread, lv[3]);
	}

	/* least consensus: areas, then questions, largest spread first */
	buf_printf(o, "\n## %s\n\n%s\n\n", w->consensus, w->consensus_intro);
	nrank = 0;
	rank = xcalloc(p->nareas + p->nquestions + 1, sizeof(*rank));
	for (i = 0; i < p->nareas; i++)
		if (area_stats(g, i, &mean, &lo, &hi) && hi > lo)
			rank[nrank++] = (struct ranked){ i, hi - lo, lo, hi };
	qsort(rank, nrank, sizeof(*rank), ranked_cmp);
	for (i = 0; i < nrank && i < 5; i++) {
		level(g, lv[0], sizeof(lv[0]), rank[i].spread, true);
		level(g, lv[1], sizeof(lv[1]), rank[i].lo, true);
		level(g, lv[2], sizeof(lv[2]), rank[i].hi, true);
		buf_printf(o, "%zu. **", i + 1);
		report_md_escape(o, p->areas[rank[i].index].title);
		buf_printf(o, "**: %s %s (%s\xE2\x80\x93%s)\n", w->spread, lv[0], lv[1], lv[2]);
	}
	buf_addc(o, '\n');
	nrank = 0;
	for (i = 0; i < p->nquestions; i++)
		if (question_spread(g, &p->questions[i], &lo, &hi) && hi > lo)
			rank[nrank++] = (struct ranked){ i, (hi - lo) * 100, lo, hi };
	qsort(rank, nrank, sizeof(*rank), ranked_cmp);
	for (i = 0; i < nrank && i < 10; i++) {
		const struct question *q = &p->questions[rank[i].index];
		buf_printf(o, "%zu. %s %d: ", i + 1, w->question, q->id);
		report_md_escape(o, q->text);
		buf_printf(o, " (%d\xE2\x80\x93%d)\n", rank[i].lo, rank[i].hi);
	}
	free(rank);

	/* roles by area */
	buf_printf(o, "\n## %s\n\n", w->roles_by_area);
	for (i = 0; i < p->nareas; i++) {
		buf_adds(o, "- **");
		report_md_escape(o, p->areas[i].title);
		buf_adds(o, "**:");
		for (k = 0; k < g->nroles; k++) {
			long sum = 0, cnt = 0;
			for (j = 0; j < g->n; j++) {
				const struct area_score *as = &g->scores[j].areas[i];
				if (g->role_of[j] == k && as->answered > 0) {
					sum += as->level100;
					cnt++;
				}
			}
			level(g, lv[0], sizeof(lv[0]), cnt ? (int)((sum * 2 + cnt) / (2 * cnt)) : 0,
			    cnt > 0);
			buf_adds(o, k ? " \xC2\xB7 " : " ");
			report_md_escape(o, g->roles[k]);
			buf_printf(o, " %s", lv[0]);
		}
		buf_addc(o, '\n');
	}

	/* distribution per question, by role */
	buf_printf(o, "\n## %s\n", w->distribution);
	counts = xcalloc(CONTENT_MAX_CHOICES, sizeof(*counts));
	for (i = 0; i < p->nareas; i++) {
		const struct area *a = &p->areas[i];

		buf_adds(o, "\n### ");
		report_md_escape(o, a->title);
		buf_addc(o, '\n');
		for (k = 0; k < a->nquestions; k++) {
			const struct question *q = &p->questions[a->first + k];
			struct buf bar;
			size_t r;

			memset(counts, 0, CONTENT_MAX_CHOICES * sizeof(*counts));
			na = 0;
			for (j = 0; j < g->n; j++) {
				const struct answer *ans = session_answer(g->r[j].sess, q->id);
				int l = chosen_level(g->r[j].sess, q);
				if (l > 0)
					counts[l - 1]++;
				else if (ans != NULL && ans->choice == ANSWER_NA)
					na++;
			}
			buf_printf(o, "\n**%s %d.** ", w->question, q->id);
			report_md_escape(o, q->text);
			buf_init(&bar);
			report_count_bar(&bar, counts, q->nchoices, na);
			buf_printf(o, "\n\n    %s\n", bar.data);
			buf_free(&bar);
			for (r = 0; r < g->nroles; r++) {
				bool first = true;
				for (j = 0; j < g->n; j++) {
					int l;
					if (g->role_of[j] != r || (l = chosen_level(g->r[j].sess, q)) == 0)
						continue;
					if (first)
						buf_printf(o, "    %s:", g->roles[r]);
					buf_printf(o, " %d", l);
					first = false;
				}
				if (!first)
					buf_addc(o, '\n');
			}
		}
	}
	free(counts);

	/* the plan, on the group's answers */
	buf_printf(o, "\n## %s\n\n", w->group_plan);
	gs = group_session(g);
	report_plan_markdown(o, p, gs);
	session_free(gs);
}

static void
json_level(struct buf *o, int v, bool have)
{
	if (have)
		buf_printf(o, "%d.%02d", v / 100, v % 100);
	else
		buf_adds(o, "null");
}

static void
merge_json(struct buf *o, const struct group *g)
{
	const struct pack *p = g->pack;
	size_t i, j, k;
	int mean, lo, hi;

	buf_adds(o, "{\n  \"pack\": {\"id\": ");
	json_string(o, p->id);
	buf_printf(o, ", \"version\": %d, \"language\": ", p->version);
	json_string(o, p->language);
	buf_adds(o, "},\n  \"respondents\": [");
	for (i = 0; i < g->n; i++) {
		const struct session *s = g->r[i].sess;
		buf_adds(o, i ? ",\n    {\"file\": " : "\n    {\"file\": ");
		json_string(o, g->r[i].path);
		buf_adds(o, ", \"organisation\": ");
		json_string(o, s->organisation);
		buf_adds(o, ", \"role\": ");
		json_string(o, s->role);
		buf_adds(o, ", \"date\": ");
		json_string(o, s->date);
		buf_printf(o, ", \"version\": %d}", s->pack_version);
	}
	buf_adds(o, "\n  ],\n  \"areas\": [");
	for (i = 0; i < p->nareas; i++) {
		bool have = area_stats(g, i, &mean, &lo, &hi);
		buf_adds(o, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_string(o, p->areas[i].id);
		buf_adds(o, ", \"mean\": ");
		json_level(o, mean, have);
		buf_adds(o, ", \"min\": ");
		json_level(o, lo, have);
		buf_adds(o, ", \"max\": ");
		json_level(o, hi, have);
		buf_adds(o, ", \"spread\": ");
		json_level(o, hi - lo, have);
		buf_adds(o, ", \"by_role\": {");
		for (k = 0; k < g->nroles; k++) {
			long sum = 0, cnt = 0;
			for (j = 0; j < g->n; j++)
				if (g->role_of[j] == k && g->scores[j].areas[i].answered > 0) {
					sum += g->scores[j].areas[i].level100;
					cnt++;
				}
			buf_adds(o, k ? ", " : "");
			json_string(o, g->roles[k]);
			buf_adds(o, ": ");
			json_level(o, cnt ? (int)((sum * 2 + cnt) / (2 * cnt)) : 0, cnt > 0);
		}
		buf_adds(o, "}}");
	}
	buf_adds(o, "\n  ],\n  \"questions\": [");
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		int counts[CONTENT_MAX_CHOICES] = { 0 }, na = 0;

		for (j = 0; j < g->n; j++) {
			const struct answer *a = session_answer(g->r[j].sess, q->id);
			int l = chosen_level(g->r[j].sess, q);
			if (l > 0)
				counts[l - 1]++;
			else if (a != NULL && a->choice == ANSWER_NA)
				na++;
		}
		buf_printf(o, "%s\n    {\"id\": %d, \"area\": ", i ? "," : "", q->id);
		json_string(o, q->area->id);
		buf_adds(o, ", \"counts\": [");
		for (k = 0; k < q->nchoices; k++)
			buf_printf(o, "%s%d", k ? ", " : "", counts[k]);
		buf_printf(o, "], \"not_applicable\": %d, \"spread\": ", na);
		if (question_spread(g, q, &lo, &hi))
			buf_printf(o, "%d}", hi - lo);
		else
			buf_adds(o, "null}");
	}
	buf_adds(o, "\n  ]\n}\n");
}

/* A CSV field: quoted, quotes doubled, controls made visible, formulas defused. */
static void
csv_field(struct buf *o, const char *s)
{
	char *disp;
	const char *p;

	if (s == NULL)
		return;
	disp = text_display(s, strlen(s), NULL);
	buf_addc(o, '"');
	if (strchr("=+-@", disp[0]) != NULL && disp[0] != '\0')
		buf_addc(o, '\'');	/* a spreadsheet must not run it as a formula */
	for (p = disp; *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(o, '"');
		buf_addc(o, *p);
	}
	buf_addc(o, '"');
	free(disp);
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
			int l = chosen_level(s, q);

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
			if (a != NULL && a->choice == ANSWER_NA)
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
	struct buf md;
	char *title;

	group_init(&g, p, r, n);
	if (format == REPORT_JSON) {
		merge_json(out, &g);
	} else if (format == REPORT_CSV) {
		merge_csv(out, &g);
	} else {
		buf_init(&md);
		merge_markdown(&md, &g);
		title = xasprintf("%s: %s", p->title, g.w->group);
		report_markdown_page(out, md.data, (enum report_format)format, width,
		    p->language, title);
		free(title);
		buf_free(&md);
	}
	group_free(&g);
}

/* --- diff ---------------------------------------------------------------- */

static void
diff_markdown(struct buf *o, const struct pack *p, const struct respondent *old,
    const struct respondent *new)
{
	const struct report_words *w = report_words(p->language);
	struct score so, sn;
	char a[32], b[32], c[32];
	size_t i, pass;
	const char *titles[3];

	score_compute(&so, p, old->sess);
	score_compute(&sn, p, new->sess);
	titles[0] = w->improved;
	titles[1] = w->regressed;
	titles[2] = w->unchanged;
	buf_adds(o, "# ");
	report_md_escape(o, p->title);
	buf_printf(o, ": %s\n\n", w->progress);
	buf_printf(o, "- %s: ", w->before);
	report_md_escape(o, old->sess->date != NULL ? old->sess->date : old->path);
	buf_printf(o, "\n- %s: ", w->after);
	report_md_escape(o, new->sess->date != NULL ? new->sess->date : new->path);
	buf_addc(o, '\n');
	for (i = 0; i < 2; i++) {
		const struct respondent *r = i == 0 ? old : new;
		if (session_other_version(r->sess, p)) {
			buf_adds(o, "\n");
			report_md_escape(o, r->path);
			buf_printf(o, ": %s\n", w->version_differs);
		}
	}
	buf_printf(o, "\n## %s\n\n", w->areas);
	for (i = 0; i <= p->nareas; i++) {
		const struct area_score *ao = i < p->nareas ? &so.areas[i] : NULL;
		const struct area_score *an = i < p->nareas ? &sn.areas[i] : NULL;
		int lo = ao ? ao->level100 : so.level100, ln = an ? an->level100 : sn.level100;
		bool ho = ao ? ao->answered > 0 : so.answered > 0;
		bool hn = an ? an->answered > 0 : sn.answered > 0;

		if (ho)
			score_format_level(a, sizeof(a), lo, w->decimal);
		else
			snprintf(a, sizeof(a), "-");
		if (hn)
			score_format_level(b, sizeof(b), ln, w->decimal);
		else
			snprintf(b, sizeof(b), "-");
		c[0] = '\0';
		if (ho && hn) {
			c[0] = ln >= lo ? '+' : '-';
			score_format_level(c + 1, sizeof(c) - 1, ln >= lo ? ln - lo : lo - ln,
			    w->decimal);
		}
		buf_adds(o, "- **");
		report_md_escape(o, ao ? ao->area->title : w->overall);
		buf_printf(o, "**: %s \xE2\x86\x92 %s%s%s%s\n", a, b, c[0] ? " (" : "", c,
		    c[0] ? ")" : "");
	}
	for (pass = 0; pass < 3; pass++) {
		bool any = false;
		for (i = 0; i < p->nquestions; i++) {
			const struct question *q = &p->questions[i];
			int lo = chosen_level(old->sess, q), ln = chosen_level(new->sess, q);
			bool show;

			if (lo == 0 || ln == 0)
				continue;
			show = pass == 0 ? ln > lo : pass == 1 ? ln < lo : ln == lo;
			if (!show)
				continue;
			if (!any)
				buf_printf(o, "\n## %s\n\n", titles[pass]);
			any = true;
			buf_printf(o, "- %s %d: ", w->question, q->id);
			report_md_escape(o, q->text);
			buf_printf(o, " (%d \xE2\x86\x92 %d)\n", lo, ln);
		}
	}
	for (pass = 0; pass < 2; pass++) {
		bool any = false;
		const struct respondent *from = pass == 0 ? old : new;
		const struct respondent *to = pass == 0 ? new : old;

		for (i = 0; i < p->nquestions; i++) {
			const struct question *q = &p->questions[i];
			const struct answer *fa = session_answer(from->sess, q->id);
			const struct answer *ta = session_answer(to->sess, q->id);
			const struct choice *ch;

			if (fa == NULL || fa->choice <= 0 ||
			    (ch = question_choice(q, fa->choice)) == NULL)
				continue;
			if (ta != NULL && ta->choice == fa->choice)
				continue;
			if (!any)
				buf_printf(o, "\n## %s\n\n", pass == 0 ? w->guidance_gone :
				    w->guidance_new);
			any = true;
			buf_printf(o, "- %s %d: ", w->question, q->id);
			report_md_escape(o, ch->text->title);
			buf_addc(o, '\n');
		}
	}
	score_free(&so);
	score_free(&sn);
}

static void
diff_json(struct buf *o, const struct pack *p, const struct respondent *old,
    const struct respondent *new)
{
	struct score so, sn;
	size_t i;

	score_compute(&so, p, old->sess);
	score_compute(&sn, p, new->sess);
	buf_adds(o, "{\n  \"pack\": ");
	json_string(o, p->id);
	buf_adds(o, ",\n  \"old\": ");
	json_string(o, old->path);
	buf_adds(o, ",\n  \"new\": ");
	json_string(o, new->path);
	buf_adds(o, ",\n  \"overall\": {\"old\": ");
	json_level(o, so.level100, so.answered > 0);
	buf_adds(o, ", \"new\": ");
	json_level(o, sn.level100, sn.answered > 0);
	buf_adds(o, "},\n  \"areas\": [");
	for (i = 0; i < p->nareas; i++) {
		buf_adds(o, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_string(o, p->areas[i].id);
		buf_adds(o, ", \"old\": ");
		json_level(o, so.areas[i].level100, so.areas[i].answered > 0);
		buf_adds(o, ", \"new\": ");
		json_level(o, sn.areas[i].level100, sn.areas[i].answered > 0);
		buf_adds(o, "}");
	}
	buf_adds(o, "\n  ],\n  \"questions\": [");
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		buf_printf(o, "%s\n    {\"id\": %d, \"old\": %d, \"new\": %d}", i ? "," : "", q->id,
		    chosen_level(old->sess, q), chosen_level(new->sess, q));
	}
	buf_adds(o, "\n  ]\n}\n");
	score_free(&so);
	score_free(&sn);
}

void
diff_write(struct buf *out, const struct pack *p, const struct respondent *old,
    const struct respondent *new, int format, int width)
{
	const struct report_words *w = report_words(p->language);
	struct buf md;
	char *title;

	if (format == REPORT_JSON) {
		diff_json(out, p, old, new);
		return;
	}
	buf_init(&md);
	diff_markdown(&md, p, old, new);
	title = xasprintf("%s: %s", p->title, w->progress);
	report_markdown_page(out, md.data, (enum report_format)format, width, p->language, title);
	free(title);
	buf_free(&md);
}

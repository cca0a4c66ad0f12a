/* SPDX-License-Identifier: MIT */
/*
 * report.c: the report. One walk over pack, session and score builds the
 * report as a document (see report_doc.c), which is rendered as text,
 * Markdown or HTML; JSON is the same facts as data. What was chosen for a
 * question is decided once, by report_chosen, for every format and for
 * merge and diff. Also the exported report's file name.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "layout.h"
#include "report.h"
#include "network.h"
#include "room.h"
#include "score.h"
#include "text.h"

struct report {
	const struct pack		*pack;
	const struct session		*sess;
	const struct report_words	*w;
	struct score			 score;
	const struct network		*nw;	/* --compare, or NULL */
	bool				 plain;	/* REPORT_PLAIN: no bars */
	bool				 numbers;	/* counts as numbers: bars are the terminal's */
	int				 width;		/* the text's columns */
};

int
report_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return REPORT_TEXT;
	if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		return REPORT_MARKDOWN;
	if (strcmp(s, "html") == 0)
		return REPORT_HTML;
	if (strcmp(s, "json") == 0)
		return REPORT_JSON;
	if (strcmp(s, "plain") == 0)
		return REPORT_PLAIN;
	return -1;
}

enum chosen
report_chosen(const struct session *s, const struct question *q, const struct choice **ch)
{
	const struct answer *a = session_answer(s, q->id);
	const struct choice *c;

	if (ch != NULL)
		*ch = NULL;
	if (a == NULL)
		return CHOSEN_NONE;
	if (a->choice == ANSWER_NA)
		return CHOSEN_NA;
	if (a->choice <= 0 || (c = question_choice(q, a->choice)) == NULL)
		return CHOSEN_NONE;
	if (ch != NULL)
		*ch = c;
	return CHOSEN_CHOICE;
}

static const char *
priority_word(const struct report_words *w, enum priority p)
{
	switch (p) {
	case PRIORITY_HIGH:
		return w->high;
	case PRIORITY_MEDIUM:
		return w->medium;
	case PRIORITY_LOW:
		return w->low;
	default:
		return NULL;
	}
}

static void
level_text(const struct report_words *w, char *out, size_t size, int level100, int answered,
    const char *none)
{
	if (answered == 0)
		snprintf(out, size, "%s", none);
	else
		score_format_level(out, size, level100, w->decimal);
}

/* A ten-cell bar of a level out of max_level, and its share in percent. */
static int
bar_text(char *out, int level100, int max_level)
{
	int i, filled = max_level > 0 ? (level100 * 10 + max_level * 50) / (max_level * 100) : 0;

	out[0] = '[';
	for (i = 0; i < 10; i++)
		out[1 + i] = i < filled ? '#' : '-';
	out[11] = ']';
	out[12] = '\0';
	return max_level > 0 ? (level100 + max_level / 2) / max_level : 0;
}

static const char *
step_of(const struct report_words *w, const struct choice *ch)
{
	return ch->text != NULL && ch->text->step != NULL ? ch->text->step : w->step_fallback;
}

/*
 * Each option's votes as its number, a bar and the count, held together
 * by no-break spaces (the words of "not applicable" too) where the whole
 * of it fits on a line of width columns, indented: a line then breaks only
 * between two options, never between an option and its count. One too
 * wide for that keeps its spaces, to be broken at them.
 */
void
report_count_bar(struct buf *b, const struct report_words *w, const int *counts,
    size_t nchoices, int na, int width)
{
	const char *p, *sp;
	char num[32];
	size_t k;
	int j, c, cells, itemw;

	for (k = 0; k <= nchoices; k++) {
		if (k == nchoices && na == 0)
			break;
		c = k < nchoices ? counts[k] : na;
		cells = c == 0 ? 1 : c < 20 ? c : 20;
		snprintf(num, sizeof(num), "%zu", k + 1);
		/* the label, the bar, "+" past 20, the count, the dot after it, an indent of 4 */
		itemw = (k < nchoices ? (int)strlen(num) : text_width(w->na_short,
		    strlen(w->na_short))) + 1 + cells + (c > 20) + 1 + snprintf(NULL, 0, "%d", c) + 2 + 4;
		sp = itemw <= width ? REPORT_NBSP : " ";
		if (k > 0)
			buf_adds(b, REPORT_DOT);
		if (k < nchoices)
			buf_adds(b, num);
		else
			for (p = w->na_short; *p != '\0'; p++)
				if (*p == ' ')
					buf_adds(b, sp);
				else
					buf_addc(b, *p);
		buf_adds(b, sp);
		for (j = 0; j < c && j < 20; j++)
			buf_addc(b, '#');
		if (c == 0)
			buf_addc(b, '.');
		if (c > 20)
			buf_addc(b, '+');
		buf_printf(b, "%s%d", sp, c);
	}
}

void
report_count_numbers(struct buf *b, const struct report_words *w, const int *counts,
    size_t nchoices, int na)
{
	size_t k;

	for (k = 0; k < nchoices; k++)
		buf_printf(b, "%s%zu: %d", k > 0 ? ", " : "", k + 1, counts[k]);
	if (na > 0)
		buf_printf(b, ", %s: %d", w->na, na);	/* in words: no "n/a" to spell out */
}

/*
 * "Votes: " and the votes of an answer, which has some, to para: as a bar
 * in the terminal's text, as numbers in every other format.
 */
static void
add_votes(cmark_node *para, const struct report *r, const struct question *q,
    const struct answer *a)
{
	struct buf b;
	int na = a->nvotes > (int)q->nchoices ? a->votes[q->nchoices] : 0;

	buf_init(&b);
	if (r->numbers)
		report_count_numbers(&b, r->w, a->votes, q->nchoices, na);
	else
		report_count_bar(&b, r->w, a->votes, q->nchoices, na, r->width);
	doc_textf(para, "%s: ", r->w->votes);
	(r->numbers ? doc_text : doc_code)(para, b.data);
	buf_free(&b);
	if (a->changed) {	/* the room's decision over its own majority: said, not lost */
		doc_break(para);
		doc_emph(para, r->w->room_changed);
	}
}

/* ------------------------------------------------------------- document */

/* "Label: value" lines of the header, as one paragraph. */
static void
field(cmark_node *para, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	if (cmark_node_first_child(para) != NULL)
		doc_break(para);
	doc_strong(para, label);
	doc_textf(para, ": %s", value);
}

/* The improvement plan: an ordered list of areas, each with its first steps. */
static void
plan_list(cmark_node *parent, const struct report_words *w, const struct score *sc)
{
	cmark_node *list, *item, *para, *steps;
	char lv[32];
	size_t i, k;

	doc_text(doc_para(parent), sc->nplan ? w->plan_intro : w->plan_none);
	if (sc->nplan == 0)
		return;
	list = doc_list(parent, true);
	for (i = 0; i < sc->nplan; i++) {
		const struct plan_area *pa = &sc->plan[i];
		const char *prio = priority_word(w, pa->score->priority);

		level_text(w, lv, sizeof(lv), pa->score->level100, pa->score->answered, "-");
		item = doc_item(list);
		para = doc_para(item);
		doc_strong(para, pa->score->area->title);
		if (prio != NULL)
			doc_textf(para, " (%s %s, %s: %s)", w->level, lv, w->priority, prio);
		else
			doc_textf(para, " (%s %s)", w->level, lv);
		if (pa->nsteps == 0)
			continue;
		steps = doc_list(item, false);
		for (k = 0; k < pa->nsteps; k++) {
			const struct plan_step *st = &pa->steps[k];

			para = doc_para(doc_item(steps));
			doc_textf(para, "%s %d: %s", w->question, st->question->id, st->question->text);
			doc_break(para);
			doc_emph(para, w->first_step);
			doc_textf(para, ": %s", step_of(w, st->choice));
		}
	}
}

void
report_plan(cmark_node *parent, const struct pack *p, const struct score *sc)
{
	plan_list(parent, report_words(p->language), sc);
}

const char *
report_priority_id(enum priority p)
{
	switch (p) {
	case PRIORITY_HIGH:
		return "high";
	case PRIORITY_MEDIUM:
		return "medium";
	case PRIORITY_LOW:
		return "low";
	default:
		return NULL;
	}
}

void
report_plan_json(struct jsonw *j, const struct pack *p, const struct score *sc)
{
	const struct report_words *w = report_words(p->language);
	size_t i, k;

	jw_open(j, "plan", '[', false);
	for (i = 0; i < sc->nplan; i++) {
		const struct plan_area *pa = &sc->plan[i];

		jw_open(j, NULL, '{', true);
		jw_str(j, "area", pa->score->area->id);
		jw_open(j, "steps", '[', true);
		for (k = 0; k < pa->nsteps; k++) {
			jw_open(j, NULL, '{', true);
			jw_int(j, "question", pa->steps[k].question->id);
			jw_int(j, "level", pa->steps[k].choice->level);
			jw_str(j, "step", step_of(w, pa->steps[k].choice));
			jw_close(j);
		}
		jw_close(j);
		jw_close(j);
	}
	jw_close(j);
}

static void
build_summary(cmark_node *doc, const struct report *r)
{
	const struct report_words *w = r->w;
	cmark_node *list, *para;
	/*
	 * No level: a dash to the eye, words to a listener. In the list the
	 * dash stands where a level's last digit would, after figure spaces
	 * (as wide as a digit, and not folded as spaces are), so that the
	 * bars of "2,50" and "-" line up.
	 */
	const char *none = r->plain ? w->not_scored : "-";
	const char *none_listed = r->plain ? none : "\xE2\x80\x87\xE2\x80\x87\xE2\x80\x87-";
	char lv[32], bar[16], *legend;
	size_t i;
	int pct;

	doc_heading(doc, 2, w->summary);
	list = doc_list(doc_block(doc, DOC_SUMMARY), false);
	for (i = 0; i < r->score.nareas; i++) {
		const struct area_score *as = &r->score.areas[i];

		level_text(w, lv, sizeof(lv), as->level100, as->answered, none_listed);
		para = doc_para(doc_item(list));
		if (r->plain) {
			/* heard, not seen: the area first, then what its numbers are */
			doc_strong(para, as->area->title);
			doc_textf(para, ": %s (%d/%d)", lv, as->answered, as->total);
			continue;
		}
		/* the numbers first, so that they line up; then the area */
		pct = bar_text(bar, as->level100, as->max_level);
		doc_textf(para, "%s ", lv);
		doc_bar(para, pct, bar);
		doc_textf(para, " %d/%d ", as->answered, as->total);
		doc_strong(para, as->area->title);
	}
	level_text(w, lv, sizeof(lv), r->score.level100, r->score.answered, none);
	para = doc_para(doc);
	doc_strong(para, w->overall);
	doc_textf(para, ": %s (%d/%d)", lv, r->score.answered, r->score.total);
	legend = r->plain ? xasprintf("%s %s", w->legend_plain, w->legend_counts) :
	    xasprintf("%s %s %s", w->legend, w->legend_bar, w->legend_counts);
	doc_emph(doc_para(doc), legend);
	free(legend);
}

static void
build_disagreements(cmark_node *doc, const struct report *r)
{
	struct room_disagreement *dis = NULL;
	cmark_node *list = NULL, *para;
	size_t i, nd = room_disagreements(r->pack, r->sess, &dis);

	for (i = 0; i < nd; i++) {
		if (list == NULL) {
			doc_heading(doc, 2, r->w->disagreed);
			list = doc_list(doc, true);
		}
		para = doc_para(doc_item(list));
		doc_textf(para, "%s %d: %s", r->w->question, dis[i].q->id, dis[i].q->text);
		if (session_answer(r->sess, dis[i].q->id)->followup) {
			doc_text(para, " (");	/* apart from the question it follows */
			doc_strong(para, r->w->followup);
			doc_text(para, ")");
		}
		doc_break(para);
		add_votes(para, r, dis[i].q, session_answer(r->sess, dis[i].q->id));
	}
	free(dis);
}

/* "2,50" in words' language, or the words for "not scored". */
static void
level_or(const struct report_words *w, char *out, size_t size, int level100, bool have)
{
	if (have)
		score_format_level(out, size, level100, w->decimal);
	else
		snprintf(out, size, "%s", w->not_scored);
}

/*
 * A question's level, in hundredths, when the session chose a choice; and
 * whether it is below the network's lower quartile for that question.
 */
static bool
below_network(const struct report *r, const struct question *q, int *level100)
{
	const struct net_stats *st = network_question(r->nw, q->id);
	const struct choice *ch;

	if (st == NULL || !st->shown || report_chosen(r->sess, q, &ch) != CHOSEN_CHOICE)
		return false;
	*level100 = ch->level * 100;
	return *level100 < st->lower;
}

/* report --compare: each area beside the network, then the questions below it. */
static void
build_compare(cmark_node *doc, const struct report *r)
{
	const struct report_words *w = r->w;
	cmark_node *list, *para;
	char lv[32], med[32], lo[32], hi[32];
	size_t i;
	int l;

	if (r->nw == NULL)
		return;
	doc_heading(doc, 2, w->compare);
	doc_textf(doc_para(doc), "%s (%d %s).", w->compare_intro, r->nw->orgs, w->organisations);
	list = doc_list(doc, false);
	for (i = 0; i < r->score.nareas; i++) {
		const struct area_score *as = &r->score.areas[i];
		const struct net_stats *st = network_area(r->nw, as->area->id);

		para = doc_para(doc_item(list));
		doc_strong(para, as->area->title);
		level_or(w, lv, sizeof(lv), as->level100, as->answered > 0);
		doc_textf(para, ": %s" REPORT_DOT, lv);
		if (st == NULL || !st->shown) {
			doc_text(para, w->too_few);
			continue;
		}
		score_format_level(med, sizeof(med), st->median, w->decimal);
		score_format_level(lo, sizeof(lo), st->lower, w->decimal);
		score_format_level(hi, sizeof(hi), st->upper, w->decimal);
		doc_textf(para, "%s %s" REPORT_DOT "%s %s–%s" REPORT_DOT "%d %s", w->network_median, med, w->quartiles,
		    lo, hi, st->orgs, w->organisations);
		if (as->answered > 0 && as->level100 < st->lower) {
			doc_text(para, REPORT_DOT);
			doc_strong(para, w->below_network);
		}
	}
	list = NULL;
	for (i = 0; i < r->pack->nquestions; i++) {
		const struct question *q = &r->pack->questions[i];

		if (!below_network(r, q, &l))
			continue;
		if (list == NULL) {
			doc_strong(doc_para(doc), w->below_network_intro);
			list = doc_list(doc, false);
		}
		score_format_level(lo, sizeof(lo), network_question(r->nw, q->id)->lower,
		    w->decimal);
		doc_textf(doc_para(doc_item(list)), "%s %d: %s (%s %d; %s %s)", w->question, q->id,
		    q->text, w->level, l / 100, w->lower_quartile, lo);
	}
}

/* One question: its answer, votes, note and the guidance of the answer. */
static void
build_question(cmark_node *parent, const struct report *r, const struct question *q)
{
	const struct report_words *w = r->w;
	const struct answer *ans = session_answer(r->sess, q->id);
	const struct choice *ch;
	enum chosen chosen = report_chosen(r->sess, q, &ch);
	cmark_node *para;
	char *s;

	s = xasprintf("%s %d. %s", w->question, q->id, q->text);
	doc_heading(parent, 4, s);
	free(s);
	para = doc_para(parent);
	if (chosen == CHOSEN_CHOICE) {
		/* "Level 3/4": not to be taken for the summary's answered/total */
		s = xasprintf("%s (%s %d/%zu):", w->answer, w->level, ch->level, q->nchoices);
		doc_strong(para, s);
		free(s);
		doc_textf(para, " %s", ch->text->title);
	} else {
		s = xasprintf("%s:", w->answer);
		doc_strong(para, s);
		free(s);
		doc_textf(para, " %s", chosen == CHOSEN_NA ? w->na : w->unanswered);
	}
	if (ans != NULL && ans->nvotes > 0)
		add_votes(doc_para(parent), r, q, ans);
	if (ans != NULL && ans->note != NULL) {
		para = doc_para(doc_quote(parent));
		s = xasprintf("%s:", w->note);
		doc_strong(para, s);
		free(s);
		doc_text(para, " ");
		doc_text(para, ans->note);
	}
	if (chosen == CHOSEN_CHOICE)
		doc_guidance(parent, ch->text->body, ch->text->body_len);
}

/* The whole report as one document; the caller frees it with doc_free. */
static cmark_node *
build_report(const struct report *r)
{
	const struct report_words *w = r->w;
	cmark_node *doc = doc_new(), *para, *sec;
	char *s;
	size_t i, k;

	s = xasprintf("%s (%s %d)", r->pack->title, w->version, r->pack->version);
	doc_heading(doc, 1, s);
	free(s);
	if (r->sess->organisation || r->sess->role || r->sess->date) {
		para = doc_para(doc);
		field(para, w->organisation, r->sess->organisation);
		field(para, w->role, report_role(r->pack, r->sess->role));
		field(para, w->date, r->sess->date);
	}
	if (session_other_version(r->sess, r->pack))
		doc_strong(doc_para(doc), w->version_differs);
	build_summary(doc, r);
	build_compare(doc, r);
	doc_heading(doc, 2, w->plan);
	plan_list(doc, w, &r->score);
	build_disagreements(doc, r);
	doc_heading(doc, 2, w->answers);
	for (i = 0; i < r->pack->nareas; i++) {
		const struct area *a = &r->pack->areas[i];

		sec = doc_block(doc, DOC_SECTION);
		doc_heading(sec, 3, a->title);
		if (a->description != NULL)	/* what the area is about, for the board reading it */
			doc_text(doc_para(sec), a->description);
		for (k = 0; k < a->nquestions; k++)
			build_question(sec, r, &r->pack->questions[a->first + k]);
	}
	return doc;
}

/* ------------------------------------------------------------------ json */

/* The links of a guidance text, numbered in the set as the text report numbers them. */
static void
json_links(struct jsonw *j, const struct answer_text *t, struct linkset *links)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);	/* cmark's own memory, read here */
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n;
	const char *url;
	char *safe;

	doc_markdown(doc, t->body, t->body_len);
	it = cmark_iter_new(doc);
	jw_open(j, "links", '[', true);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_EXIT || (cmark_node_get_type(n) != CMARK_NODE_LINK &&
		    cmark_node_get_type(n) != CMARK_NODE_IMAGE))
			continue;
		if ((url = cmark_node_get_url(n)) == NULL || *url == '\0')
			continue;
		safe = text_display(url, strlen(url), NULL);
		(void)linkset_add(links, safe);	/* the report's list, numbered as the text numbers it */
		jw_str(j, NULL, safe);
		free(safe);
	}
	jw_close(j);
	cmark_iter_free(it);
	cmark_node_free(doc);
}

static void
write_json(struct buf *o, struct report *r)
{
	struct linkset links;
	struct jsonw j;
	size_t i;
	int v;

	linkset_init(&links);
	jw_init(&j, o);
	jw_open(&j, NULL, '{', false);
	jw_open(&j, "pack", '{', true);
	jw_str(&j, "id", r->pack->id);
	jw_str(&j, "language", r->pack->language);
	jw_int(&j, "version", r->pack->version);
	jw_str(&j, "title", r->pack->title);
	jw_close(&j);
	jw_str(&j, "organisation", r->sess->organisation);
	jw_str(&j, "role", r->sess->role);
	jw_str(&j, "date", r->sess->date);
	jw_open(&j, "overall", '{', true);
	jw_level(&j, "level", r->score.level100, r->score.answered > 0);
	jw_int(&j, "answered", r->score.answered);
	jw_int(&j, "not_applicable", r->score.na);
	jw_int(&j, "questions", r->score.total);
	jw_close(&j);
	jw_open(&j, "areas", '[', false);
	for (i = 0; i < r->score.nareas; i++) {
		const struct area_score *as = &r->score.areas[i];

		jw_open(&j, NULL, '{', true);
		jw_str(&j, "id", as->area->id);
		jw_str(&j, "title", as->area->title);
		jw_level(&j, "level", as->level100, as->answered > 0);
		jw_int(&j, "answered", as->answered);
		jw_int(&j, "not_applicable", as->na);
		jw_int(&j, "questions", as->total);
		jw_str(&j, "priority", report_priority_id(as->priority));
		jw_close(&j);
	}
	jw_close(&j);
	if (r->nw != NULL) {
		jw_open(&j, "compare", '{', false);
		jw_int(&j, "organisations", r->nw->orgs);
		jw_open(&j, "areas", '[', false);
		for (i = 0; i < r->score.nareas; i++) {
			const struct area_score *as = &r->score.areas[i];
			const struct net_stats *st = network_area(r->nw, as->area->id);
			bool shown = st != NULL && st->shown;

			jw_open(&j, NULL, '{', true);
			jw_str(&j, "id", as->area->id);
			jw_level(&j, "level", as->level100, as->answered > 0);
			jw_int(&j, "organisations", st != NULL ? st->orgs : 0);
			jw_level(&j, "median", shown ? st->median : 0, shown);
			jw_level(&j, "lower_quartile", shown ? st->lower : 0, shown);
			jw_level(&j, "upper_quartile", shown ? st->upper : 0, shown);
			jw_close(&j);
		}
		jw_close(&j);
		jw_open(&j, "below_lower_quartile", '[', true);
		for (i = 0; i < r->pack->nquestions; i++)
			if (below_network(r, &r->pack->questions[i], &v))
				jw_int(&j, NULL, r->pack->questions[i].id);
		jw_close(&j);
		jw_close(&j);
	}
	report_plan_json(&j, r->pack, &r->score);
	jw_open(&j, "answers", '[', false);
	for (i = 0; i < r->pack->nquestions; i++) {
		const struct question *q = &r->pack->questions[i];
		const struct answer *ans = session_answer(r->sess, q->id);
		const struct choice *ch;
		enum chosen chosen = report_chosen(r->sess, q, &ch);

		if (chosen == CHOSEN_NONE && (ans == NULL || ans->note == NULL))
			continue;
		jw_open(&j, NULL, '{', true);
		jw_int(&j, "question", q->id);
		jw_str(&j, "area", q->area->id);
		if (chosen == CHOSEN_CHOICE) {
			jw_int(&j, "choice", ch->id);
			jw_int(&j, "level", ch->level);
			jw_str(&j, "title", ch->text->title);
			json_links(&j, ch->text, &links);
		} else {
			jw_str(&j, "choice", chosen == CHOSEN_NA ? "na" : NULL);
			jw_null(&j, "level");
		}
		if (ans->nvotes > 0) {
			jw_open(&j, "votes", '[', true);
			for (v = 0; v < ans->nvotes; v++)
				jw_int(&j, NULL, ans->votes[v]);
			jw_close(&j);
		}
		jw_str(&j, "note", ans->note);
		if (ans->changed)
			jw_bool(&j, "changed", true);
		if (ans->followup)
			jw_bool(&j, "followup", true);
		jw_close(&j);
	}
	jw_close(&j);
	jw_open(&j, "links", '[', false);
	for (i = 0; i < links.n; i++)
		jw_str(&j, NULL, links.urls[i]);
	jw_close(&j);
	jw_close(&j);
	linkset_free(&links);
}

int
report_texts(const struct pack *p, const struct session *s)
{
	const struct question *q;
	const struct choice *ch;
	size_t i;
	int first = 0;

	for (i = 0; i < s->nanswers; i++)
		if ((q = pack_question(p, s->answers[i].question_id)) != NULL &&
		    (ch = question_choice(q, s->answers[i].choice)) != NULL &&
		    answer_text_fill(ch->text) < 0 && (first == 0 || q->id < first))
			first = q->id;
	return first;
}

int
report_write(struct buf *out, const struct pack *p, const struct session *s,
    enum report_format format, int width, const struct network *compare)
{
	struct report r;
	cmark_node *doc;

	if (report_texts(p, s) != 0)
		return -1;
	memset(&r, 0, sizeof(r));
	r.pack = p;
	r.sess = s;
	r.w = report_words(p->language);
	r.nw = compare;
	r.plain = format == REPORT_PLAIN;
	r.numbers = format != REPORT_TEXT;
	r.width = width;
	score_compute(&r.score, p, s);
	if (format == REPORT_JSON) {
		write_json(out, &r);
	} else {
		/* the page's title names whose report it is: saved, every PDF had the same one */
		char *title = s->organisation != NULL && *s->organisation != '\0' ?
		    xasprintf("%s: %s", s->organisation, p->title) : xstrdup(p->title);

		doc = build_report(&r);
		doc_render(out, doc, format, width, p->language, title, r.w->links);
		doc_free(doc);
		free(title);
	}
	score_free(&r.score);
	return 0;
}

/* ------------------------------------------------------------- file name */

/* Letters whose decomposition has no ASCII base, spelt in ASCII. */
static const char *
translit_special(ucs4_t c)
{
	switch (c) {
	case 0x0131: return "i";	/* ı */
	case 0x00DF: return "ss";	/* ß */
	case 0x00E6: case 0x00C6: return "ae";
	case 0x00F8: case 0x00D8: return "o";
	case 0x0111: case 0x0110: return "d";
	case 0x0142: case 0x0141: return "l";
	default: return NULL;
	}
}

/*
 * Words of s in ASCII, lower case, joined by '-': every letter decomposed
 * (NFD) to its base letter, ı and a few others spelt out, the rest a break.
 */
static void
slug_add(struct buf *b, const char *s, size_t max)
{
	size_t n = 0, i = 0;
	uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)s, strlen(s), NULL, &n);
	const char *sp;
	ucs4_t c;
	int k;
	bool gap = false;

	while (nfd != NULL && i < n && b->len < max) {
		k = u8_mbtouc(&c, nfd + i, n - i);
		i += (size_t)(k > 0 ? k : 1);
		if (c < 0x80 && (ascii_isalpha((int)c) || ascii_isdigit((int)c))) {
			if (gap && b->len > 0)
				buf_addc(b, '-');
			buf_addc(b, (char)ascii_tolower((int)c));
			gap = false;
		} else if ((sp = translit_special(c)) != NULL) {
			if (gap && b->len > 0)
				buf_addc(b, '-');
			buf_adds(b, sp);
			gap = false;
		} else if (!(c >= 0x0300 && c <= 0x036F)) {
			gap = true;	/* combining marks of a decomposed letter go silently */
		}
	}
	free(nfd);
}

const char *
report_ext(enum report_format f)
{
	static const char *const ext[] = {
		[REPORT_TEXT] = "txt", [REPORT_MARKDOWN] = "md", [REPORT_HTML] = "html",
		[REPORT_JSON] = "json", [REPORT_PLAIN] = "txt"
	};

	return (size_t)f < NELEM(ext) ? ext[f] : "txt";
}

char *
report_file_name(const struct pack *p, const struct session *s, const char *ext)
{
	struct buf b;

	buf_init(&b);
	if (s->organisation != NULL)
		slug_add(&b, s->organisation, 48);
	if (b.len == 0)
		slug_add(&b, p->id, 48);
	if (b.len == 0)
		buf_adds(&b, "report");
	if (s->date != NULL) {
		buf_addc(&b, '-');
		slug_add(&b, s->date, b.len + 16);
	}
	buf_printf(&b, ".%s", ext);
	return buf_detach(&b);
}

/* SPDX-License-Identifier: MIT */
/*
 * report.c: the report writers. One walk over pack, session and score
 * feeds four sinks: plain text (through the layout engine, wrapped and
 * sanitised), Markdown, self-contained HTML (cmark's safe renderer for the
 * guidance) and JSON. Links are numbered once for the whole report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "layout.h"
#include "report.h"
#include "score.h"
#include "text.h"

struct report {
	struct buf			*out;
	const struct pack		*pack;
	const struct session		*sess;
	const struct report_words	*w;
	struct score			 score;
	struct linkset			 links;
	int				 width;
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
	return -1;
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
level_text(const struct report *r, char *out, size_t size, int level100, int answered)
{
	if (answered == 0)
		snprintf(out, size, "%s", "-");
	else
		score_format_level(out, size, level100, r->w->decimal);
}

/* A ten-cell bar of a level out of max_level. */
static void
bar_text(char *out, int level100, int max_level)
{
	int i, filled = max_level > 0 ? (level100 * 10 + max_level * 50) / (max_level * 100) : 0;

	out[0] = '[';
	for (i = 0; i < 10; i++)
		out[1 + i] = i < filled ? '#' : '-';
	out[11] = ']';
	out[12] = '\0';
}

static const char *
step_of(const struct report *r, const struct choice *ch)
{
	return ch->text != NULL && ch->text->step != NULL ? ch->text->step : r->w->step_fallback;
}

void
report_count_bar(struct buf *b, const int *counts, size_t nchoices, int na)
{
	size_t k;
	int j, c;

	for (k = 0; k <= nchoices; k++) {
		if (k == nchoices && na == 0)
			break;
		c = k < nchoices ? counts[k] : na;
		if (k > 0)
			buf_adds(b, " \xC2\xB7 ");	/* the layout folds runs of spaces */
		if (k < nchoices)
			buf_printf(b, "%zu ", k + 1);
		else
			buf_adds(b, "n/a ");
		for (j = 0; j < c && j < 20; j++)
			buf_addc(b, '#');
		if (c == 0)
			buf_addc(b, '.');
		buf_printf(b, c > 20 ? "+ %d" : " %d", c);
	}
}

/* The votes of an answer as a bar, or NULL when it has none. */
static char *
votes_text(const struct question *q, const struct answer *a)
{
	struct buf b;

	if (a == NULL || a->nvotes == 0)
		return NULL;
	buf_init(&b);
	report_count_bar(&b, a->votes, q->nchoices,
	    a->nvotes > (int)q->nchoices ? a->votes[q->nchoices] : 0);
	return buf_detach(&b);
}

struct disagreement {
	const struct question	*q;
	long long		 var;	/* variance of the levels voted, x 10000 */
	int			 lo, hi;
};

static int
disagreement_cmp(const void *a, const void *b)
{
	const struct disagreement *x = a, *y = b;

	if (x->var != y->var)
		return x->var < y->var ? 1 : -1;
	return (x->q->index > y->q->index) - (x->q->index < y->q->index);
}

/*
 * The questions where the room's votes spread most (by the variance of
 * the levels voted, in integers), at most five; the caller frees.
 */
static size_t
disagreements(const struct report *r, struct disagreement **out)
{
	struct disagreement *d = xcalloc(r->pack->nquestions + 1, sizeof(*d));
	size_t i, n = 0;
	int k;

	for (i = 0; i < r->pack->nquestions; i++) {
		const struct question *q = &r->pack->questions[i];
		const struct answer *a = session_answer(r->sess, q->id);
		long long cnt = 0, s1 = 0, s2 = 0;
		int lo = 0, hi = 0;

		if (a == NULL || a->nvotes == 0)
			continue;
		for (k = 0; k < a->nvotes && k < (int)q->nchoices; k++) {
			if (a->votes[k] == 0)
				continue;
			cnt += a->votes[k];
			s1 += (long long)a->votes[k] * (k + 1);
			s2 += (long long)a->votes[k] * (k + 1) * (k + 1);
			if (lo == 0)
				lo = k + 1;
			hi = k + 1;
		}
		if (cnt < 2 || hi == lo)
			continue;
		d[n++] = (struct disagreement){ q, (cnt * s2 - s1 * s1) * 10000 / (cnt * cnt),
		    lo, hi };
	}
	qsort(d, n, sizeof(*d), disagreement_cmp);
	*out = d;
	return n < 5 ? n : 5;
}

/* ------------------------------------------------------------------ text */

static void
text_heading(struct layout *lo, const char *s, int width, const char *rule)
{
	char *disp;
	int w, i;
	struct buf b;

	layout_text(lo, s, width, 0, LS_HEADING | LS_STRONG);
	disp = text_display(s, strlen(s), &w);
	free(disp);
	buf_init(&b);
	for (i = 0; i < w && i < width; i++)
		buf_adds(&b, rule);
	layout_text(lo, b.data, width, 0, LS_MARKER);
	buf_free(&b);
	layout_blank(lo);
}

static void
text_field(struct layout *lo, const char *label, const char *value, int width)
{
	char *line;

	if (value == NULL || *value == '\0')
		return;
	line = xasprintf("%s: %s", label, value);
	layout_text(lo, line, width, (int)strlen(label) + 2 > width / 2 ? 2 :
	    text_width(label, strlen(label)) + 2, 0);
	free(line);
}

static void
write_text(struct report *r)
{
	const struct report_words *w = r->w;
	struct layout lo;
	struct disagreement *dis = NULL;
	char lv[32], bar[16], *line, *votes;
	size_t i, k, nd;
	int width = r->width;

	layout_init(&lo);
	line = xasprintf("%s (%s %d)", r->pack->title, w->version, r->pack->version);
	text_heading(&lo, line, width, "=");
	free(line);
	text_field(&lo, w->organisation, r->sess->organisation, width);
	text_field(&lo, w->role, report_role(w, r->sess->role), width);
	text_field(&lo, w->date, r->sess->date, width);
	if (r->sess->organisation || r->sess->role || r->sess->date)
		layout_blank(&lo);
	if (session_other_version(r->sess, r->pack)) {
		layout_text(&lo, w->version_differs, width, 0, LS_STRONG);
		layout_blank(&lo);
	}

	text_heading(&lo, w->summary, width, "-");
	for (i = 0; i < r->score.nareas; i++) {
		const struct area_score *as = &r->score.areas[i];

		level_text(r, lv, sizeof(lv), as->level100, as->answered);
		bar_text(bar, as->level100, as->max_level);
		line = xasprintf("%4s %s %d/%d  %s", lv, bar, as->answered, as->total,
		    as->area->title);
		layout_text(&lo, line, width, 26 < width / 2 ? (int)(strlen(line) -
		    strlen(as->area->title)) : 2, 0);
		free(line);
	}
	layout_blank(&lo);
	level_text(r, lv, sizeof(lv), r->score.level100, r->score.answered);
	line = xasprintf("%s: %s (%d/%d)", w->overall, lv, r->score.answered, r->score.total);
	layout_text(&lo, line, width, 2, LS_STRONG);
	free(line);
	layout_blank(&lo);

	text_heading(&lo, w->plan, width, "-");
	layout_text(&lo, r->score.nplan ? w->plan_intro : w->plan_none, width, 0, 0);
	layout_blank(&lo);
	for (i = 0; i < r->score.nplan; i++) {
		const struct plan_area *pa = &r->score.plan[i];
		const char *prio = priority_word(w, pa->score->priority);

		level_text(r, lv, sizeof(lv), pa->score->level100, pa->score->answered);
		if (prio != NULL)
			line = xasprintf("%zu. %s (%s %s, %s: %s)", i + 1, pa->score->area->title,
			    w->level, lv, w->priority, prio);
		else
			line = xasprintf("%zu. %s (%s %s)", i + 1, pa->score->area->title,
			    w->level, lv);
		layout_text(&lo, line, width, 3, LS_STRONG);
		free(line);
		for (k = 0; k < pa->nsteps; k++) {
			const struct plan_step *st = &pa->steps[k];

			line = xasprintf("   - %s %d: %s", w->question, st->question->id,
			    st->question->text);
			layout_text(&lo, line, width, 5, 0);
			free(line);
			line = xasprintf("     %s: %s", w->first_step, step_of(r, st->choice));
			layout_text(&lo, line, width, 5, 0);
			free(line);
		}
		layout_blank(&lo);
	}

	if ((nd = disagreements(r, &dis)) > 0) {
		text_heading(&lo, w->disagreed, width, "-");
		for (i = 0; i < nd; i++) {
			votes = votes_text(dis[i].q, session_answer(r->sess, dis[i].q->id));
			line = xasprintf("%zu. %s %d: %s", i + 1, w->question, dis[i].q->id,
			    dis[i].q->text);
			layout_text(&lo, line, width, 3, 0);
			free(line);
			line = xasprintf("   %s: %s", w->votes, votes);
			layout_text(&lo, line, width, 5, 0);
			free(line);
			free(votes);
		}
		layout_blank(&lo);
	}
	free(dis);
	text_heading(&lo, w->answers, width, "-");
	for (i = 0; i < r->pack->nareas; i++) {
		const struct area *a = &r->pack->areas[i];

		text_heading(&lo, a->title, width, "~");
		for (k = 0; k < a->nquestions; k++) {
			const struct question *q = &r->pack->questions[a->first + k];
			const struct answer *ans = session_answer(r->sess, q->id);
			const struct choice *ch = NULL;

			line = xasprintf("%s %d. %s", w->question, q->id, q->text);
			layout_text(&lo, line, width, 2, LS_STRONG);
			free(line);
			if (ans != NULL && ans->choice > 0)
				ch = question_choice(q, ans->choice);
			if (ch != NULL)
				line = xasprintf("%s (%d/%zu): %s", w->answer, ch->level, q->nchoices,
				    ch->text->title);
			else
				line = xasprintf("%s: %s", w->answer, ans != NULL &&
				    ans->choice == ANSWER_NA ? w->na : w->unanswered);
			layout_text(&lo, line, width, 2, 0);
			free(line);
			if ((votes = votes_text(q, ans)) != NULL) {
				line = xasprintf("%s: %s", w->votes, votes);
				layout_text(&lo, line, width, 2, 0);
				free(line);
				free(votes);
			}
			if (ans != NULL && ans->note != NULL) {
				line = xasprintf("%s: %s", w->note, ans->note);
				layout_text(&lo, line, width, 2, LS_EMPH);
				free(line);
			}
			layout_blank(&lo);
			if (ch != NULL) {
				layout_markdown(&lo, ch->text->body, ch->text->body_len, width,
				    &r->links);
				layout_blank(&lo);
			}
		}
	}
	if (r->links.n > 0) {
		text_heading(&lo, w->links, width, "-");
		for (i = 0; i < r->links.n; i++) {
			line = xasprintf("[%zu] %s", i + 1, r->links.urls[i]);
			layout_text(&lo, line, width, 4, LS_LINK);
			free(line);
		}
	}
	/* no blank line at the very end */
	while (lo.nlines > 0 && lo.lines[lo.nlines - 1].nspans == 0) {
		lo.nlines--;
		free(lo.lines[lo.nlines].spans);
	}
	layout_to_text(&lo, r->out);
	layout_free(&lo);
}

/* -------------------------------------------------------------- markdown */

/* Content text made safe for Markdown: sanitised, with the punctuation that means something escaped. */
void
report_md_escape(struct buf *out, const char *s)
{
	char *disp = text_display(s, strlen(s), NULL);
	const char *p;

	for (p = disp; *p != '\0'; p++) {
		if (strchr("\\`*_{}[]<>()#+-.!|~&", *p) != NULL)
			buf_addc(out, '\\');
		buf_addc(out, *p);
	}
	free(disp);
}

static char *
sanitized_copy(const char *s, bool keep_newlines)
{
	struct buf b;

	buf_init(&b);
	text_sanitize(&b, s, strlen(s), keep_newlines);
	return buf_detach(&b);
}

/*
 * Make a cmark tree safe to render: raw HTML goes, and every literal and
 * URL is sanitised before cmark escapes it for its output format, so that
 * the visible escapes are escaped like any other text.
 */
static void
sanitize_tree(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **html = NULL, *n;
	size_t nhtml = 0, i;
	char *s;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER && ev != CMARK_EVENT_EXIT)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_HTML_BLOCK:
			/* unlinking now would end the walk: remove after it */
			html = xreallocarray(html, nhtml + 1, sizeof(*html));
			html[nhtml++] = n;
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			if (ev == CMARK_EVENT_ENTER) {
				s = sanitized_copy(cmark_node_get_literal(n),
				    cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK);
				cmark_node_set_literal(n, s);
				free(s);
			}
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			if (ev == CMARK_EVENT_ENTER) {
				s = sanitized_copy(cmark_node_get_url(n), false);
				cmark_node_set_url(n, s);
				free(s);
				s = sanitized_copy(cmark_node_get_title(n), false);
				cmark_node_set_title(n, s);
				free(s);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < nhtml; i++)
		cmark_node_free(html[i]);	/* unlinks it first */
	free(html);
}

/* Guidance rendered by cmark, as CommonMark or safe HTML. */
static void
guidance(struct buf *out, const struct answer_text *t, bool html)
{
	cmark_node *doc = cmark_parse_document(t->body, t->body_len, CMARK_OPT_VALIDATE_UTF8);
	char *s;

	sanitize_tree(doc);
	s = html ? cmark_render_html(doc, CMARK_OPT_SAFE) : cmark_render_commonmark(doc,
	    CMARK_OPT_DEFAULT, 0);
	buf_adds(out, s);
	free(s);
	cmark_node_free(doc);
}

/* The improvement plan as a Markdown list. */
static void
md_plan(struct report *r)
{
	const struct report_words *w = r->w;
	struct buf *o = r->out;
	char lv[32];
	size_t i, k;

	for (i = 0; i < r->score.nplan; i++) {
		const struct plan_area *pa = &r->score.plan[i];
		const char *prio = priority_word(w, pa->score->priority);

		level_text(r, lv, sizeof(lv), pa->score->level100, pa->score->answered);
		buf_printf(o, "%zu. **", i + 1);
		report_md_escape(o, pa->score->area->title);
		buf_printf(o, "** (%s %s", w->level, lv);
		if (prio != NULL)
			buf_printf(o, ", %s: %s", w->priority, prio);
		buf_adds(o, ")\n");
		for (k = 0; k < pa->nsteps; k++) {
			buf_printf(o, "   - %s %d: ", w->question, pa->steps[k].question->id);
			report_md_escape(o, pa->steps[k].question->text);
			buf_printf(o, "  \n     *%s:* ", w->first_step);
			report_md_escape(o, step_of(r, pa->steps[k].choice));
			buf_addc(o, '\n');
		}
	}
}

static void
write_markdown(struct report *r)
{
	const struct report_words *w = r->w;
	struct buf *o = r->out;
	char lv[32];
	size_t i, k;

	buf_adds(o, "# ");
	report_md_escape(o, r->pack->title);
	buf_printf(o, " (%s %d)\n\n", w->version, r->pack->version);
	if (r->sess->organisation) {
		buf_printf(o, "- **%s:** ", w->organisation);
		report_md_escape(o, r->sess->organisation);
		buf_addc(o, '\n');
	}
	if (r->sess->role) {
		buf_printf(o, "- **%s:** ", w->role);
		report_md_escape(o, report_role(w, r->sess->role));
		buf_addc(o, '\n');
	}
	if (r->sess->date) {
		buf_printf(o, "- **%s:** ", w->date);
		report_md_escape(o, r->sess->date);
		buf_addc(o, '\n');
	}
	if (session_other_version(r->sess, r->pack))
		buf_printf(o, "\n**%s**\n", w->version_differs);
	buf_printf(o, "\n## %s\n\n| %s | %s | %s |\n|---|---:|---:|\n", w->summary, w->area,
	    w->level, w->answered);
	for (i = 0; i < r->score.nareas; i++) {
		const struct area_score *as = &r->score.areas[i];

		level_text(r, lv, sizeof(lv), as->level100, as->answered);
		buf_adds(o, "| ");
		report_md_escape(o, as->area->title);
		buf_printf(o, " | %s | %d/%d |\n", lv, as->answered, as->total);
	}
	level_text(r, lv, sizeof(lv), r->score.level100, r->score.answered);
	buf_printf(o, "\n**%s: %s** (%d/%d)\n\n## %s\n\n%s\n\n", w->overall, lv,
	    r->score.answered, r->score.total, w->plan, r->score.nplan ? w->plan_intro :
	    w->plan_none);
	md_plan(r);
	buf_printf(o, "\n## %s\n", w->answers);
	for (i = 0; i < r->pack->nareas; i++) {
		const struct area *a = &r->pack->areas[i];

		buf_adds(o, "\n### ");
		report_md_escape(o, a->title);
		buf_addc(o, '\n');
		for (k = 0; k < a->nquestions; k++) {
			const struct question *q = &r->pack->questions[a->first + k];
			const struct answer *ans = session_answer(r->sess, q->id);
			const struct choice *ch = ans != NULL && ans->choice > 0 ?
			    question_choice(q, ans->choice) : NULL;

			buf_printf(o, "\n#### %s %d. ", w->question, q->id);
			report_md_escape(o, q->text);
			buf_printf(o, "\n\n**%s", w->answer);
			if (ch != NULL) {
				buf_printf(o, " (%d/%zu):** ", ch->level, q->nchoices);
				report_md_escape(o, ch->text->title);
			} else {
				buf_adds(o, ":** ");
				report_md_escape(o, ans != NULL && ans->choice == ANSWER_NA ? w->na :
				    w->unanswered);
			}
			buf_addc(o, '\n');
			{
				char *votes = votes_text(q, ans);
				if (votes != NULL)
					buf_printf(o, "\n%s: `%s`\n", w->votes, votes);
				free(votes);
			}
			if (ans != NULL && ans->note != NULL) {
				const char *p;
				buf_printf(o, "\n> **%s:** ", w->note);
				for (p = ans->note; *p != '\0'; p++) {
					char one[2] = { *p, '\0' };
					if (*p == '\n')
						buf_adds(o, "  \n> ");
					else
						report_md_escape(o, one);
				}
				buf_addc(o, '\n');
			}
			if (ch != NULL) {
				buf_addc(o, '\n');
				guidance(o, ch->text, false);
			}
		}
	}
}

/* ------------------------------------------------------------------ html */

static void
html_escape(struct buf *out, const char *s)
{
	char *disp = text_display(s, strlen(s), NULL);
	const char *p;

	for (p = disp; *p != '\0'; p++) {
		switch (*p) {
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '&': buf_adds(out, "&amp;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		default: buf_addc(out, *p); break;
		}
	}
	free(disp);
}

static const char html_style[] =
    "body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;"
    "line-height:1.5;color:#1a1a1a}"
    "h1{font-size:1.6em}h2{border-bottom:1px solid #999;margin-top:2em}"
    "table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ccc}"
    "td.n{text-align:right}.bar{width:8em;border:1px solid #555}"
    ".bar div{border-top:.7em solid #555}"
    ".answer{font-weight:bold}.note{font-style:italic;border-left:3px solid #999;"
    "padding-left:.6em}"
    "@page{size:A4;margin:18mm}"
    "@media print{body{margin:0;max-width:none;font-size:10.5pt}a{color:inherit}"
    "h2,h3,h4{break-after:avoid}div.q{break-inside:avoid-page}}";

static void
write_html(struct report *r)
{
	const struct report_words *w = r->w;
	struct buf *o = r->out;
	char lv[32];
	size_t i, k;

	buf_adds(o, "<!DOCTYPE html>\n<html lang=\"");
	html_escape(o, r->pack->language);
	buf_adds(o, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	html_escape(o, r->pack->title);
	buf_printf(o, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", html_style);
	html_escape(o, r->pack->title);
	buf_printf(o, " (%s %d)</h1>\n<dl>\n", w->version, r->pack->version);
	if (r->sess->organisation) {
		buf_printf(o, "<dt>%s</dt><dd>", w->organisation);
		html_escape(o, r->sess->organisation);
		buf_adds(o, "</dd>\n");
	}
	if (r->sess->role) {
		buf_printf(o, "<dt>%s</dt><dd>", w->role);
		html_escape(o, report_role(w, r->sess->role));
		buf_adds(o, "</dd>\n");
	}
	if (r->sess->date) {
		buf_printf(o, "<dt>%s</dt><dd>", w->date);
		html_escape(o, r->sess->date);
		buf_adds(o, "</dd>\n");
	}
	if (session_other_version(r->sess, r->pack))
		buf_printf(o, "</dl>\n<p><strong>%s</strong></p>\n<dl>\n", w->version_differs);
	buf_printf(o, "</dl>\n<h2>%s</h2>\n<table>\n<tr><th>%s</th><th>%s</th><th></th>"
	    "<th>%s</th></tr>\n", w->summary, w->area, w->level, w->answered);
	for (i = 0; i < r->score.nareas; i++) {
		const struct area_score *as = &r->score.areas[i];

		level_text(r, lv, sizeof(lv), as->level100, as->answered);
		buf_adds(o, "<tr><td>");
		html_escape(o, as->area->title);
		buf_printf(o, "</td><td class=\"n\">%s</td><td><div class=\"bar\" "
		    "aria-hidden=\"true\"><div style=\"width:%d%%\"></div></div></td>"
		    "<td class=\"n\">%d/%d</td></tr>\n", lv, as->max_level > 0 ?
		    as->level100 / as->max_level : 0, as->answered, as->total);
	}
	level_text(r, lv, sizeof(lv), r->score.level100, r->score.answered);
	buf_printf(o, "</table>\n<p><strong>%s: %s</strong> (%d/%d)</p>\n<h2>%s</h2>\n<p>%s</p>\n",
	    w->overall, lv, r->score.answered, r->score.total, w->plan,
	    r->score.nplan ? w->plan_intro : w->plan_none);
	if (r->score.nplan > 0)
		buf_adds(o, "<ol>\n");
	for (i = 0; i < r->score.nplan; i++) {
		const struct plan_area *pa = &r->score.plan[i];
		const char *prio = priority_word(w, pa->score->priority);

		level_text(r, lv, sizeof(lv), pa->score->level100, pa->score->answered);
		buf_adds(o, "<li><strong>");
		html_escape(o, pa->score->area->title);
		buf_printf(o, "</strong> (%s %s", w->level, lv);
		if (prio != NULL)
			buf_printf(o, ", %s: %s", w->priority, prio);
		buf_adds(o, ")\n<ul>\n");
		for (k = 0; k < pa->nsteps; k++) {
			buf_printf(o, "<li>%s %d: ", w->question, pa->steps[k].question->id);
			html_escape(o, pa->steps[k].question->text);
			buf_printf(o, "<br><em>%s:</em> ", w->first_step);
			html_escape(o, step_of(r, pa->steps[k].choice));
			buf_adds(o, "</li>\n");
		}
		buf_adds(o, "</ul></li>\n");
	}
	if (r->score.nplan > 0)
		buf_adds(o, "</ol>\n");
	buf_printf(o, "<h2>%s</h2>\n", w->answers);
	for (i = 0; i < r->pack->nareas; i++) {
		const struct area *a = &r->pack->areas[i];

		buf_adds(o, "<h3>");
		html_escape(o, a->title);
		buf_adds(o, "</h3>\n");
		for (k = 0; k < a->nquestions; k++) {
			const struct question *q = &r->pack->questions[a->first + k];
			const struct answer *ans = session_answer(r->sess, q->id);
			const struct choice *ch = ans != NULL && ans->choice > 0 ?
			    question_choice(q, ans->choice) : NULL;

			buf_printf(o, "<div class=\"q\">\n<h4>%s %d. ", w->question, q->id);
			html_escape(o, q->text);
			buf_printf(o, "</h4>\n<p class=\"answer\">%s", w->answer);
			if (ch != NULL) {
				buf_printf(o, " (%d/%zu): ", ch->level, q->nchoices);
				html_escape(o, ch->text->title);
			} else {
				buf_adds(o, ": ");
				html_escape(o, ans != NULL && ans->choice == ANSWER_NA ? w->na :
				    w->unanswered);
			}
			buf_adds(o, "</p>\n");
			{
				char *votes = votes_text(q, ans);
				if (votes != NULL) {
					buf_printf(o, "<p>%s: <code>", w->votes);
					html_escape(o, votes);
					buf_adds(o, "</code></p>\n");
				}
				free(votes);
			}
			if (ans != NULL && ans->note != NULL) {
				buf_printf(o, "<p class=\"note\">%s: ", w->note);
				html_escape(o, ans->note);
				buf_adds(o, "</p>\n");
			}
			if (ch != NULL)
				guidance(o, ch->text, true);
			buf_adds(o, "</div>\n");
		}
	}
	buf_adds(o, "</body>\n</html>\n");
}

/* ------------------------------------------------------------------ json */

void
json_string(struct buf *o, const char *s)
{
	size_t i = 0, n = s != NULL ? strlen(s) : 0, k;
	int32_t cp;

	if (s == NULL) {
		buf_adds(o, "null");
		return;
	}
	buf_addc(o, '"');
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == '"' || cp == '\\')
			buf_printf(o, "\\%c", (char)cp);
		else if (cp == '\n')
			buf_adds(o, "\\n");
		else if (cp < 0)
			buf_adds(o, "\\ufffd");
		else if (text_is_unsafe(cp) && cp > 0xFFFF)	/* a surrogate pair */
			buf_printf(o, "\\u%04x\\u%04x", (unsigned)(0xD800 + ((cp - 0x10000) >> 10)),
			    (unsigned)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
		else if (text_is_unsafe(cp))
			buf_printf(o, "\\u%04x", (unsigned)cp);
		else
			buf_add(o, s + i, k);
		i += k;
	}
	buf_addc(o, '"');
}

static void
json_level(struct buf *o, int level100, int answered)
{
	if (answered == 0)
		buf_adds(o, "null");
	else
		buf_printf(o, "%d.%02d", level100 / 100, level100 % 100);
}

static void
write_json(struct report *r)
{
	struct buf *o = r->out;
	struct layout lo;
	size_t i, k;
	bool first = true;

	buf_adds(o, "{\n  \"pack\": {\"id\": ");
	json_string(o, r->pack->id);
	buf_adds(o, ", \"language\": ");
	json_string(o, r->pack->language);
	buf_printf(o, ", \"version\": %d, \"title\": ", r->pack->version);
	json_string(o, r->pack->title);
	buf_adds(o, "},\n  \"organisation\": ");
	json_string(o, r->sess->organisation);
	buf_adds(o, ",\n  \"role\": ");
	json_string(o, r->sess->role);
	buf_adds(o, ",\n  \"date\": ");
	json_string(o, r->sess->date);
	buf_adds(o, ",\n  \"overall\": {\"level\": ");
	json_level(o, r->score.level100, r->score.answered);
	buf_printf(o, ", \"answered\": %d, \"not_applicable\": %d, \"questions\": %d},\n"
	    "  \"areas\": [", r->score.answered, r->score.na, r->score.total);
	for (i = 0; i < r->score.nareas; i++) {
		const struct area_score *as = &r->score.areas[i];
		const char *prio[] = { NULL, "low", "medium", "high" };

		buf_adds(o, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_string(o, as->area->id);
		buf_adds(o, ", \"title\": ");
		json_string(o, as->area->title);
		buf_adds(o, ", \"level\": ");
		json_level(o, as->level100, as->answered);
		buf_printf(o, ", \"answered\": %d, \"not_applicable\": %d, \"questions\": %d, "
		    "\"priority\": ", as->answered, as->na, as->total);
		json_string(o, prio[as->priority]);
		buf_adds(o, "}");
	}
	buf_adds(o, "\n  ],\n  \"plan\": [");
	for (i = 0; i < r->score.nplan; i++) {
		const struct plan_area *pa = &r->score.plan[i];

		buf_adds(o, i ? ",\n    {\"area\": " : "\n    {\"area\": ");
		json_string(o, pa->score->area->id);
		buf_adds(o, ", \"steps\": [");
		for (k = 0; k < pa->nsteps; k++) {
			buf_printf(o, "%s{\"question\": %d, \"level\": %d, \"step\": ", k ? ", " : "",
			    pa->steps[k].question->id, pa->steps[k].choice->level);
			json_string(o, step_of(r, pa->steps[k].choice));
			buf_adds(o, "}");
		}
		buf_adds(o, "]}");
	}
	buf_adds(o, "\n  ],\n  \"answers\": [");
	layout_init(&lo);
	for (i = 0; i < r->pack->nquestions; i++) {
		const struct question *q = &r->pack->questions[i];
		const struct answer *ans = session_answer(r->sess, q->id);
		const struct choice *ch;

		if (ans == NULL || ans->choice == ANSWER_NONE)
			continue;
		buf_printf(o, "%s\n    {\"question\": %d, \"area\": ", first ? "" : ",", q->id);
		first = false;
		json_string(o, q->area->id);
		ch = ans->choice > 0 ? question_choice(q, ans->choice) : NULL;
		if (ch != NULL) {
			size_t before = r->links.n, l;

			buf_printf(o, ", \"choice\": %d, \"level\": %d, \"title\": ", ch->id,
			    ch->level);
			json_string(o, ch->text->title);
			/* collect the guidance's links through the layout engine */
			layout_markdown(&lo, ch->text->body, ch->text->body_len, 78, &r->links);
			buf_adds(o, ", \"links\": [");
			for (l = before; l < r->links.n; l++)
				buf_printf(o, "%s%zu", l > before ? ", " : "", l + 1);
			buf_adds(o, "]");
		} else {
			buf_adds(o, ", \"choice\": \"na\", \"level\": null");
		}
		if (ans->nvotes > 0) {
			int v;
			buf_adds(o, ", \"votes\": [");
			for (v = 0; v < ans->nvotes; v++)
				buf_printf(o, "%s%d", v ? ", " : "", ans->votes[v]);
			buf_adds(o, "]");
		}
		buf_adds(o, ", \"note\": ");
		json_string(o, ans->note);
		buf_adds(o, "}");
	}
	layout_free(&lo);
	buf_adds(o, "\n  ],\n  \"links\": [");
	for (i = 0; i < r->links.n; i++) {
		buf_adds(o, i ? ",\n    " : "\n    ");
		json_string(o, r->links.urls[i]);
	}
	buf_adds(o, "\n  ]\n}\n");
}

void
report_write(struct buf *out, const struct pack *p, const struct session *s,
    enum report_format format, int width)
{
	struct report r;

	memset(&r, 0, sizeof(r));
	r.out = out;
	r.pack = p;
	r.sess = s;
	r.w = report_words(p->language);
	r.width = width < REPORT_MIN_WIDTH ? REPORT_MIN_WIDTH : width;
	linkset_init(&r.links);
	score_compute(&r.score, p, s);
	switch (format) {
	case REPORT_TEXT:
		write_text(&r);
		break;
	case REPORT_MARKDOWN:
		write_markdown(&r);
		break;
	case REPORT_HTML:
		write_html(&r);
		break;
	case REPORT_JSON:
		write_json(&r);
		break;
	}
	score_free(&r.score);
	linkset_free(&r.links);
}

/* Set up a report on its own, for the helpers below. */
static void
report_begin(struct report *r, struct buf *out, const struct pack *p, const struct session *s)
{
	memset(r, 0, sizeof(*r));
	r->out = out;
	r->pack = p;
	r->sess = s;
	r->w = report_words(p->language);
	r->width = 78;
	linkset_init(&r->links);
	score_compute(&r->score, p, s);
}

static void
report_end(struct report *r)
{
	score_free(&r->score);
	linkset_free(&r->links);
}

void
report_plan_markdown(struct buf *out, const struct pack *p, const struct session *s)
{
	struct report r;

	report_begin(&r, out, p, s);
	buf_printf(out, "%s\n\n", r.score.nplan ? r.w->plan_intro : r.w->plan_none);
	md_plan(&r);
	report_end(&r);
}

void
report_markdown_page(struct buf *out, const char *markdown, enum report_format format,
    int width, const char *lang, const char *title)
{
	cmark_node *doc;
	struct layout lo;
	struct linkset links;
	char *html;

	switch (format) {
	case REPORT_MARKDOWN:
		buf_adds(out, markdown);
		break;
	case REPORT_HTML:
		buf_adds(out, "<!DOCTYPE html>\n<html lang=\"");
		html_escape(out, lang);
		buf_adds(out, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
		html_escape(out, title);
		buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", html_style);
		doc = cmark_parse_document(markdown, strlen(markdown), CMARK_OPT_VALIDATE_UTF8);
		sanitize_tree(doc);
		html = cmark_render_html(doc, CMARK_OPT_SAFE);
		buf_adds(out, html);
		free(html);
		cmark_node_free(doc);
		buf_adds(out, "</body>\n</html>\n");
		break;
	default:
		layout_init(&lo);
		linkset_init(&links);
		layout_markdown(&lo, markdown, strlen(markdown), width, &links);
		layout_to_text(&lo, out);
		layout_free(&lo);
		linkset_free(&links);
		break;
	}
}

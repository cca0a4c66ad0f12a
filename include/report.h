/* SPDX-License-Identifier: MIT */
/*
 * report.h: the report an organisation takes to its board: a header, the
 * levels per area with a legend, the improvement plan, every answer with
 * its guidance, and the links. It is built once as a document (a cmark
 * node tree, see report_doc.c) and rendered per format: plain text through
 * the layout engine, Markdown and HTML through cmark's own renderers (the
 * HTML inside a self-contained, printable page), and JSON as data. Written
 * in the pack's language (its fixed words too), byte for byte the same in
 * every locale, with no control character from the content. No curses.
 */
#ifndef STOK_REPORT_H
#define STOK_REPORT_H

#include <cmark.h>

#include "content.h"
#include "session.h"
#include "util.h"

enum report_format {
	REPORT_TEXT,
	REPORT_MARKDOWN,
	REPORT_HTML,
	REPORT_JSON,
	/*
	 * The text for a listener (a screen reader, a braille display): the
	 * same words, without what is only a picture (the rules under
	 * headings, the bars of the summary and of the votes, the rule of a
	 * thematic break). Line mode shows the report this way.
	 */
	REPORT_PLAIN
};

#define REPORT_MIN_WIDTH 20
#define REPORT_MAX_WIDTH 1000

/*
 * Between the figures of a line: a middle dot held to the figure before
 * it by a no-break space, so that no line of a report starts with one.
 */
#define REPORT_DOT "\xC2\xA0\xC2\xB7 "
/* A no-break space: what it joins stays on one line of the text report. */
#define REPORT_NBSP "\xC2\xA0"

/* "text", "markdown" (or "md"), "html", "json", "plain"; -1 if none. */
int	report_format_parse(const char *);
struct network;
/*
 * The texts of the answers a session chose, read now where the pack is
 * partial (answer_text_fill, as the wizard reads an installed pack): 0
 * when the report can have them all, else the id of the first question
 * whose chosen text cannot be read.
 */
int	report_texts(const struct pack *, const struct session *);
/*
 * Append the report to out. width applies to the text format. With a
 * network profile (report --compare; else NULL), each area's level stands
 * beside the network's median and quartiles, and the questions below the
 * network's lower quartile are listed. The texts of the chosen answers
 * are read first where the pack is partial (report_texts); -1, and
 * nothing appended, when one of them cannot be read.
 */
int	report_write(struct buf *out, const struct pack *, const struct session *,
	    enum report_format, int width, const struct network *compare);

/* What a session chose for a question: the one answer to that question. */
enum chosen {
	CHOSEN_NONE,	/* unanswered (or a choice the pack does not have) */
	CHOSEN_NA,	/* "not applicable to us" */
	CHOSEN_CHOICE	/* a choice, stored in *ch */
};
enum chosen report_chosen(const struct session *, const struct question *,
	    const struct choice **ch);

/*
 * A file name for an exported report: the organisation's name (else the
 * pack's id) transliterated to ASCII (ş→s, ı→i, ä→a, ...), lower case,
 * words joined by '-', then "-DATE" when the answers have a date, then
 * ".ext". Never empty, never a path. The caller frees.
 */
char   *report_file_name(const struct pack *, const struct session *, const char *ext);
/* The file name extension of a format: "txt" (text and plain), "md", "html" or "json". */
const char *report_ext(enum report_format);

struct report_words;
/*
 * A small text bar of counts: "1 ### 3 · 2 ##### 5 · 3 . 0 · 4 # 1 · n/a # 1",
 * its "not applicable" label in words' language; each option's number, bar
 * and count held together where they fit in width columns.
 */
void	report_count_bar(struct buf *, const struct report_words *, const int *counts,
	    size_t nchoices, int na, int width);
/* The same counts as numbers only, for a listener: "1: 3, 2: 5, 3: 0, 4: 1, n/a: 1". */
void	report_count_numbers(struct buf *, const struct report_words *, const int *counts,
	    size_t nchoices, int na);
/* --- JSON (report_json.c) -------------------------------------------------- */

/*
 * s as a JSON string (null for NULL), which is also a YAML double-quoted
 * scalar: UTF-8 kept; quotes, backslashes, newlines, controls, C1 controls,
 * bidi overrides, U+2028, U+2029, U+FEFF, U+FFFE and U+FFFF escaped; an
 * invalid byte becomes \uFFFD.
 */
void	json_string(struct buf *, const char *s);

/*
 * The JSON writer: jw_open a container ('{' or '['; flat: on one line),
 * add values (key is used inside objects, ignored in arrays), jw_close it.
 * Closing the outermost container ends the line.
 */
#define JSONW_DEPTH 8
struct jsonw {
	struct buf	*o;
	int		 depth;
	bool		 first[JSONW_DEPTH], flat[JSONW_DEPTH];
	char		 close[JSONW_DEPTH];
};
void	jw_init(struct jsonw *, struct buf *);
void	jw_open(struct jsonw *, const char *key, char bracket, bool flat);
void	jw_close(struct jsonw *);
void	jw_str(struct jsonw *, const char *key, const char *s);
void	jw_int(struct jsonw *, const char *key, long v);
void	jw_bool(struct jsonw *, const char *key, bool v);
void	jw_null(struct jsonw *, const char *key);
/* A level in hundredths as a decimal number ("2.50"), or null when not have. */
void	jw_level(struct jsonw *, const char *key, int level100, bool have);

/* --- the document (report_doc.c) ------------------------------------------ */

/*
 * Roles of the custom nodes that only the HTML page draws differently:
 * sections (areas, for page breaks), the summary list, and level bars
 * (whose text form, a code span, the page replaces by a CSS bar).
 */
enum doc_role {
	DOC_SECTION = 1,
	DOC_SUMMARY,
	DOC_BAR,
	DOC_PLAIN,	/* the report's own bold, italics and code: plain in text */
	DOC_GUIDANCE	/* guidance not parsed yet (doc_guidance) */
};

/* Every node made here is owned by the tree it is appended to. */
cmark_node *doc_new(void);
/* Free a document made by doc_new, with its table of guidance. */
void	doc_free(cmark_node *doc);
cmark_node *doc_heading(cmark_node *parent, int level, const char *text);
cmark_node *doc_para(cmark_node *parent);
/* A tight list; items get their paragraphs through doc_para(doc_item(list)). */
cmark_node *doc_list(cmark_node *parent, bool ordered);
cmark_node *doc_item(cmark_node *list);
cmark_node *doc_quote(cmark_node *parent);
/* A block whose children are an area, or the summary (see enum doc_role). */
cmark_node *doc_block(cmark_node *parent, enum doc_role);
/* Content text (sanitised; newlines become line breaks) into an inline container. */
void	doc_text(cmark_node *inl, const char *s);
void	doc_textf(cmark_node *inl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void	doc_strong(cmark_node *inl, const char *s);
void	doc_emph(cmark_node *inl, const char *s);
void	doc_code(cmark_node *inl, const char *s);
void	doc_break(cmark_node *inl);
/* A level bar: percent of the top level, drawn as text by a code span. */
void	doc_bar(cmark_node *inl, int percent, const char *text);
/* A preformatted block (lined-up tables of merge). */
void	doc_pre(cmark_node *parent, const char *text);
/*
 * Guidance written in CommonMark appended to parent: parsed, every
 * literal, URL and raw HTML block made what the layout shows of it (the
 * text of an HTML block without its tags, see layout_shown_text()),
 * inline HTML dropped, headings moved below level 4.
 * md must be valid UTF-8, as every loaded answer text's body is. The text
 * rendering shows no table in it as rows: the layout finds tables in the
 * Markdown source, which only doc_guidance keeps.
 */
void	doc_markdown(cmark_node *parent, const char *md, size_t len);
/*
 * The same guidance, parsed only when the document is rendered: the text
 * report lays out one guidance text at a time, with md for its tables,
 * and frees it, so it never holds every parsed text at once. md must
 * outlive the document.
 */
void	doc_guidance(cmark_node *parent, const char *md, size_t len);
/*
 * Render a document. Text: headings of levels 1-3 underlined, every other
 * block through the layout engine at width, then the numbered links under
 * links_title. Markdown: cmark's CommonMark. HTML: cmark's safe HTML in a
 * self-contained page in lang with title. The tree is changed on the
 * way (guidance parsed, custom nodes filled or unwrapped); free it
 * afterwards with doc_free.
 */
void	doc_render(struct buf *out, cmark_node *doc, enum report_format, int width,
	    const char *lang, const char *title, const char *links_title);

/* --- words (report_words.c) ----------------------------------------------- */

/* The fixed words of the report in a language (falls back to English). */
struct report_words {
	const char	*lang;
	char		 decimal;
	const char	*organisation, *role, *date, *version, *summary, *level, *answered,
			*area, *overall, *plan, *plan_intro, *plan_none, *priority,
			*high, *medium, *low, *question, *answer, *note, *na, *na_short,
			*unanswered, *first_step, *step_fallback, *answers, *links,
			*not_scored, *legend, *legend_plain, *legend_bar, *legend_counts;
	/* merge, diff and workshops */
	const char	*group, *respondents, *areas, *mean, *min, *max, *spread, *rated_by,
			*consensus,
			*consensus_intro, *questions, *roles_by_area, *distribution, *no_role, *group_plan,
			*group_plan_intro,
			*other_versions, *progress, *improved, *regressed, *unchanged,
			*guidance_gone, *guidance_new, *one_side, *before, *after, *change, *votes,
			*disagreed, *version_differs, *followup, *followup_title,
			*room_changed;
	/* report --compare: beside a network's profile */
	const char	*compare, *compare_intro, *network_median, *quartiles, *organisations,
			*below_network, *below_network_intro, *lower_quartile, *too_few;
	const char	*roles[5];	/* board, manager, staff, volunteer, member */
};
const struct report_words *report_words(const char *lang);
/* A role id as the pack titles it (its own roles, or the five built-in ones in its language); free text as it is. */
const char *report_role(const struct pack *, const char *role);
struct score;
/* The improvement plan of a score appended to parent (merge's group plan). */
void	report_plan(cmark_node *parent, const struct pack *, const struct score *);
/*
 * The same plan as the JSON of report gives it, under "plan": per area its
 * id and steps, each step's question, level and first step.
 */
void	report_plan_json(struct jsonw *, const struct pack *, const struct score *);
/* A priority as the JSON names it: "high", "medium", "low"; NULL for none. */
const char *report_priority_id(enum priority);

#endif

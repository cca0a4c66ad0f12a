/* SPDX-License-Identifier: MIT */
/*
 * report.h: the report an organisation takes to its board: a header, the
 * levels per area, the improvement plan, every answer with its guidance,
 * and the numbered links. Written in the pack's language (its fixed words
 * too) as plain text, Markdown, HTML or JSON, byte for byte the same in
 * every locale, and with no control character from the content. No curses.
 */
#ifndef STOK_REPORT_H
#define STOK_REPORT_H

#include "content.h"
#include "session.h"
#include "util.h"

enum report_format {
	REPORT_TEXT,
	REPORT_MARKDOWN,
	REPORT_HTML,
	REPORT_JSON
};

#define REPORT_MIN_WIDTH 20
#define REPORT_MAX_WIDTH 1000

/* "text", "markdown" (or "md"), "html", "json"; -1 if none. */
int	report_format_parse(const char *);
/* Append the report to out. width applies to the text format. */
void	report_write(struct buf *out, const struct pack *, const struct session *,
	    enum report_format, int width);

/* A small text bar of counts: "1 ### 3 · 2 ##### 5 · 3 . 0 · 4 # 1 · n/a # 1". */
void	report_count_bar(struct buf *, const int *counts, size_t nchoices, int na);
/*
 * s as a JSON string (null for NULL): UTF-8 kept; quotes, backslashes,
 * controls, C1 controls and bidi overrides escaped.
 */
void	json_string(struct buf *, const char *s);
/* Content text escaped for Markdown, and sanitised. */
void	report_md_escape(struct buf *, const char *);
/* The improvement plan of a session, as a Markdown list with its introduction. */
void	report_plan_markdown(struct buf *, const struct pack *, const struct session *);
/*
 * A Markdown document written out as Markdown, as a self-contained HTML
 * page (cmark's safe renderer, the report's style), or as wrapped text
 * (the layout engine, for REPORT_TEXT).
 */
void	report_markdown_page(struct buf *, const char *markdown, enum report_format,
	    int width, const char *lang, const char *title);

/* The fixed words of the report in a language (falls back to English). */
struct report_words {
	const char	*lang;
	char		 decimal;
	const char	*organisation, *role, *date, *version, *summary, *level, *answered,
			*area, *overall, *plan, *plan_intro, *plan_none, *priority,
			*high, *medium, *low, *question, *answer, *note, *na, *unanswered,
			*first_step, *step_fallback, *answers, *links, *not_scored;
	/* merge, diff and workshops */
	const char	*group, *respondents, *areas, *mean, *min, *max, *spread, *consensus,
			*consensus_intro, *roles_by_area, *distribution, *no_role, *group_plan,
			*other_versions, *progress, *improved, *regressed, *unchanged,
			*guidance_gone, *guidance_new, *before, *after, *change, *votes,
			*disagreed, *version_differs;
	const char	*roles[5];	/* board, manager, staff, volunteer, member */
};
const struct report_words *report_words(const char *lang);
/* A role key shown in words' language; free text is returned as it is. */
const char *report_role(const struct report_words *, const char *role);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * layout.h: the layout engine shared by the report and the wizard. It
 * turns CommonMark (or plain text) into lines of styled spans, wrapped to
 * a width in terminal columns. Text is normalised to NFC and measured
 * with Unicode widths (Turkish and Finnish letters one column, CJK two,
 * combining marks none), independently of the locale. Every control
 * character, decoded from an entity or raw, and every bidirectional
 * override comes out as a visible escape (^[, <U+202E>), never as itself.
 * Links keep their text in the flow followed by a reference number, and
 * their URLs are collected in a linkset, which several documents can
 * share so that a report numbers each URL once. No curses here.
 */
#ifndef STOK_LAYOUT_H
#define STOK_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

struct cmark_node;

/* Span styles, combinable. */
enum {
	LS_EMPH		= 1 << 0,
	LS_STRONG	= 1 << 1,
	LS_CODE		= 1 << 2,
	LS_LINK		= 1 << 3,	/* the text of a link */
	LS_REF		= 1 << 4,	/* a link's reference number, " [3]" */
	LS_HEADING	= 1 << 5,
	LS_QUOTE	= 1 << 6,	/* text inside a block quote */
	LS_MARKER	= 1 << 7	/* list bullets, numbers and quote bars */
};

/* Nesting of quotes and lists that still indents; deeper levels do not. */
#define LAYOUT_MAX_INDENT 6

struct lspan {
	unsigned	 style;
	char		*text;		/* UTF-8, safe to print, in the line's text */
	size_t		 len;
	int		 width;		/* in columns */
};

struct lline {
	struct lspan	*spans;
	size_t		 nspans;
	int		 width;
	char		*text;		/* the spans' text, each with a NUL after it */
	size_t		 len, cap;	/* bytes of text used and allocated */
	size_t		 spans_cap;	/* spans allocated */
};

struct layout_keep;

/*
 * The lines from nlines to cap are spare: empty, their buffers kept for
 * the lines to come (and freed by layout_free).
 */
struct layout {
	struct lline	*lines;
	size_t		 nlines;
	size_t		 cap;
	struct layout_keep *keep;	/* private: buffers kept from one call to the next */
	/*
	 * For a surface that cuts what passes the width (a screen): a link
	 * wider than a line is broken by columns like any word, so that all
	 * of it can be read, instead of kept whole past the width.
	 */
	bool		 clip;
	/*
	 * For a listener (line mode, a screen reader): nothing that is only a
	 * picture; a thematic break is a blank line, not a rule.
	 */
	bool		 plain;
};

/* A set of URLs, numbered from 1 in the order first added. */
struct linkset {
	char	**urls;		/* safe to print */
	size_t	  n;
	size_t	  cap;
	size_t	 *table;	/* open addressing: index + 1, or 0 */
	size_t	  tcap;
};

void	linkset_init(struct linkset *);
void	linkset_free(struct linkset *);
/* The number of url in the set, adding it if new. */
size_t	linkset_add(struct linkset *, const char *url);

void	layout_init(struct layout *);
void	layout_free(struct layout *);
/*
 * Append the rendering of len bytes of CommonMark at width columns (at
 * least 1), numbering links through links.
 */
void	layout_markdown(struct layout *, const char *md, size_t len, int width,
	    struct linkset *links);
/*
 * The same for a tree cmark built, from node down: its text is shown as
 * it is, and a paragraph is never taken for a table (a table is found in
 * the lines of the Markdown source, which such a tree has none of).
 */
void	layout_node(struct layout *, struct cmark_node *, int width, struct linkset *);
/*
 * The same for a node of a tree cmark parsed from the len bytes of md:
 * a paragraph that is a table is shown as its rows in md, as
 * layout_markdown shows it.
 */
void	layout_parsed(struct layout *, struct cmark_node *, const char *md, size_t len,
	    int width, struct linkset *);
/*
 * Append plain text wrapped at width, every span with style. Newlines in
 * text start new lines; the leading spaces of a line indent its first
 * line, and the lines it wraps onto are indented by indent columns.
 */
void	layout_text(struct layout *, const char *text, int width, int indent, unsigned style);
/* Append an empty line. */
void	layout_blank(struct layout *);
/* Append every line as plain text, each ending in a newline, without trailing spaces. */
void	layout_to_text(const struct layout *, struct buf *);
/*
 * Append the lines laid out so far to b, as layout_to_text does, and free
 * them, but for the empty lines at the end, which stay (the caller may
 * drop them): a long document is written a block at a time, and the
 * memory of one block serves the next.
 */
void	layout_flush(struct layout *, struct buf *);

/* Columns taken by s (after sanitising; NFC). */
int	text_width(const char *s, size_t len);
/*
 * s sanitised and normalised to NFC, as the layout would show it (at most
 * four combining marks in a row); the caller frees.
 */
char   *text_display(const char *s, size_t len, int *width);

/*
 * What the layout shows of content, for the sinks that are not laid out
 * (the Markdown and HTML reports), so that all of them show the same:
 * of a text or code span's literal, its words as text_display() gives
 * them, a tab or a run of blanks one space; of a code block's literal,
 * its lines with their tabs expanded to the next stop of 4 columns, each
 * as text_display() gives it; of a raw HTML block's literal, its text
 * without tags and comments, each line that is not blank as
 * text_display() gives it, followed by a newline. The caller frees.
 */
char   *layout_shown_text(const char *s, size_t len);
char   *layout_shown_code(const char *lit);
char   *layout_shown_html(const char *lit);

#endif

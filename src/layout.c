/* SPDX-License-Identifier: MIT */
/*
 * layout.c: CommonMark to wrapped lines. cmark parses; this file walks the
 * tree with cmark's iterator (never recursively: a body of 100,000 '>'
 * nests that deep) keeping its own stack of the containers that indent:
 * block quotes and list items. Inline content is gathered into atoms
 * (words and spaces with a style) and wrapped greedily when its block
 * ends. Text is normalised, sanitised and measured once, as it enters.
 */
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "layout.h"
#include "text.h"

enum atom_kind { ATOM_WORD, ATOM_SPACE, ATOM_BREAK };

struct atom {
	enum atom_kind	 kind;
	unsigned	 style;
	size_t		 off;	/* into the paragraph's text */
	size_t		 len;
	int		 width;
};

struct para {
	struct buf	 text;
	struct atom	*v;
	size_t		 n;
	size_t		 cap;
};

struct frame {
	cmark_node_type	 type;		/* CMARK_NODE_ITEM or CMARK_NODE_BLOCK_QUOTE */
	char		 marker[24];	/* "• ", "12. " or "> " */
	int		 marker_width;
	bool		 marker_used;	/* the item's first line is out */
	bool		 tight;		/* an item of a tight list */
};

struct ctx {
	struct layout	*out;
	int		 width;
	struct linkset	*links;
	struct frame	*stack;
	size_t		 depth;
	size_t		 cap;
	struct para	 para;
	int		 emph, strong, link, heading;
	const char	*md;		/* the source, for the rows of a table */
	size_t		 md_len;
	bool		 need_blank;
};

/*
 * What a layout keeps between calls that add to it: the paragraph's
 * buffers and the container stack, so that laying out a report block by
 * block does not allocate them again for every block.
 */
struct layout_keep {
	struct para	 para;
	struct frame	*stack;
	size_t		 cap;
};

/* A context adding to lo, with the buffers lo kept, empty. */
static void
ctx_begin(struct ctx *c, struct layout *lo, int width)
{
	memset(c, 0, sizeof(*c));
	c->out = lo;
	c->width = width < 1 ? 1 : width;
	if (lo->keep != NULL) {
		c->para = lo->keep->para;
		c->stack = lo->keep->stack;
		c->cap = lo->keep->cap;
		c->para.n = 0;
		buf_reset(&c->para.text);
	} else {
		buf_init(&c->para.text);
	}
}

/* The context's buffers back to its layout, for the next call. */
static void
ctx_end(struct ctx *c)
{
	struct layout *lo = c->out;

	if (lo->keep == NULL)
		lo->keep = xcalloc(1, sizeof(*lo->keep));
	lo->keep->para = c->para;
	lo->keep->stack = c->stack;
	lo->keep->cap = c->cap;
}

/* --- text --------------------------------------------------------------- */

/*
 * True when s is valid UTF-8 that NFC leaves unchanged because every code
 * point is below U+0300: those are all starters that are their own NFC,
 * and every canonical composition pairs a starter with a code point from
 * U+0300 up. This covers ASCII, Turkish and Finnish text and saves the
 * call to u8_normalize, which took most of the report's time. Anything
 * else (including invalid UTF-8, which u8_normalize turns into U+FFFD)
 * goes through u8_normalize as before.
 */
static bool
nfc_stable(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		if (*p < 0x80)
			p++;
		else if (*p >= 0xC2 && *p < 0xCC && end - p >= 2 && (p[1] & 0xC0) == 0x80)
			p += 2;		/* U+0080 .. U+02FF */
		else
			return false;
	}
	return true;
}

/*
 * Keep at most MAX_MARKS zero-width code points (combining marks, joiners)
 * in a row, in place; returns the new length. A curses cell holds one
 * character and four marks (CCHARW_MAX), and a stack of hundreds smears
 * over the cells around it: after the fourth, the rest are not shown.
 */
#define MAX_MARKS 4

static size_t
cap_marks(uint8_t *s, size_t n)
{
	size_t i = 0, o = 0;
	int k, run = 0;
	ucs4_t cp;

	while (i < n) {
		k = u8_mbtouc(&cp, s + i, n - i);
		if (cp >= 0x300 && uc_width(cp, "UTF-8") == 0) {
			if (run++ >= MAX_MARKS) {
				i += (size_t)k;
				continue;
			}
		} else {
			run = 0;
		}
		memmove(s + o, s + i, (size_t)k);
		o += (size_t)k;
		i += (size_t)k;
	}
	return o;
}

/*
 * The columns of s when it can be shown exactly as it is, or -1: when it
 * is all one run of text_plain_run (printable ASCII and two-byte
 * characters from U+00A0 to U+02FF, no C1 control, no soft hyphen), NFC
 * starters one column wide. The soft hyphen goes the long way, which drops
 * it. Most words of the bundled packs, in all three languages, pass; the
 * rest go the long way.
 */
static int
plain_width(const char *s, size_t len)
{
	size_t chars;

	return text_plain_run(s, len, &chars) == len && chars <= INT_MAX ? (int)chars : -1;
}

char *
text_display(const char *s, size_t len, int *width)
{
	struct buf b;
	uint8_t *nfc = NULL;
	size_t nfclen = 0;
	int w;

	if ((w = plain_width(s, len)) >= 0) {
		if (width != NULL)
			*width = w;
		return xstrndup(s, len);
	}
	buf_init(&b);
	if (!nfc_stable(s, len))
		nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)s, len, NULL, &nfclen);
	if (nfc != NULL) {
		nfclen = cap_marks(nfc, nfclen);
		text_sanitize_display(&b, (const char *)nfc, nfclen);
		free(nfc);
	} else {
		text_sanitize_display(&b, s, len);	/* already NFC (or no memory to normalise) */
	}
	w = u8_width((const uint8_t *)b.data, b.len, "UTF-8");
	if (width != NULL)
		*width = w < 0 ? 0 : w;
	return buf_detach(&b);
}

int
text_width(const char *s, size_t len)
{
	int w;

	free(text_display(s, len, &w));
	return w;
}

/* --- links -------------------------------------------------------------- */

static size_t
str_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void
linkset_init(struct linkset *l)
{
	memset(l, 0, sizeof(*l));
}

void
linkset_free(struct linkset *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->urls[i]);
	free(l->urls);
	free(l->table);
	memset(l, 0, sizeof(*l));
}

static void
linkset_rehash(struct linkset *l)
{
	size_t i, slot;

	free(l->table);
	l->tcap = l->tcap ? 2 * l->tcap : 64;
	l->table = xcalloc(l->tcap, sizeof(*l->table));
	for (i = 0; i < l->n; i++) {
		for (slot = str_hash(l->urls[i]) & (l->tcap - 1); l->table[slot] != 0;
		    slot = (slot + 1) & (l->tcap - 1))
			;
		l->table[slot] = i + 1;
	}
}

size_t
linkset_add(struct linkset *l, const char *url)
{
	size_t slot;

	if (2 * (l->n + 1) > l->tcap)
		linkset_rehash(l);
	for (slot = str_hash(url) & (l->tcap - 1); l->table[slot] != 0;
	    slot = (slot + 1) & (l->tcap - 1))
		if (strcmp(l->urls[l->table[slot] - 1], url) == 0)
			return l->table[slot];
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->urls = xreallocarray(l->urls, l->cap, sizeof(*l->urls));
	}
	l->urls[l->n++] = xstrdup(url);
	l->table[slot] = l->n;
	return l->n;
}

/* --- lines -------------------------------------------------------------- */

void
layout_init(struct layout *lo)
{
	memset(lo, 0, sizeof(*lo));
}

static void
line_free(struct lline *l)
{
	free(l->text);
	free(l->spans);
}

void
layout_free(struct layout *lo)
{
	size_t i;

	for (i = 0; i < lo->cap; i++)
		line_free(&lo->lines[i]);
	free(lo->lines);
	if (lo->keep != NULL) {
		buf_free(&lo->keep->para.text);
		free(lo->keep->para.v);
		free(lo->keep->stack);
		free(lo->keep);
	}
	memset(lo, 0, sizeof(*lo));
}

/* A line emptied, its buffers kept. */
static void
line_reset(struct lline *l)
{
	l->nspans = 0;
	l->width = 0;
	l->len = 0;
}

/* A new empty line: the next spare one, with the buffers it had. */
static struct lline *
new_line(struct layout *lo)
{
	struct lline *l;

	if (lo->nlines == lo->cap) {
		lo->cap = lo->cap ? 2 * lo->cap : 32;
		lo->lines = xreallocarray(lo->lines, lo->cap, sizeof(*lo->lines));
		memset(lo->lines + lo->nlines, 0, (lo->cap - lo->nlines) * sizeof(*lo->lines));
	}
	l = &lo->lines[lo->nlines++];
	line_reset(l);
	return l;
}

/*
 * Append text to the line, merging with the last span when the style is
 * the same. A line's spans lie back to back in its one buffer, each with
 * a NUL after it; only the last one grows.
 */
static void
line_add(struct lline *l, unsigned style, const char *s, size_t len, int width)
{
	struct lspan *last = l->nspans ? &l->spans[l->nspans - 1] : NULL;
	bool merge = last != NULL && last->style == style;
	size_t need = l->len + len + !merge, k, off;

	if (len == 0)
		return;
	if (need > l->cap) {
		l->cap = need > 2 * l->cap ? (need < 64 ? 64 : need) : 2 * l->cap;
		l->text = xreallocarray(l->text, l->cap, 1);
		for (k = 0, off = 0; k < l->nspans; k++) {
			l->spans[k].text = l->text + off;
			off += l->spans[k].len + 1;
		}
	}
	if (merge) {
		memcpy(last->text + last->len, s, len);
		last->len += len;
		last->text[last->len] = '\0';
		last->width += width;
		l->len += len;
	} else {
		if (l->nspans == l->spans_cap) {
			l->spans_cap = l->spans_cap ? 2 * l->spans_cap : 4;
			l->spans = xreallocarray(l->spans, l->spans_cap, sizeof(*l->spans));
		}
		memcpy(l->text + l->len, s, len);
		l->text[l->len + len] = '\0';
		l->spans[l->nspans++] = (struct lspan){ style, l->text + l->len, len, width };
		l->len += len + 1;
	}
	l->width += width;
}

void
layout_blank(struct layout *lo)
{
	new_line(lo);
}

void
layout_to_text(const struct layout *lo, struct buf *b)
{
	size_t i, j, start;

	for (i = 0; i < lo->nlines; i++) {
		start = b->len;
		for (j = 0; j < lo->lines[i].nspans; j++)
			buf_add(b, lo->lines[i].spans[j].text, lo->lines[i].spans[j].len);
		while (b->len > start && b->data[b->len - 1] == ' ')
			b->len--;
		b->data[b->len] = '\0';
		buf_addc(b, '\n');
	}
}

void
layout_flush(struct layout *lo, struct buf *b)
{
	size_t n = lo->nlines, i;
	struct layout done;

	while (n > 0 && lo->lines[n - 1].nspans == 0)
		n--;
	done = (struct layout){ .lines = lo->lines, .nlines = n, .cap = n };
	layout_to_text(&done, b);
	/* what stays is empty lines: the first slots, emptied, stand for them */
	lo->nlines -= n;
	for (i = 0; i < lo->nlines; i++)
		line_reset(&lo->lines[i]);
}

/* --- wrapping ----------------------------------------------------------- */

static void
para_reset(struct para *p)
{
	buf_reset(&p->text);
	p->n = 0;
}

static void
para_grow(struct para *p)
{
	p->cap = p->cap ? 2 * p->cap : 64;
	p->v = xreallocarray(p->v, p->cap, sizeof(*p->v));
}

/* An atom over bytes already in the paragraph's text (one a word and one a space: the growing apart). */
static inline void
para_atom(struct para *p, enum atom_kind kind, unsigned style, size_t off, size_t len,
    int width)
{
	if (p->n == p->cap)
		para_grow(p);
	p->v[p->n++] = (struct atom){ kind, style, off, len, width };
}

static void
para_push(struct para *p, enum atom_kind kind, unsigned style, const char *s, size_t len,
    int width)
{
	para_atom(p, kind, style, p->text.len, len, width);
	buf_add(&p->text, s, len);
}

/*
 * Split display text into words and single spaces. A text node holds a
 * line break only when an entity (&#10;, &#13;) made it: it is a control
 * character like any other then, and is shown as ^J or ^M. The text is
 * copied into the paragraph once (a tab made a space); a word that needs
 * another form to be shown gets it added after.
 */
static void
para_add_text(struct para *p, const char *s, size_t len, unsigned style)
{
	size_t i = 0, j, base = p->text.len;
	char *disp;
	int w;

	buf_add(&p->text, s, len);	/* once: a word shown as it is stays here */
	while (i < len) {
		if (s[i] == ' ' || s[i] == '\t') {
			p->text.data[base + i] = ' ';
			if (p->n == 0 || p->v[p->n - 1].kind == ATOM_WORD)
				para_atom(p, ATOM_SPACE, style, base + i, 1, 1);
			i++;
			continue;
		}
		/*
		 * One pass to the word's end that also counts its columns while
		 * every character is plain (text_plain_run's kind: printable ASCII
		 * and the letters of two bytes); w < 0 once one is not. A run of
		 * printable ASCII, most of any word, is a column a byte.
		 */
		for (j = i, w = 0; j < len; ) {
			size_t k = j;

			while (k < len && (unsigned char)s[k] - 0x21u < 0x5Eu)
				k++;
			w += (int)(k - j);
			if ((j = k) == len || s[j] == ' ' || s[j] == '\t')
				break;
			if (j + 1 < len && text_plain_pair((unsigned char)s[j], (unsigned char)s[j + 1])) {
				j += 2;
				w++;
				continue;
			}
			while (j < len && s[j] != ' ' && s[j] != '\t')
				j++;	/* shown through text_display */
			w = -1;
		}
		if (w >= 0) {
			para_atom(p, ATOM_WORD, style, base + i, j - i, w);
		} else {
			disp = text_display(s + i, j - i, &w);
			if (*disp != '\0')	/* a word of invisible characters shows nothing: no word */
				para_push(p, ATOM_WORD, style, disp, strlen(disp), w);
			free(disp);
		}
		i = j;
	}
}

/* Columns and bytes of the longest prefix of s (len bytes) that fits in avail columns; at least one character. */
static size_t
fit_prefix(const char *s, size_t len, int avail, int *width)
{
	size_t i = 0, k;
	int32_t cp;
	int w = 0, cw;

	while (i < len) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			k = 1;	/* printable ASCII, most of any line: a column each */
			cw = 1;
		} else {
			k = utf8_decode(s + i, len - i, &cp);
			cw = cp < 0 ? 1 : uc_width((ucs4_t)cp, "UTF-8");
			if (cw < 0)
				cw = 0;
		}
		if (w + cw > avail && i > 0)
			break;
		w += cw;
		i += k;
		/* keep combining marks with their base (never ASCII) */
		while (i < len && (unsigned char)s[i] >= 0x80) {
			k = utf8_decode(s + i, len - i, &cp);
			if (cp < 0 || uc_width((ucs4_t)cp, "UTF-8") != 0)
				break;
			i += k;
		}
	}
	*width = w;
	return i;
}

typedef void (*prefix_fn)(struct ctx *, struct lline *, bool blank);

static void
add_spaces(struct lline *line, int n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		int k = n < (int)sizeof(spaces) - 1 ? n : (int)sizeof(spaces) - 1;
		line_add(line, 0, spaces, (size_t)k, k);
		n -= k;
	}
}

static void marker_line(struct ctx *);
static void add_prefix(struct ctx *, struct lline *, bool);
static int prefix_width(const struct ctx *);

/*
 * Start a line of a wrapped block: the containers' prefix, then for every
 * line but the first the hanging indent.
 */
static struct lline *
start_line(struct ctx *c, prefix_fn prefix, int indent)
{
	struct lline *line;

	if (prefix != NULL)
		marker_line(c);
	line = new_line(c->out);
	if (prefix != NULL)
		prefix(c, line, false);
	add_spaces(line, indent);
	return line;
}

/*
 * Wrap the atoms of p greedily into lines of avail columns (after the
 * prefix); lines after the first are indented by hang columns, so long as
 * that leaves room for text.
 */
/*
 * True when the atoms i..j-1 form a link target or a link's text, which
 * is never broken across lines: a URL cut in two cannot be clicked or
 * copied, and a screen reader reads two pieces.
 */
static bool
has_scheme(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 3 <= n; i++)
		if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
			return true;
	return false;
}

static bool
unbreakable(const struct para *p, size_t i, size_t j)
{
	size_t k;

	for (k = i; k < j; k++) {
		const struct atom *a = &p->v[k];
		const char *s = p->text.data + a->off;

		if (a->style & LS_LINK)
			return true;
		if (a->len >= 4 && (has_scheme(s, a->len) ||
		    memcmp(s, "www.", 4) == 0 || (a->len >= 7 && memcmp(s, "mailto:", 7) == 0)))
			return true;
	}
	return false;
}

/*
 * Of a word (atoms i..j-1) that holds a link, the end of the part kept
 * whole: just after its last atom of a link. What follows (the link's
 * reference number, a colon) is an ordinary word's.
 */
static size_t
whole_end(const struct para *p, size_t i, size_t j)
{
	while (j > i + 1 && !unbreakable(p, j - 1, j))
		j--;
	return j;
}

/*
 * Wrap the atoms of p greedily into lines of avail columns (after the
 * prefix); lines after the first are indented by hang columns, so long as
 * that leaves room for text. A word longer than a line is broken by
 * columns, except a link, which goes on a line of its own, unbroken: the
 * one thing allowed past the width (on a layout that does not clip). The
 * reference number after such a link, and what is glued to it, go on the
 * next line when they do not fit.
 */
static void
wrap(struct ctx *c, struct para *p, int avail, prefix_fn prefix, int lead, int hang)
{
	struct lline *line = NULL;
	size_t i = 0, j, k, off, n, len, head;
	const char *s;
	int col = 0, ww, hw, tw, fw, aw, indent = 0, room;
	bool first = true, whole;

	if (avail < 1)
		avail = 1;
	if (hang >= avail)
		hang = 0;
	if (lead >= avail)
		lead = 0;
	while (i < p->n) {
		if (p->v[i].kind != ATOM_WORD) {
			if (p->v[i].kind == ATOM_BREAK) {
				if (line == NULL && !first)
					start_line(c, prefix, 0);	/* a break after a break: an empty line */
				line = NULL;
			}
			i++;
			continue;
		}
		/* a word is the run of word atoms up to the next space or break */
		ww = 0;
		for (j = i; j < p->n && p->v[j].kind == ATOM_WORD; j++)
			ww += p->v[j].width;
		/* a link kept whole differs only when it is wider than a line */
		whole = !c->out->clip && ww > avail - (lead > hang ? lead : hang) &&
		    unbreakable(p, i, j);
		/* of such a word, the link (hw columns) is placed; the rest (tw) follows it */
		head = whole ? whole_end(p, i, j) : j;
		for (hw = 0, k = i; k < head; k++)
			hw += p->v[k].width;
		tw = ww - hw;
		if (line != NULL && col + 1 + hw > avail - indent)
			line = NULL;
		if (line == NULL) {
			indent = first ? lead : hang;
			if (hw > avail - indent &&
			    (whole || (c->out->clip && ww <= avail && unbreakable(p, i, j))))
				indent = 0;	/* a line of its own, from the prefix on */
			line = start_line(c, prefix, indent);
			first = false;
			col = 0;
		} else if (p->v[i - 1].kind == ATOM_SPACE && p->v[i - 1].style == p->v[i].style &&
		    p->v[i - 1].off + 1 == p->v[i].off && j == i + 1 && !whole &&
		    col + 1 + p->v[i].width <= avail - indent) {
			/*
			 * The space and a one-atom word that fits, stored side
			 * by side, and each such pair after them that fits
			 * too, as the steps above would add them: one copy.
			 */
			unsigned style = p->v[i].style;
			size_t start = p->v[i - 1].off, end = p->v[i].off + p->v[i].len;
			int w = p->v[i].width + 1;

			col += 1 + p->v[i].width;
			for (i = j; i + 1 < p->n && p->v[i].kind == ATOM_SPACE &&
			    p->v[i].style == style && p->v[i].off == end &&
			    p->v[i + 1].kind == ATOM_WORD && p->v[i + 1].style == style &&
			    p->v[i + 1].off == end + 1 &&
			    (i + 2 == p->n || p->v[i + 2].kind != ATOM_WORD) &&
			    col + 1 + p->v[i + 1].width <= avail - indent; i += 2) {
				end = p->v[i + 1].off + p->v[i + 1].len;
				w += 1 + p->v[i + 1].width;
				col += 1 + p->v[i + 1].width;
			}
			line_add(line, style, p->text.data + start, end - start, w);
			continue;
		} else {
			line_add(line, p->v[i - 1].style, " ", 1, 1);
			col++;
		}
		for (k = i; k < j; k++) {
			const struct atom *a = &p->v[k];

			s = p->text.data + a->off;
			len = a->len;
			aw = a->width;
			if (whole && k == head && col + tw > avail - indent) {
				/* the rest after a link past the width: on the next line */
				indent = hang;
				line = start_line(c, prefix, indent);
				col = 0;
				if ((a->style & LS_REF) && *s == ' ') {	/* its space goes */
					s++;
					len--;
					aw--;
				}
			}
			if ((whole && k < head) || col + aw <= avail - indent) {
				line_add(line, a->style, s, len, aw);
				col += aw;
				continue;
			}
			/* longer than the room left: break it by columns */
			for (off = 0; off < len; off += n) {
				room = avail - indent - col;
				n = fit_prefix(s + off, len - off, room < 1 ? 1 : room, &fw);
				if (fw > room && col > 0) {
					/* not even its first character fits after the text before it */
					indent = hang;
					line = start_line(c, prefix, indent);
					col = 0;
					room = avail - indent;
					n = fit_prefix(s + off, len - off, room < 1 ? 1 : room, &fw);
				}
				line_add(line, a->style, s + off, n, fw);
				col += fw;
				if (off + n < len)
					col = avail;	/* the rest goes on a new line */
			}
		}
		if (whole && col > avail - indent)
			col = avail;	/* nothing more on the line of a long link */
		i = j;
	}
}

/* --- markdown ----------------------------------------------------------- */

static unsigned
inline_style(const struct ctx *c)
{
	unsigned s = 0;
	size_t i;

	if (c->emph > 0)
		s |= LS_EMPH;
	if (c->strong > 0)
		s |= LS_STRONG;
	if (c->link > 0)
		s |= LS_LINK;
	for (i = 0; i < c->depth; i++)
		if (c->stack[i].type == CMARK_NODE_BLOCK_QUOTE)
			return s | LS_QUOTE;
	return s;
}

/*
 * How many containers, from the outside, indent: at most LAYOUT_MAX_INDENT
 * and at most half the width, keeping room for the marker of the innermost
 * item so that deep lists still show their bullets.
 */
static size_t
shown_frames(const struct ctx *c, int *width, bool *innermost)
{
	const struct frame *top = c->depth ? &c->stack[c->depth - 1] : NULL;
	int reserve = top != NULL && top->type == CMARK_NODE_ITEM ? top->marker_width : 0;
	size_t i;

	if (reserve > c->width / 2)
		reserve = 0;	/* too wide to indent by: marker_line() shows it */
	int w = 0;

	for (i = 0; i < c->depth && i < LAYOUT_MAX_INDENT; i++) {
		if (w + c->stack[i].marker_width + (i + 1 < c->depth ? reserve : 0) >
		    c->width / 2)
			break;
		w += c->stack[i].marker_width;
	}
	*innermost = i < c->depth && reserve > 0 && w + reserve <= c->width / 2;
	if (*innermost)
		w += reserve;	/* the innermost item, drawn after the others */
	*width = w;
	return i;
}

static void
add_marker(struct lline *line, struct frame *f, bool blank)
{
	if (f->type == CMARK_NODE_BLOCK_QUOTE)
		line_add(line, LS_MARKER | LS_QUOTE, blank ? ">" : "> ", blank ? 1 : 2,
		    blank ? 1 : 2);
	else if (blank)
		;
	else if (!f->marker_used) {
		line_add(line, LS_MARKER, f->marker, strlen(f->marker), f->marker_width);
		f->marker_used = true;
	} else
		add_spaces(line, f->marker_width);
}

/*
 * The prefix of a line: quote bars and list markers of the indenting
 * containers. For a listener a quote is indented without its bars, which
 * would be read out as "greater than" on every line.
 */
static void
add_prefix(struct ctx *c, struct lline *line, bool blank)
{
	bool innermost;
	int w, spaces = 0;
	size_t i, n = shown_frames(c, &w, &innermost);
	struct frame *f;

	/* the items whose marker is shown already are spaces: one run of them */
	for (i = 0; i < n + innermost; i++) {
		f = i < n ? &c->stack[i] : &c->stack[c->depth - 1];
		/* for a listener, a quote is only indented */
		if (f->type == CMARK_NODE_BLOCK_QUOTE ? c->out->plain : blank || f->marker_used) {
			spaces += blank ? 0 : f->marker_width;
			continue;
		}
		add_spaces(line, spaces);
		spaces = 0;
		add_marker(line, f, blank);
	}
	add_spaces(line, spaces);
}

/*
 * The marker of a list item too wide to indent by (a number wider than
 * half the line) goes on a line of its own before the item's first line:
 * a list number is never lost.
 */
static void
marker_line(struct ctx *c)
{
	struct frame *top = c->depth ? &c->stack[c->depth - 1] : NULL;
	struct para p;
	bool innermost;
	int w;

	if (top == NULL || top->type != CMARK_NODE_ITEM || top->marker_used ||
	    shown_frames(c, &w, &innermost) == c->depth || innermost)
		return;
	top->marker_used = true;
	memset(&p, 0, sizeof(p));
	buf_init(&p.text);
	para_push(&p, ATOM_WORD, LS_MARKER, top->marker, strlen(top->marker) - 1,
	    top->marker_width - 1);
	wrap(c, &p, c->width - prefix_width(c), add_prefix, 0, 0);
	buf_free(&p.text);
	free(p.v);
}

static int
prefix_width(const struct ctx *c)
{
	bool innermost;
	int w;

	shown_frames(c, &w, &innermost);
	return w;
}

static void
blank_line(struct ctx *c)
{
	struct lline *line = new_line(c->out);

	add_prefix(c, line, true);
}

/* Separate a block from the one before it, except inside the items of a tight list. */
static void
separate(struct ctx *c)
{
	bool tight_item = c->depth > 0 && c->stack[c->depth - 1].type == CMARK_NODE_ITEM &&
	    c->stack[c->depth - 1].tight;

	if (c->need_blank && !tight_item)
		blank_line(c);
	c->need_blank = false;
}

static void
flush_para(struct ctx *c)
{
	if (c->para.n > 0)
		wrap(c, &c->para, c->width - prefix_width(c), add_prefix, 0, 0);
	para_reset(&c->para);
	c->need_blank = true;
}

static void
push_frame(struct ctx *c, cmark_node *node)
{
	struct frame *f;
	cmark_node *list;
	int n = 1;

	if (c->depth == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->stack = xreallocarray(c->stack, c->cap, sizeof(*c->stack));
	}
	f = &c->stack[c->depth++];
	memset(f, 0, sizeof(*f));
	f->type = cmark_node_get_type(node);
	if (f->type == CMARK_NODE_BLOCK_QUOTE) {
		strcpy(f->marker, "> ");
		f->marker_width = 2;
		return;
	}
	list = cmark_node_parent(node);
	f->tight = cmark_node_get_list_tight(list) != 0;
	if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
		cmark_node *prev;
		n = cmark_node_get_list_start(list);
		for (prev = cmark_node_previous(node); prev != NULL && n < 999999999;
		    prev = cmark_node_previous(prev))
			n++;
		snprintf(f->marker, sizeof(f->marker), "%d. ", n);
		f->marker_width = (int)strlen(f->marker);
	} else {
		strcpy(f->marker, "\xE2\x80\xA2 ");	/* • */
		f->marker_width = 2;
	}
}

/*
 * One line of a code block as it is shown, appended to b: its tabs
 * expanded to the next tab stop (every 4 columns, as in CommonMark), then
 * sanitised and normalised as all text is; *width gets its columns.
 */
static void
code_line(struct buf *b, const char *s, size_t n, int *width)
{
	struct buf tabs;
	char *disp;
	int col = 0;

	if (memchr(s, '\t', n) == NULL) {	/* nearly always: no stops to count */
		disp = text_display(s, n, width);
		buf_adds(b, disp);
		free(disp);
		return;
	}
	buf_init(&tabs);
	for (size_t i = 0, k; i < n; i += k) {
		int32_t cp;

		k = utf8_decode(s + i, n - i, &cp);
		if (cp == '\t') {
			do
				buf_addc(&tabs, ' ');
			while (++col % 4 != 0);
			continue;
		}
		buf_add(&tabs, s + i, k);
		if (cp >= 0x20 && uc_width((ucs4_t)cp, "UTF-8") > 0)
			col += uc_width((ucs4_t)cp, "UTF-8");
		else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			col += 2;	/* shown as ^X */
	}
	disp = text_display(tabs.data, tabs.len, width);
	buf_adds(b, disp);
	free(disp);
	buf_free(&tabs);
}

/*
 * Where to end the piece of a code line (len bytes) that goes on a line of
 * room columns: after the last space that fits, so that no word is cut,
 * or where the columns run out when no space does. *width gets the
 * piece's columns, *next where the rest starts (after that space).
 */
static size_t
code_piece(const char *s, size_t len, int room, int *width, size_t *next)
{
	size_t fit = fit_prefix(s, len, room, width), sp, k;

	*next = fit;
	if (fit == len)
		return fit;
	for (sp = fit; sp > 0 && s[sp] != ' '; sp--)
		;
	for (k = sp; k > 0 && s[k - 1] == ' '; k--)
		;	/* a break in the line's own indentation keeps nothing */
	if (k == 0)
		return fit;
	*next = sp + 1;
	fit_prefix(s, sp, INT_MAX, width);
	return sp;
}

/*
 * Each line of a code block indented by two columns; one longer than the
 * line goes on over as many lines as it needs, indented the same, broken
 * between words where it has spaces (the group report's counts and bars
 * are such lines, and a listener hears a cut word as two).
 */
static void
code_block(struct ctx *c, const char *lit)
{
	const char *nl, *s;
	struct buf line;
	size_t n, left, piece, next;
	int w, room;

	buf_init(&line);
	while (*lit != '\0') {
		nl = strchr(lit, '\n');
		n = nl ? (size_t)(nl - lit) : strlen(lit);
		buf_reset(&line);
		code_line(&line, lit, n, &w);
		room = c->width - prefix_width(c) - 2;
		s = line.data;
		left = line.len;
		do {
			if (room < 1 || w <= room) {
				piece = next = left;	/* the rest, broken by columns if need be */
			} else {
				piece = code_piece(s, left, room, &w, &next);
			}
			para_reset(&c->para);
			para_push(&c->para, ATOM_WORD, LS_CODE | inline_style(c), "  ", 2, 2);
			para_push(&c->para, ATOM_WORD, LS_CODE | inline_style(c), s, piece, w);
			wrap(c, &c->para, c->width - prefix_width(c), add_prefix, 0, 0);
			s += next;
			left -= next;
			if (left > 0)
				fit_prefix(s, left, INT_MAX, &w);
		} while (left > 0);
		lit += n + (nl ? 1 : 0);
	}
	buf_free(&line);
	para_reset(&c->para);
	c->need_blank = true;
}

/* One line shown as it is (its spaces kept), wrapped by columns if longer than the line. */
static void
preformatted(struct ctx *c, const char *s, size_t n, unsigned style)
{
	char *disp;
	int w;

	para_reset(&c->para);
	disp = text_display(s, n, &w);
	para_push(&c->para, ATOM_WORD, style, disp, strlen(disp), w);
	free(disp);
	wrap(c, &c->para, c->width - prefix_width(c), add_prefix, 0, 0);
	para_reset(&c->para);
}

/*
 * The text of a raw HTML block as it is shown, appended to b: its tags
 * (and comments) dropped, its lines as they stand but those left blank,
 * each sanitised and normalised and ending in a newline (an HTML block may
 * hold a whole fenced code block, which cmark leaves inside it).
 */
static void
html_text(struct buf *b, const char *lit)
{
	struct buf text;
	const char *p = lit, *e, *nl;
	char *disp;

	buf_init(&text);
	while (*p != '\0') {
		if (strncmp(p, "<!--", 4) == 0 && (e = strstr(p + 4, "-->")) != NULL) {
			p = e + 3;
			continue;
		}
		if (*p == '<' && (p[1] == '/' || p[1] == '!' || p[1] == '?' ||
		    (p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z')) &&
		    (e = strchr(p, '>')) != NULL) {
			p = e + 1;
			continue;
		}
		buf_addc(&text, *p++);
	}
	for (p = text.data; *p != '\0'; p = *nl ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		for (e = p; e < nl && (*e == ' ' || *e == '\t'); e++)
			;
		if (e == nl)
			continue;
		disp = text_display(p, (size_t)(nl - p), NULL);
		buf_adds(b, disp);
		buf_addc(b, '\n');
		free(disp);
	}
	buf_free(&text);
}

/* A raw HTML block: the lines of its text, each shown as it is. */
static void
html_block(struct ctx *c, const char *lit)
{
	struct buf text;
	const char *p, *nl;

	buf_init(&text);
	html_text(&text, lit);
	for (p = text.data; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');	/* every line ends in one */
		preformatted(c, p, (size_t)(nl - p), inline_style(c));
	}
	if (text.len > 0)
		c->need_blank = true;
	buf_free(&text);
}

/* Text that marks a style in plain text, where there is no bold or underline. */
static void
push_mark(struct ctx *c, const char *mark)
{
	para_push(&c->para, ATOM_WORD, LS_MARKER | inline_style(c), mark, strlen(mark),
	    (int)strlen(mark));
}

/*
 * The underline of a heading whose lines begin at line first, as wide as
 * the widest: '=' for level 1, '-' for level 2, '~' for 3, "- - -" for 4
 * and '.' below, so that a heading reads as one in plain text and on
 * paper, each level apart (in a report: the title, its parts, an area, a
 * question, and the headings of a guidance text). None for a listener, to
 * whom it would be a row of symbols.
 */
static void
heading_rule(struct ctx *c, int level, size_t first)
{
	static const char *const marks[] = { "=", "-", "~" };
	struct lline *line;
	int w = 0, i;
	size_t k;

	for (k = first; k < c->out->nlines; k++)
		if (c->out->lines[k].width - prefix_width(c) > w)
			w = c->out->lines[k].width - prefix_width(c);
	if (w > c->width - prefix_width(c))
		w = c->width - prefix_width(c);	/* under a link past the width: to the width */
	if (w < 1 || c->out->plain)
		return;
	line = new_line(c->out);
	add_prefix(c, line, false);
	for (i = 0; i < w; i++)
		line_add(line, LS_MARKER | LS_HEADING, level <= 3 ? marks[level - 1] :
		    level == 4 ? (i % 2 == 0 ? "-" : " ") : ".", 1, 1);
}

static void
enter(struct ctx *c, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		separate(c);
		push_frame(c, node);
		break;
	case CMARK_NODE_LIST:
		separate(c);
		break;
	case CMARK_NODE_ITEM:
		push_frame(c, node);
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		separate(c);
		para_reset(&c->para);
		if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
			c->strong++;
			c->heading++;
		}
		break;
	case CMARK_NODE_CODE_BLOCK:
		separate(c);
		code_block(c, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_THEMATIC_BREAK: {
		struct lline *line;
		int w = c->width - prefix_width(c), i;

		if (c->out->plain)
			break;	/* the blank line between the blocks says as much */
		separate(c);
		marker_line(c);
		line = new_line(c->out);
		add_prefix(c, line, false);
		for (i = 0; i < w && i < 40; i++)
			line_add(line, LS_MARKER, "\xE2\x94\x80", 3, 1);	/* ─ */
		c->need_blank = true;
		break;
	}
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE: {
		const char *lit = cmark_node_get_literal(node);
		unsigned style = inline_style(c);
		bool code = cmark_node_get_type(node) == CMARK_NODE_CODE;

		if (code)
			style |= LS_CODE;
		if (c->heading)
			style |= LS_HEADING;
		if (code)
			push_mark(c, "`");
		para_add_text(&c->para, lit, strlen(lit), style);
		if (code)
			push_mark(c, "`");
		break;
	}
	case CMARK_NODE_HTML_BLOCK:
		separate(c);
		html_block(c, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_SOFTBREAK:
		para_add_text(&c->para, " ", 1, inline_style(c));
		break;
	case CMARK_NODE_LINEBREAK:
		para_push(&c->para, ATOM_BREAK, 0, "", 0, 0);
		break;
	case CMARK_NODE_EMPH:
		push_mark(c, "_");
		c->emph++;
		break;
	case CMARK_NODE_STRONG:
		push_mark(c, "*");
		c->strong++;
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		c->link++;
		break;
	default:
		/* inline raw HTML: its tags are never shown (the text between them is) */
		break;
	}
}

static void
leave(struct ctx *c, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_ITEM:
		c->depth--;
		c->need_blank = true;
		break;
	case CMARK_NODE_PARAGRAPH:
		flush_para(c);
		break;
	case CMARK_NODE_HEADING:
		c->strong--;
		c->heading--;
		if (c->para.n > 0) {
			size_t first = c->out->nlines;

			flush_para(c);
			heading_rule(c, cmark_node_get_heading_level(node), first);
		}
		break;
	case CMARK_NODE_EMPH:
		c->emph--;
		push_mark(c, "_");
		break;
	case CMARK_NODE_STRONG:
		c->strong--;
		push_mark(c, "*");
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE: {
		const char *url = cmark_node_get_url(node);
		char ref[32], *safe;
		size_t n;

		c->link--;
		if (url == NULL || *url == '\0')
			break;
		safe = text_display(url, strlen(url), NULL);
		n = linkset_add(c->links, safe);
		free(safe);
		snprintf(ref, sizeof(ref), " [%zu]", n);
		para_push(&c->para, ATOM_WORD, LS_REF | inline_style(c), ref, strlen(ref),
		    (int)strlen(ref));
		break;
	}
	default:
		break;
	}
}

/* Offset of the start of 1-based line n of the source, or its length. */
static size_t
source_line(const struct ctx *c, int n)
{
	size_t i = 0;
	const char *nl;

	while (--n > 0 && i < c->md_len) {
		if ((nl = memchr(c->md + i, '\n', c->md_len - i)) == NULL)
			return c->md_len;
		i = (size_t)(nl - c->md) + 1;
	}
	return i;
}

/* A GFM table's delimiter row: cells of dashes with optional colons, between pipes. */
static bool
delimiter_row(const char *s, size_t n)
{
	size_t i;
	bool dash = false, pipe = false;

	for (i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = true;
		else if (s[i] == '|')
			pipe = true;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	}
	return dash && pipe;
}

/*
 * A paragraph that is a GFM-style table (a row with '|', then a delimiter
 * row) is shown as its source rows, preformatted, not reflowed: cmark
 * 0.30 without extensions knows no tables. Returns whether it was one.
 */
static bool
table(struct ctx *c, cmark_node *node)
{
	int first = cmark_node_get_start_line(node), last = cmark_node_get_end_line(node);
	int skip = cmark_node_get_start_column(node) - 1, l;
	size_t a, b, e;

	if (c->md == NULL || first < 1 || last <= first || skip < 0)
		return false;
	a = source_line(c, first);
	b = source_line(c, first + 1);
	e = source_line(c, first + 2);
	if (b <= a || memchr(c->md + a, '|', b - a) == NULL || e <= b ||
	    (size_t)skip >= e - b || !delimiter_row(c->md + b + skip, e - b - (size_t)skip - 1))
		return false;
	separate(c);
	for (l = first; l <= last; l++) {
		a = source_line(c, l);
		b = source_line(c, l + 1);
		while (b > a && (c->md[b - 1] == '\n' || c->md[b - 1] == '\r'))
			b--;
		if (b - a > (size_t)skip)
			preformatted(c, c->md + a + skip, b - a - (size_t)skip, inline_style(c));
	}
	c->need_blank = true;
	return true;
}

/* The walk of a tree; md, the source it was parsed from, or NULL. */
static void
layout_tree(struct layout *lo, cmark_node *root, const char *md, size_t len, int width,
    struct linkset *links)
{
	struct ctx c;
	cmark_node *node;
	cmark_iter *it;
	cmark_event_type ev;

	ctx_begin(&c, lo, width);
	c.links = links;
	c.md = md;
	c.md_len = len;
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH &&
		    table(&c, node)) {
			cmark_iter_reset(it, node, CMARK_EVENT_EXIT);	/* its inlines are shown already */
			continue;
		}
		if (ev == CMARK_EVENT_ENTER)
			enter(&c, node);
		else if (ev == CMARK_EVENT_EXIT)
			leave(&c, node);
	}
	cmark_iter_free(it);
	ctx_end(&c);
}

void
layout_markdown(struct layout *lo, const char *md, size_t len, int width,
    struct linkset *links)
{
	cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_VALIDATE_UTF8);

	layout_tree(lo, doc, md, len, width, links);
	cmark_node_free(doc);
}

void
layout_node(struct layout *lo, cmark_node *node, int width, struct linkset *links)
{
	layout_tree(lo, node, NULL, 0, width, links);
}

void
layout_parsed(struct layout *lo, cmark_node *node, const char *md, size_t len, int width,
    struct linkset *links)
{
	layout_tree(lo, node, md, len, width, links);
}

void
layout_text(struct layout *lo, const char *text, int width, int indent, unsigned style)
{
	struct ctx c;
	const char *nl;
	size_t n;

	ctx_begin(&c, lo, width);
	do {
		int lead = 0;

		nl = strchr(text, '\n');
		n = nl ? (size_t)(nl - text) : strlen(text);
		while ((size_t)lead < n && text[lead] == ' ')
			lead++;
		para_reset(&c.para);
		para_add_text(&c.para, text + lead, n - (size_t)lead, style);
		if (c.para.n == 0)
			new_line(lo);
		else
			wrap(&c, &c.para, c.width, NULL, lead, indent);
		text += n + (nl ? 1 : 0);
	} while (nl != NULL);
	ctx_end(&c);
}

/* --- what is shown, for the other sinks --------------------------------- */

/*
 * The report's Markdown and HTML show what the layout shows: these give
 * the shown form of a literal by the layout's own steps, so that every
 * sink decides it here, once.
 */
char *
layout_shown_text(const char *s, size_t len)
{
	struct para p;
	struct buf b;
	size_t i;

	memset(&p, 0, sizeof(p));
	buf_init(&p.text);
	para_add_text(&p, s, len, 0);
	buf_init(&b);
	for (i = 0; i < p.n; i++)
		buf_add(&b, p.text.data + p.v[i].off, p.v[i].len);
	buf_free(&p.text);
	free(p.v);
	return buf_detach(&b);
}

char *
layout_shown_code(const char *lit)
{
	struct buf b;
	const char *nl;
	size_t n;
	int w;

	buf_init(&b);
	while (*lit != '\0') {
		nl = strchr(lit, '\n');
		n = nl ? (size_t)(nl - lit) : strlen(lit);
		code_line(&b, lit, n, &w);
		if (nl != NULL)
			buf_addc(&b, '\n');
		lit += n + (nl ? 1 : 0);
	}
	return buf_detach(&b);
}

char *
layout_shown_html(const char *lit)
{
	struct buf b;

	buf_init(&b);
	html_text(&b, lit);
	return buf_detach(&b);
}

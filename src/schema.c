/* SPDX-License-Identifier: MIT */
/*
 * schema.c: type checks shared by the assessment file, the answer-text
 * front matter and the answers file. Numbers are parsed by hand, without
 * strtol and the locale: only ASCII digits count.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "diag.h"
#include "schema.h"
#include "text.h"

bool
parse_id(const char *s, size_t len, int max, int *out)
{
	long long v = 0;
	size_t i;

	if (len == 0 || len > 10 || s[0] == '0')
		return false;
	for (i = 0; i < len; i++) {
		if (!ascii_isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return false;
	*out = (int)v;
	return true;
}

/* Days in month m (1-12) of year y, in the Gregorian calendar. */
static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

bool
content_parse_date(const char *s, size_t len, int *out)
{
	int v[3] = { 0, 0, 0 };
	size_t i, f = 0;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < len; i++) {
		if (i == 4 || i == 7) {
			f++;
			continue;
		}
		if (!ascii_isdigit((unsigned char)s[i]))
			return false;
		v[f] = v[f] * 10 + (s[i] - '0');
	}
	if (v[0] < 1900 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > month_days(v[0], v[1]))
		return false;
	*out = v[0] * 10000 + v[1] * 100 + v[2];
	return true;
}

/*
 * The date of the timezone furthest ahead (UTC+14): a text reviewed today
 * somewhere is never in the future, whatever TZ says.
 */
int
content_today(void)
{
	time_t now = time(NULL) + 14 * 3600;
	struct tm tm;

	if (gmtime_r(&now, &tm) == NULL)
		return 0;
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

void
schema_keys(const struct schema_ctx *c, const struct ynode *m, const char *what,
    const char *const *known, const struct ynode **values)
{
	const struct ynode *k;
	size_t i, j;

	for (j = 0; values != NULL && known[j] != NULL; j++)
		values[j] = NULL;
	for (i = 0; i < m->n; i++) {
		k = m->items[2 * i];
		for (j = 0; known[j] != NULL; j++)
			if (k->value[0] == known[j][0] && strcmp(k->value, known[j]) == 0)
				break;
		if (known[j] == NULL)
			diag(DIAG_WARNING, c->file, k->line, k->col,
			    "unknown key '%s' in %s is ignored: check its spelling", k->value, what);
		else if (values != NULL && values[j] == NULL)	/* the first, as ytree_get finds */
			values[j] = m->items[2 * i + 1];
	}
}

void
schema_unknown_keys(const struct schema_ctx *c, const struct ynode *m, const char *what,
    const char *const *known)
{
	schema_keys(c, m, what, known, NULL);
}

static const char *
kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case YNODE_MAPPING:
		return "a mapping";
	case YNODE_SEQUENCE:
		return "a list";
	default:
		return "a single value";
	}
}

int
schema_mapping(const struct schema_ctx *c, const struct ynode *n, const char *what)
{
	if (n->kind == YNODE_MAPPING)
		return 0;
	diag(DIAG_ERROR, c->file, n->line, n->col,
	    "%s must be a mapping of keys to values, not %s", what, kind_name(n));
	return -1;
}

int
schema_sequence(const struct schema_ctx *c, const struct ynode *n, const char *key)
{
	if (n->kind == YNODE_SEQUENCE && n->n > 0)
		return 0;
	if (n->kind == YNODE_SEQUENCE)
		diag(DIAG_ERROR, c->file, n->line, n->col, "'%s' must not be an empty list", key);
	else
		diag(DIAG_ERROR, c->file, n->line, n->col, "'%s' must be a list, not %s",
		    key, kind_name(n));
	return -1;
}

const struct ynode *
schema_require(const struct schema_ctx *c, const struct ynode *m, const char *key,
    const char *what)
{
	const struct ynode *v = ytree_get(m, key);

	if (v == NULL)
		diag(DIAG_ERROR, c->file, m->line, m->col, "%s has no '%s': add it", what, key);
	return v;
}

/* The offset of line's start in the file, moving the cursor there; SIZE_MAX past the end. */
static size_t
line_offset(const struct schema_ctx *c, int line)
{
	struct schema_cursor *k = c->cursor;
	const char *nl;

	while (k->line < line) {
		if ((nl = memchr(c->src + k->off, '\n', c->srclen - k->off)) == NULL)
			return SIZE_MAX;
		k->off = (size_t)(nl - c->src) + 1;
		k->line++;
	}
	while (k->line > line) {	/* back: the line before ends at k->off - 1 */
		k->off--;
		while (k->off > 0 && c->src[k->off - 1] != '\n')
			k->off--;
		k->line--;
	}
	return k->off;
}

/*
 * From off: blanks, then line breaks each followed by blanks. Returns the
 * breaks (0 when the line goes on), with *end past the last blanks and
 * *start at the start of the last line reached.
 */
static int
fold_at(const struct schema_ctx *c, size_t off, size_t *end, size_t *start)
{
	int breaks = 0;

	for (;;) {
		while (off < c->srclen && (c->src[off] == ' ' || c->src[off] == '\t'))
			off++;
		if (off + 1 < c->srclen && c->src[off] == '\r' && c->src[off + 1] == '\n')
			off++;
		if (off >= c->srclen || c->src[off] != '\n')
			break;
		*start = ++off;
		breaks++;
	}
	*end = off;
	return breaks;
}

/* The offset in the file of node v's first character, or SIZE_MAX. */
static size_t
node_offset(const struct schema_ctx *c, const struct ynode *v)
{
	size_t off;
	int32_t cp;
	int col = 1;

	if (c->src == NULL || c->cursor == NULL || v->line < 1 ||
	    (off = line_offset(c, v->line)) == SIZE_MAX)
		return SIZE_MAX;
	if (off == 0 && c->srclen >= 3 && memcmp(c->src, UTF8_BOM, 3) == 0)
		off = 3;	/* not a column */
	for (; col < v->col && off < c->srclen && c->src[off] != '\n'; col++)
		off += utf8_decode(c->src + off, c->srclen - off, &cp);
	return col == v->col ? off : SIZE_MAX;
}

/*
 * Follow plain value v's first stop bytes through the file, folded as YAML
 * folds a plain value over lines (a line break and the blanks around it
 * are one space; each empty line after it, a line break): *off, *line and
 * *col get where the file goes on after them. False when the file does
 * not hold the value so.
 */
static bool
plain_walk(const struct schema_ctx *c, const struct ynode *v, size_t stop, size_t *off,
    int *line, int *col)
{
	size_t end, start = 0, i = 0, k;
	int breaks;

	if (!v->plain || (*off = node_offset(c, v)) == SIZE_MAX)
		return false;
	*line = v->line;
	*col = v->col;
	while (i < stop) {
		/* a fold starts at a blank or a line break; any other byte is compared */
		if (*off < c->srclen && (c->src[*off] == ' ' || c->src[*off] == '\t' ||
		    c->src[*off] == '\r' || c->src[*off] == '\n') &&
		    (breaks = fold_at(c, *off, &end, &start)) > 0) {
			if (breaks == 1 && v->value[i] != ' ')
				return false;
			for (k = 1; k < (size_t)breaks; k++)
				if (i + k - 1 >= v->len || v->value[i + k - 1] != '\n')
					return false;
			i += breaks == 1 ? 1 : (size_t)breaks - 1;
			*line += breaks;
			*col = 1 + (int)(end - start);	/* blanks only: a byte a column */
			*off = end;
			continue;
		}
		if (*off >= c->srclen || c->src[*off] != v->value[i])
			return false;
		*col += ((unsigned char)c->src[*off] & 0xC0) != 0x80;
		(*off)++;
		i++;
	}
	return i == stop;
}

/*
 * Where a '#' comment follows plain value v, or 0: after the value's bytes
 * in the file, blanks and '#' on the same line. The '#' is at *line and
 * the column returned. Always 0 for a format whose context has no comments.
 */
static int
comment_col(const struct schema_ctx *c, const struct ynode *v, int *line)
{
	size_t off;
	int col;

	if (!c->comments || !plain_walk(c, v, v->len, &off, line, &col))
		return 0;
	for (; off < c->srclen && (c->src[off] == ' ' || c->src[off] == '\t'); off++)
		col++;
	return off < c->srclen && c->src[off] == '#' ? col : 0;
}

/* The value of hex digits s[0..n), or -1. */
static long
hex_value(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (ascii_isdigit((unsigned char)s[i]))
			v = v * 16 + (s[i] - '0');
		else if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f')
			v = v * 16 + ((s[i] | 0x20) - 'a' + 10);
		else
			return -1;
	}
	return v;
}

/*
 * Where byte stop of quoted value v stands in the file, or SIZE_MAX: the
 * value's bytes followed from after its opening quote, folded over lines
 * as a plain value is, '' one quote in single quotes, and in double quotes
 * each escape the bytes it stands for. A byte an escape made is at the
 * escape's backslash; after an escaped line break the way is lost.
 */
static size_t
quoted_offset(const struct schema_ctx *c, const struct ynode *v, size_t stop)
{
	size_t off = node_offset(c, v), end, start, i = 0, n, k;
	long cp;
	char q;
	int breaks;

	if (off == SIZE_MAX || off >= c->srclen ||
	    ((q = c->src[off]) != '"' && q != '\''))
		return SIZE_MAX;
	for (off++; i < stop; ) {
		if (off >= c->srclen)
			return SIZE_MAX;
		if ((c->src[off] == ' ' || c->src[off] == '\t' || c->src[off] == '\r' ||
		    c->src[off] == '\n') && (breaks = fold_at(c, off, &end, &start)) > 0) {
			i += breaks == 1 ? 1 : (size_t)breaks - 1;
			off = end;
			continue;
		}
		if (c->src[off] == q && q == '\'' && off + 1 < c->srclen &&
		    c->src[off + 1] == '\'') {
			off += 2;
			i++;
			continue;
		}
		if (c->src[off] == q)
			return SIZE_MAX;	/* the closing quote: the byte is not there */
		if (q == '"' && c->src[off] == '\\' && off + 1 < c->srclen) {
			k = 0;	/* hex digits after the escape's letter */
			switch (c->src[off + 1]) {
			case 'x': k = 2; break;
			case 'u': k = 4; break;
			case 'U': k = 8; break;
			case 'N': case '_': n = 2; break;
			case 'L': case 'P': n = 3; break;
			case '\r': case '\n': return SIZE_MAX;
			default: n = 1; break;
			}
			if (k > 0) {
				if (off + 2 + k > c->srclen ||
				    (cp = hex_value(c->src + off + 2, k)) < 0)
					return SIZE_MAX;
				n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
			}
			if (stop < i + n)
				return off;
			i += n;
			off += 2 + k;
			continue;
		}
		if (c->src[off] != v->value[i])
			return SIZE_MAX;
		off++;
		i++;
	}
	return i == stop ? off : SIZE_MAX;
}

/*
 * Where byte stop of block scalar v ('|' or '>') stands in the file, or
 * SIZE_MAX. A block scalar holds every character of its lines as it
 * stands, but spaces and line breaks: the character there, neither, is
 * the same occurrence of it in the lines after the header as in the value.
 */
static size_t
block_offset(const struct schema_ctx *c, const struct ynode *v, size_t stop)
{
	size_t off = node_offset(c, v), n, seen = 0, i;
	const char *nl, *ch = v->value + stop;
	int32_t cp;

	if (off == SIZE_MAX || off >= c->srclen || (c->src[off] != '|' && c->src[off] != '>'))
		return SIZE_MAX;
	n = utf8_decode(ch, v->len - stop, &cp);
	if (cp == ' ' || cp == '\n' || cp < 0)
		return SIZE_MAX;
	for (i = 0; i + n <= stop; i++)
		seen += memcmp(v->value + i, ch, n) == 0;
	if ((nl = memchr(c->src + off, '\n', c->srclen - off)) == NULL)
		return SIZE_MAX;
	for (off = (size_t)(nl - c->src) + 1; off + n <= c->srclen; off++)
		if (memcmp(c->src + off, ch, n) == 0 && seen-- == 0)
			return off;
	return SIZE_MAX;
}

/*
 * The line and column of byte i of text value v: of the character itself
 * where the file holds it as it stands, of the escape that made it in a
 * double-quoted value, otherwise of the value.
 */
static void
value_position(const struct schema_ctx *c, const struct ynode *v, size_t i, int *line,
    int *col)
{
	size_t off;

	*line = v->line;
	*col = v->col;
	if (v->plain) {
		if (plain_walk(c, v, i, &off, line, col))
			return;
		*line = v->line;
		*col = v->col;
		return;
	}
	if ((off = quoted_offset(c, v, i)) == SIZE_MAX)
		off = block_offset(c, v, i);
	if (off != SIZE_MAX)
		text_linecol(c->src, c->srclen, off, line, col);
}

int
schema_text(const struct schema_ctx *c, const struct ynode *m, const char *key,
    const char *what, bool required, bool single_line, char **out)
{
	return schema_text_value(c, m, ytree_get(m, key), key, what, required, single_line, out);
}

int
schema_text_value(const struct schema_ctx *c, const struct ynode *m, const struct ynode *v,
    const char *key, const char *what, bool required, bool single_line, char **out)
{
	size_t i = 0, k;
	int line, col;
	int32_t cp;

	*out = NULL;
	if (v == NULL && !required)
		return 0;
	if (v == NULL) {
		diag(DIAG_ERROR, c->file, m->line, m->col, "%s has no '%s': add it", what, key);
		return -1;
	}
	if (v->kind != YNODE_SCALAR) {
		diag(DIAG_ERROR, c->file, v->line, v->col, "'%s' must be text, not %s",
		    key, kind_name(v));
		return -1;
	}
	/* a required text of only blanks ("   ") is as empty as "" */
	if (ytree_is_null(v) || v->len == 0 || (required && text_is_blank(v->value, v->len))) {
		if (!required)
			return 0;
		if ((k = (size_t)comment_col(c, v, &line)) != 0)
			diag(DIAG_ERROR, c->file, line, (int)k, "'%s' is empty: this '#' starts a "
			    "YAML comment; put the whole value in quotes", key);
		else
			diag(DIAG_ERROR, c->file, v->line, v->col, "'%s' is empty: write it out", key);
		return -1;
	}
	/* what the reader saw of the characters as it read: then only a line break may be wrong */
	if (v->printable && !(single_line && memchr(v->value, '\n', v->len) != NULL))
		i = v->len;
	else if ((k = strlen(v->value)) != v->len) {
		value_position(c, v, k, &line, &col);
		diag(DIAG_ERROR, c->file, line, col,
		    "'%s' contains a NUL character: remove it", key);
		return -1;
	}
	while (i < v->len) {
		if ((i += text_plain_run(v->value + i, v->len - i, &k)) == v->len)
			break;	/* printable ASCII and letters of two bytes: safe, and most of the text */
		k = utf8_decode(v->value + i, v->len - i, &cp);
		if (cp == '\n' && single_line) {
			value_position(c, v, i, &line, &col);
			diag(DIAG_ERROR, c->file, line, col,
			    "'%s' contains U+000A, a control character (a line break): "
			    "write it on one line", key);
			return -1;
		}
		if (cp == '\t') {	/* named as an author knows it */
			value_position(c, v, i, &line, &col);
			diag(DIAG_ERROR, c->file, line, col,
			    "'%s' contains a tab (U+0009): write a space instead", key);
			return -1;
		}
		if (text_is_control(cp) && cp != '\n') {
			value_position(c, v, i, &line, &col);
			diag(DIAG_ERROR, c->file, line, col,
			    "'%s' contains U+%04X, a control character or direction override: remove it", key,
			    (unsigned)cp);
			return -1;
		}
		i += k;
	}
	if ((k = (size_t)comment_col(c, v, &line)) != 0)
		diag(DIAG_WARNING, c->file, line, (int)k, "'%s' ends before this '#', which "
		    "starts a YAML comment: put the whole value in quotes if what follows belongs "
		    "to it", key);
	*out = xstrndup(v->value, v->len);
	return 0;
}

const char *
schema_id_hint(const struct ynode *v, int max)
{
	size_t i;
	int id;

	if (v->kind != YNODE_SCALAR)
		return "";
	if (!v->plain && parse_id(v->value, v->len, max, &id))
		return ": remove the quotes";
	for (i = 0; i < v->len && ascii_isdigit((unsigned char)v->value[i]); i++)
		;
	if (i == v->len && v->len > 1 && v->value[0] == '0')
		return ": remove the leading zero";
	for (i = 0; i < v->len; i++)
		if ((unsigned char)v->value[i] >= 0x80)
			return ": write it with the digits 0-9";
	return "";
}

int
schema_id_value(const struct schema_ctx *c, const struct ynode *v, const char *key, int max,
    int *out)
{
	if (v->kind == YNODE_SCALAR && v->plain && parse_id(v->value, v->len, max, out))
		return 0;
	if (v->kind != YNODE_SCALAR)
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' must be a whole number from 1 to %d, not %s", key, max, kind_name(v));
	else if (v->len == 0)
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' is empty: write a whole number from 1 to %d", key, max);
	else
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' must be a whole number from 1 to %d, not '%s'%s", key, max, v->value,
		    schema_id_hint(v, max));
	return -1;
}

int
schema_id(const struct schema_ctx *c, const struct ynode *m, const char *key, const char *what,
    int max, int *out)
{
	const struct ynode *v = schema_require(c, m, key, what);

	return v == NULL ? -1 : schema_id_value(c, v, key, max, out);
}

int
schema_slug(const struct schema_ctx *c, const struct ynode *m, const char *key,
    const char *what, char **out)
{
	const struct ynode *v = schema_require(c, m, key, what);
	size_t i;
	bool ok;

	*out = NULL;
	if (v == NULL)
		return -1;
	ok = v->kind == YNODE_SCALAR && v->len > 0 && v->len <= 64 && v->value[0] != '-';
	for (i = 0; ok && i < v->len; i++) {
		char ch = v->value[i];
		ok = (ch >= 'a' && ch <= 'z') || ascii_isdigit((unsigned char)ch) || ch == '-';
	}
	if (!ok) {
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' must be 1 to 64 of a-z, 0-9 and '-'%s, not '%s'", key,
		    v->kind == YNODE_SCALAR && v->len > 0 && v->value[0] == '-' ?
		    ", starting with a letter or a digit" : "",
		    v->kind == YNODE_SCALAR ? v->value : kind_name(v));
		return -1;
	}
	*out = xstrndup(v->value, v->len);
	return 0;
}

bool
content_language_ok(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return len >= 2 && len <= 3;
}

int
schema_language(const struct schema_ctx *c, const struct ynode *m, const char *what, char **out)
{
	const struct ynode *v = schema_require(c, m, "language", what);

	*out = NULL;
	if (v == NULL)
		return -1;
	if (v->kind != YNODE_SCALAR || !content_language_ok(v->value, v->len)) {
		diag(DIAG_ERROR, c->file, v->line, v->col, "'language' must be a code of 2 or 3 "
		    "letters a-z, such as tr, en or fi, not '%s'",
		    v->kind == YNODE_SCALAR ? v->value : kind_name(v));
		return -1;
	}
	*out = xstrndup(v->value, v->len);
	return 0;
}

int
schema_date(const struct schema_ctx *c, const struct ynode *m, const char *key,
    const char *what, bool required, int *out)
{
	const struct ynode *v = ytree_get(m, key);
	size_t i;
	bool shape;

	*out = 0;
	if (v == NULL && !required)
		return 0;
	if (v == NULL) {
		diag(DIAG_ERROR, c->file, m->line, m->col, "%s has no '%s': add it", what, key);
		return -1;
	}
	if (v->kind != YNODE_SCALAR) {
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' must be a date written YYYY-MM-DD, not %s", key, kind_name(v));
		return -1;
	}
	if (content_parse_date(v->value, v->len, out))
		return 0;
	shape = v->len == 10 && strlen(v->value) == v->len;
	for (i = 0; shape && i < v->len; i++)
		shape = (i == 4 || i == 7) ? v->value[i] == '-' :
		    ascii_isdigit((unsigned char)v->value[i]);
	if (v->len == 0)
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' is empty: write a date as YYYY-MM-DD", key);
	else if (shape)
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' is not a day of the calendar: '%s' (YYYY-MM-DD, from 1900)", key, v->value);
	else
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' must be a date written YYYY-MM-DD, such as 2026-03-01, not '%s'",
		    key, v->value);
	return -1;
}

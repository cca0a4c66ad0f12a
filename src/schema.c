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
schema_unknown_keys(const struct schema_ctx *c, const struct ynode *m, const char *what,
    const char *const *known)
{
	const struct ynode *k;
	size_t i, j;

	for (i = 0; i < m->n; i++) {
		k = m->items[2 * i];
		for (j = 0; known[j] != NULL; j++)
			if (k->value[0] == known[j][0] && strcmp(k->value, known[j]) == 0)
				break;
		if (known[j] == NULL)
			diag(DIAG_WARNING, c->file, k->line, k->col,
			    "unknown key '%s' in %s is ignored: check its spelling", k->value, what);
	}
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

/*
 * Where a '#' comment follows plain value v, or 0: the file's bytes from
 * v's position are the value's, folded as YAML folds a plain value over
 * lines (a line break and the blanks around it are one space; each empty
 * line after it, a line break), then blanks and '#' on the same line. The
 * '#' is at *line and the column returned.
 */
static int
comment_col(const struct schema_ctx *c, const struct ynode *v, int *line)
{
	size_t off, end, start = 0, i = 0, k;
	int32_t cp;
	int col = 1, breaks;

	if (c->src == NULL || c->cursor == NULL || !v->plain || v->line < 1 ||
	    (off = line_offset(c, v->line)) == SIZE_MAX)
		return 0;
	if (off == 0 && c->srclen >= 3 && memcmp(c->src, UTF8_BOM, 3) == 0)
		off = 3;	/* not a column */
	for (; col < v->col && off < c->srclen && c->src[off] != '\n'; col++)
		off += utf8_decode(c->src + off, c->srclen - off, &cp);
	if (col != v->col)
		return 0;
	*line = v->line;
	while (i < v->len) {
		/* a fold starts at a blank or a line break; any other byte is compared */
		if (off < c->srclen && (c->src[off] == ' ' || c->src[off] == '\t' ||
		    c->src[off] == '\r' || c->src[off] == '\n') &&
		    (breaks = fold_at(c, off, &end, &start)) > 0) {
			if (breaks == 1 && v->value[i] != ' ')
				return 0;
			for (k = 1; k < (size_t)breaks; k++)
				if (i + k - 1 >= v->len || v->value[i + k - 1] != '\n')
					return 0;
			i += breaks == 1 ? 1 : (size_t)breaks - 1;
			*line += breaks;
			col = 1 + (int)(end - start);	/* blanks only: a byte a column */
			off = end;
			continue;
		}
		if (off >= c->srclen || c->src[off] != v->value[i])
			return 0;
		col += ((unsigned char)c->src[off] & 0xC0) != 0x80;
		off++;
		i++;
	}
	for (; off < c->srclen && (c->src[off] == ' ' || c->src[off] == '\t'); off++)
		col++;
	return off < c->srclen && c->src[off] == '#' ? col : 0;
}

int
schema_text(const struct schema_ctx *c, const struct ynode *m, const char *key,
    const char *what, bool required, bool single_line, char **out)
{
	const struct ynode *v = ytree_get(m, key);
	size_t i = 0, k;
	int line;
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
	if (strlen(v->value) != v->len) {
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'%s' contains a NUL character: remove it", key);
		return -1;
	}
	while (i < v->len) {
		if ((i += text_plain_run(v->value + i, v->len - i, &k)) == v->len)
			break;	/* printable ASCII and letters of two bytes: safe, and most of the text */
		k = utf8_decode(v->value + i, v->len - i, &cp);
		if (cp == '\n' && single_line) {
			diag(DIAG_ERROR, c->file, v->line, v->col,
			    "'%s' contains U+000A, a control character (a line break): "
			    "write it on one line", key);
			return -1;
		}
		if (cp == '\t') {	/* named as an author knows it */
			diag(DIAG_ERROR, c->file, v->line, v->col,
			    "'%s' contains a tab (U+0009): write a space instead", key);
			return -1;
		}
		if (text_is_control(cp) && cp != '\n') {
			diag(DIAG_ERROR, c->file, v->line, v->col,
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
		    "'%s' must be 1 to 64 of a-z, 0-9 and '-', not '%s'", key,
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

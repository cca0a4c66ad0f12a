/* SPDX-License-Identifier: MIT */
/*
 * ytree.c: libyaml events to a bounded tree. The depth bound is checked
 * before libyaml is asked for the next event, so a megabyte of '[' is
 * refused after YTREE_MAX_DEPTH of them, not after seconds of quadratic
 * work. Duplicate keys are found by sorting each mapping's keys once.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "diag.h"
#include "text.h"
#include "util.h"
#include "ytree.h"

struct reader {
	const char	*file;
	const char	*whole;
	size_t		 whole_len;
	size_t		 offset;	/* of the parsed bytes in whole */
	int		 base_line;	/* line of whole at offset */
	/* libyaml's mark.index counts code points (not a BOM): the last one converted */
	size_t		 cur_index, cur_byte;
	bool		 cur_init;
};

/*
 * The byte offset in the parsed input of a libyaml mark's index, which
 * counts code points. Marks mostly come in order, so a cursor moves on
 * from the last one; an earlier mark starts again from the top.
 */
static size_t
mark_byte(struct reader *r, size_t len, size_t index)
{
	const char *s = r->whole + r->offset;
	int32_t cp;

	if (!r->cur_init || index < r->cur_index) {
		r->cur_index = 0;
		r->cur_byte = len >= 3 && memcmp(s, UTF8_BOM, 3) == 0 ? 3 : 0;
		r->cur_init = true;
	}
	while (r->cur_index < index && r->cur_byte < len) {
		r->cur_byte += utf8_decode(s + r->cur_byte, len - r->cur_byte, &cp);
		r->cur_index++;
	}
	return r->cur_byte;
}

static void
node_free(struct ynode *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nitems; i++)
		node_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

/* The recursion is as deep as the tree: at most YTREE_MAX_DEPTH. */
void
ytree_free(struct ynode *n)
{
	if (n != NULL && n->arena != NULL)
		arena_free(n->arena);
	else
		node_free(n);
}

static struct ynode *
node_new(enum ynode_kind kind, const struct reader *r, yaml_mark_t mark)
{
	struct ynode *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->line = r->base_line + (int)mark.line;
	n->col = (int)mark.column + 1;
	return n;
}

static void
node_append(struct ynode *parent, struct ynode *child)
{
	if (parent->nitems == parent->cap) {
		parent->cap = parent->cap == 0 ? 4 : 2 * parent->cap;
		parent->items = xreallocarray(parent->items, parent->cap,
		    sizeof(*parent->items));
	}
	parent->items[parent->nitems++] = child;
}

/* Position of an error libyaml reports, as a line and column of the file. */
static void
problem_position(const struct reader *r, const yaml_parser_t *p, int *line, int *col)
{
	if (p->error == YAML_READER_ERROR || (p->problem_mark.line == 0 &&
	    p->problem_mark.column == 0 && p->problem_offset != 0)) {
		text_linecol(r->whole, r->whole_len, r->offset + p->problem_offset,
		    line, col);
		return;
	}
	*line = r->base_line + (int)p->problem_mark.line;
	*col = (int)p->problem_mark.column + 1;
}

/* The byte at a 1-based line and column (in code points) of the file, or NUL. */
static char
byte_at(const struct reader *r, int line, int col)
{
	size_t i = 0;
	int32_t cp;
	int l = 1, c = 1;

	if (r->whole_len >= 3 && memcmp(r->whole, UTF8_BOM, 3) == 0)
		i = 3;	/* not a column */
	while (i < r->whole_len && (l < line || c < col)) {
		if (r->whole[i] == '\n') {
			l++;
			c = 1;
			i++;
		} else {
			i += utf8_decode(r->whole + i, r->whole_len - i, &cp);
			c++;
		}
	}
	return i < r->whole_len ? r->whole[i] : '\0';
}

/* What to do about libyaml's commonest problems, as the people who write packs meet them. */
static const struct {
	const char	*problem;	/* the start of libyaml's words */
	const char	*advice;
} yaml_advice[] = {
	{ "mapping values are not allowed",
	  "a value holding ': ' goes in quotes, as in title: \"Note: members\"; "
	  "a key starts in the column of the keys above it" },
	{ "did not find expected key",
	  "indent this line as the lines of the same level above it" },
	{ "did not find expected '-' indicator",
	  "each item of a list starts with '- ', all at the same indentation" },
	{ "found character that cannot start any token",
	  "a value that starts with @, ` or % goes in quotes" },
	{ "did not find expected node content",
	  "a value that starts with [, {, !, & or * goes in quotes" },
	{ "did not find expected ',' or ']'",
	  "a value that starts with [ is a list: close it, or put the text in quotes" },
	{ "found unexpected end of stream",
	  "a quote or a bracket opened on that line is never closed" },
	{ "found undefined tag handle", "a value that starts with ! goes in quotes" },
	{ "block sequence entries are not allowed", "a value that starts with '- ' goes in quotes" },
	{ "did not find expected alphabetic or numeric character",
	  "a value that starts with & or * goes in quotes" },
};

static const char *
advice_for(const char *problem)
{
	size_t i;

	for (i = 0; i < NELEM(yaml_advice); i++)
		if (strncmp(problem, yaml_advice[i].problem, strlen(yaml_advice[i].problem)) == 0)
			return yaml_advice[i].advice;
	return NULL;
}

/*
 * Characters that look like YAML's own but are text to it, as a word
 * processor or a web page leaves them: a no-break space after a key's
 * ':' or in the indentation, typographic quotes opening a value, a dash
 * starting a list item. On lines first to last, the first such is said at
 * its own place, since libyaml stumbles later, on another line often.
 */
static bool
lookalike(const struct reader *r, int first, int last)
{
	size_t i = 0, k;
	int32_t cp, prev = '\n';
	int line = 1, col = 1;
	bool lead = true;	/* only blanks so far on this line */
	const char *what = NULL;

	if (r->whole_len >= 3 && memcmp(r->whole, UTF8_BOM, 3) == 0)
		i = 3;
	for (; i < r->whole_len && line <= last; i += k, prev = cp) {
		k = utf8_decode(r->whole + i, r->whole_len - i, &cp);
		if (cp == '\n') {
			line++;
			col = 1;
			lead = true;
			continue;
		}
		if (line >= first && cp == 0xA0 && (lead || prev == ':'))
			what = "a no-break space (U+00A0), which YAML does not take for a space: "
			    "type an ordinary space instead";
		else if (line >= first && (cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
		    cp == 0x2019 || cp == 0x201E) && (prev == ' ' || prev == 0xA0))
			what = "a typographic quote, which YAML takes for text: quote with "
			    "straight quotes (\") instead";
		else if (line >= first && lead && (cp == 0x2013 || cp == 0x2014 || cp == 0x2212))
			what = "a dash where a list item starts with '-' (a hyphen-minus): type '-' "
			    "instead";
		if (what != NULL) {
			diag(DIAG_ERROR, r->file, line, col, "YAML syntax: %s", what);
			return true;
		}
		if (cp != ' ')
			lead = false;
		col++;
	}
	return false;
}

/* The byte offset in whole of the start of a 1-based line, or whole_len past the end. */
static size_t
line_offset(const struct reader *r, int line)
{
	size_t i = r->whole_len >= 3 && memcmp(r->whole, UTF8_BOM, 3) == 0 ? 3 : 0;

	return i + text_line_start(r->whole + i, r->whole_len - i, line);
}

/*
 * Where a line's content starts, past its indentation and any '- ' of
 * list items: its byte offset in whole, and its column (the indentation
 * is spaces, one column each). Sets *end to the line's end (before CR).
 */
static size_t
line_content(const struct reader *r, size_t i, int *col, size_t *end)
{
	const char *nl = memchr(r->whole + i, '\n', r->whole_len - i);

	*end = nl != NULL ? (size_t)(nl - r->whole) : r->whole_len;
	if (*end > i && r->whole[*end - 1] == '\r')
		(*end)--;
	for (*col = 1; i < *end; i++, (*col)++)
		if (r->whole[i] != ' ' && !(r->whole[i] == '-' && i + 1 < *end &&
		    r->whole[i + 1] == ' '))
			break;
	return i;
}

/*
 * libyaml's "mapping values are not allowed" at a key's ':' (line, col),
 * when that key is the first thing on its line and the line above, at
 * the same column, is a key with no ':' ("id volunteers"): libyaml took
 * the line above for the start of a key that goes on to this line, and
 * stumbles at the first ':' it meets, on a line that is right. The line
 * above is the one to mend: its line and column in *kline, *kcol.
 */
static bool
colon_missing_above(const struct reader *r, int line, int col, int *kline, int *kcol)
{
	size_t i, s, end;
	int kc, c, pc, l;
	int32_t cp;

	s = line_content(r, line_offset(r, line), &kc, &end);
	if (s >= end || strchr("#\"'[{", r->whole[s]) != NULL)
		return false;
	for (i = s, c = kc; i < end && c < col; c++) {	/* the key: no ':' before col */
		if (r->whole[i] == ':')
			return false;
		i += utf8_decode(r->whole + i, end - i, &cp);
	}
	if (c != col || i >= end || r->whole[i] != ':')
		return false;
	for (l = line - 1; l >= r->base_line && l >= 1; l--) {
		s = line_content(r, line_offset(r, l), &pc, &end);
		if (s < end && r->whole[s] != '#')
			break;	/* not blank, not a comment */
	}
	if (l < r->base_line || l < 1 || pc != kc || strchr("\"'[{|>&*!%@-", r->whole[s]) != NULL)
		return false;
	for (i = s; i < end; i++)
		if (r->whole[i] == ':' && (i + 1 == end || r->whole[i + 1] == ' '))
			return false;	/* a key of its own: another problem */
	*kline = l;
	*kcol = pc;
	return true;
}

/*
 * The last character before a 1-based line and column, blanks skipped,
 * when it is on that line; NUL otherwise. After a closing quote or
 * bracket it tells "title: \"Yes\" we do" from a line indented wrong.
 */
static char
char_before(const struct reader *r, int line, int col)
{
	size_t i = line_offset(r, line), end;
	char last = '\0';
	int32_t cp;
	int c;

	(void)line_content(r, i, &c, &end);
	for (c = 1; i < end && c < col; c++) {
		if (r->whole[i] != ' ' && r->whole[i] != '\t')
			last = r->whole[i];
		i += utf8_decode(r->whole + i, end - i, &cp);
	}
	return last;
}

/* Whether a 1-based line holds a ':' that ends a key (followed by a blank or the end). */
static bool
line_has_colon(const struct reader *r, int line)
{
	size_t i, end;
	int c;

	for (i = line_content(r, line_offset(r, line), &c, &end); i < end; i++)
		if (r->whole[i] == ':' && (i + 1 == end || r->whole[i + 1] == ' ' ||
		    r->whole[i + 1] == '\t'))
			return true;
	return false;
}

static const char no_colon_msg[] = "YAML syntax: no ':' after the key that starts this line: "
    "write the key, ':' and a space, then its value";

static void
report_parser_error(const struct reader *r, const yaml_parser_t *p)
{
	const char *problem = p->problem != NULL ? p->problem : "malformed YAML", *advice;
	int line, col, from;

	problem_position(r, p, &line, &col);
	from = line - 1;
	if (p->context != NULL && r->base_line + (int)p->context_mark.line - 1 < from)
		from = r->base_line + (int)p->context_mark.line - 1;
	/* only where a lookalike makes libyaml stumble: a key or an item not where expected */
	if ((strstr(problem, "mapping values are not allowed") != NULL ||
	    strstr(problem, "could not find expected ':'") != NULL ||
	    strstr(problem, "did not find expected key") != NULL ||
	    strstr(problem, "did not find expected '-' indicator") != NULL) &&
	    lookalike(r, from < 1 ? 1 : from, line))
		return;
	if (strstr(problem, "mapping values are not allowed") != NULL &&
	    colon_missing_above(r, line, col, &line, &col)) {
		diag(DIAG_ERROR, r->file, line, col, "%s", no_colon_msg);
		return;
	}
	if (strstr(problem, "did not find expected key") != NULL ||
	    strstr(problem, "did not find expected '-' indicator") != NULL) {
		char c = char_before(r, line, col);

		if (c == '"' || c == '\'') {
			diag(DIAG_ERROR, r->file, line, col, "YAML syntax: text after the "
			    "closing quote of a value: quote the whole value (title: '\"Yes\" "
			    "we do'), or remove what follows the quote");
			return;
		}
		if (c == ']' || c == '}') {
			diag(DIAG_ERROR, r->file, line, col, "YAML syntax: text after the "
			    "closing '%c' of a value: remove it, or quote the whole value", c);
			return;
		}
	}
	if (strstr(problem, "tab") != NULL || (strstr(problem, "cannot start any token") != NULL &&
	    byte_at(r, line, col) == '\t')) {
		diag(DIAG_ERROR, r->file, line, col,
		    "YAML syntax: a tab cannot indent YAML: indent with spaces");
		return;
	}
	if (strstr(problem, "could not find expected ':'") != NULL) {
		/* the context mark is where the key starts, the problem mark far after it */
		if (p->context_mark.line > 0 || p->context_mark.column > 0) {
			line = r->base_line + (int)p->context_mark.line;
			col = (int)p->context_mark.column + 1;
		}
		if (!line_has_colon(r, line)) {	/* "choice_id 1": the ':' forgotten */
			diag(DIAG_ERROR, r->file, line, col, "%s", no_colon_msg);
			return;
		}
		diag(DIAG_ERROR, r->file, line, col,
		    "YAML syntax: no ':' after a key (is the key longer than 1024 characters, "
		    "or the line indented unlike its neighbours?)");
		return;
	}
	advice = advice_for(problem);
	if (p->context != NULL && (strstr(p->context, "scanning an alias") != NULL ||
	    strstr(p->context, "scanning an anchor") != NULL)) {
		/* at the '*' or '&' that starts the value, which the advice names, not inside it */
		line = r->base_line + (int)p->context_mark.line;
		col = (int)p->context_mark.column + 1;
	}
	if (p->context != NULL)
		diag(DIAG_ERROR, r->file, line, col, "YAML syntax: %s, %s at line %d%s%s",
		    problem, p->context, r->base_line + (int)p->context_mark.line,
		    advice != NULL ? ": " : "", advice != NULL ? advice : "");
	else
		diag(DIAG_ERROR, r->file, line, col, "YAML syntax: %s%s%s", problem,
		    advice != NULL ? ": " : "", advice != NULL ? advice : "");
}

static int
key_cmp(const void *a, const void *b)
{
	const struct ynode *ka = *(struct ynode *const *)a;
	const struct ynode *kb = *(struct ynode *const *)b;
	int c = strcmp(ka->value, kb->value);

	if (c != 0)
		return c;
	if (ka->line != kb->line)
		return ka->line < kb->line ? -1 : 1;
	return ka->col < kb->col ? -1 : ka->col > kb->col;
}

/* Duplicate keys: sort the keys once, compare neighbours; report the later one. */
static int
check_duplicates(const struct reader *r, const struct ynode *m)
{
	struct ynode **keys, *dup = NULL, *first = NULL;
	size_t i;

	if (m->n < 2)
		return 0;
	keys = xreallocarray(NULL, m->n, sizeof(*keys));
	for (i = 0; i < m->n; i++)
		keys[i] = m->items[2 * i];
	qsort(keys, m->n, sizeof(*keys), key_cmp);
	for (i = 1; i < m->n; i++) {
		if (strcmp(keys[i - 1]->value, keys[i]->value) != 0)
			continue;
		if (dup == NULL || keys[i]->line < dup->line ||
		    (keys[i]->line == dup->line && keys[i]->col < dup->col)) {
			dup = keys[i];
			first = keys[i - 1];
		}
	}
	if (dup != NULL)
		diag(DIAG_ERROR, r->file, dup->line, dup->col,
		    "duplicate key '%s' (first at line %d): remove one of them",
		    dup->value, first->line);
	free(keys);
	return dup != NULL ? -1 : 0;
}

static int
refuse_decorations(const struct reader *r, const yaml_event_t *e,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	int line = r->base_line + (int)e->start_mark.line;
	int col = (int)e->start_mark.column + 1;

	if (anchor != NULL) {
		diag(DIAG_ERROR, r->file, line, col,
		    "YAML anchors ('&%s') are not allowed: write the value out", (const char *)anchor);
		return -1;
	}
	if (tag != NULL) {
		diag(DIAG_ERROR, r->file, line, col,
		    "YAML tags ('%s') are not allowed: remove the tag", (const char *)tag);
		return -1;
	}
	return 0;
}

/*
 * Attach a finished node to the open collection on top of the stack. In a
 * mapping every other node is a key, which must be a plain-text scalar.
 */
static int
attach(const struct reader *r, struct ynode **stack, size_t depth, struct ynode *n,
    bool *expect_key)
{
	struct ynode *top;

	if (depth == 0)
		return 0;
	top = stack[depth - 1];
	if (top->kind == YNODE_MAPPING && expect_key[depth - 1]) {
		if (n->kind != YNODE_SCALAR || strlen(n->value) != n->len) {
			diag(DIAG_ERROR, r->file, n->line, n->col,
			    "a key must be plain text, not a list, a mapping or a value with NUL: "
			    "write it as a word");
			return -1;
		}
		if (n->plain && strcmp(n->value, "<<") == 0) {
			diag(DIAG_ERROR, r->file, n->line, n->col,
			    "YAML merge keys ('<<') are not allowed: write the keys out");
			return -1;
		}
		node_append(top, n);
		expect_key[depth - 1] = false;
		return 0;
	}
	node_append(top, n);
	if (top->kind == YNODE_MAPPING) {
		top->n++;
		expect_key[depth - 1] = true;
	} else {
		top->n++;
	}
	return 0;
}

/*
 * U+0085, U+2028 and U+2029 are line breaks to libyaml and not to an
 * editor: every position after one would be a line off. None of our
 * formats needs them, so they are refused, each where it stands.
 */
static int
refuse_yaml_breaks(const struct reader *r, size_t len)
{
	const char *s = r->whole + r->offset;
	size_t i;
	int line, col;

	for (i = 0; i + 1 < len; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		const char *what;

		if (u[0] == 0xC2 && u[1] == 0x85)
			what = "U+0085 (next line)";
		else if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA8)
			what = "U+2028 (line separator)";
		else if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA9)
			what = "U+2029 (paragraph separator)";
		else
			continue;
		text_linecol(r->whole, r->whole_len, r->offset + i, &line, &col);
		diag(DIAG_ERROR, r->file, line, col,
		    "%s is a line break to YAML but not to an editor: remove it, "
		    "or break the line with Enter", what);
		return -1;
	}
	return 0;
}

/* The byte at offset off of the parsed input, or NUL past its end. */
static char
input_at(const struct reader *r, size_t len, size_t off)
{
	return off < len ? r->whole[r->offset + off] : '\0';
}

static void
diag_at(const struct reader *r, size_t off, const char *msg)
{
	int line, col;

	text_linecol(r->whole, r->whole_len, r->offset + off, &line, &col);
	diag(DIAG_ERROR, r->file, line, col, "YAML syntax: %s", msg);
}

/*
 * The lines after the first of a quoted scalar or a flow collection
 * (bytes start to end of the input) inside a block collection that starts
 * at column block_col (0-based; -1 outside any): each must be indented
 * with spaces past that column. libyaml 0.2.5 accepts them at the margin,
 * and a tab where the spaces should be.
 */
static int
check_continuation(const struct reader *r, size_t len, size_t start, size_t end, int block_col)
{
	size_t i, j;
	int n;

	if (block_col < 0)
		return 0;
	for (i = start; i < end && i < len; i++) {
		if (input_at(r, len, i) != '\n')
			continue;
		for (j = i + 1, n = 0; j < end && input_at(r, len, j) == ' '; j++, n++)
			;
		if (j >= end || input_at(r, len, j) == '\n' || input_at(r, len, j) == '\r')
			continue;	/* a blank line, or the end */
		if (n > block_col)
			continue;
		if (input_at(r, len, j) == '\t') {
			diag_at(r, j, "a tab cannot indent YAML, not even inside quotes or "
			    "brackets: indent with spaces");
			return -1;
		}
		if (input_at(r, len, start) == '"' || input_at(r, len, start) == '\'') {
			/* a quote left open, most likely, which the next quote in the file closed */
			int line, col;
			char *msg;

			text_linecol(r->whole, r->whole_len, r->offset + j, &line, &col);
			msg = xasprintf("this quote is not closed on its line, so line %d and those "
			    "up to the next %c belong to the value: close it, or indent the lines "
			    "that continue it", line, input_at(r, len, start));
			diag_at(r, start, msg);
			free(msg);
			return -1;
		}
		diag_at(r, j, "this line continues the value above it: indent it more than "
		    "the key or '-' the value belongs to");
		return -1;
	}
	return 0;
}

/*
 * Every '#' outside the scalars (ranges, bytes of the input, in order)
 * starts a comment, and a comment needs white space before it: libyaml
 * 0.2.5 takes '"x"# c', '[a]# c' and 'a,# c' all the same.
 */
static int
check_comments(const struct reader *r, size_t len, const size_t *ranges, size_t nranges)
{
	size_t i, k = 0;
	char prev;

	for (i = 0; i < len; i++) {
		while (k < nranges && ranges[2 * k + 1] <= i)
			k++;
		if (k < nranges && ranges[2 * k] <= i)
			continue;	/* inside a scalar */
		if (input_at(r, len, i) != '#')
			continue;
		prev = i > 0 ? input_at(r, len, i - 1) : '\n';
		if (prev != ' ' && prev != '\t' && prev != '\n' && prev != '\r') {
			diag_at(r, i, "a comment needs a space before its '#'");
			return -1;
		}
		while (i < len && input_at(r, len, i) != '\n')
			i++;	/* the rest of the line is the comment */
	}
	return 0;
}

/*
 * What libyaml 0.2.5 accepts and YAML does not, caught at a scalar event:
 * a comment glued to a quoted scalar ('"x"# c'), a block scalar header
 * glued to a comment ('># c'), a tab that starts a continuation line of a
 * quoted scalar inside a block collection (as if it indented), and
 * leading blank lines of a block scalar with more spaces than the line
 * after them. Returns -1 after one diagnostic.
 */
static int
check_scalar(const struct reader *r, size_t len, const yaml_event_t *e, size_t start,
    size_t end, int block_col)
{
	size_t i, j;
	yaml_scalar_style_t style = e->data.scalar.style;

	if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
		if (input_at(r, len, end) == '#') {
			diag_at(r, end, "a comment needs a space before its '#'");
			return -1;
		}
		return check_continuation(r, len, start, end, block_col);
	}
	if (style != YAML_LITERAL_SCALAR_STYLE && style != YAML_FOLDED_SCALAR_STYLE)
		return 0;
	/* the header: the indicator, then indentation and chomping indicators */
	for (i = start + 1; i < len && strchr("+-0123456789", input_at(r, len, i)) != NULL &&
	    input_at(r, len, i) != '\0'; i++)
		;
	if (input_at(r, len, i) == '#') {
		diag_at(r, i, "a comment needs a space before its '#'");
		return -1;
	}
	if (i > start + 1 && strchr("123456789", input_at(r, len, start + 1)) != NULL)
		return 0;	/* the indentation is given: no leading line can be wrong */
	/* leading lines of spaces only, and the first line with something else */
	while (i < len && input_at(r, len, i) != '\n')
		i++;
	{
		size_t most = 0, most_at = 0, n;

		for (j = i + 1; j < len; j = i + 1) {
			for (n = 0, i = j; input_at(r, len, i) == ' '; i++, n++)
				;
			if (input_at(r, len, i) == '\r')
				i++;
			if (i < len && input_at(r, len, i) != '\n') {
				if (most > n) {
					diag_at(r, most_at, "an empty line at the start of a block "
					    "scalar is indented more than the text after it: remove "
					    "its spaces");
					return -1;
				}
				break;
			}
			if (n > most) {
				most = n;
				most_at = j;
			}
			if (i >= len)
				break;
		}
	}
	return 0;
}

/* A comment glued to a directive ('%YAML 1.2#c'), which libyaml 0.2.5 accepts. */
static int
check_directives(const struct reader *r, size_t len, size_t start, size_t end)
{
	size_t i;
	bool directive = false;

	for (i = start; i < end && i < len; i++) {
		char ch = input_at(r, len, i);

		if (i == start || input_at(r, len, i - 1) == '\n')
			directive = ch == '%';
		if (ch == '#' && directive) {
			char prev = input_at(r, len, i - 1);

			if (prev != ' ' && prev != '\t') {
				diag_at(r, i, "a comment needs a space before its '#'");
				return -1;
			}
			directive = false;	/* the rest of the line is the comment */
		}
	}
	return 0;
}

/* The start column of the innermost open block collection of the depth open, or -1. */
static int
block_column(const bool *flow, const int *start_col, size_t depth)
{
	while (depth > 0)
		if (!flow[--depth])
			return start_col[depth];
	return -1;
}

/* A plain '-' on its own ('[-]', '- [-, -]'): libyaml 0.2.5 takes it for a value. */
static int
check_lone_dash(const struct reader *r, const yaml_event_t *e)
{
	if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && e->data.scalar.length >= 1 &&
	    e->data.scalar.value[0] == '-' && (e->data.scalar.length == 1 ||
	    e->data.scalar.value[1] == ' ')) {
		diag(DIAG_ERROR, r->file, r->base_line + (int)e->start_mark.line,
		    (int)e->start_mark.column + 1,
		    "YAML syntax: a '-' here is neither a list item nor a value: quote it");
		return -1;
	}
	return 0;
}

int
ytree_parse(const char *file, const char *whole, size_t whole_len, bool printable,
    size_t offset, size_t len, struct ynode **out)
{
	int line, col;

	text_linecol(whole, whole_len, offset, &line, &col);
	if (ytree_parse_fast(whole, printable, offset, len, line, out) == 1)
		return 0;
	return ytree_parse_libyaml(file, whole, whole_len, offset, len, out);
}

/* The whole of YAML through libyaml's event API, with every diagnostic. */
int
ytree_parse_libyaml(const char *file, const char *whole, size_t whole_len, size_t offset,
    size_t len, struct ynode **out)
{
	struct reader r = { file, whole, whole_len, offset, 1, 0, 0, false };
	size_t sb, eb;
	struct ynode *stack[YTREE_MAX_DEPTH + 1], *root = NULL, *n;
	bool expect_key[YTREE_MAX_DEPTH + 1];
	/* per open collection: flow or block, where it starts (byte, column) */
	bool flow[YTREE_MAX_DEPTH + 1];
	size_t start_at[YTREE_MAX_DEPTH + 1], *ranges = NULL, nranges = 0, rcap = 0;
	int start_col[YTREE_MAX_DEPTH + 1];
	size_t depth = 0;
	yaml_parser_t parser;
	yaml_event_t e;
	int docs = 0, rc = -1, line, col;
	bool done = false;

	text_linecol(whole, whole_len, offset, &r.base_line, &col);
	*out = NULL;
	if (refuse_yaml_breaks(&r, len) < 0)
		return -1;
	yaml_parser_initialize(&parser);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, (const unsigned char *)whole + offset, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &e)) {
			report_parser_error(&r, &parser);
			goto out;
		}
		line = r.base_line + (int)e.start_mark.line;
		col = (int)e.start_mark.column + 1;
		sb = mark_byte(&r, len, e.start_mark.index);
		eb = mark_byte(&r, len, e.end_mark.index);
		n = NULL;
		switch (e.type) {
		case YAML_STREAM_END_EVENT:
			if (check_comments(&r, len, ranges, nranges) < 0)
				goto event_fail;
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (check_directives(&r, len, sb, eb) < 0)
				goto event_fail;
			if (++docs > 1) {
				if (e.data.document_start.implicit) {
					diag(DIAG_ERROR, file, line, col,
					    "more than one YAML document: keep one");
					goto event_fail;
				}
				/* the '---' ends the event, after any directives before it */
				diag(DIAG_ERROR, file, r.base_line + (int)e.end_mark.line,
				    (int)e.end_mark.column - 2,
				    "more than one YAML document: keep one, and remove this '---'");
				goto event_fail;
			}
			break;
		case YAML_ALIAS_EVENT:
			diag(DIAG_ERROR, file, line, col,
			    "YAML aliases ('*%s') are not allowed: write the value out",
			    (const char *)e.data.alias.anchor);
			goto event_fail;
		case YAML_SCALAR_EVENT:
			if (refuse_decorations(&r, &e, e.data.scalar.anchor, e.data.scalar.tag) < 0 ||
			    check_scalar(&r, len, &e, sb, eb, block_column(flow, start_col, depth)) < 0 ||
			    check_lone_dash(&r, &e) < 0)
				goto event_fail;
			if (nranges == rcap) {
				rcap = rcap ? 2 * rcap : 64;
				ranges = xreallocarray(ranges, rcap, 2 * sizeof(*ranges));
			}
			ranges[2 * nranges] = sb;
			ranges[2 * nranges++ + 1] = eb;
			n = node_new(YNODE_SCALAR, &r, e.start_mark);
			n->len = e.data.scalar.length;
			n->value = xstrndup((const char *)e.data.scalar.value, n->len);
			n->plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			if (attach(&r, stack, depth, n, expect_key) < 0)
				goto node_fail;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (e.type == YAML_SEQUENCE_START_EVENT ?
			    refuse_decorations(&r, &e, e.data.sequence_start.anchor,
			    e.data.sequence_start.tag) < 0 :
			    refuse_decorations(&r, &e, e.data.mapping_start.anchor,
			    e.data.mapping_start.tag) < 0)
				goto event_fail;
			if (depth == YTREE_MAX_DEPTH) {
				diag(DIAG_ERROR, file, line, col,
				    "nesting deeper than %d levels: this format never needs it",
				    YTREE_MAX_DEPTH);
				goto event_fail;
			}
			n = node_new(e.type == YAML_SEQUENCE_START_EVENT ?
			    YNODE_SEQUENCE : YNODE_MAPPING, &r, e.start_mark);
			if (depth > 0 && stack[depth - 1]->kind == YNODE_MAPPING &&
			    expect_key[depth - 1]) {
				diag(DIAG_ERROR, file, line, col,
				    "a key must be plain text, not a list or a mapping: write it as a word");
				goto node_fail;
			}
			stack[depth] = n;
			expect_key[depth] = true;
			flow[depth] = e.type == YAML_SEQUENCE_START_EVENT ?
			    e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE :
			    e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
			start_at[depth] = sb;
			start_col[depth] = (int)e.start_mark.column;
			depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (flow[depth - 1] && check_continuation(&r, len, start_at[depth - 1],
			    eb, block_column(flow, start_col, depth - 1)) < 0)
				goto event_fail;
			n = stack[--depth];
			if (n->kind == YNODE_MAPPING && check_duplicates(&r, n) < 0)
				goto node_fail;
			if (depth == 0) {
				root = n;
			} else if (attach(&r, stack, depth, n, expect_key) < 0) {
				goto node_fail;
			}
			break;
		default:
			break;
		}
		if (e.type == YAML_SCALAR_EVENT && depth == 0)
			root = n;
		yaml_event_delete(&e);
		continue;
node_fail:
		/* n is not attached: free it, then the open collections */
		node_free(n);
event_fail:
		yaml_event_delete(&e);
		goto out;
	}
	*out = root;
	root = NULL;
	rc = 0;
out:
	/* every open collection owns what was attached below it */
	while (depth > 0)
		node_free(stack[--depth]);
	yaml_parser_delete(&parser);
	free(ranges);
	if (rc < 0 && root != NULL)
		node_free(root);
	return rc;
}

/* The recursion is as deep as the trees: at most YTREE_MAX_DEPTH. */
bool
ytree_equal(const struct ynode *a, const struct ynode *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind || a->line != b->line || a->col != b->col || a->n != b->n ||
	    a->nitems != b->nitems)
		return false;
	if (a->kind == YNODE_SCALAR && (a->len != b->len || a->plain != b->plain ||
	    memcmp(a->value, b->value, a->len) != 0))
		return false;
	for (i = 0; i < a->nitems; i++)
		if (!ytree_equal(a->items[i], b->items[i]))
			return false;
	return true;
}

struct ynode *
ytree_get(const struct ynode *m, const char *key)
{
	size_t i;

	if (m == NULL || m->kind != YNODE_MAPPING)
		return NULL;
	for (i = 0; i < m->n; i++) {
		const char *k = m->items[2 * i]->value;

		/* the first letter before the call: most keys differ there */
		if (k[0] == key[0] && strcmp(k, key) == 0)
			return m->items[2 * i + 1];
	}
	return NULL;
}

bool
ytree_is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain &&
	    (n->len == 0 || strcmp(n->value, "null") == 0 || strcmp(n->value, "~") == 0 ||
	    strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0);
}

/* SPDX-License-Identifier: MIT */
/*
 * yfast.c: a reader for the plain shape our files nearly always have —
 * block mappings and sequences of "key: value" lines, plain or simply
 * double-quoted values, flow lists of words, folded and literal block
 * scalars of even lines — that builds the same tree as the libyaml reader
 * in ytree.c at a fraction of its cost. It decides nothing on its own:
 * anything outside that shape (a tab, a comment after a value, a block
 * scalar with a more indented line, an escape, a duplicate key, a
 * character libyaml counts as a line break, ...) is declined without a
 * word, and ytree_parse
 * hands the whole input to libyaml, which stays the authority on YAML and
 * on every diagnostic. The differential fuzzer (tests/fuzz/fuzz_yaml.c)
 * runs both on every input and fails on any difference.
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"
#include "ytree.h"

struct fast {
	const char	*s;
	size_t		 pos;	/* start of the current line */
	size_t		 end;
	int		 line;	/* line of the file at pos */
	int		 depth;	/* collections open */
	/* the current significant line, after next_line() */
	int		 indent;
	size_t		 content, eol;
	struct arena	*arena;	/* every node and string of the tree */
	bool		 printable;	/* the input is text_plain_run's and line breaks only */
};

/* 1: parsed; 0: declined. */
#define DECLINE 0

static struct ynode *
node(struct fast *f, enum ynode_kind kind, int line, int col)
{
	struct ynode *n = arena_alloc(f->arena, sizeof(*n));

	n->kind = kind;
	n->line = line;
	n->col = col;
	n->printable = f->printable;	/* a value is made of the input's characters, blanks and breaks */
	return n;
}

/* The old array stays in the arena: at most as much again as the last one. */
static void
append(struct fast *f, struct ynode *parent, struct ynode *child)
{
	if (parent->nitems == parent->cap) {
		struct ynode **items;

		parent->cap = parent->cap == 0 ? 4 : 2 * parent->cap;
		items = arena_alloc(f->arena, parent->cap * sizeof(*items));
		if (parent->nitems > 0)
			memcpy(items, parent->items, parent->nitems * sizeof(*items));
		parent->items = items;
	}
	parent->items[parent->nitems++] = child;
}

/*
 * Only printable text and newlines: no tab, CR or other control, and none
 * of the characters libyaml treats apart (U+0085, U+2028 and U+2029 break
 * lines there; the C1 controls, the BOM and the non-characters it refuses).
 * *printable: whether s is printable text throughout (text_printable_len),
 * which no check of a value refuses.
 */
static bool
plain_bytes(const char *s, size_t n, bool *printable)
{
	size_t i = text_printable_len(s, n), chars;
	int32_t cp;

	*printable = i == n;
	while (i < n) {
		unsigned char c;

		/* printable ASCII and the letters of two bytes, most of any text */
		if ((i += text_plain_run(s + i, n - i, &chars)) == n)
			break;
		if ((c = (unsigned char)s[i]) < 0x80) {
			if (c != '\n')
				return false;
			i++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x2028 ||
		    cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
			return false;
	}
	return true;
}

/*
 * Move to the next line that is neither blank nor a comment, counting
 * lines. false at the end of the input. Document markers and directives
 * are left to libyaml (*declined).
 */
static bool
next_line(struct fast *f, bool *declined)
{
	while (f->pos < f->end) {
		const char *nl = memchr(f->s + f->pos, '\n', f->end - f->pos);
		size_t eol = nl != NULL ? (size_t)(nl - f->s) : f->end, c = f->pos;

		while (c < eol && f->s[c] == ' ')
			c++;
		if (c < eol && f->s[c] != '#') {
			if (c == f->pos && (f->s[c] == '%' || (eol - c >= 3 &&
			    (memcmp(f->s + c, "---", 3) == 0 || memcmp(f->s + c, "...", 3) == 0)))) {
				*declined = true;
				return false;
			}
			f->indent = (int)(c - f->pos);
			f->content = c;
			f->eol = eol;
			return true;
		}
		f->pos = eol + (eol < f->end);
		f->line++;
	}
	return false;
}

/* Past the current line. */
static void
line_done(struct fast *f)
{
	f->pos = f->eol + (f->eol < f->end);
	f->line++;
}

static bool
key_char(char c)
{
	return ascii_isalpha((unsigned char)c) || ascii_isdigit((unsigned char)c) || c == '_' ||
	    c == '-';
}

/* The length of a key at p ("word:" then a space or the end of the line), or 0. */
static size_t
key_at(const struct fast *f, size_t p)
{
	size_t k = p;

	/* a word: a leading '-' is an indicator that libyaml reads its own way */
	if (k >= f->eol || f->s[k] == '-')
		return 0;
	while (k < f->eol && key_char(f->s[k]))
		k++;
	if (k == p || k >= f->eol || f->s[k] != ':' || k - p > 1000)
		return 0;
	if (k + 1 < f->eol && f->s[k + 1] != ' ')
		return 0;
	return k - p;
}

static bool
item_at(const struct fast *f, size_t p)
{
	return p + 1 < f->eol && f->s[p] == '-' && f->s[p + 1] == ' ';
}

static int col_of(const struct fast *f, size_t p) { return (int)(p - f->pos) + 1; }

/* A double-quoted value ending the line; only \" and \\ as escapes. */
static struct ynode *
quoted(struct fast *f, size_t p)
{
	struct ynode *n;
	size_t i, len = 0;
	char *v;

	for (i = p + 1; i < f->eol && f->s[i] != '"'; i++, len++) {
		if (f->s[i] == '\\') {
			if (i + 1 >= f->eol || (f->s[i + 1] != '"' && f->s[i + 1] != '\\'))
				return NULL;
			i++;
		}
	}
	if (i + 1 != f->eol || f->s[i] != '"')
		return NULL;
	n = node(f, YNODE_SCALAR, f->line, col_of(f, p));
	n->len = len;
	n->value = v = arena_alloc(f->arena, len + 1);
	for (i = p + 1; i < f->eol - 1; i++)
		*v++ = f->s[i] == '\\' ? f->s[++i] : f->s[i];
	return n;
}

/*
 * A flow list of words ending the line: "[1, 2, 3]" or "[]". NULL
 * declines; what was built stays in the arena and goes with it.
 */
static struct ynode *
flow_words(struct fast *f, size_t p)
{
	struct ynode *seq = node(f, YNODE_SEQUENCE, f->line, col_of(f, p)), *it;
	size_t i = p + 1, w;

	if (f->depth + 1 >= YTREE_MAX_DEPTH)
		return NULL;
	while (i < f->eol && f->s[i] != ']') {
		if (seq->nitems > 0) {
			if (f->eol - i < 2 || f->s[i] != ',' || f->s[i + 1] != ' ')
				return NULL;
			i += 2;
		}
		for (w = i; w < f->eol && (ascii_isalpha((unsigned char)f->s[w]) ||
		    ascii_isdigit((unsigned char)f->s[w])); w++)
			;
		if (w == i)
			return NULL;
		it = node(f, YNODE_SCALAR, f->line, col_of(f, i));
		it->value = arena_strndup(f->arena, f->s + i, w - i);
		it->len = w - i;
		it->plain = true;
		append(f, seq, it);
		seq->n++;
		i = w;
	}
	if (i + 1 != f->eol)
		return NULL;
	return seq;
}

/*
 * A plain value ending the line, in the narrowest form libyaml reads the
 * same way in every context: no indicator first, no ": " or " #" inside,
 * no bracket, no space at the end.
 */
static struct ynode *
plain(struct fast *f, size_t p)
{
	static const char indicators[] = "-?:,[]{}#&*!|>'\"%@`<";
	struct ynode *n;
	size_t i;

	if (p >= f->eol || strchr(indicators, f->s[p]) != NULL || f->s[f->eol - 1] == ' ' ||
	    f->s[f->eol - 1] == ':')
		return NULL;
	for (i = p; i < f->eol; i++) {
		char c = f->s[i];
		if (c == '[' || c == ']' || c == '{' || c == '}' || (i + 1 < f->eol &&
		    ((c == ':' && f->s[i + 1] == ' ') || (c == ' ' && f->s[i + 1] == '#'))))
			return NULL;
	}
	n = node(f, YNODE_SCALAR, f->line, col_of(f, p));
	n->value = arena_strndup(f->arena, f->s + p, f->eol - p);
	n->len = f->eol - p;
	n->plain = true;
	return n;
}

/* A value that ends the current line, which is then done. */
static struct ynode *
line_value(struct fast *f, size_t p)
{
	struct ynode *n;

	if (p >= f->eol)
		return NULL;
	if (f->s[p] == '"')
		n = quoted(f, p);
	else if (f->s[p] == '[')
		n = flow_words(f, p);
	else
		n = plain(f, p);
	if (n != NULL)
		line_done(f);
	return n;
}

/*
 * A block scalar, "key: >-" and the lines below it, of a mapping whose
 * keys stand at column c; p is at the indicator. Only the even shape:
 * '>' or '|' with '-' (strip) or nothing (clip) after it, no indentation
 * indicator or comment; every line of text indented the same, further
 * than the key, without a blank at its end; lines between paragraphs
 * empty, not blank. Folded, a line break between two lines of text is a
 * space and n empty lines are n line breaks; literal, every line break
 * stays. The scalar ends before the first line indented less, which the
 * mapping then reads.
 */
static struct ynode *
block_scalar(struct fast *f, size_t p, int c)
{
	bool folded = f->s[p] == '>', strip = p + 1 < f->eol && f->s[p + 1] == '-';
	size_t pos, eol, nl_end, text_end = 0, empty = 0, len = 0, lines = 0;
	int indent = -1, line = f->line + 1, last_line = f->line;
	struct ynode *n;
	char *v;

	if (p + 1 + strip != f->eol)
		return NULL;
	/* first pass: where the scalar ends, and its length */
	for (pos = f->eol + 1; pos < f->end; pos = nl_end, line++) {
		const char *nl = memchr(f->s + pos, '\n', f->end - pos);
		int ind = 0;

		eol = nl != NULL ? (size_t)(nl - f->s) : f->end;
		nl_end = eol + (eol < f->end);
		while (pos + (size_t)ind < eol && f->s[pos + ind] == ' ')
			ind++;
		if (pos + (size_t)ind == eol) {
			if (ind > 0 || lines == 0)
				return NULL;	/* a blank line, or empty lines first */
			empty++;
			continue;
		}
		if (indent < 0) {
			if (ind <= c)
				return NULL;	/* no text: libyaml decides */
			indent = ind;
		}
		if (ind < indent)
			break;
		if (ind > indent || f->s[eol - 1] == ' ' || nl == NULL)
			return NULL;
		if (lines > 0)	/* the line breaks before this line, as below */
			len += folded && empty == 0 ? 1 : empty + !folded;
		len += eol - pos - (size_t)ind;
		empty = 0;
		lines++;
		text_end = nl_end;
		last_line = line;
	}
	if (lines == 0)
		return NULL;
	n = node(f, YNODE_SCALAR, f->line, col_of(f, p));
	n->len = len + !strip;
	n->value = v = arena_alloc(f->arena, n->len + 1);
	/* second pass: the text */
	empty = 0;
	lines = 0;
	for (pos = f->eol + 1; pos < text_end; pos = nl_end) {
		eol = (size_t)((const char *)memchr(f->s + pos, '\n', text_end - pos) - f->s);
		nl_end = eol + 1;
		if (pos == eol) {
			empty++;
			continue;
		}
		if (lines++ > 0) {
			if (folded && empty == 0)
				*v++ = ' ';
			else
				for (empty += !folded; empty > 0; empty--)
					*v++ = '\n';
		}
		memcpy(v, f->s + pos + indent, eol - pos - (size_t)indent);
		v += eol - pos - (size_t)indent;
	}
	if (!strip)
		*v = '\n';
	f->pos = text_end;
	f->line = last_line + 1;
	return n;
}

static int block(struct fast *f, int indent, struct ynode **out, bool *declined);
static int sequence(struct fast *f, int indent, struct ynode **out, bool *declined);

/*
 * One "key: value" of mapping m, the key at p of the current line (column
 * c, 0-based). A value on the lines below is a block indented further, or
 * a sequence at the key's own indentation.
 */
static int
entry(struct fast *f, struct ynode *m, size_t p, int c, bool *declined)
{
	size_t klen = key_at(f, p), i, v;
	struct ynode *key, *val = NULL;

	if (klen == 0)
		return DECLINE;
	for (i = 0; i < m->n; i++)	/* duplicates: libyaml's reader reports them */
		if (m->items[2 * i]->len == klen &&
		    memcmp(m->items[2 * i]->value, f->s + p, klen) == 0)
			return DECLINE;
	key = node(f, YNODE_SCALAR, f->line, c + 1);
	key->value = arena_strndup(f->arena, f->s + p, klen);
	key->len = klen;
	key->plain = true;
	append(f, m, key);
	v = p + klen + 1;
	if (v < f->eol) {
		while (v < f->eol && f->s[v] == ' ')
			v++;
		if (f->s[v] == '>' || f->s[v] == '|')
			val = block_scalar(f, v, c);
		else
			val = line_value(f, v);
		if (val == NULL)
			return DECLINE;
	} else {
		line_done(f);
		if (!next_line(f, declined))
			return DECLINE;	/* an empty value: libyaml decides where it stands */
		if (f->indent > c) {
			if (block(f, f->indent, &val, declined) == DECLINE)
				return DECLINE;
		} else if (f->indent == c && item_at(f, f->content)) {
			if (sequence(f, c, &val, declined) == DECLINE)
				return DECLINE;
		} else {
			return DECLINE;
		}
	}
	append(f, m, val);
	m->n++;
	return 1;
}

/* The entries of a mapping whose keys stand at column c, the first at p. */
static int
mapping(struct fast *f, size_t p, int c, struct ynode **out, bool *declined)
{
	struct ynode *m;

	if (++f->depth >= YTREE_MAX_DEPTH)
		return DECLINE;
	m = *out = node(f, YNODE_MAPPING, f->line, c + 1);
	for (;;) {
		if (entry(f, m, p, c, declined) == DECLINE)
			return DECLINE;
		if (!next_line(f, declined))
			break;
		if (f->indent < c)
			break;
		if (f->indent > c || item_at(f, f->content))
			return DECLINE;
		p = f->content;
	}
	f->depth--;
	return 1;
}

/* The items of a block sequence whose dashes stand at column indent. */
static int
sequence(struct fast *f, int indent, struct ynode **out, bool *declined)
{
	struct ynode *s, *it = NULL;
	size_t p;
	bool more;

	if (++f->depth >= YTREE_MAX_DEPTH)
		return DECLINE;
	s = *out = node(f, YNODE_SEQUENCE, f->line, indent + 1);
	for (;;) {
		p = f->content + 2;
		while (p < f->eol && f->s[p] == ' ')
			p++;
		if (key_at(f, p) > 0) {
			if (mapping(f, p, col_of(f, p) - 1, &it, declined) == DECLINE)
				return DECLINE;
		} else if (item_at(f, p) || (it = line_value(f, p)) == NULL) {
			return DECLINE;
		}
		append(f, s, it);
		s->n++;
		it = NULL;
		more = next_line(f, declined);
		if (!more || f->indent < indent || (f->indent == indent && !item_at(f, f->content)))
			break;
		if (f->indent > indent)
			return DECLINE;
	}
	f->depth--;
	return 1;
}

static int
block(struct fast *f, int indent, struct ynode **out, bool *declined)
{
	if (item_at(f, f->content))
		return sequence(f, indent, out, declined);
	return mapping(f, f->content, indent, out, declined);
}

int
ytree_parse_fast(const char *whole, bool printable, size_t offset, size_t len, int base_line,
    struct ynode **out)
{
	struct fast f = { whole, offset, offset + len, base_line, 0, 0, 0, 0, NULL, printable };
	struct ynode *root = NULL;
	bool declined = false;

	*out = NULL;
	if ((!printable && !plain_bytes(whole + offset, len, &f.printable)) ||
	    !next_line(&f, &declined))
		return DECLINE;
	f.arena = arena_new(3 * len + 512);	/* a front matter's tree fits in one block */
	if (block(&f, f.indent, &root, &declined) == DECLINE || declined ||
	    next_line(&f, &declined) || declined) {
		arena_free(f.arena);
		return DECLINE;
	}
	root->arena = f.arena;
	*out = root;
	return 1;
}

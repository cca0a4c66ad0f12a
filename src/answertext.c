/* SPDX-License-Identifier: MIT */
/*
 * answertext.c: one answer-text file, YAML front matter between two '---'
 * lines, then CommonMark. Only the front matter is parsed; the body is
 * kept as bytes of the file buffer until something shows it.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "content.h"
#include "diag.h"
#include "schema.h"
#include "text.h"

static const char *const text_keys[] = {
	"title", "question_id", "choice_id", "step", "reviewed", NULL
};

/* Length of a fence line "---" (or "..." when closing) at s, with its end of line; 0 if none. */
static size_t
fence_at(const char *s, size_t n, bool closing)
{
	size_t i = 3;

	if (n < 3 || !(memcmp(s, "---", 3) == 0 || (closing && memcmp(s, "...", 3) == 0)))
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n)
		return i;
	if (s[i] == '\n')
		return i + 1;
	if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
		return i + 2;
	return 0;
}

/* Offset of the first byte after the next '\n' at or after i, or n. */
static size_t
next_line(const char *s, size_t n, size_t i)
{
	const char *nl = memchr(s + i, '\n', n - i);

	return nl == NULL ? n : (size_t)(nl - s) + 1;
}

static void
at_offset(const char *path, const char *buf, size_t len, size_t off, const char *msg)
{
	int line, col;

	text_linecol(buf, len, off, &line, &col);
	diag(DIAG_ERROR, path, line, col, "%s", msg);
}

/*
 * The name of the encoding a file is in when it is UTF-16 or UTF-32 (by
 * its byte order mark, or by a NUL in one of its first two bytes), or NULL.
 */
static const char *
wide_encoding(const char *buf, size_t len)
{
	const unsigned char *b = (const unsigned char *)buf;

	if (len >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
	    (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)))
		return "UTF-32";
	if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) ||
	    ((b[0] == 0) != (b[1] == 0))))
		return "UTF-16";
	return NULL;
}

/*
 * Encoding checks common to every content file: UTF-8 only (a UTF-8 byte
 * order mark at the start is fine), no NUL, no lone CR line ending, no
 * byte order mark after the start (two files joined, or an editor's slip:
 * invisible, and it breaks the YAML).
 */
int
content_check_bytes(const char *path, const char *buf, size_t len, bool *printable)
{
	const char *p, *enc;
	size_t bad, plain = text_printable_len(buf, len);

	if (printable != NULL)
		*printable = plain == len;
	if (plain == len)
		return 0;	/* no byte that any check below refuses */
	if ((enc = wide_encoding(buf, len)) != NULL) {
		diag(DIAG_ERROR, path, 1, 1, "the file is %s: save it as UTF-8", enc);
		return -1;
	}
	if (!utf8_valid(buf + plain, len - plain, &bad)) {	/* the printable start is */
		int line, col;

		bad += plain;
		text_linecol(buf, len, bad, &line, &col);
		diag(DIAG_ERROR, path, line, col,
		    "invalid UTF-8 (byte 0x%02X): save the file as UTF-8",
		    (unsigned char)buf[bad]);
		return -1;
	}
	if ((p = memchr(buf, '\0', len)) != NULL) {
		at_offset(path, buf, len, (size_t)(p - buf),
		    "NUL byte: the file is not text, or is damaged; remove the byte, "
		    "or save the file again as UTF-8 text");
		return -1;
	}
	for (p = buf; (p = memchr(p, '\r', len - (size_t)(p - buf))) != NULL; p++) {
		if ((size_t)(p - buf) + 1 >= len || p[1] != '\n') {
			at_offset(path, buf, len, (size_t)(p - buf),
			    "a line ends in a lone carriage return: save the file with LF or CRLF line endings");
			return -1;
		}
	}
	for (p = buf + 1; len > 1 && (p = memchr(p, 0xEF, len - (size_t)(p - buf))) != NULL; p++) {
		if (len - (size_t)(p - buf) >= 3 && memcmp(p, UTF8_BOM, 3) == 0) {
			at_offset(path, buf, len, (size_t)(p - buf),
			    "a byte order mark (U+FEFF) after the start of the file: remove it");
			return -1;
		}
	}
	return 0;
}

/* Blanks only (or nothing) from s to the end of its line. */
static bool
blank_line(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != '\n'; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Bytes of the line at s, without its line break. */
static size_t
line_len(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	size_t k = nl == NULL ? n : (size_t)(nl - s);

	return k > 0 && s[k - 1] == '\r' ? k - 1 : k;
}

/* Whether the k bytes at s are one of the front matter's keys. */
static bool
text_key(const char *s, size_t k)
{
	size_t i;

	for (i = 0; text_keys[i] != NULL; i++)
		if (strlen(text_keys[i]) == k && memcmp(text_keys[i], s, k) == 0)
			return true;
	return false;
}

/* What a line of the front matter looks like, for run_on_at. */
enum fm_line {
	FM_BLANK,	/* blank, or nothing */
	FM_KEY,		/* one of text_keys, then ':' */
	FM_INDENTED,	/* a value's next line, or a block scalar's */
	FM_PROSE,	/* a line of the text: no key */
	FM_PROSE_KEY,	/* a sentence of the text with ': ', a key to YAML */
	FM_OTHER	/* YAML, or a key that is wrong (misspelt, its ':' missing) */
};

/*
 * What the line at s is. A line at the margin is prose when it is not of
 * the form "key:" and has three words or more, or follows a blank line
 * (a key with its ':' missing has one or two); or when it is of that form
 * but its "key" has three words or more, or two with a letter outside
 * ASCII, as the part of a sentence before a ':' has and a key, even a
 * misspelt one ("question id"), has not. A line that starts with one of
 * text_keys is never prose.
 */
static enum fm_line
fm_line_kind(const char *s, size_t n, bool after_blank)
{
	size_t k = line_len(s, n), i, key = 0, blanks = 0;
	bool form = false, ascii = true;	/* "key:"; its key all ASCII */

	if (blank_line(s, n))
		return FM_BLANK;
	if (s[0] == ' ' || s[0] == '\t')
		return FM_INDENTED;
	if (strchr("#-\"'[{?:&*!|>%@`", s[0]) != NULL)
		return FM_OTHER;
	for (i = 0; i < k && !form; i++) {
		if ((unsigned char)s[i] >= 0x80)
			ascii = false;
		if (i == 0)
			continue;
		if (s[i] == ':' && (i + 1 == k || s[i + 1] == ' ' || s[i + 1] == '\t')) {
			form = true;
			key = i;
		} else if ((s[i] == ' ' || s[i] == '\t') && s[i - 1] != ' ' && s[i - 1] != '\t') {
			if (blanks == 0 && text_key(s, i))
				return FM_OTHER;
			blanks++;
		}
	}
	if (form && text_key(s, key))
		return FM_KEY;
	if (form)
		return blanks >= 2 || (blanks == 1 && !ascii) ? FM_PROSE_KEY : FM_OTHER;
	return blanks >= 2 || after_blank ? FM_PROSE : FM_OTHER;
}

/*
 * Where front matter from fm to fm_end seems to run on into the text: a
 * line of prose (see fm_line_kind) after the known keys, and none of them
 * after it. Prose that YAML takes for keys counts only with a blank line
 * after it: a '---' after a paragraph has one (else it underlines a
 * heading), and a long key just before the front matter's end is a wrong
 * key, warned about as such. The offset of the line after the last known
 * key and its value's lines (where a '---' would close the front matter),
 * or 0; in *prose_at, the offset of the first line of prose.
 */
static size_t
run_on_at(const char *buf, size_t fm, size_t fm_end, size_t *prose_at)
{
	size_t i, after = fm, prose = 0;
	bool in_key = false, blank = false, sure = false;
	enum fm_line kind;

	for (i = fm; i < fm_end; i = next_line(buf, fm_end, i)) {
		kind = fm_line_kind(buf + i, fm_end - i, blank);
		blank = kind == FM_BLANK;
		if (kind == FM_KEY) {
			if (prose != 0)
				return 0;	/* a key after the prose: wrong, not run on */
			in_key = true;
		} else if ((kind == FM_PROSE || kind == FM_PROSE_KEY) && prose == 0)
			prose = i;
		if (kind == FM_PROSE || (kind == FM_BLANK && prose != 0))
			sure = true;
		if (kind != FM_BLANK && kind != FM_KEY && kind != FM_INDENTED)
			in_key = false;
		if (prose == 0 && in_key && kind != FM_BLANK)
			after = next_line(buf, fm_end, i);
	}
	*prose_at = prose;
	return sure && after > fm ? after : 0;
}

/*
 * The front matter's tree, as ytree_parse gives it. Front matter whose
 * closing '---' is missing runs on to the next '---' of the text (a
 * thematic break), and YAML then fails somewhere in the text, or takes a
 * sentence with a ': ' for an unknown key and loses it from the text:
 * when the front matter has prose after its keys and the part before the
 * prose is a mapping (front matter that is wrong before it keeps its own
 * errors), that is said instead, at the line that most likely should have
 * closed it.
 */
static int
front_matter_tree(const char *path, const char *buf, size_t len, bool printable, size_t fm,
    size_t fm_end, struct ynode **root)
{
	struct diag_held part = { 0 }, *was;
	struct ynode *head = NULL;
	size_t prose, cut = run_on_at(buf, fm, fm_end, &prose);
	int line, end_line, col;
	bool run_on;

	if (cut == 0)
		return ytree_parse(path, buf, len, printable, fm, fm_end - fm, root);
	was = diag_hold(&part);
	run_on = ytree_parse(path, buf, len, printable, fm, prose - fm, &head) == 0 && head != NULL &&
	    head->kind == YNODE_MAPPING;
	diag_hold(was);
	diag_drop(&part);
	ytree_free(head);
	if (!run_on)
		return ytree_parse(path, buf, len, printable, fm, fm_end - fm, root);
	text_linecol(buf, len, cut, &line, &col);
	text_linecol(buf, len, fm_end, &end_line, &col);
	diag(DIAG_ERROR, path, line, 1, "the front matter seems to run on into the "
	    "text: add a '---' line after its last key (the '---' at line %d is "
	    "taken as its end)", end_line);
	return -1;
}

static int
parse_front_matter(struct answer_text *t, const char *path, const char *buf, size_t len,
    bool printable, size_t fm, size_t fm_end)
{
	struct schema_cursor cursor = { 1, 0 };
	struct schema_ctx c = { path, buf, len, &cursor, true };
	struct ynode *root = NULL;
	const struct ynode *v;
	int rc = -1;

	if (front_matter_tree(path, buf, len, printable, fm, fm_end, &root) < 0)
		return -1;
	if (root == NULL) {
		int line, col;
		text_linecol(buf, len, fm, &line, &col);
		diag(DIAG_ERROR, path, line, col,
		    "the front matter is empty: add title, question_id and choice_id");
		return -1;
	}
	if (schema_mapping(&c, root, "the front matter") < 0)
		goto out;
	schema_unknown_keys(&c, root, "the front matter", text_keys);
	if (schema_text(&c, root, "title", "the front matter", true, true, &t->title) < 0 ||
	    schema_id(&c, root, "question_id", "the front matter", CONTENT_MAX_ID,
	    &t->question_id) < 0 ||
	    schema_id(&c, root, "choice_id", "the front matter", CONTENT_MAX_ID,
	    &t->choice_id) < 0 ||
	    schema_text(&c, root, "step", "the front matter", false, true, &t->step) < 0 ||
	    schema_date(&c, root, "reviewed", "the front matter", false, &t->reviewed) < 0)
		goto out;
	/* where check --stale points: the date, or the front matter without one */
	v = ytree_get(root, "reviewed");
	t->reviewed_line = v != NULL ? v->line : root->line;
	t->reviewed_col = v != NULL ? v->col : root->col;
	if (t->reviewed != 0 && t->reviewed > content_today())
		diag(DIAG_WARNING, path, v->line, v->col,
		    "'reviewed' is in the future (%s): write the day the text was last reviewed",
		    v->value);
	v = ytree_get(root, "question_id");
	t->qid_line = v->line;
	t->qid_col = v->col;
	v = ytree_get(root, "choice_id");
	t->cid_line = v->line;
	t->cid_col = v->col;
	rc = 0;
out:
	ytree_free(root);
	return rc;
}

static int check_body_bounds(const struct answer_text *, const char *buf, size_t len);

int
answer_text_parse(struct answer_text *t, const char *path, char *buf, size_t len)
{
	size_t start = 0, fm, i, k, body;
	int col;
	bool printable;

	memset(t, 0, sizeof(*t));
	t->path = xstrdup(path);
	t->buf = buf;
	if (content_check_bytes(path, buf, len, &printable) < 0)
		return -1;
	if (len >= 3 && memcmp(buf, UTF8_BOM, 3) == 0)
		start = 3;
	k = fence_at(buf + start, len - start, false);
	if (k == 0) {
		diag(DIAG_ERROR, path, 1, 1,
		    "no front matter: the file must start with a '---' line, then title, "
		    "question_id and choice_id, then another '---' line");
		return -1;
	}
	fm = start + k;
	for (i = fm; i < len; i = next_line(buf, len, i))
		if ((k = fence_at(buf + i, len - i, true)) != 0)
			break;
	if (i >= len) {
		diag(DIAG_ERROR, path, 1, 1,
		    "the front matter is not closed: add a '---' line after it");
		return -1;
	}
	body = i + k;
	if (parse_front_matter(t, path, buf, len, printable, fm, i) < 0)
		return -1;
	t->body = buf + body;
	t->body_len = len - body;
	text_linecol(buf, len, body, &t->body_line, &col);
	if (t->body_len > CONTENT_MAX_BODY) {
		diag(DIAG_ERROR, path, t->body_line, 1,
		    "the text is %zu bytes, over the limit of %d (16 KiB): shorten it",
		    t->body_len, CONTENT_MAX_BODY);
		goto refused;
	}
	if (check_body_bounds(t, buf, len) < 0)
		goto refused;
	for (i = 0; i < t->body_len; i++)
		if (t->body[i] != ' ' && t->body[i] != '\t' && t->body[i] != '\n' &&
		    t->body[i] != '\r')
			break;
	if (i == t->body_len)
		diag(DIAG_WARNING, path, t->body_line, 1,
		    "the answer text has no body: write the guidance for this choice");
	return 0;
refused:	/* a body the bounds refuse is never given to cmark: no body at all */
	t->body = NULL;
	t->body_len = 0;
	return -1;
}

void
answer_text_free(struct answer_text *t)
{
	if (t == NULL)
		return;
	free(t->path);
	free(t->title);
	free(t->step);
	free(t->buf);
}

/* A line made only of three or more of one of '-', '*', '_' and blanks: a thematic break, not a list. */
static bool
thematic_break(const char *s, size_t n)
{
	size_t i, count = 0;
	char c = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (c == 0 && (s[i] == '-' || s[i] == '*' || s[i] == '_'))
			c = s[i];
		if (s[i] != c)
			return false;
		count++;
	}
	return count >= 3;
}

/*
 * The length of the block-quote or list-item marker at s (with the blank
 * after it), or 0: '>', a bullet '-', '+' or '*', or one to nine digits
 * and '.' or ')', each followed by a blank or the end of the line.
 */
static size_t
container_marker(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0)
		return 0;
	if (s[0] == '>')
		return n > 1 && (s[1] == ' ' || s[1] == '\t') ? 2 : 1;
	if (s[0] == '-' || s[0] == '+' || s[0] == '*')
		i = 1;
	else {
		while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == 0 || i == n || (s[i] != '.' && s[i] != ')'))
			return 0;
		i++;
	}
	if (i == n)
		return i;
	return s[i] == ' ' || s[i] == '\t' ? i + 1 : 0;
}

/*
 * The bounds of a body, checked without cmark: the nesting of block
 * quotes and list items on each line that has their markers (the markers,
 * and the indentation before them at two columns a level, the least a
 * list item indents), outside fenced code; the number of lines; the number of inline markup characters, in
 * whose unmatched runs cmark's inline parser is quadratic. Both cost cmark 0.30.2 time in
 * proportion to their product; see stok-assess(5) for the figures.
 */
static int
check_body_bounds(const struct answer_text *t, const char *buf, size_t len)
{
	const char *s = t->body, *end = t->body + t->body_len, *nl, *p;
	int lines = 0, markup = 0, depth, ind, line, col;
	char fence = 0;
	size_t k;

	/* strcspn, the whole body being the end of a NUL-terminated buffer */
	for (p = s; ; p++) {
		p += strcspn(p, "*_[]<!&`\\");
		if (p >= end)
			break;
		if (*p == '\0')
			continue;	/* a NUL in the text: content_check_bytes says so */
		if (++markup <= CONTENT_MAX_MARKUP)
			continue;
		text_linecol(buf, len, (size_t)(p - buf), &line, &col);
		diag(DIAG_ERROR, t->path, line, col,
		    "the text has more than %d of the characters * _ [ ] < ! & ` \\ "
		    "(Markdown's inline markup): use fewer", CONTENT_MAX_MARKUP);
		return -1;
	}

	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		if (++lines > CONTENT_MAX_LINES) {
			text_linecol(buf, len, (size_t)(s - buf), &line, &col);
			diag(DIAG_ERROR, t->path, line, col,
			    "the text has more than %d lines: join short lines into paragraphs, "
			    "or shorten it", CONTENT_MAX_LINES);
			return -1;
		}
		for (p = s, ind = 0; p < nl && (*p == ' ' || *p == '\t'); p++)
			ind = *p == '\t' ? (ind / 4 + 1) * 4 : ind + 1;
		depth = ind / 2;
		for (;;) {
			/* a fenced code block's lines are not nesting */
			if (nl - p >= 3 && (memcmp(p, "```", 3) == 0 || memcmp(p, "~~~", 3) == 0)) {
				if (fence == 0)
					fence = *p;
				else if (*p == fence)
					fence = 0;
				break;
			}
			if (fence != 0 || thematic_break(p, (size_t)(nl - p)))
				break;
			if ((k = container_marker(p, (size_t)(nl - p))) == 0)
				break;
			if (++depth > CONTENT_MAX_NESTING) {
				text_linecol(buf, len, (size_t)(p - buf), &line, &col);
				diag(DIAG_ERROR, t->path, line, col,
				    "block quotes and lists nest deeper than %d levels here: "
				    "flatten them", CONTENT_MAX_NESTING);
				return -1;
			}
			for (p += k; p < nl && (*p == ' ' || *p == '\t'); p++)
				;
		}
		if (nl == end)
			break;
	}
	return 0;
}

/* <u> and </u>: the underline the seeds' links wear ("[<u>text</u>](url)"), harmless. */
static bool
underline_tag(cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);

	return cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE && s != NULL &&
	    (strcmp(s, "<u>") == 0 || strcmp(s, "</u>") == 0 || strcmp(s, "<U>") == 0 ||
	    strcmp(s, "</U>") == 0);
}

/*
 * A link whose address holds a space ("[guide](https://example.org/a
 * guide.pdf)") is no link to CommonMark: cmark leaves it as text, shown
 * as typed, and nothing else would tell the author. Warn at the space,
 * in each text node's bytes of the body (s to end, one line).
 */
static void
lint_spaced_links(const struct answer_text *t, size_t s, size_t end)
{
	const char *b = t->body;
	size_t i, j, k, close;
	int line, col;

	for (i = s; i + 1 < end; i++) {
		if (b[i] != ']' || b[i + 1] != '(' || (i > s && b[i - 1] == '\\'))
			continue;
		for (j = i + 2; j < end && b[j] == ' '; j++)
			;
		for (k = j; k < end && b[k] != ' ' && b[k] != ')'; k++)
			;
		for (close = k; close < end && b[close] == ' '; close++)
			;
		if (k == j || close >= end || b[close] == ')' || b[close] == '"' ||
		    b[close] == '\'' || memchr(b + close, ')', end - close) == NULL)
			continue;	/* no address, none with a space, or not closed here */
		close = (size_t)((const char *)memchr(b + close, ')', end - close) - b);
		text_linecol(t->buf, (size_t)(b - t->buf) + t->body_len,
		    (size_t)(b - t->buf) + k, &line, &col);
		diag(DIAG_WARNING, t->path, line, col, "the link's address '%.*s' has a space, "
		    "so it is no link and shows as typed: write the space as %%20",
		    (int)(close - j), b + j);
		i = close;
	}
}

/*
 * Warn, with its position, on the first raw HTML in the body: its tags
 * are never shown, only its text, so the author should know. The body
 * is parsed by cmark here (check only; its bounds were checked first).
 * The underline of the original texts' links is not worth a warning.
 */
void
answer_text_lint(const struct answer_text *t, cmark_node *doc)
{
	cmark_node *node, *first = NULL;
	cmark_iter *it;
	size_t off, buf_len;
	int n = 0, line, col;

	if (t->body == NULL || doc == NULL)
		return;
	it = cmark_iter_new(doc);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (cmark_node_get_type(node) == CMARK_NODE_TEXT &&
		    cmark_node_get_start_line(node) == cmark_node_get_end_line(node) &&
		    cmark_node_get_start_column(node) > 0) {
			off = text_line_start(t->body, t->body_len, cmark_node_get_start_line(node));
			buf_len = off + (size_t)cmark_node_get_end_column(node);
			lint_spaced_links(t, off + (size_t)cmark_node_get_start_column(node) - 1,
			    buf_len < t->body_len ? buf_len : t->body_len);
		}
		if ((cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK ||
		    cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE) && !underline_tag(node) &&
		    cmark_iter_get_event_type(it) == CMARK_EVENT_ENTER && n++ == 0)
			first = node;
	}
	if (first != NULL) {
		/* cmark's line and byte column in the body, as a line and column of the file */
		off = text_line_start(t->body, t->body_len, cmark_node_get_start_line(first));
		if (cmark_node_get_start_column(first) > 0)
			off += (size_t)cmark_node_get_start_column(first) - 1;
		buf_len = (size_t)(t->body - t->buf) + t->body_len;
		text_linecol(t->buf, buf_len, (size_t)(t->body - t->buf) + off, &line, &col);
		if (n > 1)
			diag(DIAG_WARNING, t->path, line, col, "raw HTML (and %d more): its tags are "
			    "not shown, only its text; write Markdown instead", n - 1);
		else
			diag(DIAG_WARNING, t->path, line, col, "raw HTML: its tags are not shown, "
			    "only its text; write Markdown instead");
	}
	cmark_iter_free(it);
}

/* SPDX-License-Identifier: MIT */
/*
 * links.c: the links of answer texts and the links register of a pack
 * (see links.h). Used by "check" (links missing from the register, rows
 * nobody uses, stale register fields), by "links" (every link with its
 * position, for editors and make linkcheck) and by the quality suite.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmark.h>

#include "content.h"
#include "diag.h"
#include "fileio.h"
#include "links.h"
#include "text.h"

void
link_uses_init(struct link_uses *u)
{
	u->v = NULL;
	u->n = u->cap = 0;
}

/* Room for one more use at the end of u, counted in. */
static struct link_use *
link_uses_add(struct link_uses *u)
{
	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 8;
		u->v = xreallocarray(u->v, u->cap, sizeof(*u->v));
	}
	return &u->v[u->n++];
}

void
link_uses_take(struct link_uses *u, struct link_uses *from)
{
	size_t k;

	for (k = 0; k < from->n; k++)
		*link_uses_add(u) = from->v[k];
	free(from->v);
	link_uses_init(from);
}

void
link_uses_free(struct link_uses *u)
{
	size_t i;

	for (i = 0; i < u->n; i++) {
		free(u->v[i].url);
		free(u->v[i].label);
	}
	free(u->v);
	link_uses_init(u);
}

/* The plain text under node n: text and code, line breaks as spaces. */
static char *
plain_text(cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	struct buf b;

	buf_init(&b);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			buf_adds(&b, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_addc(&b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return buf_detach(&b);
}

/*
 * The literal an autolink shows ("<https://x>", "<a@b.example>"), or NULL
 * when n is not a link that looks like one: a single text child that is
 * its URL (with "mailto:" added for an address).
 */
static const char *
autolink_literal(cmark_node *n)
{
	cmark_node *c = cmark_node_first_child(n);
	const char *url = cmark_node_get_url(n), *lit;

	if (cmark_node_get_type(n) != CMARK_NODE_LINK || c == NULL ||
	    cmark_node_next(c) != NULL || cmark_node_get_type(c) != CMARK_NODE_TEXT ||
	    url == NULL || (lit = cmark_node_get_literal(c)) == NULL)
		return NULL;
	if (strcmp(lit, url) == 0 || (strncmp(url, "mailto:", 7) == 0 && strcmp(lit, url + 7) == 0))
		return lit;
	return NULL;
}

/* The first occurrence of the n bytes at w in [s, end), or NULL. */
static const char *
find_bytes(const char *s, const char *end, const char *w, size_t n)
{
	for (; s != NULL && (size_t)(end - s) >= n; s++) {
		s = memchr(s, w[0], (size_t)(end - s));
		if (s == NULL || (size_t)(end - s) < n)
			return NULL;
		if (memcmp(s, w, n) == 0)
			return s;
	}
	return NULL;
}

/*
 * Whether the link text opened by the '[' at ls[k] goes on past the end
 * of its line (len bytes): its brackets, less those escaped, never close.
 */
static bool
open_at_end(const char *ls, size_t len, size_t k)
{
	int depth = 0;

	for (; k < len; k++) {
		if (ls[k] == '\\' && k + 1 < len)
			k++;
		else if (ls[k] == '[')
			depth++;
		else if (ls[k] == ']' && --depth == 0)
			return false;
	}
	return true;
}

/*
 * Where the link starts on the line at ls (len bytes), from byte off on:
 * on one line, the first opening character whose closing character sits
 * where cmark says the link ends (end_col); a link whose text spans lines
 * at the first '[' (an image: "![") whose text does not close on this
 * line. SIZE_MAX if none.
 */
static size_t
scan_line(const char *ls, size_t len, size_t off, int end_col, bool one_line, bool image)
{
	size_t k;

	for (k = off; k < len; k++) {
		size_t close = end_col > 0 ? (size_t)end_col - 1 + (k - off) : 0;

		if (!one_line) {
			if (image ? ls[k] == '!' && k + 1 < len && ls[k + 1] == '[' &&
			    open_at_end(ls, len, k + 1) : ls[k] == '[' && open_at_end(ls, len, k))
				return k;
			continue;
		}
		if (ls[k] != '[' && ls[k] != '<' && ls[k] != '!')
			continue;
		if (close < len && strchr(")]>", ls[close]) != NULL)
			return k;
	}
	return SIZE_MAX;
}

/*
 * The line of link node n's opening '[' (or "!["), in cmark's numbering.
 * cmark 0.30.2 gives a link the line of its closing ']' with the column
 * of its '[', so a link whose text spans lines was placed lines late. The
 * first text, code span or raw HTML inside it has its own line right:
 * that, less the line breaks before it; with none, cmark's line less the
 * line breaks inside.
 */
static int
link_start_line(cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	int line = cmark_node_get_start_line(n), breaks = 0, at = 0;

	while (at == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER || c == n)
			continue;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			breaks++;
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			if (cmark_node_get_start_line(c) > 0)
				at = cmark_node_get_start_line(c) - breaks;
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	if (at == 0)
		at = line - breaks;
	return at >= 1 && at <= line ? at : line;
}

/*
 * The byte offset in t->buf where link node n starts, not before floor
 * (the previous link's start + 1: links come in document order). cmark
 * 0.30 gives inline nodes a byte column that leaves out the indentation
 * it strips from a paragraph's continuation lines ("  more [x](u)"
 * reports the '[' two bytes early); an autolink on a paragraph's later
 * line gets its offset in the whole paragraph; and a paragraph that began
 * with a link reference definition numbers its lines from the
 * definition's. So an autolink is looked up by its text, "<...>"; any
 * other link from cmark's column onwards, at the first opening character
 * whose closing character sits as far on as cmark says the link ends (a
 * link whose text spans lines: from the line of its '[', at the first
 * '[' whose text does not close on that line); and when cmark's line has
 * no such place, the next few lines are tried.
 */
static size_t
link_offset(const struct answer_text *t, cmark_node *n, size_t floor)
{
	const char *end = t->body + t->body_len, *ls = t->body, *le, *nl, *lit, *at;
	int line = link_start_line(n), i;
	int sc = cmark_node_get_start_column(n), ec = cmark_node_get_end_column(n);
	bool one_line = cmark_node_get_end_line(n) == line;
	size_t linelen, off, k, from, start, fallback = SIZE_MAX;

	for (i = 1; i < line && ls < end; i++) {
		nl = memchr(ls, '\n', (size_t)(end - ls));
		ls = nl == NULL ? end : nl + 1;
	}
	for (i = 0; i < 8; i++) {
		nl = memchr(ls, '\n', (size_t)(end - ls));
		le = nl == NULL ? end : nl;
		linelen = (size_t)(le - ls);
		start = (size_t)(ls - t->buf);
		from = floor > start ? floor - start : 0;
		if (from > linelen)
			from = linelen;
		if ((lit = autolink_literal(n)) != NULL) {
			struct buf w;

			buf_init(&w);
			buf_printf(&w, "<%s>", lit);
			at = find_bytes(ls + from, le, w.data, w.len);
			buf_free(&w);
			if (at != NULL)
				return (size_t)(at - t->buf);
		}
		off = sc > 0 ? (size_t)sc - 1 : 0;
		if (off < from)
			off = from;
		if (off > linelen)
			off = linelen;
		if ((k = scan_line(ls, linelen, off, ec, one_line,
		    cmark_node_get_type(n) == CMARK_NODE_IMAGE)) != SIZE_MAX)
			return start + k;
		if (fallback == SIZE_MAX)
			fallback = start + off;	/* cmark's place, as near as it can be */
		if (nl == NULL)
			break;
		ls = nl + 1;
	}
	return fallback;
}

void
links_collect(struct link_uses *u, const struct answer_text *t)
{
	cmark_node *doc;

	if (t == NULL || t->body == NULL)
		return;
	doc = cmark_parse_document(t->body, t->body_len, CMARK_OPT_VALIDATE_UTF8);
	links_collect_doc(u, t, doc);
	cmark_node_free(doc);
}

void
links_collect_doc(struct link_uses *u, const struct answer_text *t, cmark_node *doc)
{
	cmark_iter *it;
	cmark_event_type ev;
	size_t file_len, floor = 0;

	if (t == NULL || t->body == NULL || doc == NULL)
		return;
	file_len = (size_t)(t->body - t->buf) + t->body_len;
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(n);
		struct link_use *l;

		if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
			continue;
		l = link_uses_add(u);
		l->text = t;
		l->url = xstrdup(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
		l->label = plain_text(n);
		floor = link_offset(t, n, floor);
		text_linecol(t->buf, file_len, floor, &l->line, &l->col);
		floor++;
	}
	cmark_iter_free(it);
}

void
links_collect_pack(struct link_uses *u, const struct pack *p)
{
	size_t i;

	for (i = 0; i < p->ntexts; i++)
		links_collect(u, p->texts[i]);
}

bool
link_url_ok(const char *url)
{
	const char *host;
	size_t i;

	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return false;
	if (*host == '\0' || *host == '/' || *host == '?' || *host == '#')
		return false;
	for (i = 0; url[i] != '\0'; i++)
		if ((unsigned char)url[i] <= ' ' || url[i] == 0x7F)
			return false;
	return !text_has_unsafe(url, strlen(url));
}

bool
link_is_home_page(const char *url)
{
	const char *rest;

	if (!link_url_ok(url))
		return false;
	rest = url + (url[4] == 's' ? 8 : 7);
	rest += strcspn(rest, "/?#");	/* past the host */
	if (*rest == '/')
		rest++;
	return *rest == '\0' || *rest == '#';
}

/* ---- the register ---- */

/* By URL, then by line: the first row of a URL listed twice comes first. */
static int
row_cmp(const void *a, const void *b)
{
	const struct link_row *x = *(struct link_row *const *)a, *y = *(struct link_row *const *)b;
	int c = strcmp(x->url, y->url);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

static int
row_url_cmp(const void *key, const void *b)
{
	return strcmp(key, (*(struct link_row *const *)b)->url);
}

struct field {
	const char	*s;
	size_t		 len;
	size_t		 off;	/* in the file */
};

static void PRINTFLIKE(6, 7)
field_error(struct link_register *r, const char *buf, size_t len, const struct field *f,
    enum diag_level level, const char *fmt, ...)
{
	struct buf msg;
	va_list ap;
	int line, col;

	buf_init(&msg);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	text_linecol(buf, len, f->off, &line, &col);
	diag(level, r->path, line, col, "%s", msg.data);
	r->errors += level != DIAG_WARNING;
	buf_free(&msg);
}

/* A text field: not empty, nothing unsafe in it. */
static bool
text_field_ok(struct link_register *r, const char *buf, size_t len,
    const struct field *f, const char *name)
{
	if (f->len == 0) {
		field_error(r, buf, len, f, DIAG_ERROR, "the %s column is empty: write it out", name);
		return false;
	}
	if (text_has_unsafe(f->s, f->len)) {
		field_error(r, buf, len, f, DIAG_ERROR,
		    "the %s column holds a control character or direction override: remove it", name);
		return false;
	}
	return true;
}

/* Check one row's six fields, issuing a diagnostic for each bad one. */
static void
check_row(struct link_register *r, const char *buf, size_t len, const struct field *f,
    struct link_row *row)
{
	if (!link_url_ok(row->url))
		field_error(r, buf, len, &f[0], DIAG_ERROR,
		    "'%.*s' is not an absolute http or https URL with a host", (int)f[0].len, f[0].s);
	text_field_ok(r, buf, len, &f[1], "title");
	text_field_ok(r, buf, len, &f[2], "publisher");
	if (!content_language_ok(f[3].s, f[3].len))
		field_error(r, buf, len, &f[3], DIAG_ERROR,
		    "the language must be a code of 2 or 3 letters a-z (tr, en, fi), not '%.*s'",
		    (int)f[3].len, f[3].s);
	if (!content_parse_date(f[4].s, f[4].len, &row->checked))
		field_error(r, buf, len, &f[4], DIAG_ERROR,
		    "the checked column must be a day of the calendar written YYYY-MM-DD, not '%.*s'",
		    (int)f[4].len, f[4].s);
	else if (row->checked > content_today())
		field_error(r, buf, len, &f[4], DIAG_WARNING,
		    "the checked date %.*s is in the future: write the day the link was checked",
		    (int)f[4].len, f[4].s);
	if (strcmp(row->confirmed, "seed") != 0 && strcmp(row->confirmed, "page") != 0 &&
	    strcmp(row->confirmed, "site") != 0)
		field_error(r, buf, len, &f[5], DIAG_ERROR,
		    "the confirmed column must be seed, page or site, not '%.*s'",
		    (int)f[5].len, f[5].s);
}

enum register_status
link_register_load(struct link_register *r, const char *packdir)
{
	struct stat st;
	char *buf;
	size_t len, pos = 0, cap = 0, i, k;

	memset(r, 0, sizeof(*r));
	r->path = xasprintf("%s/%s", packdir, LINKS_REGISTER_NAME);
	if (lstat(r->path, &st) < 0 && errno == ENOENT)
		return REGISTER_NONE;
	if (file_read(r->path, LINKS_MAX_REGISTER, "a links register", &buf, &len) < 0)
		return REGISTER_UNREADABLE;
	if (content_check_bytes(r->path, buf, len, NULL) < 0) {
		free(buf);
		return REGISTER_UNREADABLE;
	}
	if (len >= 3 && memcmp(buf, UTF8_BOM, 3) == 0)
		pos = 3;
	while (pos < len) {
		const char *ls = buf + pos, *nl = memchr(ls, '\n', len - pos);
		size_t linelen = (size_t)((nl == NULL ? buf + len : nl) - ls), next, start;
		struct field f[7];
		size_t nf = 0;
		struct link_row *row;

		next = pos + linelen + (nl != NULL);
		if (linelen > 0 && ls[linelen - 1] == '\r')
			linelen--;
		if (linelen == 0 || ls[0] == '#') {
			pos = next;
			continue;
		}
		for (start = 0, i = 0; i <= linelen; i++) {
			if (i < linelen && ls[i] != '\t')
				continue;
			if (nf < NELEM(f))
				f[nf] = (struct field){ ls + start, i - start, pos + start };
			nf++;
			start = i + 1;
		}
		if (nf != 6) {
			struct field at = { ls, 0, pos };
			if (nf > 6)
				at = f[6];
			field_error(r, buf, len, &at, DIAG_ERROR,
			    "a row has %zu column%s, not 6: url, title, publisher, language, checked "
			    "and confirmed, separated by tabs", nf, nf == 1 ? "" : "s");
			pos = next;
			continue;
		}
		if (r->n == cap) {
			cap = cap ? 2 * cap : 64;
			r->rows = xreallocarray(r->rows, cap, sizeof(*r->rows));
		}
		row = &r->rows[r->n++];
		memset(row, 0, sizeof(*row));
		row->url = xstrndup(f[0].s, f[0].len);
		row->title = xstrndup(f[1].s, f[1].len);
		row->publisher = xstrndup(f[2].s, f[2].len);
		row->language = xstrndup(f[3].s, f[3].len);
		row->confirmed = xstrndup(f[5].s, f[5].len);
		text_linecol(buf, len, pos, &row->line, &(int){ 0 });
		check_row(r, buf, len, f, row);
		pos = next;
	}
	r->sorted = xcalloc(r->n + 1, sizeof(*r->sorted));
	for (i = 0; i < r->n; i++)
		r->sorted[i] = &r->rows[i];
	qsort(r->sorted, r->n, sizeof(*r->sorted), row_cmp);
	/* a URL listed twice: an error at the later rows, which lookups then skip */
	for (i = 0, k = 0; i < r->n; i++) {
		struct link_row *row = r->sorted[i];

		if (k > 0 && strcmp(r->sorted[k - 1]->url, row->url) == 0) {
			diag(DIAG_ERROR, r->path, row->line, 1,
			    "the URL is listed twice (first at line %d): keep one row",
			    r->sorted[k - 1]->line);
			r->errors++;
			row->used = true;	/* no second warning about it */
			continue;
		}
		r->sorted[k++] = row;
	}
	r->nsorted = k;
	free(buf);
	return REGISTER_READ;
}

void
link_register_free(struct link_register *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->rows[i].url);
		free(r->rows[i].title);
		free(r->rows[i].publisher);
		free(r->rows[i].language);
		free(r->rows[i].confirmed);
	}
	free(r->rows);
	free(r->sorted);
	free(r->path);
	memset(r, 0, sizeof(*r));
}

struct link_row *
link_register_find(const struct link_register *r, const char *url)
{
	struct link_row **found;

	if (r->nsorted == 0)
		return NULL;
	found = bsearch(url, r->sorted, r->nsorted, sizeof(*r->sorted), row_url_cmp);
	return found == NULL ? NULL : *found;
}

/* mailto:someone@host, with nothing a reader could not type. */
static bool
mail_ok(const char *url)
{
	size_t i;

	if (strncmp(url, "mailto:", 7) != 0 || strchr(url + 7, '@') == NULL)
		return false;
	for (i = 0; url[i] != '\0'; i++)
		if ((unsigned char)url[i] <= ' ' || url[i] == 0x7F)
			return false;
	return !text_has_unsafe(url, strlen(url));
}

int
links_check_addresses(const struct link_uses *u)
{
	size_t i;
	int warnings = 0;

	/* each at its own place: a text has at most a few hundred, by the bound on its markup */
	for (i = 0; i < u->n; i++) {
		const struct link_use *l = &u->v[i];
		char *shown;

		if (link_url_ok(l->url) || mail_ok(l->url))
			continue;
		shown = text_sanitized(l->url);
		if (strlen(shown) > 72) {	/* an embedded image is thousands of bytes: its start says it */
			size_t cut = 60;

			while (cut > 0 && (shown[cut] & 0xC0) == 0x80)
				cut--;	/* not inside a character */
			strcpy(shown + cut, "\xE2\x80\xA6");
		}
		if (strncmp(l->url, "data:", 5) == 0)	/* in small letters, as http: is checked */
			diag(DIAG_WARNING, l->text->path, l->line, l->col,
			    "the link '%s' holds its content in itself (a data: address), which is not "
			    "shown: link to where it is on the web, as https://...", shown);
		else
			diag(DIAG_WARNING, l->text->path, l->line, l->col,
			    "the link '%s' is neither an absolute http or https address with a host nor "
			    "a mailto: address: write it out whole, as https://..., with a space as %%20",
			    shown);
		free(shown);
		warnings++;
	}
	return warnings;
}

void
links_unchecked(const char *register_path)
{
	diag(DIAG_WARNING, register_path, 0, 0, "the links of the answer texts were not checked "
	    "against this register: correct its errors, then check again");
}

int
links_check(const struct link_uses *u, struct link_register *r)
{
	size_t i;
	int warnings = 0;

	if (r->errors > 0) {
		links_unchecked(r->path);
		return 1;
	}
	for (i = 0; i < u->n; i++) {
		const struct link_use *l = &u->v[i];
		struct link_row *row = link_register_find(r, l->url);

		if (!link_url_ok(l->url))
			continue;	/* a mail address, or said by links_check_addresses: no row holds it */
		if (row != NULL) {
			row->used = true;
			continue;
		}
		diag(DIAG_WARNING, l->text->path, l->line, l->col,
		    "the link %s is not in the links register %s: add a row for it", l->url,
		    r->path);
		warnings++;
	}
	for (i = 0; i < r->n; i++)
		if (!r->rows[i].used) {
			diag(DIAG_WARNING, r->path, r->rows[i].line, 1,
			    "no answer text links to %s: remove the row, or link to it",
			    r->rows[i].url);
			warnings++;
		}
	return warnings;
}

/* SPDX-License-Identifier: MIT */
/*
 * report_doc.c: the report as one document and its renderings. The
 * report, the group report and the progress report are built as cmark
 * node trees with the small constructors below (content goes in as
 * literal text, so nothing is escaped by hand), then rendered: Markdown
 * by cmark's CommonMark writer, HTML by cmark's safe HTML writer inside a
 * self-contained page with a print stylesheet, and text by the layout
 * engine, one top-level block at a time so that headings get their rules.
 * A few custom nodes (areas, the summary, level bars) are empty in
 * Markdown and text and become sections and CSS bars in the page.
 */
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmark.h>

#include "layout.h"
#include "mdmem.h"
#include "report.h"
#include "text.h"

static cmark_node *
append(cmark_node *parent, cmark_node *n)
{
	if (!cmark_node_append_child(parent, n))
		fatal("report: a %s cannot go into a %s", cmark_node_get_type_string(n),
		    cmark_node_get_type_string(parent));
	return n;
}

/*
 * Guidance not parsed yet: a custom block whose role is DOC_GUIDANCE
 * with its place in the document's table above it; the table hangs on
 * the document node, the one node that has no role. So does the arena
 * that holds the document's nodes and texts (mdmem.h), let go whole by
 * doc_free: a group report's 47,712 notes were as many small trees,
 * freed block by block, and gathered again by malloc at its next large
 * free (50 ms of the merge of 5,000 files).
 */
struct pending {
	struct {
		const char	*md;
		size_t		 len;
	}		*v;
	size_t		 n, cap;
	struct arena	*mem;
};

static cmark_node *
root_of(cmark_node *n)
{
	cmark_node *up;

	while ((up = cmark_node_parent(n)) != NULL)
		n = up;
	return n;
}

static struct pending *
pending_of(cmark_node *n)
{
	n = root_of(n);
	return cmark_node_get_type(n) == CMARK_NODE_DOCUMENT ? cmark_node_get_user_data(n) : NULL;
}

/*
 * cmark's allocator has no context: whatever may allocate for a node of
 * a document of doc_new runs with the document's arena in use on the
 * thread. Any other tree (guidance being parsed into a document, a
 * subtree not in one yet, a tree of cmark's own memory) is made with
 * what is in use already: cmark frees a subtree with its top's allocator,
 * so a tree's nodes must all come from one. enter returns what was in use.
 */
static struct arena *
enter(cmark_node *n)
{
	const struct pending *t = pending_of(n);

	return md_arena_use(t != NULL && t->mem != NULL ? t->mem : md_arena_in_use());
}

/* A node for the tree whose arena is in use. */
static cmark_node *
node_new(cmark_node_type type)
{
	return cmark_node_new_with_mem(type, md_mem());
}

/* A new last child of parent. */
static cmark_node *
child_new(cmark_node *parent, cmark_node_type type)
{
	struct arena *before = enter(parent);
	cmark_node *n = append(parent, node_new(type));

	md_arena_use(before);
	return n;
}

static void
literal_set(cmark_node *n, const char *s)
{
	struct arena *before = enter(n);

	cmark_node_set_literal(n, s);
	md_arena_use(before);
}

cmark_node *
doc_new(void)
{
	struct pending *t = xcalloc(1, sizeof(*t));
	struct arena *before;
	cmark_node *doc;

	t->mem = arena_new(65536);
	before = md_arena_use(t->mem);
	doc = node_new(CMARK_NODE_DOCUMENT);
	md_arena_use(before);
	cmark_node_set_user_data(doc, t);
	return doc;
}

void
doc_free(cmark_node *doc)
{
	struct pending *t = pending_of(doc);

	if (t == NULL || t->mem == NULL)
		cmark_node_free(doc);
	else
		arena_free(t->mem);	/* every node and text of it */
	if (t != NULL) {
		free(t->v);
		free(t);
	}
}

void
doc_guidance(cmark_node *parent, const char *md, size_t len)
{
	cmark_node *root = root_of(parent), *b;
	struct pending *t;

	if (cmark_node_get_type(root) != CMARK_NODE_DOCUMENT) {
		doc_markdown(parent, md, len);	/* no document to keep the table: now */
		return;
	}
	if ((t = cmark_node_get_user_data(root)) == NULL) {
		t = xcalloc(1, sizeof(*t));
		cmark_node_set_user_data(root, t);
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	t->v[t->n].md = md;
	t->v[t->n].len = len;
	b = child_new(parent, CMARK_NODE_CUSTOM_BLOCK);
	cmark_node_set_user_data(b, (void *)(intptr_t)(DOC_GUIDANCE | (intptr_t)t->n++ << 8));
}

cmark_node *
doc_heading(cmark_node *parent, int level, const char *text)
{
	cmark_node *h = child_new(parent, CMARK_NODE_HEADING);

	cmark_node_set_heading_level(h, level);
	doc_text(h, text);
	return h;
}

cmark_node *
doc_para(cmark_node *parent)
{
	return child_new(parent, CMARK_NODE_PARAGRAPH);
}

cmark_node *
doc_list(cmark_node *parent, bool ordered)
{
	cmark_node *l = child_new(parent, CMARK_NODE_LIST);

	cmark_node_set_list_type(l, ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST);
	if (ordered) {
		cmark_node_set_list_start(l, 1);
		cmark_node_set_list_delim(l, CMARK_PERIOD_DELIM);
	}
	cmark_node_set_list_tight(l, 1);
	return l;
}

cmark_node *
doc_item(cmark_node *list)
{
	return child_new(list, CMARK_NODE_ITEM);
}

cmark_node *
doc_quote(cmark_node *parent)
{
	return child_new(parent, CMARK_NODE_BLOCK_QUOTE);
}

cmark_node *
doc_block(cmark_node *parent, enum doc_role role)
{
	cmark_node *b = child_new(parent, CMARK_NODE_CUSTOM_BLOCK);

	cmark_node_set_user_data(b, (void *)(intptr_t)role);
	return b;
}

/* One line of content as a text node: sanitised and in NFC. */
static void
text_node(cmark_node *inl, cmark_node_type type, const char *s, size_t len)
{
	cmark_node *t = child_new(inl, type);
	char *disp = text_display(s, len, NULL);

	literal_set(t, disp);
	free(disp);
}

/*
 * Text that may hold line breaks (a note): each line after the first
 * follows a hard line break. The blanks such a line starts with become
 * no-break spaces: a Markdown reader would drop them, or read the line as
 * code after an empty one, and the note is to read as it was typed.
 */
void
doc_text(cmark_node *inl, const char *s)
{
	const char *end;
	bool line_start = false;
	struct buf b;

	for (;;) {
		if ((end = strchr(s, '\n')) == NULL)
			end = s + strlen(s);
		if (line_start && *s == ' ') {
			buf_init(&b);
			for (; s < end && *s == ' '; s++)
				buf_adds(&b, "\xC2\xA0");
			buf_add(&b, s, (size_t)(end - s));
			text_node(inl, CMARK_NODE_TEXT, b.data, b.len);
			buf_free(&b);
		} else if (end > s) {
			text_node(inl, CMARK_NODE_TEXT, s, (size_t)(end - s));
		}
		if (*end == '\0')
			break;
		if (end[1] != '\0')
			doc_break(inl);
		s = end + 1;
		line_start = true;
	}
}

void
doc_textf(cmark_node *inl, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	doc_text(inl, b.data);
	buf_free(&b);
}

/* Inline markup of the report's own, marked so that the text format drops it. */
static cmark_node *
own(cmark_node *n)
{
	cmark_node_set_user_data(n, (void *)(intptr_t)DOC_PLAIN);
	return n;
}

void
doc_strong(cmark_node *inl, const char *s)
{
	doc_text(own(child_new(inl, CMARK_NODE_STRONG)), s);
}

void
doc_emph(cmark_node *inl, const char *s)
{
	doc_text(own(child_new(inl, CMARK_NODE_EMPH)), s);
}

void
doc_code(cmark_node *inl, const char *s)
{
	text_node(inl, CMARK_NODE_CODE, s, strlen(s));
	own(cmark_node_last_child(inl));
}

void
doc_break(cmark_node *inl)
{
	child_new(inl, CMARK_NODE_LINEBREAK);
}

void
doc_bar(cmark_node *inl, int percent, const char *text)
{
	cmark_node *b = child_new(inl, CMARK_NODE_CUSTOM_INLINE);

	percent = percent < 0 ? 0 : percent > 100 ? 100 : percent;
	cmark_node_set_user_data(b, (void *)(intptr_t)(DOC_BAR | percent << 8));
	doc_code(b, text);
}

void
doc_pre(cmark_node *parent, const char *text)
{
	cmark_node *c = child_new(parent, CMARK_NODE_CODE_BLOCK);
	struct arena *before;
	struct buf b;

	buf_init(&b);
	text_sanitize(&b, text, strlen(text), true);
	before = enter(c);
	cmark_node_set_literal(c, b.data);
	cmark_node_set_fence_info(c, "");
	md_arena_use(before);
	buf_free(&b);
}

static char *
shown_copy(const char *s)
{
	return s != NULL ? text_display(s, strlen(s), NULL) : xstrdup("");
}

/*
 * A raw HTML block becomes what the layout shows of it, a paragraph of its
 * text's lines (its tags are not shown): Markdown and HTML then escape
 * that text like any other.
 */
static void
html_to_text(cmark_node *html)
{
	char *text = layout_shown_html(cmark_node_get_literal(html));
	size_t len = strlen(text);
	cmark_node *p;

	if (len > 0) {
		text[len - 1] = '\0';	/* the last line's newline */
		p = node_new(CMARK_NODE_PARAGRAPH);
		cmark_node_insert_before(html, p);
		doc_text(p, text);
	}
	free(text);
}

/*
 * Make parsed guidance safe to render in any format, showing what the
 * layout shows (stok-assess(5)), decided by the layout's own functions:
 * for Markdown and HTML every literal becomes its shown form before cmark
 * escapes it, and a raw HTML block a paragraph of its text; for the layout
 * (the text report) raw HTML blocks stay, which it shows as it walks.
 * Inline raw HTML goes (its tags are not shown, the text between them
 * is), URLs and titles are shown as the layout shows them, and headings
 * move below the question's (4).
 */
static void
sanitize_tree(cmark_node *doc, bool for_layout)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **html = NULL, *n;
	size_t nhtml = 0, i, len, chars;
	const char *old;
	char *s;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
			if (for_layout)
				break;
			/* FALLTHROUGH */
		case CMARK_NODE_HTML_INLINE:
			/* unlinking now would end the walk: remove after it */
			html = xreallocarray(html, nhtml + 1, sizeof(*html));
			html[nhtml++] = n;
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			if ((old = cmark_node_get_literal(n)) == NULL)
				old = "";
			len = strlen(old);
			/*
			 * Nearly always nothing to change, nothing to copy. For
			 * the layout, only a literal with a raw control character
			 * or the like is made its shown form here.
			 */
			if (for_layout ? !text_has_unsafe(old, len) :
			    text_plain_run(old, len, &chars) == len && strstr(old, "  ") == NULL)
				break;
			if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
				s = layout_shown_code(old);
			else
				s = layout_shown_text(old, len);
			if (strcmp(s, old) != 0)
				cmark_node_set_literal(n, s);
			free(s);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			s = shown_copy(cmark_node_get_url(n));
			cmark_node_set_url(n, s);
			free(s);
			s = shown_copy(cmark_node_get_title(n));
			cmark_node_set_title(n, s);
			free(s);
			break;
		case CMARK_NODE_HEADING:
			cmark_node_set_heading_level(n, cmark_node_get_heading_level(n) < 4 ? 5 : 6);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < nhtml; i++) {
		if (cmark_node_get_type(html[i]) == CMARK_NODE_HTML_BLOCK)
			html_to_text(html[i]);
		cmark_node_free(html[i]);	/* unlinks it first */
	}
	free(html);
}

/*
 * Without CMARK_OPT_VALIDATE_UTF8: the bodies given here are answer
 * texts', which the loader took only as valid UTF-8 (content_check_bytes),
 * and cmark's own check cost an eighth of its parse.
 */
static cmark_node *
guidance_parse(const char *md, size_t len)
{
	cmark_node *d = md_parse(md, len, CMARK_OPT_DEFAULT);	/* into the document's arena */

	sanitize_tree(d, false);
	return d;
}

/*
 * Guidance parsed for the layout, in an arena of its own (mdmem.h): the
 * layout runs with it in use and then lets it go whole. Freed node by
 * node instead, on the layout's thread, the nodes the second thread had
 * taken from its own heap cost the layout a fifth of its time.
 */
struct parsed {
	cmark_node	*doc;
	struct arena	*mem;
	const char	*md;	/* the source, where the layout finds tables */
	size_t		 len;
};

static struct parsed
guidance_parse_for_layout(const char *md, size_t len)
{
	struct parsed g = { NULL, arena_new(65536), md, len };
	struct arena *before = md_arena_use(g.mem);

	g.doc = md_parse(md, len, CMARK_OPT_DEFAULT);
	sanitize_tree(g.doc, true);
	md_arena_use(before);
	return g;
}

void
doc_markdown(cmark_node *parent, const char *md, size_t len)
{
	struct arena *before = enter(parent);
	cmark_node *d = guidance_parse(md, len), *c;

	while ((c = cmark_node_first_child(d)) != NULL)
		append(parent, c);	/* unlinks it from d */
	cmark_node_free(d);
	md_arena_use(before);
}

/*
 * Where the guidance a placeholder stands for is in its document's table
 * (*t), or -1 for any other node.
 */
static ptrdiff_t
guidance_index(cmark_node *n, const struct pending **t)
{
	intptr_t role = (intptr_t)cmark_node_get_user_data(n);

	if (cmark_node_get_type(n) != CMARK_NODE_CUSTOM_BLOCK || (role & 0xff) != DOC_GUIDANCE ||
	    (*t = pending_of(n)) == NULL || (size_t)(role >> 8) >= (*t)->n)
		return -1;
	return (ptrdiff_t)(role >> 8);
}

/* The guidance a placeholder stands for, parsed; NULL for any other node. */
static cmark_node *
guidance_of(cmark_node *n)
{
	const struct pending *t;
	ptrdiff_t k = guidance_index(n, &t);

	return k >= 0 ? guidance_parse(t->v[k].md, t->v[k].len) : NULL;
}

/*
 * The text rendering's guidance parsed on a second thread, in the order
 * of the document's table, at most AHEAD texts past the furthest one
 * asked for; the layout takes each when it comes to it. Parsing was half
 * of a long report's time and laying out the other half: they now go
 * side by side, with a few texts held at a time, not all. Each text is
 * the one guidance_of gives, in whatever order they are asked for.
 */
#define AHEAD	16

struct ahead {
	const struct pending	*t;
	struct parsed		*done;		/* parsed and not yet taken */
	size_t			 parsed;	/* done[0 .. parsed) have been parsed */
	size_t			 wanted;	/* 1 + the furthest asked for */
	bool			 stop, threaded;
	bool			 resting;	/* the second thread waits for the layout */
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	pthread_t		 thread;
};

static void *
ahead_run(void *arg)
{
	struct ahead *a = arg;
	struct parsed d;
	size_t k;

	for (k = 0; k < a->t->n; k++) {
		pthread_mutex_lock(&a->mu);
		while (!a->stop && k >= a->wanted + AHEAD) {
			a->resting = true;
			pthread_cond_wait(&a->cv, &a->mu);
		}
		a->resting = false;
		if (a->stop) {
			pthread_mutex_unlock(&a->mu);
			break;
		}
		pthread_mutex_unlock(&a->mu);
		d = guidance_parse_for_layout(a->t->v[k].md, a->t->v[k].len);
		pthread_mutex_lock(&a->mu);
		a->done[k] = d;
		a->parsed = k + 1;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	return NULL;
}

/*
 * Start parsing doc's guidance on a second thread; with one core, or when
 * the thread cannot start, ahead_take parses each text in place.
 */
static void
ahead_start(struct ahead *a, cmark_node *doc)
{
	sigset_t all, old;

	memset(a, 0, sizeof(*a));
	a->t = pending_of(doc);
	if (a->t == NULL || a->t->n < 2 || sysconf(_SC_NPROCESSORS_ONLN) < 2)
		return;
	a->done = xcalloc(a->t->n, sizeof(*a->done));
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	/* signals stay the main thread's: the wizard's handlers expect it */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	a->threaded = pthread_create(&a->thread, NULL, ahead_run, a) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!a->threaded) {
		pthread_mutex_destroy(&a->mu);
		pthread_cond_destroy(&a->cv);
		free(a->done);
		a->done = NULL;
	}
}

/* The parsed guidance of placeholder n; its doc is NULL for any other node. */
static struct parsed
ahead_take(struct ahead *a, cmark_node *n)
{
	const struct pending *t;
	ptrdiff_t i = guidance_index(n, &t);
	size_t k = (size_t)i;
	struct parsed d = { NULL, NULL, NULL, 0 };

	if (i < 0)
		return d;
	if (!a->threaded || t != a->t)
		return guidance_parse_for_layout(t->v[k].md, t->v[k].len);
	pthread_mutex_lock(&a->mu);
	if (k + 1 > a->wanted) {
		a->wanted = k + 1;
		/* woken when half the texts it may hold are left, not at each: a switch costs */
		if (a->resting && a->parsed <= a->wanted + AHEAD / 2)
			pthread_cond_broadcast(&a->cv);
	}
	while (a->parsed <= k)
		pthread_cond_wait(&a->cv, &a->mu);
	d = a->done[k];
	a->done[k] = (struct parsed){ NULL, NULL, NULL, 0 };
	pthread_mutex_unlock(&a->mu);
	return d.doc != NULL ? d : guidance_parse_for_layout(t->v[k].md, t->v[k].len);	/* asked twice */
}

static void
ahead_stop(struct ahead *a)
{
	size_t k;

	if (!a->threaded)
		return;
	pthread_mutex_lock(&a->mu);
	a->stop = true;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	pthread_join(a->thread, NULL);
	for (k = 0; k < a->parsed; k++)
		arena_free(a->done[k].mem);	/* parsed and never asked for, if any */
	free(a->done);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
}

/* Every placeholder replaced by its guidance (Markdown and HTML). */
static void
guidance_expand(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **v = NULL, *d, *c;
	size_t nv = 0, i;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) ==
		    CMARK_NODE_CUSTOM_BLOCK) {
			v = xreallocarray(v, nv + 1, sizeof(*v));
			v[nv++] = cmark_iter_get_node(it);	/* after the walk */
		}
	cmark_iter_free(it);
	for (i = 0; i < nv; i++) {
		if ((d = guidance_of(v[i])) == NULL)
			continue;
		while ((c = cmark_node_first_child(d)) != NULL)
			cmark_node_insert_before(v[i], c);
		cmark_node_free(d);
		cmark_node_free(v[i]);
	}
	free(v);
}

/* ------------------------------------------------------------------ text */

/* The text of a heading, its literals in order. */
static char *
heading_text(cmark_node *h)
{
	cmark_iter *it = cmark_iter_new(h);
	cmark_event_type ev;
	cmark_node *n;
	struct buf b;

	buf_init(&b);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_TEXT ||
		    cmark_node_get_type(n) == CMARK_NODE_CODE)
			buf_adds(&b, cmark_node_get_literal(n));
		else if (cmark_node_get_type(n) == CMARK_NODE_LINEBREAK ||
		    cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK)
			buf_addc(&b, ' ');
	}
	cmark_iter_free(it);
	return buf_detach(&b);
}

/* A heading of level 1-3 with a rule under it as wide as its text (none for a listener). */
static void
text_heading(struct layout *lo, cmark_node *h, int width)
{
	static const char *const rules[] = { "=", "-", "~" };
	const char *rule = rules[cmark_node_get_heading_level(h) - 1];
	char *s = heading_text(h);
	struct buf b;
	size_t i;
	int w = 0;

	layout_text(lo, s, width, 0, LS_HEADING | LS_STRONG);
	free(s);
	if (lo->plain)
		return;
	for (i = lo->nlines; i > 0 && lo->lines[i - 1].nspans > 0; i--)
		if (lo->lines[i - 1].width > w)
			w = lo->lines[i - 1].width;	/* the widest line it wrapped onto */
	buf_init(&b);
	while (w-- > 0)
		buf_adds(&b, rule);
	layout_text(lo, b.data, width, 0, LS_MARKER);
	buf_free(&b);
}

/*
 * In plain text the report's own bold, italics and code are plain words
 * (the layout marks those of the guidance): unwrap them before the walk.
 */
static void
text_unwrap(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n, *c, **v = NULL;
	size_t nv = 0, i;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    (intptr_t)cmark_node_get_user_data(n) == DOC_PLAIN) {
			v = xreallocarray(v, nv + 1, sizeof(*v));
			v[nv++] = n;	/* changing the tree now would end the walk */
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < nv; i++) {
		if (cmark_node_get_type(v[i]) == CMARK_NODE_CODE) {
			c = node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(c, cmark_node_get_literal(v[i]));
			cmark_node_insert_before(v[i], c);
		} else {
			while ((c = cmark_node_first_child(v[i])) != NULL)
				cmark_node_insert_before(v[i], c);
		}
		cmark_node_free(v[i]);
	}
	free(v);
}

/*
 * One top-level block laid out and written to out. A block of guidance
 * comes with the Markdown it was parsed from (md), in whose lines the
 * layout finds tables; any other block is the report's own, whose text
 * (a note, a name) is shown as it is and never read as Markdown.
 */
static void
text_block(struct buf *out, struct layout *lo, cmark_node *n, int width, struct linkset *links,
    const char *md, size_t len)
{
	if (cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) <= 3) {
		text_heading(lo, n, width);
	} else if (cmark_node_get_type(n) != CMARK_NODE_CUSTOM_BLOCK) {
		if (md != NULL)
			layout_parsed(lo, n, md, len, width, links);
		else
			layout_node(lo, n, width, links);
	}
	layout_blank(lo);
	layout_flush(lo, out);
	buf_spill(out);	/* nothing written so far is looked at again */
}

static void
render_text(struct buf *out, cmark_node *doc, int width, const char *links_title, bool plain)
{
	struct layout lo;
	struct linkset links;
	struct ahead ahead;
	struct parsed g;
	struct arena *before;
	cmark_node *n, *next, *c;
	char *line;
	size_t i;

	text_unwrap(doc);
	n = cmark_node_first_child(doc);
	layout_init(&lo);
	lo.plain = plain;
	linkset_init(&links);
	ahead_start(&ahead, doc);
	while (n != NULL) {
		if ((g = ahead_take(&ahead, n)).doc != NULL) {
			/* laid out and freed: a few texts held at a time */
			before = md_arena_use(g.mem);
			for (c = cmark_node_first_child(g.doc); c != NULL; c = cmark_node_next(c))
				text_block(out, &lo, c, width, &links, g.md, g.len);
			md_arena_use(before);
			arena_free(g.mem);
		} else if (cmark_node_get_type(n) == CMARK_NODE_CUSTOM_BLOCK &&
		    cmark_node_first_child(n) != NULL) {
			n = cmark_node_first_child(n);	/* sections only group blocks */
			continue;
		} else {
			text_block(out, &lo, n, width, &links, NULL, 0);
		}
		/* the next block, climbing out of finished sections */
		while ((next = cmark_node_next(n)) == NULL && cmark_node_parent(n) != doc)
			n = cmark_node_parent(n);
		n = next;
	}
	ahead_stop(&ahead);
	if (links.n > 0 && links_title != NULL) {
		cmark_node *h = node_new(CMARK_NODE_HEADING);

		cmark_node_set_heading_level(h, 2);
		doc_text(h, links_title);
		text_heading(&lo, h, width);
		cmark_node_free(h);
		layout_blank(&lo);
		for (i = 0; i < links.n; i++) {
			line = xasprintf("[%zu] %s", i + 1, links.urls[i]);
			layout_text(&lo, line, width, 4, LS_LINK);
			free(line);
		}
	}
	/* no blank line at the very end */
	while (lo.nlines > 0 && lo.lines[lo.nlines - 1].nspans == 0)
		lo.nlines--;	/* a spare line now, which layout_free frees */
	layout_to_text(&lo, out);
	layout_free(&lo);
	linkset_free(&links);
}

/* ------------------------------------------------------------------ html */

/*
 * The page's style: readable from 360 px up, bars drawn in CSS beside
 * their numbers, and on paper A4 with each area on a new page and every
 * link's address printed after its text.
 */
static const char html_style[] =
    "html{-webkit-text-size-adjust:100%}\n"
    "body{font-family:system-ui,\"DejaVu Sans\",sans-serif;max-width:46em;margin:0 auto;"
    "padding:1em;line-height:1.5;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}\n"
    "h1{font-size:1.6em;line-height:1.25}\n"
    "h2{border-bottom:1px solid #767676;margin-top:2em}\n"
    "h4{margin-bottom:.4em}h5{font-size:1em;margin:1em 0 .3em}\n"
    "a{color:#0b4f94}\n"
    "code,pre{font-family:\"DejaVu Sans Mono\",monospace;font-size:.92em}\n"
    "pre{white-space:pre-wrap}\n"
    "blockquote{margin:.6em 0;padding-left:.8em;border-left:3px solid #767676}\n"
    ".summary ul{list-style:none;padding-left:0;font-variant-numeric:tabular-nums}\n"
    ".summary li{padding-left:2em;text-indent:-2em}\n"
    ".bar{display:inline-block;width:6em;max-width:30%;height:.8em;border:1px solid #333;"
    "vertical-align:middle;margin:0 .3em}\n"
    ".bar span{display:block;height:100%;background:#333}\n"
    "@page{size:A4;margin:18mm 16mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:10.5pt}"
    "a{color:inherit}"
    ".area{break-before:page}"
    /* the heading over the areas starts their first page, not ends the page before */
    "h2:has(+.area){break-before:page}h2+.area{break-before:avoid}"
    "h1,h2,h3,h4,h5{break-after:avoid}li>ul,li>ol{break-before:avoid}"
    "a[href]::after{content:\" <\" attr(href) \">\"}"
    ".bar,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* The only text of the page cmark does not write: its language and title. */
static void
html_attr(struct buf *out, const char *s)
{
	char *disp = text_display(s, strlen(s), NULL);
	const char *p;

	for (p = disp; *p != '\0'; p++) {
		switch (*p) {
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '&': buf_adds(out, "&amp;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		default: buf_addc(out, *p); break;
		}
	}
	free(disp);
}

/* Give the custom nodes their HTML: areas, the summary, CSS bars. */
static void
html_decorate(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n, *c, **bars = NULL;
	size_t nbars = 0, i;
	intptr_t data;
	char bar[128];

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		data = (intptr_t)cmark_node_get_user_data(n);
		if (cmark_node_get_type(n) == CMARK_NODE_CUSTOM_BLOCK) {
			cmark_node_set_on_enter(n, data == DOC_SUMMARY ? "<div class=\"summary\">" :
			    "<div class=\"area\">");
			cmark_node_set_on_exit(n, "</div>");
		} else if (cmark_node_get_type(n) == CMARK_NODE_CUSTOM_INLINE &&
		    (data & 0xff) == DOC_BAR) {
			/* changing the tree now would end the walk: after it */
			bars = xreallocarray(bars, nbars + 1, sizeof(*bars));
			bars[nbars++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < nbars; i++) {
		/* the bar's text form goes; the numbers beside it stay as text */
		while ((c = cmark_node_first_child(bars[i])) != NULL)
			cmark_node_free(c);
		data = (intptr_t)cmark_node_get_user_data(bars[i]);
		snprintf(bar, sizeof(bar), "<span class=\"bar\" aria-hidden=\"true\">"
		    "<span style=\"width:%d%%\"></span></span>", (int)(data >> 8));
		cmark_node_set_on_enter(bars[i], bar);
		cmark_node_set_on_exit(bars[i], "");
	}
	free(bars);
}

static void
render_html(struct buf *out, cmark_node *doc, const char *lang, const char *title)
{
	char *html;

	html_decorate(doc);
	buf_adds(out, "<!DOCTYPE html>\n<html lang=\"");
	html_attr(out, lang);
	buf_adds(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	html_attr(out, title);
	buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<div role=\"main\">\n", html_style);
	html = cmark_render_html(doc, CMARK_OPT_SAFE);
	buf_adds(out, html);
	md_string_free(html);
	buf_adds(out, "</div>\n</body>\n</html>\n");
}

/*
 * cmark 0.30.2 writes a text that starts a line with "~~~" as it is, and a
 * reader takes it for a code fence (a note's line after a line break can
 * be such a text): its first tilde goes out as "&#126;", which reads back
 * as the tilde and opens no fence.
 */
static void
tilde_fences(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n, *prev, *amp;
	cmark_node_type pt;
	char *rest;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_TEXT ||
		    strncmp(cmark_node_get_literal(n), "~~~", 3) != 0)
			continue;
		prev = cmark_node_previous(n);
		pt = prev != NULL ? cmark_node_get_type(prev) : CMARK_NODE_NONE;
		if (prev != NULL && pt != CMARK_NODE_LINEBREAK && pt != CMARK_NODE_SOFTBREAK)
			continue;	/* not at the start of a line */
		amp = node_new(CMARK_NODE_HTML_INLINE);
		cmark_node_set_literal(amp, "&#126;");
		cmark_node_insert_before(n, amp);
		rest = xstrdup(cmark_node_get_literal(n) + 1);	/* not from the buffer it replaces */
		cmark_node_set_literal(n, rest);
		free(rest);
	}
	cmark_iter_free(it);
}

void
doc_render(struct buf *out, cmark_node *doc, enum report_format format, int width,
    const char *lang, const char *title, const char *links_title)
{
	struct arena *before = enter(doc);	/* the whole rendering changes and reads the tree */
	char *s;

	switch (format) {
	case REPORT_MARKDOWN:
		guidance_expand(doc);
		tilde_fences(doc);
		s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
		buf_adds(out, s);
		md_string_free(s);
		break;
	case REPORT_HTML:
		guidance_expand(doc);
		render_html(out, doc, lang, title);
		break;
	default:
		render_text(out, doc, width < REPORT_MIN_WIDTH ? REPORT_MIN_WIDTH : width,
		    links_title, format == REPORT_PLAIN);
		break;
	}
	md_arena_use(before);
}

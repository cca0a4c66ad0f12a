/* SPDX-License-Identifier: MIT */
/*
 * driver.c: the in-process half of the field's own test suites (see
 * tests/suite-commonmark.sh and tests/suite-yaml.sh). One process runs
 * every case, so that hundreds of cases cost a second, not hundreds of
 * process starts (and run under the sanitizers when the library is built
 * with them).
 *
 *   driver yaml DIR          every DIR/index.tsv case as raw YAML, front
 *                            matter, assessment file and answers file
 *   driver commonmark SPEC   every example of spec.txt through the layout
 *                            at the wizard's widths
 *   driver width             stdin lines: each laid out, then its computed
 *                            width and the text as it would be drawn
 *
 * Prints one "PASS: ..." or "FAIL: ..." line per case (reasons indented
 * below a FAIL), then a summary line "# N cases: ...".
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "content.h"
#include "diag.h"
#include "layout.h"
#include "session.h"
#include "text.h"
#include "util.h"
#include "ytree.h"

static int passed, failed;
static struct buf why;	/* the reasons of the case being run */

static void PRINTFLIKE(1, 2)
problem(const char *fmt, ...)
{
	va_list ap;

	buf_adds(&why, "    ");
	va_start(ap, fmt);
	buf_vprintf(&why, fmt, ap);
	va_end(ap);
	buf_addc(&why, '\n');
}

static void
verdict(const char *suite, const char *name)
{
	if (why.len == 0) {
		printf("PASS: %s %s\n", suite, name);
		passed++;
	} else {
		printf("FAIL: %s %s\n%s", suite, name, why.data);
		failed++;
	}
	buf_reset(&why);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/* --- YAML ------------------------------------------------------------------ */

/* Lines of s and, per line, its length in columns (code points), as text_linecol counts. */
static int
line_columns(const char *s, size_t n, int line)
{
	size_t i = 0;
	int l = 1, c = 0;
	int32_t cp;

	if (n >= 3 && memcmp(s, UTF8_BOM, 3) == 0)
		i = 3;
	for (; i < n; ) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
			if (l == line)
				return c;
			l++;
			c = 0;
			i++;
			continue;
		}
		if (s[i] == '\r') {
			i++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		c++;
	}
	return l == line ? c : -1;
}

static bool
is_error(const char *line, const char *nl)
{
	const char *p;

	for (p = line; p + 9 <= nl; p++)
		if (memcmp(p, ": error: ", 9) == 0)
			return true;
	return false;
}

/*
 * Check what one loader said about file (n bytes): every diagnostic a
 * single line naming file with a line and column inside it; exactly one
 * error when it refused (rc < 0), none when it accepted.
 */
static int
check_diags(const char *file, const char *s, size_t n, const char *out, int rc)
{
	const char *line = out, *nl;
	char prefix[256];
	int errors = 0, l, c, cols;

	snprintf(prefix, sizeof(prefix), "stok-assess: %s:", file);
	for (; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl == NULL) {
			problem("a diagnostic without a newline: %s", line);
			break;
		}
		if (strncmp(line, prefix, strlen(prefix)) != 0 ||
		    sscanf(line + strlen(prefix), "%d:%d:", &l, &c) != 2) {
			problem("not FILE:LINE:COL: %.*s", (int)(nl - line), line);
			continue;
		}
		cols = line_columns(s, n, l);
		if (l < 1 || c < 1 || cols < 0 || c > cols + 1)
			problem("%d:%d is outside the file (%d columns on that line): %.*s", l, c,
			    cols, (int)(nl - line), line);
		if (is_error(line, nl))
			errors++;
		if (text_has_unsafe(line, (size_t)(nl - line)))
			problem("an unsafe character in: %.*s", (int)(nl - line), line);
	}
	if (rc < 0 && errors != 1)
		problem("refused with %d errors, not one:\n%s", errors, out);
	if (rc == 0 && errors != 0)
		problem("accepted with %d errors:\n%s", errors, out);
	return rc;
}

/* Run one loader with its diagnostics captured; returns its status. */
struct capture {
	char	*out;
	size_t	 len;
	FILE	*f;
};

static void
capture_start(struct capture *c)
{
	c->out = NULL;
	c->len = 0;
	c->f = open_memstream(&c->out, &c->len);
	diag_set_stream(c->f);
	diag_reset();
}

static void
capture_end(struct capture *c)
{
	fclose(c->f);
	diag_set_stream(NULL);
}

static void
yaml_case(const char *name, const char *y, size_t n, bool fail, const struct pack *base)
{
	struct capture cap;
	struct ynode *root = NULL;
	struct answer_text t;
	struct session *s;
	struct pack *p;
	struct buf b;
	int rc;
	bool printable;

	/* raw: what the loaders do first, then the reader */
	capture_start(&cap);
	rc = content_check_bytes("raw.yaml", y, n, &printable);
	if (rc == 0)
		rc = ytree_parse("raw.yaml", y, n, printable, 0, n, &root);
	ytree_free(root);
	capture_end(&cap);
	check_diags("raw.yaml", y, n, cap.out, rc);
	if (fail && rc == 0)
		problem("the suite marks it invalid, and the reader accepted it");
	free(cap.out);

	/* as front matter */
	buf_init(&b);
	buf_adds(&b, "---\n");
	buf_add(&b, y, n);
	if (n > 0 && y[n - 1] != '\n')
		buf_addc(&b, '\n');
	buf_adds(&b, "---\nBody.\n");
	capture_start(&cap);
	{
		size_t len = b.len;
		char *buf = buf_detach(&b);

		rc = answer_text_parse(&t, "text.md", buf, len);
		capture_end(&cap);
		check_diags("text.md", buf, len, cap.out, rc);
		answer_text_free(&t);
	}
	free(cap.out);

	/* as an assessment file */
	p = xcalloc(1, sizeof(*p));
	capture_start(&cap);
	rc = assessment_parse(p, "assessment.yaml", y, n);	/* checks the bytes first */
	capture_end(&cap);
	check_diags("assessment.yaml", y, n, cap.out, rc);
	pack_free(p);
	free(cap.out);

	/* as an answers file */
	capture_start(&cap);
	s = session_parse("answers.yaml", y, n, base);
	capture_end(&cap);
	check_diags("answers.yaml", y, n, cap.out, s == NULL ? -1 : 0);
	session_free(s);
	free(cap.out);

	verdict("yaml", name);
}

static int
run_yaml(const char *dir, const char *base_dir)
{
	char *index, *line, *tab, *nl, *path, *y;
	size_t len, n;
	struct pack *base;
	int fails = 0, refused = 0;

	diag_set_stream(fopen("/dev/null", "w"));
	if (pack_load(base_dir, &base) != LOAD_OK) {
		fprintf(stderr, "driver: cannot load %s\n", base_dir);
		return 1;
	}
	diag_set_stream(NULL);
	path = xasprintf("%s/index.tsv", dir);
	index = slurp(path, &len);
	free(path);
	if (index == NULL) {
		fprintf(stderr, "driver: no %s/index.tsv\n", dir);
		return 1;
	}
	for (line = index; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		*nl = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		path = xasprintf("%s/%s", dir, line);
		y = slurp(path, &n);
		free(path);
		if (y == NULL) {
			problem("cannot read the case");
			verdict("yaml", line);
			continue;
		}
		if (strcmp(tab + 1, "fail") == 0)
			fails++;
		yaml_case(line, y, n, strcmp(tab + 1, "fail") == 0, base);
		{
			/* how many of all cases the reader refuses, for the summary */
			struct ynode *root = NULL;
			bool printable;

			diag_mute(true);
			if (content_check_bytes("raw.yaml", y, n, &printable) < 0 ||
			    ytree_parse("raw.yaml", y, n, printable, 0, n, &root) < 0)
				refused++;
			diag_mute(false);
			ytree_free(root);
		}
		free(y);
	}
	free(index);
	pack_free(base);
	printf("# %d YAML cases (%d invalid in the suite): %d passed, %d failed; "
	    "the reader refused %d of them\n", passed + failed, fails, passed, failed, refused);
	return failed > 0;
}

/* --- CommonMark -------------------------------------------------------------- */

/*
 * A line may pass the width only when it holds a link: a URL, a link's
 * text, or a word that looks like an address (the layout never breaks
 * them).
 */

static const int widths[] = { 20, 39, 59, 78, 119 };

/* The output's text without markers (bars, bullets, style marks) or white space. */
static void
flat_text(const struct layout *lo, struct buf *b)
{
	size_t i, j, k;

	for (i = 0; i < lo->nlines; i++)
		for (j = 0; j < lo->lines[i].nspans; j++) {
			const struct lspan *sp = &lo->lines[i].spans[j];

			if (sp->style & LS_MARKER)
				continue;
			for (k = 0; k < sp->len; k++)
				if (sp->text[k] != ' ')
					buf_addc(b, sp->text[k]);
		}
}

static bool
is_link_line(const struct lline *l, const struct linkset *links)
{
	size_t j, k;

	for (j = 0; j < l->nspans; j++) {
		const char *t = l->spans[j].text;

		if ((l->spans[j].style & LS_LINK) || strstr(t, "://") != NULL ||
		    strstr(t, "www.") != NULL || strstr(t, "mailto:") != NULL)
			return true;
		for (k = 0; k < links->n; k++)
			if (strstr(t, links->urls[k]) != NULL)
				return true;
	}
	return false;
}

static void
example_case(int number, const char *md, size_t len)
{
	cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_VALIDATE_UTF8), *node;
	cmark_iter *it;
	struct buf flat, word;
	size_t w, i;
	char name[32];

	buf_init(&flat);
	buf_init(&word);
	for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		struct layout lo;
		struct linkset links;
		int width = widths[w];

		layout_init(&lo);
		linkset_init(&links);
		layout_markdown(&lo, md, len, width, &links);
		for (i = 0; i < links.n; i++) {
			char *ref = xasprintf("[%zu] %s", i + 1, links.urls[i]);
			layout_text(&lo, ref, width, 4, LS_LINK);
			free(ref);
		}
		for (i = 0; i < lo.nlines; i++) {
			const struct lline *l = &lo.lines[i];
			size_t j;
			int sum = 0;

			for (j = 0; j < l->nspans; j++) {
				if (text_has_unsafe(l->spans[j].text, l->spans[j].len))
					problem("width %d, line %zu: an unsafe character in '%s'", width,
					    i + 1, l->spans[j].text);
				if (text_width(l->spans[j].text, l->spans[j].len) != l->spans[j].width)
					problem("width %d, line %zu: span '%s' counted %d columns, is %d",
					    width, i + 1, l->spans[j].text, l->spans[j].width,
					    text_width(l->spans[j].text, l->spans[j].len));
				sum += l->spans[j].width;
			}
			if (sum > width && !is_link_line(l, &links))
				problem("width %d, line %zu: %d columns", width, i + 1, sum);
		}
		/* every word of every text node, every link target */
		buf_reset(&flat);
		flat_text(&lo, &flat);
		it = cmark_iter_new(doc);
		while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
			node = cmark_iter_get_node(it);
			if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
				continue;
			if (cmark_node_get_type(node) == CMARK_NODE_TEXT ||
			    cmark_node_get_type(node) == CMARK_NODE_CODE) {
				const char *s = cmark_node_get_literal(node), *e;

				while (*s != '\0') {
					for (e = s; *e != '\0' && *e != ' ' && *e != '\t'; e++)
						;
					if (e > s) {
						char *disp = text_display(s, (size_t)(e - s), NULL);

						if (strstr(flat.data, disp) == NULL)
							problem("width %d: the word '%s' is missing", width, disp);
						free(disp);
					}
					s = *e != '\0' ? e + 1 : e;
				}
			}
			if ((cmark_node_get_type(node) == CMARK_NODE_LINK ||
			    cmark_node_get_type(node) == CMARK_NODE_IMAGE) &&
			    cmark_node_get_url(node) != NULL && *cmark_node_get_url(node) != '\0') {
				char *u = text_display(cmark_node_get_url(node),
				    strlen(cmark_node_get_url(node)), NULL);
				bool found = false;

				for (i = 0; i < links.n && !found; i++)
					found = strcmp(links.urls[i], u) == 0;
				if (!found)
					problem("width %d: the link target '%s' is not listed", width, u);
				free(u);
			}
		}
		cmark_iter_free(it);
		layout_free(&lo);
		linkset_free(&links);
		if (why.len > 4000)
			break;	/* enough said */
	}
	cmark_node_free(doc);
	buf_free(&flat);
	buf_free(&word);
	snprintf(name, sizeof(name), "example %d", number);
	verdict("commonmark", name);
}

/*
 * The examples of spec.txt: between a line of 32 backquotes and
 * " example" and a line of 32 backquotes, the Markdown up to a line
 * ".", with U+2192 standing for a tab.
 */
static int
run_commonmark(const char *spec)
{
	static const char fence[] = "````````````````````````````````";
	char *text, *line, *nl;
	size_t len;
	struct buf md;
	int number = 0, state = 0;

	if ((text = slurp(spec, &len)) == NULL) {
		fprintf(stderr, "driver: cannot read %s\n", spec);
		return 1;
	}
	buf_init(&md);
	for (line = text; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		size_t n = (size_t)(nl - line);

		if (state == 0 && n == 40 && strncmp(line, fence, 32) == 0 &&
		    strncmp(line + 32, " example", 8) == 0) {
			state = 1;
			buf_reset(&md);
		} else if (state == 1 && n == 1 && line[0] == '.') {
			state = 2;
			example_case(++number, md.data, md.len);
		} else if (state == 1) {
			const char *p;

			for (p = line; p < nl; p++) {
				if ((size_t)(nl - p) >= 3 && memcmp(p, "\xE2\x86\x92", 3) == 0) {
					buf_addc(&md, '\t');	/* → */
					p += 2;
				} else
					buf_addc(&md, *p);
			}
			buf_addc(&md, '\n');
		} else if (state == 2 && n == 32 && strncmp(line, fence, 32) == 0) {
			state = 0;
		}
	}
	buf_free(&md);
	free(text);
	printf("# %d CommonMark examples at widths 20, 39, 59, 78 and 119: %d passed, %d failed\n",
	    number, passed, failed);
	return failed > 0 || number == 0;
}

/* --- widths ------------------------------------------------------------------ */

static int
run_width(void)
{
	char line[4096];

	while (fgets(line, sizeof(line), stdin) != NULL) {
		size_t n = strcspn(line, "\n");
		int w;
		char *disp = text_display(line, n, &w);

		printf("%d\t%s\n", w, disp);
		free(disp);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	buf_init(&why);
	if (argc == 4 && strcmp(argv[1], "yaml") == 0)
		return run_yaml(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "commonmark") == 0)
		return run_commonmark(argv[2]);
	if (argc == 2 && strcmp(argv[1], "width") == 0)
		return run_width();
	fprintf(stderr, "usage: driver yaml DIR BASE-PACK | commonmark SPEC | width\n");
	return 2;
}

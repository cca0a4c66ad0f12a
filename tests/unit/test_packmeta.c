/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the pack's metadata for people and trainers: audience,
 * roles (the pack's own or the built-in five in the pack's language),
 * discussion prompts, the answer texts' 'reviewed' dates and calendar
 * dates in general; and of the links module: link positions (also in
 * every example of the CommonMark spec, when installed), home pages,
 * the links register and its lookups; and the id and language that
 * packs_peek_ids reads off an assessment file's lines, against its parse.
 * Run from the top of the source tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "content.h"
#include "diag.h"
#include "links.h"
#include "packs.h"

static FILE *devnull;

static int
quiet(void **state)
{
	(void)state;
	devnull = fopen("/dev/null", "w");
	diag_set_stream(devnull);
	return 0;
}

static int
loud(void **state)
{
	(void)state;
	diag_set_stream(NULL);
	fclose(devnull);
	return 0;
}

static const char head[] =
    "id: p\ntitle: P\nlanguage: %s\nversion: 1\n%s"
    "areas:\n  - id: a\n    title: A\n    questions:\n"
    "      - id: 1\n        text: Q\n%s        choices: [1, 2]\n";

/* A pack parsed from an assessment file made of head; NULL when it fails. */
static struct pack *
parse(const char *lang, const char *top, const char *question)
{
	struct pack *p = calloc(1, sizeof(*p));
	char buf[4096];
	int n = snprintf(buf, sizeof(buf), head, lang, top, question);

	assert_true(n > 0 && (size_t)n < sizeof(buf));
	if (assessment_parse(p, "a.yaml", buf, (size_t)n) < 0) {
		pack_free(p);
		return NULL;
	}
	return p;
}

static void
test_default_roles(void **state)
{
	static const char *const ids[] = { "board", "manager", "staff", "volunteer", "member" };
	struct pack *tr = parse("tr", "", ""), *fi = parse("fi", "", ""), *xx = parse("xx", "", "");
	const struct pack_role *r;
	size_t n, i;

	(void)state;
	assert_non_null(tr);
	r = pack_roles(tr, &n);
	assert_int_equal(n, 5);
	assert_true(tr->roles_builtin);
	for (i = 0; i < n; i++)
		assert_string_equal(r[i].id, ids[i]);
	assert_string_equal(r[0].title, "Yönetim kurulu üyesi");
	assert_string_equal(pack_role(tr, "volunteer")->title, "Gönüllü");
	assert_string_equal(pack_roles(fi, &n)[4].title, "Jäsen");
	/* a language with no words of its own: English */
	assert_string_equal(pack_roles(xx, &n)[1].title, "Manager");
	assert_null(pack_role(tr, "chair"));
	assert_null(pack_role(tr, NULL));
	assert_null(tr->audience);
	pack_free(tr);
	pack_free(fi);
	pack_free(xx);
}

static void
test_own_roles(void **state)
{
	struct pack *p = parse("tr", "audience: kamu kurumları\nroles:\n"
	    "  - {id: senior, title: Üst yönetici}\n  - id: liaison\n    title: İrtibat kişisi\n",
	    "        prompt: |-\n          Salona sorun.\n          İkinci satır.\n");
	const struct pack_role *r;
	size_t n;

	(void)state;
	assert_non_null(p);
	r = pack_roles(p, &n);
	assert_int_equal(n, 2);
	assert_false(p->roles_builtin);
	assert_string_equal(r[0].id, "senior");
	assert_string_equal(r[1].title, "İrtibat kişisi");
	assert_ptr_equal(pack_role(p, "liaison"), &r[1]);
	assert_null(pack_role(p, "board"));	/* the built-in ones are gone */
	assert_string_equal(p->audience, "kamu kurumları");
	assert_string_equal(p->questions[0].prompt, "Salona sorun.\nİkinci satır.");
	pack_free(p);
}

static void
test_bad_roles(void **state)
{
	static const char *const bad[] = {
		"roles: []\n",
		"roles:\n  - {id: a, title: A}\n  - {id: a, title: B}\n",
		"roles:\n  - {id: Board, title: A}\n",
		"roles:\n  - {id: a}\n",
		"roles:\n  - {title: A}\n",
		"roles: {id: a, title: A}\n",
		"audience: [a]\n",
		"audience: \"a\\nb\"\n",
	};
	char many[2048] = "roles:\n";
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_null(parse("tr", bad[i], ""));
	for (i = 0; i <= CONTENT_MAX_ROLES; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many),
		    "  - {id: r%zu, title: R}\n", i);
	assert_null(parse("tr", many, ""));
	assert_null(parse("tr", "", "        prompt: [a]\n"));
	assert_null(parse("tr", "", "        prompt: \"\\e[31m\"\n"));
}

static void
test_dates(void **state)
{
	static const char *const good[] = {
		"2026-12-02", "2024-02-29", "2000-02-29", "1900-01-01", "9999-12-31",
	};
	static const char *const bad[] = {
		"", "2026-2-1", "2026-02-1", "26-02-01", "2026/02/01", "2025-02-29",
		"1900-02-29", "2100-02-29", "2026-00-10", "2026-13-01", "2026-04-31",
		"2026-01-00", "1899-12-31", "2026-01-01 ", " 2026-01-01", "+026-01-01",
		"2026-01-0\xD9\xA3",
	};
	size_t i;
	int d = 0;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(content_parse_date(good[i], strlen(good[i]), &d));
	assert_true(content_parse_date("2024-02-29", 10, &d));
	assert_int_equal(d, 20240229);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (content_parse_date(bad[i], strlen(bad[i]), &d))
			fail_msg("'%s' was taken for a date", bad[i]);
	d = content_today();
	assert_true(d > 20260000 && d < 99991232);
}

/* Parse an answer text from a literal; the text keeps the buffer. */
static int
text(struct answer_text *t, const char *src)
{
	size_t n = strlen(src);
	char *buf = malloc(n + 1);

	memcpy(buf, src, n + 1);
	return answer_text_parse(t, "t.md", buf, n);
}

static void
test_reviewed(void **state)
{
	struct answer_text t;

	(void)state;
	assert_int_equal(text(&t, "---\ntitle: T\nquestion_id: 1\nchoice_id: 1\n"
	    "reviewed: 2026-03-01\n---\nBody.\n"), 0);
	assert_int_equal(t.reviewed, 20260301);
	assert_int_equal(t.reviewed_line, 5);
	assert_int_equal(t.reviewed_col, 11);
	answer_text_free(&t);
	assert_int_equal(text(&t, "---\ntitle: T\nquestion_id: 1\nchoice_id: 1\n---\nBody.\n"), 0);
	assert_int_equal(t.reviewed, 0);
	assert_int_equal(t.reviewed_line, 2);	/* the front matter, for check --stale */
	assert_int_equal(t.reviewed_col, 1);
	answer_text_free(&t);
	assert_int_equal(text(&t, "---\ntitle: T\nquestion_id: 1\nchoice_id: 1\n"
	    "reviewed: 2026-02-29\n---\nBody.\n"), -1);
	answer_text_free(&t);
	assert_int_equal(text(&t, "---\ntitle: T\nquestion_id: 1\nchoice_id: 1\n"
	    "reviewed: \"2026-02-28\"\n---\nBody.\n"), 0);
	assert_int_equal(t.reviewed, 20260228);
	answer_text_free(&t);
}

static void
test_link_positions(void **state)
{
	struct answer_text t;
	struct link_uses u;

	(void)state;
	assert_int_equal(text(&t, "---\ntitle: T\nquestion_id: 1\nchoice_id: 1\n---\n"
	    "Şöyle [bir](https://a.example/x) ve\n"
	    "\t[iki](https://b.example/)\n"
	    "   üç ![resim](https://c.example/r.png) <https://d.example/>\n"), 0);
	link_uses_init(&u);
	links_collect(&u, &t);
	assert_int_equal(u.n, 4);
	assert_string_equal(u.v[0].url, "https://a.example/x");
	assert_string_equal(u.v[0].label, "bir");
	assert_int_equal(u.v[0].line, 6);
	assert_int_equal(u.v[0].col, 7);
	assert_int_equal(u.v[1].line, 7);
	assert_int_equal(u.v[1].col, 2);	/* after the tab */
	assert_string_equal(u.v[2].url, "https://c.example/r.png");
	assert_int_equal(u.v[2].line, 8);
	assert_int_equal(u.v[2].col, 7);	/* the "!" */
	assert_int_equal(u.v[3].col, 41);
	assert_ptr_equal(u.v[3].text, &t);
	link_uses_free(&u);
	answer_text_free(&t);
}

/* The byte at 1-based line and column (code points) of s, or 0. */
static char
byte_at(const char *s, int line, int col)
{
	int l = 1, c = 1;

	for (; *s != '\0' && l < line; s++)
		if (*s == '\n')
			l++;
	while (*s != '\0' && *s != '\n' && c < col) {
		s++;
		while (((unsigned char)*s & 0xC0) == 0x80)
			s++;
		c++;
	}
	return *s;
}

/*
 * Every link of every example of the CommonMark spec (from npm's
 * commonmark-spec, when "make deps" has installed it), as it is, inside a
 * list item and with CRLF line endings: the position given must be that
 * of an opening character, '[', '<' or '!'.
 */
static void
test_spec_link_positions(void **state)
{
	static const char fence[] = "```````````````````````````````` example\n";
	FILE *f = fopen("node_modules/commonmark-spec/spec.txt", "r");
	struct buf spec, ex, doc;
	char line[4096];
	int examples = 0, links = 0, variant;
	bool in = false;

	(void)state;
	if (f == NULL)
		skip();	/* make deps installs it */
	buf_init(&spec);
	while (fgets(line, sizeof(line), f) != NULL)
		buf_adds(&spec, line);
	fclose(f);
	buf_init(&ex);
	buf_init(&doc);
	for (char *p = spec.data, *nl; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		if (!in) {
			in = strncmp(p, fence, sizeof(fence) - 1) == 0;
			buf_reset(&ex);
			continue;
		}
		if (strncmp(p, ".\n", 2) != 0) {
			for (char *q = p; q <= nl; q++) {	/* the spec shows tabs as U+2192 */
				if (strncmp(q, "\xE2\x86\x92", 3) == 0) {
					buf_addc(&ex, '\t');
					q += 2;
				} else {
					buf_addc(&ex, *q);
				}
			}
			continue;
		}
		in = false;
		examples++;
		for (variant = 0; variant < 3; variant++) {
			struct answer_text t;
			struct link_uses u;
			size_t i;

			buf_reset(&doc);
			buf_adds(&doc, "---\ntitle: T\nquestion_id: 1\nchoice_id: 1\n---\n");
			for (i = 0; i < ex.len; i++) {
				if (variant == 2 && ex.data[i] == '\n')
					buf_addc(&doc, '\r');
				if (variant == 1 && i == 0)
					buf_adds(&doc, "- ");
				buf_addc(&doc, ex.data[i]);
				if (variant == 1 && ex.data[i] == '\n' && i + 1 < ex.len)
					buf_adds(&doc, "  ");
			}
			if (text(&t, doc.data) < 0) {
				answer_text_free(&t);
				continue;	/* such as a NUL: refused before cmark */
			}
			link_uses_init(&u);
			links_collect(&u, &t);
			for (i = 0; i < u.n; i++) {
				char c = byte_at(t.buf, u.v[i].line, u.v[i].col);
				links++;
				if (c != '[' && c != '<' && c != '!')
					fail_msg("spec example %d (variant %d): %s at %d:%d is at '%c'",
					    examples, variant, u.v[i].url, u.v[i].line, u.v[i].col, c);
			}
			link_uses_free(&u);
			answer_text_free(&t);
		}
	}
	assert_true(examples > 600);
	assert_true(links > 300);
	buf_free(&spec);
	buf_free(&ex);
	buf_free(&doc);
}

static void
test_home_pages(void **state)
{
	static const char *const home[] = {
		"https://www.stgm.org.tr", "https://www.stgm.org.tr/", "http://a.example#top",
		"https://a.example:8080/",
	};
	static const char *const deep[] = {
		"https://www.stgm.org.tr/tr/kutuphane", "https://a.example/?p=1",
		"https://a.example/index.html", "ftp://a.example/", "a.example", "https://",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(home) / sizeof(home[0]); i++)
		if (!link_is_home_page(home[i]))
			fail_msg("%s is a home page", home[i]);
	for (i = 0; i < sizeof(deep) / sizeof(deep[0]); i++)
		if (link_is_home_page(deep[i]))
			fail_msg("%s is not a home page", deep[i]);
	assert_false(link_url_ok("https://a.example/\xE2\x80\xAEx"));
	assert_false(link_url_ok("https://a.example/a b"));
	assert_true(link_url_ok("https://a.example/ç"));
}

static void
test_register(void **state)
{
	char dir[] = "/tmp/packmeta.XXXXXX", path[64];
	struct link_register r;
	struct diag_counts before;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(link_register_load(&r, dir), REGISTER_NONE);
	link_register_free(&r);
	snprintf(path, sizeof(path), "%s/links.tsv", dir);
	f = fopen(path, "w");
	fputs("# url\ttitle\tpublisher\tlanguage\tchecked\tconfirmed\n"
	    "https://b.example/\tB\tPB\ten\t2026-11-30\tpage\n"
	    "\n"
	    "https://a.example/\tA\tPA\ttr\t2026-11-29\tsite\n"
	    "https://b.example/\tB again\tPB\ten\t2026-11-30\tpage\n", f);
	fclose(f);
	before = diag_counts();
	assert_int_equal(link_register_load(&r, dir), REGISTER_READ);
	assert_int_equal(diag_counts().errors, before.errors + 1);	/* b twice */
	assert_int_equal(r.n, 3);
	assert_int_equal(r.rows[1].line, 4);
	assert_int_equal(r.rows[1].checked, 20261129);
	assert_string_equal(r.rows[1].confirmed, "site");
	assert_ptr_equal(link_register_find(&r, "https://a.example/"), &r.rows[1]);
	assert_ptr_equal(link_register_find(&r, "https://b.example/"), &r.rows[0]);
	assert_null(link_register_find(&r, "https://c.example/"));
	link_register_free(&r);
	unlink(path);
	rmdir(dir);
}

/*
 * What packs_peek_ids reads, against the parse: each case's file is the
 * base pack's assessment file with its first two lines ("id: deneme" and
 * "title: ...") replaced, or a whole file. peeked NULL: peek declines.
 */
static void
test_peek_ids(void **state)
{
	static const char rest[] = "version: 1\nareas:\n  - id: a\n    title: A\n"
	    "    questions:\n      - id: 1\n        text: Q?\n        choices: [1, 2]\n";
	static const struct {
		const char	*head;		/* before rest, or the whole file when rest is not wanted */
		bool		 whole;
		const char	*id, *language;	/* what peek says, NULL when it declines */
	} cases[] = {
		{ "id: deneme\ntitle: T\nlanguage: tr\n", false, "deneme", "tr" },
		{ "\xEF\xBB\xBF# c\n---\nid: deneme  # the id\ntitle: T\nlanguage:\ttr\r\n", false,
		    "deneme", "tr" },
		{ "id: \"deneme\"\ntitle: T\nlanguage: 'tr'\n", false, "deneme", "tr" },
		{ "language: tr\ntitle: T\nid: a-b_c9\n", false, "a-b_c9", "tr" },
		/* declined: escapes, values on the next line, flow style, odd lines */
		{ "id: \"den\\u0065me\"\ntitle: T\nlanguage: tr\n", false, NULL, NULL },
		{ "id: 'den''eme'\ntitle: T\nlanguage: tr\n", false, NULL, NULL },
		{ "id:\n  deneme\ntitle: T\nlanguage: tr\n", false, NULL, NULL },
		{ "id: deneme\ntitle: T\nlanguage: tr#x\n", false, NULL, NULL },
		{ "%YAML 1.1\n---\nid: deneme\ntitle: T\nlanguage: tr\n", false, NULL, NULL },
		{ "id: deneme\ntitle: T\n\"language\": tr\n", false, NULL, NULL },
		/* a flow mapping whose nested "id:" stands at the left edge */
		{ "{ title: T, version: 1, areas: [ { title: A,\nid: a\n, questions: [ { id: 1, "
		    "text: Q?, choices: [1, 2] } ] } ],\n id: deneme, language: tr }\n", true,
		    NULL, NULL },
		/* no language, and an id twice (which the parse refuses too) */
		{ "id: deneme\ntitle: T\n", false, NULL, NULL },
		{ "id: deneme\nid: deneme\ntitle: T\nlanguage: tr\n", false, NULL, NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *buf = cases[i].whole ? strdup(cases[i].head) :
		    xasprintf("%s%s", cases[i].head, rest), *id = NULL, *language = NULL;
		struct pack *p = calloc(1, sizeof(*p));
		bool peeked = packs_peek_ids(buf, strlen(buf), &id, &language);
		int parsed = assessment_parse(p, "t.yaml", buf, strlen(buf));

		if (cases[i].id == NULL) {
			if (peeked)
				fail_msg("case %zu: peeked %s/%s", i, id, language);
		} else {
			if (!peeked)
				fail_msg("case %zu: not peeked", i);
			assert_string_equal(id, cases[i].id);
			assert_string_equal(language, cases[i].language);
		}
		/* whatever parses and peeks, peeks as it parses */
		if (peeked && parsed == 0) {
			assert_string_equal(id, p->id);
			assert_string_equal(language, p->language);
		}
		if (cases[i].whole && parsed != 0)
			fail_msg("case %zu: the flow-style file no longer parses", i);
		free(id);
		free(language);
		pack_free(p);
		free(buf);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_roles),
		cmocka_unit_test(test_own_roles),
		cmocka_unit_test(test_bad_roles),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_reviewed),
		cmocka_unit_test(test_link_positions),
		cmocka_unit_test(test_spec_link_positions),
		cmocka_unit_test(test_home_pages),
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_peek_ids),
	};

	return cmocka_run_group_tests_name("packmeta", tests, quiet, loud);
}

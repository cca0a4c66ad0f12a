/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the report module: export file names, and the document's
 * Markdown (what cmark writes must read back as the very text put in,
 * with no escape a reader would see).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "report.h"

static char *
name_of(const char *org, const char *date, const char *ext)
{
	struct pack p;
	struct session s;

	memset(&p, 0, sizeof(p));
	memset(&s, 0, sizeof(s));
	p.id = (char *)"kapasite";
	s.organisation = (char *)org;
	s.date = (char *)date;
	return report_file_name(&p, &s, ext);
}

static void
check_name(const char *org, const char *date, const char *ext, const char *want)
{
	char *got = name_of(org, date, ext);

	assert_string_equal(got, want);
	free(got);
}

static void
test_file_names(void **state)
{
	(void)state;
	check_name("Yeşil Işık Derneği", "2026-12-02", "html", "yesil-isik-dernegi-2026-12-02.html");
	check_name("ÇAĞDAŞ Öğrenci Ünyonu", NULL, "md", "cagdas-ogrenci-unyonu.md");
	check_name("İZMİR Gönüllüleri", NULL, "txt", "izmir-gonulluleri.txt");
	check_name("Kylärannan Åbo ry", "2026-01-05", "txt", "kylarannan-abo-ry-2026-01-05.txt");
	check_name("Straße & Søn", NULL, "txt", "strasse-son.txt");
	/* decomposed letters (a + U+0308) give the same name */
	check_name("Ka\xCC\x88ra\xCC\x88ja\xCC\x88t", NULL, "txt", "karajat.txt");
	/* never a path, never empty */
	check_name("../../etc/passwd", NULL, "txt", "etc-passwd.txt");
	check_name("!!!", "2026-12-02", "txt", "kapasite-2026-12-02.txt");
	check_name(NULL, NULL, "html", "kapasite.html");
	check_name("\xE2\x80\xAE\x1b[31m", NULL, "txt", "31m.txt");
}

/* The literal text of a paragraph, its line breaks as newlines. */
static char *
para_text(cmark_node *para)
{
	cmark_iter *it = cmark_iter_new(para);
	cmark_event_type ev;
	cmark_node *n;
	struct buf b;

	buf_init(&b);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_TEXT)
			buf_adds(&b, cmark_node_get_literal(n));
		else if (cmark_node_get_type(n) == CMARK_NODE_LINEBREAK)
			buf_addc(&b, '\n');
	}
	cmark_iter_free(it);
	return buf_detach(&b);
}

static void
test_markdown_round_trip(void **state)
{
	static const char *const notes[] = {
		"Gönüllü listesi şu an yalnızca koordinatörün telefonunda; ığüşöçİ.",
		"Äänestimme: öljyä, åländska.",
		"*yıldız* _alt_ #etiket <b>kalın değil</b> [bağlantı](x) `kod` \\ ters",
		"1. madde değil\n- tire değil\n> alıntı değil\n# başlık değil",
		"+ artı, = eşit, ! ünlem, &amp; varlık, 2026-12-02 (salı)",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(notes) / sizeof(notes[0]); i++) {
		cmark_node *doc = doc_new(), *back;
		struct buf out;
		char *got;

		doc_text(doc_para(doc), notes[i]);
		buf_init(&out);
		doc_render(&out, doc, REPORT_MARKDOWN, 78, "tr", "t", NULL);
		back = cmark_parse_document(out.data, out.len, CMARK_OPT_DEFAULT);
		assert_non_null(cmark_node_first_child(back));
		assert_int_equal(cmark_node_get_type(cmark_node_first_child(back)),
		    CMARK_NODE_PARAGRAPH);
		assert_null(cmark_node_next(cmark_node_first_child(back)));
		got = para_text(cmark_node_first_child(back));
		assert_string_equal(got, notes[i]);
		free(got);
		cmark_node_free(back);
		doc_free(doc);
		buf_free(&out);
	}
}

static void
test_markdown_not_over_escaped(void **state)
{
	cmark_node *doc = doc_new();
	struct buf out;

	(void)state;
	doc_text(doc_para(doc), "Kısa bir not yazın. Tarih 2026-12-02 (salı), yüzde 40.");
	buf_init(&out);
	doc_render(&out, doc, REPORT_MARKDOWN, 78, "tr", "t", NULL);
	assert_string_equal(out.data, "Kısa bir not yazın. Tarih 2026-12-02 (salı), yüzde 40.\n");
	buf_free(&out);
	doc_free(doc);
}

/*
 * The text report lays out the guidance's own nodes: two lists side by
 * side are one blank line apart (written out and read again, cmark put an
 * HTML comment between them, which showed as a second blank line), and
 * a paragraph that is a table is shown as its rows.
 */
static void
test_text_layout(void **state)
{
	static const char md[] = "10) foo\n   - bar\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
	cmark_node *doc = doc_new();
	struct buf out;

	(void)state;
	doc_guidance(doc, md, sizeof(md) - 1);
	buf_init(&out);
	doc_render(&out, doc, REPORT_TEXT, 78, "en", "t", "Links");
	assert_non_null(strstr(out.data, "10. foo\n\n\xE2\x80\xA2 bar\n"));
	assert_null(strstr(out.data, "\n\n\n"));
	assert_non_null(strstr(out.data, "| a | b |\n"));
	assert_non_null(strstr(out.data, "| 1 | 2 |"));
	buf_free(&out);
	doc_free(doc);
}

/*
 * A note is the user's text, shown as typed in the text and plain
 * reports too: a '|' in one of its lines does not make it Markdown to be
 * read again (its '_' came out as "\_", and a "~~~" line after it
 * opened a code block that swallowed the lines below).
 */
static void
test_note_literal(void **state)
{
	static const char *const notes[] = {
		"| ad | e_posta |\n|---|---|\n| Ay\xC5\x9F" "e | ayse_k@x.org |",
		"| 1 | 2 |\n~~~\nsonra_gelen *metin* &amp;",
	};
	/* a quote's bar is only a picture: for a listener, an indent */
	static const char *const want[][2] = {
		{ "> Not: | ad | e_posta |\n> |---|---|\n> | Ay\xC5\x9F" "e | ayse_k@x.org |\n",
		  "  Not: | ad | e_posta |\n  |---|---|\n  | Ay\xC5\x9F" "e | ayse_k@x.org |\n" },
		{ "> Not: | 1 | 2 |\n> ~~~\n> sonra_gelen *metin* &amp;\n",
		  "  Not: | 1 | 2 |\n  ~~~\n  sonra_gelen *metin* &amp;\n" },
	};
	static const enum report_format formats[] = { REPORT_TEXT, REPORT_PLAIN };
	cmark_node *doc, *para;
	struct buf out;
	size_t i, f;

	(void)state;
	for (f = 0; f < 2; f++) {
		for (i = 0; i < 2; i++) {
			doc = doc_new();
			para = doc_para(doc_quote(doc));
			doc_strong(para, "Not:");
			doc_text(para, " ");
			doc_text(para, notes[i]);
			buf_init(&out);
			doc_render(&out, doc, formats[f], 78, "tr", "t", "Links");
			assert_string_equal(out.data, want[i][f]);
			buf_free(&out);
			doc_free(doc);
		}
	}
}

/*
 * A table in guidance is shown as its rows as they are written, as the
 * wizard shows them: not as cmark writes them out again ("e\_posta").
 */
static void
test_guidance_table(void **state)
{
	static const char md[] = "| ad | e_posta |\n|---|---|\n| Ay\xC5\x9F" "e | *ayse_k@x.org* & |\n";
	cmark_node *doc = doc_new();
	struct buf out;

	(void)state;
	doc_guidance(doc, md, sizeof(md) - 1);
	buf_init(&out);
	doc_render(&out, doc, REPORT_TEXT, 78, "tr", "t", "Links");
	assert_string_equal(out.data, md);
	buf_free(&out);
	doc_free(doc);
}

/*
 * Guidance given by doc_guidance is parsed only when rendered: in every
 * format the document reads as one built with doc_markdown (but for
 * tables, which only doc_guidance's text shows as rows: test_guidance_table),
 * and the text report written through a spilling buffer (out in pieces,
 * as it goes to standard output) has the same bytes as one held whole.
 */
static cmark_node *
guidance_doc(bool deferred, const char *const *bodies, size_t n)
{
	cmark_node *doc = doc_new(), *sec;
	size_t i;

	doc_heading(doc, 1, "Report");
	for (i = 0; i < n; i++) {
		sec = doc_block(doc, DOC_SECTION);
		doc_heading(sec, 3, "Area");
		doc_text(doc_para(sec), "Answer:");
		if (deferred)
			doc_guidance(sec, bodies[i], strlen(bodies[i]));
		else
			doc_markdown(sec, bodies[i], strlen(bodies[i]));
		doc_text(doc_para(doc), "after");
	}
	return doc;
}

/*
 * Many more texts than the text rendering parses ahead of the layout
 * (report_doc.c, AHEAD): the same bytes as the guidance parsed in place,
 * each text in its place, links numbered in order.
 */
static void
test_guidance_many(void **state)
{
	enum { N = 200 };
	char *bodies[N];
	struct buf want, got;
	cmark_node *a, *b;
	size_t i;

	(void)state;
	for (i = 0; i < N; i++)
		bodies[i] = xasprintf("Text %zu: see [page %zu](https://example.org/%zu).\n\n"
		    "%s\n", i, i, i % 13, i % 3 == 0 ? "- one\n- two\n" : "A second paragraph.");
	a = guidance_doc(false, (const char *const *)bodies, N);
	b = guidance_doc(true, (const char *const *)bodies, N);
	buf_init(&want);
	buf_init(&got);
	doc_render(&want, a, REPORT_TEXT, 60, "en", "t", "Links");
	doc_render(&got, b, REPORT_TEXT, 60, "en", "t", "Links");
	assert_string_equal(got.data, want.data);
	assert_non_null(strstr(got.data, "Text 199: see page 199"));
	assert_true(strstr(got.data, "Text 16:") < strstr(got.data, "Text 17:"));
	buf_free(&want);
	buf_free(&got);
	doc_free(a);
	doc_free(b);
	for (i = 0; i < N; i++)
		free(bodies[i]);
}

static void
test_guidance_deferred(void **state)
{
	static const char *const small[] = {
		"# Heading\n\nSee [the guide](https://example.org/a) and <b>raw</b>.\n",
		"",
		"- one\n- [two](https://example.org/b)\n",
		"Plain words, \x1b[31m not a colour.\n",
	};
	const char *bodies[5];
	struct buf big, want, got;
	cmark_node *a, *b;
	FILE *f;
	size_t i;
	int fmt;

	(void)state;
	buf_init(&big);
	for (i = 0; i < 900; i++)
		buf_printf(&big, "Paragraph %zu of [a long text](https://example.org/%zu) that wraps "
		    "over a line or two at any width the report is laid out at.\n\n", i, i % 7);
	for (i = 0; i < 4; i++)
		bodies[i] = small[i];
	bodies[4] = big.data;	/* over BUF_SPILL when laid out */
	for (fmt = REPORT_TEXT; fmt <= REPORT_HTML; fmt++) {
		a = guidance_doc(false, bodies, 5);
		b = guidance_doc(true, bodies, 5);
		buf_init(&want);
		buf_init(&got);
		doc_render(&want, a, (enum report_format)fmt, 60, "en", "t", "Links");
		doc_render(&got, b, (enum report_format)fmt, 60, "en", "t", "Links");
		assert_string_equal(got.data, want.data);
		if (fmt == REPORT_TEXT) {
			assert_true(want.len > BUF_SPILL);
			doc_free(b);
			b = guidance_doc(true, bodies, 5);
			f = tmpfile();
			assert_non_null(f);
			buf_reset(&got);
			got.spill = f;
			doc_render(&got, b, REPORT_TEXT, 60, "en", "t", "Links");
			assert_true(got.len < want.len);	/* it did spill */
			assert_int_equal(fwrite(got.data, 1, got.len, f), got.len);
			assert_int_equal(ftell(f), (long)want.len);
			rewind(f);
			buf_reset(&got);
			buf_grow(&got, want.len);
			assert_int_equal(fread(got.data, 1, want.len, f), want.len);
			assert_memory_equal(got.data, want.data, want.len);
			fclose(f);
		}
		buf_free(&want);
		buf_free(&got);
		doc_free(a);
		doc_free(b);
	}
	buf_free(&big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_names),
		cmocka_unit_test(test_markdown_round_trip),
		cmocka_unit_test(test_markdown_not_over_escaped),
		cmocka_unit_test(test_text_layout),
		cmocka_unit_test(test_note_literal),
		cmocka_unit_test(test_guidance_table),
		cmocka_unit_test(test_guidance_deferred),
		cmocka_unit_test(test_guidance_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

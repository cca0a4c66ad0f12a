/* SPDX-License-Identifier: MIT */
/* Unit tests of the layout engine: widths, wrapping, links, escapes, depth. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "layout.h"
#include "text.h"

/* Render md at width; return the text (caller frees) and the links. */
static char *
render(const char *md, int width, struct linkset *links)
{
	struct layout lo;
	struct buf b;

	layout_init(&lo);
	layout_markdown(&lo, md, strlen(md), width, links);
	buf_init(&b);
	layout_to_text(&lo, &b);
	layout_free(&lo);
	return buf_detach(&b);
}

static void
assert_lines_fit(const char *text, int width)
{
	const char *line = text, *nl;

	while ((nl = strchr(line, '\n')) != NULL) {
		int w = text_width(line, (size_t)(nl - line));
		if (w > width)
			fail_msg("line '%.*s' is %d columns wide, over %d", (int)(nl - line), line, w, width);
		line = nl + 1;
	}
}

static void
test_widths(void **state)
{
	(void)state;
	assert_int_equal(text_width("İıŞşĞğ", strlen("İıŞşĞğ")), 6);
	assert_int_equal(text_width("äöå", strlen("äöå")), 3);
	assert_int_equal(text_width("a\xCC\x88", 3), 1);		/* a + combining diaeresis */
	assert_int_equal(text_width("中文", strlen("中文")), 4);
	assert_int_equal(text_width("\x1b", 1), 2);			/* shown as ^[ */
}

static void
test_wrap_turkish(void **state)
{
	struct linkset links;
	char *out;

	(void)state;
	linkset_init(&links);
	out = render("Gönüllülerle iş birliği yapmak için ilk adım, hangi işlerde "
	    "gönüllülere ihtiyaç duyduğunuzu yazmaktır.", 20, &links);
	assert_string_equal(out,
	    "Gönüllülerle iş\nbirliği yapmak için\nilk adım, hangi\nişlerde gönüllülere\n"
	    "ihtiyaç duyduğunuzu\nyazmaktır.\n");
	free(out);
	/* a decomposed ä wraps like a composed one, and comes out composed */
	out = render("ää ää ää", 5, &links);
	assert_string_equal(out, "ää ää\nää\n");
	free(out);
	out = render("a\xCC\x88\xC3\xA4 \xC3\xA4\xC3\xA4 \xC3\xA4\xC3\xA4", 5, &links);
	assert_string_equal(out, "ää ää\nää\n");
	free(out);
	linkset_free(&links);
}

static void
test_links(void **state)
{
	struct linkset links;
	char *out;

	(void)state;
	linkset_init(&links);
	out = render("[<u>Gönüllü Yönetimi</u>](https://www.stgm.org.tr/node/20247) ve "
	    "[STOK](https://www.stgm.org.tr/stok-ogrenme-platformu), yine "
	    "[Gönüllü](https://www.stgm.org.tr/node/20247).", 78, &links);
	assert_string_equal(out, "Gönüllü Yönetimi [1] ve STOK [2], yine Gönüllü [1].\n");
	assert_int_equal(links.n, 2);
	assert_string_equal(links.urls[1], "https://www.stgm.org.tr/stok-ogrenme-platformu");
	assert_null(strstr(out, "<u>"));
	free(out);
	linkset_free(&links);
}

static void
test_hostile(void **state)
{
	struct linkset links;
	const char *p, *nl;
	char *out;

	(void)state;
	linkset_init(&links);
	out = render("a &#27;]0;title&#7; b &#x9b;2J c \x1b[31m d \xE2\x80\xAE e \xC2\x85 f\x7f "
	    "[x](http://h/\x1b]52;c;AAAA\x07) <script>alert(1)</script>\n\n"
	    "<div>\x1b[2J</div>\n", 30, &links);
	for (p = out; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 && *p != '\n')
			fail_msg("control byte 0x%02x in output", *p);
	for (p = out; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		assert_false(text_has_unsafe(p, (size_t)(nl - p)));	/* no C1, no bidi */
	assert_non_null(strstr(out, "^[]0;title^G"));
	assert_non_null(strstr(out, "<U+009B>2J"));
	assert_non_null(strstr(out, "<U+202E>"));
	assert_null(strstr(out, "<script>"));
	assert_null(strstr(out, "<div>"));
	assert_false(text_has_unsafe(links.urls[0], strlen(links.urls[0])));
	free(out);
	linkset_free(&links);
}

static void
test_lists_and_depth(void **state)
{
	struct linkset links;
	char *out, *deep;
	int w;

	(void)state;
	linkset_init(&links);
	out = render("- bir\n- iki\n  1. üç\n  2. dört\n\n> alıntı\n", 40, &links);
	assert_string_equal(out, "\xE2\x80\xA2 bir\n\xE2\x80\xA2 iki\n  1. üç\n  2. dört\n\n> alıntı\n");
	free(out);
	/* 100,000 nested quotes: no stack overflow, and the text still fits */
	deep = malloc(100000 + 8);
	memset(deep, '>', 100000);
	strcpy(deep + 100000, " derin");
	out = render(deep, 20, &links);
	assert_non_null(strstr(out, "derin"));
	assert_lines_fit(out, 20);
	free(out);
	free(deep);
	/* nested lists at every width from 1 to 60 stay within the width */
	for (w = 1; w <= 60; w++) {
		out = render("- a\n  - b\n    - c\n      - d\n        - e\n          - f\n"
		    "            - g\n              - h i j k l m n o p q r s t u v\n", w, &links);
		if (w >= 20)
			assert_non_null(strstr(out, "\xE2\x80\xA2 h"));
		assert_lines_fit(out, w < 2 ? 2 : w);
		free(out);
	}
	linkset_free(&links);
}

#define URL "https://www.gapcatom.org/wp-content/uploads/2014/09/STK_Yonetimi_Bolum_2.pdf"

/* Render md, then its links as the report and the guidance pane list them. */
static char *
render_links(const char *md, int width)
{
	struct layout lo;
	struct linkset links;
	struct buf b;
	size_t i;

	layout_init(&lo);
	linkset_init(&links);
	layout_markdown(&lo, md, strlen(md), width, &links);
	for (i = 0; i < links.n; i++) {
		buf_init(&b);
		buf_printf(&b, "[%zu] %s", i + 1, links.urls[i]);
		layout_text(&lo, b.data, width, 4, LS_LINK);
		buf_free(&b);
	}
	buf_init(&b);
	layout_to_text(&lo, &b);
	layout_free(&lo);
	linkset_free(&links);
	return buf_detach(&b);
}

/*
 * A link target is never broken: wider than the line, it has a line of
 * its own, the one thing past the width. Its reference number, and what
 * is glued to it, go on the next line when they do not fit after it.
 */
static void
test_link_unbroken(void **state)
{
	char *out;

	(void)state;
	out = render_links("Kaynak: [Bölüm 2](" URL ") ve <" URL ">.", 78);
	assert_string_equal(out, "Kaynak: Bölüm 2 [1] ve\n" URL "\n[1].\n[1]\n" URL "\n");
	free(out);
	/* a link that fits: the text before it on its line, the number after it on the next */
	out = render_links("- Ne menem bir şey bu [katılımcılık?](https://example.org/a): An STGM "
	    "blog post.", 19);
	assert_string_equal(out, "\xE2\x80\xA2 Ne menem bir şey\n  bu katılımcılık?\n"
	    "  [1]: An STGM blog\n  post.\n[1]\nhttps://example.org/a\n");
	free(out);
	out = render_links("- Hyvinvointialue tarvitsee järjestöjä! [(Verkostojärjestöt)]"
	    "(https://example.org/b): maakuntien linjaus", 25);
	assert_lines_fit(out, 25);
	assert_non_null(strstr(out, "\n  (Verkostojärjestöt)\n  [1]: maakuntien linjaus\n"));
	free(out);
	/* a link wider than the line alone on it, in a quote too */
	out = render_links("> Katso **[Verkostojärjestöjenlinjaus](https://example.org/b)**. Sitten", 20);
	assert_string_equal(out, "> Katso\n> *Verkostojärjestöjenlinjaus\n> [1]*. Sitten\n"
	    "[1]\nhttps://example.org/b\n");
	free(out);
	out = render_links("Kaynak: [Bölüm 2](" URL ").", 50);
	assert_string_equal(out, "Kaynak: Bölüm 2 [1].\n[1]\n" URL "\n");
	free(out);
	out = render_links("- Kaynak: [Bölüm 2](" URL ").", 20);
	assert_string_equal(out, "\xE2\x80\xA2 Kaynak: Bölüm\n  2 [1].\n[1]\n" URL "\n");
	free(out);
	/* plain text with a URL in it, as the report's text is laid out again by the wizard */
	out = render_links("", 20);
	free(out);
	{
		struct layout lo;
		struct buf b;

		layout_init(&lo);
		layout_text(&lo, "Bakın: " URL " sonra", 20, 2, 0);
		buf_init(&b);
		layout_to_text(&lo, &b);
		assert_string_equal(b.data, "Bakın:\n" URL "\n  sonra\n");
		buf_free(&b);
		layout_free(&lo);
	}
}

/* Nothing is lost: list numbers, tab stops, raw HTML's text, tables; styles marked. */
static void
test_no_loss(void **state)
{
	struct linkset links;
	char *out;

	(void)state;
	linkset_init(&links);
	out = render("123456789. ok tamam", 20, &links);
	assert_string_equal(out, "123456789.\nok tamam\n");
	free(out);
	out = render("- a\n\n  1234567. b\n", 12, &links);
	assert_string_equal(out, "\xE2\x80\xA2 a\n\n  1234567.\n  b\n");
	free(out);
	out = render("```\na\tb\n\tc\nab\td\n```\n", 40, &links);
	assert_string_equal(out, "  a   b\n      c\n  ab  d\n");
	free(out);
	/* a code line longer than the line: broken between words, indented as the block */
	out = render("```\ngeçerli değil ## 3 · Gönüllü: 2 3\n    girintili_uzun_bir_sözcük_dizisi\n```\n",
	    20, &links);
	assert_string_equal(out, "  geçerli değil ## 3\n  · Gönüllü: 2 3\n      girintili_uzun\n"
	    "  _bir_sözcük_dizisi\n");
	free(out);
	out = render("<div>\n```\nkod\n```\n<!-- not\nshown -->\n</div>\n\n<p>bir <b>iki</b></p>\n", 40,
	    &links);
	assert_string_equal(out, "```\nkod\n```\n\nbir iki\n");
	free(out);
	out = render("### Başlık\n\nbir *iki* **üç** `dört beş`\n\nBüyük\n=====\n", 40, &links);
	assert_string_equal(out, "Başlık\n~~~~~~\n\nbir _iki_ *üç* `dört beş`\n\nBüyük\n=====\n");
	free(out);
	out = render("| Ad | Değer |\n|:---|---:|\n| uzun bir ad | 1 |\n\nsonra", 40, &links);
	assert_string_equal(out, "| Ad | Değer |\n|:---|---:|\n| uzun bir ad | 1 |\n\nsonra\n");
	free(out);
	out = render("> | a | b |\n> |---|---|\n> | 1 | 2 |\n", 40, &links);
	assert_string_equal(out, "> | a | b |\n> |---|---|\n> | 1 | 2 |\n");
	free(out);
	linkset_free(&links);
}

/* A soft hyphen is dropped, never counted; invisible characters are shown. */
static void
test_invisible(void **state)
{
	struct linkset links;
	char *out;

	(void)state;
	linkset_init(&links);
	/* Finnish pasted from the web: soft hyphens inside every long word */
	out = render("yh\xC2\xAD" "dis\xC2\xAD" "tys toi\xC2\xAD" "min\xC2\xAD" "ta", 20, &links);
	assert_string_equal(out, "yhdistys toiminta\n");
	assert_lines_fit(out, 20);
	free(out);
	assert_int_equal(text_width("a\xC2\xAD" "b", 4), 2);
	out = render("a\xE2\x80\x8F" "b \xD8\x9C c\xE2\x81\xA0" "d\xF3\xA0\x80\x81", 40, &links);
	assert_string_equal(out, "a<U+200F>b <U+061C> cd<U+E0001>\n");
	free(out);
	linkset_free(&links);
}

/* For a listener, the same words without the pictures: no rule under a heading or for a break. */
static void
test_plain(void **state)
{
	static const char md[] = "# Title\n\nOne.\n\n---\n\n### Step\n\n> Quoted.\n";
	struct linkset links;
	struct layout lo;
	struct buf b;
	char *drawn;

	(void)state;
	linkset_init(&links);
	drawn = render(md, 40, &links);
	assert_non_null(strstr(drawn, "====="));
	assert_non_null(strstr(drawn, "\xE2\x94\x80"));	/* ─ */
	assert_non_null(strstr(drawn, "~~~~"));
	layout_init(&lo);
	lo.plain = true;
	layout_markdown(&lo, md, strlen(md), 40, &links);
	buf_init(&b);
	layout_to_text(&lo, &b);
	layout_free(&lo);
	assert_string_equal(b.data, "Title\n\nOne.\n\nStep\n\n  Quoted.\n");
	buf_free(&b);
	free(drawn);
	linkset_free(&links);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_wrap_turkish),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_lists_and_depth),
		cmocka_unit_test(test_link_unbroken),
		cmocka_unit_test(test_no_loss),
		cmocka_unit_test(test_invisible),
		cmocka_unit_test(test_plain),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}

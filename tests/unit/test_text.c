/* SPDX-License-Identifier: MIT */
/* Unit tests of text.c: UTF-8, positions and the sanitiser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text.h"

static void
test_decode(void **state)
{
	int32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("i", 1, &cp), 1);
	assert_int_equal(cp, 'i');
	assert_int_equal(utf8_decode("\xC4\xB0", 2, &cp), 2);	/* İ */
	assert_int_equal(cp, 0x130);
	assert_int_equal(utf8_decode("\xE2\x80\xAE", 3, &cp), 3);
	assert_int_equal(cp, 0x202E);
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 1);	/* overlong */
	assert_int_equal(cp, -1);
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);	/* surrogate */
	assert_int_equal(cp, -1);
	assert_int_equal(utf8_decode("\xE2\x80", 2, &cp), 1);	/* truncated */
	assert_int_equal(cp, -1);
}

static void
test_valid(void **state)
{
	size_t bad = 0;

	(void)state;
	assert_true(utf8_valid("Gönüllü ışık", strlen("Gönüllü ışık"), &bad));
	assert_false(utf8_valid("ab\xFF", 3, &bad));
	assert_int_equal(bad, 2);
}

static void
test_linecol(void **state)
{
	const char *s = UTF8_BOM "ab\r\nçd\ne";
	size_t n = strlen(s);
	int line, col;

	(void)state;
	text_linecol(s, n, 3, &line, &col);		/* after the BOM */
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	text_linecol(s, n, 7, &line, &col);		/* ç */
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	text_linecol(s, n, 9, &line, &col);		/* d: ç is one column */
	assert_int_equal(line, 2);
	assert_int_equal(col, 2);
	text_linecol(s, n, 11, &line, &col);		/* e */
	assert_int_equal(line, 3);
	assert_int_equal(col, 1);
}

static void
test_sanitize(void **state)
{
	const char *hostile = "a\x1b]0;x\x07" "b\xC2\x9B" "c\xE2\x80\xAE" "d\x7F" "e\xFF" "\n";
	char *s;

	(void)state;
	s = text_sanitized(hostile);
	assert_string_equal(s, "a^[]0;x^Gb<U+009B>c<U+202E>d^?e<0xFF>^J");
	assert_false(text_has_unsafe(s, strlen(s)));
	free(s);
	s = text_sanitized("Türkçe ve suomi: ä ö İ ı");
	assert_string_equal(s, "Türkçe ve suomi: ä ö İ ı");
	free(s);
}

/* Every invisible or direction code point is shown, or dropped from display only. */
static void
test_invisible(void **state)
{
	static const int32_t shown[] = { 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x2061,
	    0x2065, 0x206A, 0x206F, 0xFEFF, 0xFFF9, 0xFFFB, 0x180E, 0x0600, 0x110BD,
	    0xE0001, 0xE0041, 0xE007F, 0x1D173 };
	static const int32_t dropped[] = { 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFE0F,
	    0x034F, 0xE0100 };
	char want[32], *s;
	struct buf b, in;
	size_t i;

	(void)state;
	buf_init(&b);
	buf_init(&in);
	for (i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
		buf_reset(&in);
		buf_reset(&b);
		buf_adds(&in, "a");
		utf8_encode(&in, shown[i]);
		buf_adds(&in, "b");
		text_sanitize_display(&b, in.data, in.len);
		snprintf(want, sizeof(want), "a<U+%04X>b", (unsigned)shown[i]);
		assert_string_equal(b.data, want);
		assert_true(text_has_unsafe(in.data, in.len));
	}
	for (i = 0; i < sizeof(dropped) / sizeof(dropped[0]); i++) {
		buf_reset(&in);
		buf_reset(&b);
		buf_adds(&in, "a");
		utf8_encode(&in, dropped[i]);
		buf_adds(&in, "b");
		text_sanitize_display(&b, in.data, in.len);
		assert_string_equal(b.data, "ab");
		/* diagnostics show them all */
		s = text_sanitized(in.data);
		snprintf(want, sizeof(want), "a<U+%04X>b", (unsigned)dropped[i]);
		assert_string_equal(s, want);
		free(s);
	}
	/* neighbours of the ranges stay themselves */
	assert_false(text_is_unsafe(0x00AC));
	assert_false(text_is_unsafe(0x2027));
	assert_false(text_is_unsafe(0xFFFC));
	assert_false(text_is_unsafe(0x1F600));
	assert_false(text_is_control(0x200E));
	buf_free(&b);
	buf_free(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_linecol),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_invisible),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}

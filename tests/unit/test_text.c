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
#include <unistr.h>
#include <uniwidth.h>

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

/* A random string over bytes that matter to the scans: controls, DEL, CR, LF, UTF-8 pieces. */
static size_t
random_bytes(char *s, size_t max, unsigned *seed)
{
	static const unsigned char alphabet[] = {
		0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 'a', 'z', 0x7E, 0x7F, 0x80, 0xBF,
		0xC2, 0xC3, 0xC4, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
	};
	size_t n = (size_t)rand_r(seed) % (max + 1), i;

	for (i = 0; i < n; i++)
		s[i] = (char)(rand_r(seed) % 3 == 0 ? alphabet[rand_r(seed) % sizeof(alphabet)] :
		    'a' + rand_r(seed) % 26);
	return n;
}

/* The word-at-a-time runs against a byte loop, at every alignment and length. */
static void
test_runs(void **state)
{
	char s[64];
	unsigned seed = 7;
	size_t n, i, p, want_ascii, want_printable;
	int b, t;

	(void)state;
	for (b = 0; b < 256; b++)	/* one byte of every value at every position */
		for (p = 0; p < 20; p++) {
			memset(s, 'a', 24);
			s[p] = (char)b;
			assert_int_equal(text_ascii_run(s, 24), b < 0x80 ? 24 : p);
			assert_int_equal(text_printable_run(s, 24),
			    b >= 0x20 && b < 0x7F ? 24 : p);
			/* the byte last in a shorter string */
			assert_int_equal(text_printable_run(s + 1, p),
			    p == 0 || (b >= 0x20 && b < 0x7F) ? p : p - 1);
		}
	for (t = 0; t < 20000; t++) {
		n = random_bytes(s, sizeof(s), &seed);
		for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
			;
		want_ascii = i;
		for (i = 0; i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F; i++)
			;
		want_printable = i;
		assert_int_equal(text_ascii_run(s, n), want_ascii);
		assert_int_equal(text_printable_run(s, n), want_printable);
	}
}

/*
 * The plain run, which sanitising and the layout skip over: exactly the
 * printable ASCII and U+00A0 to U+02FF but U+00AD, each safe to show,
 * one column wide by libunistring, and its own NFC form.
 */
static void
test_plain_run(void **state)
{
	char s[8];
	size_t n, chars;
	int32_t cp;
	bool plain;
	struct buf b;

	(void)state;
	for (cp = 0; cp < 0x800; cp++) {
		buf_init(&b);
		utf8_encode(&b, cp);
		n = b.len;
		memcpy(s, b.data, n);
		buf_free(&b);
		plain = (cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0x2FF && cp != 0xAD);
		assert_int_equal(text_plain_run(s, n, &chars), plain ? n : 0);
		assert_int_equal(chars, plain ? 1 : 0);
		if (plain) {
			assert_false(text_is_unsafe(cp));
			assert_int_equal(uc_width((ucs4_t)cp, "UTF-8"), 1);
		}
	}
	/* a run stops before the first character outside it, and counts characters */
	assert_int_equal(text_plain_run("a\xC3\xA7" "b\xC2\xAD" "c", 7, &chars), 4);
	assert_int_equal(chars, 3);
	assert_int_equal(text_plain_run("\xC3", 1, &chars), 0);	/* cut short */
}

/*
 * text_printable_len, sixteen bytes at a time, against its definition a
 * character at a time: on printable text of every length and offset with
 * at most two pieces that end it at the edges of what is printable (C1 and
 * CC first bytes, C2 before 9F or AD, a second byte alone, a letter cut
 * short, DEL, a tab, a three-byte dash), wherever they fall in a block.
 */
static void
test_printable_len(void **state)
{
	static const char *const good[] = {
		"a", "Z", " ", "~", "\n", "\xC3\xA7", "\xC4\x9F", "\xC2\xA0", "\xC2\xAE",
		"\xCB\xBF", "\xC3\x80", "\xC5\x9F",
	};
	static const char *const bad[] = {
		"\xC2\x9F", "\xC2\xAD", "\xC1\x80", "\xCC\x80", "\x80", "\xBF", "\xC3",
		"\x7F", "\t", "\x1F", "\r", "\xE2\x80\x93", "\xC3\xC3",
	};
	char s[160];
	unsigned seed = 7;
	int round, k;
	size_t n, off;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t want = (size_t)rand_r(&seed) % 100;
		int hazards = rand_r(&seed) % 3;

		for (n = 0; n < want && n + 4 < sizeof(s);) {
			const char *piece = good[rand_r(&seed) % NELEM(good)];

			if (hazards > 0 && rand_r(&seed) % 40 == 0) {
				piece = bad[rand_r(&seed) % NELEM(bad)];
				hazards--;
			}
			memcpy(s + n, piece, strlen(piece));
			n += strlen(piece);
		}
		for (off = 0; off < 17 && off <= n; off++)
			assert_int_equal(text_printable_len(s + off, n - off),
			    text_printable_len_bytes(s + off, n - off));
	}
	/* a letter cut by a block's end, and a C2 before a soft hyphen across it */
	memset(s, 'a', 15);
	memcpy(s + 15, "\xC3\xA7xyz", 5);
	assert_int_equal(text_printable_len(s, 20), 20);
	memcpy(s + 15, "\xC2\xADxyz", 5);
	assert_int_equal(text_printable_len(s, 20), 15);
	for (k = 0; k < 48; k++)
		s[k] = 'b';
	assert_int_equal(text_printable_len(s, 48), 48);
}

/* utf8_valid against libunistring's u8_check, the authority, on random bytes. */
static void
test_valid_as_libunistring(void **state)
{
	char s[64];
	unsigned seed = 11;
	size_t n, bad;
	const uint8_t *first;
	int t;

	(void)state;
	for (t = 0; t < 50000; t++) {
		n = random_bytes(s, sizeof(s), &seed);
		first = u8_check((const uint8_t *)s, n);
		bad = SIZE_MAX;
		assert_int_equal(utf8_valid(s, n, &bad), first == NULL);
		if (first != NULL)
			assert_int_equal(bad, (size_t)(first - (const uint8_t *)s));
	}
}

/* text_linecol against the plain walk it replaces: a line per LF, CRLF or lone CR. */
static void
test_linecol_random(void **state)
{
	char s[64];
	unsigned seed = 13;
	size_t n, off, i;
	int t, line, col, l, c;
	int32_t cp;

	(void)state;
	for (t = 0; t < 20000; t++) {
		n = random_bytes(s, sizeof(s), &seed);
		off = n > 0 ? (size_t)rand_r(&seed) % (n + 1) : 0;
		for (i = 0, l = 1, c = 1; i < off;) {
			if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
				l++;
				c = 1;
				i++;
			} else if (s[i] == '\r') {
				i++;
			} else {
				i += utf8_decode(s + i, n - i, &cp);
				c++;
			}
		}
		text_linecol(s, n, off, &line, &col);
		assert_int_equal(line, l);
		assert_int_equal(col, c);
	}
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

/* text_line_start: each line's first byte, the lines counted at LF; past the last, the end. */
static void
test_line_start(void **state)
{
	const char *s = "ab\r\nçd\n\ne";
	size_t n = strlen(s);

	(void)state;
	assert_int_equal(text_line_start(s, n, 1), 0);
	assert_int_equal(text_line_start(s, n, 0), 0);
	assert_int_equal(text_line_start(s, n, 2), 4);
	assert_int_equal(text_line_start(s, n, 3), 8);
	assert_int_equal(text_line_start(s, n, 4), 9);
	assert_int_equal(text_line_start(s, n, 5), n);
	assert_int_equal(text_line_start("a\n", 2, 2), 2);
	assert_int_equal(text_line_start("", 0, 3), 0);
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
	/* the direction marks steer text as the overrides do: refused where a control is */
	assert_true(text_is_control(0x200E));
	assert_true(text_is_control(0x200F));
	assert_true(text_is_control(0x061C));
	assert_false(text_is_control(0x200D));
	assert_false(text_is_control(0x2010));
	buf_free(&b);
	buf_free(&in);
}

/* Blank: only white space and dropped code points; anything shown is not. */
static void
test_blank(void **state)
{
	(void)state;
	assert_true(text_is_blank("", 0));
	assert_true(text_is_blank("   ", 3));
	assert_true(text_is_blank(" \t\n\r", 4));
	assert_true(text_is_blank("\xC2\xA0\xE3\x80\x80\xE2\x80\x8B", 8));	/* NBSP, U+3000, ZWSP */
	assert_false(text_is_blank(" a ", 3));
	assert_false(text_is_blank(" .", 2));
	assert_false(text_is_blank("\xE2\x80\xAE", 3));	/* RLO: a control, not a blank */
	assert_false(text_is_blank(" \xFF", 2));	/* invalid UTF-8 */
	assert_false(text_is_blank("\xC2", 1));	/* cut short */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_linecol),
		cmocka_unit_test(test_line_start),
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_plain_run),
		cmocka_unit_test(test_printable_len),
		cmocka_unit_test(test_valid_as_libunistring),
		cmocka_unit_test(test_linecol_random),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_invisible),
		cmocka_unit_test(test_blank),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * text.h: UTF-8 and positions. Validation of untrusted bytes, 1-based
 * line and column from a byte offset (columns count code points, a UTF-8
 * byte order mark is not a column, CRLF and lone CR end a line as in
 * YAML), and the one sanitiser through which everything from content
 * passes before it reaches a terminal or a report.
 */
#ifndef STOK_TEXT_H
#define STOK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/*
 * Decode one code point from s (n > 0 bytes available). Returns the number
 * of bytes used, and sets *cp; an invalid or truncated sequence uses one
 * byte and sets *cp to -1.
 */
size_t	utf8_decode(const char *s, size_t n, int32_t *cp);
/* Append the UTF-8 encoding of cp to b. */
void	utf8_encode(struct buf *b, int32_t cp);
/*
 * The length of the run of ASCII bytes (below 0x80) at the start of s, and
 * of printable ASCII (0x20 to 0x7E): the common case of every scan of text
 * here, eight bytes at a time. In a word with a byte outside, each such
 * byte has its high bit set in the word's mask (and bytes after it may
 * too, by the borrow of a subtraction): on a little-endian machine the
 * lowest bit set is the first byte outside; elsewhere the word is finished
 * a byte at a time.
 */
#define TEXT_ONES	0x0101010101010101u
#define TEXT_HIGHS	0x8080808080808080u
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TEXT_FIRST_BYTE(mask)	((size_t)__builtin_ctzll(mask) / 8)
#endif

static inline size_t
text_ascii_run(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t w;

	while (n - i >= 8) {
		memcpy(&w, s + i, 8);
		if ((w & TEXT_HIGHS) != 0) {
#ifdef TEXT_FIRST_BYTE
			return i + TEXT_FIRST_BYTE(w & TEXT_HIGHS);
#else
			break;
#endif
		}
		i += 8;
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

static inline size_t
text_printable_run(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t w, del;

	/* a high bit, a byte below 0x20 or a DEL (0x7F) in the word */
	while (n - i >= 8) {
		memcpy(&w, s + i, 8);
		del = w ^ (TEXT_ONES * 0x7F);
		if ((w = (w | ((w - TEXT_ONES * 0x20) & ~w) | ((del - TEXT_ONES) & ~del)) &
		    TEXT_HIGHS) != 0) {
#ifdef TEXT_FIRST_BYTE
			return i + TEXT_FIRST_BYTE(w);
#else
			break;
#endif
		}
		i += 8;
	}
	while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

/* A letter of two bytes shown as it is (Latin, Greek, ...: U+00A0 to U+02FF but the soft hyphen). */
static inline bool
text_plain_pair(unsigned char a, unsigned char b)
{
	return a >= 0xC2 && a <= 0xCB && (b & 0xC0) == 0x80 && !(a == 0xC2 && (b < 0xA0 || b == 0xAD));
}

/*
 * The length of the run at the start of s of characters shown exactly as
 * they are, one column each: printable ASCII, and the two-byte characters
 * from U+00A0 to U+02FF but the soft hyphen (U+00AD), which are the
 * letters with their marks of Turkish, Finnish and every Latin script, all
 * of them NFC starters, none a control or invisible. *chars gets how many
 * characters the run has. Sanitising and the layout both ask here.
 */
static inline size_t
text_plain_run(const char *s, size_t n, size_t *chars)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t k = 0, r;

	for (;;) {
		if (end - p >= 16) {	/* a word at a time only where it pays */
			r = text_printable_run((const char *)p, (size_t)(end - p));
			p += r;
			k += r;
		} else {
			for (; p < end && *p >= 0x20 && *p < 0x7F; p++)
				k++;
		}
		if (end - p < 2 || !text_plain_pair(p[0], p[1]))
			break;
		p += 2;
		k++;
	}
	*chars = k;
	return (size_t)((const char *)p - s);
}

/*
 * The length of the start of s that holds only text_plain_run's characters
 * and line breaks: all of s when it is printable text throughout, which
 * no check of bytes or of values refuses (content_check_bytes decides it
 * once for a file; the readers and checks after it rely on that).
 * text_printable_len_bytes is the definition, a character at a time;
 * text_printable_len gives the same, sixteen bytes at a time where the
 * processor has SSE2.
 */
static inline size_t
text_printable_len_bytes(const char *s, size_t n)
{
	size_t i = 0, chars;

	while ((i += text_plain_run(s + i, n - i, &chars)) < n && s[i] == '\n')
		i++;
	return i;
}
size_t	text_printable_len(const char *s, size_t n);

/* True if s is valid UTF-8; otherwise *bad is the offset of the first bad byte. */
bool	utf8_valid(const char *s, size_t n, size_t *bad);

/* 1-based line and column (code points) of byte offset off in s. */
void	text_linecol(const char *s, size_t n, size_t off, int *line, int *col);
/* The byte offset in s of the start of its 1-based line (lines end at LF), or n past the end. */
size_t	text_line_start(const char *s, size_t n, int line);

/* C0 and C1 controls, DEL, bidirectional marks, overrides and isolates, invalid bytes (-1). */
bool	text_is_control(int32_t cp);
/*
 * Default-ignorable and format characters (Unicode's Default_Ignorable_
 * Code_Point and category Cf) and U+2028, U+2029: invisible, or steering.
 */
bool	text_is_invisible(int32_t cp);
/* The invisible code points the display drops rather than shows (soft hyphen, ZWJ, ...). */
bool	text_is_droppable(int32_t cp);
/*
 * True if s shows nothing: every code point is white space (Unicode's
 * White_Space: blanks, tabs, line breaks, the no-break and ideographic
 * spaces) or one the display drops. An empty s is blank.
 */
bool	text_is_blank(const char *s, size_t n);
/* A code point that must never reach a terminal as itself: control or invisible. */
bool	text_is_unsafe(int32_t cp);
/* True if s holds a code point for which text_is_unsafe() holds. */
bool	text_has_unsafe(const char *s, size_t n);
/*
 * Append s to b with every unsafe code point made visible: C0 controls
 * as ^@..^_, DEL as ^?, C1 controls, bidirectional controls and every
 * other invisible code point as <U+XXXX>, invalid bytes as <0xNN>.
 * Newlines are kept when keep_newlines is true and shown as ^J otherwise.
 */
void	text_sanitize(struct buf *b, const char *s, size_t n, bool keep_newlines);
/*
 * The same for display in the layout: the droppable code points are
 * removed instead of shown, newlines shown as ^J.
 */
void	text_sanitize_display(struct buf *b, const char *s, size_t n);
/* The same, into a new string. */
char   *text_sanitized(const char *s);

/*
 * An organisation's name as names are compared (network, diff): trimmed,
 * blanks collapsed, lower-cased in the given language; the caller frees it.
 */
char	*text_name_key(const char *name, const char *language);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * text.c: UTF-8 decoding, positions and sanitising. Everything here is
 * locale-independent on purpose: content is always UTF-8, whatever the
 * user's locale says.
 */
#include <stdint.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "text.h"

#ifdef __SSE2__
#include <emmintrin.h>

/*
 * Every byte of a block is printable ASCII or a line break, or the first
 * (C2 to CB) or second byte (80 to BF) of a two-byte letter; every first
 * byte is followed by a second and every second follows a first; no C2 is
 * followed by 80 to 9F or AD (text_plain_pair). The first block that is
 * not so is read by the definition, from the start of a letter the block
 * before cut in two. Bytes are compared signed, as SSE2 compares.
 */
size_t
text_printable_len(const char *s, size_t n)
{
	const __m128i space = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F),
	    nl = _mm_set1_epi8('\n'), first_lo = _mm_set1_epi8((char)0xC1),
	    first_hi = _mm_set1_epi8((char)0xCC), second_hi = _mm_set1_epi8((char)0xC0),
	    c2 = _mm_set1_epi8((char)0xC2), a0 = _mm_set1_epi8((char)0xA0),
	    shy = _mm_set1_epi8((char)0xAD);
	unsigned cut = 0, cut_c2 = 0;	/* the block before ended with a first byte, a C2 */
	size_t i;

	for (i = 0; n - i >= 16; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned ascii = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_and_si128(
		    _mm_cmpgt_epi8(v, space), _mm_cmplt_epi8(v, del)), _mm_cmpeq_epi8(v, nl)));
		unsigned first = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpgt_epi8(v, first_lo), _mm_cmplt_epi8(v, first_hi)));
		unsigned second = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, second_hi));
		unsigned is_c2 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, c2));
		unsigned not_after_c2 = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmplt_epi8(v, a0), _mm_cmpeq_epi8(v, shy)));

		if ((ascii | first | second) != 0xFFFF || second != (((first << 1) | cut) & 0xFFFF) ||
		    (((is_c2 << 1) | cut_c2) & not_after_c2 & 0xFFFF) != 0)
			break;
		cut = first >> 15;
		cut_c2 = is_c2 >> 15;
	}
	i -= cut;
	return i + text_printable_len_bytes(s + i, n - i);
}
#else
size_t
text_printable_len(const char *s, size_t n)
{
	return text_printable_len_bytes(s, n);
}
#endif

size_t
utf8_decode(const char *str, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len, i;
	int32_t c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2; c = s[0] & 0x1F; min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3; c = s[0] & 0x0F; min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		*cp = -1;
		return 1;
	}
	if (n < len) {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return len;
}

void
utf8_encode(struct buf *b, int32_t cp)
{
	char s[4];

	if (cp < 0x80) {
		s[0] = (char)cp;
		buf_add(b, s, 1);
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, s, 2);
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, s, 4);
	}
}

bool
utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0, k;
	int32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i += text_ascii_run(s + i, n - i);
			continue;
		}
		if ((unsigned char)s[i] >= 0xC2 && (unsigned char)s[i] <= 0xDF && n - i >= 2 &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			i += 2;	/* two bytes: ç ğ ı ö ş ü ä å and their capitals */
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp < 0) {
			if (bad != NULL)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

size_t
text_line_start(const char *s, size_t n, int line)
{
	size_t off = 0;
	const char *nl;

	for (; line > 1 && off < n; line--) {
		if ((nl = memchr(s + off, '\n', n - off)) == NULL)
			return n;
		off = (size_t)(nl - s) + 1;
	}
	return off;
}

void
text_linecol(const char *s, size_t n, size_t off, int *line, int *col)
{
	size_t i = 0;
	int32_t cp;
	int l = 1, c = 1;

	if (off > n)
		off = n;
	if (n >= 3 && memcmp(s, UTF8_BOM, 3) == 0 && off >= 3)
		i = 3;
	if (memchr(s + i, '\r', off - i) == NULL) {
		/* no CR: the lines are the LFs, and only the last line's columns are counted */
		const char *nl;

		while ((nl = memchr(s + i, '\n', off - i)) != NULL) {
			l++;
			i = (size_t)(nl - s) + 1;
		}
	}
	while (i < off) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
			l++;
			c = 1;
			i++;
			continue;
		}
		if (s[i] == '\r') {	/* the CR of a CRLF is not a column */
			i++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		c++;
	}
	*line = l;
	*col = c;
}

/*
 * The code points no terminal may see as themselves, in ascending ranges:
 * every Default_Ignorable_Code_Point and every format character
 * (category Cf) of Unicode 15, and the line and paragraph separators.
 * They are invisible, steer the direction of text, or are drawn in one
 * cell by one program and in none by another.
 */
static const struct { int32_t lo, hi; } invisible[] = {
	{ 0x00AD, 0x00AD }, { 0x034F, 0x034F }, { 0x0600, 0x0605 }, { 0x061C, 0x061C },
	{ 0x06DD, 0x06DD }, { 0x070F, 0x070F }, { 0x0890, 0x0891 }, { 0x08E2, 0x08E2 },
	{ 0x115F, 0x1160 }, { 0x17B4, 0x17B5 }, { 0x180B, 0x180F }, { 0x200B, 0x200F },
	{ 0x2028, 0x202E }, { 0x2060, 0x206F }, { 0x3164, 0x3164 }, { 0xFE00, 0xFE0F },
	{ 0xFEFF, 0xFEFF }, { 0xFFA0, 0xFFA0 }, { 0xFFF0, 0xFFFB }, { 0x110BD, 0x110BD },
	{ 0x110CD, 0x110CD }, { 0x13430, 0x1343F }, { 0x1BCA0, 0x1BCA3 },
	{ 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
};

bool
text_is_invisible(int32_t cp)
{
	size_t lo = 0, hi = sizeof(invisible) / sizeof(invisible[0]), mid;

	if (cp < 0xAD)
		return false;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cp < invisible[mid].lo)
			hi = mid;
		else if (cp > invisible[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/*
 * Invisible code points whose only effect is on shaping or on where a
 * line may break: the display drops them (the rule stok-assess(5)
 * documents) instead of showing them as <U+XXXX>. The soft hyphen, the
 * zero-width space, non-joiner and joiner, the word joiner, the
 * combining grapheme joiner, the variation selectors, the Hangul fillers
 * and the Khmer inherent vowels.
 */
bool
text_is_droppable(int32_t cp)
{
	return cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 ||
	    cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180D) || cp == 0x180F ||
	    (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0x3164 ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFA0 || (cp >= 0xE0100 && cp <= 0xE01EF);
}

bool
text_is_blank(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (cp < 0 || (!uc_is_property_white_space((ucs4_t)cp) && !text_is_droppable(cp)))
			return false;
	}
	return true;
}

bool
text_is_control(int32_t cp)
{
	return cp < 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
	    cp == 0x200E || cp == 0x200F ||	/* the direction marks steer as the overrides do */
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool
text_is_unsafe(int32_t cp)
{
	return text_is_control(cp) || text_is_invisible(cp);
}

bool
text_has_unsafe(const char *s, size_t n)
{
	size_t i = 0, chars;
	int32_t cp;

	while (i < n) {
		if ((i += text_plain_run(s + i, n - i, &chars)) == n)
			break;
		i += utf8_decode(s + i, n - i, &cp);
		if (text_is_unsafe(cp))
			return true;
	}
	return false;
}

static void
sanitize(struct buf *b, const char *s, size_t n, bool keep_newlines, bool drop)
{
	size_t i = 0, k, run = 0, chars;
	int32_t cp;

	while (i < n) {
		if ((k = text_plain_run(s + i, n - i, &chars)) > 0) {
			i += k;
			run += k;
			if (i == n)
				break;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (!text_is_unsafe(cp) || (cp == '\n' && keep_newlines)) {
			i += k;
			run += k;
			continue;
		}
		buf_add(b, s + i - run, run);
		run = 0;
		if (drop && text_is_droppable(cp))
			;
		else if (cp < 0)
			buf_printf(b, "<0x%02X>", (unsigned char)s[i]);
		else if (cp < 0x20)
			buf_printf(b, "^%c", (char)(cp + '@'));
		else if (cp == 0x7F)
			buf_adds(b, "^?");
		else
			buf_printf(b, "<U+%04X>", (unsigned)cp);
		i += k;
	}
	buf_add(b, s + i - run, run);
}

void
text_sanitize(struct buf *b, const char *s, size_t n, bool keep_newlines)
{
	sanitize(b, s, n, keep_newlines, false);
}

void
text_sanitize_display(struct buf *b, const char *s, size_t n)
{
	sanitize(b, s, n, false, true);
}

char *
text_sanitized(const char *s)
{
	struct buf b;

	buf_init(&b);
	text_sanitize(&b, s, strlen(s), false);
	return buf_detach(&b);
}

/*
 * An organisation's name as it is compared: "Gamma Network" and "gamma
 * network " are one organisation, typed twice. Blanks at either end go,
 * a run of them inside is one space, and the letters are lower-cased in
 * the pack's language (Turkish: I and ı, İ and i), NFC.
 */
char *
text_name_key(const char *name, const char *language)
{
	struct buf b;
	const char *p = name;
	uint8_t *folded;
	size_t len;

	buf_init(&b);
	while (*p != '\0') {
		size_t word = strcspn(p, " \t");
		if (word > 0) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_add(&b, p, word);
		}
		p += word;
		p += strspn(p, " \t");
	}
	folded = u8_tolower((const uint8_t *)b.data, b.len, language, UNINORM_NFC, NULL, &len);
	buf_free(&b);
	if (folded == NULL)
		fatal("out of memory");
	folded = xreallocarray(folded, len + 1, 1);
	folded[len] = '\0';
	return (char *)folded;
}

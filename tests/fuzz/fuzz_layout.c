/* SPDX-License-Identifier: MIT */
/*
 * fuzz_layout.c: libFuzzer harness for the layout engine. The first byte
 * of the input gives the width (1 to 200 columns), the rest is an answer
 * text's Markdown body (at most CONTENT_MAX_BODY bytes, as the loader
 * allows). The text rendering must keep two promises: no line is wider
 * than the width unless it holds a single character that is wider by
 * itself or a link (a link's text, or an address, which is never broken),
 * and no control or invisible character reaches the output but the newline.
 */
#include <uniwidth.h>

#include "content.h"
#include "fuzz.h"
#include "layout.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Columns of the widest single character of s. */
static int
widest_char(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int w, max = 0;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		w = cp < 0 ? 1 : uc_width((ucs4_t)cp, "UTF-8");
		if (w > max)
			max = w;
	}
	return max;
}

/* A line that holds a link, which may pass the width (see layout.c's unbreakable()). */
static bool
link_line(const struct lline *l)
{
	size_t j;

	for (j = 0; j < l->nspans; j++)
		if ((l->spans[j].style & LS_LINK) || strstr(l->spans[j].text, "://") != NULL ||
		    strstr(l->spans[j].text, "www.") != NULL ||
		    strstr(l->spans[j].text, "mailto:") != NULL)
			return true;
	return false;
}

static void
check_text(const char *s, size_t n, int width, const struct layout *lo)
{
	size_t i, start = 0, line = 0;
	int32_t cp;
	int w;

	for (i = 0; i < n; i += utf8_decode(s + i, n - i, &cp)) {
		utf8_decode(s + i, n - i, &cp);
		FUZZ_ASSERT(cp >= 0, "invalid UTF-8 at byte %zu", i);
		FUZZ_ASSERT(cp == '\n' || !text_is_unsafe(cp),
		    "U+%04X reaches the output at byte %zu", (unsigned)cp, i);
		if (cp != '\n')
			continue;
		w = u8_width((const uint8_t *)s + start, i - start, "UTF-8");
		FUZZ_ASSERT(w <= width || widest_char(s + start, i - start) > width ||
		    (line < lo->nlines && link_line(&lo->lines[line])),
		    "a line of %d columns at width %d: '%.*s'", w, width, (int)(i - start),
		    s + start);
		start = i + 1;
		line++;
	}
	FUZZ_ASSERT(start == n, "the text does not end in a newline");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout lo;
	struct linkset links;
	struct buf out;
	size_t i;
	int width;

	if (size < 1 || size - 1 > CONTENT_MAX_BODY)
		return -1;
	width = 1 + data[0] % 200;
	layout_init(&lo);
	linkset_init(&links);
	layout_markdown(&lo, (const char *)data + 1, size - 1, width, &links);
	buf_init(&out);
	layout_to_text(&lo, &out);
	FUZZ_ASSERT(strlen(out.data) == out.len, "a NUL reaches the output");
	check_text(out.data, out.len, width, &lo);
	for (i = 0; i < links.n; i++)
		FUZZ_ASSERT(!text_has_unsafe(links.urls[i], strlen(links.urls[i])),
		    "link %zu is unsafe", i + 1);
	buf_free(&out);
	layout_free(&lo);
	linkset_free(&links);
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * report_json.c: the one JSON writer of the reports (report, merge, diff).
 * It places commas, brackets and indentation itself, so that a writer
 * only says what each value is; strings go through json_string, whose
 * quoting is also a valid YAML double-quoted scalar.
 */
#include <stdint.h>
#include <string.h>

#include "report.h"
#include "text.h"

/*
 * Code points written as \uXXXX: those a terminal must not see, those a
 * YAML reader would not read back as themselves (the line and paragraph
 * separators, U+FFFE, U+FFFF) and the invisible U+FEFF.
 */
static bool
needs_escape(int32_t cp)
{
	return text_is_unsafe(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
	    cp == 0xFFFE || cp == 0xFFFF;
}

void
json_string(struct buf *o, const char *s)
{
	size_t i = 0, n, k;
	int32_t cp;

	if (s == NULL) {
		buf_adds(o, "null");
		return;
	}
	n = strlen(s);
	buf_addc(o, '"');
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == '"' || cp == '\\')
			buf_printf(o, "\\%c", (char)cp);
		else if (cp == '\n')
			buf_adds(o, "\\n");
		else if (cp < 0)
			buf_adds(o, "\\uFFFD");
		else if (needs_escape(cp) && cp > 0xFFFF)	/* a surrogate pair */
			buf_printf(o, "\\u%04X\\u%04X", (unsigned)(0xD800 + ((cp - 0x10000) >> 10)),
			    (unsigned)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
		else if (needs_escape(cp))
			buf_printf(o, "\\u%04X", (unsigned)cp);
		else
			buf_add(o, s + i, k);
		i += k;
	}
	buf_addc(o, '"');
}

void
jw_init(struct jsonw *j, struct buf *o)
{
	memset(j, 0, sizeof(*j));
	j->o = o;
}

/* Before a value: the comma, the line break or space, and the key. */
static void
jw_sep(struct jsonw *j, const char *key)
{
	int i;

	if (j->depth > 0) {
		if (!j->first[j->depth])
			buf_addc(j->o, ',');
		if (j->flat[j->depth]) {
			if (!j->first[j->depth])
				buf_addc(j->o, ' ');
		} else {
			buf_addc(j->o, '\n');
			for (i = 0; i < j->depth; i++)
				buf_adds(j->o, "  ");
		}
		j->first[j->depth] = false;
	}
	if (key != NULL && j->depth > 0 && j->close[j->depth] == '}') {
		json_string(j->o, key);
		buf_adds(j->o, ": ");
	}
}

void
jw_open(struct jsonw *j, const char *key, char bracket, bool flat)
{
	jw_sep(j, key);
	if (j->depth + 1 >= JSONW_DEPTH)
		fatal("jw_open: JSON nested deeper than %d", JSONW_DEPTH - 1);
	buf_addc(j->o, bracket);
	j->depth++;
	j->first[j->depth] = true;
	/* inside a flat container everything stays on its line */
	j->flat[j->depth] = flat || j->flat[j->depth - 1];
	j->close[j->depth] = bracket == '{' ? '}' : ']';
}

void
jw_close(struct jsonw *j)
{
	int i;

	if (j->depth == 0)
		fatal("jw_close: nothing open");
	if (!j->flat[j->depth] && !j->first[j->depth]) {
		buf_addc(j->o, '\n');
		for (i = 1; i < j->depth; i++)
			buf_adds(j->o, "  ");
	}
	buf_addc(j->o, j->close[j->depth]);
	if (--j->depth == 0)
		buf_addc(j->o, '\n');
}

void
jw_str(struct jsonw *j, const char *key, const char *s)
{
	jw_sep(j, key);
	json_string(j->o, s);
}

void
jw_int(struct jsonw *j, const char *key, long v)
{
	jw_sep(j, key);
	buf_printf(j->o, "%ld", v);
}

void
jw_bool(struct jsonw *j, const char *key, bool v)
{
	jw_sep(j, key);
	buf_adds(j->o, v ? "true" : "false");
}

void
jw_null(struct jsonw *j, const char *key)
{
	jw_sep(j, key);
	buf_adds(j->o, "null");
}

void
jw_level(struct jsonw *j, const char *key, int level100, bool have)
{
	jw_sep(j, key);
	if (have)
		buf_printf(j->o, "%d.%02d", level100 / 100, level100 % 100);
	else
		buf_adds(j->o, "null");
}

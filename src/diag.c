/* SPDX-License-Identifier: MIT */
/*
 * diag.c: diagnostics. One function formats every message, sanitises it
 * and counts it; callers never print problems themselves.
 */
#include <stdarg.h>
#include <string.h>

#include "diag.h"
#include "text.h"

static FILE *stream;
static struct diag_counts counts;
static bool muted;
static unsigned long dropped;	/* messages muted */

void
diag_mute(bool on)
{
	muted = on;
}

static const char *const level_names[] = {
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
	[DIAG_IO] = "error",
};

unsigned long
diag_muted_count(void)
{
	return dropped;
}

void
diag_set_stream(FILE *f)
{
	stream = f;
}

static void PRINTFLIKE(5, 0)
emit(enum diag_level level, const char *file, int line, int col,
    const char *fmt, va_list ap)
{
	struct buf msg, out;

	if (muted) {
		dropped++;
		return;
	}
	buf_init(&msg);
	buf_vprintf(&msg, fmt, ap);
	buf_init(&out);
	buf_adds(&out, "stok-assess: ");
	if (file != NULL) {
		text_sanitize(&out, file, strlen(file), false);
		if (line > 0)
			buf_printf(&out, ":%d:%d", line, col);
		buf_adds(&out, ": ");
	}
	buf_printf(&out, "%s: ", level_names[level]);
	text_sanitize(&out, msg.data, msg.len, false);
	buf_addc(&out, '\n');
	fwrite(out.data, 1, out.len, stream != NULL ? stream : stderr);
	buf_free(&msg);
	buf_free(&out);
	switch (level) {
	case DIAG_WARNING:
		counts.warnings++;
		break;
	case DIAG_ERROR:
		counts.errors++;
		break;
	case DIAG_IO:
		counts.io++;
		break;
	}
}

void
diag(enum diag_level level, const char *file, int line, int col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(level, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_plain(enum diag_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(level, NULL, 0, 0, fmt, ap);
	va_end(ap);
}

struct diag_counts
diag_counts(void)
{
	return counts;
}

void
diag_reset(void)
{
	counts = (struct diag_counts){0, 0, 0};
}

int
diag_exit_status(void)
{
	if (counts.io > 0)
		return 1;
	return counts.errors > 0 ? 2 : 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * diag.c: diagnostics. One function formats every message, sanitises it
 * and counts it; callers never print problems themselves.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "text.h"

static FILE *stream;
static struct diag_counts counts;
static int muted;	/* depth: mutes nest */
static unsigned long dropped;	/* messages muted */
static _Thread_local struct diag_held *holding;	/* this thread's, or NULL */

void
diag_mute(bool on)
{
	if (on)
		muted++;
	else if (muted > 0)
		muted--;
}

static const char *const level_names[] = {
	[DIAG_WARNING] = N_("warning"),
	[DIAG_ERROR] = N_("error"),
	[DIAG_IO] = N_("error"),
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

/* A formatted problem given: muted, or printed and counted. */
static void
deliver(enum diag_level level, const char *line, size_t len)
{
	if (muted) {
		dropped++;
		return;
	}
	fwrite(line, 1, len, stream != NULL ? stream : stderr);
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

static void give(enum diag_level, const char *, size_t);

static void PRINTFLIKE(6, 0)
emit(bool user, enum diag_level level, const char *file, int line, int col,
    const char *fmt, va_list ap)
{
	struct diag_held *h = holding;
	struct buf msg, out;

	if (h == NULL && muted) {	/* a worker reads no shared state */
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
	/* a message in the interface's language has its level word in it too */
	buf_printf(&out, "%s: ", user ? _(level_names[level]) : level_names[level]);
	text_sanitize(&out, msg.data, msg.len, false);
	buf_addc(&out, '\n');
	give(level, out.data, out.len);
	buf_free(&msg);
	buf_free(&out);
}

/* A formatted problem given now: into this thread's hold, or delivered. */
static void
give(enum diag_level level, const char *line, size_t len)
{
	struct diag_held *h = holding;

	if (h == NULL) {
		deliver(level, line, len);
		return;
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 4;
		h->levels = xreallocarray(h->levels, h->cap, 1);
	}
	if (h->lines.data == NULL)
		buf_init(&h->lines);
	h->levels[h->n++] = (unsigned char)level;
	buf_add(&h->lines, line, len);
}

struct diag_held *
diag_hold(struct diag_held *h)
{
	struct diag_held *was = holding;

	holding = h;
	return was;
}

void
diag_release(struct diag_held *h)
{
	const char *p = h->lines.data, *nl;
	size_t i;

	for (i = 0; i < h->n; i++, p = nl + 1) {
		nl = memchr(p, '\n', h->lines.len - (size_t)(p - h->lines.data));
		give((enum diag_level)h->levels[i], p, (size_t)(nl - p) + 1);
	}
	diag_drop(h);
}

void
diag_drop(struct diag_held *h)
{
	if (h->lines.data != NULL)
		buf_free(&h->lines);
	free(h->levels);
	*h = (struct diag_held){ 0 };
}

void
diag(enum diag_level level, const char *file, int line, int col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(false, level, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_plain(enum diag_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(false, level, NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void
diag_user(enum diag_level level, const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(true, level, file, 0, 0, fmt, ap);
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

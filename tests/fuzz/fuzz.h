/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h: what every libFuzzer harness of stok-assess shares. Diagnostics
 * are formatted (so that their code runs) but go to /dev/null, and their
 * counters are reset for each input; fuzz_copy gives the parsers the
 * NUL-terminated heap copy of the input they expect.
 */
#ifndef STOK_FUZZ_H
#define STOK_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

static inline void
fuzz_quiet(void)
{
	static FILE *null;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	diag_set_stream(null);
	diag_reset();
}

/* The input as a new NUL-terminated string of size bytes. */
static inline char *
fuzz_copy(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A broken invariant: say which, then crash so that libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond, ...) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "invariant broken: " __VA_ARGS__);	\
		fputc('\n', stderr);					\
		abort();						\
	}								\
} while (0)

#endif

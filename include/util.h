/* SPDX-License-Identifier: MIT */
/*
 * util.h: allocation that never returns NULL, a growable string buffer, and
 * the one fatal() that every broken invariant and out-of-memory goes to.
 * Nothing here knows about curses; fatal() calls a hook the UI may set so
 * that the terminal is restored before the process exits.
 */
#ifndef STOK_UTIL_H
#define STOK_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define PRINTFLIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
/* "dir/name", of dirlen and len bytes: where a pack's many paths are made, without printf. */
char *path_join(const char *dir, size_t dirlen, const char *name, size_t len);
char *xasprintf(const char *, ...) PRINTFLIKE(1, 2);

/* Called by fatal() before it prints; the wizard sets it to leave curses. */
extern void (*fatal_hook)(void);
void fatal(const char *, ...) PRINTFLIKE(1, 2) NORETURN;

/*
 * strerror() in the C locale: the diagnostics are in English whatever the
 * locale, and a test expects the same line under tr_TR as under C.
 */
const char *errno_text(int);
/* The same in the interface's language, for the wizard's own messages (one thread only). */
const char *errno_said(int);

/*
 * A growable byte buffer. Invariants between buf_init and buf_free (or
 * buf_detach): data is never NULL and data[len] == '\0'. buf_detach hands
 * the bytes to the caller and releases the buffer, like buf_free; call
 * buf_init to use it again.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	FILE	*spill;	/* see buf_spill; NULL after buf_init */
};

void	buf_init(struct buf *);
void	buf_free(struct buf *);
void	buf_reset(struct buf *);
void	buf_grow(struct buf *, size_t);
void	buf_add_grow(struct buf *, const void *, size_t);
/* Appending where there is room is the common case, and a call of its own costs more. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n < b->cap - b->len) {
		memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else {
		buf_add_grow(b, p, n);
	}
}
void	buf_adds(struct buf *, const char *);
void	buf_addc(struct buf *, char);
void	buf_printf(struct buf *, const char *, ...) PRINTFLIKE(2, 3);
void	buf_vprintf(struct buf *, const char *, va_list) PRINTFLIKE(2, 0);
char   *buf_detach(struct buf *);
/*
 * A buffer with a spill stream is written out and emptied by buf_spill
 * once it holds BUF_SPILL bytes, where its writer says nothing before
 * will be looked at again (a report to standard output keeps 64 KiB of
 * itself in memory instead of all of it). Without one, a no-op.
 * Whoever set the stream checks it with ferror.
 */
#define BUF_SPILL	65536
void	buf_spill(struct buf *);

/*
 * An arena: many small allocations released together by arena_free. The
 * memory of arena_alloc is zeroed and aligned for any object; it lives
 * until the arena is freed. For trees that are built, read and dropped
 * whole, where a malloc and a free per node would cost more than the
 * parsing (see yfast.c). first is the size of its first block, for a
 * caller that knows about how much it needs (0: 8 KiB).
 */
struct arena;
struct arena *arena_new(size_t first);
void   *arena_alloc(struct arena *, size_t);
char   *arena_strndup(struct arena *, const char *, size_t);
void	arena_free(struct arena *);

/*
 * fn(ctx, i) for every i below n, on up to four threads (no more than
 * the cores, nor than most, which says how many threads the work is
 * worth; 0 or 1: this thread alone), each taking the next i not yet
 * taken, so in no fixed order. fn must touch only what belongs to its i;
 * parallel_for returns when all are done. If a thread cannot be started,
 * the others do its share.
 */
void	parallel_for(size_t n, size_t most, void (*fn)(void *ctx, size_t i), void *ctx);

/*
 * ASCII-only helpers: keys and ids never go through the locale. Inline:
 * the readers ask them of every byte of a key.
 */
static inline bool ascii_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline bool ascii_isalpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline int ascii_tolower(int c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }
bool	str_has_suffix(const char *, const char *);
/* FNV-1a, 64 bits, over n bytes, from h (FNV1A64_INIT to start). */
#define FNV1A64_INIT	14695981039346656037ull
uint64_t fnv1a64(uint64_t h, const void *p, size_t n);

#endif

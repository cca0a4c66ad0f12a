/* SPDX-License-Identifier: MIT */
/*
 * util.c: checked allocation, the growable buffer and fatal(). Allocation
 * failure is not a recoverable error in a tool this size: it ends the
 * process through fatal(), which gives the UI a chance to restore the
 * terminal first.
 */
#define __STDC_WANT_LIB_EXT2__ 1	/* vasprintf (ISO/IEC TR 24731-2, POSIX.1-2024) */
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util.h"

void (*fatal_hook)(void);

static locale_t c_locale;

static void
c_locale_new(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

const char *
errno_text(int err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	(void)pthread_once(&once, c_locale_new);	/* the loader's threads read files too */
	if (c_locale == (locale_t)0)
		return strerror(err);
	return strerror_l(err, c_locale);
}

const char *
errno_said(int err)
{
	return strerror(err);	/* translated by the C library, as LC_MESSAGES and LANGUAGE say */
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	if (fatal_hook != NULL)
		fatal_hook();
	fflush(stdout);
	fputs("stok-assess: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		fatal("out of memory allocating %zu bytes", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		fatal("out of memory allocating %zu x %zu bytes", n, size);
	return p;
}

void *
xreallocarray(void *ptr, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		fatal("allocation overflow: %zu x %zu bytes", n, size);
	p = realloc(ptr, (n * size) != 0 ? n * size : 1);
	if (p == NULL)
		fatal("out of memory allocating %zu x %zu bytes", n, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
path_join(const char *dir, size_t dirlen, const char *name, size_t len)
{
	char *p = xmalloc(dirlen + len + 2);

	memcpy(p, dir, dirlen);
	p[dirlen] = '/';
	memcpy(p + dirlen + 1, name, len);
	p[dirlen + 1 + len] = '\0';
	return p;
}

/*
 * A first block of the size asked for (8 KiB when not said), then blocks
 * of twice the last up to 64 KiB; a larger request gets a block of its own.
 * A block is zeroed ahead of its use, ARENA_ZERO bytes or the request at a
 * time: one memset for many small allocations (a tree's nodes and words),
 * and little zeroed that is never used (a text's arena uses a third of
 * its 64 KiB).
 *
 * An arena past ARENA_BIG (a group report's document: 5,000 answers
 * files make 50 MB of cmark nodes) takes ARENA_HUGE blocks straight from
 * the kernel, aligned to and advised as huge pages: one page fault for
 * 2 MiB instead of 512, and no memset, the kernel's pages being zero.
 * Where there are no huge pages, they are ordinary pages, zero as well.
 */
#define ARENA_FIRST	8192
#define ARENA_MOST	65536
#define ARENA_ZERO	4096
#define ARENA_BIG	(4u << 20)
#define ARENA_HUGE	((size_t)2 << 20)

struct arena_block {
	struct arena_block	*next;
	size_t			 size, used;
	size_t			 zeroed;	/* data[0 .. zeroed) is zero or in use */
	bool			 mapped;	/* an ARENA_HUGE block, for munmap */
	max_align_t		 data[];
};

struct arena {
	struct arena_block	*head;
	size_t			 first;	/* the size of the first block */
	size_t			 total;	/* the size of its blocks */
};

/* An ARENA_HUGE block, aligned to its size; NULL when the kernel has none to give. */
static struct arena_block *
huge_block(void)
{
	char *p = mmap(NULL, 2 * ARENA_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0), *start;
	struct arena_block *b;
	size_t head;

	if (p == MAP_FAILED)
		return NULL;
	head = (ARENA_HUGE - (uintptr_t)p % ARENA_HUGE) % ARENA_HUGE;
	start = p + head;
	if (head > 0)
		munmap(p, head);
	munmap(start + ARENA_HUGE, ARENA_HUGE - head);
#ifdef MADV_HUGEPAGE
	(void)madvise(start, ARENA_HUGE, MADV_HUGEPAGE);	/* a hint: no huge pages is no harm */
#endif
	b = (struct arena_block *)(void *)start;
	b->size = ARENA_HUGE - sizeof(*b);
	b->zeroed = b->size;
	b->mapped = true;
	return b;
}

struct arena *
arena_new(size_t first)
{
	struct arena *a = xcalloc(1, sizeof(struct arena));

	/*
	 * At most ARENA_MOST a block: malloc gives blocks that size from its
	 * heap, where a big tree's memory serves again once it is freed, and
	 * maps a larger one on its own, to be faulted in page by page anew.
	 */
	a->first = first < 256 ? ARENA_FIRST : first > ARENA_MOST ? ARENA_MOST : first;
	return a;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t size;
	void *p;

	n = (n + _Alignof(max_align_t) - 1) / _Alignof(max_align_t) * _Alignof(max_align_t);
	if (n == 0)
		n = _Alignof(max_align_t);
	if (b == NULL || b->size - b->used < n) {
		size = b == NULL ? a->first : b->size < ARENA_MOST ? 2 * b->size : ARENA_MOST;
		if (size < n)
			size = n;
		if (size > SIZE_MAX - sizeof(*b))
			fatal("arena_alloc: %zu bytes is too much", n);
		b = a->total >= ARENA_BIG && n <= ARENA_HUGE - sizeof(*b) ? huge_block() : NULL;
		if (b == NULL) {
			b = xmalloc(sizeof(*b) + size);
			b->size = size;
			b->zeroed = 0;
			b->mapped = false;
		}
		b->used = 0;
		b->next = a->head;
		a->head = b;
		a->total += b->size;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	if (b->used > b->zeroed) {
		size_t z = b->used - b->zeroed > ARENA_ZERO ? b->used - b->zeroed : ARENA_ZERO;

		if (z > b->size - b->zeroed)
			z = b->size - b->zeroed;
		memset((char *)b->data + b->zeroed, 0, z);
		b->zeroed += z;
	}
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		fatal("arena_strndup: too long");
	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	return p;	/* p[n] is already 0 */
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (b->mapped)
			munmap(b, ARENA_HUGE);
		else
			free(b);
	}
	free(a);
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	/* one pass: a buf starts small, and a question's text was formatted twice */
	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatal("vasprintf: %s", errno_text(errno));
	return s;
}

#define PARALLEL_MAX	4

/*
 * The threads of one parallel_for share a counter and each takes the next
 * i when it is free: a thread that started late, or was given cheap
 * items, is not left waiting for one that was dealt the slow ones.
 */
struct share {
	atomic_size_t	  next;
	size_t		  n;
	void		(*fn)(void *, size_t);
	void		 *ctx;
};

static void *
share_run(void *arg)
{
	struct share *s = arg;
	size_t i;

	while ((i = atomic_fetch_add_explicit(&s->next, 1, memory_order_relaxed)) < s->n)
		s->fn(s->ctx, i);
	return NULL;
}

void
parallel_for(size_t n, size_t most, void (*fn)(void *ctx, size_t i), void *ctx)
{
	struct share s = { 0, n, fn, ctx };
	pthread_t tid[PARALLEL_MAX];
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t threads = 1, started, k;

	while (threads < PARALLEL_MAX && (long)threads < cores && threads < most)
		threads++;
	for (started = 1; started < threads; started++)
		if (pthread_create(&tid[started], NULL, share_run, &s) != 0)
			break;
	share_run(&s);	/* with whatever the others leave, or all of it */
	for (k = 1; k < started; k++)
		pthread_join(tid[k], NULL);
}

void
buf_init(struct buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
	b->spill = NULL;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

/* Make room for at least n more bytes plus the terminating NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t need;

	if (n > SIZE_MAX - b->len - 1)
		fatal("buffer overflow");
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = xreallocarray(b->data, b->cap, 1);
}

void
buf_add_grow(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("vsnprintf: %s", errno_text(errno));
	if ((size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
buf_detach(struct buf *b)
{
	char *p = b->data;

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
buf_spill(struct buf *b)
{
	if (b->spill != NULL && b->len >= BUF_SPILL) {
		(void)fwrite(b->data, 1, b->len, b->spill);	/* an error stays in ferror */
		buf_reset(b);
	}
}

bool
str_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

uint64_t
fnv1a64(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ull;
	return h;
}

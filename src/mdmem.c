/* SPDX-License-Identifier: MIT */
/*
 * mdmem.c: cmark's memory from the calling thread's arena. A block keeps
 * its size in front of it, for realloc; free is nothing: the arena's end
 * frees all.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "mdmem.h"
#include "util.h"

static _Thread_local struct arena *in_use;

struct head {
	size_t		size;
	max_align_t	align[];
};

static void *
mem_calloc(size_t n, size_t size)
{
	struct head *h;

	if (in_use == NULL)	/* a tree of an arena touched with none in use: a bug */
		fatal("cmark's memory asked of an arena with none in use");
	if (size != 0 && n > (SIZE_MAX - sizeof(*h)) / size)
		fatal("out of memory");
	h = arena_alloc(in_use, sizeof(*h) + n * size);	/* zeroed */
	h->size = n * size;
	return h->align;
}

static void *
mem_realloc(void *p, size_t size)
{
	const struct head *old;
	void *q = mem_calloc(1, size);

	if (p != NULL) {
		old = (const struct head *)((char *)p - offsetof(struct head, align));
		memcpy(q, p, old->size < size ? old->size : size);
	}
	return q;
}

static void
mem_free(void *p)
{
	(void)p;
}

static cmark_mem arena_mem = { mem_calloc, mem_realloc, mem_free };

struct arena *
md_arena_use(struct arena *a)
{
	struct arena *before = in_use;

	in_use = a;
	return before;
}

struct arena *
md_arena_in_use(void)
{
	return in_use;
}

cmark_mem *
md_mem(void)
{
	return in_use != NULL ? &arena_mem : cmark_get_default_mem_allocator();
}

cmark_node *
md_parse(const char *md, size_t len, int options)
{
	cmark_parser *parser = cmark_parser_new_with_mem(options, md_mem());
	cmark_node *doc;

	cmark_parser_feed(parser, md, len);
	doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	return doc;
}

void
md_string_free(char *s)
{
	if (in_use == NULL)
		free(s);
}

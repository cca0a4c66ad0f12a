/* SPDX-License-Identifier: MIT */
/*
 * mdmem.h: cmark's memory from an arena. A tree parsed by md_parse takes
 * every node and buffer from the arena in use on the thread that parses
 * it, and is let go whole with arena_free, instead of a malloc and a free
 * for each node (check and the text report parse thousands of texts).
 * cmark's allocator has no context of its own, so the arena is the
 * calling thread's: whatever touches such a tree (its literals made into
 * strings, an iterator, a render) must run with the tree's arena in use.
 */
#ifndef STOK_MDMEM_H
#define STOK_MDMEM_H

#include <stddef.h>

struct arena;
struct cmark_mem;
struct cmark_node;

/* Put a in use on this thread (NULL: none); the arena in use before is returned. */
struct arena	*md_arena_use(struct arena *a);
/* The arena in use on this thread, or NULL. */
struct arena	*md_arena_in_use(void);

/* The allocator of the arena in use, or cmark's own when there is none. */
struct cmark_mem *md_mem(void);

/* md parsed with options, with md_mem(). */
struct cmark_node *md_parse(const char *md, size_t len, int options);

/*
 * A string cmark rendered from a node of the arena in use (or, with none
 * in use, of cmark's own memory): freed unless it is in the arena.
 */
void	 md_string_free(char *s);

#endif

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
struct cmark_node;

/* Put a in use on this thread (NULL: none); the arena in use before is returned. */
struct arena	*md_arena_use(struct arena *a);

/* md parsed with options into the arena in use, which there must be. */
struct cmark_node *md_parse(const char *md, size_t len, int options);

/* A string cmark gave for a node: freed unless it is in the arena in use. */
void	 md_string_free(char *s);

#endif

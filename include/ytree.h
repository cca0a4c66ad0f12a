/* SPDX-License-Identifier: MIT */
/*
 * ytree.h: a strict, bounded reader of one YAML document into a small tree,
 * built from libyaml's event API (never its document loader). It refuses
 * what our formats never need and what makes YAML dangerous: anchors,
 * aliases, tags, more than one document, nesting deeper than
 * YTREE_MAX_DEPTH, keys that are not plain text, and duplicate keys. Every
 * node carries its 1-based line and column in the file, so that the
 * validators after it can point at the offending key or value.
 */
#ifndef STOK_YTREE_H
#define STOK_YTREE_H

#include <stdbool.h>
#include <stddef.h>

#define YTREE_MAX_DEPTH 8

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_SEQUENCE,
	YNODE_MAPPING
};

struct ynode {
	enum ynode_kind	 kind;
	int		 line;
	int		 col;
	/* scalars: the value, NUL-terminated; len may exceed strlen (a "\0" escape) */
	char		*value;
	size_t		 len;
	bool		 plain;	/* a plain (unquoted, non-block) scalar */
	bool		 printable;	/* value holds only text_plain_run's characters and
					   line breaks: nothing in it for a check to refuse */
	/* sequences: n items; mappings: n pairs, key items[2i], value items[2i+1] */
	size_t		 n;
	struct ynode   **items;
	size_t		 nitems;	/* private: items in use, including a pending key */
	size_t		 cap;		/* private: items allocated */
	struct arena	*arena;		/* private: on the root, the memory of a whole tree
					   the fast reader built; NULL elsewhere */
};

/*
 * Parse the len bytes at offset in whole (whole_len bytes: the whole file,
 * so that positions are lines and columns of the file; the parsed bytes
 * must start a line). printable: content_check_bytes found the whole file
 * printable, which the fast reader then need not find again. file is the
 * name used in diagnostics. On success *out is the root (NULL for an empty
 * document) and 0 is returned; on failure one diagnostic has been issued
 * and -1 is returned.
 */
int	ytree_parse(const char *file, const char *whole_file, size_t whole_len, bool printable,
	    size_t offset, size_t len, struct ynode **out);
void	ytree_free(struct ynode *);

/*
 * The two readers behind ytree_parse, apart for the differential fuzzer
 * and the tests. ytree_parse_fast reads only the plain shape of our files
 * (see yfast.c): 1 with *out the tree, or 0, declined, with no diagnostic
 * and nothing in *out. ytree_parse_libyaml is the authority: ytree_parse
 * asks it whenever the fast reader declines. base_line is the line of the
 * file at offset.
 */
int	ytree_parse_fast(const char *whole_file, bool printable, size_t offset, size_t len,
	    int base_line, struct ynode **out);
int	ytree_parse_libyaml(const char *file, const char *whole_file, size_t whole_len,
	    size_t offset, size_t len, struct ynode **out);
/* Two trees alike in every field: kinds, positions, values, styles, items. */
bool	ytree_equal(const struct ynode *, const struct ynode *);

/* The value of key in mapping m, or NULL. */
struct ynode *ytree_get(const struct ynode *m, const char *key);
/* A plain empty scalar, or the plain word null or ~. */
bool	ytree_is_null(const struct ynode *);

#endif

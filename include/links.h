/* SPDX-License-Identifier: MIT */
/*
 * links.h: the links of a pack and its links register. links_collect()
 * walks the Markdown of answer texts once, with cmark's iterator, and
 * gives every link and image with its URL, its text and its position in
 * the answer-text file (front matter counted, columns in code points, at
 * the link's '['). The register, PACKDIR/links.tsv, records for every URL
 * the page's own title, its publisher and language, the day it was checked
 * and how far it was confirmed (seed, page or site); links_check() holds
 * the two against each other. The formats are in stok-assess(5). No curses.
 */
#ifndef STOK_LINKS_H
#define STOK_LINKS_H

#include <stdbool.h>
#include <stddef.h>

struct answer_text;
struct pack;

/* One use of a URL in an answer text. */
struct link_use {
	const struct answer_text *text;	/* owned by the pack */
	char		*url;		/* as cmark gives it: raw bytes, not sanitised */
	char		*label;		/* the link's text, plain; not sanitised */
	int		 line, col;	/* in the answer-text file, 1-based */
};

struct link_uses {
	struct link_use	*v;
	size_t		 n;
	size_t		 cap;
};

void	link_uses_init(struct link_uses *);
void	link_uses_free(struct link_uses *);
/* Move every use of from to the end of u, in order; from is left empty. */
void	link_uses_take(struct link_uses *u, struct link_uses *from);
/* Append the links of one answer text (nothing for a text that did not parse). */
void	links_collect(struct link_uses *, const struct answer_text *);
/* The same from its body as cmark parsed it (see answer_text_lint), which the caller frees. */
struct cmark_node;
void	links_collect_doc(struct link_uses *, const struct answer_text *, struct cmark_node *doc);
/* Append the links of every answer text of the pack, in path order. */
void	links_collect_pack(struct link_uses *, const struct pack *);

/* The six columns of the register. */
#define LINKS_REGISTER_NAME	"links.tsv"
#define LINKS_MAX_REGISTER	(1024 * 1024)

struct link_row {
	char	*url;
	char	*title;
	char	*publisher;
	char	*language;
	int	 checked;	/* YYYYMMDD */
	char	*confirmed;	/* "seed", "page" or "site" */
	int	 line;		/* in the register */
	bool	 used;		/* set by links_check() */
};

struct link_register {
	char		*path;		/* PACKDIR/links.tsv */
	struct link_row	*rows;		/* in file order */
	size_t		 n;
	struct link_row	**sorted;	/* by URL, each URL once, for lookups */
	size_t		 nsorted;
	size_t		 errors;	/* found while reading it */
};

enum register_status {
	REGISTER_READ = 0,	/* read; its errors (if any) went through diag() */
	REGISTER_NONE = 1,	/* the pack has no register */
	REGISTER_UNREADABLE = -1	/* it could not be read, after a diagnostic */
};

/*
 * Read and validate packdir/links.tsv. Every row with six columns is kept,
 * even with errors in its fields, so that one typo does not also make all
 * its uses "missing". link_register_free() in every case.
 */
enum register_status link_register_load(struct link_register *, const char *packdir);
void	link_register_free(struct link_register *);
/* The row of url, or NULL. */
struct link_row *link_register_find(const struct link_register *, const char *url);

/* A warning for each link that is not an absolute http or https address; their number. */
int	links_check_addresses(const struct link_uses *);
/*
 * Warn about every use of a URL that the register does not have (at the
 * link) and every row that no use needs (at the row); marks rows used.
 * A register with errors is not held against the uses (a row it could
 * not read would make every use of its URL "missing"): one warning says
 * so instead. Returns the number of warnings issued.
 */
int	links_check(const struct link_uses *, struct link_register *);
/* The one warning for a register that could not be read or has errors. */
void	links_unchecked(const char *register_path);

/* An absolute http or https URL with a host, and nothing unsafe in it. */
bool	link_url_ok(const char *url);
/* A home page: an http(s) URL whose path is empty or "/", with no query. */
bool	link_is_home_page(const char *url);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * packs.h: finding packs. The bundled packs live in one data directory
 * (see packs_datadir); each subdirectory with an assessment.yaml is a
 * pack. A pack is chosen by id and language, the language defaulting to
 * the locale's, then English, then the first pack found.
 */
#ifndef STOK_PACKS_H
#define STOK_PACKS_H

#include <stddef.h>

struct pack_ref {
	char	*dir;
	char	*id;
	char	*language;
	char	*title;
	char	*audience;	/* may be NULL */
	int	 version;
	size_t	 nquestions;
};

struct pack_list {
	struct pack_ref	*v;
	size_t		 n;
};

/*
 * The data directory: $STOK_ASSESS_DATA if set; else data/ beside the
 * executable (a build tree); else ../share/stok-assess beside it (a
 * relocated install); else the DATADIR compiled in.
 */
const char *packs_datadir(void);
/* Read the assessment file of every pack in datadir; broken packs are reported and left out. */
void	packs_scan(const char *datadir, struct pack_list *);
void	packs_free(struct pack_list *);
/*
 * The pack with this id (any when NULL) in this language (when NULL or not
 * there: the locale's language, then en, then the first). NULL if none.
 */
const struct pack_ref *packs_choose(const struct pack_list *, const char *id,
	    const char *language);
struct pack;
struct pack_want;
/*
 * Load the pack with this id and language (see packs_choose) from content
 * (a pack, or a directory of packs) or, when NULL, the bundled packs;
 * want, when not NULL, names the answer texts needed (pack_load_want).
 * NULL after a diagnostic, with the exit status in *status.
 */
struct pack *packs_load(const char *content, const char *id, const char *lang,
	    const struct pack_want *want, int *status);

/* The two- or three-letter language of the locale's messages, or "" (never NULL). */
const char *packs_locale_language(void);

#endif

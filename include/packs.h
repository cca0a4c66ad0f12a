/* SPDX-License-Identifier: MIT */
/*
 * packs.h: finding packs. The bundled packs live in one data directory
 * (see packs_datadir); each subdirectory with an assessment.yaml is a
 * pack. A pack is chosen by id and language, the language defaulting to
 * the locale's, then English, then the first pack found.
 */
#ifndef STOK_PACKS_H
#define STOK_PACKS_H

#include <stdbool.h>
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
 * Whether pack i of the list has the id and language of one before it,
 * which is then always chosen instead: a warning says so (list and check
 * call this for each pack).
 */
bool	packs_shadowed(const struct pack_list *, size_t i);
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
 * The packs of a directory are chosen between by their ids and languages
 * as packs_peek_ids reads them, and only the one chosen is loaded; when
 * one does not peek, or the assessment file of the one chosen does not
 * load without a word, the choice is packs_scan's, as it always was. The
 * choice is made on assessment files alone, so a pack's answer texts
 * never change it. NULL after a diagnostic, with the exit status in *status.
 * packs_load_start chooses and reads the chosen pack's assessment file
 * only (pack_load_start); pack_load_finish then reads its texts.
 */
struct pack *packs_load(const char *content, const char *id, const char *lang,
	    const struct pack_want *want, int *status);
struct pack *packs_load_start(const char *content, const char *id, const char *lang,
	    int *status);

/*
 * A pack's id and language as its assessment file's lines give them,
 * without a parse, for choosing which pack to parse: the values of "id:"
 * and "language:" at the start of a line, once each, plain words of
 * letters, digits, '-' and '_' or quoted without an escape, each alone
 * on its line but for a comment. In a file the loader accepts, such a
 * line is the top-level key (a value going on over lines is indented,
 * and the file is one mapping), so that when the file parses, these are
 * its id and language; the assessment fuzzer holds this to it. false,
 * with nothing in *id and *language, when either is missing, there twice
 * or written otherwise.
 */
bool	packs_peek_ids(const char *buf, size_t len, char **id, char **language);

/* The two- or three-letter language of the locale's messages, or "" (never NULL). */
const char *packs_locale_language(void);
/*
 * --lang's value as the packs name languages: "TR", "tr_TR.UTF-8" and
 * "tr-TR" are "tr", as the locale's names are read. Anything else is
 * given back as it is (and is then refused as a language no pack has).
 * The value is rewritten where it is (an argv string).
 */
char   *packs_lang_option(char *arg);

#endif

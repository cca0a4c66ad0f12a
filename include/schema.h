/* SPDX-License-Identifier: MIT */
/*
 * schema.h: checking a parsed YAML tree against one of our formats: keys
 * that must be there, values of the right type, keys we do not know. Each
 * check issues one diagnostic pointing at the offending key or value and
 * returns -1, so a validator can stop at the first error of a file.
 */
#ifndef STOK_SCHEMA_H
#define STOK_SCHEMA_H

#include <stdbool.h>

#include "ytree.h"

/*
 * The file's name for diagnostics and, optionally, its bytes with a
 * cursor (a line and the offset of its start, first { 1, 0 }), so that
 * schema_text can point at the character it refuses in a text value and
 * not only at the value, and, with comments, tell of a '#' comment that
 * cut a plain value short.
 */
struct schema_cursor {
	int	 line;
	size_t	 off;
};
struct schema_ctx {
	const char		*file;
	const char		*src;
	size_t			 srclen;
	struct schema_cursor	*cursor;
	bool			 comments;	/* warn at a '#' that ends a plain text value */
};

/*
 * Warn about keys of m not in the NULL-terminated list known. schema_keys
 * reads the keys once for both: values[j] gets the value of known[j], or
 * NULL, for a caller that would otherwise look each key up again.
 */
void	schema_unknown_keys(const struct schema_ctx *, const struct ynode *m,
	    const char *what, const char *const *known);
void	schema_keys(const struct schema_ctx *, const struct ynode *m, const char *what,
	    const char *const *known, const struct ynode **values);
/* n must be a mapping (what names it in the message). */
int	schema_mapping(const struct schema_ctx *, const struct ynode *n, const char *what);
/* n must be a sequence. */
int	schema_sequence(const struct schema_ctx *, const struct ynode *n, const char *key);
/*
 * The value of a required key: missing keys are reported at the mapping.
 * Returns NULL after a diagnostic.
 */
const struct ynode *schema_require(const struct schema_ctx *, const struct ynode *m,
	    const char *key, const char *what);
/*
 * A text value: a scalar, not empty when required, with no NUL and, when
 * single_line, no control characters (newlines included). *out is a copy,
 * NULL for an absent optional key. With the file's bytes in the context,
 * the error points at the character refused, and with comments set a
 * warning tells of a '#' comment that follows an unquoted value on its
 * line ("title: Step #2" is the title "Step").
 */
int	schema_text(const struct schema_ctx *, const struct ynode *m, const char *key,
	    const char *what, bool required, bool single_line, char **out);
/* The same for the value v of key in m, already looked up (NULL: absent). */
int	schema_text_value(const struct schema_ctx *, const struct ynode *m, const struct ynode *v,
	    const char *key, const char *what, bool required, bool single_line, char **out);
/*
 * What to do about a scalar that is not a valid id but looks like one
 * (quoted, a leading zero, digits other than 0-9), as ": remove the
 * quotes"; "" otherwise. For messages.
 */
const char *schema_id_hint(const struct ynode *v, int max);
/* A strict positive integer from 1 to max, written plainly. */
int	schema_id_value(const struct schema_ctx *, const struct ynode *v, const char *key,
	    int max, int *out);
int	schema_id(const struct schema_ctx *, const struct ynode *m, const char *key,
	    const char *what, int max, int *out);
/* A slug: 1-64 of a-z, 0-9 and '-', starting with a letter or digit. */
int	schema_slug(const struct schema_ctx *, const struct ynode *m, const char *key,
	    const char *what, char **out);
/* The "language" key of m, as content_language_ok takes it; -1 with an error otherwise. */
int	schema_language(const struct schema_ctx *, const struct ynode *m, const char *what,
	    char **out);

/*
 * A date written YYYY-MM-DD that exists in the calendar, as YYYYMMDD in
 * *out (0 for an absent optional key).
 */
int	schema_date(const struct schema_ctx *, const struct ynode *m, const char *key,
	    const char *what, bool required, int *out);

#endif

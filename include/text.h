/* SPDX-License-Identifier: MIT */
/*
 * text.h: UTF-8 and positions. Validation of untrusted bytes, 1-based
 * line and column from a byte offset (columns count code points, a UTF-8
 * byte order mark is not a column, CRLF and lone CR end a line as in
 * YAML), and the one sanitiser through which everything from content
 * passes before it reaches a terminal or a report.
 */
#ifndef STOK_TEXT_H
#define STOK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/*
 * Decode one code point from s (n > 0 bytes available). Returns the number
 * of bytes used, and sets *cp; an invalid or truncated sequence uses one
 * byte and sets *cp to -1.
 */
size_t	utf8_decode(const char *s, size_t n, int32_t *cp);
/* Append the UTF-8 encoding of cp to b. */
void	utf8_encode(struct buf *b, int32_t cp);
/* True if s is valid UTF-8; otherwise *bad is the offset of the first bad byte. */
bool	utf8_valid(const char *s, size_t n, size_t *bad);

/* 1-based line and column (code points) of byte offset off in s. */
void	text_linecol(const char *s, size_t n, size_t off, int *line, int *col);

/* C0 and C1 controls, DEL, bidirectional overrides and isolates, invalid bytes (-1). */
bool	text_is_control(int32_t cp);
/*
 * Default-ignorable and format characters (Unicode's Default_Ignorable_
 * Code_Point and category Cf) and U+2028, U+2029: invisible, or steering.
 */
bool	text_is_invisible(int32_t cp);
/* The invisible code points the display drops rather than shows (soft hyphen, ZWJ, ...). */
bool	text_is_droppable(int32_t cp);
/* A code point that must never reach a terminal as itself: control or invisible. */
bool	text_is_unsafe(int32_t cp);
/* True if s holds a code point for which text_is_unsafe() holds. */
bool	text_has_unsafe(const char *s, size_t n);
/*
 * Append s to b with every unsafe code point made visible: C0 controls
 * as ^@..^_, DEL as ^?, C1 controls, bidirectional controls and every
 * other invisible code point as <U+XXXX>, invalid bytes as <0xNN>.
 * Newlines are kept when keep_newlines is true and shown as ^J otherwise.
 */
void	text_sanitize(struct buf *b, const char *s, size_t n, bool keep_newlines);
/*
 * The same for display in the layout: the droppable code points are
 * removed instead of shown, newlines shown as ^J.
 */
void	text_sanitize_display(struct buf *b, const char *s, size_t n);
/* The same, into a new string. */
char   *text_sanitized(const char *s);

#endif

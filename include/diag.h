/* SPDX-License-Identifier: MIT */
/*
 * diag.h: the one way a problem with input is reported. Every message has
 * the form
 *	stok-assess: FILE:LINE:COL: error: what is wrong, and what to do
 * (or "warning"), with every part passed through the sanitiser, so a
 * hostile file name or value cannot reach the terminal raw. The counters
 * give the exit status: 1 for I/O failures, 2 for content errors.
 */
#ifndef STOK_DIAG_H
#define STOK_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "util.h"

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR,	/* the input is wrong: exit status 2 */
	DIAG_IO		/* the input could not be read or written: exit status 1 */
};

struct diag_counts {
	int	warnings;
	int	errors;
	int	io;
};

/* Where messages go; stderr unless a test says otherwise. */
void	diag_set_stream(FILE *);
/*
 * Report a problem at FILE:LINE:COL; line 0 leaves out line and column
 * (for problems with a whole file, such as one that cannot be opened).
 */
void	diag(enum diag_level, const char *file, int line, int col,
	    const char *fmt, ...) PRINTFLIKE(5, 6);
/* A problem with no file: a command-line mistake, say. */
void	diag_plain(enum diag_level, const char *fmt, ...) PRINTFLIKE(2, 3);
/*
 * A problem told to the person answering, in the interface's language
 * (fmt already translated): "error" and "warning" are translated too.
 * Problems of content, for the people who write packs, stay in English.
 */
void	diag_user(enum diag_level, const char *file, const char *fmt, ...) PRINTFLIKE(3, 4);
/*
 * While muted, problems are neither printed nor counted (a first, quiet
 * look at a file). Mutes nest: each diag_mute(true) ends at one
 * diag_mute(false).
 */
void	diag_mute(bool);
/* How many problems were muted so far: whether a quiet look found any. */
unsigned long diag_muted_count(void);
/*
 * Problems held back: while a thread holds into h, what it reports is
 * formatted but neither printed nor counted; diag_release then gives it
 * on the calling thread, in the order it was reported, as if reported
 * now (into the thread's own hold if it has one, else muted or not,
 * counted, printed), and empties h. The loader's worker threads hold
 * each file's problems, so that they come out in file order whatever the
 * timing; a parser holds a first try's to give them or drop them. A
 * zeroed struct diag_held is empty. diag_hold returns the hold it ends.
 */
struct diag_held {
	struct buf	 lines;	/* one line a problem, each ending in '\n' */
	unsigned char	*levels;
	size_t		 n, cap;
};
struct diag_held *diag_hold(struct diag_held *);	/* NULL: report directly again */
void	diag_release(struct diag_held *);
void	diag_drop(struct diag_held *);	/* empties h, giving nothing */
struct diag_counts diag_counts(void);
void	diag_reset(void);
/* 0 when nothing worse than a warning was seen, 2 for errors, 1 for I/O. */
int	diag_exit_status(void);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * fileio.h: reading untrusted files whole, and writing files atomically.
 * A file is read with one open and one read loop, and refused before any
 * byte is read when it is not a regular file (a directory, a FIFO, a
 * device), is a symbolic link, or is larger than the caller's limit.
 * Writes go to a temporary file in the same directory, are fsync'd, renamed
 * over the target and the directory is fsync'd, so that a crash at any
 * moment leaves either the old file or the new one.
 */
#ifndef STOK_FILEIO_H
#define STOK_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "util.h"

/*
 * Read path into a new NUL-terminated buffer. On failure issues one
 * diagnostic (DIAG_IO, or DIAG_ERROR for a file that is too large or not a
 * regular file) and returns -1. what names the kind of file in the error
 * for one over max bytes ("an answers file ... may have").
 */
int	file_read(const char *path, size_t max, const char *what, char **buf, size_t *len);
/*
 * -1, after the diagnostic file_read would give, when path is a directory,
 * a device, a FIFO or another special file; 0 otherwise (absent, regular,
 * or a link, which file_read refuses itself). For a file about to be
 * locked or written beside: said before anything is made there.
 */
int	file_not_special(const char *path);
/*
 * The same, and *st (when not NULL) is what fstat said of the file read;
 * also, when not NULL, is a smaller limit inside the file that its author
 * must meet too, said beside the file's own.
 */
int	file_read_stat(const char *path, size_t max, const char *what, const char *also,
	    char **buf, size_t *len, struct stat *st);

/*
 * Write len bytes to path atomically, with mode 0600 for a new file. When
 * overwrite is false an existing path is left alone and -2 is returned;
 * on an I/O error errno is set and -1 is returned.
 */
/* name made absolute (from the working directory), so that a user can be told where a file went. */
char	*file_absolute(const char *name);
int	file_write_atomic(const char *path, const void *data, size_t len, bool overwrite);
/* The same with another mode than 0600, for a file others may read. */
int	file_write_atomic_mode(const char *path, const void *data, size_t len, bool overwrite,
	    mode_t mode);
/*
 * The same for a report: a new one is 0600, as the answers are (its notes
 * are someone's; chmod shares it), and one that replaces a file keeps that
 * file's mode, which its owner chose.
 */
int	file_write_report(const char *path, const void *data, size_t len, bool overwrite);
/*
 * The same for the answers saved as they are given: an existing file keeps
 * its mode, and one that may not be written (no write permission at all,
 * or none for this user) is not replaced: -1 with errno EACCES, as an
 * editor refuses a read-only file, since its owner locked it.
 */
int	file_write_kept(const char *path, const void *data, size_t len);
/* Whether path is a regular file that file_write_kept would not replace. */
bool	file_locked(const char *path);
/*
 * Warn at its end that a file of ours (what: "the profile") that does not
 * end with a line break, as every one is written, may have been cut
 * short on its way, and what to do (remedy: "answer again").
 */
void	file_warn_cut_short(const char *path, const char *buf, size_t len, const char *what,
	    const char *remedy);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * fileio.c: whole-file reads with early refusal, and atomic writes.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "text.h"

int
file_read(const char *path, size_t max, const char *what, char **bufp, size_t *lenp)
{
	return file_read_stat(path, max, what, NULL, bufp, lenp, NULL);
}

/* A file over max bytes, refused as a sentence that names the limit in the unit it was set in. */
static void
refuse_size(const char *path, long long size, size_t max, const char *what, const char *also)
{
	char limit[32];

	if (max % (1024 * 1024) == 0)
		snprintf(limit, sizeof(limit), "%zu MiB", max / (1024 * 1024));
	else if (max % 1024 == 0)
		snprintf(limit, sizeof(limit), "%zu KiB", max / 1024);
	else
		snprintf(limit, sizeof(limit), "%zu bytes", max);
	diag(DIAG_ERROR, path, 0, 0, "the file is %lld bytes, more than the %s %s may have%s%s%s: "
	    "refusing to read it; shorten it", size, limit, what, also != NULL ? " (" : "",
	    also != NULL ? also : "", also != NULL ? ")" : "");
}

/* What a file that is not a regular one is, said once for every reader. */
static void
refuse_special(const char *path, mode_t mode)
{
	diag(DIAG_ERROR, path, 0, 0, "is %s, not a regular file: refusing to read it",
	    S_ISDIR(mode) ? "a directory" : S_ISFIFO(mode) ? "a FIFO" :
	    S_ISCHR(mode) || S_ISBLK(mode) ? "a device" : "a special file");
}

int
file_not_special(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0 || S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))
		return 0;
	refuse_special(path, st.st_mode);
	return -1;
}

int
file_read_stat(const char *path, size_t max, const char *what, const char *also, char **bufp,
    size_t *lenp, struct stat *stp)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ELOOP)
			diag(DIAG_ERROR, path, 0, 0,
			    "is a symbolic link: refusing to follow it; give the file itself");
		else
			diag(DIAG_IO, path, 0, 0, "cannot open: %s", errno_text(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		diag(DIAG_IO, path, 0, 0, "cannot read: %s", errno_text(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		refuse_special(path, st.st_mode);
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > max) {
		refuse_size(path, (long long)st.st_size, max, what, also);
		close(fd);
		return -1;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	for (;;) {
		n = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len >= (size_t)st.st_size)
			break;	/* all of it, or more: a short read of a regular file is its end */
	}
	if (n < 0 || len > (size_t)st.st_size) {
		if (n < 0)
			diag(DIAG_IO, path, 0, 0, "cannot read: %s", errno_text(errno));
		else
			diag(DIAG_IO, path, 0, 0, "changed while it was being read: try again");
		free(buf);
		close(fd);
		return -1;
	}
	close(fd);
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	if (stp != NULL)
		*stp = st;
	return 0;
}

static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
file_write_atomic(const char *path, const void *data, size_t len, bool overwrite)
{
	return file_write_atomic_mode(path, data, len, overwrite, 0600);
}

int
file_write_report(const char *path, const void *data, size_t len, bool overwrite)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;	/* not a file to ask about replacing */
		return -1;
	}
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
		return file_write_atomic_mode(path, data, len, overwrite, st.st_mode & 07777);
	return file_write_atomic_mode(path, data, len, overwrite, 0600);
}

bool
file_locked(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    ((st.st_mode & 0222) == 0 || access(path, W_OK) < 0);
}

int
file_write_kept(const char *path, const void *data, size_t len)
{
	struct stat st;

	if (file_locked(path)) {
		errno = EACCES;	/* locked by its owner: not replaced behind their back */
		return -1;
	}
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return file_write_atomic_mode(path, data, len, true, st.st_mode & 07777);
	return file_write_atomic_mode(path, data, len, true, 0600);
}

int
file_write_atomic_mode(const char *path, const void *data, size_t len, bool overwrite,
    mode_t mode)
{
	char *tmp, *dircopy;
	struct stat st;
	int fd, dfd, saved;

	if (!overwrite && lstat(path, &st) == 0)
		return -2;
	tmp = xasprintf("%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp);	/* O_EXCL, mode 0600: never follows a link */
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	if ((mode != 0600 && fchmod(fd, mode) < 0) || write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (!overwrite) {
		/* link() fails if path appeared meanwhile: never clobber */
		if (link(tmp, path) < 0)
			goto fail;
		unlink(tmp);
	} else if (rename(tmp, path) < 0) {
		goto fail;
	}
	free(tmp);
	dircopy = xstrdup(path);
	dfd = open(dirname(dircopy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dircopy);
	if (dfd >= 0) {
		saved = fsync(dfd);
		close(dfd);
		if (saved < 0)
			return -1;
	}
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = saved;
	return saved == EEXIST ? -2 : -1;
}

char *
file_absolute(const char *name)
{
	char *cwd, *path;

	if (name[0] == '/' || (cwd = getcwd(NULL, 0)) == NULL)
		return xstrdup(name);
	path = xasprintf("%s/%s", cwd, name);
	free(cwd);
	return path;
}

void
file_warn_cut_short(const char *path, const char *buf, size_t len, const char *what,
    const char *remedy)
{
	int line, col;

	if (len == 0 || buf[len - 1] == '\n')
		return;
	text_linecol(buf, len, len, &line, &col);
	diag(DIAG_WARNING, path, line, col, "%s does not end with a line break, so it may "
	    "have been cut short: compare it with the original, or %s", what, remedy);
}

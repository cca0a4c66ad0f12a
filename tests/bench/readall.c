/* SPDX-License-Identifier: MIT */
/*
 * readall.c: the I/O floor of loading a pack, for the benchmark. Reads
 * every file named on the command line with the system calls any loader
 * needs and nothing else: open, read until the end into one reused
 * buffer, close. GNU cat, the peer the issue names, also maps and unmaps a
 * 128 KiB buffer for every file, which costs more than the reading on some
 * machines; this program shows what is left without that.
 *
 * Only the benchmark uses this; it is not part of stok-assess.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static char buf[1 << 20];

int
main(int argc, char **argv)
{
	unsigned long long total = 0;
	ssize_t n;
	int i, fd;

	for (i = 1; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY | O_CLOEXEC)) < 0) {
			perror(argv[i]);
			return 1;
		}
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			total += (unsigned long long)n;
		if (n < 0) {
			perror(argv[i]);
			return 1;
		}
		close(fd);
	}
	printf("%llu\n", total);
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * commands.h: the subcommands of stok-assess. Each takes the arguments
 * after its name (argv[0] is the command's name) and returns the exit
 * status.
 */
#ifndef STOK_COMMANDS_H
#define STOK_COMMANDS_H

int	cmd_check(int argc, char **argv);
int	cmd_list(int argc, char **argv);
int	cmd_report(int argc, char **argv);

struct pack;
/*
 * The pack that a set of answers needs: from --content (a pack, or a
 * directory of packs) or the bundled packs, by id and language. NULL after
 * a diagnostic, with the exit status in *status.
 */
struct pack *load_pack_for(const char *content, const char *id, const char *lang,
	    int *status);

/* Print "Try 'stok-assess --help'" after a usage error; returns 2. */
int	usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

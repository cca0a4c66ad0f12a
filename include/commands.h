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
int	cmd_wizard(int argc, char **argv);

/* Print "Try 'stok-assess --help'" after a usage error; returns 2. */
int	usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

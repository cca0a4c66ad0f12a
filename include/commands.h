/* SPDX-License-Identifier: MIT */
/*
 * commands.h: the subcommands of stok-assess. Each takes the arguments
 * after its name (argv[0] is the command's name) and returns the exit
 * status.
 */
#ifndef STOK_COMMANDS_H
#define STOK_COMMANDS_H

#include <stdbool.h>

#include "merge.h"
#include "util.h"

int	cmd_check(int argc, char **argv);
int	cmd_index(int argc, char **argv);
int	cmd_list(int argc, char **argv);
int	cmd_links(int argc, char **argv);
int	cmd_report(int argc, char **argv);
int	cmd_wizard(int argc, char **argv);
int	cmd_merge(int argc, char **argv);
int	cmd_diff(int argc, char **argv);
int	cmd_network(int argc, char **argv);

/* Answers files and the pack they were given to (see cmd_common.c). */
struct answers_set {
	struct pack		*pack;
	struct session		**sessions;
	struct respondent	*r;
	size_t			 n;
};
/*
 * Read n answers files and load the pack the first names (or pack_id, in
 * lang) from content or the bundled packs. With shown_only and one file,
 * the pack may be partial (pack_load_want): only the texts of the file's
 * choices are read when the pack has a current index. 0, or the exit
 * status after a diagnostic; answers_free() in both cases.
 */
int	answers_load(struct answers_set *, char *const *paths, size_t n, const char *content,
	    const char *pack_id, const char *lang,
	    bool shown_only);
void	answers_free(struct answers_set *);
/*
 * Warn of each file with no answer, and of each holding the same answers,
 * notes, role and date as one before it (a copy, most likely), which would
 * count twice: for network, whatever organisation each names.
 */
void	answers_warn_copies(const struct answers_set *, bool network);
/* 0 when lang is NULL or the pack's language, else a usage error naming its languages (2). */
int	lang_check(const struct pack *, const char *content, const char *lang);
/* Whether output names standard output (NULL or "-"). */
bool	output_stdout(const char *output);
/* Write b to output (standard output, or a file atomically); 0 or the exit status. */
int	output_write(const char *output, bool force, const struct buf *b);

struct option;
/*
 * The options report, merge and diff share: --format, --output, --force,
 * --width, --lang, --pack, --content and --help.
 */
extern const struct option output_longopts[];
/*
 * getopt_long for the commands, printing its own one-line, sanitised
 * message about a wrong option (then returning '?': call usage_error(NULL)).
 */
int	cmd_getopt(int argc, char **argv, const char *optstring, const struct option *longopts);

/*
 * The program's usage (--help) and its version (--version) on standard
 * output (main.c): 0, or 1 when it could not be written.
 */
int	usage_print(void);
int	version_print(void);

/* Print "Try 'stok-assess --help'" after a usage error; returns 2. */
int	usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

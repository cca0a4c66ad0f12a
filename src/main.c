/* SPDX-License-Identifier: MIT */
/*
 * main.c: the command line. Sets the locale (for the terminal's character
 * widths and messages; nothing we parse depends on it) and dispatches to
 * a subcommand.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "text.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

static const char usage_text[] =
    "usage: stok-assess [--lang L] [--pack ID] [--content DIR] [--session FILE] [--fresh]\n"
    "                   [--ui=curses|text] [--color=auto|always|never] [--mouse]\n"
    "       stok-assess check [PACK ...]\n"
    "       stok-assess list\n"
    "       stok-assess report ANSWERS [--format text|markdown|html|json] [-o FILE]\n"
    "                          [--force] [--width N] [--lang L] [--pack ID] [--content DIR]\n"
    "       stok-assess merge FILE ... [--format text|markdown|html|json|csv] [-o FILE]\n"
    "       stok-assess diff OLD NEW [--format text|markdown|html|json] [-o FILE]\n"
    "       stok-assess --help | --version\n"
    "\n"
    "With no command, the wizard asks the questions of the pack for your language.\n"
    "\n"
    "Commands:\n"
    "  check    validate content packs (default: the bundled packs)\n"
    "  list     list the packs that can be chosen\n"
    "  report   write the report of an answers file\n"
    "  merge    the group report of several people's answers\n"
    "  diff     what changed between two assessments\n"
    "\n"
    "Environment: STOK_ASSESS_DATA names the directory of the bundled packs.\n"
    "See stok-assess(1) and, for the file formats, stok-assess(5).\n";

static const struct command {
	const char	*name;
	int		(*run)(int, char **);
} commands[] = {
	{ "check", cmd_check },
	{ "list", cmd_list },
	{ "report", cmd_report },
	{ "merge", cmd_merge },
	{ "diff", cmd_diff },
};

int
usage_error(const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	char *safe;

	if (fmt != NULL) {
		buf_init(&b);
		va_start(ap, fmt);
		buf_vprintf(&b, fmt, ap);
		va_end(ap);
		safe = text_sanitized(b.data);
		fprintf(stderr, "stok-assess: %s\n", safe);
		free(safe);
		buf_free(&b);
	}
	fputs("Try 'stok-assess --help'\n", stderr);
	return 2;
}

int
main(int argc, char **argv)
{
	size_t i;

	setlocale(LC_ALL, "");
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(usage_text, stdout);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
		printf("stok-assess %s\n", VERSION);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (argc == 1 || argv[1][0] == '-')
		return cmd_wizard(argc, argv);	/* no command: the wizard */
	for (i = 0; i < NELEM(commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", argv[1]);
}

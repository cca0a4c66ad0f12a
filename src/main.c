/* SPDX-License-Identifier: MIT */
/*
 * main.c: the command line. Prepares the wizard's heap, sets the locale
 * (for the terminal's character widths and messages; nothing we parse
 * depends on it) and dispatches to a subcommand.
 */
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "commands.h"
#include "diag.h"
#include "text.h"
#include "util.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

static const char usage_text[] =
    "usage: stok-assess [--lang L] [--pack ID] [--content DIR] [--session FILE] [--fresh]\n"
    "                   [--organisation NAME] [--role ROLE]\n"
    "                   [--ui=curses|text] [--color=auto|always|never] [--mouse]\n"
    "                   [--workshop [--big]] [--demo [--sample]]\n"
    "       stok-assess check [--stale YEARS] [PACK ...]\n"
    "       stok-assess index PACK ...\n"
    "       stok-assess list\n"
    "       stok-assess links [PACK ...]\n"
    "       stok-assess report ANSWERS [--format text|plain|markdown|html|json] [-o FILE]\n"
    "                          [--force] [--width N] [--lang L] [--pack ID] [--content DIR]\n"
    "                          [--compare PROFILE]\n"
    "       stok-assess merge ANSWERS ... [--format text|plain|markdown|html|json|csv] [-o FILE]\n"
    "                         [--force] [--width N] [--lang L] [--pack ID] [--content DIR]\n"
    "       stok-assess diff OLD NEW [--format text|plain|markdown|html|json] [-o FILE]\n"
    "                        [--force] [--width N] [--lang L] [--pack ID] [--content DIR]\n"
    "       stok-assess network ANSWERS ... [-o PROFILE] [--force] [--min-group N]\n"
    "                           [--pack ID] [--content DIR]\n"
    "       stok-assess --help | --version\n"
    "\n"
    "With no command, the wizard asks the questions of the pack for your language\n"
    "(--lang chooses the pack and the interface's language). Given on standard\n"
    "input by a script, one answer per line; --organisation and --role name them.\n"
    "--workshop counts a room's votes for each question; --demo keeps nothing\n"
    "(for trainers), and --sample opens on the results of an example organisation.\n"
    "\n"
    "Commands:\n"
    "  check    validate content packs (default: the bundled packs)\n"
    "  index    compile a pack's index, so that reports read only what they show\n"
    "  list     list the packs that can be chosen\n"
    "  links    every link of the answer texts, with its position\n"
    "  report   write the report of an answers file\n"
    "  merge    the group report of several people's answers\n"
    "  diff     what changed between two assessments\n"
    "  network  a network's profile from its members' answers\n"
    "\n"
    "Environment: STOK_ASSESS_DATA names the directory of the bundled packs.\n"
    "See stok-assess(1) and, for the file formats, stok-assess(5).\n";

static const struct command {
	const char	*name;
	int		(*run)(int, char **);
} commands[] = {
	{ "check", cmd_check },
	{ "index", cmd_index },
	{ "list", cmd_list },
	{ "links", cmd_links },
	{ "report", cmd_report },
	{ "merge", cmd_merge },
	{ "diff", cmd_diff },
	{ "network", cmd_network },
};

static void PRINTFLIKE(1, 0)
usage_vmessage(const char *fmt, va_list ap)
{
	struct buf b;
	char *safe;

	buf_init(&b);
	buf_vprintf(&b, fmt, ap);
	safe = text_sanitized(b.data);
	fprintf(stderr, "stok-assess: %s\n", safe);
	free(safe);
	buf_free(&b);
}

static void PRINTFLIKE(1, 2)
usage_message(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	usage_vmessage(fmt, ap);
	va_end(ap);
}

int
usage_error(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		va_start(ap, fmt);
		usage_vmessage(fmt, ap);
		va_end(ap);
	}
	fputs("Try 'stok-assess --help'\n", stderr);
	return 2;
}

/* The long option that arg ("--name" or "--name=value") names, or NULL; *n counts the matches. */
static const struct option *
long_option(const struct option *longopts, const char *arg, int *n)
{
	const struct option *found = NULL, *o;
	size_t len = strcspn(arg + 2, "=");

	*n = 0;
	for (o = longopts; o->name != NULL; o++) {
		if (strncmp(o->name, arg + 2, len) != 0)
			continue;
		if (strlen(o->name) == len) {	/* an exact match wins */
			*n = 1;
			return o;
		}
		if (found == NULL || found->val != o->val || found->has_arg != o->has_arg)
			(*n)++;	/* --colo is --color and --colour: one option */
		if (found == NULL)
			found = o;
	}
	return found;
}

/*
 * getopt_long with our own messages instead of getopt's: one line, through
 * the sanitiser, saying which option is wrong. Returns '?' after printing
 * one; the caller then calls usage_error(NULL).
 */
int
cmd_getopt(int argc, char **argv, const char *optstring, const struct option *longopts)
{
	char quiet[128];
	const char *arg;
	const struct option *lo;
	int ch, saved = opterr, n;
	size_t flags = optstring[0] == '+' || optstring[0] == '-';

	/* a ':' first (after + or -) makes a missing value ':', not '?' */
	snprintf(quiet, sizeof(quiet), "%.*s:%s", (int)flags, optstring, optstring + flags);
	opterr = 0;
	ch = getopt_long(argc, argv, quiet, longopts, NULL);
	opterr = saved;
	if (ch != '?' && ch != ':')
		return ch;
	arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	lo = strncmp(arg, "--", 2) == 0 ? long_option(longopts, arg, &n) : NULL;
	if (lo != NULL && n > 1)
		usage_message("option '%s' is ambiguous: write it out in full", arg);
	else if (lo != NULL && ch == ':')
		usage_message("option '--%s' needs a value", lo->name);
	else if (lo != NULL && lo->val == optopt && strchr(arg, '=') != NULL)
		usage_message("option '--%s' takes no value", lo->name);
	else if (optopt != 0 && ch == ':')
		usage_message("option '-%c' needs a value", optopt);
	else if (optopt != 0)
		usage_message("unknown option '-%c'", optopt);
	else
		usage_message("unknown option '%s'", arg);
	return '?';
}

/*
 * The wizard's first frame comes after about 60 pages of heap are first
 * touched (the assessment file read and parsed, the curses screens): each
 * a page fault of its own, 9 µs apiece on a virtual machine measured
 * here. Before the first allocation, the heap is made to start at
 * START_HEAP and is taken from the kernel in one call: 218 page faults to
 * the first question and out became 125, 0.4 ms sooner (BENCHMARKS.md).
 * The heap keeps growing by START_HEAP at a time, and (as with any
 * M_TOP_PAD) glibc no longer raises its mmap threshold as it goes: an
 * allocation of 128 KiB or more is mapped on its own each time. Where the
 * C library or the kernel cannot, nothing is done and the pages come one
 * by one as before.
 */
#define START_HEAP	(512 * 1024)

static void
start_heap(void)
{
#if defined(M_TOP_PAD) && defined(MADV_POPULATE_WRITE)
	uintptr_t start, end;
	void *p;

	if (mallopt(M_TOP_PAD, START_HEAP) == 0 || (p = malloc(1)) == NULL)
		return;
	start = (uintptr_t)p & ~(uintptr_t)(sysconf(_SC_PAGESIZE) - 1);
	end = (uintptr_t)sbrk(0);
	/* only the heap just made: a malloc of its own (valgrind's) lives elsewhere */
	if (end > start && end - start <= 2 * START_HEAP)
		(void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
	free(p);
#endif
}

int
usage_print(void)
{
	fputs(usage_text, stdout);
	return fflush(stdout) == 0 ? 0 : 1;
}

int
version_print(void)
{
	printf("stok-assess %s\n", VERSION);
	return fflush(stdout) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	bool wizard = argc == 1 || argv[1][0] == '-';	/* no command: the wizard */
	size_t i;

	if (wizard)
		start_heap();	/* before anything is allocated */

	/*
	 * The two categories the program uses: characters (UTF-8, widths,
	 * the terminal) and messages (gettext, the C library's). Numbers,
	 * dates and sorting are its own, the same in every locale; each
	 * category set costs a file read where the C library has no archive.
	 */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
		return usage_print();
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0))
		return version_print();
	if (wizard)
		return cmd_wizard(argc, argv);
	for (i = 0; i < NELEM(commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", argv[1]);
}

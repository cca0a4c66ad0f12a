/* SPDX-License-Identifier: MIT */
/*
 * cmd_check.c: "stok-assess check [PACK...]": load packs, print every
 * diagnostic on stderr and one summary line per pack on stdout.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "content.h"
#include "diag.h"
#include "packs.h"
#include "text.h"

static void
summary(const char *dir, const struct pack *p, struct diag_counts before)
{
	struct diag_counts after = diag_counts();
	int errors = after.errors + after.io - before.errors - before.io;
	int warnings = after.warnings - before.warnings;
	char *safe = text_sanitized(dir);

	if (p == NULL)
		printf("%s: not loaded", safe);
	else {
		char *id = text_sanitized(p->id), *lang = text_sanitized(p->language);
		printf("%s: %s (%s, version %d): %zu area%s, %zu question%s, %zu answer text%s",
		    safe, id, lang, p->version, p->nareas, p->nareas == 1 ? "" : "s",
		    p->nquestions, p->nquestions == 1 ? "" : "s",
		    p->ntexts, p->ntexts == 1 ? "" : "s");
		free(id);
		free(lang);
	}
	if (errors == 0 && warnings == 0)
		printf(": ok\n");
	else
		printf(", %d error%s, %d warning%s\n", errors, errors == 1 ? "" : "s",
		    warnings, warnings == 1 ? "" : "s");
	free(safe);
}

static void
check_one(const char *dir)
{
	struct diag_counts before = diag_counts();
	struct pack *p;

	pack_load(dir, &p);
	pack_lint(p);
	summary(dir, p, before);
	pack_free(p);
}

int
cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct pack_list list;
	size_t i;
	int ch;

	while ((ch = cmd_getopt(argc, argv, "h", longopts)) != -1) {
		if (ch == 'h') {
			printf("usage: stok-assess check [PACK ...]\n");
			return 0;
		}
		return usage_error(NULL);
	}
	if (optind < argc) {
		for (; optind < argc; optind++)
			check_one(argv[optind]);
	} else {
		packs_scan(packs_datadir(), &list);
		if (list.n == 0 && diag_counts().io == 0)
			diag(DIAG_ERROR, packs_datadir(), 0, 0, "holds no packs");
		for (i = 0; i < list.n; i++)
			check_one(list.v[i].dir);
		packs_free(&list);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		diag_plain(DIAG_IO, "cannot write to standard output");
		return 1;
	}
	return diag_exit_status();
}

/* SPDX-License-Identifier: MIT */
/*
 * cmd_list.c: "stok-assess list": the packs that can be chosen, one per
 * line, tab-separated: id, language, title, number of questions, and
 * who the pack is for (its audience; empty when it names none).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "diag.h"
#include "packs.h"
#include "text.h"

int
cmd_list(int argc, char **argv)
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
			printf("usage: stok-assess list\n");
			return 0;
		}
		return usage_error(NULL);
	}
	if (optind < argc)
		return usage_error("list takes no arguments");
	packs_scan(packs_datadir(), &list);
	for (i = 0; i < list.n; i++) {
		char *id, *title, *audience;

		if (packs_shadowed(&list, i))
			continue;	/* never chosen: warned of, not listed among those that can be */
		id = text_sanitized(list.v[i].id);
		title = text_sanitized(list.v[i].title);
		audience = text_sanitized(list.v[i].audience ? list.v[i].audience : "");

		printf("%s\t%s\t%s\t%zu\t%s\n", id, list.v[i].language, title,
		    list.v[i].nquestions, audience);
		free(id);
		free(title);
		free(audience);
	}
	packs_free(&list);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		diag_plain(DIAG_IO, "cannot write to standard output");
		return 1;
	}
	return diag_exit_status();
}

/* SPDX-License-Identifier: MIT */
/*
 * cmd_links.c: "stok-assess links [PACK...]": every link of every answer
 * text, one per line, FILE:LINE:COL, a tab, the URL, a tab, the link's
 * text, so that an editor can jump to it and a script (make linkcheck)
 * can check it. Problems with the packs go to stderr as in "check".
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "content.h"
#include "diag.h"
#include "links.h"
#include "packs.h"
#include "text.h"

static void
links_one(const char *dir)
{
	struct link_uses u;
	struct pack *p;
	size_t i;

	pack_load(dir, &p);
	if (p == NULL)
		return;
	link_uses_init(&u);
	links_collect_pack(&u, p);
	for (i = 0; i < u.n; i++) {
		char *path = text_sanitized(u.v[i].text->path);
		char *url = text_sanitized(u.v[i].url);
		char *label = text_sanitized(u.v[i].label);

		printf("%s:%d:%d\t%s\t%s\n", path, u.v[i].line, u.v[i].col, url, label);
		free(path);
		free(url);
		free(label);
	}
	link_uses_free(&u);
	pack_free(p);
}

int
cmd_links(int argc, char **argv)
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
			printf("usage: stok-assess links [PACK ...]\n");
			return 0;
		}
		return usage_error(NULL);
	}
	if (optind < argc) {
		for (; optind < argc; optind++)
			links_one(argv[optind]);
	} else {
		packs_scan(packs_datadir(), &list);
		if (list.n == 0 && diag_counts().io == 0)
			diag(DIAG_ERROR, packs_datadir(), 0, 0, "holds no packs");
		for (i = 0; i < list.n; i++)
			links_one(list.v[i].dir);
		packs_free(&list);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		diag_plain(DIAG_IO, "cannot write to standard output");
		return 1;
	}
	return diag_exit_status();
}

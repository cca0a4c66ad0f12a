/* SPDX-License-Identifier: MIT */
/*
 * cmd_report.c: "stok-assess report ANSWERS": the report of an answers
 * file, in the language of the chosen pack, to stdout or atomically to a
 * file that it never overwrites without --force.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "content.h"
#include "diag.h"
#include "fileio.h"
#include "packs.h"
#include "network.h"
#include "report.h"
#include "session.h"
#include "util.h"

static const char report_usage[] =
    "usage: stok-assess report ANSWERS [--format text|plain|markdown|html|json] [-o FILE]\n"
    "                          [--force] [--width N] [--lang L] [--pack ID] [--content DIR]\n"
    "                          [--compare PROFILE]\n";

/*
 * --lang L names a language of the pack: the pack loaded must be in L, never
 * another one chosen silently. 0, or the exit status of a usage error that
 * names the languages the pack has.
 */
int
lang_check(const struct pack *p, const char *content, const char *lang)
{
	struct pack_list list;
	struct buf langs;
	char *file;
	size_t i;
	int rc;

	if (lang == NULL || strcmp(p->language, lang) == 0)
		return 0;
	buf_init(&langs);
	file = content != NULL ? xasprintf("%s/assessment.yaml", content) : NULL;
	if (file != NULL && access(file, F_OK) == 0) {
		buf_adds(&langs, p->language);	/* --content names one pack */
	} else {
		diag_mute(true);
		packs_scan(content != NULL ? content : packs_datadir(), &list);
		diag_mute(false);
		for (i = 0; i < list.n; i++)
			if (strcmp(list.v[i].id, p->id) == 0)
				buf_printf(&langs, "%s%s", langs.len ? ", " : "", list.v[i].language);
		packs_free(&list);
	}
	free(file);
	for (i = 0; lang[i] != '\0' && i < 16 && (ascii_isalpha((unsigned char)lang[i]) ||
	    lang[i] == '-' || lang[i] == '_'); i++)
		;
	rc = usage_error("pack '%s' has no language '%s': it has %s", p->id,
	    lang[i] == '\0' ? lang : "?", langs.len ? langs.data : p->language);
	buf_free(&langs);
	return rc;
}

int
cmd_report(int argc, char **argv)
{
	const char *output = NULL, *lang = NULL, *pack_id = NULL, *content = NULL;
	const char *compare = NULL;
	struct network *nw = NULL;
	struct answers_set set;
	struct buf out;
	int ch, format = REPORT_TEXT, width = 78, status;
	bool force = false;

	while ((ch = cmd_getopt(argc, argv, "f:o:w:h", output_longopts)) != -1) {
		switch (ch) {
		case 'f':
			if ((format = report_format_parse(optarg)) < 0)
				return usage_error("unknown format '%s': use text, plain, markdown, html "
				    "or json", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'F':
			force = true;
			break;
		case 'w':
			if (!parse_id(optarg, strlen(optarg), REPORT_MAX_WIDTH, &width) ||
			    width < REPORT_MIN_WIDTH)
				return usage_error("--width takes a number from %d to %d, not '%s'",
				    REPORT_MIN_WIDTH, REPORT_MAX_WIDTH, optarg);
			break;
		case 'l':
			lang = packs_lang_option(optarg);
			break;
		case 'p':
			pack_id = optarg;
			break;
		case 'c':
			content = optarg;
			break;
		case 'C':
			compare = optarg;
			break;
		case 'h':
			fputs(report_usage, stdout);
			return 0;
		default:
			return usage_error(NULL);
		}
	}
	if (argc - optind != 1)
		return usage_error("report takes one answers file");
	if ((status = answers_load(&set, argv + optind, 1, content, pack_id, lang, true)) != 0) {
		answers_free(&set);
		return status;
	}
	if ((status = lang_check(set.pack, content, lang)) != 0) {
		answers_free(&set);
		return status;
	}
	if (compare != NULL && ((nw = network_read(compare)) == NULL ||
	    network_check_pack(nw, set.pack, compare) < 0)) {
		network_free(nw);
		answers_free(&set);
		return diag_exit_status() ? diag_exit_status() : 2;
	}
	buf_init(&out);
	if (output_stdout(output))
		out.spill = stdout;	/* the text report goes out as it is laid out */
	if (report_write(&out, set.pack, set.sessions[0], (enum report_format)format, width,
	    nw) < 0)
		status = diag_exit_status() ? diag_exit_status() : 2;
	else
		status = output_write(output, force, &out);
	buf_free(&out);
	network_free(nw);
	answers_free(&set);
	return status;
}

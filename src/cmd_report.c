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
#include "report.h"
#include "session.h"

static const char report_usage[] =
    "usage: stok-assess report ANSWERS [--format text|markdown|html|json] [-o FILE]\n"
    "                          [--force] [--width N] [--lang L] [--pack ID] [--content DIR]\n";

int
cmd_report(int argc, char **argv)
{
	const char *output = NULL, *lang = NULL, *pack_id = NULL, *content = NULL;
	struct answers_set set;
	struct buf out;
	int ch, format = REPORT_TEXT, width = 78, status;
	bool force = false;

	while ((ch = cmd_getopt(argc, argv, "f:o:w:h", output_longopts)) != -1) {
		switch (ch) {
		case 'f':
			if ((format = report_format_parse(optarg)) < 0)
				return usage_error("unknown format '%s': use text, markdown, html "
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
			lang = optarg;
			break;
		case 'p':
			pack_id = optarg;
			break;
		case 'c':
			content = optarg;
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
	if ((status = answers_load(&set, argv + optind, 1, content, pack_id, lang)) != 0) {
		answers_free(&set);
		return status;
	}
	buf_init(&out);
	report_write(&out, set.pack, set.sessions[0], (enum report_format)format, width);
	status = output_write(output, force, &out);
	buf_free(&out);
	answers_free(&set);
	return status;
}

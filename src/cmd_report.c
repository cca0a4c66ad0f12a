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
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "width", required_argument, NULL, 'w' },
		{ "lang", required_argument, NULL, 'l' },
		{ "pack", required_argument, NULL, 'p' },
		{ "content", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *lang = NULL, *pack_id = NULL, *content = NULL;
	struct session *s, *peek;
	struct pack *p;
	struct buf out;
	char *buf;
	size_t len;
	int ch, format = REPORT_TEXT, width = 78, status = 0, rc;
	bool force = false;

	while ((ch = getopt_long(argc, argv, "f:o:w:h", longopts, NULL)) != -1) {
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
				return usage_error("--width takes a number from %d to %d",
				    REPORT_MIN_WIDTH, REPORT_MAX_WIDTH);
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
	if (file_read(argv[optind], 4 * 1024 * 1024, &buf, &len) < 0)
		return diag_exit_status();
	/* a quiet first look for the pack's id and language */
	diag_mute(true);
	peek = session_parse(argv[optind], buf, len, NULL);
	diag_mute(false);
	if (peek == NULL) {
		/* parse again, aloud, for the diagnostic */
		session_free(session_parse(argv[optind], buf, len, NULL));
		free(buf);
		return diag_exit_status() ? diag_exit_status() : 2;
	}
	p = packs_load(content, pack_id ? pack_id : peek->pack_id,
	    lang ? lang : peek->language, &status);
	session_free(peek);
	if (p == NULL) {
		free(buf);
		return status ? status : 2;
	}
	s = session_parse(argv[optind], buf, len, p);
	free(buf);
	if (s == NULL) {
		pack_free(p);
		return diag_exit_status() ? diag_exit_status() : 2;
	}
	buf_init(&out);
	report_write(&out, p, s, (enum report_format)format, width);
	if (output == NULL || strcmp(output, "-") == 0) {
		if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
			diag_plain(DIAG_IO, "cannot write the report to standard output: %s",
			    strerror(errno));
			status = 1;
		}
	} else if ((rc = file_write_atomic(output, out.data, out.len, force)) == -2) {
		diag(DIAG_IO, output, 0, 0, "exists: choose another name, or use --force "
		    "to overwrite it");
		status = 1;
	} else if (rc < 0) {
		diag(DIAG_IO, output, 0, 0, "cannot write the report: %s", strerror(errno));
		status = 1;
	}
	buf_free(&out);
	session_free(s);
	pack_free(p);
	return status;
}

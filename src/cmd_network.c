/* SPDX-License-Identifier: MIT */
/*
 * cmd_network.c: "stok-assess network FILE...": the profile of a network
 * of organisations from its members' answers files (see network.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "network.h"

static const char network_usage[] =
    "usage: stok-assess network ANSWERS ... [-o PROFILE] [--force] [--min-group N]\n"
    "                           [--pack ID] [--content DIR]\n";

int
cmd_network(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "min-group", required_argument, NULL, 'm' },
		{ "pack", required_argument, NULL, 'p' },
		{ "content", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *pack_id = NULL, *content = NULL;
	struct answers_set set;
	struct network *nw;
	struct buf out;
	char *text;
	bool force = false;
	int ch, min_group = NETWORK_MIN_GROUP, orgs, status;

	while ((ch = cmd_getopt(argc, argv, "o:h", longopts)) != -1) {
		switch (ch) {
		case 'o':
			output = optarg;
			break;
		case 'F':
			force = true;
			break;
		case 'm':
			if (!parse_id(optarg, strlen(optarg), CONTENT_MAX_ID, &min_group) ||
			    min_group < NETWORK_MIN_GROUP)
				return usage_error("--min-group takes a number from %d up: "
				    "smaller groups could show one organisation's answers",
				    NETWORK_MIN_GROUP);
			break;
		case 'p':
			pack_id = optarg;
			break;
		case 'c':
			content = optarg;
			break;
		case 'h':
			fputs(network_usage, stdout);
			return fflush(stdout) == 0 ? 0 : 1;
		default:
			return usage_error(NULL);
		}
	}
	if (optind >= argc)
		return usage_error("network takes the answers files of the network's organisations");
	if ((status = answers_load(&set, argv + optind, (size_t)(argc - optind), content,
	    pack_id, NULL, false)) != 0) {
		answers_free(&set);
		return status;
	}
	answers_warn_copies(&set, true);
	nw = network_build(set.pack, (const struct session *const *)set.sessions, set.n,
	    min_group, &orgs);
	if (nw == NULL) {
		diag_plain(DIAG_ERROR, "%d organisation%s: a profile describes at least %d, so that "
		    "no member's answers can be told apart; collect more answers files",
		    orgs, orgs == 1 ? "" : "s", min_group);
		answers_free(&set);
		return 2;
	}
	text = network_format(nw);
	buf_init(&out);
	buf_adds(&out, text);
	free(text);
	status = output_write(output, force, &out);
	buf_free(&out);
	network_free(nw);
	answers_free(&set);
	return status;
}

/* SPDX-License-Identifier: MIT */
/*
 * cmd_wizard.c: "stok-assess" with no command: the wizard on the chosen
 * pack, full-screen where the terminal allows it and in line mode
 * otherwise (saying why, once, on stderr).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "diag.h"
#include "i18n.h"
#include "ui.h"

int
cmd_wizard(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "pack", required_argument, NULL, 'p' },
		{ "content", required_argument, NULL, 'c' },
		{ "session", required_argument, NULL, 's' },
		{ "fresh", no_argument, NULL, 'f' },
		{ "ui", required_argument, NULL, 'u' },
		{ "color", required_argument, NULL, 'C' },
		{ "colour", required_argument, NULL, 'C' },
		{ "mouse", no_argument, NULL, 'm' },
		{ "demo", no_argument, NULL, 'd' },
		{ "sample", no_argument, NULL, 'S' },
		{ "workshop", no_argument, NULL, 'w' },
		{ "big", no_argument, NULL, 'B' },
		{ NULL, 0, NULL, 0 }
	};
	struct app_options o;
	struct app app;
	const char *ui = NULL, *why = NULL;
	int ch, status;

	memset(&o, 0, sizeof(o));
	optind = 0;
	while ((ch = cmd_getopt(argc, argv, "+", longopts)) != -1) {
		switch (ch) {
		case 'l':
			o.lang = optarg;
			break;
		case 'p':
			o.pack_id = optarg;
			break;
		case 'c':
			o.content = optarg;
			break;
		case 's':
			o.session_path = optarg;
			break;
		case 'f':
			o.fresh = true;
			break;
		case 'u':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "curses") != 0)
				return usage_error("--ui takes text or curses");
			ui = optarg;
			break;
		case 'C':
			if (strcmp(optarg, "auto") == 0)
				o.color = COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o.color = COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o.color = COLOR_NEVER;
			else
				return usage_error("--color takes auto, always or never");
			break;
		case 'm':
			o.mouse = true;
			break;
		case 'd':
			o.demo = true;
			break;
		case 'S':
			o.sample = true;
			break;
		case 'w':
			o.workshop = true;
			break;
		case 'B':
			o.big = true;
			break;
		default:
			return usage_error(NULL);
		}
	}
	if (optind < argc)
		return usage_error("unknown command '%s'", argv[optind]);
	if (o.big && !o.workshop)
		return usage_error("--big goes with --workshop");
	if (o.sample && !o.demo)
		return usage_error("--sample goes with --demo");
	if (o.demo && (o.session_path != NULL || o.fresh))
		return usage_error("--demo keeps no session: leave out --session and --fresh");
	if ((status = app_open(&app, &o)) != 0) {
		app_close(&app);
		return status;
	}
	i18n_init(app.pack->language);
	if (ui == NULL || strcmp(ui, "curses") == 0) {
		if (!ui_curses_usable(&why)) {
			if (ui != NULL) {
				diag_plain(DIAG_ERROR, "cannot start the full-screen wizard: %s", why);
				app_close(&app);
				return 2;
			}
			fprintf(stderr, _("stok-assess: line mode, because %s\n"), why);
			ui = "text";
		}
	}
	if (ui != NULL && strcmp(ui, "text") == 0)
		status = ui_text_run(&app, &o, stdin, stdout);
	else
		status = ui_curses_run(&app, &o);
	app_close(&app);
	return status;
}

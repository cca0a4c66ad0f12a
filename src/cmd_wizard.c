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
#include "packs.h"
#include "diag.h"
#include "i18n.h"
#include "text.h"
#include "ui.h"

/*
 * --organisation and --role are kept in the saved session: what its
 * reader would refuse (invalid UTF-8, a control character, a line break)
 * is refused here, before a byte is saved.
 */
static int
check_saved_text(const char *option, const char *s)
{
	size_t n = strlen(s), i = 0, k, over;
	int32_t cp;

	if (!utf8_valid(s, n, &i))
		return usage_error("%s is not valid UTF-8 (byte %zu): give it in UTF-8", option, i + 1);
	/* as long as a name typed in either interface may be, which opens there whole */
	(void)app_input_fit(s, n, &over);
	if (over > 0)
		return usage_error("%s has more than the %d characters a name may have (%zu "
		    "too many): shorten it", option, INPUT_MAX, over);
	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (text_is_control(cp))
			return usage_error("%s contains U+%04X, a control character or direction "
			    "override: remove it", option, (unsigned)cp);
	}
	return 0;
}

/*
 * Line mode counts no votes: run there, a workshop would record one
 * person's answers in the room's session, under its name. It is refused
 * (in the interface's language, once the pack has chosen it), and
 * nothing is asked or saved; why is the untranslated reason.
 */
static int
workshop_refused(struct app *app, const char *why)
{
	diag_user(DIAG_ERROR, NULL, _("--workshop needs the full-screen wizard, which counts "
	    "the room's votes, but %s. Line mode records one person's answers: for that, "
	    "leave out --workshop."), _(why));
	app_close(app);
	return 2;
}

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
		{ "organisation", required_argument, NULL, 'o' },
		{ "organization", required_argument, NULL, 'o' },
		{ "role", required_argument, NULL, 'r' },
		{ "big", no_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct app_options o;
	struct diag_counts seen;
	struct app app;
	const char *ui = NULL, *why = NULL;
	bool usable;
	int ch, status;

	memset(&o, 0, sizeof(o));
	o.program = argv[0];
	optind = 0;
	while ((ch = cmd_getopt(argc, argv, "+hV", longopts)) != -1) {
		switch (ch) {
		case 'l':
			o.lang = packs_lang_option(optarg);
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
		case 'o':
			o.organisation = optarg;
			break;
		case 'r':
			o.role = optarg;
			break;
		case 'B':
			o.big = true;
			break;
		case 'h':	/* after other options too, as every command takes it */
			return usage_print();
		case 'V':
			return version_print();
		default:
			return usage_error(NULL);
		}
	}
	if (optind < argc)
		return usage_error("unknown command '%s'", argv[optind]);
	if (o.big && !o.workshop)
		return usage_error("--big goes with --workshop");
	if ((o.organisation != NULL && check_saved_text("--organisation", o.organisation) != 0) ||
	    (o.role != NULL && check_saved_text("--role", o.role) != 0))
		return 2;
	if (o.sample && !o.demo)
		return usage_error("--sample goes with --demo");
	if (o.demo && (o.session_path != NULL || o.fresh))
		return usage_error("--demo keeps no session: leave out --session and --fresh");
	o.script = !isatty(STDIN_FILENO);
	o.line = ui != NULL && strcmp(ui, "text") == 0;
	usable = (ui == NULL || strcmp(ui, "curses") == 0) && ui_curses_usable(&why);
	/* the full screen draws its first frame before the texts are read, unless that frame needs them */
	o.later = usable && !o.sample;
	if ((status = app_open(&app, &o)) != 0) {
		app_close(&app);
		return status;
	}
	seen = diag_counts();
	status = usable ? ui_curses_run(&app, &o, &why) : UI_UNUSABLE;
	if (status == UI_UNUSABLE) {
		if (ui == NULL || strcmp(ui, "curses") == 0) {	/* line mode not asked for: why */
			if (ui != NULL) {	/* asked for: why not, and what will work */
				diag_user(DIAG_ERROR, NULL, _("the full-screen wizard cannot start here, "
				    "because %s: without --ui=curses, line mode asks the same questions."),
				    _(why));
				app_close(&app);
				return 2;
			}
			if (o.workshop)
				return workshop_refused(&app, why);
			fprintf(stderr, _("stok-assess: line mode, because %s\n"), _(why));
			/* the texts the full screen leaves until its first frame is up */
			if (o.later && (status = app_load_texts(&app)) != 0) {
				app_close(&app);
				return status;
			}
		}
		if (o.workshop)
			return workshop_refused(&app, N_("--ui=text asks for line mode"));
		status = ui_text_run(&app, &o, stdin, stdout);
	}
	app_close(&app);
	/* an answer text that could not be read as its question came is an error too */
	if (status == 0 && diag_counts().io > seen.io)
		status = 1;
	else if (status == 0 && diag_counts().errors > seen.errors)
		status = 2;
	return status;
}

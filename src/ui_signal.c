/* SPDX-License-Identifier: MIT */
/*
 * ui_signal.c: the signals that end the wizard (INT, TERM, HUP, QUIT),
 * caught the same way by both interfaces: the wait for input ends, what
 * was answered is saved, the user is told where, and the signal is then
 * raised again, so the program ends as the signal would have ended it.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "i18n.h"
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "util.h"

static volatile sig_atomic_t caught;

static void
on_signal(int sig)
{
	caught = sig;
}

void
ui_signals_catch(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a signal ends the wait for input */
	for (i = 0; i < NELEM(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
}

int
ui_signal(void)
{
	return caught;
}

void
ui_print_wrapped(FILE *out, const char *text, int width, int indent)
{
	struct layout lo;
	struct buf b;

	layout_init(&lo);
	layout_text(&lo, text, width, indent, 0);
	buf_init(&b);
	layout_to_text(&lo, &b);
	fwrite(b.data, 1, b.len, out);
	buf_free(&b);
	layout_free(&lo);
}

/* text at the terminal's width, or line mode's when that is wider or unknown */
static void
say_wrapped(FILE *out, const char *text)
{
	struct winsize ws;
	int width = UI_LINE_WIDTH;

	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20 && ws.ws_col < width)
		width = ws.ws_col;
	ui_print_wrapped(out, text, width, 0);
}

/*
 * Where the answers are, and the command that opens them again on a line
 * of its own, whole, to be copied: the pack chosen by the locale (or by
 * --lang) and the file (or --session) are not what a bare "stok-assess"
 * would open on another day, or on a server with another locale.
 */
int
ui_saved_where(const struct app *a, FILE *out)
{
	char *safe, *cmd, *raw, *s;

	if (a->demo)
		return 0;
	safe = text_sanitized(a->session_path);
	if (a->save_errno != 0) {
		s = xasprintf(_("Your answers could NOT be saved in %s: %s. What was saved "
		    "there before is kept; the answers given since are lost."), safe,
		    errno_said(a->save_errno));
		say_wrapped(out, s);
	} else {
		s = xasprintf(app_complete(a) ? _("Your answers are saved in %s, and every "
		    "question is answered. To see the results again, run:") :
		    _("Your answers are saved in %s. To go on, run:"), safe);
		say_wrapped(out, s);
		raw = a->opts != NULL ? app_resume_command(a) : xstrdup("stok-assess");
		cmd = text_sanitized(raw);
		fprintf(out, "  %s\n", cmd);
		free(cmd);
		free(raw);
	}
	free(s);
	free(safe);
	return a->save_errno != 0;
}

int
ui_signal_end(struct app *a, FILE *out)
{
	int sig = caught;

	ui_saved_where(a, out);	/* said before the signal ends the program */
	fflush(out);
	app_remove_demo(a);
	if (a->lock_path != NULL)
		unlink(a->lock_path);	/* the lock itself goes with the process */
	signal(sig, SIG_DFL);
	raise(sig);
	return 128 + sig;
}

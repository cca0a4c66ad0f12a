/* SPDX-License-Identifier: MIT */
/*
 * ui_signal.c: the signals that end the wizard (INT, TERM, HUP, QUIT),
 * caught the same way by both interfaces: the wait for input ends, what
 * was answered is saved, the user is told where, and the signal is then
 * raised again, so the program ends as the signal would have ended it.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
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

int
ui_saved_where(const struct app *a, FILE *out)
{
	char *safe;

	if (a->demo)
		return 0;
	safe = text_sanitized(a->session_path);
	if (a->save_errno != 0)
		fprintf(out, _("Your answers could NOT be saved in %s: %s. What was saved "
		    "there before is kept; the answers given since are lost.\n"), safe,
		    errno_said(a->save_errno));
	else
		fprintf(out, _("Your answers are saved in %s. Run stok-assess again to go on.\n"),
		    safe);
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

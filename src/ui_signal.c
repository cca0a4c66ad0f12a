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

void
ui_saved_where(const struct app *a, FILE *out)
{
	char *safe;

	if (a->demo)
		return;
	safe = text_sanitized(a->session_path);
	fprintf(out, _("Your answers are saved in %s. Run stok-assess again to go on.\n"), safe);
	free(safe);
}

int
ui_signal_end(struct app *a, FILE *out)
{
	int sig = caught;

	ui_saved_where(a, out);	/* said before the signal ends the program */
	fflush(out);
	app_remove_demo(a);
	signal(sig, SIG_DFL);
	raise(sig);
	return 128 + sig;
}

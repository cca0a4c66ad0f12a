/* SPDX-License-Identifier: MIT */
/*
 * ui_term.c: can the full-screen wizard run here? The environment is
 * asked first, so that line mode can be chosen (and the reason given)
 * before anything is read; terminfo once curses has read the terminal's
 * description. Apart from the other curses files because term.h defines
 * macros (lines, columns) that clash with ordinary names.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "i18n.h"
#include "ui.h"

bool
ui_curses_usable(const char **why)
{
	const char *term = getenv("TERM"), *acc = getenv("ACCESSIBLE");

	if (acc != NULL && *acc != '\0') {
		*why = N_("ACCESSIBLE is set");
		return false;
	}
	if (term == NULL || *term == '\0') {
		*why = N_("TERM is not set");
		return false;
	}
	if (strcmp(term, "dumb") == 0) {
		*why = N_("the terminal is dumb");
		return false;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*why = N_("standard input or output is not a terminal");
		return false;
	}
	return true;
}

bool
ui_term_moves_cursor(void)
{
	const char *cup = tigetstr("cup");

	return cup != NULL && cup != (char *)-1;
}

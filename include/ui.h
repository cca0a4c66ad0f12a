/* SPDX-License-Identifier: MIT */
/*
 * ui.h: the two user interfaces of the wizard. Both work on a struct app
 * and save it after every change. This header does not include curses:
 * only the files of the curses interface do.
 */
#ifndef STOK_UI_H
#define STOK_UI_H

#include <stdio.h>

#include "app.h"

/*
 * Can the curses interface run on this terminal, as far as can be told
 * without terminfo? If not, *why says why (TERM unset or dumb, not a
 * terminal, ACCESSIBLE set), in English: it is asked before the
 * interface's language is known, so the caller translates it (_(why))
 * where it says it to the person.
 */
bool	ui_curses_usable(const char **why);
/*
 * The full-screen wizard; returns the exit status, or UI_UNUSABLE with
 * *why set, nothing drawn and the terminal as it was, when terminfo does
 * not know the terminal or it cannot move its cursor (curses reads the
 * terminal's description once, for both).
 */
#define UI_UNUSABLE	(-1)
int	ui_curses_run(struct app *, const struct app_options *, const char **why);
/* Whether the terminal curses was started on can move its cursor (ui_term.c). */
bool	ui_term_moves_cursor(void);
/*
 * Line mode: the same questions as numbered plain text read from in and
 * written to out, with no escape sequences and no redraws, for screen
 * readers and pipes. Returns the exit status.
 */
int	ui_text_run(struct app *, const struct app_options *, FILE *in, FILE *out);

/*
 * INT, TERM, HUP and QUIT caught, by either interface: ui_signal gives the
 * one caught (0: none), and ui_signal_end, once the answers are saved,
 * says where they are, removes a demo's files and raises the signal again.
 */
void	ui_signals_catch(void);
int	ui_signal(void);
int	ui_signal_end(struct app *, FILE *out);
/*
 * "Your answers are saved in FILE...", or, when the last save failed, that
 * they could not be and why; nothing in a demo. 1 when the save failed.
 */
int	ui_saved_where(const struct app *, FILE *out);
/* Line mode's width, and the most that words said on a terminal's own lines take. */
#define UI_LINE_WIDTH	78
/* text laid out at width (its wrapped lines indented by indent), to out. */
void	ui_print_wrapped(FILE *out, const char *text, int width, int indent);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * ui_curses.c: the full-screen wizard's terminal and its one loop: draw
 * the current screen, read a key, handle a resize in one place, dispatch
 * the key through the screen's key table. Signals only set a flag; the
 * loop saves, leaves curses and re-raises them, so the terminal is always
 * restored and the exit status is 128 + the signal's number.
 */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "text.h"
#include "ui.h"
#include "ui_curses.h"

static volatile sig_atomic_t got_signal;

static const struct screen_ops *const screens[SCR_COUNT] = {
	[SCR_WELCOME] = &scr_welcome,
	[SCR_QUESTION] = &scr_question,
	[SCR_AREA_END] = &scr_area_end,
	[SCR_REVIEW] = &scr_review,
	[SCR_RESULTS] = &scr_results,
	[SCR_PAGER] = &scr_pager,
	[SCR_HELP] = &scr_help,
	[SCR_INPUT] = &scr_input,
	[SCR_ASK] = &scr_ask,
	[SCR_VOTE] = &scr_vote,
	[SCR_ROOM] = &scr_room,
};

const struct screen_ops *
ui_screen(enum scr_id s)
{
	return screens[s];
}

void
ui_goto(struct ui *ui, enum scr_id s)
{
	ui->screen = s;
	screens[s]->enter(ui);
}

void
ui_save(struct ui *ui)
{
	if (app_save(ui->app) < 0)
		ui_status(ui, _("Could not save your answers to %s: %s"), ui->app->session_path,
		    errno_text(errno));
	else
		ui->status[0] = '\0';
}

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
leave_curses(void)
{
	if (!isendwin())
		endwin();
}

static void
setup_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a signal ends the wait for a key */
	for (i = 0; i < NELEM(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
}

static void
setup_colors(struct ui *ui, const struct app_options *o)
{
	const char *nc = getenv("NO_COLOR");
	short fg[] = {
#define X(name, f, m) f,
		UI_COLORS(X)
#undef X
	};
	short i;

	ui->color = false;
	if (o->color == COLOR_NEVER || !has_colors())
		return;
	if (o->color == COLOR_AUTO && nc != NULL && *nc != '\0')
		return;
	start_color();
	use_default_colors();	/* keep the terminal's own background */
	for (i = 0; i < UC_COUNT; i++)
		init_pair((short)(i + 1), fg[i], -1);
	ui->color = true;
}

/* The key as the tables know it: characters as themselves, keys + KEY_OFFSET. */
static int
read_key(void)
{
	wint_t wch;
	int rc = get_wch(&wch);

	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		if (wch == KEY_ENTER)
			return '\n';
		return KC((int)wch);
	}
	if (wch == '\r')
		return '\n';
	return (int)wch;
}

static enum action
lookup(const struct keydef *keys, int key)
{
	size_t i;

	for (i = 0; keys[i].key != 0; i++)
		if (keys[i].key == key)
			return keys[i].action;
	/* 1..9 choose, when the table has "1" to choose */
	if (key >= '2' && key <= '9')
		for (i = 0; keys[i].key != 0; i++)
			if (keys[i].key == '1' && keys[i].action == ACT_CHOOSE)
				return ACT_CHOOSE;
	return ACT_NONE;
}

static void
draw(struct ui *ui)
{
	const struct screen_ops *s = screens[ui->screen];

	erase();
	ui->cy = ui->cx = 0;
	ui->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	if (ui->too_small) {
		char *msg = xasprintf(_("The terminal is too small (%dx%d): make it at least "
		    "%dx%d, or press q to quit. Your answers are saved."), COLS, LINES,
		    UI_MIN_COLS, UI_MIN_LINES);
		ui_text(ui, 0, 0, COLS, LINES, msg, 0, A_BOLD);
		free(msg);
	} else {
		s->draw(ui);
		/* the input and the one-key question use the bottom lines themselves */
		if (ui->screen != SCR_INPUT && ui->screen != SCR_ASK) {
			ui_statusline(ui);
			ui_keybar(ui, ui_keys(ui));
		}
	}
	move(ui->cy, ui->cx);	/* screen readers follow the hardware cursor */
	refresh();
}

static void
ui_free(struct ui *ui)
{
	layout_free(&ui->pager);
	linkset_free(&ui->pager_links);
	free(ui->pager_title);
	free(ui->input_prompt);
	free(ui->ask_prompt);
	free(ui->export_path);
}

int
ui_curses_run(struct app *app, const struct app_options *opts)
{
	struct ui ui;
	SCREEN *scr;
	int key, sig;
	enum action act;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");	/* content is UTF-8 whatever the locale */
	setup_signals();
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		diag_plain(DIAG_IO, "cannot use the terminal '%s': set TERM, or use --ui=text",
		    getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	fatal_hook = leave_curses;
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(250);
	curs_set(1);
	if (opts->mouse)
		mousemask(BUTTON1_CLICKED, NULL);

	memset(&ui, 0, sizeof(ui));
	ui.app = app;
	ui.opts = opts;
	layout_init(&ui.pager);
	linkset_init(&ui.pager_links);
	setup_colors(&ui, opts);
	ui_goto(&ui, opts->sample ? SCR_RESULTS : SCR_WELCOME);
	draw(&ui);
	while (!ui.quit && got_signal == 0) {
		key = read_key();
		if (key < 0)
			continue;	/* a time-out or a signal: the loop's condition decides */
		if (key == KC(KEY_RESIZE) || key == 12 /* Ctrl-L */) {
			if (key == 12)
				clearok(curscr, TRUE);
			draw(&ui);
			continue;
		}
		if (key == KC(KEY_MOUSE)) {
			MEVENT ev;
			if (getmouse(&ev) == OK && ui.screen == SCR_QUESTION && !ui.too_small &&
			    (ev.bstate & BUTTON1_CLICKED) && ev.y >= 3 && ev.y < LINES - 2) {
				screens[ui.screen]->key(&ui, ACT_CLICK, ev.y);
				draw(&ui);
			}
			continue;
		}
		if (ui.too_small) {
			if (key == 'q')
				ui.quit = true;
			continue;
		}
		act = lookup(ui_keys(&ui), key);
		/* q and h mean the same on every screen whose table has them */
		if (act == ACT_QUIT) {
			ui.quit = true;
		} else if (act == ACT_KEYS) {
			ui_goto(&ui, SCR_HELP);
			draw(&ui);
		} else if (act != ACT_NONE || ui.screen == SCR_INPUT || ui.screen == SCR_ASK ||
		    ui.screen == SCR_VOTE) {
			/* typing screens take every key; the others only those in their table */
			screens[ui.screen]->key(&ui, act, key);
			if (!ui.quit)
				draw(&ui);
		}
	}
	sig = got_signal;
	app_save(app);
	endwin();
	delscreen(scr);
	fatal_hook = NULL;
	ui_free(&ui);
	if (sig != 0) {
		app_remove_demo(app);
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	if (!app->demo) {
		char *safe = text_sanitized(app->session_path);
		printf(_("Your answers are saved in %s. Run stok-assess again to go on.\n"), safe);
		free(safe);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

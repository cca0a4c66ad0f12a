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
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "diag.h"
#include "i18n.h"
#include "text.h"
#include "ui.h"
#include "ui_curses.h"

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
ui_return(struct ui *ui)
{
	ui->returning = true;
	ui_goto(ui, ui->back);
	ui->returning = false;
}

void
ui_save(struct ui *ui)
{
	if (app_save(ui->app) < 0)
		ui_status(ui, _("Could not save your answers to %s: %s"), ui->app->session_path,
		    errno_said(errno));
	else
		ui->status[0] = '\0';
}

/* Bracketed paste: terminfo's BE and BD where the entry has them, else xterm's. */
static void
paste_mode(bool on)
{
	char *cap = tigetstr(on ? "BE" : "BD");

	putp(cap != NULL && cap != (char *)-1 ? cap : on ? "\033[?2004h" : "\033[?2004l");
	fflush(stdout);
}

/*
 * How long after an Esc the rest of a key's sequence may come, in
 * milliseconds (curses waits this long, then read_escape again): over
 * SSH a key's bytes can arrive apart, and an arrow read as a lone Esc
 * would close the note being typed. Vim waits 100 ms, tmux 500.
 */
#define ESC_WAIT	50

/*
 * How long a read for a key waits before the loop has its turn again, in
 * milliseconds: after each wait the pack's files are held against its
 * index once, and a signal caught meanwhile is acted on.
 */
#define KEY_WAIT	250

/*
 * Ctrl-Z: caught (the handler sets a flag, as for the signals that end
 * the wizard), so that the loop gives the terminal back with bracketed
 * paste off and turns it on again on the way back. Left to curses' own
 * handler, bracketed paste stayed on for the shell, which turns it off
 * (bash, readline) before "fg": a paragraph pasted into a note after
 * that came as keys, its line break as Enter and its letters as the
 * question's keys.
 */
static volatile sig_atomic_t stop_asked;

static void
on_stop(int sig)
{
	(void)sig;
	stop_asked = 1;
}

/* SIGTSTP caught by on_stop, unless it was ignored (a shell without job control) */
static void
catch_stop(void)
{
	struct sigaction sa, old;

	if (sigaction(SIGTSTP, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: the wait for input ends */
	sigaction(SIGTSTP, &sa, NULL);
}

/* The terminal given back, the process stopped; continued, the screen taken again */
static void
suspend(void)
{
	stop_asked = 0;
	paste_mode(false);
	endwin();
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);		/* stopped here until "fg" */
	catch_stop();
	clearok(curscr, TRUE);	/* the shell wrote over the screen meanwhile */
	refresh();		/* the wizard's terminal modes and screen again */
	paste_mode(true);
}

/*
 * What the program says while the screen is the wizard's (the loader on
 * an answer text): counted as ever, kept, and said once the screen is the
 * shell's again.
 */
static FILE *said;
static char *said_text;
static size_t said_len;

static void
leave_curses(void)
{
	const char *rmcup;

	if (!isendwin()) {
		paste_mode(false);
		/*
		 * A terminal with no screen of its own to leave (vt100, the
		 * Linux console): the wizard's last frame stays, and what is
		 * said next would be written over its bottom line. Cleared, the
		 * goodbye stands alone.
		 */
		rmcup = tigetstr("rmcup");
		if (rmcup == NULL || rmcup == (char *)-1 || *rmcup == '\0') {
			clear();
			refresh();
		}
		endwin();
	}
	if (said != NULL) {
		diag_set_stream(NULL);
		if (fclose(said) == 0 && said_len > 0)
			fwrite(said_text, 1, said_len, stderr);
		free(said_text);
		said = NULL;
		said_text = NULL;
		said_len = 0;
	}
}

#define PASTE_END	L"\033[201~"
#define PASTE_KEEP	(4 * UI_INPUT_MAX)

/*
 * After "ESC [ 200 ~": the pasted text, read to "ESC [ 201 ~" (or until
 * the terminal is silent for half a second), with each run of line
 * breaks and each tab as a space, the rest of its controls dropped, and at most
 * PASTE_KEEP characters kept. A paste is text, never keys.
 */
static size_t
read_paste(wchar_t *out)
{
	size_t n = 0, end = 0, endlen = wcslen(PASTE_END);
	bool brk = false;
	wint_t wch;
	int rc;

	timeout(500);
	while ((rc = get_wch(&wch)) != ERR) {
		if (rc == KEY_CODE_YES)
			continue;
		if ((wchar_t)wch == PASTE_END[end]) {
			if (++end == endlen)
				break;
			continue;
		}
		end = (wchar_t)wch == PASTE_END[0];
		if (wch == '\r' || wch == '\n') {
			if (brk)
				continue;	/* CR LF, or an empty line: one space */
			brk = true;
			wch = ' ';
		} else {
			brk = false;
		}
		if (wch == '\t')
			wch = ' ';
		if (wch >= 0x20 && wch != 0x7F && n < PASTE_KEEP)
			out[n++] = (wchar_t)wch;
	}
	timeout(KEY_WAIT);
	return n;
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

/* The next character of an escape sequence within ms milliseconds, or -1. */
static int
seq_char(int ms)
{
	wint_t wch;
	int rc;

	timeout(ms);
	rc = get_wch(&wch);
	timeout(KEY_WAIT);
	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES || wch > 0x7E) {
		/* not part of a sequence: left for the next read */
		if (rc == KEY_CODE_YES)
			ungetch((int)wch);
		else
			unget_wch((wchar_t)wch);
		return -1;
	}
	return (int)wch;
}

/* Whether curses reads the mouse's reports (--mouse): else read_key drops them. */
static bool mouse_on;

/* "ESC [ 200 ~": what follows, to "ESC [ 201 ~", was pasted, not typed. */
#define KEY_PASTE_START	(KEY_MAX + 1)

/* The next character, whatever it is, within ms milliseconds; -1 if none. */
static int
seq_byte(int ms)
{
	wint_t wch;
	int rc;

	timeout(ms);
	rc = get_wch(&wch);
	timeout(KEY_WAIT);
	return rc == ERR ? -1 : (int)wch;
}

/* The key of "ESC [ N ~" (N the first parameter), or 0 for one we do not use. */
static int
tilde_key(int n)
{
	switch (n) {
	case 1: case 7: return KC(KEY_HOME);
	case 4: case 8: return KC(KEY_END);
	case 2: return KC(KEY_IC);
	case 3: return KC(KEY_DC);
	case 5: return KC(KEY_PPAGE);
	case 6: return KC(KEY_NPAGE);
	default: break;
	}
	if (n >= 11 && n <= 15)
		return KC(KEY_F(n - 10));
	if (n >= 17 && n <= 21)
		return KC(KEY_F(n - 11));
	if (n >= 23 && n <= 26)
		return KC(KEY_F(n - 12));
	return 0;
}

/* The key of a final letter after "ESC [" or "ESC O" (arrows, Home, End, F1-F4), or 0. */
static int
letter_key(int c)
{
	switch (c) {
	case 'A': return KC(KEY_UP);
	case 'B': return KC(KEY_DOWN);
	case 'C': return KC(KEY_RIGHT);
	case 'D': return KC(KEY_LEFT);
	case 'H': return KC(KEY_HOME);
	case 'F': return KC(KEY_END);
	case 'P': case 'Q': case 'R': case 'S': return KC(KEY_F(c - 'P' + 1));
	default: return 0;
	}
}

/* The three bytes of any value that follow "ESC [ M", a mouse report of the old kind. */
static void
skip_mouse_x10(void)
{
	int i;

	for (i = 0; i < 3; i++)
		seq_byte(50);
}

/*
 * The rest of a mouse report that curses named KEY_MOUSE (by the
 * terminal description's kmous) while the mouse is not ours: without
 * --mouse curses leaves it to be read as keys, and the report's bytes
 * would answer a question (a space chooses). The SGR kind (kmous "ESC [ <")
 * ends at M or m; the old kind is three bytes.
 */
static void
skip_mouse_report(void)
{
	const char *kmous = tigetstr("kmous");
	int c, n;

	if (kmous == NULL || kmous == (char *)-1 || kmous[0] == '\0' ||
	    kmous[strlen(kmous) - 1] != '<') {
		skip_mouse_x10();
		return;
	}
	for (n = 0; n < 32 && (c = seq_char(50)) != -1; n++)
		if (c == 'M' || c == 'm')
			return;
}

/*
 * The rest of a control string (OSC, DCS, SOS, PM, APC: a terminal's
 * answer to a query, a title, an image), read to its end, BEL or ST
 * (ESC \), and dropped: each byte within 50 ms, and 4096 at most. Returns
 * the character after an Esc that ends it otherwise (a new sequence),
 * else -1.
 */
static int
skip_string(void)
{
	int c, n;

	for (n = 0; n < 4096 && (c = seq_byte(50)) != -1; n++) {
		if (c == 7)
			return -1;
		if (c == 27)
			return (c = seq_char(50)) == '\\' ? -1 : c;
	}
	return -1;
}

/*
 * After an Esc that curses did not recognise as the start of a key: read
 * the rest of the sequence whole, whatever terminfo says, and return the
 * key it names or 0 to drop it. A lone Esc (nothing follows at once)
 * stays Esc; Esc with any other character (Alt and a key) is dropped, and
 * so is a control string, to its end.
 */
static int
read_escape(void)
{
	wint_t wch;
	int rc, c, n = 0, first = -1, len = 0;

	timeout(ESC_WAIT);
	rc = get_wch(&wch);
	timeout(KEY_WAIT);
	if (rc == ERR)
		return 27;
	/*
	 * Alt and Backspace (Esc DEL, which curses names KEY_BACKSPACE where
	 * the terminal's Backspace is DEL), or Alt and a letter beyond ASCII
	 * (Esc ş): dropped, as Alt and any other character is; read as a
	 * lone Esc, either cancelled the note being typed.
	 */
	if ((rc == KEY_CODE_YES && wch == KEY_BACKSPACE) || (rc != KEY_CODE_YES && wch > 0x7E))
		return 0;
	if (rc == KEY_CODE_YES) {	/* a key of its own (Esc, then an arrow): left for the next read */
		ungetch((int)wch);
		return 27;
	}
	c = (int)wch;
	while (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
		if ((c = skip_string()) == -1)
			return 0;
	if (c == '[') {
		c = seq_char(50);
		if (c == '[')	/* the Linux console: ESC [ [ A .. E are F1 .. F5 */
			return (c = seq_char(50)) >= 'A' && c <= 'E' ? KC(KEY_F(c - 'A' + 1)) : 0;
		/* parameters and intermediates, then one final byte */
		while (c >= 0x20 && c <= 0x3F && len++ < 32) {
			if (c >= '0' && c <= '9' && first < 0)
				n = n * 10 + (c - '0');
			else if (first < 0)
				first = n;	/* the first parameter ends at ';' or another byte */
			c = seq_char(50);
		}
		if (first < 0)
			first = n;
		if (c < 0x40 || c > 0x7E)
			return 0;	/* cut short or too long: dropped */
		if (c == 'M' && len == 0) {
			skip_mouse_x10();
			return 0;
		}
		if (c == '~' && first == 200)
			return KC(KEY_PASTE_START);
		return c == '~' ? tilde_key(first) : letter_key(c);
	}
	if (c == 'O') {
		c = seq_char(50);
		while (c >= '0' && c <= '9')	/* a modifier, as in ESC O 5 P */
			c = seq_char(50);
		return c == 'M' ? '\n' : c > 0 ? letter_key(c) : 0;
	}
	return 0;
}

/* Keys curses knows under other names: shifted, keypad, and xterm's Find and Select. */
static int
plain_key(int k)
{
	const char *name;

	switch (k) {
	case KEY_FIND: case KEY_SHOME: case KEY_A1: return KEY_HOME;
	case KEY_SELECT: case KEY_SEND: case KEY_C1: return KEY_END;
	case KEY_SLEFT: return KEY_LEFT;
	case KEY_SRIGHT: return KEY_RIGHT;
	case KEY_SPREVIOUS: case KEY_A3: return KEY_PPAGE;
	case KEY_SNEXT: case KEY_C3: return KEY_NPAGE;
	case KEY_SDC: return KEY_DC;
	case KEY_SIC: return KEY_IC;
	default: break;
	}
	/* F13 .. F60: F1 .. F12 with Shift, Ctrl or both, as modifiers are dropped elsewhere */
	if (k > KEY_F(12) && k <= KEY_F(60))
		return KEY_F((k - KEY_F(1)) % 12 + 1);
	if (k <= KEY_MAX)
		return k;
	/* the extended keys of xterm-like terminals: kRIT5 is Ctrl-Right, and so on */
	if ((name = keyname(k)) == NULL)
		return 0;
	if (strncmp(name, "kUP", 3) == 0)
		return KEY_UP;
	if (strncmp(name, "kDN", 3) == 0)
		return KEY_DOWN;
	if (strncmp(name, "kLFT", 4) == 0)
		return KEY_LEFT;
	if (strncmp(name, "kRIT", 4) == 0)
		return KEY_RIGHT;
	if (strncmp(name, "kHOM", 4) == 0)
		return KEY_HOME;
	if (strncmp(name, "kEND", 4) == 0)
		return KEY_END;
	if (strncmp(name, "kPRV", 4) == 0)
		return KEY_PPAGE;
	if (strncmp(name, "kNXT", 4) == 0)
		return KEY_NPAGE;
	if (strncmp(name, "kDC", 3) == 0)
		return KEY_DC;
	if (strncmp(name, "kIC", 3) == 0)
		return KEY_IC;
	return 0;
}

/*
 * The key as the tables know it: characters as themselves, keys +
 * KEY_OFFSET; 0 for a key or sequence that means nothing here.
 */
static int
read_key(void)
{
	wint_t wch;
	int rc = get_wch(&wch), k;

	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		if (wch == KEY_ENTER)
			return '\n';
		if (wch == KEY_MOUSE && !mouse_on) {
			skip_mouse_report();
			return 0;
		}
		if (wch == KEY_RESIZE || wch == KEY_MOUSE)
			return KC((int)wch);
		k = plain_key((int)wch);
		return k != 0 ? KC(k) : 0;
	}
	if (wch == 27)
		return read_escape();
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
	/* 1..9 and 0 choose, when the table has "1" to choose */
	if ((key >= '2' && key <= '9') || key == '0')
		for (i = 0; keys[i].key != 0; i++)
			if (keys[i].key == '1' && keys[i].action == ACT_CHOOSE)
				return ACT_CHOOSE;
	/* Q with Caps Lock on is q, where no key is Q itself (a table has no capitals) */
	if (key >= 'A' && key <= 'Z')
		return lookup(keys, key - 'A' + 'a');
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
		/* that answers are saved, only when there are some; a demo's, that none are */
		char *msg = xasprintf(!ui->app->demo && app_has_work(ui->app) ?
		    _("The terminal is too small (%dx%d): make it at least %dx%d, or press q to "
		    "quit. Your answers are saved.") :
		    _("The terminal is too small (%dx%d): make it at least %dx%d, or press q "
		    "to quit."), COLS, LINES, UI_MIN_COLS, UI_MIN_LINES), *with;

		if (ui->app->demo) {	/* as line mode says it (app_demo_words) */
			with = xasprintf("%s %s", msg, app_demo_words());
			free(msg);
			msg = with;
		}
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

/*
 * q: the answers are saved first; when that fails, or a room's counts
 * are not agreed on yet, the wizard stays and says why, and only a second
 * q at once quits without them.
 */
static bool
may_quit(struct ui *ui, bool *unsaved_ok)
{
	int q;

	if (*unsaved_ok)
		return true;
	if ((q = vote_unagreed(ui)) >= 0) {
		ui_status(ui, _("The room's counts for question %d are not agreed on yet, and "
		    "only an agreed answer keeps them: agree on one, or press q again to quit "
		    "without them."), q + 1);
		*unsaved_ok = true;
		return false;
	}
	if (ui->app->demo)
		return true;
	input_keep_typed(ui);
	if (app_save(ui->app) == 0)
		return true;
	ui_status(ui, _("Could not save your answers to %s: %s. Press q again to quit "
	    "without them."), ui->app->session_path, errno_said(ui->app->save_errno));
	*unsaved_ok = true;
	return false;
}

/* A paste goes where text is typed, as if typed; elsewhere it does nothing. */
static void
paste(struct ui *ui)
{
	wchar_t text[PASTE_KEEP];
	size_t n = read_paste(text), i;

	ui->status[0] = '\0';
	if (n == 0)
		return;
	if (ui->too_small || (ui->screen != SCR_INPUT && ui->screen != SCR_VOTE))
		ui_status(ui, _("Pasted text is taken only where you type: nothing was changed."));
	else
		for (i = 0; i < n && !(ui->screen == SCR_INPUT && ui->input_full); i++)
			screens[ui->screen]->key(ui, ACT_NONE, (int)text[i]);
	draw(ui);
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
	free(ui->own_role);
	free(ui->counted);
}

/* The screen given back to the shell, with what was said meanwhile, and the wizard's state freed. */
static void
screen_end(SCREEN *scr, struct ui *ui)
{
	leave_curses();
	delscreen(scr);
	fatal_hook = NULL;
	ui_free(ui);
}

int
ui_curses_run(struct app *app, const struct app_options *opts, const char **why)
{
	struct ui ui;
	SCREEN *scr;
	int key, sig, status;
	enum action act;
	bool unsaved_ok = false, waited = false, have_modes;
	struct termios modes;

	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");	/* content is UTF-8 whatever the locale */
	ui_signals_catch();
	/* curses reads the terminal's description once: whether it knows it, and whether it may be used */
	have_modes = tcgetattr(STDOUT_FILENO, &modes) == 0;
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL || !ui_term_moves_cursor()) {
		*why = scr == NULL ? N_("the terminal type is unknown") :
		    N_("the terminal cannot move its cursor");
		if (scr != NULL) {
			delscreen(scr);	/* nothing was drawn: endwin would move the cursor */
			if (have_modes)	/* newterm took echo and line editing away */
				(void)tcsetattr(STDOUT_FILENO, TCSADRAIN, &modes);
		}
		return UI_UNUSABLE;	/* line mode catches the same signals */
	}
	fatal_hook = leave_curses;
	/*
	 * Until its first endwin, ncurses writes at every cursor move (it
	 * takes the screen for a terminfo program's until then): a frame went
	 * out in 10 to 25 writes, each a wake-up of the terminal's side and,
	 * over SSH, a packet of its own. Left once before anything is drawn
	 * (the terminal's screen entered and left in one write), each frame
	 * goes out in one.
	 */
	endwin();
	if ((said = open_memstream(&said_text, &said_len)) != NULL) {
		diag_set_stream(said);
		app->words_at_end = true;
	}
	set_escdelay(ESC_WAIT);
	cbreak();
	noecho();
	nonl();
	timeout(KEY_WAIT);
	if (opts->mouse)
		mouse_on = mousemask(BUTTON1_CLICKED, NULL) != 0;

	memset(&ui, 0, sizeof(ui));
	ui.app = app;
	ui.counted = xcalloc(app->pack->nquestions ? app->pack->nquestions : 1, sizeof(*ui.counted));
	ui.opts = opts;
	ui_layout_init(&ui.pager);
	linkset_init(&ui.pager_links);
	setup_colors(&ui, opts);
	ui_goto(&ui, opts->sample ? SCR_RESULTS : SCR_WELCOME);
	if (app->read_only)	/* before an answer is given in vain */
		ui_status(&ui, _("%s is read-only: the answers given now will not be saved."),
		    app->session_path);
	else if (app->restart_backup != NULL)	/* --fresh over a saved session: where it will go */
		ui_status(&ui, _("Starting again. Your first new answer moves the old ones to %s."),
		    app->restart_backup);
	draw(&ui);
	/*
	 * The keypad's mode, the cursor and bracketed paste, each a write of
	 * its own, only now: the first frame went out in the same write as
	 * the return to the terminal's screen (2 writes before it, not 7).
	 */
	keypad(stdscr, TRUE);
	curs_set(1);
	paste_mode(true);
	catch_stop();
	/*
	 * The first frame is up: now the texts, before any key is acted on.
	 * Through the pack's index, the texts of the question the welcome
	 * screen leads to are read, and the pack's files are held against
	 * the index once the wizard has stood a key's time-out on any screen;
	 * any other key, and the end, waits for them (pack_load_unverified).
	 * Not at once after a frame: a terminal's side that shares the CPU
	 * (sshd, tmux) would show that frame only when the check was done.
	 */
	if ((status = app_load_texts_unverified(app)) != 0) {
		screen_end(scr, &ui);
		return status;
	}
	app_read_ahead(app, app_resume_question(app));	/* where the welcome screen leads */
	while (!ui.quit && ui_signal() == 0) {
		if (waited && (status = app_verify_texts(app)) != 0) {
			screen_end(scr, &ui);
			return status;
		}
		if (stop_asked) {
			suspend();
			draw(&ui);
			continue;
		}
		key = read_key();
		waited = key < 0;
		if (key <= 0)
			continue;	/* a time-out, a signal, or a key that means nothing here */
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
		if (key == KC(KEY_PASTE_START)) {
			paste(&ui);
			continue;
		}
		if (ui.too_small) {
			if (key == 'q' && !(ui.quit = may_quit(&ui, &unsaved_ok)))
				draw(&ui);
			continue;
		}
		ui.status[0] = '\0';	/* a message answers the key before; this key may give its own */
		act = lookup(ui_keys(&ui), key);
		if (!(act == ACT_CONFIRM && welcome_on_start(&ui)) &&
		    (status = app_verify_texts(app)) != 0) {
			screen_end(scr, &ui);
			return status;
		}
		if (act != ACT_QUIT)
			unsaved_ok = false;	/* the second q must come at once */
		/* q and h mean the same on every screen whose table has them */
		if (act == ACT_QUIT) {
			ui.quit = may_quit(&ui, &unsaved_ok);
			if (!ui.quit)
				draw(&ui);
		} else if (act == ACT_KEYS) {
			ui.back = ui.screen;	/* the help's own table has no ACT_KEYS */
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
	sig = ui_signal();
	if ((status = app_verify_texts(app)) != 0) {	/* a pack a clean read refuses keeps nothing */
		screen_end(scr, &ui);
		return status;
	}
	input_keep_typed(&ui);	/* a note or a name being typed is kept too */
	if (!app->demo)
		app_save(app);
	screen_end(scr, &ui);
	if (sig != 0)
		return ui_signal_end(app, stdout);
	status = ui_saved_where(app, stdout);
	return fflush(stdout) == 0 ? status : 1;
}

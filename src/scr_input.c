/* SPDX-License-Identifier: MIT */
/*
 * scr_input.c: a line of text (a note, the organisation's name, a file
 * name) and a one-key question, both drawn over the screen they return to.
 * Typed control characters never enter the text.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "i18n.h"
#include "text.h"
#include "ui_curses.h"

static const struct keydef input_keys[] = {
	{ '\n', "Enter", N_("save"), ACT_CONFIRM, KB_MAIN },
	{ 27, "Esc", N_("cancel"), ACT_CANCEL, KB_MAIN },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("move the cursor"), ACT_LEFT, KB_MOVE },
	{ KC(KEY_RIGHT), "\xE2\x86\x92", N_("move the cursor"), ACT_RIGHT, KB_MOVE },
	{ KC(KEY_HOME), "Home", N_("to the start, to the end"), ACT_HOME, KB_NO },
	{ KC(KEY_END), "End", N_("to the start, to the end"), ACT_END, KB_NO },
	{ 1, "Ctrl-A", N_("to the start, to the end"), ACT_HOME, KB_NO },
	{ 5, "Ctrl-E", N_("to the start, to the end"), ACT_END, KB_NO },
	{ KC(KEY_BACKSPACE), "\xE2\x8C\xAB", N_("delete before the cursor"), ACT_BACK, KB_NO },
	{ 127, "\xE2\x8C\xAB", N_("delete before the cursor"), ACT_BACK, KB_NO },
	{ 8, "\xE2\x8C\xAB", N_("delete before the cursor"), ACT_BACK, KB_NO },
	{ KC(KEY_DC), "Delete", N_("delete at the cursor"), ACT_DELETE, KB_NO },
	{ 4, "Ctrl-D", N_("delete at the cursor"), ACT_DELETE, KB_NO },
	{ 21, "Ctrl-U", N_("clear"), ACT_CLEAR, KB_MORE },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

static const struct keydef ask_keys[] = {
	{ 27, "Esc", N_("cancel"), ACT_CANCEL, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

/*
 * A text longer than the editor takes is never cut by opening it: the
 * editor stays closed, says so, and false is returned.
 */
bool
input_open(struct ui *ui, const char *prompt, const char *initial, input_done done)
{
	size_t n, over = 0;

	if (initial != NULL)
		app_input_fit(initial, strlen(initial), &over);
	if (over > 0) {
		ui_status(ui, _("This text is longer than the %d characters that can be edited "
		    "here: it is kept as it is."), UI_INPUT_MAX);
		return false;
	}
	free(ui->input_prompt);
	ui->input_prompt = xstrdup(prompt);
	ui->input_done = done;
	ui->input_len = 0;
	ui->input_keep = false;
	ui->input_full = false;
	if (initial != NULL) {
		n = mbstowcs(ui->input, initial, UI_INPUT_MAX);
		ui->input_len = n == (size_t)-1 ? 0 : n;
	}
	ui->input[ui->input_len] = L'\0';
	ui->input_pos = ui->input_len;
	if (ui->screen != SCR_INPUT && ui->screen != SCR_ASK) {
		ui->back = ui->screen;	/* returned to as it was left, a pager where it was read */
		ui->pager_top_back = ui->pager_top;
	}
	ui_goto(ui, SCR_INPUT);
	return true;
}

void
ask_yes_no(struct ui *ui, const char *prompt, ask_done done)
{
	ask_open(ui, prompt, NULL, done);
}

void
ask_open(struct ui *ui, const char *prompt, const char *keys, ask_done done)
{
	free(ui->ask_prompt);
	ui->ask_prompt = xstrdup(prompt);
	ui->ask_keys = keys;
	ui->ask_done = done;
	if (ui->screen != SCR_INPUT && ui->screen != SCR_ASK) {
		ui->back = ui->screen;	/* returned to as it was left, a pager where it was read */
		ui->pager_top_back = ui->pager_top;
	}
	ui_goto(ui, SCR_ASK);
}

static void
nothing(struct ui *ui)
{
	(void)ui;
}

/* The screen underneath, then a prompt on the two bottom lines. */
static void
draw_under(struct ui *ui)
{
	const struct screen_ops *s = ui_screen(ui->back);

	s->draw(ui);
	move(LINES - 3, 0);
	clrtobot();
	ui_rule(ui, LINES - 3);
}

/* Columns of one typed character (printable: at least 0, at most 2). */
static int
char_width(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

/*
 * The text in rows of at most width columns, broken after a space when the
 * row has one, else between characters: starts[r] is the first character
 * of row r; returns the number of rows.
 */
static size_t
input_rows(const struct ui *ui, int width, size_t *starts, size_t max)
{
	size_t i, k, n = 1, space = SIZE_MAX;
	int col = 0, w;

	starts[0] = 0;
	for (i = 0; i < ui->input_len; i++) {
		w = char_width(ui->input[i]);
		if (col + w > width && n < max) {
			if (space != SIZE_MAX && space + 1 < i) {
				starts[n++] = space + 1;	/* the word moves down whole */
				for (col = 0, k = space + 1; k < i; k++)
					col += char_width(ui->input[k]);
			} else {
				starts[n++] = i;
				col = 0;
			}
			space = SIZE_MAX;
		}
		if (ui->input[i] == L' ')
			space = i;
		col += w;
	}
	/*
	 * The cursor after a full last row goes to a row of its own, where the
	 * next character would be; at the limit no character can come, and it
	 * stays after the last one (the row is a column narrower than the
	 * screen), so that the end of the text is seen with it.
	 */
	if (col >= width && n < max && ui->input_len < UI_INPUT_MAX)
		starts[n++] = ui->input_len;
	return n;
}

/*
 * The screen underneath, then the prompt and the text wrapped over up to
 * four rows (the rows around the cursor when it is longer), and the keys.
 */
static void
input_draw(struct ui *ui)
{
	size_t starts[UI_INPUT_MAX + 2], nrows, shown, first = 0, r, i, crow = 0;
	int width = COLS - 1, y0, ccol = 0, prows;
	char mb[MB_LEN_MAX + 1];

	nrows = input_rows(ui, width, starts, NELEM(starts));
	for (r = 0; r < nrows; r++)
		if (starts[r] <= ui->input_pos)
			crow = r;
	shown = nrows < 4 ? nrows : 4;
	if (crow >= shown)
		first = crow - shown + 1;
	y0 = LINES - 1 - (int)shown;
	prows = ui_text_rows(ui->input_prompt, COLS, 0);	/* the prompt whole, wrapped */
	if (prows > y0 - 2)
		prows = y0 - 2 > 1 ? y0 - 2 : 1;
	ui_screen(ui->back)->draw(ui);
	move(y0 - 1 - prows, 0);
	clrtobot();
	ui_rule(ui, y0 - 1 - prows);
	if (ui->input_full) {
		char *full = xasprintf(_("At most %d characters here."), UI_INPUT_MAX);

		ui_put(y0 - 1 - prows, 0, full, COLS, A_BOLD);
		free(full);
	}
	ui_text(ui, y0 - prows, 0, COLS, y0, ui->input_prompt, 0, A_BOLD);
	/* rows of the text out of sight, above or below, are said on the rule */
	ui_rule_more(ui, y0 - 1 - prows, first > 0, first + shown < nrows);
	for (r = first; r < first + shown; r++) {
		size_t end = r + 1 < nrows ? starts[r + 1] : ui->input_len;
		struct buf b;

		buf_init(&b);
		for (i = starts[r]; i < end; i++) {
			int k = wctomb(mb, ui->input[i]);

			if (k > 0)
				buf_add(&b, mb, (size_t)k);
			if (i < ui->input_pos && r == crow)
				ccol += char_width(ui->input[i]);
		}
		ui_put(y0 + (int)(r - first), 0, b.data, width, A_NORMAL);
		buf_free(&b);
	}
	ui_keybar(ui, ui_keys(ui));
	ui->cy = y0 + (int)(crow - first);
	ui->cx = ccol;
}

/* A typed text as UTF-8, without control characters, trimmed. */
static char *
input_text(const struct ui *ui)
{
	size_t n = wcstombs(NULL, ui->input, 0), start = 0, end;
	char *text, *out;

	if (n == (size_t)-1)
		return xstrdup("");
	text = xmalloc(n + 1);
	wcstombs(text, ui->input, n + 1);
	end = n;
	while (start < end && text[start] == ' ')
		start++;
	while (end > start && text[end - 1] == ' ')
		end--;
	out = xstrndup(text + start, end - start);
	free(text);
	return out;
}

void
input_keep_typed(struct ui *ui)
{
	char *text;

	if (ui->screen != SCR_INPUT || !ui->input_keep)
		return;
	text = input_text(ui);
	ui_return(ui);
	ui->input_done(ui, text);
	free(text);
}

static void
input_key(struct ui *ui, enum action act, int key)
{
	input_done done = ui->input_done;
	char *text;

	ui->input_full = false;
	switch (act) {
	case ACT_CONFIRM:
		text = input_text(ui);
		ui_return(ui);
		done(ui, text);
		free(text);
		return;
	case ACT_CANCEL:
		ui_return(ui);
		return;
	case ACT_LEFT:
		if (ui->input_pos > 0)
			ui->input_pos--;
		return;
	case ACT_RIGHT:
		if (ui->input_pos < ui->input_len)
			ui->input_pos++;
		return;
	case ACT_HOME:
		ui->input_pos = 0;
		return;
	case ACT_END:
		ui->input_pos = ui->input_len;
		return;
	case ACT_BACK:
		if (ui->input_pos == 0)
			return;
		ui->input_pos--;
		/* FALLTHROUGH */
	case ACT_DELETE:
		if (ui->input_pos < ui->input_len) {
			wmemmove(ui->input + ui->input_pos, ui->input + ui->input_pos + 1,
			    ui->input_len - ui->input_pos);
			ui->input_len--;
		}
		return;
	case ACT_CLEAR:
		ui->input_len = ui->input_pos = 0;
		ui->input[0] = L'\0';
		return;
	default:
		break;
	}
	/* printable characters only: nothing typed can be a control */
	if (key >= KEY_OFFSET || key < 0x20 || !iswprint((wint_t)key) ||
	    text_is_unsafe((int32_t)key))
		return;
	if (ui->input_len >= UI_INPUT_MAX) {
		ui->input_full = true;	/* said on the rule above the text */
		beep();
		return;
	}
	wmemmove(ui->input + ui->input_pos + 1, ui->input + ui->input_pos,
	    ui->input_len - ui->input_pos + 1);
	ui->input[ui->input_pos++] = (wchar_t)key;
	ui->input_len++;
}

static void
ask_draw(struct ui *ui)
{
	draw_under(ui);
	ui_text(ui, LINES - 2, 0, COLS - 1, LINES, ui->ask_prompt, 0, A_BOLD);
	ui->cy = LINES - 2;
	ui->cx = 0;
}

static void
ask_key(struct ui *ui, enum action act, int key)
{
	ask_done done = ui->ask_done;

	if (act == ACT_CANCEL) {
		ui_return(ui);
		return;
	}
	if (ui->ask_keys == NULL) {	/* yes or no, in the interface's language */
		int yes = app_yes_no(key);

		if (yes >= 0) {
			ui_return(ui);
			done(ui, yes);
		}
		return;
	}
	if (key > 0 && key < 128 && strchr(ui->ask_keys, key) != NULL) {
		ui_return(ui);
		done(ui, key);
	}
}

const struct screen_ops scr_input = {
	nothing, input_draw, input_key, input_keys, N_("Typing a text")
};
const struct screen_ops scr_ask = {
	nothing, ask_draw, ask_key, ask_keys, N_("A question")
};

/* SPDX-License-Identifier: MIT */
/*
 * scr_input.c: a line of text (a note, the organisation's name, a file
 * name) and a one-key question, both drawn over the screen they return to.
 * Typed control characters never enter the text.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "i18n.h"
#include "text.h"
#include "ui_curses.h"

static const struct keydef input_keys[] = {
	{ '\n', "Enter", N_("save"), ACT_CONFIRM, true },
	{ 27, "Esc", N_("cancel"), ACT_CANCEL, true },
	{ KC(KEY_BACKSPACE), "\xE2\x8C\xAB", N_("delete"), ACT_BACK, true },
	{ 127, "\xE2\x8C\xAB", N_("delete"), ACT_BACK, false },
	{ 8, "\xE2\x8C\xAB", N_("delete"), ACT_BACK, false },
	{ 21, "Ctrl-U", N_("clear"), ACT_HOME, true },
	{ 0, NULL, NULL, ACT_NONE, false }
};

static const struct keydef ask_keys[] = {
	{ 27, "Esc", N_("cancel"), ACT_CANCEL, true },
	{ 0, NULL, NULL, ACT_NONE, false }
};

void
input_open(struct ui *ui, const char *prompt, const char *initial, input_done done)
{
	size_t n;

	free(ui->input_prompt);
	ui->input_prompt = xstrdup(prompt);
	ui->input_done = done;
	ui->input_len = 0;
	if (initial != NULL) {
		n = mbstowcs(ui->input, initial, UI_INPUT_MAX);
		ui->input_len = n == (size_t)-1 ? 0 : n;
	}
	ui->input[ui->input_len] = L'\0';
	if (ui->screen != SCR_INPUT && ui->screen != SCR_ASK)
		ui->back = ui->screen;
	ui_goto(ui, SCR_INPUT);
}

void
ask_open(struct ui *ui, const char *prompt, const char *keys, ask_done done)
{
	free(ui->ask_prompt);
	ui->ask_prompt = xstrdup(prompt);
	ui->ask_keys = keys;
	ui->ask_done = done;
	if (ui->screen != SCR_INPUT && ui->screen != SCR_ASK)
		ui->back = ui->screen;
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

static void
input_draw(struct ui *ui)
{
	char *text, *safe;
	size_t n;
	int w;

	draw_under(ui);
	ui_put(LINES - 2, 0, ui->input_prompt, COLS, A_BOLD);
	n = wcstombs(NULL, ui->input, 0);
	text = xmalloc(n == (size_t)-1 ? 1 : n + 1);
	if (n == (size_t)-1)
		text[0] = '\0';
	else
		wcstombs(text, ui->input, n + 1);
	safe = text_display(text, strlen(text), &w);
	/* show the end of a long text */
	{
		const char *p = safe;
		int skip = w - (COLS - 2);
		while (skip > 0 && *p != '\0') {
			int32_t cp;
			size_t k = utf8_decode(p, strlen(p), &cp);
			skip -= text_width(p, k);
			p += k;
		}
		ui->cx = ui_put(LINES - 1, 0, p, COLS - 1, A_NORMAL);
	}
	ui->cy = LINES - 1;
	free(safe);
	free(text);
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

static void
input_key(struct ui *ui, enum action act, int key)
{
	input_done done = ui->input_done;
	char *text;

	switch (act) {
	case ACT_CONFIRM:
		text = input_text(ui);
		ui_goto(ui, ui->back);
		done(ui, text);
		free(text);
		return;
	case ACT_CANCEL:
		ui_goto(ui, ui->back);
		return;
	case ACT_BACK:
		if (ui->input_len > 0)
			ui->input[--ui->input_len] = L'\0';
		return;
	case ACT_HOME:
		ui->input_len = 0;
		ui->input[0] = L'\0';
		return;
	default:
		break;
	}
	/* printable characters only: nothing typed can be a control */
	if (key >= KEY_OFFSET || key < 0x20 || !iswprint((wint_t)key) ||
	    text_is_unsafe((int32_t)key) || ui->input_len >= UI_INPUT_MAX)
		return;
	ui->input[ui->input_len++] = (wchar_t)key;
	ui->input[ui->input_len] = L'\0';
}

static void
ask_draw(struct ui *ui)
{
	draw_under(ui);
	ui->cx = ui_put(LINES - 2, 0, ui->ask_prompt, COLS - 1, A_BOLD);
	ui->cy = LINES - 2;
}

static void
ask_key(struct ui *ui, enum action act, int key)
{
	ask_done done = ui->ask_done;

	if (act == ACT_CANCEL) {
		ui_goto(ui, ui->back);
		return;
	}
	if (key > 0 && key < 128 && strchr(ui->ask_keys, key) != NULL) {
		ui_goto(ui, ui->back);
		done(ui, key);
	}
}

const struct screen_ops scr_input = {
	nothing, input_draw, input_key, input_keys, N_("Typing a text")
};
const struct screen_ops scr_ask = {
	nothing, ask_draw, ask_key, ask_keys, N_("A question")
};

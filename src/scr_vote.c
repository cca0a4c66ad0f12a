/* SPDX-License-Identifier: MIT */
/*
 * scr_vote.c: a question put to the room in a workshop, for a projector:
 * one question on the screen with room between its options and nothing
 * else. The facilitator types how many people chose each option ("3 5 2
 * 0"); the agreed answer starts on the most chosen (the lower on a tie)
 * and is confirmed with Enter. Counts and answer are saved together.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui_curses.h"

static const struct keydef vote_keys[] = {
	KEYS_MOVE,
	{ '0', "0-9", N_("type the counts"), ACT_NONE, true },
	{ '\n', "Enter", N_("confirm"), ACT_CONFIRM, true },
	{ 27, "Esc", N_("type again"), ACT_CANCEL, true },
	{ KC(KEY_BACKSPACE), "\xE2\x8C\xAB", N_("delete"), ACT_BACK, false },
	{ 127, "\xE2\x8C\xAB", N_("delete"), ACT_BACK, false },
	{ 8, "\xE2\x8C\xAB", N_("delete"), ACT_BACK, false },
	{ KC(KEY_LEFT), "\xE2\x86\x90\xE2\x86\x92", N_("back, next"), ACT_PREV, true },
	{ KC(KEY_RIGHT), "\xE2\x86\x92", N_("next question"), ACT_NEXT, false },
	{ 'q', "q", N_("quit"), ACT_QUIT, true },
	{ 0, NULL, NULL, ACT_NONE, false }
};

static const struct question *
current(const struct ui *ui)
{
	return &ui->app->pack->questions[ui->q];
}

/* The option most people chose, the lower one on a tie (not applicable counts last). */
static int
most_chosen(const int *votes, int n)
{
	int i, best = 0;

	for (i = 1; i < n; i++)
		if (votes[i] > votes[best])
			best = i;
	return best;
}

static void
vote_enter(struct ui *ui)
{
	const struct question *q = current(ui);
	const struct answer *a = session_answer(ui->app->sess, q->id);

	ui->vote_input[0] = '\0';
	ui->voted = a != NULL && a->nvotes > 0;
	ui->nvotes = ui->voted ? a->nvotes : 0;
	if (ui->voted)
		memcpy(ui->votes, a->votes, sizeof(ui->votes));
	ui->focus = saved_focus(ui);
}

/* Parse "3 5 2 0": at most one count per option; 0 after a diagnostic in the status line. */
static int
parse_counts(struct ui *ui, int n)
{
	const char *p = ui->vote_input;
	int k = 0;

	memset(ui->votes, 0, sizeof(ui->votes));
	while (*p != '\0') {
		long v = 0;
		int digits = 0;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		while (ascii_isdigit((unsigned char)*p) && digits < 7) {
			v = v * 10 + (*p++ - '0');
			digits++;
		}
		if (k == n || v > VOTES_MAX_COUNT || (*p != ' ' && *p != '\0')) {
			ui_status(ui, _("Type one count per option, %d at most, such as 3 5 2 0."), n);
			return 0;
		}
		ui->votes[k++] = (int)v;
	}
	if (k == 0)
		return 0;
	return n;
}

static void
vote_draw(struct ui *ui)
{
	const struct question *q = current(ui);
	const struct pack *p = ui->app->pack;
	int i, n = (int)q->nchoices + 1, y, cursor_y = -1;
	char *s;

	s = xasprintf(_("Question %zu/%zu \xC2\xB7 %s"), ui->q + 1, p->nquestions, q->area->title);
	ui_put(0, 2, s, COLS - 4, ui_attr(ui, UC_DIM));
	free(s);
	y = ui_text(ui, 2, 2, COLS - 4, LINES - 4, q->text, 0, A_BOLD) + 1;
	for (i = 0; i < n && y < LINES - 4; i++) {
		bool chosen = ui->voted && i == ui->focus;
		const char *label = i < (int)q->nchoices ? q->choices[i].text->title :
		    _("Not applicable to us");
		int top = y;

		s = xasprintf("%d %s %s", i + 1, chosen ? "(\xE2\x80\xA2)" : "( )", label);
		y = ui_text(ui, y, 4, COLS - 8 - (ui->voted ? 12 : 0), LINES - 4, s, 6,
		    chosen ? ui_attr(ui, UC_CHOSEN) : A_NORMAL);
		free(s);
		if (ui->voted) {
			char count[16];
			int bar = ui->votes[i] > 8 ? 8 : ui->votes[i], b;
			for (b = 0; b < bar; b++)
				ui_put(top, COLS - 12 + b, "#", 1, ui_attr(ui, UC_CHOSEN));
			snprintf(count, sizeof(count), "%d", ui->votes[i]);
			ui_put(top, COLS - 3, count, 3, A_BOLD);
		}
		if (ui->voted && i == ui->focus) {
			ui_put(top, 2, "\xE2\x80\xBA", 1, ui_attr(ui, UC_FOCUS));
			cursor_y = top;
		}
		y++;	/* room between the options, for the back of the room */
	}
	if (!ui->voted) {
		s = xasprintf(_("How many chose each option? %s"), ui->vote_input);
		ui->cx = ui_put(LINES - 3, 2, s, COLS - 4, A_BOLD) + 2;
		ui->cy = LINES - 3;
		free(s);
	} else {
		ui_put(LINES - 3, 2, _("The agreed answer: move or type its number, then Enter."),
		    COLS - 4, A_BOLD);
		ui->cy = cursor_y >= 0 ? cursor_y : LINES - 3;
		ui->cx = 4;
	}
}

static void
vote_key(struct ui *ui, enum action act, int key)
{
	const struct question *q = current(ui);
	int n = (int)q->nchoices + 1;
	size_t len = strlen(ui->vote_input);

	if (!ui->voted && ((key >= '0' && key <= '9') || key == ' ')) {
		if (len + 1 < sizeof(ui->vote_input)) {
			ui->vote_input[len] = (char)key;
			ui->vote_input[len + 1] = '\0';
		}
		return;
	}
	if (ui->voted && key >= '1' && key <= '9' && key - '1' < n) {
		ui->focus = key - '1';
		return;
	}
	switch (act) {
	case ACT_BACK:
		if (!ui->voted && len > 0)
			ui->vote_input[len - 1] = '\0';
		else if (ui->voted)
			ui->voted = false;
		break;
	case ACT_CANCEL:
		ui->voted = false;
		ui->vote_input[0] = '\0';
		break;
	case ACT_UP:
	case ACT_DOWN:
		if (ui->voted)
			ui->focus = (int)ui_move((size_t)ui->focus, act, (size_t)n - 1, 1);
		break;
	case ACT_CONFIRM:
		if (!ui->voted) {
			if ((ui->nvotes = parse_counts(ui, n)) == 0)
				break;
			ui->voted = true;
			ui->focus = most_chosen(ui->votes, n);
			ui->status[0] = '\0';
			break;
		}
		session_set_votes(ui->app->sess, q->id, ui->votes, n);
		session_set_answer(ui->app->sess, q->id, ui->focus == n - 1 ? ANSWER_NA :
		    q->choices[ui->focus].id);
		ui_save(ui);
		question_next(ui);
		break;
	case ACT_PREV:
		question_prev(ui);
		break;
	case ACT_NEXT:
		question_next(ui);
		break;
	default:
		break;
	}
}

const struct screen_ops scr_vote = {
	vote_enter, vote_draw, vote_key, vote_keys, N_("Workshop vote")
};

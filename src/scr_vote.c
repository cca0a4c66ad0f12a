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
#include "room.h"
#include "text.h"
#include "ui_curses.h"

static const struct keydef vote_keys[] = {
	KEYS_MOVE,
	{ '0', "0-9", N_("type the counts"), ACT_NONE, KB_MAIN },
	{ '1', "1-9", N_("choose the agreed answer"), ACT_NONE, KB_NO },	/* for the help: once counted */
	{ '\n', "Enter", N_("confirm"), ACT_CONFIRM, KB_MAIN },
	{ '?', "?", N_("the question and options in full"), ACT_HELP, KB_MORE },
	{ 'h', "h", N_("all keys"), ACT_KEYS, KB_NO },
	{ 27, "Esc", N_("type again"), ACT_CANCEL, KB_MAIN },
	{ 21, "Ctrl-U", N_("type again"), ACT_CANCEL, KB_NO },
	{ KC(KEY_BACKSPACE), "\xE2\x8C\xAB", N_("delete; once counted, correct the counts"), ACT_BACK, KB_NO },
	{ 127, "\xE2\x8C\xAB", N_("delete; once counted, correct the counts"), ACT_BACK, KB_NO },
	{ 8, "\xE2\x8C\xAB", N_("delete; once counted, correct the counts"), ACT_BACK, KB_NO },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back, next"), ACT_PREV, KB_MORE },
	{ KC(KEY_RIGHT), "\xE2\x86\x92", N_("back, next"), ACT_NEXT, KB_MORE },
	{ 'n', "n", N_("note"), ACT_NOTE, KB_MORE },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

static const struct question *
current(const struct ui *ui)
{
	return &ui->app->pack->questions[ui->q];
}

/*
 * Once the counts are counted, digits choose the agreed answer and
 * Backspace goes back to the counts: the bar says so (the help lists the
 * table above, both steps' keys).
 */
static const struct keydef vote_agree_keys[] = {
	KEYS_MOVE,
	{ '1', "1-9", N_("choose"), ACT_NONE, KB_MAIN },	/* the line above the bar says what */
	{ '\n', "Enter", N_("agree"), ACT_CONFIRM, KB_MAIN },
	{ '?', "?", N_("the question and options in full"), ACT_HELP, KB_MORE },
	{ 'h', "h", N_("all keys"), ACT_KEYS, KB_NO },
	{ KC(KEY_BACKSPACE), "\xE2\x8C\xAB", N_("correct the counts"), ACT_BACK, KB_MORE },
	{ 127, "\xE2\x8C\xAB", N_("correct the counts"), ACT_BACK, KB_NO },
	{ 8, "\xE2\x8C\xAB", N_("correct the counts"), ACT_BACK, KB_NO },
	{ 27, "Esc", N_("type again"), ACT_CANCEL, KB_MORE },
	{ 21, "Ctrl-U", N_("type again"), ACT_CANCEL, KB_NO },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back, next"), ACT_PREV, KB_MORE },
	{ KC(KEY_RIGHT), "\xE2\x86\x92", N_("back, next"), ACT_NEXT, KB_MORE },
	{ 'n', "n", N_("note"), ACT_NOTE, KB_MORE },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

const struct keydef *
vote_keys_of(const struct ui *ui)
{
	static struct keydef keys[NELEM(vote_agree_keys)];
	size_t i;

	if (!ui->voted)
		return vote_keys;
	memcpy(keys, vote_agree_keys, sizeof(keys));
	for (i = 0; keys[i].key != '1'; i++)
		;
	keys[i].name = ui_option_digits(current(ui)->nchoices + 1);
	return keys;
}

static void
vote_enter(struct ui *ui)
{
	const struct question *q = current(ui);
	const struct answer *a = session_answer(ui->app->sess, q->id);

	if (ui->returning)
		return;	/* the counts being typed or agreed stay as they were */
	ui->vote_input[0] = '\0';
	ui->voted = a != NULL && a->nvotes > 0;
	ui->nvotes = ui->voted ? a->nvotes : 0;
	if (ui->voted)
		memcpy(ui->votes, a->votes, sizeof(ui->votes));
	ui->focus = saved_focus(ui);
	if (ui->counted[ui->q].n > 0) {	/* counted, not yet agreed: as they were left */
		ui->voted = true;
		ui->nvotes = ui->counted[ui->q].n;
		memcpy(ui->votes, ui->counted[ui->q].votes, sizeof(ui->votes));
		ui->focus = room_most_voted(ui->votes, ui->nvotes);
	}
}

/*
 * The question whose counts are counted, or typed on its screen, but not
 * agreed on, or -1: q says so before they are lost.
 */
int
vote_unagreed(const struct ui *ui)
{
	size_t i;

	if (ui->counted == NULL)
		return -1;
	if (ui->screen == SCR_VOTE && !ui->voted && strpbrk(ui->vote_input, "0123456789") != NULL)
		return (int)ui->q;	/* typed, not yet confirmed */
	for (i = 0; i < ui->app->pack->nquestions; i++)
		if (ui->counted[i].n > 0)
			return (int)i;
	return -1;
}

/* A separator between typed counts: a space, a comma or a semicolon. */
static bool
is_separator(int c)
{
	return c == ' ' || c == ',' || c == ';';
}

/*
 * Parse "3 5 2 0" (or "3,5,2,0", "3; 5; 2; 0"): at most one count per
 * option, each at most VOTES_MAX_COUNT; 0 after a message in the status
 * line.
 */
static int
parse_counts(struct ui *ui, int n)
{
	const char *p = ui->vote_input;
	int k = 0;

	memset(ui->votes, 0, sizeof(ui->votes));
	while (*p != '\0') {
		long v = 0;

		while (is_separator((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		for (; ascii_isdigit((unsigned char)*p); p++)	/* past the maximum, it stays past it */
			if (v <= VOTES_MAX_COUNT)
				v = v * 10 + (*p - '0');
		if (k < n && v > VOTES_MAX_COUNT) {
			ui_status(ui, _("A count may be at most %d."), VOTES_MAX_COUNT);
			return 0;
		}
		if (k == n || (!is_separator((unsigned char)*p) && *p != '\0')) {
			k = 0;	/* too many, or a letter */
			break;
		}
		ui->votes[k++] = (int)v;
	}
	if (k == 0) {	/* that, or nothing typed (Enter alone) */
		/* the example's spaces are no-break spaces: a wrapped message keeps it whole */
		ui_status(ui, _("Type one count per option, %d at most, such as "
		    "3\xC2\xA0" "5\xC2\xA0" "2\xC2\xA0" "0."), n);
		return 0;
	}
	return n;
}


static char *
option_label(const struct question *q, int i, bool chosen)
{
	return xasprintf("%d %s %s", i + 1, chosen ? "(\xE2\x80\xA2)" : "( )",
	    app_option_label(q, (size_t)i));
}

/*
 * The columns of a count and its share ("100000 100%"): decided once from
 * the largest count a vote accepts, so that no count typed is cut.
 */
static int
count_digits(void)
{
	return snprintf(NULL, 0, "%d", VOTES_MAX_COUNT);
}

static int
count_width(void)
{
	return count_digits() + 1 + ui_percent(NULL, 0, 100);
}

/*
 * The counts at the right of an option's first row: a bar scaled to the
 * largest count, then the count and its share of the room, as text so
 * that the back of the room can read it without colour.
 */
static void
draw_count(struct ui *ui, int y, int x, int barw, int votes, int most, int pct)
{
	char num[32], share[16];
	int cells = most > 0 ? (votes * barw + most - 1) / most : 0, b;

	for (b = 0; b < barw; b++)
		ui_put(y, x + b, b < cells ? "\xE2\x96\x88" : " ", 1,
		    b < cells ? ui_attr(ui, UC_CHOSEN) : A_NORMAL);
	ui_percent(share, sizeof(share), pct);
	snprintf(num, sizeof(num), "%*d %*s", count_digits(), votes,
	    ui_percent(NULL, 0, 100), share);
	ui_put(y, x + barw + 1, num, count_width(), A_BOLD);
}

/*
 * --big, once the room has voted: the question and the distribution
 * alone, for the back of the room, the question's place beside the
 * votes. Each option gets a label row and a bar across the width, as tall
 * as the screen allows (up to three rows); the rows left over go to the
 * labels that a row cuts, one more row at a time, first to last. The count and share stand at the bar's end as text, and
 * the focused option is marked by its sign and "(•)", never by colour
 * alone.
 */
static void
vote_draw_big(struct ui *ui, const struct question *q, int n, int most, int total,
    const int *pct)
{
	int i, y, h, b, bottom = LINES - 4, barw, first = 0, avail, spare, qrows, w;
	int need[CONTENT_MAX_CHOICES + 1], lrows[CONTENT_MAX_CHOICES + 1];
	bool labels, gap, more;
	char *s, num[32], share[16];

	/*
	 * The question on three rows at most, fewer when that gives every
	 * option its label row: the options' words before the question's end
	 */
	qrows = ui_text_rows(q->text, COLS - 4, 0);
	qrows = qrows > 3 ? 3 : qrows;
	while (qrows > 1 && 2 * n > bottom - qrows - 1)
		qrows--;
	y = ui_text(ui, 0, 2, COLS - 4, qrows, q->text, 0, A_BOLD) + 1;
	avail = bottom - y;
	/* a label row, one to three bar rows and a gap row per option, as room allows */
	labels = 2 * n <= avail;
	gap = labels && 3 * n - 1 <= avail;
	h = labels ? (avail - (gap ? n - 1 : 0)) / n - 1 : 1;
	h = h < 1 ? 1 : h > 3 ? 3 : h;
	for (i = 0; i < n; i++) {
		lrows[i] = need[i] = 0;
		if (!labels)
			continue;
		lrows[i] = 1;
		s = option_label(q, i, false);
		need[i] = ui_text_rows(s, COLS - 6, 6);
		free(s);
	}
	spare = labels ? avail - n * (1 + h) - (gap ? n - 1 : 0) : 0;
	for (more = true; spare > 0 && more;)
		for (i = 0, more = false; i < n && spare > 0; i++)
			if (lrows[i] < need[i]) {
				lrows[i]++;
				spare--;
				more = true;
			}
	if (!labels && n > avail && ui->focus >= avail)
		first = ui->focus - avail + 1;	/* a window that holds the focus */
	/* the count and share after the bar stay whole, up to the largest count (draw_count) */
	barw = COLS - (labels ? 6 : 13) - count_width();
	for (i = first; i < n && y + lrows[i] + h <= bottom; i++) {
		bool chosen = i == ui->focus;
		int cells = most > 0 ? (ui->votes[i] * barw + most - 1) / most : 0, r, x = 4;

		if (chosen) {
			ui_put(y, 2, "\xE2\x80\xBA", 1, ui_attr(ui, UC_FOCUS));
			ui->cy = y;
		}
		if (labels) {
			s = option_label(q, i, chosen);
			ui_text(ui, y, 4, COLS - 6, y + lrows[i], s, 6,
			    chosen ? ui_attr(ui, UC_CHOSEN) | A_BOLD : A_BOLD);
			y += lrows[i];
			free(s);
		} else {
			snprintf(num, sizeof(num), "%d %s", i + 1, chosen ? "(\xE2\x80\xA2)" : "( )");
			x += ui_put(y, 4, num, 8, A_BOLD) + 1;
		}
		for (r = 0; r < h; r++)
			for (b = 0; b < cells; b++)
				ui_put(y + r, x + b, "\xE2\x96\x88", 1, ui_attr(ui, UC_CHOSEN));
		ui_percent(share, sizeof(share), pct[i]);
		snprintf(num, sizeof(num), "%d %s", ui->votes[i], share);
		ui_put(y, x + cells + 1, num, COLS - x - cells - 2, A_BOLD);
		y += h + gap;
	}
	ui->cx = 4;
	s = xasprintf(_("Votes: %d"), total);
	w = ui_put(LINES - 3, 2, s, COLS - 4, A_BOLD);
	free(s);
	/* the question's place after the votes, as room allows: ←→ move the room on or back */
	s = xasprintf(_("Question %zu/%zu \xC2\xB7 %s"), ui->q + 1, ui->app->pack->nquestions,
	    q->area->title);
	if (COLS - 4 - w - 3 > 0)
		ui_put(LINES - 3, 2 + w + 3, s, COLS - 4 - w - 3, ui_attr(ui, UC_DIM));
	free(s);
}

/*
 * One question, its options and, once counted, the room's votes. The
 * options get their full text when everything fits; otherwise one row
 * each, and when even that does not fit, a window around the focused
 * option with a marker for what is above and below: the option that
 * Enter would save is always on the screen.
 */
static void
vote_draw(struct ui *ui)
{
	const struct question *q = current(ui);
	const struct pack *p = ui->app->pack;
	int i, n = (int)q->nchoices + 1, y, cursor_y = -1, most = 0, total = 0;
	/* a bar of 7 or 19 cells, a space, then the count and share */
	int countw = ui->voted ? (COLS >= 100 ? 20 : 8) + count_width() : 0;
	int textw = COLS - 8 - countw, bottom = LINES - 4, qrows, full = 0, avail;
	int top = 0, shown, votesw = 0, need[CONTENT_MAX_CHOICES + 1], rows[CONTENT_MAX_CHOICES + 1];
	int left, used, pct[VOTES_MAX];
	bool compact, gap, more;
	const struct answer *saved = session_answer(ui->app->sess, q->id);
	char *s;

	for (i = 0; i < n && ui->voted; i++) {
		total += ui->votes[i];
		if (ui->votes[i] > most)
			most = ui->votes[i];
	}
	room_shares(ui->votes, n, pct);
	if (ui->voted && ui->opts->big) {
		vote_draw_big(ui, q, n, most, total, pct);
		return;
	}
	if (saved != NULL && saved->note != NULL) {
		/* the room's note, on a row of its own above the prompt, cut to it (…) */
		bottom--;
		s = xasprintf("%s: %s", _("Note"), saved->note);
		ui_text(ui, bottom, 2, COLS - 4, bottom + 1, s, 0, A_UNDERLINE);
		free(s);
	}
	if (ui->voted) {	/* on the right, in columns; the question's place gives way to it */
		s = xasprintf(_("Votes: %d"), total);
		votesw = text_width(s, strlen(s));
		ui_put(0, COLS - 2 - votesw, s, votesw, A_BOLD);
		free(s);
	}
	s = xasprintf(_("Question %zu/%zu \xC2\xB7 %s"), ui->q + 1, p->nquestions, q->area->title);
	ui_put(0, 2, s, COLS - 4 - (votesw > 0 ? votesw + 1 : 0), ui_attr(ui, UC_DIM));
	free(s);

	/* the options' rows decide how much of the question fits */
	for (i = 0; i < n; i++) {
		s = option_label(q, i, false);
		need[i] = ui_text_rows(s, textw, 6);
		full += need[i] + 1;
		free(s);
	}
	qrows = ui_text_rows(q->text, COLS - 4, 0);
	compact = 2 + qrows + 1 + full > bottom;
	if (compact && qrows > bottom - 3 - n)	/* leave a row for each option */
		qrows = bottom - 3 - n > 2 ? bottom - 3 - n : 2;
	y = ui_text(ui, 2, 2, COLS - 4, 2 + qrows, q->text, 0, A_BOLD) + 1;
	if (qrows < ui_text_rows(q->text, COLS - 4, 0))
		ui_put(y - 1, 2, _("\xE2\x86\x93 more: ? shows it in full"), COLS - 4,
		    ui_attr(ui, UC_DIM));

	/*
	 * Rows per option when they do not all fit in full: one each, then
	 * the rows left shared out a row at a time to the options that need
	 * more, so that no row stays empty while an option is cut; with one
	 * row each and still too many, a window that holds the focused option.
	 */
	avail = bottom - y;
	shown = n;
	for (i = 0; i < n; i++)
		rows[i] = compact ? 1 : need[i];
	if (compact && avail < n) {
		shown = avail - 2;
		if (shown < 1)
			shown = 1;
	} else if (compact) {
		for (left = avail - n, more = true; left > 0 && more;)
			for (i = 0, more = false; i < n && left > 0; i++)
				if (rows[i] < need[i]) {
					rows[i]++;
					left--;
					more = true;
				}
	}
	for (i = 0, used = 0; i < n; i++)
		used += rows[i];
	gap = shown == n && avail >= used + n - 1;
	if (shown < n && ui->voted && ui->focus >= shown)
		top = ui->focus - shown + 1;
	if (top > 0)
		ui_put(y++, 4, _("\xE2\x86\x91 more"), COLS - 8, ui_attr(ui, UC_DIM));
	for (i = top; i < top + shown && i < n; i++) {
		bool chosen = ui->voted && i == ui->focus;
		attr_t at = chosen ? ui_attr(ui, UC_CHOSEN) : A_NORMAL;
		int row = y;

		s = option_label(q, i, chosen);
		y = ui_text(ui, y, 4, textw, y + rows[i] < bottom ? y + rows[i] : bottom, s, 6, at);
		free(s);
		if (ui->voted)
			draw_count(ui, row, COLS - 2 - countw, countw - 1 - count_width(),
			    ui->votes[i], most, pct[i]);
		if (chosen) {
			ui_put(row, 2, "\xE2\x80\xBA", 1, ui_attr(ui, UC_FOCUS));
			cursor_y = row;
		}
		if (gap)
			y++;	/* room between the options, for the back of the room */
	}
	if (top + shown < n)
		ui_put(y < bottom ? y : bottom - 1, 4, _("\xE2\x86\x93 more"), COLS - 8,
		    ui_attr(ui, UC_DIM));
	if (!ui->voted) {
		s = xasprintf(_("How many chose each option? %s"), ui->vote_input);
		ui->cx = ui_put(LINES - 3, 2, s, COLS - 4, A_BOLD) + 2;
		ui->cy = LINES - 3;
		free(s);
	} else {
		bool agreed = saved != NULL && saved->nvotes > 0 && saved_focus(ui) == ui->focus;

		const char *hint = agreed ? _("Agreed. Enter keeps it; another number or a move "
		    "changes it; Backspace corrects the counts.") :
		    _("The agreed answer: move or type its number, then Enter.");

		/* two rows when it needs them: the row above is the options' gap */
		ui_text(ui, ui_text_rows(hint, COLS - 4, 0) > 1 ? LINES - 4 : LINES - 3, 2, COLS - 4,
		    LINES - 2, hint, 0, A_BOLD);
		ui->cy = cursor_y >= 0 ? cursor_y : LINES - 3;
		ui->cx = 4;
	}
}

/*
 * The counts typed, counted: shown with their bars and kept for the
 * question (not yet agreed) when they read well and someone voted; false,
 * with a word on the status line, when not.
 */
static bool
count_typed(struct ui *ui, int n)
{
	int i, total = 0;

	if ((ui->nvotes = parse_counts(ui, n)) == 0)
		return false;
	for (i = 0; i < n; i++)
		total += ui->votes[i];
	if (total == 0) {	/* nobody voted: there is nothing to agree on */
		ui_status(ui, _("Nobody voted: type how many chose each option, such as "
		    "3\xC2\xA0" "5\xC2\xA0" "2\xC2\xA0" "0."));
		ui->nvotes = 0;
		return false;
	}
	ui->voted = true;
	ui->focus = room_most_voted(ui->votes, n);
	ui->status[0] = '\0';
	memcpy(ui->counted[ui->q].votes, ui->votes, sizeof(ui->votes));
	ui->counted[ui->q].n = ui->nvotes;
	return true;
}

static void
vote_key(struct ui *ui, enum action act, int key)
{
	const struct question *q = current(ui);
	int n = (int)q->nchoices + 1;
	size_t len = strlen(ui->vote_input);

	if (!ui->voted && ((key >= '0' && key <= '9') || is_separator(key))) {
		if (len + 1 < sizeof(ui->vote_input)) {
			ui->vote_input[len] = (char)key;
			ui->vote_input[len + 1] = '\0';
		}
		ui->status[0] = '\0';
		return;
	}
	if (!ui->voted && key > ' ' && key < KEY_OFFSET && act == ACT_NONE) {
		ui_status(ui, _("Only numbers, separated by spaces, commas or semicolons: "
		    "3\xC2\xA0" "5\xC2\xA0" "2\xC2\xA0" "0."));
		return;
	}
	if (ui->voted && key >= '0' && key <= '9' && (key == '0' ? 9 : key - '1') < n) {
		ui->focus = key == '0' ? 9 : key - '1';	/* 0 for a tenth option, as on a question */
		return;
	}
	switch (act) {
	case ACT_BACK:
		if (!ui->voted && len > 0) {
			ui->vote_input[len - 1] = '\0';
		} else if (ui->voted) {
			/* back to the counts as typed, to correct one of them */
			size_t k, at = 0;

			for (k = 0; k < (size_t)ui->nvotes && at < sizeof(ui->vote_input); k++)
				at += (size_t)snprintf(ui->vote_input + at, sizeof(ui->vote_input) - at,
				    "%s%d", k > 0 ? " " : "", ui->votes[k]);
			ui->voted = false;
		}
		ui->counted[ui->q].n = 0;	/* being corrected: counted again */
		break;
	case ACT_CANCEL:
		ui->voted = false;
		ui->vote_input[0] = '\0';
		ui->counted[ui->q].n = 0;
		break;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_HOME:
	case ACT_END:
		if (ui->voted)
			ui->focus = (int)ui_move((size_t)ui->focus, act, (size_t)n - 1, 1);
		break;
	case ACT_CONFIRM:
		if (!ui->voted) {
			count_typed(ui, n);
			break;
		}
		ui->counted[ui->q].n = 0;	/* agreed: saved with the answer */
		session_set_votes(ui->app->sess, q->id, ui->votes, n);
		session_set_answer(ui->app->sess, q->id, ui->focus == n - 1 ? ANSWER_NA :
		    q->choices[ui->focus].id);
		{
			const struct answer *a = session_answer(ui->app->sess, q->id);
			session_set_room(ui->app->sess, q->id, room_changed(q, a), a->followup);
		}
		ui_save(ui);
		question_next(ui);
		break;
	case ACT_HELP:
		pager_open_help(ui);
		break;
	case ACT_NOTE:	/* the room's note, as on a question */
	case ACT_PREV:
	case ACT_NEXT:
		/* counts typed and not yet counted are kept, as Enter keeps them, or it stays */
		if (!ui->voted && strpbrk(ui->vote_input, "0123456789") != NULL &&
		    !count_typed(ui, n))
			break;
		if (act == ACT_NOTE)
			note_open(ui);
		else if (act == ACT_PREV)
			question_prev(ui);
		else
			question_next(ui);
		break;
	default:
		break;
	}
}

const struct screen_ops scr_vote = {
	vote_enter, vote_draw, vote_key, vote_keys, N_("Workshop vote")
};

/*
 * The room's record, after the last question of a workshop: the questions
 * where the room disagreed most, as the report lists them, for the trainer
 * to mark those to follow up. The marks are saved with the answers and
 * reach the report and merge.
 */
static const struct keydef room_keys[] = {
	KEYS_MOVE,
	/* the way on before the long entry: on a narrow bar it is the one kept */
	{ '\n', "Enter", N_("the results"), ACT_CONFIRM, KB_MAIN },
	{ ' ', "Space", N_("mark or unmark for follow-up"), ACT_EDIT, KB_MAIN },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back"), ACT_PREV, KB_MORE },
	{ 'h', "h", N_("all keys"), ACT_KEYS, KB_MAIN },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

static void
room_enter(struct ui *ui)
{
	if (!ui->returning)	/* back from help: the focus as it was left */
		ui->focus = 0;
}

static void
room_draw(struct ui *ui)
{
	struct room_disagreement *d;
	size_t i, n = room_disagreements(ui->app->pack, ui->app->sess, &d), first = 0, fit;
	int y;
	char *s;

	ui_put(0, 2, _("The room's record"), COLS - 4, ui_attr(ui, UC_TITLE));
	y = ui_text(ui, 2, 2, COLS - 4, LINES - 4, n > 0 ?
	    _("The questions where the room disagreed most. Mark those to come back to: "
	    "the report and the group report list them.") :
	    _("The room did not disagree on any question: there is nothing to mark."),
	    0, 0) + 1;
	/*
	 * An item takes three rows at most: on a short screen the list starts
	 * late enough for the focused one to be whole, and Space never marks
	 * one that cannot be seen.
	 */
	fit = LINES - 4 - y > 3 ? (size_t)(LINES - 4 - y) / 3 : 1;
	if ((size_t)ui->focus >= fit)
		first = (size_t)ui->focus - fit + 1;
	/* questions out of view are said, as on a question: above, on the blank row */
	if (first > 0)
		ui_put(y - 1, 4, _("\xE2\x86\x91 more"), COLS - 8, ui_attr(ui, UC_DIM));
	for (i = first; i < n && y < LINES - 4; i++) {
		const struct answer *a = session_answer(ui->app->sess, d[i].q->id);
		bool marked = a != NULL && a->followup;
		int row = y;

		s = xasprintf(_("%s %zu. Question %d (levels %d to %d): %s"),
		    marked ? "[x]" : "[ ]", i + 1, d[i].q->id, d[i].lo, d[i].hi, d[i].q->text);
		y = ui_text(ui, y, 4, COLS - 6, y + 2 < LINES - 4 ? y + 2 : LINES - 4, s, 4,
		    marked ? ui_attr(ui, UC_CHOSEN) : A_NORMAL) + 1;
		free(s);
		if ((int)i == ui->focus) {
			ui_put(row, 2, "\xE2\x80\xBA", 1, ui_attr(ui, UC_FOCUS));
			ui->cy = row;
			ui->cx = 4;
		}
	}
	if (i < n)	/* below, on the row the list never takes */
		ui_put(LINES - 4, 4, _("\xE2\x86\x93 more"), COLS - 8, ui_attr(ui, UC_DIM));
	free(d);
}

static void
room_key(struct ui *ui, enum action act, int key)
{
	struct room_disagreement *d;
	size_t n = room_disagreements(ui->app->pack, ui->app->sess, &d);
	const struct answer *a;

	(void)key;
	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_HOME:	/* listed by KEYS_MOVE, in the bar's help too */
	case ACT_END:
		if (n > 0)
			ui->focus = (int)ui_move((size_t)ui->focus, act, n - 1, 1);
		break;
	case ACT_EDIT:
		if ((size_t)ui->focus < n &&
		    (a = session_answer(ui->app->sess, d[ui->focus].q->id)) != NULL) {
			session_set_room(ui->app->sess, a->question_id, a->changed, !a->followup);
			ui_save(ui);
		}
		break;
	case ACT_CONFIRM:
		ui_goto(ui, SCR_RESULTS);
		break;
	case ACT_PREV:
		ui->area = ui->app->pack->nareas - 1;
		ui_goto(ui, SCR_AREA_END);
		break;
	default:
		break;
	}
	free(d);
}

const struct screen_ops scr_room = {
	room_enter, room_draw, room_key, room_keys, N_("The room's record")
};

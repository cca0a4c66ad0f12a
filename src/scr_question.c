/* SPDX-License-Identifier: MIT */
/*
 * scr_question.c: the question screen and the area-end screen. The
 * question screen shows where we are (as text and as a bar), the area,
 * the question and its choices, numbered, with a text marker on the chosen
 * one, plus "not applicable to us". Focus is shown by a marker too, and
 * the hardware cursor sits on the focused choice.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui_curses.h"

static const struct keydef question_keys[] = {
	{ '1', "1-9 0", N_("choose"), ACT_CHOOSE, KB_MAIN },
	{ '\n', "Enter", N_("confirm and go on"), ACT_CONFIRM, KB_MAIN },
	{ ' ', "Space", N_("confirm and go on"), ACT_CONFIRM, KB_NO },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back, next"), ACT_PREV, KB_MORE },
	{ KC(KEY_RIGHT), "\xE2\x86\x92", N_("back, next"), ACT_NEXT, KB_MORE },
	{ KC(KEY_PPAGE), "PgUp", N_("back, next"), ACT_PREV, KB_NO },
	{ KC(KEY_NPAGE), "PgDn", N_("back, next"), ACT_NEXT, KB_NO },
	{ 'g', "g", N_("guidance"), ACT_GUIDANCE, KB_MORE },
	{ 'n', "n", N_("note"), ACT_NOTE, KB_MORE },
	{ 'r', "r", N_("review"), ACT_REVIEW, KB_MORE },
	KEYS_MOVE,
	{ '?', "?", N_("help"), ACT_HELP, KB_MAIN },
	{ KC(KEY_F(1)), "F1", N_("help"), ACT_HELP, KB_NO },
	{ 'h', "h", N_("all keys"), ACT_KEYS, KB_NO },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

static const struct keydef area_end_keys[] = {
	{ '1', "1-4", N_("choose"), ACT_CHOOSE, KB_MAIN },
	{ '\n', "Enter", N_("confirm and go on"), ACT_CONFIRM, KB_MAIN },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back"), ACT_PREV, KB_MORE },
	KEYS_MOVE,
	{ 'r', "r", N_("review"), ACT_REVIEW, KB_MORE },
	{ 'h', "h", N_("all keys"), ACT_KEYS, KB_MAIN },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

static const struct question *
current(const struct ui *ui)
{
	return &ui->app->pack->questions[ui->q];
}

/* The digits that choose among n options: 1-3 to 1-9, and 0 for a tenth. */
const char *
ui_option_digits(size_t n)
{
	static const char *const digits[] = { "1", "1", "1-2", "1-3", "1-4", "1-5", "1-6",
		"1-7", "1-8", "1-9", "1-9 0" };

	return digits[n < NELEM(digits) ? n : NELEM(digits) - 1];
}

/* The question's keys, the first naming the digits that choose among its options (with "not applicable"). */
const struct keydef *
question_keys_of(const struct ui *ui)
{
	static struct keydef keys[NELEM(question_keys)];

	memcpy(keys, question_keys, sizeof(keys));
	keys[0].name = ui_option_digits(current(ui)->nchoices + 1);
	return keys;
}

/* The focus that shows the saved answer, or the first choice. */
int
saved_focus(const struct ui *ui)
{
	int i = app_saved_option(ui->app, current(ui));

	return i < 0 ? 0 : i;
}

void
question_open(struct ui *ui, size_t index)
{
	ui->q = index;
	ui->focus = saved_focus(ui);
	ui_goto(ui, ui->app->workshop ? SCR_VOTE : SCR_QUESTION);
}

static void
question_enter(struct ui *ui)
{
	(void)ui;
}

static bool
is_chosen(const struct ui *ui, const struct question *q, int i)
{
	return app_saved_option(ui->app, q) == i;
}

/*
 * Progress and the area: the first two lines of question and area-end
 * screens. Where the user is: a question's number, or (qpos SIZE_MAX) the
 * area's end, where its priority is asked.
 */
static void
draw_header(struct ui *ui, const struct area *a, size_t qpos)
{
	const struct pack *p = ui->app->pack;
	char *s;
	int answered = app_answered(ui->app);

	if (qpos == SIZE_MAX)
		s = xasprintf(_("Area %zu/%zu \xC2\xB7 End of the area: its priority"),
		    a->index + 1, p->nareas);
	else
		s = xasprintf(_("Area %zu/%zu \xC2\xB7 Question %zu/%zu"), a->index + 1,
		    p->nareas, qpos + 1, p->nquestions);
	ui_put(0, 0, s, COLS - 16, ui_attr(ui, UC_DIM));
	free(s);
	ui_bar(ui, 0, COLS - 14, 12, answered, (int)p->nquestions);
	ui_text(ui, 1, 0, COLS, 2, a->title, 0, ui_attr(ui, UC_TITLE));
	ui_rule(ui, 2);
}

/*
 * Lay out the options and, under them, the saved note; rows[i] is the
 * option a line belongs to (-1 for the note and blank lines).
 */
static void
options_layout(const struct ui *ui, struct layout *lo, int **rows)
{
	const struct question *q = current(ui);
	const struct answer *a = session_answer(ui->app->sess, q->id);
	size_t i, k, before, n = q->nchoices + 1;
	char *line;

	ui_layout_init(lo);
	*rows = NULL;
	for (i = 0; i < n; i++) {
		before = lo->nlines;
		line = xasprintf("  %zu %s %s", i + 1, is_chosen(ui, q, (int)i) ?
		    "(\xE2\x80\xA2)" : "( )", app_option_label(q, i));
		layout_text(lo, line, COLS - 1, 8, 0);
		free(line);
		*rows = xreallocarray(*rows, lo->nlines, sizeof(**rows));
		for (k = before; k < lo->nlines; k++)
			(*rows)[k] = (int)i;
	}
	before = lo->nlines;
	if (a != NULL && a->note != NULL) {
		layout_blank(lo);
		line = xasprintf("%s: %s", _("Note"), a->note);
		layout_text(lo, line, COLS - 1, 2, LS_EMPH);
		free(line);
		*rows = xreallocarray(*rows, lo->nlines, sizeof(**rows));
		for (k = before; k < lo->nlines; k++)
			(*rows)[k] = -1;
	}
}

/* A dim "more" marker at the right end of row y. */
static void
more_marker(const struct ui *ui, int y, const char *text)
{
	int w = text_width(text, strlen(text));

	move(y, COLS - w - 2);
	clrtoeol();
	ui_put(y, COLS - w - 1, text, w, ui_attr(ui, UC_DIM));
}

/*
 * The question stays on top from its first line; the options and the
 * note scroll under it so that the focused option shows, with a marker
 * where something is hidden above or below.
 */
static void
question_draw(struct ui *ui)
{
	const struct question *q = current(ui);
	struct layout qlo, lo;
	size_t i, top = 0, first = 0, last = 0, qshown;
	int *rows, y, y0, height, chosen_y = -1, bottom = LINES - 3;
	bool seen = false;

	draw_header(ui, q->area, ui->q);
	ui_layout_init(&qlo);
	layout_text(&qlo, q->text, COLS - 1, 0, LS_STRONG);
	/* at most all but three rows for the question itself */
	qshown = qlo.nlines;
	if (qshown + 3 > (size_t)(bottom - 3))
		qshown = (size_t)(bottom - 3) > 3 ? (size_t)(bottom - 3) - 3 : 1;
	for (i = 0, y = 3; i < qshown; i++, y++)
		ui_put_line(ui, y, 0, &qlo.lines[i], COLS - 1);
	if (qshown < qlo.nlines)
		more_marker(ui, y - 1, _("\xE2\x86\x93 more (? shows all)"));
	layout_free(&qlo);
	y0 = y + 1;	/* a blank row, or the marker of options above */
	height = bottom - y0;
	options_layout(ui, &lo, &rows);
	for (i = 0; i < UI_MAX_OPTIONS; i++)
		ui->option_row[i] = -1;
	for (i = 0; i < lo.nlines; i++) {
		if (rows[i] == ui->focus) {
			if (!seen)
				first = i;
			last = i;
			seen = true;
		}
	}
	/* the last option brings the note into view too */
	if (ui->focus == (int)q->nchoices)
		last = lo.nlines - 1;
	if (last >= (size_t)height)
		top = last - (size_t)height + 1;
	if (first < top)
		top = first;
	/* begin with an option's first line rather than the middle of one */
	while (top > 0 && top < first && rows[top] >= 0 && rows[top] == rows[top - 1])
		top++;
	for (i = top, y = y0; i < lo.nlines && y < y0 + height; i++, y++) {
		bool chosen = rows[i] >= 0 && is_chosen(ui, q, rows[i]);

		if (rows[i] >= 0 && rows[i] < UI_MAX_OPTIONS && ui->option_row[rows[i]] < 0)
			ui->option_row[rows[i]] = (short)y;
		attron(chosen ? ui_attr(ui, UC_CHOSEN) : A_NORMAL);
		ui_put_line(ui, y, 0, &lo.lines[i], COLS - 1);
		attroff(chosen ? ui_attr(ui, UC_CHOSEN) : A_NORMAL);
		if (rows[i] == ui->focus && i == first) {
			ui_put(y, 0, "\xE2\x80\xBA", 1, ui_attr(ui, UC_FOCUS));	/* › */
			chosen_y = y;
		}
	}
	if (top > 0)
		more_marker(ui, y0 - 1, _("\xE2\x86\x91 more"));
	if (top + (size_t)height < lo.nlines)
		more_marker(ui, bottom, _("\xE2\x86\x93 more"));
	ui->cy = chosen_y >= 0 ? chosen_y : y0;
	ui->cx = 2;
	free(rows);
	layout_free(&lo);
}

/* Record the focused option as the answer, and save. */
static void
choose(struct ui *ui)
{
	app_choose(ui->app, current(ui), (size_t)ui->focus);
	ui_save(ui);
}

/* The screen after the current question: the next question, or the end of its area. */
void
question_next(struct ui *ui)
{
	const struct question *q = current(ui);
	const struct area *a = q->area;

	if (ui->q + 1 == a->first + a->nquestions) {
		ui->area = a->index;
		ui_goto(ui, SCR_AREA_END);
	} else {
		question_open(ui, ui->q + 1);
	}
}

void
question_prev(struct ui *ui)
{
	const struct question *q = current(ui);

	if (ui->q == q->area->first && ui->q > 0) {
		ui->area = q->area->index - 1;
		ui_goto(ui, SCR_AREA_END);
	} else if (ui->q > 0) {
		question_open(ui, ui->q - 1);
	} else {
		ui_goto(ui, SCR_WELCOME);
	}
}

static void
note_done(struct ui *ui, const char *text)
{
	session_set_note(ui->app->sess, current(ui)->id, text);
	ui_save(ui);
}

void
note_open(struct ui *ui)
{
	const struct answer *a = session_answer(ui->app->sess, current(ui)->id);

	ui->input_keep = input_open(ui, _("Note for this question (Enter saves, Esc cancels):"),
	    a != NULL ? a->note : NULL, note_done);
}

static void
question_key(struct ui *ui, enum action act, int key)
{
	const struct question *q = current(ui);
	int n = (int)q->nchoices + 1;

	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_HOME:
	case ACT_END:
		ui->focus = (int)ui_move((size_t)ui->focus, act, (size_t)n - 1, 1);
		break;
	case ACT_CHOOSE:	/* 1 to 9, and 0 for a tenth option */
		if ((key == '0' ? 9 : key - '1') >= n)
			break;
		ui->focus = key == '0' ? 9 : key - '1';
		choose(ui);
		break;
	case ACT_CONFIRM:
		choose(ui);
		question_next(ui);
		break;
	case ACT_CLICK:	/* key is the row clicked: the option starting there or above */
		for (int i = n - 1; i >= 0; i--) {
			if (i < UI_MAX_OPTIONS && ui->option_row[i] >= 0 &&
			    ui->option_row[i] <= key) {
				ui->focus = i;
				choose(ui);
				break;
			}
		}
		break;
	case ACT_NEXT:
		question_next(ui);
		break;
	case ACT_PREV:
		question_prev(ui);
		break;
	case ACT_HELP:
		pager_open_help(ui);
		break;
	case ACT_GUIDANCE:
		pager_open_guidance(ui);
		break;
	case ACT_NOTE:
		note_open(ui);
		break;
	case ACT_REVIEW:
		review_open(ui);
		break;
	default:
		break;
	}
}

/* --- area end ----------------------------------------------------------- */

#define priority_values app_priority_order

static void
area_end_enter(struct ui *ui)
{
	const struct area *a = &ui->app->pack->areas[ui->area];
	enum priority p = session_priority(ui->app->sess, a->id);
	int i;

	if (ui->returning)
		return;	/* back from help: the focus as it was left */
	ui->focus = 3;
	for (i = 0; i < 3; i++)
		if (priority_values[i] == p)
			ui->focus = i;
}

static void
area_end_draw(struct ui *ui)
{
	const struct area *a = &ui->app->pack->areas[ui->area];
	enum priority p = session_priority(ui->app->sess, a->id);
	int i, y;
	char *s;

	draw_header(ui, a, SIZE_MAX);
	/* no priority saved is what "skip for now" saves: that one is marked */
	s = xasprintf(_("You have reached the end of this area. How important is it for "
	    "your organisation to work on \"%s\" now?"), a->title);
	y = ui_text(ui, 3, 0, COLS - 1, LINES - 3, s, 0, A_BOLD);
	free(s);
	y++;
	for (i = 0; i < 4; i++) {
		bool chosen = priority_values[i] == p && (i < 3 || p == PRIORITY_NONE);

		if (y >= LINES - 2)
			break;
		s = xasprintf("  %d %s %s", i + 1, chosen ? "(\xE2\x80\xA2)" : "( )",
		    app_priority_label(priority_values[i]));
		ui_put(y, 0, s, COLS - 1, chosen ? ui_attr(ui, UC_CHOSEN) : A_NORMAL);
		free(s);
		if (i == ui->focus) {
			ui_put(y, 0, "\xE2\x80\xBA", 1, ui_attr(ui, UC_FOCUS));
			ui->cy = y;
			ui->cx = 2;
		}
		y++;
	}
}

static void
area_end_key(struct ui *ui, enum action act, int key)
{
	const struct area *a = &ui->app->pack->areas[ui->area];

	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_HOME:
	case ACT_END:
		ui->focus = (int)ui_move((size_t)ui->focus, act, 3, 1);
		break;
	case ACT_CHOOSE:
		if (key < '1' || key - '1' > 3)
			break;
		ui->focus = key - '1';
		session_set_priority(ui->app->sess, a->id, priority_values[ui->focus]);
		ui_save(ui);
		break;
	case ACT_CONFIRM:
		session_set_priority(ui->app->sess, a->id, priority_values[ui->focus]);
		ui_save(ui);
		if (ui->area + 1 < ui->app->pack->nareas)
			question_open(ui, ui->app->pack->areas[ui->area + 1].first);
		else
			ui_goto(ui, ui->app->workshop ? SCR_ROOM : SCR_RESULTS);
		break;
	case ACT_PREV:
		question_open(ui, a->first + a->nquestions - 1);
		break;
	case ACT_REVIEW:
		review_open(ui);
		break;
	default:
		break;
	}
}

const struct screen_ops scr_question = {
	question_enter, question_draw, question_key, question_keys, N_("Question")
};
const struct screen_ops scr_area_end = {
	area_end_enter, area_end_draw, area_end_key, area_end_keys, N_("End of an area")
};

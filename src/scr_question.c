/* SPDX-License-Identifier: MIT */
/*
 * scr_question.c: the question screen and the area-end screen. The
 * question screen shows where we are (as text and as a bar), the area,
 * the question and its choices, numbered, with a text marker on the chosen
 * one, plus "not applicable to us". Focus is shown by a marker too, and
 * the hardware cursor sits on the focused choice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui_curses.h"

static const struct keydef question_keys[] = {
	KEYS_MOVE,
	{ '1', "1-5", N_("choose"), ACT_CHOOSE, true },
	{ '\n', "Enter", N_("confirm"), ACT_CONFIRM, true },
	{ ' ', "Space", N_("confirm and go on"), ACT_CONFIRM, false },
	{ KC(KEY_LEFT), "\xE2\x86\x90\xE2\x86\x92", N_("back, next"), ACT_PREV, false },
	{ KC(KEY_RIGHT), "\xE2\x86\x92", N_("next question"), ACT_NEXT, false },
	{ KC(KEY_PPAGE), "PgUp", N_("previous question"), ACT_PREV, false },
	{ KC(KEY_NPAGE), "PgDn", N_("next question"), ACT_NEXT, false },
	{ '?', "?", N_("help"), ACT_HELP, true },
	{ 'g', "g", N_("guidance"), ACT_GUIDANCE, true },
	{ 'n', "n", N_("note"), ACT_NOTE, true },
	{ 'r', "r", N_("review"), ACT_REVIEW, true },
	{ 'h', "h", N_("all keys"), ACT_KEYS, false },
	{ 'q', "q", N_("quit"), ACT_QUIT, true },
	{ 0, NULL, NULL, ACT_NONE, false }
};

static const struct keydef area_end_keys[] = {
	KEYS_MOVE,
	{ '1', "1-4", N_("choose"), ACT_CHOOSE, true },
	{ '\n', "Enter", N_("confirm"), ACT_CONFIRM, true },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back"), ACT_PREV, true },
	{ 'r', "r", N_("review"), ACT_REVIEW, true },
	{ 'q', "q", N_("quit"), ACT_QUIT, true },
	{ 0, NULL, NULL, ACT_NONE, false }
};

static const struct question *
current(const struct ui *ui)
{
	return &ui->app->pack->questions[ui->q];
}

/* The focus that shows the saved answer, or the first choice. */
int
saved_focus(const struct ui *ui)
{
	const struct question *q = current(ui);
	const struct answer *a = session_answer(ui->app->sess, q->id);
	size_t i;

	if (a != NULL && a->choice == ANSWER_NA)
		return (int)q->nchoices;
	for (i = 0; a != NULL && i < q->nchoices; i++)
		if (q->choices[i].id == a->choice)
			return (int)i;
	return 0;
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

/* The label of a choice (index nchoices: not applicable). */
static const char *
choice_label(const struct question *q, int i)
{
	return i < (int)q->nchoices ? q->choices[i].text->title : _("Not applicable to us");
}

static bool
is_chosen(const struct ui *ui, const struct question *q, int i)
{
	const struct answer *a = session_answer(ui->app->sess, q->id);

	if (a == NULL)
		return false;
	return i == (int)q->nchoices ? a->choice == ANSWER_NA :
	    a->choice == q->choices[i].id;
}

/* Progress and the area: the first two lines of question and area-end screens. */
static void
draw_header(struct ui *ui, const struct area *a, size_t qpos)
{
	const struct pack *p = ui->app->pack;
	char *s;
	int answered = app_answered(ui->app), w;

	s = xasprintf(_("Area %zu/%zu \xC2\xB7 Question %zu/%zu"), a->index + 1, p->nareas,
	    qpos + 1, p->nquestions);
	w = ui_put(0, 0, s, COLS - 16, ui_attr(ui, UC_DIM));
	free(s);
	(void)w;
	ui_bar(ui, 0, COLS - 14, 12, answered, (int)p->nquestions);
	ui_text(ui, 1, 0, COLS, 2, a->title, 0, ui_attr(ui, UC_TITLE));
	ui_rule(ui, 2);
}

/*
 * Lay out the question and its options; rows[i] is the option a line
 * belongs to (-1 for the question text and blank lines).
 */
static void
body_layout(const struct ui *ui, struct layout *lo, int **rows)
{
	const struct question *q = current(ui);
	size_t start;
	int i, n = (int)q->nchoices + 1;
	char *line;

	layout_init(lo);
	layout_text(lo, q->text, COLS - 1, 0, LS_STRONG);
	layout_blank(lo);
	*rows = NULL;
	start = lo->nlines;
	*rows = xreallocarray(NULL, start, sizeof(**rows));
	for (size_t k = 0; k < start; k++)
		(*rows)[k] = -1;
	for (i = 0; i < n; i++) {
		size_t before = lo->nlines, k;

		line = xasprintf("  %d %s %s", i + 1, is_chosen(ui, q, i) ? "(\xE2\x80\xA2)" : "( )",
		    choice_label(q, i));
		layout_text(lo, line, COLS - 1, 8, 0);
		free(line);
		*rows = xreallocarray(*rows, lo->nlines, sizeof(**rows));
		for (k = before; k < lo->nlines; k++)
			(*rows)[k] = i;
	}
}

static void
question_draw(struct ui *ui)
{
	const struct question *q = current(ui);
	const struct answer *a = session_answer(ui->app->sess, q->id);
	struct layout lo;
	size_t i, top = 0, first = 0, last = 0;
	int *rows, y, height = LINES - 6, chosen_y = -1;
	bool seen = false;

	draw_header(ui, q->area, ui->q);
	body_layout(ui, &lo, &rows);
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
	/* scroll so that the focused option is visible, its first line if possible */
	if (last >= (size_t)height)
		top = last - (size_t)height + 1;
	if (first < top)
		top = first;
	for (i = top, y = 3; i < lo.nlines && y < 3 + height; i++, y++) {
		bool focus = rows[i] == ui->focus;
		bool chosen = rows[i] >= 0 && is_chosen(ui, q, rows[i]);

		if (rows[i] >= 0 && rows[i] < UI_MAX_OPTIONS && ui->option_row[rows[i]] < 0)
			ui->option_row[rows[i]] = (short)y;
		attron(chosen ? ui_attr(ui, UC_CHOSEN) : A_NORMAL);
		ui_put_line(ui, y, 0, &lo.lines[i], COLS - 1);
		attroff(chosen ? ui_attr(ui, UC_CHOSEN) : A_NORMAL);
		if (focus && i == first) {
			ui_put(y, 0, "\xE2\x80\xBA", 1, ui_attr(ui, UC_FOCUS));	/* › */
			chosen_y = y;
		}
	}
	if (a != NULL && a->note != NULL && ui->status[0] == '\0') {
		char *s = xasprintf("%s: %s", _("Note"), a->note);
		char *safe = text_display(s, strlen(s), NULL);
		ui_put(LINES - 2, 0, safe, COLS, A_NORMAL);
		free(safe);
		free(s);
	}
	ui->cy = chosen_y >= 0 ? chosen_y : 3;
	ui->cx = 2;
	free(rows);
	layout_free(&lo);
}

/* Record the focused option as the answer, and save. */
static void
choose(struct ui *ui)
{
	const struct question *q = current(ui);

	session_set_answer(ui->app->sess, q->id, ui->focus == (int)q->nchoices ? ANSWER_NA :
	    q->choices[ui->focus].id);
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

static void
question_key(struct ui *ui, enum action act, int key)
{
	const struct question *q = current(ui);
	const struct answer *a;
	int n = (int)q->nchoices + 1;

	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
		ui->focus = (int)ui_move((size_t)ui->focus, act, (size_t)n - 1, 1);
		break;
	case ACT_CHOOSE:
		if (key - '1' >= n)
			break;
		ui->focus = key - '1';
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
		a = session_answer(ui->app->sess, q->id);
		input_open(ui, _("Note for this question (Enter saves, Esc cancels):"),
		    a != NULL ? a->note : NULL, note_done);
		break;
	case ACT_REVIEW:
		ui_goto(ui, SCR_REVIEW);
		break;
	default:
		break;
	}
}

/* --- area end ----------------------------------------------------------- */

static const char *const priority_names[] = {
	N_("High priority"), N_("Medium priority"), N_("Low priority"), N_("Skip")
};
static const enum priority priority_values[] = {
	PRIORITY_HIGH, PRIORITY_MEDIUM, PRIORITY_LOW, PRIORITY_NONE
};

static void
area_end_enter(struct ui *ui)
{
	const struct area *a = &ui->app->pack->areas[ui->area];
	enum priority p = session_priority(ui->app->sess, a->id);
	int i;

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

	draw_header(ui, a, a->first + a->nquestions - 1);
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
		    _(priority_names[i]));
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
		ui->focus = (int)ui_move((size_t)ui->focus, act, 3, 1);
		break;
	case ACT_CHOOSE:
		if (key - '1' > 3)
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
		ui_goto(ui, SCR_REVIEW);
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

/* SPDX-License-Identifier: MIT */
/*
 * scr_lists.c: the welcome screen (title, introduction, resume, the
 * organisation's name and the respondent's role), the review list (every
 * question with its answer; Enter jumps to it) and the help screen, which
 * lists every key of every screen from the screens' own key tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "ui_curses.h"

/* --- welcome ------------------------------------------------------------ */

static const struct keydef welcome_keys[] = {
	KEYS_MOVE,
	{ '\n', "Enter", N_("select"), ACT_CONFIRM, KB_MAIN },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("change role"), ACT_LEFT, KB_MORE },
	{ KC(KEY_RIGHT), "\xE2\x86\x92", N_("change role"), ACT_RIGHT, KB_MORE },
	{ 'h', "h", N_("keys"), ACT_KEYS, KB_MORE },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

enum { W_START, W_FRESH, W_ORG, W_ROLE };

/* The items of the welcome list: resume and start over, or start. */
static int
welcome_items(const struct ui *ui, int *items)
{
	int n = 0;

	items[n++] = W_START;
	if (ui->app->resumable)
		items[n++] = W_FRESH;
	items[n++] = W_ORG;
	items[n++] = W_ROLE;
	return n;
}

static void
welcome_enter(struct ui *ui)
{
	(void)ui;
}

static const char *
role_label(const struct ui *ui, const char *role)
{
	return app_role_label(ui->app, role);
}

/* A row of a list: sanitised, bold with the focus marker and the cursor when focused. */
static void
list_row(struct ui *ui, int y, const char *s, bool focused)
{
	char *safe = text_display(s, strlen(s), NULL);

	if (focused) {
		ui_put(y, 0, "\xE2\x80\xBA", 1, ui_attr(ui, UC_FOCUS));
		ui->cy = y;
		ui->cx = 2;
	}
	ui_put(y, 2, safe, COLS - 3, focused ? A_BOLD : A_NORMAL);
	free(safe);
}

static void
welcome_draw(struct ui *ui)
{
	const struct pack *p = ui->app->pack;
	int items[4], n = welcome_items(ui, items), i, y;
	char *s;

	y = ui_text(ui, 0, 0, COLS - 1, LINES - 8, p->title, 0, ui_attr(ui, UC_TITLE));
	y++;
	if (p->introduction != NULL)
		y = ui_text(ui, y, 0, COLS - 1, LINES - 8, p->introduction, 0, A_NORMAL) + 1;
	if (ui->app->resumable && ui->app->saved_answers == 0) {
		y = ui_text(ui, y, 0, COLS - 1, LINES - 7, _("A saved session with notes or "
		    "priorities but no answer was found."), 0, A_BOLD) + 1;
	} else if (ui->app->resumable) {
		s = xasprintf(ngettext("A saved session with %d answer was found.",
		    "A saved session with %d answers was found.",
		    (unsigned long)ui->app->saved_answers), ui->app->saved_answers);
		y = ui_text(ui, y, 0, COLS - 1, LINES - 7, s, 0, A_BOLD) + 1;
		free(s);
	}
	for (i = 0; i < n && y < LINES - 2; i++, y++) {
		const char *org = ui->app->sess->organisation, *role = ui->app->sess->role;

		switch (items[i]) {
		case W_START:
			s = xstrdup(ui->app->resumable ? _("Resume the saved session") :
			    _("Start the assessment"));
			break;
		case W_FRESH:
			s = xstrdup(_("Start again (the saved answers are kept)"));
			break;
		case W_ORG:
			s = xasprintf("%s: %s", _("Organisation (optional)"),
			    org != NULL ? org : "-");
			break;
		default:
			s = xasprintf("%s: %s", _("Your role (optional)"),
			    role_label(ui, role));
			break;
		}
		list_row(ui, y, s, i == ui->welcome_focus);
		free(s);
	}
}

static void
org_done(struct ui *ui, const char *text)
{
	free(ui->app->sess->organisation);
	ui->app->sess->organisation = text != NULL && *text != '\0' ? xstrdup(text) : NULL;
	ui_save(ui);
}

static void
role_done(struct ui *ui, const char *text)
{
	/* a role's title, as the field shows it, is saved as its id */
	char *role = text != NULL && *text != '\0' ? xstrdup(app_role_parse(ui->app, text)) : NULL;

	free(ui->app->sess->role);
	ui->app->sess->role = role;
	ui_save(ui);
}

/*
 * Step through the roles: none, the own words (when the session held
 * some), the first role, ..., the last, none. The own words are kept in
 * the cycle, so that a key too many and one back gives them again.
 */
static void
cycle_role(struct ui *ui, int step)
{
	const char *role = ui->app->sess->role, *cand[CONTENT_MAX_ROLES + 2];
	const struct app_role *roles;
	size_t i, n, nc = 0, cur = 0;

	roles = app_roles(ui->app, &n);
	for (i = 0; role != NULL && i < n && strcmp(role, roles[i].id) != 0; i++)
		;
	if (role != NULL && i == n) {	/* own words: remembered while the wizard runs */
		free(ui->own_role);
		ui->own_role = xstrdup(role);
	}
	cand[nc++] = NULL;
	if (ui->own_role != NULL)
		cand[nc++] = ui->own_role;
	for (i = 0; i < n && nc < NELEM(cand); i++)
		cand[nc++] = roles[i].id;
	for (i = 0; i < nc; i++)
		if (role != NULL && cand[i] != NULL && strcmp(role, cand[i]) == 0)
			cur = i;
	cur = (cur + (step < 0 ? nc - 1 : 1)) % nc;
	role_done(ui, cand[cur]);
}

/* Start again, once confirmed: the old session stays on disk (see app_restart). */
static void
restart_done(struct ui *ui, int yes)
{
	char *backup;

	if (!yes) {
		ui_status(ui, "%s", _("Nothing changed: your saved answers are kept."));
		return;
	}
	backup = app_backup_path(ui->app);
	app_restart(ui->app);
	ui->welcome_focus = 0;
	question_open(ui, 0);
	if (backup != NULL)
		ui_status(ui, _("Starting again. Your first new answer moves the old ones to %s."),
		    backup);
	free(backup);
}

/*
 * Start or resume: the results when every question has an answer, else
 * the first without one, or the end of the area before it when that area
 * has no priority yet (left there, its priority was never asked again).
 */
static void
start(struct ui *ui)
{
	ptrdiff_t k;

	if (app_complete(ui->app)) {
		ui_goto(ui, SCR_RESULTS);
	} else if ((k = app_resume_area_end(ui->app)) >= 0) {
		const struct area *a = &ui->app->pack->areas[k];

		question_open(ui, a->first + a->nquestions - 1);
		ui->area = (size_t)k;
		ui_goto(ui, SCR_AREA_END);
	} else {
		question_open(ui, app_resume_question(ui->app));
	}
}

bool
welcome_on_start(struct ui *ui)
{
	int items[4], n = welcome_items(ui, items);

	return ui->screen == SCR_WELCOME && ui->welcome_focus < n &&
	    items[ui->welcome_focus] == W_START;
}

static void
welcome_key(struct ui *ui, enum action act, int key)
{
	int items[4], n = welcome_items(ui, items);

	(void)key;
	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_HOME:
	case ACT_END:
		ui->welcome_focus = (int)ui_move((size_t)ui->welcome_focus, act, (size_t)n - 1, 1);
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (items[ui->welcome_focus] == W_ROLE)
			cycle_role(ui, act == ACT_LEFT ? -1 : 1);
		break;
	case ACT_CONFIRM:
		switch (items[ui->welcome_focus]) {
		case W_FRESH: {
			char *q = xasprintf(ngettext("Start again? The %d saved answer is kept in "
			    "another file. (%s)", "Start again? The %d saved answers are kept in "
			    "another file. (%s)", (unsigned long)ui->app->saved_answers),
			    ui->app->saved_answers, app_yes_no_keys());
			ask_yes_no(ui, q, restart_done);
			free(q);
			break;
		}
		case W_START:
			start(ui);
			break;
		case W_ORG:
			ui->input_keep = input_open(ui,
			    _("Your organisation's name (Enter saves, Esc cancels):"),
			    ui->app->sess->organisation, org_done);
			break;
		default:
			ui->input_keep = input_open(ui,
			    _("Your role, in your own words (Enter saves, Esc cancels; "
			    "on the welcome screen \xE2\x86\x90 \xE2\x86\x92 pick one):"),
			    ui->app->sess->role != NULL ? role_label(ui, ui->app->sess->role) : NULL,
			    role_done);
			break;
		}
		break;
	default:
		break;
	}
}

/* --- review -------------------------------------------------------------- */

static const struct keydef review_keys[] = {
	KEYS_MOVE,
	{ KC(KEY_PPAGE), "PgUp", N_("page up, page down"), ACT_PGUP, KB_NO },
	{ KC(KEY_NPAGE), "PgDn", N_("page up, page down"), ACT_PGDN, KB_NO },
	{ '\n', "Enter", N_("go to the question"), ACT_CONFIRM, KB_MAIN },
	{ 's', "s", N_("results"), ACT_NEXT, KB_MORE },
	{ 27, "Esc", N_("back"), ACT_BACK, KB_MORE },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back"), ACT_BACK, KB_NO },
	{ 'h', "h", N_("all keys"), ACT_KEYS, KB_MAIN },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

void
review_open(struct ui *ui)
{
	ui->review_from = ui->screen;
	ui->review_from_q = ui->q;
	ui->review_from_area = ui->area;
	ui_goto(ui, SCR_REVIEW);
}

static void
review_enter(struct ui *ui)
{
	if (!ui->returning)	/* back from help: the selection as it was left */
		ui->review_sel = ui->q;
}

static void
review_draw(struct ui *ui)
{
	const struct pack *p = ui->app->pack;
	size_t height = (size_t)(LINES - 4), i;
	int y, digits = snprintf(NULL, 0, "%zu", p->nquestions);

	ui_text(ui, 0, 0, COLS - 1, 1, _("Review: every question and its answer"), 0,
	    ui_attr(ui, UC_TITLE));
	ui_rule(ui, 1);
	if (ui->review_sel < ui->review_top)
		ui->review_top = ui->review_sel;
	if (ui->review_sel >= ui->review_top + height)
		ui->review_top = ui->review_sel - height + 1;
	for (i = ui->review_top, y = 2; i < p->nquestions && y < LINES - 2; i++, y++) {
		const struct question *q = &p->questions[i];
		const struct answer *a = session_answer(ui->app->sess, q->id);
		const struct choice *ch = a != NULL && a->choice > 0 ?
		    question_choice(q, a->choice) : NULL;
		char level[16], *s;

		if (ch != NULL)
			snprintf(level, sizeof(level), "%d", ch->level);
		else
			snprintf(level, sizeof(level), "%s",
			    a != NULL && a->choice == ANSWER_NA ? "-" : "?");
		/* numbered as the question screen numbers it ("Question 5/32") */
		s = xasprintf("%*zu %s %-2s %s", digits, i + 1,
		    a != NULL && a->note != NULL ? "*" : " ", level,
		    ch != NULL ? app_choice_title(ch) : q->text);
		list_row(ui, y, s, i == ui->review_sel);
		free(s);
	}
	ui_rule_more(ui, 1, ui->review_top > 0, ui->review_top + height < p->nquestions);
	/* the legend is part of this screen only, on the status line's row */
	if (ui->status[0] == '\0')
		ui_put(LINES - 2, 0, _("* has a note   ? not answered   - not applicable"), COLS,
		    ui_attr(ui, UC_DIM));
}

static void
review_key(struct ui *ui, enum action act, int key)
{
	size_t n = ui->app->pack->nquestions, page = (size_t)(LINES - 4);

	(void)key;
	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_HOME:
	case ACT_END:
		ui->review_sel = ui_move(ui->review_sel, act, n - 1, page);
		break;
	case ACT_CONFIRM:
		question_open(ui, ui->review_sel);
		break;
	case ACT_NEXT:
		ui_goto(ui, SCR_RESULTS);
		break;
	case ACT_BACK:	/* where the review was opened */
		ui->area = ui->review_from_area;
		if (ui->review_from == SCR_QUESTION || ui->review_from == SCR_VOTE)
			question_open(ui, ui->review_from_q);
		else
			ui_goto(ui, ui->review_from);
		break;
	default:
		break;
	}
}

/* --- the keys ------------------------------------------------------------ */

static const struct keydef help_keys[] = {
	KEYS_SCROLL,
	{ 'q', "q", N_("close"), ACT_BACK, KB_MAIN },
	{ 27, "Esc", N_("close"), ACT_BACK, KB_NO },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("close"), ACT_BACK, KB_NO },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

/*
 * The names of the keys of s->keys[k]'s action, each once ("\xE2\x8C\xAB" is
 * three key codes), or false when an earlier key of the table has listed
 * them already.
 */
static bool
key_names(const struct screen_ops *s, size_t k, struct buf *names)
{
	size_t j, i;

	for (j = 0; j < k; j++)
		if (strcmp(s->keys[j].help, s->keys[k].help) == 0)
			return false;
	buf_init(names);
	for (j = k; s->keys[j].key != 0; j++) {
		bool named = false;

		if (strcmp(s->keys[j].help, s->keys[k].help) != 0)
			continue;
		for (i = k; i < j && !named; i++)
			named = strcmp(s->keys[i].help, s->keys[k].help) == 0 &&
			    strcmp(s->keys[i].name, s->keys[j].name) == 0;
		if (named)
			continue;
		if (names->len > 0)
			buf_addc(names, ' ');
		buf_adds(names, s->keys[j].name);
	}
	return true;
}

static void
help_enter(struct ui *ui)
{
	static const enum scr_id order[] = {
		SCR_WELCOME, SCR_QUESTION, SCR_VOTE, SCR_ROOM, SCR_AREA_END, SCR_REVIEW, SCR_RESULTS,
		SCR_PAGER, SCR_INPUT
	};
	size_t i, k, j;
	int w, col = 0;
	char *line;

	layout_free(&ui->pager);
	ui_layout_init(&ui->pager);
	free(ui->pager_title);
	ui->pager_title = xstrdup(_("Keys"));
	ui->pager_top_back = ui->pager_top;
	ui->pager_top = 0;
	/*
	 * The descriptions line up two columns after the widest names of all
	 * the screens (names wider than half the screen, none so far, keep
	 * their two columns and no more).
	 */
	for (i = 0; i < NELEM(order); i++) {
		const struct screen_ops *s = ui_screen(order[i]);
		struct buf names;

		for (k = 0; s->keys[k].key != 0; k++) {
			if (!key_names(s, k, &names))
				continue;
			w = text_width(names.data, names.len);
			if (w > col && w <= COLS / 2)
				col = w;
			buf_free(&names);
		}
	}
	for (i = 0; i < NELEM(order); i++) {
		const struct screen_ops *s = ui_screen(order[i]);

		layout_text(&ui->pager, _(s->title), COLS - 1, 0, LS_STRONG);
		for (k = 0; s->keys[k].key != 0; k++) {
			struct buf names;

			if (!key_names(s, k, &names))
				continue;
			/* no-break spaces: the layout keeps them, so the help texts align */
			w = text_width(names.data, names.len);
			for (j = 0; (int)j < (w < col ? col - w : 0) + 1; j++)
				buf_adds(&names, "\xC2\xA0");
			line = xasprintf("  %s %s", names.data, _(s->keys[k].help));
			layout_text(&ui->pager, line, COLS - 1, col + 4, 0);
			free(line);
			buf_free(&names);
		}
		layout_blank(&ui->pager);
	}
	layout_text(&ui->pager, _("Everywhere: Ctrl-L redraws the screen. Your answers are "
	    "saved after every change."), COLS - 1, 0, 0);
}

static void
help_draw(struct ui *ui)
{
	pager_draw_lines(ui);
}

static void
help_key(struct ui *ui, enum action act, int key)
{
	(void)key;
	if (act == ACT_BACK)
		ui_return(ui);
	else
		pager_scroll(ui, act);
}

const struct screen_ops scr_welcome = {
	welcome_enter, welcome_draw, welcome_key, welcome_keys, N_("Welcome")
};
const struct screen_ops scr_review = {
	review_enter, review_draw, review_key, review_keys, N_("Review")
};
const struct screen_ops scr_help = {
	help_enter, help_draw, help_key, help_keys, N_("Keys")
};

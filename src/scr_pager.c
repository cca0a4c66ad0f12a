/* SPDX-License-Identifier: MIT */
/*
 * scr_pager.c: scrollable text: a question's help, the guidance of the
 * chosen answer (laid out by the layout engine, links numbered and
 * listed), and the results: the very text "stok-assess report" prints,
 * with export.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "i18n.h"
#include "report.h"
#include "text.h"
#include "ui_curses.h"

static const struct keydef pager_keys[] = {
	KEYS_SCROLL,
	{ 'q', "q", N_("close"), ACT_BACK, KB_MAIN },
	{ 27, "Esc", N_("close"), ACT_BACK, KB_NO },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("close"), ACT_BACK, KB_NO },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

static const struct keydef results_keys[] = {
	KEYS_SCROLL,
	{ 'e', "e", N_("export"), ACT_EXPORT, KB_MAIN },
	{ 'r', "r", N_("review"), ACT_REVIEW, KB_MORE },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back"), ACT_PREV, KB_MORE },
	{ 'h', "h", N_("all keys"), ACT_KEYS, KB_MAIN },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

/*
 * In demo mode the results also start over for the next group, on a key
 * of their own and after a question; r is review here too, as everywhere.
 */
static const struct keydef results_demo_keys[] = {
	{ 'n', "n", N_("new group"), ACT_RESTART, KB_MAIN },
	KEYS_SCROLL,
	{ 'e', "e", N_("export"), ACT_EXPORT, KB_MAIN },
	{ 'r', "r", N_("review"), ACT_REVIEW, KB_MORE },
	{ KC(KEY_LEFT), "\xE2\x86\x90", N_("back"), ACT_PREV, KB_MORE },
	{ 'h', "h", N_("all keys"), ACT_KEYS, KB_MAIN },
	{ 'q', "q", N_("quit"), ACT_QUIT, KB_MAIN },
	{ 0, NULL, NULL, ACT_NONE, KB_NO }
};

const struct keydef *
ui_keys(const struct ui *ui)
{
	if (ui->screen == SCR_RESULTS && ui->app->demo)
		return results_demo_keys;
	if (ui->screen == SCR_QUESTION)
		return question_keys_of(ui);
	if (ui->screen == SCR_VOTE)
		return vote_keys_of(ui);
	return ui_screen(ui->screen)->keys;
}

static void
pager_reset(struct ui *ui, const char *title)
{
	layout_free(&ui->pager);
	linkset_free(&ui->pager_links);
	ui_layout_init(&ui->pager);
	linkset_init(&ui->pager_links);
	free(ui->pager_title);
	ui->pager_title = xstrdup(title);
	ui->pager_top = 0;
	ui->pager_width = COLS - 1;
}

/* Lay the pager's text out again at the terminal's width (after a resize). */
void
pager_relayout(struct ui *ui)
{
	const struct question *q = &ui->app->pack->questions[ui->q];
	size_t top = ui->pager_top, before = ui->pager.nlines, i;
	char *title = xstrdup(ui->pager_title), *line, *missing;
	struct buf b;

	pager_reset(ui, title);
	free(title);
	switch (ui->pager_kind) {
	case PAGER_HELP:
		layout_text(&ui->pager, q->text, ui->pager_width, 0, LS_STRONG);
		layout_blank(&ui->pager);
		if (ui->app->workshop && q->prompt != NULL) {	/* the trainer's, first */
			layout_text(&ui->pager, _("To open the discussion"), ui->pager_width, 0,
			    LS_STRONG);
			layout_text(&ui->pager, q->prompt, ui->pager_width, 0, 0);
			layout_blank(&ui->pager);
		}
		layout_text(&ui->pager, q->help != NULL ? q->help :
		    _("This question has no help text."), ui->pager_width, 0, 0);
		if (q->area->description != NULL) {	/* shown nowhere else on the full screen */
			layout_blank(&ui->pager);
			layout_text(&ui->pager, q->area->title, ui->pager_width, 0, LS_STRONG);
			layout_text(&ui->pager, q->area->description, ui->pager_width, 0, 0);
		}
		if (ui->app->workshop)	/* the options in full, which the vote screen may shorten */
			for (i = 0; i <= q->nchoices; i++) {
				line = xasprintf("%zu %s", i + 1, app_option_label(q, i));
				layout_blank(&ui->pager);
				layout_text(&ui->pager, line, ui->pager_width, 2, 0);
				free(line);
			}
		break;
	case PAGER_GUIDANCE:
		app_guidance(ui->app, q, ui->pager_width, &ui->pager, &ui->pager_links);
		break;
	case PAGER_REPORT:
		buf_init(&b);
		if (report_write(&b, ui->app->pack, ui->app->sess, REPORT_TEXT, ui->pager_width,
		    NULL) < 0) {
			buf_adds(&b, app_report_blocked(ui->app));
		} else if ((missing = app_unanswered_list(ui->app)) != NULL) {
			/* which questions no level counts, as line mode says before it */
			line = xasprintf(_("Questions without an answer: %s. No level counts "
			    "them; r (review) goes to them."), missing);
			layout_text(&ui->pager, line, ui->pager_width, 0, LS_STRONG);
			layout_blank(&ui->pager);
			free(line);
			free(missing);
		}
		layout_text(&ui->pager, b.data, ui->pager_width, 0, 0);
		buf_free(&b);
		break;
	}
	/*
	 * As far into the text as before: wrapped at another width, the
	 * same line number is elsewhere in it (at 80 columns and then 100,
	 * a whole answer further on).
	 */
	ui->pager_top = before > 0 ? (size_t)((unsigned long long)top * ui->pager.nlines / before) :
	    top;
}

static void
open_kind(struct ui *ui, int kind, const char *title)
{
	pager_reset(ui, title);
	ui->pager_kind = kind;
	pager_relayout(ui);
}

void
pager_open_help(struct ui *ui)
{
	open_kind(ui, PAGER_HELP, _("Help for this question"));
	ui->back = ui->screen;
	ui_goto(ui, SCR_PAGER);
}

void
pager_open_guidance(struct ui *ui)
{
	open_kind(ui, PAGER_GUIDANCE, _("Guidance for your answer"));
	ui->back = ui->screen;
	ui_goto(ui, SCR_PAGER);
}

void
pager_open_report(struct ui *ui)
{
	open_kind(ui, PAGER_REPORT, _("Results"));
	if (ui->returning)	/* back from help, which had the pager: where it was read */
		ui->pager_top = ui->pager_top_back;
}

void
pager_draw_lines(struct ui *ui)
{
	int height = LINES - 4, y;
	size_t i, max;

	/* a terminal grown taller than the text shows it from its first line */
	max = ui->pager.nlines > (size_t)height ? ui->pager.nlines - (size_t)height : 0;
	if (ui->pager_top > max)
		ui->pager_top = max;
	ui_text(ui, 0, 0, COLS - 12, 1, ui->pager_title, 0, ui_attr(ui, UC_TITLE));
	if (ui->pager.nlines > (size_t)height) {
		char pos[32];

		ui_percent(pos, sizeof(pos), (int)((ui->pager_top + (size_t)height) * 100 /
		    ui->pager.nlines));	/* how far down */
		ui_put(0, COLS - (int)strlen(pos), pos, (int)strlen(pos), ui_attr(ui, UC_DIM));
	}
	ui_rule(ui, 1);
	for (i = ui->pager_top, y = 2; i < ui->pager.nlines && y < 2 + height; i++, y++)
		ui_put_line(ui, y, 0, &ui->pager.lines[i], COLS - 1);
	ui->cy = 2;
	ui->cx = 0;
}

static void
pager_draw_text(struct ui *ui)
{
	if (ui->pager_width != COLS - 1)
		pager_relayout(ui);
	pager_draw_lines(ui);
}

void
pager_scroll(struct ui *ui, enum action act)
{
	size_t height = (size_t)(LINES - 4), max;

	max = ui->pager.nlines > height ? ui->pager.nlines - height : 0;
	ui->pager_top = ui_move(ui->pager_top, act, max, height);
}

static void
pager_enter(struct ui *ui)
{
	(void)ui;
}

static void
pager_key(struct ui *ui, enum action act, int key)
{
	(void)key;
	if (act == ACT_BACK)
		ui_return(ui);
	else
		pager_scroll(ui, act);
}

/* --- results and export -------------------------------------------------- */

static void
results_enter(struct ui *ui)
{
	pager_open_report(ui);
}

static void overwrite_done(struct ui *, int);
static void name_done(struct ui *, const char *);
static void restart_demo_done(struct ui *, int);

static void
export_write(struct ui *ui, bool overwrite)
{
	struct buf b;
	int rc;

	if (app_own_file(ui->app, ui->export_path)) {
		ui_status(ui, _("%s holds your answers, which a report must not replace: "
		    "nothing written; choose another name."), ui->export_path);
		return;
	}
	buf_init(&b);
	if (report_write(&b, ui->app->pack, ui->app->sess, (enum report_format)ui->export_format,
	    78, NULL) < 0) {
		buf_free(&b);
		ui_status(ui, "%s", app_report_blocked(ui->app));
		return;
	}
	rc = file_write_report(ui->export_path, b.data, b.len, overwrite);
	buf_free(&b);
	if (rc == -2) {	/* it exists (perhaps since the name was typed): ask */
		char *prompt = xasprintf(_("%s exists. Overwrite it? (%s)"), ui->export_path,
		    app_yes_no_keys());
		ask_yes_no(ui, prompt, overwrite_done);
		free(prompt);
		return;
	}
	if (rc < 0) {
		/*
		 * The name again, under why it failed, to be mended: typed on
		 * over the results, it became keys.
		 */
		char *said = xasprintf(_("Could not write %s: %s"), ui->export_path,
		    errno_said(errno));
		char *prompt = xasprintf("%s\n%s", said, _("File name (Enter writes, Esc cancels):"));

		input_open(ui, prompt, ui->export_path, name_done);
		free(prompt);
		free(said);
	} else
		ui_status(ui, _("Report written to %s"), ui->export_path);
}

/* The demo's answer to "start over?": a new group starts at the welcome screen. */
static void
restart_demo_done(struct ui *ui, int yes)
{
	if (!yes)
		return;	/* the results, where they were read */
	app_restart(ui->app);
	ui_save(ui);
	ui->welcome_focus = 0;
	ui_goto(ui, SCR_WELCOME);
}

static void
overwrite_done(struct ui *ui, int yes)
{
	if (yes)
		export_write(ui, true);
	else
		ui_status(ui, _("Nothing written."));
}

static void
name_done(struct ui *ui, const char *name)
{
	if (name == NULL || *name == '\0') {
		ui_status(ui, _("Nothing written."));
		return;
	}
	free(ui->export_path);
	ui->export_path = app_file_path(name);	/* ~/ is the home, as in line mode */
	export_write(ui, false);
}

static void
format_done(struct ui *ui, int key)
{
	char *name;

	ui->export_format = key == '2' ? REPORT_MARKDOWN : key == '3' ? REPORT_HTML : REPORT_TEXT;
	name = report_file_name(ui->app->pack, ui->app->sess,
	    report_ext((enum report_format)ui->export_format));
	ui->back = SCR_RESULTS;
	input_open(ui, _("File name (Enter writes, Esc cancels):"), name, name_done);
	free(name);
}

static void
results_draw(struct ui *ui)
{
	pager_draw_text(ui);
}

static void
results_key(struct ui *ui, enum action act, int key)
{
	const char *blocked;

	(void)key;
	switch (act) {
	case ACT_EXPORT:
		if ((blocked = app_report_blocked(ui->app)) != NULL) {
			ui_status(ui, "%s", blocked);
			break;
		}
		ui->back = SCR_RESULTS;
		ask_open(ui, _("Export the report as 1 text, 2 Markdown or 3 HTML?"), "123",
		    format_done);
		break;
	case ACT_REVIEW:
		review_open(ui);
		break;
	case ACT_RESTART: {
		char *q = xasprintf(_("Start over for a new group? These answers are not kept. (%s)"),
		    app_yes_no_keys());
		ask_yes_no(ui, q, restart_demo_done);
		free(q);
		break;
	}
	case ACT_PREV:
		ui->area = ui->app->pack->nareas - 1;
		ui_goto(ui, SCR_AREA_END);
		break;
	default:
		pager_scroll(ui, act);
		break;
	}
}

static void
pager_draw(struct ui *ui)
{
	pager_draw_text(ui);
}

const struct screen_ops scr_pager = {
	pager_enter, pager_draw, pager_key, pager_keys, N_("Help and guidance")
};
const struct screen_ops scr_results = {
	results_enter, results_draw, results_key, results_keys, N_("Results")
};

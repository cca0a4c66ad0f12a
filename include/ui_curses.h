/* SPDX-License-Identifier: MIT */
/*
 * ui_curses.h: shared state and helpers of the curses wizard. Only the
 * ui_*.c and scr_*.c files include this (and so curses). Every screen is
 * three functions: enter (set up state), draw (a pure function of state)
 * and key (change state); one loop in ui_curses.c draws, reads a key,
 * handles KEY_RESIZE and dispatches. Each screen has one key table; the
 * key bar and the help screen are generated from the tables.
 */
#ifndef STOK_UI_CURSES_H
#define STOK_UI_CURSES_H

#include <stdbool.h>
#include <wchar.h>

#include <curses.h>

#include "app.h"
#include "session.h"
#include "layout.h"
#include "ui.h"

#define UI_MIN_COLS	60
#define UI_MIN_LINES	16
#define UI_INPUT_MAX	INPUT_MAX
#define UI_MAX_OPTIONS	16	/* choices of a question, and not applicable */

/* Colours, named by what they mean; each also has a monochrome attribute. */
#define UI_COLORS(X)						\
	X(UC_TITLE,	COLOR_CYAN,	A_BOLD)			\
	X(UC_FOCUS,	COLOR_YELLOW,	A_BOLD)			\
	X(UC_CHOSEN,	COLOR_GREEN,	A_BOLD)			\
	X(UC_KEY,	COLOR_CYAN,	A_BOLD)			\
	X(UC_LINK,	COLOR_BLUE,	A_UNDERLINE)		\
	X(UC_DIM,	COLOR_WHITE,	A_NORMAL)		\
	X(UC_ALERT,	COLOR_RED,	A_BOLD)

enum ui_color {
#define X(name, fg, mono) name,
	UI_COLORS(X)
#undef X
	UC_COUNT
};

enum scr_id {
	SCR_WELCOME,
	SCR_QUESTION,
	SCR_AREA_END,
	SCR_REVIEW,
	SCR_RESULTS,
	SCR_PAGER,	/* help text or guidance */
	SCR_HELP,	/* the keys */
	SCR_INPUT,	/* a line of text */
	SCR_ASK,	/* a one-key question */
	SCR_VOTE,	/* a question put to the room, in a workshop */
	SCR_ROOM,	/* the room's record, at the end of a workshop */
	SCR_COUNT
};

enum action {
	ACT_NONE,
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_LEFT, ACT_RIGHT,
	ACT_CONFIRM, ACT_CHOOSE, ACT_BACK, ACT_NEXT, ACT_PREV, ACT_HELP, ACT_KEYS, ACT_GUIDANCE,
	ACT_NOTE, ACT_REVIEW, ACT_QUIT, ACT_EXPORT, ACT_EDIT, ACT_CANCEL, ACT_REDRAW, ACT_CLICK, ACT_RESTART,
	ACT_DELETE, ACT_CLEAR
};

/*
 * Whether a key is in the key bar, and how much it is needed there: a bar
 * too narrow for all its keys takes the screen's main actions first, then
 * the others, then the keys that move or scroll within the screen (each
 * kind in the table's order, as many as fit), and shows them in the
 * table's order. Help and quitting are always shown (ui_keybar).
 */
enum keybar {
	KB_NO,		/* only in the help */
	KB_MAIN,	/* what the screen is for: choose, confirm, export */
	KB_MORE,	/* other actions, and the ways to other screens */
	KB_MOVE		/* moving or scrolling within the screen */
};

struct keydef {
	int		 key;		/* a character, or a KEY_* code + KEY_OFFSET */
	const char	*name;		/* as shown in the key bar and the help */
	const char	*help;		/* N_() text */
	enum action	 action;
	enum keybar	 bar;		/* in the key bar, and how much it is needed there */
};
#define KEY_OFFSET 0x200000	/* curses key codes, apart from characters */
#define KC(k) ((k) + KEY_OFFSET)

/*
 * Rows that several key tables share. Rows with the same help text are one
 * action: the help screen lists their keys together on one line, and the
 * key bar joins neighbouring bar rows ("↑↓ move").
 */
#define KEYS_MOVE							\
	{ KC(KEY_UP), "\xE2\x86\x91", N_("move"), ACT_UP, KB_MOVE },	\
	{ KC(KEY_DOWN), "\xE2\x86\x93", N_("move"), ACT_DOWN, KB_MOVE },	\
	{ 'k', "k", N_("move"), ACT_UP, KB_NO },			\
	{ 'j', "j", N_("move"), ACT_DOWN, KB_NO },			\
	{ KC(KEY_HOME), "Home", N_("first, last"), ACT_HOME, KB_NO },	\
	{ KC(KEY_END), "End", N_("first, last"), ACT_END, KB_NO }
#define KEYS_SCROLL							\
	{ KC(KEY_UP), "\xE2\x86\x91", N_("scroll"), ACT_UP, KB_MOVE },	\
	{ KC(KEY_DOWN), "\xE2\x86\x93", N_("scroll"), ACT_DOWN, KB_MOVE },	\
	{ 'k', "k", N_("scroll"), ACT_UP, KB_NO },			\
	{ 'j', "j", N_("scroll"), ACT_DOWN, KB_NO },			\
	{ KC(KEY_PPAGE), "PgUp", N_("page up, page down"), ACT_PGUP, KB_MOVE },	\
	{ KC(KEY_NPAGE), "PgDn", N_("page up, page down"), ACT_PGDN, KB_MOVE },	\
	{ ' ', "Space", N_("page up, page down"), ACT_PGDN, KB_NO },	\
	{ KC(KEY_HOME), "Home", N_("top, bottom"), ACT_HOME, KB_NO },	\
	{ KC(KEY_END), "End", N_("top, bottom"), ACT_END, KB_NO }

struct ui;
typedef void (*input_done)(struct ui *, const char *text);
typedef void (*ask_done)(struct ui *, int key);

struct ui {
	struct app		*app;
	const struct app_options *opts;
	enum scr_id		 screen;
	enum scr_id		 back;		/* where help, pager and input return */
	bool			 color;
	bool			 quit;
	bool			 too_small;
	char			 status[200];	/* one line of news: saved, errors */
	int			 cy, cx;	/* where the hardware cursor goes */
	short			 option_row[UI_MAX_OPTIONS];	/* screen row of each option, or -1 */

	size_t			 q;		/* current question */
	int			 focus;		/* 0 .. nchoices (nchoices: not applicable) */
	size_t			 area;		/* area of the area-end screen */
	int			 welcome_focus;
	char			*own_role;	/* a role in own words, kept in the cycle of ← → */
	size_t			 review_sel, review_top;
	enum scr_id		 review_from;	/* where Esc in the review returns */
	size_t			 review_from_q;
	size_t			 review_from_area;

	struct layout		 pager;		/* pager and results text */
	struct linkset		 pager_links;
	char			*pager_title;
	size_t			 pager_top;
	size_t			 pager_top_back;	/* the results' scroll while help, a question or a text is over them */
	int			 pager_width;	/* width the pager text was laid out at */
	enum {
		PAGER_HELP, PAGER_GUIDANCE, PAGER_REPORT
	}			 pager_kind;

	wchar_t			 input[UI_INPUT_MAX + 1];
	size_t			 input_len;
	size_t			 input_pos;	/* the cursor, in characters */
	bool			 input_keep;	/* a quit keeps what was typed (notes, names) */
	bool			 input_full;	/* the last key typed found no room: say so */
	bool			 returning;	/* entered again from help, a pager, a question or a text: keep its state */
	char			*input_prompt;
	input_done		 input_done;
	char			*ask_prompt;
	const char		*ask_keys;	/* keys that answer, e.g. "123"; NULL: yes or no */
	ask_done		 ask_done;
	int			 export_format;
	char			 vote_input[96];	/* the counts as typed: "3 5 2 0" */
	int			 votes[VOTES_MAX];
	int			 nvotes;
	bool			 voted;		/* counts entered: choosing the agreed answer */
	/*
	 * The counts of each question (by index) that were counted but not yet
	 * agreed on, which the answers file cannot hold without an answer:
	 * kept while the wizard runs, and q asks before they are lost.
	 */
	struct counted {
		int	 votes[VOTES_MAX];
		int	 n;
	}			*counted;
	char			*export_path;
};

struct screen_ops {
	void	(*enter)(struct ui *);
	void	(*draw)(struct ui *);
	void	(*key)(struct ui *, enum action, int key);
	const struct keydef *keys;
	const char *title;		/* N_() name in the help screen */
};

extern const struct screen_ops scr_welcome, scr_question, scr_area_end, scr_review,
	scr_results, scr_pager, scr_help, scr_input, scr_ask, scr_vote, scr_room;

/* ui_curses.c */
void	ui_goto(struct ui *, enum scr_id);
/* Close help, a pager, a question or a text: back to ui->back as it was left (ui->returning while it is entered). */
void	ui_return(struct ui *);
void	ui_save(struct ui *);
const struct screen_ops *ui_screen(enum scr_id);
/* The key table of the current screen (results differ in demo mode). */
const struct keydef *ui_keys(const struct ui *);
const struct keydef *question_keys_of(const struct ui *);
const char *ui_option_digits(size_t n);
/* scr_vote.c: the vote's keys while the counts are typed, and once they are counted */
const struct keydef *vote_keys_of(const struct ui *);
int	vote_unagreed(const struct ui *);

/* ui_draw.c: shared drawing */
attr_t	ui_attr(const struct ui *, enum ui_color);
/* Draw UTF-8 (already safe) at y, x, cropped to width columns; returns columns used. */
int	ui_put(int y, int x, const char *s, int width, attr_t);
/* Draw a laid-out line, cropped. */
/* A layout for the screen: it clips, so long links are broken to be read whole. */
void	ui_layout_init(struct layout *);
void	ui_put_line(const struct ui *, int y, int x, const struct lline *, int width);
/* The key bar at the bottom, from a key table. */
void	ui_keybar(const struct ui *, const struct keydef *);
/* A horizontal rule across row y. */
void	ui_rule(const struct ui *, int y);
/* A percentage as the interface's language writes it (46%, %46, 46 %); snprintf's length. */
int	ui_percent(char *buf, size_t size, int pct);
/* On the rule at row y: "↑ more", "↓ more" or both, for a list or text partly out of sight. */
void	ui_rule_more(const struct ui *, int y, bool above, bool below);
/* The status line above the key bar. */
void	ui_statusline(const struct ui *);
/* A bar of cells filled to num/den. */
void	ui_bar(const struct ui *, int y, int x, int cells, int num, int den);
/* Draw sanitised, wrapped text (layout_text) from row y; returns the next row. */
int	ui_text(const struct ui *, int y, int x, int width, int maxy, const char *text,
	    int hang, attr_t);
/* The rows ui_text would take. */
int	ui_text_rows(const char *text, int width, int hang);
void	ui_status(struct ui *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * pos moved within 0..last: one step for ACT_UP and ACT_DOWN, page steps
 * for ACT_PGUP and ACT_PGDN, to an end for ACT_HOME and ACT_END; other
 * actions leave it. For a focus, a selection or a scroll position.
 */
size_t	ui_move(size_t pos, enum action, size_t last, size_t page);

/* scr_lists.c: whether the welcome screen's focus is on going to the questions */
bool	welcome_on_start(struct ui *);

/* scr_question.c */
void	question_open(struct ui *, size_t index);
void	question_next(struct ui *);
void	question_prev(struct ui *);
/* The option showing the saved answer of the current question. */
int	saved_focus(const struct ui *);
/* The note of the current question, typed on the input screen (the question's and the vote's n). */
void	note_open(struct ui *);
/* scr_pager.c */
void	pager_open_guidance(struct ui *);
void	pager_open_help(struct ui *);
void	pager_open_report(struct ui *);
void	pager_relayout(struct ui *);
/* Draw the pager's title and lines as they are; scroll them. */
void	pager_draw_lines(struct ui *);
void	pager_scroll(struct ui *, enum action);
/* scr_input.c */
bool	input_open(struct ui *, const char *prompt, const char *initial, input_done);
/* Leaving the wizard while typing: hand a note or a name typed so far to its owner. */
void	input_keep_typed(struct ui *);
void	ask_open(struct ui *, const char *prompt, const char *keys, ask_done);
/* A yes-or-no question: done gets 1 for yes, 0 for no (keys of the interface's language). */
void	ask_yes_no(struct ui *, const char *prompt, ask_done);
/* scr_lists.c */
/* Open the review, remembering where Esc returns. */
void	review_open(struct ui *);

#endif

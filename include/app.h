/* SPDX-License-Identifier: MIT */
/*
 * app.h: what the wizard works on, whatever its user interface: the chosen
 * pack, the session being answered, and where the session is saved. The
 * two interfaces (curses and line mode) read and change this state and call
 * app_save() after every answer, note or priority. No curses here.
 */
#ifndef STOK_APP_H
#define STOK_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "content.h"
#include "session.h"

/* Characters of a note or a name typed in either interface: one limit (app_input_fit). */
#define INPUT_MAX	1000

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

struct app_options {
	const char	*program;	/* argv[0]: how the program was started */
	const char	*content;	/* --content DIR, or NULL for the bundled packs */
	const char	*lang;		/* --lang */
	const char	*pack_id;	/* --pack */
	const char	*session_path;	/* --session FILE */
	const char	*organisation;	/* --organisation NAME */
	const char	*role;		/* --role ROLE: a role id, its title, or own words */
	bool		 fresh;		/* --fresh: ignore a saved session */
	bool		 script;	/* input is not a terminal: line mode asks nothing optional */
	bool		 demo;		/* --demo: a throw-away session, nothing under HOME */
	bool		 sample;	/* --sample: with --demo, the pack's example answers */
	bool		 workshop;	/* --workshop: the room votes on each question */
	bool		 big;		/* --big: with --workshop, the distribution alone, large */
	bool		 line;		/* --ui text: line mode asked for (not for want of a terminal) */
	bool		 mouse;		/* --mouse */
	enum color_mode	 color;		/* --color */
	bool		 later;		/* app_open leaves the answer texts to app_load_texts */
};

struct app {
	struct pack	*pack;
	struct session	*sess;
	char		*session_path;
	bool		 resumable;	/* a saved session with answers, notes or priorities was found */
	int		 saved_answers;	/* how many answers it holds */
	/*
	 * After app_restart: the saved file still holds the old session, and
	 * stays as it is until the new session has something of its own; the
	 * save that writes the new one first moves the old to restart_backup.
	 */
	char		*restart_backup;
	char		*restart_org, *restart_role;	/* as the new session started */
	char		*demo_dir;	/* --demo: the temporary directory, removed at the end */
	bool		 demo;
	int		 save_errno;	/* why the last save failed, or 0 */
	/*
	 * The text the last save wrote and its file as it left it: a save of
	 * the same text, while the file is still that one, writes nothing.
	 */
	char		*saved_text;
	struct stat	 saved_st;
	bool		 read_only;	/* the saved file is locked (file_locked): said at the start */
	const struct app_options *opts;	/* as app_open was given them (they outlive the app) */
	char		*lock_path;	/* SESSION.lock, held while the wizard runs */
	int		 lock_fd;
	bool		 sample;	/* the example's answers, name and role: none of them kept on a restart */
	bool		 workshop;
	bool		 words_at_end;	/* the full-screen wizard holds its diagnostics until it ends */
	bool		 texts_loaded;	/* app_load_texts has run */
	bool		 texts_failed;	/* and found the pack broken */
	char		*made_dir;	/* the state directory app_open created, or NULL */
};

/*
 * Load the pack and, unless opts->fresh, the saved session for it: from
 * opts->session_path or $XDG_STATE_HOME/stok-assess/PACK.yaml (directory
 * created with mode 0700). Returns 0, or an exit status after a diagnostic.
 */
int	app_open(struct app *, const struct app_options *);
/*
 * The pack's answer texts (through its index, their places only), which
 * app_open leaves to the caller with opts->later: the full-screen wizard
 * draws its first frame first. 0, or an exit status after a diagnostic;
 * nothing else may be done with the app then but app_close.
 */
int	app_load_texts(struct app *);
/*
 * The command that opens this session again, for the shell (a new
 * string): made when it is said, not at the start, as it searches PATH.
 */
char	*app_resume_command(const struct app *);
/*
 * The same in two steps (pack_load_unverified, pack_verify), for the
 * full-screen wizard, which draws the first question before the pack's
 * files are held against its index. Only the texts of the questions
 * read ahead may be used in between; app_verify_texts comes before
 * anything else, and before the session is saved. Its status is
 * app_load_texts's.
 */
int	app_load_texts_unverified(struct app *);
int	app_verify_texts(struct app *);
/* Read the texts of question qi (0-based) now, ahead of its screen: while the first frame waits for a key. */
void	app_read_ahead(const struct app *, size_t qi);
/*
 * Start again with a session that has no answers but keeps the
 * organisation and the role. The saved file is left alone until the new
 * session holds an answer, a note, a priority or another organisation or
 * role; the save that writes it first renames the old file to
 * app_backup_path() (PACK-DATE.yaml beside it, with the old session's
 * date), so no answer is ever lost. In demo mode nothing is kept.
 */
void	app_restart(struct app *);
/* Whether path names the session's own answers file (or its lock). */
bool	app_own_file(const struct app *, const char *path);
/* Where app_restart will move the saved session (the caller frees it), or NULL in demo mode. */
char   *app_backup_path(const struct app *);
/*
 * Save the session atomically; 0, or -1 with errno set. After a restart,
 * a session with nothing of its own yet is not written (0).
 */
int	app_save(struct app *);
/* In demo mode, remove the temporary session and its directory now. */
void	app_remove_demo(struct app *);
/* Release everything; in demo mode remove the temporary session too. */
void	app_close(struct app *);

/*
 * What both interfaces need to know about the assessment, decided here
 * once: line mode and the curses screens only present it.
 */

/*
 * How much of a typed text (n bytes of UTF-8) a note or a name keeps: the
 * bytes of its first INPUT_MAX characters, a character being a code point,
 * as the full-screen editor holds one in each wchar_t (an invalid byte
 * counts as one). *over gets how many characters are left out, 0 when
 * the whole text fits.
 */
size_t	app_input_fit(const char *s, size_t n, size_t *over);
/* The number of questions with an answer (a choice or not applicable). */
int	app_answered(const struct app *);
/* Has the question a choice or "not applicable" (a note alone is no answer)? */
bool	app_is_answered(const struct app *, const struct question *);
/* Has every question an answer? */
bool	app_complete(const struct app *);
/* Where sessions are saved by default (see app.c), or NULL when there is no home; freed by the caller. */
char	*app_state_dir(void);
/* The account's home: HOME when it is an absolute path, else the password entry's, or NULL. */
const char *app_home(void);
/*
 * The file a name typed for a report means, in either interface: ~/ at
 * its start, or ~ alone, is the home (app_home), as in the shell it
 * would be typed in, and the name is made absolute (file_absolute). The
 * caller frees it.
 */
char	*app_file_path(const char *typed);
/* The index of the first question without an answer; nquestions when there is none. */
size_t	app_first_unanswered(const struct app *);
/*
 * The questions without an answer, by the numbers the wizard gives them
 * ("6, 7, 12"), for line mode and the full screen alike; NULL when every
 * question has one. The caller frees it.
 */
char	*app_unanswered_list(const struct app *);
/* Where the wizard goes on: the first unanswered question, or 0. */
size_t	app_resume_question(const struct app *);
/*
 * The area whose end (its priority) comes first on a resume, or -1: the
 * one just before the question the wizard goes on at, when every question
 * of it is answered and it has no priority (the wizard was left at its
 * end, or before it).
 */
ptrdiff_t app_resume_area_end(const struct app *);
/* Has the session anything to resume: an answer, a note or a priority? */
bool	app_has_work(const struct app *);

/* A respondent role: its id as saved, its title as shown (translated). */
struct app_role {
	const char	*id;
	const char	*title;
};
/*
 * The roles a respondent can pick, in order; *n gets their number. Today
 * the built-in five (board, manager, staff, volunteer, member); a pack's
 * own roles will come from here too. The array lives until the next call.
 */
const struct app_role *app_roles(const struct app *, size_t *n);
/* How a saved role reads: its title when it is a known id, else the words saved; "-" for none. */
const char *app_role_label(const struct app *, const char *role);
/*
 * The role a typed text names: a known id (any ASCII case) or title gives
 * the id; anything else is the respondent's own words (returned as given).
 */
const char *app_role_parse(const struct app *, const char *text);

/* The priorities an area can have, high first, then none ("skip"). */
#define APP_NPRIORITIES 4
extern const enum priority app_priority_order[APP_NPRIORITIES];
/* The words for a priority, translated. */
const char *app_priority_label(enum priority);

/*
 * A choice's title. The wizard reads an installed pack's texts as their
 * questions come (answer_text_fill); a text that cannot be read then has
 * a sentence saying so for its title, and its diagnostic.
 */
const char *app_choice_title(const struct choice *);
/*
 * NULL when the report can be written; else why not (a chosen answer's
 * text cannot be read, see report_texts), a sentence to show.
 */
const char *app_report_blocked(const struct app *);
/* What both interfaces say of a demo's answers, where another run says where they are saved. */
const char *app_demo_words(void);
/* The label of option i of a question: a choice's title, or at nchoices "not applicable". */
const char *app_option_label(const struct question *, size_t i);
/* The option index (0..nchoices) of the saved answer, or -1. */
int	app_saved_option(const struct app *, const struct question *);
/* Record option i (0..nchoices; nchoices is "not applicable") as the answer. */
void	app_choose(struct app *, const struct question *, size_t i);

enum guidance_status {
	GUIDANCE_OK,
	GUIDANCE_NO_ANSWER,	/* nothing chosen yet */
	GUIDANCE_NOT_APPLICABLE,	/* "not applicable" has no guidance */
	GUIDANCE_UNREADABLE	/* its answer text cannot be read now */
};
struct layout;
struct linkset;
/*
 * The guidance for the chosen answer of a question, laid out at width:
 * the answer's title, its text, and its links numbered as in the text.
 * On anything but GUIDANCE_OK, lo gets the sentence saying why.
 */
enum guidance_status app_guidance(const struct app *, const struct question *, int width,
	    struct layout *lo, struct linkset *links);

/*
 * Yes and no in the interface's language: the keys shown ("e/h" in
 * Turkish, "k/e" in Finnish, "y/n" in English), and what a typed key or
 * word means: 1 yes, 0 no, -1 neither. y and n are understood everywhere.
 */
const char *app_yes_no_keys(void);
/* The same with the answer Enter gives in capitals ("Y/n", "e/H"): for line mode's questions. */
const char *app_yes_no_default(bool yes);
int	app_yes_no(int key);
int	app_yes_no_word(const char *word);

#endif

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

#include "content.h"
#include "session.h"

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

struct app_options {
	const char	*content;	/* --content DIR, or NULL for the bundled packs */
	const char	*lang;		/* --lang */
	const char	*pack_id;	/* --pack */
	const char	*session_path;	/* --session FILE */
	bool		 fresh;		/* --fresh: ignore a saved session */
	bool		 demo;		/* --demo: a throw-away session, nothing under HOME */
	bool		 sample;	/* --sample: with --demo, the pack's example answers */
	bool		 workshop;	/* --workshop: the room votes on each question */
	bool		 big;		/* --big: with --workshop, the distribution alone, large */
	bool		 mouse;		/* --mouse */
	enum color_mode	 color;		/* --color */
};

struct app {
	struct pack	*pack;
	struct session	*sess;
	char		*session_path;
	bool		 resumable;	/* a saved session with answers was found */
	int		 saved_answers;	/* how many answers it holds */
	char		*demo_dir;	/* --demo: the temporary directory, removed at the end */
	bool		 demo;
	bool		 workshop;
};

/*
 * Load the pack and, unless opts->fresh, the saved session for it: from
 * opts->session_path or $XDG_STATE_HOME/stok-assess/PACK.yaml (directory
 * created with mode 0700). Returns 0, or an exit status after a diagnostic.
 */
int	app_open(struct app *, const struct app_options *);
/* Start again with an empty session (the saved file is overwritten at the next save). */
void	app_restart(struct app *);
/* Save the session atomically; 0, or -1 with errno set. */
int	app_save(struct app *);
/* In demo mode, remove the temporary session and its directory now. */
void	app_remove_demo(struct app *);
/* Release everything; in demo mode remove the temporary session too. */
void	app_close(struct app *);

/* The number of questions with an answer (a choice or not applicable). */
int	app_answered(const struct app *);

#endif

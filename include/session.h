/* SPDX-License-Identifier: MIT */
/*
 * session.h: the answers file. One respondent's answers to one pack: the
 * pack's id, version and language, the organisation, the respondent's
 * role, the date, and per answered question the choice id or "not
 * applicable" with an optional note, and an optional priority per area.
 * It stores ids only, never labels, so the same answers render in every
 * language of the pack. Reading validates with the loader's FILE:LINE:COL
 * diagnostics; writing is atomic. No curses here.
 *
 * The text fields hold UTF-8 without control characters; only a note may
 * hold newlines. The reader guarantees it; whoever sets a field must too
 * (the UI filters what is typed). session_format escapes any control
 * character it meets, so the file stays plain text, but a file holding
 * one is refused when it is read back.
 */
#ifndef STOK_SESSION_H
#define STOK_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"

struct pack;

#define ANSWER_NA	(-1)	/* "not applicable to us" */
#define ANSWER_NONE	0	/* not answered yet (an answer that only has a note) */

#define SESSION_MAX_FILE	(4 * 1024 * 1024)	/* bytes of an answers file */
#define ANSWERS_PER_THREAD	32	/* answers files a reading thread is worth */

enum priority {
	PRIORITY_NONE = 0,
	PRIORITY_LOW,
	PRIORITY_MEDIUM,
	PRIORITY_HIGH
};

/* An answer with choice ANSWER_NONE always has a note. */
/* Workshop votes: how many people chose each option; at most this many options. */
#define VOTES_MAX	(CONTENT_MAX_CHOICES + 1)	/* the choices, then not applicable */
#define VOTES_MAX_COUNT	100000

struct answer {
	int	 question_id;
	int	 choice;	/* a choice id, ANSWER_NA or ANSWER_NONE */
	char	*note;		/* may be NULL */
	int	 votes[VOTES_MAX];	/* workshop counts, in the pack's choice order, */
	int	 nvotes;		/* then not applicable; nvotes 0: no votes */
	bool	 changed;	/* the room agreed on another option than the most voted */
	bool	 followup;	/* the trainer marked the question for follow-up */
};

struct area_priority {
	char		*area_id;
	enum priority	 priority;
};

struct session {
	char			*pack_id;
	int			 pack_version;
	char			*questions;	/* pack_questions_hash() of the pack answered, or NULL */
	char			*language;
	char			*organisation;	/* may be NULL */
	int			 organisation_line, organisation_col;	/* where it was read; 0 */
	char			*role;		/* a role key (see session_roles) or free text; may be NULL */
	char			*date;		/* YYYY-MM-DD; may be NULL */
	struct answer		*answers;	/* in the order given */
	size_t			 nanswers;
	struct area_priority	*priorities;
	size_t			 npriorities;
	size_t			 next;	/* private: the answer found last, where a look-up starts */
	int			*ids;	/* private: each answer's question_id, side by side */
};

/* The fixed role keys: board, manager, staff, volunteer, member. NULL-terminated. */
extern const char *const session_roles[];

/*
 * A new empty session for a pack (copies its id, version and language).
 * The session owns all its strings; session_free(NULL) is a no-op.
 */
struct session *session_new(const struct pack *);
void	session_free(struct session *);

/*
 * Read an answers file (at most SESSION_MAX_FILE bytes). Problems go
 * through diag() with FILE:LINE:COL; reading stops at the first error.
 * When pack is not NULL, answers for another pack are an error, another
 * version of the pack is a warning, and answers to questions or choices it
 * does not have and priorities of unknown areas are warnings and are
 * dropped; the valid rest is kept. Returns NULL after an error (an I/O
 * failure or a file that is not a valid answers file); the caller frees
 * the session.
 */
struct session *session_read(const char *path, const struct pack *pack);
/*
 * Parse from memory (for tests and fuzzers), with the same checks as
 * session_read, encoding included; buf must be NUL-terminated at len.
 */
struct session *session_parse(const char *path, const char *buf, size_t len,
	    const struct pack *pack);

/*
 * The answers file's text (YAML, ids only): the same bytes for the same
 * session, answers in the session's order, NULL or empty fields left out,
 * every string double-quoted. The caller frees it.
 */
char   *session_format(const struct session *);
/*
 * Write atomically (see file_write_atomic); overwrite as there. Returns 0,
 * -1 with errno set on an I/O error (EFBIG when the text would exceed
 * SESSION_MAX_FILE), -2 when path exists and overwrite is false.
 */
int	session_write(const struct session *, const char *path, bool overwrite);
/* The same, of a text session_format made. */
int	session_write_text(const char *text, const char *path, bool overwrite);

/*
 * The answer to a question, or NULL. Its choice is ANSWER_NONE when the
 * question has only a note.
 */
const struct answer *session_answer(const struct session *, int question_id);
/*
 * Set (or, with ANSWER_NONE, remove) the answer to a question, keeping its
 * note. A new answer goes last. Ids out of range are a broken invariant.
 */
void	session_set_answer(struct session *, int question_id, int choice);
/*
 * The workshop's record of an answered question: whether the agreed answer
 * departs from the most voted, and whether to follow it up.
 */
void	session_set_room(struct session *, int question_id, bool changed, bool followup);
/* Set or clear (NULL or "") the note of a question; note is copied. */
void	session_set_note(struct session *, int question_id, const char *note);
/* Set the workshop votes of a question: n counts, its choices then not applicable. */
void	session_set_votes(struct session *, int question_id, const int *votes, int n);
/* True if the answers were given to another version or question set of the pack. */
bool	session_other_version(const struct session *, const struct pack *);
/* The priority of an area, PRIORITY_NONE when it has none. */
enum priority session_priority(const struct session *, const char *area_id);
/* Set (or, with PRIORITY_NONE, remove) the priority of an area. */
void	session_set_priority(struct session *, const char *area_id, enum priority);

#endif

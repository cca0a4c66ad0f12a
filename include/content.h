/* SPDX-License-Identifier: MIT */
/*
 * content.h: the content model and its loader. A pack is one directory:
 * one assessment in one language, an assessment.yaml and answer texts
 * under answers/. pack_load() reads every file once, validates it, and
 * indexes the answer texts by (question, choice); the Markdown bodies stay
 * raw bytes until something shows them. After a successful load the
 * model is complete: every question has every choice, and every choice
 * has its answer text. No curses here.
 */
#ifndef STOK_CONTENT_H
#define STOK_CONTENT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* Limits, documented in stok-assess(5). */
#define CONTENT_MAX_ID		999999		/* question and choice ids: 1 .. this */
#define CONTENT_MAX_CHOICES	9		/* choices per question */
#define CONTENT_MAX_BODY	(16 * 1024)	/* bytes of Markdown per answer text */
#define CONTENT_MAX_TEXT_FILE	(1024 * 1024)	/* bytes per answer-text file */
/* The body's limit, as said beside the file's when a file is over that. */
#define CONTENT_BODY_LIMIT	"the text after its front matter may have at most 16 KiB"
#define CONTENT_MAX_ASSESSMENT	(8 * 1024 * 1024)	/* bytes of assessment.yaml */
#define CONTENT_MAX_DEPTH	8		/* directory levels under answers/ */
/*
 * Bounds on the work a body can cost cmark 0.30.2, whose block parser
 * visits every open container on every line: block quotes and list items
 * nested at most this deep, at most this many lines per body, at most
 * this many of the characters its inline parser is quadratic in; and a whole
 * pack's answer-text files at most CONTENT_MAX_PACK bytes. Measured
 * reasons in stok-assess(5).
 */
#define CONTENT_MAX_NESTING	8		/* block quotes and list items */
#define CONTENT_MAX_LINES	200		/* lines of Markdown per answer text */
#define CONTENT_MAX_MARKUP	256		/* of * _ [ ] < ! & ` \\ per answer text */
#define CONTENT_MAX_PACK	(64 * 1024 * 1024)	/* bytes of all answer texts of a pack */
/* Below this many answer texts a thread, another thread costs more than it saves. */
#define CONTENT_TEXTS_PER_THREAD	16

struct area;

/* What a file was when it was read: its size and modification time. */
struct file_stamp {
	long long	 size;
	long long	 sec;
	long		 nsec;
};

/*
 * One answer-text file. All strings are owned by the text. A text the
 * loader was not asked for, in a pack read through its index, has only
 * its path, ids and stamp: title, body and buf are NULL until
 * answer_text_fill reads it.
 */
struct answer_text {
	char		*path;		/* as given to the loader, for messages */
	struct file_stamp stamp;	/* of the file read (or listed in the index) */
	char		*title;		/* the choice in the organisation's own words */
	char		*step;		/* first recommended step, or NULL */
	int		 question_id;
	int		 choice_id;
	int		 qid_line, qid_col;	/* where question_id's value is */
	int		 cid_line, cid_col;	/* where choice_id's value is */
	char		*buf;		/* the whole file */
	const char	*body;		/* the Markdown, inside buf */
	size_t		 body_len;
	int		 body_line;	/* line of the file where the body starts */
	int		 reviewed;	/* 'reviewed' as YYYYMMDD, or 0 when absent */
	int		 reviewed_line, reviewed_col;	/* its value, or the front matter */
	bool		 unreadable;	/* answer_text_fill failed: it is not tried again */
	bool		 unverified;	/* its pack's files not yet held against the index */
};

struct choice {
	int			 id;
	int			 level;	/* 1 .. nchoices, least developed first */
	int			 line, col;
	struct answer_text	*text;	/* owned by the pack */
};

struct question {
	int		 id;
	char		*text;
	char		*help;		/* may be NULL */
	char		*prompt;	/* a discussion prompt for trainers, or NULL */
	struct area	*area;
	size_t		 index;		/* position in the pack, 0-based */
	struct choice	*choices;
	size_t		 nchoices;
	int		 line, col;
};

struct area {
	char		*id;
	char		*title;
	char		*description;	/* may be NULL */
	size_t		 index;		/* position in the pack, 0-based */
	size_t		 first;		/* index of its first question */
	size_t		 nquestions;
};

/* A respondent role: an ASCII id (saved in answers files) and its title. */
struct pack_role {
	char		*id;
	char		*title;
};

/* The roles a pack without 'roles' has (their ids are session_roles). */
#define CONTENT_DEFAULT_ROLES	5
#define CONTENT_MAX_ROLES	20

struct pack {
	char		*dir;
	char		*file;		/* dir/assessment.yaml */
	struct file_stamp stamp;	/* of the assessment file */
	bool		 partial;	/* read through the index: only the texts wanted */
	bool		 unverified;	/* read through the index alone (pack_load_unverified) */
	char		*id;
	char		*title;
	char		*language;
	char		*introduction;	/* may be NULL */
	char		*audience;	/* who the pack is for, one line; may be NULL */
	struct pack_role *roles;	/* never empty after a successful parse */
	size_t		 nroles;
	bool		 roles_builtin;	/* no 'roles' key: the five default roles */
	int		 version;
	struct area	*areas;
	size_t		 nareas;
	struct question	*questions;	/* in area order */
	size_t		 nquestions;
	struct answer_text **texts;	/* every text loaded, in path order */
	size_t		 ntexts;
	int		*qindex;	/* open-addressing table: id -> index + 1 */
	size_t		 qindex_cap;
};

enum load_status {
	LOAD_OK = 0,
	LOAD_IO = 1,		/* something could not be read */
	LOAD_INVALID = 2	/* the content has errors */
};

/*
 * Load the pack in dir. Problems go through diag(). *out is the pack as far
 * as it could be read (NULL when its assessment file could not be parsed),
 * to be released with pack_free(); only a pack loaded with LOAD_OK may be
 * used to ask questions or write reports.
 */
enum load_status pack_load(const char *dir, struct pack **out);

/*
 * The answer texts a caller needs, by question and choice id, for
 * pack_load_want(). With a current index (answers.index, see
 * pack_index_write) only these texts are read; every other text is
 * known by its file, ids and stamp only, and the pack is partial. Without
 * an index, or with one that does not match the pack in every file, the
 * pack is read whole, as pack_load() reads it: the same pack, the same
 * diagnostics. A report needs only the texts of the choices it shows.
 */
struct pack_want {
	bool	(*want)(void *ctx, int question_id, int choice_id);
	void	*ctx;
};
enum load_status pack_load_want(const char *dir, const struct pack_want *, struct pack **out);
/* No text wanted: through an index, the texts are known by their files alone. */
extern const struct pack_want pack_want_nothing;
/*
 * pack_load_want in two halves, for a caller with something to do between
 * them (the wizard draws its first frame): pack_load_start reads the
 * assessment file (on LOAD_OK *out has the pack's areas and questions,
 * and no text yet); pack_load_finish reads the answer texts, and returns
 * what pack_load_want would have returned, with the same diagnostics.
 */
enum load_status pack_load_start(const char *dir, struct pack **out);
enum load_status pack_load_finish(struct pack *, const struct pack_want *);
/*
 * The full-screen wizard's second half, in two steps again, so that its
 * first question is drawn before the pack's files are looked at. With an
 * index that is whole and names the assessment file as it is,
 * pack_load_unverified takes the texts as the index has them, none read
 * (each is read with answer_text_fill as its question comes) and leaves
 * the pack unverified; otherwise it is pack_load_finish reading no text.
 * pack_verify then holds every file against the index as
 * pack_load_finish does: when they match, the pack is the one
 * pack_load_finish would have given; when they do not, the texts are let
 * go and pack_load_finish reads the pack whole, with its diagnostics, as
 * if there were no index. Nothing but the texts read in between may be
 * used before pack_verify.
 */
enum load_status pack_load_unverified(struct pack *);
enum load_status pack_verify(struct pack *);

/*
 * A text of a partial pack, read when it is needed: as the loader reads
 * a text, with the same diagnostics, and kept only when it parses and
 * still names the question and choice the index gave it (a text edited
 * since the index was written, and still sound, is read as it is now).
 * 0 when t has its title and body (read now or before); -1 when it
 * cannot have them, after a diagnostic; such a text is marked unreadable
 * and not tried again, so that a screen drawn twice says it once.
 */
int	answer_text_fill(struct answer_text *t);

/*
 * The compiled index of a pack, dir/answers.index (format in
 * stok-assess(5)): each answer-text file with its question, choice, size
 * and modification time, as a clean read found them. pack_index_write
 * writes it for a pack loaded whole without a diagnostic; -1 after a
 * diagnostic. pack_index_check warns when a pack loaded whole has an
 * index that no longer matches it (check calls it); 1 when it does
 * not match, 0 when it matches or there is none. pack_index_names_check
 * gives an error for every text whose name (relative to the pack) holds
 * a tab or a line break, which the index cannot hold, and -1 if any does:
 * pack_index_write refuses such a pack, and check says so too.
 */
#define PACK_INDEX_FILE		"answers.index"
#define PACK_INDEX_MAX		(16 * 1024 * 1024)	/* bytes of an index read */
int	pack_index_write(const struct pack *);
int	pack_index_check(const struct pack *);
int	pack_index_names_check(const struct pack *);
/* Internal to the loader: the texts from the index, or -1 to read the pack whole. */
int	pack_index_attach(struct pack *);
int	pack_index_load(struct pack *, char **paths, const struct file_stamp *, size_t n,
	    const struct pack_want *);
/*
 * Internal to the loader: paths[i] read and parsed for every i (or every
 * i with only[i]) on a thread a core, up to four, each file's problems
 * held (see diag_hold). text_load_run fills texts[i] (NULL: not read),
 * parsed[i] and held[i]; the caller gives held[i] and takes texts[i] in
 * file order, so that the result is a single thread's whatever the
 * timing. text_load_free gives what is still held and frees the texts
 * left (set texts[i] to NULL to keep one).
 */
struct diag_held;
struct text_load {
	char			**paths;
	const bool		 *only;
	size_t			  n;
	struct answer_text	**texts;
	bool			 *parsed;
	struct diag_held	 *held;
	/*
	 * With a budget, got[i] is the bytes read of paths[i] (0 when it
	 * could not be read); once spent passes the budget the files not yet
	 * begun are left unread, got[i] -1, and the caller sets all aside.
	 */
	size_t			  budget;
	long long		 *got;
	_Atomic size_t		  spent;
};
void	text_load_run(struct text_load *);
void	text_load_free(struct text_load *);
/* The stamp of a file from what stat said of it. */
void	file_stamp_of(const struct stat *, struct file_stamp *out);
/* Whether two stamps are of the same file as it was (a size of -1 matches nothing). */
bool	file_stamp_same(const struct file_stamp *, const struct file_stamp *);
void	pack_free(struct pack *);

const struct question *pack_question(const struct pack *, int id);
/*
 * A fingerprint of the pack's question set (question ids and their choice
 * ids, in order), so that answers can tell they were given to other
 * questions even when the version number was not raised: "fnv1a64:" and 16
 * hex digits, in a static buffer.
 */
const char *pack_questions_hash(const struct pack *);
const struct choice *question_choice(const struct question *, int id);

/*
 * The pack's respondent roles, in order: its own 'roles', or the five
 * built-in ones (board, manager, staff, volunteer, member) titled in the
 * pack's language (the words of src/report_words.c). The wizard, the line
 * mode, merge and the report all ask here. The array belongs to the pack.
 */
const struct pack_role *pack_roles(const struct pack *, size_t *n);
/* The role with this id, or NULL (free text typed by a respondent, say). */
const struct pack_role *pack_role(const struct pack *, const char *id);

/*
 * A date written YYYY-MM-DD that exists in the calendar (years 1900 to
 * 9999), as the number YYYYMMDD; false otherwise.
 */
bool	content_parse_date(const char *s, size_t len, int *out);
/* A language as packs and the links register name it: a code of 2 or 3 letters a-z (tr, en, fi). */
bool	content_language_ok(const char *s, size_t len);
/*
 * Today's date as YYYYMMDD, in the timezone furthest ahead (UTC+14), so
 * that a date written today anywhere is not in the future, whatever TZ.
 */
int	content_today(void);

/*
 * The parsers of the two file kinds, for the loader and for the fuzzers.
 * assessment_parse fills the pack's metadata, areas and questions;
 * answer_text_parse fills t from the file's bytes (it takes buf, which
 * must be NUL-terminated at len). Each issues its diagnostics and returns
 * 0, or -1 after the first error.
 */
int	assessment_parse(struct pack *, const char *file, const char *buf, size_t len);
int	answer_text_parse(struct answer_text *t, const char *path, char *buf, size_t len);
void	answer_text_free(struct answer_text *);
/*
 * Warnings on a parsed text that only "check" gives (raw HTML in the body),
 * from its body as cmark parsed it (doc: cmark_parse_document of the body
 * with CMARK_OPT_VALIDATE_UTF8), which the caller frees.
 */
struct cmark_node;
void	answer_text_lint(const struct answer_text *, struct cmark_node *doc);

/*
 * UTF-8 only (a BOM is fine), no NUL, no lone CR: one diagnostic, -1, on
 * failure. *printable (when not NULL): whether the file is printable text
 * throughout (text_printable_len), for ytree_parse.
 */
int	content_check_bytes(const char *path, const char *buf, size_t len, bool *printable);

/* Strict positive integers: digits only, no sign, no leading zero, <= max. */
bool	parse_id(const char *s, size_t len, int max, int *out);

#endif

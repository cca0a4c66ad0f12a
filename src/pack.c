/* SPDX-License-Identifier: MIT */
/*
 * pack.c: loading a whole pack. Reads assessment.yaml, walks answers/ in
 * a fixed (byte-wise sorted) order so diagnostics come out the same on
 * every machine, parses each answer text once (on a thread a core, the
 * diagnostics still in file order) and attaches it to its question and
 * choice through the id index, then checks that every choice has its
 * text.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "diag.h"
#include "fileio.h"

/* The answer-text files found, and with stamp, the stamp of each. */
struct pathlist {
	char			**v;
	size_t			  n;
	size_t			  cap;
	bool			  stamp;
	struct file_stamp	 *stamps;
};

static void
pathlist_add(struct pathlist *l, char *path, const struct file_stamp *st)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
		if (l->stamp)
			l->stamps = xreallocarray(l->stamps, l->cap, sizeof(*l->stamps));
	}
	if (l->stamp)
		l->stamps[l->n] = *st;
	l->v[l->n++] = path;
}

static bool
is_text_name(const char *name)
{
	return str_has_suffix(name, ".md") || str_has_suffix(name, ".txt");
}

/* A name that looks meant as an answer text but is not one: .MD, .Txt, .markdown ... */
static bool
is_near_text_name(const char *name)
{
	static const char *const ext[] = { ".md", ".txt", ".markdown", ".mdown", ".mkd" };
	const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
	size_t i, k;

	if (dot == NULL || (slash != NULL && dot < slash))
		return false;
	for (i = 0; i < NELEM(ext); i++) {
		for (k = 0; dot[k] != '\0' && ext[i][k] != '\0' &&
		    ascii_tolower((unsigned char)dot[k]) == ext[i][k]; k++)
			;
		if (dot[k] == '\0' && ext[i][k] == '\0')
			return true;
	}
	return false;
}

/* A directory entry: its path, its name in the path, and its type as readdir gave it. */
struct entry {
	char		*path;
	const char	*name;
	unsigned char	 type;
};

/* In one directory the paths differ in their names alone. */
static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/*
 * Collect the answer-text files under dir, depth levels deep at most. The
 * type readdir gives saves an lstat for each file; file_read checks the
 * file itself again when it opens it. Their stamps, when out wants them,
 * come after (stamp_all).
 */
static void
collect(const char *dir, int depth, struct pathlist *out)
{
	struct entry *here = NULL;
	size_t n = 0, cap = 0, i, dirlen = strlen(dir), len;
	const struct file_stamp stamp = { -1, 0, 0 };
	char *path;
	struct dirent *de;
	struct stat st;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		diag(DIAG_IO, dir, 0, 0, "cannot read the directory: %s", errno_text(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* ., .. and hidden files such as editor swap files */
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			here = xreallocarray(here, cap, sizeof(*here));
		}
		len = strlen(de->d_name);
		path = path_join(dir, dirlen, de->d_name, len);
		here[n++] = (struct entry){ path, path + dirlen + 1, de->d_type };
	}
	if (n > 1)	/* an empty directory leaves here NULL, which qsort may not take */
		qsort(here, n, sizeof(*here), entry_cmp);
	for (i = 0; i < n; i++) {
		unsigned char type = here[i].type;

		path = here[i].path;
		if (type == DT_UNKNOWN) {
			if (lstat(path, &st) < 0) {
				diag(DIAG_IO, path, 0, 0, "cannot read: %s", errno_text(errno));
				free(path);
				continue;
			}
			type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
		}
		if (type == DT_DIR) {
			if (depth >= CONTENT_MAX_DEPTH)
				diag(DIAG_ERROR, path, 0, 0,
				    "directories nest deeper than %d levels under answers/",
				    CONTENT_MAX_DEPTH);
			else
				collect(path, depth + 1, out);
			free(path);
		} else if (is_text_name(path)) {
			pathlist_add(out, path, &stamp);	/* links and specials: file_read refuses */
		} else if (type == DT_LNK && stat(path, &st) < 0) {
			/* a folder's link whose folder is gone, most likely: its texts seem missing */
			diag(DIAG_ERROR, path, 0, 0, "is a symbolic link to nothing: remove it, or "
			    "put here the folder it named, not a link");
			free(path);
		} else if (type == DT_LNK && S_ISDIR(st.st_mode)) {
			/* as answers/ itself: the texts in it would be missing without a word */
			diag(DIAG_ERROR, path, 0, 0, "is a symbolic link to a directory: refusing "
			    "to follow it; make it a directory, not a link");
			free(path);
		} else {
			if (is_near_text_name(path))
				diag(DIAG_WARNING, path, 0, 0, "is not read: an answer text's name "
				    "ends in .md or .txt, in small letters; rename it");
			free(path);
		}
	}
	closedir(d);
	free(here);
}

/*
 * Each file's stamp: a size of -1 (which matches no index) for one that
 * is not a regular file of at most CONTENT_MAX_TEXT_FILE bytes. A stat
 * is a system call, which on some machines costs as much as reading a
 * small file: a pack of 10,000 files is stamped on every core.
 */
#define STAMPS_PER_THREAD	512

static void
stamp_one(void *ctx, size_t i)
{
	struct pathlist *l = ctx;
	struct stat st;

	l->stamps[i].size = -1;
	if (lstat(l->v[i], &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= CONTENT_MAX_TEXT_FILE)
		file_stamp_of(&st, &l->stamps[i]);
}

static void
stamp_all(struct pathlist *l)
{
	parallel_for(l->n, l->n / STAMPS_PER_THREAD, stamp_one, l);
}

static void
attach_text(struct pack *p, struct answer_text *t)
{
	const struct question *q = pack_question(p, t->question_id);
	struct choice *ch;

	if (q == NULL) {
		diag(DIAG_ERROR, t->path, t->qid_line, t->qid_col,
		    "question %d is not in %s: fix question_id", t->question_id, p->file);
		return;
	}
	ch = (struct choice *)question_choice(q, t->choice_id);
	if (ch == NULL) {
		diag(DIAG_ERROR, t->path, t->cid_line, t->cid_col,
		    "question %d has no choice %d: fix choice_id", q->id, t->choice_id);
		return;
	}
	if (ch->text != NULL) {
		diag(DIAG_ERROR, t->path, t->qid_line, t->qid_col,
		    "a second answer text for question %d, choice %d (the first is %s): "
		    "keep one of them", q->id, ch->id, ch->text->path);
		return;
	}
	ch->text = t;
}


static void
load_one(void *arg, size_t i)
{
	struct text_load *l = arg;
	struct answer_text *t;
	struct stat st;
	char *buf;
	size_t len;

	if (l->only != NULL && !l->only[i])
		return;
	if (l->budget != 0 && atomic_load(&l->spent) > l->budget) {
		l->got[i] = -1;
		return;
	}
	diag_hold(&l->held[i]);
	if (file_read_stat(l->paths[i], CONTENT_MAX_TEXT_FILE, "an answer-text file",
	    CONTENT_BODY_LIMIT, &buf, &len, &st) == 0) {
		if (l->budget != 0) {
			l->got[i] = (long long)len;
			atomic_fetch_add(&l->spent, len);
		}
		t = l->texts[i] = xcalloc(1, sizeof(*t));
		l->parsed[i] = answer_text_parse(t, l->paths[i], buf, len) == 0;
		file_stamp_of(&st, &t->stamp);
	}
	diag_hold(NULL);
}

void
text_load_run(struct text_load *l)
{
	size_t reads = 0, i;

	for (i = 0; i < l->n; i++)
		reads += l->only == NULL || l->only[i];
	l->texts = xcalloc(l->n ? l->n : 1, sizeof(*l->texts));
	l->parsed = xcalloc(l->n ? l->n : 1, sizeof(*l->parsed));
	l->held = xcalloc(l->n ? l->n : 1, sizeof(*l->held));
	if (l->budget != 0)
		l->got = xcalloc(l->n ? l->n : 1, sizeof(*l->got));
	parallel_for(l->n, reads / CONTENT_TEXTS_PER_THREAD, load_one, l);
}

void
text_load_free(struct text_load *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		diag_release(&l->held[i]);
		if (l->texts[i] != NULL) {
			answer_text_free(l->texts[i]);
			free(l->texts[i]);
		}
	}
	free(l->texts);
	free(l->parsed);
	free(l->held);
	free(l->got);
}

static int
text_fill(struct answer_text *t)
{
	struct answer_text n;
	struct stat st;
	char *buf;
	size_t len;

	if (t->buf != NULL)
		return 0;
	if (t->unreadable)
		return -1;
	t->unreadable = true;	/* unless it reads as a clean read would read it */
	if (file_read_stat(t->path, CONTENT_MAX_TEXT_FILE, "an answer-text file",
	    CONTENT_BODY_LIMIT, &buf, &len, &st) < 0)
		return -1;
	if (answer_text_parse(&n, t->path, buf, len) < 0) {
		answer_text_free(&n);
		return -1;
	}
	if (n.question_id != t->question_id || n.choice_id != t->choice_id) {
		/* at the id that changed, as check points at it */
		bool same_q = n.question_id == t->question_id;

		diag(DIAG_ERROR, t->path, same_q ? n.cid_line : n.qid_line,
		    same_q ? n.cid_col : n.qid_col, "is now the text of question %d, "
		    "choice %d, where the pack's index has question %d, choice %d: correct its "
		    "question_id and choice_id, or run 'stok-assess check' on the pack and then "
		    "'stok-assess index'", n.question_id, n.choice_id, t->question_id, t->choice_id);
		answer_text_free(&n);
		return -1;
	}
	file_stamp_of(&st, &n.stamp);
	free(t->path);
	*t = n;
	return 0;
}

/*
 * A text of an unverified pack is read quietly: one that does not read
 * as the index says has changed since, and pack_verify then reads the
 * pack whole, with every word about it, once.
 */
int
answer_text_fill(struct answer_text *t)
{
	bool quiet = t->unverified;
	int rc;

	if (quiet)
		diag_mute(true);
	rc = text_fill(t);
	if (quiet)
		diag_mute(false);
	t->unverified = quiet;	/* a text read took the place of the index's */
	return rc;
}

/*
 * Whether the answer texts pass CONTENT_MAX_PACK bytes, sizes[i] being
 * the size of paths[i] (-1: a file that is not read, and counts nothing);
 * if so, the file with which they pass it is named.
 */
static bool
too_big(char **paths, const long long *sizes, size_t n)
{
	long long total = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (sizes[i] > 0 && (total += sizes[i]) > CONTENT_MAX_PACK) {
			diag(DIAG_ERROR, paths[i], 0, 0,
			    "with this file the answer texts pass %d bytes (64 MiB), the limit "
			    "for a pack: shorten them or split the pack", CONTENT_MAX_PACK);
			return true;
		}
	}
	return false;
}

/* too_big of the files by their stamps (listed and stamped, not read). */
static bool
stamps_too_big(const struct pathlist *files)
{
	long long *sizes = xcalloc(files->n ? files->n : 1, sizeof(*sizes));
	size_t i;
	bool big;

	for (i = 0; i < files->n; i++)
		sizes[i] = files->stamps[i].size;
	big = too_big(files->v, sizes, files->n);
	free(sizes);
	return big;
}

/*
 * Every text in file order: what it reported given, then it attached.
 * The files are read with the pack's limit as a budget: a pack past it is
 * refused as a whole, with nothing of what was read (the files left
 * unread are measured, to name the one that passed it in file order).
 */
static void
load_texts(struct pack *p, char **paths, size_t n)
{
	struct text_load l = { .paths = paths, .n = n, .budget = CONTENT_MAX_PACK };
	struct stat st;
	size_t i;

	text_load_run(&l);
	if (atomic_load(&l.spent) > l.budget) {
		for (i = 0; i < n; i++)
			if (l.got[i] < 0)
				l.got[i] = lstat(paths[i], &st) == 0 && S_ISREG(st.st_mode) &&
				    st.st_size <= CONTENT_MAX_TEXT_FILE ? (long long)st.st_size : 0;
		too_big(paths, l.got, n);
		for (i = 0; i < n; i++)
			diag_drop(&l.held[i]);
		text_load_free(&l);	/* and what was read */
		return;
	}
	for (i = 0; i < n; i++) {
		diag_release(&l.held[i]);
		if (l.texts[i] == NULL)
			continue;
		p->texts[p->ntexts++] = l.texts[i];
		if (l.parsed[i])
			attach_text(p, l.texts[i]);
		l.texts[i] = NULL;	/* the pack's now */
	}
	text_load_free(&l);
}

void
file_stamp_of(const struct stat *st, struct file_stamp *out)
{
	out->size = (long long)st->st_size;
	out->sec = (long long)st->st_mtim.tv_sec;
	out->nsec = (long)st->st_mtim.tv_nsec;
}

bool
file_stamp_same(const struct file_stamp *a, const struct file_stamp *b)
{
	return a->size >= 0 && a->size == b->size && a->sec == b->sec && a->nsec == b->nsec;
}

enum load_status
pack_load(const char *dir, struct pack **out)
{
	return pack_load_want(dir, NULL, out);
}

enum load_status
pack_load_start(const char *dir, struct pack **out)
{
	struct diag_counts before = diag_counts();
	struct pack *p = xcalloc(1, sizeof(*p));
	struct stat st;
	size_t len;
	char *buf;

	*out = NULL;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		diag(DIAG_ERROR, dir, 0, 0, "is not a directory: a pack is a directory holding "
		    "assessment.yaml and answers/");
		free(p);
		return LOAD_INVALID;
	}
	/* "pack/", as the shell completes it, names its files "pack/answers/...", not "pack//..." */
	for (len = strlen(dir); len > 1 && dir[len - 1] == '/'; len--)
		;
	p->dir = xstrndup(dir, len);
	p->file = xasprintf("%s/assessment.yaml", p->dir);
	if (file_read_stat(p->file, CONTENT_MAX_ASSESSMENT, "an assessment file", NULL,
	    &buf, &len, &st) < 0) {
		pack_free(p);
		return diag_counts().io > before.io ? LOAD_IO : LOAD_INVALID;
	}
	if (assessment_parse(p, p->file, buf, len) < 0) {
		free(buf);
		pack_free(p);
		return LOAD_INVALID;
	}
	free(buf);
	file_stamp_of(&st, &p->stamp);
	*out = p;
	return LOAD_OK;
}

enum load_status
pack_load_finish(struct pack *p, const struct pack_want *want)
{
	struct diag_counts before = diag_counts(), after;
	struct pathlist files = { .stamp = want != NULL };
	bool big = false, indexed = false;
	char *answers;
	size_t i, k;
	struct stat st;

	answers = xasprintf("%s/answers", p->dir);
	if (lstat(answers, &st) < 0)
		st.st_mode = 0;
	if (S_ISLNK(st.st_mode))	/* as file_read refuses a linked file */
		diag(DIAG_ERROR, answers, 0, 0, "is a symbolic link: refusing to follow it; "
		    "make answers/ a directory, not a link");
	else if (!S_ISDIR(st.st_mode))
		diag(DIAG_ERROR, p->dir, 0, 0, "has no answers/ directory: the answer texts go there");
	else
		collect(answers, 1, &files);
	free(answers);
	/*
	 * Through the index, the files' stamps first: the pack's size, and
	 * whether the index still matches. Else every text is read, and the
	 * reading measures the size.
	 */
	if (want != NULL) {
		stamp_all(&files);
		big = stamps_too_big(&files);
		indexed = !big && pack_index_load(p, files.v, files.stamps, files.n, want) == 0;
	}
	free(files.stamps);
	if (indexed) {
		files.n = 0;	/* the paths are the texts' now */
	} else {
		p->texts = xcalloc(files.n ? files.n : 1, sizeof(*p->texts));
		if (!big)
			load_texts(p, files.v, files.n);
	}
	for (i = 0; i < files.n; i++)
		free(files.v[i]);
	free(files.v);
	after = diag_counts();
	if (after.errors == before.errors && after.io == before.io) {
		for (i = 0; i < p->nquestions; i++) {
			const struct question *q = &p->questions[i];
			for (k = 0; k < q->nchoices; k++)
				if (q->choices[k].text == NULL)
					diag(DIAG_ERROR, p->file, q->choices[k].line, q->choices[k].col,
					    "question %d, choice %d has no answer text: add a file "
					    "with question_id: %d and choice_id: %d under answers/",
					    q->id, q->choices[k].id, q->id, q->choices[k].id);
		}
	}
	after = diag_counts();
	if (after.io > before.io)
		return LOAD_IO;
	return after.errors > before.errors ? LOAD_INVALID : LOAD_OK;
}

static bool
want_nothing(void *ctx, int question_id, int choice_id)
{
	(void)ctx;
	(void)question_id;
	(void)choice_id;
	return false;
}

const struct pack_want pack_want_nothing = { want_nothing, NULL };

enum load_status
pack_load_unverified(struct pack *p)
{
	if (pack_index_attach(p) == 0) {
		p->unverified = true;
		return LOAD_OK;
	}
	return pack_load_finish(p, &pack_want_nothing);
}

/* Every text let go, and every choice without one again. */
static void
texts_drop(struct pack *p)
{
	size_t i, k;

	for (i = 0; i < p->nquestions; i++)
		for (k = 0; k < p->questions[i].nchoices; k++)
			p->questions[i].choices[k].text = NULL;
	for (i = 0; i < p->ntexts; i++) {
		answer_text_free(p->texts[i]);
		free(p->texts[i]);
	}
	free(p->texts);
	p->texts = NULL;
	p->ntexts = 0;
	p->partial = false;
}

enum load_status
pack_verify(struct pack *p)
{
	struct pathlist files = { .stamp = true };
	struct diag_held held = { 0 }, *outer;
	struct diag_counts before;
	char *answers;
	size_t i;
	bool same;

	if (!p->unverified)
		return LOAD_OK;
	p->unverified = false;
	/* what pack_load_finish looks at first, its words held until the outcome is known */
	answers = xasprintf("%s/answers", p->dir);
	outer = diag_hold(&held);
	collect(answers, 1, &files);
	free(answers);
	stamp_all(&files);
	same = !stamps_too_big(&files) && files.n == p->ntexts;
	/* a text read quietly that did not read as the index says has changed too */
	for (i = 0; same && i < files.n; i++)
		same = strcmp(files.v[i], p->texts[i]->path) == 0 &&
		    file_stamp_same(&files.stamps[i], &p->texts[i]->stamp) && !p->texts[i]->unreadable;
	diag_hold(outer);
	for (i = 0; i < files.n; i++)
		free(files.v[i]);
	free(files.v);
	free(files.stamps);
	if (!same) {
		/* the pack changed since its index was written: read as if there were none */
		diag_drop(&held);
		texts_drop(p);
		return pack_load_finish(p, &pack_want_nothing);
	}
	for (i = 0; i < p->ntexts; i++)
		p->texts[i]->unverified = false;
	before = diag_counts();
	diag_release(&held);	/* a warning of collect's, say, about a file that is no text */
	if (diag_counts().io > before.io)
		return LOAD_IO;
	return diag_counts().errors > before.errors ? LOAD_INVALID : LOAD_OK;
}

enum load_status
pack_load_want(const char *dir, const struct pack_want *want, struct pack **out)
{
	enum load_status st = pack_load_start(dir, out);

	return st != LOAD_OK ? st : pack_load_finish(*out, want);
}

void
pack_free(struct pack *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->ntexts; i++) {
		answer_text_free(p->texts[i]);
		free(p->texts[i]);
	}
	free(p->texts);
	for (i = 0; i < p->nquestions; i++) {
		free(p->questions[i].text);
		free(p->questions[i].help);
		free(p->questions[i].prompt);
		free(p->questions[i].choices);
	}
	free(p->questions);
	for (i = 0; i < p->nareas; i++) {
		free(p->areas[i].id);
		free(p->areas[i].title);
		free(p->areas[i].description);
	}
	free(p->areas);
	free(p->qindex);
	free(p->dir);
	free(p->file);
	free(p->id);
	free(p->title);
	free(p->language);
	free(p->introduction);
	free(p->audience);
	for (i = 0; i < p->nroles; i++) {
		free(p->roles[i].id);
		free(p->roles[i].title);
	}
	free(p->roles);
	free(p);
}

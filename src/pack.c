/* SPDX-License-Identifier: MIT */
/*
 * pack.c: loading a whole pack. Reads assessment.yaml, walks answers/ in
 * a fixed (byte-wise sorted) order so diagnostics come out the same on
 * every machine, parses each answer text once and attaches it to its
 * question and choice through the id index, then checks that every choice
 * has its text.
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

struct pathlist {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

static void
pathlist_add(struct pathlist *l, char *path)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = path;
}

static bool
is_text_name(const char *name)
{
	return str_has_suffix(name, ".md") || str_has_suffix(name, ".txt");
}

/* A directory entry: its path and its type as readdir gave it. */
struct entry {
	char		*path;
	unsigned char	 type;
};

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

/*
 * Collect the answer-text files under dir, depth levels deep at most. The
 * type readdir gives saves an lstat for each file; file_read checks the
 * file itself again when it opens it.
 */
static void
collect(const char *dir, int depth, struct pathlist *out)
{
	struct entry *here = NULL;
	size_t n = 0, cap = 0, i;
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
		here[n++] = (struct entry){ xasprintf("%s/%s", dir, de->d_name), de->d_type };
	}
	closedir(d);
	qsort(here, n, sizeof(*here), entry_cmp);
	for (i = 0; i < n; i++) {
		char *path = here[i].path;
		unsigned char type = here[i].type;

		if (type == DT_UNKNOWN) {
			if (lstat(path, &st) < 0) {
				diag(DIAG_IO, path, 0, 0, "cannot read: %s", errno_text(errno));
				free(path);
				continue;
			}
			type = S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
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
			pathlist_add(out, path);	/* links and specials: file_read refuses */
		} else {
			free(path);
		}
	}
	free(here);
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

void
file_stamp_of(const struct stat *st, struct file_stamp *out)
{
	out->size = (long long)st->st_size;
	out->sec = (long long)st->st_mtim.tv_sec;
	out->nsec = (long)st->st_mtim.tv_nsec;
}

enum load_status
pack_load(const char *dir, struct pack **out)
{
	return pack_load_want(dir, NULL, out);
}

enum load_status
pack_load_want(const char *dir, const struct pack_want *want, struct pack **out)
{
	struct diag_counts before = diag_counts(), after;
	struct pathlist files = { NULL, 0, 0 };
	struct pack *p = xcalloc(1, sizeof(*p));
	struct file_stamp *stamps;
	char *buf, *answers;
	size_t len, i, k, total = 0;
	struct stat st;

	*out = NULL;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		diag(DIAG_ERROR, dir, 0, 0, "is not a directory: a pack is a directory holding "
		    "assessment.yaml and answers/");
		free(p);
		return LOAD_INVALID;
	}
	p->dir = xstrdup(dir);
	p->file = xasprintf("%s/assessment.yaml", dir);
	if (file_read_stat(p->file, CONTENT_MAX_ASSESSMENT, &buf, &len, &st) < 0) {
		pack_free(p);
		return diag_counts().io > before.io ? LOAD_IO : LOAD_INVALID;
	}
	if (content_check_bytes(p->file, buf, len) < 0 ||
	    assessment_parse(p, p->file, buf, len) < 0) {
		free(buf);
		pack_free(p);
		return LOAD_INVALID;
	}
	free(buf);
	file_stamp_of(&st, &p->stamp);
	answers = xasprintf("%s/answers", dir);
	if (lstat(answers, &st) < 0 || !S_ISDIR(st.st_mode))
		diag(DIAG_ERROR, dir, 0, 0, "has no answers/ directory: the answer texts go there");
	else
		collect(answers, 1, &files);
	free(answers);
	/*
	 * The whole pack's size first, so that none of it is parsed when it is
	 * too big; and each file's stamp, for the index.
	 */
	stamps = xcalloc(files.n ? files.n : 1, sizeof(*stamps));
	for (i = 0; i < files.n; i++) {
		stamps[i].size = -1;	/* matches no index */
		if (lstat(files.v[i], &st) < 0 || !S_ISREG(st.st_mode) ||
		    st.st_size > CONTENT_MAX_TEXT_FILE)
			continue;	/* file_read says why */
		file_stamp_of(&st, &stamps[i]);
		if ((total += (size_t)st.st_size) > CONTENT_MAX_PACK) {
			diag(DIAG_ERROR, files.v[i], 0, 0,
			    "with this file the answer texts pass %d bytes (64 MiB), the limit "
			    "for a pack: shorten them or split the pack", CONTENT_MAX_PACK);
			break;
		}
	}
	if (want != NULL && total <= CONTENT_MAX_PACK &&
	    pack_index_load(p, files.v, stamps, files.n, want) == 0) {
		files.n = 0;	/* the paths are the texts' now */
	} else {
		p->texts = xcalloc(files.n ? files.n : 1, sizeof(*p->texts));
		for (i = 0; i < files.n && total <= CONTENT_MAX_PACK; i++) {
			struct answer_text *t;

			if (file_read_stat(files.v[i], CONTENT_MAX_TEXT_FILE, &buf, &len, &st) < 0)
				continue;
			t = xcalloc(1, sizeof(*t));
			p->texts[p->ntexts++] = t;
			if (answer_text_parse(t, files.v[i], buf, len) == 0)
				attach_text(p, t);
			file_stamp_of(&st, &t->stamp);
		}
	}
	for (i = 0; i < files.n; i++)
		free(files.v[i]);
	free(files.v);
	free(stamps);
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
	*out = p;
	after = diag_counts();
	if (after.io > before.io)
		return LOAD_IO;
	return after.errors > before.errors ? LOAD_INVALID : LOAD_OK;
}

void
pack_lint(const struct pack *p)
{
	size_t i;

	for (i = 0; p != NULL && i < p->ntexts; i++)
		answer_text_lint(p->texts[i]);
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

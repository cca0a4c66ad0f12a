/* SPDX-License-Identifier: MIT */
/*
 * cmd_common.c: what report, merge and diff share: reading answers files
 * and the pack they were given to, and writing the output to standard
 * output or, atomically and never over an existing file without --force,
 * to a file.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "diag.h"
#include "fileio.h"
#include "packs.h"
#include "util.h"

const struct option output_longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "force", no_argument, NULL, 'F' },
	{ "width", required_argument, NULL, 'w' },
	{ "lang", required_argument, NULL, 'l' },
	{ "pack", required_argument, NULL, 'p' },
	{ "content", required_argument, NULL, 'c' },
	{ "compare", required_argument, NULL, 'C' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

void
answers_free(struct answers_set *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		session_free(a->sessions[i]);
	free(a->sessions);
	free(a->r);
	pack_free(a->pack);
	memset(a, 0, sizeof(*a));
}

/* Whether the answers (a session read without its pack) chose this choice. */
static bool
chosen(void *ctx, int question_id, int choice_id)
{
	const struct answer *a = session_answer(ctx, question_id);

	return a != NULL && a->choice == choice_id;
}

/* A file given, by what it is: the same file twice is one respondent. */
struct given {
	dev_t	 dev;
	ino_t	 ino;
	size_t	 index;
};

static int
given_cmp(const void *a, const void *b)
{
	const struct given *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* A file's identity, or an index of n for one that cannot be stat'ed; on every core for thousands. */
struct identify {
	char *const	*paths;
	struct given	*v;
	size_t		 n;
};

static void
identify_one(void *arg, size_t i)
{
	struct identify *id = arg;
	struct stat st;

	id->v[i] = stat(id->paths[i], &st) == 0 ? (struct given){ st.st_dev, st.st_ino, i } :
	    (struct given){ 0, 0, id->n };
}

#define STATS_PER_THREAD	512

/*
 * Whether any file is given twice (by another name too: a link, ./x and
 * x): a respondent counted twice would weigh twice in a group, and one
 * organisation's answers given five times would pass for a network of
 * five. A file that cannot be read is left to the reader to report.
 */
static bool
given_twice(char *const *paths, size_t n)
{
	struct given *v = xcalloc(n ? n : 1, sizeof(*v));
	size_t *first = xcalloc(n ? n : 1, sizeof(*first)), i, k, m = 0;
	struct identify id = { paths, v, n };
	bool twice = false;

	parallel_for(n, n / STATS_PER_THREAD, identify_one, &id);
	for (i = 0; i < n; i++) {
		first[i] = i;
		if (v[i].index < n)
			v[m++] = v[i];	/* m <= i: the files that could be stat'ed, in order */
	}
	qsort(v, m, sizeof(*v), given_cmp);
	for (i = 1, k = 0; i < m; i++) {
		if (v[i].dev != v[k].dev || v[i].ino != v[k].ino)
			k = i;	/* the first of its file */
		first[v[i].index] = v[k].index;
	}
	for (i = 0; i < n; i++) {	/* in the order given */
		if (first[i] == i)
			continue;
		diag(DIAG_ERROR, paths[i], 0, 0, "is the same file as %s, given before it: "
		    "give each answers file once", paths[first[i]]);
		twice = true;
	}
	free(v);
	free(first);
	return twice;
}

/*
 * The answers files read on up to four threads (a group or a network is
 * thousands of them), each one's diagnostics held and then said in the
 * order the files were given, whatever the timing.
 */
struct reading {
	struct answers_set	*a;
	char *const		*paths;
	struct diag_held	*held;
};

static void
read_one(void *arg, size_t i)
{
	struct reading *r = arg;

	diag_hold(&r->held[i]);
	r->a->sessions[i] = session_read(r->paths[i], r->a->pack);
	diag_hold(NULL);
}

int
answers_load(struct answers_set *a, char *const *paths, size_t n, const char *content,
    const char *pack_id, const char *lang, bool shown_only)
{
	struct session *peek;
	struct reading rd;
	size_t i, len;
	char *buf;
	int status = 0;

	memset(a, 0, sizeof(*a));
	if (n > 1 && given_twice(paths, n))
		return 2;
	if (file_read(paths[0], SESSION_MAX_FILE, "an answers file", &buf, &len) < 0)
		return diag_exit_status();
	/* a quiet first look for the pack's id and language */
	diag_mute(true);
	peek = session_parse(paths[0], buf, len, NULL);
	diag_mute(false);
	if (peek == NULL) {
		session_free(session_parse(paths[0], buf, len, NULL));	/* aloud, this time */
		free(buf);
		return diag_exit_status() ? diag_exit_status() : 2;
	}
	free(buf);
	a->pack = packs_load(content, pack_id ? pack_id : peek->pack_id,
	    lang ? lang : peek->language,
	    shown_only && n == 1 ? &(struct pack_want){ chosen, peek } : NULL, &status);
	session_free(peek);
	if (a->pack == NULL)
		return status ? status : 2;
	a->sessions = xcalloc(n, sizeof(*a->sessions));
	a->r = xcalloc(n, sizeof(*a->r));
	rd = (struct reading){ a, paths, xcalloc(n, sizeof(*rd.held)) };
	parallel_for(n, n / ANSWERS_PER_THREAD, read_one, &rd);
	for (i = 0; i < n; i++) {
		diag_release(&rd.held[i]);
		a->r[i] = (struct respondent){ paths[i], a->sessions[i] };
	}
	free(rd.held);
	a->n = n;
	for (i = 0; i < n; i++)
		if (a->sessions[i] == NULL)
			return diag_exit_status() ? diag_exit_status() : 2;
	return 0;
}

bool
output_stdout(const char *output)
{
	return output == NULL || strcmp(output, "-") == 0;
}

int
output_write(const char *output, bool force, const struct buf *b)
{
	int rc;

	if (output_stdout(output)) {
		/* what b spilled on the way is in stdout's error too */
		if (fwrite(b->data, 1, b->len, stdout) != b->len || fflush(stdout) != 0 ||
		    ferror(stdout)) {
			diag_plain(DIAG_IO, "cannot write to standard output: %s", errno_text(errno));
			return 1;
		}
		return 0;
	}
	if ((rc = file_write_report(output, b->data, b->len, force)) == -2) {
		diag(DIAG_IO, output, 0, 0, "exists: choose another name, or use --force "
		    "to overwrite it");
		return 1;
	}
	if (rc < 0) {
		diag(DIAG_IO, output, 0, 0, "cannot write: %s", errno_text(errno));
		return 1;
	}
	return 0;
}

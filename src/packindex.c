/* SPDX-License-Identifier: MIT */
/*
 * packindex.c: a pack's compiled index, answers.index. It says which
 * answer-text file holds which question and choice, and the size and
 * modification time each file had when a clean read of the pack found
 * nothing to say about it. "stok-assess index" writes it, and "make
 * install" for the bundled packs, as msgfmt compiles a catalogue; nothing
 * else does. With it, a report reads the few texts it shows instead of
 * every file of the pack, because the files are still what they were
 * when they were indexed.
 *
 * It is used only when it matches the pack in every file: the same files
 * in the same order, each with the size and time (to the nanosecond)
 * the index gives, the assessment file too, every choice of every
 * question once; and each text read through it must read as the index
 * says, without a word from the loader. Anything else — no index, a
 * damaged one, a file added, removed, renamed, edited or touched — and
 * the pack is read whole, as if there were none, with the same
 * diagnostics. A file changed on purpose to keep its size and time (touch
 * -r) is not seen, as make does not see it; stok-assess(5) says so.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "diag.h"
#include "fileio.h"
#include "text.h"

#define HEADER		"stok-assess answers index 1\n"
#define ASSESSMENT	"assessment.yaml"

/* One line of the index, its fields pointing into the index's buffer. */
struct entry {
	const char		*path;	/* relative to the pack */
	size_t			 path_len;
	struct file_stamp	 stamp;
	int			 question_id, choice_id;
};

struct index {
	char		*buf;
	struct entry	*v;
	size_t		 n;
};

/* The path of a text relative to its pack (after "dir/"). */
static const char *
relative(const struct pack *p, const char *path)
{
	size_t n = strlen(p->dir);

	return strncmp(path, p->dir, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

/* Whether the index's line e names the file at rel (relative to the pack). */
static bool
names(const struct entry *e, const char *rel)
{
	return strlen(rel) == e->path_len && memcmp(rel, e->path, e->path_len) == 0;
}

static void
add_stamp(struct buf *b, const struct file_stamp *s)
{
	buf_printf(b, "\t%lld\t%lld.%09ld", s->size, s->sec, s->nsec);
}

int
pack_index_names_check(const struct pack *p)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < p->ntexts; i++) {
		const struct answer_text *t = p->texts[i];
		const char *rel = relative(p, t->path);

		if (rel[strcspn(rel, "\t\n\r")] != '\0') {
			diag(DIAG_ERROR, t->path, 0, 0, "the file's name holds a tab or a line "
			    "break, which the index cannot hold: rename the file");
			rc = -1;
		}
	}
	return rc;
}

int
pack_index_write(const struct pack *p)
{
	struct buf b;
	char *path;
	size_t i;
	int rc = 0;

	if (pack_index_names_check(p) < 0)
		return -1;
	buf_init(&b);
	buf_adds(&b, HEADER);
	buf_adds(&b, ASSESSMENT);
	add_stamp(&b, &p->stamp);
	buf_addc(&b, '\n');
	for (i = 0; i < p->ntexts; i++) {
		const struct answer_text *t = p->texts[i];
		const char *rel = relative(p, t->path);

		buf_adds(&b, rel);
		add_stamp(&b, &t->stamp);
		buf_printf(&b, "\t%d\t%d\n", t->question_id, t->choice_id);
	}
	buf_printf(&b, "end\t%zu\t%016llx\n", p->ntexts,
	    (unsigned long long)fnv1a64(FNV1A64_INIT, b.data, b.len));
	path = xasprintf("%s/%s", p->dir, PACK_INDEX_FILE);
	if (rc == 0 && b.len > PACK_INDEX_MAX) {
		diag(DIAG_ERROR, path, 0, 0, "the index would be %zu bytes, more than the %d "
		    "(16 MiB) an index may have: this pack has too many files to index",
		    b.len, PACK_INDEX_MAX);
		rc = -1;
	}
	if (rc == 0 && file_write_atomic_mode(path, b.data, b.len, true, 0644) < 0) {
		diag(DIAG_IO, path, 0, 0, "cannot write: %s", errno_text(errno));
		rc = -1;
	}
	free(path);
	buf_free(&b);
	return rc;
}

/* --- reading ------------------------------------------------------------ */

/* The field at *s up to the next sep (which must come before end); *s moves past it. */
static bool
field(const char **s, const char *end, char sep, const char **f, size_t *n)
{
	const char *e = memchr(*s, sep, (size_t)(end - *s));

	if (e == NULL)
		return false;
	*f = *s;
	*n = (size_t)(e - *s);
	*s = e + 1;
	return true;
}

/* A decimal number of at most 18 digits, no sign but a '-' when allowed, no leading zero. */
static bool
number(const char *f, size_t n, bool negative_ok, long long *out)
{
	long long v = 0;
	size_t i = 0;
	bool neg = false;

	if (negative_ok && n > 1 && f[0] == '-') {
		neg = true;
		i = 1;
	}
	if (n - i == 0 || n - i > 18 || (f[i] == '0' && n - i > 1) || (neg && f[i] == '0'))
		return false;
	for (; i < n; i++) {
		if (f[i] < '0' || f[i] > '9')
			return false;
		v = v * 10 + (f[i] - '0');
	}
	*out = neg ? -v : v;
	return true;
}

/* "SIZE<TAB>SEC.NSEC" then sep. */
static bool
stamp(const char **s, const char *end, char sep, struct file_stamp *st)
{
	const char *f, *dot;
	size_t n;
	long long nsec;

	if (!field(s, end, '\t', &f, &n) || !number(f, n, false, &st->size) ||
	    !field(s, end, sep, &f, &n) || (dot = memchr(f, '.', n)) == NULL ||
	    !number(f, (size_t)(dot - f), true, &st->sec) ||
	    f + n - dot - 1 != 9)
		return false;
	for (nsec = 0, dot++; dot < f + n; dot++) {
		if (*dot < '0' || *dot > '9')
			return false;
		nsec = nsec * 10 + (*dot - '0');
	}
	st->nsec = (long)nsec;
	return true;
}

/*
 * Read dir/answers.index, whole and intact: the header, the assessment
 * file's line, the texts' lines, and the last line, which counts them and
 * gives the FNV-1a of every byte before it. Quietly false otherwise.
 */
static bool
index_read(const struct pack *p, struct index *x, struct file_stamp *assessment)
{
	const char *s, *end, *last, *f;
	char *path = xasprintf("%s/%s", p->dir, PACK_INDEX_FILE);
	size_t len, n, cap = 0;
	long long count;
	unsigned long long sum;
	struct stat st;
	char tail[64];
	bool ok = false;

	memset(x, 0, sizeof(*x));
	if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
		free(path);
		return false;
	}
	diag_mute(true);
	if (file_read(path, PACK_INDEX_MAX, "an index", &x->buf, &len) < 0)
		goto out;
	s = x->buf;
	end = x->buf + len;
	if (len < sizeof(HEADER) || end[-1] != '\n')
		goto out;
	for (last = end - 1; last > s && last[-1] != '\n'; last--)
		;
	if (sscanf(last, "end\t%lld\t%16llx", &count, &sum) != 2 ||
	    snprintf(tail, sizeof(tail), "end\t%lld\t%016llx\n", count, sum) !=
	    (int)(end - last) || memcmp(tail, last, (size_t)(end - last)) != 0 ||
	    fnv1a64(FNV1A64_INIT, s, (size_t)(last - s)) != sum)
		goto out;
	if (memcmp(s, HEADER, strlen(HEADER)) != 0)
		goto out;
	s += strlen(HEADER);
	if (!field(&s, last, '\t', &f, &n) || n != strlen(ASSESSMENT) ||
	    memcmp(f, ASSESSMENT, n) != 0 || !stamp(&s, last, '\n', assessment))
		goto out;
	while (s < last) {
		struct entry *e;

		if (x->n == cap) {
			cap = cap ? 2 * cap : 256;
			x->v = xreallocarray(x->v, cap, sizeof(*x->v));
		}
		e = &x->v[x->n++];
		if (!field(&s, last, '\t', &e->path, &e->path_len) || e->path_len == 0 ||
		    !stamp(&s, last, '\t', &e->stamp) ||
		    !field(&s, last, '\t', &f, &n) ||
		    !parse_id(f, n, CONTENT_MAX_ID, &e->question_id) ||
		    !field(&s, last, '\n', &f, &n) ||
		    !parse_id(f, n, CONTENT_MAX_ID, &e->choice_id))
			goto out;
	}
	ok = count >= 0 && (size_t)count == x->n;
out:
	diag_mute(false);
	free(path);
	if (!ok) {
		free(x->buf);
		free(x->v);
		memset(x, 0, sizeof(*x));
	}
	return ok;
}

static void
index_free(struct index *x)
{
	free(x->buf);
	free(x->v);
}

/*
 * The index against the files the loader found (paths, in its order, and
 * their stamps): the same files, each as the index has it, and every
 * choice of every question exactly once. *slots gets, for each entry, its
 * choice.
 */
static bool
index_matches(const struct pack *p, const struct index *x, char **paths,
    const struct file_stamp *stamps, size_t n, struct choice **slots)
{
	static struct answer_text taken;	/* marks a choice met, for a while */
	const struct question *q;
	struct choice *ch;
	size_t i, k, choices = 0;
	bool ok = x->n == n;

	for (i = 0; ok && i < n; i++)
		ok = names(&x->v[i], relative(p, paths[i])) && file_stamp_same(&stamps[i], &x->v[i].stamp);
	for (i = 0; i < p->nquestions; i++)
		choices += p->questions[i].nchoices;
	ok = ok && choices == n;
	for (i = 0; ok && i < n; i++) {
		ok = (q = pack_question(p, x->v[i].question_id)) != NULL &&
		    (ch = (struct choice *)question_choice(q, x->v[i].choice_id)) != NULL &&
		    ch->text == NULL;
		if (ok) {
			ch->text = &taken;
			slots[i] = ch;
		}
	}
	for (k = 0; k < i; k++)
		if (slots[k] != NULL)
			slots[k]->text = NULL;
	return ok;
}

int
pack_index_load(struct pack *p, char **paths, const struct file_stamp *stamps, size_t n,
    const struct pack_want *want)
{
	struct file_stamp assessment;
	struct answer_text **texts;
	struct text_load l = { .paths = paths, .n = n };
	struct choice **slots;
	struct index x;
	unsigned long quiet;
	size_t i;
	bool ok, *only = NULL;

	if (!index_read(p, &x, &assessment))
		return -1;
	slots = xcalloc(n ? n : 1, sizeof(*slots));
	texts = xcalloc(n ? n : 1, sizeof(*texts));
	ok = file_stamp_same(&p->stamp, &assessment) && index_matches(p, &x, paths, stamps, n, slots);
	/*
	 * The texts wanted, read and parsed as a clean read would, quietly:
	 * a word from the parser, another question or choice than the
	 * index's, or another stamp, and the index is not used.
	 */
	if (ok) {
		l.only = only = xcalloc(n ? n : 1, sizeof(*only));
		for (i = 0; i < n; i++)
			only[i] = want->want(want->ctx, x.v[i].question_id, x.v[i].choice_id);
		text_load_run(&l);
	}
	quiet = diag_muted_count();
	diag_mute(true);
	for (i = 0; ok && i < n; i++) {
		struct answer_text *t;

		if (!only[i]) {
			t = texts[i] = xcalloc(1, sizeof(*t));
			t->path = paths[i];
			t->question_id = x.v[i].question_id;
			t->choice_id = x.v[i].choice_id;
			t->stamp = stamps[i];
			continue;
		}
		diag_release(&l.held[i]);
		if ((t = texts[i] = l.texts[i]) == NULL) {
			ok = false;
			break;
		}
		l.texts[i] = NULL;	/* texts[i]'s now */
		ok = l.parsed[i] && diag_muted_count() == quiet &&
		    t->question_id == x.v[i].question_id && t->choice_id == x.v[i].choice_id &&
		    file_stamp_same(&t->stamp, &stamps[i]);
	}
	if (l.texts != NULL)
		text_load_free(&l);	/* the texts not taken, and their problems, muted */
	free(only);
	diag_mute(false);
	if (ok) {
		p->texts = texts;
		p->ntexts = n;
		p->partial = true;
		for (i = 0; i < n; i++) {
			slots[i]->text = texts[i];
			if (texts[i]->path != paths[i])
				free(paths[i]);	/* a text read has its own copy */
		}
	} else {
		for (i = 0; i < n && texts[i] != NULL; i++) {
			if (texts[i]->path == paths[i])
				texts[i]->path = NULL;	/* still the loader's */
			answer_text_free(texts[i]);
			free(texts[i]);
		}
		free(texts);
	}
	free(slots);
	index_free(&x);
	return ok ? 0 : -1;
}

/*
 * The texts as the index has them, their files not looked at: each
 * known by its path, ids and the stamp the index gives, none read. 0 when
 * the index is whole, names the assessment file as it is and gives every
 * choice once; -1, quietly, otherwise. pack_verify holds the files
 * against it later.
 */
int
pack_index_attach(struct pack *p)
{
	struct file_stamp assessment;
	struct answer_text **texts;
	struct file_stamp *stamps;
	struct choice **slots;
	struct index x;
	char **paths;
	size_t i, dirlen = strlen(p->dir);
	bool ok;

	if (!index_read(p, &x, &assessment))
		return -1;
	paths = xcalloc(x.n ? x.n : 1, sizeof(*paths));
	stamps = xcalloc(x.n ? x.n : 1, sizeof(*stamps));
	for (i = 0; i < x.n; i++) {
		paths[i] = path_join(p->dir, dirlen, x.v[i].path, x.v[i].path_len);
		stamps[i] = x.v[i].stamp;
	}
	slots = xcalloc(x.n ? x.n : 1, sizeof(*slots));
	ok = file_stamp_same(&p->stamp, &assessment) &&
	    index_matches(p, &x, paths, stamps, x.n, slots);
	texts = xcalloc(x.n ? x.n : 1, sizeof(*texts));
	for (i = 0; ok && i < x.n; i++) {
		struct answer_text *t = texts[i] = xcalloc(1, sizeof(*t));

		t->path = paths[i];
		paths[i] = NULL;
		t->question_id = x.v[i].question_id;
		t->choice_id = x.v[i].choice_id;
		t->stamp = stamps[i];
		t->unverified = true;
		slots[i]->text = t;
	}
	if (ok) {
		p->texts = texts;
		p->ntexts = x.n;
		p->partial = true;
	} else {
		free(texts);
	}
	for (i = 0; i < x.n; i++)
		free(paths[i]);
	free(paths);
	free(stamps);
	free(slots);
	index_free(&x);
	return ok ? 0 : -1;
}

int
pack_index_check(const struct pack *p)
{
	struct file_stamp assessment;
	struct index x;
	const char *why = NULL, *which = NULL;
	char *path;
	size_t i;

	path = xasprintf("%s/%s", p->dir, PACK_INDEX_FILE);
	if (lstat(path, &(struct stat){ 0 }) < 0 && errno == ENOENT) {
		free(path);
		return 0;
	}
	if (!index_read(p, &x, &assessment))
		why = "it is damaged or not an index";
	else if (!file_stamp_same(&p->stamp, &assessment))
		why = "the assessment file changed since";
	else if (x.n != p->ntexts)
		why = "answer texts were added or removed since";
	for (i = 0; why == NULL && i < x.n; i++) {
		const struct answer_text *t = p->texts[i];

		if (!names(&x.v[i], relative(p, t->path)))
			why = "answer texts were added, removed or renamed since";
		else if (!file_stamp_same(&t->stamp, &x.v[i].stamp) ||
		    t->question_id != x.v[i].question_id || t->choice_id != x.v[i].choice_id)
			why = "an answer text changed since";
		if (why != NULL)
			which = t->path;	/* the first that differs, in file order */
	}
	if (why != NULL && which != NULL) {
		char *safe = text_sanitized(which);

		diag(DIAG_WARNING, path, 0, 0, "does not match the pack (%s: %s is the first that "
		    "differs), so it is not used: run 'stok-assess index' on the pack again, or "
		    "remove the file", why, safe);
		free(safe);
	} else if (why != NULL) {
		diag(DIAG_WARNING, path, 0, 0, "does not match the pack (%s), so it is not used: "
		    "run 'stok-assess index' on the pack again, or remove the file", why);
	}
	index_free(&x);
	free(path);
	return why != NULL;
}

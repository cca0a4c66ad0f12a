/* SPDX-License-Identifier: MIT */
/*
 * packs.c: the data directory and the choice of a pack.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "diag.h"
#include "fileio.h"
#include "packs.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/stok-assess"
#endif

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
packs_datadir(void)
{
	static char *dir;
	char exe[PATH_MAX], *slash, *candidate;
	const char *env;
	ssize_t n;

	if (dir != NULL)
		return dir;
	if ((env = getenv("STOK_ASSESS_DATA")) != NULL && *env != '\0')
		return dir = xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			candidate = xasprintf("%s/data", exe);
			if (is_dir(candidate))
				return dir = candidate;
			free(candidate);
			candidate = xasprintf("%s/../share/stok-assess", exe);
			if (is_dir(candidate)) {
				char real[PATH_MAX];
				if (realpath(candidate, real) != NULL) {
					free(candidate);
					candidate = xstrdup(real);
				}
				return dir = candidate;
			}
			free(candidate);
		}
	}
	return dir = xstrdup(DATADIR);
}

static int
ref_cmp(const void *a, const void *b)
{
	const struct pack_ref *x = a, *y = b;

	return strcmp(x->dir, y->dir);
}

void
packs_scan(const char *datadir, struct pack_list *list)
{
	struct dirent *de;
	size_t cap = 0, len;
	char *buf;
	DIR *d;

	list->v = NULL;
	list->n = 0;
	if ((d = opendir(datadir)) == NULL) {
		diag(DIAG_IO, datadir, 0, 0, "cannot read the packs: %s", errno_text(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		struct pack *p;

		if (de->d_name[0] == '.')
			continue;
		p = xcalloc(1, sizeof(*p));
		p->dir = xasprintf("%s/%s", datadir, de->d_name);
		p->file = xasprintf("%s/assessment.yaml", p->dir);
		if (is_dir(p->dir) && access(p->file, F_OK) == 0 &&
		    file_read(p->file, CONTENT_MAX_ASSESSMENT, "an assessment file", &buf, &len) == 0) {
			if (assessment_parse(p, p->file, buf, len) == 0) {
				if (list->n == cap) {
					cap = cap ? 2 * cap : 8;
					list->v = xreallocarray(list->v, cap, sizeof(*list->v));
				}
				/* hand the strings over to the reference */
				list->v[list->n++] = (struct pack_ref){ p->dir, p->id,
				    p->language, p->title, p->audience, p->version, p->nquestions };
				p->dir = p->id = p->language = p->title = p->audience = NULL;
			}
			free(buf);
		}
		pack_free(p);
	}
	closedir(d);
	if (list->n > 1)
		qsort(list->v, list->n, sizeof(*list->v), ref_cmp);
}

bool
packs_shadowed(const struct pack_list *list, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (strcmp(list->v[i].id, list->v[k].id) == 0 &&
		    strcmp(list->v[i].language, list->v[k].language) == 0) {
			diag(DIAG_WARNING, list->v[i].dir, 0, 0, "holds pack '%s' in language '%s', "
			    "as %s does: only %s is ever chosen; give one of them another id or "
			    "language", list->v[i].id, list->v[i].language, list->v[k].dir,
			    list->v[k].dir);
			return true;
		}
	return false;
}

void
packs_free(struct pack_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		free(list->v[i].dir);
		free(list->v[i].id);
		free(list->v[i].language);
		free(list->v[i].title);
		free(list->v[i].audience);
	}
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

const char *
packs_locale_language(void)
{
	static char lang[4];
	const char *names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v = NULL;
	size_t i;

	for (i = 0; i < NELEM(names); i++)
		if ((v = getenv(names[i])) != NULL && *v != '\0')
			break;
	lang[0] = '\0';
	if (v == NULL || *v == '\0')
		return lang;
	for (i = 0; i < 3 && ascii_isalpha((unsigned char)v[i]); i++)
		lang[i] = (char)ascii_tolower((unsigned char)v[i]);
	lang[i] = '\0';
	if (i < 2 || strcmp(lang, "c") == 0)
		lang[0] = '\0';
	return lang;
}

char *
packs_lang_option(char *arg)
{
	size_t i;

	for (i = 0; ascii_isalpha((unsigned char)arg[i]); i++)
		continue;
	if ((i == 2 || i == 3) && (arg[i] == '\0' || strchr("_-.@", arg[i]) != NULL)) {
		arg[i] = '\0';
		for (i = 0; arg[i] != '\0'; i++)
			arg[i] = (char)ascii_tolower((unsigned char)arg[i]);
	}
	return arg;
}

static const struct pack_ref *
find(const struct pack_list *list, const char *id, const char *language)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if ((id == NULL || strcmp(list->v[i].id, id) == 0) &&
		    (language == NULL || strcmp(list->v[i].language, language) == 0))
			return &list->v[i];
	return NULL;
}

const struct pack_ref *
packs_choose(const struct pack_list *list, const char *id, const char *language)
{
	const struct pack_ref *r = NULL;
	const char *loc = packs_locale_language();

	if (language != NULL && *language != '\0')
		r = find(list, id, language);
	if (r == NULL && *loc != '\0')
		r = find(list, id, loc);
	if (r == NULL)
		r = find(list, id, "en");
	if (r == NULL)
		r = find(list, id, NULL);
	return r;
}

/*
 * The value after "key:" to the line's end, as a clean parse would give
 * it: a plain word of letters, digits, '-' and '_', or a text quoted
 * without an escape, then nothing but blanks and a comment. NULL for
 * anything else.
 */
static char *
peek_value(const char *v, const char *end)
{
	const char *s, *e;

	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	if (v < end && (*v == '"' || *v == '\'')) {
		s = v + 1;
		if ((e = memchr(s, *v, (size_t)(end - s))) == NULL || memchr(s, '\\', (size_t)(e - s)) ||
		    (e + 1 < end && e[1] == *v))
			return NULL;	/* not closed on its line, or an escape */
		v = e + 1;
	} else {
		for (s = e = v; e < end && (ascii_isalpha((unsigned char)*e) ||
		    ascii_isdigit((unsigned char)*e) || *e == '-' || *e == '_'); e++)
			continue;
		if (e == s)
			return NULL;
		v = e;
	}
	while (v < end && (*v == ' ' || *v == '\t' || *v == '\r'))
		v++;
	if (v < end && (*v != '#' || v == e))
		return NULL;	/* more on the line, or a '#' that is not a comment */
	return xstrndup(s, (size_t)(e - s));
}

/* The length of "key:" at l (a plain key, then a blank or the line's end), or 0. */
static size_t
key_at(const char *l, const char *nl)
{
	const char *c = l;

	if (c == nl || !(ascii_isalpha((unsigned char)*c) || *c == '_'))
		return 0;
	while (c < nl && (ascii_isalpha((unsigned char)*c) || ascii_isdigit((unsigned char)*c) ||
	    *c == '_' || *c == '-'))
		c++;
	if (c == nl || *c != ':' || (c + 1 < nl && c[1] != ' ' && c[1] != '\t' && c[1] != '\r'))
		return 0;
	return (size_t)(c + 1 - l);
}

/*
 * A pack's id and language read off its assessment file's lines, without
 * parsing it, to choose the pack to load (see packs.h). Every line at the
 * file's left edge must be blank, a comment, "---" or a plain key: the
 * file is then a block mapping, and those lines are its keys.
 */
bool
packs_peek_ids(const char *buf, size_t len, char **id, char **language)
{
	const char *l, *nl, *c;
	char *v[2] = { NULL, NULL };
	bool ok = true;
	size_t k;

	for (l = buf; ok && l < buf + len; l = nl + 1) {
		if ((nl = memchr(l, '\n', len - (size_t)(l - buf))) == NULL)
			nl = buf + len;
		if (l == buf && len >= 3 && memcmp(l, "\xEF\xBB\xBF", 3) == 0)
			l += 3;
		if (l == nl || *l == ' ' || *l == '\t' || *l == '\r' || *l == '#')
			continue;	/* blank, indented or a comment */
		if (nl - l >= 3 && memcmp(l, "---", 3) == 0) {
			for (c = l + 3; c < nl && (*c == ' ' || *c == '\t' || *c == '\r'); c++)
				continue;
			ok = c == nl || (c > l + 3 && *c == '#');
			continue;
		}
		if ((k = key_at(l, nl)) == 0)
			ok = false;
		else if (k == 3 && memcmp(l, "id:", 3) == 0)
			ok = v[0] == NULL && (v[0] = peek_value(l + k, nl)) != NULL;
		else if (k == 9 && memcmp(l, "language:", 9) == 0)
			ok = v[1] == NULL && (v[1] = peek_value(l + k, nl)) != NULL;
	}
	if (!ok || v[0] == NULL || v[1] == NULL) {
		free(v[0]);
		free(v[1]);
		return false;
	}
	*id = v[0];
	*language = v[1];
	return true;
}

static bool
peek(const char *file, struct pack_ref *r)
{
	char *buf;
	size_t len;
	bool ok;

	diag_mute(true);	/* a file that cannot be read: the whole scan says why */
	ok = file_read(file, CONTENT_MAX_ASSESSMENT, "an assessment file", &buf, &len) == 0;
	diag_mute(false);
	if (!ok)
		return false;
	ok = packs_peek_ids(buf, len, &r->id, &r->language);
	free(buf);
	return ok;
}

/*
 * The packs of datadir as peek reads them, sorted as packs_scan sorts;
 * false (and nothing in list) when one of them does not peek well.
 */
static bool
packs_peek(const char *datadir, struct pack_list *list)
{
	struct dirent *de;
	struct pack_ref r;
	size_t cap = 0;
	char *file;
	bool ok = true;
	DIR *d;

	list->v = NULL;
	list->n = 0;
	if ((d = opendir(datadir)) == NULL)
		return false;	/* packs_scan says why */
	while (ok && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		r = (struct pack_ref){ xasprintf("%s/%s", datadir, de->d_name), NULL, NULL, NULL,
		    NULL, 0, 0 };
		file = xasprintf("%s/assessment.yaml", r.dir);
		if (is_dir(r.dir) && access(file, F_OK) == 0 && !(ok = peek(file, &r)))
			free(r.dir);
		else if (r.id == NULL)
			free(r.dir);	/* not a pack */
		else {
			if (list->n == cap) {
				cap = cap ? 2 * cap : 8;
				list->v = xreallocarray(list->v, cap, sizeof(*list->v));
			}
			list->v[list->n++] = r;
		}
		free(file);
	}
	closedir(d);
	if (!ok)
		packs_free(list);
	else if (list->n > 1)
		qsort(list->v, list->n, sizeof(*list->v), ref_cmp);
	return ok;
}

struct pack *
packs_load(const char *content, const char *id, const char *lang, const struct pack_want *want,
    int *status)
{
	struct pack *p = packs_load_start(content, id, lang, status);

	if (p != NULL && pack_load_finish(p, want) != LOAD_OK) {
		pack_free(p);
		p = NULL;
		*status = diag_exit_status();
	}
	return p;
}

struct pack *
packs_load_start(const char *content, const char *id, const char *lang, int *status)
{
	struct diag_counts before = diag_counts();
	struct pack_list list;
	const struct pack_ref *ref;
	struct pack *p = NULL;
	const char *dir;
	char *file;

	*status = 0;
	if (content != NULL) {
		file = xasprintf("%s/assessment.yaml", content);
		if (access(file, F_OK) == 0 || errno == ENOTDIR) {	/* pack_load refuses a file */
			free(file);
			if (pack_load_start(content, &p) != LOAD_OK) {
				pack_free(p);
				*status = diag_exit_status();
				return NULL;
			}
			return p;
		}
		free(file);
	}
	/*
	 * The pack is chosen by the packs' ids and languages as peek reads
	 * them, and only the one chosen has its assessment file read,
	 * quietly. When one does not peek, or that file does not load
	 * without a word (a broken pack, which the whole scan passes over,
	 * or one with a warning to give), every pack's is read as list reads
	 * them, and the choice and every word are the whole scan's. The
	 * scan's choice is then the peek's whenever the peek's loads, since
	 * the scan's list is the peek's less the broken ones.
	 */
	dir = content != NULL ? content : packs_datadir();
	if (packs_peek(dir, &list) && (ref = packs_choose(&list, id, lang)) != NULL) {
		unsigned long quiet = diag_muted_count();
		enum load_status st;

		diag_mute(true);
		st = pack_load_start(ref->dir, &p);
		diag_mute(false);
		if (st == LOAD_OK && diag_muted_count() == quiet && strcmp(p->id, ref->id) == 0 &&
		    strcmp(p->language, ref->language) == 0) {
			packs_free(&list);
			return p;
		}
		pack_free(p);
		p = NULL;
	}
	packs_free(&list);
	packs_scan(dir, &list);
	ref = packs_choose(&list, id, lang);
	if (ref == NULL && diag_counts().io > before.io) {
		*status = 1;	/* the directory could not be read: packs_scan said so */
	} else if (ref == NULL) {
		diag(DIAG_ERROR, dir, 0, 0,
		    "no pack '%s' here: name another with --content or --pack", id ? id : "");
		*status = 2;
	} else if (pack_load_start(ref->dir, &p) != LOAD_OK) {
		pack_free(p);
		p = NULL;
		*status = diag_exit_status();
	}
	packs_free(&list);
	return p;
}

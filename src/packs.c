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
		    file_read(p->file, CONTENT_MAX_ASSESSMENT, &buf, &len) == 0) {
			if (content_check_bytes(p->file, buf, len) == 0 &&
			    assessment_parse(p, p->file, buf, len) == 0) {
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

struct pack *
packs_load(const char *content, const char *id, const char *lang, const struct pack_want *want,
    int *status)
{
	struct diag_counts before = diag_counts();
	struct pack_list list;
	const struct pack_ref *ref;
	struct pack *p = NULL;
	char *file;

	*status = 0;
	if (content != NULL) {
		file = xasprintf("%s/assessment.yaml", content);
		if (access(file, F_OK) == 0 || errno == ENOTDIR) {	/* pack_load refuses a file */
			free(file);
			if (pack_load_want(content, want, &p) != LOAD_OK) {
				pack_free(p);
				*status = diag_exit_status();
				return NULL;
			}
			return p;
		}
		free(file);
	}
	packs_scan(content != NULL ? content : packs_datadir(), &list);
	ref = packs_choose(&list, id, lang);
	if (ref == NULL && diag_counts().io > before.io) {
		*status = 1;	/* the directory could not be read: packs_scan said so */
	} else if (ref == NULL) {
		diag(DIAG_ERROR, content != NULL ? content : packs_datadir(), 0, 0,
		    "no pack '%s' here: name another with --content or --pack", id ? id : "");
		*status = 2;
	} else if (pack_load_want(ref->dir, want, &p) != LOAD_OK) {
		pack_free(p);
		p = NULL;
		*status = diag_exit_status();
	}
	packs_free(&list);
	return p;
}

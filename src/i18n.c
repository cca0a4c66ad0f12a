/* SPDX-License-Identifier: MIT */
/*
 * i18n.c: finding the message catalogues and choosing the interface
 * language.
 */
#include <dirent.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/*
 * The language the locale names (two or three letters), or "" when it
 * names none (unset, C, POSIX, C.UTF-8): the first of LANGUAGE (its first
 * entry), LC_ALL, LC_MESSAGES and LANG that is set, as packs_choose reads
 * them, so that the pack and the interface follow the same variable.
 */
static void
locale_language(char *out, size_t size)
{
	static const char *const names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v = NULL;
	size_t i, k = 0;

	out[0] = '\0';
	for (i = 0; i < NELEM(names); i++)
		if ((v = getenv(names[i])) != NULL && *v != '\0')
			break;
	if (v == NULL || *v == '\0')
		return;
	while (k + 1 < size && k < 3 && ascii_isalpha((unsigned char)v[k])) {
		out[k] = (char)ascii_tolower((unsigned char)v[k]);
		k++;
	}
	out[k] = '\0';
	if (k < 2 || (v[k] != '\0' && v[k] != '_' && v[k] != '.' && v[k] != '@' && v[k] != ':'))
		out[0] = '\0';	/* C, POSIX, C.UTF-8 or something else */
}

void
i18n_init(const char *pack_language, const char *chosen)
{
	char exe[PATH_MAX], *slash, *dir = NULL, loc[4];
	const char *lang, *cur;
	struct stat st;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/build/locale", exe);
			if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
				free(dir);
				dir = NULL;
			}
		}
	}
	bindtextdomain("stok-assess", dir != NULL ? dir : LOCALEDIR);
	bind_textdomain_codeset("stok-assess", "UTF-8");
	/*
	 * The C library's own messages (strerror, in errno_said) in UTF-8 too:
	 * when the locale named is not installed, the character set is ASCII
	 * and "Böyle bir dosya" came out as "B?yle".
	 */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain("stok-assess");
	free(dir);
	/*
	 * One language, decided once: --lang; else the language the locale
	 * names; else the pack's. It goes to LANGUAGE, which gettext reads
	 * only when the messages locale is not "C": C.UTF-8 then (the locale
	 * of a server may not even be installed).
	 */
	locale_language(loc, sizeof(loc));
	if (chosen != NULL && *chosen != '\0')
		lang = chosen;
	else if (loc[0] != '\0')
		lang = loc;
	else
		lang = pack_language;
	if (lang == NULL || *lang == '\0')
		return;
	setenv("LANGUAGE", lang, 1);
	cur = setlocale(LC_MESSAGES, NULL);
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
}

/* Whether the interface has a catalogue for lang (English is its own). */
bool
i18n_speaks(const char *lang)
{
	const char *dir = bindtextdomain("stok-assess", NULL);
	struct stat st;
	char *mo;
	bool ok;

	if (strcmp(lang, "en") == 0)
		return true;
	if (dir == NULL || strchr(lang, '/') != NULL || lang[0] == '.')
		return false;
	mo = xasprintf("%s/%s/LC_MESSAGES/stok-assess.mo", dir, lang);
	ok = stat(mo, &st) == 0 && S_ISREG(st.st_mode);
	free(mo);
	return ok;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *
i18n_languages(void)
{
	const char *dir = bindtextdomain("stok-assess", NULL);
	char *v[64], *out;
	size_t n = 0, i;
	struct dirent *e;
	struct buf b;
	DIR *d;

	v[n++] = xstrdup("en");
	if (dir != NULL && (d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL && n < NELEM(v))
			if (e->d_name[0] != '.' && strcmp(e->d_name, "en") != 0 &&
			    i18n_speaks(e->d_name))
				v[n++] = xstrdup(e->d_name);
		closedir(d);
	}
	qsort(v, n, sizeof(*v), name_cmp);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", v[i]);
		free(v[i]);
	}
	out = xstrdup(b.data);
	buf_free(&b);
	return out;
}

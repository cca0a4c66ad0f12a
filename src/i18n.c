/* SPDX-License-Identifier: MIT */
/*
 * i18n.c: finding the message catalogues and choosing the interface
 * language.
 */
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

static bool
set_nonempty(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0';
}

/* A locale name that says no language: C, POSIX, C.UTF-8 in any spelling (C.utf8). */
static bool
no_language(const char *locale)
{
	return strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0 ||
	    strncmp(locale, "C.", 2) == 0;
}

void
i18n_init(const char *pack_language)
{
	char exe[PATH_MAX], *slash, *dir = NULL;
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
	textdomain("stok-assess");
	free(dir);
	/*
	 * The pack's language, unless the user chose one. gettext reads
	 * LANGUAGE only when the messages locale is not "C", so fall back to
	 * C.UTF-8 for messages in that case.
	 */
	if (pack_language == NULL || set_nonempty("LANGUAGE") || set_nonempty("LC_MESSAGES"))
		return;
	if (set_nonempty("LC_ALL") && !no_language(getenv("LC_ALL")))
		return;
	setenv("LANGUAGE", pack_language, 1);
	{
		const char *cur = setlocale(LC_MESSAGES, NULL);
		if (cur != NULL && (strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0))
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
}

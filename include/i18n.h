/* SPDX-License-Identifier: MIT */
/*
 * i18n.h: interface words through gettext. English is the source; po/
 * holds the Turkish and Finnish catalogues. The report does not use this:
 * it follows the pack's language (see report_words).
 */
#ifndef STOK_I18N_H
#define STOK_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

/*
 * Bind the message catalogues (beside the executable in a build tree,
 * else LOCALEDIR) and choose the interface's one language: chosen (the
 * --lang option) when given, else the language the locale names (the
 * first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set, as for the
 * pack), else the pack's language.
 */
void	i18n_init(const char *pack_language, const char *chosen);
/* After i18n_init: whether the interface speaks lang; and its languages, "en, fi and tr" (freed by the caller). */
bool	i18n_speaks(const char *lang);
char	*i18n_languages(void);

#endif

/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the interface's language as the C library's own messages
 * meet it: a server whose locale is not installed runs in the "C" locale,
 * whose character set is ASCII; the Turkish system error in a message
 * (strerror, through errno_said) must still come out in UTF-8, not as
 * "B?yle bir dosya". Skipped where the C library has no Turkish messages
 * (Debian's libc-l10n, which locales depends on).
 */
#include <errno.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "i18n.h"
#include "util.h"

static void
test_libc_messages_utf8(void **state)
{
	const char *said;

	(void)state;
	if (access("/usr/share/locale/tr/LC_MESSAGES/libc.mo", R_OK) != 0)
		skip();
	assert_non_null(setlocale(LC_ALL, "C"));
	i18n_init("tr", "tr");
	said = errno_said(ENOENT);
	if (strstr(said, "Böyle") == NULL)
		fail_msg("the C library's Turkish message came out as '%s'", said);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_libc_messages_utf8),
	};

	return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of a workshop room's record: the most voted option (the lower
 * on a tie, not applicable last), whether the agreed answer departs from
 * it, the disagreements in order, and the answers file's changed and
 * followup flags (written, read back, refused when not true or false).
 * Run from the top of the source tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content.h"
#include "diag.h"
#include "room.h"
#include "session.h"
#include "util.h"

static struct pack *base;	/* tests/content/base: questions 8 and 11, choices 1-4 */
static FILE *devnull;

static int
setup(void **state)
{
	(void)state;
	devnull = fopen("/dev/null", "w");
	diag_set_stream(devnull);
	return pack_load("tests/content/base", &base) == LOAD_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	pack_free(base);
	diag_set_stream(NULL);
	fclose(devnull);
	return 0;
}

static void
test_most_voted(void **state)
{
	static const int tie[] = { 0, 4, 4, 1, 0 }, na[] = { 1, 1, 0, 0, 7 }, none[] = { 0, 0 };

	(void)state;
	assert_int_equal(room_most_voted(tie, 5), 1);
	assert_int_equal(room_most_voted(na, 5), 4);
	assert_int_equal(room_most_voted(none, 2), 0);
}

static void
test_changed_and_disagreements(void **state)
{
	static const int v8[] = { 1, 0, 0, 5, 0 }, v11[] = { 3, 3, 0, 0, 0 };
	struct session *s = session_new(base);
	struct room_disagreement *d;
	const struct question *q8 = pack_question(base, 8), *q11 = pack_question(base, 11);
	size_t n;

	(void)state;
	session_set_answer(s, 8, 1);
	session_set_votes(s, 8, v8, 5);
	session_set_answer(s, 11, 1);
	session_set_votes(s, 11, v11, 5);
	assert_true(room_changed(q8, session_answer(s, 8)));	/* 4 was most voted */
	assert_false(room_changed(q11, session_answer(s, 11)));	/* a tie: the lower */
	session_set_answer(s, 11, 2);
	assert_false(room_changed(q11, session_answer(s, 11)));	/* the other of the tie */
	session_set_answer(s, 11, 3);
	assert_true(room_changed(q11, session_answer(s, 11)));	/* no votes at all */
	session_set_answer(s, 11, 1);
	session_set_answer(s, 8, ANSWER_NA);
	assert_true(room_changed(q8, session_answer(s, 8)));
	n = room_disagreements(base, s, &d);
	assert_int_equal(n, 2);
	assert_int_equal(d[0].q->id, 8);	/* levels 1 and 4 spread more than 1 and 2 */
	assert_int_equal(d[0].lo, 1);
	assert_int_equal(d[0].hi, 4);
	assert_int_equal(d[1].q->id, 11);
	free(d);
	session_free(s);
}

static void
test_flags_round_trip(void **state)
{
	static const char src[] = "pack: deneme\nversion: 1\nlanguage: tr\nanswers:\n"
	    "  - question: 8\n    choice: 1\n    votes: [1, 0, 0, 5, 0]\n"
	    "    changed: true\n    followup: true\n"
	    "  - question: 11\n    choice: 2\n    followup: false\n";
	struct session *s = session_parse("a.yaml", src, sizeof(src) - 1, base), *back;
	char *text;

	(void)state;
	assert_non_null(s);
	assert_true(session_answer(s, 8)->changed);
	assert_true(session_answer(s, 8)->followup);
	assert_false(session_answer(s, 11)->followup);
	text = session_format(s);
	assert_non_null(strstr(text, "    changed: true\n    followup: true\n"));
	assert_null(strstr(text, "false"));
	back = session_parse("b.yaml", text, strlen(text), base);
	assert_non_null(back);
	assert_true(session_answer(back, 8)->followup);
	free(text);
	session_free(back);
	session_free(s);
}

static void
test_flag_refused(void **state)
{
	static const char src[] = "pack: deneme\nversion: 1\nlanguage: tr\nanswers:\n"
	    "  - question: 8\n    choice: 1\n    followup: yes\n";
	char msgs[512];
	FILE *f = tmpfile();
	size_t n;

	(void)state;
	diag_set_stream(f);
	assert_null(session_parse("a.yaml", src, sizeof(src) - 1, base));
	rewind(f);
	n = fread(msgs, 1, sizeof(msgs) - 1, f);
	msgs[n] = '\0';
	fclose(f);
	diag_set_stream(devnull);
	assert_string_equal(msgs,
	    "stok-assess: a.yaml:7:15: error: 'followup' must be true or false\n");
}

/* Shares add up to 100, the points left going to the largest remainders. */
static void
test_shares(void **state)
{
	int a[] = { 3, 5, 2, 1 }, b[] = { 2, 3, 0, 0, 4 }, c[] = { 1, 1, 1 }, z[] = { 0, 0 };
	int t[] = { 4, 4, 1, 0 }, u[] = { 2, 3, 3, 1 };
	int pct[VOTES_MAX], v[VOTES_MAX], i, j, k, n, sum;
	unsigned seed = 7;

	(void)state;
	room_shares(a, 4, pct);
	assert_int_equal(pct[0], 27);
	assert_int_equal(pct[1], 46);
	assert_int_equal(pct[2], 18);
	assert_int_equal(pct[3], 9);
	room_shares(b, 5, pct);
	assert_int_equal(pct[0], 22);
	assert_int_equal(pct[1], 33);
	assert_int_equal(pct[4], 45);
	room_shares(c, 3, pct);	/* a tie stays a tie, at 99 */
	assert_int_equal(pct[0], 33);
	assert_int_equal(pct[1], 33);
	assert_int_equal(pct[2], 33);
	room_shares(t, 4, pct);	/* 4 and 4 were 45 % and 44 % */
	assert_int_equal(pct[0], 44);
	assert_int_equal(pct[1], 44);
	assert_int_equal(pct[2], 12);
	assert_int_equal(pct[3], 0);
	room_shares(u, 4, pct);	/* 3 and 3 were 34 % and 33 % */
	assert_int_equal(pct[1], pct[2]);
	room_shares(z, 2, pct);
	assert_int_equal(pct[0] + pct[1], 0);
	for (k = 0; k < 2000; k++) {
		n = 2 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % (VOTES_MAX - 1);
		for (i = 0, sum = 0; i < n; i++) {
			v[i] = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
			sum += v[i];
		}
		room_shares(v, n, pct);
		for (i = 0, sum = sum > 0 ? 100 : 0; i < n; i++) {
			sum -= pct[i];
			assert_true(pct[i] >= 0 && pct[i] <= 100);
			if (v[i] == 0)
				assert_int_equal(pct[i], 0);
			for (j = 0; j < i; j++)
				if (v[j] == v[i])
					assert_int_equal(pct[j], pct[i]);
		}
		assert_true(sum >= 0 && sum < n);	/* 100, or short only by a tie */
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_most_voted),
		cmocka_unit_test(test_changed_and_disagreements),
		cmocka_unit_test(test_flags_round_trip),
		cmocka_unit_test(test_flag_refused),
		cmocka_unit_test(test_shares),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

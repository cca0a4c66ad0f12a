/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the network profile: the quartiles of known sets, a round
 * trip through the writer and the reader, and the profiles the reader must
 * refuse (a small group described, counts that do not add up, quartiles
 * out of order, a floor under five, another pack), each with its
 * position. Run from the top of the source tree.
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
#include "network.h"
#include "session.h"
#include "util.h"

static char msgs[4096];

/* Parse src as p.yaml, its diagnostics into msgs. */
static struct network *
parse_str(const char *src)
{
	struct network *nw;
	FILE *f = tmpfile();
	size_t n;

	assert_non_null(f);
	diag_reset();
	diag_set_stream(f);
	nw = network_parse("p.yaml", src, strlen(src));
	diag_set_stream(NULL);
	rewind(f);
	n = fread(msgs, 1, sizeof(msgs) - 1, f);
	msgs[n] = '\0';
	fclose(f);
	return nw;
}

#define HEAD "profile: 1\npack: deneme\nversion: 1\nquestions: \"fnv1a64:0\"\n" \
    "organisations: 6\nmin_group: 5\n"

/*
 * The profile of norgs organisations answering an area of nq questions of
 * four choices, organisation i choosing level lv[i * nq + k] at question k.
 */
static struct network *
build(const int *lv, int norgs, int nq)
{
	struct pack p = { 0 };
	struct area a = { 0 };
	struct question q[4];
	struct choice ch[4];
	struct session *s[8];
	char name[8];
	struct network *nw;
	int i, k, orgs;

	assert_true(nq <= 4 && norgs <= 8);
	for (i = 0; i < 4; i++)
		ch[i] = (struct choice){ .id = i + 1, .level = i + 1 };
	a.id = "alan";
	a.nquestions = (size_t)nq;
	for (k = 0; k < nq; k++)
		q[k] = (struct question){ .id = k + 7, .area = &a, .choices = ch, .nchoices = 4,
		    .index = (size_t)k };
	p.id = "deneme";
	p.language = "tr";
	p.version = 1;
	p.areas = &a;
	p.nareas = 1;
	p.questions = q;
	p.nquestions = (size_t)nq;
	for (i = 0; i < norgs; i++) {
		s[i] = session_new(&p);
		snprintf(name, sizeof(name), "O%d", i);
		s[i]->organisation = xstrdup(name);
		for (k = 0; k < nq; k++)
			session_set_answer(s[i], k + 7, lv[i * nq + k]);
	}
	nw = network_build(&p, (const struct session *const *)s, (size_t)norgs, 5, &orgs);
	for (i = 0; i < norgs; i++)
		session_free(s[i]);
	return nw;
}

/* Five organisations at levels 1, 2, 2, 3 and 4 in one area and one question. */
static struct network *
five(void)
{
	static const int lv[] = { 1, 2, 2, 3, 4 };

	return build(lv, 5, 1);
}

static void
test_quartiles(void **state)
{
	struct network *nw;
	const struct net_stats *st;

	(void)state;
	nw = five();
	assert_non_null(nw);
	assert_int_equal(nw->orgs, 5);
	st = network_area(nw, "alan");
	assert_non_null(st);
	assert_true(st->shown);
	assert_int_equal(st->median, 200);
	assert_int_equal(st->lower, 200);
	assert_int_equal(st->upper, 300);
	assert_int_equal(st->levels[0], 1);
	assert_int_equal(st->levels[1], 2);
	assert_int_equal(st->levels[2], 1);
	assert_int_equal(st->levels[3], 1);
	assert_non_null(network_question(nw, 7));
	assert_null(network_question(nw, 8));
	network_free(nw);
}

/*
 * An area's median from the organisations' exact levels, rounded once: of
 * 1, 4/3, 2, 8/3, 3 and 4 it is (2 + 8/3) / 2 = 2.33 (rounding each first
 * gave 2.34).
 */
static void
test_exact_levels(void **state)
{
	static const int lv[6 * 3] = {
		1, 1, 1, 2, 1, 1, 2, 2, 2, 3, 3, 2, 3, 3, 3, 4, 4, 4
	};
	const struct net_stats *st;
	struct network *nw;

	(void)state;
	nw = build(lv, 6, 3);
	assert_non_null(nw);
	st = network_area(nw, "alan");
	assert_non_null(st);
	assert_int_equal(st->median, 233);
	assert_int_equal(st->lower, 150);
	assert_int_equal(st->upper, 292);
	assert_int_equal(st->levels[0], 2);	/* 1 and 4/3 are level 1 */
	assert_int_equal(st->levels[1], 2);
	assert_int_equal(st->levels[2], 1);
	assert_int_equal(st->levels[3], 1);
	network_free(nw);
}

static void
test_round_trip(void **state)
{
	struct network *nw, *back;
	char *a, *b;

	(void)state;
	nw = five();
	assert_non_null(nw);
	a = network_format(nw);
	back = parse_str(a);
	assert_non_null(back);
	assert_string_equal(msgs, "");
	b = network_format(back);
	assert_string_equal(a, b);
	free(a);
	free(b);
	network_free(nw);
	network_free(back);
}

static void
expect_refused(const char *src, const char *message)
{
	struct network *nw = parse_str(src);

	assert_null(nw);
	if (strstr(msgs, message) == NULL)
		fail_msg("expected '%s' in: %s", message, msgs);
}

static void
test_refused(void **state)
{
	(void)state;
	expect_refused(HEAD "areas:\n  - area: a\n    organisations: 4\n    median: 2.00\n"
	    "items: []\n", "p.yaml:10:13: error: a group of 4 organisations is below min_group 5");
	expect_refused(HEAD "areas:\n  - area: a\n    organisations: 5\n    median: 2.00\n"
	    "    lower_quartile: 1.00\n    upper_quartile: 3.00\n    levels: [1, 1, 1, 1]\n"
	    "items: []\n", "p.yaml:13:13: error: 'levels' add up to 4, not to the 5");
	expect_refused(HEAD "areas:\n  - area: a\n    organisations: 5\n    median: 2.00\n"
	    "    lower_quartile: 2.50\n    upper_quartile: 3.00\n    levels: [1, 1, 1, 2]\n"
	    "items: []\n", "p.yaml:10:13: error: the quartiles must not be out of order");
	expect_refused(HEAD "areas:\n  - area: a\n    organisations: 5\n    median: 2,50\n"
	    "items: []\n", "p.yaml:10:13: error: 'median' must be a level");
	expect_refused("profile: 1\npack: deneme\nversion: 1\nquestions: \"x\"\n"
	    "organisations: 6\nmin_group: 3\nareas: []\nitems: []\n",
	    "p.yaml:6:12: error: a profile describes at least 5 organisations");
	expect_refused(HEAD "areas:\n  - area: a\n    organisations: 1\n  - area: a\n"
	    "    organisations: 1\nitems: []\n", "p.yaml:10:11: error: this area is described twice");
	expect_refused(HEAD "areas:\n  - area: a\n    organisations: 7\nitems: []\n",
	    "p.yaml:9:20: error: more organisations here than the 6");
	expect_refused("profile: 2\n", "p.yaml:1:10: error: profile format 2 is newer");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quartiles),
		cmocka_unit_test(test_exact_levels),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * Pathological input in bounded time. cmark 0.30 is quadratic on some
 * published inputs, and libyaml on deep flow nesting: the body cap and
 * the reader's depth bound must keep each of them short. Each case is
 * timed once; the bounds are generous, about ten times what was measured
 * here (Debian 12, a 2-core VM; -O2), so that only a return of the
 * quadratic behaviour fails them, never a slow machine. The clock is the
 * process's CPU time, not the wall clock, so that a machine busy with
 * other work (make check runs its suites side by side) cannot stretch
 * it. Under valgrind
 * the inputs still run (for memory errors), but the clock is not checked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include <valgrind/valgrind.h>

#include "content.h"
#include "diag.h"
#include "layout.h"
#include "session.h"

#define MS_RENDER	1000	/* a body at the cap renders in under a second */
#define MS_REJECT	50	/* a YAML bomb is rejected in under 50 ms */

static FILE *devnull;

static int
quiet(void **state)
{
	(void)state;
	devnull = fopen("/dev/null", "w");
	diag_set_stream(devnull);
	return 0;
}

static int
loud(void **state)
{
	(void)state;
	diag_set_stream(NULL);
	fclose(devnull);
	return 0;
}

/* The CPU time this process has used, in milliseconds. */
static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
check_time(const char *what, double start, int bound_ms)
{
	double ms = now_ms() - start;

	print_message("%s: %.1f ms (bound %d ms)\n", what, ms, bound_ms);
	if (!RUNNING_ON_VALGRIND && ms > bound_ms)
		fail_msg("%s took %.0f ms, over the bound of %d ms", what, ms, bound_ms);
}

/* head, then unit repeated, then tail, cut to exactly size bytes (tail kept). */
static char *
repeat(const char *head, const char *unit, const char *tail, size_t size)
{
	char *s = malloc(size + 1);
	size_t n = strlen(head), u = strlen(unit), t = strlen(tail);

	assert_non_null(s);
	assert_true(n + t <= size);
	memcpy(s, head, n);
	while (n + t < size) {
		size_t k = size - t - n < u ? size - t - n : u;
		memcpy(s + n, unit, k);
		n += k;
	}
	memcpy(s + n, tail, t);
	s[size] = '\0';
	return s;
}

static void
render_timed(const char *what, const char *md, size_t len)
{
	struct layout lo;
	struct linkset links;
	double start;

	layout_init(&lo);
	linkset_init(&links);
	start = now_ms();
	layout_markdown(&lo, md, len, 78, &links);
	check_time(what, start, MS_RENDER);
	layout_free(&lo);
	linkset_free(&links);
}

/* The body at the cap: first repeated over the first half, then second (or first) to the end. */
static char *
halves(const char *first, const char *second)
{
	char *md = repeat("", first, "", CONTENT_MAX_BODY);
	char *tail = repeat("", second != NULL ? second : first, "", CONTENT_MAX_BODY / 2);

	memcpy(md + CONTENT_MAX_BODY / 2, tail, CONTENT_MAX_BODY / 2);
	free(tail);
	return md;
}

/*
 * cmark's published quadratic inputs (its test/pathological_tests.py, and
 * the PITFALLS), each cut to the body cap.
 */
static void
test_cmark_quadratic(void **state)
{
	static const struct {
		const char *what, *first, *second;
	} cases[] = {
		{ "'![[]()' repeated", "![[]()", NULL },
		{ "a run of '>' then a run of 'a*'", ">", "a*" },
		{ "nested block quotes", "> ", NULL },
		{ "nested list markers on one line", "- ", NULL },
		{ "nested brackets", "[", "]" },
		{ "unclosed links A", "[a](<b", NULL },
		{ "unclosed links B", "[a](b", NULL },
		{ "link openers and emph closers", "[ a_", NULL },
		{ "pattern '[ (](' repeated", "[ (](", NULL },
		{ "mismatched openers and closers", "*a_ ", NULL },
		{ "openers and closers multiple of 3", "c* ", NULL },
		{ "many emph closers with no openers", "a_ ", NULL },
		{ "many emph openers with no closers", "_a ", NULL },
		{ "many link closers with no openers", "a]", NULL },
		{ "many link openers with no closers", "[a", NULL },
		{ "nested strong emph", "*a **a ", " a** a*" },
		{ "unclosed link references", "[a]: <", NULL },
		{ "many references", "[a]: u\n", NULL },
		{ "many entities", "&#27;&#x9b;", NULL },
	};
	struct buf b;
	size_t i;
	char *md;
	int k;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		md = halves(cases[i].first, cases[i].second);
		render_timed(cases[i].what, md, CONTENT_MAX_BODY);
		free(md);
	}
	buf_init(&b);	/* deeply nested lists: each line two columns further in */
	for (k = 0; b.len < CONTENT_MAX_BODY; k++)
		buf_printf(&b, "%*s* a\n", 2 * k, "");
	render_timed("deeply nested lists", b.data, CONTENT_MAX_BODY);
	buf_reset(&b);	/* backticks: runs of one, two, three ... */
	for (k = 1; b.len < CONTENT_MAX_BODY; k++)
		buf_printf(&b, "e%.*s", k, "````````````````````````````````````````````````"
		    "````````````````````````````````````````````````````````````````````"
		    "````````````````````````````````````````````````````````````````````");
	render_timed("backticks", b.data, CONTENT_MAX_BODY);
	buf_free(&b);
	/* the 25,000 nested brackets: over the cap, but the engine must cope */
	md = repeat("", "[", "", 50000);
	memset(md + 25000, ']', 25000);
	render_timed("25,000 nested brackets", md, 50000);
	free(md);
}

/* A YAML bomb through each of the three readers: refused, quickly. */
static void
reject_timed(const char *what, const char *text, size_t len)
{
	struct answer_text t;
	struct pack *p = calloc(1, sizeof(*p));
	char *copy;
	double start;

	assert_non_null(p);
	start = now_ms();
	assert_int_equal(assessment_parse(p, "bomb.yaml", text, len), -1);
	check_time(what, start, MS_REJECT);
	pack_free(p);

	start = now_ms();
	assert_null(session_parse("bomb.yaml", text, len, NULL));
	check_time(what, start, MS_REJECT);

	copy = malloc(len + 9);
	assert_non_null(copy);
	memcpy(copy, "---\n", 4);
	memcpy(copy + 4, text, len);
	memcpy(copy + 4 + len, "\n---\n", 5);
	start = now_ms();
	assert_int_equal(answer_text_parse(&t, "bomb.md", copy, len + 9), -1);	/* takes copy */
	check_time(what, start, MS_REJECT);
	answer_text_free(&t);
}

static void
test_yaml_bombs(void **state)
{
	size_t size = 1024 * 1024, n;
	char *s;
	struct buf b;
	int i;

	(void)state;
	s = repeat("", "[", "", size);
	reject_timed("1 MB of '['", s, size);
	free(s);
	s = repeat("a: ", "{a: ", "", size);
	reject_timed("1 MB of '{a: '", s, size);
	free(s);

	/* billion laughs: nine levels of nine aliases, then padding to 1 MB */
	buf_init(&b);
	buf_adds(&b, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (i = 1; i < 9; i++)
		buf_printf(&b, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
		    'a' + i, 'a' + i, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
		    'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1);
	for (n = 0; b.len < size; n++)
		buf_printf(&b, "k%zu: *i\n", n);
	reject_timed("billion laughs", b.data, b.len);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cmark_quadratic),
		cmocka_unit_test(test_yaml_bombs),
	};

	return cmocka_run_group_tests_name("bounds", tests, quiet, loud);
}

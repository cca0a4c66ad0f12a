/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the fast YAML reader against libyaml's: every file under
 * data/ and tests/ (the bundled packs, answers files, and the bad and
 * hostile inputs of the golden suites), read whole and, for an answer
 * text, its front matter alone. Wherever the fast reader accepts, libyaml
 * must accept too and build the same tree; every bundled front matter and
 * answers file, and every bundled assessment file, must take the fast path; and a set of near misses must be
 * declined. Run from the top of the source tree.
 */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag.h"
#include "fileio.h"
#include "text.h"
#include "util.h"
#include "ytree.h"

static FILE *devnull;
static int ranges, fast, bundled, bundled_fast;
static char mismatch[4096];

/* Both readers on one range: false when the fast one accepts what libyaml reads otherwise. */
static bool
same(const char *path, const char *buf, size_t len, size_t off, size_t n)
{
	struct ynode *a = NULL, *b = NULL;
	int line, col, rf, rs;
	bool ok;

	text_linecol(buf, len, off, &line, &col);
	ranges++;
	/* printable as content_check_bytes finds it: the bundled files are mostly so */
	rf = ytree_parse_fast(buf, text_printable_len(buf, len) == len, off, n, line, &a);
	if (rf != 1)
		return true;
	fast++;
	diag_mute(true);
	rs = ytree_parse_libyaml(path, buf, len, off, n, &b);
	diag_mute(false);
	ok = rs == 0 && ytree_equal(a, b);
	if (!ok && mismatch[0] == '\0')
		snprintf(mismatch, sizeof(mismatch), "%s at byte %zu: fast reader differs", path, off);
	ytree_free(a);
	ytree_free(b);
	return ok;
}

static int
visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	char *buf;
	size_t len, off = 0, end;
	bool mine;

	(void)st;
	(void)ftw;
	if (type != FTW_F || !(str_has_suffix(path, ".md") || str_has_suffix(path, ".txt") ||
	    str_has_suffix(path, ".yaml")))
		return 0;
	if (file_read(path, 1 << 20, "a test file", &buf, &len) < 0)
		return 0;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	mine = strncmp(path, "data/", 5) == 0;
	same(path, buf, len, off, len - off);
	if (len - off >= 4 && memcmp(buf + off, "---\n", 4) == 0) {
		const char *close = strstr(buf + off + 4, "\n---\n");
		if (close != NULL) {
			end = (size_t)(close - buf) + 1;
			int before = fast;
			same(path, buf, len, off + 4, end - off - 4);
			if (mine) {
				bundled++;
				bundled_fast += fast > before;
			}
		}
	} else if (mine && (str_has_suffix(path, "sample.yaml") ||
	    str_has_suffix(path, "assessment.yaml"))) {
		int before = fast;
		same(path, buf, len, off, len - off);
		bundled++;
		bundled_fast += fast > before;
	}
	free(buf);
	return 0;
}

static void
test_every_file(void **state)
{
	(void)state;
	assert_int_equal(nftw("data", visit, 16, FTW_PHYS), 0);
	assert_int_equal(nftw("tests", visit, 16, FTW_PHYS), 0);
	print_message("fast reader: %d of %d ranges; bundled front matter and samples %d of %d\n",
	    fast, ranges, bundled_fast, bundled);
	if (mismatch[0] != '\0')
		fail_msg("%s", mismatch);
	assert_true(bundled > 0);
	assert_int_equal(bundled_fast, bundled);
}

/* Near misses: each must be declined, so that libyaml reads (or refuses) it. */
static void
test_declined(void **state)
{
	static const char *const cases[] = {
		"title: \"x\"# c\n", "title: x # c\n", "a: b: c\n", "a:\tb\n", "a: b\r\n",
		"a: |+\n  x\n", "a: >2\n  x\n", "a: > # c\n  x\n", "a: >-\n  x\n   y\n",
		"a: |-\n  x \n", "a: >-\n\n  x\n", "a: >-\n  x\n  \n  y\n", "a: >-\n  x", "a: >-\nb: 1\n",
		"- >-\n  x\n", "a: 'x'\n", "a: \"x\\ty\"\n", "a: &x 1\n", "a: *x\n", "a: !t 1\n",
		"a: 1\na: 2\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n",
		"a: x\n  y\n", "a:\n", "a: 1\n b: 2\n", "- a\n- - b\n", "a: [1, [2]]\n",
		"a: {b: 1}\n", "a: x\xE2\x80\xA8y\n", "a: x\xC2\x85y\n", "a: \"unclosed\n",
		"a: x \n", "? a\n: b\n", "<<: x\n", "\"a\": 1\n", "a: -1\n", "a: [1,2]\n",
		"a: b\n...\n", "a: @x\n", "-: x\n", "a: 1\n-b: 2\n",
	};
	struct ynode *n;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		n = NULL;
		if (ytree_parse_fast(cases[i], false, 0, strlen(cases[i]), 1, &n) != 0)
			fail_msg("accepted: %s", cases[i]);
		assert_null(n);
	}
}

/* The shapes the fast reader is for, each equal to libyaml's reading. */
static void
test_accepted(void **state)
{
	static const char *const cases[] = {
		"title: Bir başlık, virgül ve (ayraç)\nquestion_id: 12\nchoice_id: 3\n",
		"pack: \"kapasite\"\nversion: 1\nanswers:\n  - question: 1\n    choice: 2\n"
		"    note: \"Tırnak \\\" ve ters \\\\ eğik\"\n    votes: [3, 5, 2, 0, 1]\n"
		"  - question: 2\n    choice: na\npriorities:\n- area: a\n  priority: high\n",
		"# a comment\n\nid: x\nlist: []\nnested:\n  deeper:\n    - a\n    - b\n",
		"#a comment with a # inside, on the first line\n    key: =value\n",
		"a: >-\n  one line\n", "a: >\n  one\n  two\n\n\n  three\nb: x\n",
		"a: |-\n  one # not a comment\n\n  two\nb: x\n", "a: |\n  one\n  two\n\n",
		"list:\n  - k: >-\n      text of an item,\n      folded\n    j: |-\n      kept\n"
		"      lines\nafter: 1\n",
		"a:\n  b: >-\n   at three\n  c: |\n     at five\n     # text\n# comment\nd: 1\n",
	};
	struct ynode *a, *b;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		a = b = NULL;
		if (ytree_parse_fast(cases[i], false, 0, strlen(cases[i]), 1, &a) != 1)
			fail_msg("declined: %s", cases[i]);
		assert_int_equal(ytree_parse_libyaml("t.yaml", cases[i], strlen(cases[i]), 0,
		    strlen(cases[i]), &b), 0);
		if (!ytree_equal(a, b))
			fail_msg("differs: %s", cases[i]);
		ytree_free(a);
		ytree_free(b);
	}
}

/* The arena the fast reader builds in: zeroed, aligned, apart, any size. */
static void
test_arena(void **state)
{
	struct arena *a = arena_new(0);
	unsigned char *p[3000];
	size_t i, j, n;
	char *big, *s;

	(void)state;
	for (i = 0; i < NELEM(p); i++) {
		n = i % 97 + 1;
		p[i] = arena_alloc(a, n);
		assert_int_equal((uintptr_t)p[i] % _Alignof(max_align_t), 0);
		for (j = 0; j < n; j++)
			assert_int_equal(p[i][j], 0);
		memset(p[i], (int)(i & 0xFF), n);
	}
	big = arena_alloc(a, 200000);	/* larger than any block */
	memset(big, 'x', 200000);
	for (i = 0; i < NELEM(p); i++)	/* nothing overwrote anything */
		for (j = 0; j < i % 97 + 1; j++)
			assert_int_equal(p[i][j], i & 0xFF);
	s = arena_strndup(a, "question: 3\nrest", 11);
	assert_string_equal(s, "question: 3");
	arena_free(a);
	arena_free(NULL);
}

/*
 * An arena past its first 4 MiB (a group report's document) goes on in
 * 2 MiB blocks from the kernel: still zeroed, aligned and apart, across
 * many such blocks, with requests too large for one among them.
 */
static void
test_arena_big(void **state)
{
	enum { N = 250000 };
	struct arena *a = arena_new(0);
	unsigned char **p = calloc(N, sizeof(*p));
	size_t i, j, n, total = 0;
	char *huge = NULL, *after;

	(void)state;
	assert_non_null(p);
	for (i = 0; i < N; i++) {
		n = i % 113 + 1;
		p[i] = arena_alloc(a, n);
		total += n;
		assert_int_equal((uintptr_t)p[i] % _Alignof(max_align_t), 0);
		for (j = 0; j < n; j++)
			assert_int_equal(p[i][j], 0);
		memset(p[i], (int)(i * 7 & 0xFF), n);
		if (i == N / 2) {	/* larger than a 2 MiB block: a block of its own */
			huge = arena_alloc(a, (size_t)3 << 20);
			for (j = 0; j < ((size_t)3 << 20); j += 4096)
				assert_int_equal(huge[j], 0);
			memset(huge, 'h', (size_t)3 << 20);
		}
	}
	assert_true(total > (size_t)12 << 20);	/* well past the first 4 MiB */
	after = arena_alloc(a, ((size_t)2 << 20) - 64);	/* about a whole block */
	memset(after, 'a', ((size_t)2 << 20) - 64);
	for (i = 0; i < N; i++)	/* nothing overwrote anything */
		for (j = 0; j < i % 113 + 1; j++)
			assert_int_equal(p[i][j], i * 7 & 0xFF);
	for (j = 0; j < ((size_t)3 << 20); j += 4093)
		assert_int_equal(huge[j], 'h');
	arena_free(a);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_file),
		cmocka_unit_test(test_declined),
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_arena_big),
	};

	devnull = fopen("/dev/null", "w");
	diag_set_stream(devnull);
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/*
 * fuzz_yaml.c: the differential fuzzer of the two YAML readers. Whenever
 * the fast reader (yfast.c) accepts an input, libyaml's reader must accept
 * it too and build the same tree, position for position; otherwise the
 * fast path would give another answer than a clean read. The input is
 * read whole and, past a first line "---", as front matter, the way an
 * answer text's is. The fast reader is run as the loaders run it, told
 * whether the whole input is printable (content_check_bytes), and as if it
 * were not told, finding that out itself: both must read the same. A
 * scalar it calls printable, which the checks of values then take as it
 * is, must be so.
 */
#include "fuzz.h"
#include "text.h"
#include "ytree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every scalar called printable holds text_plain_run's characters and line breaks only. */
static void
printable_true(const struct ynode *n)
{
	size_t i = 0, chars;

	if (n == NULL)
		return;
	if (n->kind == YNODE_SCALAR && n->printable)
		while ((i += text_plain_run(n->value + i, n->len - i, &chars)) < n->len) {
			FUZZ_ASSERT(n->value[i] == '\n', "a scalar called printable is not");
			i++;
		}
	for (i = 0; i < n->nitems; i++)
		printable_true(n->items[i]);
}

static void
both(const char *buf, size_t len, size_t off, size_t n)
{
	struct ynode *a = NULL, *b = NULL, *c = NULL;
	int line, col, rs, rc;

	text_linecol(buf, len, off, &line, &col);
	rc = ytree_parse_fast(buf, false, off, n, line, &c);
	if (ytree_parse_fast(buf, text_printable_len(buf, len) == len, off, n, line, &a) != 1) {
		FUZZ_ASSERT(a == NULL, "a declined read leaves a tree");
		FUZZ_ASSERT(rc != 1, "the fast reader declines a printable input it reads untold");
		return;
	}
	FUZZ_ASSERT(rc == 1 && ytree_equal(a, c), "the fast reader reads a printable input "
	    "otherwise when told it is");
	ytree_free(c);
	printable_true(a);
	rs = ytree_parse_libyaml("fuzz.yaml", buf, len, off, n, &b);
	FUZZ_ASSERT(rs == 0, "the fast reader accepts what libyaml refuses");
	FUZZ_ASSERT(ytree_equal(a, b), "the fast reader builds another tree than libyaml");
	FUZZ_ASSERT(diag_counts().errors == 0, "libyaml reported an error for an accepted input");
	ytree_free(a);
	ytree_free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *close;

	if (size > 64 * 1024)
		return -1;
	fuzz_quiet();
	buf = fuzz_copy(data, size);
	both(buf, size, 0, size);
	if (size >= 4 && memcmp(buf, "---\n", 4) == 0 &&
	    (close = strstr(buf + 4, "\n---\n")) != NULL)
		both(buf, size, 4, (size_t)(close - buf) + 1 - 4);
	free(buf);
	return 0;
}

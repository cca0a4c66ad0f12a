/* SPDX-License-Identifier: MIT */
/*
 * fuzz_index.c: the differential fuzzer of a pack's index. A copy of a
 * pack (data/fi, or $STOK_FUZZ_PACK), made once in a temporary directory,
 * (times kept, as the seed's index has them) is read whole as the
 * reference. Each input becomes the copy's
 * answers.index — with the last line (end, count, sum) added by the
 * harness unless the input ends in one, so that the fuzzer gets past the
 * sum — and the pack is read again through it, wanting the texts of the
 * odd choices. An input whose first byte is 1 is read otherwise: its
 * other bytes, two at a time, swap the question and choice of two lines of
 * the true index, which is then written whole and summed: an index that
 * lies about which file holds which choice, in every other respect
 * current. Whatever the index says, the pack must come out as a clean
 * read would have it: loaded, every choice with a text of its own question
 * and choice, every text wanted read, and every text read (title, step,
 * body) byte for byte the reference's.
 */
#include <unistd.h>

#include "content.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], *index_path;
static struct pack *ref;
static unsigned long inputs, used;	/* how many, and how many read through the index */

static bool
odd(void *ctx, int question_id, int choice_id)
{
	(void)ctx;
	(void)question_id;
	return choice_id % 2 == 1;
}

static bool
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The copy goes when the fuzzer ends. */
static void
cleanup(void)
{
	char *cmd;

	fprintf(stderr, "fuzz_index: the index was used for %lu of %lu inputs\n", used, inputs);
	dir[strlen(dir) - strlen("/pack")] = '\0';
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_index: cannot remove %s\n", dir);
	free(cmd);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *src = getenv("STOK_FUZZ_PACK");
	char *cmd;

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof(dir), "/tmp/stok-fuzz-index.XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	cmd = xasprintf("cp -Rp '%s' '%s/pack'", src != NULL ? src : "data/fi", dir);
	if (system(cmd) != 0)
		abort();
	free(cmd);
	strcat(dir, "/pack");
	atexit(cleanup);
	index_path = xasprintf("%s/%s", dir, PACK_INDEX_FILE);
	unlink(index_path);
	if (pack_load(dir, &ref) != LOAD_OK)
		abort();
	return 0;
}

/* The reference's true index with the ids of lines swapped in pairs, as swaps says. */
static void
lying_index(struct buf *b, const uint8_t *swaps, size_t n)
{
	size_t i, k, len = strlen(dir) + 1, nt = ref->ntexts;
	int *ids = xcalloc(2 * nt, sizeof(*ids)), t;

	for (i = 0; i < nt; i++) {
		ids[2 * i] = ref->texts[i]->question_id;
		ids[2 * i + 1] = ref->texts[i]->choice_id;
	}
	for (i = 0; i + 1 < n; i += 2) {
		size_t x = swaps[i] % nt, y = swaps[i + 1] % nt;

		for (k = 0; k < 2; k++) {
			t = ids[2 * x + k];
			ids[2 * x + k] = ids[2 * y + k];
			ids[2 * y + k] = t;
		}
	}
	buf_printf(b, "stok-assess answers index 1\nassessment.yaml\t%lld\t%lld.%09ld\n",
	    ref->stamp.size, ref->stamp.sec, ref->stamp.nsec);
	for (i = 0; i < nt; i++) {
		const struct answer_text *rt = ref->texts[i];

		buf_printf(b, "%s\t%lld\t%lld.%09ld\t%d\t%d\n", rt->path + len, rt->stamp.size,
		    rt->stamp.sec, rt->stamp.nsec, ids[2 * i], ids[2 * i + 1]);
	}
	free(ids);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pack_want want = { odd, NULL };
	const char *last;
	struct pack *p;
	struct buf b;
	size_t i, k, lines = 0;
	FILE *f;

	if (size > 256 * 1024)
		return -1;
	fuzz_quiet();
	buf_init(&b);
	if (size > 0 && data[0] == 1)
		lying_index(&b, data + 1, size - 1);
	else
		buf_add(&b, (const char *)data, size);
	for (last = b.data + b.len; last > b.data && last[-1] == '\n'; last--)
		;
	while (last > b.data && last[-1] != '\n')
		last--;
	if (b.data + b.len - last < 4 || memcmp(last, "end\t", 4) != 0) {
		if (b.len > 0 && b.data[b.len - 1] != '\n')
			buf_addc(&b, '\n');
		for (i = 0; i < b.len; i++)
			lines += b.data[i] == '\n';
		buf_printf(&b, "end\t%zu\t%016llx\n", lines > 2 ? lines - 2 : 0,
		    (unsigned long long)fnv1a64(FNV1A64_INIT, b.data, b.len));
	}
	f = fopen(index_path, "w");
	FUZZ_ASSERT(f != NULL && fwrite(b.data, 1, b.len, f) == b.len && fclose(f) == 0,
	    "cannot write the index");
	buf_free(&b);

	FUZZ_ASSERT(pack_load_want(dir, &want, &p) == LOAD_OK && diag_counts().errors == 0 &&
	    diag_counts().warnings == 0, "the pack does not load through an index");
	FUZZ_ASSERT(p->nquestions == ref->nquestions, "another number of questions");
	inputs++;
	used += p->partial;
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i], *rq = &ref->questions[i];

		for (k = 0; k < q->nchoices; k++) {
			const struct answer_text *t = q->choices[k].text, *rt = rq->choices[k].text;

			FUZZ_ASSERT(t != NULL && t->question_id == q->id &&
			    t->choice_id == q->choices[k].id,
			    "question %d, choice %d has another text", q->id, q->choices[k].id);
			if (odd(NULL, q->id, q->choices[k].id))
				FUZZ_ASSERT(t->body != NULL, "a text wanted was not read");
			/* one not read is never shown: what the index says of it is not used */
			if (t->body != NULL)
				FUZZ_ASSERT(strcmp(t->path, rt->path) == 0 &&
				    same_str(t->title, rt->title) &&
				    same_str(t->step, rt->step) && t->body_len == rt->body_len &&
				    memcmp(t->body, rt->body, t->body_len) == 0,
				    "question %d, choice %d reads otherwise", q->id,
				    q->choices[k].id);
		}
	}
	pack_free(p);
	return 0;
}

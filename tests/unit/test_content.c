/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the content model: ids, the YAML reader's refusals, the
 * answer-text parser, and loading packs, including the two seed files of
 * the project dropped into the test pack (they must load unchanged).
 * Run from the top of the source tree; SEEDS names the seeds' directory.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "content.h"
#include "diag.h"
#include "ytree.h"

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

static void
test_parse_id(void **state)
{
	static const char *const bad[] = {
		"", "0", "012", "-1", "+1", "1.5", "1e9", "0x1F", "abc", " 1",
		"99999999999", "1000000", "\xD9\xA3" /* Arabic-Indic three */, "1 ",
	};
	size_t i;
	int v = 0;

	(void)state;
	assert_true(parse_id("1", 1, CONTENT_MAX_ID, &v));
	assert_int_equal(v, 1);
	assert_true(parse_id("999999", 6, CONTENT_MAX_ID, &v));
	assert_int_equal(v, 999999);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(parse_id(bad[i], strlen(bad[i]), CONTENT_MAX_ID, &v));
}

static struct ynode *
parse(const char *s)
{
	struct ynode *root = NULL;

	if (ytree_parse("t.yaml", s, strlen(s), false, 0, strlen(s), &root) < 0)
		return NULL;
	return root;
}

static void
test_ytree(void **state)
{
	struct ynode *n;
	char *bomb;

	(void)state;
	n = parse("a: 1\nb: [x, \"y\"]\n");
	assert_non_null(n);
	assert_int_equal(n->kind, YNODE_MAPPING);
	assert_int_equal(n->n, 2);
	assert_string_equal(ytree_get(n, "a")->value, "1");
	assert_true(ytree_get(n, "a")->plain);
	assert_int_equal(ytree_get(n, "b")->n, 2);
	assert_false(ytree_get(n, "b")->items[1]->plain);
	assert_int_equal(ytree_get(n, "b")->line, 2);
	assert_int_equal(ytree_get(n, "b")->col, 4);
	ytree_free(n);
	assert_null(parse("a: &x 1\n"));
	assert_null(parse("a: *x\n"));
	assert_null(parse("a: !!str 1\n"));
	assert_null(parse("a: 1\na: 2\n"));
	assert_null(parse("a: 1\n---\nb: 2\n"));
	assert_null(parse("? [a]\n: 1\n"));
	/* a megabyte of '[' is refused at the depth bound */
	bomb = malloc(1 << 20);
	memset(bomb, '[', 1 << 20);
	assert_int_equal(ytree_parse("bomb", bomb, 1 << 20, false, 0, 1 << 20, &n), -1);
	free(bomb);
}

static void
test_answer_text(void **state)
{
	static const char src[] = "\xEF\xBB\xBF" "---\r\ntitle: \"Baş: lık\"\r\nquestion_id: 8\r\n"
	    "choice_id: 2\r\nstep: İlk adım.\r\n---\r\nGövde *metni*.\r\n";
	struct answer_text t;
	char *buf = malloc(sizeof(src));

	(void)state;
	memcpy(buf, src, sizeof(src));
	assert_int_equal(answer_text_parse(&t, "x.md", buf, sizeof(src) - 1), 0);
	assert_string_equal(t.title, "Baş: lık");
	assert_string_equal(t.step, "İlk adım.");
	assert_int_equal(t.question_id, 8);
	assert_int_equal(t.choice_id, 2);
	assert_int_equal(t.body_line, 7);
	assert_int_equal(t.body_len, strlen("Gövde *metni*.\r\n"));
	assert_memory_equal(t.body, "Gövde", strlen("Gövde"));
	answer_text_free(&t);
}

static void
test_load_base(void **state)
{
	struct pack *p;
	const struct question *q;

	(void)state;
	assert_int_equal(pack_load("tests/content/base", &p), LOAD_OK);
	assert_string_equal(p->id, "deneme");
	assert_int_equal(p->nareas, 2);
	assert_int_equal(p->nquestions, 2);
	assert_int_equal(p->ntexts, 8);
	q = pack_question(p, 11);
	assert_non_null(q);
	assert_string_equal(q->area->id, "strateji");
	assert_int_equal(q->nchoices, 4);
	assert_int_equal(question_choice(q, 3)->level, 3);
	assert_non_null(question_choice(q, 3)->text);
	assert_null(pack_question(p, 12));
	assert_null(question_choice(q, 5));
	pack_free(p);
}

static void
copy_file(const char *from, const char *to)
{
	char buf[4096];
	size_t n;
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/*
 * Two texts in the seeds' form (front matter, [<u>title</u>](url) links)
 * replace the base pack's (11, 1) and (8, 1) texts and must load unchanged:
 * TEXT11 and TEXT8 in DIR, with their titles and a word of the second body.
 */
static void
load_seedform(const char *dir_in, const char *text11, const char *title11,
    const char *text8, const char *title8, const char *needle8)
{
	char dir[] = "/tmp/stok-seeds-XXXXXX", cmd[512], from[512], to[512];
	const struct choice *ch;
	struct pack *p;

	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cp -r tests/content/base/. %s && rm %s/answers/q8-1.md "
	    "%s/answers/q11-1.md", dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	snprintf(from, sizeof(from), "%s/%s", dir_in, text11);
	snprintf(to, sizeof(to), "%s/answers/%s", dir, text11);
	copy_file(from, to);
	snprintf(from, sizeof(from), "%s/%s", dir_in, text8);
	snprintf(to, sizeof(to), "%s/answers/%s", dir, text8);
	copy_file(from, to);
	assert_int_equal(pack_load(dir, &p), LOAD_OK);
	ch = question_choice(pack_question(p, 11), 1);
	assert_string_equal(ch->text->title, title11);
	assert_non_null(strstr(ch->text->path, text11));
	assert_int_equal(ch->text->body_line, 6);
	ch = question_choice(pack_question(p, 8), 1);
	assert_string_equal(ch->text->title, title8);
	assert_non_null(strstr(ch->text->body, needle8));
	pack_free(p);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* The project's own texts in the seeds' form (tests/fixtures/seedform). */
static void
test_load_seedform(void **state)
{
	(void)state;
	load_seedform("tests/fixtures/seedform",
	    "000_f1a7c0de00000011.txt", "Ortak amaçlarımızı henüz birlikte yazıya dökmedik.",
	    "001_f1a7c0de00000008.txt",
	    "Gönüllülerle çalışmak istiyoruz ama nasıl çalışacağımızı belirlemedik.",
	    "501commons.org");
}

/* The seeds themselves, when they are there ($SEEDS, else ../shared/seeds). */
static void
test_load_seeds(void **state)
{
	const char *seeds = getenv("SEEDS") ? getenv("SEEDS") : "../shared/seeds";
	char probe[512];

	(void)state;
	snprintf(probe, sizeof(probe), "%s/000_e0c8dc13ada409cf.txt", seeds);
	if (access(probe, R_OK) != 0) {
		print_message("SKIP: the seeds are not in %s\n", seeds);
		skip();
	}
	load_seedform(seeds,
	    "000_e0c8dc13ada409cf.txt",
	    "Örgütümüzün ortak amaç ve hedeflerini belirlemek konusunda henüz yolun başındayız.",
	    "001_727566c4d5cc03bf.txt",
	    "Gönüllülerle iş birliği yapmayı istiyoruz ama bu konuda bir yaklaşımımız yok.",
	    "501commons.org");
}

/* parallel_for: every i below n once, whatever the threads. */
static void
count_visit(void *ctx, size_t i)
{
	unsigned char *seen = ctx;

	seen[i]++;	/* each i belongs to one thread: no race */
}

static void
test_parallel_for(void **state)
{
	static const size_t ns[] = { 0, 1, 2, 5, 1000, 4099 };
	static const size_t mosts[] = { 0, 1, 2, 3, 8, 100 };
	size_t a, b, i;

	(void)state;
	for (a = 0; a < sizeof(ns) / sizeof(ns[0]); a++) {
		for (b = 0; b < sizeof(mosts) / sizeof(mosts[0]); b++) {
			unsigned char *seen = calloc(ns[a] + 1, 1);

			assert_non_null(seen);
			parallel_for(ns[a], mosts[b], count_visit, seen);
			for (i = 0; i < ns[a]; i++)
				assert_int_equal(seen[i], 1);
			assert_int_equal(seen[ns[a]], 0);
			free(seen);
		}
	}
}

/*
 * Held diagnostics: reported on another thread, neither printed nor
 * counted there; released on this one in the order they were reported,
 * counted then, and muted if muting is on at the release.
 */
static void *
report_held(void *arg)
{
	diag_hold(arg);
	diag(DIAG_WARNING, "b.md", 2, 3, "second %s", "file");
	diag(DIAG_ERROR, "b.md", 4, 1, "and \x1b[31m again");
	diag(DIAG_IO, "b.md", 0, 0, "cannot read");
	diag_hold(NULL);
	return NULL;
}

static void
test_diag_held(void **state)
{
	struct diag_held a = { 0 }, b = { 0 };
	struct diag_counts before = diag_counts(), after;
	unsigned long muted = diag_muted_count();
	pthread_t t;
	char out[1024];
	FILE *f = tmpfile();
	size_t n;

	(void)state;
	assert_non_null(f);
	diag_set_stream(f);
	assert_int_equal(pthread_create(&t, NULL, report_held, &b), 0);
	diag_hold(&a);
	diag(DIAG_ERROR, "a.md", 1, 1, "first");
	diag_hold(NULL);
	assert_int_equal(pthread_join(t, NULL), 0);
	after = diag_counts();
	assert_int_equal(after.errors, before.errors);	/* nothing counted yet */
	assert_int_equal(ftell(f), 0);			/* nor printed */
	diag_release(&a);
	diag_release(&b);
	after = diag_counts();
	assert_int_equal(after.warnings, before.warnings + 1);
	assert_int_equal(after.errors, before.errors + 2);
	assert_int_equal(after.io, before.io + 1);
	rewind(f);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = '\0';
	assert_string_equal(out,
	    "stok-assess: a.md:1:1: error: first\n"
	    "stok-assess: b.md:2:3: warning: second file\n"
	    "stok-assess: b.md:4:1: error: and ^[[31m again\n"
	    "stok-assess: b.md: error: cannot read\n");
	assert_int_equal(b.n, 0);	/* released: empty, and may be used again */
	assert_int_equal(pthread_create(&t, NULL, report_held, &b), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	diag_mute(true);
	diag_release(&b);
	diag_mute(false);
	assert_int_equal(diag_muted_count(), muted + 3);
	assert_int_equal(diag_counts().errors, after.errors);
	assert_int_equal(pthread_create(&t, NULL, report_held, &b), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	n = (size_t)ftell(f);
	diag_drop(&b);		/* given nowhere: not printed, counted or muted */
	assert_int_equal(b.n, 0);
	assert_int_equal((size_t)ftell(f), n);
	assert_int_equal(diag_muted_count(), muted + 3);
	assert_int_equal(diag_counts().errors, after.errors);
	fclose(f);
	diag_set_stream(devnull);
}

/*
 * A hold inside a hold (a parser's first try, on a loader's thread): what
 * the inner one releases goes into the outer one, not to the stream; what
 * it drops goes nowhere.
 */
static void
test_diag_held_nested(void **state)
{
	struct diag_held outer = { 0 }, inner = { 0 }, *was;
	struct diag_counts before = diag_counts();
	FILE *f = tmpfile();
	char out[256];
	size_t n;

	(void)state;
	assert_non_null(f);
	diag_set_stream(f);
	assert_null(diag_hold(&outer));
	was = diag_hold(&inner);
	assert_ptr_equal(was, &outer);
	diag(DIAG_ERROR, "a.md", 1, 1, "kept");
	diag_hold(&inner);
	diag_hold(was);
	diag_release(&inner);
	assert_int_equal(outer.n, 1);
	was = diag_hold(&inner);
	diag(DIAG_ERROR, "a.md", 2, 1, "dropped");
	diag_hold(was);
	diag_drop(&inner);
	assert_ptr_equal(diag_hold(NULL), &outer);
	assert_int_equal(ftell(f), 0);
	assert_int_equal(diag_counts().errors, before.errors);
	diag_release(&outer);
	assert_int_equal(diag_counts().errors, before.errors + 1);
	rewind(f);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = '\0';
	assert_string_equal(out, "stok-assess: a.md:1:1: error: kept\n");
	fclose(f);
	diag_set_stream(devnull);
}

/*
 * The texts of a pack read through its index, each when it is needed (as
 * the wizard reads them): as a clean read has them. A text gone since, or
 * one that now names another choice, is an error, said once however often
 * it is asked for.
 */
static void
test_fill(void **state)
{
	char dir[] = "/tmp/stok-fill-XXXXXX", cmd[512];
	struct pack *p, *clean;
	struct answer_text *t;
	const struct answer_text *c;
	struct diag_counts before;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cp -r tests/content/base/. %s", dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(pack_load(dir, &clean), LOAD_OK);
	assert_int_equal(pack_index_write(clean), 0);
	assert_int_equal(pack_load_want(dir, &pack_want_nothing, &p), LOAD_OK);
	assert_true(p->partial);
	t = question_choice(pack_question(p, 11), 2)->text;
	c = question_choice(pack_question(clean, 11), 2)->text;
	assert_null(t->title);	/* not read yet */
	assert_int_equal(answer_text_fill(t), 0);
	assert_string_equal(t->title, c->title);
	assert_int_equal(t->body_len, c->body_len);
	assert_memory_equal(t->body, c->body, c->body_len);
	assert_int_equal(t->body_line, c->body_line);
	assert_int_equal(answer_text_fill(t), 0);	/* read once, kept */

	t = question_choice(pack_question(p, 11), 3)->text;
	assert_int_equal(unlink(t->path), 0);
	before = diag_counts();
	assert_int_equal(answer_text_fill(t), -1);
	assert_true(t->unreadable);
	assert_int_equal(answer_text_fill(t), -1);
	assert_int_equal(diag_counts().io, before.io + 1);

	t = question_choice(pack_question(p, 8), 1)->text;
	snprintf(cmd, sizeof(cmd), "sed -i 's/^choice_id: 1$/choice_id: 4/' %s", t->path);
	assert_int_equal(system(cmd), 0);
	before = diag_counts();
	assert_int_equal(answer_text_fill(t), -1);
	assert_int_equal(answer_text_fill(t), -1);
	assert_int_equal(diag_counts().errors, before.errors + 1);
	assert_null(t->title);

	pack_free(p);
	pack_free(clean);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_id),
		cmocka_unit_test(test_diag_held),
		cmocka_unit_test(test_diag_held_nested),
		cmocka_unit_test(test_parallel_for),
		cmocka_unit_test(test_ytree),
		cmocka_unit_test(test_answer_text),
		cmocka_unit_test(test_load_base),
		cmocka_unit_test(test_load_seedform),
		cmocka_unit_test(test_load_seeds),
		cmocka_unit_test(test_fill),
	};

	return cmocka_run_group_tests_name("content", tests, quiet, loud);
}

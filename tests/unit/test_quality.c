/* SPDX-License-Identifier: MIT */
/*
 * The content quality suite: the bundled packs load with no error and no
 * warning; tr and en have the same areas, questions and choices; every
 * question has choices 1 to 4; every answer text has at least 80 words and
 * one link; every link is an absolute http(s) URL with a host; no two
 * answer texts of a pack share a paragraph or a list item. Run from the top
 * of the source tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <cmark.h>

#include "content.h"
#include "diag.h"
#include "layout.h"
#include "session.h"

static const char *const packs[] = { "data/tr", "data/en", "data/fi" };

static struct pack *
load(const char *dir)
{
	struct diag_counts before = diag_counts(), after;
	struct pack *p;

	assert_int_equal(pack_load(dir, &p), LOAD_OK);
	after = diag_counts();
	assert_int_equal(after.warnings, before.warnings);
	return p;
}

static void
test_packs_load_clean(void **state)
{
	size_t i, k;
	int c;

	(void)state;
	for (i = 0; i < sizeof(packs) / sizeof(packs[0]); i++) {
		struct pack *p = load(packs[i]);

		assert_true(p->nareas >= 4);
		assert_true(p->nquestions >= 12);
		for (k = 0; k < p->nquestions; k++) {
			const struct question *q = &p->questions[k];
			assert_int_equal(q->nchoices, 4);
			for (c = 1; c <= 4; c++)
				assert_int_equal(question_choice(q, c)->level, c);
			if (q->help == NULL)
				fail_msg("%s: question %d has no help text", packs[i], q->id);
		}
		pack_free(p);
	}
}

static void
test_tr_en_same_ids(void **state)
{
	struct pack *tr = load("data/tr"), *en = load("data/en");
	size_t i, c;

	(void)state;
	assert_true(tr->nareas >= 8);
	assert_true(tr->nquestions >= 32);
	assert_int_equal(tr->nareas, en->nareas);
	assert_int_equal(tr->nquestions, en->nquestions);
	assert_string_equal(tr->id, en->id);
	for (i = 0; i < tr->nareas; i++) {
		assert_string_equal(tr->areas[i].id, en->areas[i].id);
		assert_int_equal(tr->areas[i].nquestions, en->areas[i].nquestions);
	}
	for (i = 0; i < tr->nquestions; i++) {
		assert_int_equal(tr->questions[i].id, en->questions[i].id);
		assert_string_equal(tr->questions[i].area->id, en->questions[i].area->id);
		for (c = 0; c < tr->questions[i].nchoices; c++)
			assert_int_equal(tr->questions[i].choices[c].id,
			    en->questions[i].choices[c].id);
	}
	/* the seeds' questions: 8 is about volunteers, 11 about shared aims */
	assert_string_equal(pack_question(tr, 8)->area->id, "insan-kaynaklari");
	assert_string_equal(pack_question(tr, 11)->area->id, "stratejik-yonetim");
	pack_free(tr);
	pack_free(en);
}

static bool
url_ok(const char *url)
{
	const char *host;

	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return false;
	return *host != '\0' && *host != '/' && strchr(host, ' ') == NULL &&
	    strchr(host, '.') != NULL;
}

static int
count_words(const char *s)
{
	int n = 0;
	bool in = false;

	for (; *s != '\0'; s++) {
		bool space = *s == ' ' || *s == '\n' || *s == '\t';
		if (!space && !in)
			n++;
		in = !space;
	}
	return n;
}

/* The plain text of a node's inline children. */
static void
plain_text(cmark_node *node, struct buf *b)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_TEXT ||
		    cmark_node_get_type(n) == CMARK_NODE_CODE)
			buf_adds(b, cmark_node_get_literal(n));
		else if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK)
			buf_addc(b, ' ');
	}
	cmark_iter_free(it);
}

static void
check_text(const struct answer_text *t, struct linkset *paragraphs)
{
	cmark_node *doc = cmark_parse_document(t->body, t->body_len, CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	struct buf all, para;
	int links = 0, words;

	buf_init(&all);
	buf_init(&para);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_LINK:
			links++;
			if (!url_ok(cmark_node_get_url(n)))
				fail_msg("%s: link '%s' is not an absolute http(s) URL with a host",
				    t->path, cmark_node_get_url(n));
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			buf_adds(&all, cmark_node_get_literal(n));
			buf_addc(&all, ' ');
			break;
		case CMARK_NODE_PARAGRAPH: {
			size_t before;
			buf_reset(&para);
			plain_text(n, &para);
			before = paragraphs->n;
			linkset_add(paragraphs, para.data);
			if (paragraphs->n == before)
				fail_msg("%s: the paragraph '%.60s...' is in another answer text too",
				    t->path, para.data);
			break;
		}
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			fail_msg("%s: raw HTML in a bundled answer text", t->path);
			break;
		default:
			break;
		}
	}
	words = count_words(all.data);
	if (words < 80 || words > 400)
		fail_msg("%s: %d words; an answer text has 80 to 400", t->path, words);
	if (links < 1 || links > 4)
		fail_msg("%s: %d links; an answer text has 1 to 4", t->path, links);
	if (t->step == NULL)
		fail_msg("%s: no 'step' for the improvement plan", t->path);
	buf_free(&all);
	buf_free(&para);
	cmark_iter_free(it);
	cmark_node_free(doc);
}

static void
test_answer_texts(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(packs) / sizeof(packs[0]); i++) {
		struct pack *p = load(packs[i]);
		struct linkset paragraphs;	/* a set of strings */

		linkset_init(&paragraphs);
		for (k = 0; k < p->ntexts; k++)
			check_text(p->texts[k], &paragraphs);
		linkset_free(&paragraphs);
		pack_free(p);
	}
}

/* Every bundled pack ships example answers for --demo --sample, valid and warning-free. */
static void
test_samples(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(packs) / sizeof(packs[0]); i++) {
		struct pack *p = load(packs[i]);
		struct diag_counts before = diag_counts();
		char path[256];
		struct session *s;

		snprintf(path, sizeof(path), "%s/sample.yaml", packs[i]);
		s = session_read(path, p);
		assert_non_null(s);
		assert_int_equal(diag_counts().warnings, before.warnings);
		assert_true(s->nanswers >= p->nquestions - 1);
		assert_non_null(s->organisation);
		session_free(s);
		pack_free(p);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_packs_load_clean),
		cmocka_unit_test(test_tr_en_same_ids),
		cmocka_unit_test(test_answer_texts),
		cmocka_unit_test(test_samples),
	};

	return cmocka_run_group_tests_name("quality", tests, NULL, NULL);
}

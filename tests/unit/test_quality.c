/* SPDX-License-Identifier: MIT */
/*
 * The content quality suite, over every bundled pack (each directory of data/): the packs
 * load with no error and no warning; translations (packs with one id) have
 * the same areas, questions and choices; every question has choices 1 to
 * 4; every answer text has 80 to 400 words; every link is an absolute
 * http(s) URL with a host; no two answer texts of a pack share a paragraph
 * or a list item. Then, per pack, the rules of the links register and the
 * templates: every text follows its level's template in its language (the
 * headings of stok-assess(5), in order, after an opening paragraph), has
 * 3 to 6 links, the last section 3 to 6 of them; at most 25 % of the pack's
 * distinct URLs are home pages; every URL is in data/PACK/links.tsv and
 * every row of it is used; every text has its 'reviewed' date. A pack with
 * no links.tsv has not been moved to these rules yet: those tests are
 * skipped for it ("pack not yet migrated"), unless QUALITY_ALL=1 asks for
 * them anyway. Run from the top of the source tree.
 */
#include <setjmp.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
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
#include "links.h"
#include "session.h"

/* The bundled packs: every data/NAME with an assessment.yaml, sorted. */
static char	*packs[64];
static size_t	 npacks;

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
find_packs(void)
{
	DIR *d = opendir("data");
	struct dirent *de;
	char path[512];
	FILE *f;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL && npacks < sizeof(packs) / sizeof(packs[0])) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "data/%s/assessment.yaml", de->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		fclose(f);
		packs[npacks] = malloc(strlen(de->d_name) + 6);
		sprintf(packs[npacks++], "data/%s", de->d_name);
	}
	closedir(d);
	qsort(packs, npacks, sizeof(packs[0]), name_cmp);
}

/* A pack is under the register and template rules once it has links.tsv. */
static bool
migrated(const char *dir)
{
	char path[512];
	FILE *f;
	const char *all = getenv("QUALITY_ALL");

	if (all != NULL && strcmp(all, "1") == 0)
		return true;
	snprintf(path, sizeof(path), "%s/%s", dir, LINKS_REGISTER_NAME);
	if ((f = fopen(path, "r")) == NULL)
		return false;
	fclose(f);
	return true;
}

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
	for (i = 0; i < npacks; i++) {
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

/* Two editions of one assessment: the same areas, questions and choices. */
static void
same_ids(const struct pack *a, const struct pack *b)
{
	size_t i, c;

	if (a->nareas != b->nareas || a->nquestions != b->nquestions)
		fail_msg("%s and %s (both '%s') differ: %zu/%zu areas, %zu/%zu questions",
		    a->dir, b->dir, a->id, a->nareas, b->nareas, a->nquestions, b->nquestions);
	for (i = 0; i < a->nareas; i++) {
		assert_string_equal(a->areas[i].id, b->areas[i].id);
		assert_int_equal(a->areas[i].nquestions, b->areas[i].nquestions);
	}
	for (i = 0; i < a->nquestions; i++) {
		assert_int_equal(a->questions[i].id, b->questions[i].id);
		assert_string_equal(a->questions[i].area->id, b->questions[i].area->id);
		assert_int_equal(a->questions[i].nchoices, b->questions[i].nchoices);
		for (c = 0; c < a->questions[i].nchoices; c++)
			assert_int_equal(a->questions[i].choices[c].id,
			    b->questions[i].choices[c].id);
	}
}

static void
test_translations_same_ids(void **state)
{
	struct pack *tr = load("data/tr"), *en = load("data/en");
	size_t i, j;

	(void)state;
	assert_true(tr->nareas >= 8);
	assert_true(tr->nquestions >= 32);
	assert_string_equal(tr->id, en->id);
	/* the seeds' questions: 8 is about volunteers, 11 about shared aims */
	assert_string_equal(pack_question(tr, 8)->area->id, "insan-kaynaklari");
	assert_string_equal(pack_question(tr, 11)->area->id, "stratejik-yonetim");
	pack_free(tr);
	pack_free(en);
	for (i = 0; i < npacks; i++) {
		struct pack *a = load(packs[i]);

		for (j = i + 1; j < npacks; j++) {
			struct pack *b = load(packs[j]);
			if (strcmp(a->id, b->id) == 0)
				same_ids(a, b);
			pack_free(b);
		}
		pack_free(a);
	}
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
check_text(const struct answer_text *t, struct linkset *paragraphs, bool old_rules)
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
	/* the packs not yet migrated keep the old rule; the others, links_per_text's */
	if (old_rules && (links < 1 || links > 4))
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
	for (i = 0; i < npacks; i++) {
		struct pack *p = load(packs[i]);
		struct linkset paragraphs;	/* a set of strings */

		linkset_init(&paragraphs);
		for (k = 0; k < p->ntexts; k++)
			check_text(p->texts[k], &paragraphs, !migrated(packs[i]));
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
	for (i = 0; i < npacks; i++) {
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

/* ---- the rules of issue 19, per pack ---- */

/* The section headings of each level's template, per language (stok-assess(5)). */
static const struct template {
	const char	*lang;
	int		 from, to;	/* levels */
	const char	*headings[4];
} templates[] = {
	{ "tr", 1, 2, { "Bir sonraki düzey", "İlk adımlar", "Sık yapılan hata", "Kaynaklar" } },
	{ "tr", 3, 3, { "Bir sonraki düzey", "Adımlar", "Dikkat edilecek nokta", "Kaynaklar" } },
	{ "tr", 4, 4, { "Sürdürmek", "Devretmek", "Gizli riskler", "Kaynaklar" } },
	{ "en", 1, 2, { "The next level", "First steps", "A common mistake", "Resources" } },
	{ "en", 3, 3, { "The next level", "Steps", "What to watch", "Resources" } },
	{ "en", 4, 4, { "Keeping it going", "Handing it on", "Hidden risks", "Resources" } },
	{ "fi", 1, 2, { "Seuraava taso", "Ensimmäiset askeleet", "Yleinen virhe", "Lue lisää" } },
	{ "fi", 3, 3, { "Seuraava taso", "Askeleet", "Mitä kannattaa seurata", "Lue lisää" } },
	{ "fi", 4, 4, { "Ylläpito", "Tiedon siirtäminen", "Piilevät riskit", "Lue lisää" } },
};

/* Problems of one check, printed as they come (the first few), failed at the end. */
struct problems {
	const char	*what;
	int		 n;
};

static void PRINTFLIKE(2, 3)
problem(struct problems *pr, const char *fmt, ...)
{
	va_list ap;

	if (pr->n++ >= 25)
		return;
	va_start(ap, fmt);
	vprint_message(fmt, ap);
	va_end(ap);
	print_message("\n");
}

static void
problems_end(const struct problems *pr, const char *dir)
{
	if (pr->n > 25)
		print_message("... and %d more\n", pr->n - 25);
	if (pr->n > 0)
		fail_msg("%s: %d problem%s with %s", dir, pr->n, pr->n == 1 ? "" : "s", pr->what);
}

/* Each per-pack test gets its pack's directory; it loads it or skips. */
static struct pack *
pack_for(void **state)
{
	const char *dir = *state;

	if (!migrated(dir))
		skip();
	return load(dir);
}

/* The level of a text: its choice's position in the question. */
static int
text_level(const struct pack *p, const struct answer_text *t)
{
	const struct question *q = pack_question(p, t->question_id);
	const struct choice *c = q != NULL ? question_choice(q, t->choice_id) : NULL;

	return c != NULL ? c->level : 0;
}

static const struct template *
template_of(const char *lang, int level)
{
	size_t i;

	for (i = 0; i < sizeof(templates) / sizeof(templates[0]); i++)
		if (strcmp(templates[i].lang, lang) == 0 && level >= templates[i].from &&
		    level <= templates[i].to)
			return &templates[i];
	return NULL;
}

/* The links under node n (counted with cmark's iterator). */
static int
count_links(cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	int k = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) ==
		    CMARK_NODE_LINK)
			k++;
	cmark_iter_free(it);
	return k;
}

/*
 * One text against its template: an opening paragraph, then exactly the
 * template's headings (###, in order), each with something under it; 3
 * to 6 links in all and 3 to 6 in the last section.
 */
static void
check_template(const struct pack *p, const struct answer_text *t, struct problems *pr)
{
	const struct template *tp = template_of(p->language, text_level(p, t));
	cmark_node *doc = cmark_parse_document(t->body, t->body_len, CMARK_OPT_VALIDATE_UTF8);
	cmark_node *n = cmark_node_first_child(doc);
	int nh = 0, last_links = 0, all = count_links(doc), under = 0;
	struct buf h;

	buf_init(&h);
	if (tp == NULL) {
		problem(pr, "%s: no template for language '%s', level %d", t->path, p->language,
		    text_level(p, t));
		goto out;
	}
	if (n == NULL || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		problem(pr, "%s: the text must open with a paragraph, before any heading", t->path);
	for (; n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_HEADING) {
			if (nh == 4)
				last_links += count_links(n);
			under++;
			continue;
		}
		buf_reset(&h);
		plain_text(n, &h);
		if (nh > 0 && under == 0)
			problem(pr, "%s: section '%s' is empty", t->path, tp->headings[nh - 1]);
		under = 0;
		if (nh >= 4) {
			problem(pr, "%s: heading '%s' after the template's last, '%s'", t->path,
			    h.data, tp->headings[3]);
			nh++;
			continue;
		}
		if (cmark_node_get_heading_level(n) != 3 || strcmp(h.data, tp->headings[nh]) != 0)
			problem(pr, "%s: heading %d is '%s%s', not '### %s' (level %d, %s)", t->path,
			    nh + 1, cmark_node_get_heading_level(n) == 3 ? "### " : "",
			    h.data, tp->headings[nh], text_level(p, t), p->language);
		nh++;
	}
	if (nh < 4)
		problem(pr, "%s: %d of the template's 4 headings; the next should be '### %s' "
		    "(level %d, %s)", t->path, nh, tp->headings[nh], text_level(p, t), p->language);
	else if (under == 0)
		problem(pr, "%s: section '%s' is empty", t->path, tp->headings[3]);
	if (all < 3 || all > 6)
		problem(pr, "%s: %d links; a text has 3 to 6", t->path, all);
	else if (nh >= 4 && (last_links < 3 || last_links > 6))
		problem(pr, "%s: %d links under '%s'; it lists 3 to 6", t->path, last_links,
		    tp->headings[3]);
out:
	buf_free(&h);
	cmark_node_free(doc);
}

static void
test_templates(void **state)
{
	struct pack *p = pack_for(state);
	struct problems pr = { "the templates and links per text", 0 };
	size_t i;

	for (i = 0; i < p->ntexts; i++)
		check_template(p, p->texts[i], &pr);
	problems_end(&pr, p->dir);
	pack_free(p);
}

/* At most 25 % of the pack's distinct URLs are home pages. */
static void
test_home_pages(void **state)
{
	struct pack *p = pack_for(state);
	struct link_uses u;
	struct linkset seen;
	size_t i, home = 0;

	link_uses_init(&u);
	linkset_init(&seen);
	links_collect_pack(&u, p);
	for (i = 0; i < u.n; i++) {
		size_t before = seen.n;
		linkset_add(&seen, u.v[i].url);
		if (seen.n > before && link_is_home_page(u.v[i].url))
			home++;
	}
	if (seen.n == 0 || home * 4 > seen.n) {
		for (i = 0; i < seen.n; i++)
			if (link_is_home_page(seen.urls[i]))
				print_message("home page: %s\n", seen.urls[i]);
		fail_msg("%s: %zu of %zu distinct URLs (%zu %%) are home pages; at most 25 %%",
		    p->dir, home, seen.n, seen.n ? 100 * home / seen.n : 0);
	}
	linkset_free(&seen);
	link_uses_free(&u);
	pack_free(p);
}

/* Every URL in the register, every row used, the register itself clean. */
static void
test_register(void **state)
{
	struct pack *p = pack_for(state);
	struct diag_counts before = diag_counts(), after;
	struct link_register r;
	struct link_uses u;

	link_uses_init(&u);
	links_collect_pack(&u, p);
	if (link_register_load(&r, p->dir) != REGISTER_READ) {
		link_register_free(&r);
		link_uses_free(&u);
		fail_msg("%s: no readable %s", p->dir, LINKS_REGISTER_NAME);
	}
	links_check(&u, &r);
	after = diag_counts();
	if (after.errors != before.errors || after.warnings != before.warnings)
		fail_msg("%s: %d errors and %d warnings about the links register (above)", p->dir,
		    after.errors - before.errors, after.warnings - before.warnings);
	link_register_free(&r);
	link_uses_free(&u);
	pack_free(p);
}

static void
test_reviewed(void **state)
{
	struct pack *p = pack_for(state);
	struct problems pr = { "'reviewed' dates", 0 };
	size_t i;

	for (i = 0; i < p->ntexts; i++)
		if (p->texts[i]->reviewed == 0)
			problem(&pr, "%s: no 'reviewed' date", p->texts[i]->path);
	problems_end(&pr, p->dir);
	pack_free(p);
}

int
main(void)
{
	static const struct {
		const char	*name;
		CMUnitTestFunction f;
	} per_pack[] = {
		{ "templates", test_templates },
		{ "home pages", test_home_pages },
		{ "links register", test_register },
		{ "reviewed", test_reviewed },
	};
	struct CMUnitTest tests[4 + 4 * 64];
	size_t n = 0, i, k;
	int rc;

	find_packs();
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_packs_load_clean);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_translations_same_ids);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_answer_texts);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_samples);
	for (i = 0; i < npacks; i++)
		for (k = 0; k < sizeof(per_pack) / sizeof(per_pack[0]); k++) {
			/* the name says why a test is skipped: run.sh prints it */
			char *name = malloc(256);
			snprintf(name, 256, "%s: %s%s", packs[i] + 5, per_pack[k].name,
			    migrated(packs[i]) ? "" : " (pack not yet migrated)");
			tests[n++] = (struct CMUnitTest){ name, per_pack[k].f, NULL, NULL, packs[i] };
		}
	rc = _cmocka_run_group_tests("quality", tests, n, NULL, NULL);
	for (i = 4; i < n; i++)
		free((char *)tests[i].name);
	for (i = 0; i < npacks; i++)
		free(packs[i]);
	return rc;
}

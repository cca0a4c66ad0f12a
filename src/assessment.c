/* SPDX-License-Identifier: MIT */
/*
 * assessment.c: the assessment file of a pack. Parses assessment.yaml into
 * the pack's metadata, areas and questions, checking every key, type and
 * id; the answer texts are attached later by pack.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "diag.h"
#include "report.h"
#include "schema.h"
#include "session.h"

static const char *const top_keys[] = {
	"id", "title", "language", "version", "introduction", "audience", "roles", "areas", NULL
};
static const char *const role_keys[] = {
	"id", "title", NULL
};
static const char *const area_keys[] = {
	"id", "title", "description", "questions", NULL
};
static const char *const question_keys[] = {
	"id", "text", "help", "prompt", "choices", NULL
};

static int
parse_choices(const struct schema_ctx *c, const struct ynode *qn, struct question *q)
{
	const struct ynode *list = schema_require(c, qn, "choices", "a question");
	size_t i, j;

	if (list == NULL || schema_sequence(c, list, "choices") < 0)
		return -1;
	if (list->n < 2 || list->n > CONTENT_MAX_CHOICES) {
		diag(DIAG_ERROR, c->file, list->line, list->col,
		    "a question needs 2 to %d choices, not %zu", CONTENT_MAX_CHOICES, list->n);
		return -1;
	}
	q->choices = xcalloc(list->n, sizeof(*q->choices));
	q->nchoices = list->n;
	for (i = 0; i < list->n; i++) {
		struct choice *ch = &q->choices[i];
		const struct ynode *v = list->items[i];

		if (schema_id_value(c, v, "choices", CONTENT_MAX_ID, &ch->id) < 0)
			return -1;
		ch->level = (int)i + 1;
		ch->line = v->line;
		ch->col = v->col;
		for (j = 0; j < i; j++) {	/* at most CONTENT_MAX_CHOICES */
			if (q->choices[j].id == ch->id) {
				diag(DIAG_ERROR, c->file, v->line, v->col,
				    "choice %d of question %d is listed twice", ch->id, q->id);
				return -1;
			}
		}
	}
	return 0;
}

static int
parse_question(const struct schema_ctx *c, const struct ynode *qn, struct question *q)
{
	static const char what[] = "a question";

	if (schema_mapping(c, qn, what) < 0)
		return -1;
	schema_unknown_keys(c, qn, what, question_keys);
	q->line = qn->line;
	q->col = qn->col;
	if (schema_id(c, qn, "id", what, CONTENT_MAX_ID, &q->id) < 0 ||
	    schema_text(c, qn, "text", what, true, true, &q->text) < 0 ||
	    schema_text(c, qn, "help", what, false, false, &q->help) < 0 ||
	    schema_text(c, qn, "prompt", what, false, false, &q->prompt) < 0)
		return -1;
	return parse_choices(c, qn, q);
}

static int
parse_area(const struct schema_ctx *c, const struct ynode *an, struct pack *p, struct area *a)
{
	static const char what[] = "an area";
	const struct ynode *list;
	size_t i;

	if (schema_mapping(c, an, what) < 0)
		return -1;
	schema_unknown_keys(c, an, what, area_keys);
	if (schema_slug(c, an, "id", what, &a->id) < 0 ||
	    schema_text(c, an, "title", what, true, true, &a->title) < 0 ||
	    schema_text(c, an, "description", what, false, false, &a->description) < 0)
		return -1;
	list = schema_require(c, an, "questions", what);
	if (list == NULL || schema_sequence(c, list, "questions") < 0)
		return -1;
	a->first = p->nquestions;
	p->questions = xreallocarray(p->questions, p->nquestions + list->n,
	    sizeof(*p->questions));
	memset(p->questions + p->nquestions, 0, list->n * sizeof(*p->questions));
	for (i = 0; i < list->n; i++) {
		struct question *q = &p->questions[p->nquestions++];

		q->index = p->nquestions - 1;
		if (parse_question(c, list->items[i], q) < 0)
			return -1;
		a->nquestions++;
	}
	return 0;
}

/* The five built-in roles, titled in the pack's language. */
static void
default_roles(struct pack *p)
{
	const struct report_words *w = report_words(p->language);
	size_t i;

	p->roles = xcalloc(CONTENT_DEFAULT_ROLES, sizeof(*p->roles));
	for (i = 0; i < CONTENT_DEFAULT_ROLES; i++) {
		p->roles[i].id = xstrdup(session_roles[i]);
		p->roles[i].title = xstrdup(w->roles[i]);
	}
	p->nroles = CONTENT_DEFAULT_ROLES;
	p->roles_builtin = true;
}

/* 'roles': a list of {id, title}, ids unique; absent, the built-in five. */
static int
parse_roles(const struct schema_ctx *c, const struct ynode *root, struct pack *p)
{
	static const char what[] = "a role";
	const struct ynode *list = ytree_get(root, "roles");
	size_t i, j;

	if (list == NULL) {
		default_roles(p);
		return 0;
	}
	if (schema_sequence(c, list, "roles") < 0)
		return -1;
	if (list->n > CONTENT_MAX_ROLES) {
		diag(DIAG_ERROR, c->file, list->line, list->col,
		    "a pack has 1 to %d roles, not %zu", CONTENT_MAX_ROLES, list->n);
		return -1;
	}
	p->roles = xcalloc(list->n, sizeof(*p->roles));
	for (i = 0; i < list->n; i++) {
		const struct ynode *rn = list->items[i];
		struct pack_role *r = &p->roles[i];

		if (schema_mapping(c, rn, what) < 0)
			return -1;
		schema_unknown_keys(c, rn, what, role_keys);
		p->nroles++;
		if (schema_slug(c, rn, "id", what, &r->id) < 0 ||
		    schema_text(c, rn, "title", what, true, true, &r->title) < 0)
			return -1;
		for (j = 0; j < i; j++)	/* at most CONTENT_MAX_ROLES */
			if (strcmp(p->roles[j].id, r->id) == 0) {
				const struct ynode *v = ytree_get(rn, "id");
				diag(DIAG_ERROR, c->file, v->line, v->col,
				    "role '%s' is listed twice: give it another id", r->id);
				return -1;
			}
	}
	return 0;
}

const struct pack_role *
pack_roles(const struct pack *p, size_t *n)
{
	*n = p->nroles;
	return p->roles;
}

const struct pack_role *
pack_role(const struct pack *p, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < p->nroles; i++)
		if (strcmp(p->roles[i].id, id) == 0)
			return &p->roles[i];
	return NULL;
}

/* Area ids are few: a pairwise check is cheap. Question ids go through the index. */
static int
check_area_ids(const struct schema_ctx *c, const struct pack *p, const struct ynode *areas)
{
	size_t i, j;

	for (i = 1; i < p->nareas; i++)
		for (j = 0; j < i; j++)
			if (strcmp(p->areas[i].id, p->areas[j].id) == 0) {
				const struct ynode *v = ytree_get(areas->items[i], "id");
				diag(DIAG_ERROR, c->file, v->line, v->col,
				    "area '%s' is defined twice: give it another id", p->areas[i].id);
				return -1;
			}
	return 0;
}

static unsigned
id_hash(int id, size_t cap)
{
	return (unsigned)(((unsigned long long)(unsigned)id * 2654435761u) & (cap - 1));
}

/* Build the id -> question table; a second question with an id is an error. */
static int
index_questions(const struct schema_ctx *c, struct pack *p)
{
	size_t i, slot;

	p->qindex_cap = 16;
	while (p->qindex_cap < 2 * p->nquestions)
		p->qindex_cap *= 2;
	p->qindex = xcalloc(p->qindex_cap, sizeof(*p->qindex));
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];

		for (slot = id_hash(q->id, p->qindex_cap); p->qindex[slot] != 0;
		    slot = (slot + 1) & (p->qindex_cap - 1)) {
			const struct question *other = &p->questions[p->qindex[slot] - 1];
			if (other->id == q->id) {
				diag(DIAG_ERROR, c->file, q->line, q->col,
				    "question %d is defined twice (first at line %d): give it another id",
				    q->id, other->line);
				return -1;
			}
		}
		p->qindex[slot] = (int)i + 1;
	}
	return 0;
}

const struct question *
pack_question(const struct pack *p, int id)
{
	size_t slot;

	if (p->qindex == NULL)
		return NULL;
	for (slot = id_hash(id, p->qindex_cap); p->qindex[slot] != 0;
	    slot = (slot + 1) & (p->qindex_cap - 1))
		if (p->questions[p->qindex[slot] - 1].id == id)
			return &p->questions[p->qindex[slot] - 1];
	return NULL;
}

/* The hash of id written in decimal, then sep (as "%d" and sep would write them). */
static uint64_t
hash_id(uint64_t h, int id, char sep)
{
	char num[16], *e = num + sizeof(num), *d = e;
	unsigned v = id < 0 ? 0U - (unsigned)id : (unsigned)id;

	*--d = sep;
	do
		*--d = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (id < 0)
		*--d = '-';
	return fnv1a64(h, d, (size_t)(e - d));
}

const char *
pack_questions_hash(const struct pack *p)
{
	static char out[32];
	uint64_t h = FNV1A64_INIT;
	size_t i, k;

	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		h = hash_id(h, q->id, ':');
		for (k = 0; k < q->nchoices; k++)
			h = hash_id(h, q->choices[k].id, ',');
		h = fnv1a64(h, ";", 1);
	}
	snprintf(out, sizeof(out), "fnv1a64:%016llx", (unsigned long long)h);
	return out;
}

const struct choice *
question_choice(const struct question *q, int id)
{
	size_t i;

	for (i = 0; i < q->nchoices; i++)	/* at most CONTENT_MAX_CHOICES */
		if (q->choices[i].id == id)
			return &q->choices[i];
	return NULL;
}

int
assessment_parse(struct pack *p, const char *file, const char *buf, size_t len)
{
	struct schema_cursor cursor = { 1, 0 };
	struct schema_ctx c = { file, buf, len, &cursor, true };
	struct ynode *root = NULL;
	const struct ynode *areas;
	size_t i, off = 0;
	int rc = -1;
	bool printable;

	if (content_check_bytes(file, buf, len, &printable) < 0)
		return -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	if (ytree_parse(file, buf, len, printable, off, len - off, &root) < 0)
		return -1;
	if (root == NULL) {
		diag(DIAG_ERROR, file, 1, 1, "the assessment file is empty: write the pack's id, "
		    "title, language, version and areas");
		return -1;
	}
	if (schema_mapping(&c, root, "the assessment file") < 0)
		goto out;
	schema_unknown_keys(&c, root, "the assessment file", top_keys);
	if (schema_slug(&c, root, "id", "the assessment file", &p->id) < 0 ||
	    schema_text(&c, root, "title", "the assessment file", true, true, &p->title) < 0 ||
	    schema_language(&c, root, "the assessment file", &p->language) < 0 ||
	    schema_id(&c, root, "version", "the assessment file", CONTENT_MAX_ID, &p->version) < 0 ||
	    schema_text(&c, root, "introduction", "the assessment file", false, false,
	    &p->introduction) < 0 ||
	    schema_text(&c, root, "audience", "the assessment file", false, true,
	    &p->audience) < 0 ||
	    parse_roles(&c, root, p) < 0)
		goto out;
	areas = schema_require(&c, root, "areas", "the assessment file");
	if (areas == NULL || schema_sequence(&c, areas, "areas") < 0)
		goto out;
	p->areas = xcalloc(areas->n, sizeof(*p->areas));
	for (i = 0; i < areas->n; i++) {
		p->areas[i].index = i;
		p->nareas++;
		if (parse_area(&c, areas->items[i], p, &p->areas[i]) < 0)
			goto out;
	}
	for (i = 0; i < p->nareas; i++) {
		size_t k;
		for (k = 0; k < p->areas[i].nquestions; k++)
			p->questions[p->areas[i].first + k].area = &p->areas[i];
	}
	if (check_area_ids(&c, p, areas) < 0 || index_questions(&c, p) < 0)
		goto out;
	rc = 0;
out:
	ytree_free(root);
	return rc;
}

/* SPDX-License-Identifier: MIT */
/*
 * network.c: the network profile (see network.h). Building groups the
 * answers files by organisation, combines each organisation's respondents
 * with merge_answers(), scores each organisation as one respondent and
 * keeps only counts, medians and quartiles. Reading goes through the same
 * strict YAML reader and schema checks as every other file of ours, so a
 * profile received from elsewhere is as untrusted as a pack.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fileio.h"
#include "merge.h"
#include "network.h"
#include "schema.h"
#include "score.h"
#include "text.h"
#include "ytree.h"

void
network_free(struct network *nw)
{
	size_t i;

	if (nw == NULL)
		return;
	for (i = 0; i < nw->nareas; i++)
		free(nw->areas[i].id);
	free(nw->areas);
	free(nw->questions);
	free(nw->pack_id);
	free(nw->question_set);
	free(nw);
}

/* A level exactly, as num / den (den > 0): an area's is the mean of its answers' levels. */
struct ratio {
	long long	 num, den;
};

static int
ratio_cmp(const void *a, const void *b)
{
	const struct ratio *x = a, *y = b;
	long long l = x->num * y->den, r = y->num * x->den;

	return (l > r) - (l < r);
}

/* num / den in hundredths, rounded half up (levels are never negative). */
static int
hundredths(long long num, long long den)
{
	return (int)((200 * num + den) / (2 * den));
}

/*
 * The k-th quartile (k = 1, 2, 3) of n sorted levels, interpolated
 * linearly between the two nearest (position k(n-1)/4 counted from 0),
 * in hundredths rounded half up once, from the exact levels: integers
 * throughout, so every machine and locale agrees. (Rounding each level
 * first made the median of 2 and 8/3 2.34.)
 */
static int
quartile(const struct ratio *v, int n, int k)
{
	int pos = k * (n - 1), i = pos / 4, frac = pos % 4;
	const struct ratio *a = &v[i], *c = &v[i + (frac != 0)];

	return hundredths(4 * a->num * c->den + frac * (c->num * a->den - a->num * c->den),
	    4 * a->den * c->den);
}

/* Fill st from n exact levels, counting each at its whole level 1..nlevels. */
static void
stats_fill(struct net_stats *st, struct ratio *v, int n, int nlevels, int min_group)
{
	int i, l;

	st->orgs = n;
	st->nlevels = nlevels;
	if (n < min_group)
		return;
	st->shown = true;
	qsort(v, (size_t)n, sizeof(*v), ratio_cmp);
	st->lower = quartile(v, n, 1);
	st->median = quartile(v, n, 2);
	st->upper = quartile(v, n, 3);
	for (i = 0; i < n; i++) {
		l = (int)(v[i].num / v[i].den);	/* 2.75 is level 2: level 3 is not reached yet */
		if (l < 1)
			l = 1;
		if (l > nlevels)
			l = nlevels;
		st->levels[l - 1]++;
	}
}

struct named {
	char		*org;	/* its name as compared; NULL: an organisation of its own */
	size_t		 file;
};

static int
named_cmp(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int c;

	if (x->org != NULL && y->org != NULL && (c = strcmp(x->org, y->org)) != 0)
		return c;
	if ((x->org == NULL) != (y->org == NULL))
		return x->org == NULL ? -1 : 1;
	return (x->file > y->file) - (x->file < y->file);
}

/*
 * Number the organisations: files naming the same one share its number, a
 * file naming none has one of its own. Sorting by name keeps this
 * O(n log n) for the thousands of files of a large network.
 */
static size_t
group_by_organisation(const struct session *const *s, size_t n, const char *language,
    size_t *org_of)
{
	struct named *v = xcalloc(n ? n : 1, sizeof(*v));
	size_t i, norgs = 0;

	for (i = 0; i < n; i++)
		v[i] = (struct named){ s[i]->organisation != NULL ?
		    text_name_key(s[i]->organisation, language) : NULL, i };
	qsort(v, n, sizeof(*v), named_cmp);
	for (i = 0; i < n; i++) {
		if (i == 0 || v[i].org == NULL || v[i - 1].org == NULL ||
		    strcmp(v[i].org, v[i - 1].org) != 0)
			norgs++;
		org_of[v[i].file] = norgs - 1;
	}
	for (i = 0; i < n; i++)
		free(v[i].org);
	free(v);
	return norgs;
}

static int
max_choices(const struct pack *p)
{
	size_t i;
	int m = 1;

	for (i = 0; i < p->nquestions; i++)
		if ((int)p->questions[i].nchoices > m)
			m = (int)p->questions[i].nchoices;
	return m;
}

struct network *
network_build(const struct pack *p, const struct session *const *s, size_t n, int min_group,
    int *orgs)
{
	struct network *nw;
	struct session **org;
	struct area_score *sc;	/* organisation k's areas from sc[k * p->nareas] */
	const struct session **members;
	size_t *org_of, *start, *fill, norgs, i, k, m;
	struct ratio *v;
	int nv;

	if (min_group < NETWORK_MIN_GROUP)
		fatal("network_build: a group of %d is below the floor", min_group);
	org_of = xcalloc(n ? n : 1, sizeof(*org_of));
	norgs = group_by_organisation(s, n, p->language, org_of);
	*orgs = (int)norgs;
	if (norgs < (size_t)min_group) {
		free(org_of);
		return NULL;
	}

	/* each organisation's respondents combined, then scored as one */
	org = xcalloc(norgs, sizeof(*org));
	sc = xcalloc(norgs * p->nareas + 1, sizeof(*sc));
	/* the files of each organisation together: start[k] .. start[k + 1] */
	members = xcalloc(n ? n : 1, sizeof(*members));
	start = xcalloc(norgs + 1, sizeof(*start));
	for (i = 0; i < n; i++)
		start[org_of[i] + 1]++;
	for (k = 0; k < norgs; k++)
		start[k + 1] += start[k];
	fill = xcalloc(norgs, sizeof(*fill));
	for (i = 0; i < n; i++)
		members[start[org_of[i]] + fill[org_of[i]]++] = s[i];
	free(fill);
	for (k = 0; k < norgs; k++) {
		const struct session **mine = members + start[k];

		m = start[k + 1] - start[k];
		org[k] = merge_answers(p, mine, m);
		/* a question only said to be not applicable stays so */
		for (i = 0; i < p->nquestions; i++) {
			size_t j;
			if (session_answer(org[k], p->questions[i].id) != NULL)
				continue;
			for (j = 0; j < m; j++) {
				const struct answer *a = session_answer(mine[j],
				    p->questions[i].id);
				if (a != NULL && a->choice == ANSWER_NA) {
					session_set_answer(org[k], p->questions[i].id, ANSWER_NA);
					break;
				}
			}
		}
		score_areas(&sc[k * p->nareas], p, org[k]);
	}

	nw = xcalloc(1, sizeof(*nw));
	nw->pack_id = xstrdup(p->id);
	nw->version = p->version;
	nw->question_set = xstrdup(pack_questions_hash(p));
	nw->orgs = (int)norgs;
	nw->min_group = min_group;
	nw->nareas = p->nareas;
	nw->areas = xcalloc(p->nareas ? p->nareas : 1, sizeof(*nw->areas));
	nw->nquestions = p->nquestions;
	nw->questions = xcalloc(p->nquestions ? p->nquestions : 1, sizeof(*nw->questions));
	v = xcalloc(norgs, sizeof(*v));
	for (i = 0; i < p->nareas; i++) {
		nw->areas[i].id = xstrdup(p->areas[i].id);
		for (k = 0, nv = 0; k < norgs; k++)
			if (sc[k * p->nareas + i].answered > 0)
				v[nv++] = (struct ratio){ sc[k * p->nareas + i].sum,
				    sc[k * p->nareas + i].answered };
		stats_fill(&nw->areas[i].st, v, nv, max_choices(p), min_group);
	}
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		struct net_stats *st = &nw->questions[i].st;

		nw->questions[i].id = q->id;
		for (k = 0, nv = 0; k < norgs; k++) {
			const struct answer *a = session_answer(org[k], q->id);
			const struct choice *ch;
			if (a == NULL)
				continue;
			if (a->choice == ANSWER_NA)
				st->na++;
			else if ((ch = question_choice(q, a->choice)) != NULL)
				v[nv++] = (struct ratio){ ch->level, 1 };
		}
		stats_fill(st, v, nv, (int)q->nchoices, min_group);
	}
	free(v);
	for (k = 0; k < norgs; k++)
		session_free(org[k]);
	free(sc);
	free(org);
	free(members);
	free(start);
	free(org_of);
	return nw;
}

/* A level in hundredths as the profile writes it: "2.50". */
static void
put_level(struct buf *b, const char *indent, const char *key, int v)
{
	buf_printf(b, "%s%s: %d.%02d\n", indent, key, v / 100, v % 100);
}

static void
put_stats(struct buf *b, const struct net_stats *st, bool question)
{
	int l;

	buf_printf(b, "    organisations: %d\n", st->orgs);
	if (question)
		buf_printf(b, "    not_applicable: %d\n", st->na);
	if (!st->shown)
		return;
	put_level(b, "    ", "median", st->median);
	put_level(b, "    ", "lower_quartile", st->lower);
	put_level(b, "    ", "upper_quartile", st->upper);
	buf_adds(b, "    levels: [");
	for (l = 0; l < st->nlevels; l++)
		buf_printf(b, "%s%d", l ? ", " : "", st->levels[l]);
	buf_adds(b, "]\n");
}

char *
network_format(const struct network *nw)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "# A network profile of stok-assess: levels of many organisations, no single\n"
	    "# organisation's answers. Groups under min_group are counted, not described.\n");
	buf_printf(&b, "profile: 1\npack: %s\nversion: %d\nquestions: \"%s\"\n"
	    "organisations: %d\nmin_group: %d\nareas:\n",
	    nw->pack_id, nw->version, nw->question_set, nw->orgs, nw->min_group);
	for (i = 0; i < nw->nareas; i++) {
		buf_printf(&b, "  - area: %s\n", nw->areas[i].id);
		put_stats(&b, &nw->areas[i].st, false);
	}
	buf_adds(&b, "items:\n");
	for (i = 0; i < nw->nquestions; i++) {
		buf_printf(&b, "  - question: %d\n", nw->questions[i].id);
		put_stats(&b, &nw->questions[i].st, true);
	}
	return buf_detach(&b);
}

/* Reading. */

static const char *const top_keys[] = {
	"profile", "pack", "version", "questions", "organisations", "min_group", "areas",
	"items", NULL
};
static const char *const area_keys[] = {
	"area", "organisations", "median", "lower_quartile", "upper_quartile", "levels", NULL
};
static const char *const item_keys[] = {
	"question", "organisations", "not_applicable", "median", "lower_quartile",
	"upper_quartile", "levels", NULL
};

/* A count: 0 or a strict positive integer up to CONTENT_MAX_ID. */
static int
parse_count(const struct schema_ctx *c, const struct ynode *m, const char *key, int *out)
{
	const struct ynode *v = ytree_get(m, key);

	if (v != NULL && v->kind == YNODE_SCALAR && v->plain && strcmp(v->value, "0") == 0) {
		*out = 0;
		return 0;
	}
	return schema_id(c, m, key, "the profile", CONTENT_MAX_ID, out);
}

/* A level written D.DD, from 1.00 to CONTENT_MAX_CHOICES.00. */
static int
parse_level(const struct schema_ctx *c, const struct ynode *m, const char *key, int *out)
{
	const struct ynode *v = schema_require(c, m, key, "the profile");
	const char *s;

	if (v == NULL)
		return -1;
	s = v->value;
	if (v->kind == YNODE_SCALAR && v->plain && v->len == 4 && ascii_isdigit(s[0]) &&
	    s[1] == '.' && ascii_isdigit(s[2]) && ascii_isdigit(s[3])) {
		*out = (s[0] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		if (*out >= 100 && *out <= CONTENT_MAX_CHOICES * 100)
			return 0;
	}
	diag(DIAG_ERROR, c->file, v->line, v->col,
	    "'%s' must be a level from 1.00 to %d.00 written with two decimals and a point",
	    key, CONTENT_MAX_CHOICES);
	return -1;
}

static int
parse_stats(const struct schema_ctx *c, const struct ynode *m, const struct network *nw,
    struct net_stats *st, bool question)
{
	const struct ynode *lv;
	size_t i;
	int sum = 0;

	if (parse_count(c, m, "organisations", &st->orgs) < 0)
		return -1;
	if (question && parse_count(c, m, "not_applicable", &st->na) < 0)
		return -1;
	if (st->orgs + st->na > nw->orgs) {
		lv = ytree_get(m, "organisations");
		diag(DIAG_ERROR, c->file, lv->line, lv->col,
		    "more organisations here than the %d the profile describes", nw->orgs);
		return -1;
	}
	lv = ytree_get(m, "levels");
	if (st->orgs < nw->min_group) {
		/* a small group is counted, never described */
		if (lv != NULL || ytree_get(m, "median") != NULL) {
			const struct ynode *at = lv != NULL ? lv : ytree_get(m, "median");
			diag(DIAG_ERROR, c->file, at->line, at->col,
			    "a group of %d organisations is below min_group %d and must not be "
			    "described: remove its levels and quartiles", st->orgs, nw->min_group);
			return -1;
		}
		return 0;
	}
	st->shown = true;
	if (parse_level(c, m, "median", &st->median) < 0 ||
	    parse_level(c, m, "lower_quartile", &st->lower) < 0 ||
	    parse_level(c, m, "upper_quartile", &st->upper) < 0)
		return -1;
	if (st->lower > st->median || st->median > st->upper) {
		lv = ytree_get(m, "median");
		diag(DIAG_ERROR, c->file, lv->line, lv->col,
		    "the quartiles must not be out of order: lower <= median <= upper");
		return -1;
	}
	if ((lv = schema_require(c, m, "levels", "the profile")) == NULL ||
	    schema_sequence(c, lv, "levels") < 0)
		return -1;
	if (lv->n < 1 || lv->n > CONTENT_MAX_CHOICES) {
		diag(DIAG_ERROR, c->file, lv->line, lv->col,
		    "'levels' must list from 1 to %d counts, one per level", CONTENT_MAX_CHOICES);
		return -1;
	}
	st->nlevels = (int)lv->n;
	for (i = 0; i < lv->n; i++) {
		const struct ynode *x = lv->items[i];
		if (x->kind == YNODE_SCALAR && x->plain && strcmp(x->value, "0") == 0)
			st->levels[i] = 0;
		else if (schema_id_value(c, x, "levels", CONTENT_MAX_ID, &st->levels[i]) < 0)
			return -1;
		sum += st->levels[i];
	}
	if (sum != st->orgs) {
		diag(DIAG_ERROR, c->file, lv->line, lv->col,
		    "'levels' add up to %d, not to the %d organisations counted", sum, st->orgs);
		return -1;
	}
	return 0;
}

static int
parse_list(const struct schema_ctx *c, const struct ynode *root, struct network *nw,
    bool question)
{
	const char *key = question ? "items" : "areas";
	const struct ynode *list = schema_require(c, root, key, "the profile");
	size_t i, k;

	if (list == NULL || schema_sequence(c, list, key) < 0)
		return -1;
	if (question)
		nw->questions = xcalloc(list->n ? list->n : 1, sizeof(*nw->questions));
	else
		nw->areas = xcalloc(list->n ? list->n : 1, sizeof(*nw->areas));
	for (i = 0; i < list->n; i++) {
		const struct ynode *m = list->items[i];
		struct net_stats *st;

		if (schema_mapping(c, m, question ? "a question of the profile" :
		    "an area of the profile") < 0)
			return -1;
		schema_unknown_keys(c, m, "the profile", question ? item_keys : area_keys);
		if (question) {
			if (schema_id(c, m, "question", "the profile", CONTENT_MAX_ID,
			    &nw->questions[i].id) < 0)
				return -1;
			for (k = 0; k < i; k++)
				if (nw->questions[k].id == nw->questions[i].id)
					break;
			st = &nw->questions[nw->nquestions++].st;
		} else {
			if (schema_slug(c, m, "area", "the profile", &nw->areas[i].id) < 0)
				return -1;
			nw->nareas++;
			for (k = 0; k < i; k++)
				if (strcmp(nw->areas[k].id, nw->areas[i].id) == 0)
					break;
			st = &nw->areas[i].st;
		}
		if (k < i) {
			const struct ynode *v = ytree_get(m, question ? "question" : "area");
			diag(DIAG_ERROR, c->file, v->line, v->col,
			    "this %s is described twice: keep one", question ? "question" : "area");
			return -1;
		}
		if (parse_stats(c, m, nw, st, question) < 0)
			return -1;
	}
	return 0;
}

static void
cut_short(const char *path, const char *buf, size_t len)
{
	file_warn_cut_short(path, buf, len, "the profile", "make it again with stok-assess network");
}

struct network *
network_parse(const char *path, const char *buf, size_t len)
{
	static const char what[] = "the profile";
	struct schema_cursor cursor = { 1, 0 };
	struct schema_ctx c = { .file = path, .src = buf, .srclen = len, .cursor = &cursor };
	struct ynode *root = NULL;
	const struct ynode *v;
	struct network *nw = NULL;
	size_t off = 0;
	int profile;
	bool printable;

	if (content_check_bytes(path, buf, len, &printable) < 0)
		return NULL;
	if (len >= 3 && memcmp(buf, UTF8_BOM, 3) == 0)
		off = 3;	/* accepted at the start of every file of ours */
	if (ytree_parse(path, buf, len, printable, off, len - off, &root) < 0) {
		cut_short(path, buf, len);
		return NULL;
	}
	if (root == NULL) {
		diag(DIAG_ERROR, path, 1, 1, "the profile is empty: make one with stok-assess network");
		return NULL;
	}
	if (schema_mapping(&c, root, what) < 0)
		goto fail;
	if (ytree_get(root, "profile") == NULL && ytree_get(root, "answers") != NULL) {
		diag(DIAG_ERROR, path, root->line, root->col, "is an answers file, not a network's "
		    "profile: make a profile with stok-assess network ANSWERS...");
		goto fail;
	}
	schema_unknown_keys(&c, root, what, top_keys);
	if (schema_id(&c, root, "profile", what, CONTENT_MAX_ID, &profile) < 0)
		goto fail;
	if (profile != 1) {
		v = ytree_get(root, "profile");
		diag(DIAG_ERROR, path, v->line, v->col,
		    "profile format %d is newer than this stok-assess reads (1): upgrade it", profile);
		goto fail;
	}
	nw = xcalloc(1, sizeof(*nw));
	if (schema_slug(&c, root, "pack", what, &nw->pack_id) < 0 ||
	    schema_id(&c, root, "version", what, CONTENT_MAX_ID, &nw->version) < 0 ||
	    schema_text(&c, root, "questions", what, true, true, &nw->question_set) < 0 ||
	    schema_id(&c, root, "organisations", what, CONTENT_MAX_ID, &nw->orgs) < 0 ||
	    schema_id(&c, root, "min_group", what, CONTENT_MAX_ID, &nw->min_group) < 0)
		goto fail;
	if (nw->min_group < NETWORK_MIN_GROUP || nw->orgs < nw->min_group) {
		v = ytree_get(root, nw->min_group < NETWORK_MIN_GROUP ? "min_group" :
		    "organisations");
		diag(DIAG_ERROR, path, v->line, v->col,
		    "a profile describes at least %d organisations (min_group %d, at least %d)",
		    nw->min_group > NETWORK_MIN_GROUP ? nw->min_group : NETWORK_MIN_GROUP,
		    nw->min_group, NETWORK_MIN_GROUP);
		goto fail;
	}
	if (parse_list(&c, root, nw, false) < 0 || parse_list(&c, root, nw, true) < 0)
		goto fail;
	cut_short(path, buf, len);
	ytree_free(root);
	return nw;
fail:
	cut_short(path, buf, len);
	network_free(nw);
	ytree_free(root);
	return NULL;
}

struct network *
network_read(const char *path)
{
	struct network *nw;
	char *buf;
	size_t len;

	if (file_read(path, NETWORK_MAX_FILE, "a network profile", &buf, &len) < 0)
		return NULL;
	nw = network_parse(path, buf, len);
	free(buf);
	return nw;
}

int
network_check_pack(const struct network *nw, const struct pack *p, const char *path)
{
	if (strcmp(nw->pack_id, p->id) != 0 || nw->version != p->version) {
		diag(DIAG_ERROR, path, 0, 0,
		    "the profile describes pack '%s' version %d, these answers pack '%s' "
		    "version %d: compare with a profile of the same pack and version",
		    nw->pack_id, nw->version, p->id, p->version);
		return -1;
	}
	if (strcmp(nw->question_set, pack_questions_hash(p)) != 0) {
		diag(DIAG_ERROR, path, 0, 0,
		    "the profile was made from other questions than pack '%s' version %d has: "
		    "make it again from answers to this pack", p->id, p->version);
		return -1;
	}
	return 0;
}

const struct net_stats *
network_area(const struct network *nw, const char *area_id)
{
	size_t i;

	for (i = 0; i < nw->nareas; i++)
		if (strcmp(nw->areas[i].id, area_id) == 0)
			return &nw->areas[i].st;
	return NULL;
}

const struct net_stats *
network_question(const struct network *nw, int question_id)
{
	size_t i;

	for (i = 0; i < nw->nquestions; i++)
		if (nw->questions[i].id == question_id)
			return &nw->questions[i].st;
	return NULL;
}

/* SPDX-License-Identifier: MIT */
/*
 * cmd_merge.c: "stok-assess merge FILE..." (the group report of several
 * people of one organisation) and "stok-assess diff OLD NEW" (progress
 * between two assessments).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "packs.h"
#include "diag.h"
#include "text.h"
#include "merge.h"

struct out_options {
	const char	*output, *lang, *pack_id, *content;
	bool		 force;
	int		 format, width;
};

/* The options merge and diff share; returns optind, or -1 after a usage error. */
static int
parse_options(int argc, char **argv, const char *usage, bool csv, struct out_options *o)
{
	int ch;

	memset(o, 0, sizeof(*o));
	o->format = REPORT_TEXT;
	o->width = 78;
	while ((ch = cmd_getopt(argc, argv, "f:o:w:h", output_longopts)) != -1) {
		switch (ch) {
		case 'f':
			if (csv && strcmp(optarg, "csv") == 0)
				o->format = REPORT_CSV;
			else if ((o->format = report_format_parse(optarg)) < 0) {
				usage_error("unknown format '%s'", optarg);
				return -1;
			}
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'F':
			o->force = true;
			break;
		case 'w':
			if (!parse_id(optarg, strlen(optarg), REPORT_MAX_WIDTH, &o->width) ||
			    o->width < REPORT_MIN_WIDTH) {
				usage_error("--width takes a number from %d to %d",
				    REPORT_MIN_WIDTH, REPORT_MAX_WIDTH);
				return -1;
			}
			break;
		case 'l':
			o->lang = packs_lang_option(optarg);
			break;
		case 'p':
			o->pack_id = optarg;
			break;
		case 'c':
			o->content = optarg;
			break;
		case 'C':
			usage_error("--compare goes with report");
			return -1;
		case 'h':
			fputs(usage, stdout);
			exit(fflush(stdout) == 0 ? 0 : 1);
		default:
			usage_error(NULL);
			return -1;
		}
	}
	return optind;
}

/*
 * Warn when file i names another organisation than file ref, whose name's
 * key is ref_key (names compared as network compares them, text_name_key);
 * why says what the report is of. A file naming none is not compared.
 */
static void
organisation_check(const struct answers_set *set, size_t ref, const char *ref_key, size_t i,
    const char *why)
{
	const struct session *r = set->sessions[ref], *s = set->sessions[i];
	char *b;

	if (ref_key == NULL || s->organisation == NULL)
		return;
	if (r->organisation == s->organisation || strcmp(r->organisation, s->organisation) == 0)
		return;	/* the same name: no need of a key */
	b = text_name_key(s->organisation, set->pack->language);
	if (strcmp(ref_key, b) != 0)
		diag(DIAG_WARNING, set->r[i].path, s->organisation_line, s->organisation_col,
		    "names another organisation (%s) "
		    "than %s (%s): %s; check that these are the files you meant",
		    s->organisation, set->r[ref].path, r->organisation, why);
	free(b);
}

/* The key organisation_check compares of file i's organisation, or NULL for none. */
static char *
organisation_key(const struct answers_set *set, size_t i)
{
	const char *name = i < set->n ? set->sessions[i]->organisation : NULL;

	return name != NULL ? text_name_key(name, set->pack->language) : NULL;
}

/* A string into a sum, told apart from NULL and from the string after it. */
static uint64_t
sum_text(uint64_t h, const char *s)
{
	return s == NULL ? fnv1a64(h, "\1", 1) : fnv1a64(fnv1a64(h, "\2", 1), s, strlen(s) + 1);
}

#define SUM(h, v)	fnv1a64((h), &(v), sizeof(v))

/*
 * An item's hash mixed through every bit (splitmix64's finaliser) before
 * it is added to the others: FNV-1a of a few small numbers is nearly
 * linear in them, and added up the items of two files that differ
 * cancelled out (every answer 1 against every answer 4, on two questions
 * already), so that a real respondent was called a copy.
 */
static uint64_t
mix64(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
	return x ^ (x >> 31);
}

/*
 * A sum of everything an answers file holds, in whatever order its answers
 * and priorities are written: each of them summed alone, mixed, and the
 * sums added. Files whose sums are equal are then compared whole
 * (sessions_same): a sum only says which to compare.
 */
static uint64_t
session_sum(const struct session *s, bool with_organisation)
{
	uint64_t h = SUM(sum_text(sum_text(sum_text(FNV1A64_INIT, s->pack_id), s->questions),
	    s->language), s->pack_version), all = 0, one;
	size_t i;

	h = sum_text(sum_text(sum_text(h, with_organisation ? s->organisation : NULL), s->role),
	    s->date);
	for (i = 0; i < s->nanswers; i++) {
		const struct answer *a = &s->answers[i];

		one = sum_text(SUM(SUM(FNV1A64_INIT, a->question_id), a->choice), a->note);
		one = fnv1a64(SUM(one, a->nvotes), a->votes, (size_t)a->nvotes * sizeof(a->votes[0]));
		all += mix64(SUM(SUM(one, a->changed), a->followup));
	}
	h = SUM(h, all);
	for (i = 0, all = 0; i < s->npriorities; i++)
		all += mix64(SUM(sum_text(FNV1A64_INIT, s->priorities[i].area_id),
		    s->priorities[i].priority));
	return SUM(SUM(SUM(h, all), s->nanswers), s->npriorities);
}

static bool
same_text(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Whether a and b hold the same as session_sum sums, in whatever order. */
static bool
sessions_same(const struct session *a, const struct session *b, bool with_organisation)
{
	size_t i;

	if (!same_text(a->pack_id, b->pack_id) || !same_text(a->questions, b->questions) ||
	    !same_text(a->language, b->language) || a->pack_version != b->pack_version ||
	    (with_organisation && !same_text(a->organisation, b->organisation)) ||
	    !same_text(a->role, b->role) || !same_text(a->date, b->date) ||
	    a->nanswers != b->nanswers || a->npriorities != b->npriorities)
		return false;
	for (i = 0; i < a->nanswers; i++) {	/* a file answers a question once */
		const struct answer *x = &a->answers[i];
		const struct answer *y = session_answer(b, x->question_id);

		if (y == NULL || x->choice != y->choice || !same_text(x->note, y->note) ||
		    x->nvotes != y->nvotes || x->changed != y->changed ||
		    x->followup != y->followup ||
		    memcmp(x->votes, y->votes, (size_t)x->nvotes * sizeof(x->votes[0])) != 0)
			return false;
	}
	for (i = 0; i < a->npriorities; i++)
		if (session_priority(b, a->priorities[i].area_id) != a->priorities[i].priority)
			return false;
	return true;
}

struct same {
	uint64_t	 hash;	/* of the file's answers as saved */
	size_t		 index;
};

static int
same_cmp(const void *a, const void *b)
{
	const struct same *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

struct summing {
	const struct answers_set	*set;
	struct same			*v;
	bool				 network;
};

static void
sum_one(void *arg, size_t i)
{
	struct summing *s = arg;

	s->v[i] = (struct same){ session_sum(s->set->sessions[i], !s->network), i };
}

void
answers_warn_copies(const struct answers_set *set, bool network)
{
	struct same *v = xcalloc(set->n ? set->n : 1, sizeof(*v));
	size_t *first = xcalloc(set->n ? set->n : 1, sizeof(*first)), i, j, k;
	struct summing sums = { set, v, network };

	parallel_for(set->n, set->n / ANSWERS_PER_THREAD, sum_one, &sums);
	for (i = 0; i < set->n; i++) {
		if (set->sessions[i]->nanswers == 0)
			diag(DIAG_WARNING, set->r[i].path, 0, 0, "holds no answer, and counts as %s "
			    "answered nothing: leave it out if that is not so",
			    network ? "an organisation that" : "a respondent who");
	}
	qsort(v, set->n, sizeof(*v), same_cmp);
	for (i = 0; i < set->n; i++)
		first[i] = i;
	/*
	 * In each run of equal sums (in the order given), a file is a copy of
	 * the first before it that holds the same, compared whole.
	 */
	for (i = 1, k = 0; i < set->n; i++) {
		if (v[i].hash != v[k].hash) {
			k = i;
			continue;
		}
		for (j = k; j < i; j++)
			if (first[v[j].index] == v[j].index &&
			    sessions_same(set->sessions[v[j].index], set->sessions[v[i].index],
			    !network)) {
				first[v[i].index] = v[j].index;
				break;
			}
	}
	for (i = 0; i < set->n; i++)	/* said in the order given */
		if (first[i] != i)
			diag(DIAG_WARNING, set->r[i].path, 0, 0, "holds the same answers, notes, "
			    "role and date as %s%s, and counts %s: leave it out if it is a copy",
			    set->r[first[i]].path, network ? ", whatever organisation it names" : "",
			    network ? "again" : "as another respondent");
	free(v);
	free(first);
}

/*
 * A group report is of the people of one organisation: say so of each
 * file naming another one than the first file that names one; and of
 * copies and empty files (answers_warn_copies). The report is still
 * written (network is the command for many organisations).
 */
static void
merge_check(const struct answers_set *set)
{
	size_t ref, i;
	char *key;

	for (ref = 0; ref < set->n && set->sessions[ref]->organisation == NULL; ref++)
		continue;
	key = organisation_key(set, ref);
	for (i = ref + 1; i < set->n; i++)
		organisation_check(set, ref, key, i,
		    "a group report is of the people of one organisation");
	free(key);
	answers_warn_copies(set, false);
}

int
cmd_merge(int argc, char **argv)
{
	struct out_options o;
	struct answers_set set;
	struct buf out;
	int first, status;

	first = parse_options(argc, argv, "usage: stok-assess merge ANSWERS ... [--format "
	    "text|plain|markdown|html|json|csv] [-o FILE]\n"
	    "                         [--force] [--width N] [--lang L] [--pack ID] [--content DIR]\n", true, &o);
	if (first < 0)
		return 2;
	if (first >= argc)
		return usage_error("merge takes one or more answers files");
	if ((status = answers_load(&set, argv + first, (size_t)(argc - first), o.content,
	    o.pack_id, o.lang, false)) != 0) {
		answers_free(&set);
		return status;
	}
	if ((status = lang_check(set.pack, o.content, o.lang)) != 0) {
		answers_free(&set);
		return status;
	}
	merge_check(&set);
	buf_init(&out);
	merge_write(&out, set.pack, set.r, set.n, o.format, o.width);
	status = output_write(o.output, o.force, &out);
	buf_free(&out);
	answers_free(&set);
	return status;
}

/*
 * A progress report compares two assessments of one organisation, the
 * older first: say so when the files name two organisations, or when the
 * second is dated before the first. The report is still written.
 */
static void
diff_check(const struct answers_set *set)
{
	const struct session *o = set->sessions[0], *n = set->sessions[1];
	char *key = organisation_key(set, 0);

	organisation_check(set, 0, key, 1,
	    "a progress report compares two assessments of one organisation");
	free(key);
	if (o->date != NULL && n->date != NULL && strcmp(n->date, o->date) < 0)
		diag(DIAG_WARNING, set->r[1].path, 0, 0, "is dated %s, before %s (%s): give the "
		    "older assessment first", n->date, set->r[0].path, o->date);
}

int
cmd_diff(int argc, char **argv)
{
	struct out_options o;
	struct answers_set set;
	struct buf out;
	int first, status;

	first = parse_options(argc, argv, "usage: stok-assess diff OLD NEW [--format "
	    "text|plain|markdown|html|json] [-o FILE]\n"
	    "                        [--force] [--width N] [--lang L] [--pack ID] [--content DIR]\n", false, &o);
	if (first < 0)
		return 2;
	if (argc - first != 2)
		return usage_error("diff takes two answers files: the older, then the newer");
	if ((status = answers_load(&set, argv + first, 2, o.content, o.pack_id, o.lang,
	    false)) != 0) {
		answers_free(&set);
		return status;
	}
	if ((status = lang_check(set.pack, o.content, o.lang)) != 0) {
		answers_free(&set);
		return status;
	}
	diff_check(&set);
	buf_init(&out);
	diff_write(&out, set.pack, &set.r[0], &set.r[1], o.format, o.width);
	status = output_write(o.output, o.force, &out);
	buf_free(&out);
	answers_free(&set);
	return status;
}

/* SPDX-License-Identifier: MIT */
/*
 * session.c: the answers file. Reading goes through the strict YAML reader
 * and the schema checks, as the pack's files do, and stops at the first
 * error; answers that no longer fit the pack are warned about and dropped,
 * so that a file outlives a change to its pack. Writing prints every
 * string double-quoted with its control characters escaped, so that the
 * file is plain text and reads back to the same session.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "diag.h"
#include "fileio.h"
#include "schema.h"
#include "session.h"
#include "text.h"
#include "util.h"

const char *const session_roles[] = {
	"board", "manager", "staff", "volunteer", "member", NULL
};

static const char *const top_keys[] = {
	"pack", "version", "questions", "language", "organisation", "role", "date",
	"answers", "priorities", NULL
};
static const char *const answer_keys[] = {
	"question", "choice", "note", "votes", "changed", "followup", NULL
};
enum { K_QUESTION, K_CHOICE, K_NOTE, K_VOTES, K_CHANGED, K_FOLLOWUP };	/* answer_keys' */
static const char *const priority_keys[] = {
	"area", "priority", NULL
};

static const char *const priority_names[] = {
	[PRIORITY_NONE] = NULL,
	[PRIORITY_LOW] = "low",
	[PRIORITY_MEDIUM] = "medium",
	[PRIORITY_HIGH] = "high",
};

static const char header_comment[] =
    "# stok-assess answers: ids only; labels come from the pack.\n";

struct session *
session_new(const struct pack *p)
{
	struct session *s = xcalloc(1, sizeof(*s));

	s->pack_id = xstrdup(p->id);
	s->pack_version = p->version;
	s->questions = xstrdup(pack_questions_hash(p));
	s->language = xstrdup(p->language);
	return s;
}

void
session_free(struct session *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nanswers; i++)
		free(s->answers[i].note);
	free(s->answers);
	free(s->ids);
	for (i = 0; i < s->npriorities; i++)
		free(s->priorities[i].area_id);
	free(s->priorities);
	free(s->pack_id);
	free(s->questions);
	free(s->language);
	free(s->organisation);
	free(s->role);
	free(s->date);
	free(s);
}

/* Reading. */

struct keyed {
	const struct ynode	*key;
	size_t			 index;
};

/* Shorter first, then byte by byte: for ids, the order of their numbers. */
static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed *ka = a, *kb = b;
	int c;

	if (ka->key->len != kb->key->len)
		return ka->key->len < kb->key->len ? -1 : 1;
	if ((c = memcmp(ka->key->value, kb->key->value, ka->key->len)) != 0)
		return c;
	return ka->index < kb->index ? -1 : ka->index > kb->index;
}

/*
 * For each item of list, the line of the first earlier item whose value
 * under key has the same text, or 0. One sort, so that a long list costs
 * n log n comparisons, never n squared; ids compare as text because
 * parse_id admits one spelling of each number only. A list already in
 * order, as the tool writes answers (by question), is seen so in one pass
 * and not sorted: the sort was a tenth of reading a file.
 */
static int *
find_repeats(const struct ynode *list, const char *key)
{
	struct keyed *k = xreallocarray(NULL, list->n, sizeof(*k));
	int *first = xcalloc(list->n, sizeof(*first));
	const struct ynode *v;
	size_t i, n = 0, run = 0;

	for (i = 0; i < list->n; i++) {
		v = ytree_get(list->items[i], key);
		if (v != NULL && v->kind == YNODE_SCALAR)
			k[n++] = (struct keyed){ v, i };
	}
	for (i = 1; i < n && keyed_cmp(&k[i - 1], &k[i]) < 0; i++)
		continue;
	if (i < n)
		qsort(k, n, sizeof(*k), keyed_cmp);
	for (i = 1; i < n; i++) {
		if (k[i].key->len == k[run].key->len &&
		    memcmp(k[i].key->value, k[run].key->value, k[i].key->len) == 0)
			first[k[i].index] = k[run].key->line;
		else
			run = i;
	}
	free(k);
	return first;
}

/* An optional list: absent, null or empty is none (0), a list 1, else an error. */
static int
optional_list(const struct schema_ctx *c, const struct ynode *v, const char *key)
{
	if (v == NULL || ytree_is_null(v) || (v->kind == YNODE_SEQUENCE && v->n == 0))
		return 0;
	return schema_sequence(c, v, key) < 0 ? -1 : 1;
}

static bool
leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY-MM-DD, a day that exists in the Gregorian calendar. */
static bool
valid_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i, y, m, d;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !ascii_isdigit((unsigned char)s[i]))
			return false;
	if (s[10] != '\0')
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12)
		return false;
	return d >= 1 && d <= mdays[m - 1] + (m == 2 && leap_year(y));
}

static int
parse_header(const struct schema_ctx *c, const struct ynode *root, const struct pack *pack,
    struct session *s)
{
	static const char what[] = "the answers file";
	const struct ynode *v;

	if (schema_slug(c, root, "pack", what, &s->pack_id) < 0)
		return -1;
	if (pack != NULL && strcmp(s->pack_id, pack->id) != 0) {
		v = ytree_get(root, "pack");
		diag(DIAG_ERROR, c->file, v->line, v->col, "answers are for pack '%s', not '%s': "
		    "give answers of one pack, or choose the pack with --pack", s->pack_id, pack->id);
		return -1;
	}
	if (schema_id(c, root, "version", what, CONTENT_MAX_ID, &s->pack_version) < 0)
		return -1;
	if (pack != NULL && s->pack_version != pack->version) {
		v = ytree_get(root, "version");
		diag(DIAG_WARNING, c->file, v->line, v->col,
		    "answers are for version %d of pack '%s', not version %d: "
		    "check them against the changed questions",
		    s->pack_version, pack->id, pack->version);
	}
	if (schema_text(c, root, "questions", what, false, true, &s->questions) < 0)
		return -1;
	if (pack != NULL && s->questions != NULL &&
	    strcmp(s->questions, pack_questions_hash(pack)) != 0 &&
	    s->pack_version == pack->version) {
		v = ytree_get(root, "questions");
		diag(DIAG_WARNING, c->file, v->line, v->col,
		    "answers were given to other questions than pack '%s' version %d has: "
		    "check the changed questions", pack->id, pack->version);
	}
	if (schema_language(c, root, what, &s->language) < 0 ||
	    schema_text(c, root, "organisation", what, false, true, &s->organisation) < 0 ||
	    schema_text(c, root, "role", what, false, true, &s->role) < 0 ||
	    schema_text(c, root, "date", what, false, true, &s->date) < 0)
		return -1;
	if (s->organisation != NULL) {	/* for a warning that another file names another */
		v = ytree_get(root, "organisation");
		s->organisation_line = v->line;
		s->organisation_col = v->col;
	}
	if (s->date != NULL && !valid_date(s->date)) {
		v = ytree_get(root, "date");
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'date' must be a day written YYYY-MM-DD, such as 2026-11-23, not '%s'",
		    s->date);
		return -1;
	}
	return 0;
}

/* A choice id, or the plain word na. */
static int
parse_choice(const struct schema_ctx *c, const struct ynode *v, int *out)
{
	if (v->kind == YNODE_SCALAR && v->plain && strcmp(v->value, "na") == 0) {
		*out = ANSWER_NA;
		return 0;
	}
	if (v->kind == YNODE_SCALAR && v->plain &&
	    parse_id(v->value, v->len, CONTENT_MAX_ID, out))
		return 0;
	if (v->kind == YNODE_SCALAR)
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'choice' must be a whole number from 1 to %d or the word na, not '%s'%s",
		    CONTENT_MAX_ID, v->value, schema_id_hint(v, CONTENT_MAX_ID));
	else
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'choice' must be a whole number from 1 to %d or the word na, not %s",
		    CONTENT_MAX_ID, v->kind == YNODE_SEQUENCE ? "a list" : "a mapping");
	return -1;
}

/* An optional flag, the value v of key: absent (NULL), or the plain word true or false. */
static int
parse_flag(const struct schema_ctx *c, const struct ynode *v, const char *key, bool *out)
{
	*out = false;
	if (v == NULL)
		return 0;
	if (v->kind == YNODE_SCALAR && v->plain &&
	    (strcmp(v->value, "true") == 0 || strcmp(v->value, "false") == 0)) {
		*out = v->value[0] == 't';
		return 0;
	}
	diag(DIAG_ERROR, c->file, v->line, v->col, "'%s' must be true or false", key);
	return -1;
}

/* Workshop votes: a list of at most VOTES_MAX counts from 0 to VOTES_MAX_COUNT. */
static int
parse_votes(const struct schema_ctx *c, const struct ynode *v, struct answer *a)
{
	size_t i, k;
	long n;

	if (v == NULL)
		return 0;
	if (v->kind != YNODE_SEQUENCE || v->n == 0 || v->n > VOTES_MAX) {
		diag(DIAG_ERROR, c->file, v->line, v->col,
		    "'votes' must be a list of 1 to %d counts, one per option", VOTES_MAX);
		return -1;
	}
	for (i = 0; i < v->n; i++) {
		const struct ynode *e = v->items[i];
		bool ok = e->kind == YNODE_SCALAR && e->plain && e->len > 0 && e->len <= 6 &&
		    (e->len == 1 || e->value[0] != '0');

		for (k = 0, n = 0; ok && k < e->len; k++) {
			ok = ascii_isdigit((unsigned char)e->value[k]);
			n = n * 10 + (e->value[k] - '0');
		}
		if (!ok || n > VOTES_MAX_COUNT) {
			diag(DIAG_ERROR, c->file, e->line, e->col,
			    "a vote count must be a whole number from 0 to %d", VOTES_MAX_COUNT);
			return -1;
		}
		a->votes[i] = (int)n;
	}
	a->nvotes = (int)v->n;
	return 0;
}

/*
 * One answer into *a: -1 after an error, 0 to keep it, 1 when it does not
 * fit the pack and is dropped (with a warning). repeat is the line of an
 * earlier answer to the same question, or 0.
 */
static int
parse_answer(const struct schema_ctx *c, const struct ynode *n, int repeat,
    const struct pack *pack, struct answer *a)
{
	static const char what[] = "an answer";
	const struct ynode *v[NELEM(answer_keys)], *qv, *cv;
	const struct question *q;

	if (schema_mapping(c, n, what) < 0)
		return -1;
	/* the keys read once, for the warnings and the values: an answers file has hundreds */
	schema_keys(c, n, what, answer_keys, v);
	if ((qv = v[K_QUESTION]) == NULL)
		return schema_id(c, n, "question", what, CONTENT_MAX_ID, &a->question_id);
	if (schema_id_value(c, qv, "question", CONTENT_MAX_ID, &a->question_id) < 0)
		return -1;
	if (repeat != 0) {
		diag(DIAG_ERROR, c->file, qv->line, qv->col,
		    "question %d is answered twice (first at line %d): keep one of the answers",
		    a->question_id, repeat);
		return -1;
	}
	a->choice = ANSWER_NONE;
	cv = v[K_CHOICE];
	if (cv != NULL && parse_choice(c, cv, &a->choice) < 0)
		return -1;
	if (schema_text_value(c, n, v[K_NOTE], "note", what, false, false, &a->note) < 0 ||
	    parse_votes(c, v[K_VOTES], a) < 0 ||
	    parse_flag(c, v[K_CHANGED], "changed", &a->changed) < 0 ||
	    parse_flag(c, v[K_FOLLOWUP], "followup", &a->followup) < 0)
		return -1;
	if (cv == NULL && a->note == NULL) {
		diag(DIAG_ERROR, c->file, n->line, n->col,
		    "%s has no 'choice': add it (a choice number, or na)", what);
		return -1;
	}
	if (pack == NULL)
		return 0;
	if ((q = pack_question(pack, a->question_id)) == NULL) {
		diag(DIAG_WARNING, c->file, qv->line, qv->col,
		    "question %d is not in pack '%s': its answer is ignored",
		    a->question_id, pack->id);
		return 1;
	}
	if (a->choice > 0 && question_choice(q, a->choice) == NULL) {
		diag(DIAG_WARNING, c->file, cv->line, cv->col,
		    "question %d has no choice %d: the answer is ignored", q->id, a->choice);
		return 1;
	}
	return 0;
}

static int
parse_answers(const struct schema_ctx *c, const struct ynode *root, const struct pack *pack,
    struct session *s)
{
	const struct ynode *list = ytree_get(root, "answers");
	struct answer a;
	int *repeat, rc;
	size_t i;

	if ((rc = optional_list(c, list, "answers")) <= 0)
		return rc;
	repeat = find_repeats(list, "question");
	s->answers = xcalloc(list->n, sizeof(*s->answers));
	s->ids = xcalloc(list->n, sizeof(*s->ids));
	for (i = 0; i < list->n; i++) {
		memset(&a, 0, sizeof(a));
		rc = parse_answer(c, list->items[i], repeat[i], pack, &a);
		if (rc == 0) {
			s->ids[s->nanswers] = a.question_id;
			s->answers[s->nanswers++] = a;
			continue;
		}
		free(a.note);
		if (rc < 0)
			break;
	}
	free(repeat);
	return rc < 0 ? -1 : 0;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * One priority into *p, returning as parse_answer does. areas is the
 * pack's area ids, sorted (NULL without a pack).
 */
static int
parse_priority(const struct schema_ctx *c, const struct ynode *n, int repeat,
    const struct pack *pack, const char **areas, struct area_priority *p)
{
	static const char what[] = "a priority";
	const struct ynode *av, *pv;
	size_t i;

	if (schema_mapping(c, n, what) < 0)
		return -1;
	schema_unknown_keys(c, n, what, priority_keys);
	if (schema_slug(c, n, "area", what, &p->area_id) < 0)
		return -1;
	av = ytree_get(n, "area");
	if (repeat != 0) {
		diag(DIAG_ERROR, c->file, av->line, av->col,
		    "area '%s' has a priority twice (first at line %d): keep one of them",
		    p->area_id, repeat);
		return -1;
	}
	if ((pv = schema_require(c, n, "priority", what)) == NULL)
		return -1;
	for (i = PRIORITY_LOW; i < NELEM(priority_names); i++)
		if (pv->kind == YNODE_SCALAR && pv->len == strlen(priority_names[i]) &&
		    strcmp(pv->value, priority_names[i]) == 0)
			break;
	if (i == NELEM(priority_names)) {
		diag(DIAG_ERROR, c->file, pv->line, pv->col,
		    "'priority' must be high, medium or low, not '%s'",
		    pv->kind == YNODE_SCALAR ? pv->value : "a list or a mapping");
		return -1;
	}
	p->priority = (enum priority)i;
	if (pack != NULL &&
	    bsearch(&p->area_id, areas, pack->nareas, sizeof(*areas), str_cmp) == NULL) {
		diag(DIAG_WARNING, c->file, av->line, av->col,
		    "area '%s' is not in pack '%s': its priority is ignored",
		    p->area_id, pack->id);
		return 1;
	}
	return 0;
}

static int
parse_priorities(const struct schema_ctx *c, const struct ynode *root,
    const struct pack *pack, struct session *s)
{
	const struct ynode *list = ytree_get(root, "priorities");
	struct area_priority p;
	const char **areas = NULL;
	int *repeat, rc;
	size_t i;

	if ((rc = optional_list(c, list, "priorities")) <= 0)
		return rc;
	if (pack != NULL) {
		/* sorted once: a long list against many areas stays n log n */
		areas = xreallocarray(NULL, pack->nareas, sizeof(*areas));
		for (i = 0; i < pack->nareas; i++)
			areas[i] = pack->areas[i].id;
		qsort(areas, pack->nareas, sizeof(*areas), str_cmp);
	}
	repeat = find_repeats(list, "area");
	s->priorities = xcalloc(list->n, sizeof(*s->priorities));
	for (i = 0; i < list->n; i++) {
		memset(&p, 0, sizeof(p));
		rc = parse_priority(c, list->items[i], repeat[i], pack, areas, &p);
		if (rc == 0) {
			s->priorities[s->npriorities++] = p;
			continue;
		}
		free(p.area_id);
		if (rc < 0)
			break;
	}
	free(repeat);
	free(areas);
	return rc < 0 ? -1 : 0;
}

/*
 * Saved files always end with a line break (session_write), so one without
 * is most likely a copy or an upload cut short, whose last answers are
 * lost, and which would otherwise count as complete. Said after the
 * file's other problems, which come before its end.
 */
static void
cut_short(const char *path, const char *buf, size_t len)
{
	file_warn_cut_short(path, buf, len, "the answers file", "answer again");
}

struct session *
session_parse(const char *path, const char *buf, size_t len, const struct pack *pack)
{
	struct schema_cursor cursor = { 1, 0 };
	struct schema_ctx c = { .file = path, .src = buf, .srclen = len, .cursor = &cursor };
	struct ynode *root = NULL;
	struct session *s = NULL;
	size_t off = 0;
	bool printable;

	if (content_check_bytes(path, buf, len, &printable) < 0)
		return NULL;
	if (len >= 3 && memcmp(buf, UTF8_BOM, 3) == 0)
		off = 3;
	if (ytree_parse(path, buf, len, printable, off, len - off, &root) < 0) {
		cut_short(path, buf, len);
		return NULL;
	}
	if (root == NULL) {
		diag(DIAG_ERROR, path, 1, 1,
		    "the answers file is empty: it needs at least pack, version and language");
		return NULL;
	}
	if (schema_mapping(&c, root, "the answers file") < 0)
		goto out;
	schema_unknown_keys(&c, root, "the answers file", top_keys);
	s = xcalloc(1, sizeof(*s));
	if (parse_header(&c, root, pack, s) < 0 || parse_answers(&c, root, pack, s) < 0 ||
	    parse_priorities(&c, root, pack, s) < 0) {
		session_free(s);
		s = NULL;
	}
out:
	cut_short(path, buf, len);
	ytree_free(root);
	return s;
}

struct session *
session_read(const char *path, const struct pack *pack)
{
	struct session *s;
	char *buf;
	size_t len;

	if (file_read(path, SESSION_MAX_FILE, "an answers file", &buf, &len) < 0)
		return NULL;
	s = session_parse(path, buf, len, pack);
	free(buf);
	return s;
}

/* Writing. */

/*
 * Code points written as \uXXXX: those a terminal must not see, and those
 * libyaml would not read back as themselves in a double-quoted scalar (it
 * folds the line and paragraph separators with the spaces around them and
 * refuses U+FFFE and U+FFFF); U+FEFF because it is invisible.
 */
static bool
needs_escape(int32_t cp)
{
	return text_is_unsafe(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
	    cp == 0xFFFE || cp == 0xFFFF;
}

/* Append s as a double-quoted YAML scalar; an invalid byte becomes U+FFFD. */
static void
put_quoted(struct buf *b, const char *s)
{
	size_t i = 0, k, n = strlen(s);
	int32_t cp;

	buf_addc(b, '"');
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == '"' || cp == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)cp);
		} else if (cp == '\n') {
			buf_adds(b, "\\n");
		} else if (cp < 0) {
			buf_adds(b, "\\uFFFD");
		} else if (needs_escape(cp)) {
			/* \U for the invisible code points above U+FFFF (tags, say) */
			buf_printf(b, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", (unsigned)cp);
		} else {
			buf_add(b, s + i, k);
		}
		i += k;
	}
	buf_addc(b, '"');
}

/* "key: value" for a string that is there, nothing otherwise. */
static void
put_field(struct buf *b, const char *indent, const char *key, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_printf(b, "%s%s: ", indent, key);
	put_quoted(b, value);
	buf_addc(b, '\n');
}

char *
session_format(const struct session *s)
{
	const struct answer *a;
	const struct area_priority *p;
	struct buf b;
	size_t i;
	bool first;

	buf_init(&b);
	buf_adds(&b, header_comment);
	put_field(&b, "", "pack", s->pack_id);
	buf_printf(&b, "version: %d\n", s->pack_version);
	put_field(&b, "", "questions", s->questions);
	put_field(&b, "", "language", s->language);
	put_field(&b, "", "organisation", s->organisation);
	put_field(&b, "", "role", s->role);
	put_field(&b, "", "date", s->date);
	if (s->nanswers > 0)
		buf_adds(&b, "answers:\n");
	for (i = 0; i < s->nanswers; i++) {
		a = &s->answers[i];
		buf_printf(&b, "  - question: %d\n", a->question_id);
		if (a->choice == ANSWER_NA)
			buf_adds(&b, "    choice: na\n");
		else if (a->choice > 0)
			buf_printf(&b, "    choice: %d\n", a->choice);
		else if (a->choice != ANSWER_NONE)
			fatal("session_format: question %d has choice %d", a->question_id,
			    a->choice);
		put_field(&b, "    ", "note", a->note);
		if (a->nvotes > 0) {
			int k;
			buf_adds(&b, "    votes: [");
			for (k = 0; k < a->nvotes; k++)
				buf_printf(&b, "%s%d", k ? ", " : "", a->votes[k]);
			buf_adds(&b, "]\n");
		}
		if (a->changed)
			buf_adds(&b, "    changed: true\n");
		if (a->followup)
			buf_adds(&b, "    followup: true\n");
	}
	for (i = 0, first = true; i < s->npriorities; i++) {
		p = &s->priorities[i];
		if (p->priority == PRIORITY_NONE)
			continue;
		if ((size_t)p->priority >= NELEM(priority_names))
			fatal("session_format: area '%s' has priority %d", p->area_id,
			    (int)p->priority);
		if (first)
			buf_adds(&b, "priorities:\n");
		first = false;
		buf_adds(&b, "  - area: ");
		put_quoted(&b, p->area_id);
		buf_printf(&b, "\n    priority: %s\n", priority_names[p->priority]);
	}
	return buf_detach(&b);
}

int
session_write_text(const char *text, const char *path, bool overwrite)
{
	size_t len = strlen(text);

	if (len > SESSION_MAX_FILE) {
		errno = EFBIG;
		return -1;
	}
	return overwrite ? file_write_kept(path, text, len) : file_write_atomic(path, text, len, false);
}

int
session_write(const struct session *s, const char *path, bool overwrite)
{
	char *text = session_format(s);
	int rc = session_write_text(text, path, overwrite), saved = errno;

	free(text);
	errno = saved;
	return rc;
}

/* Lookups and changes: linear in the number of answers, which is small. */

/*
 * Every interface, report and merge asks for the questions in the pack's
 * order (some twice in a row), and answers are nearly always saved in
 * that order: the search starts at the answer found last, so that a walk
 * costs a look or two each instead of a scan. The start is only a hint (a session is never shared
 * between threads); any order of answers still gives the same result.
 * The ids are read from their own array, four bytes an answer, not from the
 * answers themselves (a cache line each): a question left unanswered is a
 * scan of them all, and a group report asks of thousands of sessions in
 * turn, so that the answers' lines are never in the cache.
 */
static struct answer *
find_answer(const struct session *s, int question_id)
{
	size_t i, k, n = s->nanswers;

	k = s->next < n ? s->next : 0;
	for (i = 0; i < n; i++, k++) {
		if (k == n)
			k = 0;
		if (s->ids[k] == question_id) {
			((struct session *)s)->next = k;
			return &s->answers[k];
		}
	}
	return NULL;
}

/* A new answer, last. */
static struct answer *
add_answer(struct session *s, int question_id)
{
	struct answer *a;

	s->answers = xreallocarray(s->answers, s->nanswers + 1, sizeof(*s->answers));
	s->ids = xreallocarray(s->ids, s->nanswers + 1, sizeof(*s->ids));
	s->ids[s->nanswers] = question_id;
	a = &s->answers[s->nanswers++];
	memset(a, 0, sizeof(*a));
	a->question_id = question_id;
	a->choice = ANSWER_NONE;
	return a;
}

/* Remove an answer, keeping the order of the others. */
static void
remove_answer(struct session *s, struct answer *a)
{
	size_t i = (size_t)(a - s->answers);

	free(a->note);
	memmove(a, a + 1, (s->nanswers - i - 1) * sizeof(*a));
	memmove(&s->ids[i], &s->ids[i + 1], (s->nanswers - i - 1) * sizeof(*s->ids));
	s->nanswers--;
}

static void
check_question_id(const char *fn, int question_id)
{
	if (question_id < 1 || question_id > CONTENT_MAX_ID)
		fatal("%s: question id %d is out of range", fn, question_id);
}

bool
session_other_version(const struct session *s, const struct pack *p)
{
	return s->pack_version != p->version ||
	    (s->questions != NULL && strcmp(s->questions, pack_questions_hash(p)) != 0);
}

const struct answer *
session_answer(const struct session *s, int question_id)
{
	return find_answer(s, question_id);
}

void
session_set_answer(struct session *s, int question_id, int choice)
{
	struct answer *a;

	check_question_id("session_set_answer", question_id);
	if (choice != ANSWER_NA && choice != ANSWER_NONE &&
	    (choice < 1 || choice > CONTENT_MAX_ID))
		fatal("session_set_answer: choice %d is out of range", choice);
	a = find_answer(s, question_id);
	if (choice == ANSWER_NONE) {
		if (a != NULL && a->note == NULL)
			remove_answer(s, a);
		else if (a != NULL)
			a->choice = ANSWER_NONE;
		return;
	}
	if (a == NULL)
		a = add_answer(s, question_id);
	a->choice = choice;
}

void
session_set_votes(struct session *s, int question_id, const int *votes, int n)
{
	struct answer *a;

	check_question_id("session_set_votes", question_id);
	if (n < 0 || n > VOTES_MAX)
		fatal("session_set_votes: %d counts", n);
	if ((a = find_answer(s, question_id)) == NULL)
		a = add_answer(s, question_id);
	memcpy(a->votes, votes, (size_t)n * sizeof(*votes));
	a->nvotes = n;
}

void
session_set_room(struct session *s, int question_id, bool changed, bool followup)
{
	struct answer *a = find_answer(s, question_id);

	if (a == NULL)
		fatal("session_set_room: question %d has no answer", question_id);
	a->changed = changed;
	a->followup = followup;
}

void
session_set_note(struct session *s, int question_id, const char *note)
{
	struct answer *a;
	char *copy;

	check_question_id("session_set_note", question_id);
	a = find_answer(s, question_id);
	if (note == NULL || *note == '\0') {
		if (a != NULL && a->choice == ANSWER_NONE) {
			remove_answer(s, a);
		} else if (a != NULL) {
			free(a->note);
			a->note = NULL;
		}
		return;
	}
	copy = xstrdup(note);	/* before the free: note may be a->note */
	if (a == NULL)
		a = add_answer(s, question_id);
	free(a->note);
	a->note = copy;
}

static struct area_priority *
find_priority(const struct session *s, const char *area_id)
{
	size_t i;

	for (i = 0; i < s->npriorities; i++)
		if (strcmp(s->priorities[i].area_id, area_id) == 0)
			return &s->priorities[i];
	return NULL;
}

enum priority
session_priority(const struct session *s, const char *area_id)
{
	const struct area_priority *p = find_priority(s, area_id);

	return p != NULL ? p->priority : PRIORITY_NONE;
}

void
session_set_priority(struct session *s, const char *area_id, enum priority pr)
{
	struct area_priority *p = find_priority(s, area_id);
	size_t i;

	if ((size_t)pr >= NELEM(priority_names))
		fatal("session_set_priority: priority %d is out of range", (int)pr);
	if (pr == PRIORITY_NONE) {
		if (p == NULL)
			return;
		i = (size_t)(p - s->priorities);
		free(p->area_id);
		memmove(p, p + 1, (s->npriorities - i - 1) * sizeof(*p));
		s->npriorities--;
		return;
	}
	if (p == NULL) {
		s->priorities = xreallocarray(s->priorities, s->npriorities + 1,
		    sizeof(*s->priorities));
		p = &s->priorities[s->npriorities++];
		p->area_id = xstrdup(area_id);
	}
	p->priority = pr;
}

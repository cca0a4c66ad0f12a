/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the answers file: reading against the test pack (questions
 * 8 and 11, areas gonulluler and strateji, choices 1-4), what is an error
 * and what only a warning, the exact text written, round trips with
 * hostile strings, the setters, and atomic writes. Run from the top of the
 * source tree.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "content.h"
#include "diag.h"
#include "fileio.h"
#include "session.h"
#include "util.h"

#define HDR "pack: deneme\nversion: 1\nlanguage: tr\n"

static FILE *devnull;
static struct pack *base;
static char msgs[16384];	/* the diagnostics of the last parse_str */

static int
setup(void **state)
{
	(void)state;
	devnull = fopen("/dev/null", "w");
	diag_set_stream(devnull);
	return pack_load("tests/content/base", &base) == LOAD_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	pack_free(base);
	diag_set_stream(NULL);
	fclose(devnull);
	return 0;
}

/* Parse src as a.yaml with the counters reset, its diagnostics into msgs. */
static struct session *
parse_str(const char *src, const struct pack *p)
{
	struct session *s;
	FILE *f = tmpfile();
	size_t n;

	assert_non_null(f);
	diag_reset();
	diag_set_stream(f);
	s = session_parse("a.yaml", src, strlen(src), p);
	diag_set_stream(devnull);
	rewind(f);
	n = fread(msgs, 1, sizeof(msgs) - 1, f);
	msgs[n] = '\0';
	fclose(f);
	return s;
}

/* format -> parse -> format gives the same bytes; returns the first text. */
static char *
assert_round_trip(const struct session *s, const struct pack *p)
{
	struct session *again;
	char *text = session_format(s), *text2;

	again = parse_str(text, p);
	if (again == NULL)
		fail_msg("the formatted session does not read back:\n%s\n%s", text, msgs);
	assert_int_equal(diag_counts().warnings, 0);
	text2 = session_format(again);
	assert_string_equal(text, text2);
	free(text2);
	session_free(again);
	return text;
}

static void
test_example(void **state)
{
	static const char src[] =
	    "# stok-assess answers: ids only; labels come from the pack.\n"
	    HDR
	    "organisation: \"Mahalle Dayanışma Derneği\"\n"
	    "role: board\n"
	    "date: 2026-11-23\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n"
	    "    note: \"Gönüllü listesi Ayşe'de.\"\n"
	    "  - question: 11\n"
	    "    choice: na\n"
	    "priorities:\n"
	    "  - area: gonulluler\n"
	    "    priority: high\n"
	    "  - area: strateji\n"
	    "    priority: \"low\"\n";
	static const char want[] =
	    "# stok-assess answers: ids only; labels come from the pack.\n"
	    "pack: \"deneme\"\n"
	    "version: 1\n"
	    "language: \"tr\"\n"
	    "organisation: \"Mahalle Dayanışma Derneği\"\n"
	    "role: \"board\"\n"
	    "date: \"2026-11-23\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n"
	    "    note: \"Gönüllü listesi Ayşe'de.\"\n"
	    "  - question: 11\n"
	    "    choice: na\n"
	    "priorities:\n"
	    "  - area: \"gonulluler\"\n"
	    "    priority: high\n"
	    "  - area: \"strateji\"\n"
	    "    priority: low\n";
	struct session *s;
	char *text;

	(void)state;
	s = parse_str(src, base);
	assert_non_null(s);
	assert_string_equal(msgs, "");
	assert_string_equal(s->pack_id, "deneme");
	assert_int_equal(s->pack_version, 1);
	assert_string_equal(s->language, "tr");
	assert_string_equal(s->organisation, "Mahalle Dayanışma Derneği");
	assert_string_equal(s->role, session_roles[0]);
	assert_string_equal(s->date, "2026-11-23");
	assert_int_equal(s->nanswers, 2);
	assert_int_equal(session_answer(s, 8)->choice, 2);
	assert_string_equal(session_answer(s, 8)->note, "Gönüllü listesi Ayşe'de.");
	assert_int_equal(session_answer(s, 11)->choice, ANSWER_NA);
	assert_null(session_answer(s, 11)->note);
	assert_null(session_answer(s, 12));
	assert_int_equal(session_priority(s, "gonulluler"), PRIORITY_HIGH);
	assert_int_equal(session_priority(s, "strateji"), PRIORITY_LOW);
	assert_int_equal(session_priority(s, "yok"), PRIORITY_NONE);
	text = session_format(s);
	assert_string_equal(text, want);
	free(text);
	free(assert_round_trip(s, base));
	session_free(s);
}

/* What a hand-edited file may also look like, and still read. */
static void
test_lenient_forms(void **state)
{
	static const char *const good[] = {
		"\xEF\xBB\xBFpack: deneme\r\nversion: 1\r\nlanguage: tr\r\n",
		HDR "answers: []\npriorities: []\n",
		HDR "answers:\npriorities: ~\n",
		HDR "date: 2024-02-29\n",
		HDR "date: \"2000-02-29\"\n",
		HDR "role: \"  koordinatör, 'gönüllü'  \"\n",
		HDR "answers:\n  - question: 8\n    note: |\n      Henüz karar vermedik.\n"
		    "      Ayşe'ye sor.\n",
		HDR "answers:\n  - {question: 11, choice: 4, note: ''}\n",
	};
	struct session *s;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(good); i++) {
		s = parse_str(good[i], base);
		if (s == NULL)
			fail_msg("case %zu was refused: %s", i, msgs);
		assert_string_equal(msgs, "");
		free(assert_round_trip(s, base));
		session_free(s);
	}
	s = parse_str(good[6], base);
	assert_int_equal(session_answer(s, 8)->choice, ANSWER_NONE);
	assert_string_equal(session_answer(s, 8)->note, "Henüz karar vermedik.\nAyşe'ye sor.\n");
	session_free(s);
	s = parse_str(good[7], base);
	assert_null(session_answer(s, 11)->note);
	session_free(s);
}

static void
test_round_trip_hostile(void **state)
{
	struct session *s, *back;
	char *text;

	(void)state;
	s = session_new(base);
	s->organisation = xstrdup("Ayşe \"Çiçek\" \\ Derneği: # not a comment");
	s->role = xstrdup("  koordinatör, 'gönüllü' & *co*  ");
	s->date = xstrdup("2024-02-29");
	session_set_answer(s, 11, ANSWER_NA);
	session_set_note(s, 11, "line one\n\n  indented \"quoted\" \\n literal\\\ntrailing   \n");
	session_set_note(s, 8, "---\n- not a list\nkey: value # x\n\"\n\\u202E is text here, "
	    "U+2028 [\xE2\x80\xA8] U+2029 [\xE2\x80\xA9] ZWNBSP [\xEF\xBB\xBF] "
	    "emoji \xF0\x9F\x98\x80 family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 "
	    "tag [\xF3\xA0\x81\x81] music [\xF0\x9D\x85\xB3]");
	session_set_priority(s, "strateji", PRIORITY_MEDIUM);
	session_set_priority(s, "gonulluler", PRIORITY_HIGH);
	text = assert_round_trip(s, base);
	/* the separators are escaped: raw, libyaml would fold the spaces around them */
	assert_non_null(strstr(text, "[\\u2028] U+2029 [\\u2029] ZWNBSP [\\uFEFF]"));
	assert_non_null(strstr(text, "\\\\u202E is text"));
	/* invisible code points above U+FFFF are escaped whole, as \UXXXXXXXX */
	assert_non_null(strstr(text, "tag [\\U000E0041] music [\\U0001D173]"));
	assert_null(strchr(text, '\t'));
	free(text);
	/* and the strings are the same, not only the bytes */
	text = session_format(s);
	back = parse_str(text, NULL);
	assert_non_null(back);
	assert_string_equal(back->organisation, s->organisation);
	assert_string_equal(back->role, s->role);
	assert_int_equal(back->nanswers, 2);
	assert_int_equal(back->answers[0].question_id, 11);
	assert_int_equal(back->answers[0].choice, ANSWER_NA);
	assert_string_equal(back->answers[0].note, s->answers[0].note);
	assert_int_equal(back->answers[1].question_id, 8);
	assert_int_equal(back->answers[1].choice, ANSWER_NONE);
	assert_string_equal(back->answers[1].note, s->answers[1].note);
	assert_string_equal(back->priorities[0].area_id, "strateji");
	assert_int_equal(back->priorities[1].priority, PRIORITY_HIGH);
	free(text);
	session_free(back);
	session_free(s);
}

/*
 * Control characters are escaped on write, so the file is plain text, and
 * refused on read: a single-line field must not hold them, nor a note
 * anything but newlines.
 */
static void
test_control_characters(void **state)
{
	struct session *s;
	char *text;

	(void)state;
	s = session_new(base);
	s->organisation = xstrdup("\x1B[31mKırmızı\xE2\x80\xAE" "ters");
	text = session_format(s);
	assert_null(strchr(text, '\x1B'));
	assert_null(strstr(text, "\xE2\x80\xAE"));
	assert_non_null(strstr(text, "organisation: \"\\u001B[31mKırmızı\\u202Eters\"\n"));
	assert_null(parse_str(text, base));
	assert_non_null(strstr(msgs, "a.yaml:6:16: error: 'organisation' contains U+001B, a "
	    "control character or direction override"));
	free(text);
	free(s->organisation);
	s->organisation = xstrdup("ters\xE2\x80\xAE");
	text = session_format(s);
	assert_null(parse_str(text, base));
	assert_non_null(strstr(msgs, "U+202E, a control character"));
	free(text);
	free(s->organisation);
	s->organisation = NULL;
	session_set_note(s, 8, "tab\there\r\x7F\xC2\x9B");
	text = session_format(s);
	assert_non_null(strstr(text, "note: \"tab\\u0009here\\u000D\\u007F\\u009B\"\n"));
	assert_null(parse_str(text, base));
	assert_non_null(strstr(msgs, "'note' contains a tab (U+0009): write a space instead"));
	free(text);
	/* an invalid byte cannot be written as itself: it becomes U+FFFD */
	session_set_note(s, 8, "bozuk \xFF bayt");
	text = session_format(s);
	assert_non_null(strstr(text, "note: \"bozuk \\uFFFD bayt\"\n"));
	free(text);
	session_free(s);
}

/* Answers and priorities the pack does not have: warned about and dropped. */
static void
test_unknown_dropped(void **state)
{
	static const char src[] = HDR
	    "extra: 1\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 4\n"
	    "    when: today\n"
	    "  - question: 99\n"
	    "    choice: 1\n"
	    "    note: \"gone\"\n"
	    "  - question: 11\n"
	    "    choice: 7\n"
	    "priorities:\n"
	    "  - area: finans\n"
	    "    priority: high\n"
	    "  - area: strateji\n"
	    "    priority: medium\n";
	struct session *s;

	(void)state;
	s = parse_str(src, base);
	assert_non_null(s);
	assert_string_equal(msgs,
	    "stok-assess: a.yaml:4:1: warning: unknown key 'extra' in the answers file is "
	    "ignored: check its spelling\n"
	    "stok-assess: a.yaml:8:5: warning: unknown key 'when' in an answer is ignored: "
	    "check its spelling\n"
	    "stok-assess: a.yaml:9:15: warning: question 99 is not in pack 'deneme': its "
	    "answer is ignored\n"
	    "stok-assess: a.yaml:13:13: warning: question 11 has no choice 7: the answer is "
	    "ignored\n"
	    "stok-assess: a.yaml:15:11: warning: area 'finans' is not in pack 'deneme': its "
	    "priority is ignored\n");
	assert_int_equal(diag_counts().errors, 0);
	assert_int_equal(s->nanswers, 1);
	assert_int_equal(s->answers[0].question_id, 8);
	assert_int_equal(s->npriorities, 1);
	assert_string_equal(s->priorities[0].area_id, "strateji");
	session_free(s);
	/* without a pack, nothing is dropped */
	s = parse_str(src, NULL);
	assert_non_null(s);
	assert_int_equal(diag_counts().warnings, 2);
	assert_int_equal(s->nanswers, 3);
	assert_int_equal(session_answer(s, 11)->choice, 7);
	assert_int_equal(s->npriorities, 2);
	session_free(s);
}

static void
test_version_warning(void **state)
{
	struct session *s;

	(void)state;
	s = parse_str("pack: deneme\nversion: 2\nlanguage: fi\n", base);
	assert_non_null(s);
	assert_string_equal(msgs,
	    "stok-assess: a.yaml:2:10: warning: answers are for version 2 of pack 'deneme', "
	    "not version 1: check them against the changed questions\n");
	assert_int_equal(s->pack_version, 2);
	assert_string_equal(s->language, "fi");
	session_free(s);
}

/*
 * A '#' after a blank ends an unquoted value here as anywhere in YAML, but
 * only a pack's text values are warned about (stok-assess(5)): the answers
 * file is the program's own, and its values are always quoted when saved.
 */
static void
test_comment_quiet(void **state)
{
	struct session *s;

	(void)state;
	s = parse_str(HDR "organisation: Dernek #2\nanswers:\n  - question: 8\n    choice: 1\n"
	    "    note: Step #2\n", base);
	assert_non_null(s);
	assert_string_equal(msgs, "");
	assert_string_equal(s->organisation, "Dernek");
	session_free(s);
}

static void
test_duplicates(void **state)
{
	struct session *s;

	(void)state;
	s = parse_str(HDR "answers:\n"
	    "  - question: 8\n    choice: 1\n"
	    "  - question: 11\n    choice: 2\n"
	    "  - question: 8\n    choice: 3\n", base);
	assert_null(s);
	assert_string_equal(msgs, "stok-assess: a.yaml:9:15: error: question 8 is answered "
	    "twice (first at line 5): keep one of the answers\n");
	/* three times: the error is at the second, naming the first */
	s = parse_str(HDR "answers:\n"
	    "  - question: 11\n    choice: 1\n"
	    "  - question: 8\n    choice: na\n"
	    "  - question: 11\n    note: \"x\"\n"
	    "  - question: 11\n    choice: 2\n", base);
	assert_null(s);
	assert_string_equal(msgs, "stok-assess: a.yaml:9:15: error: question 11 is answered "
	    "twice (first at line 5): keep one of the answers\n");
	s = parse_str(HDR "priorities:\n"
	    "  - area: strateji\n    priority: low\n"
	    "  - area: strateji\n    priority: high\n", base);
	assert_null(s);
	assert_string_equal(msgs, "stok-assess: a.yaml:7:11: error: area 'strateji' has a "
	    "priority twice (first at line 5): keep one of them\n");
}

/* Each is refused with exactly one error that says what is wrong. */
static void
test_errors(void **state)
{
	static const struct {
		const char	*src;
		const char	*msg;
	} bad[] = {
		{ HDR "answers:\n  - question: 8\n    choice: 1.5\n",
		  "6:13: error: 'choice' must be a whole number from 1 to 999999 or the word "
		  "na, not '1.5'" },
		{ HDR "answers:\n  - question: 8\n    choice: \"2\"\n", "not '2'" },
		{ HDR "answers:\n  - question: 8\n    choice: \"na\"\n", "not 'na'" },
		{ HDR "answers:\n  - question: 8\n    choice: NA\n", "not 'NA'" },
		{ HDR "answers:\n  - question: 8\n    choice: 0\n", "not '0'" },
		{ HDR "answers:\n  - question: 8\n    choice: 02\n", "not '02'" },
		{ HDR "answers:\n  - question: 8\n    choice: [1]\n", "or the word na, not a list" },
		{ HDR "answers:\n  - question: 8\n    choice:\n", "not ''" },
		{ HDR "answers:\n  - question: 8.0\n    choice: 1\n",
		  "'question' must be a whole number from 1 to 999999, not '8.0'" },
		{ HDR "answers:\n  - question: -8\n    choice: 1\n", "not '-8'" },
		{ HDR "answers:\n  - choice: 1\n", "an answer has no 'question'" },
		{ HDR "answers:\n  - question: 8\n",
		  "5:5: error: an answer has no 'choice': add it" },
		{ HDR "answers:\n  - question: 8\n    note: \"\"\n", "an answer has no 'choice'" },
		{ HDR "answers:\n  - 8\n", "an answer must be a mapping" },
		{ HDR "answers: 8\n", "'answers' must be a list, not a single value" },
		{ HDR "answers:\n  - question: 8\n    choice: 1\n    note: \"\\e[2J\"\n",
		  "7:12: error: 'note' contains U+001B, a control character" },
		/* at the character: as it stands, or the escape that made it */
		{ HDR "answers:\n  - question: 8\n    choice: 1\n    note: \"abc def \\u202E xyz\"\n",
		  "7:20: error: 'note' contains U+202E" },
		{ HDR "answers:\n  - question: 8\n    choice: 1\n    note: \"a\\\\b\\x41\\n\\t\"\n",
		  "7:22: error: 'note' contains a tab" },
		{ HDR "answers:\n  - question: 8\n    choice: 1\n    note: \"Bir\tnot\"\n",
		  "7:15: error: 'note' contains a tab" },
		{ HDR "answers:\n  - question: 8\n    choice: 1\n    note: 'a''b \xE2\x80\x8F'\n",
		  "7:17: error: 'note' contains U+200F" },
		{ HDR "answers:\n  - question: 8\n    choice: 1\n    note: Çok\n      iyi \xE2\x80\xAE\n",
		  "8:11: error: 'note' contains U+202E" },
		{ HDR "answers:\n  - question: 8\n    choice: 1\n    note: [a]\n",
		  "'note' must be text, not a list" },
		{ "pack: deneme\nversion: 1e9\nlanguage: tr\n",
		  "2:10: error: 'version' must be a whole number from 1 to 999999, not '1e9'" },
		{ "pack: deneme\nversion: \"1\"\nlanguage: tr\n", "not '1'" },
		{ "pack: deneme\nversion: 1.0\nlanguage: tr\n", "not '1.0'" },
		{ "version: 1\nlanguage: tr\n", "the answers file has no 'pack': add it" },
		{ "pack: deneme\nlanguage: tr\n", "has no 'version'" },
		{ "pack: deneme\nversion: 1\n", "has no 'language'" },
		{ "pack: Deneme\nversion: 1\nlanguage: tr\n", "'pack' must be 1 to 64" },
		{ "pack: kapasite\nversion: 1\nlanguage: tr\n",
		  "1:7: error: answers are for pack 'kapasite', not 'deneme'" },
		{ HDR "date: 2026-02-29\n", "4:7: error: 'date' must be a day written YYYY-MM-DD" },
		{ HDR "date: 1900-02-29\n", "not '1900-02-29'" },
		{ HDR "date: 2026-04-31\n", "not '2026-04-31'" },
		{ HDR "date: 2026-13-01\n", "not '2026-13-01'" },
		{ HDR "date: 2026-00-10\n", "not '2026-00-10'" },
		{ HDR "date: 2026-01-00\n", "not '2026-01-00'" },
		{ HDR "date: 2026-1-01\n", "not '2026-1-01'" },
		{ HDR "date: 2026-01-01x\n", "not '2026-01-01x'" },
		{ HDR "date: 2026/01/01\n", "not '2026/01/01'" },
		{ HDR "date: \"２０２６-01-01\"\n", "'date' must be a day" },
		{ HDR "role: \"board\\nmanager\"\n",
		  "4:13: error: 'role' contains U+000A, a control character" },
		{ HDR "role: |\n  board\n", "'role' contains U+000A, a control character" },
		{ HDR "organisation: \"\\u202E\"\n", "4:16: error: 'organisation' contains U+202E" },
		{ HDR "organisation: \"a\\0b\"\n",
		  "4:17: error: 'organisation' contains a NUL character" },
		{ HDR "organisation: {a: b}\n", "'organisation' must be text, not a mapping" },
		{ HDR "priorities:\n  - area: strateji\n    priority: urgent\n",
		  "6:15: error: 'priority' must be high, medium or low, not 'urgent'" },
		{ HDR "priorities:\n  - area: strateji\n    priority: \"high\\0\"\n",
		  "must be high, medium or low" },
		{ HDR "priorities:\n  - area: strateji\n", "a priority has no 'priority'" },
		{ HDR "priorities:\n  - area: Strateji\n    priority: low\n", "'area' must be 1 to 64" },
		{ HDR "priorities:\n  - priority: low\n", "a priority has no 'area'" },
		{ HDR "pack: deneme\n", "duplicate key 'pack' (first at line 1)" },
		{ HDR "date: &d 2026-01-01\n", "YAML anchors" },
		{ "- pack\n", "the answers file must be a mapping" },
		{ "", "1:1: error: the answers file is empty" },
		{ "# nothing\n", "the answers file is empty" },
		{ HDR "role: \"\xFF\"\n", "4:8: error: invalid UTF-8 (byte 0xFF)" },
		{ HDR "role: a\rb\n", "a lone carriage return" },
	};
	struct session *s;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		s = parse_str(bad[i].src, base);
		if (s != NULL || diag_counts().errors != 1 || strstr(msgs, bad[i].msg) == NULL)
			fail_msg("case %zu: %s\nwant: %s\ngot: %s", i, bad[i].src, bad[i].msg, msgs);
		session_free(s);
	}
}

static void
test_setters(void **state)
{
	struct session *s;
	const struct answer *a;
	char *text;

	(void)state;
	s = session_new(base);
	assert_string_equal(s->pack_id, "deneme");
	assert_int_equal(s->pack_version, 1);
	assert_string_equal(s->language, "tr");
	text = session_format(s);
	assert_string_equal(text, "# stok-assess answers: ids only; labels come from the pack.\n"
	    "pack: \"deneme\"\nversion: 1\nquestions: \"fnv1a64:1d2c0fea75fc2c51\"\nlanguage: \"tr\"\n");
	free(text);

	session_set_answer(s, 11, 3);
	session_set_answer(s, 8, ANSWER_NA);
	session_set_answer(s, 11, 4);
	assert_int_equal(s->nanswers, 2);
	assert_int_equal(s->answers[0].question_id, 11);
	assert_int_equal(session_answer(s, 11)->choice, 4);
	assert_int_equal(session_answer(s, 8)->choice, ANSWER_NA);

	/* a note survives a change of answer and its removal */
	session_set_note(s, 11, "ilk");
	session_set_note(s, 11, session_answer(s, 11)->note);	/* aliasing */
	session_set_answer(s, 11, 1);
	assert_string_equal(session_answer(s, 11)->note, "ilk");
	session_set_answer(s, 11, ANSWER_NONE);
	a = session_answer(s, 11);
	assert_non_null(a);
	assert_int_equal(a->choice, ANSWER_NONE);
	assert_string_equal(a->note, "ilk");
	free(assert_round_trip(s, base));
	/* with neither choice nor note, the answer is gone; order is kept */
	session_set_note(s, 11, "");
	assert_null(session_answer(s, 11));
	assert_int_equal(s->nanswers, 1);
	session_set_note(s, 12, "not yet answered");
	session_set_answer(s, 12, 2);
	session_set_note(s, 8, "n/a");
	session_set_note(s, 8, NULL);
	assert_non_null(session_answer(s, 8));
	assert_null(session_answer(s, 8)->note);
	session_set_answer(s, 8, ANSWER_NONE);
	assert_null(session_answer(s, 8));
	session_set_answer(s, 9, ANSWER_NONE);	/* removing nothing */
	session_set_note(s, 9, NULL);
	assert_int_equal(s->nanswers, 1);
	assert_int_equal(s->answers[0].question_id, 12);
	assert_string_equal(s->answers[0].note, "not yet answered");

	session_set_priority(s, "strateji", PRIORITY_LOW);
	session_set_priority(s, "gonulluler", PRIORITY_MEDIUM);
	session_set_priority(s, "strateji", PRIORITY_HIGH);
	assert_int_equal(s->npriorities, 2);
	assert_int_equal(session_priority(s, "strateji"), PRIORITY_HIGH);
	session_set_priority(s, "strateji", PRIORITY_NONE);
	session_set_priority(s, "finans", PRIORITY_NONE);
	assert_int_equal(s->npriorities, 1);
	assert_int_equal(session_priority(s, "strateji"), PRIORITY_NONE);
	assert_int_equal(session_priority(s, "gonulluler"), PRIORITY_MEDIUM);
	text = assert_round_trip(s, NULL);
	assert_string_equal(text, "# stok-assess answers: ids only; labels come from the pack.\n"
	    "pack: \"deneme\"\nversion: 1\nquestions: \"fnv1a64:1d2c0fea75fc2c51\"\nlanguage: \"tr\"\n"
	    "answers:\n  - question: 12\n    choice: 2\n    note: \"not yet answered\"\n"
	    "priorities:\n  - area: \"gonulluler\"\n    priority: medium\n");
	free(text);
	session_free(s);
	session_free(NULL);
}

static void
test_read_write(void **state)
{
	char dir[] = "/tmp/stok-session-XXXXXX", path[64], cmd[96];
	struct session *s, *back;
	struct stat st;
	char *a, *b;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/yanıtlar.yaml", dir);
	s = session_new(base);
	s->organisation = xstrdup("Mahalle Dayanışma Derneği");
	session_set_answer(s, 8, 3);
	session_set_note(s, 8, "iki\nsatır");
	assert_int_equal(session_write(s, path, false), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(session_write(s, path, false), -2);
	session_set_answer(s, 11, ANSWER_NA);
	assert_int_equal(session_write(s, path, true), 0);
	diag_reset();
	back = session_read(path, base);
	assert_non_null(back);
	assert_int_equal(diag_counts().warnings, 0);
	a = session_format(s);
	b = session_format(back);
	assert_string_equal(a, b);
	free(a);
	free(b);
	session_free(back);
	session_free(s);
	/* a directory, a missing file */
	diag_reset();
	assert_null(session_read(dir, base));
	assert_int_equal(diag_counts().errors, 1);
	assert_int_equal(unlink(path), 0);
	assert_null(session_read(path, base));
	assert_int_equal(diag_counts().io, 1);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/*
 * A saved file its owner locked (chmod a-w) is not replaced, even by root,
 * and what it held stays; one shared with a group keeps its mode when saved.
 */
static void
test_locked(void **state)
{
	char dir[] = "/tmp/stok-session-XXXXXX", path[64], cmd[96], *before, *after;
	struct session *s;
	struct stat st;
	size_t n1, n2;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/yanıtlar.yaml", dir);
	s = session_new(base);
	session_set_answer(s, 8, 3);
	assert_int_equal(session_write(s, path, true), 0);
	assert_int_equal(file_read(path, 1 << 20, "a test file", &before, &n1), 0);
	assert_int_equal(chmod(path, 0444), 0);
	assert_true(file_locked(path));
	session_set_answer(s, 11, 2);
	errno = 0;
	assert_int_equal(session_write(s, path, true), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(file_read(path, 1 << 20, "a test file", &after, &n2), 0);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0444);
	free(after);
	/* shared with a group: saved, and still shared */
	assert_int_equal(chmod(path, 0640), 0);
	assert_false(file_locked(path));
	assert_int_equal(session_write(s, path, true), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(file_read(path, 1 << 20, "a test file", &after, &n2), 0);
	assert_true(n2 > n1);
	free(before);
	free(after);
	session_free(s);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* A long list: every answer kept, and a repeat found far from its first. */
static void
test_many_answers(void **state)
{
	enum { N = 20000 };
	struct session *s;
	struct buf b;
	int i;

	(void)state;
	buf_init(&b);
	buf_adds(&b, HDR "answers:\n");
	for (i = 1; i <= N; i++)
		buf_printf(&b, "  - question: %d\n    choice: %d\n", N + 1 - i, i % 4 + 1);
	s = parse_str(b.data, NULL);
	assert_non_null(s);
	assert_int_equal(s->nanswers, N);
	assert_int_equal(s->answers[0].question_id, N);
	assert_int_equal(session_answer(s, 1)->choice, N % 4 + 1);
	session_free(s);
	buf_printf(&b, "  - question: %d\n    choice: 1\n", N);
	assert_null(parse_str(b.data, NULL));
	assert_int_equal(diag_counts().errors, 1);
	assert_non_null(strstr(msgs, "question 20000 is answered twice (first at line 5)"));
	buf_free(&b);
}

/*
 * A repeat in a list already in order (find_repeats sees the order and
 * does not sort): next to its first, and with a longer id between.
 */
static void
test_repeat_in_order(void **state)
{
	static const char *const cases[] = {
		HDR "answers:\n  - question: 2\n    choice: 1\n  - question: 9\n    choice: 1\n"
		"  - question: 9\n    choice: 2\n  - question: 10\n    choice: 1\n",
		HDR "answers:\n  - question: 9\n    choice: 1\n  - question: 10\n    choice: 1\n"
		"  - question: 9\n    choice: 2\n",
	};
	static const char *const said[] = {
		"question 9 is answered twice (first at line 7)",
		"question 9 is answered twice (first at line 5)",
	};
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		assert_null(parse_str(cases[i], NULL));
		assert_non_null(strstr(msgs, said[i]));
	}
	/* in order, no repeat: every answer kept, each found */
	{
		struct session *s = parse_str(HDR "answers:\n  - question: 9\n    choice: 1\n"
		    "  - question: 10\n    choice: 2\n  - question: 100\n    choice: 3\n", NULL);

		assert_non_null(s);
		assert_int_equal(s->nanswers, 3);
		assert_int_equal(session_answer(s, 100)->choice, 3);
		assert_int_equal(session_answer(s, 9)->choice, 1);
		assert_null(session_answer(s, 11));
		session_free(s);
	}
}

/*
 * Look-ups start where the last one ended (see find_answer): any order of
 * questions asked, any order of answers saved, repeats, misses, and
 * answers removed under the hint give what a scan gives.
 */
static void
test_lookup_any_order(void **state)
{
	static const int saved[] = { 7, 3, 9, 1, 12, 5, 2 };
	static const int asked[] = { 1, 2, 2, 3, 4, 5, 5, 5, 12, 1, 9, 9, 7, 8, 3, 2, 12, 6 };
	struct session *s;
	struct buf b;
	size_t i, j;

	(void)state;
	buf_init(&b);
	buf_adds(&b, HDR "answers:\n");
	for (i = 0; i < NELEM(saved); i++)
		buf_printf(&b, "  - question: %d\n    choice: %d\n", saved[i], saved[i] % 4 + 1);
	s = parse_str(b.data, NULL);
	assert_non_null(s);
	for (i = 0; i < NELEM(asked); i++) {
		const struct answer *a = session_answer(s, asked[i]);
		for (j = 0; j < NELEM(saved) && saved[j] != asked[i]; j++)
			;
		if (j == NELEM(saved)) {
			assert_null(a);
		} else {
			assert_non_null(a);
			assert_int_equal(a->question_id, asked[i]);
			assert_int_equal(a->choice, asked[i] % 4 + 1);
		}
	}
	/* remove the answer found last, and the last of all: the hint points past them */
	assert_non_null(session_answer(s, 2));
	session_set_answer(s, 2, ANSWER_NONE);
	assert_null(session_answer(s, 2));
	session_set_answer(s, 12, ANSWER_NONE);
	assert_null(session_answer(s, 12));
	assert_int_equal(session_answer(s, 5)->choice, 2);
	assert_int_equal(session_answer(s, 7)->choice, 4);
	assert_int_equal(s->nanswers, NELEM(saved) - 2);
	session_free(s);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example),
		cmocka_unit_test(test_lenient_forms),
		cmocka_unit_test(test_round_trip_hostile),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_unknown_dropped),
		cmocka_unit_test(test_version_warning),
		cmocka_unit_test(test_comment_quiet),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_setters),
		cmocka_unit_test(test_read_write),
		cmocka_unit_test(test_locked),
		cmocka_unit_test(test_many_answers),
		cmocka_unit_test(test_repeat_in_order),
		cmocka_unit_test(test_lookup_any_order),
	};

	return cmocka_run_group_tests_name("session", tests, setup, teardown);
}

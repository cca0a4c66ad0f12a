/* SPDX-License-Identifier: MIT */
/*
 * fuzz_session.c: libFuzzer harness for the answers file. Every input is
 * parsed twice: without a pack (the first, quiet look of "report") and
 * against a small pack, as the wizard and "report" read it. A session
 * that parses must survive a round trip: session_format writes a file
 * that parses again and formats to the same bytes, or a saved session
 * would be lost.
 */
#include "content.h"
#include "fuzz.h"
#include "session.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char assessment[] =
    "id: kapasite\n"
    "title: Fuzz\n"
    "language: en\n"
    "version: 1\n"
    "areas:\n"
    "  - id: insan-kaynaklari\n"
    "    title: People\n"
    "    questions:\n"
    "      - id: 8\n"
    "        text: Volunteers?\n"
    "        choices: [1, 2, 3, 4]\n"
    "      - id: 16\n"
    "        text: Members?\n"
    "        choices: [1, 2]\n"
    "  - id: iletisim\n"
    "    title: Communication\n"
    "    questions:\n"
    "      - id: 11\n"
    "        text: Goals?\n"
    "        choices: [4, 3, 2, 1, 9]\n"
    "  - id: is-birligi\n"
    "    title: Cooperation\n"
    "    questions:\n"
    "      - id: 999999\n"
    "        text: Partners?\n"
    "        choices: [1, 999999]\n";

static struct pack *pack;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pack = xcalloc(1, sizeof(*pack));
	if (assessment_parse(pack, "fuzz-pack.yaml", assessment, sizeof(assessment) - 1) < 0)
		abort();
	return 0;
}

static void
round_trip(const struct session *s)
{
	char *text = session_format(s), *again;
	struct session *back;

	back = session_parse("fuzz-saved.yaml", text, strlen(text), NULL);
	FUZZ_ASSERT(back != NULL, "a formatted session does not parse:\n%s", text);
	again = session_format(back);
	FUZZ_ASSERT(strcmp(text, again) == 0, "a round trip changes the session:\n%s\n%s",
	    text, again);
	FUZZ_ASSERT(back->nanswers == s->nanswers && back->npriorities == s->npriorities,
	    "a round trip loses answers");
	free(again);
	session_free(back);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session *s;
	char *buf;

	if (size > SESSION_MAX_FILE)
		return -1;	/* session_read refuses it before reading */
	fuzz_quiet();
	buf = fuzz_copy(data, size);
	if ((s = session_parse("fuzz.yaml", buf, size, NULL)) != NULL) {
		FUZZ_ASSERT(diag_counts().errors == 0, "success after an error");
		round_trip(s);
		session_free(s);
	} else {
		FUZZ_ASSERT(diag_counts().errors > 0, "failure without a diagnostic");
	}
	diag_reset();
	if ((s = session_parse("fuzz.yaml", buf, size, pack)) != NULL) {
		size_t i;

		for (i = 0; i < s->nanswers; i++)
			FUZZ_ASSERT(pack_question(pack, s->answers[i].question_id) != NULL,
			    "an answer to question %d is kept", s->answers[i].question_id);
		round_trip(s);
		session_free(s);
	}
	free(buf);
	return 0;
}

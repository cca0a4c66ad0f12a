/* SPDX-License-Identifier: MIT */
/*
 * fuzz_answertext.c: libFuzzer harness for one answer-text file (front
 * matter and body) as pack_load reads it: the bytes go to
 * answer_text_parse, which takes the buffer over.
 */
#include "content.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct answer_text t;

	if (size > CONTENT_MAX_TEXT_FILE)
		return -1;	/* pack_load refuses it before reading */
	fuzz_quiet();
	if (answer_text_parse(&t, "fuzz.md", fuzz_copy(data, size), size) == 0) {
		FUZZ_ASSERT(t.title != NULL && t.title[0] != '\0', "a text without a title");
		FUZZ_ASSERT(t.question_id >= 1 && t.question_id <= CONTENT_MAX_ID &&
		    t.choice_id >= 1 && t.choice_id <= CONTENT_MAX_ID, "an id out of range");
		FUZZ_ASSERT(t.body >= t.buf && t.body + t.body_len == t.buf + size &&
		    t.body_len <= CONTENT_MAX_BODY, "the body is not the end of the file");
		FUZZ_ASSERT(diag_counts().errors == 0, "success after an error");
	} else {
		FUZZ_ASSERT(diag_counts().errors + diag_counts().io > 0,
		    "failure without a diagnostic");
	}
	answer_text_free(&t);
	return 0;
}

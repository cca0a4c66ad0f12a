/* SPDX-License-Identifier: MIT */
/*
 * fuzz_assessment.c: libFuzzer harness for the assessment file, checked
 * for its encoding and parsed as pack_load does; on success every
 * question must be found through the id index, and the id and language
 * that packs_peek_ids reads off its lines, when it reads them, must be the
 * parse's.
 */
#include <string.h>

#include "content.h"
#include "fuzz.h"
#include "packs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pack *p;
	char *buf, *id, *language;
	size_t i, k;

	if (size > CONTENT_MAX_ASSESSMENT)
		return -1;
	fuzz_quiet();
	buf = fuzz_copy(data, size);
	p = xcalloc(1, sizeof(*p));
	if (assessment_parse(p, "fuzz.yaml", buf, size) == 0) {
		FUZZ_ASSERT(diag_counts().errors == 0, "success after an error");
		FUZZ_ASSERT(p->nareas > 0 && p->id != NULL && p->title != NULL &&
		    p->language != NULL, "a pack without its metadata");
		for (i = 0; i < p->nquestions; i++) {
			const struct question *q = &p->questions[i];

			FUZZ_ASSERT(pack_question(p, q->id) == q, "question %d is not indexed", q->id);
			FUZZ_ASSERT(q->area != NULL && q->text != NULL, "question %d is incomplete",
			    q->id);
			FUZZ_ASSERT(q->nchoices >= 2 && q->nchoices <= CONTENT_MAX_CHOICES,
			    "question %d has %zu choices", q->id, q->nchoices);
			for (k = 0; k < q->nchoices; k++)
				FUZZ_ASSERT(question_choice(q, q->choices[k].id) == &q->choices[k] &&
				    q->choices[k].level == (int)k + 1, "a choice of %d is lost", q->id);
		}
		FUZZ_ASSERT(pack_question(p, 0) == NULL, "question 0 exists");
		if (packs_peek_ids(buf, size, &id, &language)) {
			FUZZ_ASSERT(strcmp(id, p->id) == 0 && strcmp(language, p->language) == 0,
			    "peeked %s/%s, parsed %s/%s", id, language, p->id, p->language);
			free(id);
			free(language);
		}
	} else {
		FUZZ_ASSERT(diag_counts().errors > 0, "failure without a diagnostic");
	}
	pack_free(p);
	free(buf);
	return 0;
}

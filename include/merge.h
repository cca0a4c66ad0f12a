/* SPDX-License-Identifier: MIT */
/*
 * merge.h: the answers of several people of one organisation, side by
 * side: per area the mean, lowest, highest and spread of their levels; the
 * areas and questions of least consensus; how each role sees each area;
 * per question the distribution of choices, by role; and an improvement
 * plan on the group's answers. And diff: what changed between two
 * assessments of the same organisation. No curses here.
 */
#ifndef STOK_MERGE_H
#define STOK_MERGE_H

#include "content.h"
#include "report.h"
#include "session.h"

#define REPORT_CSV 100	/* a format of merge only: one row per respondent and question */

struct respondent {
	const char		*path;
	const struct session	*sess;
};

/*
 * The answers of n respondents combined into one session: for each
 * question the lower median of the levels chosen; for each area the priority most gave,
 * the higher one on a tie. The caller frees it.
 */
struct session *merge_answers(const struct pack *, const struct session *const *, size_t n);

/* Append the group report of n respondents to out. */
void	merge_write(struct buf *out, const struct pack *, const struct respondent *, size_t n,
	    int format, int width);
/* Append what changed from old to new. */
void	diff_write(struct buf *out, const struct pack *, const struct respondent *old,
	    const struct respondent *new, int format, int width);

#endif

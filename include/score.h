/* SPDX-License-Identifier: MIT */
/*
 * score.h: levels and the improvement plan, computed from a pack and a
 * session. A level is the mean of the levels of the chosen choices (1 for
 * the least developed), kept in hundredths as an integer so that nothing
 * depends on floating point or the locale; "not applicable" answers are
 * counted apart and not scored. No curses here.
 */
#ifndef STOK_SCORE_H
#define STOK_SCORE_H

#include <stddef.h>

#include "content.h"
#include "session.h"

struct area_score {
	const struct area	*area;
	int			 answered;	/* scored answers */
	int			 na;		/* "not applicable" answers */
	int			 total;		/* questions in the area */
	int			 level100;	/* mean level x 100; 0 when nothing is scored */
	int			 sum;		/* of the levels answered: the exact mean is sum / answered */
	int			 max_level;	/* the highest level of its questions */
	enum priority		 priority;
};

struct plan_step {
	const struct question	*question;
	const struct choice	*choice;
};

struct plan_area {
	const struct area_score	*score;
	struct plan_step	*steps;		/* weakest first */
	size_t			 nsteps;
};

struct score {
	struct area_score	*areas;		/* in pack order */
	size_t			 nareas;
	int			 answered, na, total;
	int			 level100;	/* overall: mean of every scored answer */
	struct plan_area	*plan;		/* the areas that need work, most urgent first */
	size_t			 nplan;
};

/* At most this many questions per area in the plan. */
#define PLAN_STEPS_PER_AREA 3

void	score_compute(struct score *, const struct pack *, const struct session *);
/* The areas of score_compute alone, into areas[p->nareas]: no plan, nothing to free. */
void	score_areas(struct area_score *areas, const struct pack *, const struct session *);
void	score_free(struct score *);
/* A level in hundredths as text with two decimals and the given separator: "2,50". */
void	score_format_level(char *out, size_t size, int level100, char decimal_sep);

#endif

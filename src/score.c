/* SPDX-License-Identifier: MIT */
/*
 * score.c: levels per area and overall, and the improvement plan: areas in
 * order of the organisation's priority (high, medium, unset, low), then of
 * their level, lowest first; in each, the questions answered below the
 * top level, lowest first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"
#include "util.h"

/* Rounded mean x 100 of sum/n, in integers. */
static int
mean100(long sum, long n)
{
	return n == 0 ? 0 : (int)((sum * 200 + n) / (2 * n));
}

static int
urgency(enum priority p)
{
	switch (p) {
	case PRIORITY_HIGH:
		return 0;
	case PRIORITY_MEDIUM:
		return 1;
	case PRIORITY_NONE:
		return 2;
	default:
		return 3;
	}
}

static int
plan_cmp(const void *a, const void *b)
{
	const struct plan_area *x = a, *y = b;
	int ux = urgency(x->score->priority), uy = urgency(y->score->priority);

	if (ux != uy)
		return ux - uy;
	if (x->score->level100 != y->score->level100)
		return x->score->level100 - y->score->level100;
	return (x->score->area->index > y->score->area->index) -
	    (x->score->area->index < y->score->area->index);
}

static int
step_cmp(const void *a, const void *b)
{
	const struct plan_step *x = a, *y = b;

	if (x->choice->level != y->choice->level)
		return x->choice->level - y->choice->level;
	return (x->question->index > y->question->index) -
	    (x->question->index < y->question->index);
}

/*
 * Area a's counts and level into as; with steps, its questions answered
 * below their top level are added there, and counted in *nsteps.
 */
static void
area_score(struct area_score *as, const struct pack *p, const struct area *a,
    const struct session *sess, struct plan_step *steps, size_t *nsteps)
{
	long sum = 0;
	size_t k;

	memset(as, 0, sizeof(*as));
	as->area = a;
	as->total = (int)a->nquestions;
	as->priority = session_priority(sess, a->id);
	for (k = 0; k < a->nquestions; k++) {
		const struct question *q = &p->questions[a->first + k];
		const struct answer *ans = session_answer(sess, q->id);
		const struct choice *ch;

		if ((int)q->nchoices > as->max_level)
			as->max_level = (int)q->nchoices;
		if (ans == NULL || ans->choice == ANSWER_NONE)
			continue;
		if (ans->choice == ANSWER_NA) {
			as->na++;
			continue;
		}
		if ((ch = question_choice(q, ans->choice)) == NULL)
			continue;
		as->answered++;
		sum += ch->level;
		if (steps != NULL && ch->level < (int)q->nchoices)
			steps[(*nsteps)++] = (struct plan_step){ q, ch };
	}
	as->level100 = mean100(sum, as->answered);
	as->sum = (int)sum;
}

void
score_areas(struct area_score *areas, const struct pack *p, const struct session *sess)
{
	size_t i;

	for (i = 0; i < p->nareas; i++)
		area_score(&areas[i], p, &p->areas[i], sess, NULL, NULL);
}

void
score_compute(struct score *s, const struct pack *p, const struct session *sess)
{
	long all_sum = 0;
	size_t i;

	memset(s, 0, sizeof(*s));
	s->areas = xcalloc(p->nareas, sizeof(*s->areas));
	s->nareas = p->nareas;
	s->plan = xcalloc(p->nareas, sizeof(*s->plan));
	for (i = 0; i < p->nareas; i++) {
		const struct area *a = &p->areas[i];
		struct area_score *as = &s->areas[i];
		struct plan_area *pa = &s->plan[s->nplan];

		pa->score = as;
		pa->steps = xcalloc(a->nquestions ? a->nquestions : 1, sizeof(*pa->steps));
		area_score(as, p, a, sess, pa->steps, &pa->nsteps);
		all_sum += as->sum;
		s->answered += as->answered;
		s->na += as->na;
		s->total += as->total;
		if (pa->nsteps == 0) {
			free(pa->steps);
			pa->steps = NULL;
			continue;
		}
		qsort(pa->steps, pa->nsteps, sizeof(*pa->steps), step_cmp);
		if (pa->nsteps > PLAN_STEPS_PER_AREA)
			pa->nsteps = PLAN_STEPS_PER_AREA;
		s->nplan++;
	}
	s->level100 = mean100(all_sum, s->answered);
	qsort(s->plan, s->nplan, sizeof(*s->plan), plan_cmp);
}

void
score_free(struct score *s)
{
	size_t i;

	for (i = 0; i < s->nplan; i++)
		free(s->plan[i].steps);
	free(s->plan);
	free(s->areas);
	memset(s, 0, sizeof(*s));
}

void
score_format_level(char *out, size_t size, int level100, char sep)
{
	snprintf(out, size, "%d%c%02d", level100 / 100, sep, level100 % 100);
}

/* SPDX-License-Identifier: MIT */
/*
 * room.c: a workshop room's votes read once (see room.h). The workshop
 * proposes the most voted option, the answers file notes where the agreed
 * answer departs from it, and the end of a workshop, the report and merge
 * list the same disagreements, so none of them decides these apart.
 */
#include <stdlib.h>

#include "room.h"
#include "util.h"

int
room_most_voted(const int *votes, int n)
{
	int i, best = 0;

	for (i = 1; i < n; i++)
		if (votes[i] > votes[best])
			best = i;
	return best;
}

bool
room_changed(const struct question *q, const struct answer *a)
{
	int most, agreed;
	size_t i;

	if (a == NULL || a->nvotes == 0 || a->choice == ANSWER_NONE)
		return false;
	most = room_most_voted(a->votes, a->nvotes);
	if (a->choice == ANSWER_NA)
		agreed = (int)q->nchoices;
	else {
		for (i = 0; i < q->nchoices && q->choices[i].id != a->choice; i++)
			;
		agreed = (int)i;
	}
	/* one of a tie for the most votes is as most voted as the one proposed */
	return agreed >= a->nvotes || a->votes[agreed] < a->votes[most];
}

static int
disagreement_cmp(const void *a, const void *b)
{
	const struct room_disagreement *x = a, *y = b;

	if (x->var != y->var)
		return x->var < y->var ? 1 : -1;
	return (x->q->index > y->q->index) - (x->q->index < y->q->index);
}

size_t
room_disagreements(const struct pack *p, const struct session *s,
    struct room_disagreement **out)
{
	struct room_disagreement *d = xcalloc(p->nquestions + 1, sizeof(*d));
	size_t i, n = 0;
	int k;

	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = &p->questions[i];
		const struct answer *a = session_answer(s, q->id);
		long long cnt = 0, s1 = 0, s2 = 0;
		int lo = 0, hi = 0;

		if (a == NULL || a->nvotes == 0)
			continue;
		for (k = 0; k < a->nvotes && k < (int)q->nchoices; k++) {
			if (a->votes[k] == 0)
				continue;
			cnt += a->votes[k];
			s1 += (long long)a->votes[k] * (k + 1);
			s2 += (long long)a->votes[k] * (k + 1) * (k + 1);
			if (lo == 0)
				lo = k + 1;
			hi = k + 1;
		}
		if (cnt < 2 || hi == lo)
			continue;
		d[n++] = (struct room_disagreement){ q, (cnt * s2 - s1 * s1) * 10000 / (cnt * cnt),
		    lo, hi };
	}
	qsort(d, n, sizeof(*d), disagreement_cmp);
	*out = d;
	return n < ROOM_MAX_DISAGREEMENTS ? n : ROOM_MAX_DISAGREEMENTS;
}

void
room_shares(const int *votes, int n, int *pct)
{
	long long total = 0, rest[VOTES_MAX];
	int i, j, k, given = 0, best, group, count;

	for (i = 0; i < n; i++)
		total += votes[i];
	for (i = 0; i < n; i++) {
		pct[i] = total > 0 ? (int)(votes[i] * 100LL / total) : 0;
		rest[i] = total > 0 ? votes[i] * 100LL % total : 0;
		given += pct[i];
	}
	/*
	 * The points left go to the largest remainders, to all the options of
	 * one count at once, so that a room sees a tie as a tie: a count held
	 * by more options than there are points left is passed over.
	 */
	for (k = given; total > 0 && k < 100; ) {
		for (best = -1, i = 0; i < n; i++) {
			for (group = 0, j = 0; j < n; j++)
				group += votes[j] == votes[i];
			if (rest[i] > 0 && k + group <= 100 && (best < 0 || rest[i] > rest[best]))
				best = i;
		}
		if (best < 0)
			break;	/* only a tie could take what is left: the shares add up to less */
		for (j = 0, count = votes[best]; j < n; j++)
			if (votes[j] == count) {
				pct[j]++;
				rest[j] = -1;
				k++;
			}
	}
}

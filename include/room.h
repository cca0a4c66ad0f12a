/* SPDX-License-Identifier: MIT */
/*
 * room.h: what a workshop's room said, decided once for the workshop
 * screens, the answers file and the reports: the option most voted, whether
 * the agreed answer departs from it, and the questions where the room
 * disagreed most. No curses here.
 */
#ifndef STOK_ROOM_H
#define STOK_ROOM_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "session.h"

#define ROOM_MAX_DISAGREEMENTS 5

/* The option most voted (0-based; the last is not applicable), the lower on a tie. */
int	room_most_voted(const int *votes, int n);
/*
 * Each option's share of the votes in whole percent, adding up to 100 (by
 * the largest remainders; all 0 when nobody voted): what every screen shows.
 * Equal counts always show equal shares; when only a tie could take the
 * last points (1 1 1: 33 33 33) the shares add up to less than 100.
 */
void	room_shares(const int *votes, int n, int *pct);
/*
 * True when the room voted on the question and agreed on an option with
 * fewer votes than the most voted (one of a tie for the most is not a change).
 */
bool	room_changed(const struct question *, const struct answer *);

struct room_disagreement {
	const struct question	*q;
	long long		 var;	/* variance of the levels voted, x 10000 */
	int			 lo, hi;	/* the lowest and highest level voted */
};

/*
 * The questions where the room's votes spread most (by the variance of the
 * levels voted, in integers; not applicable left out), most first, at
 * most ROOM_MAX_DISAGREEMENTS. *out holds them; the caller frees it.
 */
size_t	room_disagreements(const struct pack *, const struct session *,
	    struct room_disagreement **out);

#endif

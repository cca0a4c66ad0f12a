/* SPDX-License-Identifier: MIT */
/*
 * network.h: the profile of a network of organisations. An umbrella
 * network collects the answers files of its members (several respondents
 * of one organisation are first combined as merge does); the profile keeps,
 * per area and per question, how many organisations answered, the median
 * and quartiles of their levels and how many stand at each level, and
 * nothing else: no names, no notes, no single organisation's answers. A
 * group smaller than the profile's min_group (never under
 * NETWORK_MIN_GROUP) is counted but not described. A member's report can
 * then set its levels beside the network's (report --compare). No curses
 * here.
 */
#ifndef STOK_NETWORK_H
#define STOK_NETWORK_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "session.h"

#define NETWORK_MIN_GROUP	5	/* the smallest group a profile may describe */
#define NETWORK_MAX_FILE	(4 * 1024 * 1024)	/* bytes of a profile */

/* What the profile says of one area or question. Levels are in hundredths. */
struct net_stats {
	int	 orgs;		/* organisations with a level here */
	int	 na;		/* organisations for which a question was not applicable */
	bool	 shown;		/* orgs >= min_group: the fields below are filled */
	int	 median, lower, upper;	/* median and lower and upper quartiles */
	int	 levels[CONTENT_MAX_CHOICES];	/* organisations per whole level 1.. */
	int	 nlevels;
};

struct net_area {
	char		*id;
	struct net_stats st;
};

struct net_question {
	int		 id;
	struct net_stats st;
};

struct network {
	char			*pack_id;
	int			 version;
	char			*question_set;	/* pack_questions_hash() of the pack */
	int			 orgs;		/* organisations described */
	int			 min_group;
	struct net_area		*areas;		/* in pack order */
	size_t			 nareas;
	struct net_question	*questions;	/* in pack order */
	size_t			 nquestions;
};

/*
 * Build the profile of n answers files given to pack: files naming the
 * same organisation are one organisation, a file naming none is one of its
 * own. Returns NULL, with *orgs set, when there are fewer organisations
 * than min_group (which must be at least NETWORK_MIN_GROUP). The caller
 * frees the profile with network_free(); network_free(NULL) is a no-op.
 */
struct network *network_build(const struct pack *, const struct session *const *, size_t n,
	    int min_group, int *orgs);
void	network_free(struct network *);

/* The profile as YAML; the same bytes for the same profile. The caller frees it. */
char   *network_format(const struct network *);

/*
 * Read a profile, with the loader's FILE:LINE:COL diagnostics; NULL after
 * an error. network_parse reads from memory (buf NUL-terminated at len).
 */
struct network *network_read(const char *path);
struct network *network_parse(const char *path, const char *buf, size_t len);

/*
 * 0 when the profile describes this pack (id, version and question set),
 * else -1 after a diagnostic naming path.
 */
int	network_check_pack(const struct network *, const struct pack *, const char *path);

/* The statistics of an area or a question, NULL when the profile has none. */
const struct net_stats *network_area(const struct network *, const char *area_id);
const struct net_stats *network_question(const struct network *, int question_id);

#endif

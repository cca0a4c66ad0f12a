/* SPDX-License-Identifier: MIT */
/*
 * cmd_check.c: "stok-assess check [--stale YEARS] [PACK...]": load packs,
 * hold their links against their links register (when they have one) and
 * their index against their files (when they have one), list the answer
 * texts not reviewed for YEARS, print every diagnostic on stderr and one
 * summary line per pack on stdout. Warnings leave the exit status at 0.
 * And "stok-assess index PACK...", which writes a pack's index.
 */
#include <errno.h>
#include <dirent.h>
#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmark.h>

#include "commands.h"
#include "content.h"
#include "diag.h"
#include "links.h"
#include "mdmem.h"
#include "packs.h"
#include "text.h"
#include "util.h"

static void
summary(const char *dir, const struct pack *p, struct diag_counts before)
{
	struct diag_counts after = diag_counts();
	int errors = after.errors + after.io - before.errors - before.io;
	int warnings = after.warnings - before.warnings;
	char *safe = text_sanitized(dir);

	if (p == NULL)
		printf("%s: not loaded", safe);
	else {
		char *id = text_sanitized(p->id), *lang = text_sanitized(p->language);
		printf("%s: %s (%s, version %d): %zu area%s, %zu question%s, %zu answer text%s",
		    safe, id, lang, p->version, p->nareas, p->nareas == 1 ? "" : "s",
		    p->nquestions, p->nquestions == 1 ? "" : "s",
		    p->ntexts, p->ntexts == 1 ? "" : "s");
		free(id);
		free(lang);
	}
	if (errors == 0 && warnings == 0)
		printf(": ok\n");
	else
		printf(", %d error%s, %d warning%s\n", errors, errors == 1 ? "" : "s",
		    warnings, warnings == 1 ? "" : "s");
	free(safe);
}

/* Warn about every text not reviewed since cutoff (YYYYMMDD), or never. */
static void
check_stale(const struct pack *p, int cutoff, int years)
{
	size_t i;

	for (i = 0; i < p->ntexts; i++) {
		const struct answer_text *t = p->texts[i];
		int d = t->reviewed;

		if (t->body == NULL)
			continue;	/* it did not parse: said already */
		if (d == 0)
			diag(DIAG_WARNING, t->path, t->reviewed_line, t->reviewed_col,
			    "the text has no 'reviewed' date: review it and add one (YYYY-MM-DD)");
		else if (d < cutoff)
			diag(DIAG_WARNING, t->path, t->reviewed_line, t->reviewed_col,
			    "last reviewed on %04d-%02d-%02d, more than %d year%s ago: review the "
			    "text and update 'reviewed'", d / 10000, d / 100 % 100, d % 100, years,
			    years == 1 ? "" : "s");
	}
}

/*
 * cmark's memory while check looks at one text: each thread's from an
 * arena of its own, let go whole when the text is done (mdmem.h), instead
 * of a malloc and a free for every node and buffer of the parse (a fifth
 * of check's instructions went to them).
 */
static _Thread_local struct arena *scratch;

/* body parsed with its memory in this thread's scratch arena; scratch_end lets it all go. */
static cmark_node *
scratch_parse(const char *body, size_t len)
{
	scratch = arena_new(65536);
	md_arena_use(scratch);
	/* no CMARK_OPT_VALIDATE_UTF8: the loader took the text only as valid UTF-8, as guidance_parse relies on */
	return md_parse(body, len, CMARK_OPT_DEFAULT);
}

static void
scratch_end(void)
{
	md_arena_use(NULL);
	arena_free(scratch);
	scratch = NULL;
}

/*
 * Each answer text's body parsed once, on up to four threads, for both
 * of what check asks of it: its lint (held, then said in file order) and
 * its links (appended in file order). Parsing it once for each was most
 * of check's time.
 */
struct walk {
	const struct pack	*p;
	struct diag_held	*held;
	struct link_uses	*links;		/* one a text */
};

static void
walk_one(void *arg, size_t i)
{
	struct walk *w = arg;
	const struct answer_text *t = w->p->texts[i];
	cmark_node *doc;

	if (t == NULL || t->body == NULL)
		return;
	doc = scratch_parse(t->body, t->body_len);
	diag_hold(&w->held[i]);
	answer_text_lint(t, doc);
	diag_hold(NULL);
	links_collect_doc(&w->links[i], t, doc);
	scratch_end();	/* doc with it */
}

static void
walk_texts(const struct pack *p, struct link_uses *u)
{
	struct walk w = { p, xcalloc(p->ntexts ? p->ntexts : 1, sizeof(*w.held)),
	    xcalloc(p->ntexts ? p->ntexts : 1, sizeof(*w.links)) };
	size_t i;

	parallel_for(p->ntexts, p->ntexts / CONTENT_TEXTS_PER_THREAD, walk_one, &w);
	for (i = 0; i < p->ntexts; i++) {	/* in file order, as a single thread */
		diag_release(&w.held[i]);
		link_uses_take(u, &w.links[i]);
	}
	free(w.held);
	free(w.links);
}

/*
 * The pack's links (u, from walk_texts): each must be an absolute http
 * or https address (the only kind a reader can follow from a printed
 * report, and the only kind the register holds), and, when the pack has
 * a register, be in it.
 */
static void
check_links(const struct pack *p, struct link_uses *u)
{
	struct link_register r;

	links_check_addresses(u);
	switch (link_register_load(&r, p->dir)) {
	case REGISTER_READ:
		links_check(u, &r);
		break;
	case REGISTER_UNREADABLE:
		links_unchecked(r.path);
		break;
	case REGISTER_NONE:
		break;
	}
	link_register_free(&r);
}

/* What check says of a loaded pack's texts beyond the loader: their lint and their links. */
static void
lint_pack(const struct pack *p)
{
	struct link_uses u;

	link_uses_init(&u);
	walk_texts(p, &u);
	check_links(p, &u);
	link_uses_free(&u);
}

/* Check the pack in dir; list and i, when list is not NULL, name it among the bundled packs. */
static void
check_one(const char *dir, int stale_years, const struct pack_list *list, size_t i)
{
	struct diag_counts before = diag_counts();
	struct pack *p;

	if (list != NULL)
		packs_shadowed(list, i);

	if (pack_load(dir, &p) == LOAD_OK)
		pack_index_check(p);
	if (p != NULL)	/* what check passes, index takes */
		pack_index_names_check(p);
	if (p != NULL)	/* a directory with an assessment file */
		lint_pack(p);
	if (p != NULL && stale_years > 0) {
		int today = content_today();
		check_stale(p, today - stale_years * 10000, stale_years);
	}
	summary(dir, p, before);
	pack_free(p);
}

static int
name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * Check every pack in a folder of packs (as --content takes one), in the
 * order list gives them: each folder in it with an assessment file, the
 * broken ones too, which list passes over. Two packs of one id and
 * language are warned of as list sees them.
 */
static void
check_folder(const char *dir, int stale_years)
{
	struct pack_list list;
	struct dirent **ents;
	size_t k;
	int i, n, found = 0;

	if ((n = scandir(dir, &ents, NULL, name_cmp)) < 0) {
		diag(DIAG_IO, dir, 0, 0, "cannot read the packs: %s", errno_text(errno));
		return;
	}
	diag_mute(true);	/* each pack's words are check_one's */
	packs_scan(dir, &list);
	diag_mute(false);
	for (i = 0; i < n; i++) {
		char *pack = xasprintf("%s/%s", dir, ents[i]->d_name);
		char *file = xasprintf("%s/assessment.yaml", pack);

		if (ents[i]->d_name[0] != '.' && access(file, F_OK) == 0) {
			for (k = 0; k < list.n && strcmp(list.v[k].dir, pack) != 0; k++)
				;
			check_one(pack, stale_years, k < list.n ? &list : NULL, k);
			found++;
		}
		free(file);
		free(pack);
		free(ents[i]);
	}
	free(ents);
	packs_free(&list);
	if (found == 0)
		diag(DIAG_ERROR, dir, 0, 0, "holds no packs: name a pack's folder, the one "
		    "with its assessment.yaml, or a folder of such folders");
}

/* A folder with no assessment file of its own: a folder of packs, as --content takes it. */
static bool
is_folder_of_packs(const char *dir)
{
	char *file = xasprintf("%s/assessment.yaml", dir);
	struct stat st;
	bool folder = access(file, F_OK) != 0 && errno == ENOENT && stat(dir, &st) == 0 &&
	    S_ISDIR(st.st_mode);

	free(file);
	return folder;
}

int
cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "stale", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, stale = 0;

	while ((ch = cmd_getopt(argc, argv, "h", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("usage: stok-assess check [--stale YEARS] [PACK ...]\n");
			return 0;
		case 's':
			if (!parse_id(optarg, strlen(optarg), 1000, &stale))
				return usage_error("--stale takes a whole number of years from 1 to "
				    "1000, not '%s'", optarg);
			break;
		default:
			return usage_error(NULL);
		}
	}
	if (optind == argc)
		check_folder(packs_datadir(), stale);
	for (; optind < argc; optind++)
		if (is_folder_of_packs(argv[optind]))
			check_folder(argv[optind], stale);
		else
			check_one(argv[optind], stale, NULL, 0);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		diag_plain(DIAG_IO, "cannot write to standard output");
		return 1;
	}
	return diag_exit_status();
}

/*
 * Index a pack that check passes without a word (its index aside, which
 * is what is being written); otherwise say why not.
 */
static void
index_one(const char *dir)
{
	struct diag_counts before = diag_counts(), after;
	struct pack *p;
	char *safe;

	if (pack_load(dir, &p) == LOAD_OK)
		lint_pack(p);
	after = diag_counts();
	if (after.errors + after.io + after.warnings !=
	    before.errors + before.io + before.warnings) {
		diag(DIAG_ERROR, dir, 0, 0, "not indexed: only a pack that 'stok-assess check' "
		    "passes without a single error or warning is indexed; fix what is said above "
		    "first");
	} else if (pack_index_write(p) == 0) {
		safe = text_sanitized(p->dir);
		printf("%s/%s: %zu answer text%s\n", safe, PACK_INDEX_FILE, p->ntexts,
		    p->ntexts == 1 ? "" : "s");
		free(safe);
	}
	pack_free(p);
}

int
cmd_index(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = cmd_getopt(argc, argv, "h", longopts)) != -1) {
		switch (ch) {
		case 'h':
			printf("usage: stok-assess index PACK ...\n");
			return 0;
		default:
			return usage_error(NULL);
		}
	}
	if (optind >= argc)
		return usage_error("index takes the directory of a pack, or several");
	for (; optind < argc; optind++)
		index_one(argv[optind]);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		diag_plain(DIAG_IO, "cannot write to standard output");
		return 1;
	}
	return diag_exit_status();
}

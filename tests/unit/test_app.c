/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the wizard's interface-free layer (app.c) on the test
 * pack (questions 8 and 11 in areas gonulluler and strateji): what comes
 * next, what counts as answered, roles, priorities, guidance, yes and no,
 * and the sessions kept: an organisation without answers survives a
 * restart of the program, and starting again moves the old answers aside
 * only when the new session has something of its own. Run from the top of
 * the source tree.
 */
#include <pwd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "app.h"
#include "diag.h"
#include "fileio.h"
#include "layout.h"
#include "session.h"
#include "util.h"

#define BASE "tests/content/base"

static FILE *devnull;
static char dir[] = "/tmp/test_app.XXXXXX";
static char path[300];

static void
empty_dir(void)
{
	char cmd[400];

	snprintf(cmd, sizeof(cmd), "rm -f %s/*", dir);
	if (system(cmd) != 0)
		fail();
}

static int
setup(void **state)
{
	(void)state;
	/*
	 * The interface in English, the words these tests expect, whatever
	 * catalogues are installed on the machine (a "make install" puts a
	 * Turkish one where this build would find it for a Turkish pack).
	 */
	setenv("LANGUAGE", "en", 1);
	devnull = fopen("/dev/null", "w");
	diag_set_stream(devnull);
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/s.yaml", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	empty_dir();
	rmdir(dir);
	diag_set_stream(NULL);
	fclose(devnull);
	return 0;
}

static int
fresh(void **state)
{
	(void)state;
	empty_dir();
	return 0;
}

static void
open_app(struct app *a, struct app_options *o)
{
	memset(o, 0, sizeof(*o));
	o->content = BASE;
	o->session_path = path;
	assert_int_equal(app_open(a, o), 0);
}

static void
write_file(const char *p, const char *text)
{
	assert_int_equal(file_write_atomic(p, text, strlen(text), true), 0);
}

static char *
read_text(const char *p)
{
	char *buf;
	size_t len;

	if (file_read(p, 1 << 20, "a test file", &buf, &len) != 0)
		return NULL;
	return buf;
}

#define HDR "pack: deneme\nversion: 1\nlanguage: tr\n"

static void
test_next_question(void **state)
{
	struct app_options o;
	struct app a;
	const struct question *q8, *q11;

	(void)state;
	open_app(&a, &o);
	q8 = &a.pack->questions[0];
	q11 = &a.pack->questions[1];
	assert_int_equal(app_first_unanswered(&a), 0);
	assert_int_equal(app_resume_question(&a), 0);
	assert_false(app_complete(&a));
	assert_false(app_has_work(&a));
	/* a note alone is not an answer, but it is work to keep */
	session_set_note(a.sess, q8->id, "yalnızca not");
	assert_false(app_is_answered(&a, q8));
	assert_true(app_has_work(&a));
	assert_int_equal(app_first_unanswered(&a), 0);
	assert_int_equal(app_saved_option(&a, q8), -1);
	app_choose(&a, q8, 1);
	assert_true(app_is_answered(&a, q8));
	assert_int_equal(app_saved_option(&a, q8), 1);
	assert_int_equal(app_first_unanswered(&a), 1);
	assert_int_equal(app_resume_question(&a), 1);
	/* the last option is "not applicable", an answer too */
	app_choose(&a, q11, q11->nchoices);
	assert_int_equal(session_answer(a.sess, q11->id)->choice, ANSWER_NA);
	assert_int_equal(app_saved_option(&a, q11), (int)q11->nchoices);
	assert_true(app_complete(&a));
	assert_int_equal(app_first_unanswered(&a), 2);
	assert_int_equal(app_resume_question(&a), 0);
	assert_int_equal(app_answered(&a), 2);
	assert_string_equal(app_option_label(q11, q11->nchoices), "Not applicable to us");
	assert_string_equal(app_option_label(q11, 0), q11->choices[0].text->title);
	app_close(&a);
}

static void
test_roles(void **state)
{
	struct app_options o;
	struct app a;
	const struct app_role *r;
	size_t n;

	(void)state;
	open_app(&a, &o);
	r = app_roles(&a, &n);
	assert_int_equal(n, 5);
	assert_string_equal(r[0].id, "board");
	assert_string_equal(r[0].title, "Board member");
	assert_string_equal(r[4].id, "member");
	assert_string_equal(app_role_parse(&a, "BOARD"), "board");
	assert_string_equal(app_role_parse(&a, "Volunteer"), "volunteer");
	assert_string_equal(app_role_parse(&a, "Saymans"), "Saymans");
	/* a title typed in other case or spacing is still the role, as an id is */
	assert_string_equal(app_role_parse(&a, "board MEMBER"), "board");
	assert_string_equal(app_role_parse(&a, " Staff  member "), "staff");
	assert_string_equal(app_role_parse(&a, "Staff members"), "Staff members");
	assert_string_equal(app_role_label(&a, "staff"), "Staff member");
	assert_string_equal(app_role_label(&a, "Saymans"), "Saymans");
	assert_string_equal(app_role_label(&a, NULL), "-");
	app_close(&a);
}

static void
test_priorities_and_yes_no(void **state)
{
	(void)state;
	assert_int_equal(app_priority_order[0], PRIORITY_HIGH);
	assert_int_equal(app_priority_order[APP_NPRIORITIES - 1], PRIORITY_NONE);
	assert_string_equal(app_priority_label(PRIORITY_LOW), "Low priority");
	assert_string_equal(app_yes_no_keys(), "y/n");
	assert_int_equal(app_yes_no('y'), 1);
	assert_int_equal(app_yes_no('N'), 0);
	assert_int_equal(app_yes_no('x'), -1);
	assert_int_equal(app_yes_no(0x131), -1);	/* ı */
	assert_int_equal(app_yes_no_word("yes"), 1);
	assert_int_equal(app_yes_no_word("no"), 0);
	assert_int_equal(app_yes_no_word(""), -1);
}

static void
test_guidance(void **state)
{
	struct app_options o;
	struct app a;
	struct layout lo;
	struct linkset links;
	const struct question *q8;
	struct buf b;

	(void)state;
	open_app(&a, &o);
	q8 = &a.pack->questions[0];
	layout_init(&lo);
	linkset_init(&links);
	assert_int_equal(app_guidance(&a, q8, 60, &lo, &links), GUIDANCE_NO_ANSWER);
	layout_free(&lo);
	layout_init(&lo);
	app_choose(&a, q8, q8->nchoices);
	assert_int_equal(app_guidance(&a, q8, 60, &lo, &links), GUIDANCE_NOT_APPLICABLE);
	layout_free(&lo);
	layout_init(&lo);
	app_choose(&a, q8, 1);
	assert_int_equal(app_guidance(&a, q8, 60, &lo, &links), GUIDANCE_OK);
	buf_init(&b);
	layout_to_text(&lo, &b);
	assert_non_null(strstr(b.data, q8->choices[1].text->title));
	if (links.n > 0)
		assert_non_null(strstr(b.data, "[1] "));
	buf_free(&b);
	layout_free(&lo);
	linkset_free(&links);
	app_close(&a);
}

/* The inode of path now: a save writes a new file and renames it there. */
static ino_t
inode(const char *p)
{
	struct stat st;

	return lstat(p, &st) == 0 ? st.st_ino : 0;
}

/*
 * A save whose bytes the file holds already writes nothing: quitting saved
 * twice, each time a file written, synced and renamed, and Enter on the
 * answer already chosen saved again. A change, or a file that is no longer
 * the one written, is written.
 */
static void
test_save_unchanged(void **state)
{
	struct app_options o;
	struct app a;
	ino_t first;
	char *text;

	(void)state;
	unlink(path);
	open_app(&a, &o);
	app_choose(&a, &a.pack->questions[0], 0);
	assert_int_equal(app_save(&a), 0);
	assert_int_not_equal(first = inode(path), 0);
	assert_int_equal(app_save(&a), 0);
	assert_true(inode(path) == first);
	app_choose(&a, &a.pack->questions[0], 0);	/* the same answer again */
	assert_int_equal(app_save(&a), 0);
	assert_true(inode(path) == first);
	app_choose(&a, &a.pack->questions[0], 1);
	assert_int_equal(app_save(&a), 0);
	assert_true(inode(path) != first);
	/* written over by someone else, or gone: written again */
	write_file(path, HDR);
	assert_int_equal(app_save(&a), 0);
	text = read_text(path);
	assert_non_null(text);
	assert_non_null(strstr(text, "choice: 2"));
	free(text);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(app_save(&a), 0);
	assert_int_not_equal(first = inode(path), 0);
	app_close(&a);
	/* resumed and quit without a change: the file read is the file kept */
	open_app(&a, &o);
	assert_true(a.resumable);
	assert_int_equal(app_save(&a), 0);
	assert_true(inode(path) == first);
	app_close(&a);
	/* a file in another form than a save's (a comment, another order) is written anew */
	write_file(path, HDR "answers:\n  - choice: 1\n    question: 8\n");
	first = inode(path);
	open_app(&a, &o);
	assert_int_equal(app_save(&a), 0);
	assert_true(inode(path) != first);
	app_close(&a);
}

/* An organisation and a role saved without any answer come back. */
static void
test_organisation_kept(void **state)
{
	struct app_options o;
	struct app a;
	char *text;

	(void)state;
	write_file(path, HDR "organisation: \"Yeşil Işık Derneği\"\nrole: \"board\"\n");
	open_app(&a, &o);
	assert_non_null(a.sess->organisation);
	assert_string_equal(a.sess->organisation, "Yeşil Işık Derneği");
	assert_string_equal(a.sess->role, "board");
	assert_false(a.resumable);
	/* the first answer keeps them */
	app_choose(&a, &a.pack->questions[0], 0);
	assert_int_equal(app_save(&a), 0);
	app_close(&a);
	text = read_text(path);
	assert_non_null(text);
	assert_non_null(strstr(text, "organisation: \"Yeşil Işık Derneği\"\n"));
	assert_non_null(strstr(text, "role: \"board\"\n"));
	free(text);
	/* --organisation and --role win over the saved ones */
	memset(&o, 0, sizeof(o));
	o.content = BASE;
	o.session_path = path;
	o.organisation = "Mavi Dernek";
	o.role = "VOLUNTEER";
	assert_int_equal(app_open(&a, &o), 0);
	assert_string_equal(a.sess->organisation, "Mavi Dernek");
	assert_string_equal(a.sess->role, "volunteer");
	assert_true(a.resumable);
	app_close(&a);
}

/* Starting again never loses the old answers. */
static void
test_restart_keeps_old(void **state)
{
	struct app_options o;
	struct app a;
	char *before, *after, *backup, *old;

	(void)state;
	write_file(path, HDR "date: \"2026-11-20\"\norganisation: \"Dernek\"\n"
	    "answers:\n  - question: 8\n    choice: 2\n  - question: 11\n    choice: 3\n");
	before = read_text(path);
	open_app(&a, &o);
	assert_true(a.resumable);
	assert_int_equal(a.saved_answers, 2);
	backup = app_backup_path(&a);
	assert_non_null(backup);
	assert_non_null(strstr(backup, "/s-2026-11-20.yaml"));
	app_restart(&a);
	assert_int_equal(app_answered(&a), 0);
	assert_string_equal(a.sess->organisation, "Dernek");
	/* nothing new: a save (as on quitting) leaves the file alone */
	assert_int_equal(app_save(&a), 0);
	after = read_text(path);
	assert_string_equal(before, after);
	free(after);
	assert_int_equal(access(backup, F_OK), -1);
	/* the first new answer moves the old session aside, then writes the new */
	app_choose(&a, &a.pack->questions[0], 0);
	assert_int_equal(app_save(&a), 0);
	old = read_text(backup);
	assert_non_null(old);
	assert_string_equal(old, before);
	after = read_text(path);
	assert_non_null(strstr(after, "    choice: 1\n"));
	assert_null(strstr(after, "choice: 3"));
	assert_non_null(strstr(after, "organisation: \"Dernek\"\n"));
	/* later saves write only the new file */
	assert_int_equal(app_save(&a), 0);
	free(old);
	old = read_text(backup);
	assert_string_equal(old, before);
	/* a second restart on the same day does not overwrite the first backup */
	app_restart(&a);
	assert_non_null(a.restart_backup);
	assert_string_not_equal(a.restart_backup, backup);
	app_close(&a);
	free(old);
	free(after);
	free(before);
	free(backup);
}

/* --fresh is a start over too: the saved file moves aside at the first answer. */
static void
test_fresh_keeps_old(void **state)
{
	struct app_options o;
	struct app a;
	char *before, *old, *backup;

	(void)state;
	write_file(path, HDR "answers:\n  - question: 8\n    choice: 2\n");
	before = read_text(path);
	memset(&o, 0, sizeof(o));
	o.content = BASE;
	o.session_path = path;
	o.fresh = true;
	assert_int_equal(app_open(&a, &o), 0);
	assert_int_equal(app_answered(&a), 0);
	assert_non_null(a.restart_backup);
	backup = xstrdup(a.restart_backup);
	assert_int_equal(app_save(&a), 0);
	old = read_text(path);
	assert_string_equal(old, before);
	free(old);
	app_choose(&a, &a.pack->questions[1], 0);
	assert_int_equal(app_save(&a), 0);
	old = read_text(backup);
	assert_non_null(old);
	assert_string_equal(old, before);
	app_close(&a);
	free(old);
	free(before);
	free(backup);
}

/*
 * A folder (or a device) named as the session is refused before anything
 * is made beside it: its lock was made first, and only a user who could
 * not write there (not root) heard of the lock instead of the file.
 */
static void
test_special_session(void **state)
{
	struct app_options o;
	struct app a;
	char folder[320], lock[330];

	(void)state;
	snprintf(folder, sizeof(folder), "%s/folder", dir);
	snprintf(lock, sizeof(lock), "%s.lock", folder);
	assert_int_equal(mkdir(folder, 0700), 0);
	memset(&o, 0, sizeof(o));
	o.content = BASE;
	o.session_path = folder;
	assert_int_equal(app_open(&a, &o), 2);
	assert_int_equal(access(lock, F_OK), -1);
	app_close(&a);
	assert_int_equal(rmdir(folder), 0);
}

/* The default folder for sessions is never under the working directory. */
static void
test_state_dir(void **state)
{
	struct passwd *pw = getpwuid(getuid());
	char *home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL, *xdg = getenv("XDG_STATE_HOME") ?
	    xstrdup(getenv("XDG_STATE_HOME")) : NULL, *d, *want;

	(void)state;
	assert_non_null(pw);
	want = xasprintf("%s/.local/state/stok-assess", pw->pw_dir);
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");	/* was "./.local/state/stok-assess" */
	assert_string_equal(d = app_state_dir(), want);
	free(d);
	setenv("HOME", "", 1);
	assert_string_equal(d = app_state_dir(), want);
	free(d);
	setenv("HOME", "relative", 1);
	assert_string_equal(d = app_state_dir(), want);
	free(d);
	setenv("HOME", "/home/elif", 1);
	assert_string_equal(d = app_state_dir(), "/home/elif/.local/state/stok-assess");
	free(d);
	setenv("XDG_STATE_HOME", "/srv/state", 1);
	assert_string_equal(d = app_state_dir(), "/srv/state/stok-assess");
	free(d);
	free(want);
	if (home != NULL)
		setenv("HOME", home, 1);
	else
		unsetenv("HOME");
	if (xdg != NULL)
		setenv("XDG_STATE_HOME", xdg, 1);
	else
		unsetenv("XDG_STATE_HOME");
	free(home);
	free(xdg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_next_question, fresh),
		cmocka_unit_test_setup(test_roles, fresh),
		cmocka_unit_test_setup(test_priorities_and_yes_no, fresh),
		cmocka_unit_test_setup(test_guidance, fresh),
		cmocka_unit_test_setup(test_organisation_kept, fresh),
		cmocka_unit_test_setup(test_save_unchanged, fresh),
		cmocka_unit_test_setup(test_restart_keeps_old, fresh),
		cmocka_unit_test_setup(test_fresh_keeps_old, fresh),
		cmocka_unit_test_setup(test_special_session, fresh),
		cmocka_unit_test(test_state_dir),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

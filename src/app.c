/* SPDX-License-Identifier: MIT */
/*
 * app.c: the wizard's state outside any user interface: choosing the pack,
 * finding and loading the saved session, saving it after every change.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "packs.h"
#include "diag.h"

/*
 * Remove the temporary files an interrupted save left beside the session
 * (path.tmp.XXXXXX): a kill between mkstemp and rename leaves one.
 */
static void
remove_stale_temporaries(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/'), *prefix, *full;
	const char *base;
	struct dirent *de;
	size_t plen;
	DIR *d;

	if (slash != NULL) {
		*slash = '\0';
		base = slash + 1;
	} else {
		free(dir);
		dir = xstrdup(".");
		base = path;
	}
	prefix = xasprintf("%s.tmp.", base);
	plen = strlen(prefix);
	if ((d = opendir(*dir != '\0' ? dir : "/")) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strncmp(de->d_name, prefix, plen) != 0 || strlen(de->d_name) != plen + 6)
				continue;
			full = xasprintf("%s/%s", dir, de->d_name);
			unlink(full);
			free(full);
		}
		closedir(d);
	}
	free(prefix);
	free(dir);
}

/* mkdir -p with mode 0700 for what it creates. */
static int
make_dirs(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0700) < 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* $XDG_STATE_HOME/stok-assess, or ~/.local/state/stok-assess. */
static char *
state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/stok-assess", xdg);
	if (home == NULL || *home == '\0')
		home = ".";
	return xasprintf("%s/.local/state/stok-assess", home);
}

static void
today(char *out, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL || strftime(out, size, "%Y-%m-%d", &tm) == 0)
		out[0] = '\0';
}

static struct session *
fresh_session(const struct pack *p)
{
	struct session *s = session_new(p);
	char date[16];

	today(date, sizeof(date));
	if (date[0] != '\0')
		s->date = xstrdup(date);
	return s;
}

/*
 * Demo mode: the session lives in a new directory under $TMPDIR (or /tmp)
 * and goes with it at the end, so a trainer's machine keeps nothing; with
 * --sample it starts from the example answers shipped with the pack.
 */
static int
demo_open(struct app *a, const struct app_options *o)
{
	const char *tmp = getenv("TMPDIR");
	char *sample;

	a->demo_dir = xasprintf("%s/stok-assess-demo-XXXXXX",
	    tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(a->demo_dir) == NULL) {
		diag(DIAG_IO, a->demo_dir, 0, 0, "cannot create a directory for the demo: %s",
		    errno_text(errno));
		free(a->demo_dir);
		a->demo_dir = NULL;
		return 1;
	}
	a->session_path = xasprintf("%s/%s.yaml", a->demo_dir, a->pack->id);
	if (o->sample) {
		sample = xasprintf("%s/sample.yaml", a->pack->dir);
		a->sess = session_read(sample, a->pack);
		free(sample);
		if (a->sess == NULL)
			return diag_exit_status() ? diag_exit_status() : 2;
	} else {
		a->sess = fresh_session(a->pack);
	}
	return 0;
}

int
app_open(struct app *a, const struct app_options *o)
{
	struct stat st;
	char *dir;
	int status;

	memset(a, 0, sizeof(*a));
	a->demo = o->demo;
	a->workshop = o->workshop;
	a->pack = packs_load(o->content, o->pack_id, o->lang, &status);
	if (a->pack == NULL)
		return status ? status : 2;
	if (o->demo)
		return demo_open(a, o);
	if (o->session_path != NULL) {
		a->session_path = xstrdup(o->session_path);
	} else {
		dir = state_dir();
		if (make_dirs(dir) < 0) {
			diag(DIAG_IO, dir, 0, 0, "cannot create the directory for saved sessions: %s",
			    errno_text(errno));
			free(dir);
			return 1;
		}
		a->session_path = xasprintf("%s/%s.yaml", dir, a->pack->id);
		free(dir);
	}
	remove_stale_temporaries(a->session_path);
	if (!o->fresh && stat(a->session_path, &st) == 0) {
		a->sess = session_read(a->session_path, a->pack);
		if (a->sess == NULL) {
			/* a file refused unread (a link, not regular, too large) has said why */
			if (lstat(a->session_path, &st) == 0 && S_ISREG(st.st_mode) &&
			    st.st_size <= SESSION_MAX_FILE)
				diag(DIAG_ERROR, a->session_path, 0, 0, "the saved session cannot be "
				    "read; move it away or start with --fresh");
			return diag_exit_status() ? diag_exit_status() : 2;
		}
		a->saved_answers = app_answered(a);
		a->resumable = a->saved_answers > 0;
		if (!a->resumable) {
			session_free(a->sess);
			a->sess = NULL;
		}
	}
	if (a->sess == NULL)
		a->sess = fresh_session(a->pack);
	return 0;
}

void
app_restart(struct app *a)
{
	session_free(a->sess);
	a->sess = fresh_session(a->pack);
	a->resumable = false;
}

int
app_save(struct app *a)
{
	return session_write(a->sess, a->session_path, true);
}

void
app_remove_demo(struct app *a)
{
	if (a->demo_dir == NULL)
		return;
	unlink(a->session_path);
	rmdir(a->demo_dir);
	free(a->demo_dir);
	a->demo_dir = NULL;
}

void
app_close(struct app *a)
{
	app_remove_demo(a);
	pack_free(a->pack);
	session_free(a->sess);
	free(a->session_path);
	memset(a, 0, sizeof(*a));
}

int
app_answered(const struct app *a)
{
	size_t i;
	int n = 0;

	for (i = 0; i < a->sess->nanswers; i++)
		if (a->sess->answers[i].choice != ANSWER_NONE)
			n++;
	return n;
}

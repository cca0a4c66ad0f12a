/* SPDX-License-Identifier: MIT */
/*
 * app.c: the wizard's state outside any user interface: choosing the pack,
 * finding and loading the saved session, saving it after every change.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "packs.h"
#include "diag.h"

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

int
app_open(struct app *a, const struct app_options *o)
{
	struct stat st;
	char *dir;
	int status;

	memset(a, 0, sizeof(*a));
	a->pack = packs_load(o->content, o->pack_id, o->lang, &status);
	if (a->pack == NULL)
		return status ? status : 2;
	if (o->session_path != NULL) {
		a->session_path = xstrdup(o->session_path);
	} else {
		dir = state_dir();
		if (make_dirs(dir) < 0) {
			diag(DIAG_IO, dir, 0, 0, "cannot create the directory for saved sessions: %s",
			    strerror(errno));
			free(dir);
			return 1;
		}
		a->session_path = xasprintf("%s/%s.yaml", dir, a->pack->id);
		free(dir);
	}
	if (!o->fresh && stat(a->session_path, &st) == 0) {
		a->sess = session_read(a->session_path, a->pack);
		if (a->sess == NULL) {
			diag(DIAG_ERROR, a->session_path, 0, 0, "the saved session cannot be read; "
			    "move it away or start with --fresh");
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
app_close(struct app *a)
{
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

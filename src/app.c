/* SPDX-License-Identifier: MIT */
/*
 * app.c: the wizard's state outside any user interface: choosing the pack,
 * finding and loading the saved session, saving it after every change
 * (and keeping the old one when the user starts again), and what both
 * interfaces ask of the assessment: which question comes next, what is
 * answered, the roles, the priorities, "not applicable", the guidance,
 * yes and no. Line mode and the curses screens only present these.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "diag.h"
#include "fileio.h"
#include "i18n.h"
#include "layout.h"
#include "packs.h"
#include "report.h"
#include "text.h"

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

/*
 * $XDG_STATE_HOME/stok-assess, or ~/.local/state/stok-assess: the home
 * HOME names, else the account's own. NULL when neither is an absolute
 * path: answers saved under the working directory (as they were) could
 * land in a folder someone else made there, in /tmp say.
 */
const char *
app_home(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if ((home == NULL || home[0] != '/') && (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	return home != NULL && home[0] == '/' ? home : NULL;
}

char *
app_file_path(const char *typed)
{
	const char *home;
	char *expanded, *path;

	/* "~" alone is the home as well, as in the shell, never a file named ~ */
	if (typed[0] != '~' || (typed[1] != '/' && typed[1] != '\0') || (home = app_home()) == NULL)
		return file_absolute(typed);
	expanded = xasprintf("%s%s", home, typed + 1);
	path = file_absolute(expanded);
	free(expanded);
	return path;
}

char *
app_state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = app_home();

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/stok-assess", xdg);
	if (home == NULL)
		return NULL;
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
		a->sample = true;
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

/* --organisation and --role, over what the saved session holds. */
static void
apply_options(struct app *a, const struct app_options *o)
{
	if (o->organisation != NULL) {
		free(a->sess->organisation);
		a->sess->organisation = *o->organisation != '\0' ? xstrdup(o->organisation) : NULL;
	}
	if (o->role != NULL) {
		free(a->sess->role);
		a->sess->role = *o->role != '\0' ? xstrdup(app_role_parse(a, o->role)) : NULL;
	}
}

/*
 * One wizard a session: a lock on FILE.lock, held while the program runs
 * (the kernel lets it go however the program ends), so that a second
 * wizard on the same answers cannot overwrite them with its own. The lock
 * is on a file beside the answers because saving replaces the answers
 * file. 0, or an exit status after an error.
 */
static int
app_lock(struct app *a)
{
	struct stat held, named;
	char *path = xasprintf("%s.lock", a->session_path);
	int fd, rc, tries;

	for (;;) {
		if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0) {
			/*
			 * told to the person answering, in their language, of the file
			 * they know: the lock beside it is the first file made there
			 */
			diag_user(DIAG_IO, a->session_path, _("cannot keep the answers in this "
			    "folder: %s; give --session a file in a folder you can write to"),
			    errno_said(errno));
			free(path);
			return 1;
		}
		/* a wizard that is just ending gets two seconds to let go */
		rc = flock(fd, LOCK_EX | LOCK_NB);
		for (tries = 0; rc < 0 && errno == EWOULDBLOCK && tries < 40; tries++) {
			nanosleep(&(struct timespec){ 0, 50 * 1000 * 1000 }, NULL);
			rc = flock(fd, LOCK_EX | LOCK_NB);
		}
		if (rc < 0) {
			if (errno == EWOULDBLOCK)
				diag_user(DIAG_ERROR, a->session_path, "%s", _("is open in another "
				    "stok-assess, which would overwrite what this one saves: "
				    "finish there, or give this one another file with --session"));
			else
				diag_user(DIAG_IO, path, _("cannot lock the session: %s"),
				    errno_said(errno));
			close(fd);
			free(path);
			return 1;
		}
		/* the lock counts only on the file the name still has */
		if (fstat(fd, &held) == 0 && stat(path, &named) == 0 &&
		    held.st_dev == named.st_dev && held.st_ino == named.st_ino)
			break;
		close(fd);
	}
	a->lock_path = path;
	a->lock_fd = fd;
	return 0;
}

static void
app_unlock(struct app *a)
{
	if (a->lock_path == NULL)
		return;
	unlink(a->lock_path);	/* while held: whoever waits takes a new one */
	close(a->lock_fd);
	free(a->lock_path);
	a->lock_path = NULL;
}

/*
 * The wizard reads no answer text before it needs one: through a pack's
 * index (an installed pack has one), each is read as its question comes
 * (app_choice_title, app_guidance, report_write). Without a current
 * index the pack is read whole, as ever, by app_load_texts.
 */
static int
texts_status(struct app *a, enum load_status st)
{
	if (st == LOAD_OK)
		return 0;
	a->texts_failed = true;
	return diag_exit_status() ? diag_exit_status() : 2;
}

int
app_load_texts(struct app *a)
{
	if (a->texts_loaded)
		return 0;
	a->texts_loaded = true;
	return texts_status(a, pack_load_finish(a->pack, &pack_want_nothing));
}

int
app_load_texts_unverified(struct app *a)
{
	if (a->texts_loaded)
		return 0;
	a->texts_loaded = true;
	return texts_status(a, pack_load_unverified(a->pack));
}

int
app_verify_texts(struct app *a)
{
	return a->pack->unverified ? texts_status(a, pack_verify(a->pack)) : 0;
}

void
app_read_ahead(const struct app *a, size_t qi)
{
	size_t k;

	if (qi < a->pack->nquestions)
		for (k = 0; k < a->pack->questions[qi].nchoices; k++)
			(void)app_choice_title(&a->pack->questions[qi].choices[k]);
}

/*
 * s as one word for the shell: as it is when nothing in it is special,
 * else in single quotes.
 */
static void
shell_quote(struct buf *b, const char *s)
{
	static const char plain[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_./:=@%+,-";

	if (*s != '\0' && s[strspn(s, plain)] == '\0') {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '\'');
	for (; *s != '\0'; s++)
		if (*s == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *s);
	buf_addc(b, '\'');
}

/* A space, then s as one word for the shell. */
static void
shell_word(struct buf *b, const char *s)
{
	buf_addc(b, ' ');
	shell_quote(b, s);
}

/*
 * Whether the shell, looking for stok-assess along PATH, finds the file
 * that is running (argv0 naming it by a path).
 */
static bool
on_path(const char *argv0)
{
	const char *path = getenv("PATH"), *end;
	struct stat self, st;
	bool found = false;
	char *f;

	if (path == NULL || stat(argv0, &self) < 0)
		return false;
	for (; !found; path = end + 1) {
		end = strchr(path, ':');
		if (end == NULL)
			end = path + strlen(path);
		f = xasprintf("%.*s%sstok-assess", (int)(end - path), path, end > path ? "/" : "");
		if (stat(f, &st) == 0) {
			found = st.st_dev == self.st_dev && st.st_ino == self.st_ino;
			free(f);
			break;	/* the first found is the one the shell runs */
		}
		free(f);
		if (*end == '\0')
			break;
	}
	return found;
}

/*
 * The command that opens this session again, whatever the locale then:
 * the program as it was started when the shell would not find it by its
 * name (make run's ./stok-assess), the options that chose the pack and
 * the file, and the pack's language when the locale chose it.
 */
char *
app_resume_command(const struct app *a)
{
	const struct app_options *o = a->opts;
	const struct pack *p = a->pack;
	struct buf b;

	buf_init(&b);
	if (o->program != NULL && strchr(o->program, '/') != NULL && !on_path(o->program)) {
		shell_quote(&b, o->program);
	} else {
		buf_adds(&b, "stok-assess");
	}
	if (o->content != NULL) {
		buf_adds(&b, " --content");
		shell_word(&b, o->content);
	}
	if (o->pack_id != NULL) {
		buf_adds(&b, " --pack");
		shell_word(&b, o->pack_id);
	}
	if (o->lang != NULL || o->content == NULL) {
		buf_adds(&b, " --lang");
		shell_word(&b, o->lang != NULL ? o->lang : p->language);
	}
	if (o->workshop)
		buf_adds(&b, o->big ? " --workshop --big" : " --workshop");
	if (o->line)
		buf_adds(&b, " --ui text");	/* a screen reader's user came back to line mode */
	if (o->session_path != NULL) {
		buf_adds(&b, " --session");
		shell_word(&b, o->session_path);
	}
	return buf_detach(&b);
}

/*
 * The saved session. When its file holds just what a save of it would
 * write, that is kept (app_save), so that resuming and quitting without
 * a change writes nothing.
 */
static struct session *
read_saved(struct app *a)
{
	struct session *s;
	struct stat st;
	char *buf, *text;
	size_t len;

	if (file_read_stat(a->session_path, SESSION_MAX_FILE, "an answers file", NULL, &buf, &len,
	    &st) < 0)
		return NULL;
	if ((s = session_parse(a->session_path, buf, len, a->pack)) != NULL) {
		text = session_format(s);
		if (strlen(text) == len && memcmp(text, buf, len) == 0) {
			a->saved_text = text;
			a->saved_st = st;
		} else {
			free(text);
		}
	}
	free(buf);
	return s;
}

int
app_open(struct app *a, const struct app_options *o)
{

	struct stat st;
	char *dir;
	bool made;
	int status;

	memset(a, 0, sizeof(*a));
	a->demo = o->demo;
	a->workshop = o->workshop;
	a->pack = packs_load_start(o->content, o->pack_id, o->lang, &status);
	if (a->pack == NULL)
		return status ? status : 2;
	if (!o->later && (status = app_load_texts(a)) != 0)
		return status;
	i18n_init(a->pack->language, o->lang);	/* before --role is read: its titles are translated */
	if (o->lang != NULL && *o->lang != '\0' && strcmp(o->lang, a->pack->language) != 0 &&
	    !i18n_speaks(o->lang)) {
		char *langs = i18n_languages();

		diag_plain(DIAG_ERROR, "--lang %s: there is no pack and no interface in that "
		    "language; the interface speaks %s, and stok-assess list names the packs' "
		    "languages", o->lang, langs);
		free(langs);
		return 2;
	}
	if (o->demo) {
		if ((status = demo_open(a, o)) == 0)
			apply_options(a, o);
		return status;
	}
	if (o->session_path != NULL) {
		a->session_path = xstrdup(o->session_path);
	} else {
		if ((dir = app_state_dir()) == NULL) {
			diag_plain(DIAG_ERROR, "no home directory to save the answers in: set HOME, "
			    "or give the file with --session");
			return 2;
		}
		made = access(dir, F_OK) != 0;
		if (make_dirs(dir) < 0) {
			diag_user(DIAG_IO, dir, _("cannot create the directory for saved sessions: "
			    "%s; give --session a file in a folder you can write to"), errno_said(errno));
			free(dir);
			return 1;
		}
		a->session_path = xasprintf("%s/%s.yaml", dir, a->pack->id);
		if (made)
			a->made_dir = dir;	/* removed again, still empty, by app_close */
		else
			free(dir);
	}
	/* a device or a folder named as the session: said before its lock is made beside it */
	if (file_not_special(a->session_path) < 0)
		return 2;
	if ((status = app_lock(a)) != 0)
		return status;
	remove_stale_temporaries(a->session_path);
	if (!o->fresh && stat(a->session_path, &st) == 0) {
		a->sess = read_saved(a);
		if (a->sess == NULL) {
			/* a file refused unread (a link, not regular, too large) has said why */
			if (lstat(a->session_path, &st) == 0 && S_ISREG(st.st_mode) &&
			    st.st_size <= SESSION_MAX_FILE)
				diag_user(DIAG_ERROR, a->session_path, "%s", _("the saved session "
				    "cannot be read; move it away or start with --fresh"));
			return diag_exit_status() ? diag_exit_status() : 2;
		}
		/* organisation, role and notes are kept even without an answer */
		a->saved_answers = app_answered(a);
		a->resumable = app_has_work(a);
	}
	if (a->sess == NULL)
		a->sess = fresh_session(a->pack);
	a->read_only = file_locked(a->session_path);
	a->opts = o;	/* the command to go on is made when it is said (PATH is searched then) */
	/* --fresh: the saved session is kept, moved aside at the first new answer */
	if (o->fresh && lstat(a->session_path, &st) == 0 && S_ISREG(st.st_mode))
		a->restart_backup = app_backup_path(a);
	apply_options(a, o);
	return 0;
}

/* Whether path is the session's own answers file (or its lock): never a report's name. */
bool
app_own_file(const struct app *a, const char *path)
{
	struct stat st, own;

	if (a->session_path == NULL || stat(path, &st) < 0)
		return false;
	return (stat(a->session_path, &own) == 0 && st.st_dev == own.st_dev &&
	    st.st_ino == own.st_ino) || (a->lock_path != NULL && stat(a->lock_path, &own) == 0 &&
	    st.st_dev == own.st_dev && st.st_ino == own.st_ino);
}

char *
app_backup_path(const struct app *a)
{
	const char *slash, *date = a->sess != NULL && a->sess->date != NULL ? a->sess->date : NULL;
	char today_s[16], *base, *path, *dot;
	struct stat st;
	int n;

	if (a->demo)
		return NULL;
	if (date == NULL) {
		today(today_s, sizeof(today_s));
		date = today_s;
	}
	slash = strrchr(a->session_path, '/');
	base = xstrdup(a->session_path);
	if ((dot = strrchr(base, '.')) != NULL && strcmp(dot, ".yaml") == 0 &&
	    (slash == NULL || dot > base + (slash - a->session_path)))
		*dot = '\0';
	path = xasprintf("%s-%s.yaml", base, date);
	for (n = 2; lstat(path, &st) == 0 && n < 1000; n++) {
		free(path);
		path = xasprintf("%s-%s-%d.yaml", base, date, n);
	}
	free(base);
	return path;
}

void
app_restart(struct app *a)
{
	struct session *old = a->sess;

	free(a->restart_backup);
	free(a->restart_org);
	free(a->restart_role);
	a->restart_backup = app_backup_path(a);
	a->sess = fresh_session(a->pack);
	if (a->sample) {	/* the example organisation stays with the example */
		free(old->organisation);
		free(old->role);
		old->organisation = old->role = NULL;
		a->sample = false;
	}
	a->sess->organisation = old->organisation != NULL ? xstrdup(old->organisation) : NULL;
	a->sess->role = old->role != NULL ? xstrdup(old->role) : NULL;
	a->restart_org = old->organisation != NULL ? xstrdup(old->organisation) : NULL;
	a->restart_role = old->role != NULL ? xstrdup(old->role) : NULL;
	session_free(old);
	a->resumable = false;
	a->saved_answers = 0;
}

static bool
same_text(const char *x, const char *y)
{
	return (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

/* Whether the session's file is still the one the last save wrote, or the one read. */
static bool
still_saved(const struct app *a)
{
	struct stat st;
	struct file_stamp now, then;

	if (a->saved_text == NULL || lstat(a->session_path, &st) != 0)
		return false;
	file_stamp_of(&st, &now);	/* size and modification time, as a pack's files are held */
	file_stamp_of(&a->saved_st, &then);
	return st.st_dev == a->saved_st.st_dev && st.st_ino == a->saved_st.st_ino &&
	    file_stamp_same(&now, &then);
}

int
app_save(struct app *a)
{
	struct stat st;
	char *text;

	if (a->restart_backup != NULL) {
		if (!app_has_work(a) && same_text(a->sess->organisation, a->restart_org) &&
		    same_text(a->sess->role, a->restart_role))
			return 0;	/* nothing new yet: the old session stays where it is */
		if (lstat(a->session_path, &st) == 0 && rename(a->session_path, a->restart_backup) < 0) {
			a->save_errno = errno;
			return -1;
		}
		free(a->restart_backup);
		a->restart_backup = NULL;
	}
	text = session_format(a->sess);
	if (still_saved(a) && strcmp(text, a->saved_text) == 0) {
		free(text);	/* the file holds these bytes already */
		a->save_errno = 0;
		return 0;
	}
	free(a->saved_text);
	a->saved_text = NULL;
	if (session_write_text(text, a->session_path, true) < 0) {
		a->save_errno = errno;
		free(text);
		return -1;
	}
	if (lstat(a->session_path, &a->saved_st) == 0)
		a->saved_text = text;
	else
		free(text);
	a->save_errno = 0;
	return 0;
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
	app_unlock(a);
	/*
	 * A start that saved nothing leaves no trace: the folder it made goes
	 * again while still empty (a refused pack, a refused --ui=curses);
	 * rmdir leaves one that holds a file.
	 */
	if (a->made_dir != NULL)
		(void)rmdir(a->made_dir);
	free(a->made_dir);
	app_remove_demo(a);
	pack_free(a->pack);
	session_free(a->sess);
	free(a->session_path);
	free(a->saved_text);
	free(a->restart_backup);

	free(a->restart_org);
	free(a->restart_role);
	memset(a, 0, sizeof(*a));
}

size_t
app_input_fit(const char *s, size_t n, size_t *over)
{
	size_t i = 0, chars = 0, keep = n;
	int32_t cp;

	while (i < n) {
		if (chars == INPUT_MAX)
			keep = i;
		i += utf8_decode(s + i, n - i, &cp);
		chars++;
	}
	*over = chars > INPUT_MAX ? chars - INPUT_MAX : 0;
	return *over > 0 ? keep : n;
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

bool
app_is_answered(const struct app *a, const struct question *q)
{
	const struct answer *ans = session_answer(a->sess, q->id);

	return ans != NULL && ans->choice != ANSWER_NONE;
}

size_t
app_first_unanswered(const struct app *a)
{
	size_t i;

	for (i = 0; i < a->pack->nquestions; i++)
		if (!app_is_answered(a, &a->pack->questions[i]))
			break;
	return i;
}

bool
app_complete(const struct app *a)
{
	return a->pack->nquestions > 0 && app_first_unanswered(a) == a->pack->nquestions;
}

char *
app_unanswered_list(const struct app *a)
{
	struct buf b;
	size_t i;

	if (app_complete(a))
		return NULL;
	buf_init(&b);
	for (i = 0; i < a->pack->nquestions; i++)
		if (!app_is_answered(a, &a->pack->questions[i]))
			buf_printf(&b, "%s%zu", b.len > 0 ? ", " : "", i + 1);
	return buf_detach(&b);
}

size_t
app_resume_question(const struct app *a)
{
	size_t i = app_first_unanswered(a);

	return i < a->pack->nquestions ? i : 0;
}

ptrdiff_t
app_resume_area_end(const struct app *a)
{
	size_t i = app_first_unanswered(a);
	const struct area *next;

	if (i == 0 || i >= a->pack->nquestions)
		return -1;
	next = a->pack->questions[i].area;
	if (i != next->first || next->index == 0 ||
	    session_priority(a->sess, a->pack->areas[next->index - 1].id) != PRIORITY_NONE)
		return -1;
	return (ptrdiff_t)next->index - 1;
}

bool
app_has_work(const struct app *a)
{
	return a->sess->nanswers > 0 || a->sess->npriorities > 0;
}

/* --- roles ---------------------------------------------------------------- */

static const char *const builtin_role_titles[] = {
	N_("Board member"), N_("Manager"), N_("Staff member"), N_("Volunteer"), N_("Member")
};

const struct app_role *
app_roles(const struct app *a, size_t *n)
{
	static struct app_role roles[CONTENT_MAX_ROLES];
	const struct pack_role *pr;
	size_t i, np;

	if (!a->pack->roles_builtin) {	/* the pack's own roles, in its language */
		pr = pack_roles(a->pack, &np);
		for (i = 0; i < np && i < NELEM(roles); i++) {
			roles[i].id = pr[i].id;
			roles[i].title = pr[i].title;
		}
		*n = i;
		return roles;
	}
	for (i = 0; i < NELEM(builtin_role_titles) && session_roles[i] != NULL; i++) {
		roles[i].id = session_roles[i];
		roles[i].title = _(builtin_role_titles[i]);
	}
	*n = i;
	return roles;
}

const char *
app_role_label(const struct app *a, const char *role)
{
	const struct app_role *r;
	size_t i, n;

	if (role == NULL)
		return "-";
	r = app_roles(a, &n);
	for (i = 0; i < n; i++)
		if (strcmp(role, r[i].id) == 0)
			return r[i].title;
	return role;
}

/* ASCII case-insensitive equality (ids are ASCII; the locale may be Turkish). */
static bool
ascii_same(const char *x, const char *y)
{
	for (; *x != '\0' && *y != '\0'; x++, y++)
		if (ascii_tolower((unsigned char)*x) != ascii_tolower((unsigned char)*y))
			return false;
	return *x == *y;
}

/*
 * A role's id (in any ASCII case) or its title, compared as organisation
 * names are (case and blanks aside, in the pack's language, so that a
 * Turkish 'YÖNETİM' is 'yönetim'): the id, else the text as typed.
 */
const char *
app_role_parse(const struct app *a, const char *text)
{
	const struct app_role *r;
	const char *id = text;
	char *key, *title;
	size_t i, n;

	r = app_roles(a, &n);
	key = text_name_key(text, a->pack->language);
	for (i = 0; i < n && id == text; i++) {
		title = text_name_key(r[i].title, a->pack->language);
		if (ascii_same(text, r[i].id) || strcmp(key, title) == 0)
			id = r[i].id;
		free(title);
	}
	free(key);
	return id;
}

/* --- priorities, options --------------------------------------------------- */

const enum priority app_priority_order[APP_NPRIORITIES] = {
	PRIORITY_HIGH, PRIORITY_MEDIUM, PRIORITY_LOW, PRIORITY_NONE
};

const char *
app_priority_label(enum priority p)
{
	switch (p) {
	case PRIORITY_HIGH:
		return _("High priority");
	case PRIORITY_MEDIUM:
		return _("Medium priority");
	case PRIORITY_LOW:
		return _("Low priority");
	default:
		return _("Skip");
	}
}

const char *
app_choice_title(const struct choice *ch)
{
	return answer_text_fill(ch->text) == 0 ? ch->text->title :
	    _("(this answer's text cannot be read)");
}

const char *
app_demo_words(void)
{
	return _("This is a demonstration: nothing is saved.");
}

/* Where the diagnostic that says why is to be seen. */
static const char *
said_where(const struct app *a)
{
	return a->words_at_end ? _("the message that says why is shown when you quit") :
	    _("the message above says why");
}

/* After a sentence about a text that cannot be read: what becomes of the answers. */
static const char *
kept(const struct app *a, bool many)
{
	if (a->demo)
		return "";	/* a demo keeps nothing */
	return many ? _(" Your answers are kept.") : _(" Your answer is kept.");
}

const char *
app_report_blocked(const struct app *a)
{
	static char *s;
	int q = report_texts(a->pack, a->sess);

	if (q == 0)
		return NULL;
	free(s);
	s = xasprintf(_("The report cannot be written: the text of your answer to question %d "
	    "cannot be read; %s.%s"), q, said_where(a), kept(a, true));
	return s;
}

const char *
app_option_label(const struct question *q, size_t i)
{
	return i < q->nchoices ? app_choice_title(&q->choices[i]) : _("Not applicable to us");
}

int
app_saved_option(const struct app *a, const struct question *q)
{
	const struct answer *ans = session_answer(a->sess, q->id);
	size_t i;

	if (ans == NULL || ans->choice == ANSWER_NONE)
		return -1;
	if (ans->choice == ANSWER_NA)
		return (int)q->nchoices;
	for (i = 0; i < q->nchoices; i++)
		if (q->choices[i].id == ans->choice)
			return (int)i;
	return -1;
}

void
app_choose(struct app *a, const struct question *q, size_t i)
{
	session_set_answer(a->sess, q->id, i >= q->nchoices ? ANSWER_NA : q->choices[i].id);
}

/* --- guidance ---------------------------------------------------------------- */

enum guidance_status
app_guidance(const struct app *a, const struct question *q, int width, struct layout *lo,
    struct linkset *links)
{
	const struct answer *ans = session_answer(a->sess, q->id);
	const struct choice *ch;
	char *line;
	size_t i;

	if (ans == NULL || ans->choice == ANSWER_NONE) {
		layout_text(lo, _("Choose an answer first: the guidance belongs to the answer "
		    "you choose."), width, 0, 0);
		return GUIDANCE_NO_ANSWER;
	}
	if (ans->choice == ANSWER_NA || (ch = question_choice(q, ans->choice)) == NULL) {
		layout_text(lo, _("There is no guidance for \"not applicable\"."), width, 0, 0);
		return GUIDANCE_NOT_APPLICABLE;
	}
	if (answer_text_fill(ch->text) < 0) {
		char *path = text_sanitized(ch->text->path);

		line = xasprintf(_("The text of this answer, %s, cannot be read; %s.%s"), path,
		    said_where(a), kept(a, false));
		layout_text(lo, line, width, 0, 0);
		free(line);
		free(path);
		return GUIDANCE_UNREADABLE;
	}
	layout_text(lo, ch->text->title, width, 0, LS_STRONG);
	layout_blank(lo);
	layout_markdown(lo, ch->text->body, ch->text->body_len, width, links);
	if (links->n > 0) {
		layout_blank(lo);
		layout_text(lo, _("Links:"), width, 0, LS_STRONG);
	}
	for (i = 0; i < links->n; i++) {
		line = xasprintf("[%zu] %s", i + 1, links->urls[i]);
		layout_text(lo, line, width, 4, LS_LINK);
		free(line);
	}
	return GUIDANCE_OK;
}

/* --- yes and no -------------------------------------------------------------- */

const char *
app_yes_no_keys(void)
{
	/* TRANSLATORS: the key for yes, a slash, the key for no: two ASCII letters. */
	const char *k = _("y/n");

	if (strlen(k) != 3 || k[1] != '/' || !ascii_isalpha((unsigned char)k[0]) ||
	    !ascii_isalpha((unsigned char)k[2]))
		return "y/n";
	return k;
}

const char *
app_yes_no_default(bool yes)
{
	static char k[4];

	memcpy(k, app_yes_no_keys(), sizeof(k));
	if (k[yes ? 0 : 2] >= 'a' && k[yes ? 0 : 2] <= 'z')
		k[yes ? 0 : 2] = (char)(k[yes ? 0 : 2] - 'a' + 'A');
	return k;
}

int
app_yes_no(int key)
{
	const char *k = app_yes_no_keys();

	if (key <= 0 || key >= 128)
		return -1;
	key = ascii_tolower(key);
	if (key == ascii_tolower((unsigned char)k[0]))
		return 1;
	if (key == ascii_tolower((unsigned char)k[2]))
		return 0;
	if (key == 'y')
		return 1;
	if (key == 'n')
		return 0;
	return -1;
}

int
app_yes_no_word(const char *word)
{
	/* a word counts by its first letter: evet, hayır, kyllä, ei, yes, no */
	return word != NULL && word[0] != '\0' ? app_yes_no((unsigned char)word[0]) : -1;
}

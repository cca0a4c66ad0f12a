/* SPDX-License-Identifier: MIT */
/*
 * ui_text.c: line mode (--ui=text), the wizard as numbered plain text for
 * screen readers, pipes and dumb terminals. It writes whole lines and
 * prompts only, never an escape sequence or a redraw. Everything from the
 * pack goes through the layout engine, which wraps it at 78 columns and
 * makes control characters visible; every line typed is stripped of
 * escape sequences and control characters before the session stores it.
 * When the input is not a terminal, each line read is echoed after its
 * prompt, so that the output of a scripted run reads as a dialogue. As in the curses
 * interface, the session is saved after every change.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "diag.h"
#include "fileio.h"
#include "i18n.h"
#include "layout.h"
#include "report.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define LINE_WIDTH	UI_LINE_WIDTH
#define LINE_MAX_BYTES	8192	/* of a typed line; the rest is dropped */

/* Where a prompt leads. */
enum flow {
	FLOW_NEXT,	/* done here: go on */
	FLOW_BACK,	/* "<": the step before */
	FLOW_STOP,	/* "q" or the end of the input: save and leave */
	FLOW_ERROR	/* the output or the input failed */
};

enum input {
	INPUT_LINE,
	INPUT_EOF,
	INPUT_ERROR
};

struct line_ui {
	struct app	*app;
	FILE		*in;
	FILE		*out;
	bool		 echo;		/* the input is not a terminal */
	bool		 saved;		/* the last save succeeded */
	bool		 unsaved_ok;	/* q was typed once over answers not saved */
	struct buf	 raw;		/* the last line read, as typed */
	size_t		 dropped;	/* its characters past LINE_MAX_BYTES, not in raw */
	struct buf	 line;		/* the same, printable text only */
};

/* --- output ------------------------------------------------------------- */

/* Lay text out at the line width (wrapped lines indented by indent) and print it. */
static void
say_indented(struct line_ui *u, const char *text, int indent)
{
	ui_print_wrapped(u->out, text, LINE_WIDTH, indent);
}

static void
say(struct line_ui *u, const char *text)
{
	say_indented(u, text, 0);
}

static void PRINTFLIKE(2, 3)
sayf(struct line_ui *u, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	say(u, b.data);
	buf_free(&b);
}

static void
blank(struct line_ui *u)
{
	fputc('\n', u->out);
}

/*
 * A prompt: wrapped at the line width as everything else said (a line of
 * 80 columns or more was cut in two by an 80-column terminal or a
 * braille display), its last line left open, after one space, for the
 * answer.
 */
static void PRINTFLIKE(2, 3)
prompt(struct line_ui *u, const char *fmt, ...)
{
	struct layout lo;
	struct buf b, w;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	layout_init(&lo);
	layout_text(&lo, b.data, LINE_WIDTH, 0, 0);
	buf_init(&w);
	layout_to_text(&lo, &w);
	while (w.len > 0 && (w.data[w.len - 1] == '\n' || w.data[w.len - 1] == ' '))
		w.len--;
	fwrite(w.data, 1, w.len, u->out);
	fputc(' ', u->out);
	buf_free(&w);
	layout_free(&lo);
	buf_free(&b);
}

/* One numbered item of a list, its wrapped lines aligned with its text. */
static void
say_item(struct line_ui *u, size_t n, const char *label, bool current)
{
	char *line;
	int indent;

	if (current)
		line = xasprintf("  %zu. %s %s", n, label, _("(current)"));
	else
		line = xasprintf("  %zu. %s", n, label);
	indent = n < 10 ? 5 : 6;
	say_indented(u, line, indent);
	free(line);
}

/* --- input -------------------------------------------------------------- */

/*
 * The bytes of the escape sequence at s (s[0] is ESC) as a terminal sends
 * it for a key, or as pasted text may hold one: ESC [ with its parameters
 * and final byte (the arrows, Home, Delete), ESC ] or P to BEL or ESC \
 * (a title, a device string), ESC O and one more (F1 in some modes), or
 * ESC and one character (Alt and a key). A line-mode prompt reads a
 * cooked line, where such keys do nothing but leave these bytes.
 */
static size_t
escape_len(const char *s, size_t n)
{
	size_t i = 2;
	int32_t cp;

	if (n < 2)
		return n;
	switch (s[1]) {
	case '[':
		while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x3F)
			i++;	/* parameters and intermediates */
		return i < n && (unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7E ? i + 1 : i;
	case ']': case 'P': case 'X': case '^': case '_':
		for (; i < n; i++)
			if (s[i] == '\a' || (s[i] == '\033' && i + 1 < n && s[i + 1] == '\\'))
				return s[i] == '\a' ? i + 1 : i + 2;
		return n;
	case 'O':
		return n < 3 ? n : 3;
	default:
		return 1 + utf8_decode(s + 1, n - 1, &cp);
	}
}

/*
 * Keep the printable text of a typed line: escape sequences (escape_len),
 * control characters, direction overrides and invalid UTF-8 are dropped
 * (the session refuses them), tabs become spaces, and surrounding spaces
 * go.
 */
static void
clean_text(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, k, start = 0;
	int32_t cp;

	buf_reset(b);
	while (i < n) {
		if (s[i] == '\033') {
			i += escape_len(s + i, n - i);
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == '\t')
			buf_addc(b, ' ');
		else if (!text_is_unsafe(cp))
			buf_add(b, s + i, k);
		i += k;
	}
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	b->data[b->len] = '\0';
	while (b->data[start] == ' ')
		start++;
	memmove(b->data, b->data + start, b->len - start + 1);
	b->len -= start;
}

/*
 * Flush the prompt and read one line into u->line (at most LINE_MAX_BYTES
 * of it, never half a character), cleaned by clean_text; u->dropped
 * counts the characters of the rest.
 */
static enum input
read_line(struct line_ui *u)
{
	bool dropping = false;
	int c;

	if (fflush(u->out) != 0 || ferror(u->out))
		return INPUT_ERROR;
	buf_reset(&u->raw);
	u->dropped = 0;
	if (ui_signal() != 0)
		return INPUT_EOF;	/* caught while the last answer was handled */
	while ((c = getc(u->in)) != EOF && c != '\n') {
		/* at the limit, the character begun is finished: its continuation bytes */
		if (!dropping && (u->raw.len < LINE_MAX_BYTES || (c & 0xC0) == 0x80)) {
			buf_addc(&u->raw, (char)c);
		} else {
			dropping = true;
			if ((c & 0xC0) != 0x80)
				u->dropped++;
		}
	}
	if (c == EOF && ferror(u->in) && ui_signal() != 0) {
		blank(u);
		return INPUT_EOF;	/* ended by a signal: saved, said and raised at the end */
	}
	if (c == EOF && ferror(u->in)) {
		blank(u);
		diag_user(DIAG_IO, NULL, _("cannot read the answers typed: %s"), errno_said(errno));
		return INPUT_ERROR;
	}
	if (c == EOF && u->raw.len == 0) {
		blank(u);	/* end the prompt's line */
		return INPUT_EOF;
	}
	clean_text(&u->line, u->raw.data, u->raw.len);
	if (u->echo) {
		fwrite(u->line.data, 1, u->line.len, u->out);
		blank(u);
	}
	return INPUT_LINE;
}

/* The flow for an input that is not a line, or FLOW_NEXT for a line. */
static enum flow
read_flow(struct line_ui *u)
{
	switch (read_line(u)) {
	case INPUT_LINE:
		return FLOW_NEXT;
	case INPUT_EOF:
		return FLOW_STOP;
	default:
		return FLOW_ERROR;
	}
}

/* The one-character command typed (ASCII, any case), or 0. */
static int
command(const struct line_ui *u)
{
	return u->line.len == 1 ? ascii_tolower((unsigned char)u->line.data[0]) : 0;
}

/* A number from 1 to max typed, or 0. */
static int
number(const struct line_ui *u, size_t max)
{
	int v;

	return parse_id(u->line.data, u->line.len, (int)max, &v) ? v : 0;
}

/* --- saving ------------------------------------------------------------- */

/* Save the session; a failure is reported and the dialogue goes on. */
static void
save(struct line_ui *u)
{
	u->unsaved_ok = false;	/* a q over unsaved answers asks again after a change */
	if (app_save(u->app) == 0) {
		u->saved = true;
		return;
	}
	u->saved = false;
	diag_user(DIAG_IO, u->app->session_path, _("cannot save the answers: %s"),
	    errno_said(errno));
}

/*
 * q: leave, the answers saved. When they could not be saved, one more try
 * (the disk may have room again), and then q must be typed again to leave
 * without them, as in the full-screen wizard.
 */
static bool
may_stop(struct line_ui *u)
{
	if (u->saved || u->unsaved_ok)
		return true;
	if (app_save(u->app) == 0) {
		u->saved = true;
		return true;
	}
	sayf(u, _("Could not save your answers to %s: %s. Type q again to quit without them."),
	    u->app->session_path, errno_said(u->app->save_errno));
	u->unsaved_ok = true;
	return false;
}

/* --- the steps ---------------------------------------------------------- */

static void
welcome(struct line_ui *u)
{
	const struct pack *p = u->app->pack;

	say(u, p->title);
	if (p->introduction != NULL) {
		blank(u);
		say(u, p->introduction);
	}
	blank(u);
	if (u->app->demo)	/* its temporary file goes at the end */
		say(u, app_demo_words());
	else
		sayf(u, _("Your answers are saved in %s after every change."),
		    u->app->session_path);
	say(u, _("Type the number of an answer and press Enter. Type ? for help."));
	blank(u);
}

/*
 * A yes or no typed; empty gives dflt. q saves and quits here too, and ?
 * says help, what each answer does, as at every question.
 */
static enum flow
ask_yes_no(struct line_ui *u, bool dflt, const char *help, bool *yes)
{
	enum flow f;
	int v;

	for (;;) {
		if ((f = read_flow(u)) != FLOW_NEXT)
			return f;
		if (command(u) == 'q')	/* no language's yes or no starts with q */
			return FLOW_STOP;
		if (command(u) == '?') {
			say(u, help);
			prompt(u, _("Please type %s: "), app_yes_no_keys());
			continue;
		}
		if (u->line.len == 0) {
			*yes = dflt;
			return FLOW_NEXT;
		}
		if ((v = app_yes_no_word(u->line.data)) >= 0) {
			*yes = v == 1;
			return FLOW_NEXT;
		}
		prompt(u, _("Please type %s: "), app_yes_no_keys());
	}
}

static enum flow
ask_resume(struct line_ui *u)
{
	enum flow f;
	int n = u->app->saved_answers;
	bool yes;
	char *backup;

	prompt(u, ngettext("Resume the saved session with %d answer? [%s] ",
	    "Resume the saved session with %d answers? [%s] ", (unsigned long)n), n,
	    app_yes_no_default(true));
	if ((f = ask_yes_no(u, true, _("Yes goes on where you left off, with the answers "
	    "saved; no asks whether to start again."), &yes)) != FLOW_NEXT || yes)
		return f;
	backup = app_backup_path(u->app);
	prompt(u, _("Start again? The saved answers stay where they are until your first new "
	    "answer, then move to %s. [%s] "), backup != NULL ? backup : "-",
	    app_yes_no_default(false));
	free(backup);
	if ((f = ask_yes_no(u, false, _("Yes starts with no answers: the saved ones are "
	    "moved aside at your first new answer, never deleted. No keeps them."), &yes)) != FLOW_NEXT)
		return f;
	if (yes) {
		app_restart(u->app);
		say(u, _("Starting again."));
	} else {
		say(u, _("Nothing changed: your saved answers are kept."));
	}
	return FLOW_NEXT;
}

/*
 * The keys of every question at an optional one (a name, a role): q
 * quits, > goes on, < goes back (when back, else there is nothing before
 * it), ? says help. true when the question is to be asked again; else
 * *f is the flow (FLOW_NEXT also for a line that is no key).
 */
static bool
optional_key(struct line_ui *u, const char *help, bool back, enum flow *f)
{
	*f = FLOW_NEXT;
	switch (command(u)) {
	case 'q':
		if (!may_stop(u))
			return true;
		*f = FLOW_STOP;
		return false;
	case '<':
		if (back) {
			*f = FLOW_BACK;
			return false;
		}
		say(u, _("This is the first question: there is none before it."));
		return true;
	case '?':
		say(u, help);
		return true;
	default:
		return false;
	}
}

/*
 * What was typed as a note or a name (the organisation's, or a role in
 * one's own words): as much as the full-screen editor holds, the rest
 * said. One thrown away whole for being long was lost, and one kept
 * whole could not be opened there.
 */
static void
fit_typed(struct line_ui *u, bool note)
{
	size_t over;

	u->line.len = app_input_fit(u->line.data, u->line.len, &over);
	u->line.data[u->line.len] = '\0';
	if ((over += u->dropped) == 0)
		return;
	if (note)
		sayf(u, ngettext("A note holds at most %d characters: the last %zu character "
		    "was cut.", "A note holds at most %d characters: the last %zu characters "
		    "were cut.", (unsigned long)over), INPUT_MAX, over);
	else
		sayf(u, ngettext("A name holds at most %d characters: the last %zu character "
		    "was cut.", "A name holds at most %d characters: the last %zu characters "
		    "were cut.", (unsigned long)over), INPUT_MAX, over);
}

static enum flow
ask_organisation(struct line_ui *u)
{
	struct session *s = u->app->sess;
	enum flow f;

	if (s->organisation != NULL)
		sayf(u, _("Organisation: %s"), s->organisation);
	for (;;) {
		prompt(u, "%s", s->organisation != NULL ? _("Organisation name (Enter keeps it): ") :
		    _("Organisation name (Enter skips): "));
		if ((f = read_flow(u)) != FLOW_NEXT || u->line.len == 0)
			return f;
		/* the keys of every other question are keys here too, never a name */
		if (optional_key(u, _("The name of your organisation, as the report is to show "
		    "it; it is optional."), false, &f))
			continue;
		if (f != FLOW_NEXT || command(u) == '>')
			return f;
		break;
	}
	fit_typed(u, false);
	free(s->organisation);
	s->organisation = xstrdup(u->line.data);
	save(u);
	return FLOW_NEXT;
}

/* A role typed: a number of the list, a role id or title, or free text. */
static const char *
role_of(const struct line_ui *u, size_t nroles, bool *invalid)
{
	const struct app_role *roles;
	size_t k, n;
	int v;

	*invalid = false;
	roles = app_roles(u->app, &n);
	if ((v = number(u, nroles)) > 0)
		return roles[v - 1].id;
	if (ascii_isdigit((unsigned char)u->line.data[0])) {
		for (k = 0; ascii_isdigit((unsigned char)u->line.data[k]); k++)
			continue;
		if (u->line.data[k] == '\0') {
			*invalid = true;	/* a number not in the list */
			return NULL;
		}
	}
	return app_role_parse(u->app, u->line.data);
}

static enum flow
ask_role(struct line_ui *u)
{
	struct session *s = u->app->sess;
	const struct app_role *roles;
	const char *role;
	size_t i, nroles;
	bool invalid;
	enum flow f;

	/* asked only while the session holds no role (ui_text_run) */
	roles = app_roles(u->app, &nroles);
	blank(u);
	say(u, _("Your role in the organisation:"));
	for (i = 0; i < nroles; i++)
		say_item(u, i + 1, roles[i].title, false);
	for (;;) {
		prompt(u, _("Role [1-%zu, or type your own words, Enter skips]: "), nroles);
		if ((f = read_flow(u)) != FLOW_NEXT || u->line.len == 0)
			return f;
		/* one character is a key, as at every question, never a role */
		if (optional_key(u, _("Your role, as the report is to show it: a number of the "
		    "list, or your own words; it is optional."), true, &f))
			continue;
		if (f != FLOW_NEXT || command(u) == '>')
			return f;
		if (command(u) != 0 && !ascii_isdigit((unsigned char)u->line.data[0])) {
			sayf(u, _("Not understood: type a number from 1 to %zu, your own words, "
			    "Enter, < or q."), nroles);
			continue;
		}
		fit_typed(u, false);	/* own words, as long as the full screen's */
		role = role_of(u, nroles, &invalid);
		if (!invalid)
			break;
		sayf(u, _("There is no role %s: type a number from 1 to %zu or your own words."),
		    u->line.data, nroles);
	}
	s->role = xstrdup(role);
	save(u);
	return FLOW_NEXT;
}

static void
show_area(struct line_ui *u, const struct area *a)
{
	blank(u);
	sayf(u, _("Area %zu/%zu: %s"), a->index + 1, u->app->pack->nareas, a->title);
	if (a->description != NULL)
		say(u, a->description);
}

/* Where a question stands: its number of all, and its area's. */
static void
say_place(struct line_ui *u, const struct question *q)
{
	blank(u);
	sayf(u, _("Question %zu/%zu (area %zu/%zu)"), q->index + 1, u->app->pack->nquestions,
	    q->area->index + 1, u->app->pack->nareas);
}

static void
show_question(struct line_ui *u, const struct question *q)
{
	const struct answer *ans = session_answer(u->app->sess, q->id);
	size_t i;

	/* its texts first: what the loader says of one comes before the question, not inside it */
	fflush(u->out);
	app_read_ahead(u->app, q->index);
	say_place(u, q);
	say(u, q->text);
	for (i = 0; i <= q->nchoices; i++)
		say_item(u, i + 1, app_option_label(q, i), app_saved_option(u->app, q) == (int)i);
	if (ans != NULL && ans->note != NULL)
		sayf(u, _("Note: %s"), ans->note);
}

static void
show_help(struct line_ui *u, const struct question *q)
{
	blank(u);
	if (q->help != NULL)
		say(u, q->help);
	else
		say(u, _("There is no help for this question."));
	if (q->prompt != NULL)
		sayf(u, _("To open a group's discussion: %s"), q->prompt);
	say(u, _("Type a number to answer, Enter to keep the current answer, < to go back "
	    "one question, > to go on without an answer, g to read the guidance for your "
	    "answer, n to write a note, q to save and quit."));
}

/*
 * The guidance of the chosen answer, then its links, numbered as in the
 * text; false when there is none to show, only the line that says why.
 */
static bool
show_guidance(struct line_ui *u, const struct question *q)
{
	struct linkset links;
	struct layout lo;
	struct buf b;
	enum guidance_status g;

	linkset_init(&links);
	layout_init(&lo);
	lo.plain = true;
	layout_blank(&lo);
	g = app_guidance(u->app, q, LINE_WIDTH, &lo, &links);
	buf_init(&b);
	layout_to_text(&lo, &b);
	fwrite(b.data, 1, b.len, u->out);
	buf_free(&b);
	layout_free(&lo);
	linkset_free(&links);
	return g == GUIDANCE_OK;
}

static enum flow
ask_note(struct line_ui *u, const struct question *q)
{
	const struct answer *ans = session_answer(u->app->sess, q->id);
	bool had = ans != NULL && ans->note != NULL;
	enum flow f;

	if (had)
		sayf(u, _("Current note: %s"), ans->note);
	for (;;) {
		/* Enter never loses a note: it keeps one, and only a lone "-" clears it */
		prompt(u, "%s", had ? _("Note (one line; Enter keeps it, a lone - clears it): ") :
		    _("Note (one line; Enter skips): "));
		if ((f = read_flow(u)) != FLOW_NEXT)
			return f;
		/* ? and q are keys here as at every prompt, never a note that replaces one */
		if (command(u) == '?') {
			say(u, _("A note on this question, for the report: type it on one line and "
			    "press Enter. Enter alone changes nothing, a lone - clears the note, and "
			    "q saves and quits."));
			continue;
		}
		if (command(u) == 'q') {
			if (may_stop(u))
				return FLOW_STOP;
			continue;
		}
		break;
	}
	if (u->line.len == 0) {
		say(u, had ? _("Note kept.") : _("No note written."));
		return FLOW_NEXT;
	}
	if (had && strcmp(u->line.data, "-") == 0) {
		session_set_note(u->app->sess, q->id, NULL);
		save(u);
		say(u, _("Note cleared."));
		return FLOW_NEXT;
	}
	fit_typed(u, true);
	session_set_note(u->app->sess, q->id, u->line.data);
	save(u);
	say(u, _("Note saved."));
	return FLOW_NEXT;
}

static enum flow
ask_question(struct line_ui *u, const struct question *q, bool first)
{
	const struct answer *ans;
	size_t nopts = q->nchoices + 1;
	enum flow f;
	int v;

	show_question(u, q);
	for (;;) {
		/* Enter keeps an answer: offered only where there is one */
		ans = session_answer(u->app->sess, q->id);
		if (ans != NULL && ans->choice != ANSWER_NONE)
			prompt(u, _("Answer [1-%zu, Enter keeps, < back, > skip, ? help, g guidance, "
			    "n note, q quit]: "), nopts);
		else
			prompt(u, _("Answer [1-%zu, < back, > skip, ? help, g guidance, n note, "
			    "q quit]: "), nopts);
		if ((f = read_flow(u)) != FLOW_NEXT)
			return f;
		ans = session_answer(u->app->sess, q->id);
		if ((v = number(u, nopts)) > 0) {
			app_choose(u->app, q, (size_t)v - 1);
			save(u);
			return FLOW_NEXT;
		}
		if (u->line.len == 0 && ans != NULL && ans->choice != ANSWER_NONE)
			return FLOW_NEXT;
		switch (u->line.len == 0 ? '\n' : command(u)) {
		case '\n':
			say(u, _("There is no answer to keep yet: type the number of an answer."));
			break;
		case '<':
			if (!first)
				return FLOW_BACK;
			say(u, _("This is the first question."));
			break;
		/* after help or guidance, tens of lines, which question the answer goes to */
		case '?':
			show_help(u, q);
			say_place(u, q);
			break;
		case 'g':
			if (show_guidance(u, q))
				say_place(u, q);
			break;
		case 'n':
			if ((f = ask_note(u, q)) != FLOW_NEXT)
				return f;
			break;
		case '>':	/* on without an answer, as the full-screen wizard's arrow goes */
			return FLOW_NEXT;
		case 'q':
			if (may_stop(u))
				return FLOW_STOP;
			continue;
		default:
			sayf(u, _("Not understood: type a number from 1 to %zu, or one of < > ? g n q."),
			    nopts);
			break;
		}
	}
}

static enum flow
ask_priority(struct line_ui *u, const struct area *a)
{
	enum priority cur = session_priority(u->app->sess, a->id);
	size_t i, n = APP_NPRIORITIES;	/* the last, skip, as the full screen's 4 */
	enum flow f;
	int v;

	blank(u);
	sayf(u, _("Priority of the area \"%s\": how soon should your organisation work on it?"),
	    a->title);
	for (i = 0; i < n; i++)
		say_item(u, i + 1, app_priority_label(app_priority_order[i]),
		    cur == app_priority_order[i]);
	for (;;) {
		prompt(u, cur != PRIORITY_NONE ? _("Priority [1-%zu, Enter keeps, < back, q quit]: ") :
		    _("Priority [1-%zu, Enter skips, < back, q quit]: "), n);
		if ((f = read_flow(u)) != FLOW_NEXT)
			return f;
		if (u->line.len == 0)
			return FLOW_NEXT;
		if ((v = number(u, n)) > 0) {
			session_set_priority(u->app->sess, a->id, app_priority_order[v - 1]);
			save(u);
			return FLOW_NEXT;
		}
		switch (command(u)) {
		case '<':
			return FLOW_BACK;
		case 'q':
			if (may_stop(u))
				return FLOW_STOP;
			continue;
		case '?':	/* help, as the welcome promised for every question */
			say(u, _("How soon your organisation should work on this area: the "
			    "improvement plan puts the areas of high priority first. Enter goes on "
			    "without one."));
			continue;
		default:
			sayf(u, _("Not understood: type a number from 1 to %zu, Enter, < or q."), n);
			break;
		}
	}
}

/* The questions from qi on, area by area, each area ending with its priority. */
static enum flow
ask_questions(struct line_ui *u, size_t qi)
{
	const struct pack *p = u->app->pack;
	const struct question *q;
	const struct area *shown = NULL;
	enum flow f;

	while (qi < p->nquestions) {
		q = &p->questions[qi];
		if (q->area != shown)
			show_area(u, shown = q->area);
		f = ask_question(u, q, qi == 0);
		if (f == FLOW_BACK && qi > 0 && qi == q->area->first) {
			/* back from an area's first question: the priority of the area before */
			f = ask_priority(u, p->questions[qi - 1].area);
			if (f == FLOW_BACK)
				qi--;	/* and back again: its last question */
			else if (f != FLOW_NEXT)
				return f;
			continue;
		}
		if (f == FLOW_BACK) {
			qi--;
			continue;
		}
		if (f != FLOW_NEXT)
			return f;
		if (qi + 1 == q->area->first + q->area->nquestions) {
			f = ask_priority(u, q->area);
			if (f == FLOW_BACK)
				continue;	/* to the area's last question */
			if (f != FLOW_NEXT)
				return f;
		}
		qi++;
	}
	return FLOW_NEXT;
}

/*
 * The name of the report's file: Enter takes the one offered (path), a
 * name typed replaces it (~/ is the home). The keys of every question are
 * keys here, never a name: q quits, < goes back to the format, ? helps.
 */
static enum flow
ask_file_name(struct line_ui *u, char **path)
{
	enum flow f;

	for (;;) {
		prompt(u, _("File name (Enter writes %s): "), *path);
		if ((f = read_flow(u)) != FLOW_NEXT || u->line.len == 0)
			return f;
		switch (command(u)) {
		case 'q':
			if (may_stop(u))
				return FLOW_STOP;
			continue;
		case '<':
			return FLOW_BACK;
		case '?':
			say(u, _("The file the report is written to: Enter takes the name "
			    "offered; a name starting with ~/ is in your home directory."));
			continue;
		default:
			break;
		}
		free(*path);
		*path = app_file_path(u->line.data);
		return FLOW_NEXT;
	}
}

/*
 * The report to a file, as the full-screen wizard exports it: a format,
 * then a name (Enter takes the one offered), and a question before a file
 * is replaced. Enter at the first question writes nothing; < there goes
 * back (FLOW_BACK), to the last area's priority, as the full-screen
 * wizard's left arrow goes from the results to the last area's end. After
 * a report is written another format is offered, until Enter: Markdown
 * and HTML need not wait for another run and another reading.
 */
static enum flow
ask_export(struct line_ui *u)
{
	/* text is what line mode has read out: the plain report */
	static const enum report_format fmt[] = { REPORT_PLAIN, REPORT_MARKDOWN, REPORT_HTML };
	enum flow f;
	char *name, *path;
	struct buf b;
	bool yes, written = false;
	int k, rc;

	/* until Enter says no more: a name that failed may be given again */
	for (;;) {
		prompt(u, "%s", written ? _("Another format too? 1 text, 2 Markdown, 3 HTML, "
		    "Enter for none: ") : _("Export the report? 1 text, 2 Markdown, 3 HTML, "
		    "Enter skips: "));
		if ((f = read_flow(u)) != FLOW_NEXT || u->line.len == 0)
			return f;
		switch (command(u)) {
		case 'q':	/* as at every question */
			if (may_stop(u))
				return FLOW_STOP;
			continue;
		case '<':
			return FLOW_BACK;
		case '?':
			say(u, _("The report to a file: 1 as text, as it was read out here, 2 as "
			    "Markdown, 3 as a web page (HTML). Enter goes on without one."));
			continue;
		case '1': case '2': case '3':
			break;
		default:
			say(u, _("Not understood: type 1, 2 or 3, Enter, < or q."));
			continue;
		}
		k = u->line.data[0] - '1';
		name = report_file_name(u->app->pack, u->app->sess, report_ext(fmt[k]));
		path = file_absolute(name);
		free(name);
		/* the name until the report is written: one that was not is offered again */
		while ((f = ask_file_name(u, &path)) == FLOW_NEXT) {
			if (app_own_file(u->app, path)) {
				sayf(u, _("%s holds your answers, which a report must not replace: "
				    "nothing written; choose another name."), path);
				continue;
			}
			buf_init(&b);
			if (report_write(&b, u->app->pack, u->app->sess, fmt[k], 78, NULL) < 0) {
				buf_free(&b);
				free(path);
				say(u, app_report_blocked(u->app));
				return FLOW_NEXT;
			}
			if ((rc = file_write_report(path, b.data, b.len, false)) == -2) {
				/* in brackets, as line mode's other questions of yes or no */
				prompt(u, _("%s exists. Overwrite it? [%s] "), path,
				    app_yes_no_default(false));
				if ((f = ask_yes_no(u, false, _("Yes replaces the file with this "
				    "report; no leaves it as it is."), &yes)) == FLOW_NEXT && yes)
					rc = file_write_report(path, b.data, b.len, true);
				else if (f == FLOW_NEXT)
					say(u, _("Nothing written."));
			}
			buf_free(&b);
			if (f == FLOW_STOP)
				break;
			if (rc == 0) {
				sayf(u, _("Report written to %s"), path);
				written = true;
				break;
			}
			if (rc != -2)
				sayf(u, _("Could not write %s: %s"), path, errno_said(errno));
		}
		free(path);
		if (f != FLOW_NEXT && f != FLOW_BACK)
			return f;
	}
}

/*
 * "<" after the report: the last area's priority, and from there back
 * into the questions; *start gets the question to go on at (nquestions,
 * none, when the priority is given or kept).
 */
static enum flow
back_from_report(struct line_ui *u, size_t *start)
{
	const struct pack *p = u->app->pack;
	const struct area *last = &p->areas[p->nareas - 1];
	enum flow f = ask_priority(u, last);

	*start = p->nquestions;
	if (f == FLOW_BACK) {	/* and back again: its last question */
		*start = last->first + last->nquestions - 1;
		f = FLOW_NEXT;
	}
	return f;
}

/* The report, or why it cannot be written: false then, and no export is offered. */
static bool
show_report(struct line_ui *u)
{
	const char *blocked = app_report_blocked(u->app);
	struct buf b;
	char *missing;

	blank(u);
	if (blocked != NULL) {
		say(u, blocked);
		return false;
	}
	/* which ones, by the numbers the questions were read out with */
	if ((missing = app_unanswered_list(u->app)) == NULL)
		say(u, _("Every question has an answer. Here is your report."));
	/* not a bare program name: that may open another pack, or another file */
	else if (u->app->demo)	/* a demo's answers go at the end */
		sayf(u, _("Questions without an answer: %s. No level counts them. "
		    "Here is your report."), missing);
	else
		sayf(u, _("Questions without an answer: %s. No level counts them; "
		    "to answer them, run the command given at the end. Here is your "
		    "report."), missing);
	free(missing);
	blank(u);
	buf_init(&b);
	report_write(&b, u->app->pack, u->app->sess, REPORT_PLAIN, LINE_WIDTH, NULL);
	fwrite(b.data, 1, b.len, u->out);
	buf_free(&b);
	return true;
}

int
ui_text_run(struct app *a, const struct app_options *o, FILE *in, FILE *out)
{
	struct line_ui u;
	enum flow f = FLOW_NEXT;
	size_t start = 0;
	bool again = false, resumed = false, back = false, want_org, want_role, shown;
	ptrdiff_t k;
	int status;

	memset(&u, 0, sizeof(u));
	ui_signals_catch();
	u.app = a;
	u.in = in;
	u.out = out;
	u.echo = !isatty(fileno(in));
	u.saved = true;
	buf_init(&u.raw);
	buf_init(&u.line);

	welcome(&u);
	if (o->sample) {	/* a trainer's demo: the example's results at once */
		if (!show_report(&u) || o->script) {
			buf_free(&u.raw);
			buf_free(&u.line);
			return fflush(out) == 0 && !ferror(out) ? 0 : 1;
		}
		/* and its export, as on the full-screen results; < goes into its answers */
		if ((f = ask_export(&u)) != FLOW_BACK)
			goto done;
		back = resumed = true;
		f = FLOW_NEXT;
	}
	/*
	 * A script (input not a terminal) is asked nothing optional: a saved
	 * session is resumed (--fresh starts again) and the organisation and
	 * the role come from --organisation and --role.
	 */
	if (a->read_only)	/* before an answer is given in vain */
		sayf(&u, _("%s is read-only: the answers given now will not be saved."),
		    a->session_path);
	else if (a->restart_backup != NULL)	/* --fresh over a saved session: where it will go */
		sayf(&u, _("Starting again. Your first new answer moves the old ones to %s."),
		    a->restart_backup);
	if (a->resumable && !o->script)
		f = ask_resume(&u);
	if (f == FLOW_NEXT && a->resumable && app_complete(a)) {
		/* a finished assessment opens on its results, as in the full-screen wizard */
		shown = show_report(&u);
		if (o->script)
			goto done;
		/* a report that cannot be written is not offered; its answers can still be changed */
		if (shown && (f = ask_export(&u)) == FLOW_BACK) {
			back = resumed = true;	/* to the last area's priority, below */
			f = FLOW_NEXT;
		} else if (f != FLOW_NEXT) {
			goto done;
		} else {
			prompt(&u, _("Go through the questions again? [%s] "),
			    app_yes_no_default(false));
			if ((f = ask_yes_no(&u, false, _("Yes goes through the questions again "
			    "from the first, with your answers; no ends here."), &again)) != FLOW_NEXT ||
			    !again)
				goto done;
		}
	} else if (f == FLOW_NEXT && a->resumable && (start = app_resume_question(a)) > 0) {
		sayf(&u, _("Going on at question %zu/%zu."), start + 1, a->pack->nquestions);
		resumed = true;
	}
	/*
	 * What --organisation and --role give is not asked again, nor what
	 * the session holds already, nor anything on a resume: both were
	 * offered when it started, and a line meant for the question said to
	 * come next ("n" for a note) became the organisation's name; < at the
	 * role goes back to the name.
	 */
	want_org = !o->script && !resumed && o->organisation == NULL &&
	    a->sess->organisation == NULL;
	want_role = !o->script && !resumed && o->role == NULL && a->sess->role == NULL;
	while (f == FLOW_NEXT && (want_org || want_role)) {
		if (want_org && (f = ask_organisation(&u)) != FLOW_NEXT)
			break;
		if (want_role && (f = ask_role(&u)) == FLOW_BACK) {
			if (!want_org)
				say(&u, _("This is the first question: there is none before it."));
			f = FLOW_NEXT;
			continue;
		}
		break;
	}
	/* left at an area's end: its priority before the next area, as the full screen does */
	if (f == FLOW_NEXT && resumed && !back && (k = app_resume_area_end(a)) >= 0) {
		f = ask_priority(&u, &a->pack->areas[k]);
		if (f == FLOW_BACK) {	/* to the area's last question */
			start = a->pack->areas[k].first + a->pack->areas[k].nquestions - 1;
			f = FLOW_NEXT;
		}
	}
	/* the questions, the report and its export; < at the export goes back into them */
	for (;;) {
		if (f == FLOW_NEXT && back)
			f = back_from_report(&u, &start);
		if (f == FLOW_NEXT)
			f = ask_questions(&u, start);
		/* what is on disk must be the last state, whatever happened before (but
		 * for a quit over answers that could not be saved, said and agreed to) */
		if (!(f == FLOW_STOP && u.unsaved_ok))
			save(&u);
		if (f != FLOW_NEXT || !show_report(&u) || o->script)
			break;
		if (!(back = (f = ask_export(&u)) == FLOW_BACK))
			break;
		f = FLOW_NEXT;
	}
done:
	if (ui_signal() != 0) {
		buf_free(&u.raw);
		buf_free(&u.line);
		return ui_signal_end(a, out);
	}
	/*
	 * Every way out (q, the end of the input, Enter after the report, no
	 * to going through the questions again) ends with the same words,
	 * once: the full-screen wizard's and a signal's, where the answers are
	 * and the command that opens them again, a line apart from the report.
	 */
	if (!a->demo)
		blank(&u);
	ui_saved_where(a, out);
	status = u.saved && f != FLOW_ERROR ? 0 : 1;
	if (fflush(out) != 0 || ferror(out)) {
		diag_user(DIAG_IO, NULL, "%s", _("cannot write the questions: output error"));
		status = 1;
	}
	buf_free(&u.raw);
	buf_free(&u.line);
	return status;
}

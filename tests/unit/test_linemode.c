/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of line mode (ui_text_run): typed answers from an in-memory
 * file go through the whole dialogue on the test pack (questions 8 and
 * 11, four choices each, areas gonulluler and strateji), and the answers
 * file saved in a private directory must hold exactly what was typed.
 * Also: going back, invalid input asked again, the end of the input
 * saving, resuming, typed control characters dropped, hostile content
 * kept off the output, and failures to write. Run from the top of the
 * source tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "app.h"
#include "content.h"
#include "diag.h"
#include "fileio.h"
#include "session.h"
#include "ui.h"
#include "util.h"

#define BASE	"tests/content/base"
#define HDR	"# stok-assess answers: ids only; labels come from the pack.\n" \
		"pack: \"deneme\"\nversion: 1\nquestions: \"fnv1a64:1d2c0fea75fc2c51\"\nlanguage: \"tr\"\n"

static FILE *devnull;
static struct pack *base;
static char dir[] = "/tmp/test_linemode.XXXXXX";
static char path[sizeof(dir) + 32];

/* Remove every file of the private directory (the session and any leftover). */
static void
empty_dir(void)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	char *p;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
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
	return pack_load(BASE, &base) == LOAD_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	empty_dir();
	rmdir(dir);
	pack_free(base);
	diag_set_stream(NULL);
	fclose(devnull);
	return 0;
}

/* Each test starts with no saved session. */
static int
fresh(void **state)
{
	(void)state;
	empty_dir();
	return 0;
}

/*
 * Run line mode with options o and input typed; returns the exit status
 * and, when output is not NULL, what was printed.
 */
static int
run_opts(const struct app_options *o, const char *input, char **output)
{
	struct app a;
	FILE *in, *out;
	char *text = NULL;
	size_t len = 0;
	int status;

	in = fmemopen((void *)input, strlen(input), "r");
	out = open_memstream(&text, &len);
	assert_non_null(in);
	assert_non_null(out);
	assert_int_equal(app_open(&a, o), 0);
	status = ui_text_run(&a, o, in, out);
	app_close(&a);
	fclose(in);
	fclose(out);
	if (output != NULL)
		*output = text;
	else
		free(text);
	return status;
}

/* The same on content, saving to session_path. */
static int
run_on(const char *content, const char *session_path, const char *input, char **output)
{
	return run_opts(&(struct app_options){ .content = content, .session_path = session_path },
	    input, output);
}

static int
run(const char *input, char **output)
{
	return run_on(BASE, path, input, output);
}

/* The saved answers file, read back against the pack, without its date. */
static char *
saved(void)
{
	struct session *s = session_read(path, base);
	char *text;

	assert_non_null(s);
	free(s->date);
	s->date = NULL;
	text = session_format(s);
	session_free(s);
	return text;
}

static void
assert_saved(const char *want)
{
	char *text = saved();

	assert_string_equal(text, want);
	free(text);
}

static int
count(const char *haystack, const char *needle)
{
	int n = 0;

	while ((haystack = strstr(haystack, needle)) != NULL) {
		n++;
		haystack += strlen(needle);
	}
	return n;
}

/* No C0 control but newline, no DEL, no C1 control, no bidi override or isolate. */
static void
assert_clean(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7F)
			fail_msg("byte 0x%02X at offset %td", *p, (const char *)p - s);
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			fail_msg("a C1 control at offset %td", (const char *)p - s);
		if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
		    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)))
			fail_msg("a direction override at offset %td", (const char *)p - s);
	}
}

static void
test_answers_saved(void **state)
{
	char *out;

	(void)state;
	/* organisation, role 2, question 8: 2, priority high, question 11: n/a, priority low */
	assert_int_equal(run("Mahalle Derneği\n2\n2\n1\n5\n3\n", &out), 0);
	assert_saved(HDR
	    "organisation: \"Mahalle Derneği\"\n"
	    "role: \"manager\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n"
	    "  - question: 11\n"
	    "    choice: na\n"
	    "priorities:\n"
	    "  - area: \"gonulluler\"\n"
	    "    priority: high\n"
	    "  - area: \"strateji\"\n"
	    "    priority: low\n");
	assert_non_null(strstr(out, "\nArea 1/2: Gönüllülerle İş Birliği\n"));
	assert_non_null(strstr(out, "\nArea 2/2: Stratejik Yönetim\n"));
	assert_non_null(strstr(out, "\nQuestion 1/2 (area 1/2)\n"
	    "Gönüllülerle iş birliğine nasıl yaklaşıyoruz?\n"
	    "  1. Soru 8 için 1. düzey.\n"));
	assert_non_null(strstr(out, "\nQuestion 2/2 (area 2/2)\n"));
	assert_non_null(strstr(out, "\n  5. Not applicable to us\n"));
	/* Enter keeps an answer: not offered where there is none yet */
	assert_int_equal(count(out, "Answer [1-5, < back, > skip, ? help, "
	    "g guidance, n note, q quit]: "), 2);
	assert_int_equal(count(out, "Enter keeps"), 0);
	/* the report comes last */
	assert_non_null(strstr(out, "\nDeneme Paketi (sürüm 1)\n"));
	assert_non_null(strstr(out, "\nYanıt: Bizim için geçerli değil\n"));
	assert_clean(out);
	free(out);
}

static void
test_role_free_text(void **state)
{
	(void)state;
	assert_int_equal(run("\nKoordinatör\n", NULL), 0);
	assert_saved(HDR "role: \"Koordinatör\"\n");
	assert_int_equal(unlink(path), 0);	/* a session's role is not asked again */
	assert_int_equal(run("\nVOLUNTEER\n", NULL), 0);
	assert_saved(HDR "role: \"volunteer\"\n");
}

static void
test_back(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run(
	    "\n\n"
	    "<\n"	/* the first question: nowhere to go */
	    "1\n"
	    "<\n"	/* from the area's priority back to question 8 */
	    "3\n"
	    "\n"	/* no priority */
	    "<\n"	/* from question 11 back to the first area's priority */
	    "<\n"	/* and on to question 8, across areas */
	    "\n"	/* keep 3 */
	    "2\n"	/* priority medium */
	    "4\n"
	    "\n", &out), 0);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 3\n"
	    "  - question: 11\n"
	    "    choice: 4\n"
	    "priorities:\n"
	    "  - area: \"gonulluler\"\n"
	    "    priority: medium\n");
	assert_int_equal(count(out, "This is the first question."), 1);
	assert_int_equal(count(out, "Priority of the area \"Gönüllülerle İş Birliği\""), 4);
	assert_int_equal(count(out, "\nQuestion 1/2 (area 1/2)\n"), 3);
	assert_int_equal(count(out, "\nArea 1/2: "), 2);
	assert_non_null(strstr(out, "  3. Soru 8 için 3. düzey. (current)\n"));
	free(out);
}

static void
test_invalid_asked_again(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run(
	    "\n"
	    "9\n"	/* no such role */
	    "3\n"
	    "abc\n0\n6\n02\n\n"	/* five invalid answers, Enter with nothing to keep */
	    " 2 \n"
	    "5\nx\n"	/* no such priority */
	    "3\n", &out), 0);
	assert_saved(HDR
	    "role: \"staff\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n"
	    "priorities:\n"
	    "  - area: \"gonulluler\"\n"
	    "    priority: low\n");
	assert_int_equal(count(out, "Role [1-5"), 2);
	assert_int_equal(count(out, "Answer [1-5,"), 7);	/* six for 8, one for 11 */
	assert_int_equal(count(out, "Priority [1-4,"), 3);
	assert_int_equal(count(out, "There is no answer to keep yet"), 1);
	assert_int_equal(count(out, "Not understood"), 6);
	free(out);
}

/*
 * The fourth priority, skip, as the full screen's 4: it takes back a
 * priority given before (Enter keeps it), and a script written from the
 * full screen's keys does not lose its place.
 */
static void
test_priority_skip(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run(
	    "\n3\n"
	    "2\n1\n"		/* question 8, its area's priority high */
	    "<\n4\n"		/* back from question 11 to it: skip */
	    "4\n4\n", &out), 0);	/* question 11, its area's skipped too */
	assert_saved(HDR
	    "role: \"staff\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n"
	    "  - question: 11\n"
	    "    choice: 4\n");
	assert_int_equal(count(out, "Priority [1-4,"), 3);
	assert_int_equal(count(out, "Not understood"), 0);
	free(out);
}

static void
test_eof_saves(void **state)
{
	(void)state;
	/* the input ends at the area's priority, then in the middle of a line */
	assert_int_equal(run("Dernek\n\n3\n", NULL), 0);
	assert_saved(HDR
	    "organisation: \"Dernek\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 3\n");
	/* resumed at question 11: Enter resumes, keeps the organisation, skips the role */
	assert_int_equal(run("\n\n\n4", NULL), 0);
	assert_saved(HDR
	    "organisation: \"Dernek\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 3\n"
	    "  - question: 11\n"
	    "    choice: 4\n");
}

static void
test_quit(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run("\n\n1\n1\nq\n2\n", &out), 0);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 1\n"
	    "priorities:\n"
	    "  - area: \"gonulluler\"\n"
	    "    priority: high\n");
	assert_non_null(strstr(out, "Your answers are saved in "));
	assert_null(strstr(out, "Deneme Paketi (sürüm 1)"));	/* no report */
	free(out);
}

/*
 * The goodbye gives the command that opens the same answers again on its
 * own line, whole: the options that chose the pack and the file, quoted
 * for the shell, and the language when the locale chose the pack.
 */
static void
test_resume_command(void **state)
{
	char *out, *want, spaced[sizeof(path) + 16];

	(void)state;
	assert_int_equal(run_opts(&(struct app_options){ .content = BASE, .lang = "en",
	    .workshop = false, .session_path = path }, "\n\n1\nq\n", &out), 0);
	want = xasprintf("To go on, run:\n  stok-assess --content %s --lang en --session %s\n",
	    BASE, path);
	assert_non_null(strstr(out, want));
	free(want);
	free(out);
	/* a name with a space and a quote: one word for the shell */
	snprintf(spaced, sizeof(spaced), "%s/it's mine.yaml", dir);
	assert_int_equal(run_on(BASE, spaced, "\n\n1\nq\n", &out), 0);
	want = xasprintf("  stok-assess --content %s --session '%s/it'\\''s mine.yaml'\n",
	    BASE, dir);
	assert_non_null(strstr(out, want));
	free(want);
	free(out);
	/* line mode asked for, and a big workshop: the command opens them again */
	assert_int_equal(run_opts(&(struct app_options){ .content = BASE, .lang = "en",
	    .line = true, .session_path = path }, "\n\n1\nq\n", &out), 0);
	want = xasprintf("  stok-assess --content %s --lang en --ui text --session %s\n",
	    BASE, path);
	assert_non_null(strstr(out, want));
	free(want);
	free(out);
}

/* Does s end with end? */
static bool
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), k = strlen(end);

	return n >= k && strcmp(s + n - k, end) == 0;
}

/* The words of s as one line: what line mode wrapped at its width, unwrapped, in place. */
static char *
unwrapped(char *s)
{
	char *p;

	for (p = s; (p = strchr(p, '\n')) != NULL; p++)
		*p = ' ';
	return s;
}

/*
 * Every way out of line mode ends with the same words, once: where the
 * answers are and the command that opens them again. After the report
 * too, whether Enter skips the export or no answers the question of
 * going through the questions again, and at the end of a script.
 */
static void
test_closing_words(void **state)
{
	struct app_options script = { .content = BASE, .session_path = path, .script = true };
	char *out, *done, *going_on;

	(void)state;
	done = xasprintf("To see the results again, run:\n  stok-assess --content %s --session %s\n",
	    BASE, path);
	going_on = xasprintf("To go on, run:\n  stok-assess --content %s --session %s\n", BASE, path);
	/* answered to the end, Enter at the export */
	assert_int_equal(run("\n\n1\n1\n2\n\n\n", &out), 0);
	if (!ends_with(out, done))
		fail_msg("%s", out);
	assert_int_equal(count(out, "  stok-assess --content "), 1);
	free(out);
	/* resumed on the results: Enter at the export, no to going through again */
	assert_int_equal(run("\n\nn\n", &out), 0);
	assert_non_null(strstr(out, "Go through the questions again?"));
	if (!ends_with(out, done))
		fail_msg("%s", out);
	assert_int_equal(count(out, "  stok-assess --content "), 1);
	free(out);
	/* q at the question of going through again: the same words, once */
	assert_int_equal(run("\n\nq\n", &out), 0);
	assert_true(ends_with(out, done));
	assert_int_equal(count(out, "  stok-assess --content "), 1);
	free(out);
	/* a script with a question skipped: the report, then the words */
	unlink(path);
	assert_int_equal(run_opts(&script, ">\n\n4\n\n", &out), 0);
	/* the way back to them is the command at the end, not a bare program name */
	if (!ends_with(out, going_on))
		fail_msg("%s", out);
	assert_int_equal(count(out, "  stok-assess --content "), 1);
	assert_non_null(strstr(unwrapped(out), "Questions without an answer: 1. No level counts "
	    "them; to answer them, run the command given at the end."));
	assert_null(strstr(out, "run stok-assess again"));
	free(out);
	/* a demo keeps nothing: no command to give, none promised */
	assert_int_equal(run_opts(&(struct app_options){ .content = BASE, .demo = true,
	    .script = true }, ">\n\n4\n\n", &out), 0);
	assert_null(strstr(out, "run:"));
	assert_non_null(strstr(unwrapped(out), "Questions without an answer: 1. No level counts "
	    "them. Here is your report."));
	free(out);
	free(done);
	free(going_on);
}

/* With a priority set, its prompt says that Enter keeps it, and Enter does. */
static void
test_priority_kept(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run("\n\n1\n1\n<\n\nq\n", &out), 0);
	assert_int_equal(count(out, "Enter skips, < back, q quit]: "), 1);
	assert_int_equal(count(out, "Enter keeps, < back, q quit]: "), 1);
	free(out);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 1\n"
	    "priorities:\n"
	    "  - area: \"gonulluler\"\n"
	    "    priority: high\n");
	/* ? at a priority explains it, as at every question */
	assert_int_equal(run("\n\n\n1\n?\nq\n", &out), 0);
	if (strstr(out, "How soon your organisation should work on this area") == NULL) fail_msg("%s", out);
	assert_null(strstr(out, "Not understood"));
	free(out);
}

/* ? at the organisation's prompt asks for help, as everywhere: it is not saved as the name. */
static void
test_organisation_help(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run("?\nDernek\n\nq\n", &out), 0);
	assert_non_null(strstr(out, "The name of your organisation, as the report is to show it"));
	free(out);
	assert_saved(HDR
	    "organisation: \"Dernek\"\n");
}

/* At the end, the report to a file: a format, a name, and a question before replacing one. */
static void
test_export(void **state)
{
	char input[512], *out, *md = xasprintf("%s/rapor.md", dir), *text;
	size_t len;

	(void)state;
	snprintf(input, sizeof(input), "Dernek\n2\n2\n1\n5\n3\n2\n%s\n", md);
	assert_int_equal(run(input, &out), 0);
	assert_non_null(strstr(out, "Export the report? 1 text, 2 Markdown, 3 HTML, Enter skips: "));
	assert_int_equal(file_read(md, 1 << 20, "a test file", &text, &len), 0);
	assert_int_equal(strncmp(text, "# ", 2), 0);	/* Markdown, as chosen */
	assert_non_null(strstr(out, "Report written to "));
	free(text);
	free(out);
	/* again, the same name: asked first; no writes nothing */
	assert_int_equal(run_on(BASE, path, "\n\n", NULL), 0);	/* resumed on the results */
	snprintf(input, sizeof(input), "\n2\n%s\nn\n", md);
	assert_int_equal(run(input, &out), 0);
	assert_non_null(strstr(out, "exists. Overwrite it? [y/N] "));	/* as its other questions */
	assert_non_null(strstr(out, "Nothing written."));
	free(out);
	/* a name that cannot be written: said, and asked again, so that another is given */
	snprintf(input, sizeof(input), "\n2\n%s/no/such/r.md\n%s\ny\n", dir, md);
	assert_int_equal(run(input, &out), 0);
	assert_non_null(strstr(out, "Could not write "));
	assert_non_null(strstr(out, "Report written to "));
	free(out);
	/* Enter at the format writes nothing */
	assert_int_equal(run("\n\n", &out), 0);
	assert_null(strstr(out, "Report written to "));
	free(out);
	/* the answers file itself is never a report's name: said, and a name asked again */
	assert_int_equal(file_read(path, 1 << 20, "a test file", &text, &len), 0);
	snprintf(input, sizeof(input), "\n1\n%s\nq\n", path);
	assert_int_equal(run(input, &out), 0);
	assert_non_null(strstr(out, "holds your answers"));
	assert_null(strstr(out, "Report written to "));
	free(out);
	assert_int_equal(file_read(path, 1 << 20, "a test file", &out, &len), 0);
	assert_string_equal(out, text);
	free(out);
	free(text);
	/* text is the report as line mode read it out: no rule, no bar */
	snprintf(input, sizeof(input), "\n1\n%s.txt\n", md);
	assert_int_equal(run(input, &out), 0);
	free(out);
	out = xasprintf("%s.txt", md);
	assert_int_equal(file_read(out, 1 << 20, "a test file", &text, &len), 0);
	assert_true(len > 100);
	assert_null(strstr(text, "\n=="));	/* under the title */
	assert_null(strstr(text, "\n--"));	/* under a section */
	assert_null(strstr(text, "-] "));	/* a bar: [#####-----] */
	unlink(out);
	free(out);
	free(text);
	unlink(md);
	free(md);
}

/* After a report is written another format is offered, so that several are written in one run */
static void
test_export_several(void **state)
{
	char input[512], *md = xasprintf("%s/r.md", dir), *html = xasprintf("%s/r.html", dir);
	char *out, *text;
	size_t len;

	(void)state;
	snprintf(input, sizeof(input), "\n\n1\n1\n2\n\n2\n%s\n3\n%s\n\n", md, html);
	assert_int_equal(run(input, &out), 0);
	assert_int_equal(count(out, "Report written to "), 2);
	assert_int_equal(count(out, "Another format too? 1 text, 2 Markdown, 3 HTML, "
	    "Enter for none: "), 2);
	assert_int_equal(count(out, "Export the report? "), 1);
	text = xasprintf("run:\n  stok-assess --content %s --session %s\n", BASE, path);
	assert_true(ends_with(out, text));
	free(text);
	free(out);
	assert_int_equal(file_read(md, 1 << 20, "a test file", &text, &len), 0);
	assert_int_equal(strncmp(text, "# ", 2), 0);
	free(text);
	assert_int_equal(file_read(html, 1 << 20, "a test file", &text, &len), 0);
	assert_non_null(strstr(text, "<html"));
	free(text);
	unlink(md);
	unlink(html);
	free(md);
	free(html);
}

/* A name that cannot be written is asked for again, under the reason, as the manual says */
static void
test_export_name_again(void **state)
{
	char input[512], *bad = xasprintf("%s/no-such-dir/r.md", dir), *md = xasprintf("%s/r2.md", dir);
	char *out, *text;
	size_t len;

	(void)state;
	snprintf(input, sizeof(input), "\n\n1\n1\n2\n\n2\n%s\n%s\n\n", bad, md);
	assert_int_equal(run(input, &out), 0);
	assert_int_equal(count(out, "Could not write "), 1);
	assert_int_equal(count(out, "Report written to "), 1);
	assert_int_equal(count(out, "Export the report? "), 1);
	free(out);
	assert_int_equal(file_read(md, 1 << 20, "a test file", &text, &len), 0);
	assert_int_equal(strncmp(text, "# ", 2), 0);
	free(text);
	unlink(md);
	free(bad);
	free(md);
}

/*
 * The keys of every question at the export's questions: q saves and
 * quits at the format and at the name (never a file named q), ? helps,
 * < goes from the format back to the last area's priority (and the
 * report comes again) or from the name back to the format.
 */
static void
test_export_keys(void **state)
{
	char *out;

	(void)state;
	/* answered to the end; q at the format, and what follows is not read */
	assert_int_equal(run("\n\n1\n1\n2\n\nq\n1\n\n", &out), 0);
	assert_null(strstr(out, "Type 1, 2 or 3"));
	assert_null(strstr(out, "Not understood"));
	assert_null(strstr(out, "File name"));
	assert_non_null(strstr(out, "To see the results again, run:"));
	free(out);
	/* resumed on the results: ? at the format, then 1, q at the name */
	assert_int_equal(run("\n?\n1\nq\n", &out), 0);
	assert_non_null(strstr(out, "1 as text, as it was read out here"));
	/* (the name offered, in the working directory, may go to a line of its own) */
	assert_int_equal(count(out, "File name (Enter writes"), 1);
	assert_null(strstr(out, "Report written"));
	assert_int_not_equal(access("q", F_OK), 0);	/* where a name q would be */
	free(out);
	/* < at the name: the format again; < there: the last area's priority, then the report */
	assert_int_equal(run("\n3\n<\n<\n\n\n", &out), 0);
	assert_int_equal(count(out, "Export the report? "), 3);
	assert_int_equal(count(out, "Priority of the area \"Stratejik Yönetim\""), 1);
	assert_int_equal(count(out, "\nDeneme Paketi (sürüm 1)\n"), 2);
	assert_null(strstr(out, "Report written"));
	assert_null(strstr(out, "Go through the questions again?"));
	free(out);
}

/* ~/ at the start of a report's name is the home, as in the full-screen wizard and the shell */
static void
test_export_home(void **state)
{
	char *home = getenv("HOME") != NULL ? xstrdup(getenv("HOME")) : NULL;
	char *file = xasprintf("%s/uye2.txt", dir), *out, *want;

	(void)state;
	setenv("HOME", dir, 1);
	assert_int_equal(run("\n\n1\n1\n2\n\n1\n~/uye2.txt\n", &out), 0);
	/* ~ alone is the home too, as in the shell: a directory, not a file named ~ here */
	{
		char *said = xasprintf("Could not write %s: ", dir), *more;

		assert_int_equal(run("\n1\n~\n<\n\n\n", &more), 0);
		if (strstr(more, said) == NULL)
			fail_msg("%s", more);
		assert_int_not_equal(access("~", F_OK), 0);
		free(more);
		free(said);
	}
	if (home != NULL)
		setenv("HOME", home, 1);
	else
		unsetenv("HOME");
	want = xasprintf("Report written to %s\n", file);
	if (strstr(out, want) == NULL)
		fail_msg("%s", out);
	assert_int_equal(access(file, F_OK), 0);
	free(want);
	free(out);
	free(file);
	free(home);
}

static void
test_notes(void **state)
{
	char *out;

	(void)state;
	/* a note before any answer, control characters typed in it */
	assert_int_equal(run("\n\nn\nnot \x1b[1mbir\x07\tyer\xff\n2\n", NULL), 0);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n"
	    "    note: \"not bir yer\"\n");
	/*
	 * resumed at question 11, back past the first area's priority to 8,
	 * the note replaced, kept by Enter, then cleared by "-"
	 */
	assert_int_equal(run("\n\n\n<\n<\nn\nilk\nn\n\nn\n-\nq\n", &out), 0);
	assert_non_null(strstr(out, "\nNote: not bir yer\n"));
	assert_non_null(strstr(out, "\nCurrent note: ilk\n"));
	assert_int_equal(count(out, "Note saved."), 1);
	assert_int_equal(count(out, "Note kept."), 1);
	assert_int_equal(count(out, "Note cleared."), 1);
	free(out);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n");
}

/*
 * At the note's prompt ? and q are keys, as at every other prompt: ? says
 * what to type and q saves and quits. Typed there, either replaced the
 * note written before with "?" or "q".
 */
static void
test_note_keys(void **state)
{
	char *out, *done = xasprintf("run:\n  stok-assess --content %s --session %s\n", BASE, path);

	(void)state;
	/* a note, then back to it: ? at its prompt (and Enter keeps it), then q there */
	assert_int_equal(run("\n\nn\nKurul ayda bir toplanıyor\n2\n<\nn\n?\n\nn\nq\n", &out), 0);
	assert_int_equal(count(out, "A note on this question, for the report"), 1);
	assert_int_equal(count(out, "Note saved."), 1);
	assert_int_equal(count(out, "Note kept."), 1);
	if (!ends_with(out, done))
		fail_msg("%s", out);
	free(done);
	free(out);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n"
	    "    note: \"Kurul ayda bir toplanıyor\"\n");
}

/*
 * An organisation's name, or a role in one's own words, longer than the
 * full-screen editor holds: its first INPUT_MAX characters are saved and
 * the rest counted aloud, as for a note (the whole of it was saved, and
 * could not be opened there).
 */
static void
test_long_name(void **state)
{
	struct buf in, want;
	char *out;
	int i;

	(void)state;
	buf_init(&in);
	buf_init(&want);
	for (i = 0; i < 1200; i++)
		buf_adds(&in, "\xc5\x9f");	/* ş */
	buf_adds(&in, "\n");
	for (i = 0; i < 1001; i++)
		buf_addc(&in, 'r');
	buf_adds(&in, "\n2\nq\n");
	assert_int_equal(run(in.data, &out), 0);
	assert_non_null(strstr(out, "\nA name holds at most 1000 characters: the last 200 "
	    "characters were cut.\n"));
	assert_non_null(strstr(out, "\nA name holds at most 1000 characters: the last 1 "
	    "character was cut.\n"));
	free(out);
	buf_adds(&want, HDR "organisation: \"");
	for (i = 0; i < 1000; i++)
		buf_adds(&want, "\xc5\x9f");
	buf_adds(&want, "\"\nrole: \"");
	for (i = 0; i < 1000; i++)
		buf_addc(&want, 'r');
	buf_adds(&want, "\"\nanswers:\n  - question: 8\n    choice: 2\n");
	assert_saved(want.data);
	buf_free(&in);
	buf_free(&want);
}

/*
 * A note longer than a note holds: its first INPUT_MAX characters are
 * saved (cut between characters, never inside one) and the rest is
 * counted aloud, also past the bytes a typed line keeps.
 */
static void
test_long_note(void **state)
{
	struct buf in, want;
	char *out;
	int i;

	(void)state;
	buf_init(&in);
	buf_init(&want);
	buf_adds(&in, "\n\nn\n");
	for (i = 0; i < 1199; i++)
		buf_adds(&in, "\xc5\x9f");	/* ş, two bytes */
	buf_adds(&in, "\xc4\x9f\n2\n");	/* ğ, the last one cut */
	assert_int_equal(run(in.data, &out), 0);
	assert_non_null(strstr(out, "\nA note holds at most 1000 characters: the last 200 "
	    "characters were cut.\nNote saved.\n"));
	free(out);
	buf_adds(&want, HDR "answers:\n  - question: 8\n    choice: 2\n    note: \"");
	for (i = 0; i < 1000; i++)
		buf_adds(&want, "\xc5\x9f");
	buf_adds(&want, "\"\n");
	assert_saved(want.data);
	/* 5,000 characters in 10,000 bytes: a line read keeps 8,192 of them */
	unlink(path);
	buf_reset(&in);
	buf_adds(&in, "\n\nn\n");
	for (i = 0; i < 5000; i++)
		buf_adds(&in, "\xc5\x9f");
	buf_adds(&in, "\n2\n");
	assert_int_equal(run(in.data, &out), 0);
	assert_non_null(strstr(out, "the last 4000 characters were cut."));
	free(out);
	assert_saved(want.data);
	/* one over: one character cut, said in the singular */
	unlink(path);
	buf_reset(&in);
	buf_adds(&in, "\n\nn\n");
	for (i = 0; i < 1001; i++)
		buf_addc(&in, 'a');
	buf_adds(&in, "\n2\n");
	assert_int_equal(run(in.data, &out), 0);
	assert_non_null(strstr(out, "the last 1 character was cut."));
	free(out);
	buf_free(&in);
	buf_free(&want);
}

static void
test_typed_controls(void **state)
{
	(void)state;
	assert_int_equal(run("  A\x1b]0;x\x07" "B\tC\r\n\xe2\x80\xae" "K\xc2\x9b" "2\n", NULL), 0);
	assert_saved(HDR
	    "organisation: \"AB C\"\n"
	    "role: \"K2\"\n");
}

/*
 * Keys pressed at a cooked prompt leave their sequences in the line: the
 * arrows, Delete, F1 (ESC O P), Alt and a letter (here Alt-ş), a title
 * ended by ESC \, and an ESC [ cut short at the line's end. None of it is
 * kept of a name or a note.
 */
static void
test_typed_keys(void **state)
{
	(void)state;
	assert_int_equal(run("\xc5\x9e" "ube \xc4\xb1\xc4\x9f" "d\xc4\xb1r\x1b[D\x1b[D\x1b[3~\x1b[1;5C"
	    "\x1bOP\x1b\xc5\x9f!\x1b]2;t\x1b\\.\x1b[\n\nn\n\x1b[A\x1b[Anot\n2\n", NULL), 0);
	assert_saved(HDR
	    "organisation: \"\xc5\x9eube \xc4\xb1\xc4\x9f" "d\xc4\xb1r!.\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n"
	    "    note: \"not\"\n");
}

/* The session test_resume saves first, which each of its quits must leave as it is. */
#define KEPT HDR "answers:\n  - question: 8\n    choice: 2\n  - question: 11\n    choice: 3\n"

static void
test_resume(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run("\n\n2\n\n", NULL), 0);
	/*
	 * Enter resumes and goes on at the first question without an answer,
	 * asking neither the name nor the role again (offered at the start, and
	 * left empty there, the next line, meant for the question, became the
	 * name); the area before it has no priority, so that is asked first
	 * (Enter skips it again), as where the wizard was left
	 */
	assert_int_equal(run("\n\n3\n\n", &out), 0);
	assert_non_null(strstr(out, "Resume the saved session with 1 answer? [Y/n] "));
	assert_non_null(strstr(out, "Going on at question 2/2."));
	assert_int_equal(count(out, "Priority [1-4,"), 2);	/* the first area's, then the second's */
	assert_null(strstr(out, "Question 1/2"));
	assert_null(strstr(out, "Organisation"));
	assert_null(strstr(out, "Your role"));
	free(out);
	assert_saved(KEPT);
	/* "n" then "n" again at the confirmation: nothing changes */
	assert_int_equal(run("n\nn\n\n\nq\n", &out), 0);
	assert_non_null(strstr(out, "Start again? "));
	free(out);
	assert_saved(KEPT);
	/* q at the resume question, and at the confirmation, saves and quits: nothing changes */
	assert_int_equal(run("q\n", &out), 0);
	assert_null(strstr(out, "Please type"));
	assert_null(strstr(out, "Question "));
	free(out);
	assert_int_equal(run("n\nq\n", &out), 0);
	assert_null(strstr(out, "Please type"));
	assert_null(strstr(out, "Starting again."));
	free(out);
	assert_saved(KEPT);
	/* "n" confirmed starts again, and a quit before any new answer keeps the file as it was */
	assert_int_equal(run("n\ny\n\n\nq\n", &out), 0);
	free(out);
	assert_saved(KEPT);
	/* "n", then "e" (yes in Turkish is understood only in Turkish), something else is asked again */
	assert_int_equal(run("maybe\nn\ny\n\n\n1\n\n2\n\n", &out), 0);
	assert_int_equal(count(out, "Please type y/n"), 1);
	free(out);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 1\n"
	    "  - question: 11\n"
	    "    choice: 2\n");
	/* the old answers were moved beside it, under the old session's date */
	{
		char old[300], today_s[16], *text;
		size_t len;
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		strftime(today_s, sizeof(today_s), "%Y-%m-%d", &tm);
		snprintf(old, sizeof(old), "%s/s-%s.yaml", dir, today_s);
		assert_int_equal(file_read(old, 1 << 20, "a test file", &text, &len), 0);
		assert_non_null(strstr(text, "  - question: 11\n    choice: 3\n"));
		free(text);
	}
}

/*
 * ? at a question of yes or no says what each answer does, as ? does at
 * every other prompt (the welcome says "Type ? for help"): at the resume,
 * at starting again, before a report replaces a file, and at going
 * through the questions again. It only asked for y or n.
 */
static void
test_yes_no_help(void **state)
{
	char input[512], *md = xasprintf("%s/r.md", dir), *out;

	(void)state;
	assert_int_equal(run("\n\n2\nq\n", NULL), 0);
	assert_int_equal(run("?\nn\n?\nn\nq\n", &out), 0);
	assert_int_equal(count(out, "Yes goes on where you left off"), 1);
	assert_int_equal(count(out, "Yes starts with no answers"), 1);
	assert_int_equal(count(out, "Please type y/n: "), 2);	/* then the answer, after the help */
	assert_null(strstr(out, "Not understood"));
	free(out);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n");
	/* answered to the end, a report written, then the same name: ? before replacing it */
	snprintf(input, sizeof(input), "\n\n2\n\n2\n%s\n2\n%s\n?\nn\n<\n\n", md, md);
	assert_int_equal(run(input, &out), 0);
	assert_int_equal(count(out, "Yes replaces the file with this report"), 1);
	assert_int_equal(count(out, "Nothing written."), 1);
	free(out);
	/* resumed on the results: Enter at the export, then ? at going through again */
	assert_int_equal(run("\n\n?\nn\n", &out), 0);
	assert_int_equal(count(out, "Yes goes through the questions again"), 1);
	assert_int_equal(count(out, "Please type y/n: "), 1);
	free(out);
	unlink(md);
	free(md);
}

/*
 * A trainer's --demo --sample opens on the example's report and, as at
 * the end of every assessment and as on the full-screen wizard's
 * results, offers to export it. Line mode printed the report and ended.
 */
static void
test_sample_export(void **state)
{
	struct app_options o = { .content = "data/tr", .demo = true, .sample = true };
	char input[512], *file = xasprintf("%s/ornek.txt", dir), *out, *text;
	size_t len;

	(void)state;
	snprintf(input, sizeof(input), "1\n%s\n\n", file);
	assert_int_equal(run_opts(&o, input, &out), 0);
	assert_int_equal(count(out, "Export the report? 1 text, 2 Markdown, 3 HTML, Enter skips: "), 1);
	assert_int_equal(count(out, "Report written to "), 1);
	free(out);
	assert_int_equal(file_read(file, 1 << 20, "a test file", &text, &len), 0);
	assert_non_null(strstr(text, "Örgütsel Kapasite Öz Değerlendirmesi"));
	free(text);
	unlink(file);
	free(file);
	/* a script is asked nothing: the report, and the end */
	o.script = true;
	assert_int_equal(run_opts(&o, "1\n", &out), 0);
	assert_null(strstr(out, "Export the report?"));
	free(out);
}

static void
test_script_options(void **state)
{
	struct app_options o = { .content = BASE, .session_path = path, .script = true,
	    .organisation = "Yeşil Işık Derneği", .role = "Yönetim kurulu üyesi" };
	char *text = NULL;

	(void)state;
	/* a script is asked nothing optional: the first line is the first answer */
	assert_int_equal(run_opts(&o, "1\n\n4\n\n", &text), 0);
	assert_null(strstr(text, "Organisation name"));
	assert_null(strstr(text, "Role ["));
	free(text);
	assert_saved(HDR
	    "organisation: \"Yeşil Işık Derneği\"\n"
	    "role: \"Yönetim kurulu üyesi\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 1\n"
	    "  - question: 11\n"
	    "    choice: 4\n");
	/* at a terminal too: what the options give is not asked again (stok-assess(1)) */
	assert_int_equal(unlink(path), 0);
	o.script = false;
	assert_int_equal(run_opts(&o, "1\n\n4\n\n", &text), 0);
	assert_null(strstr(text, "Organisation name"));
	assert_null(strstr(text, "Your role in the organisation"));
	free(text);
	assert_saved(HDR
	    "organisation: \"Yeşil Işık Derneği\"\n"
	    "role: \"Yönetim kurulu üyesi\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 1\n"
	    "  - question: 11\n"
	    "    choice: 4\n");
}

static void
test_help_and_guidance(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run("\n\n?\ng\n2\n<\ng\n", &out), 0);
	assert_non_null(strstr(out, "\nGönüllülerle çalışmanın planlı olup olmadığını sorar.\n"));
	assert_non_null(strstr(out, "Choose an answer first"));
	assert_non_null(strstr(out, "\nSoru 8, seçenek 2 için kısa bir yönlendirme metni. "
	    "Ayrıntı için STGM [1]\n"));
	assert_non_null(strstr(out, "\n[1] https://www.stgm.org.tr\n"));
	free(out);
}

/*
 * After help or guidance, which can run to tens of lines, the question's
 * place is said again before its prompt: a listener who read them hears
 * which question the answer goes to. The prompt came alone.
 */
static void
test_place_said_again(void **state)
{
	char *out;

	(void)state;
	assert_int_equal(run("\n\n?\ng\n2\n<\ng\nq\n", &out), 0);
	/* shown, after ?, shown again after <, after the guidance; not after "Choose an answer first" */
	assert_int_equal(count(out, "\nQuestion 1/2 (area 1/2)\n"), 4);
	assert_non_null(strstr(out, "q to save and quit.\n\nQuestion 1/2 (area 1/2)\n"
	    "Answer [1-5, < back"));
	assert_non_null(strstr(out, "\n[1] https://www.stgm.org.tr\n\nQuestion 1/2 (area 1/2)\n"
	    "Answer [1-5, Enter keeps"));
	free(out);
}

static void
test_hostile_content(void **state)
{
	char *hostile_path = xasprintf("%s/h.yaml", dir);
	char *out;

	(void)state;
	/* both guidance texts, then the report with both */
	assert_int_equal(run_on("tests/content/hostile", hostile_path,
	    "\n\n1\n<\ng\n2\n<\ng\n?\n\n1\n", &out), 0);
	assert_non_null(strstr(out, "^[]0;pwned^G"));
	assert_non_null(strstr(out, "Hostile Content (version 1)"));
	assert_clean(out);
	free(out);
	free(hostile_path);
}

static void
test_output_error(void **state)
{
	struct app_options o = { .content = BASE, .session_path = path };
	struct app a;
	FILE *in, *out;

	(void)state;
	in = fmemopen((void *)"X\n\n1\n", 5, "r");
	out = fopen("/dev/full", "w");
	assert_non_null(in);
	assert_non_null(out);
	assert_int_equal(app_open(&a, &o), 0);
	assert_int_equal(ui_text_run(&a, &o, in, out), 1);
	app_close(&a);
	fclose(in);
	fclose(out);
}

static void
test_save_error(void **state)
{
	struct app_options o = { .content = BASE };
	char *gone = xasprintf("%s/gone", dir), *missing = xasprintf("%s/missing/s.yaml", dir);
	char *lock, *text = NULL;
	const char *input = "Dernek\n\n1\n1\n2\n\n";
	size_t len = 0;
	struct app a;
	FILE *in, *out;

	(void)state;
	/* a session where nothing can be written: refused before a question is asked */
	o.session_path = missing;
	assert_int_equal(app_open(&a, &o), 1);
	app_close(&a);
	/* every save fails after the start: the dialogue goes on to the report, and the status says so */
	o.session_path = xasprintf("%s/s.yaml", gone);
	lock = xasprintf("%s.lock", o.session_path);
	assert_int_equal(mkdir(gone, 0700), 0);
	assert_int_equal(app_open(&a, &o), 0);
	assert_int_equal(unlink(lock), 0);
	assert_int_equal(rmdir(gone), 0);
	in = fmemopen((void *)input, strlen(input), "r");
	out = open_memstream(&text, &len);
	assert_int_equal(ui_text_run(&a, &o, in, out), 1);
	app_close(&a);
	fclose(in);
	fclose(out);
	assert_non_null(strstr(text, "Deneme Paketi (sürüm 1)"));
	assert_int_equal(access(o.session_path, F_OK), -1);
	free(text);
	/* q over answers not saved: one q says so and stays; the second leaves, status 1 */
	assert_int_equal(mkdir(gone, 0700), 0);
	assert_int_equal(app_open(&a, &o), 0);
	assert_int_equal(unlink(lock), 0);
	assert_int_equal(rmdir(gone), 0);
	in = fmemopen((void *)"Dernek\n\n1\nq\nq\n", 14, "r");
	out = open_memstream(&text, &len);
	assert_int_equal(ui_text_run(&a, &o, in, out), 1);
	app_close(&a);
	fclose(in);
	fclose(out);
	/* in any language: the path in the welcome, in the first q's words, in the last words */
	{
		const char *at = text;
		int seen = 0;

		while ((at = strstr(at, o.session_path)) != NULL && ++seen)
			at++;
		if (seen != 3)
			fail_msg("the session's path %d times, not 3:\n%s", seen, text);
	}
	assert_null(strstr(text, "Deneme Paketi (sürüm 1)"));	/* it left before the report */
	free(text);
	free(lock);
	free((char *)o.session_path);
	free(gone);
	free(missing);
}

/*
 * At the organisation and role questions the keys of every question are
 * keys, never a name or a role; < at the role goes back to the name; a
 * resumed session that holds both asks neither again, so a line meant
 * for a question is an answer, not a new name.
 */
static void
test_org_role_keys(void **state)
{
	char *out;

	(void)state;
	/* < has nothing before it, > skips the name; g is no role, < goes back, q quits */
	assert_int_equal(run("<\n>\ng\n<\nDernek\n2\nq\n", &out), 0);
	assert_int_equal(count(out, "Organisation name (Enter skips): "), 3);
	assert_non_null(strstr(out, "This is the first question: there is none before it."));
	assert_non_null(strstr(out, "Not understood: type a number from 1 to 5, your own words, "
	    "Enter, < or q."));
	free(out);
	assert_saved(HDR
	    "organisation: \"Dernek\"\n"
	    "role: \"manager\"\n");
	/* resumed: the first line answers the first question */
	assert_int_equal(run("\n2\nq\n", &out), 0);
	if (strstr(out, "Organisation name") != NULL)
		fail_msg("%s", out);
	assert_null(strstr(out, "Role ["));
	free(out);
	assert_saved(HDR
	    "organisation: \"Dernek\"\n"
	    "role: \"manager\"\n"
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 2\n");
	/* q at the name quits at once, keeping what was saved */
	assert_int_equal(run("n\ny\nq\n", &out), 0);
	free(out);
}

/* > goes on without an answer, as the full-screen wizard's arrow does; the report says so */
static void
test_skip(void **state)
{
	struct app_options o = { .content = BASE, .session_path = path, .script = true };
	char *text = NULL;

	(void)state;
	assert_int_equal(run_opts(&o, ">\n\n4\n\n", &text), 0);
	assert_non_null(strstr(text, "Questions without an answer: 1."));
	assert_null(strstr(text, "Every question has an answer"));
	free(text);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 11\n"
	    "    choice: 4\n");
	/* which ones, by the numbers they were read out with: here the second */
	unlink(path);
	assert_int_equal(run_opts(&o, "4\n\n>\n\n", &text), 0);
	assert_non_null(strstr(text, "Questions without an answer: 2."));
	free(text);
	assert_saved(HDR
	    "answers:\n"
	    "  - question: 8\n"
	    "    choice: 4\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_answers_saved, fresh),
		cmocka_unit_test_setup(test_role_free_text, fresh),
		cmocka_unit_test_setup(test_back, fresh),
		cmocka_unit_test_setup(test_invalid_asked_again, fresh),
		cmocka_unit_test_setup(test_priority_skip, fresh),
		cmocka_unit_test_setup(test_eof_saves, fresh),
		cmocka_unit_test_setup(test_quit, fresh),
		cmocka_unit_test_setup(test_resume_command, fresh),
		cmocka_unit_test_setup(test_closing_words, fresh),
		cmocka_unit_test_setup(test_priority_kept, fresh),
		cmocka_unit_test_setup(test_organisation_help, fresh),
		cmocka_unit_test_setup(test_export, fresh),
		cmocka_unit_test_setup(test_export_home, fresh),
		cmocka_unit_test_setup(test_export_keys, fresh),
		cmocka_unit_test_setup(test_export_several, fresh),
		cmocka_unit_test_setup(test_export_name_again, fresh),
		cmocka_unit_test_setup(test_notes, fresh),
		cmocka_unit_test_setup(test_note_keys, fresh),
		cmocka_unit_test_setup(test_long_name, fresh),
		cmocka_unit_test_setup(test_long_note, fresh),
		cmocka_unit_test_setup(test_typed_controls, fresh),
		cmocka_unit_test_setup(test_typed_keys, fresh),
		cmocka_unit_test_setup(test_resume, fresh),
		cmocka_unit_test_setup(test_yes_no_help, fresh),
		cmocka_unit_test_setup(test_sample_export, fresh),
		cmocka_unit_test_setup(test_script_options, fresh),
		cmocka_unit_test_setup(test_help_and_guidance, fresh),
		cmocka_unit_test_setup(test_place_said_again, fresh),
		cmocka_unit_test_setup(test_hostile_content, fresh),
		cmocka_unit_test_setup(test_output_error, fresh),
		cmocka_unit_test_setup(test_save_error, fresh),
		cmocka_unit_test_setup(test_skip, fresh),
		cmocka_unit_test_setup(test_org_role_keys, fresh),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

/* SPDX-License-Identifier: MIT */
/*
 * ptyrun.c: the benchmark's terminal. Starts a program on a new
 * pseudo-terminal of a given size (forkpty), then follows a script of
 * steps given on the command line, reading everything the program writes
 * as it comes:
 *
 *	-w TEXT	wait until the screen shows TEXT on one of its rows; print
 *		"wait NS", nanoseconds since the launch
 *	-s KEYS	send KEYS (\e, \r, \n, \t, \\ and \xHH understood) and mark
 *	-i MS	wait until the program has written nothing for MS ms; print
 *		"bytes N", what it wrote since the last mark
 *	-m	mark: count bytes from here
 *	-p	print the screen (to stderr), to look at
 *	-e	wait for the program to end by itself; print "exit STATUS"
 *		(128 + the signal's number for a signal)
 *
 * "The screen" is kept by a small emulator of the subset of xterm that
 * ncurses and dialog use with TERM=xterm-256color (cursor addressing,
 * erasing, inserting and deleting, scrolling regions, REP), so that a
 * wait does not depend on how curses chose to optimise its output. Every
 * character is taken as one column wide, which holds for the Latin
 * scripts of the packs.
 *
 * Options before the steps: -c COLS, -r ROWS (80x24), -T MS (time-out of
 * every wait, 10000), -o FILE (append every byte the program writes to
 * FILE, to look at). The program is killed at the end unless it has
 * ended already. What is printed goes out at the end, in one write: a
 * line written during a run woke the benchmark reading it, on one of the
 * two CPUs the program and this terminal were using. Exit status 0, or
 * 1 when a wait timed out or the program ended first (with a message on
 * stderr saying which), 2 for a usage error.
 *
 * Only the benchmark uses this; it is not part of stok-assess.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int master = -1;
static pid_t child = -1;
static FILE *dump;
static long timeout_ms = 10000;
static struct timespec t0;
static size_t nbytes;		/* written by the program since the last mark */

/* --- the screen ---------------------------------------------------------- */

#define MAX_ROWS 200
#define MAX_COLS 400

static uint32_t cell[MAX_ROWS][MAX_COLS];
static int rows = 24, cols = 80;
static int cy, cx, saved_cy, saved_cx, top, bot;	/* bot: last row of the region */
static bool wrap_pending;
static uint32_t last_char = ' ';

enum { GROUND, ESC, CSI, ESC_SKIP1, STRING, STRING_ESC };
static int state = GROUND;
static int params[16], nparams;
static bool param_seen, private_csi;
static uint32_t utf8_cp;
static int utf8_left;

static void
clear_cells(int r, int c0, int c1)
{
	for (int c = c0; c < c1 && c < cols; c++)
		if (c >= 0)
			cell[r][c] = ' ';
}

static void
clamp(void)
{
	cy = cy < 0 ? 0 : cy >= rows ? rows - 1 : cy;
	cx = cx < 0 ? 0 : cx >= cols ? cols - 1 : cx;
	wrap_pending = false;
}

/* Move rows first..bot of the scrolling region up by n (new rows blank). */
static void
scroll_up(int first, int n)
{
	for (; n > 0; n--) {
		memmove(cell[first], cell[first + 1], sizeof(cell[0]) * (size_t)(bot - first));
		clear_cells(bot, 0, cols);
	}
}

static void
scroll_down(int first, int n)
{
	for (; n > 0; n--) {
		memmove(cell[first + 1], cell[first], sizeof(cell[0]) * (size_t)(bot - first));
		clear_cells(first, 0, cols);
	}
}

static void
line_feed(void)
{
	wrap_pending = false;
	if (cy == bot)
		scroll_up(top, 1);
	else if (cy < rows - 1)
		cy++;
}

static void
put_char(uint32_t cp)
{
	if (wrap_pending) {
		cx = 0;
		line_feed();
	}
	cell[cy][cx] = cp;
	last_char = cp;
	if (cx == cols - 1)
		wrap_pending = true;
	else
		cx++;
}

static int
param(int i, int def)
{
	return i < nparams && params[i] > 0 ? params[i] : def;
}

static void
do_csi(char final)
{
	int n = param(0, 1), i;

	if (private_csi)
		return;		/* modes: nothing that changes the cells */
	switch (final) {
	case 'H': case 'f':
		cy = param(0, 1) - 1;
		cx = param(1, 1) - 1;
		clamp();
		break;
	case 'd': cy = n - 1; clamp(); break;
	case 'G': case '`': cx = n - 1; clamp(); break;
	case 'A': cy -= n; clamp(); break;
	case 'B': cy += n; clamp(); break;
	case 'C': cx += n; clamp(); break;
	case 'D': cx -= n; clamp(); break;
	case 'K':
		i = nparams > 0 ? params[0] : 0;
		if (i == 0)
			clear_cells(cy, cx, cols);
		else if (i == 1)
			clear_cells(cy, 0, cx + 1);
		else
			clear_cells(cy, 0, cols);
		break;
	case 'J':
		i = nparams > 0 ? params[0] : 0;
		if (i == 0) {
			clear_cells(cy, cx, cols);
			for (int r = cy + 1; r < rows; r++)
				clear_cells(r, 0, cols);
		} else if (i == 1) {
			for (int r = 0; r < cy; r++)
				clear_cells(r, 0, cols);
			clear_cells(cy, 0, cx + 1);
		} else {
			for (int r = 0; r < rows; r++)
				clear_cells(r, 0, cols);
		}
		break;
	case 'X': clear_cells(cy, cx, cx + n); break;
	case '@':
		if (n > cols - cx)
			n = cols - cx;
		memmove(&cell[cy][cx + n], &cell[cy][cx], sizeof(uint32_t) * (size_t)(cols - cx - n));
		clear_cells(cy, cx, cx + n);
		break;
	case 'P':
		if (n > cols - cx)
			n = cols - cx;
		memmove(&cell[cy][cx], &cell[cy][cx + n], sizeof(uint32_t) * (size_t)(cols - cx - n));
		clear_cells(cy, cols - n, cols);
		break;
	case 'L':
		if (cy >= top && cy <= bot)
			scroll_down(cy, n > bot - cy + 1 ? bot - cy + 1 : n);
		break;
	case 'M':
		if (cy >= top && cy <= bot)
			scroll_up(cy, n > bot - cy + 1 ? bot - cy + 1 : n);
		break;
	case 'S': scroll_up(top, n); break;
	case 'T': scroll_down(top, n); break;
	case 'b':
		while (n-- > 0)
			put_char(last_char);
		break;
	case 'r':
		top = param(0, 1) - 1;
		bot = param(1, rows) - 1;
		if (top < 0 || bot >= rows || top >= bot) {
			top = 0;
			bot = rows - 1;
		}
		cy = cx = 0;
		wrap_pending = false;
		break;
	default:
		break;		/* m (attributes), t, and the rest: no cells */
	}
}

static void
feed_byte(unsigned char ch)
{
	switch (state) {
	case ESC:
		state = GROUND;
		switch (ch) {
		case '[':
			state = CSI;
			nparams = 0;
			param_seen = private_csi = false;
			memset(params, 0, sizeof(params));
			break;
		case ']': case 'P': case '_': case '^': state = STRING; break;
		case '(': case ')': case '*': case '+': case '#': case '%': state = ESC_SKIP1; break;
		case 'M':
			if (cy == top)
				scroll_down(top, 1);
			else if (cy > 0)
				cy--;
			wrap_pending = false;
			break;
		case 'D': line_feed(); break;
		case 'E': cx = 0; line_feed(); break;
		case '7': saved_cy = cy; saved_cx = cx; break;
		case '8': cy = saved_cy; cx = saved_cx; clamp(); break;
		case 'c':
			for (int r = 0; r < rows; r++)
				clear_cells(r, 0, cols);
			cy = cx = top = 0;
			bot = rows - 1;
			break;
		default: break;	/* =, > and the like */
		}
		return;
	case ESC_SKIP1:
		state = GROUND;
		return;
	case STRING:
		if (ch == 0x07)
			state = GROUND;
		else if (ch == 0x1b)
			state = STRING_ESC;
		return;
	case STRING_ESC:
		state = ch == '\\' ? GROUND : STRING;
		return;
	case CSI:
		if (ch >= '0' && ch <= '9') {
			if (!param_seen) {
				param_seen = true;
				nparams++;
			}
			if (nparams <= (int)(sizeof(params) / sizeof(params[0])))
				params[nparams - 1] = params[nparams - 1] * 10 + (ch - '0');
		} else if (ch == ';') {
			if (!param_seen)
				nparams++;
			param_seen = false;
		} else if (ch >= 0x3c && ch <= 0x3f) {
			private_csi = true;
		} else if (ch >= 0x40 && ch <= 0x7e) {
			if (nparams > (int)(sizeof(params) / sizeof(params[0])))
				nparams = sizeof(params) / sizeof(params[0]);
			state = GROUND;
			do_csi((char)ch);
		}
		return;
	default:
		break;
	}
	/* GROUND */
	if (utf8_left > 0) {
		if ((ch & 0xC0) == 0x80) {
			utf8_cp = (utf8_cp << 6) | (ch & 0x3F);
			if (--utf8_left == 0)
				put_char(utf8_cp);
			return;
		}
		utf8_left = 0;
		put_char(0xFFFD);
	}
	if (ch >= 0xC0 && ch < 0xF8) {
		utf8_left = ch >= 0xF0 ? 3 : ch >= 0xE0 ? 2 : 1;
		utf8_cp = ch & (0x3F >> utf8_left);
		return;
	}
	switch (ch) {
	case 0x1b: state = ESC; break;
	case '\r': cx = 0; wrap_pending = false; break;
	case '\n': case 0x0b: case 0x0c: line_feed(); break;
	case '\b':
		if (cx > 0)
			cx--;
		wrap_pending = false;
		break;
	case '\t':
		cx = (cx / 8 + 1) * 8;
		if (cx >= cols)
			cx = cols - 1;
		break;
	default:
		if (ch >= 0x20 && ch != 0x7f)
			put_char(ch >= 0x80 ? 0xFFFD : ch);
		break;
	}
}

/* Row r as UTF-8 into buf (at least cols * 4 + 1 bytes). */
static void
row_text(int r, char *buf)
{
	char *p = buf;

	for (int c = 0; c < cols; c++) {
		uint32_t cp = cell[r][c];

		if (cp < 0x80) {
			*p++ = (char)cp;
		} else if (cp < 0x800) {
			*p++ = (char)(0xC0 | (cp >> 6));
			*p++ = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			*p++ = (char)(0xE0 | (cp >> 12));
			*p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
			*p++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*p++ = (char)(0xF0 | (cp >> 18));
			*p++ = (char)(0x80 | ((cp >> 12) & 0x3F));
			*p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
			*p++ = (char)(0x80 | (cp & 0x3F));
		}
	}
	*p = '\0';
}

static bool
screen_shows(const char *text)
{
	static char buf[MAX_COLS * 4 + 1];

	for (int r = 0; r < rows; r++) {
		row_text(r, buf);
		if (strstr(buf, text) != NULL)
			return true;
	}
	return false;
}

static void
screen_print(void)
{
	static char buf[MAX_COLS * 4 + 1];

	for (int r = 0; r < rows; r++) {
		row_text(r, buf);
		for (char *e = buf + strlen(buf); e > buf && e[-1] == ' '; )
			*--e = '\0';
		fprintf(stderr, "|%s\n", buf);
	}
}

/* --- the program --------------------------------------------------------- */

static long long
now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)(t.tv_sec - t0.tv_sec) * 1000000000LL + (t.tv_nsec - t0.tv_nsec);
}

static void
die(const char *msg)
{
	fprintf(stderr, "ptyrun: %s\n", msg);
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	exit(1);
}

/*
 * Read what the program wrote, waiting at most ms milliseconds for the
 * first byte; returns the number of bytes read, 0 on a time-out, -1 when
 * the program has closed the terminal.
 */
static ssize_t
pump(long ms)
{
	struct pollfd pfd = { master, POLLIN, 0 };
	unsigned char chunk[65536];
	ssize_t n;
	int rc;

	rc = poll(&pfd, 1, (int)ms);
	if (rc < 0 && errno == EINTR)
		return 0;
	if (rc <= 0)
		return rc < 0 ? -1 : 0;
	n = read(master, chunk, sizeof(chunk));
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0)
		return -1;	/* EIO: the slave side is closed */
	nbytes += (size_t)n;
	for (ssize_t i = 0; i < n; i++)
		feed_byte(chunk[i]);
	if (dump != NULL)
		fwrite(chunk, 1, (size_t)n, dump);
	return n;
}

/* How the program ended, for a message: it has closed the terminal. */
static const char *
child_status(void)
{
	static char msg[64];
	int status;

	if (waitpid(child, &status, 0) != child)
		return "still running";
	child = -1;
	if (WIFEXITED(status))
		snprintf(msg, sizeof(msg), "exit status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(msg, sizeof(msg), "signal %d", WTERMSIG(status));
	else
		snprintf(msg, sizeof(msg), "status 0x%x", (unsigned)status);
	return msg;
}

static void
wait_for(const char *text)
{
	long long deadline = now_ns() + timeout_ms * 1000000LL;

	for (;;) {
		if (screen_shows(text)) {
			printf("wait %lld\n", now_ns());
			return;
		}
		if (now_ns() > deadline) {
			fprintf(stderr, "ptyrun: timed out waiting for '%s'; the screen:\n", text);
			screen_print();
			die("giving up");
		}
		if (pump(10) < 0) {
			fprintf(stderr, "ptyrun: the program ended (%s) before showing '%s'; "
			    "the screen:\n", child_status(), text);
			screen_print();
			die("giving up");
		}
	}
}

static void
wait_idle(long ms)
{
	long long deadline = now_ns() + timeout_ms * 1000000LL;

	while (pump(ms) > 0)
		if (now_ns() > deadline)
			die("the program never stopped writing");
	printf("bytes %zu\n", nbytes);
}

static void
wait_end(void)
{
	long long deadline = now_ns() + timeout_ms * 1000000LL;
	int status;

	while (pump(10) >= 0)
		if (now_ns() > deadline)
			die("the program did not end");
	if (waitpid(child, &status, 0) != child)
		die("cannot wait for the program");
	child = -1;
	printf("exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) :
	    WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255);
	fflush(stdout);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
send_keys(const char *s)
{
	char buf[1024];
	size_t n = 0;

	for (; *s != '\0' && n < sizeof(buf); s++) {
		if (*s != '\\' || s[1] == '\0') {
			buf[n++] = *s;
			continue;
		}
		s++;
		switch (*s) {
		case 'e': buf[n++] = '\033'; break;
		case 'r': buf[n++] = '\r'; break;
		case 'n': buf[n++] = '\n'; break;
		case 't': buf[n++] = '\t'; break;
		case 'x':
			if (hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
				buf[n++] = (char)(hexval(s[1]) * 16 + hexval(s[2]));
				s += 2;
				break;
			}
			/* FALLTHROUGH */
		default: buf[n++] = *s; break;
		}
	}
	nbytes = 0;	/* a send is a mark */
	if (write(master, buf, n) != (ssize_t)n)
		die("cannot write to the terminal");
}

static void
usage(void)
{
	fputs("usage: ptyrun [-c COLS] [-r ROWS] [-T MS] [-o FILE] "
	    "[-w TEXT | -s KEYS | -i MS | -m | -p | -e] ... -- PROGRAM [ARG ...]\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct winsize ws;
	int i, first_step, cmd = -1;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			cmd = i + 1;
			break;
		}
	if (cmd < 0 || cmd >= argc)
		usage();
	/* options, then steps, then -- and the program */
	for (i = 1; i + 1 < cmd - 1; i += 2) {
		if (strcmp(argv[i], "-c") == 0)
			cols = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "-r") == 0)
			rows = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "-T") == 0)
			timeout_ms = atol(argv[i + 1]);
		else if (strcmp(argv[i], "-o") == 0) {
			if ((dump = fopen(argv[i + 1], "a")) == NULL)
				die("cannot open the dump file");
		} else
			break;
	}
	first_step = i;
	if (rows < 2 || rows > MAX_ROWS || cols < 2 || cols > MAX_COLS)
		usage();
	for (int r = 0; r < rows; r++)
		clear_cells(r, 0, cols);
	top = 0;
	bot = rows - 1;
	memset(&ws, 0, sizeof(ws));
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;

	/*
	 * The first line printed would set up stdout's buffer and bring in
	 * printf's code: 0.25 to 0.3 ms where a page fault costs 9 µs, counted
	 * between a run's first and second waits (for the wizard, between its
	 * welcome screen and the Enter). Done before the clock starts, to
	 * /dev/null.
	 */
	static char outbuf[BUFSIZ];
	FILE *null = fopen("/dev/null", "w");

	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	memset(outbuf, 0, sizeof(outbuf));
	if (null != NULL) {	/* the same code as a wait's line, to nowhere */
		fprintf(null, "wait %lld\n", now_ns());
		fflush(null);
		fclose(null);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0)
		die("forkpty failed");
	if (child == 0) {
		execvp(argv[cmd], argv + cmd);
		_exit(127);
	}
	for (i = first_step; i < cmd - 1; i++) {
		if (strcmp(argv[i], "-m") == 0) {
			nbytes = 0;
			continue;
		}
		if (strcmp(argv[i], "-p") == 0) {
			screen_print();
			continue;
		}
		if (strcmp(argv[i], "-e") == 0) {
			wait_end();
			continue;
		}
		if (i + 1 >= cmd - 1)
			usage();
		if (strcmp(argv[i], "-w") == 0)
			wait_for(argv[++i]);
		else if (strcmp(argv[i], "-s") == 0)
			send_keys(argv[++i]);
		else if (strcmp(argv[i], "-i") == 0)
			wait_idle(atol(argv[++i]));
		else
			usage();
	}
	if (child > 0) {
		kill(child, SIGKILL);
		while (pump(0) > 0)
			;
		waitpid(child, NULL, 0);
	}
	if (dump != NULL)
		fclose(dump);
	return 0;
}

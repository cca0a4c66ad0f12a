/* SPDX-License-Identifier: MIT */
/*
 * ui_draw.c: drawing helpers shared by the screens: colours by meaning
 * (monochrome attributes when colour is off, so nothing depends on
 * colour), cropping by columns, the key bar, the status line and bars.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <uniwidth.h>

#include "i18n.h"
#include "text.h"
#include "ui_curses.h"

static const attr_t mono[] = {
#define X(name, fg, m) m,
	UI_COLORS(X)
#undef X
};

attr_t
ui_attr(const struct ui *ui, enum ui_color c)
{
	if (!ui->color)
		return mono[c];
	return COLOR_PAIR((short)(c + 1)) | (mono[c] & A_BOLD);
}

/* Bytes of s that fit in width columns; *cols gets the columns. */
static size_t
fit(const char *s, int width, int *cols)
{
	size_t i = 0, n = strlen(s), k;
	int w = 0, cw;
	int32_t cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		cw = cp < 0 ? 1 : uc_width((ucs4_t)cp, "UTF-8");
		if (cw < 0)
			cw = 0;
		if (w + cw > width)
			break;
		w += cw;
		i += k;
	}
	*cols = w;
	return i;
}

/*
 * n bytes of s (UTF-8, sanitised) at y, x. Given as wide characters, as
 * ncurses keeps them: it decodes a multibyte string a byte at a time,
 * which took two fifths more of the wizard's drawing.
 */
static void
put_utf8(int y, int x, const char *s, size_t n)
{
	wchar_t w[256];
	mbstate_t st;
	const char *p;
	size_t m;

	move(y, x);
	memset(&st, 0, sizeof(st));
	while (n > 0) {
		p = s;
		m = mbsnrtowcs(w, &p, n, sizeof(w) / sizeof(w[0]), &st);
		if (m == (size_t)-1) {	/* not UTF-8 after all: as ncurses takes bytes */
			addnstr(s, (int)n);
			return;
		}
		addnwstr(w, (int)m);
		if (p == NULL || p == s)	/* the end of the string, or no progress */
			return;
		n -= (size_t)(p - s);
		s = p;
	}
}

int
ui_put(int y, int x, const char *s, int width, attr_t attr)
{
	size_t n;
	int cols;

	if (width <= 0 || y < 0 || y >= LINES)
		return 0;
	n = fit(s, width, &cols);
	attron(attr);
	if (s[n] != '\0' && width >= 2) {	/* cut: an ellipsis says so */
		n = fit(s, width - 1, &cols);
		put_utf8(y, x, s, n);
		addnwstr(L"\u2026", 1);
		cols++;
	} else {
		put_utf8(y, x, s, n);
	}
	attroff(attr);
	return cols;
}

static attr_t
span_attr(const struct ui *ui, unsigned style)
{
	attr_t a = A_NORMAL;

	if (style & (LS_STRONG | LS_HEADING))
		a |= A_BOLD;
	if (style & LS_EMPH)
		a |= A_UNDERLINE;
	if (style & (LS_LINK | LS_REF))
		a |= ui_attr(ui, UC_LINK);
	if (style & LS_MARKER)
		a |= ui_attr(ui, UC_DIM);
	return a;
}

void
ui_layout_init(struct layout *lo)
{
	layout_init(lo);
	lo->clip = true;
}

void
ui_put_line(const struct ui *ui, int y, int x, const struct lline *l, int width)
{
	const struct lspan *sp;
	size_t i;
	int used = 0;

	if (y < 0 || y >= LINES)
		return;
	for (i = 0; i < l->nspans && used < width; i++) {
		sp = &l->spans[i];
		if (sp->width > width - used) {	/* cut, with an ellipsis */
			used += ui_put(y, x + used, sp->text, width - used, span_attr(ui, sp->style));
			continue;
		}
		/* the layout measured it: no need to measure it again */
		attron(span_attr(ui, sp->style));
		put_utf8(y, x + used, sp->text, sp->len);
		attroff(span_attr(ui, sp->style));
		used += sp->width;
	}
}

/*
 * Help and quitting: '?' (a question's help), h (all keys) on a screen
 * whose table puts it in the bar (those without '?'), q and Esc.
 */
static bool
always_shown(const struct keydef *k)
{
	return k->key == '?' || k->action == ACT_KEYS || k->key == 'q' || k->key == 27;
}

/*
 * The bar entries of a table: neighbouring bar rows with the same help
 * text are one entry ("↑↓ move"). Entry i starts at row starts[i].
 */
static size_t
bar_entries(const struct keydef *keys, size_t *starts, size_t max)
{
	size_t i, n = 0;

	for (i = 0; keys[i].key != 0 && n < max; i++) {
		if (!keys[i].bar)
			continue;
		if (n > 0 && i > 0 && keys[i - 1].bar &&
		    strcmp(keys[i - 1].help, keys[i].help) == 0)
			continue;	/* joined to the one before */
		starts[n++] = i;
	}
	return n;
}

/* The names of the entry starting at row i, joined: "↑↓". */
static void
entry_names(const struct keydef *keys, size_t i, char *out, size_t size)
{
	size_t j, len = 0;

	out[0] = '\0';
	/* arrows side by side ("↑↓"), longer names with a slash ("PgUp/PgDn") */
	for (j = i; keys[j].key != 0 && keys[j].bar &&
	    (j == i || strcmp(keys[j].help, keys[i].help) == 0); j++) {
		snprintf(out + len, size - len, "%s%s", j > i && (text_width(keys[j].name,
		    strlen(keys[j].name)) > 1 || text_width(out, len) > 1 + (int)(j - i - 1)) ?
		    "/" : "", keys[j].name);
		len = strlen(out);
	}
}

/* An entry of the bar as it is shown: its names, its help, and their widths. */
struct bar_entry {
	const struct keydef	*key;	/* its first row */
	char			 names[64];
	const char		*help;	/* translated */
	int			 bare;	/* the names and the two spaces after them */
	int			 full;	/* the names, a space, the help and two spaces */
};

static void
bar_entry_make(struct bar_entry *e, const struct keydef *keys, size_t i)
{
	e->key = &keys[i];
	entry_names(keys, i, e->names, sizeof(e->names));
	e->help = _(keys[i].help);
	e->bare = text_width(e->names, strlen(e->names)) + 2;
	e->full = e->bare + 1 + text_width(e->help, strlen(e->help));
}

/* An entry at x: its names, and its help unless bare; the x after it. */
static int
put_key(const struct ui *ui, int x, const struct bar_entry *e, bool bare)
{
	int w = e->bare - 2;

	ui_put(LINES - 1, x, e->names, COLS - x, ui_attr(ui, UC_KEY));
	if (bare)
		return x + e->bare;
	ui_put(LINES - 1, x + w + 1, e->help, COLS - x - w - 1, A_NORMAL);
	return x + e->full;
}

/*
 * The key bar: the keys for help and quitting always, at the end; before
 * them, as many of the table's other bar entries as fit, taken by how much
 * they are needed (enum keybar) and in the table's order within that, and
 * shown in the table's order. An entry is never cut in the middle.
 */
void
ui_keybar(const struct ui *ui, const struct keydef *keys)
{
	size_t starts[32], n = bar_entries(keys, starts, NELEM(starts)), i, last = SIZE_MAX;
	struct bar_entry e[NELEM(starts)];
	int x = 0, reserved, bare = 0, full = 0, main = 0, more = 0;
	bool compact, tight, shown[NELEM(starts)] = { false };
	enum keybar rank;

	move(LINES - 1, 0);
	clrtoeol();
	for (i = 0; i < n; i++) {
		bar_entry_make(&e[i], keys, starts[i]);
		if (always_shown(e[i].key)) {
			full += e[i].full;
			bare += e[i].bare;
			last = i;
		} else if (e[i].key->bar == KB_MAIN) {
			main += e[i].full;
		} else if (e[i].key->bar == KB_MORE) {
			more += e[i].full;
		}
	}
	/*
	 * When the keys always shown do not fit with their help beside the
	 * screen's main keys, or beside its other actions when without that
	 * help they would, all but the last (quitting) go by their names
	 * alone, and if even that is too wide, the last too.
	 */
	reserved = full;
	compact = last != SIZE_MAX && (full + main > COLS + 2 ||
	    (full + main + more > COLS + 2 &&
	    bare - e[last].bare + e[last].full + main + more <= COLS + 2));
	if (compact)
		reserved = bare - e[last].bare + e[last].full;
	tight = reserved > COLS + 2;
	if (tight)
		reserved = bare;
	for (rank = KB_MAIN; rank <= KB_MOVE; rank++)
		for (i = 0; i < n; i++) {
			if (always_shown(e[i].key) || e[i].key->bar != rank)
				continue;
			if (reserved + e[i].full <= COLS + 2) {
				shown[i] = true;
				reserved += e[i].full;
			}
		}
	for (i = 0; i < n; i++)
		if (shown[i])
			x = put_key(ui, x, &e[i], false);
	for (i = 0; i < n; i++)
		if (always_shown(e[i].key))
			x = put_key(ui, x, &e[i], tight || (compact && i != last));
}

/* A horizontal rule across the screen, drawn as text (never as ACS characters). */
void
ui_rule(const struct ui *ui, int y)
{
	cchar_t rule;

	setcchar(&rule, L"\u2500", A_NORMAL, 0, NULL);	/* ─, with the attributes turned on */
	attron(ui_attr(ui, UC_DIM));
	mvhline_set(y, 0, &rule, COLS);
	attroff(ui_attr(ui, UC_DIM));
}

/*
 * A percentage as the interface's language writes it: 46%, %46 in
 * Turkish, 46 % in Finnish (a share of the room's votes, how far into a
 * text). Its length, as snprintf's.
 */
int
ui_percent(char *buf, size_t size, int pct)
{
	/*
	 * TRANSLATORS: a percentage in whole numbers (a share of the room's
	 * votes, how far down a text is read), written as your language writes
	 * one, in ASCII: Turkish "%%%d" shows %46, Finnish "%d %%" shows 46 %.
	 */
	return snprintf(buf, size, _("%d%%"), pct);
}

/* On a rule at row y, at its right end: what is out of sight above and below, when anything is. */
void
ui_rule_more(const struct ui *ui, int y, bool above, bool below)
{
	const char *up = above ? _("\xE2\x86\x91 more") : "";
	const char *down = below ? _("\xE2\x86\x93 more") : "";
	char *marks;
	int w;

	if (!above && !below)
		return;
	marks = xasprintf(" %s%s%s ", up, above && below ? "  " : "", down);
	w = text_width(marks, strlen(marks));
	ui_put(y, COLS - w - 1, marks, w, ui_attr(ui, UC_DIM));
	free(marks);
}

void
ui_statusline(const struct ui *ui)
{
	int rows;

	if (ui->status[0] == '\0')
		return;	/* the screen was erased before it was drawn: its own row stays (a legend) */
	/*
	 * A message too long for the line takes the rows above it, over the
	 * screen's last rows until the next key: a path it names is read
	 * whole (at most a third of the screen; past that it is cut, marked).
	 */
	rows = ui_text_rows(ui->status, COLS, 0);
	if (rows > LINES / 3)
		rows = LINES / 3 > 1 ? LINES / 3 : 1;
	for (int r = LINES - 1 - rows; r < LINES - 1; r++) {
		move(r, 0);
		clrtoeol();
	}
	ui_text(ui, LINES - 1 - rows, 0, COLS, LINES - 1, ui->status, 0, ui_attr(ui, UC_DIM));
}

void
ui_status(struct ui *ui, const char *fmt, ...)
{
	char raw[sizeof(ui->status)], *safe;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	safe = text_display(raw, strlen(raw), NULL);
	snprintf(ui->status, sizeof(ui->status), "%s", safe);
	free(safe);
}

void
ui_bar(const struct ui *ui, int y, int x, int cells, int num, int den)
{
	int i, filled = den > 0 ? (num * cells + den / 2) / den : 0;

	mvaddch(y, x, '[');
	for (i = 0; i < cells; i++) {
		if (i < filled) {
			attron(ui_attr(ui, UC_CHOSEN));
			addch('#');
			attroff(ui_attr(ui, UC_CHOSEN));
		} else {
			addch('.');
		}
	}
	addch(']');
}

int
ui_text_rows(const char *text, int width, int hang)
{
	struct layout lo;
	int rows;

	ui_layout_init(&lo);
	layout_text(&lo, text, width, hang, 0);
	rows = (int)lo.nlines;
	layout_free(&lo);
	return rows;
}

int
ui_text(const struct ui *ui, int y, int x, int width, int maxy, const char *text, int hang,
    attr_t attr)
{
	struct layout lo;
	size_t i;

	ui_layout_init(&lo);
	layout_text(&lo, text, width, hang, 0);
	for (i = 0; i < lo.nlines && y < maxy; i++, y++) {
		attron(attr);
		ui_put_line(ui, y, x, &lo.lines[i], width);
		if (i + 1 < lo.nlines && y + 1 == maxy)	/* the rest does not fit: say so */
			mvaddnwstr(y, x + (lo.lines[i].width < width ? lo.lines[i].width : width - 1),
			    L"\u2026", 1);
		attroff(attr);
	}
	layout_free(&lo);
	return y;
}

size_t
ui_move(size_t pos, enum action act, size_t last, size_t page)
{
	switch (act) {
	case ACT_UP:
		return pos > 0 ? pos - 1 : 0;
	case ACT_DOWN:
		return pos < last ? pos + 1 : last;
	case ACT_PGUP:
		return pos > page ? pos - page : 0;
	case ACT_PGDN:
		return pos + page < last ? pos + page : last;
	case ACT_HOME:
		return 0;
	case ACT_END:
		return last;
	default:
		return pos;
	}
}

#!/bin/sh
# The wizard as a user drives it: the real binary in a real terminal
# (tmux), keys in, the screen and the cursor read back. Each test has a
# private HOME and XDG_STATE_HOME. Prints PASS:/FAIL:/SKIP: lines.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: wizard end-to-end tests (tmux is not installed)"
	exit 0
fi
work=$(mktemp -d)
suite=wizard
. "$top/tests/lib.sh"
plain_paths
sock=$work/tmux.sock
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT
tm_server

# start NAME COMMAND: a fresh home, and the wizard in an 80x24 terminal
start() {
	home=$work/$1
	rm -rf "$home"
	mkdir -p "$home/state"
	tm kill-session -t w 2>/dev/null
	tm new-session -d -s w -x 80 -y 24 \
	    "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE= LC_MESSAGES=; $2; echo \"EXIT=\$?\"; sleep 30"
	tm set-option -t w remain-on-exit on >/dev/null
}
cursor_row() { tm display -p -t w '#{cursor_y}'; }
focus_row() { screen | grep -n '^›' | head -1 | cut -d: -f1; }

# Answer every question of data/tr: choice (q mod 4) + 1, area priorities 1, 2, 3, 4...
complete_tr() {
	start complete "$bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	n=1
	area=0
	while [ $n -le 32 ]; do
		wait_for "/32" || return 1
		keys $(( (n % 4) + 1 ))
		keys Enter
		if [ $((n % 4)) = 0 ]; then
			area=$((area + 1))
			keys $(( (area % 4) + 1 ))
			keys Enter
		fi
		n=$((n + 1))
	done
	wait_for "Genel düzey" || return 1
	keys e
	sleep 0.2
	keys 1
	sleep 0.2
	keys C-u "$work/complete/export.txt" Enter
	wait_for "export.txt" || return 1
	sleep 0.3
	keys q
	wait_for "EXIT=0" || return 1
	f=$work/complete/state/stok-assess/kapasite.yaml
	[ -f "$f" ] || { echo "no saved session"; return 1; }
	# exactly the answers given
	n=1
	while [ $n -le 32 ]; do
		grep -A1 "question: $n\$" "$f" | grep -q "choice: $(( (n % 4) + 1 ))\$" ||
			{ echo "question $n is not saved as $(( (n % 4) + 1 ))"; cat "$f"; return 1; }
		n=$((n + 1))
	done
	[ "$(grep -c 'question:' "$f")" = 32 ] || { echo "not 32 answers"; return 1; }
	"$bin" report "$f" >"$work/complete/report.txt" || return 1
	cmp "$work/complete/report.txt" "$work/complete/export.txt" ||
		{ diff "$work/complete/report.txt" "$work/complete/export.txt" | head; return 1; }
	[ "$(stat -c %a "$work/complete/export.txt")" = 600 ] ||
		{ echo "the export has mode $(stat -c %a "$work/complete/export.txt")"; return 1; }
	[ "$(stat -c %a "$f")" = 600 ] && [ "$(stat -c %a "$(dirname "$f")")" = 700 ] ||
		{ echo "the session or its directory has the wrong mode"; return 1; }
}
result "completes the Turkish assessment and exports its report" complete_tr

cursor_follows_focus() {
	start cursor "$bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "1/32" || return 1
	for k in Down Down Down Down Up Down Down Up Up Up; do
		keys "$k"
		sleep 0.15
		row=$(focus_row)
		[ -n "$row" ] || { echo "no focus marker"; screen; return 1; }
		[ "$(cursor_row)" = $((row - 1)) ] ||
			{ echo "after $k the cursor is on row $(cursor_row), the focus on $((row - 1))"; return 1; }
	done
}
result "the cursor is on the focused choice after every arrow key" cursor_follows_focus

resize_keeps_focus() {
	start resize "$bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "1/32" || return 1
	keys Enter 3 Down
	wait_for "2/32" || return 1
	before=$(screen)
	tm resize-window -t w -x 40 -y 12
	wait_for "çok küçük" || return 1
	tm resize-window -t w -x 80 -y 24
	wait_for "2/32" || return 1
	sleep 0.2
	[ "$(screen)" = "$before" ] || { echo "the screen changed:"; screen; return 1; }
}
result "resizing to 40x12 and back keeps the question and the focus" resize_keeps_focus

grown_pager_from_top() {	# read to its end, then the terminal made taller than the text: all of it shows
	start grown "$bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "1/32" || return 1
	keys 2 g
	wait_for "Yanıtınız için öneriler" || return 1
	keys End
	wait_for "%100" || return 1
	resize_to 80 90
	screen | sed -n 3p | grep -q "^Yönetim kurulumuz toplanıyor ama" ||
		{ echo "the guidance does not start at its first line:"; screen | head -8; return 1; }
}
result "a pager read to its end shows its first line again when the terminal grows taller than the text" grown_pager_from_top

wider_keeps_place() {	# the results read in the middle, then the terminal made wider: the same part is still on the screen
	start wider "$bin --demo --sample --content data/tr"
	wait_for "Sonuçlar" || return 1
	keys PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown
	sleep 0.5
	i=0	# on, line by line, to a question's heading in the middle of the screen
	while q=$(screen | sed -n 12p | grep -o '^Soru [0-9]*\.'); [ -z "$q" ] && [ $i -lt 80 ]; do
		keys Down
		sleep 0.05
		i=$((i + 1))
	done
	[ -n "$q" ] || { echo "no question's heading in the middle of the screen:"; screen; return 1; }
	resize_to 120 24
	screen | grep -q "^$q " || { echo "'$q' is no longer on the screen:"; screen; return 1; }
}
result "the results read in the middle stay where they were read when the terminal grows wider" wider_keeps_place

no_color() {
	start nocolor "env NO_COLOR=1 $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "1/32" || return 1
	keys 2
	sleep 0.2
	! tm capture-pane -e -p -t w | grep -qE '\[([0-9;]*;)?(3[0-7]|9[0-7]|4[0-7]|38;|48;)' ||
		{ echo "colour attributes:"; tm capture-pane -e -p -t w | head -5 | cat -v; return 1; }
	# and with colour, there is colour: the check can fail
	start color "env NO_COLOR= $bin --content data/tr --color=always"
	wait_for "Örgütsel Kapasite" || return 1
	tm capture-pane -e -p -t w | grep -qE '\[([0-9;]*;)?3[0-7]m'
}
result "NO_COLOR=1 draws no colour" no_color

dumb_line_mode() {
	start dumb "env TERM=dumb $bin --content data/tr"
	wait_for "satır kipi" || return 1
}
result "TERM=dumb starts line mode and says why" dumb_line_mode

# A terminal that terminfo does not know, or one that cannot move its
# cursor: line mode, said why, and the wizard works there.
unknown_term_line_mode() {
	start unknown "env TERM=no-such-terminal $bin --content data/tr"
	wait_for "satır kipi, çünkü uçbirim türü bilinmiyor" || return 1
	wait_for "Örgütsel Kapasite" || return 1
	keys q Enter
	wait_for "EXIT=0"
}
result "an unknown TERM starts line mode and says why" unknown_term_line_mode
no_cursor_line_mode() {
	mkdir -p "$work/terminfo" &&
	    printf 'nocup|a printing terminal,\n\tam, cols#80, bel=^G, cr=\\r, cud1=\\n, ind=\\n,\n' >"$work/nocup.src" &&
	    tic -x -o "$work/terminfo" "$work/nocup.src" || return 1
	start nocup "env TERMINFO='$work/terminfo' TERM=nocup $bin --content data/tr; stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(echo|icanon)' | tr '\\n' ' '"
	wait_for "satır kipi, çünkü uçbirim imleci yerinden oynatamıyor" || return 1
	wait_for "Örgütsel Kapasite" || return 1
	keys q Enter
	wait_for "EXIT=0" || return 1
	# curses, started to read the terminal's description, gave back echo and line editing
	screen | grep -q "^echo icanon \\|^icanon echo " || { screen; return 1; }
}
result "a terminal that cannot move its cursor starts line mode and says why" no_cursor_line_mode

# kill_restores SIG STATUS: killed mid-assessment, the terminal is restored,
# the exit status is 128 + SIG, and a restart offers to resume every answer.
kill_restores() {
	start "kill$1" "$bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "1/32" || return 1
	keys 2 Enter
	wait_for "2/32" || return 1
	keys 3 Enter
	wait_for "3/32" || return 1
	keys 4
	sleep 0.3
	pid=$(pgrep -P "$(tm display -p -t w '#{pane_pid}')" -f "^$bin ")	# this pane's wizard
	[ -n "$pid" ] || { echo "no process"; return 1; }
	kill "-$1" "$pid"
	wait_for "EXIT=$2" || return 1
	[ "$(tm display -p -t w '#{alternate_on}')" = 0 ] || { echo "alternate screen left on"; return 1; }
	[ "$(tm display -p -t w '#{cursor_flag}')" = 1 ] || { echo "cursor left hidden"; return 1; }
	tm respawn-pane -k -t w "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE= LC_MESSAGES=; $bin --content data/tr; sleep 30"
	wait_for "3 yanıt" || return 1
}
result "SIGTERM restores the terminal, exits 143 and keeps the answers" kill_restores TERM 143
result "SIGHUP restores the terminal, exits 129 and keeps the answers" kill_restores HUP 129

line_mode_signal() {	# line mode, ended by a signal: the answers kept, and where they are said
	start "linekill$1" "env LANGUAGE=en $bin --ui=text --content data/tr"
	wait_for "Organisation name" || return 1
	keys Enter
	wait_for "Your role" || return 1
	keys Enter
	wait_for "Answer [1-5" || return 1
	keys 2 Enter
	wait_for "Question 2/32" || return 1
	keys "half typed"
	sleep 0.3
	pid=$(pgrep -P "$(tm display -p -t w '#{pane_pid}')" -f "^env LANGUAGE=en $bin |^$bin ")
	[ -n "$pid" ] || { echo "no process"; return 1; }
	kill "-$1" "$pid"
	wait_for "EXIT=$2" || return 1
	screen | tr '\n' ' ' | grep -q "Your answers are saved in .*kapasite.yaml" || { screen; return 1; }
	# the command that opens them again, whole, on its own line, in line
	# mode again, with the program as started (not found by its name alone)
	screen | grep -q "^  $bin --content data/tr --ui text$" || { screen; return 1; }
	grep -q "question: 1" "$home/state/stok-assess/kapasite.yaml" || return 1
}
result "SIGINT in line mode says where the answers are and exits 130" line_mode_signal INT 130
result "SIGTERM in line mode says where the answers are and exits 143" line_mode_signal TERM 143

finnish_interface() {	# the interface speaks the pack's language...
	start fi "env LC_ALL=C.UTF-8 LANGUAGE= LC_MESSAGES= $bin --content data/fi"
	wait_for "Järjestötoiminnan hyvät käytänteet" || return 1
	keys Enter
	wait_for "Osa-alue 1/4" || return 1
	screen | grep -q "Ei koske meitä" || { screen; return 1; }
	# ...unless LANGUAGE says otherwise
	start fien "env LC_ALL=C.UTF-8 LANGUAGE=en $bin --content data/fi"
	wait_for "Järjestötoiminnan hyvät käytänteet" || return 1
	keys Enter
	wait_for "Area 1/4" || return 1
}
result "the Finnish pack speaks Finnish, and LANGUAGE=en English" finnish_interface

# tree_sum DIR: every path, mode and content under DIR, hashed
tree_sum() {
	(cd "$1" && find . -printf '%p %m %s\n' | sort && find . -type f -exec sha256sum {} + | sort) |
	    sha256sum
}

demo_leaves_home_alone() {
	home=$work/demo
	rm -rf "$home"
	mkdir -p "$home/state" "$home/tmp"
	echo "a file the demo must not touch" >"$home/keep.txt"
	before=$(tree_sum "$home")
	tm kill-session -t w 2>/dev/null
	tm new-session -d -s w -x 80 -y 24 "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE=en TMPDIR='$work/demotmp'; mkdir -p '$work/demotmp'; $bin --demo --sample --content data/en; echo \"EXIT=\$?\"; sleep 30"
	wait_for "Kıyıkent" || return 1
	wait_for "n new group" || return 1
	keys r	# review, as everywhere
	wait_for "Review" || return 1
	keys Escape
	wait_for "n new group" || return 1
	keys n	# asked first; no keeps the results
	wait_for "Start over for a new group? These answers are not kept." || return 1
	keys n
	wait_for "n new group" || return 1
	keys n
	wait_for "Start over for a new group?" || return 1
	keys y
	wait_for "Start the assessment" || return 1
	# the new group is not the example organisation
	! screen | grep -q "Kıyıkent" || { echo "the example's name stayed:"; screen; return 1; }
	keys Enter
	wait_for "Question 1/32" || return 1
	keys 2 Enter
	wait_for "Question 2/32" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	[ "$(tree_sum "$home")" = "$before" ] || { echo "HOME changed:"; find "$home"; return 1; }
	[ -z "$(ls -A "$work/demotmp")" ] || { echo "the demo left files:"; ls -R "$work/demotmp"; return 1; }
}
result "a demo, from the sample to a restart, leaves HOME as it was" demo_leaves_home_alone

status_answers_its_key() {	# a message goes with the next key: the export's is not left behind
	start exportmsg "env LANGUAGE=en TMPDIR='$work'; $bin --demo --sample --content data/en"
	wait_for "n new group" || return 1
	keys e
	sleep 0.2
	keys 1
	sleep 0.2
	keys C-u "$work/exportmsg/r.txt" Enter
	wait_for "r.txt" || return 1
	keys r
	wait_for "Review" || return 1
	! screen | grep -q "r.txt" || { echo "the export's message stayed:"; screen; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "a status message does not outlive the next key" status_answers_its_key

export_error_in_turkish() {	# the C library's words for a failure, in the interface's language
	start exporterr "env TMPDIR='$work'; $bin --demo --sample --lang tr"
	wait_for "dışa aktar" || return 1
	keys e
	sleep 0.2
	keys 1
	sleep 0.2
	keys C-u "$work/yok/rapor.txt" Enter
	wait_for "yazılamadı" || return 1
	screen | tr '\n' ' ' | grep -q "rapor.txt dosyası yazılamadı: Böyle bir dosya ya da dizin yok" ||
	    { screen; return 1; }
	keys Escape	# the name is offered again: Esc leaves it
	sleep 0.5
	keys q
	wait_for "EXIT=0"
}
if [ -f /usr/share/locale/tr/LC_MESSAGES/libc.mo ]; then
	result "an export that fails says why in Turkish" export_error_in_turkish
else
	echo "SKIP: $suite an export that fails says why in Turkish (no Turkish libc messages: libc-l10n)"
fi

workshop_votes_resume() {	# counts typed in a workshop survive a save and a restart
	start workshop "env LANGUAGE=en $bin --workshop --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "How many chose each option?" || return 1
	keys "3 5 2 0 1" Enter
	wait_for "The agreed answer" || return 1
	screen | grep -q '› 2 (•)' || { echo "the most chosen is not proposed"; screen; return 1; }
	keys Enter
	wait_for "Question 2/32" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	f=$home/state/stok-assess/kapasite.yaml
	grep -A3 'question: 1$' "$f" | grep -q 'votes: \[3, 5, 2, 0, 1\]' &&
	    grep -A1 'question: 1$' "$f" | grep -q 'choice: 2' || { cat "$f"; return 1; }
	tm respawn-pane -k -t w "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE=en; $bin --workshop --content data/tr; sleep 30"
	wait_for "Resume" || return 1
	keys Enter
	wait_for "Question 2/32" || return 1
	keys Left
	wait_for "Agreed." || return 1
	screen | grep -q '(•).* 5  *[0-9]*%$' || { screen; return 1; }
	nb=$(printf '\302\240')	# an option, its bar and its count are held together
	"$bin" report --lang en "$f" |
	    grep -q "^Votes: 1$nb###${nb}3$dot 2$nb#####${nb}5$dot 3$nb##${nb}2$dot 4$nb\.${nb}0$dot n/a$nb#${nb}1$" ||
		{ "$bin" report --lang en "$f" | grep -n Votes; return 1; }
}
result "workshop votes survive a save and a restart, and reach the report" workshop_votes_resume

help_returns() {	# h, then q or Esc, goes back to the question it was opened on
	start helpback "env LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "Question 1/32" || return 1
	keys 3 Enter
	wait_for "Question 2/32" || return 1
	for close in q Escape Left; do
		keys h
		wait_for "change role" || return 1
		keys "$close"
		wait_for "Question 2/32" || { echo "after h and $close"; return 1; }
	done
	keys q
	wait_for "EXIT=0"
}
result "the key help closes back to its question" help_returns

long_links_whole() {	# a link wider than the screen is broken over lines, never cut
	start longlink "$bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "/32" || return 1
	keys 3 Enter
	wait_for "2/32" || return 1
	keys 3 g
	sleep 0.3
	keys End
	wait_for "[2]" || return 1
	# the lines from "[1]" to "[2]", joined, are the whole address in the answer text
	url=$(screen | sed -n '/^\[1\]/,/^\[2\]/p' | sed '$d' | sed 's/^\[1\]//; s/^ *//' | tr -d '\n')
	case $url in
	https://*) ;;
	*) echo "no link [1]:"; screen; return 1 ;;
	esac
	[ ${#url} -gt 80 ] || { echo "the link [1] is not wider than the screen: $url"; return 1; }
	grep -rqF "($url)" data/tr/answers || { echo "cut: $url"; screen; return 1; }
	keys q q
	wait_for "EXIT=0"
}
result "a long link on the guidance screen is shown whole" long_links_whole

long_lines_read() {	# a prompt wider than the screen wraps; a long status keeps its end
	start longlines "env LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Down Down Enter
	wait_for "Esc cancels" || return 1
	screen | tr -d '\n ' | grep -q "welcomescreen←→pickone):" ||
	    { echo "the prompt is cut"; screen; return 1; }
	keys Escape Up Up Enter
	wait_for "Question 1/32" || return 1
	keys 2 Enter
	wait_for "Question 2/32" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	tm respawn-pane -k -t w "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE=en; $bin --content data/tr; echo \"EXIT=\$?\"; sleep 30"
	wait_for "Resume" || return 1
	keys Down
	sleep 0.2
	keys Enter
	wait_for "(y/n)" || return 1
	keys y
	# the status names where the old answers go: its end is on the screen
	wait_for "/kapasite-$(date +%Y-%m-%d).yaml." || { echo "the path is cut"; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "a long prompt wraps and a long status keeps its end" long_lines_read

keys_aligned() {	# the key help names each key once, its descriptions in one column
	start keyshelp "env LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys h
	# the bar is the last line drawn: "change role" alone can be on the
	# screen before the lines under it (seen in CI, under the sanitizers)
	wait_for "q close" || return 1
	screen >"$work/keys.txt"
	! grep -q "⌫ ⌫" "$work/keys.txt" || { echo "a key named twice"; cat "$work/keys.txt"; return 1; }
	python3 - "$work/keys.txt" <<'PY'
import sys
lines = [l.rstrip('\n').rstrip(' ') for l in open(sys.argv[1], encoding='utf-8')]
cols = {}
for desc in ('choose', 'confirm and go on', 'back, next', 'guidance', 'first, last', 'all keys'):
    line = next((l for l in lines if l.endswith(' ' + desc) and l.startswith('  ')), None)
    if line is None:
        sys.exit('no line for "%s"' % desc)
    cols[desc] = len(line) - len(desc)
if len(set(cols.values())) != 1:
    sys.exit('descriptions in different columns: %s' % cols)
PY
}
result "the key help names each key once and aligns its descriptions" keys_aligned

keys_gap() {	# at 80 columns, in each language, every description two columns or more after the widest names
	for lang in tr en fi; do
		start "keysgap$lang" "$bin --lang $lang --content data/tr"
		wait_for "Örgütsel Kapasite" || return 1
		resize_to 80 150	# the whole list at once, as wide as 80x24
		keys h
		wait_for "Ctrl-U" || return 1
		screen >"$work/keysgap.txt"
		python3 - "$work/keysgap.txt" "$lang" <<'PY' || return 1
import re, sys
rows = [l.rstrip().replace('\xa0', ' ') for l in open(sys.argv[1], encoding='utf-8')]
keys = [l for l in rows if re.match(r'  \S', l)]	# a key's row, not a description's second row
where = set()
for l in keys:
    m = re.match(r'  (\S+(?: \S+)*)  +(\S)', l)
    if m is None:
        sys.exit('%s: no two spaces between the keys and their description: %r' % (sys.argv[2], l))
    where.add(m.start(2))
if len(keys) < 40 or len(where) != 1:
    sys.exit('%s: %d rows, descriptions at columns %s' % (sys.argv[2], len(keys), sorted(where)))
PY
		keys q
		sleep 0.2
		keys q
		wait_for "EXIT=0" || return 1
	done
}
result "the key help puts two columns or more between the widest keys and the descriptions" keys_gap

keys_once() {	# every section of the key help names each key once: "← →", not "←→" and "→"
	start keysonce "env LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	resize_to 100 200
	keys h
	wait_for "q close" || return 1
	screen >"$work/keys-all.txt"
	grep -q "100%\|Workshop vote" "$work/keys-all.txt" || { echo "the help is not whole"; cat "$work/keys-all.txt"; return 1; }
	python3 - "$work/keys-all.txt" <<'PY'
import re, sys
lines = [l.rstrip() for l in open(sys.argv[1], encoding='utf-8')]
col = next(len(l) - len('all keys') for l in lines if l.startswith('  ') and l.endswith(' all keys'))
section, seen, bad = None, {}, []
for line in lines:
    if not line or line.startswith('\u2500'):
        continue
    if not line.startswith('  '):
        section, seen = line, {}
        continue
    names = line[:col].strip()
    for tok in names.split(' '):
        keys = list(tok) if re.fullmatch(r'[\u2190-\u2193]+', tok) else [tok]
        for k in keys:
            if k in seen:
                bad.append('%s: %s named twice (%s / %s)' % (section, k, seen[k], names))
            seen[k] = names
if bad:
    sys.exit('\n'.join(bad))
PY
}
result "every section of the key help names each key once" keys_once

as_left() {	# help closes back to the area end, the review and the results as they were left
	start asleft "env LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys End	# Home and End move on the welcome screen too
	sleep 0.2
	screen | grep -q "^› Your role" || { echo "End did not move"; screen; return 1; }
	keys Home Enter
	for n in 1 2 3 4; do wait_for "Question $n/32" || return 1; keys 2 Enter; done
	wait_for "priority" || return 1
	keys 2
	sleep 0.2
	keys h
	wait_for "change role" || return 1
	keys q
	sleep 0.3
	screen | grep -q "^ *› 2" || { echo "the area end's focus is lost"; screen; return 1; }
	keys r
	wait_for "Review" || return 1
	screen | grep -q "not applicable" || { echo "no legend on the review"; screen; return 1; }
	keys Down Down Down
	sleep 0.2
	before=$(screen | grep -n "^›" | cut -d: -f1)
	keys h
	wait_for "change role" || return 1
	keys Escape
	wait_gone "change role" || return 1
	[ "$(screen | grep -n "^›" | cut -d: -f1)" = "$before" ] ||
	    { echo "the review's selection moved"; screen; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "help closes back to the area end and the review as they were left" as_left

review_numbers() {	# the review numbers a question as its own screen does
	start revnum "env LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	for n in 1 2 3 4; do wait_for "Question $n/32" || return 1; keys 2 Enter; done
	wait_for "priority" || return 1
	keys Enter
	wait_for "Question 5/32" || return 1
	keys r
	wait_for "Review" || return 1
	screen | grep -q "^›  5 " || { echo "question 5 is not numbered 5 in the review"; screen; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "the review numbers each question as the question screen does" review_numbers

export_keeps_place() {	# an export, written, refused or cancelled, leaves the results where they were read
	start exportplace "cd '$work' && env LANGUAGE=en $bin --demo --sample --content '$top/data/tr'"
	wait_for "n new group" || return 1
	keys PageDown PageDown PageDown PageDown PageDown PageDown
	sleep 0.3
	at=$(screen | head -1 | grep -o "[0-9]*%$")
	[ -n "$at" ] && [ "$at" != "1%" ] || { echo "did not scroll"; screen; return 1; }
	keys e Escape	# cancelled at the format
	sleep 0.3
	[ "$(screen | head -1 | grep -o "[0-9]*%$")" = "$at" ] || { echo "Esc moved the results"; screen; return 1; }
	keys e 1
	wait_for "File name" || return 1
	keys Escape	# cancelled at the name
	sleep 0.3
	[ "$(screen | head -1 | grep -o "[0-9]*%$")" = "$at" ] || { echo "Esc at the name moved the results"; screen; return 1; }
	keys e 1
	wait_for "File name" || return 1
	keys Enter
	wait_for "Report written" || return 1
	[ "$(screen | head -1 | grep -o "[0-9]*%$")" = "$at" ] || { echo "the export moved the results"; screen; return 1; }
	keys e 1
	wait_for "File name" || return 1
	keys Enter
	wait_for "Overwrite it?" || return 1
	keys n
	wait_for "Nothing written" || return 1
	[ "$(screen | head -1 | grep -o "[0-9]*%$")" = "$at" ] || { echo "a refused overwrite moved the results"; screen; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "an export leaves the results where they were read" export_keeps_place

caps_lock() {	# with Caps Lock on, the keys still work: G is g, Q is q; a name keeps its capitals
	start caps "env LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Down Enter
	wait_for "Organisation" || return 1
	keys -l "QNG"
	keys Enter
	wait_for "Organisation (optional): QNG" || return 1
	keys Up Enter
	wait_for "Question 1/32" || return 1
	keys G
	wait_for "Guidance" || return 1
	keys Escape
	wait_for "Question 1/32" || return 1
	keys Q
	wait_for "EXIT=0" || return 1
}
result "Caps Lock: capitals work as the keys, and are kept in a name" caps_lock

note_full() {	# a note at its limit says so, instead of dropping keys without a word
	start notefull "env LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "Question 1/32" || return 1
	keys n
	wait_for "Note for this question" || return 1
	keys -l "$(printf 'x%.0s' $(seq 1005))"
	wait_for "At most 1000 characters here." || return 1
	keys Escape
	wait_gone "Note for this question" || return 1
	keys q
	wait_for "EXIT=0"
}
result "a note at its limit says so" note_full

note_rows_hidden() {	# a note longer than its four rows says that more is above or below, as a question does
	start notemore "$bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys n
	wait_for "Bu soru için not" || return 1
	keys -l "$(for i in 1 2 3 4 5 6 7 8; do printf 'Satır %d: öğrenciler ve gönüllüler çarşamba günleri ışıklı salonda buluşuyor. ' $i; done)"
	sleep 0.3
	rule=$(screen | sed -n 18p)
	case $rule in *"↑ devamı var"*) ;; *) echo "no marker of the rows above:"; screen; return 1 ;; esac
	case $rule in *"↓ devamı var"*) echo "a marker of rows below the end:"; screen; return 1 ;; esac
	keys Home
	sleep 0.3
	rule=$(screen | sed -n 18p)
	case $rule in *"↓ devamı var"*) ;; *) echo "no marker of the rows below:"; screen; return 1 ;; esac
	case $rule in *"↑ devamı var"*) echo "a marker of rows above the start:"; screen; return 1 ;; esac
	screen | grep -q "^Satır 1: öğrenciler" || { screen; return 1; }
}
result "a note longer than the editor's rows says more is above or below" note_rows_hidden

review_rows_hidden() {	# the review list, longer than the screen, says on its rule that more is above or below
	start reviewmore "$bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys r
	wait_for "Gözden geçirme" || return 1
	rule=$(screen | sed -n 2p)
	case $rule in *"↓ devamı var"*) ;; *) echo "no marker of the questions below:"; screen; return 1 ;; esac
	case $rule in *"↑ devamı var"*) echo "a marker of questions above the first:"; screen; return 1 ;; esac
	keys End
	sleep 0.3
	rule=$(screen | sed -n 2p)
	case $rule in *"↑ devamı var"*) ;; *) echo "no marker of the questions above:"; screen; return 1 ;; esac
	case $rule in *"↓ devamı var"*) echo "a marker of questions below the last:"; screen; return 1 ;; esac
	screen | grep -q "^› *32 " || { echo "the last question is not the one chosen:"; screen; return 1; }
}
result "the review list says more questions are above or below" review_rows_hidden

note_limit_end() {	# a note of exactly the limit, its last row full: the cursor is seen at its end
	# eleven rows of 76 x and a space, 73 x and a space, then 79 y: 1000
	# characters, the last row as wide as the editor's 79 columns at 80
	x76=$(printf 'x%.0s' $(seq 76)) x73=$(printf 'x%.0s' $(seq 73)) y79=$(printf 'y%.0s' $(seq 79))
	note=
	for i in 1 2 3 4 5 6 7 8 9 10 11; do note="$note$x76 "; done
	note="$note$x73 $y79"
	[ ${#note} = 1000 ] || { echo "the note has ${#note} characters"; return 1; }
	f=$work/notelimit.yaml
	printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\nanswers:\n  - question: 1\n    choice: 2\n    note: "%s"\n' "$note" >"$f"
	start notelimit "env LANGUAGE=en $bin --content data/tr --session $f"
	wait_for "1 answer" || return 1
	keys Enter
	wait_for "Question 2/32" || return 1
	keys Left
	wait_for "Question 1/32" || return 1
	keys n
	wait_for "Note for this question" || return 1
	y=$(cursor_row) x=$(tm display -p -t w '#{cursor_x}')
	[ "$(screen | sed -n "$((y + 1))p")" = "$y79" ] && [ "$x" = 79 ] ||
		{ echo "the cursor at $x,$y:"; screen; return 1; }
	keys Left Left	# and within the text, as before
	sleep 0.2
	[ "$(cursor_row)" = "$y" ] && [ "$(tm display -p -t w '#{cursor_x}')" = 77 ] || { screen; return 1; }
	keys Escape
	wait_gone "Note for this question" || return 1
	keys q
	wait_for "EXIT=0"
}
result "a note at its limit shows its end where the cursor is" note_limit_end

keybar_main_keys() {	# a narrow key bar keeps each screen's main keys, dropping moving and scrolling first
	cp "$top/tests/reports/tr-sample.yaml" "$work/keybar.yaml"
	for lang in tr en fi; do
		start "keybar$lang" "$bin --lang $lang --content data/tr --session $work/keybar.yaml"
		wait_for "32" || return 1
		resize_to 60 18
		keys Enter
		case $lang in
		tr) export="e dışa aktar" quit="q çık" ;;
		en) export="e export" quit="q quit" ;;
		fi) export="e vie" quit="q lopeta" ;;
		esac
		wait_for "$quit" || return 1
		screen | tail -1 | grep -q "$export" || { echo "$lang:"; screen | tail -1; return 1; }
		keys q
		wait_for "EXIT=0" || return 1
	done
}
result "a narrow key bar keeps the export on the results" keybar_main_keys

# help_on_every_bar: stok-assess(1) promises help and quitting in every
# key bar; on the screens without a question's '?' (the area's end, the
# results, the review) help is h, at 80 and at 60 columns
help_on_every_bar() {
	f=$work/helpbar.yaml
	printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\nanswers:\n' >"$f"
	for q in 1 2 3 4; do
		printf '  - question: %d\n    choice: 2\n' "$q" >>"$f"
	done
	cp "$top/tests/reports/tr-sample.yaml" "$work/helpbar-all.yaml"
	for cols in 80 60; do
		start "helpbar$cols" "env LANGUAGE=en $bin --content data/tr --session $f"
		resize_to $cols 20
		wait_for "4 answers" || return 1
		keys Enter
		wait_for "end of this area" || return 1
		bar_has_help "area end at $cols" || return 1
		keys q
		wait_for "EXIT=0" || return 1
		start "helpbarall$cols" "env LANGUAGE=en $bin --content data/tr --session $work/helpbar-all.yaml"
		resize_to $cols 20
		wait_for "32" || return 1
		keys Enter
		wait_for "export" || return 1
		bar_has_help "results at $cols" || return 1
		keys r
		wait_for "Review" || return 1
		bar_has_help "review at $cols" || return 1
		keys q
		wait_for "EXIT=0" || return 1
	done
}
bar_has_help() {	# the bar's last entries: h (with its words when they fit), then q quit
	screen | tail -1 | grep -Eq "(^|  )h( all keys)?  q quit *$" || { echo "$1:"; screen | tail -1; return 1; }
}
result "every key bar names help and quitting: h where a screen has no ?" help_on_every_bar

results_unanswered() {	# the results of an unfinished assessment say which questions they leave out, as line mode does
	f=$work/unanswered.yaml
	printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\nanswers:\n' >"$f"
	for q in 1 2 3 4 5 7; do
		printf '  - question: %d\n    choice: 2\n' "$q" >>"$f"
	done
	start unanswered "env LANGUAGE=en $bin --content data/tr --session $f"
	wait_for "6 answers" || return 1
	keys Enter
	wait_for "Question 6/32" || return 1
	keys r
	wait_for "Review" || return 1
	keys s
	wait_for "Results" || return 1
	screen | tr '\n' ' ' | grep -q "Questions without an answer: 6, 8, 9, 10, .* 31, 32\. No level counts" ||
		{ screen; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "the results say which questions have no answer" results_unanswered

typed_votes_kept() {	# counts typed but not yet agreed survive a look at ? or h
	start keptvotes "env LANGUAGE=en $bin --workshop --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "How many chose each option?" || return 1
	keys "3 5 2 0 1" Enter
	wait_for "The agreed answer" || return 1
	for look in "?" h; do
		keys "$look"
		sleep 0.3
		keys q
		wait_for "The agreed answer" || { echo "after $look and q"; return 1; }
		screen | grep -q '› 2 (•)' || { echo "after $look and q"; screen; return 1; }
	done
	keys Escape
	wait_for "How many chose each option?" || return 1
	keys "1 2"
	keys "?"
	sleep 0.3
	keys q
	wait_for "How many chose each option? 1 2" || { echo "the counts being typed are lost"; screen; return 1; }
	keys q	# counts typed are not agreed on: q says so first
	wait_for "not agreed on yet" || return 1
	keys q
	wait_for "EXIT=0"
}
result "a workshop's counts survive a look at the help" typed_votes_kept

counted_votes_kept() {	# counted but not agreed: kept going back and on, and q asks first
	start countedvotes "env LANGUAGE=en $bin --workshop --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "How many chose each option?" || return 1
	keys "1 1 1 1 1" Enter
	wait_for "The agreed answer" || return 1
	keys Enter	# question 1 agreed on; question 2 counted, then back to 1 and on
	wait_for "Question 2/32" || return 1
	keys "3 5 2 0 1" Enter
	wait_for "The agreed answer" || return 1
	keys Left
	wait_for "Question 1/32" || return 1
	keys Right
	wait_for "The agreed answer" || { echo "the counts were lost going back and on"; screen; return 1; }
	screen | grep -q "Votes: 11" && screen | grep -q '› 2 (•)' ||
		{ echo "not the counts as counted"; screen; return 1; }
	keys q
	wait_for "not agreed on yet" || { echo "q quit without a word of the counts"; screen; return 1; }
	screen | grep -q "EXIT=" && return 1
	keys Enter	# agree on the answer the room chose most
	sleep 0.3
	keys q
	wait_for "EXIT=0" || return 1
	grep -A2 '^  - question: 2$' "$home/state/stok-assess/kapasite.yaml" | grep -q 'votes: \[3, 5, 2, 0, 1\]' ||
		{ cat "$home/state/stok-assess/kapasite.yaml"; return 1; }
}
result "a workshop's counted votes survive going back and on, and q warns before losing them" counted_votes_kept

demo_too_small() {	# a demo never claims to save
	home=$work/small
	mkdir -p "$home"
	tm kill-session -t w 2>/dev/null
	tm new-session -d -s w -x 50 -y 12 "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE=en; $bin --demo --content data/en; sleep 30"
	wait_for "nothing is saved" || return 1
	! screen | grep -q "answers are saved"
}
result "a demo on a too small terminal says nothing is saved" demo_too_small

# An installed pack (indexed): the wizard reads each answer text as its
# question comes, and shows what it shows from a clean read. A text gone
# once the pack's files were held against the index (before the first
# question's first key) is said at its question and, with its reason,
# after the end; the answers are kept.
three_screens() {	# three_screens PACK NAME: the first question, its guidance, the second
	start "$2" "$bin --content $1"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	screen >"$work/$2.1"
	keys 3 g
	wait_for "Yanıtınız için öneriler" || return 1
	screen >"$work/$2.2"
	keys q
	wait_for "Soru 1/32" || return 1
	keys Enter
	wait_for "Soru 2/32" || return 1
	screen >"$work/$2.3"
	keys q
	wait_for "EXIT=0"
}
installed_pack() {
	rm -rf "$work/inst" && mkdir "$work/inst" && cp -R data/tr "$work/inst/tr" &&
	    cp -R data/tr "$work/inst/plain" && "$bin" index "$work/inst/tr" >/dev/null || return 1
	three_screens "$work/inst/plain" plain || return 1
	three_screens "$work/inst/tr" indexed || return 1
	for k in 1 2 3; do
		diff -u "$work/plain.$k" "$work/indexed.$k" || return 1
	done
	gone=$work/inst/tr/$(awk -F '\t' '$4 == 3 && $5 == 1 { print $1 }' "$work/inst/tr/answers.index")
	[ -f "$gone" ] || { echo "no text for question 3, choice 1"; return 1; }
	start gone "$bin --content $work/inst/tr 2>'$work/gone.err'"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 2
	wait_for "› 2 (•)" || return 1	# the pack was held against its index before this key
	rm "$gone"
	keys Enter
	wait_for "Soru 2/32" || return 1
	keys 2 Enter
	wait_for "Soru 3/32" || return 1
	wait_for "1 ( ) (bu yanıtın metni okunamıyor)" || return 1
	keys 1 g
	wait_for "çıktığınızda gösterilir" || return 1
	keys q q
	wait_for "EXIT=1" || return 1
	grep -qF "$(basename "$gone"): error: cannot open" "$work/gone.err" ||
		{ echo "stderr:"; cat "$work/gone.err"; return 1; }
	grep -A1 "question: 3$" "$work/gone/state/stok-assess/kapasite.yaml" | grep -q "choice: 1$" ||
		{ echo "question 3 is not saved"; return 1; }
}
result "an installed pack: the same screens, and a text gone since the start is said" installed_pack

# An installed pack changed since its index was written, before the
# wizard starts: the first question is drawn through the index, and then
# the pack is read as if it had none, as a clean read reads it. A text
# edited and still sound is shown as it is now; a broken one ends the
# wizard with the clean read's error, said once, status 2, nothing saved.
changed_index() {	# changed_index NAME EDIT: EDIT run in the pack's folder
	rm -rf "$work/ci-$1" && cp -R data/tr "$work/ci-$1" && "$bin" index "$work/ci-$1" >/dev/null &&
	    (cd "$work/ci-$1" && eval "$2") || return 1
	start "ci$1" "$bin --content $work/ci-$1 2>'$work/ci-$1.err'"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
}
index_edited() {
	changed_index edited "sed -i 's/^title: .*/title: Yeni başlık, dizinden sonra yazıldı./' answers/yonetisim/q02-3.md" ||
	    return 1
	wait_for "Soru 1/32" || return 1
	keys 2 Enter
	wait_for "Soru 2/32" || return 1
	wait_for "3 ( ) Yeni başlık, dizinden sonra yazıldı." || return 1
	keys q
	wait_for "EXIT=0" || return 1
	[ ! -s "$work/ci-edited.err" ] || { cat "$work/ci-edited.err"; return 1; }
}
result "an installed pack edited since its index: the text is shown as it is now" index_edited
index_broken() {
	changed_index broken "printf 'no front matter\\n' >answers/yonetisim/q03-2.md" || return 1
	wait_for "EXIT=2" || return 1
	n=$(grep -cF "q03-2.md:1:1: error: no front matter" "$work/ci-broken.err")
	[ "$n" = 1 ] || { echo "said $n times"; cat "$work/ci-broken.err"; return 1; }
	[ ! -e "$work/cibroken/state/stok-assess" ] ||
		{ echo "a session folder was left"; ls -la "$work/cibroken/state/stok-assess"; return 1; }
}
result "an installed pack with a text broken since its index: the clean read's error, once, and nothing kept" \
    index_broken
# Changed keeping its size and time, a text is not seen by the index, as
# make would not see it (stok-assess(5)): read at its question, it is
# said once, at the end, as before the pack was read this way.
index_kept() {
	changed_index kept "cp -p answers/yonetisim/q01-3.md orig && sed -i 's/^question_id: 1\$/question_id: 2/' answers/yonetisim/q01-3.md && touch -r orig answers/yonetisim/q01-3.md && rm orig" ||
	    return 1
	wait_for "3 ( ) (bu yanıtın metni okunamıyor)" || return 1
	keys 2 Enter
	wait_for "Soru 2/32" || return 1
	keys q
	wait_for "EXIT=2" || return 1	# an error, as a text's is; the answers are kept
	n=$(grep -cF "q01-3.md:3:14: error: is now the text of question 2, choice 3" "$work/ci-kept.err")
	[ "$n" = 1 ] || { echo "said $n times"; cat "$work/ci-kept.err"; return 1; }
}
result "an installed pack whose first question's text changed under its size and time: said once, at the end" \
    index_kept

# The example's results on an installed pack whose first chosen text was
# changed under the index (its ids, not its size or time): the results
# say which question's text cannot be read, and e says so again instead
# of asking for a format.
sample_blocked() {
	rm -rf "$work/sb" && mkdir "$work/sb" && cp -R data/tr "$work/sb/tr" &&
	    "$bin" index "$work/sb/tr" >/dev/null || return 1
	t=$work/sb/tr/$(awk -F '\t' '$4 == 1 && $5 == 3 { print $1 }' "$work/sb/tr/answers.index")
	cp -p "$t" "$work/sb/orig.md"
	sed -i 's/^question_id: 1$/question_id: 2/' "$t" && touch -r "$work/sb/orig.md" "$t"
	start sbw "$bin --demo --sample --content $work/sb/tr 2>'$work/sb.err'"
	wait_for "1. soruya verdiğiniz yanıtın metni" || return 1
	keys e
	sleep 0.3
	screen | grep -q "1, 2 ya da 3" && { echo "a format was asked for"; screen; return 1; }
	screen | tr -d '\n' | grep -q "Rapor yazılamıyor: 1. soruya" || { screen; return 1; }
	keys q
	wait_for "EXIT=2" || return 1
	grep -q "is now the text of question 2, choice 3" "$work/sb.err" || { cat "$work/sb.err"; return 1; }
}
result "the example's results with a text changed under the index: which question, and no export" sample_blocked

# The first frame is drawn before the texts are read (a pack without an
# index): a broken text still ends the wizard before any key, with its
# error and status 2 and nothing saved; a text's warning is said at the end.
texts_after_first_frame() {
	rm -rf "$work/late" && mkdir "$work/late" && cp -R data/tr "$work/late/broken" &&
	    cp -R data/tr "$work/late/warned" || return 1
	t=answers/yonetisim/q03-2.md
	printf 'no front matter\n' >"$work/late/broken/$t"
	sed -i 's/^title: \(.*\)$/title: \1 #x/' "$work/late/warned/$t"
	start broken "$bin --content $work/late/broken"
	wait_for "EXIT=2" || return 1
	screen | tr -d '\n' | grep -qF "q03-2.md:1:1: error: no front matter" || { screen; return 1; }
	[ ! -e "$work/broken/state/stok-assess" ] || { echo "a session folder was left"; ls -la "$work/broken/state/stok-assess"; return 1; }
	start warned "$bin --content $work/late/warned"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	screen | tr -d '\n' | grep -qF "q03-2.md:2:" || { screen; return 1; }
}
result "texts read after the first frame: a broken one ends the wizard, a warning is said at the end" texts_after_first_frame

small_before_answers() {	# too small before any answer: no claim that answers are saved
	home=$work/small2
	mkdir -p "$home"
	tm kill-session -t w 2>/dev/null
	tm new-session -d -s w -x 50 -y 12 "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE=en; $bin --content data/en; sleep 30"
	wait_for "too small" || return 1
	sleep 0.2
	! screen | tr '\n' ' ' | tr -s ' ' | grep -q "answers are saved" || { screen; return 1; }
}
result "a too small terminal before any answer does not say answers are saved" small_before_answers

vt100_goodbye() {	# a terminal with no screen of its own to leave: the goodbye is not written over the last frame
	start vt100 "env TERM=vt100 LANGUAGE=en $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	! screen | grep -q "q quit" || { echo "the last frame is still there"; screen; return 1; }
	screen | grep -q "^Your answers are saved" || { screen; return 1; }
}
result "with TERM=vt100 the goodbye stands on a cleared screen" vt100_goodbye

resume_area_end() {	# left at an area's end, a resume opens on it: its priority is not skipped
	f=$work/areaend.yaml
	printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\nanswers:\n' >"$f"
	for q in 1 2 3 4; do
		printf '  - question: %d\n    choice: 2\n' "$q" >>"$f"
	done
	start areaend "env LANGUAGE=en $bin --content data/tr --session $f"
	wait_for "4 answers" || return 1
	keys Enter
	wait_for "end of this area" || return 1
	keys 1 Enter
	wait_for "Question 5/32" || return 1
	grep -A1 'area: "yonetisim"' "$f" | grep -q 'priority: high' || { cat "$f"; return 1; }
}
result "a resume after an area's last answer opens on the area's end" resume_area_end

area_end_header() {	# an area's end says where the user is, not the last question's number
	f=$work/areaendhead.yaml
	printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\nanswers:\n' >"$f"
	for q in 1 2 3 4; do
		printf '  - question: %d\n    choice: 2\n' "$q" >>"$f"
	done
	start areaendhead "$bin --lang tr --content data/tr --session $f"
	wait_for "4 yanıt" || return 1
	keys Enter
	wait_for "Yönetişim" || return 1
	screen | head -1 | grep -q "^Alan 1/8 · Alanın sonu: öncelik " || { screen; return 1; }
	# no priority saved is "skip for now", and is shown chosen as such
	screen | grep -q "^. 4 (•) Şimdilik geç" || { screen; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "an area's end says so in its header" area_end_header

area_description() {	# ? on a question shows its area's description, which the full screen showed nowhere
	start areadesc "env LANGUAGE=fi $bin --content data/fi"
	wait_for "hyvät käytänteet" || return 1
	keys Enter
	wait_for "1/12" || return 1
	keys "?"
	wait_for "Osallisuus" || return 1
	tm resize-window -t w -x 80 -y 60
	sleep 0.3
	screen | tr '\n' ' ' | tr -s ' ' | grep -q "Miten jäsenet ja muut mukana olevat pääsevät vaikuttamaan" ||
	    { screen; return 1; }
}
result "the help of a question shows its area's description" area_description

export_mend() {	# a name that cannot be written is offered again to be mended; ~/ is the home
	start exportmend "cd '$work' && env LANGUAGE=en $bin --demo --sample --content '$top/data/tr'"
	wait_for "n new group" || return 1
	keys e 1
	wait_for "File name" || return 1
	keys C-u "$work/missing/report.txt" Enter
	wait_for "Could not write" || return 1
	screen | grep -q "File name" || { echo "the name was not offered again"; screen; return 1; }
	keys C-u "~/from-home.txt" Enter
	wait_for "Report written" || return 1
	[ -s "$home/from-home.txt" ] || { ls -la "$home"; screen; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "an export's name that cannot be written is offered again; ~/ is the home" export_mend

# mouse_click: with --mouse a click (SGR, as xterm reports it) on an
# option's row chooses it; without, the same report changes nothing
# (e2e-trust sends it raw among the keys)
mouse_click() {
	start mouse "TERM=xterm-256color $bin --mouse --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	row=$(screen | grep -n "^  3 ( )" | head -1 | cut -d: -f1)
	[ -n "$row" ] || { echo "no row for option 3:"; screen; return 1; }
	keys -l "$(printf '\033[<0;12;%dM\033[<0;12;%dm' "$row" "$row")"
	wait_for "› 3 (•)" || return 1
	sleep 0.2
	grep -A1 'question: 1$' "$home/state/stok-assess/kapasite.yaml" | grep -q 'choice: 3$' ||
	    { cat "$home/state/stok-assess/kapasite.yaml"; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "with --mouse a click on an option chooses it" mouse_click

# one_write_a_frame: the frame after a key goes to the terminal in one
# write, not one a cursor move (ncurses writes at each move until its first
# endwin): each write wakes the terminal's side, and over SSH is a packet
one_write_a_frame() {
	# (LeakSanitizer cannot run under ptrace: a SANITIZE build checks leaks elsewhere)
	start onewrite "env ASAN_OPTIONS=detect_leaks=0 strace -o '$work/onewrite.trace' \
	    -s 8192 -e trace=read,write $bin --content data/tr"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "/32" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	# the writes to the terminal between the Enter read and the next read
	awk '/^read\(0, "\\r"/ { on = 1; next } on && /^read\(/ { exit }
	    on && /^write\(1,/ { print }' "$work/onewrite.trace" > "$work/writes"
	[ "$(wc -l < "$work/writes")" -eq 1 ] ||
	    { echo "the question went out in $(wc -l < "$work/writes") writes:"; cat "$work/writes"; return 1; }
	# and the first frame, whole, in the second write: after the one that
	# enters and leaves the terminal's screen, with the return to it
	grep '^write(1,' "$work/onewrite.trace" | sed -n 2p > "$work/first"
	grep -q '1049h' "$work/first" && grep -q 'Kapasite' "$work/first" && grep -q 'Enter' "$work/first" ||
	    { echo "the first frame is not the second write:"; grep '^write(1,' "$work/onewrite.trace" |
		head -8 | cut -c1-120; return 1; }
}
# wait_after_a_frame: after the first question's frame, the wizard waits
# for a key before it holds an indexed pack's files against the index: a
# terminal's side that shares the CPU (sshd, tmux) would show the frame
# only once that check was done. Checked once the wizard has stood a
# key's time-out (the end still needs it: an edit since then is found).
wait_after_a_frame() {
	rm -rf "$work/waitpack" && cp -R data/tr "$work/waitpack" &&
	    "$bin" index "$work/waitpack" >/dev/null || return 1
	start waitframe "env ASAN_OPTIONS=detect_leaks=0 strace -o '$work/waitframe.trace' \
	    -e trace=read,write,poll,pselect6,newfstatat,openat $bin --content '$work/waitpack'"
	wait_for "Örgütsel Kapasite" || return 1
	keys Enter
	wait_for "/32" || return 1
	sleep 0.5
	keys q
	wait_for "EXIT=0" || return 1
	# what the wizard did between the question's write and its next wait
	awk '/^read\(0, "\\r"/ { on = 1; next } on && /^write\(1,/ { w = 1; next }
	    w && /^(poll|pselect6)\(/ { exit } w { print }' "$work/waitframe.trace" > "$work/between"
	[ ! -s "$work/between" ] ||
	    { echo "between the frame and the wait:"; head -5 "$work/between"; return 1; }
	# and the check came after the wait, before the end
	grep -q "newfstatat(AT_FDCWD, \"$work/waitpack/answers/" "$work/waitframe.trace" ||
	    { echo "the pack's files were never held against the index"; return 1; }
}
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
	result "the frame after a key goes out in one write" one_write_a_frame
	result "after the first question's frame, the wizard waits before it checks the index" \
	    wait_after_a_frame
else
	echo "SKIP: $suite the frame after a key goes out in one write (strace cannot run here)"
	echo "SKIP: $suite after the first question's frame, the wizard waits before it checks the index" \
	    "(strace cannot run here)"
fi

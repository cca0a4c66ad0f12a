#!/bin/sh
# Nothing from content reaches the terminal raw. The wizard runs in tmux on
# tests/content/hostile-ui (escape sequences, C1 controls, SO/SI,
# backspaces, bidi overrides in the guidance; zero-width characters and a
# 200-mark combining stack in every title, label and help text), a user
# types control characters into the organisation's name and a note, a
# shared answers file with an escape sequence is opened, and a pack with a
# hostile file name is checked. tmux pipe-pane records every byte the
# program sends to the terminal; that stream, stdout, stderr and every
# report format may carry no escape sequence the program did not make.
# Prints PASS:/FAIL:/SKIP: lines.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: hostile end-to-end tests (tmux is not installed)"
	exit 0
fi
work=$(mktemp -d)
suite=hostile
. "$top/tests/lib.sh"
plain_paths
pack=$top/tests/content/hostile-ui
sock=$work/tmux.sock
trap 'tm kill-server 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
tm_server
cd "$top" || exit 1
ESC=$(printf '\033')
BEL=$(printf '\007')

# raw_clean FILE: the bytes of FILE hold no escape sequence but those
# curses makes for this terminal (cursor moves, attributes, colours,
# scrolling regions, the cursor's visibility, the keypad, the alternate
# screen, the character sets), no other C0 control but CR, LF, BS and TAB,
# no C1 control and no bidi override or isolate. Every payload of the pack
# holds at least one sequence that curses never makes.
raw_clean() {
	perl -e '
		local $/; open(my $f, "<:raw", $ARGV[0]) or die "$ARGV[0]: $!";
		my $s = <$f>; my $bad = 0;
		$s =~ s/(\e\[[0-9;]*m)\x0f/$1/g;	# SI ends this terminal'"'"'s sgr0 and sgr
		$s =~ s/\e\[[0-9;]*[\@A-HKLMPSTXZdfhlmr]//g;	# CSI: moves, erase, SGR, margins
		$s =~ s/\e\[[02]?J//g;	# erase below, clear (not 3J, the scrollback)
		$s =~ s/\e\[\?(?:1|7|12|25|1049)[hl]//g;	# DEC modes curses sets
		$s =~ s/\e\[\?2004[hl]//g;	# bracketed paste, which the wizard turns on and off
		$s =~ s/\e\[\?12;25h//g;
		$s =~ s/\e[()][B0]|\e[78=>M]//g;	# charsets, save/restore, keypad, reverse index
		if ($s =~ /\e.{0,12}/s) { printf "an escape sequence curses does not make: %s\n", esc($&); $bad++ }
		if ($s =~ /[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/) { printf "a control character: 0x%02x\n", ord($&); $bad++ }
		if ($s =~ /\xc2[\x80-\x9f]/) { print "a C1 control in UTF-8\n"; $bad++ }
		if ($s =~ /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/) { print "a bidi override or isolate\n"; $bad++ }
		sub esc { my $t = shift; $t =~ s/([\x00-\x1f\x7f])/sprintf("\\x%02x", ord $1)/ge; $t }
		exit($bad ? 1 : 0);
	' "$1"
}

# start NAME COMMAND: the command in a 100x30 terminal, recorded from its
# first byte (it waits until pipe-pane is attached)
start() {
	home=$work/$1
	mkdir -p "$home/state"
	stream=$work/$1.stream
	: >"$stream"
	tm kill-session -t w 2>/dev/null
	tm new-session -d -s w -x 100 -y 30 \
	    "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE= TERM=tmux-256color NCURSES_NO_UTF8_ACS=1;
	     while [ ! -e '$work/go' ]; do sleep 0.05; done; $2; echo \"EXIT=\$?\"; sleep 30"
	tm set-option -t w remain-on-exit on >/dev/null
	tm pipe-pane -t w -o "cat >>'$stream'"
	touch "$work/go"
}
stop() { tm kill-session -t w 2>/dev/null; rm -f "$work/go"; }

# The whole wizard: typed names and notes, both guidance texts, the
# results, the review, the help; the recorded stream must be clean, and
# the screen must show the payloads escaped (proof that they were drawn).
wizard() {
	start wizard "$bin --content '$pack'"
	wait_for "Hostile" || return 1
	keys Down Enter
	wait_for "organisation's name" || return 1
	# typed or pasted: C1 CSI, an OSC with BEL, a bidi override, SO, a DEL
	keys -l "Org$(printf '\302\2332J')X$(printf '\342\200\256')Y$(printf '\016')Z"
	keys Enter
	wait_for "Organisation (optional): Org" || return 1
	keys Up Enter
	wait_for "1/2" || return 1
	keys 1 g
	wait_for "ZAP17" || return 1
	keys PPage NPage End Home q
	wait_for "1/2" || return 1
	keys n
	sleep 0.2
	keys -l "note$(printf '\302\235')0;x$(printf '\007')end"
	keys Enter
	sleep 0.2
	keys 2 g
	wait_for "Entities:" || return 1
	keys q
	wait_for "1/2" || return 1
	keys Enter
	wait_for "2/2" || return 1
	keys 1 Enter
	sleep 0.3
	keys Enter 2>/dev/null
	sleep 0.5
	keys h
	sleep 0.3
	keys Escape
	sleep 0.3
	keys q
	sleep 0.3
	keys q
	sleep 0.5
	stop
	f=$home/state/stok-assess/hostile-ui.yaml
	[ -f "$f" ] || { echo "no session was saved"; return 1; }
	grep -q 'organisation: "OrgXYZ' "$f" || grep -q 'organisation: "Org' "$f" ||
		{ echo "the name was not saved:"; cat "$f"; return 1; }
	raw_clean "$f" || { echo "in the session file"; return 1; }
	raw_clean "$stream" && [ -s "$stream" ]
}
result "wizard: every byte sent to the terminal" wizard

# The escaped forms are on screen: the payloads were drawn, not dropped.
escaped_on_screen() {
	start shown "$bin --content '$pack'"
	wait_for "Hostile" || return 1
	keys Enter
	wait_for "1/2" || return 1
	keys 1 g
	wait_for "ZAP17" || return 1
	screen >"$work/screen"
	stop
	grep -qF '^[]0;title^GZAP0' "$work/screen" || { cat "$work/screen"; return 1; }
	grep -qF '<U+202E>evil<U+202C>ZAP16' "$work/screen" || { cat "$work/screen"; return 1; }
	raw_clean "$stream"
}
result "wizard: payloads are drawn escaped" escaped_on_screen

# A shared answers file with an escape sequence in a name: refused with a
# diagnostic that shows it escaped, on the terminal and on stderr.
shared_file() {
	mkdir -p "$work/shared/state/stok-assess"
	printf 'pack: hostile-ui\nversion: 1\nlanguage: en\norganisation: "Evil\\e]0;pwned\\aOrg"\nanswers:\n  - question: 1\n    choice: 2\n    note: "a\\e[2Jb"\n' \
	    >"$work/shared/state/stok-assess/hostile-ui.yaml"
	start shared "$bin --content '$pack'"
	sleep 1
	screen >"$work/screen"
	stop
	raw_clean "$stream" || return 1
	"$bin" report --content "$pack" "$work/shared/state/stok-assess/hostile-ui.yaml" \
	    >"$work/out" 2>"$work/err"
	rc=$?
	[ $rc = 2 ] || { echo "exit status $rc for a refused file"; return 1; }
	raw_clean "$work/err" && raw_clean "$work/out" && grep -q 'U+001B' "$work/err"
}
result "a shared answers file with escape sequences" shared_file

# Accepted files with what YAML allows (zero-width characters, a
# combining stack, in the organisation, role and notes): every report
# format is clean.
reports() {
	stack=$(printf 'a%.0s\314\201' $(seq 200))
	zw=$(printf '\342\200\213\342\200\214')
	cat >"$work/ok.yaml" <<-EOF
	pack: hostile-ui
	version: 1
	language: en
	organisation: "Org$zw $stack"
	role: "role$zw"
	answers:
	  - question: 1
	    choice: 1
	    note: "note $stack$zw"
	  - question: 2
	    choice: 2
	EOF
	for f in text markdown html json; do
		"$bin" report --content "$pack" -f "$f" "$work/ok.yaml" >"$work/out" 2>"$work/err" ||
			{ echo "report -f $f failed:"; cat "$work/err"; return 1; }
		raw_clean "$work/out" || { echo "in -f $f"; return 1; }
		raw_clean "$work/err" || return 1
		grep -q 'Raw payloads' "$work/out" || { echo "-f $f: the answer is missing"; return 1; }
		[ $f = json ] || grep -q ZAP0 "$work/out" || { echo "-f $f: the guidance is missing"; return 1; }
	done
	cp "$work/ok.yaml" "$work/ok2.yaml"	# a second respondent (one file twice is refused)
	"$bin" merge --content "$pack" -f csv "$work/ok.yaml" "$work/ok2.yaml" >"$work/out" 2>"$work/err" &&
	    raw_clean "$work/out" && raw_clean "$work/err"
}
result "every report format of hostile guidance and names" reports

# File names in diagnostics: a pack directory and an answer file whose
# names are escape sequences, and a broken front matter; check on stderr,
# and the wizard in the terminal.
file_names() {
	d="$work/pack${ESC}]0;t${BEL}"
	mkdir -p "$d/answers"
	cp "$pack/assessment.yaml" "$d/"
	printf -- '---\ntitle: x\nquestion_id: 9\n---\nbody\n' >"$d/answers/a${ESC}[2J.md"
	"$bin" check "$d" >"$work/out" 2>"$work/err"
	rc=$?
	[ $rc = 2 ] || { echo "check: exit status $rc"; return 1; }
	raw_clean "$work/out" && raw_clean "$work/err" || return 1
	grep -qF '^[[2J.md' "$work/err" || { cat "$work/err"; return 1; }
	ln -s "$d" "$work/linkpack"
	start names "$bin --content '$work/linkpack'"
	sleep 1
	stop
	raw_clean "$stream"
}
result "file names in diagnostics" file_names

#!/bin/sh
# The wizard people can trust (issue 12), as users act: the real binary in
# tmux, keys in, the screen and the answers file read back. No answer,
# organisation, role or note is lost by a key; keys that terminals really
# send (sent raw, byte for byte) never change an answer; the ways back and
# on are on the screen; a Turkish interface on an English server speaks
# Turkish only. Each test has a private HOME. Prints PASS:/FAIL:/SKIP:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: trust end-to-end tests (tmux is not installed)"
	exit 0
fi
work=$(mktemp -d)
suite=trust
. "$top/tests/lib.sh"
plain_paths
sock=$work/tmux.sock
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT
tm_server

# An English server locale, when it can be built; else the (uninstalled) name alone.
if [ -z "${LOCPATH:-}" ] && command -v localedef >/dev/null 2>&1 &&
    localedef -i en_US -f UTF-8 "$work/locale/en_US.UTF-8" >/dev/null 2>&1; then
	export LOCPATH="$work/locale"
fi

# start NAME W H ENV COMMAND: the wizard in a W x H terminal with a private HOME (kept if it exists)
start() {
	home=$work/$1
	mkdir -p "$home/state"
	state=$home/state/stok-assess
	tm kill-session -t w 2>/dev/null
	sleep 0.2	# let the old wizard finish saving on SIGHUP (the home may be kept)
	tm new-session -d -s w -x "$2" -y "$3" \
	    "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 LANGUAGE= LC_MESSAGES= $4; $5; echo \"EXIT=\$?\"; sleep 60"
	tm set-option -t w remain-on-exit on >/dev/null
}
# raw BYTES: send exactly these bytes, as a terminal would
raw() { tm send-keys -t w -l "$1"; sleep 0.15; }
focus_text() { screen | grep '^›' | head -1; }
answers() { grep -c '^  - question:' "$1" 2>/dev/null || echo 0; }

# A session with all 32 answers of data/tr (choices 2 and 3 in turn), written as a file.
complete_session() {	# complete_session HOME
	mkdir -p "$1/state/stok-assess"
	{
		printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\ndate: "2026-11-20"\n'
		printf 'organisation: "Yeşil Işık Derneği"\nrole: "board"\nanswers:\n'
		n=1
		while [ $n -le 32 ]; do
			printf '  - question: %d\n    choice: %d\n' $n $((2 + n % 2))
			n=$((n + 1))
		done
	} >"$1/state/stok-assess/kapasite.yaml"
}

# --- 1. No answer is lost by a key ------------------------------------------

start_over_confirmed() {
	complete_session "$work/over"
	f=$work/over/state/stok-assess/kapasite.yaml
	cp "$f" "$work/over.before"
	start over 80 24 "" "$bin --content data/tr"
	wait_for "32 yanıt" || return 1
	keys Down Enter
	wait_for "Baştan başlansın mı?" || return 1
	screen | grep -q "(e/h)" || { echo "not the Turkish keys"; screen; return 1; }
	keys q
	sleep 0.3
	cmp -s "$f" "$work/over.before" || { echo "a key at the confirmation changed the file"; return 1; }
	keys h	# no
	wait_for "Hiçbir şey değişmedi" || return 1
	keys Enter	# the focus is still on "start again"
	wait_for "Baştan başlansın mı?" || return 1
	keys e	# yes: question 1, and a quit before any answer keeps the file
	wait_for "Soru 1/32" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	cmp "$f" "$work/over.before" || { echo "quitting after starting over lost the answers"; return 1; }
	# again, and one new answer: the old session is moved aside, whole
	start over 80 24 "" "$bin --content data/tr"
	wait_for "32 yanıt" || return 1
	keys Down Enter
	wait_for "Baştan başlansın mı?" || return 1
	keys y	# y is understood in every language
	wait_for "Soru 1/32" || return 1
	keys 4
	sleep 0.3
	keys q
	wait_for "EXIT=0" || return 1
	[ "$(answers "$f")" = 1 ] || { echo "the new session has $(answers "$f") answers"; return 1; }
	old=$(ls "$work/over/state/stok-assess/" | grep '^kapasite-[0-9-]*\.yaml$')
	[ -n "$old" ] && cmp "$work/over/state/stok-assess/$old" "$work/over.before" ||
		{ echo "the old session was not kept:"; ls "$work/over/state/stok-assess/"; return 1; }
	grep -q '^organisation: "Yeşil Işık Derneği"$' "$f" || { echo "the organisation was lost"; return 1; }
}
result "starting over asks, and the old answers stay on disk" start_over_confirmed

organisation_role_kept() {
	rm -rf "$work/org"
	start org 80 24 "" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Down Enter
	wait_for "Kuruluşunuzun adı" || return 1
	keys -l "Yeşil Işık Derneği"
	keys Enter Down Right
	wait_for "Yönetim kurulu üyesi" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	start org 80 24 "" "$bin --content data/tr"
	wait_for "Yeşil Işık Derneği" || return 1
	screen | grep -q "Rolünüz.*Yönetim kurulu üyesi" || { screen; return 1; }
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 2 q
	wait_for "EXIT=0" || return 1
	grep -q '^organisation: "Yeşil Işık Derneği"$' "$state/kapasite.yaml" &&
	    grep -q '^role: "board"$' "$state/kapasite.yaml" || { cat "$state/kapasite.yaml"; return 1; }
}
result "organisation and role survive a quit, a restart and the first answer" organisation_role_kept

own_role_kept() {	# a role in own words stays in the cycle of ← →: one key too many and back gives it again
	mkdir -p "$work/ownrole/state/stok-assess"
	f=$work/ownrole/state/stok-assess/kapasite.yaml
	printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\nrole: "Sayman (yönetim kurulu)"\nanswers:\n  - question: 1\n    choice: 2\n' >"$f"
	start ownrole 80 24 "" "$bin --content data/tr"
	wait_for "1 yanıt" || return 1
	keys Down Down Down Right
	wait_for "Rolünüz (isteğe bağlı): Yönetim kurulu üyesi" || return 1
	keys Left
	wait_for "Rolünüz (isteğe bağlı): Sayman (yönetim kurulu)" || return 1
	grep -q '^role: "Sayman (yönetim kurulu)"$' "$f" || { cat "$f"; return 1; }
	keys Left	# none; the own words; the five roles, none and the own words again
	wait_for "Rolünüz (isteğe bağlı): -" || return 1
	keys Right Right Right Right Right Right Right Right
	sleep 0.3
	screen | grep -q "Rolünüz (isteğe bağlı): Sayman (yönetim kurulu)" || { screen; return 1; }
	grep -q '^role: "Sayman (yönetim kurulu)"$' "$f" || { cat "$f"; return 1; }
	keys q
	wait_for "EXIT=0"
}
result "a role in own words comes back in the cycle of the roles" own_role_kept

note_kept_on_signal() {	# a note being typed when the terminal goes away is kept
	rm -rf "$work/sig"
	start sig 80 24 "" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys n
	wait_for "Bu soru için not" || return 1
	keys -l "Kurul ayda bir toplanıyor"
	sleep 0.3
	pid=$(pgrep -P "$(tm display -p -t w '#{pane_pid}')" -f "^$bin ")
	[ -n "$pid" ] || { echo "no process"; return 1; }
	kill -HUP "$pid"
	wait_for "EXIT=129" || return 1
	grep -q '^    note: "Kurul ayda bir toplanıyor"$' "$state/kapasite.yaml" ||
		{ cat "$state/kapasite.yaml"; return 1; }
}
result "a note being typed is kept when the wizard is killed" note_kept_on_signal

line_mode_start_over() {
	complete_session "$work/lm"
	f=$work/lm/state/stok-assess/kapasite.yaml
	cp "$f" "$work/lm.before"
	start lm 80 24 "" "$bin --ui=text --content data/tr"
	wait_for "[E/h]" || return 1	# Enter resumes: its key in capitals
	keys h Enter
	wait_for "Baştan başlansın mı?" || return 1
	keys e Enter
	# the organisation and role the session holds are kept, not asked again
	wait_for "Yanıt [" || return 1
	screen | grep -q "Kuruluşun adı" && { echo "the organisation was asked again"; return 1; }
	keys q Enter
	wait_for "EXIT=0" || return 1
	cmp "$f" "$work/lm.before" || { echo "line mode lost the answers"; return 1; }
}
result "line mode: starting over and quitting keeps the answers" line_mode_start_over

# --- 2. Keys are read, not guessed ------------------------------------------

# Every common encoding of Home, End, Insert, Delete, PgUp, PgDn, F1-F12,
# with and without modifiers, and Alt with a letter (Turkish too) or with
# Backspace; name and bytes, one per line.
key_list() {
	e=$(printf '\033') b=$(printf '\007') d=$(printf '\177')
	cat <<-LIST
	home-tilde $e[1~
	home-7 $e[7~
	home-csi $e[H
	home-ss3 ${e}OH
	home-ctrl $e[1;5H
	end-tilde $e[4~
	end-8 $e[8~
	end-csi $e[F
	end-ss3 ${e}OF
	end-shift $e[1;2F
	insert $e[2~
	pgup $e[5~
	pgdn $e[6~
	pgup-ctrl $e[5;5~
	f1-tilde $e[11~
	f1-ss3 ${e}OP
	f1-shift $e[1;2P
	f1-linux $e[[A
	f2 ${e}OQ
	f3 $e[13~
	f4 ${e}OS
	f5 $e[15~
	f5-linux $e[[E
	f6 $e[17~
	f7 $e[18~
	f8 $e[19~
	f9 $e[20~
	f10 $e[21~
	f11 $e[23~
	f12 $e[24~
	f12-ctrl $e[24;5~
	ctrl-right $e[1;5C
	ctrl-left $e[1;5D
	alt-up $e[1;3A
	unknown $e[99~
	unknown-letter $e[1;5Z
	alt-x ${e}x
	alt-backspace $e$d
	alt-s-cedilla ${e}ş
	mouse-x10-press $e[M 5!
	mouse-x10-release $e[M#5!
	mouse-x10-wide $e[M 5ü
	mouse-sgr-press $e[<0;10;10M
	mouse-sgr-release $e[<0;10;10m
	osc-bel $e]11;rgb:0000/0000/0000$b
	osc-st $e]11;rgb:0000/0000/0000$e\\
	osc-title $e]2;1 2 3 q$b
	dcs ${e}P1\$r0m$e\\
	sos ${e}X r1 $e\\
	pm $e^privacy r1$e\\
	apc ${e}_Gi=1;OK$e\\
	osc-then-csi $e]11;rgb:1/2/3$e[99~
	LIST
}

# keys_on_question TERM: under xterm's description curses knows the
# mouse's reports as "ESC [ <", under screen's (tmux) as "ESC [ M"
keys_on_question() {
	rm -rf "$work/keys"
	start keys 80 24 "TERM=$1" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 3	# an answer to question 1, saved; then to question 2 (no answer) and back
	keys Right
	wait_for "Soru 2/32" || return 1
	keys Left
	wait_for "Soru 1/32" || return 1
	sleep 0.3
	cp "$state/kapasite.yaml" "$work/keys.before"
	key_list | while read -r name bytes; do
		raw "$bytes"
		case $name in
		f1-*) wait_for "Bu soru için yardım" || { echo "$name: no help"; exit 1; }
		     keys Escape; wait_for "Soru 1/32" || exit 1 ;;
		pgdn|ctrl-right) wait_for "Soru 2/32" || { echo "$name: not on"; exit 1; }
		     keys Left; wait_for "Soru 1/32" || exit 1 ;;
		pgup*|ctrl-left) sleep 0.3	# back from question 1 is the welcome: resume, go back
		     screen | grep -q "Soru 1/32" || { wait_for "Kuruluş (isteğe" || exit 1
			keys Enter; wait_for "Soru 2/32" || exit 1; keys Left; wait_for "Soru 1/32" || exit 1; } ;;
		esac
		sleep 0.1
		screen | grep -q "Soru 1/32" || { echo "$name: left question 1"; screen; exit 1; }
		case $name in
		home*) focus_text | grep -q '^› 1 ' || { echo "$name: focus not on 1"; screen; exit 1; } ;;
		end*) focus_text | grep -q '^› 5 ' || { echo "$name: focus not on 5"; screen; exit 1; } ;;
		esac
		cmp -s "$state/kapasite.yaml" "$work/keys.before" ||
			{ echo "$name changed the answers:"; diff "$work/keys.before" "$state/kapasite.yaml"; exit 1; }
	done || return 1
	# and Esc alone still answers at once: from the review back to the question
	keys r
	wait_for "Gözden geçirme" || return 1
	raw "$(printf '\033')"
	wait_for "Soru 1/32" || return 1
}
result "every key encoding, sent raw on a question, changes no answer" keys_on_question xterm-256color
result "every key encoding, sent raw on a question, changes no answer (TERM=screen)" keys_on_question screen

keys_in_note() {
	rm -rf "$work/note"
	start note 80 24 "TERM=xterm-256color" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 2 n
	wait_for "Bu soru için not" || return 1
	keys -l "abç"
	key_list | while read -r name bytes; do
		raw "$bytes"
		screen | grep -q "Bu soru için not" || { echo "$name closed the note editor"; screen; exit 1; }
	done || return 1
	keys End Enter
	wait_for "Not: abç" || return 1
	grep -q '^    note: "abç"$' "$state/kapasite.yaml" &&
	    grep -A1 '^  - question: 1$' "$state/kapasite.yaml" | grep -q 'choice: 2$' ||
		{ cat "$state/kapasite.yaml"; return 1; }
}
result "every key encoding, sent raw in the note editor, leaves the note as typed" keys_in_note

# Over SSH a key's bytes can come apart: an arrow whose "[D" follows its
# Esc 30 ms later is still an arrow, and the note being typed stays.
split_arrow_in_note() {
	rm -rf "$work/split"
	start split 80 24 "TERM=xterm-256color" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 2 n
	wait_for "Bu soru için not" || return 1
	keys -l "abç"
	# one process writes both parts into the pane (pipe-pane -I), so that
	# the gap is the 30 ms asked for and not a second tmux client's start,
	# which on a loaded machine can take longer than the wizard waits
	tm pipe-pane -I -t w "printf '\\033'; sleep 0.03; printf '[D'"
	sleep 0.3
	tm pipe-pane -t w
	screen | grep -q "Bu soru için not" || { echo "a split arrow closed the note editor"; screen; return 1; }
	keys -l "x"
	keys Enter
	wait_for "Not: abxç" || { screen; return 1; }
}
result "an arrow whose bytes come 30 ms apart moves in the note, and does not cancel it" split_arrow_in_note

# A paste with a line break: the whole text goes into the note, and no
# pasted character acts as a key; pasted on a question, it does nothing.
paste_is_text() {
	rm -rf "$work/paste"
	start paste 80 24 "TERM=xterm-256color" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 1 n
	wait_for "Bu soru için not" || return 1
	tm set-buffer "$(printf 'Toplantı notu\r\n3 kişi geldi, 5 gönüllü\tq')"
	tm paste-buffer -p -t w
	sleep 0.3
	screen | grep -q "Bu soru için not" || { echo "the paste closed the note editor"; screen; return 1; }
	keys Enter
	wait_for "Not: Toplantı" || return 1
	grep -q '^    note: "Toplantı notu 3 kişi geldi, 5 gönüllü q"$' "$state/kapasite.yaml" &&
	    [ "$(answers "$state/kapasite.yaml")" = 1 ] &&
	    grep -A1 '^  - question: 1$' "$state/kapasite.yaml" | grep -q 'choice: 1$' ||
		{ cat "$state/kapasite.yaml"; return 1; }
	cp "$state/kapasite.yaml" "$work/paste.before"
	tm set-buffer "3 g"
	tm paste-buffer -p -t w
	wait_for "Yapıştırılan metin" || return 1
	screen | grep -q "Soru 1/32" || { echo "the paste left the question"; screen; return 1; }
	cmp -s "$state/kapasite.yaml" "$work/paste.before" || { echo "a paste changed the answers"; return 1; }
}
# Two wizards on one session: the second is refused, and the first's
# answers stay as it saved them.
one_wizard_a_session() {
	rm -rf "$work/two"
	start two 80 24 "TERM=xterm-256color" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 4 Enter
	wait_for "Soru 2/32" || return 1
	cp "$state/kapasite.yaml" "$work/two.before"
	printf '2\nq\n' | env HOME="$work/two" XDG_STATE_HOME="$work/two/state" LC_ALL=C.UTF-8 \
	    "$bin" --content data/tr --ui=text >"$work/two.out" 2>&1
	rc=$?
	[ $rc = 1 ] && grep -q "hata: başka bir stok-assess'te açık" "$work/two.out" ||
		{ echo "the second wizard was not refused (status $rc):"; head -5 "$work/two.out"; return 1; }
	cmp -s "$state/kapasite.yaml" "$work/two.before" || { echo "the second wizard wrote"; return 1; }
	keys q
	wait_for "EXIT=0" || return 1
	grep -A1 '^  - question: 1$' "$state/kapasite.yaml" | grep -q 'choice: 4$' &&
	    [ ! -e "$state/kapasite.yaml.lock" ] || { ls -a "$state"; cat "$state/kapasite.yaml"; return 1; }
}
result "a second wizard on the same answers is refused, and the first's answers stay" one_wizard_a_session

# The key bar names the digits a question has: 1-3 for two choices and
# "not applicable", 1-9 0 for nine, where 0 chooses the tenth option.
choose_digits() {
	p=$work/digits-pack
	rm -rf "$p" "$work/digits"
	mkdir -p "$p/answers"
	printf 'id: rakam\ntitle: Rakamlar\nlanguage: tr\nversion: 1\nareas:\n  - id: a\n    title: Alan\n    questions:\n      - id: 1\n        text: Dokuz seçenekli soru\n        choices: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n      - id: 2\n        text: İki seçenekli soru\n        choices: [1, 2]\n' >"$p/assessment.yaml"
	for c in 1 2 3 4 5 6 7 8 9; do
		printf -- '---\ntitle: Seçenek %s\nquestion_id: 1\nchoice_id: %s\n---\nMetin.\n' $c $c >"$p/answers/q1-$c.md"
	done
	for c in 1 2; do
		printf -- '---\ntitle: Yanıt %s\nquestion_id: 2\nchoice_id: %s\n---\nMetin.\n' $c $c >"$p/answers/q2-$c.md"
	done
	start digits 80 24 "TERM=xterm-256color" "$bin --content '$p' --session '$work/digits/s.yaml'"
	wait_for "Başlayın" || wait_for "başlayın" || return 1
	keys Enter
	wait_for "Dokuz seçenekli" || return 1
	screen | tail -1 | grep -q '^1-9 0 seç' || { echo "not 1-9 0:"; screen | tail -1; return 1; }
	keys 0
	sleep 0.3
	grep -A1 '^  - question: 1$' "$work/digits/s.yaml" | grep -q 'choice: na$' ||
		{ echo "0 did not choose not applicable"; cat "$work/digits/s.yaml"; return 1; }
	keys Enter
	wait_for "İki seçenekli" || return 1
	screen | tail -1 | grep -q '^1-3 seç' || { echo "not 1-3:"; screen | tail -1; return 1; }
}
result "the key bar names the digits of each question, and 0 chooses a tenth option" choose_digits

# A note longer than the editor takes (written by hand, or by an older
# line mode) is never cut by opening it: the editor says so and stays shut.
long_note_kept() {
	rm -rf "$work/long"
	mkdir -p "$work/long"
	long=$(printf 'ğ%.0s' $(seq 1500))
	printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\nanswers:\n  - question: 1\n    choice: 2\n    note: "%s"\n' \
	    "$long" >"$work/long/s.yaml"
	start long 80 24 "TERM=xterm-256color" "$bin --content data/tr --session '$work/long/s.yaml'"
	wait_for "Kayıtlı oturuma devam" || return 1
	keys Enter
	wait_for "Soru 2/32" || return 1
	keys Left
	wait_for "Soru 1/32" || return 1
	keys n
	wait_for "olduğu gibi" || { echo "no word that the note is too long to edit"; screen; return 1; }
	keys Enter
	wait_for "Soru 2/32" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	grep -qF "    note: \"$long\"" "$work/long/s.yaml" || { echo "the note was changed"; head -c 600 "$work/long/s.yaml"; return 1; }
}
result "a note longer than the editor takes is kept whole when opened" long_note_kept

# A save that fails (here: the answers file became a folder) keeps the
# wizard open at q, says why, and a second q ends with status 1 and the
# truth, never "saved".
quit_when_saving_fails() {
	rm -rf "$work/rofs"
	mkdir -p "$work/rofs"
	start rofs 80 24 "TERM=xterm-256color" "$bin --content data/tr --session '$work/rofs/s.yaml'"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 2 Enter
	wait_for "Soru 2/32" || return 1
	rm "$work/rofs/s.yaml" && mkdir -p "$work/rofs/s.yaml/x"
	keys 3
	wait_for "kaydedilemedi" || { echo "no word of the failed save"; screen; return 1; }
	keys q
	wait_for "yeniden q" || { echo "q did not say the answers cannot be saved"; screen; return 1; }
	screen | grep -q "EXIT=" && { echo "q quit although the answers were not saved"; return 1; }
	keys q
	wait_for "EXIT=1" || { screen; return 1; }
	screen | grep -q "KAYDEDİLEMEDİ" || { echo "the last words do not say the save failed"; screen; return 1; }
	! screen | grep -q "dosyasına kaydedildi" || { echo "it said the answers were saved"; screen; return 1; }
}
result "when the answers cannot be saved, q says so and stays; a second q quits with status 1" quit_when_saving_fails

result "a paste is text: a line break in it does not end the note, and on a question it changes nothing" paste_is_text

# Ctrl-Z, then fg in a shell that turns bracketed paste off for itself
# (bash): back in the wizard, a paste is still text, not keys.
paste_after_fg() {
	rm -rf "$work/fg"
	start fg 80 24 "TERM=xterm-256color PS1='\$ '" "bash --norc --noprofile -i"
	wait_for '$' || return 1
	keys "$bin --content data/tr" Enter
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys 1 n
	wait_for "Bu soru için not" || return 1
	keys C-z
	wait_for "Stopped" || return 1
	keys fg Enter
	wait_for "Bu soru için not" || return 1
	tm set-buffer "$(printf 'Toplantı notu\r\n3 kişi geldi, 5 gönüllü')"
	tm paste-buffer -p -t w
	sleep 0.3
	screen | grep -q "Bu soru için not" || { echo "the paste closed the note editor"; screen; return 1; }
	keys Enter
	wait_for "Not: Toplantı" || return 1
	grep -q '^    note: "Toplantı notu 3 kişi geldi, 5 gönüllü"$' "$state/kapasite.yaml" &&
	    grep -A1 '^  - question: 1$' "$state/kapasite.yaml" | grep -q 'choice: 1$' ||
		{ cat "$state/kapasite.yaml"; return 1; }
}
result "after Ctrl-Z and fg, a paste is still text: its line break does not end the note" paste_after_fg

note_edited_in_the_middle() {
	rm -rf "$work/mid"
	start mid 80 24 "TERM=xterm-256color" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	keys n
	wait_for "Bu soru için not" || return 1
	keys -l "Kurul ayda bir"
	raw "$(printf '\033[1~')"	# Home
	keys Right Right Right Right Right
	keys -l "lar"	# Kurullar
	keys C-e Left Left Left
	keys -l "ış "	# ayda ış bir
	keys C-a
	raw "$(printf '\033[3~')"	# Delete: the K
	keys -l "Ğ"
	keys End BSpace
	keys Enter
	wait_for "Not:" || return 1
	grep -q '^    note: "Ğurullar ayda ış bi"$' "$state/kapasite.yaml" || { cat "$state/kapasite.yaml"; return 1; }
	screen | grep -q "Not: Ğurullar ayda ış bi" || { echo "the note is not shown under the choices"; screen; return 1; }
}
result "a note with Turkish letters is edited in the middle" note_edited_in_the_middle

# --- 3. Every way is visible --------------------------------------------------

keybar_and_help() {
	rm -rf "$work/bar"
	start bar 80 24 "" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	screen | tail -1 | grep -q "←→ geri, ileri" || { echo "no way back in the key bar:"; screen | tail -1; return 1; }
	keys h
	wait_for "Tuşlar" || return 1
	tm resize-window -t w -x 80 -y 200	# the whole help at once, laid out at 80 columns
	sleep 0.5
	screen | sed '1,2d' | head -n -2 >"$work/help"
	# within each screen's section, each help text once
	awk 'NF == 0 { delete seen; next } /^  / { t = $0; sub(/^  [^ ]+( [^ ]+)*  +/, "", t);
	     if (t != "" && seen[t]++) { print "twice: " $0; bad = 1 } } END { exit bad }' "$work/help" ||
		return 1
	grep -q "Enter Space" "$work/help" || { echo "Enter and Space are not one action"; return 1; }
}
result "the key bar shows back and next, the help lists each action once" keybar_and_help

resume_finished_opens_results() {
	complete_session "$work/fin"
	start fin 80 24 "" "$bin --content data/tr"
	wait_for "32 yanıt" || return 1
	keys Enter
	wait_for "Sonuçlar" || return 1
	screen | grep -q "Soru 1/32" && { screen; return 1; }
	keys r
	wait_for "Gözden geçirme" || return 1
	keys Escape
	wait_for "Sonuçlar" || return 1
	screen | grep -q "yanıtlanmadı" && { echo "the review's legend is on the results"; return 1; }
	return 0
}
result "a finished assessment resumes on its results; Esc from the review returns there" \
    resume_finished_opens_results

small_terminal_markers() {
	rm -rf "$work/small"
	start small 60 16 "" "$bin --content data/tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	keys Enter
	wait_for "Soru 1/32" || return 1
	screen | sed -n 4p | grep -q "^Yönetim kurulunuz" || { echo "the question does not start at its first line"; screen; return 1; }
	screen | grep -q "↓ devamı var" || { echo "no marker for the choices below"; screen; return 1; }
	# the way back stays in the key bar at 60 columns too
	screen | tail -1 | grep -q "←→ geri, ileri" || { echo "no way back in the key bar:"; screen | tail -1; return 1; }
	keys End
	wait_for "↑ devamı var" || return 1
	screen | sed -n 4p | grep -q "^Yönetim kurulunuz" || { screen; return 1; }
}
result "at 60x16 the question starts at its first line, hidden choices are marked, back is in the key bar" \
    small_terminal_markers

export_full_path() {
	complete_session "$work/exp"
	mkdir -p "$work/exp/out"
	echo "keep me" >"$work/exp/out/rapor.txt"
	start exp 80 24 "" "cd '$work/exp/out' && $bin --content '$top/data/tr'"
	wait_for "32 yanıt" || return 1
	keys Enter
	wait_for "Sonuçlar" || return 1
	keys e
	sleep 0.2
	keys 1
	sleep 0.2
	keys C-u "rapor.txt" Enter
	wait_for "Üzerine yazılsın mı? (e/h)" || return 1
	keys h
	sleep 0.3
	keys e
	sleep 0.2
	keys 1
	# the proposed name keeps the organisation's words, in ASCII
	wait_for "yesil-isik-dernegi-" || return 1
	keys Escape
	wait_gone "yesil-isik-dernegi-" || return 1
	[ "$(cat "$work/exp/out/rapor.txt")" = "keep me" ] || { echo "overwritten"; return 1; }
	keys e
	sleep 0.2
	keys 1
	sleep 0.2
	keys C-u "yeni.txt" Enter
	wait_for "$work/exp/out/yeni.txt" || return 1
	[ -s "$work/exp/out/yeni.txt" ]
}
result "an export shows its full path and asks before overwriting" export_full_path

# --- 4. One language on screen -------------------------------------------------

server_locale_turkish() {
	rm -rf "$work/ssh"
	start ssh 80 24 "LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8" "$bin --lang tr"
	wait_for "Değerlendirmeye başlayın" || return 1
	screen | tail -1 | grep -q "çık" || { screen | tail -1; return 1; }
	keys Enter
	wait_for "Soru 1/32" || return 1
}
result "LC_ALL=en_US.UTF-8 --lang tr speaks Turkish" server_locale_turkish

# English catalogue fragments (three letters or more, split at format
# directives), as whole words, in a captured screen.
english_fragments() {
	sed -n 's/^msgid "\(.*\)"$/\1/p; s/^msgid_plural "\(.*\)"$/\1/p' "$top/po/stok-assess.pot" |
	    sed 's/%[0-9.]*[a-z]*[sdu%]/\n/g; s/\\n/\n/g; s/\\"/"/g' |
	    sed 's/^[[:space:][:punct:]]*//; s/[[:space:][:punct:]]*$//' |
	    grep -E '[A-Za-z]{3}|y/n' | sort -u
}

# walk LANG PACK: every screen of the wizard, each capture appended to $work/walk.$1
walk() {
	out=$work/walk.$1
	: >"$out"
	complete_session "$work/walk$1"
	cap() { sleep 0.3; screen >>"$out"; }
	start "walk$1" 80 24 "LC_ALL=en_US.UTF-8" "$bin --lang $1"
	sleep 1; cap	# welcome
	keys Down; keys Enter; cap	# start over? (asked)
	keys Escape; keys Down Enter; cap	# organisation
	keys Escape; keys h; cap; keys q
	keys Up Up; keys Enter; cap	# results
	keys PgDn; cap; keys End; cap
	keys e; cap; keys 1; cap; keys Escape
	keys r; cap	# review
	keys Enter; cap	# question
	keys n; cap; keys Escape
	keys g; cap; keys q
	keys '?'; cap; keys q
	keys Left; cap	# welcome or area end
	keys Right Right Right Right; cap	# area end
	resize 40 12; cap; resize 80 24
	keys q
	sleep 0.5; cap
	# line mode, interactive
	start "walk$1" 80 24 "LC_ALL=en_US.UTF-8" "$bin --lang $1 --ui=text"
	sleep 1; cap
	keys Enter Enter Enter; sleep 0.3; keys g Enter; keys '?' Enter; keys n Enter; keys Enter; keys x Enter
	keys q Enter
	sleep 0.5; cap
}
resize() { tm resize-window -t w -x "$1" -y "$2"; sleep 0.3; }

no_english() {	# no_english LANG
	walk "$1"
	english_fragments >"$work/fragments"
	[ "$(wc -l <"$work/fragments")" -gt 50 ] || { echo "too few fragments"; return 1; }
	# links, and the shell's own words before the wizard (its warning that
	# en_US.UTF-8 is not installed, where it is not)
	grep -v -e "://" -e "^bash: " "$work/walk.$1" >"$work/walk.$1.t"; mv "$work/walk.$1.t" "$work/walk.$1"
	grep -Fw -f "$work/fragments" "$work/walk.$1" >"$work/found.lines"
	grep -Fwo -f "$work/fragments" "$work/walk.$1" | sort | uniq -c | sort -rn >"$work/found"
	cat "$work/found.lines"
	[ ! -s "$work/found" ] || { echo "English on the screens:"; cat "$work/found"; return 1; }
	# and the walk did see the screens
	[ "$(wc -l <"$work/walk.$1")" -gt 300 ]
}
result "no English word on any Turkish screen" no_english tr
result "no English word on any Finnish screen" no_english fi

# speaks WORDS ENV... -- ARGS...: line mode's welcome has WORDS (in that environment)
speaks() {
	words=$1
	shift
	rm -rf "$work/speak"
	mkdir -p "$work/speak"
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG HOME="$work/speak" \
	    XDG_STATE_HOME="$work/speak" "$@" </dev/null >"$work/speak.out" 2>&1
	grep -qF "$words" "$work/speak.out" && return 0
	echo "\"$words\" is not in:"
	head -12 "$work/speak.out"
	return 1
}
tr_saved="dosyasına kaydedilir"
result "the locale decides alike: LC_MESSAGES=C.UTF-8 gives the pack's language" \
    speaks "$tr_saved" LC_MESSAGES=C.UTF-8 "$bin" --ui=text --content data/tr
result "the locale decides alike: LANG=C.UTF-8 gives the pack's language" \
    speaks "$tr_saved" LANG=C.UTF-8 "$bin" --ui=text --content data/tr
result "the locale decides alike: LC_ALL=C.UTF-8 gives the pack's language" \
    speaks "$tr_saved" LC_ALL=C.UTF-8 "$bin" --ui=text --content data/tr
result "line mode: LC_ALL=en_US.UTF-8 --lang tr speaks Turkish" \
    speaks "$tr_saved" LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8 "$bin" --ui=text --lang tr
result "line mode: LANGUAGE=fi --lang tr speaks Turkish" \
    speaks "$tr_saved" LANGUAGE=fi LC_ALL=C.UTF-8 "$bin" --ui=text --lang tr
result "line mode: LC_ALL=en_US.UTF-8 alone gives the English pack in English" \
    speaks "Your answers are saved in" LC_ALL=en_US.UTF-8 "$bin" --ui=text

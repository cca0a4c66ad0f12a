#!/bin/sh
# The workshop as a trainer runs it on a projector: the real binary in
# tmux at 80x24 and at 60x16. After every key the option that Enter would
# save is on the screen; counts typed with spaces, commas or semicolons;
# anything else refused on the screen; bars scaled to the largest count
# with the count, the share and the total as text; a vote corrected before
# it is agreed; the agreed answer shown as such. Prints PASS:/FAIL:/SKIP:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: workshop end-to-end tests (tmux is not installed)"
	exit 0
fi
work=$(mktemp -d)
suite=workshop
. "$top/tests/lib.sh"
plain_paths
sock=$work/tmux.sock
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT
tm_server

# pane NAME COLS LINES ENV ARGS: a fresh home and stok-assess ARGS in a COLSxLINES pane
pane() {
	home=$work/$1
	rm -rf "$home"
	mkdir -p "$home/state"
	tm kill-session -t w 2>/dev/null
	tm new-session -d -s w -x "$2" -y "$3" \
	    "cd '$top' && export HOME='$home' XDG_STATE_HOME='$home/state' LC_ALL=C.UTF-8 $4; $bin $5; echo \"EXIT=\$?\"; sleep 30"
	tm set-option -t w remain-on-exit on >/dev/null
}

# start NAME COLS LINES [OPTION]: a workshop on data/tr, in English, at its first vote
start() {
	pane "$1" "$2" "$3" "LANGUAGE=en LC_MESSAGES=" "--workshop ${4:-} --content data/tr"
	wait_for "Örgütsel Kapasite" && keys Enter && wait_for "How many chose each option?"
}
saved() { cat "$home/state/stok-assess/kapasite.yaml"; }
# focus_shown N: the focused option N is on the screen with its marker
focus_shown() {
	sleep 0.15
	screen | grep -q "^ *› $1 (•)" || { echo "option $1 is not on the screen:"; screen | sed 's/^/    | /'; return 1; }
}

# The room's votes on question 3 put the most chosen last ("not applicable"),
# then every move up and down keeps the focused option in view.
all_in_view() {	# all_in_view COLS LINES
	start view "$1" "$2" || return 1
	keys Right; sleep 0.1; keys Right
	wait_for "Question 3/32" || return 1
	keys "1 2 3 4 5" Enter
	focus_shown 5 || return 1
	for k in 4 3 2 1; do keys Up; focus_shown $k || return 1; done
	for k in 2 3 4 5 5; do keys Down; focus_shown $k || return 1; done
	keys 2; focus_shown 2 || return 1
	keys 5; focus_shown 5 || return 1
	keys Enter
	wait_for "Question 4/32" || return 1
	saved | grep -A1 'question: 3$' | grep -q 'choice: na' || { saved; return 1; }
}
result "80x24: the focused and proposed option is always on the screen" all_in_view 80 24
result "60x16: the focused and proposed option is always on the screen" all_in_view 60 16

votes_right() {	# the count of votes ends two columns from the right, in every language
	for lang in en fi tr; do
		pane "right-$lang" 80 24 "" "--workshop --lang $lang --content data/tr"
		wait_for "Örgütsel Kapasite" || return 1
		keys Enter
		wait_for "1/32" || return 1
		keys "3 5 2 0 1" Enter
		sleep 0.3
		screen | head -1 | python3 -c '
import sys, unicodedata
line = sys.stdin.read().rstrip("\n").rstrip(" ")
width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
sys.exit(0 if width == 78 and line.endswith(": 11") else "ends at column %d: %r" % (width, line))' ||
		    return 1
	done
}
result "the count of votes stands at the right edge in en, fi and tr" votes_right

vote_bar_main_keys() {	# the vote's bar names typing the counts and confirming, at every size
	for lang in en fi tr; do
		for size in "60 18" "80 24"; do
			set -- $size
			pane "votebar-$lang" "$1" "$2" "" "--workshop --lang $lang --content data/tr"
			wait_for "Örgütsel Kapasite" || return 1
			keys Enter
			wait_for "1/32" || return 1
			screen | tail -1 | grep -q "0-9 .*  Enter " ||
			    { echo "$lang $1x$2: $(screen | tail -1)"; return 1; }
		done
	done
}
result "the vote's key bar keeps 0-9 and Enter in en, fi and tr at 60x18 and 80x24" vote_bar_main_keys

rows_shared() {	# with the counts shown, the free rows go to the options that need them
	start shared 80 24 || return 1
	keys Right
	wait_for "Question 2/32" || return 1
	keys "3 5 2 0 1" Enter
	wait_for "The agreed answer" || return 1
	screen | grep -q "erişebileceği bir yerde tutuyoruz\." &&
	    screen | grep -q "herkes işi kendi bildiği gibi yapıyor\." &&
	    ! screen | grep -q "…" || { screen; return 1; }
}
result "80x24: the options are whole when the free rows allow" rows_shared

ctrl_u() {	# Ctrl-U clears the counts being typed, as in every text field
	start ctrlu 80 24 || return 1
	keys "3 5 2 0 0"
	sleep 0.1
	keys C-u
	keys "3,6,2,0,0"
	wait_for "How many chose each option? 3,6,2,0,0" || return 1
	! screen | grep -q "0 03,6" || { screen; return 1; }
}
result "Ctrl-U clears the counts being typed" ctrl_u

separators() {	# one count per option, whatever the separator
	start sep 80 24 || return 1
	keys "3,5;2 0, 1" Enter
	wait_for "Votes: 11" || return 1
	focus_shown 2 || return 1
	keys Enter
	wait_for "Question 2/32" || return 1
	keys "4;4;4;4;4" Enter
	wait_for "Votes: 20" || return 1
	keys Enter
	wait_for "Question 3/32" || return 1
	saved | grep -A3 'question: 1$' | grep -q 'votes: \[3, 5, 2, 0, 1\]' &&
	saved | grep -A3 'question: 2$' | grep -q 'votes: \[4, 4, 4, 4, 4\]' || { saved; return 1; }
}
result "counts typed with spaces, commas and semicolons" separators

refused() {	# a letter is refused on the screen and never reaches the counts
	start refused 80 24 || return 1
	keys "3 x"
	wait_for "Only numbers, separated by spaces, commas or semicolons" || return 1
	keys 5
	sleep 0.15
	screen | grep -q "How many chose each option? 3 5$" || { screen; return 1; }
	keys "7 8 9 1 2 3" Enter
	wait_for "Type one count per option, 5 at most" || return 1
	# Enter with nothing typed says what to type (it said nothing)
	keys C-u
	wait_gone "Type one count per option" || return 1
	keys Enter
	wait_for "Type one count per option, 5 at most" || return 1
	keys "1 2 3 4 5 6" Enter	# six counts for five options, the last ending the line
	wait_for "Type one count per option, 5 at most" || return 1
	! screen | grep -q "Votes:" || { echo "six counts were taken:"; screen; return 1; }
}
result "anything but numbers and separators, and Enter alone, is refused with a message" refused

# A count over the largest accepted (100000) is refused as such: it was
# told to type one count per option, which it had. In every language.
too_large() {
	start large 80 24 || return 1
	for counts in "99999999999999999999,1" "100001 2" "2 3 1000000"; do
		keys C-u "$counts" Enter
		wait_for "A count may be at most 100000." || { echo "$counts"; return 1; }
		! screen | grep -q "Type one count per option" || { echo "$counts"; screen; return 1; }
		keys C-u
		wait_gone "A count may be at most" || return 1
	done
	keys "100000 0 0 0 0" Enter	# the largest itself is taken
	wait_for "Votes: 100000" || return 1
	for lang_text in "tr:Her sayı en çok 100000 olabilir." "fi:Määrä voi olla enintään 100000."; do
		pane "large-${lang_text%%:*}" 80 24 "" "--workshop --lang ${lang_text%%:*} --content data/tr"
		wait_for "Örgütsel Kapasite" && keys Enter && wait_for "1/32" || return 1
		keys "1 100001" Enter
		wait_for "${lang_text#*:}" || return 1
	done
}
result "a count over 100000 is refused with the largest count accepted, in en, tr and fi" too_large

scaled() {	# 12 and 30 votes get bars of different lengths; share and total as text
	start scaled 80 24 || return 1
	keys "12 30 0 6 0" Enter
	wait_for "Votes: 48" || return 1
	b12=$(screen | grep '^ *1 ( )' | tr -cd '█' | wc -m)
	b30=$(screen | grep '^ *› 2 (•)' | tr -cd '█' | wc -m)
	b6=$(screen | grep '^ *4 ( )' | tr -cd '█' | wc -m)
	[ "$b30" -gt "$b12" ] && [ "$b12" -gt "$b6" ] && [ "$b6" -gt 0 ] ||
		{ echo "bars 12:$b12 30:$b30 6:$b6"; screen; return 1; }
	screen | grep -q '  30  63%$' && screen | grep -q '  12  25%$' || { screen; return 1; }
}
result "bars scale to the largest count, with count, share and total" scaled

# The largest count accepted (100000) stands whole with its share, on the
# screen and with --big: its six digits cut the share to "10…".
largest_count() {
	for big in "" --big; do
		start "largest$big" 80 24 $big || return 1
		keys "100000;1; 2,,3" Enter
		wait_for "Votes: 100006" || return 1
		screen | grep -q ' 100000 100%$' || { echo "80x24${big:+ $big}:"; screen; return 1; }
	done
	pane largest60 60 16 "" "--workshop --lang tr --content data/tr"
	wait_for "Örgütsel Kapasite" && keys Enter && wait_for "1/32" || return 1
	keys "100000 99999 99999 99999 99999" Enter
	wait_for "499996" || return 1
	screen | grep -q ' 100000  %20$' && [ "$(screen | grep -c ' 99999  %20$')" = 4 ] ||
	    { echo "60x16 tr:"; screen; return 1; }
}
result "the largest count accepted shows whole with its share, at 80x24, with --big and at 60x16" largest_count

corrected() {	# Backspace goes back to the counts; the corrected vote is saved
	start corrected 80 24 || return 1
	keys "1 2 0 0 0" Enter
	wait_for "Votes: 3" || return 1
	keys BSpace
	wait_for "How many chose each option? 1 2 0 0 0" || return 1
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace "4 2 0 0 0" Enter
	wait_for "Votes: 6" || return 1
	focus_shown 1 || return 1
	keys Enter
	wait_for "Question 2/32" || return 1
	saved | grep -A3 'question: 1$' | grep -q 'votes: \[4, 2, 0, 0, 0\]' || { saved; return 1; }
	keys Left
	wait_for "Agreed. Enter keeps it" || return 1
	focus_shown 1 || return 1
	keys BSpace	# an agreed vote's counts come back to be corrected, not typed anew
	wait_for "How many chose each option? 4 2 0 0 0" || return 1
}
result "a vote corrected before it is agreed; the agreed answer shown as such; Backspace brings its counts back" corrected

keybar_whole() {	# at 60 columns in Finnish the key bar ends with quitting, whole
	pane keybar60 60 16 "" "--workshop --lang fi --content data/fi"
	wait_for "Aloita" || return 1
	keys Enter
	sleep 0.5
	screen | tail -1 | grep -q 'q lopeta$' || { echo "the key bar is cut:"; screen | tail -1; return 1; }
}
result "the vote screen's key bar at 60 columns in Finnish ends with q and its word" keybar_whole

agreed_hint_whole() {	# the hint on how to correct agreed counts is read whole at 80x24
	pane hint80 80 24 "" "--workshop --lang fi --content data/fi"
	wait_for "Aloita" || return 1
	keys Enter
	wait_for "Montako" || return 1
	keys "1 1 1 1 1" Enter
	sleep 0.3
	keys Enter
	sleep 0.3
	keys Left
	wait_for "Sovittu" || return 1
	screen | grep -q "korjaamaan äänimääriä\.$" || { echo "the hint is cut:"; screen | tail -5; return 1; }
}
result "the agreed answer's hint is whole at 80 columns in Finnish" agreed_hint_whole

shares_add_up() {	# the shares shown add up to 100 % (3 5 2 1 of 11 rounded alone give 99)
	for big in "" --big; do
		start "shares$big" 100 30 $big || return 1
		keys "3 5 2 1 0" Enter
		wait_for "Votes: 11" || return 1
		sum=$(screen | grep -o '[0-9]\{1,3\}%' | tr -d % | awk '{ s += $1 } END { print s }')
		[ "$sum" = 100 ] || { echo "the shares add up to $sum${big:+ with $big}"; screen; return 1; }
		screen | grep -q ' 46%' || { echo "not 46 % for 5 of 11"; screen; return 1; }
	done
}
result "a vote's shares add up to 100 %, on the screen and with --big" shares_add_up

# A share is written as the interface's language writes a percentage: %50
# in Turkish, 50 % in Finnish (both showed 50%), on the screen and with --big.
share_in_language() {
	for lang_share in "en:50%" "tr:%50" "fi:50 %"; do
		lang=${lang_share%%:*} share=${lang_share#*:}
		for big in "" --big; do
			pane "share-$lang$big" 80 24 "" "--workshop $big --lang $lang --content data/tr"
			wait_for "Örgütsel Kapasite" && keys Enter && wait_for "1/32" || return 1
			keys "3 5 2" Enter
			wait_for ": 10" || return 1
			screen | grep -q " 5 \{1,2\}$share\$" ||
			    { echo "$lang${big:+ $big}: not $share"; screen; return 1; }
		done
	done
}
result "a share is written as the interface's language writes a percentage" share_in_language

# Counts typed and not yet confirmed are kept when an arrow leaves the
# question, as Enter keeps them (they were dropped without a word).
kept_on_move() {
	start kept 80 24 || return 1
	keys "3 5 2"
	keys Right
	wait_for "Question 2/32" || return 1
	keys Left
	wait_for "Votes: 10" || return 1
	screen | grep -q ' 5  50%$' || { screen; return 1; }
}
result "counts typed stay with their question when an arrow leaves it" kept_on_move

# q with counts typed and not yet confirmed says so and stays, as it does
# for counts confirmed and not agreed on (they were dropped without a word).
typed_then_quit() {
	start typedq 80 24 || return 1
	keys "3 5 2"
	keys q
	wait_for "not agreed on yet" || return 1
	keys Enter	# the counts are still there, and count
	wait_for "Votes: 10" || return 1
	keys q
	wait_for "not agreed on yet" || return 1
	keys q
	wait_for "EXIT=0" || return 1
	! saved 2>/dev/null | grep -q 'question: 1$'
}
result "q with counts typed and not confirmed warns first, as with counts not agreed" typed_then_quit

# A room where nobody voted has nothing to agree on: no answer is saved.
nobody_voted() {
	start nobody 80 24 || return 1
	keys "0 0 0 0 0" Enter
	wait_for "Nobody voted" || return 1
	screen | grep -q "How many chose each option?" || { screen; return 1; }
	keys Enter
	sleep 0.3
	! saved 2>/dev/null | grep -q 'question: 1$'
}
result "a vote of nobody is refused, and saves nothing" nobody_voted

# The example in that message stays on one line where the message wraps:
# in Finnish at 80 columns it broke between "3 5 2" and "0.".
example_whole() {
	pane example 80 24 "LANGUAGE=fi LC_MESSAGES=" "--workshop --content data/tr"
	wait_for "Örgütsel Kapasite" && keys Enter && wait_for "Montako valitsi" || return 1
	keys "0 0 0 0 0" Enter
	wait_for "Kukaan ei äänestänyt" || return 1
	screen | grep -q '3.5.2.0\.$' || { screen; return 1; }
}
result "the example of a message that wraps stays on one line (fi, 80 columns)" example_whole

# n on the vote screen writes the room's note, as on a question (it did nothing).
note_in_vote() {
	start note 80 24 || return 1
	keys "3 5"
	keys n
	wait_for "Note for this question" || return 1
	keys -l "Oda: şğıİ"
	keys Enter
	i=0	# the note's line gone: Enter was taken (the counts show under it too)
	while screen | grep -q "Note for this question"; do
		i=$((i + 1)); [ $i -gt 50 ] && { screen; return 1; }; sleep 0.1
	done
	wait_for "Votes: 8" || return 1	# the counts typed, counted
	saved | grep -q 'note: "Oda: şğıİ"' || { saved; return 1; }
}
result "n on the vote screen writes the room's note, the counts typed kept" note_in_vote

# The room's note is shown on the vote screen, as the question shows it,
# on one row cut with an ellipsis (once written it was seen only in the
# report); the next question has none.
note_shown() {
	start noteshown 80 24 || return 1
	keys n
	wait_for "Note for this question" || return 1
	keys -l "Oda: şğıİ, a note long enough to run past the end of its row at eighty columns"
	keys Enter
	wait_for "Note: Oda: şğıİ" || return 1
	screen | grep -q '^  Note: Oda: şğıİ, a note long.*…$' || { screen; return 1; }
	screen | grep -q "How many chose each option?" || { screen; return 1; }
	keys Right
	wait_for "Question 2/32" || return 1
	! screen | grep -q "Note:" || { screen; return 1; }
}
result "the room's note shows on the vote screen, cut to its row" note_shown

big() {	# big COLS LINES: the distribution alone, the place beside the votes; the focus always on the screen
	start "big$1" "$1" "$2" --big || return 1
	keys "12 30 0 6 1" Enter
	wait_for "Votes: 49" || return 1
	focus_shown 2 || return 1
	# the question's place only beside the votes, where the room sees where it is as it moves
	screen | head -1 | grep -q 'Question 1/32' && { echo "--big shows more than the question"; return 1; }
	screen | grep -q '^  Votes: 49   Question 1/32' || { echo "no place beside the votes:"; screen; return 1; }
	screen | grep -q ' 30 61%$' || { screen; return 1; }
	for k in 3 4 5; do keys Down; focus_shown $k || return 1; done
	keys Enter
	wait_for "Question 2/32" || return 1
	saved | grep -A3 'question: 1$' | grep -q 'choice: na' || { saved; return 1; }
}
result "--big at 80x24: the question and the distribution, large" big 80 24
result "--big at 60x16: the question and the distribution, large" big 60 16

# The rows --big has left over go to the labels a row cuts, first to last
# (at 80x24 three rows stayed empty under labels cut with an ellipsis).
big_labels() {
	start biglabels 80 24 --big || return 1
	keys "3 5 2 0 1" Enter
	wait_for "Votes: 11" || return 1
	screen | grep -q '^          ve işleri birkaç kişi kendi başına yürütüyor\.$' || { screen; return 1; }
	screen | grep -q '^          yazılı değil ve kararlar çoğu zaman hazırlıksız alınıyor\.$' ||
	    { screen; return 1; }
}
result "--big gives the rows it has left to the labels a row cuts (80x24)" big_labels

# At 60x16 the question's three rows left no row for the options' words:
# bars and numbers alone, and four empty rows. The question gives up rows
# (cut with an ellipsis) until each option has its label row.
big_small() {
	start bigsmall 60 16 --big || return 1
	keys "3 0 5 1 9" Enter
	wait_for "Votes: 18" || return 1
	for k in 1 2 3 4; do
		screen | grep -q "^    $k ( ) Yönetim kurulumuz" || { echo "option $k has no words:"; screen; return 1; }
	done
	screen | grep -q '^  › 5 (•) Not applicable to us$' || { screen; return 1; }
	screen | head -1 | grep -q '…$' || { echo "the question is not marked as cut:"; screen; return 1; }
}
result "--big at 60x16 gives each option its label row before the question its third" big_small

big_alone() {
	"$bin" --big >"$work/big.out" 2>&1
	[ $? = 2 ] && grep -q -- '--big goes with --workshop' "$work/big.out" || { cat "$work/big.out"; return 1; }
}
result "--big without --workshop is a usage error" big_alone

record_bar() {	# the room's record names Enter and ← in its key bar, at 80 columns, in tr and fi
	for lang_keys in "tr:Enter sonuçlar  " "fi:Enter tulokset  "; do
		lang=${lang_keys%%:*}
		pane "bar-$lang" 80 24 "" "--workshop --lang $lang --content tests/content/base"
		wait_for "Deneme" || return 1
		keys Enter
		for counts in "1 0 0 5 0" "3 3 0 0"; do
			sleep 0.4
			keys "$counts" Enter
			sleep 0.4
			keys Enter
			sleep 0.4
			keys 2 Enter
		done
		sleep 0.5
		screen | tail -1 | grep -qF "${lang_keys#*:}" && screen | tail -1 | grep -qF "← " ||
		    { echo "--lang $lang:"; screen; return 1; }
	done
}
result "the room's record names Enter and ← in its key bar, in tr and fi" record_bar

agree_bar() {	# once counted, the bar names the digits that choose the agreed answer; Home and End move
	pane agreebar 80 24 "LANGUAGE=en" "--workshop --content tests/content/base"
	wait_for "Deneme" || return 1
	keys Enter
	wait_for "How many chose" || return 1
	screen | tail -1 | grep -q "0-9 type the counts" || { echo "counting:"; screen; return 1; }
	keys "1 0 0 5 0" Enter
	wait_for "Votes: 6" || return 1
	screen | tail -1 | grep -q "1-5 choose  Enter agree" &&
	    ! screen | tail -1 | grep -q "type the counts" || { echo "agreeing:"; screen; return 1; }
	screen | grep -q "^ *› 4 " || { echo "the most voted is not proposed:"; screen; return 1; }
	keys Home
	sleep 0.2
	screen | grep -q "^ *› 1 " || { echo "Home:"; screen; return 1; }
	keys End
	sleep 0.2
	screen | grep -q "^ *› 5 " || { echo "End:"; screen; return 1; }
	keys BSpace
	wait_for "How many chose each option? 1 0 0 5 0" || return 1
	screen | tail -1 | grep -q "0-9 type the counts" || { echo "counting again:"; screen; return 1; }
}
result "once the votes are counted, the bar says digits choose the agreed answer; Home and End move" agree_bar

record() {	# the room's record: the disagreements, a mark saved, then the results
	pane record 80 24 "LANGUAGE=en" "--workshop --content tests/content/base"
	wait_for "Deneme" || return 1
	keys Enter
	wait_for "How many chose" || return 1
	keys "1 0 0 5 0" Enter
	wait_for "Votes: 6" || return 1
	keys 1 Enter	# the room agrees on 1, not on the most voted 4
	wait_for "end of this area" || return 1
	keys 2 Enter
	wait_for "How many chose" || return 1
	keys "3 3 0 0" Enter
	wait_for "Votes: 6" || return 1
	keys Enter
	wait_for "end of this area" || return 1
	keys 2 Enter
	wait_for "The room's record" || return 1
	screen | grep -q '\[ \] 1. Question 8 (levels 1 to 4)' &&
	    screen | grep -q '\[ \] 2. Question 11 (levels 1 to 2)' || { screen; return 1; }
	keys Space
	wait_for "[x] 1. Question 8" || return 1
	f=$home/state/stok-assess/deneme.yaml
	grep -A5 'question: 8$' "$f" | grep -q 'changed: true' &&
	    grep -A5 'question: 8$' "$f" | grep -q 'followup: true' &&
	    ! grep -A4 'question: 11$' "$f" | grep -q -e changed -e followup || { cat "$f"; return 1; }
	keys Enter
	wait_for "Özet" || return 1
	# the mark reaches the report, in the pack's language
	"$bin" report --width 1000 --content tests/content/base "$f" | grep -q "Soru 8: .* (yeniden ele alınacak)" ||
	    { "$bin" report --content tests/content/base "$f"; return 1; }
}
result "the room's record: disagreements listed, a follow-up mark saved" record

# A workshop's answers file of data/tr, every question voted by six: the
# first six split 3 against 3 (the room's record lists them), the rest agreed.
split_session() {	# split_session FILE
	python3 - "$1" <<'PY'
import sys
o = open(sys.argv[1], 'w')
o.write('pack: "kapasite"\nversion: 1\nlanguage: "tr"\nanswers:\n')
for q in range(1, 33):
    v = [3, 0, 0, 3, 0] if q <= 6 else [0, 6, 0, 0, 0]
    o.write('  - question: %d\n    choice: %d\n    votes: [%s]\n' % (q, 1 if q <= 6 else 2,
            ', '.join(map(str, v))))
PY
}

record_small() {	# the room's record at 64x20: the focus always seen, Space marks the one seen
	split_session "$work/recsmall.yaml"
	pane recsmall 64 20 "LANGUAGE=en LC_MESSAGES=" "--workshop --content data/tr --session $work/recsmall.yaml"
	wait_for "32 answers" || return 1
	keys Enter	# the saved session: on its results
	wait_for "Results" || return 1
	keys Left	# the last area's end
	wait_for "end of this area" || return 1
	keys Enter
	wait_for "The room's record" || return 1
	for n in 2 3 4 5; do
		keys Down
		sleep 0.2
		screen | grep -q "^ *› \[ \] $n\. Question" || { echo "item $n is not in view:"; screen; return 1; }
	done
	keys Space
	wait_for "[x] 5. Question" || return 1
	screen | grep -q "^ *› \[x\] 5\. Question" || { screen; return 1; }
	screen | tail -1 | grep -q "Enter the results" || { echo "no way on in the bar:"; screen; return 1; }
	# Home and End, which the key help lists, go to the first and the last (the fifth)
	keys Home
	sleep 0.2
	screen | grep -q "^ *› \[ \] 1\. Question" || { echo "Home:"; screen; return 1; }
	keys End
	sleep 0.2
	screen | grep -q "^ *› \[x\] 5\. Question" || { echo "End:"; screen; return 1; }
}
result "the room's record at 64x20: the focused question in view, the one marked, Home and End" record_small

# The room's record at 60x20 shows three or four of its five questions: a
# marker says there are more above or below, as on a question (nothing did).
record_more() {
	split_session "$work/recmore.yaml"
	pane recmore 60 20 "LANGUAGE=en LC_MESSAGES=" "--workshop --content data/tr --session $work/recmore.yaml"
	wait_for "32 answers" || return 1
	keys Enter
	wait_for "Results" || return 1
	keys Left
	wait_for "end of this area" || return 1
	keys Enter
	wait_for "The room's record" || return 1
	screen | grep -q "5\. Question" && { echo "all five fit: nothing to test"; screen; return 1; }
	screen | grep -q "↓ more" && ! screen | grep -q "↑ more" || { echo "at the first:"; screen; return 1; }
	keys End
	wait_for "› [ ] 5. Question" || return 1
	screen | grep -q "↑ more" && ! screen | grep -q "↓ more" || { echo "at the last:"; screen; return 1; }
}
result "the room's record at 60x20 says when questions are above or below" record_more

prompt_on_key() {	# ? shows the trainer's discussion prompt, which the report never shows
	start prompt 80 24 || return 1
	keys "?"
	wait_for "To open the discussion" || return 1
	wait_for "Son üç kurul toplantısının" || return 1
	! "$bin" report "$top/tests/reports/tr-sample.yaml" | grep -q "Son üç kurul toplantısının"
}
result "? shows the discussion prompt; the report does not" prompt_on_key

# The key help says what Backspace does at both steps of a vote: it named
# only "delete", not the way back to the counts once they are counted.
help_backspace() {
	for lang_words in "en:correct the counts" "tr:sayıları düzeltin" "fi:korjaa määrät"; do
		pane "helpbs-${lang_words%%:*}" 80 24 "" "--workshop --lang ${lang_words%%:*} --content data/tr"
		wait_for "Örgütsel Kapasite" && keys Enter && wait_for "1/32" || return 1
		resize_to 100 200
		keys h
		wait_for "⌫" || return 1
		screen | grep -q "⌫.*${lang_words#*:}" || { echo "${lang_words%%:*}:"; screen | grep -A14 -e "Workshop vote" -e "Työpajaäänestys" -e "Atölye"; return 1; }
	done
}
result "the key help says Backspace corrects counted votes, in en, tr and fi" help_backspace

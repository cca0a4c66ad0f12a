#!/bin/sh
# Line mode end to end: the real binary with --ui=text on the Turkish pack,
# every answer typed on standard input (a note, a step back, invalid
# input, area priorities), with a private HOME and XDG_STATE_HOME. The
# answers file saved must be tests/linemode/expected-tr.yaml (its date
# aside), the output must hold no control character and end with the
# report that "stok-assess report" writes for the same answers, an input
# that ends early must keep what was typed, and a resumed session must
# come back unchanged. With UPDATE=1 the expected file is written instead.
# Prints PASS:/FAIL:, or one SKIP: while the wizard command is not built.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
expected=$top/tests/linemode/expected-tr.yaml
work=$(mktemp -d)
suite=linemode
. "$top/tests/lib.sh"
plain_paths
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1

if [ ! -x "$bin" ] || ! "$bin" --help 2>/dev/null | grep -q -- '--ui'; then
	echo "SKIP: linemode (the wizard command is not built)"
	exit 0
fi

wizard() {	# wizard SESSION [ARGS...] < INPUT > OUTPUT; English prompts, Turkish content
	s=$1
	shift
	HOME=$work/home XDG_STATE_HOME=$work/state TERM=dumb LANGUAGE=en \
	    "$bin" --ui=text --content data/tr --session "$s" "$@"
}

undated() {	# the answers file without its date, which is today's
	sed 's/^date: "[0-9-]*"$/date: "(today)"/' "$1"
}

mkdir -p "$work/home" "$work/state"

# The organisation and the role come as options (a script is asked no
# optional question). Area by area: in the first area a
# guidance request before any answer, help, a note, a step back from
# question 4 to change question 3, and an invalid answer; "5" is "not
# applicable"; "9" and "7" are out of range and asked again; Enter skips
# a priority; at the last priority "<" goes back to question 32, whose
# answer Enter keeps.
org="Mahalle Dayanışma Derneği"
cat >"$work/input" <<'EOF'
2
g
3
?
n
Kurul ayda bir toplanıyor; gündem bir hafta önceden paylaşılıyor.
4
<
2
x
1
1
5
1
2
3

2
2
3
9
4
2
1
1
2
2
3
3
3
4
4

2
3
2
3
7
1
1
2
3
4

4
3
2
1
<

2
EOF

run_full() {
	wizard "$work/s.yaml" --organisation "$org" --role board <"$work/input" >"$work/out" 2>"$work/err"
	rc=$?
	[ $rc = 0 ] || { echo "exit $rc"; cat "$work/err"; return 1; }
	[ ! -s "$work/err" ] || { cat "$work/err"; return 1; }
}
result "a whole session typed on standard input exits 0" run_full

answers_match() {
	undated "$work/s.yaml" >"$work/s.undated"
	if [ "${UPDATE:-0}" = 1 ]; then
		mkdir -p "$(dirname "$expected")"
		cp "$work/s.undated" "$expected"
	fi
	grep -q '^date: "(today)"$' "$work/s.undated" || { echo "no date saved"; return 1; }
	diff -u "$expected" "$work/s.undated"
}
result "the saved answers are the ones typed" answers_match

# No byte below 0x20 but newline, no DEL, no C1 control, no bidi override or isolate.
clean() {
	! LC_ALL=C grep -naP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"
}
result "no control characters in the output" clean "$work/out"

# Then, after a blank line, the closing words of every way out: where the
# answers are, and the command that opens them again on the last line.
ends_with_report() {
	"$bin" report -f plain "$work/s.yaml" >"$work/report" || return 1
	n=$(wc -l <"$work/report")
	[ "$n" -gt 50 ] || { echo "a report of $n lines"; return 1; }
	w=$(grep -n '^Your answers are saved in ' "$work/out" | tail -n 1 | cut -d: -f1)
	[ -n "$w" ] && [ "$w" -gt "$n" ] || { echo "no closing words"; tail -n 5 "$work/out"; return 1; }
	head -n $((w - 2)) "$work/out" | tail -n "$n" | diff -u "$work/report" - || return 1
	[ -z "$(sed -n "$((w - 1))p" "$work/out")" ] &&
	    tail -n 1 "$work/out" | grep -q -- "^  .* --session $work/s.yaml\$" ||
	    { tail -n 5 "$work/out"; return 1; }
}
result "the output ends with the report, as report -f plain writes it, then the closing words" \
    ends_with_report

# A screen reader reads every character: line mode draws no picture. No
# rule under a heading (a line of only = - ~ or ─), no bar ([#####-----]
# in the summary, 1 ### 3 in the votes), no legend for a bar, and no "> "
# down the lines of a quoted note.
no_pictures() {
	grep -q '^[ >]*Not: Kurul ayda bir toplanıyor' "$work/out" || { echo "no note in the report"; return 1; }
	! grep -nE '^ *(=+|-+|~+|(─)+) *$|\[[#-]{10}\]|##|The bar shows|^ *>( |$)' "$work/out"
}
result "line mode's report draws no rule and no bar" no_pictures

asked_again() {	# each invalid input is answered and its prompt repeated
	[ "$(grep -c '^Not understood' "$work/out")" = 3 ] && grep -q '^Priority' "$work/out" ||
		{ grep -n 'Not understood' "$work/out"; return 1; }
}
result "invalid input is asked again" asked_again

early_eof() {	# the input ends at question 2: what was typed is kept
	head -n 2 "$work/input" | wizard "$work/early.yaml" --organisation "$org" --role board \
	    >"$work/early.out" 2>&1 || return 1
	grep -q '^organisation: "Mahalle Dayanışma Derneği"$' "$work/early.yaml" &&
	    grep -q '^role: "board"$' "$work/early.yaml" &&
	    [ "$(grep -c '^  - question: ' "$work/early.yaml")" = 1 ] &&
	    grep -A1 '^  - question: 1$' "$work/early.yaml" | grep -q '^    choice: 2$' ||
		{ cat "$work/early.yaml"; return 1; }
}
result "an input that ends early keeps its answers" early_eof

resume_unchanged() {	# resumed without a question, Enter keeps two answers, then quit
	cp "$work/s.yaml" "$work/before.yaml"
	printf '\n\nq\n' | wizard "$work/s.yaml" >"$work/resume.out" 2>&1 || return 1
	cmp "$work/before.yaml" "$work/s.yaml"
}
result "a resumed session is saved unchanged" resume_unchanged

# The scripted example of stok-assess(1), run as printed there (the
# program's name pointed at the binary under test).
man_example() {
	mkdir -p "$work/example"
	sed -n '/^Answer the whole Turkish assessment from a script/,/^\.Ed$/p' man/stok-assess.1 |
	    sed -n '/^\.Bd/,/^\.Ed/p' | sed '1d;$d' | sed 's/\\e/\\/g; s/^\$ //' |
	    sed "s|stok-assess |\"\$STOK\" |g" >"$work/example/run.sh"
	[ "$(grep -c '"$STOK"' "$work/example/run.sh")" = 2 ] ||
		{ echo "the example is not in the man page:"; cat "$work/example/run.sh"; return 1; }
	(cd "$work/example" && HOME=$work/home XDG_STATE_HOME=$work/state LANGUAGE= \
	    STOK_ASSESS_DATA=$top/data STOK=$bin sh -e run.sh) >"$work/example/out" 2>"$work/example/err" ||
		{ cat "$work/example/err"; return 1; }
	f=$work/example/answers.yaml
	[ "$(grep -c '^  - question: ' "$f")" = 32 ] &&
	    grep -q '^organisation: "Yeşil Işık Derneği"$' "$f" &&
	    [ "$(grep -c '^    priority: high$' "$f")" = 8 ] &&
	    [ "$(grep -c '^    choice: na$' "$f")" = 8 ] || { cat "$f"; return 1; }
	grep -q "Yeşil Işık Derneği" "$work/example/out" || { head "$work/example/out"; return 1; }
}
result "the scripted example of the manual runs" man_example

kamu_roles() {	# a pack's own roles: --role takes their ids, the report titles them
	yes 2 | head -n 32 | HOME="$work/home" XDG_STATE_HOME="$work/state" LC_ALL=C.UTF-8 \
	    "$bin" --ui=text --content data/tr-kamu-stk --session "$work/kamu.yaml" \
	    --organisation "Örnek Valilik" --role liaison >"$work/kamu.out" 2>&1 || return 1
	grep -q '^role: "liaison"$' "$work/kamu.yaml" &&
	"$bin" report --content data/tr-kamu-stk "$work/kamu.yaml" |
	    grep -q '^Yanıtlayan: Sivil toplumla ilişkiler sorumlusu$' ||
	    { cat "$work/kamu.yaml" "$work/kamu.out"; return 1; }
}
result "a pack's own roles: given by id, titled in the report" kamu_roles

translated_role() {	# --role by its title in the interface's language, on an English server
	# in other case too: a Turkish capital İ is a capital i
	for lang_title in "tr:Yönetim kurulu üyesi" "fi:Hallituksen jäsen" "en:Board member" \
	    "tr:YÖNETİM KURULU ÜYESİ" "tr:yönetim kurulu üyesi"; do
		lang=${lang_title%%:*}
		printf '1\n' | HOME="$work/home" XDG_STATE_HOME="$work/state" LC_ALL=C.UTF-8 \
		    LANG=en_US.UTF-8 "$bin" --ui=text --lang "$lang" --content data/tr --fresh \
		    --session "$work/role-$lang.yaml" --role "${lang_title#*:}" >/dev/null 2>&1
		grep -q '^role: "board"$' "$work/role-$lang.yaml" ||
		    { echo "--lang $lang:"; cat "$work/role-$lang.yaml"; return 1; }
	done
}
result "--role takes the role's title in the interface's language" translated_role

fresh_says_where() {	# --fresh over a saved session says where the saved answers go
	h=$work/freshhome
	mkdir -p "$h"
	printf '2\nq\n' | HOME=$h XDG_STATE_HOME=$h LC_ALL=C.UTF-8 LANGUAGE=en "$bin" --ui=text \
	    --content data/tr --organisation X >/dev/null 2>&1
	printf '3\nq\n' | HOME=$h XDG_STATE_HOME=$h LC_ALL=C.UTF-8 LANGUAGE=en "$bin" --ui=text \
	    --content data/tr --fresh >"$work/fresh.out" 2>&1 || return 1
	tr '\n' ' ' <"$work/fresh.out" |
	    grep -q "Your first new answer moves the old ones to $h/stok-assess/kapasite-[0-9-]*\.yaml\." &&
	    [ -f "$h/stok-assess/kapasite-$(date +%Y-%m-%d).yaml" ] || { cat "$work/fresh.out"; return 1; }
}
result "--fresh over a saved session says where the saved answers go" fresh_says_where

finished_resumes_on_results() {	# a finished assessment opens on its results, unchanged
	[ -f "$work/kamu.yaml" ] || return 1
	cp "$work/kamu.yaml" "$work/kamu.before"
	HOME="$work/home" XDG_STATE_HOME="$work/state" LC_ALL=C.UTF-8 "$bin" --ui=text \
	    --content data/tr-kamu-stk --session "$work/kamu.yaml" </dev/null >"$work/fin.out" 2>&1 ||
	    { cat "$work/fin.out"; return 1; }
	grep -q "^Özet$" "$work/fin.out" &&
	    ! grep -q "Soru 1/24" "$work/fin.out" &&
	    cmp "$work/kamu.yaml" "$work/kamu.before" || { cat "$work/fin.out"; return 1; }
}
result "a finished assessment resumes on its results in line mode" finished_resumes_on_results

# The command said at the end starts the program as it was started: make
# run's ./stok-assess, or a path, when the shell would not find that
# program by its name; the bare name when PATH leads to this program.
resume_names_program() {
	d=$work/prog
	mkdir -p "$d/bin" "$d/h"
	ln -s "$bin" "$d/stok-assess"
	ln -s "$bin" "$d/bin/stok-assess"
	for how in "./stok-assess||./stok-assess" "$d/stok-assess||$d/stok-assess" \
	    "stok-assess|$d/bin|stok-assess" "./stok-assess|$d/bin|stok-assess"; do
		run=${how%%|*} dir=${how#*|} said=${how##*|}
		dir=${dir%|*}
		(cd "$d" && printf '1\n' | PATH="${dir:+$dir:}$PATH" HOME=$d/h XDG_STATE_HOME=$d/h \
		    LC_ALL=C.UTF-8 LANGUAGE=en "$run" --ui=text --content "$top/data/tr" \
		    --fresh) >"$work/prog.out" 2>&1
		grep -q "^  $said --content " "$work/prog.out" ||
		    { echo "started as $run, PATH from $dir:"; tail -n 3 "$work/prog.out"; return 1; }
	done
}
# (a wrapper, such as make check's valgrind job, starts it by another name)
if [ "$(head -c 4 "$bin" | od -An -c | tr -d ' ')" = '177ELF' ]; then
	result "the resume command starts the program as it was started" resume_names_program
else
	echo "SKIP: $suite the resume command starts the program as it was started ($bin is a wrapper)"
fi

# --lang as people write it: "TR", a locale's name, a tag with a region
lang_spellings() {
	h=$work/langs
	mkdir -p "$h"
	for l in TR tr_TR.UTF-8 tr-TR; do
		printf 'q\n' | HOME=$h XDG_STATE_HOME=$h LC_ALL=C.UTF-8 LANGUAGE= "$bin" --ui=text \
		    --lang "$l" --fresh >"$work/lang.out" 2>&1
		head -n 1 "$work/lang.out" | grep -q "^Örgütsel Kapasite Öz Değerlendirmesi$" &&
		    grep -q "Devam etmek için" "$work/lang.out" &&
		    grep -q "^  .*stok-assess --lang tr --ui text$" "$work/lang.out" ||
		    { echo "--lang $l:"; head -n 3 "$work/lang.out"; tail -n 2 "$work/lang.out"; return 1; }
	done
	"$bin" report --lang FI_fi --content "$top/data/fi" "$top/data/fi/sample.yaml" >/dev/null ||
	    return 1
}
result "--lang takes TR, tr_TR.UTF-8 and tr-TR as tr" lang_spellings

# Line mode counts no votes: --workshop where line mode would run (asked
# for, a dumb terminal, a pipe) is refused before anything is asked or
# saved, saying why, in the interface's language; a room's saved session
# stays as it was. It ran the plain wizard on the room's session without
# a word, and said to go on with --workshop.
workshop_refused() {
	h=$work/workshop
	mkdir -p "$h/stok-assess"
	printf '%s\n' 'pack: "kapasite"' 'version: 1' 'language: "tr"' 'answers:' '  - question: 1' \
	    '    choice: 2' '    votes: [3, 5, 2, 0, 1]' >"$h/stok-assess/kapasite.yaml"
	cp "$h/stok-assess/kapasite.yaml" "$work/ws.before"
	for how in "--ui=text:xterm:--ui=text asks for line mode" "dumb:dumb:the terminal is dumb" \
	    "pipe:xterm:standard input or output is not a terminal" \
	    "tr:dumb:--workshop, salonun oylarını sayan tam ekran arayüzü gerektirir; ancak uçbirim türü “dumb”."; do
		ui= lang=en
		case ${how%%:*} in --ui=text) ui=--ui=text ;; tr) lang=tr ;; esac
		t=${how#*:}
		printf '1\n1\nq\n' | HOME=$h XDG_STATE_HOME=$h LC_ALL=C.UTF-8 LANGUAGE=$lang TERM=${t%%:*} \
		    "$bin" --workshop --content data/tr $ui >"$work/ws.out" 2>"$work/ws.err"
		rc=$?
		[ $rc = 2 ] && [ ! -s "$work/ws.out" ] && grep -qF -- "${t#*:}" "$work/ws.err" &&
		    { [ "$lang" = tr ] || grep -qF -- "--workshop needs the full-screen wizard, which counts the room's votes" "$work/ws.err"; } &&
		    ! grep -q "line mode, because" "$work/ws.err" &&
		    cmp -s "$work/ws.before" "$h/stok-assess/kapasite.yaml" ||
		    { echo "${how%%:*}: exit $rc"; cat "$work/ws.err"; head -n 5 "$work/ws.out"; return 1; }
	done
}
result "--workshop where line mode would run is refused, saying why, and saves nothing" workshop_refused

# --ui=curses where the full screen cannot run is refused with exit status
# 2, saving nothing, in the interface's language, and the message says
# what to do instead. It said why in English only ("cannot start the
# full-screen wizard: the terminal is dumb"), whatever --lang said.
curses_refused() {
	h=$work/curses
	mkdir -p "$h"
	for how in "en:dumb:without --ui=curses, line mode asks the same questions" \
	    "en:xterm:because standard input or output is not a terminal" \
	    "tr:dumb:--ui=curses olmadan satır kipi aynı soruları sorar" \
	    "fi:dumb:ilman valitsinta --ui=curses rivitila kysyy samat kysymykset"; do
		lang=${how%%:*} t=${how#*:}
		printf '1\nq\n' | HOME=$h XDG_STATE_HOME=$h LC_ALL=C.UTF-8 LANGUAGE= TERM=${t%%:*} \
		    "$bin" --ui=curses --lang "$lang" >"$work/cu.out" 2>"$work/cu.err"
		rc=$?
		[ $rc = 2 ] && [ ! -s "$work/cu.out" ] && grep -qF -- "${t#*:}" "$work/cu.err" &&
		    [ -z "$(find "$h" -mindepth 1)" ] ||	# no file, nor a folder made for one
		    { echo "$lang, TERM=${t%%:*}: exit $rc"; cat "$work/cu.err"; find "$h"; return 1; }
	done
}
result "--ui=curses where it cannot run is refused, saying what to do, in the interface's language" \
    curses_refused

# A --session in a folder that does not exist, or cannot be written to
# (not for root, who writes there all the same): said of the file given,
# with what to do, and nothing asked. It spoke of "the session's lock"
# and named a FILE.lock that the user never gave.
session_folder_refused() {
	set -- "$work/no/such/s.yaml"
	if [ "$(id -u)" != 0 ]; then
		mkdir -p "$work/ro" && chmod 555 "$work/ro" && set -- "$@" "$work/ro/s.yaml"
	fi
	for s in "$@"; do
		printf '1\n' | wizard "$s" >"$work/sf.out" 2>"$work/sf.err"
		rc=$?
		[ $rc = 1 ] && [ ! -s "$work/sf.out" ] &&
		    grep -qF "stok-assess: $s: error: cannot keep the answers in this folder: " "$work/sf.err" &&
		    grep -qF "give --session a file in a folder you can write to" "$work/sf.err" &&
		    ! grep -q 'lock' "$work/sf.err" ||
		    { echo "$s: exit $rc"; cat "$work/sf.err"; return 1; }
	done
}
result "a --session in a folder that cannot hold it is said of that file, with what to do" \
    session_folder_refused

# The same for the state directory (XDG_STATE_HOME under a file here, which
# even root cannot make a folder in): why, and what to do instead.
state_dir_refused() {
	: >"$work/afile"
	printf '1\n' | HOME=$work/home XDG_STATE_HOME=$work/afile/state TERM=dumb LANGUAGE=en \
	    "$bin" --ui=text --content data/tr >"$work/sd.out" 2>"$work/sd.err"
	rc=$?
	[ $rc = 1 ] && [ ! -s "$work/sd.out" ] &&
	    grep -qF "stok-assess: $work/afile/state/stok-assess: error: cannot create the directory for saved sessions: " "$work/sd.err" &&
	    grep -qF "give --session a file in a folder you can write to" "$work/sd.err" ||
	    { echo "exit $rc"; cat "$work/sd.err"; return 1; }
}
result "a state directory that cannot be made is said with what to do" state_dir_refused

# Prompts are wrapped at line mode's width, as everything else it says:
# the Finnish prompt of a question ran to 94 columns and the Turkish one
# to 80, and an 80-column terminal or a braille display cut a word of it
# in two ("muistiin" / "pano"). With the answer echoed after it, no line
# is wider than 80 columns; a link's address, never broken, aside.
prompts_fit() {
	for lang in fi tr en; do
		printf '\n\n2\n<\n?\nn\n\nq\n' | HOME=$work/home XDG_STATE_HOME=$work/state \
		    LC_ALL=C.UTF-8 LANGUAGE= "$bin" --ui=text --lang "$lang" --fresh \
		    --session "$work/fit-$lang.yaml" >"$work/fit.out" 2>&1 || return 1
		grep -q '^[^ ].*\[1-5, ' "$work/fit.out" || { echo "$lang: no prompt"; return 1; }
		# (and the closing command, the last line, kept whole to be copied)
		sed '$d' "$work/fit.out" | grep -v '://' | python3 -c '
import sys
bad = [l for l in sys.stdin.read().split("\n") if len(l) > 80]
for l in bad:
    print(sys.argv[1] + ": " + str(len(l)) + ": " + l)
sys.exit(1 if bad else 0)' "$lang" || return 1
	done
}
result "no prompt is wider than the line, in Finnish, Turkish or English" prompts_fit

# A demo keeps nothing, and line mode says so in the full-screen wizard's
# words: it said the answers were saved in the demo's temporary file,
# which is removed at the end.
demo_saves_nothing() {
	h=$work/demo
	mkdir -p "$h/tmp"
	for args in "--demo" "--demo --sample"; do
		for lang_words in "en:This is a demonstration: nothing is saved." \
		    "tr:Bu bir tanıtım: hiçbir şey kaydedilmez."; do
			printf '2\nq\n' | HOME=$h XDG_STATE_HOME=$h/state TMPDIR=$h/tmp LC_ALL=C.UTF-8 \
			    LANGUAGE=${lang_words%%:*} "$bin" --ui=text --content data/tr $args \
			    >"$work/demo.out" 2>&1 || { cat "$work/demo.out"; return 1; }
			grep -qxF "${lang_words#*:}" "$work/demo.out" &&
			    ! grep -q "stok-assess-demo" "$work/demo.out" &&
			    [ -z "$(ls -A "$h/tmp")" ] && [ ! -e "$h/state" ] ||
			    { echo "$args, ${lang_words%%:*}:"; head -n 12 "$work/demo.out"; ls -A "$h/tmp"; return 1; }
		done
	done
}
result "a demo in line mode says that nothing is saved, and saves nothing" demo_saves_nothing

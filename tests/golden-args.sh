#!/bin/sh
# Golden command lines: wrong options and values, and files that must be
# refused before a byte of them is read (a FIFO, a directory, /dev/zero,
# a symbolic link, a 64 MB file) given as answers, as content or as the
# saved session. Each case runs in a scratch directory holding those
# fixtures; stok-assess must print exactly tests/args/NAME.expected: its
# stderr, then a line "[exit N]". A FIFO or /dev/zero that were read would
# hang: every case has ten seconds. With UPDATE=1 the expected files are
# written instead. Prints PASS:/FAIL: lines for tests/run.sh.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
dir=$top/tests/args
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dir"

# The fixtures.
cd "$work" || exit 1
cp -r "$top/tests/content/base" pack
printf 'pack: deneme\nversion: 1\nlanguage: tr\nanswers:\n  - question: 8\n    choice: 2\n' >ok.yaml
mkfifo fifo.yaml
mkdir dir.yaml
ln -s ok.yaml link.yaml
ln -s /dev/zero zero.yaml
truncate -s 64M big.yaml
for k in fifo zero big dir link; do cp -r pack "pack-$k"; done
rm pack-fifo/assessment.yaml && mkfifo pack-fifo/assessment.yaml
rm pack-zero/assessment.yaml && ln -s /dev/zero pack-zero/assessment.yaml
truncate -s 64M pack-big/assessment.yaml
rm pack-dir/assessment.yaml && mkdir pack-dir/assessment.yaml
mv pack-link/answers/q8-1.md pack-link/q8-1.md && ln -s ../q8-1.md pack-link/answers/q8-1.md
for k in fifo zero big; do cp -r pack "text-$k"; rm "text-$k/answers/q8-1.md"; done
mkfifo text-fifo/answers/q8-1.md
ln -s /dev/zero text-zero/answers/q8-1.md
cp pack/answers/q8-1.md text-big/answers/q8-1.md && truncate -s 64M text-big/answers/q8-1.md
cp -r pack answers-file && rm -r answers-file/answers && touch answers-file/answers

t() {	# t NAME ARG...: one case
	name=$1
	shift
	timeout 10 "$bin" "$@" </dev/null >/dev/null 2>"$work/err"
	echo "[exit $?]" >>"$work/err"
	[ "${UPDATE:-0}" = 1 ] && cp "$work/err" "$dir/$name.expected"
	if cmp -s "$work/err" "$dir/$name.expected"; then
		echo "PASS: arguments $name"
	else
		echo "FAIL: arguments $name"
		diff -u "$dir/$name.expected" "$work/err" | sed 's/^/    /' | head -20
	fi
}

# Options.
t unknown-command frobnicate
t unknown-option --bogus
t unknown-short-option -x
t unknown-option-report report --bogus ok.yaml
t unknown-option-check check --bogus
t option-needs-value report ok.yaml --format
t short-option-needs-value report ok.yaml -o
t wizard-option-needs-value --lang
t option-ambiguous report --fo ok.yaml
t option-takes-no-value report --force=yes ok.yaml
t option-escape report "$(printf -- '--\033]0;x\007')" ok.yaml
t option-escape-merge merge "$(printf -- '--\033[2J')" ok.yaml
t option-escape-diff diff "$(printf -- '-\033')" ok.yaml ok.yaml
t width-zero report --width 0 ok.yaml
t width-too-small report --width 19 ok.yaml
t width-too-large report --width 1001 ok.yaml
t width-not-a-number report --width 7x ok.yaml
t width-empty report --width= ok.yaml
t format-unknown report -f pdf ok.yaml
t lang-unknown --ui=text --content pack --session s.yaml --lang xx
# what the saved session's reader would refuse, refused before it is saved
t organisation-tab --ui=text --content pack --session s.yaml --organisation "$(printf 'Tab\tOrg')"
t organisation-newline --ui=text --content pack --session s.yaml --organisation "$(printf 'a\nb')"
t organisation-not-utf8 --ui=text --content pack --session s.yaml --organisation "$(printf 'Dernek \377')"
t organisation-1001 --ui=text --content pack --session s.yaml --organisation "$(printf '%01001d' 0)"
t role-1001 --ui=text --content pack --session s.yaml --role "$(printf '%01001d' 0)"
t role-override --ui=text --content pack --session s.yaml --role "$(printf 'a\342\200\256b')"
t report-no-file report
t report-two-files report ok.yaml ok.yaml
t list-argument list extra
t ui-unknown --ui=gui
t color-unknown --color=sometimes

# Answers files.
t answers-missing report missing.yaml
t answers-file-name-escape report "$(printf 'a\033[2Jb.yaml')"
t answers-fifo report fifo.yaml
t answers-directory report dir.yaml
t answers-dev-zero report /dev/zero
t answers-symlink report link.yaml
t answers-symlink-dev-zero report zero.yaml
t answers-64mb report big.yaml

# Content: a pack, or the directory of packs.
t content-fifo report --content fifo.yaml ok.yaml
t content-dev-zero report --content /dev/zero ok.yaml
t content-64mb report --content big.yaml ok.yaml
t check-fifo check fifo.yaml
t check-dev-zero check /dev/zero
t check-64mb check big.yaml
t check-missing check missing
t assessment-fifo check pack-fifo
t assessment-dev-zero check pack-zero
t assessment-64mb check pack-big
t assessment-directory check pack-dir
t answer-text-symlink check pack-link
t answer-text-fifo check text-fifo
t answer-text-dev-zero check text-zero
t answer-text-64mb check text-big
t answers-not-a-directory check answers-file

# The wizard's saved session.
t session-fifo --content pack --session fifo.yaml --ui=text
t session-dev-zero --content pack --session /dev/zero --ui=text
t session-symlink --content pack --session link.yaml --ui=text
t session-64mb --content pack --session big.yaml --ui=text
t session-directory --content pack --session dir.yaml --ui=text

# A report's output that is a directory: that, not "exists" (nor, with
# --force, a rename's error after the report was made).
t output-directory report --content pack ok.yaml -o dir.yaml
t output-directory-force report --content pack ok.yaml -o dir.yaml --force

# A report written with -o is its owner's alone, as the saved answers are,
# whatever the umask; a report that replaces a file keeps the mode its
# owner gave it (--force had made a shared file private).
modes() {
	rm -f new.html old.html s.yaml
	(umask 022 && "$bin" report --content pack ok.yaml -f html -o new.html) || return 1
	: >old.html && chmod 664 old.html
	(umask 077 && "$bin" report --content pack ok.yaml -f html -o old.html --force) || return 1
	printf '2\n' | (umask 022 && "$bin" --ui=text --content pack --session s.yaml >/dev/null) ||
	    return 1
	[ "$(stat -c %a new.html) $(stat -c %a old.html) $(stat -c %a s.yaml)" = "600 664 600" ] ||
	    { echo "modes: $(stat -c '%n %a' new.html old.html s.yaml)"; return 1; }
}
if modes >"$work/modes" 2>&1; then
	echo "PASS: arguments a new report is private, a replaced one keeps its mode"
else
	echo "FAIL: arguments a new report is private, a replaced one keeps its mode"
	sed 's/^/    /' "$work/modes"
fi

# --help and --version after the wizard's options, as every command takes
# --help after its own: the usage, or the version, and exit 0. They were
# "unknown option '--help'", followed by "Try 'stok-assess --help'".
help_anywhere() {
	"$bin" --help >want.help || return 1
	"$bin" --version >want.version || return 1
	for args in "--lang tr" "--ui=text" "--lang fi --ui=text --fresh" "--organisation X"; do
		# shellcheck disable=SC2086 # the options, split as typed
		"$bin" $args --help >got 2>got.err </dev/null && cmp -s want.help got && [ ! -s got.err ] ||
			{ echo "$args --help:"; cat got.err; head -3 got; return 1; }
		# shellcheck disable=SC2086
		"$bin" $args -h >got 2>got.err </dev/null && cmp -s want.help got ||
			{ echo "$args -h:"; cat got.err; return 1; }
		# shellcheck disable=SC2086
		"$bin" $args --version >got 2>got.err </dev/null && cmp -s want.version got ||
			{ echo "$args --version:"; cat got.err; return 1; }
	done
	# a value is a value: a role called --help is a role, not a request for help
	printf 'q\n' | "$bin" --ui=text --content pack --session help.yaml --role --help >got 2>&1 &&
	    ! cmp -s want.help got || { echo "--role --help:"; head -3 got; return 1; }
}
if help_anywhere >"$work/help" 2>&1; then
	echo "PASS: arguments --help and --version after the wizard's options"
else
	echo "FAIL: arguments --help and --version after the wizard's options"
	sed 's/^/    /' "$work/help"
fi

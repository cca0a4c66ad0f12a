#!/bin/sh
# Golden diagnostics: each file in tests/content/bad/ is one bad input.
# An answer text (.md) is dropped into a copy of tests/content/base in
# place of its (8, 1) text; an assessment file (.yaml) replaces the base's.
# stok-assess check must print exactly NAME.expected: its stderr, then a
# line "[exit N]". With UPDATE=1 the expected files are written instead.
# Prints PASS:/FAIL: lines for tests/run.sh.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
bad=$top/tests/content/bad
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two copies of the base made once (a process per case is most of this
# script's time): md/pack without its (8, 1) text, where each bad answer
# text comes and goes, and yaml/pack, whose assessment file each bad one
# overwrites. Each is "pack" to the program, as the expected files say.
mkdir -p "$work/md" "$work/yaml"
cp -r "$top/tests/content/base" "$work/md/pack"
cp -r "$top/tests/content/base" "$work/yaml/pack"
rm -f "$work/md/pack/answers/q8-1.md"
for case in "$bad"/*.md "$bad"/*.yaml; do
	name=${case##*/}
	case $name in
	*.md)	[ ! -e "$top/tests/content/base/answers/$name" ] ||
			{ echo "FAIL: diagnostics $name: a text of the base has this name"; continue; }
		cd "$work/md" && cp "$case" "pack/answers/$name" ;;
	*.yaml)	cd "$work/yaml" && cp "$case" pack/assessment.yaml ;;
	esac
	"$bin" check pack >/dev/null 2>"$work/stderr"
	echo "[exit $?]" >>"$work/stderr"
	case $name in *.md) rm -f "pack/answers/$name" ;; esac
	expected=${case%.*}.expected
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$work/stderr" "$expected"
	fi
	if cmp -s "$work/stderr" "$expected"; then
		echo "PASS: diagnostics $name"
	else
		echo "FAIL: diagnostics $name"
		diff -u "$expected" "$work/stderr" | sed 's/^/    /' | head -20
	fi
done
cd "$top" || exit 1

# checked NAME WANT: check of $work/pack must print exactly WANT on
# standard error, then "[exit N]".
checked() {
	(cd "$work" && "$bin" check pack >/dev/null 2>stderr; echo "[exit $?]" >>stderr)
	if [ "$(cat "$work/stderr")" = "$2" ]; then
		echo "PASS: diagnostics $1"
	else
		echo "FAIL: diagnostics $1"
		sed 's/^/    /' "$work/stderr" | head -5
	fi
}

# The whole pack: answer texts of more than 64 MiB together are refused at
# the file that passes the limit, before any of them is read (the files
# are sparse: only their sizes are looked at). Over 1,100 files the sizes
# are looked at on several threads, and the file named must still be the
# one that passes the limit in file order.
size_limit() {	# size_limit NAME FILES SIZE DIGITS PASSING
	rm -rf "$work/pack"
	cp -r "$top/tests/content/base" "$work/pack"
	i=0
	while [ $i -lt "$2" ]; do
		: >"$work/pack/answers/z$(printf "%0${4}d" $i).md"
		i=$((i + 1))
	done
	(cd "$work/pack/answers" && truncate -s "$3" z*.md)
	checked "$1" "stok-assess: pack/answers/$5: error: with this file the answer texts pass 67108864 bytes (64 MiB), the limit for a pack: shorten them or split the pack
[exit 2]"
}
size_limit "pack size" 70 1M 3 z063.md
size_limit "pack size, 1,100 files" 1100 64K 4 z1023.md

# Empty directories under answers/ (one at the top, one nested) hold no
# text and are no error: the pack checks clean. Under SANITIZE=1 this also
# catches sorting the empty listing of such a directory through a null
# pointer.
rm -rf "$work/pack"
cp -r "$top/tests/content/base" "$work/pack"
mkdir -p "$work/pack/answers/empty" "$work/pack/answers/outer/inner"
checked "empty folders under answers/" "[exit 0]"

# answers/ a symbolic link (to the texts themselves): refused as a linked
# file is, not "has no answers/ directory".
rm -rf "$work/pack" "$work/texts"
cp -r "$top/tests/content/base" "$work/pack"
mv "$work/pack/answers" "$work/texts"
ln -s ../texts "$work/pack/answers"
checked "answers/ a symbolic link" "stok-assess: pack/answers: error: is a symbolic link: refusing to follow it; make answers/ a directory, not a link
[exit 2]"
rm -rf "$work/texts"

# A folder under answers/ that is a symbolic link, or a link to nothing:
# refused where it stands, not passed over (its texts then seemed missing,
# each with its own error). A link to a file that is not a text is let be.
rm -rf "$work/pack" "$work/texts"
cp -r "$top/tests/content/base" "$work/pack"
mkdir "$work/texts"
mv "$work/pack/answers/q11-"* "$work/texts/"
ln -s ../../texts "$work/pack/answers/ortak"
ln -s ../../gone "$work/pack/answers/eski"
ln -s ../assessment.yaml "$work/pack/answers/README"
checked "a folder under answers/ that is a symbolic link" "stok-assess: pack/answers/eski: error: is a symbolic link to nothing: remove it, or put here the folder it named, not a link
stok-assess: pack/answers/ortak: error: is a symbolic link to a directory: refusing to follow it; make it a directory, not a link
[exit 2]"
rm -rf "$work/texts"

# An answer text saved as .MD (or .markdown) is not read, and check says so
# beside the error for the text it lacks; other files stay unmentioned.
rm -rf "$work/pack"
cp -r "$top/tests/content/base" "$work/pack"
mv "$work/pack/answers/q8-2.md" "$work/pack/answers/Q8-2.MD"
: >"$work/pack/answers/notes.odt"
checked "an answer text named .MD" "stok-assess: pack/answers/Q8-2.MD: warning: is not read: an answer text's name ends in .md or .txt, in small letters; rename it
stok-assess: pack/assessment.yaml:18:22: error: question 8, choice 2 has no answer text: add a file with question_id: 8 and choice_id: 2 under answers/
[exit 2]"

# A pack named with a trailing slash, as the shell completes a directory:
# the files in the messages are the pack's, with one '/' before each name
# ("pack/answers/...", not "pack//answers/..."), as an editor or grep wants.
for dir in pack/ pack//; do
	(cd "$work" && "$bin" check "$dir" >/dev/null 2>stderr; echo "[exit $?]" >>stderr)
	want="stok-assess: pack/answers/Q8-2.MD: warning: is not read: an answer text's name ends in .md or .txt, in small letters; rename it
stok-assess: pack/assessment.yaml:18:22: error: question 8, choice 2 has no answer text: add a file with question_id: 8 and choice_id: 2 under answers/
[exit 2]"
	if [ "$(cat "$work/stderr")" = "$want" ]; then
		echo "PASS: diagnostics of a pack given as $dir"
	else
		echo "FAIL: diagnostics of a pack given as $dir"
		sed 's/^/    /' "$work/stderr" | head -5
	fi
done

# A folder of packs, as --content takes one: check checks each pack in
# it, the broken ones too (a summary line each, in name order), warns of
# two packs of one id and language as --content would choose between them,
# and says of a folder with none what to name instead of a missing
# assessment file.
rm -rf "$work/packs" "$work/empty"
mkdir "$work/packs" "$work/empty"
cp -r "$top/tests/content/base" "$work/packs/b-good"
cp -r "$work/pack" "$work/packs/a-broken"
(cd "$work" && "$bin" check packs >stdout 2>stderr; echo "[exit $?]" >>stderr
 "$bin" check empty 2>>stderr >>stdout; echo "[exit $?]" >>stderr)
want="packs/a-broken: deneme (tr, version 1): 2 areas, 2 questions, 7 answer texts, 1 error, 1 warning
packs/b-good: deneme (tr, version 1): 2 areas, 2 questions, 8 answer texts, 0 errors, 1 warning
stok-assess: packs/a-broken/answers/Q8-2.MD: warning: is not read: an answer text's name ends in .md or .txt, in small letters; rename it
stok-assess: packs/a-broken/assessment.yaml:18:22: error: question 8, choice 2 has no answer text: add a file with question_id: 8 and choice_id: 2 under answers/
stok-assess: packs/b-good: warning: holds pack 'deneme' in language 'tr', as packs/a-broken does: only packs/a-broken is ever chosen; give one of them another id or language
[exit 2]
stok-assess: empty: error: holds no packs: name a pack's folder, the one with its assessment.yaml, or a folder of such folders
[exit 2]"
if [ "$(cat "$work/stdout" "$work/stderr")" = "$want" ]; then
	echo "PASS: check of a folder of packs"
else
	echo "FAIL: check of a folder of packs"
	cat "$work/stdout" "$work/stderr" | sed 's/^/    /' | head -10
fi
rm -rf "$work/packs" "$work/empty"

# Ten checks of DIR/pack, each one's stderr and "[exit N]" through FILTER,
# must all give exactly WANT: what the loader's threads report comes out
# in file order whatever the timing.
in_order() {	# in_order NAME DIR WANT FILTER
	for run in 1 2 3 4 5 6 7 8 9 10; do
		(cd "$2" && "$bin" check pack >/dev/null 2>stderr; echo "[exit $?]" >>stderr)
		"$4" <"$2/stderr" >"$2/got"
		if ! cmp -s "$3" "$2/got"; then
			echo "FAIL: diagnostics $1 (run $run)"
			diff -u "$3" "$2/got" | sed 's/^/    /' | head -20
			return
		fi
	done
	echo "PASS: diagnostics $1 (10 runs)"
}

# Every bad answer text above in one pack (every .md of tests/content/bad): what each file
# reports must come out in file order, with every text attached in that
# order (which of two texts of the same choice is the second).
# tests/content/bad-all.expected was written by the loader before it had
# threads.
rm -rf "$work/all"
mkdir -p "$work/all"
cp -r "$top/tests/content/base" "$work/all/pack"
cp "$bad"/*.md "$work/all/pack/answers/"
if [ "${UPDATE:-0}" = 1 ]; then
	(cd "$work/all" && "$bin" check pack >/dev/null 2>stderr; echo "[exit $?]" >>stderr)
	cp "$work/all/stderr" "$top/tests/content/bad-all.expected"
fi
in_order "of every bad text at once, in file order" "$work/all" \
    "$top/tests/content/bad-all.expected" cat

# Warnings of the lint in file order: a copy of data/tr with raw HTML
# added to each of its 128 texts must warn about each, in the order of
# the files' names.
rm -rf "$work/lint"
mkdir -p "$work/lint"
cp -r "$top/data/tr" "$work/lint/pack"
rm -f "$work/lint/pack/answers.index"
find "$work/lint/pack/answers" -type f -name '*.md' | while read -r f; do
	printf '\n<b>raw</b>\n' >>"$f"
done
(cd "$work/lint/pack" && find answers -type f -name '*.md' | LC_ALL=C sort | sed 's,^,pack/,') \
    >"$work/lint/want"
raw_html_files() {	# the file of each raw HTML warning, in the order given
	sed -n 's/^stok-assess: \([^:]*\):[0-9]*:[0-9]*: warning: raw HTML.*/\1/p'
}
in_order "of the lint in file order, 128 warnings" "$work/lint" "$work/lint/want" raw_html_files

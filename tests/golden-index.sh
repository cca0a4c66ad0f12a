#!/bin/sh
# A pack's index (answers.index, "stok-assess index"): a report through a
# current index must be byte for byte the report of a clean read, in every
# format, and so must every report after the pack changed under its index
# (a text touched, edited, removed, added or renamed, the assessment file
# touched, the index cut short, damaged, a directory or a link): the index
# is then not used, and check says so. The index must be used when it is
# current (a text the report does not show is not read), must be refused
# to a pack with a warning, and must be written atomically and readable by
# all. Prints PASS:/FAIL:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
reports=$top/tests/reports
work=$(mktemp -d)
suite=index
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

# run NAME PACK ANSWERS FORMAT: the report's output, diagnostics and status in NAME
run() {
	"$bin" report -f "$4" "$3" --content "$2" >"$1" 2>&1
	echo "[exit $?]" >>"$1"
}

# same_as_clean PACK ANSWERS: every format through the pack as it is
# (with its index, current or not) against the same pack without it
same_as_clean() {
	for f in text markdown html json; do
		run with "$1" "$2" "$f"
		mv "$1/answers.index" kept.index 2>/dev/null || mv "$1/answers.index" kept.dir
		run without "$1" "$2" "$f"
		mv kept.index "$1/answers.index" 2>/dev/null || mv kept.dir "$1/answers.index"
		diff -u without with || return 1
	done
}

# fresh LANG: a copy of the bundled pack, indexed
fresh() {
	rm -rf "p-$1"
	cp -R "$top/data/$1" "p-$1" && "$bin" index "p-$1" >index.out 2>&1 &&
	    grep -q "p-$1/answers.index: [0-9]* answer texts$" index.out
}

# unshown PACK ANSWERS: an answer text of PACK whose choice ANSWERS did not choose
unshown() {
	python3 - "$1" "$2" <<'PY'
import glob, re, sys
pack, answers = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
chosen = set(re.findall(r"question: (\d+)\n\s+choice: (\d+)", answers))
for f in sorted(glob.glob(pack + "/answers/**/*.md", recursive=True)):
    s = open(f, encoding="utf-8").read()
    q, c = re.search(r"^question_id: (\d+)", s, re.M), re.search(r"^choice_id: (\d+)", s, re.M)
    if (q.group(1), c.group(1)) not in chosen:
        print(f)
        break
PY
}

# walk PACK OUT: the wizard's line mode over every question (an answer,
# back, its guidance, on), then the report it prints, with a fresh home
printf '\n' >walk.in
i=0
while [ $i -lt 45 ]; do printf '2\n<\ng\n\n' >>walk.in; i=$((i + 1)); done
i=0
while [ $i -lt 30 ]; do printf '\n' >>walk.in; i=$((i + 1)); done
walk() {
	rm -rf home && mkdir home
	HOME=$work/home XDG_STATE_HOME=$work/home "$bin" --ui=text --content "$1" --fresh \
	    <walk.in >"$2" 2>&1
	echo "[exit $?]" >>"$2"
}

# wizard_same PACK: the wizard reads the texts through the index as their
# questions come; what it shows must be what it shows from a clean read
wizard_same() {
	walk "$1" with
	mv "$1/answers.index" kept.index
	walk "$1" without
	mv kept.index "$1/answers.index"
	grep -q '^\[exit 0\]$' without || { tail -3 without; return 1; }
	diff -u without with
}

# warns: check says the index does not match, and still exits 0
# warns PACK [FILE]: check warns that the index is stale (naming FILE, the first that differs)
warns() {
	"$bin" check "$1" >check.out 2>&1 || return 1
	grep -q "answers.index: warning: does not match the pack" check.out || return 1
	[ -z "${2:-}" ] || grep -qF "$2 is the first that differs" check.out ||
		{ echo "the warning does not name $2:"; cat check.out; return 1; }
}

for l in tr en fi; do
	a=$reports/$l-sample.yaml
	result "$l: index written" fresh "$l"
	result "$l: readable by all, no temporary file left" sh -c \
	    "[ \"\$(stat -c %a p-$l/answers.index)\" = 644 ] && ! ls p-$l | grep -q tmp"
	result "$l: check quiet on a current index" sh -c \
	    "'$bin' check p-$l >check.out 2>&1 && ! grep -q warning check.out"
	result "$l: reports through the index as a clean read" same_as_clean "p-$l" "$a"
	result "$l: the wizard through the index as a clean read" wizard_same "p-$l"

	# the index is used: a text the report does not show, replaced by one
	# that does not parse, kept at its size and time (what touch -r can
	# do, and stok-assess(5) says is not seen), is not read
	text=$(unshown "p-$l" "$a")
	result "$l: the index is used" sh -c "
	    size=\$(stat -c %s '$text'); cp -p '$text' orig.md
	    head -c \$size /dev/zero | tr '\\\\0' x >'$text'; touch -r orig.md '$text'
	    '$bin' report '$a' --content p-$l >/dev/null 2>&1 && cp -p orig.md '$text'"
	# and by the wizard: a text of the last question, not reached when it stops at the second
	last=p-$l/$(awk -F '\t' 'NR > 2 && $1 != "end" { print $4, $1 }' "p-$l/answers.index" |
	    sort -n | tail -1 | cut -d ' ' -f 2-)
	result "$l: the wizard reads no text before its question" sh -c "
	    size=\$(stat -c %s '$last'); cp -p '$last' orig.md
	    head -c \$size /dev/zero | tr '\\\\0' x >'$last'; touch -r orig.md '$last'
	    rm -rf home && mkdir home
	    printf '\\n2\\nq\\n' | HOME=$work/home XDG_STATE_HOME=$work/home \
	        '$bin' --ui=text --content p-$l --fresh >out 2>err; st=\$?
	    cp -p orig.md '$last'; [ \$st = 0 ] && [ ! -s err ] || { cat err; exit 1; }"

	# changes under the index: each read as a clean read would
	fresh "$l"
	touch -d '2020-01-01 00:00:01' "$text"
	result "$l: a text touched" same_as_clean "p-$l" "$a"
	result "$l: a text touched, check warns" warns "p-$l" "$text"

	fresh "$l"
	printf 'no front matter\n' >"$text"
	result "$l: a text it does not show, broken" same_as_clean "p-$l" "$a"

	fresh "$l"
	first=$(ls "p-$l/answers/"*/*.md | head -1)
	sed -i 's/^title: /title: Yeni /' "$first"
	result "$l: a title edited" same_as_clean "p-$l" "$a"
	result "$l: a title edited, check warns" warns "p-$l" "$first"

	fresh "$l"
	rm "$first"
	result "$l: a text removed" same_as_clean "p-$l" "$a"

	fresh "$l"
	cp "$first" "$(dirname "$first")/zz-copy.md"
	result "$l: a text added (a second text for a choice)" same_as_clean "p-$l" "$a"

	fresh "$l"
	mv "$first" "$(dirname "$first")/renamed.md"
	result "$l: a text renamed" same_as_clean "p-$l" "$a"
	result "$l: a text renamed, check warns" warns "p-$l"

	fresh "$l"
	touch "p-$l/assessment.yaml"
	result "$l: the assessment file touched" same_as_clean "p-$l" "$a"

	fresh "$l"
	head -c 2000 "p-$l/answers.index" >cut && mv cut "p-$l/answers.index"
	result "$l: the index cut short" same_as_clean "p-$l" "$a"
	result "$l: the index cut short, check warns" warns "p-$l"

	fresh "$l"
	sed -i '3s/\t[0-9]*$/\t9/' "p-$l/answers.index"	# a choice changed, the sum not
	result "$l: the index damaged" same_as_clean "p-$l" "$a"

	fresh "$l"
	rm "p-$l/answers.index" && mkdir "p-$l/answers.index"
	result "$l: the index a directory" same_as_clean "p-$l" "$a"
	rmdir "p-$l/answers.index"

	fresh "$l"
	mv "p-$l/answers.index" real.index && ln -s "$work/real.index" "p-$l/answers.index"
	result "$l: the index a symbolic link" same_as_clean "p-$l" "$a"
done

# not indexed: a pack with a warning (a text without a body), or an error
cp -R "$top/data/fi" p-warn
t=$(ls p-warn/answers/*/*.md | head -1)
python3 - "$t" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
head, _, _ = s.partition("\n---\n")
open(p, "w", encoding="utf-8").write(head + "\n---\n")
PY
result "a pack with a warning is not indexed" sh -c \
    "! '$bin' index p-warn >out 2>&1 && grep -q 'not indexed' out && [ ! -e p-warn/answers.index ]"
# what check says beyond the loader stops it too: raw HTML in a text, and
# a register row no text links to
cp -R "$top/data/fi" p-lint
t=$(ls p-lint/answers/*/*.md | head -1)
printf '\nSana <b>lihavoitu</b>.\n' >>"$t"
result "a pack with a warning of check's lint is not indexed" sh -c \
    "! '$bin' index p-lint >out 2>&1 && grep -q 'raw HTML' out && grep -q 'not indexed' out &&
     [ ! -e p-lint/answers.index ]"
cp -R "$top/data/fi" p-reg
printf 'https://example.org/nobody-links-here\tX\tY\tfi\t2026-01-10\tsite\n' >>p-reg/links.tsv
result "a pack with a register row no text links to is not indexed" sh -c \
    "! '$bin' index p-reg >out 2>&1 && grep -q 'no answer text links to' out &&
     grep -q 'not indexed' out && [ ! -e p-reg/answers.index ]"
result "index without a pack is a usage error" sh -c "'$bin' index >out 2>&1; [ \$? = 2 ]"

# A text changed under the index so that the index does not see it (its
# ids changed, its size and time kept): the wizard finds it when its
# question comes. Line mode says so before that question, the answer is
# kept, the report is refused by name and not announced, exit status 2.
fresh tr
t=p-tr/$(awk -F '\t' '$4 == 3 && $5 == 1 { print $1 }' p-tr/answers.index)
cp -p "$t" orig.md
sed -i 's/^question_id: 3$/question_id: 4/' "$t" && touch -r orig.md "$t"
# walk_tr: line mode through the tr pack, choice 1 everywhere, into walk.out
walk_tr() {
	rm -rf home && mkdir home
	{ printf '\n'; i=0; while [ $i -lt 40 ]; do printf '1\n'; i=$((i + 1)); done; } |
	    HOME=$work/home XDG_STATE_HOME=$work/home "$bin" --ui=text --content p-tr --fresh \
	    >walk.out 2>&1
}
moved_under_index() {
	walk_tr
	st=$?
	[ $st = 2 ] || { echo "exit $st"; tail -5 walk.out; return 1; }
	said=$(grep -n "is now the text of question 4, choice 1, where the pack's index has question 3, choice 1" walk.out | cut -d: -f1)
	asked=$(grep -n "^Soru 3/32" walk.out | head -1 | cut -d: -f1)
	[ -n "$said" ] && [ -n "$asked" ] && [ "$said" -lt "$asked" ] ||
		{ echo "the error ($said) is not said before question 3 ($asked)"; return 1; }
	grep -q "1. (bu yanıtın metni okunamıyor)" walk.out || { echo "no label"; return 1; }
	grep -q "Rapor yazılamıyor: 3. soruya verdiğiniz yanıtın metni okunamıyor" walk.out ||
		{ tail -5 walk.out; return 1; }
	! grep -q "raporunuz\." walk.out || { echo "a report announced"; return 1; }
	grep -A1 "question: 3$" home/stok-assess/kapasite.yaml | grep -q "choice: 1$" ||
		{ echo "question 3 is not saved"; return 1; }
}
result "tr: a text moved under the index: said before its question, the report refused" moved_under_index
cp -p orig.md "$t"

# The same with its choice changed: said at choice_id's line, where check points
sed -i 's/^choice_id: 1$/choice_id: 2/' "$t" && touch -r orig.md "$t"
choice_under_index() {
	walk_tr
	line=$(grep -n '^choice_id:' "$t" | cut -d: -f1)
	grep -q "^stok-assess: $t:$line:12: error: is now the text of question 3, choice 2," walk.out ||
		{ grep "is now" walk.out; echo "not at line $line"; return 1; }
}
result "tr: a choice changed under the index: said at choice_id, as check says it" choice_under_index
cp -p orig.md "$t"

# a report compared with a network's profile, through the index
fresh tr
sed '$d' "$top/tests/network/profile40.yaml" >profile.yaml
compare_same() {
	for f in text markdown html json; do
		"$bin" report -f "$f" --compare profile.yaml --content p-tr "$reports/tr-sample.yaml" \
		    >with 2>&1 || return 1
		mv p-tr/answers.index kept.index
		"$bin" report -f "$f" --compare profile.yaml --content p-tr "$reports/tr-sample.yaml" \
		    >without 2>&1
		mv kept.index p-tr/answers.index
		diff -u without with || return 1
	done
}
result "tr: report --compare through the index as a clean read" compare_same

# A name the index cannot hold (a tab or a line break in a file's or a
# folder's name under answers/): check says so, with the message index
# gives, so that a pack check passes is one index takes.
unholdable() {	# unholdable NAME: the base pack's (8, 1) text renamed to answers/NAME
	rm -rf p-name
	cp -R "$top/tests/content/base" p-name
	mkdir -p "p-name/answers/$(dirname "$1")"
	mv p-name/answers/q8-1.md "p-name/answers/$1"
	"$bin" check p-name >/dev/null 2>check.err
	[ $? = 2 ] || { echo "check: exit status not 2"; cat check.err; return 1; }
	"$bin" index p-name >/dev/null 2>index.err
	[ $? = 2 ] || { echo "index: exit status not 2"; cat index.err; return 1; }
	[ ! -e p-name/answers.index ] || { echo "indexed all the same"; return 1; }
	grep -q "error: the file's name holds a tab or a line break, which the index cannot hold: rename the file$" \
	    check.err || { echo "check:"; cat check.err; return 1; }
	diff -u index.err check.err
}
tab=$(printf '\t')
nl='
'
result "check refuses a text's name with a tab, as index does" unholdable "q8${tab}1.md"
result "check refuses a text's name with a line break, as index does" unholdable "q8${nl}1.md"
result "check refuses a folder's name with a tab, as index does" unholdable "a${tab}b/q8-1.md"

# A pack named with a trailing slash, as the shell completes it: the index
# written is named with one '/' ("p-slash/answers.index").
slash() {
	rm -rf p-slash
	cp -R "$top/tests/content/base" p-slash
	"$bin" index p-slash/ >out 2>&1 || { cat out; return 1; }
	[ "$(cat out)" = "p-slash/answers.index: 8 answer texts" ] || { cat out; return 1; }
}
result "a pack named with a trailing slash: its index named with one '/'" slash

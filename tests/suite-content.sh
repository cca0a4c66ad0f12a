#!/bin/sh
# The commands around content: check against a pack's links register
# (each file in tests/content/links/ is dropped into a copy of
# tests/content/base as links.tsv; check must print exactly NAME.expected:
# its stderr, then "[exit N]"; UPDATE=1 writes them), check --stale, and
# the audience column of list. The quality of the bundled content itself
# is tests/unit/test_quality.c.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
suite=content
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$top/tests/lib.sh"

for case in "$top"/tests/content/links/*.tsv; do
	name=$(basename "$case")
	rm -rf "$work/pack"
	cp -r "$top/tests/content/base" "$work/pack"
	cp "$case" "$work/pack/links.tsv"
	(cd "$work" && "$bin" check pack >/dev/null 2>stderr; echo "[exit $?]" >>stderr)
	expected=${case%.*}.expected
	[ "${UPDATE:-0}" = 1 ] && cp "$work/stderr" "$expected"
	if cmp -s "$work/stderr" "$expected"; then
		echo "PASS: $suite register $name"
	else
		echo "FAIL: $suite register $name"
		diff -u "$expected" "$work/stderr" | sed 's/^/    /' | head -20
	fi
done

# no links.tsv: no warning about links, whatever the texts link to
no_register() {
	rm -rf "$work/pack" && cp -r "$top/tests/content/base" "$work/pack"
	(cd "$work" && "$bin" check pack >out 2>err) || return 1
	[ ! -s "$work/err" ] || { cat "$work/err"; return 1; }
	grep -q ": ok$" "$work/out"
}
result "no register" no_register

# links.tsv that is not a regular file is refused, not read
not_a_file() {
	rm -rf "$work/pack" && cp -r "$top/tests/content/base" "$work/pack"
	mkdir "$work/pack/links.tsv"
	(cd "$work" && "$bin" check pack >/dev/null 2>err); st=$?
	[ $st != 0 ] && grep -q "^stok-assess: pack/links.tsv" "$work/err" || { cat "$work/err"; return 1; }
	rmdir "$work/pack/links.tsv" && ln -s /etc/passwd "$work/pack/links.tsv"
	(cd "$work" && "$bin" check pack >/dev/null 2>err); st=$?
	[ $st != 0 ] && grep -q "^stok-assess: pack/links.tsv" "$work/err" || { cat "$work/err"; return 1; }
}
result "register not a regular file" not_a_file

# --stale: texts reviewed too long ago and texts with no date, at their
# 'reviewed' or at the front matter; a recent date is quiet; exit 0
stale() {
	today=$(date +%F)
	rm -rf "$work/st" && cp -r "$top/tests/content/base" "$work/st"
	for f in "$work"/st/answers/*.md; do
		case $f in
		*q8-1.md) d=2001-01-01 ;;
		*q8-2.md) d=$today ;;
		*q11-*) d=2020-06-15 ;;
		*) continue ;;
		esac
		sed -i "2i reviewed: $d" "$f"
	done
	(cd "$work" && "$bin" check --stale 5 st >out 2>err); st=$?
	cat >"$work/expected" <<-'EOF2'
	stok-assess: st/answers/q11-1.md:2:11: warning: last reviewed on 2020-06-15, more than 5 years ago: review the text and update 'reviewed'
	stok-assess: st/answers/q11-2.md:2:11: warning: last reviewed on 2020-06-15, more than 5 years ago: review the text and update 'reviewed'
	stok-assess: st/answers/q11-3.md:2:11: warning: last reviewed on 2020-06-15, more than 5 years ago: review the text and update 'reviewed'
	stok-assess: st/answers/q11-4.md:2:11: warning: last reviewed on 2020-06-15, more than 5 years ago: review the text and update 'reviewed'
	stok-assess: st/answers/q8-1.md:2:11: warning: last reviewed on 2001-01-01, more than 5 years ago: review the text and update 'reviewed'
	stok-assess: st/answers/q8-3.md:2:1: warning: the text has no 'reviewed' date: review it and add one (YYYY-MM-DD)
	stok-assess: st/answers/q8-4.md:2:1: warning: the text has no 'reviewed' date: review it and add one (YYYY-MM-DD)
	EOF2
	diff -u "$work/expected" "$work/err" || return 1
	[ $st = 0 ] || { echo "exit $st, not 0"; return 1; }
	grep -qx "st: deneme (tr, version 1): 2 areas, 2 questions, 8 answer texts, 0 errors, 7 warnings" \
	    "$work/out" || { cat "$work/out"; return 1; }
	# 30 years: only the texts with no date
	(cd "$work" && "$bin" check --stale 30 st >out 2>err) || return 1
	[ "$(grep -c "warning: the text has no 'reviewed'" "$work/err")" = 2 ] &&
	    [ "$(wc -l <"$work/err")" = 2 ] || { cat "$work/err"; return 1; }
	# without --stale: nothing about dates
	(cd "$work" && "$bin" check st >out 2>err) && [ ! -s "$work/err" ]
}
result "check --stale" stale

# a text reviewed today (in UTC) is not "in the future" in a timezone behind UTC
today_anywhere() {
	rm -rf "$work/tz" && cp -r "$top/tests/content/base" "$work/tz"
	sed -i "2i reviewed: $(date -u +%F)" "$work/tz/answers/q8-1.md"
	for tz in Pacific/Pago_Pago Pacific/Kiritimati UTC; do
		(cd "$work" && TZ=$tz "$bin" check tz >/dev/null 2>err) || return 1
		[ ! -s "$work/err" ] || { echo "TZ=$tz:"; cat "$work/err"; return 1; }
	done
}
result "reviewed today, any timezone" today_anywhere

stale_usage() {
	for v in 0 -1 x 1.5 1001 ""; do
		"$bin" check --stale "$v" "$top/tests/content/base" >/dev/null 2>"$work/err"; st=$?
		[ $st = 2 ] || { echo "--stale '$v': exit $st, not 2"; return 1; }
		grep -q "^stok-assess: --stale takes a whole number of years from 1 to 1000, not '$v'" \
		    "$work/err" || { cat "$work/err"; return 1; }
	done
}
result "check --stale usage" stale_usage

# list: the audience as the fifth column, empty when a pack names none
list_audience() {
	mkdir -p "$work/data"
	rm -rf "$work/data/a" "$work/data/b"
	cp -r "$top/tests/content/base" "$work/data/a"
	cp -r "$top/tests/content/base" "$work/data/b"
	sed -i 's/^id: deneme/id: kamu/; s/^version: 1/version: 1\naudience: kamu kurumları/' \
	    "$work/data/b/assessment.yaml"
	STOK_ASSESS_DATA=$work/data "$bin" list >"$work/out" || return 1
	printf 'deneme\ttr\tDeneme Paketi\t2\t\nkamu\ttr\tDeneme Paketi\t2\tkamu kurumları\n' |
	    diff -u - "$work/out"
}
result "list audience" list_audience

# two packs with one id and language: list and check warn of the second
same_pack_twice() {
	mkdir -p "$work/twice"
	rm -rf "$work/twice/a" "$work/twice/b"
	cp -r "$top/tests/content/base" "$work/twice/a"
	cp -r "$top/tests/content/base" "$work/twice/b"
	for c in list check; do
		STOK_ASSESS_DATA=$work/twice "$bin" $c >/dev/null 2>"$work/err" ||
		    { echo "$c: exit $?"; cat "$work/err"; return 1; }
		printf '%s\n' "stok-assess: $work/twice/b: warning: holds pack 'deneme' in language 'tr', as $work/twice/a does: only $work/twice/a is ever chosen; give one of them another id or language" |
		    diff -u - "$work/err" || return 1
	done
	# list lists the one that can be chosen, once
	[ "$(STOK_ASSESS_DATA=$work/twice "$bin" list 2>/dev/null | wc -l)" = 1 ] ||
	    { STOK_ASSESS_DATA=$work/twice "$bin" list; return 1; }
	# and check counts it as the second pack's warning
	STOK_ASSESS_DATA=$work/twice "$bin" check 2>/dev/null | grep -q "^$work/twice/b: .*, 0 errors, 1 warning$" ||
	    { STOK_ASSESS_DATA=$work/twice "$bin" check; return 1; }
}
result "two packs with one id and language" same_pack_twice

# Choosing a pack among several reads only the chosen one's files: a broken
# pack beside it says nothing (check and list still name it). When the
# pack the lines point to is broken (here a draft in the same language,
# first in directory order, and a copy of the pack broken), the choice is
# the whole scan's, as list shows it: the broken ones reported once each
# and passed over. A pack written in flow style (whose ids its lines do
# not give) is still found; an assessment file that cannot be read is
# reported once.
choose_pack() {
	d=$work/choose
	rm -rf "$d"
	mkdir -p "$d"
	cp -r "$top/tests/content/base" "$d/b"
	cp -r "$top/tests/content/base" "$d/c"
	sed -i 's/^id: deneme/id: kamu/; s/^title: .*/title: [kırık/' "$d/b/assessment.yaml"
	printf 'pack: deneme\nversion: 1\nlanguage: tr\nanswers:\n  - question: 8\n    choice: 2\n' \
	    >"$d/answers.yaml"
	STOK_ASSESS_DATA=$d "$bin" report "$d/answers.yaml" >"$d/out" 2>"$d/err" ||
	    { echo "report: exit $?"; cat "$d/err"; return 1; }
	[ ! -s "$d/err" ] || { echo "a word about the pack not chosen:"; cat "$d/err"; return 1; }
	grep -q "Deneme Paketi" "$d/out" || { head "$d/out"; return 1; }
	STOK_ASSESS_DATA=$d "$bin" --ui=text --pack kamu --fresh </dev/null >"$d/out" 2>"$d/err"
	st=$?
	[ $st = 2 ] && [ "$(grep -c "b/assessment.yaml:4:9: error" "$d/err")" = 1 ] &&
	    grep -q "no pack 'kamu' here" "$d/err" ||
	    { echo "the broken pack asked for: exit $st"; cat "$d/err"; return 1; }
	STOK_ASSESS_DATA=$d "$bin" list >"$d/out" 2>"$d/err"
	grep -q "b/assessment.yaml:4:9: error" "$d/err" || { echo "list is silent"; return 1; }
	# a broken draft first in the order, and a broken copy of the pack: passed over
	cp -r "$top/tests/content/base" "$d/a-taslak"
	sed -i 's/^id: deneme/id: taslak/; s/^version: 1/version: bir/' "$d/a-taslak/assessment.yaml"
	cp -r "$top/tests/content/base" "$d/a-kopya"
	sed -i 's/^title: .*/title: [kırık/' "$d/a-kopya/assessment.yaml"
	STOK_ASSESS_DATA=$d "$bin" --ui=text --lang tr --fresh --session "$d/s.yaml" </dev/null \
	    >"$d/out" 2>"$d/err" || { echo "a broken pack first: exit $?"; cat "$d/err"; return 1; }
	grep -q "Deneme Paketi" "$d/out" && [ "$(grep -c "a-taslak/assessment.yaml" "$d/err")" = 1 ] &&
	    [ "$(grep -c "a-kopya/assessment.yaml" "$d/err")" = 1 ] ||
	    { echo "a broken pack first:"; cat "$d/err"; head -3 "$d/out"; return 1; }
	rm -rf "$d/a-taslak" "$d/a-kopya"
	# an assessment file that cannot be read: said once
	mv "$d/b/assessment.yaml" "$d/b/x" && mkdir "$d/b/assessment.yaml"
	STOK_ASSESS_DATA=$d "$bin" report "$d/answers.yaml" >"$d/out" 2>"$d/err" ||
	    { echo "unreadable: exit $?"; cat "$d/err"; return 1; }
	[ "$(grep -c "b/assessment.yaml" "$d/err")" -le 1 ] || { cat "$d/err"; return 1; }
	rm -rf "$d/b"
	# flow style: the pack's lines do not give its ids, and every pack is read
	printf '{ id: deneme, language: tr, title: Akış, version: 1, areas: [ { id: g, title: G,\n questions: [ { id: 8, text: Q?, choices: [1, 2, 3, 4] } ] } ] }\n' \
	    >"$d/c/assessment.yaml"
	rm -f "$d/c/answers/q11-"*
	STOK_ASSESS_DATA=$d "$bin" report "$d/answers.yaml" >"$d/out" 2>"$d/err" ||
	    { echo "flow style: exit $?"; cat "$d/err"; return 1; }
	grep -q "Akış" "$d/out" || { head "$d/out"; return 1; }
}
result "choosing a pack parses only the chosen one" choose_pack

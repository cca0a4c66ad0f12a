#!/bin/sh
# Golden reports and report behaviour. tests/reports/LANG-sample.yaml must
# give exactly tests/reports/LANG-sample.wWIDTH.txt at widths 78 and 50
# (tests/run.sh runs this in several locales: the output may not change);
# hostile content must not reach any output format; JSON and HTML must
# parse; bad answers files and refused overwrites must fail cleanly.
# With UPDATE=1 the golden files are written instead. Prints PASS:/FAIL:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
dir=$top/tests/reports
work=$(mktemp -d)
suite=report
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1

golden() {	# golden FILE WIDTH
	out=$work/out.txt
	"$bin" report --width "$2" "$dir/$1.yaml" >"$out" 2>&1 || return 1
	[ "${UPDATE:-0}" = 1 ] && cp "$out" "$dir/$1.w$2.txt"
	diff -u "$dir/$1.w$2.txt" "$out"
}

for f in tr-sample en-sample; do
	for w in 78 50; do
		result "golden $f width $w" golden "$f" "$w"
	done
done

# No byte below 0x20 but newline, no DEL, no C1 control, no bidi override or isolate.
clean() {
	! LC_ALL=C grep -naP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"
}
hostile() {	# hostile FORMAT N
	"$bin" report --content tests/content/hostile -f "$1" "$dir/hostile-$2.yaml" \
	    >"$work/h.out" 2>"$work/h.err" || return 1
	clean "$work/h.out" && clean "$work/h.err" && [ -s "$work/h.out" ]
}
for fmt in text markdown html json; do
	for n in 1 2; do
		result "hostile content, $fmt, text $n" hostile "$fmt" "$n"
	done
done

json_matches_text() {	# the JSON parses and its overall level is the text report's
	"$bin" report -f json "$dir/en-sample.yaml" >"$work/r.json" || return 1
	level=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["overall"]["level"])' \
	    "$work/r.json") || return 1
	"$bin" report "$dir/en-sample.yaml" | grep -q "^Overall level: $level " ||
		{ echo "overall level $level is not in the text report"; return 1; }
	python3 - "$work/r.json" "$dir/en-sample.yaml" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["pack"]["id"] == "kapasite", r["pack"]
assert len(r["areas"]) == 8
assert all(isinstance(u, str) and u.startswith("http") for u in r["links"])
assert len(set(r["links"])) == len(r["links"]), "a link is listed twice"
PY
}
result "json parses and matches the text scores" json_matches_text

html_parses() {
	"$bin" report -f html "$dir/tr-sample.yaml" >"$work/r.html" || return 1
	xmllint --html --noout "$work/r.html" 2>&1 | tee "$work/lint" && [ ! -s "$work/lint" ]
}
result "html parses without errors" html_parses

markdown_renders() {
	"$bin" report -f markdown "$dir/tr-sample.yaml" >"$work/r.md" || return 1
	cmark "$work/r.md" >/dev/null && grep -q '^## İyileştirme planı$' "$work/r.md"
}
result "markdown renders" markdown_renders

bad_answers() {	# a bad answers file: FILE:LINE:COL and exit 2
	printf 'pack: kapasite\nversion: 1\nlanguage: en\nanswers:\n  - question: 8\n    choice: 1.5\n' \
	    >"$work/bad.yaml"
	"$bin" report "$work/bad.yaml" >/dev/null 2>"$work/err"
	rc=$?
	[ $rc = 2 ] || { echo "exit $rc"; return 1; }
	grep -q "^stok-assess: $work/bad.yaml:6:13: error: " "$work/err" || { cat "$work/err"; return 1; }
}
result "bad answers file fails with FILE:LINE:COL and exit 2" bad_answers

no_overwrite() {	# -o over an existing file without --force leaves it alone
	echo "keep me" >"$work/existing.txt"
	"$bin" report -o "$work/existing.txt" "$dir/en-sample.yaml" 2>"$work/err" && return 1
	[ "$(cat "$work/existing.txt")" = "keep me" ] || return 1
	"$bin" report --force -o "$work/existing.txt" "$dir/en-sample.yaml" || return 1
	"$bin" report "$dir/en-sample.yaml" | cmp -s - "$work/existing.txt"
}
result "-o refuses to overwrite without --force" no_overwrite

private_no_links() {	# -o writes mode 0600, and replaces a symbolic link, never its target
	rm -f "$work/new.txt"
	"$bin" report -o "$work/new.txt" "$dir/en-sample.yaml" || return 1
	[ "$(stat -c %a "$work/new.txt")" = 600 ] || { echo "mode $(stat -c %a "$work/new.txt")"; return 1; }
	echo "the target" >"$work/target.txt"
	ln -sf "$work/target.txt" "$work/link.txt"
	"$bin" report -o "$work/link.txt" "$dir/en-sample.yaml" 2>/dev/null && return 1
	"$bin" report --force -o "$work/link.txt" "$dir/en-sample.yaml" || return 1
	[ "$(cat "$work/target.txt")" = "the target" ] || { echo "the link was followed"; return 1; }
	[ -f "$work/link.txt" ] && [ ! -L "$work/link.txt" ]
}
result "-o writes mode 0600 and never through a symbolic link" private_no_links

lang_switch() {	# the same answers render in another language of the pack
	"$bin" report --lang tr "$dir/en-sample.yaml" | grep -q '^İyileştirme planı$'
}
result "--lang renders the same answers in Turkish" lang_switch

# Bad answers files: the exact diagnostics and exit status of report.
for case in tests/content/bad-answers/*.yaml; do
	name=$(basename "$case" .yaml)
	(cd tests/content/bad-answers && "$bin" report --content ../base "$name.yaml" \
	    >/dev/null 2>"$work/err"; echo "[exit $?]" >>"$work/err")
	[ "${UPDATE:-0}" = 1 ] && cp "$work/err" "${case%.yaml}.expected"
	result "bad answers $name" cmp "$work/err" "${case%.yaml}.expected"
done

# Texts in the seeds' form (front matter, [<u>title</u>](url) links), dropped
# into the Turkish pack in place of its texts for questions 11 and 8, render
# cleanly: the project's own fixtures always, the seeds themselves when
# ../shared/seeds (or $SEEDS) is there.
seedform_render() {	# seedform_render DIR TEXT-FOR-Q11 TEXT-FOR-Q8
	rm -rf "$work/seedpack"
	cp -r data/tr "$work/seedpack"
	rm "$work/seedpack/answers/insan-kaynaklari/q08-1.md" \
	    "$work/seedpack/answers/stratejik-yonetim/q11-1.md"
	cp "$1/$2" "$1/$3" "$work/seedpack/answers/"
	printf 'pack: kapasite\nversion: 1\nlanguage: tr\nanswers:\n  - question: 8\n    choice: 1\n  - question: 11\n    choice: 1\n' \
	    >"$work/seeds.yaml"
	"$bin" report --content "$work/seedpack" "$work/seeds.yaml" >"$work/seeds.txt" || return 1
	! grep -n '<u>\|</u>' "$work/seeds.txt" || return 1
	grep -q 'Gönüllü Yönetimi \[[0-9]*\]' "$work/seeds.txt" &&
	    grep -q '^\[[0-9]*\] https://www.stgm.org.tr/node/20247$' "$work/seeds.txt" &&
	    grep -q 'Herkese Lazım Dersler \[[0-9]*\]' "$work/seeds.txt" &&
	    grep -q '501 Commons \[[0-9]*\]' "$work/seeds.txt" && grep -q 'www.501commons.org/resources/' "$work/seeds.txt" ||
		{ grep -n 'Gönüllü\|Herkese\|stgm\|501' "$work/seeds.txt" | head; return 1; }
	# every link once
	[ "$(grep -c '^\[[0-9]*\] http' "$work/seeds.txt")" = \
	    "$(grep '^\[[0-9]*\] http' "$work/seeds.txt" | sort -u -k2 | wc -l)" ]
}
result "texts in the seeds' form render with their links and no <u>" \
    seedform_render tests/fixtures/seedform 000_f1a7c0de00000011.txt 001_f1a7c0de00000008.txt
seeds=${SEEDS:-$top/../shared/seeds}
if [ -f "$seeds/000_e0c8dc13ada409cf.txt" ] && [ -f "$seeds/001_727566c4d5cc03bf.txt" ]; then
	result "the seeds' guidance renders with its links and no <u>" \
	    seedform_render "$seeds" 000_e0c8dc13ada409cf.txt 001_727566c4d5cc03bf.txt
else
	echo "SKIP: $suite the seeds' guidance renders (no seeds in $seeds)"
fi

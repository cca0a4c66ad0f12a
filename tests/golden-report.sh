#!/bin/sh
# Golden reports and report behaviour. tests/reports/LANG-sample.yaml must
# give exactly tests/reports/LANG-sample.wWIDTH.txt at widths 78 and 50,
# and LANG-sample.md, .html and .json, shown.yaml (with the pack
# tests/content/shown) shown.w78.txt, .md, .html and .json, and
# note-table.yaml the same (tests/run.sh runs this in several locales:
# the output may not change); the Markdown
# must read as the text, and line mode's guidance as the text report's;
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

golden() {	# golden NAME FORMAT WIDTH SUFFIX [OPTIONS...]: the report against NAME.SUFFIX
	g_file=$1 g_fmt=$2 g_width=$3 g_suffix=$4	# not $name: result() prints it
	shift 4
	out=$work/out.$g_suffix
	"$bin" report -f "$g_fmt" --width "$g_width" "$@" "$dir/$g_file.yaml" >"$out" 2>&1 || return 1
	[ "${UPDATE:-0}" = 1 ] && cp "$out" "$dir/$g_file.$g_suffix"
	diff -u "$dir/$g_file.$g_suffix" "$out"
}

for f in tr-sample en-sample fi-sample; do
	for w in 78 50; do
		result "golden $f text width $w" golden "$f" text "$w" "w$w.txt"
	done
	result "golden $f markdown" golden "$f" markdown 78 md
	result "golden $f html" golden "$f" html 78 html
	result "golden $f json" golden "$f" json 78 json
	result "golden $f plain" golden "$f" plain 78 plain.txt
done
# Guidance shown otherwise than written (tests/content/shown): joiners, soft
# hyphens, tabs, raw HTML blocks and inline HTML, in every format.
for fmt in text:w78.txt markdown:md html:html json:json plain:plain.txt; do
	result "golden shown ${fmt%%:*}" golden shown "${fmt%%:*}" 78 "${fmt#*:}" \
	    --content tests/content/shown
done
# Notes whose lines hold '|', as a Markdown table's would, and a "~~~"
# line after them (tests/reports/note-table.yaml): as typed in every format.
for fmt in text:w78.txt markdown:md html:html json:json plain:plain.txt; do
	result "golden note-table ${fmt%%:*}" golden note-table "${fmt%%:*}" 78 "${fmt#*:}"
done

# The Markdown, parsed back by cmark, says word for word what the text
# report says: an escape shown as a backslash, a garbled letter or a lost
# word cannot hide in it. (The text adds bullets, rules and link numbers.)
md_reads_as_text() {	# md_reads_as_text NAME
	"$bin" report -f markdown "$dir/$1.yaml" | cmark -t xml >"$work/md.xml" || return 1
	"$bin" report --width 1000 "$dir/$1.yaml" >"$work/text.txt" || return 1
	python3 - "$work/md.xml" "$work/text.txt" <<'PY'
import re, sys, xml.etree.ElementTree as ET
# votes are a bar in the text and numbers elsewhere: both left out
NUMBERS = re.compile(r'\b\d+: \d+(, [^,:\n]+: \d+)*')
BAR = re.compile(r'\b\d+[ \u00a0][#.]+[ \u00a0]\d+([ \u00a0]\u00b7 [^\u00b7\n]+?[ \u00a0][#.]+[ \u00a0]\d+)*')
xml = open(sys.argv[1], encoding='utf-8').read()
xml = re.sub(r'<(softbreak|linebreak) />', '<text xml:space="preserve"> </text>', xml)
words = []
for el in ET.fromstring(xml).iter():
    if el.tag.split('}')[-1] in ('paragraph', 'heading', 'code_block'):
        words += NUMBERS.sub('', ''.join(t.text or '' for t in el.iter()
                         if t.tag.split('}')[-1] in ('text', 'code'))).split()
text = BAR.sub('', open(sys.argv[2], encoding='utf-8').read())
text = re.sub(r'\s\[\d+\]', '', text)	# the text numbers links
# the text marks emphasis, strength and code with _ * ` (of the guidance):
# compared without those characters, on both sides
marks = lambda ts: [u for u in (re.sub(r'[*_`]', '', t) for t in ts)
                    if u and not re.fullmatch(r'[=~\u2022>-]+', u)]
tokens, words = marks(text.split()), marks(words)
i = 0
for n, w in enumerate(words):
    while i < len(tokens) and tokens[i] != w:
        i += 1
    if i == len(tokens):
        ctx = ' '.join(words[max(0, n - 5):n + 1])
        sys.exit(f'word {n} "{w}" of the Markdown (after: {ctx}) is not in the text report')
    i += 1
assert '\ufffd' not in text and '\ufffd' not in ' '.join(words), 'U+FFFD in the report'
PY
}
for f in tr-sample en-sample fi-sample; do
	result "markdown of $f reads as its text report" md_reads_as_text "$f"
done

# What stok-assess(5) says of guidance holds in every report format: the
# text of a raw HTML block is shown without its tags, joiners and soft
# hyphens are dropped, a tab is a space, and Markdown read back by cmark
# and the HTML page say the very same lines as the text report.
shown_everywhere() {
	for fmt in text markdown html json; do
		"$bin" report -f $fmt --width 1000 --content tests/content/shown \
		    "$dir/shown.yaml" >"$work/s.$fmt" || return 1
	done
	cmark "$work/s.markdown" >"$work/s.md.html" || return 1
	python3 - "$work" <<'PY'
import html, json, re, sys
w = sys.argv[1]
want = ['Birleştirici AB, yumuşak AB tire, sıfırgenişlik, sözbirleştirici, varlık AB, '
        'sekme[ ]burada.',
        'Görünür kalanlar: <U+2063>ayırıcı ve <U+202E>ters<U+202C> yön.',
        'HTML bloğunun *metni* & 1 < 2 gösterilir, AB de.',
        'girintili satır', 'Satır içi etiketsiz metin.', 'Kılavuz adresi birleştiricisiz.',
        'kod sekme', 'Son paragraf.']
def lines(h):	# an HTML page's text, line by line, without its tags
    h = re.sub(r'<br />\n?', '\n', h)
    return [l.strip() for l in html.unescape(re.sub(r'<[^>]+>', '', h))
            .replace('\u00a0', ' ').split('\n')]
got = {'text': [re.sub(r' \[\d+\]', '', l.strip())	# the text numbers links
                for l in open(w + '/s.text', encoding='utf-8')],
       'markdown': lines(open(w + '/s.md.html', encoding='utf-8').read()),
       'html': lines(open(w + '/s.html', encoding='utf-8').read())}
for fmt, ls in got.items():
    # the guidance: after the answer's title, to the end of its text
    ls = ls[[l.endswith(': Görünmeyen karakterler') for l in ls].index(True) + 1:]
    ls = ls[:ls.index('Son paragraf.') + 1]
    for line in want:
        assert line in ls, f'{fmt}: not shown as the wizard shows it: {line!r}'
    g = '\n'.join(ls)
    for bad in ('\u200d', '\u00ad', '\u200b', '\u2060', '\t', '<U+200D>', '<U+00AD>', '^I',
                'kutu', 'yorum', 'span'):
        assert bad not in g, f'{fmt}: {bad!r} is shown'
# the link's address without the joiner too, as the wizard lists it
assert '[1] https://example.org/kılavuz' in got['text'], 'text: the link'
page = open(w + '/s.html', encoding='utf-8').read()
assert 'href="https://example.org/k%C4%B1lavuz"' in page, 'html: the link'
js = json.load(open(w + '/s.json', encoding='utf-8'))
assert js['links'] == ['https://example.org/kılavuz'], f'json: {js["links"]}'
page = page[page.index('Görünmeyen karakterler</p>'):page.index('Son paragraf.')]
for tag in ('<div class="kutu"', '<span', '<!--', 'raw HTML omitted'):
    assert tag not in page, f'html: {tag} passed into the page'
PY
}
result "guidance shows the same in the text, Markdown and HTML reports" shown_everywhere

# Line mode's guidance and the text report's say the same words.
linemode_as_report() {
	mkdir -p "$work/home" "$work/state"
	printf '1\n<\ng\nq\n' | HOME=$work/home XDG_STATE_HOME=$work/state TERM=dumb \
	    LANGUAGE=en "$bin" --ui=text --content tests/content/shown --fresh \
	    --session "$work/lm.yaml" >"$work/lm.out" 2>/dev/null || return 1
	"$bin" report --content tests/content/shown "$dir/shown.yaml" >"$work/lm.txt" || return 1
	python3 - "$work/lm.out" "$work/lm.txt" <<'PY'
import sys
out = open(sys.argv[1], encoding='utf-8').read()
# the guidance: from its title after the key g to the next prompt
wiz = out[out.index('guidance, n note, q quit]: g\n'):].split('\n', 1)[1]
wiz = wiz[:wiz.index('Answer [')].split()[2:]	# without its title
rep = open(sys.argv[2], encoding='utf-8').read()
rep = rep[rep.index('Yanıt (Düzey 1/2): Görünmeyen karakterler\n'):].split('\n', 1)[1].split()
# to the end of the text, then its links (under a heading in each one's language)
cut = lambda ws: (ws[:ws.index('paragraf.') + 1], [u for u in ws if u.startswith('https:')])
assert cut(wiz) == cut(rep), f'line mode: {cut(wiz)}\nreport: {cut(rep)}'
PY
}
if "$bin" --help 2>/dev/null | grep -q -- '--ui'; then
	result "line mode and the text report show the same words of guidance" linemode_as_report
else
	echo "SKIP: $suite line mode and the text report (the wizard command is not built)"
fi

notes_whole() {	# every note, letter for letter, in the Markdown, HTML and JSON
	for fmt in markdown html json; do
		"$bin" report -f $fmt "$dir/$1.yaml" >"$work/n.$fmt" || return 1
	done
	python3 - "$dir/$1.yaml" "$work" <<'PY'
import html, json, re, subprocess, sys
notes = [json.loads(m) for m in re.findall(r'^\s*note: ("(?:[^"\\]|\\.)*")\s*$',
         open(sys.argv[1], encoding='utf-8').read(), re.M)]
assert notes, 'no notes in the answers file'
w = sys.argv[2]
md_html = subprocess.run(['cmark', w + '/n.markdown'], capture_output=True, text=True).stdout
page = open(w + '/n.html', encoding='utf-8').read()
js = json.load(open(w + '/n.json', encoding='utf-8'))
jnotes = [a['note'] for a in js['answers'] if a.get('note')]
def plain(h):
    h = re.sub(r'<br />\n?', '\n', h)
    # a line's leading blanks come as no-break spaces, which read the same
    return html.unescape(re.sub(r'<[^>]+>', '', h)).replace('\u00a0', ' ')
for n in notes:
    for line in n.split('\n'):
        assert line in plain(md_html), f'Markdown lost: {line}'
        assert line in plain(page), f'HTML lost: {line}'
    assert n in jnotes, f'JSON lost: {n}'
PY
}
for f in tr-sample en-sample fi-sample note-lines note-table; do
	result "every note of $f whole in markdown, html and json" notes_whole "$f"
done

note_as_typed() {	# a note's lines read as typed: no list, code, heading or rule made of them
	"$bin" report -f markdown "$dir/note-lines.yaml" | cmark >"$work/nl.md.html" &&
	    "$bin" report -f html "$dir/note-lines.yaml" >"$work/nl.html" &&
	    "$bin" report "$dir/note-lines.yaml" >"$work/nl.txt" || return 1
	python3 - "$work" <<'PY' || return 1
import re, sys
w = sys.argv[1]
for f in ('nl.md.html', 'nl.html'):
    page = open(w + '/' + f, encoding='utf-8').read()
    q = page[page.index('Kurul dedi ki'):]
    q = q[:q.index('</blockquote>')]
    for tag in ('<ul', '<ol', '<pre', '<h1', '<h2', '<hr', '<blockquote', '<code'):
        assert tag not in q, f'{f}: the note made a {tag}>: {q}'
    plain = re.sub(r'<[^>]+>', '', q).replace('\u00a0', ' ')
    for line in ('  - hiçbir şey değişmedi', '   1. tutanağa bakın', '~~~ py',
                 '    Girintili ikinci paragraf.', '&gt; alıntı değil', '---'):
        assert line in plain, f'{f}: not as typed: {line!r} in {plain!r}'
PY
	# the text report keeps the empty lines and the leading blanks
	sed -n '/Not: Kurul dedi ki/,/^> ---$/p' "$work/nl.txt" >"$work/nl.note"
	printf '%s\n' '> Not: Kurul dedi ki:' '>   - hiçbir şey değişmedi' '>    1. tutanağa bakın' \
	    '> ~~~' '> taslak' '> ~~~ py' '> # başlık değil' '>' '> İki paragraf.' '>' \
	    '>     Girintili ikinci paragraf.' '> > alıntı değil' '> ---' |
	    sed 's/\(^>  *\)/\1/' >"$work/nl.want"
	python3 - "$work/nl.note" "$work/nl.want" <<'PY'
import sys
got = open(sys.argv[1], encoding='utf-8').read().replace('\u00a0', ' ')
want = open(sys.argv[2], encoding='utf-8').read()
assert got == want, 'text report:\n' + got
PY
}
result "a note of several lines reads as typed in text, Markdown and HTML" note_as_typed

no_english() {	# no fixed English word in a Turkish or Finnish report
	for f in tr-sample fi-sample; do
		"$bin" report "$dir/$f.yaml" >"$work/ne.txt" || return 1
		! grep -nw 'n/a\|Not applicable\|Question\|Answer\|Votes\|Note\|Level\|Summary' \
		    "$work/ne.txt" || return 1
	done
}
result "no English word in the Turkish and Finnish reports" no_english

legend() {	# a legend under the summary, in the pack's language
	"$bin" report "$dir/en-sample.yaml" | grep -q '^Level: the mean of the levels' &&
	"$bin" report "$dir/tr-sample.yaml" | grep -q '^Düzey: alanda seçilen' &&
	"$bin" report "$dir/fi-sample.yaml" | grep -q '^Taso: osa-alueella'
}
result "the summary has a legend in each language" legend

summary_lines_up() {	# areas without a level: their bars stand under the others'
	printf 'pack: kapasite\nversion: 1\nlanguage: tr\nanswers:\n  - question: 1\n    choice: 2\n' \
	    >"$work/part.yaml"
	"$bin" report --width 78 --content data/tr "$work/part.yaml" >"$work/part.txt" || return 1
	# the column of each summary line's bar, in characters
	cols=$(sed -n '/^Özet$/,/^Genel düzey/p' "$work/part.txt" | grep '^• ' | python3 -c '
import sys
print(" ".join(str(l.index("[")) for l in sys.stdin.read().splitlines()))')
	[ "$(echo "$cols" | tr ' ' '\n' | sort -u | wc -l)" = 1 ] &&
	    [ "$(echo "$cols" | wc -w)" = 8 ] || { echo "bars at columns: $cols"; return 1; }
}
result "the summary's bars line up when an area has no level" summary_lines_up

# A vote's option, bar and count are read together: a line never ends
# after an option's number or bar, nor starts with its count ("n/a #" and
# then "1" alone, "ei" and then "koske meitä ### 3", at 50 columns).
votes_whole() {
	for f in tr-sample en-sample fi-sample; do
		for w in 78 50 40 30; do
			"$bin" report --width "$w" "$dir/$f.yaml" >"$work/votes.txt" || return 1
			python3 - "$work/votes.txt" "$f" "$w" <<'PY' || return 1
import re, sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
end = re.compile(r'[#.+][ \u00a0]\d+(\u00a0\u00b7)?$')
for i, l in enumerate(lines):
    if not re.match(r'\s*(Votes|Oylar|Äänet):', l):
        continue
    while not end.search(l):
        sys.exit(f'{sys.argv[2]} at {sys.argv[3]}: a vote cut at the line end: {l!r} / {lines[i + 1]!r}')
    while l.endswith('\u00b7'):	# wrapped after a whole vote: the next line goes on
        i += 1
        l = lines[i]
        if not end.search(l):
            sys.exit(f'{sys.argv[2]} at {sys.argv[3]}: a vote cut at the line end: {l!r}')
PY
		done
	done
	# a room of 15 at 20 to 40 columns: an option too wide to hold keeps
	# its spaces, and no line starts with the dot between two options
	printf 'pack: "kapasite"\nversion: 1\nlanguage: "tr"\nanswers:\n  - question: 1\n    choice: 2\n    votes: [15, 14, 13, 12, 11]\n' >"$work/room15.yaml"
	for w in $(seq 20 40); do
		"$bin" report --width "$w" "$work/room15.yaml" | grep -n '^[[:space:]]*·' |
		    sed "s/^/--width $w: /" | grep . && return 1
	done
	return 0
}
result "a vote's option, bar and count stay on one line" votes_whole

lang_missing() {	# --lang L of a pack without L: exit 2, naming the languages it has
	"$bin" report --lang xx "$dir/tr-sample.yaml" >"$work/o" 2>"$work/e"
	rc=$?
	[ $rc = 2 ] || { echo "exit $rc"; return 1; }
	[ ! -s "$work/o" ] || { echo "printed a report"; return 1; }
	grep -q "^stok-assess: pack 'kapasite' has no language 'xx': it has .*en" "$work/e" &&
	    grep -q "tr" "$work/e" || { cat "$work/e"; return 1; }
	"$bin" report --lang en "$dir/fi-sample.yaml" >/dev/null 2>"$work/e"
	[ $? = 2 ] && grep -q "has no language 'en': it has fi" "$work/e" || { cat "$work/e"; return 1; }
	"$bin" merge --lang xx "$dir/tr-sample.yaml" >/dev/null 2>&1
	[ $? = 2 ] || { echo "merge --lang xx did not fail"; return 1; }
}
result "--lang of a language the pack lacks is a usage error naming its languages" lang_missing

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
	python3 - "$work/r.json" "$dir/en-sample.yaml" "$dir/tr-sample.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["pack"]["id"] == "kapasite", r["pack"]
assert len(r["areas"]) == 8
assert all(isinstance(u, str) and u.startswith("http") for u in r["links"])
assert len(set(r["links"])) == len(r["links"]), "a link is listed twice"
# an answer's links are addresses, each in the report's list (numbers from 1 read as
# indexes from 0 pointed at the wrong one)
for a in r["answers"]:
    assert all(isinstance(u, str) and u in r["links"] for u in a.get("links", [])), a
t = json.load(open(sys.argv[3]))	# marked for follow-up: a JSON true, not 1
assert [a["question"] for a in t["answers"] if a.get("followup") is True] == [12], t["answers"]
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

full_stdout() {	# a report that cannot be written says so and fails, in every format
	for fmt in text markdown html json; do
		# tr-sample's text (92 KB) goes out in pieces as it is laid out
		"$bin" report -f "$fmt" "$dir/tr-sample.yaml" >/dev/full 2>"$work/err"
		[ $? = 1 ] || { echo "$fmt: exit status not 1"; return 1; }
		grep -q "cannot write to standard output" "$work/err" || { cat "$work/err"; return 1; }
	done
}
if [ -w /dev/full ]; then
	result "a report to a full disk fails with an error, in every format" full_stdout
else
	echo "SKIP: $suite a report to a full disk (no /dev/full here)"
fi

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

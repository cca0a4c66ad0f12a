#!/bin/sh
# Golden group and progress reports. Five respondents in three roles (one
# "not applicable", one answering an older version of the pack) merged on a
# copy of data/tr raised to version 2; two years of one organisation for
# diff. With UPDATE=1 the golden files are written. Prints PASS:/FAIL:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
dir=$top/tests/merge
work=$(mktemp -d)
suite=merge
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1
cp -r data/tr "$work/tr"
sed -i 's/^version: 1$/version: 2/' "$work/tr/assessment.yaml"

golden() {	# golden FILE COMMAND...: stdout and stderr against FILE
	gold=$1
	shift
	(cd "$dir" && "$@") >"$work/out" 2>&1
	echo "[exit $?]" >>"$work/out"
	[ "${UPDATE:-0}" = 1 ] && cp "$work/out" "$dir/$gold"
	diff -u "$dir/$gold" "$work/out"
}

result "golden group report, text" golden merge.txt \
    "$bin" merge --content "$work/tr" r1-board.yaml r2-board.yaml r3-staff.yaml \
    r4-staff.yaml r5-volunteer.yaml
result "golden group report, 50 columns" golden merge.w50.txt \
    "$bin" merge --width 50 --content "$work/tr" r1-board.yaml r2-board.yaml \
    r3-staff.yaml r4-staff.yaml r5-volunteer.yaml
result "golden progress report" golden diff.txt \
    "$bin" diff --content "$work/tr" diff-2025.yaml diff-2026.yaml
result "golden progress report, 50 columns" golden diff.w50.txt \
    "$bin" diff --width 50 --content "$work/tr" diff-2025.yaml diff-2026.yaml
result "a respondent's file given twice is refused" golden merge-twice.expected \
    "$bin" merge --content "$work/tr" r1-board.yaml r2-board.yaml ./r1-board.yaml

golden_stderr() {	# golden_stderr FILE COMMAND...: stderr and exit status against FILE, a report on stdout
	gold=$1
	shift
	(cd "$dir" && "$@") >"$work/out" 2>"$work/err"
	echo "[exit $?]" >>"$work/err"
	[ "${UPDATE:-0}" = 1 ] && cp "$work/err" "$dir/$gold"
	[ -s "$work/out" ] || { echo "no report on stdout"; return 1; }
	diff -u "$dir/$gold" "$work/err"
}

# A group report is of one organisation: a file naming another one than
# the first file that names one is warned of, and merged all the same; the
# same name in other case and blanks is the same organisation.
result "a group report warns of a file naming another organisation" \
    golden_stderr merge-other-org.expected \
    "$bin" merge --content "$work/tr" r1-board.yaml other-org.yaml same-org.yaml

# A copy of a respondent's file (another name, the same answers) and a file
# with no answer are warned of, and merged all the same.
result "a group report warns of a copied file and of one with no answer" \
    golden_stderr merge-copies.expected \
    "$bin" merge --content "$work/tr" r1-board.yaml r2-board.yaml no-answers.yaml copy-of-r2.yaml

copy_reordered() {	# the same answers written in another order are the same answers
	python3 - "$dir/r2-board.yaml" "$work/r2-reordered.yaml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
head, rest = s.split('answers:\n', 1)
items = re.split(r'(?m)^(?=  - question: )', rest)
first, items = items[0], items[1:]
m = re.search(r'(?m)^\S', items[-1])
tail = items[-1][m.start():] if m else ''
if m:
    items[-1] = items[-1][:m.start()]
open(sys.argv[2], 'w', encoding='utf-8').write(head + 'answers:\n' + first + ''.join(items[::-1]) + tail)
PY
	(cd "$dir" && "$bin" merge --content "$work/tr" r2-board.yaml "$work/r2-reordered.yaml") \
	    2>"$work/err" >/dev/null || return 1
	grep -q "r2-reordered.yaml: warning: holds the same answers, notes, role and date as r2-board.yaml" \
	    "$work/err" || { cat "$work/err"; return 1; }
}
result "a copy with its answers in another order is warned of too" copy_reordered

not_copies() {	# answers that differ are never called copies, whatever their sums
	# Every question 1 in one file and 4 in the other: the per-answer sums
	# once added up to the same total (a trainer was told to leave out a
	# real respondent); and each choice against each other on 1 to 32
	# questions (all the pack has), in merge and network.
	python3 - "$work/nc" <<'PY'
import os, sys
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
for n in range(1, 33):
    for c in range(1, 5):
        with open(os.path.join(d, 'q%02d-c%d.yaml' % (n, c)), 'w') as o:
            o.write('pack: "kapasite"\nversion: 2\nlanguage: "tr"\n'
                    'organisation: "Org %d"\nanswers:\n' % n)
            for q in range(1, n + 1):
                o.write('  - question: %d\n    choice: %d\n' % (q, c))
PY
	for n in $(seq -w 1 32); do
		"$bin" merge --content "$work/tr" "$work"/nc/q$n-c*.yaml 2>"$work/err" >/dev/null ||
		    { cat "$work/err"; return 1; }
		! grep -q "same answers" "$work/err" || { echo "$n questions:"; cat "$work/err"; return 1; }
	done
	"$bin" network --content "$work/tr" "$work"/nc/q*.yaml 2>"$work/err" >/dev/null ||
	    { cat "$work/err"; return 1; }
	! grep -q "same answers" "$work/err" || { head -5 "$work/err"; return 1; }
}
result "answers that differ are not warned of as copies" not_copies

csv_note_lines() {	# a note's line breaks are line breaks inside its CSV cell
	cp "$dir/r1-board.yaml" "$work/csv-note.yaml"
	python3 - "$work/csv-note.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
s = s.replace('  - question: 1\n    choice: 4\n',
              '  - question: 1\n    choice: 4\n    note: "-2+3, \\"quoted\\"\\nline2\\n=SUM(A1)"\n', 1)
open(p, 'w', encoding='utf-8').write(s)
PY
	"$bin" merge -f csv --content "$work/tr" "$work/csv-note.yaml" "$dir/r2-board.yaml" \
	    >"$work/note.csv" || return 1
	python3 - "$work/note.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
notes = [c for r in rows for c in r if 'line2' in c]
assert notes == ["'-2+3, \"quoted\"\nline2\n=SUM(A1)"], notes
PY
}
result "a note's line breaks stay line breaks in its CSV cell" csv_note_lines

result "a progress report with the newer file first says so" golden diff-swapped.expected \
    "$bin" diff --content "$work/tr" diff-2026.yaml diff-2025.yaml

diff_checks() {	# another organisation, and a question gone to n/a, are not passed over
	sed 's/^organisation: .*/organisation: "Başka Vakıf"/' "$dir/diff-2026.yaml" >"$work/other.yaml"
	"$bin" diff --content "$work/tr" "$dir/diff-2025.yaml" "$work/other.yaml" \
	    >/dev/null 2>"$work/other.err" || return 1
	grep -q "other.yaml:4:15: warning: names another organisation (Başka Vakıf) than" "$work/other.err" ||
	    { cat "$work/other.err"; return 1; }
	"$bin" diff --content "$work/tr" "$dir/diff-2025.yaml" "$dir/diff-2026.yaml" 2>&1 >/dev/null |
	    grep -q "warning" && { echo "a warning for two files of one organisation"; return 1; }
	python3 - "$dir/diff-2026.yaml" "$work/na.yaml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
s = re.sub(r'(  - question: 2\n    choice: )\d+', r'\1na', s, 1)
open(sys.argv[2], 'w', encoding='utf-8').write(s)
PY
	"$bin" diff --width 1000 --content "$work/tr" "$dir/diff-2025.yaml" "$work/na.yaml" \
	    >"$work/na.txt" 2>/dev/null || return 1
	nb=$(printf '\302\240')	# the arrow's no-break spaces
	grep -q "^Yalnızca birinde yanıtlananlar (ya da geçerli olmayanlar)$" "$work/na.txt" &&
	    grep -q "^• Soru 2: .* (3$nb→${nb}geçerli değil)$" "$work/na.txt" ||
	    { sed -n '/Yalnızca/,$p' "$work/na.txt" | head; return 1; }
}
result "a progress report warns of another organisation and lists answers gone to n/a" diff_checks

exact_mean() {	# the group's mean is of the exact levels, rounded once: (8/3 + 2) / 2 is 2,33
	for pair in "a:3 4 1" "b:1 2 3"; do
		{
			printf 'pack: kapasite\nversion: 2\nlanguage: tr\nanswers:\n'
			q=25
			for c in ${pair#*:}; do
				printf '  - question: %d\n    choice: %d\n' $q "$c"
				q=$((q + 1))
			done
		} >"$work/mean-${pair%%:*}.yaml"
	done
	"$bin" merge --width 1000 --content "$work/tr" "$work/mean-a.yaml" "$work/mean-b.yaml" >"$work/mean.txt" &&
	    "$bin" merge -f json --content "$work/tr" "$work/mean-a.yaml" "$work/mean-b.yaml" \
	    >"$work/mean.json" || return 1
	grep -q "Öğrenme: Ortalama 2,33$dot En düşük 2,00$dot En yüksek 2,67" "$work/mean.txt" &&
	    grep -q "rol belirtilmemiş 2,33" "$work/mean.txt" &&
	    grep -q '"mean": 2.33' "$work/mean.json" &&
	    grep -q '"by_role": {"": 2.33}' "$work/mean.json" &&
	    ! grep -q "2[,.]34" "$work/mean.txt" "$work/mean.json" ||
	    { grep -n "Öğrenme\|2[.,]3[34]" "$work/mean.txt" "$work/mean.json"; return 1; }
}
result "a group's mean is of the exact levels, rounded once" exact_mean

rated_by() {	# each area's numbers say how many gave a level there: 3 in governance, 2 elsewhere
	printf 'pack: kapasite\nversion: 2\nlanguage: tr\nanswers:\n  - question: 1\n    choice: 2\n' \
	    >"$work/partial.yaml"
	(cd "$dir" && "$bin" merge --width 1000 --content "$work/tr" r1-board.yaml r2-board.yaml \
	    "$work/partial.yaml" >"$work/rated.txt" 2>/dev/null &&
	    "$bin" merge -f json --content "$work/tr" r1-board.yaml r2-board.yaml \
	    "$work/partial.yaml" >"$work/rated.json" 2>/dev/null) || return 1
	grep -q "^• Yönetişim: .*$dot Fark [0-9,]*$dot Düzey veren 3/3$" "$work/rated.txt" &&
	    grep -q "^• Stratejik Yönetim ve Planlama: .*$dot Düzey veren 2/3$" "$work/rated.txt" &&
	    python3 - "$work/rated.json" <<'PY' || { grep -n "Düzey veren" "$work/rated.txt"; return 1; }
import json, sys
areas = json.load(open(sys.argv[1], encoding='utf-8'))['areas']
got = [a['rated_by'] for a in areas]
assert got == [3] + [2] * 7, got
PY
}
result "a group report says how many gave a level in each area" rated_by

for fmt in markdown html json csv plain; do
	ext=$fmt
	[ $fmt = markdown ] && ext=md
	[ $fmt = plain ] && ext=plain.txt
	result "golden group report, $fmt" golden "merge.$ext" \
	    "$bin" merge -f $fmt --content "$work/tr" r1-board.yaml r2-board.yaml r3-staff.yaml \
	    r4-staff.yaml r5-volunteer.yaml
	[ $fmt = csv ] && continue
	result "golden progress report, $fmt" golden "diff.$ext" \
	    "$bin" diff -f $fmt --content "$work/tr" diff-2025.yaml diff-2026.yaml
done

# a question not applicable (2) or not answered (3) on one side: "na" and
# null in JSON, neither of them a level
result "golden progress report, json, with n/a and unanswered" golden diff-gaps.json \
    "$bin" diff -f json --content "$work/tr" diff-2025.yaml diff-gaps.yaml
result "golden progress report, json, with n/a and unanswered, older side" \
    golden diff-gaps-old.json \
    "$bin" diff -f json --content "$work/tr" diff-gaps.yaml diff-2026.yaml

md_reads_as_text() {	# md_reads_as_text COMMAND: its Markdown, parsed by cmark, says what its text says
	(cd "$dir" && "$@" -f markdown) | cmark -t xml >"$work/md.xml" || return 1
	(cd "$dir" && "$@" --width 1000) >"$work/text.txt" || return 1
	python3 - "$work/md.xml" "$work/text.txt" <<'PY'
import re, sys, xml.etree.ElementTree as ET
# votes are a bar in the text and numbers elsewhere: both left out
NUMBERS = re.compile(r'\b\d+: \d+(, [^,:\n]+: \d+)*')
BAR = re.compile(r'\b\d+ [#.]+ \d+( \u00b7 [^\u00b7\n]+? [#.]+ \d+)*')
xml = open(sys.argv[1], encoding='utf-8').read()
xml = re.sub(r'<(softbreak|linebreak) />', '<text xml:space="preserve"> </text>', xml)
words = []
for el in ET.fromstring(xml).iter():
    if el.tag.split('}')[-1] in ('paragraph', 'heading', 'code_block'):
        words += NUMBERS.sub('', ''.join(t.text or '' for t in el.iter()
                         if t.tag.split('}')[-1] in ('text', 'code', 'code_block'))).split()
# the text marks emphasis, strength and code with _ * ` (of the guidance):
# compared without those characters, on both sides
marks = lambda ts: [u for u in (re.sub(r'[*_`]', '', t) for t in ts)
                    if u and not re.fullmatch(r'[=~\u2022>-]+', u)]
words, tokens = marks(words), marks(BAR.sub('', open(sys.argv[2], encoding='utf-8').read()).split())
i = 0
for n, w in enumerate(words):
    while i < len(tokens) and tokens[i] != w:
        i += 1
    if i == len(tokens):
        sys.exit(f'word {n} "{w}" of the Markdown is not in the text report')
    i += 1
assert len(words) > 100, 'too few words'
PY
}
result "group report markdown reads as its text" md_reads_as_text \
    "$bin" merge --content "$work/tr" r1-board.yaml r2-board.yaml r3-staff.yaml \
    r4-staff.yaml r5-volunteer.yaml
result "progress report markdown reads as its text" md_reads_as_text \
    "$bin" diff --content "$work/tr" diff-2025.yaml diff-2026.yaml

json_parses() {
	"$bin" merge -f json --content "$work/tr" "$dir"/r*.yaml 2>/dev/null >"$work/m.json" &&
	python3 - "$work/m.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert len(m["respondents"]) == 5
assert len(m["areas"]) == 8 and len(m["questions"]) == 32
q16 = [q for q in m["questions"] if q["id"] == 16][0]
assert q16["not_applicable"] == 1, q16
assert set(m["areas"][0]["by_role"]) == {r["role"] for r in m["respondents"]} == {"board", "staff", "volunteer"}
# the notes, with their writers' role ids, and whose report it is
q1 = [q for q in m["questions"] if q["id"] == 1][0]
assert [n["role"] for n in q1["notes"]] == ["board"] and q1["notes"][0]["note"].startswith("Kurul her ay"), q1
assert m["organisation"] == "Mahalle Dayanışma Derneği", m.get("organisation")
PY
}
result "json parses and holds every respondent" json_parses

csv_rows() {	# one row per respondent and question, plus the header
	"$bin" merge -f csv --content "$work/tr" "$dir"/r*.yaml 2>/dev/null >"$work/m.csv" &&
	python3 -c 'import csv,sys; rows=list(csv.reader(open(sys.argv[1], newline=""))); assert len(rows)==5*32+1 and all(len(r)==12 for r in rows), len(rows)' "$work/m.csv"
}
result "csv has one row per respondent and question" csv_rows

html_parses() {
	"$bin" merge -f html --content "$work/tr" "$dir"/r*.yaml 2>/dev/null >"$work/m.html" &&
	    xmllint --html --noout "$work/m.html" 2>&1 | tee "$work/lint" && [ ! -s "$work/lint" ] &&
	"$bin" diff -f html --content "$work/tr" "$dir/diff-2025.yaml" "$dir/diff-2026.yaml" \
	    >"$work/d.html" && xmllint --html --noout "$work/d.html"
}
result "html parses" html_parses

other_pack() {	# answers to another pack are an error
	printf 'pack: hyvat-kaytanteet\nversion: 1\nlanguage: fi\n' >"$work/fi.yaml"
	"$bin" merge --content "$work/tr" "$dir/r1-board.yaml" "$work/fi.yaml" >/dev/null 2>"$work/err"
	[ $? = 2 ] && grep -q "fi.yaml:1:7: error: answers are for pack 'hyvat-kaytanteet', not 'kapasite'" "$work/err"
}
result "a file of another pack is an error" other_pack

role_na() {	# a role whose every answer to a question is "not applicable" still has its line
	"$bin" merge --content "$work/tr" "$dir/r1-board.yaml" "$dir/r3-staff.yaml" >"$work/na.txt" &&
	    awk '/^Soru 16\./{f=1} f&&/^  Çalışan: 1 × geçerli değil$/{ok=1} f&&/^Soru 17\./{exit} END{exit !ok}' \
	    "$work/na.txt" &&
	"$bin" merge -f plain --content "$work/tr" "$dir/r1-board.yaml" "$dir/r3-staff.yaml" |
	    awk '/^Soru 16\./{f=1} f&&/^  Çalışan: Bizim için geçerli değil: 1$/{ok=1} f&&/^Soru 17\./{exit} END{exit !ok}'
}
result "a role that found a question not its own says so" role_na

na_twice() {	# a question not applicable both times stayed as it was: said in every format
	sed 's/^date: .*/date: 2027-01-10/' "$dir/diff-gaps.yaml" >"$work/gaps-later.yaml"
	for f in text plain markdown html; do
		"$bin" diff -f $f --width 1000 --content "$work/tr" "$dir/diff-gaps.yaml" "$work/gaps-later.yaml" \
		    >"$work/na2.$f" 2>/dev/null || return 1
		grep -q "Soru 2:" "$work/na2.$f" || { echo "$f: question 2 is left out"; return 1; }
	done
	grep -q "(geçerli değil.→.geçerli değil)" "$work/na2.text" &&
	    grep -q "Önce geçerli değil, Sonra geçerli değil" "$work/na2.plain"
}
result "a question not applicable both times is among the unchanged" na_twice

json_says_what_text_says() {	# every fact of the group report's text is in its JSON
	# The golden respondents, one of them with a question marked for
	# follow-up; the plain text (numbers, no bars) read fact by fact, each
	# looked up in the JSON of the same merge.
	sed 's/^  - question: 5$/  - question: 5\n    followup: true/' "$dir/r3-staff.yaml" \
	    >"$work/r3-followup.yaml"
	set -- r1-board.yaml r2-board.yaml "$work/r3-followup.yaml" r4-staff.yaml r5-volunteer.yaml
	(cd "$dir" && "$bin" merge -f plain --width 1000 --content "$work/tr" "$@" \
	    >"$work/facts.txt" 2>/dev/null &&
	    "$bin" merge -f json --content "$work/tr" "$@" >"$work/facts.json" 2>/dev/null) ||
	    return 1
	python3 - "$work/facts.txt" "$work/facts.json" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding='utf-8').read().split('\n')
m = json.load(open(sys.argv[2], encoding='utf-8'))
NA = 'Bizim için geçerli değil'
lv = lambda v: None if v is None else ('%.2f' % v).replace('.', ',')
area_id = {a['title']: a['id'] for a in m['areas']}
area = {a['id']: a for a in m['areas']}
role_id = {r['title']: r['id'] for r in m['roles']}
question = {q['id']: q for q in m['questions']}
checked = []
def same(what, got, want):
    if got != want:
        sys.exit(f'{what}: the text says {got!r}, the JSON {want!r}')
    checked.append(what)
def section(title, stop):	# the lines under a heading, up to the next of stop
    i = text.index(title) + 1
    j = next(k for k in range(i, len(text)) if text[k] in stop)
    return [l for l in text[i:j] if l]
HEADS = {'Alanlar', 'En az uzlaşılan konular', 'Sorular',
         'Atölyede yeniden ele alınmak üzere işaretlenenler',
         'Her rolün alanları nasıl gördüğü', 'Soru başına yanıtlar',
         'Grubun iyileştirme planı'}
same('organisation', re.search(r'^Kuruluş: (.*)$', text[2]).group(1), m['organisation'])
n, roles = re.fullmatch(r'Yanıtlayanlar: (\d+) \((.*)\)', text[3]).groups()
same('respondents', int(n), len(m['respondents']))
same('roles', [tuple(r.rsplit(' ', 1)) for r in roles.split(', ')],
     [(r['title'], str(r['respondents'])) for r in m['roles']])
other = [re.fullmatch(r'• (.*) \(sürüm (\d+)\)', l).groups() for l in text if l.startswith('• r')]
same('other versions', other, [(r['file'], str(r['version'])) for r in m['respondents']
                               if r['other_version']])
for l in section('Alanlar', HEADS):
    t, mean, lo, hi, sp, rated, n = re.fullmatch(
        r'• (.*): Ortalama (\S+); En düşük (\S+); En yüksek (\S+); Fark (\S+); Düzey veren (\d+)/(\d+)',
        l).groups()
    a = area[area_id[t]]
    same('area ' + t, (mean, lo, hi, sp, int(rated), int(n)), (lv(a['mean']), lv(a['min']),
         lv(a['max']), lv(a['spread']), a['rated_by'], len(m['respondents'])))
k = text.index('Alanlar', text.index('En az uzlaşılan konular'))
areas = [re.fullmatch(r'\d+\. (.*): Fark (\S+) \((\S+)–(\S+)\)', l).groups()
         for l in text[k + 1:text.index('Sorular', k)] if l]
same('least consensus areas', [(area_id[t], s, lo, hi) for t, s, lo, hi in areas],
     [(a, lv(area[a]['spread']), lv(area[a]['min']), lv(area[a]['max']))
      for a in m['least_consensus']['areas']])
k = text.index('Sorular', k)
qs = [re.fullmatch(r'\d+\. Soru (\d+): .* \((\d)–(\d)\)', l).groups()
      for l in text[k + 1:] if re.match(r'\d+\. Soru ', l)]
same('least consensus questions', [tuple(map(int, q)) for q in qs],
     [(q, question[q]['min'], question[q]['max']) for q in m['least_consensus']['questions']])
fu = [int(re.match(r'• Soru (\d+):', l).group(1))
      for l in section('Atölyede yeniden ele alınmak üzere işaretlenenler', HEADS)]
same('follow-ups', fu, [q['id'] for q in m['questions'] if q.get('followup')])
assert fu == [5], fu
for l in section('Her rolün alanları nasıl gördüğü', HEADS):
    t, rest = re.fullmatch(r'• (.*?): (.*)', l).groups()
    same('roles of ' + t, {role_id[r.rsplit(' ', 1)[0]]: r.rsplit(' ', 1)[1]
                           for r in rest.split('; ')},
         {r: lv(v) for r, v in area[area_id[t]]['by_role'].items()})
lines = section('Soru başına yanıtlar', {'Grubun iyileştirme planı'})
q = None
for l in lines:
    if (h := re.match(r'Soru (\d+)\. ', l)):
        q = question[int(h.group(1))]
        want_roles = {r: v for r, v in q['by_role'].items() if v}
        got_roles, notes = {}, []
    elif re.fullmatch(r'  1: .*', l):
        c = [int(v) for v in re.findall(r'(?:^|, )\d+: (\d+)', l.strip())]
        na = re.search(NA + r': (\d+)$', l)
        same(f'counts of {q["id"]}', (c, int(na.group(1)) if na else 0),
             (q['counts'], q['not_applicable']))
    elif (r := re.fullmatch(r'  (.*?): ([\d ]*?)(?:(?:; )?' + NA + r': (\d+))?', l)) and \
            r.group(1) in role_id:
        got_roles[role_id[r.group(1)]] = [int(v) for v in r.group(2).split()] + \
            ['na'] * int(r.group(3) or 0)
        if len(got_roles) == len(want_roles):
            same(f'roles of {q["id"]}', got_roles, want_roles)
    elif (r := re.fullmatch(r'  Not \((.*?)\): (.*)', l)):
        notes.append((role_id[r.group(1)], r.group(2)))
        same(f'notes of {q["id"]}', notes,
             [(n['role'], n['note'].split('\n')[0]) for n in q.get('notes', [])][:len(notes)])
plan = []
for l in text[text.index('Grubun iyileştirme planı') + 1:]:
    if (h := re.fullmatch(r'\d+\. (.*) \(Düzey (\S+?)(?:, öncelik: (\S+))?\)', l)):
        plan.append((area_id[h.group(1)], h.group(2),
                     {'yüksek': 'high', 'orta': 'medium', 'düşük': 'low'}.get(h.group(3)), []))
    elif (h := re.fullmatch(r'   • Soru (\d+): .*', l)):
        plan[-1][3].append([int(h.group(1))])
    elif (h := re.fullmatch(r'     İlk adım: (.*)', l)):
        plan[-1][3][-1].append(h.group(1))
same('plan', plan, [(p['area'], lv(area[p['area']]['level']), area[p['area']]['priority'],
                     [[s['question'], s['step']] for s in p['steps']]) for p in m['plan']])
assert len(checked) > 80, len(checked)
PY
}
result "the group report's json says all that its text says" json_says_what_text_says

cut_short() (	# a file that ends in the middle of a line is warned of, once, by each command
	# as the network secretary's was: its last answers lost, and counted as complete
	python3 - "$dir" "$work/cut" <<'PY'
import os, sys
src, d = sys.argv[1], sys.argv[2]
os.makedirs(d, exist_ok=True)
for n, f in enumerate(['r1-board', 'r2-board', 'r3-staff', 'r4-staff', 'r5-volunteer']):
    s = open(os.path.join(src, f + '.yaml'), encoding='utf-8').read()
    s = s.replace('Mahalle Dayanışma Derneği', 'Dernek %d' % n)
    if f == 'r3-staff':
        s = s[:s.index('  - question: 6\n')] + '    '	# cut after question 5
    open(os.path.join(d, f + '.yaml'), 'w', encoding='utf-8').write(s)
PY
	want="r3-staff.yaml:19:5: warning: the answers file does not end with a line break, so it may have been cut short: compare it with the original, or answer again"
	cd "$work/cut" || return 1
	for args in "merge r3-staff.yaml r1-board.yaml" "merge r1-board.yaml r3-staff.yaml" \
	    "diff r3-staff.yaml r4-staff.yaml" "diff r4-staff.yaml r3-staff.yaml" \
	    "report r3-staff.yaml" "network r3-staff.yaml r1-board.yaml r2-board.yaml r4-staff.yaml r5-volunteer.yaml"; do
		# shellcheck disable=SC2086
		"$bin" $args --content "$work/tr" >/dev/null 2>"$work/cut.err" ||
		    { echo "$args: exit $?"; cat "$work/cut.err"; return 1; }
		[ "$(grep -c "line break" "$work/cut.err")" = 1 ] &&
		    grep -qxF "stok-assess: $want" "$work/cut.err" ||
		    { echo "$args:"; cat "$work/cut.err"; return 1; }
	done
	"$bin" merge --content "$work/tr" r1-board.yaml r2-board.yaml 2>&1 >/dev/null |
	    grep "line break" && return 1
	return 0
)
result "an answers file cut short is warned of, once, by every command" cut_short

same_words_narrow() {	# a narrow report breaks lines between words, never inside one
	# Twenty-four respondents of one role: the counts and the role's
	# levels make lines longer than 40 columns, which were broken by
	# columns ("Bizim için ge" / "çerli değil: 2", a bar cut in two).
	mkdir -p "$work/many"
	for i in $(seq 10 33); do
		sed "s/^date: .*/date: 2026-10-$(printf %02d $((i - 9)))/" "$dir/r$((i % 5 + 1))-"*.yaml |
		    sed 's/^role: .*/role: staff/' >"$work/many/r$i.yaml"
	done
	for f in text plain; do
		"$bin" merge -f $f --width 1000 --content "$work/tr" "$work"/many/*.yaml \
		    >"$work/wide.$f" 2>/dev/null &&
		    "$bin" merge -f $f --width 40 --content "$work/tr" "$work"/many/*.yaml \
		    >"$work/narrow.$f" 2>/dev/null || return 1
		python3 - "$work/wide.$f" "$work/narrow.$f" <<'PY' || return 1
import re, sys
# the rules under headings (as wide as the heading's lines) and the
# quotes' marks, one a line: left out
words = lambda p: [w for w in open(p, encoding='utf-8').read().split()
                   if not re.fullmatch(r'[=~>-]+', w)]
wide, narrow = words(sys.argv[1]), words(sys.argv[2])
for n, (a, b) in enumerate(zip(wide, narrow)):
    if a != b:
        sys.exit(f'{sys.argv[2]}: word {n} is "{b}", not "{a}"')
assert len(wide) == len(narrow), (len(wide), len(narrow))
PY
	done
}
result "a narrow group report breaks lines between words" same_words_narrow

own_role_spellings() {	# a role in one's own words, typed in other case or spacing, is one role
	sed 's/^role: .*/role: "Gönüllü koordinatörü"/' "$dir/r1-board.yaml" >"$work/own1.yaml"
	sed 's/^role: .*/role: "GÖNÜLLÜ  koordinatörü"/' "$dir/r3-staff.yaml" >"$work/own2.yaml"
	"$bin" merge --content "$work/tr" "$work/own1.yaml" "$work/own2.yaml" \
	    "$dir/r4-staff.yaml" >"$work/own.txt" 2>/dev/null || return 1
	grep -q "^Yanıtlayanlar: 3 (Gönüllü koordinatörü 2, Çalışan 1)$" "$work/own.txt" ||
	    { grep "^Yanıtlayanlar" "$work/own.txt"; return 1; }
}
result "a role in one's own words is one role whatever its case and spacing" own_role_spellings

no_line_starts_with_a_dot() {	# the middle dot between figures stays with the figure before it
	for w in $(seq 20 90); do
		"$bin" merge --width "$w" --content "$work/tr" "$dir"/r[1-5]-*.yaml 2>/dev/null |
		    grep -n '^[[:space:]]*·' | sed "s/^/--width $w: /" | grep . && return 1
		"$bin" diff --width "$w" --content "$work/tr" "$dir/diff-2025.yaml" \
		    "$dir/diff-2026.yaml" 2>/dev/null |
		    grep -n '^[[:space:]]*·' | sed "s/^/diff --width $w: /" | grep . && return 1
	done
	return 0
}
result "no line of a group or progress report starts with a middle dot" no_line_starts_with_a_dot

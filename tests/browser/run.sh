#!/bin/sh
# The HTML report in a real browser. For the Turkish and the English
# golden answers files: headless Chromium prints the report to an A4 PDF,
# in which pdftotext must find every area, question and link address, with
# no word past the page's printable area; the page, 360 and 1280 px wide,
# must not scroll sideways (screenshots are kept in $BROWSER_OUT when set);
# axe-core, run inside the page, must report no violation. Prints
# PASS:/FAIL:/SKIP: lines; exits 1 when something failed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
axe=${AXE:-$top/node_modules/axe-core/axe.min.js}
work=$(mktemp -d)
suite=browser
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ] || ! command -v pdftotext >/dev/null; then
	echo "SKIP: $suite every check (no chromium or pdftotext: make deps installs them)"
	exit 0
fi
# a fresh profile each run; root needs --no-sandbox
chrome() {
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
	    --user-data-dir="$work/profile" --hide-scrollbars "$@" 2>>"$work/chrome.log"
}

# area titles, question headings and link addresses of a report page
inventory() {	# inventory HTML: one item a line, "area|question|url<TAB>text"
	python3 - "$1" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.tag = None; self.buf = ''
    def handle_starttag(self, tag, attrs):
        if tag in ('h3', 'h4'):
            self.tag, self.buf = tag, ''
        if tag == 'a':
            print('url\t' + dict(attrs)['href'])
    def handle_data(self, d):
        if self.tag: self.buf += d
    def handle_endtag(self, tag):
        if tag == self.tag:
            print(('area' if tag == 'h3' else 'question') + '\t' + ' '.join(self.buf.split()))
            self.tag = None
P().feed(open(sys.argv[1], encoding='utf-8').read())
PY
}

pdf_complete() {	# pdf_complete LANG: every area, question and URL on paper
	inventory "$work/$1.html" >"$work/$1.items" || return 1
	[ "$(grep -c '^url' "$work/$1.items")" -gt 5 ] || { echo "too few links"; return 1; }
	pdftotext -bbox "$work/$1.pdf" "$work/$1.words.html" || return 1
	python3 - "$work/$1.items" "$work/$1.words.html" <<'PY'
import html, re, sys, unicodedata
# the words as placed on paper (pdftotext's plain output would join a
# hyphen at a line's end to the next line, which URLs must keep)
words = re.findall(r'<word [^>]*>(.*?)</word>', open(sys.argv[2], encoding='utf-8').read())
norm = lambda s: ''.join(unicodedata.normalize('NFC', s).split())
paper = norm(''.join(html.unescape(w) for w in words))
missing = []
for line in open(sys.argv[1], encoding='utf-8'):
    kind, item = line.rstrip('\n').split('\t', 1)
    if norm(item) not in paper:
        missing.append(f'{kind}: {item}')
if missing:
    sys.exit('not on paper:\n' + '\n'.join(missing[:20]))
PY
}

pdf_margins() {	# pdf_margins LANG: every word of the page on paper, inside the margins
	pdftotext -bbox "$work/$1.pdf" "$work/$1.bbox.html" || return 1
	python3 - "$work/$1.bbox.html" "$work/$1.html" <<'PY'
import html, html.parser, re, sys, unicodedata
doc = open(sys.argv[1], encoding='utf-8').read()
bad, placed = [], []
# @page margins are 18 mm top and bottom, 16 mm left and right (1 mm = 2.835 pt)
mx, my, slack = 16 * 2.835, 18 * 2.835, 2.0
for n, (w, h, body) in enumerate(re.findall(
        r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', doc, re.S), 1):
    w, h = float(w), float(h)
    if abs(w - 595.3) > 2 or abs(h - 841.9) > 2:
        bad.append(f'page {n} is {w}x{h} pt, not A4')
    for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body):
        x0, y0, x1, y1 = map(float, (x0, y0, x1, y1))
        placed.append((n, (y0 + y1) / 2, x0, html.unescape(word)))
        if x0 < mx - slack or x1 > w - mx + slack or y0 < my - slack or y1 > h - my + slack:
            bad.append(f'page {n}: "{word}" at x {x0:.0f}-{x1:.0f}, y {y0:.0f}-{y1:.0f}')
# A line cut at the edge loses its words: every word of the page's text
# must be on paper, in order (the paper adds link addresses and numbers).
class T(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.words = []; self.skip = 0
    def handle_starttag(self, tag, a):
        self.skip += tag in ('style', 'title', 'script')
    def handle_endtag(self, tag):
        self.skip -= tag in ('style', 'title', 'script')
    def handle_data(self, d):
        if not self.skip: self.words += d.split()
t = T(); t.feed(open(sys.argv[2], encoding='utf-8').read())
# words in the order they stand on paper: line by line (a word whose middle
# is within 4 pt of the line's), left to right
lines, order = [], []
for w in sorted(placed):
    if lines and lines[-1][0] == w[0] and abs(lines[-1][1] - w[1]) < 4:
        lines[-1][2].append(w)
    else:
        lines.append((w[0], w[1], [w]))
for _, _, ws in lines:
    order += [w[3] for w in sorted(ws, key=lambda w: w[2])]
norm = lambda s: ''.join(unicodedata.normalize('NFC', s).split())
paper, pos = norm(''.join(order)), 0
for k, word in enumerate(t.words):
    i = paper.find(norm(word), pos)
    if i < 0:
        bad.append(f'word {k} "{word}" (after "{" ".join(t.words[max(0, k - 6):k])}") is not on paper')
        break
    pos = i + len(norm(word))
if bad:
    sys.exit('\n'.join(bad[:20]))
PY
}

# The page with a script that writes its results into the DOM.
probe_page() {	# probe_page LANG SCRIPT-FILE > page
	sed '/<\/body>/,$d' "$work/$1.html"
	echo '<script>'
	cat "$2"
	echo '</script></body></html>'
}

# The report inside an iframe WIDTH px wide (a headless window is never
# narrower than 500 px), whose document reports its own scroll width.
frame_page() {	# frame_page LANG WIDTH > page
	python3 - "$work/$1.html" "$2" <<'PY'
import html, sys
page = open(sys.argv[1], encoding='utf-8').read()
w = int(sys.argv[2])
print(f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{w} px</title>
<style>body{{margin:0}}iframe{{border:0;width:{w}px;height:1400px;display:block}}</style></head>
<body><iframe id="f" title="report" srcdoc="{html.escape(page, quote=True)}"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {{
	var d = this.contentDocument, p = document.createElement('pre');
	p.id = 'measure';
	p.textContent = 'scrollWidth=' + d.documentElement.scrollWidth +
	    ' innerWidth=' + this.contentWindow.innerWidth;
	document.body.appendChild(p);
}});
</script></body></html>""")
PY
}

no_overflow() {	# no_overflow LANG WIDTH: the page is no wider than the window
	frame_page "$1" "$2" >"$work/$1-$2-frame.html" || return 1
	chrome --window-size="$(($2 < 500 ? 500 : $2)),1400" --virtual-time-budget=5000 \
	    --dump-dom "file://$work/$1-$2-frame.html" >"$work/$1-$2.dom" || return 1
	m=$(grep -o 'scrollWidth=[0-9]* innerWidth=[0-9]*' "$work/$1-$2.dom") ||
		{ echo "no measurement in the page"; return 1; }
	sw=${m#scrollWidth=}; sw=${sw%% *}; iw=${m##*innerWidth=}
	[ "$iw" = "$2" ] || { echo "the frame is $iw px, not $2"; return 1; }
	[ "$sw" -le "$iw" ] || { echo "$m: the page scrolls sideways"; return 1; }
	chrome --window-size="$(($2 < 500 ? 500 : $2)),1400" --screenshot="$work/$1-$2.png" \
	    "file://$work/$1-$2-frame.html" >/dev/null || return 1
	[ -s "$work/$1-$2.png" ] || { echo "no screenshot"; return 1; }
	[ -z "${BROWSER_OUT:-}" ] || cp "$work/$1-$2.png" "$BROWSER_OUT/"
}

axe_clean() {	# axe_clean LANG: axe-core finds no violation
	{
		cat "$axe"
		cat <<'JS'
;window.addEventListener('load', function () {
	axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
		var p = document.createElement('pre');
		p.id = 'axe-result';
		p.textContent = 'AXE ' + JSON.stringify(r.violations.map(function (v) {
			return { id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) {
				return n.target.join(' '); }).slice(0, 5) };
		})) + ' END';
		document.body.appendChild(p);
	}, function (e) {
		document.body.appendChild(document.createTextNode('AXE-ERROR ' + e));
	});
});
JS
	} >"$work/axe-run.js"
	probe_page "$1" "$work/axe-run.js" >"$work/$1-axe.html"
	chrome --window-size=1280,900 --virtual-time-budget=30000 --dump-dom \
	    "file://$work/$1-axe.html" >"$work/$1-axe.dom" || return 1
	python3 - "$work/$1-axe.dom" <<'PY'
import html, json, re, sys
dom = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<pre id="axe-result">AXE (.*?) END</pre>', dom, re.S)
if not m:
    sys.exit('axe-core gave no result' + (': ' + re.search(r'AXE-ERROR[^<]*', dom).group(0)
                                          if 'AXE-ERROR' in dom else ''))
v = json.loads(html.unescape(m.group(1)))
if v:
    sys.exit('axe-core violations:\n' + '\n'.join(json.dumps(x, ensure_ascii=False) for x in v))
PY
}

stranded() {	# stranded LANG: no page ends with a heading, or with an area of the plan without its steps
	pdftotext -layout "$work/$1.pdf" "$work/$1.layout.txt" || return 1
	python3 - "$work/$1.html" "$work/$1.layout.txt" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding='utf-8').read()
def text(h):
    return ' '.join(html.unescape(re.sub(r'<[^>]+>', '', h)).split())
heads = [text(h) for h in re.findall(r'<h[1-5][^>]*>(.*?)</h[1-5]>', page, re.S)]
heads += [text(h) for h in re.findall(r'<li><strong>(.*?)</strong> \(', page)]
bad = []
pages = open(sys.argv[2], encoding='utf-8').read().split('\f')
for n, p in enumerate(pages[:-1], 1):
    lines = [' '.join(l.split()) for l in p.splitlines() if l.strip()]
    if lines and any(h.startswith(lines[-1]) or lines[-1].startswith(h) for h in heads if h):
        bad.append(f'page {n} ends with "{lines[-1]}"')
if bad:
    sys.exit('\n'.join(bad))
PY
}

self_contained() {	# self_contained LANG: nothing fetched from elsewhere
	! grep -nE '<(script|link|img|iframe|object|embed)[ >]|@import|url\(' "$work/$1.html"
}

for lang in tr en; do
	"$bin" report -f html "tests/reports/$lang-sample.yaml" >"$work/$lang.html" ||
		{ echo "FAIL: $suite $lang report"; continue; }
	result "$lang page is self-contained" self_contained "$lang"
	if chrome --no-pdf-header-footer --print-to-pdf="$work/$lang.pdf" \
	    "file://$work/$lang.html" >/dev/null && [ -s "$work/$lang.pdf" ]; then
		result "$lang PDF has every area, question and link address" pdf_complete "$lang"
		result "$lang PDF is A4 with every word of the page inside its margins" pdf_margins "$lang"
		result "$lang PDF leaves no heading at the foot of a page" stranded "$lang"
		[ -z "${BROWSER_OUT:-}" ] || cp "$work/$lang.pdf" "$BROWSER_OUT/"
	else
		echo "FAIL: $suite $lang printed to PDF"
		tail -5 "$work/chrome.log" | sed 's/^/    /'
	fi
	for width in 360 1280; do
		result "$lang page at $width px does not scroll sideways" no_overflow "$lang" "$width"
	done
	if [ -f "$axe" ]; then
		result "$lang page has no axe-core violation" axe_clean "$lang"
	else
		echo "FAIL: $suite $lang axe-core (no $axe: make deps installs it)"
	fi
done

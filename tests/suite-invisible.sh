#!/bin/sh
# Invisible characters and widths. Every default-ignorable code point
# (Unicode's Default_Ignorable_Code_Point), every format character
# (category Cf), U+2028, U+2029, the C0 and C1 controls and a few visible
# references (Turkish and Finnish letters, a combining mark, a wide CJK
# character) go through the layout (build/tests/suite-driver width) between
# two letters; each must come out with no invisible or control character
# left, and the width the program computes must be the width tmux draws:
# each result is printed in a tmux pane and the cursor's column asked of
# tmux itself (a DSR, ESC [ 6 n) after it. Prints PASS:/FAIL:/SKIP:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
suite=invisible
driver=$top/build/tests/suite-driver
if ! command -v tmux >/dev/null 2>&1 || ! command -v bash >/dev/null 2>&1; then
	echo "SKIP: invisible characters (tmux or bash is not installed)"
	exit 0
fi
if [ ! -x "$driver" ]; then
	echo "FAIL: invisible characters (no $driver: run make tests)"
	exit 0
fi
work=$(mktemp -d)
. "$top/tests/lib.sh"
sock=$work/tmux.sock
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT
tm_server
cd "$top" || exit 1

# The code points, one "A<cp>B" line each, and their numbers
python3 - "$work" <<'PY'
import sys, unicodedata
ranges = [(0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
          (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
          (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
          (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
          (0xE0000, 0xE0FFF)]	# Default_Ignorable_Code_Point, Unicode 15
cps = set()
for lo, hi in ranges:
    cps.update(range(lo, hi + 1))
cps.update(c for c in range(0x110000) if unicodedata.category(chr(c)) == 'Cf')
cps.update([0x2028, 0x2029, 0x7F] + list(range(1, 0x20)) + list(range(0x80, 0xA0)))
cps.discard(0x0A)
cps.discard(0x0D)
refs = [0xE4, 0x131, 0x130, 0x15F, 0x11F, 0x301, 0x6F22, 0xE5]
with open(sys.argv[1] + '/in', 'w', encoding='utf-8', newline='\n') as f:
    for c in sorted(cps) + refs:
        f.write('A' + chr(c) + 'B\n')
with open(sys.argv[1] + '/cps', 'w') as f:
    for c in sorted(cps) + refs:
        f.write('%04X\n' % c)
PY
"$driver" width <"$work/in" >"$work/out" || { echo "FAIL: invisible characters (the driver failed)"; exit 0; }
cut -f1 "$work/out" >"$work/computed"
cut -f2- "$work/out" >"$work/shown"

# Nothing invisible or control is left in what would be shown
shown_clean() {
	python3 - "$work/shown" "$work/cps" <<'PY'
import sys, unicodedata
bad = 0
cps = open(sys.argv[2]).read().split()
for n, line in enumerate(open(sys.argv[1], encoding='utf-8').read().split('\n')[:-1]):
    for ch in line:
        c = ord(ch)
        if c < 0x20 or 0x7F <= c < 0xA0 or unicodedata.category(ch) in ('Cf', 'Zl', 'Zp', 'Cc'):
            print('U+%s comes out with U+%04X in it: %r' % (cps[n], c, line))
            bad += 1
sys.exit(bad > 0)
PY
}
result "nothing invisible is shown" shown_clean

# What tmux draws: the cursor's column after each line, asked with a DSR
cat >"$work/draw.sh" <<'SH'
stty raw -echo
while IFS= read -r l; do
	printf '\r\033[2K%s\033[6n' "$l"
	IFS= read -r -d R resp </dev/tty
	echo "${resp##*;}" >>"$1/drawn"
done <"$1/shown"
stty sane
echo DRAWN-ALL
SH
tm new-session -d -s w -x 120 -y 10 "env LC_ALL=C.UTF-8 bash $work/draw.sh $work; sleep 30"
wait_for DRAWN-ALL >/dev/null 2>&1 || true
widths_agree() {
	[ -s "$work/drawn" ] || { echo "tmux drew nothing"; return 1; }
	awk '{ print $1 - 1 }' "$work/drawn" >"$work/drawn0"
	paste "$work/cps" "$work/computed" "$work/drawn0" | awk -F'\t' '
		$2 != $3 { printf "U+%s: the program counts %s columns, tmux draws %s\n", $1, $2, $3; bad++ }
		END { printf "%d code points compared\n", NR; exit bad > 0 }' >"$work/agree" ||
	    { cat "$work/agree"; return 1; }
	[ "$(wc -l <"$work/drawn")" = "$(wc -l <"$work/cps")" ] ||
	    { echo "tmux drew $(wc -l <"$work/drawn") of $(wc -l <"$work/cps") lines"; return 1; }
}
result "the computed width is the width tmux draws" widths_agree
cat "$work/agree" 2>/dev/null | tail -1 | sed 's/^/# /'

# Above U+FFFF too: a note with a tag character and a musical format
# character comes out of the JSON report as the same code points (a
# surrogate pair each), and the answers file keeps them through a save.
json_keeps() {
	printf 'pack: hostile\nversion: 1\nlanguage: en\nanswers:\n  - question: 1\n    choice: 1\n    note: "tag [\\U000E0041] music [\\U0001D173]"\n' >"$work/a.yaml"
	"$top/stok-assess" report --content tests/content/hostile -f json "$work/a.yaml" >"$work/a.json" || return 1
	python3 -c '
import json, sys
s = json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False)
sys.exit(0 if "tag [\U000e0041] music [\U0001d173]" in s else "not kept: " + s[:300])' "$work/a.json"
}
result "a tag character survives the JSON report" json_keeps

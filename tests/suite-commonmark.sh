#!/bin/sh
# The CommonMark spec's examples (the commonmark-spec npm package, pinned in
# package-lock.json, installed by "make deps"). Each example goes through
# the layout at the wizard's widths in one process (build/tests/suite-driver:
# no unsafe or invisible character, no line past the width but a link,
# every word of its text nodes shown, every link target listed); then all
# of them, as one pack of 652 answer texts, through "check" and through
# "report" in every format (text at 78, 50 and 20 columns). Invariants, not
# HTML equality. Prints PASS:/FAIL: per case and the counts at the end.
# SKIPs when node_modules is absent.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
suite=commonmark
work=$(mktemp -d)
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1
modules=${NODE_MODULES:-$top/node_modules}
spec=$modules/commonmark-spec/spec.txt
driver=$top/build/tests/suite-driver

if [ ! -f "$spec" ]; then
	echo "SKIP: commonmark spec (node_modules/commonmark-spec is not installed: run make deps)"
	exit 0
fi
if [ ! -x "$driver" ]; then
	echo "FAIL: commonmark spec (no $driver: run make tests)"
	exit 0
fi
"$driver" commonmark "$spec" 2>&1
rc=$?
[ $rc = 0 ] || [ $rc = 1 ] || echo "FAIL: commonmark spec (the driver stopped with status $rc)"

# The whole spec as one pack: check accepts it, warning only of raw HTML,
# of the spec's relative link addresses ('/url'), each with its position,
# and of the two examples whose address has a space, which the spec shows
# are no links: [link](/my uri) and [a](url &quot;tit&quot;)
n=$(python3 tests/suite/commonmark.py pack "$spec" "$work") || n=0
pack_ok() {
	"$bin" check "$work/pack" >"$work/check.out" 2>"$work/check.err" || { cat "$work/check.err"; return 1; }
	[ "$(grep -c ": warning: the link's address .* has a space" "$work/check.err")" = 2 ] ||
	    { grep "has a space" "$work/check.err"; echo "not the spec's two addresses with a space"; return 1; }
	! grep -v -e ': warning: raw HTML' -e ': warning: the link .* is neither an absolute' \
	    -e ": warning: the link's address '/my uri' has a space" \
	    -e ": warning: the link's address 'url &quot;tit&quot;' has a space" "$work/check.err"
}
result "pack of $n examples passes check" pack_ok

report() {	# report FORMAT WIDTH
	"$bin" report --content "$work/pack" -f "$1" --width "$2" "$work/answers.yaml" \
	    >"$work/r.out" 2>"$work/r.err" || { echo "exit status $?"; cat "$work/r.err"; return 1; }
	[ ! -s "$work/r.err" ] || { cat "$work/r.err"; return 1; }
	python3 tests/suite/commonmark.py check "$1" "$2" "$work/r.out" >"$work/r.check" ||
	    { cat "$work/r.check"; return 1; }
}
for w in 78 50 20; do
	result "report text, $w columns" report text $w
done
for f in markdown html json; do
	result "report $f" report $f 78
done

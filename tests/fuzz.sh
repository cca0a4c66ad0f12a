#!/bin/sh
# The fuzzers: builds the libFuzzer harnesses of tests/fuzz/ ("make
# fuzz-build", clang with -fsanitize=fuzzer,address,undefined, into
# build/fuzz/), replays every input kept in tests/fuzz/regressions/HARNESS/,
# then runs every harness at the same time for FUZZ_SECONDS seconds (30
# by default; "make fuzz FUZZ_SECONDS=N"). The corpora are built in
# build/fuzz/corpus/HARNESS/ from the bundled packs, tests/content and the
# seeds, and keep what the fuzzers add between runs. A crash leaves its
# input in build/fuzz/crashes/HARNESS/: fix it, then keep the input under
# tests/fuzz/regressions/HARNESS/. tests/run.sh calls this once.
# Prints PASS:/FAIL:/SKIP: lines with the number of executions.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
secs=${FUZZ_SECONDS:-30}
seeds=${SEEDS:-$top/../shared/seeds}
harnesses="answertext assessment session layout network yaml index"
out=build/fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v "${FUZZ_CC:-clang}" >/dev/null 2>&1; then
	echo "SKIP: fuzz (${FUZZ_CC:-clang} is not installed)"
	exit 0
fi
if ! ${MAKE:-make} -s --no-print-directory fuzz-build >"$work/build" 2>&1; then
	echo "FAIL: fuzz harnesses build (make fuzz-build; libFuzzer is in libclang-rt-14-dev: make deps)"
	sed 's/^/    /' "$work/build" | tail -20
	exit 0
fi

# seed HARNESS FILE...: copy inputs into the harness's corpus, named after
# their path. A layout input starts with its width byte: the seeds get 1,
# 20, 50, 78, 120 and 200 columns in turn. One python3 for all the files:
# two processes a file cost more than the fuzzing itself.
seed() {
	h=$1
	shift
	mkdir -p "$out/corpus/$h"
	python3 - "$out/corpus/$h" "$h" "$@" <<'PY'
import os, re, sys
corpus, harness, files = sys.argv[1], sys.argv[2], sys.argv[3:]
widths = (0, 19, 49, 77, 119, 199)	# the width byte w gives w + 1 columns
k = 0
for f in files:
    if not os.path.isfile(f):
        continue
    with open(f, "rb") as i:
        data = i.read()
    if harness == "layout":
        k += 1
        data = bytes([widths[k % 6]]) + data
    name = b"seed-" + re.sub(rb"[^A-Za-z0-9._-]", b"_", os.fsencode(f))
    with open(os.path.join(os.fsencode(corpus), name), "wb") as o:
        o.write(data)
PY
}
texts=$( { find tests/fixtures -type f -name "*.txt"
	   find data tests/content -path '*/answers/*' -type f \( -name '*.md' -o -name '*.txt' \)
	   find tests/content/bad -name '*.md'
	   [ -d "$seeds" ] && find "$seeds" -type f; } | sort)
seed answertext $texts
seed layout $texts
seed assessment $( { find data tests/content -name assessment.yaml
	find tests/content/bad -name '*.yaml'; } | sort)
seed session $(find tests/reports tests/linemode tests/content/bad-answers -name '*.yaml' | sort)
seed yaml $texts $(find data tests/reports tests/linemode tests/content -name '*.yaml' | sort)
# the index of data/fi (the pack fuzz_index reads) without its last line,
# which the harness adds
mkdir -p "$out/corpus/index" "$work/fi"
cp -Rp data/fi "$work/fi/pack" && ./stok-assess index "$work/fi/pack" >/dev/null &&
    sed '$d' "$work/fi/pack/answers.index" >"$out/corpus/index/seed-fi"
printf '\001' >"$out/corpus/index/seed-true"	# the true index, written by the harness,
printf '\001\003\004' >"$out/corpus/index/seed-swap"	# and one that swaps two lines' ids
mkdir -p "$out/corpus/network"	# the golden profile without its "[exit 0]" line
sed '$d' tests/network/profile40.yaml >"$out/corpus/network/seed-profile40"
for h in $harnesses; do	# as they are: a layout input has its width byte
	for f in tests/fuzz/regressions/"$h"/*; do
		[ -f "$f" ] && cp "$f" "$out/corpus/$h/regression-$(basename "$f")"
	done
done

# The inputs that crashed once, each run once.
for h in $harnesses; do
	set -- tests/fuzz/regressions/"$h"/*
	[ -f "$1" ] || continue
	if "$out/fuzz_$h" "$@" >"$work/replay" 2>&1; then
		echo "PASS: fuzz $h regressions ($# inputs)"
	else
		echo "FAIL: fuzz $h regressions"
		grep -E 'ERROR|invariant|Running:|SUMMARY' "$work/replay" | sed 's/^/    /' | head -20
	fi
done

# Every harness at once, for secs seconds.
for h in $harnesses; do
	case $h in
	layout)	dict=markdown.dict; max=16385 ;;
	*)	dict=yaml.dict; max=32768 ;;
	esac
	mkdir -p "$out/crashes/$h"
	"$out/fuzz_$h" -max_total_time="$secs" -print_final_stats=1 -timeout=10 \
	    -max_len=$max -dict="tests/fuzz/$dict" -artifact_prefix="$out/crashes/$h/" \
	    "$out/corpus/$h" >"$out/$h.log" 2>&1 &
	echo $! >"$work/$h.pid"
done
for h in $harnesses; do
	wait "$(cat "$work/$h.pid")"
	echo $? >"$work/$h.rc"
done
for h in $harnesses; do
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$h.log")
	if [ "$(cat "$work/$h.rc")" = 0 ] && [ -n "$runs" ]; then
		echo "PASS: fuzz $h: ${runs} executions in ${secs} s, no crash"
	else
		echo "FAIL: fuzz $h: crashed after ${runs:-?} executions (log: $out/$h.log)"
		grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$out/$h.log" |
		    sed 's/^/    /' | head -10
	fi
done

#!/bin/sh
# The test suite, as "make check" runs it. Every case is a job, and the
# jobs run side by side (JOBS at a time, by default two for each core,
# since many wait on a terminal) through xargs -P:
#   - the unit tests (build/tests/test_*, cmocka) and every test script
#     (tests/golden-*.sh, tests/e2e-*.sh, tests/suite-*.sh) in C.UTF-8,
#     tr_TR.UTF-8, fi_FI.UTF-8 and de_DE.UTF-8 (built with localedef into
#     build/locale, no root needed; the outputs must not change), except
#     the tmux tests, which set the wizard's locale themselves and run once,
#     and the field's suites and the index's, in the first two only;
#   - the manual pages through "make lint";
#   - once: the SIGKILL test (tests/kill.sh, 100 kills; KILLS=200 in CI),
#     the fuzzers (tests/fuzz.sh, 10 seconds a harness; FUZZ_SECONDS=30 in CI)
#     and the Makefile's conventions on a copy of the tree (tests/make.sh);
#   - valgrind (zero errors, zero definitely lost bytes) on every unit test
#     and on a representative set of the commands: every fourth command of
#     the report's golden suite, every second of those of merge and diff
#     and of the line-mode wizard, and check on every bundled and test pack.
# The tmux tests run at the normal priority, everything else at a lower
# one, so that a loaded machine does not starve the terminal they drive.
# "tests/run.sh --quick" (make check-unit) runs the offline subset: unit,
# golden and line-mode tests in C.UTF-8 and tr_TR.UTF-8, no tmux, no
# valgrind, no fuzzers, no network.
# Ends with one line "N passed, N failed, N skipped"; exit status 0 only
# when nothing failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
export SEEDS="${SEEDS:-$top/../shared/seeds}"
export LOCPATH="$top/build/locale"
# with SANITIZE=1: what LeakSanitizer reports that is not ours
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# The tests that drive the wizard in tmux: once, at the normal priority.
tmux_test() {
	grep -Eq '^[^#]*(\<tm new-session|\<tmux )' "$1" 2>/dev/null
}

# One job: run_job OUT KIND ARG [LOCALE], its PASS:/FAIL:/SKIP: lines in OUT.
run_job() {
	out=$1 kind=$2 arg=$3 loc=${4:-C.UTF-8}
	case $kind in
	unit)
		res=$(LC_ALL=$loc CMOCKA_MESSAGE_OUTPUT=TAP nice -n 5 "$arg" 2>&1); rc=$?
		name=$(basename "$arg")
		printf '%s\n' "$res" | sed -n \
		    -e "s/^ok [0-9]* - \(.*\) # SKIP.*/SKIP: [$loc] $name \1/p" \
		    -e "s/^not ok [0-9]* # SKIP \(.*\)/SKIP: [$loc] $name \1/p" \
		    -e "/# SKIP/!s/^ok [0-9]* - \(.*\)/PASS: [$loc] $name \1/p" \
		    -e "s/^not ok [0-9]* - \(.*\)/FAIL: [$loc] $name \1/p" >"$out"
		if [ $rc != 0 ]; then
			grep -q '^FAIL' "$out" || echo "FAIL: [$loc] $name exit status $rc" >>"$out"
			printf '%s\n' "$res" | grep -v '^ok' | sed 's/^/    /' | head -40 >>"$out"
		fi ;;
	script)
		if tmux_test "$arg"; then n=; else n="nice -n 5"; fi
		LC_ALL=$loc $n sh "$arg" 2>&1 |
		    sed "s/^\(PASS\|FAIL\|SKIP\): /\1: [$loc] /" >"$out"
		grep -q '^\(PASS\|FAIL\|SKIP\): ' "$out" ||
			{ echo "FAIL: [$loc] $arg printed no result"; sed 's/^/    /' "$out" | head -20; } \
			>>"$out" ;;
	lint)
		if ! command -v mandoc >/dev/null 2>&1; then
			echo "SKIP: lint (mandoc is not installed)" >"$out"
		elif ${MAKE:-make} -s --no-print-directory lint >"$out.why" 2>&1; then
			echo "PASS: lint mandoc -Tlint -Wwarning on the manual pages" >"$out"
		else
			{ echo "FAIL: lint mandoc -Tlint -Wwarning on the manual pages"
			  sed 's/^/    /' "$out.why" | head -30; } >"$out"
		fi
		rm -f "$out.why" ;;
	kill)
		# 100 kills here, 200 in CI (.ci/run), 50 under the sanitizers
		if [ "${SANITIZE:-0}" = 1 ]; then k=50; else k=${KILLS:-100}; fi
		KILLS=$k LC_ALL=C.UTF-8 nice -n 5 bash tests/kill.sh >"$out" 2>&1 ;;
	make)
		LC_ALL=C.UTF-8 nice -n 5 sh tests/make.sh >"$out" 2>&1 ;;
	fuzz)
		# 10 seconds a harness here; CI (.ci/run) gives each 30
		FUZZ_SECONDS=${FUZZ_SECONDS:-10} LC_ALL=C.UTF-8 nice -n 10 sh tests/fuzz.sh >"$out" 2>&1 ;;
	valgrind-check)
		# check on every bundled pack and every test pack, under valgrind
		# (golden-diag.sh's two hundred bad files would cost more than all
		# the other valgrind jobs together)
		: >"$out"
		for d in data/*/ tests/content/*/; do
			[ -f "$d/assessment.yaml" ] || continue
			LC_ALL=C.UTF-8 nice -n 5 valgrind -q --error-exitcode=99 --suppressions="$top/tests/valgrind.supp" --leak-check=full \
			    --errors-for-leak-kinds=definite "$top/stok-assess" check "$d" \
			    >/dev/null 2>"$out.vg"
			if [ $? != 99 ] && ! grep -q '^==[0-9]*==' "$out.vg"; then
				echo "PASS: valgrind check $d" >>"$out"
			else
				{ echo "FAIL: valgrind check $d"; sed 's/^/    /' "$out.vg" | head -30; } >>"$out"
			fi
		done
		rm -f "$out.vg" ;;
	valgrind-unit)
		name=$(basename "$arg")
		if LC_ALL=C.UTF-8 nice -n 5 valgrind -q --error-exitcode=99 --suppressions="$top/tests/valgrind.supp" --leak-check=full \
		    --errors-for-leak-kinds=definite "$arg" >/dev/null 2>"$out.vg"; then
			echo "PASS: valgrind $name" >"$out"
		else
			{ echo "FAIL: valgrind $name"; sed 's/^/    /' "$out.vg" | head -30; } >"$out"
		fi
		rm -f "$out.vg" ;;
	valgrind)
		# the script's commands through a wrapper that runs the first and
		# every EVERYth after it (the job's fourth field, default 1: all)
		# under valgrind, the rest plainly: an error or a definite leak is
		# exit status 99 (so the case fails) and a non-empty log
		every=${4:-1}
		vg=$out.d
		mkdir -p "$vg"
		echo 0 >"$vg/count"
		cat >"$vg/stok-assess" <<-EOF
		#!/bin/sh
		n=\$((\$(cat "$vg/count") + 1))
		echo \$n >"$vg/count"
		[ \$(( (n - 1) % $every )) = 0 ] || exec "$top/stok-assess" "\$@"
		exec valgrind -q --error-exitcode=99 --suppressions="$top/tests/valgrind.supp" --leak-check=full --errors-for-leak-kinds=definite \\
		    --log-file="$vg/log.%p" "$top/stok-assess" "\$@"
		EOF
		chmod +x "$vg/stok-assess"
		LC_ALL=C.UTF-8 STOK_ASSESS=$vg/stok-assess nice -n 5 sh "$arg" 2>&1 |
		    sed 's/^\(PASS\|FAIL\|SKIP\): /\1: [valgrind] /' >"$out"
		for f in "$vg"/log.*; do
			[ -s "$f" ] || continue
			echo "FAIL: [valgrind] $arg: valgrind found errors or leaks"
			sed 's/^/    /' "$f" | head -30
		done >>"$out"
		rm -rf "$vg" ;;
	*)
		echo "FAIL: tests/run.sh: unknown job $kind" >"$out" ;;
	esac
	return 0
}

if [ "${1:-}" = --job ]; then
	shift
	t0=$(date +%s.%N)
	run_job "$@"
	# TEST_TIMES=FILE: each job's wall and CPU seconds, to see where the time goes
	if [ -n "${TEST_TIMES:-}" ]; then
		times >"$1.times"
		awk -v t0="$t0" -v t1="$(date +%s.%N)" -v job="$2 $3 ${4:-}" '
		    function s(x) { split(x, a, "m"); return a[1] * 60 + a[2] }
		    { cpu += s($1) + s($2) }
		    END { printf "%7.1f %7.1f  %s\n", t1 - t0, cpu, job }' "$1.times" >>"$TEST_TIMES"
		rm -f "$1.times"
	fi
	exit 0
fi
quick=0
[ "${1:-}" = --quick ] && quick=1

# Build the test locales once; LOCPATH points glibc at them.
mkdir -p "$LOCPATH"
for l in tr_TR fi_FI de_DE; do
	[ -d "$LOCPATH/$l.UTF-8" ] || localedef -i "$l" -f UTF-8 "$LOCPATH/$l.UTF-8" 2>/dev/null
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/log

# python3 itself, not a version manager's shim in front of it: pyenv's is
# a shell script that starts a dozen processes, 0.4 s a call on the CI
# machines, and the tests call python3 hundreds of times. The same
# interpreter, found once.
py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
if [ -n "$py" ] && [ -x "$py" ] && [ "$py" != "$(command -v python3)" ]; then
	mkdir -p "$work/bin"
	ln -s "$py" "$work/bin/python3"
	PATH=$work/bin:$PATH
	export PATH
fi
: >"$log"
jobs=$work/jobs
# What the tests leave in the clone's top folder, compared at the end: a
# test writes in its own temporary folder, never where it was started.
ls -A >"$work/top.before"

if [ $quick = 1 ]; then
	locales="C.UTF-8 tr_TR.UTF-8"
	scripts=$(ls tests/golden-*.sh tests/e2e-linemode.sh 2>/dev/null)
else
	locales="C.UTF-8 tr_TR.UTF-8 fi_FI.UTF-8 de_DE.UTF-8"
	scripts=$(ls tests/golden-*.sh tests/e2e-*.sh tests/suite-*.sh 2>/dev/null)
fi
for loc in $locales; do
	[ "$(LC_ALL=$loc locale charmap 2>/dev/null)" = UTF-8 ] ||
		echo "FAIL: locale $loc is not available (is the locales package installed?)" >>"$log"
done

# The job list, the longest first so that the cores stay busy to the end.
{
	if [ $quick = 0 ]; then
		echo fuzz -
		echo kill -
		echo make -
		for s in $scripts; do tmux_test "$s" && echo script "$s" C.UTF-8; done
		if [ "${SANITIZE:-0}" != 1 ] && command -v valgrind >/dev/null 2>&1; then
			# every fourth command of the report's goldens (five formats
			# and widths of three languages in turn, so that each format
			# and each language still runs under valgrind), every second
			# of those of merge and diff and of line mode
			echo valgrind tests/golden-report.sh 4
			echo valgrind tests/golden-merge.sh 2
			echo valgrind tests/e2e-linemode.sh 2
			echo valgrind-check -
			for t in build/tests/test_*; do echo valgrind-unit "$t"; done
		fi
	fi
	for loc in $locales; do
		for s in $scripts; do
			tmux_test "$s" && continue
			# the field's own suites (hundreds of cases each) and the index's
			# (a clean read against the index, many times over): C.UTF-8 and tr_TR.UTF-8
			case $s in tests/suite-*.sh|tests/golden-index.sh)
				case $loc in C.UTF-8|tr_TR.UTF-8) ;; *) continue ;; esac ;; esac
			echo script "$s" "$loc"
		done
		for t in build/tests/test_*; do echo unit "$t" "$loc"; done
	done
	echo lint -
} | awk -v w="$work" '{ printf "%s/out.%04d %s\n", w, NR, $0 }' >"$jobs"
if [ $quick = 0 ]; then
	if [ "${SANITIZE:-0}" = 1 ]; then
		echo "SKIP: valgrind (the sanitizers watch this build)" >>"$log"
	elif ! command -v valgrind >/dev/null 2>&1; then
		echo "SKIP: valgrind is not installed" >>"$log"
	fi
fi

# Two jobs a core: many of them wait (tmux, the SIGKILL test's pauses).
ncpu=$(nproc 2>/dev/null || echo 2)
njobs=${JOBS:-$((ncpu * 2))}
echo "== $(wc -l <"$jobs") jobs, $njobs at a time"
xargs -P "$njobs" -L 1 sh "$0" --job <"$jobs"
cat "$work"/out.* >>"$log" 2>/dev/null
ls -A | comm -13 "$work/top.before" - | while read -r f; do
	echo "FAIL: the tests left $f in the top folder (a test must write in its own temporary folder)"
done >>"$log"

grep '^PASS: fuzz' "$log"
grep -E '^(FAIL|SKIP)|^    ' "$log"
pass=$(grep -c '^PASS' "$log")
fail=$(grep -c '^FAIL' "$log")
skip=$(grep -c '^SKIP' "$log")
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]

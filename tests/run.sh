#!/bin/sh
# The whole test suite, as "make check" runs it: the unit tests (cmocka),
# the golden suites and the end-to-end tests, each in C.UTF-8, tr_TR.UTF-8,
# fi_FI.UTF-8 and de_DE.UTF-8 (built with localedef into build/locale, no
# root needed; the outputs must not change), the tmux tests once; then the
# SIGKILL test and the fuzzers once; then the unit tests and every golden
# case of the commands once more under valgrind. Ends with one line
# "N passed, N failed, N skipped". Exit status 0 only when nothing failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export SEEDS="${SEEDS:-$top/../shared/seeds}"

# Build the test locales once; LOCPATH points glibc at them.
locdir=$top/build/locale
mkdir -p "$locdir"
for l in tr_TR fi_FI de_DE; do
	[ -d "$locdir/$l.UTF-8" ] || localedef -i "$l" -f UTF-8 "$locdir/$l.UTF-8" 2>/dev/null ||
		echo "FAIL: localedef $l.UTF-8 (is the locales package installed?)" >>"$log"
done
export LOCPATH="$locdir"


for loc in C.UTF-8 tr_TR.UTF-8 fi_FI.UTF-8 de_DE.UTF-8; do
	echo "== $loc"
	export LC_ALL=$loc
	[ "$(LC_ALL=$loc locale charmap 2>/dev/null)" = UTF-8 ] ||
		echo "FAIL: locale $loc is not available" >>"$log"
	for t in build/tests/test_*; do
		out=$(CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1); rc=$?
		printf '%s\n' "$out" | sed -n \
		    -e "s/^ok [0-9]* - \(.*\) # SKIP.*/SKIP: [$loc] $(basename "$t") \1/p" \
		    -e "/# SKIP/!s/^ok [0-9]* - \(.*\)/PASS: [$loc] $(basename "$t") \1/p" \
		    -e "s/^not ok [0-9]* - \(.*\)/FAIL: [$loc] $(basename "$t") \1/p" >>"$log"
		[ $rc = 0 ] || printf '%s\n' "$out" | grep -v '^ok' | sed 's/^/    /' >>"$log"
	done
	for s in tests/golden-*.sh tests/e2e-*.sh tests/suite-*.sh; do
		[ -f "$s" ] || continue
		# the tmux tests set the wizard's locale themselves: once is enough
		case $s in tests/e2e-wizard.sh|tests/e2e-hostile.sh|tests/suite-invisible.sh) [ $loc = C.UTF-8 ] || continue ;; esac
		# the field's own suites (hundreds of cases each): in C.UTF-8 and tr_TR.UTF-8
		case $s in tests/suite-*.sh) [ $loc = C.UTF-8 ] || [ $loc = tr_TR.UTF-8 ] || continue ;; esac
		sh "$s" 2>&1 | sed "s/^\(PASS\|FAIL\|SKIP\): /\1: [$loc] /" >>"$log"
	done
done
unset LC_ALL

# Once, not in every locale: SIGKILL while saving (fewer kills under the sanitizers).
echo "== kills"
if [ "${SANITIZE:-0}" = 1 ]; then
	KILLS=50 bash tests/kill.sh >>"$log" 2>&1
else
	bash tests/kill.sh >>"$log" 2>&1
fi

# Once, not in every locale: the fuzzers, 30 seconds each, with their counts.
echo "== fuzz"
FUZZ_SECONDS=${FUZZ_SECONDS:-30} sh tests/fuzz.sh 2>&1 | tee -a "$log" | grep '^PASS'

# Valgrind: zero errors, zero definitely lost bytes.
echo "== valgrind"
if [ "${SANITIZE:-0}" = 1 ]; then
	echo "SKIP: valgrind (the sanitizers watch this build)" >>"$log"
elif command -v valgrind >/dev/null 2>&1; then
	for t in build/tests/test_*; do
		if LC_ALL=C.UTF-8 valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite "$t" >/dev/null 2>"$log.vg"; then
			echo "PASS: valgrind $(basename "$t")" >>"$log"
		else
			echo "FAIL: valgrind $(basename "$t")" >>"$log"
			sed 's/^/    /' "$log.vg" | head -30 >>"$log"
		fi
	done
	rm -f "$log.vg"

	# check, report, merge and diff on every golden case, through a
	# wrapper that runs them under valgrind: an error or a definite leak
	# is exit status 99 (so the case fails) and a non-empty log
	vg=$(mktemp -d)
	cat >"$vg/stok-assess" <<-EOF
	#!/bin/sh
	exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
	    --log-file="$vg/log.%p" "$top/stok-assess" "\$@"
	EOF
	chmod +x "$vg/stok-assess"
	for s in tests/golden-diag.sh tests/golden-report.sh tests/golden-merge.sh tests/golden-args.sh; do
		LC_ALL=C.UTF-8 STOK_ASSESS=$vg/stok-assess sh "$s" >"$vg/$(basename "$s").out" 2>&1 &
	done
	wait
	sed 's/^\(PASS\|FAIL\|SKIP\): /\1: [valgrind] /' "$vg"/*.out >>"$log"
	for f in "$vg"/log.*; do
		[ -s "$f" ] || continue
		echo "FAIL: valgrind found errors or leaks ($f)" >>"$log"
		sed 's/^/    /' "$f" | head -30 >>"$log"
	done
	rm -rf "$vg"
else
	echo "SKIP: valgrind is not installed" >>"$log"
fi

grep -E '^(FAIL|SKIP)|^    |^# ' "$log"
pass=$(grep -c '^PASS' "$log")
fail=$(grep -c '^FAIL' "$log")
skip=$(grep -c '^SKIP' "$log")
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]

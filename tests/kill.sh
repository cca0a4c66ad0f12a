#!/bin/bash
# Crashes lose at most one answer: the wizard (line mode, fed answers as
# a person would type them) is killed with SIGKILL at random moments, many
# times. Every time the session file must parse, hold only answers that
# were given, in order, with mode 0600 in a 0700 directory; and the next
# start must clean up any temporary file a kill left. KILLS sets how many
# (default 200). Prints PASS:/FAIL: lines.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
kills=${KILLS:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1
state=$work/state
session=$state/stok-assess/kapasite.yaml

# answer N: the choice typed for question N
answer() { echo $(( ($1 * 5) % 4 + 1 )); }

feed() {	# the organisation, the role, then answers with a person's pauses
	printf '\n\n'
	n=1
	while [ $n -le 32 ]; do
		answer $n
		[ $((n % 4)) = 0 ] && echo ""	# the area's priority: skipped
		n=$((n + 1))
		sleep 0.0$((RANDOM % 9 + 1))
	done
}

check_file() {
	[ -f "$session" ] || return 0	# killed before the first save
	"$bin" report --content data/tr "$session" >/dev/null 2>"$work/err" ||
		{ echo "kill $1: the session does not parse:"; cat "$work/err"; cat "$session"; return 1; }
	m=$(grep -c '^  - question: ' "$session")
	answers_seen=$((answers_seen + m))
	# questions 1 to m, each with the choice given (answer() above), in one pass
	awk -v m="$m" -v kill="$1" '
	    /^  - question: / { q = $3; next }
	    q != "" && /^    choice: / { got[q] = $2; q = "" }
	    END {
		for (n = 1; n <= m; n++)
			if (got[n] != (n * 5) % 4 + 1) {
				printf "kill %s: question %d is not saved as given\n", kill, n
				exit 1
			}
	    }' "$session" || { cat "$session"; return 1; }
	[ "$(stat -c %a "$session")" = 600 ] || { echo "mode $(stat -c %a "$session")"; return 1; }
	[ "$(stat -c %a "$state/stok-assess")" = 700 ] || { echo "directory mode"; return 1; }
}

survived=0
answers_seen=0
fail=0
i=1
while [ $i -le "$kills" ]; do
	rm -rf "$state"
	rm -f "$work/keys"
	mkfifo "$work/keys"
	feed >"$work/keys" 2>/dev/null &
	feeder=$!
	HOME=$work XDG_STATE_HOME=$state TERM=dumb LANGUAGE=en \
	    "$bin" --ui=text --content data/tr <"$work/keys" >/dev/null 2>&1 &
	pid=$!
	sleep 0.$((RANDOM % 30 + 1))
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	kill $feeder 2>/dev/null
	wait $feeder 2>/dev/null
	if ! check_file $i >"$work/why"; then
		fail=1
		break
	fi
	survived=$((survived + 1))
	i=$((i + 1))
done
if [ $fail = 0 ]; then
	echo "PASS: kill $survived SIGKILLs while saving ($answers_seen saved answers checked), every session file whole"
else
	echo "FAIL: kill a session file was damaged after $survived kills"
	sed 's/^/    /' "$work/why" | head -40
fi

# a temporary file left by a kill is removed at the next start
mkdir -p "$state/stok-assess"
touch "$session.tmp.AbC123"
printf 'q\n' | HOME=$work XDG_STATE_HOME=$state TERM=dumb "$bin" --ui=text --content data/tr \
    >/dev/null 2>&1
if [ -e "$session.tmp.AbC123" ]; then
	echo "FAIL: kill a stale temporary file is left at the next start"
else
	echo "PASS: kill stale temporary files are removed at the next start"
fi

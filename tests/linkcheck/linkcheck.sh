#!/bin/sh
# linkcheck.sh [PACK ...]: check every link that "stok-assess links" lists
# (the bundled packs by default) with curl. Each distinct URL is asked
# once: HEAD first, then GET when the server refuses HEAD (405, 403 or 501)
# or drops the connection; redirects are followed. A few URLs are checked
# in parallel, each with a time limit. Prints, for every use of a dead or
# moved URL,
#	FILE:LINE:COL: dead: URL: why
#	FILE:LINE:COL: moved: URL -> WHERE IT LEADS
# then a summary line on stderr. Exit status 1 when a link is dead, 2 when
# the links could not be listed, 0 otherwise.
# Environment: STOK_ASSESS (the program), LINKCHECK_TIMEOUT (seconds per
# request, 15), LINKCHECK_JOBS (requests at a time, 4).
set -u
timeout=${LINKCHECK_TIMEOUT:-15}
jobs=${LINKCHECK_JOBS:-4}

# curl once; sets code (HTTP status), hops (redirects), final (last URL), rc, err
probe() {
	err=$(mktemp)
	out=$(curl -sS $1 -o /dev/null -L --max-redirs 10 --max-time "$timeout" \
	    --proto =http,https --proto-redir =http,https -A "stok-assess-linkcheck/1" \
	    -w '%{http_code} %{num_redirects} %{url_effective}' --url "$url" 2>"$err")
	rc=$?
	why=$(head -n 1 "$err" | sed 's/^curl: ([0-9]*) //')
	rm -f "$err"
	code=${out%% *}
	rest=${out#* }
	hops=${rest%% *}
	final=${rest#* }
}

# One URL: one line "STATUS<TAB>URL<TAB>DETAIL", STATUS ok, moved or dead.
check_one() {
	url=$1
	case $url in
	http://*|https://*) ;;
	*)	printf 'dead\t%s\tnot an http or https URL\n' "$url"; return ;;
	esac
	probe --head
	case $rc:$code in
	0:403|0:405|0:501|52:*|56:*|8:*) probe "" ;;	# HEAD refused or dropped: GET
	esac
	if [ "$rc" = 28 ]; then
		printf 'dead\t%s\tno answer within %s s\n' "$url" "$timeout"
	elif [ "$rc" != 0 ]; then
		printf 'dead\t%s\t%s\n' "$url" "${why:-curl failed ($rc)}"
	elif [ "$code" -ge 400 ] 2>/dev/null || [ "$code" = 000 ]; then
		printf 'dead\t%s\tHTTP %s\n' "$url" "$code"
	elif [ "$hops" -gt 0 ] 2>/dev/null && [ "$final" != "$url" ]; then
		printf 'moved\t%s\t%s\n' "$url" "$final"
	else
		printf 'ok\t%s\t\n' "$url"
	fi
}

if [ "${1:-}" = --one ]; then	# internal: xargs calls us back for each URL
	check_one "$2"
	exit 0
fi

top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

"$bin" links "$@" >"$work/links"
st=$?
if [ $st != 0 ]; then
	echo "linkcheck: 'stok-assess links' failed (exit $st): fix the packs first" >&2
	exit 2
fi
cut -f2 "$work/links" | LC_ALL=C sort -u >"$work/urls"
xargs -r -d '\n' -n 1 -P "$jobs" sh "$0" --one <"$work/urls" >"$work/results"

# every use of a dead or moved URL, in the order of the links
# (what a server said, such as where it redirects, is shown with its control characters as "?")
LC_ALL=C awk -F '\t' -v summary="$work/summary" '
	FILENAME == ARGV[1] { d = $3; gsub(/[[:cntrl:]]/, "?", d)
	    status[$2] = $1; detail[$2] = d; n[$1]++; next }
	status[$2] == "dead" { printf "%s: dead: %s: %s\n", $1, $2, detail[$2]; uses++ }
	status[$2] == "moved" { printf "%s: moved: %s -> %s\n", $1, $2, detail[$2] }
	!($2 in status) { printf "%s: dead: %s: not checked\n", $1, $2; n["dead"]++ }
	END { printf "%d %d %d %d\n", n["ok"] + n["moved"] + n["dead"], n["dead"] + 0,
	    n["moved"] + 0, uses + 0 > summary }
' "$work/results" "$work/links"
read -r total dead moved uses <"$work/summary"
echo "linkcheck: $total URLs checked: $dead dead ($uses uses), $moved moved" >&2
[ "$dead" = 0 ]

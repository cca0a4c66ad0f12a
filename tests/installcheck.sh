#!/bin/sh
# The installed program on its installed content, as "make installcheck"
# (after "make install") and tests/deb.sh (after installing the Debian
# package) run it:
#   tests/installcheck.sh BIN DATADIR MANDIR LOCALEDIR "PACKDIR ..."
# BIN must report the version, check and list exactly the packs installed
# in DATADIR (found beside it, with no STOK_ASSESS_DATA), and take a whole
# assessment in line mode in Turkish from standard input, saving it and
# ending with the report. When LOCALEDIR is given (empty under DESTDIR,
# where the program cannot find its catalogues), the Turkish catalogue
# must be there and the wizard's own words must be Turkish (the English
# ones with LANGUAGE=en). Both manual pages must be installed and render.
# Prints PASS:/FAIL:/SKIP: lines; exit status 1 when something failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$1 datadir=$2 mandir=$3 localedir=$4 packs=$5
work=$(mktemp -d)
suite=installcheck
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset STOK_ASSESS_DATA LANGUAGE LC_MESSAGES LANG
export LC_ALL=C.UTF-8 TERM=dumb HOME="$work/home" XDG_STATE_HOME="$work/state"
mkdir -p "$HOME"
# run NAME COMMAND...: result, kept to count the failures at the end
run() { result "$@" | tee -a "$work/results"; }
version=$(sed -n 's/^VERSION *= *//p' "$top/Makefile")

installed() {
	[ -x "$bin" ] || { echo "no executable $bin"; return 1; }
	"$bin" --version >"$work/v" || return 1
	[ "$(cat "$work/v")" = "stok-assess $version" ] || { cat "$work/v"; return 1; }
}
run "the program is installed and reports version $version" installed

packs_installed() {
	for p in $packs; do
		[ -f "$datadir/$p/assessment.yaml" ] || { echo "no $datadir/$p/assessment.yaml"; return 1; }
	done
	"$bin" check >"$work/check" 2>&1 || { cat "$work/check"; return 1; }
	for p in $packs; do	# each with its index, current (check says nothing of it)
		[ -f "$datadir/$p/answers.index" ] || { echo "no $datadir/$p/answers.index"; return 1; }
	done
	! grep -q 'answers.index' "$work/check" || { cat "$work/check"; return 1; }
	"$bin" list >"$work/list" 2>&1 || { cat "$work/list"; return 1; }
	n=$(set -- $packs; echo $#)
	[ "$(wc -l <"$work/list")" = "$n" ] || { echo "list shows, for $n packs:"; cat "$work/list"; return 1; }
	cut -f2 "$work/list" | grep -qx tr || { echo "no Turkish pack:"; cat "$work/list"; return 1; }
}
run "check and list find the $(set -- $packs; echo $#) installed packs, each with a current index" packs_installed

# The 32 answers (a script is asked nothing optional: the organisation and
# the role come as options); Enter skips each area's priority.
{ n=1
  while [ $n -le 32 ]; do
	echo $((n % 4 + 1))
	[ $((n % 4)) = 0 ] && echo
	n=$((n + 1))
  done; } >"$work/input"

turkish_assessment() {	# a whole assessment in line mode, in Turkish
	"$bin" --ui=text --lang tr --organisation "Mahalle Dayanışma Derneği" --role board \
	    <"$work/input" >"$work/out" 2>&1 ||
		{ echo "exit status $?"; tail -20 "$work/out"; return 1; }
	f=$XDG_STATE_HOME/stok-assess/kapasite.yaml
	[ -f "$f" ] || { echo "no session saved"; return 1; }
	[ "$(grep -c '^  - question: ' "$f")" = 32 ] || { echo "not 32 answers:"; cat "$f"; return 1; }
	grep -q '^language: "\?tr"\?$' "$f" || { echo "not a Turkish session:"; cat "$f"; return 1; }
	grep -q 'İyileştirme planı' "$work/out" ||
		{ echo "the report did not follow:"; tail -20 "$work/out"; return 1; }
	"$bin" report "$f" >"$work/report" || return 1
	grep -q 'Mahalle Dayanışma Derneği' "$work/report"
}
run "a whole assessment in line mode, in Turkish" turkish_assessment

if [ -n "$localedir" ]; then
	interface_words() {	# the catalogue, and the wizard's words from it
		[ -f "$localedir/tr/LC_MESSAGES/stok-assess.mo" ] ||
			{ echo "no $localedir/tr/LC_MESSAGES/stok-assess.mo"; return 1; }
		grep -q "^Bir yanıtın numarasını yazıp Enter'a basın" "$work/out" &&
		    grep -q '^Soru 1/32' "$work/out" ||
			{ echo "not the Turkish words:"; head -30 "$work/out"; return 1; }
		rm -rf "$XDG_STATE_HOME"
		LANGUAGE=en "$bin" --ui=text --lang tr <"$work/input" >"$work/out.en" 2>&1 || return 1
		! grep -q '^Kuruluşun adı' "$work/out.en" || { echo "LANGUAGE=en is not English"; return 1; }
	}
	run "the interface in Turkish from $localedir" interface_words
else
	echo "SKIP: $suite the interface in Turkish (installed under DESTDIR: the program looks for its catalogues in the final place)"
fi

manuals() {
	for m in man1/stok-assess.1 man5/stok-assess.5; do
		[ -f "$mandir/$m" ] || [ -f "$mandir/$m.gz" ] || { echo "no $mandir/$m"; return 1; }
	done
	command -v mandoc >/dev/null 2>&1 || return 0
	for m in "$mandir"/man1/stok-assess.1* "$mandir"/man5/stok-assess.5*; do
		case $m in *.gz) gzip -dc "$m" ;; *) cat "$m" ;; esac >"$work/page"
		LC_ALL=C.UTF-8 mandoc -Tascii "$work/page" | col -b >"$work/page.txt" || return 1
		grep -q '^NAME' "$work/page.txt" || { echo "$m does not render"; return 1; }
	done
}
run "both manual pages are installed and render" manuals

! grep -q '^FAIL' "$work/results"

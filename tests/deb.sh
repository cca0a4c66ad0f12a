#!/bin/sh
# The Debian package as a user meets it (.ci/run runs this; it needs root
# or sudo, and changes the machine: the package is installed, then purged).
# "make deb" builds it from "make dist" in build/deb (dpkg-buildpackage,
# which runs "make check-unit") and lintian must report no error and no
# warning on the .deb and the .dsc; "apt-get install ./stok-assess_*.deb"
# must install it with the packs, catalogues, manual pages and documents
# in their places; the installed stok-assess passes tests/installcheck.sh
# (check, list, a whole assessment in line mode with Turkish words from
# /usr/share/locale), "man stok-assess" shows the page; "apt-get purge"
# must leave no file of it behind. Prints PASS:/FAIL:/SKIP: lines; exit
# status 1 when something failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
suite=deb
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1
: >"$work/results"
run() { result "$@" | tee -a "$work/results"; }
version=$(sed -n 's/^VERSION *= *//p' Makefile)

if [ "$(id -u)" = 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "SKIP: $suite the Debian package (installing it needs root or sudo)"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive

build() {
	${MAKE:-make} --no-print-directory deb >"$work/build.log" 2>&1 ||
		{ grep -E '^(E|W): |error|FAIL' "$work/build.log" | head -30; tail -20 "$work/build.log"; return 1; }
	grep -E '^[IP]: ' "$work/build.log" | sed 's/^/lintian note: /' >&2
	set -- build/deb/stok-assess_"$version"_*.deb
	[ -f "$1" ] && [ -f "build/deb/stok-assess_$version.dsc" ]
}
run "dpkg-buildpackage builds it, check-unit passes, lintian has no error or warning" build
grep -E '^[IP]: ' "$work/build.log" | sed 's/^/    lintian: /'
deb=$(ls build/deb/stok-assess_"$version"_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || exit 1

# The README's command installs the package that "make deb" has just
# built: run from the top of the tree, its path names that file. It named
# ../, where dpkg-buildpackage puts it, while make deb puts it in build/deb.
readme_install() {
	grep -q '^make deb ' README.md || { echo "the README does not say make deb"; return 1; }
	grep -o 'apt install [^ ]*\.deb' README.md >"$work/readme.apt"
	[ -s "$work/readme.apt" ] || { echo "no apt install in the README"; return 1; }
	while read -r _ _ path; do
		# shellcheck disable=SC2086 # the README's glob, expanded as the shell would
		set -- $path
		[ "$#" = 1 ] && [ -f "$1" ] && [ "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" = "$top/$deb" ] ||
			{ echo "apt install $path: $*, not $deb"; return 1; }
	done <"$work/readme.apt"
}
run "the README's apt install names the package make deb built" readme_install

dpkg-query -W -f='${Status}\n' stok-assess 2>/dev/null | grep -q 'installed' &&
	$sudo apt-get purge -y -qq stok-assess >/dev/null 2>&1

install_it() {
	$sudo apt-get install -y -qq "./$deb" >"$work/apt" 2>&1 || { cat "$work/apt"; return 1; }
	dpkg -L stok-assess >"$work/files" || return 1
	for f in /usr/bin/stok-assess /usr/share/stok-assess/tr/assessment.yaml \
	    /usr/share/stok-assess/en/assessment.yaml /usr/share/stok-assess/fi/assessment.yaml \
	    /usr/share/locale/tr/LC_MESSAGES/stok-assess.mo /usr/share/locale/fi/LC_MESSAGES/stok-assess.mo \
	    /usr/share/man/man1/stok-assess.1.gz /usr/share/man/man5/stok-assess.5.gz \
	    /usr/share/doc/stok-assess/copyright; do
		grep -qx "$f" "$work/files" && [ -f "$f" ] || { echo "$f is not installed"; return 1; }
	done
	for f in README.md SECURITY.md; do
		grep -qx "/usr/share/doc/stok-assess/$f\(.gz\)\?" "$work/files" ||
			{ echo "/usr/share/doc/stok-assess/$f is not installed"; return 1; }
	done
	[ "$(command -v stok-assess)" = /usr/bin/stok-assess ] || { echo "not on PATH"; return 1; }
}
run "apt-get install ./$(basename "$deb") puts every file in its place" install_it

sh tests/installcheck.sh /usr/bin/stok-assess /usr/share/stok-assess /usr/share/man \
    /usr/share/locale "$(cd data && ls -d */ | tr -d / | tr '\n' ' ')" | sed "s/^\(PASS\|FAIL\|SKIP\): installcheck/\1: $suite installed:/" |
    tee -a "$work/results"

manual() {
	MANPAGER=cat MANWIDTH=80 man stok-assess >"$work/man1" 2>"$work/man1.err" || return 1
	MANPAGER=cat MANWIDTH=80 man 5 stok-assess >"$work/man5" 2>"$work/man5.err" || return 1
	grep -q 'SYNOPSIS' "$work/man1" && grep -q 'stok-assess check' "$work/man1" ||
		{ head -20 "$work/man1"; return 1; }
	grep -q 'DESCRIPTION' "$work/man5" || { head -20 "$work/man5"; return 1; }
	[ ! -s "$work/man1.err" ] && [ ! -s "$work/man5.err" ] ||
		{ cat "$work/man1.err" "$work/man5.err"; return 1; }
}
run "man stok-assess and man 5 stok-assess show the pages, without warnings" manual

purge() {
	$sudo apt-get purge -y -qq stok-assess >"$work/apt" 2>&1 || { cat "$work/apt"; return 1; }
	! dpkg-query -W -f='${Status}\n' stok-assess 2>/dev/null | grep -q 'installed\|config-files' ||
		{ echo "dpkg still knows the package"; return 1; }
	left=0
	while read -r f; do
		[ "$f" = /. ] && continue
		[ -e "$f" ] || [ -L "$f" ] || continue
		# a directory that other packages own too (/usr/share/man/man1) stays
		[ -d "$f" ] && dpkg -S "$f" >/dev/null 2>&1 && continue
		echo "left behind: $f"
		left=1
	done <"$work/files"
	[ $left = 0 ] && [ ! -e /usr/share/stok-assess ] && [ ! -e /usr/share/doc/stok-assess ]
}
run "apt-get purge leaves no file of it" purge

! grep -q '^FAIL' "$work/results"

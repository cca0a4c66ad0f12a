#!/bin/sh
# The Makefile's GNU conventions, on a copy of the source tree in a
# temporary directory (built with -O0 to be quick; tests/run.sh runs this
# once): the directories are compiled in and a new PREFIX rebuilds the
# program; "make test" is "make check"; install-strip installs a stripped
# program that installcheck accepts; uninstall removes what install put;
# distclean leaves the distributed files only. Prints PASS:/FAIL: lines.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
suite=make
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1
make=${MAKE:-make}
unset MAKEFLAGS MFLAGS DESTDIR PREFIX CFLAGS SANITIZE

# The tree as "make dist" would pack it.
src=$work/src
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z
else
	find . -path ./build -prune -o -path ./node_modules -prune -o -path ./stok-assess -o \
	    -type f -printf '%P\0'
fi | tar --null -T - -cf - 2>/dev/null | tar -C "$src" -xf -
find "$src" -type f | sort | sed "s|^$src/||" >"$work/files.before"
cd "$src" || exit 1

prefix_rebuilds() {
	$make -s CFLAGS=-O0 PREFIX=/opt/one stok-assess || return 1
	grep -qa '/opt/one/share/locale' stok-assess || { echo "PREFIX is not compiled in"; return 1; }
	$make -s CFLAGS=-O0 PREFIX=/opt/two stok-assess || return 1
	grep -qa '/opt/two/share/stok-assess' stok-assess && grep -qa '/opt/two/share/locale' stok-assess ||
		{ echo "a new PREFIX did not rebuild the program"; return 1; }
	! grep -qa '/opt/one/' stok-assess
}
result "the directories are compiled in, and a new PREFIX rebuilds" prefix_rebuilds

test_is_check() {	# -n runs only the recursive make lines, which print
	$make -n test >"$work/n" 2>&1 || { cat "$work/n"; return 1; }
	grep -q 'tests/run.sh' "$work/n" || { cat "$work/n"; return 1; }
}
result "make test runs the tests of make check" test_is_check

install_strip() {
	root="$work/st age"	# a space in DESTDIR too (the rules split it in two)
	$make -s CFLAGS=-O0 PREFIX=/opt/two DESTDIR="$root" install-strip >"$work/out" 2>&1 ||
		{ cat "$work/out"; return 1; }
	readelf -S "$root/opt/two/bin/stok-assess" >"$work/sections" || return 1
	! grep -q '\.symtab\|\.debug_info' "$work/sections" || { echo "not stripped"; return 1; }
	$make -s CFLAGS=-O0 PREFIX=/opt/two DESTDIR="$root" installcheck >"$work/out" 2>&1 ||
		{ cat "$work/out"; return 1; }
	$make -s CFLAGS=-O0 PREFIX=/opt/two DESTDIR="$root" uninstall || return 1
	find "$root" -type f >"$work/left"
	[ ! -s "$work/left" ] || { echo "uninstall left:"; cat "$work/left"; return 1; }
	# the packs' directories are the program's own: none is left either
	[ ! -e "$root/opt/two/share/stok-assess" ] ||
	    { echo "uninstall left:"; find "$root/opt/two/share/stok-assess"; return 1; }
	# nor the folders install made for the catalogues and the pages, left empty
	[ ! -e "$root/opt/two/share/locale" ] && [ ! -e "$root/opt/two/share/man/man5" ] ||
	    { echo "uninstall left:"; find "$root" -type d; return 1; }
}
result "install-strip, installcheck, and uninstall removes every file and the packs' directories" install_strip

distclean() {
	$make -s distclean || return 1
	find . -type f | sort | sed 's|^\./||' >"$work/files.after"
	diff -u "$work/files.before" "$work/files.after"
}
result "distclean leaves the distributed files only" distclean

#!/bin/sh
# stok-assess links and make linkcheck. "links" must give every link of
# a pack with the FILE:LINE:COL of its '[' (front matter counted, columns
# in characters), also in lists, quotes, continuation lines, CRLF files
# and after a byte order mark; tests/linkcheck/linkcheck.sh must report
# dead and moved links, with their positions, against a small HTTP server
# on 127.0.0.1 started here (tests/linkcheck/server.py): 200, 301 to a live
# page, 404, 410, HEAD refused (405) but GET fine, a redirect loop, a page
# slower than the time limit. Nothing here touches the internet.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
suite=linkcheck
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
. "$top/tests/lib.sh"

# a copy of the test pack whose texts link only to $1 (a base URL)
make_pack() {
	rm -rf "$2"
	cp -r "$top/tests/content/base" "$2"
	for f in "$2"/answers/*.md; do
		sed -i "s#https://www.stgm.org.tr#$1/ok#" "$f"
	done
}

# ---- links: positions ----
make_pack http://127.0.0.1:9 "$work/pos"
cat >"$work/pos/answers/q8-1.md" <<'TEXT'
---
title: Gönüllülerle çalışmak istiyoruz.
question_id: 8
choice_id: 1
reviewed: 2026-11-20
step: Bir liste yapın.
---
Bir paragraf [bir](https://a.example/1) ve
ikinci satırda [iki](https://a.example/2) ile
   girintili devam [üç](https://a.example/3).

- madde [dört](https://a.example/4)
- madde
  devamı [beş](https://a.example/5)
  1. iç içe [altı](https://a.example/6)

> alıntı [yedi](https://a.example/7)
> *vurgu [sekiz](https://a.example/8)*

İçişleri ğüş [dokuz](https://a.example/9 "başlık")

[başvuru][r] ve
  ayrıca <https://a.example/11> <https://a.example/11>

### Kaynaklar [on iki](https://a.example/12)

![resim](https://a.example/13.png)

[r]: https://a.example/10
TEXT
cat >"$work/pos.expected" <<'TEXT'
pos/answers/q8-1.md:8:14	https://a.example/1	bir
pos/answers/q8-1.md:9:16	https://a.example/2	iki
pos/answers/q8-1.md:10:20	https://a.example/3	üç
pos/answers/q8-1.md:12:9	https://a.example/4	dört
pos/answers/q8-1.md:14:10	https://a.example/5	beş
pos/answers/q8-1.md:15:13	https://a.example/6	altı
pos/answers/q8-1.md:17:10	https://a.example/7	yedi
pos/answers/q8-1.md:18:10	https://a.example/8	sekiz
pos/answers/q8-1.md:20:14	https://a.example/9	dokuz
pos/answers/q8-1.md:22:1	https://a.example/10	başvuru
pos/answers/q8-1.md:23:10	https://a.example/11	https://a.example/11
pos/answers/q8-1.md:23:33	https://a.example/11	https://a.example/11
pos/answers/q8-1.md:25:15	https://a.example/12	on iki
pos/answers/q8-1.md:27:1	https://a.example/13.png	resim
TEXT
links_of() { (cd "$work" && "$bin" links "$1" | grep 'q8-1.md'); }
positions() {
	links_of pos >"$work/out" || return 1
	diff -u "$work/pos.expected" "$work/out"
}
result "links positions" positions

# the same text with CRLF line endings and a byte order mark: the same places
crlf() {
	rm -rf "$work/crlf" && cp -r "$work/pos" "$work/crlf"
	{ printf '\357\273\277'; sed 's/$/\r/' "$work/pos/answers/q8-1.md"; } >"$work/crlf/answers/q8-1.md"
	links_of crlf | sed 's#^crlf/#pos/#' >"$work/out" || return 1
	diff -u "$work/pos.expected" "$work/out"
}
result "links positions CRLF BOM" crlf

# links whose text spans two or three lines: at their '[' (an image's
# '!'), not at the line of their ']' (cmark 0.30.2 gives a link that
# line): after Turkish letters, in a list item, in a quote, on a
# continuation line, in a paragraph that begins with a link reference
# definition (whose lines cmark numbers from the definition's); also with
# CRLF line endings and a byte order mark
cat >"$work/pos/answers/q8-2.md" <<'TEXT'
---
title: Gönüllülerle çalışmak istiyoruz.
question_id: 8
choice_id: 2
---
A [b
c](https://m.example/1) ve
xx yy [bir iki üç
dört beş](https://m.example/2) ile
İçişleri ğüş çok [bir
iki
üç](https://m.example/3) son.

- madde [dört
  beş](https://m.example/4)
- madde
  devamı ş [altı
  yedi
  sekiz](https://m.example/5)

> alıntı [yedi
> sekiz](https://m.example/6)
> öğe ç [dokuz
> on](https://m.example/7)

Şu ![res
im](https://m.example/8.png) ve [*vur
gu*](https://m.example/9) [`ko
d`](https://m.example/10)

[r]: https://m.example/11
Ön [a
b](https://m.example/12) [c][r]
   Wow! ğ [x
  y](https://m.example/13)
TEXT
cat >"$work/multi.expected" <<'TEXT'
pos/answers/q8-2.md:6:3	https://m.example/1	b c
pos/answers/q8-2.md:8:7	https://m.example/2	bir iki üç dört beş
pos/answers/q8-2.md:10:18	https://m.example/3	bir iki üç
pos/answers/q8-2.md:14:9	https://m.example/4	dört beş
pos/answers/q8-2.md:17:12	https://m.example/5	altı yedi sekiz
pos/answers/q8-2.md:21:10	https://m.example/6	yedi sekiz
pos/answers/q8-2.md:23:9	https://m.example/7	dokuz on
pos/answers/q8-2.md:26:4	https://m.example/8.png	res im
pos/answers/q8-2.md:27:33	https://m.example/9	vur gu
pos/answers/q8-2.md:28:27	https://m.example/10	ko d
pos/answers/q8-2.md:32:4	https://m.example/12	a b
pos/answers/q8-2.md:33:26	https://m.example/11	c
pos/answers/q8-2.md:34:11	https://m.example/13	x y
TEXT
multi_line() {
	(cd "$work" && "$bin" links pos | grep 'q8-2.md') >"$work/out" || return 1
	diff -u "$work/multi.expected" "$work/out" || return 1
	rm -rf "$work/crlf2" && cp -r "$work/pos" "$work/crlf2"
	{ printf '\357\273\277'; sed 's/$/\r/' "$work/pos/answers/q8-2.md"; } >"$work/crlf2/answers/q8-2.md"
	(cd "$work" && "$bin" links crlf2 | grep 'q8-2.md') | sed 's#^crlf2/#pos/#' >"$work/out" ||
	    return 1
	diff -u "$work/multi.expected" "$work/out"
}
result "links positions of links spanning lines" multi_line

# hostile link texts and URLs come out escaped; the tab-separated fields stay three
hostile() {
	make_pack http://127.0.0.1:9 "$work/h"
	printf -- '---\ntitle: T\nquestion_id: 8\nchoice_id: 1\n---\n[a&#27;b\tc](https://x.example/\342\200\256gpj)\n' \
	    >"$work/h/answers/q8-1.md"
	links_of h >"$work/out" || return 1
	printf 'h/answers/q8-1.md:6:1\thttps://x.example/<U+202E>gpj\ta^[b^Ic\n' | diff -u - "$work/out"
}
result "links sanitised" hostile

# a broken pack: its diagnostics, exit 2, and the links of the texts that did load
broken() {
	make_pack http://127.0.0.1:9 "$work/b"
	printf -- '---\ntitle: T\nquestion_id: 8\nchoice_id: x\n---\n[a](https://x.example/)\n' \
	    >"$work/b/answers/q8-1.md"
	(cd "$work" && "$bin" links b >out 2>err); st=$?
	[ $st = 2 ] || { echo "exit $st, not 2"; return 1; }
	grep -q "q8-1.md:4:12: error:" "$work/err" || { cat "$work/err"; return 1; }
	[ "$(wc -l <"$work/out")" = 7 ] || { cat "$work/out"; return 1; }
}
result "links broken pack" broken

# ---- make linkcheck against a local server ----
if ! command -v curl >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: $suite against a local server (needs curl and python3)"
	exit 0
fi
python3 "$top/tests/linkcheck/server.py" "$work/port" &
server=$!
i=0
while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if [ ! -s "$work/port" ]; then
	echo "FAIL: $suite the test server did not start"
	exit 0
fi
base=http://127.0.0.1:$(cat "$work/port")
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export no_proxy=127.0.0.1 NO_PROXY=127.0.0.1 LINKCHECK_TIMEOUT=1

make_pack "$base" "$work/lc"
cat >"$work/lc/answers/q8-1.md" <<TEXT
---
title: T
question_id: 8
choice_id: 1
---
Sayfalar: [canlı]($base/ok),
[taşındı]($base/moved),
[yok]($base/gone) ve
    [kaldırıldı]($base/removed).

- [HEAD yok]($base/nohead)
- [yavaş]($base/slow)
- [döngü]($base/loop)
  ve [posta](mailto:bilgi@example.org)
- yine [taşındı]($base/moved)
TEXT
cat >"$work/lc.expected" <<'TEXT'
lc/answers/q8-1.md:7:1: moved: BASE/moved -> BASE/ok
lc/answers/q8-1.md:8:1: dead: BASE/gone: HTTP 404
lc/answers/q8-1.md:9:5: dead: BASE/removed: HTTP 410
lc/answers/q8-1.md:12:3: dead: BASE/slow: no answer within 1 s
lc/answers/q8-1.md:13:3: dead: BASE/loop: Maximum (10) redirects followed
lc/answers/q8-1.md:14:6: dead: mailto:bilgi@example.org: not an http or https URL
lc/answers/q8-1.md:15:8: moved: BASE/moved -> BASE/ok
TEXT
linkcheck() {
	(cd "$work" && STOK_ASSESS=$bin sh "$top/tests/linkcheck/linkcheck.sh" "$@" >out 2>err)
}
dead_and_moved() {
	linkcheck lc; st=$?
	sed "s#$base#BASE#g" "$work/out" | diff -u "$work/lc.expected" - || return 1
	grep -qx "linkcheck: 8 URLs checked: 5 dead (5 uses), 1 moved" "$work/err" ||
	    { echo "summary:"; cat "$work/err"; return 1; }
	[ $st = 1 ] || { echo "exit $st, not 1"; return 1; }
}
result "dead and moved links, exit 1" dead_and_moved

# only live and moved links: nothing dead, exit 0, the moves still reported
live() {
	make_pack "$base" "$work/live"
	printf -- '---\ntitle: T\nquestion_id: 8\nchoice_id: 1\n---\n[a](%s/nohead)\nve [b](%s/moved)\n' \
	    "$base" "$base" >"$work/live/answers/q8-1.md"
	linkcheck live; st=$?
	[ $st = 0 ] || { echo "exit $st, not 0"; cat "$work/out" "$work/err"; return 1; }
	printf 'live/answers/q8-1.md:7:4: moved: BASE/moved -> BASE/ok\n' |
	    diff -u - "$(sed "s#$base#BASE#g" "$work/out" >"$work/out2"; echo "$work/out2")"
}
result "live links, exit 0" live

# where a server redirects, and what curl says of it, reach the terminal
# without control characters
hostile_redirect() {
	make_pack "$base" "$work/evil"
	printf -- '---\ntitle: T\nquestion_id: 8\nchoice_id: 1\n---\n[a](%s/evil)\n' "$base" \
	    >"$work/evil/answers/q8-1.md"
	linkcheck evil	# curl 7.88 refuses the target (dead); another may follow it (moved)
	grep -q "^evil/answers/q8-1.md:6:1: \(dead\|moved\): $base/evil" "$work/out" ||
	    { cat "$work/out"; return 1; }
	! LC_ALL=C grep -q "$(printf '[\001-\037\177]')" "$work/out" ||
	    { echo "a control character in:"; od -c "$work/out" | head; return 1; }
}
result "hostile redirect" hostile_redirect

# a pack that does not load: exit 2, nothing checked
unlisted() {
	make_pack "$base" "$work/bad"
	rm "$work/bad/answers/q8-1.md"
	linkcheck bad; st=$?
	[ $st = 2 ] || { echo "exit $st, not 2"; return 1; }
	grep -q "fix the packs first" "$work/err"
}
result "broken pack, exit 2" unlisted

# the make target runs the same script on LINKCHECK_PACKS
via_make() {
	# -o: the program as it is, never rebuilt by a test
	make -s -C "$top" -o stok-assess linkcheck LINKCHECK_PACKS="$work/lc" >"$work/out" 2>"$work/err"; st=$?
	[ $st != 0 ] || { echo "make linkcheck succeeded with dead links"; return 1; }
	grep -c ": dead: " "$work/out" | grep -qx 5 || { cat "$work/out" "$work/err"; return 1; }
}
if [ "$bin" = "$top/stok-assess" ] && command -v make >/dev/null; then
	result "make linkcheck" via_make
else
	echo "SKIP: $suite make linkcheck (another program than the build tree's is tested)"
fi

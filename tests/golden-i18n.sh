#!/bin/sh
# The interface's message catalogues. Every po/LANG.po must compile with
# "msgfmt --check" and have every message translated and none fuzzy;
# po/stok-assess.pot must hold exactly the messages of the sources (a fresh
# template from "make pot-new" has the same msgids), and every catalogue
# must translate every message of that fresh template, so that a new _()
# string fails here until it is translated ("make pot", then po/*.po).
# Then the wizard, in line mode: its words follow the pack's language, and
# LANGUAGE or LC_ALL chosen by the user win. Prints PASS:/FAIL:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
work=$(mktemp -d)
suite=i18n
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1

# The gettext tools speak the locale's language: their output is parsed, so C.
gt() {
	LC_ALL=C LANGUAGE= "$@"
}

# The msgids of a catalogue or template (with context and plural), sorted.
msgids() {
	gt msgcat --no-location --no-wrap --sort-output --force-po "$1" |
	    grep -E '^(msgctxt|msgid|msgid_plural) '
}

compiles() {	# compiles PO: msgfmt --check, and only translated messages
	gt msgfmt --check --statistics -o "$work/out.mo" "$1" 2>"$work/stats" ||
		{ cat "$work/stats"; return 1; }
	grep -Eqx '[0-9]+ translated messages?\.' "$work/stats" && return 0
	cat "$work/stats"
	{ gt msgattrib --no-obsolete --untranslated "$1"
	  gt msgattrib --no-obsolete --only-fuzzy "$1"; } | grep -E '^(#[:,]|msgid)' | grep -v '^msgid ""$'
	return 1
}

fresh_template() {	# the template the sources give now, in $work/fresh.pot
	make -s --no-print-directory pot-new POT_NEW="$work/fresh.pot" >/dev/null 2>&1 &&
		[ -s "$work/fresh.pot" ]
}

pot_current() {	# po/stok-assess.pot has the msgids of the sources
	[ -s "$work/fresh.pot" ] || { echo "no fresh template: make pot-new failed"; return 1; }
	msgids "$work/fresh.pot" >"$work/fresh.ids" || return 1
	msgids po/stok-assess.pot >"$work/pot.ids" || return 1
	diff -u "$work/pot.ids" "$work/fresh.ids" >"$work/ids.diff" && return 0
	echo "po/stok-assess.pot is not up to date with the sources: run make pot"
	cat "$work/ids.diff"
	return 1
}

translates_sources() {	# translates_sources PO: every current message translated
	[ -s "$work/fresh.pot" ] || { echo "no fresh template: make pot-new failed"; return 1; }
	gt msgcmp "$1" "$work/fresh.pot"
}

langs=
for po in po/*.po; do
	[ -f "$po" ] || continue
	l=$(basename "$po" .po)
	langs="$langs $l"
	result "$l.po compiles, all translated, none fuzzy" compiles "$po"
done
result "catalogues for tr and fi" sh -c 'case "$1" in *" tr"*) ;; *) exit 1;; esac;
    case "$1" in *" fi"*) ;; *) exit 1;; esac' - "$langs"

fresh_template
result "po/stok-assess.pot is up to date with the sources" pot_current
for l in $langs; do
	result "$l.po translates every message of the sources" translates_sources "po/$l.po"
done

# The wizard in line mode, no input: the welcome and the parting words.
wizard() {	# wizard PACK ENV...: its output in $work/wizard.out
	pack=$1
	shift
	rm -f "$work/session.yaml"
	env -u LANGUAGE -u LC_MESSAGES -u LC_ALL HOME="$work" XDG_STATE_HOME="$work/state" \
	    "$@" "$bin" --ui=text --content "data/$pack" --fresh --session "$work/session.yaml" \
	    </dev/null >"$work/wizard.out" 2>&1
}
speaks() {	# speaks WORDS PACK ENV...: the wizard's output has WORDS
	words=$1
	shift
	wizard "$@" || { cat "$work/wizard.out"; return 1; }
	grep -qF "$words" "$work/wizard.out" && return 0
	echo "\"$words\" is not in the output:"
	cat "$work/wizard.out"
	return 1
}
result "a Finnish pack speaks Finnish" \
    speaks "Vastauksesi tallennetaan tiedostoon" fi LC_ALL=C.UTF-8
result "a Turkish pack speaks Turkish" \
    speaks "dosyasına kaydedilir" tr LC_ALL=C.UTF-8
result "an English pack speaks English" \
    speaks "Your answers are saved in" en LC_ALL=C.UTF-8
result "a Finnish pack speaks Finnish under LC_ALL=C.utf8 too" \
    speaks "Vastauksesi tallennetaan tiedostoon" fi LC_ALL=C.utf8
result "LANGUAGE=en wins over a Finnish pack" \
    speaks "Your answers are saved in" fi LC_ALL=C.UTF-8 LANGUAGE=en
result "LANGUAGE=fi wins over a Turkish pack" \
    speaks "Vastauksesi tallennetaan tiedostoon" tr LC_ALL=C.UTF-8 LANGUAGE=fi
# Why line mode was chosen is asked before the interface's language is
# known: it is said in that language all the same, not half in English.
why_line_mode() {	# why_line_mode WORDS PACK: the first line said, no --ui given
	env -u LANGUAGE -u LC_MESSAGES HOME="$work" XDG_STATE_HOME="$work/state" LC_ALL=C.UTF-8 \
	    "$bin" --content "data/$2" --fresh --session "$work/why.yaml" </dev/null \
	    2>&1 >/dev/null | head -n 1 >"$work/why.txt"
	rm -f "$work/why.yaml"
	got=$(cat "$work/why.txt")
	[ "$got" = "stok-assess: $1" ] || { echo "said: $got"; return 1; }
}
result "why line mode, in Turkish" why_line_mode \
    "satır kipi, çünkü standart girdi ya da çıktı bir uçbirim değil" tr
result "why line mode, in Finnish" why_line_mode \
    "rivitila, koska vakiosyöte tai -tuloste ei ole pääte" fi
if [ "$(LC_ALL=tr_TR.UTF-8 locale charmap 2>/dev/null)" = UTF-8 ]; then
	result "LC_ALL=tr_TR.UTF-8 wins over a Finnish pack" \
	    speaks "dosyasına kaydedilir" fi LC_ALL=tr_TR.UTF-8
else
	echo "SKIP: i18n LC_ALL=tr_TR.UTF-8 (the locale is not available)"
fi

# A session that cannot be locked is told to the person answering in the
# interface's language, as the lock's other words are (it was English
# under --lang tr on an English server)
lock_words() {	# lock_words WORDS LANG
	env -u LANGUAGE -u LC_MESSAGES HOME="$work" XDG_STATE_HOME="$work/state" LC_ALL=C.UTF-8 \
	    "$bin" --lang "$2" --ui=text --session "$work/no/such/dir/x.yaml" </dev/null \
	    >/dev/null 2>"$work/lock.err"
	[ $? = 1 ] && grep -qF "$1" "$work/lock.err" || { cat "$work/lock.err"; return 1; }
}
result "a session whose lock cannot be made is said in Turkish under --lang tr" \
    lock_words "hata: yanıtlar bu klasörde saklanamıyor: " tr
result "a session whose lock cannot be made is said in Finnish under --lang fi" \
    lock_words "virhe: vastauksia ei voi säilyttää tässä kansiossa: " fi

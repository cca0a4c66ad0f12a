#!/bin/sh
# The manual page and the program agree. For the wizard and for every
# command, the options and the operands that the SYNOPSIS of stok-assess(1)
# gives must be those of "stok-assess --help" and of "stok-assess COMMAND
# --help"; every command of --help must be in the SYNOPSIS and the other
# way round. The focus marker the manual page names must be the one the
# wizard draws. Prints PASS:/FAIL:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
work=$(mktemp -d)
suite=synopsis
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1

# parse KIND FILE: one line per synopsis, "COMMAND<TAB>options<TAB>operands",
# from the mdoc source (KIND man) or from usage text (KIND usage). Options
# are sorted; operands are upper case, in order. The wizard's command is
# "-", --help and --version are "help".
parse() {
	python3 - "$1" "$2" <<'PY'
import re, sys
kind, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
entries = []	# [command, set of options, list of operands]

def entry(cmd):
    entries.append([cmd, set(), []])

if kind == "man":
    m = re.search(r"^\.Sh SYNOPSIS\n(.*?)^\.Sh ", text, re.S | re.M)
    for line in m.group(1).splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] == ".Nm":
            entry("-")
            continue
        if words[0] == ".Cm" and entries and entries[-1][0] == "-" and \
                not entries[-1][1] and not entries[-1][2]:
            entries[-1][0] = words[1]
            continue
        seen_fl = False
        for i, w in enumerate(words):
            if w == "Fl" or w == ".Fl":
                seen_fl = True
                for v in words[i + 1:]:
                    if v in ("Op", "Ar", "Ns", "Fl", "Cm", "=", "|"):
                        if v == "|":
                            continue
                        break
                    v = v.replace("\\-", "-")
                    entries[-1][1].add("-" + v)
            elif (w == "Ar" or w == ".Ar") and not seen_fl:
                for v in words[i + 1:]:
                    if v == "...":
                        entries[-1][2].append("...")
                    elif re.fullmatch(r"[a-z]+", v):
                        entries[-1][2].append(v.upper())
                    else:
                        break
else:
    for line in text.splitlines():
        m = re.match(r"^(?:usage:|      ) +stok-assess(.*)$", line)
        if m:
            rest = m.group(1).split()
            entry(rest[0] if rest and re.fullmatch(r"[a-z]+", rest[0]) else "-")
            if entries[-1][0] != "-":
                rest = rest[1:]
        elif entries and re.match(r"^ {10,}\S", line):
            rest = line.split()
        else:
            if entries and not line.strip():
                break
            continue
        prev_opt = False
        for tok in rest:
            t = tok.strip("[]")
            if not t or t == "|":
                continue
            opts = re.findall(r"(?:^|\|)(--?[a-zA-Z][a-zA-Z-]*)", t)
            if opts:
                for o in opts:
                    entries[-1][1].add(o)
                prev_opt = "=" not in t and not tok.endswith("]")
            elif prev_opt:
                prev_opt = False	# the option's value
            elif t == "...":
                entries[-1][2].append("...")
            elif re.fullmatch(r"[A-Z]+", t):
                entries[-1][2].append(t)
for cmd, opts, args in entries:
    if cmd == "-" and opts == {"--help", "--version"} and not args:
        cmd = "help"
    print("%s\t%s\t%s" % (cmd, " ".join(sorted(opts)), " ".join(args)))
PY
}

parse man man/stok-assess.1 >"$work/man" 2>&1
"$bin" --help >"$work/help.txt" 2>&1
parse usage "$work/help.txt" >"$work/help" 2>&1

same_commands() {	# the same commands, in the same order, in --help and the SYNOPSIS
	cut -f1 "$work/man" >"$work/man.cmds"
	cut -f1 "$work/help" >"$work/help.cmds"
	[ -s "$work/man.cmds" ] || { cat "$work/man"; return 1; }
	diff -u "$work/man.cmds" "$work/help.cmds"
}
result "--help and the SYNOPSIS list the same commands" same_commands

for cmd in $(cut -f1 "$work/man"); do
	grep "^$cmd	" "$work/man" >"$work/$cmd.man"
	grep "^$cmd	" "$work/help" >"$work/$cmd.help"
	result "$cmd: --help as the SYNOPSIS" diff -u "$work/$cmd.man" "$work/$cmd.help"
	case $cmd in -|help) continue ;; esac
	"$bin" "$cmd" --help >"$work/$cmd.usage.txt" 2>&1
	parse usage "$work/$cmd.usage.txt" >"$work/$cmd.usage" 2>&1
	result "$cmd: 'stok-assess $cmd --help' as the SYNOPSIS" diff -u "$work/$cmd.man" "$work/$cmd.usage"
done

focus_marker() {	# the wizard draws U+203A; the manual page must show the same
	grep -q 'E2\\x80\\xBA.*/\* › \*/' src/scr_question.c ||
		{ echo "the wizard's focus marker is no longer › (change this test and the manual)"; return 1; }
	mandoc -Tutf8 man/stok-assess.1 | col -b >"$work/page.txt"
	grep -q "the focus ‘›’" "$work/page.txt" || { grep -n "the focus" "$work/page.txt"; return 1; }
}
if command -v mandoc >/dev/null 2>&1; then
	result "the manual page shows the wizard's focus marker" focus_marker
else
	echo "SKIP: $suite the manual page shows the wizard's focus marker (mandoc is not installed)"
fi

# man(1) renders through groff in the user's locale: under LANG=C (the
# default of su -, ssh and containers) a character groff cannot draw is a
# warning and a hole in the text (U+2500 was)
man_in_c() {
	for page in man/stok-assess.1 man/stok-assess.5; do
		env -u LANG -u LANGUAGE LC_ALL=C MANWIDTH=80 man -l "$page" >/dev/null 2>"$work/man.err"
		[ ! -s "$work/man.err" ] || { echo "$page:"; cat "$work/man.err"; return 1; }
	done
}
if command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1; then
	result "the manual pages render under LANG=C without a warning" man_in_c
else
	echo "SKIP: $suite the manual pages under LANG=C (man or groff is not installed)"
fi

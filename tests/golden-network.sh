#!/bin/sh
# The network profile: the answers files of 40 generated member
# organisations (tests/network/gen.py, deterministic) against a golden
# profile; three respondents of each of ten organisations counted as ten;
# four organisations refused; a floor under --min-group; answers of two
# packs refused; no name, note or single answer in the profile. With
# UPDATE=1 the golden files are written. Prints PASS:/FAIL:.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${STOK_ASSESS:-$top/stok-assess}
dir=$top/tests/network
work=$(mktemp -d)
suite=network
. "$top/tests/lib.sh"
trap 'rm -rf "$work"' EXIT
cd "$top" || exit 1

python3 tests/network/gen.py data/tr "$work/m40" 40
python3 tests/network/gen.py data/tr "$work/m10x3" 10 3
python3 tests/network/gen.py data/tr "$work/m4" 4
python3 tests/network/gen.py data/fi "$work/fi" 5
cd "$work" || exit 1	# the golden files name the answers files relative to it

golden() {	# golden FILE COMMAND...: stdout and stderr against FILE
	gold=$1
	shift
	"$@" >"$work/out" 2>&1
	echo "[exit $?]" >>"$work/out"
	[ "${UPDATE:-0}" = 1 ] && cp "$work/out" "$dir/$gold"
	diff -u "$dir/$gold" "$work/out"
}

result "golden profile of 40 organisations" golden profile40.yaml \
    "$bin" network m40/member-0*.yaml
result "four organisations are refused" golden four.expected "$bin" network m4/member-00*.yaml
result "--min-group under five is a usage error" golden min-group.expected \
    "$bin" network --min-group 4 m40/member-0*.yaml
result "answers to two packs are refused" golden two-packs.expected \
    "$bin" network m40/member-001-1.yaml fi/member-00*.yaml

one_five_times() {	# one file given five times is one organisation's answers, refused
	"$bin" network m4/member-001-1.yaml m4/member-001-1.yaml ./m4/member-001-1.yaml \
	    m4/../m4/member-001-1.yaml m4/member-001-1.yaml >"$work/p1x5" 2>"$work/e1x5"
	[ $? = 2 ] && [ ! -s "$work/p1x5" ] &&
	    [ "$(grep -c 'is the same file as m4/member-001-1.yaml, given before it' "$work/e1x5")" = 4 ] ||
	    { cat "$work/e1x5" "$work/p1x5"; return 1; }
}
result "a file given more than once is refused" one_five_times

one_name_typed_twice() {	# a name in other case or spacing is the same organisation
	mkdir -p "$work/typed"
	i=1
	for org in "Üye 001" "ÜYE  001 " " üye 001" "Üye 002" "İzmir Derneği" "izmir derneği"; do
		sed "s/^organisation: .*/organisation: \"$org\"/" m4/member-00$(( (i - 1) % 4 + 1 ))-1.yaml \
		    >"$work/typed/f$i.yaml"
		i=$((i + 1))
	done
	# seven files, but three organisations: refused as too few
	cp m4/member-003-1.yaml "$work/typed/f7.yaml"
	"$bin" network "$work"/typed/f*.yaml >/dev/null 2>"$work/typed.err"
	[ $? = 2 ] && grep -q '^stok-assess: error: 4 organisations:' "$work/typed.err" ||
	    { cat "$work/typed.err"; return 1; }
}
result "an organisation's name in other case or spacing counts once" one_name_typed_twice

result "--compare given an answers file for a profile says so" golden compare-answers.expected \
    "$bin" report --compare m4/member-001-1.yaml m4/member-002-1.yaml

# A character refused in a profile's text is pointed at, as in an answers
# file: the escape that made it, not the value's opening quote
sed -e '$d' -e 's/^questions: "fnv1a64:/questions: "fnv1a64:\\u202E/' "$dir/profile40.yaml" >bidi-profile.yaml
result "a profile's refused character is pointed at where it stands" golden compare-bidi.expected \
    "$bin" report --compare bidi-profile.yaml m4/member-001-1.yaml

ten_of_three() {	# thirty files, ten organisations
	"$bin" network "$work"/m10x3/*.yaml >"$work/p10" &&
	grep -qx 'organisations: 10' "$work/p10"
}
result "respondents of one organisation count once" ten_of_three

nothing_personal() {	# no name, note or file name reaches the profile
	"$bin" network "$work"/m40/*.yaml >"$work/p" &&
	! grep -e 'Üye' -e 'member-' -e 'note' "$work/p"
}
result "no organisation's name in the profile" nothing_personal

min_group_ten() {	# with --min-group 41 the 40 are refused; with 10 described
	! "$bin" network --min-group 41 "$work"/m40/*.yaml >/dev/null 2>&1 &&
	"$bin" network --min-group 10 "$work"/m40/*.yaml | grep -qx 'min_group: 10'
}
result "--min-group raises the floor" min_group_ten

to_file() {	# -o writes atomically, mode 0600, and never over a file without --force
	"$bin" network -o "$work/prof.yaml" "$work"/m40/*.yaml &&
	sed '$d' "$dir/profile40.yaml" | cmp - "$work/prof.yaml" || return 1
	! "$bin" network -o "$work/prof.yaml" "$work"/m40/*.yaml 2>/dev/null &&
	"$bin" network --force -o "$work/prof.yaml" "$work"/m40/*.yaml
}
result "-o writes the profile and keeps an existing file" to_file

# A member's report beside the profile, in every format; a profile of
# another pack refused.
"$bin" network -o profile.yaml m40/member-0*.yaml 2>/dev/null
cp "$top/tests/reports/tr-sample.yaml" "$top/tests/reports/fi-sample.yaml" .
for f in text markdown html json; do
	result "report --compare, $f" golden "compare.$f" \
	    "$bin" report -f $f --compare profile.yaml tr-sample.yaml
done
result "report --compare refuses a profile of another pack" golden compare-other-pack.expected \
    "$bin" report --compare profile.yaml fi-sample.yaml
result "--compare is report's alone" golden compare-merge.expected \
    "$bin" merge --compare profile.yaml tr-sample.yaml

# A member's file sent again under another name counts twice, and a file
# with no answer counts as an organisation: both said, as merge says them
copies_said() {
	sed 's/^organisation: .*/organisation: "Başka Bir İsim Derneği"/' m4/member-001-1.yaml >m4/renamed.yaml
	printf 'pack: kapasite\nversion: 1\nlanguage: tr\norganisation: "Boş Dernek"\nanswers: []\n' >m4/empty.yaml
	"$bin" network m4/member-00*.yaml m4/renamed.yaml m4/empty.yaml >/dev/null 2>"$work/copies.err"
	grep -q "^stok-assess: m4/renamed.yaml: warning: holds the same answers, notes, role and date as m4/member-001-1.yaml, whatever organisation it names, and counts again" "$work/copies.err" &&
	    grep -q "^stok-assess: m4/empty.yaml: warning: holds no answer, and counts as an organisation that answered nothing" "$work/copies.err" ||
	    { cat "$work/copies.err"; return 1; }
}
result "a copy under another name and a file with no answer are said" copies_said

# A profile opened and saved again on another system (a byte order mark,
# CRLF line endings) reads as the profile it was: stok-assess(5) accepts
# both in every file. The mark was taken for YAML at 1:1.
bom_profile() {
	printf '\357\273\277' >"$work/bom-profile.yaml"
	sed 's/$/\r/' profile.yaml >>"$work/bom-profile.yaml"
	"$bin" report --compare "$work/bom-profile.yaml" tr-sample.yaml >"$work/bom.txt" 2>"$work/bom.err" ||
	    { cat "$work/bom.err"; return 1; }
	"$bin" report --compare profile.yaml tr-sample.yaml | cmp - "$work/bom.txt" && [ ! -s "$work/bom.err" ]
}
result "a profile with a byte order mark and CRLF reads as itself" bom_profile

# A profile cut short on its way (an attachment stopped part way) is said
# to be so, where it ends, as an answers file is: it was only "no ':'
# after a key (is the key longer than 1024 characters...)".
cut_profile() {
	head -c 2000 profile.yaml >"$work/cut-profile.yaml"
	"$bin" report --compare "$work/cut-profile.yaml" tr-sample.yaml >/dev/null 2>"$work/cut.err"
	[ $? = 2 ] && grep -q "cut-profile.yaml:[0-9]*:[0-9]*: warning: the profile does not end with a line break, so it may have been cut short: compare it with the original, or make it again with stok-assess network" "$work/cut.err" ||
	    { cat "$work/cut.err"; return 1; }
	"$bin" report --compare profile.yaml tr-sample.yaml 2>&1 >/dev/null | grep "line break" && return 1
	return 0
}
result "a profile cut short is said to be" cut_profile

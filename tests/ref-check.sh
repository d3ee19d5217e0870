#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make ref-check: the independent references run again (R, SciPy, pandas,
# statsmodels), their numbers compared with the ones the tests hold.
#  - every case whose `ref` file, or whose `why`, gives the command of its
#    reference (Rscript tests/ref/..., python3 tests/ref/...) runs it in a
#    copy of its folder (with the why's DIGITS=N and SINCE=... UNTIL=... in
#    its environment); every number the reference prints must be found, in
#    the same order, among the numbers of the case's expected output, within
#    a relative 1e-5 (both print 6 significant digits: one unit of the last
#    digit) or 1e-9 absolute;
#  - the generated unit-test tables (tests/unit/ref_*.h) are made again and
#    every number compared with the committed one within a relative 1e-9;
#  - tests/ref/smooth.py writes its cases and table again, byte for byte.
# Golden files that the tools wrote themselves (tests/bad/expected.tsv, most
# cases' out) have no reference to run: tests/README says which are which.
# A reference whose interpreter or package is missing is skipped and said
# so; `sh tests/deps.sh install ref` installs them.  Exit 1 on a difference.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
have_r=0 have_py=0
command -v Rscript > /dev/null 2>&1 &&
	Rscript -e 'suppressMessages({library(survival); library(nlme); library(sandwich)})' > /dev/null 2>&1 && have_r=1
/usr/bin/python3 -c 'import scipy, pandas, statsmodels' > /dev/null 2>&1 && have_py=1
[ $have_r = 1 ] || echo "ref-check: R with survival, nlme and sandwich is not installed: R references skipped (sh tests/deps.sh install ref)"
[ $have_py = 1 ] || echo "ref-check: Python with SciPy, pandas and statsmodels is not installed: Python references skipped (sh tests/deps.sh install ref)"
n=0 failed=0 skipped=0

# compare KIND REF OUT: the numbers of REF within those of OUT (see above)
compare() {
	/usr/bin/python3 - "$@" <<'PY'
import re, sys
kind, ref, out = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
num = re.compile(r'(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])|\b(?:-?Inf|NaN|nan|inf)\b')
def nums(t):
    t = "\n".join(l for l in t.splitlines() if "SPDX" not in l)
    return [float(x.replace('Inf', 'inf')) for x in num.findall(t)]
a, b = nums(ref), nums(out)
rel, ab = (1e-9, 0.0) if kind == 'table' else (1e-5, 1e-9)
def close(x, y):
    if x != x or y != y:
        return x != x and y != y
    return x == y or abs(x - y) <= max(rel * max(abs(x), abs(y)), ab)
if not a:
    sys.exit("the reference printed no number")
if kind == 'table' and len(a) != len(b):
    sys.exit("%d numbers, the committed table has %d" % (len(a), len(b)))
j = 0
worst = 0.0
for x in a:
    while j < len(b) and not close(x, b[j]):
        j += 1
    if j == len(b):
        sys.exit("%.17g is not among the expected numbers (in order)" % x)
    if x != b[j]:
        worst = max(worst, abs(x - b[j]) / max(abs(x), abs(b[j])))
    j += 1
print("%d numbers, largest relative difference %.2g" % (len(a), worst))
PY
}

report() {	# STATUS NAME DETAIL
	n=$((n + 1))
	case $1 in
	0) echo "ok $n - $2: $3" ;;
	skip) skipped=$((skipped + 1)); echo "ok $n - $2 # SKIP $3" ;;
	*) failed=$((failed + 1)); echo "not ok $n - $2: $3" ;;
	esac
}

# The reference command of a case: its `ref` file, else the first one its
# `why` names (the words that follow the script, up to the first that is not
# an argument).
ref_command() {
	# (a ref of comments only cites the reference of rounded numbers)
	if [ -f "$1/ref" ]; then
		grep -v '^#' "$1/ref" | grep . | head -1
		return
	fi
	[ -f "$1/why" ] || return
	# only a why that gives its expected output (or a vs-* case's) is run:
	# others cite a reference for rounded or worded numbers
	case $1 in
	*/vs-*/) ;;
	*) grep -q "Expected" "$1/why" || return ;;
	esac
	tr '\n' ' ' < "$1/why" | /usr/bin/python3 -c '
import re, shlex, sys
t, cmd = sys.stdin.read(), open(sys.argv[1]).read()
found = []
for m in re.finditer(r"((?:/usr/bin/)?python3|Rscript) (tests/ref/[\w.-]+\w)", t):
    if m.group(2) == "tests/ref/smooth.py":
        continue	# it writes its cases: run on its own below
    rest = re.split(r"[(;]|, | the | and |\. ", t[m.end():] + " ")[0]
    try:
        args = shlex.split(rest)
    except ValueError:
        continue
    args = [a.rstrip(".,") for a in args if not a.startswith("[")]
    py = "/usr/bin/python3" if "python3" in m.group(1) else "Rscript"
    found.append(" ".join([py, m.group(2)] + [shlex.quote(a) for a in args]))
if found:
    pick = [f for f in found if ("summary" in f) == ("--summary" in cmd)] or found
    print(pick[0])' "$1/cmd"
}

mirror=$scratch/top
mkdir -p "$mirror/tests/cases"
cp -R "$top/tests/ref" "$top/tests/data" "$mirror/tests/"
for dir in "$top"/tests/cases/*/*/; do
	[ -f "$dir/out" ] || continue
	name=${dir%/}; name=${name#"$top"/tests/cases/}
	cmd=$(ref_command "$dir")
	[ -n "$cmd" ] || continue
	case $cmd in
	*Rscript*) [ $have_r = 1 ] || { report skip "$name" "no R"; continue; } ;;
	*python3*) [ $have_py = 1 ] || { report skip "$name" "no SciPy"; continue; } ;;
	*) continue ;;
	esac
	# a copy of the case in a scratch tree with its own tests/ref and
	# tests/data: a reference that writes files writes them there
	work=$mirror/tests/cases/$name
	mkdir -p "$work"
	cp -R "$dir". "$work"
	ln -sfn "$mirror/tests" "$work/tests"
	ln -sfn "$mirror/tests/data" "$work/data"
	env=$(grep -o "SINCE=[^ ]* UNTIL=[^ ]*\|DIGITS=[0-9]*" "$dir/why" 2>/dev/null | tr "\n" " ")
	(cd "$work" && eval "$env $cmd") > "$scratch/ref.out" 2> "$scratch/ref.err"
	st=$?
	if [ $st != 0 ]; then
		report 1 "$name" "the reference failed (exit $st): $cmd: $(head -1 "$scratch/ref.err")"
		continue
	fi
	msg=$(compare case "$scratch/ref.out" "$dir/out" 2>&1)
	report $? "$name" "$cmd: $msg"
	rm -rf "$work"
done

# The generated tables of the unit tests.
for t in "Rscript tests/ref/km.R > tests/unit/ref_km.h" \
	"Rscript tests/ref/pvalues.R > tests/unit/ref_pvalues.h" \
	"Rscript tests/ref/gls_noise.R > tests/unit/ref_gls_noise.h" \
	"/usr/bin/python3 tests/ref/alert.py unit > tests/unit/ref_alert.h"; do
	cmd=${t%% > *} file=${t##* > }
	case $cmd in
	Rscript*) [ $have_r = 1 ] || { report skip "$file" "no R"; continue; } ;;
	*) [ $have_py = 1 ] || { report skip "$file" "no SciPy"; continue; } ;;
	esac
	(cd "$top" && eval "$cmd") > "$scratch/table" 2> "$scratch/ref.err"
	st=$?
	if [ $st != 0 ]; then
		report 1 "$file" "$cmd failed (exit $st): $(head -1 "$scratch/ref.err")"
		continue
	fi
	msg=$(compare table "$scratch/table" "$top/$file" 2>&1)
	report $? "$file" "$cmd: $msg"
done

# pandas writes, and so owns, the smooth cases and tests/unit/ref_window.h:
# written again in a scratch tree, they must be the committed bytes (but for
# the SPDX line added to the header).
if [ $have_py = 1 ]; then
	w=$scratch/smooth
	mkdir -p "$w/tests/ref" "$w/tests/unit" "$w/tests/cases"
	cp "$top/tests/ref/smooth.py" "$w/tests/ref/"
	cp -R "$top/tests/cases/smooth" "$w/tests/cases/"
	cp "$top/tests/unit/ref_window.h" "$w/tests/unit/"
	if (cd "$w" && /usr/bin/python3 tests/ref/smooth.py) > "$scratch/ref.out" 2>&1; then
		diff -r -I SPDX "$top/tests/cases/smooth" "$w/tests/cases/smooth" > "$scratch/diff" &&
			diff -I SPDX "$top/tests/unit/ref_window.h" "$w/tests/unit/ref_window.h" >> "$scratch/diff"
		report $? "tests/ref/smooth.py" "the smooth cases and tests/unit/ref_window.h as pandas writes them" ||
			head -20 "$scratch/diff" | sed 's/^/# /'
	else
		report 1 "tests/ref/smooth.py" "failed: $(tail -1 "$scratch/ref.out")"
	fi
else
	report skip "tests/ref/smooth.py" "no pandas"
fi

echo "1..$n"
echo "# ref-check: $((n - failed - skipped)) agree, $failed differ, $skipped skipped"
[ $failed = 0 ]

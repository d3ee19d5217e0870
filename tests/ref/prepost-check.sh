#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The largest relative difference between ease-prepost and its references
# (tests/ref/prepost.R, tests/ref/prepost.py) on every vs-* case, both run to
# 17 significant digits: sh tests/ref/prepost-check.sh (after make).
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in "$top"/tests/cases/prepost/vs-*/; do
	(
	cd "$c" || exit 1
	line=$(grep -o "Rscript tests/ref/prepost.R.*\|python3 tests/ref/prepost.py.*" why | head -1)
	env=$(grep -o "SINCE=[^ ]* UNTIL=[^ ]*" why)
	ref=$(echo "$line" | sed "s|tests/ref/|$top/tests/ref/|; s|^python3|/usr/bin/python3|")
	eval "$env DIGITS=17 $ref" > "$tmp/ref.csv" 2> /dev/null
	if grep -q "tail -n 1" cmd; then tail -n 1 "$tmp/ref.csv" > "$tmp/r1" && mv "$tmp/r1" "$tmp/ref.csv"; fi
	PATH="$top/bin:$PATH" sh -c "$(sed 's/ease-prepost /ease-prepost --digits 17 /' cmd)" \
		2> /dev/null > "$tmp/ease.csv"
	printf '%-28s ' "$(basename "$c")"
	python3 - "$tmp/ease.csv" "$tmp/ref.csv" <<'PY'
import csv, sys
a = list(csv.reader(open(sys.argv[1])))
b = list(csv.reader(open(sys.argv[2])))
if len(a) != len(b):
    sys.exit("rows differ: %d and %d" % (len(a), len(b)))
m = 0.0
for ra, rb in zip(a, b):
    for x, y in zip(ra, rb):
        try:
            fx, fy = float(x), float(y)
        except ValueError:
            if x != y:
                sys.exit("cells differ: %r and %r" % (x, y))
            continue
        if fx != fy:
            m = max(m, abs(fx - fy) / max(abs(fy), 1e-300))
print("max relative error %.3g" % m)
PY
	)
done

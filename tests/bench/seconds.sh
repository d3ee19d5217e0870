# SPDX-License-Identifier: GPL-3.0-or-later
# The targets in seconds: a daily ease-alert, and the pictures and report of
# a ten-year diary (gnuplot included), and a trend of half the day table.
# Printed after the ratios, by the wall clock (median of PAIRS runs).

# secs CMD FILE: the median wall-clock seconds of PAIRS runs into S
secs() {
	ts=""
	si=0
	sclock=$CLOCK
	CLOCK=wall
	while [ $si -lt "$PAIRS" ]; do
		run1 "$1" "$2" || { S="failed: $(failed)"; CLOCK=$sclock; return 1; }
		ts="$ts $RT"
		si=$((si + 1))
	done
	CLOCK=$sclock
	S=$(printf '%s\n' $ts | sort -n | awk '{ v[NR] = $1 }
		END { printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1e6 }')
}

# second LABEL CMD FILE TARGET: one row
second() {
	echo "bench: $1..." >&2
	if secs "$2" "$3"; then
		printf '| %s | %s s | < %s s: %s |\n' "$1" "$S" "$4" \
			"$(awk -v s="$S" -v t="$4" 'BEGIN { print (s < t ? "yes" : "no") }')"
	else
		printf '| %s | %s | < %s s |\n' "$1" "$S" "$4"
	fi
}

echo
echo "| run (wall clock, median of $PAIRS) | seconds | target |"
echo "|---|---|---|"
diary10="$data/day3650.csv"
[ -s "$diary10" ] || ease-simulate --days 3650 --start 2016-01-01 --baseline-days 91 --seed 3 -o "$diary10"
second "ease-alert, a 10-year diary" 'ease-alert "$1"' "$diary10" 0.05
if command -v gnuplot > /dev/null 2>&1; then
	second "ease-report --format html, a 10-year diary" \
		"ease-report --format html -o '$data/r.html' \"\$1\"" "$diary10" 0.1
	second "ease-plot trend -o PNG, a 10-year diary" \
		"ease-plot trend -f pain --smooth 7 -o '$data/p.png' \"\$1\"" "$diary10" 0.3
	second "ease-plot trend -o PNG, $HALF days" \
		"ease-plot trend -f pain --smooth 7 -o '$data/p.png' \"\$1\"" "$dayhalf" 3
	rm -f "$data/r.html" "$data/p.png"
else
	echo "| ease-report, ease-plot | gnuplot is not installed (apt-get install gnuplot-nox) | |"
fi

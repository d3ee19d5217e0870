# SPDX-License-Identifier: GPL-3.0-or-later
# ease-plot: a ten-year diary (3,650 days) drawn to PNG, gnuplot included,
# for every kind that reads the whole of it.  Target: under a second each.
echo
echo "ease-plot"
plotday="$data/day3650.csv"
[ -s "$plotday" ] || ease-simulate --days 3650 --start 2016-01-01 --baseline-days 91 --seed 3 -o "$plotday"
if command -v gnuplot >/dev/null 2>&1; then
	for k in "trend -f pain --smooth 7 --events massage" "scatter -x sleep_hours -y pain --lag 1" \
		 "lags -x massage -y pain" "calendar" "meds" "relief" \
		 "profile --before 7 --after 7 --by technique" "techniques"; do
		# shellcheck disable=SC2086
		bench_run "ease-plot $k -o p.png (3,650 days)" ease-plot $k -o "$data/p.png" "$plotday"
		echo "    $(echo "$T < 1" | bc | sed 's/1/within/; s/0/OVER/') the 1 s target"
	done
	rm -f "$data/p.png"
else
	echo "  gnuplot is not installed (apt-get install gnuplot-nox): skipped"
fi

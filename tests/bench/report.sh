# SPDX-License-Identifier: GPL-3.0-or-later
# ease-report: a ten-year diary (3,650 days) as the HTML page with its plot,
# gnuplot included, against the analyses it runs done by the tools one by one
# (ease-prepost, ease-relief, ease-corr and ease-plot trend to SVG).
# Target: under 2 s.
echo
echo "ease-report"
repday="$data/day3650.csv"
[ -s "$repday" ] || ease-simulate --days 3650 --start 2016-01-01 --baseline-days 91 --seed 3 -o "$repday"
if command -v gnuplot >/dev/null 2>&1; then
	bench_run "ease-report --format html (3,650 days)" ease-report --format html -o "$data/r.html" "$repday"
	t_rep=$T
	echo "    $(echo "$T < 2" | bc | sed 's/1/within/; s/0/OVER/') the 2 s target"
	bench_run "ease-report --period month --format text" ease-report --period month "$repday"
	# the same questions asked of the tools, one run each
	tools_sh="$data/report-tools.sh"
	cat > "$tools_sh" <<-TOOLS
	ease-prepost --split first --event massage --value pain "$repday"
	ease-prepost --event massage --value pain --by technique "$repday"
	ease-relief --summary "$repday"
	ease-corr -x sleep_hours -y pain -m pearson "$repday"
	ease-plot trend -f pain --smooth 7 -o "$data/r.svg" "$repday"
	TOOLS
	bench_run "the same through 5 tool runs" sh "$tools_sh"
	echo "    ease-report / the tools: $(ratio "$t_rep" "$T")x"
	rm -f "$data/r.html" "$data/r.svg" "$tools_sh"
else
	echo "  gnuplot is not installed (apt-get install gnuplot-nox): skipped"
fi

# Reading once, in bounded memory: single-subject diaries without sessions
# (the comparisons and the model the sessions bring keep the whole diary of
# their own; they are timed in tests/bench/prepost.sh), 1e6 and 2e6 days.
# Targets: 2e6 / 1e6 <= 2.2x; 2e6 days under ulimit -v 65536.
rep1m="$data/report1m.csv"
rep2m="$data/report2m.csv"
[ -s "$rep1m" ] || awk -v N=1000000 -f "$top/tests/cases/report/bounded-memory/long.awk" > "$rep1m"
[ -s "$rep2m" ] || awk -v N=2000000 -f "$top/tests/cases/report/bounded-memory/long.awk" > "$rep2m"
bench_pair "ease-report 2e6 / 1e6 days (linear: <= 2.2)" "ease-report '$rep2m'" "ease-report '$rep1m'"
if sh -c "ulimit -v 65536 && ease-report '$rep2m'" > /dev/null 2>&1; then
	echo "  ease-report on 2e6 days under ulimit -v 65536: within"
else
	echo "  ease-report on 2e6 days under ulimit -v 65536: OVER"
fi

# SPDX-License-Identifier: GPL-3.0-or-later
# ease-daily: a 2-million-row event log (200 subjects, grouped as ease-simulate
# writes them) to a day table, and the same log sorted by time (every subject
# interleaved), against the nearest thing datamash does: the daily mean of the
# pain ratings, after a sort by subject and date.
echo
echo "ease-daily (2,000,000-row event log)"
ev="$data/events2m.csv"
evt="$data/events2m-by-time.csv"
if [ ! -s "$ev" ]; then
	ease-simulate --subjects 200 --days 2200 --start 2000-01-01 --seed 1 --table events |
		head -2000001 > "$ev.tmp" && mv "$ev.tmp" "$ev"
	{ head -1 "$ev"; tail -n +2 "$ev" | sort -t, -k2,2; } > "$evt.tmp" && mv "$evt.tmp" "$evt"
fi
bench_run "ease-daily (grouped by subject)" ease-daily "$ev"; dg=$T; dgm=$M
bench_run "ease-daily (sorted by time)" ease-daily "$evt"; dt=$T; dtm=$M
bench_run "awk | sort | datamash groupby 1,2 mean 3" sh -c '
	awk -F, "\$4 == \"pain\" { print \$1 \",\" substr(\$2, 1, 10) \",\" \$6 }" "$1" |
	sort -t, -k1,1 -k2,2 | datamash -t, groupby 1,2 mean 3' sh "$ev"; dm=$T
echo "  ease-daily (every column) / datamash (mean pain): $(ratio "$dg" "$dm")x   (target <= 2)"
echo "  peak memory: grouped $(echo "$dgm / 1024" | bc) MB, by time $(echo "$dtm / 1024" | bc) MB (target < 64: about one subject's days, the rest set aside)"

# SPDX-License-Identifier: GPL-3.0-or-later
# ease-daily: an event log of N rows (200 subjects, grouped as ease-simulate
# writes them) to a day table, and the same log sorted by time (every
# subject interleaved); x floor is against the raw parse of the log.  The
# peer is the nearest thing datamash does: the daily mean of the pain
# ratings alone, after a sort by subject and date.
ev="$data/events$N.csv"
evt="$data/events$N-by-time.csv"
if [ ! -s "$ev" ]; then
	echo "bench: generating the $N-row event log..." >&2
	ease-simulate --subjects 200 --days $((N / 900 + 10)) --start 2000-01-01 --seed 1 --table events |
		head -n $((N + 1)) > "$ev.tmp" && mv "$ev.tmp" "$ev"
fi
if [ ! -s "$evt" ]; then
	{ head -1 "$ev"; tail -n +2 "$ev" | sort -t, -k2,2; } > "$evt.tmp" && mv "$evt.tmp" "$evt"
fi
[ -s "$data/events$HALF.csv" ] || head -n $((HALF + 1)) "$ev" > "$data/events$HALF.csv"
[ -s "$data/events$HALF-by-time.csv" ] || head -n $((HALF + 1)) "$evt" > "$data/events$HALF-by-time.csv"
if [ $have_datamash = 1 ]; then
	peer "awk \| sort \| datamash groupby 1,2 mean 3 (mean pain only)" 'ease-daily "$1"' \
		'awk -F, "\$4 == \"pain\" { print \$1 \",\" substr(\$2, 1, 10) \",\" \$6 }" "$1" |
		 sort -t, -k1,1 -k2,2 | datamash -t, groupby 1,2 mean 3' "$ev" 2
fi
tool "ease-daily (log grouped by subject)" 'ease-daily "$1"' "$ev" "$data/events$HALF.csv" 1.5
tool "ease-daily (log sorted by time)" 'ease-daily "$1"' "$evt" "$data/events$HALF-by-time.csv" 1.5

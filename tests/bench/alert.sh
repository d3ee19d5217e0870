# SPDX-License-Identifier: GPL-3.0-or-later
# ease-alert: a daily cron run on a 10-year diary (ease-simulate, 3653 days)
# must answer in under 50 ms.  /usr/bin/time counts in hundredths, too coarse
# for that, so each command here runs 20 times under one clock, against
# ease-smooth's EMA of pain (the pass the flare rule makes too) and the raw
# parse of the same file.  Then the 2-million-day table, against a 7-day
# smoothing as for ease-relief.  Timings are printed, never judged.
echo
echo "ease-alert"
diary10="$data/diary10y.csv"
[ -s "$diary10" ] || ease-simulate --days 3653 --seed 10 > "$diary10"

# ms20 CMD...: milliseconds per run, the best of 3 rounds of 20 runs, into $MS
ms20() {
	MS=""
	for round in 1 2 3; do
		t0=$(date +%s%N)
		i=0
		while [ $i -lt 20 ]; do
			"$@" > /dev/null 2>&1
			[ $? -le 1 ] || { echo "bench: $* failed" >&2; MS=NaN; return 1; }
			i=$((i + 1))
		done
		t1=$(date +%s%N)
		r=$(echo "scale=2; ($t1 - $t0) / 20000000" | bc -l | sed 's/^\./0./')
		if [ -z "$MS" ] || [ "$(echo "$r < $MS" | bc)" = 1 ]; then MS=$r; fi
	done
}
ms20 "$data/rawparse" "$diary10"; araw=$MS
ms20 ease-smooth -f pain --method ema --half-life 1 "$diary10"; aema=$MS
ms20 ease-alert "$diary10"; aal=$MS
ms20 ease-alert --rules flare,high "$diary10"; aalf=$MS
printf '  %-44s %7s ms\n' "libcsv raw parse (10 years)" "$araw" \
	"ease-smooth --method ema --half-life 1" "$aema" \
	"ease-alert (every rule)" "$aal" "ease-alert --rules flare,high" "$aalf"
echo "  ease-alert on 10 years:               $aal ms   (target < 50)"
echo "  ease-alert / ease-smooth ema:         $(ratio "$aal" "$aema")x"
echo "  ease-alert / raw parse:               $(ratio "$aal" "$araw")x"
bench_run "ease-smooth -f pain -w 7 (2M days)" ease-smooth -f pain -w 7 "$day"; asma=$T
bench_run "ease-alert (2M days)" sh -c 'ease-alert "$1"; [ $? -le 1 ]' sh "$day"; alt=$T; altm=$M
echo "  ease-alert / ease-smooth -w 7 (2M days): $(ratio "$alt" "$asma")x   (target <= 2)"
echo "  ease-alert peak memory: $(echo "$altm / 1024" | bc) MB (target < 16)"

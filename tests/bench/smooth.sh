# SPDX-License-Identifier: GPL-3.0-or-later
# ease-smooth: a 7-day SMA and a 7-day-half-life EMA of pain, against Miller's
# sliding-window average and EWMA (which count rows, not days: on this table,
# one row per day, they compute the same numbers) and the raw parse.
echo
echo "ease-smooth"
bench_run "libcsv raw parse" "$data/rawparse" "$day"; raw=$T
bench_run "ease-smooth -f pain -w 7" ease-smooth -f pain -w 7 "$day"; sma=$T; smam=$M
bench_run "mlr step -a slwin_6_0 -f pain" mlr --icsv --ocsv step -a slwin_6_0 -f pain "$day"; mlrsma=$T
# the alpha whose weights halve every 7 rows: 1 - 2^(-1/7)
alpha=$(awk 'BEGIN { printf "%.10f", 1 - 2 ^ (-1 / 7) }')
bench_run "ease-smooth --method ema --half-life 7" ease-smooth -f pain --method ema --half-life 7 "$day"; ema=$T; emam=$M
bench_run "mlr step -a ewma -d $alpha -f pain" mlr --icsv --ocsv step -a ewma -d "$alpha" -f pain "$day"; mlrema=$T
echo "  sma: mlr / ease-smooth:       $(ratio "$mlrsma" "$sma")x   (target >= 5)"
echo "  sma: ease-smooth / raw parse: $(ratio "$sma" "$raw")x   (target <= 2)"
echo "  ema: mlr / ease-smooth:       $(ratio "$mlrema" "$ema")x   (target >= 5)"
echo "  ema: ease-smooth / raw parse: $(ratio "$ema" "$raw")x   (target <= 2)"
echo "  ease-smooth peak memory: sma $(echo "$smam / 1024" | bc) MB, ema $(echo "$emam / 1024" | bc) MB (target < 16)"
bench_pair "ease-smooth --method ema / raw parse" \
	"ease-smooth -f pain --method ema --half-life 7 '$day'" "'$data/rawparse' '$day'"
echo "    target <= 1.5"
bench_pair "ease-smooth --method ema: 2e6 days / 1e6 days" \
	"ease-smooth -f pain --method ema --half-life 7 '$day'" "ease-smooth -f pain --method ema --half-life 7 '$day1m'"
echo "    target <= 2.2 (linear)"

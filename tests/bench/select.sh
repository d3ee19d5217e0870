# SPDX-License-Identifier: GPL-3.0-or-later
# ease-select passing the whole table through, against the raw parse and mlr cat.
echo
echo "ease-select (pass-through)"
bench_run "libcsv raw parse" "$data/rawparse" "$day"; raw=$T
bench_run "ease-select" ease-select "$day"; sel=$T; selm=$M
bench_run "mlr --csv cat" mlr --csv cat "$day"; mlr=$T
bench_run "ease-select --where 'pain>=5' -f date,pain" ease-select --where 'pain>=5' -f date,pain "$day"
echo "  ease-select / raw parse: $(ratio "$sel" "$raw")x   (target <= 2)"
echo "  mlr cat / ease-select:   $(ratio "$mlr" "$sel")x   (target >= 5)"
echo "  ease-select peak memory: $(echo "$selm / 1024" | bc) MB (target < 16)"
bench_pair "ease-select / raw parse" "ease-select '$day'" "'$data/rawparse' '$day'"
echo "    target <= 1.2"
bench_pair "ease-select: 2e6 days / 1e6 days" "ease-select '$day'" "ease-select '$day1m'"
echo "    target <= 2.2 (linear)"

# SPDX-License-Identifier: GPL-3.0-or-later
# ease-corr: one pair (pain vs sleep_hours) on the 2-million-row day table,
# against GNU datamash and Miller in the same run; then the rank methods.
echo
echo "ease-corr (pain vs sleep_hours)"
# datamash wants column numbers: read them from the header, never assume
cpain=$(head -1 "$day" | tr -d '\r' | tr ',' '\n' | grep -nx pain | cut -d: -f1)
csleep=$(head -1 "$day" | tr -d '\r' | tr ',' '\n' | grep -nx sleep_hours | cut -d: -f1)
bench_run "ease-corr -m pearson" ease-corr -x pain -y sleep_hours -m pearson "$day"; cp=$T; cpm=$M
bench_run "datamash ppearson $cpain:$csleep" sh -c 'datamash -t, --header-in ppearson "$1" < "$2"' sh "$cpain:$csleep" "$day"; dm=$T
bench_run "mlr stats2 -a corr" mlr --icsv --ojson stats2 -a corr -f pain,sleep_hours "$day"; ml=$T
bench_run "ease-corr -m spearman" ease-corr -x pain -y sleep_hours -m spearman "$day"; cs=$T; csm=$M
bench_run "ease-corr -m kendall" ease-corr -x pain -y sleep_hours -m kendall "$day"; ck=$T
bench_run "ease-corr -m all --lags -1..1" ease-corr -x pain -y sleep_hours -m all --lags -1..1 "$day"
echo "  datamash / ease-corr pearson:  $(ratio "$dm" "$cp")x   (target >= 2)"
echo "  mlr / ease-corr pearson:       $(ratio "$ml" "$cp")x   (target >= 10)"
echo "  spearman / pearson:            $(ratio "$cs" "$cp")x   (target <= 3)"
echo "  kendall:                       ${ck} s   (target < 10)"
echo "  peak memory: pearson $(echo "$cpm / 1024" | bc) MB (streaming), spearman $(echo "$csm / 1024" | bc) MB (series)"
# side by side, alternately: ratios only
bench_pair "ease-corr (pearson + spearman) / raw parse" \
	"ease-corr -x pain -y sleep_hours '$day'" "'$data/rawparse' '$day'"
echo "    target <= 1.5; memory <= 24 B a day of one subject for the rank methods"
bench_pair "ease-corr -m spearman / -m pearson" \
	"ease-corr -x pain -y sleep_hours -m spearman '$day'" "ease-corr -x pain -y sleep_hours -m pearson '$day'"
bench_pair "ease-corr (pearson + spearman): 2e6 days / 1e6 days" \
	"ease-corr -x pain -y sleep_hours '$day'" "ease-corr -x pain -y sleep_hours '$day1m'"
echo "    target <= 2.2 (linear)"

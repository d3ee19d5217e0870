# SPDX-License-Identifier: GPL-3.0-or-later
# ease-smooth: a 7-day SMA and a 7-day-half-life EMA of pain, against
# Miller's sliding-window average and EWMA (which count rows, not days: on
# this table, one row per day, they compute the same numbers).
if [ $have_mlr = 1 ]; then
	peer "mlr step -a slwin_6_0" 'ease-smooth -f pain -w 7 "$1"' \
		'mlr --icsv --ocsv step -a slwin_6_0 -f pain "$1"' "$day" 0.2
fi
tool "ease-smooth -f pain -w 7" 'ease-smooth -f pain -w 7 "$1"' "$day" "$dayhalf" 1.5
# the alpha whose weights halve every 7 rows: 1 - 2^(-1/7)
alpha=$(awk 'BEGIN { printf "%.10f", 1 - 2 ^ (-1 / 7) }')
if [ $have_mlr = 1 ]; then
	peer "mlr step -a ewma" 'ease-smooth -f pain --method ema --half-life 7 "$1"' \
		"mlr --icsv --ocsv step -a ewma -d $alpha -f pain \"\$1\"" "$day" 0.2
fi
tool "ease-smooth --method ema --half-life 7" 'ease-smooth -f pain --method ema --half-life 7 "$1"' \
	"$day" "$dayhalf" 1.5

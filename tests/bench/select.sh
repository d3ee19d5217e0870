# SPDX-License-Identifier: GPL-3.0-or-later
# ease-select passing the whole table through (every role cell checked), and
# a filter with a cut, against Miller doing the same.
if [ $have_mlr = 1 ]; then
	peer "mlr --csv cat" 'ease-select "$1"' 'mlr --csv cat "$1"' "$day" 0.2
fi
tool ease-select 'ease-select "$1"' "$day" "$dayhalf" 1.2
if [ $have_mlr = 1 ]; then
	peer "mlr filter then cut" 'ease-select --where "pain>=5" -f date,pain "$1"' \
		'mlr --csv filter "\$pain >= 5" then cut -o -f date,pain "$1"' "$day" 0.2
fi
tool "ease-select --where 'pain>=5' -f date,pain" 'ease-select --where "pain>=5" -f date,pain "$1"' \
	"$day" "$dayhalf" 1.2

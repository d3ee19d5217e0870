# SPDX-License-Identifier: GPL-3.0-or-later
# ease-corr, pain against sleep_hours: Pearson against GNU datamash and
# Miller; the rank methods (Spearman; the default computes both).
if [ $have_datamash = 1 ]; then
	# datamash wants column numbers: read them from the header, never assume
	cpain=$(head -1 "$day" | tr -d '\r' | tr ',' '\n' | grep -nx pain | cut -d: -f1)
	csleep=$(head -1 "$day" | tr -d '\r' | tr ',' '\n' | grep -nx sleep_hours | cut -d: -f1)
	peer "datamash ppearson" 'ease-corr -x pain -y sleep_hours -m pearson "$1"' \
		"datamash -t, --header-in ppearson $cpain:$csleep < \"\$1\"" "$day" 0.5
fi
if [ $have_mlr = 1 ]; then
	peer "mlr stats2 -a corr" 'ease-corr -x pain -y sleep_hours -m pearson "$1"' \
		'mlr --icsv --ojson stats2 -a corr -f pain,sleep_hours "$1"' "$day" 0.1
fi
tool "ease-corr -m pearson" 'ease-corr -x pain -y sleep_hours -m pearson "$1"' "$day" "$dayhalf" 1.5
tool "ease-corr -m spearman" 'ease-corr -x pain -y sleep_hours -m spearman "$1"' "$day" "$dayhalf" 1.5
tool "ease-corr (default: pearson and spearman)" 'ease-corr -x pain -y sleep_hours "$1"' \
	"$day" "$dayhalf" 1.5

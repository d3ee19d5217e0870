#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Why, and how often, ease-prepost --its finds a level change that is not
# there: on ease-simulate diaries without any effect (--days 365
# --baseline-days 91 --missing 0.02, every technique's --effect 0), seeds
# FROM..TO, for each error model of --se it prints
#   level_p < 0.05: the count, the share and its Wilson 95 % interval;
#   sd(level_change): the spread of the estimate over the diaries, the
#     standard error it should have;
#   rms(level_se): the root mean square of the standard errors printed;
#   ratio: the two above, sd / rms (above 1: the errors are too small and
#     the test rejects too often);
#   the means of phi and of the day-noise share (noise) where the model
#     has them.
# Usage: sh tests/calibrate-its.sh [FROM [TO]]   (1 400)
#   EASE_BIN   the tools (default bin)
#   SE         the --se kinds to compare ("gls-noise gls hac")
#   SIM_OPTS   more ease-simulate options, to take a part of the simulated
#              pain out and see what it did: --rating-sd 0 (no day noise
#              beyond rounding), --flares 0, --weekly 0
#   ITS_OPTS   more ease-prepost options, such as --terms weekday
set -eu
from=${1:-1}
to=${2:-400}
B=${EASE_BIN:-bin}
kinds=${SE:-gls-noise gls hac}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export LC_ALL=C
SIM="--days 365 --baseline-days 91 --missing 0.02"
NULL="--effect trigger_point=0 --effect deep_tissue=0 --effect swedish=0"
NULL="$NULL --effect myofascial_release=0 --effect lumbar_and_hip=0 --effect acupressure=0"

: > "$T/r"
s=$from
while [ "$s" -le "$to" ]; do
	# shellcheck disable=SC2086
	"$B/ease-simulate" $SIM $NULL ${SIM_OPTS:-} --seed "$s" -o "$T/d.csv"
	for se in $kinds; do
		# shellcheck disable=SC2086
		"$B/ease-prepost" --its first --event massage --value pain --se "$se" ${ITS_OPTS:-} \
			"$T/d.csv" 2> /dev/null |
			awk -F, -v se="$se" -v s="$s" '
			NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
			{ print se, s, $c["level_change"], $c["level_se"], $c["level_p"],
				$c["phi"] == "" ? "NA" : $c["phi"], $c["noise"] == "" ? "NA" : $c["noise"] }' >> "$T/r"
	done
	s=$((s + 1))
done
awk -v kinds="$kinds" -v from="$from" -v to="$to" '
$3 != "" && $4 != "" {
	k = $1; n[k]++; b[k] += $3; bb[k] += $3 * $3; se2[k] += $4 * $4
	if ($5 != "" && $5 + 0 < 0.05) rej[k]++
	if ($6 != "NA") { np[k]++; ph[k] += $6 }
	if ($7 != "NA") { nn[k]++; nu[k] += $7 }
}
END {
	printf "seeds %d..%d, null diaries\n", from, to
	printf "%-10s %9s %7s %17s %9s %9s %6s %6s %6s\n", "--se", "level_p<.05", "rate",
		"95 % CI (Wilson)", "sd(b2)", "rms(se)", "ratio", "phi", "noise"
	m = split(kinds, ks, " ")
	for (i = 1; i <= m; i++) {
		k = ks[i]; N = n[k]
		if (N == 0) continue
		z = 1.959964; p = rej[k] / N
		c = (p + z * z / (2 * N)) / (1 + z * z / N)
		h = z * sqrt(p * (1 - p) / N + z * z / (4 * N * N)) / (1 + z * z / N)
		sd = sqrt((bb[k] - b[k] * b[k] / N) / (N - 1)); rms = sqrt(se2[k] / N)
		printf "%-10s %5d/%-5d %5.2f %%  %5.1f to %5.1f %% %9.4f %9.4f %6.3f %6s %6s\n", k,
			rej[k], N, 100 * p, 100 * (c - h), 100 * (c + h), sd, rms, sd / rms,
			np[k] ? sprintf("%.3f", ph[k] / np[k]) : "", nn[k] ? sprintf("%.3f", nu[k] / nn[k]) : ""
	}
}' "$T/r"

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Calibration of ease-prepost's GLS figures on ease-simulate diaries
# (365 days, 91 without massage, 2 % missing): seeds 1..P with the default
# planted effects, seeds 1..N with every technique's effect 0.  Prints
#   the day-after model (--model --by technique): power (some technique
#     with p_holm < 0.05 in a planted diary) and false positives (the same
#     in a null diary);
#   ITS level_p < 0.05 in null diaries, for each --se (tests/calibrate-its.sh
#     says why they differ);
#   the split design's 95 % CI coverage of -treatment_relief (the truth
#     file's mean relief over the treatment days), planted and null together.
# `make calibrate` is the project's table; this is the measurement behind
# the numbers in ease-prepost(1).  Takes a few minutes.
# Usage: sh tests/calibrate-gls.sh [P [N]]   (EASE_BIN: the tools, default bin;
#        MODEL_OPTS: more options for --model, such as --method ml)
set -eu
P=${1:-200}
N=${2:-400}
B=${EASE_BIN:-bin}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SIM="--days 365 --baseline-days 91 --missing 0.02"
NULL="--effect trigger_point=0 --effect deep_tissue=0 --effect swedish=0 --effect myofascial_release=0 --effect lumbar_hip=0 --effect acupressure=0"
MODEL_OPTS=${MODEL_OPTS:-}

run() {	# kind seed
	if [ "$1" = null ]; then
		"$B/ease-simulate" $SIM $NULL --seed "$2" --truth "$T/t.csv" -o "$T/d.csv"
	else
		"$B/ease-simulate" $SIM --seed "$2" --truth "$T/t.csv" -o "$T/d.csv"
	fi
	truth=$(awk -F, '$2 == "treatment_relief" { print -$4 }' "$T/t.csv")
	"$B/ease-prepost" --model --event massage --value pain --by technique $MODEL_OPTS "$T/d.csv" 2>/dev/null |
		awk -F, -v k="$1" 'NR > 1 && $1 != "all" && $12 != "" && $12 < 0.05 { hit = 1 }
			END { print k, "model", hit + 0 }'
	for se in gls-noise gls hac ols; do
		"$B/ease-prepost" --its first --event massage --value pain --se $se "$T/d.csv" 2>/dev/null |
			awk -F, -v k="$1" -v se=$se 'NR == 2 { print k, "its_" se, ($9 != "" && $9 < 0.05) }'
	done
	"$B/ease-prepost" --split first --event massage --value pain "$T/d.csv" 2>/dev/null |
		awk -F, -v k="$1" -v t="$truth" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
			NR == 2 { print k, "split_cover", ($(c["ci_low"]) <= t && t <= $(c["ci_high"])) }'
}

s=1
while [ $s -le "$P" ]; do run planted $s; s=$((s + 1)); done > "$T/r"
s=1
while [ $s -le "$N" ]; do run null $s; s=$((s + 1)); done >> "$T/r"
awk '{ n[$1 " " $2]++; x[$1 " " $2] += $3 }
	END {
		printf "model power (planted, some technique p_holm < 0.05): %d/%d = %.1f %%\n", x["planted model"], n["planted model"], 100 * x["planted model"] / n["planted model"]
		printf "model false positives (null):                        %d/%d = %.1f %%\n", x["null model"], n["null model"], 100 * x["null model"] / n["null model"]
		split("gls-noise gls hac ols", se, " ")
		for (i = 1; i <= 4; i++)
			printf "ITS --se %-9s level_p < 0.05 (null):             %d/%d = %.1f %%\n", se[i], x["null its_" se[i]], n["null its_" se[i]], 100 * x["null its_" se[i]] / n["null its_" se[i]]
		c = x["planted split_cover"] + x["null split_cover"]; m = n["planted split_cover"] + n["null split_cover"]
		printf "split 95 %% CI covers -treatment_relief:              %d/%d = %.1f %%\n", c, m, 100 * c / m
	}' "$T/r"

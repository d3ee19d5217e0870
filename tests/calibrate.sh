#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Calibration: do the 95 % intervals cover the truth, do the tests reject a
# true null at 5 %, and are planted effects found?  On ease-simulate diaries
# (--days 365 --baseline-days 91 --missing 0.02): seeds 1..PLANTED with the
# default planted effects, seeds 1..NULL with every technique's --effect 0.
#   sh tests/calibrate.sh [PLANTED [NULL]]     (make calibrate: 200 400)
# Prints one row per design and figure: the share with its Wilson 95 %
# interval, the target (a point estimate) and whether it is met; exits 1
# when a target is not met.  EASE_BIN: the tools' folder.
#
# The truths: the split design (--split first, diff = after - before)
# estimates -treatment_relief of --truth, the mean relief over the treatment
# days (0 in the null diaries).  The day-after model (--model) estimates
# each technique's -effect (the relief on the day after a session; 0 in the
# null diaries).  A missing interval or p counts as a miss and as no
# finding.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
planted=${1:-200}
null=${2:-400}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

sim="--days 365 --baseline-days 91 --missing 0.02"
zero="--effect trigger_point=0 --effect deep_tissue=0 --effect swedish=0"
zero="$zero --effect myofascial_release=0 --effect lumbar_and_hip=0 --effect acupressure=0"
# the day-after model is there when ease-prepost knows --model
has_model=0
"$bin/ease-prepost" --help 2>/dev/null | grep -q -- '--model' && has_model=1

# Each run adds a line "KIND SEED FIGURE HIT" per figure to $tmp/hits, HIT 1
# or 0; FIGURE names a design and what is counted.
run() {
	kind=$1 seed=$2 effects=$3
	d=$tmp/d.csv t=$tmp/t.csv
	# shellcheck disable=SC2086
	"$bin/ease-simulate" $sim $effects --seed "$seed" --truth "$t" > "$d" || exit 2
	relief=$(awk -F, '$2 == "treatment_relief" { print $4 }' "$t")
	"$bin/ease-prepost" --split first --event massage --value pain "$d" 2> /dev/null |
		awk -F, -v k="$kind" -v s="$seed" -v truth="$relief" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$1 == "all" {
			lo = $c["ci_low"]; hi = $c["ci_high"]; p = $c["p_adj"]
			cover = lo != "" && hi != "" && lo + 0 <= -truth && -truth <= hi + 0
			print k, s, "split_cover", cover + 0
			print k, s, "split_found", (p != "" && p + 0 < 0.05) + 0
		}' >> "$tmp/hits"
	"$bin/ease-prepost" --its first --event massage --value pain "$d" 2> /dev/null |
		awk -F, -v k="$kind" -v s="$seed" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ p = $c["level_p"]; print k, s, "its_found", (p != "" && p + 0 < 0.05) + 0 }' >> "$tmp/hits"
	"$bin/ease-prepost" --event massage --value pain --by technique "$d" 2> /dev/null |
		awk -F, -v k="$kind" -v s="$seed" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$1 != "all" { p = $c["p_holm"]; if (p != "" && p + 0 < 0.05) any = 1 }
		END { print k, s, "event_found", any + 0 }' >> "$tmp/hits"
	[ "$has_model" = 1 ] || return 0
	"$bin/ease-prepost" --model --event massage --value pain --by technique "$d" 2> /dev/null |
		awk -F, -v k="$kind" -v s="$seed" -v tf="$t" '
		BEGIN {
			# the truth of each technique: minus its effect, by canonical name
			while ((getline line < tf) > 0) {
				split(line, f, ",")
				if (f[2] == "effect") e[f[3]] = f[4]
			}
		}
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{
			g = $c["group"]
			if (!(g in e)) next
			p = $c["p_holm"]; if (p != "" && p + 0 < 0.05) any = 1
			lo = $c["ci_low"]; hi = $c["ci_high"]
			print k, s, "model_cover", (lo != "" && hi != "" && lo + 0 <= -e[g] && -e[g] <= hi + 0) + 0
		}
		END { print k, s, "model_found", any + 0 }' >> "$tmp/hits"
}

: > "$tmp/hits"
i=1
while [ "$i" -le "$planted" ]; do
	run planted "$i" ""
	i=$((i + 1))
done
i=1
while [ "$i" -le "$null" ]; do
	run null "$i" "$zero"
	i=$((i + 1))
done

# The table: each figure over the diaries it is about, with Wilson's interval.
awk -v has_model="$has_model" '
function row(design, figure, n, k, target, op,    p, z, c, h, lo, hi, met) {
	if (n == 0) return
	z = 1.959964; p = k / n
	c = (p + z * z / (2 * n)) / (1 + z * z / n)
	h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
	lo = 100 * (c - h); hi = 100 * (c + h)
	met = ""
	if (op == ">=") { met = 100 * p >= target ? "met" : "NOT MET"; bad += met != "met" }
	if (op == "<=") { met = 100 * p <= target ? "met" : "NOT MET"; bad += met != "met" }
	line = sprintf("%-12s %-28s %5d  %5.1f %%  %5.1f to %5.1f %%  %-8s %s", design, figure, n,
		       100 * p, lo, hi, op == "" ? "" : op " " target " %", met)
	sub(/ +$/, "", line)
	print line
}
{ n[$1, $3]++; k[$1, $3] += $4; nn[$3]++; kk[$3] += $4 }
END {
	printf "%-12s %-28s %5s  %7s  %-20s %s\n", "design", "figure", "n", "rate",
		"95 % CI (Wilson)", "target"
	row("split", "CI coverage, all diaries", nn["split_cover"], kk["split_cover"], 93, ">=")
	row("split", "CI coverage, planted", n["planted", "split_cover"], k["planted", "split_cover"])
	row("split", "CI coverage, null", n["null", "split_cover"], k["null", "split_cover"])
	row("split", "false positives (p_adj)", n["null", "split_found"], k["null", "split_found"])
	row("split", "power (p_adj)", n["planted", "split_found"], k["planted", "split_found"])
	row("its", "false positives (level_p)", n["null", "its_found"], k["null", "its_found"], 7, "<=")
	row("its", "power (level_p)", n["planted", "its_found"], k["planted", "its_found"])
	row("event", "false positives (any p_holm)", n["null", "event_found"], k["null", "event_found"])
	row("event", "power (any p_holm)", n["planted", "event_found"], k["planted", "event_found"])
	if (has_model == 1) {
		row("model", "CI coverage, techniques", nn["model_cover"], kk["model_cover"])
		row("model", "false positives (any p_holm)", n["null", "model_found"], k["null", "model_found"], 7, "<=")
		row("model", "power (any p_holm)", n["planted", "model_found"], k["planted", "model_found"], 90, ">=")
	} else
		printf "%-12s %s\n", "model", "(ease-prepost --model is not built: no rows)"
	exit bad > 0
}' "$tmp/hits"

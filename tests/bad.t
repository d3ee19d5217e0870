#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The bad-input corpus: every tool that reads a diary, run on every file of
# tests/bad/files (and the big ones tests/bad/gen.sh writes at test time),
# must end with the exit status and first line of standard error kept for it
# in tests/bad/expected.tsv.  Whatever the table says, no run may crash
# (status >= 128) or report an internal error (70).
#   tests/bad.t           check (TAP, for prove)
#   tests/bad.t --regen   write the table from the tools as they are now
#                         (make bad-regen); review the diff row by row
# A new tool joins by a line in TOOLS below, a new file by landing in
# tests/bad/files (or gen.sh); then regenerate.  A row whose status is
# "skip" (its last field says why) is not run, and --regen keeps it: for a
# known defect that would take minutes or gigabytes.
# EASE_BIN: the tools' folder.
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
table="$here/bad/expected.tsv"

# name, then the command the file is given to (ease-simulate reads no input;
# alert-state takes the file as ease-alert's state, last: it may rewrite it)
TOOLS='check	ease-check
select	ease-select
select-where	ease-select --last 30 --where pain>=0
smooth	ease-smooth -f pain
corr	ease-corr
prepost	ease-prepost --event massage --value pain
relief	ease-relief
alert	ease-alert
plot	ease-plot trend -f pain
report	ease-report
daily	ease-daily
import	ease-import
ease	ease corr -y pain
alert-state	ease-alert clean.csv --state'

regen=0
[ "${1:-}" = "--regen" ] && regen=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
cp "$here"/bad/files/* "$work/in/"
sh "$here/bad/gen.sh" "$work/in" || { echo "Bail out! gen.sh failed"; exit 1; }

lim=""
command -v timeout >/dev/null 2>&1 && lim="timeout 120"

# One line per run: tool TAB file TAB status TAB first line of stderr
# (of standard output for ease-check, whose findings are its result).
printf '%s\n' "$TOOLS" | while IFS='	' read -r tool cmd; do
	for f in $(cd "$work/in" && ls); do
		skip=$(awk -F '\t' -v t="$tool" -v f="$f" \
			'$1 == t && $2 == f && $3 == "skip"' "$table" 2>/dev/null)
		if [ -n "$skip" ]; then
			printf '%s\n' "$skip"
			continue
		fi
		(
			cd "$work/in" || exit 99
			export PATH="$bin:$PATH" LC_ALL=C TZ=UTC
			$lim $cmd "$f" < /dev/null > "$work/out" 2> "$work/err"
			echo $? > "$work/status"
		)
		# ease-check's findings are its output, so its first line is kept
		[ "$tool" = check ] && [ ! -s "$work/err" ] && cp "$work/out" "$work/err"
		printf '%s\t%s\t%s\t%s\n' "$tool" "$f" "$(cat "$work/status")" \
			"$(head -n 1 "$work/err" | tr '\t' ' ')"
	done
done > "$work/got"

if [ $regen = 1 ]; then
	{
		printf '# tool\tfile\tstatus\tfirst line of stderr   (written by the tools themselves, make bad-regen: a record of their messages, no independent reference; review its diff)\n'
		cat "$work/got"
	} > "$table"
	echo "wrote $table: $(wc -l < "$work/got") runs" >&2
	exit 0
fi

n=0 failed=0
while IFS='	' read -r tool f st first; do
	n=$((n + 1))
	want=$(grep -v '^#' "$table" | awk -F '\t' -v t="$tool" -v f="$f" '$1 == t && $2 == f')
	line=$(printf '%s\t%s\t%s\t%s' "$tool" "$f" "$st" "$first")
	problem=""
	if [ "$st" = skip ]; then
		echo "ok $n - $tool $f # SKIP $first"
		continue
	elif [ "$st" -ge 128 ] || [ "$st" = 70 ]; then
		problem="crashed or internal error (status $st)"
	elif [ -z "$want" ]; then
		problem="not in tests/bad/expected.tsv (make bad-regen, then review)"
	elif [ "$want" != "$line" ]; then
		problem="differs from tests/bad/expected.tsv"
	fi
	if [ -z "$problem" ]; then
		echo "ok $n - $tool $f"
	else
		failed=$((failed + 1))
		echo "not ok $n - $tool $f: $problem"
		echo "#  want: $want"
		echo "#   got: $line"
	fi
done < "$work/got"
# rows of the table no run produced: a file or tool gone
grep -v '^#' "$table" | cut -f 1,2 | sort > "$work/want.keys"
cut -f 1,2 "$work/got" | sort > "$work/got.keys"
for k in $(comm -23 "$work/want.keys" "$work/got.keys" | tr '\t' ':'); do
	n=$((n + 1)) failed=$((failed + 1))
	echo "not ok $n - $k is in tests/bad/expected.tsv but was not run"
done
echo "1..$n"
[ "$failed" = 0 ]

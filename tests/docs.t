#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every command the README and the manual pages' EXAMPLES show runs as shown.
# Each runs alone in a fresh folder that holds the bundled examples (as
# examples/ and at the top, as a user who copied them would have them) and
# stand-ins for the exports and kind tables the text names (test data, and
# the few of tests/docs).
# A command must exit 0 (ease-alert: 0 or 1, as 1 says an alert was raised
# and a bare --today is the day the test runs); where the README shows a session ("$ command",
# its output, "$ echo $?", the status) the output and status must match.
# Two changes are made before running, both for a machine with no screen and
# no mail: "| gnuplot -p" draws as text (GNUTERM=dumb), "| mail ..." goes to
# /dev/null.  Lines that are not ease commands (make, sudo, the cron script,
# which tests/cron.t runs) are not taken.
LC_ALL=C TZ=UTC; export LC_ALL TZ
here=$(cd "$(dirname "$0")" && pwd)
top=$here/..
bin=${EASE_BIN:-$top/bin}
case $bin in /*) ;; *) bin=$(cd "$bin" && pwd) ;; esac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# one record per command: SOURCE:LINE, TAB, command, TAB, expected status,
# TAB, file of expected output (or -)
list=$scratch/list
: > "$list"

# The README: commands in fenced blocks; "$ " marks a session with output.
awk -v out="$scratch/exp" '
function flush() {
	if (cmd != "") {
		print src "\t" cmd "\t" (status == "" ? 0 : status) "\t" (expf == "" ? "-" : expf)
	}
	cmd = ""; status = ""; expf = ""; waitstatus = 0
}
/^```/ { if (inblock) flush(); inblock = !inblock; next }
!inblock { next }
/^\$ echo \$\?$/ { waitstatus = 1; next }
waitstatus { status = $0; waitstatus = 0; next }
/^\$ ease/ {
	flush(); src = "README.md:" FNR; cmd = substr($0, 3)
	expf = out "." FNR; printf "" > expf; session = 1; next
}
/^(ease|ease-[a-z]+) / { flush(); session = 0; src = "README.md:" FNR; cmd = $0; next }
session && cmd != "" && !/^\$/ { print >> expf; next }
END { flush() }
' "$top/README.md" >> "$list"

# The manual pages: the lines between .nf/.fi or .EX/.EE of EXAMPLES.
for m in "$top"/man/man*/*.[157]; do
	awk -v name="${m#"$top"/}" '
	/^\.SH/ { ex = ($0 ~ /EXAMPLES/); next }
	!ex { next }
	/^\.(nf|EX)/ { body = 1; next }
	/^\.(fi|EE)/ { body = 0; next }
	!body || /^\./ { next }
	{
		line = $0
		gsub(/\\-/, "-", line); gsub(/\\e/, "\\", line); gsub(/\\\(aq/, "\047", line)
		if (cont != "") { cmd = cmd " " line; sub(/^ +/, "", line) }
		else { cmd = line; src = name ":" FNR }
		if (cmd ~ /\\$/) { sub(/ *\\$/, "", cmd); cont = 1; next }
		cont = ""
		if (cmd ~ /^(ease|ease-[a-z]+) /) print src "\t" cmd "\t0\t-"
	}
	' "$m" >> "$list"
done

total=$(wc -l < "$list")
echo "1..$total"
n=0 failed=0
tab=$(printf '\t')
while IFS=$tab read -r src cmd want expf; do
	n=$((n + 1))
	run=$scratch/run.$n
	mkdir "$run" "$run/examples"
	cp "$top"/examples/*.csv "$run/examples/"
	cp "$top"/examples/*.csv "$here"/docs/*.csv "$run/"
	# the exports and kind tables the text names, from the test data
	cp "$here/data/import/bearable.csv" "$here/data/import/sleep-export.csv" "$run/"
	cp "$here/data/import/fitbit.csv" "$run/fitbit-sleep.csv"
	cp "$here/data/import/fitbit-dashes-open.csv" "$run/sleep-dmy.csv"
	cp "$here/cases/daily/kind-tables/pain.csv" "$here/cases/daily/kind-tables/sleep.csv" "$run/"
	cp "$top/examples/diary-eu.csv" "$run/export.csv"
	shown=$(printf '%s' "$cmd" | sed -e 's/[[:space:]][[:space:]]*#[[:space:]].*$//')
	c=$(printf '%s' "$shown" | sed -e 's/| *gnuplot -p/| GNUTERM=dumb gnuplot/' \
		-e 's/| *mail .*$/> \/dev\/null/')
	(cd "$run" && HOME=$run PATH=$bin:$PATH sh -c "$c" > "$run/.out" 2> "$run/.err" < /dev/null)
	got=$?
	bad=
	case $got:$want:$shown in
	1:0:ease-alert*|1:0:ease\ alert*) got=0 ;;
	esac
	[ "$got" = "$want" ] || bad="exit status $got, not $want"
	if [ -z "$bad" ] && [ "$expf" != - ] && ! cmp -s "$expf" "$run/.out"; then
		bad="its output differs from the text"
	fi
	if [ -z "$bad" ]; then
		echo "ok $n - $src: $shown"
	else
		failed=$((failed + 1))
		echo "not ok $n - $src: $shown"
		echo "# $bad"
		sed 's/^/# /' "$run/.err" | head -5
		[ "$expf" = - ] || diff "$expf" "$run/.out" | sed 's/^/# /' | head -10
	fi
	rm -rf "$run"
done < "$list"
[ "$failed" = 0 ]

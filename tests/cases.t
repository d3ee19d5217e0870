#!/bin/sh
# Runs the command-line cases: each folder tests/cases/TOOL/NAME holds
#   cmd     one shell command line, run in a scratch copy of the folder
#   out     expected standard output  (absent: none)
#   err     expected standard error   (absent: none)
#   status  expected exit status      (absent: 0)
#   env     optional: NAME=VALUE lines exported for the command
# The shared inputs of tests/data are there as data/.
# EASE_BIN is the folder of the tools under test; EASE_CASES=TOOL limits the run.
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0 failed=0
for dir in "$here"/cases/${EASE_CASES:-*}/*/; do
	[ -f "$dir/cmd" ] || continue
	name=${dir%/}; name=${name#"$here"/cases/}
	n=$((n + 1))
	work="$scratch/$n"
	cp -R "$dir" "$work"
	rm -f "$work/out" "$work/err" "$work/status"
	ln -s "$here/data" "$work/data"
	want_status=0
	[ -f "$dir/status" ] && want_status=$(cat "$dir/status")
	(
		cd "$work" || exit 99
		export PATH="$bin:$PATH" LC_ALL=C TZ=UTC
		if [ -f env ]; then
			while IFS= read -r kv; do [ -n "$kv" ] && export "$kv"; done < env
		fi
		sh -c "$(cat cmd)" < /dev/null > "$scratch/$n.out" 2> "$scratch/$n.err"
		echo $? > "$scratch/$n.status"
	)
	got_status=$(cat "$scratch/$n.status")
	problem=""
	if [ -f "$dir/out" ]; then
		cmp -s "$dir/out" "$scratch/$n.out" || problem="stdout"
	else
		[ -s "$scratch/$n.out" ] && problem="stdout"
	fi
	if [ -f "$dir/err" ]; then
		cmp -s "$dir/err" "$scratch/$n.err" || problem="$problem stderr"
	else
		[ -s "$scratch/$n.err" ] && problem="$problem stderr"
	fi
	[ "$got_status" = "$want_status" ] || problem="$problem status($got_status, want $want_status)"
	if [ -z "$problem" ]; then
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name: $problem"
		for s in out err; do
			w="$dir/$s"; [ -f "$w" ] || w=/dev/null
			cmp -s "$w" "$scratch/$n.$s" || diff -u "$w" "$scratch/$n.$s" | head -20 | sed 's/^/# /'
		done
	fi
done
echo "1..$n"
[ "$failed" = 0 ]

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the command-line cases: each folder tests/cases/TOOL/NAME holds
#   cmd     one shell command line, run in a scratch copy of the folder
#   out     expected standard output  (absent: none)
#   err     expected standard error   (absent: none)
#   status  expected exit status      (absent: 0)
#   env     optional: NAME=VALUE lines exported for the command
#   why     optional: why the case exists, and the independent reference of
#           its numbers where one made them (tests/README; make ref-check)
#   ref     optional: the reference's command that prints its expected output
# The shared inputs of tests/data are there as data/.  @VERSION@ in out or err
# stands for the version (VERSION in the Makefile), written there only.
# EASE_BIN is the folder of the tools under test; EASE_CASES=TOOL limits the run.
# EASE_VALGRIND=1 runs every tool under valgrind's memcheck (make valgrind):
# any memory error, or any block lost (definitely, indirectly or possibly),
# fails the case.  Blocks still reachable when a tool dies of an error
# (it leaves at once, freeing nothing) are allowed.
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [ -n "$EASE_VALGRIND" ]; then
	mkdir "$scratch/vg-bin" "$scratch/vg-log"
	for tool in "$bin"/ease*; do
		[ -f "$tool" ] && [ -x "$tool" ] || continue
		# the log on a descriptor of its own: a log file opened by
		# valgrind would take descriptor 2 when a case closes it
		cat > "$scratch/vg-bin/${tool##*/}" <<-EOF
		#!/bin/sh
		exec 9> "\$(mktemp "$scratch/vg-log/XXXXXX.log")"
		exec valgrind -q --error-exitcode=99 --leak-check=full \\
		    --show-leak-kinds=definite,indirect,possible \\
		    --errors-for-leak-kinds=definite,indirect,possible \\
		    --log-fd=9 "$tool" "\$@"
		EOF
		chmod +x "$scratch/vg-bin/${tool##*/}"
	done
	bin=$scratch/vg-bin
fi
version=${EASE_VERSION:-$(sed -n 's/^VERSION *= *//p' "$here/../Makefile")}
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
	for s in out err; do
		w="$dir/$s"
		if [ -f "$w" ] && grep -q '@VERSION@' "$w"; then
			sed "s/@VERSION@/$version/g" "$w" > "$scratch/$n.want-$s"
			w="$scratch/$n.want-$s"
		fi
		[ -f "$w" ] || w=/dev/null
		echo "$w" > "$scratch/$n.wname-$s"
	done
	if [ -f "$dir/out" ]; then
		cmp -s "$(cat "$scratch/$n.wname-out")" "$scratch/$n.out" || problem="stdout"
	else
		[ -s "$scratch/$n.out" ] && problem="stdout"
	fi
	if [ -f "$dir/err" ]; then
		cmp -s "$(cat "$scratch/$n.wname-err")" "$scratch/$n.err" || problem="$problem stderr"
	else
		[ -s "$scratch/$n.err" ] && problem="$problem stderr"
	fi
	[ "$got_status" = "$want_status" ] || problem="$problem status($got_status, want $want_status)"
	if [ -n "$EASE_VALGRIND" ]; then
		for log in "$scratch"/vg-log/*.log; do
			[ -s "$log" ] && problem="$problem valgrind" && sed 's/^/# /' "$log"
			rm -f "$log"
		done
	fi
	if [ -z "$problem" ]; then
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name: $problem"
		for s in out err; do
			w=$(cat "$scratch/$n.wname-$s")
			cmp -s "$w" "$scratch/$n.$s" || diff -u "$w" "$scratch/$n.$s" | head -20 | sed 's/^/# /'
		done
	fi
done
echo "1..$n"
[ "$failed" = 0 ]

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# One version, written once (VERSION in the Makefile): every tool's -V, the
# .TH line of every man page and the first entry of NEWS say the same.
LC_ALL=C; export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top=$here/..
bin=${EASE_BIN:-$top/bin}
version=$(sed -n 's/^VERSION *= *//p' "$top/Makefile")
n=0 failed=0
check() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}

echo "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$'
check $? "the Makefile's VERSION ($version) is MAJOR.MINOR.PATCH"
for t in "$bin"/ease "$bin"/ease-*; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	first=$("$t" -V | head -1)
	[ "$first" = "${t##*/} (ease) $version" ]
	check $? "${t##*/} -V: '$first'"
done
for m in "$top"/man/man[157]/*.[157]; do
	th=$(grep '^\.TH ' "$m")
	echo "$th" | grep -q " \"ease $version\" "
	check $? "${m##*/}: $th"
done
grep -q "^ease $version " "$top/NEWS" &&
	[ "$(grep -m1 '^ease [0-9]' "$top/NEWS" | cut -d' ' -f2)" = "$version" ]
check $? "NEWS: its newest entry is ease $version"

echo "1..$n"
[ $failed = 0 ]

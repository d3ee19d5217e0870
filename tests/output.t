#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What -o does to the file that is already there, and how output ends when
# the reader goes away.  The cases that rename in /dev or make device nodes
# need root and are skipped without it.
# EASE_BIN is the folder of the tools under test.
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
data=$here/data/small.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export PATH="$bin:$PATH" LC_ALL=C TZ=UTC
n=0 failed=0

# t DESCRIPTION 'shell test': one TAP line
t() {
	n=$((n + 1))
	if eval "$2"; then
		echo "ok $n - $1"
	else
		failed=$((failed + 1))
		echo "not ok $n - $1"
	fi
}
skip() {
	n=$((n + 1))
	echo "ok $n # skip $1"
}

ease-select "$data" > want.csv
printf 'date,pain\n2026-01-01,3\n2026-01-0x,4\n' > bad.csv

# A symlink stays a symlink; its target gets the output.
echo old > real.csv
ln -s real.csv link.csv
ease-select -o link.csv "$data"
t "symlink kept" '[ -L link.csv ] && [ "$(readlink link.csv)" = real.csv ]'
t "symlink target written" 'cmp -s real.csv want.csv'

# A symlink to a file not there yet makes the file where it points.
mkdir sub
ln -s ../new.csv sub/dangling.csv
ease-select -o sub/dangling.csv "$data"
t "dangling symlink kept" '[ -L sub/dangling.csv ]'
t "dangling symlink: file made at its target" 'cmp -s new.csv want.csv'
t "no temporary file left beside the target" '[ -z "$(ls sub | grep -v dangling.csv)" ] && [ -z "$(ls | grep "\.csv\.")" ]'

# The old file's mode stays.
echo old > private.csv
chmod 600 private.csv
ease-select -o private.csv "$data"
t "mode 0600 kept" '[ "$(stat -c %a private.csv)" = 600 ] && cmp -s private.csv want.csv'
echo old > group.csv
chmod 640 group.csv
ease-select -o group.csv "$data"
t "mode 0640 kept" '[ "$(stat -c %a group.csv)" = 640 ]'

# A hard-linked file keeps its links (and its inode).
echo old > h1.csv
ln h1.csv h2.csv
ino=$(stat -c %i h1.csv)
ease-select -o h1.csv "$data"
t "hard link: both names still one file" '[ "$(stat -c %h h1.csv)" = 2 ] && [ "$(stat -c %i h2.csv)" = "$ino" ]'
t "hard link: the other name sees the output" 'cmp -s h2.csv want.csv'
echo old > h1.csv
ease-select --since 2026-01-01 -o h1.csv bad.csv 2> /dev/null
t "hard link: a failed run leaves the file as it was" '[ "$(cat h2.csv)" = old ] && [ "$(stat -c %h h1.csv)" = 2 ]'

# A FIFO is written, not replaced.
mkfifo fifo
timeout 10 cat fifo > from-fifo &
reader=$!
ease-select -o fifo "$data"
wait $reader
t "FIFO stays a FIFO" '[ -p fifo ]'
t "FIFO's reader gets the output" 'cmp -s from-fifo want.csv'

# A name for standard output (as /dev/stdout is) writes where stdout goes.
ln -s /proc/self/fd/1 stdout-link
ease-select -o stdout-link "$data" > via-link.csv
t "link to stdout: stays a link" '[ -L stdout-link ]'
t "link to stdout: output arrives on stdout (a file)" 'cmp -s via-link.csv want.csv'
ease-select -o stdout-link "$data" | cat > via-pipe.csv
t "link to stdout: output arrives on stdout (a pipe)" 'cmp -s via-pipe.csv want.csv'

# A closed pipe ends the run quietly, SIGPIPE ignored or not, with the status
# of a process killed by SIGPIPE (128 + 13 in the shell).
ease-simulate --days 20000 > big.csv
(trap '' PIPE; { ease-select big.csv 2> epipe.err; echo $? > epipe.status; } | head -1 > /dev/null)
t "SIGPIPE ignored: closed pipe gives status 141" '[ "$(cat epipe.status)" = 141 ]'
t "SIGPIPE ignored: nothing said" '[ ! -s epipe.err ]'
{ ease-select big.csv 2> epipe2.err; echo $? > epipe2.status; } | head -1 > /dev/null
t "SIGPIPE default: status 141, nothing said" '[ "$(cat epipe2.status)" = 141 ] && [ ! -s epipe2.err ]'
(trap '' PIPE; { ease-simulate --days 20000 --truth truth.csv 2> epipe3.err; echo $? > epipe3.status; } | head -1 > /dev/null)
t "closed pipe: the other output is not put in place" '[ "$(cat epipe3.status)" = 141 ] && [ ! -e truth.csv ] && [ -z "$(ls | grep "truth\.csv\.")" ]'
# ease-import holds standard output back until the run is done: a failure
# late in the input leaves a pipe nothing, a closed pipe is quiet.
awk 'BEGIN { print "sid,start,stop,rating,comment"
	for (i = 0; i < 3000; i++) { s = 1600000000000 + i * 86400000
		printf "%d,%.0f,%.0f,3,\n", i, s, s + 28800000 } }' > plees-big.csv
{ cat plees-big.csv; echo '3000,late,1600000000000,3,'; } > plees-late.csv
ease-import plees-late.csv 2> /dev/null | wc -c | tr -d ' ' > late.bytes
t "import: a run that fails writes nothing to standard output" '[ "$(cat late.bytes)" = 0 ]'
(trap '' PIPE; { ease-import plees-big.csv 2> ipipe.err; echo $? > ipipe.status; } | head -1 > /dev/null)
t "import: closed pipe, SIGPIPE ignored: status 141, nothing said" '[ "$(cat ipipe.status)" = 141 ] && [ ! -s ipipe.err ]'
ease-import -o want-import.csv plees-big.csv
t "import: standard output is what -o writes" 'ease-import plees-big.csv | cmp -s - want-import.csv'
TMPDIR=$work/no-such-dir ease-import plees-big.csv > /dev/null 2> notmp.err
st=$?
t "import: no temporary file to spool to: exit 73, the fix named" '[ $st = 73 ] && grep -q "set TMPDIR" notmp.err'
# ease-daily sets subjects aside in memory; past EASE_DAILY_MEM MiB (0: at
# once) in a temporary file under TMPDIR.  Not a case: valgrind too needs
# TMPDIR.
ease-simulate --seed 5 --subjects 4 --days 1500 --table events > ev.csv
{ head -1 ev.csv; tail -n +2 ev.csv | sort -t, -k2,2; } > ev-by-time.csv
TMPDIR=$work/no-such-dir ease-daily ev-by-time.csv 2> dtmp.err | wc -l | tr -d ' ' > dtmp.rows
EASE_DAILY_MEM=0 TMPDIR=$work/no-such-dir ease-daily ev-by-time.csv > /dev/null 2> dnotmp.err
st=$?
t "daily: within the memory budget no temporary file is needed" '[ "$(cat dtmp.rows)" = 6001 ] && [ ! -s dtmp.err ]'
t "daily: past the budget, no temporary file to set days aside in: exit 73, the fix named" '[ $st = 73 ] && [ "$(cat dnotmp.err)" = "ease-daily: $work/no-such-dir: cannot make a temporary file there to hold the days set aside: No such file or directory (set TMPDIR to a writable folder, or EASE_DAILY_MEM to more MiB)" ]'

if [ "$(id -u)" != 0 ]; then
	for what in "device node" "null device twice" "owner kept" "/dev/null" "/dev/stdout (select)" "/dev/stdout (simulate --truth)"; do
		skip "$what: needs root"
	done
else
	# first in a folder of our own, then the real ones
	mknod null c 1 3
	ease-select -o null "$data"
	t "device node stays a device" '[ -c null ]'
	ease-simulate --days 3 -o null --truth null
	st=$?
	t "the null device may take two outputs of a run" '[ $st = 0 ] && [ -c null ]'
	echo old > owned.csv
	chown 65534:65534 owned.csv
	ease-select -o owned.csv "$data"
	t "owner kept" '[ "$(stat -c %u:%g owned.csv)" = 65534:65534 ] && cmp -s owned.csv want.csv'
	if [ -c null ] && [ -L stdout-link ]; then
		if [ -c /dev/null ]; then
			ease-select -o /dev/null "$data"
			t "/dev/null stays a device" '[ -c /dev/null ]'
		else
			skip "/dev/null: not a device on this machine before the test"
		fi
		ease-select -o /dev/stdout "$data" | cat > dev-stdout.csv
		t "/dev/stdout (select): stays, output on stdout" '[ -L /dev/stdout ] && cmp -s dev-stdout.csv want.csv'
		ease-simulate --days 3 -o sim.csv --truth /dev/stdout > truth-out.csv
		t "/dev/stdout (simulate --truth): stays, truth on stdout" '[ -L /dev/stdout ] && head -1 truth-out.csv | grep -q "^subject,parameter"'
	else
		for what in "/dev/null" "/dev/stdout (select)" "/dev/stdout (simulate --truth)"; do
			t "$what: not tried, the same case failed in a folder of our own" false
		done
	fi
fi

echo "1..$n"
[ "$failed" = 0 ]

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make install into a scratch PREFIX (and into a DESTDIR), as a user and a
# packager would: the tools, the manual pages, README, NEWS, COPYING and the
# examples in PREFIX/share/doc/ease; the installed crontab names the installed
# script and tools, and its jobs run from there as cron runs them (nothing
# but the crontab's own variables); the installed `ease help` reaches the
# installed pages; make uninstall leaves no file behind.
LC_ALL=C; export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
version=$(sed -n 's/^VERSION *= *//p' "$top/Makefile")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0 failed=0
check() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}

p=$scratch/prefix
make -s -C "$top" install PREFIX="$p" > "$scratch/make.log" 2>&1
check $? "make install PREFIX=..." || sed 's/^/# /' "$scratch/make.log"
doc=$p/share/doc/ease
for f in bin/ease bin/ease-check bin/ease-alert share/man/man1/ease.1 \
	share/man/man1/ease-alert.1 share/man/man5/ease-diary.5 share/man/man7/ease.7 \
	share/doc/ease/README.md share/doc/ease/NEWS share/doc/ease/COPYING \
	share/doc/ease/examples/README share/doc/ease/examples/diary.csv \
	share/doc/ease/examples/cron/crontab share/doc/ease/examples/plots/trend.png \
	share/bash-completion/completions/ease share/bash-completion/completions/ease-plot \
	share/zsh/site-functions/_ease; do
	test -f "$p/$f"
	check $? "installed: $f"
done
test -x "$doc/examples/cron/ease-cron.sh"
check $? "installed: the cron script, executable"
"$p/bin/ease-select" -V | head -1 | grep -qx "ease-select (ease) $version"
check $? "the installed tools say version $version"

# The installed bash completion, loaded as bash-completion loads it (the file
# of the command's name), completes the installed tools.
got=$(PATH="$p/bin:/usr/bin:/bin" bash -c '. "$1"; COMP_LINE="ease-plot sc"; COMP_POINT=12
	_ease_tool; echo "${COMPREPLY[*]}"' x "$p/share/bash-completion/completions/ease-plot")
[ "$got" = scatter ]
check $? "installed bash completion: 'ease-plot sc' gives '$got'"

# The crontab names the installed files, nothing of the source tree.
tab=$doc/examples/cron/crontab
grep -v '^#' "$tab" | grep -q "$doc/examples/cron/ease-cron.sh report" &&
	grep -v '^#' "$tab" | grep -q "$doc/examples/cron/ease-cron.sh alert" &&
	grep -qx "PATH=$p/bin:/usr/bin:/bin" "$tab"
check $? "crontab: the jobs run the installed script, PATH has the installed tools"
! grep -v '^#' "$tab" | grep -q -e "$top" -e '/usr/local' -e '\$HOME'
check $? "crontab: no path of the source tree or of another prefix in its lines"

# Each job as cron runs it: only the crontab's variables (and HOME, SHELL),
# with the diary, the date and the folder set for the test and no sendmail.
diary=$here/cases/alert/flare-first-day/diary.csv
vars=$(grep -E '^[A-Z_]+=' "$tab")
for job in alert report; do
	line=$(grep -v '^#' "$tab" | grep " $job\$")
	cmd=$(echo "$line" | awk '{ $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print }')
	rm -rf "$scratch/home"
	mkdir "$scratch/home"
	# shellcheck disable=SC2086 # the crontab's variables, one word each
	env -i HOME="$scratch/home" SHELL=/bin/sh LOGNAME=ease TZ=UTC $vars \
		EASE_DIARY="$diary" EASE_TODAY=2026-11-20 EASE_SENDMAIL= EASE_MAILTO= \
		/bin/sh -c "$cmd" > "$scratch/cron.out" 2> "$scratch/cron.err"
	st=$?
	ls "$scratch/home/ease-mail" 2>/dev/null | grep -q "^2026-11-20-$job.txt\$"
	check $(( $? + st )) "crontab's $job job from the installed files: exit $st, its message filed" ||
		sed 's/^/# /' "$scratch/cron.err"
done

# ease help reaches the installed pages beside it.
mkdir "$scratch/stub"
printf '#!/bin/sh\necho "$*"\n' > "$scratch/stub/man"
chmod +x "$scratch/stub/man"
for t in "diary $p/share/man/man5/ease-diary.5" "ease $p/share/man/man7/ease.7" \
	"alert $p/share/man/man1/ease-alert.1"; do
	got=$(PATH="$scratch/stub:/usr/bin:/bin" "$p/bin/ease" help ${t%% *})
	[ "$got" = "-l ${t#* }" ]
	check $? "installed: ease help ${t%% *} shows ${t#* } (man $got)"
done

make -s -C "$top" uninstall PREFIX="$p" > "$scratch/make.log" 2>&1
check $? "make uninstall PREFIX=..."
left=$(find "$p" ! -type d)
[ -z "$left" ]
check $? "make uninstall: no file left${left:+: $left}"

# A packager's staging folder: DESTDIR, the default PREFIX.
s=$scratch/stage
make -s -C "$top" install DESTDIR="$s" > /dev/null 2>&1 &&
	test -f "$s/usr/local/share/doc/ease/examples/cron/crontab" &&
	grep -q '^PATH=/usr/local/bin:' "$s/usr/local/share/doc/ease/examples/cron/crontab" &&
	! grep -rq "$s" "$s/usr/local/share/doc/ease/examples/cron"
check $? "make install DESTDIR=...: the crontab names the final place, not the staging folder"
make -s -C "$top" uninstall DESTDIR="$s" > /dev/null 2>&1
[ -z "$(find "$s" ! -type d)" ]
check $? "make uninstall DESTDIR=...: no file left"

echo "1..$n"
[ $failed = 0 ]

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# examples/cron/ease-cron.sh with a stand-in sendmail on PATH that records
# what it was given: an alert is mailed, a quiet day is not, a failing tool
# is mailed as a failure (never as a quiet day), and without sendmail the
# messages land in the folder.  The report part is skipped while ease-report
# is not built.
# EASE_BIN: the tools' folder.
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
script=$here/../examples/cron/ease-cron.sh
diary=$here/cases/alert/flare-first-day/diary.csv
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/stub"
cat > "$scratch/stub/sendmail" <<STUB
#!/bin/sh
n=\$(ls "$scratch"/mail.* 2>/dev/null | wc -l)
printf '%s\n' "\$*" > "$scratch/args.\$n"
cat > "$scratch/mail.\$n"
STUB
chmod +x "$scratch/stub/sendmail"
n=0 failed=0

check() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
	fi
}

# run TODAY DIARY [ENV=VALUE...]: the script's alert job; its status in $st.
# Each run starts with an empty folder (and so an empty ease-alert state),
# unless keep=1.
keep=0
run() {
	today=$1 file=$2
	shift 2
	rm -f "$scratch"/mail.* "$scratch"/args.*
	[ "$keep" = 1 ] || rm -rf "$scratch/out"
	env PATH="$bin:$scratch/stub:$PATH" LC_ALL=C TZ=UTC HOME="$scratch" \
		EASE_TODAY="$today" EASE_OUT="$scratch/out" EASE_MAILTO=me@example.org \
		"$@" sh "$script" alert "$file" > "$scratch/stdout" 2> "$scratch/stderr"
	st=$?
}

run 2026-11-20 "$diary" "EASE_ALERT_OPTS=--rules flare"
check $st "alert: the script exits 0 when the alert is mailed (got $st)"
[ -f "$scratch/mail.0" ] && [ ! -f "$scratch/mail.1" ]
check $? "alert: one mail"
grep -qx -- '-t' "$scratch/args.0"
check $? "alert: sendmail -t (the recipients from the headers)"
grep -qx 'To: me@example.org' "$scratch/mail.0" &&
	grep -qx 'Subject: ease alert: 1 alert on 2026-11-20' "$scratch/mail.0"
check $? "alert: To and Subject headers"
grep -qx '2026-11-20 flare: pain EMA 6.3 above 4.6 + 2 SD = 5.8 (28 days before)' "$scratch/mail.0"
check $? "alert: the alert line in the body"

keep=1
run 2026-11-21 "$diary" "EASE_ALERT_OPTS=--rules flare"
[ $st = 0 ] && [ ! -f "$scratch/mail.0" ] && [ "$(ls "$scratch/out")" = alert.state ]
check $? "quiet day (the flare's second day): no mail, no file but the state, exit 0"
keep=0

# The flare's first day written a day late (trial 4, #6): the morning after
# finds the diary a day short, the next one the flare on its second day.
late=$here/cases/alert/state-late-entry/diary.csv
head -58 "$late" > "$scratch/late.csv"
run 2026-10-29 "$scratch/late.csv" "EASE_ALERT_OPTS=--rules flare,high"
[ $st = 0 ] && grep -qx 'Subject: ease alert: 1 alert on 2026-10-29' "$scratch/mail.0" &&
	grep -qx '2026-10-29 stale: the diary has no entry since 2026-10-27 (2 days before 2026-10-29; --grace 1)' "$scratch/mail.0"
check $? "late entry: the diary a day short is mailed once as stale (got $st)"
keep=1
run 2026-10-30 "$scratch/late.csv" "EASE_ALERT_OPTS=--rules flare,high"
[ $st = 0 ] && [ ! -f "$scratch/mail.0" ] && [ ! -s "$scratch/stderr" ]
check $? "late entry: the next day still short is not mailed again"
head -60 "$late" > "$scratch/late.csv"
run 2026-10-30 "$scratch/late.csv" "EASE_ALERT_OPTS=--rules flare,high"
[ $st = 0 ] && grep -qx '2026-10-29 flare: pain EMA 5.8 above 3.7 + 2 SD = 5 (28 days before)' "$scratch/mail.0"
check $? "late entry: the flare is mailed when its first day comes in late"
head -61 "$late" > "$scratch/late.csv"
run 2026-10-31 "$scratch/late.csv" "EASE_ALERT_OPTS=--rules flare,high"
[ $st = 0 ] && [ ! -f "$scratch/mail.0" ]
check $? "late entry: and not again the day after"
keep=0

short=$here/cases/alert/flare-short-history/short.csv
run 2026-10-12 "$short"
[ $st = 0 ] && [ ! -f "$scratch/mail.0" ] &&
	grep -q 'flare: 11 of the 28 days before 2026-10-12 have pain' "$scratch/out/2026-10-12-notes.txt"
check $? "rules not evaluated on a day without alerts: filed, not mailed"

run 2026-10-12 "$short" EASE_MAIL_NOTES=1
[ $st = 0 ] && grep -q 'flare: 11 of the 28 days before 2026-10-12 have pain' "$scratch/mail.0" &&
	grep -qx 'Subject: ease: alert rules not evaluated on 2026-10-12' "$scratch/mail.0"
check $? "EASE_MAIL_NOTES=1: they are mailed as such"

run 2026-11-20 "$scratch/missing.csv"
[ $st = 66 ] && grep -qx 'Subject: ease-alert FAILED (exit 66) on 2026-11-20' "$scratch/mail.0" &&
	grep -q 'missing.csv: No such file or directory' "$scratch/mail.0"
check $? "a missing diary is mailed as a failure and the script exits 66 (got $st)"

printf 'date,pain\n2026-11-01,5\n2026-11-02,12\n' > "$scratch/bad.csv"
run 2026-11-20 "$scratch/bad.csv"
[ $st = 65 ] && grep -q 'FAILED (exit 65)' "$scratch/mail.0" && ! grep -q 'not evaluated' "$scratch/mail.0"
check $? "bad data is mailed as a failure, not as a quiet day (got $st)"

run 2026-11-20 "$diary" EASE_ALERT_OPTS=--bogus
[ $st = 2 ] && grep -q "unknown option '--bogus'" "$scratch/mail.0"
check $? "a usage error is mailed as a failure (got $st)"

run 2026-11-20 "$diary" EASE_SENDMAIL= "EASE_ALERT_OPTS=--rules flare"
[ $st = 0 ] && [ ! -f "$scratch/mail.0" ] && grep -q 'flare: pain EMA 6.3' "$scratch/out/2026-11-20-alert.txt"
check $? "without sendmail: the alert is written into the folder"
[ "$(cat "$scratch/stderr")" = "ease-cron.sh: no sendmail: the message \"ease alert: 1 alert on 2026-11-20\" is filed in $scratch/out/2026-11-20-alert.txt:
2026-11-20 flare: pain EMA 6.3 above 4.6 + 2 SD = 5.8 (28 days before)" ]
check $? "without sendmail: the alert and where it is filed on stderr, for cron's MAILTO"

run 2026-11-20 "$diary" EASE_MAILTO=
[ $st = 0 ] && [ ! -f "$scratch/mail.0" ] && [ -f "$scratch/out/2026-11-20-alert.txt" ] &&
	grep -q '^ease-cron.sh: no address (EASE_MAILTO): the message .* is filed in' "$scratch/stderr"
check $? "without an address: the alert is written into the folder, and said on stderr"

run 2026-12-24 "$diary" EASE_SENDMAIL=
[ $st = 0 ] && grep -q '^2026-12-24 stale: the diary has no entry since 2026-11-29' "$scratch/stderr"
first=$?
keep=1
run 2026-12-25 "$diary" EASE_SENDMAIL=
[ $first = 0 ] && [ $st = 0 ] && [ ! -s "$scratch/stderr" ] && [ ! -f "$scratch/out/2026-12-25-alert.txt" ] &&
	grep -q 'the data end on 2026-11-29' "$scratch/out/2026-12-25-notes.txt"
check $? "a diary that stopped: said once (stderr without sendmail), then only filed"
keep=0

run 2026-11-20 "$diary" EASE_BIN=/nonexistent PATH=/usr/bin:/bin
[ $st = 127 ] && grep -qx 'Subject: ease-alert FAILED (exit 127) on 2026-11-20' "$scratch/mail.0" 2>/dev/null ||
	{ [ $st = 127 ] && grep -q 'ease-alert is not installed' "$scratch/out/2026-11-20-error.txt"; }
check $? "ease-alert missing: a failure, exit 127 (got $st)"

run 2026-11-20 "$diary" EASE_SENDMAIL=false
[ $st = 69 ] && [ -f "$scratch/out/2026-11-20-alert.txt" ] && grep -q 'false failed' "$scratch/stderr"
check $? "sendmail failing: the message is kept in the folder, exit 69 (got $st)"

# The weekly report, through ease-report.
n=$((n + 1))
if [ ! -x "$bin/ease-report" ]; then
	echo "ok $n # SKIP report: ease-report is not built (bin/ease-report missing)"
else
	rm -f "$scratch"/mail.*
	env PATH="$bin:$scratch/stub:$PATH" LC_ALL=C TZ=UTC HOME="$scratch" \
		EASE_TODAY=2026-11-23 EASE_OUT="$scratch/out" EASE_MAILTO=me@example.org \
		sh "$script" report "$diary" > "$scratch/stdout" 2> "$scratch/stderr"
	st=$?
	if [ $st = 0 ] && grep -qx 'Subject: ease weekly report, 2026-11-23' "$scratch/mail.0" &&
		[ "$(sed '1,/^$/d' "$scratch/mail.0" | wc -l)" -gt 3 ]; then
		echo "ok $n - report: mailed with its subject and a body"
	else
		failed=$((failed + 1))
		echo "not ok $n - report: mailed with its subject and a body (exit $st)"
		sed 's/^/# /' "$scratch/stderr"
	fi
fi

# The report of a diary that stopped: the week to the mail's date, not to
# the last entry (trial 4, #10).
n=$((n + 1))
if [ ! -x "$bin/ease-report" ]; then
	echo "ok $n # SKIP report: ease-report is not built (bin/ease-report missing)"
else
	rm -f "$scratch"/mail.*
	env PATH="$bin:$scratch/stub:$PATH" LC_ALL=C TZ=UTC HOME="$scratch" \
		EASE_TODAY=2026-12-24 EASE_OUT="$scratch/out" EASE_MAILTO=me@example.org \
		sh "$script" report "$diary" > "$scratch/stdout" 2> "$scratch/stderr"
	st=$?
	if [ $st = 0 ] && grep -qx 'Subject: ease weekly report, 2026-12-24' "$scratch/mail.0" &&
		grep -qx 'Back pain diary, to 2026-12-24' "$scratch/mail.0" &&
		grep -q '^Nothing is recorded in the last 7 days' "$scratch/mail.0"; then
		echo "ok $n - report: the week to EASE_TODAY, a stopped diary shows no entries"
	else
		failed=$((failed + 1))
		echo "not ok $n - report: the week to EASE_TODAY, a stopped diary shows no entries (exit $st)"
	fi
fi

n=$((n + 1))
env PATH=/usr/bin:/bin EASE_BIN=/nonexistent HOME="$scratch" EASE_TODAY=2026-11-23 EASE_OUT="$scratch/out" \
	EASE_SENDMAIL= sh "$script" report "$diary" > /dev/null 2> "$scratch/stderr"
st=$?
if [ $st = 127 ] && grep -q 'ease-report is not installed' "$scratch/out/2026-11-23-error.txt"; then
	echo "ok $n - ease-report missing: a failure, exit 127 as for ease-alert"
else
	failed=$((failed + 1))
	echo "not ok $n - ease-report missing: a failure, exit 127 as for ease-alert (got $st)"
fi

sh "$script" > /dev/null 2>&1
check $(( $? == 2 ? 0 : 1 )) "no job: usage, exit 2"

# The crontab: five time fields, the report on Mondays, the alerts daily.
tab=$here/../examples/cron/crontab
awk '!/^#/ && NF >= 6 && $1 ~ /^[0-9]+$/ && $2 ~ /^[0-9]+$/ && $3 == "*" && $4 == "*" &&
	$5 == "1" && $6 ~ /ease-cron\.sh$/ && $7 == "report" { r++ }
     !/^#/ && NF >= 6 && $1 ~ /^[0-9]+$/ && $2 ~ /^[0-9]+$/ && $3 == "*" && $4 == "*" &&
	$5 == "*" && $6 ~ /ease-cron\.sh$/ && $7 == "alert" { a++ }
     END { exit !(r == 1 && a == 1) }' "$tab"
check $? "crontab: the report weekly on Monday, the alerts every day"

echo "1..$n"
[ $failed = 0 ]

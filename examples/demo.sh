#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The main job on the example diary (make demo): is it sound, how did the last
# weeks go, what goes with pain, and how long relief lasts after a session?
set -e
here=$(cd "$(dirname "$0")" && pwd)
PATH="$here/../bin:$PATH"
cd "$here"

echo "== Is the diary sound?    ease check diary.csv"
ease check diary.csv 2>&1

echo
echo "== The last 30 days, with the 7-day trend"
echo "   ease smooth -f pain,sleep_hours -w 7 diary.csv | ease select --last 30 ..."
ease smooth -f pain,sleep_hours -w 7 --digits 3 diary.csv |
	ease select --last 30 -f date,pain,pain_sma7,sleep_hours,sleep_hours_sma7,massage,technique \
		--format table

echo
echo "== What goes with pain the next day?"
echo "   ease corr -x massage,sleep_hours,stress -y pain --lag 1 -m spearman --explain diary.csv"
ease corr -x massage,sleep_hours,stress -y pain --lag 1 -m spearman --explain --digits 3 diary.csv |
	ease select -f x,explain --format table

echo
echo "== The last 90 days: pain, its 7-day mean and the sessions by technique"
echo "   ease plot trend -f pain --smooth 7 --events massage --last 90 -T dumb -o /dev/stdout diary.csv"
echo "   (-o trend.png for a picture; without -o, a gnuplot script)"
if command -v "${EASE_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
	ease plot trend -f pain --smooth 7 --events massage --last 90 --size 100,32 \
		-T dumb -o /dev/stdout diary.csv
else
	echo "   (gnuplot is not installed: apt-get install gnuplot-nox)"
fi

echo
echo "== Does massage help?"
echo "   ease prepost --model --event massage --value pain --by technique --format table diary.csv"
ease prepost --model --event massage --value pain --by technique --format table diary.csv 2>&1
echo "   ease prepost --event massage --value pain --by technique --explain diary.csv"
ease prepost --event massage --value pain --by technique --explain diary.csv 2>&1
echo "   ease plot techniques -T dumb -o /dev/stdout diary.csv"
if command -v "${EASE_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
	ease plot techniques --size 100,28 -T dumb -o /dev/stdout diary.csv 2>/dev/null
else
	echo "   (gnuplot is not installed: apt-get install gnuplot-nox)"
fi
echo "   ease prepost --split first --event massage --value pain --explain diary.csv"
ease prepost --split first --event massage --value pain --explain diary.csv 2>&1
echo
echo "== How long does relief last?"
echo "   ease relief --summary --format table diary.csv"
ease relief --summary --format table diary.csv

echo
echo "== Which technique helps me? A randomized trial of 12 weeks"
echo "   How many weeks would show a 1-point difference, for this diary's pain?"
echo "   ease plan --arms 'deep tissue,Swedish' --power --diary diary.csv"
ease plan --arms 'deep tissue,Swedish' --power --diary diary.csv 2>/dev/null
trial=$(mktemp -d)
trap 'rm -rf "$trial"' EXIT
echo "   The plan: 6 blocks of a week of each, three sessions a week, drawn with seed 7"
echo "   ease plan --arms 'deep tissue,Swedish' --blocks 6 --every 3 --start 2027-01-04 --seed 7 > trial.csv"
ease plan --arms 'deep tissue,Swedish' --blocks 6 --every 3 --start 2027-01-04 --seed 7 > "$trial/trial.csv"
grep -v '^#' "$trial/trial.csv" | ease select --format table 2>/dev/null | head -8
echo "   ..."
echo "   A diary that follows it (simulated: deep tissue relieves 2 points the day after, Swedish none)"
echo "   ease simulate --plan trial.csv --days 84 --start 2027-01-04 --seed 7 \\"
echo "       --effect 'deep tissue=2' --effect Swedish=0 > trial-diary.csv"
ease simulate --plan "$trial/trial.csv" --days 84 --start 2027-01-04 --seed 7 \
	--effect 'deep tissue=2' --effect Swedish=0 > "$trial/trial-diary.csv"
echo "   ease prepost --plan trial.csv --explain trial-diary.csv"
(cd "$trial" && ease prepost --plan trial.csv --explain trial-diary.csv 2>&1)
echo "   ease plot plan --plan trial.csv -T dumb -o /dev/stdout trial-diary.csv"
if command -v "${EASE_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
	(cd "$trial" && ease plot plan --plan trial.csv --size 100,30 -T dumb -o /dev/stdout trial-diary.csv)
else
	echo "   (gnuplot is not installed: apt-get install gnuplot-nox)"
fi

echo
echo "== The weekly report    ease report diary.csv"
ease report diary.csv
ease report --period month --format html -o report.html diary.csv
echo
echo "== This morning's alerts (cron)    ease alert diary.csv"
echo "   exit 1 when an alert is raised, 0 when none; one line per alert"
st=0
ease alert diary.csv 2>&1 || st=$?
[ "$st" -le 1 ] || exit "$st"
[ "$st" = 1 ] || echo "   (no alert on the diary's last day, $(tail -n 1 diary.csv | cut -d, -f1))"
echo
echo "== The page for the doctor: $here/report.html"
echo "   ease report --period month --format html -o report.html diary.csv"

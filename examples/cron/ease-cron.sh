#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The ease main job, for cron: the weekly report and the daily alerts of one
# diary, mailed through sendmail when there is one, else written into a folder.
#
#   ease-cron.sh report [DIARY [ADDRESS]]   ease-report --period week --format text
#                                           --today=DATE: the week to DATE, so a
#                                           diary that stopped shows missing days
#   ease-cron.sh alert  [DIARY [ADDRESS]]   ease-alert --today=DATE --state FILE: a
#                                           mail only when an alert is raised (exit 1
#                                           of ease-alert) or ease-alert fails; each
#                                           alert once a spell, even when the diary
#                                           is written a day late, and a diary not
#                                           written for days once ("stale")
#
# DIARY and ADDRESS default to these variables (a crontab can set them):
#   EASE_DIARY        the day table
#   EASE_MAILTO       where the mail goes
#   EASE_OUT          the folder for messages when there is no sendmail or no
#                     address (default: $HOME/ease-mail)
#   EASE_STATE        ease-alert's state file: the alerts raised so far (default:
#                     $EASE_OUT/alert.state; one per diary)
#   EASE_SENDMAIL     the sendmail program (default: sendmail on PATH, then
#                     /usr/sbin/sendmail, /usr/lib/sendmail); set it empty to
#                     write files only
#   EASE_ALERT_OPTS   more options for ease-alert (--rules flare,high, ...)
#   EASE_MAIL_NOTES   1: mail the notes of a day without alerts (rules that
#                     could not be evaluated) instead of filing them
#   EASE_REPORT_OPTS  more options for ease-report
#   EASE_TODAY        the date to run for (YYYY-MM-DD; default: today)
#   EASE_BIN          the folder of the ease tools, when they are not on PATH
#
# A message that cannot be mailed (no sendmail, no address) is filed in the
# folder; an alert or a failure filed so is also written to standard error,
# which cron mails to MAILTO.  A tool that fails (exit 2 or more) is reported
# as a failure, with its message, never as a quiet day.
#
# Exit status: 0 done (mailed, filed, or nothing to say); 2 usage (no job, no
# diary); the tool's own status when it fails (2 usage, 65 bad data, 66 the
# diary cannot be read, ...), 127 when it is not installed (or not on PATH);
# 69 the message could not be mailed (sendmail failed: it is left in the
# folder); 73 the folder cannot be written.

job=${1:-}
diary=${2:-${EASE_DIARY:-}}
to=${3:-${EASE_MAILTO:-}}
out=${EASE_OUT:-${HOME:-.}/ease-mail}
state=${EASE_STATE:-$out/alert.state}
today=${EASE_TODAY:-$(date +%Y-%m-%d)}
[ -n "${EASE_BIN:-}" ] && PATH="$EASE_BIN:$PATH"

usage() {
	echo "usage: ease-cron.sh report|alert [DIARY [ADDRESS]]" >&2
	exit 2
}
case $job in
report|alert) ;;
*) usage ;;
esac
[ -n "$diary" ] || { echo "ease-cron.sh: no diary: give DIARY or set EASE_DIARY" >&2; exit 2; }

tmp=$(mktemp -d) || exit 73
trap 'rm -rf "$tmp"' EXIT

# The program that mails, or nothing.
if [ "${EASE_SENDMAIL+set}" = set ]; then
	sendmail=$EASE_SENDMAIL
elif command -v sendmail >/dev/null 2>&1; then
	sendmail=sendmail
elif [ -x /usr/sbin/sendmail ]; then
	sendmail=/usr/sbin/sendmail
elif [ -x /usr/lib/sendmail ]; then
	sendmail=/usr/lib/sendmail
else
	sendmail=
fi

# deliver KIND SUBJECT BODY-FILE: one message, mailed or filed.
deliver() {
	{
		[ -n "$to" ] && printf 'To: %s\n' "$to"
		printf 'Subject: %s\n' "$2"
		printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n'
		cat "$3"
	} > "$tmp/message"
	if [ -n "$sendmail" ] && [ -n "$to" ]; then
		$sendmail -t < "$tmp/message" && return 0
		echo "ease-cron.sh: $sendmail failed; the message is kept in $out" >&2
		failed=69
	fi
	mkdir -p "$out" || exit 73
	cp "$tmp/message" "$out/$today-$1.txt" || exit 73
	# nobody reads the folder every morning: cron mails this to MAILTO
	if [ "$failed" = 0 ] && { [ "$1" = alert ] || [ "$1" = error ]; }; then
		if [ -z "$to" ]; then why="no address (EASE_MAILTO)"; else why="no sendmail"; fi
		{
			echo "ease-cron.sh: $why: the message \"$2\" is filed in $out/$today-$1.txt:"
			cat "$3"
		} >&2
	fi
	return 0
}

# need TOOL: a tool that is not there is a failure, mailed as such (exit 127).
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "$1 is not installed (or not on PATH: set EASE_BIN)" > "$tmp/body"
	deliver error "$1 FAILED (exit 127) on $today" "$tmp/body"
	exit 127
}

failed=0
case $job in
alert)
	need ease-alert
	mkdir -p "$(dirname "$state")" || exit 73
	# shellcheck disable=SC2086 # the options are words on purpose
	ease-alert --today="$today" --state "$state" ${EASE_ALERT_OPTS:-} "$diary" \
		> "$tmp/out" 2> "$tmp/err"
	st=$?
	case $st in
	0)	# No alert.  Rules that could not be evaluated (too little history, a
		# diary still not written) are filed, not mailed: they would come
		# every morning.  The first morning a diary is found not written is an
		# alert of its own (ease-alert --state), a day with an alert mails its
		# notes with it, and the weekly report shows missing days.
		# EASE_MAIL_NOTES=1 mails them.
		if [ -s "$tmp/err" ]; then
			if [ "${EASE_MAIL_NOTES:-0}" = 1 ]; then
				deliver notes "ease: alert rules not evaluated on $today" "$tmp/err"
			else
				mkdir -p "$out" && cp "$tmp/err" "$out/$today-notes.txt" || exit 73
			fi
		fi ;;
	1)	n=$(wc -l < "$tmp/out" | tr -d ' ')
		cat "$tmp/err" >> "$tmp/out"
		deliver alert "ease alert: $n alert$( [ "$n" = 1 ] || echo s) on $today" "$tmp/out" ;;
	*)	{ echo "ease-alert failed (exit $st); no alert was checked:"; cat "$tmp/err"; } > "$tmp/body"
		deliver error "ease-alert FAILED (exit $st) on $today" "$tmp/body"
		exit "$st" ;;
	esac ;;
report)
	need ease-report
	# the week to the mail's date, not to the diary's last entry: a diary
	# that stopped shows as days without entries
	# shellcheck disable=SC2086
	ease-report --period week --format text --today="$today" ${EASE_REPORT_OPTS:-} "$diary" \
		> "$tmp/out" 2> "$tmp/err"
	st=$?
	if [ "$st" -ne 0 ]; then
		{ echo "ease-report failed (exit $st):"; cat "$tmp/err"; } > "$tmp/body"
		deliver error "ease-report FAILED (exit $st) on $today" "$tmp/body"
		exit "$st"
	fi
	cat "$tmp/err" >> "$tmp/out"
	deliver report "ease weekly report, $today" "$tmp/out" ;;
esac
exit "$failed"

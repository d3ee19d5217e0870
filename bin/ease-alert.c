/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-alert: the day's alerts of a diary, for a daily cron job. */
#include "ease/alert.h"
#include "ease/err.h"
#include "ease/opts.h"

enum { O_FIRST = EASE_OPT_TOOL };

static const struct option longopts[] = {
	{"rules", required_argument, NULL, O_FIRST + EASE_ALERT_O_RULES},
	{"value", required_argument, NULL, O_FIRST + EASE_ALERT_O_VALUE},
	{"quiet", no_argument, NULL, 'q'},
	{"today", optional_argument, NULL, O_FIRST + EASE_ALERT_O_TODAY},
	{"grace", required_argument, NULL, O_FIRST + EASE_ALERT_O_GRACE},
	{"baseline", required_argument, NULL, O_FIRST + EASE_ALERT_O_BASELINE},
	{"flare-k", required_argument, NULL, O_FIRST + EASE_ALERT_O_FLARE_K},
	{"flare-span", required_argument, NULL, O_FIRST + EASE_ALERT_O_FLARE_SPAN},
	{"high", required_argument, NULL, O_FIRST + EASE_ALERT_O_HIGH},
	{"high-days", required_argument, NULL, O_FIRST + EASE_ALERT_O_HIGH_DAYS},
	{"sleep-hours", required_argument, NULL, O_FIRST + EASE_ALERT_O_SLEEP_HOURS},
	{"sleep-nights", required_argument, NULL, O_FIRST + EASE_ALERT_O_SLEEP_NIGHTS},
	{"meds-factor", required_argument, NULL, O_FIRST + EASE_ALERT_O_MEDS_FACTOR},
	{"meds-days", required_argument, NULL, O_FIRST + EASE_ALERT_O_MEDS_DAYS},
	{"margin", required_argument, NULL, O_FIRST + EASE_ALERT_O_MARGIN},
	{"repeat", no_argument, NULL, O_FIRST + EASE_ALERT_O_REPEAT},
	{"state", required_argument, NULL, O_FIRST + EASE_ALERT_O_STATE},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	if (opt == 'q')
		opt = O_FIRST + EASE_ALERT_O_QUIET;
	if (opt < O_FIRST || opt > O_FIRST + EASE_ALERT_O_STATE)
		return 1;
	ease_alert_set(ctx, opt - O_FIRST, arg);
	return 0;
}

static const ease_tool tool = {
	"alert", "[--rules LIST] [--value COL] [--today[=DATE]] [--state FILE]\n"
	"                  [OPTION]... [FILE]...",
	"      --rules LIST        rules to evaluate, comma-separated (default: each\n"
	"                          one the table has the columns for):\n"
	"        flare             the 3-day EMA of pain above mean + 2 SD of the\n"
	"                          28 days before\n"
	"        high              pain 7 or more on 2 days in a row\n"
	"        sleep             under 5 h on 3 of the last 5 nights\n"
	"        meds              meds_doses of the last 7 days above 1.5 x those\n"
	"                          of the 28 days before (per 7 days)\n"
	"        overdue           no session for longer than the median relief\n"
	"                          (as ease-relief measures it): book a session\n"
	"      --value COL         the column flare, high and overdue read (pain)\n"
	"      --today[=DATE]      evaluate on DATE (default: the system's date)\n"
	"                          instead of the last date in the data; later rows\n"
	"                          are left out\n"
	"      --grace N           days the data may end before that date (1)\n"
	"  -q, --quiet             nothing on a day without alerts (no notes of rules\n"
	"                          not evaluated); a raised alert is still written\n"
	"      --repeat            alert on every day a rule's condition holds, not\n"
	"                          on its first day only\n"
	"      --state FILE        remember in FILE the alerts raised: each is raised\n"
	"                          once a spell, even when the diary is written late,\n"
	"                          and a diary not written for days is an alert once\n"
	"      --baseline N        days before that make the flare and meds\n"
	"                          baselines (28); half must have a value\n"
	"      --flare-k K         standard deviations above the mean (2)\n"
	"      --flare-span N      EMA span in days, alpha = 2/(N+1) (3)\n"
	"      --high P            the high level (7)\n"
	"      --high-days N       days in a row at it (2)\n"
	"      --sleep-hours H     a short night is under H hours (5)\n"
	"      --sleep-nights K/N  K short of the last N nights (3/5)\n"
	"      --meds-factor F     F times the baseline's rate (1.5)\n"
	"      --meds-days N       the last N days of doses (7)\n"
	"      --margin X          points below the baseline that count as relief (1)\n"
	"Each rule is evaluated on the last date, and raises its alert on the first\n"
	"day its condition holds.  One line per alert: DATE [SUBJECT] RULE: what.\n"
	"A rule that cannot be evaluated (too little history) is named on stderr\n"
	"(not with -q).\n"
	"Exit status: 0 no alert, 1 an alert, 2 usage, 65 bad data, 66 an input\n"
	"cannot be opened.\n",
	"  ease-alert diary.csv\n"
	"  ease-alert --today -q diary.csv    # cron mails only an alert or a fault\n"
	"  ease-alert --today=2026-11-24 --flare-k 2.5 clinic.csv\n",
	"q", longopts, EASE_O_INPUT | EASE_O_BY | EASE_O_OUTPUT_FILE, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_alert_opts o;

	ease_alert_opts_init(&o);
	ease_parse_args(&tool, argc, argv, &c, &o);
	return ease_alert_run(&c, &o);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-daily: event logs and kind tables into one row per calendar day. */
#include "ease/daily.h"
#include "ease/err.h"
#include "ease/opts.h"

enum {
	O_SESSIONS = EASE_OPT_TOOL, O_PAIN, O_SLEEP, O_MEDS, O_FACTORS, O_DAYS,
	O_FROM, O_TO, O_PREFER, O_NAPS, O_TZ, O_PAIN_LOC
};

static const struct option longopts[] = {
	{"sessions", required_argument, NULL, O_SESSIONS},
	{"pain", required_argument, NULL, O_PAIN},
	{"sleep", required_argument, NULL, O_SLEEP},
	{"meds", required_argument, NULL, O_MEDS},
	{"factors", required_argument, NULL, O_FACTORS},
	{"days", required_argument, NULL, O_DAYS},
	{"from", required_argument, NULL, O_FROM},
	{"to", required_argument, NULL, O_TO},
	{"prefer", required_argument, NULL, O_PREFER},
	{"naps", required_argument, NULL, O_NAPS},
	{"tz", required_argument, NULL, O_TZ},
	{"pain-location", required_argument, NULL, O_PAIN_LOC},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_daily_opts *o = ctx;

	switch (opt) {
	case O_SESSIONS: ease_daily_add(o, EASE_IN_SESSIONS, arg); return 0;
	case O_PAIN: ease_daily_add(o, EASE_IN_PAIN, arg); return 0;
	case O_SLEEP: ease_daily_add(o, EASE_IN_SLEEP, arg); return 0;
	case O_MEDS: ease_daily_add(o, EASE_IN_MEDS, arg); return 0;
	case O_FACTORS: ease_daily_add(o, EASE_IN_FACTORS, arg); return 0;
	case O_DAYS: ease_daily_add(o, EASE_IN_DAYS, arg); return 0;
	case O_FROM: ease_daily_set_from(o, arg, 0); return 0;
	case O_TO: ease_daily_set_from(o, arg, 1); return 0;
	case O_PREFER: ease_daily_set_prefer(o, arg); return 0;
	case O_NAPS: ease_daily_set_naps(o, arg); return 0;
	case O_TZ: o->tz = arg; return 0;
	case O_PAIN_LOC: o->pain_loc = arg; return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"daily", "[OPTION]... [EVENTS]...",
	"  Inputs (each option repeatable; FILE - is standard input):\n"
	"      --sessions FILE     massage sessions: date[,time],technique,duration_min\n"
	"                          [,pain_before,pain_after]\n"
	"      --pain FILE         pain ratings: date (or datetime, or date and time),\n"
	"                          pain[,location]\n"
	"      --sleep FILE        nights: date,hours, or bedtime,waketime (date-times,\n"
	"                          or clock times and the wake-up date)[,quality]\n"
	"      --meds FILE         intakes: date[,time],drug,dose,unit\n"
	"      --factors FILE      factors: date,factor[,value][,unit]; within a day,\n"
	"                          values without a unit add up, with one are averaged\n"
	"      --days FILE         a day table whose columns are merged in\n"
	"  EVENTS are event logs (subject,start,end,kind,name,value,unit,note);\n"
	"  standard input when no input is named at all.\n"
	"  Pain by body location:\n"
	"      --pain-location LOC[,LOC]\n"
	"                          only ratings of these body locations make pain\n"
	"                          (an event's name, a --pain table's location:\n"
	"                          back_lower or 'Back (lower)'); default: every\n"
	"                          rating, and with several locations a warning and\n"
	"                          a pain_locations column\n"
	"  Days and conflicts:\n"
	"      --from DATE         first day of every subject (default: its first)\n"
	"      --to DATE           last day of every subject (default: its last)\n"
	"      --prefer first|last when inputs disagree about a cell, take the one\n"
	"                          given first or last on the command line\n"
	"                          (default: stop with both places named)\n"
	"      --naps ignore|add   sleeps ending 10:00-20:00 and under 4 h: leave them\n"
	"                          out (default) or add them\n"
	"      --tz ZONE           zone of times without an offset (default: TZ, else\n"
	"                          the system's): a tz database name (Europe/Berlin),\n"
	"                          :PATH of a zone file or a POSIX TZ rule; a time the\n"
	"                          clocks skipped or repeated needs an offset unless\n"
	"                          the record's length settles it\n",
	"  ease-simulate --table events | ease-daily | ease-corr\n"
	"  ease-daily --sessions s.csv --pain p.csv --sleep z.csv --meds m.csv\n"
	"  ease-daily --tz Europe/Berlin --days old.csv --prefer last log.csv\n",
	NULL, longopts,
	EASE_O_READ | EASE_O_SKIP_BAD | EASE_O_OUTPUT | EASE_O_DIGITS, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_daily_opts o;

	ease_daily_opts_init(&o, argc, argv);
	ease_parse_args(&tool, argc, argv, &c, &o);
	return ease_daily_run(&c, &o);
}

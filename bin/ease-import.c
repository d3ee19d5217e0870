/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-import: app exports into the event log. */
#include "ease/err.h"
#include "ease/import.h"
#include "ease/opts.h"

#include <stdio.h>
#include <stdlib.h>

enum { O_FROM = EASE_OPT_TOOL, O_TZ, O_LIST, O_ASLEEP_FROM_BED };

static const struct option longopts[] = {
	{"from", required_argument, NULL, O_FROM},
	{"tz", required_argument, NULL, O_TZ},
	{"verbose", no_argument, NULL, 'v'},
	{"list", no_argument, NULL, O_LIST},
	{"asleep-from-bed", no_argument, NULL, O_ASLEEP_FROM_BED},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_import_opts *o = ctx;

	switch (opt) {
	case O_FROM:
		if (!ease_import_known(arg))
			ease_usage("--from: '%s' is not a format (auto, or one of "
				   "'ease-import --list')", arg);
		o->from = arg;
		return 0;
	case O_TZ:
		o->tz = arg;
		return 0;
	case 'v':
		o->verbose = 1;
		return 0;
	case O_ASLEEP_FROM_BED:
		o->asleep_from_bed = 1;
		return 0;
	case O_LIST:
		ease_import_list();
		exit(0);
	}
	return 1;
}

static const ease_tool tool = {
	"import", "[OPTION]... [FILE]...",
	"      --from FORMAT    the app that wrote FILE: auto (by its header, the\n"
	"                       default), bearable, sleep-as-android, fitbit,\n"
	"                       sleep-cycle, plees-tracker, sleepmeter, secuso\n"
	"      --asleep-from-bed\n"
	"                       Sleep Cycle's older layout, which has no time\n"
	"                       asleep: take each night's time in bed as its hours\n"
	"                       asleep (else its nights have no hours asleep)\n"
	"      --list           name the formats, one line each, and stop\n"
	"      --tz ZONE        zone of times written without one (default: TZ): a\n"
	"                       tz database name (Europe/Berlin), :PATH of a zone\n"
	"                       file or a POSIX TZ rule; a Tz column in the file wins\n"
	"  -v, --verbose        say which format each file was read as\n",
	"  ease-import bearable.csv > events.csv\n"
	"  ease-import --tz Europe/Berlin -v sleep-export.csv > sleep.csv\n"
	"  ease-import --from fitbit --date-format %d-%m-%Y sleep.csv\n",
	"v", longopts, EASE_O_INPUT | EASE_O_OUTPUT | EASE_O_FIXED_COLS, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_import_opts o = {0};

	ease_parse_args(&tool, argc, argv, &c, &o);
	return ease_import_run(&c, &o);
}

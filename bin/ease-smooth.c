/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-smooth: calendar-aware moving averages and sums. */
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/smooth.h"

enum { O_CENTER = EASE_OPT_TOOL, O_HALF_LIFE, O_MIN_COUNT };

static const struct option longopts[] = {
	{"fields", required_argument, NULL, 'f'},
	{"window", required_argument, NULL, 'w'},
	{"method", required_argument, NULL, 'm'},
	{"center", no_argument, NULL, O_CENTER},
	{"centre", no_argument, NULL, O_CENTER},
	{"half-life", required_argument, NULL, O_HALF_LIFE},
	{"min-count", required_argument, NULL, O_MIN_COUNT},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_smooth_opts *o = ctx;

	switch (opt) {
	case 'f':
		o->fields = arg;
		return 0;
	case 'w':
		ease_smooth_add_windows(o, arg);
		return 0;
	case 'm':
		ease_smooth_add_methods(o, arg);
		return 0;
	case O_CENTER:
		o->center = 1;
		return 0;
	case O_HALF_LIFE:
		ease_smooth_set_half_life(o, arg);
		return 0;
	case O_MIN_COUNT:
		ease_smooth_set_min_count(o, arg);
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"smooth", "-f COLS [-w DAYS[,...]] [-m M[,...]] [OPTION]... [FILE]...",
	"  -f, --fields A,B        the columns to smooth\n"
	"  -w, --window DAYS,...   window lengths in calendar days (default 7)\n"
	"  -m, --method M,...      sma (default), wma, median, sum, min, max, count, ema\n"
	"      --center, --centre  centre the window on the day (7: 3 days either side)\n"
	"      --half-life DAYS    the EMA's half-life in days (with --method ema)\n"
	"      --min-count K       fewest values a window needs (default: half the\n"
	"                          window, rounded up; EMA: 1), else an empty cell\n"
	"New columns are named COL_METHODDAYS (pain_sma7), COL_ema_hlDAYS for the EMA.\n",
	"  ease-smooth -f pain -w 7,28 diary.csv\n"
	"  ease-smooth -f meds_doses --method sum -w 7 diary.csv\n"
	"  ease-smooth -f pain,sleep_hours --method ema --half-life 7 diary.csv\n",
	"f:w:m:", longopts, EASE_O_ALL, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_smooth_opts o;
	int rc;

	ease_smooth_opts_init(&o);
	ease_parse_args(&tool, argc, argv, &c, &o);
	rc = ease_smooth_run(&c, &o);
	ease_smooth_opts_free(&o);
	return rc;
}

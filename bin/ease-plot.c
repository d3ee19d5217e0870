/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-plot: the diary as a gnuplot script, or an image drawn by gnuplot. */
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/plot.h"

#include <string.h>

enum {
	O_SMOOTH = EASE_OPT_TOOL, O_EVENTS, O_Y2, O_LAG, O_LAGS, O_MARGIN,
	O_SUBJECT, O_SIZE, O_TITLE, O_EVENT, O_VALUE, O_BEFORE, O_AFTER, O_DIRECTION,
	O_PLAN, O_MODEL, O_WINDOW
};

static const struct option longopts[] = {
	{"fields", required_argument, NULL, 'f'},
	{"smooth", required_argument, NULL, O_SMOOTH},
	{"events", required_argument, NULL, O_EVENTS},
	{"y2", required_argument, NULL, O_Y2},
	{"event", required_argument, NULL, O_EVENT},
	{"value", required_argument, NULL, O_VALUE},
	{"before", required_argument, NULL, O_BEFORE},
	{"after", required_argument, NULL, O_AFTER},
	{"direction", required_argument, NULL, O_DIRECTION},
	{"model", no_argument, NULL, O_MODEL},
	{"window", no_argument, NULL, O_WINDOW},
	{"lag", required_argument, NULL, O_LAG},
	{"lags", required_argument, NULL, O_LAGS},
	{"x", required_argument, NULL, 'x'},
	{"y", required_argument, NULL, 'y'},
	{"method", required_argument, NULL, 'm'},
	{"margin", required_argument, NULL, O_MARGIN},
	{"subject", required_argument, NULL, O_SUBJECT},
	{"terminal", required_argument, NULL, 'T'},
	{"output", required_argument, NULL, 'o'},
	{"size", required_argument, NULL, O_SIZE},
	{"title", required_argument, NULL, O_TITLE},
	{"plan", required_argument, NULL, O_PLAN},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_plot_opts *o = ctx;

	switch (opt) {
	case 'f':
		o->fields = arg;
		return 0;
	case 'x':
		o->corr.x = arg;
		return 0;
	case 'y':
		o->corr.y = arg;
		return 0;
	case 'm':
		ease_corr_parse_methods(&o->corr, arg);
		return 0;
	case O_SMOOTH:
		o->smooth = ease_opt_long("--smooth", arg, 2, 3650);
		return 0;
	case O_EVENTS:
		o->events = arg;
		return 0;
	case O_Y2:
		o->y2 = arg;
		return 0;
	case O_EVENT:
		o->pp.event = arg;
		return 0;
	case O_VALUE:
		o->pp.value = arg;
		return 0;
	case O_BEFORE:
		ease_prepost_set_window(&o->pp, "--before", arg);
		o->pp_window = 1;
		o->window_view = 1;	/* the model has no days before */
		return 0;
	case O_DIRECTION:
		ease_prepost_set_direction(&o->pp, arg);
		o->pp_window = 1;
		return 0;
	case O_MODEL:
		o->pp.model = 1;
		return 0;
	case O_WINDOW:
		o->window_view = 1;
		return 0;
	case O_AFTER:
		ease_prepost_set_window(&o->pp, "--after", arg);
		o->pp_window = 1;
		return 0;
	case O_LAG:
		ease_corr_parse_lags(&o->corr, arg, 1);
		return 0;
	case O_LAGS:
		ease_corr_parse_lags(&o->corr, arg, 0);
		return 0;
	case O_MARGIN:
		o->margin = ease_opt_double("--margin", arg);
		if (!(o->margin >= 0) || o->margin > 10)
			ease_usage("--margin: '%s' is not a number of points from 0 to 10", arg);
		return 0;
	case O_SUBJECT:
		o->subject = arg;
		return 0;
	case 'T':
		ease_plot_set_term(o, arg);
		return 0;
	case 'o':
		o->output = arg;
		return 0;
	case O_SIZE:
		ease_plot_set_size(o, arg);
		return 0;
	case O_TITLE:
		o->title = arg;
		return 0;
	case O_PLAN:
		o->plan = arg;
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"plot", "KIND [OPTION]... [FILE]...",
	"KIND is one of:\n"
	"  trend      columns over time:  -f COLS [--smooth DAYS] [--events COL]\n"
	"             [--y2 COL]\n"
	"  scatter    one column against another:  -x COL -y COL [--lag K]\n"
	"  lags       correlation against lag with its 95% CI:  -x COL -y COL\n"
	"             [--lags A..B]\n"
	"  calendar   one column as a month-by-month heat map:  [-f COL]\n"
	"  meds       7-day medication totals and the pain trend:  [-f COL] [--y2 COL]\n"
	"  relief     Kaplan-Meier curves of relief per technique:  [--margin X]\n"
	"  profile    mean VALUE by day around events, 95% CI:  [--event COL]\n"
	"             [--value COL] [--before N] [--after N] [--by technique]\n"
	"  techniques the day-after model per technique (as ease-report), 95% CI,\n"
	"             largest first:  [--event COL] [--value COL] [--after N] [--by COL];\n"
	"             --window: after against before events  [--before N] [--after N]\n"
	"             (their --by: a line or row per value of COL, pooling subjects)\n"
	"  plan       a trial's schedule, its units shaded by arm, with the diary's\n"
	"             pain when a diary is given:  --plan FILE [-f COL]\n"
	"  -f, --fields COLS        columns to draw (trend: pain; calendar: pain;\n"
	"                           meds: meds_doses; plan: pain)\n"
	"      --plan FILE          plan: the schedule ease-plan wrote\n"
	"      --smooth DAYS        trend: overlay the DAYS-day moving mean\n"
	"      --events COL         trend: mark days with COL > 0, one row of markers\n"
	"                           per technique\n"
	"      --y2 COL             trend: COL on the right axis; meds: the line (pain)\n"
	"  -x, --x COL              scatter, lags: the column on the x axis\n"
	"  -y, --y COL              scatter, lags: the column on the y axis\n"
	"      --lag K              scatter: y K calendar days after x (0)\n"
	"      --lags A..B          lags: the lags to draw (-7..7)\n"
	"  -m, --method LIST        lags: pearson, spearman, kendall, all\n"
	"                           (pearson,spearman)\n"
	"      --margin X           relief: points below the baseline that count (1)\n"
	"      --event COL          profile, techniques: days with COL > 0 (massage)\n"
	"      --value COL          profile, techniques: the measure (pain)\n"
	"      --before N, --after N  profile, techniques: days each side (3, 3)\n"
	"      --direction D        profile, techniques: lower or higher is better,\n"
	"                           for a column whose name does not say\n"
	"      --model              techniques: the day-after model of ease-prepost\n"
	"                           --model (--after K days, 1) against every other\n"
	"                           day, the answer ease-report gives (the default)\n"
	"      --window             techniques: the window view instead, --after days\n"
	"                           against --before days of each event (3 and 3)\n"

	"      --subject ID         only subject ID (default: one panel per subject)\n"
	"  -T, --terminal T         the script draws png, svg, pdf or dumb (text)\n"
	"  -o, --output FILE        run gnuplot into FILE.png, .svg, .pdf or .txt\n"
	"                           (replaced only when gnuplot succeeds)\n"
	"      --size W,H           pixels (800,500), or characters for text (80,25);\n"
	"                           the key, titles and names are laid out to fit it\n"
	"      --title TEXT         the plot's title instead of the one made\n"
	"Without -o the gnuplot script goes to standard output.  gnuplot is found on\n"
	"PATH, or named by EASE_GNUPLOT; missing or failing, exit 69.\n"
	"Names in the key are cut after 32 bytes (\"...\"), shorter on a narrow canvas;\n"
	"a line per technique has a colour of its own up to 10, then dashes.\n",
	"  ease-plot trend -f pain --smooth 7 --events massage diary.csv | gnuplot -p\n"
	"  ease-plot scatter -x sleep_hours -y pain --lag 1 -o sleep.png diary.csv\n"
	"  ease-plot calendar -o pain.txt --since 2026-06-01 diary.csv\n"
	"  ease-plot profile --before 7 --after 7 --by technique -o p.png diary.csv\n"
	"  ease-plot techniques -T dumb diary.csv | gnuplot\n"
	"  ease-plot plan --plan trial.csv -o trial.png trial-diary.csv\n",
	"f:x:y:m:T:o:", longopts, EASE_O_INPUT | EASE_O_WINDOW | EASE_O_BY, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_plot_opts o;
	char *kind = NULL;

	ease_plot_opts_init(&o);
	/* KIND comes first, as in git's commands */
	if (argc > 1 && argv[1][0] != '-') {
		kind = argv[1];
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	ease_parse_args(&tool, argc, argv, &c, &o);
	if (kind)
		o.kind = ease_plot_kind(kind);
	return ease_plot_run(&c, &o);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-corr: correlations with p-values, intervals, lags, autocorrelation. */
#include "ease/corr.h"
#include "ease/opts.h"

enum { O_LAG = EASE_OPT_TOOL, O_LAGS, O_MATRIX, O_EXPLAIN, O_ALL_PAIRS };

static const struct option longopts[] = {
	{"x", required_argument, NULL, 'x'},
	{"y", required_argument, NULL, 'y'},
	{"method", required_argument, NULL, 'm'},
	{"lag", required_argument, NULL, O_LAG},
	{"lags", required_argument, NULL, O_LAGS},
	{"matrix", no_argument, NULL, O_MATRIX},
	{"explain", no_argument, NULL, O_EXPLAIN},
	{"all-pairs", no_argument, NULL, O_ALL_PAIRS},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_corr_opts *o = ctx;

	switch (opt) {
	case 'x':
		o->x = arg;
		return 0;
	case 'y':
		o->y = arg;
		return 0;
	case 'm':
		ease_corr_parse_methods(o, arg);
		return 0;
	case O_LAG:
	case O_LAGS:
		ease_corr_parse_lags(o, arg, opt == O_LAG);
		return 0;
	case O_MATRIX:
		o->matrix = 1;
		return 0;
	case O_EXPLAIN:
		o->explain = 1;
		return 0;
	case O_ALL_PAIRS:
		o->all_pairs = 1;
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"corr", "[-x COLS] [-y COLS] [-m METHODS] [--lag K | --lags A..B]\n"
	"                 [OPTION]... [FILE]...",
	"  -x, --x COLS         x columns (default: every other numeric column)\n"
	"  -y, --y COLS         y columns (default: the outcome, pain or else the\n"
	"                       first of sleep_hours, stress, mood)\n"
	"      --all-pairs      every pair of numeric columns (at most 10000)\n"
	"  -m, --method LIST    pearson, spearman, kendall, or all (default:\n"
	"                       pearson,spearman)\n"
	"      --lag K          pair x on day d with y on day d+K (calendar days)\n"
	"      --lags A..B      every lag from A to B, e.g. -7..7\n"
	"      --matrix         a wide matrix of r for one method and one lag\n"
	"      --explain        add a plain-English sentence to each row\n"
	"                       (--format table adds it too, and shows r with 2\n"
	"                       decimals, p as < 0.001 or with 3)\n",
	"  ease-corr -x sleep_hours -y pain --lag 1 diary.csv\n"
	"  ease-corr -m all --explain --format table diary.csv\n"
	"  ease-corr -x massage -y pain --lags -3..7 -m spearman diary.csv\n",
	"x:y:m:", longopts, EASE_O_ALL, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_corr_opts o = {0};

	ease_parse_args(&tool, argc, argv, &c, &o);
	return ease_corr_run(&c, &o);
}

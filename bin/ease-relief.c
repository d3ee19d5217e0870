/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-relief: how many days relief lasts after a massage session. */
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/relief.h"

enum { O_MARGIN = EASE_OPT_TOOL, O_SUMMARY, O_EXPLAIN };

static const struct option longopts[] = {
	{"margin", required_argument, NULL, O_MARGIN},
	{"summary", no_argument, NULL, O_SUMMARY},
	{"explain", no_argument, NULL, O_EXPLAIN},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_relief_opts *o = ctx;

	switch (opt) {
	case O_MARGIN:
		ease_relief_set_margin(o, arg);
		return 0;
	case O_SUMMARY:
		o->summary = 1;
		return 0;
	case O_EXPLAIN:
		o->explain = 1;
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"relief", "[--summary | --explain] [--margin X] [OPTION]... [FILE]...",
	"      --margin X          points below the baseline that count as relief (1)\n"
	"      --summary           one row per technique and 'all', best first:\n"
	"                          Kaplan-Meier median with its 95% CI, and the mean\n"
	"                          restricted to the longest run\n"
	"      --explain           the summary as a sentence per row\n"
	"A session is a day with massage > 0; its baseline is the mean pain of the 3\n"
	"days before (2 at least).  Relief lasts while each day with pain recorded is\n"
	"at least X below it; the run is censored at the next session or the end of\n"
	"the data.  Rows: date,subject,technique,baseline,relief_days,ended.\n",
	"  ease-relief diary.csv\n"
	"  ease-relief --summary --margin 1.5 diary.csv\n"
	"  ease-relief --explain --since 2026-03-01 diary.csv\n",
	NULL, longopts, EASE_O_ALL, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_relief_opts o;

	ease_relief_opts_init(&o);
	ease_parse_args(&tool, argc, argv, &c, &o);
	return ease_relief_run(&c, &o);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-report: the last period of a diary against the one before. */
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/report.h"

enum { O_PERIOD = EASE_OPT_TOOL, O_TODAY, O_FORMAT, O_SUBJECT };

static const struct option longopts[] = {
	{"period", required_argument, NULL, O_PERIOD},
	{"today", optional_argument, NULL, O_TODAY},
	{"format", required_argument, NULL, O_FORMAT},
	{"subject", required_argument, NULL, O_SUBJECT},
	/* the common parser takes -o into the common options (c->output) */
	{"output", required_argument, NULL, 'o'},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_report_opts *o = ctx;

	switch (opt) {
	case O_PERIOD:
		ease_report_set_period(o, arg);
		return 0;
	case O_TODAY:
		ease_report_set_today(o, arg);
		return 0;
	case O_FORMAT:
		ease_report_set_format(o, arg);
		return 0;
	case O_SUBJECT:
		o->subject = arg;
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"report", "[--period P] [--today[=DATE]] [--format F] [--subject ID]\n"
	"                   [OPTION]... [FILE]...",
	"      --period P          week (7 days, the default), month (28 days: four\n"
	"                          whole weeks) or a number of days; the last period\n"
	"                          is compared with the one before\n"
	"      --today[=DATE]      the periods end today (or on DATE, e.g. for a\n"
	"                          report that must not change: --today=2026-03-01,\n"
	"                          the date after '='), not on the last date of the\n"
	"                          data\n"
	"      --format F          text (default; 80 columns, for a mail), markdown,\n"
	"                          or html (one self-contained page with plots made\n"
	"                          by gnuplot, for a phone; printed, about two A4\n"
	"                          pages a subject)\n"
	"      --subject ID        only this subject of a table of several\n"
	"  -o, --output FILE       write FILE (replaced only when the run succeeds)\n"
	"Sections, each when its data exist: overview, pain (with the IMMPACT\n"
	"category), sleep, medication, massage (per technique, relief and rebooking),\n"
	"notable days, data quality.  With several subjects a summary table comes\n"
	"first.  The numbers are those of ease-prepost, ease-relief and ease-corr.\n",
	"  ease-report diary.csv\n"
	"  ease-report --period month --format html -o report.html diary.csv\n"
	"  ease-report --today=2026-03-01 --subject s02 clinic.csv\n",
	"o:", longopts, EASE_O_INPUT | EASE_O_BY, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_report_opts o;

	ease_report_opts_init(&o);
	ease_parse_args(&tool, argc, argv, &c, &o);
	return ease_report_run(&c, &o);
}

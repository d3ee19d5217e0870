/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-report: a period summary of a day table as text, Markdown or HTML. */
#ifndef EASE_REPORT_H
#define EASE_REPORT_H

#include <stddef.h>
#include <stdio.h>
#include "ease/opts.h"

enum { EASE_REP_TEXT, EASE_REP_MARKDOWN, EASE_REP_HTML };

/* Four whole weeks: each period then holds every weekday equally often. */
#define EASE_REP_MONTH 28

typedef struct ease_report_opts {
	long period;		/* days: 7 (week, the default), 28 (month), N */
	int today;		/* --today: the periods end today, not at the data's end */
	long today_day;		/* --today=DATE: that day is today; -1: the clock's */
	int format;		/* EASE_REP_* */
	const char *subject;	/* --subject ID */
	const char *output;	/* -o FILE */
	const char *plan;	/* --plan FILE: a randomized trial's schedule */
} ease_report_opts;

void ease_report_opts_init(ease_report_opts *o);
/* --period week|month|DAYS (exit 2 otherwise). */
void ease_report_set_period(ease_report_opts *o, const char *arg);
/* --format text|markdown|html (exit 2 otherwise). */
void ease_report_set_format(ease_report_opts *o, const char *arg);
/* --today[=DATE] (exit 2 on a malformed date). */
void ease_report_set_today(ease_report_opts *o, const char *arg);

/*
 * The whole of ease-report: reads C's day table, computes through the
 * library's analyses (those of ease-prepost, ease-relief and ease-corr) and
 * writes the report.  Exit 65 without a pain column or any row.
 */
int ease_report_run(ease_common *c, ease_report_opts *o);

/*
 * The SVG image gnuplot makes of SCRIPT (its terminal set, no output file),
 * from "<svg" on, in a new string; NULL, with a warning, when
 * gnuplot is missing (*MISSING set to 1: no use trying again) or fails.
 */
char *ease_report_svg(const char *script, size_t len, int *missing);

#endif

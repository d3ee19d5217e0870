/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-relief: how many days relief lasts after a massage session. */
#ifndef EASE_RELIEF_H
#define EASE_RELIEF_H

#include "ease/opts.h"

/* Fewer sessions than this make a summary row too thin to read. */
#define EASE_RELIEF_MIN_SESSIONS 5

typedef struct ease_relief_opts {
	double margin;		/* points below the baseline that count as relief */
	int summary;		/* Kaplan-Meier per technique instead of sessions */
	int explain;		/* the summary as sentences */
	/*
	 * When set, no row is written: each session's run goes to SESSION as it
	 * ends (its DAY, SUBJECT, its NTECH techniques in their shown spelling,
	 * relief DAYS, ENDED 1 or censored 0), for ease-plot.
	 */
	void (*session)(void *ctx, long day, const char *subject,
			const char *const *tech, size_t ntech, long days, int ended);
	void *ctx;
} ease_relief_opts;

void ease_relief_opts_init(ease_relief_opts *o);
/* --margin X: a number >= 0; exit 2 otherwise. */
void ease_relief_set_margin(ease_relief_opts *o, const char *arg);

/*
 * The whole of ease-relief: reads C's day table subject by subject and
 * writes one row per session, or with O->summary one row per technique and
 * "all" (O->explain: a sentence each).  Exit 65 without a pain or massage
 * column or without any day with massage > 0.
 */
int ease_relief_run(ease_common *c, ease_relief_opts *o);

/*
 * The same runs for a tool that reads the day table itself (ease-alert):
 * it hands in its rows, in order, and each session's run goes to
 * O->session (which must be set) as it ends.  PAIN_SLOT and MASSAGE_SLOT
 * are the rows' slots of those columns; TECH_COL the technique column, or
 * -1 to pool every session.  No date window applies.  _end closes the open
 * run (censored) at the end of a subject's rows.
 */
struct ease_dayrow;
typedef struct ease_relief_feed ease_relief_feed;
ease_relief_feed *ease_relief_feed_new(ease_relief_opts *o, int pain_slot,
				       int massage_slot, int tech_col);
void ease_relief_feed_row(ease_relief_feed *f, const struct ease_dayrow *row);
void ease_relief_feed_end(ease_relief_feed *f);
void ease_relief_feed_free(ease_relief_feed *f);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-prepost: before-and-after statistics of sessions and periods. */
#ifndef EASE_PREPOST_H
#define EASE_PREPOST_H

#include "ease/opts.h"
#include "ease/cols.h"
#include "ease/daytab.h"

/* Fewer events than this: the sentence says the data do not show an effect yet. */
#define EASE_PREPOST_MIN_EVENTS 5

/* The day-after model's terms besides the sessions (--terms). */
enum { EASE_PP_TREND = 1, EASE_PP_WEEKDAY = 2 };

enum {
	EASE_PP_NONE, EASE_PP_EVENT, EASE_PP_PAIRS, EASE_PP_SPLIT,
	EASE_PP_FACTOR, EASE_PP_ITS
};

/* One result of --event, handed to a caller that draws instead of writing. */
typedef struct ease_prepost_result {
	const char *group;	/* the --by value or technique; "all" comes last */
	int offset;		/* --profile: the day from the event; else 0 */
	size_t n;		/* --profile: events with a value that day; else pairs */
	double mean;		/* --profile: the mean that day; else after - before */
	double ci_lo, ci_hi;	/* its 95% interval (not --profile: p_adj's model) */
	double before_mean, after_mean;	/* not --profile */
	int lower;		/* lower values are better */
	int pain_like;		/* IMMPACT's thresholds apply (pain, stress ...) */
	/* not --profile: as the row's columns of those names */
	size_t n_after;
	double p, p_adj, p_holm, baseline;
	const char *category;	/* IMMPACT: "substantial" ... "worse"; "" */
	int rtm;		/* the before days were worse than the baseline:
				 * part of the change can be regression to the mean */
	int verdict;		/* EASE_INFER_* of ease/infer.h (on p_holm; all: p_adj) */
	const char *sentence;	/* --explain's sentence; valid during the call only */
} ease_prepost_result;

typedef struct ease_prepost_opts {
	int design;		/* EASE_PP_* */
	const char *event;	/* --event COL */
	const char *value;	/* --value COL */
	const char *pairs;	/* --pairs BEFORE,AFTER */
	const char *factor;	/* --factor COL */
	const char *by;		/* --by COL: one row per value (technique: per name) */
	int before, after;	/* --before N, --after N (3, 3) */
	int lag;		/* --lag L of --factor (0) */
	int at_first;		/* --split first, --its first */
	long at;		/* --split DATE, --its DATE */
	const char *at_arg;	/* as typed, for messages */
	int direction;		/* 0: from the role; -1 lower is better; +1 higher */
	int compare;		/* --compare: Kruskal-Wallis row */
	int profile;		/* --profile: means by day offset */
	int explain;		/* sentences */
	int quiet;		/* no warnings about groups too small for a test */
	int se;			/* --its standard errors: EASE_SE_* of hyptest.h */
	int se_given;		/* --se was given */
	int model;		/* --model: the day-after model */
	int after_given;	/* --after was given (the model's default is 1) */
	int terms;		/* --terms: EASE_PP_TREND | EASE_PP_WEEKDAY */
	int terms_given;	/* --terms was given (--its: none unless it was) */
	int gls_ml;		/* --method ml (else REML) */
	/*
	 * When set (--event, --split and --factor), nothing is written: each row goes to RESULT
	 * in the order it would be written (best first, "all" last), for
	 * ease-plot.
	 */
	void (*result)(void *ctx, const ease_prepost_result *r);
	void *ctx;
} ease_prepost_opts;

void ease_prepost_opts_init(ease_prepost_opts *o);
/* The options' values, each checked (exit 2 with the reason). */
void ease_prepost_set_design(ease_prepost_opts *o, int design, const char *arg);
void ease_prepost_set_window(ease_prepost_opts *o, const char *opt, const char *arg);
void ease_prepost_set_lag(ease_prepost_opts *o, const char *arg);
void ease_prepost_set_direction(ease_prepost_opts *o, const char *arg);
void ease_prepost_set_se(ease_prepost_opts *o, const char *arg);
void ease_prepost_set_terms(ease_prepost_opts *o, const char *arg);
void ease_prepost_set_method(ease_prepost_opts *o, const char *arg);
/* After all options: the combinations that make no sense (exit 2). */
void ease_prepost_check(ease_prepost_opts *o, const ease_common *c);

/*
 * The whole of ease-prepost: reads C's table (a day table, or any table with
 * --pairs), writes one row per group and "all" (or the --profile, --its
 * rows, or with O->explain a sentence each).
 */
int ease_prepost_run(ease_common *c, ease_prepost_opts *o);

/*
 * The event design of one subject fed row by row by a caller that reads
 * the day table itself (ease-alert): no --by, no --profile; O->result
 * gets the "all" row at the end, and nothing when there was no event.
 * VALUE_COL is the measure's column in COLS, the slots as ease_day_want
 * gave them.  O and COLS must outlive the feed.
 */
typedef struct ease_prepost_feed ease_prepost_feed;
ease_prepost_feed *ease_prepost_feed_new(ease_common *c, ease_prepost_opts *o,
					 const ease_cols *cols, int value_col,
					 int value_slot, int event_slot);
void ease_prepost_feed_row(ease_prepost_feed *f, const ease_dayreader *r,
			   const ease_dayrow *row);
void ease_prepost_feed_end(ease_prepost_feed *f);
void ease_prepost_feed_free(ease_prepost_feed *f);

/*
 * --model (lib/prepost_model.c): the day-after model, a row per group and
 * "all" with the GLS AR(1) estimate of the change on the O->after days after
 * a session.
 */
int ease_prepost_model_run(ease_common *c, ease_prepost_opts *o);

/*
 * IMMPACT's "clinically important" change: an improvement of 2 points, or of
 * 30 % of BEFORE_MEAN, at least. DIFF is after - before; LOWER: lower values
 * are better. The one rule for ease-prepost's column and ease-report's words.
 */
int ease_prepost_important(double diff, double before_mean, int lower);

/*
 * The words a sentence needs about column COL of COLS: the measure ("pain",
 * "sleep hours"), the unit of a change ("points", "hours", or ""), and the
 * verb after the measure ("was", "were").
 */
void ease_prepost_words(const ease_cols *cols, int col, char *word, size_t nw,
			char *unit, size_t nu, const char **verb);

#endif

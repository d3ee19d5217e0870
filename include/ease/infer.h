/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One inference rule for every tool that says whether something helped
 * (ease-prepost --explain, ease-report, ease-plot techniques, ease-alert's
 * overdue rule): an effect is shown when enough sessions (or days on each
 * side) were measured and the p-value adjusted for day-to-day correlation
 * -- Holm-adjusted across techniques when several are read at once -- is
 * below 0.05.  Without an adjusted p the data cannot tell; an unadjusted p
 * never decides.  "Best" is only ever said of a shown improvement.
 */
#ifndef EASE_INFER_H
#define EASE_INFER_H

#include <stddef.h>
#include "ease/hyptest.h"

#define EASE_INFER_ALPHA 0.05
/* Fewer sessions (or days on a side) than this: not shown, whatever p says. */
#define EASE_INFER_MIN_N 5

enum {
	EASE_INFER_NO_P,	/* no adjusted p could be made: the data cannot tell */
	EASE_INFER_FEW,		/* fewer than EASE_INFER_MIN_N */
	EASE_INFER_NOT_SHOWN,	/* p >= 0.05 */
	EASE_INFER_BETTER,	/* shown, in the better direction */
	EASE_INFER_WORSE	/* shown, in the worse direction */
};

/*
 * The verdict on an estimate EST (after - before) from N sessions or days
 * (the smaller side) with its adjusted P (p_adj, or p_holm of a technique
 * among several); LOWER: lower values are better.
 */
int ease_infer_verdict(size_t n, double est, double p, int lower);

/* The verdict shows an effect (better or worse). */
int ease_infer_shown(int verdict);

typedef struct ease_infer_row {
	size_t n;
	double est;		/* after - before */
	double p;		/* the p its verdict reads: p_holm of a technique */
} ease_infer_row;

/*
 * The best of K techniques: among those shown better, the largest
 * improvement (ties: the smaller p, then the first); -1 when none is shown
 * better, so that nothing is called best on its size alone.
 */
long ease_infer_best(const ease_infer_row *r, size_t k, int lower);

/*
 * Power in words: how many more sessions (or days after, Welch) at the same
 * spread and the same share n_eff/n (F_X, F_Y) would bring the adjusted p of
 * a difference of size DIFF below ALPHA (ease_infer_alpha): 0 when it would be already,
 * EASE_INFER_NEVER when not even LIMIT more would (or nothing can be said).
 * T is the test as now (paired, or Welch with X the after side, which alone
 * grows).
 */
#define EASE_INFER_NEVER ((size_t)-1)
size_t ease_infer_more(const ease_ttest *t, double diff, double f_x, double f_y,
		       size_t limit, double alpha);

/*
 * The same for a model's estimate EST with standard error SE on DF degrees
 * of freedom from N sessions: the SE shrinks as sqrt(N / (N + M)) with M
 * more sessions like these (the df held, which errs on the side of more).
 */
size_t ease_infer_more_se(double est, double se, double df, size_t n, size_t limit,
			  double alpha);

/*
 * The level the p of a row must reach for its verdict: 0.05, or for a
 * technique read among several 0.05 p / p_holm (Holm's multiplier of the
 * row), so that "more sessions would show it" means shown after Holm.
 */
double ease_infer_alpha(double p, double p_holm);

#endif

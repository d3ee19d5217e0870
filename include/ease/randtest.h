/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The randomization test of a trial planned by ease-plan. */
#ifndef EASE_RANDTEST_H
#define EASE_RANDTEST_H

#include <stddef.h>
#include "ease/opts.h"
#include "ease/plan.h"

/* Schedules enumerated up to this many; beyond, Monte Carlo draws. */
#define EASE_RT_MAX_ENUM 1048576L
#define EASE_RT_DRAWS 20000L

typedef struct ease_rt_result {
	double diff;		/* mean of arm a's unit means - arm b's */
	double ci_lo, ci_hi;	/* 95 % by inverting the test (shift model); NaN: unbounded */
	double p;		/* two-sided randomization p */
	double p_se;		/* its standard error (Monte Carlo), 0 when exact */
	double n_schedules;	/* the reference set: schedules of arms a and b */
	long draws;		/* Monte Carlo draws, 0 when enumerated */
	double nap;		/* share of unit pairs where a is better (ties half) */
	size_t na, nb;		/* units of a and b with a value */
} ease_rt_result;

/*
 * The test of arm A against arm B in a trial of design D: ARM[u] is the arm
 * unit u had (units in order, blocks of narms), Y[u] its value (NaN when the
 * unit has none).  The reference set holds every admissible schedule that
 * keeps the other arms where they were: within each block, A and B as they
 * were or swapped.  LOWER: lower values are better (for NAP).  SEED seeds the
 * Monte Carlo draws.  Returns 0, or -1 when a or b has no unit with a value.
 */
int ease_rt_pair(const ease_plan_design *d, const int *arm, const double *y,
		 int a, int b, int lower, unsigned long seed, ease_rt_result *out);
/* The p-value of the shift DELTA (arm a = arm b + DELTA), as ease_rt_pair. */
double ease_rt_p_at(const ease_plan_design *d, const int *arm, const double *y,
		    int a, int b, double delta, unsigned long seed, double *nsched,
		    long *draws);

/*
 * ease-prepost --plan: reads the schedule PLAN wrote by ease-plan and C's
 * diary, and writes one row per pair of arms (or with EXPLAIN a sentence).
 * VALUE: the measure (NULL: pain); DIRECTION: -1 lower is better, +1 higher,
 * 0 from the measure's role.
 */
int ease_rt_run(ease_common *c, const char *plan, const char *value,
		int direction, int explain);

/* A trial as far as a diary has come (ease-report --plan). */
typedef struct ease_rt_trial {
	int k;
	char **arms;
	int unit_week;
	long blocks, blocks_done;	/* blocks whose every day the diary has reached */
	long first, last;	/* the trial's first and last day */
	long diary_last;	/* the diary's last day in the trial (first - 1: none) */
	int over;		/* the diary reaches the trial's last day */
	long n_days, missing;	/* days with pain, and without, up to diary_last */
	long off_arm, not_held;	/* sessions off the plan, up to diary_last */
	int unchecked;		/* no massage or technique column: sessions not checked */
	char **sentence;	/* when over: ease-prepost --plan --explain's, a pair each */
	size_t nsentence;
} ease_rt_trial;

/*
 * Reads the schedule PLAN and C's diary (pain): how far the trial has come
 * and, when it is over, its result.  Exits as ease-prepost --plan does on a
 * bad schedule or a diary of several people.
 */
int ease_rt_status(ease_common *c, const char *plan, ease_rt_trial *out);
void ease_rt_trial_free(ease_rt_trial *t);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-corr: correlations of day-table columns, with lags and adjusted p. */
#ifndef EASE_CORR_H
#define EASE_CORR_H

#include "ease/opts.h"
#include "ease/stats.h"

typedef struct ease_corr_opts {
	const char *x, *y;		/* column lists as typed; NULL: every numeric one */
	int methods[EASE_NMETHODS];	/* in the order asked for */
	int nmethods;			/* 0: pearson and spearman */
	long lag_lo, lag_hi;		/* calendar days; both 0 by default */
	int lags_given;			/* --lag (1) or --lags (2) was used */
	int all_pairs;			/* --all-pairs: every pair, not the outcome's */
	int matrix;
	int explain;
} ease_corr_opts;

/* -m LIST: "pearson,spearman", "kendall", "all" (exit 2 when unknown). */
void ease_corr_parse_methods(ease_corr_opts *o, const char *arg);
/* --lag K (SINGLE) or --lags A..B (exit 2 when malformed, or both given). */
void ease_corr_parse_lags(ease_corr_opts *o, const char *arg, int single);
/* At most this many pairs of columns in one run (exit 2 above it). */
#define EASE_CORR_MAX_PAIRS 10000

/*
 * The complete pairs at a calendar lag: x on day d, y on day d + LAG, both
 * present (not NaN), into PX, PY (room for N); DAY[0..N-1] rises strictly
 * (a day missing from it has no pair).  Returns how many.  ease-corr's
 * pairing, shared with ease-plot's scatter and lags.
 */
size_t ease_corr_lag_pairs(const long *day, const double *x, const double *y, size_t n,
			   long lag, double *px, double *py);

/* The whole run; returns the exit status. */
int ease_corr_run(ease_common *c, const ease_corr_opts *o);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Statistics: correlation coefficients, their tests and intervals. */
#ifndef EASE_STATS_H
#define EASE_STATS_H

#include <stddef.h>

/*
 * Running co-moments for Pearson r in one pass (Welford's updates), so a
 * stream of any length needs O(1) memory.  Each side is taken relative to
 * its first value (far from zero, the running mean would otherwise round
 * away the spread) and in units of a power of two that follows the largest
 * deviation seen (so squares neither overflow near 1e200 nor underflow near
 * 1e-170).  An all-zero struct is an empty accumulator.
 */
typedef struct ease_comom {
	double n, mx, my, sxx, syy, sxy;	/* in the shifted, scaled units */
	double x0, y0;				/* the shifts: the first pair */
	int ex, ey;				/* a unit is 2^ex, 2^ey */
	int has_ex, has_ey;			/* a nonzero deviation set the unit */
	double inv_x, inv_y;			/* 2^-ex, 2^-ey */
	double lim_x, lim_y;			/* deviations below these fit the unit */
} ease_comom;

void ease_comom_add(ease_comom *a, double x, double y);
/* r, clipped to -1..1; NaN when n < 2 or either side is constant. */
double ease_comom_r(const ease_comom *a);
/*
 * The least-squares line y = *A + *B x of the pairs summed up (ease-plot
 * scatter draws it); both NaN when n < 2 or x is constant.
 */
void ease_comom_line(const ease_comom *a, double *intercept, double *slope);
/*
 * The pooled within-group r of K accumulators: each group's pairs taken
 * about their own means, the co-moments summed (the lag-1 correlation of
 * the days around each period's level, not of the jump between periods).
 * NaN when every group has fewer than 2 pairs or a side is constant.
 */
double ease_comom_r_pooled(const ease_comom *a, size_t k);

/* Whether all N values are equal (no correlation can be had then). */
int ease_is_constant(const double *v, size_t n);

enum { EASE_PEARSON, EASE_SPEARMAN, EASE_KENDALL, EASE_NMETHODS };

/* "pearson", "spearman", "kendall"; and back (-1 when unknown). */
const char *ease_corr_method_name(int method);
int ease_corr_method_by_name(const char *name);

/*
 * How a p-value was had, as R's cor.test does by default: the exact null
 * distribution (Spearman n <= 9, Kendall n < 50, no ties), AS 89's
 * Edgeworth series (Spearman 10 <= n <= 1290, no ties), Student's t
 * (Pearson; Spearman otherwise), the normal approximation (Kendall otherwise).
 */
enum { EASE_P_NONE, EASE_P_EXACT, EASE_P_EDGEWORTH, EASE_P_T, EASE_P_NORMAL };

/* "exact", "edgeworth", "t", "normal"; "" for EASE_P_NONE. */
const char *ease_p_method_name(int how);

/* One correlation test on complete pairs. */
typedef struct ease_corr {
	size_t n;
	double r;		/* Pearson r, Spearman rho or Kendall tau-b */
	double ci_lo, ci_hi;	/* 95% by Fisher z; NaN when n is too small */
	double p;		/* two-sided */
	int p_method;		/* EASE_P_*: how p was had */
	double stat;		/* t (df n-2) for Pearson and Spearman, z for Kendall */
} ease_corr;

/*
 * Runs METHOD on the N pairs X[i], Y[i] (no NaN among them).  r, p and the
 * interval are NaN when N < 3 or a side is constant.  X and Y are left as
 * they were.
 */
void ease_corr_test(int method, const double *x, const double *y, size_t n,
		    ease_corr *out);

/* The same test on pairs already summed up (Pearson only). */
void ease_corr_pearson_comom(const ease_comom *a, ease_corr *out);

/*
 * Pyper & Peterman's effective sample size n(1 - r1x r1y)/(1 + r1x r1y),
 * never above n; NaN when an autocorrelation is unknown.
 */
double ease_n_eff(double n, double r1x, double r1y);
/*
 * The p-value of C's test redone with N_EFF days instead of C->n: for Pearson
 * and Spearman the t test with df = n_eff - 2, for Kendall z * sqrt(n_eff/n),
 * whatever C->p_method was (no exact distribution exists for a fractional
 * number of days).  NaN when N_EFF <= 2 or unknown.
 */
double ease_corr_p_adj(int method, const ease_corr *c, double n_eff);

/* Two-sided p of r from the t test with DF degrees of freedom (may be fractional). */
double ease_r_p(double r, double df);
/* Two-sided p of Student's t with DF degrees of freedom (DF may be fractional). */
double ease_t_p2(double t, double df);
/* tanh(atanh(r) -+ z(0.975) * sqrt(VAR)). */
void ease_fisher_ci(double r, double var, double *lo, double *hi);

/*
 * Two-sided exact or Edgeworth p of Spearman's S = sum of squared rank
 * differences for N days without ties (R's cor.test for 2 <= n <= 1290);
 * *HOW gets EASE_P_EXACT or EASE_P_EDGEWORTH.
 */
double ease_spearman_p(double s, size_t n, int *how);
/* Two-sided exact p of Kendall's T = concordant pairs, N days, no ties. */
double ease_kendall_exact_p(double t, size_t n);

/* Mid-ranks (1-based, ties get their mean rank) of V into RANK. */
void ease_midranks(const double *v, size_t n, double *rank);

/*
 * Kendall's tau-b in O(n log n), with its z statistic under the
 * tie-corrected null variance (into *Z, may be NULL).  NaN when n < 2 or a
 * side is constant.
 */
double ease_kendall_tau(const double *x, const double *y, size_t n, double *z);

#endif

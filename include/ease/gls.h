/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Generalised least squares with AR(1) errors over calendar days, as R
 * nlme::gls(y ~ X, correlation = corAR1(form = ~ day | block)): the errors
 * of two observed days d and d' of one block correlate phi^|d - d'|, so a
 * missing day is a gap in the series, not a day skipped over (nlme turns
 * corAR1 into the equivalent corARMA(p = 1) when its covariate has gaps,
 * which is this same model; corCAR1 would be too for phi > 0).  Blocks
 * (subjects) are independent and share phi.
 *
 * phi maximises the profiled likelihood (REML or ML) over (-1, 1); beta is
 * then ordinary least squares on the data transformed by the inverse
 * Cholesky factor of the correlation matrix (Prais-Winsten with gaps: the
 * first day of a block as it is, each later day minus phi^gap times the one
 * before, over sqrt(1 - phi^(2 gap))).  Standard errors as summary.gls:
 * sigma^2 (X*'X*)^-1 with sigma^2 the transformed residuals' RSS / (n - p) under either method, t on
 * n - p degrees of freedom.
 */
#ifndef EASE_GLS_H
#define EASE_GLS_H

#include <stddef.h>

enum { EASE_GLS_REML, EASE_GLS_ML };

#define EASE_GLS_MAXP 64	/* columns of X at most */

typedef struct ease_gls {
	size_t n, p;
	int ok;			/* 0: too few days, X not of full rank, or exact */
	int exact;		/* not ok: the days lie on the fitted lines to rounding;
				 * b holds the (exact) coefficients, nothing else */
	int method;		/* EASE_GLS_REML or EASE_GLS_ML */
	double phi;		/* the AR(1) coefficient of one day */
	double nugget;		/* ease_gls_ar1n: the day noise's share of the variance */
	double sigma;		/* residual SD (n - p divisor) */
	double df;		/* n - p */
	double loglik;		/* the profiled (RE)ML criterion, without constants */
	double b[EASE_GLS_MAXP];
	double se[EASE_GLS_MAXP];
	double t[EASE_GLS_MAXP];
	double p_val[EASE_GLS_MAXP];	/* two-sided, t on df */
	double ci_lo[EASE_GLS_MAXP], ci_hi[EASE_GLS_MAXP];	/* 95 % */
	double cov[EASE_GLS_MAXP * EASE_GLS_MAXP];	/* row-major p x p */
} ease_gls;

/*
 * Fits Y (N values) on X (N rows of P columns, row-major), DAY the whole
 * calendar day of each row, ascending and distinct within a block; BLOCK
 * (may be NULL: one block) the block of each row, rows of one block
 * together.  METHOD EASE_GLS_REML or EASE_GLS_ML.  Returns OUT->ok.
 */
int ease_gls_ar1(const double *x, const double *y, const long *day,
		 const long *block, size_t n, size_t p, int method, ease_gls *out);

/* As ease_gls_ar1 with phi fixed at PHI (0: ordinary least squares). */
int ease_gls_ar1_at(const double *x, const double *y, const long *day,
		    const long *block, size_t n, size_t p, double phi,
		    int method, ease_gls *out);

/*
 * AR(1) plus day noise: as ease_gls_ar1 with errors whose correlation on
 * days d != d' is (1 - nugget) phi^|d - d'|, 1 on the same day, as R
 * nlme::gls(y ~ X, correlation = corExp(form = ~ day, nugget = TRUE)) with
 * phi = exp(-1/range): a latent AR(1) over calendar days seen through
 * independent noise of each day (the average of a few ratings).  phi in
 * [0, 1) and nugget in [0, 1) maximise the profiled likelihood; nugget 0
 * is ease_gls_ar1 with phi >= 0.  Standard errors, df and p as there.
 */
int ease_gls_ar1n(const double *x, const double *y, const long *day,
		  const long *block, size_t n, size_t p, int method, ease_gls *out);

/* As ease_gls_ar1n with phi and nugget fixed. */
int ease_gls_ar1n_at(const double *x, const double *y, const long *day,
		     const long *block, size_t n, size_t p, double phi,
		     double nugget, int method, ease_gls *out);

/*
 * Ordinary least squares of Y on X with its covariance under the AR(1)
 * errors of G, a fit of the same X, Y, DAY, BLOCK: sigma^2 (X'X)^-1 X'RX
 * (X'X)^-1, R the correlation phi^|d - d'| within blocks, phi and sigma^2
 * G's.  The estimates are the plain ones (a difference of means stays
 * one), their intervals and p from t on n - p df, into OUT as
 * ease_gls_ar1's.
 */
int ease_ols_ar1(const double *x, const double *y, const long *day,
		 const long *block, size_t n, size_t p, const ease_gls *g,
		 ease_gls *out);

#endif

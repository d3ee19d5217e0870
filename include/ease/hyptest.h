/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Before-and-after tests and effect sizes (ease-prepost): t tests, rank tests,
 * Kruskal-Wallis, Holm, NAP, Tau-U and the interrupted time series.  Each
 * figure agrees with R (or statsmodels for HAC) to 1e-9 relative; the
 * references are tests/ref/hyptest.R and tests/ref/hyptest.py.
 *
 * Two-sample functions follow R's argument order: X first, Y second, and a
 * difference is X - Y.  ease-prepost passes (after, before), so a drop in
 * pain is a negative difference.
 *
 * Nothing here fails: what cannot be computed (too few values, no spread,
 * all ties) is NaN, and N = 0 is allowed everywhere (the arrays may then be
 * NULL).  The inputs must not hold NaN; the caller drops missing values.
 */
#ifndef EASE_HYPTEST_H
#define EASE_HYPTEST_H

#include <stddef.h>
#include "ease/stats.h"

enum { EASE_T_ONE, EASE_T_PAIRED, EASE_T_WELCH };

/* A t test: one sample, paired or Welch. */
typedef struct ease_ttest {
	int kind;		/* EASE_T_ONE, EASE_T_PAIRED, EASE_T_WELCH */
	size_t n_x, n_y;	/* paired: both the number of pairs; one sample: n_y 0 */
	double mean_x, mean_y;
	double diff;		/* mean of X (one), of X - Y (paired), mean X - mean Y */
	double ci_lo, ci_hi;	/* 95% interval of diff */
	double t, df, p;	/* p two-sided */
	double se;		/* standard error of diff */
	double se2_x, se2_y;	/* its parts var/n (one and paired: se2_x only) */
	double effect;		/* mean/sd (one), d_z (paired), Hedges' g (Welch) */
} ease_ttest;

/*
 * R t.test(x): the mean of N values with its 95% interval (ease-prepost's
 * --profile), t against 0, df = n - 1; effect = mean / sd.  t, p and the
 * interval are NaN when N < 2 or the values are all equal (R stops there
 * with "data are essentially constant").
 */
void ease_ttest_one(const double *x, size_t n, ease_ttest *out);

/*
 * R t.test(x, y, paired = TRUE): on d = X[i] - Y[i], t = mean(d) / (sd(d) /
 * sqrt(n)), df = n - 1: ease_ttest_one on the differences.
 * effect = d_z = mean(d) / sd(d).
 */
void ease_ttest_paired(const double *x, const double *y, size_t n,
		       ease_ttest *out);

/*
 * R t.test(x, y): Welch's t with the Welch-Satterthwaite df.  NaN when a
 * side has fewer than 2 values or both are constant.
 * effect = Hedges' g = (mean X - mean Y) / s_p * J, with s_p the pooled SD
 * (divisor n_x + n_y - 2 = m) and the exact small-sample correction
 * J = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)) (Hedges 1981), of which the
 * usual 1 - 3/(4m - 1) is an approximation; NaN when m < 2 or s_p = 0.
 */
void ease_ttest_welch(const double *x, size_t nx, const double *y, size_t ny,
		      ease_ttest *out);

/*
 * T's p-value redone as if it had N_EFF_X (and, for Welch, N_EFF_Y) values
 * instead of n_x (n_y): each variance of the mean grows by n/n_eff and df
 * becomes n_eff - 1 (Welch: Welch-Satterthwaite on the n_eff).  This is the
 * autocorrelation adjustment p_adj; for the mean of an AR(1) series the
 * usual n_eff is n (1 - r1)/(1 + r1).  NaN when an n_eff is <= 1 or unknown.
 */
double ease_ttest_p_adj(const ease_ttest *t, double n_eff_x, double n_eff_y);

/* The whole adjusted model: p and its 95% interval from the same se and df. */
typedef struct ease_tadj {
	double n_eff_x, n_eff_y;	/* as given */
	double se, df, p;		/* NaN as ease_ttest_p_adj's p */
	double ci_lo, ci_hi;		/* diff -/+ t(0.975, df) se */
} ease_tadj;

void ease_ttest_adjust(const ease_ttest *t, double n_eff_x, double n_eff_y,
		       ease_tadj *out);

/*
 * The adjusted p T would have with N_X (and, Welch, N_Y) values, a
 * difference DIFF, each value's variance as now and n_eff = F * n (F the
 * share n_eff/n of now): what more sessions or days would show.
 */
double ease_ttest_p_at(const ease_ttest *t, double diff, size_t n_x, size_t n_y,
		       double f_x, double f_y);

/* How a rank test's p was had: EASE_P_NONE, EASE_P_EXACT or EASE_P_NORMAL
 * of stats.h, named by ease_p_method_name. */

typedef struct ease_ranktest {
	size_t n;	/* signed rank: non-zero differences; rank sum: nx + ny */
	double stat;	/* V or W */
	double p;	/* two-sided; NaN with method EASE_P_NONE */
	int method;
} ease_ranktest;

/*
 * R wilcox.test(x, y, paired = TRUE): V = sum of the ranks of |d| over the
 * positive d = X[i] - Y[i], zeros dropped.  Exact p (the distribution
 * counted) when fewer than 50 non-zero differences, no ties and no zeros;
 * else normal with tie and continuity correction.
 */
void ease_signrank(const double *x, const double *y, size_t n,
		   ease_ranktest *out);

/*
 * R wilcox.test(x, y): W = sum of the ranks of X in X and Y together, minus
 * nx(nx+1)/2 (the Mann-Whitney U of X).  Exact when nx < 50, ny < 50 and no
 * ties; else normal with tie and continuity correction.
 */
void ease_ranksum(const double *x, size_t nx, const double *y, size_t ny,
		  ease_ranktest *out);

typedef struct ease_kruskal {
	size_t n, k;	/* values and non-empty groups */
	double h, df, p;
} ease_kruskal;

/*
 * R kruskal.test(list(...)): H with the tie correction, df = k - 1, p from
 * chi-squared.  The groups lie one after another in V: the first SIZE[0]
 * values are group 0, the next SIZE[1] group 1, and so on.  Empty groups do
 * not count.  NaN when fewer than 2 groups or all values tie.
 */
void ease_kruskal_test(const double *v, const size_t *size, size_t ngroups,
		       ease_kruskal *out);

/*
 * R p.adjust(p, "holm") into ADJ (may be P itself).  NaN entries stay NaN
 * and do not count among the tests, as R's NA.
 */
void ease_holm(const double *p, size_t n, double *adj);

/* Non-overlap of all pairs, with SingleCaseES::NAP's default SE and CI. */
typedef struct ease_nap {
	double nap;		/* share of (A, B) pairs where B is better; ties 1/2 */
	double se;		/* Sen (1967) / Mee (1990) unbiased; NaN if m or n < 2 */
	double ci_lo, ci_hi;	/* 95%, Newcombe (2006) method 5 */
} ease_nap;

/*
 * NAP of phase A (baseline, NA values) against phase B (NB values); "better"
 * is lower when LOWER_BETTER, else higher.  NaN when a phase is empty.
 * The interval bounds are the roots of Newcombe's equation either side of
 * NAP, found to full precision (SingleCaseES's uniroot stops within 1e-4).
 * At NAP = 1 (0) the lower (upper) bound is the root inside (0, 1), where
 * SingleCaseES stops at the endpoint and reports [1, 1] ([0, 0]).  The SE
 * is SingleCaseES's (>= 0.7) "unbiased" one, NAP held 1/(2 na nb) inside
 * (0, 1) in its leading term so that no overlap at all still has an SE.
 */
void ease_nap_ab(const double *a, size_t na, const double *b, size_t nb,
		 int lower_better, ease_nap *out);

/*
 * NAP of N paired differences X[i] - Y[i] (after - before): the share that
 * improved, a zero counting 1/2.  NaN when N = 0.
 */
double ease_nap_paired(const double *x, const double *y, size_t n,
		       int lower_better);

/*
 * Tau-U "A vs B - trend A" (Parker, Vannest, Davis & Sauber 2011), as
 * SingleCaseES::Tau_U: (S_AB - S_A) / (na nb), S_AB = sum over all pairs of
 * sign(B - A), S_A = Kendall's S of A against its order (A in time order).
 * Signs flipped when LOWER_BETTER.  NaN when a phase is empty.
 */
double ease_tau_u(const double *a, size_t na, const double *b, size_t nb,
		  int lower_better);

/*
 * Pearson r of V[i] against V[i+1] over the I where T[i+1] = T[i] + 1 (T
 * ascending whole days): the lag-1 autocorrelation over consecutive days.
 * NaN with fewer than 2 such pairs or either side constant (as ease-corr's r1).
 */
double ease_lag1_r(const double *t, const double *v, size_t n);

/*
 * How the ITS is fitted: GLS with AR(1) errors over calendar days (REML, or
 * ML), least squares with Newey-West (HAC) standard errors, plain least
 * squares, or GLS with AR(1) plus day-noise errors (REML, or ML).
 */
enum { EASE_SE_GLS, EASE_SE_HAC, EASE_SE_OLS, EASE_SE_GLS_ML, EASE_SE_GLSN, EASE_SE_GLSN_ML };

/* Segmented regression y = b0 + b1 t + b2 post + b3 (t - t0) post. */
typedef struct ease_its {
	size_t n;
	int se_kind;		/* EASE_SE_* */
	int lags;		/* Newey-West's lag (HAC) */
	double phi;		/* GLS: the AR(1) coefficient of one day */
	double nugget;		/* GLS with day noise: its share of the variance, else NaN */
	double b[4];		/* b0 level at t = 0, b1 slope, b2 level change, b3 slope change */
	double se[4];
	double stat[4];		/* b / se, t on n - 4 df */
	double p[4];		/* two-sided */
	double r1_resid;	/* ease_lag1_r of the least-squares residuals */
	int why;		/* EASE_ITS_*: why se and p (or everything) are NaN */
	size_t need;		/* EASE_ITS_FEW: the days the fit needs */
} ease_its;

/*
 * Why an ITS has no p: a side with fewer than two days; fewer days in all
 * than the fit needs (ease_its.need); the days lie on the fitted lines to
 * rounding (an exact fit: the estimates stand, with no error to infer a
 * standard error from); the fit did not converge.
 */
enum { EASE_ITS_OK, EASE_ITS_SIDE, EASE_ITS_FEW, EASE_ITS_EXACT, EASE_ITS_NOFIT };

/*
 * Fits the N points (T[i], Y[i]), T ascending whole days, post = T >= T0.
 * GLS: R nlme::gls(y ~ t + post + I((t - t0) * post), correlation =
 * corAR1(form = ~ t)) with REML (EASE_SE_GLS) or ML (EASE_SE_GLS_ML), a
 * missing day a gap in the series (lib/gls.h); with day noise
 * (EASE_SE_GLSN, EASE_SE_GLSN_ML) correlation = corExp(form = ~ t, nugget
 * = TRUE) instead (ease_gls_ar1n), OUT->nugget its nugget.  OLS: R lm.
 * HAC: least squares with R sandwich::NeweyWest(fit, prewhite = TRUE, adjust = TRUE):
 * the lag floor(bwNeweyWest(fit)) (Newey & West 1994, on scores prewhitened
 * by a VAR(1)), the Bartlett kernel, the small-sample factor n/(n - 4);
 * lags count observations, not days.  p from t on n - 4 df in every case
 * (lmtest::coeftest, summary.gls).  Everything NaN unless each segment has
 * two distinct T and N > 4 (GLS: N > terms + 1); se and p NaN when the
 * residuals are rounding error (OUT->why says which).
 */
void ease_its_fit(const double *t, const double *y, size_t n, double t0,
		  int se_kind, ease_its *out);

/*
 * As ease_its_fit; with WD0 >= 0 (the weekday, Monday 0 .. Sunday 6, of
 * T = 0) and GLS, six weekday terms join the model as R
 * factor(weekday) with contr.sum contrasts, so b0 stays the level of an
 * average week; p then from t on n - 10 df.  WD0 < 0: none.
 */
void ease_its_fit_wd(const double *t, const double *y, size_t n, double t0,
		     int se_kind, int wd0, ease_its *out);

#endif

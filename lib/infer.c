/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/infer.h"

#include "ease/stats.h"

#include <math.h>

int
ease_infer_verdict(size_t n, double est, double p, int lower)
{
	if (n < EASE_INFER_MIN_N)
		return EASE_INFER_FEW;
	if (isnan(p) || isnan(est))
		return EASE_INFER_NO_P;
	if (!(p < EASE_INFER_ALPHA) || est == 0)
		return EASE_INFER_NOT_SHOWN;
	return (est < 0) == (lower != 0) ? EASE_INFER_BETTER : EASE_INFER_WORSE;
}

int
ease_infer_shown(int verdict)
{
	return verdict == EASE_INFER_BETTER || verdict == EASE_INFER_WORSE;
}

long
ease_infer_best(const ease_infer_row *r, size_t k, int lower)
{
	long best = -1;

	for (size_t i = 0; i < k; i++) {
		double gain, bgain;

		if (ease_infer_verdict(r[i].n, r[i].est, r[i].p, lower) != EASE_INFER_BETTER)
			continue;
		if (best < 0) {
			best = (long)i;
			continue;
		}
		gain = lower ? -r[i].est : r[i].est;
		bgain = lower ? -r[best].est : r[best].est;
		if (gain > bgain || (gain == bgain && r[i].p < r[best].p))
			best = (long)i;
	}
	return best;
}

/* The adjusted p with M more: sessions (paired) or days on the after side. */
static double
p_more(const ease_ttest *t, double diff, double f_x, double f_y, size_t m)
{
	size_t nx = t->n_x + m, ny = t->kind == EASE_T_WELCH ? t->n_y : nx;

	return ease_ttest_p_at(t, diff, nx, ny, f_x, f_y);
}

size_t
ease_infer_more(const ease_ttest *t, double diff, double f_x, double f_y,
		size_t limit, double alpha)
{
	size_t lo = 0, hi = 1;
	double p;

	if (isnan(t->t) || isnan(diff) || diff == 0 || !(f_x > 0) ||
	    (t->kind == EASE_T_WELCH && !(f_y > 0)))
		return EASE_INFER_NEVER;
	if (p_more(t, diff, f_x, f_y, 0) < alpha)
		return 0;
	/*
	 * The p falls as n grows (the df and the variance of the mean both
	 * improve), so doubling then halving finds the first M that shows it.
	 */
	while (!((p = p_more(t, diff, f_x, f_y, hi)) < alpha)) {
		if (hi >= limit)
			return EASE_INFER_NEVER;
		lo = hi;
		hi = 2 * hi > limit ? limit : 2 * hi;
	}
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (p_more(t, diff, f_x, f_y, mid) < alpha)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* The p of EST with its SE shrunk as from N to N + M units, on DF. */
static double
p_more_se(double est, double se, double df, size_t n, size_t m)
{
	double s = se * sqrt((double)n / (double)(n + m));

	return ease_t_p2(est / s, df);
}

size_t
ease_infer_more_se(double est, double se, double df, size_t n, size_t limit,
		   double alpha)
{
	size_t lo = 0, hi = 1;

	if (isnan(est) || est == 0 || !(se > 0) || !(df > 0) || n == 0)
		return EASE_INFER_NEVER;
	if (p_more_se(est, se, df, n, 0) < alpha)
		return 0;
	while (!(p_more_se(est, se, df, n, hi) < alpha)) {
		if (hi >= limit)
			return EASE_INFER_NEVER;
		lo = hi;
		hi = 2 * hi > limit ? limit : 2 * hi;
	}
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (p_more_se(est, se, df, n, mid) < alpha)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

double
ease_infer_alpha(double p, double p_holm)
{
	if (!(p > 0) || !(p_holm > p))
		return EASE_INFER_ALPHA;
	return EASE_INFER_ALPHA * p / p_holm;
}

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

/*
 * The fewest M more units at which P(M, CTX) falls below ALPHA, or
 * EASE_INFER_NEVER past LIMIT.  The p falls as units are added (the df and
 * the variance of the estimate both improve), so doubling then halving finds
 * the first M that shows it.
 */
static size_t
first_shown(double (*p)(size_t m, const void *ctx), const void *ctx,
	    size_t limit, double alpha)
{
	size_t lo = 0, hi = 1;

	if (p(0, ctx) < alpha)
		return 0;
	while (!(p(hi, ctx) < alpha)) {
		if (hi >= limit)
			return EASE_INFER_NEVER;
		lo = hi;
		hi = 2 * hi > limit ? limit : 2 * hi;
	}
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (p(mid, ctx) < alpha)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

struct more_t {
	const ease_ttest *t;
	double diff, f_x, f_y;
};

/* The adjusted p with M more: sessions (paired) or days on the after side. */
static double
p_more(size_t m, const void *ctx)
{
	const struct more_t *c = ctx;
	size_t nx = c->t->n_x + m, ny = c->t->kind == EASE_T_WELCH ? c->t->n_y : nx;

	return ease_ttest_p_at(c->t, c->diff, nx, ny, c->f_x, c->f_y);
}

size_t
ease_infer_more(const ease_ttest *t, double diff, double f_x, double f_y,
		size_t limit, double alpha)
{
	struct more_t c = {t, diff, f_x, f_y};

	if (isnan(t->t) || isnan(diff) || diff == 0 || !(f_x > 0) ||
	    (t->kind == EASE_T_WELCH && !(f_y > 0)))
		return EASE_INFER_NEVER;
	return first_shown(p_more, &c, limit, alpha);
}

struct more_se {
	double est, se, df;
	size_t n;
};

/* The p of EST with its SE shrunk as from N to N + M units, on DF. */
static double
p_more_se(size_t m, const void *ctx)
{
	const struct more_se *c = ctx;
	double s = c->se * sqrt((double)c->n / (double)(c->n + m));

	return ease_t_p2(c->est / s, c->df);
}

size_t
ease_infer_more_se(double est, double se, double df, size_t n, size_t limit,
		   double alpha)
{
	struct more_se c = {est, se, df, n};

	if (isnan(est) || est == 0 || !(se > 0) || !(df > 0) || n == 0)
		return EASE_INFER_NEVER;
	return first_shown(p_more_se, &c, limit, alpha);
}

double
ease_infer_alpha(double p, double p_holm)
{
	if (!(p > 0) || !(p_holm > p))
		return EASE_INFER_ALPHA;
	return EASE_INFER_ALPHA * p / p_holm;
}

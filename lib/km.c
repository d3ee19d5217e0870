/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/km.h"
#include "ease/err.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

ease_km_curve *
ease_km_fit_counts(const double *time, const double *nevent, const double *ncens,
		   size_t k)
{
	ease_km_curve *c = ease_xcalloc(1, sizeof *c);
	double total = 0, s = 1, v = 0;
	double z = gsl_cdf_ugaussian_Pinv(0.975);
	size_t j = 0;

	c->time = ease_xcalloc(k + 1, sizeof *c->time);
	c->nrisk = ease_xcalloc(k + 1, sizeof *c->nrisk);
	c->nevent = ease_xcalloc(k + 1, sizeof *c->nevent);
	c->ncens = ease_xcalloc(k + 1, sizeof *c->ncens);
	c->surv = ease_xcalloc(k + 1, sizeof *c->surv);
	c->std_err = ease_xcalloc(k + 1, sizeof *c->std_err);
	c->lower = ease_xcalloc(k + 1, sizeof *c->lower);
	c->upper = ease_xcalloc(k + 1, sizeof *c->upper);
	for (size_t i = 0; i < k; i++)
		total += nevent[i] + ncens[i];
	for (size_t i = 0; i < k; i++) {
		double d = nevent[i], r = total;

		if (d + ncens[i] == 0)
			continue;
		total -= d + ncens[i];
		c->time[j] = time[i];
		c->nrisk[j] = r;
		c->nevent[j] = d;
		c->ncens[j] = ncens[i];
		if (d > 0) {
			s *= (r - d) / r;
			/* Greenwood: the last one at risk gone leaves no spread to estimate */
			v = r > d ? v + d / (r * (r - d)) : INFINITY;
		}
		c->surv[j] = s;
		c->std_err[j] = sqrt(v);
		if (s > 0) {
			double se = c->std_err[j];

			c->lower[j] = exp(log(s) - z * se);
			c->upper[j] = fmin(exp(log(s) + z * se), 1.0);
		} else {
			c->lower[j] = c->upper[j] = NAN;
		}
		j++;
	}
	c->k = j;
	return c;
}

typedef struct tev {
	double t;
	int e;
} tev;

static int
cmp_tev(const void *a, const void *b)
{
	const tev *x = a, *y = b;

	return (x->t > y->t) - (x->t < y->t);
}

ease_km_curve *
ease_km_fit(const double *time, const int *event, size_t n)
{
	tev *p = ease_xcalloc(n + 1, sizeof *p);
	double *t = ease_xcalloc(n + 1, sizeof *t);
	double *d = ease_xcalloc(n + 1, sizeof *d);
	double *cz = ease_xcalloc(n + 1, sizeof *cz);
	ease_km_curve *c;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		p[i].t = time[i];
		p[i].e = event[i] != 0;
	}
	qsort(p, n, sizeof *p, cmp_tev);
	for (size_t i = 0; i < n; i++) {
		if (k == 0 || p[i].t != t[k - 1])
			t[k++] = p[i].t;
		if (p[i].e)
			d[k - 1]++;
		else
			cz[k - 1]++;
	}
	c = ease_km_fit_counts(t, d, cz, k);
	free(p);
	free(t);
	free(d);
	free(cz);
	return c;
}

/*
 * The first time Y comes down to 0.5 (NaN values passed over): survfit's
 * rule, with its tolerance of sqrt(DBL_EPSILON).  When Y sits at 0.5 exactly
 * and drops later, the median is halfway between the two times.
 */
static double
crossing(const double *y, const double *x, size_t k)
{
	const double tol = 1.4901161193847656e-08;

	for (size_t i = 0; i < k; i++) {
		if (isnan(y[i]) || !(y[i] < 0.5 + tol))
			continue;
		if (fabs(y[i] - 0.5) < tol)
			for (size_t j = i + 1; j < k; j++)
				if (!isnan(y[j]) && y[j] < y[i])
					return (x[i] + x[j]) / 2;
		return x[i];
	}
	return NAN;
}

void
ease_km_summarise(const ease_km_curve *c, ease_km_summary *s)
{
	double start = 0, prev_t, prev_s = 1, mean = 0;

	s->n = s->events = 0;
	for (size_t i = 0; i < c->k; i++) {
		s->n += c->nevent[i] + c->ncens[i];
		s->events += c->nevent[i];
	}
	/* area under S from min(0, first time) up to the last time */
	if (c->k && c->time[0] < 0)
		start = c->time[0];
	prev_t = start;
	for (size_t i = 0; i < c->k; i++) {
		mean += (c->time[i] - prev_t) * prev_s;
		prev_t = c->time[i];
		prev_s = c->surv[i];
	}
	s->rmean = c->k ? mean + start : NAN;
	s->median = crossing(c->surv, c->time, c->k);
	s->median_lo = crossing(c->lower, c->time, c->k);
	s->median_hi = crossing(c->upper, c->time, c->k);
}

void
ease_km_free(ease_km_curve *c)
{
	if (c == NULL)
		return;
	free(c->time);
	free(c->nrisk);
	free(c->nevent);
	free(c->ncens);
	free(c->surv);
	free(c->std_err);
	free(c->lower);
	free(c->upper);
	free(c);
}

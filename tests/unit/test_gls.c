/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of lib/gls.c against R nlme::gls with corAR1: the data and
 * the expected values are in ref_gls.h, written by `Rscript tests/ref/gls.R`.
 */
#include "ease/gls.h"
#include "ease/hyptest.h"
#include "tap.h"
#include "ref_gls.h"
#include "ref_gls_noise.h"

/*
 * The profile likelihood is flat at its maximum, so phi is found to about
 * 1e-8 by either side's optimiser.  The estimation proper is checked at R's
 * phi to 1e-9; the whole fit, phi found here, to 1e-6 of phi and, for the
 * coefficients, of the larger of the estimate and its standard error.
 */
#define REL 1e-9
#define REL_FIT 1e-6

static void
check(const ref_gls *r)
{
	ease_gls g;
	char name[160];
	double sigma;

	ease_gls_ar1(r->x, r->y, r->day, r->block, r->n, r->p, r->method, &g);
	snprintf(name, sizeof name, "%s: fitted", r->name);
	ok(g.ok, name);
	snprintf(name, sizeof name, "%s: phi", r->name);
	is_num(g.phi, r->phi, REL_FIT, name);
	for (size_t j = 0; j < r->p; j++) {
		double tol = REL_FIT * fmax(fabs(r->b[j]), r->se[j]);

		snprintf(name, sizeof name, "%s: b[%zu] with phi found", r->name, j);
		ok(fabs(g.b[j] - r->b[j]) <= tol, name);
		snprintf(name, sizeof name, "%s: se[%zu] with phi found", r->name, j);
		is_num(g.se[j], r->se[j], REL_FIT, name);
	}
	ease_gls_ar1_at(r->x, r->y, r->day, r->block, r->n, r->p, r->phi, r->method, &g);
	/* nlme's sigma divides by n under ML, by n - p under REML */
	sigma = r->method == EASE_GLS_ML ?
		g.sigma * sqrt(g.df / (double)r->n) : g.sigma;
	snprintf(name, sizeof name, "%s: sigma", r->name);
	is_num(sigma, r->sigma, REL, name);
	snprintf(name, sizeof name, "%s: df", r->name);
	is_num(g.df, (double)(r->n - r->p), 0, name);
	for (size_t j = 0; j < r->p; j++) {
		snprintf(name, sizeof name, "%s: b[%zu]", r->name, j);
		is_num(g.b[j], r->b[j], REL, name);
		snprintf(name, sizeof name, "%s: se[%zu]", r->name, j);
		is_num(g.se[j], r->se[j], REL, name);
		snprintf(name, sizeof name, "%s: p[%zu]", r->name, j);
		is_num(g.p_val[j], r->p_val[j], REL, name);
		snprintf(name, sizeof name, "%s: ci_lo[%zu]", r->name, j);
		is_num(g.ci_lo[j], r->ci_lo[j], REL, name);
		snprintf(name, sizeof name, "%s: ci_hi[%zu]", r->name, j);
		is_num(g.ci_hi[j], r->ci_hi[j], REL, name);
	}
}

/* its_data() of tests/ref/hyptest.R and gls.R: integers until one division */
static size_t
its_data(long nd, long a, long m, long t0, const long *gaps, size_t ngaps,
	 long amp, double *t, double *y)
{
	size_t k = 0;

	for (long d = 0; d < nd; d++) {
		long i, post, v;
		int gap = 0;

		for (size_t g = 0; g < ngaps; g++)
			gap |= gaps[g] == d;
		if (gap)
			continue;
		i = (long)k + 1;
		post = d >= t0;
		v = 600 + 2 * d - 150 * post - 3 * (d - t0) * post;
		t[k] = (double)d;
		y[k] = ((double)v + (double)(((i * a + 11) % m) - (m - 1) / 2) * (double)amp) / 100;
		k++;
	}
	return k;
}

static void
test_its(void)
{
	static const long g1[] = {7, 8, 33, 50}, g2[] = {0, 5, 99, 120, 121, 150};
	double t[200], y[200];
	char name[160];

	for (int k = 0; k < 2; k++) {
		const ref_its *r = &ITS_REF[k];
		size_t n = k == 0 ? its_data(60, 37, 41, 30, g1, 4, 4, t, y) :
			   its_data(200, 23, 29, 120, g2, 6, 40, t, y);
		double t0 = k == 0 ? 30 : 120;
		ease_its f;

		ease_its_fit(t, y, n, t0, EASE_SE_HAC, &f);
		snprintf(name, sizeof name, "ITS HAC %s: lag", r->name);
		is_long(f.lags, r->lags, name);
		for (int j = 0; j < 4; j++) {
			snprintf(name, sizeof name, "ITS HAC %s: se[%d]", r->name, j);
			is_num(f.se[j], r->hac_se[j], REL, name);
			snprintf(name, sizeof name, "ITS HAC %s: p[%d]", r->name, j);
			is_num(f.p[j], r->hac_p[j], REL, name);
		}
		for (int ml = 0; ml < 2; ml++) {
			const double *b = ml ? r->ml_b : r->reml_b, *se = ml ? r->ml_se : r->reml_se;
			const double *p = ml ? r->ml_p : r->reml_p;

			ease_its_fit(t, y, n, t0, ml ? EASE_SE_GLS_ML : EASE_SE_GLS, &f);
			snprintf(name, sizeof name, "ITS GLS %s %s: phi", ml ? "ML" : "REML", r->name);
			is_num(f.phi, ml ? r->ml_phi : r->reml_phi, REL_FIT, name);
			for (int j = 0; j < 4; j++) {
				snprintf(name, sizeof name, "ITS GLS %s %s: b[%d]", ml ? "ML" : "REML", r->name, j);
				ok(fabs(f.b[j] - b[j]) <= REL_FIT * fmax(fabs(b[j]), se[j]), name);
				snprintf(name, sizeof name, "ITS GLS %s %s: se[%d]", ml ? "ML" : "REML", r->name, j);
				is_num(f.se[j], se[j], REL_FIT, name);
				snprintf(name, sizeof name, "ITS GLS %s %s: p[%d]", ml ? "ML" : "REML", r->name, j);
				is_num(f.p[j], p[j], 1e-5, name);
			}
		}
	}
}

/* Least squares with the AR(1) covariance, at R's phi and sigma. */
static void
check_ols(const ref_gls *r, const double *b, const double *se)
{
	ease_gls g, o;
	char name[160];

	ease_gls_ar1_at(r->x, r->y, r->day, r->block, r->n, r->p, r->phi, r->method, &g);
	ok(ease_ols_ar1(r->x, r->y, r->day, r->block, r->n, r->p, &g, &o), "ease_ols_ar1 fits");
	for (size_t j = 0; j < r->p; j++) {
		snprintf(name, sizeof name, "%s: OLS-AR(1) b[%zu]", r->name, j);
		is_num(o.b[j], b[j], REL, name);
		snprintf(name, sizeof name, "%s: OLS-AR(1) se[%zu]", r->name, j);
		is_num(o.se[j], se[j], REL, name);
	}
}

/*
 * AR(1) plus day noise against nlme::gls with corExp(nugget = TRUE)
 * (tests/ref/gls_noise.R): at R's phi and nugget to 1e-9; the whole fit,
 * both found here, to 1e-6 as above.
 */
static void
check_noise(const ref_gls_noise *r)
{
	ease_gls g;
	char name[160];
	double sigma;

	ease_gls_ar1n(r->x, r->y, r->day, NULL, r->n, r->p, r->method, &g);
	snprintf(name, sizeof name, "%s: fitted", r->name);
	ok(g.ok, name);
	snprintf(name, sizeof name, "%s: phi", r->name);
	is_num(g.phi, r->phi, REL_FIT, name);
	snprintf(name, sizeof name, "%s: nugget", r->name);
	is_num(g.nugget, r->nugget, REL_FIT, name);
	for (size_t j = 0; j < r->p; j++) {
		double tol = REL_FIT * fmax(fabs(r->b[j]), r->se[j]);

		snprintf(name, sizeof name, "%s: b[%zu] with phi, nugget found", r->name, j);
		ok(fabs(g.b[j] - r->b[j]) <= tol, name);
		snprintf(name, sizeof name, "%s: se[%zu] with phi, nugget found", r->name, j);
		is_num(g.se[j], r->se[j], REL_FIT, name);
		snprintf(name, sizeof name, "%s: p[%zu] with phi, nugget found", r->name, j);
		is_num(g.p_val[j], r->p_val[j], REL_FIT, name);
	}
	ease_gls_ar1n_at(r->x, r->y, r->day, NULL, r->n, r->p, r->phi, r->nugget,
			 r->method, &g);
	sigma = r->method == EASE_GLS_ML ?
		g.sigma * sqrt(g.df / (double)r->n) : g.sigma;
	snprintf(name, sizeof name, "%s: sigma", r->name);
	is_num(sigma, r->sigma, REL, name);
	for (size_t j = 0; j < r->p; j++) {
		snprintf(name, sizeof name, "%s: b[%zu]", r->name, j);
		is_num(g.b[j], r->b[j], REL, name);
		snprintf(name, sizeof name, "%s: se[%zu]", r->name, j);
		is_num(g.se[j], r->se[j], REL, name);
		snprintf(name, sizeof name, "%s: p[%zu]", r->name, j);
		is_num(g.p_val[j], r->p_val[j], REL, name);
	}
}

int
main(void)
{
	static const ref_gls *const refs[] = {
		&GA_REML, &GA_ML, &GB_REML, &GB_ML, &GC_REML
	};
	ease_gls g;
	double x[12], y[6];
	long day[6];

	for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
		check(refs[i]);
	test_its();
	check_noise(&NA_REML);
	check_noise(&NA_ML);
	check_ols(&GA_REML, GA_REML_OLS_B, GA_REML_OLS_SE);
	check_ols(&GB_REML, GB_REML_OLS_B, GB_REML_OLS_SE);

	/* a column of zeros is not identified: no fit, not a wrong one */
	for (int i = 0; i < 6; i++) {
		x[2 * i] = 1;
		x[2 * i + 1] = 0;
		y[i] = i % 3;
		day[i] = i;
	}
	ok(!ease_gls_ar1(x, y, day, NULL, 6, 2, EASE_GLS_REML, &g), "zero column: no fit");
	ok(isnan(g.b[0]) && isnan(g.se[1]), "zero column: estimates NaN");
	/* fewer days than columns + 2 */
	ok(!ease_gls_ar1(x, y, day, NULL, 3, 2, EASE_GLS_REML, &g), "3 days, 2 columns: no fit");
	/* phi fixed at 0 is ordinary least squares: mean of 0 1 2 0 1 2 */
	for (int i = 0; i < 6; i++)
		x[i] = 1;
	ease_gls_ar1_at(x, y, day, NULL, 6, 1, 0, EASE_GLS_REML, &g);
	is_num(g.b[0], 1, 1e-12, "phi 0: the mean");
	is_num(g.se[0], sqrt(0.8 / 6), 1e-12, "phi 0: sd / sqrt(n)");
	return tap_done();
}

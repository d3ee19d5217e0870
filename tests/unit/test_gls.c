/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of lib/gls.c against R nlme::gls with corAR1: the data and
 * the expected values are in ref_gls.h, written by `Rscript tests/ref/gls.R`.
 */
#include "ease/gls.h"
#include "ease/hyptest.h"

#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
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
 * ease_ols_ar1 sums R X in two passes: its covariance must be the one of
 * the pairwise sum sigma^2 (X'X)^-1 X'RX (X'X)^-1, R_ij = phi^|d_i - d_j|
 * within blocks, here with gaps, two blocks and a negative phi too.
 */
static void
ols_pairwise(double phi)
{
	enum { N = 40, P = 3 };
	double x[N * P], y[N], xtx[P * P], a[P * P], m[P * P], cov;
	long day[N], blk[N], d = 0;
	ease_gls g, o;
	char name[120];
	int worst = 1;

	for (int i = 0; i < N; i++) {
		blk[i] = i < 25 ? 0 : 1;
		d = i == 25 ? 3 : d + 1 + (i % 7 == 3) + 3 * (i % 11 == 5);
		day[i] = d;
		x[i * P] = blk[i] == 0;
		x[i * P + 1] = blk[i] == 1;
		x[i * P + 2] = (i % 25) >= 12;
		y[i] = (double)((i * 7) % 5) + 0.5 * x[i * P + 2];
	}
	memset(&g, 0, sizeof g);
	ease_gls_ar1_at(x, y, day, blk, N, P, phi, EASE_GLS_REML, &g);
	ok(ease_ols_ar1(x, y, day, blk, N, P, &g, &o), "pairwise: fits");
	for (int i = 0; i < P; i++)
		for (int j = 0; j < P; j++) {
			double v = 0, w = 0;

			for (int k = 0; k < N; k++)
				v += x[k * P + i] * x[k * P + j];
			for (int k = 0; k < N; k++)
				for (int l = 0; l < N; l++)
					if (blk[k] == blk[l])
						w += x[k * P + i] * x[l * P + j] *
						     pow(phi, (double)labs(day[k] - day[l]));
			xtx[i * P + j] = v;
			m[i * P + j] = w;
		}
	{
		gsl_matrix_view xv = gsl_matrix_view_array(xtx, P, P);
		gsl_matrix_view av = gsl_matrix_view_array(a, P, P);
		gsl_permutation *perm = gsl_permutation_alloc(P);
		int sg;

		gsl_linalg_LU_decomp(&xv.matrix, perm, &sg);
		gsl_linalg_LU_invert(&xv.matrix, perm, &av.matrix);
		gsl_permutation_free(perm);
	}
	for (int i = 0; i < P; i++) {
		cov = 0;
		for (int k = 0; k < P; k++)
			for (int l = 0; l < P; l++)
				cov += a[i * P + k] * m[k * P + l] * a[l * P + i];
		cov *= g.sigma * g.sigma;
		if (fabs(o.se[i] - sqrt(cov)) > 1e-12 * sqrt(cov))
			worst = 0;
		snprintf(name, sizeof name, "pairwise phi %g: se[%d]", phi, i);
		is_num(o.se[i], sqrt(cov), 1e-12, name);
	}
	ok(worst, "pairwise: every se to 1e-12");
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
	ols_pairwise(0.6);
	ols_pairwise(-0.45);

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

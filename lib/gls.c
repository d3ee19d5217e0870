/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/gls.h"
#include "ease/err.h"
#include "ease/stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_min.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* |phi| stays below this: at 1 the correlation matrix is singular. */
#define PHI_MAX 0.9999

typedef struct work {
	const double *x, *y;
	const long *day, *block;
	size_t n, p;
	int method;
	double nug;		/* the share of the variance that is day noise */
	double hint;		/* best_phi(): where to start */
	gsl_matrix *qr;
	gsl_vector *tau, *ys, *b, *res;
	int exact;		/* some fit left residuals of rounding size only */
} work;

/* phi^g for a whole gap g >= 1, also for negative phi. */
static double
phi_pow(double phi, long g)
{
	return g == 1 ? phi : pow(phi, (double)g);
}

/*
 * With day noise (W->nug > 0) the correlation of days d != d' is
 * (1 - nug) phi^|d - d'|, no longer a Markov chain in the observations, and
 * the whitening is the Kalman filter's: the latent AR(1) state is predicted
 * from the days before (over a gap of g days its mean shrinks by phi^g and
 * its variance returns towards 1 - nug), each day minus its prediction over
 * the innovation's SD is the row of the inverse Cholesky factor applied to
 * the data, and the log-determinant is the sum of the innovations' log
 * variances.  One filter serves X's columns and Y, whose gains are the
 * same.  Without day noise it is the transform of whiten_ar1().  Returns
 * the log-determinant.
 */
static double
whiten_noise(work *w, double phi)
{
	size_t n = w->n, p = w->p;
	double m[EASE_GLS_MAXP + 1], pf = 0, logdet = 0;

	for (size_t i = 0; i < n; i++) {
		int first = i == 0 || (w->block && w->block[i] != w->block[i - 1]);
		double a = first ? 0 : phi_pow(phi, w->day[i] - w->day[i - 1]);
		double pp = a * a * pf + (1 - w->nug) * (1 - a * a);
		double f = pp + w->nug, s = 1 / sqrt(f), k = pp / f;

		double *row = w->qr->data + i * w->qr->tda;

		for (size_t j = 0; j <= p; j++) {
			double z = j < p ? w->x[i * p + j] : w->y[i];
			double v = z - (first ? 0 : a * m[j]);

			if (j < p)
				row[j] = s * v;
			else
				gsl_vector_set(w->ys, i, s * v);
			m[j] = (first ? 0 : a * m[j]) + k * v;
		}
		pf = pp * w->nug / f;
		logdet += log(f);
	}
	return logdet;
}

/*
 * The AR(1) transform into W (Prais-Winsten with gaps, lib/gls.h); returns
 * the log-determinant.
 */
static double
whiten_ar1(work *w, double phi)
{
	size_t n = w->n, p = w->p;
	double logdet = 0;

	for (size_t i = 0; i < n; i++) {
		int first = i == 0 || (w->block && w->block[i] != w->block[i - 1]);
		double a = 0, s = 1;

		if (!first) {
			double r = phi_pow(phi, w->day[i] - w->day[i - 1]);

			a = r;
			s = 1 / sqrt(1 - r * r);
			logdet += log1p(-r * r);
		}
		double *row = w->qr->data + i * w->qr->tda;

		for (size_t j = 0; j < p; j++)
			row[j] = s * (w->x[i * p + j] - (first ? 0 : a * w->x[(i - 1) * p + j]));
		gsl_vector_set(w->ys, i, s * (w->y[i] - (first ? 0 : a * w->y[i - 1])));
	}
	return logdet;
}

/*
 * Transforms X and Y by the inverse Cholesky factor of the correlation at
 * PHI (and W->nug) into W, factors X* = QR and solves; returns the
 * criterion to maximise (the profiled log-likelihood less constants), or
 * -HUGE_VAL when X* is not of full rank.
 */
static double
crit(work *w, double phi)
{
	size_t n = w->n, p = w->p;
	double logdet, rss = 0, logr = 0;

	logdet = w->nug > 0 ? whiten_noise(w, phi) : whiten_ar1(w, phi);
	{
		double cn[EASE_GLS_MAXP] = { 0 };

		/* row by row (the matrix's order), each column's sum in the same order */
		for (size_t i = 0; i < n; i++) {
			const double *row = w->qr->data + i * w->qr->tda;

			for (size_t j = 0; j < p; j++)
				cn[j] += row[j] * row[j];
		}
		for (size_t j = 0; j < p; j++)
			cn[j] = sqrt(cn[j]);
		if (gsl_linalg_QR_decomp(w->qr, w->tau) != 0)
			return -HUGE_VAL;
		for (size_t j = 0; j < p; j++) {
			double r = fabs(gsl_matrix_get(w->qr, j, j));

			/* a column that the others (nearly) make: not identified */
			if (!(r > 1e-10 * cn[j]) || cn[j] == 0)
				return -HUGE_VAL;
			logr += log(r);
		}
	}
	if (gsl_linalg_QR_lssolve(w->qr, w->tau, w->ys, w->b, w->res) != 0)
		return -HUGE_VAL;
	double yy = 0;

	for (size_t i = 0; i < n; i++) {
		double r = w->res->data[i * w->res->stride], v = w->ys->data[i * w->ys->stride];

		rss += r * r;
		yy += v * v;
	}
	/*
	 * Residuals of rounding size (the days on the model's lines): no
	 * error to estimate a variance from; a fit here would give standard
	 * errors, and p-values, made of rounding error.
	 */
	if (!(rss > 1e-24 * yy)) {
		w->exact = 1;
		return -HUGE_VAL;
	}
	if (w->method == EASE_GLS_ML)
		return -0.5 * (double)n * log(rss) - 0.5 * logdet;
	/* REML: the determinant of X*'X* = R'R is part of the criterion */
	return -0.5 * (double)(n - p) * log(rss) - 0.5 * logdet - logr;
}

static double
neg_crit(double phi, void *ctx)
{
	double c = crit(ctx, phi);

	return isfinite(c) ? -c : HUGE_VAL;
}

/* The estimates at PHI, from the factorisation crit() leaves in W. */
static void
finish(work *w, double phi, double c, ease_gls *out)
{
	size_t n = w->n, p = w->p;
	double rss = 0, ri[EASE_GLS_MAXP * EASE_GLS_MAXP], q;

	for (size_t i = 0; i < n; i++)
		rss += w->res->data[i * w->res->stride] * w->res->data[i * w->res->stride];
	out->phi = phi;
	out->nugget = w->nug;
	out->loglik = c;
	out->df = (double)(n - p);
	out->sigma = sqrt(rss / out->df);
	/* (X*'X*)^-1 = R^-1 R^-T */
	memset(ri, 0, sizeof ri);
	for (size_t jj = p; jj-- > 0;) {
		ri[jj * p + jj] = 1 / gsl_matrix_get(w->qr, jj, jj);
		for (size_t ii = jj; ii-- > 0;) {
			double s = 0;

			for (size_t k = ii + 1; k <= jj; k++)
				s += gsl_matrix_get(w->qr, ii, k) * ri[k * p + jj];
			ri[ii * p + jj] = -s / gsl_matrix_get(w->qr, ii, ii);
		}
	}
	q = gsl_cdf_tdist_Pinv(0.975, out->df);
	for (size_t a = 0; a < p; a++) {
		for (size_t b = 0; b < p; b++) {
			double s = 0;

			for (size_t k = (a > b ? a : b); k < p; k++)
				s += ri[a * p + k] * ri[b * p + k];
			out->cov[a * p + b] = s * out->sigma * out->sigma;
		}
		out->b[a] = gsl_vector_get(w->b, a);
		out->se[a] = sqrt(out->cov[a * p + a]);
		out->t[a] = out->b[a] / out->se[a];
		out->p_val[a] = ease_t_p2(out->t[a], out->df);
		out->ci_lo[a] = out->b[a] - q * out->se[a];
		out->ci_hi[a] = out->b[a] + q * out->se[a];
	}
	out->ok = 1;
}

static int
setup(work *w, const double *x, const double *y, const long *day,
      const long *block, size_t n, size_t p, int method, ease_gls *out)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	out->p = p;
	out->method = method;
	out->phi = out->sigma = out->df = out->loglik = NAN;
	out->nugget = 0;
	for (size_t j = 0; j < EASE_GLS_MAXP; j++)
		out->b[j] = out->se[j] = out->t[j] = out->p_val[j] =
			out->ci_lo[j] = out->ci_hi[j] = NAN;
	if (p == 0 || p > EASE_GLS_MAXP || n <= p + 1)
		return 0;
	gsl_set_error_handler_off();
	w->x = x;
	w->y = y;
	w->day = day;
	w->block = block;
	w->n = n;
	w->p = p;
	w->method = method;
	w->nug = w->hint = 0;
	w->exact = 0;
	w->qr = gsl_matrix_alloc(n, p);
	w->tau = gsl_vector_alloc(p);
	w->ys = gsl_vector_alloc(n);
	w->b = gsl_vector_alloc(p);
	w->res = gsl_vector_alloc(n);
	if (!w->qr || !w->tau || !w->ys || !w->b || !w->res)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	return 1;
}

static void
release(work *w, ease_gls *out)
{
	/* an exact fit's coefficients are those of any phi: the last solve's */
	if (!out->ok && w->exact) {
		out->exact = 1;
		for (size_t j = 0; j < w->p; j++)
			out->b[j] = gsl_vector_get(w->b, j);
	}
	gsl_matrix_free(w->qr);
	gsl_vector_free(w->tau);
	gsl_vector_free(w->ys);
	gsl_vector_free(w->b);
	gsl_vector_free(w->res);
}

int
ease_gls_ar1_at(const double *x, const double *y, const long *day,
		const long *block, size_t n, size_t p, double phi, int method,
		ease_gls *out)
{
	return ease_gls_ar1n_at(x, y, day, block, n, p, phi, 0, method, out);
}

int
ease_gls_ar1n_at(const double *x, const double *y, const long *day,
		 const long *block, size_t n, size_t p, double phi, double nugget,
		 int method, ease_gls *out)
{
	work w;
	double c;

	if (!setup(&w, x, y, day, block, n, p, method, out))
		return 0;
	w.nug = nugget;
	c = crit(&w, phi);
	if (isfinite(c))
		finish(&w, phi, c, out);
	release(&w, out);
	return out->ok;
}

/*
 * The profile is searched on a grid of steps of 0.01 first, then refined by
 * Brent's method around the best point: the (RE)ML profile of an AR(1) is
 * smooth and almost always unimodal, and the grid keeps a second local
 * maximum from capturing the search.
 */
int
ease_gls_ar1(const double *x, const double *y, const long *day,
	     const long *block, size_t n, size_t p, int method, ease_gls *out)
{
	work w;
	double best = 0, bc = -HUGE_VAL, lo, hi, c;
	gsl_min_fminimizer *m;
	gsl_function f;

	if (!setup(&w, x, y, day, block, n, p, method, out))
		return 0;
	for (int k = -99; k <= 99; k++) {
		double ph = k / 100.0;

		c = crit(&w, ph);
		if (c > bc) {
			bc = c;
			best = ph;
		}
	}
	if (!isfinite(bc)) {
		release(&w, out);
		return 0;
	}
	lo = best - 0.01 > -PHI_MAX ? best - 0.01 : -PHI_MAX;
	hi = best + 0.01 < PHI_MAX ? best + 0.01 : PHI_MAX;
	f.function = neg_crit;
	f.params = &w;
	m = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	if (m == NULL)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	/* Brent needs the middle below both ends; at an end the end is the answer */
	if (neg_crit(best, &w) < neg_crit(lo, &w) && neg_crit(best, &w) < neg_crit(hi, &w) &&
	    gsl_min_fminimizer_set(m, &f, best, lo, hi) == GSL_SUCCESS) {
		for (int it = 0; it < 200; it++) {
			if (gsl_min_fminimizer_iterate(m) != GSL_SUCCESS)
				break;
			if (gsl_min_test_interval(gsl_min_fminimizer_x_lower(m),
						  gsl_min_fminimizer_x_upper(m),
						  1e-12, 0) == GSL_SUCCESS)
				break;
		}
		best = gsl_min_fminimizer_x_minimum(m);
	} else {
		/* the maximum is at the edge of (-1, 1), or flat: the best of the three */
		if (neg_crit(lo, &w) < neg_crit(best, &w))
			best = lo;
		if (neg_crit(hi, &w) < neg_crit(best, &w))
			best = hi;
	}
	gsl_min_fminimizer_free(m);
	c = crit(&w, best);
	if (isfinite(c))
		finish(&w, best, c, out);
	release(&w, out);
	return out->ok;
}

int
ease_ols_ar1(const double *x, const double *y, const long *day,
	     const long *block, size_t n, size_t p, const ease_gls *g,
	     ease_gls *out)
{
	work w;
	double *rx, ri[EASE_GLS_MAXP * EASE_GLS_MAXP], a[EASE_GLS_MAXP * EASE_GLS_MAXP];
	double m[EASE_GLS_MAXP * EASE_GLS_MAXP], s2, q;

	if (!g->ok || !setup(&w, x, y, day, block, n, p, g->method, out))
		return 0;
	/* at phi 0 the transform is the identity, and W holds X = QR */
	if (!isfinite(crit(&w, 0))) {
		release(&w, out);
		return 0;
	}
	memset(ri, 0, sizeof ri);
	for (size_t jj = p; jj-- > 0;) {
		ri[jj * p + jj] = 1 / gsl_matrix_get(w.qr, jj, jj);
		for (size_t ii = jj; ii-- > 0;) {
			double v = 0;

			for (size_t k = ii + 1; k <= jj; k++)
				v += gsl_matrix_get(w.qr, ii, k) * ri[k * p + jj];
			ri[ii * p + jj] = -v / gsl_matrix_get(w.qr, ii, ii);
		}
	}
	/* A = (X'X)^-1 = R^-1 R^-T */
	for (size_t i = 0; i < p; i++)
		for (size_t j = 0; j < p; j++) {
			double v = 0;

			for (size_t k = (i > j ? i : j); k < p; k++)
				v += ri[i * p + k] * ri[j * p + k];
			a[i * p + j] = v;
		}
	/*
	 * M = X' R X, blocks independent.  Days rise within a block, so
	 * (R X)_i = sum_j phi^|d_i - d_j| x_j is a sum over the days up to i
	 * and one over the days from i, each a running sum decayed by phi^gap
	 * from one day to the next: two passes, not one term per pair of
	 * days (which made a long diary's split take hours).
	 */
	rx = ease_xcalloc(n * p + 1, sizeof *rx);
	{
		double *run = ease_xcalloc(p + 1, sizeof *run);

		for (size_t i = 0; i < n; i++) {
			double r = 0;

			if (i > 0 && !(block && block[i] != block[i - 1]))
				r = phi_pow(g->phi, day[i] - day[i - 1]);
			for (size_t c = 0; c < p; c++) {
				run[c] = x[i * p + c] + r * run[c];
				rx[i * p + c] = run[c];
			}
		}
		memset(run, 0, (p + 1) * sizeof *run);
		for (size_t i = n; i-- > 0;) {
			double r = 0;

			if (i + 1 < n && !(block && block[i] != block[i + 1]))
				r = phi_pow(g->phi, day[i + 1] - day[i]);
			for (size_t c = 0; c < p; c++) {
				/* x_i is in both sums: the second adds only what is after i */
				rx[i * p + c] += r * run[c];
				run[c] = x[i * p + c] + r * run[c];
			}
		}
		free(run);
	}
	for (size_t c = 0; c < p; c++)
		for (size_t e = 0; e < p; e++) {
			double v = 0;

			for (size_t i = 0; i < n; i++)
				v += x[i * p + c] * rx[i * p + e];
			m[c * p + e] = v;
		}
	free(rx);
	s2 = g->sigma * g->sigma;
	out->phi = g->phi;
	out->sigma = g->sigma;
	out->loglik = g->loglik;
	out->df = (double)(n - p);
	q = gsl_cdf_tdist_Pinv(0.975, out->df);
	for (size_t i = 0; i < p; i++) {
		for (size_t j = 0; j < p; j++) {
			double v = 0;

			for (size_t k = 0; k < p; k++)
				for (size_t l = 0; l < p; l++)
					v += a[i * p + k] * m[k * p + l] * a[l * p + j];
			out->cov[i * p + j] = s2 * v;
		}
		out->b[i] = gsl_vector_get(w.b, i);
		out->se[i] = sqrt(out->cov[i * p + i]);
		out->t[i] = out->b[i] / out->se[i];
		out->p_val[i] = ease_t_p2(out->t[i], out->df);
		out->ci_lo[i] = out->b[i] - q * out->se[i];
		out->ci_hi[i] = out->b[i] + q * out->se[i];
	}
	out->ok = 1;
	release(&w, out);
	return 1;
}

/*
 * The minimum of F over [LO, HI] near BEST: by Brent's method to TOL when
 * BEST is inside and below both ends, else the best of the three.  *FX
 * gets F there.
 */
static double
brent_max(double (*f)(double, void *), void *ctx, double best, double lo,
	  double hi, double tol, double *fx)
{
	gsl_min_fminimizer *m = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	gsl_function g;
	double fb = f(best, ctx), fl = f(lo, ctx), fh = f(hi, ctx);

	if (m == NULL)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	g.function = f;
	g.params = ctx;
	if (fb < fl && fb < fh && gsl_min_fminimizer_set_with_values(m, &g, best, fb, lo, fl, hi, fh) == GSL_SUCCESS) {
		double width = hi - lo;
		int still = 0;

		/* Brent's steps stop shrinking near sqrt(DBL_EPSILON) of x */
		for (int it = 0; it < 200 && still < 3; it++) {
			double wd;

			if (gsl_min_fminimizer_iterate(m) != GSL_SUCCESS)
				break;
			wd = gsl_min_fminimizer_x_upper(m) - gsl_min_fminimizer_x_lower(m);
			if (wd < tol)
				break;
			still = wd < width ? 0 : still + 1;
			width = wd < width ? wd : width;
		}
		best = gsl_min_fminimizer_x_minimum(m);
		fb = gsl_min_fminimizer_f_minimum(m);
	} else {
		if (fl < fb) {
			best = lo;
			fb = fl;
		}
		if (fh < fb) {
			best = hi;
			fb = fh;
		}
	}
	gsl_min_fminimizer_free(m);
	*fx = fb;
	return best;
}

/*
 * The minimum of F (a criterion's negative, as GSL minimises) over [LO, HI]
 * from START: steps of STEP downhill while F improves, then Brent's method
 * (to TOL) between the steps around the best.  *FX gets F there.
 */
static double
climb(double (*f)(double, void *), void *ctx, double start, double step,
      double lo, double hi, double tol, double *fx)
{
	double a = start, fa = f(a, ctx);

	for (int dir = 1; dir >= -1; dir -= 2) {
		int moved = 0;

		for (;;) {
			double b = a + dir * step, fb;

			if (b < lo || b > hi)
				break;
			fb = f(b, ctx);
			if (!(fb < fa))
				break;
			a = b;
			fa = fb;
			moved = 1;
		}
		if (moved)
			break;
	}
	/*
	 * At an end of [LO, HI] the minimum may still lie within the first
	 * step: halve towards the inside until a point beats the end; the
	 * point before it (no better than the end) closes the bracket.
	 */
	if (a == lo || a == hi) {
		double dir = a == lo ? 1 : -1, d = step;

		while (d > tol) {
			double b = a + dir * d / 2, fb = f(b, ctx);

			if (fb < fa)
				return brent_max(f, ctx, b, dir > 0 ? a : a - d,
						 dir > 0 ? a + d : a, tol, fx);
			d /= 2;
		}
		*fx = fa;
		return a;
	}
	return brent_max(f, ctx, a, a - step > lo ? a - step : lo,
			 a + step < hi ? a + step : hi, tol, fx);
}

/*
 * The most likely phi in [0, PHI_MAX] at W->nug, climbing from W->hint;
 * -criterion into *FX.  The answer is the next search's hint: along the
 * ridge of the likelihood phi moves little with the nugget.
 */
static double
best_phi(work *w, double *fx)
{
	w->hint = climb(neg_crit, w, w->hint, 0.02, 0, PHI_MAX, 1e-10, fx);
	return w->hint;
}

/* -(the criterion at NUG, phi profiled out), for Brent over the nugget */
static double
neg_profile(double nug, void *ctx)
{
	work *w = ctx;
	double fx;

	w->nug = nug;
	best_phi(w, &fx);
	return fx;
}

#define NUG_MAX 0.999

/*
 * (nugget, phi) on a grid of steps of 0.05 first, then a climb over the
 * nugget from the best point, phi profiled out at each nugget (see
 * best_phi()): the grid keeps a second local maximum from capturing the
 * search.
 */
int
ease_gls_ar1n(const double *x, const double *y, const long *day,
	      const long *block, size_t n, size_t p, int method, ease_gls *out)
{
	work w;
	double best = 0, bphi = 0, fb = HUGE_VAL, phi, c, fx;

	if (!setup(&w, x, y, day, block, n, p, method, out))
		return 0;
	for (int k = 0; k < 20; k++)
		for (int j = 0; j <= 20; j++) {
			double ph = j < 20 ? j / 20.0 : PHI_MAX, v;

			w.nug = k / 20.0;
			v = neg_crit(ph, &w);
			if (v < fb) {
				fb = v;
				best = w.nug;
				bphi = ph;
			}
		}
	if (!isfinite(fb)) {
		release(&w, out);
		return 0;
	}
	w.hint = bphi;
	best = climb(neg_profile, &w, best, 0.02, 0, NUG_MAX, 1e-10, &fx);
	w.nug = best;
	phi = best_phi(&w, &fx);
	c = crit(&w, phi);
	if (isfinite(c))
		finish(&w, phi, c, out);
	release(&w, out);
	return out->ok;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Before-and-after tests and effect sizes.  The definitions are those of R
 * (t.test, wilcox.test, kruskal.test, p.adjust, lm), SingleCaseES (NAP,
 * Tau_U) and statsmodels (HAC); the header says which, and
 * tests/ref/hyptest.R and tests/ref/hyptest.py recompute every figure.
 */
#include "ease/hyptest.h"
#include "ease/gls.h"
#include "ease/err.h"
#include "ease/stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_sf_gamma.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Two-sided normal p: erfc keeps full relative precision far in the tail. */
static double
p_normal(double z)
{
	return erfc(fabs(z) / sqrt(2.0));
}

/* Mean and sample variance in two passes: no cancellation on large levels. */
static void
mean_var(const double *v, size_t n, double *mean, double *var)
{
	double m = 0, ss = 0;

	for (size_t i = 0; i < n; i++)
		m += v[i];
	m = n > 0 ? m / (double)n : NAN;
	for (size_t i = 0; i < n; i++)
		ss += (v[i] - m) * (v[i] - m);
	*mean = m;
	*var = n > 1 ? ss / (double)(n - 1) : NAN;
}

static void
ttest_clear(ease_ttest *out)
{
	out->n_x = out->n_y = 0;
	out->mean_x = out->mean_y = out->diff = NAN;
	out->ci_lo = out->ci_hi = out->t = out->df = out->p = NAN;
	out->se = out->se2_x = out->se2_y = out->effect = NAN;
}

/*
 * R's t.test refuses a standard error that is rounding noise against the
 * means (10 eps of the larger); a t from it would be arbitrary.
 */
static int
se_usable(double se, double m1, double m2)
{
	return se > 10 * DBL_EPSILON * fmax(fabs(m1), fabs(m2)) && isfinite(se);
}

static void
t_finish(ease_ttest *out)
{
	double q;

	out->t = out->diff / out->se;
	out->p = ease_t_p2(out->t, out->df);
	q = gsl_cdf_tdist_Qinv(0.025, out->df);
	out->ci_lo = out->diff - q * out->se;
	out->ci_hi = out->diff + q * out->se;
}

void
ease_ttest_one(const double *x, size_t n, ease_ttest *out)
{
	double m, v;

	gsl_set_error_handler_off();
	ttest_clear(out);
	out->kind = EASE_T_ONE;
	out->n_x = n;
	if (n == 0)
		return;
	mean_var(x, n, &m, &v);
	out->mean_x = out->diff = m;
	if (n < 2)
		return;
	out->se2_x = v / (double)n;
	out->se = sqrt(out->se2_x);
	/* an SD of rounding noise would make mean/sd as arbitrary as t */
	if (!se_usable(out->se, m, m))
		return;
	out->effect = m / sqrt(v);
	out->df = (double)n - 1;
	t_finish(out);
}

void
ease_ttest_paired(const double *x, const double *y, size_t n, ease_ttest *out)
{
	double *d, vx, vy, mx, my;

	if (n == 0) {
		ease_ttest_one(NULL, 0, out);
	} else {
		d = ease_xmalloc(n * sizeof *d);
		for (size_t i = 0; i < n; i++)
			d[i] = x[i] - y[i];
		ease_ttest_one(d, n, out);
		free(d);
		mean_var(x, n, &mx, &vx);
		mean_var(y, n, &my, &vy);
		out->mean_x = mx;
		out->mean_y = my;
	}
	out->kind = EASE_T_PAIRED;
	out->n_y = n;
}

/* Welch-Satterthwaite df from the variances of the two means, EX and EY. */
static double
welch_df(double ex, double ey, double nx, double ny)
{
	return (ex + ey) * (ex + ey) / (ex * ex / (nx - 1) + ey * ey / (ny - 1));
}

/*
 * Hedges' correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)).  The
 * Pochhammer symbol (a)_x = Gamma(a+x)/Gamma(a) keeps precision where two
 * large lgamma values would cancel.
 */
static double
hedges_j(double m)
{
	if (!(m >= 2))
		return NAN;
	return gsl_sf_poch((m - 1) / 2, 0.5) / sqrt(m / 2);
}

void
ease_ttest_welch(const double *x, size_t nx, const double *y, size_t ny,
		 ease_ttest *out)
{
	double vx, vy, ex, ey, m;

	gsl_set_error_handler_off();
	ttest_clear(out);
	out->kind = EASE_T_WELCH;
	out->n_x = nx;
	out->n_y = ny;
	if (nx == 0 || ny == 0)
		return;
	mean_var(x, nx, &out->mean_x, &vx);
	mean_var(y, ny, &out->mean_y, &vy);
	out->diff = out->mean_x - out->mean_y;

	/* Pooled SD for g takes one value on a side, as long as m >= 2. */
	m = (double)nx + (double)ny - 2;
	if (m >= 2) {
		double ss = (nx > 1 ? vx * (double)(nx - 1) : 0) +
			    (ny > 1 ? vy * (double)(ny - 1) : 0);
		double sp = sqrt(ss / m);

		if (sp > 0)
			out->effect = out->diff / sp * hedges_j(m);
	}

	if (nx < 2 || ny < 2)
		return;
	ex = out->se2_x = vx / (double)nx;
	ey = out->se2_y = vy / (double)ny;
	out->se = sqrt(ex + ey);
	if (!se_usable(out->se, out->mean_x, out->mean_y))
		return;
	out->df = welch_df(ex, ey, (double)nx, (double)ny);
	t_finish(out);
}

void
ease_ttest_adjust(const ease_ttest *t, double n_eff_x, double n_eff_y,
		  ease_tadj *out)
{
	double ex, ey, q;

	out->n_eff_x = n_eff_x;
	out->n_eff_y = n_eff_y;
	out->se = out->df = out->p = out->ci_lo = out->ci_hi = NAN;
	if (isnan(t->t) || !(n_eff_x > 1))
		return;
	/* the variance of a mean of n values that weigh as n_eff */
	ex = t->se2_x * (double)t->n_x / n_eff_x;
	if (t->kind != EASE_T_WELCH) {
		out->se = sqrt(ex);
		out->df = n_eff_x - 1;
	} else {
		if (!(n_eff_y > 1))
			return;
		ey = t->se2_y * (double)t->n_y / n_eff_y;
		out->se = sqrt(ex + ey);
		out->df = welch_df(ex, ey, n_eff_x, n_eff_y);
	}
	out->p = ease_t_p2(t->diff / out->se, out->df);
	/* the interval of the same model as p: it excludes 0 exactly when p < 0.05 */
	q = gsl_cdf_tdist_Qinv(0.025, out->df);
	out->ci_lo = t->diff - q * out->se;
	out->ci_hi = t->diff + q * out->se;
}

double
ease_ttest_p_adj(const ease_ttest *t, double n_eff_x, double n_eff_y)
{
	ease_tadj a;

	ease_ttest_adjust(t, n_eff_x, n_eff_y, &a);
	return a.p;
}

double
ease_ttest_p_at(const ease_ttest *t, double diff, size_t n_x, size_t n_y,
		double f_x, double f_y)
{
	ease_ttest u = *t;
	ease_tadj a;

	if (isnan(t->t) || n_x < 2 || (t->kind == EASE_T_WELCH && n_y < 2))
		return NAN;
	/* each value's variance as now: the variance of the mean is var / n */
	u.n_x = n_x;
	u.se2_x = t->se2_x * (double)t->n_x / (double)n_x;
	if (t->kind == EASE_T_WELCH) {
		u.n_y = n_y;
		u.se2_y = t->se2_y * (double)t->n_y / (double)n_y;
	}
	u.diff = diff;
	ease_ttest_adjust(&u, f_x * (double)n_x, f_y * (double)n_y, &a);
	return a.p;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Sum of t^3 - t over the runs of equal values of V (sorted in place): the
 * tie term of the rank tests' variances.  Zero means no ties.
 */
static double
tie_sum(double *v, size_t n)
{
	double s = 0;

	qsort(v, n, sizeof *v, cmp_double);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;

		while (j < n && v[j] == v[i])
			j++;
		s += ((double)(j - i) * (double)(j - i) - 1) * (double)(j - i);
		i = j;
	}
	return s;
}

/*
 * Two-sided exact p from counts F[0..K] of a statistic symmetric about K/2,
 * TOTAL in all, as R: the tail on the side of STAT, doubled, at most 1.
 * The tail is summed directly, never as 1 - the rest, so a small p keeps its
 * digits.
 */
static double
exact_p(const double *f, size_t k, double total, double stat)
{
	double tail = 0;
	size_t s = (size_t)stat;

	if (stat > (double)k / 2)
		for (size_t i = s; i <= k; i++)
			tail += f[i];
	else
		for (size_t i = 0; i <= s; i++)
			tail += f[i];
	return fmin(2 * tail / total, 1);
}

void
ease_signrank(const double *x, const double *y, size_t n, ease_ranktest *out)
{
	double *d, *ad, *rank, v = 0, ties;
	size_t m = 0;

	out->n = 0;
	out->stat = out->p = NAN;
	out->method = EASE_P_NONE;
	d = ease_xmalloc((3 * n + 1) * sizeof *d);
	ad = d + n;
	rank = ad + n;
	for (size_t i = 0; i < n; i++)
		if (x[i] - y[i] != 0)
			d[m++] = x[i] - y[i];	/* zeros carry no sign: dropped */
	for (size_t i = 0; i < m; i++)
		ad[i] = fabs(d[i]);
	ease_midranks(ad, m, rank);
	for (size_t i = 0; i < m; i++)
		if (d[i] > 0)
			v += rank[i];
	out->n = m;
	out->stat = v;
	ties = tie_sum(ad, m);

	if (m == 0) {
		/* nothing to rank: R's z is 0/0 */
	} else if (m < 50 && ties == 0 && m == n) {
		/* f[s] = subsets of {1..m} summing to s; 2^49 counts stay exact */
		size_t k = m * (m + 1) / 2;
		double *f = ease_xcalloc(k + 1, sizeof *f);

		f[0] = 1;
		for (size_t r = 1; r <= m; r++)
			for (size_t s = k; s >= r; s--)
				f[s] += f[s - r];
		out->p = exact_p(f, k, ldexp(1, (int)m), v);
		out->method = EASE_P_EXACT;
		free(f);
	} else {
		double md = (double)m;
		double z = v - md * (md + 1) / 4;
		double sigma = sqrt(md * (md + 1) * (2 * md + 1) / 24 - ties / 48);
		double corr = z > 0 ? 0.5 : z < 0 ? -0.5 : 0;

		if (sigma > 0) {
			out->p = p_normal((z - corr) / sigma);
			out->method = EASE_P_NORMAL;
		}
	}
	free(d);
}

/*
 * Counts of the Mann-Whitney U over all ways to pick NX of the ranks
 * 1..NX+NY, into F[0..NX*NY].  Rank N joining as the s-th pick raises U by
 * the N - s unpicked ranks below it.  Only additions: no cancellation, and
 * a table of (nx+1) (nx ny+1) doubles rather than R's memo of every (m, n).
 */
static double *
ranksum_counts(size_t nx, size_t ny)
{
	size_t k = nx * ny, w = k + 1;
	double *f = ease_xcalloc((nx + 1) * w, sizeof *f);

	f[0] = 1;
	for (size_t N = 1; N <= nx + ny; N++) {
		size_t top = N < nx ? N : nx;

		for (size_t s = top; s >= 1; s--) {
			size_t up = N - s;	/* unpicked ranks below N */
			double *to = f + s * w, *from = f + (s - 1) * w;

			if (up > ny)
				continue;
			for (size_t u = k - up + 1; u-- > 0;)
				to[u + up] += from[u];
		}
	}
	return f;
}

void
ease_ranksum(const double *x, size_t nx, const double *y, size_t ny,
	     ease_ranktest *out)
{
	size_t n = nx + ny;
	double *all, *rank, w = 0, ties, dx = (double)nx, dy = (double)ny;

	out->n = n;
	out->stat = out->p = NAN;
	out->method = EASE_P_NONE;
	if (nx == 0 || ny == 0)
		return;
	all = ease_xmalloc(2 * n * sizeof *all);
	rank = all + n;
	memcpy(all, x, nx * sizeof *all);
	memcpy(all + nx, y, ny * sizeof *all);
	ease_midranks(all, n, rank);
	for (size_t i = 0; i < nx; i++)
		w += rank[i];
	w -= dx * (dx + 1) / 2;
	out->stat = w;
	ties = tie_sum(all, n);

	if (nx < 50 && ny < 50 && ties == 0) {
		double *f = ranksum_counts(nx, ny), *u = f + nx * (nx * ny + 1);

		double total = 0;

		for (size_t i = 0; i <= nx * ny; i++)
			total += u[i];
		out->p = exact_p(u, nx * ny, total, w);
		out->method = EASE_P_EXACT;
		free(f);
	} else {
		double dn = (double)n;
		double z = w - dx * dy / 2;
		double sigma = sqrt(dx * dy / 12 *
				    ((dn + 1) - ties / (dn * (dn - 1))));
		double corr = z > 0 ? 0.5 : z < 0 ? -0.5 : 0;

		/* sigma is 0 when every value ties: no test */
		if (sigma > 0) {
			out->p = p_normal((z - corr) / sigma);
			out->method = EASE_P_NORMAL;
		}
	}
	free(all);
}

void
ease_kruskal_test(const double *v, const size_t *size, size_t ngroups,
		  ease_kruskal *out)
{
	size_t n = 0, k = 0, at = 0;
	double *all, *rank, h = 0, dn, ties;

	gsl_set_error_handler_off();
	out->n = out->k = 0;
	out->h = out->df = out->p = NAN;
	for (size_t g = 0; g < ngroups; g++) {
		n += size[g];
		k += size[g] > 0;
	}
	out->n = n;
	out->k = k;
	if (k < 2)
		return;
	all = ease_xmalloc(2 * n * sizeof *all);
	rank = all + n;
	memcpy(all, v, n * sizeof *all);	/* the tie count sorts it */
	ease_midranks(all, n, rank);
	for (size_t g = 0; g < ngroups; g++) {
		double r = 0;

		for (size_t i = 0; i < size[g]; i++)
			r += rank[at + i];
		if (size[g] > 0)
			h += r * r / (double)size[g];
		at += size[g];
	}
	dn = (double)n;
	ties = tie_sum(all, n);
	free(all);
	h = (12 * h / (dn * (dn + 1)) - 3 * (dn + 1)) / (1 - ties / (dn * dn * dn - dn));
	out->df = (double)k - 1;
	/* all values tied: R's 0/0; a tiny negative H is rounding of 0 */
	if (!isfinite(h))
		return;
	out->h = fmax(h, 0);
	out->p = gsl_cdf_chisq_Q(out->h, out->df);
}

typedef struct pidx {
	double p;
	size_t i;
} pidx;

static int
cmp_pidx(const void *a, const void *b)
{
	const pidx *x = a, *y = b;

	if (x->p != y->p)
		return (x->p > y->p) - (x->p < y->p);
	return (x->i > y->i) - (x->i < y->i);
}

void
ease_holm(const double *p, size_t n, double *adj)
{
	pidx *s = ease_xmalloc((n + 1) * sizeof *s);
	size_t m = 0;
	double run = 0;

	for (size_t i = 0; i < n; i++)
		if (!isnan(p[i]))
			s[m++] = (pidx){p[i], i};
	for (size_t i = 0; i < n; i++)
		adj[i] = NAN;
	qsort(s, m, sizeof *s, cmp_pidx);
	/* the i-th smallest times the tests left, never below the one before */
	for (size_t i = 0; i < m; i++) {
		run = fmax(run, (double)(m - i) * s[i].p);
		adj[s[i].i] = fmin(run, 1);
	}
	free(s);
}

/* +1, 0, -1 for B better than, tied with, worse than A. */
static int
better(double a, double b, int lower_better)
{
	int s = (b > a) - (b < a);

	return lower_better ? -s : s;
}

/*
 * Newcombe's (2006) method 5 equation for the interval of NAP: its roots
 * around the estimate are the bounds.
 */
typedef struct newcombe {
	double nap, mn, z2, h;
} newcombe;

static double
newcombe_f(const newcombe *c, double x)
{
	return c->mn * (c->nap - x) * (c->nap - x) * (2 - x) * (1 + x) -
	       c->z2 * x * (1 - x) * (2 + c->h + (1 + 2 * c->h) * x * (1 - x));
}

/*
 * Bisection to the last bit between LO and HI where the sign of f changes:
 * 60-odd halvings cost nothing here, and give the root to full precision
 * where R's uniroot stops at its default 1e-4.
 */
static double
bisect(const newcombe *c, double lo, double hi)
{
	double flo = newcombe_f(c, lo);

	for (int i = 0; i < 200; i++) {
		double mid = lo + (hi - lo) / 2, fm;

		if (mid <= lo || mid >= hi)
			break;
		fm = newcombe_f(c, mid);
		if (fm == 0)
			return mid;
		if ((fm > 0) == (flo > 0)) {
			lo = mid;
			flo = fm;
		} else
			hi = mid;
	}
	return lo + (hi - lo) / 2;
}

/*
 * A phase as "higher is better": negated when lower is better, which is
 * exact, and sorted for the counting below.
 */
static double *
oriented(const double *v, size_t n, int lower_better, int sort)
{
	double *c = ease_xmalloc((n + 1) * sizeof *c);

	for (size_t i = 0; i < n; i++)
		c[i] = lower_better ? -v[i] : v[i];
	if (sort)
		qsort(c, n, sizeof *c, cmp_double);
	return c;
}

/* Values of the sorted S[0..N-1] below V, and below or equal to V. */
static size_t
n_below(const double *s, size_t n, double v)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
n_below_eq(const double *s, size_t n, double v)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid] <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Pairs (A, B) where B is better, tied and worse, counted by binary search
 * in the sorted phases: O((na + nb) log) where the na nb pairs one by one
 * would take hours on a long --split.  Counts stay exact in doubles up to
 * 2^53 pairs.
 */
typedef struct pairs {
	double better, tied, worse;
} pairs;

static pairs
count_pairs(const double *sa, size_t na, const double *sb, size_t nb)
{
	pairs p = {0, 0, 0};

	for (size_t i = 0; i < na; i++) {
		size_t lo = n_below(sb, nb, sa[i]), le = n_below_eq(sb, nb, sa[i]);

		p.better += (double)(nb - le);
		p.tied += (double)(le - lo);
	}
	p.worse = (double)na * (double)nb - p.better - p.tied;
	return p;
}

void
ease_nap_ab(const double *a, size_t na, const double *b, size_t nb,
	    int lower_better, ease_nap *out)
{
	double m = (double)na, n = (double)nb, nap;
	double *sa, *sb;
	newcombe c;
	pairs pr;

	gsl_set_error_handler_off();
	out->nap = out->se = out->ci_lo = out->ci_hi = NAN;
	if (na == 0 || nb == 0)
		return;
	sa = oriented(a, na, lower_better, 1);
	sb = oriented(b, nb, lower_better, 1);
	/* Q[i][j] = 1, 1/2, 0 as B[j] beats, ties, loses to A[i]; NAP is its mean */
	pr = count_pairs(sa, na, sb, nb);
	nap = out->nap = (pr.better + pr.tied / 2) / (m * n);

	/*
	 * Sen (1967) / Mee (1990), SingleCaseES's default SE ("unbiased"): from
	 * the squared sums of Q - NAP over each row (one per A), each column
	 * (one per B) and each cell.  Centred, the sums do not cancel; and NAP
	 * is held 1/(2 m n) inside (0, 1) in the leading term, as SingleCaseES
	 * does, so complete non-overlap still has a positive SE.
	 */
	if (na > 1 && nb > 1) {
		double q1 = 0, q2 = 0, x2, tr, nt, v;

		for (size_t i = 0; i < na; i++) {
			size_t lo = n_below(sb, nb, sa[i]), le = n_below_eq(sb, nb, sa[i]);
			double row = (double)(nb - le) + (double)(le - lo) / 2 - n * nap;

			q1 += row * row;
		}
		for (size_t j = 0; j < nb; j++) {
			size_t lo = n_below(sa, na, sb[j]), le = n_below_eq(sa, na, sb[j]);
			double col = (double)lo + (double)(le - lo) / 2 - m * nap;

			q2 += col * col;
		}
		/* cells take three values only */
		x2 = pr.better * (1 - nap) * (1 - nap) +
		     pr.tied * (0.5 - nap) * (0.5 - nap) + pr.worse * nap * nap;
		q1 /= m * n * n;
		q2 /= m * m * n;
		x2 /= m * n;
		tr = 0.5 / (m * n);
		nt = fmin(fmax(nap, tr), 1 - tr);
		v = (nt * (1 - nt) + n * q1 + m * q2 - 2 * x2) / ((m - 1) * (n - 1));
		/* the estimator can be negative in small samples: no SE then */
		out->se = v >= 0 ? sqrt(v) : NAN;
	}
	free(sa);
	free(sb);

	c.nap = out->nap;
	c.mn = m * n;
	c.z2 = gsl_cdf_ugaussian_Qinv(0.025);
	c.z2 *= c.z2;
	c.h = (m + n) / 2 - 1;
	/*
	 * At NAP = 0 or 1, f has a root at the estimate itself (the factor
	 * (NAP - x)^2 times (1 - x) or x); the bound is the other root, inside
	 * (0, 1).  SingleCaseES's uniroot stops at the endpoint there and
	 * reports [1, 1] or [0, 0]; the interval of the method is this one.
	 */
	if (c.nap <= 0) {
		out->ci_lo = 0;
		out->ci_hi = bisect(&c, 0.5 * DBL_EPSILON, 1);
	} else if (c.nap >= 1) {
		out->ci_lo = bisect(&c, 0, 1 - 0.5 * DBL_EPSILON);
		out->ci_hi = 1;
	} else {
		out->ci_lo = bisect(&c, 0, c.nap);
		out->ci_hi = bisect(&c, c.nap, 1);
	}
}

double
ease_nap_paired(const double *x, const double *y, size_t n, int lower_better)
{
	double s = 0;

	if (n == 0)
		return NAN;
	for (size_t i = 0; i < n; i++)
		s += (better(y[i], x[i], lower_better) + 1) / 2.0;
	return s / (double)n;
}

/*
 * Pairs i < j of V[0..N-1] with V[i] > V[j], by merge sort (V is sorted on
 * return; TMP holds N).  Equal values are not counted.
 */
static double
inversions(double *v, double *tmp, size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;
	double inv;

	if (n < 2)
		return 0;
	inv = inversions(v, tmp, h) + inversions(v + h, tmp, n - h);
	while (i < h && j < n) {
		if (v[j] < v[i]) {
			inv += (double)(h - i);	/* v[j] jumps every left one still waiting */
			tmp[k++] = v[j++];
		} else {
			tmp[k++] = v[i++];
		}
	}
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
	return inv;
}

double
ease_tau_u(const double *a, size_t na, const double *b, size_t nb,
	   int lower_better)
{
	double *oa, *sa, *sb, inv, tied = 0, s_a, npairs;
	pairs pr;

	if (na == 0 || nb == 0)
		return NAN;
	oa = oriented(a, na, lower_better, 0);
	sa = ease_xmalloc((na + 1) * sizeof *sa);
	sb = oriented(b, nb, lower_better, 1);
	/*
	 * S_A, Kendall's S of A against time: pairs that rise minus pairs that
	 * fall, i.e. all pairs - tied pairs - 2 falling ones.  The merge sort
	 * leaves OA sorted for the (A, B) pair counts.
	 */
	inv = inversions(oa, sa, na);
	for (size_t i = 0; i < na;) {
		size_t j = i + 1;

		while (j < na && oa[j] == oa[i])
			j++;
		tied += (double)(j - i) * (double)(j - i - 1) / 2;
		i = j;
	}
	npairs = (double)na * (double)(na - 1) / 2;
	s_a = npairs - tied - 2 * inv;
	pr = count_pairs(oa, na, sb, nb);
	free(oa);
	free(sa);
	free(sb);
	/* baseline trend in the improving direction is taken off */
	return (pr.better - pr.worse - s_a) / ((double)na * (double)nb);
}

double
ease_lag1_r(const double *t, const double *v, size_t n)
{
	ease_comom c;

	memset(&c, 0, sizeof c);
	for (size_t i = 0; i + 1 < n; i++)
		if (t[i + 1] == t[i] + 1)
			ease_comom_add(&c, v[i], v[i + 1]);
	return ease_comom_r(&c);
}

#define K 4	/* coefficients of the segmented model */

/*
 * (X'X)^-1 = R^-1 R^-T from the triangle R of X = QR: never forming X'X
 * keeps the condition number of X rather than its square.
 */
static int
xtx_inverse(const gsl_matrix *qr, double v[K][K])
{
	double ri[K][K] = {{0}};

	for (int j = 0; j < K; j++)
		if (gsl_matrix_get(qr, j, j) == 0)
			return 0;
	for (int j = K - 1; j >= 0; j--) {
		ri[j][j] = 1 / gsl_matrix_get(qr, j, j);
		for (int i = j - 1; i >= 0; i--) {
			double s = 0;

			for (int k = i + 1; k <= j; k++)
				s += gsl_matrix_get(qr, i, k) * ri[k][j];
			ri[i][j] = -s / gsl_matrix_get(qr, i, i);
		}
	}
	for (int i = 0; i < K; i++)
		for (int j = 0; j < K; j++) {
			double s = 0;

			for (int k = (i > j ? i : j); k < K; k++)
				s += ri[i][k] * ri[j][k];
			v[i][j] = s;
		}
	return 1;
}

static void
its_row(double t, double t0, double *x)
{
	int post = t >= t0;

	/*
	 * t counted from t0, so day numbers in the tens of thousands do not
	 * swamp the intercept column; only b0 depends on the origin, and it
	 * is moved back after the fit.
	 */
	x[0] = 1;
	x[1] = t - t0;
	x[2] = post;
	x[3] = post ? t - t0 : 0;
}

/* Solves the K x K system A x = B in place by Gaussian elimination with pivoting. */
static int
solve_k(double a[K][K], double b[K][K])
{
	for (int c = 0; c < K; c++) {
		int piv = c;

		for (int r = c + 1; r < K; r++)
			if (fabs(a[r][c]) > fabs(a[piv][c]))
				piv = r;
		if (a[piv][c] == 0)
			return 0;
		for (int j = 0; j < K; j++) {
			double t = a[c][j];

			a[c][j] = a[piv][j];
			a[piv][j] = t;
			t = b[c][j];
			b[c][j] = b[piv][j];
			b[piv][j] = t;
		}
		for (int r = 0; r < K; r++) {
			double f;

			if (r == c)
				continue;
			f = a[r][c] / a[c][c];
			for (int j = 0; j < K; j++) {
				a[r][j] -= f * a[c][j];
				b[r][j] -= f * b[c][j];
			}
		}
	}
	for (int r = 0; r < K; r++)
		for (int j = 0; j < K; j++)
			b[r][j] /= a[r][r];
	return 1;
}

/*
 * The meat of R sandwich::NeweyWest(fit, prewhite = TRUE, adjust = TRUE)
 * with its automatic lag floor(bwNeweyWest(fit)), from the N score rows
 * XU (x_i e_i) into S; *LAGS the lag.  The scores are prewhitened by a
 * VAR(1) without intercept (ar.ols), the Bartlett kernel runs over the
 * residuals, and the result is recoloured by (I - A)^-1.  The bandwidth
 * weighs the columns as R names them, (Intercept) 0 and t, post,
 * (t - t0) post 1, so the column t, here t - t0, gets T0 times the first
 * back.  Returns 0 when the VAR cannot be fitted.
 */
static int
newey_west(const double *xu, size_t n, double t0, double s[K][K], int *lags)
{
	double sxx[K][K] = {{0}}, syx[K][K] = {{0}}, a[K][K], im[K][K], d[K][K];
	double *e, *hw, sig[64] = {0}, s0 = 0, s1 = 0, bw, acc[K][K] = {{0}};
	size_t m = n - 1;
	int mb, L;

	if (n < K + 2)
		return 0;
	/* VAR(1): u_t = A u_{t-1} + e_t, least squares: A = Syx Sxx^-1 */
	for (size_t i = 1; i < n; i++)
		for (int r = 0; r < K; r++)
			for (int c = 0; c < K; c++) {
				sxx[r][c] += xu[(i - 1) * K + r] * xu[(i - 1) * K + c];
				syx[r][c] += xu[i * K + r] * xu[(i - 1) * K + c];
			}
	/* A Sxx = Syx, so Sxx A' = Syx' (Sxx symmetric) */
	for (int r = 0; r < K; r++)
		for (int c = 0; c < K; c++)
			a[r][c] = syx[c][r];
	if (!solve_k(sxx, a))
		return 0;
	/* a now holds A'; the residuals e_t = u_t - A u_{t-1}, t = 2..n */
	e = ease_xmalloc((m * K + m + 1) * sizeof *e);
	hw = e + m * K;
	for (size_t i = 1; i < n; i++) {
		for (int r = 0; r < K; r++) {
			double v = xu[i * K + r];

			for (int c = 0; c < K; c++)
				v -= a[c][r] * xu[(i - 1) * K + c];
			e[(i - 1) * K + r] = v;
		}
		hw[i - 1] = t0 * e[(i - 1) * K] + e[(i - 1) * K + 1] +
			    e[(i - 1) * K + 2] + e[(i - 1) * K + 3];
	}
	/* bwNeweyWest: Bartlett, prewhitened, m = floor(3 (n/100)^(2/9)) */
	mb = (int)floor(3 * pow((double)n / 100, 2.0 / 9));
	if (mb > 63)
		mb = 63;
	for (int j = 0; j <= mb; j++) {
		double v = 0;

		for (size_t i = 0; i + (size_t)j < m; i++)
			v += hw[i] * hw[i + (size_t)j];
		sig[j] = v / (double)m;
	}
	s0 = sig[0];
	for (int j = 1; j <= mb; j++) {
		s0 += 2 * sig[j];
		s1 += 2 * j * sig[j];
	}
	bw = 1.1447 * pow((s1 / s0) * (s1 / s0), 1.0 / 3) * pow((double)n, 1.0 / 3);
	L = isfinite(bw) && bw < (double)m ? (int)floor(bw) : isfinite(bw) ? (int)m : 0;
	*lags = L;
	/* meatHAC: Bartlett weights 1 - l/(L + 1) over the residuals */
	for (int l = 0; l <= L && (size_t)l < m; l++) {
		double w = 1 - (double)l / (L + 1), t[K][K] = {{0}};

		for (size_t i = 0; i + (size_t)l < m; i++)
			for (int r = 0; r < K; r++)
				for (int c = 0; c < K; c++)
					t[r][c] += e[i * K + r] * e[(i + (size_t)l) * K + c];
		for (int r = 0; r < K; r++)
			for (int c = 0; c < K; c++)
				acc[r][c] += l == 0 ? w * t[r][c] : w * (t[r][c] + t[c][r]);
	}
	free(e);
	/* Andrews' small-sample factor n/(n - k), then recolour: D acc D', D = (I - A)^-1 */
	for (int r = 0; r < K; r++)
		for (int c = 0; c < K; c++) {
			im[r][c] = (r == c) - a[c][r];
			d[r][c] = r == c;
		}
	if (!solve_k(im, d))
		return 0;
	for (int r = 0; r < K; r++)
		for (int c = 0; c < K; c++) {
			double v = 0;

			for (int i = 0; i < K; i++)
				for (int j = 0; j < K; j++)
					v += d[r][i] * acc[i][j] * d[c][j];
			s[r][c] = v * (double)n / (double)(n - K);
		}
	return 1;
}

void
ease_its_fit(const double *t, const double *y, size_t n, double t0,
	     int se_kind, ease_its *out)
{
	ease_its_fit_wd(t, y, n, t0, se_kind, -1, out);
}

void
ease_its_fit_wd(const double *t, const double *y, size_t n, double t0,
		int se_kind, int wd0, ease_its *out)
{
	double xtx[K][K], c[K], cov[K][K], meat[K][K] = {{0}};
	double *e, *xu, x[K], rss = 0, yy = 0, df = (double)n - K;
	size_t npre = 0, npost = 0, dpre = 0, dpost = 0;
	int lags = 0;

	gsl_set_error_handler_off();
	memset(out, 0, sizeof *out);
	out->n = n;
	out->se_kind = se_kind;
	out->lags = 0;
	out->r1_resid = out->phi = out->nugget = NAN;
	for (int j = 0; j < K; j++)
		out->b[j] = out->se[j] = out->stat[j] = out->p[j] = NAN;

	/* identified only with two distinct days in each segment */
	for (size_t i = 0; i < n; i++) {
		if (t[i] < t0) {
			dpre += npre == 0 || t[i] != t[i - 1];
			npre++;
		} else {
			dpost += npost == 0 || t[i] != t[i - 1];
			npost++;
		}
	}
	if (dpre < 2 || dpost < 2) {
		out->why = EASE_ITS_SIDE;
		return;
	}
	if (n <= K) {
		out->why = EASE_ITS_FEW;
		out->need = K + 1;
		return;
	}

	{
		gsl_matrix *qr = gsl_matrix_alloc(n, K);
		gsl_vector *tau = gsl_vector_alloc(K), *yv = gsl_vector_alloc(n);
		gsl_vector *cv = gsl_vector_alloc(K), *res = gsl_vector_alloc(n);
		int ok;

		if (!qr || !tau || !yv || !cv || !res)
			ease_die(EASE_EX_SOFTWARE, "out of memory");
		for (size_t i = 0; i < n; i++) {
			its_row(t[i], t0, x);
			for (int a = 0; a < K; a++)
				gsl_matrix_set(qr, i, a, x[a]);
			gsl_vector_set(yv, i, y[i]);
		}
		ok = gsl_linalg_QR_decomp(qr, tau) == 0 &&
		     gsl_linalg_QR_lssolve(qr, tau, yv, cv, res) == 0 &&
		     xtx_inverse(qr, xtx);
		for (int a = 0; a < K; a++)
			c[a] = gsl_vector_get(cv, a);
		gsl_matrix_free(qr);
		gsl_vector_free(tau);
		gsl_vector_free(yv);
		gsl_vector_free(cv);
		gsl_vector_free(res);
		if (!ok) {
			out->why = EASE_ITS_NOFIT;
			return;
		}
	}

	e = ease_xmalloc(n * (K + 1) * sizeof *e);
	xu = e + n;
	for (size_t i = 0; i < n; i++) {
		double fit = 0;

		its_row(t[i], t0, x);
		for (int a = 0; a < K; a++)
			fit += x[a] * c[a];
		e[i] = y[i] - fit;
		rss += e[i] * e[i];
		yy += y[i] * y[i];
		for (int a = 0; a < K; a++)
			xu[i * K + a] = x[a] * e[i];
	}
	out->r1_resid = ease_lag1_r(t, e, n);

	/*
	 * Residuals of rounding size (a constant diary, a straight line, a
	 * clean step): the lines are exact, and any standard error would be
	 * made of rounding error, with p-values to match.
	 */
	if (rss <= 1e-24 * yy) {
		out->why = EASE_ITS_EXACT;
		for (int a = 0; a < K; a++)
			for (int b = 0; b < K; b++)
				cov[a][b] = NAN;
		out->r1_resid = NAN;
	} else if (se_kind == EASE_SE_OLS) {
		double s2 = rss / (double)(n - K);

		for (int a = 0; a < K; a++)
			for (int b = 0; b < K; b++)
				cov[a][b] = s2 * xtx[a][b];
	} else if (se_kind == EASE_SE_HAC) {
		if (!newey_west(xu, n, t0, meat, &lags)) {
			out->why = EASE_ITS_NOFIT;
			free(e);
			return;
		}
		out->lags = lags;
		/* sandwich (X'X)^-1 S (X'X)^-1 */
		for (int a = 0; a < K; a++)
			for (int b = 0; b < K; b++) {
				double v = 0;

				for (int i = 0; i < K; i++)
					for (int j = 0; j < K; j++)
						v += xtx[a][i] * meat[i][j] * xtx[j][b];
				cov[a][b] = v;
			}
	} else {
		/*
		 * GLS with AR(1) errors over the days: the estimates change
		 * too.  With weekday terms, six sum-to-zero contrasts (R
		 * contr.sum, Monday .. Saturday, Sunday minus all) take a
		 * weekly pattern out of the errors, which AR(1) alone would
		 * leave there, and keep the level that of an average week.
		 */
		size_t P = K + (wd0 >= 0 ? 6 : 0);
		double *xr = ease_xcalloc(n * P, sizeof *xr);
		long *day = ease_xmalloc(n * sizeof *day);
		ease_gls g;

		for (size_t i = 0; i < n; i++) {
			its_row(t[i], t0, xr + i * P);
			day[i] = lround(t[i]);
			if (wd0 >= 0) {
				int w = (int)((day[i] + wd0) % 7);

				for (int j = 0; j < 6; j++)
					xr[i * P + K + (size_t)j] = w == 6 ? -1 : w == j;
			}
		}
		if (se_kind == EASE_SE_GLSN || se_kind == EASE_SE_GLSN_ML)
			ease_gls_ar1n(xr, y, day, NULL, n, P,
				      se_kind == EASE_SE_GLSN_ML ? EASE_GLS_ML : EASE_GLS_REML, &g);
		else
			ease_gls_ar1(xr, y, day, NULL, n, P,
				     se_kind == EASE_SE_GLS_ML ? EASE_GLS_ML : EASE_GLS_REML, &g);
		free(xr);
		free(day);
		if (!g.ok) {
			out->why = n <= P + 1 ? EASE_ITS_FEW : EASE_ITS_NOFIT;
			out->need = P + 2;
			free(e);
			return;
		}
		out->phi = g.phi;
		if (se_kind == EASE_SE_GLSN || se_kind == EASE_SE_GLSN_ML)
			out->nugget = g.nugget;
		df = g.df;
		for (int a = 0; a < K; a++) {
			c[a] = g.b[a];
			for (int b = 0; b < K; b++)
				cov[a][b] = g.cov[a * P + b];
		}
	}
	free(e);

	/* back from t - t0 to t: only the intercept moves, b0 = c0 - c1 t0 */
	out->b[0] = c[0] - c[1] * t0;
	out->b[1] = c[1];
	out->b[2] = c[2];
	out->b[3] = c[3];
	out->se[0] = sqrt(cov[0][0] - 2 * t0 * cov[0][1] + t0 * t0 * cov[1][1]);
	for (int a = 1; a < K; a++)
		out->se[a] = sqrt(cov[a][a]);
	/* t on n - p df for every kind, as R's coeftest and summary.gls */
	for (int a = 0; a < K; a++) {
		out->stat[a] = out->b[a] / out->se[a];
		out->p[a] = ease_t_p2(out->stat[a], df);
	}
}

#include "ease/stats.h"
#include "ease/err.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const method_names[EASE_NMETHODS] = {
	"pearson", "spearman", "kendall"
};

const char *
ease_corr_method_name(int method)
{
	return method >= 0 && method < EASE_NMETHODS ? method_names[method] : "?";
}

int
ease_corr_method_by_name(const char *name)
{
	for (int m = 0; m < EASE_NMETHODS; m++)
		if (strcasecmp(name, method_names[m]) == 0)
			return m;
	return -1;
}

void
ease_comom_add(ease_comom *a, double x, double y)
{
	double dx, dy;

	a->n += 1;
	dx = x - a->mx;
	a->mx += dx / a->n;
	dy = y - a->my;
	a->my += dy / a->n;
	a->sxx += dx * (x - a->mx);
	a->syy += dy * (y - a->my);
	a->sxy += dx * (y - a->my);
}

double
ease_comom_r(const ease_comom *a)
{
	double r;

	/* a constant side leaves its sum of squares exactly 0 in these updates */
	if (a->n < 2 || !(a->sxx > 0) || !(a->syy > 0))
		return NAN;
	r = a->sxy / sqrt(a->sxx * a->syy);
	/*
	 * Below the rounding noise of the sums r is 0: printing 1e-17 for an
	 * exactly uncorrelated series would claim a figure that is not there.
	 */
	if (fabs(r) < 1e-13)
		return 0;
	return r > 1 ? 1 : r < -1 ? -1 : r;
}

double
ease_r_p(double r, double df)
{
	gsl_sf_result res;
	double x, p;

	if (isnan(r) || !(df > 0))
		return NAN;
	x = (1 - r) * (1 + r);
	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	/* GSL's default handler aborts on underflow; a tiny p is just 0 here */
	gsl_set_error_handler_off();
	/*
	 * Neither GSL route is good to 1e-9 everywhere: the t distribution
	 * (a Cornish-Fisher expansion above 30 df) drifts in the far tail, and
	 * the incomplete beta I_x(df/2, 1/2) at x = 1 - r^2 = df/(df + t^2)
	 * drifts near p = 1 when df is large.  Each is used where it holds.
	 */
	p = 2 * gsl_cdf_tdist_Q(fabs(r) * sqrt(df / x), df);
	if (p >= 1e-8)
		return p > 1 ? 1 : p;
	if (gsl_sf_beta_inc_e(df / 2, 0.5, x, &res) != GSL_SUCCESS &&
	    !(res.val >= 0 && res.val <= 1))
		return p;
	return res.val;
}

void
ease_fisher_ci(double r, double var, double *lo, double *hi)
{
	double z, h;

	if (isnan(r) || !(var > 0) || isinf(var)) {
		*lo = *hi = NAN;
		return;
	}
	z = atanh(r);
	h = gsl_cdf_ugaussian_Pinv(0.975) * sqrt(var);
	*lo = tanh(z - h);
	*hi = tanh(z + h);
}

/* ---- sorting ---- */

typedef struct kv {
	double a, b;
} kv;

#define RUN 32		/* inversions() sorts runs this long by insertion */

/*
 * Least-significant-digit radix sort of N pairs by the bits of A (and first
 * by B when BOTH, which makes the order lexicographic, radix sorting being
 * stable): O(n), where ranking two million days by comparisons took most of
 * a Spearman run.  The bits of a double, sign folded, order as the values.
 */
static uint64_t
order_bits(double d)
{
	uint64_t u;

	if (d == 0)
		d = 0;		/* -0 ranks with 0 */
	memcpy(&u, &d, sizeof u);
	return (u >> 63) ? ~u : (u | 0x8000000000000000ULL);
}

#define RADIX_BITS 11
#define RADIX (1u << RADIX_BITS)

static void
radix_pass(const kv *src, kv *dst, size_t n, int by_b, int shift, size_t *count)
{
	size_t sum = 0;

	for (size_t d = 0; d < RADIX; d++) {
		size_t c = count[d];

		count[d] = sum;
		sum += c;
	}
	for (size_t i = 0; i < n; i++) {
		uint64_t k = order_bits(by_b ? src[i].b : src[i].a);

		dst[count[(k >> shift) & (RADIX - 1)]++] = src[i];
	}
}

static void
kv_radix(kv *v, size_t n, kv *tmp, int both)
{
	size_t count[RADIX];
	kv *src = v, *dst = tmp;

	if (n < 2)
		return;

	for (int by_b = both; by_b >= 0; by_b--)
		for (int shift = 0; shift < 64; shift += RADIX_BITS) {
			size_t first;
			int skip;

			memset(count, 0, sizeof count);
			for (size_t i = 0; i < n; i++)
				count[(order_bits(by_b ? src[i].b : src[i].a) >> shift) &
				      (RADIX - 1)]++;
			/* a digit all keys share moves nothing */
			first = (order_bits(by_b ? src[0].b : src[0].a) >> shift) & (RADIX - 1);
			skip = count[first] == n;
			if (skip)
				continue;
			radix_pass(src, dst, n, by_b, shift, count);
			kv *t = src;
			src = dst;
			dst = t;
		}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
}

/*
 * Sorts V ascending and returns the number of pairs i < j with V[i] > V[j]
 * in the input (each strict inversion is undone by exactly one move).
 */
static uint64_t
inversions(double *v, size_t n, double *tmp)
{
	double *src = v, *dst = tmp;
	uint64_t inv = 0;

	for (size_t s = 0; s < n; s += RUN) {
		size_t e = s + RUN < n ? s + RUN : n;

		for (size_t i = s + 1; i < e; i++) {
			double t = v[i];
			size_t j = i;

			while (j > s && t < v[j - 1]) {
				v[j] = v[j - 1];
				j--;
			}
			inv += i - j;
			v[j] = t;
		}
	}
	for (size_t w = RUN; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi) {
				if (src[j] < src[i]) {
					inv += mid - i;
					dst[k++] = src[j++];
				} else
					dst[k++] = src[i++];
			}
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		double *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	return inv;
}

void
ease_midranks(const double *v, size_t n, double *rank)
{
	kv *s = ease_xmalloc((2 * n + 1) * sizeof *s);

	for (size_t i = 0; i < n; i++) {
		s[i].a = v[i];
		s[i].b = (double)i;	/* exact up to 2^53 rows */
	}
	/* ties by value only: the order within a tie does not change a midrank */
	kv_radix(s, n, s + n, 0);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		double mid;

		while (j < n && s[j].a == s[i].a)
			j++;
		/* ranks i+1 .. j share their mean */
		mid = ((double)i + 1 + (double)j) / 2;
		for (size_t k = i; k < j; k++)
			rank[(size_t)s[k].b] = mid;
		i = j;
	}
	free(s);
}

/* Tie statistics of a sorted run of lengths: sum t(t-1)/2, t(t-1)(t-2), t(t-1)(2t+5). */
typedef struct ties {
	uint64_t pairs;
	double v0, v1;
} ties;

static void
tie_add(ties *t, size_t len)
{
	double l = (double)len;

	if (len < 2)
		return;
	t->pairs += (uint64_t)len * (len - 1) / 2;
	t->v0 += l * (l - 1) * (l - 2);
	t->v1 += l * (l - 1) * (2 * l + 5);
}

double
ease_kendall_tau(const double *x, const double *y, size_t n, double *z)
{
	kv *s;
	double *yy, *tmp, tau, m, var, nd = (double)n;
	ties tx = {0, 0, 0}, ty = {0, 0, 0};
	uint64_t tot, joint = 0, dis;
	int64_t s_stat;

	if (z)
		*z = NAN;
	if (n < 2)
		return NAN;
	/*
	 * Knight's algorithm: sort by (x, y); then every strict inversion of y
	 * is a discordant pair (pairs tied in x are in y order already).
	 */
	s = ease_xmalloc((2 * n + 1) * sizeof *s);
	for (size_t i = 0; i < n; i++) {
		s[i].a = x[i];
		s[i].b = y[i];
	}
	kv_radix(s, n, s + n, 1);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1, k = i;

		while (j < n && s[j].a == s[i].a)
			j++;
		tie_add(&tx, j - i);
		while (k < j) {
			size_t l = k + 1;

			while (l < j && s[l].b == s[k].b)
				l++;
			joint += (uint64_t)(l - k) * (l - k - 1) / 2;
			k = l;
		}
		i = j;
	}
	yy = ease_xmalloc((2 * n + 1) * sizeof *yy);
	tmp = yy + n;
	for (size_t i = 0; i < n; i++)
		yy[i] = s[i].b;
	free(s);
	dis = inversions(yy, n, tmp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;

		while (j < n && yy[j] == yy[i])
			j++;
		tie_add(&ty, j - i);
		i = j;
	}
	free(yy);

	tot = (uint64_t)n * (n - 1) / 2;
	if (tx.pairs == tot || ty.pairs == tot)
		return NAN;
	/* concordant - discordant, from tot = con + dis + xties + yties - joint */
	s_stat = (int64_t)(tot - tx.pairs - ty.pairs + joint) - 2 * (int64_t)dis;
	tau = (double)s_stat / sqrt((double)(tot - tx.pairs)) /
	      sqrt((double)(tot - ty.pairs));
	tau = tau > 1 ? 1 : tau < -1 ? -1 : tau;
	if (z && n > 2) {
		/* Kendall's null variance of S with ties (Kendall 1970, ch. 4) */
		m = nd * (nd - 1);
		var = (m * (2 * nd + 5) - tx.v1 - ty.v1) / 18 +
		      2 * (double)tx.pairs * (double)ty.pairs / m +
		      tx.v0 * ty.v0 / (9 * m * (nd - 2));
		*z = (double)s_stat / sqrt(var);
	}
	return tau;
}

int
ease_is_constant(const double *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (v[i] != v[0])
			return 0;
	return 1;
}

static void
pearson_finish(ease_corr *out, double r)
{
	double df = (double)out->n - 2;

	out->r = r;
	out->p = ease_r_p(r, df);
	out->stat = isnan(r) ? NAN : fabs(r) == 1 ? copysign(INFINITY, r)
					: r * sqrt(df / ((1 - r) * (1 + r)));
}

void
ease_corr_pearson_comom(const ease_comom *a, ease_corr *out)
{
	out->n = (size_t)a->n;
	out->r = out->p = out->stat = out->ci_lo = out->ci_hi = NAN;
	if (out->n < 3)
		return;
	pearson_finish(out, ease_comom_r(a));
	if (out->n > 3)
		ease_fisher_ci(out->r, 1.0 / ((double)out->n - 3), &out->ci_lo,
			       &out->ci_hi);
}

static double
pearson_arrays(const double *x, const double *y, size_t n)
{
	ease_comom a = {0, 0, 0, 0, 0, 0};

	for (size_t i = 0; i < n; i++)
		ease_comom_add(&a, x[i], y[i]);
	return ease_comom_r(&a);
}

void
ease_corr_test(int method, const double *x, const double *y, size_t n,
	       ease_corr *out)
{
	double nd = (double)n;

	out->n = n;
	out->r = out->p = out->stat = out->ci_lo = out->ci_hi = NAN;
	if (n < 3 || ease_is_constant(x, n) || ease_is_constant(y, n))
		return;
	switch (method) {
	case EASE_PEARSON:
		pearson_finish(out, pearson_arrays(x, y, n));
		if (n > 3)
			ease_fisher_ci(out->r, 1 / (nd - 3), &out->ci_lo, &out->ci_hi);
		break;
	case EASE_SPEARMAN: {
		double *rx = ease_xmalloc(2 * n * sizeof *rx), *ry = rx + n;

		ease_midranks(x, n, rx);
		ease_midranks(y, n, ry);
		pearson_finish(out, pearson_arrays(rx, ry, n));
		free(rx);
		/* Fieller, Hartley & Pearson (1957): var(atanh rho) ~ 1.06/(n-3) */
		if (n > 3)
			ease_fisher_ci(out->r, 1.06 / (nd - 3), &out->ci_lo, &out->ci_hi);
		break;
	}
	case EASE_KENDALL:
		out->r = ease_kendall_tau(x, y, n, &out->stat);
		out->p = isnan(out->stat) ? NAN : erfc(fabs(out->stat) / sqrt(2.0));
		/* Fieller, Hartley & Pearson (1957): var(atanh tau) ~ 0.437/(n-4) */
		if (n > 4)
			ease_fisher_ci(out->r, 0.437 / (nd - 4), &out->ci_lo, &out->ci_hi);
		break;
	}
}

double
ease_n_eff(double n, double r1x, double r1y)
{
	double q = r1x * r1y;

	if (isnan(q))
		return NAN;
	/* a negative product would claim more independent days than there are */
	if (q <= 0)
		return n;
	return n * (1 - q) / (1 + q);
}

double
ease_corr_p_adj(int method, const ease_corr *c, double n_eff)
{
	if (isnan(c->r) || isnan(n_eff) || !(n_eff > 2))
		return NAN;
	if (method == EASE_KENDALL) {
		double z = c->stat * sqrt(n_eff / (double)c->n);

		return isnan(z) ? NAN : erfc(fabs(z) / sqrt(2.0));
	}
	return ease_r_p(c->r, n_eff - 2);
}

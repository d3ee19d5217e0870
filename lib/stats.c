/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/stats.h"
#include "ease/err.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

#include <float.h>
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

/* One side of the co-moments: its shift, unit and the unit's bounds. */
typedef struct side {
	double v0;
	int *e, *has_e;
	double *inv, *lim;
} side;

/*
 * V's deviation from the shift in units of 2^*E, raising *E (and telling by
 * *SHIFT how far the sums kept so far must follow, a power of two, so
 * exactly) when V deviates further than any value before.  Opposite values
 * near the largest double have a difference that overflows: halved first.
 */
static double
scaled_dev(double v, const side *s, int *shift)
{
	double d = v - s->v0;
	int k, half = 0;

	*shift = 0;
	/* the usual case: within the unit, where a product by 2^-e is exact */
	if (fabs(d) < *s->lim)
		return d * *s->inv;
	if (isinf(d) && !isinf(v) && !isinf(s->v0)) {
		d = v / 2 - s->v0 / 2;
		half = 1;
	}
	if (d == 0)
		return 0;
	(void)frexp(d, &k);
	k += half;
	if (!*s->has_e) {
		*s->e = k;
		*s->has_e = 1;
	} else if (k > *s->e) {
		*shift = *s->e - k;
		*s->e = k;
	} else
		return ldexp(d, half - *s->e);
	/*
	 * 2^-e is a double down to e = 1074 and up to e = -1022; below that
	 * (deviations of subnormal size) every value takes the ldexp above.
	 */
	*s->inv = ldexp(1, -*s->e);
	*s->lim = *s->e < -1000 ? 0 : *s->e > 1023 ? INFINITY : ldexp(1, *s->e);
	return ldexp(d, half - *s->e);
}

void
ease_comom_add(ease_comom *a, double x, double y)
{
	double u, w, du, dw;
	int sx, sy;

	if (a->n == 0) {
		a->x0 = x;
		a->y0 = y;
	}
	u = x - a->x0;
	w = y - a->y0;
	/* the usual case, inline: both within their unit, where 2^-e is exact */
	if (fabs(u) < a->lim_x && fabs(w) < a->lim_y) {
		u *= a->inv_x;
		w *= a->inv_y;
	} else {
		u = scaled_dev(x, &(side){a->x0, &a->ex, &a->has_ex, &a->inv_x, &a->lim_x},
			       &sx);
		w = scaled_dev(y, &(side){a->y0, &a->ey, &a->has_ey, &a->inv_y, &a->lim_y},
			       &sy);
		if (sx || sy) {
			a->mx = ldexp(a->mx, sx);
			a->sxx = ldexp(a->sxx, 2 * sx);
			a->my = ldexp(a->my, sy);
			a->syy = ldexp(a->syy, 2 * sy);
			a->sxy = ldexp(a->sxy, sx + sy);
		}
	}
	a->n += 1;
	du = u - a->mx;
	a->mx += du / a->n;
	dw = w - a->my;
	a->my += dw / a->n;
	a->sxx += du * (u - a->mx);
	a->syy += dw * (w - a->my);
	a->sxy += du * (w - a->my);
}

double
ease_comom_r_pooled(const ease_comom *a, size_t k)
{
	double sxx = 0, syy = 0, sxy = 0, r;

	for (size_t i = 0; i < k; i++) {
		if (a[i].n < 2)
			continue;
		sxx += ldexp(a[i].sxx, 2 * a[i].ex);
		syy += ldexp(a[i].syy, 2 * a[i].ey);
		sxy += ldexp(a[i].sxy, a[i].ex + a[i].ey);
	}
	if (!(sxx > 0) || !(syy > 0))
		return NAN;
	r = sxy / (sqrt(sxx) * sqrt(syy));
	if (fabs(r) < 1e-13)
		return 0;
	return r > 1 ? 1 : r < -1 ? -1 : r;
}

void
ease_comom_line(const ease_comom *a, double *intercept, double *slope)
{
	double b;

	*intercept = *slope = NAN;
	if (a->n < 2 || !(a->sxx > 0))
		return;
	/* back from the shifted, scaled units: x = x0 + u 2^ex, y = y0 + w 2^ey */
	b = ldexp(a->sxy / a->sxx, a->ey - a->ex);
	*slope = b;
	*intercept = a->y0 + ldexp(a->my, a->ey) - b * (a->x0 + ldexp(a->mx, a->ex));
}

double
ease_comom_r(const ease_comom *a)
{
	double r;

	/* a constant side leaves its sum of squares exactly 0 in these updates */
	if (a->n < 2 || !(a->sxx > 0) || !(a->syy > 0))
		return NAN;
	/*
	 * Each sum is at most 4n in these units, so the product cannot
	 * overflow; one square root of it keeps r = -1 exact for a perfect line.
	 */
	r = a->sxx * a->syy >= DBL_MIN ? a->sxy / sqrt(a->sxx * a->syy)
				       : a->sxy / (sqrt(a->sxx) * sqrt(a->syy));
	/*
	 * Below the rounding noise of the sums r is 0: printing 1e-17 for an
	 * exactly uncorrelated series would claim a figure that is not there.
	 */
	if (fabs(r) < 1e-13)
		return 0;
	return r > 1 ? 1 : r < -1 ? -1 : r;
}

/*
 * Straight from the incomplete beta, on the side R's pt takes, so that p is
 * good to 1e-9 relative from the far tail to p near 1: gsl_cdf_tdist_Q
 * switches to a Cornish-Fisher expansion above 30 df that drifts in the tail
 * (1.2e-9 at t = 13, df = 59).
 */
double
ease_t_p2(double t, double df)
{
	double t2 = t * t;

	if (isnan(t) || !(df > 0))
		return NAN;
	/* GSL's default handler aborts on underflow; a tiny p is just 0 here */
	gsl_set_error_handler_off();
	if (df > t2)
		return gsl_cdf_beta_Q(t2 / (df + t2), 0.5, df / 2);
	return gsl_cdf_beta_P(df / (df + t2), df / 2, 0.5);
}

double
ease_r_p(double r, double df)
{
	double x;

	if (isnan(r) || !(df > 0))
		return NAN;
	x = (1 - r) * (1 + r);
	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	return ease_t_p2(fabs(r) * sqrt(df / x), df);
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

/*
 * Mid-ranks by value, not by position: a table from each distinct value to
 * its mid-rank, so that ranking n days keeps O(distinct values), not two
 * n-long arrays of (value, index).  A diary's columns take few distinct
 * values (ratings, hours to a tenth): they are counted in a hash table, in
 * linear time.  Values nearly all distinct fall back to a sorted copy of
 * their order bits, searched by bisection.
 */
typedef struct rankslot {
	uint64_t key;		/* order bits; 0 is no double but a NaN: empty */
	double val;		/* the count, then the mid-rank */
} rankslot;

typedef struct ranktab {
	rankslot *slot;		/* hash path: NULL when sorted */
	uint64_t mask;
	uint64_t *keys;		/* sorted path: distinct keys ascending */
	uint64_t *ends;		/* ... and one past each one's last position */
	size_t nuniq;
} ranktab;

static size_t
rank_hash(uint64_t key, uint64_t mask)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

static int
key_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* LSD radix sort of N 64-bit keys, TMP as long; a digit all keys share is skipped. */
static void
u64_radix(uint64_t *v, size_t n, uint64_t *tmp)
{
	size_t count[RADIX];
	uint64_t *src = v, *dst = tmp;

	for (int shift = 0; shift < 64 && n > 1; shift += RADIX_BITS) {
		size_t sum = 0;

		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[(src[i] >> shift) & (RADIX - 1)]++;
		if (count[(src[0] >> shift) & (RADIX - 1)] == n)
			continue;
		for (size_t d = 0; d < RADIX; d++) {
			size_t c = count[d];

			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & (RADIX - 1)]++] = src[i];
		uint64_t *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
}

/* The hash path; 0 when the values are too many distinct ones for it. */
static int
ranktab_hash(ranktab *t, const double *v, size_t n)
{
	size_t cap = 64, used = 0, start = 0;
	/* at most 8 bytes a value in slots, whatever the values */
	size_t max_cap = n / 2 > 4096 ? n / 2 : 4096;
	rankslot *slot = ease_xcalloc(cap, sizeof *slot);
	uint64_t *keys;

	for (size_t i = 0; i < n; i++) {
		uint64_t key = order_bits(v[i]);
		size_t h = rank_hash(key, cap - 1);

		while (slot[h].key != key && slot[h].key != 0)
			h = (h + 1) & (cap - 1);
		if (slot[h].key == key) {
			slot[h].val += 1;
			continue;
		}
		slot[h].key = key;
		slot[h].val = 1;
		if (++used * 2 > cap) {
			rankslot *old = slot;
			size_t oc = cap;

			if (2 * cap > max_cap) {
				free(slot);
				return 0;
			}
			cap *= 2;
			slot = ease_xcalloc(cap, sizeof *slot);
			for (size_t k = 0; k < oc; k++) {
				if (old[k].key == 0)
					continue;
				h = rank_hash(old[k].key, cap - 1);
				while (slot[h].key != 0)
					h = (h + 1) & (cap - 1);
				slot[h] = old[k];
			}
			free(old);
		}
	}
	keys = ease_xmalloc((used ? used : 1) * sizeof *keys);
	used = 0;
	for (size_t k = 0; k < cap; k++)
		if (slot[k].key != 0)
			keys[used++] = slot[k].key;
	qsort(keys, used, sizeof *keys, key_cmp);
	for (size_t k = 0; k < used; k++) {
		size_t h = rank_hash(keys[k], cap - 1);
		size_t c;

		while (slot[h].key != keys[k])
			h = (h + 1) & (cap - 1);
		c = (size_t)slot[h].val;
		/* ranks start+1 .. start+c share their mean */
		slot[h].val = ((double)start + 1 + (double)(start + c)) / 2;
		start += c;
	}
	free(keys);
	t->slot = slot;
	t->mask = cap - 1;
	return 1;
}

static void
ranktab_build(ranktab *t, const double *v, size_t n)
{
	uint64_t *keys, *ends;
	size_t u = 0;

	memset(t, 0, sizeof *t);
	if (ranktab_hash(t, v, n))
		return;
	keys = ease_xmalloc(2 * n * sizeof *keys);
	for (size_t i = 0; i < n; i++)
		keys[i] = order_bits(v[i]);
	u64_radix(keys, n, keys + n);
	/* distinct keys to the front, their ends into the second half */
	ends = keys + n;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;

		while (j < n && keys[j] == keys[i])
			j++;
		keys[u] = keys[i];
		ends[u] = j;
		u++;
		i = j;
	}
	t->keys = keys;
	t->ends = ends;
	t->nuniq = u;
}

static double
ranktab_rank(const ranktab *t, double v)
{
	uint64_t key = order_bits(v);
	size_t lo = 0, hi;

	if (t->slot) {
		size_t h = rank_hash(key, t->mask);

		while (t->slot[h].key != key)
			h = (h + 1) & t->mask;
		return t->slot[h].val;
	}
	hi = t->nuniq;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->keys[mid] <= key)
			lo = mid;
		else
			hi = mid;
	}
	/* ranks start+1 .. end share their mean */
	return ((double)(lo ? t->ends[lo - 1] : 0) + 1 + (double)t->ends[lo]) / 2;
}

static void
ranktab_free(ranktab *t)
{
	free(t->slot);
	free(t->keys);
}

void
ease_midranks(const double *v, size_t n, double *rank)
{
	ranktab t;

	if (n == 0)
		return;
	ranktab_build(&t, v, n);
	for (size_t i = 0; i < n; i++)
		rank[i] = ranktab_rank(&t, v[i]);
	ranktab_free(&t);
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

/* Kendall's tau-b, its z, S = concordant - discordant and whether any tie. */
static double
kendall(const double *x, const double *y, size_t n, double *z, double *s_out,
	int *any_tie)
{
	kv *s;
	double *yy, *tmp, tau, m, var, nd = (double)n;
	ties tx = {0, 0, 0}, ty = {0, 0, 0};
	uint64_t tot, joint = 0, dis;
	int64_t s_stat;

	if (z)
		*z = NAN;
	*s_out = NAN;
	*any_tie = 0;
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
	*s_out = (double)s_stat;
	*any_tie = tx.pairs > 0 || ty.pairs > 0;
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

double
ease_kendall_tau(const double *x, const double *y, size_t n, double *z)
{
	double s;
	int t;

	return kendall(x, y, n, z, &s, &t);
}

/* ---- small-sample p-values, as R's cor.test by default ---- */

static const char *const p_method_names[] = {
	"", "exact", "edgeworth", "t", "normal"
};

const char *
ease_p_method_name(int how)
{
	return how > 0 && how <= EASE_P_NORMAL ? p_method_names[how] : "";
}

/* Spearman: exact below this many days, AS 89's Edgeworth series up to 1290 */
#define SPEARMAN_EXACT_MAX 9
#define SPEARMAN_SERIES_MAX 1290
/* Kendall: exact below this many days */
#define KENDALL_EXACT_BELOW 50

/*
 * How many of the n! orderings give each S = sum (i - p_i)^2, by walking
 * them all (9! at most): position I gets one of the values not yet USED.
 */
static void
spearman_walk(int n, int i, unsigned used, int s, double *count)
{
	if (i == n) {
		count[s] += 1;
		return;
	}
	for (int v = 0; v < n; v++)
		if (!(used & (1u << v)))
			spearman_walk(n, i + 1, used | (1u << v), s + (i - v) * (i - v),
				      count);
}

/*
 * P[S >= IS] (or P[S < IS] when LOWER) for N days without ties: AS 89
 * (Best & Roberts 1975), by counting for small N and by its Edgeworth
 * series above.  The bounds and the argument are R's, so that the figures
 * are the ones cor.test prints.
 */
static double
spearman_tail(int n, double is, int lower, int *how)
{
	/* the distribution of S for each n up to 9: the same for every call */
	static double count[SPEARMAN_EXACT_MAX + 1][241];
	static int counted[SPEARMAN_EXACT_MAX + 1];
	double nd = n, n3 = nd * (nd * nd - 1) / 3;

	*how = n <= SPEARMAN_EXACT_MAX ? EASE_P_EXACT : EASE_P_EDGEWORTH;
	if (is <= 0)
		return lower ? 0 : 1;
	if (is > n3)
		return lower ? 1 : 0;
	if (n <= SPEARMAN_EXACT_MAX) {
		double above = 0, all = 0;

		if (!counted[n]) {
			spearman_walk(n, 0, 0, 0, count[n]);
			counted[n] = 1;
		}
		for (int k = 0; k <= (int)n3; k++) {
			all += count[n][k];
			if (k >= is)
				above += count[n][k];
		}
		return (lower ? all - above : above) / all;
	} else {
		/* x = rho sqrt(n - 1), standard normal to first order */
		double b = 1 / nd, x, y, u, pv;

		x = (6 * (is - 1) * b / (nd * nd - 1) - 1) * sqrt(nd - 1);
		y = x * x;
		u = x * b * (0.2274 + b * (0.2531 + 0.1745 * b) +
			     y * (-0.0758 + b * (0.1033 + 0.3932 * b) -
				  y * b * (0.0879 + 0.0151 * b -
					   y * (0.0072 - 0.0831 * b +
						y * b * (0.0131 - 4.6e-4 * y)))));
		y = u / exp(y / 2);
		pv = lower ? gsl_cdf_ugaussian_P(x) - y : gsl_cdf_ugaussian_Q(x) + y;
		return pv < 0 ? 0 : pv > 1 ? 1 : pv;
	}
}

double
ease_spearman_p(double s, size_t n, int *how)
{
	double nd = (double)n, p;

	/* the tail away from S's mean (n^3 - n)/6; S is even, so S < S + 2 is S <= S */
	if (s > (nd * nd * nd - nd) / 6)
		p = spearman_tail((int)n, s, 0, how);
	else
		p = spearman_tail((int)n, s + 2, 1, how);
	return 2 * p < 1 ? 2 * p : 1;
}

double
ease_kendall_exact_p(double t, size_t n)
{
	/* c[k]: orderings of n days with k discordant pairs (Mahonian numbers) */
	size_t u = n * (n - 1) / 2, q;
	double *c = ease_xcalloc(u + 1, sizeof *c), *w = ease_xcalloc(u + 1, sizeof *w);
	double below = 0, fact = 1;

	c[0] = 1;
	for (size_t m = 2; m <= n; m++) {
		size_t top = m * (m - 1) / 2;
		double run = 0;

		/* c_m[k] = c_{m-1}[k] + ... + c_{m-1}[k - m + 1]: a sliding sum */
		for (size_t k = 0; k <= top; k++) {
			run += c[k];
			if (k >= m)
				run -= c[k - m];
			w[k] = run;
		}
		memcpy(c, w, (top + 1) * sizeof *c);
		fact *= (double)m;
	}
	/*
	 * The distribution is symmetric: the upper tail P[T >= t] is summed as
	 * P[T <= u - t], which keeps its precision where 1 - P[T < t] would not.
	 */
	q = (size_t)(t < (double)u - t ? t : (double)u - t);
	for (size_t k = 0; k <= q; k++)
		below += c[k];
	free(c);
	free(w);
	return 2 * below / fact < 1 ? 2 * below / fact : 1;
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
	out->p_method = isnan(out->p) ? EASE_P_NONE : EASE_P_T;
	out->stat = isnan(r) ? NAN : fabs(r) == 1 ? copysign(INFINITY, r)
					: r * sqrt(df / ((1 - r) * (1 + r)));
}

void
ease_corr_pearson_comom(const ease_comom *a, ease_corr *out)
{
	out->n = (size_t)a->n;
	out->r = out->p = out->stat = out->ci_lo = out->ci_hi = NAN;
	out->p_method = EASE_P_NONE;
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
	ease_comom a = {0};

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
	out->p_method = EASE_P_NONE;
	if (n < 3 || ease_is_constant(x, n) || ease_is_constant(y, n))
		return;
	switch (method) {
	case EASE_PEARSON:
		pearson_finish(out, pearson_arrays(x, y, n));
		if (n > 3)
			ease_fisher_ci(out->r, 1 / (nd - 3), &out->ci_lo, &out->ci_hi);
		break;
	case EASE_SPEARMAN: {
		/*
		 * Ranks looked up day by day, in the order the pairs come: the
		 * same sums as over arrays of ranks, without the arrays.
		 */
		ranktab tx, ty;
		ease_comom a = {0};
		double ssx = 0, ssy = 0, s = 0, perm = nd * (nd + 1) * (2 * nd + 1) / 6;

		ranktab_build(&tx, x, n);
		ranktab_build(&ty, y, n);
		for (size_t i = 0; i < n; i++) {
			double rx = ranktab_rank(&tx, x[i]), ry = ranktab_rank(&ty, y[i]);

			ease_comom_add(&a, rx, ry);
			/*
			 * Without ties the ranks are 1..n, whose squares add up to
			 * n(n+1)(2n+1)/6; a tie's mid-ranks add up to less.  All
			 * these sums are exact in a double at SPEARMAN_SERIES_MAX.
			 */
			ssx += rx * rx;
			ssy += ry * ry;
			s += (rx - ry) * (rx - ry);
		}
		ranktab_free(&tx);
		ranktab_free(&ty);
		pearson_finish(out, ease_comom_r(&a));
		if (n <= SPEARMAN_SERIES_MAX && !isnan(out->r) && ssx == perm && ssy == perm)
			out->p = ease_spearman_p(s, n, &out->p_method);
		/* Fieller, Hartley & Pearson (1957): var(atanh rho) ~ 1.06/(n-3) */
		if (n > 3)
			ease_fisher_ci(out->r, 1.06 / (nd - 3), &out->ci_lo, &out->ci_hi);
		break;
	}
	case EASE_KENDALL: {
		double s;
		int any_tie;

		out->r = kendall(x, y, n, &out->stat, &s, &any_tie);
		if (isnan(out->stat))
			break;
		if (n < KENDALL_EXACT_BELOW && !any_tie) {
			/* T = concordant pairs = (all pairs + S) / 2 */
			out->p = ease_kendall_exact_p((nd * (nd - 1) / 2 + s) / 2, n);
			out->p_method = EASE_P_EXACT;
		} else {
			out->p = erfc(fabs(out->stat) / sqrt(2.0));
			out->p_method = EASE_P_NORMAL;
		}
		/* Fieller, Hartley & Pearson (1957): var(atanh tau) ~ 0.437/(n-4) */
		if (n > 4)
			ease_fisher_ci(out->r, 0.437 / (nd - 4), &out->ci_lo, &out->ci_hi);
		break;
	}
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

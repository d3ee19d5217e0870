/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/window.h"
#include "ease/err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const method_names[EASE_W_NMETHODS] = {
	"sma", "ema", "wma", "median", "sum", "min", "max", "count"
};

const char *
ease_win_method_name(int method)
{
	if (method < 0 || method >= EASE_W_NMETHODS)
		return NULL;
	return method_names[method];
}

int
ease_win_method_by_name(const char *name)
{
	for (int m = 0; m < EASE_W_NMETHODS; m++)
		if (strcmp(name, method_names[m]) == 0)
			return m;
	return -1;
}

/* ---- a ring of (day, value), for the values and the min/max deques ---- */

typedef struct ent {
	long day;
	double v;
} ent;

typedef struct ring {
	ent *e;
	size_t cap;		/* a power of two */
	size_t head, n;
} ring;

static void
ring_push(ring *r, long day, double v)
{
	if (r->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 8;
		ent *ne = ease_xmalloc(nc * sizeof *ne);

		for (size_t i = 0; i < r->n; i++)
			ne[i] = r->e[(r->head + i) & (r->cap - 1)];
		free(r->e);
		r->e = ne;
		r->cap = nc;
		r->head = 0;
	}
	r->e[(r->head + r->n) & (r->cap - 1)] = (ent){day, v};
	r->n++;
}

static ent *
ring_front(const ring *r)
{
	return &r->e[r->head];
}

static ent *
ring_back(const ring *r)
{
	return &r->e[(r->head + r->n - 1) & (r->cap - 1)];
}

static void
ring_pop_front(ring *r)
{
	r->head = (r->head + 1) & (r->cap - 1);
	r->n--;
}

/*
 * Running sums add and take away values for as long as the series lasts;
 * Neumaier's compensation keeps a large value that has left the window
 * from leaving its rounding error behind in the sum of small ones.
 */
typedef struct ksum {
	double s, c;
} ksum;

static void
ksum_add(ksum *k, double x)
{
	double t = k->s + x;

	if (fabs(k->s) >= fabs(x))
		k->c += (k->s - t) + x;
	else
		k->c += (x - t) + k->s;
	k->s = t;
}

/* Adds A * B, the product's rounding error included (fma gives it exactly). */
static void
ksum_add_prod(ksum *k, double a, double b)
{
	double p = a * b;

	ksum_add(k, p);
	ksum_add(k, fma(a, b, -p));
}

static double
ksum_get(const ksum *k)
{
	return k->s + k->c;
}

/* ---- the window ---- */

/*
 * Values this large stay out of the running sums: with them a sum of two
 * could overflow, and an infinity once in a running sum never leaves it
 * (inf - inf is NaN), which emptied every later window of the subject.
 * While one is in the window, its sums are recounted from its values in
 * units of 2^BIG_UNIT.  Below 2^900, a window's 2^35 values times weights
 * of at most 2^16 days stay far from the largest double.
 */
#define BIG 0x1p900
#define BIG_UNIT 128

struct ease_window {
	long len;
	unsigned mask;
	int has_first;
	long first;
	ring vals;		/* values in day order */
	ring mins, maxs;	/* monotonic deques: the front is the extreme */
	ksum sum;
	ksum wnum;		/* sum of (day - first + 1) * value */
	long long daysum;	/* sum of the values' days, exact */
	size_t nbig;		/* values of BIG or more in the window: not in sum, wnum */
	double *sorted;		/* for the median */
	size_t scap;
};

#define WANTS(w, m) ((w)->mask & (1u << (m)))

ease_window *
ease_win_new(long len, unsigned mask)
{
	ease_window *w = ease_xcalloc(1, sizeof *w);

	w->len = len;
	w->mask = mask;
	return w;
}

void
ease_win_free(ease_window *w)
{
	if (w == NULL)
		return;
	free(w->vals.e);
	free(w->mins.e);
	free(w->maxs.e);
	free(w->sorted);
	free(w);
}

void
ease_win_clear(ease_window *w)
{
	w->has_first = 0;
	w->vals.n = w->mins.n = w->maxs.n = 0;
	w->vals.head = w->mins.head = w->maxs.head = 0;
	w->sum = (ksum){0, 0};
	w->wnum = (ksum){0, 0};
	w->daysum = 0;
	w->nbig = 0;
}

size_t
ease_win_count(const ease_window *w)
{
	return w->vals.n;
}

/* First index whose value is greater than V (or, with EQ, not less). */
static size_t
sorted_pos(const double *s, size_t n, double v, int eq)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid] < v || (!eq && s[mid] == v))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
is_big(double v)
{
	return fabs(v) >= BIG;
}

static void
sorted_remove(ease_window *w, double v)
{
	size_t n = w->vals.n;	/* still counting V */
	size_t i = sorted_pos(w->sorted, n, v, 1);

	memmove(w->sorted + i, w->sorted + i + 1, (n - i - 1) * sizeof *w->sorted);
}

static void
sorted_insert(ease_window *w, double v)
{
	size_t n = w->vals.n;	/* not yet counting V */
	size_t i;

	ease_grow((void **)&w->sorted, &w->scap, n + 1, sizeof *w->sorted);
	i = sorted_pos(w->sorted, n, v, 0);
	memmove(w->sorted + i + 1, w->sorted + i, (n - i) * sizeof *w->sorted);
	w->sorted[i] = v;
}

void
ease_win_start(ease_window *w, long first)
{
	if (w->has_first && first <= w->first)
		return;
	if (!w->has_first || w->vals.n == 0) {
		/* no weights to carry: count them afresh from FIRST */
		w->has_first = 1;
		w->first = first;
		while (w->vals.n && ring_front(&w->vals)->day < first) {
			ent *e = ring_front(&w->vals);

			if (is_big(e->v))
				w->nbig--;
			else
				ksum_add(&w->sum, -e->v);
			w->daysum -= e->day;
			if (WANTS(w, EASE_W_MEDIAN))
				sorted_remove(w, e->v);
			ring_pop_front(&w->vals);
		}
		w->wnum = (ksum){0, 0};
		for (size_t i = 0; i < w->vals.n; i++) {
			ent *e = &w->vals.e[(w->vals.head + i) & (w->vals.cap - 1)];

			if (!is_big(e->v))
				ksum_add_prod(&w->wnum, (double)(e->day - first + 1), e->v);
		}
	} else {
		/*
		 * Every weight drops by the days the start moves; a value whose
		 * weight is no longer positive has left and takes its (now
		 * non-positive) share with it.
		 */
		if (WANTS(w, EASE_W_WMA)) {
			double shift = -(double)(first - w->first);

			ksum_add_prod(&w->wnum, shift, w->sum.s);
			ksum_add_prod(&w->wnum, shift, w->sum.c);
		}
		w->first = first;
		while (w->vals.n && ring_front(&w->vals)->day < first) {
			ent *e = ring_front(&w->vals);

			if (is_big(e->v))
				w->nbig--;
			else {
				ksum_add(&w->sum, -e->v);
				if (WANTS(w, EASE_W_WMA))
					ksum_add_prod(&w->wnum, -(double)(e->day - first + 1), e->v);
			}
			w->daysum -= e->day;
			if (WANTS(w, EASE_W_MEDIAN))
				sorted_remove(w, e->v);
			ring_pop_front(&w->vals);
		}
	}
	while (w->mins.n && ring_front(&w->mins)->day < first)
		ring_pop_front(&w->mins);
	while (w->maxs.n && ring_front(&w->maxs)->day < first)
		ring_pop_front(&w->maxs);
	if (w->vals.n == 0) {
		/* an empty window is exactly empty: no rounding carried over */
		w->sum = (ksum){0, 0};
		w->wnum = (ksum){0, 0};
		w->nbig = 0;
	}
}

void
ease_win_push(ease_window *w, long day, double v)
{
	if (isnan(v))
		return;
	if (w->vals.n && day <= ring_back(&w->vals)->day)
		ease_die(EASE_EX_SOFTWARE, "window: day %ld pushed after day %ld",
			 day, ring_back(&w->vals)->day);
	if (WANTS(w, EASE_W_MEDIAN))
		sorted_insert(w, v);
	ring_push(&w->vals, day, v);
	w->daysum += day;
	if (is_big(v))
		w->nbig++;
	else {
		ksum_add(&w->sum, v);
		if (w->has_first && WANTS(w, EASE_W_WMA))
			ksum_add_prod(&w->wnum, (double)(day - w->first + 1), v);
	}
	if (WANTS(w, EASE_W_MIN)) {
		while (w->mins.n && ring_back(&w->mins)->v >= v)
			w->mins.n--;
		ring_push(&w->mins, day, v);
	}
	if (WANTS(w, EASE_W_MAX)) {
		while (w->maxs.n && ring_back(&w->maxs)->v <= v)
			w->maxs.n--;
		ring_push(&w->maxs, day, v);
	}
}

/*
 * The sum of the window's values (WEIGHTED: times their WMA weights) in
 * units of 2^BIG_UNIT, recounted from the values: for a window holding a
 * BIG value, so that its result depends on its own values only.
 */
static double
recount(const ease_window *w, int weighted)
{
	ksum k = {0, 0};

	for (size_t i = 0; i < w->vals.n; i++) {
		const ent *e = &w->vals.e[(w->vals.head + i) & (w->vals.cap - 1)];
		double v = ldexp(e->v, -BIG_UNIT);

		if (weighted)
			ksum_add_prod(&k, (double)(e->day - w->first + 1), v);
		else
			ksum_add(&k, v);
	}
	return ksum_get(&k);
}

double
ease_win_get(ease_window *w, int method, size_t min_count)
{
	size_t n = w->vals.n;

	if (n < min_count)
		return NAN;
	switch (method) {
	case EASE_W_COUNT:
		return (double)n;
	case EASE_W_SUM:
		if (n == 0)
			return 0.0;
		/* beyond the largest double this is an infinity: the caller's to tell */
		return w->nbig ? ldexp(recount(w, 0), BIG_UNIT) : ksum_get(&w->sum);
	}
	if (n == 0)
		return NAN;
	switch (method) {
	case EASE_W_SMA:
		if (w->nbig)
			return ldexp(recount(w, 0) / (double)n, BIG_UNIT);
		return ksum_get(&w->sum) / (double)n;
	case EASE_W_WMA: {
		/* the weights are whole numbers: their sum is exact */
		long long den = w->daysum - (long long)n * (w->first - 1);

		if (w->nbig)
			return ldexp(recount(w, 1) / (double)den, BIG_UNIT);
		return ksum_get(&w->wnum) / (double)den;
	}
	case EASE_W_MEDIAN: {
		double a, b;

		if (n % 2)
			return w->sorted[n / 2];
		a = w->sorted[n / 2 - 1];
		b = w->sorted[n / 2];
		/* the mean of two doubles always is one, even where their sum is not */
		return isinf(a + b) ? a / 2 + b / 2 : (a + b) / 2;
	}
	case EASE_W_MIN:
		return ring_front(&w->mins)->v;
	case EASE_W_MAX:
		return ring_front(&w->maxs)->v;
	}
	return NAN;
}

/* ---- exponential moving average by days ---- */

void
ease_ema_init(ease_ema *e, double half_life)
{
	memset(e, 0, sizeof *e);
	e->half_life = half_life;
	e->gap = -1;		/* no decay computed yet */
}

void
ease_ema_clear(ease_ema *e)
{
	ease_ema_init(e, e->half_life);
}

double
ease_ema_step(ease_ema *e, long day, double v)
{
	if (isnan(v))
		return ease_ema_get(e, 1);
	/*
	 * The decay is applied only when a value comes: a day without one
	 * leaves the mean as it was (decaying the sum and the weights alike
	 * would not change it), and a long gap cannot shrink both to zero
	 * while the mean is still being shown.
	 */
	if (e->started) {
		double f;

		if (day - e->day != e->gap) {
			e->gap = day - e->day;
			e->gap_f = exp2(-(double)e->gap / e->half_life);
		}
		f = e->gap_f;
		e->wsum *= f;
	}
	e->started = 1;
	e->day = day;
	/*
	 * The weighted mean itself is carried, not the weighted sum: a sum of
	 * values near 1e308 would overflow, and stay infinite for good.  Both
	 * shares are below 1, so the new mean is as finite as the values.
	 */
	e->mean = e->mean * (e->wsum / (e->wsum + 1)) + v / (e->wsum + 1);
	e->wsum += 1;
	e->n++;
	return e->mean;
}

double
ease_ema_get(const ease_ema *e, size_t min_count)
{
	if (e->n == 0 || e->n < min_count)
		return NAN;
	return e->mean;
}

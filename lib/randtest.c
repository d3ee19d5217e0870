/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The randomization test of a trial drawn by ease-plan.  The statistic is
 * the difference between two arms' means of unit means (each unit, a week
 * or a session, weighs the same however many days it has a value).  Under
 * the null hypothesis a unit's value would have been the same whatever arm
 * it had, so the statistic of every other schedule the design admitted can
 * be computed from the same values; the p-value is the share of those at
 * least as far from 0 as the one observed.  For a pair of arms the
 * reference set holds the admissible schedules that leave every other arm
 * where it was: in each block, the two arms as they were or swapped.  With
 * --max-run 1 a swap is allowed only where it makes no arm repeat across a
 * block boundary; the swaps then form a chain, counted and drawn exactly by
 * a recursion over the blocks.
 */
#include "ease/randtest.h"
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/hyptest.h"
#include "ease/technique.h"
#include "ease/value.h"

#include <errno.h>
#include <gsl/gsl_rng.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct refset {
	long nb;		/* blocks */
	const double *y;
	long *pa, *pb;		/* per block: the units arms a and b had */
	unsigned char *ok;	/* (nb-1) x 4: swap s then t allowed */
	double *cnt;		/* nb x 2: completions from block i in state s */
	double total;
	long draws;
	/*
	 * Per schedule of the reference set (each enumerated, or each drawn):
	 * its statistic is alpha - beta * delta for a shift delta of a's units.
	 */
	double *alpha, *beta;
	size_t n;		/* schedules held */
	double obs_alpha, obs_beta;	/* the observed schedule's */
} refset;

static void coef_of(const struct refset *R, const unsigned char *s, double *alpha, double *beta);
static void hold(struct refset *R, const unsigned char *s, size_t *cap);
static void enumerate(struct refset *R);

/* The arm at unit P of block I once a and b are swapped there (S). */
static int
arm_after(const ease_plan_design *d, const int *arm, const refset *R, long i,
	  long p, int s, int a, int b)
{
	if (!s)
		return arm[p];
	if (p == R->pa[i])
		return b;
	if (p == R->pb[i])
		return a;
	return arm[p];
	(void)d;
}

static void
refset_build(refset *R, const ease_plan_design *d, const int *arm,
	     const double *y, int a, int b, unsigned long seed)
{
	long nb = d->blocks, k = d->narms;

	memset(R, 0, sizeof *R);
	R->nb = nb;
	R->y = y;
	R->pa = ease_xmalloc((size_t)nb * sizeof *R->pa);
	R->pb = ease_xmalloc((size_t)nb * sizeof *R->pb);
	for (long i = 0; i < nb; i++)
		for (long j = 0; j < k; j++) {
			if (arm[i * k + j] == a)
				R->pa[i] = i * k + j;
			if (arm[i * k + j] == b)
				R->pb[i] = i * k + j;
		}
	R->ok = ease_xmalloc((size_t)(nb > 1 ? nb - 1 : 1) * 4);
	for (long i = 0; i + 1 < nb; i++)
		for (int s = 0; s < 2; s++)
			for (int t = 0; t < 2; t++)
				R->ok[i * 4 + s * 2 + t] = d->max_run != 1 ||
					arm_after(d, arm, R, i, i * k + k - 1, s, a, b) !=
					arm_after(d, arm, R, i + 1, (i + 1) * k, t, a, b);
	R->cnt = ease_xmalloc((size_t)nb * 2 * sizeof *R->cnt);
	R->cnt[(nb - 1) * 2] = R->cnt[(nb - 1) * 2 + 1] = 1;
	for (long i = nb - 2; i >= 0; i--)
		for (int s = 0; s < 2; s++)
			R->cnt[i * 2 + s] = R->ok[i * 4 + s * 2] * R->cnt[(i + 1) * 2] +
					    R->ok[i * 4 + s * 2 + 1] * R->cnt[(i + 1) * 2 + 1];
	R->total = R->cnt[0] + R->cnt[1];
	{
		unsigned char *zero = ease_xcalloc((size_t)nb, 1);

		coef_of(R, zero, &R->obs_alpha, &R->obs_beta);
		free(zero);
	}
	if (R->total <= EASE_RT_MAX_ENUM) {
		enumerate(R);
		return;
	}
	{
		gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
		unsigned char *s = ease_xmalloc((size_t)nb);
		size_t cap = 0;

		if (g == NULL)
			ease_die(EASE_EX_SOFTWARE, "out of memory");
		gsl_rng_set(g, seed);
		R->draws = EASE_RT_DRAWS;
		for (long m = 0; m < R->draws; m++) {
			for (long i = 0; i < nb; i++) {
				double w0, w1;

				if (i == 0)
					w0 = R->cnt[0], w1 = R->cnt[1];
				else
					w0 = R->ok[(i - 1) * 4 + s[i - 1] * 2] * R->cnt[i * 2],
					w1 = R->ok[(i - 1) * 4 + s[i - 1] * 2 + 1] * R->cnt[i * 2 + 1];
				s[i] = gsl_rng_uniform(g) * (w0 + w1) >= w0;
			}
			hold(R, s, &cap);
		}
		free(s);
		gsl_rng_free(g);
	}
}

static void
refset_free(refset *R)
{
	free(R->pa);
	free(R->pb);
	free(R->ok);
	free(R->cnt);
	free(R->alpha);
	free(R->beta);
}

/* The statistic of swaps S as alpha - beta * delta (NaN: an arm without a value). */
static void
coef_of(const refset *R, const unsigned char *s, double *alpha, double *beta)
{
	double sa = 0, sb = 0, ua = 0, ub = 0;
	long na = 0, nb = 0;

	for (long i = 0; i < R->nb; i++) {
		double ya = R->y[R->pa[i]], yb = R->y[R->pb[i]];

		/* the unit a had goes to a unless swapped; its value moves with delta */
		if (!isnan(ya)) {
			if (s[i])
				sb += ya, ub++, nb++;
			else
				sa += ya, ua++, na++;
		}
		if (!isnan(yb)) {
			if (s[i])
				sa += yb, na++;
			else
				sb += yb, nb++;
		}
	}
	if (na == 0 || nb == 0) {
		*alpha = *beta = NAN;
		return;
	}
	*alpha = sa / na - sb / nb;
	*beta = ua / na - ub / nb;
}

static void
hold(refset *R, const unsigned char *s, size_t *cap)
{
	if (R->n == *cap) {
		size_t c2 = *cap;

		ease_grow((void **)&R->alpha, cap, R->n + 1, sizeof *R->alpha);
		ease_grow((void **)&R->beta, &c2, R->n + 1, sizeof *R->beta);
	}
	coef_of(R, s, &R->alpha[R->n], &R->beta[R->n]);
	R->n++;
}

/* Every schedule of the reference set, depth first. */
static void
enumerate(refset *R)
{
	long nb = R->nb, i = 0;
	unsigned char *s = ease_xcalloc((size_t)nb, 1);
	int *next = ease_xcalloc((size_t)nb, sizeof *next);
	size_t cap = 0;

	/* next[i]: the swap to try next at block i (0, 1, then 2: done) */
	while (i >= 0) {
		if (next[i] > 1) {
			next[i] = 0;
			i--;
			continue;
		}
		s[i] = (unsigned char)next[i]++;
		if (i > 0 && !R->ok[(i - 1) * 4 + s[i - 1] * 2 + s[i]])
			continue;
		if (i == nb - 1)
			hold(R, s, &cap);
		else
			i++;
	}
	free(s);
	free(next);
}

static int
extreme(double v, double thr)
{
	/* a schedule that leaves an arm without a value counts as extreme */
	return isnan(v) || fabs(v) >= thr - 1e-9 * fmax(1, thr);
}

static double
p_at(const refset *R, double delta)
{
	double thr = fabs(R->obs_alpha - R->obs_beta * delta), c = 0;

	for (size_t m = 0; m < R->n; m++)
		c += extreme(R->alpha[m] - R->beta[m] * delta, thr);
	/* drawn schedules: the observed one counts once more, as it must */
	return R->draws ? (1 + c) / (1 + (double)R->draws) : c / R->total;
}

double
ease_rt_p_at(const ease_plan_design *d, const int *arm, const double *y,
	     int a, int b, double delta, unsigned long seed, double *nsched,
	     long *draws)
{
	refset R;
	double p;

	refset_build(&R, d, arm, y, a, b, seed);
	p = p_at(&R, delta);
	if (nsched)
		*nsched = R.total;
	if (draws)
		*draws = R.draws;
	refset_free(&R);
	return p;
}

/* The bound of {delta: p(delta) > 0.05} on the side of SIDE (-1, +1). */
static double
ci_bound(const refset *R, double est, double span, int side)
{
	double in = est, out = est + side * span;

	for (int k = 0; p_at(R, out) > 0.05; k++) {
		if (k == 30)
			return NAN;	/* no shift is rejected: the interval has no end */
		out = est + side * (span *= 2);
	}
	for (int k = 0; k < 60; k++) {
		double mid = (in + out) / 2;

		if (p_at(R, mid) > 0.05)
			in = mid;
		else
			out = mid;
	}
	return (in + out) / 2;
}

int
ease_rt_pair(const ease_plan_design *d, const int *arm, const double *y,
	     int a, int b, int lower, unsigned long seed, ease_rt_result *out)
{
	long n = d->blocks * d->narms;
	double *va = ease_xmalloc((size_t)n * sizeof *va), *vb = ease_xmalloc((size_t)n * sizeof *vb);
	double lo = INFINITY, hi = -INFINITY, span;
	ease_nap nap;
	refset R;

	memset(out, 0, sizeof *out);
	for (long u = 0; u < n; u++) {
		if (isnan(y[u]) || (arm[u] != a && arm[u] != b))
			continue;
		if (arm[u] == a)
			va[out->na++] = y[u];
		else
			vb[out->nb++] = y[u];
		lo = fmin(lo, y[u]);
		hi = fmax(hi, y[u]);
	}
	if (out->na == 0 || out->nb == 0) {
		free(va);
		free(vb);
		return -1;
	}
	refset_build(&R, d, arm, y, a, b, seed);
	out->diff = R.obs_alpha;
	out->p = p_at(&R, 0);
	out->n_schedules = R.total;
	out->draws = R.draws;
	out->p_se = R.draws ? sqrt(out->p * (1 - out->p) / (double)R.draws) : 0;
	span = 2 * (hi - lo) + fabs(out->diff) + 1;
	out->ci_lo = ci_bound(&R, out->diff, span, -1);
	out->ci_hi = ci_bound(&R, out->diff, span, +1);
	ease_nap_ab(vb, out->nb, va, out->na, lower, &nap);
	out->nap = nap.nap;
	refset_free(&R);
	free(va);
	free(vb);
	return 0;
}

static long
unit_of(const ease_plan_file *P, long day)
{
	long lo = 0, hi = P->nunits - 1;

	if (day < P->ufirst[0] || day > P->ulast[P->nunits - 1])
		return -1;
	while (lo < hi) {
		long mid = (lo + hi + 1) / 2;

		if (P->ufirst[mid] <= day)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}


static int
lower_for(const ease_cols *cols, int col, int direction, const char *name)
{
	int l;

	if (direction)
		return direction < 0;
	l = ease_role_lower(cols->role[col]);
	if (l < 0)
		ease_usage("--plan: which way is better for column '%s' is not known: say --direction lower or --direction higher",
			   name);
	return l;
}

static void
fmt_p(char *buf, size_t n, double p)
{
	if (p < 0.001)
		snprintf(buf, n, "< 0.001");
	else
		snprintf(buf, n, "= %.3g", p);
}

/* What a diary says of a trial: its units' values and how it kept the plan. */
typedef struct trial {
	ease_plan_file P;
	double *y;		/* per unit: the mean of its days' values, NaN: none */
	long n_days;		/* days of the trial with a value */
	long off_arm, not_held;
	long diary_first, diary_last;	/* the diary's days in the trial */
	long last;		/* the diary's last day in the trial or after, as a day of the trial */
	long missing;		/* days of the trial (up to LAST when UPTO) without a value */
	long in_trial;		/* days of the trial */
	int lower;
	int unchecked;		/* no massage or technique column: sessions not checked */
	int tcol_missing_known;	/* a known technique planned, no technique column */
	char *vname;
} trial;

/*
 * Reads the schedule PLANFILE and C's diary into T.  UPTO: the diary's last
 * day counts as the end (a running trial's planned sessions after it are
 * not missed, nor its days missing); otherwise the whole trial does.
 */
/*
 * trial_read's working memory, at file scope: a diary it must refuse ends the
 * run in ease_die(), and memory only a dead frame pointed to would be lost.
 */
static struct {
	double *sum;
	long *cnt;
	char *held, *group, *tkey, *akey;
	ease_technames *tn;
} rd;

static void
trial_read(trial *T, ease_common *c, const char *planfile, const char *value,
	   int direction, int upto)
{
	ease_plan_file *P = &T->P;
	ease_dayreader *r;
	const ease_cols *cols;
	const ease_dayrow *row;
	int vcol, vslot, mcol, mslot = -1, tcol;
	long end;
	const char *first_group = NULL;
	size_t tcap = 0, acap = 0;

	memset(T, 0, sizeof *T);
	ease_plan_read(P, planfile);
	T->in_trial = P->ulast[P->nunits - 1] - P->ufirst[0] + 1;
	T->last = P->ufirst[0] - 1;
	T->diary_first = LONG_MAX;
	T->diary_last = LONG_MIN;
	r = ease_day_open(c);
	cols = ease_day_cols(r);
	vcol = value ? ease_cols_need(cols, value) : ease_cols_need_role(cols, EASE_R_PAIN);
	vslot = ease_day_want(r, vcol);
	mcol = ease_cols_role(cols, EASE_R_MASSAGE);
	if (mcol >= 0)
		mslot = ease_day_want(r, mcol);
	tcol = ease_cols_role(cols, EASE_R_TECHNIQUE);
	T->lower = lower_for(cols, vcol, direction, cols->name[vcol]);
	rd.tn = ease_technames_new();
	rd.sum = ease_xcalloc((size_t)P->nunits, sizeof *rd.sum);
	rd.cnt = ease_xcalloc((size_t)P->nunits, sizeof *rd.cnt);
	rd.held = ease_xcalloc(P->ns ? P->ns : 1, 1);
	while ((row = ease_day_next(r)) != NULL) {
		long u = unit_of(P, row->day);
		double v = row->v[vslot];
		int session;

		if (first_group == NULL) {
			rd.group = ease_xstrdup(row->group);
			first_group = rd.group;
		} else if (strcmp(rd.group, row->group) != 0 && strcasecmp(rd.group, row->group) == 0)
			/* one person spelt two ways: keeping one spelling would drop days */
			ease_die(EASE_EX_DATA,
				 "%s:%ld: subject '%s' and '%s' differ only in case: a trial is one person's; write one spelling throughout",
				 row->file, row->rec->line, row->group, rd.group);
		else if (strcmp(rd.group, row->group) != 0)
			ease_die(EASE_EX_DATA,
				 "%s: rows of '%s' and of '%s': a trial is one person's; keep one with ease-select --where 'subject=%s'",
				 row->file, rd.group, row->group, rd.group);
		if (u < 0) {
			if (row->day > P->ulast[P->nunits - 1])
				T->last = P->ulast[P->nunits - 1];
			continue;
		}
		T->diary_first = row->day < T->diary_first ? row->day : T->diary_first;
		T->diary_last = row->day > T->diary_last ? row->day : T->diary_last;
		if (row->day > T->last)
			T->last = row->day;
		if (!isnan(v)) {
			rd.sum[u] += v;
			rd.cnt[u]++;
			T->n_days++;
		}
		session = mslot >= 0 ? row->v[mslot] > 0 :
			  tcol >= 0 && (size_t)tcol < row->rec->n && row->rec->len[tcol] > 0;
		/* a misspelt technique would count as a session on another arm */
		if (session && tcol >= 0 && (size_t)tcol < row->rec->n)
			ease_technames_add_list(rd.tn, row->rec->f[tcol]);
		if (ease_plan_arm_is_none(P->arms[P->uarm[u]])) {
			T->off_arm += session;
			continue;
		}
		if (session && tcol >= 0 && (size_t)tcol < row->rec->n && row->rec->len[tcol] > 0 &&
		    ease_tech_known(P->arms[P->uarm[u]], strlen(P->arms[P->uarm[u]])) >= 0) {
			/* a known technique planned: another one given is off the plan */
			ease_tech_key(row->rec->f[tcol], row->rec->len[tcol], &rd.tkey, &tcap);
			ease_tech_key(P->arms[P->uarm[u]], strlen(P->arms[P->uarm[u]]), &rd.akey, &acap);
			if (strcmp(rd.tkey, rd.akey) != 0)
				T->off_arm++;
		}
		if (session) {
			/* the planned sessions are in date order: find this day's */
			size_t lo = 0, hi = P->ns;

			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;

				if (P->sday[mid] < row->day)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < P->ns && P->sday[lo] == row->day)
				rd.held[lo] = 1;
		}
	}
	T->vname = ease_xstrdup(cols->name[vcol]);
	ease_technames_warn_close(rd.tn);
	ease_technames_free(rd.tn);
	rd.tn = NULL;
	ease_day_warn_window(r);
	ease_day_close(r);
	end = upto ? T->last : P->ulast[P->nunits - 1];
	for (size_t i = 0; i < P->ns; i++)
		if (!rd.held[i] && P->sday[i] <= end &&
		    !ease_plan_arm_is_none(P->arms[P->uarm[P->sunit[i]]]) && (mcol >= 0 || tcol >= 0))
			T->not_held++;
	/* a day without a value, whether its row is there or not */
	T->missing = end - P->ufirst[0] + 1 - T->n_days;
	T->y = ease_xmalloc((size_t)P->nunits * sizeof *T->y);
	for (long u = 0; u < P->nunits; u++)
		T->y[u] = rd.cnt[u] ? rd.sum[u] / rd.cnt[u] : NAN;
	if (T->n_days == 0 && !upto)
		ease_die(EASE_EX_DATA, "%s: no day of the trial (%s to %s) has a value of %s",
			 c->nfiles ? c->files[0] : "<stdin>",
			 ease_fmt_date(P->ufirst[0], (char[32]){0}),
			 ease_fmt_date(P->ulast[P->nunits - 1], (char[32]){0}), T->vname);
	/* what the diary cannot tell is not reported as 0 */
	T->unchecked = mcol < 0 && tcol < 0;
	if (!T->unchecked && tcol < 0)
		for (int a = 0; a < P->k; a++)
			if (ease_tech_known(P->arms[a], strlen(P->arms[a])) >= 0) {
				T->tcol_missing_known = 1;
				break;
			}
	free(rd.tkey);
	free(rd.akey);
	free(rd.sum);
	free(rd.cnt);
	free(rd.held);
	free(rd.group);
	memset(&rd, 0, sizeof rd);
}

static void
trial_free(trial *T)
{
	free(T->y);
	free(T->vname);
	ease_plan_file_free(&T->P);
}

/* The sentence of ease-prepost --plan --explain for arms A and B, in LINE (N bytes). */
static void
explain_line(const trial *T, int a, int b, const ease_rt_result *R, char *line, size_t n)
{
	const ease_plan_file *P = &T->P;
	char pt[32], lo[48], hi[48], d1[48], ci[512];
	double mag = fabs(R->diff);
	int better_a = T->lower ? R->diff < 0 : R->diff > 0;
	/* the interval of the difference in the words' direction */
	double cl = R->diff < 0 ? -R->ci_hi : R->ci_lo, ch = R->diff < 0 ? -R->ci_lo : R->ci_hi;
	long dev = T->off_arm + T->not_held;
	size_t l;

	fmt_p(pt, sizeof pt, R->p);
	ease_fmt_dec1(mag, d1);
	if (isnan(cl))
		strcpy(lo, "no end");
	else
		ease_fmt_dec1(cl, lo);
	if (isnan(ch))
		strcpy(hi, "no end");
	else
		ease_fmt_dec1(ch, hi);
	if (isnan(cl) && isnan(ch))
		snprintf(ci, sizeof ci, "no 95 %% CI: %zu and %zu units with %s are too few",
			 R->na, R->nb, T->vname);
	else
		snprintf(ci, sizeof ci, "95 %% CI %s to %s", lo, hi);
	l = (size_t)snprintf(line, n,
		 "%s: %s %s %s than %s (%s; randomization p %s %s %.0f possible schedules%s)",
		 P->arms[a], T->vname, d1,
		 R->diff < 0 ? "lower" : "higher", P->arms[b], ci, pt,
		 R->draws ? "from 20000 draws of" : "over", R->n_schedules,
		 R->draws ? ", Monte Carlo" : "");
	if (l >= n)
		return;
	if (R->p < 0.05)
		l += (size_t)snprintf(line + l, n - l, ": %s did better.",
				      better_a ? P->arms[a] : P->arms[b]);
	else
		l += (size_t)snprintf(line + l, n - l, ": no difference is shown.");
	if (l < n && 2 / R->n_schedules > 0.05)
		l += (size_t)snprintf(line + l, n - l,
				      " With %.0f possible schedules no p-value can be below %.2g.",
				      R->n_schedules, 2 / R->n_schedules);
	if (l >= n)
		return;
	if (T->unchecked)
		snprintf(line + l, n - l,
			 " %ld of %ld days of the trial with %s; %ld %s missing; the sessions are not checked against the plan (no massage or technique column); analysed as planned (intention to treat).",
			 T->n_days, T->in_trial, T->vname, T->missing, T->missing == 1 ? "day" : "days");
	else
		snprintf(line + l, n - l,
			 " %ld of %ld days of the trial with %s; %ld %s missing, %ld %s off the plan (%ld on another arm, %ld planned and not held); analysed as planned (intention to treat).",
			 T->n_days, T->in_trial, T->vname, T->missing, T->missing == 1 ? "day" : "days",
			 dev, dev == 1 ? "session" : "sessions", T->off_arm, T->not_held);
}

int
ease_rt_run(ease_common *c, const char *planfile, const char *value,
	    int direction, int explain)
{
	trial T;
	ease_plan_file *P = &T.P;
	ease_writer *w;

	trial_read(&T, c, planfile, value, direction, 0);
	/*
	 * A diary that misses the trial's first or last unit whole (a trial still
	 * running, a diary begun late) makes those days missing and their
	 * sessions not held: true of the data, but say where the diary stands.
	 */
	if (T.diary_first > P->ulast[0] || T.diary_last < P->ufirst[P->nunits - 1]) {
		char b[4][32];

		ease_warn("the diary's days of the trial run from %s to %s, the trial from %s to %s: the days outside are counted missing and their sessions not held%s",
			  ease_fmt_date(T.diary_first, b[0]), ease_fmt_date(T.diary_last, b[1]),
			  ease_fmt_date(P->ufirst[0], b[2]), ease_fmt_date(P->ulast[P->nunits - 1], b[3]),
			  T.diary_last < P->ufirst[P->nunits - 1] ?
			  " (a trial still running: analyse it again once it is over)" : "");
	}
	if (T.unchecked)
		ease_warn("%s: no massage or technique column: the sessions held cannot be checked against the plan (deviations left empty)",
			  c->nfiles ? c->files[0] : "<stdin>");
	else if (T.tcol_missing_known)
		ease_warn("%s: no technique column: a session of another technique than planned cannot be told, and counts as held",
			  c->nfiles ? c->files[0] : "<stdin>");
	w = ease_writer_open(c->output, explain ? EASE_FMT_CSV : c->format, c->files, c->nfiles);
	if (!explain) {
		const char *hdr[] = {"arm_a", "arm_b", "diff", "ci_low", "ci_high", "p_rand",
				     "n_schedules", "nap", "n_days", "deviations", NULL};

		for (int i = 0; hdr[i]; i++)
			ease_w_str(w, hdr[i]);
		ease_w_end(w);
	}
	if (P->k > 2)
		ease_warn("%d arms, %d pairs: each p-value is its pair's alone, not adjusted for the others (multiply by %d for Bonferroni's bound)",
			  P->k, P->k * (P->k - 1) / 2, P->k * (P->k - 1) / 2);
	for (int a = 0; a < P->k; a++)
		for (int b = a + 1; b < P->k; b++) {
			ease_plan_design d = {P->k, P->blocks, P->max_run};
			ease_rt_result R;
			char num[64];

			if (ease_rt_pair(&d, P->uarm, T.y, a, b, T.lower, P->seed, &R) != 0) {
				ease_warn("%s against %s: no unit of one of them has a value of %s; not compared",
					  P->arms[a], P->arms[b], T.vname);
				continue;
			}
			if (!explain && 2 / R.n_schedules > 0.05)
				ease_warn("%s against %s: with %.0f possible schedules no p-value can be below %.2g, and the interval has no end; plan more blocks",
					  P->arms[a], P->arms[b], R.n_schedules, 2 / R.n_schedules);
			else if (!explain && (isnan(R.ci_lo) || isnan(R.ci_hi)))
				/* the schedules that leave an arm without a value count as extreme */
				ease_warn("%s against %s: only %zu and %zu units have a value of %s, too few for any shift to be rejected at 5 %%: the interval has no end%s",
					  P->arms[a], P->arms[b], R.na, R.nb, T.vname,
					  isnan(R.ci_lo) && isnan(R.ci_hi) ? "" : " on one side");
			if (!explain) {
				ease_w_str(w, P->arms[a]);
				ease_w_str(w, P->arms[b]);
				ease_w_num(w, R.diff, c->digits);
				ease_w_num(w, R.ci_lo, c->digits);
				ease_w_num(w, R.ci_hi, c->digits);
				ease_w_num(w, R.p, c->digits);
				snprintf(num, sizeof num, "%.0f", R.n_schedules);
				ease_w_str(w, num);
				ease_w_num(w, R.nap, c->digits);
				snprintf(num, sizeof num, "%ld", T.n_days);
				ease_w_str(w, num);
				snprintf(num, sizeof num, "%ld", T.off_arm + T.not_held);
				ease_w_str(w, T.unchecked ? "" : num);
				ease_w_end(w);
			} else {
				char line[2048];

				explain_line(&T, a, b, &R, line, sizeof line - 1);
				strcat(line, "\n");
				ease_w_line(w, line, strlen(line));
			}
		}
	ease_writer_close(w);
	if (!explain && T.unchecked && T.missing)
		ease_warn("%ld %s of the trial missing; the analysis follows the plan (intention to treat)",
			  T.missing, T.missing == 1 ? "day" : "days");
	else if (!explain && (T.missing || T.off_arm || T.not_held))
		ease_warn("%ld %s of the trial missing, %ld %s off the plan; the analysis follows the plan (intention to treat)",
			  T.missing, T.missing == 1 ? "day" : "days", T.off_arm + T.not_held,
			  T.off_arm + T.not_held == 1 ? "session" : "sessions");
	trial_free(&T);
	return 0;
}

int
ease_rt_status(ease_common *c, const char *planfile, ease_rt_trial *out)
{
	trial T;
	ease_plan_file *P = &T.P;

	memset(out, 0, sizeof *out);
	trial_read(&T, c, planfile, NULL, 0, 1);
	out->blocks = P->blocks;
	out->first = P->ufirst[0];
	out->last = P->ulast[P->nunits - 1];
	out->diary_last = T.last;
	for (long b = 0; b < P->blocks; b++)
		if (P->ulast[(b + 1) * P->k - 1] <= T.last)
			out->blocks_done++;
	out->over = T.last >= out->last;
	out->n_days = T.n_days;
	out->missing = T.missing;
	out->off_arm = T.off_arm;
	out->not_held = T.not_held;
	out->unchecked = T.unchecked;
	out->k = P->k;
	out->arms = ease_xcalloc((size_t)P->k, sizeof *out->arms);
	for (int i = 0; i < P->k; i++)
		out->arms[i] = ease_xstrdup(P->arms[i]);
	out->unit_week = P->unit == EASE_PLAN_WEEK;
	for (int a = 0; out->over && a < P->k; a++)
		for (int b = a + 1; b < P->k; b++) {
			ease_plan_design d = {P->k, P->blocks, P->max_run};
			ease_rt_result R;
			char line[2048];

			if (ease_rt_pair(&d, P->uarm, T.y, a, b, T.lower, P->seed, &R) != 0)
				snprintf(line, sizeof line, "%s against %s: no unit of one of them has a value of %s; not compared.",
					 P->arms[a], P->arms[b], T.vname);
			else
				explain_line(&T, a, b, &R, line, sizeof line);
			out->sentence = ease_xrealloc(out->sentence, (out->nsentence + 1) * sizeof *out->sentence);
			out->sentence[out->nsentence++] = ease_xstrdup(line);
		}
	trial_free(&T);
	return 0;
}

void
ease_rt_trial_free(ease_rt_trial *t)
{
	for (size_t i = 0; i < t->nsentence; i++)
		free(t->sentence[i]);
	free(t->sentence);
	for (int i = 0; i < t->k; i++)
		free(t->arms[i]);
	free(t->arms);
}

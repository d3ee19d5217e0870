/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of lib/km.c.  Expected values: tests/ref/km.R (R's
 * survival::survfit and summary(fit)$table), kept in ref_km.h; never ease's
 * own output.
 */
#include "ease/km.h"
#include "tap.h"

#include <stdlib.h>

#include "ref_km.h"

#define REL 1e-9

static double maxrel;

static void
track(double got, double want)
{
	if (isfinite(want) && isfinite(got) && want != 0) {
		double r = fabs(got - want) / fabs(want);

		if (r > maxrel)
			maxrel = r;
	}
}

static int
same_vec(const double *got, const double *want, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		track(got[i], want[i]);
		if (!tap_close(got[i], want[i], REL)) {
			printf("#   [%zu] got %.17g want %.17g\n", i, got[i], want[i]);
			return 0;
		}
	}
	return 1;
}

static void
check(const km_ref *r)
{
	ease_km_curve *c = ease_km_fit(r->t, r->e, r->n);
	ease_km_summary s;
	char name[160];

#define NAME(what) (snprintf(name, sizeof name, "%s: %s", r->name, what), name)
	is_long(c->k, r->k, NAME("distinct times"));
	if (c->k == r->k) {
		ok(same_vec(c->time, r->time, r->k), NAME("time"));
		ok(same_vec(c->nrisk, r->nrisk, r->k), NAME("n.risk"));
		ok(same_vec(c->nevent, r->nevent, r->k), NAME("n.event"));
		ok(same_vec(c->surv, r->surv, r->k), NAME("surv"));
		ok(same_vec(c->std_err, r->std_err, r->k), NAME("std.err"));
		ok(same_vec(c->lower, r->lower, r->k), NAME("lower"));
		ok(same_vec(c->upper, r->upper, r->k), NAME("upper"));
	}
	ease_km_summarise(c, &s);
	is_num(s.n, (double)r->n, 0, NAME("records"));
	is_num(s.events, r->events, 0, NAME("events"));
	track(s.rmean, r->rmean);
	is_num(s.rmean, r->rmean, REL, NAME("rmean"));
	track(s.median, r->median);
	is_num(s.median, r->median, REL, NAME("median"));
	is_num(s.median_lo, r->lcl, REL, NAME("0.95LCL"));
	is_num(s.median_hi, r->ucl, REL, NAME("0.95UCL"));
	ease_km_free(c);
#undef NAME
}

/* The same curve from counts as from single records, with empty times. */
static void
counts(void)
{
	const double t[] = {0, 1, 2, 3, 4};
	const double d[] = {1, 0, 2, 0, 1};
	const double cz[] = {0, 0, 1, 0, 2};
	const double tt[] = {4, 0, 2, 2, 4, 2, 4};
	const int ee[] = {1, 1, 1, 0, 0, 1, 0};
	ease_km_curve *a = ease_km_fit_counts(t, d, cz, 5);
	ease_km_curve *b = ease_km_fit(tt, ee, 7);

	is_long(a->k, 3, "counts: a time with neither event nor censoring is passed over");
	ok(a->k == b->k && same_vec(a->surv, b->surv, a->k) &&
	   same_vec(a->upper, b->upper, a->k), "counts: the same curve as the records");
	ease_km_free(a);
	ease_km_free(b);
}

static void
empty(void)
{
	ease_km_curve *c = ease_km_fit(NULL, NULL, 0);
	ease_km_summary s;

	ease_km_summarise(c, &s);
	ok(c->k == 0 && s.n == 0 && isnan(s.median) && isnan(s.rmean),
	   "no records: no curve, every figure NaN");
	ease_km_free(c);
}

int
main(void)
{
	for (size_t i = 0; i < sizeof km_refs / sizeof km_refs[0]; i++)
		check(&km_refs[i]);
	counts();
	empty();
	printf("# largest relative difference from R: %.3g\n", maxrel);
	return tap_done();
}

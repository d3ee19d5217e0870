/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-prepost --plan's randomization test against brute force
 * (tests/ref/randtest.py enumerates every schedule of the design): the
 * statistic, the p-value and the size of the reference set exactly, the
 * interval from inverting the test to 1e-6, NAP.
 */
#include "ease/randtest.h"
#include "tap.h"
#include "ref_randtest.h"

#include <math.h>
#include <stdio.h>

static int
same(double got, double want, double tol)
{
	return (isnan(got) && isnan(want)) || fabs(got - want) <= tol;
}

int
main(void)
{
	size_t n = sizeof rt_refs / sizeof rt_refs[0];

	for (size_t i = 0; i < n; i++) {
		const struct rt_ref *c = &rt_refs[i];
		ease_plan_design d = {c->k, c->blocks, c->max_run};
		ease_rt_result r;
		char name[200];
		int rc = ease_rt_pair(&d, c->arm, c->y, c->a, c->b, 1, 1, &r);

		snprintf(name, sizeof name, "%d arms, %ld blocks, max-run %ld, arm %d vs %d: diff %.6g, p %.6g over %.0f schedules",
			 c->k, c->blocks, c->max_run, c->a, c->b, c->diff, c->p, c->n);
		ok(rc == 0 && same(r.diff, c->diff, 1e-12) && same(r.p, c->p, 1e-12) &&
		   r.n_schedules == c->n && r.draws == 0, name);
		if (!(rc == 0 && same(r.p, c->p, 1e-12)))
			printf("#   got diff %.17g p %.17g n %.0f\n", r.diff, r.p, r.n_schedules);
		snprintf(name, sizeof name, "  its 95 %% interval %.6g to %.6g by inverting the test, NAP %.6g",
			 c->lo, c->hi, c->nap);
		ok(same(r.ci_lo, c->lo, 1e-6) && same(r.ci_hi, c->hi, 1e-6) && same(r.nap, c->nap, 1e-12), name);
		if (!(same(r.ci_lo, c->lo, 1e-6) && same(r.ci_hi, c->hi, 1e-6)))
			printf("#   got %.10g to %.10g, nap %.10g\n", r.ci_lo, r.ci_hi, r.nap);
	}
	{
		/* 24 blocks of two arms: 2^24 schedules, beyond enumeration */
		ease_plan_design d = {2, 24, 0};
		int arm[48];
		double y[48];
		ease_rt_result r;

		for (int u = 0; u < 48; u++) {
			arm[u] = (u / 2 + u) % 2;
			y[u] = 5 + (arm[u] == 0 ? -1.0 : 0.0) + 0.5 * ((u * 7) % 5 - 2);
		}
		ease_rt_pair(&d, arm, y, 0, 1, 1, 1, &r);
		ok(r.draws == EASE_RT_DRAWS && r.n_schedules == 16777216 && r.p > 0 && r.p < 0.01 &&
		   r.p_se > 0, "beyond a million schedules: Monte Carlo draws, p with its standard error");
		ok(r.ci_hi < 0 && r.ci_lo < r.diff && r.diff < r.ci_hi, "  and an interval around the estimate");
	}
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}

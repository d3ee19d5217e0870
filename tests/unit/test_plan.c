/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Schedules of a randomized trial: every draw is admitted, and the draws are
 * uniform over every admitted schedule (a chi-square on a fixed stream, so
 * the test is deterministic), and counts agree with enumeration.
 */
#include "ease/plan.h"
#include "tap.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

static unsigned long
draw(unsigned long bound, void *ctx)
{
	return gsl_rng_uniform_int(ctx, bound);
}

/* A schedule as a number: its arms as digits in base K. */
static long
code(const int *seq, int n, int k)
{
	long c = 0;

	for (int i = 0; i < n; i++)
		c = c * k + seq[i];
	return c;
}

/* Enumerates every sequence of N arms (K^N), marking the admitted ones. */
static long
enumerate(const ease_plan_design *d, char *mark, long space)
{
	int n = d->narms * (int)d->blocks, seq[64];
	long admitted = 0;

	for (long c = 0; c < space; c++) {
		long x = c;

		for (int i = n - 1; i >= 0; i--) {
			seq[i] = (int)(x % d->narms);
			x /= d->narms;
		}
		mark[c] = (char)ease_plan_admits(d, seq);
		admitted += mark[c];
	}
	return admitted;
}

static void
uniform(int k, long blocks, long max_run, long draws)
{
	ease_plan_design d = {k, blocks, max_run};
	int n = k * (int)blocks, seq[64];
	long space = 1, admitted;
	char *mark, name[160], buf[64];
	long *hits;
	double chi = 0, expect, p;
	int all_admitted = 1, none_outside = 1;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	gsl_rng_set(r, 12345);
	for (int i = 0; i < n; i++)
		space *= k;
	mark = calloc((size_t)space, 1);
	hits = calloc((size_t)space, sizeof *hits);
	admitted = enumerate(&d, mark, space);
	snprintf(name, sizeof name, "%d arms, %ld blocks, max-run %ld: the count is the %ld schedules enumeration admits",
		 k, blocks, max_run, admitted);
	ok(ease_plan_count(&d, buf, sizeof buf) == (double)admitted && atol(buf) == admitted, name);
	for (long t = 0; t < draws; t++) {
		ease_plan_draw(&d, draw, r, seq);
		if (!ease_plan_admits(&d, seq))
			all_admitted = 0;
		hits[code(seq, n, k)]++;
	}
	expect = (double)draws / (double)admitted;
	for (long c = 0; c < space; c++) {
		if (!mark[c] && hits[c])
			none_outside = 0;
		if (mark[c])
			chi += (hits[c] - expect) * (hits[c] - expect) / expect;
	}
	p = gsl_cdf_chisq_Q(chi, (double)admitted - 1);
	snprintf(name, sizeof name, "%d arms, %ld blocks, max-run %ld: every draw admitted", k, blocks, max_run);
	ok(all_admitted && none_outside, name);
	snprintf(name, sizeof name, "%d arms, %ld blocks, max-run %ld: %ld draws uniform over %ld schedules (chi-square p = %.3f)",
		 k, blocks, max_run, draws, admitted, p);
	ok(p > 0.001, name);
	free(mark);
	free(hits);
	gsl_rng_free(r);
}

int
main(void)
{
	ease_plan_design big = {12, 520, 1};
	char buf[64];

	uniform(2, 6, 0, 64000);
	uniform(2, 6, 1, 2000);
	uniform(3, 2, 1, 24000);
	uniform(3, 3, 1, 96000);
	uniform(4, 2, 1, 43200);
	uniform(3, 2, 0, 36000);
	ease_plan_count(&big, buf, sizeof buf);
	ok(strncmp(buf, "about ", 6) == 0 && strstr(buf, "e+"), "a count too long to write is written as about M.MMe+E");
	{
		ease_plan_design d = {2, 3, 0};
		int run3[6] = {0, 1, 1, 0, 0, 1}, bad[6] = {0, 0, 1, 0, 1, 0};
		ease_plan_design d1 = {2, 3, 1};

		ok(ease_plan_admits(&d, run3), "a run of 2 across a block boundary is admitted without --max-run");
		ok(!ease_plan_admits(&d1, run3), "and refused with --max-run 1");
		ok(!ease_plan_admits(&d, bad), "a block without every arm is refused");
	}
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of lib/stats.c.  Expected values: tests/ref/corr.R (`Rscript
 * tests/ref/corr.R unit`, R's cor.test), cross-checked with SciPy by
 * tests/ref/corr.py; never ease's own output.
 */
#include "ease/stats.h"
#include "tap.h"
#include "ref_pvalues.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N12 12
static const double X[N12] = {2, 4, 4, 5, 7, 7, 7, 8, 10, 12, 3, 6};
static const double Y[N12] = {30, 28, 29, 25, 20, 22, 20, 18, 15, 11, 27, 23};
static const double W[N12] = {1.5, 2.25, 0.5, 3, 4.75, 2, 6, 5.5, 3.25, 7, 1, 4};
static const double X3[3] = {1, 2, 4}, Y3[3] = {2, 1, 5};

/* r, p, ci_low, ci_high, p_adj at n_eff(n, 0.4, 0.3): corr.R unit */
typedef struct want {
	const char *name;
	int method;
	const double *x, *y;
	size_t n;
	double r, p, lo, hi, p_adj;
} want;

static const want wants[] = {
	{"xy pearson", EASE_PEARSON, X, Y, N12, -0.98172377327800819,
	 1.5574289213557464e-08, -0.99501892887801857, -0.93411399416685514,
	 1.2754432535269942e-06},
	{"xy spearman", EASE_SPEARMAN, X, Y, N12, -0.97175571596223487,
	 1.3500468680249358e-07, -0.99256559292162072, -0.89574403535576408,
	 6.3555989405845787e-06},
	{"xy kendall", EASE_KENDALL, X, Y, N12, -0.91364076862533505,
	 5.5613670372499005e-05, -0.964533183088223, -0.79725776417138483,
	 0.00035315262717984253},
	{"xw pearson", EASE_PEARSON, X, W, N12, 0.77092180473886895,
	 0.0033322770601941052, 0.35335714497133841, 0.9323297301950848,
	 0.012072734178713469},
	{"xw spearman", EASE_SPEARMAN, X, W, N12, 0.7901541798297006,
	 0.002225859467574939, 0.37926981086317341, 0.94074372781313309,
	 0.0089134712431801488},
	{"xw kendall", EASE_KENDALL, X, W, N12, 0.6253053994807225,
	 0.0055456673152440442, 0.26881607129815233, 0.83112159036020217,
	 0.013953981458442712},
	{"n3 pearson", EASE_PEARSON, X3, Y3, 3, 0.83862786937753453,
	 0.36671657332092311, NAN, NAN, 0.67210380792715274},
	{"n3 spearman", EASE_SPEARMAN, X3, Y3, 3, 0.5, 1,
	 NAN, NAN, 0.8430540731165268},
	{"n3 kendall", EASE_KENDALL, X3, Y3, 3, 0.33333333333333337,
	 1, NAN, NAN, 0.64342884356362062},
};

/* Kendall's S by counting every pair: the O(n^2) definition. */
static double
brute_tau(const double *x, const double *y, size_t n)
{
	double s = 0, tx = 0, ty = 0, tot = (double)n * (n - 1) / 2;

	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			double a = (x[i] > x[j]) - (x[i] < x[j]);
			double b = (y[i] > y[j]) - (y[i] < y[j]);

			s += a * b;
			tx += a == 0;
			ty += b == 0;
		}
	return s / sqrt((tot - tx) * (tot - ty));
}

int
main(void)
{
	char name[128];
	ease_corr c;
	double rank[N12];

	for (size_t i = 0; i < sizeof wants / sizeof wants[0]; i++) {
		const want *w = &wants[i];
		double ne;

		ease_corr_test(w->method, w->x, w->y, w->n, &c);
		snprintf(name, sizeof name, "%s r", w->name);
		is_num(c.r, w->r, 1e-9, name);
		snprintf(name, sizeof name, "%s p", w->name);
		is_num(c.p, w->p, 1e-9, name);
		snprintf(name, sizeof name, "%s ci_low", w->name);
		is_num(c.ci_lo, w->lo, 1e-9, name);
		snprintf(name, sizeof name, "%s ci_high", w->name);
		is_num(c.ci_hi, w->hi, 1e-9, name);
		ne = ease_n_eff((double)w->n, 0.4, 0.3);
		snprintf(name, sizeof name, "%s p_adj", w->name);
		is_num(ease_corr_p_adj(w->method, &c, ne), w->p_adj, 1e-9, name);
	}
	/* statistics: corr.R unit, "xy pearson stat" and "xy kendall stat" */
	ease_corr_test(EASE_PEARSON, X, Y, N12, &c);
	is_num(c.stat, -16.312648558089453, 1e-9, "xy pearson t");
	ease_corr_test(EASE_KENDALL, X, Y, N12, &c);
	is_num(c.stat, -4.0306886565936235, 1e-9, "xy kendall z");

	/* corr.R unit: ease_r_p(r, df), R's 2 pt(-|t|, df), far tail to p near 1 */
	is_num(ease_r_p(0.9, 31), 1.0379067023596913e-12, 1e-9, "p far tail, df 31");
	is_num(ease_r_p(0.999, 40), 1.3027638308190035e-55, 1e-9, "p far tail, df 40");
	is_num(ease_r_p(1e-6, 2e6), 0.99887162135007768, 1e-9, "p near 1, df 2e6");
	is_num(ease_r_p(0.003, 2e6), 2.2089609272849909e-05, 1e-9, "p small, df 2e6");
	is_num(ease_r_p(0.5, 13.3128), 0.054666072564207545, 1e-9, "p, fractional df");
	is_num(ease_r_p(0.2, 2.5), 0.77194181247370541, 1e-9, "p, df 2.5");
	is_num(ease_r_p(0.01, 1e5), 0.0015650197621725551, 1e-9, "p, df 1e5");

	/* corr.R unit: n_eff(12, 0.4, 0.3) */
	is_num(ease_n_eff(12, 0.4, 0.3), 9.4285714285714288, 1e-12, "n_eff");
	is_num(ease_n_eff(12, -0.4, 0.3), 12, 0, "n_eff never above n");
	ok(isnan(ease_n_eff(12, NAN, 0.3)), "n_eff unknown without r1");
	ok(isnan(ease_corr_p_adj(EASE_PEARSON, &c, 2)), "no p_adj at n_eff <= 2");

	/* R: rank(c(2, 4, 4, 5, 7, 7, 7, 8, 10, 12, 3, 6)) */
	ease_midranks(X, N12, rank);
	is_num(rank[0], 1, 0, "midrank lowest");
	is_num(rank[1], 3.5, 0, "midrank of a pair");
	is_num(rank[4], 8, 0, "midrank of three");
	is_num(rank[9], 12, 0, "midrank highest");

	/* degenerate inputs: empty cells, never a number */
	{
		static const double k[5] = {3, 3, 3, 3, 3}, v[5] = {1, 2, 3, 4, 5};

		for (int m = 0; m < EASE_NMETHODS; m++) {
			ease_corr_test(m, k, v, 5, &c);
			snprintf(name, sizeof name, "%s: constant x gives no r",
				 ease_corr_method_name(m));
			ok(isnan(c.r) && isnan(c.p) && isnan(c.ci_lo), name);
			ease_corr_test(m, v, v, 2, &c);
			snprintf(name, sizeof name, "%s: n = 2 gives no r",
				 ease_corr_method_name(m));
			ok(isnan(c.r) && isnan(c.p), name);
		}
	}
	/* perfect correlation: p 0, as R's cor.test */
	{
		static const double a[5] = {1, 2, 3, 4, 5}, b[5] = {2, 4, 6, 8, 10};

		ease_corr_test(EASE_PEARSON, a, b, 5, &c);
		is_num(c.r, 1, 0, "r = 1");
		is_num(c.p, 0, 0, "p = 0 at r = 1");
	}
	/* one pass and stored series agree */
	{
		ease_comom a = {0};
		ease_corr s;

		for (int i = 0; i < N12; i++)
			ease_comom_add(&a, X[i], W[i]);
		ease_corr_pearson_comom(&a, &s);
		is_num(s.r, 0.77092180473886895, 1e-12, "running sums r");
		is_num(s.p, 0.0033322770601941052, 1e-9, "running sums p");
	}
	/*
	 * Numerical edges.  Far from zero (corr.R unit, "edge"): the running
	 * sums and the stored path against R, and the lag-1 sums of r1.
	 */
	{
		static const double fx[6] = {0.6, 0.7, 0.3, 0.0, 0.7, 0.2};
		static const double fy[6] = {0.7, 0.5, 0.9, 0.5, 0.4, 0.8};
		static const double scale[4] = {1e160, 1e-170, 1e-300, 1e200};
		/* tests/ref/corr.py edge: SciPy's pearsonr, which rescales */
		static const double want_sc[4] = {-0.35908406521722591, -0.35908406521722591,
						  -0.35908406521722602, -0.35908406521722591};
		double a[6], b[6];
		ease_comom m = {0}, r1a = {0}, r1b = {0}, m12 = {0};

		for (int i = 0; i < 6; i++) {
			a[i] = 1000000000 + fx[i];
			b[i] = 1000000000 + fy[i];
			ease_comom_add(&m, a[i], b[i]);
			ease_comom_add(&m12, 1e12 + fx[i], 1e12 + fy[i]);
			if (i > 0) {
				ease_comom_add(&r1a, a[i - 1], a[i]);
				ease_comom_add(&r1b, b[i - 1], b[i]);
			}
		}
		is_num(ease_comom_r(&m), -0.35908407256238078, 1e-9, "edge: running r near 1e9");
		ease_corr_test(EASE_PEARSON, a, b, 6, &c);
		is_num(c.r, -0.35908407256238078, 1e-9, "edge: stored r near 1e9");
		is_num(ease_comom_r(&r1a), -0.27374484287542633, 1e-9, "edge: r1 near 1e9");
		is_num(ease_comom_r(&r1b), -0.51892378318309795, 1e-9, "edge: r1 near 1e9, b");
		is_num(ease_comom_r(&m12), -0.35907653738090045, 1e-9, "edge: running r near 1e12");
		for (int k = 0; k < 4; k++) {
			ease_comom sm = {0};

			for (int i = 0; i < 6; i++) {
				a[i] = (1 + fx[i]) * scale[k];
				b[i] = (1 + fy[i]) * scale[k];
				ease_comom_add(&sm, a[i], b[i]);
			}
			snprintf(name, sizeof name, "edge: running r at %g", scale[k]);
			is_num(ease_comom_r(&sm), want_sc[k], 1e-9, name);
			ease_corr_test(EASE_PEARSON, a, b, 6, &c);
			snprintf(name, sizeof name, "edge: stored r at %g, p %s", scale[k],
				 ease_p_method_name(c.p_method));
			is_num(c.r, want_sc[k], 1e-9, name);
		}
		/* opposite values near the largest double: their differences overflow */
		{
			ease_comom sm = {0};

			for (int i = 0; i < 6; i++)
				ease_comom_add(&sm, (fx[i] - 0.35) * 4 * 1e308,
					       (fy[i] - 0.65) * 4 * 1e308);
			is_num(ease_comom_r(&sm), -0.35908406521722602, 1e-9,
			       "edge: running r of +-1.4e308");
		}
		/*
		 * Deviations of subnormal size (values 1e-307 apart by 1e-314):
		 * some thirty bits are left of them, so r to 1e-6.
		 */
		{
			ease_comom sm = {0};

			for (int i = 0; i < 6; i++)
				ease_comom_add(&sm, 1e-307 + fx[i] * 1e-314, 1e-307 + fy[i] * 1e-314);
			is_num(ease_comom_r(&sm), -0.35908406521722602, 1e-6,
			       "edge: running r of deviations near 1e-314");
		}
	}
	/* O(n log n) Kendall against the O(n^2) definition, many ties, long runs */
	{
		size_t n = 3000;
		double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
		unsigned s = 12345;

		for (size_t i = 0; i < n; i++) {
			s = s * 1103515245u + 12345u;
			a[i] = (double)((s >> 16) % 11);
			s = s * 1103515245u + 12345u;
			b[i] = a[i] * 0.3 + (double)((s >> 16) % 7);
		}
		is_num(ease_kendall_tau(a, b, n, NULL), brute_tau(a, b, n), 1e-12,
		       "tau-b with ties = pair count");
		for (size_t i = 0; i < n; i++)
			b[i] = -(double)i + (double)(i % 50);
		is_num(ease_kendall_tau(a, b, n, NULL), brute_tau(a, b, n), 1e-12,
		       "tau-b, y without ties");
		free(a);
		free(b);
	}
	/*
	 * mid-ranks of a long series against their definition: few distinct
	 * values (counted in a table) and nearly all distinct (sorted)
	 */
	for (int spread = 0; spread < 2; spread++) {
		size_t n = 3000;
		double *v = malloc(n * sizeof *v), *r = malloc(n * sizeof *r);
		unsigned s = 777, m = spread ? 1000000 : 400;
		int good = 1;

		for (size_t i = 0; i < n; i++) {
			s = s * 1103515245u + 12345u;
			v[i] = ((double)(s % m) - m / 2.0) / 8;	/* ties, negatives */
		}
		v[11] = v[12] = v[13];
		v[7] = -0.0;
		v[8] = 0.0;
		v[9] = -1e300;
		v[10] = 1e-300;
		ease_midranks(v, n, r);
		for (size_t i = 0; i < n && good; i++) {
			double less = 0, same = 0;

			for (size_t j = 0; j < n; j++) {
				less += v[j] < v[i];
				same += v[j] == v[i];
			}
			if (r[i] != less + (same + 1) / 2)
				good = 0;
		}
		ok(good, spread ? "mid-ranks of 3000 values, nearly all distinct = count below + (ties + 1) / 2"
				: "mid-ranks of 3000 values = count below + (ties + 1) / 2");
		free(v);
		free(r);
	}
	/*
	 * Every p-value branch against R's cor.test defaults (tests/ref/pvalues.R):
	 * the branch taken, and p to 1e-9 relative.  The largest relative error
	 * of each branch is shown.
	 */
	{
		double worst[EASE_NMETHODS][5] = {{0}};
		int good_how = 1;

		for (size_t i = 0; i < sizeof PV_CASES / sizeof PV_CASES[0]; i++) {
			const struct pv_case *k = &PV_CASES[i];
			double err;

			ease_corr_test(k->method, PV_DATA + k->off, PV_DATA + k->off + k->n,
				       (size_t)k->n, &c);
			if (strcmp(ease_p_method_name(c.p_method), k->how) != 0) {
				printf("# %s n %d: p_method %s, R's %s\n",
				     ease_corr_method_name(k->method), k->n,
				     ease_p_method_name(c.p_method), k->how);
				good_how = 0;
			}
			if (!(fabs(c.p - k->p_cor_test) <= 1e-12)) {
				printf("# %s n %d (case %zu): p %.17g, cor.test's %.17g\n",
				       ease_corr_method_name(k->method), k->n, i, c.p,
				       k->p_cor_test);
				good_how = 0;
			}
			err = k->p == 0 ? fabs(c.p) : fabs(c.p - k->p) / k->p;
			if (!(err <= 1e-9)) {
				printf("# %s n %d (case %zu): p %.17g, R's %.17g\n",
				     ease_corr_method_name(k->method), k->n, i, c.p, k->p);
				err = INFINITY;
			}
			if (err > worst[k->method][c.p_method])
				worst[k->method][c.p_method] = err;
		}
		ok(good_how, "p_method is R's branch, p within 1e-12 of cor.test, in every case");
		for (int m = 0; m < EASE_NMETHODS; m++)
			for (int h = EASE_P_EXACT; h <= EASE_P_NORMAL; h++) {
				if ((m == EASE_PEARSON && h != EASE_P_T) ||
				    (m == EASE_SPEARMAN && h == EASE_P_NORMAL) ||
				    (m == EASE_KENDALL && (h == EASE_P_EDGEWORTH || h == EASE_P_T)))
					continue;
				snprintf(name, sizeof name, "%s %s p within 1e-9 of R (worst %.2g)",
					 ease_corr_method_name(m), ease_p_method_name(h),
					 worst[m][h]);
				ok(worst[m][h] <= 1e-9, name);
			}
	}
	/* four days of perfectly opposite values: R gives 1/12 for both */
	{
		static const double a[4] = {1, 2, 3, 4}, b[4] = {8, 6, 5, 1};

		ease_corr_test(EASE_SPEARMAN, a, b, 4, &c);
		is_num(c.p, 1.0 / 12, 1e-12, "spearman n 4, rho -1: p 1/12");
		ease_corr_test(EASE_KENDALL, a, b, 4, &c);
		is_num(c.p, 1.0 / 12, 1e-12, "kendall n 4, tau -1: p 1/12");
	}
	{
		/* the least-squares line: corr.R unit, "line of ..." (R's lm) */
		ease_comom m = {0}, f = {0};
		double a, b;
		static const double u[6] = {1, 2, 4, 7, 11, 16};
		static const double v[6] = {3.1, 2.7, 4.4, 5.0, 6.9, 8.2};

		for (size_t i = 0; i < N12; i++)
			ease_comom_add(&m, X[i], Y[i]);
		ease_comom_line(&m, &a, &b);
		is_num(a, 34.731707317073187, 1e-12, "line of x, y: intercept");
		is_num(b, -1.9837398373983759, 1e-12, "line of x, y: slope");
		for (size_t i = 0; i < 6; i++)
			ease_comom_add(&f, 1e9 + u[i], v[i]);
		ease_comom_line(&f, &a, &b);
		is_num(b, 0.36653346653346652, 1e-12, "line near 1e9: slope");
		/* a - b 1e9 loses what 1e9 x eps is: about 1e-7 */
		is_num(a + b * (1e9 + 5), 4.3780219780219802, 1e-6, "line near 1e9: at 1e9 + 5");
		memset(&f, 0, sizeof f);
		ease_comom_add(&f, 3, 1);
		ease_comom_add(&f, 3, 2);
		ease_comom_line(&f, &a, &b);
		ok(isnan(a) && isnan(b), "line of a constant x: none");
	}
	return tap_done();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of lib/hyptest.c.  Every expected value was produced by R
 * (`Rscript tests/ref/hyptest.R`; the ITS's Newey-West and GLS fits are
 * tested in test_gls.c), and is pasted here under the line that
 * produced it; none comes from ease's own output.  The data are written out
 * here and in the scripts alike; the long series come from gen(), integer
 * arithmetic and one division, which R, Python and C round identically.
 */
#include "ease/hyptest.h"
#include "tap.h"

#include <stdlib.h>

#define REL 1e-9

/* The largest relative error against the references, by function. */
enum { F_ONE, F_PAIRED, F_WELCH, F_P_ADJ, F_SIGNRANK, F_RANKSUM, F_KRUSKAL, F_HOLM, F_NAP,
       F_TAU_U, F_ITS_OLS, F_NFN };
static const char *const fn_name[F_NFN] = {
	"ease_ttest_one", "ease_ttest_paired", "ease_ttest_welch", "ease_ttest_p_adj", "ease_signrank", "ease_ranksum",
	"ease_kruskal_test", "ease_holm", "ease_nap_ab", "ease_tau_u",
	"ease_its_fit OLS"
};
static double max_rel[F_NFN];

static void
check(int fn, double got, double want, const char *what, const char *case_)
{
	char name[160];

	if (isfinite(want) && want != 0 && isfinite(got)) {
		double r = fabs(got - want) / fabs(want);

		if (r > max_rel[fn])
			max_rel[fn] = r;
	}
	snprintf(name, sizeof name, "%s: %s %s", fn_name[fn], case_, what);
	is_num(got, want, REL, name);
}

/* (((i a + b) mod m) mul + add) / s for i = 1..n, as gen() in hyptest.R */
static void
gen(double *v, long n, long a, long b, long m, double s, long mul, long add)
{
	for (long i = 1; i <= n; i++)
		v[i - 1] = (double)(((i * a + b) % m) * mul + add) / s;
}

/* ---- data, as in tests/ref/hyptest.R ---- */
static const double P1X[] = {3.2, 4.1, 2.7, 5.6, 3.9, 4.4, 2.2, 3.5, 4.8, 3.0, 2.9, 4.0};
static const double P1Y[] = {5.1, 4.6, 4.9, 5.2, 6.3, 4.8, 3.7, 5.9, 5.0, 4.4, 4.6, 5.7};
static const double P2X[] = {4, 3, 5, 6, 2, 4, 5, 3, 4, 6, 3, 2, 5, 4};
static const double P2Y[] = {6, 5, 5, 7, 4, 6, 5, 5, 6, 6, 4, 4, 7, 5};
static double P3X[60], P3Y[60];
static const double P4X[] = {5, 7, 6};
static const double P4Y[] = {4, 6, 5};
static const double P5X[] = {10.5, 12.25, 9, 11.75, 13.5, 8.25, 10, 12.5, 11, 9.5};
static const double P5Y[] = {11.75, 9.75, 8.25, 8.5, 14, 6.5, 6, 10.25, 9.5, 5.75};
static double P6X[49], P6Y[49];
/* zeros among the differences, no ties among the rest */
static const double P7X[] = {5, 3.5, 3, 4, 3.5, 2.25};
static const double P7Y[] = {5, 4.25, 6.25, 4, 5.5, 6};

static const double I1X[] = {3.1, 4.7, 2.2, 5.8, 3.6, 4.0, 2.9, 5.1};
static const double I1Y[] = {5.5, 6.1, 4.3, 7.2, 5.0, 6.6, 4.9, 5.7, 6.9, 4.4};
static const double I2X[] = {4, 5, 3, 6, 4, 5, 7, 3, 4, 5, 6};
static const double I2Y[] = {6, 7, 5, 6, 8, 7, 5, 6, 7, 9};
static double I3X[55], I3Y[52], I4X[49], I4Y[49];
static const double I5X[] = {1.5, 9.25, 4.75};
static double I5Y[40];
/* one side constant: Welch still has a t */
static const double I6X[] = {5, 5, 5, 5};
static const double I6Y[] = {6.5, 6, 7.25, 7, 8, 9.5};

/* the same data with the sides swapped: the other tail */
#define P1rX P1Y
#define P1rY P1X
#define P5rX P5Y
#define P5rY P5X
#define I1rX I1Y
#define I1rY I1X

static void
make_data(void)
{
	gen(P3X, 60, 37, 11, 101, 10, 1, 0);
	gen(P3Y, 60, 53, 7, 97, 10, 1, 0);
	for (int i = 1; i <= 49; i++) {
		/* P6y <- P6x - ifelse((i * 7 + 3) %% 5 < 2, 1, -1) * i / 4 */
		double sgn = (i * 7 + 3) % 5 < 2 ? 1 : -1;

		P6X[i - 1] = i;
		P6Y[i - 1] = P6X[i - 1] - sgn * i / 4;
	}
	gen(I3X, 55, 29, 3, 103, 8, 1, 0);
	gen(I3Y, 52, 41, 5, 107, 8, 1, 0);
	gen(I4X, 49, 31, 2, 97, 10, 1, 0);
	gen(I4Y, 49, 17, 5, 89, 20, 2, 1);
	gen(I5Y, 40, 13, 1, 43, 4, 2, 1);
}

/* ---- t tests ---- */
typedef struct want_paired {
	const char *name;
	const double *x, *y;
	size_t n;
	double diff, lo, hi, t, df, p, effect;
} want_paired;

typedef struct want_welch {
	const char *name;
	const double *x;
	size_t nx;
	const double *y;
	size_t ny;
	double diff, lo, hi, t, df, p, effect;
} want_welch;

static const want_paired paired[] = {
	/* t.test(P1x, P1y, paired = TRUE); mean(d) / sd(d) */
	{"P1 paired", P1X, P1Y, 12,
	 -1.325, -1.9155396848027293, -0.73446031519727062, -4.938373173168908, 11, 0.00044373244911310859, -1.4255855404439477},
	/* t.test(P2x, P2y, paired = TRUE); mean(d) / sd(d) */
	{"P2 paired", P2X, P2Y, 14,
	 -1.3571428571428572, -1.84323993578141, -0.87104577850430442, -6.0315706877429793, 13, 4.2234574915982167e-05, -1.6120050726887643},
	/* t.test(P3x, P3y, paired = TRUE); mean(d) / sd(d) */
	{"P3 paired", P3X, P3Y, 60,
	 0.31333333333333335, -0.75718484241032968, 1.3838515090769965, 0.58567763351186775, 59, 0.56032589260047971, 0.075610657361254496},
	/* t.test(P5x, P5y, paired = TRUE); mean(d) / sd(d) */
	{"P5 paired", P5X, P5Y, 10,
	 1.8, 0.55581356046098718, 3.0441864395390126, 3.2727272727272725, 9, 0.0096406164125060131, 1.0349272342369242},
};

static const want_welch welch[] = {
	/* t.test(I1x, I1y); g = hedges_g(x, y) of hyptest.R */
	{"I1 welch", I1X, 8, I1Y, 10,
	 -1.7350000000000003, -2.8904373703438146, -0.57956262965618599, -3.2254197934828119, 13.780606948863936, 0.0062121034986372609, -1.4859699790766001},
	/* t.test(I2x, I2y); g = hedges_g(x, y) of hyptest.R */
	{"I2 welch", I2X, 11, I2Y, 10,
	 -1.8727272727272721, -3.0333292613133533, -0.71212528414119047, -3.3793203818626498, 18.830966947368175, 0.0031790061737625294, -1.4169364106759181},
	/* t.test(I3x, I3y); g = hedges_g(x, y) of hyptest.R */
	{"I3 welch", I3X, 55, I3Y, 52,
	 -0.43697552447552379, -1.8978001642019131, 1.0238491152508653, -0.59319611671344341, 103.83059067399535, 0.55433984653201773, -0.11407611306087276},
	/* t.test(I5x, I5y); g = hedges_g(x, y) of hyptest.R */
	{"I5 welch", I5X, 3, I5Y, 40,
	 -5.7458333333333327, -13.804923087550701, 2.3132564208840374, -2.3403536052162579, 2.8453501511234554, 0.10592903539168548, -0.91507558405071165},
	/* t.test(I6x, I6y); g = hedges_g(x, y) of hyptest.R */
	{"I6 welch", I6X, 4, I6Y, 6,
	 -2.375, -3.6789000275234911, -1.0710999724765091, -4.6822085518563696, 5, 0.0054228315038495397, -2.182630231481808},
};

/* mean, ci_lo, ci_hi, t, df, p, effect */
static const double one_want[3][7] = {
	/* t.test(P1x); mean(P1x) / sd(P1x) */
	{3.6916666666666664, 3.0777665018284019, 4.3055668315049305, 13.235545475833124, 11, 4.222471678252103e-08, 3.8207728716718941},
	/* t.test(P3y); mean(P3y) / sd(P3y) */
	{4.7249999999999996, 4.0014390101842539, 5.4485609898157454, 13.066905616172997, 59, 4.5722043484090175e-19, 1.6869302612634063},
	/* t.test(I2y); mean(I2y) / sd(I2y) */
	{6.5999999999999996, 5.6951371348807172, 7.5048628651192804, 16.499999999999996, 9, 4.9172185137458341e-08, 5.2177581392778256}
};

static const double p_adj_want[3] = {
	/* p_adj_paired(P1x, P1y, 7.5) */
	0.0067879830173021008,
	/* p_adj_welch(I1x, I1y, 5.5, 7.25) */
	0.024810426202033064,
	/* p_adj_welch(I3x, I3y, 20.125, 31) */
	0.6888087128886824,
};

static void
test_ttests(void)
{
	const double *one[3] = {P1X, P3Y, I2Y};
	const size_t one_n[3] = {12, 60, 10};
	ease_ttest r;

	for (int k = 0; k < 3; k++) {
		const double *w = one_want[k];

		ease_ttest_one(one[k], one_n[k], &r);
		check(F_ONE, r.diff, w[0], "mean", "one sample");
		check(F_ONE, r.ci_lo, w[1], "ci_lo", "one sample");
		check(F_ONE, r.ci_hi, w[2], "ci_hi", "one sample");
		check(F_ONE, r.t, w[3], "t", "one sample");
		check(F_ONE, r.df, w[4], "df", "one sample");
		check(F_ONE, r.p, w[5], "p", "one sample");
		check(F_ONE, r.effect, w[6], "mean/sd", "one sample");
	}
	ease_ttest_paired(P1X, P1Y, 12, &r);
	check(F_P_ADJ, ease_ttest_p_adj(&r, 7.5, NAN), p_adj_want[0], "paired", "P1, n_eff 7.5");
	ease_ttest_welch(I1X, 8, I1Y, 10, &r);
	check(F_P_ADJ, ease_ttest_p_adj(&r, 5.5, 7.25), p_adj_want[1], "Welch", "I1, n_eff 5.5, 7.25");
	ease_ttest_welch(I3X, 55, I3Y, 52, &r);
	check(F_P_ADJ, ease_ttest_p_adj(&r, 20.125, 31), p_adj_want[2], "Welch", "I3, n_eff 20.125, 31");
	ok(isnan(ease_ttest_p_adj(&r, 1, 31)), "ease_ttest_p_adj: n_eff 1 is NaN");

	for (size_t k = 0; k < sizeof paired / sizeof *paired; k++) {
		const want_paired *w = &paired[k];

		ease_ttest_paired(w->x, w->y, w->n, &r);
		check(F_PAIRED, r.diff, w->diff, "diff", w->name);
		check(F_PAIRED, r.ci_lo, w->lo, "ci_lo", w->name);
		check(F_PAIRED, r.ci_hi, w->hi, "ci_hi", w->name);
		check(F_PAIRED, r.t, w->t, "t", w->name);
		check(F_PAIRED, r.df, w->df, "df", w->name);
		check(F_PAIRED, r.p, w->p, "p", w->name);
		check(F_PAIRED, r.effect, w->effect, "d_z", w->name);
	}
	for (size_t k = 0; k < sizeof welch / sizeof *welch; k++) {
		const want_welch *w = &welch[k];

		ease_ttest_welch(w->x, w->nx, w->y, w->ny, &r);
		check(F_WELCH, r.diff, w->diff, "diff", w->name);
		check(F_WELCH, r.ci_lo, w->lo, "ci_lo", w->name);
		check(F_WELCH, r.ci_hi, w->hi, "ci_hi", w->name);
		check(F_WELCH, r.t, w->t, "t", w->name);
		check(F_WELCH, r.df, w->df, "df", w->name);
		check(F_WELCH, r.p, w->p, "p", w->name);
		check(F_WELCH, r.effect, w->effect, "hedges g", w->name);
	}
}

/* ---- rank tests ---- */
typedef struct want_signrank {
	const char *name;
	const double *x, *y;
	size_t n;
	double v, p;
	int method;
} want_signrank;

typedef struct want_ranksum {
	const char *name;
	const double *x;
	size_t nx;
	const double *y;
	size_t ny;
	double w, p;
	int method;
} want_ranksum;

static const want_signrank signrank[] = {
	/* wilcox.test(P1x, P1y, paired = TRUE): Wilcoxon signed rank test with continuity correction */
	{"P1 signrank", P1X, P1Y, 12, 2.5, 0.0047257136405737272, EASE_P_NORMAL},
	/* wilcox.test(P1rx, P1ry, paired = TRUE): Wilcoxon signed rank test with continuity correction */
	{"P1r signrank", P1rX, P1rY, 12, 75.5, 0.0047257136405737272, EASE_P_NORMAL},
	/* wilcox.test(P2x, P2y, paired = TRUE): Wilcoxon signed rank test with continuity correction */
	{"P2 signrank", P2X, P2Y, 14, 0, 0.0024939568887448163, EASE_P_NORMAL},
	/* wilcox.test(P3x, P3y, paired = TRUE): Wilcoxon signed rank test with continuity correction */
	{"P3 signrank", P3X, P3Y, 60, 984.5, 0.61148194966209757, EASE_P_NORMAL},
	/* wilcox.test(P4x, P4y, paired = TRUE): Wilcoxon signed rank test with continuity correction */
	{"P4 signrank", P4X, P4Y, 3, 6, 0.14891467317876567, EASE_P_NORMAL},
	/* wilcox.test(P5x, P5y, paired = TRUE): Wilcoxon signed rank exact test */
	{"P5 signrank", P5X, P5Y, 10, 51, 0.013671875, EASE_P_EXACT},
	/* wilcox.test(P5rx, P5ry, paired = TRUE): Wilcoxon signed rank exact test */
	{"P5r signrank", P5rX, P5rY, 10, 4, 0.013671875, EASE_P_EXACT},
	/* wilcox.test(P6x, P6y, paired = TRUE): Wilcoxon signed rank exact test */
	{"P6 signrank", P6X, P6Y, 49, 500, 0.26784171820396813, EASE_P_EXACT},
	/* wilcox.test(P7x, P7y, paired = TRUE): Wilcoxon signed rank test with continuity correction */
	{"P7 signrank", P7X, P7Y, 6, 0, 0.10034824646229079, EASE_P_NORMAL},
};

static const want_ranksum ranksum[] = {
	/* wilcox.test(I1x, I1y): Wilcoxon rank sum exact test */
	{"I1 ranksum", I1X, 8, I1Y, 10, 12, 0.011655011655011656, EASE_P_EXACT},
	/* wilcox.test(I1rx, I1ry): Wilcoxon rank sum exact test */
	{"I1r ranksum", I1rX, 10, I1rY, 8, 68, 0.011655011655011656, EASE_P_EXACT},
	/* wilcox.test(I2x, I2y): Wilcoxon rank sum test with continuity correction */
	{"I2 ranksum", I2X, 11, I2Y, 10, 16.5, 0.0064304953162136903, EASE_P_NORMAL},
	/* wilcox.test(I3x, I3y): Wilcoxon rank sum test with continuity correction */
	{"I3 ranksum", I3X, 55, I3Y, 52, 1334.5, 0.55373524780961514, EASE_P_NORMAL},
	/* wilcox.test(I4x, I4y): Wilcoxon rank sum exact test */
	{"I4 ranksum", I4X, 49, I4Y, 49, 1324, 0.38379754136346939, EASE_P_EXACT},
	/* wilcox.test(I5x, I5y): Wilcoxon rank sum test with continuity correction */
	{"I5 ranksum", I5X, 3, I5Y, 40, 27.5, 0.12711007539673935, EASE_P_NORMAL},
	/* wilcox.test(I6x, I6y): Wilcoxon rank sum test with continuity correction */
	{"I6 ranksum", I6X, 4, I6Y, 6, 0, 0.011417221487911732, EASE_P_NORMAL},
};

static void
test_ranktests(void)
{
	ease_ranktest r;
	char name[80];

	for (size_t k = 0; k < sizeof signrank / sizeof *signrank; k++) {
		const want_signrank *w = &signrank[k];

		ease_signrank(w->x, w->y, w->n, &r);
		check(F_SIGNRANK, r.stat, w->v, "V", w->name);
		check(F_SIGNRANK, r.p, w->p, "p", w->name);
		snprintf(name, sizeof name, "ease_signrank: %s method", w->name);
		is_str(ease_p_method_name(r.method), ease_p_method_name(w->method), name);
	}
	for (size_t k = 0; k < sizeof ranksum / sizeof *ranksum; k++) {
		const want_ranksum *w = &ranksum[k];

		ease_ranksum(w->x, w->nx, w->y, w->ny, &r);
		check(F_RANKSUM, r.stat, w->w, "W", w->name);
		check(F_RANKSUM, r.p, w->p, "p", w->name);
		snprintf(name, sizeof name, "ease_ranksum: %s method", w->name);
		is_str(ease_p_method_name(r.method), ease_p_method_name(w->method), name);
	}
}

/* ---- Kruskal-Wallis ---- */
/* K1 and K2 of hyptest.R, each group after the other; K2's third is empty */
static const double K1[] = {2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4,
			    2.8, 3.4, 3.7, 2.2, 2.0};
static const double K2[] = {1, 2, 2, 3, 5, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7};

static const double kw_want[2][3] = {
	/* kruskal.test(K1) */
	{0.77142857142857224, 2, 0.67996477357889362},
	/* kruskal.test(K2) */
	{8.6822649572649464, 2, 0.013021772970375762},
};

static void
test_kruskal(void)
{
	const size_t s1[] = {5, 4, 5}, s2[] = {5, 4, 0, 6};
	ease_kruskal r;

	ease_kruskal_test(K1, s1, 3, &r);
	check(F_KRUSKAL, r.h, kw_want[0][0], "H", "K1");
	check(F_KRUSKAL, r.df, kw_want[0][1], "df", "K1");
	check(F_KRUSKAL, r.p, kw_want[0][2], "p", "K1");
	ease_kruskal_test(K2, s2, 4, &r);
	check(F_KRUSKAL, r.h, kw_want[1][0], "H", "K2 (an empty group)");
	check(F_KRUSKAL, r.df, kw_want[1][1], "df", "K2 (an empty group)");
	check(F_KRUSKAL, r.p, kw_want[1][2], "p", "K2 (an empty group)");
	is_long(r.k, 3, "ease_kruskal_test: an empty group is no group");
}

/* ---- Holm ---- */
static void
test_holm(void)
{
	double p[] = {0.01, 0.04, NAN, 0.03, 0.005, 0.04, 0.5}, adj[7];
	static const double want[] = {
	/* p.adjust(c(0.01, 0.040000000000000001, NAN, 0.029999999999999999, 0.0050000000000000001, 0.040000000000000001, 0.5), "holm") */
		0.050000000000000003, 0.12, NAN, 0.12, 0.029999999999999999, 0.12, 0.5
	};

	ease_holm(p, 7, adj);
	for (int i = 0; i < 7; i++)
		check(F_HOLM, adj[i], want[i], "p_adj", "7 tests, one NaN, a tie");
	/* in place, as the header allows */
	ease_holm(p, 7, p);
	check(F_HOLM, p[4], want[4], "p_adj", "in place");
}

/* ---- NAP and Tau-U ---- */
/* Parker, Vannest & Davis (2011) */
static const double N1A[] = {20, 20, 26, 25, 22, 23}, N1B[] = {28, 25, 24, 27, 30, 30, 29};
/* Parker & Vannest (2009) */
static const double N2A[] = {4, 3, 4, 3, 4, 7, 5, 2, 3, 2};
static const double N2B[] = {5, 9, 7, 9, 7, 5, 9, 11, 11, 10, 9};
static const double N3A[] = {6, 7, 5, 6, 8, 7, 6, 5}, N3B[] = {5, 4, 6, 3, 4, 5, 2, 4, 3};
static const double N4A[] = {7, 8, 6, 9}, N4B[] = {3, 2, 4, 5, 1};
/* Parker, Vannest, Davis & Sauber (2011), Tau-U example */
static const double N5A[] = {3, 3, 4, 5}, N5B[] = {4, 5, 6, 7, 7};
static const double N6A[] = {5}, N6B[] = {3, 6, 4};
/* longer phases, with ties (I3) and without (P3) */
#define N7A I3X
#define N7B I3Y
#define N8A P3X
#define N8B P3Y

typedef struct want_nap {
	const double *a;
	size_t na;
	const double *b;
	size_t nb;
	int lower;
	double nap, se, lo, hi, tau_u;
} want_nap;

static const want_nap naps[] = {
	/* nap_ref(N1A, N1B, lower = FALSE); tau_u_ref(same) */
	{N1A, 6, N1B, 7, 0, 0.91666666666666663, 0.069006555934235436, 0.5973193600388087, 0.98599768937021326, 0.73809523809523814},
	/* nap_ref(N2A, N2B, lower = FALSE); tau_u_ref(same) */
	{N2A, 10, N2B, 11, 0, 0.96363636363636362, 0.031926223493493153, 0.7499720066289689, 0.99508128638654114, 1.0181818181818181},
	/* nap_ref(N3A, N3B, lower = TRUE); tau_u_ref(same) */
	{N3A, 8, N3B, 9, 1, 0.92361111111111116, 0.059507272835193734, 0.65765668279249989, 0.98510832141373361, 0.80555555555555558},
	/* nap_ref(N4A, N4B, lower = TRUE); tau_u_ref(same) */
	{N4A, 4, N4B, 5, 1, 1, 0.045069390943299883, 0.61152323079645488, 1, 1.1000000000000001},
	/* nap_ref(N4A, N4B, lower = FALSE); tau_u_ref(same) */
	{N4A, 4, N4B, 5, 0, 0, 0.04506939094329987, 0, 0.38847676920354518, -1.1000000000000001},
	/* nap_ref(N5A, N5B, lower = FALSE); tau_u_ref(same) */
	{N5A, 4, N5B, 5, 0, 0.90000000000000002, 0.099999999999999978, 0.49992403230645677, 0.98598668587609106, 0.55000000000000004},
	/* nap_ref(N6A, N6B, lower = TRUE); tau_u_ref(same) */
	{N6A, 1, N6B, 3, 1, 0.66666666666666663, NAN, 0.15291955084990794, 0.95547681457500921, 0.33333333333333331},
	/* nap_ref(N7A, N7B, lower = TRUE); tau_u_ref(same) */
	{N7A, 55, N7B, 52, 1, 0.46660839160839163, 0.056052076132777198, 0.36182518931688262, 0.57504516747171386, -0.053846153846153849},
	/* nap_ref(N8A, N8B, lower = FALSE); tau_u_ref(same) */
	{N8A, 60, N8B, 60, 0, 0.46999999999999997, 0.052846335402765739, 0.3705442703346124, 0.57240144671362125, -0.06277777777777778},
};

static void
test_nap(void)
{
	ease_nap r;
	char name[40];

	for (size_t k = 0; k < sizeof naps / sizeof *naps; k++) {
		const want_nap *w = &naps[k];

		snprintf(name, sizeof name, "case %zu", k + 1);
		ease_nap_ab(w->a, w->na, w->b, w->nb, w->lower, &r);
		check(F_NAP, r.nap, w->nap, "nap", name);
		check(F_NAP, r.se, w->se, "se", name);
		check(F_NAP, r.ci_lo, w->lo, "ci_lo", name);
		check(F_NAP, r.ci_hi, w->hi, "ci_hi", name);
		check(F_TAU_U, ease_tau_u(w->a, w->na, w->b, w->nb, w->lower),
		      w->tau_u, "tau_u", name);
	}
	/* the pair counts by sorting against every pair, on data with many ties */
	{
		double a[40], b[33], q = 0, s_ab = 0, s_a = 0;
		int lower = 1;

		gen(a, 40, 7, 3, 11, 1, 1, 0);
		gen(b, 33, 5, 1, 9, 1, 1, 0);
		for (int i = 0; i < 40; i++)
			for (int j = 0; j < 33; j++) {
				q += (b[j] < a[i]) + 0.5 * (b[j] == a[i]);
				s_ab += (b[j] < a[i]) - (b[j] > a[i]);
			}
		for (int i = 0; i < 40; i++)
			for (int j = i + 1; j < 40; j++)
				s_a += (a[j] < a[i]) - (a[j] > a[i]);
		ease_nap_ab(a, 40, b, 33, lower, &r);
		is_num(r.nap, q / (40 * 33), 1e-15, "NAP by sorting = NAP over every pair");
		is_num(ease_tau_u(a, 40, b, 33, lower), (s_ab - s_a) / (40 * 33), 1e-15,
		       "Tau-U by sorting = Tau-U over every pair");
	}
	/* the published worked examples themselves */
	ease_nap_ab(N1A, 6, N1B, 7, 0, &r);
	is_num(r.nap, 38.5 / 42, REL, "NAP of Parker, Vannest & Davis (2011): 38.5/42");
	is_num(ease_tau_u(N5A, 4, N5B, 5, 0), 11.0 / 20, REL,
	       "Tau-U of Parker et al. (2011): 11/20");
	/* mean((P2x < P2y) + (P2x == P2y) / 2): paired NAP, lower better */
	check(F_NAP, ease_nap_paired(P2X, P2Y, 14, 1), 0.8928571428571429, "paired nap", "P2");
}

/* ---- interrupted time series ---- */
typedef struct its_case {
	long n, a, m, t0, amp;
	long gaps[6];
	size_t ngaps;
} its_case;

static const its_case its_cases[2] = {
	{60, 37, 41, 30, 4, {7, 8, 33, 50}, 4},
	{200, 23, 29, 120, 40, {0, 5, 99, 120, 121, 150}, 6},
};

/* its_data() of hyptest.R: integers until one division */
static size_t
its_data(const its_case *c, double *t, double *y)
{
	size_t k = 0;

	for (long d = 0; d < c->n; d++) {
		long i, post, v;
		int gap = 0;

		for (size_t g = 0; g < c->ngaps; g++)
			gap |= c->gaps[g] == d;
		if (gap)
			continue;
		i = (long)k + 1;
		post = d >= c->t0;
		v = 600 + 2 * d - 150 * post - 3 * (d - c->t0) * post;
		t[k] = (double)d;
		y[k] = ((double)v + (double)(((i * c->a + 11) % c->m) - (c->m - 1) / 2) *
			(double)c->amp) / 100;
		k++;
	}
	return k;
}

typedef struct want_ols {
	double b[4], se[4], p[4], r1;
} want_ols;

static const want_ols its_ols[2] = {
	/* lm(y ~ t + post + I((t - t0) * post)) on S1; cor(e[d], e[d+1]) */
	{{5.9980392156862745, 0.021083099906629366, -1.5750817809641346, -0.029026333143980249},
	 {0.19075583496673557, 0.01098586285487811, 0.26922457540849043, 0.015644624844522198},
	 {1.6528027206850187e-35, 0.060465953665448428, 3.3134388429625523e-07, 0.069217884583765821},
	 0.44715345801003314},
	/* lm(y ~ t + post + I((t - t0) * post)) on S2; cor(e[d], e[d+1]) */
	{{6.2945888287615519, 0.014589696849758176, -0.72754499591290844, -0.031931075571749575},
	 {0.63264203808765607, 0.0091526615760923538, 1.0109466635361044, 0.019299076682368226},
	 {4.866597033412003e-19, 0.11258949835901912, 0.47261432009316806, 0.099669033547076},
	 0.014064546509971642},
};

static void
test_its(void)
{
	double t[200], y[200];
	ease_its r;

	for (int k = 0; k < 2; k++) {
		size_t n = its_data(&its_cases[k], t, y);
		const char *name = k == 0 ? "S1" : "S2";

		ease_its_fit(t, y, n, (double)its_cases[k].t0, EASE_SE_OLS, &r);
		for (int j = 0; j < 4; j++) {
			check(F_ITS_OLS, r.b[j], its_ols[k].b[j], "b", name);
			check(F_ITS_OLS, r.se[j], its_ols[k].se[j], "se", name);
			check(F_ITS_OLS, r.p[j], its_ols[k].p[j], "p", name);
		}
		check(F_ITS_OLS, r.r1_resid, its_ols[k].r1, "r1_resid", name);

		/* Newey-West and GLS: tests/unit/test_gls.c, against R sandwich and nlme */
	}
}

/* ---- what cannot be computed is NaN, never a crash ---- */
static void
test_edges(void)
{
	static const double one[] = {4}, same[] = {3, 3, 3, 3}, zero2[] = {2, 2};
	static const double same6[] = {3, 3, 3, 3, 3, 3};
	ease_ttest t;
	ease_ranktest r;
	ease_kruskal k;
	ease_nap nap;
	ease_its its;
	double adj[1], tt[] = {0, 1, 2, 3, 4, 5}, yy[] = {1, 2, 3, 4, 5, 6};

	ease_ttest_paired(NULL, NULL, 0, &t);
	ok(isnan(t.diff) && isnan(t.p) && isnan(t.effect), "paired t, n = 0: NaN");
	ease_ttest_paired(one, same, 1, &t);
	ok(t.diff == 1 && isnan(t.t) && isnan(t.p) && isnan(t.ci_lo), "paired t, n = 1: diff only");
	/* every difference 1: R stops with "data are essentially constant" */
	ease_ttest_paired(P4X, P4Y, 3, &t);
	ok(t.diff == 1 && isnan(t.t) && isnan(t.p) && isnan(t.effect), "paired t, constant d: NaN");
	ease_ttest_welch(NULL, 0, same, 4, &t);
	ok(isnan(t.diff) && isnan(t.p), "Welch, an empty side: NaN");
	ease_ttest_welch(one, 1, P2X, 14, &t);
	ok(isnan(t.t) && isnan(t.p) && !isnan(t.effect), "Welch, one value: no t, g from the pooled SD");
	ease_ttest_welch(same, 4, zero2, 2, &t);
	ok(t.diff == 1 && isnan(t.t) && isnan(t.p) && isnan(t.effect), "Welch, both constant: NaN");

	ease_signrank(NULL, NULL, 0, &r);
	ok(r.n == 0 && isnan(r.p) && r.method == EASE_P_NONE, "signed rank, n = 0");
	ease_signrank(same, same, 4, &r);
	ok(r.n == 0 && r.stat == 0 && isnan(r.p) && r.method == EASE_P_NONE,
	   "signed rank, all differences zero");
	ease_ranksum(same, 4, same, 2, &r);
	ok(isnan(r.p) && r.method == EASE_P_NONE, "rank sum, all tied");
	ease_ranksum(NULL, 0, same, 4, &r);
	ok(isnan(r.stat) && isnan(r.p), "rank sum, an empty side");
	ease_ranksum(one, 1, zero2, 1, &r);
	ok(r.stat == 1 && r.p == 1 && r.method == EASE_P_EXACT, "rank sum, 1 and 1: p 1");

	{
		const size_t s[] = {4, 2}, s1[] = {4, 0};

		ease_kruskal_test(same6, s, 2, &k);
		ok(isnan(k.h) && isnan(k.p), "Kruskal-Wallis, all tied: NaN");
		ease_kruskal_test(same, s1, 2, &k);
		ok(isnan(k.h) && isnan(k.p) && k.k == 1, "Kruskal-Wallis, one group: NaN");
		ease_kruskal_test(NULL, NULL, 0, &k);
		ok(isnan(k.p) && k.n == 0, "Kruskal-Wallis, no groups: NaN");
	}
	ease_holm(NULL, 0, NULL);
	adj[0] = 0.3;
	ease_holm(adj, 1, adj);
	ok(adj[0] == 0.3, "Holm of one test is the test");

	ease_nap_ab(NULL, 0, same, 4, 0, &nap);
	ok(isnan(nap.nap) && isnan(nap.ci_lo), "NAP, an empty phase: NaN");
	ease_nap_ab(same, 4, same, 4, 0, &nap);
	ok(nap.nap == 0.5 && nap.ci_lo < 0.5 && nap.ci_hi > 0.5, "NAP, all tied: 1/2 and an interval");
	ok(isnan(ease_tau_u(same, 4, NULL, 0, 1)), "Tau-U, an empty phase: NaN");
	ok(isnan(ease_nap_paired(NULL, NULL, 0, 1)), "paired NAP, n = 0: NaN");

	ease_its_fit(tt, yy, 4, 2, EASE_SE_OLS, &its);
	ok(isnan(its.b[2]) && isnan(its.p[3]), "ITS, 4 points: NaN");
	ease_its_fit(tt, yy, 6, 10, EASE_SE_HAC, &its);
	ok(isnan(its.b[2]) && isnan(its.se[0]), "ITS, no day after t0: NaN");
	ease_its_fit(tt, yy, 6, 3, EASE_SE_OLS, &its);
	ok(fabs(its.b[1] - 1) < 1e-12 && fabs(its.b[2]) < 1e-12,
	   "ITS, a perfect line: slope 1, no change");
	ease_its_fit(NULL, NULL, 0, 0, EASE_SE_HAC, &its);
	ok(isnan(its.b[0]) && isnan(its.r1_resid), "ITS, n = 0: NaN");
	ok(isnan(ease_lag1_r(tt, yy, 1)), "lag-1 r of one value: NaN");
}

int
main(void)
{
	make_data();
	test_ttests();
	test_ranktests();
	test_kruskal();
	test_holm();
	test_nap();
	test_its();
	test_edges();
	for (int f = 0; f < F_NFN; f++)
		printf("# max relative error, %s: %.3g\n", fn_name[f], max_rel[f]);
	return tap_done();
}

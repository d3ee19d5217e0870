/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The one inference rule (lib/infer.c) and the interval of p_adj's model
 * (ease_ttest_adjust).  Expected numbers from R: Rscript tests/ref/infer.R.
 */
#include "tap.h"
#include "ease/infer.h"

#include <math.h>

static const double X[10] = {5.1, 4.2, 6.3, 3.9, 5.5, 4.8, 6.1, 5.0, 4.4, 5.7};
static const double Y[10] = {5.9, 5.0, 6.0, 4.8, 6.6, 5.1, 6.9, 5.2, 5.6, 6.2};

int
main(void)
{
	ease_ttest t;
	ease_tadj a;
	ease_infer_row rows[4] = {
		{12, -1.5, 0.20},	/* larger, not shown */
		{14, -0.9, 0.01},	/* shown better */
		{20, -0.6, 0.001},	/* shown better, smaller */
		{30, +0.8, 0.001},	/* shown worse */
	};

	ease_ttest_paired(X, Y, 10, &t);
	ease_ttest_adjust(&t, 6.5, 0, &a);
	is_num(a.ci_lo, -1.0786206170650305, 1e-9, "paired, n_eff 6.5: ci_lo as R");
	is_num(a.ci_hi, -0.18137938293496941, 1e-9, "paired, n_eff 6.5: ci_hi as R");
	is_num(a.p, 0.014560929227359302, 1e-9, "paired, n_eff 6.5: p as R");
	is_num(a.p, ease_ttest_p_adj(&t, 6.5, 0), 1e-15, "ease_ttest_p_adj is the model's p");
	ease_ttest_welch(X, 10, Y, 10, &t);
	ease_ttest_adjust(&t, 7, 8.5, &a);
	is_num(a.ci_lo, -1.4764519803008951, 1e-9, "Welch, n_eff 7, 8.5: ci_lo as R");
	is_num(a.ci_hi, 0.21645198030089363, 1e-9, "Welch, n_eff 7, 8.5: ci_hi as R");
	is_num(a.p, 0.1310350555433078, 1e-9, "Welch, n_eff 7, 8.5: p as R");
	ease_ttest_adjust(&t, 1, 8.5, &a);
	ok(isnan(a.p) && isnan(a.ci_lo) && isnan(a.ci_hi), "n_eff 1: no p and no interval");

	ease_ttest_paired(X, Y, 10, &t);
	is_long((long)ease_infer_more(&t, 0.2, 0.65, 0, 1000, 0.05), 25,
		"more sessions for a change of 0.2 at n_eff = 0.65 n: 25, as R");
	is_long((long)ease_infer_more(&t, 0.2, 0.65, 0, 10, 0.05), (long)EASE_INFER_NEVER,
		"beyond the limit: never");
	is_long((long)ease_infer_more(&t, 5, 0.65, 0, 1000, 0.05), 0, "a change already shown: 0 more");

	is_long((long)ease_infer_more_se(-0.3, 0.25, 300, 12, 1000, 0.05), 21,
		"a model's estimate: 21 more sessions, as R");
	is_long((long)ease_infer_more_se(-0.3, 0.25, 300, 12, 10, 0.05), (long)EASE_INFER_NEVER,
		"a model's estimate beyond the limit: never");

	is_long(ease_infer_verdict(4, -2, 0.001, 1), EASE_INFER_FEW, "4 sessions: too few");
	is_long(ease_infer_verdict(9, -2, NAN, 1), EASE_INFER_NO_P, "no adjusted p: cannot tell");
	is_long(ease_infer_verdict(9, -2, 0.05, 1), EASE_INFER_NOT_SHOWN, "p 0.05: not shown");
	is_long(ease_infer_verdict(9, -2, 0.049, 1), EASE_INFER_BETTER, "lower is better, a drop: better");
	is_long(ease_infer_verdict(9, -2, 0.049, 0), EASE_INFER_WORSE, "higher is better, a drop: worse");
	is_long(ease_infer_best(rows, 4, 1), 1, "best: the largest shown improvement, not the largest");
	is_long(ease_infer_best(rows, 1, 1), -1, "nothing shown: no best");
	is_long(ease_infer_best(rows + 3, 1, 1), -1, "a shown worsening is not best");
	return tap_done();
}

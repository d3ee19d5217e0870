/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-alert's flare EMA: span N as the day-by-day EMA of lib/window.c,
 * against pandas (tests/ref/alert.py unit writes ref_alert.h).
 */
#include "ease/alert.h"
#include "ease/window.h"
#include "tap.h"

#include <gsl/gsl_statistics_double.h>

#include "ref_alert.h"

#define N (sizeof alert_vals / sizeof alert_vals[0])

/* BY_DAYS: on the days of alert_days (gaps decay); else on consecutive days. */
static void
against_pandas(long span, const double *want, int by_days)
{
	ease_ema e;
	int bad = 0;
	char name[96];

	ease_ema_init(&e, ease_alert_half_life(span));
	for (size_t i = 0; i < N; i++) {
		double got = ease_ema_step(&e, by_days ? alert_days[i] : (long)i, alert_vals[i]);

		if (!tap_close(got, want[i], 1e-9) && bad++ < 3)
			printf("#   span %ld row %zu: got %.17g want %.17g\n", span, i, got, want[i]);
	}
	snprintf(name, sizeof name, "span %ld %s: %zu values agree with pandas", span,
		 by_days ? "by calendar days, ewm(halflife, times)" : "on consecutive days, ewm(span)",
		 N);
	ok(bad == 0, name);
}

/*
 * The figures of the case flare-first-day on its last day, made as
 * lib/alert.c makes them: the EMA of every day's pain, the mean and sample
 * SD of the 28 days before.
 */
static void
flare_figures(void)
{
	size_t n = sizeof flare_pain / sizeof flare_pain[0];
	ease_ema e;
	double ema = 0;

	ease_ema_init(&e, ease_alert_half_life(3));
	for (size_t i = 0; i < n; i++)
		ema = ease_ema_step(&e, (long)i, flare_pain[i]);
	is_num(ema, flare_ema, 1e-9, "flare-first-day: the EMA on 2026-11-20 as pandas");
	is_num(gsl_stats_mean(flare_pain + n - 29, 1, 28), flare_mean, 1e-9,
	       "flare-first-day: the mean of the 28 days before as pandas");
	is_num(gsl_stats_sd(flare_pain + n - 29, 1, 28), flare_sd, 1e-9,
	       "flare-first-day: the SD of the 28 days before as pandas (ddof 1)");
}

int
main(void)
{
	is_num(ease_alert_half_life(3), 1, 1e-12, "span 3 is a half-life of 1 day (alpha 0.5)");
	is_num(ease_alert_half_life(1), 0, 0, "span 1: the last value");
	against_pandas(2, alert_ema2, 1);
	against_pandas(2, alert_ema2_rows, 0);
	against_pandas(3, alert_ema3, 1);
	against_pandas(3, alert_ema3_rows, 0);
	against_pandas(7, alert_ema7, 1);
	against_pandas(7, alert_ema7_rows, 0);
	flare_figures();
	return tap_done();
}

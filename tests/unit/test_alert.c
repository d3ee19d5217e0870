/*
 * ease-alert's flare EMA: span N as the day-by-day EMA of lib/window.c,
 * against pandas (tests/ref/alert.py unit writes ref_alert.h).
 */
#include "ease/alert.h"
#include "ease/window.h"
#include "tap.h"

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
	return tap_done();
}

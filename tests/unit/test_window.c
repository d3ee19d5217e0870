/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving statistics over calendar days, against pandas (tests/ref/smooth.py). */
#include "ease/window.h"
#include "tap.h"

#include <stdlib.h>

#include "ref_window.h"

/*
 * Drives a window as ease-smooth does: the values of the days up to the
 * window's last day are in, none later, and the start is set last.
 */
static void
against_pandas(const struct ref_case *rc)
{
	long len = (long)rc->len;
	long after = rc->center ? len / 2 : 0, before = len - 1 - after;
	ease_window *w = ease_win_new(len, 1u << rc->method);
	size_t pushed = 0;
	int bad = 0;
	char name[128];

	for (size_t i = 0; i < REF_N; i++) {
		double got;

		while (pushed < REF_N && ref_day[pushed] <= ref_day[i] + after) {
			ease_win_push(w, ref_day[pushed], ref_val[pushed]);
			pushed++;
		}
		ease_win_start(w, ref_day[i] - before);
		got = ease_win_get(w, rc->method, (size_t)rc->min_count);
		if (!tap_close(got, rc->want[i], 1e-9)) {
			if (bad++ < 3)
				printf("#   %s row %zu: got %.17g want %.17g\n", rc->name,
				       i, got, rc->want[i]);
		}
	}
	snprintf(name, sizeof name, "%s: %d rows agree with pandas", rc->name, REF_N);
	ok(bad == 0, name);
	ease_win_free(w);
}

static void
ema_against_pandas(const struct ref_case *rc)
{
	ease_ema e;
	int bad = 0;
	char name[128];

	ease_ema_init(&e, rc->len);
	for (size_t i = 0; i < REF_N; i++) {
		double got;

		ease_ema_step(&e, ref_day[i], ref_val[i]);
		got = ease_ema_get(&e, (size_t)rc->min_count);
		if (!tap_close(got, rc->want[i], 1e-9) && bad++ < 3)
			printf("#   %s row %zu: got %.17g want %.17g\n", rc->name, i,
			       got, rc->want[i]);
	}
	snprintf(name, sizeof name, "%s: %d rows agree with pandas", rc->name, REF_N);
	ok(bad == 0, name);
}

/* Every method at once in one window gives what each gives alone. */
static void
all_methods_together(void)
{
	unsigned all = 0;
	ease_window *w, *one[EASE_W_NMETHODS];
	int bad = 0;

	for (int m = 0; m < EASE_W_NMETHODS; m++)
		if (m != EASE_W_EMA) {
			all |= 1u << m;
			one[m] = ease_win_new(28, 1u << m);
		}
	w = ease_win_new(28, all);
	for (size_t i = 0; i < REF_N; i++) {
		ease_win_push(w, ref_day[i], ref_val[i]);
		ease_win_start(w, ref_day[i] - 27);
		for (int m = 0; m < EASE_W_NMETHODS; m++) {
			if (m == EASE_W_EMA)
				continue;
			ease_win_push(one[m], ref_day[i], ref_val[i]);
			ease_win_start(one[m], ref_day[i] - 27);
			if (!tap_close(ease_win_get(w, m, 1), ease_win_get(one[m], m, 1), 1e-12))
				bad++;
		}
	}
	ok(bad == 0, "one window with every method agrees with one per method");
	ease_win_free(w);
	for (int m = 0; m < EASE_W_NMETHODS; m++)
		if (m != EASE_W_EMA)
			ease_win_free(one[m]);
}

static void
small_cases(void)
{
	ease_window *w = ease_win_new(3, (1u << EASE_W_SMA) | (1u << EASE_W_WMA) |
				      (1u << EASE_W_SUM) | (1u << EASE_W_COUNT) |
				      (1u << EASE_W_MEDIAN) | (1u << EASE_W_MIN) |
				      (1u << EASE_W_MAX));
	ease_ema e;

	/* days 10, 11 (missing), 12: window 10..12 */
	ease_win_push(w, 10, 4);
	ease_win_push(w, 11, NAN);
	ease_win_push(w, 12, 1);
	ease_win_start(w, 10);
	is_num(ease_win_get(w, EASE_W_SMA, 2), 2.5, 1e-15, "sma skips a missing day");
	/* weights 1 (day 10) and 3 (day 12): (4 + 3) / 4 */
	is_num(ease_win_get(w, EASE_W_WMA, 2), 7.0 / 4, 1e-15, "wma weighs by day");
	is_num(ease_win_get(w, EASE_W_COUNT, 0), 2, 0, "count counts values");
	ok(isnan(ease_win_get(w, EASE_W_SMA, 3)), "fewer than min-count: NaN");
	ok(isnan(ease_win_get(w, EASE_W_COUNT, 3)), "count too obeys min-count");
	ease_win_start(w, 20);
	is_num(ease_win_get(w, EASE_W_SUM, 0), 0, 0, "empty window: sum 0");
	is_num(ease_win_get(w, EASE_W_COUNT, 0), 0, 0, "empty window: count 0");
	ok(isnan(ease_win_get(w, EASE_W_SMA, 0)), "empty window: sma NaN");
	ok(isnan(ease_win_get(w, EASE_W_MEDIAN, 0)), "empty window: median NaN");
	ok(isnan(ease_win_get(w, EASE_W_MIN, 0)), "empty window: min NaN");
	ok(isnan(ease_win_get(w, EASE_W_WMA, 0)), "empty window: wma NaN");
	/* a huge value that has left leaves no rounding behind */
	ease_win_push(w, 20, 1e17);
	ease_win_push(w, 21, 0.1);
	ease_win_start(w, 21);
	is_num(ease_win_get(w, EASE_W_SUM, 1), 0.1, 1e-15, "a huge value leaves cleanly");
	is_num(ease_win_get(w, EASE_W_WMA, 1), 0.1, 1e-15, "and from the weighted sum");
	ease_win_clear(w);
	ok(ease_win_count(w) == 0, "clear empties");
	ease_win_free(w);

	ease_ema_init(&e, 2);
	is_num(ease_ema_step(&e, 100, 8), 8, 0, "first value seeds the EMA");
	ok(!isnan(ease_ema_step(&e, 101, NAN)), "a missing day does not blank it");
	/* two days later: weight of the first value is 2^-1 */
	is_num(ease_ema_step(&e, 102, 2), (8 * 0.5 + 2) / 1.5, 1e-15,
	       "a gap decays by the days elapsed");
	is_num(ease_ema_step(&e, 100000, 5), 5, 1e-15, "a very long gap forgets");
	ok(isnan(ease_ema_get(&e, 4)), "EMA obeys min-count");

	/*
	 * Values near the largest double: a window that overflows does not
	 * poison the next ones, and what is representable is given (the
	 * expected values by hand: means of the values in each window).
	 */
	w = ease_win_new(2, (1u << EASE_W_SMA) | (1u << EASE_W_SUM) | (1u << EASE_W_WMA) |
			    (1u << EASE_W_MEDIAN));
	{
		static const double v[5] = {1e308, 1.5e308, 5, 5, 5};

		for (long d = 0; d < 5; d++) {
			ease_win_start(w, d - 1);
			ease_win_push(w, d, v[d]);
			if (d == 1) {
				ok(isinf(ease_win_get(w, EASE_W_SUM, 1)),
				   "1e308 + 1.5e308: the sum is beyond the doubles");
				is_num(ease_win_get(w, EASE_W_SMA, 1), 1.25e308, 1e-15,
				       "but their mean is not");
				is_num(ease_win_get(w, EASE_W_WMA, 1), 1.3333333333333333e308 /* (1e308 + 2 * 1.5e308) / 3 */,
				       1e-15, "nor their weighted mean");
				is_num(ease_win_get(w, EASE_W_MEDIAN, 1), 1.25e308, 1e-15,
				       "nor their median (never inf)");
			}
		}
		is_num(ease_win_get(w, EASE_W_SUM, 1), 10, 0, "later windows: sum of 5s is 10");
		is_num(ease_win_get(w, EASE_W_SMA, 1), 5, 0, "later windows: mean of 5s is 5");
		is_num(ease_win_get(w, EASE_W_WMA, 1), 5, 0, "later windows: wma of 5s is 5");
	}
	ease_win_free(w);
	ease_ema_init(&e, 30);
	for (long d = 0; d < 200; d++)
		ease_ema_step(&e, d, 1.5e308);
	is_num(ease_ema_get(&e, 1), 1.5e308, 1e-12, "EMA of 200 days of 1.5e308 is 1.5e308");

	is_str(ease_win_method_name(EASE_W_MEDIAN), "median", "method names");
	ok(ease_win_method_by_name("wma") == EASE_W_WMA, "method by name");
	ok(ease_win_method_by_name("mean") == -1, "unknown method");
}

int
main(void)
{
	for (size_t i = 0; i < sizeof ref_cases / sizeof ref_cases[0]; i++) {
		if (ref_cases[i].method == EASE_W_EMA)
			ema_against_pandas(&ref_cases[i]);
		else
			against_pandas(&ref_cases[i]);
	}
	all_methods_together();
	small_cases();
	return tap_done();
}

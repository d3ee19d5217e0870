/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving statistics over calendar days: windows of N days, and the EMA. */
#ifndef EASE_WINDOW_H
#define EASE_WINDOW_H

#include <stddef.h>

enum ease_win_method {
	EASE_W_SMA,	/* mean of the values in the window */
	EASE_W_EMA,	/* exponential, by half-life in days (ease_ema) */
	EASE_W_WMA,	/* linear weights by day: 1 on the window's first day .. N on its last */
	EASE_W_MEDIAN,
	EASE_W_SUM,
	EASE_W_MIN,
	EASE_W_MAX,
	EASE_W_COUNT,	/* values present (not missing) */
	EASE_W_NMETHODS
};

/* "sma", "ema", ...; and back (-1 for an unknown name). */
const char *ease_win_method_name(int method);
int ease_win_method_by_name(const char *name);

/*
 * A window over calendar days.  The caller says where the window starts
 * (ease_win_start) and hands in the values of the days as they come, in
 * increasing day order, at most one per day (ease_win_push); the window
 * keeps only what lies between its start and the last day pushed, so its
 * memory is O(days in the window) however long the series.  Missing values
 * are simply not pushed: a day without a row and a day with an empty cell
 * are the same to it.
 */
typedef struct ease_window ease_window;

/* LEN days; MASK is a set of (1u << EASE_W_...) the window must answer. */
ease_window *ease_win_new(long len, unsigned mask);
void ease_win_free(ease_window *w);
/* Forgets every value (a new subject). */
void ease_win_clear(ease_window *w);
/*
 * Moves the window's first day to FIRST (never backwards): values of days
 * before it leave.  WMA weights count from this day.
 */
void ease_win_start(ease_window *w, long first);
/* The value V of DAY, later than any day pushed before.  NaN is ignored. */
void ease_win_push(ease_window *w, long day, double v);
/* Values in the window. */
size_t ease_win_count(const ease_window *w);
/*
 * METHOD over the values in the window; NaN when fewer than MIN_COUNT
 * values are there.  With none there (and MIN_COUNT 0) sum and count are
 * 0 and the others NaN.  The result depends on the window's values only
 * (values near the largest double included); a sum beyond it is +-inf,
 * which the caller must not print as a number.
 */
double ease_win_get(ease_window *w, int method, size_t min_count);

/*
 * Exponential moving average by calendar days: the mean of every value so
 * far weighted by 2^(-age/HALF_LIFE), age in days.  The first value is the
 * first mean; a gap of k days decays k days' worth; a day without a value
 * keeps the mean of the days before it.
 */
typedef struct ease_ema {
	double half_life;
	double mean, wsum;	/* the weighted mean, the sum of weights */
	long day;		/* last day seen */
	size_t n;		/* values seen */
	int started;
	long gap;		/* the last gap between values, in days, */
	double gap_f;		/* and its decay: a diary's gap is nearly always 1 */
} ease_ema;

void ease_ema_init(ease_ema *e, double half_life);
void ease_ema_clear(ease_ema *e);
/* Day DAY (later than the last) with value V or NaN; returns the mean. */
double ease_ema_step(ease_ema *e, long day, double v);
/* The mean so far, NaN when fewer than MIN_COUNT values. */
double ease_ema_get(const ease_ema *e, size_t min_count);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kaplan-Meier: survival curves with censoring, as R's survival::survfit. */
#ifndef EASE_KM_H
#define EASE_KM_H

#include <stddef.h>

/*
 * The curve at each distinct time (an event or a censoring there), as
 * survfit(Surv(t, e) ~ 1) has it: std_err is Greenwood's standard error of
 * the cumulative hazard (of log S), infinite once every subject at risk had
 * the event; lower and upper are the 95% "log" interval exp(log S -+ z se),
 * upper cut at 1, NaN where S is 0.
 */
typedef struct ease_km_curve {
	size_t k;
	double *time, *nrisk, *nevent, *ncens;
	double *surv, *std_err, *lower, *upper;
} ease_km_curve;

/* What R's summary(survfit(...))$table says of a curve. */
typedef struct ease_km_summary {
	double n;		/* records */
	double events;
	double rmean;		/* restricted mean, up to the largest time */
	double median;		/* NaN when S never comes down to 0.5 */
	double median_lo, median_hi;	/* 95%; NaN when not reached */
} ease_km_summary;

/* The curve of N times (any order) with EVENT[i] 1 (event) or 0 (censored). */
ease_km_curve *ease_km_fit(const double *time, const int *event, size_t n);
/*
 * The curve from counts: K increasing distinct times with the number of
 * events and of censorings at each (times with neither are passed over).
 */
ease_km_curve *ease_km_fit_counts(const double *time, const double *nevent,
				  const double *ncens, size_t k);
void ease_km_summarise(const ease_km_curve *c, ease_km_summary *s);
void ease_km_free(ease_km_curve *c);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-alert: rules evaluated on the last day of a diary, for a daily cron job. */
#ifndef EASE_ALERT_H
#define EASE_ALERT_H

#include "ease/opts.h"

enum {
	EASE_ALERT_FLARE,	/* EMA of pain above mean + k SD of the days before */
	EASE_ALERT_HIGH,	/* pain >= P on N days in a row */
	EASE_ALERT_SLEEP,	/* under H hours on K of the last N nights */
	EASE_ALERT_MEDS,	/* doses of the last days above the baseline's rate by a factor */
	EASE_ALERT_OVERDUE,	/* no session for longer than the median relief */
	EASE_ALERT_NRULES
};

/* The settings a user can change, each by an option of its own. */
enum {
	EASE_ALERT_O_RULES, EASE_ALERT_O_VALUE, EASE_ALERT_O_QUIET,
	EASE_ALERT_O_TODAY, EASE_ALERT_O_GRACE, EASE_ALERT_O_BASELINE,
	EASE_ALERT_O_FLARE_K, EASE_ALERT_O_FLARE_SPAN, EASE_ALERT_O_HIGH,
	EASE_ALERT_O_HIGH_DAYS, EASE_ALERT_O_SLEEP_HOURS,
	EASE_ALERT_O_SLEEP_NIGHTS, EASE_ALERT_O_MEDS_FACTOR,
	EASE_ALERT_O_MEDS_DAYS, EASE_ALERT_O_MARGIN, EASE_ALERT_O_REPEAT,
	EASE_ALERT_O_STATE
};

typedef struct ease_alert_opts {
	unsigned rules;		/* 1u << EASE_ALERT_*; 0: every rule the table has columns for */
	const char *value;	/* --value COL; NULL: pain */
	int quiet;		/* -q: no notes of rules not evaluated; alerts still written */
	int repeat;		/* alert on every day a condition holds, not its first only */
	const char *state;	/* --state FILE: the alerts raised before, kept between runs */
	int has_today;		/* --today: evaluate on TODAY instead of the data's last date */
	long today;
	long grace;		/* days the data may end before that date */
	long baseline;		/* days before that make a baseline (flare, meds) */
	double flare_k;
	long flare_span;	/* EMA span in days: alpha = 2 / (span + 1) */
	double high;
	long high_days;
	double sleep_hours;
	long sleep_k, sleep_n;
	double meds_factor;
	long meds_days;
	double margin;		/* relief margin, as ease-relief --margin */
} ease_alert_opts;

void ease_alert_opts_init(ease_alert_opts *o);
/*
 * Sets option WHICH (EASE_ALERT_O_*) from ARG, as typed after the option
 * (NULL for one without a value); exit 2 when ARG is not a value it takes.
 */
void ease_alert_set(ease_alert_opts *o, int which, const char *arg);
/* The rule's name ("flare"), or NULL. */
const char *ease_alert_rule_name(int rule);
/*
 * The half-life in days of the EMA with span N (alpha = 2/(N+1) a day):
 * ln 2 / ln((N+1)/(N-1)); 0 for N = 1 (the EMA is the last value).
 */
double ease_alert_half_life(long span);

/*
 * The whole of ease-alert: one line per alert raised on standard output.
 * Returns 1 when any was raised, 0 otherwise; rules that cannot be
 * evaluated (too little history, the data ending too early) are warned
 * about on standard error.  Exits 65 on bad data, 66 on a missing input.
 */
int ease_alert_run(ease_common *c, ease_alert_opts *o);

#endif

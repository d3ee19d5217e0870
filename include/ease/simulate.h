/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Synthetic diaries with known effects: the model behind ease-simulate. */
#ifndef EASE_SIMULATE_H
#define EASE_SIMULATE_H

#include "ease/opts.h"
#include "ease/stats.h"
#include "ease/technique.h"

/* The tables ease-simulate can write. */
enum { EASE_SIM_DAY, EASE_SIM_EVENTS, EASE_SIM_SESSIONS };

/* Drugs of the model. */
enum { EASE_DRUG_IBUPROFEN, EASE_DRUG_ACETAMINOPHEN, EASE_NDRUG };

#define EASE_SIM_MAX_RATINGS 8
#define EASE_SIM_DOSE_SLOTS 3
#define EASE_SIM_MAX_SUBJECTS 100000

typedef struct ease_sim_opts {
	long days;		/* per subject */
	long start;		/* days since 1970-01-01 */
	int days_given, start_given;	/* else --plan's trial sets them */
	int subjects;
	unsigned long seed;	/* 0 .. 2^32-1 */
	/* pain */
	double pain;		/* mean baseline level */
	double subject_sd;	/* between subjects, of the level */
	double weekly;		/* amplitude of the weekly pattern, points */
	double ar;		/* AR(1) coefficient of the day-to-day noise */
	double noise_sd;	/* stationary SD of that noise */
	double rating_sd;	/* of one rating around the day's level */
	int ratings;		/* at most this many ratings a day (1..8) */
	double flares;		/* flare episodes a year */
	double flare_size;	/* points added during a flare */
	double flare_days;	/* mean length of a flare */
	/* treatment */
	long baseline_days;
	int every;		/* a session every N days ... */
	int jitter;		/* ... give or take this many */
	int per_week;		/* or K sessions a week (0: use --every) */
	int use_tech[EASE_NTECH];
	double effect[EASE_NTECH];	/* points of relief on the day after */
	double halflife[EASE_NTECH];	/* days */
	double response_sd;	/* between subjects, log-scale, of effects */
	/* sleep, medication, stress */
	double sleep;		/* mean hours */
	double sleep_sd;
	double sleep_slope;	/* hours less per point of pain the day before */
	double med_threshold;	/* pain at which half the dose chances are taken */
	double stress;		/* mean stress */
	double missing;		/* probability that a day is not recorded */
	/* output */
	int table;		/* EASE_SIM_* */
	int table_given;	/* --table named the table already */
	int layout;		/* EASE_FMT_*: the common --format */
	int digits;		/* significant digits of the truth file's numbers */
	int in_bed;		/* time_in_bed and sleep_efficiency in the day table */
	const char *output;
	const char *truth;
	const char *plan;	/* --plan FILE: sessions as ease-plan scheduled them */
} ease_sim_opts;

/* The defaults the man page documents. */
void ease_sim_defaults(ease_sim_opts *o);

/* Any spelling ease_tech_known matches ("Swedish massage" -> EASE_TECH_SWEDISH), or -1;
 * the canonical spelling back. */
int ease_sim_tech_by_name(const char *name);
const char *ease_sim_tech_name(int tech);
const char *ease_sim_drug_name(int drug);

/*
 * Option values.  Each exits 2 with a message naming the option when ARG is
 * malformed.  --effect TECH=POINTS:HALFLIFE; --techniques A,B,C; --table
 * day|events|sessions (OLD: given as --format, warned; returns nonzero for
 * a word that is no table, for the common --format to refuse).
 */
void ease_sim_opt_effect(ease_sim_opts *o, const char *arg);
void ease_sim_opt_techniques(ease_sim_opts *o, const char *arg);
int ease_sim_opt_table(ease_sim_opts *o, const char *arg, int old);
/*
 * The tool's own long options and their handler, for an ease_tool (CTX is
 * the ease_sim_opts).
 */
extern const struct option ease_sim_longopts[];
int ease_sim_handle(int opt, const char *arg, void *ctx);
/* Checks the options together (the end date, a technique left); exits 2. */
void ease_sim_opts_check(const ease_sim_opts *o);

/* One simulated day of one subject, with the hidden parts of the model. */
typedef struct ease_sim_day {
	int subject;		/* 0-based */
	long day;		/* days since 1970-01-01 */
	long index;		/* 0-based day of the subject's diary */
	int present;		/* recorded; 0 for a missing day */
	int treatment;		/* past the baseline period */
	/* the latent pain level and its parts */
	double level, weekly, noise, flare, relief, latent;
	int in_flare;
	/* pain ratings */
	int nratings;
	int rating[EASE_SIM_MAX_RATINGS];
	int rating_min[EASE_SIM_MAX_RATINGS];	/* minutes after midnight */
	double pain_mean;
	int pain_max;
	/* sleep of the night that ended this morning */
	double sleep_hours;	/* to 0.1 h */
	int sleep_quality;
	int bed_min;		/* minutes from this day's midnight (negative: the evening before) */
	int wake_min;
	/* a massage session (at most one a day) */
	int massage;
	int technique;		/* EASE_TECH_*, -1 without a session */
	int massage_min;
	int session_min;	/* start, minutes after midnight */
	int pain_before, pain_after;
	/* medication */
	int ndoses;
	int dose_drug[EASE_SIM_DOSE_SLOTS];
	int dose_mg[EASE_SIM_DOSE_SLOTS];
	int dose_min[EASE_SIM_DOSE_SLOTS];
	int drug_mg[EASE_NDRUG];
	/* stress */
	int stress;
	int stress_min;
} ease_sim_day;

/* The parameters one subject actually got, and what came of them. */
typedef struct ease_sim_subject {
	char id[16];		/* s01, s02, ... */
	double level;
	int weekly_peak;	/* ISO weekday 1 (Monday) .. 7 */
	double response;	/* multiplier of the configured effects */
	double effect[EASE_NTECH];
	double halflife[EASE_NTECH];
	double ibuprofen_share;	/* of the doses */
	/* realised */
	long sessions, flares, flare_days, missing_days, treatment_days;
	double relief_sum;	/* of the latent relief over treatment days */
	double sleep_pain_r;	/* latent pain of a day vs hours slept the night after */
} ease_sim_subject;

typedef struct ease_sim ease_sim;

ease_sim *ease_sim_new(const ease_sim_opts *o);
/* The next day (subject by subject, in date order); 0 after the last. */
int ease_sim_next(ease_sim *s, ease_sim_day *d);
/*
 * A subject's parameters; the realised counts are complete once its last
 * day has been handed out.
 */
const ease_sim_subject *ease_sim_subject_info(const ease_sim *s, int subject);
void ease_sim_free(ease_sim *s);


/* The whole of ease-simulate: writes the table O asks for (and --truth). */
int ease_sim_run(const ease_sim_opts *o);

#endif

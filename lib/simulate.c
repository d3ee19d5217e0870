/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/simulate.h"
#include "ease/plan.h"
#include "ease/csvio.h"
#include "ease/err.h"
#include "ease/value.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the techniques and their defaults ---- */

/* The model's techniques are the known ones, named by ease/technique.h. */
static const struct {
	double effect;		/* points of relief on the day after */
	double halflife;	/* days */
	double minutes;		/* mean session length */
} techs[EASE_NTECH] = {
	[EASE_TECH_TRIGGER_POINT] = {1.0, 1.5, 45},
	[EASE_TECH_DEEP_TISSUE] = {1.5, 2.5, 60},
	[EASE_TECH_SWEDISH] = {1.2, 2.0, 60},
	[EASE_TECH_MYOFASCIAL_RELEASE] = {1.3, 3.0, 50},
	[EASE_TECH_LUMBAR_HIP] = {1.6, 2.0, 45},
	[EASE_TECH_ACUPRESSURE] = {0.6, 1.0, 30},
};

static const char *const drugs[EASE_NDRUG] = {"ibuprofen", "acetaminophen"};

/*
 * Fixed parts of the model (documented in ease-simulate(1)); options cover
 * what a test or a study would want to vary.
 */
#define FIRST_RATING_MIN 480	/* ratings between 08:00 ... */
#define RATING_SPAN_MIN 780	/* ... and 21:00 */
#define WAKE_MIN 390		/* 06:30 */
#define WAKE_SD_MIN 30
#define AWAKE_IN_BED_MIN 10	/* plus an exponential of mean AWAKE_MEAN_MIN */
#define AWAKE_MEAN_MIN 20
#define EARLIEST_BED_MIN (-150)	/* 21:30 the evening before */
#define SESSION_SD_MIN 7
#define MED_MAX 0.8		/* chance of a dose at a slot, at most */
#define MED_SLOPE 1.5		/* logistic steepness, per point of pain */
#define MED_HIGH_PAIN 7		/* ibuprofen 400 mg from this pain up, else 200 */
#define IBUPROFEN_SHARE 0.6
#define STRESS_PAIN 0.5
#define STRESS_SLEEP 0.4
#define STRESS_SD 1.2
#define QUALITY_MEAN 6.0
#define QUALITY_PAIN 0.3

#define PI 3.14159265358979323846

static const int dose_slot_min[EASE_SIM_DOSE_SLOTS] = {480, 840, 1200};

void
ease_sim_defaults(ease_sim_opts *o)
{
	memset(o, 0, sizeof *o);
	o->days = 365;
	o->start = ease_days_from_civil(2026, 1, 1);
	o->subjects = 1;
	o->seed = 1;
	o->pain = 5.0;
	o->subject_sd = 1.0;
	o->weekly = 0.4;
	o->ar = 0.6;
	o->noise_sd = 1.0;
	o->rating_sd = 0.7;
	o->ratings = 3;
	o->flares = 4;
	o->flare_size = 2.0;
	o->flare_days = 5;
	o->baseline_days = 28;
	o->every = 4;
	o->jitter = 1;
	o->per_week = 0;
	for (int k = 0; k < EASE_NTECH; k++) {
		o->use_tech[k] = 1;
		o->effect[k] = techs[k].effect;
		o->halflife[k] = techs[k].halflife;
	}
	o->response_sd = 0.3;
	o->sleep = 7.0;
	o->sleep_sd = 0.8;
	o->sleep_slope = 0.35;
	o->med_threshold = 6.0;
	o->stress = 4.0;
	o->missing = 0;
	o->table = EASE_SIM_DAY;
}

int
ease_sim_tech_by_name(const char *name)
{
	return ease_tech_known(name, strlen(name));
}

const char *
ease_sim_tech_name(int tech)
{
	return ease_tech_name(tech);
}

const char *
ease_sim_drug_name(int drug)
{
	return drug >= 0 && drug < EASE_NDRUG ? drugs[drug] : "";
}

/* ---- options ---- */

enum {
	O_DAYS = EASE_OPT_TOOL, O_START, O_SUBJECTS, O_SEED, O_FORMAT, O_TRUTH, O_PLAN,
	O_PAIN, O_SUBJECT_SD, O_WEEKLY, O_AR, O_NOISE_SD, O_RATING_SD,
	O_RATINGS, O_FLARES, O_FLARE_SIZE, O_FLARE_DAYS, O_BASELINE_DAYS,
	O_EVERY, O_JITTER, O_PER_WEEK, O_TECHNIQUES, O_EFFECT, O_RESPONSE_SD,
	O_SLEEP, O_SLEEP_SD, O_SLEEP_SLOPE, O_MED_THRESHOLD, O_STRESS,
	O_MISSING, O_IN_BED, O_TABLE
};

const struct option ease_sim_longopts[] = {
	{"days", required_argument, NULL, O_DAYS},
	{"start", required_argument, NULL, O_START},
	{"subjects", required_argument, NULL, O_SUBJECTS},
	{"seed", required_argument, NULL, O_SEED},
	{"truth", required_argument, NULL, O_TRUTH},
	{"plan", required_argument, NULL, O_PLAN},
	{"pain", required_argument, NULL, O_PAIN},
	{"subject-sd", required_argument, NULL, O_SUBJECT_SD},
	{"weekly", required_argument, NULL, O_WEEKLY},
	{"ar", required_argument, NULL, O_AR},
	{"noise-sd", required_argument, NULL, O_NOISE_SD},
	{"rating-sd", required_argument, NULL, O_RATING_SD},
	{"ratings", required_argument, NULL, O_RATINGS},
	{"flares", required_argument, NULL, O_FLARES},
	{"flare-size", required_argument, NULL, O_FLARE_SIZE},
	{"flare-days", required_argument, NULL, O_FLARE_DAYS},
	{"baseline-days", required_argument, NULL, O_BASELINE_DAYS},
	{"every", required_argument, NULL, O_EVERY},
	{"jitter", required_argument, NULL, O_JITTER},
	{"per-week", required_argument, NULL, O_PER_WEEK},
	{"techniques", required_argument, NULL, O_TECHNIQUES},
	{"effect", required_argument, NULL, O_EFFECT},
	{"response-sd", required_argument, NULL, O_RESPONSE_SD},
	{"sleep", required_argument, NULL, O_SLEEP},
	{"sleep-sd", required_argument, NULL, O_SLEEP_SD},
	{"sleep-slope", required_argument, NULL, O_SLEEP_SLOPE},
	{"med-threshold", required_argument, NULL, O_MED_THRESHOLD},
	{"stress", required_argument, NULL, O_STRESS},
	{"missing", required_argument, NULL, O_MISSING},
	{"in-bed", no_argument, NULL, O_IN_BED},
	{"table", required_argument, NULL, O_TABLE},
	{NULL, 0, NULL, 0}
};

/* A number within LO..HI, or exit 2 saying so (bounds printed locale-free). */
static double
opt_num(const char *opt, const char *arg, double lo, double hi)
{
	char a[48], b[48];
	double v;

	if (ease_parse_num(arg, 0, &v) != EASE_V_OK || v < lo || v > hi)
		ease_usage("%s: '%s' is not a number from %s to %s", opt, arg,
			   ease_fmt_num(lo, 6, a), ease_fmt_num(hi, 6, b));
	return v;
}

void
ease_sim_opt_effect(ease_sim_opts *o, const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *colon;
	char name[64], num[64];
	double v;
	int k;

	if (eq == NULL || eq == arg || eq[1] == '\0' || (size_t)(eq - arg) >= sizeof name)
		ease_usage("--effect: '%s' is not TECH=POINTS:HALFLIFE (e.g. swedish=1.2:2)",
			   arg);
	memcpy(name, arg, eq - arg);
	name[eq - arg] = '\0';
	k = ease_sim_tech_by_name(name);
	if (k < 0)
		ease_usage("--effect: no technique '%s'; techniques: %s", name, ease_tech_names());
	colon = strchr(eq + 1, ':');
	if (colon == NULL)
		colon = eq + 1 + strlen(eq + 1);
	if (colon == eq + 1 || (size_t)(colon - eq - 1) >= sizeof num ||
	    (*colon == ':' && colon[1] == '\0'))
		ease_usage("--effect: '%s' is not TECH=POINTS:HALFLIFE (e.g. swedish=1.2:2)",
			   arg);
	memcpy(num, eq + 1, colon - eq - 1);
	num[colon - eq - 1] = '\0';
	if (ease_parse_num(num, 0, &v) != EASE_V_OK || v < -10 || v > 10)
		ease_usage("--effect: '%s': points '%s' is not a number from -10 to 10",
			   arg, num);
	o->effect[k] = v;
	if (*colon == ':') {
		if (ease_parse_num(colon + 1, 0, &v) != EASE_V_OK || v < 0.1 || v > 365)
			ease_usage("--effect: '%s': half-life '%s' is not a number of days from 0.1 to 365",
				   arg, colon + 1);
		o->halflife[k] = v;
	}
}

static void
one_technique(const char *name, void *ctx)
{
	int *use = ctx;
	int k = ease_sim_tech_by_name(name);

	if (k < 0)
		ease_usage("--techniques: no technique '%s'; techniques: %s", name,
			   ease_tech_names());
	use[k] = 1;
}

void
ease_sim_opt_techniques(ease_sim_opts *o, const char *arg)
{
	int use[EASE_NTECH] = {0};

	ease_opt_each("--techniques", arg, one_technique, use);
	memcpy(o->use_tech, use, sizeof use);
}

/*
 * --table day|events|sessions.  --format took these words once, beside its
 * layouts: it still does (OLD set), with a warning that names --table.
 * Returns nonzero for a word that is no table, when OLD.
 */
int
ease_sim_opt_table(ease_sim_opts *o, const char *arg, int old)
{
	static const char *const tables[] = {"day", "events", "sessions"};

	for (int i = 0; i < 3; i++)
		if (strcmp(arg, tables[i]) == 0) {
			if (old)
				ease_warn("--format %s is the old spelling: use --table %s",
					  arg, arg);
			/* the last of two would win silently: one run writes one table */
			if (o->table_given && o->table != i)
				ease_usage("--table: '%s' and '%s': one run writes one table; "
					   "run ease-simulate once for each", tables[o->table], arg);
			o->table = i;
			o->table_given = 1;
			return 0;
		}
	if (old)
		return 1;
	ease_usage("--table: '%s' is not day, events or sessions", arg);
}

int
ease_sim_handle(int opt, const char *arg, void *ctx)
{
	ease_sim_opts *o = ctx;

	switch (opt) {
	case O_DAYS:
		o->days = ease_opt_long("--days", arg, 1, 2147483647L);
		o->days_given = 1;
		break;
	case O_START:
		o->start = ease_opt_date("--start", arg);
		o->start_given = 1;
		break;
	case O_SUBJECTS:
		o->subjects = (int)ease_opt_long("--subjects", arg, 1, EASE_SIM_MAX_SUBJECTS);
		break;
	case O_SEED: o->seed = (unsigned long)ease_opt_long("--seed", arg, 0, 4294967295L); break;
	case EASE_OPT_FORMAT: return ease_sim_opt_table(o, arg, 1);
	case O_TABLE: ease_sim_opt_table(o, arg, 0); break;
	case O_PLAN:
		if (*arg == '\0')
			ease_usage("--plan: needs the schedule ease-plan wrote");
		o->plan = arg;
		break;
	case O_TRUTH:
		if (*arg == '\0')
			ease_usage("--truth: needs a file name");
		o->truth = arg;
		break;
	case O_PAIN: o->pain = opt_num("--pain", arg, 0, 10); break;
	case O_SUBJECT_SD: o->subject_sd = opt_num("--subject-sd", arg, 0, 5); break;
	case O_WEEKLY: o->weekly = opt_num("--weekly", arg, 0, 5); break;
	case O_AR: o->ar = opt_num("--ar", arg, -0.99, 0.99); break;
	case O_NOISE_SD: o->noise_sd = opt_num("--noise-sd", arg, 0, 5); break;
	case O_RATING_SD: o->rating_sd = opt_num("--rating-sd", arg, 0, 5); break;
	case O_RATINGS:
		o->ratings = (int)ease_opt_long("--ratings", arg, 1, EASE_SIM_MAX_RATINGS);
		break;
	case O_FLARES: o->flares = opt_num("--flares", arg, 0, 52); break;
	case O_FLARE_SIZE: o->flare_size = opt_num("--flare-size", arg, 0, 10); break;
	case O_FLARE_DAYS: o->flare_days = opt_num("--flare-days", arg, 1, 60); break;
	case O_BASELINE_DAYS:
		o->baseline_days = ease_opt_long("--baseline-days", arg, 0, 2147483647L);
		break;
	case O_EVERY: o->every = (int)ease_opt_long("--every", arg, 1, 365); break;
	case O_JITTER: o->jitter = (int)ease_opt_long("--jitter", arg, 0, 365); break;
	case O_PER_WEEK: o->per_week = (int)ease_opt_long("--per-week", arg, 1, 7); break;
	case O_TECHNIQUES: ease_sim_opt_techniques(o, arg); break;
	case O_EFFECT: ease_sim_opt_effect(o, arg); break;
	case O_RESPONSE_SD: o->response_sd = opt_num("--response-sd", arg, 0, 2); break;
	case O_SLEEP: o->sleep = opt_num("--sleep", arg, 0, 12); break;
	case O_SLEEP_SD: o->sleep_sd = opt_num("--sleep-sd", arg, 0, 5); break;
	case O_SLEEP_SLOPE: o->sleep_slope = opt_num("--sleep-slope", arg, -5, 5); break;
	case O_MED_THRESHOLD: o->med_threshold = opt_num("--med-threshold", arg, 0, 10); break;
	case O_STRESS: o->stress = opt_num("--stress", arg, 0, 10); break;
	case O_MISSING: o->missing = opt_num("--missing", arg, 0, 1); break;
	case O_IN_BED: o->in_bed = 1; break;
	default: return 1;
	}
	return 0;
}

void
ease_sim_opts_check(const ease_sim_opts *o)
{
	long last = ease_days_from_civil(9999, 12, 31);
	char buf[16];

	if (o->start > last || o->days > last - o->start + 1)
		ease_usage("--days: %ld days from %s would pass 9999-12-31", o->days,
			   ease_fmt_date(o->start, buf));
}

/* ---- the model ---- */

/* Independent random streams, so that one part of the model changing (the
 * session plan, the missing days) leaves the others' draws as they were. */
enum { S_SUBJECT, S_NOISE, S_FLARE, S_RATING, S_SLEEP, S_SESSION, S_MED,
       S_STRESS, S_MISSING, NSTREAM };

struct ease_sim {
	ease_sim_opts o;
	gsl_rng *r[NSTREAM];
	int ntech, tech[EASE_NTECH];	/* the techniques in use */
	ease_sim_subject *subj;
	int cur;			/* subject being simulated */
	long i;				/* its next day */
	/* state of the current subject */
	double noise, prev_pain;
	double relief[EASE_NTECH], decay[EASE_NTECH];
	double weekly[7];
	long flare_left, next_session;
	int week_plan[7];
	ease_comom cm;
	/* --plan: per day, the technique of its session, PLAN_ANY, or PLAN_NONE */
	signed char *plan_day;
};

enum { PLAN_NONE = -1, PLAN_ANY = -2 };

/* splitmix64: a seed for each (seed, subject, stream), the same everywhere. */
static unsigned long
stream_seed(unsigned long seed, int subject, int stream)
{
	uint64_t z = (uint64_t)seed * UINT64_C(0x9E3779B97F4A7C15) +
		     (uint64_t)(subject + 1) * UINT64_C(0xBF58476D1CE4E5B9) +
		     (uint64_t)(stream + 1) * UINT64_C(0x94D049BB133111EB);

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	z ^= z >> 31;
	/* mt19937 takes 32 bits of its seed, whatever the width of long */
	return (unsigned long)(z >> 32);
}

static double
clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Round half up: the same on every machine, unlike rint() under a mode. */
static long
round_half_up(double v)
{
	return (long)floor(v + 0.5);
}

static int
rating(double v)
{
	return (int)round_half_up(clamp(v, 0, 10));
}

static double
gauss(gsl_rng *r)
{
	return gsl_ran_gaussian_ziggurat(r, 1.0);
}

ease_sim *
ease_sim_new(const ease_sim_opts *o)
{
	ease_sim *s;
	signed char *plan_day = NULL;

	/* the schedule first: a usage error then leaves nothing allocated behind */
	if (o->plan) {
		ease_plan_file P;
		long inside = 0, first;
		char b1[16], b2[16];

		ease_plan_read(&P, o->plan);
		plan_day = ease_xmalloc((size_t)o->days);
		memset(plan_day, PLAN_NONE, (size_t)o->days);
		for (size_t i = 0; i < P.ns; i++) {
			const char *arm = P.arms[P.uarm[P.sunit[i]]];
			long d = P.sday[i] - o->start;
			int k;

			if (d < 0 || d >= o->days || ease_plan_arm_is_none(arm))
				continue;
			k = ease_sim_tech_by_name(arm);
			plan_day[d] = (signed char)(k >= 0 ? k : PLAN_ANY);
			inside++;
		}
		first = P.start;
		if (P.ns && inside == 0) {
			ease_plan_file_free(&P);
			free(plan_day);
			ease_usage("--plan: no session of %s falls within the %ld days from %s (--start): the trial runs from %s",
				   o->plan, o->days, ease_fmt_date(o->start, b1), ease_fmt_date(first, b2));
		}
		ease_plan_file_free(&P);
	}
	s = ease_xcalloc(1, sizeof *s);
	s->o = *o;
	s->plan_day = plan_day;
	for (int k = 0; k < NSTREAM; k++) {
		s->r[k] = gsl_rng_alloc(gsl_rng_mt19937);
		if (s->r[k] == NULL)
			ease_die(EASE_EX_SOFTWARE, "out of memory");
	}
	for (int k = 0; k < EASE_NTECH; k++)
		if (o->use_tech[k])
			s->tech[s->ntech++] = k;
	if (s->ntech == 0)
		ease_die(EASE_EX_SOFTWARE, "no technique in use");
	s->subj = ease_xcalloc((size_t)o->subjects, sizeof *s->subj);
	return s;
}

void
ease_sim_free(ease_sim *s)
{
	if (s == NULL)
		return;
	for (int k = 0; k < NSTREAM; k++)
		gsl_rng_free(s->r[k]);
	free(s->subj);
	free(s->plan_day);
	free(s);
}

const ease_sim_subject *
ease_sim_subject_info(const ease_sim *s, int subject)
{
	return subject >= 0 && subject < s->o.subjects ? &s->subj[subject] : NULL;
}

/* Draws a subject's own parameters and resets the day-to-day state. */
static void
start_subject(ease_sim *s)
{
	const ease_sim_opts *o = &s->o;
	ease_sim_subject *u = &s->subj[s->cur];
	gsl_rng *r;
	int width = 2;

	/* as many digits as the last subject's number, at least two */
	for (int k = o->subjects / 100; k > 0 && width < 6; k /= 10)
		width++;

	for (int k = 0; k < NSTREAM; k++)
		gsl_rng_set(s->r[k], stream_seed(o->seed, s->cur, k));
	r = s->r[S_SUBJECT];
	snprintf(u->id, sizeof u->id, "s%0*d", width, s->cur + 1);
	u->weekly_peak = 1 + (int)gsl_rng_uniform_int(r, 7);
	/* a lone subject is the typical one: the configured values exactly */
	if (o->subjects == 1) {
		u->level = o->pain;
		u->response = 1;
		u->ibuprofen_share = IBUPROFEN_SHARE;
	} else {
		u->level = clamp(o->pain + o->subject_sd * gauss(r), 1, 9);
		u->response = exp(o->response_sd * gauss(r));
		u->ibuprofen_share = 0.2 + 0.7 * gsl_rng_uniform(r);
	}
	for (int k = 0; k < EASE_NTECH; k++) {
		/* each technique suits each person a little differently */
		double own = o->subjects == 1 ? 1 : exp(0.5 * o->response_sd * gauss(r));

		u->effect[k] = o->effect[k] * u->response * own;
		u->halflife[k] = o->halflife[k];
		s->decay[k] = pow(0.5, 1.0 / u->halflife[k]);
		s->relief[k] = 0;
	}
	for (int d = 0; d < 7; d++)
		s->weekly[d] = d == u->weekly_peak - 1 ? o->weekly :
			o->weekly * cos(2 * PI * (d - (u->weekly_peak - 1)) / 7.0);
	s->noise = o->noise_sd * gauss(s->r[S_NOISE]);
	s->prev_pain = u->level;
	s->flare_left = 0;
	s->next_session = o->baseline_days;
	memset(s->week_plan, 0, sizeof s->week_plan);
	memset(&s->cm, 0, sizeof s->cm);
}

/* ISO weekday of a day, 0 = Monday; 1970-01-01 was a Thursday. */
static int
weekday(long day)
{
	return (int)(((day % 7) + 7 + 3) % 7);
}

static int
has_session(ease_sim *s, long i, int dow)
{
	const ease_sim_opts *o = &s->o;
	gsl_rng *r = s->r[S_SESSION];

	if (s->plan_day)
		return s->plan_day[i] != PLAN_NONE;
	if (i < o->baseline_days)
		return 0;
	if (o->per_week) {
		if (dow == 0 || i == o->baseline_days) {
			int days[7] = {0, 1, 2, 3, 4, 5, 6};

			/* K distinct weekdays: a partial Fisher-Yates shuffle */
			memset(s->week_plan, 0, sizeof s->week_plan);
			for (int j = 0; j < o->per_week; j++) {
				int t = j + (int)gsl_rng_uniform_int(r, (unsigned long)(7 - j));
				int tmp = days[j];

				days[j] = days[t];
				days[t] = tmp;
				s->week_plan[days[j]] = 1;
			}
		}
		return s->week_plan[dow];
	}
	if (i != s->next_session)
		return 0;
	long gap = o->every;
	if (o->jitter)
		gap += (long)gsl_rng_uniform_int(r, (unsigned long)(2 * o->jitter + 1)) - o->jitter;
	s->next_session = i + (gap < 1 ? 1 : gap);
	return 1;
}

static void
sim_day(ease_sim *s, ease_sim_day *d)
{
	const ease_sim_opts *o = &s->o;
	ease_sim_subject *u = &s->subj[s->cur];
	long i = s->i;
	int dow;
	double pain, awake;
	gsl_rng *r;

	memset(d, 0, sizeof *d);
	d->subject = s->cur;
	d->index = i;
	d->day = o->start + i;
	d->treatment = i >= o->baseline_days;
	d->technique = -1;
	dow = weekday(d->day);

	/* latent pain: level, week, autocorrelated noise, flares, relief */
	if (i > 0)
		s->noise = o->ar * s->noise +
			sqrt(1 - o->ar * o->ar) * o->noise_sd * gauss(s->r[S_NOISE]);
	r = s->r[S_FLARE];
	if (gsl_rng_uniform(r) < o->flares / 365.25 && s->flare_left == 0) {
		s->flare_left = 1 + (long)gsl_ran_poisson(r, o->flare_days - 1);
		u->flares++;
	}
	if (s->flare_left > 0) {
		s->flare_left--;
		d->in_flare = 1;
		d->flare = o->flare_size;
		u->flare_days++;
	}
	d->level = u->level;
	d->weekly = s->weekly[dow];
	d->noise = s->noise;
	for (int k = 0; k < EASE_NTECH; k++)
		d->relief += s->relief[k];
	d->latent = d->level + d->weekly + d->noise + d->flare - d->relief;
	pain = clamp(d->latent, 0, 10);
	if (d->treatment) {
		u->treatment_days++;
		u->relief_sum += d->relief;
	}

	/* the day's ratings, spread over the waking hours */
	r = s->r[S_RATING];
	d->nratings = 1 + (int)gsl_rng_uniform_int(r, (unsigned long)o->ratings);
	int sum = 0, slot = RATING_SPAN_MIN / d->nratings;
	for (int j = 0; j < d->nratings; j++) {
		d->rating[j] = rating(d->latent + o->rating_sd * gauss(r));
		d->rating_min[j] = FIRST_RATING_MIN + j * slot +
			(int)gsl_rng_uniform_int(r, (unsigned long)slot);
		sum += d->rating[j];
		if (d->rating[j] > d->pain_max)
			d->pain_max = d->rating[j];
	}
	d->pain_mean = (double)sum / d->nratings;

	/* last night's sleep, shorter after a painful day */
	r = s->r[S_SLEEP];
	d->sleep_hours = clamp(o->sleep - o->sleep_slope * (s->prev_pain - u->level) +
			       o->sleep_sd * gauss(r), 0, 12);
	d->sleep_hours = round_half_up(d->sleep_hours * 10) / 10.0;
	d->sleep_quality = rating(QUALITY_MEAN + (d->sleep_hours - o->sleep) -
				  QUALITY_PAIN * (s->prev_pain - u->level) + gauss(r));
	if (i > 0)
		ease_comom_add(&s->cm, s->prev_pain, d->sleep_hours);
	awake = AWAKE_IN_BED_MIN + gsl_ran_exponential(r, AWAKE_MEAN_MIN);
	d->wake_min = WAKE_MIN + (int)round_half_up(WAKE_SD_MIN * gauss(r));
	d->bed_min = d->wake_min - (int)round_half_up(d->sleep_hours * 60 + awake);
	if (d->bed_min < EARLIEST_BED_MIN) {
		d->wake_min += EARLIEST_BED_MIN - d->bed_min;
		d->bed_min = EARLIEST_BED_MIN;
	}

	/* a session; its relief counts from the next day */
	r = s->r[S_SESSION];
	if (has_session(s, i, dow)) {
		int k = s->tech[gsl_rng_uniform_int(r, (unsigned long)s->ntech)];

		if (s->plan_day && s->plan_day[i] >= 0)
			k = s->plan_day[i];	/* the draw above kept, so the stream stays aligned */
		long m = 5 * round_half_up((techs[k].minutes + SESSION_SD_MIN * gauss(r)) / 5);

		d->massage = 1;
		d->technique = k;
		d->massage_min = (int)clamp((double)m, 15, 120);
		d->session_min = 540 + 30 * (int)gsl_rng_uniform_int(r, 19);
		d->pain_before = rating(d->latent + o->rating_sd * gauss(r));
		d->pain_after = rating(d->latent - u->effect[k] + o->rating_sd * gauss(r));
		u->sessions++;
	}
	for (int k = 0; k < EASE_NTECH; k++)
		s->relief[k] *= s->decay[k];
	if (d->massage)
		s->relief[d->technique] += u->effect[d->technique];

	/* painkillers at three chances a day, likelier the worse the pain */
	r = s->r[S_MED];
	double p = MED_MAX / (1 + exp(-MED_SLOPE * (pain - o->med_threshold)));
	for (int j = 0; j < EASE_SIM_DOSE_SLOTS; j++) {
		if (gsl_rng_uniform(r) >= p)
			continue;
		int n = d->ndoses++;
		int drug = gsl_rng_uniform(r) < u->ibuprofen_share ?
			EASE_DRUG_IBUPROFEN : EASE_DRUG_ACETAMINOPHEN;

		d->dose_drug[n] = drug;
		d->dose_mg[n] = drug == EASE_DRUG_ACETAMINOPHEN ? 500 :
			pain >= MED_HIGH_PAIN ? 400 : 200;
		d->dose_min[n] = dose_slot_min[j] + (int)gsl_rng_uniform_int(r, 60);
		d->drug_mg[drug] += d->dose_mg[n];
	}

	r = s->r[S_STRESS];
	d->stress = rating(o->stress + STRESS_PAIN * (pain - u->level) -
			   STRESS_SLEEP * (d->sleep_hours - o->sleep) + STRESS_SD * gauss(r));
	d->stress_min = 1200 + (int)gsl_rng_uniform_int(r, 60);

	d->present = !(gsl_rng_uniform(s->r[S_MISSING]) < o->missing);
	if (!d->present)
		u->missing_days++;
	s->prev_pain = pain;
}

int
ease_sim_next(ease_sim *s, ease_sim_day *d)
{
	if (s->cur >= s->o.subjects)
		return 0;
	if (s->i == 0)
		start_subject(s);
	sim_day(s, d);
	if (++s->i == s->o.days) {
		s->subj[s->cur].sleep_pain_r = ease_comom_r(&s->cm);
		s->cur++;
		s->i = 0;
	}
	return 1;
}

/* ---- output ---- */

/* V >= 0 to DEC decimals, trailing zeros dropped: 7.5, 7, 4.33. */
static size_t
fmt_fixed(char *b, double v, int dec)
{
	long scale = 1, q;
	size_t len;

	for (int j = 0; j < dec; j++)
		scale *= 10;
	q = round_half_up(v * scale);
	len = ease_fmt_uint((unsigned long)(q / scale), b);
	q %= scale;
	if (q) {
		b[len++] = '.';
		for (long f = scale / 10; f && q; f /= 10) {
			b[len++] = (char)('0' + q / f);
			q %= f;
		}
		b[len] = '\0';
	}
	return len;
}

static void
put2(char *b, int v)
{
	b[0] = (char)('0' + v / 10);
	b[1] = (char)('0' + v % 10);
}

/* HH:MM of minutes after midnight (0..1439). */
static size_t
fmt_hm(char *b, int min)
{
	put2(b, min / 60);
	b[2] = ':';
	put2(b + 3, min % 60);
	b[5] = '\0';
	return 5;
}

/* DAY plus MIN minutes (any sign) as YYYY-MM-DDTHH:MM. */
static size_t
fmt_datetime(char *b, long day, int min)
{
	long dd = min >= 0 ? min / 1440 : -((1439 - min) / 1440);

	min -= (int)(dd * 1440);
	ease_fmt_date(day + dd, b);
	b[10] = 'T';
	fmt_hm(b + 11, min);
	return 16;
}

static void
w_uint(ease_writer *w, unsigned long v)
{
	char b[24];

	ease_w_field(w, b, ease_fmt_uint(v, b));
}

static void
w_fixed(ease_writer *w, double v, int dec)
{
	char b[40];

	ease_w_field(w, b, fmt_fixed(b, v, dec));
}

static void
w_date(ease_writer *w, long day)
{
	char b[16];

	ease_w_str(w, ease_fmt_date(day, b));
}

static void
header(ease_writer *w, const char *const *cols)
{
	for (; *cols; cols++)
		ease_w_str(w, *cols);
	ease_w_end(w);
}

static void
day_header(ease_writer *w, const ease_sim_opts *o)
{
	static const char *const cols[] = {
		"pain", "pain_max", "pain_n", "sleep_hours", "sleep_quality",
		"massage", "technique", "massage_min", "meds_doses",
		"med_ibuprofen_mg", "med_acetaminophen_mg", "stress", NULL
	};

	ease_w_str(w, "date");
	if (o->subjects > 1)
		ease_w_str(w, "subject");
	for (const char *const *c = cols; *c; c++)
		ease_w_str(w, *c);
	if (o->in_bed) {
		ease_w_str(w, "time_in_bed");
		ease_w_str(w, "sleep_efficiency");
	}
	ease_w_end(w);
}

static void
day_row(ease_writer *w, const ease_sim_opts *o, const ease_sim_subject *u,
	const ease_sim_day *d)
{
	int ncols = 12 + 2 * (o->in_bed != 0);

	w_date(w, d->day);
	if (o->subjects > 1)
		ease_w_str(w, u->id);
	if (!d->present) {
		for (int j = 0; j < ncols; j++)
			ease_w_field(w, "", 0);
		ease_w_end(w);
		return;
	}
	w_fixed(w, d->pain_mean, 2);
	w_uint(w, (unsigned long)d->pain_max);
	w_uint(w, (unsigned long)d->nratings);
	w_fixed(w, d->sleep_hours, 1);
	w_uint(w, (unsigned long)d->sleep_quality);
	w_uint(w, (unsigned long)d->massage);
	ease_w_str(w, d->massage ? ease_tech_name(d->technique) : "");
	w_uint(w, (unsigned long)d->massage_min);
	w_uint(w, (unsigned long)d->ndoses);
	w_uint(w, (unsigned long)d->drug_mg[EASE_DRUG_IBUPROFEN]);
	w_uint(w, (unsigned long)d->drug_mg[EASE_DRUG_ACETAMINOPHEN]);
	w_uint(w, (unsigned long)d->stress);
	if (o->in_bed) {
		double bed = (d->wake_min - d->bed_min) / 60.0;

		w_fixed(w, bed, 2);
		w_fixed(w, 100 * d->sleep_hours / bed, 1);
	}
	ease_w_end(w);
}

static void
session_row(ease_writer *w, const ease_sim_subject *u, const ease_sim_day *d)
{
	if (!d->massage)
		return;
	w_date(w, d->day);
	ease_w_str(w, u->id);
	ease_w_str(w, ease_tech_name(d->technique));
	w_uint(w, (unsigned long)d->massage_min);
	w_uint(w, (unsigned long)d->pain_before);
	w_uint(w, (unsigned long)d->pain_after);
	ease_w_end(w);
}

/* One row of the event log, collected so a day's rows go out in time order. */
typedef struct event {
	int start, end;		/* minutes from the day's midnight */
	int has_end;
	const char *kind, *name, *unit;
	double value;
	int dec;		/* decimals of the value */
} event;

#define MAX_EVENTS (1 + EASE_SIM_MAX_RATINGS + 1 + EASE_SIM_DOSE_SLOTS + 1)

static void
event_rows(ease_writer *w, const ease_sim_subject *u, const ease_sim_day *d)
{
	event ev[MAX_EVENTS];
	int n = 0;
	char b[24];

	if (!d->present)
		return;
	ev[n++] = (event){d->bed_min, d->wake_min, 1, "sleep", "", "h", d->sleep_hours, 1};
	for (int j = 0; j < d->nratings; j++)
		ev[n++] = (event){d->rating_min[j], 0, 0, "pain", "lower_back", "",
				  d->rating[j], 0};
	if (d->massage)
		ev[n++] = (event){d->session_min, d->session_min + d->massage_min, 1,
				  "massage", ease_tech_name(d->technique), "min",
				  d->massage_min, 0};
	for (int j = 0; j < d->ndoses; j++)
		ev[n++] = (event){d->dose_min[j], 0, 0, "med", drugs[d->dose_drug[j]],
				  "mg", d->dose_mg[j], 0};
	ev[n++] = (event){d->stress_min, 0, 0, "stress", "", "", d->stress, 0};
	/* insertion sort: stable, and a day has a dozen rows at most */
	for (int j = 1; j < n; j++) {
		event e = ev[j];
		int k = j;

		for (; k > 0 && ev[k - 1].start > e.start; k--)
			ev[k] = ev[k - 1];
		ev[k] = e;
	}
	for (int j = 0; j < n; j++) {
		ease_w_str(w, u->id);
		ease_w_field(w, b, fmt_datetime(b, d->day, ev[j].start));
		if (ev[j].has_end)
			ease_w_field(w, b, fmt_datetime(b, d->day, ev[j].end));
		else
			ease_w_field(w, "", 0);
		ease_w_str(w, ev[j].kind);
		ease_w_str(w, ev[j].name);
		w_fixed(w, ev[j].value, ev[j].dec);
		ease_w_str(w, ev[j].unit);
		ease_w_field(w, "", 0);
		ease_w_end(w);
	}
}

static void
truth_row(ease_writer *w, int digits, const ease_sim_subject *u, const char *param,
	  const char *tech, double v)
{
	ease_w_str(w, u->id);
	ease_w_str(w, param);
	ease_w_str(w, tech);
	ease_w_num(w, v, digits);
	ease_w_end(w);
}

static void
write_truth(ease_writer *w, const ease_sim_opts *o, const ease_sim *s,
	    const long *tech_sessions)
{
	static const char *const cols[] = {"subject", "parameter", "technique", "value", NULL};

	header(w, cols);
	for (int i = 0; i < o->subjects; i++) {
		const ease_sim_subject *u = &s->subj[i];

		truth_row(w, o->digits, u, "baseline_pain", "", u->level);
		truth_row(w, o->digits, u, "weekly_amplitude", "", o->weekly);
		truth_row(w, o->digits, u, "weekly_peak", "", u->weekly_peak);
		truth_row(w, o->digits, u, "ar", "", o->ar);
		truth_row(w, o->digits, u, "noise_sd", "", o->noise_sd);
		truth_row(w, o->digits, u, "rating_sd", "", o->rating_sd);
		truth_row(w, o->digits, u, "flares_per_year", "", o->flares);
		truth_row(w, o->digits, u, "flare_size", "", o->flare_size);
		truth_row(w, o->digits, u, "flare_days_mean", "", o->flare_days);
		truth_row(w, o->digits, u, "flares", "", (double)u->flares);
		truth_row(w, o->digits, u, "flare_days", "", (double)u->flare_days);
		truth_row(w, o->digits, u, "baseline_days", "",
			  (double)(o->baseline_days < o->days ? o->baseline_days : o->days));
		truth_row(w, o->digits, u, "treatment_days", "", (double)u->treatment_days);
		truth_row(w, o->digits, u, "sessions", "", (double)u->sessions);
		truth_row(w, o->digits, u, "treatment_relief", "", u->treatment_days ?
			  u->relief_sum / (double)u->treatment_days : NAN);
		truth_row(w, o->digits, u, "response", "", u->response);
		for (int k = 0; k < EASE_NTECH; k++) {
			if (!o->use_tech[k])
				continue;
			truth_row(w, o->digits, u, "effect", ease_tech_name(k), u->effect[k]);
			truth_row(w, o->digits, u, "halflife", ease_tech_name(k), u->halflife[k]);
			truth_row(w, o->digits, u, "session_minutes", ease_tech_name(k), techs[k].minutes);
			truth_row(w, o->digits, u, "sessions", ease_tech_name(k),
				  (double)tech_sessions[i * EASE_NTECH + k]);
		}
		truth_row(w, o->digits, u, "sleep_hours_mean", "", o->sleep);
		truth_row(w, o->digits, u, "sleep_sd", "", o->sleep_sd);
		truth_row(w, o->digits, u, "sleep_pain_slope", "", o->sleep_slope);
		truth_row(w, o->digits, u, "sleep_pain_r", "", u->sleep_pain_r);
		truth_row(w, o->digits, u, "med_threshold", "", o->med_threshold);
		truth_row(w, o->digits, u, "ibuprofen_share", "", u->ibuprofen_share);
		truth_row(w, o->digits, u, "stress_mean", "", o->stress);
		truth_row(w, o->digits, u, "missing", "", o->missing);
		truth_row(w, o->digits, u, "missing_days", "", (double)u->missing_days);
	}
}

int
ease_sim_run(const ease_sim_opts *o)
{
	static const char *const ev_cols[] = {
		"subject", "start", "end", "kind", "name", "value", "unit", "note", NULL
	};
	static const char *const ses_cols[] = {
		"date", "subject", "technique", "duration_min", "pain_before",
		"pain_after", NULL
	};
	ease_writer *w, *tw = NULL;
	ease_sim *s;
	ease_sim_day d;
	long *tech_sessions = NULL;
	ease_sim_opts trial;

	/*
	 * A diary for a trial starts on the trial's first day and lasts as long,
	 * unless told otherwise: the default start of 2026-01-01 would miss a
	 * trial planned for another year altogether.
	 */
	if (o->plan && (!o->start_given || !o->days_given)) {
		ease_plan_file P;

		ease_plan_read(&P, o->plan);
		trial = *o;
		if (!o->start_given)
			trial.start = P.start;
		if (!o->days_given && P.nunits > 0 && P.ulast[P.nunits - 1] >= trial.start)
			trial.days = P.ulast[P.nunits - 1] - trial.start + 1;
		ease_plan_file_free(&P);
		o = &trial;
	}
	ease_sim_opts_check(o);
	w = ease_writer_open(o->output, o->layout, NULL, 0);
	/* both outputs exist before either is written, and are put in place together */
	if (o->truth)
		tw = ease_writer_open(o->truth, EASE_FMT_CSV, NULL, 0);
	if (o->table == EASE_SIM_DAY)
		day_header(w, o);
	else
		header(w, o->table == EASE_SIM_EVENTS ? ev_cols : ses_cols);
	s = ease_sim_new(o);
	if (o->truth)
		tech_sessions = ease_xcalloc((size_t)o->subjects * EASE_NTECH,
					     sizeof *tech_sessions);
	while (ease_sim_next(s, &d)) {
		const ease_sim_subject *u = &s->subj[d.subject];

		if (tech_sessions && d.massage)
			tech_sessions[d.subject * EASE_NTECH + d.technique]++;
		switch (o->table) {
		case EASE_SIM_DAY: day_row(w, o, u, &d); break;
		case EASE_SIM_EVENTS: event_rows(w, u, &d); break;
		default: session_row(w, u, &d); break;
		}
	}
	ease_writer_finish(w);
	if (tw) {
		write_truth(tw, o, s, tech_sessions);
		ease_writer_finish(tw);
	}
	ease_writers_commit();
	free(tech_sessions);
	ease_sim_free(s);
	return 0;
}

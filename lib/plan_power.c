/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-plan --power: how many blocks a trial needs.  A diary gives the
 * day-to-day SD of pain, its lag-1 autocorrelation and how often sessions
 * come; trials of the design are then simulated: a schedule drawn as
 * ease-plan draws it, a Gaussian AR(1) series of pain with that SD and
 * autocorrelation, the first arm's units lowered by the effect, and the
 * randomization test of ease-prepost --plan (ease_rt_p_at).  The power of a
 * number of blocks is the share of trials with p < 0.05.  A direct AR(1)
 * series rather than ease-simulate's whole model: its flares, weekly pattern
 * and session effects are the diary's own business, and what the test sees
 * is a unit's mean, whose spread the SD and the autocorrelation decide.
 */
#include "ease/plan.h"
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/hyptest.h"
#include "ease/randtest.h"
#include "ease/simulate.h"
#include "ease/value.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The numbers of blocks tried, in order, until one reaches the power; 16
 * blocks (65536 schedules to enumerate a trial) take seconds, 20 minutes.
 */
static const long tried[] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16};
#define NTRIED (sizeof tried / sizeof tried[0])
#define TARGET 0.80

typedef struct series {
	double *t, *v;
	size_t n, cap;
	long sessions, first, last;
	int any;		/* a day seen */
} series;

static void
series_add(series *S, long day, double v, int session)
{
	if (!S->any)
		S->first = day, S->any = 1;
	S->last = day;
	S->sessions += session;
	if (isnan(v))
		return;
	if (S->n == S->cap) {
		size_t c2 = S->cap;

		ease_grow((void **)&S->t, &S->cap, S->n + 1, sizeof *S->t);
		ease_grow((void **)&S->v, &c2, S->n + 1, sizeof *S->v);
	}
	S->t[S->n] = (double)day;
	S->v[S->n++] = v;
}

/* The diary's daily pain and its sessions (as ease-prepost --plan counts them). */
static void
read_diary(const char *path, series *S)
{
	ease_common c;
	char *files[1];
	ease_dayreader *r;
	const ease_cols *cols;
	const ease_dayrow *row;
	int vslot, mcol, mslot = -1, tcol;
	char *group = NULL;

	memset(&c, 0, sizeof c);
	files[0] = (char *)path;
	c.files = files;
	c.nfiles = 1;
	r = ease_day_open(&c);
	cols = ease_day_cols(r);
	vslot = ease_day_want(r, ease_cols_need_role(cols, EASE_R_PAIN));
	mcol = ease_cols_role(cols, EASE_R_MASSAGE);
	if (mcol >= 0)
		mslot = ease_day_want(r, mcol);
	tcol = ease_cols_role(cols, EASE_R_TECHNIQUE);
	while ((row = ease_day_next(r)) != NULL) {
		int session = mslot >= 0 ? row->v[mslot] > 0 :
			      tcol >= 0 && (size_t)tcol < row->rec->n && row->rec->len[tcol] > 0;

		if (group == NULL)
			group = ease_xstrdup(row->group);
		else if (strcmp(group, row->group) != 0)
			ease_die(EASE_EX_DATA,
				 "%s: rows of '%s' and of '%s': a trial is one person's; keep one with ease-select --where 'subject=%s'",
				 row->file, group, row->group, group);
		series_add(S, row->day, row->v[vslot], session);
	}
	ease_day_close(r);
	free(group);
}

/* A year of ease-simulate's default diary, for one without a diary. */
static void
default_diary(series *S)
{
	ease_sim_opts o;
	ease_sim *s;
	ease_sim_day d;

	ease_sim_defaults(&o);
	s = ease_sim_new(&o);
	while (ease_sim_next(s, &d))
		if (d.present)
			series_add(S, d.day, d.pain_mean, d.massage);
	ease_sim_free(s);
}

static unsigned long
draw_uint(unsigned long bound, void *ctx)
{
	return gsl_rng_uniform_int(ctx, bound);
}

/* Power of B blocks: the share of TRIALS simulated trials with p < 0.05. */
static double
power_of(const ease_plan_design *d, long len, double sd, double phi, double effect,
	 long trials, unsigned long seed)
{
	long nunits = d->blocks * d->narms, hits = 0;
	int *seq = ease_xmalloc((size_t)nunits * sizeof *seq);
	double *y = ease_xmalloc((size_t)nunits * sizeof *y);
	double innov = sd * sqrt(1 - phi * phi);
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);

	if (g == NULL)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	/* each number of blocks its own stream: a table row does not depend on the rows before */
	gsl_rng_set(g, (seed + (unsigned long)d->blocks * 7919UL) & 0xffffffffUL);
	for (long t = 0; t < trials; t++) {
		double x = sd * gsl_ran_gaussian_ziggurat(g, 1.0);

		ease_plan_draw(d, draw_uint, g, seq);
		for (long u = 0; u < nunits; u++) {
			double s = 0;

			for (long j = 0; j < len; j++) {
				if (u || j)
					x = phi * x + innov * gsl_ran_gaussian_ziggurat(g, 1.0);
				s += x;
			}
			y[u] = s / (double)len - (seq[u] == 0 ? effect : 0);
		}
		if (ease_rt_p_at(d, seq, y, 0, 1, 0, seed, NULL, NULL) < 0.05)
			hits++;
	}
	gsl_rng_free(g);
	free(seq);
	free(y);
	return (double)hits / (double)trials;
}

static void
fmt_num(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.2f", v);
	/* 1.00 -> 1, 0.50 -> 0.5: the effect as the user wrote it */
	if (strchr(buf, '.')) {
		size_t l = strlen(buf);

		while (buf[l - 1] == '0')
			buf[--l] = '\0';
		if (buf[l - 1] == '.')
			buf[--l] = '\0';
	}
}

int
ease_plan_power(ease_plan_opts *o)
{
	series S;
	double sd, phi, rate, powv[NTRIED], nsch[NTRIED];
	long len, every = o->every, found = -1;
	size_t tn = 0, m;
	const char *unitw = o->unit == EASE_PLAN_WEEK ? "week" : "session";
	char line[2048], eff[32], src[1024], what[128];
	ease_writer *w;
	int table = o->power_table;

	if (o->narms < 2)
		ease_usage("--arms is needed: the arms to compare (--arms 'deep tissue,Swedish')");
	if (o->blocks > 0 || o->has_start)
		ease_warn("--power: --blocks and --start are not used; the power is estimated for each number of blocks");
	if (o->effect == 0)
		o->effect = 1;
	memset(&S, 0, sizeof S);
	if (o->diary)
		read_diary(o->diary, &S);
	else
		default_diary(&S);
	if (S.n < 14)
		ease_die(EASE_EX_DATA, "%s: %zu days with a pain value; --power needs at least 14 to estimate the day-to-day spread",
			 o->diary ? o->diary : "the default diary", S.n);
	{
		double mean = 0, ss = 0;

		for (size_t i = 0; i < S.n; i++)
			mean += S.v[i];
		mean /= (double)S.n;
		for (size_t i = 0; i < S.n; i++)
			ss += (S.v[i] - mean) * (S.v[i] - mean);
		sd = sqrt(ss / (double)(S.n - 1));
	}
	if (sd == 0)
		ease_die(EASE_EX_DATA, "%s: pain is the same every day; no power can be estimated",
			 o->diary ? o->diary : "the default diary");
	phi = ease_lag1_r(S.t, S.v, S.n);
	if (isnan(phi)) {
		ease_warn("%s: fewer than 2 pairs of consecutive days: the autocorrelation is taken as 0",
			  o->diary ? o->diary : "the default diary");
		phi = 0;
	}
	phi = fmax(-0.95, fmin(0.95, phi));
	rate = S.sessions ? (double)(S.last - S.first + 1) / (double)S.sessions : NAN;
	if (o->unit == EASE_PLAN_SESSION && every == 0) {
		if (isnan(rate)) {
			every = 7;
			ease_warn("%s: no session in the diary: a session every 7 days assumed (say --every N)",
				  o->diary ? o->diary : "the default diary");
		} else
			every = (long)fmax(1, floor(rate + 0.5));
	}
	if (every == 0)
		every = 7;
	len = o->unit == EASE_PLAN_WEEK ? 7 : every;

	for (m = 0; m < NTRIED; m++) {
		ease_plan_design d = {o->narms, tried[m], o->max_run};

		char cbuf[64];

		powv[m] = power_of(&d, len, sd, phi, o->effect, o->power_trials, o->seed);
		nsch[m] = ease_plan_count(&d, cbuf, sizeof cbuf);
		tn = m + 1;
		if (powv[m] >= TARGET) {
			found = (long)m;
			break;
		}
	}

	fmt_num(o->effect, eff, sizeof eff);
	if (o->unit == EASE_PLAN_WEEK)
		snprintf(what, sizeof what, "a week's mean pain");
	else
		snprintf(what, sizeof what, "the mean pain of a session's %ld days", len);
	{
		char sds[32], phis[32], rates[64];

		snprintf(sds, sizeof sds, "%.2f", sd);
		snprintf(phis, sizeof phis, "%.2f", phi);
		if (isnan(rate))
			strcpy(rates, "no session");
		else
			snprintf(rates, sizeof rates, "a session every %.1f days", rate);
		snprintf(src, sizeof src, "%s: pain SD %s, day-to-day autocorrelation %s, %s, over %zu days",
			 o->diary ? o->diary : "ease-simulate's default diary", sds, phis, rates, S.n);
	}
	if (found >= 0) {
		long b = tried[found];

		snprintf(line, sizeof line,
			 "%ld blocks (%ld %ss) detect a %s-point difference between %s and %s in %s with 80 %% power: %.0f %% of %ld simulated trials gave randomization p < 0.05 (%s).\n",
			 b, b * o->narms, unitw, eff, o->arms[0], o->arms[1], what,
			 100 * powv[found], o->power_trials, src);
	} else {
		long b = tried[NTRIED - 1];

		snprintf(line, sizeof line,
			 "Even %ld blocks (%ld %ss) detect a %s-point difference between %s and %s in %s with only %.0f %% power (%ld simulated trials; %s): look for a larger effect, or use shorter units.\n",
			 b, b * o->narms, unitw, eff, o->arms[0], o->arms[1], what,
			 100 * powv[NTRIED - 1], o->power_trials, src);
	}
	w = ease_writer_open(o->output, table ? o->layout : EASE_FMT_CSV, NULL, 0);
	if (table) {
		const char *hdr[] = {"blocks", "units", "schedules", "power", "trials", NULL};

		for (int i = 0; hdr[i]; i++)
			ease_w_str(w, hdr[i]);
		ease_w_end(w);
	}
	for (size_t i = 0; i < tn; i++) {
		char num[64];

		if (!table) {
			ease_warn("%2ld blocks (%3ld %ss, %.0f schedules): power %3.0f %%",
				  tried[i], tried[i] * o->narms, unitw, nsch[i], 100 * powv[i]);
			continue;
		}
		snprintf(num, sizeof num, "%ld", tried[i]);
		ease_w_str(w, num);
		snprintf(num, sizeof num, "%ld", tried[i] * o->narms);
		ease_w_str(w, num);
		snprintf(num, sizeof num, "%.0f", nsch[i]);
		ease_w_str(w, num);
		snprintf(num, sizeof num, "%.4f", powv[i]);
		ease_w_str(w, num);
		snprintf(num, sizeof num, "%ld", o->power_trials);
		ease_w_str(w, num);
		ease_w_end(w);
	}
	if (table) {
		line[strlen(line) - 1] = '\0';
		ease_warn("%s", line);
	} else
		ease_w_line(w, line, strlen(line));
	ease_writer_close(w);
	free(S.t);
	free(S.v);
	for (int i = 0; i < o->narms; i++)
		free(o->arms[i]);
	free(o->arms);
	return 0;
}

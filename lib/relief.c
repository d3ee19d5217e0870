/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/relief.h"
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/km.h"
#include "ease/span.h"
#include "ease/technique.h"
#include "ease/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days of pain before a session that make its baseline, and how many must be there. */
#define BASE_DAYS 3
#define BASE_MIN 2
/* A mean of thirds is not exact: "at least MARGIN below" allows for that. */
#define EPS 1e-9

void
ease_relief_opts_init(ease_relief_opts *o)
{
	memset(o, 0, sizeof *o);
	o->margin = 1;
}

void
ease_relief_set_margin(ease_relief_opts *o, const char *arg)
{
	double m = ease_opt_double("--margin", arg);

	if (!(m >= 0) || m > 10)
		ease_usage("--margin: '%s' is not a number of points from 0 to 10", arg);
	o->margin = m;
}

/* ---- the run ---- */

/* Relief lengths of one technique (or all): counts per whole day. */
typedef struct group {
	char *name;
	double *ev, *ce;	/* events and censorings at relief_days = index */
	size_t cap;		/* of both */
	long sessions, with_relief, ended;
	ease_km_summary km;
} group;

typedef struct run {
	ease_common *c;
	ease_relief_opts *o;
	ease_dayreader *r;
	ease_writer *w;
	int pain_slot, massage_slot, tech_col;
	const char *massage_name;
	/* the last BASE_DAYS days with pain, oldest first */
	long hday[BASE_DAYS];
	double hpain[BASE_DAYS];
	int nh;
	/* the session whose run is open */
	int open;
	long sday;
	double base;
	long last_relief;	/* the last day of relief, when has_relief */
	int has_relief;		/* a flag, as any day number (before 1970: < 0) is a day */
	size_t *stech;		/* its techniques, indices into g */
	size_t nstech, stcap;
	char *sgroup;
	/* techniques by key; g[0] is "all" */
	ease_strset *keys;
	ease_technames *names;	/* the spelling each is shown in */
	char *kbuf;
	size_t kcap;
	group *g;
	size_t ng, gcap;
	long days_massage, skipped;
	ease_span span;		/* the days read, against the date window */
	int head_done;
	int table;		/* --format table: numbers for people */
} run;

/*
 * A day count or a mean of pain.  A table is read by people: one decimal is
 * all a day or a pain score says (counts are whole anyway); CSV and TSV are
 * read by programs and keep --digits significant digits.
 */
static void
w_measure(run *s, double v)
{
	char buf[48];

	if (!s->table || isnan(v)) {
		ease_w_num(s->w, v, s->c->digits);
		return;
	}
	/* the process locale is never set: '.' is the decimal point */
	snprintf(buf, sizeof buf, "%.1f", v);
	ease_w_str(s->w, buf);
}

static group *
add_group(run *s, const char *name, size_t len)
{
	ease_grow((void **)&s->g, &s->gcap, s->ng + 1, sizeof *s->g);
	memset(&s->g[s->ng], 0, sizeof s->g[s->ng]);
	s->g[s->ng].name = ease_xstrndup(name, len);
	return &s->g[s->ng++];
}

static void
group_add(group *g, long days, int ended)
{
	size_t t = (size_t)days;

	if (t >= g->cap) {
		size_t old = g->cap, nc = old ? old : 16;

		while (nc <= t)
			nc *= 2;
		g->ev = ease_xrealloc(g->ev, nc * sizeof *g->ev);
		g->ce = ease_xrealloc(g->ce, nc * sizeof *g->ce);
		memset(g->ev + old, 0, (nc - old) * sizeof *g->ev);
		memset(g->ce + old, 0, (nc - old) * sizeof *g->ce);
		g->cap = nc;
	}
	if (ended)
		g->ev[t]++;
	else
		g->ce[t]++;
	g->sessions++;
	g->with_relief += days > 0;
	g->ended += ended;
}

/* The techniques of a session day's cell, each once, into s->stech. */
static void
session_techniques(run *s, const char *cell)
{
	const char *item;
	size_t len;

	s->nstech = 0;
	while (ease_list_next(&cell, &item, &len)) {
		const char *key = ease_tech_key(item, len, &s->kbuf, &s->kcap), *d;
		long idx;

		/* a missing technique ("-", N/A): the session is in "all" only */
		if (key[0] == '\0')
			continue;
		d = ease_technames_add(s->names, item, len);
		if (d == NULL || *d == '\0')
			continue;
		if (ease_strset_put(s->keys, key, (long)s->ng, &idx)) {
			idx = (long)s->ng;
			add_group(s, d, strlen(d));
		}
		for (size_t i = 0; i < s->nstech; i++)
			if (s->stech[i] == (size_t)idx)
				goto next;
		ease_grow((void **)&s->stech, &s->stcap, s->nstech + 1, sizeof *s->stech);
		s->stech[s->nstech++] = (size_t)idx;
next:;
	}
}

static void
write_head(run *s)
{
	static const char *const sess[] = {
		"date", "subject", "technique", "baseline", "relief_days", "ended", NULL
	}, *const summ[] = {
		"technique", "sessions", "with_relief", "ended", "censored",
		"median_days", "median_ci_low", "median_ci_high", "mean_days", NULL
	};

	/* late, so that a run that fails has written nothing */
	if (s->head_done || s->o->explain)
		return;
	s->head_done = 1;
	for (const char *const *h = s->o->summary ? summ : sess; *h; h++)
		ease_w_str(s->w, *h);
	ease_w_end(s->w);
}

/* Ends the open run: ENDED 1 when relief wore off, 0 when censored. */
static void
close_run(run *s, int ended)
{
	long days = s->has_relief ? s->last_relief - s->sday : 0;

	if (!s->open)
		return;
	s->open = 0;
	group_add(&s->g[0], days, ended);
	for (size_t i = 0; i < s->nstech; i++)
		group_add(&s->g[s->stech[i]], days, ended);
	if (s->o->session) {
		const char **t = ease_xcalloc(s->nstech + 1, sizeof *t);

		for (size_t i = 0; i < s->nstech; i++)
			t[i] = s->g[s->stech[i]].name;
		s->o->session(s->o->ctx, s->sday, s->sgroup, t, s->nstech, days, ended);
		free(t);
		return;
	}
	if (s->o->summary)
		return;

	char date[16], num[24];

	write_head(s);

	ease_w_str(s->w, ease_fmt_date(s->sday, date));
	ease_w_str(s->w, s->sgroup);
	if (s->nstech == 0) {
		ease_w_str(s->w, "");
	} else {
		size_t n = 0;
		char *t;

		for (size_t i = 0; i < s->nstech; i++)
			n += strlen(s->g[s->stech[i]].name) + 1;
		t = ease_xmalloc(n + 1);
		t[0] = '\0';
		for (size_t i = 0; i < s->nstech; i++) {
			if (i)
				strcat(t, "|");
			strcat(t, s->g[s->stech[i]].name);
		}
		ease_w_str(s->w, t);
		free(t);
	}
	w_measure(s, s->base);
	ease_fmt_uint((unsigned long long)days, num);
	ease_w_str(s->w, num);
	ease_w_str(s->w, ended ? "1" : "0");
	ease_w_end(s->w);
}

/* The mean pain of the BASE_DAYS days before DAY, or NaN with too few. */
static double
baseline(const run *s, long day)
{
	double sum = 0;
	int n = 0;

	for (int i = 0; i < s->nh; i++)
		if (s->hday[i] >= day - BASE_DAYS && s->hday[i] < day) {
			sum += s->hpain[i];
			n++;
		}
	return n >= BASE_MIN ? sum / n : NAN;
}

static void
remember_pain(run *s, long day, double pain)
{
	if (s->nh == BASE_DAYS) {
		memmove(s->hday, s->hday + 1, (BASE_DAYS - 1) * sizeof *s->hday);
		memmove(s->hpain, s->hpain + 1, (BASE_DAYS - 1) * sizeof *s->hpain);
		s->nh--;
	}
	s->hday[s->nh] = day;
	s->hpain[s->nh++] = pain;
}

static void
one_row(run *s, const ease_dayrow *row)
{
	double pain = row->v[s->pain_slot], m = row->v[s->massage_slot];
	int session = m > 0;

	if (row->group_start) {
		close_run(s, 0);	/* the subject's data end */
		s->nh = 0;
	}
	/* days after --until are as good as absent: the data end there */
	if (s->c && s->c->has_until && row->day > s->c->until)
		return;
	if (s->open) {
		if (session)
			close_run(s, 0);
		else if (!isnan(pain)) {
			if (s->base - pain >= s->o->margin - EPS) {
				s->last_relief = row->day;
				s->has_relief = 1;
			}
			else
				close_run(s, 1);
		}
	}
	/* the days before --since still make the first baselines */
	if (session && (s->r == NULL || ease_day_in_window(s->r, row->day))) {
		double b = baseline(s, row->day);

		s->days_massage++;
		if (isnan(b)) {
			s->skipped++;
		} else {
			s->open = 1;
			s->sday = row->day;
			s->base = b;
			s->has_relief = 0;
			free(s->sgroup);
			s->sgroup = ease_xstrdup(row->group);
			if (s->tech_col >= 0)
				session_techniques(s, row->rec->f[s->tech_col]);
			else
				s->nstech = 0;
		}
	}
	if (!isnan(pain))
		remember_pain(s, row->day, pain);
}

/* ---- the summary ---- */

static void
summarise(group *g)
{
	double *t = ease_xcalloc(g->cap + 1, sizeof *t);
	ease_km_curve *c;

	for (size_t i = 0; i < g->cap; i++)
		t[i] = (double)i;
	c = ease_km_fit_counts(t, g->ev, g->ce, g->cap);
	ease_km_summarise(c, &g->km);
	ease_km_free(c);
	free(t);
}

/* Best first: the longer median (not reached is longest), then the longer mean. */
static int
cmp_group(const void *a, const void *b)
{
	const group *x = *(const group *const *)a, *y = *(const group *const *)b;
	double mx = isnan(x->km.median) ? INFINITY : x->km.median;
	double my = isnan(y->km.median) ? INFINITY : y->km.median;
	double rx = isnan(x->km.rmean) ? -1 : x->km.rmean;
	double ry = isnan(y->km.rmean) ? -1 : y->km.rmean;

	if (mx != my)
		return mx > my ? -1 : 1;
	if (rx != ry)
		return rx > ry ? -1 : 1;
	return (x > y) - (x < y);	/* the order first met */
}

static void
w_long(ease_writer *w, long v)
{
	char num[24];

	ease_fmt_uint((unsigned long long)v, num);
	ease_w_str(w, num);
}

/*
 * "a Swedish session", "an acupressure session", "a massage session (any
 * technique)": one wording for every name, since "massage" after a name
 * doubles one that is a massage already and misreads one that is not.
 */
static void
what(const group *g, int all, char *buf, size_t n)
{
	if (all)
		snprintf(buf, n, "a massage session (any technique)");
	else
		snprintf(buf, n, "%s %s session",
			 g->name[0] && strchr("AEIOUaeiou", g->name[0]) ? "an" : "a",
			 g->name);
}

/* "95 % CI 3 to 6", an upper bound the data do not reach said as such. */
static void
ci_text(const ease_km_summary *k, int d, char *buf, size_t n)
{
	char lo[48], hi[48];

	ease_fmt_num(k->median_lo, d, lo);
	ease_fmt_num(k->median_hi, d, hi);
	if (isnan(k->median_lo))
		snprintf(lo, sizeof lo, "less than the data show");
	if (isnan(k->median_hi))
		snprintf(buf, n, "95 %% CI %s to more than the data show", lo);
	else
		snprintf(buf, n, "95 %% CI %s to %s", lo, hi);
}

/*
 * A rebooking interval is advice to act on, so it is given only when the
 * data bear it out: enough sessions, and an interval that excludes relief
 * of less than a day.  Anything short of that is said as "not yet shown".
 */
static void
explain(run *s, const group *g, int all)
{
	char t[400], line[1024], m[48], ci[160];
	const ease_km_summary *k = &g->km;
	int d = s->c->digits;

	what(g, all, t, sizeof t);
	ease_fmt_num(k->median, d, m);
	ci_text(k, d, ci, sizeof ci);
	if (g->sessions < EASE_RELIEF_MIN_SESSIONS)
		snprintf(line, sizeof line,
			 "The data do not show yet how long relief after %s lasts: %ld session%s, at least %d are needed.",
			 t, g->sessions, g->sessions == 1 ? "" : "s",
			 EASE_RELIEF_MIN_SESSIONS);
	else if (isnan(k->median))
		snprintf(line, sizeof line,
			 "Relief after %s lasted longer than the data can follow in more than half of %ld sessions (the next session or the end of the diary came first): the data do not show yet when it wears off.",
			 t, g->sessions);
	else if (k->median < 1)
		snprintf(line, sizeof line,
			 "Relief after %s did not last into the next day in at least half of %ld sessions (median 0 days).",
			 t, g->sessions);
	else if (!(k->median_lo >= 1))
		snprintf(line, sizeof line,
			 "The data do not show yet how long relief after %s lasts: median %s day%s, %s, %ld sessions; more sessions will tell.",
			 t, m, k->median == 1 ? "" : "s", ci, g->sessions);
	else if (all)
		/*
		 * "all" pools techniques that may differ widely: a booking
		 * interval from it would fit none of them.
		 */
		snprintf(line, sizeof line,
			 "Relief after %s lasted a median of %s day%s (%s, %ld sessions): about half of the sessions still gave relief after %s day%s.%s",
			 t, m, k->median == 1 ? "" : "s", ci, g->sessions, m,
			 k->median == 1 ? "" : "s",
			 s->ng > 1 ? " This pools every technique; for when to book, read each technique's own line." : "");
	else {
		long every = (long)floor(k->median);

		/* a median: half the sessions wore off sooner, so never "keeps you in it" */
		snprintf(line, sizeof line,
			 "Relief after %s lasted a median of %s day%s (%s, %ld sessions): about half of the sessions still gave relief after %s day%s; booking every %ld day%s, the next session would come while relief still lasts about half the time.",
			 t, m, k->median == 1 ? "" : "s", ci, g->sessions, m,
			 k->median == 1 ? "" : "s", every, every == 1 ? "" : "s");
	}
	ease_w_str(s->w, line);
	ease_w_end(s->w);
}

static void
write_summary(run *s)
{
	group **order = ease_xcalloc(s->ng + 1, sizeof *order);
	size_t n = 0;

	for (size_t i = 0; i < s->ng; i++)
		summarise(&s->g[i]);
	for (size_t i = 1; i < s->ng; i++)
		order[n++] = &s->g[i];
	qsort(order, n, sizeof *order, cmp_group);
	order[n++] = &s->g[0];	/* "all" closes the table, as the reference */
	for (size_t i = 0; i < n; i++) {
		group *g = order[i];

		if (g->sessions < EASE_RELIEF_MIN_SESSIONS && g->sessions > 0 &&
		    !s->o->explain)
			ease_warn("%s: %ld session%s, too few to read its median (at least %d)",
				  g->name, g->sessions, g->sessions == 1 ? "" : "s",
				  EASE_RELIEF_MIN_SESSIONS);
		if (s->o->explain) {
			explain(s, g, g == &s->g[0]);
			continue;
		}
		ease_w_str(s->w, g->name);
		w_long(s->w, g->sessions);
		w_long(s->w, g->with_relief);
		w_long(s->w, g->ended);
		w_long(s->w, g->sessions - g->ended);
		w_measure(s, g->km.median);
		w_measure(s, g->km.median_lo);
		w_measure(s, g->km.median_hi);
		w_measure(s, g->km.rmean);
		ease_w_end(s->w);
	}
	free(order);
}

/* After the reader opens, as before: a run that stops there holds nothing. */
static void
run_alloc(run *s)
{
	s->keys = ease_strset_new();
	s->names = ease_technames_new();
	s->sgroup = ease_xstrdup("");
	add_group(s, "all", 3);
}

static void
run_free(run *s)
{
	for (size_t i = 0; i < s->ng; i++) {
		free(s->g[i].name);
		free(s->g[i].ev);
		free(s->g[i].ce);
	}
	free(s->g);
	free(s->stech);
	free(s->sgroup);
	ease_strset_free(s->keys);
	ease_technames_free(s->names);
	free(s->kbuf);
}

int
ease_relief_run(ease_common *c, ease_relief_opts *o)
{
	run s;
	const ease_dayrow *row;
	const ease_cols *cols;
	int pain_col, massage_col, fmt;

	if (o->explain)
		o->summary = 1;
	memset(&s, 0, sizeof s);
	s.c = c;
	s.o = o;
	s.r = ease_day_open(c);
	cols = ease_day_cols(s.r);
	pain_col = ease_cols_need_role(cols, EASE_R_PAIN);
	massage_col = ease_cols_need_role(cols, EASE_R_MASSAGE);
	s.tech_col = ease_tech_col(cols);
	s.massage_name = cols->name[massage_col];
	s.pain_slot = ease_day_want(s.r, pain_col);
	s.massage_slot = ease_day_want(s.r, massage_col);
	ease_day_fields_used(s.r, s.tech_col >= 0 ? (size_t)s.tech_col + 1 : 1);
	ease_day_keep_all(s.r, 1);
	run_alloc(&s);

	/* sentences are text: one cell a line, never quoted */
	fmt = o->explain ? EASE_FMT_TABLE : c->format;
	s.table = c->format == EASE_FMT_TABLE && !o->explain;
	s.w = o->session ? NULL : ease_writer_open(c->output, fmt, c->files, c->nfiles);
	while ((row = ease_day_next(s.r)) != NULL) {
		ease_span_add(&s.span, c, row->day);
		one_row(&s, row);
	}
	close_run(&s, 0);	/* the data end */

	ease_span_check(&s.span, c, cols->file);
	if (s.days_massage == 0) {
		char win[64];

		ease_die(EASE_EX_DATA, "%s: no day with %s > 0%s (no session to measure relief after)",
			 cols->file, s.massage_name, ease_window_words(c, win, sizeof win));
	}
	if (s.skipped)
		ease_warn("%ld of %ld session%s skipped: fewer than %d of the %d days before had pain recorded",
			  s.skipped, s.days_massage, s.days_massage == 1 ? "" : "s",
			  BASE_MIN, BASE_DAYS);
	if (s.w) {
		write_head(&s);
		if (o->summary)
			write_summary(&s);
		ease_writer_close(s.w);
	}

	ease_technames_warn_close(s.names);
	run_free(&s);
	ease_day_close(s.r);
	ease_report_skipped();
	return 0;
}

/* ---- rows handed in by another tool ---- */

struct ease_relief_feed {
	run s;
};

ease_relief_feed *
ease_relief_feed_new(ease_relief_opts *o, int pain_slot, int massage_slot,
		     int tech_col)
{
	ease_relief_feed *f = ease_xmalloc(sizeof *f);

	memset(&f->s, 0, sizeof f->s);
	f->s.o = o;
	run_alloc(&f->s);
	f->s.pain_slot = pain_slot;
	f->s.massage_slot = massage_slot;
	f->s.tech_col = tech_col;
	return f;
}

void
ease_relief_feed_row(ease_relief_feed *f, const ease_dayrow *row)
{
	one_row(&f->s, row);
}

void
ease_relief_feed_end(ease_relief_feed *f)
{
	close_run(&f->s, 0);
	f->s.nh = 0;
}

void
ease_relief_feed_free(ease_relief_feed *f)
{
	if (f == NULL)
		return;
	run_free(&f->s);
	free(f);
}

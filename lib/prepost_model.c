/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-prepost --model: the day-after model.  The measure of each day is
 * regressed on, for each group (technique), whether a session of it fell on
 * one of the K days before, with a level (and a linear trend) per subject
 * and weekday terms, and AR(1) errors over calendar days fitted by GLS
 * (lib/gls.c).  A session's own day is not "after" it.
 */
#include "ease/prepost.h"
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/value.h"
#include "ease/gls.h"
#include "ease/hyptest.h"
#include "ease/infer.h"
#include "ease/span.h"
#include "ease/technique.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One day of the data, in file order. */
typedef struct mday {
	long day;
	long sub;		/* subject number, from 0 */
	double y;		/* NaN: not recorded, or outside the window */
	size_t ev0, nev;	/* its sessions' groups: ev[ev0 .. ev0 + nev) */
	int session;		/* a session that day (in any group or none) */
} mday;

typedef struct model {
	ease_common *c;
	ease_prepost_opts *o;
	const ease_cols *cols;
	const char *file, *measure;
	int by_col, by_tech, lower;
	ease_technames *tn;
	ease_strset *gkeys;
	char **gname;
	size_t ng, gcap;
	mday *d;
	size_t nd, dcap;
	size_t *ev;		/* group numbers of the sessions, by day */
	size_t nev, evcap;
	long nsub;
	long *nsess;		/* sessions by group, in the window */
	long nsess_all;
	ease_dayreader *r;	/* open to the end: the column names are its */
	int vcol;		/* the measure's column */
	long first_day, last_day;	/* of the data, for the rate of sessions */
} model;

/* A row of output. */
typedef struct mrow {
	const char *name;
	long n_sessions;
	size_t n_days;
	double est, se, lo, hi, df, p, p_holm, phi;
	int verdict;		/* EASE_INFER_*: on p_holm (a group) or p (all) */
} mrow;

static void
add_ev(model *m, const char *name)
{
	long idx;

	if (ease_strset_put(m->gkeys, name, (long)m->ng, &idx)) {
		ease_grow((void **)&m->gname, &m->gcap, m->ng + 1, sizeof *m->gname);
		m->gname[m->ng] = ease_xstrdup(name);
		idx = (long)m->ng++;
	}
	for (size_t i = m->d[m->nd - 1].ev0; i < m->nev; i++)
		if (m->ev[i] == (size_t)idx)
			return;
	ease_grow((void **)&m->ev, &m->evcap, m->nev + 1, sizeof *m->ev);
	m->ev[m->nev++] = (size_t)idx;
	m->d[m->nd - 1].nev++;
}

/* The groups of a session day, as the event design reads its --by cell. */
static void
add_ev_cb(const char *name, void *ctx)
{
	add_ev(ctx, name);
}

static void
day_groups(model *m, const ease_rec *rec)
{
	const char *cell;

	if (m->by_col < 0)
		return;
	cell = rec->f[m->by_col];
	if (!m->by_tech) {
		if (*cell)
			add_ev(m, cell);
		return;
	}
	ease_technames_each(m->tn, cell, add_ev_cb, m);
}

static void
read_days(model *m)
{
	ease_dayreader *r = m->r = ease_day_open(m->c);
	const ease_dayrow *row;
	ease_span span;
	int vcol, ecol, vs, es, lower;
	long events = 0;
	char win[64];

	memset(&span, 0, sizeof span);
	m->cols = ease_day_cols(r);
	m->file = m->cols->file;
	vcol = ease_cols_need(m->cols, m->o->value);
	ecol = ease_cols_need(m->cols, m->o->event);
	m->by_col = -1;
	if (m->o->by) {
		m->by_col = ease_cols_need(m->cols, m->o->by);
		m->by_tech = m->cols->role[m->by_col] == EASE_R_TECHNIQUE;
	}
	m->measure = m->cols->name[vcol];
	m->vcol = vcol;
	lower = ease_role_lower(m->cols->role[vcol]);
	if (m->o->direction)
		lower = m->o->direction < 0;
	if (lower < 0)
		ease_die(EASE_EX_USAGE,
			 "%s: which way is better for column '%s' is not known: say --direction lower or --direction higher",
			 m->file, m->cols->name[vcol]);
	m->lower = lower;
	vs = ease_day_want(r, vcol);
	es = ease_day_want(r, ecol);
	ease_day_fields_used(r, (size_t)(m->by_col >= 0 ? m->by_col + 1 : 1));
	ease_day_keep_all(r, 1);
	while ((row = ease_day_next(r)) != NULL) {
		mday *d;
		int inwin;

		ease_span_add(&span, m->c, row->day);
		if (m->nd == 0 || row->day < m->first_day)
			m->first_day = row->day;
		if (m->nd == 0 || row->day > m->last_day)
			m->last_day = row->day;
		/* days after --until are as good as absent: the data end there */
		if (m->c->has_until && row->day > m->c->until)
			continue;
		if (row->group_start && m->nd)
			m->nsub++;
		inwin = ease_day_in_window(r, row->day);
		ease_grow((void **)&m->d, &m->dcap, m->nd + 1, sizeof *m->d);
		d = &m->d[m->nd++];
		d->day = row->day;
		d->sub = m->nsub;
		d->y = inwin ? row->v[vs] : NAN;
		d->ev0 = m->nev;
		d->nev = 0;
		d->session = row->v[es] > 0;
		if (d->session) {
			day_groups(m, row->rec);
			if (inwin) {
				events++;
				m->nsess_all++;
			}
		}
	}
	if (m->nd)
		m->nsub++;
	ease_span_check(&span, m->c, m->file);
	ease_window_words(m->c, win, sizeof win);
	if (events == 0)
		ease_die(EASE_EX_DATA, "%s: no day with %s > 0%s (no session to model)",
			 m->file, m->cols->name[ecol], win);
	m->nsess = ease_xcalloc(m->ng + 1, sizeof *m->nsess);
	for (size_t i = 0; i < m->nd; i++)
		if (m->d[i].session && ease_day_in_window(r, m->d[i].day))
			for (size_t k = 0; k < m->d[i].nev; k++)
				m->nsess[m->ev[m->d[i].ev0 + k]]++;
}

/* Monday 0 .. Sunday 6; day 0 (1970-01-01) was a Thursday. */
static int
weekday(long day)
{
	return (int)(((day + 3) % 7 + 7) % 7);
}

/*
 * Sets the terms of day I of the data into XR (all zero before); 0: the
 * day has no value and no row.
 */
static int
design_row(const model *m, size_t i, const size_t *g, size_t ng, size_t nb,
	   const double *span, double *xr)
{
	int K = m->o->after, trend = m->o->terms & EASE_PP_TREND,
	    wday = m->o->terms & EASE_PP_WEEKDAY;
	const mday *d = &m->d[i];
	size_t c;

	if (isnan(d->y))
		return 0;
	xr[(size_t)d->sub * (trend ? 2 : 1)] = 1;
	if (trend)
		xr[(size_t)d->sub * 2 + 1] = (d->day - span[d->sub]) / 365.25;
	c = (size_t)m->nsub * (trend ? 2 : 1);
	if (wday && weekday(d->day) > 0)
		xr[c + (size_t)weekday(d->day) - 1] = 1;
	/* the sessions of the K days before, same subject, calendar days */
	for (size_t j = i; j-- > 0;) {
		const mday *e = &m->d[j];

		if (e->sub != d->sub || e->day < d->day - K)
			break;
		if (!e->session)
			continue;
		for (size_t k = 0; k < ng; k++) {
			int hit = g == NULL;

			for (size_t q = 0; !hit && q < e->nev; q++)
				hit = m->ev[e->ev0 + q] == g[k];
			if (hit)
				xr[nb + k] = 1;
		}
	}
	return 1;
}

/*
 * Fits the model with one indicator per group G[0 .. NG) (G NULL: one
 * indicator, any session) and puts each group's estimate into ROWS.
 */
static void
fit(model *m, const size_t *g, size_t ng, mrow *rows)
{
	int K = m->o->after, trend = m->o->terms & EASE_PP_TREND,
	    wday = m->o->terms & EASE_PP_WEEKDAY;
	size_t nb = (size_t)m->nsub * (trend ? 2 : 1) + (wday ? 6 : 0);
	size_t p = nb + ng, n = 0, *col = ease_xcalloc(ng + 1, sizeof *col);
	double *x, *y, *span;
	long *day, *blk, *first, *last;
	size_t *ind_n = ease_xcalloc(ng + 1, sizeof *ind_n), keep = 0;
	ease_gls fit;

	for (size_t k = 0; k < ng; k++) {
		rows[k].n_days = 0;
		rows[k].est = rows[k].se = rows[k].lo = rows[k].hi = rows[k].df =
			rows[k].p = rows[k].p_holm = rows[k].phi = NAN;
	}
	first = ease_xmalloc((size_t)(m->nsub + 1) * sizeof *first);
	last = ease_xmalloc((size_t)(m->nsub + 1) * sizeof *last);
	span = ease_xmalloc((size_t)(m->nsub + 1) * sizeof *span);
	for (long s = 0; s < m->nsub; s++)
		first[s] = -1;
	for (size_t i = 0; i < m->nd; i++)
		if (!isnan(m->d[i].y)) {
			if (first[m->d[i].sub] < 0)
				first[m->d[i].sub] = m->d[i].day;
			last[m->d[i].sub] = m->d[i].day;
		}
	/* the trend in years from the middle: a column of the same scale as the others */
	for (long s = 0; s < m->nsub; s++)
		span[s] = first[s] < 0 ? 0 : (first[s] + last[s]) / 2.0;
	/*
	 * The terms are counted before the design is built: a model of too many
	 * is refused at once, not after a matrix of days x terms was allocated.
	 */
	{
		double *xr = ease_xcalloc(p + 1, sizeof *xr);
		int *seen = ease_xcalloc(p + 1, sizeof *seen);
		size_t nt = 0;

		for (size_t i = 0; i < m->nd; i++) {
			if (!design_row(m, i, g, ng, nb, span, xr))
				continue;
			for (size_t j = 0; j < p; j++)
				if (xr[j] != 0) {
					nt += !seen[j];
					seen[j] = 1;
					xr[j] = 0;
				}
		}
		free(xr);
		free(seen);
		if (nt > EASE_GLS_MAXP)
			ease_die(EASE_EX_DATA, "%s: --model: %zu terms, more than the %d one model can hold (fewer subjects or groups, or --terms none)",
				 m->file, nt, EASE_GLS_MAXP);
	}
	x = ease_xcalloc((m->nd + 1) * (p + 1), sizeof *x);
	y = ease_xmalloc((m->nd + 1) * sizeof *y);
	day = ease_xmalloc((m->nd + 1) * sizeof *day);
	blk = ease_xmalloc((m->nd + 1) * sizeof *blk);
	for (size_t i = 0; i < m->nd; i++) {
		if (!design_row(m, i, g, ng, nb, span, x + n * p))
			continue;
		y[n] = m->d[i].y;
		day[n] = m->d[i].day;
		blk[n] = m->d[i].sub;
		n++;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < ng; k++)
			ind_n[k] += x[i * p + nb + k] != 0;
	/*
	 * A group whose sessions are followed by no day with a value has no
	 * column: it is not estimable, and the others are fitted without it.
	 * A subject with no day at all has none either.
	 */
	{
		int *use = ease_xcalloc(p + 1, sizeof *use);
		size_t q = 0;

		for (size_t j = 0; j < p; j++) {
			int any = 0;

			for (size_t i = 0; i < n && !any; i++)
				any = x[i * p + j] != 0;
			use[j] = any;
		}
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < p; j++)
				if (use[j])
					x[q++] = x[i * p + j];
		for (size_t j = 0; j < p; j++)
			if (use[j])
				keep++;
		q = 0;
		for (size_t j = 0; j < nb; j++)
			q += (size_t)use[j];
		for (size_t k = 0; k < ng; k++)
			col[k] = use[nb + k] ? q++ : (size_t)-1;
		free(use);
	}
	ease_gls_ar1(x, y, day, blk, n, keep, m->o->gls_ml ? EASE_GLS_ML : EASE_GLS_REML, &fit);
	for (size_t k = 0; k < ng; k++) {
		mrow *r = &rows[k];
		size_t c = col[k];

		r->n_days = ind_n[k];
		if (c == (size_t)-1) {
			ease_warn("%s: no day with %s recorded in the %d day%s after its sessions: no estimate",
				  r->name, m->measure, K, K == 1 ? "" : "s");
			continue;
		}
		if (!fit.ok)
			continue;
		r->est = fit.b[c];
		r->se = fit.se[c];
		r->lo = fit.ci_lo[c];
		r->hi = fit.ci_hi[c];
		r->df = fit.df;
		r->p = fit.p_val[c];
		r->phi = fit.phi;
	}
	if (!fit.ok && n <= keep + 1)
		ease_warn("%s: --model: %zu day%s with %s, too few for %zu terms (at least %zu; --terms none needs fewer)",
			  m->file, n, n == 1 ? "" : "s", m->measure, keep, keep + 2);
	else if (!fit.ok)
		ease_warn("%s: --model: the model cannot be fitted: a term is made of the others (sessions always on one weekday? try --terms trend)",
			  m->file);
	free(col);
	free(ind_n);
	free(x);
	free(y);
	free(day);
	free(blk);
	free(first);
	free(last);
	free(span);
}

static const char *const head_model[] = {
	"group", "measure", "after", "n_days", "n_sessions", "estimate", "se",
	"ci_low", "ci_high", "df", "p", "p_holm", "phi", "method", "terms", NULL
};

static void
write_rows(model *m, mrow *rows, size_t n)
{
	ease_writer *w = ease_writer_open(m->c->output, m->c->format, m->c->files,
					  m->c->nfiles);
	int dg = m->c->digits, t = m->o->terms;
	char num[24];

	for (const char *const *h = head_model; *h; h++)
		ease_w_str(w, *h);
	ease_w_end(w);
	for (size_t i = 0; i < n; i++) {
		const mrow *r = &rows[i];

		ease_w_str(w, r->name);
		ease_w_str(w, m->measure);
		snprintf(num, sizeof num, "%d", m->o->after);
		ease_w_str(w, num);
		snprintf(num, sizeof num, "%zu", r->n_days);
		ease_w_str(w, num);
		snprintf(num, sizeof num, "%ld", r->n_sessions);
		ease_w_str(w, num);
		ease_w_num(w, r->est, dg);
		ease_w_num(w, r->se, dg);
		ease_w_num(w, r->lo, dg);
		ease_w_num(w, r->hi, dg);
		ease_w_num(w, r->df, dg);
		ease_w_num(w, r->p, dg);
		ease_w_num(w, r->p_holm, dg);
		ease_w_num(w, r->phi, dg);
		ease_w_str(w, m->o->gls_ml ? "ml" : "reml");
		ease_w_str(w, (t & EASE_PP_TREND) && (t & EASE_PP_WEEKDAY) ? "trend+weekday" :
			   (t & EASE_PP_TREND) ? "trend" : (t & EASE_PP_WEEKDAY) ? "weekday" :
			   "none");
		ease_w_end(w);
	}
	ease_writer_close(w);
}

/* "deep tissue massage", "acupressure", "a massage session", as the event design says it. */
static void
cause_words(const model *m, const mrow *r, int all, char *buf, size_t n)
{
	size_t l = strlen(r->name);

	if (all)
		snprintf(buf, n, "a %s session", m->o->event);
	else if (!m->by_tech)
		snprintf(buf, n, "a session of %s %s", m->o->by, r->name);
	else if (ease_tech_known(r->name, l) == EASE_TECH_ACUPRESSURE ||
		 ease_tech_suffix(r->name, l) > 0)
		snprintf(buf, n, "%s", r->name);
	else
		snprintf(buf, n, "%s massage", r->name);
}

/*
 * Power in words, from the model: how many more sessions like these would
 * bring p below 0.05 for a change of the estimated size (the SE shrinking
 * as the square root of the sessions); on a 0-10 scale with an estimate
 * under 1 point, whether a change of 1 point is already ruled out.
 */
static void
power_words(const model *m, const mrow *r, const char *unit, char *buf, size_t n)
{
	size_t ns = (size_t)r->n_sessions, limit = 20 * ns < 1000 ? 1000 : 20 * ns, more, l;
	double every = r->n_sessions > 1 ? (double)(m->last_day - m->first_day + 1) /
		       (double)r->n_sessions : NAN;
	char d[48], w[64] = "";
	double alpha = ease_infer_alpha(r->p, r->p_holm);

	buf[0] = '\0';
	if (isnan(r->p) || isnan(r->est) || r->est == 0 || ns == 0)
		return;
	ease_fmt_dec1(fabs(r->est), d);
	if (*unit)
		snprintf(d + strlen(d), sizeof d - strlen(d), " %s", unit);
	more = ease_infer_more_se(r->est, r->se, r->df, ns, limit, alpha);
	if (more == EASE_INFER_NEVER || more == 0)
		snprintf(buf, n, " Even %zu more sessions would not show a change as small as %s, at the present spread and day-to-day correlation.",
			 limit, d);
	else {
		if (!isnan(every)) {
			double weeks = (double)more * every / 7;

			/* beyond ten years a count of weeks says nothing more */
			if (weeks <= 520)
				snprintf(w, sizeof w, " (about %.0f week%s at the current rate)",
					 weeks < 1 ? 1 : weeks, weeks < 1.5 ? "" : "s");
		}
		snprintf(buf, n, " About %zu more session%s%s would show a change of this size (%s), if it held, at the present spread and day-to-day correlation.",
			 more, more == 1 ? "" : "s", w, d);
	}
	if (strcmp(unit, "points") != 0 || fabs(r->est) >= 1)
		return;
	l = strlen(buf);
	if (r->lo > -1 && r->hi < 1)
		snprintf(buf + l, n - l, " The 95 %% CI already rules out a change of 1 point either way.");
	else {
		more = ease_infer_more_se(fabs(r->est) < 1 ? (r->est < 0 ? -1 : 1) : r->est, r->se,
					  r->df, ns, limit, alpha);
		if (more != EASE_INFER_NEVER && more > 0)
			snprintf(buf + l, n - l, " A change of 1 point would show after about %zu more session%s.",
				 more, more == 1 ? "" : "s");
	}
}

/* The sentence of a row, as --explain writes it and ease-report quotes it. */
static void
model_line(const model *m, const mrow *r, int all, size_t ngroups, char *line, size_t n)
{
	char word[64], unit[32], cause[400], when[64], d[48], lo[48], hi[48], p[160], pw[800];
	const char *verb;
	int K = m->o->after, v = r->verdict;
	size_t l;

	ease_prepost_words(m->cols, m->vcol, word, sizeof word, unit, sizeof unit, &verb);
	cause_words(m, r, all, cause, sizeof cause);
	if (K == 1)
		snprintf(when, sizeof when, "on the day after");
	else
		snprintf(when, sizeof when, "in the %d days after", K);
	if (isnan(r->p)) {
		snprintf(line, n, "The data cannot tell yet whether %s changes %s: the day-after model cannot be fitted (%ld session%s).",
			 cause, word, r->n_sessions, r->n_sessions == 1 ? "" : "s");
		return;
	}
	snprintf(p, sizeof p, r->p < 0.001 ? "adjusted p < 0.001" : "adjusted p = %.2g", r->p);
	l = strlen(p);
	if (!all && ngroups > 1 && !isnan(r->p_holm))
		snprintf(p + l, sizeof p - l, ", Holm-corrected for %zu %s: %s%.2g", ngroups,
			 m->by_tech ? "techniques" : "groups", r->p_holm < 0.001 ? "< " : "",
			 r->p_holm < 0.001 ? 0.001 : r->p_holm);
	ease_fmt_dec1(fabs(r->est), d);
	if (ease_infer_shown(v))
		snprintf(line, n, "%c%s %s your %s %s %s%s%s %s than on other days (95 %% CI %s to %s; %ld sessions; %s).",
			 when[0] - 32, when + 1, cause, word, verb, d, *unit ? " " : "", unit,
			 r->est < 0 ? "lower" : "higher", ease_fmt_dec1(r->lo, lo), ease_fmt_dec1(r->hi, hi),
			 r->n_sessions, p);
	else {
		snprintf(line, n, "The data do not show an effect of %s on %s yet: %s it your %s %s %s%s%s %s than on other days (95 %% CI %s to %s; %ld session%s; %s%s).",
			 cause, word, when, word, verb, d, *unit ? " " : "", unit,
			 r->est < 0 ? "lower" : "higher", ease_fmt_dec1(r->lo, lo), ease_fmt_dec1(r->hi, hi),
			 r->n_sessions, r->n_sessions == 1 ? "" : "s", p,
			 v == EASE_INFER_FEW ? "; at least 5 sessions are needed" : "");
		if (v != EASE_INFER_FEW) {
			power_words(m, r, unit, pw, sizeof pw);
			l = strlen(line);
			snprintf(line + l, n - l, "%s", pw);
		}
	}
}

/* --explain's sentences, or each row to O->result (ease-report, ease-plot). */
static void
say_rows(model *m, const mrow *rows, size_t n)
{
	ease_writer *w = m->o->result ? NULL :
			 ease_writer_open(m->c->output, EASE_FMT_TABLE, m->c->files, m->c->nfiles);
	char line[4096];

	for (size_t i = 0; i < n; i++) {
		const mrow *r = &rows[i];
		int all = i == n - 1;

		model_line(m, r, all, n - 1, line, sizeof line);
		if (w) {
			ease_w_str(w, line);
			ease_w_end(w);
		} else {
			ease_prepost_result x;

			memset(&x, 0, sizeof x);
			x.group = r->name;
			x.n = r->n_sessions > 0 ? (size_t)r->n_sessions : 0;
			x.n_after = r->n_days;
			x.mean = r->est;
			x.ci_lo = r->lo;
			x.ci_hi = r->hi;
			x.before_mean = x.after_mean = x.baseline = NAN;
			x.lower = m->lower;
			x.p = x.p_adj = r->p;
			x.p_holm = r->p_holm;
			x.category = "";
			x.verdict = r->verdict;
			x.sentence = line;
			m->o->result(m->o->ctx, &x);
		}
	}
	if (w)
		ease_writer_close(w);
}

/* Best first (the largest drop where lower is better), unestimable last. */
static void
sort_rows(mrow *r, size_t n, int lower)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0; j--) {
			double a = lower ? r[j - 1].est : -r[j - 1].est;
			double b = lower ? r[j].est : -r[j].est;
			mrow t;

			if (!(isnan(a) && !isnan(b)) && !(a > b))
				break;
			t = r[j - 1];
			r[j - 1] = r[j];
			r[j] = t;
		}
}

int
ease_prepost_model_run(ease_common *c, ease_prepost_opts *o)
{
	model m;
	mrow *rows;
	size_t nr = 0, *g;
	double *p;

	memset(&m, 0, sizeof m);
	m.c = c;
	m.o = o;
	m.tn = ease_technames_new();
	m.gkeys = ease_strset_new();
	read_days(&m);
	rows = ease_xcalloc(m.ng + 2, sizeof *rows);
	g = ease_xcalloc(m.ng + 1, sizeof *g);
	if (m.ng) {
		for (size_t k = 0; k < m.ng; k++) {
			g[k] = k;
			rows[k].name = m.gname[k];
			rows[k].n_sessions = m.nsess[k];
		}
		fit(&m, g, m.ng, rows);
		/* Holm across the groups; "all" is a question of its own */
		p = ease_xcalloc(m.ng + 1, sizeof *p);
		for (size_t k = 0; k < m.ng; k++)
			p[k] = rows[k].p;
		ease_holm(p, m.ng, p);
		for (size_t k = 0; k < m.ng; k++)
			rows[k].p_holm = p[k];
		free(p);
		sort_rows(rows, m.ng, m.lower);
		nr = m.ng;
	}
	rows[nr].name = "all";
	rows[nr].n_sessions = m.nsess_all;
	fit(&m, NULL, 1, &rows[nr]);
	rows[nr].p_holm = rows[nr].p;
	nr++;
	for (size_t k = 0; k < nr; k++)
		rows[k].verdict = ease_infer_verdict((size_t)(rows[k].n_sessions > 0 ? rows[k].n_sessions : 0),
						     rows[k].est, rows[k].p_holm, m.lower);
	if (o->result || o->explain)
		say_rows(&m, rows, nr);
	else
		write_rows(&m, rows, nr);

	for (size_t k = 0; k < m.ng; k++)
		free(m.gname[k]);
	free(m.gname);
	free(g);
	free(rows);
	free(m.d);
	free(m.ev);
	free(m.nsess);
	ease_technames_warn_close(m.tn);
	ease_technames_free(m.tn);
	ease_strset_free(m.gkeys);
	ease_day_close(m.r);
	ease_report_skipped();
	return 0;
}

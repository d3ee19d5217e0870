/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/smooth.h"
#include "ease/canon.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/value.h"
#include "ease/window.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- options ---- */

void
ease_smooth_opts_init(ease_smooth_opts *o)
{
	memset(o, 0, sizeof *o);
	o->min_count = -1;
}

void
ease_smooth_opts_free(ease_smooth_opts *o)
{
	free(o->windows);
	free(o->methods);
	o->windows = NULL;
	o->methods = NULL;
	o->nwindows = o->nmethods = 0;
}

static void
one_window(const char *s, void *ctx)
{
	ease_smooth_opts *o = ctx;
	long w = ease_opt_long("-w", s, 1, EASE_SMOOTH_MAX_DAYS);

	for (size_t i = 0; i < o->nwindows; i++)
		if (o->windows[i] == w)
			ease_usage("-w: %ld is given twice", w);
	o->windows = ease_xrealloc(o->windows, (o->nwindows + 1) * sizeof *o->windows);
	o->windows[o->nwindows++] = w;
}

void
ease_smooth_add_windows(ease_smooth_opts *o, const char *arg)
{
	ease_opt_each("-w", arg, one_window, o);
}

static void
one_method(const char *s, void *ctx)
{
	ease_smooth_opts *o = ctx;
	int m = ease_win_method_by_name(s);

	if (m < 0)
		ease_usage("--method: '%s' is not one of sma, ema, wma, median, sum, min, max, count",
			   s);
	for (size_t i = 0; i < o->nmethods; i++)
		if (o->methods[i] == m)
			ease_usage("--method: '%s' is given twice", s);
	o->methods = ease_xrealloc(o->methods, (o->nmethods + 1) * sizeof *o->methods);
	o->methods[o->nmethods++] = m;
}

void
ease_smooth_add_methods(ease_smooth_opts *o, const char *arg)
{
	ease_opt_each("--method", arg, one_method, o);
}

void
ease_smooth_set_half_life(ease_smooth_opts *o, const char *arg)
{
	double h = ease_opt_double("--half-life", arg);

	if (!(h > 0) || h > EASE_SMOOTH_MAX_DAYS)
		ease_usage("--half-life: '%s' is not a number of days above 0 (up to %ld)",
			   arg, EASE_SMOOTH_MAX_DAYS);
	o->half_life = h;
	o->half_life_arg = arg;
}

void
ease_smooth_set_min_count(ease_smooth_opts *o, const char *arg)
{
	o->min_count = ease_opt_long("--min-count", arg, 0, EASE_SMOOTH_MAX_DAYS);
}

/* Conflicts between options, and the defaults; before any input is read. */
static void
settle(ease_smooth_opts *o, int *has_ema, int *has_win)
{
	*has_ema = *has_win = 0;
	if (o->fields == NULL)
		ease_usage("-f COLS is needed: the columns to smooth");
	if (o->nmethods == 0) {
		o->methods = ease_xmalloc(sizeof *o->methods);
		o->methods[o->nmethods++] = EASE_W_SMA;
	}
	for (size_t i = 0; i < o->nmethods; i++) {
		if (o->methods[i] == EASE_W_EMA)
			*has_ema = 1;
		else
			*has_win = 1;
	}
	if (*has_ema && o->half_life == 0)
		ease_usage("--method ema needs --half-life DAYS");
	if (!*has_ema && o->half_life != 0)
		ease_usage("--half-life goes with --method ema");
	if (*has_ema && o->center)
		ease_usage("--center does not go with --method ema (an EMA looks back only)");
	if (!*has_win && o->nwindows)
		ease_usage("-w does not go with --method ema alone (an EMA takes --half-life)");
	if (*has_win && o->nwindows == 0) {
		o->windows = ease_xmalloc(sizeof *o->windows);
		o->windows[o->nwindows++] = 7;
	}
	if (*has_win && o->min_count >= 0)
		for (size_t i = 0; i < o->nwindows; i++)
			if (o->min_count > o->windows[i])
				ease_usage("--min-count %ld is more than the %ld days of -w %ld (no window could have that many values)",
					   o->min_count, o->windows[i], o->windows[i]);
}

/* ---- the run ---- */

/* Where an output column's numbers come from. */
typedef struct outcol {
	char *name;
	int field;		/* index into the fields */
	int method;
	int src;		/* keeper index, or ema index for EASE_W_EMA */
} outcol;

typedef struct keeper {
	ease_window *win;
	int slot;		/* the field's slot in ease_dayrow.v */
	long before, after;	/* days of the window before and after the row's */
	size_t min_count;
	size_t next;		/* the next pending row it has to finish */
	int *outs;		/* its output columns */
	size_t nouts;
} keeper;

/*
 * A row waiting for the days after it (--center), with its computed
 * numbers; its record is copied only when it cannot be written at once.
 */
typedef struct pend {
	long day;
	double *val;
	char *buf;
	size_t bufcap;
	size_t *off;		/* field I is buf + off[I], off[I+1] - off[I] - 1 bytes */
} pend;

/*
 * Formatted numbers by their bits.  Moving statistics of whole-number
 * ratings take few distinct values (a 7-day mean of 0..10 ratings, a few
 * hundred), and printing a double costs more than all the rest of a row's
 * work; an EMA hits rarely and pays one compare.
 */
#define NUMCACHE 1024

typedef struct numcache {
	uint64_t bits[NUMCACHE];
	unsigned char len[NUMCACHE];	/* 0: empty slot */
	unsigned char over[NUMCACHE];	/* the text would read back as infinite */
	char text[NUMCACHE][48];
} numcache;

typedef struct run {
	ease_common *c;
	ease_smooth_opts *o;
	ease_dayreader *r;
	const ease_cols *cols;
	ease_writer *w;
	size_t nfields_in;	/* columns of the input */
	int *field_col;
	int *field_slot;
	size_t nfields;
	outcol *out;
	size_t nout;
	keeper *k;
	size_t nk;
	ease_ema *ema;		/* one per field, when asked for */
	size_t *ema_out;
	size_t ema_min;
	size_t *over_n;		/* per output column: results beyond the doubles, */
	long *over_day;		/* and the day of the first */
	pend *p;		/* ring of pending rows */
	size_t pcap;		/* a power of two */
	size_t head, tail;	/* sequence numbers: oldest unwritten, next new */
	numcache *nc;
	ease_canon canon;	/* input cells go out in the canonical form */
} run;

static pend *
pend_at(run *s, size_t seq)
{
	return &s->p[seq & (s->pcap - 1)];
}

static void
pend_make_room(run *s)
{
	size_t nc;
	pend *np;

	/* grown only when full: every old slot holds a waiting row */
	if (s->tail - s->head < s->pcap)
		return;
	nc = s->pcap ? s->pcap * 2 : 8;
	np = ease_xcalloc(nc, sizeof *np);
	for (size_t q = s->head; q < s->tail; q++)
		np[q & (nc - 1)] = *pend_at(s, q);
	for (size_t i = 0; i < nc; i++)
		if (np[i].val == NULL)
			np[i].val = ease_xcalloc(s->nout + 1, sizeof *np[i].val);
	free(s->p);
	s->p = np;
	s->pcap = nc;
}

static void
pend_copy(run *s, pend *p, const ease_rec *rec)
{
	size_t need = 0, at = 0;

	for (size_t i = 0; i < rec->n; i++)
		need += rec->len[i] + 1;
	ease_grow((void **)&p->buf, &p->bufcap, need, 1);
	if (p->off == NULL)
		p->off = ease_xmalloc((s->nfields_in + 1) * sizeof *p->off);
	for (size_t i = 0; i < rec->n; i++) {
		p->off[i] = at;
		memcpy(p->buf + at, rec->f[i], rec->len[i] + 1);
		at += rec->len[i] + 1;
	}
	p->off[rec->n] = at;
}

/* Output column J of row DAY holds a number no double can: left empty. */
static void
overflowed(run *s, size_t j, long day)
{
	if (s->over_n[j]++ == 0)
		s->over_day[j] = day;
	ease_w_field(s->w, "", 0);
}

static int
is_mean(int method)
{
	return method == EASE_W_SMA || method == EASE_W_WMA || method == EASE_W_EMA ||
	       method == EASE_W_MEDIAN;
}

/*
 * --format table is for people: a mean with one decimal, correctly rounded
 * (CSV and TSV keep --digits significant digits).  The tools never set a
 * locale, so the C library prints a '.'.
 */
static void
table_mean(run *s, double v)
{
	char buf[400];		/* "%.1f" of 1e308 has 311 characters */

	snprintf(buf, sizeof buf, "%.1f", v);
	if (strcmp(buf, "-0.0") == 0)
		snprintf(buf, sizeof buf, "0.0");
	ease_w_str(s->w, buf);
}

static void
write_num(run *s, double v, size_t j, long day)
{
	uint64_t bits;
	size_t i;

	if (isnan(v)) {
		ease_w_field(s->w, "", 0);
		return;
	}
	if (isinf(v)) {
		overflowed(s, j, day);
		return;
	}
	if (s->c->format == EASE_FMT_TABLE && is_mean(s->out[j].method)) {
		table_mean(s, v);
		return;
	}
	memcpy(&bits, &v, sizeof bits);
	i = (size_t)((bits ^ (bits >> 29) ^ (bits >> 47)) & (NUMCACHE - 1));
	if (s->nc->len[i] == 0 || s->nc->bits[i] != bits) {
		ease_fmt_num(v, s->c->digits, s->nc->text[i]);
		s->nc->len[i] = (unsigned char)strlen(s->nc->text[i]);
		s->nc->bits[i] = bits;
		/* rounded to few digits, a number next to the largest can pass it */
		s->nc->over[i] = fabs(v) > 1e307 && isinf(strtod(s->nc->text[i], NULL));
	}
	if (s->nc->over[i]) {
		overflowed(s, j, day);
		return;
	}
	ease_w_field(s->w, s->nc->text[i], s->nc->len[i]);
}

/*
 * A result beyond the largest double (a sum of values near 1e308) is never
 * printed as "inf", which no tool reads back: it is an empty cell, told once
 * per column.
 */
static void
report_overflows(run *s)
{
	char date[32];

	for (size_t j = 0; j < s->nout; j++)
		if (s->over_n[j])
			ease_warn("%s: %zu %s beyond the largest number ease reads back (about 1.8e308) left empty, the first on %s",
				  s->out[j].name, s->over_n[j],
				  s->over_n[j] == 1 ? "result" : "results",
				  ease_fmt_date(s->over_day[j], date));
}

static void
write_row(run *s, pend *p, const ease_rec *live)
{
	if (live)
		ease_canon_fields(&s->canon, s->w, live->n, live->f, live->len, p->day);
	else
		for (size_t i = 0; i < s->nfields_in; i++)
			ease_canon_field(&s->canon, s->w, (int)i, p->buf + p->off[i],
					 p->off[i + 1] - p->off[i] - 1, p->day);
	for (size_t j = 0; j < s->nout; j++)
		write_num(s, p->val[j], j, p->day);
	ease_w_end(s->w);
}

/* Keeper K's numbers for pending row SEQ, whose window is now complete. */
static void
finish(run *s, keeper *k, size_t seq)
{
	pend *p = pend_at(s, seq);

	ease_win_start(k->win, p->day - k->before);
	for (size_t j = 0; j < k->nouts; j++) {
		int o = k->outs[j];

		p->val[o] = ease_win_get(k->win, s->out[o].method, k->min_count);
	}
}

/* Finishes the rows whose windows end before day LIMIT (all: LIMIT NULL). */
static void
finish_before(run *s, keeper *k, const long *limit)
{
	while (k->next < s->tail &&
	       (limit == NULL || pend_at(s, k->next)->day + k->after < *limit)) {
		finish(s, k, k->next);
		k->next++;
	}
}

/* Writes the rows every keeper has finished; LIVE is the record of the
 * newest row, still readable. */
static void
write_ready(run *s, const ease_rec *live)
{
	size_t done = s->tail;

	for (size_t i = 0; i < s->nk; i++)
		if (s->k[i].next < done)
			done = s->k[i].next;
	while (s->head < done) {
		write_row(s, pend_at(s, s->head),
			  s->head + 1 == s->tail ? live : NULL);
		s->head++;
	}
}

static void
flush_group(run *s)
{
	for (size_t i = 0; i < s->nk; i++) {
		finish_before(s, &s->k[i], NULL);
		ease_win_clear(s->k[i].win);
	}
	write_ready(s, NULL);
	for (size_t f = 0; f < s->nfields && s->ema; f++)
		ease_ema_clear(&s->ema[f]);
}

static void
one_row(run *s, const ease_dayrow *row)
{
	long e = row->day;
	int shown = ease_day_in_window(s->r, e);
	pend *p = NULL;

	if (row->group_start)
		flush_group(s);
	for (size_t i = 0; i < s->nk; i++)
		finish_before(s, &s->k[i], &e);
	if (shown) {
		pend_make_room(s);
		p = pend_at(s, s->tail++);
		p->day = e;
	}
	for (size_t i = 0; i < s->nk; i++)
		ease_win_push(s->k[i].win, e, row->v[s->k[i].slot]);
	for (size_t f = 0; f < s->nfields && s->ema; f++) {
		ease_ema_step(&s->ema[f], e, row->v[s->field_slot[f]]);
		if (p)
			p->val[s->ema_out[f]] = ease_ema_get(&s->ema[f], s->ema_min);
	}
	/* days come in increasing order: a window ending today is complete */
	for (size_t i = 0; i < s->nk; i++) {
		long lim = e + 1;

		finish_before(s, &s->k[i], &lim);
	}
	write_ready(s, p ? row->rec : NULL);
	if (p && s->head < s->tail)
		pend_copy(s, p, row->rec);
}

static void
fmt_days(char *buf, size_t n, double d)
{
	char num[48];

	snprintf(buf, n, "%s", ease_fmt_num(d, 6, num));
}

static char *
out_name(const ease_cols *cols, int col, int method, long days, double hl)
{
	const char *base = cols->norm[col][0] ? cols->norm[col] : cols->name[col];
	char num[64];
	size_t n;
	char *name;

	if (method == EASE_W_EMA)
		fmt_days(num, sizeof num, hl);
	else
		snprintf(num, sizeof num, "%ld", days);
	n = strlen(base) + strlen(num) + 16;
	name = ease_xmalloc(n);
	snprintf(name, n, "%s_%s%s%s", base, ease_win_method_name(method),
		 method == EASE_W_EMA ? "_hl" : "", num);
	return name;
}

static void
plan(run *s)
{
	ease_smooth_opts *o = s->o;
	const ease_cols *cols = s->cols;
	int *idx = NULL;
	int date_col = ease_day_date_col(s->r), group_col = ease_day_group_col(s->r);

	s->nfields = ease_cols_need_list(cols, o->fields, "-f", &idx);
	s->field_col = idx;
	s->field_slot = ease_xcalloc(s->nfields + 1, sizeof *s->field_slot);
	for (size_t f = 0; f < s->nfields; f++) {
		for (size_t g = 0; g < f; g++)
			if (idx[g] == idx[f])
				ease_usage("-f: column '%s' is given twice", cols->name[idx[f]]);
		if (idx[f] == date_col)
			ease_usage("-f: '%s' is the date column; name columns of numbers",
				   cols->name[idx[f]]);
		if (idx[f] == group_col)
			ease_usage("-f: '%s' is the column that tells subjects apart; name columns of numbers",
				   cols->name[idx[f]]);
		s->field_slot[f] = ease_day_want(s->r, idx[f]);
	}

	/* the columns: field by field, method by method, window by window */
	for (size_t f = 0; f < s->nfields; f++)
		for (size_t m = 0; m < o->nmethods; m++) {
			size_t nw = o->methods[m] == EASE_W_EMA ? 1 : o->nwindows;

			for (size_t wi = 0; wi < nw; wi++) {
				outcol *oc;

				s->out = ease_xrealloc(s->out, (s->nout + 1) * sizeof *s->out);
				oc = &s->out[s->nout++];
				oc->field = (int)f;
				oc->method = o->methods[m];
				oc->src = o->methods[m] == EASE_W_EMA ? (int)f : (int)wi;
				oc->name = out_name(cols, idx[f], o->methods[m],
						    o->methods[m] == EASE_W_EMA ? 0 : o->windows[wi],
						    o->half_life);
			}
		}
	for (size_t j = 0; j < s->nout; j++) {
		if (ease_cols_find(cols, s->out[j].name) >= 0)
			ease_usage("%s: already has a column '%s' (smoothed before?)",
				   cols->file, s->out[j].name);
		for (size_t i = 0; i < j; i++)
			if (strcmp(s->out[i].name, s->out[j].name) == 0)
				ease_usage("-f: column '%s' would be written twice",
					   s->out[j].name);
	}
}

static void
make_keepers(run *s)
{
	ease_smooth_opts *o = s->o;
	unsigned mask = 0;

	for (size_t m = 0; m < o->nmethods; m++)
		if (o->methods[m] != EASE_W_EMA)
			mask |= 1u << o->methods[m];
	if (mask) {
		s->nk = s->nfields * o->nwindows;
		s->k = ease_xcalloc(s->nk, sizeof *s->k);
	}
	for (size_t f = 0; f < s->nfields && mask; f++)
		for (size_t wi = 0; wi < o->nwindows; wi++) {
			keeper *k = &s->k[f * o->nwindows + wi];
			long len = o->windows[wi];

			k->win = ease_win_new(len, mask);
			k->slot = s->field_slot[f];
			/* centred like pandas: an even window reaches one day further ahead */
			k->after = o->center ? len / 2 : 0;
			k->before = len - 1 - k->after;
			k->min_count = o->min_count >= 0 ? (size_t)o->min_count
							 : (size_t)(len + 1) / 2;
			k->outs = ease_xcalloc(s->nout + 1, sizeof *k->outs);
		}
	for (size_t j = 0; j < s->nout; j++) {
		outcol *oc = &s->out[j];

		if (oc->method == EASE_W_EMA)
			continue;
		keeper *k = &s->k[(size_t)oc->field * o->nwindows + (size_t)oc->src];
		k->outs[k->nouts++] = (int)j;
		oc->src = (int)(k - s->k);
	}
	for (size_t m = 0; m < o->nmethods; m++)
		if (o->methods[m] == EASE_W_EMA) {
			s->ema = ease_xcalloc(s->nfields, sizeof *s->ema);
			s->ema_out = ease_xcalloc(s->nfields, sizeof *s->ema_out);
			for (size_t f = 0; f < s->nfields; f++)
				ease_ema_init(&s->ema[f], o->half_life);
			for (size_t j = 0; j < s->nout; j++)
				if (s->out[j].method == EASE_W_EMA)
					s->ema_out[s->out[j].field] = j;
			s->ema_min = o->min_count >= 0 ? (size_t)o->min_count : 1;
		}
}

int
ease_smooth_run(ease_common *c, ease_smooth_opts *o)
{
	run s;
	const ease_dayrow *row;
	int has_ema, has_win;

	memset(&s, 0, sizeof s);
	s.nc = ease_xcalloc(1, sizeof *s.nc);
	s.c = c;
	s.o = o;
	settle(o, &has_ema, &has_win);
	s.r = ease_day_open(c);
	s.cols = ease_day_cols(s.r);
	s.nfields_in = s.cols->n;
	ease_canon_init(&s.canon, s.cols, ease_cols_role(s.cols, EASE_R_DATE), c);
	plan(&s);
	make_keepers(&s);
	s.over_n = ease_xcalloc(s.nout + 1, sizeof *s.over_n);
	s.over_day = ease_xcalloc(s.nout + 1, sizeof *s.over_day);
	/* the days before --since still count towards the first windows */
	ease_day_keep_all(s.r, 1);
	s.w = ease_writer_open(c->output, c->format, c->files, c->nfiles);
	for (size_t i = 0; i < s.cols->n; i++)
		ease_w_str(s.w, s.cols->name[i]);
	for (size_t j = 0; j < s.nout; j++)
		ease_w_str(s.w, s.out[j].name);
	ease_w_end(s.w);

	while ((row = ease_day_next(s.r)) != NULL)
		one_row(&s, row);
	flush_group(&s);
	ease_writer_close(s.w);
	ease_day_warn_window(s.r);
	report_overflows(&s);
	free(s.over_n);
	free(s.over_day);

	for (size_t i = 0; i < s.nk; i++) {
		ease_win_free(s.k[i].win);
		free(s.k[i].outs);
	}
	free(s.k);
	for (size_t j = 0; j < s.nout; j++)
		free(s.out[j].name);
	free(s.out);
	for (size_t i = 0; i < s.pcap; i++) {
		free(s.p[i].val);
		free(s.p[i].buf);
		free(s.p[i].off);
	}
	free(s.p);
	free(s.nc);
	ease_canon_free(&s.canon);
	free(s.ema);
	free(s.ema_out);
	free(s.field_col);
	free(s.field_slot);
	ease_day_close(s.r);
	ease_report_skipped();
	return 0;
}

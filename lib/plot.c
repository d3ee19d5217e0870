/* SPDX-License-Identifier: GPL-3.0-or-later */
/* realpath and open_memstream are POSIX 2008: the Makefile asks for it */
#include "ease/plot.h"
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/gnuplot.h"
#include "ease/hash.h"
#include "ease/km.h"
#include "ease/plan.h"
#include "ease/prepost.h"
#include "ease/relief.h"
#include "ease/stats.h"
#include "ease/infer.h"
#include "ease/technique.h"
#include "ease/value.h"
#include "ease/window.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[EASE_PLOT_NKINDS] = {
	"trend", "scatter", "lags", "calendar", "meds", "relief", "profile",
	"techniques", "plan"
};

void
ease_plot_opts_init(ease_plot_opts *o)
{
	memset(o, 0, sizeof *o);
	o->kind = -1;
	o->margin = 1;
	ease_prepost_opts_init(&o->pp);
	o->pp.design = EASE_PP_EVENT;
}

int
ease_plot_kind(const char *name)
{
	for (int i = 0; i < EASE_PLOT_NKINDS; i++)
		if (strcmp(name, kind_names[i]) == 0)
			return i;
	char b[80];
	/* a file name where the kind belongs: the kind was left out */
	if (strchr(name, '.') || strchr(name, '/'))
		ease_usage("'%s' is not a kind of plot: the kind comes first (ease-plot KIND [OPTION]... [FILE]...): trend, scatter, lags, calendar, meds, relief, profile, techniques, plan",
			   ease_shown(name, b, sizeof b));
	ease_usage("'%s' is not a kind of plot: trend, scatter, lags, calendar, meds, relief, profile, techniques, plan",
		   ease_shown(name, b, sizeof b));
}

void
ease_plot_set_size(ease_plot_opts *o, const char *arg)
{
	char *end;
	const char *hs;
	long w = strtol(arg, &end, 10), h;

	if (end == arg || *end != ',' || w < 20 || w > 10000)
		goto bad;
	hs = end + 1;
	h = strtol(hs, &end, 10);
	if (end == hs || *end != '\0' || h < 10 || h > 10000)
		goto bad;
	o->width = (int)w;
	o->height = (int)h;
	return;
bad:
	ease_usage("--size: '%s' is not W,H (pixels, or characters for -T dumb; 20,10 to 10000,10000)", arg);
}

void
ease_plot_set_term(ease_plot_opts *o, const char *arg)
{
	int t = ease_gp_term_by_name(arg);

	if (t < 0) {
		char b[80];

		ease_usage("-T: '%s' is not png, svg, pdf or dumb", ease_shown(arg, b, sizeof b));
	}
	o->term = t;
}

/* ---- the data: one panel per subject, every calendar day a slot ---- */

typedef struct panel {
	char *group;
	long first, n;		/* days first .. first + n - 1 */
	long w0, w1;		/* the days in the date window, as indices; -1: none */
	double **v;		/* v[k][i], NaN when missing */
	char **tech;		/* technique cell of each day, or NULL */
	size_t cap;
	long *day;		/* scatter, lags: the days, first .. first + n - 1 */
} panel;

typedef struct plot {
	ease_common *c;
	ease_plot_opts *o;
	FILE *f;		/* the script */
	int ncol;
	char **name;		/* the columns as the header names them */
	int *role;
	int want_tech, has_tech;
	panel *p;
	size_t np, pcap;
	long lo, hi;		/* first and last day of any panel */
	int rows;		/* calendar: month rows of the tallest panel */
	size_t npanels;		/* relief: its panels (np counts the data's) */
	int reported;		/* profile, techniques: ease-prepost told the rows skipped */
	const char *gname;	/* the grouping column's name */
	char *file;		/* the input, as messages name it */
	int nf, base;		/* trend: -f columns, and where their means go */
	/* relief: sessions per panel and technique */
	ease_technames *tn;
	size_t rcap;
	size_t keep;		/* the key's names cut after this many bytes */
	int side;		/* the widest margin of the plot, in characters; 0: 12 */
} plot;

static void
panel_grow(plot *s, panel *p, long need)
{
	size_t old = p->cap;

	if ((size_t)need <= p->cap)
		return;
	p->cap = old ? old : 64;
	while (p->cap < (size_t)need)
		p->cap *= 2;
	for (int k = 0; k < s->ncol; k++) {
		p->v[k] = ease_xrealloc(p->v[k], p->cap * sizeof *p->v[k]);
		for (size_t i = old; i < p->cap; i++)
			p->v[k][i] = NAN;
	}
	if (s->want_tech) {
		p->tech = ease_xrealloc(p->tech, p->cap * sizeof *p->tech);
		memset(p->tech + old, 0, (p->cap - old) * sizeof *p->tech);
	}
}

static panel *
new_panel(plot *s, const char *group)
{
	panel *p;

	ease_grow((void **)&s->p, &s->pcap, s->np + 1, sizeof *s->p);
	p = &s->p[s->np++];
	memset(p, 0, sizeof *p);
	p->group = ease_xstrdup(group);
	p->v = ease_xcalloc((size_t)s->ncol + 1, sizeof *p->v);
	p->w0 = p->w1 = -1;
	return p;
}

static void
free_panel(plot *s, panel *p)
{
	for (int k = 0; k < s->ncol; k++)
		free(p->v[k]);
	free(p->v);
	for (long i = 0; p->tech && i < p->n; i++)
		free(p->tech[i]);
	free(p->tech);
	free(p->day);
	free(p->group);
}

/* Each panel cut to its days in the date window; a panel without any goes. */
static void
trim(plot *s)
{
	size_t kept = 0;

	for (size_t j = 0; j < s->np; j++) {
		panel *p = &s->p[j];
		long n;

		if (p->w0 < 0) {
			free_panel(s, p);
			continue;
		}
		n = p->w1 - p->w0 + 1;
		for (int k = 0; k < s->ncol; k++)
			memmove(p->v[k], p->v[k] + p->w0, (size_t)n * sizeof *p->v[k]);
		if (p->tech) {
			for (long i = 0; i < p->n; i++)
				if (i < p->w0 || i > p->w1) {
					free(p->tech[i]);
					p->tech[i] = NULL;
				}
			memmove(p->tech, p->tech + p->w0, (size_t)n * sizeof *p->tech);
		}
		p->first += p->w0;
		p->n = n;
		p->w0 = 0;
		p->w1 = n - 1;
		s->p[kept++] = *p;
	}
	s->np = kept;
}

/*
 * The plot's columns: NAMES (NCOL of them, read from R into SLOT) and
 * NEXTRA derived ones after them, named later.
 */
static void
want_columns(plot *s, ease_dayreader *r, const char *const *names, int ncol, int nextra,
	     int *slot)
{
	const ease_cols *cols = ease_day_cols(r);

	s->ncol = ncol + nextra;
	s->name = ease_xcalloc((size_t)s->ncol + 1, sizeof *s->name);
	s->role = ease_xcalloc((size_t)s->ncol + 1, sizeof *s->role);
	for (int k = ncol; k < s->ncol; k++)
		s->name[k] = ease_xstrdup("");
	for (int k = 0; k < ncol; k++) {
		int col = ease_cols_need(cols, names[k]);

		slot[k] = ease_day_want(r, col);
		s->name[k] = ease_xstrdup(cols->name[col]);
		s->role[k] = cols->role[col];
	}
}

/*
 * Reads the columns NAMES (and the technique cells) of the day table, and
 * makes NEXTRA more columns with DERIVE, as ease-smooth does: from the days
 * before the date window too, so that a moving mean's first days in it are
 * those of ease-smooth.  The panels are then cut to the window.
 */
static void
load_derived(plot *s, const char *const *names, int ncol, int want_tech, int nextra,
	     void (*derive)(plot *s, panel *p))
{
	ease_dayreader *r = ease_day_open(s->c);
	const ease_cols *cols = ease_day_cols(r);
	/* before anything is allocated: a usage error leaves nothing behind */
	if (s->o->subject && ease_day_group_col(r) < 0)
		ease_usage("--subject: %s has no subject column (name one with --by)", cols->file);
	const ease_dayrow *row;
	int *slot = ease_xcalloc((size_t)ncol + 1, sizeof *slot), tcol = -1;
	panel *p = NULL;
	char b[80];

	want_columns(s, r, names, ncol, nextra, slot);
	if (want_tech)
		tcol = ease_cols_role(cols, EASE_R_TECHNIQUE);
	if (ease_day_group_col(r) >= 0)
		s->gname = ease_xstrdup(cols->name[ease_day_group_col(r)]);
	s->want_tech = want_tech;
	s->has_tech = tcol >= 0;
	s->file = ease_xstrdup(cols->file);
	ease_day_fields_used(r, tcol >= 0 ? (size_t)tcol + 1 : 1);
	ease_day_keep_all(r, derive != NULL);
	while ((row = ease_day_next(r)) != NULL) {
		long i;

		if (s->o->subject && strcmp(row->group, s->o->subject) != 0)
			continue;
		if (p == NULL || row->group_start || strcmp(p->group, row->group) != 0) {
			p = new_panel(s, row->group);
			p->first = row->day;
		}
		i = row->day - p->first;
		panel_grow(s, p, i + 1);
		p->n = i + 1;
		for (int k = 0; k < ncol; k++)
			p->v[k][i] = row->v[slot[k]];
		if (tcol >= 0 && row->rec->f[tcol][0])
			p->tech[i] = ease_xstrdup(row->rec->f[tcol]);
		if (ease_day_in_window(r, row->day)) {
			if (p->w0 < 0)
				p->w0 = i;
			p->w1 = i;
		}
	}
	/* freed at once: past here the run may die, and SLOT is dead then */
	free(slot);
	for (size_t j = 0; derive && j < s->np; j++)
		derive(s, &s->p[j]);
	trim(s);
	if (s->np == 0) {
		if (s->o->subject)
			ease_die(EASE_EX_DATA, "%s: no row of subject '%s'%s", cols->file,
				 ease_shown(s->o->subject, b, sizeof b),
				 ease_window_active(s->c) ? " in the date window" : "");
		ease_die(EASE_EX_DATA, "%s: no row to plot%s", cols->file,
			 ease_window_active(s->c) ? " in the date window" : "");
	}
	if (s->np > EASE_PLOT_MAX_PANELS)
		ease_usage("%zu subjects: a plot stacks %d panels at most; pick one with --subject ID (or select some with ease-select)",
			   s->np, EASE_PLOT_MAX_PANELS);
	s->lo = s->p[0].first;
	s->hi = s->p[0].first + s->p[0].n - 1;
	for (size_t j = 1; j < s->np; j++) {
		if (s->p[j].first < s->lo)
			s->lo = s->p[j].first;
		if (s->p[j].first + s->p[j].n - 1 > s->hi)
			s->hi = s->p[j].first + s->p[j].n - 1;
	}
	ease_day_close(r);
}

static void
load(plot *s, const char *const *names, int ncol, int want_tech)
{
	load_derived(s, names, ncol, want_tech, 0, NULL);
}

/* ---- pieces of scripts ---- */

static const char *const month_abbr[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* The axis label of column K: what it is, in its unit. */
static void
axis_label(const plot *s, int k, char *buf, size_t n)
{
	const char *nm = s->name[k];

	switch (s->role[k]) {
	case EASE_R_PAIN:
	case EASE_R_PAIN_MAX:
		snprintf(buf, n, "%s (0-10)", nm);
		break;
	case EASE_R_STRESS:
	case EASE_R_MOOD:
	case EASE_R_SLEEP_QUALITY:
		snprintf(buf, n, "%s (rating)", nm);
		break;
	case EASE_R_SLEEP_HOURS:
	case EASE_R_TIME_IN_BED:
		snprintf(buf, n, "%s (hours)", nm);
		break;
	case EASE_R_SLEEP_EFFICIENCY:
		snprintf(buf, n, "%s (%%)", nm);
		break;
	case EASE_R_MASSAGE:
		snprintf(buf, n, "%s (sessions per day)", nm);
		break;
	case EASE_R_MASSAGE_MIN:
		snprintf(buf, n, "%s (minutes per day)", nm);
		break;
	case EASE_R_MEDS_DOSES:
		snprintf(buf, n, "%s (doses per day)", nm);
		break;
	default:
		snprintf(buf, n, "%s", nm);
	}
}

static void
set_text(FILE *f, const char *what, const char *text)
{
	fprintf(f, "set %s ", what);
	ease_gp_text(f, text);
	fputc('\n', f);
}

/* Writes the N bytes at P as a single-quoted string of at most MAX bytes of text. */
static void
quoted_part(FILE *f, const char *p, size_t n, size_t max)
{
	char *part = ease_xstrndup(p, n), *q;

	q = ease_gp_quote(part, max < n ? (max > 3 ? max - 3 : 1) : 3 * n + 1);
	fputs(q, f);
	free(q);
	free(part);
}

/*
 * TEXT as a title or x label that stays on the canvas.  gnuplot centres
 * these on the plot, not on the canvas, and draws past the edge what does
 * not fit; with margins of at most SIDE characters (gnuplot's cells) and
 * the right one two at least, the canvas less SIDE - 2 holds.  A wider text is broken at the blank that
 * evens its two lines best, joined by a newline in double quotes (ease's
 * own string: no text of the data or the user ever goes there), and a line
 * still too wide is cut ("...").
 */
static void
fit_text(plot *s, const char *text, int side)
{
	double wc, hr;
	size_t n = strlen(text), room, best = 0, worst = (size_t)-1;

	ease_gp_cells(s->o->term, s->o->width, s->o->height, &wc, &hr);
	/* the right margin is two cells at least, so the centre moves by at most (SIDE - 2) / 2 */
	room = wc - (side > 4 ? side - 2 : 2) > 10 ? (size_t)(wc - (side > 4 ? side - 2 : 2)) : 10;
	if (n <= room) {
		ease_gp_text(s->f, text);
		return;
	}
	for (size_t i = 1; i + 1 < n; i++)
		if (text[i] == ' ') {
			size_t w = i > n - i - 1 ? i : n - i - 1;

			if (w < worst) {
				worst = w;
				best = i;
			}
		}
	if (best == 0) {
		quoted_part(s->f, text, n, room);
	} else {
		quoted_part(s->f, text, best, room);
		fputs(" . \"\\n\" . ", s->f);
		quoted_part(s->f, text + best + 1, n - best - 1, room);
	}
	fputs(" noenhanced", s->f);
}

/* "set WHAT TEXT" for a title or x label over the plot (fit_text) */
static void
set_fit(plot *s, const char *what, const char *text)
{
	fprintf(s->f, "set %s ", what);
	fit_text(s, text, s->side ? s->side : 12);
	fputc('\n', s->f);
}

/* "2026-01-01 to 2026-12-31" */
static void
span(long lo, long hi, char *buf, size_t n)
{
	char a[16], b[16];

	snprintf(buf, n, "%s to %s", ease_fmt_date(lo, a), ease_fmt_date(hi, b));
}

/* The plot's width in gnuplot's cells: the canvas less margins of 12 and 2 (24 with y2). */
static double
plot_cells(const plot *s)
{
	double wc, hr;

	ease_gp_cells(s->o->term, s->o->width, s->o->height, &wc, &hr);
	return wc - (s->o->y2 || s->o->kind == EASE_PLOT_MEDS ? 24 : 14);
}

/*
 * A date axis over LO..HI with ticks a reader can count: Mondays up to ten
 * weeks, every other Monday up to five months, else months, every one up to
 * a year, else every few (TEXT: fewer, for a terminal's 80 columns); fewer
 * still where CELLS, the plot's width, would crowd them.
 */
static void
time_axis(FILE *f, long lo, long hi, int pad, int text, double cells)
{
	char a[16], b[16];
	int first = 1;

	fputs("set xdata time\nset timefmt '%Y-%m-%d'\n", f);
	fprintf(f, "set xrange ['%s':'%s']\n", ease_fmt_date(lo - pad, a),
		ease_fmt_date(hi + pad, b));
	fputs("set xtics (", f);
	if (hi - lo <= 150) {
		int every = hi - lo <= 70 ? 1 : 2, k = 0;

		/* "12 Jan" and a gap: 7.5 of gnuplot's cells a label */
		while (!text && (double)(hi - lo + 1) / 7 / every * 7.5 > cells)
			every++;

		/* 1970-01-01 was a Thursday: Monday is day % 7 == 4 */
		for (long d = lo; d <= hi; d++)
			if (((d % 7) + 7) % 7 == 4 && k++ % every == 0) {
				long y;
				int m, dd;
				char lab[32];

				ease_civil_from_days(d, &y, &m, &dd);
				snprintf(lab, sizeof lab, "%d %s", dd, month_abbr[m - 1]);
				fprintf(f, "%s'%s' %ld", first ? "" : ", ", lab, d * 86400);
				first = 0;
			}
	} else {
		long y, y1;
		int m, m1, dd, step;

		ease_civil_from_days(lo, &y, &m, &dd);
		ease_civil_from_days(hi, &y1, &m1, &dd);
		long months = (y1 - y) * 12 + (m1 - m) + 1;
		step = months <= 12 ? 1 : months <= 24 ? 2 : months <= 36 ? 3 :
		       months <= 72 ? 6 : 12 * (int)((months + 143) / 144);
		/* 80 characters hold about six labels */
		if (text && step < 12)
			while (months / step > 6 && step < 12)
				step = step < 3 ? step + 1 : step < 6 ? 6 : 12;
		/* a canvas: "Jan 2026" beside "Feb" takes 6.5 cells a label */
		while (!text && (double)months / step * 6.5 > cells)
			step = step < 3 ? step + 1 : step < 6 ? 6 : step < 12 ? 12 : step + 12;
		if (dd > 1 || m != 1 || step > 1) {
			/* from the first month start at or after LO */
			if (ease_days_from_civil(y, m, 1) < lo && ++m > 12) {
				m = 1;
				y++;
			}
		}
		/* steps of whole years start in January */
		while (step >= 12 && m != 1)
			if (++m > 12) {
				m = 1;
				y++;
			}
		for (long d; (d = ease_days_from_civil(y, m, 1)) <= hi;) {
			char lab[32];

			if (m == 1 || first)
				snprintf(lab, sizeof lab, "%s %ld", month_abbr[m - 1], y);
			else
				snprintf(lab, sizeof lab, "%s", month_abbr[m - 1]);
			fprintf(f, "%s'%s' %ld", first ? "" : ", ", lab, d * 86400);
			first = 0;
			m += step;
			while (m > 12) {
				m -= 12;
				y++;
			}
		}
	}
	fputs(")\nset xtics nomirror\n", f);
}

/* The datablock $NAME: every day of P with columns COLS of V (NaN: a gap). */
static void
day_block(FILE *f, const char *name, const panel *p, double *const *v, int nv)
{
	char d[16];

	fprintf(f, "$%s << EOD\n", name);
	for (long i = 0; i < p->n; i++) {
		fputs(ease_fmt_date(p->first + i, d), f);
		for (int k = 0; k < nv; k++) {
			fputc(' ', f);
			ease_gp_num(f, v[k][i]);
		}
		fputc('\n', f);
	}
	fputs("EOD\n", f);
}

/* Several panels stack in one image; a lone one is the whole of it. */
static void
begin_panels(plot *s, const char *title)
{
	if (s->np > 1) {
		fprintf(s->f, "set multiplot layout %zu,1 title ", s->np);
		fit_text(s, title, 0);	/* over the whole canvas */
		fputc('\n', s->f);
	}
}

static void
panel_title(plot *s, const char *group, const char *title)
{
	if (s->np > 1) {
		char t[200];

		snprintf(t, sizeof t, "%s %s", s->gname ? s->gname : "", group);
		set_fit(s, "title", t);
	} else if (group[0] && !s->o->title) {
		/* one subject of several (--subject): the title names it */
		char *t = ease_xmalloc(strlen(title) + strlen(group) + 80);

		sprintf(t, "%s %s: %s", s->gname ? s->gname : "subject", group, title);
		set_fit(s, "title", t);
		free(t);
	} else
		set_fit(s, "title", title);
}

static void
end_panels(plot *s)
{
	if (s->np > 1)
		fputs("unset multiplot\n", s->f);
}

/* One entry of a key: TEXT cut after CAP bytes at most, then FIXED bytes kept whole. */
typedef struct keyent {
	const char *text;
	size_t cap;		/* EASE_GP_MAXKEY for a name from the data, else EASE_GP_MAXTEXT */
	size_t fixed;		/* a count like " (12)" */
} keyent;

/* The height of one panel, in the units of --size. */
static int
panel_height(const plot *s, size_t npanels)
{
	int dumb = s->o->term == EASE_GP_DUMB;

	if (npanels < 1)
		npanels = 1;
	if (s->o->height)
		return (int)(s->o->height / (int)npanels);
	if (npanels > 1)	/* as ease_plot_run sizes a stack of panels */
		return dumb ? 12 : 300;
	return dumb ? 25 : 500;
}

/*
 * Where an entry of CAP bytes at most is cut when the key's names are cut
 * after KEEP: ease's own words (CAP above EASE_GP_MAXKEY) keep 24 bytes, so
 * that "all events" and its CI read before names do.
 */
static size_t
key_cut(size_t cap, size_t keep)
{
	if (cap > EASE_GP_MAXKEY && keep < 24)
		keep = 24;
	return cap < keep ? cap : keep;
}

/*
 * The key below the plot, laid out so that it never leaves the canvas.
 * gnuplot counts the key's columns on the canvas width less a character or
 * three, before it knows the margins, and then centres them under the plot:
 * long names at the left (techniques) or a wide key pushed the last column
 * off the right edge.  So the columns are counted here on the canvas less
 * the wider of the two margins (SIDE: at most that many characters on
 * either side of the plot), in gnuplot's own character cells, and given as
 * maxcols.  A key that would take more than 40% of the height gets a
 * smaller font, then names cut shorter (to 12 bytes, then further only to
 * fit at all).  Sets s->keep for key_text; the extra height keeps the
 * key's first row off the x label.
 */
static void
key_below(plot *s, const keyent *e, size_t n, int side, size_t npanels)
{
	/*
	 * The tries, in order: the key's font, the shortest cut (0: none) and
	 * the share of the height it may take.  A smaller font reads better
	 * than names cut short.
	 */
	static const struct { double font; size_t least; double share; } tries[] = {
		{1, 0, 0.4}, {0.8, 0, 0.4}, {0.8, 12, 0.4}, {0.8, 6, 0.5}, {0.8, 1, 1}
	};
	enum { NTRIES = sizeof tries / sizeof tries[0] };
	double wc, hr;
	size_t keep = 0, cols = 1, top = 0;
	int dumb = s->o->term == EASE_GP_DUMB, t;

	ease_gp_cells(s->o->term, s->o->width, panel_height(s, npanels), &wc, &hr);
	for (size_t i = 0; i < n; i++)
		if (e[i].cap > top)
			top = e[i].cap;
	for (t = 0; t < NTRIES; t++) {
		/* text: no smaller font there */
		double f = dumb ? 1 : tries[t].font, avail = (wc - side) / f - 1;
		size_t least = tries[t].least ? tries[t].least : top;

		for (keep = top;; keep--) {
			size_t widest = 0, rows;
			double colw;

			for (size_t i = 0; i < n; i++) {
				size_t len = strlen(e[i].text), cap = key_cut(e[i].cap, keep);

				len = (len > cap ? cap + 3 : len) + e[i].fixed;
				if (len > widest)
					widest = len;
			}
			/* the text, a cell either side, the sample (samplen 2) and its tic */
			colw = (double)widest + 5;
			cols = colw <= avail ? (size_t)(avail / colw) : 1;
			if (cols > n)
				cols = n;
			if (cols < 1)
				cols = 1;
			rows = (n + cols - 1) / cols;
			/* a row more: the key's extra height */
			if (colw <= avail && (rows + 1) * f <= hr * tries[t].share)
				goto done;
			if (keep <= least)
				break;
		}
	}
	t = NTRIES - 1;
done:
	s->keep = keep;
	fprintf(s->f, "set key below horizontal%s samplen 2 maxcols %zu%s%s\n",
		dumb ? "" : " Left reverse", cols, dumb ? "" : " height 1",
		!dumb && tries[t].font < 1 ? " font ',8'" : "");
}

/* A key entry's title: NAME cut as key_below decided (CAP at most), then SUFFIX. */
static void
key_text(plot *s, const char *name, const char *suffix, size_t cap)
{
	ease_gp_key_cut(s->f, name, suffix, s->keep ? key_cut(cap, s->keep) : cap);
}

static const char *
title_or(const plot *s, const char *made)
{
	return s->o->title ? s->o->title : made;
}

/*
 * Nothing to draw: said before gnuplot runs, as bad data.  gnuplot would
 * fail on an empty range and its failure reads as a missing install.
 */
static void
no_data(const plot *s, const char *why)
{
	ease_die(EASE_EX_DATA, "no data to plot: %s: %s", s->file ? s->file : "input", why);
}

/* Whether column K has a value on two different days of any panel; ONE: on one. */
static int
two_days(const plot *s, int k, int *one)
{
	long seen = 0;

	*one = 0;
	for (size_t j = 0; j < s->np; j++)
		for (long i = 0; i < s->p[j].n; i++)
			if (!isnan(s->p[j].v[k][i])) {
				long d = s->p[j].first + i;

				if (*one && d != seen)
					return 1;
				seen = d;
				*one = 1;
			}
	return 0;
}

/* ---- trend ---- */


static void
split_fields(const char *arg, char ***out, int *n)
{
	const char *p = arg;

	*n = 0;
	*out = NULL;
	for (;;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (len == 0)
			ease_usage("-f: '%s' has an empty column name", arg);
		*out = ease_xrealloc(*out, ((size_t)*n + 2) * sizeof **out);
		(*out)[(*n)++] = ease_xstrndup(p, len);
		if (!e)
			break;
		p = e + 1;
	}
}

/* ---- trend and meds: the days read once, into spans narrower than a column ---- */

/*
 * A long trend is drawn from spans of days: 1, 2, 4, ... days each (the
 * fewest days that make no more spans over the plotted dates than twice
 * the canvas's columns: pixels, or characters for text; so a span is
 * narrower than a column of the plot, which the margins make narrower
 * than the canvas, and drawn at its days' own places), aligned on
 * 1970-01-01 so that every panel shares them and two spans make the next
 * width's one.  A span keeps what its column would show of every day's
 * point: its first, lowest, highest and last value.  Spans of one day are
 * the days themselves, and the script is then the one of every row.
 */
typedef struct aspan {
	long fd, ld, nd, xd;	/* days of the first, last, lowest, highest value; fd NOVAL: none */
	double f, l, mn, mx;
	int linked;		/* two days in a row with a value inside the span */
} aspan;

#define NOVAL LONG_MIN

typedef struct amark {
	long day;		/* the first day of the span with this marker */
	size_t r;		/* 0: a session without technique; else the technique's index + 1 */
} amark;

typedef struct amarks {
	amark *m;
	size_t n, cap;
} amarks;

typedef struct tpanel {
	char *group;
	long first, last;	/* the first and last row in the date window; first NOVAL: none yet */
	long base;		/* span number of a[.][0] */
	size_t na, cap;		/* spans held, per series */
	aspan **a;		/* a[k][i]: series k */
	amarks *ev;		/* the session markers of each span, or NULL */
	double lo, hi;		/* the -f columns' values */
	ease_window **win;	/* --smooth: each -f column's mean; meds: the 7-day total and mean */
	long wday;		/* the last day the means were moved to; NOVAL: none */
} tpanel;

typedef struct trend {
	plot *s;
	int nser;		/* series: -f columns, their means, --y2 */
	int nf, ny2, nev;
	int meds;		/* meds: series 0 the weekly totals, 1 the 7-day mean */
	const char *block;	/* the datablocks' name: D (trend), M (meds) */
	int nwin;		/* moving windows per panel */
	long w;			/* days per span, a power of two */
	long cols;		/* spans over the plotted dates at most */
	long lo, hi;		/* the plotted dates of every panel; lo NOVAL: none */
	tpanel *p;
	size_t np, cap;
	size_t over;		/* panels past EASE_PLOT_MAX_PANELS, only counted */
	ease_technames *tn;
	struct { int one, two; long seen; } *val;	/* per -f column: days with a value */
} trend;

/* floor(A / B) for B > 0: days before 1970 are negative */
static long
fdiv(long a, long b)
{
	long q = a / b;

	return a % b != 0 && a < 0 ? q - 1 : q;
}

static void
aspan_clear(aspan *a)
{
	memset(a, 0, sizeof *a);
	a->fd = NOVAL;
}

static void
aspan_add(aspan *a, long d, double v)
{
	if (a->fd == NOVAL) {
		a->fd = a->ld = a->nd = a->xd = d;
		a->f = a->l = a->mn = a->mx = v;
		return;
	}
	if (d == a->ld + 1)
		a->linked = 1;
	a->ld = d;
	a->l = v;
	/* ties keep the earlier day */
	if (v < a->mn) {
		a->mn = v;
		a->nd = d;
	}
	if (v > a->mx) {
		a->mx = v;
		a->xd = d;
	}
}

/* B, the span after A, joins A. */
static void
aspan_merge(aspan *a, const aspan *b)
{
	if (b->fd == NOVAL)
		return;
	if (a->fd == NOVAL) {
		*a = *b;
		return;
	}
	a->linked = a->linked || b->linked || a->ld + 1 == b->fd;
	a->ld = b->ld;
	a->l = b->l;
	if (b->mn < a->mn) {
		a->mn = b->mn;
		a->nd = b->nd;
	}
	if (b->mx > a->mx) {
		a->mx = b->mx;
		a->xd = b->xd;
	}
}

static void
amarks_add(amarks *e, long day, size_t r, int dedup)
{
	if (dedup)
		for (size_t i = 0; i < e->n; i++)
			if (e->m[i].r == r)
				return;
	ease_grow((void **)&e->m, &e->cap, e->n + 1, sizeof *e->m);
	e->m[e->n].day = day;
	e->m[e->n++].r = r;
}

/* Span numbers of panel P at width w are base .. base + na - 1; halves them. */
static void
tpanel_halve(trend *t, tpanel *p)
{
	long nb = fdiv(p->base, 2);
	size_t nn = p->na ? (size_t)(fdiv(p->base + (long)p->na - 1, 2) - nb + 1) : 0;

	for (int k = 0; k < t->nser; k++) {
		aspan *a = p->a[k];

		for (size_t i = 0; i < p->na; i++) {
			size_t j = (size_t)(fdiv(p->base + (long)i, 2) - nb);

			if (j == i)
				continue;
			if (fdiv(p->base + (long)i - 1, 2) - nb != (long)j || i == 0)
				a[j] = a[i];
			else
				aspan_merge(&a[j], &a[i]);
		}
	}
	if (p->ev) {
		for (size_t i = 0; i < p->na; i++) {
			size_t j = (size_t)(fdiv(p->base + (long)i, 2) - nb);
			amarks e = p->ev[i];

			if (i > 0 && fdiv(p->base + (long)i - 1, 2) - nb == (long)j) {
				/* the second half: its markers join the first's, once each */
				for (size_t m = 0; m < e.n; m++)
					amarks_add(&p->ev[j], e.m[m].day, e.m[m].r, 1);
				free(e.m);
			} else {
				/* the first half: deduplicated (a day may list a technique twice) */
				amarks d = {0};

				for (size_t m = 0; m < e.n; m++)
					amarks_add(&d, e.m[m].day, e.m[m].r, 1);
				free(e.m);
				p->ev[j] = d;
			}
			if (j != i)
				memset(&p->ev[i], 0, sizeof p->ev[i]);
		}
	}
	for (int k = 0; k < t->nser; k++)
		for (size_t i = nn; i < p->na; i++)
			aspan_clear(&p->a[k][i]);
	p->base = nb;
	p->na = nn;
}

/* The span of day D in panel P, grown to hold it. */
static size_t
tpanel_span(trend *t, tpanel *p, long d)
{
	long i = fdiv(d, t->w) - p->base;

	if ((size_t)i >= p->na) {
		size_t old = p->cap;

		if ((size_t)i >= p->cap) {
			p->cap = old ? old : 16;
			while (p->cap <= (size_t)i)
				p->cap *= 2;
			for (int k = 0; k < t->nser; k++) {
				p->a[k] = ease_xrealloc(p->a[k], p->cap * sizeof *p->a[k]);
				for (size_t j = old; j < p->cap; j++)
					aspan_clear(&p->a[k][j]);
			}
			if (t->nev >= 0) {
				p->ev = ease_xrealloc(p->ev, p->cap * sizeof *p->ev);
				memset(p->ev + old, 0, (p->cap - old) * sizeof *p->ev);
			}
		}
		p->na = (size_t)i + 1;
	}
	return (size_t)i;
}

/* Day D of panel P is plotted: the spans widen until they are few enough. */
static void
trend_extend(trend *t, tpanel *p, long d)
{
	if (p->first == NOVAL) {
		p->first = d;
		p->base = fdiv(d, t->w);
	}
	p->last = d;
	if (t->lo == NOVAL || d < t->lo)
		t->lo = d;
	if (t->hi == NOVAL || d > t->hi)
		t->hi = d;
	while (fdiv(t->hi, t->w) - fdiv(t->lo, t->w) + 1 > t->cols) {
		t->w *= 2;
		for (size_t j = 0; j < t->np; j++)
			tpanel_halve(t, &t->p[j]);
	}
}

static void
tpanel_free(trend *t, tpanel *p)
{
	for (int k = 0; k < t->nser; k++)
		free(p->a[k]);
	free(p->a);
	for (size_t i = 0; p->ev && i < p->cap; i++)
		free(p->ev[i].m);
	free(p->ev);
	for (int k = 0; p->win && k < t->nwin; k++)
		ease_win_free(p->win[k]);
	free(p->win);
	free(p->group);
}

/* A panel ends: one without a plotted day goes, and so do its windows. */
static void
tpanel_end(trend *t)
{
	tpanel *p;

	if (t->np == 0)
		return;
	p = &t->p[t->np - 1];
	for (int k = 0; p->win && k < t->nwin; k++)
		ease_win_free(p->win[k]);
	free(p->win);
	p->win = NULL;
	if (p->first == NOVAL || t->np > EASE_PLOT_MAX_PANELS) {
		/* too many panels: the run ends with their count, so only count them */
		t->over += p->first != NOVAL;
		tpanel_free(t, p);
		t->np--;
	}
}

static tpanel *
tpanel_new(trend *t, const char *group)
{
	tpanel *p;

	tpanel_end(t);
	ease_grow((void **)&t->p, &t->cap, t->np + 1, sizeof *t->p);
	p = &t->p[t->np++];
	memset(p, 0, sizeof *p);
	p->group = ease_xstrdup(group);
	p->first = p->last = p->wday = NOVAL;
	p->lo = INFINITY;
	p->hi = -INFINITY;
	p->a = ease_xcalloc((size_t)t->nser, sizeof *p->a);
	if (t->meds) {
		p->win = ease_xcalloc(2, sizeof *p->win);
		p->win[0] = ease_win_new(7, (1u << EASE_W_SUM) | (1u << EASE_W_COUNT));
		p->win[1] = ease_win_new(7, 1u << EASE_W_SMA);
	} else if (t->nwin) {
		p->win = ease_xcalloc((size_t)t->nwin, sizeof *p->win);
		for (int k = 0; k < t->nwin; k++)
			p->win[k] = ease_win_new(t->s->o->smooth, 1u << EASE_W_SMA);
	}
	return p;
}

/* Series K of panel P has V (NaN: nothing) on plotted day D. */
static void
tpanel_put(trend *t, tpanel *p, int k, long d, double v)
{
	size_t i;

	if (isnan(v))
		return;
	i = tpanel_span(t, p, d);	/* first: it may move the spans */
	aspan_add(&p->a[k][i], d, v);
}

/*
 * The moving means of panel P moved to day D (the row's values V, or
 * every one NaN: a day without a row), as ease-smooth moves them over
 * every calendar day; put into the spans when PLOTTED.
 */
static void
tpanel_smooth_day(trend *t, tpanel *p, long d, const double *v, int plotted)
{
	long days = t->s->o->smooth;

	for (int k = 0; k < t->nf; k++) {
		ease_window *w = p->win[k];

		ease_win_start(w, d - days + 1);
		ease_win_push(w, d, v ? v[k] : NAN);
		if (plotted)
			tpanel_put(t, p, t->nf + k, d, ease_win_get(w, EASE_W_SMA, (size_t)(days + 1) / 2));
	}
	p->wday = d;
}

/*
 * meds: day D of panel P (the row's values V, or NULL), as ease-smooth
 * moves over every calendar day: the 7-day total of column 0 in weeks from
 * the first day plotted, at each week's middle, for a week with 5 days
 * recorded (series 0); the 7-day mean of column 1 (series 1).
 */
static void
meds_day(trend *t, tpanel *p, long d, const double *v, int plotted)
{
	ease_window *sw = p->win[0], *mw = p->win[1];

	ease_win_start(sw, d - 6);
	ease_win_push(sw, d, v ? v[0] : NAN);
	/* P->last: the week's middle is a day plotted */
	if (p->first != NOVAL && d - p->first >= 6 && (d - p->first) % 7 == 6 &&
	    d - 3 <= p->last && ease_win_count(sw) >= 5)
		tpanel_put(t, p, 0, d - 3, ease_win_get(sw, EASE_W_SUM, 5));
	ease_win_start(mw, d - 6);
	ease_win_push(mw, d, v ? v[1] : NAN);
	if (plotted)
		tpanel_put(t, p, 1, d, ease_win_get(mw, EASE_W_SMA, 4));
	p->wday = d;
}

/*
 * Reads the trend's columns NAMES (the -f ones first, then --y2 and
 * --events) once, into the spans of each panel: nothing per day is kept.
 * The moving means move over the days before the window too, so that
 * their first days in it are those of ease-smooth.
 */
static void
trend_load(trend *t, const char *const *names, int ncol)
{
	plot *s = t->s;
	ease_plot_opts *o = s->o;
	ease_dayreader *r = ease_day_open(s->c);
	const ease_cols *cols = ease_day_cols(r);
	/* before anything is allocated: a usage error leaves nothing behind */
	if (o->subject && ease_day_group_col(r) < 0)
		ease_usage("--subject: %s has no subject column (name one with --by)", cols->file);
	const ease_dayrow *row;
	int *slot = ease_xcalloc((size_t)ncol + 1, sizeof *slot), tcol = -1;
	double *v = ease_xcalloc((size_t)ncol + 1, sizeof *v);
	tpanel *p = NULL;
	char b[80];

	want_columns(s, r, names, ncol, t->meds ? 2 : o->smooth ? t->nf : 0, slot);
	if (t->nev >= 0)
		tcol = ease_cols_role(cols, EASE_R_TECHNIQUE);
	if (ease_day_group_col(r) >= 0)
		s->gname = ease_xstrdup(cols->name[ease_day_group_col(r)]);
	s->want_tech = t->nev >= 0;
	s->has_tech = tcol >= 0;
	s->file = ease_xstrdup(cols->file);
	ease_day_fields_used(r, tcol >= 0 ? (size_t)tcol + 1 : 1);
	ease_day_keep_all(r, o->smooth != 0 || t->meds);
	while ((row = ease_day_next(r)) != NULL) {
		long d = row->day;
		int in, had;

		if (o->subject && strcmp(row->group, o->subject) != 0)
			continue;
		if (p == NULL || row->group_start || strcmp(p->group, row->group) != 0)
			p = tpanel_new(t, row->group);
		for (int k = 0; k < ncol; k++)
			v[k] = row->v[slot[k]];
		in = ease_day_in_window(r, d);
		had = p->first != NOVAL;
		if (in)
			trend_extend(t, p, d);
		if (t->meds) {
			for (long g = p->wday == NOVAL ? d : p->wday + 1; g < d; g++)
				meds_day(t, p, g, NULL, in && had);
			meds_day(t, p, d, v, in);
			continue;
		}
		if (o->smooth) {
			/* the days between rows: no value, the means move all the same */
			for (long g = p->wday == NOVAL ? d : p->wday + 1; g < d; g++)
				tpanel_smooth_day(t, p, g, NULL, in && had);
			tpanel_smooth_day(t, p, d, v, in);
		}
		if (!in)
			continue;
		for (int k = 0; k < t->nf; k++) {
			if (isnan(v[k]))
				continue;
			tpanel_put(t, p, k, d, v[k]);
			p->lo = fmin(p->lo, v[k]);
			p->hi = fmax(p->hi, v[k]);
			if (t->val[k].one && d != t->val[k].seen)
				t->val[k].two = 1;
			t->val[k].seen = d;
			t->val[k].one = 1;
		}
		if (t->ny2 >= 0)
			tpanel_put(t, p, t->nser - 1, d, v[t->ny2]);
		if (t->nev >= 0 && v[t->nev] > 0) {
			const char *q = tcol >= 0 && row->rec->f[tcol][0] ? row->rec->f[tcol] : NULL;
			const char *it;
			size_t len, i = tpanel_span(t, p, d);
			int any = 0;

			if (q)
				ease_technames_add_list(t->tn, q);
			while (q && ease_list_next(&q, &it, &len)) {
				size_t n = ease_technames_count(t->tn), k = 0;
				const char *shown;

				if (len == 0)
					continue;
				shown = ease_technames_add(t->tn, it, len);
				while (k < n && strcmp(ease_technames_get(t->tn, k), shown) != 0)
					k++;
				amarks_add(&p->ev[i], d, k + 1, t->w > 1);
				any = 1;
			}
			if (!any)
				amarks_add(&p->ev[i], d, 0, t->w > 1);
		}
	}
	tpanel_end(t);
	free(slot);
	free(v);
	if (t->np == 0) {
		if (o->subject)
			ease_die(EASE_EX_DATA, "%s: no row of subject '%s'%s", cols->file,
				 ease_shown(o->subject, b, sizeof b),
				 ease_window_active(s->c) ? " in the date window" : "");
		ease_die(EASE_EX_DATA, "%s: no row to plot%s", cols->file,
			 ease_window_active(s->c) ? " in the date window" : "");
	}
	if (t->np + t->over > EASE_PLOT_MAX_PANELS)
		ease_usage("%zu subjects: a plot stacks %d panels at most; pick one with --subject ID (or select some with ease-select)",
			   t->np + t->over, EASE_PLOT_MAX_PANELS);
	s->np = t->np;
	s->lo = t->lo;
	s->hi = t->hi;
	ease_day_close(r);
}

/* The source of series K of panel J in a plot command. */
static void
trend_src(const trend *t, size_t j, int k)
{
	if (t->w == 1)
		fprintf(t->s->f, "$%s%zu using 1:%d", t->block, j + 1, k + 2);
	else
		fprintf(t->s->f, "$%s%zu_%d using 1:2", t->block, j + 1, k + 1);
}

static void
put_point(FILE *f, long d, double v)
{
	char b[16];

	fputs(ease_fmt_date(d, b), f);
	fputc(' ', f);
	ease_gp_num(f, v);
	fputc('\n', f);
}

/*
 * meds' weekly totals in spans: a span of 8 days or fewer holds two weeks'
 * middles at most, its first and last value, and each week keeps its bar;
 * a wider span is drawn as one bar as wide as the span (the boxes' width,
 * meds_boxwidth) and as high as its highest week, which is what the weeks'
 * bars, narrower than a column of the plot, fill.
 */
static void
meds_bars(const trend *t, const tpanel *p)
{
	for (size_t i = 0; i < p->na; i++) {
		const aspan *a = &p->a[0][i];

		if (a->fd == NOVAL)
			continue;
		if (t->w <= 8) {
			put_point(t->s->f, a->fd, a->f);
			if (a->ld != a->fd)
				put_point(t->s->f, a->ld, a->l);
		} else
			put_point(t->s->f, (p->base + (long)i) * t->w + t->w / 2, a->mx);
	}
	fputs("EOD\n", t->s->f);
}

/*
 * The datablocks of panel J.  Spans of one day: $Dj, a row a day and a
 * column a series, as ease-plot wrote it for every row.  Wider spans:
 * $Dj_k for series k, each span's values in the order of their days, the
 * line broken (NaN) where a day without a value lies between two that
 * the line would not join.
 */
static void
trend_blocks(const trend *t, size_t j)
{
	FILE *f = t->s->f;
	const tpanel *p = &t->p[j];

	if (t->w == 1) {
		char b[16];

		fprintf(f, "$%s%zu << EOD\n", t->block, j + 1);
		for (long d = p->first; d <= p->last; d++) {
			size_t i = (size_t)(d - p->base);

			fputs(ease_fmt_date(d, b), f);
			for (int k = 0; k < t->nser; k++) {
				fputc(' ', f);
				ease_gp_num(f, i < p->na && p->a[k][i].fd != NOVAL ? p->a[k][i].f : NAN);
			}
			fputc('\n', f);
		}
		fputs("EOD\n", f);
		return;
	}
	for (int k = 0; k < t->nser; k++) {
		long prev = NOVAL;

		fprintf(f, "$%s%zu_%d << EOD\n", t->block, j + 1, k + 1);
		if (t->meds && k == 0) {
			meds_bars(t, p);
			continue;
		}
		for (size_t i = 0; i < p->na; i++) {
			const aspan *a = &p->a[k][i];
			long dd[4];
			double vv[4];
			int n = 0;

			if (a->fd == NOVAL)
				continue;
			/* first, lowest, highest, last: in the order of their days, once each */
			dd[n] = a->fd, vv[n++] = a->f;
			if (a->nd < a->xd) {
				if (a->nd != a->fd)
					dd[n] = a->nd, vv[n++] = a->mn;
				if (a->xd != a->ld)
					dd[n] = a->xd, vv[n++] = a->mx;
			} else {
				if (a->xd != a->fd)
					dd[n] = a->xd, vv[n++] = a->mx;
				if (a->nd != a->ld && a->nd != a->xd)
					dd[n] = a->nd, vv[n++] = a->mn;
			}
			if (a->ld != a->fd && a->ld != dd[n - 1])
				dd[n] = a->ld, vv[n++] = a->l;
			for (int m = 0; m < n; m++) {
				/* every row would have joined these only on days in a row */
				if (prev != NOVAL && dd[m] != prev + 1 && (m == 0 || !a->linked))
					put_point(f, prev + 1, NAN);
				put_point(f, dd[m], vv[m]);
				prev = dd[m];
			}
		}
		fputs("EOD\n", f);
	}
}

/* The key's words for row R of trend's session markers. */
static const char *
marker_label(ease_technames *tn, int r, size_t ntech)
{
	if (r == 0)
		return ntech ? "session, no technique" : "session";
	if (r == 12 && ntech > 12)
		return "other techniques";
	return ease_technames_get(tn, (size_t)r - 1);
}

static void
plot_trend(plot *s)
{
	ease_plot_opts *o = s->o;
	char **f;
	int nf, ny2 = -1, nev = -1, nnames;
	const char **names;
	char t[600], lab[400], sp[40];

	split_fields(o->fields ? o->fields : "pain", &f, &nf);
	if (nf > 8)
		ease_usage("-f: %d columns; a trend reads with 8 at most", nf);
	names = ease_xcalloc((size_t)nf + 3, sizeof *names);
	for (int k = 0; k < nf; k++)
		names[k] = f[k];
	nnames = nf;
	if (o->y2)
		names[ny2 = nnames++] = o->y2;
	if (o->events)
		names[nev = nnames++] = o->events;
	s->nf = nf;
	s->base = nnames;
	trend tr = {0};

	tr.s = s;
	tr.nf = nf;
	tr.ny2 = ny2;
	tr.nev = nev;
	tr.nser = nf + (o->smooth ? nf : 0) + (ny2 >= 0);
	tr.nwin = o->smooth ? nf : 0;
	tr.block = "D";
	tr.w = 1;
	/* two spans a column of the canvas: a span is narrower than a column of the plot */
	tr.cols = 2L * (o->term == EASE_GP_DUMB ? (o->width ? o->width : 80) : (o->width ? o->width : 800));
	tr.lo = tr.hi = NOVAL;
	tr.tn = ease_technames_new();
	tr.val = ease_xcalloc((size_t)nf, sizeof *tr.val);
	trend_load(&tr, names, nnames);
	/* freed at once: past here the run may die with nothing to hold it */
	free(names);
	{
		int any = 0, one = 0;
		char w[300], b[80];

		for (int k = 0; k < nf && !any; k++) {
			any = tr.val[k].two;
			one |= tr.val[k].one;
		}
		free(tr.val);
		if (!any) {
			w[0] = '\0';
			for (int k = 0; k < nf; k++)
				snprintf(w + strlen(w), sizeof w - strlen(w), "%s'%s'", k ? " or " : "",
					 ease_shown(s->name[k], b, sizeof b));
			snprintf(w + strlen(w), sizeof w - strlen(w), "%s", one
				 ? " has a value on one day only; a trend needs two days or more"
				 : " has no value in any row");
			if (!one && ease_window_active(s->c))
				snprintf(w + strlen(w), sizeof w - strlen(w), " in the date window");
			no_data(s, w);
		}
	}
	if (o->events && !s->has_tech)
		ease_warn("--events: no technique column; every session gets one marker");

	/* the title: the columns, the smoothing, the dates */
	t[0] = '\0';
	for (int k = 0; k < nf; k++)
		snprintf(t + strlen(t), sizeof t - strlen(t), "%s%s",
			 k == 0 ? "" : k == nf - 1 ? " and " : ", ", s->name[k]);
	if (o->smooth)
		snprintf(t + strlen(t), sizeof t - strlen(t), " with %ld-day mean", o->smooth);
	if (ny2 >= 0)
		snprintf(t + strlen(t), sizeof t - strlen(t), "; %s (right)", s->name[ny2]);
	span(s->lo, s->hi, sp, sizeof sp);
	snprintf(t + strlen(t), sizeof t - strlen(t), ", %s", sp);

	/* technique markers: one row each below the data */
	ease_technames *tn = tr.tn;
	size_t ntech = ease_technames_count(tn);
	ease_technames_warn_close(tn);	/* a misspelling would get a marker row of its own */
	if (ntech > 12) {
		ease_warn("--events: %zu techniques; the first 11 get markers of their own, the rest one together",
			  ntech);
	}

	if (tr.w > 1)
		fprintf(s->f, "# %ld days a point: of each %ld days drawn, the first, lowest, highest and last value\n",
			tr.w, tr.w);
	begin_panels(s, title_or(s, t));
	for (size_t j = 0; j < s->np; j++) {
		tpanel *p = &tr.p[j];
		int first = 1, nrows = 0;
		double lo = p->lo, hi = p->hi;
		int used[13] = {0};

		if (!isfinite(lo))
			lo = 0, hi = 1;
		if (hi - lo < 1e-9)
			hi = lo + 1;
		trend_blocks(&tr, j);

		/* session days: the day and which technique row */
		if (nev >= 0) {
			char d[16];

			fprintf(s->f, "$E%zu << EOD\n", j + 1);
			for (size_t i = 0; i < p->na; i++)
				for (size_t m = 0; m < p->ev[i].n; m++) {
					size_t r = p->ev[i].m[m].r;

					if (r > 0) {
						r--;
						if (r > 10 && ntech > 12)
							r = 11;	/* the twelfth row: every other technique */
						r++;
					}
					fprintf(s->f, "%s %zu\n", ease_fmt_date(p->ev[i].m[m].day, d), r);
					used[r] = 1;
				}
			fputs("EOD\n", s->f);
			nrows = (int)(ntech > 12 ? 12 : ntech) + 1;
		}
		panel_title(s, p->group, title_or(s, t));
		time_axis(s->f, s->lo, s->hi, 0, s->o->term == EASE_GP_DUMB, plot_cells(s));
		double range = hi - lo, bottom = lo - 0.08 * range * (nrows + 1);
		fputs("set yrange [", s->f);
		ease_gp_num(s->f, nev >= 0 ? bottom : lo - 0.05 * range);
		fputs(":", s->f);
		ease_gp_num(s->f, hi + 0.05 * range);
		fputs("]\n", s->f);
		if (nev >= 0) {
			double st = pow(10, floor(log10(range / 5))), q = range / 5 / st;

			st *= q < 1.5 ? 1 : q < 3.5 ? 2 : 5;
			fputs("set ytics ", s->f);
			ease_gp_num(s->f, floor(lo / st) * st);
			fputs(", ", s->f);
			ease_gp_num(s->f, st);
			fputs("\n", s->f);
		}
		if (nf == 1) {
			axis_label(s, 0, lab, sizeof lab);
			set_text(s->f, "ylabel", lab);
		} else {
			char one[120];

			lab[0] = '\0';
			for (int k = 0; k < nf; k++) {
				axis_label(s, k, one, sizeof one);
				snprintf(lab + strlen(lab), sizeof lab - strlen(lab), "%s%s",
					 k ? ", " : "", one);
			}
			set_text(s->f, "ylabel", lab);
		}
		if (ny2 >= 0) {
			axis_label(s, ny2, lab, sizeof lab);
			set_text(s->f, "y2label", lab);
			fputs("set ytics nomirror\nset y2tics\n", s->f);
		}
		/* the key: column names cut as technique names are, their words kept */
		char msfx[48];
		keyent e[2 * 8 + 1 + 13];
		size_t ne = 0;

		snprintf(msfx, sizeof msfx, ", %ld-day mean", o->smooth);
		for (int k = 0; k < nf; k++) {
			e[ne++] = (keyent){s->name[k], EASE_GP_MAXKEY, o->smooth ? strlen(" (days)") : 0};
			if (o->smooth)
				e[ne++] = (keyent){s->name[k], EASE_GP_MAXKEY, strlen(msfx)};
		}
		if (ny2 >= 0)
			e[ne++] = (keyent){s->name[ny2], EASE_GP_MAXKEY, strlen(" (right axis)")};
		for (int r = 0; nev >= 0 && r < nrows; r++)
			if (used[r])
				e[ne++] = (keyent){marker_label(tn, r, ntech), EASE_GP_MAXKEY, 0};
		key_below(s, e, ne, 12, s->np);
		fputs("plot ", s->f);
		for (int k = 0; k < nf; k++) {
			fputs(first ? "" : ", \\\n     ", s->f);
			trend_src(&tr, j, k);
			fprintf(s->f, " with %s lt %d title ",
				o->smooth ? "points pt 7 ps 0.35" : "linespoints pt 7 ps 0.4 lw 1.5", k + 1);
			first = 0;
			key_text(s, s->name[k], o->smooth ? " (days)" : NULL, EASE_GP_MAXKEY);
			if (o->smooth) {
				fputs(", \\\n     ", s->f);
				trend_src(&tr, j, nf + k);
				fprintf(s->f, " with lines lt %d lw 2.5 title ", k + 1);
				key_text(s, s->name[k], msfx, EASE_GP_MAXKEY);
			}
		}
		if (ny2 >= 0) {
			fputs(", \\\n     ", s->f);
			trend_src(&tr, j, tr.nser - 1);
			fprintf(s->f, " axes x1y2 with lines lt %d dt 2 title ", nf + 1);
			key_text(s, s->name[ny2], " (right axis)", EASE_GP_MAXKEY);
		}
		for (int r = 0; nev >= 0 && r < nrows; r++) {
			if (!used[r])
				continue;
			double y = lo - 0.08 * range * (r + 1);
			char ys[48];

			ease_fmt_num(y, 10, ys);
			/* a row without a session that day draws nothing */
			/* never pt 7, the days' own points (a letter each in text) */
			static const int mark[13] = {1, 5, 6, 9, 4, 8, 13, 10, 12, 11, 14, 3, 2};
			fprintf(s->f, ", \\\n     $E%zu using 1:($2 == %d ? %s : NaN) with points lt %d pt %d ps 1.2 title ",
				j + 1, r, ys, r % 8 + 1, mark[r]);
			key_text(s, marker_label(tn, r, ntech), NULL, EASE_GP_MAXKEY);
		}
		fputc('\n', s->f);
	}
	end_panels(s);
	ease_technames_free(tn);
	for (size_t j = 0; j < tr.np; j++)
		tpanel_free(&tr, &tr.p[j]);
	free(tr.p);
	s->np = 0;
	s->npanels = tr.np;
	for (int k = 0; k < nf; k++)
		free(f[k]);
	free(f);
}

/* ---- scatter and lags: pairs a calendar LAG apart ---- */

/*
 * The pairs x on day d, y on day d + LAG, both present, as ease-corr makes
 * them; returns how many.  A panel holds every calendar day, so its days
 * are its first and the ones after.
 */
static size_t
pairs(panel *p, long lag, double *x, double *y)
{
	if (p->day == NULL) {
		p->day = ease_xmalloc((size_t)(p->n ? p->n : 1) * sizeof *p->day);
		for (long i = 0; i < p->n; i++)
			p->day[i] = p->first + i;
	}
	return ease_corr_lag_pairs(p->day, p->v[0], p->v[1], (size_t)p->n, lag, x, y);
}

static int
all_whole(const double *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] != floor(v[i]))
			return 0;
	return n > 0;
}

/* Whether the N values are all the same (N >= 1). */
static int
constant(const double *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (v[i] != v[0])
			return 0;
	return n > 0;
}

/* Same data, same picture: jitter from a fixed sequence. */
static double
jitter(unsigned long *st)
{
	*st ^= *st << 13;
	*st ^= *st >> 7;
	*st ^= *st << 17;
	return ((double)(*st % 10001) / 10000.0 - 0.5) * 0.4;
}

static void
need_xy(const plot *s)
{
	if (s->o->corr.x == NULL || s->o->corr.y == NULL)
		ease_usage("%s needs -x COL and -y COL", kind_names[s->o->kind]);
	if (strchr(s->o->corr.x, ',') || strchr(s->o->corr.y, ','))
		ease_usage("-x and -y: one column each for a plot");
}

/* No pair at any lag from LO to HI in any panel: nothing to draw. */
static void
no_pairs(plot *s, long lo, long hi)
{
	char w[300], b1[80], b2[80];

	for (size_t j = 0; j < s->np; j++) {
		panel *p = &s->p[j];
		double *x = ease_xmalloc((size_t)p->n * sizeof *x + 8);
		double *y = ease_xmalloc((size_t)p->n * sizeof *y + 8);
		size_t n = 0;

		for (long k = lo; k <= hi && n == 0; k++)
			n = pairs(p, k, x, y);
		free(x);
		free(y);
		if (n)
			return;
	}
	if (lo == 0 && hi == 0)
		snprintf(w, sizeof w, "no day has both '%s' and '%s'",
			 ease_shown(s->name[0], b1, sizeof b1), ease_shown(s->name[1], b2, sizeof b2));
	else
		snprintf(w, sizeof w, "no day has '%s' with '%s' %ld to %ld days later",
			 ease_shown(s->name[0], b1, sizeof b1), ease_shown(s->name[1], b2, sizeof b2),
			 lo, hi);
	no_data(s, w);
}

/*
 * The points of a scatter.  More pairs than twice the canvas is wide: a
 * point drawn again on the same place (the same values, jitter and all)
 * only darkens the antialiased edge of its dot, which 16 draws make as
 * dark as it gets (a 100,000-day diary's PNG then differs from every
 * row's in no pixel by more than 10%), so a place is written 16 times at
 * most, in the order of the pairs; fewer pairs: every one, as ever.
 */
enum { SCATTER_DRAWS = 16 };

static void
scatter_points(plot *s, const double *x, const double *y, size_t n)
{
	size_t cols = 2 * (size_t)(s->o->term == EASE_GP_DUMB ? (s->o->width ? s->o->width : 80)
					: (s->o->width ? s->o->width : 800));
	size_t nslot = 16, *slot = NULL;
	unsigned char *times = NULL;

	if (n > cols) {
		while (nslot < 2 * n)
			nslot *= 2;
		slot = ease_xcalloc(nslot, sizeof *slot);
		times = ease_xcalloc(nslot, 1);
	}
	for (size_t i = 0; i < n; i++) {
		if (slot) {
			double xy[2] = {x[i] == 0 ? 0 : x[i], y[i] == 0 ? 0 : y[i]};	/* -0 is 0's place */
			size_t h = (size_t)ease_hash_bytes(EASE_HASH_START, xy, sizeof xy) & (nslot - 1);

			while (slot[h] && !(x[slot[h] - 1] == x[i] && y[slot[h] - 1] == y[i]))
				h = (h + 1) & (nslot - 1);
			if (slot[h] && times[h] >= SCATTER_DRAWS)
				continue;
			slot[h] = slot[h] ? slot[h] : i + 1;
			times[h]++;
		}
		ease_gp_num(s->f, x[i]);
		fputc(' ', s->f);
		ease_gp_num(s->f, y[i]);
		fputc('\n', s->f);
	}
	free(slot);
	free(times);
}

static void
plot_scatter(plot *s)
{
	ease_plot_opts *o = s->o;
	const char *names[2] = {o->corr.x, o->corr.y};
	long lag;
	char t[400], sp[40], lab[300];

	need_xy(s);
	if (o->corr.lags_given == 2)
		ease_usage("scatter takes --lag K; --lags is for the lags plot");
	lag = o->corr.lag_lo;
	load(s, names, 2, 0);
	no_pairs(s, lag, lag);
	span(s->lo, s->hi, sp, sizeof sp);
	if (lag)
		snprintf(t, sizeof t, "%s against %s %ld day%s %s, %s", s->name[1], s->name[0],
			 labs(lag), labs(lag) == 1 ? "" : "s", lag > 0 ? "before" : "after", sp);
	else
		snprintf(t, sizeof t, "%s against %s on the same day, %s", s->name[1], s->name[0], sp);
	begin_panels(s, title_or(s, t));
	for (size_t j = 0; j < s->np; j++) {
		panel *p = &s->p[j];
		double *x = ease_xmalloc((size_t)p->n * sizeof *x + 8);
		double *y = ease_xmalloc((size_t)p->n * sizeof *y + 8);
		size_t n = pairs(p, lag, x, y);
		/* a constant is not spread: jitter would draw it as if it varied */
		int cx = constant(x, n), cy = constant(y, n);
		int jx = all_whole(x, n) && !cx, jy = all_whole(y, n) && !cy;
		unsigned long st = 2463534242UL;
		ease_corr r;
		ease_comom m = {0};
		double a, b;

		ease_corr_test(EASE_PEARSON, x, y, n, &r);
		/* the line from the sums ease-corr's Pearson keeps */
		for (size_t i = 0; i < n; i++)
			ease_comom_add(&m, x[i], y[i]);
		ease_comom_line(&m, &a, &b);
		fprintf(s->f, "$P%zu << EOD\n", j + 1);
		for (size_t i = 0; i < n; i++) {
			x[i] += jx ? jitter(&st) : 0;
			y[i] += jy ? jitter(&st) : 0;
		}
		scatter_points(s, x, y, n);
		fputs("EOD\n", s->f);
		panel_title(s, p->group, title_or(s, t));
		axis_label(s, 0, lab, sizeof lab);
		if (lag)
			snprintf(lab + strlen(lab), sizeof lab - strlen(lab), ", day d");
		set_fit(s, "xlabel", lab);
		axis_label(s, 1, lab, sizeof lab);
		if (lag)
			snprintf(lab + strlen(lab), sizeof lab - strlen(lab), ", day d%+ld", lag);
		set_text(s->f, "ylabel", lab);
		fputs("set offsets graph 0.03, graph 0.03, graph 0.03, graph 0.03\n", s->f);
		/* a constant's axis one unit either side, not gnuplot's tiny one */
		if (cx) {
			fputs("set xrange [", s->f);
			ease_gp_num(s->f, x[0] - 1);
			fputc(':', s->f);
			ease_gp_num(s->f, x[0] + 1);
			fputs("]\n", s->f);
		}
		if (cy) {
			fputs("set yrange [", s->f);
			ease_gp_num(s->f, y[0] - 1);
			fputc(':', s->f);
			ease_gp_num(s->f, y[0] + 1);
			fputs("]\n", s->f);
		}
		/*
		 * The points, the line, and r on an entry of its own: joined to
		 * the line's, it was cut on a narrow canvas.
		 */
		char pts[120], rtext[256], ra[48], rb[48], rc[48], na[48], nb[48];
		keyent e[3];
		size_t ne = 0;

		snprintf(pts, sizeof pts, "%zu days%s", n,
			 jx || jy ? " (whole numbers jittered by up to 0.2)" : "");
		ease_fmt_num(r.r, 2, ra);
		ease_fmt_num(r.ci_lo, 2, rb);
		ease_fmt_num(r.ci_hi, 2, rc);
		if (isnan(r.r))
			snprintf(rtext, sizeof rtext, "r not defined, n = %zu", n);
		else if (isnan(r.ci_lo))
			snprintf(rtext, sizeof rtext, "Pearson r = %s, n = %zu", ra, n);
		else
			snprintf(rtext, sizeof rtext, "Pearson r = %s (95%% CI %s to %s), n = %zu",
				 ra, rb, rc, n);
		e[ne++] = (keyent){pts, EASE_GP_MAXTEXT, 0};
		if (!isnan(b)) {
			e[ne++] = (keyent){"least-squares line", EASE_GP_MAXTEXT, 0};
			e[ne++] = (keyent){rtext, EASE_GP_MAXTEXT, 0};
		}
		key_below(s, e, ne, 12, s->np);
		fprintf(s->f, "plot $P%zu using 1:2 with points lt 1 pt 7 ps 0.5 title ", j + 1);
		key_text(s, pts, NULL, EASE_GP_MAXTEXT);
		if (!isnan(b)) {
			/* the slope may be negative: "a + -b * x" is still gnuplot */
			fprintf(s->f, ", \\\n     %s + %s * x with lines lt 2 lw 2.5 title ",
				ease_fmt_num(a, 10, na), ease_fmt_num(b, 10, nb));
			key_text(s, "least-squares line", NULL, EASE_GP_MAXTEXT);
			/* no sample: the words belong to the line above */
			fputs(", \\\n     keyentry with lines lt bgnd title ", s->f);
			key_text(s, rtext, NULL, EASE_GP_MAXTEXT);
		}
		fputc('\n', s->f);
		free(x);
		free(y);
	}
	end_panels(s);
}

static void
plot_lags(plot *s)
{
	ease_plot_opts *o = s->o;
	const char *names[2] = {o->corr.x, o->corr.y};
	long lo = -7, hi = 7;
	int methods[EASE_NMETHODS], nm = 0;
	char t[400], sp[40], lab[300];

	need_xy(s);
	if (o->corr.lags_given) {
		lo = o->corr.lag_lo;
		hi = o->corr.lag_hi;
	}
	if (o->corr.nmethods) {
		for (int i = 0; i < o->corr.nmethods; i++)
			methods[nm++] = o->corr.methods[i];
	} else {
		methods[nm++] = EASE_PEARSON;
		methods[nm++] = EASE_SPEARMAN;
	}
	load(s, names, 2, 0);
	no_pairs(s, lo, hi);
	span(s->lo, s->hi, sp, sizeof sp);
	snprintf(t, sizeof t, "%s and %s at lags %ld to %ld days, %s", s->name[0], s->name[1],
		 lo, hi, sp);
	begin_panels(s, title_or(s, t));
	for (size_t j = 0; j < s->np; j++) {
		panel *p = &s->p[j];
		double *x = ease_xmalloc((size_t)p->n * sizeof *x + 8);
		double *y = ease_xmalloc((size_t)p->n * sizeof *y + 8);
		int first = 1;
		double ylo = 0, yhi = 0;	/* zero stays in sight */

		for (int m = 0; m < nm; m++) {
			fprintf(s->f, "$L%zu_%d << EOD\n", j + 1, m + 1);
			for (long k = lo; k <= hi; k++) {
				size_t n = pairs(p, k, x, y);
				ease_corr r;

				ease_corr_test(methods[m], x, y, n, &r);
				if (!isnan(r.ci_lo) && r.ci_lo < ylo)
					ylo = r.ci_lo;
				if (!isnan(r.ci_hi) && r.ci_hi > yhi)
					yhi = r.ci_hi;
				if (!isnan(r.r)) {
					ylo = fmin(ylo, r.r);
					yhi = fmax(yhi, r.r);
				}
				fprintf(s->f, "%ld ", k);
				ease_gp_num(s->f, r.r);
				fputc(' ', s->f);
				ease_gp_num(s->f, r.ci_lo);
				fputc(' ', s->f);
				ease_gp_num(s->f, r.ci_hi);
				fputc('\n', s->f);
			}
			fputs("EOD\n", s->f);
		}
		panel_title(s, p->group, title_or(s, t));
		snprintf(lab, sizeof lab, "lag (days): %s on day d, %s on day d + lag",
			 s->name[0], s->name[1]);
		set_fit(s, "xlabel", lab);
		set_text(s->f, "ylabel", "correlation");
		/* the data's range in tenths: r near 0 would be a flat line in -1..1 */
		ylo = fmax(-1, floor(ylo * 10 - 0.5) / 10);
		yhi = fmin(1, ceil(yhi * 10 + 0.5) / 10);
		fprintf(s->f, "set xrange [%ld:%ld]\nset yrange [%g:%g]\nset xzeroaxis lt -1\n",
			lo - (lo == hi), hi + (lo == hi), ylo, yhi);
		fprintf(s->f, "set xtics %ld\nset style fill transparent solid 0.2 noborder\n",
			hi - lo > 30 ? (hi - lo) / 10 : 1);
		{
			keyent e[EASE_NMETHODS];
			const char *sfx = o->term == EASE_GP_DUMB ? " (bars: 95% CI)" : " (band: 95% CI)";

			for (int m = 0; m < nm; m++)
				e[m] = (keyent){ease_corr_method_name(methods[m]), EASE_GP_MAXTEXT, strlen(sfx)};
			key_below(s, e, (size_t)nm, 12, s->np);
		}
		fputs("plot ", s->f);
		for (int m = 0; m < nm; m++) {
			const char *mn = ease_corr_method_name(methods[m]);

			if (o->term == EASE_GP_DUMB) {
				/* a filled band in characters hides the lines: bars */
				fprintf(s->f, "%s$L%zu_%d using 1:2:3:4 with yerrorbars lt %d pt 0 notitle, \\\n     $L%zu_%d using 1:2 with linespoints lt %d pt %d title ",
					first ? "" : ", \\\n     ", j + 1, m + 1, m + 1, j + 1, m + 1, m + 1, m + 1);
				key_text(s, mn, " (bars: 95% CI)", EASE_GP_MAXTEXT);
				first = 0;
				continue;
			}
			fprintf(s->f, "%s$L%zu_%d using 1:3:4 with filledcurves lt %d notitle",
				first ? "" : ", \\\n     ", j + 1, m + 1, m + 1);
			fprintf(s->f, ", \\\n     $L%zu_%d using 1:2 with linespoints lt %d pt 7 title ",
				j + 1, m + 1, m + 1);
			key_text(s, mn, " (band: 95% CI)", EASE_GP_MAXTEXT);
			first = 0;
		}
		fputc('\n', s->f);
		free(x);
		free(y);
	}
	end_panels(s);
}

/* ---- calendar ---- */

static void
plot_calendar(plot *s)
{
	ease_plot_opts *o = s->o;
	char **f, t[400], sp[40], lab[200];
	int nf;

	split_fields(o->fields ? o->fields : "pain", &f, &nf);
	if (nf != 1)
		ease_usage("calendar: -f takes one column");
	load(s, (const char *const *)f, 1, 0);
	{
		int one;
		char b[80];

		if (!two_days(s, 0, &one) && !one) {
			snprintf(t, sizeof t, "'%s' has no value in any row%s",
				 ease_shown(s->name[0], b, sizeof b),
				 ease_window_active(s->c) ? " in the date window" : "");
			no_data(s, t);
		}
	}
	span(s->lo, s->hi, sp, sizeof sp);
	snprintf(t, sizeof t, "%s by day, %s (blank: nothing recorded)", s->name[0], sp);
	if (o->term == EASE_GP_DUMB)
		snprintf(t, sizeof t, "%s by day (rounded), %s (blank: nothing recorded)", s->name[0], sp);
	begin_panels(s, title_or(s, t));
	for (size_t j = 0; j < s->np; j++) {
		panel *p = &s->p[j];
		long y0, y;
		int m0, m, d, nmon;

		ease_civil_from_days(p->first, &y0, &m0, &d);
		ease_civil_from_days(p->first + p->n - 1, &y, &m, &d);
		nmon = (int)((y - y0) * 12 + (m - m0) + 1);
		if (nmon > s->rows)
			s->rows = nmon;
		fprintf(s->f, "$C%zu << EOD\n", j + 1);
		for (long i = 0; i < p->n; i++) {
			if (isnan(p->v[0][i]))
				continue;
			ease_civil_from_days(p->first + i, &y, &m, &d);
			fprintf(s->f, "%d %ld ", d, (y - y0) * 12 + (m - m0));
			ease_gp_num(s->f, p->v[0][i]);
			/* the text's number, half away from zero (gnuplot's %.0f: to even) */
			fputc(' ', s->f);
			ease_gp_num(s->f, round(p->v[0][i]) + 0.0);
			fputc('\n', s->f);
		}
		fputs("EOD\n", s->f);
		panel_title(s, p->group, title_or(s, t));
		fputs("set xrange [0.5:31.5]\nset xtics 1,2,31 nomirror\nset tics scale 0\nunset grid\n", s->f);
		fprintf(s->f, "set yrange [%d.5:-0.5]\nset ytics (", nmon - 1);
		for (int k = 0; k < nmon; k++) {
			long yy = y0 + (m0 - 1 + k) / 12;
			int mm = (m0 - 1 + k) % 12 + 1;
			int every = nmon > 24 ? 3 : 1;

			if (k % every)
				continue;
			if (mm == 1 || k == 0 || nmon <= 24)
				fprintf(s->f, "%s'%s %ld' %d", k ? ", " : "", month_abbr[mm - 1], yy, k);
			else
				fprintf(s->f, ", '%s' %d", month_abbr[mm - 1], k);
		}
		fputs(") nomirror\n", s->f);
		set_fit(s, "xlabel", "day of the month");
		fputs("unset ylabel\n", s->f);
		axis_label(s, 0, lab, sizeof lab);
		set_text(s->f, "cblabel", lab);
		/* light to dark, readable without telling red from green */
		fputs("set palette defined (0 '#FFF7BC', 0.35 '#FEC44F', 0.7 '#D95F0E', 1 '#662506')\n", s->f);
		if (s->role[0] == EASE_R_PAIN || s->role[0] == EASE_R_PAIN_MAX ||
		    s->role[0] == EASE_R_STRESS || s->role[0] == EASE_R_MOOD)
			fputs("set cbrange [0:10]\n", s->f);
		fputs("set key off\nset style fill solid 1.0 noborder\n", s->f);
		if (o->term == EASE_GP_DUMB)	/* no colours in text: the values themselves */
			fprintf(s->f, "unset colorbox\nplot $C%zu using 1:2:(sprintf('%%.0f', $4)) with labels notitle\n",
				j + 1);
		else
			fprintf(s->f, "plot $C%zu using 1:2:(0.47):(0.47):3 with boxxyerror lc palette notitle\n",
				j + 1);
	}
	end_panels(s);
	free(f[0]);
	free(f);
}

/* ---- medication ---- */

static void
plot_meds(plot *s)
{
	ease_plot_opts *o = s->o;
	char **f, t[400], sp[40], lab[200];
	const char *names[2];
	int nf;
	trend tr = {0};

	split_fields(o->fields ? o->fields : "meds_doses", &f, &nf);
	if (nf != 1)
		ease_usage("meds: -f takes one column");
	names[0] = f[0];
	names[1] = o->y2 ? o->y2 : "pain";
	tr.s = s;
	tr.meds = 1;
	tr.block = "M";
	tr.nser = 2;
	tr.nwin = 2;
	tr.ny2 = tr.nev = -1;
	tr.w = 1;
	tr.cols = 2L * (o->term == EASE_GP_DUMB ? (o->width ? o->width : 80) : (o->width ? o->width : 800));
	tr.lo = tr.hi = NOVAL;
	trend_load(&tr, names, 2);
	span(s->lo, s->hi, sp, sizeof sp);
	snprintf(t, sizeof t, "%s per week and %s (7-day mean), %s", s->name[0], s->name[1], sp);
	if (tr.w > 1)
		fprintf(s->f, "# %ld days a point: of each %ld days drawn, the mean's first, lowest, highest and last value; %s\n",
			tr.w, tr.w, tr.w <= 8 ? "every week's bar" : "a bar as high as the highest week's");
	begin_panels(s, title_or(s, t));
	for (size_t j = 0; j < s->np; j++) {
		tpanel *p = &tr.p[j];

		trend_blocks(&tr, j);
		panel_title(s, p->group, title_or(s, t));
		time_axis(s->f, s->lo, s->hi, 4, s->o->term == EASE_GP_DUMB, plot_cells(s));
		snprintf(lab, sizeof lab, "%s per 7 days", s->name[0]);
		set_text(s->f, "ylabel", lab);
		axis_label(s, 1, lab, sizeof lab);
		set_text(s->f, "y2label", lab);
		fputs("set yrange [0:*]\nset ytics nomirror\nset y2tics\n", s->f);
		if (s->role[1] == EASE_R_PAIN)
			fputs("set y2range [0:10]\n", s->f);
		/* a bar a week, 6 days wide; or a bar a span, as wide as the span */
		fprintf(s->f, "set boxwidth %ld absolute\nset style fill solid 0.55 border\n",
			tr.w <= 8 ? 518400L : tr.w * 86400);
		{
			static const char tot[] = ", 7-day total (weeks with 5+ days recorded)";
			static const char mean[] = ", 7-day mean";
			keyent e[2] = {{s->name[0], EASE_GP_MAXKEY, sizeof tot - 1},
				       {s->name[1], EASE_GP_MAXKEY, sizeof mean - 1}};

			key_below(s, e, 2, 12, s->np);
			fputs("plot ", s->f);
			trend_src(&tr, j, 0);
			fputs(" with boxes lt 5 title ", s->f);
			key_text(s, s->name[0], tot, EASE_GP_MAXKEY);
			fputs(", \\\n     ", s->f);
			trend_src(&tr, j, 1);
			fputs(" axes x1y2 with lines lt 1 lw 2.5 title ", s->f);
			key_text(s, s->name[1], mean, EASE_GP_MAXKEY);
		}
		fputc('\n', s->f);
	}
	end_panels(s);
	for (size_t j = 0; j < tr.np; j++)
		tpanel_free(&tr, &tr.p[j]);
	free(tr.p);
	free(tr.val);
	s->np = 0;
	s->npanels = tr.np;
	free(f[0]);
	free(f);
}

/* ---- relief ---- */

typedef struct rgroup {
	char *name;		/* technique, or "all sessions" */
	double *t;
	int *ev;
	size_t n, cap;
} rgroup;

typedef struct rpanel {
	char *subject;
	rgroup *g;
	size_t ng, gcap;
} rpanel;

typedef struct rstate {
	plot *s;
	long lo, hi;		/* first and last session */
	rpanel *p;
	size_t np, pcap;
} rstate;

static void
radd(rpanel *p, const char *name, long days, int ended)
{
	size_t i;

	for (i = 0; i < p->ng && strcmp(p->g[i].name, name) != 0; i++)
		;
	if (i == p->ng) {
		ease_grow((void **)&p->g, &p->gcap, p->ng + 1, sizeof *p->g);
		memset(&p->g[i], 0, sizeof p->g[i]);
		p->g[i].name = ease_xstrdup(name);
		p->ng++;
	}
	rgroup *g = &p->g[i];
	ease_grow((void **)&g->t, &g->cap, g->n + 1, sizeof *g->t);
	g->ev = ease_xrealloc(g->ev, g->cap * sizeof *g->ev);
	g->t[g->n] = (double)days;
	g->ev[g->n++] = ended;
}

static void
on_session(void *ctx, long day, const char *subject, const char *const *tech,
	   size_t ntech, long days, int ended)
{
	rstate *r = ctx;
	rpanel *p = NULL;

	if (r->s->o->subject && strcmp(subject, r->s->o->subject) != 0)
		return;
	if (r->np == 0 || day < r->lo)
		r->lo = day;
	if (r->np == 0 || day > r->hi)
		r->hi = day;
	for (size_t i = 0; i < r->np; i++)
		if (strcmp(r->p[i].subject, subject) == 0)
			p = &r->p[i];
	if (p == NULL) {
		ease_grow((void **)&r->p, &r->pcap, r->np + 1, sizeof *r->p);
		p = &r->p[r->np++];
		memset(p, 0, sizeof *p);
		p->subject = ease_xstrdup(subject);
		radd(p, "all sessions", 0, 0);
		p->g[0].n = 0;
	}
	radd(p, "all sessions", days, ended);
	for (size_t i = 0; i < ntech; i++)
		radd(p, tech[i], days, ended);
}

static void
plot_relief(plot *s)
{
	ease_relief_opts ro;
	rstate r;
	char t[400], lab[600], sp[40];

	memset(&r, 0, sizeof r);
	r.s = s;
	ease_relief_opts_init(&ro);
	ro.margin = s->o->margin;
	ro.session = on_session;
	ro.ctx = &r;
	ease_relief_run(s->c, &ro);
	if (r.np == 0) {
		char b[80];

		ease_die(EASE_EX_DATA, "no session of subject '%s' to plot",
			 ease_shown(s->o->subject ? s->o->subject : "", b, sizeof b));
	}
	if (r.np > EASE_PLOT_MAX_PANELS)
		ease_usage("%zu subjects: a plot stacks %d panels at most; pick one with --subject ID (or select some with ease-select)",
			   r.np, EASE_PLOT_MAX_PANELS);
	s->np = r.np;		/* for the panels */
	span(r.lo, r.hi, sp, sizeof sp);
	snprintf(t, sizeof t, "how long relief lasts (%g point%s below baseline), %s",
		 s->o->margin, s->o->margin == 1 ? "" : "s", sp);
	/* a technique keeps its colour from panel to panel */
	ease_strset *seen = ease_strset_new();
	long ntn = 0;

	for (size_t j = 0; j < r.np; j++)
		for (size_t k = 1; k < r.p[j].ng; k++)
			ntn += ease_strset_put(seen, r.p[j].g[k].name, ntn, &(long){0});
	begin_panels(s, title_or(s, t));
	for (size_t j = 0; j < r.np; j++) {
		rpanel *p = &r.p[j];
		int first = 1;
		double tmax = 1;
		size_t *ncens = ease_xcalloc(p->ng + 1, sizeof *ncens);

		for (size_t k = 0; k < p->ng; k++) {
			rgroup *g = &p->g[k];
			ease_km_curve *c = ease_km_fit(g->t, g->ev, g->n);

			fprintf(s->f, "$K%zu_%zu << EOD\n0 1\n", j + 1, k + 1);
			for (size_t i = 0; i < c->k; i++) {
				ease_gp_num(s->f, c->time[i]);
				fputc(' ', s->f);
				ease_gp_num(s->f, c->surv[i]);
				fputc('\n', s->f);
				tmax = fmax(tmax, c->time[i]);
			}
			fputs("EOD\n", s->f);
			fprintf(s->f, "$X%zu_%zu << EOD\n", j + 1, k + 1);
			for (size_t i = 0; i < c->k; i++)
				if (c->ncens[i] > 0 && ++ncens[k]) {
					ease_gp_num(s->f, c->time[i]);
					fputc(' ', s->f);
					ease_gp_num(s->f, c->surv[i]);
					fputc('\n', s->f);
				}
			fputs("EOD\n", s->f);
			ease_km_free(c);
		}
		if (s->np > 1) {
			snprintf(lab, sizeof lab, "%s %s", s->c->by ? s->c->by : "subject", p->subject);
			set_fit(s, "title", lab);
		} else if (p->subject[0] && !s->o->title) {
			snprintf(lab, sizeof lab, "%s %s: ", s->c->by ? s->c->by : "subject", p->subject);
			snprintf(lab + strlen(lab), sizeof lab - strlen(lab), "%s", t);
			set_fit(s, "title", lab);
		} else
			set_fit(s, "title", title_or(s, t));
		{
			/* what the crosses mean, where the width holds it */
			static const char why[] = "days since the session (censored: the next session came first, or the data ended)";
			double wc, hr;

			ease_gp_cells(s->o->term, s->o->width, panel_height(s, r.np), &wc, &hr);
			set_fit(s, "xlabel", sizeof why - 1 <= wc - 2 * 12 ? why : "days since the session");
		}
		set_text(s->f, "ylabel", "share of sessions still in relief");
		fprintf(s->f, "set xrange [0:%g]\nset xtics %g\nset yrange [0:1.05]\n",
			tmax + 0.5, tmax > 20 ? ceil(tmax / 10) : 1);
		{
			static const char censored[] = "censored";
			keyent *e = ease_xcalloc(p->ng + 1, sizeof *e);
			char cnt[32];

			for (size_t k = 0; k < p->ng; k++) {
				e[k].text = p->g[k].name;
				e[k].cap = EASE_GP_MAXKEY;
				e[k].fixed = (size_t)snprintf(cnt, sizeof cnt, " (%zu)", p->g[k].n);
			}
			e[p->ng].text = censored;
			e[p->ng].cap = EASE_GP_MAXTEXT;
			key_below(s, e, p->ng + 1, 12, r.np);
			free(e);
			fputs("plot ", s->f);
			for (size_t k = 0; k < p->ng; k++) {
				rgroup *g = &p->g[k];
				long idx = 0;

				if (k > 0)
					ease_strset_put(seen, g->name, 0, &idx);
				/* "all sessions" black and thick; each technique a style of its own */
				fprintf(s->f, "%s$K%zu_%zu using 1:2 with steps ", first ? "" : ", \\\n     ",
					j + 1, k + 1);
				if (k == 0)
					fputs("lt 7 lw 3 dt 2", s->f);
				else {
					ease_gp_series(s->f, (size_t)idx);
					fputs(" lw 2", s->f);
				}
				fputs(" title ", s->f);
				snprintf(cnt, sizeof cnt, " (%zu)", g->n);
				key_text(s, g->name, cnt, EASE_GP_MAXKEY);
				if (ncens[k]) {
					fprintf(s->f, ", \\\n     $X%zu_%zu using 1:2 with points ", j + 1, k + 1);
					if (k == 0)
						fputs("lt 7", s->f);
					else
						ease_gp_series(s->f, (size_t)idx);
					fputs(" pt 1 ps 1.5 notitle", s->f);
				}
				first = 0;
			}
			fputs(", \\\n     keyentry with points lc rgb '#000000' pt 1 title ", s->f);
			key_text(s, censored, NULL, EASE_GP_MAXTEXT);
			fputc('\n', s->f);
		}
		free(ncens);
	}
	end_panels(s);
	ease_strset_free(seen);
	for (size_t j = 0; j < r.np; j++) {
		for (size_t k = 0; k < r.p[j].ng; k++) {
			free(r.p[j].g[k].name);
			free(r.p[j].g[k].t);
			free(r.p[j].g[k].ev);
		}
		free(r.p[j].g);
		free(r.p[j].subject);
	}
	free(r.p);
	s->npanels = s->np;
	s->np = 0;
}

/* ---- profile and techniques: ease-prepost's --event rows ---- */

typedef struct ppstate {
	ease_prepost_result *r;
	size_t n, cap;
} ppstate;

static void
on_result(void *ctx, const ease_prepost_result *r)
{
	ppstate *p = ctx;

	ease_grow((void **)&p->r, &p->cap, p->n + 1, sizeof *p->r);
	p->r[p->n] = *r;
	p->r[p->n].sentence = NULL;	/* valid during the call only */
	p->r[p->n++].group = ease_xstrdup(r->group);
}

/* ease-prepost --event on the options of the plot, its rows into P. */
static void
prepost_rows(plot *s, ppstate *p, int profile)
{
	ease_prepost_opts *po = &s->o->pp;

	if (s->o->subject)
		ease_usage("%s plots pool every subject, as ease-prepost does; for one subject, select it first: ease-select --where 'subject=ID' | ease-plot %s",
			   kind_names[s->o->kind], kind_names[s->o->kind]);
	if (po->event == NULL)
		po->event = "massage";
	if (po->value == NULL)
		po->value = "pain";
	/* --by here is ease-prepost's: the lines, not the panels */
	po->by = s->c->by;
	s->c->by = NULL;
	if (!profile && po->by == NULL)
		po->by = "technique";
	po->profile = profile;
	if (po->model)
		po->design = EASE_PP_NONE;	/* the model is a design of its own */
	po->result = on_result;
	po->ctx = p;
	ease_prepost_check(po, s->c);
	memset(p, 0, sizeof *p);
	ease_prepost_run(s->c, po);
	s->reported = 1;
	/* "all" comes last; without a value in it gnuplot has nothing to draw */
	int any = 0;

	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->r[i].group, "all") == 0 && p->r[i].n > 0)
			any = 1;
	if (!any)
		ease_die(EASE_EX_DATA, "no event with %s recorded on enough days around it to plot (%d before, %d after; --before and --after set them)",
			 po->value, po->before, po->after);
}

/* ", 2026-03-01 to 2026-05-31": the date window given, for the title */
static void
window_words(const ease_common *c, char *buf, size_t n)
{
	char a[16], b[16];

	buf[0] = '\0';
	if (c->has_since && c->has_until)
		snprintf(buf, n, ", %s to %s", ease_fmt_date(c->since, a), ease_fmt_date(c->until, b));
	else if (c->has_since)
		snprintf(buf, n, ", from %s", ease_fmt_date(c->since, a));
	else if (c->has_until)
		snprintf(buf, n, ", until %s", ease_fmt_date(c->until, b));
	else if (c->last)
		snprintf(buf, n, ", last %ld days", c->last);
}

static void
free_rows(ppstate *p)
{
	for (size_t i = 0; i < p->n; i++)
		free((char *)p->r[i].group);
	free(p->r);
}

static void
plot_profile(plot *s)
{
	ease_prepost_opts *po = &s->o->pp;
	ppstate p;
	char t[400], lab[300], win[64];
	size_t ng = 0, nall = 0;
	int width;

	prepost_rows(s, &p, 1);
	width = po->before + po->after + 1;
	ng = p.n / (size_t)width;
	nall = p.r[p.n - 1].n;
	for (size_t i = 0; i < p.n; i++)
		if (p.r[i].offset == 0 && strcmp(p.r[i].group, "all") == 0)
			nall = p.r[i].n;
	window_words(s->c, win, sizeof win);
	snprintf(t, sizeof t, "%s around days with %s (%zu events%s), mean and 95%% CI",
		 po->value, po->event, nall, win);
	for (size_t g = 0; g < ng; g++) {
		fprintf(s->f, "$P%zu << EOD\n", g + 1);
		for (int k = 0; k < width; k++) {
			const ease_prepost_result *r = &p.r[g * (size_t)width + (size_t)k];

			fprintf(s->f, "%d ", r->offset);
			ease_gp_num(s->f, r->mean);
			fputc(' ', s->f);
			ease_gp_num(s->f, r->ci_lo);
			fputc(' ', s->f);
			ease_gp_num(s->f, r->ci_hi);
			fputc('\n', s->f);
		}
		fputs("EOD\n", s->f);
	}
	set_fit(s, "title", title_or(s, t));
	snprintf(lab, sizeof lab, "days from the day with %s (0: that day)", po->event);
	set_fit(s, "xlabel", lab);
	snprintf(lab, sizeof lab, "%s, mean over the events", po->value);
	set_text(s->f, "ylabel", lab);
	fprintf(s->f, "set xrange [%g:%g]\nset xtics 1\n", -po->before - 0.5, po->after + 0.5);
	fputs("set style fill transparent solid 0.15 noborder\n", s->f);
	/* the event day: a line across the whole height */
	fputs("set arrow 1 from 0, graph 0 to 0, graph 1 nohead lc rgb '#555555' dt 2 lw 1.5\n", s->f);
	set_text(s->f, "label 1", "event day");
	fputs("set label 1 at 0, graph 0.96 offset 2,0\n", s->f);
	{
		char alltext[80];
		keyent *e = ease_xcalloc(ng + 1, sizeof *e);

		snprintf(alltext, sizeof alltext, "%s, 95%% CI %s", ng > 1 ? "all events" : "mean",
			 s->o->term == EASE_GP_DUMB ? "bars" : "band");
		for (size_t g = 0; g < ng; g++) {
			e[g].text = g == ng - 1 ? alltext : p.r[g * (size_t)width].group;
			e[g].cap = g == ng - 1 ? EASE_GP_MAXTEXT : EASE_GP_MAXKEY;
		}
		key_below(s, e, ng, 12, 1);
		free(e);
		fputs("plot ", s->f);
		for (size_t g = 0; g < ng; g++) {
			const char *name = p.r[g * (size_t)width].group;
			int all = g == ng - 1;

			/* with a line per technique only "all" has its band: many hide each other */
			if (!all)
				fputs(g ? ", \\\n     " : "", s->f);
			else if (s->o->term == EASE_GP_DUMB)
				fprintf(s->f, "%s$P%zu using 1:2:3:4 with yerrorbars lt 7 pt 0 notitle, \\\n     ",
					g ? ", \\\n     " : "", g + 1);
			else
				fprintf(s->f, "%s$P%zu using 1:3:4 with filledcurves lt 7 notitle, \\\n     ",
					g ? ", \\\n     " : "", g + 1);
			fprintf(s->f, "$P%zu using 1:2 with linespoints ", g + 1);
			/* "all" black, each technique a style of its own */
			if (all)
				fputs("lt 7", s->f);
			else
				ease_gp_series(s->f, g);
			fprintf(s->f, " lw %s pt 7 title ", all && ng > 1 ? "3 dt 2" : "2");
			key_text(s, all ? alltext : name, NULL, all ? EASE_GP_MAXTEXT : EASE_GP_MAXKEY);
		}
	}
	fputc('\n', s->f);
	free_rows(&p);
}

static void
plot_techniques(plot *s)
{
	ease_prepost_opts *po = &s->o->pp;
	ppstate p;
	char t[400], lab[300], win[64];
	int lower, pain_like, dumb = s->o->term == EASE_GP_DUMB;

	/*
	 * "Which technique" has one answer: the day-after model, as ease-report
	 * gives it; the before/after window view only when asked for
	 */
	if (!s->o->window_view)
		po->model = 1;
	prepost_rows(s, &p, 0);
	/* a row without a change draws nothing; with none at all gnuplot has no x range */
	int drawn = 0;

	for (size_t i = 0; i < p.n; i++)
		drawn |= isfinite(p.r[i].mean);
	if (!drawn)
		ease_die(EASE_EX_DATA, po->model ?
			 "no change in %s could be estimated for any %s: too few days for the day-after model (the lines above say why; --terms none needs fewer days, --window draws the before/after view)" :
			 "no change in %s could be estimated for any %s: too few days around the events",
			 po->value, po->by);
	lower = p.r[0].lower;
	pain_like = p.r[0].pain_like;
	window_words(s->c, win, sizeof win);
	/* the order is by size; only a shown effect is marked, never called best */
	if (po->model) {
		char days[32] = "the day";

		if (po->after > 1)
			snprintf(days, sizeof days, "the %d days", po->after);
		snprintf(t, sizeof t, "%s on %s after %s against other days, by %s%s, largest change first, * shown",
			 po->value, days, po->event, po->by, win);
	} else
		snprintf(t, sizeof t, "%s %d days after vs %d before %s, by %s%s, largest change first, * shown",
			 po->value, po->after, po->before, po->event, po->by, win);
	/* a row each: its place from the top, the change and its CI, and where 30% better lies */
	fputs("$T << EOD\n", s->f);
	for (size_t i = 0; i < p.n; i++) {
		const ease_prepost_result *r = &p.r[i];

		fprintf(s->f, "%zu ", i + 1);
		ease_gp_num(s->f, r->mean);
		fputc(' ', s->f);
		ease_gp_num(s->f, r->ci_lo);
		fputc(' ', s->f);
		ease_gp_num(s->f, r->ci_hi);
		fputc(' ', s->f);
		ease_gp_num(s->f, pain_like ? 0.3 * fabs(r->before_mean) * (lower ? -1 : 1) : NAN);
		fputc('\n', s->f);
	}
	fputs("EOD\n", s->f);
	fputs("unset ylabel\n", s->f);
	/* the names take the width from the bars: a third of it at most */
	double wc, hr;
	size_t cut, widest = 0;
	char immpact[80];

	ease_gp_cells(s->o->term, s->o->width, panel_height(s, 1), &wc, &hr);
	cut = dumb ? 24 : 40;
	if (cut > wc / 3)
		cut = (size_t)(wc / 3);
	fprintf(s->f, "set yrange [%g:0.5]\nset ytics (", (double)p.n + 0.5);
	for (size_t i = 0; i < p.n; i++) {
		char *q, cnt[32];
		const char *name = i == p.n - 1 ? (po->model ? "all sessions" : "all events") : p.r[i].group;
		size_t len = strlen(name);

		snprintf(cnt, sizeof cnt, " (%zu)%s", p.r[i].n,
			 ease_infer_shown(p.r[i].verdict) ? " *" : "");
		/* the count stays whole: the name is cut */
		if (len + strlen(cnt) > cut) {
			size_t keep = cut > strlen(cnt) + 4 ? cut - strlen(cnt) - 3 : 1;

			q = ease_gp_quote(name, keep);
			q[strlen(q) - 1] = '\0';
			fprintf(s->f, "%s%s%s\" %zu", i ? ", " : "", q, cnt, i + 1);
			len = keep + 3;
		} else {
			q = ease_gp_quote(name, 3 * len + 1);	/* whole: U+FFFD is 3 bytes */
			q[strlen(q) - 1] = '\0';
			fprintf(s->f, "%s%s%s\" %zu", i ? ", " : "", q, cnt, i + 1);
		}
		free(q);
		if (len + strlen(cnt) > widest)
			widest = len + strlen(cnt);
	}
	fputs(") nomirror noenhanced\nset ytics scale 0\nset grid xtics noytics\n", s->f);
	/* fewer than two rows of text a name: a smaller font keeps the names apart */
	if (!dumb && hr < 2.0 * (double)p.n)
		fputs("set ytics font ',8'\n", s->f);
	/* the names, a gap and the tics at the left */
	s->side = (int)widest + 4;
	set_fit(s, "title", title_or(s, t));
	if (po->model)
		snprintf(lab, sizeof lab, "change in %s against other days (%s is better)", po->value,
			 lower ? "left" : "right");
	else
		snprintf(lab, sizeof lab, "change in %s, after - before (%s is better)", po->value,
			 lower ? "left" : "right");
	set_fit(s, "xlabel", lab);
	fputs("set yzeroaxis lt -1\nset offsets graph 0.05, graph 0.05, 0, 0\n", s->f);
	snprintf(immpact, sizeof immpact, dumb ? "IMMPACT: 30%% %s" : "IMMPACT: 30%% %s than before",
		 lower ? "lower" : "higher");
	{
		keyent e[2] = {{"mean change, 95% CI", EASE_GP_MAXTEXT, 0},
			       {immpact, EASE_GP_MAXTEXT, 0}};

		key_below(s, e, pain_like ? 2 : 1, s->side, 1);
	}
	fputs("plot ", s->f);
	if (!dumb)
		fputs("$T using ($2/2):1:(abs($2)/2):(0.3) with boxxyerror fill solid 0.45 noborder lt 1 notitle, \\\n     ", s->f);
	/* in text an error bar's key sample is three rows high, over the x label */
	if (dumb)
		fputs("$T using 2:1:3:4 with xerrorbars lt 1 lc rgb '#000000' pt 7 notitle, \\\n     keyentry with points lc rgb '#000000' pt 7 title ", s->f);
	else
		fputs("$T using 2:1:3:4 with xerrorbars lt 1 lc rgb '#000000' pt 7 ps 1.2 lw 1.5 title ", s->f);
	key_text(s, "mean change, 95% CI", NULL, EASE_GP_MAXTEXT);
	if (pain_like) {
		fputs(", \\\n     $T using 5:($1 - 0.4):(0):(0.8) with vectors nohead lt 6 lw 3 title ", s->f);
		key_text(s, immpact, NULL, EASE_GP_MAXTEXT);
	}
	fputc('\n', s->f);
	free_rows(&p);
}

/* ---- plan: a trial's schedule, and the diary's days in it ---- */

/*
 * The units of the schedule as boxes the height of the plot, one colour an
 * arm (each arm's units a datablock of their own: boxes take their colour
 * from the plot command, so that the key names the arm); block boundaries as
 * dashed lines; the planned sessions as ticks at the foot; and with a diary
 * its column (-f, pain) over the trial's days.
 */
static void
plot_plan(plot *s)
{
	ease_plot_opts *o = s->o;
	ease_plan_file P;
	char t[600], sp[40], d0[16], d1[16], lab[200], **f = NULL;
	int nf = 0, diary = s->c->nfiles > 0, dumb = o->term == EASE_GP_DUMB;
	long lo, hi;
	double ylo = 0, yhi = 1;
	panel *p = NULL;
	keyent *e;
	size_t ne = 0;

	ease_plan_read(&P, o->plan);
	lo = P.ufirst[0];
	hi = P.ulast[P.nunits - 1];
	if (diary) {
		split_fields(o->fields ? o->fields : "pain", &f, &nf);
		if (nf != 1)
			ease_usage("plan: -f takes one column");
		load(s, (const char *const *)f, 1, 0);
		if (s->np > 1)
			ease_usage("%zu subjects: a trial is one person's; pick one with --subject ID",
				   s->np);
		p = &s->p[0];
		ylo = INFINITY;
		yhi = -INFINITY;
		for (long i = 0; i < p->n; i++) {
			long day = p->first + i;

			if (day < lo || day > hi || isnan(p->v[0][i]))
				continue;
			ylo = fmin(ylo, p->v[0][i]);
			yhi = fmax(yhi, p->v[0][i]);
		}
		if (!isfinite(ylo)) {
			char b[80];

			snprintf(t, sizeof t, "'%s' has no value on a day of the trial (%s to %s)",
				 ease_shown(s->name[0], b, sizeof b), ease_fmt_date(lo, d0),
				 ease_fmt_date(hi, d1));
			no_data(s, t);
		}
		if (s->role[0] == EASE_R_PAIN || s->role[0] == EASE_R_PAIN_MAX)
			ylo = fmin(ylo, 0), yhi = fmax(yhi, 10);
		if (yhi - ylo < 1e-9)
			yhi = ylo + 1;
	}
	span(lo, hi, sp, sizeof sp);
	snprintf(t, sizeof t, "Trial of %d arms in %ld blocks of a %s each%s%s, %s", P.k, P.blocks,
		 P.unit == EASE_PLAN_WEEK ? "week" : "session", diary ? ", with " : "",
		 diary ? s->name[0] : "", sp);

	/* every unit, by arm: the middle of its days and its width in seconds */
	for (int a = 0; a < P.k; a++) {
		fprintf(s->f, "$A%d << EOD\n", a + 1);
		for (long u = 0; u < P.nunits; u++) {
			long n = P.ulast[u] - P.ufirst[u] + 1;

			if (P.uarm[u] != a)
				continue;
			/* seconds: the boxes' x is time, and a day is 86400 of them */
			fprintf(s->f, "%s %ld\n", ease_fmt_date(P.ufirst[u], d0),
				n * 86400);
		}
		fputs("EOD\n", s->f);
	}
	fputs("$S << EOD\n", s->f);
	for (size_t i = 0; i < P.ns; i++)
		fprintf(s->f, "%s\n", ease_fmt_date(P.sday[i], d0));
	fputs("EOD\n", s->f);
	if (diary) {
		panel q = *p;
		double *cols[1];

		/* the trial's days only: the rest is off the x range anyway */
		if (q.first < lo) {
			long cut = lo - q.first < q.n ? lo - q.first : q.n;

			cols[0] = q.v[0] + cut;
			q.first += cut;
			q.n -= cut;
		} else
			cols[0] = q.v[0];
		if (q.first + q.n - 1 > hi)
			q.n = hi - q.first + 1 > 0 ? hi - q.first + 1 : 0;
		day_block(s->f, "D1", &q, cols, 1);
	}
	set_fit(s, "title", title_or(s, t));
	time_axis(s->f, lo, hi + 1, 0, dumb, plot_cells(s));
	fputs("set yrange [", s->f);
	ease_gp_num(s->f, ylo);
	fputs(":", s->f);
	ease_gp_num(s->f, yhi);
	fputs("]\n", s->f);
	if (diary) {
		axis_label(s, 0, lab, sizeof lab);
		set_text(s->f, "ylabel", lab);
	} else
		fputs("unset ytics\nunset ylabel\n", s->f);
	for (long b = 1; b < P.blocks; b++)
		fprintf(s->f, "set arrow from '%s', graph 0 to '%s', graph 1 nohead dt 3 lc rgb '#555555'\n",
			ease_fmt_date(P.ufirst[b * P.k], d0), ease_fmt_date(P.ufirst[b * P.k], d1));
	/* boxes stand on the foot of the plot, wherever the y range starts */
	fputs("set style fill transparent solid 0.3 noborder\n", s->f);
	e = ease_xcalloc((size_t)P.k + 2, sizeof *e);
	for (int a = 0; a < P.k; a++)
		e[ne++] = (keyent){P.arms[a], EASE_GP_MAXKEY, 0};
	e[ne++] = (keyent){"planned session", EASE_GP_MAXTEXT, 0};
	if (diary)
		e[ne++] = (keyent){s->name[0], EASE_GP_MAXKEY, 0};
	key_below(s, e, ne, 12, 1);
	free(e);
	fputs("plot ", s->f);
	for (int a = 0; a < P.k; a++) {
		char top[48];

		ease_fmt_num(yhi, 10, top);
		/* a box from the unit's first day, as wide as its days */
		fprintf(s->f, "%s$A%d using (timecolumn(1) + $2 / 2):(%s):2 with boxes lc %d title ",
			a ? ", \\\n     " : "", a + 1, top, a % 8 + 1);
		key_text(s, P.arms[a], NULL, EASE_GP_MAXKEY);
	}
	{
		char foot[48];

		ease_fmt_num(ylo + (yhi - ylo) * 0.03, 10, foot);
		fprintf(s->f, ", \\\n     $S using 1:(%s) with points pt 9 ps 1 lc rgb '#000000' title 'planned session'",
			foot);
	}
	if (diary) {
		fputs(", \\\n     $D1 using 1:2 with linespoints pt 7 ps 0.4 lw 1.5 lc rgb '#000000' title ", s->f);
		key_text(s, s->name[0], NULL, EASE_GP_MAXKEY);
	}
	fputc('\n', s->f);
	for (int i = 0; i < nf; i++)
		free(f[i]);
	free(f);
	ease_plan_file_free(&P);
}

/* ---- the run ---- */

int
ease_plot_run(ease_common *c, ease_plot_opts *o)
{
	plot s;
	char *buf = NULL;
	size_t len = 0;
	int term = o->term, w = o->width, h = o->height;

	if (c->output)
		o->output = c->output;	/* -o is parsed with the common options */
	if (o->kind < 0)
		ease_usage("which plot? trend, scatter, lags, calendar, meds, relief, profile, techniques or plan");
	if (o->plan && o->kind != EASE_PLOT_PLAN)
		ease_usage("--plan is for plan plots (ease-plot plan --plan schedule.csv [diary.csv])");
	if (o->kind == EASE_PLOT_PLAN && !o->plan)
		ease_usage("plan needs --plan FILE: the schedule ease-plan wrote");
	if (o->output) {
		int t = ease_gp_term_of_path(o->output);

		if (t < 0 && term == 0)
			ease_usage("-o: '%s' does not end in .png, .svg, .pdf or .txt (or give -T)", o->output);
		if (t < 0)
			t = term;	/* -o /dev/stdout -T dumb */
		if (term && term != t)
			ease_usage("-T %s and -o %s disagree; give one", o->term == EASE_GP_PNG ? "png" :
				   o->term == EASE_GP_SVG ? "svg" : o->term == EASE_GP_PDF ? "pdf" : "dumb",
				   o->output);
		term = t;
	}
	o->term = term;
	if (o->smooth && o->kind != EASE_PLOT_TREND)
		ease_usage("--smooth is for trend plots");
	if (o->events && o->kind != EASE_PLOT_TREND)
		ease_usage("--events is for trend plots");
	if (o->y2 && o->kind != EASE_PLOT_TREND && o->kind != EASE_PLOT_MEDS)
		ease_usage("--y2 is for trend and meds plots");
	if ((o->pp.event || o->pp.value || o->pp_window) && o->kind != EASE_PLOT_PROFILE &&
	    o->kind != EASE_PLOT_TECHNIQUES)
		ease_usage("--event, --value, --before, --after and --direction are for profile and techniques plots (trend marks sessions with --events)");
	if (o->pp.model && o->kind != EASE_PLOT_TECHNIQUES)
		ease_usage("--model is for techniques plots");
	if (o->window_view && o->pp.model)
		ease_usage("--model and --window (or --before): one view of the techniques a run");
	if (o->window_view && o->kind != EASE_PLOT_TECHNIQUES && o->kind != EASE_PLOT_PROFILE)
		ease_usage("--window is for techniques plots");

	memset(&s, 0, sizeof s);
	s.c = c;
	s.o = o;
	s.f = open_memstream(&buf, &len);
	if (s.f == NULL)
		ease_die(EASE_EX_SOFTWARE, "open_memstream: out of memory");
	fprintf(s.f, "# ease-plot %s, ease %s; run it: gnuplot -p FILE\n", kind_names[o->kind],
		EASE_VERSION);

	/* the preamble goes after the data are read: panels change the size */
	FILE *body = s.f;
	char *bbuf = NULL;
	size_t blen = 0;
	s.f = open_memstream(&bbuf, &blen);
	switch (o->kind) {
	case EASE_PLOT_TREND:
		plot_trend(&s);
		break;
	case EASE_PLOT_SCATTER:
		plot_scatter(&s);
		break;
	case EASE_PLOT_LAGS:
		plot_lags(&s);
		break;
	case EASE_PLOT_CALENDAR:
		plot_calendar(&s);
		break;
	case EASE_PLOT_MEDS:
		plot_meds(&s);
		break;
	case EASE_PLOT_RELIEF:
		plot_relief(&s);
		break;
	case EASE_PLOT_PROFILE:
		plot_profile(&s);
		break;
	case EASE_PLOT_TECHNIQUES:
		plot_techniques(&s);
		break;
	case EASE_PLOT_PLAN:
		plot_plan(&s);
		break;
	}
	/*
	 * A memory stream that could not grow has lost the end of the script,
	 * and says so only by its error flag: fclose still returns 0.
	 */
	int lost = ferror(s.f);

	if (fclose(s.f) != 0 || lost)
		ease_die(EASE_EX_SOFTWARE, "out of memory: the script could not grow past %zu bytes; free memory or raise the limit (ulimit -v)",
			 blen);
	size_t npanels = s.npanels ? s.npanels : s.np ? s.np : 1;
	/* a calendar of many months grows downwards, a row a month */
	if (h == 0 && s.rows > 18)
		h = term == EASE_GP_DUMB ? 8 + s.rows * (int)npanels
					 : 110 + 18 * s.rows * (int)npanels;
	if (h == 0 && npanels > 1)
		h = term == EASE_GP_DUMB ? (int)(12 * npanels + 2) : (int)(300 * npanels + 60);
	ease_gp_preamble(body, term, w, h);
	lost = fwrite(bbuf, 1, blen, body) != blen || ferror(body);
	free(bbuf);
	if (fclose(body) != 0 || lost)
		ease_die(EASE_EX_SOFTWARE, "out of memory: the script could not grow past %zu bytes; free memory or raise the limit (ulimit -v)",
			 len);

	if (o->output)
		ease_gp_run(buf, len, o->output, term, c->files, c->nfiles);
	else {
		/* the writer's checks: 74 on a failed write, a quiet SIGPIPE on a closed pipe */
		ease_writer *out = ease_writer_open(NULL, EASE_FMT_CSV, c->files, c->nfiles);

		ease_w_bytes(out, buf, len);
		ease_writer_close(out);
	}
	free(buf);
	for (size_t j = 0; j < s.np; j++)
		free_panel(&s, &s.p[j]);
	free(s.p);
	for (int k = 0; k < s.ncol; k++)
		free(s.name[k]);
	free(s.name);
	free(s.role);
	free((char *)s.gname);
	free(s.file);
	if (!s.reported)
		ease_report_skipped();
	return 0;
}

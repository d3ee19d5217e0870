/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/corr.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lags beyond some 270 years pair nothing a diary can hold. */
#define MAX_LAG 100000L

static void
one_method(const char *name, void *ctx)
{
	ease_corr_opts *o = ctx;
	int m = ease_corr_method_by_name(name);
	char shown[64];

	if (m < 0)
		ease_usage("-m: no method '%s'; methods: pearson, spearman, kendall, all",
			   ease_shown(name, shown, sizeof shown));
	for (int k = 0; k < o->nmethods; k++)
		if (o->methods[k] == m)
			return;
	o->methods[o->nmethods++] = m;
}

void
ease_corr_parse_methods(ease_corr_opts *o, const char *arg)
{
	o->nmethods = 0;
	if (strcmp(arg, "all") == 0) {
		for (int m = 0; m < EASE_NMETHODS; m++)
			o->methods[o->nmethods++] = m;
		return;
	}
	ease_opt_each("-m", arg, one_method, o);
}

/* A whole number at *P, advancing it; 0 when there is none. */
static int
lag_num(const char **p, long *v)
{
	const char *s = *p;
	int neg = 0;
	long n = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		n = n * 10 + (*s - '0');
		if (n > MAX_LAG)
			return 0;
	}
	*v = neg ? -n : n;
	*p = s;
	return 1;
}

void
ease_corr_parse_lags(ease_corr_opts *o, const char *arg, int single)
{
	const char *p = arg;
	long a, b;

	if (o->lags_given && o->lags_given != (single ? 1 : 2))
		ease_usage("%s: --%s was given already; give one of --lag K or --lags A..B",
			   single ? "--lag" : "--lags", single ? "lags" : "lag");
	if (single) {
		if (!lag_num(&p, &a) || *p != '\0')
			ease_usage("--lag: '%s' is not a whole number of days from %ld to %ld",
				   arg, -MAX_LAG, MAX_LAG);
		o->lag_lo = o->lag_hi = a;
	} else {
		if (!lag_num(&p, &a) || strncmp(p, "..", 2) != 0 ||
		    (p += 2, !lag_num(&p, &b)) || *p != '\0' || a > b)
			ease_usage("--lags: '%s' is not A..B with whole numbers of days A <= B (e.g. -7..7)",
				   arg);
		o->lag_lo = a;
		o->lag_hi = b;
	}
	o->lags_given = single ? 1 : 2;
}

/* ---- the run ---- */

typedef struct var {
	int col;
	int slot;		/* the day reader's value slot; -1: parsed here */
	int dropped;		/* an unknown column that turned out to hold text */
	int had_num;
	int shown;		/* --matrix: has a column in the header */
	const char *name;
	double cur;		/* this row's value */
	double *v;		/* the group's values (stored path) */
	int has_nan;		/* ... and whether one is missing */
	/* lag-1 autocorrelation, fed day by day */
	ease_comom r1acc;
	long prev_day;
	double prev;
	int has_prev;
	double r1;
} var;

/* Why a result is empty: no day, fewer than 3, x, y or both constant. */
enum { WHY_NONE, WHY_FEW, WHY_X_CONST, WHY_Y_CONST, WHY_BOTH_CONST, WHY_N };

/* One reason's tally over the groups, told once at the end. */
typedef struct why_tally {
	size_t groups;		/* groups where it happened (at some lag) */
	size_t last_group;	/* 1 + the index of the last one counted */
	long lag_min, lag_max;
	char *first;		/* the first group's value */
} why_tally;

typedef struct pair {
	int x, y;		/* indices into vars */
	ease_comom acc;		/* streaming Pearson */
	why_tally why[WHY_N];	/* grouped runs: empty results, told at the end */
} pair;

typedef struct run {
	ease_common *c;
	const ease_corr_opts *o;
	ease_dayreader *dr;
	const ease_cols *cols;
	var *vars;
	size_t nvars, vcap;
	int *var_at;		/* per column its var + 1, 0 for none */
	pair *pairs;
	size_t npairs, pcap;
	size_t nmx, nmy;	/* --matrix: rows and columns */
	int methods[EASE_NMETHODS];
	int nmethods;
	long lag_lo, lag_hi;
	int streaming;
	int group_col;
	int explain;
	int header_done;
	char *group;
	size_t ngroups;		/* groups begun */
	int in_group;
	/* --lags cut to a group's span of dates */
	size_t ncut;
	long span_min, span_max;
	long *day;
	size_t n, cap;
	double *px, *py;	/* complete pairs of one pair at one lag */
	size_t pxcap;
	ease_writer *w;
} run;

static int
var_of(run *R, int col, int strict)
{
	/* by column, not by a scan of the vars: a header may have a million */
	if (R->var_at == NULL)
		R->var_at = ease_xcalloc(R->cols->n + 1, sizeof *R->var_at);
	if (R->var_at[col] > 0) {
		int i = R->var_at[col] - 1;

		if (strict && R->vars[i].slot < 0)
			R->vars[i].slot = ease_day_want(R->dr, col);
		return i;
	}
	/* two rows of results under one name could not be told apart */
	ease_cols_need_unique(R->cols, col);
	ease_grow((void **)&R->vars, &R->vcap, R->nvars + 1, sizeof *R->vars);
	memset(&R->vars[R->nvars], 0, sizeof *R->vars);
	R->vars[R->nvars].col = col;
	R->vars[R->nvars].name = R->cols->name[col];
	R->vars[R->nvars].slot = strict ? ease_day_want(R->dr, col) : -1;
	R->var_at[col] = (int)R->nvars + 1;
	return (int)R->nvars++;
}

/* The columns taken when none are named: numbers by role, or unknown ones. */
static size_t
auto_vars(run *R, int **out)
{
	int date_col = ease_day_date_col(R->dr);
	size_t k = 0;

	*out = ease_xcalloc(R->cols->n + 1, sizeof **out);
	for (size_t i = 0; i < R->cols->n; i++) {
		int role = R->cols->role[i];
		int type = ease_role_def(role)->type;

		if ((int)i == date_col || (int)i == R->group_col)
			continue;
		if (role == EASE_R_NONE)
			(*out)[k++] = var_of(R, (int)i, 0);
		else if (type == EASE_T_NUM || type == EASE_T_COUNT)
			(*out)[k++] = var_of(R, (int)i, 1);
	}
	return k;
}

static size_t
named_vars(run *R, const char *list, const char *opt, int **out)
{
	int *idx;
	size_t n = ease_cols_need_list(R->cols, list, opt, &idx);

	*out = ease_xcalloc(n + 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		if (idx[i] == ease_day_date_col(R->dr))
			ease_usage("%s: '%s' is the date column; lags take the dates into account",
				   opt, R->cols->name[idx[i]]);
		if (idx[i] == R->group_col)
			ease_usage("%s: '%s' is the column rows are grouped by", opt,
				   R->cols->name[idx[i]]);
		(*out)[i] = var_of(R, idx[i], 1);
	}
	free(idx);
	return n;
}

/*
 * The outcome a person asks about when naming no column: pain, else the
 * first of sleep_hours, stress, mood that the table has among VS; -1 if none.
 */
static int
outcome_var(run *R, const int *vs, size_t n)
{
	static const int roles[] = {EASE_R_PAIN, EASE_R_SLEEP_HOURS, EASE_R_STRESS,
				    EASE_R_MOOD};

	for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
		for (size_t i = 0; i < n; i++)
			if (R->cols->role[R->vars[vs[i]].col] == roles[r])
				return vs[i];
	return -1;
}

/*
 * Whether column C is computed from the outcome column O, so that their
 * correlation says nothing: the day's highest pain and its number of
 * ratings beside the mean pain, sleep efficiency beside the hours asleep,
 * and a column named after it (pain_sma7, pain_ema_hl7 from ease-smooth).
 */
static int
derived_from(run *R, int c, int o)
{
	int rc = R->cols->role[c], ro = R->cols->role[o];
	const char *nc = R->cols->norm[c], *no = R->cols->norm[o];
	size_t l = strlen(no);

	if (ro == EASE_R_PAIN && (rc == EASE_R_PAIN_MAX || rc == EASE_R_PAIN_N))
		return 1;
	if (ro == EASE_R_SLEEP_HOURS && rc == EASE_R_SLEEP_EFFICIENCY)
		return 1;
	return l > 0 && strncmp(nc, no, l) == 0 && nc[l] == '_';
}

static void
add_pair(run *R, int x, int y)
{
	/* past the limit only counted, for the message */
	if (R->npairs >= EASE_CORR_MAX_PAIRS) {
		R->npairs++;
		return;
	}
	ease_grow((void **)&R->pairs, &R->pcap, R->npairs + 1, sizeof *R->pairs);
	memset(&R->pairs[R->npairs], 0, sizeof *R->pairs);
	R->pairs[R->npairs].x = x;
	R->pairs[R->npairs].y = y;
	R->npairs++;
}

static void
plan(run *R)
{
	const ease_corr_opts *o = R->o;
	int *xs = NULL, *ys = NULL, *av = NULL;
	size_t nx = 0, ny = 0, na = 0;
	int lag0 = R->lag_lo == 0 && R->lag_hi == 0;

	if (o->x)
		nx = named_vars(R, o->x, "-x", &xs);
	if (o->y)
		ny = named_vars(R, o->y, "-y", &ys);
	if (!o->x || !o->y)
		na = auto_vars(R, &av);
	if (o->matrix) {
		if (!o->x) {
			xs = av;
			nx = na;
		}
		if (!o->y) {
			ys = av;
			ny = na;
		}
		for (size_t i = 0; i < nx; i++)
			for (size_t j = 0; j < ny; j++)
				add_pair(R, xs[i], ys[j]);
		R->nmx = nx;
		R->nmy = ny;
	} else if (!o->x && !o->y) {
		int out = o->all_pairs ? -1 : outcome_var(R, av, na);

		if (out >= 0) {
			for (size_t i = 0; i < na; i++)
				if (av[i] != out &&
				    !derived_from(R, R->vars[av[i]].col, R->vars[out].col))
					add_pair(R, av[i], out);
		} else
			for (size_t i = 0; i < na; i++)
				for (size_t j = i + 1; j < na; j++)
					add_pair(R, av[i], av[j]);
	} else if (!o->y) {
		for (size_t i = 0; i < nx; i++)
			for (size_t j = 0; j < na; j++)
				if (av[j] != xs[i])
					add_pair(R, xs[i], av[j]);
	} else if (!o->x) {
		for (size_t i = 0; i < na; i++)
			for (size_t j = 0; j < ny; j++)
				if (av[i] != ys[j])
					add_pair(R, av[i], ys[j]);
	} else {
		/* a column against itself is its autocorrelation, given a lag */
		for (size_t i = 0; i < nx; i++)
			for (size_t j = 0; j < ny; j++)
				if (xs[i] != ys[j] || !lag0)
					add_pair(R, xs[i], ys[j]);
	}
	if (R->npairs > EASE_CORR_MAX_PAIRS)
		ease_usage("%zu pairs of columns asked; at most %d in one run: name the columns with -x and -y",
			   R->npairs, EASE_CORR_MAX_PAIRS);
	if (R->npairs == 0) {
		char buf[512];

		ease_usage("no pair of columns to correlate (columns: %s)",
			   ease_cols_list(R->cols, buf, sizeof buf));
	}
	if (xs != av)
		free(xs);
	if (ys != av)
		free(ys);
	free(av);
}

/* ---- numbers in sentences ---- */

/*
 * V with D decimals, correctly rounded (the tools never set a locale, so the
 * C library's is "C" and its point a '.'); no "-0.00".
 */
static char *
fixed(double v, int d, char *buf, size_t n)
{
	snprintf(buf, n, "%.*f", d, v);
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
	return buf;
}

/*
 * |V| as printed with D decimals.  The words of --explain are chosen from
 * the numbers as the reader sees them: r = -0.0968 shown as -0.10 is not
 * "negligible", p = 0.0496 shown as 0.050 is not below 0.05.
 */
static double
as_shown(double v, int d)
{
	char buf[400];

	return fabs(strtod(fixed(v, d, buf, sizeof buf), NULL));
}

/* p as the sentence prints it: below 0.001 as is, else to 3 decimals. */
static double
pp_shown(double p)
{
	return p < 0.001 ? p : as_shown(p, 3);
}

/* p as people read it: "< 0.001" or 3 decimals. */
static char *
p_text(double p, char *buf, size_t n)
{
	if (p < 0.001)
		snprintf(buf, n, "< 0.001");
	else
		fixed(p, 3, buf, n);
	return buf;
}

static void
human(const char *name, char *buf, size_t n, int cap)
{
	size_t i = 0;

	for (; *name && i + 1 < n; name++, i++)
		buf[i] = *name == '_' ? ' ' : *name;
	buf[i] = '\0';
	if (cap && buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

static const char *
why_empty(size_t n, int x_const, int y_const)
{
	if (n == 0)
		return "no day has both values";
	if (n < 3)
		return "fewer than 3 days have both values";
	if (x_const && y_const)
		return "neither column varies";
	if (x_const)
		return "the first column does not vary";
	return "the second column does not vary";
}

static void
sentence(run *R, const pair *p, long lag, int method, const ease_corr *res,
	 double p_adj, int x_const, int y_const)
{
	static const char *const mname[] = {"Pearson", "Spearman", "Kendall"};
	static const char *const sym[] = {"r", "\xcf\x81", "\xcf\x84"};
	char s[1024], xn[256], yn[256], when[64], a[32], b[32], c[32], pv[40];
	double r = res->r, ar = as_shown(r, 2), pp = isnan(p_adj) ? res->p : p_adj;
	size_t len;

	if (isnan(r)) {
		snprintf(s, sizeof s, "No estimate: %s.", why_empty(res->n, x_const, y_const));
		ease_w_str(R->w, s);
		return;
	}
	human(R->vars[p->x].name, xn, sizeof xn, 0);
	human(R->vars[p->y].name, yn, sizeof yn, 1);
	if (lag == 0)
		snprintf(when, sizeof when, "on days with");
	else if (lag == 1)
		snprintf(when, sizeof when, "on the day after");
	else if (lag == -1)
		snprintf(when, sizeof when, "on the day before");
	else
		snprintf(when, sizeof when, "%ld days %s", labs(lag),
			 lag > 0 ? "after" : "before");
	/*
	 * Kendall's tau runs smaller than Pearson's r for the same association;
	 * on a bivariate normal r = sin(pi tau / 2) (Greiner), so tau as printed
	 * is put on r's scale before the strength words are picked.
	 */
	if (method == 2)
		ar = sin(3.14159265358979323846 * ar / 2);
	if (ar < 0.1 && pp_shown(pp) >= 0.05)
		len = (size_t)snprintf(s, sizeof s, "%s hardly changes %s more %s, a negligible correlation",
				       yn, when, xn);
	else
		len = (size_t)snprintf(s, sizeof s, "%s tends to be %s %s more %s, a %s %s correlation%s",
				       yn, r > 0 ? "higher" : "lower", when, xn,
				       ar < 0.1 ? "very weak" : ar < 0.3 ? "weak" :
				       ar < 0.5 ? "moderate" : "strong",
				       r > 0 ? "positive" : "negative",
				       ar < 0.1 ? ", unlikely to be chance alone" : "");
	len += (size_t)snprintf(s + len, sizeof s - len, " (%s %s = %s", mname[method],
				sym[method], fixed(r, 2, a, sizeof a));
	if (!isnan(res->ci_lo))
		len += (size_t)snprintf(s + len, sizeof s - len, ", 95%% CI %s to %s",
					fixed(res->ci_lo, 2, b, sizeof b),
					fixed(res->ci_hi, 2, c, sizeof c));
	if (pp < 0.001)
		snprintf(pv, sizeof pv, "< 0.001");
	else
		snprintf(pv, sizeof pv, "= %s", fixed(pp, 3, a, sizeof a));
	/* from here on, p as printed (above 0.001, rounded to 3 decimals) */
	pp = pp_shown(pp);
	len += (size_t)snprintf(s + len, sizeof s - len, ", n = %zu days; %s %s)",
				res->n, isnan(p_adj) ? "unadjusted p" : "adjusted p", pv);
	if (len < sizeof s && res->n < 30)
		len += (size_t)snprintf(s + len, sizeof s - len, ". Few days: read with care");
	if (len < sizeof s && pp >= 0.05)
		len += (size_t)snprintf(s + len, sizeof s - len, ". This could well be chance");
	if (len < sizeof s - 1)
		snprintf(s + len, sizeof s - len, ".");
	ease_w_str(R->w, s);
}

/* ---- a group's rows ---- */

static void
group_begin(run *R, const char *group)
{
	free(R->group);
	R->group = ease_xstrdup(group);
	R->in_group = 1;
	R->ngroups++;
	R->n = 0;
	for (size_t i = 0; i < R->nvars; i++) {
		var *v = &R->vars[i];

		memset(&v->r1acc, 0, sizeof v->r1acc);
		v->has_prev = 0;
		v->has_nan = 0;
	}
	for (size_t i = 0; i < R->npairs; i++)
		memset(&R->pairs[i].acc, 0, sizeof R->pairs[i].acc);
}

static void
r1_feed(var *v, long day, double x)
{
	if (v->has_prev && v->prev_day == day - 1 && !isnan(v->prev) && !isnan(x))
		ease_comom_add(&v->r1acc, v->prev, x);
	v->prev_day = day;
	v->prev = x;
	v->has_prev = 1;
}

/* This row's values; 0 when --skip-bad drops the row. */
static int
row_values(run *R, const ease_dayrow *row)
{
	for (size_t i = 0; i < R->nvars; i++) {
		var *v = &R->vars[i];
		const char *cell, *why = NULL;
		int st;

		if (v->slot >= 0) {
			v->cur = row->v[v->slot];
			continue;
		}
		if (v->dropped)
			continue;
		cell = row->rec->f[v->col];
		st = ease_cols_num(R->cols, v->col, cell, R->c->decimal_comma,
				   &v->cur, &why);
		if (st == EASE_V_OK)
			v->had_num = 1;
		else if (st == EASE_V_MISSING)
			v->cur = NAN;
		else {
			/*
			 * a column of words was never asked for: leave it out;
			 * a number ease cannot take (1.2 with --decimal-comma) is told
			 */
			if (v->had_num || ease_num_why(cell, R->c->decimal_comma)) {
				char shown[64];

				ease_warn("column '%s' left out: %s:%ld: '%s' %s",
					  v->name, row->file, row->line,
					  ease_shown(cell, shown, sizeof shown), why);
			}
			v->dropped = 1;
		}
	}
	return 1;
}

static void
row_add(run *R, const ease_dayrow *row)
{
	if (R->streaming) {
		for (size_t i = 0; i < R->nvars; i++)
			if (!R->vars[i].dropped)
				r1_feed(&R->vars[i], row->day, R->vars[i].cur);
		for (size_t i = 0; i < R->npairs; i++) {
			double x = R->vars[R->pairs[i].x].cur, y = R->vars[R->pairs[i].y].cur;

			if (!isnan(x) && !isnan(y))
				ease_comom_add(&R->pairs[i].acc, x, y);
		}
		return;
	}
	if (R->n == R->cap) {
		size_t cap = R->cap ? 2 * R->cap : 1024;

		R->day = ease_xrealloc(R->day, cap * sizeof *R->day);
		for (size_t i = 0; i < R->nvars; i++)
			R->vars[i].v = ease_xrealloc(R->vars[i].v, cap * sizeof(double));
		R->cap = cap;
	}
	R->day[R->n] = row->day;
	for (size_t i = 0; i < R->nvars; i++) {
		R->vars[i].v[R->n] = R->vars[i].cur;
		R->vars[i].has_nan |= isnan(R->vars[i].cur);
	}
	R->n++;
}

size_t
ease_corr_lag_pairs(const long *day, const double *x, const double *y, size_t n, long lag,
		    double *px, double *py)
{
	size_t k = 0, j = 0;

	for (size_t i = 0; i < n; i++) {
		long want = day[i] + lag;

		if (isnan(x[i]))
			continue;
		/* days rise strictly, so the partner only moves forward */
		while (j < n && day[j] < want)
			j++;
		if (j == n)
			break;
		if (day[j] == want && !isnan(y[j])) {
			px[k] = x[i];
			py[k] = y[j];
			k++;
		}
	}
	return k;
}

/* The complete pairs (x on day d, y on day d + LAG) into px, py. */
static size_t
lag_pairs(run *R, const var *x, const var *y, long lag)
{
	/* the pair buffers are never longer than a group, made when first wanted */
	if (R->pxcap < R->n) {
		free(R->px);
		R->px = ease_xmalloc(2 * R->cap * sizeof *R->px);
		R->py = R->px + R->cap;
		R->pxcap = R->cap;
	}
	return ease_corr_lag_pairs(R->day, x->v, y->v, R->n, lag, R->px, R->py);
}

/* "subjects", or "groups of 'COL'" for --by another column. */
static const char *
groups_noun(run *R, char *buf, size_t n)
{
	if (R->cols->role[R->group_col] == EASE_R_SUBJECT)
		snprintf(buf, n, "subjects");
	else
		snprintf(buf, n, "groups of '%s'", R->cols->name[R->group_col]);
	return buf;
}

static void
warn_empty(run *R, pair *p, long lag, size_t n, int xc, int yc)
{
	char l[48] = "";
	int why = n == 0 ? WHY_NONE : n < 3 ? WHY_FEW : xc && yc ? WHY_BOTH_CONST
		  : xc ? WHY_X_CONST : WHY_Y_CONST;

	if (R->group_col >= 0) {
		/* with many subjects, one line per pair and reason (why_report) */
		why_tally *t = &p->why[why];

		if (t->groups == 0 || lag < t->lag_min)
			t->lag_min = lag;
		if (t->groups == 0 || lag > t->lag_max)
			t->lag_max = lag;
		if (t->last_group != R->ngroups) {
			if (t->groups++ == 0)
				t->first = ease_xstrdup(R->group);
			t->last_group = R->ngroups;
		}
		return;
	}
	if (lag != 0)
		snprintf(l, sizeof l, " at lag %ld", lag);
	if (n >= 3 && (xc || yc))
		ease_warn("%s vs %s%s: '%s' does not vary over the %zu days with both values; r left empty",
			  R->vars[p->x].name, R->vars[p->y].name, l,
			  xc ? R->vars[p->x].name : R->vars[p->y].name, n);
	else
		ease_warn("%s vs %s%s: %s; r left empty", R->vars[p->x].name,
			  R->vars[p->y].name, l, why_empty(n, 0, 0));
}

/* The empty results of a grouped run: how many groups, for each pair and reason. */
static void
why_report(run *R)
{
	for (size_t i = 0; i < R->npairs; i++) {
		pair *p = &R->pairs[i];
		const char *xn = R->vars[p->x].name, *yn = R->vars[p->y].name;

		for (int why = 0; why < WHY_N; why++) {
			why_tally *t = &p->why[why];
			char noun[160], what[400], l[64] = "", shown[128];
			const char *verb = t->groups == 1 ? "has" : "have";

			if (t->groups == 0)
				continue;
			if (t->lag_min != t->lag_max)
				snprintf(l, sizeof l, " at some of lags %ld..%ld", t->lag_min,
					 t->lag_max);
			else if (t->lag_min != 0)
				snprintf(l, sizeof l, " at lag %ld", t->lag_min);
			switch (why) {
			case WHY_NONE:
				snprintf(what, sizeof what, "%s no day with both values", verb);
				break;
			case WHY_FEW:
				snprintf(what, sizeof what, "%s fewer than 3 days with both values",
					 verb);
				break;
			case WHY_BOTH_CONST:
				snprintf(what, sizeof what, "%s neither column varying", verb);
				break;
			default:
				snprintf(what, sizeof what,
					 "%s '%s' not varying over the days with both values", verb,
					 why == WHY_X_CONST ? xn : yn);
			}
			ease_warn("%zu of %zu %s %s for %s vs %s%s; r left empty (the first: '%s')",
				  t->groups, R->ngroups, groups_noun(R, noun, sizeof noun), what,
				  xn, yn, l, ease_shown(t->first, shown, sizeof shown));
			free(t->first);
			t->first = NULL;
		}
	}
}

static void
header(run *R)
{
	static const char *const cols[] = {
		"x", "y", "method", "lag", "n", "r", "ci_low", "ci_high", "p",
		"p_method", "r1_x", "r1_y", "n_eff", "p_adj"
	};

	if (R->group_col >= 0)
		ease_w_str(R->w, R->cols->name[R->group_col]);
	if (R->o->matrix) {
		ease_w_str(R->w, "x");
		/* known only now: which unknown columns turned out to be text */
		for (size_t j = 0; j < R->nmy; j++) {
			var *v = &R->vars[R->pairs[j].y];

			v->shown = !v->dropped;
			if (v->shown)
				ease_w_str(R->w, v->name);
		}
	} else {
		for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
			ease_w_str(R->w, cols[i]);
		if (R->explain)
			ease_w_str(R->w, "explain");
	}
	ease_w_end(R->w);
	R->header_done = 1;
}

enum { SHOW_EFFECT, SHOW_MEAN, SHOW_P };

/*
 * A number in a cell: --digits significant digits in CSV (for programs), and
 * for people in --format table: coefficients, intervals and autocorrelations
 * with 2 decimals, n_eff with 1, p as "< 0.001" or 3 decimals.
 */
static void
put_num(run *R, double v, int kind)
{
	char buf[48];

	if (R->c->format != EASE_FMT_TABLE || isnan(v)) {
		ease_w_num(R->w, v, R->c->digits);
		return;
	}
	if (kind == SHOW_P)
		p_text(v, buf, sizeof buf);
	else
		fixed(v, kind == SHOW_EFFECT ? 2 : 1, buf, sizeof buf);
	ease_w_str(R->w, buf);
}

/* One row (or --matrix cell): pair P by METHOD at LAG. */
static void
one_result(run *R, pair *p, int m, long lag, int warn)
{
	const var *x = &R->vars[p->x], *y = &R->vars[p->y];
	ease_corr res;
	double n_eff, p_adj;
	size_t n;
	int xc, yc;
	char buf[32];

	if (R->streaming) {
		n = (size_t)p->acc.n;
		xc = n >= 3 && !(p->acc.sxx > 0);
		yc = n >= 3 && !(p->acc.syy > 0);
		ease_corr_pearson_comom(&p->acc, &res);
	} else {
		const double *px, *py;

		/*
		 * At lag 0 with no day missing the pairs are the columns as
		 * stored: no copy, so a subject costs its columns and no more.
		 */
		if (lag == 0 && !x->has_nan && !y->has_nan) {
			n = R->n;
			px = x->v;
			py = y->v;
		} else {
			n = lag_pairs(R, x, y, lag);
			px = R->px;
			py = R->py;
		}
		xc = n >= 3 && ease_is_constant(px, n);
		yc = n >= 3 && ease_is_constant(py, n);
		ease_corr_test(m, px, py, n, &res);
	}
	/* once per pair and lag, not once per method */
	if (warn && (n < 3 || xc || yc))
		warn_empty(R, p, lag, n, xc, yc);
	if (R->o->matrix) {
		put_num(R, res.r, SHOW_EFFECT);
		return;
	}
	n_eff = n > 0 ? ease_n_eff((double)n, x->r1, y->r1) : NAN;
	p_adj = ease_corr_p_adj(m, &res, n_eff);
	if (R->group_col >= 0)
		ease_w_str(R->w, R->group);
	ease_w_str(R->w, x->name);
	ease_w_str(R->w, y->name);
	ease_w_str(R->w, ease_corr_method_name(m));
	snprintf(buf, sizeof buf, "%ld", lag);
	ease_w_str(R->w, buf);
	snprintf(buf, sizeof buf, "%zu", n);
	ease_w_str(R->w, buf);
	put_num(R, res.r, SHOW_EFFECT);
	put_num(R, res.ci_lo, SHOW_EFFECT);
	put_num(R, res.ci_hi, SHOW_EFFECT);
	put_num(R, res.p, SHOW_P);
	ease_w_str(R->w, ease_p_method_name(res.p_method));
	put_num(R, x->r1, SHOW_EFFECT);
	put_num(R, y->r1, SHOW_EFFECT);
	put_num(R, n_eff, SHOW_MEAN);
	put_num(R, p_adj, SHOW_P);
	if (R->explain)
		sentence(R, p, lag, m, &res, p_adj, xc, yc);
	ease_w_end(R->w);
}

static void
group_end(run *R)
{
	const ease_corr_opts *o = R->o;
	long lo, hi;

	if (!R->in_group)
		return;
	R->in_group = 0;
	if (!R->header_done)
		header(R);
	for (size_t i = 0; i < R->nvars; i++) {
		var *v = &R->vars[i];

		if (!R->streaming) {
			for (size_t k = 0; k < R->n; k++)
				r1_feed(v, R->day[k], v->v[k]);
		}
		v->r1 = ease_comom_r(&v->r1acc);
	}
	lo = R->lag_lo;
	hi = R->lag_hi;
	if (!R->streaming && !o->matrix && lo < hi) {
		/*
		 * A lag longer than the days from the first date to the last pairs
		 * no day: a range is cut to the span (--lags -100000..100000 on a
		 * long table would otherwise run for days), and said so at the end.
		 */
		long span = R->n ? R->day[R->n - 1] - R->day[0] : 0;

		if (lo < -span || hi > span) {
			if (R->ncut++ == 0 || span < R->span_min)
				R->span_min = span;
			if (R->ncut == 1 || span > R->span_max)
				R->span_max = span;
			lo = lo < -span ? -span : lo;
			hi = hi > span ? span : hi;
		}
	}
	for (size_t pi = 0; pi < R->npairs; pi++) {
		pair *p = &R->pairs[pi];
		const var *x = &R->vars[p->x], *y = &R->vars[p->y];

		if (o->matrix && pi % R->nmy == 0) {
			if (x->dropped) {
				pi += R->nmy - 1;
				continue;
			}
			if (R->group_col >= 0)
				ease_w_str(R->w, R->group);
			ease_w_str(R->w, x->name);
		}
		if (x->dropped || y->dropped) {
			if (o->matrix && y->shown)
				ease_w_str(R->w, "");
			if (o->matrix && pi % R->nmy == R->nmy - 1)
				ease_w_end(R->w);
			continue;
		}
		for (int mi = 0; mi < R->nmethods; mi++)
			for (long lag = lo; lag <= hi; lag++)
				one_result(R, p, R->methods[mi], lag, mi == 0);
		if (o->matrix && pi % R->nmy == R->nmy - 1)
			ease_w_end(R->w);
	}
}

int
ease_corr_run(ease_common *c, const ease_corr_opts *o)
{
	run R;
	const ease_dayrow *row;
	long rows = 0;

	memset(&R, 0, sizeof R);
	R.c = c;
	R.o = o;
	R.lag_lo = o->lag_lo;
	R.lag_hi = o->lag_hi;
	if (o->nmethods == 0) {
		R.methods[R.nmethods++] = EASE_PEARSON;
		if (!o->matrix)
			R.methods[R.nmethods++] = EASE_SPEARMAN;
	} else {
		memcpy(R.methods, o->methods, sizeof R.methods);
		R.nmethods = o->nmethods;
	}
	if (o->all_pairs && (o->x || o->y))
		ease_usage("--all-pairs takes every numeric column: it goes without -x and -y");
	if (o->matrix && R.nmethods > 1)
		ease_usage("--matrix shows one method; give one with -m");
	if (o->matrix && R.lag_lo != R.lag_hi)
		ease_usage("--matrix shows one lag; use --lag K");
	R.explain = o->explain || c->format == EASE_FMT_TABLE;
	if (o->matrix && o->explain)
		ease_usage("--explain describes rows, not a --matrix");
	if (o->matrix)
		R.explain = 0;
	/* Pearson at lag 0 needs running sums only: no series kept */
	R.streaming = R.nmethods == 1 && R.methods[0] == EASE_PEARSON &&
		      R.lag_lo == 0 && R.lag_hi == 0;

	R.dr = ease_day_open(c);
	R.cols = ease_day_cols(R.dr);
	R.group_col = ease_day_group_col(R.dr);
	plan(&R);
	{
		/* no row is written back: the reader keeps only the columns used */
		size_t k = 1;

		for (size_t i = 0; i < R.nvars; i++)
			if ((size_t)R.vars[i].col + 1 > k)
				k = (size_t)R.vars[i].col + 1;
		ease_day_fields_used(R.dr, k);
	}
	R.w = ease_writer_open(c->output, c->format, c->files, c->nfiles);
	while ((row = ease_day_next(R.dr)) != NULL) {
		if (row->group_start) {
			group_end(&R);
			group_begin(&R, row->group);
		}
		if (!row_values(&R, row))
			continue;
		row_add(&R, row);
		rows++;
	}
	if (rows == 0 && R.group_col < 0) {
		/* an empty table still answers: with empty cells and a warning */
		group_begin(&R, "");
	}
	ease_day_warn_window(R.dr);
	if (rows == 0 && R.group_col >= 0)
		ease_warn("no rows to correlate");
	group_end(&R);
	if (!R.header_done)
		header(&R);
	ease_writer_close(R.w);
	if (R.group_col >= 0)
		why_report(&R);
	if (R.ncut && R.group_col < 0) {
		long lo = o->lag_lo < -R.span_max ? -R.span_max : o->lag_lo;
		long hi = o->lag_hi > R.span_max ? R.span_max : o->lag_hi;

		if (lo > hi)
			ease_warn("--lags %ld..%ld: the dates span %ld days, and a longer lag pairs no day: no rows",
				  o->lag_lo, o->lag_hi, R.span_max);
		else
			ease_warn("--lags %ld..%ld: the dates span %ld days, and a longer lag pairs no day: rows for lags %ld..%ld only",
				  o->lag_lo, o->lag_hi, R.span_max, lo, hi);
	} else if (R.ncut) {
		char noun[160];

		ease_warn("--lags %ld..%ld: a lag longer than a group's span of dates pairs no day: %zu of %zu %s got rows only for the lags within theirs (%ld to %ld days)",
			  o->lag_lo, o->lag_hi, R.ncut, R.ngroups,
			  groups_noun(&R, noun, sizeof noun), R.span_min, R.span_max);
	}
	ease_day_close(R.dr);
	for (size_t i = 0; i < R.nvars; i++)
		free(R.vars[i].v);
	free(R.vars);
	free(R.var_at);
	free(R.pairs);
	free(R.day);
	free(R.px);
	free(R.group);
	ease_report_skipped();
	return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/select.h"
#include "ease/canon.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/technique.h"
#include "ease/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
ease_cond_parse(ease_cond *c, const char *expr)
{
	const char *p = strpbrk(expr, "=!<>~");
	size_t oplen = 1;

	memset(c, 0, sizeof *c);
	c->expr = expr;
	c->idx = -1;
	if (p == NULL)
		ease_usage("--where: '%s' has no operator (= != < <= > >= ~)", expr);
	switch (*p) {
	case '=': c->op = EASE_OP_EQ; break;
	case '~': c->op = EASE_OP_HAS; break;
	case '!':
		if (p[1] != '=')
			ease_usage("--where: '%s': '!' goes with '=' (!=)", expr);
		c->op = EASE_OP_NE;
		oplen = 2;
		break;
	case '<':
		c->op = p[1] == '=' ? EASE_OP_LE : EASE_OP_LT;
		oplen += p[1] == '=';
		break;
	case '>':
		c->op = p[1] == '=' ? EASE_OP_GE : EASE_OP_GT;
		oplen += p[1] == '=';
		break;
	}
	if (p == expr)
		ease_usage("--where: '%s' has no column name before the operator", expr);
	c->col = ease_xstrndup(expr, p - expr);
	c->value = ease_xstrdup(p + oplen);
}

static int
is_op_char(char ch)
{
	return ch == '=' || ch == '<' || ch == '>' || ch == '!';
}

static const char *const op_text[] = {
	[EASE_OP_EQ] = "=", [EASE_OP_NE] = "!=", [EASE_OP_LT] = "<",
	[EASE_OP_LE] = "<=", [EASE_OP_GT] = ">", [EASE_OP_GE] = ">=",
	[EASE_OP_HAS] = "~",
};

/*
 * What a person most likely meant by an operand that is not a number:
 * "COL>=3" for 'COL=>3', 'COL>>3', "COL>7.5" for 'COL>7,5', "COL=3" for a
 * stray blank or newline.  Empty when there is no guess.
 */
static void
guess(const ease_cond *c, char *out, size_t n)
{
	const char *v = c->value;
	const char *op = op_text[c->op];
	int lt = strchr(op, '<') != NULL, gt = strchr(op, '>') != NULL;
	int eq = strchr(op, '=') != NULL && c->op != EASE_OP_NE;
	int ne = c->op == EASE_OP_NE;
	char num[64];
	size_t len;
	double x;

	for (; is_op_char(*v); v++) {
		lt |= *v == '<';
		gt |= *v == '>';
		eq |= *v == '=';
		ne |= *v == '!';
	}
	while (*v == ' ' || *v == '\t')
		v++;
	len = strlen(v);
	while (len && strchr(" \t\r\n", v[len - 1]))
		len--;
	*out = '\0';
	if (len == 0 || len >= sizeof num)
		return;
	memcpy(num, v, len);
	num[len] = '\0';
	if (ease_parse_num(num, 0, &x) != EASE_V_OK) {
		char *comma = strchr(num, ',');

		if (comma == NULL || ease_parse_num(num, 1, &x) != EASE_V_OK)
			return;
		*comma = '.';
	}
	if (ne || (lt && gt))
		op = "!=";
	else if (lt)
		op = eq ? "<=" : "<";
	else if (gt)
		op = eq ? ">=" : ">";
	else
		op = "=";
	snprintf(out, n, "; did you mean %s%s%s?", c->col, op, num);
}

/*
 * The operand of a condition on a column of numbers must be one; = and !=
 * may also look for missing cells ("pain=", "pain!=NA").
 */
static void
need_number(const ease_cond *c)
{
	char shown[128], sv[128], hint[160];

	if (c->value_is_num || c->op == EASE_OP_HAS)
		return;
	if (c->value_missing && (c->op == EASE_OP_EQ || c->op == EASE_OP_NE))
		return;
	if (*c->value == '\0')
		ease_usage("--where: '%s': no number after '%s' (an unset shell variable?); "
			   "operators: = != < <= > >= ~", ease_shown(c->expr, shown, sizeof shown),
			   op_text[c->op]);
	guess(c, hint, sizeof hint);
	ease_usage("--where: '%s': column '%s' holds numbers and '%s' is not one%s "
		   "(operators: = != < <= > >= ~)",
		   ease_shown(c->expr, shown, sizeof shown), c->col,
		   ease_shown(c->value, sv, sizeof sv), hint);
}

void
ease_cond_bind(ease_cond *c, const ease_cols *cols, int decimal_comma,
	       const char *date_fmt)
{
	const char *why;
	long day;
	int role;

	c->idx = ease_cols_need(cols, c->col);
	c->cols = cols;
	c->value_missing = ease_is_missing(c->value);
	role = cols->role[c->idx];
	if (role == EASE_R_DATE) {
		/* an ISO date always, and one written as the file's dates are */
		if (c->op != EASE_OP_HAS && *c->value &&
		    ease_parse_date(c->value, NULL, &day) != EASE_V_OK &&
		    (date_fmt == NULL ||
		     ease_parse_date(c->value, date_fmt, &day) != EASE_V_OK)) {
			if (date_fmt)
				ease_usage("--where: '%s': '%s' is not a date (expected YYYY-MM-DD "
					   "or the --date-format %s)", c->expr, c->value, date_fmt);
			ease_usage("--where: '%s': '%s' is not a date (expected YYYY-MM-DD)",
				   c->expr, c->value);
		}
		if (*c->value && c->op != EASE_OP_HAS) {
			c->value_is_num = 1;
			c->num = (double)day;
		}
		c->numeric = 0;
		return;
	}
	/* the operand means what the same text in a cell of the column means:
	 * yes on a count, 6:30 on hours */
	c->value_is_num = ease_cols_num_form(cols, c->idx, c->value, decimal_comma,
					     &c->num, &why) == EASE_V_OK;
	/* the user may type 7.5 on a decimal-comma file */
	if (!c->value_is_num && decimal_comma)
		c->value_is_num = ease_cols_num_form(cols, c->idx, c->value, 0,
						     &c->num, &why) == EASE_V_OK;
	if (role == EASE_R_TECHNIQUE && (c->op == EASE_OP_EQ || c->op == EASE_OP_NE) &&
	    !c->value_missing) {
		c->list = 1;
		c->key = ease_xstrdup(ease_tech_key(c->value, strlen(c->value),
						    &c->kbuf, &c->kcap));
	}
	if (role == EASE_R_NONE) {
		c->numeric = -1;
		return;
	}
	c->numeric = ease_role_def(role)->type == EASE_T_NUM ||
		     ease_role_def(role)->type == EASE_T_COUNT;
	if (c->numeric)
		need_number(c);
}

void
ease_cond_first_cell(ease_cond *c, const char *cell, int decimal_comma)
{
	double v;

	if (c->numeric >= 0 || ease_is_missing(cell))
		return;
	c->numeric = ease_parse_num(cell, decimal_comma, &v) == EASE_V_OK;
	if (c->numeric)
		need_number(c);
}

/* Whether a member of the '|' list CELL has the operand's key. */
static int
list_has(ease_cond *c, const char *cell)
{
	const char *item;
	size_t len;

	while (ease_list_next(&cell, &item, &len))
		if (strcmp(ease_tech_key(item, len, &c->kbuf, &c->kcap), c->key) == 0)
			return 1;
	return 0;
}

static int
cmp_result(int op, int cmp)
{
	switch (op) {
	case EASE_OP_EQ: return cmp == 0;
	case EASE_OP_NE: return cmp != 0;
	case EASE_OP_LT: return cmp < 0;
	case EASE_OP_LE: return cmp <= 0;
	case EASE_OP_GT: return cmp > 0;
	case EASE_OP_GE: return cmp >= 0;
	}
	return 0;
}

static int
has_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return 1;
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

int
ease_cond_eval(ease_cond *c, const ease_rec *rec, int decimal_comma,
	       int date_col, long date_day)
{
	const char *cell = rec->f[c->idx];
	double v;

	if (c->op == EASE_OP_HAS)
		return has_ci(cell, c->value);
	if (ease_is_missing(cell)) {
		if (c->op == EASE_OP_EQ)
			return c->value_missing;
		if (c->op == EASE_OP_NE)
			return !c->value_missing;
		return 0;
	}
	if (c->list)
		return list_has(c, cell) == (c->op == EASE_OP_EQ);
	if (c->idx == date_col && c->value_is_num) {
		double d = (double)date_day;
		return cmp_result(c->op, (d > c->num) - (d < c->num));
	}
	if (c->value_is_num) {
		const char *why;

		if (ease_cols_num_form(c->cols, c->idx, cell, decimal_comma, &v,
				       &why) == EASE_V_OK)
			return cmp_result(c->op, (v > c->num) - (v < c->num));
		/* "x" is neither above nor below 5: that is bad data, not a no */
		if (c->op != EASE_OP_EQ && c->op != EASE_OP_NE)
			return -1;
	}
	return cmp_result(c->op, strcmp(cell, c->value));
}

/* ---- the select run ---- */

#define SHOW_VALUES 5		/* text values a no-match warning shows */
#define SHOW_TECHNIQUES 30

/* What one condition met: for the warning when it passes no row. */
typedef struct condstat {
	long reached, passed;
	char *val[SHOW_VALUES];
	int nval;
	double lo, hi;
	long nnum;
	ease_technames *techs;
} condstat;

typedef struct sel {
	ease_common *c;
	const ease_select_opts *o;
	ease_cols *cols;
	int date_col;
	int need_date;
	int *out;		/* output columns */
	size_t nout;
	ease_canon canon;
	ease_writer *w;
	ease_datecache dc;
	int whole;		/* rows go out as they came in */
	int header_done;
	condstat *cs;
	int stop;		/* the first condition the row failed, or nconds */
	long kept;
	ease_span span;		/* dates read, for a window that keeps none */
} sel;

static void
plan_columns(sel *s)
{
	size_t n = s->cols->n;
	char *dropped = ease_xcalloc(n + 1, 1);
	int *idx = NULL, *drop = NULL;
	size_t ni, nd = 0;

	if (s->o->drop) {
		nd = ease_cols_need_list(s->cols, s->o->drop, "--drop", &drop);
		for (size_t i = 0; i < nd; i++)
			dropped[drop[i]] = 1;
	}
	if (s->o->fields)
		ni = ease_cols_need_list(s->cols, s->o->fields, "--fields", &idx);
	else {
		ni = n;
		idx = ease_xcalloc(n + 1, sizeof *idx);
		for (size_t i = 0; i < n; i++)
			idx[i] = (int)i;
	}
	s->out = ease_xcalloc(ni + 1, sizeof *s->out);
	for (size_t i = 0; i < ni; i++)
		if (!dropped[idx[i]])
			s->out[s->nout++] = idx[i];
	if (s->nout == 0)
		ease_usage("no columns left to write");
	free(idx);
	free(drop);
	free(dropped);
}

/* The header goes out with the first row, after the first cells have
 * settled which columns hold numbers (a usage error leaves no output). */
static void
write_header(sel *s)
{
	if (s->header_done)
		return;
	s->header_done = 1;
	for (size_t k = 0; k < s->nout; k++)
		ease_w_str(s->w, s->cols->name[s->out[k]]);
	ease_w_end(s->w);
}

/* Notes the value a condition saw while it has passed no row yet. */
static void
note_value(sel *s, int k, const ease_rec *rec, long day)
{
	const ease_cond *cd = &s->o->conds[k];
	condstat *st = &s->cs[k];
	const char *cell = rec->f[cd->idx];
	const char *why;
	double v;

	if (ease_is_missing(cell))
		return;
	if (cd->list) {
		if (st->techs == NULL)
			st->techs = ease_technames_new();
		if (ease_technames_count(st->techs) <= SHOW_TECHNIQUES)
			ease_technames_add_list(st->techs, cell);
		return;
	}
	if (cd->idx == s->date_col && cd->value_is_num)
		v = (double)day;
	else if (cd->numeric != 1 ||
		 ease_cols_num_form(s->cols, cd->idx, cell, s->c->decimal_comma, &v,
				    &why) != EASE_V_OK) {
		if (st->nval == SHOW_VALUES)
			return;
		for (int i = 0; i < st->nval; i++)
			if (strcmp(st->val[i], cell) == 0)
				return;
		st->val[st->nval++] = ease_xstrdup(cell);
		return;
	}
	if (st->nnum == 0 || v < st->lo)
		st->lo = v;
	if (st->nnum == 0 || v > st->hi)
		st->hi = v;
	st->nnum++;
}

/*
 * Every check of a row but the window's, on every row, so that --last counts
 * back from a row that is kept: its date, and each --where cell that must be
 * a number.  1 with *DAY set and *MATCH whether --where keeps it; 0: bad.
 */
static int
judge_row(sel *s, const ease_rec *rec, const char *file, long *day, int *match)
{
	*day = 0;
	*match = 1;
	s->stop = s->o->nconds;
	if (s->need_date &&
	    !ease_rec_date(rec, s->date_col, s->cols->name[s->date_col],
			   s->c->date_format, file, &s->dc, day))
		return 0;
	if (!ease_canon_check(&s->canon, rec, file))
		return 0;
	for (int k = 0; k < s->o->nconds; k++) {
		ease_cond *cd = &s->o->conds[k];

		if (cd->numeric < 0)
			ease_cond_first_cell(cd, rec->f[cd->idx], s->c->decimal_comma);
	}
	/* every condition is judged, so that a bad cell never hides behind an
	 * earlier condition that failed; STOP remembers the first that did */
	for (int k = 0; k < s->o->nconds; k++) {
		ease_cond *cd = &s->o->conds[k];
		int r = ease_cond_eval(cd, rec, s->c->decimal_comma, s->date_col, *day);

		if (r < 0) {
			const char *why = "is not a number";
			double v;

			ease_cols_num_form(s->cols, cd->idx, rec->f[cd->idx],
					   s->c->decimal_comma, &v, &why);
			ease_bad_value(file, rec->line, s->cols->name[cd->idx],
				       rec->f[cd->idx], why);
			return 0;
		}
		if (r == 0 && *match) {
			*match = 0;
			s->stop = k;
		}
	}
	return 1;
}

static int
judge_cb(void *ctx, const ease_rec *rec, const char *file, long *day)
{
	int match;

	return judge_row(ctx, rec, file, day, &match);
}

static void
restart_cb(void *ctx)
{
	sel *s = ctx;

	memset(&s->dc, 0, sizeof s->dc);
}

/* Judges one row; returns whether it was written. */
static int
one_row(sel *s, const ease_rec *rec, const char *file)
{
	long day;
	int match;

	if (!judge_row(s, rec, file, &day, &match))
		return 0;
	if (s->need_date)
		ease_span_add(&s->span, s->c, day);
	if (s->need_date && !ease_window_has(s->c, day))
		return 0;
	/* what each condition saw in the window, for the warning when none passes */
	for (int k = 0; k <= s->stop && k < s->o->nconds; k++) {
		s->cs[k].reached++;
		if (s->cs[k].passed == 0)
			note_value(s, k, rec, day);
		if (k < s->stop)
			s->cs[k].passed++;
	}
	if (!match)
		return 0;
	write_header(s);
	if (s->whole) {
		ease_w_rec(s->w, rec);
	} else {
		for (size_t k = 0; k < s->nout; k++) {
			int i = s->out[k];

			ease_canon_field(&s->canon, s->w, i, rec->f[i], rec->len[i], day);
		}
		ease_w_end(s->w);
	}
	s->kept++;
	return 1;
}

/* Appends to BUF (of N bytes) what is at *AT. */
static void
add(char *buf, size_t n, size_t *at, const char *fmt, const char *a, const char *b)
{
	int w;

	if (*at >= n)
		return;
	w = snprintf(buf + *at, n - *at, fmt, a, b);
	if (w > 0)
		*at += (size_t)w;
	if (*at >= n)
		*at = n;
}

/* What the column of condition K holds in the rows it saw, into BUF. */
static void
what_it_holds(sel *s, int k, char *buf, size_t n)
{
	const ease_cond *cd = &s->o->conds[k];
	condstat *st = &s->cs[k];
	const char *col = s->cols->name[cd->idx];
	char sh[128], a[48], b[48];
	size_t at = 0;

	*buf = '\0';
	if (cd->list && st->techs && ease_technames_count(st->techs)) {
		size_t m = ease_technames_count(st->techs);

		add(buf, n, &at, "%s holds%s", col, ":");
		for (size_t i = 0; i < m && i < SHOW_TECHNIQUES; i++)
			add(buf, n, &at, "%s %s", i ? "," : "",
			    ease_shown(ease_technames_get(st->techs, i), sh, sizeof sh));
		if (m > SHOW_TECHNIQUES)
			add(buf, n, &at, "%s%s", ", ...", "");
	} else if (st->nnum) {
		int date = cd->idx == s->date_col;

		if (date) {
			ease_fmt_date((long)st->lo, a);
			ease_fmt_date((long)st->hi, b);
		} else {
			ease_fmt_num(st->lo, 6, a);
			ease_fmt_num(st->hi, 6, b);
		}
		if (st->lo == st->hi)
			add(buf, n, &at, "%s holds only %s", col, a);
		else {
			add(buf, n, &at, "%s holds values from %s", col, a);
			add(buf, n, &at, " to %s%s", b, "");
		}
	} else if (st->nval) {
		add(buf, n, &at, "%s holds%s", col, ":");
		for (int i = 0; i < st->nval; i++)
			add(buf, n, &at, "%s '%s'", i ? "," : "",
			    ease_shown(st->val[i], sh, sizeof sh));
		if (st->nval == SHOW_VALUES)
			add(buf, n, &at, "%s%s", ", ...", "");
	} else {
		add(buf, n, &at, "%s holds no value (only missing cells)%s", col, "");
	}
}

/*
 * An empty result from conditions is said on stderr: a misspelt value and
 * a value that is not there look the same on stdout.  Conditions are tried
 * in order, so the last one that any row reached is the one that passed
 * none.
 */
static void
warn_no_match(sel *s)
{
	char buf[1024], sh[128];
	int k = s->o->nconds - 1;

	if (s->kept || s->o->nconds == 0 || s->cs[0].reached == 0)
		return;
	while (k > 0 && s->cs[k].reached == 0)
		k--;
	what_it_holds(s, k, buf, sizeof buf);
	if (k == 0)
		ease_warn("--where '%s' matched no row; %s",
			  ease_shown(s->o->conds[k].expr, sh, sizeof sh), buf);
	else
		ease_warn("--where '%s' matched none of the %ld row%s the conditions "
			  "before it kept; there %s",
			  ease_shown(s->o->conds[k].expr, sh, sizeof sh), s->cs[k].reached,
			  s->cs[k].reached == 1 ? "" : "s", buf);
}

int
ease_select_run(ease_common *c, const ease_select_opts *o)
{
	sel s;
	ease_input *in;
	const ease_rec *h, *rec;
	ease_recstore *st;

	memset(&s, 0, sizeof s);
	s.c = c;
	s.o = o;
	in = ease_input_open(c->files, c->nfiles, c->delim);
	h = ease_input_header(in);
	s.cols = ease_cols_new(h, ease_input_name(in), c->colmap, c->ncolmap);
	ease_warn_delim(s.cols, c->delim);
	s.date_col = ease_cols_role(s.cols, EASE_R_DATE);
	/* every row's date is read, as every tool reads it */
	s.need_date = s.date_col >= 0 || ease_window_active(c) || c->date_format != NULL;
	for (int k = 0; k < o->nconds; k++) {
		ease_cond_bind(&o->conds[k], s.cols, c->decimal_comma, c->date_format);
		if (o->conds[k].idx == s.date_col && o->conds[k].value_is_num)
			s.need_date = 1;
	}
	if (s.need_date)
		s.date_col = ease_cols_need_role(s.cols, EASE_R_DATE);
	s.cs = ease_xcalloc((size_t)o->nconds + 1, sizeof *s.cs);
	plan_columns(&s);
	ease_canon_init(&s.canon, s.cols, s.date_col, c);
	s.whole = s.nout == s.cols->n && !s.canon.active;
	for (size_t k = 0; k < s.nout; k++)
		if (s.out[k] != (int)k)
			s.whole = 0;
	s.w = ease_writer_open(c->output, c->format, c->files, c->nfiles);

	st = s.need_date ? ease_last_window(c, in, judge_cb, restart_cb, &s) : NULL;
	if (st) {
		for (size_t i = 0; i < ease_recstore_count(st); i++) {
			const char *file;
			const ease_rec *r = ease_recstore_get(st, i, &file);

			one_row(&s, r, file);
		}
		ease_recstore_free(st);
	} else {
		while ((rec = ease_input_next(in)) != NULL)
			one_row(&s, rec, ease_input_name(in));
	}
	write_header(&s);
	ease_writer_close(s.w);
	{
		char buf[256];

		/* an empty window says so before --where is blamed for it */
		if (ease_span_empty(&s.span, c, "rows", buf, sizeof buf))
			ease_warn("%s", buf);
		else
			warn_no_match(&s);
	}
	ease_input_close(in);
	for (int k = 0; k < o->nconds; k++) {
		for (int i = 0; i < s.cs[k].nval; i++)
			free(s.cs[k].val[i]);
		ease_technames_free(s.cs[k].techs);
	}
	free(s.cs);
	ease_canon_free(&s.canon);
	ease_cols_free(s.cols);
	free(s.out);
	ease_report_skipped();
	return 0;
}

void
ease_cond_free(ease_cond *c)
{
	free(c->col);
	free(c->value);
	free(c->key);
	free(c->kbuf);
	c->col = c->value = c->key = c->kbuf = NULL;
}

void
ease_select_opts_free(ease_select_opts *o)
{
	for (int k = 0; k < o->nconds; k++)
		ease_cond_free(&o->conds[k]);
	free(o->conds);
	o->conds = NULL;
	o->nconds = 0;
}

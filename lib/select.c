#include "ease/select.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/value.h"

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

void
ease_cond_bind(ease_cond *c, const ease_cols *cols, int decimal_comma)
{
	long day;

	c->idx = ease_cols_need(cols, c->col);
	c->value_missing = ease_is_missing(c->value);
	if (cols->role[c->idx] == EASE_R_DATE) {
		/* the user types ISO dates whatever the file's own format */
		if (c->op != EASE_OP_HAS && *c->value &&
		    ease_parse_date(c->value, NULL, &day) != EASE_V_OK)
			ease_usage("--where: '%s': '%s' is not a date (expected YYYY-MM-DD)",
				   c->expr, c->value);
		if (*c->value && c->op != EASE_OP_HAS) {
			c->value_is_num = 1;
			c->num = (double)day;
		}
		return;
	}
	c->value_is_num = ease_parse_num(c->value, decimal_comma, &c->num) == EASE_V_OK;
	/* the user may type 7.5 on a decimal-comma file */
	if (!c->value_is_num && decimal_comma)
		c->value_is_num = ease_parse_num(c->value, 0, &c->num) == EASE_V_OK;
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
ease_cond_eval(const ease_cond *c, const ease_rec *rec, int decimal_comma,
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
	if (c->idx == date_col && c->value_is_num) {
		double d = (double)date_day;
		return cmp_result(c->op, (d > c->num) - (d < c->num));
	}
	if (c->value_is_num) {
		if (ease_parse_num(cell, decimal_comma, &v) == EASE_V_OK)
			return cmp_result(c->op, (v > c->num) - (v < c->num));
		/* "x" is neither above nor below 5: that is bad data, not a no */
		if (c->op != EASE_OP_EQ && c->op != EASE_OP_NE)
			return -1;
	}
	return cmp_result(c->op, strcmp(cell, c->value));
}

/* ---- the select run ---- */

typedef struct sel {
	ease_common *c;
	const ease_select_opts *o;
	ease_cols *cols;
	int date_col;
	int need_date;
	int *out;		/* output columns */
	size_t nout;
	char *textcol;		/* columns whose cells are never numbers */
	ease_writer *w;
	ease_datecache dc;
	int whole;		/* rows go out as they came in */
	char *tmp;
	size_t tmpcap;
	long kept;
} sel;

static int
text_role(int role)
{
	switch (role) {
	case EASE_R_DATE: case EASE_R_SUBJECT: case EASE_R_TECHNIQUE:
	case EASE_R_DRUG: case EASE_R_UNIT: case EASE_R_KIND: case EASE_R_NAME:
	case EASE_R_NOTE: case EASE_R_START: case EASE_R_END:
	case EASE_R_BEDTIME: case EASE_R_WAKETIME:
		return 1;
	}
	return 0;
}

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
	s->textcol = ease_xcalloc(n + 1, 1);
	for (size_t i = 0; i < n; i++)
		s->textcol[i] = (char)text_role(s->cols->role[i]);
	free(idx);
	free(drop);
	free(dropped);
}

/* 7,5 -> 7.5 in cells that are decimal-comma numbers. */
static void
write_cell(sel *s, const ease_rec *rec, int i, long day)
{
	const char *cell = rec->f[i];
	size_t len = rec->len[i];
	double v;
	char buf[16];

	/* with --date-format the date was parsed (need_date), so DAY is it */
	if (i == s->date_col && s->c->date_format) {
		ease_w_str(s->w, ease_fmt_date(day, buf));
		return;
	}
	if (s->c->decimal_comma && !s->textcol[i] && memchr(cell, ',', len) &&
	    ease_parse_num(cell, 1, &v) == EASE_V_OK) {
		ease_grow((void **)&s->tmp, &s->tmpcap, len + 1, 1);
		memcpy(s->tmp, cell, len + 1);
		*strchr(s->tmp, ',') = '.';
		ease_w_field(s->w, s->tmp, len);
		return;
	}
	ease_w_field(s->w, cell, len);
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
	if (s->need_date &&
	    !ease_rec_date(rec, s->date_col, s->cols->name[s->date_col],
			   s->c->date_format, file, &s->dc, day))
		return 0;
	for (int k = 0; k < s->o->nconds; k++) {
		const ease_cond *cd = &s->o->conds[k];
		int r = ease_cond_eval(cd, rec, s->c->decimal_comma, s->date_col, *day);

		if (r < 0) {
			ease_bad_value(file, rec->line, s->cols->name[cd->idx],
				       rec->f[cd->idx],
				       ease_not_a_number(rec->f[cd->idx],
							 s->c->decimal_comma, 0));
			return 0;
		}
		if (r == 0)
			*match = 0;
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

	if (!judge_row(s, rec, file, &day, &match) || !match)
		return 0;
	if (s->need_date && !ease_window_has(s->c, day))
		return 0;
	if (s->whole) {
		ease_w_rec(s->w, rec);
	} else {
		for (size_t k = 0; k < s->nout; k++)
			write_cell(s, rec, s->out[k], day);
		ease_w_end(s->w);
	}
	s->kept++;
	return 1;
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
	s.date_col = ease_cols_role(s.cols, EASE_R_DATE);
	s.need_date = ease_window_active(c) || c->date_format != NULL;
	for (int k = 0; k < o->nconds; k++) {
		ease_cond_bind(&o->conds[k], s.cols, c->decimal_comma);
		if (o->conds[k].idx == s.date_col && o->conds[k].value_is_num)
			s.need_date = 1;
	}
	if (s.need_date)
		s.date_col = ease_cols_need_role(s.cols, EASE_R_DATE);
	plan_columns(&s);
	s.whole = s.nout == s.cols->n && !c->decimal_comma && !c->date_format;
	for (size_t k = 0; k < s.nout; k++)
		if (s.out[k] != (int)k)
			s.whole = 0;
	s.w = ease_writer_open(c->output, c->format, c->files, c->nfiles);

	for (size_t k = 0; k < s.nout; k++)
		ease_w_str(s.w, s.cols->name[s.out[k]]);
	ease_w_end(s.w);

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
	ease_writer_close(s.w);
	ease_input_close(in);
	ease_cols_free(s.cols);
	free(s.out);
	free(s.textcol);
	free(s.tmp);
	ease_report_skipped();
	return 0;
}

void
ease_select_opts_free(ease_select_opts *o)
{
	for (int k = 0; k < o->nconds; k++) {
		free(o->conds[k].col);
		free(o->conds[k].value);
	}
	free(o->conds);
	o->conds = NULL;
	o->nconds = 0;
}

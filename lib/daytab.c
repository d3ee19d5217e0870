/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/daytab.h"
#include "ease/daymem.h"
#include "ease/hash.h"
#include "ease/canon.h"
#include "ease/err.h"
#include "ease/value.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- string set: open addressing, FNV-1a ---- */

struct ease_strset {
	char **slot;
	long *val;
	size_t cap, n;
};

ease_strset *
ease_strset_new(void)
{
	ease_strset *s = ease_xcalloc(1, sizeof *s);

	s->cap = 64;
	s->slot = ease_xcalloc(s->cap, sizeof *s->slot);
	s->val = ease_xcalloc(s->cap, sizeof *s->val);
	return s;
}

static size_t
find(const ease_strset *s, const char *str)
{
	size_t i = ease_hash(str) & (s->cap - 1);

	while (s->slot[i] && strcmp(s->slot[i], str) != 0)
		i = (i + 1) & (s->cap - 1);
	return i;
}

int
ease_strset_put(ease_strset *s, const char *str, long val, long *old)
{
	size_t i = find(s, str);

	if (s->slot[i]) {
		if (old)
			*old = s->val[i];
		return 0;
	}
	s->slot[i] = ease_xstrdup(str);
	s->val[i] = val;
	if (++s->n * 2 > s->cap) {
		char **os = s->slot;
		long *ov = s->val;
		size_t oc = s->cap;

		s->cap *= 2;
		s->slot = ease_xcalloc(s->cap, sizeof *s->slot);
		s->val = ease_xcalloc(s->cap, sizeof *s->val);
		for (size_t k = 0; k < oc; k++)
			if (os[k]) {
				size_t j = find(s, os[k]);
				s->slot[j] = os[k];
				s->val[j] = ov[k];
			}
		free(os);
		free(ov);
	}
	return 1;
}

int
ease_strset_add(ease_strset *s, const char *str)
{
	return ease_strset_put(s, str, 0, NULL);
}

int
ease_strset_get(const ease_strset *s, const char *str, long *val)
{
	size_t i = find(s, str);

	if (!s->slot[i])
		return 0;
	if (val)
		*val = s->val[i];
	return 1;
}

size_t
ease_strset_count(const ease_strset *s)
{
	return s->n;
}

void
ease_strset_free(ease_strset *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->cap; i++)
		free(s->slot[i]);
	free(s->slot);
	free(s->val);
	free(s);
}

/* ---- day-table reader ---- */

struct ease_dayreader {
	ease_common *c;
	ease_input *in;
	ease_cols *cols;
	int date_col, group_col;
	int *want;
	size_t nwant, wcap;
	double *v;
	int keep_all;
	int started;
	ease_recstore *store;	/* --last: rows kept until the last date is known */
	size_t store_i;
	char *group;		/* current group */
	long prev_day;
	long prev_line;
	char *prev_file;	/* its file: the input may be several */
	int in_group;		/* a group has begun */
	int have_prev;		/* a row of the current group was taken */
	int pending_start;	/* the next row handed out starts a group */
	ease_strset *groups;
	ease_datecache dc;
	size_t fields_used;	/* 0: every field */
	ease_span span;		/* the rows handed out or judged, for the window warning */
	int who_col;		/* ungrouped: a column that may name the subject, or -1 */
	char *who_prev;		/* its cell in the last row taken */
	size_t who_cap;
	ease_dayrow row;
	ease_dayreader *prev, *next;	/* in the list of open day readers */
	/* a day table in memory (c->mem): its next day, and a row made of it */
	const ease_daymem *mem;
	long mem_i;
	ease_rec mrec;
	char datebuf[16];
};

/*
 * Every day reader not yet closed.  A tool may die of bad data anywhere
 * while it reads; listed here the reader and all it owns stay reachable,
 * so that dying frees nothing and leaks nothing.
 */
static ease_dayreader *open_days;

/*
 * Without a subject column, a column such as ID or name may still say whose
 * rows these are.  It is not grouped on unasked (an ID can be a row number),
 * but when the dates go back just where it changes, the message names --by.
 */
static int
who_column(const ease_cols *cols, int date_col)
{
	for (size_t i = 0; i < cols->n; i++) {
		const char *nm = cols->norm[i];
		size_t l = strlen(nm);

		if ((int)i == date_col ||
		    (cols->role[i] != EASE_R_NONE && cols->role[i] != EASE_R_NAME))
			continue;
		if (strcmp(nm, "id") == 0 || strcmp(nm, "name") == 0 ||
		    strcmp(nm, "who") == 0 || strcmp(nm, "client") == 0 ||
		    strcmp(nm, "patient") == 0 || (l > 3 && strcmp(nm + l - 3, "_id") == 0))
			return (int)i;
	}
	return -1;
}

int
ease_day_who_column(const ease_cols *cols, int date_col)
{
	return who_column(cols, date_col);
}

/* The reader of day tables refuses an event log with what to do instead. */
static void
not_events(const ease_cols *cols)
{
	if (ease_cols_role(cols, EASE_R_DATE) < 0 &&
	    ease_cols_role(cols, EASE_R_START) >= 0 &&
	    ease_cols_role(cols, EASE_R_KIND) >= 0)
		ease_die(EASE_EX_DATA, "%s is an event log, not a day table: make one with "
			 "ease-daily", cols->file);
}

/*
 * The header of a day table in memory, and the row its days are handed out
 * in: the date and the text cell as text, the numbers only in the values
 * (their cells are empty: no reader of a day table reads a number's text).
 */
static void
mem_open(ease_dayreader *r)
{
	const ease_daymem *m = r->c->mem;
	size_t n = ease_daymem_ncols(m);
	ease_rec h;

	r->mem = m;
	r->mrec.n = n;
	r->mrec.f = ease_xcalloc(n, sizeof *r->mrec.f);
	r->mrec.len = ease_xcalloc(n, sizeof *r->mrec.len);
	for (size_t i = 0; i < n; i++)
		r->mrec.f[i] = (char *)ease_daymem_colname(m, i);
	h = r->mrec;
	h.line = 1;
	for (size_t i = 0; i < n; i++)
		h.len[i] = strlen(h.f[i]);
	r->cols = ease_cols_new(&h, ease_daymem_file(m), r->c->colmap, r->c->ncolmap);
	for (size_t i = 0; i < n; i++) {
		r->mrec.f[i] = (char *)"";
		r->mrec.len[i] = 0;
	}
	r->pending_start = 1;
}

/* The row R hands out: REC of FILE, on DAY, in the current group. */
static const ease_dayrow *
give_row(ease_dayreader *r, const ease_rec *rec, const char *file, long day)
{
	r->row.rec = rec;
	r->row.file = file;
	r->row.line = rec->line;
	r->row.day = day;
	r->row.group = r->group;
	r->row.group_start = r->pending_start;
	r->pending_start = 0;
	r->row.v = r->v;
	return &r->row;
}

static const ease_dayrow *
mem_next(ease_dayreader *r)
{
	const ease_daymem *m = r->mem;
	size_t text = ease_daymem_ncols(m) - 1, num;
	int has_text = !ease_daymem_numcol(m, text, &num) && text > 0;

	while (r->mem_i < ease_daymem_days(m)) {
		long i = r->mem_i++, day = ease_daymem_first(m) + i;

		ease_span_add(&r->span, r->c, day);
		if (!r->keep_all && !ease_window_has(r->c, day))
			continue;
		for (size_t k = 0; k < r->nwant; k++)
			r->v[k] = ease_daymem_numcol(m, (size_t)r->want[k], &num) ?
				  ease_daymem_get(m, num, i) : NAN;
		r->mrec.f[r->date_col] = (char *)ease_fmt_date(day, r->datebuf);
		r->mrec.len[r->date_col] = strlen(r->datebuf);
		if (has_text) {
			const char *t = ease_daymem_text(m, i);

			r->mrec.f[text] = (char *)(t ? t : "");
			r->mrec.len[text] = t ? strlen(t) : 0;
		}
		r->mrec.line = i + 2;
		return give_row(r, &r->mrec, ease_daymem_file(m), day);
	}
	return NULL;
}

ease_dayreader *
ease_day_open(ease_common *c)
{
	ease_dayreader *r = ease_xcalloc(1, sizeof *r);
	const ease_rec *h;

	r->next = open_days;
	if (open_days)
		open_days->prev = r;
	open_days = r;
	r->c = c;
	if (c->mem) {
		mem_open(r);
	} else {
		r->in = ease_input_open(c->files, c->nfiles, c->delim);
		h = ease_input_header(r->in);
		r->cols = ease_cols_new(h, ease_input_name(r->in), c->colmap, c->ncolmap);
		ease_warn_delim(r->cols, c->delim);
		not_events(r->cols);
		ease_cols_watch_thousands(r->cols, ease_input_delim(r->in), c->date_format,
					  c->decimal_comma);
	}
	r->date_col = ease_cols_need_role(r->cols, EASE_R_DATE);
	r->group_col = c->by ? ease_cols_need(r->cols, c->by)
			     : ease_cols_role(r->cols, EASE_R_SUBJECT);
	r->who_col = r->group_col < 0 ? who_column(r->cols, r->date_col) : -1;
	r->groups = ease_strset_new();
	r->group = ease_xstrdup("");
	return r;
}

const ease_cols *
ease_day_cols(const ease_dayreader *r)
{
	return r->cols;
}

int
ease_day_date_col(const ease_dayreader *r)
{
	return r->date_col;
}

int
ease_day_group_col(const ease_dayreader *r)
{
	return r->group_col;
}

int
ease_day_want(ease_dayreader *r, int col)
{
	if (r->started)
		ease_die(EASE_EX_SOFTWARE, "ease_day_want after the first row");
	ease_cols_need_unique(r->cols, col);
	ease_grow((void **)&r->want, &r->wcap, r->nwant + 1, sizeof *r->want);
	r->want[r->nwant] = col;
	return (int)r->nwant++;
}

void
ease_day_fields_used(ease_dayreader *r, size_t k)
{
	if (r->started)
		ease_die(EASE_EX_SOFTWARE, "ease_day_fields_used after the first row");
	r->fields_used = k;
}

void
ease_day_keep_all(ease_dayreader *r, int on)
{
	r->keep_all = on;
}

int
ease_day_in_window(const ease_dayreader *r, long day)
{
	return ease_window_has(r->c, day);
}

/*
 * The day of an ISO date whose year and month are those of the last date
 * parsed: a day table's dates come in order, so nearly every row is one.
 */
static int
same_month(const ease_datecache *dc, const char *s, long *day)
{
	int dd;

	if (!dc->valid || memcmp(s, dc->ym, 8) != 0 || s[10] != '\0' ||
	    (unsigned char)(s[8] - '0') > 9 || (unsigned char)(s[9] - '0') > 9)
		return 0;
	dd = (s[8] - '0') * 10 + (s[9] - '0');
	if (dd < 1 || dd > dc->mdays)
		return 0;	/* the full parse names the problem */
	*day = dc->month_start + dd - 1;
	return 1;
}

static void
remember_month(ease_datecache *dc, const char *s, long day)
{
	long y;
	int m, d;

	if (strnlen(s, 11) != 10 || s[4] != '-' || s[7] != '-') {
		dc->valid = 0;
		return;
	}
	ease_civil_from_days(day, &y, &m, &d);
	memcpy(dc->ym, s, 8);
	dc->month_start = day - (d - 1);
	dc->mdays = (int)(ease_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
			  dc->month_start);
	dc->valid = 1;
}

int
ease_rec_date(const ease_rec *rec, int col, const char *name, const char *date_fmt,
	      const char *file, ease_datecache *dc, long *day)
{
	const char *cell = rec->f[col];
	const char *why = NULL;
	double v;
	int st;

	if (date_fmt == NULL && rec->len[col] == 10 && same_month(dc, cell, day))
		return 1;
	st = ease_role_check(EASE_R_DATE, cell, 0, date_fmt, &v, &why);
	if (st == EASE_V_MISSING)
		why = "is not a date (the date is missing)";
	if (st != EASE_V_OK) {
		ease_bad_value(file, rec->line, name, cell, why);
		return 0;
	}
	*day = (long)v;
	if (date_fmt == NULL)
		remember_month(dc, cell, *day);
	return 1;
}

static int
parse_date(ease_dayreader *r, const ease_rec *rec, const char *file, long *day)
{
	return ease_rec_date(rec, r->date_col, r->cols->name[r->date_col],
			     r->c->date_format, file, &r->dc, day);
}

/* Whether every input is a regular file, which a first pass can read. */
static int
files_rereadable(const ease_common *c)
{
	struct stat st;

	if (c->nfiles == 0)
		return 0;
	for (int i = 0; i < c->nfiles; i++)
		if (strcmp(c->files[i], "-") == 0 || stat(c->files[i], &st) != 0 ||
		    !S_ISREG(st.st_mode))
			return 0;
	return 1;
}

/* JUDGE on one row as a rehearsal: what it drops is not counted yet. */
static int
rehearse(ease_judge_fn judge, void *ctx, const ease_rec *rec, const char *file,
	 long *day)
{
	int ok;

	ease_set_rehearsal(1);
	ok = judge(ctx, rec, file, day);
	ease_set_rehearsal(0);
	return ok;
}

/*
 * The last date is that of the last row the main pass keeps: a row it drops
 * (--skip-bad) must not move the window, or a file (read twice) and a pipe
 * (read once, kept) would give different rows.  So the rows are judged here
 * by the main pass's own JUDGE, in the same order, and RESTART then clears
 * what judging remembers (groups and dates seen).
 */
ease_recstore *
ease_last_window(ease_common *c, ease_input *in, ease_judge_fn judge,
		 void (*restart)(void *ctx), void *ctx)
{
	ease_recstore *store = NULL;
	const ease_rec *rec;
	long maxday = -2147483647L, day;

	if (!ease_window_needs_max(c))
		return NULL;
	if (files_rereadable(c)) {
		ease_input *first = ease_input_open(c->files, c->nfiles, c->delim);

		ease_input_header(first);
		ease_set_rehearsal(1);
		while ((rec = ease_input_next(first)) != NULL)
			if (judge(ctx, rec, ease_input_name(first), &day) && day > maxday)
				maxday = day;
		ease_set_rehearsal(0);
		ease_input_close(first);
	} else {
		store = ease_recstore_new();
		/* a row the reader refuses is reported here, and never seen again */
		while ((rec = ease_input_next(in)) != NULL) {
			if (rehearse(judge, ctx, rec, ease_input_name(in), &day) &&
			    day > maxday)
				maxday = day;
			ease_recstore_add(store, rec, ease_input_name(in));
		}
	}
	restart(ctx);
	ease_window_resolve(c, maxday);
	return store;
}

static const ease_rec *
raw_next(ease_dayreader *r, const char **file)
{
	const ease_rec *rec;

	if (r->store) {
		if (r->store_i == ease_recstore_count(r->store))
			return NULL;
		return ease_recstore_get(r->store, r->store_i++, file);
	}
	rec = ease_input_next(r->in);
	*file = ease_input_name(r->in);
	return rec;
}

static int
parse_values(ease_dayreader *r, const ease_rec *rec, const char *file)
{
	for (size_t k = 0; k < r->nwant; k++) {
		int col = r->want[k];
		const char *why = "is not a number";
		double v;
		int st;

		st = ease_cols_num(r->cols, col, rec->f[col], r->c->decimal_comma,
				   &v, &why);
		if (st == EASE_V_MISSING)
			v = NAN;
		else if (st != EASE_V_OK) {
			ease_bad_value(file, rec->line, r->cols->name[col],
				       rec->f[col], why);
			return 0;
		}
		r->v[k] = v;
	}
	return 1;
}

/*
 * "line 5" of the file in hand, or "a.csv:5" when the previous row came from
 * another of the input's files.
 */
static const char *
prev_ref(const ease_dayreader *r, const char *file, char *buf, size_t n)
{
	if (r->prev_file && strcmp(r->prev_file, file) != 0)
		snprintf(buf, n, "%.250s:%ld", r->prev_file, r->prev_line);
	else
		snprintf(buf, n, "line %ld", r->prev_line);
	return buf;
}

/*
 * Every check of a row but the window's: its date, its group, its place in
 * the order, its values.  1: the row is kept, *DAY its date; 0: reported (or
 * dropped by --skip-bad).
 */
static int
judge_row(ease_dayreader *r, const ease_rec *rec, const char *file, long *dayp)
{
	const char *g = r->group_col >= 0 ? rec->f[r->group_col] : "";
	long day;

	if (!parse_date(r, rec, file, &day))
		return 0;
	if (!r->in_group || (r->group_col >= 0 && strcmp(g, r->group) != 0)) {
		char shown[128];

		if (r->group_col >= 0 && !ease_strset_add(r->groups, g)) {
			if (ease_bad_row(file, rec->line,
					 "%s '%s' comes back after other rows (keep each %s's rows together, in date order)",
					 r->cols->name[r->group_col],
					 ease_shown(g, shown, sizeof shown),
					 r->cols->name[r->group_col]))
				return 0;
		}
		free(r->group);
		r->group = ease_xstrdup(g);
		r->in_group = 1;
		r->have_prev = 0;	/* dates are in order within a group */
		r->pending_start = 1;
	}
	if (r->have_prev && day <= r->prev_day) {
		char a[16], b[16], ref[300], what[400], by[700];
		const char *cur = r->who_col >= 0 ? rec->f[r->who_col] : NULL;

		if (day == r->prev_day)
			snprintf(what, sizeof what,
				 "date %s repeats the row of %s", ease_fmt_date(day, a),
				 prev_ref(r, file, ref, sizeof ref));
		else
			snprintf(what, sizeof what, "date %s comes after %s of %s",
				 ease_fmt_date(day, a), ease_fmt_date(r->prev_day, b),
				 prev_ref(r, file, ref, sizeof ref));
		if (cur && strcmp(cur, r->who_prev) != 0) {
			char s1[128], s2[128];
			const char *nm = r->cols->name[r->who_col];

			snprintf(by, sizeof by, ", where column '%.100s' changes from '%s' to "
				 "'%s': if it says whose rows these are, give --by %.100s; "
				 "else %s", nm, ease_shown(r->who_prev, s1, sizeof s1),
				 ease_shown(cur, s2, sizeof s2), nm,
				 day == r->prev_day ? "keep one row per day"
						    : "sort the rows by date");
		} else {
			snprintf(by, sizeof by, " (%s)", day == r->prev_day ?
				 "a day table has one row per day" : "sort the rows by date");
		}
		if (ease_bad_row(file, rec->line, "%s%s", what, by))
			return 0;
	}
	if (!parse_values(r, rec, file))
		return 0;
	if (r->who_col >= 0) {
		size_t l = strlen(rec->f[r->who_col]);

		ease_grow((void **)&r->who_prev, &r->who_cap, l + 1, 1);
		memcpy(r->who_prev, rec->f[r->who_col], l + 1);
	}
	r->have_prev = 1;
	r->prev_day = day;
	r->prev_line = rec->line;
	if (r->prev_file == NULL || strcmp(r->prev_file, file) != 0) {
		free(r->prev_file);
		r->prev_file = ease_xstrdup(file);
	}
	*dayp = day;
	return 1;
}

static int
judge_cb(void *ctx, const ease_rec *rec, const char *file, long *day)
{
	return judge_row(ctx, rec, file, day);
}

/* Forgets what judging the first pass remembered. */
static void
restart_cb(void *ctx)
{
	ease_dayreader *r = ctx;

	ease_strset_free(r->groups);
	r->groups = ease_strset_new();
	free(r->group);
	r->group = ease_xstrdup("");
	r->in_group = r->have_prev = r->pending_start = 0;
	free(r->prev_file);
	r->prev_file = NULL;
	memset(&r->dc, 0, sizeof r->dc);
}

const ease_dayrow *
ease_day_next(ease_dayreader *r)
{
	const ease_rec *rec;
	const char *file;
	long day;

	if (r->mem && r->started)
		return mem_next(r);
	if (!r->started) {
		r->started = 1;
		r->v = ease_xcalloc(r->nwant + 1, sizeof *r->v);
		if (r->mem)
			return mem_next(r);
		if (r->fields_used) {
			size_t k = r->fields_used;

			if ((size_t)r->date_col >= k)
				k = (size_t)r->date_col + 1;
			if (r->group_col >= 0 && (size_t)r->group_col >= k)
				k = (size_t)r->group_col + 1;
			if (r->who_col >= 0 && (size_t)r->who_col >= k)
				k = (size_t)r->who_col + 1;
			for (size_t i = 0; i < r->nwant; i++)
				if ((size_t)r->want[i] >= k)
					k = (size_t)r->want[i] + 1;
			ease_input_set_limit(r->in, k);
		}
		r->store = ease_last_window(r->c, r->in, judge_cb, restart_cb, r);
	}
	while ((rec = raw_next(r, &file)) != NULL) {
		if (!judge_row(r, rec, file, &day))
			continue;
		ease_span_add(&r->span, r->c, day);
		if (!r->keep_all && !ease_window_has(r->c, day))
			continue;
		return give_row(r, rec, file, day);
	}
	return NULL;
}

void
ease_day_warn_window(const ease_dayreader *r)
{
	char buf[256];

	if (ease_span_empty(&r->span, r->c, "rows", buf, sizeof buf))
		ease_warn("%s", buf);
}

void
ease_day_close(ease_dayreader *r)
{
	if (r == NULL)
		return;
	if (r->prev)
		r->prev->next = r->next;
	else
		open_days = r->next;
	if (r->next)
		r->next->prev = r->prev;
	ease_input_close(r->in);
	ease_cols_free(r->cols);
	ease_recstore_free(r->store);
	ease_strset_free(r->groups);
	free(r->want);
	free(r->v);
	free(r->group);
	free(r->prev_file);
	free(r->who_prev);
	free(r->mrec.f);
	free(r->mrec.len);
	free(r);
}

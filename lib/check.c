#include "ease/check.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/value.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = {
	"pain", "sleep", "massage", "med", "factor", "stress", "mood", "note", NULL
};

typedef struct chk {
	const ease_common *c;
	const ease_check_opts *o;
	const char *file;
	long problems;
	ease_cols *cols;
	int form;
	int date_col, group_col;	/* date_col: the start column in an event log */
	int kind_col, value_col;
	ease_strset *seen;	/* group + day -> first line */
	ease_strset *groups;	/* group -> index into the per-group state */
	struct grp { long first, last, prev_day, prev_line, rows_empty; int have; } *g;
	size_t ng, gcap;
	long cur_group;		/* index of the group of the previous row, -1 */
	ease_strset *days;	/* group + day seen (kind tables, event logs) */
	long rows;
	long first_day, last_day;
	int have_days;
	const char *hint_date, *hint_comma;	/* what an option would mend */
} chk;

static void
problem(chk *k, long line, const char *fmt, ...)
{
	va_list ap;

	k->problems++;
	if (k->o->quiet || k->problems > k->o->max_errors)
		return;
	if (line > 0)
		fprintf(stderr, "%s:%ld: ", k->file, line);
	else
		fprintf(stderr, "%s: ", k->file);
	va_start(ap, fmt);
	ease_vsay(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Spreadsheet exports in European form fail in recognisable ways. */
static void
note_hint(chk *k, const char *cell, const char *why)
{
	double v;
	long day;

	if (strstr(why, "date") && !k->c->date_format) {
		if (ease_parse_date(cell, "%d.%m.%Y", &day) == EASE_V_OK)
			k->hint_date = "%d.%m.%Y";
		else if (ease_parse_date(cell, "%m/%d/%Y", &day) == EASE_V_OK)
			k->hint_date = "%m/%d/%Y";
		else if (ease_parse_date(cell, "%d/%m/%Y", &day) == EASE_V_OK)
			k->hint_date = "%d/%m/%Y";
	}
	if (strstr(why, "number") && !k->c->decimal_comma && strchr(cell, ',') &&
	    ease_parse_num(cell, 1, &v) == EASE_V_OK)
		k->hint_comma = "--decimal-comma";
}

static void
bad_cell(chk *k, long line, int col, const char *cell, const char *why)
{
	char shown[128];

	note_hint(k, cell, why);
	problem(k, line, "column '%s': '%s' %s", k->cols->name[col],
		ease_shown(cell, shown, sizeof shown), why);
}

int
ease_check_form(const ease_cols *cols)
{
	static const int kind_roles[] = {
		EASE_R_PAIN_BEFORE, EASE_R_PAIN_AFTER, EASE_R_DRUG, EASE_R_DOSE,
		EASE_R_BEDTIME, EASE_R_WAKETIME, 0
	};

	if (ease_cols_role(cols, EASE_R_START) >= 0 &&
	    ease_cols_role(cols, EASE_R_KIND) >= 0)
		return EASE_FORM_EVENTS;
	if (ease_cols_role(cols, EASE_R_DATE) < 0)
		return EASE_FORM_UNKNOWN;
	for (const int *r = kind_roles; *r; r++)
		if (ease_cols_role(cols, *r) >= 0)
			return EASE_FORM_KIND;
	/* several ratings a day: pain.csv with a time of day */
	if (ease_cols_find(cols, "time") >= 0)
		return EASE_FORM_KIND;
	return EASE_FORM_DAY;
}

static struct grp *
group_of(chk *k, const char *g)
{
	long idx;

	if (ease_strset_put(k->groups, g, (long)k->ng, &idx)) {
		ease_grow((void **)&k->g, &k->gcap, k->ng + 1, sizeof *k->g);
		memset(&k->g[k->ng], 0, sizeof *k->g);
		idx = (long)k->ng++;
	}
	return &k->g[idx];
}

static int
is_kind(const char *s)
{
	for (const char *const *p = kinds; *p; p++)
		if (strcmp(*p, s) == 0)
			return 1;
	return 0;
}

/* The range of an event's value by its kind. */
static void
check_event_value(chk *k, const ease_rec *rec)
{
	const char *kind = rec->f[k->kind_col];
	const char *cell;
	double v, lo = -HUGE_VAL, hi = HUGE_VAL;
	char why[64];

	if (k->value_col < 0)
		return;
	cell = rec->f[k->value_col];
	if (strcmp(kind, "note") == 0)
		return;
	switch (ease_parse_num(cell, k->c->decimal_comma, &v)) {
	case EASE_V_MISSING:
		if (strcmp(kind, "pain") == 0 || strcmp(kind, "stress") == 0 ||
		    strcmp(kind, "mood") == 0)
			bad_cell(k, rec->line, k->value_col, cell,
				 "is missing (a rating needs a value)");
		return;
	case EASE_V_BAD:
		bad_cell(k, rec->line, k->value_col, cell,
			 ease_not_a_number(cell, k->c->decimal_comma, 0));
		return;
	}
	if (strcmp(kind, "pain") == 0 || strcmp(kind, "stress") == 0 ||
	    strcmp(kind, "mood") == 0)
		lo = 0, hi = 10;
	else if (strcmp(kind, "sleep") == 0)
		lo = 0, hi = 24;
	else if (strcmp(kind, "massage") == 0 || strcmp(kind, "med") == 0)
		lo = 0;
	if (v < lo || v > hi) {
		if (hi == HUGE_VAL)
			snprintf(why, sizeof why, "is negative (a %s value)", kind);
		else
			snprintf(why, sizeof why, "is outside %g..%g (a %s value)", lo, hi, kind);
		bad_cell(k, rec->line, k->value_col, cell, why);
	}
}

/* The row's day, or 0 when it has no valid one (the problem is reported). */
static int
row_day(chk *k, const ease_rec *rec, long *day, ease_datetime *start)
{
	const char *cell = rec->f[k->date_col];
	const char *why = NULL;
	double v;
	int st;

	if (k->form == EASE_FORM_EVENTS) {
		st = ease_parse_datetime(cell, NULL, start);
		if (st == EASE_V_OK) {
			*day = start->day;
			return 1;
		}
		why = st == EASE_V_MISSING ? "is missing (every event needs a start)"
		    : st == EASE_V_BADCAL ? "is not a valid date-time"
		    : "is not a date-time (expected YYYY-MM-DDTHH:MM[:SS])";
	} else {
		st = ease_role_check(EASE_R_DATE, cell, 0, k->c->date_format, &v, &why);
		if (st == EASE_V_OK) {
			*day = (long)v;
			return 1;
		}
		if (st == EASE_V_MISSING)
			why = "is missing (every row needs a date)";
	}
	bad_cell(k, rec->line, k->date_col, cell, why);
	return 0;
}

static void
check_row(chk *k, const ease_rec *rec)
{
	long day = 0;
	ease_datetime start;
	const char *g = k->group_col >= 0 ? rec->f[k->group_col] : "";
	int has_day = 0, empty = 1;

	if (k->date_col >= 0)
		has_day = row_day(k, rec, &day, &start);
	for (size_t i = 0; i < rec->n; i++) {
		int role = k->cols->role[i];
		const ease_roledef *d = ease_role_def(role);
		const char *why = NULL;
		double v;
		int st;

		if ((int)i == k->date_col || (int)i == k->group_col)
			continue;
		if (!ease_is_missing(rec->f[i]))
			empty = 0;
		if (role == EASE_R_VALUE || role == EASE_R_START || role == EASE_R_DATE)
			continue;
		if (role == EASE_R_END && k->form == EASE_FORM_EVENTS) {
			ease_datetime end;

			st = ease_parse_datetime(rec->f[i], NULL, &end);
			if (st == EASE_V_BAD || st == EASE_V_BADCAL)
				bad_cell(k, rec->line, (int)i, rec->f[i],
					 st == EASE_V_BAD ? "is not a date-time (expected YYYY-MM-DDTHH:MM[:SS])"
							  : "is not a valid date-time");
			else if (st == EASE_V_OK && has_day &&
				 ease_datetime_diff(&start, &end) < 0)
				bad_cell(k, rec->line, (int)i, rec->f[i],
					 "is before the start");
			else if (st == EASE_V_OK && has_day && k->kind_col >= 0 &&
				 strcmp(rec->f[k->kind_col], "sleep") == 0)
				day = end.day;	/* a night belongs to the day it ends */
			continue;
		}
		if (role == EASE_R_KIND && k->form == EASE_FORM_EVENTS) {
			if (!is_kind(rec->f[i]))
				bad_cell(k, rec->line, (int)i, rec->f[i],
					 "is not a kind (pain, sleep, massage, med, factor, stress, mood, note)");
			else
				check_event_value(k, rec);
			continue;
		}
		if (d->type == EASE_T_TEXT)
			continue;
		st = ease_role_check(role, rec->f[i], k->c->decimal_comma,
				     k->c->date_format, &v, &why);
		if (st == EASE_V_BAD)
			bad_cell(k, rec->line, (int)i, rec->f[i], why);
	}
	if (!has_day)
		return;
	if (!k->have_days || day < k->first_day)
		k->first_day = day;
	if (!k->have_days || day > k->last_day)
		k->last_day = day;
	k->have_days = 1;

	struct grp *gr = group_of(k, g);
	long gi = gr - k->g;
	char key[300], a[16], b[16];

	if (!gr->have || day < gr->first)
		gr->first = day;
	if (!gr->have || day > gr->last)
		gr->last = day;
	snprintf(key, sizeof key, "%.250s\x1f%ld", g, day);
	if (k->form != EASE_FORM_DAY) {
		ease_strset_add(k->days, key);
	} else {
		long first;

		if (!ease_strset_put(k->seen, key, rec->line, &first))
			problem(k, rec->line, "date %s repeats the row of line %ld%s%s%s",
				ease_fmt_date(day, a), first,
				*g ? " (for " : "", g, *g ? ")" : "");
		else {
			if (empty)
				gr->rows_empty++;
			if (gr->have && day < gr->prev_day)
				problem(k, rec->line,
					"date %s comes after %s of line %ld (rows are not in date order)",
					ease_fmt_date(day, a),
					ease_fmt_date(gr->prev_day, b), gr->prev_line);
			else if (gr->have && k->cur_group != gi) {
				char shown[128];

				problem(k, rec->line,
					"%s '%s' comes back after other rows (keep each %s's rows together)",
					k->cols->name[k->group_col],
					ease_shown(g, shown, sizeof shown),
					k->cols->name[k->group_col]);
			}
		}
	}
	if (!gr->have || day > gr->prev_day) {
		gr->prev_day = day;
		gr->prev_line = rec->line;
	}
	gr->have = 1;
	k->cur_group = gi;
}

static const char *
form_name(int form)
{
	switch (form) {
	case EASE_FORM_DAY: return "day table";
	case EASE_FORM_KIND: return "kind table";
	case EASE_FORM_EVENTS: return "event log";
	}
	return "unknown form";
}

/* Calendar days between each group's first and last date without data. */
static long
days_without(chk *k)
{
	long total = 0;

	for (size_t i = 0; i < k->ng; i++)
		total += k->g[i].last - k->g[i].first + 1 + k->g[i].rows_empty;
	if (k->form == EASE_FORM_DAY)
		return total - (long)ease_strset_count(k->seen);
	return total - (long)ease_strset_count(k->days);
}

static void
check_file(chk *k, const char *path)
{
	ease_reader *r = ease_reader_open(path, k->c->delim);
	const ease_rec *h, *rec;
	char list[1024];
	size_t width;
	long hline;
	int herr;

	k->file = ease_reader_name(r);
	ease_reader_set_lenient(r, 1);
	h = ease_reader_header(r);
	if (h == NULL) {
		if (ease_reader_error(r))
			problem(k, ease_reader_error_line(r), "%s", ease_reader_error(r));
		else
			problem(k, 0, "empty file (no header line)");
		fprintf(stderr, "%s: 0 rows, %ld problem%s\n", k->file, k->problems,
			k->problems == 1 ? "" : "s");
		ease_reader_close(r);
		return;
	}
	/* the reader reuses the header's record for the rows */
	width = h->n;
	hline = h->line;
	herr = ease_reader_error(r) != NULL;
	if (herr)
		problem(k, hline, "%s", ease_reader_error(r));
	k->cols = ease_cols_new(h, k->file, k->c->colmap, k->c->ncolmap);
	k->form = ease_check_form(k->cols);
	k->date_col = ease_cols_role(k->cols, k->form == EASE_FORM_EVENTS
				     ? EASE_R_START : EASE_R_DATE);
	k->group_col = k->c->by ? ease_cols_need(k->cols, k->c->by)
				: ease_cols_role(k->cols, EASE_R_SUBJECT);
	k->kind_col = ease_cols_role(k->cols, EASE_R_KIND);
	k->value_col = ease_cols_role(k->cols, EASE_R_VALUE);
	if (k->date_col < 0)
		problem(k, hline, "no date column (name one with --col date=NAME); columns: %s",
			ease_cols_list(k->cols, list, sizeof list));
	for (size_t i = 0; i < h->n; i++) {
		char shown[128];

		if (h->len[i] == 0)
			problem(k, hline, "column %zu has no name", i + 1);
		/* a name that looks right and matches nothing */
		else if (!herr && ease_has_hidden(h->f[i], h->len[i]))
			problem(k, hline, "column %zu: name '%s' holds invisible or control characters",
				i + 1, ease_shown_n(h->f[i], h->len[i], shown, sizeof shown));
	}
	k->seen = ease_strset_new();
	k->groups = ease_strset_new();
	k->days = ease_strset_new();
	k->cur_group = -1;

	while ((rec = ease_reader_next(r)) != NULL) {
		k->rows++;
		if (ease_reader_error(r)) {
			problem(k, rec->line, "%s", ease_reader_error(r));
			continue;
		}
		if (rec->n != width) {
			problem(k, rec->line, "%zu field%s, but the header has %zu",
				rec->n, rec->n == 1 ? "" : "s", width);
			continue;
		}
		check_row(k, rec);
	}
	if (ease_reader_error(r))
		problem(k, ease_reader_error_line(r), "%s", ease_reader_error(r));
	if (k->rows == 0)
		problem(k, 0, "no data rows, only a header");

	if (k->problems > k->o->max_errors && !k->o->quiet)
		fprintf(stderr, "%s: %ld more problem%s not shown (--max-errors %ld)\n",
			k->file, k->problems - k->o->max_errors,
			k->problems - k->o->max_errors == 1 ? "" : "s", k->o->max_errors);
	fprintf(stderr, "%s: %ld row%s, %s", k->file, k->rows, k->rows == 1 ? "" : "s",
		form_name(k->form));
	if (k->group_col >= 0 && k->ng > 0)
		fprintf(stderr, ", %zu %s%s", k->ng, k->cols->name[k->group_col],
			k->ng == 1 ? "" : "s");
	if (k->have_days) {
		char a[16], b[16];

		fprintf(stderr, ", %s to %s, %ld day%s without data",
			ease_fmt_date(k->first_day, a), ease_fmt_date(k->last_day, b),
			days_without(k), days_without(k) == 1 ? "" : "s");
	}
	fprintf(stderr, ", %ld problem%s\n", k->problems, k->problems == 1 ? "" : "s");
	if (k->hint_date && !k->o->quiet)
		fprintf(stderr, "%s: hint: the dates look like %s: try --date-format %s\n",
			k->file, k->hint_date, k->hint_date);
	if (k->hint_comma && !k->o->quiet)
		fprintf(stderr, "%s: hint: the numbers look like 7,5: try --decimal-comma\n",
			k->file);
	ease_strset_free(k->seen);
	ease_strset_free(k->groups);
	ease_strset_free(k->days);
	ease_cols_free(k->cols);
	free(k->g);
	ease_reader_close(r);
}

int
ease_check_run(ease_common *c, const ease_check_opts *o)
{
	static char *dash[] = {"-"};
	char **files = c->nfiles ? c->files : dash;
	int n = c->nfiles ? c->nfiles : 1;
	long total = 0;

	for (int i = 0; i < n; i++) {
		chk k;

		memset(&k, 0, sizeof k);
		k.c = c;
		k.o = o;
		check_file(&k, files[i]);
		total += k.problems;
	}
	if (fflush(stderr) != 0)
		return EASE_EX_IO;
	return total ? EASE_EX_FINDING : 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/check.h"
#include "ease/evkind.h"
#include "ease/csvio.h"
#include "ease/datehint.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/formats.h"
#include "ease/value.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Small pages: a subject with a few weeks of rows costs a few dozen bytes. */
enum { PAGE_DAYS = 256 };

typedef struct chk {
	const ease_common *c;
	const ease_check_opts *o;
	const char *file;
	long problems;
	ease_cols *cols;
	int form;
	int date_col, group_col;	/* date_col: the start column in an event log */
	int kind_col, value_col;
	ease_strset *groups;	/* group -> index into the per-group state */
	struct grp {
		long first, last;	/* the span of its dates */
		long first_line;	/* where its first date is */
		long first2, last2;	/* its second earliest and latest dates */
		long prev_day, prev_line;	/* its latest date so far, first seen on */
		long rows_empty, distinct;
		int have;
		/*
		 * The days seen, one bit each, in pages of PAGE_DAYS sorted by
		 * number: memory follows the span of the dates, not the rows.
		 */
		struct page { long no; unsigned char bit[PAGE_DAYS / 8]; } *page;
		size_t npage, pcap, hot;	/* hot: the page used last */
	} *g;
	size_t ng, gcap;
	long cur_group;		/* index of the group of the previous row, -1 */
	long rows;
	long first_day, last_day;
	int have_days;
	ease_datehint dates;	/* the unreadable dates of the date column */
	int loc_col;		/* pain_locations, or an event log's name; -1 */
	ease_painlocs locs;	/* the body locations pain is rated at */
	char *locbuf;
	size_t loccap;
	const char *hint_comma;	/* what an option would mend */
	/* the file's report, held until its end: -q drops a clean file's */
	FILE *out;
} chk;

static void
problem(chk *k, long line, const char *fmt, ...)
{
	va_list ap;

	k->problems++;
	if (k->problems > k->o->max_errors)
		return;
	if (line > 0)
		fprintf(k->out, "%s:%ld: ", k->file, line);
	else
		fprintf(k->out, "%s: ", k->file);
	va_start(ap, fmt);
	ease_vfsay(k->out, fmt, ap);
	va_end(ap);
	fputc('\n', k->out);
}

/* Spreadsheet exports in European form fail in recognisable ways. */
static void
note_hint(chk *k, const char *cell, const char *why)
{
	double v;

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

/* Marks DAY seen in GR; returns whether it was already. */
static int
seen_day(struct grp *gr, long day)
{
	/* floor division: days before 1970 are negative */
	long no = day >= 0 ? day / PAGE_DAYS : -((-day - 1) / PAGE_DAYS) - 1;
	long off = day - no * PAGE_DAYS;
	size_t lo = 0, hi = gr->npage;
	struct page *p;
	int was;

	if (gr->hot < gr->npage && gr->page[gr->hot].no == no) {
		lo = gr->hot;
	} else {
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (gr->page[mid].no < no)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == gr->npage || gr->page[lo].no != no) {
			if (gr->npage == gr->pcap) {
				/* from one page: most subjects need one or two */
				gr->pcap = gr->pcap ? 2 * gr->pcap : 1;
				gr->page = ease_xrealloc(gr->page, gr->pcap * sizeof *gr->page);
			}
			memmove(&gr->page[lo + 1], &gr->page[lo],
				(gr->npage - lo) * sizeof *gr->page);
			memset(&gr->page[lo], 0, sizeof *gr->page);
			gr->page[lo].no = no;
			gr->npage++;
		}
		gr->hot = lo;
	}
	p = &gr->page[lo];
	was = (p->bit[off >> 3] >> (off & 7)) & 1;
	p->bit[off >> 3] |= (unsigned char)(1u << (off & 7));
	return was;
}

/* An event's value read as ease-daily reads it: the kind's range and unit. */
static void
check_event_value(chk *k, const ease_rec *rec, int kind)
{
	int uc = ease_cols_role(k->cols, EASE_R_UNIT), on_unit;
	const char *cell, *no;
	char why[128];
	double v;

	if (k->value_col < 0)
		return;
	cell = rec->f[k->value_col];
	no = ease_event_value(kind, cell, uc >= 0 ? rec->f[uc] : "", k->c->decimal_comma, &v,
			      &on_unit, why, sizeof why);
	if (no)
		bad_cell(k, rec->line, on_unit ? uc : k->value_col,
			 on_unit ? rec->f[uc] : cell, no);
	else if (isnan(v) && ease_evkinds[kind].needs_value && kind != EASE_EV_NOTE)
		bad_cell(k, rec->line, k->value_col, cell,
			 "is missing (a rating needs a value)");
	/* a drug or a factor without a name: ease-daily stops at it, as here */
	if (kind == EASE_EV_MED || kind == EASE_EV_FACTOR) {
		int nc = ease_cols_role(k->cols, EASE_R_NAME);
		const char *name = nc >= 0 ? rec->f[nc] : "";
		char norm[128];

		if (kind == EASE_EV_MED && ease_norm_name(name, norm, sizeof norm)[0] == '\0')
			bad_cell(k, rec->line, nc >= 0 ? nc : k->kind_col, name,
				 "is not a drug name (a med event names its drug)");
		else if (kind == EASE_EV_FACTOR && ease_is_missing(name))
			bad_cell(k, rec->line, nc >= 0 ? nc : k->kind_col, name,
				 "is not a factor name (a factor event names its factor)");
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
		else if (ease_parse_date(cell, k->c->date_format, day) == EASE_V_BAD) {
			/*
			 * One cell cannot tell 01/03 from 03/01: the hint at the
			 * end weighs every date of the column.
			 */
			int shaped = ease_datehint_add(&k->dates, cell, rec->line);

			if (!k->c->date_format)
				why = shaped ? "is not a date (expected YYYY-MM-DD; see the --date-format hint)"
					     : "is not a date (expected YYYY-MM-DD)";
		}
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
			int kind = ease_evkind_find(rec->f[i]);

			if (kind < 0)
				bad_cell(k, rec->line, (int)i, rec->f[i], ease_evkind_bad());
			else
				check_event_value(k, rec, kind);
			continue;
		}
		if (d->type == EASE_T_TEXT) {
			/* a column without a role may hold 1.200 for thousands too:
			 * the tools read it as a number when asked to */
			if (k->cols->thou && role == EASE_R_NONE)
				ease_cols_num(k->cols, (int)i, rec->f[i],
					      k->c->decimal_comma, &v, &why);
			continue;
		}
		st = ease_cols_check(k->cols, (int)i, rec->f[i], k->c->decimal_comma,
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
	char a[16], b[16], shown[128];

	/*
	 * The second earliest and latest dates: a first or last date alone more
	 * than a year from the others is most likely a typo in the year.
	 */
	if (!gr->have) {
		gr->first2 = LONG_MAX;
		gr->last2 = LONG_MIN;
	} else {
		if (day < gr->first)
			gr->first2 = gr->first;
		else if (day > gr->first && day < gr->first2)
			gr->first2 = day;
		if (day > gr->prev_day)
			gr->last2 = gr->prev_day;
		else if (day < gr->prev_day && day > gr->last2)
			gr->last2 = day;
	}
	if (!gr->have || day < gr->first) {
		gr->first = day;
		gr->first_line = rec->line;
	}
	if (!gr->have || day > gr->last)
		gr->last = day;
	if (k->form != EASE_FORM_DAY) {
		/* several rows a day are normal: no duplicates, no order */
	} else if (seen_day(gr, day)) {
		/* only the latest date keeps its line: a bit a day is what 2 million rows afford */
		if (day == gr->prev_day)
			problem(k, rec->line, "date %s repeats the row of line %ld%s%s%s",
				ease_fmt_date(day, a), gr->prev_line, *g ? " (for " : "",
				ease_shown(g, shown, sizeof shown), *g ? ")" : "");
		else
			problem(k, rec->line,
				"date %s repeats an earlier row%s%s%s and comes after %s of line %ld (rows are not in date order)",
				ease_fmt_date(day, a), *g ? " (for " : "",
				ease_shown(g, shown, sizeof shown), *g ? ")" : "",
				ease_fmt_date(gr->prev_day, b), gr->prev_line);
	} else {
		gr->distinct++;
		if (empty)
			gr->rows_empty++;
		if (gr->have && day < gr->prev_day)
			problem(k, rec->line,
				"date %s comes after %s of line %ld (rows are not in date order)",
				ease_fmt_date(day, a),
				ease_fmt_date(gr->prev_day, b), gr->prev_line);
		else if (gr->have && k->cur_group != gi)
			problem(k, rec->line,
				"%s '%s' comes back after other rows (keep each %s's rows together)",
				k->cols->name[k->group_col],
				ease_shown(g, shown, sizeof shown),
				k->cols->name[k->group_col]);
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

/*
 * Calendar days between each group's first and last date without data.  Only
 * a day table promises a row a day: sessions and events come when they come.
 */
static long
days_without(chk *k)
{
	long total = 0;

	for (size_t i = 0; i < k->ng; i++)
		total += k->g[i].last - k->g[i].first + 1 + k->g[i].rows_empty -
			 k->g[i].distinct;
	return total;
}

/*
 * An app export is not a diary with problems on every row: one line says
 * what it is and what converts it.
 */
static void
app_export(chk *k, const ease_format *fm)
{
	k->problems++;
	fprintf(k->out, "%s: a %s export (%s), not an ease diary: convert it with ease-import --from %s\n",
	       k->file, fm->app, fm->shape, fm->name);
}

/*
 * A table with no date column that is no export ease-import knows either:
 * one problem that says so, with what the table looks like (a column that
 * holds dates, a delimiter inside its one column), not one per row.
 */
static void
unknown_table(chk *k, long hline, const char *cols, const char *hint, int datelike,
	      const char *sample)
{
	char fix[512], shown[128];

	if (hint[0])
		snprintf(fix, sizeof fix, "%s", hint);
	else if (datelike >= 0)
		snprintf(fix, sizeof fix, "column '%s' holds dates ('%s'): if it is a diary, "
			 "--col date='%s' names its date column", k->cols->name[datelike],
			 ease_shown(sample, shown, sizeof shown), k->cols->name[datelike]);
	else
		snprintf(fix, sizeof fix, "if it is a diary, --col date=NAME names its date "
			 "column");
	problem(k, hline, "not a diary (no date column; columns: %s) and not an export "
		"ease-import knows (ease-import --list names them): %s", cols, fix);
}

/* Whether --col names the column of dates (or of starts). */
static int
date_named(const chk *k)
{
	for (int i = 0; i < k->c->ncolmap; i++)
		if (k->c->colmap[i].role == EASE_R_DATE || k->c->colmap[i].role == EASE_R_START)
			return 1;
	return 0;
}

/* A cell that reads as a date or a date-time, as some tool may be told to read it. */
static int
looks_dated(const char *cell)
{
	ease_datetime dt;
	long day;

	return ease_parse_datetime(cell, NULL, &dt) == EASE_V_OK ||
	       ease_parse_date(cell, NULL, &day) == EASE_V_OK;
}

/* Once per column, from all of its dates, unless it is the format given. */
static void
date_hint(chk *k)
{
	char buf[512], fmt[EASE_DATEHINT_FMT];
	const char *say = ease_datehint_say(&k->dates, buf, sizeof buf);
	const char *one = ease_datehint_format(&k->dates, fmt);

	if (say == NULL || (one && k->c->date_format && strcmp(one, k->c->date_format) == 0))
		return;
	fprintf(k->out, "%s: hint: column '%s': %s\n", k->file, k->cols->name[k->date_col], say);
}

/*
 * The locations of a row's pain: a day table's pain_locations, an event
 * log's pain events' names.  A mean over locations is said once, at the end.
 */
static void
pain_locations(chk *k, const ease_rec *rec)
{
	const char *p;

	if (k->loc_col < 0 || (size_t)k->loc_col >= rec->n)
		return;
	if (k->form == EASE_FORM_EVENTS &&
	    (k->kind_col < 0 || (size_t)k->kind_col >= rec->n ||
	     ease_evkind_find(rec->f[k->kind_col]) != EASE_EV_PAIN))
		return;
	p = rec->f[k->loc_col];
	while (ease_pain_loc_next(&p, &k->locbuf, &k->loccap))
		ease_painlocs_add(&k->locs, k->locbuf);
}

static void
check_file(chk *k, const char *path)
{
	ease_reader *r = ease_reader_open(path, k->c->delim);
	const ease_rec *h, *rec, *pending = NULL;
	const ease_format *fm;
	ease_recstore *hkeep = NULL;
	char list[1024];
	size_t width;
	long hline;
	int herr, unknown, datelike = -1;
	char *sample = NULL, hint[160] = "";

	k->file = ease_reader_name(r);
	ease_reader_set_lenient(r, 1);
	h = ease_reader_header(r);
	if (h == NULL) {
		if (ease_reader_error(r))
			problem(k, ease_reader_error_line(r), "%s", ease_reader_error(r));
		else
			problem(k, 0, "empty file (no header line)");
		fprintf(k->out, "%s: 0 rows, %ld problem%s\n", k->file, k->problems,
			k->problems == 1 ? "" : "s");
		ease_reader_close(r);
		return;
	}
	if ((fm = ease_format_detect(h)) != NULL) {
		app_export(k, fm);
		ease_reader_close(r);
		return;
	}
	/* the reader reuses the header's record for the rows */
	width = h->n;
	hline = h->line;
	herr = ease_reader_error(r) != NULL;
	if (herr)
		problem(k, hline, "%s", ease_reader_error(r));
	k->cols = ease_cols_new_all(h, k->file, k->c->colmap, k->c->ncolmap);
	ease_cols_watch_thousands(k->cols, ease_reader_delim(r), k->c->date_format,
				  k->c->decimal_comma);
	if (ease_format_is_title(h)) {
		/* the follower is read into the header's record: the header is kept first */
		hkeep = ease_recstore_new();
		ease_recstore_add(hkeep, h, NULL);
		h = ease_recstore_get(hkeep, 0, NULL);
		pending = ease_reader_next(r);
		if (pending && !ease_reader_error(r) &&
		    (fm = ease_format_detect(pending)) != NULL) {
			app_export(k, fm);
			ease_cols_free(k->cols);
			ease_recstore_free(hkeep);
			ease_reader_close(r);
			return;
		}
	}
	k->form = ease_check_form(k->cols);
	k->date_col = ease_cols_role(k->cols, k->form == EASE_FORM_EVENTS
				     ? EASE_R_START : EASE_R_DATE);
	k->group_col = k->c->by ? ease_cols_need(k->cols, k->c->by)
				: ease_cols_role(k->cols, EASE_R_SUBJECT);
	k->kind_col = ease_cols_role(k->cols, EASE_R_KIND);
	k->value_col = ease_cols_role(k->cols, EASE_R_VALUE);
	k->loc_col = -1;
	if (k->form == EASE_FORM_EVENTS)
		k->loc_col = ease_cols_role(k->cols, EASE_R_NAME);
	else if (k->form == EASE_FORM_DAY)
		for (size_t i = 0; i < k->cols->n; i++)
			if (strcmp(k->cols->name[i], "pain_locations") == 0)
				k->loc_col = (int)i;
	/* no date: unknown, unless --col named one (then it is said as before) */
	unknown = k->date_col < 0 && !date_named(k);
	if (unknown) {
		ease_cols_list(k->cols, list, sizeof list);
		/* from the header now: the reader reuses its record for the rows */
		if (h->n == 1 && h->len[0] > 0) {
			const char *d = strpbrk(h->f[0], "|;\t:");

			if (d)
				snprintf(hint, sizeof hint, "its one column holds '%s': if that "
					 "is the delimiter, give -d '%s'", *d == '\t' ? "\\t" : "",
					 *d == '\t' ? "tab" : "");
			if (d && *d != '\t')
				snprintf(hint, sizeof hint, "its one column holds '%c': if that "
					 "is the delimiter, give -d '%c'", *d, *d);
		}
	}
	else if (k->date_col < 0)
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
	for (size_t i = 0; i < k->cols->nproblem; i++)
		problem(k, hline, "%s", k->cols->problem[i]);
	k->groups = ease_strset_new();
	k->cur_group = -1;
	ease_datehint_init(&k->dates);

	/* a title line's follower, when it was not a known header, is a row */
	while ((rec = pending ? pending : ease_reader_next(r)) != NULL) {
		pending = NULL;
		k->rows++;
		if (unknown) {
			/* the first row that has a cell like a date says what the table is */
			for (size_t i = 0; datelike < 0 && rec->n == width && i < rec->n; i++)
				if (looks_dated(rec->f[i])) {
					datelike = (int)i;
					sample = ease_xstrdup(rec->f[i]);
				}
			continue;
		}
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
		pain_locations(k, rec);
	}
	if (unknown) {
		unknown_table(k, hline, list, hint, datelike, sample ? sample : "");
		free(sample);
	} else if (ease_reader_error(r))
		problem(k, ease_reader_error_line(r), "%s", ease_reader_error(r));
	if (k->rows == 0 && !unknown)
		problem(k, 0, "no data rows, only a header");

	if (k->problems > k->o->max_errors)
		fprintf(k->out, "%s: %ld more problem%s not shown (--max-errors %ld)\n",
			k->file, k->problems - k->o->max_errors,
			k->problems - k->o->max_errors == 1 ? "" : "s", k->o->max_errors);
	fprintf(k->out, "%s: %ld row%s, %s", k->file, k->rows, k->rows == 1 ? "" : "s",
		form_name(k->form));
	if (k->group_col >= 0 && k->ng > 0)
		fprintf(k->out, ", %zu %s%s", k->ng, k->cols->name[k->group_col],
			k->ng == 1 ? "" : "s");
	if (k->have_days) {
		char a[16], b[16];

		fprintf(k->out, ", %s to %s", ease_fmt_date(k->first_day, a),
		       ease_fmt_date(k->last_day, b));
		if (k->form == EASE_FORM_DAY)
			fprintf(k->out, ", %ld day%s without data", days_without(k),
			       days_without(k) == 1 ? "" : "s");
	}
	fprintf(k->out, ", %ld problem%s\n", k->problems, k->problems == 1 ? "" : "s");
	date_hint(k);
	if (k->locs.n >= 2)
		fprintf(k->out, "%s: hint: pain is rated at %zu body locations (%s): %s; "
		       "ease-daily --pain-location LOCATION[,LOCATION] chooses them\n",
		       k->file, k->locs.n, ease_painlocs_list(&k->locs, list, sizeof list),
		       k->form == EASE_FORM_DAY ? "column pain is a mean over them"
		       : "ease-daily averages them into pain");
	ease_painlocs_free(&k->locs);
	free(k->locbuf);
	if (k->hint_comma)
		fprintf(k->out, "%s: hint: the numbers look like 7,5: try --decimal-comma\n",
			k->file);
	for (size_t i = 0; i < k->ng && !k->o->quiet; i++) {
		/*
		 * A first or last date alone, more than a year from the subject's
		 * other dates (2062 after the days of 2026): ease-daily would fill
		 * the years between with empty days.  Two exports a year apart
		 * have several dates each side, and are left alone.
		 */
		const struct grp *gr = &k->g[i];
		int late = gr->last2 != LONG_MIN && gr->last - gr->last2 > 365;
		int early = gr->first2 != LONG_MAX && gr->first2 - gr->first > 365;

		if (late || early) {
			char a[16], b[16];
			long day = late ? gr->last : gr->first, near = late ? gr->last2 : gr->first2;
			long gap = labs(day - near), years = (long)floor(gap / 365.2425);

			fprintf(k->out, "%s: hint: line %ld: date %s is %ld days (%ld year%s) %s the subject's other dates (%s the nearest): a typo in the year?%s\n",
			       k->file, late ? gr->prev_line : gr->first_line, ease_fmt_date(day, a),
			       gap, years, years == 1 ? "" : "s", late ? "after" : "before",
			       ease_fmt_date(near, b),
			       k->form == EASE_FORM_DAY ? " (the days between count as without data)"
			       : " (ease-daily would make a day of each between)");
			break;
		}
	}
	for (size_t i = 0; i < k->cols->n; i++) {
		const char *hint = ease_cols_thousands_hint(k->cols, (int)i);

		if (hint)
			fprintf(k->out, "%s: hint: %s\n", k->file, hint);
	}
	ease_strset_free(k->groups);
	ease_recstore_free(hkeep);
	ease_cols_free(k->cols);
	for (size_t i = 0; i < k->ng; i++)
		free(k->g[i].page);
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
	/* the findings are the result: written and checked as any tool's output */
	ease_writer *w = ease_writer_open(c->output, EASE_FMT_CSV, c->files, c->nfiles);

	for (int i = 0; i < n; i++) {
		chk k;
		char *text = NULL;
		size_t len = 0;

		memset(&k, 0, sizeof k);
		k.c = c;
		k.o = o;
		k.out = open_memstream(&text, &len);
		if (k.out == NULL)
			ease_die(EASE_EX_SOFTWARE, "out of memory");
		check_file(&k, files[i]);
		if (fclose(k.out) != 0)
			ease_die(EASE_EX_SOFTWARE, "out of memory");
		/* -q: nothing on success, the whole report of a file with problems */
		if (!o->quiet || k.problems)
			ease_w_bytes(w, text, len);
		free(text);
		total += k.problems;
	}
	ease_writer_close(w);
	return total ? EASE_EX_FINDING : 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a day table: one row per calendar day (per subject), in date order. */
#ifndef EASE_DAYTAB_H
#define EASE_DAYTAB_H

#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/opts.h"
#include "ease/span.h"

typedef struct ease_dayrow {
	const ease_rec *rec;	/* the row as read */
	const char *file;
	long line;
	long day;		/* days since 1970-01-01 */
	const char *group;	/* the --by / subject cell, "" without grouping */
	int group_start;	/* first row of its group */
	const double *v;	/* the wanted columns' values, NaN when missing */
} ease_dayrow;

typedef struct ease_dayreader ease_dayreader;

/*
 * Opens C's inputs as a day table: the date column is required (exit 65),
 * rows are grouped by --by, else by a subject column when there is one.
 */
ease_dayreader *ease_day_open(ease_common *c);
/* A column (id, name, who, client, patient, *_id) that may say whose rows
 * these are when none has the subject role; -1 when none does. */
int ease_day_who_column(const ease_cols *cols, int date_col);
const ease_cols *ease_day_cols(const ease_dayreader *r);
int ease_day_date_col(const ease_dayreader *r);
int ease_day_group_col(const ease_dayreader *r);
/*
 * Asks for column COL parsed as a number on every row (range-checked by its
 * role); returns its slot in ease_dayrow.v.  Call before the first row.
 */
int ease_day_want(ease_dayreader *r, int col);
/*
 * The tool reads no field of a row past the K-th (it writes no row back):
 * the reader then keeps only those, and the date, group and wanted columns.
 * Call before the first row.
 */
void ease_day_fields_used(ease_dayreader *r, size_t k);
/*
 * Whether rows outside --since/--until/--last are handed out too (default:
 * no).  A tool that needs the days before the window to compute the first
 * days inside it turns this on and asks ease_day_in_window() itself.
 */
void ease_day_keep_all(ease_dayreader *r, int on);
int ease_day_in_window(const ease_dayreader *r, long day);
/*
 * The next row, or NULL.  Exits 65 (or skips with --skip-bad) on a bad date
 * or value, a date that repeats or goes back within a group, and a group
 * that comes back after another one.
 */
const ease_dayrow *ease_day_next(ease_dayreader *r);
/*
 * After the last row: warns "no rows between A and B (the data run from X to
 * Y)" when --since/--until/--last kept none of the rows read.
 */
void ease_day_warn_window(const ease_dayreader *r);
void ease_day_close(ease_dayreader *r);

/*
 * The last date parsed, so that the next one of the same month is found
 * without the full parse: a table's dates come in order.  Zero it to start.
 */
typedef struct ease_datecache {
	char ym[8];		/* "YYYY-MM-" of the last ISO date parsed */
	long month_start;	/* its month's first day */
	int mdays;		/* and length */
	int valid;
} ease_datecache;

/*
 * The date in column COL (named NAME) of REC: 1 with *DAY set, or 0 after
 * ease_bad_value has reported it (exit 65, or the row is skipped).
 */
int ease_rec_date(const ease_rec *rec, int col, const char *name,
		  const char *date_fmt, const char *file, ease_datecache *dc,
		  long *day);

/*
 * Every check a tool makes of a row but the window's: 1 with *DAY set when
 * the row is kept, 0 when it was reported (or dropped by --skip-bad).
 */
typedef int (*ease_judge_fn)(void *ctx, const ease_rec *rec, const char *file,
			     long *day);

/*
 * --last without --today counts back from the date of the last row the tool
 * keeps, as JUDGE (on CTX) decides; RESTART then forgets what judging
 * remembered.  Files are read once for it, so the rows can then stream; rows
 * from a pipe are read here and kept, and the store holding them is returned
 * (read them from it, then free it).  NULL when nothing was kept.
 */
ease_recstore *ease_last_window(ease_common *c, ease_input *in,
				ease_judge_fn judge, void (*restart)(void *ctx),
				void *ctx);

/* A set of strings, for groups seen and such. */
typedef struct ease_strset ease_strset;
ease_strset *ease_strset_new(void);
/* Adds S; returns 1 when it was new, 0 when already there. */
int ease_strset_add(ease_strset *s, const char *str);
/*
 * The set as a map to a number: adds STR with VAL and returns 1 when new;
 * otherwise returns 0 and sets *OLD to the number it was added with.
 */
int ease_strset_put(ease_strset *s, const char *str, long val, long *old);
/* Whether STR is in the set; *VAL (when not NULL) is its number. */
int ease_strset_get(const ease_strset *s, const char *str, long *val);
size_t ease_strset_count(const ease_strset *s);
void ease_strset_free(ease_strset *s);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-import: app exports (Bearable, Sleep as Android, Fitbit, Sleep Cycle,
 * Plees Tracker, Sleepmeter, the SecUSo pain diary) read into the event log
 * subject,start,end,kind,name,value,unit,note.
 */
#ifndef EASE_IMPORT_H
#define EASE_IMPORT_H

#include "ease/datehint.h"
#include <stddef.h>
#include <time.h>
#include "ease/csvio.h"
#include "ease/opts.h"

typedef struct ease_import_opts {
	const char *from;	/* a format's name; NULL or "auto": by the header */
	const char *tz;		/* zone of times written without one; NULL: TZ */
	int verbose;
	int asleep_from_bed;	/* Sleep Cycle's older layout: hours asleep = time in bed */
} ease_import_opts;

/* Converts every file of C; returns the exit status. */
int ease_import_run(ease_common *c, const ease_import_opts *o);
/* One line per format, for --list. */
void ease_import_list(void);
/* Whether NAME is a format ease-import reads (or "auto"). */
int ease_import_known(const char *name);

/*
 * What the per-format readers share with the driver: the run's state, one
 * record at a time.
 */
typedef struct ease_imp ease_imp;

/* The state of a run, as the readers see it. */
struct ease_imp {
	const ease_common *c;
	const ease_import_opts *o;
	const char *file;	/* the file being read */
	int fileno;		/* its index, for duplicate messages */
	const char *zone;	/* zone of unzoned times in this file */
	long last_line;		/* line of the last record read */
	char *tz_set;		/* the zone TZ holds now (NULL: as the process began) */
	void *priv;		/* the driver's own */
};

/* One event; NULL or "" fields are empty cells. */
typedef struct ease_event {
	const char *subject;
	const char *start, *end;	/* ISO 8601, as written out */
	const char *kind, *name;
	double value;			/* NaN: empty */
	const char *unit, *note;
} ease_event;

/* Writes E (from line LINE of the file), unless it repeats an earlier event. */
void ease_imp_emit(ease_imp *im, const ease_event *e, long line);

/*
 * Local wall-clock time (days since 1970-01-01, seconds of the day) in zone
 * ZONE (NULL: the file's) to an instant, by ease_tz_local's rule (ease-daily
 * reads local times by it too).  Returns NULL, or a bad-record message for a
 * time the clocks skipped; an hour the clocks repeated takes the instant
 * nearer HINT (what the record's length says), and is an error when HINT is
 * -1 or as near to both (within 10 minutes).
 */
const char *ease_imp_local(ease_imp *im, const char *zone, long day, long sec,
			   time_t hint, time_t *out);
/*
 * The two ends of a record's interval, local times D0 S0 and D1 S1, in *A and
 * *B: an end in the repeated hour is settled by the other end and the
 * record's LENGTH in seconds (NaN: not known), as ease-daily settles it.
 * Returns NULL, or the message of ease_imp_local and in *WHICH the end it
 * is about (0 the start, 1 the end).
 */
const char *ease_imp_interval(ease_imp *im, const char *zone, long d0, long s0, long d1,
			      long s1, double length, time_t *a, time_t *b, int *which);
/* The instant T as a date-time in ZONE (NULL: the file's) with its offset. */
char *ease_imp_fmt(ease_imp *im, const char *zone, time_t t, char *buf);

/*
 * The next record of R (ragged ones too: each format says its width), or
 * NULL at the end; a record the CSV rules cannot read is bad data.
 */
const ease_rec *ease_imp_next(ease_imp *im, ease_reader *r);
/* Header H copied, to outlive the next read. */
ease_rec *ease_imp_keep(const ease_rec *h);
void ease_imp_free(ease_rec *h);

/*
 * Column NAME of header H, which the format cannot do without: a header that
 * lacks it stops the run (exit 65), naming it.
 */
int ease_imp_need(ease_imp *im, const ease_rec *h, const char *name);
/* Field COL of REC, "" when COL < 0 or beyond the record. */
const char *ease_imp_cell(const ease_rec *rec, int col);
/* Whether REC has H's width; a bad record (skipped: 0) otherwise. */
int ease_imp_width(ease_imp *im, const ease_rec *rec, const ease_rec *h);
/*
 * A number the way apps write it: "1,005" with thousands commas, "79%"
 * (PERCENT set), blanks around.  EASE_V_OK, EASE_V_MISSING or EASE_V_BAD.
 */
int ease_imp_num(const char *cell, double *v, int *percent);
/* A name for a column of the day table: "Back (lower)" -> "back_lower". */
char *ease_imp_slug(const char *s, size_t len, char *buf, size_t n);

/*
 * Text that grows as it is written: a cell's text kept whole, whatever its
 * length (no importer cuts a name, a unit or a note at a fixed size).
 * Start from {0}; s is "" once anything was written; free(s) when done.
 */
typedef struct ease_imp_str {
	char *s;
	size_t len, cap;
} ease_imp_str;
/* Appends N bytes of P. */
void ease_imp_str_add(ease_imp_str *b, const char *p, size_t n);
/* Appends text formatted as by printf. */
void ease_imp_str_addf(ease_imp_str *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Empties B (keeping its memory) and makes it "". */
void ease_imp_str_clear(ease_imp_str *b);
/* The slug of LEN bytes of S (ease_imp_slug), malloc'd, never cut. */
char *ease_imp_slug_dup(const char *s, size_t len);

/* Column NAME of header H (any case, blanks around ignored), or -1. */
int ease_imp_col(const ease_rec *h, const char *name);

/*
 * A column of dates written with numbers (1/5/2016, 05.01.2016, 2016-01-05)
 * whose order (day or month first) is settled by all of its dates, not one.
 */
typedef struct ease_dateform {
	int seen;
	char shape[16];		/* "N/N/YYYY": the first shape met */
	char first[40];
	long first_line;
	ease_datehint order;	/* what the dates tell of day and month */
} ease_dateform;

void ease_dateform_init(ease_dateform *d);
/* Takes the date part of CELL (up to a blank after the year); 0 or a message. */
const char *ease_dateform_add(ease_dateform *d, const char *cell, long line,
			      char *msg, size_t n);
/*
 * After every date of the column: 0, or the message (with FILE and the
 * column) of why the order is open or mixed.
 */
const char *ease_dateform_settle(ease_dateform *d, const char *col, char *msg,
				 size_t n);
/*
 * A date-time cell "DATE[ TIME[ AM|PM]]" read in the order settled (or by
 * --date-format FMT for the date part).  Returns 0 or what was expected.
 */
const char *ease_dateform_read(const ease_dateform *d, const char *fmt,
			       const char *cell, long *day, long *sec);

/*
 * Every row of R (the header H) kept, with the day-and-month order of the
 * date columns COLS (named NAMES, NCOLS of them) settled by all their dates
 * into DF: exit 65 when it stays open.  SECTIONS: a one-field row ends the
 * table (Fitbit's account export).  Free the store when done.
 */
ease_recstore *ease_imp_read_dated(ease_imp *im, ease_reader *r, const ease_rec *h,
				   const int *cols, const char *const *names, int ncols,
				   int sections, ease_dateform *df);

/* "H:MM[:SS][ ]AM|PM" or "H:MM[:SS]": seconds of the day; -1 when not one. */
long ease_imp_clock(const char *s, const char **end);

/* The readers: each takes the header and reads its file to the end. */
typedef void (*ease_imp_reader)(ease_imp *im, ease_reader *r, const ease_rec *h);
void ease_import_plees(ease_imp *im, ease_reader *r, const ease_rec *h);
void ease_import_secuso(ease_imp *im, ease_reader *r, const ease_rec *h);
void ease_import_sleep_cycle(ease_imp *im, ease_reader *r, const ease_rec *h);
void ease_import_fitbit(ease_imp *im, ease_reader *r, const ease_rec *h);
void ease_import_bearable(ease_imp *im, ease_reader *r, const ease_rec *h);
void ease_import_saa(ease_imp *im, ease_reader *r, const ease_rec *h);
void ease_import_sleepmeter(ease_imp *im, ease_reader *r, const ease_rec *h);

#endif

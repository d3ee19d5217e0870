/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-daily: event logs, kind tables and day tables into one day table. */
#ifndef EASE_DAILY_H
#define EASE_DAILY_H

#include "ease/opts.h"

/* What an input file holds. */
enum {
	EASE_IN_EVENTS, EASE_IN_SESSIONS, EASE_IN_PAIN, EASE_IN_SLEEP,
	EASE_IN_MEDS, EASE_IN_FACTORS, EASE_IN_DAYS, EASE_IN_NKINDS
};

enum { EASE_PREFER_NONE, EASE_PREFER_FIRST, EASE_PREFER_LAST };

typedef struct ease_daily_input {
	int kind;		/* EASE_IN_* */
	const char *path;
	int pos;		/* place on the command line: "first" and "last" */
} ease_daily_input;

typedef struct ease_daily_opts {
	ease_daily_input *in;
	int nin, cap;
	int has_from, has_to;
	long from, to;		/* days since 1970-01-01 */
	int prefer;		/* EASE_PREFER_* */
	int naps_add;
	const char *tz;		/* NULL: TZ, else the system's zone */
	const char *pain_loc;	/* --pain-location; NULL: every location */
	/* the command line as given, to tell where each file stood */
	char **argv0;
	int argc0;
} ease_daily_opts;

/* Keeps a copy of ARGV's pointers before getopt moves them. */
void ease_daily_opts_init(ease_daily_opts *o, int argc, char **argv);
/* --sessions F and the like: KIND is EASE_IN_*. */
void ease_daily_add(ease_daily_opts *o, int kind, const char *path);
/* --prefer first|last, --naps ignore|add, --from/--to DATE (exit 2 when bad). */
void ease_daily_set_prefer(ease_daily_opts *o, const char *arg);
void ease_daily_set_naps(ease_daily_opts *o, const char *arg);
void ease_daily_set_from(ease_daily_opts *o, const char *arg, int to);

/*
 * The whole of ease-daily: reads every input (the positional files of C as
 * event logs; standard input when there is no input at all), writes the day
 * table.  Exit 65 on bad data and on two inputs that disagree about one cell
 * (unless O->prefer).
 */
int ease_daily_run(ease_common *c, ease_daily_opts *o);

#endif

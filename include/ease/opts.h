/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Options every tool shares, parsed in one place. */
#ifndef EASE_OPTS_H
#define EASE_OPTS_H

#include <getopt.h>
#include "ease/cols.h"

/*
 * The version is written once, as VERSION in the Makefile, which passes it
 * as -DEASE_VERSION; a file compiled by hand (a fuzz harness) says so.
 */
#ifndef EASE_VERSION
#define EASE_VERSION "unversioned"
#endif

/* Which groups of the common options a tool takes. */
enum {
	EASE_O_READ = 1,	/* files, -d, --decimal-comma, --date-format, --col */
	EASE_O_WINDOW = 2,	/* --since, --until, --last, --today */
	EASE_O_BY = 4,		/* --by */
	EASE_O_OUTPUT = 8,	/* -o, --format */
	EASE_O_DIGITS = 16,	/* --digits, for tools that compute numbers */
	EASE_O_SKIP_BAD = 32,	/* --skip-bad, for tools that stop at bad data */
	EASE_O_INPUT = EASE_O_READ | EASE_O_SKIP_BAD,
	/* with EASE_O_READ: formats that fix their columns and numbers refuse
	 * --decimal-comma and --col, and --help says so */
	EASE_O_FIXED_COLS = 64,
	/* -o alone, for a tool whose output is text, not a table (--format) */
	EASE_O_OUTPUT_FILE = 128,
	EASE_O_ALL = 63
};

#define EASE_MAX_COLMAP 64

typedef struct ease_common {
	char delim;		/* 0: detect */
	int decimal_comma;
	const char *date_format;	/* NULL: ISO 8601 */
	ease_colmap colmap[EASE_MAX_COLMAP];
	int ncolmap;
	const char *by;
	int has_since, has_until, today;
	long since, until;	/* days since 1970-01-01 */
	long last;		/* 0: not given */
	const char *output;
	int format;		/* EASE_FMT_* */
	int format_given;	/* --format csv, tsv or table was given */
	int digits;
	int skip_bad;
	char **files;
	int nfiles;
	/*
	 * Not NULL: the day table is this one held in memory (ease/daymem.h),
	 * which ease_day_open reads instead of FILES (then only named in messages).
	 */
	const struct ease_daymem *mem;
} ease_common;

/*
 * A tool's own options.  HANDLE gets each option getopt_long returns that is
 * not a common one; it returns 0, or calls ease_usage() itself.
 */
typedef struct ease_tool {
	const char *name;	/* "select" */
	const char *usage;	/* "[OPTION]... [FILE]..." */
	const char *options;	/* help text of the tool's own options */
	const char *examples;	/* help text: a few example lines */
	const char *shortopts;	/* the tool's short options, getopt style */
	const struct option *longopts;	/* terminated by a zero entry */
	unsigned common;	/* EASE_O_* groups */
	int (*handle)(int opt, const char *arg, void *ctx);
	int max_files;		/* -1: any number; 0: none */
} ease_tool;

/* Values 1000 and up are the common options' own; tools use others. */
#define EASE_OPT_TOOL 2000
/*
 * A --format value other than csv, tsv and table goes to the tool's HANDLE
 * under this number (ease-plan's ics; day, events, sessions, ease-simulate's
 * old spelling of --table); a tool that returns nonzero for it leaves the
 * common message to be said.
 */
#define EASE_OPT_FORMAT 1999

/* Parses ARGV into C and the tool's context; handles --help and --version. */
void ease_parse_args(const ease_tool *t, int argc, char **argv, ease_common *c,
		     void *ctx);
/* "PROG: message" and "Try 'PROG --help' for more information.", exit 2. */
/* Prints "PROG (ease) VERSION" and the licence, as -V does, and exits 0. */
void ease_version(void)
	__attribute__((noreturn));

void ease_usage(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/* Helpers for tools' own option values (exit 2 when malformed). */
long ease_opt_long(const char *opt, const char *arg, long lo, long hi);
double ease_opt_double(const char *opt, const char *arg);
long ease_opt_date(const char *opt, const char *arg);
/*
 * Calls ITEM with each piece of the comma-separated list ARG ("7,28",
 * "pearson,kendall"), as a string of its own; an empty piece is a usage
 * error naming OPT.
 */
void ease_opt_each(const char *opt, const char *arg,
		   void (*item)(const char *piece, void *ctx), void *ctx);

/*
 * The date window once the last date of the data is known (for --last without
 * --today); MAXDAY is ignored otherwise.
 */
void ease_window_resolve(ease_common *c, long maxday);
/* Whether --last needs the data's last date before any row can be judged. */
int ease_window_needs_max(const ease_common *c);
int ease_window_has(const ease_common *c, long day);
int ease_window_active(const ease_common *c);
/*
 * After a bare --today: a file argument that is a date and no file was meant
 * as --today=DATE; says so (exit 2) rather than "No such file".
 */
void ease_today_not_file(const ease_common *c);

/* The one-line purpose of a tool, or NULL; and the whole list. */
typedef struct ease_tool_info {
	const char *name;
	const char *purpose;
} ease_tool_info;
const ease_tool_info *ease_tools(void);
const char *ease_tool_purpose(const char *name);

#endif

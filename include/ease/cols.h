/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Column names and the roles they play. */
#ifndef EASE_COLS_H
#define EASE_COLS_H

#include <stddef.h>
#include "ease/csvio.h"

enum ease_role {
	EASE_R_NONE = 0,
	/* day table */
	EASE_R_DATE, EASE_R_SUBJECT, EASE_R_PAIN, EASE_R_PAIN_MAX, EASE_R_PAIN_N,
	EASE_R_SLEEP_HOURS, EASE_R_SLEEP_QUALITY, EASE_R_TIME_IN_BED,
	EASE_R_SLEEP_EFFICIENCY, EASE_R_MASSAGE, EASE_R_TECHNIQUE,
	EASE_R_MASSAGE_MIN, EASE_R_MEDS_DOSES, EASE_R_MED, EASE_R_STRESS,
	EASE_R_MOOD,
	/* kind tables */
	EASE_R_PAIN_BEFORE, EASE_R_PAIN_AFTER, EASE_R_DRUG, EASE_R_DOSE,
	EASE_R_UNIT, EASE_R_BEDTIME, EASE_R_WAKETIME,
	/* event log */
	EASE_R_START, EASE_R_END, EASE_R_KIND, EASE_R_NAME, EASE_R_VALUE,
	EASE_R_NOTE,
	EASE_R_COUNT
};

enum ease_rtype {
	EASE_T_TEXT,	/* any text */
	EASE_T_NUM,	/* a number within lo..hi */
	EASE_T_COUNT,	/* a whole number >= 0 */
	EASE_T_DATE,
	EASE_T_TIME,	/* clock time or date-time */
	EASE_T_DATETIME
};

typedef struct ease_roledef {
	const char *name;
	int type;
	double lo, hi;
	const char *aliases;	/* normalised names, space-separated */
	const char *what;	/* one line for --help and the man page */
} ease_roledef;

/* The roles' definitions, by enum ease_role: read through ease_role_def. */
extern const ease_roledef ease_roledefs[EASE_R_COUNT];

/* ROLE's definition (EASE_R_NONE's for a number out of range); inline: it is asked per cell. */
static inline const ease_roledef *
ease_role_def(int role)
{
	return &ease_roledefs[role < 0 || role >= EASE_R_COUNT ? EASE_R_NONE : role];
}
/*
 * Whether lower values of ROLE are better: 1 (pain, stress, medication),
 * 0 (sleep, mood), or -1 when the role does not say.
 */
int ease_role_lower(int role);
/* The role named NAME ("pain", "sleep_hours"), or EASE_R_NONE. */
int ease_role_by_name(const char *name);

/*
 * Header normalisation: lower-case, a trailing "(unit)" or "[unit]" dropped,
 * runs of other characters than letters and digits turned into one '_',
 * no '_' at either end.  Bytes of UTF-8 letters are kept as they are.
 */
char *ease_norm_name(const char *in, char *out, size_t n);
/* The role of a header (by its normalised name and the aliases). */
int ease_role_of(const char *header);

/*
 * Checks a cell against the role's type and range.  Returns EASE_V_OK (with
 * *V set for numeric roles), EASE_V_MISSING, or EASE_V_BAD with *WHY set to
 * the end of the message: "is not a number", "is outside 0..10", ...
 * DATE_FMT applies to date roles.
 */
int ease_role_check(int role, const char *cell, int decimal_comma,
		    const char *date_fmt, double *v, const char **why);

/*
 * The end of the message for a cell that should be a number: "is not a
 * number", with a pointer to --decimal-comma when the cell is one written so,
 * or what else is wrong with it (too large, a misplaced '.').
 */
const char *ease_not_a_number(const char *cell, int decimal_comma, int whole);

/* How much a problem of the header matters (ease_cols.severity). */
enum {
	EASE_COLS_NOTE,		/* names that repeat: only a tool naming them stops */
	EASE_COLS_WARN,		/* a match refused (a unit that does not fit) */
	EASE_COLS_ERROR		/* a role two columns claim */
};

/* A table's columns with their roles, after --col overrides. */
typedef struct ease_cols {
	size_t n;
	char **name;	/* as in the header */
	char **norm;	/* normalised */
	int *role;
	double *scale;	/* value x scale is in the role's unit ("(seconds)" -> hours) */
	int *twin;	/* the first other column of the same name, or -1 */
	const char *file;
	long line;	/* the header's */
	/* what the header leaves unsettled, as message ends (no file:line) */
	char **problem;
	int *severity;	/* EASE_COLS_* */
	size_t nproblem, pcap, scap;
	struct ease_thou *thou;	/* per column, while watching for 1.200 */
	struct ease_plain *plain;	/* per column: ease_cols_skip_plain's ranges */
} ease_cols;

/* --col ROLE=NAME, parsed by the common options. */
typedef struct ease_colmap {
	int role;
	const char *name;
} ease_colmap;

/*
 * Exits 2 when an override names a column the header does not have, and 65
 * when two columns claim one role (pain and Pain Level) or share the name
 * of a role; warns about a header whose unit refused a role.
 */
ease_cols *ease_cols_new(const ease_rec *header, const char *file,
			 const ease_colmap *map, int nmap);
/* The same without exiting or warning: the problems are in C->problem. */
ease_cols *ease_cols_new_all(const ease_rec *header, const char *file,
			     const ease_colmap *map, int nmap);
/* Exits 65 when another column has the same name as column COL. */
void ease_cols_need_unique(const ease_cols *c, int col);
/*
 * ease_role_check for column COL of C: a header's unit applied (a value of
 * 'Time in bed (seconds)' in hours).
 */
int ease_cols_check(const ease_cols *c, int col, const char *cell,
		    int decimal_comma, const char *date_fmt, double *v,
		    const char **why);
/*
 * The first column from I (up to END) whose cell in REC ease_cols_check
 * would have to judge: the columns skipped are numbers or counts whose cell
 * is a plain decimal (5, 400, 6.5) within the role's range, so valid and not
 * missing.  Checking a row cell by cell cost about what parsing it did.
 */
size_t ease_cols_skip_plain(const ease_cols *c, const ease_rec *rec, size_t i,
			    size_t end, int decimal_comma);
/*
 * The number in CELL of column COL as a tool reads it: by the column's role
 * (range, unit, and what ease-diary(5) accepts besides numbers: yes/no, 7:30,
 * 79%), or, for a column without a numeric role, any number or yes/no.
 * Returns EASE_V_OK, EASE_V_MISSING, or EASE_V_BAD with *WHY set.
 */
int ease_cols_num(const ease_cols *c, int col, const char *cell,
		  int decimal_comma, double *v, const char **why);
/*
 * As ease_cols_num without the role's range: what a value typed by a user
 * (an operand of --where) or a cell compared with one means.
 */
int ease_cols_num_form(const ease_cols *c, int col, const char *cell,
		       int decimal_comma, double *v, const char **why);
/*
 * In a file written the European way (DELIM ';', or DATE_FMT reading
 * DD.MM.) and without DECIMAL_COMMA, watches the numbers ease_cols_num and
 * ease_cols_check read: a column whose every number with a '.' is digits
 * grouped in threes (1.200, 10.500) most likely holds thousands.
 */
void ease_cols_watch_thousands(ease_cols *c, char delim, const char *date_fmt,
			       int decimal_comma);
/*
 * For a watched column that looked so: "column 'Schritte': 1.200 and 10.500
 * look like thousands written with '.'; if so, use --decimal-comma", once;
 * NULL otherwise.  ease_cols_free warns with the hints not yet taken.
 */
const char *ease_cols_thousands_hint(ease_cols *c, int col);
void ease_cols_free(ease_cols *c);
/*
 * A column by the name a user typed: exact, then normalised, then the column
 * playing the role of that name; -1 if none.
 */
int ease_cols_find(const ease_cols *c, const char *name);
/* The first column playing ROLE, or -1. */
int ease_cols_role(const ease_cols *c, int role);
/*
 * As ease_cols_find, but exits 2 naming the columns there are:
 *   ease-select: diary.csv: no column 'pian'; columns: date, pain, ...
 * and 65 when the name fits two columns alike.
 */
int ease_cols_need(const ease_cols *c, const char *name);
/* As ease_cols_role, but a missing role is bad data (exit 65). */
int ease_cols_need_role(const ease_cols *c, int role);
/*
 * A comma-separated list of column names typed by a user ("pain,sleep_hours")
 * as indices into *IDX (malloc'd); returns the count.  Exits 2 on an unknown
 * name or an empty list; OPT names the option in the message.
 */
size_t ease_cols_need_list(const ease_cols *c, const char *list, const char *opt,
			   int **idx);
/* "date, pain, sleep_hours" into BUF (cut with "..." when long). */
const char *ease_cols_list(const ease_cols *c, char *buf, size_t n);

#endif

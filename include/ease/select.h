/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Row conditions and the select filter. */
#ifndef EASE_SELECT_H
#define EASE_SELECT_H

#include "ease/cols.h"
#include "ease/opts.h"

enum { EASE_OP_EQ, EASE_OP_NE, EASE_OP_LT, EASE_OP_LE, EASE_OP_GT, EASE_OP_GE,
       EASE_OP_HAS };

/* One --where condition: COL OP VALUE. */
typedef struct ease_cond {
	const char *expr;	/* as typed */
	char *col;
	int op;
	char *value;
	int idx;		/* column index once bound, -1 before */
	const ease_cols *cols;	/* the columns bound to: cells read by their role */
	int value_is_num;
	int value_missing;	/* "col=" and "col=NA" find missing cells */
	double num;
	/*
	 * A column that holds numbers: by its role, or (-1 until known) by its
	 * first cell that is not missing.  A non-number operand on it is a
	 * usage error.
	 */
	int numeric;
	int list;		/* '|' list of technique names: = and != by key */
	char *key;		/* the operand's technique key */
	char *kbuf;		/* scratch for the cells' keys */
	size_t kcap;
} ease_cond;

/* Exits 2 when EXPR has no operator or no column name. */
void ease_cond_parse(ease_cond *c, const char *expr);
/*
 * Binds to a column (exit 2 naming the columns there are).  On a column that
 * holds numbers by its role, an operand that is not a number (nor, for = and
 * !=, a missing marker) is a usage error that shows the operators and, when
 * it can tell, what was meant: 'pain=>3' -> did you mean pain>=3?  The
 * operand is read as a cell of the column is (yes on a count, 6:30 on
 * hours); on the date column, as an ISO date or by DATE_FMT (may be NULL).
 */
void ease_cond_bind(ease_cond *c, const ease_cols *cols, int decimal_comma,
		    const char *date_fmt);
/*
 * For a column whose role does not say: CELL is its first value that is not
 * missing.  If that is a number, the column holds numbers and the operand
 * is checked as by ease_cond_bind.
 */
void ease_cond_first_cell(ease_cond *c, const char *cell, int decimal_comma);
/*
 * Whether the record satisfies the condition.  Numbers compare as numbers,
 * dates in the date column as dates, technique names (a '|' list of them in
 * the technique column) by their key for = and != (any member matching),
 * anything else as text; a missing cell
 * satisfies only "=" with an empty value, and "!=" with a non-empty one.
 * DATE_DAY is the row's parsed date (for the date column) or ignored.
 * Returns -1 when an order comparison with a number meets a cell that is
 * not one (the caller reports the bad value).
 */
int ease_cond_eval(ease_cond *c, const ease_rec *rec, int decimal_comma,
		   int date_col, long date_day);

/* Frees what parse and bind allocated. */
void ease_cond_free(ease_cond *c);

typedef struct ease_select_opts {
	ease_cond *conds;
	int nconds;
	const char *fields;	/* -f a,b,c */
	const char *drop;	/* --drop a,b */
} ease_select_opts;

void ease_select_opts_free(ease_select_opts *o);

/* The whole of ease-select: reads C's files, writes the kept rows. */
int ease_select_run(ease_common *c, const ease_select_opts *o);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Input cells written back in the canonical form of ease-diary(5): ISO
 * dates and '.' decimals, whatever --date-format and --decimal-comma said the
 * input holds (the writer puts the commas between fields).  Every tool that
 * passes input cells on writes them through here, so that no output mixes
 * two decimal marks or two date forms.
 */
#ifndef EASE_CANON_H
#define EASE_CANON_H

#include <stddef.h>
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/opts.h"

typedef struct ease_canon {
	const ease_cols *cols;
	int date_col;		/* -1: none */
	const char *date_format;	/* the input's, NULL for ISO */
	int decimal_comma;
	int active;		/* some cell may need rewriting */
	char *textcol;		/* per column: never a number */
	char *tmp;
	size_t tmpcap;
} ease_canon;

/* For COLS read with C's input options; DATE_COL is the date column or -1. */
void ease_canon_init(ease_canon *k, const ease_cols *cols, int date_col,
		     const ease_common *c);
void ease_canon_free(ease_canon *k);

/*
 * Writes input cell CELL (LEN bytes) of column COL; DAY is the row's date as
 * parsed (used for the date column when the input's dates are not ISO).
 */
void ease_canon_field(ease_canon *k, ease_writer *w, int col, const char *cell,
		      size_t len, long day);
/* The first N cells of a row, continuing the output row. */
void ease_canon_fields(ease_canon *k, ease_writer *w, size_t n, char *const *f,
		       const size_t *len, long day);

/*
 * Checks every cell of REC in a column with a role (the date column apart:
 * ease_rec_date reads it) against the role, as every tool reads it.  A bad
 * cell is bad data: the message names the option that would read it
 * (--decimal-comma, --date-format); returns 0 when --skip-bad drops the row.
 */
int ease_canon_check(const ease_canon *k, const ease_rec *rec, const char *file);

/*
 * A forced delimiter (-d) that splits the header into one column while the
 * header holds another of ',', ';', TAB: a warning naming the one it holds.
 */
void ease_warn_delim(const ease_cols *cols, char delim);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validating diaries of every form: the whole of ease-check. */
#ifndef EASE_CHECK_H
#define EASE_CHECK_H

#include "ease/opts.h"

typedef struct ease_check_opts {
	long max_errors;	/* problems listed per file; all are counted */
	int quiet;		/* -q: nothing for a file without problems */
} ease_check_opts;

/* The forms of the design, recognised by their columns. */
enum { EASE_FORM_DAY, EASE_FORM_KIND, EASE_FORM_EVENTS, EASE_FORM_UNKNOWN };

/* Which form a header describes. */
int ease_check_form(const ease_cols *cols);

/*
 * Checks each of C's files (standard input when none), reporting on standard
 * output (the findings are the result); returns 0 when clean, 1 when problems
 * were found.  A known app export is one problem, named in one line.
 */
int ease_check_run(ease_common *c, const ease_check_opts *o);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A day table held in memory, one subject's: its days first .. first + n - 1
 * (every day, a day without a row has every value missing), numeric columns
 * and at most one text column.  A tool that has read its input once keeps
 * what it needs here and hands it to the library's analyses (those of
 * ease-prepost and ease-relief, which read through ease_day_open) by setting
 * ease_common.mem: they then read these days instead of a file, with the
 * same results as on a day table holding the same values.
 *
 * Values are stored compactly: a column whose values are all short decimals
 * (pain 0-10, 7.5 hours of sleep, 400 mg) takes 2 bytes a day, kept as an
 * integer count of tenths (hundredths, ...) that converts back to exactly
 * the double it was given; any other column falls back to 8 bytes a day.
 */
#ifndef EASE_DAYMEM_H
#define EASE_DAYMEM_H

#include <stddef.h>

typedef struct ease_daymem ease_daymem;

/*
 * A store with the numeric columns NAMES[0 .. NNUM-1] and, when TEXT is not
 * NULL, a text column of that name, starting on day FIRST with no day yet.
 * FILE names the input in the messages of the runs that read it.
 */
ease_daymem *ease_daymem_new(const char *file, const char *const *names,
			     size_t nnum, const char *text, long first);
void ease_daymem_free(ease_daymem *m);
long ease_daymem_first(const ease_daymem *m);
long ease_daymem_days(const ease_daymem *m);
/* Makes the store hold N days (new days have every value missing). */
void ease_daymem_extend(ease_daymem *m, long n);
/* Forgets the days from N on. */
void ease_daymem_cut(ease_daymem *m, long n);
/* Value V (NaN: missing) of numeric column COL on day index I (< days). */
void ease_daymem_set(ease_daymem *m, size_t col, long i, double v);
double ease_daymem_get(const ease_daymem *m, size_t col, long i);
/* The text of day index I (set in increasing I; "" is no text); NULL: none. */
void ease_daymem_set_text(ease_daymem *m, long i, const char *s);
const char *ease_daymem_text(const ease_daymem *m, long i);

/* For the day reader: the header (date first) and the file's name. */
size_t ease_daymem_ncols(const ease_daymem *m);
const char *ease_daymem_colname(const ease_daymem *m, size_t col);
const char *ease_daymem_file(const ease_daymem *m);
/* Whether header column COL (0: the date) is numeric, and its index if so. */
int ease_daymem_numcol(const ease_daymem *m, size_t col, size_t *num);
/* Bytes held for the values, for the man page's claim and its test. */
size_t ease_daymem_bytes(const ease_daymem *m);

#endif

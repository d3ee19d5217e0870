/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cell values: numbers, missing markers, dates, times, date-times. */
#ifndef EASE_VALUE_H
#define EASE_VALUE_H

#include <stddef.h>

enum {
	EASE_V_OK = 0,
	EASE_V_MISSING,	/* empty, NA, N/A, NaN, - */
	EASE_V_BAD,	/* not of the expected form */
	EASE_V_BADCAL,	/* the right form, but no such day or time (2026-02-30) */
	EASE_V_BADYEAR	/* a date whose %Y year is before 1900 or after 2200 */
};

/* "", NA, N/A, NaN, - (any case, surrounding blanks allowed). */
int ease_is_missing(const char *s);

/*
 * A yes/no word of a hand-kept diary: yes, y, true, x (a tick), ja, j are 1;
 * no, n, false, nein are 0 (any case, blanks around allowed); -1 otherwise.
 */
int ease_parse_yesno(const char *s);

/*
 * A decimal number: optional blanks, sign, digits with one decimal point
 * ('.', or ',' when DECIMAL_COMMA), optional exponent.  Never depends on the
 * process locale.  Returns EASE_V_OK, EASE_V_MISSING or EASE_V_BAD.
 * With DECIMAL_COMMA a '.' groups thousands (1.200 and 1.200,5; groups of
 * three digits after the first); any other '.' is bad.  A value beyond the
 * range of a double, or so close to zero that it would lose digits or become
 * 0 (1e-400), is bad.
 */
int ease_parse_num(const char *s, int decimal_comma, double *out);
/*
 * Why ease_parse_num found S bad, when there is more to say than "is not a
 * number": the end of a message ("is too large to be a number ..."), or NULL.
 */
const char *ease_num_why(const char *s, int decimal_comma);
/*
 * S, a number by ease_parse_num, in the canonical form: '.' as the decimal
 * mark, no thousands separators, no blanks; the digits as written.  NULL when
 * S is not a number or BUF (N bytes) is too small.
 */
char *ease_num_canon(const char *s, int decimal_comma, char *buf, size_t n);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long ease_days_from_civil(long y, int m, int d);
void ease_civil_from_days(long days, long *y, int *m, int *d);
int ease_valid_civil(long y, int m, int d);

/*
 * A date: ISO 8601 YYYY-MM-DD when FMT is NULL, otherwise a strptime(3)
 * pattern that must consume the whole cell.  *DAY is days since 1970-01-01.
 * A year read by %Y (or %F) before 1900 or after 2200 is EASE_V_BADYEAR, with
 * *DAY set all the same: 01.03.26 by %d.%m.%Y is the year 26, meant as %y.
 */
int ease_parse_date(const char *s, const char *fmt, long *day);

/* HH:MM or HH:MM:SS, 00:00:00 to 24:00:00. */
int ease_parse_time(const char *s, long *sec);

/*
 * ISO 8601 date-time: DATE[(T| )HH:MM[:SS[.fff]]][Z|+hh:mm|-hh:mm|+hhmm].
 * The wall-clock time as written is kept; OFFSET (minutes east of UTC) tells
 * where it stands against UTC when HAS_OFFSET.
 */
typedef struct ease_datetime {
	long day;		/* days since 1970-01-01 of the written date */
	long sec;		/* seconds since that day's midnight */
	int has_time;
	int has_offset;
	int offset_min;
} ease_datetime;

int ease_parse_datetime(const char *s, const char *date_fmt, ease_datetime *dt);
/* Seconds from A to B; offsets applied when both carry one. */
double ease_datetime_diff(const ease_datetime *a, const ease_datetime *b);

/* YYYY-MM-DD into BUF (at least 16 bytes); years outside 0..9999 signed. */
/*
 * V with one decimal and a true minus sign ("1.8", "\xe2\x88\x922.4"), for
 * sentences; a value that rounds to 0.0 has no sign.  BUF holds 48 bytes.
 */
const char *ease_fmt_dec1(double v, char *buf);
char *ease_fmt_date(long day, char *buf);

/*
 * A computed number with DIGITS significant digits ("%.*g" in the C locale,
 * whatever the process locale); integers below 1e15 in full; NaN as "".
 * Returns BUF.  BUF holds at least 40 bytes.
 */
char *ease_fmt_num(double v, int digits, char *buf);
/* V in decimal into BUF (at least 24 bytes); returns the length. */
size_t ease_fmt_uint(unsigned long long v, char *buf);
/* "%.*g" by the C library in the C locale: the reference ease_fmt_num meets. */
char *ease_fmt_num_libc(double v, int digits, char *buf);

/*
 * Today's date in local time, days since 1970-01-01; exits 2 when the TZ
 * environment variable names no zone (ease_tz_check).
 */
long ease_today(void);

#endif

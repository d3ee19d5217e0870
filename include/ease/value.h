/* Cell values: numbers, missing markers, dates, times, date-times. */
#ifndef EASE_VALUE_H
#define EASE_VALUE_H

#include <stddef.h>

enum {
	EASE_V_OK = 0,
	EASE_V_MISSING,	/* empty, NA, N/A, NaN, - */
	EASE_V_BAD,	/* not of the expected form */
	EASE_V_BADCAL	/* the right form, but no such day or time (2026-02-30) */
};

/* "", NA, N/A, NaN, - (any case, surrounding blanks allowed). */
int ease_is_missing(const char *s);

/*
 * A decimal number: optional blanks, sign, digits with one decimal point
 * ('.', or ',' when DECIMAL_COMMA), optional exponent.  Never depends on the
 * process locale.  Returns EASE_V_OK, EASE_V_MISSING or EASE_V_BAD.
 */
int ease_parse_num(const char *s, int decimal_comma, double *out);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long ease_days_from_civil(long y, int m, int d);
void ease_civil_from_days(long days, long *y, int *m, int *d);
int ease_valid_civil(long y, int m, int d);

/*
 * A date: ISO 8601 YYYY-MM-DD when FMT is NULL, otherwise a strptime(3)
 * pattern that must consume the whole cell.  *DAY is days since 1970-01-01.
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

/* Today's date in local time, days since 1970-01-01. */
long ease_today(void);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Local wall-clock times to real instants, by the C library's time zone
 * database: how long a night lasted when the clocks moved during it.
 */
#ifndef EASE_TZ_H
#define EASE_TZ_H

#include <limits.h>

/*
 * Makes ZONE ("Europe/Berlin") the zone local times are read in; NULL keeps
 * the TZ environment variable, or the system's zone without one.  Exits 2
 * when ZONE names no zone the system knows.
 */
void ease_tz_use(const char *zone);

/*
 * Whether ZONE is one the C library will read as meant rather than as UTC:
 * a file of the zone database (Europe/Berlin, :/etc/localtime) or a string
 * of the POSIX TZ grammar (CET-1CEST,M3.5.0,M10.5.0/3).
 */
int ease_tz_known(const char *zone);

/*
 * Exits 2 when ZONE (from --tz) is not known, or, ZONE being NULL, when the
 * TZ environment variable names an unknown zone: times would silently be UTC.
 */
void ease_tz_check(const char *zone);

/* Seconds east of UTC that the clocks of the zone in TZ show at instant T. */
long ease_tz_offset(long long t);

/* No instant to settle a time of the repeated hour by. */
#define EASE_TZ_NO_HINT LLONG_MIN

/*
 * The instant (seconds since 1970-01-01 UTC) of wall-clock time SEC seconds
 * after the midnight starting DAY (days since 1970-01-01) in the zone, in
 * *OUT.  Returns NULL, or why there is none, as the end of a message about
 * the value: a time the clocks skipped (spring), or one in the hour they
 * repeated (autumn) that HINT does not settle.  HINT is where the time
 * should be by the record's other end and length; the nearer of the two
 * occurrences is taken when it is clearly nearer (by 10 minutes or more).
 * Every tool reads local times by this one rule.
 */
const char *ease_tz_local(long day, long sec, long long hint, long long *out);

/* Forgets what is known of the zone: to call after TZ changed (tzset). */
void ease_tz_forget(void);

#endif

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

/* What a zone may be, for the messages that refuse one. */
#define EASE_TZ_ACCEPTED "a name of its time zone database (Europe/Berlin, UTC), " \
	"a compiled zone file after a colon (:/etc/localtime) or a POSIX TZ rule " \
	"(CET-1CEST,M3.5.0,M10.5.0/3)"
/* The same for a zone written in a diary, where no path is a zone. */
#define EASE_TZ_ACCEPTED_DATA "a name of the time zone database like Europe/Berlin, " \
	"or a POSIX TZ rule like CET-1CEST,M3.5.0,M10.5.0/3"

/*
 * Whether ZONE, a value of a diary (a Tz column), is one the C library will
 * read as meant rather than as UTC: the name of a compiled zone file (magic
 * "TZif") under the zone database (Europe/Berlin, :Europe/Berlin), or a
 * string of the POSIX TZ grammar (CET-1CEST,M3.5.0,M10.5.0/3).  A path is
 * not: a diary does not name the files of the machine that reads it.
 */
int ease_tz_known(const char *zone);

/*
 * Exits 2 when ZONE (from --tz) is not known, or, ZONE being NULL, when the
 * TZ environment variable names an unknown zone: times would silently be UTC.
 * There an absolute path to a compiled zone file (:/etc/localtime) is known.
 */
void ease_tz_check(const char *zone);

/* Seconds east of UTC that the clocks of the zone in TZ show at instant T. */
long ease_tz_offset(long long t);

/* No instant to settle a time of the repeated hour by. */
#define EASE_TZ_NO_HINT LLONG_MIN

/* Days either side of 1970-01-01 a local time may be (years -271821 to 275760). */
#define EASE_TZ_MAX_DAY 100000000LL

/*
 * The instant (seconds since 1970-01-01 UTC) of wall-clock time SEC seconds
 * after the midnight starting DAY (days since 1970-01-01) in the zone, in
 * *OUT.  Returns NULL, or why there is none, as the end of a message about
 * the value: a time the clocks skipped (spring), or one in the hour they
 * repeated (autumn) that HINT does not settle.  HINT is where the time
 * should be by the record's other end and length; the nearer of the two
 * occurrences is taken when it is clearly nearer (by 10 minutes or more);
 * a HINT beyond twice EASE_TZ_MAX_DAY settles nothing.  A DAY beyond
 * EASE_TZ_MAX_DAY either side, or SEC outside 0..172800, is an error too:
 * range-checked before any arithmetic, so that no input makes it overflow.
 * Every tool reads local times by this one rule.
 */
const char *ease_tz_local(long day, long sec, long long hint, long long *out);

/*
 * Instant T (seconds since 1970-01-01 UTC) as the clocks of the zone in TZ
 * show it, ISO 8601 with the offset: "2026-03-29T03:00+02:00", the seconds
 * only when not 0, into BUF (40 bytes).  A year beyond 0..9999 is written
 * with as many digits as it has.  The offset is known for a day at a time,
 * taking a zone to change it at most once in a day (as ease_tz_local does).
 */
char *ease_tz_iso(long long t, char *buf);

/* Forgets what is known of the zone: to call after TZ changed (tzset). */
void ease_tz_forget(void);

#endif

/*
 * Local wall-clock times to real instants, by the C library's time zone
 * database: how long a night lasted when the clocks moved during it.
 */
#ifndef EASE_TZ_H
#define EASE_TZ_H

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

/*
 * Seconds since 1970-01-01 UTC of wall-clock time SEC seconds after the
 * midnight starting DAY (days since 1970-01-01) in the zone.  A time that
 * occurs twice (the hour the clocks go back) is taken at its first
 * occurrence; one that does not occur (the hour skipped in spring) as if the
 * clocks had not moved yet.
 */
long long ease_tz_instant(long day, long sec);

#endif

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
 * Seconds since 1970-01-01 UTC of wall-clock time SEC seconds after the
 * midnight starting DAY (days since 1970-01-01) in the zone.  A time that
 * occurs twice (the hour the clocks go back) is taken at its first
 * occurrence; one that does not occur (the hour skipped in spring) as if the
 * clocks had not moved yet.
 */
long long ease_tz_instant(long day, long sec);

#endif

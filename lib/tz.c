#include "ease/tz.h"
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/*
 * glibc takes a name it cannot find for UTC without a word; a zone that is
 * not on the system would measure every night in UTC.  A name with a digit is
 * a POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3") and stands on its own.
 */
static int
zone_known(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[4096];
	struct stat st;

	if (zone[0] == ':')
		zone++;
	if (strcmp(zone, "UTC") == 0 || strcmp(zone, "GMT") == 0)
		return 1;
	for (const char *p = zone; *p; p++)
		if (*p >= '0' && *p <= '9')
			return 1;
	if (zone[0] == '/')
		return stat(zone, &st) == 0 && S_ISREG(st.st_mode);
	if (strstr(zone, "..") != NULL)
		return 0;
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * The offsets half a day either side of a date's midnight and noon hold for
 * the whole date unless a change falls within it; kept for the last date.
 */
static long cache_day = -2147483647L;
static long cache_off[3];

void
ease_tz_use(const char *zone)
{
	cache_day = -2147483647L;
	if (zone != NULL) {
		if (*zone == '\0' || !zone_known(zone))
			ease_usage("--tz: '%s' is not a time zone of this system (e.g. Europe/Berlin, UTC)",
				   zone);
		setenv("TZ", zone, 1);
	} else if ((zone = getenv("TZ")) != NULL && *zone && !zone_known(zone)) {
		ease_warn("the TZ environment variable '%s' is not a time zone of this system: times without an offset are read as UTC (--tz names one)",
			  zone);
	}
	tzset();
}

/* Seconds east of UTC that the zone's clocks show at instant T. */
static long
offset_at(long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	long long wall;

	if (localtime_r(&tt, &tm) == NULL)
		return 0;
	wall = (long long)ease_days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday) * 86400 +
	       tm.tm_hour * 3600L + tm.tm_min * 60L + tm.tm_sec;
	return (long)(wall - t);
}

long long
ease_tz_instant(long day, long sec)
{
	long long wall = (long long)day * 86400 + sec, base = (long long)day * 86400;

	if (day != cache_day) {
		cache_off[0] = offset_at(base - 43200);
		cache_off[1] = offset_at(base + 43200);
		cache_off[2] = offset_at(base + 129600);
		cache_day = day;
	}
	if (cache_off[0] == cache_off[1] && cache_off[1] == cache_off[2])
		return wall - cache_off[0];
	/* a change near this date: the offsets before and after it */
	long before = offset_at(wall - 86400), after = offset_at(wall + 86400);
	long long t1 = wall - before, t2 = wall - after;
	int ok1 = offset_at(t1) == before, ok2 = offset_at(t2) == after;

	if (ok1 && ok2)
		return t1 < t2 ? t1 : t2;
	if (ok2)
		return t2;
	return t1;
}

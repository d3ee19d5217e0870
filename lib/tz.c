/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/tz.h"
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Digits from *P, at most MAX of them, into *V: how many were read. */
static int
digits(const char **p, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **p >= '0' && **p <= '9')
		*v = *v * 10 + (*(*p)++ - '0'), n++;
	return n;
}

/* A zone abbreviation: three letters or more, or <...> with digits and signs. */
static int
posix_name(const char **p)
{
	const char *s = *p;

	if (*s == '<') {
		for (s++; (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
			  (*s >= '0' && *s <= '9') || *s == '+' || *s == '-'; s++)
			;
		if (*s != '>' || s - *p < 4)
			return 0;
		*p = s + 1;
		return 1;
	}
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
		s++;
	if (s - *p < 3)
		return 0;
	*p = s;
	return 1;
}

/* [+-]hh[:mm[:ss]]; a rule's time of change may run to 167 hours. */
static int
posix_time(const char **p, int maxh)
{
	int v;

	if (**p == '+' || **p == '-')
		(*p)++;
	if (digits(p, 3, &v) == 0 || v > maxh)
		return 0;
	for (int i = 0; i < 2 && **p == ':'; i++) {
		(*p)++;
		if (digits(p, 2, &v) != 2 || v > 59)
			return 0;
	}
	return 1;
}

/* Jn, n or Mm.w.d, then an optional /time. */
static int
posix_date(const char **p)
{
	int v;

	if (**p == 'J') {
		(*p)++;
		if (digits(p, 3, &v) == 0 || v < 1 || v > 365)
			return 0;
	} else if (**p == 'M') {
		(*p)++;
		if (digits(p, 2, &v) == 0 || v < 1 || v > 12 || *(*p)++ != '.' ||
		    digits(p, 1, &v) != 1 || v < 1 || v > 5 || *(*p)++ != '.' ||
		    digits(p, 1, &v) != 1 || v > 6)
			return 0;
	} else if (digits(p, 3, &v) == 0 || v > 365) {
		return 0;
	}
	if (**p == '/') {
		(*p)++;
		return posix_time(p, 167);
	}
	return 1;
}

/* std offset [dst [offset] [,start[/time],end[/time]]], the whole string. */
static int
posix_rule(const char *s)
{
	if (!posix_name(&s) || !posix_time(&s, 24))
		return 0;
	if (*s == '\0')
		return 1;
	if (!posix_name(&s))
		return 0;
	if (*s != ',' && *s != '\0' && !posix_time(&s, 24))
		return 0;
	if (*s == ',') {
		s++;
		if (!posix_date(&s) || *s++ != ',' || !posix_date(&s))
			return 0;
	}
	return *s == '\0';
}

/*
 * glibc takes a name it cannot find for UTC without a word; a zone that is
 * not on the system would measure every night in UTC.  A zone is a file of
 * the zone database (by name, or by path after ':'), or a string that parses
 * as a POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3"), which needs no file.
 */
int
ease_tz_known(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[4096];
	struct stat st;
	int colon = zone[0] == ':';

	if (colon)
		zone++;
	if (*zone == '\0')
		return 0;
	if (strcmp(zone, "UTC") == 0 || strcmp(zone, "GMT") == 0)
		return 1;
	if (zone[0] == '/')
		return stat(zone, &st) == 0 && S_ISREG(st.st_mode);
	if (!colon && posix_rule(zone))
		return 1;
	if (strstr(zone, "..") != NULL)
		return 0;
	if (snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo",
		     zone) >= (int)sizeof path)
		return 0;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

void
ease_tz_check(const char *zone)
{
	if (zone != NULL) {
		if (!ease_tz_known(zone))
			ease_usage("--tz: '%s' is not a time zone of this system (e.g. Europe/Berlin, UTC)",
				   zone);
	} else if ((zone = getenv("TZ")) != NULL && *zone && !ease_tz_known(zone)) {
		ease_die(EASE_EX_USAGE, "the TZ environment variable '%s' is not a time zone of this system: times without an offset would be read as UTC; give --tz ZONE (e.g. Europe/Berlin, UTC)",
			 zone);
	}
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
	ease_tz_check(zone);
	if (zone != NULL)
		setenv("TZ", zone, 1);
	tzset();
}

long
ease_tz_offset(long long t)
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

/* "+02:00" of OFF seconds east of UTC. */
static char *
fmt_offset(long off, char *buf)
{
	char sign = off < 0 ? '-' : '+';

	if (off < 0)
		off = -off;
	snprintf(buf, 8, "%c%02ld:%02ld", sign, off / 3600 % 100, off / 60 % 60);
	return buf;
}

void
ease_tz_forget(void)
{
	cache_day = -2147483647L;
}

const char *
ease_tz_local(long day, long sec, long long hint, long long *out)
{
	static char why[200];
	long long wall = (long long)day * 86400 + sec, base = (long long)day * 86400;
	long o[2];
	long long cand[2];
	int n = 0;
	char a[8], b[8];

	if (day != cache_day) {
		cache_off[0] = ease_tz_offset(base - 43200);
		cache_off[1] = ease_tz_offset(base + 43200);
		cache_off[2] = ease_tz_offset(base + 129600);
		cache_day = day;
	}
	if (cache_off[0] == cache_off[1] && cache_off[1] == cache_off[2]) {
		*out = wall - cache_off[0];
		return NULL;
	}
	/* a change near this date: the offsets in force a day before and after */
	o[0] = ease_tz_offset(wall - 86400);
	o[1] = ease_tz_offset(wall + 86400);
	for (int i = 0; i < 2; i++) {
		if (i == 1 && o[1] == o[0])
			break;
		if (ease_tz_offset(wall - o[i]) == o[i])
			cand[n++] = wall - o[i];
	}
	if (n == 0) {
		snprintf(why, sizeof why, "is a time the clocks skipped (daylight saving time "
			 "began: %s became %s)", fmt_offset(o[0], a), fmt_offset(o[1], b));
		return why;
	}
	if (n == 2) {
		long long d0, d1;

		/* a hint about as near to both says nothing: no guess then */
		if (hint == EASE_TZ_NO_HINT ||
		    llabs((d0 = llabs(cand[0] - hint)) - (d1 = llabs(cand[1] - hint))) < 600) {
			snprintf(why, sizeof why, "is in the hour the clocks repeated (daylight "
				 "saving time ended): it could be %s or %s, %s",
				 fmt_offset(o[0], a), fmt_offset(o[1], b),
				 hint == EASE_TZ_NO_HINT ? "and nothing tells which"
							 : "and the record's length does not tell which");
			return why;
		}
		*out = d0 < d1 ? cand[0] : cand[1];
		return NULL;
	}
	*out = cand[0];
	return NULL;
}

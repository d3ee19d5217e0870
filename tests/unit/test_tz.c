/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Local wall-clock times to instants across clock changes.  Expected values:
 * Python's zoneinfo, datetime(..., tzinfo=ZoneInfo(zone), fold=F).timestamp()
 * (tests/ref/tz_local.py; fold=0 the first of a time that occurs twice,
 * fold=1 the second).  A skipped time, and a repeated one no hint settles,
 * have no instant.
 */
#include "ease/tz.h"
#include "ease/value.h"
#include "tap.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char *
local(const char *zone, int y, int m, int d, int hh, int mm, long long hint, long long *t)
{
	setenv("TZ", zone, 1);
	ease_tz_use(NULL);
	*t = -1;
	return ease_tz_local(ease_days_from_civil(y, m, d), hh * 3600L + mm * 60L, hint, t);
}

static long long
at(const char *zone, int y, int m, int d, int hh, int mm)
{
	long long t;

	return local(zone, y, m, d, hh, mm, EASE_TZ_NO_HINT, &t) ? -1 : t;
}

/* ease_tz_iso in zone ZONE, its cache forgotten first */
static const char *
iso_in(const char *zone, long long t)
{
	static char buf[40];

	setenv("TZ", zone, 1);
	ease_tz_use(NULL);
	return ease_tz_iso(t, buf);
}

/* What ease_tz_iso writes, by the C library's struct tm and printf. */
static char *
iso_ref(long long t, char *buf)
{
	time_t tt = (time_t)t;
	struct tm tm;
	long off = ease_tz_offset(t);
	char sign = off < 0 ? '-' : '+';
	char tmp[96];
	size_t n;

	if (!localtime_r(&tt, &tm))
		memset(&tm, 0, sizeof tm);
	if (off < 0)
		off = -off;
	if (tm.tm_sec)
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			 tm.tm_sec, sign, (int)(off / 3600), (int)(off / 60 % 60));
	else
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d%c%02d:%02d",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			 sign, (int)(off / 3600), (int)(off / 60 % 60));
	n = strlen(tmp) < 39 ? strlen(tmp) : 39;
	memcpy(buf, tmp, n);
	buf[n] = '\0';
	return buf;
}

/*
 * Walks ZONE from 1890 to 2100 in steps of up to STEP seconds (a day and
 * more: the next day, or one after it), forward and back, then at random
 * instants: the first instant where ease_tz_iso and
 * the C library differ, or 0.
 */
static long long
iso_walk(const char *zone, long long step, char *got, char *want)
{
	const long long lo = -2524521600LL, hi = 4102444800LL;
	unsigned long long x = 88172645463325252ULL;

	setenv("TZ", zone, 1);
	ease_tz_use(NULL);
	for (int dir = 0; dir < 3; dir++) {
		long long t = dir == 1 ? hi : lo;

		for (int k = 0; k < (dir == 2 ? 40000 : 120000); k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			if (dir == 0)
				t += (long long)(x % (unsigned long long)step) + 1;
			else if (dir == 1)
				t -= (long long)(x % (unsigned long long)step) + 1;
			else
				t = lo + (long long)(x % (unsigned long long)(hi - lo));
			if (t < lo || t > hi)
				break;
			if (strcmp(ease_tz_iso(t, got), iso_ref(t, want)) != 0)
				return t;
		}
	}
	return 0;
}

/*
 * How many instants the wall-clock time SEC into DAY is, by the C library's
 * offset at each instant alone (0 skipped, 2 repeated); the one in *T.
 */
static int
exact_local(long day, long sec, long long *t)
{
	long long wall = (long long)day * 86400 + sec;
	long o[2] = {ease_tz_offset(wall - 86400), ease_tz_offset(wall + 86400)};
	int n = 0;

	for (int i = 0; i < 2; i++)
		if ((i == 0 || o[1] != o[0]) && ease_tz_offset(wall - o[i]) == o[i]) {
			*t = wall - o[i];
			n++;
		}
	return n;
}

int
main(void)
{
	static const struct {
		const char *zone;
		int y, m, d, hh, mm;
		long long want;
		const char *name;
	} t[] = {
		{"Europe/Berlin", 2026, 3, 29, 0, 30, 1774740600, "Berlin, before the spring change"},
		{"Europe/Berlin", 2026, 3, 29, 7, 30, 1774762200, "Berlin, after the spring change"},
		{"Europe/Berlin", 2026, 10, 25, 7, 30, 1792909800, "Berlin, after the autumn change"},
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		is_long(at(t[i].zone, t[i].y, t[i].m, t[i].d, t[i].hh, t[i].mm), t[i].want,
			t[i].name);
	/* a skipped time, a repeated one: no instant without a hint that settles it */
	long long x;
	const char *why;

	why = local("Europe/Berlin", 2026, 3, 29, 2, 30, EASE_TZ_NO_HINT, &x);
	is_str(why ? why : "(none)", "is a time the clocks skipped (daylight saving time began: "
	       "+01:00 became +02:00)", "Berlin, in the skipped hour");
	ok(local("America/New_York", 2026, 3, 8, 2, 30, EASE_TZ_NO_HINT, &x) != NULL,
	   "New York, the skipped hour");
	why = local("Europe/Berlin", 2026, 10, 25, 2, 30, EASE_TZ_NO_HINT, &x);
	is_str(why ? why : "(none)", "is in the hour the clocks repeated (daylight saving time "
	       "ended): it could be +02:00 or +01:00, and nothing tells which",
	       "Berlin, the repeated hour without a hint");
	ok(local("Europe/Berlin", 2026, 10, 25, 2, 30, 1792888200 + 1800, &x) != NULL,
	   "Berlin, the repeated hour: a hint halfway settles nothing");
	ok(!local("Europe/Berlin", 2026, 10, 25, 2, 30, 1792888200 + 600, &x) && x == 1792888200,
	   "Berlin, the repeated hour: a hint near the first occurrence");
	ok(!local("Europe/Berlin", 2026, 10, 25, 2, 30, 1792891800 - 60, &x) && x == 1792891800,
	   "Berlin, the repeated hour: a hint near the second occurrence");
	ok(!local("America/New_York", 2026, 11, 1, 1, 30, 1793514600, &x) && x == 1793514600,
	   "New York, the repeated hour, settled: the second");
	why = local("Australia/Lord_Howe", 2026, 4, 5, 1, 45, EASE_TZ_NO_HINT, &x);
	is_str(why ? why : "(none)", "is in the hour the clocks repeated (daylight saving time "
	       "ended): it could be +11:00 or +10:30, and nothing tells which",
	       "Lord Howe, a half-hour change repeats 01:30 to 02:00");
	ok(!local("Australia/Lord_Howe", 2026, 4, 5, 1, 45, 1775313900, &x) && x == 1775313900,
	   "Lord Howe, settled: the first");
	/* the night of the issue: 6 h in Berlin, 7 h in UTC */
	is_long(at("Europe/Berlin", 2026, 3, 29, 7, 30) - at("Europe/Berlin", 2026, 3, 29, 0, 30),
		6 * 3600, "Berlin, bed 00:30, wake 07:30 on the spring night: 6 h");
	is_long(at("UTC", 2026, 3, 29, 7, 30) - at("UTC", 2026, 3, 29, 0, 30), 7 * 3600,
		"UTC: 7 h");
	/* which zones are known: a file, a :path, or the POSIX grammar only */
	ok(ease_tz_known("Europe/Berlin"), "known: Europe/Berlin");
	ok(ease_tz_known("UTC"), "known: UTC");
	ok(ease_tz_known("CET-1CEST,M3.5.0,M10.5.0/3"), "known: a POSIX rule");
	ok(ease_tz_known("EST5EDT,M3.2.0,M11.1.0"), "known: a POSIX rule without times");
	ok(ease_tz_known("<+03>-3"), "known: a quoted POSIX name");
	ok(!ease_tz_known("Europe"), "unknown: a directory of the zone database");
	ok(!ease_tz_known("Europe/Berlin1"), "unknown: a name with a digit is no POSIX rule");
	ok(!ease_tz_known("CET-1CEST,M13.5.0,M10.5.0"), "unknown: month 13 in a rule");
	ok(!ease_tz_known("Mars/Olympus"), "unknown: Mars/Olympus");
	ok(!ease_tz_known(""), "unknown: empty");
	ok(!ease_tz_known("../etc/passwd"), "unknown: a way out of the zone database");
	/* a file is a zone only when it is a compiled one, and a diary names no path */
	ok(!ease_tz_known("/etc/passwd"), "unknown: /etc/passwd, a file but no zone");
	ok(!ease_tz_known(":/etc/passwd"), "unknown: :/etc/passwd");
	ok(!ease_tz_known("zone.tab"), "unknown: zone.tab, a text file of the zone database");
	ok(!ease_tz_known("/usr/share/zoneinfo/Europe/Berlin"),
	   "unknown in a diary: a path, even to a zone file");
	ok(ease_tz_known(":Europe/Berlin"), "known: a name after a colon");
	ok(ease_tz_known("UTC0"), "known: UTC0, a POSIX rule");
	/* the rest of the POSIX grammar, each part right and wrong */
	ok(ease_tz_known("<+0530>-5:30"), "known: an offset with minutes");
	ok(ease_tz_known("<+0530>-5:30:00"), "known: an offset with seconds");
	ok(!ease_tz_known("<+0530>-5:3"), "unknown: minutes of one digit");
	ok(!ease_tz_known("<+0530>-5:60"), "unknown: minute 60");
	ok(!ease_tz_known("<AB>3"), "unknown: a quoted name of two letters");
	ok(!ease_tz_known("<ABC3"), "unknown: a quoted name not closed");
	ok(ease_tz_known("EST5EDT,J60/2,J300/2"), "known: Julian days 1-365 (Jn)");
	ok(!ease_tz_known("EST5EDT,J0,J300"), "unknown: Julian day J0");
	ok(!ease_tz_known("EST5EDT,J366,J300"), "unknown: Julian day J366");
	ok(ease_tz_known("EST5EDT,59,300/1:30"), "known: days 0-365 (n)");
	ok(!ease_tz_known("EST5EDT,366,300"), "unknown: day 366");
	ok(!ease_tz_known("EST5EDT,x,300"), "unknown: a day that is no number");
	ok(!ease_tz_known("EST5EDT,59/168,300"), "unknown: a change at hour 168");
	ok(ease_tz_known("EST5EDT,59/167,300"), "known: a change at hour 167");
	ok(!ease_tz_known("EST5E"), "unknown: a summer name of one letter");
	ok(!ease_tz_known("EST5EDT+"), "unknown: a summer offset without digits");
	ok(ease_tz_known("EST5EDT4,M3.2.0,M11.1.0"), "known: a summer offset");
	ok(!ease_tz_known("EST25"), "unknown: an offset of 25 hours");
	{
		char dir[] = "/tmp/ease-tzdir-XXXXXX", path[64];
		static const char head[44] = "TZif2";
		FILE *f;

		ok(mkdtemp(dir) != NULL, "a zone database of the test's own");
		setenv("TZDIR", dir, 1);
		snprintf(path, sizeof path, "%s/Cut", dir);
		f = fopen(path, "wb");
		fwrite(head, 1, 4, f);
		fclose(f);
		ok(!ease_tz_known("Cut"), "unknown: a file cut after its magic");
		f = fopen(path, "wb");
		fwrite(head, 1, sizeof head, f);
		fclose(f);
		ok(!ease_tz_known("Cut"), "unknown: a TZif header of no local time type");
		remove(path);
		snprintf(path, sizeof path, "%s/Fifo", dir);
		ok(mkfifo(path, 0600) == 0 && !ease_tz_known("Fifo"),
		   "unknown: a FIFO, read without hanging");
		remove(path);
		remove(dir);
		unsetenv("TZDIR");
	}
	/* out of range: an error or no hint, never an overflow (UBSan) */
	setenv("TZ", "Europe/Berlin", 1);
	ease_tz_use(NULL);
	why = ease_tz_local(200000000L, 0, EASE_TZ_NO_HINT, &x);
	is_str(why ? why : "(none)", "is outside the dates a time zone can place (years "
	       "-271821 to 275760)", "a day 200 million days after 1970");
	ok(ease_tz_local(-200000000L, 0, EASE_TZ_NO_HINT, &x) != NULL, "and before");
	ok(ease_tz_local(0, 4000000000L / 2, EASE_TZ_NO_HINT, &x) != NULL,
	   "two thousand million seconds into a day");
	why = local("Europe/Berlin", 2026, 10, 25, 2, 30, LLONG_MIN + 1, &x);
	is_str(why ? why : "(none)", "is in the hour the clocks repeated (daylight saving time "
	       "ended): it could be +02:00 or +01:00, and the record's length does not tell "
	       "which", "the repeated hour, a hint far below any time: no overflow");
	ok(local("Europe/Berlin", 2026, 10, 25, 2, 30, LLONG_MAX, &x) != NULL,
	   "the repeated hour, a hint of LLONG_MAX: no overflow");
	ok(!local("Europe/Berlin", 2026, 7, 1, 2, 30, LLONG_MAX, &x) && x == 1782865800,
	   "a far hint where none is needed changes nothing");
	/* a new zone forgets the offsets of the last date */
	at("Europe/Berlin", 2026, 7, 1, 12, 0);
	is_long(at("UTC", 2026, 7, 1, 12, 0), 1782907200, "UTC after Berlin, same date");
	/* instants written as date-times, by hand and by the day's offset */
	{
		static const struct {
			const char *zone;
			long long t;
			const char *want, *name;
		} w[] = {
			{"Europe/Berlin", 1774745999, "2026-03-29T01:59:59+01:00", "Berlin, the last second before the spring change"},
			{"Europe/Berlin", 1774746000, "2026-03-29T03:00+02:00", "Berlin, the spring change"},
			{"Europe/Berlin", 1792889999, "2026-10-25T02:59:59+02:00", "Berlin, the last second of summer time"},
			{"Europe/Berlin", 1792890000, "2026-10-25T02:00+01:00", "Berlin, the autumn change"},
			{"America/New_York", 1772953199, "2026-03-08T01:59:59-05:00", "New York, before the spring change"},
			{"America/New_York", 1772953200, "2026-03-08T03:00-04:00", "New York, the spring change"},
			{"America/New_York", 1793512799, "2026-11-01T01:59:59-04:00", "New York, before the autumn change"},
			{"America/New_York", 1793512800, "2026-11-01T01:00-05:00", "New York, the autumn change"},
			{"America/St_Johns", 1709251200, "2024-02-29T20:30-03:30", "St John's: a negative offset with minutes, a leap day"},
			{"Pacific/Chatham", 1709164800, "2024-02-29T13:45+13:45", "Chatham: +13:45 on a leap day"},
			{"Asia/Kolkata", 951868799, "2000-03-01T05:29:59+05:30", "Kolkata, the day after 2000's leap day"},
			{"Australia/Lord_Howe", 1775313000, "2026-04-05T01:30+11:00", "Lord Howe, half an hour back: the first 1:30"},
			{"Australia/Lord_Howe", 1775314800, "2026-04-05T01:30+10:30", "Lord Howe: the second 1:30"},
			{"Europe/Berlin", -1, "1970-01-01T00:59:59+01:00", "Berlin, the second before 1970"},
			{"Europe/Berlin", -2208988800LL, "1900-01-01T01:00+01:00", "Berlin, 1900"},
			{"Europe/Berlin", -2524521600LL, "1890-01-01T00:53:28+00:53", "Berlin's local mean time: an offset of seconds"},
			{"UTC", -2203891201LL, "1900-02-28T23:59:59+00:00", "1900: no leap day"},
			{"UTC", -2203891200LL, "1900-03-01T00:00+00:00", "1900: March after February 28"},
			{"UTC", 951868800, "2000-03-01T00:00+00:00", "2000: March after the leap day"},
			{"UTC", 253402300799LL, "9999-12-31T23:59:59+00:00", "the last second of the year 9999"},
			{"UTC", 253402300800LL, "10000-01-01T00:00+00:00", "the year 10000: five digits"},
			{"Europe/Berlin", 253402300799LL, "10000-01-01T00:59:59+01:00", "the year 10000 only where the clocks are"},
			{"America/New_York", 253402300799LL, "9999-12-31T18:59:59-05:00", "the year 9999 west of Greenwich"},
			{"UTC", -62167219200LL, "0000-01-01T00:00+00:00", "the year 0"},
			{"UTC", -62167219201LL, "-001-12-31T23:59:59+00:00", "the year -1"},
		};

		for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
			is_str(iso_in(w[i].zone, w[i].t), w[i].want, w[i].name);
	}
	/* one zone, asked in turn on both sides of a change: no offset kept too long */
	{
		char a[40], b[40], c[40];

		setenv("TZ", "Europe/Berlin", 1);
		ease_tz_use(NULL);
		ease_tz_iso(1774745999 - 86400, a);
		ease_tz_iso(1774746000, b);
		ease_tz_iso(1774745999, c);
		is_str(b, "2026-03-29T03:00+02:00", "after a day kept whole, the day of a change");
		is_str(c, "2026-03-29T01:59:59+01:00", "and back before it");
		ease_tz_iso(1792890000 + 86400, a);
		ease_tz_iso(1792889999, b);
		is_str(b, "2026-10-25T02:59:59+02:00", "after the day past the autumn change, its day");
		is_str(ease_tz_iso(1792890000 - 86400 * 3, c), "2026-10-22T03:00+02:00",
		       "and days before it");
		/* a new zone forgets the offset of the last */
		setenv("TZ", "America/New_York", 1);
		ease_tz_use(NULL);
		is_str(ease_tz_iso(1792890000 - 86400 * 3, c), "2026-10-21T21:00-04:00",
		       "New York after Berlin, at the same instant");
		setenv("TZ", "Europe/Berlin", 1);
		ease_tz_forget();
		tzset();
		is_str(ease_tz_iso(1792890000 - 86400 * 3, c), "2026-10-22T03:00+02:00",
		       "Berlin again after ease_tz_forget");
	}
	/* the C library's own text, instant by instant, in zones of every kind */
	{
		static const char *const zones[] = {
			"Europe/Berlin", "America/New_York", "America/St_Johns", "Australia/Lord_Howe",
			"Europe/Dublin", "Pacific/Apia", "Asia/Kathmandu", "Africa/Casablanca",
			"CET-1CEST,M3.5.0,M10.5.0/3", "AAA0BBB,M3.5.0/0,M10.5.0/1", "right/UTC",
			"right/Europe/Berlin",
		};
		char got[40], want[40], name[160];

		for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
			long long t = iso_walk(zones[i], 120000, got, want);

			snprintf(name, sizeof name, "%s, 1890 to 2100: as the C library writes it", zones[i]);
			ok(t == 0, name);
			if (t)
				printf("#   at %lld: got '%s', want '%s'\n", t, got, want);
		}
	}
	/* local times read in turn, the offsets known carried over: as the C library has them */
	{
		/* the last: changes at midnight UTC, where one day ends and the next begins */
		static const char *const zones[] = {"Europe/Berlin", "Australia/Lord_Howe",
						    "America/St_Johns", "AAA0BBB,M3.5.0/0,M10.5.0/1"};
		long differ = 0;

		for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
			setenv("TZ", zones[z], 1);
			ease_tz_use(NULL);
			for (long day = ease_days_from_civil(2025, 12, 1);
			     day < ease_days_from_civil(2027, 1, 31); day++)
				for (long sec = 0; sec < 86400; sec += 1200) {
					long long a = 0, want = 0, c;
					const char *why = ease_tz_local(day, sec, EASE_TZ_NO_HINT, &a);
					int n = exact_local(day, sec, &want);

					/* the day before, then on: the stretch kept grows both ways */
					ease_tz_local(day - 1, sec, EASE_TZ_NO_HINT, &c);
					if ((why == NULL) != (n == 1) || (n == 1 && a != want))
						differ++;
				}
		}
		is_long(differ, 0, "local times read in turn, across every change of 2026: "
			"as the C library's offsets have them");
	}
	/* the right/ zones' leap second: 23:59:60, as the C library has it */
	is_str(iso_in("right/UTC", 78796800), "1972-06-30T23:59:60+00:00",
	       "right/UTC: the first leap second");
	is_str(iso_in("right/UTC", 78796799), "1972-06-30T23:59:59+00:00",
	       "right/UTC: the second before it");
	return tap_done();
}

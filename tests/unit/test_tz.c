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
#include <sys/stat.h>

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
	return tap_done();
}

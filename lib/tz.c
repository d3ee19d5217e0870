/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/tz.h"
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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
 * Whether PATH is a compiled zone file: the magic "TZif", a version, and
 * as many bytes as its header's counts promise for the first block.  glibc
 * reads any other file (/etc/passwd, zone.tab) as UTC without a word.  Only
 * a regular file is opened, and without blocking: a FIFO named as a zone
 * must not hang the run.
 */
static int
tzif_file(const char *path)
{
	unsigned char h[44];
	unsigned long long need = sizeof h, cnt[6];
	struct stat st;
	size_t got = 0;
	ssize_t n;
	int fd;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	while (got < sizeof h && (n = read(fd, h + got, sizeof h - got)) > 0)
		got += (size_t)n;
	close(fd);
	if (got < sizeof h || memcmp(h, "TZif", 4) != 0 ||
	    (h[4] != 0 && (h[4] < '2' || h[4] > '9')))
		return 0;
	/* isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt, big-endian */
	for (int i = 0; i < 6; i++)
		cnt[i] = (unsigned long long)h[20 + 4 * i] << 24 | (unsigned long long)h[21 + 4 * i] << 16 |
			 (unsigned long long)h[22 + 4 * i] << 8 | h[23 + 4 * i];
	if (cnt[4] == 0)
		return 0;
	need += cnt[3] * 5 + cnt[4] * 6 + cnt[5] + cnt[2] * 8 + cnt[1] + cnt[0];
	return (unsigned long long)st.st_size >= need;
}

/*
 * A zone is a compiled file of the zone database, found by name under
 * TZDIR (else /usr/share/zoneinfo) as the C library finds it, or a string
 * of the POSIX TZ grammar ("CET-1CEST,M3.5.0,M10.5.0/3"), which needs no
 * file.  PATHS: an absolute path (":/etc/localtime") may name the file too,
 * as an option or the TZ variable may; a value in a diary may not.
 */
static int
zone_ok(const char *zone, int paths)
{
	const char *dir = getenv("TZDIR");
	const char *base = dir && *dir ? dir : "/usr/share/zoneinfo";
	char *path;
	int colon = zone[0] == ':', ok;

	if (colon)
		zone++;
	if (*zone == '\0')
		return 0;
	if (zone[0] == '/')
		return paths && tzif_file(zone);
	if (!colon && posix_rule(zone))
		return 1;
	/* the C library reads these as UTC even without the file */
	if (strcmp(zone, "UTC") == 0 || strcmp(zone, "GMT") == 0)
		return 1;
	if (strstr(zone, "..") != NULL)
		return 0;
	path = ease_xmalloc(strlen(base) + strlen(zone) + 2);
	sprintf(path, "%s/%s", base, zone);
	ok = tzif_file(path);
	free(path);
	return ok;
}

int
ease_tz_known(const char *zone)
{
	return zone_ok(zone, 0);
}

/*
 * UTC+2 and Etc/GMT+2 are two hours WEST of Greenwich (POSIX counts the
 * hours to add to local time), the opposite of the ISO offset +02:00 that
 * most people mean by them: valid zones, read silently the other way.
 */
static void
warn_sign(const char *zone)
{
	const char *z = zone, *num;
	char flip[64];
	int h = 0;

	if (strncmp(z, "Etc/", 4) == 0)
		z += 4;
	if (strncmp(z, "UTC", 3) != 0 && strncmp(z, "GMT", 3) != 0)
		return;
	if (z[3] != '+' && z[3] != '-')
		return;
	num = z + 4;
	if (!digits(&num, 2, &h) || (*num != '\0' && *num != ':') || h == 0)
		return;
	if (*num == ':') {
		int m;

		num++;
		if (!digits(&num, 2, &m) || *num != '\0')
			return;
	}
	snprintf(flip, sizeof flip, "%.*s%c%s", (int)(z + 3 - zone), zone,
		 z[3] == '+' ? '-' : '+', z + 4);
	ease_warn("--tz: '%s' is read as UTC%c%s, %s of Greenwich (POSIX and the zone database count the hours the other way from an ISO offset); for UTC%c%s write '%s' or a zone name (Europe/Berlin)",
		  zone, z[3] == '+' ? '-' : '+', z + 4, z[3] == '+' ? "west" : "east",
		  z[3], z + 4, flip);
}

void
ease_tz_check(const char *zone)
{
	if (zone != NULL) {
		if (!zone_ok(zone, 1))
			ease_usage("--tz: '%s' is not a time zone of this system: give " EASE_TZ_ACCEPTED,
				   zone);
		warn_sign(zone);
	} else if ((zone = getenv("TZ")) != NULL && *zone && !zone_ok(zone, 1)) {
		ease_die(EASE_EX_USAGE, "the TZ environment variable '%s' is not a time zone of this system (the C library would read it as UTC): set TZ to " EASE_TZ_ACCEPTED ", or unset it for the system's zone",
			 zone);
	}
}

/*
 * The offsets half a day either side of a date's midnight and noon hold for
 * the whole date unless a change falls within it; kept for the last date.
 */
static long cache_day = -2147483647L;
static long cache_off[3];

/*
 * A stretch of instants [span_lo, span_hi) over which the zone keeps one
 * offset, span_off, that is a whole number of minutes: a date-time written
 * within it asks the C library nothing.  Empty while span_lo >= span_hi.
 */
static long long span_lo = 1, span_hi = 0;
static long span_off;

void
ease_tz_use(const char *zone)
{
	cache_day = -2147483647L;
	span_lo = 1;
	span_hi = 0;
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
	snprintf(buf, 16, "%c%02ld:%02ld", sign, off / 3600 % 100, off / 60 % 60);
	return buf;
}

void
ease_tz_forget(void)
{
	cache_day = -2147483647L;
	span_lo = 1;
	span_hi = 0;
}

/*
 * The offset at T into *OFF, by the UTC day around it: the same offset at
 * the day's first and last second is the offset of the whole day, as
 * ease_tz_local takes it (a zone changes at most once in a day; the zone
 * database's changes are four days apart at the least).  Such days join the
 * stretch they adjoin.  0 on a day with a change, or with an offset of
 * seconds (local mean time; the right/ zones, whose clocks count leap
 * seconds): there the C library's own fields are written.
 */
static int
offset_at(long long t, long *off)
{
	long long lo, hi;
	long a;

	if (t >= span_lo && t < span_hi) {
		*off = span_off;
		return 1;
	}
	lo = (t >= 0 ? t / 86400 : -((-t + 86399) / 86400)) * 86400;
	hi = lo + 86400;
	a = ease_tz_offset(lo);
	if (a % 60 != 0 || ease_tz_offset(hi - 1) != a)
		return 0;
	if (span_lo < span_hi && a == span_off && (lo == span_hi || hi == span_lo)) {
		if (lo == span_hi)
			span_hi = hi;
		else
			span_lo = lo;
	} else {
		span_lo = lo;
		span_hi = hi;
		span_off = a;
	}
	*off = a;
	return 1;
}

/* The offset at T: of the stretch known, or of the C library. */
static long
offset_of(long long t)
{
	long off;

	return offset_at(t, &off) ? off : ease_tz_offset(t);
}

/* The C library's struct tm written out: any year, any offset. */
static char *
iso_libc(long long t, char *buf)
{
	time_t tt = (time_t)t;
	struct tm tm;
	long off;
	char sign = '+';
	/* years of struct tm are ints: room for any, then the 40 bytes promised */
	char tmp[96];
	int n;

	if (!localtime_r(&tt, &tm))
		memset(&tm, 0, sizeof tm);
	off = ease_tz_offset(t);
	if (off < 0)
		sign = '-', off = -off;
	if (tm.tm_sec)
		n = snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
			     tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
			     tm.tm_min, tm.tm_sec, sign, (int)(off / 3600), (int)(off / 60 % 60));
	else
		n = snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d%c%02d:%02d",
			     tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
			     tm.tm_min, sign, (int)(off / 3600), (int)(off / 60 % 60));
	if (n < 0 || n > 39)
		n = 39;
	memcpy(buf, tmp, (size_t)n);
	buf[n] = '\0';
	return buf;
}

static void
put2(char *b, long v)
{
	b[0] = (char)('0' + v / 10);
	b[1] = (char)('0' + v % 10);
}

/* 0000-01-01T00:00Z and 10000-01-01T00:00Z, and a day's margin for the offset */
#define ISO_FIRST (-62167219200LL - 86400)
#define ISO_END (253402300800LL + 86400)

char *
ease_tz_iso(long long t, char *buf)
{
	long long local, day;
	long off, sec, a;
	char *p;

	/* by hand, for a date-time is written on every record */
	if (t < ISO_FIRST || t >= ISO_END)
		return iso_libc(t, buf);
	if (!offset_at(t, &off))
		return iso_libc(t, buf);
	local = t + off;
	day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	sec = (long)(local - day * 86400);
	/* a year beyond 0..9999 is written with its sign: as the C library has it */
	ease_fmt_date((long)day, buf);
	if (buf[0] == '+' || buf[0] == '-')
		return iso_libc(t, buf);
	p = buf + 10;
	*p++ = 'T';
	put2(p, sec / 3600);
	p[2] = ':';
	put2(p + 3, sec / 60 % 60);
	p += 5;
	if (sec % 60) {
		*p = ':';
		put2(p + 1, sec % 60);
		p += 3;
	}
	a = off < 0 ? -off : off;
	*p = off < 0 ? '-' : '+';
	put2(p + 1, a / 3600);
	p[3] = ':';
	put2(p + 4, a / 60 % 60);
	p[6] = '\0';
	return buf;
}

const char *
ease_tz_local(long day, long sec, long long hint, long long *out)
{
	static char why[200];
	long long wall, base;
	long o[2];
	long long cand[2];
	int n = 0, usable;
	char a[16], b[16];

	/* checked before any arithmetic: a length of 1e300 s must not wrap around */
	if (day < -EASE_TZ_MAX_DAY || day > EASE_TZ_MAX_DAY || sec < 0 || sec > 2 * 86400L)
		return "is outside the dates a time zone can place (years -271821 to 275760)";
	usable = hint >= -EASE_TZ_MAX_DAY * 86400LL * 2 && hint <= EASE_TZ_MAX_DAY * 86400LL * 2;
	wall = (long long)day * 86400 + sec;
	base = (long long)day * 86400;
	if (day != cache_day) {
		cache_off[0] = offset_of(base - 43200);
		cache_off[1] = offset_of(base + 43200);
		cache_off[2] = offset_of(base + 129600);
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
		if (!usable ||
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

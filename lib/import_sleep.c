/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sleep trackers: Plees Tracker, Sleep Cycle, Fitbit and Sleep as
 * Android, each night a sleep event (in bed to wake, hours asleep when the
 * app knows them) and what the app says about it.
 */
#include "ease/import.h"
#include "ease/tz.h"

#include "ease/err.h"
#include "ease/value.h"

#include "ease/hash.h"

#include <ctype.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DAY_MAX (24.0 * 3600)

/* Milliseconds since 1970 as written by the apps: digits only. */
static int
epoch_ms(const char *s, long long *ms)
{
	long long v = 0;
	int n = 0;

	while (*s == ' ')
		s++;
	for (; isdigit((unsigned char)*s); s++, n++) {
		if (n >= 15)
			return 0;
		v = v * 10 + (*s - '0');
	}
	while (*s == ' ')
		s++;
	if (n == 0 || *s)
		return 0;
	*ms = v;
	return 1;
}

/*
 * A sleep event from START to END (instants), HOURS asleep or NaN.  NAME
 * says what the interval is, as ease-daily reads it: "in_bed" for the time
 * a tracker ran (its hours, when known, are the sleep within), "asleep" for
 * an interval that is the sleep itself.  An unnamed interval without hours
 * would be read as asleep: a failed night must not become one.  The start
 * and end as written are left in A and B.
 */
static void
sleep_event(ease_imp *im, const char *zone, const char *subject, const char *name,
	    time_t start, time_t end, double hours, const char *note, long line,
	    char a[40], char b[40])
{
	ease_event e = {subject, a, b, "sleep", name, hours, isnan(hours) ? "" : "h", note};

	ease_imp_fmt(im, zone, start, a);
	ease_imp_fmt(im, zone, end, b);
	ease_imp_emit(im, &e, line);
}

/*
 * "rating 4.5 of 5" (%g) into BUF (32 bytes) for a RATING of 0 to 5, where
 * ease_fmt_num's 6 digits are %g's, without printf: a night has one.
 */
static char *
rating_note(double rating, char *buf)
{
	char v[40];
	size_t n;

	ease_fmt_num(rating, 6, v);
	n = strlen(v);
	if (n > 16)
		n = 16;
	memcpy(buf, "rating ", 7);
	memcpy(buf + 7, v, n);
	memcpy(buf + 7 + n, " of 5", 6);
	return buf;
}

/* A rated night: the day table's sleep_quality is 0-10. */
static void
quality(ease_imp *im, const char *subject, const char *when, double v,
	const char *note, long line)
{
	ease_event e = {subject, when, "", "sleep_quality", "", v, "", note};

	ease_imp_emit(im, &e, line);
}

/* Whether a sleep from S to E can be one: 0 and a bad record otherwise. */
static int
interval_ok(ease_imp *im, long line, const char *col, const char *cell, time_t s,
	    time_t e)
{
	if (e < s) {
		ease_bad_value(im->file, line, col, cell, "is before the start");
		return 0;
	}
	if (difftime(e, s) > DAY_MAX) {
		ease_bad_value(im->file, line, col, cell,
			       "makes a sleep of more than 24 hours");
		return 0;
	}
	return 1;
}

/*
 * Nights whose own length (time in bed) differs from their start to end by
 * half an hour or more: the times were read in another zone than the one
 * they were written in.  Said once a file, at its end.
 */
typedef struct zonecheck {
	long n, first;
} zonecheck;

static void
zone_note(zonecheck *z, double bed_s, time_t s, time_t e, long line)
{
	if (isnan(bed_s) || bed_s <= 0 || fabs(difftime(e, s) - bed_s) < 1800)
		return;
	if (!z->n++)
		z->first = line;
}

static void
zone_say(ease_imp *im, const zonecheck *z, const char *col)
{
	if (z->n)
		ease_warn("%s: %ld night%s (the first on line %ld) last%s half an hour or more "
			  "other than %s says: were the times written in another zone than %s? "
			  "(--tz)", im->file, z->n, z->n == 1 ? "" : "s", z->first,
			  z->n == 1 ? "s" : "", col, im->zone ? im->zone : "the system's");
}

/* ---- Plees Tracker: sid,start,stop,rating[,comment,wakes] ---- */

void
ease_import_plees(ease_imp *im, ease_reader *r, const ease_rec *h)
{
	int cs = ease_imp_need(im, h, "start"), ce = ease_imp_need(im, h, "stop");
	int cr = ease_imp_col(h, "rating"), cc = ease_imp_col(h, "comment");
	const ease_rec *rec;

	while ((rec = ease_imp_next(im, r))) {
		long long a, b;
		double rating;
		time_t s, e;
		char from[40], when[40], note[32];

		if (!ease_imp_width(im, rec, h))
			continue;
		if (!epoch_ms(rec->f[cs], &a)) {
			ease_bad_value(im->file, rec->line, "start", rec->f[cs],
				       "is not a time in milliseconds since 1970");
			continue;
		}
		if (!epoch_ms(rec->f[ce], &b)) {
			ease_bad_value(im->file, rec->line, "stop", rec->f[ce],
				       "is not a time in milliseconds since 1970");
			continue;
		}
		/* 9999-12-31T23:59:59Z: beyond it no ease tool reads a date */
		if (a > 253402300799999LL || b > 253402300799999LL) {
			int first = a > 253402300799999LL;

			ease_bad_value(im->file, rec->line, first ? "start" : "stop",
				       first ? rec->f[cs] : rec->f[ce],
				       "is after the year 9999 (is it milliseconds since 1970?)");
			continue;
		}
		s = (time_t)(a / 1000);
		e = (time_t)(b / 1000);
		if (!interval_ok(im, rec->line, "stop", rec->f[ce], s, e))
			continue;
		switch (ease_imp_num(ease_imp_cell(rec, cr), &rating, NULL)) {
		case EASE_V_BAD:
			ease_bad_value(im->file, rec->line, "rating", rec->f[cr],
				       "is not a rating (expected 0 to 5)");
			continue;
		case EASE_V_MISSING:
			rating = 0;
			break;
		}
		if (rating < 0 || rating > 5) {
			ease_bad_value(im->file, rec->line, "rating", rec->f[cr],
				       "is outside 0..5 (0: not rated)");
			continue;
		}
		sleep_event(im, NULL, "", "asleep", s, e, (double)(b - a) / 3.6e6,
			    ease_imp_cell(rec, cc), rec->line, from, when);
		/* 0 stars is the app's "not rated" */
		if (rating > 0)
			quality(im, "", when, rating * 2, rating_note(rating, note), rec->line);
	}
}

/* ---- Sleep Cycle ---- */

/* A local date-time "YYYY-MM-DD HH:MM[:SS]" in the file's zone. */
static const char *
local_iso(ease_imp *im, const char *cell, time_t hint, time_t *out)
{
	ease_datetime dt;

	if (ease_parse_datetime(cell, NULL, &dt) != EASE_V_OK || !dt.has_time)
		return "is not a date-time (expected YYYY-MM-DD HH:MM:SS)";
	if (dt.has_offset) {
		*out = (time_t)(dt.day * 86400L + dt.sec - dt.offset_min * 60L);
		return NULL;
	}
	return ease_imp_local(im, NULL, dt.day, dt.sec, hint, out);
}

/* Wake-up mood as Sleep Cycle writes it, on the 0-10 scale; -1 unknown. */
static double
wake_mood(const char *s)
{
	static const struct { const char *w; double v; } m[] = {
		{":)", 7.5}, {"good", 7.5}, {":|", 5}, {"ok", 5},
		{":(", 2.5}, {"bad", 2.5}, {NULL, 0}
	};

	while (*s == ' ')
		s++;
	for (int i = 0; m[i].w; i++) {
		size_t n = strlen(m[i].w);

		if (strncasecmp(s, m[i].w, n) == 0 && (s[n] == '\0' || s[n] == ' '))
			return m[i].v;
	}
	return -1;
}

/* A count the app writes 0 for when it has none: heart rate, steps. */
static int
count_cell(ease_imp *im, const ease_rec *rec, int col, const char *name,
	   double *v)
{
	const char *cell = ease_imp_cell(rec, col);

	*v = NAN;
	if (col < 0)
		return 1;
	switch (ease_imp_num(cell, v, NULL)) {
	case EASE_V_MISSING:
		*v = NAN;
		return 1;
	case EASE_V_BAD:
		ease_bad_value(im->file, rec->line, name, cell, "is not a number");
		return 0;
	}
	if (*v < 0)
{
		ease_bad_value(im->file, rec->line, name, cell, "is negative");
		return 0;
	}
	if (*v == 0)
		*v = NAN;
	return 1;
}

void
ease_import_sleep_cycle(ease_imp *im, ease_reader *r, const ease_rec *h)
{
	int cs = ease_imp_need(im, h, "Start"), ce = ease_imp_need(im, h, "End");
	int cq = ease_imp_need(im, h, "Sleep quality");
	int casleep = ease_imp_col(h, "Time asleep (seconds)");
	int cbed_s = ease_imp_col(h, "Time in bed (seconds)");
	int cbed = ease_imp_col(h, "Time in bed");
	int cmood = ease_imp_col(h, "Mood");
	int cwake = ease_imp_col(h, "Wake up");
	int chr = ease_imp_col(h, "Heart rate");
	int csteps = ease_imp_col(h, "Steps");
	int cnotes = ease_imp_col(h, "Sleep Notes");
	const ease_rec *rec;
	int from_bed = 0;

	/* the newer layout has written its notes as "Notes" too */
	if (cnotes < 0)
		cnotes = ease_imp_col(h, "Notes");
	if (casleep < 0 && im->o->asleep_from_bed)
		from_bed = 1;
	else if (casleep < 0 && im->o->verbose)
		ease_warn("%s: this layout of Sleep Cycle has no time asleep: each night is "
			  "its time in bed without hours asleep (sleep_hours stays empty; "
			  "--asleep-from-bed takes the time in bed as the hours asleep)",
			  im->file);
	else if (casleep >= 0 && im->o->asleep_from_bed)
		ease_warn("%s: --asleep-from-bed is not used: this export has '%s'",
			  im->file, h->f[casleep]);

	if (csteps < 0)
		csteps = ease_imp_col(h, "Activity (steps)");
	zonecheck zc = {0, 0};

	if (cmood < 0)
		cmood = cwake;
	while ((rec = ease_imp_next(im, r))) {
		time_t s, e, hint = (time_t)-1;
		const char *why;
		double q, asleep = NAN, bed = NAN, hr, steps, mood = -1;
		int pct;
		char a[40], b[40];

		if (!ease_imp_width(im, rec, h))
			continue;
		if (cbed_s >= 0) {
			if (ease_imp_num(rec->f[cbed_s], &bed, NULL) == EASE_V_BAD) {
				ease_bad_value(im->file, rec->line, h->f[cbed_s], rec->f[cbed_s],
					       "is not a number of seconds");
				continue;
			}
			/* checked before any arithmetic with it: 1e300 is no time in bed */
			if (bed < 0 || bed > DAY_MAX) {
				ease_bad_value(im->file, rec->line, h->f[cbed_s], rec->f[cbed_s],
					       "is not a time in bed of 0 to 86400 seconds (24 hours)");
				continue;
			}
		} else if (cbed >= 0 && !ease_is_missing(rec->f[cbed])) {
			long hm = ease_imp_clock(rec->f[cbed], NULL);

			if (hm < 0 || hm % 60) {
				ease_bad_value(im->file, rec->line, h->f[cbed], rec->f[cbed],
					       "is not a time in bed (expected H:MM)");
				continue;
			}
			bed = (double)hm;	/* H:MM of time in bed, in seconds */
		}
		/*
		 * A start in the repeated hour is the one the time in bed
		 * reaches back to from a plain end.
		 */
		if ((why = local_iso(im, rec->f[cs], (time_t)-1, &s)) && !isnan(bed) &&
		    bed > 0 && !local_iso(im, rec->f[ce], (time_t)-1, &e))
			why = local_iso(im, rec->f[cs], e - (time_t)bed, &s);
		if (why) {
			ease_bad_value(im->file, rec->line, h->f[cs], rec->f[cs], why);
			continue;
		}
		if (!isnan(bed) && bed > 0)
			hint = s + (time_t)bed;
		if ((why = local_iso(im, rec->f[ce], hint, &e))) {
			ease_bad_value(im->file, rec->line, h->f[ce], rec->f[ce], why);
			continue;
		}
		if (!interval_ok(im, rec->line, h->f[ce], rec->f[ce], s, e))
			continue;
		zone_note(&zc, bed, s, e, rec->line);
		if (casleep >= 0) {
			switch (ease_imp_num(rec->f[casleep], &asleep, NULL)) {
			case EASE_V_BAD:
				ease_bad_value(im->file, rec->line, h->f[casleep],
					       rec->f[casleep], "is not a number of seconds");
				continue;
			case EASE_V_MISSING:
				asleep = NAN;
				break;
			}
			if (asleep < 0) {
				ease_bad_value(im->file, rec->line, h->f[casleep], rec->f[casleep],
					       "is negative (a night the app failed to track has 0)");
				continue;
			}
			if (asleep > difftime(e, s) + 60) {
				ease_bad_value(im->file, rec->line, h->f[casleep], rec->f[casleep],
					       "is longer than the night from Start to End");
				continue;
			}
			/* 0 s asleep: a night the app failed to track */
			asleep = asleep > 0 ? asleep / 3600 : NAN;
		}
		switch (ease_imp_num(ease_imp_cell(rec, cq), &q, &pct)) {
		case EASE_V_BAD:
			ease_bad_value(im->file, rec->line, h->f[cq], rec->f[cq],
				       "is not a sleep quality (expected a percentage like 79%)");
			continue;
		case EASE_V_MISSING:
			q = 0;
			break;
		}
		if (!pct && q != 0) {
			ease_bad_value(im->file, rec->line, h->f[cq], rec->f[cq],
				       "is not a sleep quality (expected a percentage like 79%)");
			continue;
		}
		if (q < 0 || q > 100) {
			ease_bad_value(im->file, rec->line, h->f[cq], rec->f[cq],
				       "is outside 0%..100%");
			continue;
		}
		if (cmood >= 0 && !ease_is_missing(rec->f[cmood]) &&
		    (mood = wake_mood(rec->f[cmood])) < 0) {
			ease_bad_value(im->file, rec->line, h->f[cmood], rec->f[cmood],
				       "is not a wake-up mood (expected :), :| or :(, or Good, OK or Bad)");
			continue;
		}
		if (!count_cell(im, rec, chr, "Heart rate", &hr) ||
		    !count_cell(im, rec, csteps, csteps >= 0 ? h->f[csteps] : "", &steps))
			continue;
		/* asked for: the time in bed as the hours asleep, but not of a failed night */
		if (from_bed && q > 0)
			asleep = difftime(e, s) / 3600;
		sleep_event(im, NULL, "", "in_bed", s, e, asleep,
			    from_bed && q > 0 ? "hours asleep: the time in bed (--asleep-from-bed)" : "",
			    rec->line, a, b);
		/* 0%: a night that failed, not the worst one */
		if (q > 0) {
			quality(im, "", b, q / 10, rec->f[cq], rec->line);
		}
		if (mood >= 0) {
			ease_event ev = {"", b, "", "mood", "", mood, "", rec->f[cmood]};

			ease_imp_emit(im, &ev, rec->line);
		}
		/* measured over the night: on the wake-up's day, as its sleep */
		if (!isnan(hr)) {
			ease_event ev = {"", b, "", "factor", "heart_rate", hr, "bpm", ""};

			ease_imp_emit(im, &ev, rec->line);
		}
		if (!isnan(steps)) {
			ease_event ev = {"", b, "", "factor", "steps", steps, "steps", ""};

			ease_imp_emit(im, &ev, rec->line);
		}
		if (cnotes >= 0) {
			/* notes tell of the day before: at the night's start; joined by ':' */
			const char *p = rec->f[cnotes];

			while (*p) {
				const char *q2 = strchr(p, ':');
				size_t len = q2 ? (size_t)(q2 - p) : strlen(p);
				char *name;

				while (len && *p == ' ')
					p++, len--;
				while (len && p[len - 1] == ' ')
					len--;
				if (len) {
					name = ease_xstrndup(p, len);
					ease_event ev = {"", a, "", "factor", name, 1, "", ""};

					ease_imp_emit(im, &ev, rec->line);
					free(name);
				}
				if (!q2)
					break;
				p = q2 + 1;
			}
		}
	}
	zone_say(im, &zc, cbed_s >= 0 ? h->f[cbed_s] : "Time in bed");
}

/* ---- Fitbit ---- */

static void
fitbit_days(ease_imp *im, ease_reader *r, const ease_rec *h)
{
	int cid = ease_imp_need(im, h, "Id"), cday = ease_imp_need(im, h, "SleepDay");
	int cn = ease_imp_need(im, h, "TotalSleepRecords");
	int cas = ease_imp_need(im, h, "TotalMinutesAsleep");
	int cbed = ease_imp_need(im, h, "TotalTimeInBed");
	const char *fmt = im->c->date_format;
	static const char *const names[] = {"SleepDay"};
	/* held where an error's exit still finds it */
	static ease_imp_str note;
	ease_dateform df;
	/* the order of day and month is the whole column's: read it first */
	ease_recstore *st = ease_imp_read_dated(im, r, h, &cday, names, 1, 0, &df);
	const ease_rec *rec;
	for (size_t i = 0; i < ease_recstore_count(st); i++) {
		const char *why;
		long day, sec;
		double asleep, bed, n;
		char date[16];

		rec = ease_recstore_get(st, i, NULL);
		if ((why = ease_dateform_read(&df, fmt, rec->f[cday], &day, &sec))) {
			ease_bad_value(im->file, rec->line, "SleepDay", rec->f[cday], why);
			continue;
		}
		if (sec != 0) {
			ease_bad_value(im->file, rec->line, "SleepDay", rec->f[cday],
				       "is not at midnight (the column names a day)");
			continue;
		}
		if (ease_imp_num(rec->f[cas], &asleep, NULL) == EASE_V_BAD || asleep < 0 ||
		    asleep > 1440) {
			ease_bad_value(im->file, rec->line, "TotalMinutesAsleep", rec->f[cas],
				       "is not a number of minutes 0..1440");
			continue;
		}
		if (ease_imp_num(rec->f[cbed], &bed, NULL) == EASE_V_BAD || bed < 0 ||
		    bed > 1440) {
			ease_bad_value(im->file, rec->line, "TotalTimeInBed", rec->f[cbed],
				       "is not a number of minutes 0..1440");
			continue;
		}
		if (ease_imp_num(rec->f[cn], &n, NULL) == EASE_V_BAD) {
			ease_bad_value(im->file, rec->line, "TotalSleepRecords", rec->f[cn],
				       "is not a number");
			continue;
		}
		ease_imp_str_clear(&note);
		ease_imp_str_addf(&note, "in bed %s min, %s sleep record%s", rec->f[cbed],
				  rec->f[cn], n == 1 ? "" : "s");
		ease_event e = {rec->f[cid], ease_fmt_date(day, date), "", "sleep", "",
				asleep / 60, "h", note.s};

		ease_imp_emit(im, &e, rec->line);
	}
	free(note.s);
	note = (ease_imp_str){0};
	ease_recstore_free(st);
}

void
ease_import_fitbit(ease_imp *im, ease_reader *r, const ease_rec *h)
{
	int cs, ce, cas, cbed;
	const char *fmt = im->c->date_format;
	ease_recstore *st;
	ease_dateform df;
	const ease_rec *rec;

	if (ease_imp_col(h, "SleepDay") >= 0) {
		fitbit_days(im, r, h);
		return;
	}
	cs = ease_imp_need(im, h, "Start Time");
	ce = ease_imp_need(im, h, "End Time");
	cas = ease_imp_need(im, h, "Minutes Asleep");
	cbed = ease_imp_col(h, "Time in Bed");
	zonecheck zc = {0, 0};

	{
		static const char *const names[] = {"Start Time", "End Time"};
		int dcols[2] = {cs, ce};

		st = ease_imp_read_dated(im, r, h, dcols, names, 2, 1, &df);
	}
	for (size_t i = 0; i < ease_recstore_count(st); i++) {
		const char *why;
		long day, sec;
		double asleep, bed;
		time_t s, e;
		char a[40], b[40];

		rec = ease_recstore_get(st, i, NULL);
		/* a sleep is a time, not a day: both ends need their clock */
		if (!strchr(rec->f[cs], ':')) {
			ease_bad_value(im->file, rec->line, "Start Time", rec->f[cs],
				       "has no clock time (expected like 2026-04-01 11:12PM)");
			continue;
		}
		if (!strchr(rec->f[ce], ':')) {
			ease_bad_value(im->file, rec->line, "End Time", rec->f[ce],
				       "has no clock time (expected like 2026-04-02 7:05AM)");
			continue;
		}
		switch (ease_imp_num(ease_imp_cell(rec, cbed), &bed, NULL)) {
		case EASE_V_BAD:
			ease_bad_value(im->file, rec->line, "Time in Bed", rec->f[cbed],
				       "is not a number of minutes");
			continue;
		case EASE_V_MISSING:
			bed = NAN;
			break;
		}
		/* checked before any arithmetic with it: 1e300 is no time in bed */
		if (bed < 0 || bed > 1440) {
			ease_bad_value(im->file, rec->line, "Time in Bed", rec->f[cbed],
				       "is not a number of minutes 0..1440");
			continue;
		}
		if ((why = ease_dateform_read(&df, fmt, rec->f[cs], &day, &sec)) ||
		    (why = ease_imp_local(im, NULL, day, sec, (time_t)-1, &s))) {
			long d2, s2;

			/* in the repeated hour: the time in bed back from a plain end */
			if (!isnan(bed) && bed > 0 &&
			    !ease_dateform_read(&df, fmt, rec->f[ce], &d2, &s2) &&
			    !ease_imp_local(im, NULL, d2, s2, (time_t)-1, &e) &&
			    !ease_dateform_read(&df, fmt, rec->f[cs], &day, &sec))
				why = ease_imp_local(im, NULL, day, sec, e - (time_t)(bed * 60), &s);
		}
		if (why) {
			ease_bad_value(im->file, rec->line, "Start Time", rec->f[cs], why);
			continue;
		}
		if ((why = ease_dateform_read(&df, fmt, rec->f[ce], &day, &sec)) ||
		    (why = ease_imp_local(im, NULL, day, sec,
					  isnan(bed) ? (time_t)-1 : s + (time_t)(bed * 60), &e))) {
			ease_bad_value(im->file, rec->line, "End Time", rec->f[ce], why);
			continue;
		}
		if (!interval_ok(im, rec->line, "End Time", rec->f[ce], s, e))
			continue;
		zone_note(&zc, bed * 60, s, e, rec->line);
		switch (ease_imp_num(rec->f[cas], &asleep, NULL)) {
		case EASE_V_BAD:
			ease_bad_value(im->file, rec->line, "Minutes Asleep", rec->f[cas],
				       "is not a number of minutes");
			continue;
		case EASE_V_MISSING:
			asleep = NAN;
			break;
		}
		if (!isnan(asleep) && asleep != floor(asleep)) {
			ease_bad_value(im->file, rec->line, "Minutes Asleep", rec->f[cas],
				       "is not a whole number of minutes (thousands are "
				       "written 1,005)");
			continue;
		}
		if (asleep < 0 || asleep > difftime(e, s) / 60 + 1) {
			ease_bad_value(im->file, rec->line, "Minutes Asleep", rec->f[cas],
				       "is longer than the sleep from Start Time to End Time");
			continue;
		}
		sleep_event(im, NULL, "", "in_bed", s, e, asleep / 60, "", rec->line, a, b);
	}
	zone_say(im, &zc, "Time in Bed");
	ease_recstore_free(st);
}

/* ---- Sleep as Android ---- */

/* "27. 11. 2020 7:38": day, month, year, unpadded hour. */
static int
saa_time(const char *s, long *day, long *sec)
{
	long v[3] = {0, 0, 0};

	for (int i = 0; i < 3; i++) {
		int n = 0;

		while (*s == ' ')
			s++;
		while (isdigit((unsigned char)*s) && n < 4)
			v[i] = v[i] * 10 + (*s++ - '0'), n++;
		if (n == 0 || (i < 2 && n > 2) || (i == 2 && n != 4))
			return 0;
		if (i < 2 && *s++ != '.')
			return 0;
	}
	if (*s != ' ' || !ease_valid_civil(v[2], (int)v[1], (int)v[0]))
		return 0;
	*day = ease_days_from_civil(v[2], (int)v[1], (int)v[0]);
	*sec = ease_imp_clock(s + 1, NULL);
	return *sec >= 0 && *sec % 60 == 0;
}

static int
tag_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '-' || c >= 0x80;
}

/*
 * A count tag, NAME_Nx (#alcohol_3x: three drinks): the length of NAME in
 * *BASE and N in *COUNT; 0 when the tag P (LEN bytes) is a plain one.
 */
static int
tag_count(const char *p, size_t len, size_t *base, double *count)
{
	size_t i = len, nd = 0;
	double v = 0, scale = 1;

	if (len < 4 || (p[len - 1] != 'x' && p[len - 1] != 'X'))
		return 0;
	for (i = len - 1; i > 0 && isdigit((unsigned char)p[i - 1]) && nd < 6; i--, nd++) {
		v += (p[i - 1] - '0') * scale;
		scale *= 10;
	}
	if (nd == 0 || i < 2 || p[i - 1] != '_')
		return 0;
	*base = i - 1;
	*count = v;
	return 1;
}

/* One tag of a comment: where its name is, and its value. */
typedef struct saa_tag {
	const char *p;
	size_t len;
	double v;
} saa_tag;

static uint64_t
tag_hash(const char *p, size_t len)
{
	uint64_t h = EASE_HASH_START;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)tolower((unsigned char)p[i]);
		h *= 1099511628211ULL;
	}
	return h;
}

/*
 * Each #tag of COMMENT a factor, once however often it is written (#pain
 * #pain, #Pain: one; a count tag the largest count), in the order first
 * written; the comment itself is the night's note.  Tags are told apart by
 * a hash table: linear in the comment, however many tags it holds.
 */
static void
saa_tags(ease_imp *im, const char *when, const char *comment, long line)
{
	saa_tag *tags = NULL;
	size_t n = 0, cap = 0, tcap = 16;
	size_t *tab;

	for (const char *p = comment; (p = strchr(p, '#')); ) {
		const char *name = ++p;
		size_t len, base;
		double v = 1;

		while (*p && tag_char((unsigned char)*p))
			p++;
		len = (size_t)(p - name);
		if (!len)
			continue;
		if (tag_count(name, len, &base, &v))
			len = base;
		ease_grow((void **)&tags, &cap, n + 1, sizeof *tags);
		tags[n++] = (saa_tag){name, len, v};
	}
	if (!n)
		return;
	while (tcap < 2 * n)
		tcap *= 2;
	/* slots hold a tag's index + 1; 0 is free */
	tab = ease_xcalloc(tcap, sizeof *tab);
	for (size_t i = 0; i < n; i++) {
		size_t j = tag_hash(tags[i].p, tags[i].len) & (tcap - 1);

		for (; tab[j]; j = (j + 1) & (tcap - 1)) {
			saa_tag *t = &tags[tab[j] - 1];

			if (t->len == tags[i].len && strncasecmp(t->p, tags[i].p, t->len) == 0)
				break;
		}
		if (!tab[j]) {
			tab[j] = i + 1;
			continue;
		}
		/* a repeat: the first keeps the largest count, the repeat is dropped */
		if (tags[i].v > tags[tab[j] - 1].v)
			tags[tab[j] - 1].v = tags[i].v;
		tags[i].len = 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (!tags[i].len)
			continue;
		char *name = ease_xstrndup(tags[i].p, tags[i].len);
		ease_event e = {"", when, "", "factor", name, tags[i].v, "", ""};

		ease_imp_emit(im, &e, line);
		free(name);
	}
	free(tab);
	free(tags);
}

/* The comment with the app's literal "\n" as the line break it stands for. */
static char *
saa_note(const char *s)
{
	char *o = ease_xmalloc(strlen(s) + 1), *d = o;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*d++ = '\n';
			s++;
		} else {
			*d++ = *s;
		}
	}
	*d = '\0';
	return o;
}

/* The app's "not measured": -1 and -2 (written -1, -2.0, ...). */
static int
saa_placeholder(double v)
{
	return v == -1 || v == -2;
}

/*
 * An Id a spreadsheet has rounded to a number in its own way (1.59287E+12,
 * 1606459080000.0): a number, but not the digits the app writes.
 */
static int
saa_rounded_id(const char *cell)
{
	double v;

	return ease_imp_num(cell, &v, NULL) == EASE_V_OK && v >= 1e11 && v < 1e14;
}

/* Whether the first N fields of H are those of K, byte for byte. */
static int
same_names(const ease_rec *h, const ease_rec *k, size_t n)
{
	if (h->n < n || k->n < n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (h->len[i] != k->len[i] || memcmp(h->f[i], k->f[i], h->len[i]) != 0)
			return 0;
	return 1;
}

void
ease_import_saa(ease_imp *im, ease_reader *r, const ease_rec *h0)
{
	/* a header a record: only its width, line and columns are kept */
	const ease_rec *h = h0;
	size_t hn = 0;
	long hline = 0;
	int cid = 0, ctz = 0, cfrom = 0, cto = 0, chours = 0, crat = 0, ccom = 0, maxcol = 0;
	/* held where an error's exit still finds them */
	static char *lastzone;
	static ease_rec *cols_of;	/* the header the columns were found in */
	const ease_rec *rec;
	long rounded = 0, rounded_line = 0;
	char rounded_id[64] = "";

	for (int again = 1; again; ) {
		hn = h->n;
		hline = h->line;
		again = 0;
		/* the header before each night: its columns as the last one's, mostly */
		if (!cols_of || !same_names(h, cols_of, (size_t)maxcol + 1)) {
			cid = ease_imp_col(h, "Id");
			ctz = ease_imp_col(h, "Tz");
			cfrom = ease_imp_col(h, "From");
			cto = ease_imp_col(h, "To");
			chours = ease_imp_col(h, "Hours");
			crat = ease_imp_col(h, "Rating");
			ccom = ease_imp_col(h, "Comment");
			const char *need[] = {"Id", "Tz", "From", "To", "Hours", "Rating", "Comment"};
			int at[] = {cid, ctz, cfrom, cto, chours, crat, ccom};

			maxcol = 0;
			for (int i = 0; i < 7; i++) {
				if (at[i] < 0)
					ease_die(EASE_EX_DATA, "%s:%ld: this header has no column '%s' "
						 "(expected Id,Tz,From,To,Sched,Hours,Rating,Comment,...)",
						 im->file, hline, need[i]);
				if (at[i] > maxcol)
					maxcol = at[i];
			}
			ease_imp_free(cols_of);
			cols_of = ease_imp_keep(h);
		}
		while ((rec = ease_imp_next(im, r))) {
			long long id;
			long day, sec;
			double hours, rating;
			time_t s, e, hint = (time_t)-1;
			const char *zone, *why;
			char at[40], when[40], note[32];

			/* every record comes under a header of its own width */
			if (rec->n && strcmp(rec->f[0], "Id") == 0) {
				h = rec;	/* read at once, before the next record */
				again = 1;
				break;
			}
			if (rec->n <= (size_t)maxcol || rec->n > hn) {
				ease_bad_row(im->file, rec->line,
					     "%zu fields, but the header above it (line %ld) has %zu",
					     rec->n, hline, hn);
				continue;
			}
			id = -1;
			if (!epoch_ms(rec->f[cid], &id)) {
				if (!saa_rounded_id(rec->f[cid])) {
					ease_bad_value(im->file, rec->line, "Id", rec->f[cid],
						       "is not a time in milliseconds since 1970");
					continue;
				}
				/* the start comes from From and Tz instead, to the minute */
				id = -1;
				if (!rounded++) {
					rounded_line = rec->line;
					snprintf(rounded_id, sizeof rounded_id, "%.63s", rec->f[cid]);
				}
			}
			zone = rec->f[ctz];
			if (!*zone) {
				zone = im->zone;
			} else if (!lastzone || strcmp(zone, lastzone) != 0) {
				if (!ease_tz_known(zone)) {
					ease_bad_value(im->file, rec->line, "Tz", zone,
						       "is not a time zone (expected "
						       EASE_TZ_ACCEPTED_DATA ")");
					continue;
				}
				free(lastzone);
				lastzone = ease_xstrdup(zone);
			}
			switch (ease_imp_num(rec->f[chours], &hours, NULL)) {
			case EASE_V_BAD:
				ease_bad_value(im->file, rec->line, "Hours", rec->f[chours],
					       "is not a number of hours");
				continue;
			case EASE_V_MISSING:
				hours = -1;
				break;
			}
			/* -1 and -2 are the app's "not measured"; no other number below 0 */
			if (saa_placeholder(hours))
				hours = NAN;
			else if (hours < 0) {
				ease_bad_value(im->file, rec->line, "Hours", rec->f[chours],
					       "is negative (the app writes -1 or -2 for a night "
					       "it did not measure)");
				continue;
			} else if (hours > 24) {
				ease_bad_value(im->file, rec->line, "Hours", rec->f[chours],
					       "is more than 24 hours");
				continue;
			}
			if (!saa_time(rec->f[cfrom], &day, &sec)) {
				ease_bad_value(im->file, rec->line, "From", rec->f[cfrom],
					       "is not a date and time (expected like 27. 11. 2020 7:38)");
				continue;
			}
			if (id < 0) {
				if ((why = ease_imp_local(im, zone, day, sec, (time_t)-1, &s))) {
					ease_bad_value(im->file, rec->line, "From", rec->f[cfrom], why);
					continue;
				}
			} else {
				time_t f;

				s = (time_t)(id / 1000);
				/* the Id is the start to the millisecond; From says it in the zone */
				if ((why = ease_imp_local(im, zone, day, sec, s, &f)) ||
				    llabs((long long)(f - s)) > 120) {
					ease_bad_value(im->file, rec->line, "From", rec->f[cfrom],
						       why ? why : "is not the time of the Id in the zone of Tz");
					continue;
				}
			}
			if (!isnan(hours))
				hint = s + (time_t)(hours * 3600);
			if (!saa_time(rec->f[cto], &day, &sec)) {
				ease_bad_value(im->file, rec->line, "To", rec->f[cto],
					       "is not a date and time (expected like 27. 11. 2020 7:38)");
				continue;
			}
			/* an hour the clocks repeated is the one Id + Hours reaches */
			if ((why = ease_imp_local(im, zone, day, sec, hint, &e))) {
				ease_bad_value(im->file, rec->line, "To", rec->f[cto], why);
				continue;
			}
			/*
			 * To is cut to the minute, the Id is not: a record of
			 * seconds ends in the minute it began, not before it
			 */
			if (e < s && s - e < 60)
				e = s;
			if (!interval_ok(im, rec->line, "To", rec->f[cto], s, e))
				continue;
			if (!isnan(hours) && hours * 3600 > difftime(e, s) + 120) {
				ease_bad_value(im->file, rec->line, "Hours", rec->f[chours],
					       "is longer than the night from From to To");
				continue;
			}
			switch (ease_imp_num(rec->f[crat], &rating, NULL)) {
			case EASE_V_BAD:
				ease_bad_value(im->file, rec->line, "Rating", rec->f[crat],
					       "is not a rating (expected 0 to 5)");
				continue;
			case EASE_V_MISSING:
				rating = 0;
				break;
			}
			if (rating > 5) {
				ease_bad_value(im->file, rec->line, "Rating", rec->f[crat],
					       "is outside 0..5");
				continue;
			}
			if (rating < 0 && !saa_placeholder(rating)) {
				ease_bad_value(im->file, rec->line, "Rating", rec->f[crat],
					       "is negative (expected 0 to 5; the app writes -1 or "
					       "-2 for a night not rated)");
				continue;
			}
			{
				char *nt = saa_note(rec->f[ccom]);

				sleep_event(im, zone, "", "in_bed", s, e, hours, nt, rec->line, at,
					    when);
				free(nt);
			}
			/* 0 stars and the placeholders -1, -2 are "not rated" */
			if (rating > 0)
				quality(im, "", when, rating * 2, rating_note(rating, note),
					rec->line);
			/* tags tell of the day before, as Sleep Cycle's notes: at the start */
			saa_tags(im, at, rec->f[ccom], rec->line);
		}
	}
	free(lastzone);
	lastzone = NULL;
	ease_imp_free(cols_of);
	cols_of = NULL;
	if (rounded)
		ease_warn("%s: %ld record%s (the first on line %ld, '%s') %s an Id a "
			  "spreadsheet has rounded: %s start is From in the zone of Tz, to the "
			  "minute (export again from the app, or keep the Id column as text)",
			  im->file, rounded, rounded == 1 ? "" : "s", rounded_line, rounded_id,
			  rounded == 1 ? "has" : "have", rounded == 1 ? "its" : "their");
}

/* ---- Sleepmeter ---- */

/* "2021-03-02 07:00+0100" (or +01:00): the local day, second and offset. */
static int
sm_time(const char *s, long *day, long *sec, long *off_min)
{
	long v[5] = {0, 0, 0, 0, 0};
	static const char sep[] = "-- :";
	static const int width[] = {4, 2, 2, 2, 2};
	long oh, om;
	int sign;

	while (*s == ' ')
		s++;
	for (int i = 0; i < 5; i++) {
		for (int k = 0; k < width[i]; k++, s++) {
			if (!isdigit((unsigned char)*s))
				return 0;
			v[i] = v[i] * 10 + (*s - '0');
		}
		if (i < 4 && *s++ != sep[i])
			return 0;
	}
	if (*s != '+' && *s != '-')
		return 0;
	sign = *s++ == '-' ? -1 : 1;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return 0;
	oh = (s[0] - '0') * 10 + (s[1] - '0');
	s += 2;
	if (*s == ':')
		s++;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return 0;
	om = (s[0] - '0') * 10 + (s[1] - '0');
	s += 2;
	while (*s == ' ')
		s++;
	if (*s || v[3] > 23 || v[4] > 59 || oh > 14 || om > 59 ||
	    !ease_valid_civil(v[0], (int)v[1], (int)v[2]))
		return 0;
	*day = ease_days_from_civil(v[0], (int)v[1], (int)v[2]);
	*sec = v[3] * 3600 + v[4] * 60;
	*off_min = sign * (oh * 60 + om);
	return 1;
}

/* One end of a night: its instant, and as written (its own offset kept). */
typedef struct sm_end {
	long long t;
	char iso[40];
} sm_end;

static int
sm_end_read(const char *cell, sm_end *e)
{
	long day, sec, off;
	char date[16];
	long a;

	if (!sm_time(cell, &day, &sec, &off))
		return 0;
	e->t = (long long)day * 86400 + sec - off * 60;
	a = off < 0 ? -off : off;
	snprintf(e->iso, sizeof e->iso, "%sT%02ld:%02ld%c%02ld:%02ld",
		 ease_fmt_date(day, date), sec / 3600, sec / 60 % 60, off < 0 ? '-' : '+',
		 a / 60, a % 60);
	return 1;
}

/*
 * The wakings of a night, "60-75|190-200": minutes after falling asleep.
 * Their total in *MIN; 0 when the cell is not such a list or a waking lies
 * outside the night of LEN minutes.
 */
static int
sm_holes(const char *s, double len, double *min)
{
	*min = 0;
	while (*s == ' ')
		s++;
	if (!*s)
		return 1;
	for (;;) {
		long a = 0, b = 0;
		int na = 0, nb = 0;

		while (isdigit((unsigned char)*s) && na < 7)
			a = a * 10 + (*s++ - '0'), na++;
		if (!na || *s++ != '-')
			return 0;
		while (isdigit((unsigned char)*s) && nb < 7)
			b = b * 10 + (*s++ - '0'), nb++;
		if (!nb || b < a || b > len)
			return 0;
		*min += (double)(b - a);
		if (*s == '\0')
			break;
		if (*s++ != '|')
			return 0;
	}
	return *min <= len;
}

/* The custom aids, hindrances and tags the export lists before its nights. */
enum { SM_AID, SM_HINDRANCE, SM_TAG, SM_NLISTS };

typedef struct sm_custom {
	char *id, *name;
} sm_custom;

typedef struct sm_lists {
	sm_custom *c[SM_NLISTS];
	size_t n[SM_NLISTS], cap[SM_NLISTS];
} sm_lists;

static const char *const sm_section[SM_NLISTS] = {
	"custom_aid_id", "custom_hindrance_id", "custom_tag_id"
};
static const char *const sm_column[SM_NLISTS] = {"aid", "hindrances", "tags"};

static int
sm_section_of(const ease_rec *rec)
{
	for (int i = 0; i < SM_NLISTS; i++)
		if (rec->n && strcasecmp(rec->f[0], sm_section[i]) == 0)
			return i;
	return -1;
}

static void
sm_lists_free(sm_lists *l)
{
	for (int i = 0; i < SM_NLISTS; i++) {
		for (size_t k = 0; k < l->n[i]; k++) {
			free(l->c[i][k].id);
			free(l->c[i][k].name);
		}
		free(l->c[i]);
	}
}

/*
 * Each member of the list CELL (aids, hindrances or tags: NONE, or names
 * joined by '|') a factor of value 1 at WHEN; a custom one by the name its
 * section gives.  0 when a member names a custom entry no section lists.
 */
static int
sm_factors(ease_imp *im, const sm_lists *l, int which, const char *cell, const char *when,
	   long line, int emit)
{
	const char *p = cell;

	while (*p == ' ')
		p++;
	if (strcmp(p, "NONE") == 0 || !*p)
		return 1;
	while (*p) {
		size_t len = strcspn(p, "|");
		char *word = ease_xstrndup(p, len);
		const char *name = NULL;
		char *low = NULL;

		if (strncmp(word, "CUSTOM_", 7) == 0) {
			for (size_t k = 0; k < l->n[which] && !name; k++)
				if (strcmp(l->c[which][k].id, word) == 0)
					name = l->c[which][k].name;
			if (!name) {
				char why[200];

				snprintf(why, sizeof why, "names %.40s, which no %s section of the "
					 "export lists", word, sm_section[which]);
				ease_bad_value(im->file, line, sm_column[which], cell, why);
				free(word);
				return 0;
			}
		} else {
			/* the app's own names, SOUND_MACHINE: sound_machine */
			low = ease_xstrdup(word);
			for (char *q = low; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			name = low;
		}
		if (emit && *name) {
			ease_event e = {"", when, "", "factor", name, 1, "", ""};

			ease_imp_emit(im, &e, line);
		}
		free(low);
		free(word);
		p += len;
		if (*p == '|')
			p++;
	}
	return 1;
}

void
ease_import_sleepmeter(ease_imp *im, ease_reader *r, const ease_rec *h0)
{
	sm_lists l;
	const ease_rec *rec = NULL, *h;
	ease_rec *main = NULL;
	int sec = sm_section_of(h0);
	int cw, cs, cb, choles, ctype, cq, cn, cl[SM_NLISTS];

	memset(&l, 0, sizeof l);
	/* the custom sections first, each under its own header, to the nights' header */
	while (sec >= 0) {
		int next = -1;

		while ((rec = ease_imp_next(im, r))) {
			if ((next = sm_section_of(rec)) >= 0)
				break;
			if (rec->n && strcasecmp(rec->f[0], "wake") == 0)
				break;
			if (rec->n < 2 || !*rec->f[0]) {
				ease_bad_row(im->file, rec->line, "%zu field%s in the %s section "
					     "(expected an id and a name)", rec->n,
					     rec->n == 1 ? "" : "s", sm_section[sec]);
				continue;
			}
			ease_grow((void **)&l.c[sec], &l.cap[sec], l.n[sec] + 1, sizeof *l.c[sec]);
			l.c[sec][l.n[sec]].id = ease_xstrdup(rec->f[0]);
			l.c[sec][l.n[sec]].name = ease_xstrdup(rec->f[rec->n - 1]);
			l.n[sec]++;
		}
		if (!rec) {
			/* custom lists and no nights: nothing to write */
			sm_lists_free(&l);
			return;
		}
		sec = next;
	}
	/* after custom sections, the nights' header is the record that ended them */
	if (sm_section_of(h0) >= 0)
		main = ease_imp_keep(rec);
	h = main ? main : h0;
	cw = ease_imp_need(im, h, "wake");
	cs = ease_imp_need(im, h, "sleep");
	cb = ease_imp_need(im, h, "bedtime");
	choles = ease_imp_need(im, h, "holes");
	ctype = ease_imp_need(im, h, "type");
	cq = ease_imp_need(im, h, "quality");
	cn = ease_imp_col(h, "notes");
	for (int i = 0; i < SM_NLISTS; i++)
		cl[i] = ease_imp_col(h, sm_column[i]);
	while ((rec = ease_imp_next(im, r))) {
		sm_end wake, sleep, bed;
		double q, holes, len, asleep;
		int nap, ok = 1;
		char note[64];

		if (!ease_imp_width(im, rec, h))
			continue;
		if (!sm_end_read(rec->f[cb], &bed)) {
			ease_bad_value(im->file, rec->line, "bedtime", rec->f[cb],
				       "is not a date-time (expected like 2021-03-01 23:00+0100)");
			continue;
		}
		if (!sm_end_read(rec->f[cs], &sleep)) {
			ease_bad_value(im->file, rec->line, "sleep", rec->f[cs],
				       "is not a date-time (expected like 2021-03-01 23:30+0100)");
			continue;
		}
		if (!sm_end_read(rec->f[cw], &wake)) {
			ease_bad_value(im->file, rec->line, "wake", rec->f[cw],
				       "is not a date-time (expected like 2021-03-02 07:00+0100)");
			continue;
		}
		if (sleep.t < bed.t) {
			ease_bad_value(im->file, rec->line, "sleep", rec->f[cs],
				       "is before the bedtime");
			continue;
		}
		if (wake.t < sleep.t) {
			ease_bad_value(im->file, rec->line, "wake", rec->f[cw],
				       "is before the time of falling asleep");
			continue;
		}
		if (wake.t - bed.t > (long long)DAY_MAX) {
			ease_bad_value(im->file, rec->line, "wake", rec->f[cw],
				       "makes a night of more than 24 hours from the bedtime");
			continue;
		}
		len = (double)(wake.t - sleep.t) / 60;
		if (!sm_holes(rec->f[choles], len, &holes)) {
			ease_bad_value(im->file, rec->line, "holes", rec->f[choles],
				       "is not a list of wakings within the sleep (expected like "
				       "60-75|190-200: minutes after falling asleep)");
			continue;
		}
		if (strcmp(rec->f[ctype], "NIGHT_SLEEP") == 0)
			nap = 0;
		else if (strcmp(rec->f[ctype], "NAP") == 0)
			nap = 1;
		else {
			ease_bad_value(im->file, rec->line, "type", rec->f[ctype],
				       "is not a type of sleep (expected NIGHT_SLEEP or NAP)");
			continue;
		}
		switch (ease_imp_num(rec->f[cq], &q, NULL)) {
		case EASE_V_BAD:
			ease_bad_value(im->file, rec->line, "quality", rec->f[cq],
				       "is not a quality (expected a whole number 0 to 10)");
			continue;
		case EASE_V_MISSING:
			q = NAN;
			break;
		}
		if (!isnan(q) && (q < 0 || q > 10 || q != floor(q))) {
			ease_bad_value(im->file, rec->line, "quality", rec->f[cq],
				       "is not a quality (expected a whole number 0 to 10)");
			continue;
		}
		/* every list read before anything of the record is written */
		for (int i = 0; i < SM_NLISTS && ok; i++)
			if (cl[i] >= 0)
				ok = sm_factors(im, &l, i, rec->f[cl[i]], bed.iso, rec->line, 0);
		if (!ok)
			continue;
		asleep = (len - holes) / 60;
		if (nap) {
			/* a nap adds to the day's sleep as a factor, not to the night's */
			ease_event e = {"", sleep.iso, wake.iso, "factor", "nap_hours", asleep, "",
					cn >= 0 ? rec->f[cn] : ""};

			ease_imp_emit(im, &e, rec->line);
		} else {
			ease_event e = {"", bed.iso, wake.iso, "sleep", "in_bed", asleep, "h",
					cn >= 0 ? rec->f[cn] : ""};

			ease_imp_emit(im, &e, rec->line);
			if (!isnan(q)) {
				snprintf(note, sizeof note, "quality %g of 10", q);
				quality(im, "", wake.iso, q, note, rec->line);
			}
		}
		for (int i = 0; i < SM_NLISTS; i++)
			if (cl[i] >= 0)
				sm_factors(im, &l, i, rec->f[cl[i]], nap ? sleep.iso : bed.iso,
					   rec->line, 1);
	}
	ease_imp_free(main);
	sm_lists_free(&l);
}

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

#include <ctype.h>
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
 * would be read as asleep: a failed night must not become one.
 */
static void
sleep_event(ease_imp *im, const char *zone, const char *subject, const char *name,
	    time_t start, time_t end, double hours, const char *note, long line)
{
	char a[40], b[40];
	ease_event e = {subject, a, b, "sleep", name, hours, isnan(hours) ? "" : "h", note};

	ease_imp_fmt(im, zone, start, a);
	ease_imp_fmt(im, zone, end, b);
	ease_imp_emit(im, &e, line);
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
		char when[40], note[32];

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
			    ease_imp_cell(rec, cc), rec->line);
		/* 0 stars is the app's "not rated" */
		if (rating > 0) {
			snprintf(note, sizeof note, "rating %g of 5", rating);
			quality(im, "", ease_imp_fmt(im, NULL, e, when), rating * 2, note,
				rec->line);
		}
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
		ease_imp_fmt(im, NULL, s, a);
		ease_imp_fmt(im, NULL, e, b);
		sleep_event(im, NULL, "", "in_bed", s, e, asleep, "", rec->line);
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
		sleep_event(im, NULL, "", "in_bed", s, e, asleep / 60, "", rec->line);
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

/* Whether the tag P (LEN bytes) of COMMENT stood before it: #pain #pain is one. */
static int
tag_before(const char *comment, const char *p, size_t len)
{
	for (const char *t = comment; (t = strchr(t, '#')) && t + 1 < p; t++)
		if (strncasecmp(t + 1, p, len) == 0 && !tag_char((unsigned char)t[1 + len]))
			return 1;
	return 0;
}

/* Each #tag of COMMENT a factor, once; the comment itself the night's note. */
static void
saa_tags(ease_imp *im, const char *when, const char *comment, long line)
{
	for (const char *p = comment; (p = strchr(p, '#')); ) {
		const char *q = ++p;

		while (*q && tag_char((unsigned char)*q))
			q++;
		if (q > p && !tag_before(comment, p, (size_t)(q - p))) {
			char *name = ease_xstrndup(p, (size_t)(q - p));
			ease_event e = {"", when, "", "factor", name, 1, "", ""};

			ease_imp_emit(im, &e, line);
			free(name);
		}
		p = q;
	}
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

void
ease_import_saa(ease_imp *im, ease_reader *r, const ease_rec *h0)
{
	/* a header a record: only its width, line and columns are kept */
	const ease_rec *h = h0;
	size_t hn = 0;
	long hline = 0;
	int cid = 0, ctz = 0, cfrom = 0, cto = 0, chours = 0, crat = 0, ccom = 0, maxcol = 0;
	/* held where an error's exit still finds it */
	static char *lastzone;
	const ease_rec *rec;

	for (int again = 1; again; ) {
		cid = ease_imp_col(h, "Id");
		ctz = ease_imp_col(h, "Tz");
		cfrom = ease_imp_col(h, "From");
		cto = ease_imp_col(h, "To");
		chours = ease_imp_col(h, "Hours");
		crat = ease_imp_col(h, "Rating");
		ccom = ease_imp_col(h, "Comment");
		hn = h->n;
		hline = h->line;
		again = 0;
		{
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
		}
		while ((rec = ease_imp_next(im, r))) {
			long long id;
			long day, sec;
			double hours, rating;
			time_t s, e, hint = (time_t)-1;
			const char *zone, *why;
			char when[40], note[32];

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
			if (!epoch_ms(rec->f[cid], &id)) {
				ease_bad_value(im->file, rec->line, "Id", rec->f[cid],
					       "is not a time in milliseconds since 1970");
				continue;
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
			s = (time_t)(id / 1000);
			switch (ease_imp_num(rec->f[chours], &hours, NULL)) {
			case EASE_V_BAD:
				ease_bad_value(im->file, rec->line, "Hours", rec->f[chours],
					       "is not a number of hours");
				continue;
			case EASE_V_MISSING:
				hours = -1;
				break;
			}
			/* -1 and -2 are the app's "not measured" */
			if (hours < 0)
				hours = NAN;
			else if (hours > 24) {
				ease_bad_value(im->file, rec->line, "Hours", rec->f[chours],
					       "is more than 24 hours");
				continue;
			} else {
				hint = s + (time_t)(hours * 3600);
			}
			if (!saa_time(rec->f[cfrom], &day, &sec)) {
				ease_bad_value(im->file, rec->line, "From", rec->f[cfrom],
					       "is not a date and time (expected like 27. 11. 2020 7:38)");
				continue;
			}
			{
				time_t f;

				/* the Id is the start to the millisecond; From says it in the zone */
				if ((why = ease_imp_local(im, zone, day, sec, s, &f)) ||
				    llabs((long long)(f - s)) > 120) {
					ease_bad_value(im->file, rec->line, "From", rec->f[cfrom],
						       why ? why : "is not the time of the Id in the zone of Tz");
					continue;
				}
			}
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
			{
				char *nt = saa_note(rec->f[ccom]);

				sleep_event(im, zone, "", "in_bed", s, e, hours, nt, rec->line);
				free(nt);
			}
			ease_imp_fmt(im, zone, e, when);
			/* 0 stars and the placeholders -1, -2 are "not rated" */
			if (rating > 0) {
				snprintf(note, sizeof note, "rating %g of 5", rating);
				quality(im, "", when, rating * 2, note, rec->line);
			}
			/* tags tell of the day before, as Sleep Cycle's notes: at the start */
			{
				char at[40];

				ease_imp_fmt(im, zone, s, at);
				saa_tags(im, at, rec->f[ccom], rec->line);
			}
		}
	}
	free(lastzone);
	lastzone = NULL;
}

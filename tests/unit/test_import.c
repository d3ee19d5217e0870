/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-import's pieces: every recognised export has a reader, clock times,
 * numbers as apps write them, the order of a numeric date column, local
 * times across daylight saving.  Expected instants are from Python's
 * zoneinfo (tests/ref/import_instants.py).
 */
#include "ease/formats.h"
#include "ease/import.h"
#include "ease/value.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>


static const char *
local(ease_imp *im, const char *zone, int y, int m, int d, int hh, int mm,
      time_t hint, time_t *t)
{
	return ease_imp_local(im, zone, ease_days_from_civil(y, m, d), hh * 3600L + mm * 60L,
			      hint, t);
}

int
main(void)
{
	char msg[512], buf[64];
	double v;
	int pct;
	long day, sec;
	time_t t = 0;
	ease_dateform df;

	/* the shared recogniser names no format ease-import cannot read */
	for (const ease_format *fm = ease_formats(); fm->name; fm++)
		ok(ease_import_known(fm->name), fm->name);
	ok(ease_import_known("auto"), "auto");
	ok(!ease_import_known("pain-diary"), "no other names");

	is_long(ease_imp_clock("11:12PM", NULL), 23 * 3600 + 12 * 60, "11:12PM");
	is_long(ease_imp_clock("12:00:00 AM", NULL), 0, "12:00:00 AM is midnight");
	is_long(ease_imp_clock("12:30 pm", NULL), 12 * 3600 + 30 * 60, "12:30 pm is noon");
	is_long(ease_imp_clock("7:38", NULL), 7 * 3600 + 38 * 60, "unpadded hour");
	is_long(ease_imp_clock("13:12PM", NULL), -1, "13 PM is no time");
	is_long(ease_imp_clock("24:00", NULL), -1, "24:00 is no clock time of a record");
	is_long(ease_imp_clock("7:5", NULL), -1, "minutes need two digits");

	ok(ease_imp_num("\"1,005\"" + 1, &v, NULL) == EASE_V_BAD, "a quote is not a digit");
	ok(ease_imp_num("1,005", &v, NULL) == EASE_V_OK && v == 1005, "1,005");
	ok(ease_imp_num("12,34", &v, NULL) == EASE_V_BAD, "12,34 is no thousands");
	ok(ease_imp_num("79%", &v, &pct) == EASE_V_OK && v == 79 && pct, "79%");
	ok(ease_imp_num("N/A", &v, NULL) == EASE_V_MISSING, "N/A is missing");
	is_str(ease_imp_slug("Back (lower) pain", 17, buf, sizeof buf), "back_lower_pain",
	       "slug");

	/* text that grows: never cut, whatever its length */
	{
		char big[1000], *slug;
		ease_imp_str t = {0};

		memset(big, 'a', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		big[500] = ' ';
		slug = ease_imp_slug_dup(big, strlen(big));
		ok(strlen(slug) == 999 && slug[500] == '_', "a slug of 999 bytes, whole");
		free(slug);
		ease_imp_str_clear(&t);
		ok(t.s && t.len == 0 && t.s[0] == '\0', "an empty text is \"\"");
		for (int i = 0; i < 100; i++)
			ease_imp_str_addf(&t, "%s;", big);
		ease_imp_str_add(&t, "\xc3\xa9", 2);
		ok(t.len == 100 * 1000 + 2 && strlen(t.s) == t.len &&
		   strcmp(t.s + t.len - 2, "\xc3\xa9") == 0, "100 KB of text and a last character, whole");
		free(t.s);
	}

	ease_dateform_init(&df);
	ok(!ease_dateform_add(&df, "4/12/2016 12:00:00 AM", 2, msg, sizeof msg), "M/D first");
	ok(!ease_dateform_add(&df, "4/13/2016 12:00:00 AM", 3, msg, sizeof msg), "13 settles");
	ok(!ease_dateform_settle(&df, "SleepDay", msg, sizeof msg), "settled month first");
	ok(!ease_dateform_read(&df, NULL, "5/1/2016 11:59 PM", &day, &sec) &&
	   day == ease_days_from_civil(2016, 5, 1) && sec == 23 * 3600 + 59 * 60,
	   "5/1/2016 is 1 May once the column is month first");
	ok(ease_dateform_add(&df, "05.01.2016 00:00", 4, msg, sizeof msg) != NULL,
	   "a second form in the column is refused");
	ease_dateform_init(&df);
	ease_dateform_add(&df, "02-04-2026 10:30 pm", 2, msg, sizeof msg);
	ok(ease_dateform_settle(&df, "Start Time", msg, sizeof msg) != NULL,
	   "02-04-2026 alone leaves the order open");
	ease_dateform_add(&df, "13/04/2026", 3, msg, sizeof msg);
	ok(ease_dateform_add(&df, "04-13-2026", 4, msg, sizeof msg) == NULL &&
	   ease_dateform_add(&df, "13-04-2026", 5, msg, sizeof msg) == NULL &&
	   ease_dateform_settle(&df, "Start Time", msg, sizeof msg) != NULL,
	   "day first and month first in one column is refused");

	/* local times in two zones, spring and autumn */
	{
		ease_common c = {0};
		ease_import_opts o = {0};
		ease_imp im = {&c, &o, "x.csv", 0, "UTC", 0, NULL, NULL};

		ok(!local(&im, "Europe/Berlin", 2026, 3, 29, 0, 30, -1, &t) && t == 1774740600,
		   "Berlin 2026-03-29 00:30 is 23:30Z");
		ok(!local(&im, "Europe/Berlin", 2026, 3, 29, 7, 30, -1, &t) && t == 1774762200,
		   "Berlin 2026-03-29 07:30 is 05:30Z");
		ok(local(&im, "Europe/Berlin", 2026, 3, 29, 2, 30, -1, &t) != NULL,
		   "Berlin 02:30 on the spring day does not exist");
		ok(local(&im, "Europe/Berlin", 2026, 10, 25, 2, 30, -1, &t) != NULL,
		   "Berlin 02:30 on the autumn day is twice, without a hint");
		ok(!local(&im, "Europe/Berlin", 2026, 10, 25, 2, 30, 1792891000, &t) &&
		   t == 1792891800, "... and the second with a hint near it");
		ok(local(&im, "Europe/Berlin", 2026, 10, 25, 2, 30, 1792890000, &t) != NULL,
		   "... and neither with a hint halfway");
		ok(!local(&im, "America/New_York", 2026, 3, 8, 7, 0, -1, &t) && t == 1772967600,
		   "New York 2026-03-08 07:00 is 11:00Z");
		ok(!local(&im, "America/New_York", 2026, 11, 1, 1, 30, 1793511000, &t) &&
		   t == 1793511000, "New York 01:30 on the autumn day, first by the hint");
		is_str(ease_imp_fmt(&im, "America/New_York", 1793514600, buf),
		       "2026-11-01T01:30-05:00", "the second 01:30 carries -05:00");
		/* a length of 1e300 s settles nothing and overflows nothing (UBSan) */
		{
			time_t a, b;
			int which;
			long d = ease_days_from_civil(2026, 10, 25);
			const char *why;

			why = ease_imp_interval(&im, "Europe/Berlin", d, 2 * 3600L + 1800, d,
						7 * 3600L, 1e300, &a, &b, &which);
			is_str(why ? why : "(none)", "is in the hour the clocks repeated (daylight "
			       "saving time ended): it could be +02:00 or +01:00, and the record's "
			       "length does not tell which", "a start in the repeated hour, 1e300 s long");
			ok(ease_imp_interval(&im, "Europe/Berlin", d - 1, 23 * 3600L, d,
					     2 * 3600L + 1800, -1e300, &a, &b, &which) != NULL &&
			   which == 1, "an end in the repeated hour, -1e300 s long");
		}
		free(im.tz_set);
	}
	return tap_done();
}

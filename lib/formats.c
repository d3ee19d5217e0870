/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/formats.h"

#include <string.h>
#include <strings.h>

/*
 * Headers as the apps write them.  Where versions differ, only the columns
 * every version has are required: Bearable added "date formatted" (its columns are
 * required wherever they stand), Sleep as
 * Android appends DeepSleep, LenAdjust, Geo and one column per minute of the
 * night, Plees Tracker added comment and wakes, Sleep Cycle has written both
 * "Sleep quality" and "Sleep Quality".  Fitbit has two layouts, one
 * entry each, both read by --from fitbit.
 */
static const char *const bearable[] = {
	"weekday", "time of day", "category", "rating/amount", "detail", NULL
};
static const char *const sleep_as_android[] = {
	"Id", "Tz", "From", "To", "Sched", "Hours", "Rating", "Comment", NULL
};
static const char *const fitbit[] = {
	"Start Time", "End Time", "Minutes Asleep", "Minutes Awake", NULL
};
static const char *const fitbit_days[] = {
	"Id", "SleepDay", "TotalSleepRecords", "TotalMinutesAsleep", NULL
};
static const char *const sleep_cycle[] = {
	"Start", "End", "Sleep quality", NULL
};
static const char *const plees[] = {
	"sid", "start", "stop", "rating", NULL
};
/*
 * Sleepmeter lists the user's custom aids, hindrances and tags, each under a
 * header of its own, before the nights' header: any of the four can be first.
 */
static const char *const sleepmeter[] = {
	"wake", "sleep", "bedtime", "holes", "type", NULL
};
static const char *const sleepmeter_aids[] = {"custom_aid_id", "class", "name", NULL};
static const char *const sleepmeter_hindrances[] = {
	"custom_hindrance_id", "class", "name", NULL
};
static const char *const sleepmeter_tags[] = {"custom_tag_id", "name", NULL};
static const char *const pain_diary[] = {
	"Date", "Conditions", "Pain Level (0-10)", "Body Regions", NULL
};

static const ease_format formats[] = {
	{"bearable", "Bearable", "one row per rating, symptom or factor", bearable, 0, NULL},
	{"sleep-as-android", "Sleep as Android", "one row per night", sleep_as_android, 1, NULL},
	{"fitbit", "Fitbit sleep", "one row per sleep", fitbit, 1, "Sleep"},
	{"fitbit", "Fitbit sleep", "one row per day and person", fitbit_days, 1, NULL},
	{"sleep-cycle", "Sleep Cycle", "one row per night", sleep_cycle, 1, NULL},
	{"plees-tracker", "Plees Tracker", "one row per sleep, times in milliseconds", plees, 1, NULL},
	{"sleepmeter", "Sleepmeter", "one row per sleep", sleepmeter, 1, NULL},
	{"sleepmeter", "Sleepmeter", "custom lists, then one row per sleep", sleepmeter_aids, 1, NULL},
	{"sleepmeter", "Sleepmeter", "custom lists, then one row per sleep", sleepmeter_hindrances, 1, NULL},
	{"sleepmeter", "Sleepmeter", "custom lists, then one row per sleep", sleepmeter_tags, 1, NULL},
	{"secuso", "Privacy Friendly Pain Diary", "one row per entry, lists in cells", pain_diary, 1, NULL},
	{NULL, NULL, NULL, NULL, 0, NULL}
};

const ease_format *
ease_formats(void)
{
	return formats;
}

/* Whether the cell F of length LEN is NAME, ignoring case and blanks around. */
static int
same(const char *f, size_t len, const char *name)
{
	size_t n = strlen(name);

	while (len > 0 && (*f == ' ' || *f == '\t'))
		f++, len--;
	while (len > 0 && (f[len - 1] == ' ' || f[len - 1] == '\t'))
		len--;
	return len == n && strncasecmp(f, name, n) == 0;
}

static int
matches(const ease_format *fm, const ease_rec *h)
{
	size_t i = 0;

	for (const char *const *c = fm->cols; *c; c++, i++) {
		if (fm->leading) {
			if (i >= h->n || !same(h->f[i], h->len[i], *c))
				return 0;
		} else {
			size_t j = 0;

			while (j < h->n && !same(h->f[j], h->len[j], *c))
				j++;
			if (j == h->n)
				return 0;
		}
	}
	return 1;
}

const ease_format *
ease_format_detect(const ease_rec *h)
{
	for (const ease_format *fm = formats; fm->name; fm++)
		if (matches(fm, h))
			return fm;
	return NULL;
}

int
ease_format_is_title(const ease_rec *h)
{
	if (h->n != 1)
		return 0;
	for (const ease_format *fm = formats; fm->name; fm++)
		if (fm->title && same(h->f[0], h->len[0], fm->title))
			return 1;
	return 0;
}

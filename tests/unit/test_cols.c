/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Header normalisation, roles, role checks, conditions. */
#include "ease/cols.h"
#include "ease/select.h"
#include "ease/value.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
names(void)
{
	char buf[128];

	is_str(ease_norm_name("Pain Level (0-10)", buf, sizeof buf), "pain_level", "unit dropped");
	is_str(ease_norm_name("  Hours slept ", buf, sizeof buf), "hours_slept", "blanks");
	is_str(ease_norm_name("Ibuprofen [mg]", buf, sizeof buf), "ibuprofen", "[unit]");
	is_str(ease_norm_name("Sleep--Quality!!", buf, sizeof buf), "sleep_quality", "runs of punctuation");
	is_str(ease_norm_name("Schmerzstärke", buf, sizeof buf), "schmerzstärke", "UTF-8 letters kept");
	is_str(ease_norm_name("(only)", buf, sizeof buf), "", "nothing left");
	ok(ease_role_of("Pain Level (0-10)") == EASE_R_PAIN, "Pain Level -> pain");
	ok(ease_role_of("Hours slept") == EASE_R_SLEEP_HOURS, "Hours slept -> sleep_hours");
	ok(ease_role_of("med_ibuprofen_mg") == EASE_R_MED, "med_ibuprofen_mg -> med");
	ok(ease_role_of("Date") == EASE_R_DATE, "Date -> date");
	ok(ease_role_of("colour") == EASE_R_NONE, "unknown");
	ok(ease_role_by_name("sleep_hours") == EASE_R_SLEEP_HOURS, "role by name");
}

static void
checks(void)
{
	double v;
	const char *why = NULL;

	ok(ease_role_check(EASE_R_PAIN, "7.5", 0, NULL, &v, &why) == EASE_V_OK && v == 7.5, "pain 7.5");
	ok(ease_role_check(EASE_R_PAIN, "11", 0, NULL, &v, &why) == EASE_V_BAD, "pain 11");
	is_str(why, "is outside 0..10", "message");
	ok(ease_role_check(EASE_R_SLEEP_HOURS, "24.5", 0, NULL, &v, &why) == EASE_V_BAD, "sleep 24.5");
	is_str(why, "is outside 0..24", "message");
	ok(ease_role_check(EASE_R_MASSAGE, "1.5", 0, NULL, &v, &why) == EASE_V_BAD, "massage 1.5");
	ok(ease_role_check(EASE_R_MED, "-1", 0, NULL, &v, &why) == EASE_V_BAD, "dose -1");
	is_str(why, "is negative", "message");
	ok(ease_role_check(EASE_R_PAIN, "NA", 0, NULL, &v, &why) == EASE_V_MISSING, "NA missing");
	ok(ease_role_check(EASE_R_DATE, "2026-02-29", 0, NULL, &v, &why) == EASE_V_BAD, "bad date");
	is_str(why, "is not a valid date", "message");
	ok(ease_role_check(EASE_R_TECHNIQUE, "anything", 0, NULL, &v, &why) == EASE_V_OK, "text");
}

static void
finding(void)
{
	char *f[] = {"Datum", "Pain Level (0-10)", "pain_max", "Notes"};
	size_t len[] = {5, 17, 8, 5};
	ease_rec h = {4, f, len, 1};
	ease_colmap map[] = {{EASE_R_DATE, "Datum"}};
	ease_cols *c = ease_cols_new(&h, "t.csv", map, 1);

	ok(ease_cols_find(c, "Notes") == 3, "exact");
	ok(ease_cols_find(c, "pain level") == 1, "normalised");
	ok(ease_cols_find(c, "pain") == 1, "by role");
	ok(ease_cols_find(c, "date") == 0, "by role given with --col");
	ok(ease_cols_find(c, "mood") == -1, "absent");
	ok(ease_cols_role(c, EASE_R_PAIN_MAX) == 2, "pain_max role");
	ease_cols_free(c);
}

static void
conditions(void)
{
	char *hf[] = {"date", "pain", "technique"};
	size_t hl[] = {4, 4, 9};
	ease_rec h = {3, hf, hl, 1};
	ease_cols *c = ease_cols_new(&h, "t.csv", NULL, 0);
	char *rf[] = {"2026-03-02", "10", "Swedish"};
	size_t rl[] = {10, 2, 7};
	ease_rec row = {3, rf, rl, 2};
	char *mf[] = {"2026-03-02", "NA", ""};
	ease_rec miss = {3, mf, rl, 3};
	long day = ease_days_from_civil(2026, 3, 2);
	struct { const char *e; int want; } t[] = {
		{"pain>9", 1}, {"pain>=10", 1}, {"pain<9.5", 0}, {"pain=10.0", 1},
		{"pain!=10", 0}, {"technique~swed", 1}, {"technique=swedish", 1},
		{"technique=Swedish massage", 1}, {"technique!=swedish", 0},
		{"technique=deep tissue", 0}, {"technique!=deep_tissue", 1},
		{"date>=2026-03-02", 1}, {"date<2026-03-02", 0}, {"pain<=10", 1},
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ease_cond cd;

		ease_cond_parse(&cd, t[i].e);
		ease_cond_bind(&cd, c, 0, NULL);
		ok(ease_cond_eval(&cd, &row, 0, 0, day) == t[i].want, t[i].e);
		ease_cond_free(&cd);
	}
	{
		/* a '|' list matches when any member does */
		char *lf[] = {"2026-03-02", "4", "Deep Tissue | trigger point therapy"};
		size_t ll[] = {10, 1, 35};
		ease_rec lrow = {3, lf, ll, 4};
		struct { const char *e; int want; } u[] = {
			{"technique=deep_tissue", 1}, {"technique=TPT", 1},
			{"technique=swedish", 0}, {"technique!=trigger point", 0},
			{"technique!=acupressure", 1}, {"technique=deep", 0},
		};

		for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
			ease_cond cd;

			ease_cond_parse(&cd, u[i].e);
			ease_cond_bind(&cd, c, 0, NULL);
			ok(ease_cond_eval(&cd, &lrow, 0, 0, day) == u[i].want, u[i].e);
			ease_cond_free(&cd);
		}
	}
	{
		ease_cond cd;

		ease_cond_parse(&cd, "pain<5");
		ease_cond_bind(&cd, c, 0, NULL);
		ok(ease_cond_eval(&cd, &miss, 0, 0, day) == 0, "missing is not < 5");
		ease_cond_free(&cd);
		ease_cond_parse(&cd, "pain=");
		ease_cond_bind(&cd, c, 0, NULL);
		ok(ease_cond_eval(&cd, &miss, 0, 0, day) == 1, "pain= finds NA");
		ok(ease_cond_eval(&cd, &row, 0, 0, day) == 0, "pain= skips 10");
		ease_cond_free(&cd);
	}
	ease_cols_free(c);
}

/* Issue 8 item 10, issue 9 "Two columns for one role". */
static void
conflicts(void)
{
	char *hf[] = {"date", "pain", "x", "x", "Pain Level", "Steps", "steps"};
	size_t hl[] = {4, 4, 1, 1, 10, 5, 5};
	ease_rec h = {7, hf, hl, 1};
	ease_cols *c = ease_cols_new_all(&h, "t.csv", NULL, 0);
	ease_colmap map[] = {{EASE_R_PAIN, "Pain Level"}};

	is_long(c->nproblem, 3, "three problems");
	is_str(c->problem[0], "columns 2 'pain' and 5 'Pain Level' both read as pain (name the one to use with --col pain=NAME)", "role twice");
	ok(c->severity[0] == EASE_COLS_ERROR, "an error");
	is_str(c->problem[1], "columns 3 and 4 are both named 'x'", "exact repeat");
	ok(c->severity[1] == EASE_COLS_NOTE, "a note");
	is_str(c->problem[2], "columns 6 'Steps' and 7 'steps' differ only in case or punctuation", "repeat once normalised");
	ok(ease_cols_find(c, "steps") == 6, "the exact name decides");
	ease_cols_free(c);

	c = ease_cols_new_all(&h, "t.csv", map, 1);
	is_long(c->nproblem, 2, "--col settles the role");
	ok(ease_cols_role(c, EASE_R_PAIN) == 4, "Pain Level is pain");
	ok(c->role[1] == EASE_R_NONE, "the column named pain is not");
	ease_cols_free(c);
}

/* Issue 9 "A unit in the header". */
static void
units(void)
{
	char *hf[] = {"date", "Time in bed (seconds)", "Sleep [min]", "Massage (min)",
		      "Duration (h)", "Schlaf (Stunden)", "Mood (0-10)"};
	size_t hl[] = {4, 21, 11, 13, 12, 16, 11};
	ease_rec h = {7, hf, hl, 1};
	ease_colmap map[] = {{EASE_R_MASSAGE_MIN, "Duration (h)"}};
	ease_cols *c = ease_cols_new_all(&h, "t.csv", map, 1);
	const char *why = NULL;
	double v = 0;

	ok(c->role[1] == EASE_R_TIME_IN_BED, "time in bed");
	ok(ease_cols_num(c, 1, "27798", 0, &v, &why) == EASE_V_OK &&
	   tap_close(v, 27798 / 3600.0, 1e-15), "seconds read as hours");
	ok(ease_cols_num(c, 1, "100000", 0, &v, &why) == EASE_V_BAD, "27.8 h is too long");
	is_str(why, "is 27.7778 hours, outside 0..24", "the message says the hours");
	ok(ease_cols_num(c, 2, "450", 0, &v, &why) == EASE_V_OK && v == 7.5, "minutes read as hours");
	ok(c->role[3] == EASE_R_NONE, "a time refuses the count of sessions");
	ok(c->role[4] == EASE_R_MASSAGE_MIN, "--col massage_min=Duration (h)");
	ok(ease_cols_num(c, 4, "1,5", 1, &v, &why) == EASE_V_OK && v == 90, "hours read as minutes");
	ok(ease_cols_num(c, 5, "7,5", 1, &v, &why) == EASE_V_OK && v == 7.5, "Stunden are hours");
	ok(c->role[6] == EASE_R_MOOD && c->scale[6] == 1, "a range is no unit");
	is_long(c->nproblem, 2, "two problems");
	is_str(c->problem[0], "column 4 'Massage (min)' is not read as massage (number of massage sessions that day): a time in min does not fit it (for session minutes use --col massage_min=NAME)", "said");
	is_str(c->problem[1], "columns 3 'Sleep [min]' and 6 'Schlaf (Stunden)' both read as sleep_hours (name the one to use with --col sleep_hours=NAME)", "units do not settle a role");
	ease_cols_free(c);
	hf[2] = "Sleep (days)";
	hl[2] = 12;
	c = ease_cols_new_all(&h, "t.csv", NULL, 0);
	ok(c->role[2] == EASE_R_NONE, "days refuse sleep_hours");
	is_str(c->problem[0], "column 3 'Sleep (days)' is not read as sleep_hours: its unit 'days' is not one of s, min, h (which ease converts to hours)", "said");
	ease_cols_free(c);
}

/* Issue 9: what people type in hand-kept diaries. */
static void
typed(void)
{
	const char *why = NULL;
	double v = -1;
	struct { int role; const char *cell; int st; double v; } t[] = {
		{EASE_R_MASSAGE, "yes", EASE_V_OK, 1}, {EASE_R_MASSAGE, "No", EASE_V_OK, 0},
		{EASE_R_MASSAGE, " Y ", EASE_V_OK, 1}, {EASE_R_MASSAGE, "n", EASE_V_OK, 0},
		{EASE_R_MEDS_DOSES, "TRUE", EASE_V_OK, 1}, {EASE_R_MEDS_DOSES, "false", EASE_V_OK, 0},
		{EASE_R_MASSAGE, "x", EASE_V_OK, 1}, {EASE_R_MASSAGE, "X", EASE_V_OK, 1},
		{EASE_R_MASSAGE, "maybe", EASE_V_BAD, 0}, {EASE_R_MASSAGE, "yes!", EASE_V_BAD, 0},
		{EASE_R_PAIN, "yes", EASE_V_BAD, 0},
		{EASE_R_SLEEP_HOURS, "7:30", EASE_V_OK, 7.5}, {EASE_R_SLEEP_HOURS, "07:45", EASE_V_OK, 7.75},
		{EASE_R_TIME_IN_BED, "8:06", EASE_V_OK, 8.1}, {EASE_R_SLEEP_HOURS, "7:60", EASE_V_BAD, 0},
		{EASE_R_SLEEP_HOURS, "7:5", EASE_V_BAD, 0}, {EASE_R_SLEEP_HOURS, "25:00", EASE_V_BAD, 0},
		{EASE_R_STRESS, "7:30", EASE_V_BAD, 0}, {EASE_R_MASSAGE_MIN, "1:30", EASE_V_BAD, 0},
		{EASE_R_SLEEP_EFFICIENCY, "79%", EASE_V_OK, 79}, {EASE_R_SLEEP_EFFICIENCY, "92.5 %", EASE_V_OK, 92.5},
		{EASE_R_SLEEP_EFFICIENCY, "120%", EASE_V_BAD, 0}, {EASE_R_SLEEP_EFFICIENCY, "%", EASE_V_BAD, 0},
		{EASE_R_PAIN, "50%", EASE_V_BAD, 0},
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char name[64];
		int st = ease_role_check(t[i].role, t[i].cell, 0, NULL, &v, &why);

		snprintf(name, sizeof name, "%s as %s", t[i].cell, ease_role_def(t[i].role)->name);
		ok(st == t[i].st && (st != EASE_V_OK || tap_close(v, t[i].v, 1e-15)), name);
	}
	ok(ease_role_check(EASE_R_SLEEP_EFFICIENCY, "79,5%", 1, NULL, &v, &why) == EASE_V_OK &&
	   v == 79.5, "79,5% with --decimal-comma");
	ok(ease_role_check(EASE_R_DATE, "01.03.26", 0, "%d.%m.%Y", &v, &why) == EASE_V_BAD,
	   "year 26 by %Y is bad");
	is_str(why, "has the year 26 by --date-format %d.%m.%Y, outside 1900..2200 (for a two-digit year use --date-format %d.%m.%y)",
	       "and the message points to %y");
}

/* --where reads operand and cells as the analyses read the column's cells */
static void
thousands(void)
{
	char *hf[] = {"date", "pain", "Schritte", "Dosis"};
	size_t hl[] = {4, 4, 8, 5};
	ease_rec h = {4, hf, hl, 1};
	ease_cols *c = ease_cols_new(&h, "t.csv", NULL, 0);
	const char *why;
	double v;

	ease_cols_watch_thousands(c, ',', NULL, 0);
	ok(c->thou == NULL, "a comma file with ISO dates is not watched");
	ease_cols_watch_thousands(c, ';', NULL, 1);
	ok(c->thou == NULL, "nor one read with --decimal-comma");
	ease_cols_watch_thousands(c, ',', "%d.%m.%Y", 0);
	ok(c->thou != NULL, "DD.MM.YYYY dates: watched");
	ease_cols_num(c, 2, "1.200", 0, &v, &why);
	ease_cols_num(c, 2, "900", 0, &v, &why);
	ease_cols_num(c, 2, "10.500", 0, &v, &why);
	ease_cols_num(c, 2, "1.234.567", 0, &v, &why);
	ease_cols_num(c, 3, "1.200", 0, &v, &why);
	ease_cols_num(c, 3, "0.125", 0, &v, &why);
	ease_cols_num(c, 1, "5.000", 0, &v, &why);
	is_str(ease_cols_thousands_hint(c, 2),
	       "column 'Schritte': 1.200 and 10.500 look like thousands written with '.'; "
	       "if so, use --decimal-comma", "grouped in threes: the hint");
	is_str(ease_cols_thousands_hint(c, 2), NULL, "given once");
	is_str(ease_cols_thousands_hint(c, 3), NULL, "0.125 is a decimal: no hint");
	is_str(ease_cols_thousands_hint(c, 1),
	       "column 'pain': 5.000 looks like thousands written with '.'; "
	       "if so, use --decimal-comma", "one value");
	is_str(ease_cols_thousands_hint(c, 0), NULL, "dates are no numbers");
	ease_cols_free(c);
}

static void
technique_aliases(void)
{
	ok(ease_role_of("Massage technique") == EASE_R_TECHNIQUE, "Massage technique");
	ok(ease_role_of("Technique used") == EASE_R_TECHNIQUE, "Technique used");
	ok(ease_role_of("Type of massage") == EASE_R_TECHNIQUE, "Type of massage");
	ok(ease_role_of("Technik") == EASE_R_TECHNIQUE, "Technik");
	ok(ease_role_of("Behandlung") == EASE_R_TECHNIQUE, "Behandlung");
	ok(ease_role_of("Type") == EASE_R_NONE, "bare Type is no technique");
}

static void
typed_conditions(void)
{
	char *hf[] = {"Datum", "Massage?", "Schlaf (Std)", "note"};
	size_t hl[] = {5, 8, 12, 4};
	ease_rec h = {4, hf, hl, 1};
	ease_cols *c = ease_cols_new(&h, "t.csv", NULL, 0);
	char *rf[] = {"02.03.2026", "ja", "5,75", "x"};
	size_t rl[] = {10, 2, 4, 1};
	ease_rec row = {4, rf, rl, 2};
	char *nf[] = {"03.03.2026", "No", "7:00", "x"};
	ease_rec row2 = {4, nf, rl, 3};
	long day = ease_days_from_civil(2026, 3, 2);
	struct { const char *e; int want, want2; } t[] = {
		{"massage>0", 1, 0}, {"massage=1", 1, 0}, {"Massage?=yes", 1, 0},
		{"massage=nein", 0, 1}, {"massage!=no", 1, 0},
		{"Schlaf<6:30", 1, 0}, {"Schlaf>=7", 0, 1},
		{"Datum>=02.03.2026", 1, 1}, {"Datum<2026-03-03", 1, 0},
	};
	double v;
	const char *why;
	char name[64];

	ok(ease_cols_num_form(c, 1, "J", 0, &v, &why) == EASE_V_OK && v == 1,
	   "count: J is 1");
	ok(ease_cols_num_form(c, 2, "6:30", 1, &v, &why) == EASE_V_OK && v == 6.5,
	   "hours: 6:30 is 6.5");
	ok(ease_cols_num_form(c, 2, "30", 0, &v, &why) == EASE_V_OK && v == 30,
	   "no range check: 30 hours is read");
	ok(ease_cols_num(c, 2, "30", 0, &v, &why) == EASE_V_BAD,
	   "the analyses check the range");
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ease_cond cd;
		/* the date column's cells are compared through the row's day */
		long d1 = day, d2 = day + 1;

		ease_cond_parse(&cd, t[i].e);
		ease_cond_bind(&cd, c, 1, "%d.%m.%Y");
		snprintf(name, sizeof name, "%s on row 1", t[i].e);
		ok(ease_cond_eval(&cd, &row, 1, 0, d1) == t[i].want, name);
		snprintf(name, sizeof name, "%s on row 2", t[i].e);
		ok(ease_cond_eval(&cd, &row2, 1, 0, d2) == t[i].want2, name);
		ease_cond_free(&cd);
	}
	ease_cols_free(c);
}

/*
 * ease_cols_skip_plain passes over a cell only where ease_cols_check finds
 * it valid and not missing: every cell here, in every column, both ways.
 */
static void
skip_plain(void)
{
	char *hf[] = {"date", "pain", "massage", "sleep_hours", "Time in bed (min)",
		      "technique", "value", "steps"};
	size_t hl[8];
	ease_rec h = {8, hf, hl, 1};
	ease_cols *c;
	static const char *cells[] = {"5", "0", "10", "10.5", "11", "6.5", "7.25", ".5",
		"5.", ".", "", "-1", "1e3", "1.0", "1.5", "2.50", " 5", "5 ", "x", "NA",
		"007", "123456789012345", "1234567890123456", "0.0000001", "24", "24.01",
		"1,5", "3:30", "yes"};
	size_t ncell = sizeof cells / sizeof cells[0];
	long bad = 0, skipped = 0;

	for (size_t i = 0; i < 8; i++)
		hl[i] = strlen(hf[i]);
	c = ease_cols_new_all(&h, "t.csv", NULL, 0);
	for (int dc = 0; dc <= 1; dc++)
		for (size_t col = 0; col < 8; col++)
			for (size_t k = 0; k < ncell; k++) {
				char *f[8], cell[32];
				size_t len[8];
				ease_rec r = {8, f, len, 2};
				const char *why = NULL;
				double v;
				int st;

				strcpy(cell, cells[k]);
				for (size_t i = 0; i < 8; i++) {
					f[i] = cell;
					len[i] = strlen(cell);
				}
				if (ease_cols_skip_plain(c, &r, col, col + 1, dc) == col)
					continue;
				skipped++;
				st = ease_cols_check(c, (int)col, cell, dc, NULL, &v, &why);
				if ((st != EASE_V_OK || ease_is_missing(cell)) && bad++ < 5)
					printf("# column %zu, '%s', decimal comma %d: skipped, but status %d\n",
					     col, cell, dc, st);
			}
	is_long(bad, 0, "a cell passed over is one ease_cols_check finds valid");
	ok(skipped > 20, "and plain numbers are passed over");
	{
		char *f[] = {"2024-01-01", "5", "1", "7.5", "480", "deep", "3", "12"};
		size_t len[8];
		ease_rec r = {8, f, len, 2};

		for (size_t i = 0; i < 8; i++)
			len[i] = strlen(f[i]);
		is_long((long)ease_cols_skip_plain(c, &r, 1, 8, 0), 4,
			"a header's unit (min for hours) is for the general path");
		is_long((long)ease_cols_skip_plain(c, &r, 0, 8, 0), 0, "so is a date");
		is_long((long)ease_cols_skip_plain(c, &r, 6, 8, 0), 7,
			"the value of an event is any number; a column without a role is not checked");
		ease_cols_watch_thousands(c, ',', "%d.%m.%Y", 0);
		is_long((long)ease_cols_skip_plain(c, &r, 1, 8, 0), 1,
			"watching for thousands, every number takes the general path");
	}
	ease_cols_free(c);
}

int
main(void)
{
	names();
	checks();
	finding();
	conditions();
	conflicts();
	units();
	typed();
	typed_conditions();
	technique_aliases();
	thousands();
	skip_plain();
	return tap_done();
}

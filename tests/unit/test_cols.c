/* Header normalisation, roles, role checks, conditions. */
#include "ease/cols.h"
#include "ease/select.h"
#include "ease/value.h"
#include "tap.h"

#include <stdlib.h>

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
		ease_cond_bind(&cd, c, 0);
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
			ease_cond_bind(&cd, c, 0);
			ok(ease_cond_eval(&cd, &lrow, 0, 0, day) == u[i].want, u[i].e);
			ease_cond_free(&cd);
		}
	}
	{
		ease_cond cd;

		ease_cond_parse(&cd, "pain<5");
		ease_cond_bind(&cd, c, 0);
		ok(ease_cond_eval(&cd, &miss, 0, 0, day) == 0, "missing is not < 5");
		ease_cond_free(&cd);
		ease_cond_parse(&cd, "pain=");
		ease_cond_bind(&cd, c, 0);
		ok(ease_cond_eval(&cd, &miss, 0, 0, day) == 1, "pain= finds NA");
		ok(ease_cond_eval(&cd, &row, 0, 0, day) == 0, "pain= skips 10");
		ease_cond_free(&cd);
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
	return tap_done();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/cols.h"
#include "ease/datehint.h"
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/value.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define INF HUGE_VAL

static void thou_note(const ease_cols *c, int col, const char *cell);

#define defs ease_roledefs
const ease_roledef ease_roledefs[EASE_R_COUNT] = {
	[EASE_R_NONE] = {"", EASE_T_TEXT, 0, 0, "", ""},
	[EASE_R_DATE] = {"date", EASE_T_DATE, 0, 0,
		"date day datum fecha jour data dia giorno",
		"calendar date, YYYY-MM-DD (or --date-format)"},
	[EASE_R_SUBJECT] = {"subject", EASE_T_TEXT, 0, 0,
		"subject subject_id participant participant_id client client_id patient patient_id person user user_id",
		"who the row is about, when a table pools several people"},
	[EASE_R_PAIN] = {"pain", EASE_T_NUM, 0, 10,
		"pain pain_level pain_score pain_rating pain_intensity pain_mean pain_avg average_pain nrs vas schmerz dolor douleur",
		"pain rating 0-10 (the day's mean in a day table)"},
	[EASE_R_PAIN_MAX] = {"pain_max", EASE_T_NUM, 0, 10,
		"pain_max max_pain worst_pain pain_worst peak_pain",
		"the day's highest pain rating"},
	[EASE_R_PAIN_N] = {"pain_n", EASE_T_COUNT, 0, INF,
		"pain_n pain_count n_pain pain_ratings",
		"number of pain ratings that day"},
	[EASE_R_SLEEP_HOURS] = {"sleep_hours", EASE_T_NUM, 0, 24,
		"sleep_hours hours_slept sleep sleep_duration hours_of_sleep sleep_h sleep_time total_sleep hours asleep_hours schlaf schlafdauer",
		"hours asleep in the night that ended on this date"},
	[EASE_R_SLEEP_QUALITY] = {"sleep_quality", EASE_T_NUM, 0, 10,
		"sleep_quality quality sleep_rating sleep_score",
		"sleep quality as recorded (0-10)"},
	[EASE_R_TIME_IN_BED] = {"time_in_bed", EASE_T_NUM, 0, 24,
		"time_in_bed hours_in_bed in_bed bed_hours",
		"hours in bed"},
	[EASE_R_SLEEP_EFFICIENCY] = {"sleep_efficiency", EASE_T_NUM, 0, 100,
		"sleep_efficiency efficiency",
		"asleep / in bed x 100"},
	[EASE_R_MASSAGE] = {"massage", EASE_T_COUNT, 0, INF,
		"massage massages sessions massage_sessions n_sessions session_count massage_count",
		"number of massage sessions that day"},
	[EASE_R_TECHNIQUE] = {"technique", EASE_T_TEXT, 0, 0,
		"technique techniques massage_technique massage_techniques technique_used techniques_used massage_type type_of_massage kind_of_massage massage_kind modality treatment technik behandlung massageart",
		"session technique(s), several joined with |"},
	[EASE_R_MASSAGE_MIN] = {"massage_min", EASE_T_NUM, 0, INF,
		"massage_min massage_minutes duration_min minutes session_min session_minutes length_min",
		"session minutes"},
	[EASE_R_MEDS_DOSES] = {"meds_doses", EASE_T_COUNT, 0, INF,
		"meds_doses doses med_doses medication_doses pills intakes painkillers",
		"number of medication intakes that day"},
	[EASE_R_MED] = {"med_", EASE_T_NUM, 0, INF, "",
		"med_<drug>_<unit>: total dose of one drug"},
	[EASE_R_STRESS] = {"stress", EASE_T_NUM, 0, 10,
		"stress stress_level stress_score",
		"stress 0-10"},
	[EASE_R_MOOD] = {"mood", EASE_T_NUM, 0, 10,
		"mood mood_level mood_score",
		"mood 0-10"},
	[EASE_R_PAIN_BEFORE] = {"pain_before", EASE_T_NUM, 0, 10,
		"pain_before pain_pre pre_pain before",
		"pain 0-10 before a session"},
	[EASE_R_PAIN_AFTER] = {"pain_after", EASE_T_NUM, 0, 10,
		"pain_after pain_post post_pain after",
		"pain 0-10 after a session"},
	[EASE_R_DRUG] = {"drug", EASE_T_TEXT, 0, 0,
		"drug medication medicine med painkiller medikament arznei medicamento medicament",
		"drug name"},
	[EASE_R_DOSE] = {"dose", EASE_T_NUM, 0, INF,
		"dose amount dosage dosis dosierung menge",
		"dose taken, >= 0"},
	[EASE_R_UNIT] = {"unit", EASE_T_TEXT, 0, 0, "unit units einheit unidad",
		"unit of a dose or value"},
	[EASE_R_BEDTIME] = {"bedtime", EASE_T_TIME, 0, 0,
		"bedtime bed_time went_to_bed sleep_start",
		"time to bed, HH:MM or a date-time"},
	[EASE_R_WAKETIME] = {"waketime", EASE_T_TIME, 0, 0,
		"waketime wake_time wake_up woke_up sleep_end wakeup",
		"wake-up time, HH:MM or a date-time"},
	[EASE_R_START] = {"start", EASE_T_DATETIME, 0, 0,
		"start start_time begin from",
		"event start, ISO 8601 date-time"},
	[EASE_R_END] = {"end", EASE_T_DATETIME, 0, 0,
		"end end_time stop to",
		"event end, ISO 8601 date-time (optional)"},
	[EASE_R_KIND] = {"kind", EASE_T_TEXT, 0, 0, "kind",
		"event kind: pain sleep massage med factor stress mood sleep_quality note"},
	[EASE_R_NAME] = {"name", EASE_T_TEXT, 0, 0, "name",
		"event name: body location, technique, drug, factor"},
	[EASE_R_VALUE] = {"value", EASE_T_NUM, -INF, INF, "value",
		"event value (range by kind)"},
	[EASE_R_NOTE] = {"note", EASE_T_TEXT, 0, 0, "note notes comment comments",
		"free text"},
};

int
ease_role_by_name(const char *name)
{
	for (int i = 1; i < EASE_R_COUNT; i++)
		if (i != EASE_R_MED && strcmp(defs[i].name, name) == 0)
			return i;
	return EASE_R_NONE;
}

static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

char *
ease_norm_name(const char *in, char *out, size_t n)
{
	size_t len = strlen(in), i = 0;
	const char *end;

	/* drop blanks, then one trailing (unit) or [unit] */
	while (len > 0 && (in[len - 1] == ' ' || in[len - 1] == '\t'))
		len--;
	if (len > 0 && (in[len - 1] == ')' || in[len - 1] == ']')) {
		char open = in[len - 1] == ')' ? '(' : '[';
		for (size_t k = len - 1; k > 0; k--)
			if (in[k - 1] == open) {
				len = k - 1;
				break;
			}
	}
	end = in + len;
	for (const char *p = in; p < end && i + 1 < n; p++) {
		unsigned char c = (unsigned char)*p;

		if (is_alnum(c))
			out[i++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
		else if (i > 0 && out[i - 1] != '_')
			out[i++] = '_';
	}
	while (i > 0 && out[i - 1] == '_')
		i--;
	out[i] = '\0';
	return out;
}

static int
in_list(const char *list, const char *word)
{
	size_t wl = strlen(word);

	for (const char *p = list; *p;) {
		const char *e = strchr(p, ' ');
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (l == wl && memcmp(p, word, l) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

static int
role_of_norm(const char *norm)
{
	if (strncmp(norm, "med_", 4) == 0 && norm[4] != '\0' &&
	    strcmp(norm, "med_doses") != 0)
		return EASE_R_MED;
	for (int i = 1; i < EASE_R_COUNT; i++)
		if (in_list(defs[i].aliases, norm))
			return i;
	return EASE_R_NONE;
}

int
ease_role_of(const char *header)
{
	char norm[256];

	return role_of_norm(ease_norm_name(header, norm, sizeof norm));
}

const char *
ease_not_a_number(const char *cell, int decimal_comma, int whole)
{
	double v;
	const char *why = ease_num_why(cell, decimal_comma);

	if (why)
		return why;
	/* 7,5 from a spreadsheet: name the option that reads it */
	if (!decimal_comma && strchr(cell, ',') && ease_parse_num(cell, 1, &v) == EASE_V_OK)
		return whole ? "is not a whole number (for 7,5 use --decimal-comma)"
			     : "is not a number (for 7,5 use --decimal-comma)";
	return whole ? "is not a whole number" : "is not a number";
}

/* Seconds in one unit of a duration role's values; 0 for other roles. */
static double
role_unit_sec(int role)
{
	switch (role) {
	case EASE_R_SLEEP_HOURS:
	case EASE_R_TIME_IN_BED:
		return 3600;
	case EASE_R_MASSAGE_MIN:
		return 60;
	}
	return 0;
}

static const char *
role_unit_name(int role)
{
	return role_unit_sec(role) == 60 ? "minutes" : "hours";
}

/* S without blanks around it equals WORD, in any letter case. */
static int
is_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	while (*s == ' ' || *s == '\t')
		s++;
	if (strncasecmp(s, word, n) != 0)
		return 0;
	for (s += n; *s == ' ' || *s == '\t'; s++)
		;
	return *s == '\0';
}

/*
 * What people type in hand-kept diaries instead of a number: yes/no in
 * counts and factors, 7:30 for hours, 79% for a percentage.  Returns 1 with
 * *V in the role's unit.
 */
static int
typed_value(int role, const char *cell, int decimal_comma, double *v)
{
	const ease_roledef *d = ease_role_def(role);

	if (d->type == EASE_T_COUNT || role == EASE_R_NONE) {
		int yn = ease_parse_yesno(cell);

		if (yn >= 0)
			return *v = yn, 1;
	}
	if (role_unit_sec(role) == 3600) {
		const char *p = cell;
		int h = 0, nh = 0;

		while (*p == ' ' || *p == '\t')
			p++;
		for (; *p >= '0' && *p <= '9' && nh < 3; p++, nh++)
			h = h * 10 + (*p - '0');
		if (nh >= 1 && nh <= 2 && p[0] == ':' && p[1] >= '0' && p[1] <= '5' &&
		    p[2] >= '0' && p[2] <= '9' && is_word(p + 3, "")) {
			*v = h + ((p[1] - '0') * 10 + (p[2] - '0')) / 60.0;
			return 1;
		}
	}
	if (role == EASE_R_SLEEP_EFFICIENCY) {
		const char *pc = strrchr(cell, '%');
		char buf[64];
		size_t n = pc ? (size_t)(pc - cell) : 0;

		if (pc && n < sizeof buf && is_word(pc + 1, "")) {
			memcpy(buf, cell, n);
			buf[n] = '\0';
			return ease_parse_num(buf, decimal_comma, v) == EASE_V_OK;
		}
	}
	return 0;
}

/* The plain "is not a number" names the other forms ROLE takes. */
static const char *
typed_why(int role, const char *why)
{
	if (strcmp(why, "is not a whole number") == 0)
		return "is not a whole number (nor yes, no or x)";
	if (strcmp(why, "is not a number") != 0)
		return why;
	if (role == EASE_R_SLEEP_EFFICIENCY)
		return "is not a percentage (79 or 79%)";
	return why;
}

/* The number CELL means for ROLE, in the role's unit, its range unchecked. */
static int
num_form(int role, double scale, const char *cell, int decimal_comma,
	 double *v, const char **why)
{
	int st = ease_parse_num(cell, decimal_comma, v);

	if (st == EASE_V_OK)
		*v *= scale;
	else if (st == EASE_V_BAD && typed_value(role, cell, decimal_comma, v))
		st = EASE_V_OK;		/* 7:30 is hours whatever the header says */
	if (st == EASE_V_BAD)
		*why = typed_why(role, ease_not_a_number(cell, decimal_comma,
							 ease_role_def(role)->type == EASE_T_COUNT));
	return st;
}

/*
 * A number for ROLE (EASE_R_NONE: any number) with its range; SCALE takes
 * a value in the header's unit to the role's.
 */
static int
num_value(int role, double scale, const char *cell, int decimal_comma,
	  double *v, const char **why)
{
	const ease_roledef *d = ease_role_def(role);
	static char range[128];
	int st;

	st = num_form(role, scale, cell, decimal_comma, v, why);
	if (st != EASE_V_OK)
		return st;
	if (role == EASE_R_NONE)
		return EASE_V_OK;
	if (d->type == EASE_T_COUNT && (*v != floor(*v) || *v < 0)) {
		*why = "is not a whole number >= 0";
		return EASE_V_BAD;
	}
	if (*v < d->lo || *v > d->hi) {
		if (d->hi == INF)
			snprintf(range, sizeof range, "is negative");
		else if (scale != 1)
			snprintf(range, sizeof range, "is %g %s, outside %g..%g",
				 *v, role_unit_name(role), d->lo, d->hi);
		else
			snprintf(range, sizeof range, "is outside %g..%g", d->lo, d->hi);
		*why = range;
		return EASE_V_BAD;
	}
	return EASE_V_OK;
}

/* "has the year 26 by --date-format %d.%m.%Y (for a two-digit year ...)" */
static const char *
year_why(long day, const char *fmt)
{
	static char buf[320];
	char alt[128];
	size_t j = 0;
	long y;
	int m, d;

	ease_civil_from_days(day, &y, &m, &d);
	for (const char *p = fmt; *p && j + 10 < sizeof alt; p++) {
		if (p[0] == '%' && (p[1] == 'Y' || p[1] == 'F')) {
			memcpy(alt + j, p[1] == 'Y' ? "%y" : "%y-%m-%d", p[1] == 'Y' ? 2 : 8);
			j += p[1] == 'Y' ? 2 : 8;
			p++;
		} else {
			alt[j++] = *p;
		}
	}
	alt[j] = '\0';
	snprintf(buf, sizeof buf,
		 "has the year %ld by --date-format %s, outside 1900..2200 (for a two-digit year use --date-format %s)",
		 y, fmt, alt);
	return buf;
}

int
ease_role_check(int role, const char *cell, int decimal_comma,
		const char *date_fmt, double *v, const char **why)
{
	const ease_roledef *d = ease_role_def(role);
	int st;
	long day, sec;
	ease_datetime dt;

	switch (d->type) {
	case EASE_T_TEXT:
		return ease_is_missing(cell) ? EASE_V_MISSING : EASE_V_OK;
	case EASE_T_DATE:
		st = ease_parse_date(cell, date_fmt, &day);
		if (st == EASE_V_OK)
			*v = (double)day;
		else if (st == EASE_V_BADYEAR)
			*why = year_why(day, date_fmt);
		else if (st == EASE_V_BADCAL)
			*why = "is not a valid date";
		else if (st == EASE_V_BAD && date_fmt)
			*why = "is not a date in the --date-format";
		else if (st == EASE_V_BAD) {
			/*
			 * A spreadsheet's own date form: name the option that reads
			 * it, both orders while this cell cannot tell them apart.
			 */
			static char guess[192];
			char hint[128];
			ease_datehint h;

			ease_datehint_init(&h);
			ease_datehint_add(&h, cell, 0);
			*why = "is not a date (expected YYYY-MM-DD)";
			if (ease_datehint_short(&h, hint, sizeof hint)) {
				snprintf(guess, sizeof guess,
					 "is not a date (expected YYYY-MM-DD; %s)", hint);
				*why = guess;
			}
		}
		return st == EASE_V_BADCAL || st == EASE_V_BADYEAR ? EASE_V_BAD : st;
	case EASE_T_TIME:
		st = ease_parse_time(cell, &sec);
		if (st == EASE_V_OK) {
			*v = (double)sec;
			return st;
		}
		if (st == EASE_V_MISSING)
			return st;
		/* a full date-time is a time too */
		/* FALLTHROUGH */
	case EASE_T_DATETIME:
		st = ease_parse_datetime(cell, NULL, &dt);
		if (st == EASE_V_OK)
			*v = dt.day * 86400.0 + dt.sec;
		else if (st == EASE_V_BADCAL)
			*why = "is not a valid date-time";
		else if (st == EASE_V_BAD)
			*why = d->type == EASE_T_TIME
				? "is not a time (expected HH:MM or YYYY-MM-DDTHH:MM)"
				: "is not a date-time (expected YYYY-MM-DDTHH:MM[:SS])";
		return st == EASE_V_BADCAL ? EASE_V_BAD : st;
	}
	return num_value(role, 1, cell, decimal_comma, v, why);
}

/*
 * Nearly every diary cell is a plain decimal like 5, 400 or 6.5: read with
 * at most 15 digits as an exact integer over a power of ten, which IEEE
 * division rounds correctly, so the result equals the general parser's.
 * 0 for anything else, which the general parser then judges.
 */
static int
plain_decimal(const char *s, double *v)
{
	static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
		1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	unsigned long long n = 0;
	int digits = 0, frac = -1;

	for (;; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++digits > 15)
				return 0;
			n = n * 10 + (unsigned)(*s - '0');
			if (frac >= 0)
				frac++;
		} else if (*s == '.' && frac < 0) {
			frac = 0;
		} else
			break;
	}
	if (*s != '\0' || digits == 0 || frac == 0)
		return 0;
	*v = frac > 0 ? (double)n / p10[frac] : (double)n;
	return 1;
}

/* A column's bounds for ease_cols_skip_plain. */
struct ease_plain {
	double lo, hi;
	int on;		/* a number or count in the role's own unit */
	int whole;	/* a count */
};

static void
plain_ranges(ease_cols *c)
{
	c->plain = ease_xcalloc(c->n + 1, sizeof *c->plain);
	for (size_t i = 0; i < c->n; i++) {
		const ease_roledef *d = ease_role_def(c->role[i]);

		c->plain[i].on = (d->type == EASE_T_NUM || d->type == EASE_T_COUNT) &&
				 c->scale[i] == 1;
		c->plain[i].whole = d->type == EASE_T_COUNT;
		c->plain[i].lo = d->lo;
		c->plain[i].hi = d->hi;
	}
}

size_t
ease_cols_skip_plain(const ease_cols *c, const ease_rec *rec, size_t i, size_t end,
		     int decimal_comma)
{
	static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
		1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

	/* a thousands watch sees every number: the general path */
	if (c->thou)
		return i;
	for (; i < end; i++) {
		const struct ease_plain *pl = &c->plain[i];
		const char *s = rec->f[i];
		size_t len = rec->len[i], k = 0;
		unsigned long long n = 0;
		int frac = -1;
		double v;

		if (!pl->on || len == 0 || len > 15)
			return i;
		/* as plain_decimal, by the length: 15 digits at most, one '.' */
		for (; k < len; k++) {
			unsigned d = (unsigned char)s[k] - '0';

			if (d <= 9) {
				n = n * 10 + d;
				if (frac >= 0)
					frac++;
			} else if (s[k] == '.' && frac < 0 && !decimal_comma) {
				frac = 0;
			} else {
				return i;
			}
		}
		if (frac == 0)
			return i;	/* "5.": the general path's */
		v = frac > 0 ? (double)n / p10[frac] : (double)n;
		if (v < pl->lo || v > pl->hi || (pl->whole && frac > 0 && v != floor(v)))
			return i;
	}
	return i;
}

/* A number or count of column COL in its role's unit, plain and in range: *V. */
static int
plain_ok(const ease_cols *c, int col, const char *cell, int decimal_comma, double *v)
{
	const struct ease_plain *pl = &c->plain[col];

	return pl->on && !c->thou && (!decimal_comma || !strchr(cell, '.')) &&
	       plain_decimal(cell, v) && *v >= pl->lo && *v <= pl->hi &&
	       (!pl->whole || *v == floor(*v));
}

int
ease_cols_check(const ease_cols *c, int col, const char *cell, int decimal_comma,
		const char *date_fmt, double *v, const char **why)
{
	const ease_roledef *d = ease_role_def(c->role[col]);
	int type = d->type;

	if (plain_ok(c, col, cell, decimal_comma, v))
		return EASE_V_OK;
	if (type == EASE_T_NUM || type == EASE_T_COUNT) {
		int st = num_value(c->role[col], c->scale[col], cell, decimal_comma, v, why);

		if (c->thou && st == EASE_V_OK)
			thou_note(c, col, cell);
		return st;
	}
	return ease_role_check(c->role[col], cell, decimal_comma, date_fmt, v, why);
}

int
ease_cols_num(const ease_cols *c, int col, const char *cell, int decimal_comma,
	      double *v, const char **why)
{
	int type = ease_role_def(c->role[col])->type;
	int st;

	/* the general parser's number, without its passes (a fifth of ease-smooth) */
	if (plain_ok(c, col, cell, decimal_comma, v))
		return EASE_V_OK;
	if (type == EASE_T_NUM || type == EASE_T_COUNT)
		st = num_value(c->role[col], c->scale[col], cell, decimal_comma, v, why);
	else
		st = num_value(EASE_R_NONE, 1, cell, decimal_comma, v, why);
	if (c->thou && st == EASE_V_OK)
		thou_note(c, col, cell);
	return st;
}

int
ease_cols_num_form(const ease_cols *c, int col, const char *cell,
		   int decimal_comma, double *v, const char **why)
{
	int type = ease_role_def(c->role[col])->type;

	if (type == EASE_T_NUM || type == EASE_T_COUNT)
		return num_form(c->role[col], c->scale[col], cell, decimal_comma, v, why);
	return num_form(EASE_R_NONE, 1, cell, decimal_comma, v, why);
}

/*
 * The unit a header states in a trailing "(unit)" or "[unit]", lower-cased,
 * without blanks, a leading "in " or a trailing '.'; "" when none.
 */
static char *
header_unit(const char *h, char *out, size_t n)
{
	size_t len = strlen(h), i = 0, k;
	const char *p;

	out[0] = '\0';
	while (len > 0 && (h[len - 1] == ' ' || h[len - 1] == '\t'))
		len--;
	if (len == 0 || (h[len - 1] != ')' && h[len - 1] != ']'))
		return out;
	for (k = len - 1; k > 0 && h[k - 1] != (h[len - 1] == ')' ? '(' : '['); k--)
		;
	if (k == 0)
		return out;
	p = h + k;
	while (p < h + len - 1 && *p == ' ')
		p++;
	if (strncasecmp(p, "in ", 3) == 0)
		p += 3;
	for (; p < h + len - 1 && i + 1 < n; p++)
		if (*p != ' ')
			out[i++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
	while (i > 0 && out[i - 1] == '.')
		i--;
	out[i] = '\0';
	return out;
}

/* Seconds in a unit of time; 0 for anything else. */
static double
time_unit_sec(const char *u)
{
	static const struct { const char *names; double sec; } units[] = {
		{"s sec secs second seconds sek sekunden segundos secondes secondi", 1},
		{"min mins minute minutes minuten minutos minuti", 60},
		{"h hr hrs hour hours std stunde stunden hora horas heure heures ora ore", 3600},
	};

	for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
		if (*u && in_list(units[k].names, u))
			return units[k].sec;
	return 0;
}

/* One word of letters, as units are ("days", "kg", "%"); not "0-10". */
static int
has_letter(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || *s == '%' || (unsigned char)*s >= 0x80))
			return 0;
	return 1;
}

static void
add_problem(ease_cols *c, int severity, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
add_problem(ease_cols *c, int severity, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ease_grow((void **)&c->problem, &c->pcap, c->nproblem + 1, sizeof *c->problem);
	ease_grow((void **)&c->severity, &c->scap, c->nproblem + 1, sizeof *c->severity);
	c->problem[c->nproblem] = ease_xstrdup(buf);
	c->severity[c->nproblem++] = severity;
}

/*
 * A column matched by its name: a unit of time in the header is converted
 * to the role's unit; a unit that does not fit the role refuses the match.
 */
static void
settle_unit(ease_cols *c, size_t i)
{
	char unit[64], shown[128];
	int role = c->role[i];
	const ease_roledef *d = ease_role_def(role);
	double sec = time_unit_sec(header_unit(c->name[i], unit, sizeof unit));

	if (role_unit_sec(role) > 0) {
		if (sec > 0) {
			c->scale[i] = sec / role_unit_sec(role);
			return;
		}
		if (!has_letter(unit))
			return;		/* (0-24) and such: a range, not a unit */
		add_problem(c, EASE_COLS_WARN,
			    "column %zu '%s' is not read as %s: its unit '%s' is not one of s, min, h (which ease converts to %s)",
			    i + 1, ease_shown(c->name[i], shown, sizeof shown),
			    d->name, unit, role_unit_name(role));
		c->role[i] = EASE_R_NONE;
	} else if (sec > 0 && (d->type == EASE_T_NUM || d->type == EASE_T_COUNT) &&
		   role != EASE_R_MED) {
		add_problem(c, EASE_COLS_WARN,
			    "column %zu '%s' is not read as %s (%s): a time in %s does not fit it%s",
			    i + 1, ease_shown(c->name[i], shown, sizeof shown),
			    d->name, d->what, unit,
			    role == EASE_R_MASSAGE
			    ? " (for session minutes use --col massage_min=NAME)" : "");
		c->role[i] = EASE_R_NONE;
	}
}

/* The names qsort compares: by_key takes no argument for them. */
static char **sort_keys;

/* Column indices by name (sort_keys), then by position. */
static int
by_key(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int d = strcmp(sort_keys[a], sort_keys[b]);

	if (d != 0)
		return d;
	return (a > b) - (a < b);
}

/*
 * For each column the first other column of the same name, or -1: what
 * ease_cols_need_unique asks of every column a tool reads, found by sorting
 * once rather than by a scan of the header per column.
 */
static void
find_twins(ease_cols *c)
{
	size_t *idx = ease_xcalloc(c->n + 1, sizeof *idx);

	c->twin = ease_xcalloc(c->n + 1, sizeof *c->twin);
	for (size_t i = 0; i < c->n; i++) {
		idx[i] = i;
		c->twin[i] = -1;
	}
	sort_keys = c->name;
	qsort(idx, c->n, sizeof *idx, by_key);
	for (size_t k = 0, e; k < c->n; k = e) {
		for (e = k + 1; e < c->n && strcmp(c->name[idx[k]], c->name[idx[e]]) == 0; e++)
			c->twin[idx[e]] = (int)idx[k];
		if (e > k + 1)
			c->twin[idx[k]] = (int)idx[k + 1];
	}
	free(idx);
}

/* A role that two columns claim, and names that repeat, for every tool. */
static void
find_conflicts(ease_cols *c)
{
	char a[128], b[128];

	for (int r = 1; r < EASE_R_COUNT; r++) {
		int first = -1;

		if (r == EASE_R_MED)
			continue;
		for (size_t i = 0; i < c->n; i++) {
			if (c->role[i] != r)
				continue;
			if (first < 0) {
				first = (int)i;
				continue;
			}
			if (strcmp(c->name[first], c->name[i]) == 0)
				add_problem(c, EASE_COLS_ERROR,
					    "columns %d and %zu are both named '%s' (rename one)",
					    first + 1, i + 1,
					    ease_shown(c->name[i], a, sizeof a));
			else
				add_problem(c, EASE_COLS_ERROR,
					    "columns %d '%s' and %zu '%s' both read as %s (name the one to use with --col %s=NAME)",
					    first + 1, ease_shown(c->name[first], a, sizeof a),
					    i + 1, ease_shown(c->name[i], b, sizeof b),
					    defs[r].name, defs[r].name);
			break;
		}
	}
	/*
	 * Columns without a role: a problem only for a tool that names them.
	 * Each such column is paired with the next one of the same normalised
	 * name; sorting the names finds those pairs in O(n log n), where
	 * comparing every pair took minutes on a header of a million columns.
	 */
	size_t m = 0, *idx = ease_xcalloc(c->n + 1, sizeof *idx);
	size_t *next = ease_xcalloc(c->n + 1, sizeof *next);

	for (size_t i = 0; i < c->n; i++)
		if (c->role[i] == EASE_R_NONE && c->norm[i][0] != '\0')
			idx[m++] = i;
	sort_keys = c->norm;
	qsort(idx, m, sizeof *idx, by_key);
	for (size_t k = 0; k + 1 < m; k++)
		if (strcmp(c->norm[idx[k]], c->norm[idx[k + 1]]) == 0)
			next[idx[k]] = idx[k + 1];
	for (size_t i = 0; i < c->n; i++) {
		size_t j = next[i];

		if (j == 0)
			continue;
		if (strcmp(c->name[i], c->name[j]) == 0)
			add_problem(c, EASE_COLS_NOTE,
				    "columns %zu and %zu are both named '%s'",
				    i + 1, j + 1, ease_shown(c->name[i], a, sizeof a));
		else
			add_problem(c, EASE_COLS_NOTE,
				    "columns %zu '%s' and %zu '%s' differ only in case or punctuation",
				    i + 1, ease_shown(c->name[i], a, sizeof a), j + 1,
				    ease_shown(c->name[j], b, sizeof b));
	}
	free(idx);
	free(next);
}

static int find_by_name(const ease_cols *c, const char *name);
static int need(const ease_cols *c, const char *name, int by_name);

/*
 * Every table of columns not yet freed.  A header is often refused (ease_die,
 * ease_usage) before its table reaches the object that would own it; listed
 * here it stays reachable, so that dying frees nothing and leaks nothing.
 */
static ease_cols **live;
static size_t nlive, livecap;

ease_cols *
ease_cols_new_all(const ease_rec *header, const char *file, const ease_colmap *map,
		  int nmap)
{
	ease_cols *c = ease_xcalloc(1, sizeof *c);
	char norm[256];

	ease_grow((void **)&live, &livecap, nlive + 1, sizeof *live);
	live[nlive++] = c;
	c->n = header->n;
	c->file = file;
	c->line = header->line;
	c->name = ease_xcalloc(c->n + 1, sizeof *c->name);
	c->norm = ease_xcalloc(c->n + 1, sizeof *c->norm);
	c->role = ease_xcalloc(c->n + 1, sizeof *c->role);
	c->scale = ease_xcalloc(c->n + 1, sizeof *c->scale);
	for (size_t i = 0; i < c->n; i++) {
		c->name[i] = ease_xstrdup(header->f[i]);
		c->norm[i] = ease_xstrdup(ease_norm_name(header->f[i], norm, sizeof norm));
		c->role[i] = role_of_norm(c->norm[i]);
		c->scale[i] = 1;
		settle_unit(c, i);
	}
	for (int k = 0; k < nmap; k++) {
		int i = need(c, map[k].name, 1);
		char unit[64];
		double sec, rsec = role_unit_sec(map[k].role);

		/* the named column takes the role from any other */
		if (map[k].role != EASE_R_MED)
			for (size_t j = 0; j < c->n; j++)
				if (c->role[j] == map[k].role)
					c->role[j] = EASE_R_NONE;
		c->role[i] = map[k].role;
		c->scale[i] = 1;
		sec = time_unit_sec(header_unit(c->name[i], unit, sizeof unit));
		if (rsec > 0 && sec > 0)
			c->scale[i] = sec / rsec;
		else if (rsec > 0 && has_letter(unit))
			ease_usage("--col %s=%s: the unit '%s' is not one of s, min, h (which ease converts to %s)",
				   defs[map[k].role].name, map[k].name, unit,
				   role_unit_name(map[k].role));
	}
	find_twins(c);
	find_conflicts(c);
	plain_ranges(c);
	return c;
}

ease_cols *
ease_cols_new(const ease_rec *header, const char *file, const ease_colmap *map,
	      int nmap)
{
	ease_cols *c = ease_cols_new_all(header, file, map, nmap);

	for (size_t k = 0; k < c->nproblem; k++)
		if (c->severity[k] == EASE_COLS_ERROR)
			ease_die(EASE_EX_DATA, "%s:%ld: %s", file, c->line, c->problem[k]);
	for (size_t k = 0; k < c->nproblem; k++)
		if (c->severity[k] == EASE_COLS_WARN)
			ease_warn("%s:%ld: %s", file, c->line, c->problem[k]);
	return c;
}

/* ---- thousands written with '.' ---- */

/* What the numbers of one column with a '.' looked like. */
struct ease_thou {
	long grouped;		/* 1.200, 10.500, 1.234.567 */
	int other;		/* a '.' that is no thousands mark: 7.25, 0.125 */
	int told;
	char ex[2][24];
};

void
ease_cols_watch_thousands(ease_cols *c, char delim, const char *date_fmt,
			  int decimal_comma)
{
	/* 1.200 is 1.2 in a US file; only where the file is written the
	 * European way is it almost surely twelve hundred */
	if (decimal_comma || c->thou ||
	    (delim != ';' && !(date_fmt && strstr(date_fmt, "%d.%m."))))
		return;
	c->thou = ease_xcalloc(c->n + 1, sizeof *c->thou);
}

/* Whether CELL is digits grouped by '.' in threes: 1.200, -12.000.000. */
static int
dot_grouped(const char *p)
{
	int lead = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '-' || *p == '+')
		p++;
	if (*p == '0')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++)
		if (++lead > 3)
			return 0;
	if (lead == 0 || *p != '.')
		return 0;
	while (*p == '.') {
		for (int k = 1; k <= 3; k++)
			if (p[k] < '0' || p[k] > '9')
				return 0;
		p += 4;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == '\0';
}

static void
thou_note(const ease_cols *c, int col, const char *cell)
{
	struct ease_thou *t = &c->thou[col];

	if (t->other || strchr(cell, '.') == NULL)
		return;
	if (!dot_grouped(cell)) {
		t->other = 1;
		return;
	}
	if (t->grouped < 2 && strlen(cell) < sizeof t->ex[0] &&
	    (t->grouped == 0 || strcmp(t->ex[0], cell) != 0))
		strcpy(t->ex[t->grouped++], cell);
	else
		t->grouped += t->grouped >= 2;
}

const char *
ease_cols_thousands_hint(ease_cols *c, int col)
{
	static char buf[256];
	struct ease_thou *t = c->thou ? &c->thou[col] : NULL;

	if (t == NULL || t->told || t->other || t->grouped == 0)
		return NULL;
	t->told = 1;
	if (t->grouped == 1)
		snprintf(buf, sizeof buf, "column '%s': %s looks like thousands written "
			 "with '.'; if so, use --decimal-comma", c->name[col], t->ex[0]);
	else
		snprintf(buf, sizeof buf, "column '%s': %s and %s look like thousands "
			 "written with '.'; if so, use --decimal-comma", c->name[col],
			 t->ex[0], t->ex[1]);
	return buf;
}

void
ease_cols_free(ease_cols *c)
{
	if (c == NULL)
		return;
	for (size_t i = nlive; i-- > 0;)
		if (live[i] == c) {
			live[i] = live[--nlive];
			break;
		}
	for (size_t i = 0; c->thou && i < c->n; i++) {
		const char *hint = ease_cols_thousands_hint(c, (int)i);

		if (hint)
			ease_warn("%s", hint);	/* the input, and its name, may be gone */
	}
	free(c->thou);
	free(c->plain);
	for (size_t i = 0; i < c->n; i++) {
		free(c->name[i]);
		free(c->norm[i]);
	}
	for (size_t k = 0; k < c->nproblem; k++)
		free(c->problem[k]);
	free(c->problem);
	free(c->severity);
	free(c->name);
	free(c->norm);
	free(c->role);
	free(c->scale);
	free(c->twin);
	free(c);
}

/* Another column that NAME matches as well as column I, or -1. */
static int
also_named(const ease_cols *c, int i, const char *name)
{
	int exact = strcmp(c->name[i], name) == 0;

	for (size_t j = 0; j < c->n; j++) {
		if ((int)j == i)
			continue;
		if (exact ? strcmp(c->name[j], name) == 0
			  : strcmp(c->norm[j], c->norm[i]) == 0 &&
			    strcmp(c->name[j], name) != 0)
			return (int)j;
	}
	return -1;
}

void
ease_cols_need_unique(const ease_cols *c, int col)
{
	int j = c->twin[col];
	char shown[128];

	if (j >= 0)
		ease_die(EASE_EX_DATA, "%s:%ld: columns %d and %d are both named '%s' (rename one)",
			 c->file, c->line, (col < j ? col : j) + 1, (col < j ? j : col) + 1,
			 ease_shown(c->name[col], shown, sizeof shown));
}

int
ease_cols_find(const ease_cols *c, const char *name)
{
	char norm[256];
	int i = find_by_name(c, name), role;

	if (i >= 0)
		return i;
	/* "pain" finds "Schmerz (0-10)" once that plays the pain role */
	role = ease_role_by_name(ease_norm_name(name, norm, sizeof norm));
	return role != EASE_R_NONE ? ease_cols_role(c, role) : -1;
}

/* A column by its name as in the header, else by the normalised name. */
static int
find_by_name(const ease_cols *c, const char *name)
{
	char norm[256];

	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->name[i], name) == 0)
			return (int)i;
	ease_norm_name(name, norm, sizeof norm);
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->norm[i], norm) == 0)
			return (int)i;
	return -1;
}

int
ease_cols_role(const ease_cols *c, int role)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->role[i] == role)
			return (int)i;
	return -1;
}

const char *
ease_cols_list(const ease_cols *c, char *buf, size_t n)
{
	size_t len = 0;
	char shown[128];

	buf[0] = '\0';
	for (size_t i = 0; i < c->n; i++) {
		const char *s = c->name[i][0] ? ease_shown(c->name[i], shown, sizeof shown)
					       : "(unnamed)";
		size_t l = strlen(s);

		if (len + l + 8 >= n) {
			snprintf(buf + len, n - len, "%s...", i ? ", " : "");
			break;
		}
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", s);
	}
	return buf;
}

/* As ease_cols_need; BY_NAME: not by the role of that name (--col's NAME). */
static int
need(const ease_cols *c, const char *name, int by_name)
{
	int i = find_by_name(c, name);
	char list[1024], shown[128], a[128], b[128];

	if (i >= 0) {
		int j = also_named(c, i, name), lo = i < j ? i : j, hi = i < j ? j : i;

		if (j >= 0)
			ease_die(EASE_EX_DATA,
				 "%s:%ld: '%s' could be column %d '%s' or column %d '%s' (rename one)",
				 c->file, c->line, ease_shown(name, shown, sizeof shown),
				 lo + 1, ease_shown(c->name[lo], a, sizeof a),
				 hi + 1, ease_shown(c->name[hi], b, sizeof b));
		return i;
	}
	if (!by_name && (i = ease_cols_find(c, name)) >= 0)
		return i;
	ease_die(EASE_EX_USAGE, "%s: no column '%s'; columns: %s", c->file,
		 ease_shown(name, shown, sizeof shown),
		 ease_cols_list(c, list, sizeof list));
}

int
ease_cols_need(const ease_cols *c, const char *name)
{
	return need(c, name, 0);
}

int
ease_cols_need_role(const ease_cols *c, int role)
{
	int i = ease_cols_role(c, role);
	char list[1024];

	if (i >= 0)
		return i;
	ease_die(EASE_EX_DATA,
		 "%s: no %s column (name one with --col %s=NAME); columns: %s",
		 c->file, defs[role].name, defs[role].name,
		 ease_cols_list(c, list, sizeof list));
}

struct need_list {
	const ease_cols *c;
	int *idx;
	size_t n, cap;
};

static void
need_one(const char *name, void *ctx)
{
	struct need_list *l = ctx;

	ease_grow((void **)&l->idx, &l->cap, l->n + 1, sizeof *l->idx);
	l->idx[l->n++] = ease_cols_need(l->c, name);
}

size_t
ease_cols_need_list(const ease_cols *c, const char *list, const char *opt,
		    int **idx)
{
	struct need_list l = {c, NULL, 0, 0};

	ease_opt_each(opt, list, need_one, &l);
	*idx = l.idx;
	return l.n;
}

int
ease_role_lower(int role)
{
	switch (role) {
	case EASE_R_PAIN: case EASE_R_PAIN_MAX: case EASE_R_PAIN_BEFORE:
	case EASE_R_PAIN_AFTER: case EASE_R_STRESS: case EASE_R_MEDS_DOSES:
	case EASE_R_MED: case EASE_R_DOSE:
		return 1;
	case EASE_R_SLEEP_HOURS: case EASE_R_SLEEP_QUALITY:
	case EASE_R_SLEEP_EFFICIENCY: case EASE_R_MOOD:
		return 0;
	}
	return -1;
}

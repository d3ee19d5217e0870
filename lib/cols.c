#include "ease/cols.h"
#include "ease/datehint.h"
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INF HUGE_VAL

static const ease_roledef defs[EASE_R_COUNT] = {
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
		"technique techniques massage_type type_of_massage modality treatment",
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
		"drug medication medicine med painkiller",
		"drug name"},
	[EASE_R_DOSE] = {"dose", EASE_T_NUM, 0, INF,
		"dose amount dosage",
		"dose taken, >= 0"},
	[EASE_R_UNIT] = {"unit", EASE_T_TEXT, 0, 0, "unit units",
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
		"event kind: pain sleep massage med factor stress mood note"},
	[EASE_R_NAME] = {"name", EASE_T_TEXT, 0, 0, "name",
		"event name: body location, technique, drug, factor"},
	[EASE_R_VALUE] = {"value", EASE_T_NUM, -INF, INF, "value",
		"event value (range by kind)"},
	[EASE_R_NOTE] = {"note", EASE_T_TEXT, 0, 0, "note notes comment comments",
		"free text"},
};

const ease_roledef *
ease_role_def(int role)
{
	if (role < 0 || role >= EASE_R_COUNT)
		role = EASE_R_NONE;
	return &defs[role];
}

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

	/* 7,5 from a spreadsheet: name the option that reads it */
	if (!decimal_comma && strchr(cell, ',') && ease_parse_num(cell, 1, &v) == EASE_V_OK)
		return whole ? "is not a whole number (for 7,5 use --decimal-comma)"
			     : "is not a number (for 7,5 use --decimal-comma)";
	return whole ? "is not a whole number" : "is not a number";
}

int
ease_role_check(int role, const char *cell, int decimal_comma,
		const char *date_fmt, double *v, const char **why)
{
	const ease_roledef *d = ease_role_def(role);
	static char range[64];
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
		return st == EASE_V_BADCAL ? EASE_V_BAD : st;
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
	st = ease_parse_num(cell, decimal_comma, v);
	if (st != EASE_V_OK) {
		if (st == EASE_V_BAD)
			*why = ease_not_a_number(cell, decimal_comma,
						 d->type == EASE_T_COUNT);
		return st;
	}
	if (d->type == EASE_T_COUNT && (*v != floor(*v) || *v < 0)) {
		*why = "is not a whole number >= 0";
		return EASE_V_BAD;
	}
	if (*v < d->lo || *v > d->hi) {
		if (d->hi == INF)
			snprintf(range, sizeof range, "is negative");
		else
			snprintf(range, sizeof range, "is outside %g..%g", d->lo, d->hi);
		*why = range;
		return EASE_V_BAD;
	}
	return EASE_V_OK;
}

ease_cols *
ease_cols_new(const ease_rec *header, const char *file, const ease_colmap *map,
	      int nmap)
{
	ease_cols *c = ease_xcalloc(1, sizeof *c);
	char norm[256];

	c->n = header->n;
	c->file = file;
	c->name = ease_xcalloc(c->n + 1, sizeof *c->name);
	c->norm = ease_xcalloc(c->n + 1, sizeof *c->norm);
	c->role = ease_xcalloc(c->n + 1, sizeof *c->role);
	for (size_t i = 0; i < c->n; i++) {
		c->name[i] = ease_xstrdup(header->f[i]);
		c->norm[i] = ease_xstrdup(ease_norm_name(header->f[i], norm, sizeof norm));
		c->role[i] = role_of_norm(c->norm[i]);
	}
	for (int k = 0; k < nmap; k++) {
		int i = ease_cols_need(c, map[k].name);

		/* the named column takes the role from any other */
		if (map[k].role != EASE_R_MED)
			for (size_t j = 0; j < c->n; j++)
				if (c->role[j] == map[k].role)
					c->role[j] = EASE_R_NONE;
		c->role[i] = map[k].role;
	}
	return c;
}

void
ease_cols_free(ease_cols *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->name[i]);
		free(c->norm[i]);
	}
	free(c->name);
	free(c->norm);
	free(c->role);
	free(c);
}

int
ease_cols_find(const ease_cols *c, const char *name)
{
	char norm[256];
	int role;

	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->name[i], name) == 0)
			return (int)i;
	ease_norm_name(name, norm, sizeof norm);
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->norm[i], norm) == 0)
			return (int)i;
	/* "pain" finds "Schmerz (0-10)" once that plays the pain role */
	role = ease_role_by_name(norm);
	return role != EASE_R_NONE ? ease_cols_role(c, role) : -1;
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
		const char *s = ease_shown(c->name[i], shown, sizeof shown);
		size_t l = strlen(s);

		if (len + l + 8 >= n) {
			snprintf(buf + len, n - len, "%s...", i ? ", " : "");
			break;
		}
		len += (size_t)snprintf(buf + len, n - len, "%s%s", i ? ", " : "", s);
	}
	return buf;
}

int
ease_cols_need(const ease_cols *c, const char *name)
{
	int i = ease_cols_find(c, name);
	char list[1024], shown[128];

	if (i >= 0)
		return i;
	ease_die(EASE_EX_USAGE, "%s: no column '%s'; columns: %s", c->file,
		 ease_shown(name, shown, sizeof shown),
		 ease_cols_list(c, list, sizeof list));
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

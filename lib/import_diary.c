/*
 * The diaries: the SecUSo pain diary and Bearable, where pain, medication,
 * mood and factors are written by hand.
 */
#include "ease/import.h"

#include "ease/err.h"
#include "ease/technique.h"
#include "ease/value.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A day, date-only: the diaries say which day, not which minute. */
static char *
day_iso(long day, char *buf)
{
	return ease_fmt_date(day, buf);
}

/* Members of a "[A, B]" list cell, brackets optional, ',' or ';' between. */
static int
list_next(const char **p, const char **item, size_t *len)
{
	const char *s = *p;

	while (*s == ' ' || *s == '[' || *s == ',' || *s == ';')
		s++;
	if (!*s || *s == ']')
		return 0;
	*item = s;
	while (*s && *s != ',' && *s != ';' && *s != ']')
		s++;
	*len = (size_t)(s - *item);
	while (*len && (*item)[*len - 1] == ' ')
		(*len)--;
	*p = s;
	return 1;
}

/* The condition of the day, VERY_BAD..VERY_GOOD, on the 0-10 mood scale. */
static double
condition(const char *s)
{
	static const struct { const char *w; double v; } m[] = {
		{"VERY_BAD", 0}, {"BAD", 2.5}, {"OKAY", 5}, {"OK", 5},
		{"GOOD", 7.5}, {"VERY_GOOD", 10}, {NULL, 0}
	};

	while (*s == ' ')
		s++;
	for (int i = 0; m[i].w; i++)
		if (strcasecmp(s, m[i].w) == 0)
			return m[i].v;
	return -1;
}

/*
 * One intake "Ibuprofen 400 mg" (the dose and unit optional, the unit
 * glued on or not): the drug, the dose (NaN when none) and the unit, mass
 * units in mg.
 */
static int
intake(const char *s, size_t len, char *drug, size_t dn, double *dose, char *unit,
       size_t un)
{
	size_t i = len, ue, ds;
	char num[32];

	*dose = NAN;
	unit[0] = '\0';
	/* the unit: letters at the end, after the dose */
	ue = i;
	while (i && isalpha((unsigned char)s[i - 1]))
		i--;
	size_t us = i;

	while (i && s[i - 1] == ' ')
		i--;
	ds = i;
	while (ds && (isdigit((unsigned char)s[ds - 1]) || s[ds - 1] == '.'))
		ds--;
	if (ds < i && (ds == 0 || s[ds - 1] == ' ') && i - ds < sizeof num) {
		memcpy(num, s + ds, i - ds);
		num[i - ds] = '\0';
		if (ease_parse_num(num, 0, dose) != EASE_V_OK)
			return 0;
		snprintf(unit, un, "%.*s", (int)(ue - us), s + us);
		len = ds;
		while (len && s[len - 1] == ' ')
			len--;
	} else if (ds == i && us < ue && us > 0 && isdigit((unsigned char)s[us - 1])) {
		return 0;
	}
	if (len == 0)
		return 0;
	snprintf(drug, dn, "%.*s", (int)len, s);
	if (strcasecmp(unit, "g") == 0)
		*dose *= 1000, strcpy(unit, "mg");
	else if (strcasecmp(unit, "mcg") == 0 || strcasecmp(unit, "ug") == 0)
		*dose /= 1000, strcpy(unit, "mg");
	else if (strcasecmp(unit, "mg") == 0)
		strcpy(unit, "mg");
	return 1;
}

void
ease_import_secuso(ease_imp *im, ease_reader *r, const ease_rec *h)
{
	int cd = ease_imp_col(h, "Date"), ccond = ease_imp_col(h, "Conditions");
	int cp = ease_imp_col(h, "Pain Level (0-10)");
	int creg = ease_imp_col(h, "Body Regions");
	int cnat = ease_imp_col(h, "Pain nature");
	int ctimes = ease_imp_col(h, "Times of pain");
	int cdrug = ease_imp_col(h, "Drug Intakes");
	int ccom = ease_imp_col(h, "Comment");
	const char *fmt = im->c->date_format;
	ease_recstore *st = ease_recstore_new();
	ease_dateform df;
	const ease_rec *rec;
	char msg[512];

	ease_dateform_init(&df);
	while ((rec = ease_imp_next(im, r))) {
		if (!ease_imp_width(im, rec, h))
			continue;
		if (!fmt && ease_dateform_add(&df, rec->f[cd], rec->line, msg, sizeof msg)) {
			ease_bad_value(im->file, rec->line, "Date", rec->f[cd], msg);
			continue;
		}
		ease_recstore_add(st, rec, im->file);
	}
	if (!fmt && ease_dateform_settle(&df, "Date", msg, sizeof msg))
		ease_die(EASE_EX_DATA, "%s: %s", im->file, msg);
	for (size_t i = 0; i < ease_recstore_count(st); i++) {
		const char *why, *p, *item;
		long day, sec;
		double pain, cond;
		size_t len;
		char date[16], note[512], name[128], drug[128], unit[16];
		int bad = 0;

		rec = ease_recstore_get(st, i, NULL);
		if ((why = ease_dateform_read(&df, fmt, rec->f[cd], &day, &sec))) {
			ease_bad_value(im->file, rec->line, "Date", rec->f[cd], why);
			continue;
		}
		day_iso(day, date);
		switch (ease_imp_num(rec->f[cp], &pain, NULL)) {
		case EASE_V_BAD:
			ease_bad_value(im->file, rec->line, "Pain Level (0-10)", rec->f[cp],
				       "is not a number 0..10");
			continue;
		case EASE_V_MISSING:
			pain = NAN;
			break;
		}
		if (pain < 0 || pain > 10) {
			ease_bad_value(im->file, rec->line, "Pain Level (0-10)", rec->f[cp],
				       "is outside 0..10");
			continue;
		}
		cond = -1;
		if (!ease_is_missing(rec->f[ccond]) && (cond = condition(rec->f[ccond])) < 0) {
			ease_bad_value(im->file, rec->line, "Conditions", rec->f[ccond],
				       "is not a condition (expected VERY_BAD, BAD, OKAY, GOOD or VERY_GOOD)");
			continue;
		}
		/* drugs are read before anything is written: a bad one drops the entry */
		for (p = ease_imp_cell(rec, cdrug); list_next(&p, &item, &len); ) {
			double dose;

			if (!intake(item, len, drug, sizeof drug, &dose, unit, sizeof unit)) {
				char shown[200];

				snprintf(shown, sizeof shown, "%.*s", (int)len, item);
				ease_bad_value(im->file, rec->line, "Drug Intakes", shown,
					       "is not an intake (expected a drug, then its dose "
					       "and unit: Ibuprofen 400 mg)");
				bad = 1;
				break;
			}
		}
		if (bad)
			continue;
		snprintf(note, sizeof note, "%s%s%s", ease_imp_cell(rec, cnat),
			 *ease_imp_cell(rec, cnat) && *ease_imp_cell(rec, ctimes) ? " " : "",
			 ease_imp_cell(rec, ctimes));
		if (!isnan(pain)) {
			int any = 0;

			/* one rating for each region the entry names */
			for (p = ease_imp_cell(rec, creg); list_next(&p, &item, &len); any = 1) {
				ease_event e = {"", date, "", "pain",
						ease_imp_slug(item, len, name, sizeof name),
						pain, "", note};

				ease_imp_emit(im, &e, rec->line);
			}
			if (!any) {
				ease_event e = {"", date, "", "pain", "", pain, "", note};

				ease_imp_emit(im, &e, rec->line);
			}
		}
		if (cond >= 0) {
			ease_event e = {"", date, "", "mood", "", cond, "", rec->f[ccond]};

			ease_imp_emit(im, &e, rec->line);
		}
		for (p = ease_imp_cell(rec, cdrug); list_next(&p, &item, &len); ) {
			double dose;

			intake(item, len, drug, sizeof drug, &dose, unit, sizeof unit);
			ease_event e = {"", date, "", "med", drug, dose, unit, ""};

			ease_imp_emit(im, &e, rec->line);
		}
		if (*ease_imp_cell(rec, ccom)) {
			ease_event e = {"", date, "", "note", "", NAN, "", rec->f[ccom]};

			ease_imp_emit(im, &e, rec->line);
		}
	}
	ease_recstore_free(st);
}

void
ease_import_bearable(ease_imp *im, ease_reader *r, const ease_rec *h)
{
	(void)im; (void)r; (void)h;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The diaries: the SecUSo pain diary and Bearable, where pain, medication,
 * mood and factors are written by hand.
 */
#include "ease/import.h"

#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/technique.h"
#include "ease/value.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The members of list CELL added to NOTE: "[DULL, STABBING]" as "dull, stabbing". */
static void
list_note(ease_imp_str *note, const char *cell)
{
	const char *item;
	size_t len;
	int first = 1;

	while (list_next(&cell, &item, &len)) {
		if (note->len)
			ease_imp_str_add(note, first ? "; " : ", ", 2);
		for (size_t i = 0; i < len; i++) {
			char c = item[i] == '_' ? ' ' : (char)tolower((unsigned char)item[i]);

			ease_imp_str_add(note, &c, 1);
		}
		first = 0;
	}
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

/* A byte of a unit: a letter (also of UTF-8: µg), '/' or '%'. */
static int
unit_char(unsigned char c)
{
	return isalpha(c) || c >= 0x80 || c == '/' || c == '%';
}

/*
 * The number that begins a word (sign, digits, point, exponent, as strtod
 * would take them): its length, 0 when the word does not begin with one.
 */
static size_t
num_lexeme(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'))
		digits += isdigit((unsigned char)s[i++]) != 0;
	if (digits == 0)
		return 0;
	if (i + 1 < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t j = i + 1;

		if (j < n && (s[j] == '+' || s[j] == '-'))
			j++;
		if (j < n && isdigit((unsigned char)s[j])) {
			while (j < n && isdigit((unsigned char)s[j]))
				j++;
			i = j;
		}
	}
	return i;
}

/* Whether N bytes of S are a dose as the app writes one: 400, 0.5, .5. */
static int
plain_dose(const char *s, size_t n)
{
	size_t digits = 0, points = 0;

	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			digits++;
		else if (s[i] == '.')
			points++;
		else
			return 0;
	}
	return digits > 0 && points <= 1;
}

/*
 * One intake, N bytes at S: "Ibuprofen 400 mg", the dose and unit optional,
 * the unit glued on or not.  The drug (*DRUG, *DN bytes of S, never cut),
 * the dose (NaN when none) and the unit (*UNIT, *UN bytes, or "mg" of a
 * mass unit, the dose converted).  A last word that begins as a number is
 * the dose, and must be a plain one: "-400 mg" and "1e3 mg" are no doses,
 * nor the name of a drug.  Returns NULL, or why the intake does not read.
 */
static const char *
intake(const char *s, size_t n, const char **drug, size_t *dn, double *dose,
       const char **unit, size_t *un)
{
	const char *w = s + n, *u = NULL, *d = NULL;
	size_t wl = 0, ul = 0, dl = 0, nl;

	*dose = NAN;
	*unit = "";
	*un = 0;
	/* the last word, and the one before it */
	while (n && s[n - 1] == ' ')
		n--;
	nl = n;
	while (nl && s[nl - 1] != ' ')
		nl--;
	w = s + nl;
	wl = n - nl;
	{
		size_t k = num_lexeme(w, wl), i = k;

		while (i < wl && unit_char((unsigned char)w[i]))
			i++;
		if (k && i == wl) {
			/* "400 mg" glued or not: "400mg", "400" */
			d = w, dl = k, u = w + k, ul = wl - k;
		} else if (wl && num_lexeme(w, wl) == 0) {
			size_t pe = nl, ps;
			int unit_only = 1;

			for (size_t j = 0; j < wl; j++)
				unit_only &= unit_char((unsigned char)w[j]);
			while (pe && s[pe - 1] == ' ')
				pe--;
			ps = pe;
			while (ps && s[ps - 1] != ' ')
				ps--;
			k = num_lexeme(s + ps, pe - ps);
			if (unit_only && k && k == pe - ps) {
				/* "400 mg" */
				d = s + ps, dl = k, u = w, ul = wl;
				nl = ps;
			}
		}
	}
	if (d) {
		char *num;

		if (!plain_dose(d, dl))
			return "is not an intake: the dose must be a plain number 0 or more, "
			       "as in Ibuprofen 400 mg";
		num = ease_xstrndup(d, dl);
		if (ease_parse_num(num, 0, dose) != EASE_V_OK)
			*dose = NAN;
		free(num);
		if (isnan(*dose))
			return "is not an intake: the dose does not read as a number";
		n = nl;
		*unit = u;
		*un = ul;
	}
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return d ? "has a dose but no drug (expected a drug, then its dose and unit: "
			   "Ibuprofen 400 mg)"
			 : "is not an intake (expected a drug, then its dose and unit: "
			   "Ibuprofen 400 mg)";
	*drug = s;
	*dn = n;
	if (*un == 1 && strncasecmp(*unit, "g", 1) == 0)
		*dose *= 1000, *unit = "mg", *un = 2;
	else if ((*un == 3 && (strncasecmp(*unit, "mcg", 3) == 0 ||
			       strncmp(*unit, "\xc2\xb5g", 3) == 0)) ||
		 (*un == 2 && strncasecmp(*unit, "ug", 2) == 0))
		*dose /= 1000, *unit = "mg", *un = 2;
	else if (*un == 2 && strncasecmp(*unit, "mg", 2) == 0)
		*unit = "mg";
	if (!isnan(*dose) && !isfinite(*dose))
		return "is not an intake: the dose is too large for a number";
	return NULL;
}

void
ease_import_secuso(ease_imp *im, ease_reader *r, const ease_rec *h)
{
	int cd = ease_imp_need(im, h, "Date"), ccond = ease_imp_need(im, h, "Conditions");
	int cp = ease_imp_need(im, h, "Pain Level (0-10)");
	int creg = ease_imp_col(h, "Body Regions");
	int cnat = ease_imp_col(h, "Pain nature");
	int ctimes = ease_imp_col(h, "Times of pain");
	int cdrug = ease_imp_col(h, "Drug Intakes");
	int ccom = ease_imp_col(h, "Comment");
	const char *fmt = im->c->date_format;
	static const char *const names[] = {"Date"};
	ease_dateform df;
	ease_recstore *st = ease_imp_read_dated(im, r, h, &cd, names, 1, 0, &df);
	const ease_rec *rec;
	/* held where an error's exit still finds them */
	static ease_imp_str note, name, u;

	for (size_t i = 0; i < ease_recstore_count(st); i++) {
		const char *why, *p, *item;
		long day, sec;
		double pain, cond;
		size_t len;
		char date[16];
		int bad = 0;

		rec = ease_recstore_get(st, i, NULL);
		if ((why = ease_dateform_read(&df, fmt, rec->f[cd], &day, &sec))) {
			ease_bad_value(im->file, rec->line, "Date", rec->f[cd], why);
			continue;
		}
		ease_fmt_date(day, date);
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
			const char *drug, *unit;
			size_t dn, un;
			double dose;

			if ((why = intake(item, len, &drug, &dn, &dose, &unit, &un))) {
				char *shown = ease_xstrndup(item, len);

				ease_bad_value(im->file, rec->line, "Drug Intakes", shown, why);
				free(shown);
				bad = 1;
				break;
			}
		}
		if (bad)
			continue;
		ease_imp_str_clear(&note);
		list_note(&note, ease_imp_cell(rec, cnat));
		list_note(&note, ease_imp_cell(rec, ctimes));
		if (!isnan(pain)) {
			/* one rating, however many regions: pain_n counts ratings */
			ease_imp_str_clear(&name);
			for (p = ease_imp_cell(rec, creg); list_next(&p, &item, &len); ) {
				char *one = ease_imp_slug_dup(item, len);

				if (*one) {
					if (name.len)
						ease_imp_str_add(&name, "|", 1);
					ease_imp_str_add(&name, one, strlen(one));
				}
				free(one);
			}
			ease_event e = {"", date, "", "pain", name.s, pain, "", note.s};

			ease_imp_emit(im, &e, rec->line);
		}
		if (cond >= 0) {
			ease_event e = {"", date, "", "mood", "", cond, "", rec->f[ccond]};

			ease_imp_emit(im, &e, rec->line);
		}
		for (p = ease_imp_cell(rec, cdrug); list_next(&p, &item, &len); ) {
			const char *drug, *unit;
			size_t dn, un;
			double dose;

			intake(item, len, &drug, &dn, &dose, &unit, &un);
			ease_imp_str_clear(&name);
			ease_imp_str_add(&name, drug, dn);
			ease_imp_str_clear(&u);
			ease_imp_str_add(&u, unit, un);
			ease_event e = {"", date, "", "med", name.s, dose, u.s, ""};

			ease_imp_emit(im, &e, rec->line);
		}
		if (*ease_imp_cell(rec, ccom)) {
			ease_event e = {"", date, "", "note", "", NAN, "", rec->f[ccom]};

			ease_imp_emit(im, &e, rec->line);
		}
	}
	free(note.s);
	free(name.s);
	free(u.s);
	note = name = u = (ease_imp_str){0};
	ease_recstore_free(st);
}

/* ---- Bearable ---- */

/* "22nd Sep 2020" (full month names too). */
static int
bearable_date(const char *s, long *day)
{
	static const char *const mon[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
		"nov", "dec"
	};
	static const char *const full[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"
	};
	long d = 0, y = 0;
	int m = -1, n = 0;
	const char *w;
	size_t wl;

	while (*s == ' ')
		s++;
	while (isdigit((unsigned char)*s) && n < 3)
		d = d * 10 + (*s++ - '0'), n++;
	if (n == 0 || n > 2)
		return 0;
	if (strncasecmp(s, "st", 2) == 0 || strncasecmp(s, "nd", 2) == 0 ||
	    strncasecmp(s, "rd", 2) == 0 || strncasecmp(s, "th", 2) == 0)
		s += 2;
	if (*s++ != ' ')
		return 0;
	w = s;
	while (isalpha((unsigned char)*s))
		s++;
	wl = (size_t)(s - w);
	for (int i = 0; i < 12; i++)
		if ((wl == 3 && strncasecmp(w, mon[i], 3) == 0) ||
		    (wl == strlen(full[i]) && strncasecmp(w, full[i], wl) == 0))
			m = i + 1;
	if (m < 0 || *s++ != ' ')
		return 0;
	for (n = 0; isdigit((unsigned char)*s) && n < 5; n++)
		y = y * 10 + (*s++ - '0');
	while (*s == ' ')
		s++;
	if (n != 4 || *s || !ease_valid_civil(y, m, (int)d))
		return 0;
	*day = ease_days_from_civil(y, m, (int)d);
	return 1;
}

/*
 * The clock time a slot stands for (documented in ease-import(1)): -1 for
 * a whole day (no time), -2 when SLOT is neither a slot nor a clock time.
 */
static long
slot_time(const char *slot)
{
	static const struct { const char *w; long sec; } m[] = {
		{"am", 9 * 3600L}, {"mid", 14 * 3600L}, {"pm", 19 * 3600L},
		{"pre", 22 * 3600L}, {"all day", -1}, {"", -1}, {NULL, 0}
	};
	long sec;

	while (*slot == ' ')
		slot++;
	for (int i = 0; m[i].w; i++)
		if (strcasecmp(slot, m[i].w) == 0)
			return m[i].sec;
	sec = ease_imp_clock(slot, NULL);
	return sec >= 0 ? sec : -2;
}

/* Severity words of Bearable's symptoms, with the rating each goes with. */
static int
severity(const char *w, size_t len)
{
	static const struct { const char *w; int v; } m[] = {
		{"none", 0}, {"mild", 1}, {"moderate", 2}, {"severe", 3},
		{"extreme", 4}, {"unbearable", 4}, {NULL, 0}
	};

	for (int i = 0; m[i].w; i++)
		if (len == strlen(m[i].w) && strncasecmp(w, m[i].w, len) == 0)
			return m[i].v;
	return -1;
}

/* "H:MM" hours (9:45) or a number of hours (7.5); -1 when neither. */
static double
hours_cell(const char *s)
{
	double v;
	const char *c = strchr(s, ':');

	if (c) {
		char *end;
		long h = strtol(s, &end, 10), m;

		if (end != c || h < 0 || !isdigit((unsigned char)*s))
			return -1;
		if (!isdigit((unsigned char)c[1]) || !isdigit((unsigned char)c[2]) || c[3])
			return -1;
		m = (c[1] - '0') * 10 + (c[2] - '0');
		return m > 59 ? -1 : h + m / 60.0;
	}
	return ease_parse_num(s, 0, &v) == EASE_V_OK && v >= 0 ? v : -1;
}

/* "WORD HH:MM - HH:MM" inside TEXT: the two clock times, or 0. */
static int
span(const char *text, const char *word, long *a, long *b)
{
	const char *p = strstr(text, word), *q;

	if (!p)
		return 0;
	p += strlen(word);
	if ((*a = ease_imp_clock(p, &q)) < 0)
		return -1;
	while (*q == ' ')
		q++;
	if (*q++ != '-')
		return -1;
	if ((*b = ease_imp_clock(q, &q)) < 0)
		return -1;
	return 1;
}

typedef struct bear {
	ease_imp *im;
	const ease_rec *rec;
	const char *start;	/* the slot's date-time, or the date */
	const char *date;	/* the date alone */
	ease_imp_str *note;	/* the event's note, whole */
	ease_strset *slips;	/* factors warned about as slips for a technique */
} bear;

static void
bear_emit(bear *b, const char *kind, const char *name, double v, const char *unit)
{
	ease_event e = {"", b->start, "", kind, name, v, unit, b->note->s};

	ease_imp_emit(b->im, &e, b->rec->line);
}

/*
 * Whether a symptom's slug names a pain: the word pain or ache, or a word
 * ending in ache (headache, backache).  Words merely holding the letters,
 * "Spain trip" or "Painkiller withdrawal", are other symptoms.
 */
static int
pain_words(const char *key)
{
	const char *w = key;

	while (*w) {
		size_t n = strcspn(w, "_");

		if ((n == 4 && strncmp(w, "pain", 4) == 0) ||
		    (n == 5 && strncmp(w, "pains", 5) == 0) ||
		    (n >= 4 && strncmp(w + n - 4, "ache", 4) == 0) ||
		    (n >= 5 && strncmp(w + n - 5, "aches", 5) == 0))
			return 1;
		w += n;
		while (*w == '_')
			w++;
	}
	return 0;
}

/* "Back (lower) pain (Mild)", rating 1: pain back_lower 2.5. */
static int
bear_symptom(bear *b, const char *detail, const char *rating, const char *notes)
{
	const char *open = strrchr(detail, '(');
	size_t len = strlen(detail), nl;
	int sev = -1, lvl;
	double r;
	char *name, *key;

	while (len && detail[len - 1] == ' ')
		len--;
	if (open && len && detail[len - 1] == ')')
		sev = severity(open + 1, (size_t)(detail + len - 1 - (open + 1)));
	nl = sev >= 0 ? (size_t)(open - detail) : len;
	switch (ease_parse_num(rating, 0, &r)) {
	case EASE_V_BAD:
		ease_bad_value(b->im->file, b->rec->line, "rating/amount", rating,
			       "is not a severity (expected 0 to 4)");
		return 0;
	case EASE_V_MISSING:
		if (sev < 0) {
			ease_bad_value(b->im->file, b->rec->line, "detail", detail,
				       "has no severity and the rating is empty (expected like "
				       "'Back pain (Mild)' or a rating 0 to 4)");
			return 0;
		}
		r = sev;
		break;
	}
	if (r < 0 || r > 4 || r != floor(r)) {
		ease_bad_value(b->im->file, b->rec->line, "rating/amount", rating,
			       "is not a severity 0 to 4 (none, mild, moderate, severe, extreme)");
		return 0;
	}
	lvl = (int)r;
	if (sev >= 0 && sev != lvl) {
		char why[200];

		snprintf(why, sizeof why, "disagrees with the severity '%.*s' of the detail, "
			 "which is %d (0 to 4: none, mild, moderate, severe, extreme)",
			 (int)(detail + len - 1 - (open + 1)), open + 1, sev);
		ease_bad_value(b->im->file, b->rec->line, "rating/amount", rating, why);
		return 0;
	}
	/* "Moderate (2 of 4)": the word as written and the rating it is */
	ease_imp_str_clear(b->note);
	if (sev >= 0)
		ease_imp_str_addf(b->note, "%.*s (%d of 4)%s%s",
				  (int)(len - (size_t)(open - detail) - 2), open + 1, lvl,
				  *notes ? "; " : "", notes);
	else
		ease_imp_str_addf(b->note, "%d of 4%s%s", lvl, *notes ? "; " : "", notes);
	name = ease_imp_slug_dup(detail, nl);
	if (!name[0]) {
		free(name);
		ease_bad_value(b->im->file, b->rec->line, "detail", detail,
			       "names no symptom (expected like 'Back (lower) pain (Mild)')");
		return 0;
	}
	/* "back_lower_pain": a pain of the back, lower; "headache" too */
	key = ease_imp_slug_dup(detail, nl);
	if (pain_words(key)) {
		char *p = strstr(name, "pain");

		if (p && (p == name || p[-1] == '_') && (p[4] == '\0' || p[4] == '_')) {
			size_t at = (size_t)(p - name);

			memmove(p, p + 4 + (p[4] == '_'), strlen(p + 4 + (p[4] == '_')) + 1);
			if (at && name[at - 1] == '_' && name[at] == '\0')
				name[at - 1] = '\0';
		}
		bear_emit(b, "pain", name, lvl * 2.5, "");
	} else {
		/* a rating: ease-daily averages a day's ratings, adds up counts */
		bear_emit(b, "factor", name, lvl * 2.5, "rating");
	}
	free(name);
	free(key);
	return 1;
}

/* The intake of DRUG in UNIT (as the detail spells it) with the amount AMOUNT. */
static int
bear_med_emit(bear *b, const char *drug, const char *unit, const char *amount)
{
	double v;

	switch (ease_imp_num(amount, &v, NULL)) {
	case EASE_V_BAD:
		ease_bad_value(b->im->file, b->rec->line, "rating/amount", amount,
			       "is not an amount (expected a number: the dose in the unit of the detail)");
		return 0;
	case EASE_V_MISSING:
		v = NAN;
		break;
	}
	if (v < 0) {
		ease_bad_value(b->im->file, b->rec->line, "rating/amount", amount,
			       "is negative (a dose)");
		return 0;
	}
	if (strcasecmp(unit, "g") == 0)
		v *= 1000, unit = "mg";
	else if (strcasecmp(unit, "mcg") == 0 || strcasecmp(unit, "ug") == 0 ||
		 strcmp(unit, "\xc2\xb5g") == 0)
		v /= 1000, unit = "mg";
	else if (strcasecmp(unit, "mg") == 0)
		unit = "mg";
	bear_emit(b, "med", drug, v, isnan(v) ? "" : unit);
	return 1;
}

/* "Ibuprofen (mg)" with the amount 400. */
static int
bear_med(bear *b, const char *detail, const char *amount)
{
	const char *open = strrchr(detail, '(');
	size_t len = strlen(detail), nl = len;
	const char *unit = "";
	char *drug, *uspell = NULL;
	int ok;

	while (len && detail[len - 1] == ' ')
		len--;
	if (open && len && detail[len - 1] == ')') {
		unit = uspell = ease_xstrndup(open + 1, (size_t)(detail + len - 1 - (open + 1)));
		nl = (size_t)(open - detail);
	} else {
		nl = len;
	}
	while (nl && detail[nl - 1] == ' ')
		nl--;
	if (nl == 0) {
		free(uspell);
		ease_bad_value(b->im->file, b->rec->line, "detail", detail,
			       "names no drug (expected like 'Ibuprofen (mg)')");
		return 0;
	}
	drug = ease_xstrndup(detail, nl);
	ok = bear_med_emit(b, drug, unit, amount);
	free(drug);
	free(uspell);
	return ok;
}

/* Whether the '|' list L already holds the name T. */
static int
list_has(const char *l, const char *t)
{
	size_t n = strlen(t);

	for (const char *q = l; *q; q += strcspn(q, "|"), q += *q == '|')
		if (strncmp(q, t, n) == 0 && (q[n] == '|' || q[n] == '\0'))
			return 1;
	return 0;
}

/* Adds technique T to the '|' list *TECH (*TLEN bytes) unless it is there. */
static void
tech_add(char **tech, size_t *tlen, const char *t, size_t n)
{
	char *one = ease_xstrndup(t, n);

	if (n && !list_has(*tech, one)) {
		*tech = ease_xrealloc(*tech, *tlen + n + 2);
		if (*tlen)
			(*tech)[(*tlen)++] = '|';
		memcpy(*tech + *tlen, one, n + 1);
		*tlen += n;
	}
	free(one);
}

/*
 * "Massage | Coffee | Trigger point": the factors of one entry that name
 * massage or techniques are one session, its techniques joined by '|' (one
 * massage that day, not one per word); any other is a factor of value 1.
 * A technique is a known one (also two run together: "Deep Tissue &
 * Swedish"), one in brackets after "Massage", or any name ending in the word
 * massage or therapy ("Sports massage"); "Self-massage" and "Massage gun"
 * are things done alone, factors.  A factor that looks like a slip for a
 * technique ("Tigger point") is warned about, once a file.
 */
static void
bear_factors(bear *b, const char *detail)
{
	const char *p = detail, *item;
	size_t len, tlen = 0;
	char *key = NULL, *name, *tech = ease_xstrdup("");
	size_t cap = 0;
	int massage = 0;

	while (ease_list_next(&p, &item, &len)) {
		int k, k2;

		if (len == 0)
			continue;
		k = ease_tech_known(item, len);
		if (k < 0 && len > 2 && item[len - 1] == ')') {
			/* "Massage (deep tissue)": the technique in brackets */
			const char *o = memchr(item, '(', len);

			if (o && strcmp(ease_tech_key(item, (size_t)(o - item), &key, &cap),
					"massage") == 0)
				k = ease_tech_known(o + 1, (size_t)(item + len - 1 - (o + 1)));
		}
		if (k >= 0) {
			massage = 1;
			tech_add(&tech, &tlen, ease_tech_name(k), strlen(ease_tech_name(k)));
		} else if (ease_tech_pair(item, len, &k, &k2)) {
			massage = 1;
			tech_add(&tech, &tlen, ease_tech_name(k), strlen(ease_tech_name(k)));
			tech_add(&tech, &tlen, ease_tech_name(k2), strlen(ease_tech_name(k2)));
		} else if (strcmp(ease_tech_key(item, len, &key, &cap), "massage") == 0) {
			massage = 1;
		} else if (ease_tech_suffix(item, len)) {
			massage = 1;
			tech_add(&tech, &tlen, item, len);
		} else {
			name = ease_xstrndup(item, len);
			if ((k = ease_tech_slip(item, len)) >= 0 && ease_strset_add(b->slips, name)) {
				char shown[128];

				ease_shown(name, shown, sizeof shown);
				ease_warn("%s:%ld: factor '%s' is kept as a factor, not a massage; "
					  "did you mean the technique '%s'?", b->im->file,
					  b->rec->line, shown, ease_tech_name(k));
			}
			bear_emit(b, "factor", name, 1, "");
			free(name);
		}
	}
	if (massage)
		bear_emit(b, "massage", tech, NAN, "");
	free(tech);
	free(key);
}

/* "9:45" hours; "Asleep 02:45 - 12:30. In bed 01:50 - 12:45." the times. */
static int
bear_sleep(bear *b, long day, const char *amount, const char *detail)
{
	double h = hours_cell(amount);
	long a, z, ia, iz;
	int as = span(detail, "Asleep", &a, &z), ib = span(detail, "In bed", &ia, &iz);
	char s[40], e[40];
	time_t ts, te;
	const char *why;
	int which;

	if (ease_is_missing(amount))
		h = NAN;
	else if (h < 0 || h > 24) {
		ease_bad_value(b->im->file, b->rec->line, "rating/amount", amount,
			       "is not hours of sleep (expected H:MM like 9:45, 0 to 24 h)");
		return 0;
	}
	if (as < 0 || ib < 0) {
		ease_bad_value(b->im->file, b->rec->line, "detail", detail,
			       "has times that do not read (expected like 'Asleep 23:45 - 07:30')");
		return 0;
	}
	if (ib > 0)
		a = ia, z = iz;
	if (as <= 0 && ib <= 0) {
		/* no times: the hours belong to the day, whatever its slot */
		ease_event ev = {"", b->date, "", "sleep", "", h, isnan(h) ? "" : "h", b->note->s};

		ease_imp_emit(b->im, &ev, b->rec->line);
		return 1;
	}
	/* the night ends on the row's date; it began the day before if later */
	if ((why = ease_imp_interval(b->im, NULL, a > z ? day - 1 : day, a, day, z, h * 3600,
				     &ts, &te, &which))) {
		char msg[300];
		long t = which ? z : a;

		/* the detail holds two times: say which one */
		snprintf(msg, sizeof msg, "has the time %02ld:%02ld, which %s", t / 3600,
			 t / 60 % 60, why);
		ease_bad_value(b->im->file, b->rec->line, "detail", detail, msg);
		return 0;
	}
	/* a minute over is rounding; more is a slip ease-daily would refuse later */
	if (!isnan(h) && h * 3600 > difftime(te, ts) + 60) {
		char why[400], hb[40], hc[40];
		/* the detail's times by the clock, which a change of clocks lengthens */
		double clock = (double)(a > z ? z + 86400 - a : z - a);

		snprintf(why, sizeof why, "is more hours asleep than the %s h of the detail, '%s'%s%s%s",
			 ease_fmt_num(difftime(te, ts) / 3600, 4, hb), detail,
			 clock != difftime(te, ts) ? " (the clocks changed that night in the zone the times are read in: " : "",
			 clock != difftime(te, ts) ? ease_fmt_num(clock / 3600, 4, hc) : "",
			 clock != difftime(te, ts) ? " h by the clock; hours kept without a change of clocks: --tz UTC)" : "");
		ease_bad_value(b->im->file, b->rec->line, "rating/amount", amount, why);
		return 0;
	}
	ease_imp_fmt(b->im, NULL, ts, s);
	ease_imp_fmt(b->im, NULL, te, e);
	/* the app's own word: an asleep interval must not read as time in bed */
	ease_event ev = {"", s, e, "sleep", ib > 0 ? "in_bed" : "asleep", h,
			 isnan(h) ? "" : "h", b->note->s};

	ease_imp_emit(b->im, &ev, b->rec->line);
	return 1;
}

/* Entries of other categories with a number, and the first categories' names. */
typedef struct others {
	long n;
	ease_strset *seen;	/* the categories named so far */
	ease_imp_str cats;	/* the first five of them, whole */
	int ncats, more;
} others;

static void
other_add(others *o, const char *cat)
{
	o->n++;
	if (!ease_strset_add(o->seen, cat))
		return;
	if (o->ncats == 5) {
		o->more = 1;
		return;
	}
	ease_imp_str_addf(&o->cats, "%s%s", o->ncats++ ? ", " : "", cat);
}

void
ease_import_bearable(ease_imp *im, ease_reader *r, const ease_rec *h)
{
	/* held where an error's exit still finds it */
	static others oth;
	int cd = ease_imp_need(im, h, "date"), cdf = ease_imp_col(h, "date formatted");
	int ct = ease_imp_need(im, h, "time of day"), cc = ease_imp_need(im, h, "category");
	int ca = ease_imp_need(im, h, "rating/amount"), cdet = ease_imp_need(im, h, "detail");
	int cn = ease_imp_col(h, "notes");
	const ease_rec *rec;
	/* held where an error's exit still finds it */
	static ease_strset *slips;
	static ease_imp_str note;

	slips = ease_strset_new();
	oth = (others){0, ease_strset_new(), {0}, 0, 0};

	while ((rec = ease_imp_next(im, r))) {
		long day, sec, d2;
		const char *cat = rec->f[cc], *amount = rec->f[ca], *detail = rec->f[cdet];
		const char *notes = ease_imp_cell(rec, cn), *why;
		char when[40], date[16];
		bear b = {im, rec, when, date, &note, slips};
		double v;

		if (!ease_imp_width(im, rec, h))
			continue;
		if (!bearable_date(rec->f[cd], &day)) {
			ease_bad_value(im->file, rec->line, "date", rec->f[cd],
				       "is not a date (expected like 22nd Sep 2020)");
			continue;
		}
		if (cdf >= 0 && (ease_parse_date(rec->f[cdf], NULL, &d2) != EASE_V_OK ||
				 d2 != day)) {
			char why[200], iso[16];

			/* the two columns say the day twice: name the other one */
			snprintf(why, sizeof why, "is not the day of the date column, '%s' (expected %s)",
				 rec->f[cd], ease_fmt_date(day, iso));
			ease_bad_value(im->file, rec->line, "date formatted", rec->f[cdf], why);
			continue;
		}
		sec = slot_time(rec->f[ct]);
		if (sec == -2) {
			ease_bad_value(im->file, rec->line, "time of day", rec->f[ct],
				       "is not a time of day (expected pre, am, mid, pm, all "
				       "day, empty, or a clock time like 3:04)");
			continue;
		}
		ease_fmt_date(day, date);
		if (sec < 0) {
			snprintf(when, sizeof when, "%s", date);
		} else {
			time_t t;

			if ((why = ease_imp_local(im, NULL, day, sec, (time_t)-1, &t))) {
				ease_bad_value(im->file, rec->line, "time of day", rec->f[ct], why);
				continue;
			}
			ease_imp_fmt(im, NULL, t, when);
		}
		ease_imp_str_clear(&note);
		ease_imp_str_add(&note, notes, strlen(notes));
		if (strcasecmp(cat, "Symptom") == 0 || strcasecmp(cat, "Symptoms") == 0) {
			bear_symptom(&b, detail, amount, notes);
		} else if (strncasecmp(cat, "Meds", 4) == 0 ||
			   strcasecmp(cat, "Medication") == 0) {
			bear_med(&b, detail, amount);
		} else if (strcasecmp(cat, "Factors") == 0) {
			bear_factors(&b, detail);
		} else if (strcasecmp(cat, "Sleep") == 0) {
			if (*detail) {
				ease_imp_str_clear(&note);
				ease_imp_str_addf(&note, "%s%s%s", detail, *notes ? "; " : "", notes);
			}
			bear_sleep(&b, day, amount, detail);
		} else {
			/* a rating: mood, energy, sleep quality, or another category */
			int st = ease_parse_num(amount, 0, &v);
			int mood = strcasecmp(cat, "Mood") == 0;
			int quality = strcasecmp(cat, "Sleep quality") == 0;
			int energy = strcasecmp(cat, "Energy") == 0;
			/* sleep quality and energy are rated 1-5, mood 0-10 */
			double lo = quality || energy ? 1 : 0, hi = quality || energy ? 5 : 10;

			/* a rating that does not read is an error, not a day without it */
			if (st == EASE_V_BAD && (mood || quality || energy)) {
				ease_bad_value(im->file, rec->line, "rating/amount", amount,
					       mood ? "is not a rating (expected 0 to 10)"
						    : "is not a rating (expected 1 to 5)");
				continue;
			}
			if (st == EASE_V_OK && (mood || quality || energy) && (v < lo || v > hi)) {
				ease_bad_value(im->file, rec->line, "rating/amount", amount,
					       quality ? "is outside 1..5 (a sleep quality)"
					       : mood ? "is outside 0..10 (a mood)"
						      : "is outside 1..5 (an energy rating)");
				continue;
			}
			if (st != EASE_V_OK)
				v = NAN;
			if (mood) {
				if (!isnan(v))
					bear_emit(&b, "mood", "", v, "");
			} else if (quality || energy) {
				/* onto the day table's 0-10 scale of every rating, as written in the note */
				if (!isnan(v)) {
					ease_imp_str_clear(&note);
					ease_imp_str_addf(&note, "%s of 5%s%s", amount,
							  *notes ? "; " : "", notes);
					if (quality)
						bear_emit(&b, "sleep_quality", "", v * 2, "");
					else
						bear_emit(&b, "factor", "energy", v * 2, "rating");
				}
			} else {
				char *name = ease_imp_slug_dup(cat, strlen(cat));

				ease_imp_str_clear(&note);
				ease_imp_str_addf(&note, "%s%s%s", detail,
						  *detail && *notes ? ": " : "", notes);
				bear_emit(&b, "note", name, v, "");
				free(name);
				if (!isnan(v))
					other_add(&oth, cat);
			}
		}
	}
	/* numbers nobody reads further on: said, not lost without a word */
	if (oth.n)
		ease_warn("%s: %ld entr%s with a number in categories ease-daily does not read "
			  "(%s%s) %s written as note events, which ease-daily leaves out",
			  im->file, oth.n, oth.n == 1 ? "y" : "ies", oth.cats.s,
			  oth.more ? ", ..." : "", oth.n == 1 ? "is" : "are");
	ease_strset_free(slips);
	slips = NULL;
	free(note.s);
	note = (ease_imp_str){0};
	ease_strset_free(oth.seen);
	free(oth.cats.s);
	oth = (others){0};
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/datehint.h"
#include "ease/value.h"

#include <stdio.h>
#include <string.h>

void
ease_datehint_init(ease_datehint *h)
{
	memset(h, 0, sizeof *h);
}

/* Digits at *S (at most 4), their count in *LEN; advances *S. */
static long
number(const char **s, int *len)
{
	long v = 0;

	*len = 0;
	while (**s >= '0' && **s <= '9' && *len < 5) {
		v = v * 10 + (**s - '0');
		(*s)++;
		(*len)++;
	}
	return v;
}

/*
 * The time of day after a date, as spreadsheets write it: " 9:15", " 21:15:30",
 * " 9:15 PM".  Its kind (see ease_datehint.time), or -1 for anything else.
 */
static int
time_kind(const char *p)
{
	int len, secs = 0;

	if (*p == '\0')
		return 0;
	if (*p++ != ' ')
		return -1;
	if (number(&p, &len) > 23 || len == 0 || len > 2 || *p++ != ':' ||
	    number(&p, &len) > 59 || len != 2)
		return -1;
	if (*p == ':') {
		p++;
		if (number(&p, &len) > 60 || len != 2)
			return -1;
		secs = 1;
	}
	if (*p == '\0')
		return secs ? 'S' : 'H';
	if (*p == ' ')
		p++;
	if ((p[0] == 'A' || p[0] == 'a' || p[0] == 'P' || p[0] == 'p') &&
	    (p[1] == 'M' || p[1] == 'm') && p[2] == '\0')
		return secs ? 'q' : 'p';
	return -1;
}

int
ease_datehint_add(ease_datehint *h, const char *cell, long line)
{
	const char *p = cell;
	long a, b, c;
	int la, lb, lc, year_first, ylen, time;
	char sep;

	a = number(&p, &la);
	sep = *p;
	if (la == 0 || (sep != '/' && sep != '.' && sep != '-'))
		return 0;
	p++;
	b = number(&p, &lb);
	if (lb == 0 || lb > 2 || *p != sep)
		return 0;
	p++;
	c = number(&p, &lc);
	if (lc == 0 || (time = time_kind(p)) < 0)
		return 0;
	if (la == 4 && lc <= 2) {
		year_first = 1;
		ylen = 4;
	} else if (la <= 2 && (lc == 2 || lc == 4)) {
		year_first = 0;
		ylen = lc;
	} else {
		return 0;
	}
	if (!h->have) {
		h->have = 1;
		h->sep = sep;
		h->year_first = year_first;
		h->ylen = ylen;
		h->time = time;
		snprintf(h->first, sizeof h->first, "%s", cell);
		h->first_line = line;
	} else if (sep != h->sep || year_first != h->year_first || ylen != h->ylen ||
		   time != h->time) {
		return 0;	/* another shape: the format that fits the first will say so */
	}
	h->n++;
	if (!year_first)
		ease_datehint_note(h, a, b, cell, line);
	(void)c;
	return 1;
}

void
ease_datehint_note(ease_datehint *h, long a, long b, const char *cell, long line)
{
	if (a > 12 && h->day1_line == 0) {
		snprintf(h->day1, sizeof h->day1, "%s", cell);
		h->day1_line = line;
	}
	if (b > 12 && h->day2_line == 0) {
		snprintf(h->day2, sizeof h->day2, "%s", cell);
		h->day2_line = line;
	}
}

/* "%d/%m/%Y" and "DD/MM/YYYY" for the order: 'd' day first, 'm' month first, 'y' year first. */
static void
pattern(const ease_datehint *h, int order, char *fmt, char *shown)
{
	char y = h->ylen == 2 ? 'y' : 'Y';
	const char *yy = h->ylen == 2 ? "YY" : "YYYY";
	char s = h->sep;

	if (order == 'y') {
		sprintf(fmt, "%%Y%c%%m%c%%d", s, s);
		sprintf(shown, "YYYY%cMM%cDD", s, s);
	} else if (order == 'd') {
		sprintf(fmt, "%%d%c%%m%c%%%c", s, s, y);
		sprintf(shown, "DD%cMM%c%s", s, s, yy);
	} else {
		sprintf(fmt, "%%m%c%%d%c%%%c", s, s, y);
		sprintf(shown, "MM%cDD%c%s", s, s, yy);
	}
	switch (h->time) {
	case 'H': strcat(fmt, " %H:%M"); strcat(shown, " HH:MM"); break;
	case 'S': strcat(fmt, " %H:%M:%S"); strcat(shown, " HH:MM:SS"); break;
	case 'p': strcat(fmt, " %I:%M %p"); strcat(shown, " HH:MM AM"); break;
	case 'q': strcat(fmt, " %I:%M:%S %p"); strcat(shown, " HH:MM:SS AM"); break;
	}
}

/* FMT as typed in a shell: quoted when it holds the space before a time. */
static const char *
typed(const char *fmt, char *buf)
{
	if (strchr(fmt, ' ') == NULL)
		return fmt;
	sprintf(buf, "'%s'", fmt);
	return buf;
}

int
ease_datehint_order(const ease_datehint *h)
{
	if (h->year_first)
		return 'y';
	if (h->day1_line && h->day2_line)
		return '!';
	if (h->day1_line)
		return 'd';
	if (h->day2_line)
		return 'm';
	return 0;
}

/* What the first date becomes under FMT. */
static const char *
becomes(const ease_datehint *h, const char *fmt, char *buf)
{
	long day;

	if (ease_parse_date(h->first, fmt, &day) != EASE_V_OK)
		return "nothing";
	return ease_fmt_date(day, buf);
}

const char *
ease_datehint_say(const ease_datehint *h, char *buf, size_t n)
{
	char f1[EASE_DATEHINT_FMT], s1[32], f2[EASE_DATEHINT_FMT], s2[32], d1[16], d2[16];
	char q1[EASE_DATEHINT_FMT + 2], q2[EASE_DATEHINT_FMT + 2];
	int order;

	if (!h->have)
		return NULL;
	order = ease_datehint_order(h);
	switch (order) {
	case 'y':
		pattern(h, 'y', f1, s1);
		snprintf(buf, n, "the dates read as %s: try --date-format %s", s1, typed(f1, q1));
		break;
	case 'd':
	case 'm':
		pattern(h, order, f1, s1);
		snprintf(buf, n, "the dates read as %s (line %ld: '%s'): try --date-format %s",
			 s1, order == 'd' ? h->day1_line : h->day2_line,
			 order == 'd' ? h->day1 : h->day2, typed(f1, q1));
		break;
	case '!':
		pattern(h, 'd', f1, s1);
		pattern(h, 'm', f2, s2);
		snprintf(buf, n, "no one date order reads every date (line %ld: '%s' is %s, "
			 "line %ld: '%s' is %s): mend the dates first",
			 h->day1_line, h->day1, s1, h->day2_line, h->day2, s2);
		break;
	default:
		pattern(h, 'd', f1, s1);
		pattern(h, 'm', f2, s2);
		snprintf(buf, n, "the dates could be %s or %s (no day number is above 12): "
			 "--date-format %s reads line %ld as %s, --date-format %s as %s",
			 s1, s2, typed(f1, q1), h->first_line, becomes(h, f1, d1), typed(f2, q2),
			 becomes(h, f2, d2));
	}
	return buf;
}

const char *
ease_datehint_format(const ease_datehint *h, char *buf)
{
	char shown[32];
	int order;

	if (!h->have || (order = ease_datehint_order(h)) == 0 || order == '!')
		return NULL;
	pattern(h, order, buf, shown);
	return buf;
}

const char *
ease_datehint_short(const ease_datehint *h, char *buf, size_t n)
{
	char f1[EASE_DATEHINT_FMT], s1[32], f2[EASE_DATEHINT_FMT], s2[32];
	char q1[EASE_DATEHINT_FMT + 2], q2[EASE_DATEHINT_FMT + 2];
	int order;

	if (!h->have)
		return NULL;
	order = ease_datehint_order(h);
	if (order == '!')
		return NULL;
	if (order) {
		pattern(h, order, f1, s1);
		snprintf(buf, n, "for %s use --date-format %s", s1, typed(f1, q1));
	} else {
		pattern(h, 'd', f1, s1);
		pattern(h, 'm', f2, s2);
		snprintf(buf, n, "%s or %s: --date-format %s or %s", s1, s2, typed(f1, q1),
			 typed(f2, q2));
	}
	return buf;
}

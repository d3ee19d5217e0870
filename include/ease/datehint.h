/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Which --date-format reads a column of dates written another way than
 * YYYY-MM-DD, judged from all of its dates: 01/03/2026 alone can be the 1st of
 * March or the 3rd of January, and only a day number above 12 somewhere in
 * the column settles the order.
 */
#ifndef EASE_DATEHINT_H
#define EASE_DATEHINT_H

#include <stddef.h>

/* Room for a --date-format the hint names, such as "%m/%d/%Y %I:%M:%S %p". */
#define EASE_DATEHINT_FMT 32

typedef struct ease_datehint {
	int have;		/* a date of a known shape was seen */
	char sep;		/* '/', '.' or '-' */
	int year_first;		/* YYYY/MM/DD */
	int ylen;		/* digits of the year: 2 or 4 */
	int time;		/* after the date: 0 none, 'H' H:MM, 'S' H:MM:SS,
				   'p' H:MM AM, 'q' H:MM:SS AM */
	long n;			/* dates of that shape */
	char first[32];		/* the first of them, and its line */
	long first_line;
	/* the first date whose first / second number is above 12 (line 0: none) */
	char day1[32], day2[32];
	long day1_line, day2_line;
} ease_datehint;

void ease_datehint_init(ease_datehint *h);
/*
 * Counts CELL (from LINE) when it is D?M?Y, M?D?Y or Y?M?D with ? one of / . -
 * (and maybe a time, H:MM or H:MM:SS, with AM or PM or not) and returns 1; 0
 * for another shape.
 */
int ease_datehint_add(ease_datehint *h, const char *cell, long line);
/*
 * Counts what a date of day and month in either order tells of the order: its
 * first two numbers A and B (CELL, at LINE); a number above 12 is a day.
 * ease_datehint_add calls it; a reader that splits dates of its own (with
 * blanks after the dots: "27. 11. 2020") calls it directly.
 */
void ease_datehint_note(ease_datehint *h, long a, long b, const char *cell, long line);
/*
 * The one order every date counted allows: 'd' day first, 'm' month first,
 * 'y' year first; 0 while open; '!' when no one order reads them all.
 */
int ease_datehint_order(const ease_datehint *h);
/*
 * What to do, in one sentence for the end of a run ("the dates read as
 * DD/MM/YYYY (line 14: '13/03/2026'): try --date-format %d/%m/%Y"), or NULL
 * when no date of a known shape was seen.
 */
const char *ease_datehint_say(const ease_datehint *h, char *buf, size_t n);
/* The one --date-format that reads them (BUF: EASE_DATEHINT_FMT bytes), or NULL when open. */
const char *ease_datehint_format(const ease_datehint *h, char *buf);
/*
 * The same, short, for the message about one cell: "for DD/MM/YYYY use
 * --date-format %d/%m/%Y", or "DD/MM/YYYY or MM/DD/YYYY: --date-format
 * %d/%m/%Y or %m/%d/%Y" when the order is open; NULL for another shape.
 */
const char *ease_datehint_short(const ease_datehint *h, char *buf, size_t n);

#endif

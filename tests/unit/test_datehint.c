/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The --date-format hint, judged from every date of a column. */
#include "ease/datehint.h"
#include "tap.h"

static const char *
say(const char *const *cells, char *buf, size_t n)
{
	ease_datehint h;
	long line = 2;

	ease_datehint_init(&h);
	for (; *cells; cells++)
		ease_datehint_add(&h, *cells, line++);
	return ease_datehint_say(&h, buf, n);
}

static const char *
one(const char *cell, char *buf, size_t n)
{
	ease_datehint h;

	ease_datehint_init(&h);
	ease_datehint_add(&h, cell, 2);
	return ease_datehint_short(&h, buf, n);
}

int
main(void)
{
	char buf[512];
	static const char *const british[] = {"01/03/2026", "02/03/2026", "03/03/2026", NULL};
	static const char *const british13[] = {"12/03/2026", "13/03/2026", NULL};
	static const char *const american13[] = {"03/12/2026", "03/13/2026", NULL};
	static const char *const both[] = {"13/03/2026", "03/13/2026", NULL};
	static const char *const dots[] = {"01.03.26", "02.03.26", NULL};
	static const char *const dots13[] = {"01.03.26", "31.03.26", NULL};
	static const char *const dashes[] = {"1-3-2026", "2-3-2026", NULL};
	static const char *const yfirst[] = {"2026/03/01", "2026/03/02", NULL};
	static const char *const other[] = {"March 1, 2026", "2026-3-1x", NULL};
	static const char *const mixed[] = {"01/03/2026", "13.03.2026", "02/03/2026", NULL};
	static const char *const ampm[] = {"3/1/2026 9:15 PM", "3/13/2026 11:00 am", NULL};
	static const char *const clock[] = {"13.03.2026 14:05:09", "14.03.2026 8:00:00", NULL};
	static const char *const halftime[] = {"13.03.2026 14:05", "14.03.2026", NULL};

	is_str(say(british, buf, sizeof buf),
	       "the dates could be DD/MM/YYYY or MM/DD/YYYY (no day number is above 12): "
	       "--date-format %d/%m/%Y reads line 2 as 2026-03-01, --date-format %m/%d/%Y as 2026-01-03",
	       "every day <= 12: open, both shown with line 2");
	is_str(say(british13, buf, sizeof buf),
	       "the dates read as DD/MM/YYYY (line 3: '13/03/2026'): try --date-format %d/%m/%Y",
	       "a first number above 12: day first");
	is_str(say(american13, buf, sizeof buf),
	       "the dates read as MM/DD/YYYY (line 3: '03/13/2026'): try --date-format %m/%d/%Y",
	       "a second number above 12: month first");
	is_str(say(both, buf, sizeof buf),
	       "no one date order reads every date (line 2: '13/03/2026' is DD/MM/YYYY, "
	       "line 3: '03/13/2026' is MM/DD/YYYY): mend the dates first",
	       "both orders in one column");
	is_str(say(dots, buf, sizeof buf),
	       "the dates could be DD.MM.YY or MM.DD.YY (no day number is above 12): "
	       "--date-format %d.%m.%y reads line 2 as 2026-03-01, --date-format %m.%d.%y as 2026-01-03",
	       "dots, two-digit years");
	is_str(say(dots13, buf, sizeof buf),
	       "the dates read as DD.MM.YY (line 3: '31.03.26'): try --date-format %d.%m.%y",
	       "dots, certain");
	is_str(say(dashes, buf, sizeof buf),
	       "the dates could be DD-MM-YYYY or MM-DD-YYYY (no day number is above 12): "
	       "--date-format %d-%m-%Y reads line 2 as 2026-03-01, --date-format %m-%d-%Y as 2026-01-03",
	       "dashes, one digit");
	is_str(say(yfirst, buf, sizeof buf),
	       "the dates read as YYYY/MM/DD: try --date-format %Y/%m/%d", "year first");
	is_str(say(other, buf, sizeof buf), NULL, "no known shape: no hint");
	is_str(say(mixed, buf, sizeof buf),
	       "the dates could be DD/MM/YYYY or MM/DD/YYYY (no day number is above 12): "
	       "--date-format %d/%m/%Y reads line 2 as 2026-03-01, --date-format %m/%d/%Y as 2026-01-03",
	       "another shape does not count for the first");
	is_str(one("01/03/2026", buf, sizeof buf),
	       "DD/MM/YYYY or MM/DD/YYYY: --date-format %d/%m/%Y or %m/%d/%Y", "one cell, open");
	is_str(one("31.03.2026", buf, sizeof buf),
	       "for DD.MM.YYYY use --date-format %d.%m.%Y", "one cell, certain");
	is_str(one("1.3.2026x", buf, sizeof buf), NULL, "one cell, no shape");
	is_str(say(ampm, buf, sizeof buf),
	       "the dates read as MM/DD/YYYY HH:MM AM (line 3: '3/13/2026 11:00 am'): "
	       "try --date-format '%m/%d/%Y %I:%M %p'", "US dates with AM/PM times");
	is_str(say(clock, buf, sizeof buf),
	       "the dates read as DD.MM.YYYY HH:MM:SS (line 2: '13.03.2026 14:05:09'): "
	       "try --date-format '%d.%m.%Y %H:%M:%S'", "24-hour times with seconds");
	is_str(say(halftime, buf, sizeof buf),
	       "the dates read as DD.MM.YYYY HH:MM (line 2: '13.03.2026 14:05'): "
	       "try --date-format '%d.%m.%Y %H:%M'", "a date without the time is another shape");
	is_str(one("3/1/2026 9:15 PM", buf, sizeof buf),
	       "DD/MM/YYYY HH:MM AM or MM/DD/YYYY HH:MM AM: "
	       "--date-format '%d/%m/%Y %I:%M %p' or '%m/%d/%Y %I:%M %p'", "one cell with a time");
	is_str(one("3/1/2026 25:15", buf, sizeof buf), NULL, "no hour 25");
	is_str(one("3/1/2026 9:15 XM", buf, sizeof buf), NULL, "no XM");
	/* the order alone, from numbers a reader split itself ("27. 11. 2020") */
	{
		ease_datehint h;

		ease_datehint_init(&h);
		ease_datehint_note(&h, 3, 11, "3. 11. 2020", 2);
		is_long(ease_datehint_order(&h), 0, "order: open while no number is above 12");
		ease_datehint_note(&h, 27, 11, "27. 11. 2020", 3);
		is_long(ease_datehint_order(&h), 'd', "order: 27 first is the day");
		is_long(h.day1_line, 3, "order: the line that settled it");
		ease_datehint_note(&h, 4, 13, "4. 13. 2020", 4);
		is_long(ease_datehint_order(&h), '!', "order: 13 second too: no one order");
	}
	return tap_done();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The day-table reader: dates in order (through its same-month shortcut), groups, values. */
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/value.h"
#include "tap.h"

#include <stdlib.h>
#include <unistd.h>

static char path[64];

static void
write_file(const char *text)
{
	FILE *fp;

	strcpy(path, "/tmp/ease-day-XXXXXX");
	close(mkstemp(path));
	fp = fopen(path, "wb");
	fputs(text, fp);
	fclose(fp);
}

static ease_dayreader *
open_day(ease_common *c)
{
	static char *files[1];

	memset(c, 0, sizeof *c);
	c->digits = 6;
	files[0] = path;
	c->files = files;
	c->nfiles = 1;
	return ease_day_open(c);
}

/* Every day across month ends, a leap day and a year end. */
static void
calendar(void)
{
	char *text = malloc(40 * 800), *p = text;
	long first = ease_days_from_civil(2027, 12, 20), n = 0, good = 1;
	ease_common c;
	ease_dayreader *r;
	const ease_dayrow *row;
	char d[16];

	p += sprintf(p, "date,pain\n");
	for (long z = first; z < first + 500; z++)
		p += sprintf(p, "%s,%ld\n", ease_fmt_date(z, d), z % 11);
	write_file(text);
	r = open_day(&c);
	while ((row = ease_day_next(r)) != NULL) {
		if (row->day != first + n)
			good = 0;
		n++;
	}
	ok(good && n == 500, "500 days from 2027-12-20, through 2028-02-29, in order");
	ease_day_close(r);
	unlink(path);
	free(text);
}

static void
bad_days_after_good_ones(void)
{
	ease_common c;
	ease_dayreader *r;
	const ease_dayrow *row;
	long days[8];
	int n = 0;

	write_file("date,pain\n2026-02-27,1\n2026-02-28,2\n2026-02-29,3\n"
		   "2026-02-30,3\n2026-02-3x,3\n2026-03-01,4\n2026-03-00,5\n2026-03-02,6\n");
	ease_set_skip_bad(1);
	r = open_day(&c);
	c.skip_bad = 1;
	while ((row = ease_day_next(r)) != NULL && n < 8)
		days[n++] = row->day;
	is_long(n, 4, "four good rows");
	ok(n == 4 && days[2] == ease_days_from_civil(2026, 3, 1) &&
	   days[3] == ease_days_from_civil(2026, 3, 2), "the days after the bad ones");
	is_long(ease_skipped_rows(), 4, "02-29, 02-30, 02-3x and 03-00 skipped");
	ease_day_close(r);
	ease_set_skip_bad(0);
	unlink(path);
}

static void
groups_and_values(void)
{
	ease_common c;
	ease_dayreader *r;
	const ease_dayrow *row;
	int starts = 0, slot, n = 0, nan_seen = 0;
	double sum = 0;

	write_file("date,subject,pain\n2026-01-01,a,1\n2026-01-02,a,NA\n"
		   "2026-01-01,b,2.5\n2026-01-03,b,\n2026-01-04,b,4\n");
	r = open_day(&c);
	slot = ease_day_want(r, 2);
	while ((row = ease_day_next(r)) != NULL) {
		starts += row->group_start;
		if (isnan(row->v[slot]))
			nan_seen++;
		else
			sum += row->v[slot];
		n++;
	}
	is_long(n, 5, "five rows");
	is_long(starts, 2, "two groups start");
	is_long(nan_seen, 2, "NA and empty are missing");
	is_num(sum, 7.5, 1e-15, "values");
	ease_day_close(r);
	unlink(path);
}

/* Found by fuzzing: --skip-bad dropping the first row of a table or a group. */
static void
first_rows_skipped(void)
{
	ease_common c;
	ease_dayreader *r;
	const ease_dayrow *row;
	int n = 0, starts = 0;
	long skipped = ease_skipped_rows();

	write_file("date,pain\n2026-01-01,x\n2026-01-02,3\n2026-01-03,4\n");
	ease_set_skip_bad(1);
	r = open_day(&c);
	ease_day_want(r, 1);
	while ((row = ease_day_next(r)) != NULL) {
		n++;
		starts += row->group_start;
	}
	ok(n == 2 && starts == 1, "a bad first row: the rest read, one start");
	ease_day_close(r);
	unlink(path);

	/* b's first row is bad; its next one is dated before a's last */
	write_file("date,subject,pain\n2026-01-05,a,1\n2026-01-06,a,2\n"
		   "2026-01-01,b,99\n2026-01-02,b,3\n2026-01-03,b,4\n");
	r = open_day(&c);
	ease_day_want(r, 2);
	n = starts = 0;
	while ((row = ease_day_next(r)) != NULL) {
		n++;
		starts += row->group_start;
	}
	ok(n == 4 && starts == 2, "a group whose first row is bad keeps its own date order");
	is_long(ease_skipped_rows() - skipped, 2, "only the two bad rows skipped");
	ease_day_close(r);
	ease_set_skip_bad(0);
	unlink(path);
}

int
main(void)
{
	calendar();
	bad_days_after_good_ones();
	groups_and_values();
	first_rows_skipped();
	return tap_done();
}

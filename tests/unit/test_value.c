/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Values: numbers, missing markers, dates, times, formatting. */
#include "ease/value.h"
#include "tap.h"

#include <locale.h>
#include <string.h>

static void
numbers(void)
{
	double v = 0;

	ok(ease_parse_num("7.5", 0, &v) == EASE_V_OK && v == 7.5, "7.5");
	ok(ease_parse_num(" -3 ", 0, &v) == EASE_V_OK && v == -3, "blanks and sign");
	ok(ease_parse_num("+.5", 0, &v) == EASE_V_OK && v == 0.5, "+.5");
	ok(ease_parse_num("1e3", 0, &v) == EASE_V_OK && v == 1000, "exponent");
	ok(ease_parse_num("2.5E-1", 0, &v) == EASE_V_OK && v == 0.25, "negative exponent");
	ok(ease_parse_num("7,5", 1, &v) == EASE_V_OK && v == 7.5, "decimal comma");
	ok(ease_parse_num("7,5", 0, &v) == EASE_V_BAD, "7,5 without --decimal-comma");
	ok(ease_parse_num("7.5", 1, &v) == EASE_V_BAD, "7.5 with --decimal-comma");
	ok(ease_parse_num("abc", 0, &v) == EASE_V_BAD, "abc");
	ok(ease_parse_num("1e", 0, &v) == EASE_V_BAD, "1e");
	ok(ease_parse_num("1.2.3", 0, &v) == EASE_V_BAD, "1.2.3");
	ok(ease_parse_num("inf", 0, &v) == EASE_V_BAD, "inf is no number");
	ok(ease_parse_num("1e999", 0, &v) == EASE_V_BAD, "overflow");
	ok(ease_parse_num("0x10", 0, &v) == EASE_V_BAD, "hex");
	ok(ease_parse_num("5 mg", 0, &v) == EASE_V_BAD, "trailing unit");
	ok(ease_parse_num("0.1", 0, &v) == EASE_V_OK && v == 0.1, "0.1 correctly rounded");
	ok(ease_parse_num("", 0, &v) == EASE_V_MISSING, "empty is missing");
	ok(ease_parse_num("NA", 0, &v) == EASE_V_MISSING, "NA");
	ok(ease_parse_num("n/a", 0, &v) == EASE_V_MISSING, "n/a");
	ok(ease_parse_num("NaN", 0, &v) == EASE_V_MISSING, "NaN");
	ok(ease_parse_num(" - ", 0, &v) == EASE_V_MISSING, "-");
	ok(ease_parse_num("--", 0, &v) == EASE_V_BAD, "-- is bad");
	ok(!ease_is_missing("0"), "0 is not missing");
}

/* Issue 8, item 14: 1e-400 was read as 0. */
static void
number_range(void)
{
	double v = 0;

	ok(ease_parse_num("1e-400", 0, &v) == EASE_V_BAD, "1e-400 underflows: bad");
	ok(ease_parse_num("-1e-400", 0, &v) == EASE_V_BAD, "-1e-400 underflows: bad");
	ok(ease_parse_num("1e-310", 0, &v) == EASE_V_BAD, "1e-310 is subnormal: bad");
	ok(ease_parse_num("2.2250738585072014e-308", 0, &v) == EASE_V_OK,
	   "the smallest normal double is fine");
	ok(ease_parse_num("0e-400", 0, &v) == EASE_V_OK && v == 0, "0e-400 is 0");
	ok(ease_parse_num("0,0e-999", 1, &v) == EASE_V_OK && v == 0, "0,0e-999 is 0");
	ok(ease_parse_num("1e-300", 0, &v) == EASE_V_OK && v == 1e-300, "1e-300 is fine");
	ok(strstr(ease_num_why("1e-400", 0), "too small") != NULL, "underflow is said");
	ok(strstr(ease_num_why("1e400", 0), "too large") != NULL, "overflow is said");
	ok(ease_num_why("abc", 0) == NULL, "abc: nothing more to say");
}

/* Issue 8, item 8: with --decimal-comma a '.' groups thousands. */
static void
thousands(void)
{
	double v = 0;
	char buf[64];

	ok(ease_parse_num("1.200", 1, &v) == EASE_V_OK && v == 1200, "1.200 is 1200");
	ok(ease_parse_num("1.200.300", 1, &v) == EASE_V_OK && v == 1200300, "1.200.300");
	ok(ease_parse_num("1.200,5", 1, &v) == EASE_V_OK && v == 1200.5, "1.200,5");
	ok(ease_parse_num("-12.000,25", 1, &v) == EASE_V_OK && v == -12000.25, "-12.000,25");
	ok(ease_parse_num(" 999.999 ", 1, &v) == EASE_V_OK && v == 999999, "blanks around");
	ok(ease_parse_num("1.2", 1, &v) == EASE_V_BAD, "1.2 is no thousands group");
	ok(ease_parse_num("1.20", 1, &v) == EASE_V_BAD, "1.20");
	ok(ease_parse_num("1.2000", 1, &v) == EASE_V_BAD, "1.2000");
	ok(ease_parse_num("1234.567", 1, &v) == EASE_V_BAD, "a first group of four");
	ok(ease_parse_num("0.500", 1, &v) == EASE_V_BAD, "0.500 is a decimal, not 500");
	ok(ease_parse_num("1.200.", 1, &v) == EASE_V_BAD, "1.200.");
	ok(ease_parse_num("1.200,5.000", 1, &v) == EASE_V_BAD, "a dot after the comma");
	ok(ease_parse_num(".5", 1, &v) == EASE_V_BAD, ".5");
	ok(ease_parse_num("1.200", 0, &v) == EASE_V_OK && v == 1.2, "without the option 1.200 is 1.2");
	ok(strstr(ease_num_why("1.2", 1), "groups thousands") != NULL, "the hint names the rule");
	ok(strstr(ease_num_why("12.5", 1), "groups thousands") != NULL, "12.5: the hint");
	is_str(ease_num_canon("1.200,5", 1, buf, sizeof buf), "1200.5", "canonical 1.200,5");
	is_str(ease_num_canon(" 7,25 ", 1, buf, sizeof buf), "7.25", "canonical 7,25");
	is_str(ease_num_canon("1.200.300", 1, buf, sizeof buf), "1200300", "canonical 1.200.300");
	ok(ease_num_canon("1.2", 1, buf, sizeof buf) == NULL, "no canonical form of 1.2");
}

/* Issue 9: 01.03.26 by %d.%m.%Y was the year 26. */
static void
years(void)
{
	long d = 0;

	ok(ease_parse_date("01.03.26", "%d.%m.%Y", &d) == EASE_V_BADYEAR, "year 26 by %Y");
	ok(ease_parse_date("01.03.1899", "%d.%m.%Y", &d) == EASE_V_BADYEAR, "1899");
	ok(ease_parse_date("01.03.2201", "%d.%m.%Y", &d) == EASE_V_BADYEAR, "2201");
	ok(ease_parse_date("01.03.1900", "%d.%m.%Y", &d) == EASE_V_OK, "1900");
	ok(ease_parse_date("31.12.2200", "%d.%m.%Y", &d) == EASE_V_OK, "2200");
	ok(ease_parse_date("01.03.26", "%d.%m.%y", &d) == EASE_V_OK &&
	   d == ease_days_from_civil(2026, 3, 1), "%y reads 26 as 2026");
	ok(ease_parse_date("0026-03-01", "%F", &d) == EASE_V_BADYEAR, "%F is %Y too");
	ok(ease_parse_date("0026-03-01", NULL, &d) == EASE_V_OK, "ISO as written: no limit");
}

static void
dates(void)
{
	long d = 0, sec = 0;
	char buf[16];

	ok(ease_parse_date("1970-01-01", NULL, &d) == EASE_V_OK && d == 0, "epoch");
	ok(ease_parse_date("2026-11-24", NULL, &d) == EASE_V_OK && d == 20781, "2026-11-24 (Python: (date(2026,11,24)-date(1970,1,1)).days)");
	is_str(ease_fmt_date(20781, buf), "2026-11-24", "format back");
	ok(ease_parse_date("2026-02-30", NULL, &d) == EASE_V_BADCAL, "2026-02-30 invalid");
	ok(ease_parse_date("2026-02-29", NULL, &d) == EASE_V_BADCAL, "2026-02-29 invalid");
	ok(ease_parse_date("2028-02-29", NULL, &d) == EASE_V_OK, "2028-02-29 leap");
	ok(ease_parse_date("2000-02-29", NULL, &d) == EASE_V_OK, "2000 leap");
	ok(ease_parse_date("1900-02-29", NULL, &d) == EASE_V_BADCAL, "1900 not leap");
	ok(ease_parse_date("2026-13-01", NULL, &d) == EASE_V_BADCAL, "month 13");
	ok(ease_parse_date("2026-1-5", NULL, &d) == EASE_V_BAD, "short fields");
	ok(ease_parse_date("2026-01-05x", NULL, &d) == EASE_V_BAD, "trailing text");
	ok(ease_parse_date("05.01.2026", "%d.%m.%Y", &d) == EASE_V_OK &&
	   d == ease_days_from_civil(2026, 1, 5), "%d.%m.%Y");
	ok(ease_parse_date("01/31/2026", "%m/%d/%Y", &d) == EASE_V_OK &&
	   d == ease_days_from_civil(2026, 1, 31), "%m/%d/%Y");
	ok(ease_parse_date("30.02.2026", "%d.%m.%Y", &d) == EASE_V_BADCAL, "30.02. invalid");
	ok(ease_parse_date("05.01.2026 x", "%d.%m.%Y", &d) == EASE_V_BAD, "format must consume all");
	ok(ease_parse_date("", NULL, &d) == EASE_V_MISSING, "empty date");
	ok(ease_parse_time("23:15", &sec) == EASE_V_OK && sec == 83700, "23:15");
	ok(ease_parse_time("07:05:30", &sec) == EASE_V_OK && sec == 25530, "07:05:30");
	ok(ease_parse_time("25:00", &sec) == EASE_V_BADCAL, "25:00");
	ok(ease_parse_time("7:05", &sec) == EASE_V_OK && sec == 25500, "7:05 is 07:05");
	ok(ease_parse_time("7:5", &sec) == EASE_V_BAD, "7:5");
	ok(ease_parse_time("11:00pm", &sec) == EASE_V_OK && sec == 82800, "11:00pm");
	ok(ease_parse_time("12:30 AM", &sec) == EASE_V_OK && sec == 1800, "12:30 AM");
	ok(ease_parse_time("12:30pm", &sec) == EASE_V_OK && sec == 45000, "12:30pm");
	ok(ease_parse_time("6:30am", &sec) == EASE_V_OK && sec == 23400, "6:30am");
	ok(ease_parse_time("13:00pm", &sec) == EASE_V_BADCAL, "13:00pm");
	ok(ease_parse_time("0:30am", &sec) == EASE_V_BADCAL, "0:30am");
	ok(ease_parse_time("11:00 pmx", &sec) == EASE_V_BAD, "11:00 pmx");
	/* every day of four centuries survives the round trip */
	int all = 1;
	for (long z = ease_days_from_civil(1800, 1, 1); z < ease_days_from_civil(2200, 1, 1); z++) {
		long y; int m, dd;
		ease_civil_from_days(z, &y, &m, &dd);
		if (!ease_valid_civil(y, m, dd) || ease_days_from_civil(y, m, dd) != z)
			all = 0;
	}
	ok(all, "civil round trip 1800..2200");
}

static void
datetimes(void)
{
	ease_datetime a, b;

	ok(ease_parse_datetime("2026-03-01T23:30", NULL, &a) == EASE_V_OK &&
	   a.day == ease_days_from_civil(2026, 3, 1) && a.sec == 84600 && !a.has_offset,
	   "local date-time");
	ok(ease_parse_datetime("2026-03-02 07:15:00+01:00", NULL, &b) == EASE_V_OK &&
	   b.has_offset && b.offset_min == 60, "offset");
	ok(ease_parse_datetime("2026-03-02T06:15:00Z", NULL, &b) == EASE_V_OK &&
	   b.has_offset && b.offset_min == 0, "Z");
	ok(ease_parse_datetime("2026-03-02T06:15:00.250-0530", NULL, &b) == EASE_V_OK &&
	   b.offset_min == -330, "fraction and -hhmm");
	ok(ease_parse_datetime("2026-03-01", NULL, &a) == EASE_V_OK && !a.has_time,
	   "date alone");
	ok(ease_parse_datetime("2026-03-01T24:30", NULL, &a) == EASE_V_BADCAL, "24:30");
	ok(ease_parse_datetime("2026-03-01T10", NULL, &a) == EASE_V_BAD, "hour alone");
	ease_parse_datetime("2026-03-01T23:30", NULL, &a);
	ease_parse_datetime("2026-03-02T07:15", NULL, &b);
	is_num(ease_datetime_diff(&a, &b), 7.75 * 3600, 1e-12, "night across midnight");
	ease_parse_datetime("2026-03-01T23:30+01:00", NULL, &a);
	ease_parse_datetime("2026-03-02T07:15+02:00", NULL, &b);
	is_num(ease_datetime_diff(&a, &b), 6.75 * 3600, 1e-12, "offsets applied");
}

static void
formatting(void)
{
	char buf[48];

	is_str(ease_fmt_num(0.1 + 0.2, 6, buf), "0.3", "6 digits");
	is_str(ease_fmt_num(-0.41234567, 3, buf), "-0.412", "3 digits");
	is_str(ease_fmt_num(1234567, 6, buf), "1234567", "integers in full");
	is_str(ease_fmt_num(-0.0, 6, buf), "0", "no -0");
	is_str(ease_fmt_num(NAN, 6, buf), "", "NaN is empty");
	is_str(ease_fmt_num(1.5e-7, 6, buf), "1.5e-07", "small");
}

/* The fast %g agrees with the C library's, byte for byte. */
static void
formatting_matches_libc(void)
{
	char a[48], b[48];
	unsigned long long x = 88172645463325252ULL;
	long bad = 0, n = 0;
	static const double ties[] = {
		0.125, 0.375, 2.5, 3.5, 0.0625, 1.0625, 0.15, 1.005, 2.675, 1e-5,
		9.9999996, 99999.95, 0.000123455, 123456.5, 999999.5, 1e15 - 0.5,
		0.1 + 0.2, 1.0 / 3, 2.0 / 3, 4.35, 8.345, 1.45, 5e-5, 9.5e-5
	};

	for (size_t i = 0; i < sizeof ties / sizeof ties[0]; i++)
		for (int d = 1; d <= 17; d++) {
			for (int sign = -1; sign <= 1; sign += 2) {
				ease_fmt_num(sign * ties[i], d, a);
				ease_fmt_num_libc(sign * ties[i], d, b);
				n++;
				if (strcmp(a, b) != 0 && bad++ < 5)
					printf("# %.17g digits %d: '%s' libc '%s'\n", sign * ties[i], d, a, b);
			}
		}
	for (int i = 0; i < 1000000; i++) {
		double v;
		int d;

		/* xorshift: magnitudes from 1e-7 to 1e16, every digit count */
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		v = ldexp((double)(x >> 11), -53) * pow(10, (int)(x % 24) - 7);
		if (x & 1)
			v = -v;
		if ((x >> 5) % 4 == 0)
			v = round(v * 1000) / 1000;	/* short decimals, like diary data */
		d = 1 + (int)((x >> 7) % 15);
		if (v == trunc(v))
			continue;
		ease_fmt_num(v, d, a);
		ease_fmt_num_libc(v, d, b);
		n++;
		if (strcmp(a, b) != 0 && bad++ < 5)
			printf("# %.17g digits %d: '%s' libc '%s'\n", v, d, a, b);
	}
	printf("# %ld numbers compared\n", n);
	is_long(bad, 0, "ease_fmt_num == printf %.*g on a million numbers");

	/* next to every power of ten, where the decimal exponent is guessed */
	bad = 0;
	for (int k = -6; k <= 15; k++) {
		double p = pow(10, k), around[] = {p, nextafter(p, 0), nextafter(p, INFINITY),
			p * (1 - 1e-12), p * (1 + 1e-12), p * 0.99999996, p * 0.9999996,
			p * 0.999995, p * 0.99995};

		for (size_t i = 0; i < sizeof around / sizeof around[0]; i++)
			for (int d = 1; d <= 17; d++) {
				if (around[i] == trunc(around[i]))
					continue;
				ease_fmt_num(around[i], d, a);
				ease_fmt_num_libc(around[i], d, b);
				if (strcmp(a, b) != 0 && bad++ < 5)
					printf("# %.17g digits %d: '%s' libc '%s'\n", around[i], d, a, b);
			}
	}
	is_long(bad, 0, "ease_fmt_num == printf %.*g next to each power of ten");
}

/* A German LC_NUMERIC must change nothing (skipped where the locale is absent). */
static void
locale_proof(void)
{
	double v = 0;
	char buf[48];

	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
		printf("# de_DE.UTF-8 missing: 'make deps' generates it\n");
		ok(0, "de_DE.UTF-8 locale available");
		return;
	}
	ok(ease_parse_num("7.5", 0, &v) == EASE_V_OK && v == 7.5, "de_DE: 7.5 parses");
	is_str(ease_fmt_num(7.25, 6, buf), "7.25", "de_DE: 7.25 prints with a point");
	setlocale(LC_ALL, "C");
}

static void
yesno(void)
{
	static const struct { const char *s; int want; } t[] = {
		{"yes", 1}, {" Y ", 1}, {"TRUE", 1}, {"x", 1}, {"X", 1}, {"ja", 1},
		{"J", 1}, {"no", 0}, {"n", 0}, {"False", 0}, {"Nein", 0},
		{"", -1}, {"0", -1}, {"yess", -1}, {"jein", -1}, {"na", -1},
	};

	char name[64];

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		snprintf(name, sizeof name, "yes/no: '%s' is %d", t[i].s, t[i].want);
		ok(ease_parse_yesno(t[i].s) == t[i].want, name);
	}
}

int
main(void)
{
	yesno();
	numbers();
	number_range();
	thousands();
	dates();
	years();
	datetimes();
	formatting();
	formatting_matches_libc();
	locale_proof();
	return tap_done();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE	/* strtod_l, newlocale, uselocale */
#include "ease/value.h"
#include "ease/tz.h"

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One C locale for the whole process, made on first use only. */
static locale_t
c_locale(void)
{
	static locale_t loc;

	if (loc == (locale_t)0)
		loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return loc;
}

/* Not isdigit(3): no locale lookup, and no call, in the hottest loops. */
static int
is_digit(char c)
{
	return (unsigned char)(c - '0') < 10;
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

int
ease_is_missing(const char *s)
{
	size_t n;

	while (is_blank((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_blank((unsigned char)s[n - 1]))
		n--;
	switch (n) {
	case 0:
		return 1;
	case 1:
		return s[0] == '-';
	case 2:
		return strncasecmp(s, "NA", 2) == 0;
	case 3:
		return strncasecmp(s, "N/A", 3) == 0 || strncasecmp(s, "NaN", 3) == 0;
	}
	return 0;
}

int
ease_parse_yesno(const char *s)
{
	/* English and German, as the column aliases are */
	static const char *const yes[] = {"yes", "y", "true", "x", "ja", "j", NULL};
	static const char *const no[] = {"no", "n", "false", "nein", NULL};
	size_t n;

	while (is_blank((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_blank((unsigned char)s[n - 1]))
		n--;
	for (const char *const *w = yes; *w; w++)
		if (n == strlen(*w) && strncasecmp(s, *w, n) == 0)
			return 1;
	for (const char *const *w = no; *w; w++)
		if (n == strlen(*w) && strncasecmp(s, *w, n) == 0)
			return 0;
	return -1;
}

/* Powers of ten that doubles hold exactly. */
static const double exact10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
 * The common cell, [-]digits[.digits] with at most 15 digits: the digits as
 * an integer are exact, so is the power of ten, and one division rounds
 * correctly (Clinger's fast path) -- the same double strtod gives.
 * Returns 0 when the cell needs the general path.
 */
static int
fast_num(const char *s, char point, double *out)
{
	unsigned long long m = 0;
	int nd = 0, frac = 0, neg = 0;
	const char *p = s;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, nd++)
		m = m * 10 + (unsigned)(*p - '0');
	if (*p == point) {
		for (p++; *p >= '0' && *p <= '9'; p++, nd++, frac++)
			m = m * 10 + (unsigned)(*p - '0');
	}
	if (*p != '\0' || nd == 0 || nd > 15)
		return 0;
	*out = frac ? (double)m / exact10[frac] : (double)m;
	if (neg)
		*out = -*out;
	return 1;
}

/* What a cell that should be a number turned out to be. */
enum {
	NUM_OK, NUM_MISSING, NUM_BAD,
	NUM_BAD_DOT,	/* a '.' out of the thousands pattern, with --decimal-comma */
	NUM_OVER,	/* beyond the largest double */
	NUM_UNDER	/* not zero, but below the smallest normal double */
};

/*
 * With --decimal-comma a '.' groups thousands: 1.200, 1.200.300, 1.200,5.
 * P is at the digits of the whole part; copies them without the dots into
 * BUF at *I.  Returns the end of the whole part, or NULL when a '.' is there
 * out of that pattern.
 */
static const char *
grouped_digits(const char *p, char *buf, size_t *i, size_t cap, size_t *digits)
{
	const char *q = p;
	size_t lead = 0;

	while (is_digit(*q))
		q++, lead++;
	if (*q != '.') {
		while (is_digit(*p) && *i < cap) {
			buf[(*i)++] = *p++;
			(*digits)++;
		}
		return p;
	}
	/* a group never starts with 0: 0.500 is a decimal, not five hundred */
	if (lead == 0 || lead > 3 || *p == '0')
		return NULL;
	while (*p == '.' || is_digit(*p)) {
		if (*p == '.') {
			if (!is_digit(p[1]) || !is_digit(p[2]) || !is_digit(p[3]) ||
			    is_digit(p[4]))
				return NULL;
			p++;
			continue;
		}
		if (*i >= cap)
			return NULL;
		buf[(*i)++] = *p++;
		(*digits)++;
	}
	return p;
}

static int
scan_num(const char *s, int decimal_comma, double *out)
{
	char buf[128];
	const char *p = s;
	size_t i = 0, digits = 0;
	int nonzero = 0;
	char *end;
	double v;

	while (is_blank((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		buf[i++] = *p++;
	if (decimal_comma) {
		p = grouped_digits(p, buf, &i, sizeof buf - 8, &digits);
		if (p == NULL)
			return NUM_BAD_DOT;
	} else {
		while (is_digit(*p) && i < sizeof buf - 8) {
			buf[i++] = *p++;
			digits++;
		}
	}
	if (*p == (decimal_comma ? ',' : '.')) {
		buf[i++] = '.';
		p++;
		while (is_digit(*p) && i < sizeof buf - 8) {
			buf[i++] = *p++;
			digits++;
		}
	}
	if (digits == 0) {
		if (ease_is_missing(s))
			return NUM_MISSING;
		return decimal_comma && strchr(s, '.') ? NUM_BAD_DOT : NUM_BAD;
	}
	for (size_t k = 0; k < i; k++)
		if (buf[k] >= '1' && buf[k] <= '9')
			nonzero = 1;
	if (*p == 'e' || *p == 'E') {
		buf[i++] = *p++;
		if (*p == '+' || *p == '-')
			buf[i++] = *p++;
		if (!is_digit(*p))
			return NUM_BAD;
		while (is_digit(*p) && i < sizeof buf - 1)
			buf[i++] = *p++;
	}
	while (is_blank((unsigned char)*p))
		p++;
	if (*p != '\0' || i >= sizeof buf - 1)
		return decimal_comma && strchr(p, '.') ? NUM_BAD_DOT : NUM_BAD;
	buf[i] = '\0';
	v = strtod_l(buf, &end, c_locale());
	if (*end != '\0')
		return NUM_BAD;
	if (!isfinite(v))
		return NUM_OVER;
	/* 1e-400 would be read as 0, 1e-310 with fewer digits than written */
	if ((v == 0 && nonzero) || fpclassify(v) == FP_SUBNORMAL)
		return NUM_UNDER;
	*out = v;
	return NUM_OK;
}

int
ease_parse_num(const char *s, int decimal_comma, double *out)
{
	if (fast_num(s, decimal_comma ? ',' : '.', out))
		return EASE_V_OK;
	switch (scan_num(s, decimal_comma, out)) {
	case NUM_OK:
		return EASE_V_OK;
	case NUM_MISSING:
		return EASE_V_MISSING;
	}
	return EASE_V_BAD;
}

const char *
ease_num_why(const char *s, int decimal_comma)
{
	double v;

	switch (scan_num(s, decimal_comma, &v)) {
	case NUM_BAD_DOT:
		return "is not a number (with --decimal-comma a '.' only groups thousands: 1.200 or 1.200,5)";
	case NUM_OVER:
		return "is too large to be a number (beyond 1.8e308 in size)";
	case NUM_UNDER:
		return "is too small to be read exactly (not zero, but below 2.2e-308 in size)";
	}
	return NULL;
}

char *
ease_num_canon(const char *s, int decimal_comma, char *buf, size_t n)
{
	double v;
	size_t i = 0;

	if (ease_parse_num(s, decimal_comma, &v) != EASE_V_OK)
		return NULL;
	while (is_blank((unsigned char)*s))
		s++;
	for (; *s && !is_blank((unsigned char)*s); s++) {
		if (i + 1 >= n)
			return NULL;
		if (decimal_comma && *s == '.')
			continue;
		buf[i++] = decimal_comma && *s == ',' ? '.' : *s;
	}
	buf[i] = '\0';
	return buf;
}

/* Civil-calendar arithmetic on eras of 400 years (146097 days). */
long
ease_days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
ease_civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

int
ease_valid_civil(long y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

static int
digits_at(const char *s, int n, long *v)
{
	long x = 0;

	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 1;
}

/* YYYY-MM-DD at S; returns the number of bytes read or 0. */
static int
iso_date(const char *s, long *day, int *badcal)
{
	long y, m, d;

	if (!digits_at(s, 4, &y) || s[4] != '-' || !digits_at(s + 5, 2, &m) ||
	    s[7] != '-' || !digits_at(s + 8, 2, &d))
		return 0;
	if (!ease_valid_civil(y, (int)m, (int)d)) {
		*badcal = 1;
		return 10;
	}
	*day = ease_days_from_civil(y, (int)m, (int)d);
	return 10;
}

static const char *
trim(const char *s, char *buf, size_t n)
{
	size_t len;

	while (is_blank((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_blank((unsigned char)s[len - 1]))
		len--;
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}

int
ease_parse_date(const char *s, const char *fmt, long *day)
{
	char buf[256];
	int badcal = 0;

	/* the usual cell first: exactly YYYY-MM-DD */
	if (fmt == NULL && strnlen(s, 11) == 10) {
		if (iso_date(s, day, &badcal) == 10)
			return badcal ? EASE_V_BADCAL : EASE_V_OK;
	}
	if (ease_is_missing(s))
		return EASE_V_MISSING;
	s = trim(s, buf, sizeof buf);
	if (fmt == NULL) {
		if (iso_date(s, day, &badcal) != 10 || s[10] != '\0')
			return EASE_V_BAD;
		return badcal ? EASE_V_BADCAL : EASE_V_OK;
	} else {
		struct tm tm;
		const char *end;
		locale_t old = uselocale(c_locale());

		memset(&tm, 0, sizeof tm);
		tm.tm_mday = -1;
		tm.tm_mon = -1;
		tm.tm_year = -10000;
		end = strptime(s, fmt, &tm);
		uselocale(old);
		if (end == NULL || *end != '\0' || tm.tm_year == -10000 ||
		    tm.tm_mon < 0 || tm.tm_mday < 0)
			return EASE_V_BAD;
		if (!ease_valid_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday))
			return EASE_V_BADCAL;
		*day = ease_days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1,
					    tm.tm_mday);
		if ((strstr(fmt, "%Y") || strstr(fmt, "%F")) &&
		    (tm.tm_year < 0 || tm.tm_year > 300))
			return EASE_V_BADYEAR;
		return EASE_V_OK;
	}
}

/* HH:MM[:SS[.fff]] at S; bytes read or 0; sets *BADCAL for 25:00 and such. */
static int
iso_time(const char *s, long *sec, int *badcal)
{
	long h, m, sc = 0;
	int n = 5;

	if (!digits_at(s, 2, &h) || s[2] != ':' || !digits_at(s + 3, 2, &m))
		return 0;
	if (s[5] == ':') {
		if (!digits_at(s + 6, 2, &sc))
			return 0;
		n = 8;
		if (s[8] == '.' || s[8] == ',') {
			n = 9;
			if (!is_digit(s[n]))
				return 0;
			while (is_digit(s[n]))
				n++;
		}
	}
	if (h > 24 || m > 59 || sc > 60 || (h == 24 && (m || sc)))
		*badcal = 1;
	*sec = h * 3600 + m * 60 + (sc == 60 ? 59 : sc);
	return n;
}

int
ease_parse_time(const char *s, long *sec)
{
	char buf[64];
	int badcal = 0, n;

	char one[64];

	if (ease_is_missing(s))
		return EASE_V_MISSING;
	s = trim(s, buf, sizeof buf);
	/* hand-kept logs write 6:30 for 06:30 */
	if (is_digit(s[0]) && s[1] == ':' && strlen(s) + 2 <= sizeof one) {
		one[0] = '0';
		strcpy(one + 1, s);
		s = one;
	}
	n = iso_time(s, sec, &badcal);
	if (n == 0)
		return EASE_V_BAD;
	/* 11:00pm, 6:30 AM: the 12-hour clock is one reading only */
	{
		const char *p = s + n;

		while (*p == ' ')
			p++;
		if ((p[0] == 'a' || p[0] == 'A' || p[0] == 'p' || p[0] == 'P') &&
		    (p[1] == 'm' || p[1] == 'M') && p[2] == '\0') {
			long h = *sec / 3600;

			if (h < 1 || h > 12)
				return EASE_V_BADCAL;
			*sec = (h % 12 + (p[0] == 'p' || p[0] == 'P' ? 12 : 0)) * 3600 +
			       *sec % 3600;
			n = (int)(p + 2 - s);
		}
	}
	if (s[n] != '\0')
		return EASE_V_BAD;
	return badcal ? EASE_V_BADCAL : EASE_V_OK;
}

int
ease_parse_datetime(const char *s, const char *date_fmt, ease_datetime *dt)
{
	char buf[256];
	int badcal = 0, n;
	const char *p;

	if (ease_is_missing(s))
		return EASE_V_MISSING;
	s = trim(s, buf, sizeof buf);
	memset(dt, 0, sizeof *dt);
	if (date_fmt != NULL)
		return ease_parse_date(s, date_fmt, &dt->day);
	if (iso_date(s, &dt->day, &badcal) != 10)
		return EASE_V_BAD;
	p = s + 10;
	if (*p == 'T' || *p == ' ') {
		n = iso_time(p + 1, &dt->sec, &badcal);
		if (n == 0)
			return EASE_V_BAD;
		dt->has_time = 1;
		p += 1 + n;
		if (*p == 'Z') {
			dt->has_offset = 1;
			p++;
		} else if (*p == '+' || *p == '-') {
			long oh, om;
			int sign = *p == '-' ? -1 : 1;

			if (!digits_at(p + 1, 2, &oh))
				return EASE_V_BAD;
			if (p[3] == ':') {
				if (!digits_at(p + 4, 2, &om))
					return EASE_V_BAD;
				p += 6;
			} else if (digits_at(p + 3, 2, &om)) {
				p += 5;
			} else {
				om = 0;
				p += 3;
			}
			if (oh > 18 || om > 59)
				badcal = 1;
			dt->has_offset = 1;
			dt->offset_min = sign * (int)(oh * 60 + om);
		}
	}
	if (*p != '\0')
		return EASE_V_BAD;
	return badcal ? EASE_V_BADCAL : EASE_V_OK;
}

double
ease_datetime_diff(const ease_datetime *a, const ease_datetime *b)
{
	double ta = a->day * 86400.0 + a->sec, tb = b->day * 86400.0 + b->sec;

	if (a->has_offset && b->has_offset) {
		ta -= a->offset_min * 60.0;
		tb -= b->offset_min * 60.0;
	}
	return tb - ta;
}

static void
put2(char *b, int v)
{
	b[0] = (char)('0' + v / 10);
	b[1] = (char)('0' + v % 10);
}

char *
ease_fmt_date(long day, char *buf)
{
	long y;
	int m, d;

	ease_civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(buf, 16, "%+ld-%02d-%02d", y, m, d);
		return buf;
	}
	/* by hand: a date is written on every row */
	put2(buf, (int)(y / 100));
	put2(buf + 2, (int)(y % 100));
	buf[4] = '-';
	put2(buf + 5, m);
	buf[7] = '-';
	put2(buf + 8, d);
	buf[10] = '\0';
	return buf;
}

/*
 * %.*g without printf, for the numbers every analysis writes by the million.
 * The scaled value is rounded exactly (half to even, on the binary value
 * itself), as the C library does, so the text is the same byte for byte; the
 * unit tests compare the two on a million numbers.
 */
__extension__ typedef unsigned __int128 u128;

static const unsigned long long pow10u[] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL,
	10000000000000000000ULL
};

/* round(A * 10^K) into *OUT; 0 when out of the range handled here. */
static int
scaled_round(double a, int k, unsigned long long *out)
{
	int e;
	unsigned long long m = (unsigned long long)ldexp(frexp(a, &e), 53);
	u128 num = m, den = 1, q, r;

	e -= 53;		/* a == m * 2^e exactly */
	if (k > 19 || k < -19)
		return 0;
	if (k >= 0) {
		num *= pow10u[k] >> k;	/* 5^k */
		e += k;
	} else {
		den = pow10u[-k];
	}
	if (e >= 0) {
		if (e > 20)
			return 0;
		num <<= e;
	} else {
		if (-e > 100)
			return 0;
		if (k >= 0) {
			/*
			 * A divisor that is a power of two, as for most numbers
			 * printed (a few digits after the point): a shift, not
			 * a 128-bit division, which took a tenth of a number's time
			 */
			u128 half = (u128)1 << (-e - 1);

			q = num >> -e;
			r = num & ((half << 1) - 1);
			if (r > half || (r == half && (q & 1)))
				q++;
			goto rounded;
		}
		den <<= -e;
	}
	q = num / den;
	r = num % den;
	if (2 * r > den || (2 * r == den && (q & 1)))
		q++;
rounded:
	if (q > pow10u[19])
		return 0;
	*out = (unsigned long long)q;
	return 1;
}

static char *
put_uint(char *p, unsigned long long u)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	while (n)
		*p++ = tmp[--n];
	return p;
}

static int
fast_g(double v, int digits, char *buf)
{
	double a = fabs(v);
	unsigned long long q = 0;
	int x, ok = 0;
	char d[24], *p = buf;

	if (digits > 15 || !(a >= 1e-5 && a < 1e15))
		return 0;
	/*
	 * The decimal exponent by bisection over the powers of ten, not by
	 * floor(log10()), which took a third of a number's time.  Below 1 the
	 * powers are not exact doubles and may miss by one, as log10 may near a
	 * power of ten: the rounding tells.
	 */
	{
		static const double p10[] = {1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1,
					     1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
					     1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
		int lo = 0, hi = (int)(sizeof p10 / sizeof p10[0]) - 2;

		while (lo < hi) {
			int mid = (lo + hi + 1) / 2;

			if (a >= p10[mid])
				lo = mid;
			else
				hi = mid - 1;
		}
		x = lo - 5;
	}
	for (int tries = 0; tries < 3 && !ok; tries++) {
		if (!scaled_round(a, digits - 1 - x, &q))
			return 0;
		if (q >= pow10u[digits])
			x++;
		else if (q < pow10u[digits - 1])
			x--;
		else
			ok = 1;
	}
	if (!ok)
		return 0;
	for (int i = digits - 1; i >= 0; i--, q /= 10)
		d[i] = (char)('0' + q % 10);
	int nd = digits;
	while (nd > 1 && d[nd - 1] == '0')
		nd--;
	if (v < 0)
		*p++ = '-';
	if (x < -4 || x >= digits) {
		*p++ = d[0];
		if (nd > 1) {
			*p++ = '.';
			memcpy(p, d + 1, (size_t)nd - 1);
			p += nd - 1;
		}
		*p++ = 'e';
		*p++ = x < 0 ? '-' : '+';
		if ((x < 0 ? -x : x) < 10)
			*p++ = '0';
		p = put_uint(p, (unsigned long long)(x < 0 ? -x : x));
	} else if (x >= 0) {
		memcpy(p, d, (size_t)(x + 1 < nd ? x + 1 : x + 1));
		/* integral digits, padded with the zeros %g keeps */
		for (int i = 0; i <= x; i++)
			p[i] = i < nd ? d[i] : '0';
		p += x + 1;
		if (nd > x + 1) {
			*p++ = '.';
			memcpy(p, d + x + 1, (size_t)(nd - x - 1));
			p += nd - x - 1;
		}
	} else {
		*p++ = '0';
		*p++ = '.';
		for (int i = 0; i < -x - 1; i++)
			*p++ = '0';
		memcpy(p, d, (size_t)nd);
		p += nd;
	}
	*p = '\0';
	return 1;
}

char *
ease_fmt_num(double v, int digits, char *buf)
{
	locale_t old;

	if (isnan(v)) {
		buf[0] = '\0';
		return buf;
	}
	if (v == 0) {
		strcpy(buf, "0");	/* also for -0 */
		return buf;
	}
	if (digits < 1)
		digits = 1;
	if (digits > 17)
		digits = 17;
	if (v == trunc(v) && fabs(v) < 1e15) {
		char *p = buf;

		if (v < 0)
			*p++ = '-';
		*put_uint(p, (unsigned long long)fabs(v)) = '\0';
		return buf;
	}
	if (fast_g(v, digits, buf))
		return buf;
	old = uselocale(c_locale());
	snprintf(buf, 40, "%.*g", digits, v);
	uselocale(old);
	return buf;
}

size_t
ease_fmt_uint(unsigned long long v, char *buf)
{
	char *e = put_uint(buf, v);

	*e = '\0';
	return (size_t)(e - buf);
}

/* The same through the C library alone, for the tests' comparison. */
char *
ease_fmt_num_libc(double v, int digits, char *buf)
{
	locale_t old = uselocale(c_locale());

	snprintf(buf, 40, "%.*g", digits, v);
	uselocale(old);
	return buf;
}

long
ease_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	/* today by a TZ the C library cannot read would be today in UTC */
	ease_tz_check(NULL);
	localtime_r(&t, &tm);
	return ease_days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

const char *
ease_fmt_dec1(double v, char *buf)
{
	char t[40];

	snprintf(t, sizeof t, "%.1f", fabs(v));
	if (strcmp(t, "0.0") == 0 || v >= 0)
		snprintf(buf, 48, "%s", t);
	else
		snprintf(buf, 48, "\xe2\x88\x92%s", t);
	return buf;
}

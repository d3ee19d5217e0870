/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The gnuplot string escaper: what a diary's text may become in a script. */
#include "ease/gnuplot.h"
#include "tap.h"
#include "gp_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
quoted(const char *in, size_t max, const char *want, const char *name)
{
	char *q = ease_gp_quote(in, max);

	is_str(q, want, name);
	ok(gp_check(q), name);
	free(q);
}

int
main(void)
{
	quoted("pain", 0, "'pain'", "plain text");
	quoted("", 0, "''", "empty");
	quoted("it's", 0, "'it''s'", "a quote doubles");
	quoted("'", 0, "''''", "a lone quote");
	quoted("''", 0, "''''''", "two quotes");
	quoted("a\nset output '|touch x'", 0, "'a set output ''|touch x'''",
	       "a newline is a space");
	quoted("a\r\tb\x7f" "c\x1b[0m", 0, "'a  b c [0m'", "control characters are spaces");
	quoted("`touch canary`", 0, "'`touch canary`'", "backquotes stay text");
	quoted("\"x\" @m system('y') \\", 0, "'\"x\" @m system(''y'') \\'",
	       "double quotes, macros, backslash at the end");
	quoted("Sch\xc3\xa4" "del \xe2\x82\xac", 0, "'Sch\xc3\xa4" "del \xe2\x82\xac'",
	       "UTF-8 kept");
	quoted("a\xff" "b\xc3", 0, "'a?b?'", "broken UTF-8 is '?'");
	quoted("\xed\xa0\x80", 0, "'?" "?" "?'", "a surrogate is not UTF-8");
	quoted("\xc2\x85x", 0, "' x'", "a C1 control is a space");
	quoted("a\xe2\x80\xaex", 0, "'a x'", "U+202E (right-to-left override) is a space");
	quoted("\xe2\x80\x8e\xe2\x80\x8f\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9\xd8\x9c", 0,
	       "'      '", "every bidi control is a space");
	quoted("\xe2\x80\x94\xe2\x80\x99", 0, "'\xe2\x80\x94\xe2\x80\x99'",
	       "a dash and a right quote stay");
	quoted("abcdef", 4, "'abcd...'", "cut at MAX bytes");
	quoted("ab''''", 4, "'ab''''...'", "cut after doubled quotes");
	quoted("a\xc3\xa4\xc3\xa4", 4, "'a\xc3\xa4...'", "cut at a character");

	/* long text is cut to EASE_GP_MAXTEXT, whatever its length */
	{
		char *big = malloc(10001), *q;

		memset(big, '\'', 10000);
		big[10000] = '\0';
		q = ease_gp_quote(big, 0);
		ok(gp_check(q), "10 kB of quotes");
		is_long((long)strlen(q), 2 * EASE_GP_MAXTEXT + 5, "cut to the limit");
		free(q);
		free(big);
	}

	/* the property: random bytes never end the string early */
	{
		unsigned long x = 88172645463325252UL;
		int bad = 0;
		static const char pick[] = "'\"`@\\\n\r\x01\x7f\xc3\xa4\xe2\x82\xac\xff\xf0 aEOD|<";

		for (int t = 0; t < 20000; t++) {
			char s[64];
			size_t n = (size_t)(t % 63);
			char *q;

			for (size_t i = 0; i < n; i++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				s[i] = (char)(t & 1 ? pick[x % (sizeof pick - 1)] : (char)(x % 255 + 1));
			}
			s[n] = '\0';
			q = ease_gp_quote(s, 1 + (size_t)(x % 40));
			bad += !gp_check(q);
			free(q);
		}
		is_long(bad, 0, "20000 random texts stay one string");
	}

	is_long(ease_gp_term_of_path("a.png"), EASE_GP_PNG, ".png");
	is_long(ease_gp_term_of_path("x/a.txt"), EASE_GP_DUMB, ".txt");
	is_long(ease_gp_term_of_path("a.gif"), -1, ".gif is not one");
	is_long(ease_gp_term_of_path("a.d/png"), -1, "no extension");
	is_long(ease_gp_term_by_name("svg"), EASE_GP_SVG, "svg by name");

	/* series styles: 50 techniques, no two alike; the first ten solid */
	{
		char styles[50][64];
		int same = 0;

		for (size_t k = 0; k < 50; k++) {
			FILE *f = fmemopen(styles[k], sizeof styles[k], "w");

			ease_gp_series(f, k);
			fclose(f);
			for (size_t i = 0; i < k; i++)
				same += strcmp(styles[i], styles[k]) == 0;
		}
		is_long(same, 0, "50 series styles, all different");
		ok(strstr(styles[9], "dt 1") && strstr(styles[10], "dt 2") &&
		   strncmp(styles[10], styles[0], 18) == 0,
		   "the 11th series: the first colour, dashed");
	}
	/* a key title: the name cut, the suffix whole */
	{
		char buf[256];
		FILE *f = fmemopen(buf, sizeof buf, "w");

		ease_gp_key_cut(f, "abcdefghijklmnop", ", 7-day total (weeks with 5+ days recorded)", 5);
		fclose(f);
		is_str(buf, "'abcde..., 7-day total (weeks with 5+ days recorded)' noenhanced",
		       "key: name cut, suffix whole");
	}
	/* canvas cells: gnuplot's own estimate per terminal */
	{
		double c, r;

		ease_gp_cells(EASE_GP_PNG, 0, 0, &c, &r);
		ok(c == 100 && r > 32 && r < 32.1, "png 800x500: 100 by 32 cells");
		ease_gp_cells(EASE_GP_DUMB, 0, 0, &c, &r);
		ok(c == 80 && r == 25, "dumb: 80 by 25");
	}
	return tap_done();
}

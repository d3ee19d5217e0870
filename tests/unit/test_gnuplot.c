/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The gnuplot string escaper: what a diary's text may become in a script. */
#include "ease/gnuplot.h"
#include "ease/err.h"
#include "tap.h"
#include "gp_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
quoted(const char *in, size_t max, const char *want, const char *name)
{
	char *q = ease_gp_quote(in, max);

	is_str(q, want, name);
	ok(gp_check(q), name);
	free(q);
}

/* A random number from the test's own generator (the same every run). */
static unsigned long
next(unsigned long *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Whether T is what ease_gp_clean promises: UTF-8, no control, at most MAX (+ "..."). */
static int
clean_ok(const char *t, size_t max)
{
	size_t n = strlen(t);
	const unsigned char *p = (const unsigned char *)t;

	if (n > max + 3)
		return 0;
	for (size_t i = 0; i < n;) {
		size_t k = ease_utf8_at(t + i, n - i, NULL);

		if (k == 0 || (k == 1 && (p[i] < 0x20 || p[i] == 0x7F)) ||
		    (k == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0) ||
		    (k == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xAE))
			return 0;
		i += k;
	}
	return 1;
}

/* Pieces the hostile texts are made of: gnuplot's every way to run a command. */
static const char *const piece[] = {
	"'", "''", "\"", "\\", "\\\\", "`", "@", "@m", "\n", "\r", "\t", "\x01", "\x1b[31m",
	"\x7f", "\xc2\x85", "\xe2\x80\xae", "\xc3\xa4", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
	"\xff", "\xc3", "\xed\xa0\x80", "\xf0\x9f", "\xc0\xaf", " ", "a", "EOD", "|", "<", "$",
	"%s", "#", ";", ".", ",", "\\n", "\\140", "\\0471", "\\x41", "system(\"touch canary\")",
	"system('touch canary')", "`touch canary`", "!touch canary", "set output '|touch canary'",
	"' . system('touch canary') . '", "\" . system(\"touch canary\") . \"", "eval('print 1')",
	"\\\"", "'\\", "\\'", "0", "9"
};

/* One random text of each kind into BUF (N bytes at most, NUL-terminated). */
static void
random_text(unsigned long *x, int kind, char *buf, size_t n)
{
	size_t len = next(x) % (n - 1), o = 0;

	switch (kind) {
	case 0:	/* any bytes but NUL */
		for (o = 0; o < len; o++)
			buf[o] = (char)(next(x) % 255 + 1);
		break;
	case 1:	/* hostile pieces, often first */
	case 2:
		while (o < len) {
			const char *p = piece[next(x) % (sizeof piece / sizeof piece[0])];
			size_t k = strlen(p);

			if (o + k > len)
				break;
			memcpy(buf + o, p, k);
			o += k;
		}
		break;
	default:	/* printable characters of every UTF-8 length */
		while (o + 4 < len) {
			unsigned long cp, r = next(x) % 4;

			cp = r == 0 ? 0x20 + next(x) % 95 : r == 1 ? 0xA0 + next(x) % 0x700 :
			     r == 2 ? 0x800 + next(x) % 0xF800 : 0x10000 + next(x) % 0x100000;
			if (cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF) ||
			    (cp >= 0x200E && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
			    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x61C)
				continue;
			if (cp < 0x80)
				buf[o++] = (char)cp;
			else if (cp < 0x800) {
				buf[o++] = (char)(0xC0 | cp >> 6);
				buf[o++] = (char)(0x80 | (cp & 0x3F));
			} else if (cp < 0x10000) {
				buf[o++] = (char)(0xE0 | cp >> 12);
				buf[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
				buf[o++] = (char)(0x80 | (cp & 0x3F));
			} else {
				buf[o++] = (char)(0xF0 | cp >> 18);
				buf[o++] = (char)(0x80 | (cp >> 12 & 0x3F));
				buf[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
				buf[o++] = (char)(0x80 | (cp & 0x3F));
			}
		}
	}
	buf[o] = '\0';
}

#define NREAL 6000

/*
 * The property, against the real gnuplot: for every text, gnuplot prints
 * back exactly what ease_gp_clean says it shows, and runs no command.
 */
static void
real_gnuplot(void)
{
	char dir[] = "/tmp/ease-gp-XXXXXX", path[64], cmd[256], line[4096];
	static char *want[NREAL + 1];
	unsigned long x = 88172645463325252UL;
	int bad = 0, nbad_clean = 0, nsame = 0, nclean = 0;
	size_t got = 0;
	FILE *f, *in;

	if (system("command -v gnuplot > /dev/null 2>&1") != 0) {
		printf("ok %d # skip gnuplot is not installed\n", ++tap_n);
		return;
	}
	if (mkdtemp(dir) == NULL) {
		ok(0, "a folder for gnuplot's run");
		return;
	}
	snprintf(path, sizeof path, "%s/t.gp", dir);
	f = fopen(path, "w");
	/* a macro that would show, were @m expanded */
	fputs("set print '-'\nm = 'MACRO'\n", f);
	for (int t = 0; t < NREAL; t++) {
		char s[300], *q;
		size_t max = t % 5 == 0 ? 0 : 1 + next(&x) % 200;

		random_text(&x, t % 4, s, t % 7 == 0 ? 20 : sizeof s);
		if (t % 9 == 0)	/* a name that starts with a quote (issue: '' read as empty) */
			s[0] = t % 2 ? '\'' : '"';
		if (t == 0)
			strcpy(s, "'");
		/* a key cuts the name shorter by default */
		want[t] = ease_gp_clean(s, max ? max : t % 3 == 0 ? EASE_GP_MAXKEY : 0);
		nbad_clean += !clean_ok(want[t], max ? max : EASE_GP_MAXTEXT);
		if (t % 4 == 3 && t % 9 && t % 3 && strlen(s) <= (max ? max : EASE_GP_MAXTEXT)) {
			nclean++;
			nsame += strcmp(s, want[t]) == 0;
		}
		if (t % 3 == 0) {	/* a key title: name and suffix joined */
			char *k = NULL, *c;
			size_t kn = 0;
			FILE *kf = open_memstream(&k, &kn);

			ease_gp_key_cut(kf, s, "\" (12)'", max);
			fclose(kf);
			c = want[t];
			want[t] = ease_xmalloc(strlen(c) + 8);
			sprintf(want[t], "%s\" (12)'", c);
			free(c);
			k[kn - strlen(" noenhanced")] = '\0';
			fprintf(f, "print %s\n", k);
			free(k);
			continue;
		}
		q = ease_gp_quote(s, max);
		fprintf(f, "print %s\n", q);
		free(q);
	}
	fclose(f);
	snprintf(cmd, sizeof cmd, "cd %s && LC_ALL=C gnuplot t.gp 2> err", dir);
	in = popen(cmd, "r");
	while (in && fgets(line, sizeof line, in)) {
		line[strcspn(line, "\n")] = '\0';
		if (got < NREAL && strcmp(line, want[got]) != 0 && bad++ < 5)
			printf("# text %zu: gnuplot printed '%s', want '%s'\n", got, line, want[got]);
		got++;
	}
	ok(in && pclose(in) == 0, "gnuplot read every escaped text without an error");
	is_long((long)got, NREAL, "gnuplot printed a line for every text");
	is_long(bad, 0, "gnuplot printed back exactly the text ease_gp_clean says");
	is_long(nbad_clean, 0, "every clean text is UTF-8, without controls, within its limit");
	ok(nclean > 300 && nsame == nclean, "printable UTF-8 within the limit is kept as it is");
	if (nsame != nclean || nclean <= 300)
		printf("# %d of %d kept\n", nsame, nclean);
	snprintf(path, sizeof path, "%s/canary", dir);
	ok(access(path, F_OK) != 0, "no command ran");
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	for (int t = 0; t < NREAL; t++)
		free(want[t]);
}

int
main(void)
{
	quoted("pain", 0, "\"pain\"", "plain text");
	quoted("", 0, "\"\"", "empty");
	quoted("it's", 0, "\"it's\"", "a single quote stays");
	quoted("'", 0, "\"'\"", "a lone quote");
	quoted("''abc'", 0, "\"''abc'\"", "a name that starts with two quotes");
	quoted("a\nset output '|touch x'", 0, "\"a set output '|touch x'\"",
	       "a newline is a space");
	quoted("a\r\tb\x7f" "c\x1b[0m", 0, "\"a  b c [0m\"", "control characters are spaces");
	quoted("`touch canary`", 0, "\"\\140touch canary\\140\"", "backquotes are escaped");
	quoted("\"x\" @m system('y') \\", 0, "\"\\\"x\\\" \\100m system('y') \\\\\"",
	       "double quotes, macros, backslash at the end");
	quoted("\\0471", 0, "\"\\\\0471\"", "an octal escape's text stays text");
	quoted("Sch\xc3\xa4" "del \xe2\x82\xac", 0, "\"Sch\xc3\xa4" "del \xe2\x82\xac\"",
	       "UTF-8 kept");
	quoted("a\xff" "b\xc3", 0, "\"a\xef\xbf\xbd" "b\xef\xbf\xbd\"", "broken UTF-8 is U+FFFD");
	quoted("\xed\xa0\x80", 0, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"",
	       "a surrogate is not UTF-8: U+FFFD a byte");
	quoted("\xc2\x85x", 0, "\" x\"", "a C1 control is a space");
	quoted("a\xe2\x80\xaex", 0, "\"a x\"", "U+202E (right-to-left override) is a space");
	quoted("\xe2\x80\x8e\xe2\x80\x8f\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9\xd8\x9c", 0,
	       "\"      \"", "every bidi control is a space");
	quoted("\xe2\x80\x94\xe2\x80\x99", 0, "\"\xe2\x80\x94\xe2\x80\x99\"",
	       "a dash and a right quote stay");
	quoted("abcdef", 4, "\"abcd...\"", "cut at MAX bytes");
	quoted("ab\"\"\"\"", 4, "\"ab\\\"\\\"...\"", "cut after escaped quotes");
	quoted("a\xc3\xa4\xc3\xa4", 4, "\"a\xc3\xa4...\"", "cut at a character");

	/* long text is cut to EASE_GP_MAXTEXT, whatever its length */
	{
		char *big = malloc(10001), *q;

		memset(big, '`', 10000);
		big[10000] = '\0';
		q = ease_gp_quote(big, 0);
		ok(gp_check(q), "10 kB of backquotes");
		is_long((long)strlen(q), 4 * EASE_GP_MAXTEXT + 5, "cut to the limit");
		free(q);
		free(big);
	}

	/* random bytes never end the string early (the model of gp_check.h) */
	{
		unsigned long x = 88172645463325252UL;
		int bad = 0;

		for (int t = 0; t < 20000; t++) {
			char s[64], *q;

			random_text(&x, t % 4, s, sizeof s);
			q = ease_gp_quote(s, 1 + (size_t)(x % 40));
			bad += !gp_check(q);
			free(q);
		}
		is_long(bad, 0, "20000 random texts stay one string");
	}
	real_gnuplot();

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
		is_str(buf, "\"abcde..., 7-day total (weeks with 5+ days recorded)\" noenhanced",
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

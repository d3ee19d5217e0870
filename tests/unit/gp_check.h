/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A quick model of the escaper's promise, for the fuzzer (the unit test
 * checks the same against the real gnuplot): Q is one double-quoted string
 * that ends at its last byte; inside, a backslash starts only \\, \", \140
 * (backquote) or \100 (@); no backquote or @ is left bare (command
 * substitution, macros); no byte ends a line or is another control
 * character; the text is UTF-8.  Returns 1 when Q keeps the promise.
 */
#ifndef EASE_GP_CHECK_H
#define EASE_GP_CHECK_H

#include <stddef.h>
#include <string.h>

static int
gp_check(const char *q)
{
	const unsigned char *p = (const unsigned char *)q;
	size_t n = strlen(q), i = 1;

	if (n < 2 || p[0] != '"')
		return 0;
	while (i < n) {
		if (p[i] == '"')
			return i == n - 1;	/* the end: nothing may follow */
		if (p[i] == '\\') {
			if (i + 1 < n && (p[i + 1] == '\\' || p[i + 1] == '"')) {
				i += 2;
				continue;
			}
			if (i + 3 < n && (memcmp(p + i + 1, "140", 3) == 0 ||
					  memcmp(p + i + 1, "100", 3) == 0)) {
				i += 4;
				continue;
			}
			return 0;
		}
		if (p[i] < 0x20 || p[i] == 0x7F || p[i] == '`' || p[i] == '@')
			return 0;
		if (p[i] >= 0x80) {
			size_t k = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : p[i] >= 0xC2 ? 2 : 0;

			if (k == 0 || p[i] > 0xF4 || i + k > n)
				return 0;
			for (size_t j = 1; j < k; j++)
				if ((p[i + j] & 0xC0) != 0x80)
					return 0;
			i += k;
			continue;
		}
		i++;
	}
	return 0;	/* never closed */
}

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: any bytes as a column or technique name.  What the
 * gnuplot escaper returns must be one double-quoted string that nothing in
 * it can end early and no backquote or @ is left bare in (gp_check), and
 * the text it stands for valid UTF-8 without a control character, cut
 * within the limit; the first byte picks the limit.  (tests/unit/test_gnuplot.c
 * checks the same escaper against the real gnuplot.)
 */
#include "ease/err.h"
#include "ease/gnuplot.h"
#include "../unit/gp_check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *q;
	size_t max, n;

	if (size == 0)
		return 0;
	max = data[0];
	s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	q = ease_gp_quote(s, max);
	if (!gp_check(q))
		abort();
	free(q);
	q = ease_gp_clean(s, max);
	n = strlen(q);
	if (n > (max ? max : EASE_GP_MAXTEXT) + 3)
		abort();
	for (size_t i = 0, k; i < n; i += k) {
		k = ease_utf8_at(q + i, n - i, NULL);
		if (k == 0 || (k == 1 && ((unsigned char)q[i] < 0x20 || q[i] == 0x7F)))
			abort();
	}
	free(q);
	free(s);
	return 0;
}

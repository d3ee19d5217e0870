/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: any bytes as a column or technique name.  What the
 * gnuplot escaper returns must be one single-quoted string that nothing in
 * it can end early (gp_check); the first byte picks the length limit.
 */
#include "ease/gnuplot.h"
#include "../unit/gp_check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *q;
	size_t max;

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
	free(s);
	return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A few TAP helpers for the unit tests; prove reads what they print. */
#ifndef EASE_TAP_H
#define EASE_TAP_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline void
tap_result(int ok, const char *name)
{
	tap_n++;
	if (!ok)
		tap_failed++;
	printf("%sok %d - %s\n", ok ? "" : "not ", tap_n, name);
}

#define ok(cond, name) tap_result(!!(cond), (name))

/* exact text */
#define is_str(got, want, name) do { \
	const char *g_ = (got), *w_ = (want); \
	int o_ = (g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0); \
	tap_result(o_, (name)); \
	if (!o_) printf("#   got '%s'\n#  want '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

#define is_long(got, want, name) do { \
	long g_ = (long)(got), w_ = (long)(want); \
	tap_result(g_ == w_, (name)); \
	if (g_ != w_) printf("#   got %ld\n#  want %ld\n", g_, w_); \
} while (0)

/* relative agreement (absolute near zero), as the design asks: 1e-9 */
static inline int
tap_close(double got, double want, double rel)
{
	if (isnan(want))
		return isnan(got);
	if (isinf(want))
		return got == want;
	return fabs(got - want) <= rel * fmax(fabs(want), 1e-300) ||
	       fabs(got - want) <= 1e-15;
}

#define is_num(got, want, rel, name) do { \
	double g_ = (got), w_ = (want); \
	int o_ = tap_close(g_, w_, (rel)); \
	tap_result(o_, (name)); \
	if (!o_) printf("#   got %.17g\n#  want %.17g\n", g_, w_); \
} while (0)

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/span.h"
#include "ease/err.h"
#include "ease/value.h"

#include <stdio.h>

void
ease_span_add(ease_span *sp, const ease_common *c, long day)
{
	if (sp->n == 0 || day < sp->first)
		sp->first = day;
	if (sp->n == 0 || day > sp->last)
		sp->last = day;
	sp->n++;
	if (ease_window_has(c, day))
		sp->inside++;
}

const char *
ease_window_words(const ease_common *c, char *buf, size_t n)
{
	char a[16], b[16];

	if (c->has_since && c->has_until)
		snprintf(buf, n, " between %s and %s", ease_fmt_date(c->since, a),
			 ease_fmt_date(c->until, b));
	else if (c->has_since)
		snprintf(buf, n, " from %s on", ease_fmt_date(c->since, a));
	else if (c->has_until)
		snprintf(buf, n, " up to %s", ease_fmt_date(c->until, b));
	else
		snprintf(buf, n, "%s", "");
	return buf;
}

const char *
ease_span_empty(const ease_span *sp, const ease_common *c, const char *noun,
		char *buf, size_t n)
{
	char w[64], a[16], b[16];

	if (!ease_window_active(c) || sp->n == 0 || sp->inside > 0)
		return NULL;
	snprintf(buf, n, "no %s%s (the data run from %s to %s)", noun,
		 ease_window_words(c, w, sizeof w), ease_fmt_date(sp->first, a),
		 ease_fmt_date(sp->last, b));
	return buf;
}

void
ease_span_check(const ease_span *sp, const ease_common *c, const char *file)
{
	char buf[256];

	if (ease_span_empty(sp, c, "days", buf, sizeof buf))
		ease_die(EASE_EX_DATA, "%s: %s", file, buf);
}

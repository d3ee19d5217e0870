/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/evkind.h"
#include "ease/cols.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/import.h"
#include "ease/technique.h"
#include "ease/value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const ease_evkind ease_evkinds[EASE_EV_N] = {
	[EASE_EV_PAIN] = {"pain", EASE_R_PAIN, EASE_EVU_NONE, 1},
	[EASE_EV_SLEEP] = {"sleep", EASE_R_SLEEP_HOURS, EASE_EVU_HOURS, 0},
	[EASE_EV_MASSAGE] = {"massage", EASE_R_MASSAGE_MIN, EASE_EVU_MINUTES, 0},
	[EASE_EV_MED] = {"med", EASE_R_DOSE, EASE_EVU_NONE, 0},
	[EASE_EV_FACTOR] = {"factor", EASE_R_VALUE, EASE_EVU_NONE, 0},
	[EASE_EV_STRESS] = {"stress", EASE_R_STRESS, EASE_EVU_NONE, 1},
	[EASE_EV_MOOD] = {"mood", EASE_R_MOOD, EASE_EVU_NONE, 1},
	[EASE_EV_QUALITY] = {"sleep_quality", EASE_R_SLEEP_QUALITY, EASE_EVU_NONE, 1},
	[EASE_EV_NOTE] = {"note", EASE_R_VALUE, EASE_EVU_NONE, 0},
};

int
ease_evkind_find(const char *s)
{
	for (int k = 0; k < EASE_EV_N; k++)
		if (strcasecmp(s, ease_evkinds[k].name) == 0)
			return k;
	return -1;
}

const char *
ease_evkind_bad(void)
{
	static char msg[160];

	if (!msg[0]) {
		size_t n = (size_t)snprintf(msg, sizeof msg, "is not a kind (");

		for (int k = 0; k < EASE_EV_N; k++)
			n += (size_t)snprintf(msg + n, sizeof msg - n, "%s%s", k ? ", " : "",
					      ease_evkinds[k].name);
		snprintf(msg + n, sizeof msg - n, ")");
	}
	return msg;
}

const char *
ease_event_value(int kind, const char *value, const char *unit, int decimal_comma,
		 double *v, int *on_unit, char *why, size_t n)
{
	static const struct {
		const char *unit;
		double sec;
	} units[] = {
		{"h", 3600}, {"hr", 3600}, {"hrs", 3600}, {"hour", 3600}, {"hours", 3600},
		{"min", 60}, {"mins", 60}, {"minute", 60}, {"minutes", 60}, {"m", 60},
		{"s", 1}, {"sec", 1}, {"secs", 1}, {"second", 1}, {"seconds", 1},
	};
	const ease_evkind *ek = &ease_evkinds[kind];
	const ease_roledef *def = ease_role_def(ek->role);
	const char *bad = NULL;
	double to = ek->unit == EASE_EVU_HOURS ? 3600 : 60, x;
	char a[40];
	size_t i;
	int st;

	*v = NAN;
	*on_unit = 0;
	if (kind == EASE_EV_NOTE)
		return NULL;
	/* a length is ranged after its unit is applied: 420 min is 7 h */
	st = ease_role_check(ek->unit == EASE_EVU_NONE ? ek->role : EASE_R_VALUE, value,
			     decimal_comma, NULL, &x, &bad);
	if (st == EASE_V_MISSING)
		return NULL;
	if (st != EASE_V_OK) {
		/* a range says whose: 11 is fine for a factor, not for pain */
		if (bad && (strncmp(bad, "is outside", 10) == 0 || strncmp(bad, "is negative", 11) == 0)) {
			snprintf(why, n, "%s (a %s value)", bad, ek->name);
			return why;
		}
		return bad ? bad : "is not a number";
	}
	if (ek->unit == EASE_EVU_NONE) {
		*v = x;
		return NULL;
	}
	if (unit && !ease_is_missing(unit)) {
		char nu[32];

		ease_norm_name(unit, nu, sizeof nu);
		for (i = 0; i < sizeof units / sizeof units[0]; i++)
			if (strcmp(nu, units[i].unit) == 0)
				break;
		if (i == sizeof units / sizeof units[0]) {
			*on_unit = 1;
			return ek->unit == EASE_EVU_HOURS ?
			       "is not a unit of a sleep's length (h, min, s)" :
			       "is not a unit of a session's length (min, h, s)";
		}
		x = x * units[i].sec / to;
	}
	if (x < def->lo || x > def->hi) {
		if (ek->unit == EASE_EVU_HOURS)
			snprintf(why, n, "is %s hours, outside 0..24", ease_fmt_num(x, 6, a));
		else
			snprintf(why, n, "is %s minutes, below 0", ease_fmt_num(x, 6, a));
		return why;
	}
	*v = x;
	return NULL;
}

/* ---- body locations of pain ---- */

int
ease_pain_loc_next(const char **p, char **buf, size_t *cap)
{
	const char *item;
	size_t len;

	while (ease_list_next(p, &item, &len)) {
		char *b, *w;

		ease_grow((void **)buf, cap, len + 2, 1);
		b = *buf;
		ease_imp_slug(item, len, b, len + 2);
		/* "back_lower_pain", "pain_back": the word pain says nothing of where */
		for (w = b; (w = strstr(w, "pain")) != NULL; w++) {
			int start = w == b || w[-1] == '_', end = w[4] == '\0' || w[4] == '_';

			if (!start || !end || (w == b && w[4] == '\0'))
				continue;
			if (w[4] == '_')
				memmove(w, w + 5, strlen(w + 5) + 1);
			else
				w[w == b ? 0 : -1] = '\0';
			break;
		}
		if (*b)
			return 1;
	}
	return 0;
}

size_t
ease_painlocs_add(ease_painlocs *l, const char *name)
{
	long ix;

	if (l->ix == NULL)
		l->ix = ease_strset_new();
	if (!ease_strset_put(l->ix, name, (long)l->n, &ix))
		return (size_t)ix;
	ease_grow((void **)&l->name, &l->cap, l->n + 1, sizeof *l->name);
	l->name[l->n] = ease_xstrdup(name);
	return l->n++;
}

int
ease_painlocs_has(const ease_painlocs *l, const char *name)
{
	return l->ix != NULL && ease_strset_get(l->ix, name, NULL);
}

const char *
ease_painlocs_list(const ease_painlocs *l, char *buf, size_t n)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		size_t need = strlen(l->name[i]) + (i ? 2 : 0);

		/* room left for ", ..." */
		if (o + need + 6 > n) {
			snprintf(buf + o, n - o, "%s...", o ? ", " : "");
			break;
		}
		o += (size_t)snprintf(buf + o, n - o, "%s%s", i ? ", " : "", l->name[i]);
	}
	return buf;
}

void
ease_painlocs_free(ease_painlocs *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->name[i]);
	free(l->name);
	if (l->ix)
		ease_strset_free(l->ix);
	memset(l, 0, sizeof *l);
}

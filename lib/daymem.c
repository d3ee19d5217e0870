/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/daymem.h"
#include "ease/daytab.h"
#include "ease/err.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCALE 4
#define MISSING INT16_MIN

static const double p10[MAX_SCALE + 1] = { 1, 10, 100, 1000, 10000 };

/*
 * A numeric column: q[i] / 10^scale, which is the double given (checked
 * when it was stored: a decimal of few digits and its count of tenths
 * divided by ten round to the same double), or d[i] once a value did not fit.
 */
typedef struct numcol {
	int scale;		/* -1: d holds the values */
	int16_t *q;
	double *d;
} numcol;

struct ease_daymem {
	char *file;
	char **name;		/* the header: "date", the numeric columns, the text's */
	size_t nnum;
	int has_text;
	long first, n, cap;
	numcol *col;
	/* the text column, sparse: day index ti[k] holds string sid[k] */
	int32_t *ti;
	uint32_t *sid;
	size_t nt, tcap;
	char **str;		/* each distinct text once */
	size_t nstr, scap;
	ease_strset *ids;
};

ease_daymem *
ease_daymem_new(const char *file, const char *const *names, size_t nnum,
		const char *text, long first)
{
	ease_daymem *m = ease_xcalloc(1, sizeof *m);

	m->file = ease_xstrdup(file);
	m->nnum = nnum;
	m->has_text = text != NULL;
	m->name = ease_xcalloc(nnum + 2, sizeof *m->name);
	m->name[0] = ease_xstrdup("date");
	for (size_t k = 0; k < nnum; k++)
		m->name[k + 1] = ease_xstrdup(names[k]);
	if (text)
		m->name[nnum + 1] = ease_xstrdup(text);
	m->col = ease_xcalloc(nnum + 1, sizeof *m->col);
	m->first = first;
	m->ids = ease_strset_new();
	return m;
}

void
ease_daymem_free(ease_daymem *m)
{
	if (m == NULL)
		return;
	for (size_t k = 0; k < m->nnum; k++) {
		free(m->col[k].q);
		free(m->col[k].d);
	}
	for (size_t k = 0; k < m->nnum + 2; k++)
		free(m->name[k]);
	for (size_t k = 0; k < m->nstr; k++)
		free(m->str[k]);
	free(m->str);
	free(m->name);
	free(m->col);
	free(m->ti);
	free(m->sid);
	ease_strset_free(m->ids);
	free(m->file);
	free(m);
}

long
ease_daymem_first(const ease_daymem *m)
{
	return m->first;
}

long
ease_daymem_days(const ease_daymem *m)
{
	return m->n;
}

static void
fill_missing(numcol *c, long from, long to)
{
	for (long i = from; i < to; i++) {
		if (c->scale >= 0)
			c->q[i] = MISSING;
		else
			c->d[i] = NAN;
	}
}

void
ease_daymem_extend(ease_daymem *m, long n)
{
	if (n <= m->n)
		return;
	if (n > m->cap) {
		long cap = m->cap ? m->cap : 64;

		while (cap < n)
			cap = cap + cap / 2;
		for (size_t k = 0; k < m->nnum; k++) {
			numcol *c = &m->col[k];

			if (c->scale >= 0)
				c->q = ease_xrealloc(c->q, (size_t)cap * sizeof *c->q);
			else
				c->d = ease_xrealloc(c->d, (size_t)cap * sizeof *c->d);
		}
		m->cap = cap;
	}
	for (size_t k = 0; k < m->nnum; k++)
		fill_missing(&m->col[k], m->n, n);
	m->n = n;
}

void
ease_daymem_cut(ease_daymem *m, long n)
{
	if (n >= m->n)
		return;
	m->n = n < 0 ? 0 : n;
	while (m->nt > 0 && m->ti[m->nt - 1] >= m->n)
		m->nt--;
}

/* V as a count of 10^-SCALE in *Q, when that converts back to exactly V. */
static int
encode(double v, int scale, int16_t *q)
{
	double x;

	if (isnan(v)) {
		*q = MISSING;
		return 1;
	}
	if (v == 0 && signbit(v))
		return 0;
	x = v * p10[scale];
	if (!(x > MISSING + 0.5 && x < INT16_MAX + 0.5))
		return 0;
	*q = (int16_t)lround(x);
	return (double)*q / p10[scale] == v;
}

static double
decode(const numcol *c, long i)
{
	if (c->scale < 0)
		return c->d[i];
	return c->q[i] == MISSING ? NAN : (double)c->q[i] / p10[c->scale];
}

/*
 * The column re-stored at SCALE, or as doubles (SCALE -1) when one of its
 * first N values does not fit at SCALE.
 */
static void
rescale(numcol *c, long n, long cap, int scale)
{
	if (scale >= 0) {
		int16_t *q = ease_xmalloc((size_t)cap * sizeof *q);
		long i;

		for (i = 0; i < n; i++)
			if (!encode(decode(c, i), scale, &q[i]))
				break;
		if (i == n) {
			free(c->q);
			c->q = q;
			c->scale = scale;
			return;
		}
		free(q);
	}
	c->d = ease_xmalloc((size_t)cap * sizeof *c->d);
	for (long i = 0; i < n; i++)
		c->d[i] = decode(c, i);
	free(c->q);
	c->q = NULL;
	c->scale = -1;
}

void
ease_daymem_set(ease_daymem *m, size_t col, long i, double v)
{
	numcol *c = &m->col[col];
	int16_t q;

	if (c->scale < 0) {
		c->d[i] = v;
		return;
	}
	if (encode(v, c->scale, &q)) {
		c->q[i] = q;
		return;
	}
	/* the smallest scale that holds V, when the values so far fit it too */
	for (int s = c->scale + 1; s <= MAX_SCALE + 1; s++) {
		if (s <= MAX_SCALE && !encode(v, s, &q))
			continue;
		rescale(c, m->n, m->cap, s <= MAX_SCALE ? s : -1);
		break;
	}
	if (c->scale < 0 || !encode(v, c->scale, &q)) {
		if (c->scale >= 0)
			rescale(c, m->n, m->cap, -1);
		c->d[i] = v;
	} else
		c->q[i] = q;
}

double
ease_daymem_get(const ease_daymem *m, size_t col, long i)
{
	return decode(&m->col[col], i);
}

void
ease_daymem_set_text(ease_daymem *m, long i, const char *s)
{
	long id;

	if (s == NULL || !m->has_text)
		return;
	if (m->nt > 0 && m->ti[m->nt - 1] >= i)
		ease_die(EASE_EX_SOFTWARE, "ease_daymem_set_text out of order");
	if (ease_strset_put(m->ids, s, (long)m->nstr, &id)) {
		id = (long)m->nstr;
		ease_grow((void **)&m->str, &m->scap, m->nstr + 1, sizeof *m->str);
		m->str[m->nstr++] = ease_xstrdup(s);
	}
	if (m->nt == m->tcap) {
		m->tcap = m->tcap ? m->tcap + m->tcap / 2 : 64;
		m->ti = ease_xrealloc(m->ti, m->tcap * sizeof *m->ti);
		m->sid = ease_xrealloc(m->sid, m->tcap * sizeof *m->sid);
	}
	m->ti[m->nt] = (int32_t)i;
	m->sid[m->nt++] = (uint32_t)id;
}

const char *
ease_daymem_text(const ease_daymem *m, long i)
{
	size_t lo = 0, hi = m->nt;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->ti[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->nt && m->ti[lo] == i ? m->str[m->sid[lo]] : NULL;
}

size_t
ease_daymem_ncols(const ease_daymem *m)
{
	return m->nnum + 1 + (size_t)m->has_text;
}

const char *
ease_daymem_colname(const ease_daymem *m, size_t col)
{
	return m->name[col];
}

const char *
ease_daymem_file(const ease_daymem *m)
{
	return m->file;
}

int
ease_daymem_numcol(const ease_daymem *m, size_t col, size_t *num)
{
	if (col < 1 || col > m->nnum)
		return 0;
	*num = col - 1;
	return 1;
}

size_t
ease_daymem_bytes(const ease_daymem *m)
{
	size_t b = m->tcap * (sizeof *m->ti + sizeof *m->sid);

	for (size_t k = 0; k < m->nnum; k++)
		b += (size_t)m->cap * (m->col[k].scale >= 0 ? sizeof(int16_t) : sizeof(double));
	return b;
}

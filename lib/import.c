/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-import's driver: picks each file's reader by its header (the shared
 * table of lib/formats.c), writes the events, drops exact repeats and stops
 * at conflicting ones, and turns local clock times into instants.
 */
#include "ease/import.h"
#include "ease/tz.h"
#include "ease/recset.h"

#include "ease/err.h"
#include "ease/formats.h"
#include "ease/value.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const struct {
	const char *name;
	ease_imp_reader read;
	const char *about;
} readers[] = {
	{"bearable", ease_import_bearable,
	 "Bearable: pain, symptoms, mood, energy, medication, factors, sleep"},
	{"sleep-as-android", ease_import_saa,
	 "Sleep as Android sleep-export.csv: nights, rating, #tags"},
	{"fitbit", ease_import_fitbit,
	 "Fitbit sleep: the account export's Sleep section or sleepDay_merged.csv"},
	{"sleep-cycle", ease_import_sleep_cycle,
	 "Sleep Cycle: nights, quality, notes (both layouts)"},
	{"plees-tracker", ease_import_plees,
	 "Plees Tracker: sleeps in epoch milliseconds, rating"},
	{"sleepmeter", ease_import_sleepmeter,
	 "Sleepmeter: nights and naps, wakings, quality, aids, hindrances, tags"},
	{"secuso", ease_import_secuso,
	 "Privacy Friendly Pain Diary (SecUSo): pain by body region, condition, drugs"},
	{NULL, NULL, NULL}
};

int
ease_import_known(const char *name)
{
	if (strcmp(name, "auto") == 0)
		return 1;
	for (int i = 0; readers[i].name; i++)
		if (strcmp(readers[i].name, name) == 0)
			return 1;
	return 0;
}

void
ease_import_list(void)
{
	for (int i = 0; readers[i].name; i++)
		printf("%-17s %s\n", readers[i].name, readers[i].about);
}

/* ---- the events written, and the repeats among them ---- */

/*
 * Records are told apart by their format and their first event's subject,
 * start, kind and name (and a note's text); one seen before with the same
 * events is an exact repeat (dropped), with other events a conflict.  Two
 * apps may record one night: they are two measurements, for ease-daily to
 * weigh.  A format that times its entries by a slot of the day (Bearable's
 * "am") logs two ratings of one slot as two records alike: within a file
 * they are kept, and only a record that an earlier file holds as often is
 * a repeat (overlapping exports).  The events of a record wait until it is
 * whole; then it is kept whole (lib/recset.c holds its bytes in a temporary
 * file), for a repeat is one only when it is the
 * same byte for byte: a hash finds candidates, and two records whose hashes
 * meet but whose bytes differ are never one (lib/recset.c).
 */

/* Of a record's tag: a slot format's record already matched by a later file's. */
#define SEEN_MATCHED 0x80000000u

typedef struct drv {
	ease_writer *w;
	ease_recset *seen;	/* every record written: its key, its events, its line */
	long dups;		/* records dropped as exact repeats, this file */
	const char *fmt;	/* this file's format */
	int slots;		/* it times entries by slots: no conflicts */
	char *const *names;
	long *base;		/* each file's first global line */
	int nfiles;
	/* the record being read: its events, 8 strings each, end to end */
	char *pend;
	size_t plen, pcap;
	int pn;
	long pline;
	int pfile;
	/* its key: the format, then the first event's subject, start, kind, name */
	char *pkey;
	size_t pklen, pkcap;
	int pdrop;		/* the record held an event ease cannot write: skipped */
	/* this file's header, held here so that dying over it leaks nothing */
	ease_rec *kept;
} drv;

static void
num(double v, char *buf)
{
	if (isnan(v))
		buf[0] = '\0';
	else
		ease_fmt_num(v, 6, buf);
}

/* The file and line of global line G. */
static void
place_of(const drv *d, uint32_t g, char *buf, size_t n, int cur)
{
	int f = 0;

	while (f + 1 < d->nfiles && d->base[f + 1] <= (long)g)
		f++;
	if (f == cur)
		snprintf(buf, n, "line %ld", (long)g - d->base[f]);
	else
		snprintf(buf, n, "%s:%ld", d->names[f], (long)g - d->base[f]);
}

/*
 * Stops at a record (its events, 8 fields each, A: ALEN bytes) that has the
 * key of the one at global line LINE (B) but not its bytes, naming the
 * first field where they part.
 */
static void
conflict(ease_imp *im, const char *a, size_t alen, const char *b, size_t blen, uint32_t line)
{
	static const char *const field[] = {"subject", "start", "end", "kind", "name",
					    "value", "unit", "note"};
	drv *d = im->priv;
	const char *ea = a, *eb = b, *start = a + strlen(a) + 1, *kind, *name;
	char place[300], here[160], there[160], what[80];
	int f = 0, ev = 0;

	kind = start + strlen(start) + 1;
	kind += strlen(kind) + 1;
	name = kind + strlen(kind) + 1;
	/* the first field that differs, or the first event one record lacks */
	while (a < ea + alen && b < eb + blen && strcmp(a, b) == 0) {
		a += strlen(a) + 1;
		b += strlen(b) + 1;
		if (++f == 8)
			f = 0, ev++;
	}
	if (a < ea + alen && b < eb + blen) {
		if (ev)
			snprintf(what, sizeof what, "the %s of its event %d", field[f], ev + 1);
		else
			snprintf(what, sizeof what, "its %s", field[f]);
		ease_shown(a, here, sizeof here);
		ease_shown(b, there, sizeof there);
	} else {
		/* the same events as far as the shorter goes: one has more */
		int na = 0, nb = 0;

		for (const char *p = ea; p < ea + alen; p += strlen(p) + 1)
			na++;
		for (const char *p = eb; p < eb + blen; p += strlen(p) + 1)
			nb++;
		snprintf(what, sizeof what, "its number of events");
		snprintf(here, sizeof here, "%d", na / 8);
		snprintf(there, sizeof there, "%d", nb / 8);
	}
	place_of(d, line, place, sizeof place, d->pfile);
	ease_bad_row(im->file, d->pline, "%s%s%s%s at %s differs from the one of %s in %s: "
		     "'%s' here, '%s' there (a conflicting duplicate: keep one of the two)",
		     kind, *name ? " '" : "", name, *name ? "'" : "", start, place, what, here,
		     there);
}

/* The record read so far, written or dropped as a repeat. */
static void
flush(ease_imp *im)
{
	drv *d = im->priv;
	uint32_t g = (uint32_t)(d->base[d->pfile] + d->pline);
	const char *p = d->pend;
	size_t at = 0;
	long i;
	int nev = d->pn;
	uint64_t h;

	if (!nev)
		return;
	d->pn = 0;
	if (d->pdrop) {
		d->pdrop = 0;
		return;
	}
	h = ease_recset_hash(d->seen, d->pkey, d->pklen);
	while ((i = ease_recset_next_h(d->seen, d->pkey, d->pklen, h, &at)) >= 0) {
		uint32_t *tag = ease_recset_tag(d->seen, (size_t)i);
		int same = ease_recset_same(d->seen, (size_t)i, d->pend, d->plen);
		const char *other;
		size_t olen;

		if (d->slots) {
			if (same && !(*tag & SEEN_MATCHED) && (long)*tag < d->base[d->pfile]) {
				*tag |= SEEN_MATCHED;
				d->dups++;
				return;
			}
			continue;
		}
		if (same) {
			d->dups++;
			return;
		}
		other = ease_recset_body(d->seen, (size_t)i, &olen);
		conflict(im, d->pend, d->plen, other, olen, *tag);
		return;
	}
	ease_recset_add_h(d->seen, d->pkey, d->pklen, h, d->pend, d->plen, g);
	for (int e = 0; e < nev; e++) {
		for (int f = 0; f < 8; f++) {
			size_t n = strlen(p);

			ease_w_field(d->w, p, n);
			p += n + 1;
		}
		ease_w_end(d->w);
	}
}

/* Adds S and its NUL to the key of the record being read. */
static void
key_add(drv *d, const char *s)
{
	size_t n = strlen(s ? s : "") + 1;

	ease_grow((void **)&d->pkey, &d->pkcap, d->pklen + n, 1);
	memcpy(d->pkey + d->pklen, s ? s : "", n);
	d->pklen += n;
}

/* A time written with four digits for the year (and none other), or none. */
static int
four_digit_year(const char *t)
{
	if (!t || !*t)
		return 1;
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)t[i]))
			return 0;
	return t[4] == '-';
}

/*
 * Whether E can be written as an event every tool reads back: a year of
 * four digits, a finite value.  A record the app wrote that comes to more
 * (a start in the year 10000, 1e308 g as mg) is bad data at its line.
 */
static int
writable(ease_imp *im, const ease_event *e, long line)
{
	const char *t = !four_digit_year(e->start) ? e->start
		      : !four_digit_year(e->end) ? e->end : NULL;

	if (t) {
		ease_bad_row(im->file, line, "%s%s%s%s at '%s': a time after the year 9999 "
			     "(or before the year 0), which no ease tool reads; is the "
			     "time in the export right?", e->kind, *e->name ? " '" : "",
			     e->name, *e->name ? "'" : "", t);
		return 0;
	}
	if (!isnan(e->value) && !isfinite(e->value)) {
		ease_bad_row(im->file, line, "%s%s%s%s: the value comes to %s%s%s, too large "
			     "a number to write (is the amount in the export right?)", e->kind,
			     *e->name ? " '" : "", e->name, *e->name ? "'" : "",
			     e->value < 0 ? "-inf" : "inf", e->unit && *e->unit ? " " : "",
			     e->unit ? e->unit : "");
		return 0;
	}
	return 1;
}

void
ease_imp_emit(ease_imp *im, const ease_event *e, long line)
{
	drv *d = im->priv;
	char v[48];

	if (d->pn && (d->pline != line || d->pfile != im->fileno))
		flush(im);
	if (d->pdrop && d->pline == line && d->pfile == im->fileno)
		return;
	if (!writable(im, e, line)) {
		/* --skip-bad: the whole record goes, not the one event */
		if (!d->pn) {
			d->pline = line;
			d->pfile = im->fileno;
			d->pn = 1;
			d->plen = 0;
		}
		d->pdrop = 1;
		return;
	}
	num(e->value, v);
	if (!d->pn) {
		d->plen = 0;
		d->pklen = 0;
		d->pline = line;
		d->pfile = im->fileno;
		key_add(d, d->fmt);
		key_add(d, e->subject);
		key_add(d, e->start);
		key_add(d, e->kind);
		key_add(d, e->name);
		/* two notes of one time are two notes (a weight and a pulse), not a conflict */
		if (strcmp(e->kind, "note") == 0)
			key_add(d, e->note);
	}
	{
		const char *f[8] = {e->subject, e->start, e->end, e->kind, e->name, v, e->unit,
				    e->note};
		size_t n[8], all = 0;

		/* one growth for the event's eight strings */
		for (int i = 0; i < 8; i++) {
			if (!f[i])
				f[i] = "";
			all += (n[i] = strlen(f[i]) + 1);
		}
		ease_grow((void **)&d->pend, &d->pcap, d->plen + all, 1);
		for (int i = 0; i < 8; i++) {
			memcpy(d->pend + d->plen, f[i], n[i]);
			d->plen += n[i];
		}
	}
	d->pn++;
}

/* ---- time zones ---- */

/* Makes ZONE the one localtime_r uses: set only when it changes. */
static void
use_zone(ease_imp *im, const char *zone)
{
	if (!zone)
		zone = im->zone;
	if (!zone) {
		/* no --tz, no TZ: the system's zone, as at the start */
		if (im->tz_set) {
			free(im->tz_set);
			im->tz_set = NULL;
			unsetenv("TZ");
			tzset();
			ease_tz_forget();
		}
		return;
	}
	if (im->tz_set && strcmp(im->tz_set, zone) == 0)
		return;
	free(im->tz_set);
	im->tz_set = ease_xstrdup(zone);
	setenv("TZ", zone, 1);
	tzset();
	ease_tz_forget();
}

const char *
ease_imp_local(ease_imp *im, const char *zone, long day, long sec, time_t hint,
	       time_t *out)
{
	long long t;
	const char *why;

	use_zone(im, zone);
	/* one rule with ease-daily: the library's, of lib/tz.c */
	why = ease_tz_local(day, sec, hint == (time_t)-1 ? EASE_TZ_NO_HINT : (long long)hint, &t);
	if (why == NULL)
		*out = (time_t)t;
	return why;
}

const char *
ease_imp_interval(ease_imp *im, const char *zone, long d0, long s0, long d1, long s1,
		  double length, time_t *a, time_t *b, int *which)
{
	const char *wa = ease_imp_local(im, zone, d0, s0, (time_t)-1, a);
	const char *wb = ease_imp_local(im, zone, d1, s1, (time_t)-1, b);
	/* beyond it a length settles nothing (lib/tz.c), and must not overflow */
	const double far = 4.0 * EASE_TZ_MAX_DAY * 86400;

	if (length > far)
		length = far;
	else if (length < -far)
		length = -far;
	/* an end in the repeated hour: the other end and the length settle it */
	if (wa && !wb && !isnan(length))
		wa = ease_imp_local(im, zone, d0, s0, *b - (time_t)llround(length), a);
	else if (wb && !wa && !isnan(length))
		wb = ease_imp_local(im, zone, d1, s1, *a + (time_t)llround(length), b);
	*which = wa ? 0 : 1;
	return wa ? wa : wb;
}

char *
ease_imp_fmt(ease_imp *im, const char *zone, time_t t, char *buf)
{
	use_zone(im, zone);
	return ease_tz_iso((long long)t, buf);
}

/* ---- records and columns ---- */

const ease_rec *
ease_imp_next(ease_imp *im, ease_reader *r)
{
	for (;;) {
		const ease_rec *rec = ease_reader_next(r);
		const char *err;

		if (!rec)
			return NULL;
		im->last_line = rec->line;
		err = ease_reader_error(r);
		if (!err)
			return rec;
		ease_bad_row(im->file, rec->line, "%s", err);
	}
}

ease_rec *
ease_imp_keep(const ease_rec *h)
{
	ease_rec *k = ease_xcalloc(1, sizeof *k);

	k->n = h->n;
	k->line = h->line;
	k->f = ease_xcalloc(h->n + 1, sizeof *k->f);
	k->len = ease_xcalloc(h->n + 1, sizeof *k->len);
	for (size_t i = 0; i < h->n; i++) {
		k->f[i] = ease_xstrndup(h->f[i], h->len[i]);
		k->len[i] = h->len[i];
	}
	return k;
}

void
ease_imp_free(ease_rec *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->n; i++)
		free(h->f[i]);
	free(h->f);
	free(h->len);
	free(h);
}

int
ease_imp_col(const ease_rec *h, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < h->n; i++) {
		const char *f = h->f[i];
		size_t len = h->len[i];

		while (len > 0 && (*f == ' ' || *f == '\t'))
			f++, len--;
		while (len > 0 && (f[len - 1] == ' ' || f[len - 1] == '\t'))
			len--;
		if (len == n && strncasecmp(f, name, n) == 0)
			return (int)i;
	}
	return -1;
}

int
ease_imp_need(ease_imp *im, const ease_rec *h, const char *name)
{
	int c = ease_imp_col(h, name);

	if (c < 0)
		ease_die(EASE_EX_DATA, "%s:%ld: the header has no column '%s', which this "
			 "format needs", im->file, h->line, name);
	return c;
}

const char *
ease_imp_cell(const ease_rec *rec, int col)
{
	return col >= 0 && (size_t)col < rec->n ? rec->f[col] : "";
}

int
ease_imp_width(ease_imp *im, const ease_rec *rec, const ease_rec *h)
{
	if (rec->n == h->n)
		return 1;
	ease_bad_row(im->file, rec->line, "%zu field%s, but the header has %zu",
		     rec->n, rec->n == 1 ? "" : "s", h->n);
	return 0;
}

int
ease_imp_num(const char *cell, double *v, int *percent)
{
	char buf[64];
	size_t n = 0, len;
	const char *s = cell;

	if (percent)
		*percent = 0;
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len && s[len - 1] == ' ')
		len--;
	if (len && s[len - 1] == '%' && percent) {
		*percent = 1;
		len--;
	}
	if (len >= sizeof buf)
		return EASE_V_BAD;
	/* thousands commas only between groups of three digits: 1,005 */
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ',') {
			size_t k = i + 1, d = 0;

			while (k < len && isdigit((unsigned char)s[k]))
				k++, d++;
			if (i == 0 || !isdigit((unsigned char)s[i - 1]) || d != 3)
				return EASE_V_BAD;
			continue;
		}
		buf[n++] = s[i];
	}
	buf[n] = '\0';
	return ease_parse_num(buf, 0, v);
}

char *
ease_imp_slug(const char *s, size_t len, char *buf, size_t n)
{
	size_t o = 0;
	int gap = 0;

	for (size_t i = 0; i < len && o + 2 < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (isalnum(ch) || ch >= 0x80) {
			if (gap && o)
				buf[o++] = '_';
			gap = 0;
			buf[o++] = (char)tolower(ch);
		} else {
			gap = 1;
		}
	}
	buf[o] = '\0';
	return buf;
}

void
ease_imp_str_add(ease_imp_str *b, const char *p, size_t n)
{
	ease_grow((void **)&b->s, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
ease_imp_str_addf(ease_imp_str *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ease_xvappendf(&b->s, &b->len, &b->cap, fmt, ap);
	va_end(ap);
}

void
ease_imp_str_clear(ease_imp_str *b)
{
	b->len = 0;
	ease_imp_str_add(b, "", 0);
}

char *
ease_imp_slug_dup(const char *s, size_t len)
{
	/* a slug is never longer than its text: room for all of it */
	size_t n = len + 3;
	char *buf = ease_xmalloc(n);

	return ease_imp_slug(s, len, buf, n);
}

/* ---- clock times and numeric dates ---- */

long
ease_imp_clock(const char *s, const char **end)
{
	long h = 0, m = 0, sec = 0;
	int nd = 0;

	while (*s == ' ')
		s++;
	while (isdigit((unsigned char)*s) && nd < 3)
		h = h * 10 + (*s++ - '0'), nd++;
	if (nd == 0 || nd > 2 || *s != ':')
		return -1;
	s++;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return -1;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	s += 2;
	if (*s == ':') {
		if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]))
			return -1;
		sec = (s[1] - '0') * 10 + (s[2] - '0');
		s += 3;
	}
	if (m > 59 || sec > 59)
		return -1;
	{
		const char *p = s;

		while (*p == ' ')
			p++;
		if ((p[0] == 'A' || p[0] == 'a' || p[0] == 'P' || p[0] == 'p') &&
		    (p[1] == 'M' || p[1] == 'm')) {
			if (h < 1 || h > 12)
				return -1;
			h = h % 12 + ((p[0] == 'P' || p[0] == 'p') ? 12 : 0);
			s = p + 2;
		} else if (h > 23) {
			return -1;
		}
	}
	if (end)
		*end = s;
	else if (*s)
		return -1;
	return h * 3600 + m * 60 + sec;
}

ease_recstore *
ease_imp_read_dated(ease_imp *im, ease_reader *r, const ease_rec *h, const int *cols,
		    const char *const *names, int ncols, int sections, ease_dateform *df)
{
	const char *fmt = im->c->date_format;
	ease_recstore *st = ease_recstore_new();
	const ease_rec *rec;
	char msg[512];

	ease_dateform_init(df);
	while ((rec = ease_imp_next(im, r))) {
		int ok = 1;

		if (sections && rec->n == 1) {
			/* the account export goes on with another section */
			if (im->o->verbose)
				ease_warn("%s:%ld: '%s' begins another section: the sleep "
					  "section ends here", im->file, rec->line, rec->f[0]);
			break;
		}
		if (!ease_imp_width(im, rec, h))
			continue;
		for (int k = 0; ok && k < ncols && !fmt; k++)
			if (ease_dateform_add(df, rec->f[cols[k]], rec->line, msg, sizeof msg)) {
				ease_bad_value(im->file, rec->line, names[k], rec->f[cols[k]], msg);
				ok = 0;
			}
		if (ok)
			ease_recstore_add(st, rec, im->file);
	}
	if (!fmt && ease_dateform_settle(df, names[0], msg, sizeof msg))
		ease_die(EASE_EX_DATA, "%s: %s", im->file, msg);
	return st;
}

void
ease_dateform_init(ease_dateform *d)
{
	memset(d, 0, sizeof *d);
	ease_datehint_init(&d->order);
}

/*
 * The numbers of a date: A SEP B SEP C, blanks allowed after a '.', as the
 * shape "N/N/YYYY" ("YYYY-N-N" for year first).  Returns the date's length.
 */
static size_t
split_date(const char *s, long v[3], char *shape)
{
	const char *p = s;
	char sep = 0;
	int nd[3];

	for (int i = 0; i < 3; i++) {
		nd[i] = 0;
		v[i] = 0;
		while (isdigit((unsigned char)*p) && nd[i] < 5)
			v[i] = v[i] * 10 + (*p++ - '0'), nd[i]++;
		if (nd[i] == 0 || nd[i] > 4)
			return 0;
		if (i == 2)
			break;
		if (i == 0) {
			sep = *p;
			if (sep != '/' && sep != '-' && sep != '.')
				return 0;
		} else if (*p != sep) {
			return 0;
		}
		p++;
		if (sep == '.')
			while (*p == ' ')
				p++;
	}
	if (nd[0] == 4) {
		if (nd[1] > 2 || nd[2] > 2)
			return 0;
		snprintf(shape, 16, "YYYY%cN%cN", sep, sep);
	} else {
		if (nd[0] > 2 || nd[1] > 2 || (nd[2] != 4 && nd[2] != 2))
			return 0;
		snprintf(shape, 16, "N%cN%c%s", sep, sep, nd[2] == 4 ? "YYYY" : "YY");
	}
	return (size_t)(p - s);
}

const char *
ease_dateform_add(ease_dateform *d, const char *cell, long line, char *msg, size_t n)
{
	long v[3];
	char shape[16];

	while (*cell == ' ')
		cell++;
	if (!split_date(cell, v, shape)) {
		snprintf(msg, n, "is not a date with numbers (expected a form like "
			 "2016-04-12, 4/12/2016 or 12.04.2016)");
		return msg;
	}
	if (!d->seen) {
		d->seen = 1;
		snprintf(d->shape, sizeof d->shape, "%s", shape);
		snprintf(d->first, sizeof d->first, "%.39s", cell);
		d->first_line = line;
	} else if (strcmp(shape, d->shape) != 0) {
		snprintf(msg, n, "is written %s, but line %ld wrote '%s' (%s): "
			 "one column, two forms; give --date-format for the one meant, "
			 "or make them one", shape, d->first_line, d->first, d->shape);
		return msg;
	}
	/* the order is the shared detector's (lib/datehint.c), as ease-check's */
	if (shape[0] != 'Y')
		ease_datehint_note(&d->order, v[0], v[1], cell, line);
	return NULL;
}

const char *
ease_dateform_settle(ease_dateform *d, const char *col, char *msg, size_t n)
{
	char sep;
	int order;

	if (!d->seen || d->shape[0] == 'Y')
		return NULL;
	sep = d->shape[1];
	order = ease_datehint_order(&d->order);
	if (order == '!') {
		snprintf(msg, n, "column '%s': line %ld ('%s') puts the day first and "
			 "line %ld ('%s') the month first: one column, two orders; "
			 "give --date-format for the one meant", col, d->order.day1_line,
			 d->order.day1, d->order.day2_line, d->order.day2);
		return msg;
	}
	if (order == 0) {
		const char *y = strstr(d->shape, "YYYY") ? "Y" : "y";

		snprintf(msg, n, "column '%s': no date tells whether '%s' (line %ld) is "
			 "day or month first: give --date-format %%d%c%%m%c%%%s or "
			 "%%m%c%%d%c%%%s", col, d->first, d->first_line, sep, sep, y,
			 sep, sep, y);
		return msg;
	}
	return NULL;
}

const char *
ease_dateform_read(const ease_dateform *d, const char *fmt, const char *cell,
		   long *day, long *sec)
{
	long v[3], y, m, dd;
	char shape[16];
	size_t len;
	const char *rest;

	while (*cell == ' ')
		cell++;
	*sec = 0;
	if (fmt) {
		char date[64];
		const char *sp = strchr(cell, ' ');

		/* the pattern reads the date; the clock after it is read as ever */
		len = sp ? (size_t)(sp - cell) : strlen(cell);
		if (len >= sizeof date)
			return "is not a date by --date-format";
		memcpy(date, cell, len);
		date[len] = '\0';
		if (ease_parse_date(date, fmt, day) != 0)
			return "is not a date by --date-format";
		rest = cell + len;
	} else {
		len = split_date(cell, v, shape);
		if (!len)
			return "is not a date with numbers";
		if (shape[0] == 'Y')
			y = v[0], m = v[1], dd = v[2];
		else if (ease_datehint_order(&d->order) == 'd')
			dd = v[0], m = v[1], y = v[2];
		else
			m = v[0], dd = v[1], y = v[2];
		if (strstr(shape, "YY") && !strstr(shape, "YYYY"))
			y += 2000;
		if (!ease_valid_civil(y, (int)m, (int)dd))
			return "is not a valid date";
		*day = ease_days_from_civil(y, (int)m, (int)dd);
		rest = cell + len;
	}
	while (*rest == ' ')
		rest++;
	if (*rest) {
		long s = ease_imp_clock(rest, NULL);

		if (s < 0)
			return "has no valid clock time after the date (expected H:MM "
			       "or H:MM:SS; 1:00 to 12:59 with AM or PM)";
		*sec = s;
	}
	return NULL;
}

/* ---- the run ---- */

static ease_imp_reader
reader_of(const char *name)
{
	for (int i = 0; readers[i].name; i++)
		if (strcmp(readers[i].name, name) == 0)
			return readers[i].read;
	return NULL;
}

static void
one_file(ease_imp *im, const char *path)
{
	drv *d = im->priv;
	ease_reader *r = ease_reader_open(path, im->c->delim);
	const ease_rec *h;
	ease_rec *kept = NULL;
	const ease_format *fm;
	const char *name;

	ease_reader_set_lenient(r, 1);
	im->last_line = 0;
	im->file = ease_reader_name(r);
	h = ease_reader_header(r);
	if (!h && ease_reader_error(r))
		ease_die(EASE_EX_DATA, "%s: %s", im->file, ease_reader_error(r));
	if (!h)
		ease_die(EASE_EX_DATA, "%s: empty file: no header to tell the app by", im->file);
	if (ease_reader_error(r))
		ease_die(EASE_EX_DATA, "%s:%ld: %s", im->file, h->line, ease_reader_error(r));
	if (h->n == 1 && h->len[0] > 0 && !ease_format_is_title(h)) {
		/*
		 * Fitbit's account export as downloaded: sections (Body,
		 * Activities, ...), each under a one-word title; Sleep is read
		 */
		const ease_rec *x;
		long first = h->line;
		char shown[160];

		ease_shown(h->f[0], shown, sizeof shown);
		while ((x = ease_imp_next(im, r)) && !(x->n == 1 && ease_format_is_title(x)))
			;
		if (!x)
			ease_die(EASE_EX_DATA, "%s:%ld: not an export ease-import knows by its "
				 "header (its first line is one field, '%s', and no Fitbit "
				 "'Sleep' section follows; ease-import --list names the formats)",
				 im->file, first, shown);
		if (im->o->verbose)
			ease_warn("%s: lines %ld ('%s') to %ld are sections other than Sleep: skipped",
				  im->file, first, shown, x->line - 1);
		h = x;
	}
	if (ease_format_is_title(h)) {
		/* Fitbit's "Sleep" above the header: the header is the next line */
		h = ease_imp_next(im, r);
		if (!h)
			ease_die(EASE_EX_DATA, "%s: a title line and nothing after it", im->file);
	}
	kept = d->kept = ease_imp_keep(h);
	fm = ease_format_detect(kept);
	if (im->o->from && strcmp(im->o->from, "auto") != 0) {
		if (!fm || strcmp(fm->name, im->o->from) != 0) {
			char shown[160];

			ease_shown(kept->n ? kept->f[0] : "", shown, sizeof shown);
			ease_die(EASE_EX_DATA, "%s:%ld: not a %s export: its header begins "
				 "'%s'%s%s%s", im->file, kept->line, im->o->from, shown,
				 fm ? " (it reads as " : "", fm ? fm->name : "", fm ? ")" : "");
		}
		name = im->o->from;
	} else {
		if (!fm)
			ease_die(EASE_EX_DATA, "%s:%ld: not an export ease-import knows by its "
				 "header (ease-import --list names the formats)", im->file,
				 kept->line);
		name = fm->name;
		if (im->o->verbose)
			ease_warn("%s: a %s export: reading it as --from %s", im->file,
				  fm->app, fm->name);
	}
	/* only numeric dates have an order to settle */
	if (im->c->date_format && strcmp(name, "fitbit") != 0 && strcmp(name, "secuso") != 0)
		ease_warn("%s: --date-format is not used: %s writes its dates one way only",
			  im->file, name);
	d->dups = 0;
	d->fmt = name;
	d->slots = strcmp(name, "bearable") == 0;
	if (!reader_of(name))
		ease_die(EASE_EX_SOFTWARE, "no reader for the format '%s'", name);
	reader_of(name)(im, r, kept);
	flush(im);
	/* the next file's lines come after this one's */
	if (im->fileno + 1 < d->nfiles)
		d->base[im->fileno + 1] = d->base[im->fileno] + im->last_line + 1;
	if (d->dups)
		ease_warn("%s: dropped %ld exact duplicate record%s", im->file, d->dups,
			  d->dups == 1 ? "" : "s");
	ease_imp_free(kept);
	d->kept = NULL;
	ease_reader_close(r);
}

int
ease_import_run(ease_common *c, const ease_import_opts *o)
{
	drv d = {0};
	ease_imp im = {0};
	char *stdin_name[] = {"-"};
	char *const *files = c->nfiles ? c->files : stdin_name;
	int nfiles = c->nfiles ? c->nfiles : 1;

	/* each format fixes its columns and numbers: these would be ignored */
	if (c->ncolmap)
		ease_usage("--col: each format names its own columns; ease-import takes no --col");
	if (c->decimal_comma)
		ease_usage("--decimal-comma: each format says how it writes numbers; "
			   "ease-import takes no --decimal-comma");
	im.c = c;
	im.o = o;
	im.priv = &d;
	d.names = files;
	d.nfiles = nfiles;
	d.base = ease_xcalloc((size_t)nfiles, sizeof *d.base);
	d.seen = ease_recset_new(64);
	ease_tz_check(o->tz);
	im.zone = o->tz ? o->tz : getenv("TZ");
	tzset();
	d.w = ease_writer_open(c->output, c->format, c->files, c->nfiles);
	/* a failure late in a file must not leave a pipe a log cut short */
	ease_writer_spool(d.w);
	ease_w_str(d.w, "subject");
	ease_w_str(d.w, "start");
	ease_w_str(d.w, "end");
	ease_w_str(d.w, "kind");
	ease_w_str(d.w, "name");
	ease_w_str(d.w, "value");
	ease_w_str(d.w, "unit");
	ease_w_str(d.w, "note");
	ease_w_end(d.w);
	for (int i = 0; i < nfiles; i++) {
		im.fileno = i;
		one_file(&im, files[i]);
	}
	ease_writer_close(d.w);
	ease_report_skipped();
	ease_recset_free(d.seen);
	free(im.tz_set);
	free(d.base);
	free(d.pend);
	free(d.pkey);
	return 0;
}

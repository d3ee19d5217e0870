/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/daily.h"
#include "ease/evkind.h"
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/datehint.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/technique.h"
#include "ease/tz.h"
#include "ease/value.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Naps: a sleep that ends between these clock times and is shorter. */
#define NAP_FROM (10 * 3600L)
#define NAP_TO (20 * 3600L)
#define NAP_MAX (4 * 3600.0)
#define DAY_SEC 86400.0
/*
 * The rounding rule: hours asleep may exceed the time from bed to wake-up by
 * a minute for each end (clock times cut to the minute) and 0.005 h (hours
 * rounded to two decimals), 138 s in all; ease-import refuses more.
 */
#define EASE_SLEEP_ROUNDING (2 * 60 + 18)
/* the longest night read from clock times alone (a sleep of 16 h, when ill) */
#define CLOCK_NIGHT_MAX (16 * 3600)

/* ---- options ---- */

void
ease_daily_opts_init(ease_daily_opts *o, int argc, char **argv)
{
	memset(o, 0, sizeof *o);
	o->argc0 = argc;
	o->argv0 = ease_xcalloc((size_t)argc + 1, sizeof *o->argv0);
	for (int i = 0; i < argc; i++)
		o->argv0[i] = argv[i];
}

/* Where string P (an option's value or a file name) stood on the command line. */
static int
argpos(const ease_daily_opts *o, const char *p)
{
	/* as addresses: P may lie in any of the strings, or none */
	uintptr_t x = (uintptr_t)p;

	for (int i = 0; i < o->argc0; i++) {
		uintptr_t a = (uintptr_t)o->argv0[i];

		if (x >= a && x <= a + strlen(o->argv0[i]))
			return i;
	}
	return o->argc0;
}

void
ease_daily_add(ease_daily_opts *o, int kind, const char *path)
{
	size_t cap = (size_t)o->cap;

	ease_grow((void **)&o->in, &cap, (size_t)o->nin + 1, sizeof *o->in);
	o->cap = (int)cap;
	o->in[o->nin].kind = kind;
	o->in[o->nin].path = path;
	o->in[o->nin].pos = argpos(o, path);
	o->nin++;
}

void
ease_daily_set_prefer(ease_daily_opts *o, const char *arg)
{
	if (strcmp(arg, "first") == 0)
		o->prefer = EASE_PREFER_FIRST;
	else if (strcmp(arg, "last") == 0)
		o->prefer = EASE_PREFER_LAST;
	else
		ease_usage("--prefer: '%s' is not first or last", arg);
}

void
ease_daily_set_naps(ease_daily_opts *o, const char *arg)
{
	if (strcmp(arg, "add") == 0)
		o->naps_add = 1;
	else if (strcmp(arg, "ignore") == 0)
		o->naps_add = 0;
	else
		ease_usage("--naps: '%s' is not ignore or add", arg);
}

void
ease_daily_set_from(ease_daily_opts *o, const char *arg, int to)
{
	long d = ease_opt_date(to ? "--to" : "--from", arg);

	if (to) {
		o->has_to = 1;
		o->to = d;
	} else {
		o->has_from = 1;
		o->from = d;
	}
	if (o->has_from && o->has_to && o->from > o->to) {
		char f[16], t[16];

		ease_usage("--from %s is after --to %s: no day is in between",
			   ease_fmt_date(o->from, f), ease_fmt_date(o->to, t));
	}
}

/* ---- columns of the day table ---- */

enum {
	C_PAIN, C_PAIN_MAX, C_PAIN_N, C_SLEEP_HOURS, C_SLEEP_QUALITY,
	C_TIME_IN_BED, C_SLEEP_EFF, C_MASSAGE, C_TECHNIQUE, C_MASSAGE_MIN,
	C_PAIN_BEFORE, C_PAIN_AFTER, C_MEDS_DOSES, C_STRESS, C_MOOD, C_NFIXED
};

static const char *const fixed_name[C_NFIXED] = {
	"pain", "pain_max", "pain_n", "sleep_hours", "sleep_quality",
	"time_in_bed", "sleep_efficiency", "massage", "technique", "massage_min",
	"pain_before", "pain_after", "meds_doses", "stress", "mood"
};

/* The day-table role each fixed column has, to read it from --days. */
static const int fixed_role[C_NFIXED] = {
	EASE_R_PAIN, EASE_R_PAIN_MAX, EASE_R_PAIN_N, EASE_R_SLEEP_HOURS,
	EASE_R_SLEEP_QUALITY, EASE_R_TIME_IN_BED, EASE_R_SLEEP_EFFICIENCY,
	EASE_R_MASSAGE, EASE_R_TECHNIQUE, EASE_R_MASSAGE_MIN, EASE_R_PAIN_BEFORE,
	EASE_R_PAIN_AFTER, EASE_R_MEDS_DOSES, EASE_R_STRESS, EASE_R_MOOD
};

/* Columns that are 0, not empty, on a day with some record but none of theirs. */
enum { K_FIXED, K_MED, K_FACTOR, K_TEXT, K_MEDPEND };

typedef struct dcol {
	char *name;
	int kind;
	int used;
	int measure;		/* a factor logged with a unit: heart_rate bpm */
	/*
	 * K_MEDPEND: intakes of DRUG without dose or unit before any with a
	 * unit; never written, they become med_<drug>_<unit> once all input
	 * is read (the order of the rows must not decide).
	 */
	char *drug;
} dcol;

/* A med_<drug>_<unit> column's drug: the unit its doses are added in. */
typedef struct drug {
	char *unit;		/* "mg", "ml", "" */
	int file;
	long line;
} drug;

/* Where a value came from: the input (in command-line order) and line. */
typedef struct place {
	long file;
	long line;
} place;

enum { SL_ASLEEP, SL_INBED, SL_VALUE };

typedef struct sleeprec {
	double s, e;		/* real seconds; NaN without an interval */
	double hours;		/* NaN when not given */
	long type;		/* SL_* */
	long nap;
	place at;
} sleeprec;

typedef struct sess {
	long sec;		/* time of day, -1 when not known */
	long seq;		/* input order */
	char *tech;		/* canonical, '|'-joined; NULL when none */
} sess;

typedef struct mean {
	double sum;
	long n;
	place at;
} mean;

/* A sleep quality rated at an instant: a nap's, when a nap ends then. */
typedef struct qrate {
	double t;
	double v;
	place at;
} qrate;

/* A pain location's ratings among a day's values: column numbers below 0. */
#define LOC_COL(i) (-1 - (long)(i))
#define LOC_OF(col) ((size_t)(-1 - (col)))

typedef struct dynval {
	long col;		/* a column, or LOC_COL of a pain location */
	double sum;
	long n;
	place at;
} dynval;

typedef struct given {
	long col;
	double v;
	double tol;		/* half a unit of the last decimal written */
	char *text;		/* text columns; NULL for numbers */
	place at;
} given;

typedef struct dayacc {
	long recorded;
	mean pain;
	double pain_max;
	mean pb, pa, stress, mood, sq;
	long massage;
	double mmin;
	long has_mmin;
	long mmin_unknown;	/* sessions of the day without a duration */
	place mat;
	sess *ses;
	size_t nses, cses;
	long doses;
	place dat;
	dynval *dy;
	size_t ndy, cdy;
	sleeprec *sl;
	size_t nsl, csl;
	given *gv;
	size_t ngv, cgv;
	qrate *qr;
	size_t nqr, cqr;
	struct dayacc *next;	/* among the spare ones */
} dayacc;

/*
 * Days freed wait here for the next ones, with their lists: a day is made
 * and freed for every subject-day, and its lists grown from one entry each.
 */
static dayacc *spare_days;

static dayacc *
new_day(void)
{
	dayacc *a = spare_days, keep;

	if (a == NULL) {
		a = ease_xcalloc(1, sizeof *a);
	} else {
		spare_days = a->next;
		keep = *a;
		memset(a, 0, sizeof *a);
		a->ses = keep.ses;
		a->cses = keep.cses;
		a->dy = keep.dy;
		a->cdy = keep.cdy;
		a->sl = keep.sl;
		a->csl = keep.csl;
		a->gv = keep.gv;
		a->cgv = keep.cgv;
		a->qr = keep.qr;
		a->cqr = keep.cqr;
	}
	a->pain_max = -INFINITY;
	return a;
}

static void
free_spare_days(void)
{
	while (spare_days) {
		dayacc *a = spare_days;

		spare_days = a->next;
		free(a->ses);
		free(a->dy);
		free(a->sl);
		free(a->gv);
		free(a->qr);
		free(a);
	}
}

/*
 * One piece of a subject set aside: bytes [off, off + len) of the store,
 * NDAYS days packed.
 */
typedef struct seg {
	uint64_t off, len;
	size_t ndays;
} seg;

typedef struct packer {
	unsigned char *b;
	size_t n, cap;
	long line;		/* of the place packed before */
} packer;

typedef struct unpacker {
	const unsigned char *p, *end;
	long line;
} unpacker;

typedef struct subject {
	char *id;
	long base;		/* day of slot 0 */
	dayacc **d;
	size_t n;		/* slots */
	long first, last;	/* days with a record or a row */
	int any;
	size_t held;		/* days in memory */
	size_t *total;		/* of every subject */
	struct seg *seg;	/* its pieces set aside */
	size_t nseg, cseg;
	int suspect;		/* a conflict in a piece: look again at the whole */
} subject;

typedef struct row {
	double *v;
	const char **t;
	char *has;
	place *at;
	double *tol;
	char *techbuf;
	size_t techcap;
	char *locbuf;		/* the day's pain_locations */
	size_t loccap;
	size_t cap;		/* columns the arrays hold */
} row;

typedef struct daily {
	ease_common *c;
	ease_daily_opts *o;
	const char **fname;	/* by input order */
	int nfile;
	ease_strset *subj_ix;
	subject *subj;
	size_t nsubj, csubj;
	long last_subj;		/* cache: the subject of the last row */
	ease_strset *col_ix;
	dcol *col;
	size_t ncol, ccol;
	ease_strset *drug_ix;
	drug *drugs;
	size_t ndrug, cdrug;
	ease_technames *tech;
	long seq;
	int *map_used;
	char *buf;
	size_t bufcap;
	char *dn, *un, *key;	/* a drug's, a unit's name, a key made of them */
	size_t dncap, uncap, keycap;
	/* the store of the days set aside: [0, st_flushed) in the file */
	int st_fd;		/* -1 until the budget is first overrun */
	uint64_t st_flushed, st_len;
	unsigned char *st_buf;
	size_t st_cap, st_hold;
	struct packer pk;	/* a piece being packed, or read back */
	int dry, dry_conflict;	/* cells of a piece: note conflicts, go on */
	row rw;			/* one day's cells */
	size_t held_days;	/* of every subject, in memory */
	long naps_left;		/* naps read while --naps ignore */
	long sleep_empty;	/* sleep events of a date alone, without hours */
	ease_painlocs want;	/* --pain-location; none: every location */
	char *want_hit;		/* of each: a rating had it */
	ease_painlocs locs;	/* locations of the ratings that make pain */
	ease_painlocs left;	/* of the ratings --pain-location left out */
	ease_painlocs seen;	/* of every rating */
	long nleft;
	char *locname;
	size_t loccap;
	int loc_col;		/* pain_locations, -1 when not written */
	const char **locv;	/* a day's locations, to sort */
	size_t locvcap;
	long rows;		/* data rows read, of every input */
} daily;

static int
add_col(daily *d, const char *name, int kind)
{
	long old;

	if (!ease_strset_put(d->col_ix, name, (long)d->ncol, &old))
		return (int)old;
	ease_grow((void **)&d->col, &d->ccol, d->ncol + 1, sizeof *d->col);
	d->col[d->ncol].name = ease_xstrdup(name);
	d->col[d->ncol].kind = kind;
	d->col[d->ncol].used = 0;
	d->col[d->ncol].measure = 0;
	d->col[d->ncol].drug = NULL;
	return (int)d->ncol++;
}

static void set_aside(daily *d, subject *s);

/*
 * Days held in memory before the subjects the input has moved away from are
 * set aside: input grouped by subject holds little more than one subject.
 */
#define HOLD_DAYS 4096

static subject *
get_subject(daily *d, const char *id)
{
	long ix;

	if (d->last_subj >= 0 && strcmp(d->subj[d->last_subj].id, id) == 0)
		return &d->subj[d->last_subj];
	if (ease_strset_put(d->subj_ix, id, (long)d->nsubj, &ix)) {
		ease_grow((void **)&d->subj, &d->csubj, d->nsubj + 1, sizeof *d->subj);
		memset(&d->subj[d->nsubj], 0, sizeof *d->subj);
		d->subj[d->nsubj].id = ease_xstrdup(id);
		d->subj[d->nsubj].total = &d->held_days;
		ix = (long)d->nsubj++;
	}
	if (d->held_days >= HOLD_DAYS)
		for (size_t i = 0; i < d->nsubj; i++)
			if ((long)i != ix && d->subj[i].held)
				set_aside(d, &d->subj[i]);
	d->last_subj = ix;
	return &d->subj[ix];
}

/* The subject's range takes in DAY. */
static void
touch(subject *s, long day)
{
	if (!s->any || day < s->first)
		s->first = day;
	if (!s->any || day > s->last)
		s->last = day;
	s->any = 1;
}

/* The place of DAY's summary in S's array, grown to hold it. */
static dayacc **
slot_ref(subject *s, long day)
{
	if (s->n == 0) {
		s->base = day - 15;
		s->n = 32;
		s->d = ease_xcalloc(s->n, sizeof *s->d);
	}
	if (day < s->base) {
		size_t grow = (size_t)(s->base - day) + s->n;
		dayacc **nd = ease_xcalloc(s->n + grow, sizeof *nd);

		memcpy(nd + grow, s->d, s->n * sizeof *nd);
		free(s->d);
		s->d = nd;
		s->n += grow;
		s->base -= (long)grow;
	} else if ((size_t)(day - s->base) >= s->n) {
		size_t need = (size_t)(day - s->base) + 1, n = s->n;

		while (n < need)
			n *= 2;
		s->d = ease_xrealloc(s->d, n * sizeof *s->d);
		memset(s->d + s->n, 0, (n - s->n) * sizeof *s->d);
		s->n = n;
	}
	return &s->d[day - s->base];
}

static dayacc *
slot(subject *s, long day)
{
	dayacc **p = slot_ref(s, day);

	if (*p == NULL) {
		*p = new_day();
		s->held++;
		(*s->total)++;
	}
	touch(s, day);
	return *p;
}

static dayacc *
record(subject *s, long day)
{
	dayacc *a = slot(s, day);

	a->recorded = 1;
	return a;
}

/*
 * A day's lists hold one or two entries: grown from one, not from the eight
 * of ease_grow, they keep a subject-day near the size of its struct.
 */
static void
grow_small(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 1;

	if (need <= *cap)
		return;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / size)
			ease_die(EASE_EX_SOFTWARE, "out of memory");
		c *= 2;
	}
	*p = ease_xrealloc(*p, c * size);
	*cap = c;
}

/* Appends the K items of SRC, SIZE bytes each, to the array *P of *N. */
static void
append(void **p, size_t *n, size_t *cap, const void *src, size_t k, size_t size)
{
	if (k == 0)
		return;
	grow_small(p, cap, *n + k, size);
	memcpy((char *)*p + *n * size, src, k * size);
	*n += k;
}

static void
mean_add(mean *m, double v, place at)
{
	if (m->n == 0)
		m->at = at;
	m->sum += v;
	m->n++;
}

static void
dyn_add(dayacc *a, long col, double v, place at)
{
	for (size_t i = 0; i < a->ndy; i++)
		if (a->dy[i].col == col) {
			a->dy[i].sum += v;
			a->dy[i].n++;
			return;
		}
	grow_small((void **)&a->dy, &a->cdy, a->ndy + 1, sizeof *a->dy);
	a->dy[a->ndy++] = (dynval){col, v, 1, at};
}

/*
 * A pain rating of the locations in NAMES (a '|' list; NULL or empty: none
 * said): it makes the day's pain unless --pain-location leaves it out.
 */
static void
add_pain(daily *d, subject *s, long day, double v, const char *names, place at)
{
	dayacc *a = record(s, day);
	const char *p = names ? names : "";

	if (d->want.n) {
		int take = 0;

		while (ease_pain_loc_next(&p, &d->locname, &d->loccap)) {
			ease_painlocs_add(&d->seen, d->locname);
			if (ease_painlocs_has(&d->want, d->locname)) {
				d->want_hit[ease_painlocs_add(&d->want, d->locname)] = 1;
				take = 1;
			}
		}
		if (!take) {
			p = names ? names : "";
			if (!ease_pain_loc_next(&p, &d->locname, &d->loccap))
				ease_painlocs_add(&d->left, "(none)");
			else
				do
					ease_painlocs_add(&d->left, d->locname);
				while (ease_pain_loc_next(&p, &d->locname, &d->loccap));
			d->nleft++;
			return;
		}
		p = names ? names : "";
	}
	mean_add(&a->pain, v, at);
	if (v > a->pain_max)
		a->pain_max = v;
	d->col[C_PAIN].used = d->col[C_PAIN_MAX].used = d->col[C_PAIN_N].used = 1;
	/* each location among the day's values, by a column number below 0 */
	while (ease_pain_loc_next(&p, &d->locname, &d->loccap))
		dyn_add(a, LOC_COL(ease_painlocs_add(&d->locs, d->locname)), v, at);
}

/* ---- reading ---- */

/* One open input with its columns. */
typedef struct rd {
	daily *d;
	ease_reader *r;
	ease_cols *cols;
	const char *name;
	int file;
	int kind;
	int subj;		/* column, -1: none */
	const ease_rec *rec;
	ease_datecache dc;
	int who;		/* a column that may name the subject, -1: none */
	char *who_prev;
	long who_day;
	int who_warned;
} rd;

static place
here(const rd *r)
{
	return (place){r->file, r->rec->line};
}

static const char *
cell(const rd *r, int col)
{
	return col >= 0 && (size_t)col < r->rec->n ? r->rec->f[col] : "";
}

static const char *
colname(const rd *r, int col)
{
	return r->cols->name[col];
}

/* Skips the row (returns 0) after reporting a bad cell, or dies. */
static int
bad(const rd *r, int col, const char *why)
{
	ease_bad_value(r->name, r->rec->line, colname(r, col), cell(r, col), why);
	return 0;
}

/* The offset of an ISO date-time that ease_parse_datetime refused as out of range. */
static int
bad_offset(const char *s)
{
	size_t n = strlen(s);
	const char *p = NULL;

	for (size_t i = 11; i < n; i++)
		if (s[i] == '+' || s[i] == '-')
			p = s + i;
	if (p == NULL)
		return 0;
	int oh = (p[1] - '0') * 10 + (p[2] - '0');
	int om = p[3] == ':' ? (p[4] - '0') * 10 + (p[5] - '0') :
		 p[3] ? (p[3] - '0') * 10 + (p[4] - '0') : 0;

	return oh > 18 || om > 59;
}

/*
 * A date or date-time cell.  Dates take --date-format; a date-time in that
 * format is the date, a blank or 'T', and the clock time.
 */
static int
get_dt(rd *r, int col, ease_datetime *dt)
{
	const char *s = cell(r, col), *fmt = r->d->c->date_format;
	int st = ease_parse_datetime(s, NULL, dt);
	static char why[256];

	if (st == EASE_V_OK)
		return 1;
	if (st == EASE_V_MISSING)
		return bad(r, col, "is not a date (the date is missing)");
	if (fmt != NULL) {
		char buf[128];
		const char *sp = strrchr(s, ' ');
		size_t dl = sp ? (size_t)(sp - s) : strlen(s);
		long sec;

		if (dl < sizeof buf) {
			memcpy(buf, s, dl);
			buf[dl] = '\0';
			memset(dt, 0, sizeof *dt);
			st = ease_parse_date(buf, fmt, &dt->day);
			if (st == EASE_V_OK && sp == NULL)
				return 1;
			if (st == EASE_V_OK && ease_parse_time(sp + 1, &sec) == EASE_V_OK) {
				dt->sec = sec;
				dt->has_time = 1;
				return 1;
			}
			if (st == EASE_V_BADYEAR || st == EASE_V_BADCAL) {
				/* 01.03.26 by %Y: the message that points to %y */
				const char *yw = NULL;
				double v;

				if (ease_role_check(EASE_R_DATE, buf, 0, fmt, &v, &yw) != EASE_V_OK &&
				    yw)
					return bad(r, col, yw);
			}
		}
		return bad(r, col, "is not a date (or date and time) in the --date-format");
	}
	if (st == EASE_V_BADCAL && bad_offset(s))
		return bad(r, col, "has an impossible offset from UTC (from -18:00 to +18:00)");
	if (st == EASE_V_BADCAL)
		return bad(r, col, "is not a valid date or time");
	/* a spreadsheet's date: say which --date-format reads it */
	{
		char hint[160], first[64];
		size_t k = strcspn(s, " T");
		ease_datehint h;

		if (k >= sizeof first)
			k = sizeof first - 1;
		memcpy(first, s, k);
		first[k] = '\0';
		ease_datehint_init(&h);
		ease_datehint_add(&h, first, 0);
		if (ease_datehint_short(&h, hint, sizeof hint)) {
			snprintf(why, sizeof why,
				 "is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM; %s)", hint);
			return bad(r, col, why);
		}
	}
	return bad(r, col, "is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
}

/*
 * Real seconds of a local date-time (no offset) in *T by the rule every
 * tool reads local times by (lib/tz.c).  HINT (NaN: none) is where the time
 * should be by the record's other end and length, to settle a time of the
 * repeated autumn hour.  Returns 0 when the time is refused: a time the
 * clocks skipped, or one of the repeated hour nothing settles.
 */
static int
local_at(rd *r, int col, const ease_datetime *dt, double hint, double *t)
{
	long long x;
	long off;
	const char *why;
	char msg[320], day[16];

	why = ease_tz_local(dt->day, dt->sec, isnan(hint) ? EASE_TZ_NO_HINT : (long long)llround(hint),
			    &x);
	if (why == NULL) {
		*t = (double)x;
		return 1;
	}
	/* a clock time alone cannot say it: the fix is a full date-time */
	off = ease_tz_offset((long long)dt->day * DAY_SEC + dt->sec - DAY_SEC);
	snprintf(msg, sizeof msg, "%s; write it as a date-time with its offset, as "
		 "%sT%02ld:%02ld%c%02ld:%02ld", why, ease_fmt_date(dt->day, day), dt->sec / 3600,
		 dt->sec / 60 % 60, off < 0 ? '-' : '+', labs(off) / 3600, labs(off) / 60 % 60);
	return bad(r, col, msg);
}

/* Real seconds of a date-time that carries its offset. */
static double
offset_at(const ease_datetime *dt)
{
	return (double)dt->day * DAY_SEC + dt->sec - dt->offset_min * 60.0;
}

/*
 * The instants of an interval's two ends.  An end in the repeated hour is
 * settled by the other end and the record's LENGTH in seconds (NaN: not
 * known), as ease-import does.
 */
static int
interval_at(rd *r, int scol, const ease_datetime *st, int ecol, const ease_datetime *en,
	    double length, double *s, double *e)
{
	long long x;
	int s_ok = 1, e_ok = 1;

	if (st->has_offset)
		*s = offset_at(st);
	else if ((s_ok = !ease_tz_local(st->day, st->sec, EASE_TZ_NO_HINT, &x)))
		*s = (double)x;
	if (en->has_offset)
		*e = offset_at(en);
	else if ((e_ok = !ease_tz_local(en->day, en->sec, EASE_TZ_NO_HINT, &x)))
		*e = (double)x;
	if (s_ok && e_ok)
		return 1;
	if (e_ok && !isnan(length))
		return local_at(r, scol, st, *e - length, s);
	if (s_ok && !isnan(length))
		return local_at(r, ecol, en, *s + length, e);
	/* the message of the first end nothing settles */
	return s_ok ? local_at(r, ecol, en, NAN, e) : local_at(r, scol, st, NAN, s);
}

/* The instant of a point in time when it has one (no date alone, no refused local time). */
static int
point_at(const ease_datetime *dt, double *t)
{
	long long x;

	if (!dt->has_time)
		return 0;
	if (dt->has_offset) {
		*t = offset_at(dt);
		return 1;
	}
	if (ease_tz_local(dt->day, dt->sec, EASE_TZ_NO_HINT, &x))
		return 0;
	*t = (double)x;
	return 1;
}

/* A number of column COL read as ROLE (range by role); NaN when empty. */
/*
 * The number in column COL as every tool reads it: a unit in its header
 * applied ('Duration (h)' in minutes), German thousands noted.
 */
static int
get_num(rd *r, int col, double *v)
{
	const char *why = NULL;
	int st;

	*v = NAN;
	if (col < 0)
		return 1;
	st = ease_cols_num(r->cols, col, cell(r, col), r->d->c->decimal_comma, v, &why);
	if (st == EASE_V_MISSING) {
		*v = NAN;
		return 1;
	}
	if (st != EASE_V_OK)
		return bad(r, col, why ? why : "is not a number");
	return 1;
}

/*
 * Without a subject column, a column such as name or client may still say
 * whose rows these are: rows are not grouped by it unasked, but when the
 * dates go back just where it changes, a warning names --col subject=.
 */
static void
who_check(rd *r, long day)
{
	const char *cur;

	if (r->who < 0 || r->who_warned)
		return;
	cur = cell(r, r->who);
	if (r->who_prev && day < r->who_day && strcmp(cur, r->who_prev) != 0) {
		char s1[128], s2[128];
		const char *nm = colname(r, r->who);

		ease_warn("%s:%ld: the dates go back where column '%s' changes from '%s' to "
			  "'%s': if it says whose rows these are, give --col subject=%s "
			  "(else they are pooled into one row per day)",
			  r->name, r->rec->line, nm, ease_shown(r->who_prev, s1, sizeof s1),
			  ease_shown(cur, s2, sizeof s2), nm);
		r->who_warned = 1;
	}
	free(r->who_prev);
	r->who_prev = ease_xstrdup(cur);
	r->who_day = day;
}

static subject *
row_subject(rd *r, long day)
{
	if (r->subj < 0)
		who_check(r, day);
	return get_subject(r->d, r->subj >= 0 ? cell(r, r->subj) : "");
}

/*
 * The '|' list CELL in d->buf with each technique in the spelling shown
 * (canonical for a known one); returns its length, 0 for no technique.
 */
static size_t
tech_list(daily *d, const char *cell)
{
	const char *item;
	size_t len, out = 0;

	ease_grow((void **)&d->buf, &d->bufcap, 1, 1);
	while (ease_list_next(&cell, &item, &len)) {
		if (len == 0)
			continue;
		const char *show = ease_technames_add(d->tech, item, len);
		size_t sl = strlen(show);

		ease_grow((void **)&d->buf, &d->bufcap, out + sl + 2, 1);
		if (out)
			d->buf[out++] = EASE_LIST_SEP;
		memcpy(d->buf + out, show, sl);
		out += sl;
	}
	d->buf[out] = '\0';
	return out;
}

/* Adds a session; TECH is a cell (a '|' list) or NULL. */
static void
add_session(daily *d, subject *s, long day, long sec, const char *tech,
	    double minutes, place at)
{
	dayacc *a = record(s, day);
	sess *x;

	grow_small((void **)&a->ses, &a->cses, a->nses + 1, sizeof *a->ses);
	x = &a->ses[a->nses++];
	x->sec = sec;
	x->seq = d->seq++;
	x->tech = NULL;
	if (tech && !ease_is_missing(tech) && tech_list(d, tech)) {
		x->tech = ease_xstrdup(d->buf);
		d->col[C_TECHNIQUE].used = 1;
	}
	if (a->massage == 0)
		a->mat = at;
	a->massage++;
	d->col[C_MASSAGE].used = 1;
	if (!isnan(minutes)) {
		a->mmin += minutes;
		a->has_mmin = 1;
		d->col[C_MASSAGE_MIN].used = 1;
	} else {
		a->mmin_unknown++;
	}
}

/*
 * NAME normalised (ease_norm_name) into *BUF of *CAP, grown as long as NAME
 * at least ("mcg" fits in any): a long name is never cut.
 */
static char *
norm_into(const char *name, char **buf, size_t *cap)
{
	size_t n = strlen(name) + 4;

	ease_grow((void **)buf, cap, n, 1);
	return ease_norm_name(name, *buf, n);
}

/* The strings A, B and C joined into d->key, made for every intake. */
static const char *
join3(daily *d, const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);

	ease_grow((void **)&d->key, &d->keycap, la + lb + lc + 1, 1);
	memcpy(d->key, a, la);
	memcpy(d->key + la, b, lb);
	memcpy(d->key + la + lb, c, lc + 1);
	return d->key;
}

static int add_med_named(rd *r, subject *s, long day, int drugcol, double dose,
			 int unitcol, const char *ucell, char *dn, char *un);

/* A dose: g and mcg into mg; other units as they are. */
static int
add_med(rd *r, subject *s, long day, int drugcol, double dose, int unitcol)
{
	daily *d = r->d;
	const char *ucell = unitcol >= 0 ? cell(r, unitcol) : "";
	char *dn = norm_into(cell(r, drugcol), &d->dn, &d->dncap);
	char *un = norm_into(ucell, &d->un, &d->uncap);

	return add_med_named(r, s, day, drugcol, dose, unitcol, ucell, dn, un);
}

/* add_med's work, the drug's and the unit's names normalised into DN and UN. */
static int
add_med_named(rd *r, subject *s, long day, int drugcol, double dose, int unitcol,
	      const char *ucell, char *dn, char *un)
{
	daily *d = r->d;
	const char *name, *unit;
	dayacc *a;
	long ix;

	if (dn[0] == '\0')
		return bad(r, drugcol, "is not a drug name");
	if (ease_is_missing(ucell))
		un[0] = '\0';
	else if (strcmp(ucell, "\xc2\xb5g") == 0 || strcmp(ucell, "\xce\xbcg") == 0)
		strcpy(un, "mcg");
	if (!isnan(dose)) {
		if (strcmp(un, "g") == 0) {
			dose *= 1000;
			strcpy(un, "mg");
		} else if (strcmp(un, "mcg") == 0 || strcmp(un, "ug") == 0) {
			dose /= 1000;
			strcpy(un, "mg");
		}
	} else if (strcmp(un, "g") == 0 || strcmp(un, "mcg") == 0 || strcmp(un, "ug") == 0) {
		strcpy(un, "mg");
	}
	/* one unit per drug of one subject: another may take it as a syrup */
	name = join3(d, s->id, "\x1f", dn);
	if (isnan(dose) && un[0] == '\0' && !ease_strset_get(d->drug_ix, name, NULL)) {
		int col;

		col = add_col(d, join3(d, "\x1fmed_", dn, ""), K_MEDPEND);
		if (!d->col[col].drug)
			d->col[col].drug = ease_xstrdup(dn);
		a = record(s, day);
		if (a->doses == 0)
			a->dat = here(r);
		a->doses++;
		d->col[C_MEDS_DOSES].used = 1;
		dyn_add(a, col, NAN, here(r));
		return 1;
	}
	if (ease_strset_put(d->drug_ix, name, (long)d->ndrug, &ix)) {
		ease_grow((void **)&d->drugs, &d->cdrug, d->ndrug + 1, sizeof *d->drugs);
		d->drugs[d->ndrug] = (drug){ease_xstrdup(un), r->file, r->rec->line};
		ix = (long)d->ndrug++;
	} else if (strcmp(d->drugs[ix].unit, un) != 0 && !isnan(dose)) {
		char why[512];
		const drug *g = &d->drugs[ix];

		snprintf(why, sizeof why,
			 "cannot be added to the %s%s of %s at %s:%ld (one unit per drug; g, mg, mcg and \xc2\xb5g convert)",
			 g->unit[0] ? "" : "doses without a unit", g->unit, dn,
			 d->fname[g->file], g->line);
		ease_bad_value(r->name, r->rec->line,
			       unitcol >= 0 ? colname(r, unitcol) : "unit",
			       un[0] ? ucell : "", why);
		return 0;
	}
	a = record(s, day);
	if (a->doses == 0)
		a->dat = here(r);
	a->doses++;
	d->col[C_MEDS_DOSES].used = 1;
	/*
	 * An intake without a dose still counts as an intake, but the day's
	 * total of that drug is unknown: NaN makes the cell empty, not 0 nor
	 * the sum of the doses that are known.
	 */
	unit = isnan(dose) && un[0] == '\0' ? d->drugs[ix].unit : un;
	ease_grow((void **)&d->key, &d->keycap, strlen(dn) + strlen(unit) + 6, 1);
	sprintf(d->key, "med_%s%s%s", dn, unit[0] ? "_" : "", unit);
	int col = add_col(d, d->key, K_MED);

	d->col[col].used = 1;
	dyn_add(a, col, dose, here(r));
	return 1;
}

/*
 * A factor's column: its name, or factor_<name> where that would be another
 * column (a factor "pain" is not the pain column; "date", "subject" and
 * "med_x_mg" would be read back as the date, the subject or a drug).
 */
static int
factor_col(daily *d, const char *n)
{
	long k;
	char *pre;
	int col;

	if (strcmp(n, "date") != 0 && strcmp(n, "subject") != 0 && strncmp(n, "med_", 4) != 0 &&
	    !(ease_strset_get(d->col_ix, n, &k) &&
	      (d->col[k].kind == K_FIXED || d->col[k].kind == K_MED)))
		return add_col(d, n, K_FACTOR);
	pre = ease_xasprintf("factor_%s", n);
	col = add_col(d, pre, K_FACTOR);
	free(pre);
	return col;
}

static void
add_factor(rd *r, subject *s, long day, const char *fname, double v, const char *unit)
{
	int col = factor_col(r->d, norm_into(fname, &r->d->dn, &r->d->dncap));

	r->d->col[col].used = 1;
	if (unit && !ease_is_missing(unit))
		r->d->col[col].measure = 1;
	dyn_add(record(s, day), col, isnan(v) ? 1 : v, here(r));
}

/*
 * A sleep interval from BED to WAKE (or only hours): counts for the wake-up
 * date.  Returns 0 when the row is skipped.
 */
static int
add_sleep(rd *r, subject *s, int hcol, int bedcol, const ease_datetime *bed, int wakecol,
	  const ease_datetime *wake, double hours, int type)
{
	sleeprec x;
	dayacc *a;
	char why[320];

	x.hours = hours;
	x.type = type;
	x.nap = 0;
	x.at = here(r);
	x.s = x.e = NAN;
	if (bed && wake) {
		if (!interval_at(r, bedcol, bed, wakecol, wake, hours * 3600, &x.s, &x.e))
			return 0;
		if (x.e < x.s) {
			char b[48];

			snprintf(why, sizeof why, "is before the start of the sleep, %s %02ld:%02ld",
				 ease_fmt_date(bed->day, b), bed->sec / 3600, bed->sec / 60 % 60);
			return bad(r, wakecol, why);
		}
		if (x.e - x.s > DAY_SEC) {
			char h[40];

			snprintf(why, sizeof why, "ends a sleep of %s h, more than 24",
				 ease_fmt_num((x.e - x.s) / 3600, 4, h));
			return bad(r, wakecol, why);
		}
		/*
		 * Apps cut bed and wake to the minute but write the hours
		 * asleep more finely (Sleep as Android: 7.419 h for
		 * 07:38-15:03), and ease-import writes 5.70 as 5.7: hours over
		 * by the rounding rule are rounding, so the hours stand, and
		 * the time in bed is at least as long.
		 */
		if (!isnan(hours) && hours * 3600 > x.e - x.s &&
		    hours * 3600 <= x.e - x.s + EASE_SLEEP_ROUNDING) {
			x.e = x.s + hours * 3600;
		} else if (!isnan(hours) && hours * 3600 > x.e - x.s) {
			char h[40];

			double clock = (wake->day - bed->day) * DAY_SEC + (wake->sec - bed->sec);

			/* times without an offset, read in a zone whose clocks changed that night */
			snprintf(why, sizeof why, "is more hours asleep than the %s h from bed to wake-up%s",
				 ease_fmt_num((x.e - x.s) / 3600, 6, h),
				 !bed->has_offset && !wake->has_offset && clock != x.e - x.s
				 ? " (the clocks changed that night in the zone the times are read in; "
				   "times kept without a change of clocks: --tz UTC)" : "");
			return bad(r, hcol, why);
		}
		x.nap = wake->has_time && wake->sec >= NAP_FROM && wake->sec <= NAP_TO &&
			x.e - x.s < NAP_MAX;
		if (x.nap && !r->d->o->naps_add)
			r->d->naps_left++;
	}
	a = record(s, wake ? wake->day : bed->day);
	grow_small((void **)&a->sl, &a->csl, a->nsl + 1, sizeof *a->sl);
	a->sl[a->nsl++] = x;
	return 1;
}

/* The --col overrides whose column this header has. */
static int
header_map(daily *d, const ease_rec *h, ease_colmap *out)
{
	int n = 0;

	for (int i = 0; i < d->c->ncolmap; i++) {
		char a[256], b[256];

		ease_norm_name(d->c->colmap[i].name, a, sizeof a);
		for (size_t k = 0; k < h->n; k++) {
			ease_norm_name(h->f[k], b, sizeof b);
			if (strcmp(h->f[k], d->c->colmap[i].name) == 0 || strcmp(a, b) == 0) {
				out[n++] = d->c->colmap[i];
				d->map_used[i] = 1;
				break;
			}
		}
	}
	return n;
}

static void
open_rd(rd *r, daily *d, const ease_daily_input *in, int file)
{
	const ease_rec *h;
	ease_colmap map[EASE_MAX_COLMAP];
	int nmap;

	memset(r, 0, sizeof *r);
	r->d = d;
	r->kind = in->kind;
	r->file = file;
	r->r = ease_reader_open(in->path, d->c->delim);
	/* the reader's own name ("standard input") for messages */
	free((char *)d->fname[file]);
	d->fname[file] = ease_xstrdup(ease_reader_name(r->r));
	r->name = d->fname[file];
	h = ease_reader_header(r->r);
	/* as every tool: a file without even a header is a mistake, not a day */
	if (h == NULL)
		ease_die(EASE_EX_DATA, "%s: empty file, expected a header line", r->name);
	nmap = header_map(d, h, map);
	r->cols = ease_cols_new(h, r->name, map, nmap);
	ease_cols_watch_thousands(r->cols, ease_reader_delim(r->r), d->c->date_format,
				  d->c->decimal_comma);
	r->subj = ease_cols_role(r->cols, EASE_R_SUBJECT);
	r->who = r->subj < 0 ? ease_day_who_column(r->cols, ease_cols_role(r->cols, EASE_R_DATE)) : -1;
	/* an event's or a factor's name is not whose it is */
	if (r->who >= 0 && r->cols->role[r->who] == EASE_R_NAME &&
	    (r->kind == EASE_IN_EVENTS || r->kind == EASE_IN_FACTORS))
		r->who = -1;
}

/* The next data row, counted: inputs of headers alone make no table. */
static const ease_rec *
next_row(rd *r)
{
	r->rec = ease_reader_next(r->r);
	if (r->rec)
		r->d->rows++;
	return r->rec;
}

static void
close_rd(rd *r)
{
	ease_cols_free(r->cols);
	ease_reader_close(r->r);
	free(r->who_prev);
}

/* A column by normalised name among those without a role, or -1. */
static int
named(const rd *r, const char *const *names)
{
	for (size_t i = 0; i < r->cols->n; i++)
		for (const char *const *n = names; *n; n++)
			if (strcmp(r->cols->norm[i], *n) == 0)
				return (int)i;
	return -1;
}

static const char *const kind_opt[EASE_IN_NKINDS] = {
	"event log", "--sessions", "--pain", "--sleep", "--meds", "--factors", "--days"
};

static const char *const kind_roles[EASE_IN_NKINDS] = {
	"subject (optional), start, end, kind, name, value, unit, note",
	"date (or datetime), time (optional), technique, duration_min, pain_before and pain_after (optional)",
	"date (or datetime), time (optional), pain, location (optional)",
	"date and sleep_hours, or bedtime and waketime; quality (optional)",
	"date (or datetime), time (optional), drug, dose, unit",
	"date (or datetime), factor, value (optional)",
	"date, then any day-table columns"
};

/* Exits 65: the table's columns do not give what its kind needs. */
static void
no_role(const rd *r, const char *what)
{
	char list[1024];

	ease_die(EASE_EX_DATA,
		 "%s:%ld: the %s table has no column for %s; columns: %s; roles expected: %s (name a column with --col ROLE=NAME)",
		 r->name, r->cols->line, kind_opt[r->kind], what,
		 ease_cols_list(r->cols, list, sizeof list), kind_roles[r->kind]);
}

/*
 * Exits 65: an input named as an event log has no kind column.  A table of
 * dates and day-table columns is the usual mistake (a day table or a kind
 * table given without its option); naming --col kind= would mislead.
 */
static void
not_a_log(const rd *r)
{
	static const int day_roles[] = {
		EASE_R_PAIN, EASE_R_PAIN_MAX, EASE_R_SLEEP_HOURS, EASE_R_SLEEP_QUALITY,
		EASE_R_MASSAGE, EASE_R_TECHNIQUE, EASE_R_MEDS_DOSES, EASE_R_STRESS,
		EASE_R_MOOD, EASE_R_PAIN_BEFORE, EASE_R_DRUG, EASE_R_BEDTIME
	};
	char list[1024];
	const char *as = r->name[0] == '<' ? "-" : r->name;

	if (ease_cols_role(r->cols, EASE_R_DATE) >= 0)
		for (size_t i = 0; i < sizeof day_roles / sizeof day_roles[0]; i++)
			if (ease_cols_role(r->cols, day_roles[i]) >= 0)
				ease_die(EASE_EX_DATA,
					 "%s:%ld: a table of dates (columns: %s), not an event log (subject,start,end,kind,name,value,unit,note): a day table goes in with --days %s, a table of one kind with its option (--sessions, --pain, --sleep, --meds, --factors)",
					 r->name, r->cols->line, ease_cols_list(r->cols, list, sizeof list), as);
	no_role(r, "kind");
}

static const char *const dt_names[] = {
	"datetime", "date_time", "timestamp", "time_stamp", NULL
};
static const char *const loc_names[] = {"location", "body_location", "region", NULL};
static const char *const time_names[] = {"time", "clock", "uhrzeit", "hora", "heure", NULL};

/* The date (or date-time) column of a kind table, and its time column. */
static int
date_cols(rd *r, int need, int *tcol)
{
	int dc = ease_cols_role(r->cols, EASE_R_DATE);

	if (dc < 0)
		dc = named(r, dt_names);
	if (dc < 0)
		dc = ease_cols_role(r->cols, EASE_R_START);
	if (dc < 0 && need)
		no_role(r, "the date");
	*tcol = named(r, time_names);
	return dc;
}

/* The row's date and time of day (SEC -1 when none). */
static int
row_when(rd *r, int dc, int tcol, long *day, long *sec)
{
	ease_datetime dt;

	if (!get_dt(r, dc, &dt))
		return 0;
	*day = dt.day;
	*sec = dt.has_time ? dt.sec : -1;
	if (tcol >= 0 && !ease_is_missing(cell(r, tcol))) {
		long t;

		if (ease_parse_time(cell(r, tcol), &t) != EASE_V_OK)
			return bad(r, tcol, "is not a time of day (HH:MM)");
		*sec = t;
	}
	return 1;
}

static int
sleep_type(const char *name, double hours)
{
	char n[64];

	ease_norm_name(name, n, sizeof n);
	if (strcmp(n, "in_bed") == 0 || strcmp(n, "bed") == 0 || strcmp(n, "inbed") == 0)
		return SL_INBED;
	if (strcmp(n, "asleep") == 0 || strcmp(n, "sleep") == 0)
		return SL_ASLEEP;
	return isnan(hours) ? SL_ASLEEP : SL_INBED;
}

static void
read_events(rd *r)
{
	int sc = ease_cols_role(r->cols, EASE_R_START);
	int ec = ease_cols_role(r->cols, EASE_R_END);
	int kc = ease_cols_role(r->cols, EASE_R_KIND);
	int nc = ease_cols_role(r->cols, EASE_R_NAME);
	int vc = ease_cols_role(r->cols, EASE_R_VALUE);
	int uc = ease_cols_role(r->cols, EASE_R_UNIT);

	if (sc < 0)
		sc = ease_cols_role(r->cols, EASE_R_DATE);
	if (sc < 0)
		no_role(r, "start");
	if (kc < 0)
		not_a_log(r);
	while (next_row(r) != NULL) {
		const char *k = cell(r, kc);
		ease_datetime st, en;
		int kind, has_end = 0;
		double v, t0 = 0, t1 = 0;
		subject *s;

		if ((kind = ease_evkind_find(k)) < 0) {
			bad(r, kc, ease_evkind_bad());
			continue;
		}
		if (kind == EASE_EV_NOTE)
			continue;
		if (!get_dt(r, sc, &st))
			continue;
		if (ec >= 0 && !ease_is_missing(cell(r, ec))) {
			if (!get_dt(r, ec, &en))
				continue;
			has_end = 1;
		}
		if (vc < 0) {
			v = NAN;
		} else {
			char why[128];
			int on_unit;
			const char *no = ease_event_value(kind, cell(r, vc), uc >= 0 ? cell(r, uc) : "",
							  r->d->c->decimal_comma, &v, &on_unit,
							  why, sizeof why);

			if (no) {
				bad(r, on_unit ? uc : vc, no);
				continue;
			}
		}
		if (has_end && kind != EASE_EV_SLEEP) {
			/* a session's minutes settle an end in the repeated hour */
			if (!interval_at(r, sc, &st, ec, &en,
					 kind == EASE_EV_MASSAGE ? v * 60 : NAN, &t0, &t1))
				continue;
			if (t1 < t0) {
				char why[96], b[16];

				snprintf(why, sizeof why, "is before the start, %s %02ld:%02ld",
					 ease_fmt_date(st.day, b), st.sec / 3600, st.sec / 60 % 60);
				bad(r, ec, why);
				continue;
			}
		}
		s = row_subject(r, st.day);
		switch (kind) {
		case EASE_EV_PAIN: case EASE_EV_STRESS: case EASE_EV_MOOD: case EASE_EV_QUALITY: {
			dayacc *a;

			if (isnan(v) && ease_evkinds[kind].needs_value) {
				char why[96];

				snprintf(why, sizeof why, "is not a number (a %s event needs its rating)",
					 ease_evkinds[kind].name);
				bad(r, vc >= 0 ? vc : kc, why);
				continue;
			}
			if (kind == EASE_EV_PAIN) {
				add_pain(r->d, s, st.day, v, nc >= 0 ? cell(r, nc) : NULL, here(r));
			} else {
				a = record(s, st.day);
				int col = kind == EASE_EV_STRESS ? C_STRESS : kind == EASE_EV_MOOD ? C_MOOD
					: C_SLEEP_QUALITY;
				qrate q = {0, v, here(r)};

				/* kept with its instant: the rating of a nap left out goes too */
				if (col == C_SLEEP_QUALITY && point_at(&st, &q.t))
					append((void **)&a->qr, &a->nqr, &a->cqr, &q, 1, sizeof q);
				else
					mean_add(col == C_STRESS ? &a->stress : col == C_MOOD ? &a->mood
						 : &a->sq, v, here(r));
				r->d->col[col].used = 1;
			}
			break;
		}
		case EASE_EV_SLEEP:
			if (has_end)
				add_sleep(r, s, vc, sc, &st, ec, &en, v,
					  sleep_type(cell(r, nc), v));
			else if (st.has_time)
				bad(r, ec >= 0 ? ec : sc,
				    "is not a wake-up time (a sleep that starts at a time of day needs its end)");
			else if (isnan(v))
				/* a night an app synced without data (Bearable, from Google Fit) */
				r->d->sleep_empty++;
			else
				add_sleep(r, s, -1, -1, NULL, sc, &st, v, SL_VALUE);
			break;
		case EASE_EV_MASSAGE:
			if (isnan(v) && has_end)
				v = (t1 - t0) / 60;
			add_session(r->d, s, st.day, st.has_time ? st.sec : -1, cell(r, nc), v,
				    here(r));
			break;
		case EASE_EV_MED:
			if (nc < 0)
				no_role(r, "name (the drug)");
			add_med(r, s, st.day, nc, v, uc);
			break;
		case EASE_EV_FACTOR:
			if (nc < 0 || ease_is_missing(cell(r, nc))) {
				bad(r, nc >= 0 ? nc : kc, "is not a factor name");
				continue;
			}
			add_factor(r, s, st.day, cell(r, nc), v, uc >= 0 ? cell(r, uc) : NULL);
			break;
		}
	}
}

static void
read_sessions(rd *r)
{
	int tc, dc = date_cols(r, 1, &tc);
	int tech = ease_cols_role(r->cols, EASE_R_TECHNIQUE);
	int mc = ease_cols_role(r->cols, EASE_R_MASSAGE_MIN);
	int bc = ease_cols_role(r->cols, EASE_R_PAIN_BEFORE);
	int ac = ease_cols_role(r->cols, EASE_R_PAIN_AFTER);

	if (tech < 0 && mc < 0)
		no_role(r, "technique or duration_min");
	while (next_row(r) != NULL) {
		long day, sec;
		double m, pb, pa;
		subject *s;

		if (!row_when(r, dc, tc, &day, &sec) ||
		    !get_num(r, mc, &m) ||
		    !get_num(r, bc, &pb) ||
		    !get_num(r, ac, &pa))
			continue;
		s = row_subject(r, day);
		add_session(r->d, s, day, sec, tech >= 0 ? cell(r, tech) : NULL, m, here(r));
		dayacc *a = slot(s, day);

		if (!isnan(pb)) {
			mean_add(&a->pb, pb, here(r));
			r->d->col[C_PAIN_BEFORE].used = 1;
		}
		if (!isnan(pa)) {
			mean_add(&a->pa, pa, here(r));
			r->d->col[C_PAIN_AFTER].used = 1;
		}
	}
}

static void
read_pain(rd *r)
{
	int tc, dc = date_cols(r, 1, &tc);
	int pc = ease_cols_role(r->cols, EASE_R_PAIN);
	int lc = named(r, loc_names);

	if (pc < 0)
		no_role(r, "pain");
	while (next_row(r) != NULL) {
		long day, sec;
		double v;

		if (!row_when(r, dc, tc, &day, &sec) || !get_num(r, pc, &v))
			continue;
		if (isnan(v))
			continue;
		add_pain(r->d, row_subject(r, day), day, v, lc >= 0 ? cell(r, lc) : NULL, here(r));
	}
}

/* A bedtime or wake-up cell: a clock time, or a whole date-time. */
static int
clock_or_dt(rd *r, int col, ease_datetime *dt, int *clock)
{
	long sec;
	const char *c = cell(r, col);
	int st = ease_parse_time(c, &sec);

	if (st != EASE_V_OK && strchr(c, ':') && !strpbrk(c, "-/.")) {
		*clock = 1;
		return bad(r, col, st == EASE_V_BADCAL
			   ? "is not a clock time (hours 0 to 23, minutes 0 to 59)"
			   : "is not a clock time (expected HH:MM like 23:15 or 6:30, "
			     "11:00pm, or a date-time)");
	}
	if (st == EASE_V_OK) {
		memset(dt, 0, sizeof *dt);
		dt->sec = sec;
		dt->has_time = 1;
		*clock = 1;
		return 1;
	}
	*clock = 0;
	return get_dt(r, col, dt);
}

static void
read_sleep(rd *r)
{
	int tc, dc = date_cols(r, 0, &tc);
	int hc = ease_cols_role(r->cols, EASE_R_SLEEP_HOURS);
	int bc = ease_cols_role(r->cols, EASE_R_BEDTIME);
	int wc = ease_cols_role(r->cols, EASE_R_WAKETIME);
	int qc = ease_cols_role(r->cols, EASE_R_SLEEP_QUALITY);
	int times = bc >= 0 && wc >= 0;

	if (!times && (dc < 0 || hc < 0))
		no_role(r, dc < 0 ? "the date" : "sleep_hours (or bedtime and waketime)");
	while (next_row(r) != NULL) {
		ease_datetime bed, wake;
		long day = 0, sec;
		double h, q;
		int bclock = 0, wclock = 0;
		subject *s;

		if (!get_num(r, hc, &h) ||
		    !get_num(r, qc, &q))
			continue;
		if (times && !ease_is_missing(cell(r, bc)) && !ease_is_missing(cell(r, wc))) {
			if (!clock_or_dt(r, bc, &bed, &bclock) || !clock_or_dt(r, wc, &wake, &wclock))
				continue;
			if (bclock || wclock) {
				/* clock times: the row's date is the wake-up date */
				if (dc < 0)
					no_role(r, "the date (bedtime and waketime are clock times)");
				if (!row_when(r, dc, -1, &day, &sec))
					continue;
				if (wclock)
					wake.day = day;
				if (bclock)
					bed.day = bed.sec < wake.sec ? wake.day : wake.day - 1;
			} else if (dc >= 0 && !ease_is_missing(cell(r, dc))) {
				char b1[16], b2[16], b3[16];

				/* the date-times say when; a date naming neither end is a slip */
				if (!row_when(r, dc, -1, &day, &sec))
					continue;
				if (day != wake.day && day != bed.day)
					ease_warn("%s:%ld: column '%s': '%s' is neither the bedtime's date "
						  "%s nor the wake-up's %s; the night counts for %s",
						  r->name, r->rec->line, colname(r, dc),
						  ease_fmt_date(day, b1), ease_fmt_date(bed.day, b2),
						  ease_fmt_date(wake.day, b3), b3);
			}
			/* a night of 0 or of exactly 24 h from clock times is a typo */
			if (bed.sec == wake.sec && (bclock || wclock || bed.day == wake.day)) {
				bad(r, wc, "is the same clock time as the bedtime: a sleep of 0 or 24 h "
				    "(correct the bedtime or the wake-up, or leave both empty)");
				continue;
			}
			/*
			 * Clock times say only which day by their order: a bedtime
			 * after the wake-up makes a night of most of a day, which
			 * is a slip of the bedtime far more often than a real sleep.
			 */
			if ((bclock || wclock) && bed.day < wake.day &&
			    DAY_SEC - bed.sec + wake.sec > CLOCK_NIGHT_MAX) {
				char why[200], hb[40];

				snprintf(why, sizeof why, "is after the wake-up %s: a sleep of %s h "
					 "(correct the bedtime, or give both as date-times for a sleep "
					 "over %d h)", cell(r, wc),
					 ease_fmt_num((DAY_SEC - bed.sec + wake.sec) / 3600.0, 4, hb),
					 CLOCK_NIGHT_MAX / 3600);
				bad(r, bc, why);
				continue;
			}
			s = row_subject(r, wake.day);
			if (!add_sleep(r, s, hc, bc, &bed, wc, &wake, h, isnan(h) ? SL_ASLEEP : SL_INBED))
				continue;
			day = wake.day;
		} else {
			if (dc < 0 || !row_when(r, dc, -1, &day, &sec))
				continue;
			s = row_subject(r, day);
			if (!isnan(h)) {
				ease_datetime w;

				memset(&w, 0, sizeof w);
				w.day = day;
				add_sleep(r, s, -1, -1, NULL, hc, &w, h, SL_VALUE);
			}
		}
		if (!isnan(q)) {
			mean_add(&record(s, day)->sq, q, here(r));
			r->d->col[C_SLEEP_QUALITY].used = 1;
		}
	}
}

static void
read_meds(rd *r)
{
	int tc, dc = date_cols(r, 1, &tc);
	int drc = ease_cols_role(r->cols, EASE_R_DRUG);
	int doc = ease_cols_role(r->cols, EASE_R_DOSE);
	int uc = ease_cols_role(r->cols, EASE_R_UNIT);

	if (drc < 0)
		no_role(r, "drug");
	while (next_row(r) != NULL) {
		long day, sec;
		double v;

		if (!row_when(r, dc, tc, &day, &sec) || !get_num(r, doc, &v))
			continue;
		add_med(r, row_subject(r, day), day, drc, v, uc);
	}
}

static const char *const factor_names[] = {"factor", "trigger", "tag", "activity", NULL};

static void
read_factors(rd *r)
{
	int tc, dc = date_cols(r, 1, &tc);
	int fc = named(r, factor_names);
	int vc = ease_cols_role(r->cols, EASE_R_VALUE);
	int uc = ease_cols_role(r->cols, EASE_R_UNIT);

	if (fc < 0)
		fc = ease_cols_role(r->cols, EASE_R_NAME);
	if (fc < 0)
		no_role(r, "factor");
	while (next_row(r) != NULL) {
		long day, sec;
		double v;

		if (!row_when(r, dc, tc, &day, &sec) || !get_num(r, vc, &v))
			continue;
		if (ease_is_missing(cell(r, fc))) {
			bad(r, fc, "is not a factor name");
			continue;
		}
		/* a unit (bpm, rating) makes it a measurement: averaged, not added */
		add_factor(r, row_subject(r, day), day, cell(r, fc), v,
			   uc >= 0 ? cell(r, uc) : NULL);
	}
}

/*
 * How far a day table's number may be from a value it agrees with: half a
 * unit of its last digit, since tables round (6.67 stands for 6.665 to
 * 6.675, and 93 for 92.5 to 93.5: writers drop trailing zeros).  A number
 * with an exponent is taken as exact.
 */
static double
written_tol(const char *cell, int decimal_comma)
{
	const char *p = strchr(cell, decimal_comma ? ',' : '.');
	int dec = 0;

	if (strpbrk(cell, "eE"))
		return 0;
	while (p && p[1 + dec] >= '0' && p[1 + dec] <= '9')
		dec++;
	return 0.5 * pow(10, -dec);
}

static void
add_given(subject *s, long day, int col, double v, double tol, const char *text,
	  place at)
{
	dayacc *a = slot(s, day);

	a->recorded = 1;
	grow_small((void **)&a->gv, &a->cgv, a->ngv + 1, sizeof *a->gv);
	a->gv[a->ngv++] = (given){col, v, tol, text ? ease_xstrdup(text) : NULL, at};
}

static void
read_days(rd *r)
{
	daily *d = r->d;
	int dc = ease_cols_role(r->cols, EASE_R_DATE);
	int *target = ease_xcalloc(r->cols->n, sizeof *target);

	if (dc < 0)
		no_role(r, "the date");
	for (size_t i = 0; i < r->cols->n; i++) {
		int role = r->cols->role[i], t = -1;

		if ((int)i == dc || (int)i == r->subj) {
			target[i] = -1;
			continue;
		}
		for (int k = 0; k < C_NFIXED; k++)
			if (fixed_role[k] == role)
				t = k;
		if (t < 0)
			t = add_col(d, role == EASE_R_MED ? r->cols->norm[i] : r->cols->name[i],
				    role == EASE_R_MED ? K_MED : K_TEXT);
		target[i] = t;
	}
	while (next_row(r) != NULL) {
		long day;
		subject *s;
		int ok = 1;

		if (!ease_rec_date(r->rec, dc, colname(r, dc), d->c->date_format, r->name,
				   &r->dc, &day))
			continue;
		/* check the whole row first: --skip-bad drops all of it */
		for (size_t i = 0; i < r->cols->n && ok; i++) {
			const char *why = NULL;
			double v;
			int t = target[i];

			if (t < 0 || t == C_TECHNIQUE || d->col[t].kind == K_TEXT)
				continue;
			if (ease_cols_num(r->cols, (int)i, cell(r, (int)i), d->c->decimal_comma,
					  &v, &why) == EASE_V_BAD)
				ok = bad(r, (int)i, why);
		}
		if (!ok)
			continue;
		s = row_subject(r, day);
		slot(s, day);
		for (size_t i = 0; i < r->cols->n; i++) {
			const char *why = NULL, *x = cell(r, (int)i);
			double v = NAN;
			int t = target[i];

			if (t < 0 || ease_is_missing(x))
				continue;
			d->col[t].used = 1;
			if (t == C_TECHNIQUE) {
				tech_list(d, x);
				add_given(s, day, t, NAN, 0, d->buf, here(r));
			} else if (d->col[t].kind == K_TEXT) {
				char nb[64];
				const char *cx = d->c->decimal_comma ?
					ease_num_canon(x, 1, nb, sizeof nb) : NULL;

				/* a number passed on is written with '.', as every tool writes */
				add_given(s, day, t, NAN, 0, cx ? cx : x, here(r));
			} else {
				ease_cols_num(r->cols, (int)i, x, d->c->decimal_comma, &v, &why);
				add_given(s, day, t, v, written_tol(x, d->c->decimal_comma),
					  NULL, here(r));
			}
		}
	}
	free(target);
}

/* ---- the day's cells ---- */

typedef struct cand {
	double v;
	const char *t;
	place at;
	double tol;		/* a day table's rounding */
} cand;

static int
place_cmp(place a, place b)
{
	if (a.file != b.file)
		return a.file < b.file ? -1 : 1;
	return a.line < b.line ? -1 : a.line > b.line;
}

static int
same(const cand *a, const cand *b)
{
	if (a->t || b->t)
		return a->t && b->t && strcmp(a->t, b->t) == 0;
	return fabs(a->v - b->v) <= fmax(a->tol, b->tol) +
		1e-9 * fmax(1, fmax(fabs(a->v), fabs(b->v)));
}

static const char *
cand_str(const cand *c, char *buf)
{
	if (c->t)
		return c->t;
	return ease_fmt_num(c->v, 15, buf);
}

/*
 * One value for a cell that two inputs give: the same, or the one --prefer
 * picks; otherwise exit 65 naming both places.
 */
static const cand *
resolve(daily *d, const char *col, const subject *s, long day,
	const cand *c, size_t n)
{
	const cand *pick = &c[0];

	for (size_t i = 1; i < n; i++) {
		if (same(pick, &c[i]))
			continue;
		const cand *a = place_cmp(pick->at, c[i].at) <= 0 ? pick : &c[i];
		const cand *b = a == pick ? &c[i] : pick;

		if (d->o->prefer == EASE_PREFER_NONE && d->dry) {
			d->dry_conflict = 1;
			continue;
		}
		if (d->o->prefer == EASE_PREFER_NONE) {
			char va[48], vb[48], ds[16], why[1024], sh[128];

			snprintf(why, sizeof why,
				 "disagrees with '%s' at %s:%ld on %s%s%s (use --prefer first or --prefer last)",
				 cand_str(a, va), d->fname[a->at.file], a->at.line,
				 ease_fmt_date(day, ds), s->id[0] ? " for subject " : "",
				 s->id[0] ? ease_shown(s->id, sh, sizeof sh) : "");
			ease_die(EASE_EX_DATA, "%s:%ld: column '%s': '%s' %s",
				 d->fname[b->at.file], b->at.line, col, cand_str(b, vb), why);
		}
		pick = d->o->prefer == EASE_PREFER_FIRST ? a : b;
	}
	return pick;
}

typedef struct iv {
	double s, e;
} iv;

static int
iv_cmp(const void *a, const void *b)
{
	const iv *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

static double
union_len(iv *v, size_t n)
{
	double tot = 0, cs, ce;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, iv_cmp);
	cs = v[0].s;
	ce = v[0].e;
	for (size_t i = 1; i < n; i++) {
		if (v[i].s > ce) {
			tot += ce - cs;
			cs = v[i].s;
			ce = v[i].e;
		} else if (v[i].e > ce) {
			ce = v[i].e;
		}
	}
	return tot + ce - cs;
}

static int
overlap(double as, double ae, double bs, double be)
{
	return as < be && bs < ae;
}

/*
 * A night's hours asleep and in bed.  Asleep intervals are joined (two
 * trackers, or pieces of one night); hours given with a record are another
 * measure of the night unless their interval lies apart from every other
 * (a nap added); two measures of one night are one value or a conflict.
 */
static void
night(daily *d, const subject *s, long day, const dayacc *a, double *asleep,
      place *aat, double *inbed, place *bat)
{
	/* a night has a record or two: on the stack, not malloc'd for every day */
	enum { FEW = 4 };
	iv ivs[3 * FEW + 1];
	cand ms[FEW + 1];
	int few = a->nsl <= FEW;
	iv *as = few ? ivs : ease_xcalloc(a->nsl * 3 + 1, sizeof *as), *bs = as + a->nsl;
	cand *m = few ? ms : ease_xcalloc(a->nsl + 1, sizeof *m);
	size_t na = 0, nb = 0, nm = 0, first_a = 0;
	int apart = 1, have_bed = 0;

	*asleep = *inbed = NAN;
	for (size_t i = 0; i < a->nsl; i++) {
		const sleeprec *x = &a->sl[i];

		if (x->nap && !d->o->naps_add)
			continue;
		if (x->type == SL_ASLEEP) {
			if (na == 0)
				first_a = i;
			as[na++] = (iv){x->s, x->e};
		}
		if (x->type == SL_INBED && !have_bed) {
			have_bed = 1;
			*bat = x->at;
		}
		if (!isnan(x->s))
			bs[nb++] = (iv){x->s, x->e};
	}
	for (size_t i = 0; i < a->nsl; i++) {
		const sleeprec *x = &a->sl[i];

		if ((x->nap && !d->o->naps_add) || x->type == SL_ASLEEP || isnan(x->hours))
			continue;
		m[nm++] = (cand){x->hours, NULL, x->at, 0};
		if (isnan(x->s))
			apart = 0;
		for (size_t j = 0; j < a->nsl && apart; j++) {
			const sleeprec *y = &a->sl[j];

			if (j == i || isnan(y->s) || (y->nap && !d->o->naps_add))
				continue;
			if (y->type != SL_ASLEEP && isnan(y->hours))
				continue;
			if (overlap(x->s, x->e, y->s, y->e))
				apart = 0;
		}
	}
	if (na) {
		/* union_len sorts: measure before it reorders */
		iv *cp = bs + a->nsl;

		memcpy(cp, as, na * sizeof *cp);
		double h = union_len(cp, na) / 3600;

		memmove(m + 1, m, nm * sizeof *m);
		m[0] = (cand){h, NULL, a->sl[first_a].at, 0};
		nm++;
	}
	if (nm == 1 || (nm > 1 && apart)) {
		double sum = 0;

		for (size_t i = 0; i < nm; i++)
			sum += m[i].v;
		*asleep = sum;
		*aat = m[0].at;
	} else if (nm > 1) {
		const cand *p = resolve(d, "sleep_hours", s, day, m, nm);
		size_t k = 0;
		int differ = 0;

		for (size_t i = 0; i < nm; i++)
			differ |= !same(&m[i], p);
		for (size_t i = 0; i < a->nsl && differ; i++)
			k += a->sl[i].at.file == p->at.file;
		/*
		 * --prefer chose one input: the night is that input's whole
		 * night (its sleeps added, its time in bed), or the efficiency
		 * mixes two trackers.
		 */
		if (differ && k < a->nsl) {
			dayacc t;

			memset(&t, 0, sizeof t);
			t.sl = ease_xcalloc(k, sizeof *t.sl);
			for (size_t i = 0; i < a->nsl; i++)
				if (a->sl[i].at.file == p->at.file)
					t.sl[t.nsl++] = a->sl[i];
			if (!few) {
				free(as);
				free(m);
			}
			night(d, s, day, &t, asleep, aat, inbed, bat);
			free(t.sl);
			return;
		}
		*asleep = p->v;
		*aat = p->at;
	}
	if (have_bed)
		*inbed = union_len(bs, nb) / 3600;
	if (!few) {
		free(as);
		free(m);
	}
}

static int
sess_cmp(const void *a, const void *b)
{
	const sess *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
put(row *w, int col, double v, place at)
{
	w->v[col] = v;
	w->tol[col] = 0;
	w->t[col] = NULL;
	w->has[col] = 1;
	w->at[col] = at;
}

static double
mean_of(const mean *m)
{
	return m->sum / (double)m->n;
}

/* The cells of one day from what was read. */
/* The column of SUBJECT's intakes of DRUG without a dose: by the unit of its others. */
static long
pending_col(daily *d, const char *subject, const char *drug)
{
	char *key = ease_xasprintf("%s%c%s", subject, '\x1f', drug), *name;
	long ix, k;
	const char *un = "";

	if (ease_strset_get(d->drug_ix, key, &ix))
		un = d->drugs[ix].unit;
	free(key);
	name = ease_xasprintf("med_%s%s%s", drug, un[0] ? "_" : "", un);
	if (!ease_strset_get(d->col_ix, name, &k))
		k = add_col(d, name, K_MED);
	free(name);
	return k;
}

/*
 * Every column an intake without a dose may go to, made before the first
 * row is laid out: the row's arrays are as wide as the columns then.
 */
static void
pending_cols(daily *d)
{
	size_t n = d->ncol;

	for (size_t c = 0; c < n; c++)
		if (d->col[c].kind == K_MEDPEND)
			for (size_t i = 0; i < d->nsubj; i++)
				pending_col(d, d->subj[i].id, d->col[c].drug);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The day's pain_locations: its locations, by name, as a '|' list. */
static void
pain_locations(daily *d, const dayacc *a, row *w)
{
	const char **names;
	size_t n = 0, out = 0;

	for (size_t i = 0; i < a->ndy; i++) {
		if (a->dy[i].col >= 0)
			continue;
		ease_grow((void **)&d->locv, &d->locvcap, n + 1, sizeof *d->locv);
		d->locv[n++] = d->locs.name[LOC_OF(a->dy[i].col)];
	}
	if (n == 0)
		return;
	names = d->locv;
	qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(names[i]);

		ease_grow((void **)&w->locbuf, &w->loccap, out + l + 2, 1);
		if (out)
			w->locbuf[out++] = EASE_LIST_SEP;
		memcpy(w->locbuf + out, names[i], l);
		out += l;
	}
	w->locbuf[out] = '\0';
	put(w, d->loc_col, NAN, a->pain.at);
	w->t[d->loc_col] = w->locbuf;
}

/* The row's arrays made NC columns wide. */
static void
row_fit(row *w, size_t nc)
{
	if (w->cap >= nc)
		return;
	w->v = ease_xrealloc(w->v, nc * sizeof *w->v);
	w->t = ease_xrealloc(w->t, nc * sizeof *w->t);
	w->has = ease_xrealloc(w->has, nc);
	w->at = ease_xrealloc(w->at, nc * sizeof *w->at);
	w->tol = ease_xrealloc(w->tol, nc * sizeof *w->tol);
	w->cap = nc;
}

static void
day_cells(daily *d, const subject *s, long day, dayacc *a, row *w)
{
	size_t nc = d->ncol;
	place none = {0, 0};

	row_fit(w, nc);
	memset(w->has, 0, nc);
	if (a == NULL)
		return;
	if (a->pain.n) {
		put(w, C_PAIN, mean_of(&a->pain), a->pain.at);
		put(w, C_PAIN_MAX, a->pain_max, a->pain.at);
		put(w, C_PAIN_N, (double)a->pain.n, a->pain.at);
	}
	if (a->nsl) {
		double h, bed;
		place at = a->sl[0].at, bat = at;

		night(d, s, day, a, &h, &at, &bed, &bat);
		/* naps left out may leave a night without hours */
		if (!isnan(h)) {
			put(w, C_SLEEP_HOURS, h, at);
			d->col[C_SLEEP_HOURS].used = 1;
		}
		if (!isnan(bed)) {
			put(w, C_TIME_IN_BED, bed, bat);
			d->col[C_TIME_IN_BED].used = 1;
			if (!isnan(h) && h > bed + 1e-9 && !d->dry) {
				char hb[40], bb[40], ds[16];

				/* hours of one record against the time in bed of another */
				ease_die(EASE_EX_DATA,
					 "%s:%ld: %s hours asleep on %s are more than the %s h in bed at %s:%ld",
					 d->fname[at.file], at.line, ease_fmt_num(h, 6, hb),
					 ease_fmt_date(day, ds), ease_fmt_num(bed, 6, bb),
					 d->fname[bat.file], bat.line);
			}
			if (!isnan(h) && bed > 0) {
				put(w, C_SLEEP_EFF, 100 * h / bed, bat);
				d->col[C_SLEEP_EFF].used = 1;
			}
		}
	}
	{
		mean sq = a->sq;

		/* a nap left out takes the quality rated as it ended with it */
		for (size_t i = 0; i < a->nqr; i++) {
			int nap = 0;

			for (size_t j = 0; j < a->nsl && !d->o->naps_add && !nap; j++)
				nap = a->sl[j].nap && fabs(a->sl[j].e - a->qr[i].t) <= 60;
			if (!nap)
				mean_add(&sq, a->qr[i].v, a->qr[i].at);
		}
		if (sq.n)
			put(w, C_SLEEP_QUALITY, mean_of(&sq), sq.at);
	}
	if (a->stress.n)
		put(w, C_STRESS, mean_of(&a->stress), a->stress.at);
	if (a->mood.n)
		put(w, C_MOOD, mean_of(&a->mood), a->mood.at);
	if (a->pb.n)
		put(w, C_PAIN_BEFORE, mean_of(&a->pb), a->pb.at);
	if (a->pa.n)
		put(w, C_PAIN_AFTER, mean_of(&a->pa), a->pa.at);
	if (a->massage) {
		size_t out = 0;

		put(w, C_MASSAGE, (double)a->massage, a->mat);
		/* as with doses: one session of unknown length makes the day's total unknown */
		if (a->has_mmin && !a->mmin_unknown)
			put(w, C_MASSAGE_MIN, a->mmin, a->mat);
		qsort(a->ses, a->nses, sizeof *a->ses, sess_cmp);
		for (size_t i = 0; i < a->nses; i++) {
			size_t l;

			if (!a->ses[i].tech)
				continue;
			l = strlen(a->ses[i].tech);
			ease_grow((void **)&w->techbuf, &w->techcap, out + l + 2, 1);
			if (out)
				w->techbuf[out++] = EASE_LIST_SEP;
			memcpy(w->techbuf + out, a->ses[i].tech, l);
			out += l;
		}
		if (out) {
			w->techbuf[out] = '\0';
			put(w, C_TECHNIQUE, NAN, a->mat);
			w->t[C_TECHNIQUE] = w->techbuf;
		}
	}
	if (a->doses)
		put(w, C_MEDS_DOSES, (double)a->doses, a->dat);
	if (d->loc_col >= 0 && a->pain.n)
		pain_locations(d, a, w);
	for (size_t i = 0; i < a->ndy; i++) {
		const dynval *x = &a->dy[i];

		if (x->col < 0 || d->col[x->col].kind == K_MEDPEND)
			continue;
		/*
		 * Doses and counts (a factor without a unit: 2 coffees and 3
		 * coffees) add up; a measurement (with a unit: heart rate in
		 * bpm) and other ratings are averaged.
		 */
		int add = d->col[x->col].kind == K_MED ||
			(d->col[x->col].kind == K_FACTOR && !d->col[x->col].measure);

		put(w, x->col, add ? x->sum : x->sum / (double)x->n, x->at);
		if (isnan(x->sum))
			w->t[x->col] = "";	/* an intake of unknown dose */
	}
	/* intakes of unknown dose: the day's total of that drug is unknown */
	for (size_t i = 0; i < a->ndy; i++) {
		const dynval *x = &a->dy[i];
		long k;

		if (x->col < 0 || d->col[x->col].kind != K_MEDPEND)
			continue;
		k = pending_col(d, s->id, d->col[x->col].drug);
		/*
		 * A subject set aside while reading comes here before
		 * pending_cols(): the column may be new, past the row.
		 */
		if ((size_t)k >= nc) {
			row_fit(w, d->ncol);
			memset(w->has + nc, 0, d->ncol - nc);
			nc = d->ncol;
		}
		d->col[k].used = 1;
		put(w, (int)k, NAN, x->at);
		w->t[k] = "";
	}
	/* a day table's cells: the same value, or a conflict */
	for (size_t i = 0; i < a->ngv; i++) {
		const given *g = &a->gv[i];
		cand c[2];

		if (!w->has[g->col]) {
			put(w, g->col, g->v, g->at);
			w->t[g->col] = g->text;
			w->tol[g->col] = g->tol;
			continue;
		}
		c[0] = (cand){w->v[g->col], w->t[g->col], w->at[g->col], w->tol[g->col]};
		c[1] = (cand){g->v, g->text, g->at, g->tol};
		const cand *p = resolve(d, d->col[g->col].name, s, day, c, 2);

		w->v[g->col] = p->v;
		w->t[g->col] = p->t;
		w->at[g->col] = p->at;
		w->tol[g->col] = p->tol;
	}
	/* counts on a day with some record: 0, not unknown */
	if (a->recorded)
		for (size_t k = 0; k < nc; k++) {
			/* a measurement not taken is unknown, not 0 */
			int zero = k == C_MASSAGE || k == C_MEDS_DOSES ||
				d->col[k].kind == K_MED ||
				(d->col[k].kind == K_FACTOR && !d->col[k].measure);

			/* minutes are 0 only on a day without a session */
			if (k == C_MASSAGE_MIN)
				zero = !(w->has[C_MASSAGE] && w->v[C_MASSAGE] > 0);

			if (zero && !w->has[k] && d->col[k].used)
				put(w, (int)k, 0, none);
		}
}

static daily *sort_d;

/* The fixed columns in their order, pain_locations after pain_n; -1 for others. */
static int
fixed_rank(int x)
{
	/* made here or read from a day table */
	if (x >= C_NFIXED && strcmp(sort_d->col[x].name, "pain_locations") == 0)
		return 2 * C_PAIN_N + 1;
	return x < C_NFIXED ? 2 * x + (x > C_PAIN_N) * 2 : -1;
}

static int
col_order(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int kx = sort_d->col[x].kind, ky = sort_d->col[y].kind;

	int rx = fixed_rank(x), ry = fixed_rank(y);

	if (rx >= 0 || ry >= 0)
		return ry < 0 ? -1 : rx < 0 ? 1 : (rx > ry) - (rx < ry);
	/* drugs, then factors and other columns, each by name */
	if ((kx == K_MED) != (ky == K_MED))
		return kx == K_MED ? -1 : 1;
	return strcmp(sort_d->col[x].name, sort_d->col[y].name);
}

static int
subj_order(const void *a, const void *b)
{
	const subject *x = a, *y = b;

	return strcmp(x->id, y->id);
}

/* A day's strings freed, the day with its lists kept for the next. */
static void
free_day(dayacc *a)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->nses; i++)
		free(a->ses[i].tech);
	for (size_t i = 0; i < a->ngv; i++)
		free(a->gv[i].text);
	a->next = spare_days;
	spare_days = a;
}

/* ---- subjects set aside ----
 *
 * A subject's day summaries are packed into a store: a mask of the members
 * that are not zero, then those, with whole numbers and numbers of one or
 * two decimals as variable-length integers and lines as the step from the
 * line before.  Read back, they are merged into whatever the subject has in
 * memory, so input that comes back to a subject later is summed as if it
 * had come at once.  The store stays in memory (a day in some 50 bytes,
 * not the 500 of its summary) up to a budget; only past it does the store
 * go on in a nameless temporary file under TMPDIR.
 */

/* MiB of the store held in memory before the temporary file. */
#define STORE_HOLD_MB 32

static const double pk_scale[3] = {1, 10, 100};

static void
pk_byte(packer *k, unsigned char c)
{
	if (k->n == k->cap)
		ease_grow((void **)&k->b, &k->cap, k->n + 1, 1);
	k->b[k->n++] = c;
}

static void
pk_u(packer *k, uint64_t v)
{
	while (v >= 0x80) {
		pk_byte(k, (unsigned char)(v | 0x80));
		v >>= 7;
	}
	pk_byte(k, (unsigned char)v);
}

static void
pk_s(packer *k, long long v)
{
	pk_u(k, ((uint64_t)v << 1) ^ (v < 0 ? UINT64_MAX : 0));
}

static void
pk_raw(packer *k, const void *p, size_t n)
{
	ease_grow((void **)&k->b, &k->cap, k->n + n + 1, 1);
	if (n)
		memcpy(k->b + k->n, p, n);
	k->n += n;
}

/*
 * A number: Q / 10^P for P = 0, 1, 2 where that gives back the very same
 * bits (so never for -0 or NaN), its 8 bytes otherwise.
 */
static void
pk_num(packer *k, double x)
{
	for (int p = 0; p < 3 && isfinite(x) && fabs(x) < 1e15; p++) {
		double t = x * pk_scale[p];
		/* rounded by hand: the check below is what makes it exact */
		long long q = (long long)(t < 0 ? t - 0.5 : t + 0.5);
		double y = (double)q / pk_scale[p];

		if (memcmp(&y, &x, sizeof x) == 0) {
			uint64_t z = ((uint64_t)q << 1) ^ (q < 0 ? UINT64_MAX : 0);

			pk_u(k, z << 2 | (uint64_t)p);
			return;
		}
	}
	pk_u(k, 3);
	pk_raw(k, &x, sizeof x);
}

static void
pk_place(packer *k, place at)
{
	pk_u(k, (uint64_t)at.file);
	pk_s(k, at.line - k->line);
	k->line = at.line;
}

/* NULL and "" differ: the length + 1, 0 for NULL */
static void
pk_str(packer *k, const char *t)
{
	size_t n = t ? strlen(t) : 0;

	pk_u(k, t ? n + 1 : 0);
	pk_raw(k, t, n);
}

static unsigned char
up_byte(unpacker *u)
{
	if (u->p == u->end)
		ease_die(EASE_EX_SOFTWARE, "days set aside: read past their end");
	return *u->p++;
}

static uint64_t
up_u(unpacker *u)
{
	uint64_t v = 0;
	unsigned sh = 0;
	unsigned char c;

	do {
		c = up_byte(u);
		if (sh < 64)
			v |= (uint64_t)(c & 0x7f) << sh;
		sh += 7;
	} while (c & 0x80);
	return v;
}

static long long
up_s(unpacker *u)
{
	uint64_t z = up_u(u);

	return (long long)(z >> 1) ^ -(long long)(z & 1);
}

static void
up_raw(unpacker *u, void *p, size_t n)
{
	if ((size_t)(u->end - u->p) < n)
		ease_die(EASE_EX_SOFTWARE, "days set aside: read past their end");
	memcpy(p, u->p, n);
	u->p += n;
}

static double
up_num(unpacker *u)
{
	uint64_t z = up_u(u);
	unsigned p = (unsigned)(z & 3);
	double x;

	if (p == 3) {
		up_raw(u, &x, sizeof x);
		return x;
	}
	z >>= 2;
	return (double)((long long)(z >> 1) ^ -(long long)(z & 1)) / pk_scale[p];
}

static place
up_place(unpacker *u)
{
	place at;

	at.file = (long)up_u(u);
	u->line += (long)up_s(u);
	at.line = u->line;
	return at;
}

static char *
up_str(unpacker *u)
{
	size_t n = (size_t)up_u(u);
	char *t;

	if (n == 0)
		return NULL;
	t = ease_xmalloc(n);
	up_raw(u, t, n - 1);
	t[n - 1] = '\0';
	return t;
}

static int
is_zero(const void *p, size_t n)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		if (c[i])
			return 0;
	return 1;
}

static void
pk_mean(packer *k, const mean *m)
{
	pk_num(k, m->sum);
	pk_u(k, (uint64_t)m->n);
	pk_place(k, m->at);
}

static void
up_mean(unpacker *u, mean *m)
{
	m->sum = up_num(u);
	m->n = (long)up_u(u);
	m->at = up_place(u);
}

/* The members of a day, in the order of its mask's bits. */
enum {
	DB_RECORDED, DB_PAIN, DB_PAIN_MAX, DB_PB, DB_PA, DB_STRESS, DB_MOOD, DB_SQ,
	DB_MASSAGE, DB_MAT, DB_MMIN, DB_HAS_MMIN, DB_MMIN_UNKNOWN, DB_DOSES, DB_DAT,
	DB_SES, DB_DY, DB_SL, DB_GV, DB_QR
};

#define BIT(b) ((uint64_t)1 << (b))

/* Appends the summary A of DAY (the step from PREV) to K. */
static void
pack_day(packer *k, long day, long prev, const dayacc *a)
{
	uint64_t m = 0;

	m |= a->recorded ? BIT(DB_RECORDED) : 0;
	m |= !is_zero(&a->pain, sizeof a->pain) ? BIT(DB_PAIN) : 0;
	m |= a->pain_max != -INFINITY ? BIT(DB_PAIN_MAX) : 0;
	m |= !is_zero(&a->pb, sizeof a->pb) ? BIT(DB_PB) : 0;
	m |= !is_zero(&a->pa, sizeof a->pa) ? BIT(DB_PA) : 0;
	m |= !is_zero(&a->stress, sizeof a->stress) ? BIT(DB_STRESS) : 0;
	m |= !is_zero(&a->mood, sizeof a->mood) ? BIT(DB_MOOD) : 0;
	m |= !is_zero(&a->sq, sizeof a->sq) ? BIT(DB_SQ) : 0;
	m |= a->massage ? BIT(DB_MASSAGE) : 0;
	m |= !is_zero(&a->mat, sizeof a->mat) ? BIT(DB_MAT) : 0;
	m |= !is_zero(&a->mmin, sizeof a->mmin) ? BIT(DB_MMIN) : 0;
	m |= a->has_mmin ? BIT(DB_HAS_MMIN) : 0;
	m |= a->mmin_unknown ? BIT(DB_MMIN_UNKNOWN) : 0;
	m |= a->doses ? BIT(DB_DOSES) : 0;
	m |= !is_zero(&a->dat, sizeof a->dat) ? BIT(DB_DAT) : 0;
	m |= a->nses ? BIT(DB_SES) : 0;
	m |= a->ndy ? BIT(DB_DY) : 0;
	m |= a->nsl ? BIT(DB_SL) : 0;
	m |= a->ngv ? BIT(DB_GV) : 0;
	m |= a->nqr ? BIT(DB_QR) : 0;

	pk_s(k, day - prev);
	pk_u(k, m);
	if (m & BIT(DB_RECORDED))
		pk_s(k, a->recorded);
	if (m & BIT(DB_PAIN))
		pk_mean(k, &a->pain);
	if (m & BIT(DB_PAIN_MAX))
		pk_num(k, a->pain_max);
	if (m & BIT(DB_PB))
		pk_mean(k, &a->pb);
	if (m & BIT(DB_PA))
		pk_mean(k, &a->pa);
	if (m & BIT(DB_STRESS))
		pk_mean(k, &a->stress);
	if (m & BIT(DB_MOOD))
		pk_mean(k, &a->mood);
	if (m & BIT(DB_SQ))
		pk_mean(k, &a->sq);
	if (m & BIT(DB_MASSAGE))
		pk_s(k, a->massage);
	if (m & BIT(DB_MAT))
		pk_place(k, a->mat);
	if (m & BIT(DB_MMIN))
		pk_num(k, a->mmin);
	if (m & BIT(DB_HAS_MMIN))
		pk_s(k, a->has_mmin);
	if (m & BIT(DB_MMIN_UNKNOWN))
		pk_s(k, a->mmin_unknown);
	if (m & BIT(DB_DOSES))
		pk_s(k, a->doses);
	if (m & BIT(DB_DAT))
		pk_place(k, a->dat);
	if (m & BIT(DB_SES)) {
		pk_u(k, a->nses);
		for (size_t i = 0; i < a->nses; i++) {
			pk_s(k, a->ses[i].sec);
			pk_s(k, a->ses[i].seq);
			pk_str(k, a->ses[i].tech);
		}
	}
	if (m & BIT(DB_DY)) {
		pk_u(k, a->ndy);
		for (size_t i = 0; i < a->ndy; i++) {
			pk_s(k, a->dy[i].col);
			pk_num(k, a->dy[i].sum);
			pk_s(k, a->dy[i].n);
			pk_place(k, a->dy[i].at);
		}
	}
	if (m & BIT(DB_SL)) {
		pk_u(k, a->nsl);
		for (size_t i = 0; i < a->nsl; i++) {
			pk_num(k, a->sl[i].s);
			pk_num(k, a->sl[i].e);
			pk_num(k, a->sl[i].hours);
			pk_s(k, a->sl[i].type);
			pk_s(k, a->sl[i].nap);
			pk_place(k, a->sl[i].at);
		}
	}
	if (m & BIT(DB_GV)) {
		pk_u(k, a->ngv);
		for (size_t i = 0; i < a->ngv; i++) {
			pk_s(k, a->gv[i].col);
			pk_num(k, a->gv[i].v);
			pk_num(k, a->gv[i].tol);
			pk_str(k, a->gv[i].text);
			pk_place(k, a->gv[i].at);
		}
	}
	if (m & BIT(DB_QR)) {
		pk_u(k, a->nqr);
		for (size_t i = 0; i < a->nqr; i++) {
			pk_num(k, a->qr[i].t);
			pk_num(k, a->qr[i].v);
			pk_place(k, a->qr[i].at);
		}
	}
}

/* A list of *N items of SIZE bytes in *P, every member of each to be set. */
static void
up_arr(unpacker *u, void **p, size_t *n, size_t *cap, size_t size)
{
	*n = (size_t)up_u(u);
	if (*n > (size_t)(u->end - u->p))
		ease_die(EASE_EX_SOFTWARE, "days set aside: read past their end");
	grow_small(p, cap, *n, size);
}

/* The next day of U into a new summary; its day into *DAY (a step from it). */
static dayacc *
unpack_day(unpacker *u, long *day)
{
	dayacc *a = new_day();
	uint64_t m;

	*day += (long)up_s(u);
	m = up_u(u);
	if (m & BIT(DB_RECORDED))
		a->recorded = (long)up_s(u);
	if (m & BIT(DB_PAIN))
		up_mean(u, &a->pain);
	if (m & BIT(DB_PAIN_MAX))
		a->pain_max = up_num(u);
	if (m & BIT(DB_PB))
		up_mean(u, &a->pb);
	if (m & BIT(DB_PA))
		up_mean(u, &a->pa);
	if (m & BIT(DB_STRESS))
		up_mean(u, &a->stress);
	if (m & BIT(DB_MOOD))
		up_mean(u, &a->mood);
	if (m & BIT(DB_SQ))
		up_mean(u, &a->sq);
	if (m & BIT(DB_MASSAGE))
		a->massage = (long)up_s(u);
	if (m & BIT(DB_MAT))
		a->mat = up_place(u);
	if (m & BIT(DB_MMIN))
		a->mmin = up_num(u);
	if (m & BIT(DB_HAS_MMIN))
		a->has_mmin = (long)up_s(u);
	if (m & BIT(DB_MMIN_UNKNOWN))
		a->mmin_unknown = (long)up_s(u);
	if (m & BIT(DB_DOSES))
		a->doses = (long)up_s(u);
	if (m & BIT(DB_DAT))
		a->dat = up_place(u);
	if (m & BIT(DB_SES)) {
		up_arr(u, (void **)&a->ses, &a->nses, &a->cses, sizeof *a->ses);
		for (size_t i = 0; i < a->nses; i++) {
			a->ses[i].sec = (long)up_s(u);
			a->ses[i].seq = (long)up_s(u);
			a->ses[i].tech = up_str(u);
		}
	}
	if (m & BIT(DB_DY)) {
		up_arr(u, (void **)&a->dy, &a->ndy, &a->cdy, sizeof *a->dy);
		for (size_t i = 0; i < a->ndy; i++) {
			a->dy[i].col = (long)up_s(u);
			a->dy[i].sum = up_num(u);
			a->dy[i].n = (long)up_s(u);
			a->dy[i].at = up_place(u);
		}
	}
	if (m & BIT(DB_SL)) {
		up_arr(u, (void **)&a->sl, &a->nsl, &a->csl, sizeof *a->sl);
		for (size_t i = 0; i < a->nsl; i++) {
			a->sl[i].s = up_num(u);
			a->sl[i].e = up_num(u);
			a->sl[i].hours = up_num(u);
			a->sl[i].type = (long)up_s(u);
			a->sl[i].nap = (long)up_s(u);
			a->sl[i].at = up_place(u);
		}
	}
	if (m & BIT(DB_GV)) {
		up_arr(u, (void **)&a->gv, &a->ngv, &a->cgv, sizeof *a->gv);
		for (size_t i = 0; i < a->ngv; i++) {
			a->gv[i].col = (long)up_s(u);
			a->gv[i].v = up_num(u);
			a->gv[i].tol = up_num(u);
			a->gv[i].text = up_str(u);
			a->gv[i].at = up_place(u);
		}
	}
	if (m & BIT(DB_QR)) {
		up_arr(u, (void **)&a->qr, &a->nqr, &a->cqr, sizeof *a->qr);
		for (size_t i = 0; i < a->nqr; i++) {
			a->qr[i].t = up_num(u);
			a->qr[i].v = up_num(u);
			a->qr[i].at = up_place(u);
		}
	}
	return a;
}

/* The store's budget: $EASE_DAILY_MEM MiB, or STORE_HOLD_MB. */
static size_t
store_hold(void)
{
	const char *e = getenv("EASE_DAILY_MEM");
	char *end;
	unsigned long v;

	if (e == NULL || *e == '\0')
		return (size_t)STORE_HOLD_MB << 20;
	errno = 0;
	v = strtoul(e, &end, 10);
	if (errno || *end || *e == '-' || v > 1ul << 20)
		ease_usage("EASE_DAILY_MEM: '%s' is not a number of MiB (0 to 1048576)", e);
	return (size_t)v << 20;
}

static void
store_flush(daily *d)
{
	size_t n = (size_t)(d->st_len - d->st_flushed), done = 0;

	if (d->st_fd < 0) {
		const char *dir = getenv("TMPDIR");
		char *tmp;

		if (dir == NULL || *dir == '\0')
			dir = "/tmp";
		tmp = ease_xasprintf("%s/ease-daily.XXXXXX", dir);
		d->st_fd = mkstemp(tmp);
		if (d->st_fd < 0)
			ease_die(EASE_EX_CANTCREAT, "%s: cannot make a temporary file there to hold "
				 "the days set aside: %s (set TMPDIR to a writable folder, or "
				 "EASE_DAILY_MEM to more MiB)", dir, strerror(errno));
		/* nameless from the start: nothing is left behind however the run ends */
		unlink(tmp);
		free(tmp);
	}
	while (done < n) {
		ssize_t k = write(d->st_fd, d->st_buf + done, n - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			ease_die(EASE_EX_IO, "the temporary file of the days set aside: write "
				 "error: %s (free space under TMPDIR)",
				 strerror(k < 0 ? errno : ENOSPC));
		done += (size_t)k;
	}
	d->st_flushed = d->st_len;
}

/* Appends the piece packed in d->pk to the store; returns its offset. */
static uint64_t
store_put(daily *d)
{
	size_t held = (size_t)(d->st_len - d->st_flushed), n = d->pk.n;
	uint64_t off;

	if (held > 0 && held + n > d->st_hold) {
		store_flush(d);
		held = 0;
	}
	ease_grow((void **)&d->st_buf, &d->st_cap, held + n + 1, 1);
	memcpy(d->st_buf + held, d->pk.b, n);
	off = d->st_len;
	d->st_len += n;
	/* a piece past the budget alone goes to the file at once */
	if (held + n > d->st_hold)
		store_flush(d);
	return off;
}

/* The bytes of piece G, from memory or read from the file into d->pk. */
static const unsigned char *
store_get(daily *d, const seg *g)
{
	size_t done = 0;

	if (g->off >= d->st_flushed)
		return d->st_buf + (g->off - d->st_flushed);
	ease_grow((void **)&d->pk.b, &d->pk.cap, (size_t)g->len + 1, 1);
	while (done < g->len) {
		ssize_t k = pread(d->st_fd, d->pk.b + done, (size_t)g->len - done,
				  (off_t)(g->off + done));

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			ease_die(EASE_EX_IO, "the temporary file of the days set aside: read "
				 "error: %s", k < 0 ? strerror(errno) : "cut short");
		done += (size_t)k;
	}
	return d->pk.b;
}

static void
free_days(subject *s)
{
	for (size_t k = 0; k < s->n; k++)
		free_day(s->d[k]);
	free(s->d);
	*s->total -= s->held;
	s->d = NULL;
	s->n = 0;
	s->held = 0;
}

static void day_cells(daily *d, const subject *s, long day, dayacc *a, row *w);

/*
 * Sets S's days aside.  Their cells are made first, for the columns they
 * fill; a conflict among them may yet change when more of the subject
 * comes, so it only marks the subject to be looked at again as a whole.
 */
static void
set_aside(daily *d, subject *s)
{
	size_t n = 0;
	long prev = 0;

	d->dry = 1;
	d->dry_conflict = 0;
	for (size_t k = 0; k < s->n; k++)
		if (s->d[k])
			day_cells(d, s, s->base + (long)k, s->d[k], &d->rw);
	d->dry = 0;
	s->suspect |= d->dry_conflict;

	d->pk.n = 0;
	d->pk.line = 0;
	for (size_t k = 0; k < s->n; k++) {
		long day = s->base + (long)k;

		if (s->d[k] == NULL)
			continue;
		pack_day(&d->pk, day, prev, s->d[k]);
		prev = day;
		n++;
	}
	ease_grow((void **)&s->seg, &s->cseg, s->nseg + 1, sizeof *s->seg);
	s->seg[s->nseg].len = d->pk.n;
	s->seg[s->nseg].ndays = n;
	s->seg[s->nseg].off = store_put(d);
	s->nseg++;
	free_days(s);
}

/* A count of records merged: the place of the earliest one is kept. */
static void
count_merge(long *n, place *at, long xn, place xat)
{
	if (xn && (*n == 0 || place_cmp(xat, *at) < 0))
		*at = xat;
	*n += xn;
}

static void
mean_merge(mean *m, const mean *x)
{
	count_merge(&m->n, &m->at, x->n, x->at);
	m->sum += x->sum;
}


/* Adds the summary X of one day to A (X is consumed). */
static void
merge_day(dayacc *a, dayacc *x)
{
	a->recorded |= x->recorded;
	mean_merge(&a->pain, &x->pain);
	if (x->pain_max > a->pain_max)
		a->pain_max = x->pain_max;
	mean_merge(&a->pb, &x->pb);
	mean_merge(&a->pa, &x->pa);
	mean_merge(&a->stress, &x->stress);
	mean_merge(&a->mood, &x->mood);
	mean_merge(&a->sq, &x->sq);
	count_merge(&a->massage, &a->mat, x->massage, x->mat);
	a->mmin += x->mmin;
	a->has_mmin |= x->has_mmin;
	a->mmin_unknown += x->mmin_unknown;
	count_merge(&a->doses, &a->dat, x->doses, x->dat);
	for (size_t i = 0; i < x->ndy; i++) {
		size_t j;

		for (j = 0; j < a->ndy && a->dy[j].col != x->dy[i].col; j++)
			;
		if (j == a->ndy) {
			append((void **)&a->dy, &a->ndy, &a->cdy, &x->dy[i], 1, sizeof *a->dy);
			continue;
		}
		a->dy[j].sum += x->dy[i].sum;
		count_merge(&a->dy[j].n, &a->dy[j].at, x->dy[i].n, x->dy[i].at);
	}
	append((void **)&a->ses, &a->nses, &a->cses, x->ses, x->nses, sizeof *a->ses);
	append((void **)&a->sl, &a->nsl, &a->csl, x->sl, x->nsl, sizeof *a->sl);
	append((void **)&a->gv, &a->ngv, &a->cgv, x->gv, x->ngv, sizeof *a->gv);
	append((void **)&a->qr, &a->nqr, &a->cqr, x->qr, x->nqr, sizeof *a->qr);
	/* its strings are A's now */
	x->nses = x->ngv = 0;
	free_day(x);
}

/* Reads S's days set aside back into memory, merged with those it has. */
static void
bring_back(daily *d, subject *s)
{
	for (size_t g = 0; g < s->nseg; g++) {
		unpacker u;
		long day = 0;

		u.p = store_get(d, &s->seg[g]);
		u.end = u.p + s->seg[g].len;
		u.line = 0;
		for (size_t k = 0; k < s->seg[g].ndays; k++) {
			dayacc *x = unpack_day(&u, &day), **p = slot_ref(s, day);

			if (*p == NULL) {
				*p = x;
				s->held++;
				(*s->total)++;
			} else {
				merge_day(*p, x);
			}
		}
		if (u.p != u.end)
			ease_die(EASE_EX_SOFTWARE, "days set aside: %zu bytes left unread",
				 (size_t)(u.end - u.p));
	}
	s->nseg = 0;
}

/* --pain-location LOC[,LOC]: the locations whose ratings make pain. */
static void
want_locations(daily *d, const char *arg)
{
	const char *p = arg;

	while (*p) {
		size_t len = strcspn(p, ",");
		char *one = ease_xstrndup(p, len);
		const char *q = one;
		int any = 0;

		while (ease_pain_loc_next(&q, &d->locname, &d->loccap)) {
			ease_painlocs_add(&d->want, d->locname);
			any = 1;
		}
		if (!any)
			ease_usage("--pain-location: '%s' is not a body location (expected names "
				   "such as back_lower or 'Back (lower)', comma-separated)", one);
		free(one);
		p += len + (p[len] == ',');
	}
	if (d->want.n == 0)
		ease_usage("--pain-location: no body location given");
	d->want_hit = ease_xcalloc(d->want.n, 1);
}

/*
 * Exits 2 when --pain-location chose no location any rating has: the table
 * would have no pain column at all, which no analysis after it can read.
 */
static void
no_location_hit(daily *d)
{
	char list[512], chosen[512];

	if (d->want.n == 0 || d->seen.n == 0)
		return;
	for (size_t i = 0; i < d->want.n; i++)
		if (d->want_hit[i])
			return;
	ease_die(EASE_EX_USAGE,
		 "--pain-location: no pain rating has the location%s %s (the ratings' locations: %s): the table would have no pain; choose among those",
		 d->want.n == 1 ? "" : "s", ease_painlocs_list(&d->want, chosen, sizeof chosen),
		 ease_painlocs_list(&d->seen, list, sizeof list));
}

static void
location_warnings(daily *d)
{
	char list[512];

	if (d->want.n == 0) {
		if (d->locs.n >= 2)
			ease_warn("pain is the mean of the ratings of %zu body locations (%s); "
				  "column pain_locations says which made each day's; "
				  "--pain-location LOCATION[,LOCATION] chooses them",
				  d->locs.n, ease_painlocs_list(&d->locs, list, sizeof list));
		return;
	}
	for (size_t i = 0; i < d->want.n; i++)
		if (!d->want_hit[i])
			ease_warn("--pain-location: no pain rating of the location '%s'%s%s%s",
				  d->want.name[i], d->seen.n ? " (the ratings' locations: " : "",
				  d->seen.n ? ease_painlocs_list(&d->seen, list, sizeof list) : "",
				  d->seen.n ? ")" : "");
	if (d->nleft)
		ease_warn("%ld pain rating%s of other locations (%s) left out by --pain-location",
			  d->nleft, d->nleft == 1 ? "" : "s",
			  ease_painlocs_list(&d->left, list, sizeof list));
}

int
ease_daily_run(ease_common *c, ease_daily_opts *o)
{
	daily d;
	ease_daily_input *in;
	int nin;
	char **paths;
	ease_writer *w;
	int *order, nout = 0, subj_col = 0;

	memset(&d, 0, sizeof d);
	d.c = c;
	d.o = o;
	d.last_subj = -1;
	d.st_fd = -1;
	d.st_hold = store_hold();
	ease_tz_use(o->tz);
	/* positional files are event logs; nothing at all: standard input */
	for (int i = 0; i < c->nfiles; i++)
		ease_daily_add(o, EASE_IN_EVENTS, c->files[i]);
	if (o->nin == 0) {
		static char dash[] = "-";

		ease_daily_add(o, EASE_IN_EVENTS, dash);
		o->in[o->nin - 1].pos = 0;
	}
	nin = o->nin;
	in = o->in;
	/* a second read of standard input would find it empty, silently */
	for (int i = 0, first = -1; i < nin; i++)
		if (strcmp(in[i].path, "-") == 0) {
			if (first >= 0)
				ease_usage("standard input ('-') is named twice (%s and %s): "
					   "only one input can read it", kind_opt[in[first].kind],
					   kind_opt[in[i].kind]);
			first = i;
		}
	/* in command-line order: --prefer first and last go by it */
	for (int i = 1; i < nin; i++) {
		ease_daily_input x = in[i];
		int j = i;

		for (; j > 0 && in[j - 1].pos > x.pos; j--)
			in[j] = in[j - 1];
		in[j] = x;
	}
	d.fname = ease_xcalloc((size_t)nin, sizeof *d.fname);
	paths = ease_xcalloc((size_t)nin, sizeof *paths);
	for (int i = 0; i < nin; i++) {
		d.fname[i] = ease_xstrdup(in[i].path);
		paths[i] = (char *)in[i].path;
	}
	d.nfile = nin;
	d.subj_ix = ease_strset_new();
	d.col_ix = ease_strset_new();
	d.drug_ix = ease_strset_new();
	d.tech = ease_technames_new();
	d.map_used = ease_xcalloc((size_t)c->ncolmap + 1, sizeof *d.map_used);
	d.loc_col = -1;
	if (o->pain_loc)
		want_locations(&d, o->pain_loc);
	for (int k = 0; k < C_NFIXED; k++)
		add_col(&d, fixed_name[k], K_FIXED);

	for (int i = 0; i < nin; i++) {
		rd r;

		open_rd(&r, &d, &in[i], i);
		switch (in[i].kind) {
		case EASE_IN_EVENTS: read_events(&r); break;
		case EASE_IN_SESSIONS: read_sessions(&r); break;
		case EASE_IN_PAIN: read_pain(&r); break;
		case EASE_IN_SLEEP: read_sleep(&r); break;
		case EASE_IN_MEDS: read_meds(&r); break;
		case EASE_IN_FACTORS: read_factors(&r); break;
		default: read_days(&r); break;
		}
		close_rd(&r);
	}
	if (d.rows == 0) {
		char names[512];
		size_t n = 0;

		names[0] = '\0';
		for (int i = 0; i < nin && n < sizeof names; i++)
			n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "",
					      d.fname[i]);
		ease_die(EASE_EX_DATA, "%s: no data rows, only %s", names,
			 nin > 1 ? "headers" : "a header");
	}
	for (int i = 0; i < c->ncolmap; i++)
		if (!d.map_used[i])
			ease_usage("--col %s=%s: no input has a column '%s'",
				   ease_role_def(c->colmap[i].role)->name, c->colmap[i].name,
				   c->colmap[i].name);

	pending_cols(&d);
	/* pain of several body locations: which made each day's is kept */
	if (d.locs.n >= 2) {
		d.loc_col = add_col(&d, "pain_locations", K_TEXT);
		d.col[d.loc_col].used = 1;
	}
	/* a pass over the days finds the columns that only a derived value fills */
	if (d.nsubj > 1)
		qsort(d.subj, d.nsubj, sizeof *d.subj, subj_order);
	d.last_subj = -1;
	/*
	 * Every day's cells once before the header: the columns that only a
	 * derived value fills, and conflicts, are known before a row is out.
	 * A subject read back is set aside again in one piece.
	 */
	for (size_t si = 0; si < d.nsubj; si++) {
		subject *s = &d.subj[si];

		if (s->id[0])
			subj_col = 1;
		if (s->nseg == 0 || (s->nseg == 1 && !s->suspect && s->held == 0))
			continue;
		/* a subject in pieces: its cells made from the whole of it */
		bring_back(&d, s);
		s->suspect = 0;
		for (size_t k = 0; k < s->n; k++)
			if (s->d[k])
				day_cells(&d, s, s->base + (long)k, s->d[k], &d.rw);
		set_aside(&d, s);
	}
	for (size_t si = 0; si < d.nsubj; si++) {
		subject *s = &d.subj[si];

		if (s->nseg)
			continue;
		for (size_t k = 0; k < s->n; k++)
			if (s->d[k])
				day_cells(&d, s, s->base + (long)k, s->d[k], &d.rw);
	}
	order = ease_xcalloc(d.ncol, sizeof *order);
	for (size_t k = 0; k < d.ncol; k++)
		if (d.col[k].used)
			order[nout++] = (int)k;
	sort_d = &d;
	qsort(order, (size_t)nout, sizeof *order, col_order);

	no_location_hit(&d);
	w = ease_writer_open(c->output, c->format, paths, nin);
	ease_w_str(w, "date");
	if (subj_col)
		ease_w_str(w, "subject");
	for (int k = 0; k < nout; k++)
		ease_w_str(w, d.col[order[k]].name);
	ease_w_end(w);
	for (size_t si = 0; si < d.nsubj; si++) {
		subject *s = &d.subj[si];
		long from = o->has_from ? o->from : s->first;
		long to = o->has_to ? o->to : s->last;

		if (!s->any)
			continue;
		if (s->nseg)
			bring_back(&d, s);
		for (long day = from; day <= to; day++) {
			char b[16];
			dayacc *a = day >= s->base && (size_t)(day - s->base) < s->n ?
				s->d[day - s->base] : NULL;

			day_cells(&d, s, day, a, &d.rw);
			ease_w_str(w, ease_fmt_date(day, b));
			if (subj_col)
				ease_w_str(w, s->id);
			for (int k = 0; k < nout; k++) {
				int col = order[k];

				if (!d.rw.has[col])
					ease_w_field(w, "", 0);
				else if (d.rw.t[col])
					ease_w_str(w, d.rw.t[col]);
				else
					ease_w_num(w, d.rw.v[col], c->digits);
			}
			ease_w_end(w);
		}
		free_days(s);
	}
	ease_writer_close(w);
	/* a shift worker's only sleep may look like a nap: never drop it unsaid */
	if (d.naps_left)
		ease_warn("%ld sleep%s ending 10:00-20:00 and under 4 h left out as nap%s, "
			  "with any sleep quality rated at %s end; --naps add counts them",
			  d.naps_left, d.naps_left == 1 ? "" : "s", d.naps_left == 1 ? "" : "s",
			  d.naps_left == 1 ? "its" : "their");
	location_warnings(&d);
	if (d.sleep_empty)
		ease_warn("%ld sleep record%s of a date alone (no hours, no times) left out: "
			  "a night synced without data has no sleep_hours",
			  d.sleep_empty, d.sleep_empty == 1 ? "" : "s");
	ease_report_skipped();

	for (size_t si = 0; si < d.nsubj; si++) {
		free_days(&d.subj[si]);
		free(d.subj[si].id);
		free(d.subj[si].seg);
	}
	if (d.st_fd >= 0)
		close(d.st_fd);
	free(d.st_buf);
	free(d.pk.b);
	free_spare_days();
	free(d.subj);
	for (size_t k = 0; k < d.ncol; k++) {
		free(d.col[k].name);
		free(d.col[k].drug);
	}
	free(d.col);
	for (size_t k = 0; k < d.ndrug; k++)
		free(d.drugs[k].unit);
	free(d.drugs);
	for (int i = 0; i < nin; i++)
		free((char *)d.fname[i]);
	free(d.fname);
	free(paths);
	free(order);
	free(d.rw.v);
	free(d.rw.t);
	free(d.rw.has);
	free(d.rw.at);
	free(d.rw.tol);
	free(d.rw.techbuf);
	free(d.rw.locbuf);
	free(d.locv);
	free(d.locname);
	free(d.want_hit);
	ease_painlocs_free(&d.want);
	ease_painlocs_free(&d.locs);
	ease_painlocs_free(&d.left);
	ease_painlocs_free(&d.seen);
	free(d.map_used);
	free(d.buf);
	free(d.dn);
	free(d.un);
	free(d.key);
	ease_strset_free(d.subj_ix);
	ease_strset_free(d.col_ix);
	ease_strset_free(d.drug_ix);
	ease_technames_free(d.tech);
	free(o->argv0);
	free(o->in);
	return 0;
}

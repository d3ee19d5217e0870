/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/alert.h"
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/hash.h"
#include "ease/infer.h"
#include "ease/prepost.h"
#include "ease/km.h"
#include "ease/relief.h"
#include "ease/value.h"
#include "ease/window.h"

#include <gsl/gsl_statistics_double.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const rule_names[EASE_ALERT_NRULES] = {
	"flare", "high", "sleep", "meds", "overdue"
};

const char *
ease_alert_rule_name(int rule)
{
	return rule >= 0 && rule < EASE_ALERT_NRULES ? rule_names[rule] : NULL;
}

void
ease_alert_opts_init(ease_alert_opts *o)
{
	memset(o, 0, sizeof *o);
	o->grace = 1;
	o->baseline = 28;
	o->flare_k = 2;
	o->flare_span = 3;
	o->high = 7;
	o->high_days = 2;
	o->sleep_hours = 5;
	o->sleep_k = 3;
	o->sleep_n = 5;
	o->meds_factor = 1.5;
	o->meds_days = 7;
	o->margin = 1;
}

double
ease_alert_half_life(long span)
{
	if (span <= 1)
		return 0;
	return log(2.0) / log((double)(span + 1) / (double)(span - 1));
}

static void
add_rule(const char *piece, void *ctx)
{
	ease_alert_opts *o = ctx;

	for (int i = 0; i < EASE_ALERT_NRULES; i++)
		if (strcmp(piece, rule_names[i]) == 0) {
			o->rules |= 1u << i;
			return;
		}
	ease_usage("--rules: no rule '%s'; rules: flare, high, sleep, meds, overdue", piece);
}

static double
number_in(const char *opt, const char *arg, double lo, double hi, const char *what)
{
	double v = ease_opt_double(opt, arg);

	if (!(v >= lo && v <= hi))
		ease_usage("%s: '%s' is not %s", opt, arg, what);
	return v;
}

void
ease_alert_set(ease_alert_opts *o, int which, const char *arg)
{
	switch (which) {
	case EASE_ALERT_O_RULES:
		o->rules = 0;
		ease_opt_each("--rules", arg, add_rule, o);
		break;
	case EASE_ALERT_O_VALUE:
		if (*arg == '\0')
			ease_usage("--value: needs a column name");
		o->value = arg;
		break;
	case EASE_ALERT_O_QUIET:
		o->quiet = 1;
		break;
	case EASE_ALERT_O_REPEAT:
		o->repeat = 1;
		break;
	case EASE_ALERT_O_STATE:
		if (*arg == '\0')
			ease_usage("--state: needs a file name");
		o->state = arg;
		break;
	case EASE_ALERT_O_TODAY:
		o->has_today = 1;
		o->today = arg ? ease_opt_date("--today", arg) : ease_today();
		break;
	case EASE_ALERT_O_GRACE:
		o->grace = ease_opt_long("--grace", arg, 0, 3650);
		break;
	case EASE_ALERT_O_BASELINE:
		o->baseline = ease_opt_long("--baseline", arg, 2, 3650);
		break;
	case EASE_ALERT_O_FLARE_K:
		o->flare_k = number_in("--flare-k", arg, 0, 100,
				       "a number of standard deviations from 0 to 100");
		break;
	case EASE_ALERT_O_FLARE_SPAN:
		o->flare_span = ease_opt_long("--flare-span", arg, 1, 365);
		break;
	case EASE_ALERT_O_HIGH:
		o->high = ease_opt_double("--high", arg);
		break;
	case EASE_ALERT_O_HIGH_DAYS:
		o->high_days = ease_opt_long("--high-days", arg, 1, 365);
		break;
	case EASE_ALERT_O_SLEEP_HOURS:
		o->sleep_hours = number_in("--sleep-hours", arg, 0, 24,
					   "a number of hours from 0 to 24");
		break;
	case EASE_ALERT_O_SLEEP_NIGHTS: {
		char *end;
		long kv = strtol(arg, &end, 10), nv = -1;

		if (end != arg && *end == '/' && end[1] >= '0' && end[1] <= '9') {
			const char *p = end + 1;

			nv = strtol(p, &end, 10);
		}
		if (nv < 0 || *end != '\0' || kv < 1 || nv > 365 || kv > nv)
			ease_usage("--sleep-nights: '%s' is not K/N, 1 <= K <= N <= 365 (3/5: 3 of the last 5 nights)",
				   arg);
		o->sleep_k = kv;
		o->sleep_n = nv;
		break;
	}
	case EASE_ALERT_O_MEDS_FACTOR:
		o->meds_factor = number_in("--meds-factor", arg, 0, 1000,
					   "a factor from 0 to 1000");
		break;
	case EASE_ALERT_O_MEDS_DAYS:
		o->meds_days = ease_opt_long("--meds-days", arg, 1, 365);
		break;
	case EASE_ALERT_O_MARGIN: {
		ease_relief_opts ro;	/* ease-relief's own check of the value */

		ease_relief_opts_init(&ro);
		ease_relief_set_margin(&ro, arg);
		o->margin = ro.margin;
		break;
	}
	}
}

/* ---- text that waits until the run knows its date ---- */

typedef struct text {
	char *s;
	size_t len, cap;
} text;

static void
text_add(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
text_add(text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ease_xvappendf(&t->s, &t->len, &t->cap, fmt, ap);
	va_end(ap);
}

/* A figure for a sentence: one decimal, none when it is a whole number. */
static const char *
fmt1(double v, char *buf)
{
	snprintf(buf, 32, "%.1f", v);
	if (strcmp(buf, "-0.0") == 0)
		strcpy(buf, "0.0");
	size_t l = strlen(buf);
	if (l > 2 && strcmp(buf + l - 2, ".0") == 0)
		buf[l - 2] = '\0';
	return buf;
}

/* ---- one subject ---- */

/* Days count from 1970 and a diary may start before it: no day is this one. */
#define NO_DAY LONG_MIN

/*
 * What a subject's rules said, kept until the run's date is known: only
 * then is it known whether the data are recent enough to be judged.
 */
typedef struct result {
	char *group;
	long last;		/* the last day read on or before the date, or NO_DAY */
	text warnings;		/* lines; each warning's message ends in '\n' */
	int now[EASE_ALERT_NRULES];	/* the rule's condition on LAST: 1, 0, -1 */
	int prev[EASE_ALERT_NRULES];	/* and on the day before, where it holds on LAST */
	char *msg[EASE_ALERT_NRULES];	/* the alert's text, where it holds */
} result;

/* ---- the state file: what earlier runs raised ---- */

/* The rule that stands for a diary not written for longer than --grace. */
#define STALE EASE_ALERT_NRULES

typedef struct state_ent {
	char *subject;		/* "" without a subject column */
	int rule;		/* EASE_ALERT_*, or STALE */
	long alerted;		/* the data day of the last alert raised, or NO_DAY */
	long quiet;		/* the last day on which the condition did not hold */
	long evaluated;		/* the last day the rule was judged on */
} state_ent;

typedef struct state {
	state_ent *e;
	size_t n, cap;
	/*
	 * The entries by subject and rule (index + 1, 0 for an empty slot), so
	 * that a state of many subjects is read in linear time, not quadratic.
	 */
	size_t *slot;
	size_t nslot;
} state;

static const char *const state_cols[] = {
	"subject", "rule", "alerted", "quiet", "evaluated"
};

static const char *
state_rule_name(int rule)
{
	return rule == STALE ? "stale" : rule_names[rule];
}

static size_t
state_hash(const char *subject, int rule)
{
	return (size_t)((ease_hash(subject) ^ (uint64_t)rule) * 0x100000001b3ULL);
}

/* Every entry into a table of twice as many slots. */
static void
state_rehash(state *st)
{
	size_t n = st->nslot ? 2 * st->nslot : 64;

	free(st->slot);
	st->slot = ease_xcalloc(n, sizeof *st->slot);
	st->nslot = n;
	for (size_t i = 0; i < st->n; i++) {
		size_t j = state_hash(st->e[i].subject, st->e[i].rule) & (n - 1);

		if (st->e[i].rule < 0)
			continue;	/* dropped: matches nothing */
		while (st->slot[j])
			j = (j + 1) & (n - 1);
		st->slot[j] = i + 1;
	}
}

/*
 * An entry dropped (rule -1) matches nothing, so that a
 * later spell of the same subject and rule is a new entry, as it was.
 */
static state_ent *
state_find(state *st, const char *subject, int rule, int add)
{
	size_t j;

	if (st->nslot == 0)
		state_rehash(st);
	for (j = state_hash(subject, rule) & (st->nslot - 1); st->slot[j];
	     j = (j + 1) & (st->nslot - 1)) {
		state_ent *e = &st->e[st->slot[j] - 1];

		if (e->rule == rule && strcmp(e->subject, subject) == 0)
			return e;
	}
	if (!add)
		return NULL;
	ease_grow((void **)&st->e, &st->cap, st->n + 1, sizeof *st->e);
	st->e[st->n] = (state_ent){ ease_xstrdup(subject), rule, NO_DAY, NO_DAY, NO_DAY };
	st->slot[j] = ++st->n;
	if (st->n * 2 > st->nslot)
		state_rehash(st);
	return &st->e[st->n - 1];
}

static long
state_date(const char *path, const ease_rec *rec, size_t col)
{
	long day;

	if (rec->f[col][0] == '\0')
		return NO_DAY;
	if (ease_parse_date(rec->f[col], NULL, &day) != EASE_V_OK)
		ease_die(EASE_EX_DATA, "%s:%ld: column '%s': '%s' is not a date (YYYY-MM-DD)",
			 path, rec->line, state_cols[col], rec->f[col]);
	return day;
}

/* A file not there yet is a state with nothing in it: the first run makes it. */
static void
state_load(state *st, const char *path)
{
	ease_reader *r;
	const ease_rec *rec;
	struct stat sb;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			return;
	} else if (!S_ISREG(sb.st_mode))
		/*
		 * The state is read and then replaced: a FIFO would block the
		 * run until something wrote to it; a device or folder cannot
		 * be replaced.
		 */
		ease_die(EASE_EX_NOINPUT, "%s: --state: not a regular file (%s); give --state a file of its own",
			 path, S_ISFIFO(sb.st_mode) ? "a FIFO" : S_ISDIR(sb.st_mode) ? "a folder"
			 : S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ? "a device" : "a socket");
	r = ease_reader_open(path, ',');
	rec = ease_reader_header(r);
	if (rec == NULL) {
		ease_reader_close(r);
		return;
	}
	if (rec->n != 5 || strcmp(rec->f[0], "subject") != 0 || strcmp(rec->f[1], "rule") != 0 ||
	    strcmp(rec->f[2], "alerted") != 0 || strcmp(rec->f[3], "quiet") != 0 ||
	    strcmp(rec->f[4], "evaluated") != 0)
		ease_die(EASE_EX_DATA, "%s:%ld: not an ease-alert state file (its header is subject,rule,alerted,quiet,evaluated); give --state a file of its own",
			 path, rec->line);
	while ((rec = ease_reader_next(r)) != NULL) {
		int rule = -1;
		state_ent *e;

		for (int i = 0; i <= STALE; i++)
			if (strcmp(rec->f[1], state_rule_name(i)) == 0)
				rule = i;
		if (rule < 0)
			ease_die(EASE_EX_DATA, "%s:%ld: column 'rule': '%s' is not a rule (flare, high, sleep, meds, overdue, stale)",
				 path, rec->line, rec->f[1]);
		if (state_find(st, rec->f[0], rule, 0))
			ease_die(EASE_EX_DATA, "%s:%ld: column 'rule': '%s' of subject '%s' is there twice",
				 path, rec->line, rec->f[1], rec->f[0]);
		e = state_find(st, rec->f[0], rule, 1);
		e->alerted = state_date(path, rec, 2);
		e->quiet = state_date(path, rec, 3);
		e->evaluated = state_date(path, rec, 4);
	}
	ease_reader_close(r);
}

/*
 * Written as -o writes: the old file stays whole until the new one is
 * complete.  W is opened before any alert is written, so that a state that
 * cannot be kept fails the run before it says anything.
 */
static void
state_save(state *st, ease_writer *w)
{
	char d[16];

	for (size_t i = 0; i < 5; i++)
		ease_w_str(w, state_cols[i]);
	ease_w_end(w);
	for (size_t i = 0; i < st->n; i++) {
		state_ent *e = &st->e[i];
		long days[3] = { e->alerted, e->quiet, e->evaluated };

		if (e->rule < 0)
			continue;	/* dropped: a stale spell that ended */
		ease_w_str(w, e->subject);
		ease_w_str(w, state_rule_name(e->rule));
		for (int k = 0; k < 3; k++)
			ease_w_str(w, days[k] == NO_DAY ? "" : ease_fmt_date(days[k], d));
		ease_w_end(w);
	}
	ease_writer_close(w);
	for (size_t i = 0; i < st->n; i++)
		free(st->e[i].subject);
	free(st->e);
	free(st->slot);
}

typedef struct run {
	ease_common *c;
	ease_alert_opts *o;
	ease_dayreader *r;
	unsigned rules;
	int has_group;
	int value_slot, sleep_slot, meds_slot, massage_slot;
	const char *value_name;		/* as messages name it */
	char vname[128];
	const char *sleep_name, *meds_name;
	long maxday;			/* the data's last day (all subjects) */
	/* the subject being read: its last days, by day modulo len */
	long len;
	long *tag;
	double *val, *sleep, *meds;
	ease_ema ema;
	double ema_before;		/* the EMA as of the day before the last row */
	long last, last_session;
	ease_relief_feed *feed;
	ease_relief_opts ro;
	/* the subject's relief runs by length in days: ended, censored */
	double *rev, *rce, *rtime;
	size_t rcap, nruns;
	double median;			/* their Kaplan-Meier median */
	/* overdue books by sessions only when they are shown to help: ease-prepost's rule */
	ease_prepost_opts ppo;
	ease_prepost_feed *pp;
	const ease_cols *cols;
	int value_col;
	int pp_verdict;			/* EASE_INFER_*, or -1: no session with enough days */
	double pp_p, pp_diff;
	size_t pp_n;
	result *res;
	size_t nres, rescap;
	state st;
} run;

static size_t
ring(const run *s, long day)
{
	long i = day % s->len;

	return (size_t)(i < 0 ? i + s->len : i);
}

static double
at(const run *s, const double *col, long day)
{
	size_t i = ring(s, day);

	return s->tag[i] == day ? col[i] : NAN;
}

static void
on_session(void *ctx, long day, const char *subject, const char *const *tech,
	   size_t ntech, long days, int ended)
{
	run *s = ctx;
	size_t t = (size_t)days;

	(void)day;
	(void)subject;
	(void)tech;
	(void)ntech;
	/* counts by length, not the runs: memory is the longest run, not the diary */
	if (t >= s->rcap) {
		size_t old = s->rcap, nc = old ? old : 32;

		while (nc <= t)
			nc *= 2;
		s->rev = ease_xrealloc(s->rev, nc * sizeof *s->rev);
		s->rce = ease_xrealloc(s->rce, nc * sizeof *s->rce);
		s->rtime = ease_xrealloc(s->rtime, nc * sizeof *s->rtime);
		for (size_t i = old; i < nc; i++) {
			s->rev[i] = s->rce[i] = 0;
			s->rtime[i] = (double)i;
		}
		s->rcap = nc;
	}
	if (ended)
		s->rev[t]++;
	else
		s->rce[t]++;
	s->nruns++;
}

/* ease-prepost's "all" row of the subject's sessions: the verdict overdue reads. */
static void
on_pp(void *ctx, const ease_prepost_result *r)
{
	run *s = ctx;

	if (strcmp(r->group, "all") != 0)
		return;
	s->pp_verdict = r->verdict;
	s->pp_p = r->p_adj;
	s->pp_diff = r->mean;
	s->pp_n = r->n;
}

static void
subject_start(run *s, const char *group)
{
	result *res;

	s->pp_verdict = -1;
	ease_prepost_feed_free(s->pp);
	s->pp = NULL;
	if (s->massage_slot >= 0 && s->value_slot >= 0 && (s->rules & 1u << EASE_ALERT_OVERDUE))
		s->pp = ease_prepost_feed_new(s->c, &s->ppo, s->cols, s->value_col,
					      s->value_slot, s->massage_slot);

	for (long i = 0; i < s->len; i++)
		s->tag[i] = NO_DAY;
	ease_ema_clear(&s->ema);
	s->ema_before = NAN;
	s->last = s->last_session = NO_DAY;
	s->nruns = 0;
	for (size_t i = 0; i < s->rcap; i++)
		s->rev[i] = s->rce[i] = 0;
	ease_grow((void **)&s->res, &s->rescap, s->nres + 1, sizeof *s->res);
	res = &s->res[s->nres++];
	memset(res, 0, sizeof *res);
	res->group = ease_xstrdup(group);
	res->last = NO_DAY;
}

static void
one_row(run *s, const ease_dayrow *row)
{
	size_t i;
	double v;

	if (s->o->has_today && row->day > s->o->today)
		return;	/* not yet, as far as the run's date goes */
	i = ring(s, row->day);
	s->tag[i] = row->day;
	v = s->value_slot >= 0 ? row->v[s->value_slot] : NAN;
	s->val[i] = v;
	s->sleep[i] = s->sleep_slot >= 0 ? row->v[s->sleep_slot] : NAN;
	s->meds[i] = s->meds_slot >= 0 ? row->v[s->meds_slot] : NAN;
	s->ema_before = ease_ema_get(&s->ema, 1);
	ease_ema_step(&s->ema, row->day, v);
	if (s->massage_slot >= 0 && row->v[s->massage_slot] > 0)
		s->last_session = row->day;
	if (s->feed)
		ease_relief_feed_row(s->feed, row);
	if (s->pp)
		ease_prepost_feed_row(s->pp, s->r, row);
	s->last = row->day;
}
/*
 * Each rule says whether its condition holds on DAY (1, with the alert's
 * text in MSG), does not (0), or cannot be judged (-1, with the reason in
 * MSG).  DAY is the subject's last day or the one before it.
 */
typedef int (*cond_fn)(run *s, long day, char *msg, size_t n);

/* Half of N days, rounded up: the fewest a window needs, as ease-smooth's default. */
static long
half(long n)
{
	return (n + 1) / 2;
}

/* Appends ", V" (or "V" first) to a list of figures for a message. */
static void
list_add(char *list, size_t n, double v)
{
	char num[32];
	size_t len = strlen(list);

	if (len + 40 < n)
		snprintf(list + len, n - len, "%s%s", len ? ", " : "", fmt1(v, num));
}

static int
cond_flare(run *s, long day, char *msg, size_t n)
{
	double buf[3650], ema, mean, sd;
	size_t k = 0;
	char a[32], b[32], c[32], d[32], date[16];

	/* the EMA is carried over a day without a value, but today's must be there */
	if (day == s->last && isnan(at(s, s->val, day))) {
		snprintf(msg, n, "no %s on %s", s->value_name, ease_fmt_date(day, date));
		return -1;
	}
	ema = day == s->last ? ease_ema_get(&s->ema, 1) : s->ema_before;
	for (long t = day - s->o->baseline; t < day; t++) {
		double v = at(s, s->val, t);

		if (!isnan(v))
			buf[k++] = v;
	}
	if ((long)k < half(s->o->baseline) || k < 2 || isnan(ema)) {
		snprintf(msg, n, "%zu of the %ld days before %s have %s, fewer than %ld",
			 k, s->o->baseline, ease_fmt_date(day, date), s->value_name,
			 half(s->o->baseline) < 2 ? 2 : half(s->o->baseline));
		return -1;
	}
	mean = gsl_stats_mean(buf, 1, k);
	sd = gsl_stats_sd_m(buf, 1, k, mean);
	if (!(ema > mean + s->o->flare_k * sd))
		return 0;
	snprintf(msg, n, "%s EMA %s above %s + %s SD = %s (%ld days before)",
		 s->value_name, fmt1(ema, a), fmt1(mean, b), fmt1(s->o->flare_k, c),
		 fmt1(mean + s->o->flare_k * sd, d), s->o->baseline);
	return 1;
}

static int
cond_high(run *s, long day, char *msg, size_t n)
{
	char list[256] = "", lim[32], date[16];
	long missing = -1;

	for (long t = day - s->o->high_days + 1; t <= day; t++) {
		double x = at(s, s->val, t);

		if (isnan(x)) {
			if (missing < 0)
				missing = t;
		} else if (x < s->o->high) {
			return 0;
		} else {
			list_add(list, sizeof list, x);
		}
	}
	if (missing >= 0) {
		snprintf(msg, n, "no %s on %s", s->value_name, ease_fmt_date(missing, date));
		return -1;
	}
	if (s->o->high_days == 1)
		snprintf(msg, n, "%s %s (%s or more)", s->value_name, list,
			 fmt1(s->o->high, lim));
	else
		snprintf(msg, n, "%s %s or more on %ld days in a row (%s)", s->value_name,
			 fmt1(s->o->high, lim), s->o->high_days, list);
	return 1;
}

static int
cond_sleep(run *s, long day, char *msg, size_t n)
{
	long below = 0, missing = 0;
	char list[256] = "", lim[32];

	for (long t = day - s->o->sleep_n + 1; t <= day; t++) {
		double x = at(s, s->sleep, t);

		if (isnan(x)) {
			missing++;
		} else if (x < s->o->sleep_hours) {
			below++;
			list_add(list, sizeof list, x);
		}
	}
	if (below >= s->o->sleep_k) {
		snprintf(msg, n, "under %s h on %ld of the last %ld nights (%s)",
			 fmt1(s->o->sleep_hours, lim), below, s->o->sleep_n, list);
		return 1;
	}
	/* the nights not recorded could be the short ones */
	if (below + missing >= s->o->sleep_k) {
		snprintf(msg, n, "%ld of the last %ld nights %s %s, %ld of them short",
			 s->o->sleep_n - missing, s->o->sleep_n,
			 s->o->sleep_n - missing == 1 ? "has" : "have", s->sleep_name, below);
		return -1;
	}
	return 0;
}

static int
cond_meds(run *s, long day, char *msg, size_t n)
{
	long m = s->o->meds_days, b = s->o->baseline, nr = 0, nb = 0;
	double sr = 0, sb = 0, rate_r, rate_b;
	char x[32], y[32], f[32];

	for (long t = day - m - b + 1; t <= day; t++) {
		double v = at(s, s->meds, t);

		if (isnan(v))
			continue;
		if (t > day - m) {
			sr += v;
			nr++;
		} else {
			sb += v;
			nb++;
		}
	}
	if (nr < half(m)) {
		snprintf(msg, n, "%ld of the last %ld days have %s, fewer than %ld",
			 nr, m, s->meds_name, half(m));
		return -1;
	}
	if (nb < half(b)) {
		snprintf(msg, n, "%ld of the %ld days before the last %ld have %s, fewer than %ld",
			 nb, b, m, s->meds_name, half(b));
		return -1;
	}
	/* both as doses per M days: a day not recorded is not a day without doses */
	rate_r = sr / (double)nr * (double)m;
	rate_b = sb / (double)nb * (double)m;
	if (!(rate_r > s->o->meds_factor * rate_b))
		return 0;
	fmt1(rate_r, x);
	snprintf(msg, n, "%s dose%s in the last %ld days, above %s x %s (the %ld days before, per %ld days)",
		 x, strcmp(x, "1") == 0 ? "" : "s", m, fmt1(s->o->meds_factor, f), fmt1(rate_b, y), b, m);
	return 1;
}

static int
cond_overdue(run *s, long day, char *msg, size_t n)
{
	char m[32];
	long since;

	if (s->nruns < EASE_RELIEF_MIN_SESSIONS) {
		snprintf(msg, n, "%zu session%s with relief measured, fewer than %d",
			 s->nruns, s->nruns == 1 ? "" : "s", EASE_RELIEF_MIN_SESSIONS);
		return -1;
	}
	if (isnan(s->median)) {
		snprintf(msg, n, "relief outlasted what the data follow after more than half of %zu sessions: no median relief yet",
			 s->nruns);
		return -1;
	}
	if (s->median < 1) {
		snprintf(msg, n, "relief did not last into the next day after at least half of %zu sessions (median 0 days): no interval to book by",
			 s->nruns);
		return -1;
	}
	/* the one rule: a session is worth booking only when sessions are shown to help */
	if (s->pp_verdict != EASE_INFER_BETTER) {
		char p[32];

		if (isnan(s->pp_p))
			snprintf(p, sizeof p, "no adjusted p");
		else
			snprintf(p, sizeof p, "adjusted p = %.2g", s->pp_p);
		if (s->pp_verdict < 0)
			snprintf(msg, n, "no session with enough days recorded around it to tell whether sessions help: no interval to book by");
		else if (s->pp_verdict == EASE_INFER_FEW)
			snprintf(msg, n, "%zu sessions with %s recorded around them, fewer than %d: not shown that sessions help, no interval to book by",
				 s->pp_n, s->value_name, EASE_INFER_MIN_N);
		else if (s->pp_verdict == EASE_INFER_NO_P)
			snprintf(msg, n, "the data cannot tell whether sessions help (%s changed by %s%.1f in the %d days after against the %d before, %zu sessions; no adjusted p can be made): no interval to book by",
				 s->value_name, s->pp_diff > 0 ? "+" : "", s->pp_diff,
				 s->ppo.after, s->ppo.before, s->pp_n);
		else
			snprintf(msg, n, "sessions are not shown to help (%s changed by %s%.1f in the %d days after against the %d before, %zu sessions; %s): no interval to book by",
				 s->value_name, s->pp_diff > 0 ? "+" : "", s->pp_diff,
				 s->ppo.after, s->ppo.before, s->pp_n, p);
		return -1;
	}
	/* no session yet; or, the day before the last, one on the last day */
	if (s->last_session == NO_DAY || s->last_session > day)
		return 0;
	since = day - s->last_session;
	if (!((double)since > s->median))
		return 0;
	snprintf(msg, n, "no session for %ld days, longer than the median relief of %s day%s: book a session",
		 since, fmt1(s->median, m), s->median == 1 ? "" : "s");
	return 1;
}

static const cond_fn conds[EASE_ALERT_NRULES] = {
	cond_flare, cond_high, cond_sleep, cond_meds, cond_overdue
};

/* The median relief of the subject's sessions, for overdue. */
static void
relief_median(run *s)
{
	ease_km_curve *kc;
	ease_km_summary km;

	s->median = NAN;
	if (s->nruns < EASE_RELIEF_MIN_SESSIONS)
		return;
	kc = ease_km_fit_counts(s->rtime, s->rev, s->rce, s->rcap);
	ease_km_summarise(kc, &km);
	ease_km_free(kc);
	s->median = km.median;
}

static void
subject_end(run *s)
{
	result *res = &s->res[s->nres - 1];
	char msg[512], prev[512];

	if (s->feed)
		ease_relief_feed_end(s->feed);
	if (s->pp)
		ease_prepost_feed_end(s->pp);
	res->last = s->last;
	for (int i = 0; i < EASE_ALERT_NRULES; i++)
		res->now[i] = -1;
	if (s->last == NO_DAY)
		return;
	if (s->rules & 1u << EASE_ALERT_OVERDUE)
		relief_median(s);
	for (int i = 0; i < EASE_ALERT_NRULES; i++) {
		if (!(s->rules & 1u << i))
			continue;
		res->now[i] = conds[i](s, s->last, msg, sizeof msg);
		if (res->now[i] < 0) {
			text_add(&res->warnings, "%s: %s: not evaluated\n", rule_names[i], msg);
			continue;
		}
		if (res->now[i] == 0)
			continue;
		res->msg[i] = ease_xstrdup(msg);
		res->prev[i] = s->o->repeat ? 0 : conds[i](s, s->last - 1, prev, sizeof prev);
	}
}

/*
 * Whether a rule whose condition holds on the subject's last day raises its
 * alert.  Without a state the alert is news on the first day of a spell only:
 * the condition did not hold the day before (or that day cannot be judged).
 * That misses a spell whose first day was written too late to be judged on
 * its own morning; the state says whether this spell was alerted already.
 */
static int
rule_fires(run *s, result *res, int rule)
{
	state_ent *e;

	if (s->o->repeat)
		return 1;
	if (!s->o->state)
		return res->prev[rule] != 1;
	e = state_find(&s->st, res->group, rule, 1);
	/* no alert yet, or a day without the condition since the last one */
	if (e->alerted == NO_DAY || e->quiet > e->alerted)
		return 1;
	/* the spell starts on the last day: raised unless this run repeats one */
	return res->prev[rule] == 0 && e->alerted < res->last;
}
/* ---- the run ---- */

/* The column a rule reads: NEEDED (named by --rules) or dropped with the rule. */
static int
rule_col(run *s, const ease_cols *cols, int rule, int role, int named)
{
	int col;

	if (!(s->rules & 1u << rule))
		return -1;
	col = named ? ease_cols_need_role(cols, role) : ease_cols_role(cols, role);
	if (col < 0)
		s->rules &= ~(1u << rule);
	return col;
}

/*
 * The alerts go to W; the notes of rules not evaluated to standard error,
 * unless --quiet: a quiet day is then silent, a raised alert never is.
 */
static void
say_results(run *s, long today, int *raised, ease_writer *w)
{
	char d1[16], d2[16], shown[256];
	text alerts = { NULL, 0, 0 };

	for (size_t i = 0; i < s->nres; i++) {
		result *res = &s->res[i];
		const char *who = s->has_group ? ease_shown(res->group, shown, sizeof shown) : "";
		const char *sep = s->has_group ? ": " : "";

		if (res->last == NO_DAY) {
			if (!s->o->quiet)
				ease_warn("%s%sno rows on or before %s: no rule evaluated", who, sep,
					  ease_fmt_date(today, d1));
			continue;
		}
		if (today - res->last > s->o->grace) {
			state_ent *e = s->o->state ? state_find(&s->st, res->group, STALE, 1) : NULL;

			/* with a state, a diary that stopped is news once a spell: it is mailed */
			if (e && e->alerted != res->last) {
				e->alerted = res->last;
				*raised = 1;
				text_add(&alerts, "%s %s%sstale: the diary has no entry since %s (%ld days before %s; --grace %ld)\n",
						 ease_fmt_date(today, d1), who, s->has_group ? " " : "",
						 ease_fmt_date(res->last, d2), today - res->last,
						 d1, s->o->grace);
				continue;
			}
			if (!s->o->quiet)
				ease_warn("%s%sthe data end on %s, %ld day%s before %s%s: no rule evaluated (--grace %ld)",
					  who, sep, ease_fmt_date(res->last, d1), today - res->last,
					  today - res->last == 1 ? "" : "s", ease_fmt_date(today, d2),
					  s->o->has_today ? "" : " (the last date in the data)",
					  s->o->grace);
			continue;
		}
		if (s->o->state) {
			state_ent *e = state_find(&s->st, res->group, STALE, 0);

			if (e)
				e->rule = -1;	/* the spell is over: the next one is news */
		}
		ease_fmt_date(res->last, d1);
		for (int i = 0; i < EASE_ALERT_NRULES; i++) {
			state_ent *e = NULL;

			if (res->now[i] < 0)
				continue;
			if (s->o->state) {
				e = state_find(&s->st, res->group, i, 1);
				e->evaluated = res->last;
			}
			if (res->now[i] == 0) {
				if (e)
					e->quiet = res->last;
				continue;
			}
			if (!rule_fires(s, res, i))
				continue;
			if (e)
				e->alerted = res->last;
			*raised = 1;
			if (s->has_group)
				text_add(&alerts, "%s %s %s: %s\n", d1, who, rule_names[i], res->msg[i]);
			else
				text_add(&alerts, "%s %s: %s\n", d1, rule_names[i], res->msg[i]);
		}
		if (s->o->quiet)
			continue;
		for (char *p = res->warnings.s, *nl; p && *p; p = nl + 1) {
			nl = strchr(p, '\n');
			*nl = '\0';
			ease_warn("%s%s%s", who, sep, p);
		}
	}
	if (alerts.len)
		ease_w_bytes(w, alerts.s, alerts.len);
	free(alerts.s);
}

int
ease_alert_run(ease_common *c, ease_alert_opts *o)
{
	run s;
	const ease_dayrow *row;
	const ease_cols *cols;
	int named = o->rules != 0, value_col = -1, raised = 0;
	long span;
	ease_writer *stw = NULL, *w;

	memset(&s, 0, sizeof s);
	s.c = c;
	s.o = o;
	s.rules = named ? o->rules : (1u << EASE_ALERT_NRULES) - 1;
	s.value_slot = s.sleep_slot = s.meds_slot = s.massage_slot = -1;
	s.maxday = LONG_MIN;
	if (o->has_today)
		ease_today_not_file(c);
	w = ease_writer_open(c->output, EASE_FMT_CSV, c->files, c->nfiles);
	if (o->state) {
		state_load(&s.st, o->state);
		stw = ease_writer_open(o->state, EASE_FMT_CSV, c->files, c->nfiles);
	}
	s.r = ease_day_open(c);
	cols = ease_day_cols(s.r);
	s.has_group = ease_day_group_col(s.r) >= 0;

	/* flare, high and overdue read the value (pain): it is always needed then */
	if (s.rules & (1u << EASE_ALERT_FLARE | 1u << EASE_ALERT_HIGH |
		       1u << EASE_ALERT_OVERDUE)) {
		value_col = o->value ? ease_cols_need(cols, o->value)
				     : ease_cols_need_role(cols, EASE_R_PAIN);
		if (value_col == ease_day_date_col(s.r) || value_col == ease_day_group_col(s.r))
			ease_usage("--value: '%s' is the %s column, not a measure", o->value,
				   value_col == ease_day_date_col(s.r) ? "date" : "subject");
		s.value_slot = ease_day_want(s.r, value_col);
		/* alerts go to standard output as they are: a name shown safely */
		s.value_name = o->value ? ease_shown(cols->name[value_col], s.vname, sizeof s.vname)
					: "pain";
	}
	{
		int col;

		col = rule_col(&s, cols, EASE_ALERT_SLEEP, EASE_R_SLEEP_HOURS, named);
		if (col >= 0) {
			s.sleep_slot = ease_day_want(s.r, col);
			s.sleep_name = cols->name[col];
		}
		col = rule_col(&s, cols, EASE_ALERT_MEDS, EASE_R_MEDS_DOSES, named);
		if (col >= 0) {
			s.meds_slot = ease_day_want(s.r, col);
			s.meds_name = cols->name[col];
		}
		col = rule_col(&s, cols, EASE_ALERT_OVERDUE, EASE_R_MASSAGE, named);
		if (col >= 0)
			s.massage_slot = ease_day_want(s.r, col);
	}
	ease_day_fields_used(s.r, 1);
	s.cols = cols;
	s.value_col = value_col;
	ease_prepost_opts_init(&s.ppo);
	s.ppo.design = EASE_PP_EVENT;
	s.ppo.event = "massage";
	s.ppo.value = s.value_name;
	s.ppo.direction = -1;	/* as the rules read the value: higher is worse */
	s.ppo.quiet = 1;
	s.ppo.result = on_pp;
	s.ppo.ctx = &s;
	if (s.massage_slot >= 0) {
		ease_relief_opts_init(&s.ro);
		s.ro.margin = o->margin;
		s.ro.session = on_session;
		s.ro.ctx = &s;
		/* the median of every session: when to book does not depend on the technique */
		s.feed = ease_relief_feed_new(&s.ro, s.value_slot, s.massage_slot, -1);
	}

	/* enough days for the longest look back of any rule, and the day before */
	span = o->high_days > o->sleep_n ? o->high_days : o->sleep_n;
	if (o->meds_days > span)
		span = o->meds_days;
	s.len = o->baseline + span + 2;
	s.tag = ease_xcalloc((size_t)s.len, sizeof *s.tag);
	s.val = ease_xcalloc((size_t)s.len, sizeof *s.val);
	s.sleep = ease_xcalloc((size_t)s.len, sizeof *s.sleep);
	s.meds = ease_xcalloc((size_t)s.len, sizeof *s.meds);
	ease_ema_init(&s.ema, ease_alert_half_life(o->flare_span));

	while ((row = ease_day_next(s.r)) != NULL) {
		if (row->group_start || s.nres == 0) {
			if (s.nres)
				subject_end(&s);
			subject_start(&s, row->group);
		}
		if (row->day > s.maxday)
			s.maxday = row->day;
		one_row(&s, row);
	}
	if (s.nres == 0)
		ease_die(EASE_EX_DATA, "%s: no rows (a day table of at least one day is needed)",
			 cols->file);
	subject_end(&s);
	say_results(&s, o->has_today ? o->today : s.maxday, &raised, w);
	/* the alerts and the state are put in place together */
	ease_writer_finish(w);
	if (stw)
		state_save(&s.st, stw);
	else
		ease_writers_commit();

	for (size_t i = 0; i < s.nres; i++) {
		free(s.res[i].group);
		free(s.res[i].warnings.s);
		for (int k = 0; k < EASE_ALERT_NRULES; k++)
			free(s.res[i].msg[k]);
	}
	free(s.res);
	free(s.tag);
	free(s.val);
	free(s.sleep);
	free(s.meds);
	free(s.rtime);
	free(s.rev);
	free(s.rce);
	ease_relief_feed_free(s.feed);
	ease_prepost_feed_free(s.pp);
	ease_day_close(s.r);
	ease_report_skipped();
	return raised ? EASE_EX_FINDING : EASE_EX_OK;
}

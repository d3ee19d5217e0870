/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Schedules of a randomized self-trial.  A block is one unit of each arm in
 * random order; a schedule is a sequence of blocks.  Within a block an arm
 * comes once, so the longest run of one arm is two units (the end of one
 * block and the start of the next): --max-run 1 forbids exactly those, and
 * any larger limit forbids nothing.  That structure makes both counting and
 * drawing exact without enumeration: a block after block b may be any order
 * whose first arm is not b's last, and the number of such orders is the same
 * whatever b's last arm was, so drawing each block uniformly among the orders
 * allowed after the one before draws the whole schedule uniformly.
 */
#include "ease/plan.h"
#include "ease/csvio.h"
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/technique.h"
#include "ease/value.h"

#include <errno.h>
#include <fcntl.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* A count of schedules can have thousands of digits: base 1e9 limbs. */
typedef struct bignum {
	uint32_t *limb;		/* least significant first */
	size_t n, cap;
} bignum;

static void
big_mul(bignum *b, uint32_t m)
{
	uint64_t carry = 0;

	for (size_t i = 0; i < b->n; i++) {
		uint64_t v = (uint64_t)b->limb[i] * m + carry;

		b->limb[i] = (uint32_t)(v % 1000000000u);
		carry = v / 1000000000u;
	}
	while (carry) {
		ease_grow((void **)&b->limb, &b->cap, b->n + 1, sizeof *b->limb);
		b->limb[b->n++] = (uint32_t)(carry % 1000000000u);
		carry /= 1000000000u;
	}
}

static double
factorial(int k)
{
	double f = 1;

	for (int i = 2; i <= k; i++)
		f *= i;
	return f;
}

double
ease_plan_count(const ease_plan_design *d, char *buf, size_t n)
{
	bignum b = {NULL, 0, 0};
	int k = d->narms;
	int strict = d->max_run == 1;
	double first = factorial(k), next = strict ? (k - 1) * factorial(k - 1) : first;
	double lg = log10(first) + (double)(d->blocks - 1) * log10(next), v = 1;
	size_t len;
	char *s, *p;

	ease_grow((void **)&b.limb, &b.cap, 1, sizeof *b.limb);
	b.limb[0] = 1;
	b.n = 1;
	for (long blk = 0; blk < d->blocks; blk++) {
		if (blk > 0 && strict)
			for (int i = 1; i < k; i++) {
				big_mul(&b, (uint32_t)(i == 1 ? k - 1 : i));
				v *= i == 1 ? k - 1 : i;
			}
		else
			for (int i = 2; i <= k; i++) {
				big_mul(&b, (uint32_t)i);
				v *= i;
			}
	}
	s = ease_xmalloc(b.n * 9 + 1);
	p = s + sprintf(s, "%u", b.limb[b.n - 1]);
	for (size_t i = b.n - 1; i-- > 0;)
		p += sprintf(p, "%09u", b.limb[i]);
	len = (size_t)(p - s);
	if (len < n)
		memcpy(buf, s, len + 1);
	else if (n > 0) {
		double e = floor(lg), m = pow(10, lg - e);

		snprintf(buf, n, "about %.2fe+%.0f", m, e);
	}
	free(s);
	free(b.limb);
	return lg > 308 ? HUGE_VAL : v;	/* exact while below 2^53 */
}

/* Shuffles A[0..m-1] uniformly (Fisher and Yates). */
static void
shuffle(int *a, int m, unsigned long (*rng_uint)(unsigned long, void *), void *ctx)
{
	for (int i = m - 1; i > 0; i--) {
		int j = (int)rng_uint((unsigned long)i + 1, ctx), t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
}

void
ease_plan_draw(const ease_plan_design *d,
	       unsigned long (*rng_uint)(unsigned long bound, void *ctx),
	       void *ctx, int *seq)
{
	int k = d->narms;

	for (long blk = 0; blk < d->blocks; blk++) {
		int *b = seq + blk * k;

		if (blk > 0 && d->max_run == 1) {
			/* the first arm: any but the last one before, then the rest */
			int prev = b[-1], r = (int)rng_uint((unsigned long)k - 1, ctx);
			int m = 0;

			b[0] = r < prev ? r : r + 1;
			for (int a = 0; a < k; a++)
				if (a != b[0])
					b[1 + m++] = a;
			shuffle(b + 1, k - 1, rng_uint, ctx);
		} else {
			for (int a = 0; a < k; a++)
				b[a] = a;
			shuffle(b, k, rng_uint, ctx);
		}
	}
}

int
ease_plan_admits(const ease_plan_design *d, const int *seq)
{
	int k = d->narms;
	long run = 0;

	for (long blk = 0; blk < d->blocks; blk++) {
		unsigned seen = 0;

		for (int i = 0; i < k; i++) {
			int a = seq[blk * k + i];

			if (a < 0 || a >= k || (seen >> a & 1u))
				return 0;
			seen |= 1u << a;
		}
	}
	for (long u = 0; u < d->blocks * k; u++) {
		run = u > 0 && seq[u] == seq[u - 1] ? run + 1 : 1;
		if (d->max_run > 0 && run > d->max_run)
			return 0;
	}
	return 1;
}

void
ease_plan_set_arms(ease_plan_opts *o, const char *arg)
{
	const char *p = arg;
	char *key = NULL, *other = NULL;
	size_t kcap = 0, ocap = 0;

	for (int i = 0; i < o->narms; i++)
		free(o->arms[i]);
	free(o->arms);
	o->arms = NULL;
	o->narms = 0;
	for (;;) {
		const char *e = strchr(p, ','), *end = e ? e : p + strlen(p);
		const char *a = p, *z = end;
		char *name;

		while (a < z && (*a == ' ' || *a == '\t'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
			z--;
		if (a == z)
			ease_usage("--arms: an empty arm name in '%s' (arms are comma-separated: --arms 'deep tissue,Swedish')", arg);
		for (const char *q = a; q < z; q++)
			if ((unsigned char)*q < 0x20 || *q == 0x7f)
				ease_usage("--arms: an arm name holds a control character");
		if (ease_has_hidden(a, (size_t)(z - a)) || !ease_utf8_at(a, (size_t)(z - a), NULL))
			ease_usage("--arms: '%.*s' is not plain UTF-8 text", (int)(z - a), a);
		if (o->narms == EASE_PLAN_MAX_ARMS)
			ease_usage("--arms: at most %d arms", EASE_PLAN_MAX_ARMS);
		name = ease_xstrndup(a, (size_t)(z - a));
		for (int i = 0; i < o->narms; i++)
			if (strcmp(o->arms[i], name) == 0)
				ease_usage("--arms: '%s' is named twice", name);
		/*
		 * The analysis matches a diary's techniques by their key: two arms
		 * of one key (TPT and trigger point) would both claim every session.
		 */
		ease_tech_key(name, strlen(name), &key, &kcap);
		for (int i = 0; i < o->narms; i++) {
			ease_tech_key(o->arms[i], strlen(o->arms[i]), &other, &ocap);
			if (strcmp(key, other) == 0)
				ease_usage("--arms: '%s' and '%s' are one technique: name it once", o->arms[i], name);
		}
		o->arms = ease_xrealloc(o->arms, (size_t)(o->narms + 1) * sizeof *o->arms);
		o->arms[o->narms++] = name;
		if (!e)
			break;
		p = e + 1;
	}
	free(key);
	free(other);
	if (o->narms < 2)
		ease_usage("--arms: a trial needs two arms at least (--arms none,massage)");
}

static unsigned long
rng_uint(unsigned long bound, void *ctx)
{
	return gsl_rng_uniform_int(ctx, bound);
}

/* A seed nobody chose, for a run without --seed: it is written down. */
static unsigned long
fresh_seed(void)
{
	unsigned char b[4];
	int fd = open("/dev/urandom", O_RDONLY);
	unsigned long s;

	if (fd >= 0 && read(fd, b, sizeof b) == (ssize_t)sizeof b)
		s = (unsigned long)b[0] << 24 | (unsigned long)b[1] << 16 |
		    (unsigned long)b[2] << 8 | b[3];
	else
		s = (unsigned long)time(NULL) ^ ((unsigned long)getpid() << 16);
	if (fd >= 0)
		close(fd);
	return s & 0xffffffffUL;
}

/* The days of unit U's sessions: *N of them into DAYS (at most 7). */
static void
unit_days(const ease_plan_opts *o, long u, long *days, int *n)
{
	*n = 0;
	if (o->unit == EASE_PLAN_SESSION) {
		days[(*n)++] = o->start + u * o->every;
		return;
	}
	for (long j = 0; j * o->every < 7; j++)
		days[(*n)++] = o->start + 7 * u + j * o->every;
}

/* iCalendar TEXT: backslash, semicolon, comma and newline escaped. */
static void
ics_text(char **buf, size_t *len, size_t *cap, const char *s)
{
	for (; *s; s++) {
		char two[2] = {'\\', *s};

		if (*s == '\\' || *s == ';' || *s == ',') {
			ease_grow((void **)buf, cap, *len + 2, 1);
			memcpy(*buf + *len, two, 2);
			*len += 2;
		} else {
			ease_grow((void **)buf, cap, *len + 1, 1);
			(*buf)[(*len)++] = *s;
		}
	}
}

/*
 * One content line, folded as RFC 5545 asks: at most 75 octets a line, never
 * inside a UTF-8 character, CRLF at each end.
 */
static void
ics_line(ease_writer *w, const char *s, size_t len)
{
	char *out = ease_xmalloc(len + len / 70 * 3 + 8);
	size_t o = 0, col = 0;

	for (size_t i = 0; i < len;) {
		unsigned long cp;
		size_t l = ease_utf8_at(s + i, len - i, &cp);

		if (l == 0)
			l = 1;
		if (col + l > 75) {
			memcpy(out + o, "\r\n ", 3);
			o += 3;
			col = 1;
		}
		memcpy(out + o, s + i, l);
		o += l;
		col += l;
		i += l;
	}
	memcpy(out + o, "\r\n", 2);
	ease_w_line(w, out, o + 2);
	free(out);
}

static void
ics_prop(ease_writer *w, const char *name, const char *text)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;

	ease_grow((void **)&buf, &cap, strlen(name) + 1, 1);
	memcpy(buf, name, strlen(name));
	len = strlen(name);
	buf[len++] = ':';
	ics_text(&buf, &len, &cap, text);
	ics_line(w, buf, len);
	free(buf);
}

static void
ics_raw(ease_writer *w, const char *line)
{
	ics_line(w, line, strlen(line));
}

static void
compact_date(long day, char *out)
{
	long y;
	int m, d;

	ease_civil_from_days(day, &y, &m, &d);
	snprintf(out, 16, "%04ld%02d%02d", y, m, d);
}

int
ease_plan_run(ease_plan_opts *o)
{
	ease_plan_design d = {o->narms, o->blocks, o->max_run};
	char count[64], date[32], line[512];
	long nunits = o->blocks * o->narms, dayv[7];
	int *seq, ndays;
	double ncount, pairs;
	gsl_rng *r;
	ease_writer *w;

	if (o->narms < 2)
		ease_usage("--arms is needed: the arms to compare (--arms 'deep tissue,Swedish')");
	if (o->blocks <= 0)
		ease_usage("--blocks is needed: how many blocks of one unit of each arm");
	if (!o->has_start)
		ease_usage("--start is needed: the first day of the trial (--start 2026-01-05)");
	if (o->every == 0)
		o->every = 7;
	if (o->unit == EASE_PLAN_WEEK && o->every > 7)
		ease_usage("--every %ld: with --unit week, sessions are at most 7 days apart (a week's sessions share its arm)",
			   o->every);
	if (!o->has_seed) {
		o->seed = fresh_seed();
		ease_warn("no --seed: drew seed %lu; it is written in the schedule, and --seed %lu draws the same schedule again",
			  o->seed, o->seed);
	}
	ncount = ease_plan_count(&d, count, sizeof count);
	if (o->max_run >= 2)
		ease_warn("--max-run %ld forbids no schedule: with one unit of each arm per block, no arm runs longer than 2 units",
			  o->max_run);
	/* two arms are compared over the schedules that leave the others in place */
	pairs = o->narms == 2 ? ncount : fmin(ncount, pow(2, (double)o->blocks));
	if (2 / pairs > 0.05)
		ease_warn("only %.0f possible schedules%s: a randomization p-value cannot be below %.3g, so no effect can be shown at the 5 %% level; use more blocks%s",
			  pairs, o->narms == 2 ? "" : " for a pair of arms", 2 / pairs,
			  o->max_run == 1 ? " or drop --max-run 1" : "");

	seq = ease_xmalloc((size_t)nunits * sizeof *seq);
	r = gsl_rng_alloc(gsl_rng_mt19937);
	if (r == NULL)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	gsl_rng_set(r, o->seed);
	ease_plan_draw(&d, rng_uint, r, seq);
	gsl_rng_free(r);

	w = ease_writer_open(o->output, o->format == EASE_PLAN_ICS ? EASE_FMT_CSV : o->layout,
			     NULL, 0);
	if (o->format == EASE_PLAN_ICS) {
		char dstamp[32];

		compact_date(o->start, dstamp);
		ics_raw(w, "BEGIN:VCALENDAR");
		ics_raw(w, "VERSION:2.0");
		snprintf(line, sizeof line, "PRODID:-//ease//ease-plan %s//EN", EASE_VERSION);
		ics_raw(w, line);
		ics_raw(w, "CALSCALE:GREGORIAN");
		for (long u = 0; u < nunits; u++) {
			unit_days(o, u, dayv, &ndays);
			for (int j = 0; j < ndays; j++) {
				char ds[16], de[16];

				compact_date(dayv[j], ds);
				compact_date(dayv[j] + 1, de);
				ics_raw(w, "BEGIN:VEVENT");
				snprintf(line, sizeof line, "UID:ease-plan-%lu-%s-%ld-%d@ease.invalid",
					 o->seed, dstamp, u + 1, j + 1);
				ics_raw(w, line);
				/* the start of the trial, not the time of the run: same seed, same bytes */
				snprintf(line, sizeof line, "DTSTAMP:%sT000000Z", dstamp);
				ics_raw(w, line);
				snprintf(line, sizeof line, "DTSTART;VALUE=DATE:%s", ds);
				ics_raw(w, line);
				snprintf(line, sizeof line, "DTEND;VALUE=DATE:%s", de);
				ics_raw(w, line);
				{
					char *sum = NULL;
					size_t sl = strlen(o->arms[seq[u]]) + 16;

					sl += 32;
					sum = ease_xmalloc(sl);
					/* "Trial: none" alone reads as a missing name on a phone */
					snprintf(sum, sl, "Trial: %s%s", o->arms[seq[u]],
						 strcasecmp(o->arms[seq[u]], "none") == 0 ? " (no session)" : "");
					ics_prop(w, "SUMMARY", sum);
					free(sum);
				}
				snprintf(line, sizeof line,
					 "Block %ld of %ld, %s %ld of %ld. Randomized schedule (seed %lu): keep to it, whatever the day's pain.",
					 u / o->narms + 1, o->blocks,
					 o->unit == EASE_PLAN_WEEK ? "week" : "session", u + 1, nunits,
					 o->seed);
				ics_prop(w, "DESCRIPTION", line);
				ics_raw(w, "TRANSP:TRANSPARENT");
				ics_raw(w, "END:VEVENT");
			}
		}
		ics_raw(w, "END:VCALENDAR");
	} else {
		int comments = o->layout != EASE_FMT_TABLE;

		if (comments) {
			char maxrun[32];
			char *arms = NULL;
			size_t al = 0, ac = 0;

			snprintf(line, sizeof line, "# ease-plan %s: a randomized schedule; ease-prepost --plan reads these lines\n",
				 EASE_VERSION);
			ease_w_line(w, line, strlen(line));
			for (int i = 0; i < o->narms; i++) {
				size_t l = strlen(o->arms[i]);

				ease_grow((void **)&arms, &ac, al + l + 16, 1);
				if (i == 0)
					al += (size_t)sprintf(arms + al, "# arms: ");
				else
					arms[al++] = ',';
				memcpy(arms + al, o->arms[i], l);
				al += l;
			}
			arms[al++] = '\n';
			ease_w_line(w, arms, al);
			free(arms);
			if (o->max_run)
				snprintf(maxrun, sizeof maxrun, "%ld", o->max_run);
			else
				strcpy(maxrun, "none");
			snprintf(line, sizeof line,
				 "# unit: %s\n# blocks: %ld\n# max-run: %s\n# every: %ld\n# start: %s\n# seed: %lu\n# schedules: %s\n",
				 o->unit == EASE_PLAN_WEEK ? "week" : "session", o->blocks,
				 maxrun, o->every,
				 ease_fmt_date(o->start, date), o->seed, count);
			ease_w_line(w, line, strlen(line));
			snprintf(line, sizeof line,
				 "# drawn uniformly from the %s schedules of %ld blocks, each one %s of every arm in random order%s\n",
				 count, o->blocks, o->unit == EASE_PLAN_WEEK ? "week" : "session",
				 o->max_run == 1 ? ", no arm twice in a row" : "");
			ease_w_line(w, line, strlen(line));
		} else
			ease_warn("seed %lu, one of %s possible schedules; the CSV form (--format csv) records the design for ease-prepost --plan",
				  o->seed, count);
		ease_w_str(w, "date");
		ease_w_str(w, "arm");
		ease_w_str(w, "block");
		ease_w_str(w, "unit");
		ease_w_end(w);
		for (long u = 0; u < nunits; u++) {
			unit_days(o, u, dayv, &ndays);
			for (int j = 0; j < ndays; j++) {
				char num[32];

				ease_w_str(w, ease_fmt_date(dayv[j], date));
				ease_w_str(w, o->arms[seq[u]]);
				snprintf(num, sizeof num, "%ld", u / o->narms + 1);
				ease_w_str(w, num);
				snprintf(num, sizeof num, "%ld", u + 1);
				ease_w_str(w, num);
				ease_w_end(w);
			}
		}
	}
	ease_writer_close(w);
	free(seq);
	for (int i = 0; i < o->narms; i++)
		free(o->arms[i]);
	free(o->arms);
	return 0;
}

/* ---- reading a schedule back ---- */


enum { H_ARMS = 1, H_UNIT = 2, H_BLOCKS = 4, H_MAXRUN = 8, H_EVERY = 16,
       H_START = 32, H_SEED = 64, H_COUNT = 128, H_ALL = 255 };

static void
plan_bad(const ease_plan_file *P, long line, const char *fmt, const char *what)
{
	char shown[200];

	ease_die(EASE_EX_DATA, "%s:%ld: %s%s%s", P->file, line, what ? "'" : "",
		 what ? ease_shown(what, shown, sizeof shown) : "", fmt);
}

static void
plan_arms(ease_plan_file *P, const char *v, long line)
{
	ease_plan_opts o;

	memset(&o, 0, sizeof o);
	for (const char *q = v; *q; q++)
		if ((unsigned char)*q < 0x20)
			plan_bad(P, line, "'# arms:' holds a control character", NULL);
	/* the list was written by ease-plan --arms: read it the same way */
	if (strchr(v, ',') == NULL)
		plan_bad(P, line, "'# arms:' names fewer than two arms", NULL);
	ease_plan_set_arms(&o, v);
	P->arms = o.arms;
	P->k = o.narms;
}

static long
plan_num(const ease_plan_file *P, const char *v, long line, const char *key, long lo, long hi)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (end == v || *end || errno || n < lo || n > hi) {
		char msg[160];

		snprintf(msg, sizeof msg, "'# %s:' is not a whole number from %ld to %ld", key, lo, hi);
		plan_bad(P, line, msg, NULL);
	}
	return n;
}

/* "# key: value" */
static void
plan_comment(ease_plan_file *P, char *s, long line)
{
	char *colon, *v;

	s++;
	while (*s == ' ')
		s++;
	colon = strstr(s, ": ");
	if (colon == NULL)
		return;
	*colon = '\0';
	v = colon + 2;
	if (strcmp(s, "arms") == 0) {
		plan_arms(P, v, line);
		P->have |= H_ARMS;
	} else if (strcmp(s, "unit") == 0) {
		if (strcmp(v, "week") == 0)
			P->unit = EASE_PLAN_WEEK;
		else if (strcmp(v, "session") == 0)
			P->unit = EASE_PLAN_SESSION;
		else
			plan_bad(P, line, "'# unit:' is not week or session", NULL);
		P->have |= H_UNIT;
	} else if (strcmp(s, "blocks") == 0) {
		P->blocks = plan_num(P, v, line, s, 1, EASE_PLAN_MAX_BLOCKS);
		P->have |= H_BLOCKS;
	} else if (strcmp(s, "max-run") == 0) {
		P->max_run = strcmp(v, "none") == 0 ? 0 : plan_num(P, v, line, s, 1, 1000000);
		P->have |= H_MAXRUN;
	} else if (strcmp(s, "every") == 0) {
		P->every = plan_num(P, v, line, s, 1, 366);
		P->have |= H_EVERY;
	} else if (strcmp(s, "start") == 0) {
		if (ease_parse_date(v, NULL, &P->start) != 0)
			plan_bad(P, line, "'# start:' is not a date YYYY-MM-DD", NULL);
		P->have |= H_START;
	} else if (strcmp(s, "seed") == 0) {
		P->seed = (unsigned long)plan_num(P, v, line, s, 0, 4294967295L);
		P->have |= H_SEED;
	} else if (strcmp(s, "schedules") == 0) {
		snprintf(P->count, sizeof P->count, "%s", v);
		P->have |= H_COUNT;
	}
}

/* A row date,arm,block,unit; the arm may be quoted (RFC 4180). */
static void
plan_row(ease_plan_file *P, char *s, long line)
{
	char *f[4], *arm, *w;
	long day, block, unit;
	int a = -1;

	f[0] = s;
	w = strchr(s, ',');
	if (w == NULL)
		plan_bad(P, line, "is not a row date,arm,block,unit", NULL);
	*w++ = '\0';
	arm = w;
	if (*w == '"') {
		char *o = w;

		arm = o;
		for (w++;; w++) {
			if (*w == '\0')
				plan_bad(P, line, "a quoted arm is not closed", NULL);
			if (*w == '"' && w[1] == '"')
				*o++ = '"', w++;
			else if (*w == '"') {
				w++;
				break;
			} else
				*o++ = *w;
		}
		*o = '\0';
		if (*w != ',')
			plan_bad(P, line, "is not a row date,arm,block,unit", NULL);
		w++;
	} else {
		w = strchr(w, ',');
		if (w == NULL)
			plan_bad(P, line, "is not a row date,arm,block,unit", NULL);
		*w++ = '\0';
	}
	f[2] = w;
	w = strchr(w, ',');
	if (w == NULL)
		plan_bad(P, line, "is not a row date,arm,block,unit", NULL);
	*w++ = '\0';
	f[3] = w;
	if (ease_parse_date(f[0], NULL, &day) != 0)
		plan_bad(P, line, "' is not a date YYYY-MM-DD", f[0]);
	for (int i = 0; i < P->k; i++)
		if (strcmp(P->arms[i], arm) == 0)
			a = i;
	if (a < 0)
		plan_bad(P, line, "' is not an arm of the '# arms:' line", arm);
	block = plan_num(P, f[2], line, "block", 1, P->blocks);
	unit = plan_num(P, f[3], line, "unit", 1, P->nunits);
	if (block != (unit - 1) / P->k + 1)
		plan_bad(P, line, "its block is not the one its unit falls in", NULL);
	if (P->uarm[unit - 1] >= 0 && P->uarm[unit - 1] != a)
		plan_bad(P, line, "its unit had another arm on an earlier row", NULL);
	if (P->ns && (day <= P->sday[P->ns - 1] || unit < P->sunit[P->ns - 1]))
		plan_bad(P, line, "is not after the row before it", NULL);
	P->uarm[unit - 1] = a;
	ease_grow((void **)&P->sday, &P->scap, P->ns + 1, sizeof *P->sday);
	P->sunit = ease_xrealloc(P->sunit, P->scap * sizeof *P->sunit);
	P->sday[P->ns] = day;
	P->sunit[P->ns++] = unit - 1;
}

void
ease_plan_read(ease_plan_file *P, const char *path)
{
	FILE *fp = fopen(path, "r");
	char *s = NULL;
	size_t cap = 0;
	ssize_t len;
	long line = 0;
	int header = 0;

	memset(P, 0, sizeof *P);
	P->file = path;
	if (fp == NULL)
		ease_die(EASE_EX_NOINPUT, "%s: %s", path, strerror(errno));
	while ((len = getline(&s, &cap, fp)) >= 0) {
		line++;
		while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
			s[--len] = '\0';
		if ((size_t)len != strlen(s))
			plan_bad(P, line, "holds a NUL byte", NULL);
		/* an editor's byte-order mark, as every reader of the tools drops it */
		if (line == 1 && strncmp(s, "\xef\xbb\xbf", 3) == 0) {
			memmove(s, s + 3, (size_t)len - 2);
			len -= 3;
		}
		if (!header && s[0] == '#') {
			plan_comment(P, s, line);
			continue;
		}
		if (!header) {
			if ((P->have & (H_ARMS | H_UNIT | H_BLOCKS | H_MAXRUN | H_EVERY | H_START)) !=
			    (H_ARMS | H_UNIT | H_BLOCKS | H_MAXRUN | H_EVERY | H_START))
				ease_die(EASE_EX_DATA,
					 "%s: not a schedule of ease-plan: its '#' lines do not give the arms, unit, blocks, max-run, every and start (make one with ease-plan)",
					 path);
			if (strcmp(s, "date,arm,block,unit") != 0)
				plan_bad(P, line, "' is not the header date,arm,block,unit", s);
			header = 1;
			P->nunits = P->blocks * P->k;
			P->uarm = ease_xmalloc((size_t)P->nunits * sizeof *P->uarm);
			for (long u = 0; u < P->nunits; u++)
				P->uarm[u] = -1;
			continue;
		}
		if (len == 0)
			continue;
		plan_row(P, s, line);
	}
	if (ferror(fp))
		ease_die(EASE_EX_IO, "%s: %s", path, strerror(errno));
	fclose(fp);
	free(s);
	if (!header)
		ease_die(EASE_EX_DATA, "%s: no schedule rows (make one with ease-plan)", path);
	for (long u = 0; u < P->nunits; u++)
		if (P->uarm[u] < 0)
			ease_die(EASE_EX_DATA, "%s: unit %ld has no row: the schedule is not whole", path, u + 1);
	{
		ease_plan_design d = {P->k, P->blocks, P->max_run};
		char count[64];

		if (!ease_plan_admits(&d, P->uarm))
			ease_die(EASE_EX_DATA, "%s: the rows are not a schedule the design admits (each block one unit of every arm%s)",
				 path, P->max_run == 1 ? ", no arm twice in a row" : "");
		ease_plan_count(&d, count, sizeof count);
		if ((P->have & H_COUNT) && strcmp(count, P->count) != 0)
			ease_die(EASE_EX_DATA, "%s: '# schedules: %s', but the design admits %s: the '#' lines were changed",
				 path, P->count, count);
		snprintf(P->count, sizeof P->count, "%s", count);
	}
	P->ufirst = ease_xmalloc((size_t)P->nunits * sizeof *P->ufirst);
	P->ulast = ease_xmalloc((size_t)P->nunits * sizeof *P->ulast);
	for (long u = 0; u < P->nunits; u++) {
		if (P->unit == EASE_PLAN_WEEK) {
			P->ufirst[u] = P->start + 7 * u;
			P->ulast[u] = P->ufirst[u] + 6;
		} else {
			P->ufirst[u] = -1;
			for (size_t i = 0; i < P->ns; i++)
				if (P->sunit[i] == u) {
					P->ufirst[u] = P->sday[i];
					break;
				}
		}
	}
	if (P->unit == EASE_PLAN_SESSION)
		for (long u = 0; u < P->nunits; u++)
			P->ulast[u] = u + 1 < P->nunits ? P->ufirst[u + 1] - 1 : P->ufirst[u] + P->every - 1;
}

void
ease_plan_file_free(ease_plan_file *P)
{
	for (int i = 0; i < P->k; i++)
		free(P->arms[i]);
	free(P->arms);
	free(P->uarm);
	free(P->ufirst);
	free(P->ulast);
	free(P->sday);
	free(P->sunit);
}


int
ease_plan_arm_is_none(const char *arm)
{
	return strcasecmp(arm, "none") == 0 || strcasecmp(arm, "no massage") == 0 ||
	       strcasecmp(arm, "no session") == 0;
}

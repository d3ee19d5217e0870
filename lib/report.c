/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-report: the last period of a diary against the one before, and the
 * treatment period against the baseline, as text for a mail, Markdown, or
 * one HTML page for a doctor.
 *
 * Every comparison is the one the matching tool makes: the table is read
 * once (with its checks and --skip-bad) into a compact store of the columns
 * the report uses (ease/daymem.h), and ease-prepost's and ease-relief's runs
 * read each subject's days from it (their result callbacks), so that a
 * number here is the number the tool prints for the same question.
 * Correlations are ease-corr's functions.
 */
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/daymem.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/gnuplot.h"
#include "ease/hyptest.h"
#include "ease/km.h"
#include "ease/infer.h"
#include "ease/prepost.h"
#include "ease/randtest.h"
#include "ease/relief.h"
#include "ease/report.h"
#include "ease/stats.h"
#include "ease/technique.h"
#include "ease/value.h"
#include "ease/window.h"

#define WIDTH 78		/* text lines, so that a mail client never wraps them */
#define SPARK_DAYS 56		/* the sparkline: 8 weeks, one character a day */
#define MIN_DAYS 5		/* days on each side of a comparison (as ease-prepost) */
#define MIN_PAIRS 10		/* nights with sleep and pain, for a correlation */
/*
 * A high-pain spell: pain this high on this many days in a row, ease-alert's
 * "high" rule.  Not its "flare" (pain's EMA above its baseline), which needs
 * a baseline: calling both "flare" made the two tools contradict each other.
 */
#define SPELL_PAIN 7
#define SPELL_RUN 2
#define SPELL_WORDS "pain 7 or more on 2 days in a row, ease-alert's high rule"


void
ease_report_opts_init(ease_report_opts *o)
{
	memset(o, 0, sizeof *o);
	o->period = 7;
	o->today_day = -1;
	o->format = EASE_REP_TEXT;
}

void
ease_report_set_period(ease_report_opts *o, const char *arg)
{
	if (strcmp(arg, "week") == 0)
		o->period = 7;
	else if (strcmp(arg, "month") == 0)
		o->period = EASE_REP_MONTH;
	else if (*arg >= '0' && *arg <= '9')
		o->period = ease_opt_long("--period", arg, 2, 3660);
	else
		ease_usage("--period: '%s' is not week, month or a number of days", arg);
}

void
ease_report_set_format(ease_report_opts *o, const char *arg)
{
	if (strcmp(arg, "text") == 0)
		o->format = EASE_REP_TEXT;
	else if (strcmp(arg, "markdown") == 0 || strcmp(arg, "md") == 0)
		o->format = EASE_REP_MARKDOWN;
	else if (strcmp(arg, "html") == 0)
		o->format = EASE_REP_HTML;
	else
		ease_usage("--format: '%s' is not text, markdown or html", arg);
}

void
ease_report_set_today(ease_report_opts *o, const char *arg)
{
	o->today = 1;
	if (arg)
		o->today_day = ease_opt_date("--today", arg);
}

/* ---- the days of a subject ---- */

enum { V_PAIN, V_SLEEP, V_EFF, V_DOSES, V_MASSAGE, V_MED0 };

typedef struct subj {
	char *id;
	long first, n;		/* days first .. first + n - 1 */
	ease_daymem *m;		/* their values and technique cells */
	const int *mcol;	/* per V_*: its column in M, -1 when absent */
	long rows;		/* rows read */
} subj;

/* The value of V_* column K on day index I (0 .. n - 1), NaN when missing. */
static double
sv(const subj *s, int k, long i)
{
	return s->mcol[k] >= 0 ? ease_daymem_get(s->m, (size_t)s->mcol[k], i) : NAN;
}

typedef struct rep {
	ease_common *c;
	ease_report_opts *o;
	const ease_cols *cols;
	char *file;		/* the first input's name, for messages */
	int col[V_MED0];	/* column of each V_*, -1 when absent */
	int *medcol, nmed;	/* med_<drug>_<unit> columns */
	char **medname;		/* their normalised names */
	int nv, tcol;
	subj *s;
	size_t ns, scap;
	int *mcol;		/* per V_*: its column in a subject's store, or -1 */
	const char **mname;	/* the store's column names */
	size_t nm;
	long end;		/* the last day reported */
	int gp_failed;		/* gnuplot missing or failing: no more tries */
	FILE *f;		/* the report being written */
	int fmt;
} rep;

static subj *
new_subj(rep *R, const char *id, long day)
{
	subj *s;

	ease_grow((void **)&R->s, &R->scap, R->ns + 1, sizeof *R->s);
	s = &R->s[R->ns++];
	memset(s, 0, sizeof *s);
	s->id = ease_xstrdup(id);
	s->first = day;
	s->m = ease_daymem_new(R->file, R->mname, R->nm,
			       R->tcol >= 0 ? "technique" : NULL, day);
	s->mcol = R->mcol;
	return s;
}

static void
subj_grow(subj *s, long n)
{
	if (n <= s->n)
		return;
	ease_daymem_extend(s->m, n);
	s->n = n;
}

static void
subj_free(subj *s)
{
	ease_daymem_free(s->m);
	free(s->id);
}

static const char *col_name(const rep *R, int k);
static int has_col(const rep *R, int k);


/* The subjects of the table, so that an unknown --subject names them. */
static void
unknown_subject(rep *R, char **all, size_t nall)
{
	char list[400], b[80];
	size_t l = 0;

	list[0] = '\0';
	for (size_t i = 0; i < nall && l + 4 < sizeof list; i++) {
		int k = snprintf(list + l, sizeof list - l, "%s%s", i ? ", " : "",
				 all[i]);

		if (k < 0 || (size_t)k >= sizeof list - l) {
			snprintf(list + (sizeof list - 4 > l ? l : sizeof list - 4), 4, "...");
			break;
		}
		l += (size_t)k;
	}
	ease_die(EASE_EX_DATA, "%s: no row of subject '%s'; subjects: %s", R->file,
		 ease_shown(R->o->subject, b, sizeof b), list);
}

static void
load(rep *R)
{
	ease_dayreader *r = ease_day_open(R->c);
	const ease_cols *cols = ease_day_cols(r);
	/* before anything is allocated: a usage error leaves nothing behind */
	if (R->o->subject && ease_day_group_col(r) < 0)
		ease_usage("--subject: %s has no subject column (name one with --by)", cols->file);
	const ease_dayrow *row;
	static const int roles[V_MED0] = {
		EASE_R_PAIN, EASE_R_SLEEP_HOURS, EASE_R_SLEEP_EFFICIENCY,
		EASE_R_MEDS_DOSES, EASE_R_MASSAGE
	};
	int *slot;
	subj *s = NULL;
	size_t maxf = 1, nall = 0, acap = 0;
	char **all = NULL;

	R->cols = cols;
	R->file = ease_xstrdup(cols->file);
	R->col[V_PAIN] = ease_cols_need_role(cols, EASE_R_PAIN);
	for (int k = 1; k < V_MED0; k++)
		R->col[k] = ease_cols_role(cols, roles[k]);
	R->medcol = ease_xcalloc(cols->n + 1, sizeof *R->medcol);
	R->medname = ease_xcalloc(cols->n + 1, sizeof *R->medname);
	for (size_t i = 0; i < cols->n; i++)
		if (cols->role[i] == EASE_R_MED) {
			R->medcol[R->nmed] = (int)i;
			R->medname[R->nmed++] = ease_xstrdup(cols->norm[i]);
		}
	R->nv = V_MED0 + R->nmed;
	slot = ease_xcalloc((size_t)R->nv, sizeof *slot);
	for (int k = 0; k < R->nv; k++) {
		int col = k < V_MED0 ? R->col[k] : R->medcol[k - V_MED0];

		slot[k] = col >= 0 ? ease_day_want(r, col) : -1;
	}
	R->tcol = ease_cols_role(cols, EASE_R_TECHNIQUE);
	if (R->tcol >= 0)
		maxf = (size_t)R->tcol + 1;
	/* the store holds the columns the table has, under canonical names */
	R->mcol = ease_xcalloc((size_t)R->nv, sizeof *R->mcol);
	R->mname = ease_xcalloc((size_t)R->nv, sizeof *R->mname);
	for (int k = 0; k < R->nv; k++) {
		R->mcol[k] = -1;
		if (has_col(R, k)) {
			R->mcol[k] = (int)R->nm;
			R->mname[R->nm++] = col_name(R, k);
		}
	}
	ease_day_fields_used(r, maxf);
	while ((row = ease_day_next(r)) != NULL) {
		long i;

		if (row->group_start || nall == 0 || strcmp(all[nall - 1], row->group) != 0) {
			ease_grow((void **)&all, &acap, nall + 1, sizeof *all);
			all[nall++] = ease_xstrdup(row->group);
		}
		if (R->o->subject && strcmp(row->group, R->o->subject) != 0)
			continue;
		if (s == NULL || row->group_start || strcmp(s->id, row->group) != 0)
			s = new_subj(R, row->group, row->day);
		i = row->day - s->first;
		subj_grow(s, i + 1);
		for (int k = 0; k < R->nv; k++)
			if (R->mcol[k] >= 0)
				ease_daymem_set(s->m, (size_t)R->mcol[k], i,
						slot[k] >= 0 ? row->v[slot[k]] : NAN);
		if (R->tcol >= 0 && row->rec->f[R->tcol][0])
			ease_daymem_set_text(s->m, i, row->rec->f[R->tcol]);
		s->rows++;
	}
	free(slot);
	if (R->ns == 0 && R->o->subject && nall > 0)
		unknown_subject(R, all, nall);
	for (size_t i = 0; i < nall; i++)
		free(all[i]);
	free(all);
	if (R->ns == 0)
		ease_die(EASE_EX_DATA, "%s: no row to report (the table has a header only)", R->file);
	ease_day_close(r);
}

/* The last day reported, and each subject cut to it. */
static void
settle_end(rep *R)
{
	size_t kept = 0;
	char d[16];

	if (R->o->today)
		R->end = R->o->today_day >= 0 ? R->o->today_day : ease_today();
	else {
		R->end = R->s[0].first + R->s[0].n - 1;
		for (size_t i = 1; i < R->ns; i++)
			if (R->s[i].first + R->s[i].n - 1 > R->end)
				R->end = R->s[i].first + R->s[i].n - 1;
	}
	for (size_t i = 0; i < R->ns; i++) {
		subj *s = &R->s[i];

		if (s->first > R->end) {
			/* a subject who began after the day reported */
			subj_free(s);
			continue;
		}
		if (s->first + s->n - 1 > R->end) {
			s->n = R->end - s->first + 1;
			ease_daymem_cut(s->m, s->n);
		}
		R->s[kept++] = *s;
	}
	R->ns = kept;
	if (kept == 0)
		ease_die(EASE_EX_DATA, "%s: no row on or before %s (--today)", R->file,
			 ease_fmt_date(R->end, d));
}

/* ---- the day table the analyses read ---- */

static const char *const vname[V_MED0] = {
	"pain", "sleep_hours", "sleep_efficiency", "meds_doses", "massage"
};

static const char *
col_name(const rep *R, int k)
{
	return k < V_MED0 ? vname[k] : R->medname[k - V_MED0];
}

static int
has_col(const rep *R, int k)
{
	return k >= V_MED0 || R->col[k] >= 0;
}

/* The options of a run on subject S's days in memory: canonical, no window. */
static void
mem_common(rep *R, const subj *s, ease_common *c2, char **files)
{
	memset(c2, 0, sizeof *c2);
	c2->delim = ',';
	c2->format = EASE_FMT_CSV;
	c2->digits = 6;
	c2->mem = s->m;
	files[0] = R->file;
	files[1] = NULL;
	c2->files = files;
	c2->nfiles = 1;
}

/* ---- the analyses ---- */

typedef struct ppset {
	ease_prepost_result *r;
	char **group, **sentence;
	size_t n, cap;
} ppset;

static void
on_pp(void *ctx, const ease_prepost_result *r)
{
	ppset *p = ctx;

	ease_grow((void **)&p->r, &p->cap, p->n + 1, sizeof *p->r);
	p->group = ease_xrealloc(p->group, p->cap * sizeof *p->group);
	p->sentence = ease_xrealloc(p->sentence, p->cap * sizeof *p->sentence);
	p->r[p->n] = *r;
	p->group[p->n] = ease_xstrdup(r->group);
	p->r[p->n].group = p->group[p->n];
	p->sentence[p->n] = ease_xstrdup(r->sentence ? r->sentence : "");
	p->r[p->n].sentence = p->sentence[p->n];
	p->n++;
}

static void
ppset_free(ppset *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->group[i]);
		free(p->sentence[i]);
	}
	free(p->group);
	free(p->sentence);
	free(p->r);
	memset(p, 0, sizeof *p);
}

/* A comparison of two sets of days: ease-prepost --split. */
typedef struct cmp {
	int done;		/* both sides had a value */
	size_t nb, na;		/* days with a value before, after */
	ease_prepost_result r;
} cmp;

/* The value of column K on DAY, NaN outside the subject's days. */
static double
val(const subj *s, int k, long day)
{
	long i = day - s->first;

	return i >= 0 && i < s->n ? sv(s, k, i) : NAN;
}

static long
count_values(const subj *s, int k, long lo, long hi)
{
	long n = 0;

	for (long d = lo; d <= hi; d++) {
		long i = d - s->first;

		if (i >= 0 && i < s->n && !isnan(sv(s, k, i)))
			n++;
	}
	return n;
}

/*
 * ease-prepost --split AT --value COL --since LO --until HI on the subject's
 * table; AT < 0: --split first --event massage.
 */
static void
split(rep *R, const subj *s, int k, long lo, long hi, long at, cmp *out)
{
	ease_common c2;
	ease_prepost_opts o;
	char *files[2];
	ppset p;

	memset(out, 0, sizeof *out);
	if (count_values(s, k, lo, at - 1) == 0 || count_values(s, k, at, hi) == 0)
		return;
	mem_common(R, s, &c2, files);
	c2.has_since = 1;
	c2.since = lo;
	c2.has_until = 1;
	c2.until = hi;
	ease_prepost_opts_init(&o);
	o.design = EASE_PP_SPLIT;
	o.value = col_name(R, k);
	o.at = at;
	memset(&p, 0, sizeof p);
	o.result = on_pp;
	o.ctx = &p;
	ease_prepost_run(&c2, &o);
	for (size_t i = 0; i < p.n; i++)
		if (strcmp(p.r[i].group, "all") == 0) {
			out->r = p.r[i];
			out->r.group = NULL;
			out->r.sentence = NULL;
			out->done = 1;
			out->nb = p.r[i].n;
			out->na = p.r[i].n_after;
		}
	ppset_free(&p);
}

/* A technique's (or "all"'s) relief runs. */
typedef struct rgroup {
	char *name;
	double *t;
	int *ev;
	size_t n, cap;
	ease_km_summary km;
} rgroup;

typedef struct rset {
	rgroup *g;
	size_t n, cap;
} rset;

static rgroup *
rgroup_of(rset *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->g[i].name, name) == 0)
			return &s->g[i];
	ease_grow((void **)&s->g, &s->cap, s->n + 1, sizeof *s->g);
	memset(&s->g[s->n], 0, sizeof s->g[s->n]);
	s->g[s->n].name = ease_xstrdup(name);
	return &s->g[s->n++];
}

static void
rgroup_add(rgroup *g, long days, int ended)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->t = ease_xrealloc(g->t, g->cap * sizeof *g->t);
		g->ev = ease_xrealloc(g->ev, g->cap * sizeof *g->ev);
	}
	g->t[g->n] = (double)days;
	g->ev[g->n++] = ended;
}

static void
on_session(void *ctx, long day, const char *subject, const char *const *tech,
	   size_t ntech, long days, int ended)
{
	rset *s = ctx;

	(void)day;
	(void)subject;
	rgroup_add(rgroup_of(s, "all"), days, ended);
	for (size_t i = 0; i < ntech; i++)
		rgroup_add(rgroup_of(s, tech[i]), days, ended);
}

static void
rset_free(rset *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->g[i].name);
		free(s->g[i].t);
		free(s->g[i].ev);
	}
	free(s->g);
	memset(s, 0, sizeof *s);
}

/* Everything said of one subject. */
typedef struct findings {
	long lo1, hi1, lo0, hi0;	/* the last period, the one before */
	long len1, len0;		/* their days, cut to the diary's start */
	int cut0;			/* the one before starts before the diary */
	long first_session;		/* day, when session_days > 0 */
	long sessions, sessions1;	/* all, in the last period */
	long session_days;		/* days with a session: ease-prepost's events */
	cmp period[V_MED0];		/* per V_*: last against before */
	cmp *medp;			/* per drug */
	cmp treat[V_MED0];		/* since sessions began against before */
	ppset tech;			/* ease-prepost --event massage --by technique */
	ppset model;			/* ease-prepost --model --event massage --by technique */
	rset relief;			/* ease-relief's runs */
	ease_corr sc;			/* sleep and the day's pain */
	double sc_padj;
	int sc_done;
	ease_technames *tn;		/* sessions by technique */
	long *tcount;
	size_t ntc;
	ease_rt_trial trial;		/* --plan: the trial so far */
	int has_trial;
} findings;

static void
count_sessions(rep *R, const subj *s, findings *F)
{
	F->tn = ease_technames_new();
	F->first_session = -1;
	if (R->col[V_MASSAGE] < 0)
		return;
	for (long i = 0; i < s->n; i++) {
		double m = sv(s, V_MASSAGE, i);
		const char *p = ease_daymem_text(s->m, i), *item;
		size_t len;

		if (!(m > 0))
			continue;
		/* any day may be negative (before 1970): no sentinel day */
		if (F->session_days == 0)
			F->first_session = s->first + i;
		F->session_days++;
		F->sessions += (long)m;
		if (s->first + i >= F->lo1)
			F->sessions1 += (long)m;
		while (p && ease_list_next(&p, &item, &len)) {
			const char *nm;
			size_t j;

			if (len == 0)
				continue;
			nm = ease_technames_add(F->tn, item, len);
			for (j = 0; j < F->ntc; j++)
				if (strcmp(ease_technames_get(F->tn, j), nm) == 0)
					break;
			if (j >= F->ntc) {
				F->tcount = ease_xrealloc(F->tcount, (j + 1) * sizeof *F->tcount);
				F->tcount[j] = 0;
				F->ntc = j + 1;
			}
			F->tcount[j]++;
		}
	}
}

/*
 * ease-corr's Pearson of sleep and pain with its n_eff-adjusted p, in one
 * pass and no array: the sums ease_corr_test and ease_lag1_r make over
 * arrays, added in the same order (the same doubles), as ease-corr streams.
 */
static void
sleep_corr(const subj *s, findings *F)
{
	ease_comom lx, ly, xy;
	double r1x, r1y, neff, px = NAN, py = NAN;
	size_t n;

	memset(&lx, 0, sizeof lx);
	memset(&ly, 0, sizeof ly);
	memset(&xy, 0, sizeof xy);
	/* each column's lag-1 autocorrelation over its own days, as ease-corr */
	for (long i = 0; i < s->n; i++) {
		double x = sv(s, V_SLEEP, i), y = sv(s, V_PAIN, i);

		if (!isnan(x) && !isnan(px))
			ease_comom_add(&lx, px, x);
		if (!isnan(y) && !isnan(py))
			ease_comom_add(&ly, py, y);
		if (!isnan(x) && !isnan(y))
			ease_comom_add(&xy, x, y);
		px = x;
		py = y;
	}
	r1x = ease_comom_r(&lx);
	r1y = ease_comom_r(&ly);
	ease_corr_pearson_comom(&xy, &F->sc);
	n = F->sc.n;
	neff = n > 0 ? ease_n_eff((double)n, r1x, r1y) : NAN;
	F->sc_padj = n > 0 ? ease_corr_p_adj(EASE_PEARSON, &F->sc, neff) : NAN;
	/* the interval of the same model as the p: Fisher's z on n_eff */
	if (neff > 3 && !isnan(F->sc.r))
		ease_fisher_ci(F->sc.r, 1 / (neff - 3), &F->sc.ci_lo, &F->sc.ci_hi);
	else
		F->sc.ci_lo = F->sc.ci_hi = NAN;
	F->sc_done = n > 0;
}

static void
analyse(rep *R, const subj *s, findings *F)
{
	long P = R->o->period;
	ease_common c2;
	char *files[2];

	memset(F, 0, sizeof *F);
	F->hi1 = R->end;
	F->lo1 = R->end - P + 1;
	F->hi0 = F->lo1 - 1;
	F->lo0 = F->lo1 - P;
	/* days before the diary began are not missing days: the periods start with it */
	if (F->lo0 < s->first) {
		F->cut0 = 1;
		F->lo0 = s->first;
	}
	if (F->lo1 < s->first)
		F->lo1 = s->first;
	F->len1 = F->hi1 - F->lo1 + 1;
	F->len0 = F->hi0 >= F->lo0 ? F->hi0 - F->lo0 + 1 : 0;
	count_sessions(R, s, F);
	for (int k = 0; k < V_MED0; k++) {
		if (k == V_MASSAGE || k == V_EFF || !has_col(R, k))
			continue;
		split(R, s, k, F->lo0, F->hi1, F->lo1, &F->period[k]);
		if (F->session_days > 0 && F->first_session > s->first)
			split(R, s, k, s->first, R->end, F->first_session, &F->treat[k]);
	}
	F->medp = ease_xcalloc((size_t)R->nmed + 1, sizeof *F->medp);
	for (int j = 0; j < R->nmed; j++)
		split(R, s, V_MED0 + j, F->lo0, F->hi1, F->lo1, &F->medp[j]);
	if (has_col(R, V_SLEEP))
		sleep_corr(s, F);
	if (F->sessions > 0 && count_values(s, V_PAIN, s->first, R->end) > 0) {
		ease_prepost_opts o;
		ease_relief_opts ro;

		mem_common(R, s, &c2, files);
		ease_prepost_opts_init(&o);
		o.design = EASE_PP_EVENT;
		o.event = "massage";
		o.value = "pain";
		o.by = R->tcol >= 0 ? "technique" : NULL;
		o.result = on_pp;
		o.ctx = &F->tech;
		ease_prepost_run(&c2, &o);
		/* which technique helps: the day-after model, as the demo asks it */
		mem_common(R, s, &c2, files);
		ease_prepost_opts_init(&o);
		o.model = 1;
		o.after = 1;
		o.event = "massage";
		o.value = "pain";
		o.by = R->tcol >= 0 ? "technique" : NULL;
		o.result = on_pp;
		o.ctx = &F->model;
		ease_prepost_run(&c2, &o);
		mem_common(R, s, &c2, files);
		ease_relief_opts_init(&ro);
		ro.session = on_session;
		ro.ctx = &F->relief;
		ease_relief_run(&c2, &ro);
		for (size_t i = 0; i < F->relief.n; i++) {
			rgroup *g = &F->relief.g[i];
			ease_km_curve *kc = ease_km_fit(g->t, g->ev, g->n);

			ease_km_summarise(kc, &g->km);
			ease_km_free(kc);
		}
	}
	if (R->o->plan) {
		mem_common(R, s, &c2, files);
		ease_rt_status(&c2, R->o->plan, &F->trial);
		F->has_trial = 1;
	}
}

static void
findings_free(findings *F)
{
	if (F->has_trial)
		ease_rt_trial_free(&F->trial);
	free(F->medp);
	ppset_free(&F->tech);
	ppset_free(&F->model);
	rset_free(&F->relief);
	ease_technames_free(F->tn);
	free(F->tcount);
}

/* ---- writing: one set of calls, three formats ---- */

/* Columns a UTF-8 string takes: its characters (none here is wide). */
static size_t
cols_of(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* The results of esc that live at once; older ones are freed as it goes. */
#define ESC_LIVE 8
static char *esc_ring[ESC_LIVE];
static int esc_next;

/*
 * Text from the data (a subject, a technique) as the format writes it:
 * valid UTF-8 with controls made spaces (ease_table_cell), and HTML's or
 * Markdown's special characters escaped; whole, however long.  The last
 * ESC_LIVE results live at once.
 */
static const char *
esc(const rep *R, const char *s)
{
	char *cell = ease_table_cell(s, strlen(s));
	/* "&quot;" is the longest a byte becomes */
	char *b = ease_xmalloc(6 * strlen(cell) + 1);
	size_t l = 0;

	for (const char *p = cell; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		const char *rep_ = NULL;

		if (R->fmt == EASE_REP_HTML) {
			rep_ = ch == '&' ? "&amp;" : ch == '<' ? "&lt;" : ch == '>' ? "&gt;" :
			       ch == '"' ? "&quot;" : NULL;
		} else if (R->fmt == EASE_REP_MARKDOWN && strchr("\\`*_[]<>|#", ch)) {
			b[l++] = '\\';
		}
		if (rep_) {
			memcpy(b + l, rep_, strlen(rep_));
			l += strlen(rep_);
		} else
			b[l++] = (char)ch;
	}
	b[l] = '\0';
	free(cell);
	free(esc_ring[esc_next]);
	esc_ring[esc_next] = b;
	esc_next = (esc_next + 1) % ESC_LIVE;
	return b;
}

static void
esc_free(void)
{
	for (int i = 0; i < ESC_LIVE; i++) {
		free(esc_ring[i]);
		esc_ring[i] = NULL;
	}
}

#define NAME_COLS 32	/* a name in a text table or list, at most */

/*
 * NAME (already escaped) as a text report shows it in a table or a list:
 * cut to NAME_COLS columns with "...", so that one long name does not push
 * every line past 80 columns.  Markdown and HTML keep it whole.
 */
static const char *
short_name(const rep *R, const char *name)
{
	static char ring[4][NAME_COLS * 4 + 8];
	static int next;
	char *b;
	size_t i = 0, c = 0;

	if (R->fmt != EASE_REP_TEXT || cols_of(name, strlen(name)) <= NAME_COLS)
		return name;
	b = ring[next++ & 3];
	while (name[i]) {
		if (((unsigned char)name[i] & 0xc0) != 0x80 && ++c > NAME_COLS - 3)
			break;
		b[i] = name[i];
		i++;
	}
	memcpy(b + i, "...", 4);
	return b;
}

/* Words of TEXT wrapped at WIDTH columns, FIRST before the first line, REST before the others. */
static void
wrap(FILE *f, const char *text, const char *first, const char *rest)
{
	const char *p = text;
	size_t col;

	fputs(first, f);
	col = cols_of(first, strlen(first));
	while (*p) {
		const char *w = p;
		size_t wl, wc;

		while (*p && *p != ' ')
			p++;
		wl = (size_t)(p - w);
		wc = cols_of(w, wl);
		/* a word longer than a line (a long name) is broken, not let past WIDTH */
		while (col + 1 + wc > WIDTH && wc > WIDTH - cols_of(rest, strlen(rest))) {
			size_t room, take = 0, c = 0;

			if (col > cols_of(rest, strlen(rest))) {
				fputc('\n', f);
				fputs(rest, f);
				col = cols_of(rest, strlen(rest));
			}
			room = WIDTH - col;
			while (take < wl && (c < room || ((unsigned char)w[take] & 0xc0) == 0x80)) {
				c += ((unsigned char)w[take] & 0xc0) != 0x80;
				if (c > room)
					break;
				take++;
			}
			fwrite(w, 1, take, f);
			col += cols_of(w, take);
			w += take;
			wl -= take;
			wc = cols_of(w, wl);
		}
		if (wl == 0) {
			/* a broken word that ended with its line */
			while (*p == ' ')
				p++;
			continue;
		}
		if (col > cols_of(rest, strlen(rest)) && col + 1 + wc > WIDTH) {
			fputc('\n', f);
			fputs(rest, f);
			col = cols_of(rest, strlen(rest));
		} else if (w != text) {
			fputc(' ', f);
			col++;
		}
		fwrite(w, 1, wl, f);
		col += wc;
		while (*p == ' ')
			p++;
	}
	fputc('\n', f);
}

static void
heading(rep *R, int level, const char *t)
{
	FILE *f = R->f;

	switch (R->fmt) {
	case EASE_REP_TEXT: {
		size_t n = cols_of(t, strlen(t));

		fprintf(f, "\n%s\n", t);
		for (size_t i = 0; i < n; i++)
			fputc(level == 1 ? '=' : level == 2 ? '-' : '~', f);
		fputc('\n', f);
		break;
	}
	case EASE_REP_MARKDOWN:
		fprintf(f, "\n%.*s %s\n", level, "###", t);
		break;
	default:
		fprintf(f, "<h%d>%s</h%d>\n", level, t, level);
	}
}

static void
para(rep *R, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
para(rep *R, const char *fmt, ...)
{
	char *buf;
	va_list ap;

	/* a paragraph holds names from the data: as long as they are */
	va_start(ap, fmt);
	buf = ease_xvasprintf(fmt, ap);
	va_end(ap);
	if (R->fmt == EASE_REP_HTML)
		fprintf(R->f, "<p>%s</p>\n", buf);
	else {
		fputc('\n', R->f);
		wrap(R->f, buf, "", "");
	}
	free(buf);
}

/* A table: NC columns, the first left-aligned, the others right. */
typedef struct table {
	int nc;
	char **cell;		/* rows of NC, the first the header */
	size_t n, cap;
} table;

static void
t_row(table *t, ...)
{
	va_list ap;

	va_start(ap, t);
	ease_grow((void **)&t->cell, &t->cap, t->n + (size_t)t->nc, sizeof *t->cell);
	for (int i = 0; i < t->nc; i++)
		t->cell[t->n++] = ease_xstrdup(va_arg(ap, const char *));
	va_end(ap);
}

static void
t_free(table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->cell[i]);
	free(t->cell);
	memset(t, 0, sizeof *t);
}

static void
t_write(rep *R, table *t)
{
	FILE *f = R->f;
	size_t rows = t->n / (size_t)t->nc, w[16] = {0};

	if (R->fmt == EASE_REP_HTML) {
		/* a wide table scrolls in its box, not the page, on a phone */
		fputs("<div class=\"tbl\"><table>\n", f);
		for (size_t r = 0; r < rows; r++) {
			fputs("<tr>", f);
			for (int c = 0; c < t->nc; c++)
				fprintf(f, "<%s%s>%s</%s>", r ? "td" : "th",
					c ? " class=\"n\"" : "", t->cell[r * (size_t)t->nc + (size_t)c],
					r ? "td" : "th");
			fputs("</tr>\n", f);
		}
		fputs("</table></div>\n", f);
		goto out;
	}
	for (size_t r = 0; r < rows; r++)
		for (int c = 0; c < t->nc && c < 16; c++) {
			const char *s = t->cell[r * (size_t)t->nc + (size_t)c];
			size_t k = cols_of(s, strlen(s));

			if (k > w[c])
				w[c] = k;
		}
	fputc('\n', f);
	for (size_t r = 0; r < rows; r++) {
		if (R->fmt == EASE_REP_MARKDOWN)
			fputc('|', f);
		for (int c = 0; c < t->nc; c++) {
			const char *s = t->cell[r * (size_t)t->nc + (size_t)c];
			size_t pad = w[c] - cols_of(s, strlen(s));

			if (R->fmt == EASE_REP_MARKDOWN)
				fputc(' ', f);
			else if (c)
				fputs("  ", f);
			if (c)
				fprintf(f, "%*s", (int)pad, "");
			fputs(s, f);
			if (!c && (R->fmt == EASE_REP_MARKDOWN || t->nc > 1))
				fprintf(f, "%*s", (int)pad, "");
			if (R->fmt == EASE_REP_MARKDOWN)
				fputs(" |", f);
		}
		fputc('\n', f);
		if (r == 0) {
			if (R->fmt == EASE_REP_MARKDOWN) {
				fputc('|', f);
				for (int c = 0; c < t->nc; c++) {
					fputc(c ? ' ' : ':', f);
					for (size_t i = 0; i < w[c]; i++)
						fputc('-', f);
					fputs(c ? ":|" : " |", f);
				}
			} else
				for (int c = 0; c < t->nc; c++) {
					if (c)
						fputs("  ", f);
					for (size_t i = 0; i < w[c]; i++)
						fputc('-', f);
				}
			fputc('\n', f);
		}
	}
out:
	t_free(t);
}

/* ---- numbers in words ---- */

/* One decimal, never "-0.0". */
static const char *
d1(double v, char *b)
{
	if (isnan(v))
		return strcpy(b, "n/a");
	if (fabs(v) < 0.05)
		v = 0;
	snprintf(b, 16, "%.1f", v);
	return b;
}

/* Two decimals (a correlation), never "-0.00". */
static const char *
d2(double v, char *b)
{
	if (fabs(v) < 0.005)
		v = 0;
	snprintf(b, 16, "%.2f", v);
	return b;
}

static const char *
sd1(double v, char *b)
{
	if (isnan(v))
		return strcpy(b, "n/a");
	if (fabs(v) < 0.05)
		return strcpy(b, "0.0");
	snprintf(b, 16, "%+.1f", v);
	return b;
}

/* "<" as the format writes it, for "p < 0.001" */
static const char *lt = "<";

static const char *
ptext(double p, char *b)
{
	if (isnan(p))
		return strcpy(b, "p not known");
	if (p < 0.001) {
		snprintf(b, 24, "p %s 0.001", lt);
		return b;
	}
	snprintf(b, 24, "p = %.2g", p);
	return b;
}

/* "0.03", "< 0.001": a p in a table */
static const char *
pnum(double p, char *b)
{
	size_t skip;

	ptext(p, b);
	skip = b[2] == '=' ? 4 : 2;
	memmove(b, b + skip, strlen(b) - skip + 1);
	return b;
}

/*
 * What a p said is: every p not adjusted for day-to-day correlation says so,
 * as the adjusted one is the safer guide.
 */
static const char *
adj_words(int adj, double p)
{
	(void)p;
	return adj ? ", adjusted for day-to-day correlation" : "";
}

/*
 * The p said: always the one adjusted for day-to-day correlation (NaN when
 * none can be made: then the data cannot tell, and an unadjusted p is never
 * put in its place).
 */
static double
best_p(const ease_prepost_result *r, int *adj)
{
	*adj = !isnan(r->p_adj);
	return r->p_adj;
}

/* "p = 0.03" or, without an adjusted p, why not. */
static const char *
padj_text(double p, char *buf)
{
	if (isnan(p)) {
		snprintf(buf, 96, "no p adjusted for day-to-day correlation can be made");
		return buf;
	}
	return ptext(p, buf);
}

static const char *
dates(long a, long b, char *buf)
{
	char x[16], y[16];

	snprintf(buf, 40, "%s to %s", ease_fmt_date(a, x), ease_fmt_date(b, y));
	return buf;
}

static const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

/* ---- the sections ---- */

static const char *
cat_words(const char *cat)
{
	if (cat == NULL || !*cat)
		return "";
	return strcmp(cat, "worse") == 0 ? "worse by IMMPACT's measure (10 % or more up)" :
	       strcmp(cat, "none") == 0 ? "no meaningful change by IMMPACT's measure (within 10 %)" :
	       strcmp(cat, "minimal") == 0 ? "a minimal improvement by IMMPACT's measure (10 % or more down)" :
	       strcmp(cat, "moderate") == 0 ? "a moderate improvement by IMMPACT's measure (30 % or more down)" :
	       "a substantial improvement by IMMPACT's measure (50 % or more down)";
}

/*
 * "mean 4.2 (7 days) against 5.1 (7 days): -0.9 points (95 % CI -1.8 to 0.0,
 * p = 0.06 adjusted for day-to-day correlation), ..."
 */
static void
cmp_words(const cmp *c, const char *unit, const char *days, int pain, char *buf, size_t n)
{
	const ease_prepost_result *r = &c->r;
	char b[16], a[16], d[16], lo[16], hi[16], p[96], ci[64];
	int adj;
	double pv = best_p(r, &adj);
	int v = ease_infer_verdict(c->nb < c->na ? c->nb : c->na, r->mean, pv, r->lower);
	size_t l;

	d1(r->before_mean, b);
	d1(r->after_mean, a);
	if (c->nb < MIN_DAYS || c->na < MIN_DAYS) {
		snprintf(buf, n,
			 "%s (%zu %s%s) against %s (%zu %s%s) before: too few %ss to compare (at least %d on each side are needed).",
			 a, c->na, days, c->na == 1 ? "" : "s", b, c->nb, days,
			 c->nb == 1 ? "" : "s", days, MIN_DAYS);
		return;
	}
	if (isnan(r->ci_lo))
		snprintf(ci, sizeof ci, "no 95 %% CI");
	else
		snprintf(ci, sizeof ci, "95 %% CI %s to %s", sd1(r->ci_lo, lo), sd1(r->ci_hi, hi));
	snprintf(buf, n,
		 "%s (%zu %ss) against %s (%zu %ss) before: a change of %s%s%s (%s; %s%s)",
		 a, c->na, days, b, c->nb, days, sd1(r->mean, d), *unit ? " " : "", unit,
		 ci, padj_text(pv, p), adj_words(adj, pv));
	l = strlen(buf);
	if (v == EASE_INFER_NO_P)
		snprintf(buf + l, n - l, ": the data cannot tell whether it changed");
	else if (ease_infer_shown(v))
		snprintf(buf + l, n - l, ", unlikely to be chance alone");
	else
		snprintf(buf + l, n - l, ", within what day-to-day variation gives: no change is shown");
	l = strlen(buf);
	if (pain && r->category && *r->category && ease_infer_shown(v)) {
		snprintf(buf + l, n - l, "; %s, %s.", cat_words(r->category),
			 ease_prepost_important(r->mean, r->before_mean, r->lower) ?
			 "clinically important (2 points or 30 % at least)" :
			 "below what is clinically important (2 points or 30 %)");
	} else if (pain && r->category && *r->category && strcmp(r->category, "none") != 0 &&
		   v != EASE_INFER_NO_P)
		/* a size is no finding while chance explains it */
		snprintf(buf + l, n - l, "; if it held, a change of this size would be %s.",
			 cat_words(r->category));
	else
		snprintf(buf + l, n - l, ".");
}

static void
section(rep *R, int multi, const char *t)
{
	heading(R, multi ? 3 : 2, t);
}

static void
s_overview(rep *R, const subj *s, const findings *F, int multi)
{
	long logged = count_values(s, V_PAIN, s->first, R->end);
	char a[16], b[16], w[40], w0[40], *line = NULL;
	size_t l = 0, cap = 0;

	section(R, multi, "Overview");
	if (F->len1 < R->o->period)
		para(R, "The diary runs from %s to %s: %ld day%s, %ld with pain recorded, %ld without. It is shorter than the %ld days of a period: the last period is cut to the diary's start (%s, %ld day%s) and there is no period before it to compare with.",
		     ease_fmt_date(s->first, a), ease_fmt_date(s->first + s->n - 1, b), s->n,
		     plural(s->n), logged, s->n - logged, R->o->period, dates(F->lo1, F->hi1, w),
		     F->len1, plural(F->len1));
	else if (F->cut0)
		para(R, "The diary runs from %s to %s: %ld day%s, %ld with pain recorded, %ld without. The last %ld days (%s) are compared with the %ld day%s before (%s): that period is cut to the diary's start.",
		     ease_fmt_date(s->first, a), ease_fmt_date(s->first + s->n - 1, b), s->n,
		     plural(s->n), logged, s->n - logged, R->o->period, dates(F->lo1, F->hi1, w),
		     F->len0, plural(F->len0), dates(F->lo0, F->hi0, w0));
	else
		para(R, "The diary runs from %s to %s: %ld day%s, %ld with pain recorded, %ld without. The last %ld days (%s) are compared with the %ld before (%s).",
		     ease_fmt_date(s->first, a), ease_fmt_date(s->first + s->n - 1, b), s->n,
		     plural(s->n), logged, s->n - logged, R->o->period, dates(F->lo1, F->hi1, w),
		     R->o->period, dates(F->lo0, F->hi0, w0));
	if (s->first + s->n - 1 < F->lo1)
		para(R, "Nothing is recorded in the last %ld days: the report runs to %s (%s), the diary ends on %s.",
		     R->o->period, ease_fmt_date(R->end, a),
		     R->o->today ? "--today" : "the last date of any subject",
		     ease_fmt_date(s->first + s->n - 1, b));
	if (R->col[V_MASSAGE] < 0)
		return;
	if (F->sessions == 0) {
		para(R, "No massage session is recorded.");
		return;
	}
	ease_grow((void **)&line, &cap, 1, 1);
	line[0] = '\0';
	for (size_t j = 0; j < F->ntc; j++) {
		char *one = ease_xasprintf("%s%s %ld", j ? ", " : "",
				    short_name(R, esc(R, ease_technames_get(F->tn, j))),
				    F->tcount[j]);
		size_t k = strlen(one);

		ease_grow((void **)&line, &cap, l + k + 1, 1);
		memcpy(line + l, one, k + 1);
		l += k;
		free(one);
	}
	para(R, "Massage sessions: %ld in all%s%s%s, %ld in the last %ld days; the first on %s.",
	     F->sessions, *line ? " (" : "", line, *line ? ")" : "", F->sessions1,
	     R->o->period, ease_fmt_date(F->first_session, a));
	free(line);
}

/* The 7-day mean of pain, a character a day: what a mail client can show. */
static void
sparkline(rep *R, const subj *s)
{
	static const char *const bar[8] = {
		"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
		"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"
	};
	ease_window *w = ease_win_new(7, 1u << EASE_W_SMA);
	long from = R->end - SPARK_DAYS + 1, shown = 0;
	char line[SPARK_DAYS * 3 + 8], a[16], b[16];
	size_t l = 0;

	if (from < s->first)
		from = s->first;
	for (long d = from - 6; d <= R->end; d++) {
		double m;

		if (d < s->first)
			continue;
		ease_win_start(w, d - 6);
		ease_win_push(w, d, val(s, V_PAIN, d));
		if (d < from)
			continue;
		m = ease_win_get(w, EASE_W_SMA, 4);
		if (isnan(m))
			line[l++] = ' ';
		else {
			int k = (int)floor(m / 10 * 8);

			k = k < 0 ? 0 : k > 7 ? 7 : k;
			memcpy(line + l, bar[k], 3);
			l += 3;
			shown++;
		}
	}
	/* days not recorded at the end: no trailing blanks in a mail */
	while (l > 0 && line[l - 1] == ' ')
		l--;
	line[l] = '\0';
	ease_win_free(w);
	if (shown == 0)
		return;
	para(R, "Trend: the mean pain of each day's last 7 days (4 with pain at least), %s to %s, on the scale %s 0 to %s 10:",
	     ease_fmt_date(from, a), ease_fmt_date(R->end, b), bar[0], bar[7]);
	if (R->fmt == EASE_REP_HTML)
		fprintf(R->f, "<p class=\"spark\">%s</p>\n", line);
	else
		fprintf(R->f, "\n%s%s\n", R->fmt == EASE_REP_MARKDOWN ? "    " : "  ", line);
}

static void plot_pain(rep *R, const subj *s);
static const char *unrecorded(const subj *s, int k, const findings *F);

/* Why WHAT (column K) has no comparison of the periods. */
static void
no_compare(rep *R, const char *what, const subj *s, int k, const findings *F)
{
	if (F->len0 == 0)
		para(R, "%s: the diary has no days before the last period, so there is nothing to compare with.",
		     what);
	else
		para(R, "%s %s recorded %s, so the periods cannot be compared.", what,
		     strcmp(what, "Doses") == 0 ? "are" : "is", unrecorded(s, k, F));
}

/* Which period lacks column K's values: "in neither period", "only ..." */
static const char *
unrecorded(const subj *s, int k, const findings *F)
{
	long n1 = count_values(s, k, F->lo1, F->hi1);
	long n0 = F->len0 > 0 ? count_values(s, k, F->lo0, F->hi0) : 0;

	if (n1 == 0 && n0 == 0)
		return "in neither period";
	return n1 == 0 ? "only in the period before, not in the last one" :
	       "only in the last period, not in the one before";
}

static void
s_pain(rep *R, const subj *s, const findings *F, int multi)
{
	char buf[2048], a[16];
	const cmp *c = &F->period[V_PAIN];

	section(R, multi, "Pain (0-10)");
	if (!c->done && F->len0 == 0)
		para(R, "The diary has no days before the last period, so there is nothing to compare it with (%ld day%s with pain recorded in the last period).",
		     count_values(s, V_PAIN, F->lo1, F->hi1),
		     plural(count_values(s, V_PAIN, F->lo1, F->hi1)));
	else if (!c->done)
		para(R, "Pain is recorded %s, so the periods cannot be compared (%ld day%s with pain in the last %ld days, %ld in the %ld before).",
		     unrecorded(s, V_PAIN, F), count_values(s, V_PAIN, F->lo1, F->hi1),
		     plural(count_values(s, V_PAIN, F->lo1, F->hi1)), F->len1,
		     count_values(s, V_PAIN, F->lo0, F->hi0), F->len0);
	else {
		cmp_words(c, "points", "day", 1, buf, sizeof buf);
		para(R, "Mean pain in the last %ld days: %s", R->o->period, buf);
	}
	c = &F->treat[V_PAIN];
	if (c->done) {
		cmp_words(c, "points", "day", 1, buf, sizeof buf);
		para(R, "Since massage sessions began on %s, mean pain: %s", ease_fmt_date(F->first_session, a), buf);
	}
	if (R->fmt == EASE_REP_HTML)
		plot_pain(R, s);
	else
		sparkline(R, s);
}

static void
s_sleep(rep *R, const subj *s, const findings *F, int multi)
{
	char buf[2048], r_[16], lo[16], hi[16], p[32];
	const cmp *c = &F->period[V_SLEEP];

	if (!has_col(R, V_SLEEP) || count_values(s, V_SLEEP, s->first, R->end) == 0)
		return;
	section(R, multi, "Sleep");
	if (c->done) {
		cmp_words(c, "hours", "night", 0, buf, sizeof buf);
		para(R, "Mean hours asleep in the last %ld nights: %s", R->o->period, buf);
	} else
		no_compare(R, "Sleep", s, V_SLEEP, F);
	if (has_col(R, V_EFF) && count_values(s, V_EFF, F->lo1, F->hi1) > 0) {
		double sum = 0;
		long n = 0;

		for (long d = F->lo1; d <= F->hi1; d++) {
			long i = d - s->first;

			if (i >= 0 && i < s->n && !isnan(sv(s, V_EFF, i))) {
				sum += sv(s, V_EFF, i);
				n++;
			}
		}
		para(R, "Sleep efficiency (time asleep of time in bed) in the last %ld nights: %.0f %% on average (%ld night%s).",
		     R->o->period, sum / (double)n, n, plural(n));
	}
	if (F->sc_done && F->sc.n >= MIN_PAIRS && !isnan(F->sc.r) && isnan(F->sc_padj))
		para(R, "Whether a night's sleep goes with the next day's pain the data cannot tell: Pearson r = %s over %zu nights, but no p adjusted for day-to-day correlation can be made.",
		     d2(F->sc.r, r_), F->sc.n);
	else if (F->sc_done && F->sc.n >= MIN_PAIRS && !isnan(F->sc.r)) {
		double pv = F->sc_padj;

		ptext(pv, p);
		d2(F->sc.r, r_);
		d2(F->sc.ci_lo, lo);
		d2(F->sc.ci_hi, hi);
		if (pv < 0.05)
			para(R, "Nights with more sleep were followed by days with %s pain: Pearson r = %s (95 %% CI %s to %s, %zu nights; %s%s). A link in a diary does not show which causes which.",
			     F->sc.r < 0 ? "less" : "more", r_, lo, hi, F->sc.n, p,
			     adj_words(!isnan(F->sc_padj), pv));
		else
			para(R, "No clear link between a night's sleep and the next day's pain: Pearson r = %s (95 %% CI %s to %s, %zu nights; %s%s).",
			     r_, lo, hi, F->sc.n, p,
			     adj_words(!isnan(F->sc_padj), pv));
	} else if (F->sc_done && F->sc.n >= MIN_PAIRS)
		/* enough nights, but one of the two never changes: no r to give */
		para(R, "Sleep or pain stays the same over the %zu nights with both, so whether they go together cannot be told.",
		     F->sc.n);
	else if (F->sc_done)
		para(R, "Too few nights with both sleep and the next day's pain (%zu; at least %d are needed) to tell whether they go together.",
		     F->sc.n, MIN_PAIRS);
}

static void
s_meds(rep *R, const subj *s, const findings *F, int multi)
{
	char buf[2048], a[16], b[16], d[16], lo[16], hi[16], p[32];
	const cmp *c = &F->period[V_DOSES];
	int any = 0;

	if (has_col(R, V_DOSES) && count_values(s, V_DOSES, s->first, R->end) > 0)
		any = 1;
	for (int j = 0; j < R->nmed; j++)
		if (count_values(s, V_MED0 + j, s->first, R->end) > 0)
			any = 1;
	if (!any)
		return;
	section(R, multi, "Medication");
	if (c->done) {
		long u1 = 0, n1 = 0, u0 = 0, n0 = 0;

		cmp_words(c, "", "day", 0, buf, sizeof buf);
		para(R, "Doses a day in the last %ld days: %s", R->o->period, buf);
		for (long dd = F->lo0; dd <= F->hi1; dd++) {
			long i = dd - s->first;
			double v;

			if (i < 0 || i >= s->n || isnan(v = sv(s, V_DOSES, i)))
				continue;
			if (dd >= F->lo1) {
				n1++;
				u1 += v > 0;
			} else {
				n0++;
				u0 += v > 0;
			}
		}
		para(R, "Days with any dose: %ld of %ld in the last %ld days, %ld of %ld before.",
		     u1, n1, R->o->period, u0, n0);
	} else if (has_col(R, V_DOSES))
		no_compare(R, "Doses", s, V_DOSES, F);
	if (R->nmed > 0) {
		table t = {5, NULL, 0, 0};
		int rows = 0;

		t_row(&t, "daily dose", "last", "before", "change", "95 % CI");
		for (int j = 0; j < R->nmed; j++) {
			const cmp *m = &F->medp[j];
			char ci[48];

			if (!m->done)
				continue;
			snprintf(ci, sizeof ci, "%s to %s", sd1(m->r.ci_lo, lo), sd1(m->r.ci_hi, hi));
			char *dn;
			const char *nm = R->medname[j], *u;

			if (strncmp(nm, "med_", 4) == 0)
				nm += 4;
			u = strrchr(nm, '_');

			if (u)
				dn = ease_xasprintf("%.*s (%s)", (int)(u - nm), nm, u + 1);
			else
				dn = ease_xasprintf("%s", nm);
			t_row(&t, esc(R, dn), d1(m->r.after_mean, a),
			      d1(m->r.before_mean, b), sd1(m->r.mean, d),
			      m->nb < MIN_DAYS || m->na < MIN_DAYS ? "too few days" : ci);
			free(dn);
			rows++;
		}
		if (rows)
			t_write(R, &t);
		else
			t_free(&t);
	}
	c = &F->treat[V_DOSES];
	if (c->done && c->nb >= MIN_DAYS && c->na >= MIN_DAYS) {
		int adj;
		double pv = best_p(&c->r, &adj);
		int v = ease_infer_verdict(c->nb < c->na ? c->nb : c->na, c->r.mean, pv, 1);

		if (v == EASE_INFER_NO_P)
			para(R, "Since sessions began: %s doses a day against %s before (%s; %zu and %zu days): no p adjusted for day-to-day correlation can be made, so the data cannot tell whether medication changed.",
			     d1(c->r.after_mean, a), d1(c->r.before_mean, b), sd1(c->r.mean, d),
			     c->na, c->nb);
		else if (v == EASE_INFER_BETTER)
			para(R, "Reduced reliance on medication since sessions began: %s doses a day against %s before (%s, 95 %% CI %s to %s; %s%s; %zu and %zu days).",
			     d1(c->r.after_mean, a), d1(c->r.before_mean, b), sd1(c->r.mean, d),
			     sd1(c->r.ci_lo, lo), sd1(c->r.ci_hi, hi), ptext(pv, p),
			     adj ? ", adjusted for day-to-day correlation" : "", c->na, c->nb);
		else
			para(R, "Since sessions began: %s doses a day against %s before (%s, 95 %% CI %s to %s; %s%s): the diary does not show a change in medication.",
			     d1(c->r.after_mean, a), d1(c->r.before_mean, b), sd1(c->r.mean, d),
			     sd1(c->r.ci_lo, lo), sd1(c->r.ci_hi, hi), ptext(pv, p),
			     adj_words(adj, pv));
	}
}

static const rgroup *
relief_of(const findings *F, const char *name)
{
	for (size_t i = 0; i < F->relief.n; i++)
		if (strcmp(F->relief.g[i].name, name) == 0)
			return &F->relief.g[i];
	return NULL;
}

/* "4 (95 % CI 3 to 6)", "not reached", "too few" */
static const char *
relief_text(const rgroup *g, char *buf, size_t n)
{
	if (g == NULL || g->n < EASE_RELIEF_MIN_SESSIONS)
		snprintf(buf, n, "too few");
	else if (isnan(g->km.median))
		snprintf(buf, n, "beyond the data");
	else {
		char m[32], lo[32], hi[32];

		ease_fmt_num(g->km.median, 3, m);
		if (isnan(g->km.median_lo))
			strcpy(lo, "?");
		else
			ease_fmt_num(g->km.median_lo, 3, lo);
		if (isnan(g->km.median_hi))
			strcpy(hi, "more");
		else
			ease_fmt_num(g->km.median_hi, 3, hi);
		snprintf(buf, n, "%s (%s-%s)", m, lo, hi);
	}
	return buf;
}

/* ease-prepost's caveat: sessions booked on bad days. */
static void
rtm_note(rep *R, const ease_prepost_result *all)
{
	char a[16], b[16];

	if (all && all->rtm)
		para(R, "Pain was already higher than usual in the days before sessions (%s against %s on days away from any session): sessions were booked on bad days, so part or all of the change after them can be regression to the mean, pain going back to its usual level without any help.",
		     d1(all->before_mean, a), d1(all->baseline, b));
}

/*
 * The interval ease-relief --explain suggests for G's sessions, or the true
 * reason why none, in --explain's words.
 */
static void
rebook(rep *R, const rgroup *g, const char *what)
{
	char m[32], lo[32];
	size_t n = g ? g->n : 0;

	if (n < EASE_RELIEF_MIN_SESSIONS)
		para(R, "The data do not show yet how long relief after %s lasts: %zu session%s, at least %d are needed, so no rebooking interval is suggested.",
		     what, n, n == 1 ? "" : "s", EASE_RELIEF_MIN_SESSIONS);
	else if (isnan(g->km.median))
		para(R, "Relief after %s lasted longer than the data can follow in more than half of %zu sessions (the next session or the end of the diary came first): the data do not show yet when it wears off, so no rebooking interval is suggested.",
		     what, n);
	else if (g->km.median < 1)
		para(R, "Relief after %s did not last into the next day in at least half of %zu sessions (median %s days), so no rebooking interval is suggested.",
		     what, n, ease_fmt_num(g->km.median, 3, m));
	else if (!(g->km.median_lo >= 1)) {
		if (isnan(g->km.median_lo))
			strcpy(lo, "not known from the data ('?')");
		else
			snprintf(lo, sizeof lo, "%s, below a day", ease_fmt_num(g->km.median_lo, 3, m));
		para(R, "Relief after %s lasted a median of %s day%s (%zu sessions), but the lower end of its 95 %% CI is %s: more sessions will tell, so no rebooking interval is suggested yet.",
		     what, ease_fmt_num(g->km.median, 3, m), g->km.median == 1 ? "" : "s", n, lo);
	} else {
		long every = (long)floor(g->km.median);

		para(R, "Suggested rebooking interval: about every %ld day%s. Relief after %s lasted a median of %s day%s (%zu sessions): booking then, the next session comes while relief still lasts about half the time.",
		     every, plural(every), what, ease_fmt_num(g->km.median, 3, m),
		     g->km.median == 1 ? "" : "s", n);
	}
}

/*
 * The median relief of every session, which ease-alert's overdue rule books
 * by: said so that the report and the morning's alert never seem to disagree.
 */
static void
alert_median(rep *R, const findings *F, const ease_prepost_result *all)
{
	const rgroup *g = relief_of(F, "all");
	char m[32];

	if (all == NULL || all->verdict != EASE_INFER_BETTER)
		/* the same rule as everywhere: no booking by sessions not shown to help */
		para(R, "In the 3 days after each session against the 3 before (the view ease-alert books by), sessions are not shown to help, so ease-alert's overdue rule does not say when a session is due.");
	else if (g && g->n >= EASE_RELIEF_MIN_SESSIONS && g->km.median < 1)
		para(R, "All sessions together: a median relief of %s days (%zu sessions), under a day, so ease-alert's overdue rule has no interval to warn by.",
		     ease_fmt_num(g->km.median, 3, m), g->n);
	else if (g && g->n >= EASE_RELIEF_MIN_SESSIONS && !isnan(g->km.median))
		para(R, "All sessions together help and give a median relief of %s day%s (%zu sessions). ease-alert's overdue rule warns when no session came for longer than this.",
		     ease_fmt_num(g->km.median, 3, m), g->km.median == 1 ? "" : "s", g->n);
	else
		para(R, "All sessions together: the median relief is not known yet (%zu session%s), so ease-alert's overdue rule cannot be judged.",
		     g ? g->n : 0, g && g->n == 1 ? "" : "s");
}

static void
s_massage(rep *R, const subj *s, const findings *F, int multi)
{
	table t = {6, NULL, 0, 0};
	const ease_prepost_result *best = NULL, *all = NULL, *ev_all = NULL;
	char d[16], lo[16], hi[16], p[32], ci[48], rl[128], nn[16];
	ease_infer_row *rows;
	size_t nt = 0;
	long b;
	int rtm, enough = 0;

	(void)s;
	if (F->sessions == 0 || F->model.n == 0)
		return;
	for (size_t i = 0; i < F->tech.n; i++)
		if (strcmp(F->tech.r[i].group, "all") == 0)
			ev_all = &F->tech.r[i];
	section(R, multi, "Massage");
	t_row(&t, "technique", "n", "change", "95 % CI", "p Holm", "relief days");
	rows = ease_xcalloc(F->model.n + 1, sizeof *rows);
	for (size_t i = 0; i < F->model.n; i++) {
		const ease_prepost_result *r = &F->model.r[i];
		int is_all = strcmp(r->group, "all") == 0;

		if (is_all)
			all = r;
		else {
			enough |= r->n >= EASE_INFER_MIN_N;
			rows[nt].n = r->n;
			rows[nt].est = r->mean;
			rows[nt++].p = r->p_holm;
		}
		snprintf(nn, sizeof nn, "%zu", r->n);
		if (r->n < 2 || isnan(r->ci_lo))
			strcpy(ci, r->n < 2 ? "too few" : "not known");
		else
			snprintf(ci, sizeof ci, "%s to %s", sd1(r->ci_lo, lo), sd1(r->ci_hi, hi));
		t_row(&t, is_all ? "all sessions" : short_name(R, esc(R, r->group)), nn, sd1(r->mean, d), ci,
		      is_all || isnan(r->p_holm) ? "" : pnum(r->p_holm, p),
		      relief_text(relief_of(F, is_all ? "all" : r->group), rl, sizeof rl));
	}
	/* the one rule: only a technique shown to help is ever called best */
	b = ease_infer_best(rows, nt, 1);
	free(rows);
	if (b >= 0)
		best = &F->model.r[b];	/* the techniques come first, in the same order */
	para(R, "Pain on the day after a session against other days, by technique: the day-after model of ease-prepost --model (a regression of each day's pain on the techniques of the day before, with a trend and weekdays, its errors correlated from day to day, AR(1), fitted by GLS; n sessions; a session of two techniques counts for both). p Holm: corrected for testing several techniques (Holm). Relief days: how long pain stayed at least 1 point below the 3 days before the session, the Kaplan-Meier median with its 95 %% CI ('more': beyond what the data show; '?': the data do not give the lower end).");
	t_write(R, &t);
	/* the caveat of the before-and-after view: sessions booked on bad days */
	rtm = ev_all && ev_all->rtm;
	if (nt == 0 && all) {
		/* no technique recorded: the sessions are one treatment, in ease-prepost's words */
		int helped = all->verdict == EASE_INFER_BETTER;

		para(R, "%s", esc(R, all->sentence));
		if (helped && rtm) {
			rtm_note(R, ev_all);
			para(R, "With sessions booked on bad days this is not shown to be their effect, so no rebooking interval is suggested.");
		}
		else if (helped)
			rebook(R, relief_of(F, "all"), "a session");
		else
			para(R, "No rebooking interval is suggested: the sessions are not shown to help.");
	} else if (best && rtm) {
		rtm_note(R, ev_all);
		para(R, "The largest drop shown after a technique: %s, pain %s points after it (95 %% CI %s to %s, %zu sessions, Holm-adjusted %s); with sessions booked on bad days it is not shown to be the technique's effect, so no rebooking interval is suggested.",
		     esc(R, best->group), sd1(best->mean, d), sd1(best->ci_lo, lo), sd1(best->ci_hi, hi),
		     best->n, ptext(best->p_holm, p));
	} else if (best) {
		const rgroup *g = relief_of(F, best->group);

		/* one technique recorded: nothing was compared, so none is "most" */
		if (nt == 1)
			para(R, "The one technique recorded, %s, is shown to help. %s", esc(R, best->group),
			     esc(R, best->sentence));
		else
			para(R, "The technique that helped most: %s. %s", esc(R, best->group),
			     esc(R, best->sentence));
		rebook(R, g, esc(R, best->group));
	} else if (!enough) {
		if (rtm)
			rtm_note(R, ev_all);
		para(R, "Too few sessions with pain recorded around them to judge any technique (at least %d each are needed).",
		     EASE_INFER_MIN_N);
	}
	else if (nt == 1)
		/* one technique: there is nothing to rank, its own sentence says it */
		para(R, "%s No rebooking interval is suggested.", esc(R, F->model.r[0].sentence));
	else {
		/* nothing is ranked without a shown effect: the techniques are not named in order */
		para(R, "No technique is shown to help yet (p adjusted for day-to-day correlation and Holm-corrected across %zu techniques, below 0.05 after at least %d sessions), so none is called best and no rebooking interval is suggested.",
		     nt, EASE_INFER_MIN_N);
		if (all)
			para(R, "%s", esc(R, all->sentence));
	}
	/* ease-alert books by the before-and-after view of every session */
	alert_median(R, F, ev_all);
}

/*
 * --plan: how far the randomized trial has come, how the diary kept to it,
 * and, once its last block is done, the result as ease-prepost --plan
 * --explain says it.  No result before: a test looked at early and again
 * later is no longer the test planned.
 */
static void
s_trial(rep *R, const findings *F, int multi)
{
	const ease_rt_trial *T = &F->trial;
	char a[16], b[16], *h, *arms = NULL;
	size_t al = 0;

	if (!F->has_trial)
		return;
	for (int i = 0; i < T->k; i++) {
		const char *e = esc(R, T->arms[i]);
		size_t l = strlen(e);

		arms = ease_xrealloc(arms, al + l + 12);
		al += (size_t)sprintf(arms + al, "%s%s", i == 0 ? "" : i == T->k - 1 ? " against " : ", ", e);
	}
	h = ease_xasprintf("Trial: %s", arms);
	section(R, multi, h);
	free(h);
	free(arms);
	if (T->diary_last < T->first) {
		para(R, "Not started: 0 of %ld blocks done; the trial runs from %s to %s.",
		     T->blocks, ease_fmt_date(T->first, a), ease_fmt_date(T->last, b));
		return;
	}
	if (T->unchecked)
		para(R, "%s: %ld of %ld blocks done (a %s of each arm a block, %s to %s). %s %ld day%s without pain recorded; the sessions cannot be checked against the plan (no massage or technique column).",
		     T->over ? "Over" : "Running", T->blocks_done, T->blocks,
		     T->unit_week ? "week" : "session", ease_fmt_date(T->first, a),
		     ease_fmt_date(T->last, b), T->over ? "In the trial:" : "So far:",
		     T->missing, plural(T->missing));
	else
		para(R, "%s: %ld of %ld blocks done (a %s of each arm a block, %s to %s). %s %ld day%s without pain recorded, %ld session%s off the plan (%ld on another arm, %ld planned and not held).",
		     T->over ? "Over" : "Running", T->blocks_done, T->blocks,
		     T->unit_week ? "week" : "session", ease_fmt_date(T->first, a),
		     ease_fmt_date(T->last, b), T->over ? "In the trial:" : "So far:",
		     T->missing, plural(T->missing), T->off_arm + T->not_held,
		     plural(T->off_arm + T->not_held), T->off_arm, T->not_held);
	if (!T->over) {
		para(R, "The result comes when the last block is done: the randomization test is made once, on the whole trial.");
		return;
	}
	for (size_t i = 0; i < T->nsentence; i++)
		para(R, "%s", esc(R, T->sentence[i]));
}

static void
s_notable(rep *R, const subj *s, const findings *F, int multi)
{
	double top = NAN;
	long topday = -1, runs = 0, span, rec;
	char a[16], b[16], line[1024], x[16], w[40];
	size_t l = 0;

	for (long d = F->lo1; d <= F->hi1; d++) {
		long i = d - s->first;

		if (i >= 0 && i < s->n && !isnan(sv(s, V_PAIN, i)) &&
		    (isnan(top) || sv(s, V_PAIN, i) > top)) {
			top = sv(s, V_PAIN, i);
			topday = d;
		}
	}
	line[0] = '\0';
	for (long d = F->lo0; d <= F->hi1; d++) {
		long i = d - s->first, k = 0;
		double peak = 0;

		while (i + k >= 0 && i + k < s->n && d + k <= F->hi1 &&
		       sv(s, V_PAIN, i + k) >= SPELL_PAIN) {
			if (sv(s, V_PAIN, i + k) > peak)
				peak = sv(s, V_PAIN, i + k);
			k++;
		}
		if (k >= SPELL_RUN && l + 120 < sizeof line) {
			l += (size_t)snprintf(line + l, sizeof line - l, "%s%s to %s (%ld days, highest %s)",
					      runs ? "; " : "", ease_fmt_date(d, a),
					      ease_fmt_date(d + k - 1, b), k, d1(peak, x));
			runs++;
		}
		if (k > 0)
			d += k - 1;
	}
	span = F->hi1 - F->lo0 + 1;
	rec = count_values(s, V_PAIN, F->lo0, F->hi1);
	if (topday < 0 && rec == 0)
		return;
	section(R, multi, "Notable days");
	if (topday >= 0)
		para(R, "Highest pain in the last %ld days: %s on %s.", R->o->period,
		     d1(top, b), ease_fmt_date(topday, a));
	if (runs)
		para(R, "High-pain spells (" SPELL_WORDS ") from %s (%ld day%s, %ld with pain recorded): %s.",
		     dates(F->lo0, F->hi1, w), span, plural(span), rec, line);
	else if (rec < SPELL_RUN)
		para(R, "Too few days recorded to tell whether there was a high-pain spell (" SPELL_WORDS "): pain is recorded on %ld of the %ld day%s from %s.",
		     rec, span, plural(span), dates(F->lo0, F->hi1, w));
	else
		para(R, "No high-pain spell (" SPELL_WORDS ") on the %ld day%s with pain recorded of the %ld from %s.",
		     rec, plural(rec), span, dates(F->lo0, F->hi1, w));
}

static void
s_quality(rep *R, const subj *s, const findings *F, int multi)
{
	long m1 = F->len1 - count_values(s, V_PAIN, F->lo1, F->hi1);
	long m0 = F->len0 - count_values(s, V_PAIN, F->lo0, F->hi0);
	long all = s->n - count_values(s, V_PAIN, s->first, R->end);

	section(R, multi, "Data quality");
	if (s->first + s->n - 1 < (F->len0 > 0 ? F->lo0 : F->lo1)) {
		char d[16];

		/* days after the diary's end are not its missing days */
		para(R, "The diary ends on %s, before the periods compared. Days without pain recorded: %ld of %ld in the whole diary.",
		     ease_fmt_date(s->first + s->n - 1, d), all, s->n);
	} else if (F->len0 > 0)
		para(R, "Days without pain recorded: %ld of %ld in the last period, %ld of %ld before, %ld of %ld in the whole diary.%s",
		     m1, F->len1, m0, F->len0, all, s->n,
		     m1 + m0 > (F->len1 + F->len0) / 2 ? " With so many gaps the comparison says little." : "");
	else
		para(R, "Days without pain recorded: %ld of %ld in the last period, %ld of %ld in the whole diary.",
		     m1, F->len1, all, s->n);
	if (R->c->skip_bad)
		para(R, "Rows skipped as bad (--skip-bad): %ld.", ease_skipped_rows());
}

/* ---- plots (HTML) ---- */

/*
 * The gnuplot script of S's pain plot from FROM, at W x H pixels with text
 * of FONT points (the SVG's units): malloc'd, its length in *LEN.
 */
static char *
pain_script(rep *R, const subj *s, long from, int w_, int h, int font, size_t *len)
{
	ease_window *w;
	char *script = NULL, d[16];
	FILE *f;

	f = open_memstream(&script, len);
	if (f == NULL)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	ease_gp_preamble(f, EASE_GP_SVG, w_, h);
	fprintf(f, "set termoption font 'Sans,%d'\n", font);
	fputs("$D << EOD\n", f);
	w = ease_win_new(7, 1u << EASE_W_SMA);
	for (long day = from - 6; day <= R->end; day++) {
		if (day < s->first)
			continue;
		ease_win_start(w, day - 6);
		ease_win_push(w, day, val(s, V_PAIN, day));
		if (day < from)
			continue;
		fprintf(f, "%s ", ease_fmt_date(day, d));
		ease_gp_num(f, val(s, V_PAIN, day));
		fputc(' ', f);
		ease_gp_num(f, ease_win_get(w, EASE_W_SMA, 4));
		fputc('\n', f);
	}
	ease_win_free(w);
	fputs("EOD\n", f);
	fputs("set xdata time\nset timefmt '%Y-%m-%d'\nset format x '%d %b'\n"
	      "set yrange [0:10]\nset ylabel 'pain (0-10)'\nset grid ytics\n"
	      "set key top left horizontal opaque\n", f);
	/* a phone's plot: fewer dates along the axis, the key in a column */
	if (w_ < 500)
		fprintf(f, "set xtics %ld\nset key vertical samplen 2\n",
			86400L * ((R->end - from) / 4 + 1));
	/* the last period shaded: what the numbers above compare */
	{
		char lo[16], hi[16];
		long l0 = R->end - R->o->period + 1;

		fprintf(f, "set object 1 rectangle from '%s', graph 0 to '%s', graph 1 "
			"fillcolor rgb '#e8e8e8' fillstyle solid 1.0 noborder behind\n",
			ease_fmt_date(l0 < from ? from : l0, lo), ease_fmt_date(R->end, hi));
	}
	fputs("plot $D using 1:2 with points pt 7 ps 0.5 title 'day', \\\n"
	      "     $D using 1:3 with lines lw 2 title '7-day mean'\n", f);
	fclose(f);
	return script;
}

/*
 * The pain plot twice: one for a screen of a desktop's width and for print,
 * one for a phone's (the CSS shows one).  Shrunk to a phone's width, the
 * wide one's text would be 6 px; each is drawn at about the size it is shown.
 */
static void
plot_pain(rep *R, const subj *s)
{
	static const struct { int w, h, font; const char *cls; } size[] = {
		{ 640, 240, 11, "wide" }, { 340, 260, 12, "narrow" }
	};
	long from = R->end - (R->o->period * 4 > SPARK_DAYS ? R->o->period * 4 : SPARK_DAYS) + 1;
	char *svg[2] = { NULL, NULL }, d[16];
	int missing = 0;

	if (from < s->first)
		from = s->first;
	if (R->gp_failed) {
		fputs("<p class=\"note\">No plot: gnuplot could not be run (see the warning it gave).</p>\n", R->f);
		return;
	}
	for (int k = 0; k < 2 && !missing && (k == 0 || svg[0]); k++) {
		size_t len = 0;
		char *script = pain_script(R, s, from, size[k].w, size[k].h, size[k].font, &len);

		svg[k] = ease_report_svg(script, len, &missing);
		free(script);
	}
	if (svg[0] == NULL || svg[1] == NULL) {
		free(svg[0]);
		free(svg[1]);
		R->gp_failed = missing;
		fputs(missing ? "<p class=\"note\">No plot: gnuplot could not be run (see the warning it gave).</p>\n" :
		      "<p class=\"note\">No plot: gnuplot failed on it (see its messages).</p>\n", R->f);
		return;
	}
	fputs("<figure>", R->f);
	for (int k = 0; k < 2; k++) {
		fprintf(R->f, "<div class=\"%s\">%s</div>", size[k].cls, svg[k]);
		free(svg[k]);
	}
	fprintf(R->f, "<figcaption>Pain each day and its 7-day mean, %s", ease_fmt_date(from, d));
	fprintf(R->f, " to %s; the last %ld days shaded.</figcaption></figure>\n",
		ease_fmt_date(R->end, d), R->o->period);
}

/* ---- the page ---- */

static const char css[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
	"line-height:1.45;color:#222;background:#fff;margin:0}"
	"main{max-width:46em;margin:0 auto;padding:1em}"
	"h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.2em;border-bottom:1px solid #ccc;"
	"margin-top:1.4em}h3{font-size:1.05em;margin-bottom:.2em}"
	/* a table wider than a phone scrolls in its box: its cells keep their words whole */
	".tbl{overflow-x:auto;margin:.6em 0}"
	"table{border-collapse:collapse;font-size:.92em}"
	"th,td{padding:.2em .5em;border-bottom:1px solid #ddd;text-align:left}"
	"td.n,th.n{text-align:right;white-space:nowrap}"
	/* a long name from the data breaks rather than widen the page on a phone */
	"p,h1,h2,h3,figcaption{overflow-wrap:anywhere;word-break:break-word}"
	/* each plot drawn for the width it is shown at: its text stays legible */
	"figure{margin:.5em 0}figure svg{width:100%;height:auto;display:block}"
	".narrow{display:none;max-width:30em}"
	"@media screen and (max-width:671px){.wide{display:none}.narrow{display:block}}"
	"figcaption{font-size:.85em;color:#555}"
	".note{color:#8a4b00}.foot{font-size:.85em;color:#555;border-top:1px solid #ccc;"
	"padding-top:.5em;margin-top:2em}"
	"@media print{@page{size:A4;margin:12mm}body{font-size:9pt;line-height:1.3}"
	"main{max-width:none;padding:0}h2{margin-top:.8em}p{margin:.3em 0}"
	"figure,tr{break-inside:avoid}h2,h3{break-after:avoid}figure svg{max-height:45mm}"
	".tbl{overflow:visible}table{font-size:8.5pt}}";

static void
page_head(rep *R, const char *title)
{
	if (R->fmt != EASE_REP_HTML)
		return;
	fprintf(R->f,
		"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", title, css);
}

static void
page_foot(rep *R)
{
	static const char foot[] =
		"This report summarises a self-kept diary. It is not a diagnosis and does not replace medical advice; "
		"talk to a doctor or therapist before changing treatment or medication. Each change is given with its "
		"95 % confidence interval and the number of days or sessions it rests on; where the data are too few, "
		"the report says so instead of claiming an effect. Days in a diary are not independent (a day's pain "
		"is much like the day before's): the intervals and adjusted p-values of changes allow for that, "
		"each interval from the same model as its p-value.";

	if (R->fmt == EASE_REP_HTML) {
		fprintf(R->f, "<p class=\"foot\">%s</p>\n</main>\n</body>\n</html>\n", foot);
		return;
	}
	fputc('\n', R->f);
	if (R->fmt == EASE_REP_TEXT) {
		fputs("--\n", R->f);
		wrap(R->f, foot, "", "");
	} else {
		fputs("---\n\n", R->f);
		wrap(R->f, foot, "*", "");
		fseek(R->f, -1, SEEK_CUR);
		fputs("*\n", R->f);
	}
}

static void
clinic_table(rep *R, findings *F)
{
	table t = {8, NULL, 0, 0};
	char a[16], b[16], d[16], n[16], ss[16], lo[16], hi[16], ci[48];

	heading(R, 2, "Summary");
	para(R, "Mean pain in the last %ld days against the %ld before, each subject's own diary (the change with its 95 %% CI; each subject's section gives its p-value). IMMPACT: the category of the change only where the change holds (p %s 0.05); '-': no change is shown, whatever its size.",
	     R->o->period, R->o->period, lt);
	t_row(&t, "subject", "days", "pain", "before", "change", "95 % CI", "IMMPACT", "sessions");
	for (size_t i = 0; i < R->ns; i++) {
		const cmp *c = &F[i].period[V_PAIN];
		int few = !c->done || c->nb < MIN_DAYS || c->na < MIN_DAYS, adj;
		/* as the subject's section: a category is a finding only while the change holds */
		int holds = !few && best_p(&c->r, &adj) < 0.05;

		snprintf(n, sizeof n, "%ld", R->s[i].n);
		snprintf(ss, sizeof ss, "%ld", F[i].sessions);
		if (few)
			strcpy(ci, "");
		else
			snprintf(ci, sizeof ci, "%s to %s", sd1(c->r.ci_lo, lo), sd1(c->r.ci_hi, hi));
		t_row(&t, short_name(R, esc(R, R->s[i].id)), n, c->done ? d1(c->r.after_mean, a) : "n/a",
		      c->done ? d1(c->r.before_mean, b) : "n/a",
		      few ? "too few" : sd1(c->r.mean, d), ci,
		      few || !c->r.category || !*c->r.category ? "" : holds ? c->r.category : "-",
		      ss);
	}
	t_write(R, &t);
}

int
ease_report_run(ease_common *c, ease_report_opts *o)
{
	rep R;
	findings *F;
	ease_writer *w;
	char *text = NULL, *title, a[16];
	size_t len = 0;

	/*
	 * "--today 2026-03-01" makes the date a file: say how it is written
	 * rather than that no such file exists.
	 */
	for (int i = 0; o->today && o->today_day < 0 && i < c->nfiles; i++) {
		long day;

		if (access(c->files[i], F_OK) != 0 &&
		    ease_parse_date(c->files[i], NULL, &day) == EASE_V_OK)
			ease_usage("--today takes its date after '=': --today=%s", c->files[i]);
	}
	/* -o is parsed with the common options */
	if (o->output == NULL)
		o->output = c->output;
	memset(&R, 0, sizeof R);
	R.c = c;
	R.o = o;
	R.fmt = o->format;
	lt = R.fmt == EASE_REP_HTML ? "&lt;" : "<";
	load(&R);
	settle_end(&R);
	if (o->plan && R.ns > 1)
		ease_usage("--plan: a trial is one person's, and %s holds %zu subjects; pick one with --subject ID",
			   R.file, R.ns);
	F = ease_xcalloc(R.ns, sizeof *F);
	/* the analyses' own warnings are said here in the report's words */
	ease_set_quiet(1);
	for (size_t i = 0; i < R.ns; i++)
		analyse(&R, &R.s[i], &F[i]);
	ease_set_quiet(0);
	/* a technique name that looks like a slip is said once, as the tools say it */
	for (size_t i = 0; i < R.ns; i++)
		ease_technames_warn_close(F[i].tn);

	R.f = open_memstream(&text, &len);
	if (R.f == NULL)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	if (R.ns == 1 && *R.s[0].id)
		title = ease_xasprintf("Back pain diary: %s, to %s", esc(&R, R.s[0].id),
				ease_fmt_date(R.end, a));
	else
		title = ease_xasprintf("Back pain %s, to %s",
				R.ns > 1 ? "diaries" : "diary", ease_fmt_date(R.end, a));
	page_head(&R, title);
	if (R.fmt == EASE_REP_TEXT) {
		size_t n = cols_of(title, strlen(title));

		fprintf(R.f, "%s\n", title);
		for (size_t i = 0; i < n; i++)
			fputc('=', R.f);
		fputc('\n', R.f);
	} else if (R.fmt == EASE_REP_MARKDOWN)
		fprintf(R.f, "# %s\n", title);
	else
		fprintf(R.f, "<h1>%s</h1>\n", title);
	if (R.ns > 1)
		clinic_table(&R, F);
	for (size_t i = 0; i < R.ns; i++) {
		subj *s = &R.s[i];

		if (R.ns > 1) {
			char *h = ease_xasprintf("Subject %s", esc(&R, s->id));

			heading(&R, 2, h);
			free(h);
		}
		s_overview(&R, s, &F[i], R.ns > 1);
		s_pain(&R, s, &F[i], R.ns > 1);
		s_sleep(&R, s, &F[i], R.ns > 1);
		s_meds(&R, s, &F[i], R.ns > 1);
		s_massage(&R, s, &F[i], R.ns > 1);
		s_trial(&R, &F[i], R.ns > 1);
		s_notable(&R, s, &F[i], R.ns > 1);
		s_quality(&R, s, &F[i], R.ns > 1);
	}
	page_foot(&R);
	if (fclose(R.f) != 0)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	free(title);
	esc_free();
	{
		/*
		 * Every name was made valid where it was escaped; this pass makes
		 * sure of the whole page (declared UTF-8), whatever else got in.
		 */
		char *fixed = ease_utf8_fix(text, len, &len);

		free(text);
		text = fixed;
	}
	w = ease_writer_open(o->output, EASE_FMT_CSV, c->files, c->nfiles);
	{
		int fd = ease_writer_fd(w);

		for (size_t off = 0; off < len;) {
			ssize_t k = write(fd, text + off, len - off);

			if (k < 0 && errno == EINTR)
				continue;
			if (k < 0)
				ease_write_failed(o->output ? o->output : "standard output", errno);
			off += (size_t)k;
		}
	}
	ease_writer_close(w);
	free(text);
	for (size_t i = 0; i < R.ns; i++) {
		findings_free(&F[i]);
		subj_free(&R.s[i]);
	}
	free(R.mcol);
	free(R.mname);
	free(F);
	free(R.s);
	for (int j = 0; j < R.nmed; j++)
		free(R.medname[j]);
	free(R.medname);
	free(R.medcol);
	free(R.file);
	ease_report_skipped();
	return 0;
}

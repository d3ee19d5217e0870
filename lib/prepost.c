/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/prepost.h"
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/daytab.h"
#include "ease/err.h"
#include "ease/gls.h"
#include "ease/hyptest.h"
#include "ease/infer.h"
#include "ease/span.h"
#include "ease/stats.h"
#include "ease/technique.h"
#include "ease/value.h"

#include <limits.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Windows longer than a year say nothing about one session. */
#define MAX_WINDOW 366

void
ease_prepost_opts_init(ease_prepost_opts *o)
{
	memset(o, 0, sizeof *o);
	o->before = 3;
	o->after = 3;
	o->se = EASE_SE_GLSN;
	o->terms = EASE_PP_TREND | EASE_PP_WEEKDAY;
}

static const char *const design_opt[] = {
	"", "--event", "--pairs", "--split", "--factor", "--its"
};

void
ease_prepost_set_design(ease_prepost_opts *o, int design, const char *arg)
{
	if (design == EASE_PP_EVENT) {
		if (*arg == '\0')
			ease_usage("--event: needs a column name");
		o->event = arg;
		return;		/* --event also names the events of --split first */
	}
	if (o->design && o->design != design)
		ease_usage("%s and %s: one design a run", design_opt[o->design],
			   design_opt[design]);
	o->design = design;
	switch (design) {
	case EASE_PP_PAIRS: {
		const char *comma = strchr(arg, ',');

		if (comma == NULL || comma == arg || comma[1] == '\0' ||
		    strchr(comma + 1, ','))
			ease_usage("--pairs: '%s' is not two columns BEFORE,AFTER", arg);
		o->pairs = arg;
		break;
	}
	case EASE_PP_FACTOR:
		if (*arg == '\0')
			ease_usage("--factor: needs a column name");
		o->factor = arg;
		break;
	case EASE_PP_SPLIT:
	case EASE_PP_ITS:
		o->at_arg = arg;
		if (strcmp(arg, "first") == 0)
			o->at_first = 1;
		else if (ease_parse_date(arg, NULL, &o->at) == EASE_V_BAD)
			/* a mistyped 'first' must learn that the word exists */
			ease_usage("%s: '%s' is neither a date (YYYY-MM-DD) nor first",
				   design_opt[design], arg);
		else
			o->at = ease_opt_date(design_opt[design], arg);
		break;
	}
}

void
ease_prepost_set_window(ease_prepost_opts *o, const char *opt, const char *arg)
{
	int n = (int)ease_opt_long(opt, arg, 1, MAX_WINDOW);

	if (strcmp(opt, "--before") == 0)
		o->before = n;
	else {
		o->after = n;
		o->after_given = 1;
	}
}

void
ease_prepost_set_lag(ease_prepost_opts *o, const char *arg)
{
	o->lag = (int)ease_opt_long("--lag", arg, 0, MAX_WINDOW);
}

void
ease_prepost_set_direction(ease_prepost_opts *o, const char *arg)
{
	if (strcmp(arg, "lower") == 0)
		o->direction = -1;
	else if (strcmp(arg, "higher") == 0)
		o->direction = 1;
	else
		ease_usage("--direction: '%s' is not lower or higher", arg);
}

void
ease_prepost_set_se(ease_prepost_opts *o, const char *arg)
{
	if (strcmp(arg, "gls-noise") == 0)
		o->se = EASE_SE_GLSN;
	else if (strcmp(arg, "gls") == 0)
		o->se = EASE_SE_GLS;
	else if (strcmp(arg, "hac") == 0)
		o->se = EASE_SE_HAC;
	else if (strcmp(arg, "ols") == 0)
		o->se = EASE_SE_OLS;
	else
		ease_usage("--se: '%s' is not gls-noise, gls, hac or ols", arg);
	o->se_given = 1;
}

void
ease_prepost_set_terms(ease_prepost_opts *o, const char *arg)
{
	o->terms_given = 1;
	if (strcmp(arg, "trend,weekday") == 0 || strcmp(arg, "weekday,trend") == 0)
		o->terms = EASE_PP_TREND | EASE_PP_WEEKDAY;
	else if (strcmp(arg, "trend") == 0)
		o->terms = EASE_PP_TREND;
	else if (strcmp(arg, "weekday") == 0)
		o->terms = EASE_PP_WEEKDAY;
	else if (strcmp(arg, "none") == 0)
		o->terms = 0;
	else
		ease_usage("--terms: '%s' is not trend,weekday, trend, weekday or none", arg);
}

void
ease_prepost_set_method(ease_prepost_opts *o, const char *arg)
{
	if (strcmp(arg, "reml") == 0)
		o->gls_ml = 0;
	else if (strcmp(arg, "ml") == 0)
		o->gls_ml = 1;
	else
		ease_usage("--method: '%s' is not reml or ml", arg);
}

void
ease_prepost_check(ease_prepost_opts *o, const ease_common *c)
{
	if (o->model) {
		if (o->design != EASE_PP_NONE || o->event == NULL)
			ease_usage("--model needs --event COL (the sessions) and no other design");
		if (o->before != 3)
			ease_usage("--model takes no --before: it compares each day after a session with every other day");
		if (o->compare || o->profile)
			ease_usage("--model does not go with %s",
				   o->compare ? "--compare" : "--profile");
		if (!o->after_given)
			o->after = 1;
	} else if (o->design == EASE_PP_ITS) {
		/*
		 * The ITS model has its own trend; weekday terms are asked
		 * for (on 400 simulated diaries without an effect they did
		 * not lower the false positives of level_p), and only GLS
		 * has them.
		 */
		if (o->terms_given && (o->terms & EASE_PP_TREND))
			ease_usage("--terms with --its: weekday or none (the trend is the model's own)");
		if (!o->terms_given)
			o->terms = 0;
		if (o->terms && o->se != EASE_SE_GLS && o->se != EASE_SE_GLSN)
			ease_usage("--terms weekday goes with --se gls-noise or gls");
	} else if (o->terms_given)
		ease_usage("--terms goes with --model or --its");
	if (o->gls_ml && !o->model &&
	    !(o->design == EASE_PP_ITS && (o->se == EASE_SE_GLS || o->se == EASE_SE_GLSN)))
		ease_usage("--method goes with --model or --its (--se gls-noise or gls)");
	if (o->design == EASE_PP_NONE) {
		if (o->event == NULL)
			ease_usage("no design: give --event COL, --pairs B,A, --split DATE, --factor COL or --its DATE");
		o->design = EASE_PP_EVENT;
	}
	if (o->design != EASE_PP_PAIRS && o->value == NULL)
		ease_usage("%s needs --value COL (the measure to compare)",
			   o->design == EASE_PP_EVENT ? "--event" : design_opt[o->design]);
	if (o->design == EASE_PP_PAIRS && o->value)
		ease_usage("--pairs takes no --value: the two columns are the measure");
	if (o->at_first && o->event == NULL)
		ease_usage("%s first needs --event COL (the first day with COL > 0)",
			   design_opt[o->design]);
	if (o->profile && o->design != EASE_PP_EVENT)
		ease_usage("--profile goes with --event only");
	if (o->compare && o->by == NULL)
		ease_usage("--compare needs --by COL (the groups to compare)");
	if (o->compare && o->design != EASE_PP_EVENT && o->design != EASE_PP_PAIRS)
		ease_usage("--compare goes with --event or --pairs (paired differences)");
	if (o->compare && o->profile)
		ease_usage("--compare and --profile: one output a run");
	if (o->design == EASE_PP_PAIRS && c->last)
		ease_usage("--last needs a day table; with --pairs use --since and --until");
	if (o->by && o->design != EASE_PP_EVENT && o->design != EASE_PP_PAIRS)
		ease_usage("--by goes with --event or --pairs");
	if (o->lag && o->design != EASE_PP_FACTOR)
		ease_usage("--lag goes with --factor");
	if (o->se_given && o->design != EASE_PP_ITS)
		ease_usage("--se goes with --its");
	if (o->explain && o->design == EASE_PP_ITS)
		ease_usage("--explain does not go with --its: its rows are numbers (--format table aligns them)");
	if (o->explain && o->profile)
		ease_usage("--explain does not go with --profile: the profile is a table of numbers (--format table aligns it)");
	/*
	 * Only after the checks above, which are about --explain as given: a
	 * table of the comparisons is their sentences, while the ITS and the
	 * profile rows are numbers, aligned.
	 */
	if (c->format == EASE_FMT_TABLE && o->design != EASE_PP_ITS && !o->profile)
		o->explain = 1;
}

/* ---- groups ---- */

typedef struct vec {
	double *v;
	size_t n, cap;
} vec;

static void
vec_add(vec *a, double x)
{
	ease_grow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v);
	a->v[a->n++] = x;
}

typedef struct group {
	char *name;
	/* paired: before and after, each pair's subject and its day (or row) */
	vec bef, aft, sub, ord;
	vec multi;		/* 1: the session is in more than one group */
	vec *prof;		/* --profile: values at each day offset */
	size_t nprof;		/* --profile: events */
	/* results */
	int ok;
	ease_ttest t;
	ease_tadj adj;		/* the t test with n_eff: p_adj and the interval */
	ease_ranktest rk;
	ease_nap nap;
	double improved;	/* paired: the share of pairs that improved */
	double tau_u, r1, p_adj, p_holm;
	int verdict;		/* EASE_INFER_*, on p_holm (a group) or p_adj (all) */
	double mb, ma, diff;	/* before_mean, after_mean, their difference */
	double every;		/* from the store: every_days() */
} group;

typedef struct run {
	ease_common *c;
	ease_prepost_opts *o;
	ease_writer *w;
	const ease_cols *cols;
	const char *file;
	const char *measure;
	char word[64];		/* the measure in a sentence: "pain", "sleep hours" */
	const char *verb;	/* "was", or "were" after a plural: "meds doses" */
	char unit[32];		/* of a difference: "points" on 0-10 scales, or "" */
	int role;		/* of the measure */
	int lower;		/* lower is better */
	int pain_like;		/* IMMPACT applies */
	int by_col, by_tech;
	ease_technames *tn;
	ease_strset *gkeys;
	group *g;		/* g[0] is "all" */
	size_t ng, gcap;
	size_t *gsel;		/* the groups of the current row */
	size_t ngsel, gselcap;
	unsigned long gen;	/* subjects met */
	/* --split, --factor: r1 within each sample (before, after) */
	ease_comom r1g[2];
	/* --split: each day's value, day, subject and side, for the GLS fit */
	vec sy, sday, ssub, spost;
	int prev_grp;
	long prev_day;
	double prev_v;
	int have_prev;
	/* baseline: days in no event's window */
	double base_sum;
	long base_n;
	long events, skipped;
	long multi;		/* sessions in more than one group */
	ease_span span;		/* the days read, against the date window */
	char win[64];		/* " between A and B": where no event was found */
	int head_done;
	/* the --by cells met, and the sets of groups they make (combos) */
	ease_strset *cells;	/* cell text -> combo */
	ease_strset *combo_ix;	/* a set of groups as text -> combo */
	size_t *combo_off, *combo_n, ncombo, combo_cap, combo_cap2;
	size_t *combo_grp, ncombo_grp, combo_grp_cap;
	/*
	 * The event design's sessions, 24 bytes each: the two window means,
	 * the day and the set of groups; a group's samples are made from them
	 * when it is computed, "all" uses the means as they are.
	 */
	int store;
	double *st_bef, *st_aft;
	int32_t *st_day;
	uint32_t *st_combo;
	size_t sn, scap;
	/* the first session of each subject, with its number */
	size_t *subj_first;
	double *subj_gen;
	size_t nsubj, subj_cap;
} run;

static size_t
add_group(run *s, const char *name)
{
	group *g;

	ease_grow((void **)&s->g, &s->gcap, s->ng + 1, sizeof *s->g);
	g = &s->g[s->ng];
	memset(g, 0, sizeof *g);
	g->name = ease_xstrdup(name);
	if (s->o->profile)
		g->prof = ease_xcalloc((size_t)(s->o->before + s->o->after + 1),
				       sizeof *g->prof);
	return s->ng++;
}

static void
select_group(run *s, const char *name)
{
	long idx;

	if (ease_strset_put(s->gkeys, name, (long)s->ng, &idx))
		idx = (long)add_group(s, name);
	for (size_t i = 0; i < s->ngsel; i++)
		if (s->gsel[i] == (size_t)idx)
			return;
	ease_grow((void **)&s->gsel, &s->gselcap, s->ngsel + 1, sizeof *s->gsel);
	s->gsel[s->ngsel++] = (size_t)idx;
}

/*
 * The groups of a row by its --by cell, into s->gsel: each technique of a
 * '|' list by its canonical name, or the cell as it is.  An empty cell is
 * in no group but "all".
 */
static void
select_group_cb(const char *name, void *ctx)
{
	select_group(ctx, name);
}

/* The combo of the groups in s->gsel, made the first time they are met. */
static uint32_t
combo_of(run *s)
{
	char key[32 * 8];
	size_t n = 0;
	long ix;

	key[0] = '\0';
	for (size_t i = 0; i < s->ngsel && n + 24 < sizeof key; i++)
		n += (size_t)snprintf(key + n, sizeof key - n, "%zu,", s->gsel[i]);
	if (n + 24 >= sizeof key) {
		/* a cell of many groups: its own combo */
		ix = -1;
	} else if (!ease_strset_put(s->combo_ix, key, (long)s->ncombo, &ix)) {
		return (uint32_t)ix;
	}
	if (s->ncombo >= UINT32_MAX)
		ease_die(EASE_EX_SOFTWARE, "more than 4 thousand million sets of groups");
	ease_grow((void **)&s->combo_off, &s->combo_cap, s->ncombo + 1, sizeof *s->combo_off);
	ease_grow((void **)&s->combo_n, &s->combo_cap2, s->ncombo + 1, sizeof *s->combo_n);
	ease_grow((void **)&s->combo_grp, &s->combo_grp_cap, s->ncombo_grp + s->ngsel + 1,
		  sizeof *s->combo_grp);
	s->combo_off[s->ncombo] = s->ncombo_grp;
	s->combo_n[s->ncombo] = s->ngsel;
	memcpy(s->combo_grp + s->ncombo_grp, s->gsel, s->ngsel * sizeof *s->gsel);
	s->ncombo_grp += s->ngsel;
	return (uint32_t)s->ncombo++;
}

/* The groups of combo K into s->gsel. */
static void
combo_select(run *s, uint32_t k)
{
	size_t n = s->combo_n[k];

	ease_grow((void **)&s->gsel, &s->gselcap, n + 1, sizeof *s->gsel);
	memcpy(s->gsel, s->combo_grp + s->combo_off[k], n * sizeof *s->gsel);
	s->ngsel = n;
}

/* Cells of distinct text remembered; past them a cell is read each time. */
#define CELLS_MAX 4096

/*
 * The groups of a row, as a combo and in s->gsel.  A technique cell is
 * normalised once per distinct text: a diary repeats a few cells.
 */
static uint32_t
row_groups(run *s, const ease_rec *rec)
{
	const char *cell;
	long k;
	uint32_t c;

	s->ngsel = 0;
	if (s->by_col < 0)
		return combo_of(s);
	cell = rec->f[s->by_col];
	if (ease_strset_get(s->cells, cell, &k)) {
		combo_select(s, (uint32_t)k);
		return (uint32_t)k;
	}
	if (!s->by_tech) {
		if (*cell)
			select_group(s, cell);
	} else {
		ease_technames_each(s->tn, cell, select_group_cb, s);
	}
	c = combo_of(s);
	if (ease_strset_count(s->cells) < CELLS_MAX)
		ease_strset_put(s->cells, cell, (long)c, NULL);
	return c;
}

static void
group_pair(group *g, double sub, double ord, double before, double after, int multi)
{
	vec_add(&g->bef, before);
	vec_add(&g->aft, after);
	vec_add(&g->sub, sub);
	vec_add(&g->ord, ord);
	vec_add(&g->multi, multi);
}

/* A pair of subject SUB on day (or at row) ORD into "all" and its groups. */
static void
add_pair(run *s, double sub, double ord, double before, double after)
{
	int multi = s->ngsel > 1;

	s->multi += multi;
	group_pair(&s->g[0], sub, ord, before, after, multi);
	for (size_t i = 0; i < s->ngsel; i++)
		group_pair(&s->g[s->gsel[i]], sub, ord, before, after, multi);
}

/* A session of the event design into the store (s->store). */
static void
store_pair(run *s, uint32_t combo, long day, double before, double after)
{
	size_t n = s->sn;

	if (day < INT32_MIN || day > INT32_MAX)
		ease_die(EASE_EX_SOFTWARE, "a day beyond the 32-bit range");
	s->multi += s->combo_n[combo] > 1;
	if (n == s->scap) {
		size_t c = s->scap;

		ease_grow((void **)&s->st_bef, &c, n + 1, sizeof *s->st_bef);
		c = s->scap;
		ease_grow((void **)&s->st_aft, &c, n + 1, sizeof *s->st_aft);
		c = s->scap;
		ease_grow((void **)&s->st_day, &c, n + 1, sizeof *s->st_day);
		ease_grow((void **)&s->st_combo, &s->scap, n + 1, sizeof *s->st_combo);
	}
	if (s->nsubj == 0 || s->subj_gen[s->nsubj - 1] != (double)s->gen) {
		size_t c = s->subj_cap;

		ease_grow((void **)&s->subj_first, &c, s->nsubj + 1, sizeof *s->subj_first);
		ease_grow((void **)&s->subj_gen, &s->subj_cap, s->nsubj + 1, sizeof *s->subj_gen);
		s->subj_first[s->nsubj] = n;
		s->subj_gen[s->nsubj++] = (double)s->gen;
	}
	s->st_bef[n] = before;
	s->st_aft[n] = after;
	s->st_day[n] = (int32_t)day;
	s->st_combo[n] = combo;
	s->sn = n + 1;
}

/* ---- the measure ---- */

/* IMMPACT's thresholds were validated on 0-10 pain ratings only. */
static int
pain_like(int role)
{
	return role == EASE_R_PAIN || role == EASE_R_PAIN_MAX ||
	       role == EASE_R_PAIN_BEFORE || role == EASE_R_PAIN_AFTER;
}

/*
 * The words a sentence needs around the measure: its unit ("points" belongs
 * to 0-10 ratings only; a count of doses has none, the name says it) and
 * the verb after its name, plural when the name's last word is ("meds
 * doses were", but "stress was").
 */
static void
set_unit(run *s, int col)
{
	const ease_roledef *d = ease_role_def(s->role);
	const char *u = "", *norm = s->cols->norm[col], *us;
	size_t l = strlen(s->word);

	switch (s->role) {
	case EASE_R_SLEEP_HOURS: case EASE_R_TIME_IN_BED:
		u = "hours";
		break;
	case EASE_R_SLEEP_EFFICIENCY:
		u = "percentage points";
		break;
	case EASE_R_MASSAGE_MIN:
		u = "minutes";
		break;
	case EASE_R_MED:
		/* med_<drug>_<unit> */
		us = strrchr(norm, '_');
		if (us && us > norm + 4)
			u = us + 1;
		break;
	default:
		if (s->role != EASE_R_NONE && d->type == EASE_T_NUM && d->lo == 0 && d->hi == 10)
			u = "points";
	}
	snprintf(s->unit, sizeof s->unit, "%s", u);
	s->verb = l > 1 && s->word[l - 1] == 's' && s->word[l - 2] != 's' &&
		  s->word[l - 2] != 'u' ? "were" : "was";
}

void
ease_prepost_words(const ease_cols *cols, int col, char *word, size_t nw,
		   char *unit, size_t nu, const char **verb)
{
	run s;

	memset(&s, 0, sizeof s);
	s.cols = cols;
	s.role = cols->role[col];
	if (pain_like(s.role))
		snprintf(s.word, sizeof s.word, "pain");
	else {
		snprintf(s.word, sizeof s.word, "%s", cols->name[col]);
		for (char *q = s.word; *q; q++)
			if (*q == '_')
				*q = ' ';
	}
	set_unit(&s, col);
	snprintf(word, nw, "%s", s.word);
	snprintf(unit, nu, "%s", s.unit);
	*verb = s.verb;
}

static void
set_direction(run *s, int col)
{
	int role = s->cols->role[col], l = ease_role_lower(role);

	s->role = role;
	s->pain_like = pain_like(role);
	if (s->pain_like)
		snprintf(s->word, sizeof s->word, "pain");
	else {
		snprintf(s->word, sizeof s->word, "%s", s->cols->name[col]);
		for (char *q = s->word; *q; q++)
			if (*q == '_')
				*q = ' ';
	}
	set_unit(s, col);
	if (s->o->direction)
		l = s->o->direction < 0;
	if (l < 0)
		ease_die(EASE_EX_USAGE,
			 "%s: which way is better for column '%s' is not known: say --direction lower or --direction higher",
			 s->file, s->cols->name[col]);
	/* a pain scale read the other way round has no IMMPACT category */
	if (!l)
		s->pain_like = 0;
	s->lower = l;
}

/* n(1 - r1)/(1 + r1): the values an AR(1) series' mean weighs as. */
static double
n_eff_mean(double n, double r1)
{
	if (isnan(r1))
		return NAN;
	/* a negative r1 would claim more independent values than there are */
	if (r1 <= 0)
		return n;
	return n * (1 - r1) / (1 + r1);
}

/* ---- the event design ---- */

typedef struct pend {
	long day;
	double *v;		/* offsets -before..+after, NaN when missing */
	uint32_t combo;		/* its groups */
	int counts;		/* an event inside the window */
} pend;

typedef struct evstate {
	int value_slot, event_slot;
	int nb, na, width;
	/* the last NB days' values, by day modulo NB */
	long *hday;
	double *hval;
	/* open events, oldest first */
	pend *p;
	size_t np, pcap;
	/* days not yet known to be in or out of every window */
	long *qday;
	double *qval;
	char *qin;
	size_t nq, qcap;
	long after_until;	/* the last day of the last event's after-window */
	int have_after;
} evstate;

/*
 * The mean of the N values of V that are not NaN (their count into *K),
 * summed in long double and corrected by a second pass.  Window means are
 * then the same double whatever the order of the days, so that equal
 * windows tie exactly in the rank tests, as they do in R's mean().
 */
static double
window_mean(const double *v, int n, int *k)
{
	long double s = 0, t = 0;
	int m = 0;

	for (int i = 0; i < n; i++)
		if (!isnan(v[i])) {
			s += v[i];
			m++;
		}
	*k = m;
	if (m == 0)
		return NAN;
	s /= m;
	for (int i = 0; i < n; i++)
		if (!isnan(v[i]))
			t += v[i] - s;
	return (double)(s + t / m);
}

static void
finish_event(run *s, evstate *e, pend *p)
{
	int nb, na;
	double mb = window_mean(p->v, e->nb, &nb);
	double ma = window_mean(p->v + e->nb + 1, e->na, &na);

	if (!p->counts)
		return;
	if (2 * nb < e->nb || 2 * na < e->na) {
		s->skipped++;
		return;
	}
	combo_select(s, p->combo);
	if (s->o->profile) {
		for (size_t i = 0; i <= s->ngsel; i++) {
			group *g = &s->g[i ? s->gsel[i - 1] : 0];

			for (int k = 0; k < e->width; k++)
				if (!isnan(p->v[k]))
					vec_add(&g->prof[k], p->v[k]);
			g->nprof++;
		}
		return;
	}
	if (s->store)
		store_pair(s, p->combo, p->day, mb, ma);
	else
		add_pair(s, (double)s->gen, (double)p->day, mb, ma);
}

static void
decide_baseline(run *s, evstate *e, long upto)
{
	size_t k = 0;

	while (k < e->nq && e->qday[k] < upto) {
		if (!e->qin[k]) {
			s->base_sum += e->qval[k];
			s->base_n++;
		}
		k++;
	}
	if (k) {
		memmove(e->qday, e->qday + k, (e->nq - k) * sizeof *e->qday);
		memmove(e->qval, e->qval + k, (e->nq - k) * sizeof *e->qval);
		memmove(e->qin, e->qin + k, (e->nq - k) * sizeof *e->qin);
		e->nq -= k;
	}
}

/* Closes the events whose after-window ends before day UPTO. */
static void
finish_events(run *s, evstate *e, long upto)
{
	size_t k = 0;

	while (k < e->np && e->p[k].day + e->na < upto) {
		finish_event(s, e, &e->p[k]);
		k++;
	}
	if (k == 0)
		return;
	for (size_t i = 0; i < k; i++)
		free(e->p[i].v);
	memmove(e->p, e->p + k, (e->np - k) * sizeof *e->p);
	e->np -= k;
}

static void
end_subject(run *s, evstate *e)
{
	finish_events(s, e, LONG_MAX - MAX_WINDOW - 2);
	decide_baseline(s, e, LONG_MAX);
	for (int k = 0; k < e->nb; k++)
		e->hday[k] = LONG_MIN;
	e->have_after = 0;
	s->have_prev = 0;
}

static void
event_row(run *s, evstate *e, const ease_dayreader *r, const ease_dayrow *row)
{
	long d = row->day;
	double v = row->v[e->value_slot], ev = row->v[e->event_slot];
	int inwin = ease_day_in_window(r, d);

	if (row->group_start) {
		end_subject(s, e);
		s->gen++;
	}
	/* days after --until are as good as absent: the data end there */
	if (s->c->has_until && d > s->c->until)
		return;
	finish_events(s, e, d);
	decide_baseline(s, e, d - e->nb);
	if (!isnan(v)) {
		for (size_t i = 0; i < e->np; i++)
			e->p[i].v[e->nb + (d - e->p[i].day)] = v;
		if (inwin) {
			size_t oc = e->qcap;

			ease_grow((void **)&e->qday, &e->qcap, e->nq + 1, sizeof *e->qday);
			/* the other two follow when the first grows, not on every day */
			if (e->qcap != oc) {
				e->qval = ease_xrealloc(e->qval, e->qcap * sizeof *e->qval);
				e->qin = ease_xrealloc(e->qin, e->qcap);
			}
			e->qday[e->nq] = d;
			e->qval[e->nq] = v;
			e->qin[e->nq++] = e->have_after && d <= e->after_until;
		}
	}
	if (ev > 0) {
		pend *p;

		/* the days before it are in its window, the day itself in none */
		for (size_t i = 0; i < e->nq; i++)
			if (e->qday[i] >= d - e->nb)
				e->qin[i] = 1;
		e->have_after = 1;
		e->after_until = d + e->na;
		ease_grow((void **)&e->p, &e->pcap, e->np + 1, sizeof *e->p);
		p = &e->p[e->np++];
		p->day = d;
		p->counts = inwin;
		p->v = ease_xmalloc((size_t)e->width * sizeof *p->v);
		for (int k = 0; k < e->width; k++)
			p->v[k] = NAN;
		for (int k = 0; k < e->nb; k++) {
			long hd = d - e->nb + k;
			int slot = (int)(((hd % e->nb) + e->nb) % e->nb);

			if (e->hday[slot] == hd)
				p->v[k] = e->hval[slot];
		}
		p->v[e->nb] = v;
		p->combo = row_groups(s, row->rec);
		if (inwin)
			s->events++;
	}
	if (!isnan(v)) {
		int slot = (int)(((d % e->nb) + e->nb) % e->nb);

		e->hday[slot] = d;
		e->hval[slot] = v;
	}
}

/* ---- the rows ---- */

static const char *const head_cmp[] = {
	"group", "design", "measure", "n_before", "n_after", "before_mean",
	"after_mean", "diff", "ci_low", "ci_high", "pct_change", "t", "df", "p_t",
	"rank_stat", "p_rank", "effect", "effect_kind", "improved", "nap",
	"nap_ci_low", "nap_ci_high", "tau_u", "r1", "p_adj", "p_holm",
	"baseline_mean", "baseline_n", "category", "clinically_important", NULL
};
static const char *const head_prof[] = {
	"group", "offset", "n", "mean", "ci_low", "ci_high", NULL
};

static void
write_head(run *s, const char *const *h)
{
	/* late, so that a run that fails has written nothing */
	if (s->head_done || s->o->explain || s->o->result)
		return;
	s->head_done = 1;
	for (; *h; h++)
		ease_w_str(s->w, *h);
	ease_w_end(s->w);
}

static void
w_count(ease_writer *w, size_t v)
{
	char num[24];

	ease_fmt_uint((unsigned long long)v, num);
	ease_w_str(w, num);
}

static const char *
design_name(int d)
{
	static const char *const n[] = {"", "event", "pairs", "split", "factor", "its"};

	return n[d];
}

static int
paired(const run *s)
{
	return s->o->design == EASE_PP_EVENT || s->o->design == EASE_PP_PAIRS;
}

static double
plain_mean(const vec *v)
{
	double m = 0;

	for (size_t i = 0; i < v->n; i++)
		m += (v->v[i] - m) / (double)(i + 1);
	return v->n ? m : NAN;
}

/*
 * Tau-U of each subject's own phases, combined by inverse variance: a
 * baseline trend is a trend within one person's days, never across the
 * end of one subject's and the start of the next's.  The variance is that
 * of Tau-U's S under no effect: S = S_AB - S_A is Kendall's S of the values
 * against x = (m, m-1, ..., 1, then m+1 for all of B), so
 * Var S = (N(N-1)(2N+5) - n(n-1)(2n+5)) / 18 with N = m + n (the n tied x
 * of B), and Var Tau-U = Var S / (m n)^2.  It depends on m and n only, so
 * the result does not depend on the order of the subjects.
 * In the split's samples, g->sub holds the subject of each before day and
 * g->ord that of each after day.
 */
static double
tau_u_subjects(const run *s, const group *g)
{
	double sw = 0, swt = 0;
	size_t i = 0, j = 0;

	while (i < g->bef.n || j < g->aft.n) {
		double sub = i < g->bef.n && (j >= g->aft.n || g->sub.v[i] <= g->ord.v[j]) ?
			     g->sub.v[i] : g->ord.v[j];
		size_t i0 = i, j0 = j;
		double m, n, N, var, tau;

		while (i < g->bef.n && g->sub.v[i] == sub)
			i++;
		while (j < g->aft.n && g->ord.v[j] == sub)
			j++;
		if (i == i0 || j == j0)
			continue;	/* a subject with one phase has no contrast */
		m = (double)(i - i0);
		n = (double)(j - j0);
		N = m + n;
		var = (N * (N - 1) * (2 * N + 5) - n * (n - 1) * (2 * n + 5)) / 18 / (m * n * m * n);
		tau = ease_tau_u(g->bef.v + i0, (size_t)m, g->aft.v + j0, (size_t)n, s->lower);
		sw += 1 / var;
		swt += tau / var;
	}
	return sw > 0 ? swt / sw : NAN;
}

/*
 * The split as a regression with AR(1) errors over calendar days: a level
 * per subject and the change from the split on, y ~ subject + post.  phi
 * and sigma are those of R nlme::gls(correlation = corAR1(form = ~ day |
 * subject)) (REML); the change is the least-squares one (for one subject
 * the difference of the means), its variance that of least squares under
 * those AR(1) errors.  The GLS estimate itself can stray far from the
 * difference of the means when phi is near 1 (it then reads the jump at
 * the split), which a reader comparing the two means cannot follow.  The
 * change, its interval and p_adj go together; r1 gets phi.  Nothing when
 * the model cannot be fitted.
 */
static void
split_gls(run *s, group *g)
{
	size_t n = s->sy.n, nsub = 0, p;
	long *day, *blk;
	double *x;
	ease_gls f0, f;

	g->t.ci_lo = g->t.ci_hi = g->p_adj = g->r1 = NAN;
	if (n == 0)
		return;
	blk = ease_xmalloc(n * sizeof *blk);
	day = ease_xmalloc(n * sizeof *day);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || s->ssub.v[i] != s->ssub.v[i - 1])
			nsub++;
		blk[i] = (long)nsub - 1;
		day[i] = (long)s->sday.v[i];
	}
	p = nsub + 1;
	if (p > EASE_GLS_MAXP) {
		ease_warn("--split: more than %d subjects: no model (no interval, no p_adj)",
			  EASE_GLS_MAXP - 1);
		free(blk);
		free(day);
		return;
	}
	x = ease_xcalloc(n * p, sizeof *x);
	for (size_t i = 0; i < n; i++) {
		x[i * p + (size_t)blk[i]] = 1;
		x[i * p + nsub] = s->spost.v[i];
	}
	/* a subject all on one side has its level, nothing for the change */
	if (ease_gls_ar1(x, s->sy.v, day, blk, n, p, EASE_GLS_REML, &f0) &&
	    ease_ols_ar1(x, s->sy.v, day, blk, n, p, &f0, &f)) {
		g->diff = f.b[nsub];
		g->t.ci_lo = f.ci_lo[nsub];
		g->t.ci_hi = f.ci_hi[nsub];
		g->p_adj = f.p_val[nsub];
		g->r1 = f.phi;
		g->adj.se = f.se[nsub];
		g->adj.df = f.df;
	} else if (f0.exact) {
		/* no spread to judge it by: no interval, no p; a change of rounding size is none */
		g->diff = f0.b[nsub];
		if (fabs(g->diff) <= 1e-12 * (fabs(g->mb) + fabs(g->ma)))
			g->diff = 0;
	}
	else
		g->diff = NAN;
	free(x);
	free(blk);
	free(day);
}

static void
compute_independent(run *s, group *g)
{
	double r1 = ease_comom_r_pooled(s->r1g, 2);

	ease_ttest_welch(g->aft.v, g->aft.n, g->bef.v, g->bef.n, &g->t);
	ease_ranksum(g->aft.v, g->aft.n, g->bef.v, g->bef.n, &g->rk);
	ease_nap_ab(g->bef.v, g->bef.n, g->aft.v, g->aft.n, s->lower, &g->nap);
	g->tau_u = s->o->design == EASE_PP_SPLIT ? tau_u_subjects(s, g) : NAN;
	g->r1 = r1;
	g->improved = NAN;
	ease_ttest_adjust(&g->t, n_eff_mean((double)g->aft.n, r1),
			  n_eff_mean((double)g->bef.n, r1), &g->adj);
	g->p_adj = g->adj.p;
	g->p_holm = g->p_adj;
	g->mb = plain_mean(&g->bef);
	g->ma = plain_mean(&g->aft);
	g->diff = g->ma - g->mb;
	/*
	 * The split's change, interval and p_adj from one model with AR(1)
	 * errors; r1 is then its phi.  On simulated diaries this interval
	 * covered the truth 93.7 % of the time, the n_eff one 92.8 %.
	 */
	if (s->o->design == EASE_PP_SPLIT) {
		split_gls(s, g);
		/* the interval and p said are the model's */
		g->adj.ci_lo = g->t.ci_lo;
		g->adj.ci_hi = g->t.ci_hi;
		g->adj.p = g->p_holm = g->p_adj;
	}
}

static const group *sort_g;

static int
by_subject_day_at(const group *g, size_t i, size_t j)
{
	const double *su = g->sub.v, *od = g->ord.v;

	if (su[i] != su[j])
		return su[i] < su[j] ? -1 : 1;
	if (od[i] != od[j])
		return od[i] < od[j] ? -1 : 1;
	return (i > j) - (i < j);
}

static int
by_subject_day(const void *a, const void *b)
{
	return by_subject_day_at(sort_g, *(const size_t *)a, *(const size_t *)b);
}

/*
 * The lag-1 autocorrelation of the differences, pooled: each subject's
 * pairs in day order, and the Pearson r of every difference with the next
 * one of the same subject.  Sorting first makes it the same however the
 * rows of several subjects are interleaved; a subject's last pair is never
 * followed by another subject's first.
 */
static double
paired_r1(const group *g)
{
	size_t n = g->bef.n, *ix = ease_xmalloc((n + 1) * sizeof *ix);
	double *t = ease_xmalloc((n + 1) * sizeof *t), *dif = ease_xmalloc((n + 1) * sizeof *dif);
	double r;

	int sorted = 1;

	for (size_t i = 0; i < n; i++) {
		ix[i] = i;
		if (i && sorted && by_subject_day_at(g, i - 1, i) > 0)
			sorted = 0;
	}
	sort_g = g;
	/* the sessions of a day table come in order: no sort then */
	if (!sorted)
		qsort(ix, n, sizeof *ix, by_subject_day);
	for (size_t k = 0; k < n; k++) {
		size_t i = ix[k];

		dif[k] = g->aft.v[i] - g->bef.v[i];
		/* a gap of 2 between subjects: ease_lag1_r pairs only t, t + 1 */
		t[k] = k == 0 ? 0 : t[k - 1] + (g->sub.v[i] == g->sub.v[ix[k - 1]] ? 1 : 2);
	}
	r = ease_lag1_r(t, dif, n);
	free(ix);
	free(t);
	free(dif);
	return r;
}

/*
 * Group G's samples made from the store: "all" lends the store's means, a
 * group of --by gets a copy of its sessions' (and, for --compare, whether
 * each is in other groups too).  In the same pass, in the order read (by
 * subject, then day, as paired_r1 sorts), the lag-1 r of the differences
 * into *R1 and every_days() into g->every.  Returns 0 when the sessions
 * are out of that order: the caller then makes sub and ord for paired_r1.
 */
static int
store_samples(run *s, group *g, double *r1)
{
	size_t gi = (size_t)(g - s->g), m = 0, j = 0;
	char *in = ease_xcalloc(s->ncombo + 1, 1);
	ease_comom c;
	double prev_dif = 0, prev_sub = 0, prev_day = 0, span = 0, lo = 0, hi = 0;
	size_t gaps = 0, k = 0;
	int sorted = 1;

	for (size_t i = 0; i < s->ncombo; i++) {
		in[i] = gi == 0;
		for (size_t t = 0; t < s->combo_n[i]; t++)
			in[i] |= s->combo_grp[s->combo_off[i] + t] == gi;
	}
	if (gi == 0) {
		g->bef.v = s->st_bef;
		g->aft.v = s->st_aft;
		g->bef.n = g->aft.n = s->sn;
	} else {
		for (size_t i = 0; i < s->sn; i++)
			m += in[s->st_combo[i]];
		g->bef.v = ease_xmalloc((m + 1) * sizeof *g->bef.v);
		g->aft.v = ease_xmalloc((m + 1) * sizeof *g->aft.v);
		g->bef.cap = g->aft.cap = m + 1;
		if (s->o->compare) {
			g->multi.v = ease_xmalloc((m + 1) * sizeof *g->multi.v);
			g->multi.cap = m + 1;
		}
		m = 0;
		for (size_t i = 0; i < s->sn; i++) {
			if (!in[s->st_combo[i]])
				continue;
			g->bef.v[m] = s->st_bef[i];
			g->aft.v[m] = s->st_aft[i];
			if (s->o->compare)
				g->multi.v[m] = s->combo_n[s->st_combo[i]] > 1;
			m++;
		}
		g->bef.n = g->aft.n = m;
		if (s->o->compare)
			g->multi.n = m;
	}
	memset(&c, 0, sizeof c);
	for (size_t i = 0; i < s->sn; i++) {
		double dif, sub, day;

		while (j + 1 < s->nsubj && s->subj_first[j + 1] <= i)
			j++;
		if (!in[s->st_combo[i]])
			continue;
		dif = s->st_aft[i] - s->st_bef[i];
		sub = s->subj_gen[j];
		day = (double)s->st_day[i];
		if (k && (sub < prev_sub || (sub == prev_sub && day < prev_day)))
			sorted = 0;
		if (k && sub == prev_sub)
			ease_comom_add(&c, prev_dif, dif);
		/* every_days(), over the same sessions in the same order */
		if (k && sub != prev_sub) {
			span += hi - lo;
			gaps += k - 1;
			k = 0;
		}
		if (k == 0 || day < lo)
			lo = day;
		if (k == 0 || day > hi)
			hi = day;
		prev_dif = dif;
		prev_sub = sub;
		prev_day = day;
		k++;
	}
	span += hi - lo;
	gaps += k ? k - 1 : 0;
	g->every = g->bef.n < 2 || !gaps ? NAN : span / (double)gaps;
	*r1 = ease_comom_r(&c);
	free(in);
	return sorted;
}

/* Out of order: each session's subject and day for paired_r1, which sorts. */
static void
store_order(run *s, group *g)
{
	size_t gi = (size_t)(g - s->g), j = 0;

	g->sub.n = g->ord.n = 0;
	for (size_t i = 0; i < s->sn; i++) {
		const size_t *p = s->combo_grp + s->combo_off[s->st_combo[i]];
		int in = gi == 0;

		while (j + 1 < s->nsubj && s->subj_first[j + 1] <= i)
			j++;
		for (size_t t = 0; t < s->combo_n[s->st_combo[i]] && !in; t++)
			in = p[t] == gi;
		if (!in)
			continue;
		vec_add(&g->sub, s->subj_gen[j]);
		vec_add(&g->ord, (double)s->st_day[i]);
	}
}

/*
 * After a group is computed only its counts are read again, and --compare's
 * differences: the samples go (those "all" lent go back to the store).
 */
static void
store_release(run *s, group *g)
{
	free(g->sub.v);
	free(g->ord.v);
	g->sub.v = g->ord.v = NULL;
	if (g == &s->g[0]) {
		g->bef.v = g->aft.v = NULL;
		return;
	}
	if (s->o->compare)
		return;
	free(g->bef.v);
	free(g->aft.v);
	g->bef.v = g->aft.v = NULL;
}

static void
compute(run *s, group *g)
{
	size_t n = g->bef.n;
	double r1d = NAN;

	if (!paired(s)) {
		compute_independent(s, g);
		return;
	}
	if (s->store && !store_samples(s, g, &r1d))
		store_order(s, g);
	n = g->bef.n;
	ease_ttest_paired(g->aft.v, g->bef.v, n, &g->t);
	ease_signrank(g->aft.v, g->bef.v, n, &g->rk);
	/* NAP is Parker & Vannest's statistic of two phases; a pair improves or not */
	g->improved = ease_nap_paired(g->aft.v, g->bef.v, n, s->lower);
	g->nap.nap = g->nap.ci_lo = g->nap.ci_hi = g->nap.se = NAN;
	g->tau_u = NAN;
	/* the r1 that p_adj uses: of the differences, in date order */
	if (!s->store || g->sub.v)
		r1d = paired_r1(g);
	ease_ttest_adjust(&g->t, n_eff_mean((double)n, r1d), 0, &g->adj);
	g->p_adj = g->adj.p;
	g->r1 = r1d;
	g->p_holm = g->p_adj;
	g->mb = n ? g->t.mean_y : NAN;
	g->ma = n ? g->t.mean_x : NAN;
	g->diff = n ? g->t.diff : NAN;
	if (s->store)
		store_release(s, g);
}

/*
 * Improvement in percent of B and in points, better > 0, for IMMPACT's
 * thresholds. Rounded to 1e-9: a model's estimate of a change of exactly 2
 * points (or 30 %) in the data comes out 1.9999999999999998 as often as
 * 2.0000000000000004, and the change in the data decides.
 */
static void
change(double d, double b, int lower, double *pct, double *pts)
{
	*pts = lower ? -d : d;
	*pct = b != 0 ? round(1e9 * (100 * *pts / fabs(b))) / 1e9 : NAN;
	*pts = round(1e9 * *pts) / 1e9;
}

static void
improvement(const run *s, const group *g, double *pct, double *pts)
{
	change(g->diff, g->mb, s->lower, pct, pts);
}

int
ease_prepost_important(double diff, double before_mean, int lower)
{
	double pct, pts;

	change(diff, before_mean, lower, &pct, &pts);
	/* a before mean of 0 has no percentage (NaN): the points alone decide */
	return pct >= 30 || pts >= 2;
}

static const char *
category(const run *s, const group *g)
{
	double pct, pts;

	if (!s->pain_like)
		return "";
	improvement(s, g, &pct, &pts);
	if (isnan(pct))
		return "";
	if (pct >= 50)
		return "substantial";
	if (pct >= 30)
		return "moderate";
	if (pct >= 10)
		return "minimal";
	if (pct <= -10)
		return "worse";
	return "none";
}

static const char *
important(const run *s, const group *g)
{
	double pct, pts;

	if (!s->pain_like)
		return "";
	improvement(s, g, &pct, &pts);
	if (isnan(pts))
		return "";
	return ease_prepost_important(g->diff, g->mb, s->lower) ? "yes" : "no";
}

static double
baseline_mean(const run *s)
{
	if (s->o->design != EASE_PP_EVENT || s->base_n == 0)
		return NAN;
	return s->base_sum / (double)s->base_n;
}

/*
 * Whether the days before the events were worse than the days away from any
 * (by a point, or 15 %): sessions booked on bad days, so part of the change
 * can be regression to the mean.
 */
static int
rtm(const run *s, const group *g)
{
	double base = baseline_mean(s), worse;

	if (isnan(base) || isnan(g->mb))
		return 0;
	worse = s->lower ? g->mb - base : base - g->mb;
	return worse >= 1 || (base != 0 && worse >= 0.15 * fabs(base));
}

/* The count the rule needs: sessions, or the days of the smaller side. */
static size_t
rule_n(const run *s, const group *g)
{
	if (paired(s))
		return g->bef.n;
	return g->bef.n < g->aft.n ? g->bef.n : g->aft.n;
}

static void
write_row(run *s, const group *g)
{
	int dg = s->c->digits;
	ease_writer *w = s->w;
	double b = g->mb;
	int has = !isnan(g->diff);

	ease_w_str(w, g->name);
	ease_w_str(w, design_name(s->o->design));
	ease_w_str(w, s->measure);
	w_count(w, g->bef.n);
	w_count(w, g->aft.n);
	ease_w_num(w, g->mb, dg);
	ease_w_num(w, g->ma, dg);
	ease_w_num(w, g->diff, dg);
	ease_w_num(w, g->adj.ci_lo, dg);
	ease_w_num(w, g->adj.ci_hi, dg);
	ease_w_num(w, has && b != 0 ? 100 * g->diff / b : NAN, dg);
	ease_w_num(w, g->t.t, dg);
	ease_w_num(w, isnan(g->t.t) ? NAN : g->t.df, dg);
	ease_w_num(w, g->t.p, dg);
	ease_w_num(w, g->rk.method == EASE_P_NONE ? NAN : g->rk.stat, dg);
	ease_w_num(w, g->rk.p, dg);
	ease_w_num(w, g->t.effect, dg);
	ease_w_str(w, isnan(g->t.effect) ? "" :
		   g->t.kind == EASE_T_WELCH ? "hedges_g" : "d_z");
	ease_w_num(w, g->improved, dg);
	ease_w_num(w, g->nap.nap, dg);
	ease_w_num(w, g->nap.ci_lo, dg);
	ease_w_num(w, g->nap.ci_hi, dg);
	ease_w_num(w, g->tau_u, dg);
	ease_w_num(w, g->r1, dg);
	ease_w_num(w, g->p_adj, dg);
	ease_w_num(w, g->p_holm, dg);
	ease_w_num(w, baseline_mean(s), dg);
	if (s->o->design == EASE_PP_EVENT)
		w_count(w, (size_t)s->base_n);
	else
		ease_w_str(w, "");
	ease_w_str(w, has ? category(s, g) : "");
	ease_w_str(w, has ? important(s, g) : "");
	ease_w_end(w);
}

/* ---- sentences ---- */

/* "Swedish massage", "acupressure", "a massage session". */
static void
what(const run *s, const group *g, int all, char *buf, size_t n)
{
	size_t l = strlen(g->name);

	if (all)
		snprintf(buf, n, "a %s session", s->o->event ? s->o->event : "massage");
	else if (!s->by_tech)
		snprintf(buf, n, "a session of %s %s", s->o->by, g->name);
	else if (ease_tech_known(g->name, l) == EASE_TECH_ACUPRESSURE ||
		 ease_tech_suffix(g->name, l) > 0)
		snprintf(buf, n, "%s", g->name);
	else
		snprintf(buf, n, "%s massage", g->name);
}

/*
 * The phrases of a design's sentence: LEAD opens a shown effect ("In the 3
 * days after Swedish massage"), AFTER and BEFORE name the two sides ("in
 * the 3 days after", "in the 3 days before"), CAUSE what may have an effect.
 */
static void
phrases(const run *s, const group *g, int all, char *lead, char *after,
	char *before, char *cause, size_t n)
{
	const ease_prepost_opts *o = s->o;
	char t[400];

	switch (o->design) {
	case EASE_PP_EVENT:
		what(s, g, all, t, sizeof t);
		snprintf(cause, n, "%s", t);
		snprintf(after, n, "in the %d day%s after", o->after, o->after == 1 ? "" : "s");
		snprintf(before, n, "in the %d day%s before", o->before, o->before == 1 ? "" : "s");
		snprintf(lead, n, "In the %d day%s after %s", o->after,
			 o->after == 1 ? "" : "s", t);
		break;
	case EASE_PP_PAIRS:
		what(s, g, all, t, sizeof t);
		snprintf(cause, n, "%s", all ? "a session" : t);
		snprintf(after, n, "after");
		snprintf(before, n, "before");
		snprintf(lead, n, "After %s", all ? "a session" : t);
		break;
	case EASE_PP_SPLIT:
		if (o->at_first) {
			snprintf(cause, n, "the first %s session", o->event);
			snprintf(lead, n, "From the first %s session on", o->event);
			snprintf(before, n, "before the first %s session", o->event);
		} else {
			char d[16];

			ease_fmt_date(o->at, d);
			snprintf(cause, n, "what changed on %s", d);
			snprintf(lead, n, "From %s on", d);
			snprintf(before, n, "before %s", d);
		}
		snprintf(after, n, "from then on");
		break;
	default:	/* factor */
		snprintf(cause, n, "%s", o->factor);
		snprintf(before, n, "on days without %s", o->factor);
		if (o->lag == 0)
			snprintf(after, n, "on days with %s", o->factor);
		else
			snprintf(after, n, "%d day%s after a day with %s", o->lag,
				 o->lag == 1 ? "" : "s", o->factor);
		snprintf(lead, n, "%c%s", after[0] - 32 * (after[0] >= 'a' && after[0] <= 'z'),
			 after + 1);
		break;
	}
}

/* "adjusted p = 0.012", with Holm's where several groups are read at once. */
static void
p_words(const run *s, const group *g, int all, char *buf, size_t n)
{
	size_t l;

	if (isnan(g->p_adj)) {
		snprintf(buf, n, "no adjusted p: %s",
			 isnan(g->r1) ? "the day-to-day correlation cannot be measured" :
			 "too few independent values once day-to-day correlation is allowed for");
		return;
	}
	if (g->p_adj < 0.001)
		snprintf(buf, n, "adjusted p < 0.001");
	else
		snprintf(buf, n, "adjusted p = %.2g", g->p_adj);
	l = strlen(buf);
	if (!all && s->ng > 2 && !isnan(g->p_holm))
		snprintf(buf + l, n - l, ", Holm-corrected for %zu %s: %s%.2g", s->ng - 1,
			 s->by_tech ? "techniques" : "groups",
			 g->p_holm < 0.001 ? "< " : "", g->p_holm < 0.001 ? 0.001 : g->p_holm);
}

/*
 * A session every how many days, over the pairs' days (the event design):
 * NaN when it cannot be said.
 */
static double
every_days(const run *s, const group *g)
{
	double span = 0, lo = 0, hi = 0, sub = 0;
	size_t gaps = 0, k = 0;

	if (s->o->design != EASE_PP_EVENT || g->bef.n < 2)
		return NAN;
	if (s->store)
		return g->every;
	for (size_t i = 0; i < g->ord.n; i++) {
		if (k && g->sub.v[i] != sub) {
			span += hi - lo;
			gaps += k - 1;
			k = 0;
		}
		if (k == 0 || g->ord.v[i] < lo)
			lo = g->ord.v[i];
		if (k == 0 || g->ord.v[i] > hi)
			hi = g->ord.v[i];
		sub = g->sub.v[i];
		k++;
	}
	span += hi - lo;
	gaps += k - 1;
	return gaps ? span / (double)gaps : NAN;
}

/* "5 more sessions (about 3 weeks at the current rate)" */
static void
more_words(const run *s, const group *g, size_t more, char *buf, size_t n)
{
	double every = more >= 1000 ? NAN : every_days(s, g);
	char w[64] = "";

	if (!isnan(every) && every > 0) {
		double weeks = (double)more * every / 7;

		/* beyond ten years a count of weeks says nothing more */
		if (weeks <= 520)
			snprintf(w, sizeof w, " (about %.0f week%s at the current rate)",
				 weeks < 1 ? 1 : weeks, weeks < 1.5 ? "" : "s");
	}
	if (paired(s))
		snprintf(buf, n, "%zu more session%s%s", more, more == 1 ? "" : "s", w);
	else if (s->o->design == EASE_PP_SPLIT)
		snprintf(buf, n, "%zu more day%s recorded from now on", more, more == 1 ? "" : "s");
	else
		snprintf(buf, n, "%zu more day%s with %s", more, more == 1 ? "" : "s", s->o->factor);
}

/*
 * Power in words, from the model of p_adj: how many more sessions (days) at
 * the same spread and the same share n_eff/n would bring p_adj below 0.05
 * for a change of the estimated size; on a 0-10 scale with an estimate
 * under 1 point, also whether a change of 1 point is already ruled out.
 */
static void
power_words(const run *s, const group *g, char *buf, size_t n)
{
	double size = fabs(g->diff), fx, fy = 0;
	double alpha = ease_infer_alpha(g->p_adj, g->p_holm);
	size_t more, have = paired(s) ? g->bef.n : g->aft.n, limit, l;
	char d[48], mw[400];

	buf[0] = '\0';
	if (isnan(g->p_adj) || isnan(size) || size == 0 || g->t.n_x == 0)
		return;
	fx = g->adj.n_eff_x / (double)g->t.n_x;
	if (!paired(s))
		fy = g->adj.n_eff_y / (double)g->t.n_y;
	limit = 20 * have < 1000 ? 1000 : 20 * have;
	/* the split's model is GLS: its SE shrinking with more days after */
	more = s->o->design == EASE_PP_SPLIT ?
	       ease_infer_more_se(size, g->adj.se, g->adj.df, g->aft.n, limit, alpha) :
	       ease_infer_more(&g->t, size, fx, fy, limit, alpha);
	ease_fmt_dec1(size, d);
	if (*s->unit)
		snprintf(d + strlen(d), sizeof d - strlen(d), " %s", s->unit);
	if (more == EASE_INFER_NEVER || more == 0) {
		more_words(s, g, limit, mw, sizeof mw);
		snprintf(buf, n, " Even %s would not show a change as small as %s, at the present spread and day-to-day correlation.",
			 mw, d);
	} else {
		more_words(s, g, more, mw, sizeof mw);
		snprintf(buf, n, " About %s would show a change of this size (%s), if it held, at the present spread and day-to-day correlation.",
			 mw, d);
	}
	if (strcmp(s->unit, "points") != 0 || size >= 1)
		return;
	l = strlen(buf);
	if (g->adj.ci_lo > -1 && g->adj.ci_hi < 1)
		snprintf(buf + l, n - l, " The 95 %% CI already rules out a change of 1 point either way.");
	else {
		more = s->o->design == EASE_PP_SPLIT ?
		       ease_infer_more_se(1, g->adj.se, g->adj.df, g->aft.n, limit, alpha) :
		       ease_infer_more(&g->t, 1, fx, fy, limit, alpha);
		if (more != EASE_INFER_NEVER && more > 0) {
			more_words(s, g, more, mw, sizeof mw);
			snprintf(buf + l, n - l, " A change of 1 point would show after about %s.", mw);
		}
	}
}

/* The sentence of a row, as --explain writes it and ease-report quotes it. */
static void
explain_line(const run *s, const group *g, int all, char *line, size_t nline)
{
	char lead[480], aft[480], bef[480], cause[480];
	char b[48], a[48], d[48], lo[48], hi[48], p[160], tail[600], pc[48], catw[64] = "";
	char pw[1024];
	double base = baseline_mean(s);
	double pct, pts;
	const char *cat = category(s, g), *m = s->word;
	const char *unit = paired(s) ? "session" : "day";
	size_t n = rule_n(s, g);
	int shown = ease_infer_shown(g->verdict);

	phrases(s, g, all, lead, aft, bef, cause, sizeof lead);
	if (isnan(g->diff)) {
		snprintf(line, nline,
			 "The data do not show an effect of %s on %s yet: too few %ss with %s recorded.",
			 cause, m, unit, m);
		return;
	}
	improvement(s, g, &pct, &pts);
	p_words(s, g, all, p, sizeof p);
	ease_fmt_dec1(g->mb, b);
	ease_fmt_dec1(g->ma, a);
	ease_fmt_dec1(fabs(g->diff), d);
	{
		char count[96];

		if (paired(s))
			snprintf(count, sizeof count, "%zu session%s", n, n == 1 ? "" : "s");
		else
			/* in the order of the means: before, then after */
			snprintf(count, sizeof count, "%zu days against %zu", g->bef.n, g->aft.n);
		if (isnan(g->adj.ci_lo) && isnan(g->p_adj) && g->bef.n >= 2 &&
		    (paired(s) || g->aft.n >= 2) && !isnan(g->t.t))
			/* the p part says why there is no adjusted p: once is enough */
			snprintf(tail, sizeof tail, "no 95 %% CI; %s", count);
		else if (isnan(g->adj.ci_lo))
			snprintf(tail, sizeof tail, "no 95 %% CI: %s; %s",
				 g->bef.n < 2 || (!paired(s) && g->aft.n < 2) ? "too few values" :
				 isnan(g->t.t) ? (paired(s) ? "every session changed it alike" :
						  "no spread") :
				 "no adjusted p", count);
		else
			snprintf(tail, sizeof tail, "95 %% CI %s to %s; %s",
				 ease_fmt_dec1(g->adj.ci_lo, lo), ease_fmt_dec1(g->adj.ci_hi, hi), count);
	}
	if (isnan(pct) || g->mb == 0)
		pc[0] = '\0';
	else {
		double r = 100 * g->diff / g->mb;

		snprintf(pc, sizeof pc, ", %s%.0f %%",
			 r <= -0.5 ? "\xe2\x88\x92" : r >= 0.5 ? "+" : "", fabs(r));
	}
	if (shown && *cat)
		snprintf(catw, sizeof catw, ", %s",
			 strcmp(cat, "worse") == 0 ? "a worsening" :
			 strcmp(cat, "none") == 0 ? "no meaningful change" :
			 strcmp(cat, "minimal") == 0 ? "a minimal improvement" :
			 strcmp(cat, "moderate") == 0 ? "a moderate improvement" :
			 "a substantial improvement");
	pw[0] = '\0';
	if (shown)
		snprintf(line, nline,
			 "%s your %s %s %s%s%s %s than %s (%s \xe2\x86\x92 %s%s%s; %s; %s).",
			 lead, m, s->verb, d, *s->unit ? " " : "", s->unit,
			 g->diff < 0 ? "lower" : "higher", bef, b, a, pc, catw, tail, p);
	else if (g->verdict == EASE_INFER_NO_P)
		/* no adjusted p: an unadjusted one would claim too much */
		snprintf(line, nline,
			 "The data cannot tell yet whether %s changes %s: %s %s, %s %s (%s; %s).",
			 cause, m, b, bef, a, aft, tail, p);
	else {
		snprintf(line, nline,
			 "The data do not show an effect of %s on %s yet: %s %s, %s %s (%s; %s%s).",
			 cause, m, b, bef, a, aft, tail, p,
			 n < EASE_INFER_MIN_N ?
			 (paired(s) ? "; at least 5 sessions are needed" :
				      "; at least 5 days on each side are needed") : "");
		if (n >= EASE_INFER_MIN_N)
			power_words(s, g, pw, sizeof pw);
	}
	if (*pw) {
		size_t l = strlen(line);

		snprintf(line + l, nline - l, "%s", pw);
	}
	if (rtm(s, g)) {
		size_t l = strlen(line);

		snprintf(line + l, nline - l,
			 " Your %s %s already %s than usual before the sessions (%s against %s on days away from any session): sessions were booked on bad days, so part of the change can be regression to the mean.",
			 m, s->verb, s->lower ? "higher" : "lower", b, ease_fmt_dec1(base, lo));
	}
}

static void
explain(run *s, const group *g, int all)
{
	char line[4096];

	explain_line(s, g, all, line, sizeof line);
	ease_w_str(s->w, line);
	ease_w_end(s->w);
}

/* ---- output ---- */

static int
cmp_group(const void *a, const void *b, void *ctx)
{
	const group *x = *(const group *const *)a, *y = *(const group *const *)b;
	int lower = *(const int *)ctx;
	double dx = x->diff, dy = y->diff;

	if (lower) {
		dx = -dx;
		dy = -dy;
	}
	if (isnan(dx) != isnan(dy))
		return isnan(dx) ? 1 : -1;
	if (!isnan(dx) && dx != dy)
		return dx > dy ? -1 : 1;
	return (x > y) - (x < y);	/* the order first met */
}

/* qsort has no context: groups are sorted by insertion, they are few. */
static void
sort_groups(group **v, size_t n, int lower)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && cmp_group(&v[j - 1], &v[j], &lower) > 0; j--) {
			group *t = v[j - 1];

			v[j - 1] = v[j];
			v[j] = t;
		}
}

static void
write_compare(run *s, group **order, size_t n)
{
	size_t total = 0, k = 0, *size = ease_xcalloc(n + 1, sizeof *size);
	double *v;
	ease_kruskal kw;
	int dg = s->c->digits;

	/*
	 * Kruskal-Wallis needs independent groups: a session of two techniques
	 * would be counted in both, so it is left out of this row (the group
	 * rows keep it).
	 */
	if (s->multi)
		ease_warn("--compare: %ld session%s with more than one %s left out of the comparison (each session must be in one group)",
			  s->multi, s->multi == 1 ? "" : "s",
			  s->by_tech ? "technique" : "group");
	for (size_t i = 0; i < n; i++)
		total += order[i]->bef.n;
	v = ease_xmalloc((total + 1) * sizeof *v);
	total = 0;
	for (size_t i = 0; i < n; i++) {
		const group *g = order[i];

		/*
		 * Differences of window means that are equal on paper differ in
		 * their last bits; 12 digits make them tie, as they should.
		 */
		for (size_t j = 0; j < g->bef.n; j++) {
			char b[40];

			if (g->multi.v[j] != 0)
				continue;
			snprintf(b, sizeof b, "%.12g", g->aft.v[j] - g->bef.v[j]);
			v[k++] = strtod(b, NULL);
			size[i]++;
		}
		total += size[i];
	}
	ease_kruskal_test(v, size, n, &kw);
	if (isnan(kw.p))
		ease_warn("--compare: the groups' differences cannot be compared (fewer than 2 groups with events, or all equal)");
	if (s->o->explain) {
		char line[512];
		const char *grp = s->by_tech ? "techniques" : "groups";

		if (isnan(kw.p))
			snprintf(line, sizeof line, "The data cannot compare the %s yet.", grp);
		else if (kw.p < 0.05)
			snprintf(line, sizeof line,
				 "The %s differ in how much %s changed after them (Kruskal-Wallis across %zu %s, p %s %.2g).",
				 grp, s->word, kw.k, grp, kw.p < 0.001 ? "<" : "=",
				 kw.p < 0.001 ? 0.001 : kw.p);
		else
			snprintf(line, sizeof line,
				 "The data do not show yet that the %s differ (Kruskal-Wallis across %zu %s, p = %.2g).",
				 grp, kw.k, grp, kw.p);
		ease_w_str(s->w, line);
		ease_w_end(s->w);
	} else {
		ease_w_str(s->w, "compare");
		ease_w_str(s->w, "kruskal");
		ease_w_str(s->w, s->measure);
		w_count(s->w, total);
		w_count(s->w, total);
		for (int i = 0; i < 7; i++)	/* before_mean .. t */
			ease_w_str(s->w, "");
		ease_w_num(s->w, kw.df, dg);
		ease_w_str(s->w, "");	/* p_t */
		ease_w_num(s->w, kw.h, dg);
		ease_w_num(s->w, kw.p, dg);
		for (int i = 0; i < 14; i++)	/* effect .. clinically_important */
			ease_w_str(s->w, "");
		ease_w_end(s->w);
	}
	free(v);
	free(size);
}

static void
warn_few(const run *s, const group *g, const char *what)
{
	if (!paired(s)) {
		if (g->bef.n < 2 || g->aft.n < 2)
			ease_warn("%s: %zu %s%s against %zu, too few for a test (at least 2 on each side)",
				  g->name, g->aft.n, what, g->aft.n == 1 ? "" : "s", g->bef.n);
		else if (isnan(g->t.t))
			ease_warn("%s: every %s has the same value: no t test", g->name, what);
		return;
	}
	if (g->bef.n < 2)
		ease_warn("%s: %zu %s%s, too few for a test (at least 2)", g->name,
			  g->bef.n, what, g->bef.n == 1 ? "" : "s");
	else if (isnan(g->t.t))
		ease_warn("%s: every %s changed by the same amount: no t test", g->name,
			  what);
}

/* A row to O->result rather than to the writer. */
static void
give(const run *s, const group *g, int offset, size_t n, const ease_ttest *t)
{
	ease_prepost_result r;
	char line[4096];

	memset(&r, 0, sizeof r);
	r.group = g->name;
	r.offset = offset;
	r.n = n;
	r.mean = s->o->profile ? (n ? t->mean_x : NAN) : g->diff;
	/* the profile's day means are plain t intervals; a comparison's is p_adj's */
	r.ci_lo = s->o->profile ? t->ci_lo : g->adj.ci_lo;
	r.ci_hi = s->o->profile ? t->ci_hi : g->adj.ci_hi;
	r.before_mean = s->o->profile ? NAN : g->mb;
	r.after_mean = s->o->profile ? NAN : g->ma;
	r.lower = s->lower;
	r.pain_like = s->pain_like;
	if (!s->o->profile) {
		int has = !isnan(g->diff);

		r.n_after = g->aft.n;
		r.p = t->p;
		r.p_adj = g->p_adj;
		r.p_holm = g->p_holm;
		r.baseline = baseline_mean(s);
		r.category = has ? category(s, g) : "";
		r.rtm = rtm(s, g);
		r.verdict = g->verdict;
		explain_line(s, g, g == &s->g[0], line, sizeof line);
		r.sentence = line;
	} else {
		r.p = r.p_adj = r.p_holm = r.baseline = NAN;
		r.category = "";
	}
	s->o->result(s->o->ctx, &r);
}

static void
write_profile(run *s, group **order, size_t n, int width)
{
	int dg = s->c->digits;

	for (size_t i = 0; i < n; i++) {
		group *g = order[i];

		for (int k = 0; k < width; k++) {
			ease_ttest t;
			char off[24];

			ease_ttest_one(g->prof[k].v, g->prof[k].n, &t);
			if (s->o->result) {
				give(s, g, k - s->o->before, g->prof[k].n, &t);
				continue;
			}
			snprintf(off, sizeof off, "%d", k - s->o->before);
			ease_w_str(s->w, g->name);
			ease_w_str(s->w, off);
			w_count(s->w, g->prof[k].n);
			ease_w_num(s->w, g->prof[k].n ? t.mean_x : NAN, dg);
			ease_w_num(s->w, t.ci_lo, dg);
			ease_w_num(s->w, t.ci_hi, dg);
			ease_w_end(s->w);
		}
	}
}

static void
write_results(run *s, const char *unit)
{
	group **order = ease_xcalloc(s->ng + 1, sizeof *order);
	size_t n = 0;
	double *p;

	for (size_t i = 1; i < s->ng; i++)
		order[n++] = &s->g[i];
	if (s->o->profile) {
		order[n++] = &s->g[0];
		for (size_t i = 0; i < n; i++)
			if (order[i]->nprof == 0)
				ease_warn("%s: no %s with enough days recorded", order[i]->name, unit);
		write_head(s, head_prof);
		write_profile(s, order, n, s->o->before + s->o->after + 1);
		free(order);
		return;
	}
	for (size_t i = 0; i < s->ng; i++)
		compute(s, &s->g[i]);
	/*
	 * Holm across the groups of --by, on the adjusted p; "all" is a
	 * question of its own and keeps its p_adj.
	 */
	p = ease_xcalloc(n + 1, sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = order[i]->p_adj;
	ease_holm(p, n, p);
	for (size_t i = 0; i < n; i++)
		order[i]->p_holm = p[i];
	free(p);
	sort_groups(order, n, s->lower);
	order[n++] = &s->g[0];
	for (size_t i = 0; i < n; i++)
		order[i]->verdict = ease_infer_verdict(rule_n(s, order[i]), order[i]->diff,
						       order[i]->p_holm, s->lower);
	for (size_t i = 0; i < n; i++)
		if (!s->o->explain && !s->o->quiet)
			warn_few(s, order[i], unit);
	write_head(s, head_cmp);
	for (size_t i = 0; i < n; i++) {
		if (s->o->result)
			give(s, order[i], 0, order[i]->bef.n, &order[i]->t);
		else if (s->o->explain)
			explain(s, order[i], order[i] == &s->g[0]);
		else
			write_row(s, order[i]);
	}
	if (s->o->compare)
		write_compare(s, order, n - 1);
	free(order);
}

static void
open_by(run *s)
{
	s->by_col = -1;
	if (s->o->by == NULL)
		return;
	s->by_col = ease_cols_need(s->cols, s->o->by);
	s->by_tech = s->cols->role[s->by_col] == EASE_R_TECHNIQUE;
}

/* Column NAME by the name typed, exit 2 naming the columns there are. */
static int
need_col(run *s, const char *name)
{
	return ease_cols_need(s->cols, name);
}

static void
run_event(run *s)
{
	ease_dayreader *r = ease_day_open(s->c);
	const ease_dayrow *row;
	evstate e;
	int vcol, ecol;
	size_t maxf;

	memset(&e, 0, sizeof e);
	s->cols = ease_day_cols(r);
	s->file = s->cols->file;
	vcol = need_col(s, s->o->value);
	ecol = need_col(s, s->o->event);
	open_by(s);
	s->measure = s->cols->name[vcol];
	set_direction(s, vcol);
	e.value_slot = ease_day_want(r, vcol);
	e.event_slot = ease_day_want(r, ecol);
	maxf = (size_t)(s->by_col >= 0 ? s->by_col + 1 : 1);
	ease_day_fields_used(r, maxf);
	ease_day_keep_all(r, 1);
	e.nb = s->o->before;
	e.na = s->o->after;
	e.width = e.nb + e.na + 1;
	/* --profile keeps every offset's values, in its groups */
	s->store = !s->o->profile;
	e.hday = ease_xmalloc((size_t)e.nb * sizeof *e.hday);
	e.hval = ease_xmalloc((size_t)e.nb * sizeof *e.hval);
	for (int k = 0; k < e.nb; k++)
		e.hday[k] = LONG_MIN;

	s->w = s->o->result ? NULL :
	       ease_writer_open(s->c->output, s->o->explain ? EASE_FMT_TABLE : s->c->format,
				s->c->files, s->c->nfiles);
	while ((row = ease_day_next(r)) != NULL) {
		ease_span_add(&s->span, s->c, row->day);
		event_row(s, &e, r, row);
	}
	ease_span_check(&s->span, s->c, s->file);
	ease_window_words(s->c, s->win, sizeof s->win);
	end_subject(s, &e);

	if (s->events == 0)
		ease_die(EASE_EX_DATA, "%s: no day with %s > 0%s (no event to compare around)",
			 s->file, s->cols->name[ecol], s->win);
	if (s->skipped)
		ease_warn("%ld of %ld event%s skipped: fewer than half the days of a window had %s recorded",
			  s->skipped, s->events, s->events == 1 ? "" : "s", s->measure);
	write_results(s, "event");
	if (s->w)
		ease_writer_close(s->w);

	free(e.hday);
	free(e.hval);
	for (size_t i = 0; i < e.np; i++)
		free(e.p[i].v);
	free(e.p);
	free(e.qday);
	free(e.qval);
	free(e.qin);
	ease_day_close(r);
}

/* ---- the independent designs: two samples of days ---- */

typedef struct indstate {
	int value_slot, event_slot, factor_slot;
	long first;		/* the subject's first event day, or LONG_MAX */
	/* --factor: the factor of the last LAG+1 days, by day modulo LAG+1 */
	long *fday;
	double *fval;
	long lo, hi;		/* days with a value in the window */
	int any;
} indstate;

static void
sample_add(run *s, int after, double v)
{
	vec_add(after ? &s->g[0].aft : &s->g[0].bef, v);
	/* the subject of each day, in time order within it: Tau-U is per subject */
	vec_add(after ? &s->g[0].ord : &s->g[0].sub, (double)s->gen);
}

/*
 * Day D's value V in sample GRP (-1: in neither): two days in a row of one
 * sample make a pair for its lag-1 correlation.  Pairs across the split
 * would take the jump between the levels for day-to-day persistence.
 */
static void
r1_add(run *s, long d, double v, int grp)
{
	if (grp >= 0 && s->have_prev && s->prev_day == d - 1 && s->prev_grp == grp)
		ease_comom_add(&s->r1g[grp], s->prev_v, v);
	s->have_prev = 1;
	s->prev_day = d;
	s->prev_v = v;
	s->prev_grp = grp;
}

static void
ind_row(run *s, indstate *e, const ease_dayreader *r, const ease_dayrow *row)
{
	long d = row->day;
	double v = row->v[e->value_slot];
	int inwin = ease_day_in_window(r, d) &&
		    !(s->c->has_until && d > s->c->until);

	if (row->group_start) {
		s->have_prev = 0;
		e->first = LONG_MAX;
		s->gen++;
	}
	if (e->event_slot >= 0 && row->v[e->event_slot] > 0 && e->first == LONG_MAX) {
		e->first = d;
		if (inwin || (s->c->has_since && d < s->c->since))
			s->events++;
	}
	if (s->o->design == EASE_PP_FACTOR) {
		int L = s->o->lag, slot = (int)(((d % (L + 1)) + (L + 1)) % (L + 1));
		int fs = (int)((((d - L) % (L + 1)) + (L + 1)) % (L + 1));
		double f = row->v[e->factor_slot];
		int grp = -1;

		e->fday[slot] = d;
		e->fval[slot] = f;
		if (f > 0 && inwin)
			s->events++;
		/* the factor day must be in the window, the value day within the data */
		if (!isnan(v) && e->fday[fs] == d - L && !isnan(e->fval[fs]) &&
		    ease_day_in_window(r, d - L) && !(s->c->has_until && d > s->c->until)) {
			grp = e->fval[fs] > 0;
			sample_add(s, grp, v);
		}
		if (!isnan(v) && inwin)
			r1_add(s, d, v, grp);
	}
	if (!inwin || isnan(v))
		return;
	if (!e->any || d < e->lo)
		e->lo = d;
	if (!e->any || d > e->hi)
		e->hi = d;
	e->any = 1;
	if (s->o->design == EASE_PP_SPLIT) {
		int grp = d >= (s->o->at_first ? e->first : s->o->at);

		sample_add(s, grp, v);
		vec_add(&s->sy, v);
		vec_add(&s->sday, (double)d);
		vec_add(&s->ssub, (double)s->gen);
		vec_add(&s->spost, grp);
		r1_add(s, d, v, grp);
	}
}

static void
run_independent(run *s)
{
	ease_dayreader *r = ease_day_open(s->c);
	const ease_dayrow *row;
	indstate e;
	int vcol, ecol = -1, fcol = -1;
	group *g = &s->g[0];

	memset(&e, 0, sizeof e);
	e.first = LONG_MAX;
	e.event_slot = e.factor_slot = -1;
	s->cols = ease_day_cols(r);
	s->file = s->cols->file;
	vcol = need_col(s, s->o->value);
	if (s->o->at_first)
		ecol = need_col(s, s->o->event);
	if (s->o->design == EASE_PP_FACTOR)
		fcol = need_col(s, s->o->factor);
	s->measure = s->cols->name[vcol];
	set_direction(s, vcol);
	e.value_slot = ease_day_want(r, vcol);
	if (ecol >= 0)
		e.event_slot = ease_day_want(r, ecol);
	if (fcol >= 0) {
		e.factor_slot = ease_day_want(r, fcol);
		e.fday = ease_xmalloc((size_t)(s->o->lag + 1) * sizeof *e.fday);
		e.fval = ease_xmalloc((size_t)(s->o->lag + 1) * sizeof *e.fval);
		for (int k = 0; k <= s->o->lag; k++)
			e.fday[k] = LONG_MIN;
	}
	ease_day_fields_used(r, 1);
	ease_day_keep_all(r, 1);

	s->w = s->o->result ? NULL :
	       ease_writer_open(s->c->output, s->o->explain ? EASE_FMT_TABLE : s->c->format,
				s->c->files, s->c->nfiles);
	while ((row = ease_day_next(r)) != NULL) {
		ease_span_add(&s->span, s->c, row->day);
		ind_row(s, &e, r, row);
	}
	ease_span_check(&s->span, s->c, s->file);
	ease_window_words(s->c, s->win, sizeof s->win);

	if ((ecol >= 0 || fcol >= 0) && s->events == 0)
		ease_die(EASE_EX_DATA, "%s: no day with %s > 0%s", s->file,
			 s->cols->name[fcol >= 0 ? fcol : ecol], s->win);
	if (s->o->design == EASE_PP_SPLIT && !s->o->at_first &&
	    (g->bef.n == 0 || g->aft.n == 0)) {
		char at[16], lo[16], hi[16];

		ease_fmt_date(s->o->at, at);
		if (!e.any)
			ease_die(EASE_EX_DATA, "%s: no day with %s recorded%s", s->file,
				 s->measure, s->win);
		ease_die(EASE_EX_DATA,
			 "%s: --split %s is outside the data (%s recorded from %s to %s): no day %s it",
			 s->file, at, s->measure, ease_fmt_date(e.lo, lo),
			 ease_fmt_date(e.hi, hi), g->bef.n == 0 ? "before" : "from");
	}
	write_results(s, "day");
	if (s->w)
		ease_writer_close(s->w);
	free(e.fday);
	free(e.fval);
	ease_day_close(r);
}

/* ---- the interrupted time series ---- */

typedef struct itsstate {
	int value_slot, event_slot;
	vec t, y;		/* the subject's days (from its first) and values */
	long day0;		/* its first day with a value */
	long first;		/* its first event day, or LONG_MAX */
	char *subject;
	long lo, hi;
	int any, fitted;
} itsstate;

static const char *const head_its[] = {
	"group", "measure", "n", "t0", "pre_level", "pre_slope", "level_change",
	"level_se", "level_p", "slope_change", "slope_se", "slope_p", "r1_resid",
	"phi", "noise", "se_kind", "terms", NULL
};

static void
its_subject_end(run *s, itsstate *e)
{
	long at = s->o->at_first ? e->first : s->o->at;
	ease_its fit;
	char d0[16];
	int dg = s->c->digits;
	ease_writer *w = s->w;
	int kind = !s->o->gls_ml ? s->o->se : s->o->se == EASE_SE_GLS ? EASE_SE_GLS_ML :
		   s->o->se == EASE_SE_GLSN ? EASE_SE_GLSN_ML : s->o->se;
	int wday = (s->o->terms & EASE_PP_WEEKDAY) != 0;

	if (e->t.n == 0)
		return;
	if (at == LONG_MAX) {
		ease_warn("%s: no day with %s > 0: no interruption to fit",
			  e->subject, s->o->event);
		memset(&fit, 0, sizeof fit);
		ease_its_fit(NULL, NULL, 0, 0, kind, &fit);
	} else {
		ease_its_fit_wd(e->t.v, e->y.v, e->t.n, (double)(at - e->day0), kind,
				wday ? (int)(((e->day0 + 3) % 7 + 7) % 7) : -1, &fit);
		if (fit.why == EASE_ITS_SIDE)
			ease_warn("%s: fewer than 2 days with %s on a side of %s: no fit",
				  e->subject, s->measure, ease_fmt_date(at, d0));
		else if (fit.why == EASE_ITS_FEW)
			ease_warn("%s: %zu days with %s, too few for this fit (at least %zu%s): no fit",
				  e->subject, e->t.n, s->measure, fit.need,
				  wday ? "; --terms none needs fewer" :
				  fit.need > 5 && e->t.n >= 5 ? "; --se ols needs 5" : "");
		else if (fit.why == EASE_ITS_NOFIT && kind == EASE_SE_HAC)
			ease_warn("%s: Newey-West standard errors could not be computed from %zu days: no fit",
				  e->subject, e->t.n);
		else if (fit.why == EASE_ITS_NOFIT)
			ease_warn("%s: the GLS fit did not converge: no fit", e->subject);
		if (fit.why == EASE_ITS_EXACT)
			ease_warn("%s: %s lies exactly on the fitted lines: no standard error and no p (there is no day-to-day variation to judge a change against)",
				  e->subject, s->measure);
		if (isfinite(fit.b[0]))
			e->fitted = 1;
		if (isfinite(fit.b[0]) && kind == EASE_SE_HAC && e->t.n < 30 &&
		    fit.why != EASE_ITS_EXACT)
			ease_warn("%s: %zu days: Newey-West standard errors need many more days and can be far too small here (--se gls-noise, the default, suits short series better)",
				  e->subject, e->t.n);
	}
	write_head(s, head_its);
	ease_w_str(w, e->subject);
	ease_w_str(w, s->measure);
	w_count(w, e->t.n);
	ease_w_str(w, at == LONG_MAX ? "" : ease_fmt_date(at, d0));
	ease_w_num(w, fit.b[0], dg);
	ease_w_num(w, fit.b[1], dg);
	ease_w_num(w, fit.b[2], dg);
	ease_w_num(w, fit.se[2], dg);
	ease_w_num(w, fit.p[2], dg);
	ease_w_num(w, fit.b[3], dg);
	ease_w_num(w, fit.se[3], dg);
	ease_w_num(w, fit.p[3], dg);
	ease_w_num(w, fit.r1_resid, dg);
	ease_w_num(w, fit.phi, dg);
	ease_w_num(w, fit.nugget, dg);
	ease_w_str(w, kind == EASE_SE_OLS ? "ols" : kind == EASE_SE_HAC ? "hac" :
		   kind == EASE_SE_GLSN || kind == EASE_SE_GLSN_ML ? "gls-noise" : "gls");
	ease_w_str(w, wday ? "weekday" : "none");
	ease_w_end(w);
	e->t.n = e->y.n = 0;
}

static void
its_row(run *s, itsstate *e, const ease_dayreader *r, const ease_dayrow *row)
{
	long d = row->day;
	double v = row->v[e->value_slot];

	if (row->group_start) {
		its_subject_end(s, e);
		free(e->subject);
		e->subject = ease_xstrdup(*row->group ? row->group : "all");
		e->first = LONG_MAX;
	}
	if (e->event_slot >= 0 && row->v[e->event_slot] > 0 && e->first == LONG_MAX) {
		e->first = d;
		s->events++;
	}
	if (isnan(v) || !ease_day_in_window(r, d))
		return;
	if (e->t.n == 0)
		e->day0 = d;
	vec_add(&e->t, (double)(d - e->day0));
	vec_add(&e->y, v);
	if (!e->any || d < e->lo)
		e->lo = d;
	if (!e->any || d > e->hi)
		e->hi = d;
	e->any = 1;
}

static void
run_its(run *s)
{
	ease_dayreader *r = ease_day_open(s->c);
	const ease_dayrow *row;
	itsstate e;
	int vcol, ecol = -1;

	memset(&e, 0, sizeof e);
	e.event_slot = -1;
	e.first = LONG_MAX;
	e.subject = ease_xstrdup("all");
	s->cols = ease_day_cols(r);
	s->file = s->cols->file;
	vcol = need_col(s, s->o->value);
	if (s->o->at_first)
		ecol = need_col(s, s->o->event);
	s->measure = s->cols->name[vcol];
	e.value_slot = ease_day_want(r, vcol);
	if (ecol >= 0)
		e.event_slot = ease_day_want(r, ecol);
	ease_day_fields_used(r, 1);
	ease_day_keep_all(r, 1);
	s->w = ease_writer_open(s->c->output, s->c->format, s->c->files, s->c->nfiles);
	while ((row = ease_day_next(r)) != NULL) {
		ease_span_add(&s->span, s->c, row->day);
		its_row(s, &e, r, row);
	}
	ease_span_check(&s->span, s->c, s->file);
	ease_window_words(s->c, s->win, sizeof s->win);
	if (ecol >= 0 && s->events == 0)
		ease_die(EASE_EX_DATA, "%s: no day with %s > 0%s", s->file,
			 s->cols->name[ecol], s->win);
	if (!s->o->at_first && e.any && (s->o->at <= e.lo || s->o->at > e.hi)) {
		char at[16], lo[16], hi[16];

		ease_die(EASE_EX_DATA,
			 "%s: --its %s is outside the data (%s recorded from %s to %s): no day %s it",
			 s->file, ease_fmt_date(s->o->at, at), s->measure,
			 ease_fmt_date(e.lo, lo), ease_fmt_date(e.hi, hi),
			 s->o->at <= e.lo ? "before" : "from");
	}
	if (!e.any)
		ease_die(EASE_EX_DATA, "%s: no day with %s recorded%s", s->file, s->measure,
			 s->win);
	its_subject_end(s, &e);
	ease_writer_close(s->w);
	free(e.t.v);
	free(e.y.v);
	free(e.subject);
	ease_day_close(r);
}

/* ---- the pairs design: two columns of one row ---- */

static int
row_num(run *s, const ease_rec *rec, int col, const char *file, double *v)
{
	const char *why = NULL;
	int st = ease_cols_num(s->cols, col, rec->f[col], s->c->decimal_comma, v, &why);

	if (st == EASE_V_OK)
		return 1;
	*v = NAN;
	if (st == EASE_V_MISSING)
		return 1;
	return ease_bad_value(file, rec->line, s->cols->name[col], rec->f[col], why) ? 0 : 1;
}

static void
run_pairs(run *s)
{
	ease_input *in = ease_input_open(s->c->files, s->c->nfiles, s->c->delim);
	const ease_rec *h = ease_input_header(in), *rec;
	ease_cols *cols;
	const char *comma = strchr(s->o->pairs, ',');
	char *bname = ease_xstrndup(s->o->pairs, (size_t)(comma - s->o->pairs));
	int bcol, acol, dcol, scol;
	char *measure;
	ease_datecache dc;
	ease_strset *subjects = ease_strset_new();
	long rows = 0;

	memset(&dc, 0, sizeof dc);
	cols = ease_cols_new(h, ease_input_name(in), s->c->colmap, s->c->ncolmap);
	s->cols = cols;
	s->file = cols->file;
	bcol = need_col(s, bname);
	acol = need_col(s, comma + 1);
	if (bcol == acol)
		ease_usage("--pairs: '%s' names column '%s' twice", s->o->pairs,
			   cols->name[bcol]);
	open_by(s);
	dcol = ease_cols_role(cols, EASE_R_DATE);
	scol = ease_cols_role(cols, EASE_R_SUBJECT);
	/*
	 * Without a subject column, a --by column other than the technique
	 * (--by ID) is taken for the subject: pooling two people's sessions
	 * into one series would make r1 up from who came after whom.
	 */
	if (scol < 0 && s->by_col >= 0 && !s->by_tech)
		scol = s->by_col;
	if (ease_window_active(s->c) && dcol < 0)
		ease_die(EASE_EX_DATA, "%s: --since and --until need a date column", s->file);
	measure = ease_xmalloc(strlen(cols->name[bcol]) + strlen(cols->name[acol]) + 2);
	sprintf(measure, "%s:%s", cols->name[bcol], cols->name[acol]);
	s->measure = measure;
	set_direction(s, bcol);
	if (!s->o->direction && ease_role_lower(cols->role[acol]) != -1 &&
	    ease_role_lower(cols->role[acol]) != s->lower)
		ease_die(EASE_EX_USAGE, "%s: '%s' and '%s' are better in opposite directions",
			 s->file, cols->name[bcol], cols->name[acol]);
	s->pain_like = s->pain_like && (pain_like(cols->role[acol]) || s->o->direction);

	s->w = ease_writer_open(s->c->output, s->o->explain ? EASE_FMT_TABLE : s->c->format,
				s->c->files, s->c->nfiles);
	while ((rec = ease_input_next(in)) != NULL) {
		const char *file = ease_input_name(in);
		double b, a;
		long day = 0, sub = 0;

		rows++;
		if (dcol >= 0) {
			if (!ease_rec_date(rec, dcol, cols->name[dcol], s->c->date_format,
					   file, &dc, &day))
				continue;
			ease_span_add(&s->span, s->c, day);
			if (ease_window_active(s->c) && !ease_window_has(s->c, day))
				continue;
		}
		if (!row_num(s, rec, bcol, file, &b) || !row_num(s, rec, acol, file, &a))
			continue;
		if (isnan(b) || isnan(a))
			continue;
		if (scol >= 0) {
			long n0 = (long)ease_strset_count(subjects);

			if (ease_strset_put(subjects, rec->f[scol], n0, &sub))
				sub = n0;
		}
		s->events++;
		row_groups(s, rec);
		/* without a date the rows are the sessions' order */
		add_pair(s, (double)sub, dcol >= 0 ? (double)day : (double)rows, b, a);
	}
	ease_span_check(&s->span, s->c, s->file);
	if (s->events == 0)
		ease_die(EASE_EX_DATA, "%s: no row with both %s and %s recorded%s",
			 s->file, cols->name[bcol], cols->name[acol],
			 ease_window_words(s->c, s->win, sizeof s->win));
	write_results(s, "pair");
	ease_writer_close(s->w);
	ease_strset_free(subjects);
	free(measure);
	free(bname);
	ease_cols_free(cols);
	ease_input_close(in);
}

static void
run_free_store(run *s)
{
	ease_strset_free(s->cells);
	ease_strset_free(s->combo_ix);
	free(s->combo_off);
	free(s->combo_n);
	free(s->combo_grp);
	free(s->st_bef);
	free(s->st_aft);
	free(s->st_day);
	free(s->st_combo);
	free(s->subj_first);
	free(s->subj_gen);
}

int
ease_prepost_run(ease_common *c, ease_prepost_opts *o)
{
	run s;

	if (o->model)
		return ease_prepost_model_run(c, o);
	memset(&s, 0, sizeof s);
	s.c = c;
	s.o = o;
	s.tn = ease_technames_new();
	s.gkeys = ease_strset_new();
	s.cells = ease_strset_new();
	s.combo_ix = ease_strset_new();
	s.gsel = ease_xmalloc(sizeof *s.gsel);
	s.gselcap = 1;
	add_group(&s, "all");
	switch (o->design) {
	case EASE_PP_EVENT:
		run_event(&s);
		break;
	case EASE_PP_PAIRS:
		run_pairs(&s);
		break;
	case EASE_PP_SPLIT:
	case EASE_PP_FACTOR:
		run_independent(&s);
		break;
	case EASE_PP_ITS:
		run_its(&s);
		break;
	default:
		ease_usage("%s: not yet", design_opt[o->design]);
	}
	for (size_t i = 0; i < s.ng; i++) {
		group *g = &s.g[i];

		free(g->name);
		free(g->bef.v);
		free(g->aft.v);
		free(g->sub.v);
		free(g->ord.v);
		free(g->multi.v);
		if (g->prof) {
			for (int k = 0; k < o->before + o->after + 1; k++)
				free(g->prof[k].v);
			free(g->prof);
		}
	}
	free(s.g);
	free(s.gsel);
	free(s.sy.v);
	free(s.sday.v);
	free(s.ssub.v);
	free(s.spost.v);
	ease_technames_warn_close(s.tn);
	ease_technames_free(s.tn);
	ease_strset_free(s.gkeys);
	run_free_store(&s);
	ease_report_skipped();
	return 0;
}

/* ---- the event design fed row by row (ease-alert's overdue rule) ---- */

struct ease_prepost_feed {
	run s;
	evstate e;
};

ease_prepost_feed *
ease_prepost_feed_new(ease_common *c, ease_prepost_opts *o, const ease_cols *cols,
		      int value_col, int value_slot, int event_slot)
{
	ease_prepost_feed *f = ease_xcalloc(1, sizeof *f);
	run *s = &f->s;
	evstate *e = &f->e;

	s->c = c;
	s->o = o;
	s->tn = ease_technames_new();
	s->gkeys = ease_strset_new();
	s->cells = ease_strset_new();
	s->combo_ix = ease_strset_new();
	s->gsel = ease_xmalloc(sizeof *s->gsel);
	s->gselcap = 1;
	s->by_col = -1;
	add_group(s, "all");
	s->cols = cols;
	s->file = cols->file;
	s->measure = cols->name[value_col];
	set_direction(s, value_col);
	e->value_slot = value_slot;
	e->event_slot = event_slot;
	e->nb = o->before;
	e->na = o->after;
	e->width = e->nb + e->na + 1;
	e->hday = ease_xmalloc((size_t)e->nb * sizeof *e->hday);
	e->hval = ease_xmalloc((size_t)e->nb * sizeof *e->hval);
	for (int k = 0; k < e->nb; k++)
		e->hday[k] = LONG_MIN;
	return f;
}

void
ease_prepost_feed_row(ease_prepost_feed *f, const ease_dayreader *r,
		      const ease_dayrow *row)
{
	ease_dayrow one = *row;

	/* one subject a feed: its first row starts nothing */
	one.group_start = 0;
	event_row(&f->s, &f->e, r, &one);
}

void
ease_prepost_feed_end(ease_prepost_feed *f)
{
	end_subject(&f->s, &f->e);
	if (f->s.events > 0)
		write_results(&f->s, "event");
}

void
ease_prepost_feed_free(ease_prepost_feed *f)
{
	run *s;
	evstate *e;

	if (f == NULL)
		return;
	s = &f->s;
	e = &f->e;
	for (size_t i = 0; i < s->ng; i++) {
		group *g = &s->g[i];

		free(g->name);
		free(g->bef.v);
		free(g->aft.v);
		free(g->sub.v);
		free(g->ord.v);
		free(g->multi.v);
	}
	free(s->g);
	free(s->gsel);
	ease_technames_free(s->tn);
	ease_strset_free(s->gkeys);
	run_free_store(s);
	free(e->hday);
	free(e->hval);
	for (size_t i = 0; i < e->np; i++)
		free(e->p[i].v);
	free(e->p);
	free(e->qday);
	free(e->qval);
	free(e->qin);
	free(f);
}

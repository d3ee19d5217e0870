/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The simulator's model: long runs with fixed seeds must show the configured
 * effects.  Tolerances are several standard errors wide (the runs are fixed,
 * so they cannot flake) yet well inside what a wrong model would give.
 * Closed-form expectations come from tests/ref/simulate.py.
 */
#include "ease/simulate.h"
#include "ease/value.h"
#include "tap.h"

#include <gsl/gsl_multifit.h>
#include <stdlib.h>

static void
base(ease_sim_opts *o)
{
	ease_sim_defaults(o);
	o->start = ease_days_from_civil(2000, 1, 3);	/* a Monday */
}

/* Runs the model, keeping every day (caller frees). */
static ease_sim_day *
run(const ease_sim_opts *o, long *n, ease_sim_subject *info)
{
	ease_sim *s = ease_sim_new(o);
	ease_sim_day *d = malloc((size_t)(o->days * o->subjects) * sizeof *d);
	long i = 0;

	while (ease_sim_next(s, &d[i]))
		i++;
	*n = i;
	if (info)
		for (int k = 0; k < o->subjects; k++)
			info[k] = *ease_sim_subject_info(s, k);
	ease_sim_free(s);
	return d;
}

static double
mean_pain(const ease_sim_day *d, long from, long to)
{
	double sum = 0;

	for (long i = from; i < to; i++)
		sum += d[i].pain_mean;
	return sum / (double)(to - from);
}

static void
determinism(void)
{
	ease_sim_opts o;
	ease_sim_day *a, *b, *c, *m;
	long na, nb, nc, nm, same = 0;
	int latent_same = 1;

	base(&o);
	o.days = 2000;
	o.subjects = 2;
	a = run(&o, &na, NULL);
	b = run(&o, &nb, NULL);
	ok(na == 4000 && nb == 4000, "days x subjects");
	ok(memcmp(a, b, (size_t)na * sizeof *a) == 0, "same seed, same days");
	o.seed = 2;
	c = run(&o, &nc, NULL);
	for (long i = 0; i < nc; i++)
		same += a[i].latent == c[i].latent;
	ok(same < 10, "another seed, another diary");
	/* missing days blank the record, not the person's pain */
	o.seed = 1;
	o.missing = 0.3;
	m = run(&o, &nm, NULL);
	for (long i = 0; i < nm; i++)
		if (m[i].latent != a[i].latent || m[i].pain_mean != a[i].pain_mean)
			latent_same = 0;
	ok(latent_same, "--missing leaves the pain series as it was");
	free(a);
	free(b);
	free(c);
	free(m);
}

static void
subjects(void)
{
	ease_sim_opts o;
	ease_sim_subject u[120];
	ease_sim_day *d;
	long n;

	base(&o);
	o.days = 10;
	d = run(&o, &n, u);
	is_str(u[0].id, "s01", "lone subject is s01");
	is_num(u[0].level, 5, 0, "lone subject: the configured level");
	is_num(u[0].effect[EASE_TECH_SWEDISH], 1.2, 0, "lone subject: the configured effect");
	is_num(u[0].halflife[EASE_TECH_DEEP_TISSUE], 2.5, 0, "deep tissue half-life");
	free(d);

	o.subjects = 3;
	d = run(&o, &n, u);
	is_str(u[2].id, "s03", "third subject s03");
	ok(d[10].subject == 1 && d[10].day == o.start, "subject by subject, dates from the start");
	ok(u[0].level != u[1].level && u[1].level != u[2].level, "levels differ between subjects");
	ok(u[1].effect[EASE_TECH_SWEDISH] != 1.2, "effects vary between subjects");
	free(d);

	o.subjects = 120;
	d = run(&o, &n, u);
	is_str(u[0].id, "s001", "ids widen with 100 subjects and more");
	is_str(u[119].id, "s120", "s120");
	free(d);
}

/* Sanity of every recorded value over a long run. */
static void
ranges(void)
{
	ease_sim_opts o;
	ease_sim_day *d;
	long n, bad = 0, nrat = 0, missing = 0;
	double rsum = 0;

	base(&o);
	o.days = 100000;
	o.ratings = 5;
	o.missing = 0.1;
	o.flares = 20;
	d = run(&o, &n, NULL);
	for (long i = 0; i < n; i++) {
		const ease_sim_day *x = &d[i];

		if (x->nratings < 1 || x->nratings > 5)
			bad++;
		for (int j = 0; j < x->nratings; j++)
			if (x->rating[j] < 0 || x->rating[j] > 10 || x->rating[j] > x->pain_max ||
			    (j && x->rating_min[j] <= x->rating_min[j - 1]) ||
			    x->rating_min[j] < 480 || x->rating_min[j] >= 1260)
				bad++;
		if (x->sleep_hours < 0 || x->sleep_hours > 12 || x->bed_min >= x->wake_min ||
		    x->bed_min < -150 || x->sleep_quality < 0 || x->sleep_quality > 10 ||
		    x->stress < 0 || x->stress > 10 ||
		    x->sleep_hours * 60 > x->wake_min - x->bed_min)
			bad++;
		if (x->massage && (x->massage_min < 15 || x->massage_min > 120 ||
				   x->session_min + x->massage_min > 1260))
			bad++;
		nrat += x->nratings;
		rsum += x->nratings;
		missing += !x->present;
	}
	is_long(bad, 0, "values within their ranges, times in order");
	is_num(rsum / (double)n, 3.0, 0.01, "ratings a day: uniform 1..5, mean 3");
	is_num((double)missing / (double)n, 0.1, 0.03, "--missing 0.1: a tenth of the days");
	free(d);
}

static void
ar_noise(void)
{
	ease_sim_opts o;
	ease_sim_day *d;
	long n;
	double s1 = 0, s2 = 0, c1 = 0, mean, var;

	base(&o);
	o.days = 200000;
	o.baseline_days = o.days;	/* no sessions */
	o.flares = 0;
	o.weekly = 0;
	d = run(&o, &n, NULL);
	for (long i = 0; i < n; i++) {
		s1 += d[i].noise;
		s2 += d[i].noise * d[i].noise;
	}
	mean = s1 / n;
	var = s2 / n - mean * mean;
	for (long i = 1; i < n; i++)
		c1 += (d[i].noise - mean) * (d[i - 1].noise - mean);
	/* SE of r1 is about sqrt((1 - 0.36) / n) = 0.0018 */
	is_num(c1 / (n - 1) / var, 0.6, 0.02, "AR(1) coefficient 0.6 (latent noise)");
	is_num(sqrt(var), 1.0, 0.03, "noise SD 1");
	is_num(mean_pain(d, 0, n), 5.0, 0.01, "recorded pain centres on the level");
	free(d);

	/* a coefficient of 0.2 must come out as 0.2, not as the default */
	o.ar = 0.2;
	o.days = 100000;
	o.baseline_days = o.days;
	d = run(&o, &n, NULL);
	s1 = s2 = c1 = 0;
	for (long i = 0; i < n; i++) {
		s1 += d[i].noise;
		s2 += d[i].noise * d[i].noise;
	}
	mean = s1 / n;
	var = s2 / n - mean * mean;
	for (long i = 1; i < n; i++)
		c1 += (d[i].noise - mean) * (d[i - 1].noise - mean);
	is_num(c1 / (n - 1) / var, 0.2, 0.1, "--ar 0.2");
	free(d);
}

static void
weekly(void)
{
	ease_sim_opts o;
	ease_sim_subject u;
	ease_sim_day *d;
	long n, cnt[7] = {0};
	double sum[7] = {0};
	int peak;

	base(&o);
	o.days = 210000;
	o.baseline_days = o.days;
	o.flares = 0;
	o.weekly = 1.0;
	d = run(&o, &n, &u);
	for (long i = 0; i < n; i++) {
		int dow = (int)(i % 7);	/* the run starts on a Monday */

		sum[dow] += d[i].pain_mean;
		cnt[dow]++;
	}
	peak = u.weekly_peak - 1;
	/* tests/ref/simulate.py: 1 - cos(2*pi*3/7) = 1.900968867902419 */
	is_num(sum[peak] / cnt[peak] - sum[(peak + 3) % 7] / cnt[(peak + 3) % 7],
	       1.900968867902419, 0.05, "weekly pattern: peak day vs three days on");
	free(d);
}

/* Baseline against treatment, one technique, a session exactly every 4 days. */
static void
pain_drop(void)
{
	ease_sim_opts o;
	ease_sim_subject u;
	ease_sim_day *d;
	long n, dose_b = 0, dose_t = 0;
	double drop;

	base(&o);
	o.days = 200000;
	o.baseline_days = 100000;
	o.jitter = 0;
	ease_sim_opt_techniques(&o, "swedish");
	d = run(&o, &n, &u);
	drop = mean_pain(d, 0, 100000) - mean_pain(d, 100000, n);
	/* tests/ref/simulate.py: E/(N(1-0.5^(1/H))) = 1.0242640687119287 */
	is_num(drop, 1.0242640687119287, 0.06, "baseline - treatment pain: the mean relief");
	is_num(u.relief_sum / (double)u.treatment_days, 1.0242640687119287, 0.002,
	       "latent relief over treatment days");
	is_long(u.sessions, 25000, "a session every 4 days");
	for (long i = 0; i < n; i++) {
		if (i < 100000)
			dose_b += d[i].ndoses;
		else
			dose_t += d[i].ndoses;
	}
	ok(dose_t < 0.75 * dose_b, "fewer painkillers once pain falls");
	free(d);
}

/* Relief over the days after a session: effect on the day after, halving every H days. */
static void
relief_curve(void)
{
	ease_sim_opts o;
	ease_sim_day *d;
	long n, cnt[10] = {0}, last = -1, bad_gap = 0;
	double sum[10] = {0}, base_mean, exact_err = 0;
	/* tests/ref/simulate.py, relief 2:2 every 10 j=... */
	static const double want[11] = {
		0, 2.064516129032258, 1.4598333547077111, 1.032258064516129, 0,
		0.5161290322580645, 0, 0, 0, 0, 0.091239584669231946
	};

	base(&o);
	o.days = 300000;
	o.baseline_days = 100000;
	o.every = 10;
	o.jitter = 0;
	o.flares = 0;
	o.weekly = 0;
	ease_sim_opt_techniques(&o, "swedish");
	ease_sim_opt_effect(&o, "swedish=2:2");
	d = run(&o, &n, NULL);
	base_mean = mean_pain(d, 0, 100000);
	for (long i = 100000; i < n; i++) {
		long j = (i - 100000) % 10;	/* 0: a session day */

		sum[j] += d[i].pain_mean;
		cnt[j]++;
		if (d[i].massage) {
			if (last >= 0 && i - last != 10)
				bad_gap++;
			last = i;
		}
		/* past the first cycles, the latent relief is the closed form */
		if (i >= 100100 && (j == 1 || j == 3 || j == 5))
			exact_err = fmax(exact_err, fabs(d[i].relief - want[j]));
	}
	is_long(bad_gap, 0, "--every 10 --jitter 0: ten days apart");
	ok(exact_err < 1e-9, "latent relief: 2 * 0.5^((j-1)/2) summed over sessions");
	is_num(base_mean - sum[1] / cnt[1], want[1], 0.05, "recorded relief, day after a session");
	is_num(base_mean - sum[3] / cnt[3], want[3], 0.1, "two days later: half");
	is_num(base_mean - sum[5] / cnt[5], want[5], 0.2, "four days later: a quarter");
	ok(fabs(base_mean - sum[0] / cnt[0] - want[10]) < 0.1,
	   "the session day itself: only the old sessions' relief");
	free(d);
}

/* Every technique's own effect, by least squares on the relief each one leaves. */
static void
technique_effects(void)
{
	ease_sim_opts o;
	ease_sim_day *d;
	long n;
	double x[EASE_NTECH] = {0}, decay[EASE_NTECH], chisq;
	gsl_matrix *X, *cov;
	gsl_vector *y, *b;
	gsl_multifit_linear_workspace *ws;

	base(&o);
	o.days = 400000;
	o.baseline_days = 1000;
	o.flares = 0;
	o.weekly = 0;
	d = run(&o, &n, NULL);
	for (int k = 0; k < EASE_NTECH; k++)
		decay[k] = pow(0.5, 1 / o.halflife[k]);
	X = gsl_matrix_alloc((size_t)n, EASE_NTECH + 1);
	y = gsl_vector_alloc((size_t)n);
	b = gsl_vector_alloc(EASE_NTECH + 1);
	cov = gsl_matrix_alloc(EASE_NTECH + 1, EASE_NTECH + 1);
	ws = gsl_multifit_linear_alloc((size_t)n, EASE_NTECH + 1);
	/* the regressor of technique k: its sessions' unit relief, decayed */
	for (long i = 0; i < n; i++) {
		gsl_matrix_set(X, i, 0, 1);
		for (int k = 0; k < EASE_NTECH; k++)
			gsl_matrix_set(X, i, k + 1, -x[k]);
		gsl_vector_set(y, i, d[i].pain_mean);
		for (int k = 0; k < EASE_NTECH; k++)
			x[k] *= decay[k];
		if (d[i].massage)
			x[d[i].technique] += 1;
	}
	gsl_multifit_linear(X, y, b, cov, &chisq, ws);
	for (int k = 0; k < EASE_NTECH; k++) {
		char name[80];

		/* OLS SE about 0.01 (0.02 with the autocorrelation): within 0.08 points */
		snprintf(name, sizeof name, "effect of %s", ease_sim_tech_name(k));
		is_num(gsl_vector_get(b, k + 1), o.effect[k], 0.08 / o.effect[k], name);
	}
	is_num(gsl_vector_get(b, 0), 5.0, 0.01, "intercept: the level");
	gsl_multifit_linear_free(ws);
	gsl_matrix_free(X);
	gsl_matrix_free(cov);
	gsl_vector_free(y);
	gsl_vector_free(b);
	free(d);
}

static void
per_week(void)
{
	ease_sim_opts o;
	ease_sim_day *d;
	long n, wrong = 0, before = 0;

	base(&o);
	o.days = 7000;
	o.baseline_days = 14;	/* two whole weeks from a Monday */
	o.per_week = 2;
	d = run(&o, &n, NULL);
	for (long w = 0; w < n / 7; w++) {
		int k = 0;

		for (int j = 0; j < 7; j++)
			k += d[w * 7 + j].massage;
		if (w < 2)
			before += k;
		else if (k != 2)
			wrong++;
	}
	is_long(before, 0, "no sessions in the baseline");
	is_long(wrong, 0, "--per-week 2: two sessions every week");
	free(d);
}

static void
jitter(void)
{
	ease_sim_opts o;
	ease_sim_subject u;
	ease_sim_day *d;
	long n, last = -1, out = 0, ngap = 0;
	double gaps = 0;

	base(&o);
	o.days = 100000;
	o.every = 5;
	o.jitter = 2;
	d = run(&o, &n, &u);
	for (long i = 0; i < n; i++) {
		if (!d[i].massage)
			continue;
		if (last < 0 && i != o.baseline_days)
			out++;
		if (last >= 0) {
			if (i - last < 3 || i - last > 7)
				out++;
			gaps += (double)(i - last);
			ngap++;
		}
		last = i;
	}
	is_long(out, 0, "first session on the first treatment day, gaps 5 +- 2");
	is_num(gaps / ngap, 5, 0.01, "mean gap 5");
	free(d);
}

/* Sleep is shorter after painful days; stress follows pain; doses follow the formula. */
static void
sleep_meds_stress(void)
{
	ease_sim_opts o;
	ease_sim_subject u;
	ease_sim_day *d;
	long n;
	double sx = 0, sy = 0, sxx = 0, sxy = 0, want_doses = 0, got_doses = 0;
	double st = 0, ibu = 0;
	long m = 0, nd = 0;
	ease_comom cm = {0};

	base(&o);
	o.days = 200000;
	d = run(&o, &n, &u);
	for (long i = 1; i < n; i++) {
		double p = fmin(fmax(d[i - 1].latent, 0), 10);
		double q = fmin(fmax(d[i].latent, 0), 10);

		sx += p;
		sy += d[i].sleep_hours;
		sxx += p * p;
		sxy += p * d[i].sleep_hours;
		m++;
		ease_comom_add(&cm, p, d[i].sleep_hours);
		want_doses += 3 * 0.8 / (1 + exp(-1.5 * (q - 6)));
		got_doses += d[i].ndoses;
		st += d[i].stress - 0.5 * (q - 5) + 0.4 * (d[i].sleep_hours - 7);
		for (int j = 0; j < d[i].ndoses; j++) {
			ibu += d[i].dose_drug[j] == EASE_DRUG_IBUPROFEN;
			nd++;
		}
	}
	is_num((sxy - sx * sy / m) / (sxx - sx * sx / m), -0.35, 0.03,
	       "sleep: 0.35 h less per point of pain the day before");
	is_num(u.sleep_pain_r, ease_comom_r(&cm), 1e-12,
	       "truth: sleep_pain_r is the latent correlation");
	ok(u.sleep_pain_r < -0.3, "sleep and pain the day before: negative");
	is_num(got_doses, want_doses, 0.015, "doses: 3 chances at 0.8/(1+exp(-1.5(pain-6)))");
	is_num(ibu / nd, 0.6, 0.02, "ibuprofen: 60% of the doses");
	is_num(st / m, 4, 0.02, "stress: 4 + 0.5 (pain - level) - 0.4 (sleep - 7)");
	free(d);
}

static void
flares(void)
{
	ease_sim_opts o;
	ease_sim_subject u;
	ease_sim_day *d;
	long n, in = 0;
	double pin = 0, pout = 0;

	base(&o);
	o.days = 365250;
	o.baseline_days = o.days;
	o.flares = 6;
	o.flare_days = 4;
	d = run(&o, &n, &u);
	for (long i = 0; i < n; i++) {
		if (d[i].in_flare) {
			in++;
			pin += d[i].pain_mean;
		} else {
			pout += d[i].pain_mean;
		}
	}
	/* a flare can only start outside one: a bit under 6 a year */
	ok(u.flares > 5400 && u.flares < 6000, "about 6 flares a year");
	is_num((double)u.flare_days / u.flares, 4, 0.03, "flares last 4 days on average");
	is_long(u.flare_days, in, "flare days counted");
	is_num(pin / in - pout / (n - in), 2, 0.05, "a flare adds 2 points");
	free(d);
}

static void
comoment(void)
{
	static const double x[] = {3, 5.5, 4, 7, 6, 2, 8.25, 5, 4.5, 6};
	static const double y[] = {7.5, 6.1, 7.0, 5.2, 6.4, 8.0, 4.9, 6.6, 6.8, 5.5};
	ease_comom c = {0}, s = {0}, e = {0};

	for (int i = 0; i < 10; i++) {
		ease_comom_add(&c, x[i], y[i]);
		ease_comom_add(&s, x[i] + 1e6, y[i] - 1e6);
	}
	/* tests/ref/simulate.py: stats.pearsonr(x, y)[0] */
	is_num(ease_comom_r(&c), -0.97116749802599478, 1e-9, "Pearson r (SciPy)");
	is_num(ease_comom_r(&s), -0.97116749802599478, 1e-9, "Pearson r, shifted by 1e6");
	ease_comom_add(&e, 1, 2);
	ok(isnan(ease_comom_r(&e)), "one pair: no r");
}

int
main(void)
{
	comoment();
	determinism();
	subjects();
	ranges();
	ar_noise();
	weekly();
	pain_drop();
	relief_curve();
	technique_effects();
	per_week();
	jitter();
	sleep_meds_stress();
	flares();
	return tap_done();
}

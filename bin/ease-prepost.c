/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-prepost: before-and-after statistics of sessions and periods. */
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/prepost.h"
#include "ease/randtest.h"

enum {
	O_EVENT = EASE_OPT_TOOL, O_VALUE, O_BEFORE, O_AFTER, O_PAIRS, O_SPLIT,
	O_FACTOR, O_LAG, O_ITS, O_COMPARE, O_PROFILE, O_DIRECTION,
	O_EXPLAIN, O_SE, O_MODEL, O_TERMS, O_PLAN
};

/* --plan FILE: the randomization test of a trial (lib/randtest.c) */
static const char *plan;

static const struct option longopts[] = {
	{"event", required_argument, NULL, O_EVENT},
	{"value", required_argument, NULL, O_VALUE},
	{"before", required_argument, NULL, O_BEFORE},
	{"after", required_argument, NULL, O_AFTER},
	{"pairs", required_argument, NULL, O_PAIRS},
	{"split", required_argument, NULL, O_SPLIT},
	{"factor", required_argument, NULL, O_FACTOR},
	{"lag", required_argument, NULL, O_LAG},
	{"its", required_argument, NULL, O_ITS},
	{"se", required_argument, NULL, O_SE},
	{"by", required_argument, NULL, 'g'},
	{"compare", no_argument, NULL, O_COMPARE},
	{"profile", no_argument, NULL, O_PROFILE},
	{"direction", required_argument, NULL, O_DIRECTION},
	{"explain", no_argument, NULL, O_EXPLAIN},
	{"model", no_argument, NULL, O_MODEL},
	{"terms", required_argument, NULL, O_TERMS},
	{"method", required_argument, NULL, 'm'},
	{"plan", required_argument, NULL, O_PLAN},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_prepost_opts *o = ctx;

	switch (opt) {
	case O_EVENT:
		ease_prepost_set_design(o, EASE_PP_EVENT, arg);
		return 0;
	case O_VALUE:
		if (*arg == '\0')
			ease_usage("--value: needs a column name");
		o->value = arg;
		return 0;
	case O_BEFORE:
		ease_prepost_set_window(o, "--before", arg);
		return 0;
	case O_AFTER:
		ease_prepost_set_window(o, "--after", arg);
		return 0;
	case O_PAIRS:
		ease_prepost_set_design(o, EASE_PP_PAIRS, arg);
		return 0;
	case O_SPLIT:
		ease_prepost_set_design(o, EASE_PP_SPLIT, arg);
		return 0;
	case O_FACTOR:
		ease_prepost_set_design(o, EASE_PP_FACTOR, arg);
		return 0;
	case O_LAG:
		ease_prepost_set_lag(o, arg);
		return 0;
	case O_ITS:
		ease_prepost_set_design(o, EASE_PP_ITS, arg);
		return 0;
	case 'g':
		if (*arg == '\0')
			ease_usage("--by: needs a column name");
		o->by = arg;
		return 0;
	case O_COMPARE:
		o->compare = 1;
		return 0;
	case O_PROFILE:
		o->profile = 1;
		return 0;
	case O_DIRECTION:
		ease_prepost_set_direction(o, arg);
		return 0;
	case O_EXPLAIN:
		o->explain = 1;
		return 0;
	case O_SE:
		ease_prepost_set_se(o, arg);
		return 0;
	case O_MODEL:
		o->model = 1;
		return 0;
	case O_TERMS:
		ease_prepost_set_terms(o, arg);
		return 0;
	case 'm':
		ease_prepost_set_method(o, arg);
		return 0;
	case O_PLAN:
		if (*arg == '\0')
			ease_usage("--plan: needs the schedule ease-plan wrote");
		plan = arg;
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"prepost", "--model --event COL --value COL [--by COL] [--after K]\n"
	"         | --event COL --value COL | --pairs B,A\n"
	"         | --split DATE|first --value COL | --factor COL --value COL\n"
	"         | --its DATE|first --value COL\n"
	"         [OPTION]... [FILE]...",
	"  Designs (one a run):\n"
	"      --model             with --event: the day-after model, which technique\n"
	"                          helps: the value on the --after K days (1) after a\n"
	"                          session of each --by group against every other day,\n"
	"                          GLS with AR(1) errors over calendar days (as R\n"
	"                          nlme::gls corAR1), a row per group, Holm across them\n"
	"      --terms T           with --model: trend,weekday (default), trend,\n"
	"                          weekday or none besides the sessions; with --its\n"
	"                          (GLS): weekday or none (default)\n"
	"  -m, --method M          --model, --its: reml (default) or ml for phi\n"
	"      --event COL         each day with COL > 0: mean --value over the days\n"
	"                          before it against the days after it (paired)\n"
	"      --value COL         the measure compared (pain, sleep_hours, ...)\n"
	"      --before N          days before an event (3); the event day is in neither\n"
	"      --after N           days after an event (3); half of each window's days\n"
	"                          must be recorded, else the event is skipped\n"
	"      --pairs B,A         two columns of one row, before and after (paired)\n"
	"      --split DATE        the days before DATE against the days from it on;\n"
	"                          'first': from the first --event day (independent)\n"
	"      --factor COL        days with COL > 0 against days without (independent)\n"
	"      --lag L             with --factor: the value L days later (0)\n"
	"      --its DATE          segmented regression, level and slope change at DATE\n"
	"                          ('first': the first --event day), one row a subject\n"
	"      --se gls-noise|gls|hac|ols  --its: GLS with AR(1) plus day-noise errors\n"
	"                          (default), GLS with AR(1) errors, least squares with\n"
	"                          Newey-West errors (R sandwich::NeweyWest), or OLS\n"
	"      --plan FILE         a randomized trial: the schedule ease-plan wrote;\n"
	"                          the arms' difference, its randomization p-value\n"
	"                          over every admissible schedule and a CI\n"
	"  Rows:\n"
	"  -g, --by COL            one row per value of COL (a technique list counts for\n"
	"                          each technique) and 'all', best first\n"
	"      --compare           with --by: a last row, Kruskal-Wallis across the\n"
	"                          groups (sessions in one group only)\n"
	"      --profile           with --event: mean value on each day offset, 95% CI\n"
	"      --direction D       lower or higher is better (default: from the measure)\n"
	"      --explain           a sentence per row (also --format table)\n",
	"  ease-prepost --model --event massage --value pain --by technique diary.csv\n"
	"  ease-prepost --event massage --value pain --by technique diary.csv\n"
	"  ease-prepost --event massage --value pain --explain diary.csv\n"
	"  ease-prepost --pairs pain_before,pain_after --by technique sessions.csv\n"
	"  ease-prepost --split first --event massage --value pain diary.csv\n"
	"  ease-prepost --factor massage --lag 1 --value sleep_hours diary.csv\n"
	"  ease-prepost --its first --event massage --value pain diary.csv\n"
	"  ease-prepost --plan trial.csv --value pain --explain diary.csv\n"
	"  ease-prepost --event massage --value pain --profile --after 7 diary.csv\n",
	"g:m:", longopts, EASE_O_ALL & ~EASE_O_BY, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_prepost_opts o;

	ease_prepost_opts_init(&o);
	ease_parse_args(&tool, argc, argv, &c, &o);
	if (plan) {
		if (o.design || o.event || o.by || o.compare || o.profile || o.model)
			ease_usage("--plan is a design of its own: no --event, --model, --pairs, --split, --factor, --its, --by, --compare or --profile with it");
		return ease_rt_run(&c, plan, o.value, o.direction, o.explain);
	}
	ease_prepost_check(&o, &c);
	return ease_prepost_run(&c, &o);
}

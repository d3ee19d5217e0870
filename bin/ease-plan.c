/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-plan: the schedule of a randomized self-trial. */
#include "ease/csvio.h"
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/plan.h"

#include <string.h>

enum { O_ARMS = EASE_OPT_TOOL, O_UNIT, O_BLOCKS, O_MAX_RUN, O_START, O_SEED, O_EVERY, O_POWER, O_DIARY, O_EFFECT, O_TRIALS };

static const struct option longopts[] = {
	{"arms", required_argument, NULL, O_ARMS},
	{"unit", required_argument, NULL, O_UNIT},
	{"blocks", required_argument, NULL, O_BLOCKS},
	{"max-run", required_argument, NULL, O_MAX_RUN},
	{"start", required_argument, NULL, O_START},
	{"seed", required_argument, NULL, O_SEED},
	{"every", required_argument, NULL, O_EVERY},
	{"power", no_argument, NULL, O_POWER},
	{"diary", required_argument, NULL, O_DIARY},
	{"effect", required_argument, NULL, O_EFFECT},
	{"trials", required_argument, NULL, O_TRIALS},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_plan_opts *o = ctx;

	switch (opt) {
	case O_ARMS:
		ease_plan_set_arms(o, arg);
		return 0;
	case O_UNIT:
		if (strcmp(arg, "week") == 0)
			o->unit = EASE_PLAN_WEEK;
		else if (strcmp(arg, "session") == 0)
			o->unit = EASE_PLAN_SESSION;
		else
			ease_usage("--unit: '%s' is not week or session", arg);
		return 0;
	case O_BLOCKS:
		o->blocks = ease_opt_long("--blocks", arg, 1, EASE_PLAN_MAX_BLOCKS);
		return 0;
	case O_MAX_RUN:
		o->max_run = ease_opt_long("--max-run", arg, 1, 1000000);
		return 0;
	case O_START:
		o->start = ease_opt_date("--start", arg);
		o->has_start = 1;
		return 0;
	case O_SEED:
		o->seed = (unsigned long)ease_opt_long("--seed", arg, 0, 4294967295L);
		o->has_seed = 1;
		return 0;
	case O_EVERY:
		o->every = ease_opt_long("--every", arg, 1, 366);
		return 0;
	case O_POWER:
		o->power = 1;
		return 0;
	case O_DIARY:
		o->diary = arg;
		return 0;
	case O_EFFECT:
		o->effect = ease_opt_double("--effect", arg);
		if (!(o->effect > 0 && o->effect <= 10))
			ease_usage("--effect: '%s' is not a number of points above 0 and at most 10", arg);
		return 0;
	case O_TRIALS:
		o->power_trials = ease_opt_long("--trials", arg, 20, 100000);
		return 0;
	case EASE_OPT_FORMAT:
		if (strcmp(arg, "ics") != 0)
			return 1;
		o->format = EASE_PLAN_ICS;
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"plan", "--arms A,B[,C]... --blocks N --start DATE [OPTION]...",
	"      --arms LIST      the arms to compare, comma-separated: techniques\n"
	"                       ('deep tissue,Swedish') or none,massage\n"
	"      --unit U         week (default): every session of a week has the\n"
	"                       week's arm; session: each session is a unit\n"
	"      --blocks N       N blocks, each one unit of every arm in random\n"
	"                       order (2 arms, 6 blocks: 64 possible schedules)\n"
	"      --max-run K      at most K units of one arm in a row, across blocks\n"
	"                       too (default: no limit; only 1 forbids anything)\n"
	"      --start DATE     the first day of the trial\n"
	"      --every N        days between sessions (7): with --unit week, the\n"
	"                       week's sessions are on its days 1, 1+N, ...\n"
	"      --seed S         random seed 0..4294967295; same seed, same bytes\n"
	"                       (default: a fresh seed, written in the schedule)\n"
	"      --format ics     an iCalendar file for a phone's calendar instead\n"
	"      --power          how many blocks detect the effect with 80 %% power,\n"
	"                       by simulated trials (a sentence; the table on stderr,\n"
	"                       or on stdout with --format csv|tsv|table)\n"
	"      --diary FILE     with --power: the diary whose pain SD, autocorrelation\n"
	"                       and sessions the simulation takes (default: one of\n"
	"                       ease-simulate's defaults)\n"
	"      --effect X       with --power: the difference to detect, points on a\n"
	"                       unit's mean pain (1)\n"
	"      --trials N       with --power: simulated trials per number of blocks (400)\n"
	"\nThe schedule is drawn uniformly, exactly, from every schedule the design\n"
	"admits.  The CSV has one row per session, date,arm,block,unit, after lines\n"
	"beginning with '#' that record the design, the seed and the number of\n"
	"possible schedules, for the randomization test that analyses the trial.\n",
	"  ease-plan --arms 'deep tissue,Swedish' --blocks 6 --start 2027-01-04 --seed 7\n"
	"  ease-plan --arms none,massage --unit week --every 3 --blocks 6 \\\n"
	"      --max-run 1 --start 2027-01-04 --seed 7 --format ics -o trial.ics\n"
	"  ease-plan --arms 'deep tissue,Swedish' --power --diary diary.csv\n",
	"", longopts, EASE_O_OUTPUT, handle, 0
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_plan_opts o;

	memset(&o, 0, sizeof o);
	ease_parse_args(&tool, argc, argv, &c, &o);
	if (o.format == EASE_PLAN_ICS && c.format_given)
		ease_usage("--format ics and another --format: one format a run");
	o.layout = c.format;
	o.output = c.output;
	if (!o.power) {
		if (o.diary || o.effect > 0 || o.power_trials)
			ease_usage("--diary, --effect and --trials go with --power");
		return ease_plan_run(&o);
	}
	if (o.format == EASE_PLAN_ICS)
		ease_usage("--power writes a sentence or a table, not a calendar: drop --format ics");
	/* a --format of the common three asks for the table on standard output */
	o.power_table = c.format_given;
	if (!o.has_seed)
		o.seed = 1;
	if (o.power_trials == 0)
		o.power_trials = 400;
	return ease_plan_power(&o);
}

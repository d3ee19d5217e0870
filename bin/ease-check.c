/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-check: is this diary fit to analyse? */
#include "ease/check.h"
#include "ease/err.h"
#include "ease/opts.h"

enum { O_MAX_ERRORS = EASE_OPT_TOOL };

static const struct option longopts[] = {
	{"max-errors", required_argument, NULL, O_MAX_ERRORS},
	{"quiet", no_argument, NULL, 'q'},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_check_opts *o = ctx;

	switch (opt) {
	case O_MAX_ERRORS:
		o->max_errors = ease_opt_long("--max-errors", arg, 0, 2147483647L);
		return 0;
	case 'q':
		o->quiet = 1;
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"check", "[OPTION]... [FILE]...",
	"      --max-errors N   list at most N problems per file (20); all are counted\n"
	"  -q, --quiet          nothing for a file without problems; the whole\n"
	"                       report of one with problems (for cron)\n"
	"\nA known app export (Bearable, Sleep as Android, Fitbit, Sleep Cycle, Plees\n"
	"Tracker, Pain Diary) is named in one line with the tool that converts it.\n"
	"The report goes to standard output (or -o FILE), errors about the run\n"
	"itself to standard error; exit status 1 when problems were found.\n",
	"  ease-check diary.csv\n"
	"  ease-check -d ';' --decimal-comma --date-format %d.%m.%Y export.csv\n"
	"  ease-check -q clinic/*.csv || echo 'fix the diaries first'\n"
	"  ease-check -o problems.txt diary.csv\n",
	"q", longopts, EASE_O_READ | EASE_O_BY | EASE_O_OUTPUT_FILE, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_check_opts o = {20, 0};

	ease_parse_args(&tool, argc, argv, &c, &o);
	return ease_check_run(&c, &o);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-select: keep the rows and columns asked for. */
#include "ease/err.h"
#include "ease/opts.h"
#include "ease/select.h"

#include <stdlib.h>

enum { O_DROP = EASE_OPT_TOOL, O_WHERE };

static const struct option longopts[] = {
	{"fields", required_argument, NULL, 'f'},
	{"drop", required_argument, NULL, O_DROP},
	{"where", required_argument, NULL, O_WHERE},
	{NULL, 0, NULL, 0}
};

static int
handle(int opt, const char *arg, void *ctx)
{
	ease_select_opts *o = ctx;

	switch (opt) {
	case 'f':
		o->fields = arg;
		return 0;
	case O_DROP:
		o->drop = arg;
		return 0;
	case O_WHERE:
		o->conds = ease_xrealloc(o->conds, (o->nconds + 1) * sizeof *o->conds);
		ease_cond_parse(&o->conds[o->nconds++], arg);
		return 0;
	}
	return 1;
}

static const ease_tool tool = {
	"select", "[OPTION]... [FILE]...",
	"  -f, --fields A,B,C   write these columns, in this order\n"
	"      --drop A,B       leave these columns out\n"
	"      --where EXPR     keep rows where EXPR holds (repeatable; all must hold):\n"
	"                       COL=V COL!=V COL<V COL<=V COL>V COL>=V (numbers as\n"
	"                       numbers, dates as dates), COL~TEXT (contains, any case);\n"
	"                       V is read as the column's cells are (massage=yes,\n"
	"                       sleep_hours<6:30, a date in the --date-format);\n"
	"                       technique=V matches any spelling of V (deep_tissue =\n"
	"                       Deep Tissue massage) and any member of a '|' list\n",
	"  ease-select --last 30 diary.csv\n"
	"  ease-select --where 'massage>0' -f date,pain,technique diary.csv\n"
	"  ease-select --where 'technique=trigger point' diary.csv\n"
	"  ease-select -d ';' --decimal-comma --date-format %d.%m.%Y eu.csv > diary.csv\n",
	"f:", longopts, EASE_O_INPUT | EASE_O_WINDOW | EASE_O_OUTPUT, handle, -1
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_select_opts o = {0};

	int rc;

	ease_parse_args(&tool, argc, argv, &c, &o);
	rc = ease_select_run(&c, &o);
	ease_select_opts_free(&o);
	return rc;
}

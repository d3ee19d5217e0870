/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/opts.h"
#include "ease/csvio.h"
#include "ease/err.h"
#include "ease/value.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	O_DECIMAL_COMMA = 1000, O_DATE_FORMAT, O_COL, O_SINCE, O_UNTIL,
	O_LAST, O_TODAY, O_FORMAT, O_DIGITS, O_SKIP_BAD
};

static const struct {
	struct option o;
	unsigned group;
} common_opts[] = {
	{{"help", no_argument, NULL, 'h'}, 0},
	{{"version", no_argument, NULL, 'V'}, 0},
	{{"delimiter", required_argument, NULL, 'd'}, EASE_O_READ},
	{{"decimal-comma", no_argument, NULL, O_DECIMAL_COMMA}, EASE_O_READ},
	{{"date-format", required_argument, NULL, O_DATE_FORMAT}, EASE_O_READ},
	{{"col", required_argument, NULL, O_COL}, EASE_O_READ},
	{{"skip-bad", no_argument, NULL, O_SKIP_BAD}, EASE_O_SKIP_BAD},
	{{"by", required_argument, NULL, 'g'}, EASE_O_BY},
	{{"since", required_argument, NULL, O_SINCE}, EASE_O_WINDOW},
	{{"until", required_argument, NULL, O_UNTIL}, EASE_O_WINDOW},
	{{"last", required_argument, NULL, O_LAST}, EASE_O_WINDOW},
	{{"today", optional_argument, NULL, O_TODAY}, EASE_O_WINDOW},
	{{"output", required_argument, NULL, 'o'}, EASE_O_OUTPUT | EASE_O_OUTPUT_FILE},
	{{"format", required_argument, NULL, O_FORMAT}, EASE_O_OUTPUT},
	{{"digits", required_argument, NULL, O_DIGITS}, EASE_O_DIGITS},
};
#define NCOMMON (sizeof common_opts / sizeof common_opts[0])

static const ease_tool_info tools[] = {
	{"check", "validate a diary: parse, dates, ranges, duplicates, gaps, order"},
	{"select", "filter rows and columns by date window and conditions"},
	{"simulate", "make realistic synthetic diaries with known effects"},
	{"import", "convert app exports into an event log"},
	{"daily", "pivot event logs and kind tables into one row per day"},
	{"smooth", "calendar-aware moving averages and sums"},
	{"corr", "correlations with p-values, intervals, lags, autocorrelation"},
	{"prepost", "before-and-after statistics of sessions and periods"},
	{"relief", "how many days relief lasts after a session, by technique"},
	{"plot", "pictures through gnuplot: trends, correlations, calendars, relief"},
	{"report", "a period summary as text, Markdown or HTML"},
	{"alert", "flare detection for cron"},
	{"plan", "the schedule of a randomized self-trial of techniques"},
	{NULL, NULL}
};

const ease_tool_info *
ease_tools(void)
{
	return tools;
}

const char *
ease_tool_purpose(const char *name)
{
	for (const ease_tool_info *t = tools; t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t->purpose;
	return NULL;
}

void
ease_version(void)
{
	printf("%s (ease) %s\n"
	       "Copyright (C) 2026 the ease authors.\n"
	       "License GPL-3.0-or-later "
	       "<https://gnu.org/licenses/gpl.html>.\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law.\n",
	       ease_prog, EASE_VERSION);
	exit(0);
}

void
ease_usage(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", ease_prog);
	va_start(ap, fmt);
	ease_vsay(fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", ease_prog);
	ease_fail_exit(EASE_EX_USAGE);
}

long
ease_opt_long(const char *opt, const char *arg, long lo, long hi)
{
	char *end;
	long v;

	v = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || v < lo || v > hi) {
		if (hi == 2147483647L)
			ease_usage("%s: '%s' is not a whole number >= %ld", opt, arg, lo);
		ease_usage("%s: '%s' is not a whole number from %ld to %ld", opt,
			   arg, lo, hi);
	}
	return v;
}

double
ease_opt_double(const char *opt, const char *arg)
{
	double v;

	if (ease_parse_num(arg, 0, &v) != EASE_V_OK)
		ease_usage("%s: '%s' is not a number", opt, arg);
	return v;
}

long
ease_opt_date(const char *opt, const char *arg)
{
	long day;
	int st = ease_parse_date(arg, NULL, &day);

	if (st == EASE_V_BADCAL)
		ease_usage("%s: '%s' is not a valid date", opt, arg);
	if (st != EASE_V_OK)
		ease_usage("%s: '%s' is not a date (expected YYYY-MM-DD)", opt, arg);
	return day;
}

/* --since/--until: an ISO date, or one in the --date-format FMT. */
static long
window_date(const char *opt, const char *arg, const char *fmt)
{
	long day;
	int st;

	if (fmt == NULL || ease_parse_date(arg, NULL, &day) != EASE_V_BAD)
		return ease_opt_date(opt, arg);
	st = ease_parse_date(arg, fmt, &day);
	if (st == EASE_V_OK)
		return day;
	if (st == EASE_V_BADCAL)
		ease_usage("%s: '%s' is not a valid date", opt, arg);
	if (st == EASE_V_BADYEAR)
		ease_usage("%s: '%s' is not a date from 1900 to 2200 by --date-format %s (for a two-digit year use %%y)",
			   opt, arg, fmt);
	ease_usage("%s: '%s' is not a date (expected YYYY-MM-DD or the --date-format %s)",
		   opt, arg, fmt);
}

void
ease_opt_each(const char *opt, const char *arg,
	      void (*item)(const char *piece, void *ctx), void *ctx)
{
	for (const char *p = arg;;) {
		const char *e = strchr(p, ',');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		char *piece;

		if (l == 0)
			ease_usage("%s: '%s' has an empty item", opt, arg);
		piece = ease_xstrndup(p, l);
		item(piece, ctx);
		free(piece);
		if (!e)
			break;
		p = e + 1;
	}
}

static void
help_to(FILE *f, const ease_tool *t)
{
	const char *purpose = ease_tool_purpose(t->name);

	fprintf(f, "Usage: ease-%s %s\n", t->name, t->usage);
	if (purpose)
		fprintf(f, "%c%s.\n", purpose[0] - 32 * (purpose[0] >= 'a' && purpose[0] <= 'z'),
		       purpose + 1);
	if (t->options && *t->options)
		fprintf(f, "\nOptions:\n%s", t->options);
	if (t->common & EASE_O_READ)
		fprintf(f, "\nInput:\n"
		       "  -d, --delimiter C    field separator: ',' ';' 'tab' (default: from the header)\n"
		       "%s"
		       "      --date-format F  dates as strptime(3) pattern F, e.g. %%d.%%m.%%Y\n"
		       "%s",
		       t->common & EASE_O_FIXED_COLS
		       ? "      --decimal-comma  refused: each format says how it writes numbers\n"
		       : "      --decimal-comma  the input writes numbers 7,5 (output: 7.5)\n",
		       t->common & EASE_O_FIXED_COLS
		       ? "      --col ROLE=NAME  refused: each format names its own columns\n"
		       : "      --col ROLE=NAME  column NAME plays ROLE (pain, sleep_hours, date, ...)\n");
	if (t->common & EASE_O_SKIP_BAD)
		fprintf(f, "%s      --skip-bad       skip rows with bad values, and say how many\n",
		       t->common & EASE_O_READ ? "" : "\nInput:\n");
	if (t->common & (EASE_O_WINDOW | EASE_O_BY))
		fprintf(f, "\nRows:\n");
	if (t->common & EASE_O_WINDOW)
		fprintf(f, "      --since DATE     from DATE (YYYY-MM-DD, or in the --date-format)\n"
		       "      --until DATE     up to and including DATE\n"
		       "      --last N         the last N days up to the last date in the data\n"
		       "      --today[=DATE]   the last day is DATE (default: the system's date),\n"
		       "                       not the data's: --last counts back from it\n");
	if (t->common & EASE_O_BY)
		fprintf(f, "  -g, --by COL         group by COL (default: subject, when present)\n");
	if (t->common & (EASE_O_OUTPUT | EASE_O_OUTPUT_FILE))
		fprintf(f, "\nOutput:\n"
		       "  -o, --output FILE    write FILE (replaced only when the run succeeds)\n");
	if (t->common & EASE_O_OUTPUT)
		fprintf(f, "      --format F       csv (default), tsv, or table for people\n");
	if (t->common & EASE_O_DIGITS)
		fprintf(f, "      --digits N       significant digits of computed numbers (6)\n");
	fprintf(f, "\n  -h, --help           this help\n"
	       "  -V, --version        version\n");
	if (t->examples && *t->examples)
		fprintf(f, "\nExamples:\n%s", t->examples);
	fprintf(f, "\nSee ease-%s(1).\n", t->name);
}

static void
help(const ease_tool *t)
{
	help_to(stdout, t);
	if (fflush(stdout) != 0 || ferror(stdout))
		exit(EASE_EX_IO);
	exit(0);
}

/*
 * The argument an option's line in --help names: "FILE" for "-o, --output
 * FILE", "=DATE" for "--today[=DATE]"; NULL when --help names none.
 */
static char *
help_meta(const char *text, const char *spelling)
{
	size_t l = strlen(spelling);

	for (const char *p = text; (p = strstr(p, spelling)) != NULL; p += l) {
		const char *m = p + l, *e;
		int opt_arg = 0;

		const char *ls = p;

		while (ls > text && ls[-1] != '\n')
			ls--;
		/* an option's own line, not the usage line */
		if (*ls != ' ' || (p[-1] != ' ' && p[-1] != '['))
			continue;
		if (*m == '[' && m[1] == '=')
			m += 2, opt_arg = 1;
		else if (*m == ' ' || *m == '=')
			m++;
		else
			continue;
		for (e = m; (*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9') ||
		     *e == '_' || *e == '.' || (*e == ',' && e[1] != ' ' && e[1] != '\n'); e++)
			;
		if (e == m && *m >= 'a' && *m <= 'z') {
			/* "first|last": the words themselves */
			for (e = m; (*e >= 'a' && *e <= 'z') || *e == '|' || *e == '-'; e++)
				;
			if (memchr(m, '|', (size_t)(e - m)) == NULL)
				continue;
		} else if (e == m || !(m[0] >= 'A' && m[0] <= 'Z'))
			continue;
		{
			char *r = ease_xmalloc((size_t)(e - m) + 2);

			sprintf(r, "%s%.*s", opt_arg ? "=" : "", (int)(e - m), m);
			return r;
		}
	}
	return NULL;
}

/*
 * The values of options that take one of a few words, and ease-plot's KIND,
 * for completion: "TOOL OPTION WORD...", TOOL "*" for every tool.  Options
 * whose --help names them as "first|last" need no line.  tests/completion.t
 * gives each tool each word: every one must be taken.
 */
static const char *const value_words[] = {
	"* format csv tsv table",
	"* delimiter , ; tab",
	"corr method pearson spearman kendall all",
	"import from auto bearable sleep-as-android fitbit sleep-cycle plees-tracker sleepmeter secuso",
	"plot KIND trend scatter lags calendar meds relief profile techniques plan",
	"plot method pearson spearman kendall all",
	"plot terminal png svg pdf dumb",
	"plot direction lower higher",
	"prepost direction lower higher",
	"prepost method reml ml",
	"prepost split first",
	"prepost its first",
	"prepost terms trend,weekday trend weekday none",
	"report format text markdown html",
	"report period week month",
	"simulate table day events sessions",
	"plan format csv tsv table ics",
	"smooth method sma wma median sum min max count ema",
	"alert rules flare high sleep meds overdue",
	NULL
};

/* The words of option NAME (or a positional NAME) of tool T, or NULL. */
static const char *
tool_values(const ease_tool *t, const char *name)
{
	const char *found = NULL;
	size_t tl = strlen(t->name), nl = strlen(name);

	for (const char *const *v = value_words; *v; v++) {
		const char *p;

		if (strncmp(*v, "* ", 2) == 0)
			p = *v + 2;
		else if (strncmp(*v, t->name, tl) == 0 && (*v)[tl] == ' ')
			p = *v + tl + 1;
		else
			continue;
		/* the tool's own line wins over the one for every tool */
		if (strncmp(p, name, nl) == 0 && p[nl] == ' ' && (found == NULL || *v[0] != '*'))
			found = p + nl + 1;
	}
	return found;
}

/*
 * --list-options, for shell completion (completion/): each spelling of each
 * option the parser takes, one a line, as "SPELLING<TAB>ARG<TAB>WORDS":
 * ARG is "-" for none, else the argument --help names (FILE, COL, COLS,
 * DATE, ...; "=DATE" when it is optional), WORDS the values it takes where
 * they are few.  Made from the same tables getopt_long is given and the same
 * text --help prints, so that completion cannot offer what the tool refuses
 * nor miss an option added later.  A line "@ARG<TAB>NAME<TAB>WORDS" names
 * the positional arguments (files, or ease-plot's KIND).
 */
static void
list_options(const ease_tool *t, const struct option *lo, size_t nlo, const char *so)
{
	char *text = NULL;
	size_t tlen = 0;
	FILE *f = open_memstream(&text, &tlen);

	if (f == NULL)
		ease_die(EASE_EX_SOFTWARE, "out of memory");
	help_to(f, t);
	fclose(f);
	for (size_t i = 0; i < nlo; i++) {
		char spell[64];
		const char *words = tool_values(t, lo[i].name);
		char *meta = NULL;

		snprintf(spell, sizeof spell, "--%s", lo[i].name);
		if (lo[i].has_arg != no_argument) {
			meta = help_meta(text, spell);
			if (meta == NULL && lo[i].val > 0 && lo[i].val < 256) {
				char sh[3] = {'-', (char)lo[i].val, '\0'};

				meta = help_meta(text, sh);
			}
		}
		if (meta && strchr(meta, '|')) {
			for (char *c = meta; *c; c++)
				if (*c == '|')
					*c = ' ';
			words = meta;
		}
		if (strcmp(lo[i].name, "col") == 0) {
			printf("%s\t%s\t", spell, meta ? meta : "ROLE=NAME");
			for (int r = 1, first = 1; r < EASE_R_COUNT; r++)
				if (r != EASE_R_MED) {
					printf("%s%s=", first ? "" : " ", ease_role_def(r)->name);
					first = 0;
				}
			printf("\n");
		} else {
			printf("%s\t%s\t%s\n", spell,
			       lo[i].has_arg == no_argument ? "-" : words == meta ? "WORD" :
			       meta ? meta : "VALUE", words ? words : "");
		}
		if (lo[i].val > 0 && lo[i].val < 256 && strchr(so, lo[i].val))
			printf("-%c\t%s\t%s\n", lo[i].val,
			       lo[i].has_arg == no_argument ? "-" : words == meta ? "WORD" :
			       meta ? meta : "VALUE", words ? words : "");
		free(meta);
	}
	/* short options without a long spelling (-x, -y) */
	for (const char *c = so; *c; c++) {
		char sh[3] = {'-', *c, '\0'};
		int has_long = 0;
		char *meta;

		if (*c == ':')
			continue;
		for (size_t i = 0; i < nlo; i++)
			has_long |= lo[i].val == *c;
		if (has_long)
			continue;
		meta = c[1] == ':' ? help_meta(text, sh) : NULL;
		printf("%s\t%s\t\n", sh, c[1] != ':' ? "-" : meta ? meta : "VALUE");
		free(meta);
	}
	if (tool_values(t, "KIND"))
		printf("@ARG\tKIND\t%s\n", tool_values(t, "KIND"));
	if (t->max_files != 0)
		printf("@ARG\tFILE\t\n");
	free(text);
	if (fflush(stdout) != 0 || ferror(stdout))
		exit(EASE_EX_IO);
	exit(0);
}

/*
 * "--today 2026-11-24" gives --today no value (only --today=DATE does), and
 * the date becomes a file name: say so rather than "No such file".
 */
void
ease_today_not_file(const ease_common *c)
{
	long day;

	for (int i = 0; i < c->nfiles; i++)
		if (ease_parse_date(c->files[i], NULL, &day) == EASE_V_OK &&
		    access(c->files[i], F_OK) != 0)
			ease_usage("'%s' is not a file: a date goes with --today as --today=%s",
				   c->files[i], c->files[i]);
}

static void
parse_colmap(ease_common *c, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char role[64];
	int r;

	if (eq == NULL || eq == arg || eq[1] == '\0' || (size_t)(eq - arg) >= sizeof role)
		ease_usage("--col: '%s' is not ROLE=NAME", arg);
	memcpy(role, arg, eq - arg);
	role[eq - arg] = '\0';
	r = ease_role_by_name(role);
	if (r == EASE_R_NONE) {
		char list[1024];
		size_t len = 0;

		list[0] = '\0';
		for (int i = 1; i < EASE_R_COUNT; i++)
			if (i != EASE_R_MED)
				len += (size_t)snprintf(list + len, sizeof list - len,
					"%s%s", len ? ", " : "", ease_role_def(i)->name);
		ease_usage("--col: no role '%s'; roles: %s", role, list);
	}
	if (c->ncolmap == EASE_MAX_COLMAP)
		ease_usage("--col: at most %d", EASE_MAX_COLMAP);
	c->colmap[c->ncolmap].role = r;
	c->colmap[c->ncolmap].name = eq + 1;
	c->ncolmap++;
}

static char
parse_delim(const char *arg)
{
	if (strcmp(arg, "tab") == 0 || strcmp(arg, "TAB") == 0 ||
	    strcmp(arg, "\\t") == 0)
		return '\t';
	if (strlen(arg) != 1 || arg[0] == '"' || arg[0] == '\n' || arg[0] == '\r')
		ease_usage("--delimiter: '%s' is not one character (or 'tab')", arg);
	return arg[0];
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * What getopt_long refused in "--NAME[=VALUE]": no such option, one that
 * needs a value or takes none, or an abbreviation of several, named (getopt
 * says only "ambiguous", and only in English on its own terms).
 */
__attribute__((noreturn)) static void
long_error(const char *name, const struct option *lo, size_t nlo)
{
	size_t l = strcspn(name, "="), nc = 0, len = 0;
	const char *cand[128];
	const struct option *one = NULL;
	char *list;

	for (size_t i = 0; i < nlo; i++)
		if (strncmp(lo[i].name, name, l) == 0) {
			if (lo[i].name[l] == '\0') {
				one = &lo[i];
				nc = 0;
				break;
			}
			one = &lo[i];
			cand[nc++] = lo[i].name;
		}
	if (nc > 1) {
		qsort(cand, nc, sizeof *cand, cmp_str);
		for (size_t i = 0; i < nc; i++)
			len += strlen(cand[i]) + 4;
		list = ease_xmalloc(len + 1);
		len = 0;
		for (size_t i = 0; i < nc; i++)
			len += (size_t)sprintf(list + len, "%s--%s", i ? ", " : "", cand[i]);
		ease_usage("option '--%.*s' is ambiguous: %s", (int)l, name, list);
	}
	if (one == NULL)
		ease_usage("unknown option '--%.*s'", (int)l, name);
	if (one->has_arg == no_argument && name[l] == '=')
		ease_usage("option '--%s' takes no value", one->name);
	ease_usage("option '--%s' needs a value", one->name);
}

void
ease_parse_args(const ease_tool *t, int argc, char **argv, ease_common *c,
		void *ctx)
{
	struct option lo[128];
	char so[128];
	size_t nlo = 0;
	int ch;
	const char *since = NULL, *until = NULL, *today = NULL;

	ease_init(argv[0]);
	memset(c, 0, sizeof *c);
	c->digits = 6;
	c->format = EASE_FMT_CSV;

	snprintf(so, sizeof so, "hV%s%s%s%s", (t->common & EASE_O_READ) ? "d:" : "",
		 (t->common & EASE_O_BY) ? "g:" : "",
		 (t->common & (EASE_O_OUTPUT | EASE_O_OUTPUT_FILE)) ? "o:" : "",
		 t->shortopts ? t->shortopts : "");
	for (size_t i = 0; i < NCOMMON; i++)
		if (common_opts[i].group == 0 || (t->common & common_opts[i].group))
			lo[nlo++] = common_opts[i].o;
	for (const struct option *o = t->longopts; o && o->name && nlo < 127; o++)
		lo[nlo++] = *o;
	memset(&lo[nlo], 0, sizeof lo[nlo]);

	/* hidden: not in --help, asked by the shell's completion */
	if (argc == 2 && strcmp(argv[1], "--list-options") == 0)
		list_options(t, lo, nlo, so);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (ch) {
		case 'h':
			help(t);
			break;
		case 'V':
			ease_version();
		case 'd':
			c->delim = parse_delim(optarg);
			break;
		case O_DECIMAL_COMMA:
			c->decimal_comma = 1;
			break;
		case O_DATE_FORMAT:
			if (*optarg == '\0' || strchr(optarg, '%') == NULL)
				ease_usage("--date-format: '%s' has no %% conversion (try %%d.%%m.%%Y)",
					   optarg);
			c->date_format = optarg;
			break;
		case O_COL:
			parse_colmap(c, optarg);
			break;
		case O_SKIP_BAD:
			c->skip_bad = 1;
			break;
		case 'g':
			/* ease-prepost's own --by, which is not the common one */
			if (!(t->common & EASE_O_BY)) {
				if (t->handle == NULL || t->handle(ch, optarg, ctx) != 0)
					ease_usage("unknown option '%s'", argv[optind - 1]);
				break;
			}
			if (*optarg == '\0')
				ease_usage("--by: needs a column name");
			c->by = optarg;
			break;
		case O_SINCE:
			since = optarg;
			c->has_since = 1;
			break;
		case O_UNTIL:
			until = optarg;
			c->has_until = 1;
			break;
		case O_LAST:
			c->last = ease_opt_long("--last", optarg, 1, 1000000);
			break;
		case O_TODAY:
			c->today = 1;
			today = optarg;
			break;
		case 'o':
			if (*optarg == '\0')
				ease_usage("--output: needs a file name");
			c->output = optarg;
			break;
		case O_FORMAT:
			if (strcmp(optarg, "csv") == 0)
				c->format = EASE_FMT_CSV;
			else if (strcmp(optarg, "tsv") == 0)
				c->format = EASE_FMT_TSV;
			else if (strcmp(optarg, "table") == 0)
				c->format = EASE_FMT_TABLE;
			else {
				/* a format of the tool's own (ease-simulate's day, ease-plan's ics) */
				if (t->handle == NULL || t->handle(EASE_OPT_FORMAT, optarg, ctx) != 0)
					ease_usage("--format: '%s' is not csv, tsv or table", optarg);
				break;
			}
			c->format_given = 1;
			break;
		case O_DIGITS:
			c->digits = (int)ease_opt_long("--digits", optarg, 1, 17);
			break;
		case '?':
			if (strncmp(argv[optind - 1], "--", 2) == 0 && argv[optind - 1][2])
				long_error(argv[optind - 1] + 2, lo, nlo);
			if (optopt && optopt < 256 && strchr(so, optopt) &&
			    strchr(so, optopt)[1] == ':')
				ease_usage("option '-%c' needs a value", optopt);
			if (optopt && optopt < 256)
				ease_usage("unknown option '-%c'", optopt);
			for (size_t i = 0; i < nlo; i++)
				if (lo[i].val == optopt && optopt)
					ease_usage("option '--%s' needs a value", lo[i].name);
			ease_usage("unknown option '%s'", argv[optind - 1]);
		default:
			if (t->handle == NULL || t->handle(ch, optarg, ctx) != 0)
				ease_usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	/* after the loop: --date-format may come after them */
	if (since)
		c->since = window_date("--since", since, c->date_format);
	if (until)
		c->until = window_date("--until", until, c->date_format);
	if (c->today && c->has_until)
		ease_usage("--today and --until both say the last day: give one");
	if (c->has_since && c->has_until && c->since > c->until)
		ease_usage("--since is after --until");
	if (c->last && (c->has_since || c->has_until))
		ease_usage("--last goes with neither --since nor --until");
	c->files = argv + optind;
	c->nfiles = argc - optind;
	/* --today[=DATE], as ease-alert's and ease-report's: the last day */
	if (c->today) {
		if (today == NULL)
			ease_today_not_file(c);
		c->until = today ? window_date("--today", today, c->date_format) : ease_today();
		c->has_until = 1;
		if (c->has_since && c->since > c->until)
			ease_usage("--since is after --today");
	}
	if (t->max_files >= 0 && c->nfiles > t->max_files) {
		if (t->max_files == 0)
			ease_usage("takes no file arguments ('%s')", argv[optind]);
		ease_usage("too many files (at most %d)", t->max_files);
	}
	ease_set_skip_bad(c->skip_bad);
	if (c->last && c->today)
		ease_window_resolve(c, 0);
}

int
ease_window_needs_max(const ease_common *c)
{
	return c->last && !c->today && !c->has_since;
}

void
ease_window_resolve(ease_common *c, long maxday)
{
	if (!c->last || c->has_since)
		return;
	if (!c->today)
		c->until = maxday;
	c->since = c->until - c->last + 1;
	c->has_since = c->has_until = 1;
}

int
ease_window_active(const ease_common *c)
{
	return c->has_since || c->has_until || c->last;
}

int
ease_window_has(const ease_common *c, long day)
{
	if (c->has_since && day < c->since)
		return 0;
	if (c->has_until && day > c->until)
		return 0;
	return 1;
}

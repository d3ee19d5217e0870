/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Randomized self-trials: schedules of arms in balanced blocks. */
#ifndef EASE_PLAN_H
#define EASE_PLAN_H

#include <stddef.h>

enum { EASE_PLAN_WEEK, EASE_PLAN_SESSION };
enum { EASE_PLAN_CSV, EASE_PLAN_ICS };

#define EASE_PLAN_MAX_ARMS 12
#define EASE_PLAN_MAX_BLOCKS 520

typedef struct ease_plan_design {
	int narms;		/* 2 .. EASE_PLAN_MAX_ARMS */
	long blocks;		/* 1 .. EASE_PLAN_MAX_BLOCKS */
	long max_run;		/* 0: no limit */
} ease_plan_design;

/*
 * The number of schedules DESIGN admits, as a decimal integer in BUF (N
 * bytes; a number too long for it is written as "about M.MMMe+E"), and as
 * a double (HUGE_VAL beyond a double's range).
 */
double ease_plan_count(const ease_plan_design *d, char *buf, size_t n);

/*
 * Draws one schedule uniformly from all DESIGN admits: SEQ gets narms *
 * blocks arm numbers (0 .. narms-1).  RNG_UINT(BOUND, CTX) must return a
 * uniform integer in 0 .. BOUND-1.
 */
void ease_plan_draw(const ease_plan_design *d,
		    unsigned long (*rng_uint)(unsigned long bound, void *ctx),
		    void *ctx, int *seq);

/*
 * Whether SEQ (narms * blocks arm numbers) is a schedule DESIGN admits:
 * every block holds each arm once, and no arm runs longer than max_run units.
 */
int ease_plan_admits(const ease_plan_design *d, const int *seq);

typedef struct ease_plan_opts {
	char **arms;
	int narms;
	int unit;		/* EASE_PLAN_WEEK or EASE_PLAN_SESSION */
	long blocks;
	long max_run;
	long start;		/* days since 1970-01-01 */
	int has_start;
	unsigned long seed;
	int has_seed;
	long every;		/* 0: the default, 7 */
	int format;		/* EASE_PLAN_CSV or EASE_PLAN_ICS */
	int layout;		/* EASE_FMT_* of CSV output */
	const char *output;
	/* --power */
	int power;
	const char *diary;	/* NULL: ease-simulate's default diary */
	double effect;		/* points on a unit's mean; 0: 1 */
	long power_trials;	/* simulated trials per number of blocks */
	int power_table;	/* the table blocks -> power on standard output */
} ease_plan_opts;

/* Parses --arms (comma-separated, trimmed; exit 2 on a bad list). */
void ease_plan_set_arms(ease_plan_opts *o, const char *arg);
/* Draws and writes the schedule; returns the exit status. */
int ease_plan_run(ease_plan_opts *o);
/*
 * --power: the blocks a trial of O's design needs to detect O->effect with
 * 80 % power, by simulation (seed O->seed); writes the sentence (or with
 * O->power_table the table, the sentence on standard error).
 */
int ease_plan_power(ease_plan_opts *o);

/* A schedule read back from the CSV ease-plan wrote. */
typedef struct ease_plan_file {
	const char *file;
	char **arms;
	int k;
	int unit;		/* EASE_PLAN_WEEK or EASE_PLAN_SESSION */
	long blocks, max_run, every, start;
	int have;		/* which '#' lines were read, a bit each */
	unsigned long seed;
	char count[64];
	long nunits;
	int *uarm;		/* the arm of each unit */
	long *ufirst, *ulast;	/* the days each unit covers */
	long *sday, *sunit;	/* the planned sessions: day and unit */
	size_t ns, scap;
} ease_plan_file;

/*
 * Reads PATH: the '#' lines of the design, then the rows; checks that the
 * rows are a schedule the design admits and that the count of schedules is
 * the design's (exit 66 when it cannot be opened, 65 when it is not such a
 * schedule, with the line).
 */
void ease_plan_read(ease_plan_file *P, const char *path);
void ease_plan_file_free(ease_plan_file *P);
/* Whether an arm's name means no session (none, no massage, no session). */
int ease_plan_arm_is_none(const char *arm);

#endif

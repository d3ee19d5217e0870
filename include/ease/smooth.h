/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-smooth: calendar-aware moving averages of day-table columns. */
#ifndef EASE_SMOOTH_H
#define EASE_SMOOTH_H

#include <stddef.h>
#include "ease/opts.h"

/* The longest window, in days (a century). */
#define EASE_SMOOTH_MAX_DAYS 36525L

typedef struct ease_smooth_opts {
	const char *fields;	/* -f a,b */
	long *windows;		/* -w, in the order given */
	size_t nwindows;
	int *methods;		/* --method, EASE_W_*, in the order given */
	size_t nmethods;
	int center;
	double half_life;	/* 0: not given */
	const char *half_life_arg;
	long min_count;		/* -1: not given */
} ease_smooth_opts;

void ease_smooth_opts_init(ease_smooth_opts *o);
/* -w 7,28 and --method sma,median (repeatable); exit 2 when malformed. */
void ease_smooth_add_windows(ease_smooth_opts *o, const char *arg);
void ease_smooth_add_methods(ease_smooth_opts *o, const char *arg);
void ease_smooth_set_half_life(ease_smooth_opts *o, const char *arg);
void ease_smooth_set_min_count(ease_smooth_opts *o, const char *arg);
void ease_smooth_opts_free(ease_smooth_opts *o);

/*
 * The whole of ease-smooth: reads C's day table, writes every row with one
 * more column per field, method and window.  Conflicting options exit 2
 * before any input is read.
 */
int ease_smooth_run(ease_common *c, ease_smooth_opts *o);

#endif

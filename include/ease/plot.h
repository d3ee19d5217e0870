/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-plot: the diary as gnuplot scripts and images. */
#ifndef EASE_PLOT_H
#define EASE_PLOT_H

#include "ease/corr.h"
#include "ease/opts.h"
#include "ease/prepost.h"

enum {
	EASE_PLOT_TREND, EASE_PLOT_SCATTER, EASE_PLOT_LAGS, EASE_PLOT_CALENDAR,
	EASE_PLOT_MEDS, EASE_PLOT_RELIEF, EASE_PLOT_PROFILE, EASE_PLOT_TECHNIQUES,
	EASE_PLOT_PLAN,
	EASE_PLOT_NKINDS
};

/* Panels (subjects) one image stacks at most. */
#define EASE_PLOT_MAX_PANELS 24

typedef struct ease_plot_opts {
	int kind;		/* EASE_PLOT_*, -1: not given */
	const char *fields;	/* -f */
	long smooth;		/* --smooth DAYS, 0: none */
	const char *events;	/* --events COL */
	const char *y2;		/* --y2 COL */
	const char *subject;	/* --subject ID */
	double margin;		/* --margin (relief) */
	ease_corr_opts corr;	/* -x -y --lag --lags -m */
	ease_prepost_opts pp;	/* profile, techniques: --event --value --before --after */
	int pp_window;		/* --before or --after given */
	int window_view;	/* techniques: --window (or --before), the before/after view */
	int term;		/* -T, EASE_GP_*; 0: none in the script */
	int width, height;	/* --size; 0: the terminal's default */
	const char *title;	/* --title */
	const char *plan;	/* --plan FILE: the schedule (plan) */
	const char *output;	/* -o */
} ease_plot_opts;

void ease_plot_opts_init(ease_plot_opts *o);
/* "trend" -> EASE_PLOT_TREND ...; exits 2 naming the kinds otherwise. */
int ease_plot_kind(const char *name);
/* --size W,H; -T NAME (exit 2 when malformed). */
void ease_plot_set_size(ease_plot_opts *o, const char *arg);
void ease_plot_set_term(ease_plot_opts *o, const char *arg);

/*
 * The whole of ease-plot: reads C's day table, writes the gnuplot script to
 * standard output, or with O->output runs gnuplot into that file.
 */
int ease_plot_run(ease_common *c, ease_plot_opts *o);

#endif

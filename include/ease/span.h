/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The days a run read, against its date window (--since, --until, --last),
 * so that an empty result can say why: a window that holds no day of the
 * data is another fix than a window with days but no event in them.
 */
#ifndef EASE_SPAN_H
#define EASE_SPAN_H

#include "ease/opts.h"

#include <stddef.h>

typedef struct ease_span {
	long first, last;	/* the data's first and last day read */
	long n, inside;		/* days read, and how many the window keeps */
} ease_span;

/* A row of day DAY read (in the window or not). */
void ease_span_add(ease_span *sp, const ease_common *c, long day);
/*
 * " between 2026-03-01 and 2026-03-31", " from 2026-03-01 on", " up to
 * 2026-03-31", or "" without a window: the end of "no day with X > 0".
 */
const char *ease_window_words(const ease_common *c, char *buf, size_t n);
/*
 * "no NOUN between A and B (the data run from X to Y)" into BUF when the
 * window is active and kept none of the days read; else NULL.
 */
const char *ease_span_empty(const ease_span *sp, const ease_common *c,
			    const char *noun, char *buf, size_t n);
/*
 * Exits 65 when a window is given and none of the days read is in it:
 * "FILE: no days between A and B (the data run from X to Y)".
 */
void ease_span_check(const ease_span *sp, const ease_common *c, const char *file);

#endif

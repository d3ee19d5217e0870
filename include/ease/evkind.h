/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The kinds of an event log (ease-diary(5)): one table that ease-check and
 * ease-daily both read, so that a row one accepts the other accepts too.
 */
#ifndef EASE_EVKIND_H
#define EASE_EVKIND_H

#include <stddef.h>

enum { EASE_EV_PAIN, EASE_EV_SLEEP, EASE_EV_MASSAGE, EASE_EV_MED, EASE_EV_FACTOR,
       EASE_EV_STRESS, EASE_EV_MOOD, EASE_EV_QUALITY, EASE_EV_NOTE, EASE_EV_N };

/* How a value is measured: as it stands, or a length with a unit beside it. */
enum { EASE_EVU_NONE, EASE_EVU_HOURS, EASE_EVU_MINUTES };

typedef struct ease_evkind {
	const char *name;
	int role;		/* the range the value is read with (EASE_R_...) */
	int unit;		/* EASE_EVU_... */
	int needs_value;	/* a rating: no value, no event */
} ease_evkind;

extern const ease_evkind ease_evkinds[EASE_EV_N];

/* The kind named S (any case), or -1. */
int ease_evkind_find(const char *s);

/* "is not a kind (pain, sleep, ..., note)", built from the table. */
const char *ease_evkind_bad(void);

/*
 * Reads an event's VALUE cell of kind KIND, with the UNIT cell ("" for none)
 * converting a length into hours (sleep) or minutes (massage).  Returns NULL
 * with *V set (NaN when empty), or the end of a message, with *ON_UNIT 1 when
 * the unit cell is at fault.  WHY (N bytes) holds a built message.
 */
const char *ease_event_value(int kind, const char *value, const char *unit,
			     int decimal_comma, double *v, int *on_unit, char *why,
			     size_t n);

/*
 * Body locations of pain.  A pain event's name (or a pain table's location
 * cell) is a '|' list of locations: each member is read as ease-import
 * writes it, a slug without the word pain ("Back (lower) pain" and
 * "back_lower" are one).  ease_pain_loc_next puts the next location of *P
 * in *BUF (grown as needed; free it) and returns 0 when the list is done.
 */
int ease_pain_loc_next(const char **p, char **buf, size_t *cap);

/* The distinct locations met, in the order met. */
typedef struct ease_painlocs {
	struct ease_strset *ix;
	char **name;
	size_t n, cap;
} ease_painlocs;

/* Adds NAME to L; returns its index. */
size_t ease_painlocs_add(ease_painlocs *l, const char *name);
/* Whether NAME is in L. */
int ease_painlocs_has(const ease_painlocs *l, const char *name);
/* "a, b, c": L's names in BUF of N bytes, cut with "..." when longer. */
const char *ease_painlocs_list(const ease_painlocs *l, char *buf, size_t n);
void ease_painlocs_free(ease_painlocs *l);

#endif

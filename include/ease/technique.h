/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Technique names: one spelling for what people write many ways
 * ("Deep Tissue", "deep-tissue massage", "deep_tissue").
 */
#ifndef EASE_TECHNIQUE_H
#define EASE_TECHNIQUE_H

#include <stddef.h>

/* The techniques of the domain, in the order of the man pages. */
enum {
	EASE_TECH_TRIGGER_POINT, EASE_TECH_DEEP_TISSUE, EASE_TECH_SWEDISH,
	EASE_TECH_MYOFASCIAL_RELEASE, EASE_TECH_LUMBAR_HIP, EASE_TECH_ACUPRESSURE,
	EASE_NTECH
};

/* The separator of several techniques in one cell. */
#define EASE_LIST_SEP '|'

/*
 * The key a technique name is matched by: ASCII letters lower-cased, runs of
 * blanks, '_', '-', '/' and '&' made one space, the word "and" taken as '&',
 * trailing words "massage" and "therapy" dropped (not the only word), and
 * the aliases of the known techniques (TPT, MFR, ...) taken to theirs.
 * NAME has LEN bytes (need not end in NUL).  The key goes into *BUF (grown
 * with ease_grow, *CAP its size); returns *BUF.
 */
const char *ease_tech_key(const char *name, size_t len, char **buf, size_t *cap);

/* The known technique NAME is a spelling of (EASE_TECH_*), or -1. */
int ease_tech_known(const char *name, size_t len);
/* The canonical spelling of known technique K ("deep tissue"), "" if none. */
const char *ease_tech_name(int k);
/* The canonical spellings, ", "-joined: for messages. */
const char *ease_tech_names(void);

/*
 * The next member of a '|' list: from *P, sets *ITEM and *LEN to the member
 * with blanks around it trimmed and moves *P past it.  Returns 0 when the
 * list is done.  An empty cell is a list of no member; "a||b" holds an empty
 * member between a and b.  A member that is a missing marker (NA, N/A, NaN,
 * -) or "none", in any case, is empty too (*LEN 0): no technique.
 */
int ease_list_next(const char **p, const char **item, size_t *len);

/*
 * A register of technique names met: by key, the spelling to show - the
 * canonical one for a known technique, the first spelling met otherwise.
 */
typedef struct ease_technames ease_technames;

ease_technames *ease_technames_new(void);
/* Registers NAME (LEN bytes); returns the spelling to show for it. */
const char *ease_technames_add(ease_technames *t, const char *name, size_t len);
/* Registers every member of the '|' list CELL. */
void ease_technames_add_list(ease_technames *t, const char *cell);
/*
 * Registers every member of the '|' list CELL that names a technique and
 * calls FN with its spelling to show; a missing one ("-", N/A) is skipped.
 */
void ease_technames_each(ease_technames *t, const char *cell,
			 void (*fn)(const char *name, void *ctx), void *ctx);
size_t ease_technames_count(const ease_technames *t);
/* The I-th name registered, in the order first met. */
const char *ease_technames_get(const ease_technames *t, size_t i);
void ease_technames_free(ease_technames *t);

/*
 * Warns once for each name met that is not a known technique but looks like
 * a slip for one (Myofasical, deep tisue, acupressures): "did you mean ...?".
 * Only documented aliases map to a technique; a tool that groups by
 * technique calls this once, after its last row.
 */
void ease_technames_warn_close(const ease_technames *t);

/* Whether NAME is two known techniques run together ("Deep Tissue & Swedish"): *A, *B. */
int ease_tech_pair(const char *name, size_t len, int *a, int *b);
/* The known technique NAME looks like a slip for ("Tigger point"), or -1. */
int ease_tech_slip(const char *name, size_t len);

struct ease_cols;
/*
 * The technique column of C, or -1 with a warning that every session then
 * counts only in "all": for a tool that groups by technique.
 */
int ease_tech_col(const struct ease_cols *c);

/*
 * The length of NAME's last word when it is "massage" or "therapy" in any
 * case ("Thai Massage"), else 0: such a name needs no "massage" after it.
 */
size_t ease_tech_suffix(const char *name, size_t len);

#endif

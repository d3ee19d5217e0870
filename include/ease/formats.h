/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * App exports ease knows by their header: the one table ease-check uses to
 * name the converter, and ease-import will use to pick its reader.
 */
#ifndef EASE_FORMATS_H
#define EASE_FORMATS_H

#include "ease/csvio.h"

typedef struct ease_format {
	const char *name;	/* the word of ease-import --from: "bearable" */
	const char *app;	/* as people call it: "Bearable" */
	const char *shape;	/* what its rows are, for the message */
	/*
	 * Columns the header holds, compared without case and surrounding
	 * blanks.  LEADING: they are the first columns, in this order (later
	 * columns vary between versions); otherwise each is somewhere.
	 */
	const char *const *cols;
	int leading;
	/* A line of one cell the app writes above the header, or NULL. */
	const char *title;
} ease_format;

/* Every known format, ending with a zero entry. */
const ease_format *ease_formats(void);
/* The format whose header H is, or NULL. */
const ease_format *ease_format_detect(const ease_rec *h);
/*
 * Whether H is a title line some format writes above its header (Fitbit's
 * "Sleep"): the header proper is the next record.
 */
int ease_format_is_title(const ease_rec *h);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/canon.h"
#include "ease/err.h"
#include "ease/value.h"

#include <stdlib.h>
#include <string.h>

static int
text_role(int role)
{
	switch (role) {
	case EASE_R_DATE: case EASE_R_SUBJECT: case EASE_R_TECHNIQUE:
	case EASE_R_DRUG: case EASE_R_UNIT: case EASE_R_KIND: case EASE_R_NAME:
	case EASE_R_NOTE: case EASE_R_START: case EASE_R_END:
	case EASE_R_BEDTIME: case EASE_R_WAKETIME:
		return 1;
	}
	return 0;
}

void
ease_canon_init(ease_canon *k, const ease_cols *cols, int date_col,
		const ease_common *c)
{
	memset(k, 0, sizeof *k);
	k->cols = cols;
	k->date_col = date_col;
	k->date_format = c->date_format;
	k->decimal_comma = c->decimal_comma;
	k->active = c->decimal_comma || (c->date_format && date_col >= 0);
	k->textcol = ease_xcalloc(cols->n + 1, 1);
	for (size_t i = 0; i < cols->n; i++)
		k->textcol[i] = (char)text_role(cols->role[i]);
}

void
ease_canon_free(ease_canon *k)
{
	free(k->textcol);
	free(k->tmp);
	k->textcol = NULL;
	k->tmp = NULL;
}

void
ease_canon_field(ease_canon *k, ease_writer *w, int col, const char *cell,
		 size_t len, long day)
{
	char buf[16];

	if (col == k->date_col && k->date_format) {
		/* a missing date was refused by the reader, so DAY is this row's */
		ease_w_str(w, ease_fmt_date(day, buf));
		return;
	}
	/* 7,5 -> 7.5 and 1.200 -> 1200: a number that is not canonical */
	if (k->decimal_comma && !k->textcol[col] &&
	    (memchr(cell, ',', len) || memchr(cell, '.', len))) {
		ease_grow((void **)&k->tmp, &k->tmpcap, len + 1, 1);
		if (ease_num_canon(cell, 1, k->tmp, len + 1)) {
			ease_w_str(w, k->tmp);
			return;
		}
	}
	ease_w_field(w, cell, len);
}

void
ease_canon_fields(ease_canon *k, ease_writer *w, size_t n, char *const *f,
		  const size_t *len, long day)
{
	if (!k->active) {
		ease_w_fields(w, n, f, len);
		return;
	}
	for (size_t i = 0; i < n; i++)
		ease_canon_field(k, w, (int)i, f[i], len[i], day);
}

int
ease_canon_check(const ease_canon *k, const ease_rec *rec, const char *file)
{
	size_t n = k->cols->n < rec->n ? k->cols->n : rec->n;

	for (size_t i = 0; (i = ease_cols_skip_plain(k->cols, rec, i, n, k->decimal_comma)) < n; i++) {
		int role = k->cols->role[i];
		const char *why = NULL;
		double v;

		/* free text can hold anything: nothing to check per row */
		if (role == EASE_R_NONE || role == EASE_R_DATE || (int)i == k->date_col ||
		    ease_role_def(role)->type == EASE_T_TEXT)
			continue;
		if (ease_cols_check(k->cols, (int)i, rec->f[i], k->decimal_comma,
				    k->date_format, &v, &why) == EASE_V_BAD)
			return !ease_bad_value(file, rec->line, k->cols->name[i],
					       rec->f[i], why);
	}
	return 1;
}

static const char *
delim_name(char d)
{
	return d == '\t' ? "\\t" : d == ',' ? "," : d == ';' ? ";" : NULL;
}

void
ease_warn_delim(const ease_cols *cols, char delim)
{
	static const char cand[] = {',', ';', '\t'};
	char forced[2] = {delim, '\0'};

	if (delim == 0 || cols->n != 1)
		return;
	for (size_t i = 0; i < sizeof cand; i++)
		if (cand[i] != delim && strchr(cols->name[0], cand[i])) {
			ease_warn("%s: with -d '%s' the header is one column, but it holds "
				  "'%s': is -d '%s' meant?", cols->file,
				  delim_name(delim) ? delim_name(delim) : forced,
				  delim_name(cand[i]), delim_name(cand[i]));
			return;
		}
}

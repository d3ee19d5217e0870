/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: any bytes as a diary.  Reads them through the CSV reader
 * with three delimiters, and every cell through the value
 * parsers and role checks; any crash, leak or undefined behaviour is a bug.
 */
#include "ease/cols.h"
#include "ease/csvio.h"
#include "ease/err.h"
#include "ease/value.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64];

static void
read_all(char delim, int lenient)
{
	ease_reader *r = ease_reader_open(path, delim);
	const ease_rec *h, *rec;
	ease_cols *cols = NULL;

	ease_reader_set_lenient(r, lenient);
	h = ease_reader_header(r);
	if (h)
		cols = ease_cols_new_all(h, path, NULL, 0);	/* never exits */
	while (h && (rec = ease_reader_next(r)) != NULL) {
		for (size_t i = 0; i < rec->n; i++) {
			double v;
			long d;
			const char *why;
			ease_datetime dt;

			ease_parse_num(rec->f[i], (int)(i & 1), &v);
			ease_parse_date(rec->f[i], (i & 2) ? "%d.%m.%Y" : NULL, &d);
			ease_parse_datetime(rec->f[i], NULL, &dt);
			if (cols && i < cols->n)
				ease_cols_check(cols, (int)i, rec->f[i], (int)(i & 1), NULL, &v, &why);
		}
	}
	ease_cols_free(cols);
	ease_reader_close(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp;

	if (path[0] == '\0')
		snprintf(path, sizeof path, "/tmp/ease-fuzz-%d.csv", (int)getpid());
	fp = fopen(path, "wb");
	if (fp == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	/* lenient: the strict reader ends the process on bad data, by design */
	read_all(0, 1);
	read_all(';', 1);
	read_all('\t', 1);
	return 0;
}

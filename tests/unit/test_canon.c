/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Input cells written back in the canonical form. */
#include "ease/canon.h"
#include "ease/err.h"
#include "ease/value.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main(void)
{
	char *hf[] = {"Datum", "pain", "technique", "note", "x"};
	size_t hl[] = {5, 4, 9, 4, 1};
	ease_rec h = {5, hf, hl, 1};
	ease_colmap map[] = {{EASE_R_DATE, "Datum"}};
	ease_cols *cols = ease_cols_new(&h, "t.csv", map, 1);
	char *rf[] = {"07.01.2026", "5,5", "deep tissue", "1,5 h", "2,25"};
	size_t rl[] = {10, 3, 11, 5, 4};
	ease_rec row = {5, rf, rl, 2};
	ease_common c = {0};
	ease_canon k;
	char path[] = "/tmp/test_canon_XXXXXX", got[256];
	int fd = mkstemp(path);
	ease_writer *w;
	FILE *f;
	size_t n;

	ease_set_prog("test_canon");
	c.decimal_comma = 1;
	c.date_format = "%d.%m.%Y";
	ease_canon_init(&k, cols, 0, &c);
	ok(k.active, "active with --decimal-comma and --date-format");
	ok(ease_canon_check(&k, &row, "t.csv") == 1, "the row's role cells are good");
	w = ease_writer_open(path, EASE_FMT_CSV, NULL, 0);
	ease_canon_fields(&k, w, row.n, row.f, row.len, ease_days_from_civil(2026, 1, 7));
	ease_w_end(w);
	ease_writer_close(w);
	f = fopen(path, "r");
	n = f ? fread(got, 1, sizeof got - 1, f) : 0;
	got[n] = '\0';
	if (f)
		fclose(f);
	is_str(got, "2026-01-07,5.5,deep tissue,\"1,5 h\",2.25\n",
	       "ISO date, '.' decimals, text as written");
	ease_canon_free(&k);

	c.decimal_comma = 0;
	c.date_format = NULL;
	ease_canon_init(&k, cols, 0, &c);
	ok(!k.active, "nothing to rewrite for canonical input");
	ease_canon_free(&k);
	ease_cols_free(cols);
	close(fd);
	unlink(path);
	return tap_done();
}

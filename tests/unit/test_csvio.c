/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reader and writer: line numbers, quoting, delimiters, round trips. */
#include "ease/csvio.h"
#include "tap.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64];

static ease_reader *
open_text(const char *text, size_t n, char delim)
{
	FILE *fp;

	strcpy(path, "/tmp/ease-test-XXXXXX");
	close(mkstemp(path));
	fp = fopen(path, "wb");
	fwrite(text, 1, n, fp);
	fclose(fp);
	return ease_reader_open(path, delim);
}

static void
lines_and_quotes(void)
{
	const char text[] = "a,b,c\n1,\"x\ny\",3\n\n2,\"q\"\"q\",\"\"\n3,,\"l1\r\nl2\r\nl3\"\n4,z,w";
	ease_reader *r = open_text(text, sizeof text - 1, 0);
	const ease_rec *h = ease_reader_header(r), *rec;

	ok(h && h->n == 3 && strcmp(h->f[2], "c") == 0, "header");
	rec = ease_reader_next(r);
	ok(rec && rec->line == 2 && strcmp(rec->f[1], "x\ny") == 0, "quoted newline, line 2");
	rec = ease_reader_next(r);
	is_long(rec ? rec->line : -1, 5, "after a blank line: line 5");
	is_str(rec ? rec->f[1] : NULL, "q\"q", "doubled quote");
	ok(rec && rec->len[2] == 0, "quoted empty field");
	rec = ease_reader_next(r);
	is_long(rec ? rec->line : -1, 6, "CRLF inside quotes, line 6");
	is_str(rec ? rec->f[2] : NULL, "l1\r\nl2\r\nl3", "CRLF kept inside the field");
	rec = ease_reader_next(r);
	is_long(rec ? rec->line : -1, 9, "last record without newline, line 9");
	ok(ease_reader_next(r) == NULL, "end");
	ease_reader_close(r);
	unlink(path);
}

static void
bom_crlf_delims(void)
{
	const char t1[] = "\xEF\xBB\xBF" "Datum;Schmerz;Notiz\r\n01.03.2026;7,5;\"a;b\"\r\n";
	const char t2[] = "date\tpain\n2026-01-01\t3\n";
	const char t3[] = "date,pain\r2026-01-01,3\r2026-01-02,4\r";
	const char t4[] = "\"a;b\",c,d\n1,2,3\n";
	ease_reader *r = open_text(t1, sizeof t1 - 1, 0);
	const ease_rec *rec;

	rec = ease_reader_header(r);
	ok(ease_reader_had_bom(r), "BOM seen");
	is_str(rec->f[0], "Datum", "BOM stripped from the first name");
	ok(ease_reader_delim(r) == ';', "';' detected");
	rec = ease_reader_next(r);
	is_str(rec->f[1], "7,5", "decimal comma left as written");
	is_str(rec->f[2], "a;b", "quoted delimiter");
	ok(rec->len[2] == 3, "no CR left at the end of the last field");
	ease_reader_close(r);

	r = open_text(t2, sizeof t2 - 1, 0);
	ease_reader_header(r);
	ok(ease_reader_delim(r) == '\t', "TAB detected");
	ease_reader_close(r);

	r = open_text(t3, sizeof t3 - 1, 0);
	ease_reader_header(r);
	rec = ease_reader_next(r);
	ok(rec && rec->line == 2 && strcmp(rec->f[1], "3") == 0, "CR-only line ends");
	rec = ease_reader_next(r);
	ok(rec && rec->line == 3, "CR-only, line 3");
	ease_reader_close(r);

	r = open_text(t4, sizeof t4 - 1, 0);
	ok(ease_reader_delim(r) == ',', "a quoted ';' does not count");
	ease_reader_close(r);

	r = open_text(t2, sizeof t2 - 1, ',');
	rec = ease_reader_header(r);
	ok(rec->n == 1, "-d forces the delimiter");
	ease_reader_close(r);
	unlink(path);
}

static void
lenient(void)
{
	const char text[] = "a,b\n1,2,3\n4\n5,\"open\n6,7\n";
	ease_reader *r = open_text(text, sizeof text - 1, 0);
	const ease_rec *rec;

	ease_reader_set_lenient(r, 1);
	ease_reader_header(r);
	rec = ease_reader_next(r);
	ok(rec && rec->n == 3, "ragged row handed back");
	rec = ease_reader_next(r);
	ok(rec && rec->n == 1 && rec->line == 3, "short row handed back");
	rec = ease_reader_next(r);
	ok(rec == NULL && ease_reader_error(r) != NULL, "unterminated quote reported");
	is_long(ease_reader_error_line(r), 4, "where the quote opened");
	ease_reader_close(r);
	unlink(path);
}

static void
long_fields(void)
{
	/* a field longer than the reader's buffer */
	size_t n = 300000;
	char *text = malloc(n + 64), *p = text;
	ease_reader *r;
	const ease_rec *rec;

	p += sprintf(p, "a,b\n1,\"");
	for (size_t i = 0; i < n; i++)
		*p++ = (i % 1000 == 999) ? '\n' : 'x';
	p += sprintf(p, "\"\n2,y\n");
	r = open_text(text, (size_t)(p - text), 0);
	ease_reader_header(r);
	rec = ease_reader_next(r);
	ok(rec && rec->len[1] == n, "300 kB field whole");
	rec = ease_reader_next(r);
	is_long(rec ? rec->line : -1, 2 + 300 + 1, "line count after it");
	ease_reader_close(r);
	unlink(path);

	/* the same without quotes or line breaks: longer than the buffer */
	p = text;
	p += sprintf(p, "a,b\n1,");
	memset(p, 'x', n);
	p += n;
	p += sprintf(p, "\n2,y");
	r = open_text(text, (size_t)(p - text), 0);
	ease_reader_header(r);
	rec = ease_reader_next(r);
	ok(rec && rec->n == 2 && rec->len[1] == n, "300 kB unquoted field whole");
	rec = ease_reader_next(r);
	ok(rec && rec->line == 3 && strcmp(rec->f[1], "y") == 0, "and the row after it");
	ease_reader_close(r);
	unlink(path);
	free(text);
}

static void
writer_roundtrip(void)
{
	const char *fields[] = {"plain", "with,comma", "with \"quote\"", "two\nlines",
				"cr\r", "", " blank "};
	size_t nf = sizeof fields / sizeof fields[0];
	char out[64];
	ease_writer *w;
	ease_reader *r;
	const ease_rec *rec;
	int same = 1;

	strcpy(out, "/tmp/ease-out-XXXXXX");
	close(mkstemp(out));
	w = ease_writer_open(out, EASE_FMT_CSV, NULL, 0);
	for (size_t i = 0; i < nf; i++)
		ease_w_str(w, fields[i]);
	ease_w_end(w);
	for (size_t i = 0; i < nf; i++)
		ease_w_str(w, fields[nf - 1 - i]);
	ease_w_end(w);
	ease_w_str(w, "");
	ease_w_end(w);
	ease_writer_close(w);

	r = ease_reader_open(out, ',');
	rec = ease_reader_header(r);
	for (size_t i = 0; i < nf; i++)
		if (rec->n != nf || strcmp(rec->f[i], fields[i]) != 0)
			same = 0;
	ok(same, "written fields read back the same");
	rec = ease_reader_next(r);
	ok(rec && rec->n == nf, "second row");
	ease_reader_set_lenient(r, 1);
	rec = ease_reader_next(r);
	ok(rec && rec->n == 1 && rec->len[0] == 0, "a lone empty field survives");
	ease_reader_close(r);
	unlink(out);
}

/* libcsv alone, keeping blanks: what the reader must agree with. */
struct ref {
	char **f;
	size_t *rec_end;	/* field count after each record */
	size_t nf, nr, cap, rcap;
};

static void
ref_field(void *s, size_t len, void *data)
{
	struct ref *r = data;

	if (r->nf == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->f = realloc(r->f, r->cap * sizeof *r->f);
	}
	r->f[r->nf] = malloc(len + 1);
	memcpy(r->f[r->nf], s ? s : "", len);
	r->f[r->nf++][len] = '\0';
}

static void
ref_record(int c, void *data)
{
	struct ref *r = data;

	(void)c;
	if (r->nr == r->rcap) {
		r->rcap = r->rcap ? 2 * r->rcap : 64;
		r->rec_end = realloc(r->rec_end, r->rcap * sizeof *r->rec_end);
	}
	r->rec_end[r->nr++] = r->nf;
}

static int
keep_blanks(unsigned char c)
{
	(void)c;
	return 0;
}

/*
 * Random text from an alphabet rich in separators, quotes and line ends,
 * read by the reader (which splits plain lines itself) and by libcsv: the
 * same records and fields, every time.
 */
static void
agrees_with_libcsv(int quoted)
{
	static const char alphabet[] = "ab,,,;\"\"  \n\n\r1";
	/* whole fields in quotes, as apps write them, and what spoils one */
	static const char *const tokens[] = {
		"\"ab\"", "\"a,b\"", "\"\"", "\"a b\"", ",", ",", ",", "\n", "\r\n", "x",
		" ", "\"", "\"a\"\"b\"", "\"a\nb\"", "\"a\rb\"", "\"\"\"\"", "\t",
	};
	unsigned long long x = 0x9e3779b97f4a7c15ULL;
	int bad = 0;

	for (int round = 0; round < 5000 && !bad; round++) {
		char text[400];
		size_t n = 0;
		struct csv_parser p;
		struct ref ref = {0};
		ease_reader *r;
		const ease_rec *rec;
		size_t k = 0, fi = 0;

		/* a header line first, so the reader has one */
		memcpy(text, "h1,h2\n", 6);
		n = 6;
		for (size_t len = 8 + round % 300; n < len; ) {
			x ^= x << 13; x ^= x >> 7; x ^= x << 17;
			if (quoted) {
				const char *t = tokens[x % (sizeof tokens / sizeof tokens[0])];

				memcpy(text + n, t, strlen(t));
				n += strlen(t);
			} else {
				text[n++] = alphabet[x % (sizeof alphabet - 1)];
			}
		}
		csv_init(&p, 0);
		csv_set_space_func(&p, keep_blanks);
		csv_parse(&p, text, n, ref_field, ref_record, &ref);
		csv_fini(&p, ref_field, ref_record, &ref);
		csv_free(&p);

		r = open_text(text, n, ',');
		ease_reader_set_lenient(r, 1);
		rec = ease_reader_header(r);
		while (rec) {
			size_t start = k ? ref.rec_end[k - 1] : 0;

			if (k >= ref.nr || rec->n != ref.rec_end[k] - start) {
				bad = 1;
				break;
			}
			for (size_t i = 0; i < rec->n; i++, fi++)
				if (strcmp(rec->f[i], ref.f[start + i]) != 0)
					bad = 1;
			k++;
			rec = ease_reader_next(r);
		}
		/* an unterminated last quote: libcsv hands back what it has */
		if (!bad && k != ref.nr && !(ease_reader_error(r) && k + 1 == ref.nr))
			bad = 1;
		if (bad)
			printf("# differs on round %d: %.*s\n", round, (int)n, text);
		ease_reader_close(r);
		unlink(path);
		for (size_t i = 0; i < ref.nf; i++)
			free(ref.f[i]);
		free(ref.f);
		free(ref.rec_end);
	}
	ok(!bad, quoted ? "the reader agrees with libcsv on 5000 random texts of quoted fields"
			: "the reader agrees with libcsv on 5000 random texts");
}

/* A limited reader keeps K fields and still counts them all. */
static void
limited(void)
{
	const char text[] = "a,b,c,d\n1,2,3,4\n5,\"6\",7,8\n9,10,11\n";
	ease_reader *r = open_text(text, sizeof text - 1, 0);
	const ease_rec *rec;

	ease_reader_header(r);
	ease_reader_set_limit(r, 2);
	rec = ease_reader_next(r);
	ok(rec && rec->n == 2 && strcmp(rec->f[1], "2") == 0, "plain line: two fields kept");
	rec = ease_reader_next(r);
	ok(rec && rec->n == 2 && strcmp(rec->f[1], "6") == 0, "quoted line: two fields kept");
	ease_reader_set_lenient(r, 1);
	rec = ease_reader_next(r);
	ok(rec != NULL, "short row still read");
	ease_reader_close(r);
	unlink(path);
}

/*
 * A NUL belongs to the record holding it: a record handed out clean has no
 * NUL anywhere in its fields (each field's length is its strlen), and the
 * record with the NUL is the one flagged, wherever its line began.
 */
static void
nul_charged_to_its_record(void)
{
	const char text[] = "d,v\n"
		"1,ok\r2,4\0" "999\n"		/* second record after a lone CR */
		"3,\"q\0\"\r4,fine\n"	/* quoted NUL, then a clean record */
		"5,\"a\nb\"\r6,x\0y\n"	/* record 6 starts on line 5 */
		"7,last\0";
	static const char *const want[] = {"1", "2", "3", "4", "5", "6", "7"};
	static const int bad[] = {0, 1, 1, 0, 0, 1, 1};
	static const long line[] = {2, 2, 3, 3, 4, 5, 6};
	ease_reader *r = open_text(text, sizeof text - 1, 0);
	const ease_rec *rec;
	size_t k = 0;
	int clean_ok = 1;

	ease_reader_set_lenient(r, 1);
	ease_reader_header(r);
	while ((rec = ease_reader_next(r)) != NULL && k < 7) {
		is_str(rec->f[0], want[k], "record in order");
		is_long(ease_reader_error(r) != NULL, bad[k], "NUL charged to its own record");
		is_long(rec->line, line[k], "line where the record starts");
		if (!ease_reader_error(r))
			for (size_t i = 0; i < rec->n; i++)
				if (strlen(rec->f[i]) != rec->len[i])
					clean_ok = 0;
		k++;
	}
	is_long((long)k, 7, "every record read");
	ok(clean_ok, "a record handed out clean holds no NUL");
	ok(ease_reader_error(r) == NULL, "the last record's problem is not reported again at the end");
	ease_reader_close(r);
	unlink(path);
}

static size_t
file_size(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;

	if (f == NULL)
		return 0;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fclose(f);
	return n < 0 ? 0 : (size_t)n;
}

/* Outputs are put in place together, once all are finished; long rows whole. */
static void
writers_commit_together(void)
{
	char dir[] = "/tmp/ease-commit-XXXXXX", a[64], b[64];
	static char big[200000];
	ease_writer *wa, *wb;
	FILE *f;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(a, sizeof a, "%s/a.csv", dir);
	snprintf(b, sizeof b, "%s/b.csv", dir);
	f = fopen(a, "w");
	fputs("old\n", f);
	fclose(f);
	wa = ease_writer_open(a, EASE_FMT_CSV, NULL, 0);
	wb = ease_writer_open(b, EASE_FMT_CSV, NULL, 0);
	memset(big, 'x', sizeof big - 1);
	ease_w_str(wa, big);
	ease_w_str(wa, "end");
	ease_w_end(wa);
	ease_w_str(wb, "b");
	ease_w_end(wb);
	ease_writer_close(wa);
	ok(file_size(a) == 4, "a closed output waits for the other one");
	ok(access(b, F_OK) != 0, "the other one is not there yet");
	ease_writer_finish(wb);
	ease_writers_commit();
	ok(file_size(a) == sizeof big - 1 + 5, "both in place after the commit: a");
	ok(file_size(b) == 2, "both in place after the commit: b");
	unlink(a);
	unlink(b);
	rmdir(dir);
}

/*
 * Where a record is left open inside libcsv decides whether the next line is
 * split without it: cases at each of its states at a line end and at the
 * end of the file (the reader knows them from libcsv's callbacks only).
 */
static void
open_records(void)
{
	/* a quoted cell's middle line that needs no parser, and one with a
	 * delimiter; a record after two blank lines; a CR alone inside quotes */
	const char text[] = "a,b\n1,\"x\nmid,dle\nplain\n\"\n\n\n\"q\",2\n3,\"r\rs\"\n4,\"t\"";
	ease_reader *r = open_text(text, sizeof text - 1, 0);
	const ease_rec *rec;

	ease_reader_header(r);
	rec = ease_reader_next(r);
	ok(rec && rec->n == 2 && strcmp(rec->f[1], "x\nmid,dle\nplain\n") == 0,
	   "lines inside quotes stay in their cell");
	is_long(rec ? rec->line : -1, 2, "that record begins on line 2");
	rec = ease_reader_next(r);
	ok(rec && strcmp(rec->f[0], "q") == 0 && rec->line == 8, "after blank lines: line 8");
	rec = ease_reader_next(r);
	ok(rec && strcmp(rec->f[1], "r\rs") == 0 && rec->line == 9, "a CR inside quotes");
	rec = ease_reader_next(r);
	ok(rec && strcmp(rec->f[1], "t") == 0 && rec->line == 10,
	   "a closing quote at the end of the file ends the record");
	ok(ease_reader_next(r) == NULL && ease_reader_error(r) == NULL, "end, no error");
	ease_reader_close(r);
	unlink(path);

	/* a delimiter last at the end of the file: an empty last field */
	{
		const char t2[] = "a,b\n1,";

		r = open_text(t2, sizeof t2 - 1, 0);
		rec = ease_reader_next(r);
		ok(rec && rec->n == 2 && rec->len[1] == 0, "a trailing delimiter at the end");
		ease_reader_close(r);
		unlink(path);
	}
	/* a quote left open at the end, after a line end inside it */
	{
		const char t3[] = "a,b\n1,2\n3,\"open\nstill\n";

		r = open_text(t3, sizeof t3 - 1, 0);
		ease_reader_set_lenient(r, 1);
		ease_reader_header(r);
		rec = ease_reader_next(r);
		ok(rec && rec->line == 2, "the record before the open quote");
		rec = ease_reader_next(r);
		ok(rec == NULL && ease_reader_error(r) != NULL, "an open quote at the end is no record");
		is_long(ease_reader_error_line(r), 3, "where it opened");
		ease_reader_close(r);
		unlink(path);
	}
	/* old Mac line ends (CR), quotes across them */
	{
		const char t4[] = "a,b\r1,\"x\ry\"\r2,z\r";

		r = open_text(t4, sizeof t4 - 1, 0);
		rec = ease_reader_next(r);
		ok(rec && strcmp(rec->f[1], "x\ry") == 0, "CR files: a CR inside quotes");
		rec = ease_reader_next(r);
		ok(rec && strcmp(rec->f[1], "z") == 0 && rec->line == 4, "CR files: the next record, line 4");
		ease_reader_close(r);
		unlink(path);
	}
}

int
main(void)
{
	lines_and_quotes();
	open_records();
	bom_crlf_delims();
	lenient();
	long_fields();
	writer_roundtrip();
	writers_commit_together();
	agrees_with_libcsv(0);
	agrees_with_libcsv(1);
	limited();
	nul_charged_to_its_record();
	return tap_done();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "ease/csvio.h"
#include "ease/err.h"
#include "ease/value.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/sysmacros.h>
#endif
#include <unistd.h>

#define INBUF (64 * 1024)

/*
 * Only libcsv's public API is used: its parser state (pstate, quoted) is
 * private to libcsv.c, and these names make any use of it a compile error.
 * Whether a record is open is known from the callbacks instead: the parser
 * is told (CSV_REPALL_NL) to report every line end outside quotes, a blank
 * line's as a record of no fields; a line end fed alone that reports nothing
 * was inside quotes.  libcsv's own end-of-file check of an open quote works
 * only in strict mode, which would refuse a stray quote inside an unquoted
 * field that spreadsheets write.
 */
#define pstate libcsv_private_pstate
#define quoted libcsv_private_quoted

struct ease_reader {
	FILE *fp;
	char *name;
	struct csv_parser p;
	char *buf;
	size_t pos, len;
	int eof, done, lenient, bom;
	int utf16;		/* the start of the file is UTF-16 */
	char term, delim;
	unsigned char cls[256];	/* 1: the delimiter; 2: a byte only libcsv may judge */
	long line;		/* lines wholly fed to the parser */
	long rec_start;		/* line where the record in progress began */
	int open;		/* libcsv holds part of a record */
	int ended;		/* libcsv reported a line end (a record, or a blank line) */

	/* fields of the records completed by the last segment */
	char *data;
	size_t dlen, dcap;
	size_t *foff, *flen;
	size_t nf, fcap;
	size_t cur_start;	/* first field of the record in progress */
	int cur_nul;		/* it holds a NUL byte */

	/* completed records waiting to be handed out */
	struct pend {
		size_t start, n;	/* fields kept: foff/flen[start..start+n) */
		size_t ntrue;		/* fields the line had */
		const char *base;	/* what foff counts from; NULL: data */
		long line;
		int nul;
	} *q;
	size_t qn, qcap, qhead;

	ease_rec rec;
	char **fptr;
	size_t fpcap;
	size_t width;		/* header's field count, 0 before it */
	size_t limit;		/* fields handed out per record; 0: all */
	size_t ntrue;		/* the last record's own field count */
	int have_header;
	char err[160];
	int errset;
	ease_reader *prev, *next;	/* in the list of open readers */
};

/*
 * Every reader not yet closed.  A tool dies of bad input (ease_die) with its
 * reader often held only in a local the compiler no longer keeps; listed
 * here it stays reachable, so that dying frees nothing and leaks nothing.
 */
static ease_reader *open_readers;

static void
push_field(ease_reader *r, size_t off, size_t len)
{
	if (r->nf + 1 > r->fcap) {
		ease_grow((void **)&r->foff, &r->fcap, r->nf + 1, sizeof *r->foff);
		r->flen = ease_xrealloc(r->flen, r->fcap * sizeof *r->flen);
	}
	r->foff[r->nf] = off;
	r->flen[r->nf] = len;
	r->nf++;
}

static void
on_field(void *s, size_t len, void *data)
{
	ease_reader *r = data;

	if (r->dlen + len + 1 > r->dcap)
		ease_grow((void **)&r->data, &r->dcap, r->dlen + len + 1, 1);
	if (len)
		memcpy(r->data + r->dlen, s, len);
	r->data[r->dlen + len] = '\0';
	push_field(r, r->dlen, len);
	r->dlen += len + 1;
	/* a NUL belongs to the record of its own field, not to its line */
	if (len && memchr(s, '\0', len))
		r->cur_nul = 1;
}

static void
on_record(int c, void *data)
{
	ease_reader *r = data;

	(void)c;
	r->ended = 1;
	if (r->nf == r->cur_start)
		return;		/* a blank line (CSV_REPALL_NL): no record */
	if (r->qn + 1 > r->qcap)
		ease_grow((void **)&r->q, &r->qcap, r->qn + 1, sizeof *r->q);
	r->q[r->qn].start = r->cur_start;
	r->q[r->qn].n = r->q[r->qn].ntrue = r->nf - r->cur_start;
	r->q[r->qn].base = NULL;
	r->q[r->qn].line = r->rec_start;
	r->q[r->qn].nul = r->cur_nul;
	r->qn++;
	r->cur_start = r->nf;
	r->cur_nul = 0;
	/* a record that follows on the same line (after a lone CR) starts there */
	r->rec_start = r->line + 1;
}

static int
no_space(unsigned char c)
{
	(void)c;	/* keep blanks: a passed-through field stays as written */
	return 0;
}

static void
fill(ease_reader *r)
{
	size_t got;

	if (r->pos > 0 && r->pos < r->len)
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
	r->len -= r->pos;
	r->pos = 0;
	while (!r->eof && r->len < INBUF) {
		got = fread(r->buf + r->len, 1, INBUF - r->len, r->fp);
		r->len += got;
		if (got == 0) {
			if (ferror(r->fp))
				ease_die(EASE_EX_IO, "%s: read error: %s", r->name,
					 strerror(errno));
			r->eof = 1;
		}
		if (memchr(r->buf, '\n', r->len))
			break;
	}
}

/* Counts DELIM outside quotes in the first line. */
static size_t
count_in_header(const char *s, size_t n, char delim)
{
	size_t k = 0;
	int inq = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			inq = !inq;
		else if (!inq && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!inq && s[i] == delim)
			k++;
	}
	return k;
}

/*
 * Old Mac exports end lines with CR alone.  The first line end outside quotes
 * tells: a CR not followed by LF.  An LF inside a quoted cell says nothing
 * about the file's line ends.  A quote opens a quoted field only at the start
 * of a field (after any of the delimiters ease detects), as for the parser.
 */
static char
line_end(ease_reader *r)
{
	int inq = 0;
	size_t i = r->pos;

	for (; i < r->len; i++) {
		char c = r->buf[i];

		if (inq) {
			if (c == '"') {
				if (i + 1 < r->len && r->buf[i + 1] == '"')
					i++;
				else
					inq = 0;
			}
		} else if (c == '\n') {
			return '\n';
		} else if (c == '\r') {
			break;
		} else if (c == '"' && (i == r->pos || (r->buf[i - 1] &&
						   strchr(",;\t", r->buf[i - 1])))) {
			inq = 1;
		}
	}
	if (i == r->len)
		return '\n';	/* no line end yet: one line, either way */
	/*
	 * Sleep Cycle ends its lines with CR CR LF: a run of CRs before an LF
	 * is one line end, not a blank line.  A run that ends the buffer: the
	 * next byte decides.
	 */
	for (;;) {
		while (i + 1 < r->len && r->buf[i + 1] == '\r')
			i++;
		if (i + 1 < r->len || r->eof || r->len >= INBUF)
			break;
		size_t got = fread(r->buf + r->len, 1, 1, r->fp);

		if (got == 0) {
			if (ferror(r->fp))
				ease_die(EASE_EX_IO, "%s: read error: %s", r->name,
					 strerror(errno));
			r->eof = 1;
		}
		r->len += got;
	}
	return i + 1 < r->len && r->buf[i + 1] == '\n' ? '\n' : '\r';
}

/*
 * Excel's "Unicode Text" is UTF-16: read as bytes, every other one is a NUL
 * and no field is what it says.  A byte order mark tells, or else a first
 * line whose bytes pair up as (character, NUL) or (NUL, character).
 */
static int
looks_utf16(const char *b, size_t len)
{
	size_t pairs = 0;
	int le = 1, be = 1;

	if (len >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') ||
			 (b[0] == '\xFE' && b[1] == '\xFF')))
		return 1;
	for (size_t i = 0; i + 1 < len && (le || be); i += 2) {
		if (b[i] == '\n' || b[i + 1] == '\n')
			break;
		le &= b[i] != '\0' && b[i + 1] == '\0';
		be &= b[i] == '\0' && b[i + 1] != '\0';
		pairs++;
	}
	return pairs >= 2 && (le || be);
}

/* The size of the last block libcsv could not get, for the message. */
static size_t csv_failed;

static void *
csv_realloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (q == NULL)
		csv_failed = n;
	return q;
}

ease_reader *
ease_reader_open(const char *path, char delim)
{
	ease_reader *r;
	FILE *fp = stdin;
	struct stat st;

	/* opened and judged before anything is allocated that dying would lose */
	if (path != NULL && strcmp(path, "-") != 0) {
		fp = fopen(path, "rb");
		if (fp == NULL)
			ease_die(EASE_EX_NOINPUT, "%s: %s", path, strerror(errno));
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (fp != stdin)
			fclose(fp);
		ease_die(EASE_EX_NOINPUT, "%s: is a directory",
			 fp == stdin ? "<stdin>" : path);
	}
	r = ease_xcalloc(1, sizeof *r);
	r->fp = fp;
	r->name = ease_xstrdup(fp == stdin ? "<stdin>" : path);
	r->next = open_readers;
	if (open_readers)
		open_readers->prev = r;
	open_readers = r;
	r->buf = ease_xmalloc(INBUF + 1);	/* + a byte for plain_line's sentinel */
	fill(r);
	r->utf16 = looks_utf16(r->buf, r->len);
	if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
		r->pos = 3;
		r->bom = 1;
	}
	r->term = line_end(r);
	if (delim == 0) {
		size_t c = count_in_header(r->buf + r->pos, r->len - r->pos, ',');
		size_t s = count_in_header(r->buf + r->pos, r->len - r->pos, ';');
		size_t t = count_in_header(r->buf + r->pos, r->len - r->pos, '\t');

		delim = ',';
		if (s > c && s >= t)
			delim = ';';
		else if (t > c && t > s)
			delim = '\t';
	}
	r->delim = delim;
	r->cls['"'] = r->cls['\r'] = r->cls['\n'] = r->cls[0] = 2;
	r->cls[(unsigned char)delim] = 1;
	if (csv_init(&r->p, CSV_REPALL_NL) != 0)
		ease_die(EASE_EX_SOFTWARE, "cannot start the CSV parser");
	csv_set_realloc_func(&r->p, csv_realloc);
	csv_set_delim(&r->p, (unsigned char)delim);
	return r;
}

void
ease_reader_set_lenient(ease_reader *r, int on)
{
	r->lenient = on;
}

void
ease_reader_set_limit(ease_reader *r, size_t k)
{
	r->limit = k;
}

/*
 * A line without quotes, carriage returns or NULs means to libcsv (which is
 * told to keep blanks) exactly its bytes split at each delimiter: split it
 * here in one pass, and leave libcsv the lines that need a parser.  So does
 * a field wholly in quotes with none inside ("7.5", as apps quote every
 * field): it means its bytes between the quotes.
 */
static int
plain_line(ease_reader *r, char *s, size_t seg, int has_nl)
{
	size_t len = seg - (has_nl != 0), n0 = r->nf, i = 0, fs = 0, ntrue = 0;
	size_t keep = r->limit ? r->limit : len + 1, nf, *foff, *flen;
	const unsigned char *cls = r->cls;
	char save;

	if (r->open)
		return 0;
	/* part of a line longer than the buffer: libcsv takes it piece by piece */
	if (!has_nl && !(r->eof && s + seg == r->buf + r->len))
		return 0;
	if (len && s[len - 1] == '\r' && r->term == '\n')
		len--;
	if (len == 0)
		return 1;	/* a blank line is no record, as for libcsv */
	if (r->nf + len + 1 > r->fcap) {
		ease_grow((void **)&r->foff, &r->fcap, r->nf + len + 1, sizeof *r->foff);
		r->flen = ease_xrealloc(r->flen, r->fcap * sizeof *r->flen);
	}
	/*
	 * The fields stay where they are in the input buffer, each ended by a
	 * NUL written over its delimiter; a sentinel delimiter after the line
	 * (the buffer has a spare byte) ends the scan without a bound test.
	 */
	save = s[len];
	s[len] = r->delim;
	foff = r->foff;
	flen = r->flen;
	nf = r->nf;
	for (;;) {
		size_t fo = fs, fl;

		if (s[i] == '"' && cls['"'] == 2) {
			/* ended by a NUL over its closing quote, the delimiter kept */
			size_t j = i + 1;

			for (;;) {
				while (!cls[(unsigned char)s[j]])
					j++;
				if (cls[(unsigned char)s[j]] == 2 || j == len)
					break;
				j++;	/* a delimiter inside the quotes */
			}
			if (j == len || s[j] != '"' || s[j + 1] != r->delim) {
				r->nf = nf;
				goto parser;
			}
			fo = i + 1;
			fl = j - fo;
			if (ntrue < keep)
				s[j] = '\0';
			i = j + 1;
		} else {
			while (!cls[(unsigned char)s[i]])
				i++;
			if (cls[(unsigned char)s[i]] == 2) {
				r->nf = nf;
				goto parser;
			}
			fl = i - fs;
			if (ntrue < keep)
				s[i] = '\0';
		}
		if (ntrue++ < keep) {
			foff[nf] = fo;
			flen[nf] = fl;
			nf++;
		}
		if (i == len)
			break;
		fs = ++i;
	}
	r->nf = nf;
	s[len] = '\0';
	if (r->qn + 1 > r->qcap)
		ease_grow((void **)&r->q, &r->qcap, r->qn + 1, sizeof *r->q);
	r->q[r->qn].start = n0;
	r->q[r->qn].n = r->nf - n0;
	r->q[r->qn].ntrue = ntrue;
	r->q[r->qn].base = s;
	r->q[r->qn].line = r->line + 1;
	r->q[r->qn].nul = 0;
	r->qn++;
	r->cur_start = r->nf;
	return 1;
parser:
	/*
	 * Needs the parser after all: put the line back.  A field in quotes
	 * has its opening quote before it; any other, a delimiter or nothing.
	 */
	for (size_t j = n0; j < r->nf; j++) {
		size_t o = r->foff[j];

		s[o + r->flen[j]] = o > 0 && s[o - 1] == '"' ? '"' : r->delim;
	}
	s[len] = save;
	r->nf = n0;
	return 0;
}

static void
parse_part(ease_reader *r, const char *s, size_t n)
{
	if (n && csv_parse(&r->p, s, n, on_field, on_record, r) != n) {
		if (csv_error(&r->p) == CSV_ENOMEM)
			ease_nomem(csv_failed);
		ease_die(EASE_EX_SOFTWARE, "%s: CSV parser: %s", r->name,
			 csv_strerror(csv_error(&r->p)));
	}
}

/*
 * Feeds S[0..N) to libcsv and learns whether a record is left open: a last
 * byte other than a line end leaves one open; a line end fed on its own
 * closes one (or a blank line) unless it falls inside quotes, when libcsv
 * reports nothing.
 */
static void
parse(ease_reader *r, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (s[n - 1] != '\n' && s[n - 1] != '\r') {
		parse_part(r, s, n);
		r->open = 1;
		return;
	}
	parse_part(r, s, n - 1);
	r->ended = 0;
	parse_part(r, s + n - 1, 1);
	r->open = !r->ended;
}

/* Feeds the parser until at least one record is queued or the input ends. */
static void
feed(ease_reader *r)
{
	/*
	 * Records handed out are done with; fields of a record still in
	 * progress (after a lone CR ended the one before it on the same line)
	 * move to the front.
	 */
	if (r->cur_start < r->nf) {
		size_t base = r->foff[r->cur_start];

		memmove(r->data, r->data + base, r->dlen - base);
		for (size_t i = r->cur_start; i < r->nf; i++) {
			r->foff[i - r->cur_start] = r->foff[i] - base;
			r->flen[i - r->cur_start] = r->flen[i];
		}
		r->nf -= r->cur_start;
		r->dlen -= base;
	} else {
		r->nf = r->dlen = 0;
		r->cur_nul = 0;
	}
	r->cur_start = 0;
	r->qn = r->qhead = 0;
	while (r->qn == 0 && !r->done) {
		char *s, *nl;
		size_t seg;

		nl = memchr(r->buf + r->pos, r->term, r->len - r->pos);
		if (nl == NULL) {
			if (!r->eof)
				fill(r);
			if (r->pos == r->len && r->eof) {
				/*
				 * A line end ends the last record as csv_fini would,
				 * unless a quote is open: then it is taken in.
				 */
				if (r->open) {
					r->ended = 0;
					if (csv_parse(&r->p, "\n", 1, on_field, on_record, r) != 1)
						ease_die(EASE_EX_SOFTWARE, "%s: CSV parser: %s", r->name,
							 csv_strerror(csv_error(&r->p)));
					r->open = !r->ended;
				}
				if (r->open || csv_fini(&r->p, on_field, on_record, r) != 0) {
					r->done = 1;
					snprintf(r->err, sizeof r->err,
						 "unterminated quoted field (it runs to the end of the file)");
					r->errset = 1;
					return;
				}
				r->done = 1;
				break;
			}
			nl = memchr(r->buf + r->pos, r->term, r->len - r->pos);
		}
		s = r->buf + r->pos;
		seg = nl ? (size_t)(nl - s) + 1 : r->len - r->pos;
		if (!plain_line(r, s, seg, nl != NULL)) {
			/* a record begins on the line fed when none is in progress */
			if (!r->open)
				r->rec_start = r->line + 1;
			/*
			 * libcsv trims blanks around unquoted fields unless told
			 * what a blank is, and asking costs a call per byte: ask
			 * only on lines that have blanks.
			 */
			csv_set_space_func(&r->p, (memchr(s, ' ', seg) ||
						   memchr(s, '\t', seg)) ? no_space : NULL);
			/*
			 * libcsv grows its field buffer by a fixed step (128
			 * bytes by default): a step as large as the buffer, 64
			 * KiB at least, makes the growth geometric, so that a
			 * field of megabytes is not copied thousands of times
			 * (under AddressSanitizer realloc always copies)
			 */
			csv_set_blk_size(&r->p, csv_get_buffer_size(&r->p) > 65536
					 ? csv_get_buffer_size(&r->p) : 65536);
			parse(r, s, seg);
		}
		r->pos += seg;
		if (nl)
			r->line++;
	}
}

static const ease_rec *
pop(ease_reader *r)
{
	struct pend *pd;
	const char *base;
	size_t n;

	/* the last record's problem is not the next one's */
	r->errset = 0;
	if (r->qhead == r->qn) {
		feed(r);
		if (r->qhead == r->qn)
			return NULL;
	}
	pd = &r->q[r->qhead++];
	base = pd->base ? pd->base : r->data;
	n = r->limit && pd->n > r->limit ? r->limit : pd->n;
	if (n + 1 > r->fpcap)
		ease_grow((void **)&r->fptr, &r->fpcap, n + 1, sizeof *r->fptr);
	for (size_t i = 0; i < n; i++)
		r->fptr[i] = (char *)base + r->foff[pd->start + i];
	r->ntrue = pd->ntrue;
	r->rec.n = n;
	r->rec.f = r->fptr;
	r->rec.len = r->flen + pd->start;
	r->rec.line = pd->line;
	if (pd->nul) {
		size_t i = 0;

		while (i < n && !memchr(r->fptr[i], '\0', r->rec.len[i]))
			i++;
		if (i < n) {
			char shown[64];

			snprintf(r->err, sizeof r->err,
				 "field %zu: '%s' holds a NUL byte (is this a text file?)",
				 i + 1, ease_shown_n(r->fptr[i], r->rec.len[i], shown,
						     sizeof shown));
		} else
			snprintf(r->err, sizeof r->err,
				 "NUL byte in a field (is this a text file?)");
		r->errset = 1;
	}
	return &r->rec;
}

const ease_rec *
ease_reader_header(ease_reader *r)
{
	const ease_rec *h;

	if (r->have_header)
		ease_die(EASE_EX_SOFTWARE, "header read twice");
	r->have_header = 1;
	if (r->utf16) {
		/* refused before any of its garbled fields is judged */
		snprintf(r->err, sizeof r->err, "a UTF-16 file (Excel's 'Unicode Text'); "
			 "save it as 'CSV UTF-8' instead");
		if (!r->lenient)
			ease_die(EASE_EX_DATA, "%s: %s", r->name, r->err);
		r->errset = 1;
		r->rec_start = 0;
		return NULL;
	}
	h = pop(r);
	if (h == NULL) {
		if (r->errset && !r->lenient)
			ease_die(EASE_EX_DATA, "%s:%ld: %s", r->name, r->rec_start,
				 r->err);
		return NULL;
	}
	if (r->errset && !r->lenient)
		ease_die(EASE_EX_DATA, "%s:%ld: %s", r->name, h->line, r->err);
	r->width = h->n;
	return h;
}

const ease_rec *
ease_reader_next(ease_reader *r)
{
	const ease_rec *rec;

	if (!r->have_header && ease_reader_header(r) == NULL)
		return NULL;
	for (;;) {
		rec = pop(r);
		if (rec == NULL) {
			if (r->errset && !r->lenient) {
				r->errset = 0;
				/* with --skip-bad the swallowed tail is counted as one row */
				ease_bad_row(r->name, r->rec_start, "%s", r->err);
			}
			return NULL;
		}
		if (r->lenient)
			return rec;
		if (r->errset) {
			ease_bad_row(r->name, rec->line, "%s", r->err);
			continue;
		}
		if (r->ntrue != r->width) {
			ease_bad_row(r->name, rec->line,
				     "%zu field%s, but the header has %zu",
				     r->ntrue, r->ntrue == 1 ? "" : "s", r->width);
			continue;
		}
		return rec;
	}
}

const char *
ease_reader_error(const ease_reader *r)
{
	if (r->errset)
		return r->err;
	return NULL;
}

long
ease_reader_error_line(const ease_reader *r)
{
	return r->rec_start;
}

const char *
ease_reader_name(const ease_reader *r)
{
	return r->name;
}

char
ease_reader_delim(const ease_reader *r)
{
	return r->delim;
}

int
ease_reader_had_bom(const ease_reader *r)
{
	return r->bom;
}

void
ease_reader_close(ease_reader *r)
{
	if (r == NULL)
		return;
	if (r->prev)
		r->prev->next = r->next;
	else
		open_readers = r->next;
	if (r->next)
		r->next->prev = r->prev;
	if (r->fp != stdin)
		fclose(r->fp);
	csv_free(&r->p);
	free(r->buf);
	free(r->data);
	free(r->foff);
	free(r->flen);
	free(r->q);
	free(r->fptr);
	free(r->name);
	free(r);
}

/* ---- several files as one table ---- */

struct ease_input {
	char **files;
	int nfiles, cur;
	char delim;
	size_t limit;
	ease_reader *r;
	char **hdr;
	size_t nhdr;
	char *first;
	ease_rec header;
	ease_input *prev, *next;	/* in the list of open inputs */
};

/* Every input not yet closed: reachable when a tool dies, as readers are. */
static ease_input *open_inputs;

ease_input *
ease_input_open(char **files, int nfiles, char delim)
{
	ease_input *in;
	ease_reader *r;
	static char *dash[] = {"-"};

	if (nfiles == 0) {
		files = dash;
		nfiles = 1;
	}
	r = ease_reader_open(files[0], delim);
	in = ease_xcalloc(1, sizeof *in);
	in->files = files;
	in->nfiles = nfiles;
	in->delim = delim;
	in->r = r;
	in->next = open_inputs;
	if (open_inputs)
		open_inputs->prev = in;
	open_inputs = in;
	return in;
}

const ease_rec *
ease_input_header(ease_input *in)
{
	const ease_rec *h = ease_reader_header(in->r);

	if (h == NULL)
		ease_die(EASE_EX_DATA, "%s: empty file, expected a header line",
			 ease_reader_name(in->r));
	in->nhdr = h->n;
	in->hdr = ease_xcalloc(h->n + 1, sizeof *in->hdr);
	for (size_t i = 0; i < h->n; i++)
		in->hdr[i] = ease_xstrndup(h->f[i], h->len[i]);
	in->first = ease_xstrdup(ease_reader_name(in->r));
	in->header = *h;
	in->header.f = in->hdr;
	return &in->header;
}

static int
same_header(const ease_input *in, const ease_rec *h)
{
	if (h->n != in->nhdr)
		return 0;
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->f[i], in->hdr[i]) != 0)
			return 0;
	return 1;
}

const ease_rec *
ease_input_next(ease_input *in)
{
	const ease_rec *rec, *h;

	if (in->hdr == NULL)
		ease_input_header(in);
	for (;;) {
		rec = ease_reader_next(in->r);
		if (rec)
			return rec;
		if (in->cur + 1 >= in->nfiles)
			return NULL;
		ease_reader_close(in->r);
		in->r = NULL;
		in->r = ease_reader_open(in->files[++in->cur], in->delim);
		/* the limit starts after this file's header has been compared */
		h = ease_reader_header(in->r);
		if (h == NULL)
			continue;	/* an empty later file adds no rows */
		if (!same_header(in, h))
			ease_die(EASE_EX_DATA,
				 "%s: the header differs from the one of %s",
				 ease_reader_name(in->r), in->first);
		ease_reader_set_limit(in->r, in->limit);
	}
}

void
ease_input_set_limit(ease_input *in, size_t k)
{
	in->limit = k;
	ease_reader_set_limit(in->r, k);
}

char
ease_input_delim(const ease_input *in)
{
	return in->r ? ease_reader_delim(in->r) : in->delim;
}

const char *
ease_input_name(const ease_input *in)
{
	return ease_reader_name(in->r);
}

void
ease_input_close(ease_input *in)
{
	if (in == NULL)
		return;
	if (in->prev)
		in->prev->next = in->next;
	else
		open_inputs = in->next;
	if (in->next)
		in->next->prev = in->prev;
	ease_reader_close(in->r);
	for (size_t i = 0; i < in->nhdr; i++)
		free(in->hdr[i]);
	free(in->hdr);
	free(in->first);
	free(in);
}

/* ---- output ---- */

#define OUTBUF (64 * 1024)

/* Where a writer's bytes go, and how they reach the named file. */
enum {
	W_STDOUT,		/* standard output */
	W_DIRECT,		/* a device, FIFO, or the file standard output is */
	W_RENAME,		/* a temporary file renamed over the target */
	W_COPY,			/* a temporary file copied into a hard-linked target */
	W_SPOOL			/* standard output, held in a temporary file until committed */
};

struct ease_writer {
	FILE *fp;
	char *path;		/* as given: for messages */
	char *target;		/* symlinks resolved: what is replaced */
	char *tmp;		/* the temporary file, until it is committed */
	char *canon;		/* a new file: its full path, to compare outputs */
	int kind;
	int finished;
	int exists;		/* the file was there at the start */
	int ident;		/* dev and ino name it (never for /dev/null) */
	dev_t dev;
	ino_t ino;
	int format;
	char delim;
	char *buf;
	size_t blen, bcap;
	size_t rowstart;	/* where the row being written began in buf */
	unsigned char special[256];	/* bytes that make a field need quotes */
	size_t nfield;		/* fields written in the current row */
	int row_empty;		/* current row: one field, empty so far */
	/* table format: every cell kept until the end */
	char **cells;
	size_t ncells, ccap;
	size_t *rowlen;
	size_t nrows, rcap;
	ease_writer *next;
};

/* Every writer of the run not yet committed, newest first. */
static ease_writer *writers;

static const char *
wname(const ease_writer *w)
{
	return w->path ? w->path : "standard output";
}

static void
remove_tmps(void)
{
	for (ease_writer *w = writers; w; w = w->next)
		if (w->tmp)
			unlink(w->tmp);
}

static void
wwrite(ease_writer *w, const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, w->fp) != n)
		ease_write_failed(wname(w), errno);
}

/*
 * Room for N more bytes.  Only whole rows leave the buffer, so that a run
 * that dies mid-row never leaves half a row downstream; a row longer than
 * the buffer grows it.
 */
static void
make_room(ease_writer *w, size_t n)
{
	if (w->blen + n <= w->bcap)
		return;
	if (w->rowstart > 0) {
		wwrite(w, w->buf, w->rowstart);
		memmove(w->buf, w->buf + w->rowstart, w->blen - w->rowstart);
		w->blen -= w->rowstart;
		w->rowstart = 0;
	}
	if (w->blen + n > w->bcap)
		ease_grow((void **)&w->buf, &w->bcap, w->blen + n, 1);
}

static void
wput(ease_writer *w, const char *s, size_t n)
{
	make_room(w, n);
	memcpy(w->buf + w->blen, s, n);
	w->blen += n;
}

static void
row_done(ease_writer *w)
{
	w->rowstart = w->blen;
}

static void
wflush(ease_writer *w)
{
	wwrite(w, w->buf, w->blen);
	w->blen = w->rowstart = 0;
}

static int
is_null_dev(const struct stat *st)
{
	static int have;
	static dev_t null;

	if (!S_ISCHR(st->st_mode))
		return 0;
	if (!have) {
		struct stat sn;

		if (stat("/dev/null", &sn) == 0 && S_ISCHR(sn.st_mode)) {
			null = sn.st_rdev;
			have = 1;
		} else {
#ifdef __linux__
			/* /dev/null itself was replaced: Linux's null device */
			null = makedev(1, 3);
			have = 1;
#else
			have = -1;
#endif
		}
	}
	return have == 1 && st->st_rdev == null;
}

/*
 * PATH with every symlink in its last component followed, even one that
 * points nowhere yet (the new file is made where it points).
 */
static char *
resolve_links(const char *path)
{
	char *p = ease_xstrdup(path);

	for (int hops = 0;; hops++) {
		struct stat st;
		char link[4096];
		ssize_t n;

		if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
			return p;
		if (hops == 40)
			ease_die(EASE_EX_CANTCREAT, "%s: %s", path, strerror(ELOOP));
		n = readlink(p, link, sizeof link - 1);
		if (n < 0)
			ease_die(EASE_EX_CANTCREAT, "%s: %s", path, strerror(errno));
		link[n] = '\0';
		const char *slash = strrchr(p, '/');
		if (link[0] == '/' || slash == NULL) {
			free(p);
			p = ease_xstrdup(link);
		} else {
			size_t dl = (size_t)(slash - p) + 1;
			char *q = ease_xmalloc(dl + (size_t)n + 1);

			memcpy(q, p, dl);
			memcpy(q + dl, link, (size_t)n + 1);
			free(p);
			p = q;
		}
	}
}

/* The full path a new file TARGET would have: its folder's real path. */
static char *
canonical_new(const char *path, const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir, *real, *c;

	if (slash == NULL)
		dir = ease_xstrdup(".");
	else if (slash == target)
		dir = ease_xstrdup("/");
	else
		dir = ease_xstrndup(target, (size_t)(slash - target));
	real = realpath(dir, NULL);
	if (real == NULL)
		ease_die(EASE_EX_CANTCREAT, "%s: %s", path, strerror(errno));
	free(dir);
	const char *base = slash ? slash + 1 : target;
	c = ease_xmalloc(strlen(real) + strlen(base) + 2);
	sprintf(c, "%s/%s", real, base);
	free(real);
	return c;
}

static int
same_file(const ease_writer *a, const ease_writer *b)
{
	if (a->ident && b->ident)
		return a->dev == b->dev && a->ino == b->ino;
	return a->canon && b->canon && strcmp(a->canon, b->canon) == 0;
}

/* Refuses to write over one of the run's inputs, standard input included. */
static void
check_inputs(const ease_writer *w, const struct stat *so, char **inputs,
	     int ninputs)
{
	struct stat si;
	int stdin_read = inputs != NULL && ninputs == 0;

	/* a terminal or /dev/null loses nothing by being read and written */
	if (inputs == NULL || S_ISCHR(so->st_mode))
		return;
	for (int i = 0; i < ninputs; i++) {
		if (strcmp(inputs[i], "-") == 0) {
			stdin_read = 1;
			continue;
		}
		if (stat(inputs[i], &si) == 0 && si.st_dev == so->st_dev &&
		    si.st_ino == so->st_ino)
			ease_die(EASE_EX_CANTCREAT, "%s: will not write over an input file",
				 w->path);
	}
	if (stdin_read && fstat(0, &si) == 0 && si.st_dev == so->st_dev &&
	    si.st_ino == so->st_ino)
		ease_die(EASE_EX_CANTCREAT,
			 "%s: will not write over an input file (it is standard input)",
			 w->path);
}

/* Is ST the file open on descriptor FD? */
static int
is_fd(int fd, const struct stat *st)
{
	struct stat sf;

	return fstat(fd, &sf) == 0 && sf.st_dev == st->st_dev && sf.st_ino == st->st_ino;
}

static void
open_file(ease_writer *w, const char *path, char **inputs, int ninputs)
{
	struct stat so;
	int fd;

	w->path = ease_xstrdup(path);
	if (stat(path, &so) == 0) {
		if (S_ISDIR(so.st_mode))
			ease_die(EASE_EX_CANTCREAT, "%s: is a directory", path);
		w->exists = 1;
		w->ident = !is_null_dev(&so);
		w->dev = so.st_dev;
		w->ino = so.st_ino;
		check_inputs(w, &so, inputs, ninputs);
	} else if (errno != ENOENT)
		ease_die(EASE_EX_CANTCREAT, "%s: %s", path, strerror(errno));
	if (w->exists && (!S_ISREG(so.st_mode) || is_fd(1, &so) || is_fd(2, &so))) {
		/*
		 * Renaming over a device or FIFO would replace it with a file,
		 * and over the file standard output already writes (as
		 * /dev/stdout names it) would leave that output behind.
		 */
		w->kind = W_DIRECT;
		if (is_fd(1, &so))
			fd = dup(1);
		else if (is_fd(2, &so))
			fd = dup(2);
		else
			fd = open(path, O_WRONLY | O_NOCTTY);
		if (fd < 0)
			ease_die(EASE_EX_CANTCREAT, "%s: %s", path, strerror(errno));
		w->fp = fdopen(fd, "wb");
		if (w->fp == NULL)
			ease_die(EASE_EX_CANTCREAT, "%s: %s", path, strerror(errno));
		return;
	}
	w->target = resolve_links(path);
	if (!w->exists)
		w->canon = canonical_new(path, w->target);
	w->tmp = ease_xmalloc(strlen(w->target) + 16);
	sprintf(w->tmp, "%s.XXXXXX", w->target);
	fd = mkstemp(w->tmp);
	if (fd < 0) {
		free(w->tmp);
		w->tmp = NULL;
		ease_die(EASE_EX_CANTCREAT, "%s: %s", path, strerror(errno));
	}
	if (w->exists) {
		/* the owner first: changing it may clear set-id bits of the mode */
		if (fchown(fd, so.st_uid, so.st_gid) != 0 &&
		    fchown(fd, (uid_t)-1, so.st_gid) != 0) {
			/* not permitted: the file becomes ours, as any new file */
		}
		if (fchmod(fd, so.st_mode & 07777) != 0) {
			/* stays private (0600): nothing is lost */
		}
		w->kind = so.st_nlink > 1 ? W_COPY : W_RENAME;
	} else {
		mode_t um = umask(0);

		umask(um);
		if (fchmod(fd, 0666 & ~um) != 0) {
			/* stays private (0600): nothing is lost */
		}
		w->kind = W_RENAME;
	}
	w->fp = fdopen(fd, w->kind == W_COPY ? "w+b" : "wb");
	if (w->fp == NULL)
		ease_die(EASE_EX_CANTCREAT, "%s: %s", path, strerror(errno));
}

ease_writer *
ease_writer_open(const char *path, int format, char **inputs, int ninputs)
{
	static int hooked;
	ease_writer *w = ease_xcalloc(1, sizeof *w);

	w->format = format;
	w->delim = format == EASE_FMT_TSV ? '\t' : ',';
	w->special['"'] = w->special['\n'] = w->special['\r'] = 1;
	w->special[(unsigned char)w->delim] = 1;
	w->bcap = OUTBUF;
	w->buf = ease_xmalloc(w->bcap);
	if (!hooked) {
		atexit(remove_tmps);
		ease_on_fail(remove_tmps);
		hooked = 1;
	}
	/* in the list before anything can fail, so that its temporary goes */
	w->next = writers;
	writers = w;
	if (path == NULL || strcmp(path, "-") == 0) {
		struct stat so;

		w->kind = W_STDOUT;
		w->fp = stdout;
		if (fstat(1, &so) == 0 && !is_null_dev(&so)) {
			w->ident = 1;
			w->dev = so.st_dev;
			w->ino = so.st_ino;
		}
	} else
		open_file(w, path, inputs, ninputs);
	for (ease_writer *o = w->next; o; o = o->next)
			if (same_file(o, w))
			ease_die(EASE_EX_USAGE,
				 "%s: is also %s: give each output a file of its own",
				 wname(w), wname(o));
	return w;
}

void
ease_writer_spool(ease_writer *w)
{
	const char *dir = getenv("TMPDIR");
	char *tmp;
	int fd;

	if (w->kind != W_STDOUT || w->blen > 0)
		return;
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	tmp = ease_xmalloc(strlen(dir) + 32);
	sprintf(tmp, "%s/ease-spool.XXXXXX", dir);
	fd = mkstemp(tmp);
	if (fd < 0) {
		int err = errno;

		ease_die(EASE_EX_CANTCREAT, "%s: cannot make a temporary file there to hold "
			 "standard output: %s (set TMPDIR to a writable folder, or give -o FILE)",
			 dir, strerror(err));
	}
	/* nameless from the start: nothing is left behind however the run ends */
	unlink(tmp);
	free(tmp);
	w->fp = fdopen(fd, "w+b");
	if (w->fp == NULL)
		ease_die(EASE_EX_CANTCREAT, "standard output: %s", strerror(errno));
	w->kind = W_SPOOL;
}

/* The spooled text of W, out to standard output at last. */
static void
spool_out(ease_writer *w)
{
	size_t n;

	rewind(w->fp);
	while ((n = fread(w->buf, 1, w->bcap, w->fp)) > 0)
		if (fwrite(w->buf, 1, n, stdout) != n)
			ease_write_failed("standard output", errno);
	if (ferror(w->fp))
		ease_die(EASE_EX_IO, "standard output: read error of its temporary file: %s",
			 strerror(errno));
	if (fflush(stdout) != 0)
		ease_write_failed("standard output", errno);
	fclose(w->fp);
	w->fp = NULL;
}

static int
needs_quotes(const ease_writer *w, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i++)
		if (w->special[p[i]])
			return 1;
	return 0;
}

char *
ease_table_cell(const char *s, size_t len)
{
	size_t n;
	char *out = ease_utf8_fix(s, len, &n);

	for (char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	/* a table keeps every cell to the end: not the room for the worst case */
	return ease_xrealloc(out, n + 1);
}

void
ease_w_field(ease_writer *w, const char *s, size_t len)
{
	if (w->format == EASE_FMT_TABLE) {
		ease_grow((void **)&w->cells, &w->ccap, w->ncells + 1, sizeof *w->cells);
		w->cells[w->ncells++] = ease_table_cell(s, len);
		w->nfield++;
		return;
	}
	if (w->nfield++ > 0)
		wput(w, &w->delim, 1);
	w->row_empty = w->nfield == 1 && len == 0;
	if (!needs_quotes(w, s, len)) {
		wput(w, s, len);
		return;
	}
	wput(w, "\"", 1);
	for (const char *p = s, *e = s + len; p < e;) {
		const char *q = memchr(p, '"', e - p);
		if (q == NULL) {
			wput(w, p, e - p);
			break;
		}
		wput(w, p, q - p + 1);
		wput(w, "\"", 1);
		p = q + 1;
	}
	wput(w, "\"", 1);
}

void
ease_w_str(ease_writer *w, const char *s)
{
	ease_w_field(w, s, strlen(s));
}

void
ease_w_num(ease_writer *w, double v, int digits)
{
	char buf[48];

	ease_w_str(w, ease_fmt_num(v, digits, buf));
}

void
ease_w_line(ease_writer *w, const char *s, size_t len)
{
	if (w->format == EASE_FMT_TABLE || w->nfield != 0)
		ease_die(EASE_EX_SOFTWARE, "ease_w_line: not between rows of a CSV or TSV output");
	wput(w, s, len);
	row_done(w);
}

void
ease_w_end(ease_writer *w)
{
	if (w->format == EASE_FMT_TABLE) {
		ease_grow((void **)&w->rowlen, &w->rcap, w->nrows + 1, sizeof *w->rowlen);
		w->rowlen[w->nrows++] = w->nfield;
		w->nfield = 0;
		return;
	}
	/* a lone empty field would read back as a blank line, which is no row */
	if (w->nfield == 1 && w->row_empty)
		wput(w, "\"\"", 2);
	wput(w, "\n", 1);
	row_done(w);
	w->nfield = 0;
	w->row_empty = 0;
}

void
ease_w_fields(ease_writer *w, size_t n, char *const *f, const size_t *len)
{
	size_t need = 1;
	char *out;

	if (w->format == EASE_FMT_TABLE || (n == 1 && w->nfield == 0))
		goto slow;
	for (size_t i = 0; i < n; i++)
		need += len[i] + 1;
	make_room(w, need);
	/* the common case, plain fields, copied in one pass each */
	out = w->buf + w->blen;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *p = (const unsigned char *)f[i];
		char *start = out;

		if (w->nfield + i > 0)
			*out++ = w->delim;
		for (size_t k = 0; k < len[i]; k++) {
			if (w->special[p[k]]) {
				/* rare: this field and the rest by the general path */
				w->blen = (size_t)(start - w->buf);
				w->nfield += i;
				for (size_t j = i; j < n; j++)
					ease_w_field(w, f[j], len[j]);
				return;
			}
			*out++ = (char)p[k];
		}
	}
	w->blen = (size_t)(out - w->buf);
	w->nfield += n;
	w->row_empty = 0;
	return;
slow:
	for (size_t i = 0; i < n; i++)
		ease_w_field(w, f[i], len[i]);
}

void
ease_w_rec(ease_writer *w, const ease_rec *rec)
{
	ease_w_fields(w, rec->n, rec->f, rec->len);
	ease_w_end(w);
}

void
ease_w_bytes(ease_writer *w, const char *s, size_t n)
{
	/* straight through, not copied into the buffer: an image may be larger */
	wflush(w);
	wwrite(w, s, n);
}

/* Display width: code points, each counted as one column. */
static size_t
width_of(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
flush_table(ease_writer *w)
{
	size_t maxc = 0, k = 0;
	size_t *wid;
	char *isnum;

	for (size_t r = 0; r < w->nrows; r++)
		if (w->rowlen[r] > maxc)
			maxc = w->rowlen[r];
	wid = ease_xcalloc(maxc + 1, sizeof *wid);
	isnum = ease_xcalloc(maxc + 1, 1);
	memset(isnum, 1, maxc + 1);
	for (size_t r = 0; r < w->nrows; r++)
		for (size_t c = 0; c < w->rowlen[r]; c++, k++) {
			size_t cw = width_of(w->cells[k]);
			double v;

			if (cw > wid[c])
				wid[c] = cw;
			if (r > 0 && ease_parse_num(w->cells[k], 0, &v) == EASE_V_BAD)
				isnum[c] = 0;
		}
	k = 0;
	for (size_t r = 0; r < w->nrows; r++) {
		/* no blanks after the last non-empty cell of a line */
		size_t used = 0;

		for (size_t c = 0; c < w->rowlen[r]; c++)
			if (w->cells[k + c][0] != '\0')
				used = c + 1;
		for (size_t c = 0; c < w->rowlen[r]; c++, k++) {
			size_t pad = wid[c] - width_of(w->cells[k]);
			int last = c + 1 == w->rowlen[r];

			if (c >= used) {
				free(w->cells[k]);
				continue;
			}
			if (c > 0)
				wput(w, "  ", 2);
			if (isnum[c])
				for (; pad; pad--)
					wput(w, " ", 1);
			wput(w, w->cells[k], strlen(w->cells[k]));
			if (!isnum[c] && !last)
				for (; pad; pad--)
					wput(w, " ", 1);
			free(w->cells[k]);
		}
		wput(w, "\n", 1);
		row_done(w);
	}
	free(wid);
	free(isnum);
}

int
ease_writer_fd(ease_writer *w)
{
	wflush(w);
	if (fflush(w->fp) != 0)
		ease_write_failed(wname(w), errno);
	return fileno(w->fp);
}

void
ease_writer_finish(ease_writer *w)
{
	if (w->format == EASE_FMT_TABLE)
		flush_table(w);
	wflush(w);
	if (fflush(w->fp) != 0 || ferror(w->fp))
		ease_write_failed(wname(w), errno);
	if (w->kind == W_RENAME && fsync(fileno(w->fp)) != 0)
		ease_write_failed(wname(w), errno);
	if (w->kind == W_RENAME || w->kind == W_DIRECT) {
		int bad = fclose(w->fp) != 0;

		w->fp = NULL;
		if (bad)
			ease_write_failed(wname(w), errno);
	}
	w->finished = 1;
}

/*
 * A hard-linked file keeps its links: the finished text is copied into it.
 * Only a failure during this copy (a full disk) can leave it half written.
 */
static void
copy_into(ease_writer *w)
{
	int out = open(w->target, O_WRONLY | O_TRUNC | O_NOCTTY);
	size_t n;

	if (out < 0)
		ease_die(EASE_EX_CANTCREAT, "%s: %s", w->path, strerror(errno));
	rewind(w->fp);
	while ((n = fread(w->buf, 1, w->bcap, w->fp)) > 0)
		for (size_t done = 0; done < n;) {
			ssize_t k = write(out, w->buf + done, n - done);

			if (k < 0 && errno == EINTR)
				continue;
			if (k < 0)
				ease_write_failed(w->path, errno);
			done += (size_t)k;
		}
	if (ferror(w->fp))
		ease_die(EASE_EX_IO, "%s: read error: %s", w->tmp, strerror(errno));
	if (close(out) != 0)
		ease_write_failed(w->path, errno);
	fclose(w->fp);
	w->fp = NULL;
}

static void
free_writer(ease_writer *w)
{
	free(w->path);
	free(w->target);
	free(w->tmp);
	free(w->canon);
	free(w->cells);
	free(w->rowlen);
	free(w->buf);
	free(w);
}

void
ease_writers_commit(void)
{
	for (ease_writer *w = writers; w; w = w->next)
		if (!w->finished)
			ease_die(EASE_EX_SOFTWARE, "%s: output committed before it was finished",
				 wname(w));
	for (ease_writer *w = writers; w; w = w->next) {
		if (w->kind == W_RENAME && rename(w->tmp, w->target) != 0)
			ease_die(EASE_EX_CANTCREAT, "%s: %s", w->path, strerror(errno));
		if (w->kind == W_COPY) {
			copy_into(w);
			unlink(w->tmp);
		}
		if (w->kind == W_SPOOL)
			spool_out(w);
		free(w->tmp);
		w->tmp = NULL;
	}
	while (writers) {
		ease_writer *w = writers;

		writers = w->next;
		free_writer(w);
	}
}

void
ease_writer_close(ease_writer *w)
{
	ease_writer_finish(w);
	for (ease_writer *o = writers; o; o = o->next)
		if (!o->finished)
			return;
	ease_writers_commit();
}

/* ---- records kept in memory ---- */

struct ease_recstore {
	char *data;		/* every field, NUL-terminated, one after another */
	size_t dlen, dcap;
	struct stored { size_t off, n; long line; const char *file; } *r;
	size_t n, cap;
	char **fptr;
	size_t *lens;
	size_t fcap;
	ease_rec rec;
	char **names;		/* file names, kept: a reader frees its own */
	size_t nnames, ncap;
	ease_recstore *prev, *next;	/* in the list of live stores */
};

/* Every store not yet freed: reachable when a tool dies, as readers are. */
static ease_recstore *live_stores;

ease_recstore *
ease_recstore_new(void)
{
	ease_recstore *s = ease_xcalloc(1, sizeof *s);

	s->next = live_stores;
	if (live_stores)
		live_stores->prev = s;
	live_stores = s;
	return s;
}

void
ease_recstore_add(ease_recstore *s, const ease_rec *rec, const char *file)
{
	size_t need = 0;

	for (size_t i = 0; i < rec->n; i++)
		need += rec->len[i] + 1;
	ease_grow((void **)&s->data, &s->dcap, s->dlen + need, 1);
	ease_grow((void **)&s->r, &s->cap, s->n + 1, sizeof *s->r);
	s->r[s->n].off = s->dlen;
	s->r[s->n].n = rec->n;
	s->r[s->n].line = rec->line;
	if (file && (s->nnames == 0 || strcmp(s->names[s->nnames - 1], file) != 0)) {
		ease_grow((void **)&s->names, &s->ncap, s->nnames + 1, sizeof *s->names);
		s->names[s->nnames++] = ease_xstrdup(file);
	}
	s->r[s->n].file = file ? s->names[s->nnames - 1] : NULL;
	s->n++;
	for (size_t i = 0; i < rec->n; i++) {
		memcpy(s->data + s->dlen, rec->f[i], rec->len[i] + 1);
		s->dlen += rec->len[i] + 1;
	}
}

size_t
ease_recstore_count(const ease_recstore *s)
{
	return s->n;
}

const ease_rec *
ease_recstore_get(ease_recstore *s, size_t i, const char **file)
{
	struct stored *st = &s->r[i];
	char *p = s->data + st->off;

	if (st->n > s->fcap) {
		s->fcap = st->n;
		s->fptr = ease_xrealloc(s->fptr, s->fcap * sizeof *s->fptr);
		s->lens = ease_xrealloc(s->lens, s->fcap * sizeof *s->lens);
	}
	/* fields may hold no NUL (the reader refuses them), so strlen is exact */
	for (size_t k = 0; k < st->n; k++) {
		s->fptr[k] = p;
		s->lens[k] = strlen(p);
		p += s->lens[k] + 1;
	}
	s->rec.n = st->n;
	s->rec.f = s->fptr;
	s->rec.len = s->lens;
	s->rec.line = st->line;
	if (file)
		*file = st->file;
	return &s->rec;
}

void
ease_recstore_free(ease_recstore *s)
{
	if (s == NULL)
		return;
	if (s->prev)
		s->prev->next = s->next;
	else
		live_stores = s->next;
	if (s->next)
		s->next->prev = s->prev;
	free(s->data);
	free(s->r);
	free(s->fptr);
	free(s->lens);
	for (size_t i = 0; i < s->nnames; i++)
		free(s->names[i]);
	free(s->names);
	free(s);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Streaming CSV input (on libcsv) and RFC 4180 output. */
#ifndef EASE_CSVIO_H
#define EASE_CSVIO_H

#include <stddef.h>

/* One record.  Fields are NUL-terminated; valid until the next read. */
typedef struct ease_rec {
	size_t n;
	char **f;
	size_t *len;
	long line;		/* line the record starts on, 1-based */
} ease_rec;

typedef struct ease_reader ease_reader;

/*
 * Opens PATH ("-" or NULL: standard input).  DELIM 0 detects ',' ';' or TAB
 * from the header line.  Exits 66 when the file cannot be opened.
 */
ease_reader *ease_reader_open(const char *path, char delim);
/*
 * Lenient readers hand back ragged rows and report an unterminated quote
 * through ease_reader_error() instead of exiting: for ease-check.
 */
void ease_reader_set_lenient(ease_reader *r, int on);
/*
 * Records handed out keep only their first K fields (0: all): for tools that
 * never write a row back.  The field count is still checked against the
 * header's.
 */
void ease_reader_set_limit(ease_reader *r, size_t k);
/* The header record, or NULL for an empty file. */
const ease_rec *ease_reader_header(ease_reader *r);
/*
 * The next data record or NULL at the end.  Ragged rows, NUL bytes and an
 * unterminated quote are bad data (exit 65, or skipped with --skip-bad).
 */
const ease_rec *ease_reader_next(ease_reader *r);
/* After a lenient read: what was wrong with the record, or NULL. */
const char *ease_reader_error(const ease_reader *r);
/* Line where the record in error began (for an unterminated quote). */
long ease_reader_error_line(const ease_reader *r);
const char *ease_reader_name(const ease_reader *r);
char ease_reader_delim(const ease_reader *r);
int ease_reader_had_bom(const ease_reader *r);
void ease_reader_close(ease_reader *r);

/*
 * Several input files read as one table: every file's header must match the
 * first one's.  FILES empty means standard input.
 */
typedef struct ease_input ease_input;
ease_input *ease_input_open(char **files, int nfiles, char delim);
/* Exits 65 when the first input is empty. */
const ease_rec *ease_input_header(ease_input *in);
const ease_rec *ease_input_next(ease_input *in);
/* ease_reader_set_limit for every file of the input. */
void ease_input_set_limit(ease_input *in, size_t k);
/* Name of the file the last record came from. */
const char *ease_input_name(const ease_input *in);
/* The delimiter of the file being read, as given or detected. */
char ease_input_delim(const ease_input *in);
void ease_input_close(ease_input *in);

/* Output. */
enum { EASE_FMT_CSV, EASE_FMT_TSV, EASE_FMT_TABLE };

typedef struct ease_writer ease_writer;

/*
 * PATH NULL or "-": standard output.  A regular file (symlinks followed) or a
 * new path: a temporary file beside it, renamed over it when the run's
 * outputs are committed, with the old file's mode and (where permitted)
 * owner; a file with other hard links gets the new text copied in instead,
 * so that the links stay.  A device, a FIFO, or the file standard output
 * already writes is written directly.  A run that dies leaves PATH as it was.
 * INPUTS (NULL: the run reads no input; none or "-": standard input) are
 * refused as PATH (exit 73); two outputs of a run naming the same file are a
 * usage error (exit 2).  Only whole rows leave the writer's buffer, so a run
 * that dies mid-row never leaves half a row on standard output.
 */
ease_writer *ease_writer_open(const char *path, int format, char **inputs,
			      int ninputs);
/*
 * Standard output too is held back (in a nameless temporary file under
 * TMPDIR) until the run's outputs are committed: a run that fails writes
 * nothing a pipe could take for a whole result.  Call right after
 * ease_writer_open; for any other output it changes nothing.
 */
void ease_writer_spool(ease_writer *w);
void ease_w_field(ease_writer *w, const char *s, size_t len);
/*
 * LEN bytes of S as a cell of a table for people (--format table, the text
 * of ease-report): a malloc'd copy, valid UTF-8 (U+FFFD for every byte that
 * is not, as ease_utf8_fix) with control characters made spaces, so that
 * neither breaks the alignment or the document.
 */
char *ease_table_cell(const char *s, size_t len);
void ease_w_str(ease_writer *w, const char *s);
/* A computed number: DIGITS significant digits, NaN as an empty cell. */
void ease_w_num(ease_writer *w, double v, int digits);
void ease_w_end(ease_writer *w);
/*
 * LEN bytes of S written as they are, between rows of a CSV or TSV output
 * (a comment line, or the lines of a format that is not CSV); S holds whole
 * lines, line ends included.
 */
void ease_w_line(ease_writer *w, const char *s, size_t len);
/* N fields at once, continuing the row: the fast way to pass a row through. */
void ease_w_fields(ease_writer *w, size_t n, char *const *f, const size_t *len);
void ease_w_rec(ease_writer *w, const ease_rec *rec);
/*
 * N bytes as they are, not as a field (a script, an image): one unit, like
 * a row, and checked like every other write.
 */
void ease_w_bytes(ease_writer *w, const char *s, size_t n);
/*
 * Writes out what is left and checks every write (exit 74; a closed pipe ends
 * the run as SIGPIPE would), but replaces nothing yet.
 */
void ease_writer_finish(ease_writer *w);
/*
 * The descriptor W's bytes go to, for another program to write them (ease-plot
 * hands it to gnuplot); the output is put in place as any other, by
 * ease_writer_close.
 */
int ease_writer_fd(ease_writer *w);
/*
 * Puts every finished output of the run in place at once, and frees the
 * writers.  Each output must be finished first (else exit 70).
 */
void ease_writers_commit(void);
/*
 * ease_writer_finish, then ease_writers_commit once no other output of the
 * run is still being written.
 */
void ease_writer_close(ease_writer *w);

/* Records kept in memory, for tools that must see the end before the start. */
typedef struct ease_recstore ease_recstore;
ease_recstore *ease_recstore_new(void);
void ease_recstore_add(ease_recstore *s, const ease_rec *rec, const char *file);
size_t ease_recstore_count(const ease_recstore *s);
/* The I-th record (valid until the next call) and the file it came from. */
const ease_rec *ease_recstore_get(ease_recstore *s, size_t i, const char **file);
void ease_recstore_free(ease_recstore *s);

#endif

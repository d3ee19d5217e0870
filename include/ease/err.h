/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Errors, exit statuses and checked allocation shared by every tool. */
#ifndef EASE_ERR_H
#define EASE_ERR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses of the design (sysexits values where one fits). */
enum {
	EASE_EX_OK = 0,
	EASE_EX_FINDING = 1,	/* ease-check found problems, ease-alert raised one */
	EASE_EX_USAGE = 2,
	EASE_EX_DATA = 65,
	EASE_EX_NOINPUT = 66,
	EASE_EX_UNAVAILABLE = 69,	/* a program ease runs (gnuplot) is missing or failed */
	EASE_EX_SOFTWARE = 70,
	EASE_EX_CANTCREAT = 73,
	EASE_EX_IO = 74
};

extern const char *ease_prog;

void ease_set_prog(const char *argv0);
/*
 * What every tool does first: names the program, opens descriptors 0-2 on
 * /dev/null when they are closed (so no file the tool opens becomes one of
 * them), and checks at exit that everything written to standard output and
 * standard error got there (exit 74).
 */
void ease_init(const char *argv0);
/*
 * A write to NAME failed with ERR: exit 74 with a message, or, for a closed
 * pipe, die of SIGPIPE as if it had not been ignored.
 */
void ease_write_failed(const char *name, int err) __attribute__((noreturn));

/* "PROG: message" on stderr, then exit(status). */
void ease_die(int status, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
void ease_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * While on, ease_warn says nothing: a tool that runs another's analysis on
 * data it has read and checked already (ease-report) words its caveats itself.
 */
void ease_set_quiet(int on);
/*
 * Ends a run that failed: flushes the streams, runs the cleanup set with
 * ease_on_fail (a half-written -o file is removed) and leaves at once,
 * without the exit-time work a finished run does.
 */
void ease_fail_exit(int status) __attribute__((noreturn));
void ease_on_fail(void (*fn)(void));

/*
 * Bad data.  Prints "PROG: FILE:LINE: column 'COL': 'VALUE' WHAT" and exits 65,
 * unless --skip-bad is on: then the row is counted once and 1 is returned so
 * the caller drops the row.  COL may be NULL for whole-row problems.
 */
int ease_bad_value(const char *file, long line, const char *col,
		   const char *value, const char *what);
int ease_bad_row(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ease_set_skip_bad(int on);
/*
 * Writes gcov's counters in a coverage build (make coverage), where a process
 * that leaves by _exit or replaces itself by exec would lose them; nothing
 * otherwise.  Called before every _exit and exec.  The counters start again
 * from zero, so that a later flush (or the exit's) adds only what came since.
 */
void ease_cov_flush(void);
/*
 * In a child just forked, before anything else: its counters start from zero
 * (the parent writes its own), so that what the child runs before its exec
 * or _exit is counted once, by ease_cov_flush.
 */
void ease_cov_child(void);
/*
 * A first pass that judges the rows the main pass will judge again: while on,
 * a row --skip-bad drops is dropped without being counted (without
 * --skip-bad, bad data still exits 65).
 */
void ease_set_rehearsal(int on);
long ease_skipped_rows(void);
/* Tells stderr how many rows --skip-bad dropped; tools call it at the end. */
void ease_report_skipped(void);

/*
 * Copies S into BUF (N bytes) for a message: control and invisible
 * characters (a BOM, a zero-width or no-break space), NUL and bytes of
 * invalid UTF-8 escaped as \xHH per byte (\n \t \r as such); text that
 * does not fit cut and marked "...".  Returns BUF.
 */
const char *ease_shown(const char *s, char *buf, size_t n);
/* The same for LEN bytes of S, which may hold NULs. */
const char *ease_shown_n(const char *s, size_t len, char *buf, size_t n);
/* Whether LEN bytes of S hold anything ease_shown escapes. */
int ease_has_hidden(const char *s, size_t len);
/*
 * Writes a message formatted as by printf to standard error with everything
 * ease_shown escapes escaped: names and cells quoted in any message show
 * what is really there.  ease_die, ease_warn and ease_bad_* use it.
 */
void ease_vsay(const char *fmt, va_list ap);
/* The same on FP: ease-check's findings, which are its output. */
void ease_vfsay(FILE *fp, const char *fmt, va_list ap);

/*
 * Length of the valid UTF-8 sequence at S (N bytes, N > 0) and its code
 * point in *CP, or 0 when the bytes there are not valid UTF-8 (overlong,
 * surrogate, beyond U+10FFFF, cut short).
 */
size_t ease_utf8_at(const char *s, size_t n, unsigned long *cp);
/*
 * A copy of LEN bytes of S (malloc'd, NUL-terminated, its length in *OUTLEN
 * when OUTLEN is not NULL) in which every byte that does not start a valid
 * UTF-8 sequence, and every NUL, is replaced by U+FFFD: text a tool writes
 * into a document declared UTF-8 (a report, a plot, a table) is always valid.
 */
char *ease_utf8_fix(const char *s, size_t len, size_t *outlen);

/*
 * Out of memory: "PROG: out of memory: ... N bytes ..." on standard error
 * (written without allocating) and exit 70, the failed run's cleanup done.
 * N is the size of the block asked for; SIZE_MAX for more than can be
 * addressed.  The ease_x* allocators call it when they fail.
 */
void ease_nomem(size_t n) __attribute__((noreturn));
/*
 * Text formatted as by printf into a new malloc'd string (ease_xasprintf), or
 * appended to *S of *LEN bytes in *CAP (ease_xappendf): as long as it is,
 * never cut.  A format that cannot be formatted is an internal error.
 */
char *ease_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *ease_xvasprintf(const char *fmt, va_list ap);
void ease_xappendf(char **s, size_t *len, size_t *cap, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void ease_xvappendf(char **s, size_t *len, size_t *cap, const char *fmt, va_list ap);

void *ease_xmalloc(size_t n);
void *ease_xcalloc(size_t n, size_t size);
void *ease_xrealloc(void *p, size_t n);
char *ease_xstrdup(const char *s);
char *ease_xstrndup(const char *s, size_t n);
/* Grows *P (of *CAP elements of SIZE bytes) to hold at least NEED elements. */
void ease_grow(void **p, size_t *cap, size_t need, size_t size);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing gnuplot scripts that no diary can turn into a command, and running
 * gnuplot on them.  gnuplot runs the text between backquotes inside double
 * quotes, a command after a newline, system(), macros (@name) and pipes in
 * file names; ease writes text of the data or the user only as a
 * double-quoted string in which every backquote, @, quote and backslash is
 * an escape (so that none of these is read), and data only as numbers and
 * ISO dates it printed itself.
 */
#ifndef EASE_GNUPLOT_H
#define EASE_GNUPLOT_H

#include <stddef.h>
#include <stdio.h>

/* Text longer than this many bytes is cut (at a character) and ends "...". */
#define EASE_GP_MAXTEXT 120

/*
 * The text gnuplot is to show for S, in a new string: control characters
 * (C0, DEL, C1) and bidirectional controls made spaces, every byte that is
 * not UTF-8 made U+FFFD, at most MAX bytes of it kept (0: EASE_GP_MAXTEXT),
 * cut at a character and then "...".
 */
char *ease_gp_clean(const char *s, size_t max);
/*
 * ease_gp_clean(S, MAX) as a gnuplot double-quoted string, quotes included,
 * into a new string: gnuplot reads it back as exactly that text, and
 * nothing inside can end the string or the line, substitute a command or
 * expand a macro.
 */
char *ease_gp_quote(const char *s, size_t max);
/* The same, written to F, followed by " noenhanced". */
void ease_gp_text(FILE *f, const char *s);
/*
 * A key title: NAME cut after MAX bytes (0: EASE_GP_MAXKEY; a narrow canvas
 * cuts it shorter than other text), then SUFFIX (may be NULL) whole, so that
 * a count like " (12)" stays.  gnuplot drops the whole key when one title
 * does not fit.
 */
#define EASE_GP_MAXKEY 32
void ease_gp_key_cut(FILE *f, const char *name, const char *suffix, size_t max);
/* V as a datablock number: "NaN" when missing, else up to 10 digits. */
void ease_gp_num(FILE *f, double v);

/* Output terminals. */
enum { EASE_GP_NONE, EASE_GP_PNG, EASE_GP_SVG, EASE_GP_PDF, EASE_GP_DUMB };

/* "png" -> EASE_GP_PNG ...; -1 for an unknown name. */
int ease_gp_term_by_name(const char *name);
/* The terminal an -o file's extension asks for (.png .svg .pdf .txt), or -1. */
int ease_gp_term_of_path(const char *path);
/*
 * The "set terminal" line for TERM at W x H (pixels; characters for dumb;
 * 0: the default size), the Okabe-Ito line colours and the defaults every
 * plot shares.
 */
void ease_gp_preamble(FILE *f, int term, int w, int h);

/*
 * The canvas of TERM at W x H (0: the default size) in gnuplot's own
 * character cells: *COLS across, *ROWS down.  gnuplot lays out a key in
 * these cells (its estimate is wider than the text drawn, so what fits in
 * them fits on the image).  No terminal (a script for gnuplot -p): as png.
 */
void ease_gp_cells(int term, int w, int h, double *cols, double *rows);

/*
 * Series styles that no two look the same: EASE_GP_NCOLOURS colours that
 * people with a colour-vision deficiency still tell apart (Okabe and Ito's
 * six strongest, then four of Tol's muted set), then the same colours
 * again dashed, then dotted, and so on.  Writes "lc rgb '#...' dt N" for
 * series K (from 0).
 */
#define EASE_GP_NCOLOURS 10
void ease_gp_series(FILE *f, size_t k);

/*
 * Runs gnuplot (the program EASE_GNUPLOT names, else gnuplot from PATH) with
 * SCRIPT on its standard input and FD as its standard output, and waits:
 * *PROG is the program run, *STATUS its wait status.  Returns 0 when it
 * started, else the errno of a program that could not (not installed).
 */
int ease_gp_exec(const char *script, size_t len, int fd, const char **prog, int *status);
/*
 * Runs gnuplot (the program $EASE_GNUPLOT names, else "gnuplot" on PATH)
 * without a shell on the LEN bytes of SCRIPT, its standard output read back
 * through a pipe and written, once gnuplot has succeeded, through the
 * checked writer to PATH (a temporary file renamed over it; a device or
 * FIFO directly): a failed write exits 74 and leaves PATH as it was.
 * INPUTS are refused as PATH (exit 73).  gnuplot missing: the package is
 * named, exit 69; failing: its messages stay on standard error, its last
 * line is quoted, exit 69.  What came out must be there and start as a
 * TERM file does (PNG, PDF, SVG), else exit 69 naming what it was.
 */
void ease_gp_run(const char *script, size_t len, const char *path, int term,
		 char **inputs, int ninputs);

#endif

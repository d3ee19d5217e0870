/* SPDX-License-Identifier: GPL-3.0-or-later */
/* realpath(3) */
#define _XOPEN_SOURCE 700
#include "ease/gnuplot.h"
#include "ease/csvio.h"
#include "ease/err.h"
#include "ease/value.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- text ---- */

/* Whether the K-byte character at P is a bidirectional control. */
static int
bidi(const unsigned char *p, size_t k)
{
	if (k == 2)	/* U+061C arabic letter mark */
		return p[0] == 0xD8 && p[1] == 0x9C;
	if (k != 3 || p[0] != 0xE2)
		return 0;
	if (p[1] == 0x80)	/* U+200E, U+200F, U+202A to U+202E */
		return p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE);
	return p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9;	/* U+2066 to U+2069 */
}

char *
ease_gp_clean(const char *s, size_t max)
{
	size_t n, kept = 0, o = 0;
	/* an SVG with a broken character is not XML: U+FFFD for every bad byte */
	char *fixed = ease_utf8_fix(s, strlen(s), &n), *out;
	const unsigned char *p = (const unsigned char *)fixed;

	if (max == 0)
		max = EASE_GP_MAXTEXT;
	out = ease_xmalloc((n < max ? n : max) + 4);
	for (size_t i = 0; i < n;) {
		size_t k = ease_utf8_at(fixed + i, n - i, NULL);

		if (kept + k > max) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (k == 1 && (p[i] < 0x20 || p[i] == 0x7F))
			out[o++] = ' ';	/* a newline would end the command */
		else if (k == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0)
			out[o++] = ' ';	/* C1 controls */
		else if (bidi(p + i, k))
			out[o++] = ' ';	/* would turn the rest of a title around */
		else {
			memcpy(out + o, p + i, k);
			o += k;
		}
		kept += k;
		i += k;
	}
	out[o] = '\0';
	free(fixed);
	return out;
}

/*
 * TEXT (clean: no control character, valid UTF-8) as a gnuplot
 * double-quoted string.  gnuplot reads \\ and \" as the characters and
 * \ooo as the byte, so that no backquote (command substitution, which
 * gnuplot runs inside double quotes) and no @ (a macro) is left in the line.
 * Octal escapes start with 1: gnuplot reads "\0" followed by three more
 * digits as one escape.
 */
static char *
literal(const char *text)
{
	size_t n = strlen(text), o = 0;
	char *out = ease_xmalloc(4 * n + 3);

	out[o++] = '"';
	for (size_t i = 0; i < n; i++) {
		switch (text[i]) {
		case '"':
		case '\\':
			out[o++] = '\\';
			out[o++] = text[i];
			break;
		case '`':
			memcpy(out + o, "\\140", 4);
			o += 4;
			break;
		case '@':
			memcpy(out + o, "\\100", 4);
			o += 4;
			break;
		default:
			out[o++] = text[i];
		}
	}
	out[o++] = '"';
	out[o] = '\0';
	return out;
}

char *
ease_gp_quote(const char *s, size_t max)
{
	char *c = ease_gp_clean(s, max), *q = literal(c);

	free(c);
	return q;
}

void
ease_gp_text(FILE *f, const char *s)
{
	char *q = ease_gp_quote(s, 0);

	fputs(q, f);
	fputs(" noenhanced", f);
	free(q);
}

void
ease_gp_key_cut(FILE *f, const char *name, const char *suffix, size_t max)
{
	char *a = ease_gp_clean(name, max ? max : EASE_GP_MAXKEY);
	char *b = ease_gp_clean(suffix ? suffix : "", 0);
	size_t na = strlen(a), nb = strlen(b);
	char *both = ease_xmalloc(na + nb + 1), *q;

	memcpy(both, a, na);
	memcpy(both + na, b, nb + 1);
	q = literal(both);
	fputs(q, f);
	fputs(" noenhanced", f);
	free(q);
	free(both);
	free(a);
	free(b);
}

void
ease_gp_num(FILE *f, double v)
{
	char buf[48];

	if (!isfinite(v)) {
		fputs("NaN", f);
		return;
	}
	fputs(ease_fmt_num(v, 10, buf), f);
}

/* ---- terminals ---- */

static const char *const term_names[] = {"", "png", "svg", "pdf", "dumb"};

int
ease_gp_term_by_name(const char *name)
{
	for (int i = 1; i < 5; i++)
		if (strcmp(name, term_names[i]) == 0)
			return i;
	return -1;
}

int
ease_gp_term_of_path(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/'))
		return -1;
	if (strcmp(dot, ".png") == 0)
		return EASE_GP_PNG;
	if (strcmp(dot, ".svg") == 0)
		return EASE_GP_SVG;
	if (strcmp(dot, ".pdf") == 0)
		return EASE_GP_PDF;
	if (strcmp(dot, ".txt") == 0)
		return EASE_GP_DUMB;
	return -1;
}

/* Okabe & Ito's colours that read on white, the strongest first. */
static const char *const palette[] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
	"#000000", "#F0E442"
};

void
ease_gp_preamble(FILE *f, int term, int w, int h)
{
	switch (term) {
	case EASE_GP_PNG:
		fprintf(f, "set terminal pngcairo size %d,%d font 'Sans,10' noenhanced\n",
			w ? w : 800, h ? h : 500);
		break;
	case EASE_GP_SVG:
		fprintf(f, "set terminal svg size %d,%d font 'Sans,10' noenhanced background '#FFFFFF'\n",
			w ? w : 800, h ? h : 500);
		break;
	case EASE_GP_PDF:
		/* pixels at 100 per inch, so that --size means the same everywhere */
		fprintf(f, "set terminal pdfcairo size %g,%g font 'Sans,10' noenhanced\n",
			(w ? w : 800) / 100.0, (h ? h : 500) / 100.0);
		break;
	case EASE_GP_DUMB:
		fprintf(f, "set terminal dumb size %d,%d noenhanced\n",
			w ? w : 80, h ? h : 25);
		break;
	}
	/*
	 * No "set encoding utf8": the terminals pass UTF-8 through as it is,
	 * and under the C locale it makes gnuplot warn about a degree sign.
	 */
	fprintf(f, "set termoption noenhanced\n"
	      "%s\n"
	      "set key noenhanced\n"
	      "set datafile separator whitespace\n",
	      /* dots across a text plot hide the data */
	      term == EASE_GP_DUMB ? "unset grid" : "set grid");
	for (size_t i = 0; i < sizeof palette / sizeof palette[0]; i++)
		fprintf(f, "set linetype %zu lc rgb '%s' lw %s pt %zu ps 0.8\n", i + 1,
			palette[i], i == 0 ? "2" : "1.5", i + 1 == 8 ? 9 : i + 1 + 4 * (i < 3));
	fputs("set linetype cycle 8\n", f);
}

void
ease_gp_cells(int term, int w, int h, double *cols, double *rows)
{
	/*
	 * gnuplot's character cell at 'Sans,10' (GPVAL_TERM_HCHAR and
	 * VCHAR over the canvas), in pixels; pdf's in hundredths of an inch.
	 */
	switch (term) {
	case EASE_GP_DUMB:
		*cols = w ? w : 80;
		*rows = h ? h : 25;
		return;
	case EASE_GP_SVG:
		*cols = (w ? w : 800) / 7.0;
		*rows = (h ? h : 500) / 15.0;
		return;
	case EASE_GP_PDF:
		*cols = (w ? w : 800) / 5.9;
		*rows = (h ? h : 500) / 10.8;
		return;
	default:
		*cols = (w ? w : 800) / 8.0;
		*rows = (h ? h : 500) / 15.6;
	}
}

/*
 * Okabe and Ito's strongest six (black and yellow left out: black is the
 * "all" line, yellow does not read on white), then Tol's muted wine,
 * olive, indigo and teal, which keep apart from those six in the common
 * deficiencies.
 */
static const char *const series_colour[EASE_GP_NCOLOURS] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
	"#882255", "#999933", "#332288", "#44AA99"
};

void
ease_gp_series(FILE *f, size_t k)
{
	/* gnuplot's dash types 1 to 5: solid, dashed, dotted, dash-dot, dash-dot-dot */
	fprintf(f, "lc rgb '%s' dt %zu", series_colour[k % EASE_GP_NCOLOURS],
		k / EASE_GP_NCOLOURS % 5 + 1);
}

/* ---- running gnuplot ---- */

static void
gp_missing(const char *prog, int e)
{
	ease_die(EASE_EX_UNAVAILABLE,
		 "cannot run '%s': %s; install gnuplot (Debian, Ubuntu: apt-get install gnuplot-nox) or name the program in EASE_GNUPLOT",
		 prog, strerror(e));
}

/*
 * Whether the N bytes at B start as a TERM file should; when not, dies
 * naming what came out.  A program in EASE_GNUPLOT that prints text (a
 * wrapper, an old gnuplot without cairo) would leave a .png of words.
 */
static void
check_signature(const unsigned char *b, size_t n, int term, const char *prog,
		const char *path)
{
	size_t i = 0;
	const char *want;
	int ok;
	char shown[80], text[128];

	switch (term) {
	case EASE_GP_PNG:
		want = "PNG";
		ok = n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0;
		break;
	case EASE_GP_PDF:
		want = "PDF";
		ok = n >= 5 && memcmp(b, "%PDF-", 5) == 0;
		break;
	case EASE_GP_SVG:
		want = "SVG";
		while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
			i++;
		ok = (n - i >= 5 && memcmp(b + i, "<?xml", 5) == 0) ||
		     (n - i >= 4 && memcmp(b + i, "<svg", 4) == 0);
		break;
	default:
		return;
	}
	if (ok)
		return;
	/* the first line of what came out, as messages show data */
	for (i = 0; i < n && i < sizeof text - 1 && b[i] != '\n' && b[i] != '\0'; i++)
		;
	memcpy(text, b, i);
	text[i] = '\0';
	ease_die(EASE_EX_UNAVAILABLE,
		 "%s wrote no %s image but '%s'; nothing written to %s (ease needs gnuplot 5 with the cairo terminals: apt-get install gnuplot-nox; EASE_GNUPLOT names the program run)",
		 prog, want, ease_shown(text, shown, sizeof shown), path);
}

/* The gnuplot to run: $EASE_GNUPLOT, or gnuplot on PATH. */
static const char *
gp_prog(void)
{
	const char *prog = getenv("EASE_GNUPLOT");

	return prog == NULL || *prog == '\0' ? "gnuplot" : prog;
}

/*
 * In the forked child, its descriptors in place: runs PROG, or writes why it
 * could not (errno) to XFD for the parent and leaves with 127.
 */
static void __attribute__((noreturn))
gp_child_exec(const char *prog, int xfd)
{
	char *argv[2] = {(char *)prog, NULL};
	int e;

	ease_cov_flush();
	if (strchr(prog, '/'))
		execv(prog, argv);
	else
		execvp(prog, argv);
	e = errno;
	if (write(xfd, &e, sizeof e) < 0) {
		/* nothing more to say: the exit status says it */
	}
	ease_cov_flush();
	_exit(127);
}

int
ease_gp_exec(const char *script, size_t len, int fd, const char **progp, int *status)
{
	const char *prog = gp_prog();
	int in[2], ep[2], e = 0;
	pid_t pid;
	ssize_t got;

	*progp = prog;
	if (pipe(in) != 0 || pipe(ep) != 0)
		ease_die(EASE_EX_SOFTWARE, "pipe: %s", strerror(errno));
	(void)fcntl(ep[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(ep[1], F_SETFD, FD_CLOEXEC);
	(void)fcntl(in[1], F_SETFD, FD_CLOEXEC);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		ease_die(EASE_EX_UNAVAILABLE, "cannot start gnuplot: %s", strerror(errno));
	if (pid == 0) {
		ease_cov_child();
		if (dup2(in[0], 0) < 0 || dup2(fd, 1) < 0)
			_exit(127);
		close(in[0]);
		gp_child_exec(prog, ep[1]);
	}
	close(in[0]);
	close(ep[1]);

	/* gnuplot that stops early closes the pipe: its status tells why */
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	for (size_t off = 0; off < len;) {
		ssize_t k = write(in[1], script + off, len - off);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		off += (size_t)k;
	}
	close(in[1]);
	signal(SIGPIPE, old);

	while ((got = read(ep[0], &e, sizeof e)) < 0 && errno == EINTR)
		;
	close(ep[0]);
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			ease_die(EASE_EX_SOFTWARE, "waitpid: %s", strerror(errno));
	return got == (ssize_t)sizeof e ? (e ? e : ENOEXEC) : 0;
}

/* Bytes read from a program, growing as they come. */
typedef struct {
	char *p;
	size_t n, cap;
} gp_bytes;

/* Reads what is there on FD into B; 0 at the end (or an error: the pipe is done). */
static int
gp_drain(int fd, gp_bytes *b)
{
	for (;;) {
		ssize_t k;

		ease_grow((void **)&b->p, &b->cap, b->n + 65536 + 1, 1);
		k = read(fd, b->p + b->n, 65536);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 1;
		if (k <= 0)
			return 0;
		b->n += (size_t)k;
		b->p[b->n] = '\0';
	}
}

/*
 * Runs gnuplot as ease_gp_exec does, but with its standard output and
 * standard error read back into OUT and ERR: what it draws reaches the file
 * only through ease's checked writer, after gnuplot has succeeded, and its
 * message can be named.  The script is written while the output is read,
 * so that neither waits on a full pipe.
 */
static int
gp_capture(const char *script, size_t len, gp_bytes *out, gp_bytes *err,
	   const char **progp, int *status)
{
	const char *prog = gp_prog();
	int in[2], op[2], ep[2], xp[2], e = 0;
	pid_t pid;
	ssize_t got;
	size_t off = 0;

	*progp = prog;
	if (pipe(in) != 0 || pipe(op) != 0 || pipe(ep) != 0 || pipe(xp) != 0)
		ease_die(EASE_EX_SOFTWARE, "pipe: %s", strerror(errno));
	(void)fcntl(in[1], F_SETFD, FD_CLOEXEC);
	(void)fcntl(op[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(ep[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(xp[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(xp[1], F_SETFD, FD_CLOEXEC);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		ease_die(EASE_EX_UNAVAILABLE, "cannot start gnuplot: %s", strerror(errno));
	if (pid == 0) {
		ease_cov_child();
		if (dup2(in[0], 0) < 0 || dup2(op[1], 1) < 0 || dup2(ep[1], 2) < 0)
			_exit(127);
		close(in[0]);
		close(op[1]);
		close(ep[1]);
		gp_child_exec(prog, xp[1]);
	}
	close(in[0]);
	close(op[1]);
	close(ep[1]);
	close(xp[1]);
	(void)fcntl(in[1], F_SETFL, O_NONBLOCK);
	(void)fcntl(op[0], F_SETFL, O_NONBLOCK);
	(void)fcntl(ep[0], F_SETFL, O_NONBLOCK);

	/* gnuplot that stops early closes the pipe: its status tells why */
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	struct pollfd fds[3] = {{in[1], POLLOUT, 0}, {op[0], POLLIN, 0}, {ep[0], POLLIN, 0}};

	if (len == 0) {
		close(in[1]);
		fds[0].fd = -1;
	}
	while (fds[1].fd >= 0 || fds[2].fd >= 0) {
		if (poll(fds, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			ease_die(EASE_EX_SOFTWARE, "poll: %s", strerror(errno));
		}
		if (fds[0].fd >= 0 && fds[0].revents) {
			ssize_t k = write(in[1], script + off, len - off);

			if (k > 0)
				off += (size_t)k;
			if ((k < 0 && errno != EINTR && errno != EAGAIN) || off == len) {
				close(in[1]);
				fds[0].fd = -1;
			}
		}
		for (int i = 1; i < 3; i++)
			if (fds[i].fd >= 0 && fds[i].revents && !gp_drain(fds[i].fd, i == 1 ? out : err)) {
				close(fds[i].fd);
				fds[i].fd = -1;
			}
	}
	if (fds[0].fd >= 0)
		close(in[1]);
	signal(SIGPIPE, old);

	while ((got = read(xp[0], &e, sizeof e)) < 0 && errno == EINTR)
		;
	close(xp[0]);
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			ease_die(EASE_EX_SOFTWARE, "waitpid: %s", strerror(errno));
	return got == (ssize_t)sizeof e ? (e ? e : ENOEXEC) : 0;
}

/*
 * gnuplot's own word on what went wrong: the last line it wrote to
 * standard error (it ends an error with "line N: what"), into BUF.
 */
static const char *
gp_message(const gp_bytes *err, char *buf, size_t n)
{
	size_t end = err->n, start;

	while (end > 0 && (err->p[end - 1] == '\n' || err->p[end - 1] == '\r' ||
			   err->p[end - 1] == ' ' || err->p[end - 1] == '\t'))
		end--;
	if (end == 0)
		return NULL;
	start = end;
	while (start > 0 && err->p[start - 1] != '\n')
		start--;
	while (start < end && (err->p[start] == ' ' || err->p[start] == '\t'))
		start++;
	return ease_shown_n(err->p + start, end - start, buf, n);
}

void
ease_gp_run(const char *script, size_t len, const char *path, int term, char **inputs,
	    int ninputs)
{
	const char *prog, *msg;
	ease_writer *w;
	gp_bytes out = {NULL, 0, 0}, err = {NULL, 0, 0};
	int status, e;
	char said[200];

	/*
	 * The library's writer decides where the image goes, as for every
	 * output: a temporary file renamed over a plain file (links followed,
	 * mode kept), a device or FIFO or the file standard output already is
	 * written directly, never an input.  It is opened first, so that a
	 * path that cannot be written is said before gnuplot runs.
	 */
	w = ease_writer_open(path, EASE_FMT_CSV, inputs, ninputs);
	e = gp_capture(script, len, &out, &err, &prog, &status);
	/* its messages, warnings included, as it wrote them */
	if (err.n)
		fwrite(err.p, 1, err.n, stderr);
	if (e != 0)
		gp_missing(prog, e);
	msg = gp_message(&err, said, sizeof said);
	if (WIFSIGNALED(status))
		ease_die(EASE_EX_UNAVAILABLE, "%s was killed by signal %d; nothing written to %s",
			 prog, WTERMSIG(status), path);
	/* ease wrote the script: only a terminal gnuplot lacks is the install's fault */
	if (WEXITSTATUS(status) != 0 && msg && strstr(msg, "terminal"))
		ease_die(EASE_EX_UNAVAILABLE,
			 "%s failed (exit status %d): '%s'; nothing written to %s (ease needs gnuplot 5 with the cairo terminals: apt-get install gnuplot-nox)",
			 prog, WEXITSTATUS(status), msg, path);
	if (WEXITSTATUS(status) != 0)
		ease_die(EASE_EX_UNAVAILABLE,
			 "%s failed (exit status %d): '%s'; nothing written to %s (ease-plot without -o writes the script gnuplot read)",
			 prog, WEXITSTATUS(status), msg ? msg : "it said nothing", path);
	if (out.n == 0)
		ease_die(EASE_EX_UNAVAILABLE,
			 "%s wrote no image; nothing written to %s (ease needs gnuplot 5 with the cairo terminals: apt-get install gnuplot-nox)",
			 prog, path);
	check_signature((const unsigned char *)out.p, out.n, term, prog, path);
	ease_w_bytes(w, out.p, out.n);
	free(out.p);
	free(err.p);
	ease_writer_close(w);
}

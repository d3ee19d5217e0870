/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ease-report's plots: gnuplot's SVG caught in memory, to be inlined in the
 * HTML page (gnuplot run by the plot code's own runner).  Unlike ease-plot, a report without gnuplot is still a report:
 * a missing or failing gnuplot is a warning here, not the end of the run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ease/err.h"
#include "ease/gnuplot.h"
#include "ease/report.h"

/* A whole file read back from FD, from its start; NULL on an error. */
static char *
slurp(int fd, size_t *len)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (lseek(fd, 0, SEEK_SET) != 0)
		return NULL;
	for (;;) {
		ssize_t k;

		ease_grow((void **)&buf, &cap, n + 4097, 1);
		k = read(fd, buf + n, cap - n - 1);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			free(buf);
			return NULL;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *
ease_report_svg(const char *script, size_t len, int *missing)
{
	FILE *out = tmpfile();
	const char *prog;
	int status, e;
	char *svg, *at;
	size_t n = 0;

	*missing = 0;
	if (out == NULL) {
		ease_warn("no plots: cannot make a temporary file: %s", strerror(errno));
		return NULL;
	}
	if ((e = ease_gp_exec(script, len, fileno(out), &prog, &status)) != 0) {
		ease_warn("no plots in the page: cannot run '%s': %s; install gnuplot (Debian, Ubuntu: apt-get install gnuplot-nox) or name the program in EASE_GNUPLOT",
			  prog, strerror(e));
		*missing = 1;
		fclose(out);
		return NULL;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ease_warn("a plot is left out of the page: %s failed (its messages above)", prog);
		fclose(out);
		return NULL;
	}
	svg = slurp(fileno(out), &n);
	fclose(out);
	at = svg ? strstr(svg, "<svg") : NULL;
	if (at == NULL) {
		ease_warn("no plots in the page: %s wrote no SVG image (ease needs gnuplot 5: apt-get install gnuplot-nox)",
			  prog);
		free(svg);
		return NULL;
	}
	memmove(svg, at, strlen(at) + 1);
	return svg;
}

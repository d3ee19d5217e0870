/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-report's plots: gnuplot's SVG caught, and a report without it. */
#include "ease/err.h"
#include "ease/report.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* stderr into a file while FN runs; what was written, in BUF */
static char *
caught(char *(*fn)(int *), int *missing, char *buf, size_t n)
{
	char path[] = "/tmp/ease-svg-err-XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	char *r;
	ssize_t k;

	fflush(stderr);
	dup2(fd, 2);
	r = fn(missing);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	k = pread(fd, buf, n - 1, 0);
	buf[k > 0 ? k : 0] = '\0';
	close(fd);
	unlink(path);
	return r;
}

static const char script[] = "set terminal svg\nplot x\n";

/* every descriptor taken: tmpfile() cannot make the file gnuplot writes to */
static char *
no_descriptor(int *missing)
{
	struct rlimit old, low;
	int fd = dup(0);
	char *r;

	close(fd);
	getrlimit(RLIMIT_NOFILE, &old);
	low = old;
	low.rlim_cur = (rlim_t)fd;
	setrlimit(RLIMIT_NOFILE, &low);
	r = ease_report_svg(script, strlen(script), missing);
	setrlimit(RLIMIT_NOFILE, &old);
	return r;
}

static char *
run(int *missing)
{
	return ease_report_svg(script, strlen(script), missing);
}

int
main(void)
{
	char dir[] = "/tmp/ease-svg-XXXXXX", gp[64], err[512];
	int missing = -1;
	char *svg;
	FILE *f;

	ease_set_prog("ease-report");
	svg = caught(no_descriptor, &missing, err, sizeof err);
	ok(svg == NULL && missing == 0, "no temporary file: no plot, and gnuplot is not said missing");
	is_str(err, "ease-report: no plots: cannot make a temporary file: Too many open files\n",
	       "the warning says why");

	ok(mkdtemp(dir) != NULL, "a folder for a gnuplot of the test's own");
	snprintf(gp, sizeof gp, "%s/gp", dir);
	f = fopen(gp, "w");
	fputs("#!/bin/sh\ncat > /dev/null\nprintf '<?xml version=\"1.0\"?>\\n<!DOCTYPE svg>\\n<svg a=\"1\">x</svg>\\n'\n", f);
	fclose(f);
	chmod(gp, 0755);
	setenv("EASE_GNUPLOT", gp, 1);
	svg = caught(run, &missing, err, sizeof err);
	is_str(svg, "<svg a=\"1\">x</svg>\n", "the SVG from its <svg on, for inlining in HTML");
	ok(missing == 0 && err[0] == '\0', "and no warning");
	free(svg);

	snprintf(gp, sizeof gp, "%s/none", dir);
	setenv("EASE_GNUPLOT", gp, 1);
	svg = caught(run, &missing, err, sizeof err);
	ok(svg == NULL && missing == 1, "no gnuplot: no plot, and gnuplot is said missing");
	ok(strstr(err, "cannot run '") && strstr(err, "/none': No such file or directory; install gnuplot"),
	   "the warning names the program and the fix");

	snprintf(gp, sizeof gp, "%s/gp", dir);
	remove(gp);
	rmdir(dir);
	return tap_done();
}

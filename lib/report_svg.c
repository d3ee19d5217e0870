/*
 * ease-report's plots: gnuplot's SVG caught in memory, to be inlined in the
 * HTML page.  Unlike ease-plot, a report without gnuplot is still a report:
 * a missing or failing gnuplot is a warning here, not the end of the run.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ease/err.h"
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
	const char *prog = getenv("EASE_GNUPLOT");
	FILE *out = tmpfile();
	int in[2], ep[2], status, e = 0, fd;
	pid_t pid;
	ssize_t got;
	char *svg, *at;
	size_t n = 0;

	*missing = 0;
	if (prog == NULL || *prog == '\0')
		prog = "gnuplot";
	if (out == NULL) {
		ease_warn("no plots: cannot make a temporary file: %s", strerror(errno));
		return NULL;
	}
	fd = fileno(out);
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
		char *argv[2];

		argv[0] = (char *)prog;
		argv[1] = NULL;
		if (dup2(in[0], 0) < 0 || dup2(fd, 1) < 0)
			_exit(127);
		close(in[0]);
		if (strchr(prog, '/'))
			execv(prog, argv);
		else
			execvp(prog, argv);
		e = errno;
		if (write(ep[1], &e, sizeof e) < 0) {
			/* the exit status says it */
		}
		_exit(127);
	}
	close(in[0]);
	close(ep[1]);
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
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			ease_die(EASE_EX_SOFTWARE, "waitpid: %s", strerror(errno));
	if (got == (ssize_t)sizeof e) {
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
	svg = slurp(fd, &n);
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

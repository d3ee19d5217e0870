#include "ease/err.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *ease_prog = "ease";

static int skip_bad;
static void (*fail_hook)(void);
static long skipped;
static const char *last_skip_file;
static long last_skip_line = -1;

void
ease_set_prog(const char *argv0)
{
	const char *s;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	s = strrchr(argv0, '/');
	ease_prog = s ? s + 1 : argv0;
}

/* Leaves as a process killed by SIGPIPE leaves: what a closed pipe asks. */
static void
die_of_sigpipe(void)
{
	sigset_t s;

	if (fail_hook)
		fail_hook();
	signal(SIGPIPE, SIG_DFL);
	sigemptyset(&s);
	sigaddset(&s, SIGPIPE);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	raise(SIGPIPE);
	_exit(128 + SIGPIPE);
}

void
ease_write_failed(const char *name, int err)
{
	if (err == EPIPE)
		die_of_sigpipe();
	ease_die(EASE_EX_IO, "%s: write error: %s", name, strerror(err ? err : EIO));
}

/* At exit: output that never arrived is a failed run, not a quiet one. */
static void
check_std_streams(void)
{
	/* a write that failed earlier left its reason here, if nothing since did */
	int err = errno;

	if (fflush(stdout) != 0)
		err = errno;
	if (ferror(stdout))
		ease_write_failed("standard output", err);
	err = 0;
	if (fflush(stderr) != 0)
		err = errno;
	if (ferror(stderr)) {
		if (err == EPIPE)
			die_of_sigpipe();
		/* nowhere left to say it */
		if (fail_hook)
			fail_hook();
		_exit(EASE_EX_IO);
	}
}

void
ease_init(const char *argv0)
{
	static int done;

	ease_set_prog(argv0);
	if (done)
		return;
	done = 1;
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
			int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);

			if (n != fd)
				_exit(EASE_EX_SOFTWARE);
		}
	atexit(check_std_streams);
}

void
ease_on_fail(void (*fn)(void))
{
	fail_hook = fn;
}

void
ease_fail_exit(int status)
{
	fflush(stdout);
	fflush(stderr);
	if (fail_hook)
		fail_hook();
	_exit(status);
}

void
ease_die(int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", ease_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	ease_fail_exit(status);
}

void
ease_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", ease_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *
ease_shown(const char *s, char *buf, size_t n)
{
	size_t i = 0;
	const unsigned char *p = (const unsigned char *)s;

	if (n < 8) {
		if (n)
			buf[0] = '\0';
		return buf;
	}
	for (; *p && i + 5 < n; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			static const char hex[] = "0123456789abcdef";
			if (*p == '\n' || *p == '\t' || *p == '\r') {
				buf[i++] = '\\';
				buf[i++] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
			} else {
				buf[i++] = '\\';
				buf[i++] = 'x';
				buf[i++] = hex[*p >> 4];
				buf[i++] = hex[*p & 15];
			}
		} else
			buf[i++] = (char)*p;
	}
	if (*p) {
		/* cut, marking it; never split a UTF-8 sequence */
		while (i > 0 && ((unsigned char)buf[i - 1] & 0xc0) == 0x80)
			i--;
		if (i > 0 && ((unsigned char)buf[i - 1] & 0xc0) == 0xc0)
			i--;
		buf[i++] = '.';
		buf[i++] = '.';
		buf[i++] = '.';
	}
	buf[i] = '\0';
	return buf;
}

void
ease_set_skip_bad(int on)
{
	skip_bad = on;
}

long
ease_skipped_rows(void)
{
	return skipped;
}

static int
skip_row(const char *file, long line)
{
	if (!skip_bad)
		return 0;
	/* a row with several bad cells counts once */
	if (line != last_skip_line || file != last_skip_file)
		skipped++;
	last_skip_file = file;
	last_skip_line = line;
	return 1;
}

int
ease_bad_value(const char *file, long line, const char *col, const char *value,
	       const char *what)
{
	char v[128];

	if (skip_row(file, line))
		return 1;
	ease_shown(value ? value : "", v, sizeof v);
	if (col)
		ease_die(EASE_EX_DATA, "%s:%ld: column '%s': '%s' %s", file, line,
			 col, v, what);
	ease_die(EASE_EX_DATA, "%s:%ld: '%s' %s", file, line, v, what);
}

int
ease_bad_row(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	if (skip_row(file, line))
		return 1;
	fflush(stdout);
	fprintf(stderr, "%s: %s:%ld: ", ease_prog, file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	ease_fail_exit(EASE_EX_DATA);
}

void
ease_report_skipped(void)
{
	if (skipped > 0)
		ease_warn("skipped %ld row%s with bad values (--skip-bad)",
			  skipped, skipped == 1 ? "" : "s");
}

static void
nomem(void)
{
	ease_die(EASE_EX_SOFTWARE, "out of memory");
}

void *
ease_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		nomem();
	return p;
}

void *
ease_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		nomem();
	return p;
}

void *
ease_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		nomem();
	return p;
}

char *
ease_xstrdup(const char *s)
{
	return ease_xstrndup(s, strlen(s));
}

char *
ease_xstrndup(const char *s, size_t n)
{
	char *p = ease_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
ease_grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 8;

	if (need <= *cap)
		return;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / size)
			nomem();
		c *= 2;
	}
	*p = ease_xrealloc(*p, c * size);
	*cap = c;
}

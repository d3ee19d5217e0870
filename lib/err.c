/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/err.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *ease_prog = "ease";

static int skip_bad;
static int rehearsal;
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
	ease_cov_flush();
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
		ease_cov_flush();
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

#ifdef EASE_COVERAGE
void __gcov_dump(void);
void __gcov_reset(void);
#endif

void
ease_cov_flush(void)
{
#ifdef EASE_COVERAGE
	__gcov_dump();
	__gcov_reset();
#endif
}

void
ease_cov_child(void)
{
#ifdef EASE_COVERAGE
	__gcov_reset();
#endif
}

void
ease_fail_exit(int status)
{
	fflush(stdout);
	fflush(stderr);
	if (fail_hook)
		fail_hook();
	ease_cov_flush();
	_exit(status);
}

void
ease_die(int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", ease_prog);
	va_start(ap, fmt);
	ease_vsay(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	ease_fail_exit(status);
}

static int quiet;

void
ease_set_quiet(int on)
{
	quiet = on;
}

void
ease_warn(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	fprintf(stderr, "%s: ", ease_prog);
	va_start(ap, fmt);
	ease_vsay(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/*
 * Length of the UTF-8 sequence at S (of N bytes) and its code point, or 0
 * when it is not valid UTF-8 (overlong, surrogate, beyond U+10FFFF, cut).
 */
static size_t
utf8_at(const unsigned char *s, size_t n, unsigned long *cp)
{
	if (n == 0)
		return 0;
	size_t len;
	unsigned long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*cp = c;
	return len;
}

/*
 * Characters a terminal shows as nothing, or as a plain space, though they
 * are not one: a cell holding them looks right and is not.
 */
static int
invisible(unsigned long c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad || c == 0x34f ||
	       c == 0x61c || c == 0x115f || c == 0x1160 || c == 0x17b4 ||
	       c == 0x17b5 || c == 0x180e || (c >= 0x2000 && c <= 0x200f) ||
	       (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f) ||
	       c == 0x3000 || c == 0x3164 || (c >= 0xfe00 && c <= 0xfe0f) ||
	       c == 0xfeff || c == 0xffa0 || (c >= 0xfff9 && c <= 0xfffb) ||
	       (c >= 0xe0000 && c <= 0xe007f);
}

/* How the character at S (L bytes, code point CP; L 0: a bad byte) is shown. */
enum { AS_IS, AS_SHORT, AS_HEX };

static int
how_shown(size_t l, unsigned long cp)
{
	if (l == 0)
		return AS_HEX;
	if (cp == '\n' || cp == '\t' || cp == '\r')
		return AS_SHORT;
	return invisible(cp) ? AS_HEX : AS_IS;
}

/*
 * Escapes S (LEN bytes) into BUF (N bytes): \n \t \r, and every other
 * control or invisible character, NUL and byte of invalid UTF-8 as \xHH per
 * byte; the rest as it is.  Text that does not fit is cut, marked "...",
 * never inside a character or an escape.  Returns the length written.
 */
static size_t
escape(const unsigned char *s, size_t len, char *buf, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0, k = 0, total = 0, room;

	if (n == 0)
		return 0;
	for (k = 0; k < len;) {
		unsigned long cp = 0;
		size_t l = utf8_at(s + k, len - k, &cp);
		int how = how_shown(l, cp);

		total += how == AS_IS ? l : how == AS_SHORT ? 2 : 4 * (l ? l : 1);
		k += l ? l : 1;
	}
	/* all of it, or as much as leaves room for "..." */
	room = total < n ? n - 1 : n >= 4 ? n - 4 : 0;
	for (k = 0; k < len;) {
		unsigned long cp = 0;
		size_t l = utf8_at(s + k, len - k, &cp);
		int how = how_shown(l, cp);
		size_t need = how == AS_IS ? l : how == AS_SHORT ? 2 : 4 * (l ? l : 1);

		if (i + need > room)
			break;
		if (how == AS_IS) {
			memcpy(buf + i, s + k, l);
			i += l;
		} else if (how == AS_SHORT) {
			buf[i++] = '\\';
			buf[i++] = cp == '\n' ? 'n' : cp == '\t' ? 't' : 'r';
		} else {
			for (size_t j = 0; j < (l ? l : 1); j++) {
				buf[i++] = '\\';
				buf[i++] = 'x';
				buf[i++] = hex[s[k + j] >> 4];
				buf[i++] = hex[s[k + j] & 15];
			}
		}
		k += l ? l : 1;
	}
	if (k < len && n >= 4) {
		memcpy(buf + i, "...", 3);
		i += 3;
	}
	buf[i] = '\0';
	return i;
}

int
ease_has_hidden(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t k = 0; k < len;) {
		unsigned long cp = 0;
		size_t l = utf8_at(p + k, len - k, &cp);

		if (how_shown(l, cp) != AS_IS)
			return 1;
		k += l;
	}
	return 0;
}

const char *
ease_shown_n(const char *s, size_t len, char *buf, size_t n)
{
	escape((const unsigned char *)s, len, buf, n);
	return buf;
}

const char *
ease_shown(const char *s, char *buf, size_t n)
{
	return ease_shown_n(s, strlen(s), buf, n);
}

void
ease_vfsay(FILE *fp, const char *fmt, va_list ap)
{
	char small[512], *msg = small, *out;
	va_list aq;
	int len;

	va_copy(aq, ap);
	len = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (len < 0)
		return;
	if ((size_t)len >= sizeof small) {
		msg = ease_xmalloc((size_t)len + 1);
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
	}
	/* each byte becomes at most 4 */
	out = ease_xmalloc(4 * (size_t)len + 1);
	fwrite(out, 1, escape((const unsigned char *)msg, (size_t)len, out,
			      4 * (size_t)len + 1), fp);
	free(out);
	if (msg != small)
		free(msg);
}

void
ease_vsay(const char *fmt, va_list ap)
{
	ease_vfsay(stderr, fmt, ap);
}

static void __attribute__((format(printf, 1, 2)))
say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ease_vsay(fmt, ap);
	va_end(ap);
}

void
ease_set_skip_bad(int on)
{
	skip_bad = on;
}

void
ease_set_rehearsal(int on)
{
	rehearsal = on;
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
	if (rehearsal)
		return 1;	/* the main pass counts it */
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
	fprintf(stderr, "%s: ", ease_prog);
	say("%s:%ld: ", file, line);
	va_start(ap, fmt);
	ease_vsay(fmt, ap);
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

void
ease_nomem(size_t n)
{
	/* nothing here may allocate: memory is what has run out */
	char msg[256];

	fflush(stdout);
	if (n == SIZE_MAX)
		snprintf(msg, sizeof msg, "%s: out of memory: asked for more bytes than can "
			 "be addressed (is the input this large?)\n", ease_prog);
	else
		snprintf(msg, sizeof msg, "%s: out of memory: could not get a block of "
			 "%zu bytes (%.1f MiB); free memory or raise the limit (ulimit -v)\n",
			 ease_prog, n, (double)n / 1048576);
	fputs(msg, stderr);
	ease_fail_exit(EASE_EX_SOFTWARE);
}

void *
ease_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		ease_nomem(n);
	return p;
}

void *
ease_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		ease_nomem(size && n > SIZE_MAX / size ? SIZE_MAX : n * size);
	return p;
}

void *
ease_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		ease_nomem(n);
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
			ease_nomem(SIZE_MAX);
		c *= 2;
	}
	*p = ease_xrealloc(*p, c * size);
	*cap = c;
}

size_t
ease_utf8_at(const char *s, size_t n, unsigned long *cp)
{
	unsigned long c;

	return utf8_at((const unsigned char *)s, n, cp ? cp : &c);
}

char *
ease_utf8_fix(const char *s, size_t len, size_t *outlen)
{
	/* each bad byte becomes 3 bytes at most: no reallocation needed */
	char *out;
	size_t o = 0;

	if (len > (SIZE_MAX - 1) / 3)
		ease_die(EASE_EX_SOFTWARE, "out of memory: %zu bytes of text", len);
	out = ease_xmalloc(3 * len + 1);

	for (size_t k = 0; k < len;) {
		unsigned long cp;
		size_t l = utf8_at((const unsigned char *)s + k, len - k, &cp);

		if (l == 0 || cp == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			k++;
		} else {
			memcpy(out + o, s + k, l);
			o += l;
			k += l;
		}
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

void
ease_xvappendf(char **s, size_t *len, size_t *cap, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		ease_die(EASE_EX_SOFTWARE, "cannot format '%s'", fmt);
	ease_grow((void **)s, cap, *len + (size_t)n + 1, 1);
	vsnprintf(*s + *len, (size_t)n + 1, fmt, ap);
	*len += (size_t)n;
}

void
ease_xappendf(char **s, size_t *len, size_t *cap, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ease_xvappendf(s, len, cap, fmt, ap);
	va_end(ap);
}

char *
ease_xvasprintf(const char *fmt, va_list ap)
{
	char *s = NULL;
	size_t len = 0, cap = 0;

	ease_xvappendf(&s, &len, &cap, fmt, ap);
	return s;
}

char *
ease_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = ease_xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

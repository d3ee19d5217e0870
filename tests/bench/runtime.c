/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * runtime [-v KIB] [-t SECONDS] CMD [ARG]...: runs CMD with its standard
 * output thrown away and prints "CPU_US WALL_US PEAK_KIB STATUS" on
 * standard output.
 * CPU is user + system of CMD and everything it waited for, in
 * microseconds: /usr/bin/time counts in hundredths, too coarse for the
 * small tables of a quick bench run.  PEAK_KIB is the largest resident set
 * among them (what /usr/bin/time -f %M prints).  -v limits the address
 * space of CMD as `ulimit -v KIB` does.  -t kills CMD and all it started
 * after SECONDS of the wall clock: STATUS is then 999.  Otherwise STATUS is
 * the exit status, or 128 + the signal that ended CMD.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t child;
static volatile sig_atomic_t timed_out;

static void
on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
	kill(-child, SIGKILL);
}

static long long
us(struct timeval t)
{
	return (long long)t.tv_sec * 1000000 + t.tv_usec;
}

int
main(int argc, char **argv)
{
	long limit = 0, secs = 0;
	int a = 1, status, w;
	pid_t pid;
	struct rusage ru;
	struct timespec t0, t1;

	for (; a + 1 < argc && argv[a][0] == '-'; a += 2) {
		if (strcmp(argv[a], "-v") == 0)
			limit = atol(argv[a + 1]);
		else if (strcmp(argv[a], "-t") == 0)
			secs = atol(argv[a + 1]);
		else
			break;
	}
	if (a >= argc) {
		fprintf(stderr, "usage: runtime [-v KIB] [-t SECONDS] CMD [ARG]...\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("runtime: fork");
		return 71;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		setpgid(0, 0);	/* a group that a time-out kills whole */
		if (null >= 0)
			dup2(null, 1);
		if (limit > 0) {
			struct rlimit rl = {(rlim_t)limit * 1024, (rlim_t)limit * 1024};

			setrlimit(RLIMIT_AS, &rl);
		}
		execvp(argv[a], argv + a);
		perror(argv[a]);
		_exit(127);
	}
	setpgid(pid, pid);
	child = pid;
	if (secs > 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_alarm;
		sigaction(SIGALRM, &sa, NULL);
		alarm((unsigned)secs);
	}
	while ((w = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR)
		;
	if (w < 0) {
		perror("runtime: wait4");
		return 71;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%lld %lld %ld %d\n", us(ru.ru_utime) + us(ru.ru_stime),
	       (long long)(t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000,
	       ru.ru_maxrss, timed_out ? 999 : WIFEXITED(status) ? WEXITSTATUS(status)
	       : 128 + WTERMSIG(status));
	return 0;
}

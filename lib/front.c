/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE	/* readlink on /proc */
#include "ease/front.h"
#include "ease/err.h"
#include "ease/opts.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* The folder this program runs from: tools beside it come first. */
static char *
own_dir(const char *argv0)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash;

	if (n > 0)
		buf[n] = '\0';
	else if (argv0 && strchr(argv0, '/') && strlen(argv0) < sizeof buf)
		strcpy(buf, argv0);
	else
		return NULL;
	slash = strrchr(buf, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return ease_xstrdup(buf[0] ? buf : "/");
}

static int
valid_name(const char *s)
{
	if (*s == '\0' || *s == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' ||
		      *s == '_'))
			return 0;
	return 1;
}

static int
is_exec(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Full path of ease-NAME, beside us or on PATH; NULL when there is none. */
static char *
find_tool(const char *dir, const char *name)
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];

	if (dir && snprintf(buf, sizeof buf, "%s/ease-%s", dir, name) < (int)sizeof buf &&
	    is_exec(buf))
		return ease_xstrdup(buf);
	for (const char *p = path ? path : ""; *p;) {
		const char *e = strchr(p, ':');
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (l > 0 && snprintf(buf, sizeof buf, "%.*s/ease-%s", (int)l, p,
				      name) < (int)sizeof buf && is_exec(buf))
			return ease_xstrdup(buf);
		if (!e)
			break;
		p = e + 1;
	}
	return NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
collect(const char *dir, char ***names, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char buf[PATH_MAX];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		const char *tool;

		if (strncmp(e->d_name, "ease-", 5) != 0 || !valid_name(e->d_name + 5))
			continue;
		tool = e->d_name + 5;
		if (snprintf(buf, sizeof buf, "%s/%s", dir, e->d_name) >= (int)sizeof buf ||
		    !is_exec(buf))
			continue;
		for (size_t i = 0; i < *n; i++)
			if (strcmp((*names)[i], tool) == 0)
				goto next;
		ease_grow((void **)names, cap, *n + 1, sizeof **names);
		(*names)[(*n)++] = ease_xstrdup(tool);
next:;
	}
	closedir(d);
}

static int
list_tools(const char *dir)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	const char *path = getenv("PATH");

	if (dir)
		collect(dir, &names, &n, &cap);
	for (const char *p = path ? path : ""; *p;) {
		const char *e = strchr(p, ':');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		char *d = ease_xstrndup(p, l);

		if (l)
			collect(d, &names, &n, &cap);
		free(d);
		if (!e)
			break;
		p = e + 1;
	}
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	printf("Usage: ease TOOL [ARGUMENT]...    run ease-TOOL\n"
	       "       ease help TOOL             its manual\n"
	       "\nTools:\n");
	for (size_t i = 0; i < n; i++) {
		const char *p = ease_tool_purpose(names[i]);

		printf("  %-10s %s\n", names[i], p ? p : "");
		free(names[i]);
	}
	if (n == 0)
		printf("  (none found beside ease or on PATH)\n");
	printf("\nA diary goes through them in pipes, e.g.\n"
	       "  ease select --last 30 diary.csv | ease check\n"
	       "See ease(7) and ease-diary(5).\n");
	free(names);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EASE_EX_IO;
}

static int
run_tool(const char *dir, const char *name, char **argv)
{
	char *path;

	if (!valid_name(name))
		ease_die(EASE_EX_USAGE, "'%s' is not a tool name; 'ease' lists the tools", name);
	path = find_tool(dir, name);
	if (path == NULL)
		ease_die(EASE_EX_USAGE, "no tool '%s' (no ease-%s beside ease or on PATH); 'ease' lists the tools",
			 name, name);
	argv[0] = path;
	ease_cov_flush();
	execv(path, argv);
	ease_die(EASE_EX_SOFTWARE, "cannot run %s: %s", path, strerror(errno));
}

/* Shows the manual: the tree's own page, the installed one, or --help. */
static int
help_tool(const char *dir, const char *name)
{
	char page[PATH_MAX];
	char *path;
	pid_t pid;
	int status;

	if (!valid_name(name))
		ease_die(EASE_EX_USAGE, "'%s' is not a tool name; 'ease' lists the tools", name);
	path = find_tool(dir, name);
	if (path == NULL)
		ease_die(EASE_EX_USAGE, "no tool '%s'; 'ease' lists the tools", name);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (dir && snprintf(page, sizeof page, "%s/../man/man1/ease-%s.1", dir, name) <
		    (int)sizeof page && access(page, R_OK) == 0)
			execlp("man", "man", "-l", page, (char *)NULL);
		else {
			snprintf(page, sizeof page, "ease-%s", name);
			execlp("man", "man", page, (char *)NULL);
		}
		_exit(127);
	}
	if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0) {
		free(path);
		return 0;
	}
	/* no man(1), or no page: the tool's own help */
	ease_cov_flush();
	execl(path, path, "--help", (char *)NULL);
	ease_die(EASE_EX_SOFTWARE, "cannot run %s: %s", path, strerror(errno));
}

/* at file scope, so that a run that ends in ease_die() loses no memory */
static char *dir;

int
ease_front_main(int argc, char **argv)
{
	int rc;

	ease_init(argv[0]);
	dir = own_dir(argv[0]);
	if (argc < 2) {
		rc = list_tools(dir);
	} else if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		rc = list_tools(dir);
	} else if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		ease_version();
	} else if (strcmp(argv[1], "help") == 0) {
		if (argc > 3)
			ease_die(EASE_EX_USAGE, "help takes one tool name");
		rc = argc == 2 ? list_tools(dir) : help_tool(dir, argv[2]);
	} else if (argv[1][0] == '-') {
		ease_die(EASE_EX_USAGE, "unknown option '%s'; usage: ease TOOL [ARGUMENT]...",
			 argv[1]);
	} else {
		rc = run_tool(dir, argv[1], argv + 1);
	}
	free(dir);
	dir = NULL;
	return rc;
}

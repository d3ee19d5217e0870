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

/* LIST: only the names, one a line (--list-tools, for completion). */
static int
list_tools_as(const char *dir, int names_only)
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
	if (names_only) {
		for (size_t i = 0; i < n; i++) {
			printf("%s\n", names[i]);
			free(names[i]);
		}
		free(names);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EASE_EX_IO;
	}
	printf("Usage: ease TOOL [ARGUMENT]...    run ease-TOOL\n"
	       "       ease help TOOL             its manual\n"
	       "       ease help diary            the diary's formats, ease-diary(5)\n"
	       "       ease help ease             how the tools fit together, ease(7)\n"
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
	       "See 'ease help ease' and 'ease help diary'.\n");
	free(names);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EASE_EX_IO;
}

static int
list_tools(const char *dir)
{
	return list_tools_as(dir, 0);
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

/*
 * man(1) on page PAGE of SECTION: the source tree's own copy beside the
 * program's folder DIR (DIR/../man), or the one installed beside it (DIR/../share/man,
 * whatever the prefix), else the one man finds.  Returns whether man showed it.
 */
static int
show_page(const char *dir, const char *page, const char *section)
{
	static const char *const near[] = {"%.*s/man/man%s/%s.%s",
					    "%.*s/share/man/man%s/%s.%s"};
	char path[PATH_MAX];
	const char *slash = dir ? strrchr(dir, '/') : NULL;
	int up = slash ? (int)(slash - dir) : 0;	/* DIR's parent, said plainly */
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		ease_cov_child();
		for (size_t i = 0; slash && i < sizeof near / sizeof near[0]; i++)
			if (snprintf(path, sizeof path, near[i], up, dir, section, page, section) <
			    (int)sizeof path && access(path, R_OK) == 0) {
				ease_cov_flush();
				execlp("man", "man", "-l", path, (char *)NULL);
			}
		ease_cov_flush();
		execlp("man", "man", section, page, (char *)NULL);
		ease_cov_flush();
		_exit(127);
	}
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

/* The manuals that are not a tool's: the diary's formats and the ideas. */
static const struct {
	const char *topic, *page, *section;
} topics[] = {
	{"diary", "ease-diary", "5"},
	{"ease", "ease", "7"},
};

/* Shows the manual of a tool (or --help when man cannot), or of a topic. */
static int
help_tool(const char *dir, const char *name)
{
	char page[PATH_MAX];
	char *path;

	for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++)
		if (strcmp(name, topics[i].topic) == 0) {
			if (show_page(dir, topics[i].page, topics[i].section))
				return 0;
			ease_die(EASE_EX_UNAVAILABLE, "cannot show %s(%s): man(1) failed or is not installed; "
				 "the page is man/man%s/%s.%s in the source",
				 topics[i].page, topics[i].section, topics[i].section,
				 topics[i].page, topics[i].section);
		}
	if (!valid_name(name))
		ease_die(EASE_EX_USAGE, "'%s' is not a tool name; 'ease' lists the tools", name);
	path = find_tool(dir, name);
	if (path == NULL)
		ease_die(EASE_EX_USAGE, "no tool '%s' and no topic (diary, ease); 'ease' lists the tools", name);
	snprintf(page, sizeof page, "ease-%s", name);
	if (show_page(dir, page, "1")) {
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
	} else if (strcmp(argv[1], "--list-tools") == 0 && argc == 2) {
		/* hidden: the shell's completion asks it */
		rc = list_tools_as(dir, 1);
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

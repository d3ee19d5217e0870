# SPDX-License-Identifier: GPL-3.0-or-later
# ease — build, test, install.  `make help` lists the targets.

# The one version number: -V of every tool, the man pages' .TH (tests/version.t),
# NEWS and the name of the release tarball.
VERSION  = 0.1.0

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
DOCDIR  ?= $(DATADIR)/doc/ease
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
DESTDIR ?=

CC      ?= cc
CFLAGS  ?= -O2
WARN     = -std=c11 -Wall -Wextra -Wpedantic
GSL_CFLAGS := $(shell pkg-config --cflags gsl 2>/dev/null)
GSL_LIBS   := $(shell pkg-config --libs gsl 2>/dev/null || echo -lgsl -lgslcblas -lm)
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -DEASE_VERSION='"$(VERSION)"' -Iinclude $(GSL_CFLAGS) $(CPPFLAGS)
LIBS     = -lcsv $(GSL_LIBS) -lm

# SANITIZE=1 builds everything apart, under build/san, with ASan and UBSan.
ifeq ($(SANITIZE),1)
OUT      = build/san
XFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
BINOUT   = $(OUT)/bin
LIBA     = $(OUT)/lib/libease.a
else ifeq ($(COVERAGE),1)
# COVERAGE=1 (make coverage): gcov's counters, flushed before every _exit and exec
OUT      = build/cov
XFLAGS   = -O0 -g --coverage -DEASE_COVERAGE
BINOUT   = $(OUT)/bin
LIBA     = $(OUT)/lib/libease.a
else
OUT      = build
XFLAGS   =
BINOUT   = bin
LIBA     = lib/libease.a
endif

LIB_SRC  = $(wildcard lib/*.c)
LIB_OBJ  = $(patsubst lib/%.c,$(OUT)/obj/%.o,$(LIB_SRC))
TOOL_SRC = $(wildcard bin/ease*.c)
TOOLS    = $(patsubst bin/%.c,$(BINOUT)/%,$(TOOL_SRC))
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNITS    = $(patsubst tests/unit/%.c,$(OUT)/tests/%,$(UNIT_SRC))
HEADERS  = $(wildcard include/ease/*.h)
MAN      = $(wildcard man/man1/*.1 man/man5/*.5 man/man7/*.7)

.PHONY: all deps check-deps test unit cases calibrate bad-regen valgrind coverage calibrate-plan install uninstall clean bench fuzz help lint-man demo html-check version dist distcheck ref-check

all: check-deps $(LIBA) $(TOOLS)

# A build apart (build/san, build/cov) has the manual beside its bin/ as bin/
# has: 'ease help diary' shows the source tree's page (tests/docs.t).
ifneq ($(OUT),build)
all: $(OUT)/man
$(OUT)/man:
	@mkdir -p $(OUT)
	ln -s ../../man $@
endif

help:
	@echo "make            build lib/libease.a and bin/ease-*"
	@echo "make demo       run the tools on examples/diary.csv"
	@echo "make deps       install missing Debian packages (as root), or print the command"
	@echo "make test       build and run every test (SANITIZE=1: under ASan and UBSan)"
	@echo "make calibrate  coverage, false positives and power on 600 simulated diaries"
	@echo "make bad-regen  rewrite tests/bad/expected.tsv from the tools (then review it)"
	@echo "make valgrind   run the case tests under valgrind's memcheck"
	@echo "make coverage   run every test on a --coverage build; line coverage per file"
	@echo "make calibrate-plan  size and power of ease-prepost --plan on simulated trials"
	@echo "make ref-check  run the R and SciPy references again and compare (deps.sh install ref)"
	@echo "make html-check validate ease-report's HTML, render and print it in Chromium"
	@echo "make bench      ratios of ease to a raw libcsv parse, datamash and Miller (BENCH_QUICK=1)"
	@echo "make install    PREFIX=$(PREFIX) DESTDIR=...; make uninstall"
	@echo "make dist       the release tarball $(DIST).tar.gz; make distcheck builds and tests it"

# The quick start: what the tools can tell about the example diary.
demo: all
	@sh examples/demo.sh

# A missing library is named by its package, not by a compiler error.
check-deps:
	@sh tests/deps.sh check

deps:
	@sh tests/deps.sh install

$(OUT)/obj/%.o: lib/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(XFLAGS) $(CPPFLAGS_ALL) -c -o $@ $<

# the files that print the version
$(OUT)/obj/opts.o $(OUT)/obj/plot.o $(OUT)/obj/plan.o: Makefile

$(LIBA): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BINOUT)/%: bin/%.c $(LIBA) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(XFLAGS) $(CPPFLAGS_ALL) -o $@ $< $(LIBA) $(LDFLAGS) $(LIBS)

$(OUT)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIBA) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(XFLAGS) $(CPPFLAGS_ALL) -Itests/unit -o $@ $< $(LIBA) $(LDFLAGS) $(LIBS)

# prove prints the closing "Result: PASS" line CI reads.
test: all $(TOOLS) $(UNITS)
	@EASE_BIN=$(abspath $(BINOUT)) EASE_VERSION=$(VERSION) \
		prove -f --exec "" $(UNITS) tests/cases.t tests/memory.t tests/man-options.t tests/bad.t tests/plot.t tests/output.t tests/cron.t tests/chain.t tests/docs.t tests/plan.t tests/version.t tests/install.t tests/completion.t tests/calibrate.t

unit: all $(UNITS)
	@prove -v --exec "" $(UNITS)

# make cases T=select runs the cases of one tool.
cases: all
	@EASE_BIN=$(abspath $(BINOUT)) EASE_CASES=$(T) prove -v tests/cases.t

# The bad-input table, rewritten from the tools as they are now: review its diff.
bad-regen: all
	@EASE_BIN=$(abspath $(BINOUT)) sh tests/bad.t --regen

# Every case under memcheck: no memory error, no block lost (see tests/cases.t).
valgrind: all
	@command -v valgrind > /dev/null || { echo "make valgrind: valgrind is not installed (make deps)" >&2; exit 1; }
	@EASE_BIN=$(abspath $(BINOUT)) EASE_VALGRIND=1 prove -f tests/cases.t

# Line coverage of lib/ and bin/ over the whole suite, per file and in total.
# The counters start from zero; tests/coverage.sh reads them with gcov.
coverage:
	@find build/cov -name '*.gcda' -delete 2>/dev/null || true
	@$(MAKE) --no-print-directory COVERAGE=1 test
	@sh tests/coverage.sh build/cov

# The randomization test of ease-prepost --plan on simulated trials: size and power.
calibrate-plan: all
	@EASE_BIN=$(abspath $(BINOUT)) sh tests/calibrate-plan.sh

# ease-report's HTML: html5lib (strict), rendered and printed by headless Chromium.
html-check: all
	@EASE_BIN=$(abspath $(BINOUT)) sh tests/html-check.sh

# Calibration on 200 planted and 400 null simulated diaries: coverage,
# false positives and power of each design against its target (exit 1 when
# one is not met).  The short version (5 and 5) is in make test.
calibrate: all
	@EASE_BIN=$(abspath $(BINOUT)) sh tests/calibrate.sh 200 400

# The independent references (R, SciPy, pandas, statsmodels) run again and
# compared with the numbers the tests hold: sh tests/deps.sh install ref.
ref-check: all
	@sh tests/ref-check.sh

lint-man:
	@for m in $(MAN); do groff -man -ww -z $$m || exit 1; done
	@# a command shown in EXAMPLES must be copyable: every hyphen escaped
	@awk '/^\.SH/ { ex = ($$0 ~ /EXAMPLES/) } /^\.(nf|EX)/ { nf = 1; next } \
		/^\.(fi|EE)/ { nf = 0 } ex && nf && !/^\./ && /(^|[^\\])-/ \
		{ print FILENAME ":" FNR ": unescaped hyphen in an example: " $$0; bad = 1 } \
		END { exit bad }' $(MAN)

# BENCH_QUICK=1: a 200,000-row table, a minute or two; the whole one takes
# about half an hour on 2 busy cores.  BENCH_ROWS=N, PAIRS=N, EASE_BENCH=check,corr,
# BENCH_TIMEOUT=S (a run stopped after S seconds), BENCH_CLOCK=wall.
bench: all
	@BENCH_QUICK="$(BENCH_QUICK)" BENCH_ROWS="$(BENCH_ROWS)" PAIRS="$(PAIRS)" \
		EASE_BENCH="$(EASE_BENCH)" BENCH_TIMEOUT="$(BENCH_TIMEOUT)" \
		BENCH_CLOCK="$(BENCH_CLOCK)" sh tests/bench.sh

fuzz:
	@sh tests/fuzz.sh

# README, NEWS, COPYING and the examples go to $(DOCDIR); the crontab is
# installed naming the installed script and tools, not this folder.  Bash
# completion: one file, found as ease and as each ease-TOOL (bash-completion
# loads a command's file by its name); zsh's _ease covers them all.
DOCS     = README.md NEWS COPYING
EXAMPLES = examples/README $(wildcard examples/*.csv)
EXPLOTS  = $(wildcard examples/plots/*.png)
INSTALLED_DOCS = $(DOCS) $(EXAMPLES) $(EXPLOTS) examples/cron/ease-cron.sh examples/cron/crontab

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)/
	for m in $(MAN); do install -m 644 $$m $(DESTDIR)$(MANDIR)/$$(basename $$(dirname $$m))/; done
	install -d $(DESTDIR)$(DOCDIR)/examples/cron $(DESTDIR)$(DOCDIR)/examples/plots
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)/
	install -m 644 $(EXAMPLES) $(DESTDIR)$(DOCDIR)/examples/
	install -m 644 $(EXPLOTS) $(DESTDIR)$(DOCDIR)/examples/plots/
	install -m 755 examples/cron/ease-cron.sh $(DESTDIR)$(DOCDIR)/examples/cron/
	sed -e 's|/usr/local/share/doc/ease|$(DOCDIR)|g' -e 's|/usr/local/bin|$(BINDIR)|g' \
		examples/cron/crontab > $(DESTDIR)$(DOCDIR)/examples/cron/crontab
	chmod 644 $(DESTDIR)$(DOCDIR)/examples/cron/crontab
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 completion/ease.bash $(DESTDIR)$(BASHCOMPDIR)/ease
	for t in $(filter-out ease,$(notdir $(TOOLS))); do ln -sf ease $(DESTDIR)$(BASHCOMPDIR)/$$t; done
	install -m 644 completion/_ease $(DESTDIR)$(ZSHCOMPDIR)/_ease

uninstall:
	for t in $(notdir $(TOOLS)); do rm -f $(DESTDIR)$(BINDIR)/$$t; done
	for m in $(MAN); do rm -f $(DESTDIR)$(MANDIR)/$$(basename $$(dirname $$m))/$$(basename $$m); done
	for f in $(INSTALLED_DOCS); do rm -f $(DESTDIR)$(DOCDIR)/$$f; done
	for t in $(notdir $(TOOLS)); do rm -f $(DESTDIR)$(BASHCOMPDIR)/$$t; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_ease
	-rmdir $(DESTDIR)$(DOCDIR)/examples/cron $(DESTDIR)$(DOCDIR)/examples/plots \
		$(DESTDIR)$(DOCDIR)/examples $(DESTDIR)$(DOCDIR) 2>/dev/null

version:
	@echo $(VERSION)

# The release tarball: the files of the commit checked out (HEAD), under
# ease-VERSION/, with the commit's time on every file (same commit, same bytes).
DIST = ease-$(VERSION)
dist:
	@git rev-parse --git-dir > /dev/null 2>&1 || { echo "make dist: needs a git checkout" >&2; exit 1; }
	@git diff --quiet HEAD -- || echo "make dist: uncommitted changes are not in $(DIST).tar.gz" >&2
	git archive --format=tar --prefix=$(DIST)/ HEAD | gzip -n -9 > $(DIST).tar.gz
	@echo "$(DIST).tar.gz"

# The tarball unpacked in an empty folder elsewhere: it builds, passes make
# test, installs and uninstalls without this tree.
distcheck: dist
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	tar -xzf $(DIST).tar.gz -C "$$d" && \
	$(MAKE) -C "$$d/$(DIST)" -j2 && \
	$(MAKE) -C "$$d/$(DIST)" test && \
	$(MAKE) -C "$$d/$(DIST)" install DESTDIR="$$d/stage" > /dev/null && \
	$(MAKE) -C "$$d/$(DIST)" uninstall DESTDIR="$$d/stage" > /dev/null && \
	test -z "$$(find "$$d/stage" ! -type d)" && \
	echo "$(DIST).tar.gz: builds, passes make test, installs and uninstalls"

clean:
	rm -rf build lib/libease.a ease-*.tar.gz $(patsubst bin/%.c,bin/%,$(TOOL_SRC))

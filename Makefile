# SPDX-License-Identifier: GPL-3.0-or-later
# ease — build, test, install.  `make help` lists the targets.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DESTDIR ?=

CC      ?= cc
CFLAGS  ?= -O2
WARN     = -std=c11 -Wall -Wextra -Wpedantic
GSL_CFLAGS := $(shell pkg-config --cflags gsl 2>/dev/null)
GSL_LIBS   := $(shell pkg-config --libs gsl 2>/dev/null || echo -lgsl -lgslcblas -lm)
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -Iinclude $(GSL_CFLAGS) $(CPPFLAGS)
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

.PHONY: all deps check-deps test unit cases calibrate bad-regen valgrind coverage calibrate-plan install uninstall clean bench fuzz help lint-man demo html-check

all: check-deps $(LIBA) $(TOOLS)

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
	@echo "make html-check validate ease-report's HTML, render and print it in Chromium"
	@echo "make bench      time ease against datamash, Miller and a raw libcsv parse"
	@echo "make install    PREFIX=$(PREFIX) DESTDIR=...; make uninstall"

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
	@EASE_BIN=$(abspath $(BINOUT)) \
		prove -f --exec "" $(UNITS) tests/cases.t tests/memory.t tests/man-options.t tests/bad.t tests/plot.t tests/output.t tests/cron.t tests/chain.t tests/docs.t tests/plan.t tests/calibrate.t

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

lint-man:
	@for m in $(MAN); do groff -man -ww -z $$m || exit 1; done
	@# a command shown in EXAMPLES must be copyable: every hyphen escaped
	@awk '/^\.SH/ { ex = ($$0 ~ /EXAMPLES/) } /^\.(nf|EX)/ { nf = 1; next } \
		/^\.(fi|EE)/ { nf = 0 } ex && nf && !/^\./ && /(^|[^\\])-/ \
		{ print FILENAME ":" FNR ": unescaped hyphen in an example: " $$0; bad = 1 } \
		END { exit bad }' $(MAN)

bench: all
	@sh tests/bench.sh

fuzz:
	@sh tests/fuzz.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)/
	for m in $(MAN); do install -m 644 $$m $(DESTDIR)$(MANDIR)/$$(basename $$(dirname $$m))/; done

uninstall:
	for t in $(notdir $(TOOLS)); do rm -f $(DESTDIR)$(BINDIR)/$$t; done
	for m in $(MAN); do rm -f $(DESTDIR)$(MANDIR)/$$(basename $$(dirname $$m))/$$(basename $$m); done

clean:
	rm -rf build lib/libease.a $(patsubst bin/%.c,bin/%,$(TOOL_SRC))

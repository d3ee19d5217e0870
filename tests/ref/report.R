#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference for ease-report's comparisons, from the rules of ease-report(1)
# and independent of ease's code: the last PERIOD days up to END against the
# PERIOD before, and the days from the first massage session on against the
# days before it, each by R's Welch t.test; sleep against the same day's pain
# by cor.test.  Prints the fragments as the report words them (one decimal,
# signed changes; two decimals for r):
#   Rscript tests/ref/report.R DIARY END PERIOD
# The case tests/cases/report/vs-r holds its output for the diary there.
args <- commandArgs(TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
end <- as.Date(args[2])
P <- as.integer(args[3])
d$date <- as.Date(d$date)
d <- d[d$date <= end, ]
one <- function(x) { x <- round(x, 1); if (x == 0) "0.0" else sprintf("%.1f", x) }
sgn <- function(x) { x <- round(x, 1); if (x == 0) "0.0" else sprintf("%+.1f", x) }
two <- function(x) { x <- round(x, 2); if (x == 0) "0.00" else sprintf("%.2f", x) }
cmp <- function(col, after, before, unit, days) {
	a <- d[[col]][after & !is.na(d[[col]])]
	b <- d[[col]][before & !is.na(d[[col]])]
	t <- t.test(a, b)
	cat(sprintf("%s (%d %ss) against %s (%d %ss) before: a change of %s%s (95 %% CI %s to %s;\n",
		one(mean(a)), length(a), days, one(mean(b)), length(b), days,
		sgn(mean(a) - mean(b)), if (unit == "") "" else paste0(" ", unit),
		sgn(t$conf.int[1]), sgn(t$conf.int[2])))
}
lo1 <- end - P + 1
lo0 <- lo1 - P
last <- d$date >= lo1
before <- d$date >= lo0 & d$date < lo1
first <- min(d$date[d$massage > 0])
cmp("pain", last, before, "points", "day")
cmp("pain", d$date >= first, d$date < first, "points", "day")
cmp("sleep_hours", last, before, "hours", "night")
ok <- !is.na(d$sleep_hours) & !is.na(d$pain)
r <- cor.test(d$sleep_hours[ok], d$pain[ok])
cat(sprintf("Pearson r = %s (95 %% CI %s to %s, %d nights;\n", two(r$estimate),
	two(r$conf.int[1]), two(r$conf.int[2]), sum(ok)))
cmp("meds_doses", last, before, "", "day")

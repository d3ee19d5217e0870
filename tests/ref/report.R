#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference for ease-report's comparisons, from the rules of ease-report(1)
# and independent of ease's code: the last PERIOD days up to END against the
# PERIOD before, and the days from the first massage session on against the
# days before it, each by Welch's interval on the n_eff of the adjusted p;
# sleep against the same day's pain by Fisher's z on n_eff.  Prints the
# fragments as the report words them (one decimal, signed changes; two
# decimals for r):
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
# The interval of the model of the adjusted p (ease-prepost(1) --split): each
# sample's n replaced by n_eff = n (1 - r1)/(1 + r1), r1 the lag-1
# correlation of consecutive days within each sample, pooled about each
# sample's own mean; Welch's interval on the n_eff.
cmp <- function(col, after, before, unit, days) {
	v <- d[[col]]
	a <- v[after & !is.na(v)]
	b <- v[before & !is.na(v)]
	grp <- ifelse(after, 1, ifelse(before, 0, NA))
	sxy <- 0; sxx <- 0; syy <- 0
	for (g in 0:1) {
		i <- which(head(grp, -1) == g & tail(grp, -1) == g & !is.na(head(v, -1)) &
			   !is.na(tail(v, -1)) & diff(d$date) == 1)
		if (length(i) < 2) next
		u <- v[i] - mean(v[i]); w <- v[i + 1] - mean(v[i + 1])
		sxy <- sxy + sum(u * w); sxx <- sxx + sum(u * u); syy <- syy + sum(w * w)
	}
	r1 <- sxy / sqrt(sxx * syy)
	ne <- function(n) if (r1 <= 0) n else n * (1 - r1) / (1 + r1)
	ex <- var(a) / ne(length(a)); ey <- var(b) / ne(length(b))
	df <- (ex + ey)^2 / (ex^2 / (ne(length(a)) - 1) + ey^2 / (ne(length(b)) - 1))
	ci <- mean(a) - mean(b) + c(-1, 1) * qt(0.975, df) * sqrt(ex + ey)
	cat(sprintf("%s (%d %ss) against %s (%d %ss) before: a change of %s%s (95 %% CI %s to %s;\n",
		one(mean(a)), length(a), days, one(mean(b)), length(b), days,
		sgn(mean(a) - mean(b)), if (unit == "") "" else paste0(" ", unit),
		sgn(ci[1]), sgn(ci[2])))
}
# lag-1 correlation over consecutive days with a value
r1of <- function(v) {
	i <- which(!is.na(head(v, -1)) & !is.na(tail(v, -1)) & diff(d$date) == 1)
	cor(v[i], v[i + 1])
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
r <- cor(d$sleep_hours[ok], d$pain[ok])
# Fisher's z on n_eff = n (1 - r1x r1y)/(1 + r1x r1y), the n of the adjusted p
q <- r1of(d$sleep_hours) * r1of(d$pain)
ne <- if (q <= 0) sum(ok) else sum(ok) * (1 - q) / (1 + q)
ci <- tanh(atanh(r) + c(-1, 1) * qnorm(0.975) / sqrt(ne - 3))
cat(sprintf("Pearson r = %s (95 %% CI %s to %s, %d nights;\n", two(r),
	two(ci[1]), two(ci[2]), sum(ok)))
cmp("meds_doses", last, before, "", "day")

#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference for ease-report's comparisons, from the rules of ease-report(1)
# and independent of ease's code: the last PERIOD days up to END against the
# PERIOD before, and the days from the first massage session on against the
# days before it, each the difference of the means with the interval of
# ease-prepost --split (least squares with the AR(1) errors over calendar
# days that nlme::gls fits by REML, as tests/ref/split_gls.R); sleep against
# the same day's pain by Fisher's z on the n_eff of its adjusted p.  Prints
# the fragments as the report words them (one decimal, signed changes; two
# decimals for r):
#   Rscript tests/ref/report.R DIARY END PERIOD
# The case tests/cases/report/vs-r holds its output for the diary there.
suppressMessages(library(nlme))
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
	f <- d[(after | before) & !is.na(d[[col]]), ]
	f <- data.frame(y = f[[col]], day = as.numeric(f$date), post = as.numeric(after[(after | before) & !is.na(d[[col]])]))
	g0 <- gls(y ~ post, data = f, correlation = corAR1(form = ~ day))
	phi <- coef(g0$modelStruct$corStruct, unconstrained = FALSE)[[1]]
	ll <- function(p) logLik(gls(y ~ post, data = f, correlation = corAR1(p, form = ~ day, fixed = TRUE)))
	o <- optimize(ll, c(max(-0.9999, phi - 0.02), min(0.9999, phi + 0.02)), maximum = TRUE, tol = 1e-12)
	g <- gls(y ~ post, data = f, correlation = corAR1(o$maximum, form = ~ day, fixed = TRUE))
	X <- cbind(1, f$post)
	A <- solve(crossprod(X))
	V <- g$sigma^2 * A %*% t(X) %*% outer(f$day, f$day, function(i, j) o$maximum^abs(i - j)) %*% X %*% A
	q <- qt(0.975, nrow(f) - 2) * sqrt(V[2, 2])
	t <- list(conf.int = (mean(a) - mean(b)) + c(-q, q))
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
# lag-1 correlation over consecutive days with a value
r1of <- function(v) {
	i <- which(!is.na(head(v, -1)) & !is.na(tail(v, -1)) & diff(d$date) == 1)
	cor(v[i], v[i + 1])
}
r <- cor(d$sleep_hours[ok], d$pain[ok])
# Fisher's z on n_eff = n (1 - r1x r1y)/(1 + r1x r1y), the n of the adjusted p
q <- r1of(d$sleep_hours) * r1of(d$pain)
ne <- if (q <= 0) sum(ok) else sum(ok) * (1 - q) / (1 + q)
ci <- tanh(atanh(r) + c(-1, 1) * qnorm(0.975) / sqrt(ne - 3))
cat(sprintf("Pearson r = %s (95 %% CI %s to %s, %d nights;\n", two(r),
	two(ci[1]), two(ci[2]), sum(ok)))
cmp("meds_doses", last, before, "", "day")

#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The split design's model figures from R nlme, for the case tests:
#
#   Rscript tests/ref/split_gls.R DIARY VALUE DATE|first [EVENT]
#
# Prints diff, ci_low, ci_high, r1 (phi) and p_adj as ease-prepost --split
# does (6 significant digits, or $DIGITS): the days with VALUE, post = 1 from DATE on (or
# from each subject's first EVENT day): phi and sigma of gls(value ~
# subject + post, correlation = corAR1(form = ~ day | subject), method =
# "REML"), phi refined by optimize() over nlme's likelihood at a fixed phi;
# the change is lm's, its variance (X'X)^-1 X'VX (X'X)^-1 with V = sigma^2
# phi^|d - d'| within subjects; t on n - p df.  The other columns are those
# of tests/ref/prepost.R split.
suppressMessages(library(nlme))
a <- commandArgs(TRUE)
d <- read.csv(a[1], stringsAsFactors = FALSE, na.strings = "")
if (is.null(d$subject)) d$subject <- "all"
d$day <- as.numeric(as.Date(d$date))
d$y <- d[[a[2]]]
d$post <- 0
for (s in unique(d$subject)) {
  i <- d$subject == s
  at <- if (a[3] == "first") {
    ev <- d[[a[4]]][i]
    m <- which(!is.na(ev) & ev > 0)
    if (length(m)) d$day[i][min(m)] else Inf
  } else as.numeric(as.Date(a[3]))
  d$post[i] <- as.numeric(d$day[i] >= at)
}
f <- d[!is.na(d$y), c("y", "day", "subject", "post")]
f$subject <- factor(f$subject)
form <- if (nlevels(f$subject) > 1) y ~ subject + post else y ~ post
cf <- ~ day | subject
g0 <- gls(form, data = f, correlation = corAR1(form = cf))
phi <- coef(g0$modelStruct$corStruct, unconstrained = FALSE)[[1]]
ll <- function(p) logLik(gls(form, data = f, correlation = corAR1(p, form = cf, fixed = TRUE)))
o <- optimize(ll, c(max(-0.9999, phi - 0.02), min(0.9999, phi + 0.02)), maximum = TRUE, tol = 1e-12)
g <- gls(form, data = f, correlation = corAR1(o$maximum, form = cf, fixed = TRUE))
X <- model.matrix(form, f)
R <- outer(seq_len(nrow(f)), seq_len(nrow(f)), function(i, j)
  ifelse(f$subject[i] == f$subject[j], o$maximum^abs(f$day[i] - f$day[j]), 0))
A <- solve(crossprod(X))
V <- g$sigma^2 * A %*% t(X) %*% R %*% X %*% A
b <- coef(lm(form, data = f))[["post"]]
se <- sqrt(V["post", "post"])
df <- nrow(X) - ncol(X)
q <- qt(0.975, df)
dg <- as.integer(Sys.getenv("DIGITS", "6"))
g6 <- function(x) sprintf("%.*g", dg, x)
cat("diff,ci_low,ci_high,r1,p_adj\n")
cat(paste(c(g6(b), g6(b - q * se), g6(b + q * se), g6(o$maximum), g6(2 * pt(-abs(b / se), df))),
          collapse = ","), "\n", sep = "")

#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference for tests/unit/test_infer.c: the interval of the model of p_adj
# (the t test with n_eff in place of n) and the sessions power-in-words
# counts, written from ease-prepost(1) and independent of ease's code.
#   Rscript tests/ref/infer.R
x <- c(5.1, 4.2, 6.3, 3.9, 5.5, 4.8, 6.1, 5.0, 4.4, 5.7)
y <- c(5.9, 5.0, 6.0, 4.8, 6.6, 5.1, 6.9, 5.2, 5.6, 6.2)
d <- x - y
# paired, n_eff 6.5: se = sd(d)/sqrt(6.5), df = 5.5
se <- sqrt(var(d) / 6.5)
ci <- mean(d) + c(-1, 1) * qt(0.975, 5.5) * se
p <- 2 * pt(-abs(mean(d) / se), 5.5)
# Welch, n_eff 7 and 8.5
ex <- var(x) / 7; ey <- var(y) / 8.5
df <- (ex + ey)^2 / (ex^2 / 6 + ey^2 / 7.5)
wci <- mean(x) - mean(y) + c(-1, 1) * qt(0.975, df) * sqrt(ex + ey)
wp <- 2 * pt(-abs((mean(x) - mean(y)) / sqrt(ex + ey)), df)
# more sessions: the first m with p < 0.05 for a change of 0.2, var(d) as
# now, n_eff = 0.65 (n + m)
pm <- function(m, delta) {
	n <- 10 + m; ne <- 0.65 * n
	2 * pt(-abs(delta / sqrt(var(d) / ne)), ne - 1)
}
m <- 1; while (pm(m, 0.2) >= 0.05) m <- m + 1
cat(sprintf("%.17g\n", c(ci, p, wci, wp)), sep = "")
cat(m, "\n")
# a model's estimate -0.3 with se 0.25 on 300 df from 12 sessions: the first
# m with 2 pt(-0.3 / (0.25 sqrt(12 / (12 + m))), 300) < 0.05
m <- 1; while (2 * pt(-0.3 / (0.25 * sqrt(12 / (12 + m))), 300) >= 0.05) m <- m + 1
cat(m, "\n")

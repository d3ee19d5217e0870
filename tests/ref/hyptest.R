#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for lib/hyptest.c, computed independently of ease with R.
#
#   Rscript tests/ref/hyptest.R
#
# prints the C initialisers of tests/unit/test_hyptest.c, each under the R line
# that produced it.  The data are written out here and there alike; the long
# series come from gen(), integer arithmetic and one division, which R, C and
# Python round identically.  The Newey-West figures of the time series come
# from statsmodels: tests/ref/hyptest.py.
#
# Definitions:
#   one t      t.test(x); effect mean(x) / sd(x)
#   paired t   t.test(x, y, paired = TRUE); d_z = mean(x - y) / sd(x - y)
#   p_adj      the same t with n_eff in place of n: var(d) / n_eff, df n_eff - 1;
#              Welch: var(x) / nex + var(y) / ney, df Welch-Satterthwaite on them
#   Welch t    t.test(x, y); Hedges' g = (mean(x) - mean(y)) / s_p * J,
#              s_p^2 = ((nx-1) var(x) + (ny-1) var(y)) / m, m = nx + ny - 2,
#              J = gamma(m/2) / (sqrt(m/2) gamma((m-1)/2))
#   rank tests wilcox.test(x, y, paired = TRUE) and wilcox.test(x, y)
#   Kruskal    kruskal.test(list(...))
#   Holm       p.adjust(p, "holm")
#   NAP        Parker & Vannest (2009): mean over pairs of (b > a) + (b == a)/2,
#              signs flipped when lower is better; SE by Sen (1967) / Mee
#              (1990) ("unbiased", SingleCaseES's default) on Q - NAP, with
#              NAP held within 1/(2mn) of 0 and 1 in the leading term as
#              SingleCaseES >= 0.7 does; 95% CI the roots of
#              Newcombe's (2006) method 5 equation f below, solved to full
#              precision (uniroot tol 1e-15).  At NAP = 1 (0) the root at the
#              estimate is divided out and the other one taken.
#   Tau-U      (S_AB - S_A) / (m n), Parker, Vannest, Davis & Sauber (2011)
#   ITS        lm(y ~ t + post + I((t - t0) * post)), post = t >= t0
#   r1         cor(v[d], v[d + 1]) over the days d with both present

gen <- function(n, a, b, m, s, mul = 1, add = 0)
	(((seq_len(n) * a + b) %% m) * mul + add) / s

num <- function(v) paste(ifelse(is.na(v), "NAN", sprintf("%.17g", v)), collapse = ", ")
say <- function(...) cat(..., "\n", sep = "")

# --- data (the same in tests/unit/test_hyptest.c) ---
P1x <- c(3.2, 4.1, 2.7, 5.6, 3.9, 4.4, 2.2, 3.5, 4.8, 3.0, 2.9, 4.0)
P1y <- c(5.1, 4.6, 4.9, 5.2, 6.3, 4.8, 3.7, 5.9, 5.0, 4.4, 4.6, 5.7)
P2x <- c(4, 3, 5, 6, 2, 4, 5, 3, 4, 6, 3, 2, 5, 4)
P2y <- c(6, 5, 5, 7, 4, 6, 5, 5, 6, 6, 4, 4, 7, 5)
P3x <- gen(60, 37, 11, 101, 10)
P3y <- gen(60, 53, 7, 97, 10)
P5x <- c(10.5, 12.25, 9, 11.75, 13.5, 8.25, 10, 12.5, 11, 9.5)
P5y <- c(11.75, 9.75, 8.25, 8.5, 14, 6.5, 6, 10.25, 9.5, 5.75)
P6x <- as.numeric(1:49)
P6y <- P6x - ifelse(((1:49) * 7 + 3) %% 5 < 2, 1, -1) * (1:49) / 4
P7x <- c(5, 3.5, 3, 4, 3.5, 2.25)
P7y <- c(5, 4.25, 6.25, 4, 5.5, 6)
P4x <- c(5, 7, 6)
P4y <- c(4, 6, 5)

I1x <- c(3.1, 4.7, 2.2, 5.8, 3.6, 4.0, 2.9, 5.1)
I1y <- c(5.5, 6.1, 4.3, 7.2, 5.0, 6.6, 4.9, 5.7, 6.9, 4.4)
I2x <- c(4, 5, 3, 6, 4, 5, 7, 3, 4, 5, 6)
I2y <- c(6, 7, 5, 6, 8, 7, 5, 6, 7, 9)
I3x <- gen(55, 29, 3, 103, 8)
I3y <- gen(52, 41, 5, 107, 8)
I4x <- gen(49, 31, 2, 97, 10)
I4y <- gen(49, 17, 5, 89, 20, 2, 1)
I6x <- c(5, 5, 5, 5)
I6y <- c(6.5, 6, 7.25, 7, 8, 9.5)
I5x <- c(1.5, 9.25, 4.75)
I5y <- gen(40, 13, 1, 43, 4, 2, 1)

K1 <- list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0))
K2 <- list(c(1, 2, 2, 3, 5), c(2, 3, 3, 4), numeric(0), c(4, 5, 5, 6, 6, 7))

ttest_paired <- function(name, x, y) {
	d <- x - y
	r <- t.test(x, y, paired = TRUE)
	say("\t/* t.test(", name, "x, ", name, "y, paired = TRUE); mean(d) / sd(d) */")
	say("\t{\"", name, " paired\", ", name, "X, ", name, "Y, ", length(x), ",")
	say("\t ", num(c(r$estimate, r$conf.int, r$statistic, r$parameter, r$p.value,
		       mean(d) / sd(d))), "},")
}

hedges_g <- function(x, y) {
	m <- length(x) + length(y) - 2
	sp <- sqrt(((length(x) - 1) * var(x) + (length(y) - 1) * var(y)) / m)
	J <- exp(lgamma(m / 2) - lgamma((m - 1) / 2)) / sqrt(m / 2)
	(mean(x) - mean(y)) / sp * J
}

ttest_welch <- function(name, x, y) {
	r <- t.test(x, y)
	say("\t/* t.test(", name, "x, ", name, "y); g = hedges_g(x, y) of hyptest.R */")
	say("\t{\"", name, " welch\", ", name, "X, ", length(x), ", ", name, "Y, ", length(y), ",")
	say("\t ", num(c(r$estimate[1] - r$estimate[2], r$conf.int, r$statistic,
		       r$parameter, r$p.value, hedges_g(x, y))), "},")
}

method <- function(r) if (grepl("exact", r$method)) "EASE_P_EXACT" else "EASE_P_NORMAL"

signrank <- function(name, x, y) {
	r <- suppressWarnings(wilcox.test(x, y, paired = TRUE))
	say("\t/* wilcox.test(", name, "x, ", name, "y, paired = TRUE): ", r$method, " */")
	say("\t{\"", name, " signrank\", ", name, "X, ", name, "Y, ", length(x), ", ",
	    num(c(r$statistic, r$p.value)), ", ", method(r), "},")
}

ranksum <- function(name, x, y) {
	r <- suppressWarnings(wilcox.test(x, y))
	say("\t/* wilcox.test(", name, "x, ", name, "y): ", r$method, " */")
	say("\t{\"", name, " ranksum\", ", name, "X, ", length(x), ", ", name, "Y, ",
	    length(y), ", ", num(c(r$statistic, r$p.value)), ", ", method(r), "},")
}

nap_ref <- function(A, B, lower) {
	if (lower) { A <- -A; B <- -B }
	m <- length(A); n <- length(B)
	Q <- sapply(B, function(b) (b > A) + 0.5 * (b == A))
	Q <- matrix(Q, nrow = m)
	nap <- mean(Q)
	Q1 <- sum(rowSums(Q - nap)^2) / (m * n^2)
	Q2 <- sum(colSums(Q - nap)^2) / (m^2 * n)
	X <- sum((Q - nap)^2) / (m * n)
	tr <- 0.5 / (m * n)
	nt <- min(max(nap, tr), 1 - tr)
	V <- (nt * (1 - nt) + n * Q1 + m * Q2 - 2 * X) / ((m - 1) * (n - 1))
	h <- (m + n) / 2 - 1
	z <- qnorm(0.975)
	f <- function(x) m * n * (nap - x)^2 * (2 - x) * (1 + x) -
		z^2 * x * (1 - x) * (2 + h + (1 + 2 * h) * x * (1 - x))
	tol <- 1e-15
	lo <- if (nap == 0) 0 else if (nap == 1)
		uniroot(function(x) f(x) / (1 - x), c(0, 1 - 1e-9), tol = tol)$root else
		uniroot(f, c(0, nap), tol = tol)$root
	hi <- if (nap == 1) 1 else if (nap == 0)
		uniroot(function(x) f(x) / x, c(1e-9, 1), tol = tol)$root else
		uniroot(f, c(nap, 1), tol = tol)$root
	c(nap, if (m > 1 && n > 1) sqrt(V) else NA, lo, hi)
}

tau_u_ref <- function(A, B, lower) {
	if (lower) { A <- -A; B <- -B }
	m <- length(A); n <- length(B)
	s_ab <- sum(sapply(B, function(b) sign(b - A)))
	s_a <- 0
	for (i in seq_len(m)) for (j in seq_len(m)) if (i < j) s_a <- s_a + sign(A[j] - A[i])
	(s_ab - s_a) / (m * n)
}

say("/* ---- t tests: diff, ci_lo, ci_hi, t, df, p, effect ---- */")
ttest_paired("P1", P1x, P1y)
ttest_paired("P2", P2x, P2y)
ttest_paired("P3", P3x, P3y)
ttest_paired("P5", P5x, P5y)
ttest_welch("I1", I1x, I1y)
ttest_welch("I2", I2x, I2y)
ttest_welch("I3", I3x, I3y)
ttest_welch("I5", I5x, I5y)
ttest_welch("I6", I6x, I6y)

say("/* ---- one-sample t: mean, ci_lo, ci_hi, t, df, p, effect ---- */")
for (k in c("P1x", "P3y", "I2y")) {
	x <- get(k)
	r <- t.test(x)
	say("\t/* t.test(", k, "); mean(", k, ") / sd(", k, ") */")
	say("\t{", num(c(r$estimate, r$conf.int, r$statistic, r$parameter, r$p.value,
		       mean(x) / sd(x))), "},")
}

say("/* ---- p_adj ---- */")
p_adj_paired <- function(x, y, neff) {
	d <- x - y
	t <- mean(d) / (sd(d) / sqrt(neff))
	2 * pt(-abs(t), neff - 1)
}
p_adj_welch <- function(x, y, nex, ney) {
	ex <- var(x) / nex
	ey <- var(y) / ney
	t <- (mean(x) - mean(y)) / sqrt(ex + ey)
	df <- (ex + ey)^2 / (ex^2 / (nex - 1) + ey^2 / (ney - 1))
	2 * pt(-abs(t), df)
}
say("\t/* p_adj_paired(P1x, P1y, 7.5) */")
say("\t", num(p_adj_paired(P1x, P1y, 7.5)), ",")
say("\t/* p_adj_welch(I1x, I1y, 5.5, 7.25) */")
say("\t", num(p_adj_welch(I1x, I1y, 5.5, 7.25)), ",")
say("\t/* p_adj_welch(I3x, I3y, 20.125, 31) */")
say("\t", num(p_adj_welch(I3x, I3y, 20.125, 31)), ",")

say("/* ---- rank tests: stat, p, method ---- */")
signrank("P1", P1x, P1y)
signrank("P1r", P1y, P1x)
signrank("P2", P2x, P2y)
signrank("P3", P3x, P3y)
signrank("P4", P4x, P4y)
signrank("P5", P5x, P5y)
signrank("P5r", P5y, P5x)
signrank("P6", P6x, P6y)
signrank("P7", P7x, P7y)
ranksum("I1", I1x, I1y)
ranksum("I1r", I1y, I1x)
ranksum("I2", I2x, I2y)
ranksum("I3", I3x, I3y)
ranksum("I4", I4x, I4y)
ranksum("I5", I5x, I5y)
ranksum("I6", I6x, I6y)

say("/* ---- Kruskal-Wallis: H, df, p ---- */")
for (k in c("K1", "K2")) {
	r <- kruskal.test(Filter(length, get(k)))
	say("\t/* kruskal.test(", k, ") */")
	say("\t{", num(c(r$statistic, r$parameter, r$p.value)), "},")
}

say("/* ---- Holm ---- */")
H <- c(0.01, 0.04, NA, 0.03, 0.005, 0.04, 0.5)
say("\t/* p.adjust(c(", num(H), "), \"holm\") */")
say("\t", num(p.adjust(H, "holm")))

say("/* ---- NAP: nap, se, ci_lo, ci_hi; Tau-U ---- */")
NA1 <- c(20, 20, 26, 25, 22, 23); NB1 <- c(28, 25, 24, 27, 30, 30, 29)
NA2 <- c(4, 3, 4, 3, 4, 7, 5, 2, 3, 2); NB2 <- c(5, 9, 7, 9, 7, 5, 9, 11, 11, 10, 9)
NA3 <- c(6, 7, 5, 6, 8, 7, 6, 5); NB3 <- c(5, 4, 6, 3, 4, 5, 2, 4, 3)
NA4 <- c(7, 8, 6, 9); NB4 <- c(3, 2, 4, 5, 1)
NA5 <- c(3, 3, 4, 5); NB5 <- c(4, 5, 6, 7, 7)
NA6 <- c(5); NB6 <- c(3, 6, 4)
for (k in list(list("N1", NA1, NB1, FALSE), list("N2", NA2, NB2, FALSE),
	       list("N3", NA3, NB3, TRUE), list("N4", NA4, NB4, TRUE),
	       list("N4", NA4, NB4, FALSE), list("N5", NA5, NB5, FALSE),
	       list("N6", NA6, NB6, TRUE), list("N7", I3x, I3y, TRUE),
	       list("N8", P3x, P3y, FALSE))) {
	lw <- if (k[[4]]) "TRUE" else "FALSE"
	say("\t/* nap_ref(", k[[1]], "A, ", k[[1]], "B, lower = ", lw,
	    "); tau_u_ref(same) */")
	say("\t{", k[[1]], "A, ", length(k[[2]]), ", ", k[[1]], "B, ", length(k[[3]]),
	    ", ", as.integer(k[[4]]), ", ", num(c(nap_ref(k[[2]], k[[3]], k[[4]]),
	    tau_u_ref(k[[2]], k[[3]], k[[4]]))), "},")
}
say("\t/* mean((P2x < P2y) + (P2x == P2y) / 2): paired NAP, lower better */")
say("\t", num(mean((P2x < P2y) + (P2x == P2y) / 2)))

say("/* ---- ITS, OLS: b, se, p of b0..b3; r1 of the residuals ---- */")
its_data <- function(n, a, m, t0, gaps, amp) {
	t <- setdiff(0:(n - 1), gaps)
	i <- seq_along(t)
	post <- as.numeric(t >= t0)
	y <- (600 + 2 * t - 150 * post - 3 * (t - t0) * post +
	      ((i * a + 11) %% m - (m - 1) / 2) * amp) / 100
	list(t = t, y = y, t0 = t0)
}
for (k in list(list("S1", its_data(60, 37, 41, 30, c(7, 8, 33, 50), 4)),
	       list("S2", its_data(200, 23, 29, 120, c(0, 5, 99, 120, 121, 150), 40)))) {
	d <- k[[2]]
	post <- as.numeric(d$t >= d$t0)
	fit <- lm(y ~ t + post + I((d$t - d$t0) * post), data = d)
	s <- summary(fit)$coefficients
	e <- residuals(fit)
	ok <- diff(d$t) == 1
	r1 <- cor(e[-length(e)][ok], e[-1][ok])
	say("\t/* lm(y ~ t + post + I((t - t0) * post)) on ", k[[1]],
	    "; cor(e[d], e[d+1]) */")
	say("\t{{", num(s[, 1]), "},\n\t {", num(s[, 2]), "},\n\t {", num(s[, 4]),
	    "},\n\t ", num(r1), "},")
}

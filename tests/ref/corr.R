#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for ease-corr, computed independently with R's cor.test.
#
# Rows, as ease-corr prints them (6 significant digits):
#   Rscript tests/ref/corr.R rows FILE PAIRS METHODS A..B [GROUP]
#     PAIRS   x1:y1,x2:y2,...   METHODS pearson,spearman,kendall   GROUP a column
#   e.g. Rscript tests/ref/corr.R rows diary.csv sleep_hours:pain pearson,kendall -1..2 > out
# Full-precision values for tests/unit/test_stats.c:
#   Rscript tests/ref/corr.R unit
#
# Definitions (ease-corr(1)):
#   Pearson  cor.test(x, y)                       CI: R's Fisher z interval
#   Spearman cor.test(x, y, "spearman"), R's default p: exact (n <= 9) or
#            Edgeworth (n <= 1290) without ties, else t
#            CI tanh(atanh(rho) -+ qnorm(.975) sqrt(1.06 / (n - 3)))     n > 3
#   Kendall  cor.test(x, y, "kendall"), R's default p: exact for n < 50
#            without ties, else normal (z without continuity correction)
#            CI tanh(atanh(tau) -+ qnorm(.975) sqrt(0.437 / (n - 4)))    n > 4
#   p_method exact, edgeworth, t or normal: the branch cor.test took
#   r1       cor(v[d], v[d + 1]) over the days d where both are present
#   n_eff    n (1 - r1x r1y) / (1 + r1x r1y), n when r1x r1y <= 0
#   p_adj    t = r sqrt((n_eff - 2) / (1 - r^2)), 2 pt(-|t|, n_eff - 2);
#            Kendall: 2 pnorm(-|z| sqrt(n_eff / n))

test1 <- function(x, y, method) {
	n <- length(x)
	out <- list(n = n, r = NA, lo = NA, hi = NA, p = NA, stat = NA, how = "")
	if (n < 3 || sd(x) == 0 || sd(y) == 0)
		return(out)
	q <- qnorm(0.975)
	ties <- min(length(unique(x)), length(unique(y))) < n
	if (method == "pearson") {
		out$how <- "t"
		ct <- cor.test(x, y, method = "pearson")
		if (n > 3) { out$lo <- ct$conf.int[1]; out$hi <- ct$conf.int[2] }
	} else if (method == "spearman") {
		ct <- suppressWarnings(cor.test(x, y, method = "spearman"))
		out$how <- if (ties || n > 1290) "t" else if (n <= 9) "exact" else "edgeworth"
		if (n > 3) {
			z <- atanh(ct$estimate); h <- q * sqrt(1.06 / (n - 3))
			out$lo <- tanh(z - h); out$hi <- tanh(z + h)
		}
	} else {
		ct <- suppressWarnings(cor.test(x, y, method = "kendall"))
		out$how <- if (ties || n >= 50) "normal" else "exact"
		# the z statistic, which the exact test does not print (p_adj uses it)
		zt <- suppressWarnings(cor.test(x, y, method = "kendall", exact = FALSE))
		if (n > 4) {
			z <- atanh(ct$estimate); h <- q * sqrt(0.437 / (n - 4))
			out$lo <- tanh(z - h); out$hi <- tanh(z + h)
		}
	}
	out$r <- unname(ct$estimate)
	out$p <- ct$p.value
	out$stat <- unname(if (method == "kendall") zt$statistic else ct$statistic)
	out
}

lag1 <- function(day, v) {
	i <- which(diff(day) == 1)
	a <- v[i]; b <- v[i + 1]
	ok <- !is.na(a) & !is.na(b)
	if (sum(ok) < 2 || sd(a[ok]) == 0 || sd(b[ok]) == 0) return(NA)
	cor(a[ok], b[ok])
}

n_eff <- function(n, r1x, r1y) {
	q <- r1x * r1y
	if (is.na(q)) NA else if (q <= 0) n else n * (1 - q) / (1 + q)
}

p_adj <- function(method, t, ne) {
	if (is.na(t$r) || is.na(ne) || ne <= 2) return(NA)
	if (method == "kendall")
		return(2 * pnorm(-abs(t$stat * sqrt(ne / t$n))))
	tt <- t$r * sqrt((ne - 2) / (1 - t$r^2))
	2 * pt(-abs(tt), ne - 2)
}

# As ease's number formatting: integers in full, else 6 significant digits.
fmt <- function(v) {
	if (is.na(v)) return("")
	if (v == 0) return("0")
	if (v == trunc(v) && abs(v) < 1e15) return(sprintf("%.0f", v))
	sprintf("%.6g", v)
}

rows <- function(file, pairs, methods, lags, group) {
	d <- read.csv(file, na.strings = c("", "NA", "N/A", "NaN", "-"),
		      stringsAsFactors = FALSE, check.names = FALSE)
	d$.day <- as.numeric(as.Date(d$date))
	pairs <- strsplit(strsplit(pairs, ",")[[1]], ":")
	methods <- strsplit(methods, ",")[[1]]
	ab <- as.numeric(strsplit(lags, "..", fixed = TRUE)[[1]])
	groups <- if (is.na(group)) list(d) else split(d, factor(d[[group]], levels = unique(d[[group]])))
	head <- c("x", "y", "method", "lag", "n", "r", "ci_low", "ci_high", "p",
		  "p_method", "r1_x", "r1_y", "n_eff", "p_adj")
	if (!is.na(group)) head <- c(group, head)
	cat(paste(head, collapse = ","), "\n", sep = "")
	for (g in groups) {
		for (pr in pairs) {
			xn <- pr[1]; yn <- pr[2]
			r1x <- lag1(g$.day, g[[xn]]); r1y <- lag1(g$.day, g[[yn]])
			for (m in methods) for (k in ab[1]:ab[2]) {
				# x on day d, y on day d + k: match by calendar date
				xs <- data.frame(.day = g$.day, x = g[[xn]])
				ys <- data.frame(.day = g$.day - k, y = g[[yn]])
				j <- merge(xs, ys, by = ".day")
				j <- j[!is.na(j$x) & !is.na(j$y), ]
				t <- test1(j$x, j$y, m)
				ne <- if (t$n > 0) n_eff(t$n, r1x, r1y) else NA
				cells <- c(xn, yn, m, k, t$n, fmt(t$r), fmt(t$lo), fmt(t$hi),
					   fmt(t$p), t$how, fmt(r1x), fmt(r1y), fmt(ne),
					   fmt(p_adj(m, t, ne)))
				if (!is.na(group)) cells <- c(g[[group]][1], cells)
				cat(paste(cells, collapse = ","), "\n", sep = "")
			}
		}
	}
}

# Vectors of tests/unit/test_stats.c; prints C initialisers.
unit <- function() {
	x <- c(2, 4, 4, 5, 7, 7, 7, 8, 10, 12, 3, 6)
	y <- c(30, 28, 29, 25, 20, 22, 20, 18, 15, 11, 27, 23)
	w <- c(1.5, 2.25, 0.5, 3, 4.75, 2, 6, 5.5, 3.25, 7, 1, 4)
	x3 <- c(1, 2, 4); y3 <- c(2, 1, 5)
	show <- function(name, v) cat(sprintf("\t/* %s */ %.17g,\n", name, v))
	for (case in list(list("xy", x, y), list("xw", x, w), list("n3", x3, y3))) {
		for (m in c("pearson", "spearman", "kendall")) {
			t <- test1(case[[2]], case[[3]], m)
			label <- paste(case[[1]], m)
			show(paste(label, "r"), t$r)
			show(paste(label, "p"), t$p)
			show(paste(label, "ci_low"), t$lo)
			show(paste(label, "ci_high"), t$hi)
			show(paste(label, "stat"), t$stat)
			ne <- n_eff(t$n, 0.4, 0.3)
			show(paste(label, "p_adj(n_eff(n, 0.4, 0.3))"), p_adj(m, t, ne))
		}
	}
	# the t test's p across df, from the far tail to p near 1 (ease_r_p)
	for (rd in list(c(0.9, 31), c(0.999, 40), c(1e-6, 2e6), c(0.003, 2e6),
			c(0.5, 13.3128), c(0.2, 2.5), c(0.01, 1e5))) {
		t <- sqrt(rd[2]) * rd[1] / sqrt(1 - rd[1]^2)
		show(sprintf("ease_r_p(%g, %g)", rd[1], rd[2]), 2 * pt(-abs(t), rd[2]))
	}
	show("n_eff(12, 0.4, 0.3)", n_eff(12, 0.4, 0.3))
	# numerical edges: far from zero (R's cor centres in long double)
	a <- 1000000000 + c(0.6, 0.7, 0.3, 0.0, 0.7, 0.2)
	b <- 1000000000 + c(0.7, 0.5, 0.9, 0.5, 0.4, 0.8)
	show("edge: r of a, b near 1e9", cor(a, b))
	show("edge: r1 of a near 1e9", cor(a[-6], a[-1]))
	show("edge: r1 of b near 1e9", cor(b[-6], b[-1]))
	# near 1e12 R's cor(a, b) is itself off by 8e-8 (-0.35907650985392087);
	# the differences from the first value are exact there (Sterbenz)
	a <- 1e12 + c(0.6, 0.7, 0.3, 0.0, 0.7, 0.2)
	b <- 1e12 + c(0.7, 0.5, 0.9, 0.5, 0.4, 0.8)
	show("edge: r near 1e12", cor(a - a[1], b - b[1]))
	show("midrank of x[1] (= 4, tied)", rank(x)[2])
	# the least-squares line of ease_comom_line (ease-plot scatter): lm on
	# X, Y; near 1e9 on x less 1e9 (lm's QR would drop x as collinear),
	# given as the slope and the line's value at 1e9 + 5
	f <- lm(y ~ x)
	show("line of x, y: intercept", coef(f)[1])
	show("line of x, y: slope", coef(f)[2])
	u <- c(1, 2, 4, 7, 11, 16)
	v <- c(3.1, 2.7, 4.4, 5.0, 6.9, 8.2)
	f <- lm(v ~ u)
	show("line near 1e9: slope", coef(f)[2])
	show("line near 1e9: at 1e9 + 5", coef(f)[1] + coef(f)[2] * 5)
}

a <- commandArgs(trailingOnly = TRUE)
if (length(a) >= 1 && a[1] == "unit") {
	unit()
} else if (length(a) >= 5 && a[1] == "rows") {
	rows(a[2], a[3], a[4], a[5], if (length(a) >= 6) a[6] else NA)
} else {
	stop("usage: corr.R rows FILE PAIRS METHODS A..B [GROUP] | corr.R unit")
}

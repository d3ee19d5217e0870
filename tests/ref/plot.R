# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for tests/plot.t: the least-squares line and Pearson r
# with its 95% CI that `ease-plot scatter -x sleep_hours -y pain --lag 1`
# draws for tests/data/plot42.csv (pairs: sleep on day d, pain on day d+1,
# calendar days, both present).  Run: Rscript tests/ref/plot.R
d <- read.csv("tests/data/plot42.csv")
d$date <- as.Date(d$date)
days <- seq(min(d$date), max(d$date), by = "day")
x <- d$sleep_hours[match(days, d$date)]
y <- d$pain[match(days + 1, d$date)]
ok <- !is.na(x) & !is.na(y)
f <- lm(y[ok] ~ x[ok])
ct <- cor.test(x[ok], y[ok])
cat(sprintf("n %d\na %.10g\nb %.10g\nr %.10g\nlo %.10g\nhi %.10g\n", sum(ok),
    coef(f)[1], coef(f)[2], ct$estimate, ct$conf.int[1], ct$conf.int[2]))
# `ease-plot lags -x massage -y pain --lags -3..3`: r at each lag, Pearson
# with its CI and Spearman (exact=FALSE: only rho is drawn).
x <- d$massage[match(days, d$date)]
for (k in -3:3) {
	y <- d$pain[match(days + k, d$date)]
	ok <- !is.na(x) & !is.na(y)
	p <- cor.test(x[ok], y[ok])
	s <- suppressWarnings(cor.test(x[ok], y[ok], method = "spearman", exact = FALSE))
	cat(sprintf("lag %d %.10g %.10g %.10g %.10g\n", k, p$estimate, p$conf.int[1],
	    p$conf.int[2], s$estimate))
}

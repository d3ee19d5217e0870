#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The expected output of ease-prepost --its from R, for the case tests:
#
#   Rscript tests/ref/its.R DIARY first|DATE gls-noise|gls|hac|ols [reml|ml] [weekday]
#
# Per subject, on the days with pain, t the day from the subject's first:
# lm(y ~ t + post + I((t - t0) * post)); gls: nlme::gls with corAR1(form =
# ~ t) (phi refined by optimize() over nlme's likelihood at a fixed phi);
# gls-noise: nlme::gls with corExp(form = ~ t, nugget = TRUE), phi =
# exp(-1/range), (phi, nugget) refined by nested optimize() over nlme's
# likelihood at fixed values (corAR1 at a nugget of 0);
# hac: sandwich::NeweyWest(fit, prewhite = TRUE, adjust = TRUE) with t on
# n - 4 df; ols: summary.lm.  r1_resid: cor of the lm residuals of
# consecutive days.  weekday (gls only): + factor(weekday) with contr.sum
# contrasts (Monday .. Sunday, so the level is that of an average week).
# 6 significant digits as ease prints, or $DIGITS.
suppressMessages({ library(nlme); library(sandwich) })
a <- commandArgs(TRUE)
kind <- a[3]
method <- if ("ml" %in% a[-(1:3)]) "ML" else "REML"
wday <- "weekday" %in% a[-(1:3)]
options(contrasts = c("contr.sum", "contr.poly"))
d <- read.csv(a[1], stringsAsFactors = FALSE, na.strings = "")
if (is.null(d$subject)) d$subject <- "all"
d$day <- as.numeric(as.Date(d$date))
dg <- as.integer(Sys.getenv("DIGITS", "6"))
g6 <- function(x) if (is.na(x)) "" else sprintf("%.*g", dg, x)
cat("group,measure,n,t0,pre_level,pre_slope,level_change,level_se,level_p,slope_change,slope_se,slope_p,r1_resid,phi,noise,se_kind,terms\n")
for (s in unique(d$subject)) {
  x <- d[d$subject == s, ]
  at <- if (a[2] == "first") min(x$day[!is.na(x$massage) & x$massage > 0]) else as.numeric(as.Date(a[2]))
  x <- x[!is.na(x$pain), ]
  f <- data.frame(y = x$pain, t = x$day - x$day[1])
  t0 <- at - x$day[1]
  f$post <- as.numeric(f$t >= t0)
  f$tp <- (f$t - t0) * f$post
  f$wd <- factor((as.POSIXlt(as.Date(x$day, origin = "1970-01-01"))$wday + 6) %% 7, levels = 0:6)
  fm <- if (wday) y ~ t + post + tp + wd else y ~ t + post + tp
  fit <- lm(y ~ t + post + tp, data = f)
  e <- residuals(fit)
  ok <- diff(f$t) == 1
  r1 <- cor(e[-length(e)][ok], e[-1][ok])
  phi <- NA; nug <- NA
  if (kind == "ols") {
    s2 <- coef(summary(fit)); b <- s2[, 1]; se <- s2[, 2]; p <- s2[, 4]
  } else if (kind == "hac") {
    b <- coef(fit); se <- sqrt(diag(NeweyWest(fit, prewhite = TRUE, adjust = TRUE)))
    p <- 2 * pt(-abs(b / se), df.residual(fit))
  } else if (kind == "gls-noise") {
    cor_at <- function(ph, nu) if (nu <= 0) corAR1(ph, form = ~ t, fixed = TRUE) else
      corExp(c(-1 / log(ph), nu), form = ~ t, nugget = TRUE, fixed = TRUE)
    g0 <- gls(fm, data = f, method = method, correlation = corExp(form = ~ t, nugget = TRUE))
    cp <- coef(g0$modelStruct$corStruct, unconstrained = FALSE)
    ph0 <- exp(-1 / cp[[1]]); nu0 <- cp[[2]]
    ll <- function(ph, nu) logLik(gls(fm, data = f, method = method, correlation = cor_at(ph, nu)))
    inner <- function(nu) optimize(function(ph) ll(ph, nu),
                                   c(max(1e-6, ph0 - 0.15), min(0.9999, ph0 + 0.15)),
                                   maximum = TRUE, tol = 1e-10)
    o <- optimize(function(nu) inner(nu)$objective,
                  c(max(0, nu0 - 0.1), min(0.999, nu0 + 0.1)), maximum = TRUE, tol = 1e-10)
    nug <- o$maximum
    # optimize() never tries an end: the AR(1) alone where it is as likely
    if (nug < 1e-6 && inner(0)$objective >= o$objective) nug <- 0
    i <- inner(nug)
    stopifnot(i$objective >= logLik(g0) - 1e-9)
    g <- gls(fm, data = f, method = method, correlation = cor_at(i$maximum, nug))
    s2 <- coef(summary(g)); b <- s2[, 1]; se <- s2[, 2]; p <- s2[, 4]
    phi <- i$maximum
  } else {
    g0 <- gls(fm, data = f, method = method, correlation = corAR1(form = ~ t))
    ph <- coef(g0$modelStruct$corStruct, unconstrained = FALSE)[[1]]
    ll <- function(q) logLik(gls(fm, data = f, method = method,
                                 correlation = corAR1(q, form = ~ t, fixed = TRUE)))
    o <- optimize(ll, c(max(-0.9999, ph - 0.02), min(0.9999, ph + 0.02)), maximum = TRUE, tol = 1e-12)
    g <- gls(fm, data = f, method = method, correlation = corAR1(o$maximum, form = ~ t, fixed = TRUE))
    s2 <- coef(summary(g)); b <- s2[, 1]; se <- s2[, 2]; p <- s2[, 4]; phi <- o$maximum
  }
  cat(paste(c(s, "pain", nrow(f), format(as.Date(at, origin = "1970-01-01")), g6(b[1]), g6(b[2]),
              g6(b[3]), g6(se[3]), g6(p[3]), g6(b[4]), g6(se[4]), g6(p[4]), g6(r1), g6(phi),
              g6(nug), kind, if (wday && kind %in% c("gls", "gls-noise")) "weekday" else "none"),
            collapse = ","), "\n", sep = "")
}

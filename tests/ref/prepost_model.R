#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The expected output of ease-prepost --model from R nlme, for the case
# tests:
#
#   Rscript tests/ref/prepost_model.R DIARY [K [--by] [reml|ml] [terms]]
#
# The day-after model: value ~ subject (+ subject:day) (+ weekday) + one
# indicator per technique, 1 on a day with a session of that technique on
# one of the K days before (same subject, calendar days); AR(1) errors over
# calendar days within subjects, gls(correlation = corAR1(form = ~ day |
# subject)).  phi as nlme finds it, refined by optimize() over nlme's
# log-likelihood at a fixed phi.  The "all" row is the same model with one
# indicator, any session.  Holm over the techniques.  Numbers as ease
# prints them: 6 significant digits, or $DIGITS (as --digits).
suppressMessages(library(nlme))
a <- commandArgs(TRUE)
K <- if (length(a) >= 2) as.integer(a[2]) else 1L
by <- length(a) >= 3 && a[3] == "--by"
method <- if (length(a) >= 4) toupper(a[4]) else "REML"
terms <- if (length(a) >= 5) a[5] else "trend+weekday"
d <- read.csv(a[1], stringsAsFactors = FALSE, na.strings = "")
if (is.null(d$subject)) d$subject <- "all"
d$day <- as.numeric(as.Date(d$date))
d$massage[is.na(d$massage)] <- 0
techs <- character(0)
for (s in d$technique[d$massage > 0 & !is.na(d$technique)])
  for (t in trimws(strsplit(s, "|", fixed = TRUE)[[1]])) if (!(t %in% techs)) techs <- c(techs, t)
hit <- function(i, tech) {
  j <- which(d$subject == d$subject[i] & d$day >= d$day[i] - K & d$day < d$day[i] & d$massage > 0)
  if (is.null(tech)) return(length(j) > 0)
  any(sapply(j, function(k) tech %in% trimws(strsplit(d$technique[k], "|", fixed = TRUE)[[1]])))
}
fitrows <- which(!is.na(d$pain))
f <- data.frame(y = d$pain[fitrows], day = d$day[fitrows], subject = factor(d$subject[fitrows]),
                wd = factor(weekdays(as.Date(d$date[fitrows]))))
rhs <- c(if (nlevels(f$subject) > 1) "subject" else NULL,
         if (grepl("trend", terms)) (if (nlevels(f$subject) > 1) "subject:day" else "day") else NULL,
         if (grepl("weekday", terms)) "wd" else NULL)
model <- function(groups) {
  nm <- character(0)
  for (k in seq_along(groups)) {
    v <- sapply(fitrows, hit, tech = groups[[k]])
    f[[sprintf("g%d", k)]] <<- as.numeric(v)
    nm <- c(nm, sprintf("g%d", k))
  }
  form <- as.formula(paste("y ~", paste(c(rhs, nm), collapse = " + ")))
  cf <- ~ day | subject
  g0 <- gls(form, data = f, method = method, correlation = corAR1(form = cf))
  phi <- coef(g0$modelStruct$corStruct, unconstrained = FALSE)[[1]]
  ll <- function(p) logLik(gls(form, data = f, method = method,
                               correlation = corAR1(p, form = cf, fixed = TRUE)))
  o <- optimize(ll, c(max(-0.9999, phi - 0.02), min(0.9999, phi + 0.02)),
                maximum = TRUE, tol = 1e-12)
  g <- gls(form, data = f, method = method, correlation = corAR1(o$maximum, form = cf, fixed = TRUE))
  s <- coef(summary(g)); ci <- intervals(g, which = "coef")$coef
  lapply(seq_along(groups), function(k) {
    r <- sprintf("g%d", k)
    list(est = s[r, 1], se = s[r, 2], lo = ci[r, 1], hi = ci[r, 3], df = nrow(f) - length(coef(g)),
         p = s[r, 4], phi = o$maximum, n_days = sum(f[[r]]))
  })
}
dg <- as.integer(Sys.getenv("DIGITS", "6"))
g6 <- function(x) sprintf("%.*g", dg, x)
nsess <- function(tech) {
  j <- which(d$massage > 0)
  if (is.null(tech)) return(length(j))
  sum(sapply(j, function(k) tech %in% trimws(strsplit(d$technique[k], "|", fixed = TRUE)[[1]])))
}
row <- function(name, r, ph, ns) cat(paste(c(name, "pain", K, r$n_days, ns, g6(r$est), g6(r$se), g6(r$lo), g6(r$hi),
                                        g6(r$df), g6(r$p), g6(ph), g6(r$phi), tolower(method), terms), collapse = ","), "\n", sep = "")
cat("group,measure,after,n_days,n_sessions,estimate,se,ci_low,ci_high,df,p,p_holm,phi,method,terms\n")
if (by && length(techs)) {
  res <- model(as.list(techs))
  ph <- p.adjust(sapply(res, `[[`, "p"), "holm")
  o <- order(sapply(res, `[[`, "est"))
  for (k in o) row(techs[k], res[[k]], ph[k], nsess(techs[k]))
}
f <- f[, 1:4]
r <- model(list(NULL))[[1]]
row("all", r, r$p, nsess(NULL))

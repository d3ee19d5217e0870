#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference for ease-prepost, written from the rules of ease-prepost(1) and
# independent of its code: the windows, pairs and samples are formed here
# again, and every test is R's own (t.test, wilcox.test, kruskal.test,
# p.adjust).
#   Rscript tests/ref/prepost.R event DIARY VALUE EVENT BEFORE AFTER [BY] [lower|higher]
#   Rscript tests/ref/prepost.R pairs TABLE BEFORECOL AFTERCOL [BY] [lower|higher]
#   Rscript tests/ref/prepost.R profile DIARY VALUE EVENT BEFORE AFTER [BY]
#   Rscript tests/ref/prepost.R compare ...   as event/pairs, the Kruskal-Wallis row only
# Numbers are printed as ease prints them (%.6g, whole numbers whole); with
# DIGITS=17 in the environment, to 17 digits (for the error measured).
args <- commandArgs(TRUE)
mode <- args[1]
digits <- as.integer(Sys.getenv("DIGITS", "6"))
fmt1 <- function(x) {
	if (is.na(x) || is.nan(x)) return("")
	if (x == 0) return("0")
	if (x == trunc(x) && abs(x) < 1e15) return(sprintf("%.0f", x))
	sprintf(paste0("%.", digits, "g"), x)
}
fmt <- function(x) vapply(x, fmt1, "")
canon <- function(x) {
	k <- tolower(trimws(x))
	k <- gsub("[ _/&-]+", " ", k)
	k <- gsub("(^| )and( |$)", " ", k)
	k <- trimws(gsub(" +", " ", k))
	k <- sub("^(.+) (massage|therapy)$", "\\1", k)
	known <- c("trigger point" = "trigger point", "deep tissue" = "deep tissue",
		   "swedish" = "Swedish", "myofascial release" = "myofascial release",
		   "lumbar hip" = "lumbar and hip", "acupressure" = "acupressure")
	ifelse(k %in% names(known), known[k], trimws(x))
}
groups_of <- function(cell, tech) {
	if (is.na(cell) || trimws(cell) == "") return(character(0))
	if (!tech) return(cell)
	g <- strsplit(cell, "|", fixed = TRUE)[[1]]
	# a member of only blanks and punctuation ("-") is no technique: the
	# session counts in "all" only
	unique(canon(g[gsub("[[:space:][:punct:]]", "", g) != ""]))
}
lower_roles <- c("pain", "pain_max", "pain_before", "pain_after", "stress",
		 "meds_doses")
pain_roles <- c("pain", "pain_max", "pain_before", "pain_after")

# One paired comparison: after (x) against before (y), with SEQ the place of
# each pair in its series (a gap of 2 between subjects).
paired_row <- function(name, y, x, seq, lower, r1_value, design) {
	n <- length(x)
	d <- x - y
	r <- list(group = name, design = design, n_before = n, n_after = n,
		  before_mean = if (n) mean(y) else NA, after_mean = if (n) mean(x) else NA,
		  diff = if (n) mean(d) else NA, ci_low = NA, ci_high = NA,
		  t = NA, df = NA, p_t = NA, rank_stat = NA, p_rank = NA,
		  effect = NA, effect_kind = "", improved = NA, nap = NA, r1 = NA, p_adj = NA)
	if (n) {
		r$pct_change <- if (mean(y) != 0) 100 * mean(d) / mean(y) else NA
		b <- if (lower) -d else d
		r$improved <- (sum(b > 0) + sum(b == 0) / 2) / n
	} else r$pct_change <- NA
	if (n >= 2 && sd(d) > 0) {
		tt <- t.test(x, y, paired = TRUE)
		r$t <- unname(tt$statistic); r$df <- unname(tt$parameter)
		r$p_t <- tt$p.value
		r$effect <- mean(d) / sd(d); r$effect_kind <- "d_z"
		nx <- which(diff(seq) == 1)
		r1d <- if (length(nx) >= 2) cor(d[nx], d[nx + 1]) else NA
		if (!is.na(r1d)) {
			ne <- if (r1d <= 0) n else n * (1 - r1d) / (1 + r1d)
			if (ne > 1) {
				# the interval of the same model as p_adj
				se <- sqrt(var(d) / ne)
				r$p_adj <- 2 * pt(-abs(mean(d) / se), ne - 1)
				r$ci_low <- mean(d) - qt(0.975, ne - 1) * se
				r$ci_high <- mean(d) + qt(0.975, ne - 1) * se
			}
		}
		# the r1 p_adj uses: of the differences
		r$r1 <- r1d
	}
	if (sum(d != 0) >= 1) {
		w <- suppressWarnings(wilcox.test(x, y, paired = TRUE))
		r$rank_stat <- unname(w$statistic); r$p_rank <- w$p.value
	}
	r
}

finish <- function(rows, lower, pain, base, base_n, measure) {
	# Holm across the --by groups on p_adj; "all" keeps its own p_adj
	k <- which(vapply(rows, function(r) r$group != "all", TRUE))
	ph <- p.adjust(vapply(rows[k], function(r) r$p_adj, 0), "holm")
	for (i in seq_along(k)) rows[[k[i]]]$p_holm <- ph[i]
	for (i in seq_along(rows)) if (rows[[i]]$group == "all") rows[[i]]$p_holm <- rows[[i]]$p_adj
	key <- vapply(rows[k], function(r) if (is.na(r$diff)) Inf else if (lower) r$diff else -r$diff, 0)
	rows <- c(rows[k][order(key, seq_along(k))], rows[setdiff(seq_along(rows), k)])
	cat("group,design,measure,n_before,n_after,before_mean,after_mean,diff,ci_low,ci_high,pct_change,t,df,p_t,rank_stat,p_rank,effect,effect_kind,improved,nap,nap_ci_low,nap_ci_high,tau_u,r1,p_adj,p_holm,baseline_mean,baseline_n,category,clinically_important\n")
	for (r in rows) {
		cat_ <- ""; imp <- ""
		if (pain && r$n_before > 0 && !is.na(r$pct_change)) {
			pts <- if (lower) -r$diff else r$diff
			pct <- 100 * pts / abs(r$before_mean)
			cat_ <- if (pct >= 50) "substantial" else if (pct >= 30) "moderate" else
				if (pct >= 10) "minimal" else if (pct <= -10) "worse" else "none"
			imp <- if (pct >= 30 || pts >= 2) "yes" else "no"
		}
		q <- function(s) if (grepl("[,\"]", s)) paste0('"', gsub('"', '""', s), '"') else s
		cat(paste(c(q(r$group), r$design, q(measure), r$n_before, r$n_after,
			    fmt(c(r$before_mean, r$after_mean, r$diff, r$ci_low, r$ci_high,
				  r$pct_change, r$t, r$df, r$p_t, r$rank_stat, r$p_rank, r$effect)),
			    r$effect_kind, fmt(c(r$improved, NA, NA, NA, NA, r$r1, r$p_adj, r$p_holm, base)),
			    if (is.na(base_n)) "" else base_n, cat_, imp), collapse = ","), "\n", sep = "")
	}
}

# Kruskal-Wallis needs independent groups: R$d1 holds the differences of
# the sessions that are in this group only (a session of two techniques is
# left out of the comparison, as ease-prepost(1) says).
kw_row <- function(rows, measure) {
	k <- Filter(function(r) r$group != "all" && length(r$d1) > 0, rows)
	# differences equal on paper tie: 12 significant digits, as ease-prepost(1)
	kt <- kruskal.test(lapply(k, function(r) as.numeric(sprintf("%.12g", r$d1))))
	tot <- sum(vapply(rows, function(r) if (r$group == "all") 0 else length(r$d1), 0))
	cat(paste(c("compare", "kruskal", measure, tot, tot, rep("", 7), fmt(unname(kt$parameter)), "",
		    fmt(unname(kt$statistic)), fmt(kt$p.value), rep("", 14)), collapse = ","), "\n", sep = "")
}

if (mode %in% c("event", "profile", "event-compare")) {
	d <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = c("", "NA"), check.names = FALSE)
	value <- args[3]; event <- args[4]
	nb <- as.integer(args[5]); na <- as.integer(args[6])
	by <- if (length(args) > 6 && args[7] != "-") args[7] else NA
	lower <- if (length(args) > 7) args[8] == "lower" else value %in% lower_roles
	tech <- !is.na(by) && by == "technique"
	if (!"subject" %in% names(d)) d$subject <- ""
	d$subject[is.na(d$subject)] <- ""
	d$day <- as.numeric(as.Date(d$date))
	# SINCE and UNTIL in the environment: events and the baseline, r1 days
	# only within them; the days after UNTIL are as absent, those before
	# SINCE still fill the before-windows
	since <- as.numeric(as.Date(Sys.getenv("SINCE", "1000-01-01")))
	until <- as.numeric(as.Date(Sys.getenv("UNTIL", "9999-12-31")))
	d[[value]][d$day > until] <- NA
	inwin <- function(day) day >= since & day <= until
	pairs <- list(); base <- c(); r1x <- c(); r1y <- c(); prof <- list()
	gen <- 0
	for (s in unique(d$subject)) {
		gen <- gen + 1
		x <- d[d$subject == s, ]
		v <- setNames(x[[value]], x$day)
		ev <- x$day[!is.na(x[[event]]) & x[[event]] > 0 & x$day <= until]
		for (i in seq_len(nrow(x) - 1))
			if (x$day[i + 1] == x$day[i] + 1 && !is.na(x[[value]][i]) && !is.na(x[[value]][i + 1]) &&
			    inwin(x$day[i]) && inwin(x$day[i + 1])) {
				r1x <- c(r1x, x[[value]][i]); r1y <- c(r1y, x[[value]][i + 1])
			}
		for (i in seq_len(nrow(x))) {
			dd <- x$day[i]
			if (is.na(x[[value]][i]) || !inwin(dd)) next
			near <- ev[ev >= dd - na & ev <= dd + nb]
			if (length(near) == 0) base <- c(base, x[[value]][i])
		}
		for (e in ev[inwin(ev)]) {
			b <- v[as.character(e - nb:1)]; a <- v[as.character(e + 1:na)]
			b <- b[!is.na(b)]; a <- a[!is.na(a)]
			if (2 * length(b) < nb || 2 * length(a) < na) next
			row <- x[x$day == e, ]
			g <- if (is.na(by)) character(0) else groups_of(row[[by]], tech)
			pv <- unname(v[as.character(e + (-nb):na)])
			pairs[[length(pairs) + 1]] <- list(gen = gen, g = g, b = mean(b), a = mean(a), p = pv)
		}
	}
	r1v <- if (length(r1x) >= 2) cor(r1x, r1y) else NA
	names_ <- unique(unlist(lapply(pairs, function(p) p$g)))
	collect <- function(nm) Filter(function(p) nm == "all" || nm %in% p$g, pairs)
	if (mode == "profile") {
		cat("group,offset,n,mean,ci_low,ci_high\n")
		for (nm in c(names_, "all")) {
			ps <- collect(nm)
			for (k in seq_len(nb + na + 1)) {
				vals <- unlist(lapply(ps, function(p) p$p[k])); vals <- vals[!is.na(vals)]
				ci <- c(NA, NA)
				if (length(vals) >= 2 && sd(vals) > 0) ci <- t.test(vals)$conf.int
				cat(paste(c(nm, k - 1 - nb, length(vals), fmt(if (length(vals)) mean(vals) else NA), fmt(ci)),
					  collapse = ","), "\n", sep = "")
			}
		}
		quit()
	}
	rows <- list()
	for (nm in c(names_, "all")) {
		ps <- collect(nm)
		y <- vapply(ps, function(p) p$b, 0); xx <- vapply(ps, function(p) p$a, 0)
		gens <- vapply(ps, function(p) p$gen, 0)
		seq <- cumsum(c(0, ifelse(diff(gens) != 0, 2, 1)))[seq_along(gens)]
		r <- paired_row(nm, y, xx, seq, lower, r1v, "event")
		r$d <- xx - y
		r$d1 <- r$d[vapply(ps, function(p) length(p$g) <= 1, TRUE)]
		rows[[length(rows) + 1]] <- r
	}
	if (mode == "event-compare") kw_row(rows, value)
	else finish(rows, lower, value %in% pain_roles && lower, if (length(base)) mean(base) else NA,
		    length(base), value)
}

if (mode %in% c("pairs", "pairs-compare")) {
	d <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = c("", "NA"), check.names = FALSE)
	bc <- args[3]; ac <- args[4]
	by <- if (length(args) > 4 && args[5] != "-") args[5] else NA
	# a heading as a person writes it ("Pain before") names the same role
	role <- function(x) gsub(" ", "_", tolower(x))
	lower <- if (length(args) > 5) args[6] == "lower" else role(bc) %in% lower_roles
	tech <- !is.na(by) && by == "technique"
	ok <- !is.na(d[[bc]]) & !is.na(d[[ac]])
	d <- d[ok, ]
	# r1 within each subject in date order (ease-prepost(1)): the rows are
	# put in that order first, which no other column of the output heeds
	sc <- which(tolower(names(d)) %in% c("subject", "subject_id", "participant",
		"participant_id", "client", "client_id", "patient", "patient_id",
		"person", "user", "user_id"))
	dc <- which(tolower(names(d)) %in% c("date", "day", "datum", "fecha", "jour"))
	# without a subject column, a --by column other than technique is one
	subj <- if (length(sc)) d[[sc[1]]] else if (!is.na(by) && !tech) d[[by]] else rep("", nrow(d))
	day <- if (length(dc)) as.numeric(as.Date(d[[dc[1]]])) else seq_len(nrow(d))
	o <- order(match(subj, unique(subj)), day, seq_len(nrow(d)))
	d <- d[o, ]; subj <- subj[o]
	gens <- cumsum(c(TRUE, subj[-1] != subj[-length(subj)]))
	gl <- lapply(seq_len(nrow(d)), function(i) if (is.na(by)) character(0) else groups_of(d[[by]][i], tech))
	names_ <- unique(unlist(gl))
	rows <- list()
	for (nm in c(names_, "all")) {
		k <- which(vapply(gl, function(g) nm == "all" || nm %in% g, TRUE))
		gg <- gens[k]
		seq <- cumsum(c(0, ifelse(diff(gg) != 0, 2, 1)))[seq_along(gg)]
		r <- paired_row(nm, d[[bc]][k], d[[ac]][k], seq, lower, NA, "pairs")
		r$d <- d[[ac]][k] - d[[bc]][k]
		r$d1 <- r$d[vapply(gl[k], length, 0) <= 1]
		rows[[length(rows) + 1]] <- r
	}
	m <- paste0(bc, ":", ac)
	if (mode == "pairs-compare") kw_row(rows, m)
	else finish(rows, lower, role(bc) %in% pain_roles && role(ac) %in% pain_roles && lower, NA, NA, m)
}

# ---- the independent designs ----
#   Rscript tests/ref/prepost.R split DIARY VALUE DATE|first [EVENT]
#   Rscript tests/ref/prepost.R factor DIARY VALUE FACTOR LAG
# Welch t.test(after, before), wilcox.test(after, before) (W = U of after),
# Hedges' g with the exact J, NAP (Parker & Vannest 2009) with its SE and
# Newcombe's interval and Tau-U (Parker et al. 2011) written from the papers,
# as in tests/ref/hyptest.R; p_adj with n_eff = n (1 - r1)/(1 + r1) of each
# sample, r1 the pooled within-sample lag-1 correlation: pairs of
# consecutive days in the same sample, each sample's pairs about their own
# means (a jump between the samples is not day-to-day persistence).
hedges_g <- function(x, y) {
	m <- length(x) + length(y) - 2
	sp <- sqrt(((length(x) - 1) * var(x) + (length(y) - 1) * var(y)) / m)
	(mean(x) - mean(y)) / sp * exp(lgamma(m / 2) - lgamma((m - 1) / 2)) / sqrt(m / 2)
}
nap_ref <- function(A, B, lower) {
	if (lower) { A <- -A; B <- -B }
	m <- length(A); n <- length(B)
	Q <- matrix(sapply(B, function(b) (b > A) + 0.5 * (b == A)), nrow = m)
	nap <- mean(Q)
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
	c(nap, lo, hi)
}
tau_u_ref <- function(A, B, lower) {
	if (lower) { A <- -A; B <- -B }
	m <- length(A); n <- length(B)
	s_ab <- sum(sapply(B, function(b) sign(b - A)))
	s_a <- 0
	for (i in seq_len(m - 1)) s_a <- s_a + sum(sign(A[(i + 1):m] - A[i]))
	(s_ab - s_a) / (m * n)
}
if (mode %in% c("split", "factor")) {
	d <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = c("", "NA"), check.names = FALSE)
	value <- args[3]
	lower <- value %in% lower_roles
	if (!"subject" %in% names(d)) d$subject <- ""
	d$subject[is.na(d$subject)] <- ""
	d$day <- as.numeric(as.Date(d$date))
	A <- c(); B <- c(); r1x <- c(); r1y <- c(); r1g <- c(); taus <- c(); wts <- c()
	for (s in unique(d$subject)) {
		x <- d[d$subject == s, ]
		# each day's sample: 0 before, 1 after, NA in neither
		grp <- rep(NA, nrow(x))
		if (mode == "split") {
			at <- if (args[4] == "first") {
				e <- x$day[!is.na(x[[args[5]]]) & x[[args[5]]] > 0]
				if (length(e)) min(e) else Inf
			} else as.numeric(as.Date(args[4]))
			ok <- !is.na(x[[value]])
			a_ <- x[[value]][ok & x$day < at]; b_ <- x[[value]][ok & x$day >= at]
			A <- c(A, a_); B <- c(B, b_)
			grp <- ifelse(x$day >= at, 1, 0)
			# Tau-U per subject, weighted by 1 / Var: Var S of Kendall's S of
			# the values against (m, ..., 1, m+1 for all of B), over (m n)^2
			if (length(a_) && length(b_)) {
				m <- length(a_); n <- length(b_); N <- m + n
				v <- (N * (N - 1) * (2 * N + 5) - n * (n - 1) * (2 * n + 5)) / 18 / (m * n)^2
				taus <- c(taus, tau_u_ref(a_, b_, lower)); wts <- c(wts, 1 / v)
			}
		} else {
			lag <- as.integer(args[5])
			f <- setNames(x[[args[4]]], x$day)
			for (i in seq_len(nrow(x))) {
				v <- x[[value]][i]; fv <- f[as.character(x$day[i] - lag)]
				if (is.na(v) || is.na(fv)) next
				grp[i] <- if (fv > 0) 1 else 0
				if (fv > 0) B <- c(B, v) else A <- c(A, v)
			}
		}
		for (i in seq_len(nrow(x) - 1))
			if (x$day[i + 1] == x$day[i] + 1 && !is.na(x[[value]][i]) && !is.na(x[[value]][i + 1]) &&
			    !is.na(grp[i]) && !is.na(grp[i + 1]) && grp[i] == grp[i + 1]) {
				r1x <- c(r1x, x[[value]][i]); r1y <- c(r1y, x[[value]][i + 1])
				r1g <- c(r1g, grp[i])
			}
	}
	sxy <- 0; sxx <- 0; syy <- 0
	for (g in unique(r1g)) {
		if (sum(r1g == g) < 2) next
		u <- r1x[r1g == g] - mean(r1x[r1g == g]); w <- r1y[r1g == g] - mean(r1y[r1g == g])
		sxy <- sxy + sum(u * w); sxx <- sxx + sum(u * u); syy <- syy + sum(w * w)
	}
	r1 <- sxy / sqrt(sxx * syy)
	tt <- t.test(B, A)
	w <- suppressWarnings(wilcox.test(B, A))
	nap <- nap_ref(A, B, lower)
	tau <- if (mode == "split") sum(wts * taus) / sum(wts) else NA
	ne <- function(n) if (r1 <= 0) n else n * (1 - r1) / (1 + r1)
	ex <- var(B) / ne(length(B)); ey <- var(A) / ne(length(A))
	tq <- (mean(B) - mean(A)) / sqrt(ex + ey)
	dfq <- (ex + ey)^2 / (ex^2 / (ne(length(B)) - 1) + ey^2 / (ne(length(A)) - 1))
	padj <- 2 * pt(-abs(tq), dfq)
	diff <- mean(B) - mean(A)
	# the interval of the same model as p_adj
	ci <- diff + c(-1, 1) * qt(0.975, dfq) * sqrt(ex + ey)
	pts <- if (lower) -diff else diff
	pct <- 100 * pts / abs(mean(A))
	pain <- value %in% pain_roles
	cat_ <- if (!pain) "" else if (pct >= 50) "substantial" else if (pct >= 30) "moderate" else
		if (pct >= 10) "minimal" else if (pct <= -10) "worse" else "none"
	imp <- if (!pain) "" else if (pct >= 30 || pts >= 2) "yes" else "no"
	cat("group,design,measure,n_before,n_after,before_mean,after_mean,diff,ci_low,ci_high,pct_change,t,df,p_t,rank_stat,p_rank,effect,effect_kind,improved,nap,nap_ci_low,nap_ci_high,tau_u,r1,p_adj,p_holm,baseline_mean,baseline_n,category,clinically_important\n")
	cat(paste(c("all", mode, value, length(A), length(B),
		    fmt(c(mean(A), mean(B), diff, ci, 100 * diff / mean(A),
			  tt$statistic, tt$parameter, tt$p.value, w$statistic, w$p.value,
			  hedges_g(B, A))), "hedges_g",
		    fmt(c(NA, nap, tau, r1, padj, padj, NA)), "", cat_, imp), collapse = ","),
	    "\n", sep = "")
}

# ---- --its --se ols: R lm ----
#   Rscript tests/ref/prepost.R its-ols DIARY VALUE DATE|first [EVENT]
# lm(y ~ t + post + I((t - t0) * post)) on each subject's days with a value,
# t counted from its first one; r1_resid of consecutive days.
if (mode == "its-ols") {
	d <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = c("", "NA"), check.names = FALSE)
	value <- args[3]
	if (!"subject" %in% names(d)) d$subject <- "all"
	d$day <- as.numeric(as.Date(d$date))
	cat("group,measure,n,t0,pre_level,pre_slope,level_change,level_se,level_p,slope_change,slope_se,slope_p,r1_resid,se_kind\n")
	for (s in unique(d$subject)) {
		x <- d[d$subject == s, ]
		at <- if (args[4] == "first") min(x$day[!is.na(x[[args[5]]]) & x[[args[5]]] > 0]) else
			as.numeric(as.Date(args[4]))
		x <- x[!is.na(x[[value]]), ]
		t <- x$day - x$day[1]; y <- x[[value]]; t0 <- at - x$day[1]
		post <- as.numeric(t >= t0)
		f <- summary(lm(y ~ t + post + I((t - t0) * post)))$coefficients
		e <- residuals(lm(y ~ t + post + I((t - t0) * post)))
		k <- which(diff(t) == 1)
		cat(paste(c(s, value, length(t), format(as.Date(at, origin = "1970-01-01")),
			    fmt(c(f[1, 1], f[2, 1], f[3, 1], f[3, 2], f[3, 4], f[4, 1], f[4, 2], f[4, 4],
				  cor(e[k], e[k + 1]))), "ols"), collapse = ","), "\n", sep = "")
	}
}

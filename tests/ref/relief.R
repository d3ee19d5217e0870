#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference for ease-relief, written from the rules of ease-relief(1) and
# independent of its code: the sessions and their relief runs, and the
# Kaplan-Meier summary by R's survival package.
#   Rscript tests/ref/relief.R sessions DIARY [MARGIN]   per-session rows
#   Rscript tests/ref/relief.R summary DIARY [MARGIN]    --summary rows
#   ... [MARGIN [FORMAT]]   FORMAT for baselines and days: %.3g for --digits 3,
#                           %.1f for --format table (default %.6g)
# The diary is a day table with date, pain, massage, technique and
# optionally subject; numbers are printed as ease prints them (%.6g).
suppressMessages(library(survival))
args <- commandArgs(TRUE)
mode <- args[1]
d <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = c("", "NA"))
margin <- if (length(args) > 2) as.numeric(args[3]) else 1
if (!"subject" %in% names(d)) d$subject <- ""
d$subject[is.na(d$subject)] <- ""
d$technique[is.na(d$technique)] <- ""
d$day <- as.numeric(as.Date(d$date))

canon <- function(x) {
	k <- tolower(trimws(x))
	k <- gsub("[ _/&-]+", " ", k)
	k <- gsub("(^| )and( |$)", " ", k)
	k <- trimws(gsub(" +", " ", k))
	# every trailing massage/therapy word, never the only word
	k <- sub("^(.+?)( (massage|therapy))+$", "\\1", k, perl = TRUE)
	known <- c("trigger point" = "trigger point", "tpt" = "trigger point",
		   "deep tissue" = "deep tissue", "swedish" = "Swedish",
		   "myofascial release" = "myofascial release",
		   "mfr" = "myofascial release", "lumbar hip" = "lumbar and hip",
		   "lumbar hip focused" = "lumbar and hip",
		   "acupressure" = "acupressure")
	ifelse(k %in% names(known), known[k], trimws(x))
}
numfmt <- if (length(args) > 3) args[4] else "%.6g"
fmt <- function(x) ifelse(is.na(x), "", sprintf(numfmt, x))

rows <- list()
for (s in unique(d$subject)) {
	x <- d[d$subject == s, ]
	pain <- setNames(x$pain, x$day)
	ses <- which(!is.na(x$massage) & x$massage > 0)
	for (i in ses) {
		day <- x$day[i]
		before <- pain[as.character(day - 1:3)]
		before <- before[!is.na(before)]
		if (length(before) < 2) next
		base <- mean(before)
		nxt <- ses[ses > i]
		stop_day <- if (length(nxt)) x$day[nxt[1]] else max(x$day) + 1
		last <- day; ended <- 0
		for (j in which(x$day > day & x$day < stop_day)) {
			if (is.na(x$pain[j])) next
			if (base - x$pain[j] >= margin - 1e-9) last <- x$day[j]
			else { ended <- 1; break }
		}
		techs <- strsplit(x$technique[i], "|", fixed = TRUE)[[1]]
		techs <- unique(canon(techs[trimws(techs) != ""]))
		rows[[length(rows) + 1]] <- data.frame(date = x$date[i], subject = s,
			technique = paste(techs, collapse = "|"), baseline = base,
			relief_days = last - day, ended = ended, stringsAsFactors = FALSE)
	}
}
r <- do.call(rbind, rows)

if (mode == "sessions") {
	cat("date,subject,technique,baseline,relief_days,ended\n")
	cat(sprintf("%s,%s,%s,%s,%d,%d\n", r$date, r$subject, r$technique,
		    fmt(r$baseline), r$relief_days, r$ended), sep = "")
	quit(save = "no")
}

line <- function(name, t, e) {
	tab <- summary(survfit(Surv(t, e) ~ 1))$table
	data.frame(technique = name, sessions = length(t), with_relief = sum(t > 0),
		   ended = sum(e), censored = sum(1 - e), median = tab["median"],
		   lcl = tab["0.95LCL"], ucl = tab["0.95UCL"], rmean = tab["rmean"],
		   stringsAsFactors = FALSE)
}
split_t <- strsplit(r$technique, "|", fixed = TRUE)
names_met <- unique(unlist(split_t))
out <- do.call(rbind, lapply(names_met, function(n) {
	has <- sapply(split_t, function(v) n %in% v)
	line(n, r$relief_days[has], r$ended[has])
}))
med <- ifelse(is.na(out$median), Inf, out$median)
out <- out[order(-med, -out$rmean, seq_len(nrow(out))), ]
out <- rbind(out, line("all", r$relief_days, r$ended))
cat("technique,sessions,with_relief,ended,censored,median_days,median_ci_low,median_ci_high,mean_days\n")
cat(sprintf("%s,%d,%d,%d,%d,%s,%s,%s,%s\n", out$technique, out$sessions, out$with_relief,
	    out$ended, out$censored, fmt(out$median), fmt(out$lcl), fmt(out$ucl),
	    fmt(out$rmean)), sep = "")

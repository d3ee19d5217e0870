#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes into DIR the bad inputs too big (or too binary) to keep in git:
#   big-field-note.csv   a 1 MiB text cell (valid: it must pass through whole)
#   big-field-pain.csv   a 1 MiB cell where a number belongs
#   big-field-quoted.csv a 1 MiB quoted cell holding line breaks, never closed
#   wide-20000.csv       20,000 columns
#   wide-200000.csv      200,002 columns, the last two of one name (header
#                        checks that compared every pair of columns took
#                        minutes here)
#   state-300k.csv       an ease-alert state of 300,000 subjects (read in
#                        quadratic time it took minutes)
#   binary.bin           every byte value, 16 times over
#   saa-1m-tags.csv      a Sleep as Android night whose comment holds 1,000,000
#                        #tags (100,000 names, each ten times): read in seconds
# Usage: gen.sh DIR
set -e
dir=${1:?usage: gen.sh DIR}
mkdir -p "$dir"
cd "$dir"
LC_ALL=C
export LC_ALL

mib() {	# 1 MiB of $1
	awk -v c="$1" 'BEGIN { s = c; while (length(s) < 1048576) s = s s; printf "%s", s }'
}

{ printf 'date,pain,note\n2026-03-01,6,'; mib x; printf '\n2026-03-02,5,short\n'; } > big-field-note.csv
{ printf 'date,pain,note\n2026-03-01,'; mib 9; printf ',a\n2026-03-02,5,b\n'; } > big-field-pain.csv
{ printf 'date,pain,note\n2026-03-01,6,"'; mib 'ab
'; printf '\n'; } > big-field-quoted.csv

awk 'BEGIN {
	n = 20000
	printf "date,pain"
	for (i = 3; i <= n; i++) printf ",c%d", i
	printf "\n"
	for (d = 1; d <= 3; d++) {
		printf "2026-03-0%d,%d", d, d + 3
		for (i = 3; i <= n; i++) printf ",%d", (i * d) % 10
		printf "\n"
	}
}' > wide-20000.csv

awk 'BEGIN {
	printf "Id,Tz,From,To,Sched,Hours,Rating,Comment\n"
	printf "\"1605909600000\",\"Europe/Berlin\",\"20. 11. 2020 23:00\","
	printf "\"21. 11. 2020 7:00\",\"21. 11. 2020 7:00\",\"7.5\",\"4.0\",\""
	for (r = 0; r < 10; r++)
		for (i = 0; i < 100000; i++)
			printf "#t%d ", i
	printf "\"\n"
}' > saa-1m-tags.csv

awk 'BEGIN {
	n = 200000
	printf "date,pain"
	for (i = 3; i <= n; i++) printf ",c%d", i
	printf ",dup,dup\n"
	for (d = 1; d <= 3; d++) {
		printf "2026-03-0%d,%d", d, d + 3
		for (i = 3; i <= n; i++) printf ",%d", (i * d) % 10
		printf ",1,2\n"
	}
}' > wide-200000.csv

awk 'BEGIN {
	print "subject,rule,alerted,quiet,evaluated"
	for (i = 1; i <= 300000; i++)
		printf "s%d,flare,2026-03-01,,2026-03-01\n", i
}' > state-300k.csv

i=0
: > binary.bin
while [ $i -lt 16 ]; do
	b=0
	chunk=""
	while [ $b -lt 256 ]; do
		chunk="$chunk\\$(printf %o $b)"
		b=$((b + 1))
	done
	printf "$chunk" >> binary.bin
	i=$((i + 1))
done

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The options each tool takes, said alike in three places: its --help (the
# source: lib/opts.c writes the common part from the groups the tool takes),
# the OPTIONS section of its man page, and the README's table of the common
# options.  Every option of --help is in the man page and no other is; every
# README row names exactly the common options of its tool.
LC_ALL=C; export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top=$here/..
bin=${EASE_BIN:-$top/bin}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0 failed=0

# Option names in --help: the flags that begin an option line.
help_opts() {
	"$1" --help | awk '
	/^ +-/ {
		s = $0
		sub(/^ +/, "", s)
		while (1) {
			if (match(s, /^--[a-z][a-z-]*/) || match(s, /^-[A-Za-z]/)) {
				print substr(s, 1, RLENGTH)
				s = substr(s, RLENGTH + 1)
				sub(/^ [^ ,]+/, "", s)	# the argument: " C", " FILE"
				if (substr(s, 1, 2) != ", ")
					break
				s = substr(s, 3)
			} else
				break
		}
	}' | sort -u
}

# Option names in the OPTIONS section of a man page, on its macro lines.
man_opts() {
	awk '
	/^\.SH / { in_opts = ($0 ~ /^\.SH OPTIONS/); next }
	in_opts && /^\./ {
		s = $0
		gsub(/\\-/, "-", s)
		while (match(s, /(^|[ "(])--?[A-Za-z][a-z-]*/)) {
			o = substr(s, RSTART, RLENGTH)
			sub(/^[ "(]/, "", o)
			if (o ~ /^--/ || length(o) == 2)
				print o
			s = substr(s, RSTART + RLENGTH)
		}
	}' "$1" | sort -u
}

# The README's table: header cells name the common options, rows say yes.
readme_opts() {
	awk -v tool="$1" '
	/^[|] *tool *[|] *`/ {
		nh = split($0, head, "|")
		have = 1
		next
	}
	have && index($0, "| `" tool "` |") == 1 {
		nc = split($0, cell, "|")
		for (i = 3; i < nc; i++) {
			# "yes": every option of the column; a cell naming options: those
			if (cell[i] ~ /`/)
				s = cell[i]
			else if (cell[i] ~ /yes/)
				s = head[i]
			else
				continue
			while (match(s, /--?[A-Za-z][a-z-]*/)) {
				print substr(s, RSTART, RLENGTH)
				s = substr(s, RSTART + RLENGTH)
			}
		}
	}' "$top/README.md" | sort -u
}

# Every common option the README table names in its header.
readme_common() {
	awk '/^[|] *tool *[|] *`/ {
		s = $0
		while (match(s, /--?[A-Za-z][a-z-]*/)) {
			print substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
		}
		exit
	}' "$top/README.md" | sort -u
}

readme_common > "$scratch/common"
for t in "$bin"/ease-*; do
	[ -x "$t" ] || continue
	name=${t##*/}
	page=$top/man/man1/$name.1
	help_opts "$t" > "$scratch/help"
	n=$((n + 1))
	if [ ! -f "$page" ]; then
		echo "not ok $n - $name has a man page"
	else
		man_opts "$page" > "$scratch/man"
		if cmp -s "$scratch/help" "$scratch/man"; then
			echo "ok $n - $name(1) lists the options of its --help"
		else
			failed=$((failed + 1))
			echo "not ok $n - $name(1) lists the options of its --help"
			diff "$scratch/help" "$scratch/man" | sed -n 's/^</# only in --help:/p; s/^>/# only in the man page:/p'
		fi
	fi
	n=$((n + 1))
	readme_opts "${name#ease-}" > "$scratch/readme"
	comm -12 "$scratch/help" "$scratch/common" > "$scratch/want"
	if [ -s "$scratch/readme" ] || [ -s "$scratch/want" ]; then
		if cmp -s "$scratch/want" "$scratch/readme"; then
			echo "ok $n - README: the common options of $name"
		else
			failed=$((failed + 1))
			echo "not ok $n - README: the common options of $name"
			diff "$scratch/want" "$scratch/readme" | sed -n 's/^</# takes, README does not say:/p; s/^>/# README says, does not take:/p'
		fi
	else
		echo "ok $n - README: $name takes no common option"
	fi
done
# The README's table of shared own options: "| `-m` `--method` | ... | `corr` ... |".
shared_rows() {
	awk -F '|' '/^[|] *option *[|] *means *[|] *tools *[|]/ { have = 1; next }
	have && /^[|]---/ { next }
	have && !/^[|]/ { exit }
	have {
		opts = ""; s = $2
		while (match(s, /--?[A-Za-z][a-z0-9-]*/)) {
			opts = opts " " substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
		}
		tools = ""; s = $4
		while (match(s, /`[a-z]+`/)) {
			tools = tools " " substr(s, RSTART + 1, RLENGTH - 2)
			s = substr(s, RSTART + RLENGTH)
		}
		print substr(opts, 2) "|" substr(tools, 2)
	}' "$top/README.md"
}
shared_rows > "$scratch/shared"
n=$((n + 1))
if [ -s "$scratch/shared" ]; then
	echo "ok $n - README: a table of the options tools share by name"
else
	failed=$((failed + 1))
	echo "not ok $n - README: a table of the options tools share by name"
fi
while IFS='|' read -r opts tools; do
	for t in "$bin"/ease-*; do
		[ -x "$t" ] || continue
		name=${t##*/}
		help_opts "$t" > "$scratch/help"
		has=0 lacks=
		for o in $opts; do
			if grep -qx -e "$o" "$scratch/help"; then has=1; else lacks="$lacks $o"; fi
		done
		n=$((n + 1))
		case " $tools " in
		*" ${name#ease-} "*)
			if [ -z "$lacks" ]; then
				echo "ok $n - $name takes $opts"
			else
				failed=$((failed + 1))
				echo "not ok $n - $name takes $opts"
				echo "# lacks:$lacks"
			fi ;;
		*)
			if [ $has = 0 ]; then
				echo "ok $n - $name takes none of $opts (README)"
			else
				failed=$((failed + 1))
				echo "not ok $n - $name takes none of $opts (README)"
				echo "# it takes some: the README's row must name it"
			fi ;;
		esac
	done
done < "$scratch/shared"

# --help fits a terminal of 80 columns (bytes; the help is ASCII)
for t in "$bin"/ease "$bin"/ease-*; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	n=$((n + 1))
	wide=$("$t" --help | awk 'length($0) > 80 { print NR ": " length($0) }')
	if [ -z "$wide" ] && [ -z "$("$t" --help | LC_ALL=C grep -n '[^ -~]')" ]; then
		echo "ok $n - ${t##*/} --help fits 80 columns"
	else
		failed=$((failed + 1))
		echo "not ok $n - ${t##*/} --help fits 80 columns"
		echo "$wide" | sed 's/^/# line /'
	fi
done

# SEE ALSO: every ease page it names exists, and ease(7) names every tool's page.
see_also() {
	awk '/^\.SH "?SEE ALSO/ { p = 1; next } /^\.SH/ { p = 0 }
	p && /^\.BR / { s = $0; gsub(/\\-/, "-", s); split(s, w, " ")
		sec = s; sub(/.*\(/, "", sec); sub(/\).*/, "", sec); print w[2] "." sec }' "$1"
}
for page in "$top"/man/man[1-9]/*.[1-9]; do
	n=$((n + 1))
	missing=
	for ref in $(see_also "$page"); do
		case $ref in ease*) ;; *) continue ;; esac
		[ -f "$top/man/man${ref##*.}/$ref" ] || missing="$missing $ref"
	done
	if [ -z "$missing" ]; then
		echo "ok $n - ${page##*/}: SEE ALSO names pages that exist"
	else
		failed=$((failed + 1))
		echo "not ok $n - ${page##*/}: SEE ALSO names pages that exist"
		echo "# no such page:$missing"
	fi
done
see_also "$top/man/man7/ease.7" > "$scratch/seealso"
for page in "$top"/man/man1/ease-*.1; do
	n=$((n + 1))
	if grep -qx "${page##*/}" "$scratch/seealso"; then
		echo "ok $n - ease(7) SEE ALSO names ${page##*/}"
	else
		failed=$((failed + 1))
		echo "not ok $n - ease(7) SEE ALSO names ${page##*/}"
	fi
done
echo "1..$n"
[ "$failed" = 0 ]

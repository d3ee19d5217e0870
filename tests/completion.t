#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Shell completion (completion/ease.bash, completion/_ease) and the one source
# it reads, each tool's hidden --list-options:
#  - the options it lists are exactly those --help shows (no drift either way);
#  - every word it offers for an option (or ease-plot's KIND) is taken by the
#    tool, a made-up one is refused, and the refusal names no word it lacks;
#  - bash, with the completion loaded, completes options, kinds, formats,
#    option words and the column names of the file on the line;
#  - zsh (when installed) reads the file, and its function offers the same.
LC_ALL=C; export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
top=$here/..
bin=${EASE_BIN:-$top/bin}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0 failed=0
check() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
	return "$1"
}

# Option names in --help: the flags that begin an option line (as in
# tests/man-options.t, and "--today[=DATE]").
help_opts() {
	"$1" --help | awk '
	/^ +-/ {
		s = $0
		sub(/^ +/, "", s)
		while (1) {
			if (match(s, /^--[a-z][a-z0-9-]*/) || match(s, /^-[A-Za-z]/)) {
				print substr(s, 1, RLENGTH)
				s = substr(s, RLENGTH + 1)
				sub(/^(\[=|=| )[^ ,]+/, "", s)
				if (substr(s, 1, 2) != ", ")
					break
				s = substr(s, 3)
			} else
				break
		}
	}' | sort -u
}

tools=""
for t in "$bin"/ease-*; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	name=${t##*/}
	tools="$tools ${name#ease-}"
	"$t" --list-options > "$scratch/list" 2> "$scratch/err"
	check $? "$name --list-options"
	help_opts "$t" > "$scratch/help"
	grep -v '^@' "$scratch/list" | cut -f1 | sort -u > "$scratch/listed"
	cmp -s "$scratch/help" "$scratch/listed"
	check $? "$name: --list-options lists the options of --help, no more" ||
		diff "$scratch/help" "$scratch/listed" | sed 's/^/# /'
	# each word of each option with words (one spelling each; --col's are roles)
	grep -v -e '^@' -e '^--col	' -e '^--delimiter	' "$scratch/list" |
		awk -F '\t' '$3 != "" && $1 ~ /^--/' > "$scratch/worded"
	# (read from a file, not a pipe: the loop counts the tests in this shell)
	while IFS="$(printf '\t')" read -r opt arg words; do
		bad=0
		for w in $words; do
			"$t" "$opt" "$w" --help > /dev/null 2>&1 || { bad=1; echo "# $name $opt $w: refused"; }
		done
		"$t" "$opt" no-such-word --help > /dev/null 2> "$scratch/refusal"
		st=$?
		# the words the refusal names that completion does not offer
		missing=$(head -1 "$scratch/refusal" | sed "s/.*'no-such-word'//" | tr -c 'a-z-' '\n' |
			grep -v -x -e '' -e is -e not -e or -e one -e of -e no -e a -e number -e days \
				-e rule -e rules -e neither -e nor -e date -e method -e methods -e format -e formats -e auto -e ease-import -e list -e '-' -e '--list' |
			while read -r x; do case " $words " in *" $x "*) ;; *) echo "$x";; esac; done | tr '\n' ' ')
		[ $bad = 0 ] && [ $st = 2 ] && [ -z "$missing" ]
		check $? "$name $opt: takes each of '$words', refuses another (exit $st)${missing:+, and names more: $missing}"
	done < "$scratch/worded"
done
# ease-import's formats: the ones --list names, and auto
"$bin/ease-import" --list | cut -d' ' -f1 | sort > "$scratch/fmts"
"$bin/ease-import" --list-options | awk -F '\t' '$1 == "--from" { print $3 }' | tr ' ' '\n' |
	grep -v -x auto | sort > "$scratch/offered"
cmp -s "$scratch/fmts" "$scratch/offered"
check $? "ease-import --from: completion offers every format of ease-import --list"
# ease-plot's kinds: every one is taken, another is refused with the list
kinds=$("$bin/ease-plot" --list-options | awk -F '\t' '$1 == "@ARG" && $2 == "KIND" { print $3 }')
named=$("$bin/ease-plot" no-such-kind /dev/null 2>&1 | head -1 | sed 's/.*: //; s/,//g')
[ -n "$kinds" ] && [ "$kinds" = "$named" ]
check $? "ease-plot KIND: completion offers the kinds the tool names ($kinds)"
"$bin/ease" --list-tools | tr '\n' ' ' > "$scratch/tools"
[ "$(cat "$scratch/tools")" = "$(echo $tools | tr ' ' '\n' | sort | tr '\n' ' ')" ]
check $? "ease --list-tools: $(cat "$scratch/tools")"

# bash: COMPREPLY for a command line, the cursor at its end
if command -v bash > /dev/null 2>&1; then
	cat > "$scratch/diary.csv" <<-EOF
	date,pain,sleep_hours,massage,technique
	2026-01-01,4,7.5,1,Swedish
	EOF
	printf '\357\273\277datum;Schmerz;Schlaf\r\n01.01.2026;4;7,5\r\n' > "$scratch/eu.csv"
	bc() {
		(cd "$scratch" && PATH="$bin:$PATH" bash -c '
			. "$1"
			COMP_LINE=$2; COMP_POINT=${#2}
			case $2 in ease\ *) _ease ;; *) _ease_tool ;; esac
			(( ${#COMPREPLY[@]} )) && printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' x "$top/completion/ease.bash" "$1")
	}
	bt() {
		got=$(bc "$1")
		[ "$got" = "$2" ]
		check $? "bash: '$1' completes to '$2'" || echo "# got '$got'"
	}
	bt 'ease-plot ' 'calendar lags meds plan profile relief scatter techniques trend '
	bt 'ease-plot tr' 'trend '
	bt 'ease-prepost --split f' 'first '
	bt 'ease-prepost --terms ' 'none trend trend,weekday weekday '
	bt 'ease-plot trend --ter' '--terminal '
	bt 'ease-plot trend -T p' 'pdf png '
	bt 'ease-import --from sl' 'sleep-as-android sleep-cycle sleepmeter '
	bt 'ease-import --from=plees' 'plees-tracker '
	bt 'ease-simulate --table e' 'events '
	bt 'ease-simulate --format t' 'table tsv '
	bt 'ease-corr diary.csv -x s' 'sleep_hours '
	bt 'ease-corr diary.csv --by ' 'date massage pain sleep_hours technique '
	bt 'ease-smooth -f pain,s diary.csv' 'diary.csv '
	bt 'ease-smooth diary.csv -f pain,s' 'pain,sleep_hours '
	bt 'ease-smooth diary.csv --method sma,e' 'sma,ema '
	bt 'ease-select eu.csv -f S' 'Schlaf Schmerz '
	bt 'ease-corr --col sleep_h' 'sleep_hours= '
	bt 'ease-corr diary.csv --col pain=m' 'massage '
	bt 'ease-alert --tod' '--today --today= '
	bt 'ease-select --tod' '--today --today= '
	bt 'ease-corr diary.csv -g ' 'date massage pain sleep_hours technique '
	bt 'ease-corr diary.csv --y s' 'sleep_hours '
	bt 'ease-prepost -m ' 'ml reml '
	bt 'ease-check --qu' '--quiet '
	bt 'ease-alert --ou' '--output '
	bt 'ease-daily --prefer ' 'first last '
	bt 'ease-select dia' 'diary.csv '
	bt 'ease h' 'help '
	bt 'ease help d' 'daily diary '
	bt 'ease plo' 'plot '
	bt 'ease plot sc' 'scatter '
	bt 'ease corr diary.csv -m k' 'kendall '
	bt 'ease report --format h' 'html '
	# an option a tool does not take is not offered
	bt 'ease-check --dig' ''
fi

# zsh: the file parses, and its function (compadd and friends stood in for)
# offers the same
if command -v zsh > /dev/null 2>&1; then
	zsh -n "$top/completion/_ease"
	check $? "zsh: completion/_ease parses"
	zc() {
		(cd "$scratch" && PATH="$bin:$PATH" zsh -f -c '
			compadd() { while (( $# )); do case $1 in -a) shift; print -rl -- ${(P)1} ;; -S) shift ;; -*) ;; *) print -r -- $1 ;; esac; shift; done }
			compset() { return 0 }
			_files() { print _files }
			_path_files() { print _path_files }
			words=("${(@s: :)1}"); CURRENT=$#words; service=$words[1]
			. "$2" | sort | tr "\n" " "' x "$1" "$top/completion/_ease")
	}
	zt() {
		got=$(zc "$1")
		[ "$got" = "$2" ]
		check $? "zsh: '$1' offers '$2'" || echo "# got '$got'"
	}
	zt 'ease-plot ' 'calendar lags meds plan profile relief scatter techniques trend '
	zt 'ease-plot trend -T ' 'dumb pdf png svg '
	zt 'ease-corr diary.csv -y ' 'date massage pain sleep_hours technique '
	zt 'ease help ' "$(echo $tools diary ease | tr ' ' '\n' | sort | tr '\n' ' ')"
	zt 'ease import --from ' 'auto bearable fitbit plees-tracker secuso sleep-as-android sleep-cycle sleepmeter '
	zt 'ease-daily --prefer ' 'first last '
	zt 'ease-select ' '_files '
fi

echo "1..$n"
[ $failed = 0 ]

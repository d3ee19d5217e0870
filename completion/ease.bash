# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for ease and every ease-TOOL.
#
# Nothing here names an option: each tool is asked, as it is completed, with
# `ease-TOOL --list-options` (made by lib/opts.c from the table the tool
# parses its options with and the text its --help prints), so completion
# offers what the installed tool takes, options added later included.
# `ease --list-tools` names the tools.  Columns are read from the header of
# the file named on the line, for an argument --help calls COL or COLS (or
# A,B: a list of columns).  Needs no other completion package.
# make install puts this file in share/bash-completion/completions/ as ease,
# with a link for every ease-TOOL; or: source completion/ease.bash

# _ease_columns FILE: the column names of FILE's header, one a line.
_ease_columns() {
	local line sep=, n c s t
	[[ -f $1 && -r $1 ]] || return 0
	IFS= read -r line < "$1" || [[ -n $line ]] || return 0
	line=${line#$'\xef\xbb\xbf'}
	line=${line%$'\r'}
	# the separator as the tools detect it: the most frequent of , ; tab
	c=${line//[^,]/}; s=${line//[^;]/}; t=${line//[^$'\t']/}
	if (( ${#s} > ${#c} && ${#s} >= ${#t} )); then
		sep=';'
	elif (( ${#t} > ${#c} && ${#t} > ${#s} )); then
		sep=$'\t'
	fi
	local -a cols
	IFS=$sep read -r -a cols <<< "$line"
	for n in "${cols[@]}"; do
		n=${n#\"}; n=${n%\"}
		[[ -n $n ]] && printf '%s\n' "$n"
	done
}

# _ease_complete_tool CMD WORD...: COMPREPLY for the last WORD (the one being
# completed) of the command line of tool CMD, WORD... the words after CMD.
_ease_complete_tool() {
	local cmd=$1
	shift
	local -a words=("$@")
	local cur=${words[${#words[@]} - 1]}
	local spec arg vals lines i w file="" npos=0 kind=""
	local -A ARG VALS
	local opts=()

	lines=$("$cmd" --list-options 2>/dev/null) || return 0
	while IFS=$'\t' read -r spec arg vals; do
		if [[ $spec == @ARG ]]; then
			[[ $arg == KIND ]] && kind=$vals
			continue
		fi
		ARG[$spec]=$arg
		VALS[$spec]=$vals
		opts+=("$spec")
	done <<< "$lines"

	# the words before this one: which is an option's value, which a file
	local want="" after_dd=0
	for ((i = 0; i < ${#words[@]} - 1; i++)); do
		w=${words[i]}
		if [[ -n $want ]]; then
			want=""
			continue
		fi
		if (( !after_dd )) && [[ $w == -- ]]; then
			after_dd=1
		elif (( !after_dd )) && [[ $w == -* && $w != - ]]; then
			[[ $w == *=* ]] && continue
			if [[ ${ARG[$w]-} != "" && ${ARG[$w]} != - && ${ARG[$w]} != =* ]]; then
				want=$w
			fi
		else
			npos=$((npos + 1))
			[[ -z $file && -f $w ]] && file=$w
		fi
	done

	local opt="" val=$cur
	if [[ -n $want ]]; then
		opt=$want
	elif [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		val=${cur#*=}
	fi
	local -a cand=()
	local pre=""
	if [[ -n $opt ]]; then
		arg=${ARG[$opt]-}
		arg=${arg#=}
		vals=${VALS[$opt]-}
		# lists: the words after the last comma
		case $arg in
		*LIST* | *COLS* | *,*)
			if [[ $val == *,* ]]; then
				pre=${val%,*},
				val=${val##*,}
			fi ;;
		esac
		if [[ $opt == --col && $val == *=* ]]; then
			pre=${val%%=*}=
			val=${val#*=}
			vals=""
			arg=COL
		fi
		if [[ -n $vals ]]; then
			local v
			for v in $vals; do
				[[ $v == "$val"* ]] && cand+=("$pre$v")
			done
		elif [[ $arg == *FILE* ]]; then
			compopt -o filenames 2>/dev/null
			mapfile -t cand < <(compgen -f -- "$val")
		elif [[ $arg == COL* || $arg == [ABC],[ABC]* ]]; then
			local c
			while IFS= read -r c; do
				[[ $c == "$val"* ]] && cand+=("$pre$c")
			done < <(_ease_columns "$file")
		elif [[ $arg == ZONE ]]; then
			local z=/usr/share/zoneinfo
			[[ -d $z ]] && mapfile -t cand < <(cd "$z" && compgen -f -- "$val")
		fi
		# a word that goes on (a role's '=', a list's ',') takes no space
		if (( ${#cand[@]} == 1 )) && [[ ${cand[0]} == *= ]]; then
			compopt -o nospace 2>/dev/null
		fi
	elif [[ $cur == -* ]]; then
		local o
		for o in "${opts[@]}"; do
			[[ $o == "$cur"* ]] || continue
			[[ ${ARG[$o]} == =* ]] && cand+=("$o" "$o=") || cand+=("$o")
		done
	elif [[ -n $kind && $npos == 0 ]]; then
		local k
		for k in $kind; do
			[[ $k == "$cur"* ]] && cand+=("$k")
		done
	else
		compopt -o filenames 2>/dev/null
		mapfile -t cand < <(compgen -f -- "$cur")
	fi
	# bash replaces only the part of the word after its last '=' or ':'
	local cut=${cur%"${cur##*[=:]}"}
	COMPREPLY=()
	local x
	for x in "${cand[@]}"; do
		[[ -n $cut && $x == "$cut"* ]] && x=${x#"$cut"}
		COMPREPLY+=("$x")
	done
}

# The words of the line up to the cursor, split at blanks only (bash splits
# at '=' and ':' too).
_ease_words() {
	local line=${COMP_LINE:0:COMP_POINT}
	read -r -a _ease_w <<< "$line"
	[[ $line == *[[:space:]] || ${#_ease_w[@]} == 0 ]] && _ease_w+=("")
}

_ease_tool() {
	local -a _ease_w
	_ease_words
	_ease_complete_tool "${_ease_w[0]}" "${_ease_w[@]:1}"
}

_ease() {
	local -a _ease_w tools
	_ease_words
	local ease=${_ease_w[0]} cur=${_ease_w[${#_ease_w[@]} - 1]} t
	COMPREPLY=()
	if (( ${#_ease_w[@]} == 2 )); then
		mapfile -t tools < <("$ease" --list-tools 2>/dev/null)
		for t in "${tools[@]}" help -h --help -V --version; do
			[[ $t == "$cur"* ]] && COMPREPLY+=("$t")
		done
	elif [[ ${_ease_w[1]} == help ]]; then
		(( ${#_ease_w[@]} == 3 )) || return 0
		mapfile -t tools < <("$ease" --list-tools 2>/dev/null)
		for t in "${tools[@]}" diary ease; do
			[[ $t == "$cur"* ]] && COMPREPLY+=("$t")
		done
	else
		# the tool ease runs: beside ease, else on PATH
		local tool=ease-${_ease_w[1]} dir
		dir=$(type -P "$ease" 2>/dev/null)
		dir=${dir%/*}
		[[ -n $dir && -x $dir/$tool ]] && tool=$dir/$tool
		_ease_complete_tool "$tool" "${_ease_w[@]:2}"
	fi
}

complete -F _ease ease
# every ease-TOOL on PATH now, and the one this file was loaded for
for _ease_t in $(compgen -c ease- | sort -u); do
	complete -F _ease_tool "$_ease_t"
done
unset _ease_t

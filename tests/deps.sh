#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Which Debian packages ease needs, what is missing, and (as root) installing it.
#   deps.sh check    fail with the package names when the build cannot work
#   deps.sh install  apt-get install what is missing, or print the command
#   deps.sh install html   the same, with what make html-check needs
#   deps.sh install fuzz   the same, with what make fuzz needs (groups may be combined)
#   deps.sh install ref    the same, with R and SciPy for make ref-check
set -u

BUILD="gcc make pkg-config libgsl-dev libcsv-dev"
RUN="gnuplot-nox"
TEST="perl groff-base locales valgrind python3-icalendar"
# make html-check only: a browser is a large install, not needed to use ease
HTML="python3-html5lib python3-pil chromium"
# make fuzz only: libFuzzer (clang and its runtime) and python3 for the tools' stage
FUZZ="clang libclang-rt-14-dev python3"
# make ref-check only: the independent references of the statistics
REF="r-base-core r-cran-survival r-cran-nlme r-cran-sandwich python3-scipy python3-pandas python3-statsmodels"

missing_build() {
	m=""
	command -v cc >/dev/null 2>&1 || m="$m gcc"
	command -v pkg-config >/dev/null 2>&1 || m="$m pkg-config"
	pkg-config --exists gsl 2>/dev/null || m="$m libgsl-dev"
	# linked into a file of our own: as root, the linker would replace
	# /dev/null itself with the program
	t=$(mktemp)
	printf '#include <csv.h>\nint main(void){return 0;}\n' |
		${CC:-cc} -x c -o "$t" - -lcsv >/dev/null 2>&1 || m="$m libcsv-dev"
	rm -f "$t"
	echo $m
}

missing_pkgs() {
	m=""
	for p in $BUILD $RUN $TEST ${EXTRA:-}; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || m="$m $p"
	done
	echo $m
}

case "${1:-check}" in
check)
	m=$(missing_build)
	if [ -n "$m" ]; then
		echo "ease: cannot build: missing $m" >&2
		echo "ease: install with: apt-get install $m   (or: make deps)" >&2
		exit 1
	fi
	;;
install)
	shift
	EXTRA=""
	for g in "$@"; do
		case $g in
		html) EXTRA="$EXTRA $HTML" ;;
		fuzz) EXTRA="$EXTRA $FUZZ" ;;
		ref) EXTRA="$EXTRA $REF" ;;
		*) echo "deps.sh: no group '$g' (html, fuzz, ref)" >&2; exit 2 ;;
		esac
	done
	command -v dpkg-query >/dev/null 2>&1 || {
		echo "ease: not a Debian system; install GSL, libcsv and gnuplot yourself" >&2
		exit 1
	}
	m=$(missing_pkgs)
	if [ -n "$m" ]; then
		if [ "$(id -u)" = 0 ]; then
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $m >/dev/null || exit 1
		else
			echo "run as root: apt-get install $m"
			exit 1
		fi
	fi
	# The locale test needs a German locale to exist.
	if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
		if [ "$(id -u)" = 0 ] && [ -f /etc/locale.gen ]; then
			sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
			grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' >> /etc/locale.gen
			locale-gen >/dev/null 2>&1
		fi
	fi
	echo "ease: dependencies are installed"
	;;
esac

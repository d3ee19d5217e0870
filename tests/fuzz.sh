#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make fuzz: the CSV reader, value parsers and gnuplot escaper under libFuzzer with ASan and
# UBSan, for FUZZ_SECONDS (default 60), starting from the test inputs.
# Every stage runs (a stage that cannot be built fails the run); a finding fails it.
# FUZZ_SEED fixes every stage's random choices (CI: the same seed each run, so that
# its fuzzing is a regression check that a machine's luck cannot turn red); without
# it each stage draws a seed and prints it, to replay a finding.
# Needs: apt-get install clang libclang-rt-14-dev python3 (sh tests/deps.sh install fuzz)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/build/fuzz"
mkdir -p "$out/corpus"
command -v clang >/dev/null 2>&1 || { echo "fuzz: needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "fuzz: needs python3 for the tools' stage" >&2; exit 1; }
# the library once, for both fuzzers: the escaper's file needs the writer, the writer the rest
rm -rf "$out/obj"
mkdir -p "$out/obj"
gslc=$(pkg-config --cflags gsl)
# two compilers at a time, as the Makefile's -j2
for f in "$top"/lib/*.c; do echo "$f"; done |
	xargs -P 2 -I @ sh -c 'f=$1; n=${f##*/}; exec clang -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
		-std=c11 -D_POSIX_C_SOURCE=200809L -I"$2/include" $3 -c -o "$4/obj/${n%.c}.o" "$f"' \
		sh @ "$top" "$gslc" "$out"
fuzzer() {	# fuzzer NAME: links tests/fuzz/NAME.c with the library
	clang -g -O1 -fsanitize=fuzzer,address,undefined -I"$top/include" \
		-o "$out/$1" "$top/tests/fuzz/$1.c" "$out"/obj/*.o -lcsv $(pkg-config --libs gsl) -lm
}
fuzzer fuzz_reader
cp "$top"/tests/data/*.csv "$out/corpus/" 2>/dev/null || true
for f in "$top"/tests/data/import/*.csv; do cp "$f" "$out/corpus/import-${f##*/}"; done 2>/dev/null || true
find "$top/tests/cases" -name '*.csv' -size -64k -exec cp {} "$out/corpus/" \; 2>/dev/null || true
"$out/fuzz_reader" ${FUZZ_SEED:+-seed="$FUZZ_SEED"} -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 "$out/corpus"

# the gnuplot escaper: nothing it returns may end its string early
fuzzer fuzz_gnuplot
mkdir -p "$out/corpus_gp"
"$out/fuzz_gnuplot" ${FUZZ_SEED:+-seed="$FUZZ_SEED"} -max_total_time="${FUZZ_SECONDS:-60}" -max_len=512 "$out/corpus_gp"

# then the tools themselves, built with the sanitizers, on mutated diaries
make -C "$top" -j2 SANITIZE=1 >/dev/null
python3 "$top/tests/fuzz/cli.py" "${FUZZ_SECONDS:-60}"

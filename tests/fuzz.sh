#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make fuzz: the CSV reader, value parsers and gnuplot escaper under libFuzzer with ASan and
# UBSan, for FUZZ_SECONDS (default 60), starting from the test inputs.
# Needs: apt-get install clang libclang-rt-14-dev
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/build/fuzz"
mkdir -p "$out/corpus"
command -v clang >/dev/null 2>&1 || { echo "fuzz: needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
clang -g -O1 -fsanitize=fuzzer,address,undefined -I"$top/include" $(pkg-config --cflags gsl) \
	-o "$out/fuzz_reader" "$top/tests/fuzz/fuzz_reader.c" "$top"/lib/*.c -lcsv $(pkg-config --libs gsl) -lm
cp "$top"/tests/data/*.csv "$out/corpus/" 2>/dev/null || true
for f in "$top"/tests/data/import/*.csv; do cp "$f" "$out/corpus/import-${f##*/}"; done 2>/dev/null || true
find "$top/tests/cases" -name '*.csv' -size -64k -exec cp {} "$out/corpus/" \; 2>/dev/null || true
"$out/fuzz_reader" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 "$out/corpus"

# the gnuplot escaper: nothing it returns may end its string early
clang -g -O1 -fsanitize=fuzzer,address,undefined -I"$top/include" \
	-o "$out/fuzz_gnuplot" "$top/tests/fuzz/fuzz_gnuplot.c" "$top/lib/gnuplot.c" "$top/lib/err.c" "$top/lib/value.c"
mkdir -p "$out/corpus_gp"
"$out/fuzz_gnuplot" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=512 "$out/corpus_gp"

# then the tools themselves, built with the sanitizers, on mutated diaries
if command -v python3 >/dev/null 2>&1; then
	make -C "$top" SANITIZE=1 >/dev/null
	python3 "$top/tests/fuzz/cli.py" "${FUZZ_SECONDS:-60}"
fi

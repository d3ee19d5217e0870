# SPDX-License-Identifier: GPL-3.0-or-later
# ease-simulate making the 2-million-row day table the other parts read.
# Nothing else makes this table, so there is no ratio: seconds and rows/s.
echo
echo "ease-simulate (2,000,000 days)"
bench_run "ease-simulate --days 2000000" \
	ease-simulate --days 2000000 --start 1900-01-01 --seed 1 && \
	echo "  day table: $(echo "2000000 / ($T + 0.001)" | bc) rows/s   (target: seconds, not minutes)"
bench_run "ease-simulate --table events (same days)" \
	ease-simulate --days 2000000 --start 1900-01-01 --seed 1 --table events

# SPDX-License-Identifier: GPL-3.0-or-later
# N days from 1970-01-01: pain, sleep, doses and eight drugs, no massage
BEGIN {
	printf "date,pain,sleep_hours,meds_doses";
	for (k = 1; k <= 8; k++) printf ",med_drug%d_mg", k;
	print "";
	y = 1970; m = 1; d = 1;
	for (i = 0; i < N; i++) {
		printf "%04d-%02d-%02d,%d,%.1f,%d", y, m, d, (i * 7) % 11, 5 + (i * 13) % 40 / 10, i % 3;
		for (k = 1; k <= 8; k++) printf ",%d", (i + k) % 5 == 0 ? 100 * k : 0;
		print "";
		ml = m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31);
		if (++d > ml) { d = 1; if (++m > 12) { m = 1; y++ } }
	}
}

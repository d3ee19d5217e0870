# SPDX-License-Identifier: GPL-3.0-or-later
# Compares a day table B with the day table A it should reproduce: same rows
# (by date and subject), and every column of A that B has holds the same
# value to the decimals ease-simulate(1) writes that column with (it drops
# trailing zeros; it rounds half up, so a tie may go either way).
# Prints the columns compared and those A has and B lacks.
BEGIN {
	FS = ","
	dec["pain"] = 2; dec["time_in_bed"] = 2
	dec["sleep_hours"] = 1; dec["sleep_efficiency"] = 1
}
FNR == 1 {
	for (i = 1; i <= NF; i++) {
		if (FILENAME == ARGV[1]) { an[i] = $i; na = NF }
		else { bi[$i] = i }
	}
	next
}
FILENAME == ARGV[1] { rows[$1 "," $2] = $0; nrows++; next }
{
	key = $1 "," $(bi["subject"])
	if (!(key in rows)) { print "extra row " key; bad++; next }
	seen[key] = 1
	split(rows[key], a, ",")
	for (i = 1; i <= na; i++) {
		c = an[i]
		if (!(c in bi)) continue
		x = a[i]; y = $(bi[c])
		if (x == y) continue
		if (x == "" || y == "" || x !~ /^[0-9.]+$/ || y !~ /^[0-9.e+-]+$/) {
			print key ": " c ": " x " != " y; bad++; continue
		}
		# whole numbers are written exactly, the others rounded
		tol = (c in dec) ? 0.5 * 10 ^ -dec[c] + 1e-9 : 0
		if ((x - y) ^ 2 > tol ^ 2) {
			print key ": " c ": " x " != " y; bad++
		}
	}
}
END {
	for (k in rows) if (!(k in seen)) { print "missing row " k; bad++ }
	for (i = 1; i <= na; i++) {
		if (an[i] in bi) cmp = cmp " " an[i]; else lack = lack " " an[i]
	}
	print nrows " rows; compared:" cmp
	print "not in the event log:" lack
	print bad + 0 " differences"
}

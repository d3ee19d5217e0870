# SPDX-License-Identifier: GPL-3.0-or-later
# ease-import: a generated Sleep as Android export of N/2 nights (N lines: a
# header before each night, of varying width, as the app writes them, every
# field quoted); x floor is against the raw parse of that export.
saa="$data/saa$N.csv"
saahalf="$data/saa$HALF.csv"
if [ ! -s "$saa" ]; then
	echo "bench: generating a $((N / 2))-night Sleep as Android export..." >&2
	awk -v n=$((N / 2)) 'BEGIN {
		srand(2);
		start = 631148400;	# 1990-01-01T00:00+01:00, newest first below
		for (i = n - 1; i >= 0; i--) {
			# three records a day, so that the years stay below 3000
			t = start + i * 28800 + int(rand() * 7200);
			hours = 6 + int(rand() * 30) / 10;
			w = 1 + i % 5;
			h = "Id,Tz,From,To,Sched,Hours,Rating,Comment,Framerate,Snore,Noise,Cycles,DeepSleep,LenAdjust,Geo";
			for (k = 0; k < w; k++) h = h sprintf(",\"%d:%02d\"", 23, k * 5);
			print h ",\"Event\",\"Event\"";
			# local clock in UTC+1 all year: Tz Etc/GMT-1 has no daylight saving
			f = t + 3600; e = f + int(hours * 3600 + 0.5);
			printf "\"%.0f000\",\"Etc/GMT-1\",\"%s\",\"%s\",\"%s\",\"%.1f\",\"%s\",\"%s\",\"10000\",\"-1\",\"-1.0\",\"-1\",\"-2.0\",\"0\",\"\"",
				t, saa(f), saa(e), saa(e), hours, (i % 3) ? "4.0" : "0.0", (i % 4) ? "" : "#stress slept badly";
			for (k = 0; k < w; k++) printf ",\"%.1f\"", rand();
			printf ",\"DEEP_START-%.0f000\",\"DEEP_END-%.0f000\"\n", t, t + 600;
		}
	}
	function saa(s,   z, era, doe, yoe, y, doy, mp, d, m) {
		z = int(s / 86400) + 719468; era = int(z / 146097); doe = z - era * 146097;
		yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365);
		y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100));
		mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1;
		m = mp < 10 ? mp + 3 : mp - 9; y += (m <= 2);
		return sprintf("%d. %d. %d %d:%02d", d, m, y, int(s % 86400 / 3600), int(s % 3600 / 60));
	}' > "$saa.tmp" && mv "$saa.tmp" "$saa"
fi
# whole nights: a header line and a record line each
[ -s "$saahalf" ] || head -n $((HALF / 2 * 2)) "$saa" > "$saahalf"
tool "ease-import (Sleep as Android)" 'ease-import "$1"' "$saa" "$saahalf" 2

# SPDX-License-Identifier: GPL-3.0-or-later
# ease-plot's script mode (no gnuplot run: the script to standard output),
# a 7-day trend of pain on the day table as one subject's diary of N days.
tool "ease-plot trend (script)" 'ease-plot trend -f pain --smooth 7 "$1"' "$day" "$dayhalf" 1.5

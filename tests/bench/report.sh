# SPDX-License-Identifier: GPL-3.0-or-later
# ease-report (text) on the day table as one subject's diary of N days.
tool "ease-report" 'ease-report "$1"' "$day" "$dayhalf" 1.5

# SPDX-License-Identifier: GPL-3.0-or-later
# ease-check judging every cell of the day table.  Neither datamash nor
# Miller checks values, so there is no peer.
tool ease-check 'ease-check "$1"' "$day" "$dayhalf" 1.5

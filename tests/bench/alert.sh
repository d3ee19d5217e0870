# SPDX-License-Identifier: GPL-3.0-or-later
# ease-alert, every rule, on the whole table (exit 1, an alert, is no failure).
tool "ease-alert" 'ease-alert "$1"' "$day" "$dayhalf" 1.5

# SPDX-License-Identifier: GPL-3.0-or-later
# ease-relief: relief runs per session, and the Kaplan-Meier summary.
tool ease-relief 'ease-relief "$1"' "$day" "$dayhalf" 1.5
tool "ease-relief --summary" 'ease-relief --summary "$1"' "$day" "$dayhalf" 1.5

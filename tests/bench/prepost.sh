# SPDX-License-Identifier: GPL-3.0-or-later
# ease-prepost: the event design by technique (every massage day of the
# table, its 3 days before against its 3 days after, tests per technique).
tool "ease-prepost --event massage --by technique" \
	'ease-prepost --event massage --value pain --by technique "$1"' "$day" "$dayhalf" 1.5

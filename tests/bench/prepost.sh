# SPDX-License-Identifier: GPL-3.0-or-later
# ease-prepost: the event design by technique (every massage day of the
# table, its 3 days before against its 3 days after, tests per technique)
# against ease-smooth's 7-day average on the same table: both read every row
# once; the target is within 2x of it.
echo
echo "ease-prepost"
bench_run "ease-smooth -f pain -w 7" ease-smooth -f pain -w 7 "$day"; ppsmooth=$T
bench_run "ease-prepost --event massage --value pain --by technique" \
	ease-prepost --event massage --value pain --by technique "$day"; pp=$T; ppm=$M
echo "  ease-prepost / ease-smooth:   $(ratio "$pp" "$ppsmooth")x   (target <= 2)"
echo "  ease-prepost peak memory: $(echo "$ppm / 1024" | bc) MB (the events' before and after means)"

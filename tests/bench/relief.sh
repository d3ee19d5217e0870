# SPDX-License-Identifier: GPL-3.0-or-later
# ease-relief: relief runs per session and the Kaplan-Meier summary, against
# ease-smooth's 7-day average timed in the same run: both read every day of
# the table once, so relief should cost no more than twice a smoothing pass.
echo
echo "ease-relief"
bench_run "ease-smooth -f pain -w 7" ease-smooth -f pain -w 7 "$day"; rsma=$T
bench_run "ease-relief" ease-relief "$day"; rel=$T; relm=$M
bench_run "ease-relief --summary" ease-relief --summary "$day"; rels=$T; relsm=$M
echo "  ease-relief / ease-smooth -w 7:           $(ratio "$rel" "$rsma")x   (target <= 2)"
echo "  ease-relief --summary / ease-smooth -w 7: $(ratio "$rels" "$rsma")x   (target <= 2)"
echo "  ease-relief peak memory: sessions $(echo "$relm / 1024" | bc) MB, summary $(echo "$relsm / 1024" | bc) MB (target < 16)"

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The number of schedules a randomized block design admits, by brute force:
# every sequence of blocks (each block an order of all arms) is enumerated and
# those with a run of one arm longer than --max-run are dropped.  Its output
# is tests/cases/plan/counts/out, which ease-plan's "# schedules:" lines must
# reproduce.  (A check independent of lib/plan.c's closed form.)
import itertools

designs = [(2, 1, 0), (2, 3, 0), (2, 6, 0), (2, 6, 1), (2, 6, 2), (3, 2, 0),
           (3, 2, 1), (3, 3, 1), (4, 2, 1), (4, 3, 1), (2, 10, 0), (3, 4, 1)]

def admitted(k, blocks, max_run):
    perms = list(itertools.permutations(range(k)))
    n = 0
    for seq in itertools.product(perms, repeat=blocks):
        flat = [a for b in seq for a in b]
        run = longest = 1
        for i in range(1, len(flat)):
            run = run + 1 if flat[i] == flat[i - 1] else 1
            longest = max(longest, run)
        if max_run == 0 or longest <= max_run:
            n += 1
    return n

for k, blocks, max_run in designs:
    print(f"arms={k} blocks={blocks} max-run={max_run or 'none'}: {admitted(k, blocks, max_run)}")

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Mutation fuzzing of the tools themselves: mutated diaries through the
sanitizer build (make SANITIZE=1), every tool and many options.  A finding is
a sanitizer report, a signal, or an exit status outside 0, 1, 2 and 65 (so
ease-plot's 69: gnuplot refused a script ease wrote); its input and command
are kept in build/fuzz/cli/.  Usage: cli.py SECONDS [SEED]; without a seed
(or FUZZ_SEED) one is drawn and printed, so that a finding can be replayed."""
import os, random, subprocess, sys, time

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
bindir = os.path.join(top, "build", "san", "bin")
out = os.path.join(top, "build", "fuzz", "cli")
os.makedirs(out, exist_ok=True)
seeds = []
for d in (os.path.join(top, "tests", "data"), os.path.join(top, "examples"),
          os.path.join(top, "tests", "data", "import")):
    for f in sorted(os.listdir(d)):
        if f.endswith(".csv"):
            # the import fixtures as a whole: their quirks are in the middle
            seeds.append(open(os.path.join(d, f), "rb").read()[:4000] if "import" not in d
                         else open(os.path.join(d, f), "rb").read())
cmds = [
    ["ease-select", "--where", "pain>=3", "-f", "date,pain"], ["ease-select", "--last", "3"],
    ["ease-select", "--decimal-comma", "--date-format", "%d.%m.%Y", "--last", "2"],
    ["ease-check"], ["ease-check", "-d", ";", "--decimal-comma", "--date-format", "%d.%m.%Y"],
    ["ease-smooth", "-f", "pain", "-w", "3,7", "--method", "sma,median,wma,sum,min,max,count"],
    ["ease-smooth", "-f", "pain", "--center", "-w", "4"], ["ease-smooth", "-f", "pain", "--skip-bad"],
    ["ease-smooth", "-f", "pain", "--method", "ema", "--half-life", "2"],
    ["ease-corr", "-m", "all", "--lags", "-2..2"], ["ease-corr", "-m", "all", "--matrix"],
    ["ease-corr", "-x", "pain", "--explain", "--format", "table"],
    ["ease-corr", "--skip-bad", "-m", "kendall"],
    # ease-plot writes scripts only here: no gnuplot needed
    ["ease-plot", "trend", "-f", "pain", "--smooth", "3", "--events", "massage", "--y2", "sleep_hours"],
    ["ease-plot", "scatter", "-x", "sleep_hours", "-y", "pain", "--lag", "1"],
    ["ease-plot", "lags", "-x", "massage", "-y", "pain", "-m", "all"],
    ["ease-plot", "calendar", "-T", "dumb"], ["ease-plot", "meds"], ["ease-plot", "relief"],
    ["ease-alert"], ["ease-alert", "--repeat", "--skip-bad", "--grace", "400"],
    ["ease-alert", "--rules", "flare,high,sleep", "--baseline", "2", "--flare-span", "1",
     "--sleep-nights", "1/1", "--high-days", "1"],
    # every app export through ease-import, by its header and by name
    ["ease-import", "--tz", "Europe/Berlin"], ["ease-import", "--skip-bad", "--tz", "America/New_York"],
    ["ease-import", "--date-format", "%d-%m-%Y", "-v"],
] + [["ease-import", "--skip-bad", "--from", f] for f in
     ("bearable", "sleep-as-android", "fitbit", "sleep-cycle", "plees-tracker", "secuso")]
# ease-plot running gnuplot: whatever names a mutated diary holds, gnuplot must
# draw them (exit 69 is a finding: the escaper let gnuplot reject its script)
if subprocess.run(["sh", "-c", "command -v gnuplot"], capture_output=True).returncode == 0:
    cmds += [["ease-plot", "trend", "--events", "massage", "-o", os.path.join(out, "p.txt")],
             ["ease-plot", "relief", "-o", os.path.join(out, "p.svg")],
             ["ease-plot", "techniques", "-T", "dumb", "-o", os.path.join(out, "p.txt")]]
alphabet = b',;"\n\r\t 0123456789.-:NAna|T\x00\xef\xbb\xbf'
tokens = [b"#tag", b"12:00:00 AM", b"11:59PM", b"27. 11. 2020 7:38", b"22nd Sep 2020",
          b"1606459080000", b"Id,Tz,From,To,Sched,Hours,Rating,Comment\n", b"79%", b"1,005",
          b"2026-02-30", b"2028-02-29", b"11", b"-1", b"NA", b'"', b"\n\n", b"1e308",
          b"9999-12-31", b"0000-01-01", b"\r", b"subject", b",,,,"]


def mutate(data):
    d = bytearray(data)
    for _ in range(random.randint(1, 8)):
        if not d:
            d = bytearray(b"date,pain\n")
        i = random.randrange(len(d))
        op = random.random()
        if op < 0.3:
            d[i] = random.choice(alphabet)
        elif op < 0.5:
            del d[i:i + random.randint(1, 10)]
        elif op < 0.7:
            d[i:i] = bytes(random.choice(alphabet) for _ in range(random.randint(1, 5)))
        elif op < 0.85:
            j = random.randrange(len(d))
            d[i:i] = d[j:j + random.randint(1, 40)]
        else:
            d[i:i] = random.choice(tokens)
    return bytes(d)


def main():
    end = time.time() + float(sys.argv[1] if len(sys.argv) > 1 else 60)
    seed = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("FUZZ_SEED") or str(
        random.SystemRandom().randrange(1 << 32))
    random.seed(int(seed))
    runs = found = 0
    path = os.path.join(out, "input.csv")
    while time.time() < end:
        data, cmd = mutate(random.choice(seeds)), random.choice(cmds)
        open(path, "wb").write(data)
        try:
            p = subprocess.run([os.path.join(bindir, cmd[0])] + cmd[1:] + [path],
                               capture_output=True, timeout=60)
            status, err = p.returncode, p.stderr.decode("latin-1")
        except subprocess.TimeoutExpired:
            status, err = -1, "no end within 60 s"
        runs += 1
        if status not in (0, 1, 2, 65) or "Sanitizer" in err or "runtime error" in err:
            found += 1
            open(os.path.join(out, "finding%d.csv" % found), "wb").write(data)
            open(os.path.join(out, "finding%d.txt" % found), "w").write(
                " ".join(cmd) + "\nstatus %d\n" % status + err[:4000])
    print("cli fuzz: seed %s, %d runs, %d findings (in %s)" % (seed, runs, found, out))
    return 1 if found else 0


sys.exit(main())

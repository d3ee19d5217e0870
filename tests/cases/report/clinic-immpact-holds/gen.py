# two.csv: subject a's pain drops from about 7 to about 2 (a change that holds),
# subject b's stays at about 5.
import datetime, random
random.seed(4)
d0 = datetime.date(2026, 1, 1)
rows = ["date,subject,pain"]
for subj, (b, a) in {"a": (7, 2), "b": (5, 5)}.items():
    for i in range(14):
        base = b if i < 7 else a
        rows.append(f"{d0 + datetime.timedelta(i)},{subj},{base + random.choice([-0.2, 0, 0.2]):.1f}")
open("two.csv", "w").write("\n".join(rows) + "\n")

# late.csv: each session lowers pain by 3 points on the 2nd and 3rd day after
# it, not the 1st: a clear benefit whose relief does not last into the next day.
import datetime
d0 = datetime.date(2026, 1, 1)
rows = ["date,pain,massage,technique"]
noise = [0.0, 0.2, -0.2, 0.1, -0.1, 0.3, -0.3, 0.0]
for i in range(12 * 8):
    k, c = i % 8, i // 8
    p = {2: 2, 3: 2}.get(k, 5) + noise[(i * 3 + c) % 8]
    m = 1 if k == 0 and c > 0 else 0
    rows.append(f"{d0 + datetime.timedelta(i)},{p:.1f},{m},{'Swedish' if m else ''}")
open("late.csv", "w").write("\n".join(rows) + "\n")

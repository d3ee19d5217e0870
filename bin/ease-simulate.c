/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ease-simulate: synthetic diaries with known effects. */
#include "ease/opts.h"
#include "ease/simulate.h"

static const ease_tool tool = {
	"simulate", "[OPTION]...",
	"  Output (and -o, --format, --digits below):\n"
	"      --table T        day (default): the day table; events: the event log;\n"
	"                       sessions: the therapist's table; one table a run\n"
	"                       (--format T, its old spelling, warns)\n"
	"      --truth FILE     also write the parameters used, as CSV (--digits)\n"
	"      --in-bed         day table: add time_in_bed and sleep_efficiency\n"
	"  Diary:\n"
	"      --days N         days per subject (365; with --plan, to its end)\n"
	"      --start DATE     first day (2026-01-01; with --plan, its first)\n"
	"      --subjects N     subjects s01, s02, ... (1; a subject column when > 1)\n"
	"      --seed S         random seed 0..4294967295 (1); same seed, same bytes\n"
	"      --missing P      chance that a day is not recorded (0)\n"
	"  Pain:\n"
	"      --pain X         mean baseline pain 0-10 (5)\n"
	"      --subject-sd X   SD of the baseline between subjects (1)\n"
	"      --weekly X       amplitude of the weekly pattern, points (0.4)\n"
	"      --ar X           AR(1) coefficient of day-to-day noise (0.6)\n"
	"      --noise-sd X     SD of that noise (1)\n"
	"      --ratings N      at most N ratings a day, 1..8 (3)\n"
	"      --rating-sd X    SD of one rating around the day's level (0.7)\n"
	"      --flares X       flare episodes a year (4)\n"
	"      --flare-size X   points a flare adds (2)\n"
	"      --flare-days X   mean length of a flare in days (5)\n"
	"  Massage:\n"
	"      --baseline-days N  days without massage at the start (28)\n"
	"      --every N        a session every N days (4) ...\n"
	"      --jitter N       ... give or take up to N days (1)\n"
	"      --per-week K     or K sessions on random days of each week\n"
	"      --plan FILE      or the sessions of a schedule of ease-plan: its\n"
	"                       technique (a random one for 'massage'), none on\n"
	"                       'none' units and other days\n"
	"      --techniques L   techniques in use (all): trigger point, deep tissue,\n"
	"                       Swedish, myofascial release, lumbar and hip,\n"
	"                       acupressure (any spelling: deep_tissue, TPT, MFR)\n"
	"      --effect T=P:H   technique T relieves P points the day after, with a\n"
	"                       half-life of H days (repeatable; :H optional)\n"
	"      --response-sd X  log-scale SD of effects between subjects (0.3)\n"
	"  Sleep, medication, stress:\n"
	"      --sleep X        mean hours asleep (7)\n"
	"      --sleep-sd X     SD of hours asleep (0.8)\n"
	"      --sleep-slope X  hours less per point of pain the day before (0.35)\n"
	"      --med-threshold X  pain at which painkillers get likely (6)\n"
	"      --stress X       mean stress 0-10 (4)\n",
	"  ease-simulate --days 365 --baseline-days 91 > diary.csv\n"
	"  ease-simulate --subjects 3 --seed 7 --truth truth.csv > clinic.csv\n"
	"  ease-simulate --table sessions --effect 'trigger point=2:3' --techniques TPT\n",
	"", ease_sim_longopts, EASE_O_OUTPUT | EASE_O_DIGITS, ease_sim_handle, 0
};

int
main(int argc, char **argv)
{
	ease_common c;
	ease_sim_opts o;

	ease_sim_defaults(&o);
	ease_parse_args(&tool, argc, argv, &c, &o);
	o.output = c.output;
	o.layout = c.format;
	o.digits = c.digits;
	return ease_sim_run(&o);
}

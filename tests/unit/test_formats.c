/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table of app exports known by their header. */
#include "ease/formats.h"
#include "tap.h"


/* A header record over the cells of S split at ','. */
static const ease_rec *
header(const char *s)
{
	static char buf[512];
	static char *f[32];
	static size_t len[32];
	static ease_rec h;
	char *p = buf;

	snprintf(buf, sizeof buf, "%s", s);
	h.n = 0;
	h.f = f;
	h.len = len;
	h.line = 1;
	for (;;) {
		char *e = strchr(p, ',');

		f[h.n] = p;
		if (e)
			*e = '\0';
		len[h.n] = strlen(p);
		h.n++;
		if (!e)
			break;
		p = e + 1;
	}
	return &h;
}

static const char *
detected(const char *s)
{
	const ease_format *fm = ease_format_detect(header(s));

	return fm ? fm->name : NULL;
}

int
main(void)
{
	/* every entry recognises the columns it lists */
	for (const ease_format *fm = ease_formats(); fm->name; fm++) {
		char line[512] = "";

		for (const char *const *c = fm->cols; *c; c++)
			snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s",
				 c == fm->cols ? "" : ",", *c);
		is_str(detected(line), fm->name, fm->name);
	}
	is_str(detected("date formatted,date,weekday,time of day,category,rating/amount,detail,notes"),
	       "bearable", "Bearable with 'date formatted' first");
	is_str(detected(" Start ; End "), NULL, "one cell is not Sleep Cycle");
	is_str(detected("START,end,SLEEP QUALITY,Regularity"), "sleep-cycle", "case does not matter");
	is_str(detected("end,start,sleep quality"), NULL, "leading columns keep their order");
	is_str(detected("date,pain,sleep_hours"), NULL, "a day table");
	is_str(detected("start,end,kind,name,value"), NULL, "an event log");
	is_str(detected("subject,date,technique,pain_before,pain_after"), NULL, "a kind table");
	ok(ease_format_is_title(header("Sleep")), "Fitbit's title line");
	ok(!ease_format_is_title(header("Sleep,x")), "two cells are no title");
	return tap_done();
}

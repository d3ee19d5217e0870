/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Technique names: keys, the known six, '|' lists, the register. */
#include "ease/technique.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static char *kb;
static size_t kcap;

static const char *
key(const char *s)
{
	return ease_tech_key(s, strlen(s), &kb, &kcap);
}

static void
keys(void)
{
	is_str(key("Deep Tissue"), "deep tissue", "case folded");
	is_str(key("deep_tissue"), "deep tissue", "'_' is a space");
	is_str(key("deep-tissue massage"), "deep tissue", "'-', trailing massage");
	is_str(key("  Deep   tissue  "), "deep tissue", "runs and ends of blanks");
	is_str(key("trigger point therapy"), "trigger point", "trailing therapy");
	is_str(key("TPT"), "trigger point", "alias TPT");
	is_str(key("MFR"), "myofascial release", "alias MFR");
	is_str(key("myofascial_release"), "myofascial release", "old spelling");
	is_str(key("lumbar & hip"), "lumbar hip", "&");
	is_str(key("lumbar/hip"), "lumbar hip", "/");
	is_str(key("Lumbar and Hip"), "lumbar hip", "and is &");
	is_str(key("lumbar and hip focused"), "lumbar hip", "alias lumbar and hip focused");
	is_str(key("lumbar_hip"), "lumbar hip", "old simulate spelling");
	is_str(key("SWEDISH massage"), "swedish", "Swedish");
	is_str(key("Massage"), "massage", "massage alone stays");
	is_str(key("Hot stone massage"), "hot stone", "unknown name keyed alike");
	is_str(key("massage therapy"), "massage", "the last word left");
	is_str(key("Swedish massage therapy"), "swedish", "both trailing words");
	is_str(key("therapy massage x"), "therapy massage x", "only trailing");
	is_str(key("Schröpfen"), "schröpfen", "UTF-8 kept");
	is_str(key(""), "", "empty");
	is_str(key("_-/&"), "", "separators only");
	is_str(ease_tech_key("deep tissue|x", 11, &kb, &kcap), "deep tissue", "length honoured");
	is_str(key("deep\xc2\xa0tissue"), "deep tissue", "no-break space");
	is_str(key("\xe2\x80\x83" "Deep\xe2\x80\xaf" "tissue\xe3\x80\x80"), "deep tissue",
	       "em, narrow no-break and ideographic spaces");
	is_str(key("trigger points"), "trigger point", "alias trigger points");
	is_str(key("Myofascial"), "myofascial release", "alias myofascial");
	is_str(key("deep-tissue"), "deep tissue", "deep-tissue");
	is_str(key("swedish"), "swedish", "swedish");
	is_str(key("Myofasical"), "myofasical", "a slip is not mapped");
}

static void
known(void)
{
	ok(ease_tech_known("Swedish", 7) == EASE_TECH_SWEDISH, "Swedish known");
	ok(ease_tech_known("lumbar&hip", 10) == EASE_TECH_LUMBAR_HIP, "lumbar&hip known");
	ok(ease_tech_known("acupressure massage", 19) == EASE_TECH_ACUPRESSURE, "acupressure");
	ok(ease_tech_known("cupping", 7) == -1, "cupping unknown");
	is_str(ease_tech_name(EASE_TECH_DEEP_TISSUE), "deep tissue", "canonical deep tissue");
	is_str(ease_tech_name(EASE_TECH_LUMBAR_HIP), "lumbar and hip", "canonical lumbar and hip");
	is_str(ease_tech_name(EASE_NTECH), "", "out of range");
	is_str(ease_tech_names(), "trigger point, deep tissue, Swedish, myofascial release, "
	       "lumbar and hip, acupressure", "the list");
}

/* The members of CELL joined with '/' */
static const char *
members(const char *cell)
{
	static char out[128];
	const char *item;
	size_t len, n = 0;
	int first = 1;

	out[0] = '\0';
	while (ease_list_next(&cell, &item, &len)) {
		if (!first)
			out[n++] = '/';
		first = 0;
		memcpy(out + n, "[", 1);
		memcpy(out + n + 1, item, len);
		n += len + 1;
		out[n++] = ']';
		out[n] = '\0';
	}
	return out;
}

static void
lists(void)
{
	is_str(members("deep tissue|trigger point"), "[deep tissue]/[trigger point]", "two");
	is_str(members(" a | b "), "[a]/[b]", "blanks trimmed");
	is_str(members("a"), "[a]", "one");
	is_str(members(""), "", "empty cell: none");
	is_str(members("a||b"), "[a]/[]/[b]", "empty member");
	is_str(members("a|"), "[a]", "trailing bar");
	is_str(members("|a"), "[]/[a]", "leading bar");
	is_str(members("N/A"), "[]", "N/A: no technique");
	is_str(members("none"), "[]", "none: no technique");
	is_str(members(" NaN "), "[]", "NaN: no technique");
	is_str(members("-"), "[]", "-: no technique");
	is_str(members("NONE|tpt"), "[]/[tpt]", "a missing member");
	is_str(members("nonesuch"), "[nonesuch]", "a name that starts with none");
	is_str(members("a, b"), "[a]/[b]", "comma");
	is_str(members("a + b;c"), "[a]/[b]/[c]", "plus and semicolon");
	is_str(members("a / b"), "[a]/[b]", "slash with blanks");
	is_str(members("lumbar/hip"), "[lumbar/hip]", "bare slash is inside a name");
	is_str(members("lumbar & hip"), "[lumbar & hip]", "& is inside a name");
	is_str(members("lumbar and hip"), "[lumbar and hip]", "and is inside a name");
	is_str(members("\xc2\xa0" "a\xc2\xa0" "|b"), "[a]/[b]", "no-break spaces trimmed");
}

static void
register_(void)
{
	ease_technames *t = ease_technames_new();
	char name[32];

	is_str(ease_technames_add(t, "deep_tissue", 11), "deep tissue", "known: canonical");
	is_str(ease_technames_add(t, "Hot Stone", 9), "Hot Stone", "first spelling");
	is_str(ease_technames_add(t, "hot-stone massage", 17), "Hot Stone", "kept");
	ease_technames_add_list(t, "TPT|Deep Tissue|swedish");
	is_long(ease_technames_count(t), 4, "four names");
	is_str(ease_technames_get(t, 2), "trigger point", "order met");
	is_str(ease_technames_get(t, 3), "Swedish", "Swedish");
	is_str(ease_technames_get(t, 4), NULL, "past the end");
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "Technique %d", i);
		ease_technames_add(t, name, strlen(name));
	}
	ease_technames_add(t, "technique_500", 13);
	is_long(ease_technames_count(t), 1004, "grows");
	is_str(ease_technames_get(t, 504), "Technique 500", "found after growing");
	ease_technames_free(t);
}

int
main(void)
{
	keys();
	known();
	lists();
	register_();
	free(kb);
	return tap_done();
}

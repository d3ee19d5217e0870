/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A set of records told apart by their bytes: with a hash that keeps no bit
 * every record collides with every other, and still only a record of the
 * same key is found, and only the same bytes are the same record.
 */
#include "ease/recset.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

/* How many records of KEY the set holds. */
static int
count(const ease_recset *s, const char *key, size_t klen)
{
	size_t at = 0;
	int n = 0;

	while (ease_recset_next(s, key, klen, &at) >= 0)
		n++;
	return n;
}

/* HOLD: bytes held in memory; 16 sends nearly every record to the file and back */
static void
check(int bits, size_t hold)
{
	ease_recset *s = ease_recset_new(bits);
	char key[32], body[32], name[80];
	size_t at = 0;
	long i, a, b;
	int lost = 0;

	if (hold)
		ease_recset_hold(s, hold);
	ok(ease_recset_next(s, "k", 1, &at) == -1, "an empty set holds nothing");
	a = (long)ease_recset_add(s, "night 1", 7, "7.5 h", 5, 2);
	b = (long)ease_recset_add(s, "night 2", 7, "6 h", 3, 3);
	at = 0;
	i = ease_recset_next(s, "night 2", 7, &at);
	snprintf(name, sizeof name, "%d bits: the record of the key asked, not one whose hash meets",
		 bits);
	ok(i == b && ease_recset_next(s, "night 2", 7, &at) == -1, name);
	at = 0;
	ok(ease_recset_next(s, "night 3", 7, &at) == -1, "a key never added is not found");
	ok(ease_recset_same(s, (size_t)a, "7.5 h", 5), "the same bytes are the same record");
	ok(!ease_recset_same(s, (size_t)a, "7.6 h", 5), "other bytes of the same length are not");
	ok(!ease_recset_same(s, (size_t)a, "7.5 h ", 6), "nor are more bytes");
	/* NUL bytes part fields: ("ab","c") and ("a","bc") are two keys */
	ease_recset_add(s, "ab\0c", 4, "x", 1, 4);
	ok(count(s, "a\0bc", 4) == 0 && count(s, "ab\0c", 4) == 1, "fields are told by their NULs");
	/* a key held by two records: both, oldest first */
	ease_recset_add(s, "night 1", 7, "8 h", 3, 5);
	at = 0;
	ok(ease_recset_next(s, "night 1", 7, &at) == a &&
	   *ease_recset_tag(s, (size_t)ease_recset_next(s, "night 1", 7, &at)) == 5 &&
	   ease_recset_next(s, "night 1", 7, &at) == -1, "two records of one key, in order");
	*ease_recset_tag(s, (size_t)a) |= 0x80000000u;
	ok(*ease_recset_tag(s, (size_t)a) == (0x80000000u | 2), "a tag is the caller's");
	/* many, across the table's growth */
	for (int k = 0; k < 3000; k++) {
		snprintf(key, sizeof key, "r%d", k);
		snprintf(body, sizeof body, "v%d", k * 7);
		ease_recset_add(s, key, strlen(key), body, strlen(body), (uint32_t)k);
	}
	for (int k = 0; k < 3000; k++) {
		snprintf(key, sizeof key, "r%d", k);
		snprintf(body, sizeof body, "v%d", k * 7);
		at = 0;
		i = ease_recset_next(s, key, strlen(key), &at);
		if (i < 0 || !ease_recset_same(s, (size_t)i, body, strlen(body)) ||
		    *ease_recset_tag(s, (size_t)i) != (uint32_t)k ||
		    ease_recset_next(s, key, strlen(key), &at) != -1)
			lost++;
	}
	snprintf(name, sizeof name, "%d bits: 3000 records more, each found once, with its bytes",
		 bits);
	ok(lost == 0, name);
	ok(ease_recset_count(s) == 3004, "the count");
	ease_recset_free(s);
}

int
main(void)
{
	check(64, 0);
	check(1, 0);
	check(0, 0);
	check(64, 16);
	check(1, 16);
	check(0, 16);
	/* hashed once by the caller: found as by the key alone, and the other way */
	{
		ease_recset *s = ease_recset_new(64);
		size_t at = 0;
		uint64_t h = ease_recset_hash(s, "night 9", 7);

		ok(ease_recset_next_h(s, "night 9", 7, h, &at) == -1, "hashed: not there yet");
		is_long((long)ease_recset_add_h(s, "night 9", 7, h, "6 h", 3, 9), 0, "hashed: added");
		at = 0;
		is_long(ease_recset_next(s, "night 9", 7, &at), 0, "added hashed, found by its key");
		ease_recset_add(s, "night 10", 8, "5 h", 3, 10);
		at = 0;
		is_long(ease_recset_next_h(s, "night 10", 8, ease_recset_hash(s, "night 10", 8), &at),
			1, "added by its key, found hashed");
		ease_recset_free(s);
	}
	return tap_done();
}

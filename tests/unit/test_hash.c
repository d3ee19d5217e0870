/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The library's string hash is 64-bit FNV-1a.  Expected values: the test
 * vectors published with FNV (the empty string is the offset basis).
 */
#include "ease/hash.h"
#include "tap.h"

int
main(void)
{
	ok(ease_hash("") == 0xcbf29ce484222325ULL, "empty string: the offset basis");
	ok(ease_hash("a") == 0xaf63dc4c8601ec8cULL, "FNV-1a of 'a'");
	ok(ease_hash("foobar") == 0x85944171f73967e8ULL, "FNV-1a of 'foobar'");
	ok(ease_hash_field(ease_hash_field(EASE_HASH_START, "ab"), "c") !=
	   ease_hash_field(ease_hash_field(EASE_HASH_START, "a"), "bc"),
	   "fields: ('ab','c') differs from ('a','bc')");
	return tap_done();
}

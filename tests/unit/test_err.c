/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What messages show of a cell or a name: invisible bytes made visible. */
#include "ease/err.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static const char *
shown(const char *s, size_t n)
{
	static char buf[64];

	return ease_shown(s, buf, n);
}

int
main(void)
{
	char buf[64];

	is_str(shown("pain", 64), "pain", "plain text as it is");
	is_str(shown("Schmerzstärke", 64), "Schmerzstärke", "valid UTF-8 as it is");
	is_str(shown("\xEF\xBB\xBF" "date", 64), "\\xEF\\xBB\\xBFdate", "a stray BOM");
	is_str(shown("4\r", 64), "4\\r", "CR");
	is_str(shown("a\tb\nc", 64), "a\\tb\\nc", "tab and newline");
	is_str(shown("\x01\x7f", 64), "\\x01\\x7F", "C0 control and DEL");
	is_str(shown("\xC2\x85", 64), "\\xC2\\x85", "C1 control (NEL)");
	is_str(shown("7\xC2\xA0" "5", 64), "7\\xC2\\xA05", "no-break space");
	is_str(shown("p\xE2\x80\x8B" "ain", 64), "p\\xE2\\x80\\x8Bain", "zero-width space");
	is_str(shown("\xE2\x80\xAE" "abc", 64), "\\xE2\\x80\\xAEabc", "right-to-left override");
	is_str(shown("3\xFF", 64), "3\\xFF", "invalid byte");
	is_str(shown("\xC3", 64), "\\xC3", "UTF-8 cut at the end");
	is_str(shown("\xC0\xAF", 64), "\\xC0\\xAF", "overlong form");
	is_str(shown("\xED\xA0\x80", 64), "\\xED\\xA0\\x80", "surrogate");
	is_str(shown("\xF4\x90\x80\x80", 64), "\\xF4\\x90\\x80\\x80", "beyond U+10FFFF");
	is_str(ease_shown_n("4\0" "999", 5, buf, sizeof buf), "4\\x00999", "NUL inside, by length");
	is_str(shown("abcdefghij", 8), "abcd...", "long text cut and marked");
	is_str(shown("abcdefg", 8), "abcdefg", "text that just fits is not cut");
	is_str(shown("ab\xC3\xA4\xC3\xA4\xC3\xA4", 8), "ab\xC3\xA4...", "never a UTF-8 sequence cut");
	is_str(shown("\x01\x01\x01", 8), "\\x01...", "never an escape cut");
	ok(!ease_has_hidden("Schmerzstärke", strlen("Schmerzstärke")), "nothing hidden in plain UTF-8");
	ok(ease_has_hidden("p\xE2\x80\x8B" "ain", 6), "a zero-width space is hidden");
	ok(ease_has_hidden("4\0" "9", 3), "so is a NUL, by length");
	{
		size_t n;
		char *f = ease_utf8_fix("a\xC3\xA4" "b", 4, &n);
		ok(n == 4 && !memcmp(f, "a\xC3\xA4" "b", 4), "valid UTF-8 is kept as it is");
		free(f);
		f = ease_utf8_fix("x\xC3", 2, &n);
		ok(n == 4 && !memcmp(f, "x\xEF\xBF\xBD", 4), "a sequence cut short becomes U+FFFD");
		free(f);
		f = ease_utf8_fix("\xFF\xC0\xAF", 3, &n);
		ok(n == 9 && !memcmp(f, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 9),
		   "each invalid byte, overlong included, becomes one U+FFFD");
		free(f);
		f = ease_utf8_fix("\xED\xA0\x80!", 4, &n);
		ok(n == 10 && f[9] == '!', "a surrogate is three bad bytes");
		free(f);
		f = ease_utf8_fix("a\0b", 3, &n);
		ok(n == 5 && !memcmp(f, "a\xEF\xBF\xBD" "b", 5), "a NUL becomes U+FFFD");
		free(f);
		ok(ease_utf8_at("\xF0\x9F\x98\x80", 4, NULL) == 4, "a 4-byte emoji is one sequence");
		ok(ease_utf8_at("\xF0\x9F\x98", 3, NULL) == 0, "cut short it is none");
	}
	return tap_done();
}

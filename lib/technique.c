/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/technique.h"
#include "ease/hash.h"
#include "ease/cols.h"
#include "ease/err.h"
#include "ease/value.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const canon[EASE_NTECH] = {
	[EASE_TECH_TRIGGER_POINT] = "trigger point",
	[EASE_TECH_DEEP_TISSUE] = "deep tissue",
	[EASE_TECH_SWEDISH] = "Swedish",
	[EASE_TECH_MYOFASCIAL_RELEASE] = "myofascial release",
	[EASE_TECH_LUMBAR_HIP] = "lumbar and hip",
	[EASE_TECH_ACUPRESSURE] = "acupressure",
};

/* Keys of the canonical spellings, and of the aliases that are not mere
 * respellings of them. */
static const struct {
	const char *key;
	int tech;
} keys[] = {
	{"trigger point", EASE_TECH_TRIGGER_POINT},
	{"tpt", EASE_TECH_TRIGGER_POINT},
	{"trigger points", EASE_TECH_TRIGGER_POINT},
	{"deep tissue", EASE_TECH_DEEP_TISSUE},
	{"swedish", EASE_TECH_SWEDISH},
	{"myofascial release", EASE_TECH_MYOFASCIAL_RELEASE},
	{"mfr", EASE_TECH_MYOFASCIAL_RELEASE},
	{"myofascial", EASE_TECH_MYOFASCIAL_RELEASE},
	{"lumbar hip", EASE_TECH_LUMBAR_HIP},
	{"lumbar hip focused", EASE_TECH_LUMBAR_HIP},
	{"acupressure", EASE_TECH_ACUPRESSURE},
};

/*
 * The bytes of a Unicode space at S (N bytes left) in UTF-8: a no-break
 * space from a word processor or a web form, the typographic spaces, the
 * ideographic one, a zero-width space; 0 when S is none.
 */
static size_t
uspace_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;			/* U+00A0 */
	if (n < 3)
		return 0;
	if (u[0] == 0xE2 && u[1] == 0x80 && ((u[2] >= 0x80 && u[2] <= 0x8B) || u[2] == 0xAF))
		return 3;			/* U+2000..U+200B, U+202F */
	if ((u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) ||	/* U+205F */
	    (u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80) ||	/* U+1680 */
	    (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80))	/* U+3000 */
		return 3;
	return 0;
}

/* The bytes of a separator of words at S (N bytes left), 0 if none. */
static size_t
sep_len(const char *s, size_t n)
{
	char ch = *s;

	if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' ||
	    ch == '\f' || ch == '_' || ch == '-' || ch == '/' || ch == '&')
		return 1;
	return uspace_len(s, n);
}

static int
word_is(const char *w, size_t n, const char *word)
{
	return n == strlen(word) && memcmp(w, word, n) == 0;
}

size_t
ease_tech_suffix(const char *name, size_t len)
{
	static const char *const words[] = {"massage", "therapy"};

	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t k = strlen(words[i]);

		if (len >= k && (len == k || name[len - k - 1] == ' ') &&
		    strncasecmp(name + len - k, words[i], k) == 0)
			return k;
	}
	return 0;
}

/* The key without the alias step. */
static size_t
raw_key(const char *name, size_t len, char **buf, size_t *cap)
{
	size_t out = 0, words = 0;
	size_t i = 0;

	ease_grow((void **)buf, cap, len + 1, 1);
	while (i < len) {
		size_t start = out, n;

		size_t k;

		while (i < len && (k = sep_len(name + i, len - i)) > 0)
			i += k;
		if (i == len)
			break;
		if (words)
			(*buf)[out++] = ' ';
		n = out;
		while (i < len && sep_len(name + i, len - i) == 0) {
			char ch = name[i++];

			(*buf)[out++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
		}
		if (word_is(*buf + n, out - n, "and")) {
			out = start;	/* "and" is '&', a separator */
			continue;
		}
		words++;
	}
	/* "Swedish massage therapy" is Swedish; "massage" alone stays a name */
	while (words > 1) {
		size_t k = ease_tech_suffix(*buf, out);

		if (k == 0)
			break;
		out -= k + 1;
		words--;
	}
	(*buf)[out] = '\0';
	return out;
}

static int
known_key(const char *key)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(key, keys[i].key) == 0)
			return keys[i].tech;
	return -1;
}

const char *
ease_tech_key(const char *name, size_t len, char **buf, size_t *cap)
{
	int k;

	raw_key(name, len, buf, cap);
	k = known_key(*buf);
	/* an alias takes the key of its technique, the first of keys[] for it */
	for (size_t i = 0; k >= 0 && i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i].tech == k) {
			size_t n = strlen(keys[i].key);

			ease_grow((void **)buf, cap, n + 1, 1);
			memcpy(*buf, keys[i].key, n + 1);
			break;
		}
	return *buf;
}

int
ease_tech_known(const char *name, size_t len)
{
	char *buf = NULL;
	size_t cap = 0;
	int k;

	raw_key(name, len, &buf, &cap);
	k = known_key(buf);
	free(buf);
	return k;
}

const char *
ease_tech_name(int k)
{
	return k >= 0 && k < EASE_NTECH ? canon[k] : "";
}

const char *
ease_tech_names(void)
{
	static char buf[256];

	if (buf[0] == '\0') {
		size_t len = 0;

		for (int k = 0; k < EASE_NTECH; k++) {
			size_t n = strlen(canon[k]);

			if (k) {
				memcpy(buf + len, ", ", 2);
				len += 2;
			}
			memcpy(buf + len, canon[k], n);
			len += n;
		}
		buf[len] = '\0';
	}
	return buf;
}

static int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* A missing marker (ease_is_missing) or "none", any case. */
static int
is_none(const char *s, size_t len)
{
	char buf[8];

	if (len >= sizeof buf)
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return ease_is_missing(buf) || strcasecmp(buf, "none") == 0;
}

/*
 * The next separator of list members in S, its length in *N; NULL if none.
 * Besides '|', what people join techniques with: ',', '+', ';' and a '/'
 * with blanks around it.  Not '&', "and" or a bare '/': those are inside a
 * name (lumbar & hip, lumbar/hip).
 */
static const char *
list_sep(const char *s, size_t *n)
{
	for (const char *q = s; *q; q++) {
		if (*q == EASE_LIST_SEP || *q == ',' || *q == '+' || *q == ';') {
			*n = 1;
			return q;
		}
		if (*q == '/' && q > s && is_blank(q[-1]) && is_blank(q[1])) {
			*n = 1;
			return q;
		}
	}
	return NULL;
}

/* Blanks, or Unicode spaces, at the start of S..E / before E. */
static const char *
skip_lead(const char *s, const char *e)
{
	for (;;) {
		size_t k;

		if (s < e && is_blank(*s))
			s++;
		else if (s < e && (k = uspace_len(s, (size_t)(e - s))) > 0)
			s += k;
		else
			return s;
	}
}

static const char *
skip_trail(const char *s, const char *e)
{
	for (;;) {
		if (e > s && is_blank(e[-1]))
			e--;
		else if (e - s >= 2 && uspace_len(e - 2, 2) == 2)
			e -= 2;
		else if (e - s >= 3 && uspace_len(e - 3, 3) == 3)
			e -= 3;
		else
			return e;
	}
}

int
ease_list_next(const char **p, const char **item, size_t *len)
{
	const char *s = *p, *e;
	size_t n = 0;

	if (s == NULL || *s == '\0')
		return 0;
	e = list_sep(s, &n);
	if (e == NULL) {
		e = s + strlen(s);
		*p = e;
		if (e == s)
			return 0;
	} else {
		*p = e + n;
		/* "a|" ends the list after a: nothing follows the last '|' */
		if (**p == '\0')
			*p = NULL;
	}
	s = skip_lead(s, e);
	e = skip_trail(s, e);
	*item = s;
	*len = (size_t)(e - s);
	/* "N/A" or "none" in a technique cell says there was none: a member
	 * that every tool skips, as it skips an empty one */
	if (is_none(s, *len))
		*len = 0;
	return 1;
}

/* ---- the register ---- */

struct ease_technames {
	char **key, **show;
	size_t n, cap;
	size_t *slot;		/* open addressing: index + 1, 0 for free */
	size_t nslot;
	char *kbuf;
	size_t kcap;
};

ease_technames *
ease_technames_new(void)
{
	ease_technames *t = ease_xcalloc(1, sizeof *t);

	t->nslot = 16;
	t->slot = ease_xcalloc(t->nslot, sizeof *t->slot);
	return t;
}

static void
rehash(ease_technames *t)
{
	size_t n = t->nslot * 2;

	free(t->slot);
	t->slot = ease_xcalloc(n, sizeof *t->slot);
	t->nslot = n;
	for (size_t i = 0; i < t->n; i++) {
		size_t j = (size_t)ease_hash(t->key[i]) & (n - 1);

		while (t->slot[j])
			j = (j + 1) & (n - 1);
		t->slot[j] = i + 1;
	}
}

const char *
ease_technames_add(ease_technames *t, const char *name, size_t len)
{
	const char *key = ease_tech_key(name, len, &t->kbuf, &t->kcap);
	size_t j = (size_t)ease_hash(key) & (t->nslot - 1);
	int k;

	for (; t->slot[j]; j = (j + 1) & (t->nslot - 1))
		if (strcmp(t->key[t->slot[j] - 1], key) == 0)
			return t->show[t->slot[j] - 1];
	if (t->n == t->cap) {
		size_t cap = t->cap;

		ease_grow((void **)&t->key, &cap, t->n + 1, sizeof *t->key);
		ease_grow((void **)&t->show, &t->cap, t->n + 1, sizeof *t->show);
	}
	k = known_key(key);
	t->key[t->n] = ease_xstrdup(key);
	t->show[t->n] = k >= 0 ? ease_xstrdup(canon[k]) : ease_xstrndup(name, len);
	t->slot[j] = ++t->n;
	if (t->n * 2 > t->nslot)
		rehash(t);
	return t->show[t->n - 1];
}

void
ease_technames_add_list(ease_technames *t, const char *cell)
{
	const char *item;
	size_t len;

	while (ease_list_next(&cell, &item, &len))
		if (len)
			ease_technames_add(t, item, len);
}

void
ease_technames_each(ease_technames *t, const char *cell,
		    void (*fn)(const char *name, void *ctx), void *ctx)
{
	const char *item, *name;
	size_t len;

	while (ease_list_next(&cell, &item, &len)) {
		/*
		 * A member with no key ("-") or that the register takes for no
		 * technique (N/A) is a missing technique: the session counts in
		 * "all" only, as in ease-relief.
		 */
		if (!len || !*ease_tech_key(item, len, &t->kbuf, &t->kcap))
			continue;
		name = ease_technames_add(t, item, len);
		if (name && *name)
			fn(name, ctx);
	}
}

size_t
ease_technames_count(const ease_technames *t)
{
	return t->n;
}

const char *
ease_technames_get(const ease_technames *t, size_t i)
{
	return i < t->n ? t->show[i] : NULL;
}

void
ease_technames_free(ease_technames *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->key[i]);
		free(t->show[i]);
	}
	free(t->key);
	free(t->show);
	free(t->slot);
	free(t->kbuf);
	free(t);
}

/* ---- names close to a known one ---- */

/* Edits (insert, delete, change, swap of neighbours) from A to B, up to 3. */
static int
distance(const char *a, const char *b)
{
	enum { MAX = 64 };
	size_t na = strlen(a), nb = strlen(b);
	int d[MAX + 1][MAX + 1];

	if (na > MAX || nb > MAX || (na > nb ? na - nb : nb - na) > 2)
		return 3;
	for (size_t i = 0; i <= na; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= nb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= na; i++)
		for (size_t j = 1; j <= nb; j++) {
			int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < c)
				c = d[i - 2][j - 2] + 1;
			d[i][j] = c;
		}
	return d[na][nb] > 3 ? 3 : d[na][nb];
}

/*
 * The known technique an unknown KEY is most likely a slip for, or -1: the
 * same key but for a plural 's', the start of a known one (4 letters at
 * least), or two edits from one (keys of 5 letters or more: TPT and MFR are
 * too short to tell a slip from another name).
 */
static int
close_to(const char *key)
{
	size_t n = strlen(key);
	int best = -1, bestd = 3;

	if (n < 4)
		return -1;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *k = keys[i].key;
		size_t kn = strlen(k);
		int d;

		if ((key[n - 1] == 's' && kn == n - 1 && memcmp(key, k, kn) == 0) ||
		    (kn > n && memcmp(key, k, n) == 0))
			return keys[i].tech;
		if (n < 5 || kn < 5)
			continue;
		d = distance(key, k);
		if (d < bestd) {
			bestd = d;
			best = keys[i].tech;
		}
	}
	return best;
}

/*
 * Whether KEY is two known techniques one after the other ("deep tissue &
 * swedish" has the key "deep tissue swedish"): *A and *B set.
 */
static int
two_known(const char *key, int *a, int *b)
{
	char buf[128];
	size_t n = strlen(key);

	if (n >= sizeof buf)
		return 0;
	for (size_t i = 1; i + 1 < n; i++) {
		if (key[i] != ' ')
			continue;
		memcpy(buf, key, i);
		buf[i] = '\0';
		if ((*a = known_key(buf)) >= 0 && (*b = known_key(key + i + 1)) >= 0)
			return 1;
	}
	return 0;
}

/* A known technique that KEY begins with, as whole words, or -1. */
static int
starts_known(const char *key)
{
	char buf[128];
	size_t n = strlen(key);
	int k = -1;

	if (n >= sizeof buf)
		return -1;
	for (size_t i = 1; i < n; i++)
		if (key[i] == ' ') {
			memcpy(buf, key, i);
			buf[i] = '\0';
			if (known_key(buf) >= 0)
				k = known_key(buf);	/* the longest */
		}
	return k;
}

int
ease_tech_pair(const char *name, size_t len, int *a, int *b)
{
	char *key = NULL;
	size_t cap = 0;
	int r = two_known(ease_tech_key(name, len, &key, &cap), a, b);

	free(key);
	return r;
}

int
ease_tech_slip(const char *name, size_t len)
{
	char *key = NULL;
	size_t cap = 0;
	int k = -1;

	ease_tech_key(name, len, &key, &cap);
	if (known_key(key) < 0 && (k = close_to(key)) < 0)
		k = starts_known(key);
	free(key);
	return k;
}

void
ease_technames_warn_close(const ease_technames *t)
{
	char shown[128];

	for (size_t i = 0; t && i < t->n; i++) {
		int k, a, b;

		if (known_key(t->key[i]) >= 0)
			continue;
		ease_shown(t->show[i], shown, sizeof shown);
		if (two_known(t->key[i], &a, &b))
			ease_warn("technique '%s' is not one of the known ones; if it is two, "
				  "join them with '|' (%s|%s)", shown, canon[a], canon[b]);
		else if ((k = close_to(t->key[i])) >= 0 || (k = starts_known(t->key[i])) >= 0)
			ease_warn("technique '%s' is not one of the known ones; did you mean '%s'?",
				  shown, canon[k]);
	}
}

int
ease_tech_col(const ease_cols *c)
{
	int col = ease_cols_role(c, EASE_R_TECHNIQUE);

	if (col < 0)
		ease_warn("%s: no technique column (name one with --col technique=NAME); "
			  "every session counts only in 'all'", c->file);
	return col;
}

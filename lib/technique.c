#include "ease/technique.h"
#include "ease/err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	{"deep tissue", EASE_TECH_DEEP_TISSUE},
	{"swedish", EASE_TECH_SWEDISH},
	{"myofascial release", EASE_TECH_MYOFASCIAL_RELEASE},
	{"mfr", EASE_TECH_MYOFASCIAL_RELEASE},
	{"lumbar hip", EASE_TECH_LUMBAR_HIP},
	{"lumbar hip focused", EASE_TECH_LUMBAR_HIP},
	{"acupressure", EASE_TECH_ACUPRESSURE},
};

static int
is_sep(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' ||
	       ch == '\f' || ch == '_' || ch == '-' || ch == '/' || ch == '&';
}

static int
word_is(const char *w, size_t n, const char *word)
{
	return n == strlen(word) && memcmp(w, word, n) == 0;
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

		while (i < len && is_sep(name[i]))
			i++;
		if (i == len)
			break;
		if (words)
			(*buf)[out++] = ' ';
		n = out;
		while (i < len && !is_sep(name[i])) {
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
		size_t sp = out;

		while ((*buf)[sp - 1] != ' ')
			sp--;
		if (!word_is(*buf + sp, out - sp, "massage") &&
		    !word_is(*buf + sp, out - sp, "therapy"))
			break;
		out = sp - 1;
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

int
ease_list_next(const char **p, const char **item, size_t *len)
{
	const char *s = *p, *e;

	if (s == NULL || *s == '\0')
		return 0;
	e = strchr(s, EASE_LIST_SEP);
	if (e == NULL) {
		e = s + strlen(s);
		*p = e;
		if (e == s)
			return 0;
	} else {
		*p = e + 1;
		/* "a|" ends the list after a: nothing follows the last '|' */
		if (**p == '\0')
			*p = NULL;
	}
	while (s < e && is_blank(*s))
		s++;
	while (e > s && is_blank(e[-1]))
		e--;
	*item = s;
	*len = (size_t)(e - s);
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

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

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
		size_t j = (size_t)hash(t->key[i]) & (n - 1);

		while (t->slot[j])
			j = (j + 1) & (n - 1);
		t->slot[j] = i + 1;
	}
}

const char *
ease_technames_add(ease_technames *t, const char *name, size_t len)
{
	const char *key = ease_tech_key(name, len, &t->kbuf, &t->kcap);
	size_t j = (size_t)hash(key) & (t->nslot - 1);
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

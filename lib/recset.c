/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/recset.h"
#include "ease/err.h"
#include "ease/hash.h"

#include <stdlib.h>
#include <string.h>

typedef struct rec {
	uint64_t hash;
	size_t off;		/* of the key in the arena; the body follows it */
	size_t klen, blen;
	uint32_t tag;
} rec;

struct ease_recset {
	uint64_t mask;		/* of the hash bits kept */
	rec *recs;
	size_t n, rcap;
	char *arena;
	size_t alen, acap;
	size_t *slot;		/* open addressing: a record's number + 1, 0 free */
	size_t scap;
};

ease_recset *
ease_recset_new(int hash_bits)
{
	ease_recset *s = ease_xcalloc(1, sizeof *s);

	s->mask = hash_bits >= 64 ? UINT64_MAX
		: hash_bits <= 0 ? 0 : (UINT64_C(1) << hash_bits) - 1;
	return s;
}

void
ease_recset_free(ease_recset *s)
{
	if (!s)
		return;
	free(s->recs);
	free(s->arena);
	free(s->slot);
	free(s);
}

static uint64_t
hash_of(const ease_recset *s, const void *key, size_t klen)
{
	return ease_hash_bytes(EASE_HASH_START, key, klen) & s->mask;
}

/* Keeps the table at most half full, so that a probe ends soon. */
static void
rehash(ease_recset *s)
{
	size_t cap = s->scap ? s->scap * 2 : 1024;

	free(s->slot);
	s->slot = ease_xcalloc(cap, sizeof *s->slot);
	s->scap = cap;
	for (size_t i = 0; i < s->n; i++) {
		size_t j = (size_t)s->recs[i].hash & (cap - 1);

		while (s->slot[j])
			j = (j + 1) & (cap - 1);
		s->slot[j] = i + 1;
	}
}

size_t
ease_recset_add(ease_recset *s, const void *key, size_t klen, const void *body,
		size_t blen, uint32_t tag)
{
	rec *r;
	size_t j;

	if ((s->n + 1) * 2 > s->scap)
		rehash(s);
	ease_grow((void **)&s->recs, &s->rcap, s->n + 1, sizeof *s->recs);
	if (klen + blen > SIZE_MAX - s->alen)
		ease_die(EASE_EX_SOFTWARE, "a record set beyond the memory's addresses");
	ease_grow((void **)&s->arena, &s->acap, s->alen + klen + blen + 1, 1);
	r = &s->recs[s->n];
	r->hash = hash_of(s, key, klen);
	r->off = s->alen;
	r->klen = klen;
	r->blen = blen;
	r->tag = tag;
	if (klen)
		memcpy(s->arena + s->alen, key, klen);
	if (blen)
		memcpy(s->arena + s->alen + klen, body, blen);
	s->alen += klen + blen;
	for (j = (size_t)r->hash & (s->scap - 1); s->slot[j]; j = (j + 1) & (s->scap - 1))
		;
	s->slot[j] = ++s->n;
	return s->n - 1;
}

long
ease_recset_next(const ease_recset *s, const void *key, size_t klen, size_t *at)
{
	uint64_t h;
	size_t j;

	if (!s->scap)
		return -1;
	h = hash_of(s, key, klen);
	/* *AT: 0, or how many slots of the probe were passed */
	for (j = ((size_t)h + *at) & (s->scap - 1); s->slot[j]; j = (j + 1) & (s->scap - 1)) {
		const rec *r = &s->recs[s->slot[j] - 1];

		++*at;
		if (r->hash == h && r->klen == klen &&
		    (klen == 0 || memcmp(s->arena + r->off, key, klen) == 0))
			return (long)(s->slot[j] - 1);
	}
	return -1;
}

int
ease_recset_same(const ease_recset *s, size_t i, const void *body, size_t blen)
{
	const rec *r = &s->recs[i];

	return r->blen == blen &&
	       (blen == 0 || memcmp(s->arena + r->off + r->klen, body, blen) == 0);
}

const char *
ease_recset_body(const ease_recset *s, size_t i, size_t *blen)
{
	*blen = s->recs[i].blen;
	return s->arena + s->recs[i].off + s->recs[i].klen;
}

uint32_t *
ease_recset_tag(ease_recset *s, size_t i)
{
	return &s->recs[i].tag;
}

size_t
ease_recset_count(const ease_recset *s)
{
	return s->n;
}

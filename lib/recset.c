/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/recset.h"
#include "ease/err.h"
#include "ease/hash.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * A record's bytes (its key, then its body) are not kept in memory: they go
 * to a nameless temporary file, past the first few KiB, and a candidate is
 * read back from it to be compared.  What stays is 24 bytes a record and a
 * slot or two: a million nights in some 32 MB, not 240.
 */
typedef struct rec {
	uint64_t hash;
	uint64_t off;		/* of the key in the store; the body follows it */
	uint32_t klen, blen;
	uint32_t tag;
} rec;

#define HOLD_DEFAULT (1u << 20)	/* bytes held in memory before the file */

struct ease_recset {
	uint64_t mask;		/* of the hash bits kept */
	rec *recs;
	size_t n, rcap;
	uint32_t *slot;		/* open addressing: a record's number + 1, 0 free */
	size_t scap;
	/* the store: bytes [0, flushed) in the file, [flushed, len) in buf */
	int fd;			/* -1 until the buffer first fills */
	uint64_t flushed, len;
	char *buf;
	size_t bcap, hold;
	/* a record read back */
	char *rd;
	size_t rdcap;
};

ease_recset *
ease_recset_new(int hash_bits)
{
	ease_recset *s = ease_xcalloc(1, sizeof *s);

	s->mask = hash_bits >= 64 ? UINT64_MAX
		: hash_bits <= 0 ? 0 : (UINT64_C(1) << hash_bits) - 1;
	s->fd = -1;
	s->hold = HOLD_DEFAULT;
	return s;
}

void
ease_recset_hold(ease_recset *s, size_t bytes)
{
	s->hold = bytes ? bytes : 1;
}

void
ease_recset_free(ease_recset *s)
{
	if (!s)
		return;
	if (s->fd >= 0)
		close(s->fd);
	free(s->recs);
	free(s->slot);
	free(s->buf);
	free(s->rd);
	free(s);
}

static uint64_t
hash_of(const ease_recset *s, const void *key, size_t klen)
{
	return ease_hash_bytes(EASE_HASH_START, key, klen) & s->mask;
}

static void
store_open(ease_recset *s)
{
	const char *dir = getenv("TMPDIR");
	char *tmp;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	tmp = ease_xmalloc(strlen(dir) + 32);
	sprintf(tmp, "%s/ease-seen.XXXXXX", dir);
	s->fd = mkstemp(tmp);
	if (s->fd < 0) {
		int err = errno;

		ease_die(EASE_EX_CANTCREAT, "%s: cannot make a temporary file there to hold "
			 "the records seen: %s (set TMPDIR to a writable folder)",
			 dir, strerror(err));
	}
	/* nameless from the start: nothing is left behind however the run ends */
	unlink(tmp);
	free(tmp);
}

static void
store_flush(ease_recset *s)
{
	size_t n = (size_t)(s->len - s->flushed), done = 0;

	if (s->fd < 0)
		store_open(s);
	while (done < n) {
		ssize_t k = write(s->fd, s->buf + done, n - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			ease_die(EASE_EX_IO, "the temporary file of the records seen: write "
				 "error: %s (free space under TMPDIR)",
				 strerror(k < 0 ? errno : ENOSPC));
		done += (size_t)k;
	}
	s->flushed = s->len;
}

static void
store_put(ease_recset *s, const void *p, size_t n)
{
	size_t held = (size_t)(s->len - s->flushed);

	if (held + n > s->hold && held > 0) {
		store_flush(s);
		held = 0;
	}
	ease_grow((void **)&s->buf, &s->bcap, held + n + 1, 1);
	if (n)
		memcpy(s->buf + held, p, n);
	s->len += n;
}

/* N bytes of the store from OFF into s->rd. */
static const char *
store_get(ease_recset *s, uint64_t off, size_t n)
{
	size_t done = 0;

	ease_grow((void **)&s->rd, &s->rdcap, n + 1, 1);
	while (done < n && off + done < s->flushed) {
		size_t want = n - done;
		ssize_t k;

		if (off + done + want > s->flushed)
			want = (size_t)(s->flushed - off - done);
		k = pread(s->fd, s->rd + done, want, (off_t)(off + done));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			ease_die(EASE_EX_IO, "the temporary file of the records seen: read "
				 "error: %s", k < 0 ? strerror(errno) : "cut short");
		done += (size_t)k;
	}
	if (done < n)
		memcpy(s->rd + done, s->buf + (off + done - s->flushed), n - done);
	s->rd[n] = '\0';
	return s->rd;
}

/* Keeps the table at most three quarters full, so that a probe ends soon. */
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
		s->slot[j] = (uint32_t)(i + 1);
	}
}

uint64_t
ease_recset_hash(const ease_recset *s, const void *key, size_t klen)
{
	return hash_of(s, key, klen);
}

size_t
ease_recset_add(ease_recset *s, const void *key, size_t klen, const void *body,
		size_t blen, uint32_t tag)
{
	return ease_recset_add_h(s, key, klen, hash_of(s, key, klen), body, blen, tag);
}

size_t
ease_recset_add_h(ease_recset *s, const void *key, size_t klen, uint64_t h,
		  const void *body, size_t blen, uint32_t tag)
{
	rec *r;
	size_t j;

	if (s->n + 1 >= UINT32_MAX || klen >= UINT32_MAX || blen >= UINT32_MAX)
		ease_die(EASE_EX_SOFTWARE, "a record set beyond 4 thousand million records "
			 "or a record beyond 4 GiB");
	if ((s->n + 1) * 4 > s->scap * 3)
		rehash(s);
	ease_grow((void **)&s->recs, &s->rcap, s->n + 1, sizeof *s->recs);
	r = &s->recs[s->n];
	r->hash = h;
	r->off = s->len;
	r->klen = (uint32_t)klen;
	r->blen = (uint32_t)blen;
	r->tag = tag;
	store_put(s, key, klen);
	store_put(s, body, blen);
	for (j = (size_t)r->hash & (s->scap - 1); s->slot[j]; j = (j + 1) & (s->scap - 1))
		;
	s->slot[j] = (uint32_t)++s->n;
	return s->n - 1;
}

long
ease_recset_next(const ease_recset *s, const void *key, size_t klen, size_t *at)
{
	return ease_recset_next_h(s, key, klen, hash_of(s, key, klen), at);
}

long
ease_recset_next_h(const ease_recset *s, const void *key, size_t klen, uint64_t h,
		   size_t *at)
{
	ease_recset *w = (ease_recset *)s;	/* reading back fills the buffer */
	size_t j;

	if (!s->scap)
		return -1;
	/* *AT: 0, or how many slots of the probe were passed */
	for (j = ((size_t)h + *at) & (s->scap - 1); s->slot[j]; j = (j + 1) & (s->scap - 1)) {
		const rec *r = &s->recs[s->slot[j] - 1];

		++*at;
		if (r->hash == h && r->klen == klen &&
		    (klen == 0 || memcmp(store_get(w, r->off, klen), key, klen) == 0))
			return (long)(s->slot[j] - 1);
	}
	return -1;
}

int
ease_recset_same(const ease_recset *s, size_t i, const void *body, size_t blen)
{
	const rec *r = &s->recs[i];

	return r->blen == blen &&
	       (blen == 0 ||
		memcmp(store_get((ease_recset *)s, r->off + r->klen, blen), body, blen) == 0);
}

const char *
ease_recset_body(const ease_recset *s, size_t i, size_t *blen)
{
	*blen = s->recs[i].blen;
	return store_get((ease_recset *)s, s->recs[i].off + s->recs[i].klen, *blen);
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

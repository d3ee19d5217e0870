/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A set of records told apart by their bytes.  A hash only finds the
 * candidates; every match is confirmed byte for byte, so that two records
 * that differ are never taken for one, whatever the hash does (ease-import's
 * repeats and conflicts rest on it).  The bytes themselves wait in a
 * nameless temporary file under TMPDIR, once past the first MiB: the set
 * keeps about 32 bytes a record in memory.
 */
#ifndef EASE_RECSET_H
#define EASE_RECSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct ease_recset ease_recset;

/*
 * An empty set that keeps HASH_BITS bits of the 64-bit hash: 64 in use; a
 * test keeps fewer (0: every record collides) to show that a collision
 * never makes two records one.
 */
ease_recset *ease_recset_new(int hash_bits);
void ease_recset_free(ease_recset *s);
/* Bytes held in memory before the temporary file (1 MiB; a test keeps fewer). */
void ease_recset_hold(ease_recset *s, size_t bytes);

/*
 * Adds a record: KEY (KLEN bytes), what names it, and BODY (BLEN bytes),
 * all it holds; TAG is the caller's (a line).  Returns its number.
 */
size_t ease_recset_add(ease_recset *s, const void *key, size_t klen, const void *body,
		       size_t blen, uint32_t tag);

/*
 * The records whose key is KEY byte for byte, one a call, oldest first:
 * *AT is 0 before the first call.  Returns a record's number, or -1 when no
 * other has that key.
 */
long ease_recset_next(const ease_recset *s, const void *key, size_t klen, size_t *at);

/*
 * The same with H, ease_recset_hash of the key, for a caller that looks a
 * key up and then adds it: hashed once.
 */
uint64_t ease_recset_hash(const ease_recset *s, const void *key, size_t klen);
long ease_recset_next_h(const ease_recset *s, const void *key, size_t klen, uint64_t h,
			size_t *at);
size_t ease_recset_add_h(ease_recset *s, const void *key, size_t klen, uint64_t h,
			 const void *body, size_t blen, uint32_t tag);

/* Whether record I holds BODY (BLEN bytes), byte for byte. */
int ease_recset_same(const ease_recset *s, size_t i, const void *body, size_t blen);

/*
 * The body of record I, *BLEN bytes (not NUL-terminated), valid until the
 * set is next used.
 */
const char *ease_recset_body(const ease_recset *s, size_t i, size_t *blen);

/* The tag of record I, to read or change. */
uint32_t *ease_recset_tag(ease_recset *s, size_t i);

/* How many records the set holds. */
size_t ease_recset_count(const ease_recset *s);

#endif

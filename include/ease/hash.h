/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The one string hash of the library: 64-bit FNV-1a.
 */
#ifndef EASE_HASH_H
#define EASE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a's offset basis: the hash of no bytes. */
#define EASE_HASH_START 14695981039346656037ULL

/* The hash of S. */
uint64_t ease_hash(const char *s);

/*
 * H carried on over S (NULL: no bytes) and a separator, so that fields
 * hashed in a row ("ab","c") and ("a","bc") differ.
 */
uint64_t ease_hash_field(uint64_t h, const char *s);

/* H carried on over the N bytes at P (NUL bytes too). */
uint64_t ease_hash_bytes(uint64_t h, const void *p, size_t n);

#endif

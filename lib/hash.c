/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ease/hash.h"

#define FNV_PRIME 1099511628211ULL

uint64_t
ease_hash(const char *s)
{
	uint64_t h = EASE_HASH_START;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return h;
}

uint64_t
ease_hash_field(uint64_t h, const char *s)
{
	if (s)
		for (; *s; s++)
			h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return (h ^ 0x1f) * FNV_PRIME;
}

uint64_t
ease_hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * FNV_PRIME;
	return h;
}

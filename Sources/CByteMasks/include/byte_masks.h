#ifndef PORTRAIT_BYTE_MASKS_H
#define PORTRAIT_BYTE_MASKS_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__SSE2__)
/// 1 when `portrait_mask3_64` is made of vector instructions; the CSV scanner then uses it.
/// Elsewhere (no NEON version yet) the scanner keeps its word-by-word search, which a byte loop
/// here would be slower than.
#define PORTRAIT_MASK3_IS_VECTOR 1
#else
#define PORTRAIT_MASK3_IS_VECTOR 0
#endif

/// Bit i set when p[i] is a, b or c, for the 64 bytes at p (all of which must be readable).
///
/// The CSV scanner's structural mask (`CSVReader.readRecord`): one call finds every delimiter
/// and line end of 64 bytes, where comparing words of 8 bytes cost a loop per field. Written in
/// C because Swift has no byte-mask instruction (`pmovmskb`); static inline, so the compiler
/// inlines it into the Swift caller. SSE2 is part of every x86-64.
static inline uint64_t portrait_mask3_64(const uint8_t *p, uint8_t a, uint8_t b, uint8_t c) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b), vc = _mm_set1_epi8((char)c);
    uint64_t mask = 0;
    for (int k = 0; k < 4; k++) {
        const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                          _mm_cmpeq_epi8(x, vc));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(hits) << (16 * k);
    }
    return mask;
#else
    uint64_t mask = 0;
    for (int i = 0; i < 64; i++) {
        if (p[i] == a || p[i] == b || p[i] == c) mask |= (uint64_t)1 << i;
    }
    return mask;
#endif
}

/// The number of line feeds in the n bytes at p when they are well-formed UTF-8 without a NUL
/// byte; -1 when they are not; -2 when this processor lacks AVX2 (the caller then checks the
/// bytes itself). p may be NULL when n is 0. See byte_masks.c.
int64_t portrait_utf8_line_feeds(const uint8_t *p, size_t n);

#endif

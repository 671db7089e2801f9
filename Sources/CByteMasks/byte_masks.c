#include "byte_masks.h"

#include <string.h>

// UTF-8 validation by the lookup algorithm of John Keiser and Daniel Lemire, "Validating UTF-8
// in less than one instruction per byte" (Software: Practice and Experience, 2021): each byte
// is classified by three 16-entry tables indexed by the high nibble of the byte before it, the
// low nibble of the byte before it and its own high nibble; the AND of the three is non-zero
// exactly where two bytes cannot follow each other, except for the continuation bytes of three-
// and four-byte sequences, which are checked against the lead two and three bytes back. The
// eight-way automaton in TextDecoding+UTF8Validation.swift remains the path for processors
// without AVX2 and the reference of the tests.

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

enum {
    TOO_SHORT = 1 << 0,      // a lead byte or ASCII, then a continuation was due
    TOO_LONG = 1 << 1,       // ASCII, then a continuation byte
    OVERLONG_3 = 1 << 2,     // E0, then 80...9F
    TOO_LARGE = 1 << 3,      // F4 and 90...BF, or F5...FF and 90...BF
    SURROGATE = 1 << 4,      // ED, then A0...BF
    OVERLONG_2 = 1 << 5,     // C0 or C1, then a continuation byte
    TOO_LARGE_1000 = 1 << 6, // F5...FF, then 80...8F
    OVERLONG_4 = 1 << 6,     // F0, then 80...8F
    TWO_CONTS = 1 << 7,      // a continuation byte, then another
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

/// A 16-entry table in both halves of a register, for _mm256_shuffle_epi8.
#define TABLE(...) _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)(const uint8_t[16]){__VA_ARGS__}))

__attribute__((target("avx2")))
static inline __m256i high_nibbles(__m256i bytes) {
    return _mm256_and_si256(_mm256_srli_epi16(bytes, 4), _mm256_set1_epi8(0x0F));
}

/// The bytes of `input` shifted by `n` (1...3), the first n taken from the end of `previous`.
#define PREVIOUS(input, previous, n) \
    _mm256_alignr_epi8((input), _mm256_permute2x128_si256((previous), (input), 0x21), 16 - (n))

/// Non-zero bytes where `input`, following `previous`, is not UTF-8.
__attribute__((target("avx2")))
static inline __m256i utf8_errors(__m256i input, __m256i previous) {
    const __m256i before = PREVIOUS(input, previous, 1);
    const __m256i byte1High = TABLE(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, // 0___
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,                                      // 10__
        TOO_SHORT | OVERLONG_2,                                                          // 1100
        TOO_SHORT,                                                                       // 1101
        TOO_SHORT | OVERLONG_3 | SURROGATE,                                              // 1110
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);                            // 1111
    const __m256i byte1Low = TABLE(
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,                                    // ___0000
        CARRY | OVERLONG_2,                                                              // ___0001
        CARRY, CARRY,                                                                    // ___001_
        CARRY | TOO_LARGE,                                                               // ___0100
        CARRY | TOO_LARGE | TOO_LARGE_1000,                                              // ___0101
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,          // ___011_
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,          // ___1000, 1001
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,          // ___1010, 1011
        CARRY | TOO_LARGE | TOO_LARGE_1000,                                              // ___1100
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,                                  // ___1101
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000);         // ___111_
    const __m256i byte2High = TABLE(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, // 0___
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,           // 1000
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,                             // 1001
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                              // 1010
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                              // 1011
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);                                            // 11__
    const __m256i special = _mm256_and_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(byte1High, high_nibbles(before)),
                         _mm256_shuffle_epi8(byte1Low, _mm256_and_si256(before, _mm256_set1_epi8(0x0F)))),
        _mm256_shuffle_epi8(byte2High, high_nibbles(input)));
    // A continuation byte two after a lead of three or four bytes, or three after one of four,
    // is due: there TWO_CONTS must be set, and nowhere else.
    const __m256i third = _mm256_subs_epu8(PREVIOUS(input, previous, 2), _mm256_set1_epi8((char)(0xE0 - 0x80)));
    const __m256i fourth = _mm256_subs_epu8(PREVIOUS(input, previous, 3), _mm256_set1_epi8((char)(0xF0 - 0x80)));
    const __m256i due = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    return _mm256_xor_si256(due, special);
}

/// Checks the 32 bytes of `input` after `*previous` into `*errors` (UTF-8 and NUL) and returns
/// how many are line feeds.
__attribute__((target("avx2,popcnt")))
static inline int64_t check32(__m256i input, __m256i *previous, __m256i *errors) {
    *errors = _mm256_or_si256(*errors, _mm256_or_si256(utf8_errors(input, *previous),
                                                       _mm256_cmpeq_epi8(input, _mm256_setzero_si256())));
    *previous = input;
    return __builtin_popcount((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x0A))));
}

__attribute__((target("avx2,popcnt")))
static int64_t utf8_line_feeds_avx2(const uint8_t *p, size_t n) {
    __m256i errors = _mm256_setzero_si256(), previous = _mm256_setzero_si256();
    int64_t feeds = 0;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        feeds += check32(_mm256_loadu_si256((const __m256i *)(const void *)(p + i)), &previous, &errors);
    }
    // The rest (0...31 bytes), then spaces: the last byte of this vector is always a space, so a
    // sequence cut short at the end is followed by ASCII, which is an error.
    uint8_t tail[32];
    memset(tail, ' ', sizeof tail);
    if (n > i) memcpy(tail, p + i, n - i);
    feeds += check32(_mm256_loadu_si256((const __m256i *)(const void *)tail), &previous, &errors);
    return _mm256_testz_si256(errors, errors) ? feeds : -1;
}

/// Whether the processor has AVX2 and POPCNT and the system saves the vector registers
/// (CPUID and XGETBV); asked once.
static int has_avx2(void) {
    static int known = -1; // read and written atomically: the reading threads may all ask at once
    int value = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (value >= 0) return value;
    unsigned a, b, c, d;
    int ok = 0;
    if (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_OSXSAVE) && (c & bit_POPCNT)) {
        unsigned lo, hi;
        __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        if ((lo & 6) == 6 && __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_AVX2)) ok = 1;
    }
    __atomic_store_n(&known, ok, __ATOMIC_RELAXED);
    return ok;
}
#endif

int64_t portrait_utf8_line_feeds(const uint8_t *p, size_t n) {
#if defined(__x86_64__)
    if (has_avx2()) return utf8_line_feeds_avx2(p, n);
#endif
    (void)p;
    (void)n;
    return -2;
}

/* utf8.c - strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, no
 * code points above U+10FFFF, no NUL bytes (they end C strings and mean binary input). */
#include "stancegraph/text.h"
#include "text/utf8_seq.h"

#include <stdint.h>
#include <string.h>

/* 1 when none of the 8 bytes at p has its high bit set or is NUL (plain ASCII text). */
static inline int ascii8(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof(w));
    const uint64_t lo = 0x0101010101010101u, hi = 0x8080808080808080u;
    return ((w | ((w - lo) & ~w)) & hi) == 0;
}

int sg_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        while (len - i >= 8 && ascii8(p + i)) /* fast path: 8 ASCII bytes at a time */
            i += 8;
        if (i >= len)
            break;
        unsigned long cp;
        size_t k = p[i] == 0 ? 0 : sg_utf8_seq(p + i, len - i, &cp);
        if (k == 0)
            goto bad;
        i += k;
    }
    return 1;
bad:
    if (bad_offset)
        *bad_offset = i;
    return 0;
}

/* utf8.c - strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, no
 * code points above U+10FFFF, no NUL bytes (they end C strings and mean binary input). */
#include "stancegraph/text.h"

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
        unsigned c = p[i];
        size_t need;
        unsigned cp, min;
        if (c == 0)
            goto bad;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            need = 1, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            need = 2, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            need = 3, cp = c & 0x07, min = 0x10000;
        } else {
            goto bad;
        }
        if (len - i <= need)
            goto bad;
        for (size_t k = 1; k <= need; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += need + 1;
    }
    return 1;
bad:
    if (bad_offset)
        *bad_offset = i;
    return 0;
}

/* utf8_seq.h - one UTF-8 sequence, decoded strictly (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF, not truncated). The one definition behind
 * sg_utf8_valid, the JSON writer (src/common/jsonw.c) and the renderers' escaping
 * (src/render/buf.c). Private to the library. */
#ifndef SG_TEXT_UTF8_SEQ_H
#define SG_TEXT_UTF8_SEQ_H

#include <stddef.h>

/* The length of the valid sequence at s (n >= 1 bytes left), with its code point in *cp;
 * 0 when the bytes there are not valid UTF-8. */
static inline size_t sg_utf8_seq(const unsigned char *s, size_t n, unsigned long *cp)
{
    unsigned char c = s[0];
    size_t len;
    unsigned long v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

#endif

/* buf.c - the render module's growable output buffer and its escapers (XML/HTML, CSV,
 * Graphviz text). Every byte of article text that reaches an output passes through one
 * of the escapers here, which also repair invalid UTF-8 (as U+FFFD) so that no writer
 * emits a document a browser, Gephi or Graphviz would reject.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"
#include "text/utf8_seq.h"

void sg_buf_init(sg_buf *b)
{
    memset(b, 0, sizeof(*b));
}

void sg_buf_free(sg_buf *b)
{
    free(b->data);
    sg_buf_init(b);
}

/* Make room for n more bytes plus a NUL. Returns 0 (and sets oom) on failure. */
static int sg_buf_reserve(sg_buf *b, size_t n)
{
    if (b->oom)
        return 0;
    if (n > ((size_t)-1) / 2 - b->len) {
        b->oom = 1;
        return 0;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (p == NULL) {
        b->oom = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void sg_buf_put(sg_buf *b, const char *s, size_t n)
{
    if (n == 0 || !sg_buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sg_buf_puts(sg_buf *b, const char *s)
{
    if (s != NULL)
        sg_buf_put(b, s, strlen(s));
}

void sg_buf_printf(sg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if (!sg_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

sg_status sg_buf_finish(sg_buf *b, char **out, size_t *out_len, sg_error *err)
{
    if (b->oom) {
        sg_buf_free(b);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory while rendering");
    }
    if (!sg_buf_reserve(b, 0)) { /* an empty buffer still gets its NUL */
        sg_buf_free(b);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory while rendering");
    }
    b->data[b->len] = '\0';
    *out = b->data;
    *out_len = b->len;
    sg_buf_init(b);
    return SG_OK;
}


static const char SG_REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

void sg_buf_utf8(sg_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    while (n > 0) {
        unsigned long cp;
        size_t k = sg_utf8_seq(p, n, &cp);
        if (k == 0) {
            sg_buf_puts(b, SG_REPLACEMENT);
            k = 1;
        } else {
            sg_buf_put(b, (const char *)p, k);
        }
        p += k;
        n -= k;
    }
}

void sg_buf_xml(sg_buf *b, const char *s)
{
    if (s == NULL)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    while (n > 0) {
        unsigned long cp;
        size_t k = sg_utf8_seq(p, n, &cp);
        if (k == 0) {
            sg_buf_puts(b, SG_REPLACEMENT);
            p++, n--;
            continue;
        }
        switch (cp) {
        case '&': sg_buf_puts(b, "&amp;"); break;
        case '<': sg_buf_puts(b, "&lt;"); break;
        case '>': sg_buf_puts(b, "&gt;"); break;
        case '"': sg_buf_puts(b, "&quot;"); break;
        case '\'': sg_buf_puts(b, "&#39;"); break;
        default:
            /* XML 1.0 Char excludes most C0 controls and U+FFFE/U+FFFF */
            if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE ||
                cp == 0xFFFF)
                break;
            sg_buf_put(b, (const char *)p, k);
        }
        p += k, n -= k;
    }
}

/* A plain decimal number ("-0.5", "1e-3"): safe in a spreadsheet as it is. */
static int plain_number(const char *s)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    size_t digits = strspn(p, "0123456789");
    p += digits;
    if (*p == '.') {
        size_t frac = strspn(p + 1, "0123456789");
        digits += frac;
        p += 1 + frac;
    }
    if (digits == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '-' || *p == '+')
            p++;
        size_t exp = strspn(p, "0123456789");
        if (exp == 0)
            return 0;
        p += exp;
    }
    return *p == '\0';
}

void sg_buf_csv(sg_buf *b, const char *s)
{
    if (s == NULL)
        return;
    /* OWASP CSV injection: a cell starting with = + - @ tab or CR is a live formula in
     * spreadsheets (=HYPERLINK(...), =cmd|'...'!A0). Such a cell (unless it is a plain
     * number) gets a leading apostrophe and is quoted, so it is shown as text. */
    int formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0' && !plain_number(s);
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        sg_buf_puts(b, "\"");
    if (formula)
        sg_buf_puts(b, "'");
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    while (n > 0) {
        unsigned long cp;
        size_t k = sg_utf8_seq(p, n, &cp);
        if (k == 0) {
            sg_buf_puts(b, SG_REPLACEMENT);
            p++, n--;
            continue;
        }
        if (cp == '"')
            sg_buf_puts(b, "\"\"");
        else
            sg_buf_put(b, (const char *)p, k);
        p += k, n -= k;
    }
    if (quote)
        sg_buf_puts(b, "\"");
}

/* Shared by sg_buf_text and sg_buf_text_cut: at most max_chars characters. */
static void sg_buf_text_n(sg_buf *b, const char *s, size_t max_chars, sg_text_mode mode)
{
    if (s == NULL)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), chars = 0;
    while (n > 0) {
        if (chars == max_chars) {
            sg_buf_puts(b, "...");
            return;
        }
        unsigned long cp;
        size_t k = sg_utf8_seq(p, n, &cp);
        chars++;
        if (k == 0) {
            sg_buf_puts(b, SG_REPLACEMENT);
            p++, n--;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F)
            sg_buf_puts(b, " ");
        else if (cp == '\\' && mode == SG_TEXT_LABEL)
            sg_buf_puts(b, "\\\\");
        else if (cp == '\\' && mode == SG_TEXT_TOOLTIP)
            sg_buf_puts(b, "\xE2\x88\x96"); /* U+2216 SET MINUS */
        else
            sg_buf_put(b, (const char *)p, k);
        p += k, n -= k;
    }
}

void sg_buf_text(sg_buf *b, const char *s, sg_text_mode mode)
{
    sg_buf_text_n(b, s, (size_t)-1, mode);
}

void sg_buf_text_cut(sg_buf *b, const char *s, size_t max_chars, sg_text_mode mode)
{
    sg_buf_text_n(b, s, max_chars, mode);
}

void sg_buf_num(sg_buf *b, double x, int decimals)
{
    char tmp[64];
    if (!isfinite(x)) {
        sg_buf_puts(b, "0");
        return;
    }
    snprintf(tmp, sizeof(tmp), "%.*f", decimals, x);
    if (strchr(tmp, '.') != NULL) { /* trim trailing zeros: 1.500 -> 1.5, 2.000 -> 2 */
        size_t n = strlen(tmp);
        while (n > 0 && tmp[n - 1] == '0')
            tmp[--n] = '\0';
        if (n > 0 && tmp[n - 1] == '.')
            tmp[--n] = '\0';
    }
    if (strcmp(tmp, "-0") == 0)
        memmove(tmp, tmp + 1, 2); /* "-0" -> "0" */
    sg_buf_puts(b, tmp);
}

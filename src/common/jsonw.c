/* jsonw.c - the streaming JSON writer and the shortest round-trip double formatter; see
 * jsonw.h.
 *
 * Numbers: the shortest decimal that strtod reads back to the same double. Fast paths
 * give it exactly for whole numbers below 2^53 and for numbers below 1e9 that are a
 * whole number of millionths (every weight and score the library prints is rounded to
 * 6 decimals); the others take the correctly rounded 15-, 16- then 17-digit decimal
 * (printf's %e, exact in glibc) and keep the first that strtod maps back to v. Why that
 * is the shortest: any rounding interval of a double is narrower than the gap between
 * two 15-digit decimals, so a decimal of <= 15 digits that reads back is the rounded
 * 15-digit one with its zeros dropped; at 16 digits the interval can hold a decimal
 * that is not the nearest one (at a power of two the interval is lopsided), so the
 * 16-digit neighbour on the other side is tried too; 17 digits always read back.
 * Subnormals hold fewer digits: every length from 1 up is tried (their spacing is even,
 * so the nearest decimal of a length reads back whenever any of that length does).
 */
#include "common/jsonw.h"
#include "text/utf8_seq.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FLUSH_AT ((size_t)1 << 16)

void sg_jsonw_init(sg_jsonw *w, FILE *fp)
{
    memset(w, 0, sizeof(*w));
    w->fp = fp;
    w->status = SG_OK;
}

void sg_jsonw_discard(sg_jsonw *w)
{
    free(w->buf);
    FILE *fp = w->fp;
    sg_jsonw_init(w, fp);
}

static void fail(sg_jsonw *w, sg_status st)
{
    if (w->status == SG_OK)
        w->status = st;
}

static void flush(sg_jsonw *w)
{
    if (w->fp && w->len > 0 && w->status == SG_OK) {
        if (fwrite(w->buf, 1, w->len, w->fp) != w->len)
            fail(w, SG_EIO);
    }
    if (w->fp)
        w->len = 0;
}

/* Room for n more bytes (and a NUL); 0 after a failure. */
static int reserve(sg_jsonw *w, size_t n)
{
    if (w->status != SG_OK)
        return 0;
    if (w->fp && w->len + n >= FLUSH_AT) {
        flush(w);
        if (w->status != SG_OK)
            return 0;
    }
    if (w->len + n + 1 <= w->cap)
        return 1;
    size_t cap = w->cap ? w->cap : 256;
    while (cap < w->len + n + 1) {
        if (cap > SIZE_MAX / 2) {
            fail(w, SG_ENOMEM);
            return 0;
        }
        cap *= 2;
    }
    char *nb = realloc(w->buf, cap);
    if (nb == NULL) {
        fail(w, SG_ENOMEM);
        return 0;
    }
    w->buf = nb;
    w->cap = cap;
    return 1;
}

static void put(sg_jsonw *w, const char *s, size_t n)
{
    if (n == 0 || !reserve(w, n))
        return;
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void putc1(sg_jsonw *w, char c)
{
    if (reserve(w, 1))
        w->buf[w->len++] = c;
}

sg_status sg_jsonw_finish(sg_jsonw *w, char **out, size_t *len)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (w->fp) {
        flush(w);
        if (w->status == SG_OK && fflush(w->fp) != 0)
            fail(w, SG_EIO);
    } else if (w->status == SG_OK && reserve(w, 0)) {
        w->buf[w->len] = '\0';
        if (out) {
            *out = w->buf;
            if (len)
                *len = w->len;
            w->buf = NULL;
        }
    }
    sg_status st = w->status;
    sg_jsonw_discard(w);
    return st;
}

/* ---- structure ---- */

/* The separator before a value or key. */
static void sep(sg_jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (w->first[w->depth - 1])
            w->first[w->depth - 1] = 0;
        else
            putc1(w, ',');
    }
}

static void open(sg_jsonw *w, char c)
{
    sep(w);
    if (w->depth >= SG_JSONW_MAX_DEPTH) {
        fail(w, SG_EINPUT);
        return;
    }
    putc1(w, c);
    w->first[w->depth++] = 1;
}

static void close_(sg_jsonw *w, char c)
{
    if (w->depth > 0)
        w->depth--;
    w->after_key = 0;
    putc1(w, c);
}

void sg_jsonw_obj(sg_jsonw *w) { open(w, '{'); }
void sg_jsonw_obj_end(sg_jsonw *w) { close_(w, '}'); }
void sg_jsonw_arr(sg_jsonw *w) { open(w, '['); }
void sg_jsonw_arr_end(sg_jsonw *w) { close_(w, ']'); }

void sg_jsonw_raw(sg_jsonw *w, const char *s)
{
    put(w, s, strlen(s));
}

void sg_jsonw_nl(sg_jsonw *w)
{
    sep(w);
    putc1(w, '\n');
    w->after_key = 1; /* the next value or key takes no separator */
}

/* ---- strings ---- */

/* 0: copied as is; 1: escaped; 2: a UTF-8 lead byte (checked); 3: never valid. */
static const unsigned char byte_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};


static void escape(sg_jsonw *w, const unsigned char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    while (i < n && w->status == SG_OK) {
        size_t run = i;
        while (run < n && byte_class[s[run]] == 0)
            run++;
        put(w, (const char *)s + i, run - i);
        i = run;
        if (i >= n)
            break;
        unsigned char c = s[i];
        switch (byte_class[c]) {
        case 1: {
            char e[6] = {'\\', 0, 0, 0, 0, 0};
            size_t k = 2;
            switch (c) {
            case '"': e[1] = '"'; break;
            case '\\': e[1] = '\\'; break;
            case '\b': e[1] = 'b'; break;
            case '\f': e[1] = 'f'; break;
            case '\n': e[1] = 'n'; break;
            case '\r': e[1] = 'r'; break;
            case '\t': e[1] = 't'; break;
            default:
                e[1] = 'u', e[2] = '0', e[3] = '0', e[4] = hex[c >> 4], e[5] = hex[c & 15];
                k = 6;
            }
            put(w, e, k);
            i++;
            break;
        }
        case 2: {
            unsigned long cp;
            size_t k = sg_utf8_seq(s + i, n - i, &cp);
            if (k > 0) {
                put(w, (const char *)s + i, k);
                i += k;
                break;
            }
            put(w, "\xEF\xBF\xBD", 3); /* not valid UTF-8: U+FFFD */
            i++;
            break;
        }
        default:
            put(w, "\xEF\xBF\xBD", 3); /* U+FFFD */
            i++;
        }
    }
}

void sg_jsonw_strn(sg_jsonw *w, const char *s, size_t n)
{
    sep(w);
    if (s == NULL) {
        put(w, "null", 4);
        return;
    }
    putc1(w, '"');
    escape(w, (const unsigned char *)s, n);
    putc1(w, '"');
}

void sg_jsonw_str(sg_jsonw *w, const char *s)
{
    sg_jsonw_strn(w, s, s ? strlen(s) : 0);
}

void sg_jsonw_key(sg_jsonw *w, const char *key)
{
    sg_jsonw_str(w, key);
    putc1(w, ':');
    w->after_key = 1;
}

/* ---- numbers ---- */

/* Lay out k significant digits (no trailing zero), the first of exponent x, as %g with
 * precision p would. */
static size_t layout(char *out, int neg, const char *dig, int k, int x, int p)
{
    char *o = out;
    if (neg)
        *o++ = '-';
    if (x < -4 || x >= p) {
        *o++ = dig[0];
        if (k > 1) {
            *o++ = '.';
            memcpy(o, dig + 1, (size_t)k - 1);
            o += k - 1;
        }
        *o++ = 'e';
        *o++ = x < 0 ? '-' : '+';
        int ax = x < 0 ? -x : x;
        if (ax >= 100)
            *o++ = (char)('0' + ax / 100);
        *o++ = (char)('0' + ax / 10 % 10);
        *o++ = (char)('0' + ax % 10);
    } else if (x >= 0) {
        if (k <= x + 1) {
            memcpy(o, dig, (size_t)k);
            o += k;
            for (int i = k; i <= x; i++)
                *o++ = '0';
        } else {
            memcpy(o, dig, (size_t)x + 1);
            o += x + 1;
            *o++ = '.';
            memcpy(o, dig + x + 1, (size_t)(k - x - 1));
            o += k - x - 1;
        }
    } else {
        *o++ = '0';
        *o++ = '.';
        for (int i = -1; i > x; i--)
            *o++ = '0';
        memcpy(o, dig, (size_t)k);
        o += k;
    }
    *o = '\0';
    return (size_t)(o - out);
}

static size_t emit(char *out, int neg, char *dig, int k, int x)
{
    while (k > 1 && dig[k - 1] == '0')
        k--;
    return layout(out, neg, dig, k, x, k <= 15 ? 15 : 17);
}

/* The digits of u (> 0) into dig; returns their count. */
static int u64_digits(uint64_t u, char *dig)
{
    char tmp[24];
    int n = 0;
    while (u > 0) {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    }
    for (int i = 0; i < n; i++)
        dig[i] = tmp[n - 1 - i];
    return n;
}

/* v's correctly rounded `prec`-digit decimal: digits into dig, exponent into *x. */
static void rounded(double a, int prec, char *dig, int *x)
{
    char s[48];
    snprintf(s, sizeof(s), "%.*e", prec - 1, a);
    int k = 0;
    const char *p = s;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            dig[k++] = *p;
    *x = atoi(p + 1);
}

/* strtod of the decimal 0.dig[0..k) * 10^(x+1) equals a. */
static int reads_back(const char *dig, int k, int x, double a)
{
    char s[48];
    memcpy(s, dig, (size_t)k);
    snprintf(s + k, sizeof(s) - (size_t)k, "e%d", x - (k - 1));
    return strtod(s, NULL) == a;
}

/* strtod of that decimal is below a. */
static int reads_below(const char *dig, int k, int x, double a)
{
    char s[48];
    memcpy(s, dig, (size_t)k);
    snprintf(s + k, sizeof(s) - (size_t)k, "e%d", x - (k - 1));
    return strtod(s, NULL) < a;
}

size_t sg_jsonw_format_double(double v, char *out)
{
    char dig[24];
    out[0] = '\0';
    if (!isfinite(v))
        return 0;
    int neg = signbit(v) != 0;
    double a = fabs(v);
    if (a == 0.0)
        return layout(out, neg, "0", 1, 0, 15);
    if (a < 9007199254740992.0 && a == floor(a)) { /* whole: its own digits */
        int n = u64_digits((uint64_t)a, dig);
        return emit(out, neg, dig, n, n - 1);
    }
    if (a < 1e9) { /* a whole number of millionths: unique at that spacing below 1e9 */
        double m = nearbyint(a * 1e6);
        if (m >= 1.0 && m / 1e6 == a) {
            int n = u64_digits((uint64_t)m, dig);
            return emit(out, neg, dig, n, n - 1 - 6);
        }
    }
    int x;
    if (a < 2.2250738585072014e-308) { /* subnormal: fewer bits, so try every length;
                                           the spacing is even, the nearest one decides */
        for (int p = 1; p < 17; p++) {
            rounded(a, p, dig, &x);
            if (reads_back(dig, p, x, a))
                return emit(out, neg, dig, p, x);
        }
        rounded(a, 17, dig, &x);
        return emit(out, neg, dig, 17, x);
    }
    rounded(a, 15, dig, &x);
    if (reads_back(dig, 15, x, a))
        return emit(out, neg, dig, 15, x);
    rounded(a, 16, dig, &x);
    if (reads_back(dig, 16, x, a))
        return emit(out, neg, dig, 16, x);
    /* the 16-digit decimal on the other side of a, one unit in the last place away */
    char nb[24];
    int nx = x;
    memcpy(nb, dig, 16);
    if (reads_below(dig, 16, x, a)) {
        int i = 15;
        while (i >= 0 && nb[i] == '9')
            nb[i--] = '0';
        if (i >= 0) {
            nb[i]++;
        } else { /* 9.99..9eX + 1 unit = 1.00..0e(X+1) */
            nb[0] = '1';
            nx++;
        }
    } else {
        int i = 15;
        while (i >= 0 && nb[i] == '0')
            nb[i--] = '9';
        nb[i]--; /* i >= 0: the first digit is never 0 */
        if (nb[0] == '0') { /* 1.00..0eX - 1 unit = 9.99..9e(X-1) */
            memset(nb, '9', 16);
            nx--;
        }
    }
    if (reads_back(nb, 16, nx, a))
        return emit(out, neg, nb, 16, nx);
    rounded(a, 17, dig, &x);
    return emit(out, neg, dig, 17, x);
}

void sg_jsonw_num(sg_jsonw *w, double v)
{
    char s[SG_JSONW_NUM_MAX];
    size_t n = sg_jsonw_format_double(v, s);
    sep(w);
    if (n == 0) {
        fail(w, SG_EINPUT);
        return;
    }
    put(w, s, n);
}

void sg_jsonw_int(sg_jsonw *w, long long v)
{
    if (v >= 1000000000000000LL || v <= -1000000000000000LL) {
        sg_jsonw_num(w, (double)v); /* the layout of every other number */
        return;
    }
    char s[24], dig[24];
    int n = 0;
    if (v == 0) {
        s[n++] = '0';
    } else {
        if (v < 0)
            s[n++] = '-';
        int k = u64_digits((uint64_t)(v < 0 ? -v : v), dig);
        memcpy(s + n, dig, (size_t)k);
        n += k;
    }
    sep(w);
    put(w, s, (size_t)n);
}

void sg_jsonw_bool(sg_jsonw *w, int v)
{
    sep(w);
    if (v)
        put(w, "true", 4);
    else
        put(w, "false", 5);
}

void sg_jsonw_null(sg_jsonw *w)
{
    sep(w);
    put(w, "null", 4);
}

void sg_jsonw_kstr(sg_jsonw *w, const char *key, const char *s)
{
    sg_jsonw_key(w, key);
    sg_jsonw_str(w, s);
}

void sg_jsonw_knum(sg_jsonw *w, const char *key, double v)
{
    sg_jsonw_key(w, key);
    sg_jsonw_num(w, v);
}

void sg_jsonw_kint(sg_jsonw *w, const char *key, long long v)
{
    sg_jsonw_key(w, key);
    sg_jsonw_int(w, v);
}

void sg_jsonw_kbool(sg_jsonw *w, const char *key, int v)
{
    sg_jsonw_key(w, key);
    sg_jsonw_bool(w, v);
}

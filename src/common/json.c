/* json.c - one JSON document per buffer, trailing text refused, out of memory told
 * apart from bad syntax by a syntax check that allocates nothing; see json.h. */
#include "common/json.h"

#include <string.h>

typedef struct scan {
    const char *s;
    size_t len, at;
    int depth;
} scan;

static void ws(scan *c)
{
    while (c->at < c->len && (c->s[c->at] == ' ' || c->s[c->at] == '\t' ||
                              c->s[c->at] == '\r' || c->s[c->at] == '\n'))
        c->at++;
}

static int lit(scan *c, const char *w)
{
    size_t n = strlen(w);
    if (c->len - c->at < n || memcmp(c->s + c->at, w, n) != 0)
        return 0;
    c->at += n;
    return 1;
}

static int digits(scan *c)
{
    size_t start = c->at;
    while (c->at < c->len && c->s[c->at] >= '0' && c->s[c->at] <= '9')
        c->at++;
    return c->at > start;
}

static int number(scan *c)
{
    size_t start = c->at;
    if (c->at < c->len && c->s[c->at] == '-')
        c->at++;
    if (!digits(c))
        return 0;
    if (c->at < c->len && c->s[c->at] == '.') {
        c->at++;
        if (!digits(c))
            return 0;
    }
    if (c->at < c->len && (c->s[c->at] == 'e' || c->s[c->at] == 'E')) {
        c->at++;
        if (c->at < c->len && (c->s[c->at] == '+' || c->s[c->at] == '-'))
            c->at++;
        if (!digits(c))
            return 0;
    }
    return c->at - start <= 63; /* cJSON 1.7.15 reads numbers into a 64-byte buffer */
}

static long hex4(const char *s)
{
    long v = 0;
    for (int k = 0; k < 4; k++) {
        char h = s[k];
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static int string(scan *c)
{
    c->at++; /* opening quote */
    while (c->at < c->len) {
        unsigned char ch = (unsigned char)c->s[c->at++];
        if (ch == '"')
            return 1;
        if (ch < 0x20)
            return 0;
        if (ch == '\\') {
            if (c->at >= c->len)
                return 0;
            char e = c->s[c->at++];
            if (e == 'u') {
                /* as cJSON: a high surrogate needs a low one right after, a lone low one
                 * is an error */
                long u = c->len - c->at >= 4 ? hex4(c->s + c->at) : -1;
                if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
                    return 0;
                c->at += 4;
                if (u >= 0xD800 && u <= 0xDBFF) {
                    long lo = c->len - c->at >= 6 && c->s[c->at] == '\\' && c->s[c->at + 1] == 'u'
                                  ? hex4(c->s + c->at + 2) : -1;
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return 0;
                    c->at += 6;
                }
            } else if (!strchr("\"\\/bfnrt", e) || e == '\0') {
                return 0;
            }
        }
    }
    return 0;
}

static int value(scan *c);

static int container(scan *c, char close)
{
    if (++c->depth > CJSON_NESTING_LIMIT)
        return 0;
    c->at++;
    ws(c);
    if (c->at < c->len && c->s[c->at] == close) {
        c->at++;
        c->depth--;
        return 1;
    }
    for (;;) {
        if (close == '}') {
            if (c->at >= c->len || c->s[c->at] != '"' || !string(c))
                return 0;
            ws(c);
            if (c->at >= c->len || c->s[c->at] != ':')
                return 0;
            c->at++;
        }
        if (!value(c))
            return 0;
        ws(c);
        if (c->at < c->len && c->s[c->at] == ',') {
            c->at++;
            ws(c);
            continue;
        }
        if (c->at < c->len && c->s[c->at] == close) {
            c->at++;
            c->depth--;
            return 1;
        }
        return 0;
    }
}

static int value(scan *c)
{
    ws(c);
    if (c->at >= c->len)
        return 0;
    switch (c->s[c->at]) {
    case '{': return container(c, '}');
    case '[': return container(c, ']');
    case '"': return string(c);
    case 't': return lit(c, "true");
    case 'f': return lit(c, "false");
    case 'n': return lit(c, "null");
    default: return number(c);
    }
}

size_t sg_json_valid_prefix(const char *json, size_t len)
{
    scan c = {json, len, 0, 0};
    return value(&c) ? c.at : 0;
}

sg_status sg_json_parse_one(cJSON **out, const char *json, size_t len, size_t *bad_at,
                            const char **problem)
{
    const char *end = NULL;
    *out = NULL;
    *bad_at = 0;
    *problem = "malformed JSON";
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (root == NULL) {
        *bad_at = end && end >= json ? (size_t)(end - json) : 0;
        if (sg_json_valid_prefix(json, len) > 0) {
            *problem = "out of memory";
            return SG_ENOMEM; /* the syntax is fine: cJSON could not allocate */
        }
        return SG_EINPUT;
    }
    size_t at = end ? (size_t)(end - json) : len;
    while (at < len && (json[at] == ' ' || json[at] == '\t' || json[at] == '\r' ||
                        json[at] == '\n'))
        at++;
    if (at < len) {
        cJSON_Delete(root);
        *bad_at = at;
        *problem = json[at] == '{' || json[at] == '[' ? "a second JSON value after the first"
                                                       : "text after the JSON value";
        return SG_EINPUT;
    }
    *out = root;
    return SG_OK;
}

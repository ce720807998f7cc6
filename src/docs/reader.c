/* reader.c - the document reader (docs.h): a text file as one document, a JSONL file one
 * line at a time, each checked (UTF-8, JSON, required fields) and copied into an sg_doc
 * that owns its strings, so documents can go to worker threads while this one reads on.
 */
#define _POSIX_C_SOURCE 200809L
#include "stancegraph/docs.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stancegraph/statements.h"
#include "stancegraph/text.h"

struct sg_doc_reader {
    FILE *fp;
    const char *path, *name, *date;
    int jsonl;
    int sniff;         /* SG_DOC_AUTO without a JSONL suffix: look at the first line */
    int done;          /* end reached (or the one text document returned) */
    sg_status failed;  /* sticky error */
    sg_error failure;
    long line;         /* lines read so far */
    size_t n_docs;
    char *buf;         /* getline buffer */
    size_t cap;
    char *mem;         /* a whole file found to be JSONL by sniffing: lines from here */
    size_t mem_len, mem_pos;
    char id[256], name_date[11];
};

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Document id of a text file: the file name without directory and extension. */
static void doc_id(const char *path, char *buf, size_t n)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strcmp(path, "-") == 0)
        base = "stdin";
    snprintf(buf, n, "%s", base);
    char *dot = strrchr(buf, '.');
    if (dot && dot != buf)
        *dot = '\0';
}

/* A YYYY-MM-DD date in the file name, or "". */
static void date_from_name(const char *name, char *buf)
{
    buf[0] = '\0';
    size_t n = strlen(name);
    for (size_t i = 0; i + 10 <= n; i++) {
        const char *p = name + i;
        int ok = 1;
        for (int k = 0; k < 10 && ok; k++)
            ok = (k == 4 || k == 7) ? p[k] == '-' : isdigit((unsigned char)p[k]) != 0;
        if (ok && (i == 0 || !isdigit((unsigned char)p[-1])) &&
            (i + 10 == n || !isdigit((unsigned char)p[10]))) {
            memcpy(buf, p, 10);
            buf[10] = '\0';
            return;
        }
    }
}

sg_status sg_doc_reader_open(sg_doc_reader **out, FILE *fp, const char *path,
                             const char *name, sg_doc_format format, const char *date,
                             sg_error *err)
{
    *out = NULL;
    sg_doc_reader *r = calloc(1, sizeof(*r));
    if (r == NULL)
        return sg_error_set(err, SG_ENOMEM, name, 0, "out of memory");
    r->fp = fp;
    r->path = path;
    r->name = name;
    r->date = date;
    r->jsonl = format == SG_DOC_JSONL ||
               (format == SG_DOC_AUTO && (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")));
    r->sniff = format == SG_DOC_AUTO && !r->jsonl;
    doc_id(path, r->id, sizeof(r->id));
    date_from_name(r->id, r->name_date);
    *out = r;
    return SG_OK;
}

void sg_doc_free(sg_doc *d)
{
    if (d == NULL)
        return;
    free((char *)d->doc.id);
    free((char *)d->doc.date);
    free((char *)d->doc.source);
    free((char *)d->doc.text);
    free(d);
}

/* Record an error: the reader returns it from now on. */
static sg_status failed(sg_doc_reader *r, sg_error *err, sg_status code)
{
    r->failed = code;
    if (err)
        *err = r->failure;
    return code;
}

#define FAIL(r, err, code, line, ...) \
    failed(r, err, sg_error_set(&(r)->failure, code, (r)->name, line, __VA_ARGS__))

/* A new document owning copies of the strings (text of len bytes). */
static sg_doc *doc_new(const sg_doc_reader *r, const char *id, const char *date,
                       const char *source, char *text, size_t len, long line)
{
    sg_doc *d = calloc(1, sizeof(*d));
    if (d == NULL)
        return NULL;
    d->doc.id = strdup(id);
    d->doc.date = date ? strdup(date) : NULL;
    d->doc.source = source ? strdup(source) : NULL;
    d->doc.text = text;
    d->doc.len = len;
    d->file = r->name;
    d->line = line;
    if (d->doc.id == NULL || (date && d->doc.date == NULL) || (source && d->doc.source == NULL)) {
        d->doc.text = NULL;
        sg_doc_free(d);
        return NULL;
    }
    return d;
}

static const char *json_str(const cJSON *o, const char *k);
static sg_status next_jsonl(sg_doc_reader *r, sg_doc **out, sg_error *err);

/* Does buf look like JSONL documents? Its first non-blank line is a JSON object with a
 * string "text" (JSONL on stdin, or in a file without the .jsonl suffix). Returns the
 * offset of that line (after a UTF-8 byte order mark) + 1, or 0. */
static size_t looks_jsonl(const char *buf, size_t len)
{
    size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, start = i;
    while (i < len && isspace((unsigned char)buf[i]))
        i++;
    if (i >= len || buf[i] != '{')
        return 0;
    const char *nl = memchr(buf + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - buf) : len;
    cJSON *o = cJSON_ParseWithLength(buf + i, end - i);
    int yes = cJSON_IsObject(o) && json_str(o, "text") != NULL;
    cJSON_Delete(o);
    return yes ? start + 1 : 0;
}

/* The whole file as one document. */
static sg_status next_text(sg_doc_reader *r, sg_doc **out, sg_error *err)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return FAIL(r, err, SG_ENOMEM, 0, "out of memory");
    for (;;) {
        if (cap - len < 2) {
            char *nb = cap < ((size_t)-1) / 2 ? realloc(buf, cap * 2) : NULL;
            if (nb == NULL) {
                free(buf);
                return FAIL(r, err, SG_ENOMEM, 0, "out of memory");
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, r->fp);
        len += got;
        if (got == 0)
            break;
    }
    buf[len] = '\0';
    r->done = 1;
    size_t at = r->sniff && !ferror(r->fp) ? looks_jsonl(buf, len) : 0;
    if (at > 0) { /* JSONL after all: its lines come from the buffer */
        r->jsonl = 1;
        r->done = 0;
        r->mem = buf;
        r->mem_len = len;
        r->mem_pos = at - 1;
        return next_jsonl(r, out, err);
    }
    if (ferror(r->fp)) {
        free(buf);
        return FAIL(r, err, SG_EIO, 0, "read error: %s", strerror(errno));
    }
    size_t bad = 0;
    if (len == 0) {
        free(buf);
        return FAIL(r, err, SG_EINPUT, 0, "empty file");
    }
    if (!sg_utf8_valid(buf, len, &bad)) {
        long line = 1;
        for (size_t i = 0; i < bad; i++)
            line += buf[i] == '\n';
        free(buf);
        return FAIL(r, err, SG_EINPUT, line, "invalid UTF-8 (or binary data) at byte %zu", bad);
    }
    int bad_date = !r->date && r->name_date[0] && !sg_date_valid(r->name_date);
    const char *date = r->date ? r->date : r->name_date[0] && !bad_date ? r->name_date : NULL;
    *out = doc_new(r, r->id, date, NULL, buf, len, 0);
    if (*out != NULL)
        (*out)->bad_name_date = bad_date;
    if (*out == NULL) {
        free(buf);
        return FAIL(r, err, SG_ENOMEM, 0, "out of memory");
    }
    r->n_docs++;
    return SG_OK;
}

static const char *json_str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int is_blank(const char *p, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!isspace((unsigned char)p[k]))
            return 0;
    return 1;
}

/* The common document line read without cJSON (which builds a tree of every field and
 * copies every string twice): an object whose values are all strings without \u escapes,
 * with plain spaces between tokens. Every other line, and every line that would fail
 * (missing field, bad date, text after the object), takes cJSON's path, so documents and
 * error messages are the same either way; only the time differs. */

/* A byte that ends a fast run of string bytes: '"', '\\' or a control character. */
static inline int str_special(unsigned char c)
{
    return c == '"' || c == '\\' || c < 0x20;
}

/* 8 bytes at p with no '"', '\\' or control byte (SWAR; a zero byte of x ^ pattern marks
 * a match, a byte below 0x20 sets the high bit of x - 0x20.. where x had it clear). */
static inline int str_plain8(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    uint64_t t = ((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x);
    return (t & high) == 0;
}

/* The string at *p (opening quote at **p), decoded into dst when dst is not NULL (dst has
 * room for as many bytes as the string has raw bytes, plus a NUL); *p moves past the
 * closing quote and *n gets the decoded length. 0 when the fast path cannot take it (\u
 * escape, control byte, unterminated). */
static int scan_str(const unsigned char **p, const unsigned char *end, char *dst, size_t *n)
{
    const unsigned char *q = *p + 1;
    size_t k = 0;
    for (;;) {
        while (end - q >= 8 && str_plain8(q)) {
            if (dst)
                memcpy(dst + k, q, 8);
            q += 8;
            k += 8;
        }
        while (q < end && !str_special(*q)) {
            if (dst)
                dst[k] = (char)*q;
            q++;
            k++;
        }
        if (q >= end || *q < 0x20)
            return 0;
        if (*q == '"')
            break;
        /* a backslash: the escapes cJSON decodes to one byte */
        unsigned char c = q + 1 < end ? q[1] : 0;
        unsigned char d = c == '"' || c == '\\' || c == '/' ? c : c == 'b' ? '\b'
                          : c == 'f' ? '\f' : c == 'n' ? '\n' : c == 'r' ? '\r'
                          : c == 't' ? '\t' : 0;
        if (d == 0)
            return 0;
        if (dst)
            dst[k] = (char)d;
        k++;
        q += 2;
    }
    if (dst)
        dst[k] = '\0';
    *n = k;
    *p = q + 1;
    return 1;
}

static const unsigned char *skip_ws(const unsigned char *p, const unsigned char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return p;
}

/* 1 and *out (NULL when out of memory) when the fast path read the line, else 0. */
static int fast_line(sg_doc_reader *r, const char *data, size_t len, sg_doc **out)
{
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    /* the first of each key wins, as with cJSON_GetObjectItemCaseSensitive */
    enum { K_ID, K_TEXT, K_DATE, K_SOURCE, K_N };
    static const char *const keys[K_N] = {"id", "text", "date", "source"};
    size_t at[K_N] = {0, 0, 0, 0}, n_text = 0, used = 0;
    int have[K_N] = {0, 0, 0, 0}, ok = 0;
    /* decoded strings are never longer than the line: the text in its own buffer, the
     * other fields one after another in scratch */
    char *text = malloc(len + 1), *scratch = malloc(len + 1);
    if (text == NULL || scratch == NULL) {
        free(text);
        free(scratch);
        *out = NULL;
        return 1;
    }
    p = skip_ws(p, end);
    if (p >= end || *p++ != '{')
        goto done;
    p = skip_ws(p, end);
    if (p < end && *p == '}')
        goto done; /* {}: no fields, the general path says so */
    for (;;) {
        char key[8];
        size_t kn, vn;
        /* a key: compared raw (escaped or long keys are none of ours, or take cJSON) */
        if (p >= end || *p != '"')
            goto done;
        const unsigned char *kq = p + 1;
        if (!scan_str(&p, end, NULL, &kn))
            goto done;
        int k = -1;
        if (kn < sizeof(key) && (size_t)(p - 1 - kq) == kn) { /* no escape in it */
            memcpy(key, kq, kn);
            key[kn] = '\0';
            for (int i = 0; i < K_N && k < 0; i++)
                if (!have[i] && strcmp(key, keys[i]) == 0)
                    k = i;
        } else if (memchr(kq, '\\', (size_t)(p - 1 - kq)) != NULL) {
            goto done;
        }
        p = skip_ws(p, end);
        if (p >= end || *p++ != ':')
            goto done;
        p = skip_ws(p, end);
        char *dst = k < 0 ? NULL : k == K_TEXT ? text : scratch + used;
        if (p >= end || *p != '"' || !scan_str(&p, end, dst, &vn))
            goto done;
        if (k >= 0) {
            have[k] = 1;
            if (k == K_TEXT) {
                n_text = vn;
            } else {
                at[k] = used;
                used += vn + 1;
            }
        }
        p = skip_ws(p, end);
        if (p < end && *p == ',') {
            p = skip_ws(p + 1, end);
            continue;
        }
        if (p >= end || *p++ != '}')
            goto done;
        break;
    }
    if (!have[K_ID] || !have[K_TEXT] || !is_blank((const char *)p, (size_t)(end - p)))
        goto done;
    const char *date = r->date ? r->date : have[K_DATE] ? scratch + at[K_DATE] : NULL;
    if (date && !sg_date_valid(date))
        goto done; /* the general path reports it */
    ok = 1;
    *out = doc_new(r, scratch + at[K_ID], date, have[K_SOURCE] ? scratch + at[K_SOURCE] : NULL,
                   text, n_text, r->line);
    if (*out != NULL)
        text = NULL; /* the document owns it */
done:
    free(text);
    free(scratch);
    return ok;
}

/* One JSONL line (len bytes in r->buf) as a document. */
static sg_status parse_line(sg_doc_reader *r, const char *data, size_t len, sg_doc **out,
                            sg_error *err)
{
    size_t bad = 0;
    if (!sg_utf8_valid(data, len, &bad))
        return FAIL(r, err, SG_EINPUT, r->line, "invalid UTF-8 at byte %zu of the line", bad);
    if (fast_line(r, data, len, out)) {
        if (*out == NULL)
            return FAIL(r, err, SG_ENOMEM, r->line, "out of memory");
        r->n_docs++;
        return SG_OK;
    }
    const char *stop = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(data, len, &stop, 0);
    if (o == NULL)
        return FAIL(r, err, SG_EINPUT, r->line, "malformed JSON near byte %zu",
                    stop ? (size_t)(stop - data) : 0);
    if (!is_blank(stop, len - (size_t)(stop - data))) {
        cJSON_Delete(o);
        return FAIL(r, err, SG_EINPUT, r->line,
                    "text after the document at byte %zu (one JSON object per line)",
                    (size_t)(stop - data));
    }
    const char *id = json_str(o, "id"), *body = json_str(o, "text");
    sg_status rc = SG_OK;
    if (!cJSON_IsObject(o) || id == NULL || body == NULL) {
        rc = FAIL(r, err, SG_EINPUT, r->line, "a document needs string fields \"id\" and \"text\"");
    } else {
        const char *date = r->date ? r->date : json_str(o, "date");
        if (date && !sg_date_valid(date)) { /* the message first: date is in o */
            rc = FAIL(r, err, SG_EINPUT, r->line,
                      "\"date\" must be a real date YYYY-MM-DD, not \"%.20s\"", date);
            cJSON_Delete(o);
            return rc;
        }
        char *text = strdup(body);
        *out = text ? doc_new(r, id, date, json_str(o, "source"), text, strlen(text), r->line)
                    : NULL;
        if (*out == NULL) {
            free(text);
            rc = FAIL(r, err, SG_ENOMEM, r->line, "out of memory");
        } else {
            r->n_docs++;
        }
    }
    cJSON_Delete(o);
    return rc;
}

static sg_status next_jsonl(sg_doc_reader *r, sg_doc **out, sg_error *err)
{
    for (;;) {
        errno = 0;
        const char *data = r->buf;
        ssize_t n;
        if (r->mem != NULL) { /* a sniffed file, already in memory */
            data = r->mem + r->mem_pos;
            if (r->mem_pos >= r->mem_len) {
                n = -1;
            } else {
                const char *nl = memchr(data, '\n', r->mem_len - r->mem_pos);
                n = (ssize_t)(nl ? (size_t)(nl - data) + 1 : r->mem_len - r->mem_pos);
                r->mem_pos += (size_t)n;
            }
        } else {
            n = getline(&r->buf, &r->cap, r->fp);
            data = r->buf;
        }
        if (n < 0) {
            r->done = 1;
            if (ferror(r->fp)) {
                return FAIL(r, err, SG_EIO, r->line, "read error: %s",
                            strerror(errno ? errno : EIO));
            }
            if (r->n_docs == 0)
                return FAIL(r, err, SG_EINPUT, 0, "no documents in this file");
            return SG_OK;
        }
        r->line++;
        size_t len = (size_t)n;
        if (len > 0 && data[len - 1] == '\n')
            len--;
        if (is_blank(data, len))
            continue;
        return parse_line(r, data, len, out, err);
    }
}

sg_status sg_doc_reader_next(sg_doc_reader *r, sg_doc **out, sg_error *err)
{
    *out = NULL;
    if (r->failed != SG_OK) {
        if (err)
            *err = r->failure;
        return r->failed;
    }
    if (r->done)
        return SG_OK;
    return r->jsonl ? next_jsonl(r, out, err) : next_text(r, out, err);
}

void sg_doc_reader_free(sg_doc_reader *r)
{
    if (r == NULL)
        return;
    free(r->buf);
    free(r->mem);
    free(r);
}

/* reader.c - the document reader (docs.h): a text file as one document, a JSONL file one
 * line at a time, each checked (UTF-8, JSON, required fields) and copied into an sg_doc
 * that owns its strings, so documents can go to worker threads while this one reads on.
 */
#define _POSIX_C_SOURCE 200809L
#include "stancegraph/docs.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
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

/* One JSONL line (len bytes in r->buf) as a document. */
static sg_status parse_line(sg_doc_reader *r, const char *data, size_t len, sg_doc **out,
                            sg_error *err)
{
    size_t bad = 0;
    if (!sg_utf8_valid(data, len, &bad))
        return FAIL(r, err, SG_EINPUT, r->line, "invalid UTF-8 at byte %zu of the line", bad);
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
        if (date && !sg_date_valid(date)) {
            cJSON_Delete(o);
            return FAIL(r, err, SG_EINPUT, r->line,
                        "\"date\" must be a real date YYYY-MM-DD, not \"%.20s\"", date);
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

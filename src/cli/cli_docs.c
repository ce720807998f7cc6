/* cli_docs.c - documents from files (text or JSONL) into the extractor. */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli_docs.h"
#include "cli/cli.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "stancegraph/text.h"

sg_status sg_cli_load_lexicon(sg_lexicon **out, const sg_cli_extract_args *a, sg_error *err)
{
    sg_status rc = sg_lexicon_load(out, a->lexicon, a->topics_file, err);
    if (rc != SG_OK)
        return rc;
    if (a->topic && !sg_lexicon_has_topic(*out, a->topic)) {
        sg_lexicon_free(*out);
        *out = NULL;
        return sg_error_set(err, SG_EUSAGE, a->topics_file ? a->topics_file : NULL, 0,
                            "unknown topic \"%s\" (define it in a --topics file)", a->topic);
    }
    return SG_OK;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Document id: the file name without directory and extension. */
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

static sg_status extract_text(sg_statement_list *out, const sg_lexicon *lex,
                              const sg_cli_extract_args *a, const char *path,
                              const char *text, size_t len, sg_error *err)
{
    char id[256], date[16];
    doc_id(path, id, sizeof(id));
    date_from_name(id, date);
    if (a->date)
        snprintf(date, sizeof(date), "%s", a->date);
    size_t bad = 0;
    if (len == 0)
        return sg_error_set(err, SG_EINPUT, sg_cli_name(path), 0, "empty file");
    if (!sg_utf8_valid(text, len, &bad)) {
        long line = 1;
        for (size_t i = 0; i < bad; i++)
            line += text[i] == '\n';
        return sg_error_set(err, SG_EINPUT, sg_cli_name(path), line,
                            "invalid UTF-8 (or binary data) at byte %zu", bad);
    }
    sg_document doc = {id, date[0] ? date : NULL, NULL, text, len};
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = a->topic;
    o.level = a->level_person ? SG_LEVEL_PERSON : SG_LEVEL_GROUP;
    o.include_relations = a->relations;
    sg_status rc = sg_extract_document(out, lex, &doc, &o, err);
    if (rc != SG_OK && err && err->file[0] == '\0')
        snprintf(err->file, sizeof(err->file), "%s", sg_cli_name(path));
    return rc;
}

static const char *json_str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static sg_status extract_jsonl(sg_statement_list *out, const sg_lexicon *lex,
                               const sg_cli_extract_args *a, const char *path, char *text,
                               size_t len, sg_error *err)
{
    const char *name = sg_cli_name(path);
    long line_no = 0;
    size_t pos = 0, docs = 0;
    while (pos < len) {
        char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        line_no++;
        const char *line = text + pos;
        size_t n = end - pos;
        pos = end + 1;
        size_t k = 0;
        while (k < n && isspace((unsigned char)line[k]))
            k++;
        if (k == n)
            continue;
        size_t bad = 0;
        if (!sg_utf8_valid(line, n, &bad))
            return sg_error_set(err, SG_EINPUT, name, line_no, "invalid UTF-8 at byte %zu of the line", bad);
        const char *stop = NULL;
        cJSON *o = cJSON_ParseWithLengthOpts(line, n, &stop, 0);
        if (o == NULL)
            return sg_error_set(err, SG_EINPUT, name, line_no, "malformed JSON near byte %zu",
                                stop ? (size_t)(stop - line) : 0);
        const char *id = json_str(o, "id"), *body = json_str(o, "text");
        sg_status rc = SG_OK;
        if (!cJSON_IsObject(o) || id == NULL || body == NULL) {
            rc = sg_error_set(err, SG_EINPUT, name, line_no,
                              "a document needs string fields \"id\" and \"text\"");
        } else {
            const char *date = a->date ? a->date : json_str(o, "date");
            sg_document doc = {id, date, json_str(o, "source"), body, strlen(body)};
            sg_extract_options opt = SG_EXTRACT_OPTIONS_INIT;
            opt.topic = a->topic;
            opt.level = a->level_person ? SG_LEVEL_PERSON : SG_LEVEL_GROUP;
            opt.include_relations = a->relations;
            rc = sg_extract_document(out, lex, &doc, &opt, err);
            if (rc != SG_OK && err) {
                snprintf(err->file, sizeof(err->file), "%s", name);
                err->line = line_no;
            }
            docs++;
        }
        cJSON_Delete(o);
        if (rc != SG_OK)
            return rc;
    }
    if (docs == 0)
        return sg_error_set(err, SG_EINPUT, name, 0, "no documents in this file");
    return SG_OK;
}

sg_status sg_cli_extract_files(sg_statement_list *out, const sg_lexicon *lex,
                               const sg_cli_extract_args *a, char **files, int n_files,
                               sg_error *err)
{
    for (int i = 0; i < n_files; i++) {
        char *text = NULL;
        size_t len = 0;
        sg_status rc = sg_cli_read_file(files[i], &text, &len, err);
        if (rc != SG_OK)
            return rc;
        int jsonl = strcmp(a->format, "jsonl") == 0 ||
                    (strcmp(a->format, "auto") == 0 &&
                     (ends_with(files[i], ".jsonl") || ends_with(files[i], ".ndjson")));
        if (jsonl)
            rc = extract_jsonl(out, lex, a, files[i], text, len, err);
        else
            rc = extract_text(out, lex, a, files[i], text, len, err);
        free(text);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

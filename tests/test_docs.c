/* test_docs.c - the document reader: a text file as one document (id and date from the
 * file name), JSONL one object per line (blank lines skipped, line numbers kept), and
 * its errors; plus the sentence cut of text.h that bounds every document's sentences. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_test.h"
#include "stancegraph/docs.h"
#include "stancegraph/text.h"

/* Read every document of text (as a file named path); returns the status of the first
 * failure or of the end, the documents in docs[] (at most 8), their count in *n. */
static sg_status read_all(const char *text, const char *path, sg_doc_format fmt,
                          const char *date, sg_doc **docs, size_t *n, sg_error *err)
{
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    sg_doc_reader *r = NULL;
    sg_status rc = sg_doc_reader_open(&r, fp, path, path, fmt, date, err);
    *n = 0;
    while (rc == SG_OK) {
        sg_doc *d = NULL;
        rc = sg_doc_reader_next(r, &d, err);
        if (rc != SG_OK || d == NULL)
            break;
        if (*n < 8)
            docs[(*n)++] = d;
        else
            sg_doc_free(d);
    }
    if (rc != SG_OK) { /* the error sticks */
        sg_doc *d = NULL;
        CU_ASSERT_EQUAL(sg_doc_reader_next(r, &d, NULL), rc);
        CU_ASSERT_PTR_NULL(d);
    }
    sg_doc_reader_free(r);
    fclose(fp);
    return rc;
}

static void free_all(sg_doc **docs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sg_doc_free(docs[i]);
}

static void test_text_file_is_one_document_named_and_dated_by_its_file(void)
{
    sg_doc *d[8];
    size_t n;
    CU_ASSERT_EQUAL_FATAL(read_all("Germany opposes it.\n\nFrance agrees.\n",
                                   "dir/nato_2024-11-23.txt", SG_DOC_AUTO, NULL, d, &n, NULL),
                          SG_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1);
    CU_ASSERT_STRING_EQUAL(d[0]->doc.id, "nato_2024-11-23");
    CU_ASSERT_STRING_EQUAL(d[0]->doc.date, "2024-11-23");
    CU_ASSERT_EQUAL(d[0]->doc.len, strlen("Germany opposes it.\n\nFrance agrees.\n"));
    CU_ASSERT_EQUAL(d[0]->line, 0);
    free_all(d, n);
    CU_ASSERT_EQUAL_FATAL(read_all("x", "a.txt", SG_DOC_AUTO, "2020-01-02", d, &n, NULL), SG_OK);
    CU_ASSERT_STRING_EQUAL(d[0]->doc.date, "2020-01-02");
    free_all(d, n);
}

static void test_jsonl_gives_one_document_per_line_with_its_number(void)
{
    const char *in = "{\"id\":\"a\",\"text\":\"one\",\"source\":\"AP\",\"date\":\"2024-01-02\"}\n"
                     "\n   \n"
                     "{\"id\":\"b\",\"text\":\"two\"}";
    sg_doc *d[8];
    size_t n;
    CU_ASSERT_EQUAL_FATAL(read_all(in, "docs.jsonl", SG_DOC_AUTO, NULL, d, &n, NULL), SG_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_STRING_EQUAL(d[0]->doc.id, "a");
    CU_ASSERT_STRING_EQUAL(d[0]->doc.text, "one");
    CU_ASSERT_STRING_EQUAL(d[0]->doc.source, "AP");
    CU_ASSERT_STRING_EQUAL(d[0]->doc.date, "2024-01-02");
    CU_ASSERT_EQUAL(d[0]->line, 1);
    CU_ASSERT_STRING_EQUAL(d[1]->doc.id, "b");
    CU_ASSERT_PTR_NULL(d[1]->doc.date);
    CU_ASSERT_EQUAL(d[1]->line, 4);
    free_all(d, n);
}

static void expect_error(const char *in, const char *path, long line, const char *what)
{
    sg_doc *d[8];
    size_t n;
    sg_error err;
    sg_error_clear(&err);
    CU_ASSERT_EQUAL(read_all(in, path, SG_DOC_AUTO, NULL, d, &n, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, line);
    CU_ASSERT_STRING_EQUAL(err.file, path);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, what));
    if (strstr(err.message, what) == NULL)
        fprintf(stderr, "got: %s\n", err.message);
    free_all(d, n);
}

static void test_bad_input_names_file_and_line(void)
{
    expect_error("", "empty.txt", 0, "empty file");
    expect_error("ok \xff text", "bad.txt", 1, "invalid UTF-8");
    expect_error("\n\n", "blank.jsonl", 0, "no documents");
    expect_error("{\"id\":\"a\",\"text\":\"x\"}\n{oops\n", "m.jsonl", 2, "malformed JSON");
    expect_error("{\"id\":\"a\",\"text\":\"x\"} {\"id\":\"b\",\"text\":\"y\"}\n", "two.jsonl", 1,
                 "text after the document");
    expect_error("{\"id\":\"a\"}\n", "f.jsonl", 1, "\"id\" and \"text\"");
    expect_error("[1]\n", "arr.jsonl", 1, "\"id\" and \"text\"");
    /* the date quoted in the message (it was read after its JSON tree was freed) */
    expect_error("{\"id\":\"a\",\"date\":\"2024-02-30\",\"text\":\"x\"}\n", "d.jsonl", 1,
                 "not \"2024-02-30\"");
    expect_error("{\"id\":\"a\",\"text\":\"x\",}\n", "comma.jsonl", 1, "malformed JSON near byte 21");
    expect_error("{\"id\":\"a\",\"text\":\"x\"}}\n", "brace.jsonl", 1, "text after the document at byte 21");
    expect_error("{\"id\":\"a\",\"text\":\"x\\q\"}\n", "esc.jsonl", 1, "malformed JSON");
    expect_error("{\"id\":\"a\",\"text\":5}\n", "num.jsonl", 1, "\"id\" and \"text\"");
}

/* Lines in the shapes of the reader's fast path (string fields, one-byte escapes) and of
 * cJSON's (\\u escapes, other values, other blanks) give the same documents. */
static void test_jsonl_fields_decode_alike_on_every_path(void)
{
    static const struct {
        const char *line, *id, *text, *date, *source;
    } cases[] = {
        {"{\"id\":\"a\",\"text\":\"q\\\"x\\\" \\\\ \\/ \\n\\t\\b\\f\\r.\"}", "a",
         "q\"x\" \\ / \n\t\b\f\r.", NULL, NULL},
        {" { \"text\" : \"t\" , \"id\" : \"b\\\"c\" }\t ", "b\"c", "t", NULL, NULL},
        {"{\"id\":\"a\",\"id\":\"z\",\"text\":\"one\",\"text\":\"two\"}", "a", "one", NULL, NULL},
        {"{\"id\":\"a\",\"date\":\"2024-02-29\",\"source\":\"AP \\\"x\\\"\",\"text\":\"\xc3\xa9t\xc3\xa9\"}",
         "a", "\xc3\xa9t\xc3\xa9", "2024-02-29", "AP \"x\""},
        {"{\"id\":\"a\",\"n\":[1,{\"text\":\"no\"}],\"text\":\"yes\"}", "a", "yes", NULL, NULL},
        {"{\"id\":\"a\",\"text\":\"\\u00e9\\ud83d\\ude00\"}", "a", "\xc3\xa9\xf0\x9f\x98\x80", NULL, NULL},
        {"{\"i\\u0064\":\"k\",\"text\":\"x\"}", "k", "x", NULL, NULL},
        {"{\"id\":\"a\",\v\"text\":\"raw\ttab\",\"date\":null}", "a", "raw\ttab", NULL, NULL},
        {"{\"id\":\"\",\"text\":\"\"}", "", "", NULL, NULL},
        {"{\"id\":\"long\",\"text\":\"0123456789abcdef0123456789\\\"abcdef0123456789abcdef\"}", "long",
         "0123456789abcdef0123456789\"abcdef0123456789abcdef", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        sg_doc *d[8];
        size_t n;
        sg_error err;
        sg_error_clear(&err);
        CU_ASSERT_EQUAL(read_all(cases[i].line, "c.jsonl", SG_DOC_AUTO, NULL, d, &n, &err), SG_OK);
        CU_ASSERT_EQUAL(n, 1);
        if (n != 1) {
            fprintf(stderr, "case %zu: %s\n", i, err.message);
            free_all(d, n);
            continue;
        }
        CU_ASSERT_STRING_EQUAL(d[0]->doc.id, cases[i].id);
        CU_ASSERT_STRING_EQUAL(d[0]->doc.text, cases[i].text);
        CU_ASSERT_EQUAL(d[0]->doc.len, strlen(cases[i].text));
        if (cases[i].date) {
            CU_ASSERT_STRING_EQUAL(d[0]->doc.date, cases[i].date);
        } else {
            CU_ASSERT_PTR_NULL(d[0]->doc.date);
        }
        if (cases[i].source) {
            CU_ASSERT_STRING_EQUAL(d[0]->doc.source, cases[i].source);
        } else {
            CU_ASSERT_PTR_NULL(d[0]->doc.source);
        }
        free_all(d, n);
    }
}

/* A sentence past SG_MAX_SENTENCE_TOKENS is cut: after a comma in the second half of the
 * piece, else at the limit; the pieces cover every token once, in order. */
static void test_overlong_sentence_is_cut_into_bounded_pieces(void)
{
    size_t reps = 200, len = 0;
    char *s = malloc(reps * 16 + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (size_t i = 0; i < reps; i++)
        len += (size_t)sprintf(s + len, "%s", i % 10 == 9 ? "word word, " : "word word ");
    sg_tokens t;
    CU_ASSERT_EQUAL_FATAL(sg_tokens_init(&t, s, len, NULL, NULL), SG_OK);
    CU_ASSERT(t.n_sent > 1);
    size_t next = 0;
    for (size_t i = 0; i < t.n_sent; i++) {
        const sg_sentence *st = &t.sent[i];
        CU_ASSERT_EQUAL(st->first, next);
        CU_ASSERT(st->last_plus1 - st->first <= SG_MAX_SENTENCE_TOKENS);
        CU_ASSERT_EQUAL(st->cut, i + 1 < t.n_sent);
        if (i + 1 < t.n_sent) /* cut after a comma */
            CU_ASSERT_STRING_EQUAL(t.tok[st->last_plus1 - 1].norm, ",");
        next = st->last_plus1;
    }
    CU_ASSERT_EQUAL(next, t.n_tok);
    sg_tokens_destroy(&t);
    /* no punctuation at all: cut at the limit */
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',')
            s[i] = ' ';
    CU_ASSERT_EQUAL_FATAL(sg_tokens_init(&t, s, len, NULL, NULL), SG_OK);
    CU_ASSERT_EQUAL(t.sent[0].last_plus1, SG_MAX_SENTENCE_TOKENS);
    sg_tokens_destroy(&t);
    free(s);
}

static CU_TestInfo tests[] = {
    {"text file is one document", test_text_file_is_one_document_named_and_dated_by_its_file},
    {"jsonl: one document per line", test_jsonl_gives_one_document_per_line_with_its_number},
    {"bad input names file and line", test_bad_input_names_file_and_line},
    {"jsonl fields decode alike on every path", test_jsonl_fields_decode_alike_on_every_path},
    {"overlong sentence is cut", test_overlong_sentence_is_cut_into_bounded_pieces},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"docs", NULL, NULL, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

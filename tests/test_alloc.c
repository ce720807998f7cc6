/* test_alloc.c - allocation failure at every point of the public entry points.
 *
 * The test executable is linked with -Wl,--wrap for malloc, calloc, realloc, strdup and
 * strndup (CMakeLists.txt), so every allocation the library makes comes through here,
 * and cJSON's through cJSON_InitHooks. A scenario is run once to count its allocations
 * and record its output, then again with allocation number N failing, for every N: each
 * run must end in a clean error (SG_ENOMEM or SG_EINTERNAL, with a message) or, if the
 * library recovered, in exactly the recorded output. Crashes and leaks (the ASan build
 * checks leaks at exit) fail the test. Allocations inside igraph and Graphviz (shared
 * libraries) are not wrapped. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "sg_test.h"
#include "stancegraph/analyze.h"
#include "stancegraph/eval.h"
#include "stancegraph/extract.h"
#include "stancegraph/graph.h"
#include "stancegraph/lexicon.h"
#include "stancegraph/render.h"
#include "stancegraph/statements.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static int armed;         /* count only allocations made by the scenario */
static long alloc_count;  /* allocations since arming */
static long fail_at;      /* the allocation number that fails; 0 = none */
static int failed;        /* an allocation was refused in this run */

void sg_alloc_refused(void);
__attribute__((noinline)) void sg_alloc_refused(void) { __asm__ volatile(""); }

static int should_fail(void)
{
    if (!armed)
        return 0;
    alloc_count++;
    if (fail_at > 0 && alloc_count == fail_at) {
        sg_alloc_refused(); /* a place for a debugger's breakpoint */
        failed = 1;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n) { return should_fail() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return should_fail() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return should_fail() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return should_fail() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return should_fail() ? NULL : __real_strndup(s, n); }
static void *hook_malloc(size_t n) { return __wrap_malloc(n); }

/* One scenario: runs public entry points on fixed input and returns SG_OK with its
 * whole output in *out (malloc'd, compared between runs), or the first error. */
typedef sg_status (*scenario_fn)(char **out, sg_error *err);

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return __real_strdup(buf);
}

static const char doc_text[] =
    "The Republic of Freedonia backs Sylvania joining the League, the Planet reported. "
    "President Firefly said the bloc should back the League's enlargement. "
    "The Two back Sylvania in the League.";

static sg_status extract_scenario(sg_lexicon **lex, sg_statement_list *list, sg_error *err)
{
    sg_status rc = sg_lexicon_load(lex, SG_TEST_DATA "/lexicon/mini.json", NULL, err);
    sg_document doc = {"doc1", "2021-06-01", NULL, doc_text, strlen(doc_text)};
    if (rc == SG_OK)
        rc = sg_extract_document(list, *lex, &doc, NULL, err);
    return rc;
}

static sg_status append(char **out, const char *s)
{
    size_t a = *out ? strlen(*out) : 0, b = strlen(s);
    char *p = realloc(*out, a + b + 2);
    if (p == NULL)
        return SG_ENOMEM;
    memcpy(p + a, s, b);
    p[a + b] = '\n';
    p[a + b + 1] = '\0';
    *out = p;
    return SG_OK;
}

/* lexicon -> extract -> statements JSON -> parse back -> graph -> graph.json -> read back
 * -> analyze -> report.json -> render (no Graphviz layout) -> merge. */
static sg_status pipeline(char **out, sg_error *err)
{
    sg_lexicon *lex = NULL;
    sg_statement_list list, back;
    sg_statement_list_init(&list);
    sg_statement_list_init(&back);
    sg_graph *g = NULL, *g2 = NULL, *merged = NULL;
    sg_report *r = NULL;
    char *json = NULL, *gj = NULL, *rj = NULL, *rendered = NULL;
    size_t rlen = 0;
    sg_status rc = extract_scenario(&lex, &list, err);
    for (size_t i = 0; rc == SG_OK && i < list.n; i++) {
        sg_statement s;
        if ((rc = sg_statement_to_json(&json, &list.items[i])) != SG_OK)
            break;
        if ((rc = append(out, json)) != SG_OK) {
            free(json);
            break;
        }
        if ((rc = sg_statement_parse(&s, json, strlen(json), "s", 1, err)) == SG_OK &&
            (rc = sg_statement_list_take(&back, &s)) != SG_OK)
            sg_statement_destroy(&s);
        free(json);
        json = NULL;
    }
    sg_graph_options go = SG_GRAPH_OPTIONS_INIT;
    if (rc == SG_OK)
        rc = sg_graph_build(&g, &back, &go, err);
    if (rc == SG_OK)
        rc = sg_graph_to_json(g, &gj, err);
    if (rc == SG_OK && (rc = append(out, gj)) == SG_OK)
        rc = sg_graph_from_json(&g2, gj, strlen(gj), "g.json", err);
    const sg_graph *parts[2] = {g, g2};
    const char *names[2] = {"a", "b"};
    if (rc == SG_OK)
        rc = sg_graph_merge(&merged, parts, 2, names, err);
    sg_analyze_options ao = SG_ANALYZE_OPTIONS_INIT;
    if (rc == SG_OK)
        rc = sg_analyze(&r, g2, &ao, err);
    if (rc == SG_OK && (rc = sg_report_to_json(r, &rj, err)) == SG_OK)
        rc = append(out, rj);
    static const sg_render_format fmts[] = {SG_RENDER_DOT, SG_RENDER_GRAPHML,
                                            SG_RENDER_CSV_NODES, SG_RENDER_CSV_EDGES,
                                            SG_RENDER_JSON};
    for (size_t i = 0; rc == SG_OK && i < sizeof(fmts) / sizeof(fmts[0]); i++) {
        if ((rc = sg_render(&rendered, &rlen, rj, strlen(rj), fmts[i], NULL, err)) == SG_OK)
            rc = append(out, rendered);
        free(rendered);
        rendered = NULL;
    }
    free(gj);
    free(rj);
    sg_report_free(r);
    sg_graph_free(merged);
    sg_graph_free(g2);
    sg_graph_free(g);
    sg_statement_list_destroy(&back);
    sg_statement_list_destroy(&list);
    sg_lexicon_free(lex);
    return rc;
}

static sg_status eval_scenario(char **out, sg_error *err)
{
    char *gold = slurp(SG_TEST_DATA "/dev/gold.jsonl");
    if (gold == NULL)
        return sg_error_set(err, SG_EIO, "gold.jsonl", 0, "missing");
    sg_eval *ev = NULL;
    sg_status rc = sg_eval_new(&ev, gold, strlen(gold), "gold.jsonl", NULL, NULL, err);
    for (size_t d = 0; rc == SG_OK && d < sg_eval_n_docs(ev); d++) {
        sg_statement_list pred;
        sg_statement_list_init(&pred);
        sg_statement s;
        sg_statement_init(&s);
        s.doc = strdup("x");
        s.actor = strdup("Ukraine");
        s.topic = strdup(sg_eval_doc_topic(ev, d));
        s.stance = 1;
        if (!s.doc || !s.actor || !s.topic || sg_statement_list_take(&pred, &s) != SG_OK)
            rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
        sg_statement_destroy(&s);
        if (rc == SG_OK)
            rc = sg_eval_add(ev, d, &pred, err);
        sg_statement_list_destroy(&pred);
    }
    char *report = NULL;
    if (rc == SG_OK && (rc = sg_eval_report(ev, &report)) != SG_OK)
        sg_error_set(err, rc, NULL, 0, "out of memory");
    if (rc == SG_OK)
        rc = append(out, report);
    free(report);
    sg_eval_free(ev);
    free(gold);
    return rc;
}

static void run_every_n(scenario_fn fn)
{
    cJSON_Hooks hooks = {hook_malloc, free};
    cJSON_InitHooks(&hooks);
    char *ref = NULL;
    sg_error err;
    sg_error_clear(&err);
    fail_at = 0;
    alloc_count = 0;
    armed = 1;
    sg_status rc = fn(&ref, &err);
    armed = 0;
    long total = alloc_count;
    if (rc != SG_OK)
        fprintf(stderr, "reference run: %s:%ld: %s\n", err.file, err.line, err.message);
    CU_ASSERT_EQUAL_FATAL(rc, SG_OK);
    CU_ASSERT_FATAL(total > 0);
    long bad = 0;
    for (long n = 1; n <= total; n++) {
        char *out = NULL;
        sg_error_clear(&err);
        fail_at = n;
        alloc_count = 0;
        failed = 0;
        armed = 1;
        rc = fn(&out, &err);
        armed = 0;
        int clean = rc == SG_OK ? (out && strcmp(out, ref) == 0)
                                : (rc == SG_ENOMEM || rc == SG_EINTERNAL);
        if (!clean && bad++ < 10)
            fprintf(stderr, "allocation %ld of %ld failed: status %d (%s), %s\n", n, total,
                    (int)rc, err.message, rc == SG_OK ? "different output" : "wrong status");
        free(out);
    }
    fail_at = 0;
    CU_ASSERT_EQUAL(bad, 0);
    fprintf(stderr, "%ld allocation points checked\n", total);
    free(ref);
    cJSON_InitHooks(NULL);
}

static void test_pipeline_survives_every_failed_allocation(void) { run_every_n(pipeline); }
static void test_eval_survives_every_failed_allocation(void) { run_every_n(eval_scenario); }

static CU_TestInfo tests[] = {
    {"pipeline survives every failed allocation", test_pipeline_survives_every_failed_allocation},
    {"eval survives every failed allocation", test_eval_survives_every_failed_allocation},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"allocation failure", NULL, NULL, NULL, NULL, tests},
                                CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

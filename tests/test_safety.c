/* test_safety.c - bad input at every parser boundary (issue 8): numbers out of range,
 * trailing JSON, invalid UTF-8, duplicate members, empty arrays, documented caps. Each
 * case once crashed, invoked undefined behaviour, leaked or silently lost data. The
 * allocation-failure loop over the public entry points lives in test_alloc.c. */
#define _POSIX_C_SOURCE 200809L
#ifndef NDEBUG
#define NDEBUG /* SG_ASSERT is tested as a release build compiles it */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "common/assert.h"
#include "sg_test.h"
#include "stancegraph/analyze.h"
#include "stancegraph/eval.h"
#include "stancegraph/extract.h"
#include "stancegraph/graph.h"
#include "stancegraph/lexicon.h"
#include "stancegraph/render.h"
#include "stancegraph/statements.h"
#include "stancegraph/text.h"

static sg_status parse_line(const char *line, sg_error *err)
{
    sg_statement s;
    sg_status rc = sg_statement_parse(&s, line, strlen(line), "s.jsonl", 7, err);
    sg_statement_destroy(&s);
    return rc;
}

#define ST "\"doc\":\"d\",\"actor\":\"A\",\"topic\":\"t\",\"stance\":1"

static void test_statement_numbers_out_of_range_are_refused(void)
{
    sg_error err;
    static const char *const bad[] = {
        "{" ST ",\"sentence\":1e300}", "{" ST ",\"sentence\":-3}", "{" ST ",\"sentence\":2.5}",
        "{" ST ",\"span\":[1e300,0]}", "{" ST ",\"span\":[-1e300,4]}", "{" ST ",\"span\":[9,4]}",
        "{" ST ",\"weight\":1e300}", "{" ST ",\"weight\":1e13}", NULL};
    for (size_t i = 0; bad[i]; i++) {
        CU_ASSERT_EQUAL(parse_line(bad[i], &err), SG_EINPUT);
        CU_ASSERT_EQUAL(err.line, 7);
    }
    CU_ASSERT_EQUAL(parse_line("{" ST ",\"sentence\":3,\"span\":[10,20],\"weight\":1e12}", &err), SG_OK);
}

static void test_statement_line_with_trailing_text_is_refused(void)
{
    sg_error err;
    CU_ASSERT_EQUAL(parse_line("{" ST "} xx", &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "after the JSON value"));
    CU_ASSERT_EQUAL(parse_line("{" ST "}{" ST "}", &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "second JSON value"));
    CU_ASSERT_EQUAL(parse_line("{" ST "}  \r\n", &err), SG_OK);
    /* and in a stream, with the line number */
    const char *text = "{" ST "}\n{" ST "}{\"doc\":\"e\",\"actor\":\"B\",\"topic\":\"t\",\"stance\":1}\n";
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    sg_statement_list list;
    sg_statement_list_init(&list);
    CU_ASSERT_EQUAL(sg_statements_read(&list, fp, "s.jsonl", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 2);
    fclose(fp);
    sg_statement_list_destroy(&list);
}

static sg_statement stmt(const char *actor, double weight)
{
    sg_statement s;
    sg_statement_init(&s);
    s.doc = strdup("d");
    s.actor = strdup(actor);
    s.topic = strdup("t");
    s.stance = 1;
    s.weight = weight;
    return s;
}

static void test_summed_weights_beyond_the_reader_limit_are_refused(void)
{
    sg_error err;
    sg_statement_list list;
    sg_statement_list_init(&list);
    for (int i = 0; i < 3; i++) {
        sg_statement s = stmt(i == 2 ? "B" : "A", 1e12);
        CU_ASSERT_EQUAL(sg_statement_list_take(&list, &s), SG_OK);
    }
    sg_graph *g = NULL;
    CU_ASSERT_EQUAL(sg_graph_build(&g, &list, NULL, &err), SG_OK);
    char *json = NULL;
    /* A's stance sums to 2e12: what build would write, analyze would refuse */
    CU_ASSERT_EQUAL(sg_graph_to_json(g, &json, &err), SG_EINPUT);
    CU_ASSERT_PTR_NULL(json);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "actor A"));
    sg_graph_free(g);
    sg_statement_list_destroy(&list);
    /* a single weight beyond the limit is refused by the builder itself */
    sg_statement s = stmt("A", 1e300);
    sg_graph_builder *b = NULL;
    CU_ASSERT_EQUAL(sg_graph_builder_new(&b, NULL, &err), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_builder_add(b, &s, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(sg_graph_builder_add_edge(b, "A", "B", 1e300, &err), SG_EINPUT);
    sg_graph_builder_free(b);
    sg_statement_destroy(&s);
}

static sg_status read_csv(const char *text, sg_error *err)
{
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    sg_graph_builder *b = NULL;
    sg_status rc = sg_graph_builder_new(&b, NULL, err);
    if (rc == SG_OK)
        rc = sg_graph_builder_read_edges(b, fp, "e.csv", err);
    sg_graph_builder_free(b);
    fclose(fp);
    return rc;
}

static void test_edge_csv_refuses_huge_weights_and_invalid_utf8(void)
{
    sg_error err;
    CU_ASSERT_EQUAL(read_csv("from,to,weight\nA,B,1e300\n", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_EQUAL(read_csv("from,to,weight\nA,B,2\nA\xff,B,1\n", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "UTF-8"));
    CU_ASSERT_EQUAL(read_csv("from,to,weight\nA,B,-1e12\n", &err), SG_OK);
}

static const char graph_head[] = "{\"stancegraph\":\"graph\",\"version\":1,\"topics\":[\"t\"],";

static sg_status parse_graph(const char *tail, sg_error *err)
{
    char buf[4096];
    snprintf(buf, sizeof(buf), "%s%s", graph_head, tail);
    sg_graph *g = NULL;
    sg_status rc = sg_graph_from_json(&g, buf, strlen(buf), "g.json", err);
    sg_graph_free(g);
    return rc;
}

static void test_graph_json_refuses_duplicate_members_and_invalid_utf8(void)
{
    sg_error err;
    const char *dec = "\"decision\":{\"body\":\"EU\",\"rule\":\"unanimity\",\"members\":[\"A\"]}";
    char tail[1024];
    snprintf(tail, sizeof(tail), "%s,%s,\"nodes\":[],\"edges\":[]}", dec, dec);
    CU_ASSERT_EQUAL(parse_graph(tail, &err), SG_EINPUT); /* leaked the first one */
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "twice"));
    CU_ASSERT_EQUAL(parse_graph("\"nodes\":[],\"nodes\":[],\"edges\":[]}", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(parse_graph("\"nodes\":[{\"id\":\"A\\u00e9\xc3\"}],\"edges\":[]}", &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "UTF-8"));
    CU_ASSERT_EQUAL(parse_graph("\"nodes\":[{\"id\":\"A\",\"stances\":[{\"topic\":\"t\",\"support\":1.5,\"oppose\":0}]}],\"edges\":[]}", &err), SG_EINPUT);
    snprintf(tail, sizeof(tail), "%s,\"nodes\":[],\"edges\":[]}", dec);
    CU_ASSERT_EQUAL(parse_graph(tail, &err), SG_OK);
}

static void test_graph_without_nodes_answers_lookups(void)
{
    sg_error err;
    sg_graph *g = NULL;
    const char *json = "{\"stancegraph\":\"graph\",\"version\":1,\"nodes\":[],\"edges\":[]}";
    CU_ASSERT_EQUAL_FATAL(sg_graph_from_json(&g, json, strlen(json), "g.json", &err), SG_OK);
    size_t node = 99;
    /* bsearch(NULL, 0, ...) is undefined: clang's UBSan reports it */
    CU_ASSERT_EQUAL(sg_graph_find_node(g, "A", &node), -1);
    CU_ASSERT_EQUAL(node, 99);
    sg_graph_free(g);
}

static sg_status load_lexicon(const char *json, sg_error *err)
{
    sg_lexicon *lex = NULL;
    sg_status rc = sg_lexicon_new(&lex, err);
    if (rc == SG_OK)
        rc = sg_lexicon_add_json(lex, json, strlen(json), "lex.json", err);
    if (rc == SG_OK)
        rc = sg_lexicon_finish(lex, err);
    sg_lexicon_free(lex);
    return rc;
}

static void test_lexicon_entries_without_names_are_errors_not_crashes(void)
{
    sg_error err;
    CU_ASSERT_EQUAL(load_lexicon("{\"sources\":[{\"aliases\":[]}]}", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(load_lexicon("{\"roles\":[{\"titles\":[]}]}", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(load_lexicon("{\"roles\":[{\"titles\":[3]}]}", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(load_lexicon("{\"sources\":[{\"id\":\"Reuters\",\"aliases\":[]}]}", &err), SG_OK);
    CU_ASSERT_EQUAL(load_lexicon("{\"cues\":[{\"forms\":[\"backs\"],\"polarity\":0.5}]}", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(load_lexicon("{\"actors\":[]} {\"actors\":[]}", &err), SG_EINPUT);
}

static void test_lexicon_caps_are_load_errors(void)
{
    sg_error err;
    char buf[8192];
    for (int groups = 31; groups <= 33; groups++) {
        int n = snprintf(buf, sizeof(buf), "{\"topics\":[{\"id\":\"t\",\"terms\":[");
        for (int g = 0; g < groups; g++)
            n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s[\"w%d\"]", g ? "," : "", g);
        snprintf(buf + n, sizeof(buf) - (size_t)n, "]}]}");
        CU_ASSERT_EQUAL(load_lexicon(buf, &err), groups <= 31 ? SG_OK : SG_EINPUT);
    }
    int n = snprintf(buf, sizeof(buf), "{\"actors\":[");
    for (int a = 0; a < 33; a++)
        n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s{\"id\":\"C%d\",\"aliases\":[\"C%d\"]}",
                      a ? "," : "", a, a);
    n += snprintf(buf + n, sizeof(buf) - (size_t)n, "],\"groups\":[{\"aliases\":[\"all\"],\"members\":[");
    for (int a = 0; a < 33; a++)
        n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s\"C%d\"", a ? "," : "", a);
    snprintf(buf + n, sizeof(buf) - (size_t)n, "]}]}");
    CU_ASSERT_EQUAL(load_lexicon(buf, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "at most 32"));
}

static void test_report_json_output_is_valid_utf8(void)
{
    const char *doc = "{\"stancegraph\":\"report\",\"version\":1,\"actors\":[{\"id\":\"A\xc3(\","
                      "\"stance\":\"support\",\"score\":1,\"camp\":1}],"
                      "\"camps\":[{\"id\":1,\"members\":[\"A\xc3(\"]}],\"edges\":[]}";
    char *out = NULL;
    size_t len = 0;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_render(&out, &len, doc, strlen(doc), SG_RENDER_JSON, NULL, &err), SG_OK);
    CU_ASSERT(sg_utf8_valid(out, len, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "A\xef\xbf\xbd("));
    free(out);
}

static void test_eval_gold_line_with_trailing_text_is_refused(void)
{
    const char *gold = "{\"file\":\"a.txt\",\"topic\":\"t\",\"stances\":[]} {\"x\":1}\n";
    sg_eval *ev = NULL;
    sg_error err;
    CU_ASSERT_EQUAL(sg_eval_new(&ev, gold, strlen(gold), "gold.jsonl", NULL, NULL, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_PTR_NULL(ev);
}

/* ---- extraction: nothing dropped, nothing repeated ---- */

static sg_lexicon *lex;

static int lex_init(void)
{
    return sg_lexicon_load(&lex, SG_SOURCE_DIR "/data/lexicon", NULL, NULL) == SG_OK ? 0 : 1;
}

static int lex_clean(void)
{
    sg_lexicon_free(lex);
    return 0;
}

static void extract_text(sg_statement_list *out, const char *text, const char *topic)
{
    sg_statement_list_init(out);
    sg_document doc = {"d", "2024-01-01", NULL, text, strlen(text)};
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = topic;
    sg_error err;
    CU_ASSERT_EQUAL(sg_extract_document(out, lex, &doc, &o, &err), SG_OK);
}

static void test_every_item_of_a_long_list_holds_the_stance(void)
{
    static const char *const names[] = {
        "Albania", "Austria", "Belgium", "Bulgaria", "Canada", "Croatia", "Cyprus", "Denmark",
        "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Iceland", "Ireland",
        "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta", "Montenegro", "Norway",
        "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden", "Turkey",
        "Japan", "Australia", "Chile", "Brazil", "Mexico", "Argentina", "Peru", "Kenya",
        "Ghana", NULL};
    char text[2048];
    size_t n = 0, k = 0;
    for (; names[k]; k++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%s", k ? (names[k + 1] ? ", " : " and ") : "",
                              names[k]);
    snprintf(text + n, sizeof(text) - n, " support Ukraine joining NATO.");
    sg_statement_list out;
    extract_text(&out, text, "ukraine-nato");
    /* the 33rd and later items were dropped */
    for (size_t j = 0; j < k; j++) {
        int found = 0;
        for (size_t i = 0; i < out.n; i++)
            found |= strcmp(out.items[i].actor, names[j]) == 0 && out.items[i].stance == 1;
        if (!found)
            fprintf(stderr, "no statement for list item %zu (%s)\n", j + 1, names[j]);
        CU_ASSERT(found);
    }
    sg_statement_list_destroy(&out);
}

static void test_relation_is_emitted_once_without_topic(void)
{
    sg_statement_list out;
    extract_text(&out, "Germany criticised Hungary over its veto.", NULL);
    size_t rel = 0;
    for (size_t i = 0; i < out.n; i++)
        rel += out.items[i].target != NULL;
    CU_ASSERT_EQUAL(rel, 1); /* was once per lexicon topic */
    sg_statement_list_destroy(&out);
}

static void test_statement_ids_are_unique_across_topics(void)
{
    sg_statement_list out;
    extract_text(&out, "Germany supports NATO membership for Ukraine and for Georgia.", NULL);
    CU_ASSERT(out.n >= 2);
    for (size_t i = 0; i < out.n; i++)
        for (size_t j = i + 1; j < out.n; j++)
            CU_ASSERT(strcmp(out.items[i].id, out.items[j].id) != 0);
    sg_statement_list_destroy(&out);
}

/* ---- rendering: nothing injected ---- */

static const char hostile_report[] =
    "{\"stancegraph\":\"report\",\"version\":1,\"topics\":[\"t\"],\"actors\":["
    "{\"id\":\"C:\\\\\",\"stance\":\"support\",\"score\":1,\"camp\":1},"
    "{\"id\":\"=HYPERLINK(\\\"http://evil\\\")\",\"stance\":\"oppose\",\"score\":-0.5,\"camp\":2},"
    "{\"id\":\"-2+3\",\"stance\":\"oppose\",\"score\":-1,\"camp\":2}],"
    "\"camps\":[{\"id\":1,\"members\":[\"C:\\\\\"]},"
    "{\"id\":2,\"members\":[\"-2+3\",\"=HYPERLINK(\\\"http://evil\\\")\"]}],"
    "\"edges\":[{\"source\":\"C:\\\\\",\"target\":\"-2+3\",\"weight\":-1,\"sign\":-1,"
    "\"kind\":\"x\\\\\\\" URL=\\\"javascript:alert(1)\\\" y=\\\"\"}]}";

static char *render_hostile(sg_render_format fmt)
{
    char *out = NULL;
    size_t len = 0;
    sg_error err;
    sg_status rc = sg_render(&out, &len, hostile_report, strlen(hostile_report), fmt, NULL, &err);
    if (rc != SG_OK)
        fprintf(stderr, "render: %s\n", err.message);
    CU_ASSERT_EQUAL(rc, SG_OK);
    return out;
}

static void test_backslashes_cannot_break_or_inject_into_dot(void)
{
    char *dot = render_hostile(SG_RENDER_DOT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
    Agraph_t *g = agmemread(dot);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g); /* a name ending in a backslash broke the file */
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            CU_ASSERT_PTR_NULL(agattr(g, AGEDGE, (char *)"URL", NULL));
            char *kind = agget(e, (char *)"kind");
            if (kind && kind[0])
                CU_ASSERT_PTR_NOT_NULL(strstr(kind, "javascript")); /* kept as text */
        }
    agclose(g);
    free(dot);
    char *svg = render_hostile(SG_RENDER_SVG);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT_PTR_NULL(strstr(svg, "href=\"javascript"));
    CU_ASSERT_PTR_NULL(strstr(svg, "xlink:href"));
    free(svg);
}

static void test_csv_cells_cannot_become_formulas(void)
{
    char *csv = render_hostile(SG_RENDER_CSV_NODES);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\"'=HYPERLINK("));
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\"'-2+3\""));
    CU_ASSERT_PTR_NULL(strstr(csv, "\n=HYPERLINK"));
    CU_ASSERT_PTR_NULL(strstr(csv, ",=HYPERLINK"));
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",-0.5,")); /* numbers stay numbers */
    free(csv);
    csv = render_hostile(SG_RENDER_CSV_EDGES);
    CU_ASSERT_PTR_NOT_NULL_FATAL(csv);
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\"'-2+3\""));
    free(csv);
}

static CU_TestInfo render_tests[] = {
    {"backslashes cannot break or inject into DOT", test_backslashes_cannot_break_or_inject_into_dot},
    {"CSV cells cannot become formulas", test_csv_cells_cannot_become_formulas},
    CU_TEST_INFO_NULL};

static CU_TestInfo extract_tests[] = {
    {"every item of a long list holds the stance", test_every_item_of_a_long_list_holds_the_stance},
    {"relation is emitted once without topic", test_relation_is_emitted_once_without_topic},
    {"statement ids are unique across topics", test_statement_ids_are_unique_across_topics},
    CU_TEST_INFO_NULL};

static void test_eval_gold_files_stay_inside_the_corpus(void)
{
    static const char *const bad[] = {"../../../../etc/shadow", "/etc/passwd", "a/../../b.txt",
                                      "./a.txt", "a//b.txt", "", "a\\..\\b", NULL};
    char gold[256];
    sg_eval *ev = NULL;
    sg_error err;
    for (size_t i = 0; bad[i]; i++) {
        snprintf(gold, sizeof(gold), "{\"file\":\"%s\",\"topic\":\"t\",\"stances\":[]}\n", bad[i]);
        CU_ASSERT_EQUAL(sg_eval_new(&ev, gold, strlen(gold), "gold.jsonl", NULL, NULL, &err), SG_EINPUT);
        CU_ASSERT_EQUAL(err.line, 1);
        sg_eval_free(ev);
        ev = NULL;
    }
    snprintf(gold, sizeof(gold), "{\"file\":\"sub/a..b.txt\",\"topic\":\"t\",\"stances\":[]}\n");
    CU_ASSERT_EQUAL(sg_eval_new(&ev, gold, strlen(gold), "gold.jsonl", NULL, NULL, &err), SG_OK);
    sg_eval_free(ev);
}

static sg_status checked_positive(int x, sg_error *err)
{
    SG_ASSERT(x > 0, err);
    return SG_OK;
}

static void test_sg_assert_returns_an_internal_error_in_release_builds(void)
{
    sg_error err;
    sg_error_clear(&err);
    CU_ASSERT_EQUAL(checked_positive(1, &err), SG_OK);
    CU_ASSERT_EQUAL(checked_positive(0, &err), SG_EINTERNAL);
    CU_ASSERT_EQUAL(err.code, SG_EINTERNAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "internal error: x > 0"));
    CU_ASSERT_EQUAL(checked_positive(0, NULL), SG_EINTERNAL);
}

static CU_TestInfo input_tests[] = {
    {"statement numbers out of range are refused", test_statement_numbers_out_of_range_are_refused},
    {"statement line with trailing text is refused", test_statement_line_with_trailing_text_is_refused},
    {"summed weights beyond the reader limit are refused", test_summed_weights_beyond_the_reader_limit_are_refused},
    {"edge CSV refuses huge weights and invalid UTF-8", test_edge_csv_refuses_huge_weights_and_invalid_utf8},
    {"graph.json refuses duplicate members and invalid UTF-8", test_graph_json_refuses_duplicate_members_and_invalid_utf8},
    {"graph without nodes answers lookups", test_graph_without_nodes_answers_lookups},
    {"lexicon entries without names are errors, not crashes", test_lexicon_entries_without_names_are_errors_not_crashes},
    {"lexicon caps are load errors", test_lexicon_caps_are_load_errors},
    {"report.json output is valid UTF-8", test_report_json_output_is_valid_utf8},
    {"eval gold line with trailing text is refused", test_eval_gold_line_with_trailing_text_is_refused},
    {"eval gold files stay inside the corpus", test_eval_gold_files_stay_inside_the_corpus},
    {"SG_ASSERT returns an internal error in release builds", test_sg_assert_returns_an_internal_error_in_release_builds},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"bad input", NULL, NULL, NULL, NULL, input_tests},
                                {"extraction limits", lex_init, lex_clean, NULL, NULL, extract_tests},
                                {"render escaping", NULL, NULL, NULL, NULL, render_tests},
                                CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

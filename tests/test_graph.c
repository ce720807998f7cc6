/* test_graph.c - the graph module: DNA's own values on its sample data, stance
 * aggregation, direct relations, duplicates, normalisations, windows, JSON round trip,
 * edge lists, merge and bad input.
 */
#define _POSIX_C_SOURCE 200809L
#include <CUnit/CUnit.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph_internal.h"
#include "sg_test.h"
#include "stancegraph/graph.h"
#include "stancegraph/statements.h"

#define DNA SG_TEST_DATA "/shared/dna-sample/"
#define EPA "Environmental Protection Agency"
#define ASE "Alliance to Save Energy"
#define EEA "Energy and Environmental Analysis, Inc."
#define LEGISLATION "There should be legislation to regulate emissions."

static void load(sg_statement_list *list, const char *path)
{
    sg_statement_list_init(list);
    FILE *fp = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    sg_error err;
    sg_error_clear(&err);
    sg_status rc = sg_statements_read(list, fp, path, &err);
    fclose(fp);
    if (rc != SG_OK)
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
    CU_ASSERT_EQUAL_FATAL(rc, SG_OK);
}

static sg_graph *build_with(const sg_statement_list *list, const sg_graph_options *opts)
{
    sg_graph *g = NULL;
    sg_error err;
    sg_error_clear(&err);
    sg_status rc = sg_graph_build(&g, list, opts, &err);
    if (rc != SG_OK)
        fprintf(stderr, "build: %s\n", err.message);
    CU_ASSERT_EQUAL(rc, SG_OK);
    if (g)
        CU_ASSERT_EQUAL(sg_graph_check(g, &err), SG_OK);
    return g;
}

static sg_graph *dna_graph(const char *aggregation, const char *norm, const char *type)
{
    sg_statement_list list;
    load(&list, DNA "statements.jsonl");
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    CU_ASSERT_EQUAL(sg_graph_option_set(&o, "qualifier-aggregation", aggregation, NULL), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_option_set(&o, "normalization", norm, NULL), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_option_set(&o, "network-type", type, NULL), SG_OK);
    sg_graph *g = build_with(&list, &o);
    sg_statement_list_destroy(&list);
    return g;
}

/* Weight of the edge between a and b (either direction, one kind), 0 when absent. */
static double weight_of(const sg_graph *g, const char *a, const char *b)
{
    size_t na, nb;
    if (sg_graph_find_node(g, a, &na) != 0 || sg_graph_find_node(g, b, &nb) != 0)
        return 0.0;
    double sum = 0.0;
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s, t;
        double w;
        sg_graph_edge(g, e, &s, &t, &w, NULL);
        if ((s == na && t == nb) || (s == nb && t == na))
            sum += w;
    }
    return sum;
}

static double weight_sum(const sg_graph *g)
{
    double sum = 0.0;
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        double w;
        sg_graph_edge(g, e, NULL, NULL, &w, NULL);
        sum += w;
    }
    return sum;
}

/* A statement record built in place (strings are owned by the record). */
static void stmt(sg_statement_list *list, const char *id, const char *doc, const char *date,
                 const char *actor, const char *topic, const char *target, int stance,
                 double weight)
{
    sg_statement s;
    sg_statement_init(&s);
    s.id = id ? strdup(id) : NULL;
    s.doc = strdup(doc);
    s.date = date ? strdup(date) : NULL;
    s.actor = strdup(actor);
    s.topic = strdup(topic);
    s.target = target ? strdup(target) : NULL;
    s.stance = stance;
    s.weight = weight;
    CU_ASSERT_EQUAL_FATAL(sg_statement_list_take(list, &s), SG_OK);
}

/* ---- DNA's values on its sample data ---- */

static void test_dna_twomode_ignore_sums_to_40_with_22_edges(void)
{
    sg_graph *g = dna_graph("ignore", "no", "twomode");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(sg_graph_node_count(g), 7 + 6);
    CU_ASSERT_EQUAL(sg_graph_edge_count(g), 22);
    CU_ASSERT_DOUBLE_EQUAL(weight_sum(g), 40.0, 1e-9);
    sg_graph_free(g);
}

/* Strip DNA's CSV quotes in place. */
static char *unquote(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s[n - 1] = '\0';
        return s + 1;
    }
    return s;
}

/* Split line at ';' in place into at most max fields. */
static int split_semicolons(char *line, char **fields, int max)
{
    int n = 0;
    for (char *p = line; n < max; p++) {
        fields[n++] = p;
        p = strchr(p, ';');
        if (p == NULL)
            break;
        *p = '\0';
    }
    return n;
}

static void test_dna_twomode_equals_manual_matrix(void)
{
    sg_graph *g = dna_graph("ignore", "no", "twomode");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    FILE *fp = fopen(DNA "twomode_concept_x_org_manual.csv", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    char head[4096], line[4096], *orgs[16], *cells[16];
    int cells_seen = 0;
    CU_ASSERT_PTR_NOT_NULL_FATAL(fgets(head, sizeof(head), fp));
    int n_orgs = split_semicolons(head, orgs, 16);
    CU_ASSERT_EQUAL_FATAL(n_orgs, 8);
    for (int i = 0; i < n_orgs; i++)
        orgs[i] = unquote(orgs[i]);
    while (fgets(line, sizeof(line), fp)) {
        int n = split_semicolons(line, cells, 16);
        CU_ASSERT_EQUAL_FATAL(n, n_orgs);
        const char *concept = unquote(cells[0]);
        for (int i = 1; i < n_orgs; i++) {
            CU_ASSERT_DOUBLE_EQUAL(weight_of(g, orgs[i], concept), atof(cells[i]), 1e-9);
            cells_seen++;
        }
    }
    fclose(fp);
    CU_ASSERT_EQUAL(cells_seen, 7 * 6);
    sg_graph_free(g);
}

static void test_dna_onemode_ignore_sums_to_276_with_21_edges(void)
{
    sg_graph *g = dna_graph("ignore", "no", "onemode");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(sg_graph_node_count(g), 7);
    CU_ASSERT_EQUAL(sg_graph_edge_count(g), 21);
    /* DNA sums the full symmetric matrix: each pair counts twice */
    CU_ASSERT_DOUBLE_EQUAL(2 * weight_sum(g), 276.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, EPA, ASE), 10.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, EPA, EEA), 2.0, 1e-9);
    sg_graph_free(g);
}

static void test_dna_congruence_average_sums_to_25_80(void)
{
    sg_graph *g = dna_graph("congruence", "average", "onemode");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    double sum = 2 * weight_sum(g);
    CU_ASSERT_DOUBLE_EQUAL(sum, 25.802436, 1e-5);
    CU_ASSERT_EQUAL(lround(sum), 26);
    sg_graph_free(g);
}

static void test_dna_subset_congruence_average_sums_to_10(void)
{
    sg_statement_list all, some;
    load(&all, DNA "statements.jsonl");
    sg_statement_list_init(&some);
    for (size_t i = 0; i < all.n; i++) {
        const sg_statement *s = &all.items[i];
        if (strcmp(s->topic, LEGISLATION) == 0 || strcmp(s->actor, "Senate") == 0 ||
            strcmp(s->actor, "Sierra Club") == 0)
            continue;
        sg_statement copy;
        CU_ASSERT_EQUAL_FATAL(sg_statement_copy(&copy, s), SG_OK);
        CU_ASSERT_EQUAL_FATAL(sg_statement_list_take(&some, &copy), SG_OK);
    }
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.qualifier_aggregation = SG_QUALIFIER_CONGRUENCE;
    o.normalization = SG_NORM_AVERAGE;
    sg_graph *g = build_with(&some, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(sg_graph_node_count(g), 5);
    CU_ASSERT_EQUAL(lround(2 * weight_sum(g)), 10);
    sg_graph_free(g);
    sg_statement_list_destroy(&all);
    sg_statement_list_destroy(&some);
}

static void test_dna_senate_sierra_club_congruence_conflict_subtract(void)
{
    const char *aggs[3] = {"congruence", "conflict", "subtract"};
    const double want[3] = {2.0, 5.0, -3.0};
    for (int i = 0; i < 3; i++) {
        sg_graph *g = dna_graph(aggs[i], "no", "onemode");
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "Senate", "Sierra Club"), want[i], 1e-9);
        sg_graph_free(g);
    }
}

static void test_dna_options_outside_dna_are_usage_errors(void)
{
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    sg_graph *g = NULL;
    sg_error err;
    o.network_type = SG_NETWORK_TWOMODE;
    o.qualifier_aggregation = SG_QUALIFIER_CONGRUENCE;
    CU_ASSERT_EQUAL(sg_graph_build(&g, NULL, &o, &err), SG_EUSAGE);
    o.qualifier_aggregation = SG_QUALIFIER_SUBTRACT;
    o.normalization = SG_NORM_AVERAGE;
    CU_ASSERT_EQUAL(sg_graph_build(&g, NULL, &o, &err), SG_EUSAGE);
    o.network_type = SG_NETWORK_ONEMODE;
    o.normalization = SG_NORM_ACTIVITY;
    CU_ASSERT_EQUAL(sg_graph_build(&g, NULL, &o, &err), SG_EUSAGE);
    CU_ASSERT_EQUAL(sg_graph_option_set(&o, "normalization", "cosinus", &err), SG_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cosine-vector"));
    CU_ASSERT_PTR_NULL(g);
}

/* ---- our own definitions ---- */

static void test_stance_score_sums_signed_weights_with_counts(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    stmt(&l, "a1", "d1", NULL, "US", "t", NULL, -1, 0.8);
    stmt(&l, "a2", "d1", NULL, "US", "t", NULL, -1, 0.8);
    stmt(&l, "a3", "d2", NULL, "US", "t", NULL, 0, 0.5);
    stmt(&l, "a4", "d2", NULL, "US", "t", NULL, 1, 0.25);
    sg_graph *g = build_with(&l, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    char *json = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(g, &json, NULL), SG_OK);
    cJSON *doc = cJSON_Parse(json);
    cJSON *st = cJSON_GetArrayItem(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "nodes"), 0), "stances"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(st);
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetObjectItem(st, "score")->valuedouble, -1.35, 1e-9);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(st, "support")->valueint, 1);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(st, "oppose")->valueint, 2);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(st, "neutral")->valueint, 1);
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetObjectItem(st, "weight_oppose")->valuedouble, 1.6, 1e-9);
    cJSON_Delete(doc);
    free(json);
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

/* Stance 0 adds to activity and to "ignore", never to congruence or conflict. */
static void test_stance_zero_counts_activity_but_takes_no_side(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    stmt(&l, "1", "d", NULL, "A", "t", NULL, 1, 1);
    stmt(&l, "2", "d", NULL, "B", "t", NULL, 1, 1);
    stmt(&l, "3", "d", NULL, "B", "t", NULL, 0, 1);
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.qualifier_aggregation = SG_QUALIFIER_IGNORE;
    sg_graph *g = build_with(&l, &o);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "A", "B"), 2.0, 1e-12);
    sg_graph_free(g);
    o.qualifier_aggregation = SG_QUALIFIER_CONGRUENCE;
    o.normalization = SG_NORM_AVERAGE; /* 1 / ((1 + 2) / 2) */
    g = build_with(&l, &o);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "A", "B"), 2.0 / 3.0, 1e-12);
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

static void test_direct_relation_becomes_direct_edge(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    stmt(&l, "r1", "d", NULL, "Hungary", "t", "Ukraine", -1, 0.5);
    stmt(&l, "r2", "d", NULL, "Hungary", "t", "Ukraine", -1, 0.25);
    sg_graph *g = build_with(&l, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(sg_graph_node_count(g), 2);
    CU_ASSERT_EQUAL_FATAL(sg_graph_edge_count(g), 1);
    size_t s, t, h, u;
    double w;
    const char *kind;
    sg_graph_edge(g, 0, &s, &t, &w, &kind);
    CU_ASSERT_EQUAL(sg_graph_find_node(g, "Hungary", &h), 0);
    CU_ASSERT_EQUAL(sg_graph_find_node(g, "Ukraine", &u), 0);
    CU_ASSERT_EQUAL(s, h);
    CU_ASSERT_EQUAL(t, u);
    CU_ASSERT_DOUBLE_EQUAL(w, -0.75, 1e-12);
    CU_ASSERT_STRING_EQUAL(kind, "direct");
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

static void test_node_evidence_is_capped_at_20_in_input_order(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    char id[16];
    for (int i = 0; i < 30; i++) {
        snprintf(id, sizeof(id), "s%02d", i);
        stmt(&l, id, "d", NULL, "A", "t", NULL, 1, 1);
    }
    sg_graph *g = build_with(&l, NULL);
    char *json = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(g, &json, NULL), SG_OK);
    cJSON *doc = cJSON_Parse(json);
    cJSON *node = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "nodes"), 0);
    cJSON *ev = cJSON_GetObjectItem(node, "evidence");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(ev), SG_GRAPH_NODE_EVIDENCE);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(cJSON_GetArrayItem(ev, 0), "id")->valuestring, "s00");
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(cJSON_GetArrayItem(ev, 19), "id")->valuestring, "s19");
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(node, "statements")->valueint, 30);
    cJSON_Delete(doc);
    free(json);
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

static double dup_weight(sg_duplicates d)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    stmt(&l, "1", "d1", "2024-01-01", "A", "t", NULL, 1, 1); /* Monday */
    stmt(&l, "2", "d1", "2024-01-01", "A", "t", NULL, 1, 1); /* same document */
    stmt(&l, "3", "d2", "2024-01-07", "A", "t", NULL, 1, 1); /* Sunday, same week */
    stmt(&l, "4", "d3", "2024-01-08", "A", "t", NULL, 1, 1); /* next week */
    stmt(&l, "5", "d4", "2024-03-01", "A", "t", NULL, 1, 1); /* another month */
    stmt(&l, "6", "d9", "2024-03-01", "B", "t", NULL, 1, 1);
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.duplicates = d;
    sg_graph *g = build_with(&l, &o);
    double w = weight_of(g, "A", "B");
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
    return w;
}

static void test_duplicates_count_once_per_period(void)
{
    CU_ASSERT_DOUBLE_EQUAL(dup_weight(SG_DUP_INCLUDE), 5.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dup_weight(SG_DUP_DOCUMENT), 4.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dup_weight(SG_DUP_WEEK), 3.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dup_weight(SG_DUP_MONTH), 2.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(dup_weight(SG_DUP_YEAR), 1.0, 1e-12);
}

static void test_topic_filter_keeps_only_named_topics(void)
{
    sg_statement_list l;
    load(&l, DNA "statements.jsonl");
    const char *keep[1] = {LEGISLATION};
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.topics = keep;
    o.n_topics = 1;
    o.network_type = SG_NETWORK_TWOMODE;
    o.qualifier_aggregation = SG_QUALIFIER_IGNORE;
    sg_graph *g = build_with(&l, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_DOUBLE_EQUAL(weight_sum(g), 1 + 10 + 2 + 2 + 1, 1e-12); /* manual's row */
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, EPA, LEGISLATION), 10.0, 1e-12);
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

/* Jaccard (DNA): w / (m10 + m01 + m11); cosine (DNA): w / (t_i t_j); cosine-vector:
 * textbook cosine of the (topic, side) profiles. A: t1+ x2, t2+; B: t1+, t2-. */
static void test_normalisations_follow_their_definitions(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    stmt(&l, "1", "d", NULL, "A", "t1", NULL, 1, 1);
    stmt(&l, "2", "d", NULL, "A", "t1", NULL, 1, 1);
    stmt(&l, "3", "d", NULL, "A", "t2", NULL, 1, 1);
    stmt(&l, "4", "d", NULL, "B", "t1", NULL, 1, 1);
    stmt(&l, "5", "d", NULL, "B", "t2", NULL, -1, 1);
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.qualifier_aggregation = SG_QUALIFIER_CONGRUENCE; /* raw congruence = 2 */
    const sg_normalization norms[4] = {SG_NORM_NO, SG_NORM_JACCARD, SG_NORM_COSINE,
                                       SG_NORM_COSINE_VECTOR};
    /* jaccard: m10 = 1 (A t2+), m01 = 1 (B t2-), m11 = 2*1 -> 2/4 */
    const double want[4] = {2.0, 0.5, 2.0 / 6.0, 2.0 / (sqrt(5.0) * sqrt(2.0))};
    for (int i = 0; i < 4; i++) {
        o.normalization = norms[i];
        sg_graph *g = build_with(&l, &o);
        CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "A", "B"), want[i], 1e-12);
        sg_graph_free(g);
    }
    sg_statement_list_destroy(&l);
}

static void test_twomode_activity_and_prominence(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    stmt(&l, "1", "d", NULL, "A", "t1", NULL, 1, 1);
    stmt(&l, "2", "d", NULL, "A", "t2", NULL, -1, 1);
    stmt(&l, "3", "d", NULL, "A", "t2", NULL, -1, 1);
    stmt(&l, "4", "d", NULL, "B", "t2", NULL, 1, 1);
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.network_type = SG_NETWORK_TWOMODE;
    o.normalization = SG_NORM_ACTIVITY; /* subtract: A-t2 = -2 / 3 */
    sg_graph *g = build_with(&l, &o);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "A", "t2"), -2.0 / 3.0, 1e-12);
    sg_graph_free(g);
    o.normalization = SG_NORM_PROMINENCE; /* t2 has 3 statements */
    g = build_with(&l, &o);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "B", "t2"), 1.0 / 3.0, 1e-12);
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

static void test_windows_give_one_network_each_and_the_moves(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    stmt(&l, "1", "d1", "2024-01-02", "A", "t", NULL, 1, 1);
    stmt(&l, "2", "d1", "2024-01-02", "B", "t", NULL, 1, 1);
    stmt(&l, "3", "d2", "2024-01-10", "A", "t", NULL, -1, 1); /* A turns */
    stmt(&l, "4", "d2", "2024-01-10", "B", "t", NULL, 1, 1);
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.window_days = 7;
    o.step_days = 7;
    o.window_networks = 1;
    sg_graph *g = build_with(&l, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(sg_graph_window_count(g), 2); /* weeks of Jan 1 and Jan 8 */
    char *json = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(g, &json, NULL), SG_OK);
    cJSON *doc = cJSON_Parse(json);
    cJSON *wins = cJSON_GetObjectItem(doc, "windows");
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(cJSON_GetArrayItem(wins, 0), "start")->valuestring,
                           "2024-01-01");
    cJSON *e0 = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(wins, 0), "edges"), 0);
    cJSON *e1 = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(wins, 1), "edges"), 0);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(e0, "weight")->valueint, 1);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(e1, "weight")->valueint, -1);
    cJSON *moved = cJSON_GetObjectItem(doc, "moved");
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(moved), 1);
    cJSON *m = cJSON_GetArrayItem(moved, 0);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(m, "actor")->valuestring, "A");
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(m, "from")->valuestring, "support");
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(m, "to")->valuestring, "oppose");
    cJSON *ev = cJSON_GetObjectItem(m, "evidence");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(ev), 2);
    CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(ev, 1)->valuestring, "3");
    cJSON_Delete(doc);
    free(json);
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

/* Without window_networks (the default) windows keep their stances, not a network. */
static void test_windows_without_networks_have_stances_only(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    stmt(&l, "1", "d1", "2024-01-02", "A", "t", NULL, 1, 1);
    stmt(&l, "2", "d1", "2024-01-02", "B", "t", NULL, 1, 1);
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.window_days = 7;
    sg_graph *g = build_with(&l, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    char *json = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(g, &json, NULL), SG_OK);
    cJSON *doc = cJSON_Parse(json);
    cJSON *w0 = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "windows"), 0);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(w0, "stances")), 2);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(w0, "edges")), 0);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "edges")), 1);
    cJSON_Delete(doc);
    free(json);
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

/* n actors on one topic (alternating sides, activity falling with the index). */
static void crowd(sg_statement_list *l, int n)
{
    char id[32], actor[32];
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof(id), "s%d", i);
        snprintf(actor, sizeof(actor), "A%04d", i);
        stmt(l, id, "d", NULL, actor, "t", NULL, i % 2 ? 1 : -1, 1.0 + (n - i) / 1000.0);
    }
}

/* Partners of each node of g (its degree), into deg[0 .. node count). */
static void degrees(const sg_graph *g, size_t *deg)
{
    memset(deg, 0, sg_graph_node_count(g) * sizeof(size_t));
    for (size_t e = 0; e < sg_graph_edge_count(g); e++) {
        size_t s, t;
        double w;
        const char *k;
        sg_graph_edge(g, e, &s, &t, &w, &k);
        deg[s]++;
        deg[t]++;
    }
}

/* On a topic with more than topic_partners + 1 actors the pairs are a ring of bounded
 * degree in activity order: every actor has exactly topic_partners partners (no actor
 * is everyone's partner, as the 100 most active were before), the most active are
 * paired with each other, the kept edges have their exact weights; 0 is every pair. */
static void test_topic_partners_prune_large_topics(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    crowd(&l, 150);
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.topic_partners = 0;
    sg_graph *all = build_with(&l, &o);
    o.topic_partners = 100;
    sg_graph *some = build_with(&l, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(all);
    CU_ASSERT_PTR_NOT_NULL_FATAL(some);
    CU_ASSERT_EQUAL(sg_graph_edge_count(all), 150 * 149 / 2);
    CU_ASSERT_EQUAL(sg_graph_edge_count(some), 150 * 100 / 2);
    size_t deg[150];
    degrees(some, deg);
    for (size_t v = 0; v < 150; v++)
        CU_ASSERT_EQUAL(deg[v], 100);
    for (size_t e = 0; e < sg_graph_edge_count(some); e++) {
        size_t s, t, s2, t2;
        double w, w2;
        const char *k;
        sg_graph_edge(some, e, &s, &t, &w, &k);
        size_t a = 0, b = 0;
        CU_ASSERT_EQUAL(sg_graph_find_node(all, sg_graph_node_id(some, s), &a), 0);
        CU_ASSERT_EQUAL(sg_graph_find_node(all, sg_graph_node_id(some, t), &b), 0);
        int found = 0;
        for (size_t f = 0; f < sg_graph_edge_count(all) && !found; f++) {
            sg_graph_edge(all, f, &s2, &t2, &w2, &k);
            if (s2 == a && t2 == b) {
                found = 1;
                CU_ASSERT_DOUBLE_EQUAL(w, w2, 1e-12);
            }
        }
        CU_ASSERT(found);
    }
    /* activity falls with the index: neighbours in activity are partners */
    CU_ASSERT(weight_of(some, "A0000", "A0001") != 0.0);
    CU_ASSERT(weight_of(some, "A0000", "A0025") != 0.0);
    CU_ASSERT(weight_of(some, "A0070", "A0071") != 0.0);
    sg_graph_free(all);
    sg_graph_free(some);
    /* 1,000 actors: still 100 partners each, and the same graph from reversed input */
    sg_statement_list_destroy(&l);
    sg_statement_list_init(&l);
    crowd(&l, 1000);
    some = build_with(&l, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(some);
    CU_ASSERT_EQUAL(sg_graph_edge_count(some), 1000 * 100 / 2);
    size_t *big = calloc(1000, sizeof(size_t));
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    degrees(some, big);
    for (size_t v = 0; v < 1000; v++)
        CU_ASSERT_EQUAL(big[v], 100);
    free(big);
    for (size_t i = 0, j = l.n - 1; i < j; i++, j--) {
        sg_statement tmp = l.items[i];
        l.items[i] = l.items[j];
        l.items[j] = tmp;
    }
    sg_graph *rev = build_with(&l, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rev);
    char *j1 = NULL, *j2 = NULL;
    CU_ASSERT_EQUAL(sg_graph_to_json(some, &j1, NULL), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_to_json(rev, &j2, NULL), SG_OK);
    CU_ASSERT(j1 && j2 && strcmp(j1, j2) == 0);
    free(j1);
    free(j2);
    sg_graph_free(rev);
    sg_graph_free(some);
    /* at or below topic_partners + 1 actors the network is exact */
    sg_statement_list_destroy(&l);
    sg_statement_list_init(&l);
    crowd(&l, 101);
    some = build_with(&l, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(some);
    CU_ASSERT_EQUAL(sg_graph_edge_count(some), 101 * 100 / 2);
    sg_graph_free(some);
    sg_statement_list_destroy(&l);
}

/* sg_graph_builder_write (windows made while written) writes what finish + write does. */
static void test_streamed_windows_write_the_same_graph(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    static const char *const dates[] = {"2024-01-02", "2024-01-09", "2024-01-20", "2024-02-14"};
    char id[16], actor[8];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof(id), "s%d", i);
        snprintf(actor, sizeof(actor), "A%d", i % 5);
        stmt(&l, id, "d", dates[i % 4], actor, i % 3 ? "t" : "u", NULL, (i / 5) % 2 ? 1 : -1, 1);
    }
    for (int networks = 0; networks < 2; networks++) {
        sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
        o.window_days = 14;
        o.step_days = 3;
        o.window_networks = networks;
        sg_graph *g = build_with(&l, &o);
        CU_ASSERT_PTR_NOT_NULL_FATAL(g);
        char *a = NULL;
        CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(g, &a, NULL), SG_OK);
        sg_graph_builder *b = NULL;
        CU_ASSERT_EQUAL_FATAL(sg_graph_builder_new(&b, &o, NULL), SG_OK);
        for (size_t i = 0; i < l.n; i++)
            CU_ASSERT_EQUAL(sg_graph_builder_add(b, &l.items[i], NULL), SG_OK);
        char *s = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&s, &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
        CU_ASSERT_EQUAL(sg_graph_builder_write(b, fp, NULL, NULL), SG_OK);
        fclose(fp);
        CU_ASSERT(strstr(a, "\"moved\":[\n{") != NULL); /* the data has moves */
        CU_ASSERT(s != NULL && strcmp(a, s) == 0);
        free(a);
        free(s);
        sg_graph_builder_free(b);
        sg_graph_free(g);
    }
    sg_statement_list_destroy(&l);
}

static void test_json_round_trip_is_identical(void)
{
    sg_statement_list l;
    load(&l, DNA "statements.jsonl");
    stmt(&l, "rel1", "doc9", "2005-02-20", "Senate", "x", "Sierra Club", -1, 0.5);
    const char *members[2] = {"Senate", "Sierra Club"};
    sg_decision d = {"Congress", "majority", members, 2, NULL, NULL, NULL};
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.decision = &d;
    o.window_days = 14;
    o.step_days = 7;
    sg_graph *g = build_with(&l, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    char *a = NULL, *b = NULL;
    sg_graph *back = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(g, &a, &err), SG_OK);
    CU_ASSERT_EQUAL_FATAL(sg_graph_from_json(&back, a, strlen(a), "g.json", &err), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_check(back, &err), SG_OK);
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(back, &b, &err), SG_OK);
    CU_ASSERT_STRING_EQUAL(a, b);
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "\"decision\":{\"body\":\"Congress\""));
    free(a);
    free(b);
    sg_graph_free(back);
    sg_graph_free(g);
    sg_statement_list_destroy(&l);
}

static void expect_bad_json(const char *json, long line, const char *words)
{
    sg_graph *g = NULL;
    sg_error err;
    sg_error_clear(&err);
    CU_ASSERT_EQUAL(sg_graph_from_json(&g, json, strlen(json), "bad.json", &err), SG_EINPUT);
    CU_ASSERT_PTR_NULL(g);
    CU_ASSERT_STRING_EQUAL(err.file, "bad.json");
    CU_ASSERT_EQUAL(err.line, line);
    if (strstr(err.message, words) == NULL)
        fprintf(stderr, "message: %s\n", err.message);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, words));
}

static void test_from_json_rejects_bad_input_naming_the_line(void)
{
    expect_bad_json("{\"stancegraph\":\"graph\",\n\"nodes\":[\n{\"id\":\"a\"},\n{\"id\":}]}", 4,
                    "malformed");
    expect_bad_json("{\"stancegraph\":\"report\"}", 1, "not a graph.json");
    expect_bad_json("{\"version\":1}", 1, "not a graph.json");
    expect_bad_json("[1,2]", 1, "expected a JSON object");
    expect_bad_json("{\"stancegraph\":\"graph\",\"nodes\":[{\"id\":\"a\"}],\n\"edges\":[\n"
                    "{\"source\":\"a\",\"target\":\"b\",\"weight\":1}]}", 3, "not a node");
    expect_bad_json("{\"stancegraph\":\"graph\",\"nodes\":[{\"id\":\"a\"}],\n\"edges\":[\n"
                    "{\"source\":\"a\",\"target\":\"a\",\"weight\":0}]}", 3, "non-zero");
    expect_bad_json("{\"stancegraph\":\"graph\",\n\"normalization\":\"cosinus\"}", 2,
                    "network setting");
    expect_bad_json("{\"stancegraph\":\"graph\"} x", 1, "after the JSON object");
}

/* Read a graph whose one edge is `edge`, as given (edge_fast: 1 when it is flat) and
 * made non-flat by one more member cJSON must read ("zz":{}, which edges ignore):
 * both ways give the same status, message and line, or the same graph. */
static void expect_edge_read_alike(const char *edge, int edge_fast)
{
    static const char *head = "{\"stancegraph\":\"graph\",\"nodes\":[{\"id\":\"a\"},"
                              "{\"id\":\"b\"},{\"id\":\"c\"}],\n\"edges\":[\n";
    char fast[1024], slow[1024];
    size_t n = strlen(edge);
    CU_ASSERT_FATAL(n >= 2 && edge[n - 1] == '}' && n < 900);
    snprintf(fast, sizeof(fast), "%s%s]}", head, edge);
    snprintf(slow, sizeof(slow), "%s%.*s%s\"zz\":{}}]}", head, (int)(n - 1), edge,
             n == 2 ? "" : ",");
    sg_flat flat;
    size_t end, at = strlen(head);
    int got = sg_graph__flat_scan(fast, strlen(fast), at, &flat, &end);
    CU_ASSERT_EQUAL(got, edge_fast);
    if (got != edge_fast)
        fprintf(stderr, "\n  flat %d: %s\n", got, edge);
    CU_ASSERT_EQUAL(sg_graph__flat_scan(slow, strlen(slow), at, &flat, &end), 0);
    sg_graph *g[2] = {NULL, NULL};
    sg_error err[2];
    sg_status rc[2];
    char *out[2] = {NULL, NULL};
    const char *text[2] = {fast, slow};
    for (int k = 0; k < 2; k++) {
        sg_error_clear(&err[k]);
        rc[k] = sg_graph_from_json(&g[k], text[k], strlen(text[k]), "e.json", &err[k]);
        if (rc[k] == SG_OK)
            CU_ASSERT_EQUAL(sg_graph_to_json(g[k], &out[k], NULL), SG_OK);
    }
    CU_ASSERT_EQUAL(rc[0], rc[1]);
    CU_ASSERT_STRING_EQUAL(err[0].message, err[1].message);
    CU_ASSERT_EQUAL(err[0].line, err[1].line);
    if (out[0] && out[1])
        CU_ASSERT_STRING_EQUAL(out[0], out[1]);
    if (rc[0] != rc[1] || strcmp(err[0].message, err[1].message) != 0 ||
        (out[0] && out[1] && strcmp(out[0], out[1]) != 0))
        fprintf(stderr, "\n  %s: %d '%s' / %d '%s'\n", edge, rc[0], err[0].message, rc[1],
                err[1].message);
    for (int k = 0; k < 2; k++) {
        free(out[k]);
        sg_graph_free(g[k]);
    }
}

/* graph.json edges as build writes them skip cJSON (sg_graph__flat_scan); every edge,
 * flat or not, good or bad, must read as through cJSON. */
static void test_flat_edges_read_as_through_cjson(void)
{
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":-125.8835,\"sign\":-1,"
                           "\"kind\":\"subtract\",\"congruence\":22.6601,\"conflict\":148.5436,"
                           "\"evidence\":[\"s1\",\"s2\",\"s1\"]}", 1);
    expect_edge_read_alike("{ \"source\" :\t\"a\" ,\n\"target\":\"c\", \"weight\": 2.5E-1 ,"
                           " \"evidence\" : [ \"s1\" ,\r\n\"s3\" ] }", 1);
    expect_edge_read_alike("{\"source\":\"b\",\"target\":\"c\",\"weight\":3,\"evidence\":[]}", 1);
    expect_edge_read_alike("{\"source\":\"b\",\"target\":\"a\",\"weight\":0.000001}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"source\":\"c\",\"target\":\"b\",\"weight\":1,"
                           "\"weight\":2}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":"
                           "123456789012.345678901234567}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1,\"kind\":\"tie\","
                           "\"congruence\":\"x\",\"conflict\":[\"y\"]}", 1);
    expect_edge_read_alike("{}", 1);
    /* a leading zero is not JSON, but cJSON reads it as strtod does, and so does this */
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":01}", 1);
    /* refused, with the cJSON path's message and line */
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":\"1\"}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":-0.0}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1e13}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1e999}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1,\"congruence\":2e12}",
                           1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1,\"kind\":\"foo\"}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1,\"kind\":"
                           "\"subtractsubtractsubtractsubtractsubtract\"}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1,\"evidence\":\"s1\"}",
                           1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1,\"evidence\":7}", 1);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"x\\u00e9\",\"weight\":1}", 0);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"d\u00e9\",\"weight\":1}", 1);
    expect_edge_read_alike("{\"source\":1,\"target\":\"b\",\"weight\":1}", 1);
    /* not flat: cJSON reads them */
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1,\"evidence\":null}", 0);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1,\"evidence\":[\"s1\",2]}",
                           0);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":1.}", 0);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":+1}", 0);
    expect_edge_read_alike("{\"source\":\"a\",\"target\":\"b\",\"weight\":true}", 0);
    expect_edge_read_alike("{\"m1\":1,\"m2\":2,\"m3\":3,\"m4\":4,\"m5\":5,\"m6\":6,\"m7\":7,"
                           "\"m8\":8,\"m9\":9,\"m10\":10,\"m11\":11,\"m12\":12,\"m13\":13,"
                           "\"m14\":14,\"source\":\"a\",\"target\":\"b\",\"weight\":1}", 0);
}

static void test_bad_statements_are_input_errors(void)
{
    sg_graph_builder *b = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_graph_builder_new(&b, NULL, &err), SG_OK);
    sg_statement s;
    sg_statement_init(&s);
    s.doc = "d";
    s.actor = "A";
    s.topic = "t";
    s.stance = 2;
    CU_ASSERT_EQUAL(sg_graph_builder_add(b, &s, &err), SG_EINPUT);
    s.stance = 1;
    s.weight = 0;
    CU_ASSERT_EQUAL(sg_graph_builder_add(b, &s, &err), SG_EINPUT);
    s.weight = 1;
    s.date = "2024-02-30";
    CU_ASSERT_EQUAL(sg_graph_builder_add(b, &s, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "YYYY-MM-DD"));
    s.date = "2024-02-29";
    CU_ASSERT_EQUAL(sg_graph_builder_add(b, &s, &err), SG_OK);
    sg_graph_builder_free(b);
}

static sg_status read_edges(const char *text, sg_graph **out, sg_error *err)
{
    sg_graph_builder *b = NULL;
    *out = NULL;
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    sg_status rc = sg_graph_builder_new(&b, NULL, err);
    if (rc == SG_OK)
        rc = sg_graph_builder_read_edges(b, fp, "e.csv", err);
    if (rc == SG_OK)
        rc = sg_graph_builder_finish(b, out, err);
    sg_graph_builder_free(b);
    fclose(fp);
    return rc;
}

static void test_edge_list_reads_sign_or_weight_columns(void)
{
    sg_graph *g = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(read_edges("from,to,sign\na,b,1\nb,c,-1\n", &g, &err), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_edge_count(g), 2);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "b", "c"), -1.0, 1e-12);
    sg_graph_free(g);
    CU_ASSERT_EQUAL_FATAL(read_edges("weight,\"to\",from\n0.5,b,\"x, y\"\n", &g, &err), SG_OK);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "x, y", "b"), 0.5, 1e-12);
    sg_graph_free(g);
    CU_ASSERT_EQUAL(read_edges("from,to,sign\na,b,1\na,c,2\n", &g, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_STRING_EQUAL(err.file, "e.csv");
    CU_ASSERT_EQUAL(read_edges("a,b,c\n", &g, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(read_edges("from,to,weight\na,b,x\n", &g, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 2);
}

/* Build on all statements == merge of the builds on two halves (by document). */
static void test_merge_of_parts_equals_build_of_all(void)
{
    sg_statement_list all, part[2];
    load(&all, DNA "statements.jsonl");
    sg_statement_list_init(&part[0]);
    sg_statement_list_init(&part[1]);
    for (size_t i = 0; i < all.n; i++) {
        sg_statement copy;
        CU_ASSERT_EQUAL_FATAL(sg_statement_copy(&copy, &all.items[i]), SG_OK);
        int which = strcmp(copy.doc, "doc4") < 0;
        CU_ASSERT_EQUAL_FATAL(sg_statement_list_take(&part[which], &copy), SG_OK);
    }
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.normalization = SG_NORM_JACCARD;
    o.window_days = 10;
    o.step_days = 3;
    o.window_networks = 1;
    sg_graph *whole = build_with(&all, &o);
    sg_graph *parts[2] = {build_with(&part[0], &o), build_with(&part[1], &o)};
    sg_graph *merged = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_graph_merge(&merged, (const sg_graph *const *)parts, 2, NULL, &err),
                          SG_OK);
    CU_ASSERT_EQUAL(sg_graph_check(merged, &err), SG_OK);
    CU_ASSERT_EQUAL_FATAL(sg_graph_edge_count(merged), sg_graph_edge_count(whole));
    for (size_t e = 0; e < sg_graph_edge_count(whole); e++) {
        size_t s1, t1, s2, t2;
        double w1, w2;
        sg_graph_edge(whole, e, &s1, &t1, &w1, NULL);
        sg_graph_edge(merged, e, &s2, &t2, &w2, NULL);
        CU_ASSERT_STRING_EQUAL(sg_graph_node_id(whole, s1), sg_graph_node_id(merged, s2));
        CU_ASSERT_STRING_EQUAL(sg_graph_node_id(whole, t1), sg_graph_node_id(merged, t2));
        CU_ASSERT_DOUBLE_EQUAL(w1, w2, 1e-12);
    }
    /* windows and moves too: compare the JSON without evidence-bearing members */
    char *a = NULL, *b = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(whole, &a, NULL), SG_OK);
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(merged, &b, NULL), SG_OK);
    cJSON *ja = cJSON_Parse(a), *jb = cJSON_Parse(b);
    cJSON *wa = cJSON_GetObjectItem(ja, "windows"), *wb = cJSON_GetObjectItem(jb, "windows");
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(wa), cJSON_GetArraySize(wb));
    for (int k = 0; k < cJSON_GetArraySize(wa); k++) {
        cJSON *x = cJSON_GetArrayItem(wa, k), *y = cJSON_GetArrayItem(wb, k);
        CU_ASSERT(cJSON_Compare(cJSON_GetObjectItem(x, "start"), cJSON_GetObjectItem(y, "start"), 1));
        CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(x, "edges")),
                        cJSON_GetArraySize(cJSON_GetObjectItem(y, "edges")));
    }
    CU_ASSERT(cJSON_Compare(cJSON_GetObjectItem(ja, "moved"), cJSON_GetObjectItem(jb, "moved"), 1));
    CU_ASSERT(cJSON_Compare(cJSON_GetObjectItem(ja, "statements"),
                            cJSON_GetObjectItem(jb, "statements"), 1));
    cJSON_Delete(ja);
    cJSON_Delete(jb);
    free(a);
    free(b);
    sg_graph_free(merged);
    sg_graph_free(whole);
    sg_graph_free(parts[0]);
    sg_graph_free(parts[1]);
    sg_statement_list_destroy(&all);
    sg_statement_list_destroy(&part[0]);
    sg_statement_list_destroy(&part[1]);
}

/* Parts built with stance evidence (build --for-merge), written and read back as the
 * CLI does, merge into the very bytes of one build over all statements: weights, windows
 * and moves, and every edge's evidence, including edges between actors who never speak
 * in the same part. */
static sg_graph *json_round_trip(const sg_graph *g)
{
    char *text = NULL;
    sg_graph *back = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(g, &text, &err), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_from_json(&back, text, strlen(text), "part.json", &err), SG_OK);
    free(text);
    return back;
}

static void test_merge_with_stance_evidence_is_byte_identical(void)
{
    sg_statement_list all, part[3];
    load(&all, DNA "statements.jsonl");
    for (int p = 0; p < 3; p++)
        sg_statement_list_init(&part[p]);
    /* three contiguous runs of documents, in input order */
    size_t cut1 = all.n / 3, cut2 = 2 * all.n / 3;
    while (cut1 < all.n && cut1 > 0 && strcmp(all.items[cut1].doc, all.items[cut1 - 1].doc) == 0)
        cut1++;
    while (cut2 < all.n && cut2 > cut1 && strcmp(all.items[cut2].doc, all.items[cut2 - 1].doc) == 0)
        cut2++;
    for (size_t i = 0; i < all.n; i++) {
        sg_statement copy;
        CU_ASSERT_EQUAL_FATAL(sg_statement_copy(&copy, &all.items[i]), SG_OK);
        CU_ASSERT_EQUAL_FATAL(sg_statement_list_take(&part[i < cut1 ? 0 : i < cut2 ? 1 : 2], &copy),
                              SG_OK);
    }
    CU_ASSERT(part[0].n > 0 && part[1].n > 0 && part[2].n > 0);
    for (int windows = 0; windows < 2; windows++) {
        sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
        if (windows) {
            o.window_days = 10;
            o.step_days = 3;
        }
        sg_graph *whole = build_with(&all, &o);
        o.stance_evidence = 1;
        sg_graph *parts[3];
        for (int p = 0; p < 3; p++) {
            sg_graph *built = build_with(&part[p], &o);
            parts[p] = json_round_trip(built);
            sg_graph_free(built);
        }
        sg_graph *merged = NULL;
        sg_error err;
        CU_ASSERT_EQUAL_FATAL(sg_graph_merge(&merged, (const sg_graph *const *)parts, 3, NULL,
                                             &err), SG_OK);
        for (int p = 0; p < 3; p++) /* the merged graph owns what it keeps */
            sg_graph_free(parts[p]);
        char *a = NULL, *b = NULL;
        CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(whole, &a, NULL), SG_OK);
        CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(merged, &b, NULL), SG_OK);
        CU_ASSERT_STRING_EQUAL(a, b);
        CU_ASSERT_PTR_NOT_NULL(strstr(a, "\"evidence\":[\""));
        free(a);
        free(b);
        sg_graph_free(merged);
        sg_graph_free(whole);
    }
    sg_statement_list_destroy(&all);
    for (int p = 0; p < 3; p++)
        sg_statement_list_destroy(&part[p]);
}

static void test_merge_refuses_parts_with_other_settings(void)
{
    sg_statement_list l;
    load(&l, DNA "statements.jsonl");
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    sg_graph *a = build_with(&l, &o);
    o.normalization = SG_NORM_AVERAGE;
    sg_graph *b = build_with(&l, &o);
    const sg_graph *parts[2] = {a, b};
    const char *names[2] = {"a.json", "b.json"};
    sg_graph *m = NULL;
    sg_error err;
    CU_ASSERT_EQUAL(sg_graph_merge(&m, parts, 2, names, &err), SG_EINPUT);
    CU_ASSERT_STRING_EQUAL(err.file, "b.json");
    CU_ASSERT_PTR_NULL(m);
    sg_graph_free(a);
    sg_graph_free(b);
    sg_statement_list_destroy(&l);
}


static sg_status read_list(const char *text, char delim, int directed, sg_graph **out,
                           sg_error *err)
{
    sg_graph_builder *b = NULL;
    *out = NULL;
    FILE *fp = fmemopen((void *)text, strlen(text), "r");
    sg_status rc = sg_graph_builder_new(&b, NULL, err);
    if (rc == SG_OK)
        rc = sg_graph_builder_read_edge_list(b, fp, "e.csv", delim, directed, err);
    if (rc == SG_OK)
        rc = sg_graph_builder_finish(b, out, err);
    sg_graph_builder_free(b);
    fclose(fp);
    return rc;
}

static void test_edge_list_is_rfc4180_with_quoted_line_breaks_and_semicolons(void)
{
    sg_graph *g = NULL;
    sg_error err;
    /* a quoted name with a line break and a quote; CRLF rows; the error line after it
     * counts the physical lines */
    const char *csv = "from,to,sign\r\n\"Sierra\nClub \"\"SC\"\"\",b,1\r\nb,c,-1\r\nc,d,x\r\n";
    CU_ASSERT_EQUAL(read_list(csv, ',', 0, &g, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 5);
    const char *ok = "from,to,sign\r\n\"Sierra\nClub \"\"SC\"\"\",b,1\r\nb,c,-1\r\n";
    CU_ASSERT_EQUAL_FATAL(read_list(ok, ',', 0, &g, &err), SG_OK);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "Sierra\nClub \"SC\"", "b"), 1.0, 1e-12);
    sg_graph_free(g);
    CU_ASSERT_EQUAL_FATAL(read_list("from;to;weight\n\"a;1\";b;0,5\n", ';', 0, &g, &err),
                          SG_EINPUT); /* 0,5 is no number */
    CU_ASSERT_EQUAL_FATAL(read_list("from;to;weight\n\"a;1\";b;2\n", ';', 0, &g, &err), SG_OK);
    CU_ASSERT_DOUBLE_EQUAL(weight_of(g, "a;1", "b"), 2.0, 1e-12);
    sg_graph_free(g);
    CU_ASSERT_EQUAL(read_list("from,to,sign\n\"open,b,1\n", ',', 0, &g, &err), SG_EINPUT);
}

static void test_undirected_edge_list_rows_are_one_tie_per_pair(void)
{
    sg_graph *g = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(read_list("from,to,sign\na,b,1\nb,a,1\n", ',', 0, &g, &err), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_edge_count(g), 1);
    size_t s, t;
    double w;
    const char *kind = NULL;
    sg_graph_edge(g, 0, &s, &t, &w, &kind);
    CU_ASSERT_STRING_EQUAL(kind, "tie");
    CU_ASSERT_DOUBLE_EQUAL(w, 2.0, 1e-12);
    /* the tie survives graph.json */
    char *json = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_to_json(g, &json, &err), SG_OK);
    sg_graph *back = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_from_json(&back, json, strlen(json), "g.json", &err), SG_OK);
    sg_graph_edge(back, 0, &s, &t, &w, &kind);
    CU_ASSERT_STRING_EQUAL(kind, "tie");
    free(json);
    sg_graph_free(back);
    sg_graph_free(g);
    CU_ASSERT_EQUAL_FATAL(read_list("from,to,sign\na,b,1\nb,a,1\n", ',', 1, &g, &err), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_edge_count(g), 2); /* directed: two relations */
    sg_graph_free(g);
}

static CU_TestInfo dna_tests[] = {
    {"test_dna_twomode_ignore_sums_to_40_with_22_edges", test_dna_twomode_ignore_sums_to_40_with_22_edges},
    {"test_dna_twomode_equals_manual_matrix", test_dna_twomode_equals_manual_matrix},
    {"test_dna_onemode_ignore_sums_to_276_with_21_edges", test_dna_onemode_ignore_sums_to_276_with_21_edges},
    {"test_dna_congruence_average_sums_to_25_80", test_dna_congruence_average_sums_to_25_80},
    {"test_dna_subset_congruence_average_sums_to_10", test_dna_subset_congruence_average_sums_to_10},
    {"test_dna_senate_sierra_club_congruence_conflict_subtract", test_dna_senate_sierra_club_congruence_conflict_subtract},
    {"test_dna_options_outside_dna_are_usage_errors", test_dna_options_outside_dna_are_usage_errors},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo aggregate_tests[] = {
    {"test_stance_score_sums_signed_weights_with_counts", test_stance_score_sums_signed_weights_with_counts},
    {"test_stance_zero_counts_activity_but_takes_no_side", test_stance_zero_counts_activity_but_takes_no_side},
    {"test_direct_relation_becomes_direct_edge", test_direct_relation_becomes_direct_edge},
    {"test_node_evidence_is_capped_at_20_in_input_order", test_node_evidence_is_capped_at_20_in_input_order},
    {"test_duplicates_count_once_per_period", test_duplicates_count_once_per_period},
    {"test_topic_filter_keeps_only_named_topics", test_topic_filter_keeps_only_named_topics},
    {"test_normalisations_follow_their_definitions", test_normalisations_follow_their_definitions},
    {"test_twomode_activity_and_prominence", test_twomode_activity_and_prominence},
    {"test_windows_give_one_network_each_and_the_moves", test_windows_give_one_network_each_and_the_moves},
    {"test_windows_without_networks_have_stances_only", test_windows_without_networks_have_stances_only},
    {"test_topic_partners_prune_large_topics", test_topic_partners_prune_large_topics},
    {"test_streamed_windows_write_the_same_graph", test_streamed_windows_write_the_same_graph},
    {"test_bad_statements_are_input_errors", test_bad_statements_are_input_errors},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo io_tests[] = {
    {"test_edge_list_is_rfc4180_with_quoted_line_breaks_and_semicolons",
     test_edge_list_is_rfc4180_with_quoted_line_breaks_and_semicolons},
    {"test_undirected_edge_list_rows_are_one_tie_per_pair",
     test_undirected_edge_list_rows_are_one_tie_per_pair},
    {"test_json_round_trip_is_identical", test_json_round_trip_is_identical},
    {"test_from_json_rejects_bad_input_naming_the_line", test_from_json_rejects_bad_input_naming_the_line},
    {"test_flat_edges_read_as_through_cjson", test_flat_edges_read_as_through_cjson},
    {"test_edge_list_reads_sign_or_weight_columns", test_edge_list_reads_sign_or_weight_columns},
    {"test_merge_of_parts_equals_build_of_all", test_merge_of_parts_equals_build_of_all},
    {"test_merge_with_stance_evidence_is_byte_identical",
     test_merge_with_stance_evidence_is_byte_identical},
    {"test_merge_refuses_parts_with_other_settings", test_merge_refuses_parts_with_other_settings},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"graph_dna", NULL, NULL, NULL, NULL, dna_tests},
    {"graph_aggregate", NULL, NULL, NULL, NULL, aggregate_tests},
    {"graph_io", NULL, NULL, NULL, NULL, io_tests},
    CU_SUITE_INFO_NULL,
};

SG_TEST_MAIN(suites)

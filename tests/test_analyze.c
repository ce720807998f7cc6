/* test_analyze.c - the analyze module: the Gahuku-Gama tribes' published camps,
 * triangles and frustration index; frustration against brute force; Beta intervals
 * against closed forms; blockers; isolates; brokers; determinism; the report contract.
 */
#define _POSIX_C_SOURCE 200809L
#include <CUnit/CUnit.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_schema.h"
#include "sg_test.h"
#include "stancegraph/analyze.h"
#include "stancegraph/graph.h"

#define TRIBES SG_TEST_DATA "/shared/signed/tribes_named.csv"
#define DNA SG_TEST_DATA "/shared/dna-sample/statements.jsonl"
#define SG_PI 3.14159265358979323846

static sg_graph *graph_of_edges_file(const char *path)
{
    sg_graph_builder *b = NULL;
    sg_graph *g = NULL;
    sg_error err;
    FILE *fp = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    CU_ASSERT_EQUAL_FATAL(sg_graph_builder_new(&b, NULL, &err), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_builder_read_edges(b, fp, path, &err), SG_OK);
    CU_ASSERT_EQUAL(sg_graph_builder_finish(b, &g, &err), SG_OK);
    sg_graph_builder_free(b);
    fclose(fp);
    return g;
}

static sg_graph *graph_of_json(const char *json)
{
    sg_graph *g = NULL;
    sg_error err;
    sg_error_clear(&err);
    if (sg_graph_from_json(&g, json, strlen(json), "t.json", &err) != SG_OK)
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
    CU_ASSERT_PTR_NOT_NULL(g);
    return g;
}

static sg_report *analyze_with(const sg_graph *g, sg_camp_method m, size_t exact_max)
{
    sg_analyze_options o = SG_ANALYZE_OPTIONS_INIT;
    o.method = m;
    o.exact_frustration_max = exact_max;
    sg_report *r = NULL;
    sg_error err;
    sg_error_clear(&err);
    if (sg_analyze(&r, g, &o, &err) != SG_OK)
        fprintf(stderr, "analyze: %s\n", err.message);
    CU_ASSERT_PTR_NOT_NULL(r);
    return r;
}

static cJSON *report_doc(const sg_report *r)
{
    char *json = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_report_to_json(r, &json, NULL), SG_OK);
    cJSON *doc = cJSON_Parse(json);
    free(json);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    return doc;
}

static cJSON *actor_in(cJSON *doc, const char *id)
{
    cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(doc, "actors"))
        if (strcmp(cJSON_GetObjectItem(a, "id")->valuestring, id) == 0)
            return a;
    return NULL;
}

/* ---- the Gahuku-Gama tribes (Read 1954; Hage & Harary 1983) ---- */

static const char *const tribe_groups[3][7] = {
    {"GAVEV", "KOTUN", "NAGAD", "GAMA", NULL},
    {"OVE", "ALIKA", "GAHUK", "MASIL", "UKUDZ", "GEHAM", "ASARO"},
    {"NAGAM", "NOTOH", "KOHIK", "UHETO", "SEUVE", NULL},
};

static void expect_tribes_camps(sg_camp_method m)
{
    sg_graph *g = graph_of_edges_file(TRIBES);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(sg_graph_node_count(g), 16);
    CU_ASSERT_EQUAL(sg_graph_edge_count(g), 58);
    sg_report *r = analyze_with(g, m, 40);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(sg_report_method(r), m);
    CU_ASSERT_EQUAL(sg_report_camp_count(r), 3);
    int camp_of_group[3];
    for (int k = 0; k < 3; k++) {
        camp_of_group[k] = sg_report_camp_of(r, tribe_groups[k][0]);
        for (int i = 0; i < 7 && tribe_groups[k][i]; i++)
            CU_ASSERT_EQUAL(sg_report_camp_of(r, tribe_groups[k][i]), camp_of_group[k]);
    }
    CU_ASSERT(camp_of_group[0] != camp_of_group[1] && camp_of_group[1] != camp_of_group[2] &&
              camp_of_group[0] != camp_of_group[2]);
    sg_report_free(r);
    sg_graph_free(g);
}

static void test_tribes_spinglass_finds_the_published_three_camps(void)
{
    expect_tribes_camps(SG_CAMPS_SPINGLASS);
}

static void test_tribes_leiden_finds_the_published_three_camps(void)
{
    expect_tribes_camps(SG_CAMPS_LEIDEN);
}

static void test_tribes_frustration_index_is_7_and_exact(void)
{
    sg_graph *g = graph_of_edges_file(TRIBES);
    sg_report *r = analyze_with(g, SG_CAMPS_AUTO, 40);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    sg_balance b;
    sg_report_balance(r, &b);
    CU_ASSERT_EQUAL(b.frustration, 7);
    CU_ASSERT_TRUE(b.frustration_exact);
    /* signnet: balance_score(tribes, "triangles") = 0.8676471; +++ 19, +-- 40 of 68 */
    CU_ASSERT_EQUAL(b.triangles, 68);
    CU_ASSERT_EQUAL(b.triangles_balanced, 59);
    /* the published split leaves NAGAM-MASIL and MASIL-UHETO (+) between camps */
    CU_ASSERT_DOUBLE_EQUAL(b.polarisation, 56.0 / 58.0, 1e-12);
    sg_report_free(r);
    sg_graph_free(g);
}

static void test_frustration_bound_above_the_exact_limit_is_an_upper_bound(void)
{
    sg_graph *g = graph_of_edges_file(TRIBES);
    sg_report *r = analyze_with(g, SG_CAMPS_AUTO, 0); /* no exact search at all */
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    sg_balance b;
    sg_report_balance(r, &b);
    CU_ASSERT_FALSE(b.frustration_exact);
    CU_ASSERT(b.frustration >= 7);
    CU_ASSERT(b.frustration <= 8);
    sg_report_free(r);
    sg_graph_free(g);
}

/* ---- frustration against brute force ---- */

typedef struct rnd {
    unsigned long long s;
} rnd;

static unsigned rnd_next(rnd *r)
{
    r->s = r->s * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(r->s >> 33);
}

static void test_frustration_equals_brute_force_on_random_graphs(void)
{
    for (unsigned seed = 1; seed <= 12; seed++) {
        rnd r = {seed};
        int n = 10 + (int)(seed % 4), from[80], to[80], sign[80], m = 0;
        sg_graph_builder *b = NULL;
        sg_graph *g = NULL;
        CU_ASSERT_EQUAL_FATAL(sg_graph_builder_new(&b, NULL, NULL), SG_OK);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n && m < 80; j++) {
                if (rnd_next(&r) % 3 != 0)
                    continue;
                char a[16], c[16];
                snprintf(a, sizeof(a), "v%02d", i);
                snprintf(c, sizeof(c), "v%02d", j);
                from[m] = i, to[m] = j, sign[m] = rnd_next(&r) % 2 ? 1 : -1;
                CU_ASSERT_EQUAL(sg_graph_builder_add_edge(b, a, c, sign[m], NULL), SG_OK);
                m++;
            }
        CU_ASSERT_EQUAL_FATAL(sg_graph_builder_finish(b, &g, NULL), SG_OK);
        int best = m + 1;
        for (unsigned mask = 0; mask < (1u << (n - 1)); mask++) {
            int cost = 0;
            for (int e = 0; e < m; e++) {
                int same = ((mask >> from[e]) & 1) == ((mask >> to[e]) & 1);
                cost += sign[e] > 0 ? !same : same;
            }
            if (cost < best)
                best = cost;
        }
        sg_report *rep = analyze_with(g, SG_CAMPS_LEIDEN, 40);
        sg_balance bal;
        sg_report_balance(rep, &bal);
        CU_ASSERT_TRUE(bal.frustration_exact);
        CU_ASSERT_EQUAL(bal.frustration, (size_t)best);
        sg_report_free(rep);
        sg_graph_free(g);
        sg_graph_builder_free(b);
    }
}

/* A planted 2-camp graph of 400 nodes: auto picks Leiden, finds the camps, and the
 * frustration bound is at most the number of flipped ties. */
static void test_large_planted_graph_uses_leiden_and_finds_the_camps(void)
{
    rnd r = {7};
    sg_graph_builder *b = NULL;
    sg_graph *g = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_builder_new(&b, NULL, NULL), SG_OK);
    size_t flipped = 0;
    for (int i = 0; i < 400; i++)
        for (int j = i + 1; j < 400; j++) {
            if (rnd_next(&r) % 20 != 0)
                continue;
            int sign = (i % 2) == (j % 2) ? 1 : -1;
            if (rnd_next(&r) % 25 == 0) {
                sign = -sign;
                flipped++;
            }
            char a[8], c[8];
            snprintf(a, sizeof(a), "n%03d", i);
            snprintf(c, sizeof(c), "n%03d", j);
            CU_ASSERT_EQUAL(sg_graph_builder_add_edge(b, a, c, sign, NULL), SG_OK);
        }
    CU_ASSERT_EQUAL_FATAL(sg_graph_builder_finish(b, &g, NULL), SG_OK);
    sg_report *rep = analyze_with(g, SG_CAMPS_AUTO, 40);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rep);
    CU_ASSERT_EQUAL(sg_report_method(rep), SG_CAMPS_LEIDEN);
    CU_ASSERT_EQUAL(sg_report_camp_count(rep), 2);
    CU_ASSERT_EQUAL(sg_report_camp_of(rep, "n000"), sg_report_camp_of(rep, "n398"));
    CU_ASSERT_NOT_EQUAL(sg_report_camp_of(rep, "n000"), sg_report_camp_of(rep, "n399"));
    sg_balance bal;
    sg_report_balance(rep, &bal);
    CU_ASSERT_FALSE(bal.frustration_exact);
    CU_ASSERT(bal.frustration <= flipped);
    sg_report_free(rep);
    sg_graph_free(g);
    sg_graph_builder_free(b);
}

/* Four planted camps of 150 actors on 12 topics, every actor on every topic (10 % of
 * the statements flipped): with co-stance pruning at 20 partners per actor and topic
 * (600 actors per topic, so most pairs are dropped) Leiden still finds the 4 camps,
 * with at most 15 actors (2.5 %) outside their planted camp. */
static void test_pruned_costance_network_keeps_the_planted_camps(void)
{
    /* the three 2-2 splits of 4 camps: any two camps agree on a third of the topics */
    static const int split[3][4] = {{1, 1, -1, -1}, {1, -1, 1, -1}, {1, -1, -1, 1}};
    rnd r = {11};
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.topic_partners = 20;
    sg_graph_builder *b = NULL;
    sg_graph *g = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_graph_builder_new(&b, &o, NULL), SG_OK);
    int n = 0;
    for (int a = 0; a < 600; a++)
        for (int t = 0; t < 12; t++) {
            char id[16], actor[16], topic[16];
            snprintf(id, sizeof(id), "s%d", n++);
            snprintf(actor, sizeof(actor), "a%03d", a);
            snprintf(topic, sizeof(topic), "t%02d", t);
            int stance = split[t % 3][a % 4] * (t % 2 ? -1 : 1);
            if (rnd_next(&r) % 10 == 0)
                stance = -stance;
            sg_statement st;
            sg_statement_init(&st);
            st.id = id;
            st.doc = "d";
            st.actor = actor;
            st.topic = topic;
            st.stance = stance;
            st.weight = 0.4 + (rnd_next(&r) % 61) / 100.0;
            CU_ASSERT_EQUAL(sg_graph_builder_add(b, &st, NULL), SG_OK);
        }
    CU_ASSERT_EQUAL_FATAL(sg_graph_builder_finish(b, &g, NULL), SG_OK);
    CU_ASSERT(sg_graph_edge_count(g) <= 600 * 10 * 12);
    sg_report *rep = analyze_with(g, SG_CAMPS_AUTO, 40);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rep);
    CU_ASSERT_EQUAL(sg_report_method(rep), SG_CAMPS_LEIDEN);
    CU_ASSERT_EQUAL(sg_report_camp_count(rep), 4);
    int camp[4], wrong = 0;
    for (int c = 0; c < 4; c++) {
        char actor[16];
        snprintf(actor, sizeof(actor), "a%03d", c);
        camp[c] = sg_report_camp_of(rep, actor);
    }
    for (int a = 0; a < 600; a++) {
        char actor[16];
        snprintf(actor, sizeof(actor), "a%03d", a);
        wrong += sg_report_camp_of(rep, actor) != camp[a % 4];
    }
    CU_ASSERT(camp[0] != camp[1] && camp[0] != camp[2] && camp[0] != camp[3] &&
              camp[1] != camp[2] && camp[1] != camp[3] && camp[2] != camp[3]);
    /* exact (every pair): 1 actor outside its camp; this pruning: 7; pairing every actor
     * with the 20 most active (the rule before): 36 to 195 on such data */
    CU_ASSERT(wrong <= 15);
    sg_report_free(rep);
    sg_graph_free(g);
    sg_graph_builder_free(b);
}

/* ---- Beta intervals ---- */

static void test_beta_cdf_and_quantile_match_closed_forms(void)
{
    /* Beta(1,1) is uniform; Beta(a,1) has CDF x^a; Beta(2,2) 3x^2 - 2x^3;
     * Beta(1/2,1/2) (the Jeffreys prior) is the arcsine law 2/pi asin(sqrt x);
     * Beta(2,3): 1 - (1-x)^3 (1+3x). */
    for (double x = 0.05; x < 1.0; x += 0.1) {
        CU_ASSERT_DOUBLE_EQUAL(sg_beta_cdf(x, 1, 1), x, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(sg_beta_cdf(x, 3, 1), x * x * x, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(sg_beta_cdf(x, 2, 2), 3 * x * x - 2 * x * x * x, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(sg_beta_cdf(x, 0.5, 0.5), 2 / SG_PI * asin(sqrt(x)), 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(sg_beta_cdf(x, 2, 3), 1 - pow(1 - x, 3) * (1 + 3 * x), 1e-12);
    }
    CU_ASSERT_DOUBLE_EQUAL(sg_beta_quantile(0.05, 2, 1), sqrt(0.05), 1e-10);
    CU_ASSERT_DOUBLE_EQUAL(sg_beta_quantile(0.95, 2, 1), sqrt(0.95), 1e-10);
    CU_ASSERT_DOUBLE_EQUAL(sg_beta_quantile(0.05, 0.5, 0.5), pow(sin(SG_PI * 0.025), 2), 1e-10);
    CU_ASSERT_DOUBLE_EQUAL(sg_beta_quantile(0.05, 2, 2), 0.1353503621715, 1e-10);
    CU_ASSERT_DOUBLE_EQUAL(sg_beta_quantile(0.5, 40, 40), 0.5, 1e-10);
    /* Jeffreys after 1 support, 0 oppose: Beta(1.5, 0.5) */
    CU_ASSERT_DOUBLE_EQUAL(sg_beta_cdf(sg_beta_quantile(0.05, 1.5, 0.5), 1.5, 0.5), 0.05, 1e-10);
    CU_ASSERT_DOUBLE_EQUAL(sg_beta_cdf(0.3, 200, 300) + sg_beta_cdf(0.7, 300, 200), 1.0, 1e-12);
    CU_ASSERT_EQUAL(sg_beta_cdf(0, 2, 2), 0.0);
    CU_ASSERT_EQUAL(sg_beta_cdf(1, 2, 2), 1.0);
    CU_ASSERT(isnan(sg_beta_cdf(0.5, 0, 1)));
}

static const char *stance_graph =
    "{\"stancegraph\":\"graph\",\"version\":1,\"topics\":[\"t\"],\n"
    "\"nodes\":[\n"
    "{\"id\":\"Firm\",\"stances\":[{\"topic\":\"t\",\"support\":12,\"oppose\":0}]},\n"
    "{\"id\":\"Mixed\",\"stances\":[{\"topic\":\"t\",\"support\":2,\"oppose\":1}]},\n"
    "{\"id\":\"Weak\",\"stances\":[{\"topic\":\"t\",\"support\":1,\"oppose\":0,"
    "\"weight_support\":0.3}]}],\n"
    "\"edges\":[]}";

static void test_one_weak_statement_is_not_a_firm_position(void)
{
    sg_graph *g = graph_of_json(stance_graph);
    sg_report *r = analyze_with(g, SG_CAMPS_AUTO, 40);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    cJSON *doc = report_doc(r);
    cJSON *firm = actor_in(doc, "Firm"), *weak = actor_in(doc, "Weak"), *mixed = actor_in(doc, "Mixed");
    CU_ASSERT_PTR_NOT_NULL_FATAL(firm);
    CU_ASSERT_PTR_NOT_NULL_FATAL(weak);
    CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(firm, "firm")));
    CU_ASSERT_TRUE(cJSON_IsFalse(cJSON_GetObjectItem(weak, "firm")));
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(weak, "stance")->valuestring, "support");
    double lo = cJSON_GetArrayItem(cJSON_GetObjectItem(firm, "interval"), 0)->valuedouble;
    double wlo = cJSON_GetArrayItem(cJSON_GetObjectItem(weak, "interval"), 0)->valuedouble;
    /* Jeffreys prior: Beta(12.5, 0.5) and Beta(0.8, 0.5) */
    CU_ASSERT_DOUBLE_EQUAL(lo, sg_beta_quantile(0.05, 12.5, 0.5), 1e-6);
    CU_ASSERT_DOUBLE_EQUAL(wlo, sg_beta_quantile(0.05, 0.8, 0.5), 1e-6);
    CU_ASSERT(lo > 0.5 && wlo < 0.5);
    CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(mixed, "swing")));
    CU_ASSERT_TRUE(cJSON_IsFalse(cJSON_GetObjectItem(firm, "swing")));
    cJSON_Delete(doc);
    sg_report_free(r);
    sg_graph_free(g);
}

/* ---- who blocks ---- */

static cJSON *blocking_of(const char *rule, const char *members, sg_status *rc)
{
    char json[2048];
    snprintf(json, sizeof(json),
             "{\"stancegraph\":\"graph\",\"version\":1,\n"
             "\"decision\":{\"body\":\"NATO\",\"rule\":\"%s\",\"members\":[%s]},\n"
             "\"nodes\":[\n"
             "{\"id\":\"France\",\"stances\":[{\"topic\":\"t\",\"support\":2,\"oppose\":0}]},\n"
             "{\"id\":\"Germany\",\"stances\":[{\"topic\":\"t\",\"support\":0,\"oppose\":1}]},\n"
             "{\"id\":\"Italy\",\"stances\":[{\"topic\":\"t\",\"support\":1,\"oppose\":0}]},\n"
             "{\"id\":\"Spain\",\"stances\":[{\"topic\":\"t\",\"support\":0,\"oppose\":0,"
             "\"neutral\":2}]}],\n"
             "\"edges\":[]}", rule, members);
    sg_graph *g = graph_of_json(json);
    sg_report *r = NULL;
    sg_error err;
    *rc = sg_analyze(&r, g, NULL, &err);
    cJSON *doc = NULL;
    if (*rc == SG_OK) {
        doc = report_doc(r);
        cJSON *b = cJSON_DetachItemFromObject(doc, "blocking");
        cJSON_Delete(doc);
        doc = b;
    }
    sg_report_free(r);
    sg_graph_free(g);
    return doc;
}

static void test_unanimity_one_opponent_blocks(void)
{
    sg_status rc;
    cJSON *b = blocking_of("unanimity", "\"France\",\"Germany\",\"Italy\",\"Spain\",\"Poland\"", &rc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_TRUE(cJSON_IsFalse(cJSON_GetObjectItem(b, "passes")));
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(b, "outcome")->valuestring, "blocked");
    cJSON *blockers = cJSON_GetObjectItem(b, "blockers");
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(blockers), 1);
    CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(blockers, 0)->valuestring, "Germany");
    cJSON *undecided = cJSON_GetObjectItem(b, "undecided");
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(undecided), 2); /* Spain defers, Poland silent */
    CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(undecided, 1)->valuestring, "Poland");
    cJSON_Delete(b);
}

static void test_unanimity_without_opponents_is_undecided_until_all_support(void)
{
    sg_status rc;
    cJSON *b = blocking_of("unanimity", "\"France\",\"Italy\",\"Spain\"", &rc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(b, "outcome")->valuestring, "undecided");
    cJSON_Delete(b);
    b = blocking_of("unanimity", "\"France\",\"Italy\"", &rc);
    CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(b, "passes")));
    cJSON_Delete(b);
}

static void test_majority_rules_count_supporters(void)
{
    sg_status rc;
    cJSON *b = blocking_of("majority", "\"France\",\"Germany\",\"Italy\"", &rc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(b, "passes")));
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(b, "needed")->valueint, 2);
    cJSON_Delete(b);
    b = blocking_of("two-thirds", "\"France\",\"Germany\",\"Italy\",\"Spain\"", &rc);
    CU_ASSERT_EQUAL(cJSON_GetObjectItem(b, "needed")->valueint, 3);
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(b, "outcome")->valuestring, "undecided");
    cJSON_Delete(b);
    b = blocking_of("qualified-majority", "\"France\",\"Germany\"", &rc); /* needs 2 of 2 */
    CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(b, "outcome")->valuestring, "blocked");
    cJSON_Delete(b);
}

static void test_unknown_decision_rule_is_an_input_error(void)
{
    sg_status rc;
    cJSON *b = blocking_of("consensus-ish", "\"France\"", &rc);
    CU_ASSERT_PTR_NULL(b);
    CU_ASSERT_EQUAL(rc, SG_EINPUT);
}


/* The blocking object for members M1..Mn whose positions are pos[i] ('+' support, '-'
 * oppose, '0' silent), with population weights (NULL = none) and vetoes ('v' in veto). */
static cJSON *vote(const char *rule, const char *pos, const double *weights, const char *veto)
{
    size_t n = strlen(pos);
    char *json = malloc(64 * n + 1024);
    size_t len = (size_t)sprintf(json, "{\"stancegraph\":\"graph\",\"version\":1,"
                                       "\"decision\":{\"body\":\"B\",\"rule\":\"%s\",\"members\":[",
                                 rule);
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(json + len, "%s\"M%02zu\"", i ? "," : "", i + 1);
    len += (size_t)sprintf(json + len, "]");
    if (weights) {
        len += (size_t)sprintf(json + len, ",\"weights\":[");
        for (size_t i = 0; i < n; i++)
            len += (size_t)sprintf(json + len, "%s%g", i ? "," : "", weights[i]);
        len += (size_t)sprintf(json + len, "]");
    }
    if (veto) {
        len += (size_t)sprintf(json + len, ",\"veto\":[");
        for (size_t i = 0, k = 0; i < n; i++)
            if (veto[i] == 'v')
                len += (size_t)sprintf(json + len, "%s\"M%02zu\"", k++ ? "," : "", i + 1);
        len += (size_t)sprintf(json + len, "]");
    }
    len += (size_t)sprintf(json + len, "},\"nodes\":[");
    for (size_t i = 0, k = 0; i < n; i++)
        if (pos[i] != '0')
            len += (size_t)sprintf(json + len,
                                   "%s{\"id\":\"M%02zu\",\"stances\":[{\"topic\":\"t\","
                                   "\"support\":%d,\"oppose\":%d}]}",
                                   k++ ? "," : "", i + 1, pos[i] == '+', pos[i] == '-');
    sprintf(json + len, "],\"edges\":[]}");
    sg_graph *g = graph_of_json(json);
    free(json);
    sg_report *r = NULL;
    cJSON *b = NULL;
    if (sg_analyze(&r, g, NULL, NULL) == SG_OK) {
        cJSON *doc = report_doc(r);
        b = cJSON_DetachItemFromObject(doc, "blocking");
        cJSON_Delete(doc);
    }
    sg_report_free(r);
    sg_graph_free(g);
    return b;
}

static const char *outcome(const cJSON *b)
{
    return cJSON_GetObjectItem(b, "outcome")->valuestring;
}

static int list_size(const cJSON *b, const char *key)
{
    return cJSON_GetArraySize(cJSON_GetObjectItem(b, key));
}

/* The EU's 27 with the population shares of data/lexicon/population.json (2025). */
static const double eu27[27] = {18.49, 15.17, 13.23, 10.78, 8.33, 4.23, 4.01, 2.62, 2.42,
                                2.36,  2.34,  2.31,  2.13,  2.02, 1.43, 1.32, 1.25, 1.21,
                                1.19,  0.86,  0.64,  0.47,  0.42, 0.30, 0.21, 0.15, 0.12};

static void test_qualified_majority_needs_members_and_population(void)
{
    /* the 15 smallest support: 55 % of the members but 13.7 % of the population; the
     * 12 largest oppose, more than 4 of them: a blocking minority, no blocker */
    cJSON *b = vote("qualified-majority", "------------+++++++++++++++", eu27, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_STRING_EQUAL(outcome(b), "blocked");
    CU_ASSERT_EQUAL(list_size(b, "blockers"), 0);
    CU_ASSERT_EQUAL(list_size(b, "blocking_minority"), 12);
    cJSON *pop = cJSON_GetObjectItem(b, "population");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pop);
    CU_ASSERT(fabs(cJSON_GetObjectItem(pop, "supporters_share")->valuedouble - 0.1372) < 0.001);
    cJSON_Delete(b);
    /* every member but France, Italy and Spain supports: 24 members, 60.8 % of the
     * population: fails the 65 % test, yet three members cannot block (a blocking
     * minority needs four): it passes */
    b = vote("qualified-majority", "+---+++++++++++++++++++++++", eu27, NULL);
    CU_ASSERT_STRING_EQUAL(outcome(b), "passes");
    CU_ASSERT_EQUAL(list_size(b, "blockers"), 0);
    cJSON_Delete(b);
    /* add Poland to the opponents: four members with 47.5 % block together */
    b = vote("qualified-majority", "+----++++++++++++++++++++++", eu27, NULL);
    CU_ASSERT_STRING_EQUAL(outcome(b), "blocked");
    CU_ASSERT_EQUAL(list_size(b, "blockers"), 0);
    CU_ASSERT_EQUAL(list_size(b, "blocking_minority"), 4);
    cJSON_Delete(b);
    /* Germany alone opposes, the rest is silent: not blocked, not passed */
    b = vote("qualified-majority", "-00000000000000000000000000", eu27, NULL);
    CU_ASSERT_STRING_EQUAL(outcome(b), "undecided");
    CU_ASSERT_EQUAL(list_size(b, "blockers"), 0);
    CU_ASSERT_EQUAL(list_size(b, "opponents"), 1);
    cJSON_Delete(b);
}

static void test_security_council_veto_is_the_only_single_blocker(void)
{
    const char *veto = "vvvvv0000000000";
    /* 14 support, one permanent member opposes: vetoed, that member is the blocker */
    cJSON *b = vote("security-council", "-++++++++++++++", NULL, veto);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_STRING_EQUAL(outcome(b), "blocked");
    CU_ASSERT_EQUAL_FATAL(list_size(b, "blockers"), 1);
    CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(cJSON_GetObjectItem(b, "blockers"), 0)->valuestring,
                           "M01");
    CU_ASSERT_EQUAL(list_size(b, "veto"), 5);
    cJSON_Delete(b);
    /* six elected members oppose, nine support: passes (9 of 15, no veto) */
    b = vote("security-council", "+++++++++------", NULL, veto);
    CU_ASSERT_STRING_EQUAL(outcome(b), "passes");
    cJSON_Delete(b);
    /* seven elected members oppose: blocked by a minority, none alone */
    b = vote("security-council", "++++++++-------", NULL, veto);
    CU_ASSERT_STRING_EQUAL(outcome(b), "blocked");
    CU_ASSERT_EQUAL(list_size(b, "blockers"), 0);
    CU_ASSERT_EQUAL(list_size(b, "blocking_minority"), 7);
    cJSON_Delete(b);
}

static void test_majority_opponents_are_no_blockers(void)
{
    cJSON *b = vote("majority", "+--++", NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_STRING_EQUAL(outcome(b), "passes");
    CU_ASSERT_EQUAL(list_size(b, "blockers"), 0);
    cJSON_Delete(b);
    b = vote("majority", "+---0", NULL, NULL);
    CU_ASSERT_STRING_EQUAL(outcome(b), "blocked");
    CU_ASSERT_EQUAL(list_size(b, "blockers"), 0);
    CU_ASSERT_EQUAL(list_size(b, "blocking_minority"), 3);
    cJSON_Delete(b);
    b = vote("unanimity", "+-+-+", NULL, NULL); /* unanimity: each opponent blocks alone */
    CU_ASSERT_EQUAL(list_size(b, "blockers"), 2);
    CU_ASSERT_EQUAL(list_size(b, "blocking_minority"), 0);
    cJSON_Delete(b);
}

static void test_actors_without_ties_form_one_unaligned_group(void)
{
    const char *json =
        "{\"stancegraph\":\"graph\",\"version\":1,\n"
        "\"nodes\":[\n"
        "{\"id\":\"A\",\"stances\":[{\"topic\":\"t\",\"support\":1,\"oppose\":0}]},\n"
        "{\"id\":\"B\",\"stances\":[{\"topic\":\"t\",\"support\":1,\"oppose\":0}]},\n"
        "{\"id\":\"N1\",\"stances\":[{\"topic\":\"t\",\"support\":0,\"oppose\":0,\"neutral\":1}]},\n"
        "{\"id\":\"N2\",\"stances\":[{\"topic\":\"t\",\"support\":0,\"oppose\":0,\"neutral\":1}]},\n"
        "{\"id\":\"N3\",\"stances\":[{\"topic\":\"u\",\"support\":0,\"oppose\":0,\"neutral\":1}]}],\n"
        "\"edges\":[{\"source\":\"A\",\"target\":\"B\",\"weight\":1,\"kind\":\"tie\"}]}";
    sg_graph *g = graph_of_json(json);
    sg_report *r = analyze_with(g, SG_CAMPS_AUTO, 40);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(sg_report_camp_count(r), 2); /* A+B, and one group of the three */
    CU_ASSERT_EQUAL(sg_report_camp_of(r, "N1"), sg_report_camp_of(r, "N3"));
    cJSON *doc = report_doc(r);
    cJSON *camps = cJSON_GetObjectItem(doc, "camps");
    CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(camps, 1), "unaligned")));
    cJSON *bal = cJSON_GetObjectItem(doc, "balance");
    CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(bal, "trivial")));
    CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItem(bal, "note"));
    cJSON_Delete(doc);
    sg_report_free(r);
    sg_graph_free(g);
}

static void test_balance_of_a_costance_network_is_trivial_but_not_of_tribes(void)
{
    /* tribes: a real signed network, frustrated: its balance is a finding */
    sg_graph *g = graph_of_edges_file(TRIBES);
    sg_report *r = analyze_with(g, SG_CAMPS_AUTO, 40);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    cJSON *doc = report_doc(r);
    cJSON *bal = cJSON_GetObjectItem(doc, "balance");
    CU_ASSERT_TRUE(cJSON_IsFalse(cJSON_GetObjectItem(bal, "trivial")));
    CU_ASSERT_PTR_NULL(cJSON_GetObjectItem(bal, "note"));
    cJSON_Delete(doc);
    sg_report_free(r);
    sg_graph_free(g);
}

/* ---- camps: isolates, determinism ---- */

static void test_isolated_actor_joins_the_camp_sharing_its_stance(void)
{
    const char *json =
        "{\"stancegraph\":\"graph\",\"version\":1,\n"
        "\"nodes\":[\n"
        "{\"id\":\"A\",\"stances\":[{\"topic\":\"t\",\"support\":1,\"oppose\":0}]},\n"
        "{\"id\":\"B\",\"stances\":[{\"topic\":\"t\",\"support\":1,\"oppose\":0}]},\n"
        "{\"id\":\"C\",\"stances\":[{\"topic\":\"t\",\"support\":0,\"oppose\":1}]},\n"
        "{\"id\":\"D\",\"stances\":[{\"topic\":\"t\",\"support\":0,\"oppose\":1}]},\n"
        "{\"id\":\"E\",\"stances\":[{\"topic\":\"t\",\"support\":3,\"oppose\":0}]},\n"
        "{\"id\":\"F\",\"stances\":[{\"topic\":\"u\",\"support\":1,\"oppose\":0}]}],\n"
        "\"edges\":[{\"source\":\"A\",\"target\":\"B\",\"weight\":1,\"kind\":\"direct\"},\n"
        "{\"source\":\"C\",\"target\":\"D\",\"weight\":1,\"kind\":\"direct\"},\n"
        "{\"source\":\"A\",\"target\":\"C\",\"weight\":-1,\"kind\":\"direct\"}]}";
    sg_graph *g = graph_of_json(json);
    sg_report *r = analyze_with(g, SG_CAMPS_SPINGLASS, 40);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(sg_report_camp_of(r, "E"), sg_report_camp_of(r, "A"));
    CU_ASSERT_NOT_EQUAL(sg_report_camp_of(r, "A"), sg_report_camp_of(r, "C"));
    CU_ASSERT_EQUAL(sg_report_camp_of(r, "F"), 3); /* no shared topic: a camp of its own */
    CU_ASSERT_EQUAL(sg_report_camp_count(r), 3);
    CU_ASSERT_EQUAL(sg_report_camp_of(r, "A"), 1); /* numbered by smallest member */
    CU_ASSERT_EQUAL(sg_report_camp_of(r, "nobody"), 0);
    sg_report_free(r);
    sg_graph_free(g);
}

static char *report_text(const sg_graph *g, sg_camp_method m)
{
    sg_report *r = analyze_with(g, m, 40);
    char *json = NULL;
    CU_ASSERT_EQUAL(sg_report_to_json(r, &json, NULL), SG_OK);
    sg_report_free(r);
    return json;
}

static void test_same_seed_gives_the_same_report(void)
{
    sg_graph *g = graph_of_edges_file(TRIBES);
    const sg_camp_method methods[2] = {SG_CAMPS_SPINGLASS, SG_CAMPS_LEIDEN};
    for (int i = 0; i < 2; i++) {
        char *a = report_text(g, methods[i]), *b = report_text(g, methods[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        CU_ASSERT_STRING_EQUAL(a, b);
        free(a);
        free(b);
    }
    sg_graph_free(g);
}

static void test_brokers_are_central_on_positive_ties(void)
{
    const char *json =
        "{\"stancegraph\":\"graph\",\"version\":1,\n"
        "\"nodes\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"},{\"id\":\"d\"}],\n"
        "\"edges\":[{\"source\":\"a\",\"target\":\"b\",\"weight\":1},\n"
        "{\"source\":\"b\",\"target\":\"c\",\"weight\":2},\n"
        "{\"source\":\"c\",\"target\":\"d\",\"weight\":-1}]}";
    sg_graph *g = graph_of_json(json);
    sg_report *r = analyze_with(g, SG_CAMPS_AUTO, 40);
    cJSON *doc = report_doc(r);
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetObjectItem(actor_in(doc, "b"), "betweenness")->valuedouble, 1, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetObjectItem(actor_in(doc, "c"), "betweenness")->valuedouble, 0, 1e-12);
    cJSON *brokers = cJSON_GetObjectItem(doc, "brokers");
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(brokers), 1);
    CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(brokers, 0)->valuestring, "b");
    cJSON_Delete(doc);
    sg_report_free(r);
    sg_graph_free(g);
}

/* ---- the report contract ---- */

static cJSON *load_schema(void)
{
    FILE *fp = fopen(SG_SOURCE_DIR "/docs/report.schema.json", "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return cJSON_Parse(buf);
}

static void check_contract(cJSON *doc)
{
    cJSON *schema = load_schema();
    CU_ASSERT_PTR_NOT_NULL_FATAL(schema);
    CU_ASSERT_EQUAL(sg_schema_validate(schema, doc), 0);
    cJSON_Delete(schema);
    const char *prev = "";
    cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "actors")) {
        const char *id = cJSON_GetObjectItem(it, "id")->valuestring;
        CU_ASSERT(strcmp(prev, id) < 0);
        prev = id;
    }
    int k = 0;
    prev = "";
    cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "camps")) {
        CU_ASSERT_EQUAL(cJSON_GetObjectItem(it, "id")->valueint, ++k);
        const char *first = cJSON_GetArrayItem(cJSON_GetObjectItem(it, "members"), 0)->valuestring;
        CU_ASSERT(strcmp(prev, first) < 0);
        prev = first;
    }
    cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "edges"))
        CU_ASSERT(strcmp(cJSON_GetObjectItem(it, "source")->valuestring,
                         cJSON_GetObjectItem(it, "target")->valuestring) < 0);
}

static void test_report_follows_the_contract(void)
{
    FILE *fp = fopen(DNA, "rb");
    sg_statement_list l;
    sg_statement_list_init(&l);
    CU_ASSERT_EQUAL_FATAL(sg_statements_read(&l, fp, DNA, NULL), SG_OK);
    fclose(fp);
    const char *members[3] = {"Senate", "Sierra Club", "Environmental Protection Agency"};
    sg_decision d = {"Congress", "majority", members, 3, NULL, NULL, NULL};
    sg_graph_options o = SG_GRAPH_OPTIONS_INIT;
    o.decision = &d;
    o.window_days = 7;
    for (int mode = 0; mode < 2; mode++) {
        o.network_type = mode ? SG_NETWORK_TWOMODE : SG_NETWORK_ONEMODE;
        sg_graph *g = NULL;
        CU_ASSERT_EQUAL_FATAL(sg_graph_build(&g, &l, &o, NULL), SG_OK);
        sg_report *r = analyze_with(g, SG_CAMPS_AUTO, 40);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        cJSON *doc = report_doc(r);
        check_contract(doc);
        cJSON *bal = cJSON_GetObjectItem(doc, "balance");
        double pol = cJSON_GetObjectItem(bal, "polarisation")->valuedouble;
        CU_ASSERT(pol >= 0 && pol <= 1);
        CU_ASSERT_TRUE(cJSON_IsObject(cJSON_GetObjectItem(doc, "blocking")));
        CU_ASSERT_TRUE(cJSON_IsArray(cJSON_GetObjectItem(doc, "windows")));
        if (mode == 1) /* two-mode: topics take part in the camps but are not actors */
            CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "actors")), 7);
        cJSON_Delete(doc);
        sg_report_free(r);
        sg_graph_free(g);
    }
    sg_statement_list_destroy(&l);
}

static CU_TestInfo camp_tests[] = {
    {"test_tribes_spinglass_finds_the_published_three_camps", test_tribes_spinglass_finds_the_published_three_camps},
    {"test_tribes_leiden_finds_the_published_three_camps", test_tribes_leiden_finds_the_published_three_camps},
    {"test_large_planted_graph_uses_leiden_and_finds_the_camps", test_large_planted_graph_uses_leiden_and_finds_the_camps},
    {"test_pruned_costance_network_keeps_the_planted_camps", test_pruned_costance_network_keeps_the_planted_camps},
    {"test_isolated_actor_joins_the_camp_sharing_its_stance", test_isolated_actor_joins_the_camp_sharing_its_stance},
    {"test_same_seed_gives_the_same_report", test_same_seed_gives_the_same_report},
    {"test_brokers_are_central_on_positive_ties", test_brokers_are_central_on_positive_ties},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo balance_tests[] = {
    {"test_tribes_frustration_index_is_7_and_exact", test_tribes_frustration_index_is_7_and_exact},
    {"test_frustration_bound_above_the_exact_limit_is_an_upper_bound", test_frustration_bound_above_the_exact_limit_is_an_upper_bound},
    {"test_frustration_equals_brute_force_on_random_graphs", test_frustration_equals_brute_force_on_random_graphs},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo stance_tests[] = {
    {"test_beta_cdf_and_quantile_match_closed_forms", test_beta_cdf_and_quantile_match_closed_forms},
    {"test_one_weak_statement_is_not_a_firm_position", test_one_weak_statement_is_not_a_firm_position},
    {"test_unanimity_one_opponent_blocks", test_unanimity_one_opponent_blocks},
    {"test_unanimity_without_opponents_is_undecided_until_all_support", test_unanimity_without_opponents_is_undecided_until_all_support},
    {"test_majority_rules_count_supporters", test_majority_rules_count_supporters},
    {"test_unknown_decision_rule_is_an_input_error", test_unknown_decision_rule_is_an_input_error},
    {"test_qualified_majority_needs_members_and_population", test_qualified_majority_needs_members_and_population},
    {"test_security_council_veto_is_the_only_single_blocker", test_security_council_veto_is_the_only_single_blocker},
    {"test_majority_opponents_are_no_blockers", test_majority_opponents_are_no_blockers},
    {"test_actors_without_ties_form_one_unaligned_group", test_actors_without_ties_form_one_unaligned_group},
    {"test_balance_of_a_costance_network_is_trivial_but_not_of_tribes", test_balance_of_a_costance_network_is_trivial_but_not_of_tribes},
    {"test_report_follows_the_contract", test_report_follows_the_contract},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"analyze_camps", NULL, NULL, NULL, NULL, camp_tests},
    {"analyze_balance", NULL, NULL, NULL, NULL, balance_tests},
    {"analyze_stances", NULL, NULL, NULL, NULL, stance_tests},
    CU_SUITE_INFO_NULL,
};

SG_TEST_MAIN(suites)

/* test_eval.c - scoring statements against gold stances, as score.py does. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "sg_test.h"
#include "stancegraph/eval.h"

static const char gold[] =
    "{\"file\":\"a.txt\",\"topic\":\"t\",\"stances\":[{\"actor\":\"USA\",\"stance\":\"oppose\"},"
    "{\"actor\":\"France\",\"stance\":\"support\"},{\"actor\":\"NATO\",\"stance\":\"neutral\"}]}\n"
    "\n"
    "{\"file\":\"b.txt\",\"topic\":\"t\",\"stances\":[{\"actor\":\"Spain\",\"stance\":\"support\"}]}\n";

static const char *canon(void *ctx, const char *name)
{
    (void)ctx;
    return strcmp(name, "USA") == 0 ? "United States" : NULL;
}

static void add(sg_statement_list *l, const char *actor, int stance, double weight,
                const char *topic, const char *target)
{
    sg_statement s;
    sg_statement_init(&s);
    s.doc = strdup("a");
    s.actor = strdup(actor);
    s.topic = strdup(topic);
    s.target = target ? strdup(target) : NULL;
    s.stance = stance;
    s.weight = weight;
    CU_ASSERT_EQUAL_FATAL(sg_statement_list_take(l, &s), SG_OK);
}

static void test_scores_like_score_py(void)
{
    sg_eval *ev = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_eval_new(&ev, gold, strlen(gold), "gold.jsonl", canon, NULL, &err), SG_OK);
    CU_ASSERT_EQUAL(sg_eval_n_docs(ev), 2);
    sg_statement_list a;
    sg_statement_list_init(&a);
    add(&a, "United States", -1, 1.0, "t", NULL);     /* correct */
    add(&a, "France", 1, 0.5, "t", NULL);
    add(&a, "France", -1, 0.8, "t", NULL);            /* sums to -0.3: wrong */
    add(&a, "NATO", 0, 1.0, "t", NULL);                /* neutral: correct */
    add(&a, "Germany", 1, 1.0, "t", NULL);             /* not in gold */
    add(&a, "Italy", 1, 1.0, "t", "France");           /* relation: ignored */
    add(&a, "Italy", 1, 1.0, "other-topic", NULL);     /* other topic: ignored */
    CU_ASSERT_EQUAL(sg_eval_add(ev, 0, &a, &err), SG_OK);
    sg_statement_list b;
    sg_statement_list_init(&b);
    CU_ASSERT_EQUAL(sg_eval_add(ev, 1, &b, &err), SG_OK); /* Spain missed */
    sg_eval_result r;
    sg_eval_result_get(ev, &r);
    CU_ASSERT_EQUAL(r.tp, 2);
    CU_ASSERT_EQUAL(r.fp, 2);  /* France wrong, Germany extra */
    CU_ASSERT_EQUAL(r.fn, 2);  /* France wrong, Spain missed */
    CU_ASSERT_DOUBLE_EQUAL(r.f1, 0.5, 1e-9);
    CU_ASSERT_EQUAL(r.actor_tp, 3);
    CU_ASSERT_DOUBLE_EQUAL(r.actor_precision, 0.75, 1e-9);
    char *report = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_eval_report(ev, &report), SG_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(report, "a.txt: France: gold support, got oppose"));
    CU_ASSERT_PTR_NOT_NULL(strstr(report, "b.txt: Spain: gold support, missed"));
    CU_ASSERT_PTR_NOT_NULL(strstr(report, "a.txt: Germany: not in gold, got support"));
    CU_ASSERT_PTR_NOT_NULL(strstr(report, "stances: precision 0.500 recall 0.500 F1 0.500"));
    CU_ASSERT_PTR_NOT_NULL(strstr(report, "United States"));
    free(report);
    sg_statement_list_destroy(&a);
    sg_statement_list_destroy(&b);
    sg_eval_free(ev);
}

static void test_bad_gold_names_line(void)
{
    sg_eval *ev = NULL;
    sg_error err;
    const char bad[] = "{\"file\":\"a\",\"topic\":\"t\",\"stances\":[]}\n{\"file\":\"b\",\"topic\":\"t\","
                       "\"stances\":[{\"actor\":\"X\",\"stance\":\"maybe\"}]}\n";
    CU_ASSERT_EQUAL(sg_eval_new(&ev, bad, strlen(bad), "g.jsonl", NULL, NULL, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_PTR_NULL(ev);
    CU_ASSERT_EQUAL(sg_eval_new(&ev, "{oops\n", 6, "g.jsonl", NULL, NULL, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_EQUAL(sg_eval_new(&ev, "\n\n", 2, "g.jsonl", NULL, NULL, &err), SG_EINPUT);
}

static CU_TestInfo tests[] = {
    {"scores like score.py", test_scores_like_score_py},
    {"bad gold names line", test_bad_gold_names_line},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"eval", NULL, NULL, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

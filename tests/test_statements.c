/* test_statements.c - the statement record: JSON round trip, validation, JSONL streams. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "sg_test.h"
#include "stancegraph/statements.h"

static void test_round_trip_keeps_every_field(void)
{
    const char *line =
        "{\"id\":\"d1:s3:1\",\"doc\":\"d1\",\"date\":\"2024-11-23\",\"source\":\"Bloomberg\","
        "\"actor\":\"United States\",\"mention\":\"the White House\",\"topic\":\"ukraine-nato\","
        "\"target\":null,\"stance\":-1,\"weight\":0.8,\"cue\":\"decided against\","
        "\"rule\":\"subject\",\"flags\":[\"reported\",\"hedged\"],\"sentence\":3,"
        "\"span\":[412,540],\"text\":\"However, the White House ...\"}";
    sg_statement s;
    CU_ASSERT_EQUAL_FATAL(sg_statement_parse(&s, line, strlen(line), "t", 1, NULL), SG_OK);
    CU_ASSERT_STRING_EQUAL(s.actor, "United States");
    CU_ASSERT_EQUAL(s.stance, -1);
    CU_ASSERT_DOUBLE_EQUAL(s.weight, 0.8, 1e-12);
    CU_ASSERT_EQUAL(s.flags, SG_FLAG_REPORTED | SG_FLAG_HEDGED);
    CU_ASSERT_EQUAL(s.span_start, 412);
    CU_ASSERT_PTR_NULL(s.target);
    char *out = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_statement_to_json(&out, &s), SG_OK);
    /* flags come out in bit order, so compare after a second round trip */
    sg_statement s2;
    CU_ASSERT_EQUAL_FATAL(sg_statement_parse(&s2, out, strlen(out), "t", 1, NULL), SG_OK);
    char *out2 = NULL;
    CU_ASSERT_EQUAL(sg_statement_to_json(&out2, &s2), SG_OK);
    CU_ASSERT_STRING_EQUAL(out, out2);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"target\":null"));
    free(out);
    free(out2);
    sg_statement_destroy(&s);
    sg_statement_destroy(&s2);
}

static void expect_error(const char *line, const char *fragment)
{
    sg_statement s;
    sg_error err;
    sg_error_clear(&err);
    CU_ASSERT_EQUAL(sg_statement_parse(&s, line, strlen(line), "in.jsonl", 7, &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 7);
    CU_ASSERT_STRING_EQUAL(err.file, "in.jsonl");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, fragment));
}

static void test_bad_statements_are_rejected_with_reason(void)
{
    expect_error("{\"doc\":\"d\",\"actor\":\"A\",\"topic\":\"t\"}", "stance");
    expect_error("{\"doc\":\"d\",\"actor\":\"A\",\"topic\":\"t\",\"stance\":2}", "-1, 0 or 1");
    expect_error("{\"doc\":\"d\",\"topic\":\"t\",\"stance\":1}", "actor");
    expect_error("{\"doc\":\"d\",\"actor\":\"A\",\"topic\":\"t\",\"stance\":1,\"weight\":0}", "weight");
    expect_error("{\"doc\":\"d\",\"actor\":", "malformed JSON");
    expect_error("[1,2]", "object");
    expect_error("{\"doc\":\"d\",\"actor\":\"\xC3\",\"topic\":\"t\",\"stance\":1}", "UTF-8");
    expect_error("{\"doc\":\"d\",\"actor\":\"A\",\"topic\":\"t\",\"stance\":1,\"flags\":[\"odd\"]}", "flag");
}

static void test_stream_reports_line_of_bad_record(void)
{
    const char *data = "{\"doc\":\"d\",\"actor\":\"A\",\"topic\":\"t\",\"stance\":1}\n\n"
                       "{\"doc\":\"d\",\"actor\":\"B\",\"topic\":\"t\",\"stance\":-1}\n"
                       "not json\n";
    FILE *fp = fmemopen((void *)data, strlen(data), "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    sg_statement_list list;
    sg_statement_list_init(&list);
    sg_error err;
    CU_ASSERT_EQUAL(sg_statements_read(&list, fp, "s.jsonl", &err), SG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 4);
    CU_ASSERT_EQUAL(list.n, 2);
    CU_ASSERT_STRING_EQUAL(list.items[1].actor, "B");
    CU_ASSERT_DOUBLE_EQUAL(list.items[1].weight, 1.0, 1e-12);
    fclose(fp);
    sg_statement_list_destroy(&list);
}

static void test_hand_coded_minimum_is_accepted(void)
{
    const char *line = "{\"doc\":\"interview-3\",\"actor\":\"Greens\",\"topic\":\"coal-exit\",\"stance\":0}";
    sg_statement s;
    CU_ASSERT_EQUAL(sg_statement_parse(&s, line, strlen(line), "h", 1, NULL), SG_OK);
    CU_ASSERT_EQUAL(s.stance, 0);
    CU_ASSERT_EQUAL(s.span_start, -1);
    sg_statement_destroy(&s);
}

static CU_TestInfo tests[] = {
    {"round trip keeps every field", test_round_trip_keeps_every_field},
    {"bad statements are rejected with reason", test_bad_statements_are_rejected_with_reason},
    {"stream reports line of bad record", test_stream_reports_line_of_bad_record},
    {"hand-coded minimum is accepted", test_hand_coded_minimum_is_accepted},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"statements", NULL, NULL, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

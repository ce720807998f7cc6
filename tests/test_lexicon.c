/* test_lexicon.c - loading, validation messages, cross-references, people by date. */
#include <string.h>

#include "lexicon/lexicon_internal.h"
#include "sg_test.h"
#include "stancegraph/lexicon.h"

#define MINI SG_TEST_DATA "/lexicon/mini.json"

static void test_mini_lexicon_loads_with_counts(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, MINI, NULL, &err), SG_OK);
    sg_lexicon_stats st;
    sg_lexicon_stats_get(lex, &st);
    CU_ASSERT_EQUAL(st.actors, 3);
    CU_ASSERT_EQUAL(st.people, 1);
    CU_ASSERT_EQUAL(st.groups, 1);
    CU_ASSERT_EQUAL(st.topics, 1);
    CU_ASSERT(sg_lexicon_has_topic(lex, "league-entry"));
    CU_ASSERT(!sg_lexicon_has_topic(lex, "other"));
    CU_ASSERT_STRING_EQUAL(sg_lexicon_topic_label(lex, "league-entry"), "Sylvania in the League");
    sg_lexicon_free(lex);
}

static void test_alias_lookup_gives_canonical_id(void)
{
    sg_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, MINI, NULL, NULL), SG_OK);
    CU_ASSERT_STRING_EQUAL(sg_lexicon_actor_lookup(lex, "the Republic of Freedonia"), "Freedonia");
    CU_ASSERT_STRING_EQUAL(sg_lexicon_actor_lookup(lex, "Fredville"), "Freedonia");
    CU_ASSERT_STRING_EQUAL(sg_lexicon_actor_lookup(lex, "Sylvania"), "Sylvania");
    CU_ASSERT_PTR_NULL(sg_lexicon_actor_lookup(lex, "Atlantis"));
    sg_lexicon_free(lex);
}

static void test_person_resolves_to_office_on_date(void)
{
    sg_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, MINI, NULL, NULL), SG_OK);
    int freedonia = sg_lexicon__actor_index(lex, "Freedonia");
    int league = sg_lexicon__actor_index(lex, "The League");
    CU_ASSERT_EQUAL(sg_lexicon__person_actor(lex, 0, "2021-06-01", NULL, 1), freedonia);
    CU_ASSERT_EQUAL(sg_lexicon__person_actor(lex, 0, "2024-06-01", NULL, 1), league);
    CU_ASSERT_EQUAL(sg_lexicon__person_actor(lex, 0, NULL, NULL, 1), league);
    CU_ASSERT_EQUAL(sg_lexicon__person_actor(lex, 0, "2019-06-01", NULL, 1), -1);
    CU_ASSERT_EQUAL(sg_lexicon__person_actor(lex, 0, "2019-06-01", NULL, 0), -1);
    sg_lexicon_free(lex);
}

static void test_decision_lists_body_members(void)
{
    sg_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, MINI, NULL, NULL), SG_OK);
    const char *body, *rule;
    const char *const *members;
    size_t n;
    sg_lexicon_topic_decision(lex, "league-entry", &body, &rule, &members, &n);
    CU_ASSERT_STRING_EQUAL(body, "The League");
    CU_ASSERT_STRING_EQUAL(rule, "unanimity");
    CU_ASSERT_EQUAL(n, 2);
    sg_lexicon_free(lex);
}

static void expect_error(const char *file, sg_status code, long line, const char *fragment)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    sg_error_clear(&err);
    CU_ASSERT_EQUAL(sg_lexicon_load(&lex, file, NULL, &err), code);
    CU_ASSERT_PTR_NULL(lex);
    if (line >= 0)
        CU_ASSERT_EQUAL(err.line, line);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, fragment));
}

static void test_bad_lexicons_name_the_problem(void)
{
    expect_error(SG_TEST_DATA "/lexicon/bad-ref.json", SG_EINPUT, -1, "unknown actor \"Nowhere\"");
    {
        sg_lexicon *lex = NULL;
        sg_error err;
        CU_ASSERT_EQUAL(sg_lexicon_load(&lex, SG_TEST_DATA "/lexicon/bad-ref.json", NULL, &err), SG_EINPUT);
        CU_ASSERT_PTR_NOT_NULL(strstr(err.file, "bad-ref.json"));
    }
    expect_error(SG_TEST_DATA "/lexicon/bad-cue.json", SG_EINPUT, 2, "cues[0]: \"polarity\"");
    expect_error(SG_TEST_DATA "/lexicon/bad-json.json", SG_EINPUT, 2, "malformed JSON");
    expect_error(SG_TEST_DATA "/lexicon/bad-section.json", SG_EINPUT, -1, "unknown section \"colours\"");
    expect_error(SG_TEST_DATA "/lexicon/missing.json", SG_EIO, -1, "cannot open");
}

static void test_invalid_utf8_lexicon_is_rejected(void)
{
    sg_lexicon *lex = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_new(&lex, NULL), SG_OK);
    sg_error err;
    const char bad[] = "{\"actors\":[{\"id\":\"\xC3\"}]}";
    CU_ASSERT_EQUAL(sg_lexicon_add_json(lex, bad, sizeof(bad) - 1, "x.json", &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "UTF-8"));
    sg_lexicon_free(lex);
}

static void test_default_lexicon_is_valid(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, SG_SOURCE_DIR "/data/lexicon", NULL, &err), SG_OK);
    sg_lexicon_stats st;
    sg_lexicon_stats_get(lex, &st);
    CU_ASSERT(st.actors >= 249);   /* every ISO 3166 country */
    CU_ASSERT(st.people >= 300);
    CU_ASSERT(sg_lexicon_has_topic(lex, "ukraine-nato"));
    CU_ASSERT_STRING_EQUAL(sg_lexicon_actor_lookup(lex, "Kyiv"), "Ukraine");
    CU_ASSERT_STRING_EQUAL(sg_lexicon_actor_lookup(lex, "the Kremlin"), "Russia");
    CU_ASSERT_STRING_EQUAL(sg_lexicon_actor_lookup(lex, "USA"), "United States");
    CU_ASSERT_STRING_EQUAL(sg_lexicon_actor_lookup(lex, "Czechia"), "Czech Republic");
    const char *body, *rule;
    const char *const *members;
    size_t n;
    sg_lexicon_topic_decision(lex, "ukraine-nato", &body, &rule, &members, &n);
    CU_ASSERT_STRING_EQUAL(body, "NATO");
    CU_ASSERT_EQUAL(n, 32);
    sg_lexicon_free(lex);
}

static CU_TestInfo tests[] = {
    {"mini lexicon loads with counts", test_mini_lexicon_loads_with_counts},
    {"alias lookup gives canonical id", test_alias_lookup_gives_canonical_id},
    {"person resolves to office on date", test_person_resolves_to_office_on_date},
    {"decision lists body members", test_decision_lists_body_members},
    {"bad lexicons name the problem", test_bad_lexicons_name_the_problem},
    {"invalid UTF-8 lexicon is rejected", test_invalid_utf8_lexicon_is_rejected},
    {"default lexicon is valid", test_default_lexicon_is_valid},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"lexicon", NULL, NULL, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

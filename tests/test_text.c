/* test_text.c - tokens, normalisation, abbreviations, sentences, UTF-8 validation. */
#include <string.h>

#include "sg_test.h"
#include "stancegraph/text.h"

static sg_tokens tok;

static void split(const char *s)
{
    sg_tokens_destroy(&tok);
    CU_ASSERT_EQUAL_FATAL(sg_tokens_init(&tok, s, strlen(s), NULL, NULL), SG_OK);
}

static int norm_is(size_t i, const char *w)
{
    return i < tok.n_tok && strcmp(tok.tok[i].norm, w) == 0;
}

static void test_possessive_is_split_off(void)
{
    split("Ukraine's bid and the allies' doubts");
    CU_ASSERT(norm_is(0, "ukraine"));
    CU_ASSERT(norm_is(1, "'s"));
    CU_ASSERT_EQUAL(tok.tok[1].kind, SG_TOK_POSS);
    CU_ASSERT(norm_is(5, "allies"));
    CU_ASSERT(norm_is(6, "'s"));
}

static void test_curly_quotes_and_dashes_are_unified(void)
{
    split("\xE2\x80\x9CNo\xE2\x80\x9D \xE2\x80\x94 Kyiv\xE2\x80\x99s view");
    CU_ASSERT(norm_is(0, "\""));
    CU_ASSERT(norm_is(2, "\""));
    CU_ASSERT(norm_is(3, "-"));
    CU_ASSERT(norm_is(4, "kyiv"));
    CU_ASSERT(norm_is(5, "'s"));
    CU_ASSERT(tok.tok[1].quote);
    CU_ASSERT(!tok.tok[4].quote);
}

static void test_contraction_splits_nt(void)
{
    split("Berlin doesn't agree");
    CU_ASSERT(norm_is(1, "does"));
    CU_ASSERT(norm_is(2, "n't"));
    CU_ASSERT(norm_is(3, "agree"));
}

static void test_lone_nt_is_one_token(void)
{
    split("n't yet");
    CU_ASSERT_EQUAL(tok.n_tok, 2);
    CU_ASSERT(norm_is(0, "n't"));
    CU_ASSERT(norm_is(1, "yet"));
}

static void test_abbreviations_do_not_end_sentences(void)
{
    split("The U.S. and Gen. Milley met on Jan. 5. Then Mr. Smith left.");
    CU_ASSERT_EQUAL(tok.n_sent, 2);
    CU_ASSERT(norm_is(1, "u.s."));
    CU_ASSERT(tok.tok[1].caps);
}

static void test_headline_without_period_ends_at_line_break(void)
{
    split("Baltics back Ukraine bid\nEstonia said yes. Latvia agreed.");
    CU_ASSERT_EQUAL(tok.n_sent, 3);
    CU_ASSERT(tok.sent[0].headline);
}

static void test_hard_wrapped_line_continues_sentence(void)
{
    split("Germany and the\nUnited States oppose it.");
    CU_ASSERT_EQUAL(tok.n_sent, 1);
}

static void test_spans_are_byte_offsets(void)
{
    const char *s = "Orbán said no.";
    split(s);
    CU_ASSERT_EQUAL(tok.tok[0].start, 0);
    CU_ASSERT_EQUAL(tok.tok[0].end, 6); /* á is two bytes */
    CU_ASSERT(norm_is(0, "orbán"));
    CU_ASSERT(tok.tok[0].upper);
}

static void test_invalid_utf8_is_rejected_with_offset(void)
{
    size_t bad = 0;
    CU_ASSERT(!sg_utf8_valid("ab\xC3(", 4, &bad));
    CU_ASSERT_EQUAL(bad, 2);
    CU_ASSERT(!sg_utf8_valid("\xC0\xAF", 2, &bad)); /* overlong */
    CU_ASSERT(!sg_utf8_valid("\xED\xA0\x80", 3, &bad)); /* surrogate */
    CU_ASSERT(!sg_utf8_valid("a\0b", 3, &bad));
    CU_ASSERT(sg_utf8_valid("Zelenskyy \xE2\x80\x94 ok", 16, &bad));
    sg_tokens t;
    sg_error err;
    CU_ASSERT_EQUAL(sg_tokens_init(&t, "ok\xFF", 3, NULL, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "byte 2"));
}

static void test_empty_text_has_no_sentences(void)
{
    split("   \n ");
    CU_ASSERT_EQUAL(tok.n_tok, 0);
    CU_ASSERT_EQUAL(tok.n_sent, 0);
}

static int clean(void)
{
    sg_tokens_destroy(&tok);
    return 0;
}

static CU_TestInfo tests[] = {
    {"possessive is split off", test_possessive_is_split_off},
    {"curly quotes and dashes are unified", test_curly_quotes_and_dashes_are_unified},
    {"contraction splits n't", test_contraction_splits_nt},
    {"lone n't is one token", test_lone_nt_is_one_token},
    {"abbreviations do not end sentences", test_abbreviations_do_not_end_sentences},
    {"headline ends at line break", test_headline_without_period_ends_at_line_break},
    {"hard-wrapped line continues", test_hard_wrapped_line_continues_sentence},
    {"spans are byte offsets", test_spans_are_byte_offsets},
    {"invalid UTF-8 is rejected", test_invalid_utf8_is_rejected_with_offset},
    {"empty text", test_empty_text_has_no_sentences},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"text", NULL, clean, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

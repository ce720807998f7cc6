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

/* Quotation state and line starts, on every path that makes a token (plain words, words
 * with an apostrophe or "n't", punctuation, straight and curly quotes): a quotation mark
 * is inside the quotation it opens and outside the one it closes; only the first token on
 * a line starts it, also after blank lines and when the line starts with punctuation. */
static void test_quote_and_line_start_flags(void)
{
    split("He said \"we don't, Kyiv's ally\" twice.\n\n(Reuters) \xE2\x80\x9CNo\xE2\x80\x9D "
          "end\nlast n't");
    const char *want[] = {"he", "said", "\"", "we", "do", "n't", ",", "kyiv", "'s", "ally",
                          "\"", "twice", ".", "(", "reuters", ")", "\"", "no", "\"", "end",
                          "last", "n't"};
    const int quote[] = {0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0};
    const int line[] = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    CU_ASSERT_EQUAL_FATAL(tok.n_tok, sizeof(want) / sizeof(want[0]));
    for (size_t i = 0; i < tok.n_tok; i++) {
        CU_ASSERT(norm_is(i, want[i]));
        CU_ASSERT_EQUAL(tok.tok[i].quote, quote[i]);
        CU_ASSERT_EQUAL(tok.tok[i].line_start, line[i]);
    }
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

/* A caller's own abbreviations replace the built-in ones, whatever their first byte or
 * length; the built-in ones come back with NULL. */
static void test_own_abbreviations_replace_the_built_in_ones(void)
{
    static const char *const own[] = {"approximately", "7th", "zz", NULL};
    const char *text = "Approximately. 7th. Zz. Gen. Mr. End.";
    sg_tokens t;
    CU_ASSERT_EQUAL_FATAL(sg_tokens_init(&t, text, strlen(text), own, NULL), SG_OK);
    CU_ASSERT_EQUAL(t.n_sent, 3); /* "Gen." and "Mr." end sentences; the others do not */
    CU_ASSERT_STRING_EQUAL(t.tok[0].norm, "approximately.");
    CU_ASSERT_STRING_EQUAL(t.tok[1].norm, "7th.");
    CU_ASSERT_STRING_EQUAL(t.tok[2].norm, "zz.");
    CU_ASSERT_STRING_EQUAL(t.tok[3].norm, "gen");
    sg_tokens_destroy(&t);
    CU_ASSERT_EQUAL_FATAL(sg_tokens_init(&t, text, strlen(text), NULL, NULL), SG_OK);
    CU_ASSERT_STRING_EQUAL(t.tok[0].norm, "approximately");
    CU_ASSERT_EQUAL(t.n_sent, 4);
    CU_ASSERT_STRING_EQUAL(t.tok[6].norm, "gen.");
    CU_ASSERT_STRING_EQUAL(t.tok[7].norm, "mr.");
    sg_tokens_destroy(&t);
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


/* The tokeniser's ASCII fast path ends a word only where the general rules would: a comma
 * or dot inside a number or an abbreviation, a hyphen, an apostrophe or a non-ASCII letter
 * continue it. */
static void test_word_edges_match_the_general_rules(void)
{
    split("NATO, 1,000 troops, 3.5 bn. Gen. Ukraine's long-range Orb\xC3\xA1n U.S. end.");
    const char *want[] = {"nato", ",", "1,000", "troops", ",", "3.5", "bn", ".", "gen.",
                          "ukraine", "'s", "long-range", "orb\xC3\xA1n", "u.s.", "end", "."};
    CU_ASSERT_EQUAL_FATAL(tok.n_tok, sizeof(want) / sizeof(want[0]));
    for (size_t i = 0; i < tok.n_tok; i++)
        CU_ASSERT(norm_is(i, want[i]));
    CU_ASSERT(tok.tok[0].caps && tok.tok[0].upper);
    CU_ASSERT(!tok.tok[3].upper && !tok.tok[3].caps);
    CU_ASSERT(tok.tok[9].upper && !tok.tok[9].caps);
    CU_ASSERT(tok.tok[12].upper); /* accented capital written as non-ASCII */
    CU_ASSERT_EQUAL(tok.tok[2].start, 6);
    CU_ASSERT_EQUAL(tok.tok[2].end, 11);
    CU_ASSERT_EQUAL(tok.n_sent, 2); /* "bn." ends one; "Gen." and "U.S." do not */
}

/* A text of pseudo-random words, digits, joiners (, . - '), odd ASCII (@ [ ` {), accented
 * letters and blanks; deterministic. */
static size_t random_text(char *buf, size_t cap, unsigned seed)
{
    static const char *const pieces[] = {"a", "Z", "q", "M", "7", "0", ",", ".", "-", "'",
                                         " ", " ", " ", "\n", "@", "[", "`", "{", "\xC3\xA9",
                                         "\xC3\x89", "e", "T", "s", "n", "U", "9", "z", "Y"};
    size_t n = 0, np = sizeof(pieces) / sizeof(pieces[0]);
    while (n + 8 < cap) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = seed >> 8;
        size_t run = 1 + r % 23; /* runs of one letter class, so long words occur */
        const char *p = pieces[(r >> 5) % np];
        for (size_t k = 0; k < run && n + 8 < cap; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *q = (seed >> 12) % 3 ? p : pieces[(seed >> 16) % np];
            size_t m = strlen(q);
            memcpy(buf + n, q, m);
            n += m;
        }
    }
    buf[n] = '\0';
    return n;
}

/* The word scan and the lower-casing go 16 bytes at a time where 16 bytes are left: the
 * same words give the same tokens wherever they sit in the text and however much text
 * follows them, and a plain word's norm is its text lower-cased. Every token's norm_len
 * is the length of its norm. */
static void test_tokens_do_not_depend_on_position_or_what_follows(void)
{
    char text[700], shifted[760];
    for (unsigned seed = 1; seed <= 12; seed++) {
        size_t len = random_text(text, 600, seed);
        sg_tokens base;
        CU_ASSERT_EQUAL_FATAL(sg_tokens_init(&base, text, len, NULL, NULL), SG_OK);
        for (size_t i = 0; i < base.n_tok; i++) {
            const sg_token *k = &base.tok[i];
            CU_ASSERT_EQUAL(k->norm_len, strlen(k->norm)); /* every token, of every path */
            int plain = k->kind == SG_TOK_WORD, letters = 0, capitals = 0;
            for (size_t b = k->start; b < k->end && plain; b++) {
                char c = text[b];
                plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                capitals += c >= 'A' && c <= 'Z';
            }
            if (!plain)
                continue;
            CU_ASSERT_EQUAL(strlen(k->norm), k->end - k->start);
            for (size_t b = 0; b < k->end - k->start; b++) {
                char c = text[k->start + b];
                CU_ASSERT_EQUAL(k->norm[b], c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            CU_ASSERT_EQUAL(k->upper, text[k->start] >= 'A' && text[k->start] <= 'Z');
            CU_ASSERT_EQUAL(k->caps, letters >= 2 && letters == capitals);
        }
        for (size_t pad = 0; pad <= 17; pad++)
            for (size_t tail = 0; tail <= 17; tail += 1 + (tail >= 3) * 6) {
                memset(shifted, ' ', pad);
                memcpy(shifted + pad, text, len);
                memset(shifted + pad + len, ' ', tail);
                sg_tokens t;
                CU_ASSERT_EQUAL_FATAL(sg_tokens_init(&t, shifted, pad + len + tail, NULL, NULL),
                                      SG_OK);
                CU_ASSERT_EQUAL(t.n_tok, base.n_tok);
                for (size_t i = 0; i < t.n_tok && i < base.n_tok; i++) {
                    CU_ASSERT_STRING_EQUAL(t.tok[i].norm, base.tok[i].norm);
                    CU_ASSERT_EQUAL(t.tok[i].norm_len, strlen(t.tok[i].norm));
                    CU_ASSERT_EQUAL(t.tok[i].start, base.tok[i].start + pad);
                    CU_ASSERT_EQUAL(t.tok[i].end, base.tok[i].end + pad);
                    CU_ASSERT_EQUAL(t.tok[i].kind, base.tok[i].kind);
                    CU_ASSERT_EQUAL(t.tok[i].upper, base.tok[i].upper);
                    CU_ASSERT_EQUAL(t.tok[i].caps, base.tok[i].caps);
                }
                sg_tokens_destroy(&t);
            }
        sg_tokens_destroy(&base);
    }
}

/* 8-byte steps of the UTF-8 check find a bad byte or a NUL at any position. */
static void test_utf8_check_finds_bad_bytes_at_every_offset(void)
{
    char buf[40];
    for (size_t at = 0; at < 33; at++) {
        memset(buf, 'a', sizeof(buf));
        buf[at] = (char)0xFF;
        size_t bad = 99;
        CU_ASSERT_FALSE(sg_utf8_valid(buf, 33, &bad));
        CU_ASSERT_EQUAL(bad, at);
        buf[at] = '\0';
        CU_ASSERT_FALSE(sg_utf8_valid(buf, 33, &bad));
        CU_ASSERT_EQUAL(bad, at);
        buf[at] = 'b';
        CU_ASSERT_TRUE(sg_utf8_valid(buf, 33, NULL));
    }
}

static CU_TestInfo tests[] = {
    {"possessive is split off", test_possessive_is_split_off},
    {"curly quotes and dashes are unified", test_curly_quotes_and_dashes_are_unified},
    {"contraction splits n't", test_contraction_splits_nt},
    {"lone n't is one token", test_lone_nt_is_one_token},
    {"quote and line-start flags", test_quote_and_line_start_flags},
    {"abbreviations do not end sentences", test_abbreviations_do_not_end_sentences},
    {"own abbreviations replace the built-in ones", test_own_abbreviations_replace_the_built_in_ones},
    {"headline ends at line break", test_headline_without_period_ends_at_line_break},
    {"hard-wrapped line continues", test_hard_wrapped_line_continues_sentence},
    {"spans are byte offsets", test_spans_are_byte_offsets},
    {"invalid UTF-8 is rejected", test_invalid_utf8_is_rejected_with_offset},
    {"empty text", test_empty_text_has_no_sentences},
    {"word edges match the general rules", test_word_edges_match_the_general_rules},
    {"UTF-8 check finds bad bytes at every offset", test_utf8_check_finds_bad_bytes_at_every_offset},
    {"tokens do not depend on position or what follows",
     test_tokens_do_not_depend_on_position_or_what_follows},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"text", NULL, clean, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

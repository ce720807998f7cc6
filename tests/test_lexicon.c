/* test_lexicon.c - loading, validation messages, cross-references, people by date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/lexicon_internal.h"
#include "sg_test.h"
#include "stancegraph/lexicon.h"
#include "stancegraph/text.h"

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

/* The vocabulary of a finished lexicon: every word of every word list has an id and
 * exactly the lists that hold it (as the sorted lists say); a word no phrase or list has
 * gets id 0, no lists and no trie edge; edges walk on ids as on strings. */
static void test_vocabulary_ids_and_word_lists(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, SG_SOURCE_DIR "/data/lexicon", NULL, &err), SG_OK);
    size_t checked = 0;
    for (int l = 0; l < SG_WL_COUNT; l++) {
        CU_ASSERT(lex->wordlists[l].n > 0); /* grammar.json fills every list */
        for (size_t k = 0; k < lex->wordlists[l].n; k++) {
            const char *w = lex->wordlists[l].items[k];
            uint32_t id = sg_lexicon__word_id(lex, w);
            CU_ASSERT_NOT_EQUAL(id, 0);
            uint64_t lists = sg_lexicon__word_lists(lex, id);
            for (int m = 0; m < SG_WL_COUNT; m++) {
                int in = 0;
                for (size_t q = 0; q < lex->wordlists[m].n && !in; q++)
                    in = strcmp(lex->wordlists[m].items[q], w) == 0;
                CU_ASSERT_EQUAL((int)(lists >> m & 1), in);
                CU_ASSERT_EQUAL(sg_lexicon__word_in(lex, (sg_wordlist)m, w), in);
            }
            checked++;
        }
    }
    CU_ASSERT(checked > 200);
    CU_ASSERT_EQUAL(sg_lexicon__word_id(lex, "zzxqv-not-a-word"), 0);
    CU_ASSERT_EQUAL(sg_lexicon__word_lists(lex, 0), 0);
    CU_ASSERT_EQUAL(sg_lexicon__child_id(lex, 0, 0), 0);
    size_t ukraine = sg_lexicon__child(lex, 0, "ukraine");
    CU_ASSERT_NOT_EQUAL(ukraine, 0);
    CU_ASSERT_EQUAL(sg_lexicon__child_id(lex, 0, sg_lexicon__word_id(lex, "ukraine")), ukraine);
    size_t united = sg_lexicon__child(lex, 0, "united");
    CU_ASSERT_NOT_EQUAL(united, 0);
    CU_ASSERT_NOT_EQUAL(sg_lexicon__child(lex, united, "states"), 0);
    CU_ASSERT_EQUAL(sg_lexicon__child(lex, united, "ukraine"), 0);
    sg_lexicon_free(lex);
}

/* Vocabulary slots keep a word's first 8 bytes and compare the rest only for longer
 * words: every word is found under its own id, and words one byte off (longer, shorter,
 * another last byte, only the first 8 bytes) are found only when they are words too. The
 * batched look-up of a document's tokens gives what one look-up at a time gives. */
static void test_vocabulary_tells_close_words_apart(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, SG_SOURCE_DIR "/data/lexicon", NULL, &err), SG_OK);
    size_t n = lex->n_vocab_ids, long_words = 0;
    for (size_t id = 1; id < n; id++) {
        const char *w = lex->tokpool + lex->vocab_off[id];
        size_t len = strlen(w);
        int hyphen = -1;
        CU_ASSERT_EQUAL(sg_lexicon__token_id(lex, w, &hyphen), id);
        CU_ASSERT_EQUAL(hyphen, strchr(w, '-') != NULL);
        long_words += len > 8;
        char v[4][80];
        if (len + 2 > sizeof(v[0]))
            continue;
        snprintf(v[0], sizeof(v[0]), "%sx", w);             /* one byte longer */
        snprintf(v[1], sizeof(v[1]), "%.*s", (int)len - 1, w); /* one byte shorter */
        snprintf(v[2], sizeof(v[2]), "%s", w);
        v[2][len - 1] = v[2][len - 1] == 'q' ? 'j' : 'q';   /* another last byte */
        snprintf(v[3], sizeof(v[3]), "%.8s", w);            /* its first 8 bytes */
        for (int k = 0; k < 4; k++) {
            uint32_t want = 0;
            for (size_t o = 1; o < n && want == 0; o++)
                if (strcmp(lex->tokpool + lex->vocab_off[o], v[k]) == 0)
                    want = (uint32_t)o;
            CU_ASSERT_EQUAL(sg_lexicon__word_id(lex, v[k]), want);
        }
    }
    CU_ASSERT(long_words > 100);
    const char *text = "The European Commission's representatives, internationally, said "
                       "Kyiv's long-range NATO-membership bid (2024) would not be reconsidered.";
    sg_tokens t;
    CU_ASSERT_EQUAL_FATAL(sg_tokens_init(&t, text, strlen(text), NULL, NULL), SG_OK);
    uint32_t ids[64];
    unsigned char hy[64];
    CU_ASSERT_FATAL(t.n_tok <= 64);
    sg_lexicon__token_ids(lex, t.tok, t.n_tok, ids, hy);
    for (size_t i = 0; i < t.n_tok; i++) {
        int h;
        CU_ASSERT_EQUAL(ids[i], sg_lexicon__token_id(lex, t.tok[i].norm, &h));
        CU_ASSERT_EQUAL(hy[i], h);
    }
    sg_tokens_destroy(&t);
    sg_lexicon_free(lex);
}

/* A vocabulary key reads a word in 8-byte words and its last bytes in overlapping loads:
 * a hyphen is seen at every place of words of every length from 1 to 40 bytes (and no
 * hyphen where there is none), and every lexicon word cut to each of its lengths is
 * found exactly when that prefix is a word of its own. */
static void test_vocabulary_keys_every_length(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, SG_SOURCE_DIR "/data/lexicon", NULL, &err), SG_OK);
    char w[48];
    for (size_t len = 1; len <= 40; len++) {
        memset(w, 'q', len);
        w[len] = '\0';
        int h = -1;
        (void)sg_lexicon__token_id(lex, w, &h);
        CU_ASSERT_EQUAL(h, 0);
        for (size_t at = 0; at < len; at++) {
            w[at] = '-';
            h = -1;
            CU_ASSERT_EQUAL(sg_lexicon__token_id(lex, w, &h), 0);
            CU_ASSERT_EQUAL(h, 1);
            w[at] = 'q';
        }
    }
    size_t checked = 0;
    for (size_t id = 1; id < lex->n_vocab_ids && checked < 400; id++) {
        const char *word = lex->tokpool + lex->vocab_off[id];
        size_t len = strlen(word);
        if (len < 9 || len >= sizeof(w))
            continue;
        for (size_t k = 1; k <= len; k++) {
            memcpy(w, word, k);
            w[k] = '\0';
            uint32_t want = 0;
            for (size_t o = 1; o < lex->n_vocab_ids && want == 0; o++)
                if (strcmp(lex->tokpool + lex->vocab_off[o], w) == 0)
                    want = (uint32_t)o;
            CU_ASSERT_EQUAL(sg_lexicon__word_id(lex, w), want);
        }
        checked++;
    }
    CU_ASSERT(checked > 100);
    sg_lexicon_free(lex);
}

/* The filter beside each child of the root lets through the token of every one of that
 * child's own children (no match is lost), and stops most other tokens. */
static void test_root_filters_pass_every_second_token(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, SG_SOURCE_DIR "/data/lexicon", NULL, &err), SG_OK);
    uint32_t *id_of = calloc(lex->n_nodes + 1, sizeof(uint32_t)); /* root child -> its id */
    CU_ASSERT_FATAL(id_of != NULL);
    for (uint32_t id = 1; id < lex->n_vocab_ids; id++) {
        size_t child = sg_lexicon__child_id(lex, 0, id);
        if (child)
            id_of[child] = id;
    }
    size_t edges = 0;
    for (size_t i = 0; i < lex->n_slots; i++) {
        const sg_trie_slot *e = &lex->slots[i];
        if (e->node == 0 || id_of[e->node - 1] == 0)
            continue;
        CU_ASSERT(sg_lexicon__root_filter(lex, id_of[e->node - 1]) & sg_lexicon__filter_bit(e->tok));
        CU_ASSERT_EQUAL(sg_lexicon__child_id(lex, e->node - 1, e->tok), e->child & SG_TRIE_NODE_MASK);
        edges++;
    }
    CU_ASSERT(edges > 1000);
    size_t passed = 0, tried = 0;
    for (uint32_t id = 1; id < lex->n_vocab_ids; id += 7)
        for (uint32_t t = 1; t < lex->n_vocab_ids; t += 13, tried++)
            passed += (sg_lexicon__root_filter(lex, id) & sg_lexicon__filter_bit(t)) != 0;
    CU_ASSERT(passed * 4 < tried); /* most pairs are stopped */
    CU_ASSERT_EQUAL(sg_lexicon__root_filter(lex, 0), 0);
    free(id_of);
    sg_lexicon_free(lex);
}

static sg_status load_strings(sg_lexicon **lex, const char *base, const char *overlay,
                              sg_error *err)
{
    sg_status rc = sg_lexicon_new(lex, err);
    if (rc == SG_OK)
        rc = sg_lexicon_add_json(*lex, base, strlen(base), "base.json", err);
    (*lex)->overlay = 1; /* as sg_lexicon_load does before the --topics file */
    if (rc == SG_OK && overlay)
        rc = sg_lexicon_add_json(*lex, overlay, strlen(overlay), "mine.json", err);
    if (rc == SG_OK)
        rc = sg_lexicon_finish(*lex, err);
    return rc;
}

static const char *council =
    "{\"actors\":[{\"id\":\"A\"},{\"id\":\"B\"},{\"id\":\"C\"},{\"id\":\"P\"},"
    "{\"id\":\"Council\",\"type\":\"organisation\",\"members\":["
    "{\"id\":\"P\",\"veto\":true},\"A\",{\"id\":\"B\",\"from\":\"2020-01-01\"},"
    "{\"id\":\"C\",\"from\":\"2010-01-01\",\"to\":\"2019-12-31\"}]}],"
    "\"population\":[{\"year\":2025,\"source\":\"test\",\"figures\":{\"A\":60,\"B\":30,"
    "\"C\":10,\"P\":1}}],"
    "\"topics\":[{\"id\":\"q\",\"label\":\"Q\",\"terms\":[[\"q\"]],"
    "\"decision\":{\"body\":\"Council\",\"rule\":\"security-council\"}},"
    "{\"id\":\"w\",\"label\":\"W\",\"terms\":[[\"w\"]],"
    "\"decision\":{\"body\":\"Council\",\"rule\":\"qualified-majority\"}}]}";

static void test_members_are_read_on_the_decision_date(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(load_strings(&lex, council, NULL, &err), SG_OK);
    sg_lexicon_decision d;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_decision_get(lex, "q", "2015-06-01", &d, &err), SG_OK);
    CU_ASSERT_EQUAL(d.n_members, 3); /* P, A, C: B joined in 2020 */
    CU_ASSERT_STRING_EQUAL(d.members[2], "C");
    CU_ASSERT_PTR_NOT_NULL_FATAL(d.veto);
    CU_ASSERT_EQUAL(d.veto[0], 1);
    CU_ASSERT_EQUAL(d.veto[1], 0);
    CU_ASSERT_PTR_NULL(d.weights); /* the rule weighs no member */
    sg_lexicon_decision_destroy(&d);
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_decision_get(lex, "w", "2024-06-01", &d, &err), SG_OK);
    CU_ASSERT_EQUAL(d.n_members, 3); /* P, A, B: C left in 2019 */
    CU_ASSERT_PTR_NOT_NULL_FATAL(d.weights);
    CU_ASSERT_DOUBLE_EQUAL(d.weights[2], 30, 1e-9);
    CU_ASSERT_STRING_EQUAL(d.weight_source, "test");
    sg_lexicon_decision_destroy(&d);
    sg_lexicon_free(lex);
}

static void test_unknown_rule_and_memberless_body_are_refused(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    const char *bad_rule =
        "{\"actors\":[{\"id\":\"A\"},{\"id\":\"Org\",\"type\":\"organisation\","
        "\"members\":[\"A\"]}],\"topics\":[{\"id\":\"t\",\"terms\":[[\"t\"]],"
        "\"decision\":{\"body\":\"Org\",\"rule\":\"consensus\"}}]}";
    CU_ASSERT_EQUAL(load_strings(&lex, bad_rule, NULL, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "unknown decision rule \"consensus\""));
    sg_lexicon_free(lex);
    const char *no_members =
        "{\"actors\":[{\"id\":\"Org\",\"type\":\"organisation\"}],\"topics\":[{\"id\":\"t\","
        "\"terms\":[[\"t\"]],\"decision\":{\"body\":\"Org\",\"rule\":\"unanimity\"}}]}";
    CU_ASSERT_EQUAL(load_strings(&lex, no_members, NULL, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "has no \"members\""));
    sg_lexicon_free(lex);
    const char *no_population =
        "{\"actors\":[{\"id\":\"A\"},{\"id\":\"Org\",\"type\":\"organisation\","
        "\"members\":[\"A\"]}],\"topics\":[{\"id\":\"t\",\"terms\":[[\"t\"]],"
        "\"decision\":{\"body\":\"Org\",\"rule\":\"qualified-majority\"}}]}";
    CU_ASSERT_EQUAL(load_strings(&lex, no_population, NULL, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "population figure for \"A\""));
    sg_lexicon_free(lex);
}

static void test_topics_file_overrides_a_builtin_topic(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    const char *mine = "{\"topics\":[{\"id\":\"q\",\"label\":\"Mine\",\"terms\":[[\"zzz\"]],"
                       "\"decision\":{\"body\":\"Council\",\"rule\":\"unanimity\"}}]}";
    CU_ASSERT_EQUAL_FATAL(load_strings(&lex, council, mine, &err), SG_OK);
    CU_ASSERT_STRING_EQUAL(sg_lexicon_topic_label(lex, "q"), "Mine");
    CU_ASSERT_EQUAL(sg_lexicon_overridden_count(lex), 1);
    CU_ASSERT_STRING_EQUAL(sg_lexicon_overridden_topic(lex, 0), "q");
    CU_ASSERT_EQUAL(sg_lexicon_topic_count(lex), 2);
    sg_lexicon_decision d;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_decision_get(lex, "q", "2024-01-01", &d, &err), SG_OK);
    CU_ASSERT_STRING_EQUAL(d.rule, "unanimity");
    sg_lexicon_decision_destroy(&d);
    sg_lexicon_free(lex);
    /* within one file (or the built-in lexicon) a repeated id is still an error */
    const char *twice = "{\"topics\":[{\"id\":\"x\",\"terms\":[[\"a\"]]},"
                        "{\"id\":\"x\",\"terms\":[[\"b\"]]}]}";
    CU_ASSERT_EQUAL(load_strings(&lex, "{\"actors\":[{\"id\":\"A\"}]}", twice, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "duplicate topic id"));
    sg_lexicon_free(lex);
}

static void test_default_organisations_have_dated_members(void)
{
    sg_lexicon *lex = NULL;
    sg_error err;
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_load(&lex, NULL, NULL, &err), SG_OK);
    const char *topics = "{\"topics\":[{\"id\":\"x-un\",\"terms\":[[\"x\"]],\"decision\":"
                         "{\"body\":\"UN Security Council\",\"rule\":\"security-council\"}},"
                         "{\"id\":\"x-eu\",\"terms\":[[\"x\"]],\"decision\":"
                         "{\"body\":\"Council of the European Union\","
                         "\"rule\":\"qualified-majority\"}},"
                         "{\"id\":\"x-ec\",\"terms\":[[\"x\"]],\"decision\":"
                         "{\"body\":\"European Council\",\"rule\":\"unanimity\"}}]}";
    sg_lexicon_free(lex);
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_new(&lex, &err), SG_OK);
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_add_path(lex, sg_lexicon_default_path(), &err), SG_OK);
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_add_json(lex, topics, strlen(topics), "t.json", &err), SG_OK);
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_finish(lex, &err), SG_OK);
    sg_lexicon_decision d;
    for (int year = 2016; year <= 2026; year++) { /* 5 permanent + 10 elected each year */
        char date[11];
        snprintf(date, sizeof(date), "%d-06-30", year);
        CU_ASSERT_EQUAL_FATAL(sg_lexicon_decision_get(lex, "x-un", date, &d, &err), SG_OK);
        CU_ASSERT_EQUAL(d.n_members, 15);
        int vetoes = 0;
        for (size_t i = 0; i < d.n_members; i++)
            vetoes += d.veto[i];
        CU_ASSERT_EQUAL(vetoes, 5);
        sg_lexicon_decision_destroy(&d);
    }
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_decision_get(lex, "x-eu", "2025-03-01", &d, &err), SG_OK);
    CU_ASSERT_EQUAL(d.n_members, 27);
    double total = 0;
    for (size_t i = 0; i < d.n_members; i++)
        total += d.weights[i];
    CU_ASSERT_DOUBLE_EQUAL(total, 100.0, 0.05);
    sg_lexicon_decision_destroy(&d);
    CU_ASSERT_EQUAL_FATAL(sg_lexicon_decision_get(lex, "x-ec", "2019-03-01", &d, &err), SG_OK);
    CU_ASSERT_EQUAL(d.n_members, 28); /* the United Kingdom left on 31 January 2020 */
    sg_lexicon_decision_destroy(&d);
    /* the population data set is the EU-27's: no figure, no qualified majority in 2019 */
    CU_ASSERT_EQUAL(sg_lexicon_decision_get(lex, "x-eu", "2019-03-01", &d, &err), SG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "United Kingdom"));
    sg_lexicon_free(lex);
}

static CU_TestInfo tests[] = {
    {"vocabulary_ids_and_word_lists", test_vocabulary_ids_and_word_lists},
    {"vocabulary_tells_close_words_apart", test_vocabulary_tells_close_words_apart},
    {"vocabulary_keys_every_length", test_vocabulary_keys_every_length},
    {"root_filters_pass_every_second_token", test_root_filters_pass_every_second_token},
    {"members_are_read_on_the_decision_date", test_members_are_read_on_the_decision_date},
    {"unknown_rule_and_memberless_body_are_refused", test_unknown_rule_and_memberless_body_are_refused},
    {"topics_file_overrides_a_builtin_topic", test_topics_file_overrides_a_builtin_topic},
    {"default_organisations_have_dated_members", test_default_organisations_have_dated_members},
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

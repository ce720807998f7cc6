/* test_extract.c - the extractor's mechanisms, each on short sentences written for the
 * test (never sentences of the dev corpus), against the default lexicon. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_test.h"
#include "sg_stance.h"
#include "stancegraph/extract.h"


static sg_lexicon *lex;
static sg_statement_list last;

static int setup(void)
{
    sg_statement_list_init(&last);
    return sg_test_lexicon(&lex, NULL);
}

static int teardown(void)
{
    sg_statement_list_destroy(&last);
    sg_lexicon_free(lex);
    return 0;
}

static void run_opts(const char *text, const char *topic, const char *date, sg_actor_level level)
{
    sg_test_extract(&last, lex, text, topic, date, level);
}

/* Sign of the summed stance x weight of actor on the topic (no target), or ABSENT. */
static int stance_in(const char *actor)
{
    return sg_test_stance_sign(&last, actor);
}

static int stance_of(const char *text, const char *actor)
{
    run_opts(text, "ukraine-nato", "2024-11-23", SG_LEVEL_GROUP);
    return stance_in(actor);
}

static unsigned flags_of(const char *actor)
{
    unsigned f = 0;
    for (size_t i = 0; i < last.n; i++)
        if (strcmp(last.items[i].actor, actor) == 0)
            f |= last.items[i].flags;
    return f;
}

/* ---- who holds the position ---- */

static void test_coordinated_subject_list_all_get_stance(void)
{
    const char *t = "Spain, Belgium, Slovenia and Hungary oppose inviting Ukraine into NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Spain"), -1);
    CU_ASSERT_EQUAL(stance_in("Belgium"), -1);
    CU_ASSERT_EQUAL(stance_in("Slovenia"), -1);
    CU_ASSERT_EQUAL(stance_in("Hungary"), -1);
    CU_ASSERT_EQUAL(stance_in("Ukraine"), ABSENT);
    CU_ASSERT_EQUAL(stance_in("NATO"), ABSENT);
}

static void test_passive_agent_list_gets_stance(void)
{
    const char *t = "Kyiv's request to join NATO is supported by Latvia, Lithuania, Estonia and France.";
    CU_ASSERT_EQUAL(stance_of(t, "Latvia"), 1);
    CU_ASSERT_EQUAL(stance_in("Lithuania"), 1);
    CU_ASSERT_EQUAL(stance_in("Estonia"), 1);
    CU_ASSERT_EQUAL(stance_in("France"), 1);
    /* "Kyiv's request to join": Ukraine asks for its own accession */
    CU_ASSERT_EQUAL(stance_in("Ukraine"), 1);
}

static void test_copula_opponents_hold_opposition(void)
{
    const char *t = "Canada and Italy are the main opponents of a NATO invitation for Ukraine.";
    CU_ASSERT_EQUAL(stance_of(t, "Canada"), -1);
    CU_ASSERT_EQUAL(stance_in("Italy"), -1);
}

static void test_possessive_nominal_cue(void)
{
    const char *t = "Turkey's opposition stalled any vote on Ukraine joining NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Turkey"), -1);
    t = "Romania's support for Ukraine's NATO membership is firm.";
    CU_ASSERT_EQUAL(stance_of(t, "Romania"), 1);
}

static void test_possessor_of_topic_noun_is_not_holder(void)
{
    const char *t = "Denmark argued that Ukraine's NATO membership is unrealistic for now.";
    stance_of(t, "Denmark");
    CU_ASSERT_EQUAL(stance_in("Ukraine"), ABSENT);
}

static void test_prepositional_actor_is_not_subject(void)
{
    const char *t = "A report from Norway opposes Ukraine's accession to NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Norway"), ABSENT);
    /* people of a place opening the sentence act for it (people_heads) */
    t = "Officials from Norway oppose Ukraine's accession to NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Norway"), -1);
}

static void test_role_with_country_resolves_without_name(void)
{
    const char *t = "The Slovak Prime Minister opposes Ukraine's membership in NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Slovakia"), -1);
    t = "Hungary's prime minister said he would veto Ukraine's NATO accession.";
    CU_ASSERT_EQUAL(stance_of(t, "Hungary"), -1);
}

static void test_person_resolves_by_date(void)
{
    /* Rutte was Dutch prime minister until 2024-07-02 and leads NATO since 2024-10-01 */
    const char *t = "Mark Rutte backs Ukraine's path to NATO membership.";
    CU_ASSERT_EQUAL(stance_of(t, "NATO"), 1);
    CU_ASSERT_EQUAL(stance_in("Netherlands"), ABSENT);
    run_opts(t, "ukraine-nato", "2023-06-01", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Netherlands"), 1);
    CU_ASSERT_EQUAL(stance_in("NATO"), ABSENT);
}

static void test_pronoun_resolves_to_last_person(void)
{
    const char *t = "Polish President Andrzej Duda spoke in Vilnius. He said he supports "
                    "inviting Ukraine to NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Poland"), 1);
    CU_ASSERT(flags_of("Poland") & SG_FLAG_INFERRED);
    CU_ASSERT_EQUAL(stance_in("Lithuania"), ABSENT);
}

static void test_group_alias_expands_to_members(void)
{
    const char *t = "The Baltic states support Ukraine's bid to join NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Estonia"), 1);
    CU_ASSERT_EQUAL(stance_in("Latvia"), 1);
    CU_ASSERT_EQUAL(stance_in("Lithuania"), 1);
}

static void test_metonym_maps_to_country(void)
{
    const char *t = "Berlin rejects an invitation for Ukraine to join NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Germany"), -1);
    t = "The White House opposes Ukraine's NATO accession.";
    CU_ASSERT_EQUAL(stance_of(t, "United States"), -1);
}

/* ---- sources ---- */

static void test_source_is_provenance_not_actor(void)
{
    const char *t = "According to Reuters, Portugal supports Ukraine's accession to NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Portugal"), 1);
    CU_ASSERT_EQUAL(stance_in("Reuters"), ABSENT);
    CU_ASSERT_STRING_EQUAL(last.items[0].source, "Reuters");
    CU_ASSERT(last.items[0].flags & SG_FLAG_REPORTED);
    t = "Politico reported that Greece opposes Ukraine's NATO membership.";
    CU_ASSERT_EQUAL(stance_of(t, "Greece"), -1);
    CU_ASSERT_EQUAL(stance_in("Politico"), ABSENT);
}

static void test_quote_belongs_to_speaker(void)
{
    const char *t = "\"We fully support Ukraine's membership of NATO,\" Finnish President "
                    "Alexander Stubb said.";
    CU_ASSERT_EQUAL(stance_of(t, "Finland"), 1);
    CU_ASSERT(flags_of("Finland") & SG_FLAG_QUOTE);
}

/* ---- polarity ---- */

static void test_negation_flips_support(void)
{
    const char *t = "Croatia does not support Ukraine's NATO membership.";
    CU_ASSERT_EQUAL(stance_of(t, "Croatia"), -1);
    CU_ASSERT(flags_of("Croatia") & SG_FLAG_NEGATED);
    t = "Austria would not support an invitation for Ukraine to join NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Austria"), -1);
    t = "Berlin doesn\xE2\x80\x99t support Ukraine joining NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Germany"), -1);
}

static void test_negated_objection_is_weak_support(void)
{
    const char *t = "Sweden no longer has objections to Ukraine joining NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Sweden"), 1);
    CU_ASSERT(last.items[0].weight < 0.9);
}

static void test_rejecting_a_block_is_support(void)
{
    const char *t = "Bulgaria rejected the idea of blocking Ukraine's NATO accession.";
    CU_ASSERT_EQUAL(stance_of(t, "Bulgaria"), 1);
    CU_ASSERT(flags_of("Bulgaria") & SG_FLAG_REVERSED);
}

static void test_other_topic_in_scope_is_not_this_topic(void)
{
    const char *t = "Hungary is not opposed to Ukraine's EU membership.";
    CU_ASSERT_EQUAL(stance_of(t, "Hungary"), ABSENT);
}

static void test_hedge_lowers_weight(void)
{
    const char *t = "Belgium may support Ukraine's accession to NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Belgium"), 1);
    CU_ASSERT(flags_of("Belgium") & SG_FLAG_HEDGED);
    CU_ASSERT(last.items[0].weight < 1.0);
}

static void test_conditional_lowers_weight(void)
{
    const char *t = "If the war ends, Italy will support Ukraine's membership in NATO.";
    stance_of(t, "Italy");
    int found = 0;
    for (size_t i = 0; i < last.n; i++)
        if (strcmp(last.items[i].actor, "Italy") == 0)
            found = 1;
    CU_ASSERT(found);
}

static void test_deferral_is_stance_zero(void)
{
    const char *t = "Luxembourg said Ukraine's NATO membership should be postponed.";
    CU_ASSERT_EQUAL(stance_of(t, "Luxembourg"), 0);
    CU_ASSERT(flags_of("Luxembourg") & SG_FLAG_DEFERRAL);
    t = "The Netherlands supports Ukraine joining NATO, but not now.";
    CU_ASSERT_EQUAL(stance_of(t, "Netherlands"), 0);
}

/* ---- what it is about ---- */

static void test_participant_list_without_cue_yields_nothing(void)
{
    const char *t = "Leaders of Germany, France, Poland and Ukraine met at the NATO summit.";
    stance_of(t, "Germany");
    CU_ASSERT_EQUAL(last.n, 0);
}

static void test_anaphor_carries_document_topic(void)
{
    const char *t = "Ukraine wants an invitation to join NATO. Slovenia backs the idea.";
    CU_ASSERT_EQUAL(stance_of(t, "Slovenia"), 1);
    CU_ASSERT(flags_of("Slovenia") & SG_FLAG_ANAPHOR);
}

static void test_unrelated_document_gives_no_topic_stance(void)
{
    const char *t = "Spain supports the new fishing quotas.";
    CU_ASSERT_EQUAL(stance_of(t, "Spain"), ABSENT);
}

static void test_support_for_an_actor_is_a_relation(void)
{
    const char *t = "Ukraine wants to join NATO. Canada reaffirmed its support for Kyiv.";
    stance_of(t, "Canada");
    int relation = 0;
    for (size_t i = 0; i < last.n; i++)
        if (strcmp(last.items[i].actor, "Canada") == 0 && last.items[i].target &&
            strcmp(last.items[i].target, "Ukraine") == 0)
            relation = 1;
    CU_ASSERT(relation);
    CU_ASSERT_EQUAL(stance_in("Canada"), ABSENT);
}

/* ---- robustness and levels ---- */

static void test_person_level_keeps_country(void)
{
    run_opts("Chancellor Olaf Scholz opposes Ukraine's NATO membership.", "ukraine-nato",
             "2024-11-23", SG_LEVEL_PERSON);
    CU_ASSERT_EQUAL(stance_in("Olaf Scholz"), -1);
    CU_ASSERT_EQUAL_FATAL(last.n >= 1, 1);
    CU_ASSERT_STRING_EQUAL(last.items[0].country, "Germany");
}

static void test_curly_quotes_and_headline(void)
{
    const char *t = "Czechia backs Ukraine\xE2\x80\x99s NATO bid\nThe decision was welcomed.";
    CU_ASSERT_EQUAL(stance_of(t, "Czech Republic"), 1);
}

static void test_lowercase_us_is_not_united_states(void)
{
    const char *t = "\"Let us support Ukraine's NATO membership,\" the crowd chanted.";
    CU_ASSERT_EQUAL(stance_of(t, "United States"), ABSENT);
}

static void test_unknown_topic_is_usage_error(void)
{
    sg_statement_list l;
    sg_statement_list_init(&l);
    sg_document doc = {"t", NULL, NULL, "x", 1};
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = "no-such-topic";
    sg_error err;
    CU_ASSERT_EQUAL(sg_extract_document(&l, lex, &doc, &o, &err), SG_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "no-such-topic"));
    sg_statement_list_destroy(&l);
}


static void test_cue_governing_cue_multiplies_polarity(void)
{
    const char *t = "Austria refused to send tanks to Ukraine.";
    run_opts(t, "ukraine-arms", "2024-03-01", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Austria"), -1);
    CU_ASSERT_EQUAL(last.n, 1);
    t = "Ireland is ready to veto Ukraine's accession to NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Ireland"), -1);
}

static void test_out_of_office_person_speaks_for_nobody(void)
{
    /* Merz became chancellor in May 2025: in 2024 he was opposition leader */
    const char *t = "Friedrich Merz supports sending Taurus missiles to Ukraine.";
    run_opts(t, "ukraine-arms", "2024-03-11", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Germany"), ABSENT);
    run_opts(t, "ukraine-arms", "2024-03-11", SG_LEVEL_PERSON);
    CU_ASSERT_EQUAL(stance_in("Friedrich Merz"), 1);
    run_opts(t, "ukraine-arms", "2025-09-01", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Germany"), 1);
}

static void test_new_subject_after_comma_and_starts_clause(void)
{
    const char *t = "Finland and Sweden applied together in May, and Norway and Denmark "
                    "oppose Ukraine joining NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Denmark"), -1);
    CU_ASSERT_EQUAL(stance_in("Finland"), ABSENT);
}

static void test_possessor_of_agent_noun_is_target(void)
{
    const char *t = "Ukraine wants to join NATO. Lithuania is among Ukraine's strongest supporters.";
    stance_of(t, "Lithuania");
    int relation = 0;
    for (size_t i = 0; i < last.n; i++)
        if (strcmp(last.items[i].actor, "Lithuania") == 0 && last.items[i].target &&
            strcmp(last.items[i].target, "Ukraine") == 0)
            relation = 1;
    CU_ASSERT(relation);
}

static void test_topic_must_be_the_cue_object(void)
{
    const char *t = "Turkey blocks Finland's NATO bid as Ankara demands action against militants.";
    run_opts(t, "finland-nato", "2022-06-01", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Turkey"), -1);
}

static void test_relative_pronoun_takes_nearest_actor(void)
{
    const char *t = "Scholz met the Prime Minister of Belgium, who opposes using frozen Russian "
                    "assets for a loan to Ukraine.";
    run_opts(t, "frozen-assets", "2025-12-04", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Belgium"), -1);
    CU_ASSERT_EQUAL(stance_in("Germany"), ABSENT);
}

static void test_interrupted_subject_holds_cue(void)
{
    const char *t = "Georgia wants NATO membership. France, while in favour of Montenegro joining, "
                    "remains opposed to Georgian membership in NATO.";
    run_opts(t, "georgia-nato", "2015-11-27", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("France"), -1);
}

static void test_nominal_passive_agent(void)
{
    const char *t = "The plan to use frozen Russian assets for Ukraine met legal concerns voiced by Luxembourg.";
    run_opts(t, "frozen-assets", "2025-10-24", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Luxembourg"), -1);
}

static void test_subject_after_last_comma(void)
{
    const char *t = "EU leaders agreed to open membership talks with Ukraine, something Slovakia "
                    "had vowed to block.";
    run_opts(t, "ukraine-eu", "2023-12-14", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Slovakia"), -1);
}

static void test_expected_approval_is_not_asserted(void)
{
    const char *t = "Sweden hopes to join NATO and expects Hungary's approval soon.";
    run_opts(t, "sweden-nato", "2023-01-23", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Hungary"), ABSENT);
    t = "Sweden wants to join NATO, but it should not expect Turkey to approve its bid.";
    run_opts(t, "sweden-nato", "2023-01-23", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Turkey"), -1);
}

static void test_condition_before_cue_is_not_a_position(void)
{
    const char *t = "Belgium demands guarantees before endorsing the use of frozen Russian assets for Ukraine.";
    run_opts(t, "frozen-assets", "2025-10-24", SG_LEVEL_GROUP);
    CU_ASSERT_NOT_EQUAL(stance_in("Belgium"), 1);
}

static void test_far_deferral_does_not_neutralise(void)
{
    const char *t = "Chancellor Merz postponed his visit to Norway and will meet Belgian leaders, "
                    "who strongly oppose the use of frozen Russian assets to fund Ukraine.";
    run_opts(t, "frozen-assets", "2025-12-04", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Germany"), ABSENT);
}

static void test_double_negation_is_weak_support(void)
{
    const char *t = "Portugal does not oppose Ukraine's accession to NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Portugal"), 1);
    CU_ASSERT(last.items[0].weight < 1.0);
}

static void test_misspelled_name_resolves_through_role(void)
{
    const char *t = "The Hungarian premier Victor Orben said Budapest would never agree to "
                    "Ukraine joining NATO.";
    CU_ASSERT_EQUAL(stance_of(t, "Hungary"), -1);
}

static void test_both_leaders_resolve_to_last_pair(void)
{
    const char *t = "President Emmanuel Macron hosted Chancellor Olaf Scholz in Paris. "
                    "Both leaders said they oppose inviting Ukraine into NATO this year.";
    CU_ASSERT_EQUAL(stance_of(t, "France"), -1);
    CU_ASSERT_EQUAL(stance_in("Germany"), -1);
}

static void test_agencies_and_citing_are_sources(void)
{
    const char *t = "The BBC reported that Norway backs Ukraine's NATO membership. TASS said "
                    "Russia rejects Ukraine's NATO membership, citing sources.";
    CU_ASSERT_EQUAL(stance_of(t, "Norway"), 1);
    CU_ASSERT_EQUAL(stance_in("Russia"), -1);
    CU_ASSERT_EQUAL(stance_in("BBC"), ABSENT);
    CU_ASSERT_EQUAL(stance_in("TASS"), ABSENT);
    for (size_t i = 0; i < last.n; i++)
        CU_ASSERT(last.items[i].flags & SG_FLAG_REPORTED);
}

static void test_proform_repeats_last_stance(void)
{
    const char *t = "Most allies have ratified Sweden's NATO accession, and Hungary has said it "
                    "plans to do so next month. Croatia refused to do so.";
    run_opts(t, "sweden-nato", "2023-01-23", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Hungary"), 1);
    CU_ASSERT_EQUAL(stance_in("Croatia"), -1);
}

static void test_negated_belief_negates_its_content(void)
{
    const char *t = "Austria does not believe that NATO membership for Ukraine is realistic.";
    CU_ASSERT_EQUAL(stance_of(t, "Austria"), -1);
}

static void test_scare_quotes_do_not_split_clauses(void)
{
    const char *t = "Estonia declared Ukraine's NATO membership \"unrealistic\" on Monday.";
    CU_ASSERT_EQUAL(stance_of(t, "Estonia"), -1);
}

static void test_local_subject_inside_phrase(void)
{
    const char *t = "Finland and Sweden face the prospect of Croatia trying to block their NATO membership.";
    run_opts(t, "finland-nato", "2022-05-19", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Croatia"), -1);
    CU_ASSERT_NOT_EQUAL(stance_in("Finland"), -1);
}

static void test_directive_takes_governed_polarity(void)
{
    const char *t = "The United States urged Ankara to approve Sweden's NATO accession quickly.";
    run_opts(t, "sweden-nato", "2023-01-23", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("United States"), 1);
    t = "Romania called for its envoy to block Sweden's NATO accession.";
    run_opts(t, "sweden-nato", "2023-01-23", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Romania"), -1);
}

static void test_its_refers_to_sentence_subject(void)
{
    const char *t = "Hungary angered the EU over its refusal to back new sanctions on Russia.";
    run_opts(t, "russia-sanctions", "2022-05-16", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Hungary"), -1);
    CU_ASSERT_EQUAL(stance_in("European Union"), ABSENT);
}

static void test_agent_noun_needs_copula(void)
{
    const char *t = "The EU adopted sanctions on Russia, including travel bans on Putin supporters.";
    run_opts(t, "russia-sanctions", "2022-05-16", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Russia"), ABSENT);
}

static void test_plural_pronoun_takes_own_sentence_subject(void)
{
    const char *t = "Russia held talks with China. Finland's leaders announced their intention to "
                    "apply for NATO membership without delay.";
    run_opts(t, "finland-nato", "2022-05-12", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Finland"), 1);
    CU_ASSERT_EQUAL(stance_in("Russia"), ABSENT);
}

static void test_noun_in_prepositional_phrase_has_no_subject_holder(void)
{
    const char *t = "Even if Ukraine gets an invitation, it could take years for approval by all NATO members.";
    CU_ASSERT_EQUAL(stance_of(t, "Ukraine"), ABSENT);
}

static void test_self_cue_speaks_for_candidates_only(void)
{
    const char *t = "Moldova, along with Ukraine and Georgia, applied to join the EU in 2022.";
    run_opts(t, "moldova-eu", "2025-04-28", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Moldova"), 1);
    CU_ASSERT_EQUAL(stance_in("Ukraine"), ABSENT);
    CU_ASSERT_EQUAL(stance_in("Georgia"), ABSENT);
}

static void test_inverted_copula_names_the_holders(void)
{
    const char *t = "The main obstacles to the new EU sanctions package against Russia remain "
                    "Slovakia and Austria.";
    run_opts(t, "russia-sanctions", "2025-10-09", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(stance_in("Slovakia"), -1);
    CU_ASSERT_EQUAL(stance_in("Austria"), -1);
}

/* A document of reps paragraphs, longer than two windows: a statement, then a sentence of
 * none, in every paragraph. */
static char *long_text(size_t *len_out, size_t *reps_out)
{
    static const char para[] = "Germany opposes Ukraine joining NATO.\n\n"
                               "The weather was mild and the markets were calm that week.\n\n";
    size_t reps = 2 * SG_DOC_WINDOW_BYTES / (sizeof(para) - 1) + 7, len = reps * (sizeof(para) - 1);
    char *text = malloc(len + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    for (size_t k = 0; k < reps; k++)
        memcpy(text + k * (sizeof(para) - 1), para, sizeof(para) - 1);
    text[len] = '\0';
    *len_out = len;
    *reps_out = reps;
    return text;
}

/* A document longer than SG_DOC_WINDOW_BYTES is read in windows cut at paragraph breaks:
 * every paragraph's statement is found, and ids, sentence numbers and spans count over the
 * whole document (the span's bytes are the sentence). */
static void test_long_document_is_read_in_windows(void)
{
    size_t len, reps;
    char *text = long_text(&len, &reps);
    size_t para_len = len / reps;
    run_opts(text, "ukraine-nato", "2024-11-23", SG_LEVEL_GROUP);
    CU_ASSERT_EQUAL(last.n, reps);
    long prev = 0;
    for (size_t i = 0; i < last.n; i++) {
        const sg_statement *st = &last.items[i];
        CU_ASSERT_STRING_EQUAL(st->actor, "Germany");
        CU_ASSERT_EQUAL(st->stance, -1);
        CU_ASSERT_EQUAL(st->sentence, (long)(2 * i + 1)); /* every other sentence */
        CU_ASSERT(st->sentence > prev);
        prev = st->sentence;
        CU_ASSERT_EQUAL(st->span_start, (long)(i * para_len));
        CU_ASSERT(st->span_end > st->span_start && (size_t)st->span_end <= len);
        CU_ASSERT_EQUAL(strncmp(text + st->span_start, "Germany opposes Ukraine joining NATO.",
                                (size_t)(st->span_end - st->span_start)), 0);
        char want[64];
        snprintf(want, sizeof(want), "t:s%zu:%zu", 2 * i + 1, i + 1);
        CU_ASSERT_STRING_EQUAL(st->id, want);
    }
    free(text);
}

typedef struct window_log {
    sg_statement_list all;
    int calls, fail_at;
} window_log;

static sg_status log_window(sg_statement_list *w, void *arg)
{
    window_log *k = arg;
    if (++k->calls == k->fail_at)
        return SG_EIO;
    for (size_t i = 0; i < w->n; i++)
        CU_ASSERT_EQUAL_FATAL(sg_statement_list_take(&k->all, &w->items[i]), SG_OK);
    return SG_OK;
}

/* sg_extract_document_windows hands a long document's statements over window by window
 * (3 windows here), exactly those of sg_extract_document; a short document in one call;
 * a failing callback stops it with its status. */
static void test_long_document_statements_come_window_by_window(void)
{
    size_t len, reps;
    char *text = long_text(&len, &reps);
    run_opts(text, "ukraine-nato", "2024-11-23", SG_LEVEL_GROUP);
    sg_document doc = {"t", "2024-11-23", NULL, text, len};
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = "ukraine-nato";
    window_log k = {{0}, 0, 0};
    sg_statement_list_init(&k.all);
    sg_error err;
    CU_ASSERT_EQUAL(sg_extract_document_windows(lex, &doc, &o, log_window, &k, &err), SG_OK);
    CU_ASSERT_EQUAL(k.calls, 3);
    CU_ASSERT_EQUAL_FATAL(k.all.n, last.n);
    for (size_t i = 0; i < last.n; i++) {
        CU_ASSERT_STRING_EQUAL(k.all.items[i].id, last.items[i].id);
        CU_ASSERT_EQUAL(k.all.items[i].sentence, last.items[i].sentence);
        CU_ASSERT_EQUAL(k.all.items[i].span_start, last.items[i].span_start);
    }
    sg_statement_list_destroy(&k.all);
    /* the second window fails: the first one's statements were handed over, no more */
    window_log f = {{0}, 0, 2};
    sg_statement_list_init(&f.all);
    CU_ASSERT_EQUAL(sg_extract_document_windows(lex, &doc, &o, log_window, &f, &err), SG_EIO);
    CU_ASSERT_EQUAL(f.calls, 2);
    CU_ASSERT(f.all.n > 0 && f.all.n < last.n);
    sg_statement_list_destroy(&f.all);
    /* a short document: one call */
    doc.len = 200;
    window_log one = {{0}, 0, 0};
    sg_statement_list_init(&one.all);
    CU_ASSERT_EQUAL(sg_extract_document_windows(lex, &doc, &o, log_window, &one, &err), SG_OK);
    CU_ASSERT_EQUAL(one.calls, 1);
    CU_ASSERT(one.all.n > 0);
    sg_statement_list_destroy(&one.all);
    free(text);
}

/* Invalid UTF-8 in a later window of a long document is reported at its own byte and
 * line of the document, as in a short one (it was "after byte N", the window's start). */
static void test_invalid_utf8_in_a_later_window_names_its_line_and_byte(void)
{
    size_t len, reps;
    char *text = long_text(&len, &reps);
    size_t at = len - 1000;
    while (text[at] != 'G') /* a paragraph's first byte, in the third window */
        at++;
    text[at] = (char)0xFF;
    long line = 1;
    for (size_t i = 0; i < at; i++)
        line += text[i] == '\n';
    sg_document doc = {"t", "2024-11-23", NULL, text, len};
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = "ukraine-nato";
    sg_statement_list out;
    sg_statement_list_init(&out);
    sg_error err;
    sg_error_clear(&err);
    CU_ASSERT_EQUAL(sg_extract_document(&out, lex, &doc, &o, &err), SG_EINPUT);
    char want[64];
    snprintf(want, sizeof(want), "invalid UTF-8 at byte %zu", at);
    CU_ASSERT_STRING_EQUAL(err.message, want);
    CU_ASSERT_EQUAL(err.line, line);
    CU_ASSERT(at > 2 * SG_DOC_WINDOW_BYTES - SG_DOC_WINDOW_BYTES / 2);
    sg_statement_list_destroy(&out);
    /* the same byte in a short document: the same report */
    sg_statement_list_init(&out);
    doc.text = "Germany opposes Ukraine joining NATO.\n\nThen \xff came.";
    doc.len = strlen(doc.text);
    CU_ASSERT_EQUAL(sg_extract_document(&out, lex, &doc, &o, &err), SG_EINPUT);
    CU_ASSERT_STRING_EQUAL(err.message, "invalid UTF-8 at byte 44");
    CU_ASSERT_EQUAL(err.line, 3);
    sg_statement_list_destroy(&out);
    free(text);
}

static CU_TestInfo tests[] = {
    {"long document is read in windows", test_long_document_is_read_in_windows},
    {"long document statements come window by window", test_long_document_statements_come_window_by_window},
    {"invalid UTF-8 in a later window names its line and byte", test_invalid_utf8_in_a_later_window_names_its_line_and_byte},
    {"coordinated subject list all get stance", test_coordinated_subject_list_all_get_stance},
    {"passive agent list gets stance", test_passive_agent_list_gets_stance},
    {"copula opponents hold opposition", test_copula_opponents_hold_opposition},
    {"possessive nominal cue", test_possessive_nominal_cue},
    {"possessor of topic noun is not holder", test_possessor_of_topic_noun_is_not_holder},
    {"prepositional actor is not subject", test_prepositional_actor_is_not_subject},
    {"role with country resolves without name", test_role_with_country_resolves_without_name},
    {"person resolves by date", test_person_resolves_by_date},
    {"pronoun resolves to last person", test_pronoun_resolves_to_last_person},
    {"group alias expands to members", test_group_alias_expands_to_members},
    {"metonym maps to country", test_metonym_maps_to_country},
    {"source is provenance not actor", test_source_is_provenance_not_actor},
    {"quote belongs to speaker", test_quote_belongs_to_speaker},
    {"negation flips support", test_negation_flips_support},
    {"negated objection is weak support", test_negated_objection_is_weak_support},
    {"rejecting a block is support", test_rejecting_a_block_is_support},
    {"other topic in scope is not this topic", test_other_topic_in_scope_is_not_this_topic},
    {"hedge lowers weight", test_hedge_lowers_weight},
    {"conditional lowers weight", test_conditional_lowers_weight},
    {"deferral is stance zero", test_deferral_is_stance_zero},
    {"participant list without cue yields nothing", test_participant_list_without_cue_yields_nothing},
    {"anaphor carries document topic", test_anaphor_carries_document_topic},
    {"unrelated document gives no topic stance", test_unrelated_document_gives_no_topic_stance},
    {"support for an actor is a relation", test_support_for_an_actor_is_a_relation},
    {"person level keeps country", test_person_level_keeps_country},
    {"curly quotes and headline", test_curly_quotes_and_headline},
    {"lowercase us is not United States", test_lowercase_us_is_not_united_states},
    {"unknown topic is usage error", test_unknown_topic_is_usage_error},
    {"cue governing cue multiplies polarity", test_cue_governing_cue_multiplies_polarity},
    {"out-of-office person speaks for nobody", test_out_of_office_person_speaks_for_nobody},
    {"new subject after ', and' starts clause", test_new_subject_after_comma_and_starts_clause},
    {"possessor of agent noun is target", test_possessor_of_agent_noun_is_target},
    {"topic must be the cue object", test_topic_must_be_the_cue_object},
    {"relative pronoun takes nearest actor", test_relative_pronoun_takes_nearest_actor},
    {"interrupted subject holds cue", test_interrupted_subject_holds_cue},
    {"nominal passive agent", test_nominal_passive_agent},
    {"subject after last comma", test_subject_after_last_comma},
    {"expected approval is not asserted", test_expected_approval_is_not_asserted},
    {"condition before cue is not a position", test_condition_before_cue_is_not_a_position},
    {"far deferral does not neutralise", test_far_deferral_does_not_neutralise},
    {"double negation is weak support", test_double_negation_is_weak_support},
    {"misspelled name resolves through role", test_misspelled_name_resolves_through_role},
    {"both leaders resolve to last pair", test_both_leaders_resolve_to_last_pair},
    {"agencies and citing are sources", test_agencies_and_citing_are_sources},
    {"proform repeats last stance", test_proform_repeats_last_stance},
    {"negated belief negates its content", test_negated_belief_negates_its_content},
    {"scare quotes do not split clauses", test_scare_quotes_do_not_split_clauses},
    {"local subject inside phrase", test_local_subject_inside_phrase},
    {"directive takes governed polarity", test_directive_takes_governed_polarity},
    {"its refers to sentence subject", test_its_refers_to_sentence_subject},
    {"agent noun needs copula", test_agent_noun_needs_copula},
    {"plural pronoun takes own sentence subject", test_plural_pronoun_takes_own_sentence_subject},
    {"noun in prepositional phrase has no subject holder", test_noun_in_prepositional_phrase_has_no_subject_holder},
    {"self cue speaks for candidates only", test_self_cue_speaks_for_candidates_only},
    {"inverted copula names the holders", test_inverted_copula_names_the_holders},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"extract", setup, teardown, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

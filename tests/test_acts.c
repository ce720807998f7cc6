/* test_acts.c - topic acts, verb frames and people learned from the text, on sentences
 * written for the test, with topics written the way a new user writes them (terms and a
 * label only) on top of the default lexicon. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_test.h"
#include "sg_stance.h"
#include "stancegraph/extract.h"


static sg_lexicon *lex;
static sg_statement_list last;

static const char topics_json[] =
    "{\"topics\":["
    "{\"id\":\"pal\",\"label\":\"Recognition of a Palestinian state\","
    " \"terms\":[[\"Palestine\",\"Palestinian state\",\"State of Palestine\"]]},"
    "{\"id\":\"vendor\",\"label\":\"Huawei ban\",\"terms\":[[\"Huawei\"],[\"5G\"]]},"
    "{\"id\":\"trade\",\"label\":\"The EU-Mercosur trade agreement\","
    " \"terms\":[[\"Mercosur\"]]},"
    "{\"id\":\"climate\",\"label\":\"Leaving the Paris accord\","
    " \"terms\":[[\"Paris Agreement\",\"Paris accord\"],[\"withdraw\",\"withdrawal\",\"exit\"]]},"
    "{\"id\":\"games\",\"label\":\"The 2036 Olympics\",\"terms\":[[\"Olympics\"]],"
    " \"act\":{\"verbs\":[\"host\"],\"undo\":[\"boycott\"]}},"
    "{\"id\":\"noact\",\"label\":\"A ban on fishing\",\"terms\":[[\"fishing\"]],\"act\":\"none\"},"
    "{\"id\":\"susp\",\"label\":\"Suspending Ruritania from the Forum\","
    " \"terms\":[[\"Ruritania\"],[\"Forum\"]]},"
    "{\"id\":\"fund\",\"label\":\"Creating a fund for coral reefs\",\"terms\":[[\"reef fund\"]]},"
    "{\"id\":\"pause\",\"label\":\"A moratorium on seabed mining\",\"terms\":[[\"seabed mining\"]]},"
    "{\"id\":\"jets\",\"label\":\"Sending fighter jets to Freedonia\","
    " \"terms\":[[\"fighter jets\"],[\"Freedonia\"]]},"
    "{\"id\":\"court\",\"label\":\"Complying with the reef tribunal's ruling\","
    " \"terms\":[[\"reef tribunal\"]]},"
    "{\"id\":\"relief\",\"label\":\"Lifting sanctions on Ruritania\","
    " \"terms\":[[\"sanctions\"],[\"Ruritania\"],[\"lift\",\"lifting\",\"ease\",\"easing\"]]},"
    "{\"id\":\"shun\",\"label\":\"A diplomatic boycott of the Freedonia Games\","
    " \"terms\":[[\"boycott\"],[\"Freedonia Games\"]]},"
    "{\"id\":\"licence\",\"label\":\"Renewing the weedkiller licence\","
    " \"terms\":[[\"weedkiller\"],[\"renew\",\"renewal\",\"licence\"]]},"
    "{\"id\":\"embassy\",\"label\":\"Moving embassies to Freetown\",\"terms\":[[\"embassy\",\"embassies\"],[\"Freetown\"]]},"
    "{\"id\":\"corridor\",\"label\":\"Continuing the Reef Corridor Initiative\","
    " \"terms\":[[\"Reef Corridor Initiative\",\"corridor initiative\"]]},"
    "{\"id\":\"hunt\",\"label\":\"Commercial logging\",\"terms\":[[\"logging\"]]},"
    "{\"id\":\"expel\",\"label\":\"Expelling Ruritanian diplomats\","
    " \"terms\":[[\"expel\",\"expulsion\",\"expulsions\"],[\"Ruritanian diplomats\"]]}"
    "],"
    "\"actors\":[{\"id\":\"G7\",\"joint\":true}]}";

static int setup(void)
{
    sg_statement_list_init(&last);
    return sg_test_lexicon(&lex, topics_json);
}

static int teardown(void)
{
    sg_statement_list_destroy(&last);
    sg_lexicon_free(lex);
    return 0;
}

static void run(const char *text, const char *topic)
{
    sg_test_extract(&last, lex, text, topic, "2024-06-01", SG_LEVEL_GROUP);
}

/* Sign of the summed stance x weight of actor on the topic (no target), or ABSENT. */
static int stance_in(const char *actor)
{
    return sg_test_stance_sign(&last, actor);
}

static int stance(const char *text, const char *topic, const char *actor)
{
    run(text, topic);
    return stance_in(actor);
}

/* ---- acts ---- */

static void test_performing_the_act_is_support(void)
{
    CU_ASSERT_EQUAL(stance("Norway formally recognised a Palestinian state on Tuesday.", "pal",
                           "Norway"), 1);
    CU_ASSERT_EQUAL(stance("Canada has banned Huawei from its 5G networks.", "vendor", "Canada"), 1);
    /* American spelling and another inflection, generated, not listed */
    CU_ASSERT_EQUAL(stance("Belgium recognizes the State of Palestine.", "pal", "Belgium"), 1);
    CU_ASSERT_EQUAL(stance("Sweden barred Huawei from its 5G rollout.", "vendor", "Sweden"), 1);
}

static void test_refusing_or_negating_the_act_is_opposition(void)
{
    CU_ASSERT_EQUAL(stance("Italy refused to recognise a Palestinian state.", "pal", "Italy"), -1);
    CU_ASSERT_EQUAL(stance("Austria will not recognise a Palestinian state.", "pal", "Austria"), -1);
    CU_ASSERT_EQUAL(stance("Hungary has ruled out banning Huawei from 5G.", "vendor", "Hungary"), -1);
}

static void test_undoing_the_act_is_opposition(void)
{
    CU_ASSERT_EQUAL(stance("Brazil's government decided to boycott the Olympics.", "games", "Brazil"), -1);
    CU_ASSERT_EQUAL(stance("Japan wants to host the Olympics.", "games", "Japan"), 1);
}

static void test_act_derived_from_label_or_terms(void)
{
    /* "agreement" in the label: signing is the act */
    CU_ASSERT_EQUAL(stance("Uruguay signed the Mercosur deal last week.", "trade", "Uruguay"), 1);
    /* "withdraw" among the terms: withdrawing is the act, not signing the agreement */
    CU_ASSERT_EQUAL(stance("Argentina will withdraw from the Paris Agreement, Milei said.", "climate",
                           "Argentina"), 1);
    /* an explicit "act": "none" turns derivation off */
    CU_ASSERT_EQUAL(stance("Iceland banned fishing in the fjord.", "noact", "Iceland"), ABSENT);
}

static void test_possessed_nominalisation_is_the_possessors_act(void)
{
    CU_ASSERT_EQUAL(stance("Slovenia's recognition of Palestine angered Israel.", "pal", "Slovenia"), 1);
    CU_ASSERT_EQUAL(stance("Israel condemned Slovenia's recognition of Palestine.", "pal", "Israel"), -1);
}

static void test_verb_form_used_as_noun_is_not_the_act(void)
{
    /* "sanctions" in "the EU's new sanctions package" is not the EU sanctioning */
    CU_ASSERT_EQUAL(stance("The EU's new sanctions package targets Russian banks.", "russia-sanctions",
                           "European Union"), ABSENT);
}

static void test_act_cue_speaks_only_on_its_topic(void)
{
    CU_ASSERT_EQUAL(stance("Canada has banned Huawei from its 5G networks and recognised Palestine.",
                           "pal", "Canada"), 1);
    CU_ASSERT_EQUAL(stance("Canada has banned Huawei from its 5G networks.", "pal", "Canada"), ABSENT);
}

static void test_candidates_own_act_reported_by_another(void)
{
    /* the reporter holds the position; the candidate is only the subject of the question */
    run("Kremlin spokesman Dmitry Peskov said Ukraine will never join NATO.", "ukraine-nato");
    CU_ASSERT_EQUAL(stance_in("Russia"), -1);
    CU_ASSERT_EQUAL(stance_in("Ukraine"), ABSENT);
    run("Diplomats discussed a date for Ukraine joining the alliance, NATO said.", "ukraine-nato");
    CU_ASSERT_EQUAL(stance_in("Ukraine"), ABSENT);
    /* a past act reported as a fact is the candidate's own */
    run("Moldova's government confirmed that Ukraine had joined NATO.", "ukraine-nato");
    CU_ASSERT_EQUAL(stance_in("Ukraine"), 1);
}

static void test_inverse_act_object_support_is_opposition(void)
{
    /* withdrawing goes against the agreement: standing by the agreement opposes it */
    CU_ASSERT_EQUAL(stance("Argentina will withdraw from the Paris Agreement, its president said. "
                           "Chile remains committed to the Paris Agreement.", "climate", "Chile"), -1);
    CU_ASSERT_EQUAL(stance("Peru deplored the decision to withdraw from the Paris accord.", "climate",
                           "Peru"), -1);
}

static void test_possessor_of_a_decision_holds_the_act(void)
{
    run("Italy regretted Argentina's decision to withdraw from the Paris Agreement.", "climate");
    CU_ASSERT_EQUAL(stance_in("Argentina"), 1);
    CU_ASSERT_EQUAL(stance_in("Italy"), -1);
    /* a failure to act is not the act */
    CU_ASSERT_EQUAL(stance("Chile criticised Peru's failure to sign the Mercosur deal.", "trade", "Peru"),
                    ABSENT);
}

static void test_hyphenated_compound_names_the_topic(void)
{
    CU_ASSERT_EQUAL(stance("Austria opposes the EU-Mercosur deal.", "trade", "Austria"), -1);
}

static void test_open_and_appositive_lists(void)
{
    run("Spain, Portugal, Germany and others have welcomed the Mercosur deal.", "trade");
    CU_ASSERT_EQUAL(stance_in("Spain"), 1);
    CU_ASSERT_EQUAL(stance_in("Germany"), 1);
    run("Several nations, including Japan and Australia, have banned Huawei from 5G networks.", "vendor");
    CU_ASSERT_EQUAL(stance_in("Japan"), 1);
    CU_ASSERT_EQUAL(stance_in("Australia"), 1);
    run("So far 12 countries have voiced support for recognising Palestine, including: Chile, Peru "
        "and Mexico.", "pal");
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    CU_ASSERT_EQUAL(stance_in("Mexico"), 1);
}

static void test_abstention_is_neutral(void)
{
    run("Ireland opposed the Mercosur deal and Belgium abstained.", "trade");
    CU_ASSERT_EQUAL(stance_in("Ireland"), -1);
    CU_ASSERT_EQUAL(stance_in("Belgium"), 0);
}

static void test_attributive_adjective_is_not_a_cue(void)
{
    CU_ASSERT_EQUAL(stance("Fiji condemned Russia's illegal annexation, which Chile recognised "
                           "nothing of; Palestine was named.", "pal", "Russia"), ABSENT);
}

static void test_condition_asserts_nothing(void)
{
    /* the act inside the condition is not asserted; the consequence after its comma is */
    CU_ASSERT_EQUAL(stance("Germany said it would be a mistake if Denmark recognised Palestine.",
                           "pal", "Denmark"), ABSENT);
    CU_ASSERT_EQUAL(stance("If talks fail, Finland will recognise Palestine.", "pal", "Finland"), 1);
}

static void test_gerund_act_is_not_the_speakers(void)
{
    CU_ASSERT_EQUAL(stance("Israel warned: \"recognising a Palestinian state risks rewarding terror "
                           "and fuels extremism everywhere\".", "pal", "Israel"), ABSENT);
}

static void test_people_learned_from_the_text(void)
{
    /* an office with a country, then a name the lexicon does not know */
    run("Uruguayan Foreign Minister Omar Paganini met EU officials on Mercosur. "
        "Paganini said Uruguay wants to sign the Mercosur deal.", "trade");
    CU_ASSERT_EQUAL(stance_in("Uruguay"), 1);
    run("Ximena Quispe, the foreign minister of Peru, spoke on Monday. Quispe welcomed the Mercosur "
        "deal.", "trade");
    CU_ASSERT_EQUAL(stance_in("Peru"), 1);
    /* a name never bound to anyone names nobody */
    run("Ximena Quispe welcomed the Mercosur deal.", "trade");
    CU_ASSERT_EQUAL(last.n, 0);
}

static void test_joint_forum_speaks_for_members(void)
{
    /* marked "joint" by the lexicon: the forum and each member */
    run("The G7 foreign ministers declared that they recognise the State of Palestine. The "
        "group includes Japan and Canada.", "pal");
    CU_ASSERT_EQUAL(stance_in("G7"), 1);
    CU_ASSERT_EQUAL(stance_in("Japan"), 1);
    CU_ASSERT_EQUAL(stance_in("Canada"), 1);
    CU_ASSERT_EQUAL(stance_in("Italy"), ABSENT); /* a member the document never names */
    /* "G7 leaders", "the leaders of the G7 countries": the forum speaking */
    CU_ASSERT_EQUAL(stance("G7 leaders rejected the Mercosur deal.", "trade", "G7"), -1);
    CU_ASSERT_EQUAL(stance("After a meeting in Rome, the leaders of the G7 countries rejected the "
                           "Mercosur deal.", "trade", "G7"), -1);
    /* an organisation that is not "joint" speaks for itself only */
    run("NATO recognised the State of Palestine.", "pal");
    CU_ASSERT_EQUAL(stance_in("NATO"), 1);
    CU_ASSERT_EQUAL(stance_in("Poland"), ABSENT);
}

static void test_passive_act_is_the_speakers(void)
{
    /* the subject of a passive act is what it is done to */
    run("Palestine will be recognised by the end of the year, Portugal's prime minister said.", "pal");
    CU_ASSERT_EQUAL(stance_in("Palestine"), ABSENT);
    CU_ASSERT_EQUAL(stance_in("Portugal"), 1);
    /* progressive, not passive: "was banning" is the subject's own act */
    CU_ASSERT_EQUAL(stance("Finland was banning Huawei from its 5G networks.", "vendor", "Finland"), 1);
}

static void test_list_keeps_members_before_a_possessor(void)
{
    run("Bolivia, Cuba and Caracas' other allies have recognised the State of Palestine.", "pal");
    CU_ASSERT_EQUAL(stance_in("Bolivia"), 1);
    CU_ASSERT_EQUAL(stance_in("Cuba"), 1);
    CU_ASSERT_EQUAL(stance_in("Venezuela"), ABSENT);
}

static void test_actor_modifying_plural_noun_is_not_a_holder(void)
{
    /* "EU member states" are unnamed members, not the EU */
    CU_ASSERT_EQUAL(stance("Several EU member states have recognised the State of Palestine.", "pal",
                           "European Union"), ABSENT);
    run("The bans by countries like Japan and Australia on Huawei in 5G networks are strict.", "vendor");
    CU_ASSERT_EQUAL(stance_in("Japan"), 1);
    CU_ASSERT_EQUAL(stance_in("Australia"), 1);
}

static void test_last_stated_position_decides(void)
{
    /* a past position weighs less than the one stated now */
    CU_ASSERT_EQUAL(stance("Greece had long opposed recognising Palestine. Greece will now recognise "
                           "Palestine, its prime minister said.", "pal", "Greece"), 1);
}

static void test_act_with_its_own_subject_is_not_the_speakers(void)
{
    CU_ASSERT_NOT_EQUAL(stance("Israel said the decision to recognise a Palestinian state came "
                               "too late for talks.", "pal", "Israel"), 1);
    /* a passive act is the speaker's all the same */
    CU_ASSERT_EQUAL(stance("Chile said the State of Palestine should be recognised.", "pal", "Chile"), 1);
}

static void test_relative_clause_and_act_nouns(void)
{
    /* "..., which recognised X": the relative's antecedent, not the main subject */
    run("Chile rejected the court's decision, which recognised the State of Palestine.", "pal");
    for (size_t i = 0; i < last.n; i++)
        CU_ASSERT(!(strcmp(last.items[i].actor, "Chile") == 0 && last.items[i].stance > 0));
    /* an act verb before "of" is a noun; "his recognition" is done to him */
    CU_ASSERT_EQUAL(stance("Peru doubts recognition of Palestine.", "pal", "Peru"), -1);
    run("Palestine hoped for its recognition by many states.", "pal");
    CU_ASSERT_EQUAL(stance_in("Palestine"), ABSENT);
}

static void test_why_not_explains_each_cue(void)
{
    const char *t = "Norway recognised the State of Palestine. Talks with Denmark continue. "
                    "Denmark's foreign minister said the recognition of Palestine came too early.";
    sg_document doc = {"w", "2024-06-01", NULL, t, strlen(t)};
    sg_extract_options o = SG_EXTRACT_OPTIONS_INIT;
    o.topic = "pal";
    sg_error err;
    char *r = NULL;
    CU_ASSERT_EQUAL_FATAL(sg_extract_why_not(&r, lex, &doc, &o, "Denmark", &err), SG_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    /* the sentence with only a prepositional mention and no cue, and the deferral */
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "sentence 2:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "prepositional phrase"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "no stance cue"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "sentence 3:"));
    CU_ASSERT_PTR_NULL(strstr(r, "sentence 1:")); /* Denmark is not named there */
    free(r);
    /* an actor the lexicon does not know, and a missing topic, are usage errors */
    CU_ASSERT_EQUAL(sg_extract_why_not(&r, lex, &doc, &o, "Atlantis", &err), SG_EUSAGE);
    o.topic = NULL;
    CU_ASSERT_EQUAL(sg_extract_why_not(&r, lex, &doc, &o, "Denmark", &err), SG_EUSAGE);
}

static void test_composed_frames(void)
{
    /* permission negated over the act it governs */
    CU_ASSERT_EQUAL(stance("Hungary won't allow Ukraine to join NATO.", "ukraine-nato", "Hungary"), -1);
    /* a fronted point of view holds the deferral */
    CU_ASSERT_EQUAL(stance("Ukraine wants to join NATO. For Germany, Ukraine's membership of NATO "
                           "is not on the agenda.", "ukraine-nato", "Germany"), 0);
    /* a hope is the hoper's position, not the hoped-for actor's */
    run("Portugal hopes that Spain would back Ukraine's NATO membership.", "ukraine-nato");
    CU_ASSERT_EQUAL(stance_in("Portugal"), 1);
    CU_ASSERT_EQUAL(stance_in("Spain"), ABSENT);
    /* a subordinator opens a clause with its own subject */
    CU_ASSERT_EQUAL(stance("Ukraine wants to join NATO. The summit ended after Slovakia vetoed "
                           "Ukraine's NATO membership.", "ukraine-nato", "Slovakia"), -1);
    /* "A told B that he ...": he is the teller */
    run("Viktor Orban told Emmanuel Macron that he opposes Ukraine's NATO membership.", "ukraine-nato");
    CU_ASSERT_EQUAL(stance_in("Hungary"), -1);
    CU_ASSERT_EQUAL(stance_in("France"), ABSENT);
    /* a directive with a negated plain verb is against the topic's object */
    CU_ASSERT_EQUAL(stance("Fiji urged Brazil not to ratify anything resembling the Mercosur deal.",
                           "trade", "Fiji"), -1);
    CU_ASSERT_EQUAL(stance("Fiji urged Brazil not to use the Mercosur deal as a model.", "trade",
                           "Fiji"), -1);
    /* ... but a negated passive is no act: "called for the deal not to be seen as ..." */
    CU_ASSERT_NOT_EQUAL(stance("Fiji called for the Mercosur deal not to be seen as a threat.",
                               "trade", "Fiji"), -1);
    /* "A told B that it would block": the teller */
    run("Bulgaria told Greece that it would block Ukraine's NATO accession.", "ukraine-nato");
    CU_ASSERT_EQUAL(stance_in("Bulgaria"), -1);
    CU_ASSERT_EQUAL(stance_in("Greece"), ABSENT);
}

static void test_group_members_and_companions(void)
{
    /* the members of a group after a passive "by" */
    run("The Mercosur deal was opposed by a handful of states, including Austria and Poland.", "trade");
    CU_ASSERT_EQUAL(stance_in("Austria"), -1);
    CU_ASSERT_EQUAL(stance_in("Poland"), -1);
    /* an agent noun with "included" */
    run("Signatories of the Mercosur deal included Uruguay and Paraguay.", "trade");
    CU_ASSERT_EQUAL(stance_in("Uruguay"), 1);
    CU_ASSERT_EQUAL(stance_in("Paraguay"), 1);
    /* without a complement, in a document about the topic */
    run("Forty countries signed the Mercosur deal. Signers included Chile and Peru.", "trade");
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    /* members anaphors take the last stance of the sentence before, abstentions too */
    run("Nine states abstained on the Mercosur deal. Among them were Belgium and Ireland.", "trade");
    CU_ASSERT_EQUAL(stance_in("Belgium"), 0);
    CU_ASSERT_EQUAL(stance_in("Ireland"), 0);
    run("Fifteen countries recognised the State of Palestine. These include Spain and Norway.", "pal");
    CU_ASSERT_EQUAL(stance_in("Spain"), 1);
    CU_ASSERT_EQUAL(stance_in("Norway"), 1);
    /* with nothing before it, a members anaphor holds nothing */
    run("Among them were Spain and Norway.", "pal");
    CU_ASSERT_EQUAL(last.n, 0);
    /* companions share the holder's stance */
    run("France, in the company of Austria, rejected the Mercosur deal.", "trade");
    CU_ASSERT_EQUAL(stance_in("France"), -1);
    CU_ASSERT_EQUAL(stance_in("Austria"), -1);
    run("Chile endorsed the Mercosur deal, as did Peru.", "trade");
    CU_ASSERT_EQUAL(stance_in("Peru"), 1);
    /* ... but not across a clause of its own, nor attached to another verb before the cue */
    run("Spain welcomed the Mercosur deal, but France, with backing from Poland, said it was "
        "unacceptable.", "trade");
    CU_ASSERT_EQUAL(stance_in("Spain"), 1);
    CU_ASSERT_NOT_EQUAL(stance_in("Poland"), 1);
    run("Brazil will co-chair the talks alongside Chile and is expected to sign the Mercosur deal.",
        "trade");
    CU_ASSERT_EQUAL(stance_in("Chile"), ABSENT);
}

static void test_more_holder_shapes(void)
{
    /* "it" in a that-clause after an actor's noun is that actor */
    run("Chile is worried about Peru's announcement that it will sign the Mercosur deal.",
        "trade");
    CU_ASSERT_EQUAL(stance_in("Peru"), 1);
    CU_ASSERT_EQUAL(stance_in("Chile"), -1);
    /* a topic term at the head of the object that possesses another noun is not the topic */
    CU_ASSERT_EQUAL(stance("Chile said Palestine is a friend, and Peru backed the State of "
                           "Palestine's long-term objective of peace.", "pal", "Peru"), ABSENT);
    /* a phrase cue's own words name part of the question */
    CU_ASSERT_EQUAL(stance("The EU opened accession talks with Moldova on Tuesday.", "moldova-eu",
                           "European Union"), 1);
    /* a relative clause of an unnamed group holds its own cue, not the speaker's */
    CU_ASSERT_EQUAL(stance("Poland said it understood the motives of those that signed the "
                           "Mercosur deal.", "trade", "Poland"), ABSENT);
    /* asking to reconsider is opposition; dissatisfaction too */
    CU_ASSERT_EQUAL(stance("Spain said the EU should reconsider the Mercosur deal.", "trade", "Spain"), -1);
    CU_ASSERT_EQUAL(stance("Chile is strongly dissatisfied with the Mercosur deal.", "trade", "Chile"), -1);
    /* a feeling "in"/"among" an actor is that actor's */
    CU_ASSERT_EQUAL(stance("The Mercosur deal has raised concerns in Austria.", "trade", "Austria"), -1);
    /* an experiencer adjective: "to X" holds it */
    CU_ASSERT_EQUAL(stance("The Mercosur deal is not acceptable to France.", "trade", "France"), -1);
    /* people of a place opening the sentence act for it */
    CU_ASSERT_EQUAL(stance("Voters in Switzerland approved the Mercosur deal.", "trade",
                           "Switzerland"), 1);
    /* a noun's holder after its complement */
    CU_ASSERT_EQUAL(stance("Talks went on, with support for the Mercosur deal from Uruguay.", "trade",
                           "Uruguay"), 1);
    /* an adverb splits a possessor's infinitive */
    CU_ASSERT_EQUAL(stance("Chile's decision to quickly recognise the State of Palestine drew "
                           "praise.", "pal", "Chile"), 1);
    /* an embedded question is not asserted */
    CU_ASSERT_EQUAL(stance("Egypt asked whether Ethiopia had recognised the State of Palestine.",
                           "pal", "Ethiopia"), ABSENT);
    /* a participle right after a speech verb describes the noun after it */
    CU_ASSERT_EQUAL(stance("Italy says proposed Mercosur text needs more work.", "trade", "Italy"),
                    ABSENT);
    /* a noun in a concessive phrase is not the subject's */
    CU_ASSERT_EQUAL(stance("Peru will sign the Mercosur deal despite strong public opposition.",
                           "trade", "Peru"), 1);
    /* a participle after a determiner describes its noun */
    CU_ASSERT_EQUAL(stance("The Council did not act on the proposed Mercosur text.", "trade",
                           "Council of the European Union"), ABSENT);
    /* a verb after a modal is never a noun, whatever a possessive before it */
    CU_ASSERT_EQUAL(stance("Portugal said its government will recognise the State of Palestine.",
                           "pal", "Portugal"), 1);
    /* a topic of two term groups named across two sentences in a row */
    CU_ASSERT_EQUAL(stance("Estonia will ban Huawei from next year.\nThe rule covers all 5G "
                           "networks.", "vendor", "Estonia"), 1);
}

static void test_suspension_funding_and_moratorium_acts(void)
{
    /* suspending (expelling, freezing) is an act; readmitting undoes it */
    CU_ASSERT_EQUAL(stance("Canada voted to suspend Ruritania from the Forum.", "susp", "Canada"), 1);
    CU_ASSERT_EQUAL(stance("Italy wants to readmit Ruritania to the Forum.", "susp", "Italy"), -1);
    /* creating or paying into a fund */
    CU_ASSERT_EQUAL(stance("Norway will contribute to the reef fund.", "fund", "Norway"), 1);
    CU_ASSERT_EQUAL(stance("Fiji welcomed the creation of the reef fund.", "fund", "Fiji"), 1);
    /* an act's object is an anaphor with its article too, even where another topic of the
     * lexicon lists "the weapons" as its own */
    CU_ASSERT_EQUAL(stance("Germany will send fighter jets to Freedonia. Poland said it was "
                           "opposed to the use of the weapons.", "jets", "Poland"), -1);
    /* reversing (revoking, rescinding) one's own act is opposition */
    CU_ASSERT_EQUAL(stance("Togo has revoked its recognition of the State of Palestine.", "pal",
                           "Togo"), -1);
    /* complying with a ruling: respecting it is support, ignoring it opposition */
    CU_ASSERT_EQUAL(stance("Japan will respect the ruling of the reef tribunal.", "court", "Japan"), 1);
    CU_ASSERT_EQUAL(stance("The reef tribunal ruled last year. Vietnam has ignored the ruling.",
                           "court", "Vietnam"), -1);
    /* a moratorium is a ban: calling for it is support, backing what it stops is not */
    CU_ASSERT_EQUAL(stance("Chile called for a seabed mining moratorium.", "pause", "Chile"), 1);
    CU_ASSERT_EQUAL(stance("Norway backs seabed mining in its waters.", "pause", "Norway"), -1);
}

static void test_alignment_takes_the_other_actors_stance(void)
{
    run("Chile rejected the Mercosur deal. Peru echoed Chile's position, and Italy agreed with "
        "Chile.", "trade");
    CU_ASSERT_EQUAL(stance_in("Peru"), -1);
    CU_ASSERT_EQUAL(stance_in("Italy"), -1);
    /* with no stance of the other actor before it, alignment says nothing on the topic */
    run("Peru agreed with Brazil on the Mercosur deal.", "trade");
    CU_ASSERT_NOT_EQUAL(stance_in("Peru"), -1);
    run("Spain backed the Mercosur deal. Portugal sided with Spain.", "trade");
    CU_ASSERT_EQUAL(stance_in("Portugal"), 1);
}

/* ---- acts of session 4 ---- */

static void test_undone_topic_reverses_its_act(void)
{
    CU_ASSERT_EQUAL(sg_lexicon_topic_act_undone(lex, "relief"), 1);
    CU_ASSERT_EQUAL(sg_lexicon_topic_act_undone(lex, "vendor"), 0);
    /* an undo verb with the act's object after it, not a listed phrase */
    CU_ASSERT_EQUAL(stance("France lifted the remaining sanctions on Ruritania.", "relief", "France"), 1);
    CU_ASSERT_EQUAL(stance("Germany imposed new sanctions on Ruritania.", "relief", "Germany"), -1);
    CU_ASSERT_EQUAL(stance("Spain urged the EU to ease sanctions on Ruritania.", "relief", "Spain"), 1);
    /* opposing what the act applies to is support for undoing it */
    CU_ASSERT_EQUAL(stance("Italy condemned the sanctions on Ruritania.", "relief", "Italy"), 1);
    /* an undo verb whose object is something else is no act */
    CU_ASSERT_EQUAL(stance("Estonia removed the bank, and the sanctions on Ruritania stay.", "relief",
                           "Estonia"), ABSENT);
}

static void test_boycott_topic_is_performed_by_boycotting(void)
{
    CU_ASSERT_EQUAL(stance("Australia joined the diplomatic boycott of the Freedonia Games.", "shun",
                           "Australia"), 1);
    CU_ASSERT_EQUAL(stance("France will not join the boycott of the Freedonia Games.", "shun", "France"), -1);
    /* "boycott" is an opposing cue in general; the topic's act gives it the other sign */
    CU_ASSERT_EQUAL(stance("Canada is boycotting the Freedonia Games.", "shun", "Canada"), 1);
    /* severing ties is the isolation a boycott is; "broke" is generated from the irregular list */
    CU_ASSERT_EQUAL(stance("Chile broke off relations over the boycott of the Freedonia Games.", "shun",
                           "Chile"), 1);
}

static void test_renewal_and_deferral_over_an_act(void)
{
    CU_ASSERT_EQUAL(stance("Italy renewed the weedkiller licence.", "licence", "Italy"), 1);
    /* the deferral governs the act in its complement: neutral, not the act */
    CU_ASSERT_EQUAL(stance("Germany abstained in the vote on renewing the weedkiller licence.", "licence",
                           "Germany"), 0);
    /* a participle after the topic's noun with its own agent is the agent's act */
    CU_ASSERT_EQUAL(stance("Spain criticised the weedkiller licence renewed last week by Italy.", "licence",
                           "Italy"), 1);
    CU_ASSERT_EQUAL(stance_in("Spain"), -1);
    /* a failure to act asserts nothing */
    CU_ASSERT_EQUAL(stance("Sweden failed to renew the weedkiller licence.", "licence", "Sweden"), ABSENT);
}

static void test_performing_verb_holds_the_act_noun(void)
{
    CU_ASSERT_EQUAL(stance("Canada announced the expulsion of Ruritanian diplomats.", "expel", "Canada"), 1);
    CU_ASSERT_EQUAL(stance("Poland ordered expulsions of Ruritanian diplomats.", "expel", "Poland"), 1);
    CU_ASSERT_EQUAL(stance("Austria did not join the expulsions of Ruritanian diplomats.", "expel",
                           "Austria"), -1);
    /* several-syllable verbs double their consonant ("expelled"), generated */
    CU_ASSERT_EQUAL(stance("Latvia expelled Ruritanian diplomats.", "expel", "Latvia"), 1);
    /* an object that opens with "no" negates the verb */
    CU_ASSERT_EQUAL(stance("Greece expelled no Ruritanian diplomats.", "expel", "Greece"), -1);
}

static void test_plain_verb_after_speech_verb_is_a_noun(void)
{
    CU_ASSERT_NOT_EQUAL(stance("Russia warned supply of fighter jets to Freedonia would be a mistake.",
                               "jets", "Russia"), 1);
}

static void test_fallback_act_and_prohibitions(void)
{
    const char *how = NULL;
    CU_ASSERT_PTR_NOT_NULL(sg_lexicon_topic_act(lex, "hunt", &how));
    CU_ASSERT_STRING_EQUAL(how ? how : "", "fallback");
    CU_ASSERT_EQUAL(stance("Norway will resume commercial logging next year.", "hunt", "Norway"), 1);
    CU_ASSERT_EQUAL(stance("Canada urged Norway to halt the logging.", "hunt", "Canada"), -1);
    /* the generic verbs need a term in their object */
    CU_ASSERT_EQUAL(stance("Norway will resume talks with Chile, which has not spoken on logging.", "hunt",
                           "Norway"), ABSENT);
    /* supporting a prohibition of the topic opposes it; defying one supports it */
    CU_ASSERT_EQUAL(stance("Chile strongly supports the moratorium on commercial logging.", "hunt", "Chile"), -1);
    CU_ASSERT_EQUAL(stance("Iceland is defying the international ban on commercial logging.", "hunt",
                           "Iceland"), 1);
    /* a ban on an actor's goods is no prohibition of the topic: a sanction */
    CU_ASSERT_EQUAL(stance("Spain backed a ban on Ruritanian gas as part of new sanctions on Ruritania.",
                           "relief", "Spain"), -1);
}

static void test_parties_to_an_agreement(void)
{
    run("India welcomed the agreement between Italy and Spain on the weedkiller licence renewal.",
        "licence");
    CU_ASSERT_EQUAL(stance_in("Italy"), 1);
    CU_ASSERT_EQUAL(stance_in("Spain"), 1);
    CU_ASSERT_EQUAL(stance_in("India"), 1);
    /* parties that the topic's terms name only name the topic */
    CU_ASSERT_EQUAL(stance("The agreement between the EU and Mercosur was debated in Brussels.", "trade",
                           "Mercosur"), ABSENT);
}

static void test_credited_object_and_plans(void)
{
    CU_ASSERT_EQUAL(stance("Ruritania thanked Norway for the recognition of the Palestinian state.", "pal",
                           "Norway"), 1);
    CU_ASSERT_EQUAL(stance("Israel condemned Spain for recognising the State of Palestine.", "pal", "Spain"), 1);
    CU_ASSERT_EQUAL(stance("Israel condemned Spain for recognising the State of Palestine.", "pal", "Israel"),
                    -1);
    /* no plans: a refusal; in the short term: a deferral */
    CU_ASSERT_EQUAL(stance("Italy has no plans to recognise a Palestinian state.", "pal", "Italy"), -1);
    CU_ASSERT_EQUAL(stance("Austria has no plans to recognise a Palestinian state in the short term.", "pal",
                           "Austria"), 0);
    CU_ASSERT_EQUAL(stance("Japan is weighing whether to recognise a Palestinian state.", "pal", "Japan"), 0);
    /* what a speaker requests that another do is the speaker's position */
    CU_ASSERT_EQUAL(stance("Brazil has formally requested that Norway recognise the State of Palestine.", "pal",
                           "Brazil"), 1);
    CU_ASSERT_EQUAL(stance_in("Norway"), ABSENT);
    /* the act after "a decision on" is discussed, not performed */
    CU_ASSERT_EQUAL(stance("Peru does not want to take a unilateral decision on recognising the State of "
                           "Palestine.", "pal", "Peru"), -1);
    /* a directive to do something else is not carried to the document's topic */
    CU_ASSERT_EQUAL(stance("Chile recognised the State of Palestine. Qatar urged Israel to respect the "
                           "ceasefire.", "pal", "Qatar"), ABSENT);
}

static void test_relocation_act(void)
{
    const char *how = NULL;
    CU_ASSERT_STRING_EQUAL(sg_lexicon_topic_act(lex, "embassy", &how), "relocation");
    /* "move" of the label is no undoing ("move back") */
    CU_ASSERT_EQUAL(sg_lexicon_topic_act_undone(lex, "embassy"), 0);
    CU_ASSERT_EQUAL(stance("Honduras will open an embassy in Freetown this month.", "embassy", "Honduras"), 1);
    CU_ASSERT_EQUAL(stance("Paraguay will close its embassy in Freetown.", "embassy", "Paraguay"), -1);
}

static void test_word_of_a_name_and_plan_withdrawal(void)
{
    /* "initiative" inside the initiative's own name is no cue; withdrawing from it undoes it */
    CU_ASSERT_EQUAL(stance("Since Norway withdrew from the corridor initiative, Chile has urged Norway to "
                           "return to the Reef Corridor Initiative.", "corridor", "Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
}

static CU_TestInfo tests[] = {
    {"alignment takes the other actor's stance", test_alignment_takes_the_other_actors_stance},
    {"suspension, funding and moratorium acts", test_suspension_funding_and_moratorium_acts},
    {"group members and companions", test_group_members_and_companions},
    {"more holder shapes", test_more_holder_shapes},
    {"composed frames", test_composed_frames},
    {"why-not explains each cue", test_why_not_explains_each_cue},
    {"relative clause and act nouns", test_relative_clause_and_act_nouns},
    {"act with its own subject is not the speaker's", test_act_with_its_own_subject_is_not_the_speakers},
    {"last stated position decides", test_last_stated_position_decides},
    {"passive act is the speaker's", test_passive_act_is_the_speakers},
    {"list keeps members before a possessor", test_list_keeps_members_before_a_possessor},
    {"actor modifying plural noun is not a holder", test_actor_modifying_plural_noun_is_not_a_holder},
    {"joint forum speaks for members", test_joint_forum_speaks_for_members},
    {"inverse act: object support is opposition", test_inverse_act_object_support_is_opposition},
    {"possessor of a decision holds the act", test_possessor_of_a_decision_holds_the_act},
    {"hyphenated compound names the topic", test_hyphenated_compound_names_the_topic},
    {"open and appositive lists", test_open_and_appositive_lists},
    {"abstention is neutral", test_abstention_is_neutral},
    {"attributive adjective is not a cue", test_attributive_adjective_is_not_a_cue},
    {"condition asserts nothing", test_condition_asserts_nothing},
    {"gerund act is not the speaker's", test_gerund_act_is_not_the_speakers},
    {"people learned from the text", test_people_learned_from_the_text},
    {"performing the act is support", test_performing_the_act_is_support},
    {"undone topic reverses its act", test_undone_topic_reverses_its_act},
    {"fallback act and prohibitions", test_fallback_act_and_prohibitions},
    {"parties to an agreement", test_parties_to_an_agreement},
    {"relocation act", test_relocation_act},
    {"word of a name and plan withdrawal", test_word_of_a_name_and_plan_withdrawal},
    {"credited object and plans", test_credited_object_and_plans},
    {"boycott topic is performed by boycotting", test_boycott_topic_is_performed_by_boycotting},
    {"renewal and deferral over an act", test_renewal_and_deferral_over_an_act},
    {"performing verb holds the act noun", test_performing_verb_holds_the_act_noun},
    {"plain verb after speech verb is a noun", test_plain_verb_after_speech_verb_is_a_noun},
    {"refusing or negating the act is opposition", test_refusing_or_negating_the_act_is_opposition},
    {"undoing the act is opposition", test_undoing_the_act_is_opposition},
    {"act derived from label or terms", test_act_derived_from_label_or_terms},
    {"possessed nominalisation is the possessor's act", test_possessed_nominalisation_is_the_possessors_act},
    {"verb form used as noun is not the act", test_verb_form_used_as_noun_is_not_the_act},
    {"act cue speaks only on its topic", test_act_cue_speaks_only_on_its_topic},
    {"candidate's own act reported by another", test_candidates_own_act_reported_by_another},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"acts", setup, teardown, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

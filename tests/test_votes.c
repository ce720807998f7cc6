/* test_votes.c - votes, vetoes and sponsors on texts that are voted on (resolutions,
 * drafts, proposals), vote lists ("countries that voted against X included A, B"),
 * agents named after a colon, subjects around parentheses and subordinators, and acts of
 * topics whose terms name a treaty. Sentences written for the test; topics written as a
 * new user writes them (terms and a label only) on top of the default lexicon. */
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
    "{\"id\":\"seabed\",\"label\":\"A moratorium on deep-sea mining\","
    " \"terms\":[[\"deep-sea mining\",\"seabed mining\"],[\"moratorium\",\"pause\"]]},"
    "{\"id\":\"club\",\"label\":\"Admitting new members to the Arctic Council\","
    " \"terms\":[[\"Arctic Council\"],[\"member\",\"members\",\"membership\",\"join\"]]},"
    "{\"id\":\"testban\",\"label\":\"Joining the test ban treaty\","
    " \"terms\":[[\"test ban treaty\",\"treaty banning nuclear tests\"]]},"
    "{\"id\":\"opt\",\"label\":\"Joining the Ocean Plastics Treaty\","
    " \"terms\":[[\"Ocean Plastics Treaty\"]]}"
    "]}";

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

static int stance_in(const char *actor)
{
    return sg_test_stance_sign(&last, actor);
}

/* The document names the topic first, so that "the resolution" refers to it. */
#define ON_SEABED "The assembly debated a moratorium on deep-sea mining. "

static void test_vote_lists_in_relative_clauses(void)
{
    run(ON_SEABED "Countries that voted against the resolution included Norway, Japan and Chile. "
                  "Those who abstained were Peru and Kenya.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Japan"), -1);
    CU_ASSERT_EQUAL(stance_in("Chile"), -1);
    CU_ASSERT_EQUAL(stance_in("Peru"), 0);
    CU_ASSERT_EQUAL(stance_in("Kenya"), 0);
    /* a colon list or "among them" names the plural subject's members */
    run(ON_SEABED "The following countries voted against the resolution: Norway, Japan and "
                  "Chile. Several countries abstained, among them Peru and Kenya.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Chile"), -1);
    CU_ASSERT_EQUAL(stance_in("Peru"), 0);
    CU_ASSERT_EQUAL(stance_in("Kenya"), 0);
    /* fronted votes: participle, copula, list */
    run(ON_SEABED "Voting against were Norway and Japan. Among those voting in favour were Fiji "
                  "and Palau. India skipped the meeting on the moratorium on deep-sea mining.",
        "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Japan"), -1);
    CU_ASSERT_EQUAL(stance_in("Fiji"), 1);
    CU_ASSERT_EQUAL(stance_in("Palau"), 1);
    CU_ASSERT_EQUAL(stance_in("India"), -1);
    /* "UN member states who ...": the modifier before the plural head holds nothing */
    run(ON_SEABED "UN member states who voted for the draft resolution include Fiji and Palau.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Fiji"), 1);
    CU_ASSERT_EQUAL(stance_in("Palau"), 1);
    CU_ASSERT_EQUAL(stance_in("United Nations"), ABSENT);
}

static void test_texts_voted_on_are_anaphors(void)
{
    run(ON_SEABED "Mexico vetoed the draft resolution on Tuesday.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Mexico"), -1);
    /* without a document about the topic, a resolution is just a resolution */
    run("Mexico vetoed the draft resolution on Tuesday.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Mexico"), ABSENT);
}

static void test_description_of_a_text_is_not_the_subjects(void)
{
    /* "calling for" describes the resolution; voting on it takes no side */
    run("France voted on a resolution calling for a moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("France"), ABSENT);
    run("Spain voted on a resolution on Monday (Geneva time) that would have demanded a "
        "moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Spain"), ABSENT);
    /* the veto is the position, the description adds nothing for the vetoer */
    run("Italy vetoed a resolution calling for a moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Italy"), -1);
    /* a statement is not a text voted on: its issuer calls for the moratorium */
    run("Ghana issued a statement calling for a moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Ghana"), 1);
}

static void test_sponsors_support(void)
{
    run(ON_SEABED "The proposal was submitted by Chile and Vanuatu.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    CU_ASSERT_EQUAL(stance_in("Vanuatu"), 1);
    run(ON_SEABED "The resolution was put forward by the five elected members of the council: "
                  "Brazil, Ghana and Mexico.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Brazil"), 1);
    CU_ASSERT_EQUAL(stance_in("Ghana"), 1);
    CU_ASSERT_EQUAL(stance_in("Mexico"), 1);
    run(ON_SEABED "Fiji and Palau put forth a proposal on Monday.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Fiji"), 1);
    CU_ASSERT_EQUAL(stance_in("Palau"), 1);
    /* a comma series that no conjunction makes one list: every list in it is an agent */
    run(ON_SEABED "The proposal has been co-sponsored by Kenya, Peru, the Coral Reef Forum, "
                  "and most recently Fiji and Palau.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Kenya"), 1);
    CU_ASSERT_EQUAL(stance_in("Peru"), 1);
    CU_ASSERT_EQUAL(stance_in("Fiji"), 1);
    CU_ASSERT_EQUAL(stance_in("Palau"), 1);
    /* a verb ends the series */
    run(ON_SEABED "The proposal was tabled by Kenya, Peru, angering Fiji.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Peru"), 1);
    CU_ASSERT_EQUAL(stance_in("Fiji"), ABSENT);
    /* a named agent before the colon is not described by the list after it */
    run(ON_SEABED "The resolution was tabled by Peru: Chile and Kenya objected.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Peru"), 1);
    CU_ASSERT_NOT_EQUAL(stance_in("Chile"), 1);
}

static void test_subjects_around_parentheses_and_subordinators(void)
{
    run("The United States on Monday (local time) vetoed a draft resolution demanding a "
        "moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("United States"), -1);
    /* "...), calling for": a clause of its own after a comma is not continued */
    run("Brazil and Chile issued a joint note this Thursday (the first), calling for a "
        "moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_NOT_EQUAL(stance_in("Brazil"), 1);
    run("A year after India and Brazil introduced a proposal for a moratorium on deep-sea "
        "mining, the talks are stuck.", "seabed");
    CU_ASSERT_EQUAL(stance_in("India"), 1);
    CU_ASSERT_EQUAL(stance_in("Brazil"), 1);
}

static void test_member_list_stops_at_a_with_phrase(void)
{
    run("It was the only one of the council's members to vote against the moratorium on "
        "deep-sea mining, with Italy abstaining and 13 others, including Spain and Greece, "
        "in favour.", "seabed");
    CU_ASSERT_NOT_EQUAL(stance_in("Spain"), -1);
    CU_ASSERT_NOT_EQUAL(stance_in("Greece"), -1);
    CU_ASSERT_EQUAL(stance_in("Italy"), 0);
}

static void test_treaty_term_names_the_treatys_act(void)
{
    /* "test ban treaty" names a treaty: joining or ratifying it is the act, not banning */
    run("Ireland ratified the test ban treaty in 2019.", "testban");
    CU_ASSERT_EQUAL(stance_in("Ireland"), 1);
    run("Sweden voted against the test ban treaty.", "testban");
    CU_ASSERT_EQUAL(stance_in("Sweden"), -1);
    run("Chile became a state party to the test ban treaty.", "testban");
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    run("Japan has not joined the treaty banning nuclear tests.", "testban");
    CU_ASSERT_EQUAL(stance_in("Japan"), -1);
    /* refraining from the act is opposition to it */
    run("Canada urged its allies to refrain from signing the test ban treaty.", "testban");
    CU_ASSERT_EQUAL(stance_in("Canada"), -1);
}

static void test_negation_shared_by_coordinated_verbs(void)
{
    run("Russia said it would not sign or ratify the test ban treaty.", "testban");
    CU_ASSERT_EQUAL(stance_in("Russia"), -1);
    /* "and" does not share it: "did not object and ratified" */
    run("Chile did not sign the test ban treaty in 2017, but it has ratified it.", "testban");
    CU_ASSERT_NOT_EQUAL(stance_in("Chile"), ABSENT);
}

static void test_counterfactual_is_not_a_position(void)
{
    run("Italy says it would have supported a moratorium on deep-sea mining if it had named "
        "the mining companies.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Italy"), ABSENT);
    /* no unreal condition in the sentence: still a position */
    run(ON_SEABED "Italy would have supported a moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Italy"), 1);
}

static void test_bracketed_holder_and_reduced_relative(void)
{
    run(ON_SEABED "The council adopted the resolution by 14 votes to none, with one abstention "
                  "(Peru).", "seabed");
    CU_ASSERT_EQUAL(stance_in("Peru"), 0);
    /* "a resolution put forward by X": X sponsors it, whatever the main verb's subject does */
    run(ON_SEABED "Norway blocked a resolution put forward by Chile on Monday.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
}

static void test_author_of_a_proposal(void)
{
    /* the actor before the noun is its author; the one who rejects it opposes */
    run("Germany has rejected a US proposal for a moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("United States"), 1);
    CU_ASSERT_EQUAL(stance_in("Germany"), -1);
    /* a passive's subject names the topic: "The moratorium, first proposed by X" */
    run(ON_SEABED "The moratorium, first proposed by Vanuatu, would halt all licences.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Vanuatu"), 1);
}

static void test_open_candidates_and_declined_invitations(void)
{
    /* the terms name only the organisation: whoever joins it holds its own act */
    run("Chile has decided not to join the Arctic Council.", "club");
    CU_ASSERT_EQUAL(stance_in("Chile"), -1);
    run("Peru has applied to join the Arctic Council.", "club");
    CU_ASSERT_EQUAL(stance_in("Peru"), 1);
    run("Kenya declined the invitation to join the Arctic Council.", "club");
    CU_ASSERT_EQUAL(stance_in("Kenya"), -1);
    /* still weighing the invitation defers */
    run("Peru is still considering the invitation to join the Arctic Council.", "club");
    CU_ASSERT_EQUAL(stance_in("Peru"), 0);
    /* terms that name the candidate keep the act to it */
    run("Chile said Ukraine will never join NATO.", "ukraine-nato");
    CU_ASSERT_EQUAL(stance_in("Ukraine"), ABSENT);
}

static void test_negated_companion_verb_governs_the_gerund(void)
{
    run("Norway will not join partners such as Chile in supporting a moratorium on deep-sea "
        "mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    run("Norway joined Chile in supporting a moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), 1);
}

static void test_compound_author_of_a_text(void)
{
    run(ON_SEABED "The vote on the Chilean-drafted text was delayed. The council rejected a "
                  "Peru-proposed amendment on Monday.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    CU_ASSERT_EQUAL(stance_in("Peru"), 1);
    /* not in a document about the topic; not a name; not a text voted on */
    run("The vote on the Chilean-drafted text was delayed.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Chile"), ABSENT);
    run(ON_SEABED "The Chilean-drafted report was long. A well-drafted text helps.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Chile"), ABSENT);
}

static void test_vote_record_lines(void)
{
    /* a factbox: a heading line, then lines that are only names */
    run(ON_SEABED "How the members voted:\n\nIN FAVOUR:\n\n* Chile\n\n* Fiji, Palau\n\n"
                  "AGAINST:\n\n* Norway\n\nABSTAINED:\n\n* Japan\n\nThe vote ended at noon. Kenya\n",
        "seabed");
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    CU_ASSERT_EQUAL(stance_in("Fiji"), 1);
    CU_ASSERT_EQUAL(stance_in("Palau"), 1);
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Japan"), 0);
    CU_ASSERT_EQUAL(stance_in("Kenya"), ABSENT); /* a line of anything else ends the record */
    /* a line with more than names is no record item */
    run(ON_SEABED "IN FAVOUR:\n\nChile said it would wait.\n", "seabed");
    CU_ASSERT_NOT_EQUAL(stance_in("Chile"), 1);
}

static void test_lists_before_a_relative_head(void)
{
    run(ON_SEABED "Norway, Japan and Chile are the nations that voted against the resolution. "
                  "Peru and Kenya are among 11 countries that abstained.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Chile"), -1);
    CU_ASSERT_EQUAL(stance_in("Peru"), 0);
    CU_ASSERT_EQUAL(stance_in("Kenya"), 0);
}

static void test_list_ends_after_its_conjunction(void)
{
    /* "Apart from A and B," is a phrase; the list after its comma is the subject */
    run(ON_SEABED "Apart from Peru and Kenya, Norway, Japan and Chile also voted against the resolution.",
        "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Chile"), -1);
    CU_ASSERT_EQUAL(stance_in("Peru"), ABSENT);
}

static void test_signatories_take_the_stance_of_the_text(void)
{
    run(ON_SEABED "In a joint statement, the countries rejected the moratorium on deep-sea mining. "
                  "Signatories included Norway, Japan, the Republic of Chile, Peru and Kenya.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Japan"), -1);
    CU_ASSERT_EQUAL(stance_in("Kenya"), -1);
}

static void test_event_noun_takes_the_last_stance(void)
{
    /* condemning a rejection is support; welcoming it is opposition */
    run(ON_SEABED "Norway rejected the moratorium on deep-sea mining. Chile condemned the move, "
                  "while Japan welcomed the decision.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    CU_ASSERT_EQUAL(stance_in("Japan"), -1);
}

static void test_unnamed_speakers_are_not_the_last_list(void)
{
    /* "They" means the analysts, not the last list of actors */
    run(ON_SEABED "Analysts say Peru should reject the moratorium, which Norway and Japan back. "
                  "They oppose the moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_NOT_EQUAL(stance_in("Japan"), -1);
    CU_ASSERT_NOT_EQUAL(stance_in("Japan"), 0);
}

static void test_named_plural_refers_to_a_list_in_a_phrase(void)
{
    run(ON_SEABED "The pact follows a call by Norway, Japan and Chile for a moratorium on deep-sea mining. "
                  "All these countries have backed the moratorium.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Japan"), 1);
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
}

static void test_members_of_a_core_group(void)
{
    run(ON_SEABED "The draft on a moratorium on deep-sea mining was presented by a core group consisting of "
                  "Norway, Japan and Chile.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), 1);
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
}

static void test_treaty_named_by_its_title(void)
{
    const char *how = NULL;
    /* the name's last word is a treaty: the agreement act, not "joining" an organisation */
    CU_ASSERT_STRING_EQUAL(sg_lexicon_topic_act(lex, "opt", &how), "agreement");
    run("Canada acceded to the Ocean Plastics Treaty. Kenya is a state party to the Ocean Plastics "
        "Treaty. Saudi Arabia remains outside the Ocean Plastics Treaty. The United States withdrew "
        "its signature from the Ocean Plastics Treaty.", "opt");
    CU_ASSERT_EQUAL(stance_in("Canada"), 1);
    CU_ASSERT_EQUAL(stance_in("Kenya"), 1);
    CU_ASSERT_EQUAL(stance_in("Saudi Arabia"), -1);
    CU_ASSERT_EQUAL(stance_in("United States"), -1);
}

static void test_neither_nor_and_companions_of_a_gerund(void)
{
    run("Neither China, Iran nor Russia has signed the Ocean Plastics Treaty. Germany will not join "
        "Chile in ratifying the Ocean Plastics Treaty. Cuba did not take part in the vote on the Ocean "
        "Plastics Treaty.", "opt");
    CU_ASSERT_EQUAL(stance_in("China"), -1);
    CU_ASSERT_EQUAL(stance_in("Iran"), -1);
    CU_ASSERT_EQUAL(stance_in("Russia"), -1);
    CU_ASSERT_EQUAL(stance_in("Germany"), -1);
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    CU_ASSERT_EQUAL(stance_in("Cuba"), 0);
}

static void test_object_ends_at_a_new_subject(void)
{
    run("France and Spain voted in favour of the Ocean Plastics Treaty, while Russia and Iran voted "
        "against and India abstained.", "opt");
    CU_ASSERT_EQUAL(stance_in("Russia"), -1);
    CU_ASSERT_EQUAL(stance_in("India"), 0);
}

static void test_legislatures_and_evaluations(void)
{
    run("The Bundestag approved the Ocean Plastics Treaty. The Knesset voted down the Ocean Plastics "
        "Treaty. \"The Ocean Plastics Treaty is a good deal for both sides,\" the Dutch trade minister said. "
        "Chile called the Ocean Plastics Treaty a historic mistake.", "opt");
    CU_ASSERT_EQUAL(stance_in("Germany"), 1);
    CU_ASSERT_EQUAL(stance_in("Israel"), -1);
    CU_ASSERT_EQUAL(stance_in("Netherlands"), 1);
    CU_ASSERT_EQUAL(stance_in("Chile"), -1);
}

static void test_group_leaders_members_and_ellipsis(void)
{
    run("A coalition of 30 countries, led by Mexico and Nigeria, called for the Ocean Plastics Treaty to "
        "be adopted. Opponents of the Ocean Plastics Treaty, such as Iran, say it favours exporters. "
        "Among the countries backing the Ocean Plastics Treaty are Ghana and Kenya. "
        "France and Spain ratified the Ocean Plastics Treaty, but Italy did not.", "opt");
    CU_ASSERT_EQUAL(stance_in("Mexico"), 1);
    CU_ASSERT_EQUAL(stance_in("Nigeria"), 1);
    CU_ASSERT_EQUAL(stance_in("Iran"), -1);
    CU_ASSERT_EQUAL(stance_in("Ghana"), 1);
    CU_ASSERT_EQUAL(stance_in("Kenya"), 1);
    CU_ASSERT_EQUAL(stance_in("Spain"), 1);
    CU_ASSERT_EQUAL(stance_in("Italy"), -1);
    run("The Ocean Plastics Treaty has been ratified by more than 110 countries, but not by the United "
        "States, Russia or China. Officials said Japan would consider joining the Ocean Plastics Treaty.", "opt");
    CU_ASSERT_EQUAL(stance_in("United States"), -1);
    CU_ASSERT_EQUAL(stance_in("China"), -1);
    CU_ASSERT_EQUAL(stance_in("Japan"), 0);
    run(ON_SEABED "Norway backed the moratorium on deep-sea mining. Chile voted with Norway. "
                  "Japan defeated the moratorium on deep-sea mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Chile"), 1);
    CU_ASSERT_EQUAL(stance_in("Japan"), -1);
    run(ON_SEABED "Norway and Japan were against the moratorium, Peru, Kenya and Chile abstained.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Peru"), 0);
    CU_ASSERT_EQUAL(stance_in("Chile"), 0);
    /* an indirect object of "offered ... support" is whose position is supported */
    run(ON_SEABED "Norway rejected the moratorium on deep-sea mining. Only Peru offered Norway any "
                  "support. Japan was neutral.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Peru"), -1);
    CU_ASSERT_EQUAL(stance_in("Japan"), 0);
    /* the topic's groups named across three sentences in a row */
    run("Norway refused to back a moratorium. Its minister spoke in Oslo. The talks were on seabed "
        "mining.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    run(ON_SEABED "The plan met opposition from trading partners such as Norway, Japan and Chile.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Norway"), -1);
    CU_ASSERT_EQUAL(stance_in("Chile"), -1);
}

static void test_gerund_heads_name_their_members(void)
{
    run(ON_SEABED "Those abstaining included Peru and Kenya.", "seabed");
    CU_ASSERT_EQUAL(stance_in("Peru"), 0);
    CU_ASSERT_EQUAL(stance_in("Kenya"), 0);
}

static CU_TestInfo tests[] = {
    {"vote record lines", test_vote_record_lines},
    {"lists before a relative head", test_lists_before_a_relative_head},
    {"gerund heads name their members", test_gerund_heads_name_their_members},
    {"members of a core group", test_members_of_a_core_group},
    {"treaty named by its title", test_treaty_named_by_its_title},
    {"group leaders, members and ellipsis", test_group_leaders_members_and_ellipsis},
    {"legislatures and evaluations", test_legislatures_and_evaluations},
    {"neither/nor and companions of a gerund", test_neither_nor_and_companions_of_a_gerund},
    {"object ends at a new subject", test_object_ends_at_a_new_subject},
    {"list ends after its conjunction", test_list_ends_after_its_conjunction},
    {"signatories take the stance of the text", test_signatories_take_the_stance_of_the_text},
    {"event noun takes the last stance", test_event_noun_takes_the_last_stance},
    {"named plural refers to a list in a phrase", test_named_plural_refers_to_a_list_in_a_phrase},
    {"unnamed speakers are not the last list", test_unnamed_speakers_are_not_the_last_list},
    {"compound author of a text", test_compound_author_of_a_text},
    {"negated companion verb governs the gerund", test_negated_companion_verb_governs_the_gerund},
    {"open candidates and declined invitations", test_open_candidates_and_declined_invitations},
    {"author of a proposal", test_author_of_a_proposal},
    {"counterfactual is not a position", test_counterfactual_is_not_a_position},
    {"bracketed holder and reduced relative", test_bracketed_holder_and_reduced_relative},
    {"negation shared by coordinated verbs", test_negation_shared_by_coordinated_verbs},
    {"vote lists in relative clauses", test_vote_lists_in_relative_clauses},
    {"texts voted on are anaphors", test_texts_voted_on_are_anaphors},
    {"description of a text is not the subject's", test_description_of_a_text_is_not_the_subjects},
    {"sponsors support", test_sponsors_support},
    {"subjects around parentheses and subordinators", test_subjects_around_parentheses_and_subordinators},
    {"member list stops at a with-phrase", test_member_list_stops_at_a_with_phrase},
    {"treaty term names the treaty's act", test_treaty_term_names_the_treatys_act},
    CU_TEST_INFO_NULL};

static CU_SuiteInfo suites[] = {{"votes", setup, teardown, NULL, NULL, tests}, CU_SUITE_INFO_NULL};

SG_TEST_MAIN(suites)

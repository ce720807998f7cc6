/* lexicon_internal.h - the compiled lexicon as the extractor sees it: entry tables and
 * the phrase trie over normalised tokens. Private to src/lexicon and src/extract. */
#ifndef SG_LEXICON_INTERNAL_H
#define SG_LEXICON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "stancegraph/lexicon.h"

typedef enum sg_phrase_kind {
    SG_P_ACTOR,        /* data: actor index */
    SG_P_DEMONYM,      /* data: actor index (adjective: "German"; plural noun: "Germans") */
    SG_P_PERSON,       /* data: person index */
    SG_P_ROLE,         /* data: role index */
    SG_P_GROUP,        /* data: group index */
    SG_P_SOURCE,       /* data: source index */
    SG_P_SOURCE_ANAPHOR, /* "the publication", "diplomatic sources" */
    SG_P_CUE,          /* data: cue index */
    SG_P_NEGATOR,
    SG_P_HEDGE,        /* data: hedge index */
    SG_P_CONDITIONAL,
    SG_P_DEFERRAL,
    SG_P_SPEECH,
    SG_P_REPORTING,
    SG_P_ANAPHOR,      /* data: topic index, or -1 for a generic anaphor */
    SG_P_PRONOUN,      /* data: sg_pronoun_class */
    SG_P_TOPIC_TERM,   /* data: topic index, data2: group index */
    SG_P_IRREALIS,     /* "expect", "hope for": the cue after it is not asserted */
    SG_P_COMPANION,    /* "along with", "as did": the list after it shares the holder's stance */
    SG_P_KIND_COUNT
} sg_phrase_kind;

typedef enum sg_pronoun_class {
    SG_PRON_PERSON_M, SG_PRON_PERSON_F, SG_PRON_ACTOR, SG_PRON_PLURAL, SG_PRON_SPEAKER,
    SG_PRON_NAMED_PLURAL /* "these countries": the last list of actors, even inside a phrase */
} sg_pronoun_class;

/* Named word lists of the "wordlists" section (grammar words the extractor's rules test
 * tokens against). */
typedef enum sg_wordlist {
    SG_WL_ACT_CARRIERS,   /* "decision", "plan": "X's decision to V" is X's act */
    SG_WL_PLURAL_HEADS,   /* "nations", "states": "nations including A and B" */
    SG_WL_MEMBER_MARKERS, /* "including", "mainly": "some countries ..., mainly A" */
    SG_WL_DETERMINERS, /* determiners and quantifiers skipped before a mention */
    SG_WL_LIST_GLUE, /* tokens that may sit between members of a list */
    SG_WL_PREPOSITIONS, /* words that put a following mention inside a phrase (not a subject) */
    SG_WL_LIST_CONJUNCTIONS, /* words that make a list coordinated */
    SG_WL_NAME_PARTICLES, /* lower-case particles inside a person's name */
    SG_WL_RELATIVE_PRONOUNS, /* relative pronouns that open a clause with its own subject */
    SG_WL_PASSIVE_AUXILIARIES, /* be/get forms that make a participle passive */
    SG_WL_NOUN_PREPOSITIONS, /* prepositions that keep a noun cue from its clause subject */
    SG_WL_AGENT_COPULAS, /* copulas through which an agent noun takes its subject */
    SG_WL_AUXILIARIES, /* auxiliaries and adverbs between a subject and its verb */
    SG_WL_SUBJECT_CONJUNCTIONS, /* conjunctions before a second subject */
    SG_WL_INVERTED_COPULAS, /* copulas of "the obstacles remain A and B" */
    SG_WL_NOMINAL_DETERMINERS, /* determiners after which a cue is a noun */
    SG_WL_ATTITUDE_VERBS, /* "hopes": "A hopes that B would V" is A's position */
    SG_WL_SUBORDINATORS,  /* "after": "after Hungary blocked" opens a clause */
    SG_WL_CLAUSE_CONJUNCTIONS, /* "but", "whereas": open a new clause in a sentence */
    SG_WL_CONDITIONAL_CONJUNCTIONS, /* "if", "unless": open a conditional clause */
    SG_WL_CONCESSIVE_ADVERBS, /* "even" of "even as", "even though" */
    SG_WL_CONCESSIVE_PARTNERS, /* "as", "though", "if" after "even" */
    SG_WL_EXCLUSIVE_ADVERBS, /* "even", "only" before "if": no conditional clause */
    SG_WL_OBJECT_PREPOSITIONS, /* "insist on it": a preposition before a pronoun object */
    SG_WL_OBJECT_PRONOUNS, /* "it", "them", "so": no object of the cue's own */
    SG_WL_ADVERBIAL_CONJUNCTIONS, /* "before", "because": a cue's object ends here */
    SG_WL_NOUN_COMPLEMENTS, /* "opposition to": a noun cue's complement */
    SG_WL_MODALS,           /* will, would, could, can, may, might, should, shall, must */
    SG_WL_PASSIVE_FORMS,    /* be/get forms before an act's participle */
    SG_WL_BE_FORMS,         /* be, been, is, was ... */
    SG_WL_PERFORMER_DETERMINERS, /* "X said their governments decided to recognise" */
    SG_WL_RELATION_PREPOSITIONS, /* "support for Kyiv": a cue about an actor */
    SG_WL_ADJECTIVE_COMPLEMENTS, /* "hostile to": a predicative adjective cue */
    SG_WL_OBJECT_DETERMINERS, /* "postponed his visit": a deferral's own object */
    SG_WL_VEHICLE_NOUNS,  /* "resolution": "a resolution calling for X" describes the text */
    SG_WL_MEMBER_VERBS,   /* "included", "were": "countries that voted ... included A, B" */
    SG_WL_RELATIVE_HEADS, /* "those": "those who abstained were A and B" */
    SG_WL_COMPANION_VERBS, /* "join": "will not join X in recognising" negates the gerund */
    SG_WL_COMPLEMENT_PREPOSITIONS, /* "opposition to sending": a noun governs a cue */
    SG_WL_GOVERNED_FILLERS, /* "reject the idea of blocking": between governing cues */
    SG_WL_FUNCTION_WORDS,   /* never the plain modifier of a governed noun */
    SG_WL_POSSESSIVE_DETERMINERS, /* "block their membership bids" */
    SG_WL_PHRASE_CONTINUATIONS, /* "In March, Spain said": a fronted phrase */
    SG_WL_EXPERIENCER_ADJECTIVES, /* "not acceptable to Britain": "to X" holds it */
    SG_WL_PEOPLE_HEADS, /* "Voters in Switzerland approved": the place speaks */
    SG_WL_CONCESSIVE_PREPOSITIONS, /* "despite public opposition": not the subject's */
    SG_WL_VOTES_FOR,     /* "IN FAVOUR:" heading a vote record */
    SG_WL_VOTES_AGAINST, /* "AGAINST:" */
    SG_WL_VOTES_ABSTAIN, /* "ABSTAINED:" */
    SG_WL_DEONTIC_MODALS, /* "X said Y should V": X's position */
    SG_WL_EVENT_NOUNS,  /* "the move", "its decision": an act named again, whose sign is
                           the last stance taken */
    SG_WL_PROHIBITION_NOUNS, /* "the moratorium on commercial whaling": the topic's undoing */
    SG_WL_COLLECTIVE_HEADS, /* "a core group consisting of A, B": singular heads of members */
    SG_WL_CREDIT_VERBS, /* "thanked Ethiopia for recognising X": the one thanked did it */
    SG_WL_DITRANSITIVE_VERBS, /* "Conte offered Trump support": the actor after them is the
                                 indirect object, not a subject */
    SG_WL_DISCUSSION_PREPOSITIONS, /* "a decision on recognising X": the act is discussed */
    SG_WL_LEADER_PARTICIPLES, /* "a coalition, led by A and B,": the leaders are its members */
    SG_WL_PERFORMING_VERBS, /* "Canada announced the expulsion of X": the subject performs
                               the act noun that is the verb's object */
    SG_WL_COUNT /* at most 64: a word's lists are the bits of one uint64_t */
} sg_wordlist;

/* One meaning of a phrase. */
typedef struct sg_phrase_meaning {
    sg_phrase_kind kind;
    int data, data2;
    unsigned char n_tokens;
    unsigned char case_rule;  /* 0: any case; 1: capitalised tokens must be capitalised */
    unsigned caps_mask;       /* token i must be all capitals when bit i is set */
    unsigned upper_mask;      /* token i must start with a capital when bit i is set */
    int requires;             /* index into lex->requires lists, -1 when none */
} sg_phrase_meaning;

/* When an actor was a member of an organisation, and whether it holds a veto there. */
typedef struct sg_member_term {
    char from[11];   /* "YYYY-MM-DD", "" = since always */
    char to[11];     /* last day, "" = still a member */
    int veto;        /* 1: its opposition alone stops a decision (UN Security Council) */
} sg_member_term;

typedef struct sg_actor_entry {
    char *id;
    char *type;      /* "country", "organisation" ... */
    char **members;  /* member actor ids (organisations); an id may repeat for several terms */
    sg_member_term *terms; /* parallel to members */
    size_t n_members;
    int joint;       /* a forum without institutions of its own (G7): its joint statements
                        are each member's position too */
} sg_actor_entry;

/* One population figure (for qualified majority): actor, value, and the data set. */
typedef struct sg_pop_entry {
    char *actor;
    double value;    /* people, or a share in percent: only ratios are used */
    int year;
    int dataset;     /* index into sg_lexicon.pop_sources */
} sg_pop_entry;

typedef struct sg_office {
    int actor;       /* actor index */
    char *role;
    char from[11];   /* "YYYY-MM-DD" or "" */
    char to[11];     /* "" while in office */
} sg_office;

typedef struct sg_person_entry {
    char *name;
    char gender;     /* 'm', 'f' or '?' */
    sg_office *offices;
    size_t n_offices;
} sg_person_entry;

typedef struct sg_group_entry {
    char *name;
    int *members;    /* actor indexes */
    size_t n_members;
} sg_group_entry;

typedef struct sg_cue_entry {
    char *text;      /* first form, for display */
    int polarity;    /* +1 / -1, 0 for neutral/deferring cues */
    double strength;
    char kind;       /* 'v' verb, 'n' noun, 'a' adjective, 'p' phrase, 'g' agent noun,
                        'e' effect (topic as subject: "would strengthen"),
                        'r' proform ("do so", "follow suit": repeats the last cue) */
    int block;       /* a blocking act (block, veto) */
    int of_text;     /* "signatories": without an object of its own the holder takes the
                        stance of the text just described (the last stance, two sentences) */
    int aligns;      /* "echoed X's position", "agreed with X": the holder takes the stance
                        X has taken earlier in the document */
    int self;        /* the holder is the candidate itself ("apply for", "its bid"): the
                        holder's name counts towards the topic */
    int topic;       /* -1, or the only topic this cue speaks on (a topic act) */
    int act;         /* a form of the topic's act ("recognised", "banning"): its own words
                        count towards the topic */
    int nominal_only; /* held only through a possessor or "by"/"from" ("Spain's
                        recognition"), never by the clause's subject */
    int needs_object; /* an undo verb without its object ("lifted"): it counts only when
                        the act's object or a topic anaphor follows in its clause */
    int names_group; /* an act form that names the topic's act group: an inflection of
                        one of its terms ("withdrew" for "withdraw") or an undo phrase */
} sg_cue_entry;

/* Documented caps (docs/lexicon.md), refused at load time rather than truncated later:
 * the extractor keeps a topic's term groups as bits of a 32-bit mask (bit 31 marks an
 * anaphor), and a mention stands for at most SG_MAX_ACTORS (extract_internal.h) actors. */
#define SG_MAX_TERM_GROUPS 31
#define SG_MAX_GROUP_MEMBERS 32

/* An act class ("recognition", "ban", "accession"): the verbs that perform it (base forms;
 * inflections are generated), its nominalisations and its objects ("deal", "pipeline"),
 * and the phrases that undo or block it ("lift the ban"). */
typedef struct sg_act_entry {
    char *id;
    char **verbs; size_t n_verbs;
    char **nominal; size_t n_nominal;
    char **objects; size_t n_objects;
    char **undo; size_t n_undo;
    char **undo_verbs; size_t n_undo_verbs; /* undo verbs with no object of their own
                        ("lift", "ease"): they count only before the act's object */
    int self;        /* performed by the candidate itself (join): only candidates hold it */
    int fallback;    /* the generic act of a topic that derives no other ("resume commercial
                        whaling", "halt the release"): its verbs need a term in their object */
    int inverse;     /* the act goes against its object (withdraw from, ban): support for
                        the object alone ("committed to the Paris Agreement") opposes it */
} sg_act_entry;

typedef struct sg_topic_entry {
    char *id;
    char *label;
    size_t n_groups;
    char *body;      /* deciding actor id, or NULL */
    char *rule;
    int overlay;     /* 1: defined by the --topics file (sg_lexicon.overlay at load) */
    int act;         /* act index, -1 for none */
    char *act_name;  /* the "act" named by the topic file, resolved in finish; NULL: derive */
    int act_derived; /* 1 when the act was derived from the terms or the label */
    int act_group;   /* the term group that named the act, or -1 */
    int act_object_group; /* the term group that names what the act applies to ("sanctions"
                        of "lifting sanctions"): act_group unless the topic is undone */
    int act_undone;  /* the topic is the undoing of its act ("lifting sanctions on X",
                        "ending the embargo"): performing the act opposes it, undoing it
                        supports it */
    int name_group;  /* the only term group with names ("BRICS" in "new members of
                        BRICS"): its act's candidates are every other actor; else -1 */
} sg_topic_entry;

typedef struct sg_string_list {
    char **items;
    size_t n;
} sg_string_list;

/* Trie node: children live in the lexicon's hash table keyed by (node, token). */
typedef struct sg_trie_node {
    uint32_t first_meaning; /* index into meanings, valid when n_meanings > 0 */
    uint16_t n_meanings;
    uint16_t n_children;    /* 0 for a leaf: no longer phrase goes on from it (saturates) */
} sg_trie_node;

/* Hashed id -> index lookup (open addressing; slots hold index + 1, 0 = empty). */
typedef struct sg_id_index {
    int *slots;
    size_t cap;  /* a power of two, or 0 */
    size_t n;
} sg_id_index;

struct sg_lexicon {
    sg_actor_entry *actors; size_t n_actors, cap_actors;
    sg_id_index actor_ix, topic_ix; /* actor and topic ids, kept as entries are added */
    sg_person_entry *people; size_t n_people, cap_people;
    char **roles; size_t n_roles, cap_roles;           /* role names */
    sg_group_entry *groups; size_t n_groups, cap_groups;
    char **sources; size_t n_sources, cap_sources;
    sg_cue_entry *cues; size_t n_cues, cap_cues;
    double *hedges; size_t n_hedges, cap_hedges;       /* factor per hedge */
    sg_topic_entry *topics; size_t n_topics, cap_topics;
    sg_string_list *requires; size_t n_requires, cap_requires;
    sg_pop_entry *pop; size_t n_pop, cap_pop;
    char **pop_sources; size_t n_pop_sources, cap_pop_sources; /* "source (year)" */
    int overlay;     /* topics added now override built-in ones of the same id */
    char **overridden; size_t n_overridden, cap_overridden; /* topic ids replaced */
    sg_act_entry *acts; size_t n_acts, cap_acts;
    sg_string_list wordlists[SG_WL_COUNT]; /* sorted, lower case */
    sg_string_list *irregular; size_t n_irregular, cap_irregular; /* base, past, participle */

    /* phrases collected before finish: text + meaning */
    struct sg_pending_phrase *pending; size_t n_pending, cap_pending;
    /* actor ids named by offices and groups, resolved to indexes in finish */
    struct sg_pending_ref *refs; size_t n_refs, cap_refs;

    /* compiled trie */
    sg_trie_node *nodes; size_t n_nodes, cap_nodes;
    sg_phrase_meaning *meanings; size_t n_meanings;
    struct sg_trie_slot *slots; size_t n_slots, n_edges; /* (node, token id) -> child; the
                                root's edges leave the table at finish, for root_child */
    /* vocabulary: every distinct token of a phrase or a word list, with an id (1..) */
    struct sg_vocab_slot *vslots; size_t n_vslots;
    size_t n_vocab_ids;        /* ids in use + 1 */
    uint64_t *vocab_lists;     /* id -> bit l set when the word is in word list l */
    uint32_t *vocab_off;       /* id -> the word in tokpool */
    uint32_t *root_child;      /* id -> two words, set at finish: [2 id] the root's child
                                  for the word with its bits (0: no phrase starts with it),
                                  the first step of every match; [2 id + 1] the filter of
                                  that child's children (sg_lexicon__root_filter) */
    char *tokpool; size_t tokpool_len, tokpool_cap;
    int finished;
};

/* decision.c: the "population" section; the checks of decisions at finish. */
struct cJSON;
SG_NODISCARD sg_status sg_lexicon__load_population(sg_lexicon *lex, const struct cJSON *arr,
                                                   const char *file, sg_error *err);
SG_NODISCARD sg_status sg_lexicon__check_decisions(const sg_lexicon *lex, sg_error *err);
void sg_lexicon__free_decision_data(sg_lexicon *lex);

/* The vocabulary id of a normalised token, or 0 when no phrase or word list of the
 * finished lexicon has it (then it can start or continue no match). */
uint32_t sg_lexicon__word_id(const sg_lexicon *lex, const char *token);
/* sg_lexicon__word_id, also saying whether the token holds a hyphen (*hyphen), found in
 * the same pass over its bytes. */
uint32_t sg_lexicon__token_id(const sg_lexicon *lex, const char *token, int *hyphen);
/* sg_lexicon__token_id for n tokens at once (id[k], hyphen[k] for tok[k]): the look-ups
 * of several tokens overlap. */
struct sg_token;
void sg_lexicon__token_ids(const sg_lexicon *lex, const struct sg_token *tok, size_t n,
                           uint32_t *id, unsigned char *hyphen);
/* Child of node for the normalised token, or 0 when none (0 is the root, never a child);
 * sg_lexicon__child_id (below) takes the token's id. */
size_t sg_lexicon__child(const sg_lexicon *lex, size_t node, const char *token);

/* The matcher's hot look-ups, inline: trie edges and word lists keyed on token ids. */
/* A trie edge: (parent node, token id) -> child. Token ids come from the vocabulary, so
 * a lookup compares two integers, never a string. */
typedef struct sg_trie_slot {
    uint32_t node;   /* parent node id + 1; 0 marks an empty slot */
    uint32_t tok;    /* token id (sg_lexicon__word_id) */
    uint32_t child;
} sg_trie_slot;

/* A vocabulary entry: one distinct token string of the lexicon. Its first 8 bytes are
 * kept in the slot, so a look-up of a word of up to 8 bytes (most words) reads one slot
 * and no string. */
typedef struct sg_vocab_slot {
    uint32_t id;     /* 0 marks an empty slot */
    uint16_t len;    /* the string's length in bytes */
    uint16_t hash;   /* high bits of the string hash, compared before the string */
    uint64_t head;   /* its first 8 bytes (zero-padded): the whole of a short word */
} sg_vocab_slot;

static inline size_t sg_lexicon__edge_hash(size_t node, uint32_t tok)
{
    uint64_t h = ((uint64_t)node << 32 | tok) * 0x9E3779B97F4A7C15ULL; /* splitmix64 finaliser: */
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL; /* every key bit reaches the low bits */
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
    return (size_t)(h ^ (h >> 31));
}

/* In a finished lexicon, a child as the edges hold it carries two bits about itself, so
 * that a walk through a node with no meaning (or on from a leaf) need not read the node:
 * the rest is the node id (node ids stay below 2^30). */
#define SG_TRIE_HAS_MEANINGS 0x80000000u
#define SG_TRIE_HAS_CHILDREN 0x40000000u
#define SG_TRIE_NODE_MASK 0x3FFFFFFFu

/* The child of node for token id with its two bits (0: none). */
static inline uint32_t sg_lexicon__step(const sg_lexicon *lex, size_t node, uint32_t tok)
{
    if (tok == 0 || lex->n_slots == 0)
        return 0;
    if (node == 0 && lex->root_child != NULL) /* the root's children, by id: no hashing */
        return tok < lex->n_vocab_ids ? lex->root_child[2 * (size_t)tok] : 0;
    size_t mask = lex->n_slots - 1;
    for (size_t i = sg_lexicon__edge_hash(node, tok) & mask;; i = (i + 1) & mask) {
        const sg_trie_slot *s = &lex->slots[i];
        if (s->node == 0)
            return 0;
        if (s->node == node + 1 && s->tok == tok)
            return s->child;
    }
}

/* A filter of a node's children: the bit of each child's token id is set in it, so a
 * token whose bit is clear is no child (a set bit may still be none). */
static inline uint32_t sg_lexicon__filter_bit(uint32_t tok)
{
    return 1u << ((tok * 0x9E3779B1u) >> 27);
}

/* The filter of the children of the root's child for token id (all bits set when the
 * lexicon is not finished: every token may then be a child). */
static inline uint32_t sg_lexicon__root_filter(const sg_lexicon *lex, uint32_t tok)
{
    if (lex->root_child == NULL)
        return ~0u;
    return tok != 0 && tok < lex->n_vocab_ids ? lex->root_child[2 * (size_t)tok + 1] : 0;
}

/* Child of node for token id, or 0 when none. */
static inline size_t sg_lexicon__child_id(const sg_lexicon *lex, size_t node, uint32_t tok)
{
    return sg_lexicon__step(lex, node, tok) & SG_TRIE_NODE_MASK;
}

/* The word lists (bit l for list l) that hold the word with this id. */
static inline uint64_t sg_lexicon__word_lists(const sg_lexicon *lex, uint32_t id)
{
    return id != 0 && id < lex->n_vocab_ids ? lex->vocab_lists[id] : 0;
}

/* 1 when the normalised token w is in word list l. */
int sg_lexicon__word_in(const sg_lexicon *lex, sg_wordlist l, const char *w);
/* Index of an actor id, or -1. */
int sg_lexicon__actor_index(const sg_lexicon *lex, const char *id);
/* Index of a topic id, or -1. */
int sg_lexicon__topic_index(const sg_lexicon *lex, const char *id);
/* The actor a person stood for on date ("YYYY-MM-DD", or NULL for the current office);
 * also the role. When no office was held on date: -1 if strict, else the latest office
 * begun before date (or the earliest one). */
int sg_lexicon__person_actor(const sg_lexicon *lex, int person, const char *date,
                             const char **role, int strict);

#endif

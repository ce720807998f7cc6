/* lexicon_load.h - what the JSON loader (lexicon.c) hands to the compiler (trie.c):
 * phrases with their meaning, and actor ids to resolve once every file is loaded. */
#ifndef SG_LEXICON_LOAD_H
#define SG_LEXICON_LOAD_H

#include "lexicon/lexicon_internal.h"

/* A phrase queued for the trie: its text as written and one meaning. */
typedef struct sg_pending_phrase {
    char *text;
    sg_phrase_meaning meaning;
} sg_pending_phrase;

/* Queue phrase text with one meaning. Returns 0, or -1 when out of memory. */
int sg_lexicon__add_phrase(sg_lexicon *lex, const char *text, sg_phrase_kind kind, int data,
                           int data2, int requires);
/* Queue the actor id of office k of person p / of member k of group g; file names the
 * lexicon file for error messages. */
int sg_lexicon__add_actor_ref(sg_lexicon *lex, int person, int office, const char *actor_id,
                              const char *file);
int sg_lexicon__add_group_ref(sg_lexicon *lex, int group, int member, const char *actor_id,
                              const char *file);
void sg_lexicon__free_pending(sg_lexicon *lex);
/* Forget the queued term and anaphor phrases of topic t (a --topics file redefines it). */
void sg_lexicon__drop_topic_phrases(sg_lexicon *lex, int t);

/* acts.c: give every topic its act (named, or derived from its terms and label) and queue
 * the act's cues and anaphors; called by sg_lexicon_finish before the trie is built. */
sg_status sg_lexicon__derive_acts(sg_lexicon *lex, sg_error *err);
/* Index of an act class id, or -1. */
int sg_lexicon__act_index(const sg_lexicon *lex, const char *id);

#endif

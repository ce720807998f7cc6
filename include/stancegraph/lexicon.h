/* lexicon.h - the lexicon: actors, people with offices, roles, groups, sources, stance
 * cues, negators, hedges, deferrals, topics. Loaded from JSON (see docs/lexicon.md),
 * validated, and compiled into one phrase trie for the extractor. Parses no text.
 *
 * A loaded lexicon is immutable and may be shared by several extraction threads.
 */
#ifndef SG_LEXICON_H
#define SG_LEXICON_H

#include <stddef.h>
#include "stancegraph/error.h"

typedef struct sg_lexicon sg_lexicon;

/* Where the default lexicon lives: $STANCEGRAPH_DATA/lexicon when set; else, for an
 * installed library, PREFIX/share/stancegraph/lexicon of the installation it was loaded
 * from (then the configured data directory); for an uninstalled build (code running from
 * its build directory), the source tree's data/lexicon. Returns a static string; NULL
 * when none exists. docs/library.md gives the whole lookup order. */
SG_API const char *sg_lexicon_default_path(void);

/* Create an empty lexicon. */
SG_API SG_NODISCARD sg_status sg_lexicon_new(sg_lexicon **out, sg_error *err);

/* Merge a JSON file, or every *.json file of a directory in name order, into lex.
 * Errors name the file (and line, for malformed JSON) and the problem. */
SG_API SG_NODISCARD sg_status sg_lexicon_add_path(sg_lexicon *lex, const char *path, sg_error *err);

/* Merge one JSON document (name is used in errors). */
SG_API SG_NODISCARD sg_status sg_lexicon_add_json(sg_lexicon *lex, const char *json, size_t len,
                                                  const char *name, sg_error *err);

/* Check cross-references (people -> actors, group members, topic bodies) and build the
 * matcher. Must be called once after the last add; the lexicon is then read-only. */
SG_API SG_NODISCARD sg_status sg_lexicon_finish(sg_lexicon *lex, sg_error *err);

/* Convenience: new + add_path(path or the default) + add_path(topics, may be NULL)
 * + finish. */
SG_API SG_NODISCARD sg_status sg_lexicon_load(sg_lexicon **out, const char *path,
                                              const char *topics_path, sg_error *err);

SG_API void sg_lexicon_free(sg_lexicon *lex);

/* Counts for `stancegraph lexicon check`. */
typedef struct sg_lexicon_stats {
    size_t actors, people, roles, groups, sources, cues, topics, phrases;
} sg_lexicon_stats;
SG_API void sg_lexicon_stats_get(const sg_lexicon *lex, sg_lexicon_stats *out);

/* 1 when the lexicon defines topic id. */
SG_API int sg_lexicon_has_topic(const sg_lexicon *lex, const char *topic_id);
/* The deciding body of a topic ("NATO"), its rule ("unanimity") and every member actor
 * id the body lists, whatever the dates of the membership terms (an id may repeat);
 * NULL/0 when the topic names none. Pointers are borrowed from lex. For the members on
 * a date, with vetoes and population, use sg_lexicon_decision_get. */
SG_API void sg_lexicon_topic_decision(const sg_lexicon *lex, const char *topic_id,
                                      const char **body, const char **rule,
                                      const char *const **members, size_t *n_members);
/* A topic's decision on a date: the body, its rule, and the members whose membership
 * term covers the date (for a NULL date: members without an end date), with a veto flag
 * per member (NULL when no member holds one) and, for "qualified-majority", a population
 * figure per member and the data set's source. Strings are borrowed from lex; the arrays
 * are the caller's: sg_lexicon_decision_destroy(). */
typedef struct sg_lexicon_decision {
    const char *body, *rule;       /* NULL when the topic names no decision */
    const char **members;
    double *weights;               /* NULL unless the rule weighs members */
    int *veto;                     /* NULL when no member holds a veto */
    size_t n_members;
    const char *weight_source;
} sg_lexicon_decision;

/* Fill *out (all NULL/0 when topic_id names no decision). date: "YYYY-MM-DD" or NULL.
 * SG_EINPUT when a member has no population figure the rule needs; SG_ENOMEM. */
SG_API SG_NODISCARD sg_status sg_lexicon_decision_get(const sg_lexicon *lex, const char *topic_id,
                                                      const char *date, sg_lexicon_decision *out,
                                                      sg_error *err);
SG_API void sg_lexicon_decision_destroy(sg_lexicon_decision *d);

/* 1 when rule is a decision rule the analysis knows; sg_lexicon_rule_names() lists them
 * ("unanimity, majority, ..."), for messages. */
SG_API int sg_lexicon_rule_known(const char *rule);
SG_API const char *sg_lexicon_rule_names(void);

/* Built-in topics that the --topics file of sg_lexicon_load redefined (its definition
 * replaced theirs), for a note on stderr. */
SG_API size_t sg_lexicon_overridden_count(const sg_lexicon *lex);
SG_API const char *sg_lexicon_overridden_topic(const sg_lexicon *lex, size_t i);

/* Label of a topic, or NULL. */
SG_API const char *sg_lexicon_topic_label(const sg_lexicon *lex, const char *topic_id);
/* Number of topics and the id of topic i (0 <= i < count). */
SG_API size_t sg_lexicon_topic_count(const sg_lexicon *lex);
SG_API const char *sg_lexicon_topic_id(const sg_lexicon *lex, size_t i);
/* The act class of a topic ("recognition", or the topic's own id for an act its file
 * spells out), or NULL when it has none; *how (may be NULL) is "named", "terms", "label" or
 * "fallback" (no act in its terms or label: the generic act of doing and stopping). */
SG_API const char *sg_lexicon_topic_act(const sg_lexicon *lex, const char *topic_id,
                                        const char **how);
/* 1 when the topic is the undoing of its act ("lifting sanctions on X": imposing them
 * opposes the topic, lifting them supports it), else 0. */
SG_API int sg_lexicon_topic_act_undone(const sg_lexicon *lex, const char *topic_id);

/* Canonical actor id for a name or alias ("USA" -> "United States"), or NULL. */
SG_API const char *sg_lexicon_actor_lookup(const sg_lexicon *lex, const char *name);

#endif

/* eval.h - scoring statements against hand-coded gold stances (the format of the
 * dev corpus' gold.jsonl), the way ../shared/eval/score.py does: per document and actor
 * the statements on the document's topic (no target) are summed as stance x weight;
 * > 0 is support, < 0 oppose, 0 neutral. Knows nothing of how statements were made.
 */
#ifndef SG_EVAL_H
#define SG_EVAL_H

#include <stddef.h>
#include "stancegraph/error.h"
#include "stancegraph/statements.h"

typedef struct sg_eval sg_eval;

/* Maps an actor name as written to its canonical id (NULL = keep as is). */
typedef const char *(*sg_eval_canon_fn)(void *ctx, const char *name);

/* Load gold documents from JSONL text: {"file","topic","stances":[{"actor","stance"}]}. */
SG_API SG_NODISCARD sg_status sg_eval_new(sg_eval **out, const char *gold_jsonl, size_t len,
                                          const char *name, sg_eval_canon_fn canon, void *canon_ctx,
                                          sg_error *err);
SG_API void sg_eval_free(sg_eval *ev);

/* Number of gold documents, and the file name and topic of document i. */
SG_API size_t sg_eval_n_docs(const sg_eval *ev);
SG_API const char *sg_eval_doc_file(const sg_eval *ev, size_t i);
SG_API const char *sg_eval_doc_topic(const sg_eval *ev, size_t i);

/* Score the statements predicted for gold document i (statements of other documents
 * must not be passed). May be called once per document. */
SG_API SG_NODISCARD sg_status sg_eval_add(sg_eval *ev, size_t i, const sg_statement_list *pred,
                                          sg_error *err);

typedef struct sg_eval_result {
    size_t tp, fp, fn;            /* (doc, actor, stance) */
    size_t actor_tp, actor_fp, actor_fn; /* (doc, actor) */
    double precision, recall, f1, actor_precision, actor_recall, actor_f1;
} sg_eval_result;

SG_API void sg_eval_result_get(const sg_eval *ev, sg_eval_result *out);

/* The report as text: misses per document, the figures, and a per-actor confusion
 * table (gold stance x predicted stance, "-" for missing). *out is malloc'd. */
SG_API SG_NODISCARD sg_status sg_eval_report(const sg_eval *ev, char **out);

#endif

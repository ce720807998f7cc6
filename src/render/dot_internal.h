/* dot_internal.h - cgraph helpers shared by the diagram builders (dot.c: camps;
 * chart.c: two-mode and timeline). Attribute values are copied by cgraph; text from
 * the report goes through sg_buf_text before it becomes a label or tooltip.
 */
#ifndef SG_DOT_INTERNAL_H
#define SG_DOT_INTERNAL_H

#include "render/gv_internal.h"

/* At most this many sentences in one tooltip (the HTML report shows them all). */
#define SG_DOT_MAX_EVIDENCE 8

/* The disciplines of our graphs: an I/O discipline whose putstr appends to the sg_buf
 * passed to agwrite, and an ID discipline that numbers names in creation order, so that
 * subgraphs (visited in ID order) come out the same in every run. */
typedef struct sg_dot_disc {
    Agdisc_t disc;
    Agiodisc_t io;
    Agiddisc_t id;
} sg_dot_disc;

void sg_dot_disc_init(sg_dot_disc *d);
/* agwrite g as DOT into b. */
sg_status sg_dot_write(sg_buf *b, Agraph_t *g, sg_error *err);

/* Set an attribute, declaring it (default "") when new. */
void sg_dot_set(void *obj, const char *name, const char *value);
/* Set from a buffer, then empty the buffer for reuse. */
void sg_dot_setbuf(void *obj, const char *name, sg_buf *b);
void sg_dot_setnum(void *obj, const char *name, double x, int decimals);
/* Set an HTML-like label (only for fixed text made here, never article text). */
void sg_dot_sethtml(Agraph_t *root, void *obj, const char *name, const char *html);
Agnode_t *sg_dot_fresh_node(Agraph_t *g, const char *base);
/* The node of an actor: its id made valid UTF-8 without control characters, made
 * unique (trailing "_") if another node already has that name. */
Agnode_t *sg_dot_actor_node(Agraph_t *g, const char *id);

/* Fill colour of a stance. */
const char *sg_dot_fill(sg_rstance s);
/* Title, date range, subtitle (already escaped), layout, deterministic start, fonts. */
/* Longest title line on diagrams, in characters. */
#define SG_DOT_TITLE_WIDTH 72
/* Append plain text as an escaped Graphviz label, broken into lines of at most width
 * characters at spaces ("\n" between them). */
void sg_dot_wrap(sg_buf *b, const char *text, size_t width);
void sg_dot_graph_defaults(Agraph_t *g, const sg_report *r, const sg_render_options *opts,
                           const char *engine, const char *subtitle);
/* Label, fill, size by evidence, blocker mark, id "actor-<index>", tooltip, data. */
/* Style an actor node; its size grows with its statements relative to the busiest actor
 * (max_statements), capped, so that a large corpus does not give huge nodes. */
void sg_dot_style_actor(Agnode_t *n, const sg_ractor *a, size_t index, long max_statements);
/* The most statements any actor of r has (at least 1). */
long sg_dot_max_statements(const sg_report *r);
/* One tooltip line for an evidence statement. */
void sg_dot_evidence_line(sg_buf *b, const sg_rev *e, int with_mention);
/* The legend cluster: stance fills, blockers (unless twomode), edge styles. */
void sg_dot_legend(Agraph_t *g, int edges, int twomode);

sg_status sg_dot_build_twomode(Agraph_t *g, const sg_report *r, const sg_render_options *opts,
                               const char *engine, sg_error *err);
sg_status sg_dot_build_timeline(Agraph_t *g, const sg_report *r, const sg_render_options *opts,
                                sg_error *err);

#endif

/* gv_internal.h - the render module's only doorway to cgraph and gvc: the one cast that
 * cgraph 2.42's char * API needs, the capture of Graphviz messages, and in-process
 * layout and rendering. Only src/render/ includes Graphviz headers.
 */
#ifndef SG_GV_INTERNAL_H
#define SG_GV_INTERNAL_H

#include <graphviz/cgraph.h>

#include "render/render_internal.h"

/* cgraph 2.42 declares char * for names and values it only reads (agnode, agsafeset,
 * agattr ...): this is the one place the const is dropped. */
static inline char *sg_cg(const char *s)
{
    return (char *)s;
}

/* While active, Graphviz messages (agerr) are kept instead of printed. Nestable only
 * in the sense that end restores what begin replaced. */
typedef struct sg_gv_capture {
    agusererrf prev;
} sg_gv_capture;

void sg_gv_capture_begin(sg_gv_capture *c);
void sg_gv_capture_end(sg_gv_capture *c);
/* The first error (else the last warning) Graphviz reported since capture began. */
const char *sg_gv_last_message(void);

/* SG_OK when Graphviz has this layout engine, else SG_EUSAGE listing those it has. */
sg_status sg_gv_engine_valid(const char *engine, sg_error *err);

/* Lay g out with engine and append it rendered in format ("svg", "png", "pdf") to b.
 * The layout is freed again; g keeps only its attributes. */
sg_status sg_gv_render(sg_buf *b, Agraph_t *g, const char *engine, const char *format,
                       sg_error *err);

#endif

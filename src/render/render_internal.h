/* render_internal.h - what the files of the render module share: the report model read
 * from report.json, a growable output buffer with the escapers every writer uses, and
 * the Graphviz entry points.
 *
 * Every string in the model is borrowed from the cJSON tree held by sg_report.root and
 * lives as long as the report. Text from articles reaches an output only through the
 * escapers below (XML/HTML, CSV, DOT label text): no writer copies it raw.
 */
#ifndef SG_RENDER_INTERNAL_H
#define SG_RENDER_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

#include "stancegraph/error.h"
#include "stancegraph/render.h"

/* ---- output buffer ------------------------------------------------------------- */

/* A growable byte buffer. Appends never fail visibly: on allocation failure the buffer
 * sets oom and ignores further appends, so writers check once at the end. data is
 * always NUL-terminated when len > 0 or after sg_buf_finish. */
typedef struct sg_buf {
    char *data;
    size_t len; /* bytes used, without the terminating NUL */
    size_t cap; /* bytes allocated */
    int oom;    /* 1 after an allocation failed */
} sg_buf;

void sg_buf_init(sg_buf *b);
void sg_buf_free(sg_buf *b);
void sg_buf_put(sg_buf *b, const char *s, size_t n);
void sg_buf_puts(sg_buf *b, const char *s);
void sg_buf_printf(sg_buf *b, const char *fmt, ...) SG_PRINTF(2, 3);
/* Hand the buffer to the caller (*out, *out_len; free() it) and reset b.
 * Returns SG_ENOMEM (and frees) when an append had failed. */
sg_status sg_buf_finish(sg_buf *b, char **out, size_t *out_len, sg_error *err);

/* Append s as XML/HTML character data or attribute value: & < > " ' become references,
 * invalid UTF-8 becomes U+FFFD, control characters XML 1.0 cannot carry are dropped
 * (tab, newline and carriage return are kept). NULL appends nothing. */
void sg_buf_xml(sg_buf *b, const char *s);
/* Append s as one RFC 4180 CSV field: quoted when it holds a comma, quote, CR or LF,
 * with quotes doubled. Invalid UTF-8 becomes U+FFFD. NULL is an empty field. */
void sg_buf_csv(sg_buf *b, const char *s);
/* How sg_buf_text treats backslashes, which Graphviz reads as escapes (\N, \G, \l ...). */
typedef enum sg_text_mode {
    SG_TEXT_RAW = 0,     /* kept: for attributes Graphviz does not interpret */
    SG_TEXT_LABEL = 1,   /* doubled: labels show one backslash */
    SG_TEXT_TOOLTIP = 2  /* shown as U+2216 (looks alike): Graphviz expands tooltip escapes
                            even when doubled, so no backslash may reach a tooltip */
} sg_text_mode;

/* Append s as plain text safe for a Graphviz string attribute: valid UTF-8 (invalid
 * bytes become U+FFFD), control characters turned into spaces, backslashes per mode. */
void sg_buf_text(sg_buf *b, const char *s, sg_text_mode mode);
/* Append at most max_chars characters of s (UTF-8 aware) through sg_buf_text, with
 * "..." when cut. */
void sg_buf_text_cut(sg_buf *b, const char *s, size_t max_chars, sg_text_mode mode);
/* Append a number with fixed formatting ("%.*f" with trailing zeros trimmed). */
void sg_buf_num(sg_buf *b, double x, int decimals);

/* ---- the report model ---------------------------------------------------------- */

typedef enum sg_rstance { SG_RS_SUPPORT, SG_RS_OPPOSE, SG_RS_NEUTRAL } sg_rstance;

typedef struct sg_rev {     /* one evidence statement (actors[].evidence[]) */
    const char *id, *doc, *date, *source, *topic, *cue, *mention, *text; /* NULL = absent */
    int stance;             /* -1, 0, +1 */
    double weight;          /* 1 when absent */
} sg_rev;

typedef struct sg_rtopic {  /* an actor's stance on one topic (two-mode diagram) */
    const char *topic;
    double score;
    long n;                 /* statements behind it */
} sg_rtopic;

typedef struct sg_ractor {
    const char *id;
    sg_rstance stance;
    double score;
    long statements, support, oppose, neutral; /* -1 when absent */
    int has_interval;
    double interval[2];
    long camp;              /* 0 = in no camp */
    double betweenness;     /* -1 when absent */
    int swing;              /* -1 absent, 0, 1 */
    int blocker;            /* listed in blocking.blockers */
    sg_rev *ev;
    size_t n_ev;
    sg_rtopic *topics;      /* from "stances" when present, else from evidence */
    size_t n_topics;
} sg_ractor;

typedef struct sg_rcamp {
    long id;
    const char **members;
    size_t n_members;
    const char *stance;     /* NULL when absent */
    int unaligned;          /* the group of actors tied to no camp */
} sg_rcamp;

typedef struct sg_redge {
    const char *source, *target;
    size_t src, dst;        /* indexes into actors */
    double weight;
    int sign;
    const char *kind;       /* NULL when absent */
    int between_camps;      /* -1 absent */
    const char **evidence;  /* statement ids */
    size_t n_evidence;
} sg_redge;

typedef struct sg_rtmedge { /* an actor - topic tie of a two-mode network */
    const char *actor, *topic;
    size_t a;               /* index into actors */
    double weight;
    int sign;
} sg_rtmedge;

typedef struct sg_rwin_actor {
    const char *id;
    sg_rstance stance;
    double score;
    long statements;        /* -1 when absent */
} sg_rwin_actor;

typedef struct sg_rwindow {
    const char *id, *start, *end; /* NULL when absent */
    sg_rwin_actor *actors;
    size_t n_actors;
} sg_rwindow;

typedef struct sg_report {
    void *root;             /* the cJSON tree that owns every string below */
    const char *name;       /* input name for messages, "" when none */
    const char **topics;
    size_t n_topics;
    const char *date_from, *date_to; /* NULL when absent */
    const char *method;
    long seed;              /* -1 when absent */
    sg_ractor *actors;      /* in report order (sorted by id) */
    size_t n_actors;
    sg_rcamp *camps;
    size_t n_camps;
    sg_redge *edges;
    size_t n_edges;
    sg_rtmedge *tm;         /* "twomode_edges" (two-mode networks) */
    size_t n_tm;
    const void *balance;    /* cJSON object or NULL */
    const void *blocking;   /* cJSON object or NULL (null in the report) */
    const char *block_body, *block_rule;
    int block_passes;       /* -1 unknown */
    const char *block_outcome;      /* "passes", "blocked", "undecided" or NULL */
    long block_needed, block_supporters, block_members; /* -1 when absent */
    double pop_support, pop_oppose; /* shares 0..1, -1 when absent */
    const char **blockers, **undecided, **minority, **opponents;
    size_t n_blockers, n_undecided, n_minority, n_opponents;
    const char *title;      /* the report's "title", or NULL */
    sg_rwindow *windows;
    size_t n_windows;
    const sg_rev **ev_index; /* every evidence statement, sorted by id, for lookups */
    size_t n_ev_index;
} sg_report;

/* Parse and check a report document. name is used in messages (may be NULL).
 * On failure the report is left empty (sg_report_destroy is still safe). */
sg_status sg_render__report_parse(sg_report *r, const char *json, size_t len,
                                  const char *name, sg_error *err);
void sg_render__report_destroy(sg_report *r);
/* The evidence statement with this id, or NULL. */
const sg_rev *sg_render__report_evidence(const sg_report *r, const char *id);
/* Index of the actor with this id, or (size_t)-1. */
size_t sg_render__report_actor(const sg_report *r, const char *id);
/* The camp with this id, or NULL. */
const sg_rcamp *sg_render__report_camp(const sg_report *r, long id);
/* "support" / "oppose" / "neutral". */
const char *sg_render__stance_name(sg_rstance s);
/* Call fn for each member of the report's "balance" object, in document order, with
 * the value as display text (numbers with up to 6 decimals, true/false, strings). */
void sg_render__balance_each(const sg_report *r,
                             void (*fn)(void *ctx, const char *key, const char *value),
                             void *ctx);
/* Pretty-print the report document (validated by parsing). */
sg_status sg_render__json(sg_buf *b, const sg_report *r, sg_error *err);

/* ---- writers ------------------------------------------------------------------- */

/* Which diagram to build with cgraph. */
typedef enum sg_diagram { SG_DIAGRAM_CAMPS, SG_DIAGRAM_TWOMODE, SG_DIAGRAM_TIMELINE } sg_diagram;

/* Build the diagram with cgraph, then write it as DOT (format NULL) or lay it out with
 * engine (NULL = automatic) and render it in a Graphviz output format ("svg", "png",
 * "pdf"). Appends to b. */
sg_status sg_render__diagram(sg_buf *b, const sg_report *r, sg_diagram kind,
                             const sg_render_options *opts, const char *format,
                             sg_error *err);
sg_status sg_render__graphml(sg_buf *b, const sg_report *r, sg_error *err);
sg_status sg_render__csv_nodes(sg_buf *b, const sg_report *r, sg_error *err);
sg_status sg_render__csv_edges(sg_buf *b, const sg_report *r, sg_error *err);
/* The adjacency matrix (actors x actors, or actors x topics when twomode) as CSV in
 * DNA's layout, or as UCINET DL when dl. */
sg_status sg_render__matrix(sg_buf *b, const sg_report *r, int twomode, int dl,
                            sg_error *err);
sg_status sg_render__html(sg_buf *b, const sg_report *r, sg_diagram kind,
                          const sg_render_options *opts, sg_error *err);

/* The title drawn on diagrams and pages: opts->title, else "Stances on T1, T2". */
void sg_render__title(sg_buf *b, const sg_report *r, const sg_render_options *opts);
/* The decision in one plain-text sentence, unescaped ("NATO (unanimity): blocked:
 * Germany can stop it alone"); nothing when the report names no deciding body. */
void sg_render__decision(sg_buf *b, const sg_report *r);
/* The date range as "2024-11-01 to 2024-11-30" (or one date), "" when unknown. */
void sg_render__dates(sg_buf *b, const sg_report *r);

/* Okabe-Ito colours, safe for the common colour-vision deficiencies. */
#define SG_COLOR_SUPPORT "#0072B2"   /* blue */
#define SG_COLOR_OPPOSE "#D55E00"    /* vermillion */
#define SG_COLOR_NEUTRAL "#F0E442"   /* yellow */
#define SG_COLOR_ALIGN "#009E73"     /* bluish green: alignment edges */
#define SG_COLOR_CONFLICT "#CC79A7"  /* reddish purple: conflict edges */

#endif

/* render.h - draw and export a stancegraph report (report.json).
 *
 * The render module turns the report document written by `analyze` (see docs/formats.md
 * and docs/report.schema.json) into a diagram (DOT built with cgraph, laid out in-process
 * by Graphviz into SVG, PNG or PDF), an exchange file (GraphML, CSV node or edge list,
 * pretty JSON) or one self-contained offline HTML page. It computes no analysis: camps,
 * stances and blockers are read from the report as they are.
 *
 * Thread-safety: Graphviz keeps process-global state (error hooks, plugin tables), so
 * sg_render() must not run on two threads at once. Output is deterministic: the same
 * report and options give byte-identical output, run to run.
 */
#ifndef SG_RENDER_H
#define SG_RENDER_H

#include <stddef.h>

#include "stancegraph/error.h"

typedef enum sg_render_format {
    SG_RENDER_DOT,       /* Graphviz DOT, not laid out */
    SG_RENDER_SVG,       /* laid out by Graphviz */
    SG_RENDER_PNG,       /* laid out by Graphviz (cairo) */
    SG_RENDER_PDF,       /* laid out by Graphviz (cairo) */
    SG_RENDER_GRAPHML,   /* all node and edge attributes, for Gephi, igraph, NetworkX */
    SG_RENDER_CSV_NODES, /* one row per actor, RFC 4180 */
    SG_RENDER_CSV_EDGES, /* one row per edge, RFC 4180 */
    SG_RENDER_HTML,      /* one offline page: diagram, camps, tables, evidence */
    SG_RENDER_JSON,      /* the report itself, validated and pretty-printed */
    SG_RENDER_MATRIX,    /* adjacency matrix as CSV in DNA/rDNA's layout (labels in the
                            first row and column); actor x topic with twomode */
    SG_RENDER_DL         /* the same matrix as UCINET DL (fullmatrix, labels) */
} sg_render_format;

typedef struct sg_render_options {
    const char *engine;     /* Graphviz layout: "dot", "neato", "fdp", "sfdp", ...;
                               NULL = by size (fdp when camps are drawn, neato without,
                               sfdp above SG_RENDER_LARGE_GRAPH actors) */
    const char *title;      /* diagram and page title; NULL = the report's topics */
    int twomode;            /* draw the actor-topic two-mode diagram instead of camps */
    int timeline;           /* draw the per-actor stance-over-time chart (needs the
                               report's "windows"; SG_EINPUT when it has none) */
    const char *input_name; /* file name used in error messages; NULL = none */
    int backbone;           /* lines on the camps diagram: each actor's k strongest ties
                               (by |weight|); 0 = SG_RENDER_BACKBONE, -1 = every tie.
                               Exports (CSV, GraphML, matrices) always hold every tie */
} sg_render_options;

#define SG_RENDER_OPTIONS_INIT {NULL, NULL, 0, 0, NULL, 0}

/* The default backbone: each actor's 3 strongest ties are drawn. */
#define SG_RENDER_BACKBONE 3

/* opts->engine = SG_RENDER_GRID draws the camps diagram without a Graphviz layout engine:
 * actors in camp order on a square grid, pinned, drawn by Graphviz's "nop" (linear time;
 * the fallback when a layout engine fails). The two-mode view uses neato instead. */
#define SG_RENDER_GRID "grid"

/* Above this many actors the automatic engine is sfdp (fdp/neato get slow). */
#define SG_RENDER_LARGE_GRAPH 150

/* Render the report document report_json (len bytes, need not be NUL-terminated) in
 * format fmt. opts may be NULL (defaults).
 * On success *out is a malloc'd buffer of *out_len bytes (free() it), NUL-terminated
 * for the text formats (the terminator is not counted in *out_len).
 * @return SG_OK; SG_EINPUT when the document is not valid JSON, is not a report (a
 *         graph.json gets a message saying to run `analyze` first) or lacks a required
 *         field, or when opts->timeline is set and the report has no windows;
 *         SG_EUSAGE for an unknown engine or an option the format does not take;
 *         SG_ENOMEM; SG_EINTERNAL when Graphviz fails or its plugins are missing.
 *         On failure *out is NULL, *out_len 0 and err says why. */
SG_API SG_NODISCARD sg_status sg_render(char **out, size_t *out_len, const char *report_json,
                                        size_t len, sg_render_format fmt,
                                        const sg_render_options *opts, sg_error *err);

/* A report parsed once, for several outputs (`report` writes seven from one report.json):
 * sg_render() is parse + sg_render_doc_render() + free. */
typedef struct sg_render_doc sg_render_doc;

/* Parse and check report_json (len bytes); input_name is used in messages (may be
 * NULL). On success *out is freed with sg_render_doc_free. Errors as sg_render's. */
SG_API SG_NODISCARD sg_status sg_render_doc_parse(sg_render_doc **out, const char *report_json,
                                           size_t len, const char *input_name,
                                           sg_error *err);
/* Render a parsed report in format fmt, as sg_render does (opts->input_name unused). */
SG_API SG_NODISCARD sg_status sg_render_doc_render(char **out, size_t *out_len,
                                            const sg_render_doc *doc, sg_render_format fmt,
                                            const sg_render_options *opts, sg_error *err);
SG_API void sg_render_doc_free(sg_render_doc *doc);

/* The format for an output path, by extension: .dot/.gv .svg .png .pdf .graphml .html/.htm
 * .json; .csv is the node list, except names ending in "edges.csv" (edges.csv,
 * camps.edges.csv, camps-edges.csv) which are the edge list. Case-insensitive.
 * @return SG_OK, or SG_EUSAGE when the extension is none of these (*out unchanged). */
SG_API SG_NODISCARD sg_status sg_render_format_from_path(sg_render_format *out, const char *path);

/* The format for a name as given to --format: dot svg png pdf graphml csv (= csv-nodes)
 * csv-nodes csv-edges html json. @return SG_OK or SG_EUSAGE. */
SG_API SG_NODISCARD sg_status sg_render_format_from_name(sg_render_format *out, const char *name);

/* The canonical --format name of fmt ("svg", "csv-edges" ...). */
SG_API const char *sg_render_format_name(sg_render_format fmt);

/* Check that the Graphviz plugins the module uses are installed: the layouts dot, neato,
 * fdp, sfdp and nop, and the output formats svg, png and pdf. On failure the message
 * names what is missing (usually fixed by installing the Debian package graphviz, or by
 * running `dot -c` as root to rebuild the plugin configuration).
 * @return SG_OK or SG_EINTERNAL. */
SG_API SG_NODISCARD sg_status sg_render_check_plugins(sg_error *err);

#endif

/* cli_render.h - render a parsed report with Graphviz's layouts kept in a child process
 * (cli_render.c): a crash inside Graphviz becomes a fallback drawing and a warning. */
#ifndef SG_CLI_RENDER_H
#define SG_CLI_RENDER_H

#include "stancegraph/render.h"

/* sg_render_doc_render, except that the formats laid out by Graphviz (SVG, PNG, PDF,
 * HTML) are rendered in a forked child. When Graphviz crashes there (SIGSEGV, SIGBUS,
 * SIGABRT ...), the diagram is drawn again with SG_RENDER_GRID and a warning naming name
 * (the input) is printed; a crash with the grid too is SG_EINTERNAL. The output is the
 * same bytes sg_render_doc_render gives. Call it with no other thread running. */
SG_NODISCARD sg_status sg_cli_render(char **out, size_t *out_len, const sg_render_doc *doc,
                                     sg_render_format fmt, const sg_render_options *opts,
                                     const char *name, sg_error *err);

#endif

/* stancegraph.h - the whole public API in one include: errors, text, lexicon,
 * extraction, statements, graphs, analysis, rendering and evaluation.
 * Build against it with `pkg-config --cflags --libs stancegraph` or CMake's
 * `find_package(stancegraph)` (docs/library.md).
 */
#ifndef SG_STANCEGRAPH_H
#define SG_STANCEGRAPH_H

#include "stancegraph/version.h"
#include "stancegraph/error.h"
#include "stancegraph/text.h"
#include "stancegraph/lexicon.h"
#include "stancegraph/statements.h"
#include "stancegraph/extract.h"
#include "stancegraph/docs.h"
#include "stancegraph/graph.h"
#include "stancegraph/analyze.h"
#include "stancegraph/render.h"
#include "stancegraph/eval.h"

#endif

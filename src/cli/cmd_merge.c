/* cmd_merge.c - `stancegraph merge`: combine partial graph.json files exactly.
 *
 * Each part is the graph of a disjoint set of documents (for example one `build` per
 * shard under GNU parallel or Spark `pipe`). Stance aggregates add up and every network
 * is recomputed from the sums, so the result equals one `build` over all documents
 * (docs/networks.md, "Merging"). Statements JSONL is not merged here: concatenate it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "stancegraph/graph.h"

static sg_status read_graph(const char *path, sg_graph **out, sg_error *err)
{
    char *text = NULL;
    size_t len = 0;
    sg_status rc = sg_cli_read_file(path, &text, &len, err);
    if (rc == SG_OK)
        rc = sg_graph_from_json(out, text, len, sg_cli_name(path), err);
    free(text);
    return rc;
}

static int merge_run(char **paths, size_t n, const char *out_path)
{
    sg_error err;
    sg_error_clear(&err);
    sg_graph **parts = calloc(n, sizeof(sg_graph *));
    const char **names = calloc(n, sizeof(char *));
    sg_graph *merged = NULL;
    sg_outfile out;
    int opened = 0;
    sg_status rc = parts && names ? SG_OK : sg_error_set(&err, SG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; rc == SG_OK && i < n; i++) {
        names[i] = sg_cli_name(paths[i]);
        rc = read_graph(paths[i], &parts[i], &err);
    }
    if (rc == SG_OK)
        rc = sg_graph_merge(&merged, (const sg_graph *const *)parts, n, names, &err);
    if (rc == SG_OK && (rc = sg_out_open(&out, out_path, &err)) == SG_OK)
        opened = 1;
    if (rc == SG_OK)
        rc = sg_graph_write(merged, out.fp, &err);
    if (rc == SG_OK) {
        opened = 0;
        rc = sg_out_commit(&out, &err);
    }
    if (opened)
        sg_out_abort(&out);
    for (size_t i = 0; parts && i < n; i++)
        sg_graph_free(parts[i]);
    free(parts);
    free(names);
    sg_graph_free(merged);
    return rc == SG_OK ? SG_EXIT_OK : sg_cli_fail(&err);
}

int sg_cmd_merge(int argc, char **argv)
{
    const char *out_path = "-";
    int c;
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_merge);
    while ((c = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
        switch (c) {
        case 'o': out_path = optarg; break;
        case 'h': sg_cli_print_help(stdout, &sg_cli_doc_merge); return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_merge, c, argv);
        }
    }
    static char *stdin_only[] = {"-"};
    if (optind >= argc)
        return merge_run(stdin_only, 1, out_path);
    return merge_run(argv + optind, (size_t)(argc - optind), out_path);
}

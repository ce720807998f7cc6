/* cmd_report.c - `stancegraph report`: the whole pipeline in one command. Articles ->
 * statements.jsonl -> graph.json -> report.json -> camps.dot/.svg/.png, report.html,
 * camps.graphml, nodes.csv, edges.csv in one directory, each written atomically. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cli_docs.h"
#include "stancegraph/analyze.h"
#include "stancegraph/graph.h"
#include "stancegraph/render.h"

static const char usage[] =
    "usage: stancegraph report [options] FILE... -o DIR\n"
    "\n"
    "Run the whole pipeline on articles (text or .jsonl documents, '-' for stdin) and\n"
    "write into DIR: statements.jsonl, graph.json, report.json, camps.dot, camps.svg,\n"
    "camps.png, report.html, camps.graphml, nodes.csv and edges.csv.\n"
    "\n"
    SG_CLI_EXTRACT_HELP
    "      --with-relations   also draw actor->actor relations (\"X backs Kyiv\") in the\n"
    "                         network; by default they stay in statements.jsonl only\n"
    "      --method M         camps: auto (default), spinglass or a scalable method\n"
    "      --seed N           seed of the camp detection (default 42)\n"
    "      --engine E         Graphviz layout engine (default: by size)\n"
    "  -o, --output DIR       output directory (created when missing)\n"
    "  -h, --help             show this help\n";

typedef struct out_file {
    const char *name;
    sg_render_format fmt;
} out_file;

static const out_file rendered[] = {
    {"camps.dot", SG_RENDER_DOT},         {"camps.svg", SG_RENDER_SVG},
    {"camps.png", SG_RENDER_PNG},         {"report.html", SG_RENDER_HTML},
    {"camps.graphml", SG_RENDER_GRAPHML}, {"nodes.csv", SG_RENDER_CSV_NODES},
    {"edges.csv", SG_RENDER_CSV_EDGES}};

static sg_status write_in(const char *dir, const char *name, const char *data, size_t len,
                          sg_error *err)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    return sg_cli_write_file(path, data, len, err);
}

static sg_status write_statements(const char *dir, const sg_statement_list *list, sg_error *err)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/statements.jsonl", dir);
    sg_outfile o;
    sg_status rc = sg_out_open(&o, path, err);
    if (rc != SG_OK)
        return rc;
    if ((rc = sg_statements_write(list, o.fp, err)) != SG_OK) {
        sg_out_abort(&o);
        return rc;
    }
    return sg_out_commit(&o, err);
}

typedef struct report_args {
    sg_cli_extract_args x;
    const char *dir, *method, *engine;
    unsigned long seed;
    int have_seed;
    int with_relations;
} report_args;

/* Keep only stances on the question: actor->actor relations ("X backs Kyiv") stay in
 * statements.jsonl and join the camp network only with --with-relations. */
static void drop_relations(sg_statement_list *list)
{
    size_t keep = 0;
    for (size_t i = 0; i < list->n; i++) {
        if (list->items[i].target != NULL) {
            sg_statement_destroy(&list->items[i]);
            continue;
        }
        list->items[keep++] = list->items[i];
    }
    list->n = keep;
}

/* Every diagram and export of report_json into dir, titled with the topic's label. */
static sg_status render_all(const report_args *ra, const sg_lexicon *lex,
                            const char *report_json, sg_error *err)
{
    sg_render_options ro = SG_RENDER_OPTIONS_INIT;
    ro.engine = ra->engine;
    ro.input_name = "report.json";
    char title[512];
    const char *label = ra->x.topic ? sg_lexicon_topic_label(lex, ra->x.topic) : NULL;
    if (label) {
        snprintf(title, sizeof(title), "Stances on %s", label);
        ro.title = title;
    }
    sg_render_doc *doc = NULL; /* parsed once for every output */
    sg_status rc = sg_render_doc_parse(&doc, report_json, strlen(report_json), ro.input_name, err);
    for (size_t i = 0; rc == SG_OK && i < sizeof(rendered) / sizeof(rendered[0]); i++) {
        char *data = NULL;
        size_t len = 0;
        rc = sg_render_doc_render(&data, &len, doc, rendered[i].fmt, &ro, err);
        if (rc == SG_OK)
            rc = write_in(ra->dir, rendered[i].name, data, len, err);
        free(data);
    }
    sg_render_doc_free(doc);
    return rc;
}

static sg_status run(const report_args *ra, char **files, int n_files, sg_error *err)
{
    sg_lexicon *lex = NULL;
    sg_statement_list list;
    sg_statement_list_init(&list);
    sg_graph *g = NULL;
    sg_report *r = NULL;
    char *graph_json = NULL, *report_json = NULL;
    sg_status rc;
    if ((rc = sg_cli_load_lexicon(&lex, &ra->x, err)) != SG_OK ||
        (rc = sg_cli_extract_files(&list, lex, &ra->x, files, n_files, err)) != SG_OK)
        goto done;
    if (mkdir(ra->dir, 0777) != 0 && errno != EEXIST) {
        rc = sg_error_set(err, SG_EIO, ra->dir, 0, "cannot create directory: %s", strerror(errno));
        goto done;
    }
    sg_graph_options go = SG_GRAPH_OPTIONS_INIT;
    sg_decision dec = {NULL, NULL, NULL, 0};
    const char *topics[1] = {ra->x.topic};
    if (ra->x.topic) {
        go.topics = topics;
        go.n_topics = 1;
        sg_lexicon_topic_decision(lex, ra->x.topic, &dec.body, &dec.rule, &dec.members,
                                  &dec.n_members);
        if (dec.body)
            go.decision = &dec;
    }
    sg_analyze_options ao = SG_ANALYZE_OPTIONS_INIT;
    if (ra->method && (rc = sg_camp_method_from_name(&ao.method, ra->method, err)) != SG_OK)
        goto done;
    if (ra->have_seed)
        ao.seed = ra->seed;
    if ((rc = write_statements(ra->dir, &list, err)) != SG_OK)
        goto done;
    if (!ra->with_relations)
        drop_relations(&list);
    if ((rc = sg_graph_build(&g, &list, &go, err)) != SG_OK ||
        (rc = sg_graph_to_json(g, &graph_json, err)) != SG_OK ||
        (rc = write_in(ra->dir, "graph.json", graph_json, strlen(graph_json), err)) != SG_OK ||
        (rc = sg_analyze(&r, g, &ao, err)) != SG_OK ||
        (rc = sg_report_to_json(r, &report_json, err)) != SG_OK ||
        (rc = write_in(ra->dir, "report.json", report_json, strlen(report_json), err)) != SG_OK)
        goto done;
    rc = render_all(ra, lex, report_json, err);
done:
    free(graph_json);
    free(report_json);
    sg_report_free(r);
    sg_graph_free(g);
    sg_statement_list_destroy(&list);
    sg_lexicon_free(lex);
    return rc;
}

int sg_cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {
        SG_CLI_EXTRACT_LONGOPTS,                  {"method", required_argument, NULL, 'm'},
        {"seed", required_argument, NULL, 's'},   {"engine", required_argument, NULL, 'e'},
        {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
        {"with-relations", no_argument, NULL, 'W'}, {NULL, 0, NULL, 0}};
    report_args ra;
    memset(&ra, 0, sizeof(ra));
    sg_cli_extract_args init = SG_CLI_EXTRACT_ARGS_INIT;
    ra.x = init;
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "t:o:j:h", longopts, NULL)) != -1) {
        int done = sg_cli_extract_option(&ra.x, ch, optarg, "report");
        if (done < 0)
            return SG_EXIT_USAGE;
        if (done)
            continue;
        switch (ch) {
        case 'm': ra.method = optarg; break;
        case 'W': ra.with_relations = 1; break;
        case 'e': ra.engine = optarg; break;
        case 'o': ra.dir = optarg; break;
        case 's': {
            char *end = NULL;
            errno = 0;
            ra.seed = strtoul(optarg, &end, 10);
            if (errno || end == optarg || *end)
                return sg_cli_usage_error("report", "--seed needs a non-negative integer");
            ra.have_seed = 1;
            break;
        }
        case 'h': fputs(usage, stdout); return SG_EXIT_OK;
        default: return sg_cli_usage_error("report", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (ra.dir == NULL)
        return sg_cli_usage_error("report", "missing -o DIR");
    if (optind >= argc)
        return sg_cli_usage_error("report", "missing input FILE");
    sg_error err;
    sg_error_clear(&err);
    if (run(&ra, argv + optind, argc - optind, &err) != SG_OK)
        return sg_cli_fail(&err);
    return SG_EXIT_OK;
}

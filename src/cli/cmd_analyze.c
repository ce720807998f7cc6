/* cmd_analyze.c - `stancegraph analyze`: graph.json -> report.json (camps, stance
 * classes, balance, brokers, blockers). Parses options, reads the graph, calls
 * sg_analyze() and writes the report atomically; the analysis lives in src/analyze/.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_feedback.h"
#include "stancegraph/analyze.h"

static const struct option analyze_longopts[] = {
    {"output", required_argument, NULL, 'o'}, {"method", required_argument, NULL, 'm'},
    {"seed", required_argument, NULL, 's'},   {"level", required_argument, NULL, 'l'},
    {"prior", required_argument, NULL, 'p'},  {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static void analyze_help(void)
{
    printf("usage: stancegraph analyze [options] [GRAPH.json]\n"
           "\n"
           "Find the camps, stance classes, balance, brokers and blockers of a graph\n"
           "written by 'stancegraph build' (or 'merge'). GRAPH.json '-' or none reads stdin.\n"
           "\n"
           "  -o, --output FILE   report.json ('-' = stdout, the default)\n"
           "  -m, --method M      auto (default): spinglass up to 300 nodes and 5000 ties,\n"
           "                      else leiden; spinglass (igraph, negative weights);\n"
           "                      leiden (correlation clustering of the signed ties)\n"
           "  -s, --seed N        random seed (default 42): same input and seed, same camps\n"
           "      --level P       credible interval mass (default 0.90)\n"
           "      --prior A       Beta(A, A) prior of the support share (default 0.5)\n"
           "  -h, --help          show this help\n"
           "\n"
           "exit codes: 0 success, 1 usage, 2 input error, 3 internal error\n");
}

static int number_arg(const char *s, double lo, double hi, double *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || errno != 0 || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

static int analyze_parse(int argc, char **argv, sg_analyze_options *opts, const char **out,
                         int *help)
{
    int c;
    double v;
    sg_error err;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:m:s:h", analyze_longopts, NULL)) != -1) {
        switch (c) {
        case 'o': *out = optarg; break;
        case 'm':
            sg_error_clear(&err);
            if (sg_camp_method_from_name(&opts->method, optarg, &err) != SG_OK)
                return sg_cli_usage_error("analyze", "%s", err.message);
            break;
        case 's':
            if (number_arg(optarg, 0, 4294967295.0, &v) != 0 || v != (double)(unsigned long)v)
                return sg_cli_usage_error("analyze", "--seed must be a whole number >= 0");
            opts->seed = (unsigned long)v;
            break;
        case 'l':
            if (number_arg(optarg, 0.01, 0.999, &v) != 0)
                return sg_cli_usage_error("analyze", "--level must be in [0.01, 0.999]");
            opts->interval_level = v;
            break;
        case 'p':
            if (number_arg(optarg, 1e-6, 1e6, &v) != 0)
                return sg_cli_usage_error("analyze", "--prior must be a positive number");
            opts->prior = v;
            break;
        case 'h': *help = 1; return SG_EXIT_OK;
        case ':':
            return sg_cli_usage_error("analyze", "option '%s' needs a value", argv[optind - 1]);
        default: return sg_cli_usage_error("analyze", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind > 1)
        return sg_cli_usage_error("analyze", "one graph at a time (use 'merge' to combine)");
    return SG_EXIT_OK;
}

int sg_cmd_analyze(int argc, char **argv)
{
    sg_analyze_options opts = SG_ANALYZE_OPTIONS_INIT;
    const char *out_path = "-";
    int help = 0;
    int rc = analyze_parse(argc, argv, &opts, &out_path, &help);
    if (rc != SG_EXIT_OK || help) {
        if (help)
            analyze_help();
        return rc;
    }
    const char *in_path = optind < argc ? argv[optind] : "-";
    sg_error err;
    sg_error_clear(&err);
    char *text = NULL;
    size_t len = 0;
    sg_graph *g = NULL;
    sg_report *r = NULL;
    sg_outfile out;
    int opened = 0;
    sg_status st = sg_cli_read_file(in_path, &text, &len, &err);
    if (st == SG_OK)
        st = sg_graph_from_json(&g, text, len, sg_cli_name(in_path), &err);
    free(text);
    if (st == SG_OK)
        st = sg_analyze(&r, g, &opts, &err);
    if (st == SG_OK && (st = sg_out_open(&out, out_path, &err)) == SG_OK)
        opened = 1;
    if (st == SG_OK)
        st = sg_report_write(r, out.fp, &err);
    if (st == SG_OK) {
        opened = 0;
        st = sg_out_commit(&out, &err);
    }
    if (opened)
        sg_out_abort(&out);
    long actors = g ? (long)sg_graph_node_count(g) : -1;
    long camps = r ? (long)sg_report_camp_count(r) : -1;
    sg_report_free(r);
    sg_graph_free(g);
    if (st == SG_OK)
        sg_cli_summary(actors, camps);
    if (st != SG_OK && err.file[0] == '\0' && st == SG_EINPUT)
        snprintf(err.file, sizeof(err.file), "%s", sg_cli_name(in_path));
    return st == SG_OK ? SG_EXIT_OK : sg_cli_fail(&err);
}

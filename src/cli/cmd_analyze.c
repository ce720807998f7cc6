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
#include "cli/cli_options.h"
#include "cli/cli_feedback.h"
#include "stancegraph/analyze.h"

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
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_analyze);
    while ((c = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
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
        default: return sg_cli_bad_option(&sg_cli_doc_analyze, c, argv);
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
            sg_cli_print_help(stdout, &sg_cli_doc_analyze);
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

/* cmd_render.c - `stancegraph render`: draw or export a report.json as DOT, SVG, PNG,
 * PDF, GraphML, CSV, HTML or pretty JSON. Parses options, reads the input whole, renders
 * it (Graphviz's layouts in a child process: cli_render.h) and writes the result
 * atomically; all drawing lives in src/render/.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "cli/cli_render.h"
#include "stancegraph/render.h"

/* Pick the format: --format, else the output's extension, else SVG on stdout. */
static int render_pick_format(sg_render_format *fmt, const char *name, const char *out)
{
    if (name != NULL) {
        if (sg_render_format_from_name(fmt, name) != SG_OK)
            return sg_cli_usage_error("render", "unknown format '%s'", name);
        return SG_EXIT_OK;
    }
    if (strcmp(out, "-") == 0) {
        *fmt = SG_RENDER_SVG;
        return SG_EXIT_OK;
    }
    if (sg_render_format_from_path(fmt, out) != SG_OK)
        return sg_cli_usage_error("render", "cannot tell the format of '%s': use --format or "
                                            "one of .dot .svg .png .pdf .graphml .csv .html .json "
                                            "matrix.csv .dl",
                                  out);
    return SG_EXIT_OK;
}

int sg_cmd_render(int argc, char **argv)
{
    sg_render_options opts = SG_RENDER_OPTIONS_INIT;
    const char *out_path = "-", *format = NULL;
    int c;
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_render);
    while ((c = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
        switch (c) {
        case 'o': out_path = optarg; break;
        case 'f': format = optarg; break;
        case 'e': opts.engine = optarg; break;
        case 't': opts.title = optarg; break;
        case 'M': opts.twomode = 1; break;
        case 'T': opts.timeline = 1; break;
        case 'b': {
            char *end = NULL;
            long k = strtol(optarg, &end, 10);
            if (strcmp(optarg, "all") == 0)
                opts.backbone = -1;
            else if (end != optarg && *end == '\0' && k >= 1 && k <= 1000)
                opts.backbone = (int)k;
            else
                return sg_cli_usage_error("render", "--backbone needs a number 1..1000 or "
                                                    "'all', not '%s'", optarg);
            break;
        }
        case 'h': sg_cli_print_help(stdout, &sg_cli_doc_render); return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_render, c, argv);
        }
    }
    if (argc - optind > 1)
        return sg_cli_usage_error("render", "one report at a time (got %d files)", argc - optind);
    const char *in_path = optind < argc ? argv[optind] : "-";
    sg_render_format fmt;
    int ex = render_pick_format(&fmt, format, out_path);
    if (ex != SG_EXIT_OK)
        return ex;

    sg_error err;
    sg_error_clear(&err);
    char *in = NULL, *out = NULL;
    size_t in_len = 0, out_len = 0;
    opts.input_name = sg_cli_name(in_path);
    sg_cli_add_input(in_path);
    sg_render_doc *doc = NULL;
    sg_status rc = sg_cli_read_file(in_path, &in, &in_len, &err);
    if (rc == SG_OK)
        rc = sg_render_doc_parse(&doc, in, in_len, opts.input_name, &err);
    if (rc == SG_OK) /* Graphviz's layouts in a child process: a crash there is no crash */
        rc = sg_cli_render(&out, &out_len, doc, fmt, &opts, opts.input_name, &err);
    sg_render_doc_free(doc);
    if (rc == SG_OK)
        rc = sg_cli_write_file(out_path, out, out_len, &err);
    free(in);
    free(out);
    if (rc == SG_EUSAGE) {
        char buf[1024];
        sg_error_format(&err, buf, sizeof(buf));
        return sg_cli_usage_error("render", "%s", buf);
    }
    return rc == SG_OK ? SG_EXIT_OK : sg_cli_fail(&err);
}

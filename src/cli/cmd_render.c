/* cmd_render.c - `stancegraph render`: draw or export a report.json as DOT, SVG, PNG,
 * PDF, GraphML, CSV, HTML or pretty JSON. Parses options, reads the input whole, calls
 * sg_render() and writes the result atomically; all drawing lives in src/render/.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "stancegraph/render.h"

static const struct option render_longopts[] = {
    {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
    {"engine", required_argument, NULL, 'e'}, {"title", required_argument, NULL, 't'},
    {"twomode", no_argument, NULL, 'M'},      {"timeline", no_argument, NULL, 'T'},
    {"backbone", required_argument, NULL, 'b'},
    {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
};

static void render_help(void)
{
    printf("usage: stancegraph render [options] [REPORT.json]\n"
           "\n"
           "Draw or export a report written by 'stancegraph analyze' (or 'report').\n"
           "REPORT.json '-' or none reads stdin.\n"
           "\n"
           "  -o, --output FILE   where to write ('-' = stdout, the default); the format\n"
           "                      follows the extension: .dot .svg .png .pdf .graphml\n"
           "                      .csv (actors) *edges.csv (relations) .html .json\n"
           "                      *matrix.csv (DNA matrix) .dl (UCINET); with --twomode\n"
           "                      the matrices are actors x topics\n"
           "  -f, --format F      dot svg png pdf graphml csv csv-nodes csv-edges html json\n"
           "                      matrix dl\n"
           "                      (overrides the extension; default svg on stdout)\n"
           "  -e, --engine E      Graphviz layout: dot neato fdp sfdp circo twopi ...\n"
           "                      (default: dot, which draws the camps; sfdp above %d\n"
           "                      actors; fdp is not reproducible in Graphviz 2.42)\n"
           "  -t, --title T       title of the diagram and page (default: the topics)\n"
           "      --twomode       draw actors and topics (two-mode) instead of camps\n"
           "      --timeline      draw each actor's stance over the report's time windows\n"
           "      --backbone K    lines drawn: each actor's K strongest ties (default 3);\n"
           "                      'all' draws every tie (exports always hold every tie)\n"
           "  -h, --help          show this help\n"
           "\n"
           "Colours (colour-blind safe): supporters blue, opponents vermillion, undecided\n"
           "yellow; camps are shaded boxes; blockers are bold octagons; alignment lines\n"
           "solid green, conflict lines dashed purple, width by weight.\n"
           "exit codes: 0 success, 1 usage, 2 input error, 3 internal error\n",
           SG_RENDER_LARGE_GRAPH);
}

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
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:f:e:t:h", render_longopts, NULL)) != -1) {
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
        case 'h': render_help(); return SG_EXIT_OK;
        case ':': return sg_cli_usage_error("render", "option '%s' needs a value", argv[optind - 1]);
        default: return sg_cli_usage_error("render", "unknown option '%s'", argv[optind - 1]);
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
    sg_status rc = sg_cli_read_file(in_path, &in, &in_len, &err);
    if (rc == SG_OK)
        rc = sg_render(&out, &out_len, in, in_len, fmt, &opts, &err);
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

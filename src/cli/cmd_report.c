/* cmd_report.c - `stancegraph report`: the whole pipeline in one command. Articles ->
 * statements.jsonl -> graph.json -> report.json -> camps.dot/.svg/.png, report.html,
 * camps.graphml, nodes.csv, edges.csv in one directory, built aside and swapped in whole. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "common/num.h"
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

/* The output folder is built aside, in DIR.tmp.XXXXXX next to DIR, and swapped in only
 * when every file is written: a failed run leaves DIR as it was (no mix of new and old
 * files), and a signal removes the staging folder. */
#define MAX_STAGED 16
typedef struct staging {
    char dir[4096];          /* DIR without trailing slashes */
    char tmp[4096];          /* the staging folder, "" when none */
    char files[MAX_STAGED][4096];
    int slots[MAX_STAGED + 1];
    size_t n;
} staging;

static sg_status staging_open(staging *st, const char *dir, sg_error *err)
{
    memset(st, 0, sizeof(*st));
    for (size_t i = 0; i <= MAX_STAGED; i++)
        st->slots[i] = -1;
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (n + 16 >= sizeof(st->dir))
        return sg_error_set(err, SG_EUSAGE, dir, 0, "path too long");
    memcpy(st->dir, dir, n);
    st->dir[n] = '\0';
    struct stat sb;
    if (stat(st->dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
        return sg_error_set(err, SG_EIO, st->dir, 0, "exists and is not a directory");
    if (snprintf(st->tmp, sizeof(st->tmp), "%s.tmp.XXXXXX", st->dir) >= (int)sizeof(st->tmp) ||
        mkdtemp(st->tmp) == NULL) {
        sg_status rc = sg_error_set(err, SG_EIO, st->dir, 0, "cannot create a folder beside it: %s",
                                    strerror(errno));
        st->tmp[0] = '\0';
        return rc;
    }
    /* mkdtemp makes 0700: give the folder the mode mkdir would */
    mode_t mask = umask(0);
    umask(mask);
    chmod(st->tmp, 0777 & ~mask);
    st->slots[MAX_STAGED] = sg_cli_remember(st->tmp, 1);
    return SG_OK;
}

static sg_status write_in(staging *st, const char *name, const char *data, size_t len,
                          sg_error *err)
{
    char final[4096];
    if (snprintf(final, sizeof(final), "%s/%s", st->dir, name) >= (int)sizeof(final))
        return sg_error_set(err, SG_EUSAGE, st->dir, 0, "path too long");
    if (sg_cli_is_input(final))
        return sg_error_set(err, SG_EUSAGE, final, 0,
                            "the output is also an input: refusing to overwrite it");
    if (st->n == MAX_STAGED)
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "too many report files");
    char *path = st->files[st->n];
    if (snprintf(path, sizeof(st->files[0]), "%s/%s", st->tmp, name) >= (int)sizeof(st->files[0]))
        return sg_error_set(err, SG_EUSAGE, st->dir, 0, "path too long");
    sg_status rc = sg_cli_write_file(path, data, len, err);
    if (rc == SG_OK)
        st->slots[st->n++] = sg_cli_remember(path, 0);
    return rc;
}

/* Remove the staging folder and what was written into it. */
static void staging_discard(staging *st)
{
    for (size_t i = 0; i < st->n; i++) {
        unlink(st->files[i]);
        sg_cli_forget(st->slots[i]);
    }
    st->n = 0;
    if (st->tmp[0])
        rmdir(st->tmp);
    sg_cli_forget(st->slots[MAX_STAGED]);
    st->tmp[0] = '\0';
}

/* Swap the staged files in: the whole folder when DIR is absent (one rename), else each
 * file renamed over its old version (other files in DIR are left alone). */
static sg_status staging_commit(staging *st, sg_error *err)
{
    struct stat sb;
    if (stat(st->dir, &sb) != 0 && errno == ENOENT) {
        if (rename(st->tmp, st->dir) == 0) {
            for (size_t i = 0; i < st->n; i++)
                sg_cli_forget(st->slots[i]);
            sg_cli_forget(st->slots[MAX_STAGED]);
            st->n = 0;
            st->tmp[0] = '\0';
            return SG_OK;
        }
    }
    for (size_t i = 0; i < st->n; i++) {
        const char *name = strrchr(st->files[i], '/') + 1;
        char final[4096];
        if (snprintf(final, sizeof(final), "%s/%s", st->dir, name) >= (int)sizeof(final) ||
            rename(st->files[i], final) != 0) {
            sg_status rc = sg_error_set(err, SG_EIO, final, 0, "cannot rename into place: %s",
                                        strerror(errno));
            staging_discard(st);
            return rc;
        }
        sg_cli_forget(st->slots[i]);
        st->files[i][0] = '\0';
    }
    st->n = 0;
    staging_discard(st);
    return SG_OK;
}

static sg_status write_statements(staging *st, const sg_statement_list *list, sg_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem == NULL)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    sg_status rc = sg_statements_write(list, mem, err);
    if (fclose(mem) != 0 && rc == SG_OK)
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    if (rc == SG_OK)
        rc = write_in(st, "statements.jsonl", buf, len, err);
    free(buf);
    return rc;
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
static sg_status render_all(const report_args *ra, staging *st, const sg_lexicon *lex,
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
    for (size_t i = 0; i < sizeof(rendered) / sizeof(rendered[0]); i++) {
        char *data = NULL;
        size_t len = 0;
        sg_status rc = sg_render(&data, &len, report_json, strlen(report_json), rendered[i].fmt,
                                 &ro, err);
        if (rc == SG_OK)
            rc = write_in(st, rendered[i].name, data, len, err);
        free(data);
        if (rc != SG_OK)
            return rc;
    }
    return SG_OK;
}

static sg_status run(const report_args *ra, char **files, int n_files, sg_error *err)
{
    sg_lexicon *lex = NULL;
    sg_statement_list list;
    sg_statement_list_init(&list);
    sg_graph *g = NULL;
    sg_report *r = NULL;
    char *graph_json = NULL, *report_json = NULL;
    staging st;
    memset(&st, 0, sizeof(st));
    for (size_t i = 0; i <= MAX_STAGED; i++)
        st.slots[i] = -1;
    for (int i = 0; i < n_files; i++)
        sg_cli_add_input(files[i]);
    sg_status rc;
    if ((rc = sg_cli_load_lexicon(&lex, &ra->x, err)) != SG_OK ||
        (rc = sg_cli_extract_files(&list, lex, &ra->x, files, n_files, err)) != SG_OK)
        goto done;
    if ((rc = staging_open(&st, ra->dir, err)) != SG_OK)
        goto done;
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
    if ((rc = write_statements(&st, &list, err)) != SG_OK)
        goto done;
    if (!ra->with_relations)
        drop_relations(&list);
    if ((rc = sg_graph_build(&g, &list, &go, err)) != SG_OK ||
        (rc = sg_graph_to_json(g, &graph_json, err)) != SG_OK ||
        (rc = write_in(&st, "graph.json", graph_json, strlen(graph_json), err)) != SG_OK ||
        (rc = sg_analyze(&r, g, &ao, err)) != SG_OK ||
        (rc = sg_report_to_json(r, &report_json, err)) != SG_OK ||
        (rc = write_in(&st, "report.json", report_json, strlen(report_json), err)) != SG_OK)
        goto done;
    if ((rc = render_all(ra, &st, lex, report_json, err)) == SG_OK)
        rc = staging_commit(&st, err);
done:
    staging_discard(&st);
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
            long seed; /* strtoul would wrap "-1" to a huge seed */
            if (!sg_num_parse_long(optarg, 0, 4294967295L, &seed))
                return sg_cli_usage_error("report", "--seed must be a whole number 0..4294967295");
            ra.seed = (unsigned long)seed;
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

/* cmd_report.c - `stancegraph report`: the whole pipeline in one command. Articles ->
 * statements.jsonl -> graph.json -> report.json -> camps.dot/.svg/.png, report.html,
 * camps.graphml, nodes.csv, edges.csv in one directory, all or nothing: everything is
 * written into a temporary directory next to DIR, which then takes DIR's place (files
 * of the user's in an existing DIR are kept); a signal during the run removes the
 * temporary directory and leaves DIR as it was. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "common/num.h"
#include "cli/cli_decision.h"
#include "cli/cli_docs.h"
#include "cli/cli_feedback.h"
#include "cli/cli_render.h"
#include "stancegraph/analyze.h"
#include "stancegraph/graph.h"
#include "stancegraph/render.h"


typedef struct out_file {
    const char *name;
    sg_render_format fmt;
} out_file;

static const out_file rendered[] = {
    {"camps.dot", SG_RENDER_DOT},         {"camps.svg", SG_RENDER_SVG},
    {"camps.png", SG_RENDER_PNG},         {"report.html", SG_RENDER_HTML},
    {"camps.graphml", SG_RENDER_GRAPHML}, {"nodes.csv", SG_RENDER_CSV_NODES},
    {"edges.csv", SG_RENDER_CSV_EDGES}};

/* dir/name into buf; 0, or -1 when it does not fit. */
static int join(char *buf, size_t n, const char *dir, const char *name)
{
    int k = snprintf(buf, n, "%s/%s", dir, name);
    return k < 0 || (size_t)k >= n ? -1 : 0;
}

static sg_status write_in(const char *dir, const char *name, const char *data, size_t len,
                          sg_error *err)
{
    char path[4096];
    if (join(path, sizeof(path), dir, name) != 0)
        return sg_error_set(err, SG_EIO, dir, 0, "path too long");
    return sg_cli_write_file(path, data, len, err);
}

static sg_status write_statements(const char *dir, const sg_statement_list *list, sg_error *err)
{
    char path[4096];
    if (join(path, sizeof(path), dir, "statements.jsonl") != 0)
        return sg_error_set(err, SG_EIO, dir, 0, "path too long");
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
                            const char *report_json, const char *dir, sg_error *err)
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
        rc = sg_cli_render(&data, &len, doc, rendered[i].fmt, &ro, rendered[i].name, err);
        if (rc == SG_OK)
            rc = write_in(dir, rendered[i].name, data, len, err);
        free(data);
    }
    sg_render_doc_free(doc);
    return rc;
}

/* The date the deciding body's members are read on: the latest statement's. */
static const char *latest_date(const sg_statement_list *list)
{
    const char *best = NULL;
    for (size_t i = 0; i < list->n; i++)
        if (list->items[i].date && (best == NULL || strcmp(list->items[i].date, best) > 0))
            best = list->items[i].date;
    return best;
}

#define N_RENDERED (sizeof(rendered) / sizeof(rendered[0]))
#define N_OUTPUTS (3 + N_RENDERED)

/* The name of report's output i (0 <= i < N_OUTPUTS): every file it writes. */
static const char *output_name(size_t i)
{
    static const char *const data[] = {"statements.jsonl", "graph.json", "report.json"};
    return i < 3 ? data[i] : rendered[i - 3].name;
}

/* 1 when name is one of the files report writes. */
static int is_ours(const char *name)
{
    for (size_t i = 0; i < N_OUTPUTS; i++)
        if (strcmp(name, output_name(i)) == 0)
            return 1;
    return 0;
}

/* Remove dir and the files in it (only regular files are expected there). */
static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d != NULL) {
        struct dirent *de;
        char path[4096];
        while ((de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            if (join(path, sizeof(path), dir, de->d_name) == 0)
                unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* A fresh directory next to dir ("DIR.tmp.XXXXXX"), mode as mkdir would give. */
static sg_status make_temp_dir(char *out, size_t n, const char *dir, const char *what,
                               sg_error *err)
{
    int k = snprintf(out, n, "%s.%s.XXXXXX", dir, what);
    if (k < 0 || (size_t)k >= n)
        return sg_error_set(err, SG_EIO, dir, 0, "path too long");
    if (mkdtemp(out) == NULL)
        return sg_error_set(err, SG_EIO, dir, 0, "cannot create a temporary directory next "
                                                 "to it: %s", strerror(errno));
    mode_t mask = umask(0);
    umask(mask);
    chmod(out, 0777 & ~mask);
    return SG_OK;
}

/* Put the finished tmp directory in place of dir, all at once: dir is renamed aside,
 * tmp renamed to dir, then files in the old dir that report does not write (the user's)
 * are moved back in, and the old outputs deleted. On failure dir is restored. */
static sg_status swap_into_place(const char *tmp, const char *dir, sg_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (rename(tmp, dir) != 0)
            return sg_error_set(err, SG_EIO, dir, 0, "cannot rename into place: %s",
                                strerror(errno));
        return SG_OK;
    }
    char aside[4096];
    sg_status rc = make_temp_dir(aside, sizeof(aside), dir, "old", err);
    if (rc != SG_OK)
        return rc;
    rmdir(aside); /* only the unique name is needed */
    if (rename(dir, aside) != 0)
        return sg_error_set(err, SG_EIO, dir, 0, "cannot move the old outputs aside: %s",
                            strerror(errno));
    if (rename(tmp, dir) != 0) {
        rc = sg_error_set(err, SG_EIO, dir, 0, "cannot rename into place: %s", strerror(errno));
        rename(aside, dir);
        return rc;
    }
    DIR *d = opendir(aside);
    if (d != NULL) {
        struct dirent *de;
        char from[4096], to[4096];
        while ((de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
                is_ours(de->d_name))
                continue;
            if ((join(from, sizeof(from), aside, de->d_name) != 0 ||
                 join(to, sizeof(to), dir, de->d_name) != 0 || rename(from, to) != 0) &&
                rc == SG_OK)
                rc = sg_error_set(err, SG_EIO, from, 0, "cannot move back into %s: %s", dir,
                                  strerror(errno));
        }
        closedir(d);
    }
    if (rc == SG_OK)
        remove_tree(aside);
    return rc;
}

/* The staging folder of a run and the paths of every file report may leave in it, all
 * remembered for the signal handler (sg_cli_remember): SIGINT, SIGTERM, SIGHUP, SIGXFSZ
 * or SIGPIPE during a run remove the files, then the folder, and leave DIR as it was.
 * (Temporary files inside it are remembered by sg_out_open as they are made.) */
typedef struct staging {
    char dir[4096];
    char *files[N_OUTPUTS];
    int slots[N_OUTPUTS + 1];
    size_t n_slots;
} staging;

/* Forget the registrations and free the paths (the folder itself is not touched). */
static void staging_forget(staging *st)
{
    for (size_t i = 0; i < st->n_slots; i++)
        sg_cli_forget(st->slots[i]);
    st->n_slots = 0;
    for (size_t i = 0; i < N_OUTPUTS; i++) {
        free(st->files[i]);
        st->files[i] = NULL;
    }
}

static sg_status staging_remember(staging *st, const char *path, int is_dir, sg_error *err)
{
    int slot = sg_cli_remember(path, is_dir);
    if (slot < 0)
        return sg_error_set(err, SG_EINTERNAL, NULL, 0, "too many paths to clean up on signals");
    st->slots[st->n_slots++] = slot;
    return SG_OK;
}

/* Make the staging folder next to dir and remember it with every output path in it.
 * Signals wait meanwhile, so that no folder exists unremembered. On failure nothing is
 * left behind. */
static sg_status staging_open(staging *st, const char *dir, sg_error *err)
{
    memset(st, 0, sizeof(*st));
    sg_cli_signals_defer();
    sg_status rc = make_temp_dir(st->dir, sizeof(st->dir), dir, "tmp", err);
    if (rc != SG_OK) {
        sg_cli_signals_resume();
        return rc;
    }
    rc = staging_remember(st, st->dir, 1, err);
    for (size_t i = 0; rc == SG_OK && i < N_OUTPUTS; i++) {
        size_t n = strlen(st->dir) + strlen(output_name(i)) + 2;
        if ((st->files[i] = malloc(n)) == NULL) {
            rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
            break;
        }
        snprintf(st->files[i], n, "%s/%s", st->dir, output_name(i));
        rc = staging_remember(st, st->files[i], 0, err);
    }
    if (rc != SG_OK) {
        rmdir(st->dir);
        staging_forget(st);
    }
    sg_cli_signals_resume();
    return rc;
}

/* -o must name a directory: refuse "out.json" (a file name) and existing files. */
static int check_output_dir(const char *dir)
{
    static const char *const exts[] = {".json", ".jsonl", ".svg", ".png", ".pdf", ".dot",
                                       ".html", ".csv", ".graphml", ".txt", NULL};
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return sg_cli_usage_error("report", "-o %s exists and is not a directory; report "
                                      "writes a folder of files", dir);
        return SG_EXIT_OK;
    }
    size_t n = strlen(dir);
    for (size_t i = 0; exts[i]; i++) {
        size_t k = strlen(exts[i]);
        if (n > k && strcmp(dir + n - k, exts[i]) == 0)
            return sg_cli_usage_error("report", "-o needs a directory: report writes a folder "
                                      "(statements.jsonl, graph.json, report.json, camps.svg "
                                      "...), not the file '%s'; for one file run 'stancegraph "
                                      "render report.json -o %s'", dir, dir);
    }
    if (strcmp(dir, "-") == 0)
        return sg_cli_usage_error("report", "-o needs a directory, not stdout");
    return SG_EXIT_OK;
}

typedef struct run_out {
    long actors, camps;
} run_out;

/* The pipeline into dir (a fresh temporary directory). */
static sg_status run_into(const report_args *ra, const sg_lexicon *lex, sg_statement_list *list,
                          const char *dir, run_out *res, sg_error *err)
{
    sg_graph *g = NULL;
    sg_report *r = NULL;
    char *graph_json = NULL, *report_json = NULL;
    sg_cli_decision dec;
    sg_status rc = sg_cli_decision_get(&dec, lex, ra->x.topic, latest_date(list), err);
    if (rc != SG_OK)
        return rc;
    sg_graph_options go = SG_GRAPH_OPTIONS_INIT;
    const char *topics[1] = {ra->x.topic};
    if (ra->x.topic) {
        go.topics = topics;
        go.n_topics = 1;
    }
    if (sg_cli_labels_set(&go, lex) != 0) {
        sg_cli_decision_destroy(&dec);
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    }
    if (dec.have)
        go.decision = &dec.d;
    sg_analyze_options ao = SG_ANALYZE_OPTIONS_INIT;
    if (ra->method && (rc = sg_camp_method_from_name(&ao.method, ra->method, err)) != SG_OK)
        goto done;
    if (ra->have_seed)
        ao.seed = ra->seed;
    if ((rc = write_statements(dir, list, err)) != SG_OK)
        goto done;
    if (!ra->with_relations)
        drop_relations(list);
    if ((rc = sg_graph_build(&g, list, &go, err)) != SG_OK ||
        (rc = sg_graph_to_json(g, &graph_json, err)) != SG_OK ||
        (rc = write_in(dir, "graph.json", graph_json, strlen(graph_json), err)) != SG_OK ||
        (rc = sg_analyze(&r, g, &ao, err)) != SG_OK ||
        (rc = sg_report_to_json(r, &report_json, err)) != SG_OK ||
        (rc = write_in(dir, "report.json", report_json, strlen(report_json), err)) != SG_OK)
        goto done;
    rc = render_all(ra, lex, report_json, dir, err);
    res->actors = (long)sg_graph_node_count(g);
    res->camps = (long)sg_report_camp_count(r);
done:
    free(graph_json);
    free(report_json);
    sg_report_free(r);
    sg_graph_free(g);
    sg_cli_decision_destroy(&dec);
    sg_cli_labels_free(&go);
    return rc;
}

static sg_status run(const report_args *ra, char **files, int n_files, run_out *res,
                     sg_error *err)
{
    sg_lexicon *lex = NULL;
    sg_statement_list list;
    sg_statement_list_init(&list);
    staging st;
    sg_status rc;
    for (int i = 0; i < n_files; i++)
        sg_cli_add_input(files[i]);
    if ((rc = sg_cli_load_lexicon(&lex, &ra->x, err)) != SG_OK ||
        (rc = sg_cli_extract_files(&list, lex, &ra->x, files, n_files, err)) != SG_OK)
        goto done;
    if (list.n == 0) {
        rc = sg_error_set(err, SG_EINPUT, n_files == 1 ? sg_cli_name(files[0]) : NULL, 0,
                          "no statements found in %zu document%s%s%s: nothing to analyse, "
                          "nothing written (check --topic and the topic's terms)",
                          sg_cli_document_count(), sg_cli_document_count() == 1 ? "" : "s",
                          ra->x.topic ? " on topic " : "", ra->x.topic ? ra->x.topic : "");
        goto done;
    }
    if ((rc = staging_open(&st, ra->dir, err)) != SG_OK)
        goto done;
    rc = run_into(ra, lex, &list, st.dir, res, err);
    /* the swap renames DIR aside and the staging folder into its place: a signal between
     * the two would leave no DIR at all, so signals wait until it is done */
    sg_cli_signals_defer();
    if (rc == SG_OK)
        rc = swap_into_place(st.dir, ra->dir, err);
    if (rc != SG_OK)
        remove_tree(st.dir);
    staging_forget(&st);
    sg_cli_signals_resume();
done:
    sg_statement_list_destroy(&list);
    sg_lexicon_free(lex);
    return rc;
}

int sg_cmd_report(int argc, char **argv)
{
    report_args ra;
    memset(&ra, 0, sizeof(ra));
    sg_cli_extract_args init = SG_CLI_EXTRACT_ARGS_INIT;
    ra.x = init;
    int ch;
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_report);
    while ((ch = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
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
        case 'h': sg_cli_print_help(stdout, &sg_cli_doc_report); return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_report, ch, argv);
        }
    }
    if (ra.dir == NULL)
        return sg_cli_usage_error("report", "missing -o DIR");
    if (optind >= argc)
        return sg_cli_usage_error("report", "missing input FILE");
    char dir[4096]; /* without trailing slashes: DIR.tmp.XXXXXX must be DIR's sibling */
    snprintf(dir, sizeof(dir), "%s", ra.dir);
    for (size_t n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
        dir[n - 1] = '\0';
    ra.dir = dir;
    int bad = check_output_dir(ra.dir);
    if (bad != SG_EXIT_OK)
        return bad;
    sg_error err;
    sg_error_clear(&err);
    run_out res = {-1, -1};
    if (run(&ra, argv + optind, argc - optind, &res, &err) != SG_OK)
        return sg_cli_fail(&err);
    sg_cli_summary(res.actors, res.camps);
    return SG_EXIT_OK;
}

/* cmd_build.c - `stancegraph build`: statements (JSONL) and/or a signed edge list
 * (CSV) -> graph.json. Streams the input through an sg_graph_builder, so memory grows
 * with actors x topics, not with the number of statements. All aggregation lives in
 * src/graph/; this file parses options, reads lines and writes the output atomically.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cli_decision.h"
#include "cli/cli_feedback.h"
#include "cli/cli_options.h"
#include "common/num.h"
#include "stancegraph/graph.h"
#include "stancegraph/lexicon.h"

#define MAX_LIST 4096

/* "30d", "30", "4w" -> days; -1 when malformed. */
static int parse_days(const char *s)
{
    char num[32];
    size_t n = strlen(s);
    long v;
    int weeks = n > 0 && s[n - 1] == 'w';
    if (n > 0 && (s[n - 1] == 'w' || s[n - 1] == 'd'))
        n--;
    if (n == 0 || n >= sizeof(num))
        return -1;
    memcpy(num, s, n);
    num[n] = '\0';
    if (!sg_num_parse_long(num, 1, weeks ? 100000 / 7 : 100000, &v))
        return -1;
    return (int)(weeks ? v * 7 : v);
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* Which statements `build` keeps, and which variable is the first mode. */
typedef struct build_filter {
    const char *actors[MAX_LIST], *people[MAX_LIST], *sources[MAX_LIST];
    size_t n_actors, n_people, n_sources;
    const char *from, *to;
    int by_person;
    int no_relations;  /* leave out statements with a target (actor->actor relations) */
    size_t dropped;
} build_filter;

typedef struct build_args {
    sg_graph_options opts;
    sg_decision decision;
    const char *out;
    const char *topics[MAX_LIST], *edges[MAX_LIST], *members[MAX_LIST];
    size_t n_topics, n_edges, n_members;
    const char *topics_file, *lexicon;
    build_filter filter;
    char delimiter;
    int directed_edges;
} build_args;

static int in_list(const char *const *list, size_t n, const char *v)
{
    for (size_t i = 0; v && i < n; i++)
        if (strcmp(list[i], v) == 0)
            return 1;
    return 0;
}

/* 1 when s passes the filters; with --variable1 person the speaker becomes the actor. */
static int keep_statement(build_filter *f, sg_statement *s)
{
    int keep = (f->n_actors == 0 || in_list(f->actors, f->n_actors, s->actor)) &&
               (f->n_people == 0 || in_list(f->people, f->n_people, s->person)) &&
               (f->n_sources == 0 || in_list(f->sources, f->n_sources, s->source)) &&
               (f->from == NULL || (s->date && strncmp(s->date, f->from, 10) >= 0)) &&
               (f->to == NULL || (s->date && strncmp(s->date, f->to, 10) <= 0)) &&
               (!f->by_person || (s->person && s->person[0])) &&
               (!f->no_relations || s->target == NULL);
    if (keep && f->by_person) {
        char *t = s->actor;
        s->actor = s->person;
        s->person = t;
    }
    f->dropped += !keep;
    return keep;
}

static build_filter *the_filter; /* the filter of this run (read_statements is a reader_fn) */

/* Feed one JSONL stream to the builder; errors carry the file and line. */
static sg_status read_statements(sg_graph_builder *b, FILE *fp, const char *name,
                                 sg_error *err)
{
    char *line = NULL;
    size_t cap = 0;
    long line_no = 0;
    ssize_t got;
    sg_status rc = SG_OK;
    errno = 0;
    while (rc == SG_OK && (got = getline(&line, &cap, fp)) >= 0) {
        line_no++;
        size_t off = 0, len = (size_t)got;
        if (line_no == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
            off = 3;
        if (is_blank(line + off, len - off))
            continue;
        if (memchr(line + off, '\0', len - off) != NULL) {
            rc = sg_error_set(err, SG_EINPUT, name, line_no, "NUL byte in a JSON line");
            break;
        }
        sg_statement s;
        rc = sg_statement_parse(&s, line + off, len - off, name, line_no, err);
        if (rc != SG_OK)
            break;
        if (the_filter && !keep_statement(the_filter, &s)) {
            sg_statement_destroy(&s);
            continue;
        }
        sg_cli_count_statement(&s);
        rc = sg_graph_builder_add(b, &s, err);
        sg_statement_destroy(&s);
        if (rc != SG_OK && err && err->file[0] == '\0') {
            char msg[sizeof(err->message)];
            memcpy(msg, err->message, sizeof(msg));
            sg_error_set(err, rc, name, line_no, "%s", msg);
        }
    }
    if (rc == SG_OK && ferror(fp))
        rc = sg_error_set(err, SG_EIO, name, line_no, "read error: %s", strerror(errno));
    free(line);
    return rc;
}

typedef sg_status (*reader_fn)(sg_graph_builder *, FILE *, const char *, sg_error *);

static char edge_delimiter = ',';
static int edges_directed;

static sg_status read_edges(sg_graph_builder *b, FILE *fp, const char *name, sg_error *err)
{
    return sg_graph_builder_read_edge_list(b, fp, name, edge_delimiter, edges_directed, err);
}

static sg_status read_path(sg_graph_builder *b, const char *path, reader_fn fn, sg_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    struct stat st;
    if (!is_stdin && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return sg_error_set(err, SG_EUSAGE, path, 0, "is a directory: give the files in it "
                                                     "(%s/*.jsonl)", path);
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (fp == NULL)
        return sg_error_set(err, SG_EIO, path, 0, "cannot open: %s", strerror(errno));
    sg_status rc = fn(b, fp, sg_cli_name(path), err);
    if (!is_stdin)
        fclose(fp);
    return rc;
}

static int push(const char **list, size_t *n, const char *v)
{
    if (*n >= MAX_LIST)
        return sg_cli_usage_error("build", "too many repeated options (at most %d)", MAX_LIST);
    list[(*n)++] = v;
    return SG_EXIT_OK;
}

static int set_option(build_args *a, const char *option, const char *value)
{
    sg_error err;
    sg_error_clear(&err);
    if (sg_graph_option_set(&a->opts, option, value, &err) != SG_OK)
        return sg_cli_usage_error("build", "%s", err.message);
    return SG_EXIT_OK;
}

static int parse_args(build_args *a, int argc, char **argv, int *help)
{
    int c, rc = SG_EXIT_OK, days;
    sg_cli_getopt g;
    sg_cli_getopt_init(&g, &sg_cli_doc_build);
    while (rc == SG_EXIT_OK &&
           (c = getopt_long(argc, argv, g.shortopts, g.longopts, NULL)) != -1) {
        switch (c) {
        case 'o': a->out = optarg; break;
        case 'E': rc = push(a->edges, &a->n_edges, optarg); break;
        case 'n': rc = set_option(a, "network-type", optarg); break;
        case 'Q': rc = set_option(a, "qualifier-aggregation", optarg); break;
        case 'N': rc = set_option(a, "normalization", optarg); break;
        case 'd': rc = set_option(a, "duplicates", optarg); break;
        case 't': rc = push(a->topics, &a->n_topics, optarg); break;
        case 'w':
        case 's':
            if ((days = parse_days(optarg)) < 0)
                return sg_cli_usage_error("build", "--%s must be a number of days like 30d "
                                          "or weeks like 4w, not '%s'",
                                          c == 'w' ? "window" : "step", optarg);
            *(c == 'w' ? &a->opts.window_days : &a->opts.step_days) = days;
            break;
        case 'x': {
            long v;
            if (!sg_num_parse_long(optarg, 0, 1000, &v))
                return sg_cli_usage_error("build", "--max-edge-evidence must be 0..1000");
            a->opts.max_edge_evidence = (size_t)v;
            break;
        }
        case SG_OPT_TOPIC_PARTNERS: {
            char *end = NULL;
            long v = strtol(optarg, &end, 10);
            if (end == optarg || *end || v < 1 || v > 1000000)
                return sg_cli_usage_error("build", "--topic-partners must be 1..1000000");
            a->opts.topic_partners = (size_t)v;
            break;
        }
        case SG_OPT_ALL_PAIRS: a->opts.topic_partners = 0; break;
        case SG_OPT_WINDOW_NETWORKS: a->opts.window_networks = 1; break;
        case 'B': a->decision.body = optarg; break;
        case 'R': a->decision.rule = optarg; break;
        case 'M': rc = push(a->members, &a->n_members, optarg); break;
        case 'T': a->topics_file = optarg; break;
        case 'L': a->lexicon = optarg; break;
        case 'A': rc = push(a->filter.actors, &a->filter.n_actors, optarg); break;
        case 'P': rc = push(a->filter.people, &a->filter.n_people, optarg); break;
        case 'S': rc = push(a->filter.sources, &a->filter.n_sources, optarg); break;
        case 'F':
        case 'U':
            if (!sg_date_valid(optarg))
                return sg_cli_usage_error("build", "--%s needs a real date YYYY-MM-DD, not '%s'",
                                          c == 'F' ? "from" : "to", optarg);
            *(c == 'F' ? &a->filter.from : &a->filter.to) = optarg;
            break;
        case 'V':
            if (strcmp(optarg, "person") != 0 && strcmp(optarg, "actor") != 0 &&
                strcmp(optarg, "organization") != 0 && strcmp(optarg, "organisation") != 0)
                return sg_cli_usage_error("build", "--variable1 must be actor (organization) "
                                          "or person, not '%s'", optarg);
            a->filter.by_person = strcmp(optarg, "person") == 0;
            break;
        case 'D':
            if (strcmp(optarg, ",") == 0 || strcmp(optarg, ";") == 0)
                a->delimiter = optarg[0];
            else if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\t") == 0)
                a->delimiter = '\t';
            else
                return sg_cli_usage_error("build", "--delimiter must be ',', ';' or tab");
            break;
        case 'G': a->directed_edges = 1; break;
        case 'r': a->filter.no_relations = 1; break;
        case 'K': a->opts.stance_evidence = 1; break;
        case 'h': *help = 1; return SG_EXIT_OK;
        default: return sg_cli_bad_option(&sg_cli_doc_build, c, argv);
        }
    }
    if (rc != SG_EXIT_OK)
        return rc;
    if (a->opts.step_days > 0 && a->opts.window_days == 0)
        return sg_cli_usage_error("build", "--step needs --window");
    if ((a->decision.body != NULL) != (a->decision.rule != NULL) ||
        (a->n_members && a->decision.body == NULL))
        return sg_cli_usage_error("build", "--body, --rule and --member go together");
    if (a->decision.rule && !sg_lexicon_rule_known(a->decision.rule))
        return sg_cli_usage_error("build", "unknown --rule '%s' (%s)", a->decision.rule,
                                  sg_lexicon_rule_names());
    if (a->filter.from && a->filter.to && strcmp(a->filter.from, a->filter.to) > 0)
        return sg_cli_usage_error("build", "--from is after --to");
    return SG_EXIT_OK;
}

/* The topic's decision from the lexicon, members read on the latest statement's date. */
static sg_status lexicon_decision(sg_graph_builder *b, const sg_lexicon *lex, const char *topic,
                                  sg_error *err)
{
    char date[11];
    sg_graph_builder_last_date(b, date);
    sg_cli_decision d;
    sg_status rc = sg_cli_decision_get(&d, lex, topic, date, err);
    if (rc == SG_OK && d.have)
        rc = sg_graph_builder_set_decision(b, &d.d, err);
    sg_cli_decision_destroy(&d);
    return rc;
}

/* The lexicon, when --topics/--lexicon is given or --topic names a built-in topic. */
static sg_status maybe_lexicon(sg_lexicon **lex, build_args *a, sg_error *err)
{
    *lex = NULL;
    if (a->topics_file == NULL && a->lexicon == NULL && a->n_topics == 0)
        return SG_OK;
    sg_status rc = sg_lexicon_load(lex, a->lexicon, a->topics_file, err);
    if (rc != SG_OK)
        return rc;
    for (size_t i = 0; i < sg_lexicon_overridden_count(*lex); i++)
        sg_cli_note("%s redefines the built-in topic \"%s\"; its definition is used",
                    a->topics_file, sg_lexicon_overridden_topic(*lex, i));
    if (sg_cli_labels_set(&a->opts, *lex) != 0)
        return sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
    return SG_OK;
}

static int build_run(build_args *a, char **inputs, int n_inputs)
{
    sg_error err;
    sg_error_clear(&err);
    sg_graph_builder *b = NULL;
    sg_lexicon *lex = NULL;
    size_t nodes = 0;
    sg_outfile out;
    int opened = 0;
    for (int i = 0; i < n_inputs; i++)
        sg_cli_add_input(inputs[i]);
    for (size_t i = 0; i < a->n_edges; i++)
        sg_cli_add_input(a->edges[i]);
    the_filter = &a->filter;
    edge_delimiter = a->delimiter ? a->delimiter : ',';
    edges_directed = a->directed_edges;
    sg_status rc = maybe_lexicon(&lex, a, &err);
    if (rc == SG_OK)
        rc = sg_graph_builder_new(&b, &a->opts, &err);
    for (int i = 0; rc == SG_OK && i < n_inputs; i++)
        rc = read_path(b, inputs[i], read_statements, &err);
    if (rc == SG_OK && n_inputs == 0 && a->n_edges == 0)
        rc = read_path(b, "-", read_statements, &err);
    for (size_t i = 0; rc == SG_OK && i < a->n_edges; i++)
        rc = read_path(b, a->edges[i], read_edges, &err);
    if (rc == SG_OK && lex != NULL && a->decision.body == NULL && a->n_topics > 0)
        rc = lexicon_decision(b, lex, a->topics[0], &err);
    if (rc == SG_OK && a->n_edges == 0 && sg_cli_statement_count() == 0)
        rc = sg_error_set(&err, SG_EINPUT, n_inputs == 1 ? sg_cli_name(inputs[0]) : NULL, 0,
                          "no statements%s: nothing to build (an empty graph is not written)",
                          a->filter.dropped ? " pass the filters" : "");
    if (rc == SG_OK && (rc = sg_out_open(&out, a->out, &err)) == SG_OK)
        opened = 1;
    if (rc == SG_OK) /* windows are made as they are written (two in memory at a time) */
        rc = sg_graph_builder_write(b, out.fp, &nodes, &err);
    if (rc == SG_OK) {
        opened = 0;
        rc = sg_out_commit(&out, &err);
    }
    if (opened)
        sg_out_abort(&out);
    long actors = rc == SG_OK ? (long)nodes : -1;
    sg_graph_builder_free(b);
    sg_cli_labels_free(&a->opts);
    sg_lexicon_free(lex);
    if (rc == SG_EUSAGE)
        return sg_cli_usage_error("build", "%s", err.message);
    if (rc == SG_OK)
        sg_cli_summary(actors, -1);
    return rc == SG_OK ? SG_EXIT_OK : sg_cli_fail(&err);
}

int sg_cmd_build(int argc, char **argv)
{
    build_args a; /* ~100 KB of pointers: fine on the stack */
    memset(&a, 0, sizeof(a));
    sg_graph_options defaults = SG_GRAPH_OPTIONS_INIT;
    a.opts = defaults;
    a.out = "-";
    int help = 0;
    int rc = parse_args(&a, argc, argv, &help);
    if (rc != SG_EXIT_OK)
        return rc;
    if (help) {
        sg_cli_print_help(stdout, &sg_cli_doc_build);
        return SG_EXIT_OK;
    }
    if (a.n_topics) {
        a.opts.topics = a.topics;
        a.opts.n_topics = a.n_topics;
    }
    if (a.decision.body) {
        a.decision.members = a.members;
        a.decision.n_members = a.n_members;
        a.opts.decision = &a.decision;
    }
    return build_run(&a, argv + optind, argc - optind);
}

/* blocking.c - would the decision pass, and who can stop it?
 *
 * A graph may name the body that decides, its rule and its members (with population
 * weights for qualified majority, veto holders for the Security Council). Each member's
 * position is its stance class over the graph's topics: support, oppose, or undecided
 * (no statements, or neutral). The rules (docs/render.md has a worked example):
 *   unanimity           every member supports
 *   majority            more than half of the members support
 *   two-thirds          at least two thirds support
 *   qualified-majority  at least 55 % of the members (rounded up) support AND they hold
 *                       at least 65 % of the members' population; when only the
 *                       population test fails, fewer than 4 non-supporting members
 *                       cannot block (TEU Art. 16(4)): the decision still passes
 *   security-council    at least 3/5 of the members (9 of 15) support and no veto holder
 *                       opposes (UN Charter Art. 27(3)); abstaining is no veto
 * Outcome: "passes" when it passes even if every undecided member votes against,
 * "blocked" when it fails even if every undecided member votes for, else "undecided".
 * A blocker is a member whose opposition alone stops the decision (it fails when that
 * member opposes and every other member supports): any opponent under unanimity, an
 * opposing veto holder, nobody under a majority rule of three or more members. When the
 * opponents block together without a blocker among them they are a "blocking minority".
 */
#include "analyze/analyze_internal.h"

#include <stdlib.h>
#include <string.h>

#include "stancegraph/lexicon.h"

typedef enum rule_kind { R_UNANIMITY, R_MAJORITY, R_TWO_THIRDS, R_QMV, R_UNSC } rule_kind;

static int rule_of(const char *rule, rule_kind *out)
{
    static const struct {
        const char *name;
        rule_kind kind;
    } table[] = {{"unanimity", R_UNANIMITY},     {"majority", R_MAJORITY},
                 {"two-thirds", R_TWO_THIRDS},   {"qualified-majority", R_QMV},
                 {"security-council", R_UNSC}};
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (strcmp(rule, table[i].name) == 0) {
            *out = table[i].kind;
            return 0;
        }
    return -1;
}

/* Supporters the rule needs out of n members. */
static size_t needed(rule_kind k, size_t n)
{
    switch (k) {
    case R_UNANIMITY: return n;
    case R_MAJORITY: return n / 2 + 1;
    case R_TWO_THIRDS: return (2 * n + 2) / 3;
    case R_QMV: return (55 * n + 99) / 100;
    case R_UNSC: return (3 * n + 4) / 5;
    }
    return n;
}

/* Does the decision pass when the members with yes[i] vote for it and those with no[i]
 * against (the rest abstain)? */
static int passes(const sg_graph *g, rule_kind k, const unsigned char *yes,
                  const unsigned char *no)
{
    size_t n = g->n_members, n_yes = 0;
    double pop_yes = 0, pop_all = 0;
    int vetoed = 0;
    for (size_t i = 0; i < n; i++) {
        n_yes += yes[i];
        if (g->weights) {
            pop_all += g->weights[i];
            pop_yes += yes[i] ? g->weights[i] : 0;
        }
        vetoed |= g->veto && g->veto[i] && no[i];
    }
    if (n_yes < needed(k, n))
        return 0;
    if (k == R_UNSC)
        return !vetoed;
    if (k == R_QMV && g->weights && pop_all > 0 && pop_yes < 0.65 * pop_all - 1e-9)
        return n - n_yes < 4; /* a blocking minority needs four members */
    return 1;
}

/* Would the decision fail if member o opposed and every other member supported? */
static int blocks_alone(const sg_graph *g, rule_kind k, size_t o, unsigned char *yes,
                        unsigned char *no)
{
    for (size_t i = 0; i < g->n_members; i++) {
        yes[i] = i != o;
        no[i] = i == o;
    }
    return !passes(g, k, yes, no);
}

sg_status sg_analyze__blocking(sg_report *r, sg_error *err)
{
    const sg_graph *g = r->g;
    if (!g->has_decision)
        return SG_OK;
    rule_kind k;
    if (rule_of(g->rule, &k) != 0)
        return sg_error_set(err, SG_EINPUT, NULL, 0, "unknown decision rule '%s' (%s)", g->rule,
                            sg_lexicon_rule_names());
    size_t n = g->n_members;
    r->has_blocking = 1;
    r->need = needed(k, n);
    r->blockers = calloc(n + 1, sizeof(size_t));
    r->undecided = calloc(n + 1, sizeof(size_t));
    r->opponents = calloc(n + 1, sizeof(size_t));
    int *pos = calloc(n + 1, sizeof(int));
    unsigned char *yes = calloc(n + 1, 1), *no = calloc(n + 1, 1);
    sg_status rc = SG_OK;
    if (!r->blockers || !r->undecided || !r->opponents || !pos || !yes || !no) {
        rc = sg_error_set(err, SG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        size_t node;
        pos[i] = sg_graph_find_node(g, g->members[i], &node) == 0 ? r->act[node].cls : 0;
        double w = g->weights ? g->weights[i] : 0;
        r->pop_total += w;
        if (pos[i] > 0) {
            r->n_support++;
            r->pop_support += w;
        } else if (pos[i] < 0) {
            r->opponents[r->n_opponents++] = i;
            r->pop_oppose += w;
        } else {
            r->undecided[r->n_undecided++] = i;
        }
    }
    /* worst case: the undecided vote against; best case: they vote for */
    for (size_t i = 0; i < n; i++) {
        yes[i] = pos[i] > 0;
        no[i] = pos[i] <= 0;
    }
    int pass_worst = passes(g, k, yes, no);
    for (size_t i = 0; i < n; i++) {
        yes[i] = pos[i] >= 0;
        no[i] = pos[i] < 0;
    }
    int pass_best = passes(g, k, yes, no);
    r->outcome = pass_worst ? "passes" : !pass_best ? "blocked" : "undecided";
    for (size_t j = 0; j < r->n_opponents; j++)
        if (blocks_alone(g, k, r->opponents[j], yes, no))
            r->blockers[r->n_blockers++] = r->opponents[j];
    r->minority = !pass_best && r->n_blockers == 0 && r->n_opponents > 0;
done:
    free(pos);
    free(yes);
    free(no);
    return rc;
}

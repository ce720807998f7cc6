#!/usr/bin/env python3
"""gen-synthetic.py - seeded synthetic statements for benchmarking build + analyze.

Writes JSONL statements (docs/formats.md) with a planted camp structure:
ACTORS actors in CAMPS camps; TOPICS topics; each actor speaks on TOPICS_PER_ACTOR
topics (chosen at random), with the same number of statements on each. On every topic
the camps split into two halves on opposite sides (a random balanced split), so ties
inside a camp are positive and ties between camps mostly negative. Each statement takes
its camp's position, flipped with probability FLIP or neutral (0) with probability
NEUTRAL; weights are 0.4..1.0; dates fall in 2024; DIRECT of the statements are direct
relations (a target actor, +1 toward its own camp, -1 otherwise).

With the defaults (1,000,000 statements, 10,000 actors, 1,250 topics, 5 topics per
actor) about 40 actors share each topic, which gives about one million actor pairs with
a non-zero tie. Same arguments, same file, byte for byte.

usage: scripts/gen-synthetic.py [-n STATEMENTS] [-a ACTORS] [-t TOPICS] [--seed N] [-o FILE]
"""
import argparse
import datetime
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--statements", type=int, default=1_000_000)
    ap.add_argument("-a", "--actors", type=int, default=10_000)
    ap.add_argument("-t", "--topics", type=int, default=1_250)
    ap.add_argument("--topics-per-actor", type=int, default=5)
    ap.add_argument("--camps", type=int, default=4)
    ap.add_argument("--flip", type=float, default=0.1)
    ap.add_argument("--neutral", type=float, default=0.05)
    ap.add_argument("--direct", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    if a.actors < 2 or a.topics < 1 or a.statements < 1 or a.topics_per_actor > a.topics:
        ap.error("need 2+ actors, 1+ topics and statements, topics-per-actor <= topics")

    rng = random.Random(a.seed)
    camp_of = [rng.randrange(a.camps) for _ in range(a.actors)]
    # position[t][c]: on every topic the camps split into two halves that take opposite
    # sides (a random balanced split), so two camps agree on about a third of the
    # topics with 4 camps: ties between camps are mostly negative
    position = []
    for _ in range(a.topics):
        order = list(range(a.camps))
        rng.shuffle(order)
        side = rng.choice((1, -1))
        pos = [0] * a.camps
        for i, c in enumerate(order):
            pos[c] = side if i < a.camps // 2 else -side
        position.append(pos)
    topics_of = [rng.sample(range(a.topics), a.topics_per_actor) for _ in range(a.actors)]
    start = datetime.date(2024, 1, 1).toordinal()
    dates = [datetime.date.fromordinal(start + d).isoformat() for d in range(366)]

    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    write = out.write
    per_actor = a.statements // a.actors
    extra = a.statements - per_actor * a.actors
    n = 0
    for actor in range(a.actors):
        camp = camp_of[actor]
        count = per_actor + (1 if actor < extra else 0)
        for k in range(count):
            n += 1
            topic = topics_of[actor][k % a.topics_per_actor]
            weight = round(rng.uniform(0.4, 1.0), 2)
            day = dates[rng.randrange(366)]
            doc = (n - 1) // 10 + 1
            if rng.random() < a.direct:
                other = rng.randrange(a.actors)
                stance = 1 if camp_of[other] == camp else -1
                target = '"actor%05d"' % other
            else:
                r = rng.random()
                stance = position[topic][camp]
                if r < a.neutral:
                    stance = 0
                elif r < a.neutral + a.flip:
                    stance = -stance
                target = "null"
            write('{"id":"s%07d","doc":"doc%06d","date":"%s","source":"synthetic",'
                  '"actor":"actor%05d","topic":"topic%04d","target":%s,"stance":%d,'
                  '"weight":%s}\n' % (n, doc, day, actor, topic, target, stance, weight))
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()

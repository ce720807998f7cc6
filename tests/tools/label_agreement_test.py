#!/usr/bin/env python3
"""Checks scripts/label-agreement.py on a two-document example worked out by hand.

Run: python3 tests/tools/label_agreement_test.py   (exit 0 = pass); ctest runs it as
label_agreement.
"""
import os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "scripts", "label-agreement.py")
A = ('{"file": "d1", "topic": "t", "stances": [{"actor": "UK", "stance": "support"}, '
     '{"actor": "France", "stance": "oppose"}]}\n'
     '{"file": "d2", "topic": "t", "stances": [{"actor": "Japan", "stance": "neutral"}, '
     '{"actor": "China", "stance": "oppose"}]}\n')
B = ('{"file": "d1", "topic": "t", "stances": [{"actor": "United Kingdom", "stance": "support"}, '
     '{"actor": "France", "stance": "support"}]}\n'
     '{"file": "d2", "topic": "t", "stances": [{"actor": "Japan", "stance": "neutral"}, '
     '{"actor": "India", "stance": "neutral"}]}\n')
# By hand, A as reference: shared actors UK, France, Japan (3 of A's 4, of B's 4):
# actors P = R = 3/4; stances: UK and Japan agree -> P = R = 2/4 (France counts fp+fn).
# Kappa on the 3 shared pairs (s,s) (o,s) (n,n): po = 2/3, pe = 1/3*2/3 + 1/3*1/3 = 1/3,
# kappa = 0.5. With "none": pairs (s,s) (o,s) (n,n) (o,none) (none,n): po = 2/5,
# A marginals s1 o2 n1 none1, B s2 n2 none1 -> pe = (2 + 0 + 2 + 1)/25 = 0.2, kappa = 0.25.
WANT = [
    "reference A: actors: precision 0.750 recall 0.750 F1 0.750",
    "reference A: stances: precision 0.500 recall 0.500 F1 0.500",
    "d1: France: A oppose, B support",
    "d2: China: A oppose, B -",
    "d2: India: A -, B neutral",
    "observed agreement 0.667, Cohen's kappa 0.500",
    "observed agreement 0.400, Cohen's kappa 0.250",
]


def run(*args):
    return subprocess.run([sys.executable, TOOL, *args], capture_output=True, text=True)


def main():
    bad = 0
    with tempfile.TemporaryDirectory() as d:
        pa, pb, pc = (os.path.join(d, n) for n in ("a.jsonl", "b.jsonl", "c.jsonl"))
        open(pa, "w").write(A); open(pb, "w").write(B)
        r = run(pa, pb, "--list")
        for w in WANT:
            if w not in r.stdout:
                print(f"FAIL: missing {w!r} in:\n{r.stdout}"); bad += 1
        open(pc, "w").write('{"file": "x", "stances": [{"actor": "A", "stance": "yes"}]}\n')
        r = run(pa, pc)
        if r.returncode == 0 or "c.jsonl:1:" not in r.stderr:
            print(f"FAIL: bad stance not reported: rc {r.returncode} {r.stderr!r}"); bad += 1
    print("label_agreement_test:", "FAIL" if bad else "pass")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

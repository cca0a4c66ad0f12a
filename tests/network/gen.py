#!/usr/bin/env python3
"""Write the answers files of N imaginary member organisations of a network
(tests/golden-network.sh): deterministic, so the profile has a golden file.
Usage: gen.py PACKDIR OUTDIR N [RESPONDENTS]. Each organisation answers every
question of the pack; some questions not applicable, some unanswered; with
RESPONDENTS > 1 every organisation has that many files."""
import os
import re
import sys

pack, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
resp = int(sys.argv[4]) if len(sys.argv) > 4 else 1
text = open(os.path.join(pack, "assessment.yaml"), encoding="utf-8").read()
pack_id = re.search(r"^id: (\S+)", text, re.M).group(1)
version = re.search(r"^version: (\d+)", text, re.M).group(1)
lang = re.search(r"^language: (\S+)", text, re.M).group(1)
qids = [int(q) for q in re.findall(r"^\s+- id: (\d+)\s*$", text, re.M)]
state = 12345


def rnd(k):
    """A small linear congruential generator: the same numbers everywhere."""
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % k


os.makedirs(out, exist_ok=True)
for o in range(n):
    base = 1 + o % 4  # organisations spread over the levels
    for r in range(resp):
        lines = [f"pack: {pack_id}", f"version: {version}", f"language: {lang}",
                 f'organisation: "Üye {o + 1:03d}"', "answers:"]
        for q in qids:
            x = rnd(20)
            if x == 0:
                continue
            if x == 1:
                lines += [f"  - question: {q}", "    choice: na"]
                continue
            level = min(4, max(1, base + rnd(3) - 1))
            lines += [f"  - question: {q}", f"    choice: {level}"]
        name = os.path.join(out, f"member-{o + 1:03d}-{r + 1}.yaml")
        with open(name, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

# SPDX-License-Identifier: MIT
"""The CommonMark spec's examples as a pack, and the checks of the reports
written from it (tests/suite-commonmark.sh).

  commonmark.py pack SPEC DIR       DIR/pack (one question per example, the
                                    example as the text of its choice 1) and
                                    DIR/answers.yaml (choice 1 everywhere)
  commonmark.py check FORMAT WIDTH FILE
                                    the invariants of one report: prints
                                    PASS:/FAIL: lines, exit status 1 on a FAIL
"""
import html.parser
import json
import os
import re
import sys

FENCE = '`' * 32


def examples(spec):
    """The examples of spec.txt, with U+2192 standing for a tab."""
    out, cur, state = [], [], 0
    with open(spec, encoding='utf-8') as f:
        for line in f.read().split('\n'):
            if state == 0 and line == FENCE + ' example':
                state, cur = 1, []
            elif state == 1 and line == '.':
                out.append('\n'.join(cur).replace('\u2192', '\t') + '\n')
                state = 2
            elif state == 1:
                cur.append(line)
            elif state == 2 and line == FENCE:
                state = 0
    return out


def make_pack(spec, top):
    ex = examples(spec)
    pack = os.path.join(top, 'pack')
    os.makedirs(os.path.join(pack, 'answers'), exist_ok=True)
    with open(os.path.join(pack, 'assessment.yaml'), 'w', encoding='utf-8') as f:
        f.write('id: commonmark\ntitle: CommonMark spec examples\nlanguage: en\n'
                'version: 1\nareas:\n  - id: spec\n    title: Examples\n    questions:\n')
        for i in range(1, len(ex) + 1):
            f.write('      - id: %d\n        text: Example %d\n        choices: [1, 2]\n'
                    % (i, i))
    for i, md in enumerate(ex, 1):
        for choice, body in ((1, md), (2, 'Another choice.\n')):
            with open(os.path.join(pack, 'answers', 'q%d-%d.md' % (i, choice)), 'w',
                      encoding='utf-8', newline='') as f:
                f.write('---\ntitle: Example %d, choice %d\nquestion_id: %d\nchoice_id: %d\n'
                        '---\n%s' % (i, choice, i, choice, body))
    with open(os.path.join(top, 'answers.yaml'), 'w', encoding='utf-8') as f:
        f.write('pack: commonmark\nversion: 1\nlanguage: en\norganisation: "Spec"\n'
                'role: staff\ndate: 2026-12-02\nanswers:\n')
        for i in range(1, len(ex) + 1):
            f.write('  - question: %d\n    choice: 1\n' % i)
    print(len(ex))


# What must never reach a terminal: controls but newline, and every
# default-ignorable or format character (Unicode 15), U+2028 and U+2029.
UNSAFE = re.compile(
    '[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f'
    '\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e'
    '\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd'
    '\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]')


def width(s):
    """Terminal columns, as glibc's wcwidth would count them (wide East Asian = 2)."""
    import unicodedata
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me'):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
    return w


def may_pass_width(line):
    """The one thing allowed past the width: a link (a URL, or a word that is one)."""
    body = re.sub(r'^[>\s\u2022]*(\d+[.)]\s)?', '', line)
    body = re.sub(r'\s\[\d+\]', '', body)
    return '://' in line or 'www.' in line or 'mailto:' in line or ' ' not in body.strip()


def check(fmt, w, path):
    problems = []
    with open(path, 'rb') as f:
        raw = f.read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        problems.append('not UTF-8: %s' % e)
        text = raw.decode('utf-8', 'replace')
    for n, line in enumerate(text.split('\n'), 1):
        m = UNSAFE.search(line)
        if m:
            problems.append('line %d: U+%04X: %r' % (n, ord(m.group()), line[:80]))
        if fmt == 'text' and width(line) > w and not may_pass_width(line):
            problems.append('line %d is %d columns, over %d: %r' % (n, width(line), w, line))
    if fmt == 'json':
        try:
            json.loads(text)
        except ValueError as e:
            problems.append('the JSON does not parse: %s' % e)
    if fmt == 'html':
        parser = html.parser.HTMLParser()
        parser.feed(text)
        parser.close()
        if '</html>' not in text:
            problems.append('the HTML page is not complete')
    name = '%s report%s' % (fmt, ' at width %d' % w if fmt == 'text' else '')
    if problems:
        print('FAIL: commonmark %s' % name)
        for p in problems[:20]:
            print('    ' + p)
        if len(problems) > 20:
            print('    ... and %d more' % (len(problems) - 20))
        return 1
    print('PASS: commonmark %s' % name)
    return 0


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'pack':
        make_pack(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == 'check':
        sys.exit(check(sys.argv[2], int(sys.argv[3]), sys.argv[4]))
    else:
        sys.exit(__doc__)

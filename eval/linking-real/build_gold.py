#!/usr/bin/env python3
"""Joins the clusters' offsets (clusters.jsonl) with the annotators' decisions (annotations/annotator-*.jsonl)
into gold-train.jsonl and gold-test.jsonl (story id, body offsets, Wikidata id or null for NIL; no corpus text),
and prints the agreement on the stories annotated twice.

    python3 eval/linking-real/build_gold.py eval/linking-real
"""
import collections
import glob
import json
import os
import sys

here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
split = {}
for line in open(os.path.join(here, 'splits.tsv')):
    sid, s = line.rstrip('\n').split('\t')
    if sid != 'id':
        split[sid] = s
clusters = {}
for line in open(os.path.join(here, 'clusters.jsonl')):
    d = json.loads(line)
    for c in d['clusters']:
        clusters[(d['id'], c['c'])] = c['mentions']
decisions = collections.defaultdict(dict)  # (story, cluster) -> annotator -> link
for path in sorted(glob.glob(os.path.join(here, 'annotations', 'annotator-*.jsonl'))):
    who = os.path.basename(path)[:-len('.jsonl')]
    for line in open(path):
        if line.strip():
            d = json.loads(line)
            decisions[(d['id'], d['c'])][who] = d['link']

# agreement on the stories annotated twice
pairs = [(k, v) for k, v in decisions.items() if len(v) == 2]
same = sum(1 for k, v in pairs if len(set(v.values())) == 1)


def coarse(link):
    return link if link in ('NIL', 'NOTNAME', 'UNSURE') else 'LINK'


a = [coarse(sorted(v.items())[0][1]) for k, v in pairs]
b = [coarse(sorted(v.items())[1][1]) for k, v in pairs]
n = len(pairs)
if n:
    po = sum(1 for x, y in zip(a, b) if x == y) / n
    ca, cb = collections.Counter(a), collections.Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(a) | set(b)) / (n * n)
    kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
    both_link = [(k, v) for k, v in pairs if all(coarse(x) == 'LINK' for x in v.values())]
    same_id = sum(1 for k, v in both_link if len(set(v.values())) == 1)
    print(f'agreement: {n} clusters decided by two annotators in '
          f'{len(set(k[0] for k, v in pairs))} stories: same decision {same} ({100.0 * same / n:.1f}%); '
          f'link/NIL/NOTNAME/UNSURE kappa {kappa:.3f}; where both linked, same identity {same_id} of {len(both_link)}')

out = {'train': [], 'test': []}
counts = collections.Counter()
for sid in split:
    entities = []
    for (story, c), mentions in sorted(clusters.items(), key=lambda x: (x[0][0], int(x[0][1][1:]))):
        if story != sid or (story, c) not in decisions:
            continue
        by = decisions[(story, c)]
        link = by[sorted(by)[0]]  # the first annotator's decision where there are two
        counts[coarse(link)] += 1
        if link in ('NOTNAME', 'UNSURE'):
            continue
        for start, end in mentions:
            entities.append({'start': start, 'end': end, 'link': None if link == 'NIL' else link})
    part = 'test' if split[sid] == 'test' else 'train'
    if any((sid, c) in decisions for (s, c) in clusters if s == sid):
        out[part].append({'id': sid, 'entities': sorted(entities, key=lambda e: e['start'])})
for part, stories in out.items():
    with open(os.path.join(here, f'gold-{part}.jsonl'), 'w') as f:
        for s in stories:
            f.write(json.dumps(s, ensure_ascii=False) + '\n')
    links = sum(1 for s in stories for e in s['entities'] if e['link'])
    print(f'gold-{part}.jsonl: {len(stories)} stories, {sum(len(s["entities"]) for s in stories)} mentions, '
          f'{links} linked')
print('decisions:', dict(counts))

#!/usr/bin/env python3
"""Assemble a CNN/DailyMail dev set (train/validation stories only, never test).

Reads git snapshots fetched into /work/.mirror (read-only, via `git show`), checks split
membership against the SHA1s of abisee/cnn-dailymail url_lists/all_test.txt and all_val.txt,
drops duplicates (incl. the 100 ids of /work/shared/corpora/cnndm-train-sample), writes
build/corpora/cnndm-dev/stories.jsonl (git-ignored: the text is never committed).
The repositories are brought into /work/.mirror with the search tool's fetch; see
cnndm-dev.PROVENANCE.txt beside this script for which, at which commits.
"""
import csv, hashlib, io, json, os, subprocess, sys
from collections import Counter

csv.field_size_limit(10**9)
M = '/work/.mirror'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../build/corpora/cnndm-dev')
os.makedirs(OUT, exist_ok=True)

def show(repo, commit, path):
    return subprocess.run(['git', '--git-dir', f'{M}/{repo}/repo', 'show', f'{commit}:{path}'],
                          check=True, capture_output=True).stdout.decode('utf-8')

ABISEE = ('abisee+cnn-dailymail', 'b15ad0a2db0d407a84b8ca9b5731e1f1c4bd24b9')
def sha1s(path):
    return {hashlib.sha1(u.strip().encode()).hexdigest()
            for u in show(*ABISEE, path).splitlines() if u.strip()}
TEST = sha1s('url_lists/all_test.txt')
VAL = sha1s('url_lists/all_val.txt')
assert len(TEST) == 11490 and len(VAL) == 13368, (len(TEST), len(VAL))

existing = [json.loads(l) for l in open('/work/shared/corpora/cnndm-train-sample/train_sample.jsonl')]
seen_ids = {d['id'] for d in existing}
norm = lambda s: ' '.join(s.split())[:400]
seen_text = {norm(d['article']) for d in existing}

def bullets(h):
    return [b.strip() for b in h.split('\n') if b.strip()]

out, log = [], Counter()
def add(rec, src):
    if not rec['article'].strip() or not rec['highlights']:
        log[src + ':empty'] += 1; return
    if rec['id'] in TEST:
        log[src + ':DROPPED_test'] += 1; return
    k = norm(rec['article'])
    if rec['id'] in seen_ids or k in seen_text:
        log[src + ':dup'] += 1; return
    seen_ids.add(rec['id']); seen_text.add(k); out.append(rec); log[src + ':kept'] += 1

# 1) hillaryke/rag-optimization-cnn-dailymail: 1000 validation stories with HF ids
src = 'hillaryke'
for r in csv.DictReader(io.StringIO(show('hillaryke+rag-optimization-cnn-dailymail', '03d05440507618d6bec073b46543696e5a47df20',
                                         'data/collection/cnn_dailymail_validation_subset.csv'))):
    i = r['id'].strip()
    if i not in VAL:
        log[src + ':not_in_val_list'] += 1; continue
    add({'id': i, 'split': 'validation', 'article': r['article'], 'highlights': bullets(r['highlights'])}, src)

# 2) rogerhe13/LLM_2: 15 validation stories with HF ids
src = 'rogerhe13'
for l in show('rogerhe13+LLM_2', '770979b3c7c09722e1015c1ba6fc58620ae385bf', 'data_cnn/cnn_test_15.jsonl').splitlines():
    if not l.strip(): continue
    r = json.loads(l); i = r['id'].strip()
    if i not in VAL:
        log[src + ':not_in_val_list'] += 1; continue
    add({'id': i, 'split': 'validation', 'article': r['article'], 'highlights': bullets(r['highlights'])}, src)

# 2b) MANUJMEHROTRA/model_hosting_e2e_decoder: HF validation rows 0-499 with ids (its test csv is NOT read)
src = 'manuj'
for r in csv.DictReader(io.StringIO(show('MANUJMEHROTRA+model_hosting_e2e_decoder', '7c9b1c24e32ed0c883c0da6e977f9dcdb709b7bf',
                                         'data/cnn_dailymail_validation.csv'))):
    i = r['id'].strip()
    if i not in VAL:
        log[src + ':not_in_val_list'] += 1; continue
    add({'id': i, 'split': 'validation', 'article': r['article'], 'highlights': bullets(r['highlights'])}, src)

# 3) rravneetkaurr/SuvidhaFoundation-Summarization_Benchmark: HF 3.0.0 train rows 0-499
#    (code/download_cnn_dm.py: dataset['train'].select(range(500))), no ids in the file.
#    Corroborated by Emperor-Trillion/YORUBA-SUMMARY cnn_dailymail_subset.csv (train select(range(300))):
#    its 300 rows are byte-identical to rows 0-299 here; row 0/1 are the well-known HF train[0]/[1].
#    ids are NOT SHA1s: 'nosha1-hftrain-row-NNN' (row index in HF 3.0.0 train).
src = 'rravneetkaurr'
rows = list(csv.DictReader(io.StringIO(show('rravneetkaurr+SuvidhaFoundation-Summarization_Benchmark',
        '9d13a847047a5394008fd09ec1902222eca77b78', 'data/cnn_dm/cnn_dm_subset.csv'))))
yor = list(csv.DictReader(io.StringIO(show('Emperor-Trillion+YORUBA-SUMMARY', '431479012517f58979b5548e7b151b0160b6cd3d',
                                           'cnn_dailymail_subset.csv'))))
assert len(rows) == 500 and len(yor) == 300
assert all(a['article'] == b['article'] and a['highlights'] == b['reference_summary'] for a, b in zip(yor, rows))
assert 'Daniel Radcliffe' in rows[0]['article'][:200] and 'forgotten floor' in rows[1]['reference_summary']
for n, r in enumerate(rows):
    add({'id': f'nosha1-hftrain-row-{n:03d}', 'split': 'train', 'article': r['article'],
         'highlights': bullets(r['reference_summary'])}, src)

with open(os.path.join(OUT, 'stories.jsonl'), 'w', encoding='utf-8') as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(dict(log)); print('total', len(out), Counter(r['split'] for r in out))

#!/usr/bin/env python3
"""Convert WikiNEuRal EN (and WikiANN EN) silver NER data into the repo's IOB2 JSONL.

Reads the git snapshot of Babelscape/wikineural brought into /work/.mirror by the search
tool's fetch (read-only, via `git show`), and writes, git-ignored:

  build/corpora/wikineural/val.iob2.jsonl           data/wikineural/en/val.conllu
  build/corpora/wikineural/wikiann-train.iob2.jsonl data/wikiann/en/train.conllu
  build/corpora/wikineural/wikiann-val.iob2.jsonl   data/wikiann/en/val.conllu
  build/corpora/wikineural/PROVENANCE.txt

one {"doc", "id", "sentences": [{"tokens", "ner"}]} per line (scripts/lib/entities-data.ts).
The sources have no document boundaries: consecutive sentences (which come in runs from
one article) are grouped into pseudo-documents of 20 sentences, so the tagger's
document-level context (docContext) sees neighbouring sentences as it does in an article.
"id" names the 200-sentence section a pseudo-document is in; scripts/eval/holdout.ts's
partOf(id) splits tune / held-out by section, so that one article's sentences (and names)
rarely fall on both sides. NEVER reads any test.conllu (test splits).

  python3 scripts/corpora/assemble-wikineural.py [--mirror /work/.mirror/Babelscape+wikineural/repo]
"""
import json, os, subprocess, sys
from collections import Counter

args = sys.argv[1:]
MIRROR = args[args.index('--mirror') + 1] if '--mirror' in args else '/work/.mirror/Babelscape+wikineural/repo'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../build/corpora/wikineural')
DOC_SENTENCES = 20
SECTION_SENTENCES = 200
TAGS = {'O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'}
SOURCES = [
    ('val', 'data/wikineural/en/val.conllu', 'wikineural-en-val'),
    ('wikiann-train', 'data/wikiann/en/train.conllu', 'wikiann-en-train'),
    ('wikiann-val', 'data/wikiann/en/val.conllu', 'wikiann-en-val'),
]


def git(*a):
    return subprocess.run(['git', '--git-dir', MIRROR, *a], check=True, capture_output=True).stdout.decode('utf-8')


def sentences(text):
    """CoNLL-U-like rows `index<TAB>token<TAB>tag`, sentences separated by blank lines."""
    cur = []
    for line in text.split('\n'):
        if not line.strip():
            if cur:
                yield cur
            cur = []
            continue
        parts = line.split('\t')
        if len(parts) < 3:
            raise ValueError(f'bad row: {line!r}')
        tok, tag = parts[1], parts[2].strip()
        if tag not in TAGS:
            raise ValueError(f'unknown tag {tag!r}')
        cur.append((tok, tag))
    if cur:
        yield cur


def main():
    if not os.path.isdir(MIRROR):
        print(f'[skip] {MIRROR} is absent: fetch github:Babelscape/wikineural first.')
        return
    commit = git('rev-parse', 'HEAD').strip()
    os.makedirs(OUT, exist_ok=True)
    prov = [
        'WikiNEuRal / WikiANN English silver NER data, converted for Lede\'s entity trainer (never commit this text).',
        f'Source: github.com/Babelscape/wikineural, commit {commit}',
        'Licence of WikiNEuRal (repo LICENSE + README): CC BY-NC-SA 4.0; sentences from Wikipedia (CC BY-SA),',
        'annotations by Babelscape. Cite: Tedeschi et al., "WikiNEuRal: Combined Neural and Knowledge-based Silver',
        'Data Creation for Multilingual NER", Findings of EMNLP 2021. WikiANN (Pan et al., ACL 2017) as redistributed there.',
        f'Converted by scripts/corpora/assemble-wikineural.py: pseudo-documents of {DOC_SENTENCES} consecutive sentences;',
        f'"id" = the {SECTION_SENTENCES}-sentence section, split by scripts/eval/holdout.ts partOf(id) (odd FNV-1a = held-out).',
        'Test splits (test.conllu) are never read.',
        '',
    ]
    for name, path, prefix in SOURCES:
        assert 'test' not in path
        sents = list(sentences(git('show', f'HEAD:{path}')))
        docs = []
        for i in range(0, len(sents), DOC_SENTENCES):
            docs.append({
                'doc': len(docs),
                'id': f'{prefix}:{i // SECTION_SENTENCES}',
                'sentences': [{'tokens': [t for t, _ in s], 'ner': [g for _, g in s]} for s in sents[i:i + DOC_SENTENCES]],
            })
        out = os.path.join(OUT, f'{name}.iob2.jsonl')
        with open(out, 'w', encoding='utf-8') as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + '\n')
        spans = Counter(g[2:] for s in sents for _, g in s if g.startswith('B-'))
        tokens = sum(len(s) for s in sents)
        line = (f'{name}.iob2.jsonl <- {path}: {len(sents)} sentences, {tokens} tokens, {len(docs)} pseudo-documents; '
                f'spans ' + ', '.join(f'{k} {spans[k]}' for k in sorted(spans)))
        print(line)
        prov.append(line)
    with open(os.path.join(OUT, 'PROVENANCE.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(prov) + '\n')


main()

#!/usr/bin/env python3
"""Assemble an English news NER evaluation set of articles written in 2020 or later.

Source: the English Worldwide Newswire dataset (Shan, Bauer, Carlson & Manning, Findings of
EMNLP 2023), github.com/stanfordnlp/en-worldwide-newswire, read from its git snapshot in
/work/.mirror (brought there with the search tool's fetch; read-only, via `git show`).
See news-ner.PROVENANCE.txt beside this script for the commit, licence, dates and counts.

What it does
- Takes processed_annotated/*.txt.tsv (one token + tag per line, blank line between sentences,
  BIO tags over 9 classes; a 3rd/4th column, where present, is a nested inner entity and is
  ignored: the first tag column is the outermost span, as in Stanza's own converter).
- Assigns each file to train/dev/test exactly as Stanza's prepare_ner_dataset.py does for
  en_worldwide (utils.random_shuffle_files: random.seed(<name>.txt.4class.tsv, 2); <0.7 train,
  <0.8 dev, else test). TEST FILES ARE NEVER WRITTEN OUT: their text is only hashed, to drop
  train/dev documents that duplicate a test document.
- Maps the types to CoNLL-2003's four (Person->PER, Organization->ORG, Location->LOC,
  Facility->LOC, NORP->MISC, Misc->MISC, Product->MISC, Date->O, Money->O) and writes IOB2.
- Dates each document from evidence it carries (URL date, full dates in the text, year
  mentions, COVID-19 mentions) and keeps those with evidence of 2020 or later.

Output (git-ignored, never commit it): build/corpora/news-ner/
  worldwide-2020plus.iob2.jsonl  the evaluation set: train+dev documents dated >= 2020
  worldwide-other.iob2.jsonl     train+dev documents without such evidence (year < 2020 or null)
  stats.json                     the counts quoted in the provenance file
One JSON document per line: {"doc": "<file name without .txt.tsv>", "year": int|null,
"year_source": ..., "year_min": int|null, "split": "train"|"dev", "region": ..., "url": ...,
"sentences": [{"tokens": [...], "ner": [...]}]}. "doc" is a string, not the number of
entities-data.ts's Doc. "year" is the URL's publication year where year_source is "url-date";
otherwise it is a lower bound (the latest dated clue in the text, capped at 2022), so filter on
year_source when only hard dates will do. A few tokens contain a space ("4:00 p.m.").

Usage: python3 scripts/corpora/assemble-news-ner.py   (standard library only)
"""
import hashlib, json, os, random, re, subprocess, sys, urllib.parse
from collections import Counter

MIRROR = '/work/.mirror/stanfordnlp+en-worldwide-newswire/repo'
COMMIT = 'e082527b86d9a68475166ab584b9c47f282177da'  # HEAD of the snapshot, 2024-08-08
OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../build/corpora/news-ner'))

# Latest year a document may be credited with from its own text: every annotated file was first
# committed to the source repo on 2022-12-10 (annotation export 'untitled_output_Dec_03_2022'),
# so no article was written after 2022 and a later year in its text is a future reference.
MAX_YEAR = 2022
MIN_YEAR = 2020

TYPE_MAP = {
    'Person': 'PER', 'Organization': 'ORG', 'Location': 'LOC', 'Facility': 'LOC',
    'NORP': 'MISC', 'Misc': 'MISC', 'Product': 'MISC', 'Date': None, 'Money': None,
}
# Documents dropped outright (see PROVENANCE): RTF markup tokenized as text, not a news story.
DROP = {'arg_buenosairestimes_1': 'RTF source file: markup tokenized as text; a travel blog'}


def git(*args):
    return subprocess.run(['git', '--git-dir', MIRROR, *args], check=True, capture_output=True).stdout


def show(path):
    return git('show', f'{COMMIT}:{path}').decode('utf-8')


def stanza_split(name):
    """name = file name without .txt.tsv; stanza/utils/datasets/ner/utils.py random_shuffle_files."""
    random.seed(name + '.txt.4class.tsv', 2)
    r = random.random()
    return 'train' if r < 0.7 else 'dev' if r < 0.8 else 'test'


def read_regions():
    """regions.txt, read like stanza's read_prefix_file; first matching prefix wins."""
    regions, cur = [], None
    for line in show('regions.txt').splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if line.endswith(':'):
            cur = line[:-1].strip().lower().replace(' ', '_')
        else:
            regions.append((cur, line))
    return regions


LABEL_RE = re.compile(r'^(O|[BIES]-[A-Za-z]+)$')


def parse_tsv(text):
    """-> (first line, list of sentences of (token, outer tag)). Tolerates lines where the tab
    was typed as spaces (3 lines in the data)."""
    lines = text.split('\n')
    sents, cur = [], []
    for line in lines:
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = line.split('\t')
        if len(parts) == 1:
            tok, _, lab = line.strip().rpartition(' ')
            parts = [tok.strip(), lab]
        tok, lab = parts[0], parts[1].strip()
        if not LABEL_RE.match(lab):
            raise ValueError(f'bad label {lab!r} in line {line!r}')
        cur.append((tok, lab))
    if cur:
        sents.append(cur)
    return lines[0], sents


def strip_url(sents, url):
    """Remove the article URL from the front of the token stream. Normally it is the first line
    (one token, tag O, then a blank line); in 90 files it was tokenized into several tokens and
    sometimes split across 'sentences', some pieces even tagged ("Sisi" B-Person inside a URL
    slug). Tokens are consumed while their concatenation stays a prefix of the URL."""
    target = url.replace(' ', '')
    acc = ''
    out = [list(s) for s in sents]
    while out:
        s = out[0]
        while s and target.startswith(acc + s[0][0]):  # URL pieces may carry entity tags
            acc += s[0][0]
            s.pop(0)
        if s:
            break
        out.pop(0)
        if acc == target:
            break
    if len(acc) < min(len(target), 8):
        raise ValueError(f'URL not found at the start: {url!r}')
    return [s for s in out if s]


def to_iob2(tags):
    """Source B-/I-(/E-/S-) tags with source types -> IOB2 over PER/ORG/LOC/MISC."""
    out, prev, prev_src_type = [], 'O', None
    for t in tags:
        if t == 'O':
            out.append('O'); prev = 'O'; continue
        pos, typ = t[0], t[2:]
        if typ not in TYPE_MAP:
            raise ValueError(f'unknown type {typ}')
        m = TYPE_MAP[typ]
        if m is None:
            out.append('O'); prev = 'O'; continue
        # a span starts at B/S, or at an I/E that does not continue a span of the same mapped
        # type; two adjacent source spans keep their boundary even when both map to one type.
        if pos in 'BS' or prev == 'O' or prev[2:] != m or prev_src_type != typ:
            out.append('B-' + m)
        else:
            out.append('I-' + m)
        prev = out[-1]
        prev_src_type = typ
        if pos in 'ES':
            prev = 'O'  # an E/S closes the span
    return out


MONTHS = {m.lower() for m in (
    'Jan January Feb February Mar March Apr April May Jun June Jul July Aug August Sep Sept '
    'September Oct October Nov November Dec December').split()}
YEAR = re.compile(r'(?<![\d.,/])((?:19|20)\d\d)(?![\d])')
# A year just after one of these (within 3 tokens of the date's start) is a deadline or a target.
FUTURE_CUE = {'by', 'until', 'till', 'before', 'through', 'towards', 'toward', 'beyond', 'deadline',
              'vision', 'agenda', 'target'}
RANGE_CUE = {'to', '-', '–', '—', '/'}  # "2021-2031", "to 2025": the second year is an end point
COVID = re.compile(r'covid|sars-cov-2|sars-cov2', re.I)
URL_DATE = [re.compile(p) for p in (
    r'/((?:19|20)\d\d)/(?:0[1-9]|1[0-2])/',                  # /2022/07/
    r'/((?:19|20)\d\d)-(?:0[1-9]|1[0-2])-[0-3]\d(?:/|$)',     # /2019-04-02/
    r'/((?:19|20)\d\d)(?:0[1-9]|1[0-2])[0-3]\d(?:/|[-_.]|$)',  # /20220715/
    # allafrica.com/stories/202207260304.html, koreaherald.com/view.php?ud=20220715000198
    r'(?:/stories/|[?&]ud=)((?:19|20)\d\d)(?:0[1-9]|1[0-2])[0-3]\d\d{0,6}(?:\.html|&|$)',
)]


def is_day(t):
    return re.fullmatch(r'\d{1,2}(?:st|nd|rd|th)?', t) is not None and 1 <= int(re.match(r'\d+', t).group()) <= 31


def year_mentions(toks):
    """-> (years of full dates 'd Month yyyy' / 'Month d, yyyy', years mentioned otherwise),
    leaving out deadlines/targets ('by 31 March 2023', 'Vision 2030') and range end points."""
    full, bare = [], []
    for i, t in enumerate(toks):
        if not re.fullmatch(r'(?:19|20)\d\d', t):
            continue
        y = int(t)
        k = i - 2 if i >= 2 and toks[i - 1] == ',' else i - 1
        a = toks[k].lower().rstrip('.') if k >= 0 else ''
        b = toks[k - 1].lower().rstrip('.') if k >= 1 else ''
        if (a in MONTHS and is_day(b)) or (is_day(a) and b in MONTHS):
            kind, startpos = 'full', k - 1
        elif a in MONTHS:
            kind, startpos = 'bare', k
        else:
            kind, startpos = 'bare', i
            if i and toks[i - 1].lower() in RANGE_CUE:
                continue
        if any(w.lower() in FUTURE_CUE for w in toks[max(0, startpos - 3):startpos]):
            continue
        if y > MAX_YEAR:
            continue
        (full if kind == 'full' else bare).append(y)
    return full, bare


def date_doc(url, sents):
    """-> (year or None, source, year_min). A URL path date is taken as the publication year;
    otherwise every other clue is a lower bound on the writing date and the largest one is used.
    With no clue of 2020 or later, year is None and year_min the latest year mentioned, if any."""
    u = urllib.parse.unquote(url)
    for rx in URL_DATE:
        m = rx.search(u)
        if m:
            return int(m.group(1)), 'url-date', int(m.group(1))
    toks = [t for s in sents for t, _ in s]
    text = ' '.join(toks)
    bounds = []
    full, bare = year_mentions(toks)
    if full:
        bounds.append((max(full), 'full-date'))
    slug = [int(y) for y in YEAR.findall(u.split('?')[0]) if int(y) <= MAX_YEAR]
    mention = [y for y in bare + slug if y >= MIN_YEAR + 1]  # a bare 2020 may be a target
    if mention:
        bounds.append((max(mention), 'year-mention'))
    if COVID.search(text):
        bounds.append((2020, 'covid-mention'))
    if not bounds:
        # no evidence of 2020+; the latest year mentioned (<= 2020) is only a lower bound
        return None, 'none', (max(full + bare + slug) if full + bare + slug else None)
    best = max(b[0] for b in bounds)
    if best < MIN_YEAR:  # only full dates before 2020: a lower bound, not a publication year
        return None, 'none', best
    return best, '+'.join(s for y, s in bounds if y == best), best


def main():
    head = git('rev-parse', 'HEAD').decode().strip()
    if head != COMMIT:
        print(f'note: snapshot HEAD is {head}, reading pinned commit {COMMIT}', file=sys.stderr)
    names = [p for p in git('ls-tree', '--name-only', f'{COMMIT}', 'processed_annotated/').decode().split('\n')
             if p.endswith('.txt.tsv')]
    originals = set(git('ls-tree', '--name-only', f'{COMMIT}', 'original_articles/').decode().split('\n'))
    regions = read_regions()
    split_files = Counter()
    docs, test_hashes = [], set()
    for path in sorted(names):
        name = path.split('/')[-1][:-len('.txt.tsv')]
        split = stanza_split(name)
        split_files[split] += 1
        first, sents = parse_tsv(show(path))
        orig = f'original_articles/{name}.txt'
        url = show(orig).split('\n')[0].strip() if orig in originals else first.split('\t')[0].strip()
        url = url.lstrip('\ufeff')
        if name not in DROP:
            sents = strip_url(sents, url)
        h = hashlib.sha1(' '.join(t for s in sents for t, _ in s).encode()).hexdigest()
        if split == 'test':
            test_hashes.add(h)  # used only to drop duplicates of test documents
            continue
        region = next((r for r, p in regions if name.startswith(p)), None)
        docs.append(dict(name=name, split=split, url=url, region=region, sents=sents, hash=h))

    kept, other, log, log_names, src_spans = [], [], Counter(), [], Counter()
    seen = {}
    for d in docs:
        if d['name'] in DROP:
            log['dropped: ' + DROP[d['name']]] += 1; continue
        if d['hash'] in test_hashes:
            log['dropped: duplicate of a test document'] += 1
            log_names.append(('duplicate of a test document', d['name'])); continue
        if d['hash'] in seen:
            log['dropped: duplicate of an earlier train/dev document'] += 1
            log_names.append(('duplicate of ' + seen[d['hash']], d['name'])); continue
        seen[d['hash']] = d['name']
        year, source, year_min = date_doc(d['url'], d['sents'])
        rec = {'doc': d['name'], 'year': year, 'year_source': source, 'year_min': year_min, 'split': d['split'],
               'region': d['region'], 'url': d['url'],
               'sentences': [{'tokens': [t for t, _ in s], 'ner': to_iob2([l for _, l in s])} for s in d['sents']]}
        is_kept = year is not None and year >= MIN_YEAR
        (kept if is_kept else other).append(rec)
        if is_kept:  # source spans (outer layer) behind the mapping, for the provenance file
            for s in d['sents']:
                for i, (_, l) in enumerate(s):
                    if l[0] in 'BS' or (l[0] in 'IE' and (i == 0 or s[i - 1][1][2:] != l[2:])):
                        src_spans[l[2:]] += 1

    os.makedirs(OUT, exist_ok=True)
    for fname, rows in (('worldwide-2020plus.iob2.jsonl', kept), ('worldwide-other.iob2.jsonl', other)):
        with open(os.path.join(OUT, fname), 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')

    def count(rows):
        c = Counter()
        for r in rows:
            c['docs'] += 1
            c['docs_' + r['split']] += 1
            for s in r['sentences']:
                c['sentences'] += 1
                c['tokens'] += len(s['tokens'])
                for t in s['ner']:
                    if t.startswith('B-'):
                        c[t[2:]] += 1
        return dict(sorted(c.items()))

    stats = {
        'source': f'stanfordnlp/en-worldwide-newswire@{COMMIT}',
        'files_by_stanza_split': dict(split_files),
        'log': dict(log),
        'dropped_docs': log_names,
        'kept_2020plus': count(kept),
        'kept_source_spans': dict(src_spans.most_common()),
        'kept_url_date_years': dict(Counter(r['year'] for r in kept if r['year_source'] == 'url-date').most_common()),
        'kept_year': dict(sorted(Counter(r['year'] for r in kept).items())),
        'kept_year_source': dict(Counter(r['year_source'] for r in kept).most_common()),
        'kept_region': dict(Counter(r['region'] for r in kept).most_common()),
        'other': count(other),
        'other_year': dict(sorted(Counter(str(r['year']) for r in other).items())),
        'other_year_source': dict(Counter(r['year_source'] for r in other).most_common()),
        'other_year_min': dict(sorted(Counter(str(r['year_min']) for r in other).items())),
    }
    with open(os.path.join(OUT, 'stats.json'), 'w') as f:
        json.dump(stats, f, indent=1)
    print(json.dumps(stats, indent=1))


if __name__ == '__main__':
    main()

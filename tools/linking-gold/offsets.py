#!/usr/bin/env python3
"""Turns annotations.txt (mentions in reading order) into data/gold/linking/gold.tsv with character offsets.
Usage: offsets.py TEXTS_DIR... > gold.tsv   (the seed article is read from shared/corpus/seed, never copied).
Offsets are UTF-16 code units (what C# and JavaScript count); all texts here are in the BMP, so code points = units."""
import os, sys  # ANNOTATIONS=heldout.txt selects the held-out set
here = os.path.dirname(os.path.abspath(__file__))
dirs = sys.argv[1:]
def text_of(doc):
    for d in dirs:
        p = os.path.join(d, doc + '.txt')
        if os.path.exists(p):
            return open(p, encoding='utf-8').read()
    sys.exit(f'no text for {doc} in {dirs}')
print('doc\tstart\tend\tsurface\ttype\tactor\tcameo')
doc = text = None; pos = 0
for n, line in enumerate(open(os.path.join(here, os.environ.get('ANNOTATIONS', 'annotations.txt')), encoding='utf-8'), 1):
    line = line.rstrip('\n')
    if not line or (line.startswith('#') and not line.startswith('## ')):
        continue
    if line.startswith('## '):
        doc = line[3:].strip(); text = text_of(doc); pos = 0
        continue
    parts = [p.strip() for p in line.split('|')]
    surface, typ, actor = parts[:3]
    cameo = parts[3] if len(parts) > 3 else ''
    i = text.find(surface, pos)
    if i < 0:
        sys.exit(f'annotations.txt:{n}: "{surface}" not found in {doc} after offset {pos}')
    pos = i + len(surface)
    print(f'{doc}\t{i}\t{i + len(surface)}\t{surface}\t{typ}\t{actor}\t{cameo}')

"""Rebuild ansinh/lib/data/diacritics-model.json.gz from the diacritised texts we may ship.

Sources: the seed plans that keep their marks (shared/seeds), the gold
extractions (shared/gold), the Vietnamese text of shared/reference/*.md and the
names of provinces and wards from the installed ``vietnam-provinces`` package.

    python scripts/build_diacritics_model.py [--shared ../shared] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from ansinh.lib.diacritics import MODEL_PATH, train
    from ansinh.lib.diacritics_bench import collect_corpus, default_shared_dir

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=default_shared_dir())
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    corpus = collect_corpus(args.shared)
    model = train(doc.text for doc in corpus)
    model.save(args.out)
    print(
        f"{args.out}: {len(corpus)} sources, {len(model.unigrams)} syllables, "
        f"{len(model.bigrams)} bigrams, {len(model.trigrams)} trigrams, "
        f"{args.out.stat().st_size / 1024:.0f} KiB"
    )
    for doc in corpus:
        print(f"  {doc.name}: {len(doc.text)} characters")


if __name__ == "__main__":
    main()

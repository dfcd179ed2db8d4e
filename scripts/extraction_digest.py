"""Digest of the parser's output on every text we have, to prove a refactor changes no extraction.

Reads the corpus documents (``tests/documents/corpus/docs``, originals first as the bench does), the
packaged samples, the shared seeds and the fixtures; prints one sha256 per document (``--each``) and one
over all of them. Run it before and after a change and compare.

    python scripts/extraction_digest.py [--each] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from ansinh.documents.bench import document_paths, read_corpus_document
    from ansinh.documents.parsing import extract_plan
    from ansinh.lib.text import normalize_text

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--each", action="store_true", help="print the digest of every document")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    dirs = [
        ROOT / "tests" / "documents" / "corpus" / "docs",
        ROOT / "ansinh" / "samples",
        args.shared / "seeds",
        ROOT / "tests" / "documents" / "fixtures",
    ]
    total = hashlib.sha256()
    count = 0
    for folder in dirs:
        if not folder.is_dir():
            print(f"missing: {folder}", file=sys.stderr)
            continue
        for name, path in sorted(document_paths(folder).items()):
            result = extract_plan(normalize_text(read_corpus_document(path)), name)
            blob = json.dumps(result, ensure_ascii=False, sort_keys=True, default=str).encode()
            total.update(blob)
            count += 1
            if args.each:
                print(f"{hashlib.sha256(blob).hexdigest()[:16]}  {folder.name}/{path.name}")
    print(f"{total.hexdigest()}  {count} documents")


if __name__ == "__main__":
    main()

"""Put the uncommitted originals listed in fetched.json back into docs/ from local git mirrors.

The originals (.docx/.pdf) of some corpus documents are not committed (see README, licence note). Given one or
more bare git directories of the source repositories (for instance the ones the `fetch` tool writes under
/work/.mirror/<owner>+<name>/repo), this copies each listed file from its recorded commit and path into docs/ and
checks its sha256. Usage:

    python tests/documents/corpus/restore_originals.py /work/.mirror/vpubnd49+VBAI/repo [...]
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def repo_name(git_dir: Path) -> str:
    """'owner/name' from a mirror path such as /work/.mirror/owner+name/repo."""
    if git_dir.name == ".git":  # a non-bare snapshot: /work/.mirror/owner+name/repo/.git
        git_dir = git_dir.parent
    part = git_dir.parent.name if git_dir.name == "repo" else git_dir.name
    return part.replace("+", "/", 1)


def restore(git_dirs: list[Path]) -> int:
    listed = json.loads((HERE / "fetched.json").read_text("utf-8"))["documents"]
    by_repo = {repo_name(g): g for g in git_dirs}
    missing = 0
    for doc in listed:
        git_dir = by_repo.get(doc["repo"])
        target = HERE / "docs" / doc["file"]
        if git_dir is None:
            print(f"bỏ qua (không có bản sao kho {doc['repo']}): {doc['file']}")
            missing += 1
            continue
        blob = subprocess.run(
            ["git", "--git-dir", str(git_dir), "cat-file", "-p", f"{doc['commit']}:{doc['path']}"],
            capture_output=True, check=False,
        )
        if blob.returncode != 0 or hashlib.sha256(blob.stdout).hexdigest() != doc["sha256"]:
            print(f"không lấy được hoặc sai sha256: {doc['file']}")
            missing += 1
            continue
        target.write_bytes(blob.stdout)
        print(f"đã khôi phục: {doc['file']}")
    return missing


if __name__ == "__main__":
    sys.exit(1 if restore([Path(a) for a in sys.argv[1:]]) else 0)

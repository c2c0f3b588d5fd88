"""A short, stable version of a ruleset folder: a hash over what the loader reads.

Two folders with the same ruleset files (the same relative paths and the same bytes) have the
same version wherever they are; any edit, addition, removal or rename gives another. Decisions
that name it can be traced to the exact rules that made them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .loader import ruleset_paths

VERSION_LENGTH = 16


def rules_version(directory: str | Path) -> str:
    """sha256 over the sorted relative paths and the bytes of the folder's ruleset files, as
    its first 16 hex digits. Raises RulesetError if the folder is not a ruleset folder."""
    root = Path(directory)
    digest = hashlib.sha256()
    files = sorted((path.relative_to(root).as_posix(), path) for path in ruleset_paths(root))
    for relative, path in files:
        data = path.read_bytes()
        # each part framed by its length, so that no two different folders hash the same bytes
        for part in (relative.encode("utf-8"), data):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()[:VERSION_LENGTH]

"""Files and folders written atomically, with the modes of any other file the user writes.

A temporary file or folder (tempfile's) is private: mode 0600 or 0700. Outputs are moved into
place from one, so they are given the modes a plain write would have given them (0644 and
0755 under the usual umask of 022): a web server publishing a release folder can serve every
file in it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_mode() -> int:
    return 0o666 & ~_umask()


def folder_mode() -> int:
    return 0o777 & ~_umask()


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder: never a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def temporary_folder(beside: Path) -> Path:
    """A new folder beside `beside`, to fill and then move into its place; it has the mode of
    a folder made with mkdir."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{beside.name}.", dir=beside.parent))
    os.chmod(tmp, folder_mode())
    return tmp

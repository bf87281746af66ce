"""Writing output files safely: all or nothing at the target path.

:func:`atomic_target` hands out a temporary path in the target's folder; the
caller writes there, and only a block that ends without an exception renames
it over the target. A failed or cancelled write leaves the target untouched
(an old file stays, no half-written new one appears). The file gets the usual
permissions for the user's umask, not ``mkstemp``'s private 0600.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_target(target: Path | str, suffix: str = ".part") -> Iterator[Path]:
    out = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

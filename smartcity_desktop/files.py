"""Files the application reads and writes: checked paths, all-or-nothing writes.

:func:`check_write_target` accepts only a regular file or a new name in an
existing, writable folder, and refuses device files (``/dev/null``,
``/dev/full``), FIFOs, folders, the kernel's ``/proc`` and ``/sys`` and names
too long for the file system with a :class:`PathRefusal` (one line, in the
user's language) before anything is written. :func:`check_read_file` does the
same for inputs (a FIFO would block the reader forever).

:func:`atomic_target` hands out a temporary path in the target's folder; the
caller writes there, and only a block that ends without an exception renames
it over the target. A failed or cancelled write leaves the target untouched
(an old file stays, no half-written new one appears). The file gets the usual
permissions for the user's umask, not ``mkstemp``'s private 0600.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .messages import Refusal, register

register({
    "files.empty": ("파일 이름이 비어 있습니다", "no file name given"),
    "files.too_long": ("{path}: 경로나 파일 이름이 너무 깁니다 (파일 이름 최대 {name_max}자)",
                       "{path}: the path or file name is too long (names up to {name_max} "
                       "characters)"),
    "files.special": ("{path}: 장치·시스템 파일에는 쓸 수 없습니다 (일반 파일만 가능)",
                      "{path}: cannot write to a device or system file (regular files only)"),
    "files.is_dir": ("{path}: 폴더입니다. 파일 이름을 지정하십시오",
                     "{path}: is a folder; give a file name"),
    "files.not_regular": ("{path}: 일반 파일이 아닙니다 (파이프·장치·소켓)",
                          "{path}: not a regular file (a pipe, device or socket)"),
    "files.no_folder": ("{path}: 폴더가 없습니다", "{path}: no such folder"),
    "files.parent_not_dir": ("{path}: 폴더가 아닙니다", "{path}: is not a folder"),
    "files.not_writable": ("{path}: 이 폴더에 쓸 권한이 없습니다",
                           "{path}: no permission to write in this folder"),
    "files.not_readable": ("{path}: 파일을 읽을 권한이 없습니다",
                           "{path}: no permission to read the file"),
    "files.missing": ("{path}: 파일이 없습니다", "{path}: no such file"),
    "files.os_error": ("{path}: {reason}", "{path}: {reason}"),
})

# Kernel pseudo file systems: writing there is never a user's export.
_SYSTEM_ROOTS = ("/dev", "/proc", "/sys")
_PATH_MAX = 4096
_SHOWN = 80  # characters of a path shown in a message


class PathRefusal(Refusal):
    """A path that cannot be read or written as asked; nothing was touched."""


def shown(path: Path | str) -> str:
    """The path for a one-line message: long ones shortened in the middle."""
    text = str(path)
    if len(text) <= _SHOWN:
        return text
    return f"{text[:40]}…{text[-(_SHOWN - 41):]}"


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder if folder.is_dir() else ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _check_length(path: Path) -> None:
    limit = _name_max(path.parent) if len(str(path)) < _PATH_MAX else 255
    too_long = len(os.fsencode(str(path))) >= _PATH_MAX or any(
        len(os.fsencode(part)) > limit for part in path.parts)
    if too_long:
        raise PathRefusal("files.too_long", path=shown(path), name_max=limit)


def _is_system(path: Path) -> bool:
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return any(real == root or real.startswith(root + "/") for root in _SYSTEM_ROOTS)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PathRefusal("files.os_error", path=shown(path),
                          reason=exc.strerror or str(exc)) from None


def check_write_target(path: Path | str) -> Path:
    """``path`` if it is a regular file or a new name in a writable folder, else refuse."""
    if str(path).strip() == "":
        raise PathRefusal("files.empty")
    out = Path(path)
    _check_length(out)
    if _is_system(out) or _is_system(out.parent):
        raise PathRefusal("files.special", path=shown(out))
    st = _stat(out)
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise PathRefusal("files.is_dir", path=shown(out))
        if not stat.S_ISREG(st.st_mode):
            raise PathRefusal("files.not_regular", path=shown(out))
    folder = out.parent
    parent = _stat(folder)
    if parent is None:
        raise PathRefusal("files.no_folder", path=shown(folder))
    if not stat.S_ISDIR(parent.st_mode):
        raise PathRefusal("files.parent_not_dir", path=shown(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PathRefusal("files.not_writable", path=shown(folder))
    return out


def check_read_file(path: Path | str) -> Path:
    """``path`` if it is an existing, readable regular file, else refuse in one line."""
    if str(path).strip() == "":
        raise PathRefusal("files.empty")
    src = Path(path)
    _check_length(src)
    st = _stat(src)
    if st is None:
        raise PathRefusal("files.missing", path=shown(src))
    if stat.S_ISDIR(st.st_mode):
        raise PathRefusal("files.is_dir", path=shown(src))
    if not stat.S_ISREG(st.st_mode):
        raise PathRefusal("files.not_regular", path=shown(src))
    if not os.access(src, os.R_OK):
        raise PathRefusal("files.not_readable", path=shown(src))
    return src


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_target(target: Path | str, suffix: str = ".part") -> Iterator[Path]:
    """A temporary path beside ``target`` (checked first), renamed over it on success."""
    out = check_write_target(target)
    fd, name = tempfile.mkstemp(prefix=f".{out.stem[:40]}-", suffix=suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

"""Update packages (``.scx``): the changes one desk sends to others, signed.

A package is a zip file (``zipfile``, deflated) of three members:

- ``manifest.json``: format, plan id, the sending desk (id, ministry, role, officer,
  public key), the recipient (a ministry code or "" for all), the clock range, the
  number of changes, and the desks the changes come from (relayed changes keep their
  origin);
- ``changes.json``: the change records, in clock order;
- ``signature.json``: SHA-256 of manifest + changes and the sender's Ed25519 signature
  of that digest.

A package is cumulative (every change the sender holds that the recipient may lack)
and importing it is idempotent. :func:`read_package` refuses, with one line, a file
that is not a package, is damaged, was altered after signing, or is signed by another
key than the sender's.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..files import atomic_target
from ..messages import register
from ..store.changelog import COLUMNS, Record
from .errors import MessageIdError

FORMAT = "smartcity-exchange"
FORMAT_VERSION = 1
SUFFIX = ".scx"
_OPS = frozenset(("insert", "update", "delete"))
_MEMBERS = ("manifest.json", "changes.json", "signature.json")
_MAX_MEMBER = 512 * 1024 * 1024  # a zip bomb is refused before it is inflated

register({
    "exchange.package.not_zip": ("{name}: 업데이트 패키지(.scx)가 아닙니다",
                                 "{name}: not an update package (.scx)"),
    "exchange.package.damaged": ("{name}: 패키지가 손상되었습니다 ({detail})",
                                 "{name}: the package is damaged ({detail})"),
    "exchange.package.digest": ("{name}: 패키지 내용이 서명 후 변경되었습니다 (SHA-256 불일치)",
                                "{name}: the package was changed after it was signed "
                                "(SHA-256 mismatch)"),
    "exchange.package.signature": ("{name}: 서명이 보낸 부서의 키와 맞지 않습니다",
                                   "{name}: the signature does not match the sending desk's key"),
    "exchange.package.format": ("{name}: 알 수 없는 패키지 형식입니다 ({detail})",
                                "{name}: unknown package format ({detail})"),
})


class PackageError(MessageIdError):
    """A refused package: one line, nothing changed."""


@dataclass
class Package:
    manifest: dict[str, Any]
    records: list[Record]
    digest: str

    @property
    def sender(self) -> dict[str, Any]:
        return self.manifest["sender"]

    @property
    def plan_id(self) -> str:
        return self.manifest["plan_id"]


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def content_digest(manifest_bytes: bytes, changes_bytes: bytes) -> str:
    return hashlib.sha256(manifest_bytes + b"\n" + changes_bytes).hexdigest()


def write_package(path: Path | str, manifest: dict[str, Any], records: list[Record],
                  key: Ed25519PrivateKey) -> int:
    """Write a signed package atomically; return its size in bytes."""
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest,
                "count": len(records)}
    manifest_bytes = _canonical(manifest)
    changes_bytes = _canonical([r.as_list() for r in records])
    digest = content_digest(manifest_bytes, changes_bytes)
    signature = base64.b64encode(key.sign(digest.encode("ascii"))).decode("ascii")
    sig_bytes = _canonical({"sha256": digest, "ed25519": signature})
    with atomic_target(path, suffix=SUFFIX) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in zip(_MEMBERS, (manifest_bytes, changes_bytes, sig_bytes)):
                zf.writestr(name, data)
    return Path(path).stat().st_size


def _members(path: Path) -> dict[str, bytes]:
    name = path.name
    try:
        if not zipfile.is_zipfile(path):
            raise PackageError("exchange.package.not_zip", name=name)
        with zipfile.ZipFile(path) as zf:
            infos = {i.filename: i for i in zf.infolist()}
            missing = [m for m in _MEMBERS if m not in infos]
            if missing:
                raise PackageError("exchange.package.damaged", name=name,
                                   detail=f"missing {missing[0]}")
            if set(infos) - set(_MEMBERS):
                raise PackageError("exchange.package.damaged", name=name,
                                   detail="unexpected member")
            if any(infos[m].file_size > _MAX_MEMBER for m in _MEMBERS):
                raise PackageError("exchange.package.damaged", name=name, detail="too large")
            return {m: zf.read(m) for m in _MEMBERS}
    except PackageError:
        raise
    except OSError as exc:
        raise PackageError("exchange.package.damaged", name=name,
                           detail=exc.strerror or str(exc)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise PackageError("exchange.package.damaged", name=name, detail=str(exc)) from None


def _json(data: bytes, name: str, member: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageError("exchange.package.damaged", name=name,
                           detail=f"{member} is not JSON") from None


def read_package(path: Path | str) -> Package:
    """Read and verify a package (digest and signature); refuse anything else."""
    path = Path(path)
    name = path.name
    members = _members(path)
    signature = _json(members["signature.json"], name, "signature.json")
    manifest = _json(members["manifest.json"], name, "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError("exchange.package.format", name=name, detail="format")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise PackageError("exchange.package.format", name=name,
                           detail=f"version {manifest.get('format_version')}")
    digest = content_digest(members["manifest.json"], members["changes.json"])
    if not isinstance(signature, dict) or signature.get("sha256") != digest:
        raise PackageError("exchange.package.digest", name=name)
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(manifest["sender"]["public_key"]))
        key.verify(base64.b64decode(signature["ed25519"]), digest.encode("ascii"))
    except (InvalidSignature, KeyError, TypeError, ValueError):
        raise PackageError("exchange.package.signature", name=name) from None
    rows = _json(members["changes.json"], name, "changes.json")
    return Package(manifest, _records(rows, name, manifest), digest)


def _records(rows: Any, name: str, manifest: dict[str, Any]) -> list[Record]:
    if not isinstance(rows, list) or len(rows) != manifest.get("count"):
        raise PackageError("exchange.package.damaged", name=name, detail="change count")
    out = []
    for row in rows:
        if not isinstance(row, list) or len(row) != len(COLUMNS):
            raise PackageError("exchange.package.damaged", name=name, detail="change record")
        rec = Record(*row)
        if rec.op not in _OPS or type(rec.origin_seq) is not int \
                or type(rec.row_uid) is not str or type(rec.rank) is not str:
            raise PackageError("exchange.package.damaged", name=name, detail="change record")
        out.append(rec)
    return out

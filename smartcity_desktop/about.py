"""What ``--version`` and Help › 정보 tell: version, schema, data location, licences.

Everything comes from the running installation: the application's own version,
the schema version this build knows (its numbered migrations) and the one the
database file holds (read read-only; nothing is created or changed), where the
database lives, and the licence of every distribution the application needs,
read from the installed metadata (``importlib.metadata``) by walking the
``Requires-Dist`` entries. The bundled Nanum Gothic font is not a Python
package: its licence is the first line of ``resources/fonts/OFL.txt``.

No Qt here: the CLI prints :func:`version_text`, the About dialog lays out the
same :class:`AboutFacts`.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from . import __version__
from .messages import Refusal, msg, register
from .paths import APP_NAME, FONTS_DIR, REPO_ROOT, default_db_path

register({
    "about.title": ("스마트시티 국가 시범도시 추진 관리", "Smart-city pilot programme tracker"),
    "about.version": ("버전 {version}", "version {version}"),
    "about.schema": ("데이터베이스 스키마: {db} (이 버전이 아는 최신: {latest})",
                     "database schema: {db} (newest this version knows: {latest})"),
    "about.schema.none": ("데이터베이스 스키마: 아직 파일 없음 (이 버전이 아는 최신: {latest})",
                          "database schema: no file yet (newest this version knows: {latest})"),
    "about.schema.refused": ("데이터베이스 스키마: 읽을 수 없음 ({reason})",
                             "database schema: cannot be read ({reason})"),
    "about.data": ("데이터 위치: {path}", "data location: {path}"),
    "about.data.missing": ("데이터 위치: {path} (처음 실행할 때 만들어집니다)",
                           "data location: {path} (created on first start)"),
    "about.runtime": ("실행 환경: Python {python}, Qt {qt} (PySide6), {system}",
                      "runtime: Python {python}, Qt {qt} (PySide6), {system}"),
    "about.licences": ("구성 요소와 라이선스:", "components and licences:"),
    "about.licence.unknown": ("패키지 정보 참고", "see the package"),
    "about.font": ("나눔고딕 글꼴 (Nanum Gothic)", "Nanum Gothic font"),
    "about.qt_note": ("Qt 라이브러리는 LGPL-3.0 조건으로 동적 연결해 사용",
                      "the Qt libraries are used under the LGPL-3.0, dynamically linked"),
})

_NAME_IN_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA_MARKER = re.compile(r"extra\s*==")
_LICENCE_CLASSIFIER = "License :: "


@dataclass(frozen=True)
class Component:
    """One distribution (or the bundled font) with its version and licence text."""

    name: str
    version: str
    licence: str
    note: str = ""


@dataclass(frozen=True)
class AboutFacts:
    version: str
    schema_latest: int
    schema_db: int | None  # None: no file yet, or refused (see schema_problem)
    schema_problem: str
    db_path: Path
    db_exists: bool
    python: str
    qt: str
    system: str
    components: list[Component] = field(default_factory=list)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: SPDX expression, classifiers, or a short field."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith(_LICENCE_CLASSIFIER)]
    if classifiers:
        return " / ".join(classifiers)
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80:
        return text  # a short free-text field; long ones are the whole licence text
    return msg("about.licence.unknown").text()


def _requirements(dist: metadata.Distribution) -> list[str]:
    names = []
    for line in dist.requires or []:
        if _EXTRA_MARKER.search(line):
            continue  # optional extras (tests, .mpp) are not part of what runs
        match = _NAME_IN_REQUIREMENT.match(line)
        if match:
            names.append(match.group(1))
    return names


def _own_distribution() -> metadata.Distribution | None:
    try:
        return metadata.distribution(APP_NAME)
    except metadata.PackageNotFoundError:
        return None


def _checkout_project() -> tuple[str, list[str]]:
    """Licence and dependencies from pyproject.toml, for an uninstalled checkout."""
    import tomllib

    pyproject = REPO_ROOT / "pyproject.toml"
    if not pyproject.is_file():
        return msg("about.licence.unknown").text(), []
    project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    licence = project.get("license", {})
    text = licence.get("text", "") if isinstance(licence, dict) else str(licence)
    found = [_NAME_IN_REQUIREMENT.match(r) for r in project.get("dependencies", [])]
    return text or msg("about.licence.unknown").text(), [m.group(1) for m in found if m]


def required_distributions(names: list[str] | None = None) -> list[metadata.Distribution]:
    """Installed distributions the application needs, following ``Requires-Dist`` down.

    ``names`` are the first-level requirements (default: the application's own).
    """
    pending = list(names) if names is not None else _first_level()[1]
    found: dict[str, metadata.Distribution] = {}
    while pending:
        name = pending.pop(0)
        key = _normalise(name)
        if key in found or key == APP_NAME:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a marker-guarded dependency this platform does not need
        found[key] = dist
        pending.extend(_requirements(dist))
    return sorted(found.values(), key=lambda d: (d.metadata["Name"] or "").lower())


def _first_level() -> tuple[str, list[str]]:
    """The application's licence and direct requirements (installed, else pyproject.toml)."""
    own = _own_distribution()
    return (licence_of(own), _requirements(own)) if own else _checkout_project()


def components(lang: str | None = None) -> list[Component]:
    """The application, the font and every installed distribution it needs, by name."""
    own_licence, first = _first_level()
    result = [Component(APP_NAME, __version__, own_licence),
              Component(msg("about.font").text(lang), "", font_licence())]
    for dist in required_distributions(first):
        name = dist.metadata["Name"]
        qt = _normalise(name) == "pyside6-essentials"
        note = msg("about.qt_note").text(lang) if qt else ""
        result.append(Component(name, dist.version, licence_of(dist), note))
    return result


def font_licence() -> str:
    """The SPDX id on the first line of the bundled OFL text (``License: OFL-1.1``)."""
    path = FONTS_DIR / "OFL.txt"
    try:
        first = path.read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError):
        return "SIL Open Font License"
    return first.split(":", 1)[-1].strip() or first


def qt_version() -> str:
    """The Qt version of the installed PySide6 wheel (PySide6 follows Qt's numbering)."""
    for name in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def schema_of(path: Path, lang: str | None = None) -> tuple[int | None, str]:
    """The file's schema version, read-only; (None, reason) when it is refused."""
    from .store.database import inspect

    if not path.exists():
        return None, ""
    try:
        return inspect(path), ""
    except Refusal as exc:
        return None, exc.text(lang)


def gather(db_path: Path | None = None, lang: str | None = None) -> AboutFacts:
    from .store.database import latest_schema_version

    path = Path(db_path) if db_path else default_db_path()
    schema, problem = schema_of(path, lang)
    return AboutFacts(
        version=__version__, schema_latest=latest_schema_version(), schema_db=schema,
        schema_problem=problem, db_path=path, db_exists=path.exists(),
        python=platform.python_version(), qt=qt_version(),
        system=f"{platform.system()} {platform.machine()}", components=components(lang),
    )


def schema_line(facts: AboutFacts, lang: str | None = None) -> str:
    if facts.schema_problem:
        return msg("about.schema.refused", reason=facts.schema_problem).text(lang)
    if facts.schema_db is None:
        return msg("about.schema.none", latest=facts.schema_latest).text(lang)
    return msg("about.schema", db=facts.schema_db, latest=facts.schema_latest).text(lang)


def data_line(facts: AboutFacts, lang: str | None = None) -> str:
    key = "about.data" if facts.db_exists else "about.data.missing"
    return msg(key, path=facts.db_path).text(lang)


def runtime_line(facts: AboutFacts, lang: str | None = None) -> str:
    return msg("about.runtime", python=facts.python, qt=facts.qt,
               system=facts.system).text(lang)


def version_text(facts: AboutFacts, lang: str | None = None) -> str:
    """The text ``python main.py --version`` prints (and the About dialog copies)."""
    lines = [
        f"{APP_NAME} {facts.version}",
        msg("about.title").text(lang),
        schema_line(facts, lang),
        data_line(facts, lang),
        runtime_line(facts, lang),
        msg("about.licences").text(lang),
    ]
    for c in facts.components:
        label = f"{c.name} {c.version}".strip()
        lines.append(f"  {label}: {c.licence}" + (f" ({c.note})" if c.note else ""))
    return "\n".join(lines)

"""Optional .mpp import through MPXJ (``pip install mpxj JPype1`` plus a Java runtime).

The binary MS Project file is converted by MPXJ into MS Project XML in a
temporary file and then read by our own MSPDI importer, so every check and
the preview are the same as for an XML file. When a component is missing,
:func:`check_available` raises :class:`MissingComponentError` saying exactly
what to install instead of failing half-way.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

from ..messages import register
from .common import read_bytes
from .errors import InteropError, MissingComponentError
from .mspdi_import import parse_mspdi
from .preview import ImportPreview

register({
    "mpp.missing": ("{missing}이(가) 설치되어 있지 않습니다. .mpp 파일을 읽으려면 선택 구성요소"
                    "(Java 11 이상과 `pip install mpxj JPype1`)를 설치하거나, MS Project에서 "
                    "계획을 XML로 저장(파일 > 다른 이름으로 저장 > XML 형식)한 뒤 그 파일을 "
                    "가져오십시오",
                    "{missing} not installed; to read .mpp files install the optional parts: a "
                    "Java runtime (11 or newer) and `pip install mpxj JPype1`; or save the plan "
                    "from MS Project as XML (파일 > 다른 이름으로 저장 > XML 형식) and import "
                    "that"),
    "mpp.jvm_failed": ("Java 런타임이 MPXJ를 시작하지 못했습니다 ({detail}). .mpp 파일을 읽으려면 "
                       "선택 구성요소(Java 11 이상과 `pip install mpxj JPype1`)를 설치하거나, "
                       "MS Project에서 계획을 XML로 저장(파일 > 다른 이름으로 저장 > XML 형식)한 "
                       "뒤 그 파일을 가져오십시오",
                       "the Java runtime could not start MPXJ ({detail}); to read .mpp files "
                       "install the optional parts: a Java runtime (11 or newer) and `pip "
                       "install mpxj JPype1`; or save the plan from MS Project as XML (파일 > "
                       "다른 이름으로 저장 > XML 형식) and import that"),
    "mpp.not_recognised": ("MPXJ가 이 파일 형식을 알아보지 못합니다",
                           "MPXJ does not recognise this file"),
    "mpp.unreadable": ("MPXJ가 파일을 읽지 못했습니다 ({detail})",
                       "MPXJ could not read the file ({detail})"),
})


def missing_components() -> list[str]:
    missing = []
    if importlib.util.find_spec("jpype") is None:
        missing.append("JPype1")
    if importlib.util.find_spec("mpxj") is None:
        missing.append("mpxj")
    if shutil.which("java") is None and not _java_home_ok():
        missing.append("Java runtime")
    return missing


def _java_home_ok() -> bool:
    import os

    home = os.environ.get("JAVA_HOME")
    return bool(home) and (Path(home) / "bin" / "java").exists()


def check_available() -> None:
    missing = missing_components()
    if missing:
        raise MissingComponentError("mpp.missing", missing=", ".join(missing))


# MPXJ ships the Log4j API without a provider; without these the JVM prints
# "Log4j API could not find a logging provider" on every import. No logging is wanted.
JVM_OPTIONS = (
    "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
    "-Dlog4j2.simplelogLevel=OFF",
    "-Dlog4j2.statusLoggerLevel=OFF",
    "-Dlog4j2.StatusLogger.level=OFF",
    "-Djava.util.logging.config.file=/dev/null" if Path("/dev/null").exists() else "-Dx=1",
)


def start_jvm() -> None:
    """Start the JVM once for MPXJ with its logging silenced (jars on the class path)."""
    import jpype  # noqa: PLC0415 - optional dependency
    import mpxj  # noqa: F401, PLC0415 - registers the MPXJ jars on the class path

    if not jpype.isJVMStarted():
        jpype.startJVM(*JVM_OPTIONS)


def parse_mpp(path: Path | str) -> ImportPreview:
    path = Path(path)
    check_available()
    read_bytes(path)  # size and readability
    import jpype  # noqa: PLC0415 - optional dependency
    import mpxj  # noqa: F401, PLC0415 - registers the MPXJ jars on the class path

    try:
        start_jvm()
        try:  # MPXJ 14 moved its classes from net.sf.mpxj to org.mpxj
            reader_cls = jpype.JClass("org.mpxj.reader.UniversalProjectReader")
            writer_cls = jpype.JClass("org.mpxj.mspdi.MSPDIWriter")
        except Exception:  # noqa: BLE001
            reader_cls = jpype.JClass("net.sf.mpxj.reader.UniversalProjectReader")
            writer_cls = jpype.JClass("net.sf.mpxj.mspdi.MSPDIWriter")
    except Exception as exc:  # noqa: BLE001 - JVM start-up failures come in many types
        raise MissingComponentError("mpp.jvm_failed", detail=str(exc)[:200]) from None
    with tempfile.TemporaryDirectory() as tmp:
        xml = Path(tmp) / (path.stem + ".xml")
        try:
            project = reader_cls().read(str(path))
            if project is None:
                raise InteropError("mpp.not_recognised", source=path.name)
            writer_cls().write(project, str(xml))
        except InteropError:
            raise
        except Exception as exc:  # noqa: BLE001 - Java exceptions surface as many types
            raise InteropError("mpp.unreadable", source=path.name,
                               detail=str(exc)[:200]) from None
        preview = parse_mspdi(xml)
    preview.format = "mpp"
    preview.source = path.name
    return preview

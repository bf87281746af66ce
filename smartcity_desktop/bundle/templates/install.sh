#!/bin/sh
# Installs smartcity-desktop from this folder with no network: checks SHA256SUMS first,
# makes a virtual environment and installs the wheels in wheels/ with pip --no-index.
# Your database is kept elsewhere (the data folder shown at the end) and is never touched.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APP=${SMARTCITY_APP_DIR:-$DATA_HOME/smartcity-desktop-app}
say() { printf '%s\n' "$1" "    $2"; }
fail() { printf '%s\n' "오류: $1" "error: $2" >&2; exit 1; }

say "[1/5] 파일 확인 (SHA256SUMS)" "checking the files against SHA256SUMS"
cd "$HERE"
if command -v sha256sum >/dev/null 2>&1; then CHECK="sha256sum -c --quiet --strict"
elif command -v shasum >/dev/null 2>&1; then CHECK="shasum -a 256 -c --quiet"
else fail "sha256sum 또는 shasum 명령이 없습니다" "neither sha256sum nor shasum is installed"
fi
$CHECK SHA256SUMS || fail "손상되었거나 없는 파일이 있습니다. 번들을 다시 복사하십시오 ($CHECK SHA256SUMS 로 확인)" \
    "a file is damaged or missing; copy the bundle again (see: $CHECK SHA256SUMS)"
for f in wheels/*.whl; do
    awk -v f="$f" '$2 == f { found = 1 } END { exit !found }' SHA256SUMS || fail "목록에 없는 파일: $f" "file not in SHA256SUMS: $f"
done

say "[2/5] Python 찾기 ($(cat python-versions.txt))" "looking for Python ($(cat python-versions.txt))"
VERSIONS=$(cat python-versions.txt)
PY=""
for candidate in ${PYTHON:-} python3.13 python3.12 python3.11 python3; do
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c "import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] in '$VERSIONS'.split() else 1)" 2>/dev/null; then
        PY=$(command -v "$candidate"); break
    fi
done
[ -n "$PY" ] || fail "Python $VERSIONS 중 하나를 먼저 설치하십시오" "install one of Python $VERSIONS first"
echo "    $PY ($("$PY" -c 'import platform; print(platform.python_version())'))"

say "[3/5] 가상 환경 만들기: $APP/venv" "making the virtual environment: $APP/venv"
mkdir -p "$APP"
# The new environment is made at its final path (scripts inside it name that path); an
# earlier installation waits in venv.old and comes back if anything fails.
rm -rf "$APP/venv.old"
[ -d "$APP/venv" ] && mv "$APP/venv" "$APP/venv.old"
restore() {
    rm -rf "$APP/venv"
    [ -d "$APP/venv.old" ] && mv "$APP/venv.old" "$APP/venv"
    fail "$1 (기존 설치는 그대로입니다)" "$2 (any earlier installation is unchanged)"
}
# --without-pip: Debian/Ubuntu Pythons without ensurepip work too; pip runs from its wheel.
"$PY" -m venv --without-pip "$APP/venv" || restore "가상 환경을 만들 수 없습니다" "cannot make the virtual environment"

say "[4/5] 패키지 설치 (네트워크 사용 안 함)" "installing the packages (no network)"
PIP_WHEEL=$(ls wheels/pip-*.whl | head -n 1)
PIP_CONFIG_FILE=/dev/null "$APP/venv/bin/python" "$PIP_WHEEL/pip" install --isolated --quiet \
    --no-index --find-links "$HERE/wheels" --disable-pip-version-check pip smartcity-desktop \
    || restore "설치에 실패했습니다" "installation failed"
rm -rf "$APP/venv.old"
cp start.sh uninstall.sh "$APP/"
chmod 755 "$APP/start.sh" "$APP/uninstall.sh"

say "[5/5] 바로 가기 만들기" "adding the shortcuts"
if [ -f smartcity-desktop.desktop ]; then
    mkdir -p "$DATA_HOME/applications"
    sed "s#@APP@#$APP#g" smartcity-desktop.desktop > "$DATA_HOME/applications/smartcity-desktop.desktop"
    echo "    $DATA_HOME/applications/smartcity-desktop.desktop"
fi
mkdir -p "$HOME/.local/bin"
ln -sf "$APP/start.sh" "$HOME/.local/bin/smartcity-desktop"
echo "    $HOME/.local/bin/smartcity-desktop"

VERSION_TEXT=$("$APP/start.sh" --version) || fail "설치한 프로그램이 시작되지 않습니다" "the installed application does not start"
echo
echo "$VERSION_TEXT" | head -n 4
echo
say "설치를 마쳤습니다. 프로그램 메뉴의 '스마트시티 시범도시 추진 관리' 또는 $APP/start.sh 로 시작하십시오." \
    "Installed. Start it from the applications menu or with $APP/start.sh"
say "지우기: $APP/uninstall.sh (데이터베이스는 지우지 않습니다)" \
    "To remove it: $APP/uninstall.sh (your database is kept)"

#!/bin/sh
# Removes the application, its menu entry and command link. The database stays where it is.
set -eu
APP=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
# Ask the installed application where the data lives before removing it.
WHERE=$("$APP/venv/bin/python" -c "from smartcity_desktop.paths import default_db_path as d
from smartcity_desktop.store.database import backup_dir_for as b
print(d()); print(b(d()))" 2>/dev/null || printf '?\n?\n')
DB=$(echo "$WHERE" | sed -n 1p)
BACKUPS=$(echo "$WHERE" | sed -n 2p)
rm -f "$DATA_HOME/applications/smartcity-desktop.desktop"
if [ "$(readlink "$HOME/.local/bin/smartcity-desktop" 2>/dev/null)" = "$APP/start.sh" ]; then
    rm -f "$HOME/.local/bin/smartcity-desktop"
fi
rm -rf "$APP/venv" "$APP/start.sh" "$APP/uninstall.sh"
rmdir "$APP" 2>/dev/null || true
printf '%s\n' "프로그램을 지웠습니다. 데이터베이스는 그대로 남아 있습니다: $DB" \
    "(백업: $BACKUPS — 필요 없으면 직접 지우십시오.)" \
    "The application was removed. Your database was left where it is: $DB" \
    "(backups: $BACKUPS; delete them yourself if no longer needed)"

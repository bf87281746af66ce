#!/bin/sh
# Starts smartcity-desktop from the virtual environment beside this script.
HERE=$(cd "$(dirname "$(readlink -f "$0" 2>/dev/null || echo "$0")")" && pwd)
exec "$HERE/venv/bin/python" -m smartcity_desktop "$@"

"""``python -m smartcity_desktop``: the same as ``python main.py`` (the installed start scripts)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())

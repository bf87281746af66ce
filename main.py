"""Start smartcity-desktop: ``python main.py`` opens the window; ``--help`` lists commands."""

import sys

from smartcity_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())

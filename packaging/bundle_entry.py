"""Entry point of the one-folder application: the same as ``workshop-app``."""

import sys

from workshop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())

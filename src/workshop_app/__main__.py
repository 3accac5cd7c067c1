"""``python -m workshop_app`` is ``workshop-app``."""

import sys

from workshop_app.cli import main

sys.exit(main())

"""``python -m logreg_gui.app``: the same as ``python main.py``."""

import sys

from logreg_gui.app import main

sys.exit(main())

"""Entry point: ``python main.py [options]`` (see README.md or ``--help``)."""

import sys

from logreg_gui.app import main

if __name__ == "__main__":
    sys.exit(main())

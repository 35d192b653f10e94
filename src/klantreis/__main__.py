"""``python -m klantreis``: the same as the ``klantreis`` command."""

import sys

from klantreis.cli import main

sys.exit(main())

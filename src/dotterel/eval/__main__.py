"""`python -m dotterel.eval SET... [--data DIR] [--scoreboard PATH]`: as `dotterel eval`."""

import sys

from dotterel.eval.harness import main

sys.exit(main())

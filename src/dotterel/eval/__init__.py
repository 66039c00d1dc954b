"""Evaluation: score the coder on the public sets in ../shared/data/eval (scoring only, no tuning).

`dotterel eval SET [--data DIR] [--scoreboard PATH]` is `harness.cli_eval`; `make eval` writes
eval/SCOREBOARD.md with it.
"""

from dotterel.eval.harness import cli_eval, run_set, write_scoreboard
from dotterel.eval.metrics import SetResult
from dotterel.eval.sets import SETS, EvalDataError, EvalItem, GoldEvent, load_set

__all__ = [
    "SETS",
    "EvalDataError",
    "EvalItem",
    "GoldEvent",
    "SetResult",
    "cli_eval",
    "load_set",
    "run_set",
    "write_scoreboard",
]

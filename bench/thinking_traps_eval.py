"""Thinking-trap patterns on the dev set (which tuned them) and the blind test set, with the patterns shipped.

.venv/bin/python bench/thinking_traps_eval.py      -> table, bench/results/thinking-traps.json
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import print_table, setup_django, write_json  # noqa: E402


def main() -> None:
    setup_django("journaling_bench")
    from ml_models.training import read_rows
    from psychology import selectors
    from psychology.trap_eval import DEV, TEST, score_traps

    traps = selectors.active_traps()
    results = {path.stem: score_traps(read_rows(path), traps) for path in (DEV, TEST)}
    rows = [[name, r["n"]["trap"], r["recall"], r["lookalike_flagged"], r["disowned_flagged"]]
            for name, r in results.items()]  # fmt: skip
    print_table("Thinking traps", rows, ["set", "trap sentences", "recall", "lookalikes flagged", "disowned flagged"])
    write_json("thinking-traps", results)


if __name__ == "__main__":
    main()

"""figures.json: the machine-readable contract, serialised the same way every time."""

from __future__ import annotations

import json
from typing import Any


def dumps_figures(figures: dict[str, Any]) -> str:
    return json.dumps(figures, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

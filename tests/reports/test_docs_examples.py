"""The examples in docs/maps-and-memoranda.md run as written."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "maps-and-memoranda.md"


def test_the_python_examples_run_in_order() -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) == 2
    namespace: dict[str, object] = {}
    for block in blocks:  # the memorandum example uses the PNG map of the first
        exec(compile(block, str(DOC), "exec"), namespace)
    assert isinstance(namespace["svg"], bytes) and isinstance(namespace["png"], bytes)
    assert str(namespace["html"]).count("SECRET//REL TO USA, GBR") >= 2
    assert isinstance(namespace["pdf"], bytes) and namespace["pdf"].startswith(b"%PDF")

"""Start-up stays light: the heavy renderers load on the first command that needs them."""

import json
import subprocess
import sys

HEAVY = ("matplotlib", "docx", "lxml", "numpy", "PIL")


def test_importing_the_app_loads_no_heavy_renderer() -> None:
    probe = (
        "import json, sys; import bot.app, bot.cli; "
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    loaded = set(json.loads(out.stdout))
    assert "bot" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded.intersection(HEAVY))

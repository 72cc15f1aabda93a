"""What the browser tests share: Debian's chromium (Playwright's own browser download does not
work here), the flags it runs with on a machine without network, and whether a missing
browser fails or skips (``.ci/run`` sets ``NEWSPRISM_REQUIRE_BROWSER``: there it must run)."""

from __future__ import annotations

import os
import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: set by .ci/run: there the browser must be present, and a missing one fails instead of skipping
REQUIRED = bool(os.environ.get("NEWSPRISM_REQUIRE_BROWSER"))
SKIP_REASON = "chromium is not installed (apt-get install -y chromium); .ci/run installs it"

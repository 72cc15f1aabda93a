"""Quotes on PolNeAR dev: newsprism against textacy's direct_quotations (issue #3 names it).

newsprism has no quote extractor yet: the quotes capability (its issue) was deferred until the
pipeline from ingest to compare is measured. Until then this script says so and stops, rather
than print a table without its subject.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import skip

if __name__ == "__main__":
    skip(
        "newsprism extracts no quotations yet (the quotes issue is deferred); "
        "convert the data with: newsprism convert polnear"
    )

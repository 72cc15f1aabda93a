"""Rebuild tests/gold/heldout-p from the marked-up sources in src/articles/*.src.

The tool is ``tests/gold/partbuild.py`` (parts I to P share it; the source format is in its
docstring); this file only names the part's folder and the story lengths it was written to
(250 to 450 words of story body).

Run: python tests/gold/heldout-p/src/build.py
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from partbuild import main  # noqa: E402

if __name__ == "__main__":
    main(HERE, words_range=(250, 450))

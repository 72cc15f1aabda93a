"""Rebuild tests/gold/heldout-q from the marked-up sources in src/articles/*.src.

The tool is ``tests/gold/partbuild.py`` (parts I to Q share it; the source format is in its
docstring); this file names the part's folder and the story lengths it was written to (250 to
450 words of story body), and adds one thing for this part only: one outlet (The Tarra Basin
Farmer) marks quotations with curly single marks (‘...’), so the quotation pattern also takes
those (that outlet writes its apostrophes straight, so a ’ never closes a quotation early).

Run: python tests/gold/heldout-q/src/build.py
"""

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

import partbuild  # noqa: E402

partbuild.QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”|‘([^’]+)’|"([^"]+)$|“([^”“]+)$|‘([^’‘]+)$')

if __name__ == "__main__":
    partbuild.main(HERE, words_range=(250, 450))

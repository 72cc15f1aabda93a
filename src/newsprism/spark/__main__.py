"""The file ``spark-submit`` runs: ``newsprism spark ARGS`` (and ``import``) on the cluster's
session. ``spark-submit ... $(python -c 'import newsprism.spark.__main__ as m; print(m.__file__)')
ingest s3://bucket/cc-news/*.warc.gz --out s3://bucket/newsprism/``; see docs/spark.md."""

from __future__ import annotations

import sys

from ..cli import main


def run(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    main(args if args[:1] == ["import"] else ["spark", *args], prog_name="newsprism")


if __name__ == "__main__":
    run()

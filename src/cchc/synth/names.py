"""Where a synthetic corpus keeps its ground truth, apart from the code that writes it.

``cchc synth --help`` names these paths; importing ``cchc.synth.corpus`` for them would
load the whole drafting stage (a third of a second) into every ``cchc`` command.
"""

GOLD = "gold"  # OUT/gold/<name>.json: the flat copy of every document's answer
MANIFEST = "manifest.jsonl"  # OUT/manifest.jsonl: one line per document

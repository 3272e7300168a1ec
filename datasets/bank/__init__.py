"""PEOA's problem bank: the kinds that build the dataset JSONL files next to this folder.

``core`` is the one machinery (values as a question writes them, ``Kind``, ``registrar``,
the reference answer); ``menus`` and ``lookups`` hold the unit menus and field-library
look-ups that kinds share; each set (``process``, ``multistep``, ``maths``, ``dev``) is a
package of topic files, each registering its kinds in a ``KINDS`` (``PROBLEMS`` in dev) of
its own, which the set's ``__init__`` collects in category order and turns into records.

The bank is not part of the ``peoa`` package: the ``datasets/build_*.py`` scripts put
this folder's parent on ``sys.path`` and import ``bank``.

Adding a kind: in the topic file of its category, write a draw (inputs from the seeded
``random.Random``, each in a unit an engineer would write), at least three wordings and a
solver that computes the answer from the field libraries or the textbook formula (never
PEOA's own tools), and register it with the set's ``kind`` decorator. Append new kinds
after the existing ones of their category: a kind's key seeds its draws, and the order
of kinds fixes the records' ids, so moving or renaming one changes the dataset. Then
rebuild the set with its script and say in its datasheet what changed.
"""

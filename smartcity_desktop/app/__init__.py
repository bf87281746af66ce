"""The application layer (no Qt): every write, the one in-memory plan, and the seam to storage.

- :mod:`.session` runs each edit in one transaction and returns what changed;
  undo and redo replay it with the same conflict checks. The window, the CLI
  and imports all write through it.
- :mod:`.plan` is the plan model that views, briefings, status and exports read.
- :mod:`.ports` is the storage seam (:class:`~.ports.StorePort`): ``app/`` talks
  to storage only through it, so a server database could later replace SQLite.

Refusals are :class:`smartcity_desktop.messages.Refusal` (ids with values,
translated at the edge).
"""

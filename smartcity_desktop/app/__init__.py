"""The application layer: every write as a function over the store (Qt-free)."""

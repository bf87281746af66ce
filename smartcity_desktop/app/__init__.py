"""Every write as a function over the store, with the domain rules checked first (no Qt)."""

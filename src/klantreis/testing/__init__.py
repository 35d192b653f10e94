"""Test helpers for klantreis and for authors of plugins: hypothesis strategies
(:mod:`klantreis.testing.strategies`). Importing it needs ``hypothesis``
(``pip install klantreis[testing]``).
"""

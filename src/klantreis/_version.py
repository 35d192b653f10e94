"""The package's version (semantic versioning); the file format has its own, see serialize."""

__version__ = "0.1.0"

"""brief: a command-line research notebook for analysts."""

__version__ = "0.1.0"

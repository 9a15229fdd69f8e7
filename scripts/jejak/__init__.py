"""Jejak: the digital footprint of teacher working groups, as a citable archive."""

__version__ = "0.1.0"

"""Huoqun 活群: keep chat communities alive."""

__version__ = "0.1.0"

"""Offline AI appliance for Vietnamese ward offices (UBND phường)."""

__version__ = "0.1.0"

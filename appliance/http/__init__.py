"""Shared web plumbing: request dependencies, rendering, errors."""

"""Realistic Vietnamese demo data for trying HueDesk and for measuring it at size."""

from huedesk.demo.generator import DemoSummary, generate

__all__ = ["DemoSummary", "generate"]

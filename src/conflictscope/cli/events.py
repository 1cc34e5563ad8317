"""CLI: `events` commands. PLACEHOLDER until its owner writes it."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

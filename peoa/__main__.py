"""``python -m peoa`` runs the command line."""

from peoa.cli.main import run

run()

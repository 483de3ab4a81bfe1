"""``python -m govinfo``."""

from govinfo._cli import run

run()

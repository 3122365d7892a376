"""``python -m marsad`` runs the command line (same as the ``marsad`` script)."""

from marsad.cli.main import app

app(prog_name="marsad")

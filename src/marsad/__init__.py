"""Marsad (مرصد): follow one developing story across many Arabic outlets."""

import logging

__version__ = "0.1.0"
logging.getLogger(__name__).addHandler(logging.NullHandler())

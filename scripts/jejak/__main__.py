"""`python -m jejak` runs the command line."""

from jejak.cli import main

main()

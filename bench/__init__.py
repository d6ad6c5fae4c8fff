"""graphbuild's benchmark: a seeded corpus generator (generate.py) and the measurements (run.py)."""

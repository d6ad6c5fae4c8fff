"""`python -m graphbuild` runs the CLI."""
from graphbuild.cli import entry_point

if __name__ == "__main__":
    entry_point()

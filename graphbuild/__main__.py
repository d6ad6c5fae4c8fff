"""`python -m graphbuild` runs the CLI."""
from graphbuild.cli import app

if __name__ == "__main__":
    app(prog_name="graphbuild")

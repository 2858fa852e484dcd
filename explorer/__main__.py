import multiprocessing

from explorer.ui.entry import main

# Ingest workers start from a fork server that imports the main module again: the guard keeps
# them from running the command (or opening a window) themselves.
if __name__ == "__main__":
    multiprocessing.freeze_support()  # the PyInstaller bundle's workers run through here
    raise SystemExit(main())

# Two commands matter: `make run` opens the window on the bundled sample, `make test` runs the suite.
# Each target is one `python dev.py COMMAND`, which works the same on Windows and macOS without make.
PYTHON ?= python3

.PHONY: run test lint fuzz bench clean

run test lint fuzz bench clean:
	@$(PYTHON) dev.py $@

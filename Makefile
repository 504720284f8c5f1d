# Two commands matter: `make run` opens the window on the bundled sample, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
FUZZ_EXAMPLES ?= 20000
SAMPLE := reviewer/resources/sample/canceling-your-office-365-subscription.md

.PHONY: run test lint fuzz bench clean

$(PY):
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	@$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	@# An editable install is not byte-compiled; compile once so every start is quick.
	@$(PY) -m compileall -q reviewer main.py > /dev/null
	@touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(SAMPLE)

test: $(STAMP)
	$(PY) -m ruff check reviewer/core reviewer/cli.py
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q || { rc=$$?; [ $$rc -eq 5 ] && echo "pytest ran no test"; exit $$rc; }

lint: $(STAMP)
	$(PY) -m ruff check reviewer tests bench main.py
	$(PY) -m mypy

fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen REVIEWER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q tests/core/test_fuzz.py

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/bench_parse.py
	$(PY) bench/bench_batch.py
	$(PY) bench/bench_gui.py
	$(PY) bench/bench_hostile.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

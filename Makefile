# `make lab`, `make test` and `make release` create .venv on first use, then reuse it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: lab test release clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[test,instructor]"
	touch $(STAMP)

# Jupyter refuses to run as root unless told to, which is the usual user in containers.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks $(ROOT_FLAG)

test: $(STAMP)
	$(BIN)/python -m pytest

release: $(STAMP)
	$(BIN)/python tools/make_release.py --out release

clean:
	rm -rf $(VENV) release

# `make lab`, `make test` and `make release` create .venv on first use, then reuse it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INSTRUCTOR_STAMP := $(VENV)/.installed-instructor

# Jupyter refuses to run as root unless told to, which is the usual user in containers.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test release clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[test]"
	touch $(STAMP)

# nbgrader, for building and grading the student release; the test suite covers it too.
$(INSTRUCTOR_STAMP): $(STAMP)
	$(BIN)/python -m pip install -e ".[test,instructor]"
	touch $(INSTRUCTOR_STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks $(ROOT_FLAG)

test: $(INSTRUCTOR_STAMP)
	$(BIN)/python -m pytest

# `make release COURSE=DIR` also keeps an nbgrader course folder in DIR, for grading.
release: $(INSTRUCTOR_STAMP)
	$(BIN)/python tools/make_release.py --out release $(if $(COURSE),--course $(COURSE))

clean:
	rm -rf $(VENV) release

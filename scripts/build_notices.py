"""THIRD_PARTY_NOTICES.txt for the frozen build: every bundled package's licence, with its text.

build.spec calls write_notices() with what PyInstaller actually bundles: the Python modules (mapped
to the installed distributions that provide them) and the native libraries (those copied from the
system are mapped to their Debian package, whose copyright file is the notice). Then come Python
itself, PyInstaller's bootloader, and the data the app ships (model, word lists, font), whose
terms are in assistant/core/credits.py.

A distribution that declares a licence but ships no text gets the standard text from
/usr/share/common-licenses where Debian has it; otherwise the entry says plainly that the package
ships no licence text. A bundled package with neither a declared licence nor a text stops the
build: nothing ships whose terms are unknown.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib.metadata import Distribution, packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMON_LICENSES = Path("/usr/share/common-licenses")
# Declared licence (lower case, as it starts) -> Debian's standard text for it.
STANDARD_TEXTS = {
    "apache": "Apache-2.0",
    "lgpl-3": "LGPL-3",
    "lgpl-2.1": "LGPL-2.1",
    "mpl-2.0": "MPL-2.0",
    "mozilla public license 2.0": "MPL-2.0",
    "gpl-3": "GPL-3",
}
LICENCE_WORDS = ("LICEN", "COPYING", "NOTICE")
OWN_DISTRIBUTIONS = {"clinassist"}


@dataclass
class Entry:
    name: str
    version: str
    declared: str
    texts: list[tuple[str, str]] = field(default_factory=list)  # (file name, text)

    @property
    def has_licence(self) -> bool:
        return bool(self.declared or self.texts)

    def render(self) -> str:
        lines = [
            f"=== {self.name} {self.version}".rstrip(),
            f"Licence: {self.declared or '(not declared)'}",
        ]
        if not self.texts:
            lines.append("(The package ships no licence text; the declared licence above applies.)")
        for file_name, text in self.texts:
            lines += ["", f"--- {file_name}", text.rstrip()]
        return "\n".join(lines) + "\n"


def declared_licence(dist: Distribution) -> str:
    meta = dist.metadata
    declared = meta.get("License-Expression") or ""
    if not declared:
        raw = (meta.get("License") or "").strip()
        # Some packages paste the whole licence into this field: keep its first line only.
        declared = raw.splitlines()[0][:120] if raw else ""
    if not declared:
        classifiers = [
            c.split("::")[-1].strip()
            for c in meta.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        declared = "; ".join(classifiers)
    return declared


def licence_texts(dist: Distribution, declared: str) -> list[tuple[str, str]]:
    texts = []
    for path in dist.files or []:
        if any(word in path.name.upper() for word in LICENCE_WORDS) and not path.name.endswith(
            ".py"
        ):
            located = Path(dist.locate_file(path))
            if located.is_file():
                texts.append((str(path), located.read_text(encoding="utf-8", errors="replace")))
    if not texts:
        standard = standard_text(declared)
        if standard:
            texts.append(standard)
    return texts


def standard_text(declared: str) -> tuple[str, str] | None:
    low = declared.lower()
    for start, name in STANDARD_TEXTS.items():
        if start in low and (COMMON_LICENSES / name).is_file():
            return (f"{name} (standard text)", (COMMON_LICENSES / name).read_text(encoding="utf-8"))
    return None


def distributions_of(modules: list[str]) -> dict[str, Distribution]:
    by_module = packages_distributions()
    names: set[str] = set()
    for module in modules:
        names.update(by_module.get(module.split(".")[0], []))
    found = {}
    for name in sorted(names, key=str.lower):
        dist = Distribution.from_name(name)
        canonical = dist.metadata["Name"]
        if canonical.lower() not in OWN_DISTRIBUTIONS:
            found[canonical.lower()] = dist
    return found


def python_entries() -> list[Entry]:
    licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    text = licence.read_text(encoding="utf-8") if licence.is_file() else ""
    python = Entry(
        "Python", sys.version.split()[0], "PSF-2.0", [("LICENSE.txt", text)] if text else []
    )
    bootloader = Entry(
        "PyInstaller bootloader",
        "",
        "GPL-2.0-or-later WITH Bootloader-exception",
        [
            (
                "note",
                "The bootloader that starts this program is PyInstaller's. Its licence, the "
                "GPL with the bootloader exception, allows it to be distributed with programs "
                "of any licence.",
            )
        ],
    )
    return [python, bootloader]


def system_library_entries(binaries: list[tuple[str, str]]) -> list[Entry]:
    """Native libraries PyInstaller copied from the build machine, by Debian package."""
    system = sorted({src for _dest, src in binaries if src.startswith(("/usr/", "/lib"))})
    if not system:
        return []
    owners = subprocess.run(["dpkg", "-S", *system], capture_output=True, text=True, check=False)
    packages = sorted({line.split(":")[0] for line in owners.stdout.splitlines() if ":" in line})
    entries = []
    for package in packages:
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        text = (
            copyright_file.read_text(encoding="utf-8", errors="replace")
            if copyright_file.is_file()
            else ""
        )
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        entries.append(
            Entry(
                f"{package} (Debian package, native library)",
                version,
                "see the copyright file",
                [("copyright", text)] if text else [],
            )
        )
    return entries


def data_entries() -> list[Entry]:
    sys.path.insert(0, str(ROOT))
    from assistant.core.credits import CREDITS

    entries = [Entry(what, "", source) for what, source in CREDITS]
    font_licence = ROOT / "assets" / "fonts" / "LICENSE-DejaVu.txt"
    entries.append(
        Entry(
            "DejaVu fonts",
            "",
            "Bitstream Vera / DejaVu licence (free)",
            [("LICENSE-DejaVu.txt", font_licence.read_text(encoding="utf-8"))],
        )
    )
    words = Path("/usr/share/doc/wamerican/copyright")
    if words.is_file():
        entries.append(
            Entry(
                "SCOWL word lists (Debian wamerican)",
                "",
                "SCOWL licence",
                [("copyright", words.read_text(encoding="utf-8", errors="replace"))],
            )
        )
    return entries


def write_notices(modules: list[str], binaries: list[tuple[str, str]], out: Path) -> Path:
    packages = []
    for dist in distributions_of(modules).values():
        declared = declared_licence(dist)
        packages.append(
            Entry(dist.metadata["Name"], dist.version, declared, licence_texts(dist, declared))
        )
    sections = [
        ("Python packages bundled in this build", packages),
        ("Python and the program's starter", python_entries()),
        ("Native libraries from the build machine", system_library_entries(binaries)),
        ("Data, model and font shipped with the app", data_entries()),
    ]
    lines = [
        "clinassist: third-party notices",
        "This program bundles the following software and data, each under its own terms.",
        "",
    ]
    for title, entries in sections:
        lines += ["", "#" * 78, f"# {title} ({len(entries)})", "#" * 78, ""]
        lines += [entry.render() for entry in entries]
    missing = [e.name for _title, entries in sections for e in entries if not e.has_licence]
    if missing:
        raise SystemExit(f"no licence found for: {', '.join(missing)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


if __name__ == "__main__":
    # A quick look without a build: the notices for what the running interpreter has imported
    # after loading the app's command line.
    import assistant.cli  # noqa: F401

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "THIRD_PARTY_NOTICES.txt")
    print(write_notices(sorted(sys.modules), [], target))

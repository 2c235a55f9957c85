#!/usr/bin/env bash
# Build what IT deploys, all under dist/:
#   dist/clinassist/                              the one-folder frozen app (PyInstaller, build.spec)
#   dist/clinassist-VERSION-linux-x86_64.tar.gz   that folder, for unpacking anywhere
#   dist/clinassist_VERSION_amd64.deb             /opt/clinassist, a desktop entry and icon,
#                                                 /etc/clinassist/settings.toml as the site file
# Fails when the folder or the .deb is over its size budget (issue 15). Linux only: the same
# build.spec builds on Windows and macOS with `pyinstaller build.spec` there (not built here).
set -euo pipefail
cd "$(dirname "$0")/.."

FOLDER_BUDGET_MB=${FOLDER_BUDGET_MB:-500}
DEB_BUDGET_MB=${DEB_BUDGET_MB:-250}

bash scripts/setup.sh "[build]"
version="$(.venv/bin/python -c 'import assistant; print(assistant.__version__)')"
arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"

echo "Building clinassist ${version} (PyInstaller)…"
# --noconfirm replaces the previous dist/clinassist; build/ keeps PyInstaller's cache, so a
# rebuild after a code change takes a fraction of the first.
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  build.spec
app=dist/clinassist
cp packaging/linux/README.txt "$app/README.txt"
ln -sf _internal/THIRD_PARTY_NOTICES.txt "$app/THIRD_PARTY_NOTICES.txt"

size_mb() { du -sm "$1" | cut -f1; }
folder_mb="$(size_mb "$app")"
echo "one-folder build: ${folder_mb} MB (budget ${FOLDER_BUDGET_MB} MB)"
if ((folder_mb > FOLDER_BUDGET_MB)); then
  echo "error: the one-folder build is ${folder_mb} MB, over its ${FOLDER_BUDGET_MB} MB budget" >&2
  exit 1
fi

tarball="dist/clinassist-${version}-linux-x86_64.tar.gz"
tar -C dist -czf "$tarball" clinassist
echo "wrote $tarball ($(size_mb "$tarball") MB)"

# The .deb: staged under build/deb, owned by root, compressed with xz.
stage=build/deb
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/etc/clinassist" \
  "$stage/usr/share/applications" "$stage/usr/share/icons/hicolor/256x256/apps" \
  "$stage/usr/share/doc/clinassist"
cp -a "$app" "$stage/opt/clinassist"
ln -s /opt/clinassist/clinassist "$stage/usr/bin/clinassist"
install -m 0644 packaging/linux/settings.toml "$stage/etc/clinassist/settings.toml"
install -m 0644 packaging/linux/clinassist.desktop "$stage/usr/share/applications/"
install -m 0644 assets/icon/clinassist.png "$stage/usr/share/icons/hicolor/256x256/apps/"
install -m 0644 "$app/_internal/THIRD_PARTY_NOTICES.txt" "$stage/usr/share/doc/clinassist/copyright"
installed_kb="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/${version}/" -e "s/@ARCH@/${arch}/" -e "s/@SIZE@/${installed_kb}/" \
  packaging/linux/control.in > "$stage/DEBIAN/control"
echo "/etc/clinassist/settings.toml" > "$stage/DEBIAN/conffiles"
install -m 0755 packaging/linux/postinst packaging/linux/postrm "$stage/DEBIAN/"
deb="dist/clinassist_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
deb_mb="$(size_mb "$deb")"
echo "wrote $deb (${deb_mb} MB, budget ${DEB_BUDGET_MB} MB)"
if ((deb_mb > DEB_BUDGET_MB)); then
  echo "error: the .deb is ${deb_mb} MB, over its ${DEB_BUDGET_MB} MB budget" >&2
  exit 1
fi

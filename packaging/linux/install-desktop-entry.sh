#!/bin/sh
# Adds HueDesk to this user's application menu (no administrator rights needed).
# Run it from the HueDesk folder after unpacking it where it will stay, e.g. ~/Apps/HueDesk:
#     ./install-desktop-entry.sh
# It writes ~/.local/share/applications/huedesk.desktop (pointing at this folder's program)
# and the icon; delete those two files to remove the entry again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/huedesk.png" "$icons/huedesk.png"
sed "s|^Exec=huedesk|Exec=\"$here/huedesk\"|" "$here/huedesk.desktop" > "$apps/huedesk.desktop"
chmod 644 "$apps/huedesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "HueDesk added to the application menu ($apps/huedesk.desktop)."

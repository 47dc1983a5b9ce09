# HueDesk's hook for PySide6.QtGui: PyInstaller's own, less the Qt plugins an office laptop's
# desktop window never loads. Replacing the hook (rather than deleting files after the build)
# keeps the libraries those plugins would drag in (GTK, Cairo, Pango… for the GTK theme
# plugin) out of the build too.
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED = (
    "platformthemes/libqgtk3",  # GTK look: pulls in GTK's whole stack; Qt's own style is used
    "generic/",  # evdev/tuio input for kiosks without a windowing system
    "egldeviceintegrations/",  # EGLFS (no windowing system)
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
)

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [
    (src, dest)
    for src, dest in binaries
    if not any(part in f"{dest}/{src.rsplit('/', 1)[-1]}".replace("\\", "/") for part in UNUSED)
]

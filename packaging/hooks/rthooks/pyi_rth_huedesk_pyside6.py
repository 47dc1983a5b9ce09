# HueDesk's run-time hook for PySide6, in place of PyInstaller's own (pyi_rth_pyside6.py,
# Apache-2.0, PyInstaller Development Team), which it follows line for line except at the end.
#
# PyInstaller's hook imports PySide6.QtCore at every start, before the program runs, to
# register an embedded qt.conf. That loads Qt's core library and ICU into every process:
# `huedesk --version` and `huedesk brief …` paid for Qt they never use (about a tenth of a
# second of CPU, issue #16). Here the same qt.conf is registered right after the program
# itself first imports PySide6.QtCore (the window, print preview), so Qt sees it before
# any QCoreApplication exists, and a command without Qt never loads it.


def _pyi_rthook():
    import os
    import sys

    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable
    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")

    if sys.platform.startswith("win"):
        pyqt_path = os.path.join(sys._MEIPASS, "PySide6")
    else:
        pyqt_path = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(pyqt_path, "plugins")

    if is_macos_app_bundle:
        pyqt_path_res = os.path.normpath(
            os.path.join(sys._MEIPASS, "..", "Resources", os.path.relpath(pyqt_path, sys._MEIPASS))
        )
        os.environ["QML2_IMPORT_PATH"] = os.pathsep.join(
            [os.path.join(pyqt_path_res, "qml"), os.path.join(pyqt_path, "qml")]
        )
    else:
        os.environ["QML2_IMPORT_PATH"] = os.path.join(pyqt_path, "qml")

    if sys.platform.startswith("win"):
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(sys._MEIPASS, "DYLD_LIBRARY_PATH")

    class _AfterQtCore:
        """Finds nothing itself: when the other finders find PySide6.QtCore, makes its
        loading end with the qt.conf registration, and leaves once that has run (a spec
        found but never loaded leaves it in place for the real import)."""

        asking = False

        def find_spec(self, name, path=None, target=None):
            if name != "PySide6.QtCore" or self.asking:
                return None
            import importlib.util

            self.asking = True  # the question below comes back through sys.meta_path
            try:
                spec = importlib.util.find_spec(name)
            finally:
                self.asking = False
            if spec is None or spec.loader is None:
                return spec
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                if self in sys.meta_path:
                    sys.meta_path.remove(self)
                qt_rth_utils.create_embedded_qt_conf("PySide6", pyqt_path)

            spec.loader.exec_module = exec_module
            return spec

    if "PySide6.QtCore" in sys.modules:
        qt_rth_utils.create_embedded_qt_conf("PySide6", pyqt_path)
    else:
        sys.meta_path.insert(0, _AfterQtCore())


_pyi_rthook()
del _pyi_rthook

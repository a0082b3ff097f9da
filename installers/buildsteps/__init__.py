# SPDX-License-Identifier: MIT
"""The steps of installers/build.py, one module per target.

- ``common``: paths and platform, ``log``/``run``/``need_tool``, ``BuildError``,
  ``Paths`` (where outputs go), the digest of what the bundle is built from,
  the build lock;
- ``icons``: the icon rendered from its SVG (PNG sizes, .ico, .icns);
- ``bundle``: the PyInstaller bundle (its venv, the build, versions.txt and the
  CycloneDX SBOM, ``--self-test``);
- ``deb``: the Linux .deb (Depends: from the runtime list and ldd);
- ``msi``: the Windows MSI (WiX 3 on Windows, the wixl structure check on
  Linux, inspection with msitools) and Authenticode signing;
- ``pkg``: the macOS .pkg (through installers/macos/build_app.py).

Not named ``build``: installers/build.py runs with installers/ first on
``sys.path``, where a package of that name would shadow the script's module.
"""

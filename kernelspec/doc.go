// Package kernelspec installs and removes gocell's Jupyter kernelspec: the
// directory kernels/<name>/ that tells Jupyter how to start the kernel
// (kernel.json) and how to show it (logo-32x32.png, logo-64x64.png,
// logo-svg.svg).
//
// Where the directory goes follows Jupyter's own rules, so that
// `jupyter kernelspec list` finds it:
//
//   - by default, the user's Jupyter data directory: $JUPYTER_DATA_DIR, else
//     $XDG_DATA_HOME/jupyter or ~/.local/share/jupyter on Linux and other
//     Unixes, ~/Library/Jupyter on macOS, %APPDATA%\jupyter on Windows;
//   - with Options.Prefix, PREFIX/share/jupyter (Jupyter looks in
//     /usr/local/share/jupyter and /usr/share/jupyter by itself; any other
//     prefix needs JUPYTER_PATH=PREFIX/share/jupyter);
//   - with Options.SysPrefix, the share/jupyter directory of the Python
//     environment Jupyter runs in.
//
// The logos are drawn by this package (see logo.go) rather than shipped as
// files, so the gocell binary is all an install needs.
//
// RunInstall and RunUninstall are the `gocell install` and `gocell uninstall`
// subcommands, flags included, so the command's main stays thin. The package
// uses the standard library only.
package kernelspec

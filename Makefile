# PPG Desk: `make run` opens the app, `make test` runs every test. Both do all set-up first
# on Debian 12 (as root, or with sudo): system packages, tauri-driver, npm packages.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Keep build output outside the clone when CARGO_TARGET_DIR is set (CI keeps it warm).
export CARGO_TARGET_DIR ?= $(CURDIR)/target
export PATH := $(HOME)/.cargo/bin:$(PATH)

APT_PACKAGES := libwebkit2gtk-4.1-dev build-essential libssl-dev libdbus-1-dev pkg-config libclang-dev libxdo-dev \
	libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver \
	poppler-utils qpdf sqlite3 fonts-noto-core fonts-droid-fallback fonts-nanum \
	cups cups-client printer-driver-cups-pdf python3-pip python3 xdg-utils
TAURI_DRIVER_VERSION := 2.1.0
# Windows, cross-built here with Debian's MinGW; its command line is tested under Wine.
WINDOWS_PACKAGES := gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 nsis wine64 p7zip-full
WIN_TARGET := x86_64-pc-windows-gnu
WIN_BIN := $(CARGO_TARGET_DIR)/$(WIN_TARGET)/release
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
INSTALLER := dist/PPG-Desk-Setup-$(VERSION).exe
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: help run test setup system-packages fonts tauri-driver ui-deps ui test-style test-rust cli-for-tests test-bindings test-ui test-e2e test-windows windows windows-toolchain bench release clean

help:
	@echo "make run    set everything up and open PPG Desk"
	@echo "make test   set everything up and run every test (Rust, UI, end-to-end)"
	@echo "make bench  run the performance benchmarks and check their budgets"
	@echo "make release  build an optimised binary and a .deb package"
	@echo "make windows  cross-build ppg-desk.exe, ppg-desk-window.exe and the Windows installer"

# Builds the window the way the test suite does (same features), so `make run` after
# `make test` reuses every compiled crate instead of building the WebKit stack twice.
# `ppg-desk` with no command starts the window beside it (ARGS=--data-dir DIR works too).
run: setup ui
	cargo build -p ppg-desk-cli
	cargo test --no-run -p ppg-desk-window --test commands
	"$(CARGO_TARGET_DIR)/debug/ppg-desk" $(ARGS)

test: setup ui test-style test-rust test-bindings test-ui test-e2e test-windows
	@echo "All PPG Desk tests passed."

setup: system-packages fonts tauri-driver ui-deps

# The printing fonts are fetched (PyPI, Debian) and checked against assets/fonts/SHA256SUMS.
fonts: system-packages
	assets/fonts/fetch-fonts.sh

system-packages:
	@command -v cargo >/dev/null || { echo "Rust (cargo) is needed: install it with rustup first."; exit 1; }
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null \
		|| { echo "Node.js 20 or newer is needed (found: $$(node --version 2>/dev/null || echo none))."; exit 1; }
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages: $$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=600 $$missing; \
	fi

tauri-driver:
	@if ! tauri-driver --help >/dev/null 2>&1; then \
		cargo install tauri-driver --locked --version $(TAURI_DRIVER_VERSION); \
	fi

# npm ci only when package-lock.json changed since the last install.
ui-deps: ui/node_modules/.installed
ui/node_modules/.installed: ui/package-lock.json
	npm --prefix ui ci --no-audit --no-fund
	touch $@

ui: ui-deps
	npm --prefix ui run build

# Formatting and lints are checked, not remembered (rustfmt.toml; clippy with warnings as errors).
test-style:
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p ppg-desk-window --test e2e -- -D warnings

# The core's unit tests and invariants, the command line with it (integration), and the
# window's command index under Tauri's mock runtime.
RUST_TESTS := cargo test --workspace --lib --bins --test integration --test tidy --test commands
test-rust:
	$(RUST_TESTS)

# The `ppg-desk` the end-to-end and Wine tests use: built by the very invocation test-rust
# uses, so nothing is compiled twice (`cargo build -p ppg-desk-cli` unifies the features of
# shared crates differently and rebuilt the core's whole tree: 3-4 minutes of a cold run).
cli-for-tests:
	$(RUST_TESTS) --no-run

# The TypeScript types are generated from Rust by the test run above; they must be committed.
test-bindings:
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
		if [ -n "$$(git status --porcelain -- ui/src/lib/api/bindings)" ]; then \
			git status --short -- ui/src/lib/api/bindings; \
			echo "The generated TypeScript bindings are out of date: commit ui/src/lib/api/bindings."; exit 1; \
		fi; \
	fi

test-ui:
	npm --prefix ui run check
	npm --prefix ui test

# The real window, through tauri-driver and WebKitWebDriver, on a virtual display.
test-e2e: cli-for-tests
	tests/e2e/cups-printer.sh
	xvfb-run -a -s "-screen 0 1280x900x24" cargo test --test e2e -- --test-threads=1

# The Windows programs (release, warnings are errors) and the per-user installer, made with
# Debian's makensis from src-tauri/windows/installer.nsi (Tauri's own NSIS bundler downloads
# its helpers, which cannot work offline).
windows: windows-toolchain fonts ui
	CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-D warnings" \
		cargo build --release --target $(WIN_TARGET) --bin ppg-desk --bin ppg-desk-window
	mkdir -p dist $(WIN_BIN)/fonts
	cp assets/fonts/*.ttf $(WIN_BIN)/fonts/
	makensis -V2 -DVERSION=$(VERSION) -DBIN_DIR="$(WIN_BIN)" -DOUT_FILE="$(CURDIR)/$(INSTALLER)" \
		-DROOT="$(CURDIR)" src-tauri/windows/installer.nsi
	@echo "Built $(WIN_BIN)/ppg-desk.exe, $(WIN_BIN)/ppg-desk-window.exe and $(INSTALLER)"

windows-toolchain: system-packages
	@missing=$$(for p in $(WINDOWS_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing the Windows build's packages: $$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=600 $$missing; \
	fi
	@rustup target list --installed | grep -qx $(WIN_TARGET) || rustup target add $(WIN_TARGET)

# The Windows command line under Wine, against the Linux build on the same data, and the
# installer's contents (tests/windows/wine-cli.sh). The window cannot run under Wine.
test-windows: windows cli-for-tests
	WIN_BIN="$(WIN_BIN)" LINUX_CLI="$(CARGO_TARGET_DIR)/debug/ppg-desk" INSTALLER="$(INSTALLER)" \
		tests/windows/wine-cli.sh

# Performance budgets: criterion benchmarks (release build) checked against benches/budgets.json,
# then whole processes: printing a huge directory, and the start-up budgets (command line,
# window's first screen, memory, sizes) in benches/startup.py, under a virtual display.
bench: setup ui
	cargo bench -p ppg-desk-core --bench print --bench actions --bench sharing --bench search
	benches/check-budgets.py
	cargo build --release --bin ppg-desk --bin ppg-desk-window
	BIN="$(CARGO_TARGET_DIR)/release/ppg-desk" benches/print-memory.sh
	xvfb-run -a -s "-screen 0 1280x900x24" benches/startup.py

# The .deb holds the window (ppg-desk-window, started from the desktop menu) and the command
# line (ppg-desk), both in /usr/bin; tauri.conf.json takes the command line from dist/.
release: setup ui
	cargo build --release --bin ppg-desk
	mkdir -p dist && cp "$(CARGO_TARGET_DIR)/release/ppg-desk" dist/ppg-desk
	npm --prefix ui exec -- tauri build --bundles deb --config '{"build":{"beforeBuildCommand":""}}'

clean:
	rm -rf ui/dist ui/node_modules gen .e2e dist
	cargo clean

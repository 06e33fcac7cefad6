# The two entry points of README.md. Both install the Debian packages the
# build needs (only those missing), configure and build.
BUILD ?= build
DEPS = meson ninja-build gcc pkg-config python3 libelf-dev libffi-dev \
       libcmocka-dev libsqlite3-dev musl-tools musl-dev gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64

.PHONY: all deps demo check bench clean

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

deps:
	@missing=$$(for p in $(DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(BUILD)/build.ninja: | deps
	meson setup $(BUILD)

demo: all
	$(BUILD)/lvrun $(BUILD)/examples/wc.exe README.md LICENSE

check: all
	@tools/run-tests.sh $(BUILD)

bench: all
	bench/run.py $(BUILD)

clean:
	rm -rf $(BUILD)

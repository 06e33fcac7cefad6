# The two entry points of README.md. Both install the Debian packages the
# build needs (only those missing), configure and build.
BUILD ?= build
DEPS = meson ninja-build gcc pkg-config python3 libelf-dev libffi-dev \
       libcmocka-dev libsqlite3-dev libinih-dev libzydis-dev p7zip-full xz-utils musl-tools musl-dev gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 \
       clang lld libclang-rt-14-dev

.PHONY: all deps demo check check-asan fuzz bench clean

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# in its own build folder; any report fails the test that made it. Warnings
# are the normal build's job: GCC warns falsely under the sanitizers. The
# tests of images at their preferred bases are left out: ASan's shadow
# memory holds those addresses. So are the musl programs (their libc
# imports bind to the host libc's own symbols, past ASan's interceptors, so
# one allocator's blocks reach the other's free), the preloaded host
# programs (an ASan library cannot be preloaded into them) and the static
# programs (their system calls enter lvrun with the guest's %fs, where the
# ASan runtime keeps its own per-thread state).
ASAN_BUILD ?= build-asan
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=0:halt_on_error=1:abort_on_error=1 \
                UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# libFuzzer harnesses (tests/fuzz), built with clang in their own folder and
# each run for FUZZ_SECONDS: make fuzz FUZZ_SECONDS=3600 for a long run.
# Misaligned reads are not reported: harmless on x86-64, and lv/pe.h's NT
# headers are misaligned in any image whose e_lfanew is 4 modulo 8.
FUZZ_BUILD ?= build-fuzzers
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES = cmdline elf path pe printf view

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

# The benchmarks' own tools, side by side with lvrun: not build dependencies.
BENCH_DEPS = hyperfine gnuplot-nox wine64 proot fakechroot

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

check-asan: | deps
	@[ -f $(ASAN_BUILD)/build.ninja ] || meson setup $(ASAN_BUILD) \
		-Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false
	ninja -C $(ASAN_BUILD)
	@$(SANITIZER_ENV) tools/run-tests.sh $(ASAN_BUILD) --timeout-multiplier 4 \
		--no-suite win32-fixed-base --no-suite posix --no-suite view --no-suite syscalls

fuzz: | deps
	@[ -f $(FUZZ_BUILD)/build.ninja ] || CC=clang meson setup $(FUZZ_BUILD) \
		-Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false \
		"-Dc_args=-fsanitize=fuzzer-no-link -fno-sanitize=alignment"
	ninja -C $(FUZZ_BUILD) $(FUZZ_HARNESSES:%=tests/fuzz/fuzz_%) \
		tests/fuzz/seed_hello.exe tests/fuzz/seed_tiny.exe tests/win32/malformed_bad_mz.exe \
		tests/fuzz/seed_hello.elf tests/fuzz/seed_sysv.elf tests/fuzz/seed_static.elf
	@$(SANITIZER_ENV) tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

bench: all
	@$(MAKE) --no-print-directory deps DEPS="$(BENCH_DEPS)"
	bench/run.py $(BUILD)

clean:
	rm -rf $(BUILD)

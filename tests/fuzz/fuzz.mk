# tests/fuzz/fuzz.mk: the libFuzzer harnesses, included by the Makefile.
# The library sources are compiled again with clang and the fuzzer and
# sanitizer flags into build/fuzz/, apart from the normal objects in
# build/. "make fuzz FUZZ_SECONDS=N" builds and runs each harness for N
# seconds (tests/fuzz.sh; make check runs it for 30); "make fuzz-build"
# only builds them.

FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
FUZZ_HARNESSES = answertext assessment session layout network yaml index
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = -std=c11 -pthread $(WARNINGS) -O1 -g $(FUZZ_SAN)
FUZZ_OBJS     = $(LIB_SRCS:src/%.c=build/fuzz/obj/%.o)
FUZZ_BINS     = $(FUZZ_HARNESSES:%=build/fuzz/fuzz_%)

.PHONY: fuzz fuzz-build

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz.sh

build/fuzz/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

build/fuzz/libstok.a: $(FUZZ_OBJS)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_OBJS)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build/fuzz/libstok.a
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		build/fuzz/libstok.a $(PKG_LIBS)

-include $(FUZZ_OBJS:.o=.d)

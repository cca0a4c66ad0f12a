# tests/suite/suite.mk: the driver of the field's own test suites
# (tests/suite-commonmark.sh, tests/suite-yaml.sh, tests/suite-invisible.sh),
# included by the Makefile. It is built with the tests, with the same
# flags as the library (so SANITIZE=1 builds it with the sanitizers).

SUITE_DRIVER = build/tests/suite-driver

tests: $(SUITE_DRIVER)

$(SUITE_DRIVER): tests/suite/driver.c build/libstok.a build/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tests/suite/driver.c \
		build/libstok.a $(PKG_LIBS)

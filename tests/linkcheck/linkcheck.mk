# make linkcheck: every link of the bundled packs (or of LINKCHECK_PACKS,
# pack directories) checked with curl by tests/linkcheck/linkcheck.sh;
# dead and moved links are printed with their FILE:LINE:COL, and the
# status is 1 when a link is dead. LINKCHECK_TIMEOUT (seconds, default 15)
# and LINKCHECK_JOBS (parallel requests, default 4) tune it. It needs the
# network, so "make check" does not run it; tests/suite-linkcheck.sh tests
# it against a local server.
DEB_PACKAGES += curl

LINKCHECK_PACKS ?=

.PHONY: linkcheck
linkcheck: stok-assess
	@command -v curl >/dev/null || $(MAKE) --no-print-directory deb-deps
	@STOK_ASSESS=./stok-assess sh tests/linkcheck/linkcheck.sh $(LINKCHECK_PACKS)

# stok-assess: a plain Makefile. pkg-config finds ncursesw, libyaml and
# cmark; "make run" and "make check" install what is missing through
# "make deps" first, so that a fresh Debian machine needs nothing else.
# The GNU targets are here: all, install, install-strip, uninstall,
# installcheck, check (= test), dist, clean, distclean.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/stok-assess
MANDIR   ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale

INSTALL         ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 755
INSTALL_DATA    ?= $(INSTALL) -m 644

# A failed recipe leaves no half-written target behind.
.DELETE_ON_ERROR:

CC       ?= cc
CFLAGS   ?= -O2 -g -gdwarf-4
PKGS      = ncursesw yaml-0.1 libcmark
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libunistring (widths, UTF-8, NFC) is compiled in from its static
# archive; its modules are gnulib's too, made to be compiled into the
# programs that use them. Loaded as a shared library it cost 0.1 ms
# before main at every start (BENCHMARKS.md). libyaml and cmark, the
# parsers of what others send, stay shared, so that their security
# updates reach the program. Without the archive (or with UNISTRING_A
# empty), the shared library is linked.
UNISTRING_A := $(filter /%,$(shell $(CC) -print-file-name=libunistring.a 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) \
	      $(if $(wildcard $(UNISTRING_A)),$(UNISTRING_A),-lunistring)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARNINGS  = -Wall -Wextra -Wpedantic -Wshadow -Wformat=2
ALL_CPPFLAGS = -Iinclude -D_DEFAULT_SOURCE -DVERSION='"$(VERSION)"' \
	       -DDATADIR='"$(DATADIR)"' -DLOCALEDIR='"$(LOCALEDIR)"' $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = -std=c11 -pthread $(WARNINGS) $(SAN_FLAGS) $(CFLAGS)
ALL_LDFLAGS = -pthread $(SAN_FLAGS) $(LDFLAGS)

ifeq ($(SANITIZE),1)
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

# Debian packages the build needs ("make run"), and those the tests need too.
DEB_BUILD_PACKAGES = gcc make pkg-config libncurses-dev libyaml-dev libcmark-dev \
	       libunistring-dev gettext
DEB_PACKAGES = gcc make pkg-config libncurses-dev libyaml-dev libcmark-dev cmark \
	       libcmocka-dev libunistring-dev libxml2-utils python3 tmux valgrind strace mandoc locales \
	       gettext dialog clang libclang-rt-14-dev

# The sources, one a line: the library (what the unit tests and the
# fuzzers link) and the command-line program around it.
LIB_SRCS  = src/answertext.c
LIB_SRCS += src/app.c
LIB_SRCS += src/assessment.c
LIB_SRCS += src/diag.c
LIB_SRCS += src/fileio.c
LIB_SRCS += src/i18n.c
LIB_SRCS += src/layout.c
LIB_SRCS += src/links.c
LIB_SRCS += src/mdmem.c
LIB_SRCS += src/merge.c
LIB_SRCS += src/network.c
LIB_SRCS += src/pack.c
LIB_SRCS += src/packs.c
LIB_SRCS += src/packindex.c
LIB_SRCS += src/report.c
LIB_SRCS += src/report_doc.c
LIB_SRCS += src/report_json.c
LIB_SRCS += src/report_words.c
LIB_SRCS += src/room.c
LIB_SRCS += src/schema.c
LIB_SRCS += src/score.c
LIB_SRCS += src/session.c
LIB_SRCS += src/text.c
LIB_SRCS += src/ui_signal.c
LIB_SRCS += src/ui_text.c
LIB_SRCS += src/util.c
LIB_SRCS += src/yfast.c
LIB_SRCS += src/ytree.c

CMD_SRCS  = src/main.c
CMD_SRCS += src/cmd_check.c
CMD_SRCS += src/cmd_common.c
CMD_SRCS += src/cmd_links.c
CMD_SRCS += src/cmd_list.c
CMD_SRCS += src/cmd_merge.c
CMD_SRCS += src/cmd_network.c
CMD_SRCS += src/cmd_report.c
CMD_SRCS += src/cmd_wizard.c
CMD_SRCS += src/scr_input.c
CMD_SRCS += src/scr_lists.c
CMD_SRCS += src/scr_pager.c
CMD_SRCS += src/scr_question.c
CMD_SRCS += src/scr_vote.c
CMD_SRCS += src/ui_curses.c
CMD_SRCS += src/ui_draw.c
CMD_SRCS += src/ui_term.c
TEST_SRCS = $(wildcard tests/unit/test_*.c)

LIB_OBJS  = $(LIB_SRCS:src/%.c=build/%.o)
CMD_OBJS  = $(CMD_SRCS:src/%.c=build/%.o)
TEST_BINS = $(TEST_SRCS:tests/unit/%.c=build/tests/%)

PACKS   = $(patsubst data/%/assessment.yaml,%,$(wildcard data/*/assessment.yaml))
MANPAGES = man/stok-assess.1 man/stok-assess.5

# The interface's message catalogues: English is the source, po/LANG.po the
# translations. The .mo files go to build/locale, where src/i18n.c finds
# them beside the executable; "make pot" brings po/ up to date with the
# sources (tests/golden-i18n.sh fails until it is).
LINGUAS  = tr fi
POT      = po/stok-assess.pot
POT_NEW  = build/stok-assess.pot
POT_SRCS = $(sort $(LIB_SRCS) $(CMD_SRCS) $(wildcard include/*.h))
MO_FILES = $(LINGUAS:%=build/locale/%/LC_MESSAGES/stok-assess.mo)
XGETTEXT_FLAGS = --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
		 --add-comments=TRANSLATORS: --add-location=file \
		 --package-name=stok-assess --package-version=$(VERSION)

.PHONY: FORCE all run check check-unit test install install-strip installcheck uninstall clean \
	distclean dist deb deps deb-deps need-deps need-build-deps lint bench pot pot-new

all: stok-assess $(MO_FILES)

stok-assess: $(CMD_OBJS) build/libstok.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(CMD_OBJS) build/libstok.a $(PKG_LIBS)

build/libstok.a: $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

# Rebuild everything when the compiler, its flags (SANITIZE=1, say), the
# libraries linked or the directories compiled into the program (PREFIX,
# DATADIR, LOCALEDIR) change.
BUILD_FLAGS = $(CC) $(SAN_FLAGS) $(CFLAGS) $(CPPFLAGS) $(LDFLAGS) $(PKG_LIBS) VERSION=$(VERSION) \
	      PREFIX=$(PREFIX) BINDIR=$(BINDIR) DATADIR=$(DATADIR) MANDIR=$(MANDIR) LOCALEDIR=$(LOCALEDIR)
build/.flags: FORCE
	@mkdir -p build
	@echo '$(BUILD_FLAGS)' | cmp -s - $@ || echo '$(BUILD_FLAGS)' > $@

build/%.o: src/%.c build/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/tests/%: tests/unit/%.c build/libstok.a build/.flags
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< build/libstok.a \
		$(PKG_LIBS) $(CMOCKA_LIBS)

-include $(LIB_OBJS:.o=.d) $(CMD_OBJS:.o=.d)

# The fuzzers (make fuzz, make fuzz-build): see tests/fuzz/fuzz.mk.
-include tests/fuzz/fuzz.mk
# Other test suites with make rules of their own (tests/NAME/NAME.mk): each
# may add to DEB_PACKAGES and define its targets there.
-include $(filter-out tests/fuzz/fuzz.mk,$(wildcard tests/*/*.mk))

build/locale/%/LC_MESSAGES/stok-assess.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# The template as the sources give it now, in $(POT_NEW).
pot-new:
	@mkdir -p $(dir $(POT_NEW))
	xgettext $(XGETTEXT_FLAGS) -o $(POT_NEW) $(POT_SRCS)

# The template (rewritten only when a message changed, not for a new date),
# merged into every catalogue: new messages arrive untranslated or fuzzy.
pot: pot-new
	@sed '/^"POT-Creation-Date:/d' $(POT_NEW) >$(POT_NEW).a
	@sed '/^"POT-Creation-Date:/d' $(POT) >$(POT_NEW).b 2>/dev/null || true
	@cmp -s $(POT_NEW).a $(POT_NEW).b || cp $(POT_NEW) $(POT)
	@rm -f $(POT_NEW).a $(POT_NEW).b
	for l in $(LINGUAS); do \
	  msgmerge --quiet --update --backup=none --previous --add-location=file po/$$l.po $(POT) || exit 1; \
	done

# The tool on the bundled content: in the locale's language when there is
# a pack in it, in Turkish otherwise. RUN_ARGS adds options.
run: need-build-deps
	@$(MAKE) --no-print-directory all
	@lang=$${LANGUAGE:-$${LC_ALL:-$${LC_MESSAGES:-$${LANG:-}}}}; lang=$${lang%%[_.:@]*}; \
	 ./stok-assess list | cut -f2 | grep -qx "$$lang" || lang=tr; \
	 echo "./stok-assess --lang $$lang $(RUN_ARGS)"; exec ./stok-assess --lang $$lang $(RUN_ARGS)

# Everything: the manual pages' lint, unit, golden and end-to-end tests in
# several locales, the fuzzers, the SIGKILL test and valgrind, side by side
# on the cores (tests/run.sh says how; JOBS=N sets how many at a time).
# The build before the tests uses every core unless -j was given.
NPROC    := $(shell nproc 2>/dev/null || echo 1)
JOBS_ARG  = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))

check: need-deps
	@$(MAKE) --no-print-directory $(JOBS_ARG) all tests
	@# the fuzzers too, on every core (tests/fuzz.sh reports a failed build)
	@-$(MAKE) --no-print-directory -s $(JOBS_ARG) fuzz-build >/dev/null 2>&1
	@SANITIZE=$(SANITIZE) sh tests/run.sh

test: check

# The offline, quick subset (the Debian package runs it while building):
# unit, golden and line-mode tests; no tmux, valgrind, fuzzers or network,
# and no "make deps".
check-unit:
	@$(MAKE) --no-print-directory $(JOBS_ARG) all tests
	@SANITIZE=$(SANITIZE) sh tests/run.sh --quick

tests: stok-assess $(TEST_BINS)

# The benchmark, not part of "check": synthetic packs in build/bench, the
# table on stdout and in BENCHMARKS.md (tests/bench/bench.py says how).
# BENCH_ARGS passes options, such as --quick or --runs N.
BENCH_TOOLS = build/bench/ptyrun build/bench/readall

bench: need-deps
	@command -v dialog >/dev/null || $(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all $(BENCH_TOOLS)
	python3 tests/bench/bench.py $(BENCH_ARGS)

build/bench/%: tests/bench/%.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARNINGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lutil

lint:
	mandoc -Tlint -Wwarning $(MANPAGES)

# "make run" installs what the build lacks, no more; "make check" all that
# the tests use, the npm packages of package-lock.json included.
need-build-deps:
	@pkg-config --exists $(PKGS) 2>/dev/null && command -v $(CC) >/dev/null && \
	 command -v msgfmt >/dev/null || \
	 $(MAKE) --no-print-directory deb-deps DEB_WANT="$(DEB_BUILD_PACKAGES)"

need-deps:
	@pkg-config --exists $(PKGS) cmocka 2>/dev/null && \
	 for t in $(CC) tmux valgrind strace mandoc localedef msgfmt cmark xmllint python3 clang; do \
	   command -v $$t >/dev/null || exit 1; done && \
	 [ -d /usr/share/i18n/locales ] && \
	 cmp -s package-lock.json node_modules/.installed-lock || $(MAKE) --no-print-directory deps

# Debian packages first, then the npm packages of package-lock.json (test
# data only: the CommonMark spec, the YAML test suite, axe-core), exactly
# as pinned there.
deps: deb-deps
	@command -v npm >/dev/null || { echo "make deps: apt-get install -y nodejs npm"; \
	 $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y --no-install-recommends nodejs npm; }
	@cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null || \
	 { echo "make deps: npm ci"; npm ci --ignore-scripts --no-audit --no-fund && \
	   cp package-lock.json node_modules/.installed-lock; }

deb-deps:
	@missing=$$(for p in $(or $(DEB_WANT),$(DEB_PACKAGES)); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	  done | tr '\n' ' '); \
	if [ -z "$$missing" ]; then echo "make deps: every package is installed"; exit 0; fi; \
	cmd="apt-get install -y --no-install-recommends $$missing"; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "make deps: apt-get update && $$cmd"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$cmd; \
	elif command -v sudo >/dev/null 2>&1 && sudo apt-get update -qq; then \
	  echo "make deps: sudo $$cmd"; \
	  sudo DEBIAN_FRONTEND=noninteractive $$cmd; \
	else \
	  echo "make deps: cannot install packages (not root, no sudo); run as root:" >&2; \
	  echo "  apt-get update && $$cmd" >&2; exit 1; \
	fi

install: stok-assess $(MO_FILES)
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(MANDIR)/man5"
	$(INSTALL_PROGRAM) stok-assess "$(DESTDIR)$(BINDIR)/stok-assess"
	$(INSTALL_DATA) man/stok-assess.1 "$(DESTDIR)$(MANDIR)/man1/stok-assess.1"
	$(INSTALL_DATA) man/stok-assess.5 "$(DESTDIR)$(MANDIR)/man5/stok-assess.5"
	for p in $(PACKS); do \
	  (cd data/$$p && find . -type d) | while read -r d; do \
	    $(INSTALL) -d "$(DESTDIR)$(DATADIR)/$$p/$$d"; done; \
	  (cd data/$$p && find . -type f ! -name answers.index) | while read -r f; do \
	    $(INSTALL_DATA) "data/$$p/$$f" "$(DESTDIR)$(DATADIR)/$$p/$$f"; done; \
	done
	# each pack's index, over the files as installed; with SOURCE_DATE_EPOCH
	# (a Debian build) their times first go back to it, as the package will
	# keep them, so that the index still matches them once installed
	for p in $(PACKS); do \
	  d="$(DESTDIR)$(DATADIR)/$$p"; \
	  if [ -n "$${SOURCE_DATE_EPOCH:-}" ]; then \
	    find "$$d" -exec touch -h -d "@$$SOURCE_DATE_EPOCH" {} + || exit 1; fi; \
	  ./stok-assess index "$$d" >/dev/null || exit 1; \
	done
	for l in $(LINGUAS); do \
	  $(INSTALL) -d "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES"; \
	  $(INSTALL_DATA) build/locale/$$l/LC_MESSAGES/stok-assess.mo \
	    "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/stok-assess.mo"; \
	done

install-strip:
	$(MAKE) --no-print-directory INSTALL_PROGRAM='$(INSTALL_PROGRAM) -s' install

# The installed program on its installed content (after "make install",
# with the same PREFIX and DESTDIR): tests/installcheck.sh says what.
installcheck:
	@sh tests/installcheck.sh "$(DESTDIR)$(BINDIR)/stok-assess" "$(DESTDIR)$(DATADIR)" \
	    "$(DESTDIR)$(MANDIR)" "$(if $(DESTDIR),,$(LOCALEDIR))" "$(PACKS)"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/stok-assess"
	rm -f "$(DESTDIR)$(MANDIR)/man1/stok-assess.1" "$(DESTDIR)$(MANDIR)/man5/stok-assess.5"
	for p in $(PACKS); do \
	  rm -f "$(DESTDIR)$(DATADIR)/$$p/answers.index"; \
	  (cd data/$$p && find . -type f) | while read -r f; do \
	    rm -f "$(DESTDIR)$(DATADIR)/$$p/$$f"; done; \
	  (cd data/$$p && find . -depth -type d) | while read -r d; do \
	    d=$${d#.}; rmdir "$(DESTDIR)$(DATADIR)/$$p$$d" 2>/dev/null || true; done; \
	done
	rmdir "$(DESTDIR)$(DATADIR)" 2>/dev/null || true
	for l in $(LINGUAS); do \
	  rm -f "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/stok-assess.mo"; \
	  rmdir "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES" "$(DESTDIR)$(LOCALEDIR)/$$l" 2>/dev/null || true; \
	done
	# the folders "make install" may have made, when nothing else is in them
	rmdir "$(DESTDIR)$(LOCALEDIR)" "$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(MANDIR)/man5" \
	    2>/dev/null || true

clean:
	rm -rf build stok-assess

# What "make deps" and "make dist" left too.
distclean: clean
	rm -rf node_modules stok-assess-$(VERSION) stok-assess-$(VERSION).tar.gz

# The source tarball stok-assess-VERSION.tar.gz: the files git knows (or,
# outside a git work tree, every file but what the build makes), under
# stok-assess-VERSION/, owned by root, dated by the last commit.
DIST = stok-assess-$(VERSION)
dist:
	@rm -rf $(DIST) $(DIST).tar.gz
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git ls-files -z; \
	else \
	  find . -path ./build -prune -o -path ./node_modules -prune -o -path ./.git -prune \
	    -o -path ./$(DIST) -prune -o -name '$(DIST).tar.gz' -o -path ./stok-assess -o \
	    -type f -printf '%P\0'; \
	fi | LC_ALL=C sort -z | \
	  tar --null -T - --transform 's,^,$(DIST)/,S' --owner=0 --group=0 --numeric-owner \
	    --mode='u+rwX,go+rX,go-w' --sort=none \
	    --mtime="@$$(git log -1 --format=%ct 2>/dev/null || date +%s)" \
	    -cf - | gzip -n -9 > $(DIST).tar.gz
	@echo "$(DIST).tar.gz"

# The Debian package, built from "make dist" in build/deb and checked with
# lintian (tests/deb.sh also installs, runs and purges it).
DEB_PACKAGES_DEB = debhelper dpkg-dev lintian man-db
deb:
	@$(MAKE) --no-print-directory deb-deps DEB_PACKAGES='$(DEB_PACKAGES_DEB)'
	@$(MAKE) --no-print-directory dist
	rm -rf build/deb && mkdir -p build/deb
	tar -C build/deb -xzf $(DIST).tar.gz
	cd build/deb/$(DIST) && dpkg-buildpackage -us -uc
	lintian --fail-on error,warning --display-info --pedantic build/deb/stok-assess_$(VERSION)_*.changes

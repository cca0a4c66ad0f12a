# stok-assess: a plain Makefile. pkg-config finds ncursesw, libyaml and
# cmark; "make run" and "make check" install what is missing through
# "make deps" first, so that a fresh Debian machine needs nothing else.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/stok-assess
MANDIR    = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale

CC       ?= cc
CFLAGS   ?= -O2 -g -gdwarf-4
PKGS      = ncursesw yaml-0.1 libcmark
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lunistring
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARNINGS  = -Wall -Wextra -Wpedantic -Wshadow -Wformat=2
ALL_CPPFLAGS = -Iinclude -D_DEFAULT_SOURCE -DVERSION='"$(VERSION)"' \
	       -DDATADIR='"$(DATADIR)"' -DLOCALEDIR='"$(LOCALEDIR)"' $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(WARNINGS) $(SAN_FLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)

ifeq ($(SANITIZE),1)
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

# Debian packages the build and the tests need.
DEB_PACKAGES = gcc make pkg-config libncurses-dev libyaml-dev libcmark-dev cmark \
	       libcmocka-dev libunistring-dev libxml2-utils python3 tmux valgrind mandoc locales gettext \
	       dialog clang libclang-rt-14-dev

LIB_SRCS = src/layout.c src/util.c src/text.c src/diag.c src/ytree.c src/yfast.c src/schema.c \
	   src/fileio.c src/assessment.c src/answertext.c src/pack.c src/packs.c \
	   src/score.c src/report.c src/report_doc.c src/report_json.c src/report_words.c src/app.c src/i18n.c src/merge.c src/links.c \
	   src/session.c src/ui_text.c src/network.c src/room.c
CMD_SRCS = src/main.c src/cmd_check.c src/cmd_list.c src/cmd_links.c src/cmd_report.c src/cmd_merge.c src/cmd_network.c src/cmd_common.c src/cmd_wizard.c src/ui_curses.c src/ui_term.c src/ui_draw.c \
	   src/scr_question.c src/scr_vote.c src/scr_pager.c src/scr_lists.c src/scr_input.c
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

.PHONY: FORCE all run check test install uninstall clean deps deb-deps need-deps need-build-deps lint bench \
	pot pot-new

all: stok-assess $(MO_FILES)

stok-assess: $(CMD_OBJS) build/libstok.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(CMD_OBJS) build/libstok.a $(PKG_LIBS)

build/libstok.a: $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

# Rebuild everything when the compiler or its flags change (SANITIZE=1, say).
build/.flags: FORCE
	@mkdir -p build
	@echo "$(CC) $(SAN_FLAGS) $(CFLAGS) $(LDFLAGS)" | cmp -s - $@ || \
	 echo "$(CC) $(SAN_FLAGS) $(CFLAGS) $(LDFLAGS)" > $@

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

# Everything: unit, golden and end-to-end tests, in several locales.
check: need-deps
	@$(MAKE) --no-print-directory all tests
	@SANITIZE=$(SANITIZE) tests/run.sh

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

need-build-deps:
	@pkg-config --exists $(PKGS) 2>/dev/null && command -v $(CC) >/dev/null && \
	 command -v msgfmt >/dev/null || $(MAKE) --no-print-directory deps

need-deps:
	@pkg-config --exists $(PKGS) cmocka 2>/dev/null && \
	 for t in $(CC) tmux valgrind mandoc localedef msgfmt cmark xmllint python3 clang; do \
	   command -v $$t >/dev/null || exit 1; done && \
	 [ -d /usr/share/i18n/locales ] || $(MAKE) --no-print-directory deps

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
	@missing=$$(for p in $(DEB_PACKAGES); do \
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
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 stok-assess $(DESTDIR)$(BINDIR)/stok-assess
	install -m 644 man/stok-assess.1 $(DESTDIR)$(MANDIR)/man1/stok-assess.1
	install -m 644 man/stok-assess.5 $(DESTDIR)$(MANDIR)/man5/stok-assess.5
	for p in $(PACKS); do \
	  (cd data/$$p && find . -type d) | while read -r d; do \
	    install -d "$(DESTDIR)$(DATADIR)/$$p/$$d"; done; \
	  (cd data/$$p && find . -type f) | while read -r f; do \
	    install -m 644 "data/$$p/$$f" "$(DESTDIR)$(DATADIR)/$$p/$$f"; done; \
	done
	for l in $(LINGUAS); do \
	  install -d "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES"; \
	  install -m 644 build/locale/$$l/LC_MESSAGES/stok-assess.mo \
	    "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/stok-assess.mo"; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/stok-assess
	rm -f $(DESTDIR)$(MANDIR)/man1/stok-assess.1 $(DESTDIR)$(MANDIR)/man5/stok-assess.5
	for p in $(PACKS); do \
	  (cd data/$$p && find . -type f) | while read -r f; do \
	    rm -f "$(DESTDIR)$(DATADIR)/$$p/$$f"; done; \
	  (cd data/$$p && find . -depth -type d) | while read -r d; do \
	    rmdir "$(DESTDIR)$(DATADIR)/$$p/$$d" 2>/dev/null || true; done; \
	done
	rmdir "$(DESTDIR)$(DATADIR)" 2>/dev/null || true
	for l in $(LINGUAS); do \
	  rm -f "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/stok-assess.mo"; done

clean:
	rm -rf build stok-assess

# tests/browser: the HTML report in a real browser (issue 18). "make
# check-browser" prints the Turkish and the English report to PDF with
# headless Chromium and checks the paper (pdftotext), the width of the
# page at 360 and 1280 px, and axe-core's accessibility rules.

DEB_PACKAGES += chromium poppler-utils fonts-dejavu-core

.PHONY: check-browser need-browser-deps

need-browser-deps:
	@for t in chromium pdftotext pdftoppm node; do \
	   command -v $$t >/dev/null || exit 1; done && \
	 [ -f node_modules/axe-core/axe.min.js ] || $(MAKE) --no-print-directory deps

check-browser: need-browser-deps stok-assess
	sh tests/browser/run.sh

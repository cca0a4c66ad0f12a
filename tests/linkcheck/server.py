# A small HTTP server for tests/suite-linkcheck.sh, on 127.0.0.1 at a port
# the system chooses (written to the file named by the first argument):
#   /ok       200            /moved    301 to /ok       /gone  404
#   /removed  410            /nohead   HEAD 405, GET 200
#   /slow     200 after 5 s (past the test's time limit)
#   /loop     301 to itself (never arrives)
#   /evil     301 to /ok with an escape sequence in its query
import http.server
import sys
import time


class Handler(http.server.BaseHTTPRequestHandler):
    def reply(self, code, location=None, body=True):
        self.send_response(code)
        if location is not None:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        page = b"<!doctype html><title>test</title><p>test page</p>\n"
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if body:
            self.wfile.write(page)

    def answer(self, body):
        path = self.path.split("?")[0]
        if path == "/ok":
            self.reply(200, body=body)
        elif path == "/moved":
            self.reply(301, "/ok", body)
        elif path == "/gone":
            self.reply(404, body=body)
        elif path == "/removed":
            self.reply(410, body=body)
        elif path == "/nohead":
            self.reply(405 if not body else 200, body=body)
        elif path == "/slow":
            time.sleep(5)
            self.reply(200, body=body)
        elif path == "/loop":
            self.reply(301, "/loop", body)
        elif path == "/evil":
            self.reply(301, "/ok?\x1b[31mred\x07", body)
        else:
            self.reply(404, body=body)

    def do_HEAD(self):
        self.answer(False)

    def do_GET(self):
        self.answer(True)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d\n" % server.server_address[1])
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()

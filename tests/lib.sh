# tests/lib.sh: what the test scripts share. A script sets $suite (the
# word after "PASS:") and $work (its temporary directory), then sources
# this file; the tmux helpers also want $sock, the tmux server's socket.

# The separator between a report's figures (REPORT_DOT): a middle dot held
# to the figure before it by a no-break space.
dot=$(printf '\302\240\302\267')

# result NAME COMMAND...: PASS when the command succeeds, else FAIL with
# the first 30 lines of what it printed, indented.
result() {
	name=$1
	shift
	if "$@" >"$work/why" 2>&1; then
		echo "PASS: $suite $name"
	else
		echo "FAIL: $suite $name"
		sed 's/^/    /' "$work/why" | head -30
	fi
}

# plain_paths: $top and $bin as paths that a command line given to tmux
# (run by a shell) can hold as they are: a clone under "my projects" or
# "it's" is reached through a link under $work, whose name mktemp made
# plain. The program finds its data and catalogues through the link's
# target, as it would from the clone itself.
plain_paths() {
	case $top in *[!A-Za-z0-9_./-]*) ln -s "$top" "$work/top" && top=$work/top ;; esac
	case $bin in *[!A-Za-z0-9_./-]*) ln -s "$bin" "$work/stok-assess" && bin=$work/stok-assess ;; esac
}

# tmux, without the user's configuration; the pane is the session "w"
tm() { tmux -S "$sock" -f /dev/null "$@"; }
# tm_server: start a tmux server that outlives its sessions. Otherwise
# ending the last session ends the server, and the next new-session can
# reach it while it exits and fail with "server exited unexpectedly"
# (seen once in CI under load); a script calls this after setting $sock.
tm_server() { tm start-server \; set-option -g exit-empty off; }
screen() { tm capture-pane -p -t w; }
# resize_to COLS ROWS: the pane made that size, then time for the program
# to draw itself again at it (the pane's size is checked, up to 2 s)
resize_to() {
	tm resize-window -t w -x "$1" -y "$2"
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		[ "$(tm display -p -t w '#{pane_width}x#{pane_height}')" = "$1x$2" ] && break
		sleep 0.1
	done
	sleep 0.3
}
keys() { tm send-keys -t w "$@"; }
# wait_for TEXT: until the screen shows TEXT (5 seconds at most), and then
# until it stops changing (a second at most): a frame can be on the screen
# in part, its first lines drawn and not yet the rest (seen in CI under the
# sanitizers), and what a test reads next must be the whole frame
wait_for() {
	i=0
	while ! screen | grep -qF -- "$1"; do
		i=$((i + 1))
		[ $i -gt 50 ] && { echo "the screen never showed '$1':"; screen | sed 's/^/    | /'; return 1; }
		sleep 0.1
	done
	was=$(screen)
	for i in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.05
		now=$(screen)
		[ "$now" = "$was" ] && return 0
		was=$now
	done
	return 0
}
# wait_gone TEXT: until the screen no longer shows TEXT (5 seconds at
# most). A key sent after a fixed sleep can reach a busy program together
# with the one before it: Escape and a letter read at once are Alt and
# that letter
wait_gone() {
	i=0
	while screen | grep -qF -- "$1"; do
		i=$((i + 1))
		[ $i -gt 50 ] && { echo "the screen still shows '$1':"; screen | sed 's/^/    | /'; return 1; }
		sleep 0.1
	done
}

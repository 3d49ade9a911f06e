package web

import (
	"context"
	"syscall"
)

// cork holds back the request's connection's partial segments (Linux
// TCP_CORK, as nginx's tcp_nopush) until the returned function is called,
// so that the two writes of a cached page leave as one train of full
// segments: the client then wakes up and reads once, not twice. It returns
// nil when the connection is unknown (no ConnContext) or not TCP.
func cork(ctx context.Context) (uncork func()) {
	c := requestConn(ctx)
	if c == nil {
		return nil
	}
	rc, err := c.SyscallConn()
	if err != nil {
		return nil
	}
	set := func(on int) bool {
		var serr error
		err := rc.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK, on)
		})
		return err == nil && serr == nil
	}
	if !set(1) {
		return nil
	}
	return func() { set(0) }
}

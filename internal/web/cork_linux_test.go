package web

import (
	"context"
	"net"
	"syscall"
	"testing"
)

func TestCorkSetsAndClearsTCPCork(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		if c, err := ln.Accept(); err == nil {
			defer c.Close()
			_, _ = c.Read(make([]byte, 1))
		}
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	corked := func() int {
		rc, err := conn.(*net.TCPConn).SyscallConn()
		if err != nil {
			t.Fatal(err)
		}
		v := -1
		if err := rc.Control(func(fd uintptr) {
			v, err = syscall.GetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK)
		}); err != nil {
			t.Fatal(err)
		}
		return v
	}

	if cork(context.Background()) != nil {
		t.Fatal("corked without a connection in the context")
	}
	uncork := cork(ConnContext(context.Background(), conn))
	if uncork == nil {
		t.Fatal("not corked")
	}
	if v := corked(); v != 1 {
		t.Fatalf("TCP_CORK = %d while corked", v)
	}
	uncork()
	if v := corked(); v != 0 {
		t.Fatalf("TCP_CORK = %d after uncork", v)
	}
}

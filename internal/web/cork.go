package web

import (
	"context"
	"net"
)

// corkMin is the size of body above which a cached page is corked: net/http
// sends the header and the first part of a body through a 4 KB buffer and
// the rest in a second write.
const corkMin = 2048

// connKey is the context key of a request's connection.
type connKey struct{}

// ConnContext is for http.Server.ConnContext: it keeps each connection in
// its requests' context, so that a cached page can be sent corked (see
// cork). Without it pages are sent as net/http sends them.
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, c)
}

// requestConn returns the connection ConnContext kept, or nil.
func requestConn(ctx context.Context) *net.TCPConn {
	c, _ := ctx.Value(connKey{}).(*net.TCPConn)
	return c
}

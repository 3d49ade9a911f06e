package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/gongkai/gongkai/internal/auditlog"
)

// ParseTrustedProxies reads the --trusted-proxies value: CIDR ranges (or
// single addresses) separated by commas, e.g. "10.0.0.0/8, fd00::/8". An
// empty value trusts nobody. The error is for the operator, in Chinese.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil || a.Zone() != "" {
			return nil, fmt.Errorf("可信代理 %q 不是有效的 CIDR 网段或 IP 地址（应写作 10.0.0.0/8 或 fd00::/8，多个以逗号分隔）", f)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// client is who sent a request, as far as the server can tell: the
// address of the TCP peer, or, when that peer is a trusted proxy, the
// address and scheme it forwarded.
type client struct {
	addr  string // the client's IP address, or the raw peer address when it is not one
	https bool
}

type clientKey struct{}

// resolveClient works out the request's client once, before anything
// else reads it (the access log, the post limits, the audit log, links to
// the site itself), and keeps it in the request's context. Forwarded
// headers count only when the TCP peer is within Config.TrustedProxies;
// from anyone else they are ignored, so they cannot be forged.
func (s *Server) resolveClient(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := resolve(r, s.cfg.TrustedProxies)
		ctx := context.WithValue(r.Context(), clientKey{}, c)
		ctx = auditlog.WithClient(ctx, c.addr)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// clientOf returns the request's client as resolveClient found it; a
// request that did not pass through it (a handler called directly) is
// resolved trusting no proxy.
func clientOf(r *http.Request) client {
	if c, ok := r.Context().Value(clientKey{}).(client); ok {
		return c
	}
	return resolve(r, nil)
}

// clientAddr is the request's client address (see resolveClient).
func clientAddr(r *http.Request) string { return clientOf(r).addr }

// isHTTPS reports whether the client reached the site over HTTPS: directly,
// or through a trusted proxy that says so in X-Forwarded-Proto.
func isHTTPS(r *http.Request) bool { return clientOf(r).https }

// resolve finds the client of r when the proxies in trusted may speak for
// it. X-Forwarded-For is read from the right, each proxy appending the
// address it received the request from: the first address that is not
// itself a trusted proxy is the client (every hop to its right vouched for
// it). X-Forwarded-Proto, when the peer is trusted, is the scheme the
// nearest proxy reports (its right-most value).
func resolve(r *http.Request, trusted []netip.Prefix) client {
	peer, ok := peerAddr(r.RemoteAddr)
	c := client{addr: r.RemoteAddr, https: r.TLS != nil}
	if !ok {
		return c
	}
	c.addr = peer.String()
	if !within(peer, trusted) {
		return c
	}
	hops := forwardedFor(r.Header.Values("X-Forwarded-For"))
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			break // garbage: the hop to its right, a trusted proxy, is all we know
		}
		c.addr = a.String()
		if !within(a, trusted) {
			break
		}
	}
	if vs := r.Header.Values("X-Forwarded-Proto"); len(vs) > 0 {
		last := vs[len(vs)-1]
		if i := strings.LastIndexByte(last, ','); i >= 0 {
			last = last[i+1:]
		}
		c.https = c.https || strings.EqualFold(strings.TrimSpace(last), "https")
	}
	return c
}

// peerAddr parses the TCP peer's host:port.
func peerAddr(remote string) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap().WithZone(""), true
}

// parseHop reads one X-Forwarded-For entry: an address, possibly with a
// port ("192.0.2.1:4711", "[2001:db8::1]:4711").
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap().WithZone(""), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap().WithZone(""), true
	}
	return netip.Addr{}, false
}

// forwardedFor splits the X-Forwarded-For header lines, in order, into hops.
func forwardedFor(lines []string) []string {
	var hops []string
	for _, l := range lines {
		hops = append(hops, strings.Split(l, ",")...)
	}
	return hops
}

func within(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

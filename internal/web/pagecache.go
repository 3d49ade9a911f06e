package web

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// pageCache keeps the public pages served to visitors without a session
// for a few seconds, so a busy portal renders each page once per interval
// instead of once per visitor. Pages for logged-in staff, anything with a
// cookie (the status look-up's secret travels in one) or credentials,
// every other method and every non-200 answer bypass it. Entries expire by
// age only: a publication shows on the portal within one interval, on
// every node.
//
// A hit is answered by servedFromCache before routing and the route
// wrapper, from a header and body prepared when the page was stored, so it
// costs about what writing the bytes costs. A text page of a kilobyte or
// more is also kept gzip-compressed, made once when stored, and that copy
// answers clients whose Accept-Encoding takes gzip (browsers do); every
// cacheable answer says Vary: Accept-Encoding.
type pageCache struct {
	ttl time.Duration
	// perHost keys entries by the request's host and scheme too: without
	// --base-url, feeds and the sitemap link to the host the client named.
	perHost bool
	mu      sync.RWMutex
	entries map[pageKey]*cachedPage
	size    int // bytes of all bodies kept
	swept   time.Time
}

// pageKey names a stored page: its path and query and, when links are
// made from the request (pageCache.perHost), the host and scheme.
type pageKey struct {
	uri   string
	host  string
	https bool
}

// cachedPage is one stored answer, ready to send.
type cachedPage struct {
	// header is the whole answer's header, security headers included,
	// with Content-Length and X-Cache: hit added. It is shared by every
	// hit and never modified.
	header http.Header
	body   []byte
	// gzBody is the body compressed with gzip, made once when the page was
	// stored, for clients that accept it; nil when it was not worth it
	// (see gzipped). gzHeader is header with Content-Encoding and the
	// compressed length.
	gzHeader http.Header
	gzBody   []byte
	pattern  string // the route's pattern, for the metrics
	at       time.Time
}

// size is the number of body bytes the entry keeps.
func (p *cachedPage) size() int { return len(p.body) + len(p.gzBody) }

// Bounds on what the cache keeps: bigger pages are not stored, and a new
// page is not stored while the kept bodies add up to maxCacheBytes (say,
// from a client asking for endless query strings).
const (
	maxCachedPage = 1 << 20
	maxCacheBytes = 64 << 20
)

// anonymousRead reports whether the request is a GET or HEAD without a
// cookie or credentials, the only kind the cache answers or stores.
func anonymousRead(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) &&
		len(r.Header["Cookie"]) == 0 && len(r.Header["Authorization"]) == 0
}

// cacheable reports whether the route's answer to the request may be stored.
func cacheable(rt route, r *http.Request) bool {
	return rt.access == Public && rt.pattern != "/healthz" && rt.pattern != "/metrics" && anonymousRead(r)
}

// key is the request's key in the cache.
func (c *pageCache) key(r *http.Request) pageKey {
	k := pageKey{uri: r.URL.RequestURI()}
	if c.perHost {
		k.host = r.Host
		k.https = isHTTPS(r)
	}
	return k
}

// servedFromCache answers a request from the page cache when it holds a
// fresh copy, before any other work: routing, the cross-origin check and
// the route wrapper have nothing to decide for an anonymous GET of a page
// they let through a moment ago. It sets r.Pattern for the metrics.
func (s *Server) servedFromCache(next http.Handler) http.Handler {
	if s.cache.ttl <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !anonymousRead(r) || !s.cache.serve(w, r, s.cfg.Now()) {
			next.ServeHTTP(w, r)
		}
	})
}

// serve answers from the cache when it holds a fresh copy.
func (c *pageCache) serve(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	c.mu.RLock()
	p, ok := c.entries[c.key(r)]
	c.mu.RUnlock()
	if !ok || now.Sub(p.at) >= c.ttl {
		return false
	}
	header, body := p.header, p.body
	if p.gzBody != nil && acceptsGzip(r.Header["Accept-Encoding"]) {
		header, body = p.gzHeader, p.gzBody
	}
	h := w.Header()
	for k, v := range header {
		h[k] = v
	}
	r.Pattern = p.pattern
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		if len(body) > corkMin {
			if uncork := cork(r.Context()); uncork != nil {
				defer uncork()
				defer func() { _ = http.NewResponseController(w).Flush() }()
			}
		}
		_, _ = w.Write(body)
	}
	return true
}

// store keeps a rendered answer to r.
func (c *pageCache) store(r *http.Request, header http.Header, body []byte, now time.Time) {
	if len(body) > maxCachedPage {
		return
	}
	p := &cachedPage{header: header.Clone(), body: bytes.Clone(body), pattern: r.Pattern, at: now}
	// A known length lets Go's server send the header and a page over its
	// 2 KB buffer without chunked encoding: one write fewer per hit.
	p.header["Content-Length"] = []string{strconv.Itoa(len(body))}
	p.header["X-Cache"] = []string{"hit"}
	if p.gzBody = gzipped(header, body); p.gzBody != nil {
		p.gzHeader = p.header.Clone()
		p.gzHeader["Content-Encoding"] = []string{"gzip"}
		p.gzHeader["Content-Length"] = []string{strconv.Itoa(len(p.gzBody))}
	}
	key := c.key(r)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[pageKey]*cachedPage{}
	}
	// Drop what has expired: now and then, or when full (at most once an
	// interval, so a full cache of fresh pages is not searched per store).
	if now.Sub(c.swept) > 10*c.ttl || c.size+p.size() > maxCacheBytes && now.Sub(c.swept) >= c.ttl {
		for k, e := range c.entries {
			if now.Sub(e.at) >= c.ttl {
				c.size -= e.size()
				delete(c.entries, k)
			}
		}
		c.swept = now
	}
	if old, ok := c.entries[key]; ok {
		c.size -= old.size()
	} else if c.size+p.size() > maxCacheBytes {
		return
	}
	c.entries[key] = p
	c.size += p.size()
}

// recorder passes an answer through to the client while keeping a copy.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
	tooBig bool
}

func (rec *recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	if !rec.tooBig {
		if rec.buf.Len()+len(b) > maxCachedPage {
			rec.tooBig = true
			rec.buf = bytes.Buffer{}
		} else {
			rec.buf.Write(b)
		}
	}
	return rec.ResponseWriter.Write(b)
}

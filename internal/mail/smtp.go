// Package mail sends e-mail through an SMTP server: the adapter behind the
// applicant notifications of the outbox.
package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Message is one e-mail in plain text.
type Message struct {
	// ID is the Message-ID without angle brackets (without a domain, the
	// sender's is added); the same ID for a message sent again lets mail
	// systems drop the duplicate.
	ID      string
	To      string
	Subject string
	Body    string
}

// SMTP sends messages through one server, as configured by a URL.
type SMTP struct {
	Addr     string // host:port
	From     string
	User     string
	Password string
	// ImplicitTLS is smtps://: TLS from the first byte (port 465).
	ImplicitTLS bool
	// TLS is the configuration for STARTTLS and smtps (nil: the host's name
	// is checked against the system roots).
	TLS *tls.Config
	// Timeout bounds one delivery (default 30 s).
	Timeout time.Duration
}

// ParseSMTP reads smtp://user:pass@host:587?from=addr (STARTTLS when the
// server offers it) or smtps://…:465 (TLS at once). from is required;
// user and password are optional, and given they are sent with PLAIN.
func ParseSMTP(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		return nil, errors.New("应为 smtp://用户:密码@主机:端口?from=发件地址 或 smtps://…")
	}
	from := u.Query().Get("from")
	if a, err := mail.ParseAddress(from); err != nil || a.Address != from {
		return nil, errors.New("应以 ?from= 给出发件地址，如 ?from=xxgk@example.gov.cn")
	}
	s := &SMTP{From: from, ImplicitTLS: u.Scheme == "smtps"}
	port := u.Port()
	if port == "" {
		port = "587"
		if s.ImplicitTLS {
			port = "465"
		}
	}
	s.Addr = net.JoinHostPort(u.Hostname(), port)
	if u.User != nil {
		s.User = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	return s, nil
}

// Send delivers m: STARTTLS when the server offers it, PLAIN auth when a
// user is set (net/smtp refuses it unencrypted but to localhost).
func (s *SMTP) Send(ctx context.Context, m Message) error {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	host, _, _ := net.SplitHostPort(s.Addr)
	tlsConf := s.TLS
	if tlsConf == nil {
		tlsConf = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("mail: dial %s: %w", s.Addr, err)
	}
	if deadline, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(deadline)
	}
	if s.ImplicitTLS {
		conn = tls.Client(conn, tlsConf)
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail: %s: %w", s.Addr, err)
	}
	defer c.Close()
	if err := s.deliver(c, tlsConf, m); err != nil {
		return fmt.Errorf("mail: to %s: %w", m.To, err)
	}
	return c.Quit()
}

func (s *SMTP) deliver(c *smtp.Client, tlsConf *tls.Config, m Message) error {
	if err := c.Hello("localhost"); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok && !s.ImplicitTLS {
		if err := c.StartTLS(tlsConf); err != nil {
			return err
		}
	}
	if s.User != "" {
		host, _, _ := net.SplitHostPort(s.Addr)
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(s.From); err != nil {
		return err
	}
	if err := c.Rcpt(m.To); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(s.compose(m)); err != nil {
		return err
	}
	return w.Close()
}

// compose writes m as an RFC 5322 message in UTF-8, the body in base64.
func (s *SMTP) compose(m Message) []byte {
	var b strings.Builder
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", s.From)
	header("To", m.To)
	header("Subject", mimeWord(m.Subject))
	id := m.ID
	if !strings.Contains(id, "@") {
		id += "@" + s.From[strings.LastIndex(s.From, "@")+1:]
	}
	header("Message-ID", "<"+id+">")
	header("Date", time.Now().Format(time.RFC1123Z))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=UTF-8")
	header("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	enc := base64Lines(m.Body)
	b.WriteString(enc)
	return []byte(b.String())
}

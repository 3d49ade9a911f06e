// Package auditlog is the tamper-evident record of every change of state:
// who did what, when, in which agency, with the state before and after — the
// 「谁发布、谁负责」 record. Each entry carries the hash of the one before it,
// so altering, removing or reordering an entry breaks the chain.
package auditlog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Change is what a service reports when it changes state; the store turns
// it into an Entry in the same transaction as the change.
type Change struct {
	ActorID  int64  // 0 for the system or an anonymous member of the public
	Actor    string // the username, or a description such as "system" or "public"
	AgencyID int64  // 0 when the change concerns no one agency
	Action   Action // e.g. "user.create", "role.grant"
	Object   string // what was changed, e.g. "user:12"
	Before   any    // state before, marshalled to JSON; nil for a creation
	After    any    // state after, marshalled to JSON; nil for a deletion
	// Client is the address of the member of the public or staff whose
	// request made the change; empty for the system and the command line.
	// When empty, the store takes it from the context (WithClient).
	Client string
}

type clientKey struct{}

// WithClient returns a context that carries the client address of the
// request being served, so that every change recorded while serving it
// names that address without each service passing it along.
func WithClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey{}, addr)
}

// ClientFrom returns the client address WithClient put in ctx, or "".
func ClientFrom(ctx context.Context) string {
	addr, _ := ctx.Value(clientKey{}).(string)
	return addr
}

// Entry is one stored record of the log.
type Entry struct {
	Seq      int64
	At       time.Time
	ActorID  int64
	Actor    string
	AgencyID int64
	Action   Action
	Object   string
	Before   string // JSON, or "" when there was no state
	After    string
	PrevHash string
	Hash     string
	Client   string // the request's client address, or ""
}

// GenesisHash is the PrevHash of the first entry.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// NewEntry builds the entry for a change made at time at that follows
// the entry with hash prev and takes sequence number seq.
func NewEntry(c Change, seq int64, at time.Time, prev string) (Entry, error) {
	before, err := marshal(c.Before)
	if err != nil {
		return Entry{}, fmt.Errorf("auditlog: before of %s: %w", c.Action, err)
	}
	after, err := marshal(c.After)
	if err != nil {
		return Entry{}, fmt.Errorf("auditlog: after of %s: %w", c.Action, err)
	}
	e := Entry{
		Seq: seq, At: at.UTC().Truncate(time.Microsecond), ActorID: c.ActorID, Actor: c.Actor,
		AgencyID: c.AgencyID, Action: c.Action, Object: c.Object, Before: before, After: after, PrevHash: prev,
		Client: c.Client,
	}
	e.Hash = e.ComputeHash()
	return e, nil
}

func marshal(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// ComputeHash returns the SHA-256 over the entry's fields and its PrevHash.
// The encoding is length-prefixed so no two entries share an input. The
// client address, recorded since 2026-12, is hashed after the others and
// only when there is one, so entries written before keep their hashes.
func (e *Entry) ComputeHash() string {
	var b strings.Builder
	fields := []string{
		strconv.FormatInt(e.Seq, 10), e.At.UTC().Format(time.RFC3339Nano),
		strconv.FormatInt(e.ActorID, 10), e.Actor, strconv.FormatInt(e.AgencyID, 10),
		string(e.Action), e.Object, e.Before, e.After, e.PrevHash,
	}
	if e.Client != "" {
		fields = append(fields, e.Client)
	}
	for _, f := range fields {
		b.WriteString(strconv.Itoa(len(f)))
		b.WriteByte(':')
		b.WriteString(f)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// Break describes where a chain stops being trustworthy.
type Break struct {
	Seq    int64
	Reason string
}

func (b Break) String() string { return fmt.Sprintf("第 %d 条: %s", b.Seq, b.Reason) }

// Verifier checks entries one at a time, in sequence order, so a long log
// can be streamed from the database.
//
// A chain alone cannot show that its newest entries were removed: what is
// left is still a valid chain. Anchors close that gap: the head of the log
// (its last sequence number and hash), noted somewhere outside the database
// — a log shipped elsewhere, a ticket, a printout — must still be there.
type Verifier struct {
	prev    string
	lastSeq int64
	Count   int64
	Breaks  []Break
	anchors map[int64]string
}

// Anchor is the head of the log at some moment: an entry's sequence number
// and hash.
type Anchor struct {
	Seq  int64
	Hash string
}

// String writes the anchor as SEQ:HASH, the form ParseAnchor reads.
func (a Anchor) String() string { return fmt.Sprintf("%d:%s", a.Seq, a.Hash) }

// ParseAnchor reads an anchor written SEQ:HASH.
func ParseAnchor(s string) (Anchor, error) {
	seq, hash, ok := strings.Cut(s, ":")
	n, err := strconv.ParseInt(seq, 10, 64)
	if !ok || err != nil || n <= 0 || len(hash) != len(GenesisHash) {
		return Anchor{}, fmt.Errorf("锚点 %q 应写作 序号:哈希（64位十六进制）", s)
	}
	return Anchor{Seq: n, Hash: strings.ToLower(hash)}, nil
}

// Expect asks the verifier to check that the log still holds the anchor.
func (v *Verifier) Expect(a Anchor) {
	if v.anchors == nil {
		v.anchors = map[int64]string{}
	}
	v.anchors[a.Seq] = a.Hash
}

// Head returns the last entry checked, the anchor to note for next time.
func (v *Verifier) Head() Anchor { return Anchor{Seq: v.lastSeq, Hash: v.prev} }

// Finish reports the anchors that no entry matched; call it after the last
// entry.
func (v *Verifier) Finish() {
	seqs := make([]int64, 0, len(v.anchors))
	for seq := range v.anchors {
		seqs = append(seqs, seq)
	}
	slices.Sort(seqs)
	for _, seq := range seqs {
		v.Breaks = append(v.Breaks, Break{seq, "锚点记录已不在日志中，日志末尾的记录被删除"})
	}
	v.anchors = nil
}

// NewVerifier starts a check from the beginning of the log.
func NewVerifier() *Verifier { return &Verifier{prev: GenesisHash} }

// Add checks the next entry.
func (v *Verifier) Add(e Entry) {
	v.Count++
	if e.Seq != v.lastSeq+1 {
		v.Breaks = append(v.Breaks, Break{e.Seq, fmt.Sprintf("序号不连续（上一条为 %d），有记录被删除或插入", v.lastSeq)})
	}
	if e.PrevHash != v.prev {
		v.Breaks = append(v.Breaks, Break{e.Seq, "前一条的哈希不符，链条断开"})
	}
	if got := e.ComputeHash(); got != e.Hash {
		v.Breaks = append(v.Breaks, Break{e.Seq, "内容与哈希不符，记录被改动"})
	}
	if want, ok := v.anchors[e.Seq]; ok {
		if want != e.Hash {
			v.Breaks = append(v.Breaks, Break{e.Seq, "与记下的锚点哈希不符，记录被替换"})
		}
		delete(v.anchors, e.Seq)
	}
	v.prev, v.lastSeq = e.Hash, e.Seq
}

// OK reports whether every entry checked so far is intact.
func (v *Verifier) OK() bool { return len(v.Breaks) == 0 }

package auditlog

import (
	"testing"
	"time"
)

func chain(t *testing.T, n int) []Entry {
	t.Helper()
	prev := GenesisHash
	var out []Entry
	at := time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.UTC)
	for i := 1; i <= n; i++ {
		e, err := NewEntry(Change{ActorID: 1, Actor: "admin", AgencyID: 2, Action: "user.create",
			Object: "user:9", After: map[string]string{"name": "张三"}}, int64(i), at, prev)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
		prev = e.Hash
	}
	return out
}

func verify(es []Entry) *Verifier {
	v := NewVerifier()
	for _, e := range es {
		v.Add(e)
	}
	return v
}

func TestVerify(t *testing.T) {
	tests := []struct {
		name   string
		tamper func([]Entry) []Entry
		ok     bool
	}{
		{"intact", func(es []Entry) []Entry { return es }, true},
		{"field altered", func(es []Entry) []Entry { es[1].After = `{"name":"李四"}`; return es }, false},
		{"actor altered", func(es []Entry) []Entry { es[2].Actor = "other"; return es }, false},
		{"entry removed", func(es []Entry) []Entry { return append(es[:1], es[2:]...) }, false},
		{"rehashed but chain broken", func(es []Entry) []Entry {
			es[1].Action = "x"
			es[1].Hash = es[1].ComputeHash()
			return es
		}, false},
		{"reordered", func(es []Entry) []Entry { es[0], es[1] = es[1], es[0]; return es }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := verify(tt.tamper(chain(t, 3)))
			if v.OK() != tt.ok {
				t.Fatalf("OK() = %v, want %v; breaks %v", v.OK(), tt.ok, v.Breaks)
			}
		})
	}
}

func TestTimeTruncatedToStorablePrecision(t *testing.T) {
	e := chain(t, 1)[0]
	if e.At.Nanosecond()%1000 != 0 {
		t.Fatalf("At = %v keeps sub-microsecond digits that PostgreSQL cannot store", e.At)
	}
}

// TestAnchorsCatchTruncation removes the newest entries, which leaves a
// valid chain, and finds it with the anchor noted before.
func TestAnchorsCatchTruncation(t *testing.T) {
	es := chain(t, 4)
	v := verify(es)
	v.Finish()
	head := v.Head()
	if !v.OK() || head.Seq != 4 || head.Hash != es[3].Hash {
		t.Fatalf("head = %v, breaks %v", head, v.Breaks)
	}
	a, err := ParseAnchor(head.String())
	if err != nil || a != head {
		t.Fatalf("ParseAnchor(%q) = %v, %v", head.String(), a, err)
	}
	tests := []struct {
		name string
		es   []Entry
		ok   bool
	}{
		{"intact", es, true},
		{"newest removed", es[:3], false},
		{"newest replaced", append(append([]Entry{}, es[:3]...), func() Entry {
			e := es[3]
			e.Action = "other"
			e.Hash = e.ComputeHash()
			return e
		}()), false},
	}
	for _, tt := range tests {
		v := NewVerifier()
		v.Expect(a)
		for _, e := range tt.es {
			v.Add(e)
		}
		v.Finish()
		if v.OK() != tt.ok {
			t.Errorf("%s: OK = %v, breaks %v", tt.name, v.OK(), v.Breaks)
		}
	}
	for _, bad := range []string{"", "4", "x:abc", "0:" + GenesisHash, "4:short"} {
		if _, err := ParseAnchor(bad); err == nil {
			t.Errorf("ParseAnchor(%q) accepted", bad)
		}
	}
}

// TestClientAddressHashed covers the client address in an entry's hash
// when there is one, and leaves the hashes of entries written before
// addresses were recorded as they were (the golden hash below is the one
// the code before 2026-12-04 computed).
func TestClientAddressHashed(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	old, err := NewEntry(Change{ActorID: 1, Actor: "admin", Action: "user.login"}, 1, at, GenesisHash)
	if err != nil {
		t.Fatal(err)
	}
	if want := "43c6ed820240f991c1d94dafd507b9711672732646e83632e390349a78b5478a"; old.Hash != want {
		t.Errorf("hash of an entry without a client %s, want %s as before", old.Hash, want)
	}
	withClient, err := NewEntry(Change{ActorID: 1, Actor: "admin", Action: "user.login", Client: "203.0.113.7"}, 1, at, GenesisHash)
	if err != nil {
		t.Fatal(err)
	}
	if withClient.Hash == old.Hash {
		t.Fatal("the client address is not in the hash")
	}
	for _, forged := range []string{"", "203.0.113.8"} {
		e := withClient
		e.Client = forged
		if v := verify([]Entry{e}); v.OK() {
			t.Errorf("client changed to %q: the chain still verifies", forged)
		}
	}
}

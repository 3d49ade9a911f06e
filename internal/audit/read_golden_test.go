package audit

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the reader's golden JSON files in testdata")

// TestReadGolden reads every reader test document and compares the whole
// result, messages included, with testdata/read_*.golden.json. Run with
// -update after a deliberate change and review the diff.
func TestReadGolden(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "read_*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no reader test documents: %v", err)
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			text, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			r := mustRead(t, filepath.Base(name), string(text))
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(name, ".txt") + ".golden.json"
			if *updateGolden {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("result differs from %s (run with -update and review the diff):\n%s", golden, got.String())
			}
		})
	}
}

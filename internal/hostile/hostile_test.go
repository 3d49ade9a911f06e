package hostile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "write the corpus in testdata again")

// TestCorpusInTestdata checks that testdata holds exactly what the
// generator makes, and that every file is small: the point of the corpus
// is that a few hundred kilobytes cost a naive reader gigabytes.
func TestCorpusInTestdata(t *testing.T) {
	t.Parallel()
	for _, f := range Corpus() {
		data := f.Make()
		path := filepath.Join("testdata", f.Name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		kept, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test ./internal/hostile -update)", f.Name, err)
		}
		if !bytes.Equal(kept, data) {
			t.Errorf("%s in testdata differs from the generator's (run go test ./internal/hostile -update)", f.Name)
		}
		if len(data) > 2<<20 {
			t.Errorf("%s is %d bytes; the corpus is of small files", f.Name, len(data))
		}
	}
}

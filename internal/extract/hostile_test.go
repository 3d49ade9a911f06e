package extract

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/internal/hostile"
)

// TestHostileCorpus reads every hostile document in this process and
// checks that a reader's budget refuses it, as a LimitError.
func TestHostileCorpus(t *testing.T) {
	for _, f := range hostile.Corpus() {
		t.Run(f.Name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join("..", "hostile", "testdata", f.Name))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Attachment(f.Name, data)
			var le *LimitError
			if !errors.As(err, &le) || le.What == "" {
				t.Fatalf("%s (%s): err = %v, want a LimitError", f.Name, f.What, err)
			}
		})
	}
}

package extract

import (
	"testing"
)

// benchmarkExtract measures Extract on one fixture and reports documents
// per second.
func benchmarkExtract(b *testing.B, file string) {
	data := readExtractFixture(b, file)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Document(file, data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

func BenchmarkExtractHTML(b *testing.B) { benchmarkExtract(b, "extract_huaian_2024.html") }

func BenchmarkExtractDOCX(b *testing.B) { benchmarkExtract(b, "extract_huaian_2024.docx") }

func BenchmarkExtractPDF(b *testing.B) { benchmarkExtract(b, "extract_huaian_2024_cairo.pdf") }

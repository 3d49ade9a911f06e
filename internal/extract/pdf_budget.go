package extract

import "io"

// errPDFReads stops a PDF whose structure makes the library read the file
// over and over, such as a cross-reference /Prev chain that loops.
var errPDFReads = &LimitError{What: "PDF 交叉引用或对象循环，读取量超过上限"}

// budgetReader is the PDF file as the library sees it: reads beyond a
// budget panic with errPDFReads, which extractPDF recovers, since the
// library has no cycle checks of its own.
type budgetReader struct {
	r    io.ReaderAt
	left int64
}

// pdfReadBudget is how many bytes the library may read for a document of n
// bytes. The library re-reads objects on each lookup: 2 to 5 times the file
// on the fixtures, 11 times for a 2 KB file read in 4 KB blocks.
func pdfReadBudget(n int) int64 {
	return max(int64(n)*50, 16<<20)
}

// ReadAt reads from the file and charges the budget.
func (b *budgetReader) ReadAt(p []byte, off int64) (int, error) {
	b.left -= int64(len(p))
	if b.left < 0 {
		panic(errPDFReads)
	}
	return b.r.ReadAt(p, off)
}

package sandbox

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/gongkai/gongkai/internal/audit"
	"github.com/gongkai/gongkai/internal/extract"
)

// Serve is the child's side, `gongkai extract --op OP --name NAME [--memory
// BYTES] [--cpu DURATION]`: it confines itself to the limits, reads the
// document from in and writes one Response as JSON to out. A document that
// cannot be read is a Response with Error, not an error; the error is for
// wrong usage and for failures to read or write the pipes.
func Serve(args []string, in io.Reader, out io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	op := fs.String("op", "", "attachment、report 或 sheet")
	name := fs.String("name", "", "文件名（用于判断类型）")
	memory := fs.Int64("memory", DefaultLimits().Memory, "可用内存（字节）")
	cpu := fs.Duration("cpu", DefaultLimits().CPU, "可用 CPU 时间")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	switch Op(*op) {
	case OpAttachment, OpReport, OpSheet:
	default:
		return fmt.Errorf("extract: --op 应为 attachment、report 或 sheet，而非 %q", *op)
	}
	if err := confine(*memory, max(*cpu, time.Second)); err != nil {
		return fmt.Errorf("extract: 设置资源限制: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(in, MaxInput+1))
	if err != nil {
		return fmt.Errorf("extract: read stdin: %w", err)
	}
	resp := handle(Op(*op), *name, data)
	data = nil
	resp.PeakRSS = peakRSS()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(resp); err != nil {
		return fmt.Errorf("extract: write result: %w", err)
	}
	return nil
}

// handle reads one document in this process.
func handle(op Op, name string, data []byte) *Response {
	if len(data) > MaxInput {
		return failed(&extract.LimitError{What: fmt.Sprintf("文件超过 %d MB", MaxInput>>20)})
	}
	switch op {
	case OpAttachment:
		text, err := extract.Attachment(name, data)
		if err != nil {
			return failed(err)
		}
		return &Response{Text: text}
	case OpSheet:
		rows, err := extract.FirstSheet(data, MaxSheetRows)
		if errors.Is(err, extract.ErrTooManyRows) {
			return &Response{TooManyRows: true}
		}
		if err != nil {
			return failed(err)
		}
		return &Response{Rows: rows}
	default:
		text, err := extract.Document(name, data)
		if err != nil {
			return failed(err)
		}
		res, err := audit.ReadText(name, text)
		if err != nil {
			return failed(err)
		}
		return &Response{Result: res}
	}
}

func failed(err error) *Response {
	r := &Response{Error: err.Error()}
	var le *extract.LimitError
	if errors.As(err, &le) {
		r.Error, r.Limit = le.Error(), le.What
	}
	return r
}

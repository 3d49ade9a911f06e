//go:build ignore

// Command ttc2ttf copies one face of a TrueType collection (.ttc) into a
// standalone TrueType file, because fpdf reads single-face fonts only.
// It regenerates wqy-microhei.ttf from Debian's fonts-wqy-microhei:
//
//	go run ttc2ttf.go /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 wqy-microhei.ttf
package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: ttc2ttf IN.ttc FACE OUT.ttf")
		os.Exit(2)
	}
	face, err := strconv.Atoi(os.Args[2])
	if err == nil {
		err = run(os.Args[1], face, os.Args[3])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ttc2ttf:", err)
		os.Exit(1)
	}
}

func run(in string, face int, out string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	ttf, err := extract(src, face)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	return os.WriteFile(out, ttf, 0o644)
}

// extract returns face n of the collection src as a standalone font.
func extract(src []byte, n int) ([]byte, error) {
	be := binary.BigEndian
	if len(src) < 12 || string(src[:4]) != "ttcf" {
		return nil, errors.New("not a TrueType collection")
	}
	if n < 0 || uint32(n) >= be.Uint32(src[8:]) {
		return nil, fmt.Errorf("no face %d", n)
	}
	off := int(be.Uint32(src[12+4*n:]))
	numTables := int(be.Uint16(src[off+4:]))
	headerLen := 12 + 16*numTables
	out := make([]byte, headerLen)
	copy(out, src[off:off+12])
	headAdj := -1
	for i := 0; i < numTables; i++ {
		rec := src[off+12+16*i : off+28+16*i]
		tOff, tLen := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		dst := out[12+16*i : 28+16*i]
		copy(dst, rec)
		be.PutUint32(dst[8:], uint32(len(out)))
		if string(rec[:4]) == "head" {
			headAdj = len(out) + 8
		}
		out = append(out, src[tOff:tOff+tLen]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAdj >= 0 {
		be.PutUint32(out[headAdj:], 0)
		var sum uint32
		for i := 0; i < len(out); i += 4 {
			sum += be.Uint32(out[i:])
		}
		be.PutUint32(out[headAdj:], 0xB1B0AFBA-sum)
	}
	return out, nil
}

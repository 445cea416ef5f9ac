// Command splitpasted splits evaluation lines of real pasted TLS output
// between testdata/pasted/dev.jsonl and testdata/pasted/final.jsonl by
// thread: a line goes to final.jsonl when the first hex digit of the
// SHA-256 of its "source" string is 0-5, else to dev.jsonl. All lines of a
// thread therefore land in the same file, and the split can be repeated.
//
//	go run ./scripts/splitpasted [-dev FILE] [-final FILE] INPUT...
//
// The inputs (for example a file of new lines, or the two output files
// themselves) are read completely before the outputs are written, in input
// order, each line kept byte for byte.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
)

const maxFile = 16 << 20

// finalSplit reports whether a thread's lines belong to final.jsonl: the
// first hex digit of the SHA-256 of its source is one of digits.
func finalSplit(source, digits string) bool {
	sum := sha256.Sum256([]byte(source))
	d := hex.EncodeToString(sum[:1])[:1]
	return strings.Contains(digits, d)
}

func main() {
	dev := flag.String("dev", "testdata/pasted/dev.jsonl", "output for the dev half")
	final := flag.String("final", "testdata/pasted/final.jsonl", "output for the final half")
	digits := flag.String("final-digits", "012345", "first hex digits of sha256(source) that go to the final half")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "splitpasted: no input files")
		os.Exit(2)
	}
	var devOut, finalOut bytes.Buffer
	for _, name := range flag.Args() {
		st, err := os.Stat(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "splitpasted: %v\n", err)
			os.Exit(1)
		}
		if st.Size() > maxFile {
			fmt.Fprintf(os.Stderr, "splitpasted: %s: larger than %d bytes\n", name, maxFile)
			os.Exit(1)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "splitpasted: %v\n", err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 64<<10), maxFile)
		n := 0
		for sc.Scan() {
			n++
			raw := bytes.TrimSpace(sc.Bytes())
			if len(raw) == 0 {
				continue
			}
			var item struct {
				Source string `json:"source"`
			}
			if err := json.Unmarshal(raw, &item); err != nil || item.Source == "" {
				fmt.Fprintf(os.Stderr, "splitpasted: %s:%d: not a JSON object with a source\n", name, n)
				os.Exit(1)
			}
			out := &devOut
			if finalSplit(item.Source, *digits) {
				out = &finalOut
			}
			out.Write(raw)
			out.WriteByte('\n')
		}
		if err := sc.Err(); err != nil {
			fmt.Fprintf(os.Stderr, "splitpasted: %s: %v\n", name, err)
			os.Exit(1)
		}
	}
	for path, buf := range map[string]*bytes.Buffer{*dev: &devOut, *final: &finalOut} {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "splitpasted: %v\n", err)
			os.Exit(1)
		}
	}
}

package cmdutil

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// openOutput opens -o FILE. Without resume it truncates FILE. With resume
// it reads the records FILE holds, counting their ids, cuts off a last
// record that a killed run left incomplete, and opens FILE for appending.
//
// A regular FILE is locked while the run writes it: a second run on the
// same FILE fails at once instead of interleaving records (the lock is
// advisory and taken before FILE is truncated). A device or a pipe is not
// locked.
func openOutput(path string, resume bool) (*os.File, map[string]int, error) {
	if !resume {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o666)
		if err != nil {
			return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot create output: %v", err)}
		}
		if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
			// /dev/null, a pipe: nothing to truncate, and no lock (every
			// run may write /dev/null at once)
			return f, nil, nil
		}
		if err := lockFile(f); err != nil {
			f.Close()
			return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot write %s: %v", path, err)}
		}
		if err := f.Truncate(0); err != nil {
			f.Close()
			return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot create output: %v", err)}
		}
		return f, nil, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot open output: %v", err)}
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot write %s: %v", path, err)}
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot open output: %v", err)}
	}
	done, end, err := ScanRecords(f, st.Size())
	if err != nil {
		f.Close()
		return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot resume from %s: %v", path, err)}
	}
	if err := f.Truncate(end); err != nil {
		f.Close()
		return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot repair %s: %v", path, err)}
	}
	if _, err := f.Seek(end, io.SeekStart); err != nil {
		f.Close()
		return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot repair %s: %v", path, err)}
	}
	if end > 0 { // the records kept must end with a newline
		var b [1]byte
		if _, err := f.ReadAt(b[:], end-1); err == nil && b[0] != '\n' {
			if _, err := f.Write([]byte{'\n'}); err != nil {
				f.Close()
				return nil, nil, &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("cannot repair %s: %v", path, err)}
			}
		}
	}
	return f, done, nil
}

// ScanRecords reads the JSON records of an output file of size bytes and
// returns how many times each id occurs and the byte length of the
// complete records (with the newline after the last one, when present). A
// last record cut off part-way by a killed run (an unfinished JSON object
// at the very end) is not counted: the file should be truncated to that
// length before appending. Anything else that is not a JSON object with a
// string "id" is an error, so that a file of other output is never cut.
//
// NUL bytes at the very end (what a power loss leaves when the file's size
// was written but not its last blocks) are a cut-off tail too.
func ScanRecords(r io.ReaderAt, size int64) (map[string]int, int64, error) {
	size = trimNULs(r, size)
	dec := json.NewDecoder(bufio.NewReaderSize(io.NewSectionReader(r, 0, size), 1<<20))
	done := map[string]int{}
	var end int64
	n := 0
	for {
		var rec struct {
			ID *string `json:"id"`
		}
		err := dec.Decode(&rec)
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *json.SyntaxError
			if (errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &se)) && cutOff(r, end, size) {
				break
			}
			return nil, 0, fmt.Errorf("record %d at byte %d is not a JSON object with an id (resume needs JSON output): %v", n+1, end, err)
		}
		n++
		if rec.ID == nil {
			return nil, 0, fmt.Errorf("record %d at byte %d has no \"id\" (resume needs JSON output)", n, end)
		}
		done[*rec.ID]++
		end = dec.InputOffset()
		var b [1]byte
		if _, err := r.ReadAt(b[:], end); err == nil && b[0] == '\n' {
			end++
		}
	}
	return done, end, nil
}

// cutOff reports whether the bytes from off to size look like one JSON
// object cut off by a killed writer, so that the damage is confined to the
// last record.
func cutOff(r io.ReaderAt, off, size int64) bool {
	rest := make([]byte, min(size-off, 64<<20))
	n, _ := r.ReadAt(rest, off)
	rest = bytes.TrimLeft(rest[:n], " \t\r\n")
	if len(rest) == 0 || rest[0] != '{' {
		return false
	}
	// A cut-off record holds no complete record after it: a later line that
	// starts a new object means damage in the middle of the file.
	return !bytes.Contains(rest, []byte("\n{"))
}

// trimNULs returns size less the NUL bytes that end the data.
func trimNULs(r io.ReaderAt, size int64) int64 {
	buf := make([]byte, 64<<10)
	for size > 0 {
		n := min(int64(len(buf)), size)
		if _, err := r.ReadAt(buf[:n], size-n); err != nil && err != io.EOF {
			return size
		}
		i := len(bytes.TrimRight(buf[:n], "\x00"))
		size -= n - int64(i)
		if i > 0 {
			break
		}
	}
	return size
}

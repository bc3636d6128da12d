package corpus

import (
	"bufio"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"slices"
	"sort"
)

// A zip archive is read here rather than with archive/zip, which holds the
// whole central directory (one header per member) in memory: this reader
// walks the directory one entry at a time, so an archive of millions of
// members costs no more memory than one of three.

const (
	zipEOCDSig     = 0x06054b50
	zip64EOCDSig   = 0x06064b50
	zip64LocSig    = 0x07064b50
	zipCentralSig  = 0x02014b50
	zipLocalSig    = 0x04034b50
	zipEOCDLen     = 22
	zipCentralLen  = 46
	zipLocalLen    = 30
	zipMaxComment  = 65535
	zip64ExtraID   = 0x0001
	zipFlagCrypt   = 0x1
	zipFlagUTF8    = 0x800
	zipMethodStore = 0
	zipMethodFlate = 8
)

// zipEntry is one central directory entry.
type zipEntry struct {
	name         string
	nonUTF8      bool
	flags        uint16
	method       uint16
	crc          uint32
	csize, usize uint64
	offset       uint64 // of the local header, from the archive start
}

// zipDir locates the central directory: its offset and size, and the
// offset to add to the offsets it records (non-zero when data was
// prepended to the archive, as in self-extracting files).
func zipDir(r io.ReaderAt, size int64) (dirOff, dirSize, base int64, err error) {
	if size < zipEOCDLen {
		return 0, 0, 0, errors.New("not a zip archive (too short)")
	}
	tail := min(size, zipEOCDLen+zipMaxComment)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return 0, 0, 0, err
	}
	at := -1
	for i := len(buf) - zipEOCDLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(buf[i:]) == zipEOCDSig {
			at = i
			break
		}
	}
	if at < 0 {
		return 0, 0, 0, errors.New("not a zip archive (no end of central directory)")
	}
	eocd := buf[at:]
	eocdOff := size - tail + int64(at)
	dirSize = int64(binary.LittleEndian.Uint32(eocd[12:]))
	dirOff = int64(binary.LittleEndian.Uint32(eocd[16:]))
	if dirSize == 0xFFFFFFFF || dirOff == 0xFFFFFFFF || binary.LittleEndian.Uint16(eocd[10:]) == 0xFFFF {
		// Zip64: the locator just before the record points to the real one.
		if eocdOff >= 20 {
			var loc [20]byte
			if _, err := r.ReadAt(loc[:], eocdOff-20); err == nil && binary.LittleEndian.Uint32(loc[:]) == zip64LocSig {
				recOff := int64(binary.LittleEndian.Uint64(loc[8:]))
				var rec [56]byte
				if recOff < 0 || recOff > size-56 {
					return 0, 0, 0, errors.New("corrupt zip64 directory locator")
				}
				if _, err := r.ReadAt(rec[:], recOff); err != nil {
					return 0, 0, 0, err
				}
				if binary.LittleEndian.Uint32(rec[:]) != zip64EOCDSig {
					return 0, 0, 0, errors.New("corrupt zip64 end of central directory")
				}
				dirSize = int64(binary.LittleEndian.Uint64(rec[40:]))
				dirOff = int64(binary.LittleEndian.Uint64(rec[48:]))
				eocdOff = recOff
			}
		}
	}
	if dirOff < 0 || dirSize < 0 || dirSize > size || dirOff > size {
		return 0, 0, 0, errors.New("corrupt end of central directory")
	}
	if d := eocdOff - dirSize - dirOff; d > 0 && dirOff+dirSize < eocdOff {
		base = d
	}
	if dirOff+base+dirSize > size {
		return 0, 0, 0, errors.New("central directory beyond the end of the file")
	}
	return dirOff + base, dirSize, base, nil
}

// readZipEntry reads the next central directory entry; io.EOF at the end.
func readZipEntry(br *bufio.Reader) (zipEntry, error) {
	var h [zipCentralLen]byte
	if _, err := io.ReadFull(br, h[:4]); err != nil {
		if err == io.ErrUnexpectedEOF {
			err = errors.New("truncated central directory")
		}
		return zipEntry{}, err
	}
	if binary.LittleEndian.Uint32(h[:]) != zipCentralSig {
		return zipEntry{}, io.EOF // the directory is over (digital signature, zip64 record, ...)
	}
	if _, err := io.ReadFull(br, h[4:]); err != nil {
		return zipEntry{}, errors.New("truncated central directory")
	}
	le := binary.LittleEndian
	e := zipEntry{
		flags:  le.Uint16(h[8:]),
		method: le.Uint16(h[10:]),
		crc:    le.Uint32(h[16:]),
		csize:  uint64(le.Uint32(h[20:])),
		usize:  uint64(le.Uint32(h[24:])),
		offset: uint64(le.Uint32(h[42:])),
	}
	nameLen, extraLen, commentLen := int(le.Uint16(h[28:])), int(le.Uint16(h[30:])), int(le.Uint16(h[32:]))
	rest := make([]byte, nameLen+extraLen)
	if _, err := io.ReadFull(br, rest); err != nil {
		return zipEntry{}, errors.New("truncated central directory")
	}
	if _, err := br.Discard(commentLen); err != nil {
		return zipEntry{}, errors.New("truncated central directory")
	}
	e.name = string(rest[:nameLen])
	e.nonUTF8 = e.flags&zipFlagUTF8 == 0
	extra := rest[nameLen:]
	for len(extra) >= 4 {
		id, n := le.Uint16(extra), int(le.Uint16(extra[2:]))
		extra = extra[4:]
		if n > len(extra) {
			break
		}
		if id == zip64ExtraID {
			f := extra[:n]
			next := func(v *uint64) {
				if *v == 0xFFFFFFFF && len(f) >= 8 {
					*v = le.Uint64(f)
					f = f[8:]
				}
			}
			next(&e.usize)
			next(&e.csize)
			next(&e.offset)
		}
		extra = extra[n:]
	}
	return e, nil
}

// openZipEntry returns a reader of the entry's uncompressed bytes that
// fails when the data does not match the declared size or checksum.
func openZipEntry(r io.ReaderAt, size, base int64, e zipEntry) (io.Reader, zipSpan, error) {
	if e.flags&zipFlagCrypt != 0 {
		return nil, zipSpan{}, errors.New("member is encrypted")
	}
	off := int64(e.offset) + base
	if e.offset > uint64(size) || off < 0 || off > size-zipLocalLen {
		return nil, zipSpan{}, errors.New("member offset beyond the end of the archive")
	}
	var lh [zipLocalLen]byte
	if _, err := r.ReadAt(lh[:], off); err != nil {
		return nil, zipSpan{}, fmt.Errorf("reading local header: %v", err)
	}
	if binary.LittleEndian.Uint32(lh[:]) != zipLocalSig {
		return nil, zipSpan{}, errors.New("corrupt local header")
	}
	dataOff := off + zipLocalLen + int64(binary.LittleEndian.Uint16(lh[26:])) + int64(binary.LittleEndian.Uint16(lh[28:]))
	if e.csize > uint64(size) || dataOff > size-int64(e.csize) {
		return nil, zipSpan{}, errors.New("member data beyond the end of the archive")
	}
	span := zipSpan{off, dataOff + int64(e.csize)}
	sec := io.NewSectionReader(r, dataOff, int64(e.csize))
	var data io.Reader
	switch e.method {
	case zipMethodStore:
		data = sec
	case zipMethodFlate:
		data = flate.NewReader(sec)
	default:
		return nil, zipSpan{}, fmt.Errorf("compression method %d is not supported", e.method)
	}
	return &zipChecker{r: data, want: e.usize, crc: e.crc, h: crc32.NewIEEE()}, span, nil
}

// zipSpan is the bytes of one member in the archive: local header and
// data, end exclusive.
type zipSpan struct{ start, end int64 }

// zipSpans holds the spans of the members read, sorted and disjoint, to
// detect members that share data: an archive whose directory points many
// entries at one compressed stream expands far beyond its size while
// every member keeps under the per-document cap.
type zipSpans []zipSpan

// add records s and reports whether it overlaps no span already recorded.
func (z *zipSpans) add(s zipSpan) bool {
	sp := *z
	i := sort.Search(len(sp), func(i int) bool { return sp[i].end > s.start })
	if i < len(sp) && sp[i].start < s.end {
		return false
	}
	*z = slices.Insert(sp, i, s)
	return true
}

// zipChecker verifies an entry's size and CRC-32 as it is read, and
// refuses to read past the declared size (a member that lies about its
// size to slip past the limits).
type zipChecker struct {
	r    io.Reader
	n    uint64
	want uint64
	crc  uint32
	h    hash.Hash32
	err  error
}

func (z *zipChecker) Read(p []byte) (int, error) {
	if z.err != nil {
		return 0, z.err
	}
	n, err := z.r.Read(p)
	z.n += uint64(n)
	z.h.Write(p[:n])
	switch {
	case z.n > z.want:
		z.err = errors.New("member expands beyond its declared size")
		return 0, z.err
	case err == io.EOF && z.n != z.want:
		z.err = fmt.Errorf("member holds %d bytes but declares %d", z.n, z.want)
		return n, z.err
	case err == io.EOF && z.h.Sum32() != z.crc:
		z.err = errors.New("member fails its checksum")
		return n, z.err
	case err != nil && err != io.EOF:
		z.err = fmt.Errorf("decompressing: %v", err)
		return n, z.err
	}
	return n, err
}

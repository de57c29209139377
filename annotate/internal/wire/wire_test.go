package wire

import (
	"encoding/binary"
	"slices"
	"testing"
	"time"
)

func TestWhatIsWrittenReadsBack(t *testing.T) {
	var w Writer
	w.Uint(0)
	w.Uint(1 << 40)
	w.Int(-7)
	w.String("")
	w.String("naïve\x00text")
	w.Strings([]string{"a", "", "b"})
	w.Strings(nil)
	when := time.Date(2025, 3, 14, 9, 26, 53, 907000001, time.FixedZone("x", 3600))
	w.Time(when)
	w.Time(time.Time{})
	r := NewReader(string(w.Buf))
	if r.Uint() != 0 || r.Uint() != 1<<40 || r.Int() != -7 || r.String() != "" || r.String() != "naïve\x00text" {
		t.Fatal("scalars or strings did not read back")
	}
	if got := r.Strings(); !slices.Equal(got, []string{"a", "", "b"}) {
		t.Fatalf("strings %q", got)
	}
	if r.Strings() != nil || !r.Time().Equal(when) || !r.Time().IsZero() || !r.Done() {
		t.Fatalf("end: err %v", r.Err())
	}
}

func TestVarintsReadAsEncodingBinaryWritesThem(t *testing.T) {
	for _, v := range []uint64{0, 1, 127, 128, 300, 1<<35 + 7, 1<<63 - 1, 1 << 63, ^uint64(0)} {
		var w Writer
		w.Uint(v)
		w.Int(int64(v))
		r := NewReader(string(w.Buf))
		if got := r.Uint(); got != v {
			t.Errorf("Uint %d read as %d", v, got)
		}
		if got := r.Int(); got != int64(v) {
			t.Errorf("Int %d read as %d", int64(v), got)
		}
		if !r.Done() {
			t.Errorf("%d: %v", v, r.Err())
		}
	}
	if r := NewReader("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f"); r.Uint() != 0 || r.Err() == nil {
		t.Error("a varint of more than 64 bits was read")
	}
}

func FuzzUintReadsAsBinaryUvarint(f *testing.F) {
	f.Add([]byte{0xac, 0x02})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		want, n := binary.Uvarint(data)
		r := NewReader(string(data))
		got := r.Uint()
		if n > 0 && (got != want || r.Pos() != n || r.Err() != nil) {
			t.Fatalf("read %d up to %d (%v), binary.Uvarint %d up to %d", got, r.Pos(), r.Err(), want, n)
		}
		if n <= 0 && r.Err() == nil {
			t.Fatalf("read %d where binary.Uvarint fails (%d)", got, n)
		}
	})
}

func FuzzReaderNeverPanicsOrOverruns(f *testing.F) {
	var w Writer
	w.String("hello")
	w.Strings([]string{"x", "y"})
	f.Add(w.Buf)
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(string(data))
		total := 0
		for range 8 {
			total += len(r.String())
			for _, s := range r.Strings() {
				total += len(s)
			}
			r.Int()
		}
		if total > len(data) || r.Pos() > len(data) {
			t.Fatalf("read %d bytes of strings, up to %d, from %d", total, r.Pos(), len(data))
		}
		if len(data) < 24 && r.Err() == nil {
			t.Fatal("24 values read from fewer bytes without an error")
		}
	})
}

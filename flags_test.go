package main

import (
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"
)

// testFlags is a command's flag set of each kind parseFlags meets: a
// boolean, a string, a number, a one-letter name.
func testFlags() (*flag.FlagSet, *bool, *string, *int) {
	fs := flag.NewFlagSet("cmd", flag.ContinueOnError)
	json := fs.Bool("json", false, "")
	out := fs.String("o", "", "")
	width := fs.Int("width", 0, "")
	return fs, json, out, width
}

// FuzzParseFlags: arguments of any bytes give positional arguments or a
// usage error or help, never a panic; and flags put anywhere among the
// positional arguments ("FILE --json" as "--json FILE") are read as
// they are before them, with the positional arguments in their order.
func FuzzParseFlags(f *testing.F) {
	f.Add("a.txt\x00--json\x00-o\x00out.md", uint16(1))
	f.Add("--width=3\x00--\x00-x\x00b", uint16(6))
	f.Add("-h\x00a", uint16(0))
	f.Add("--bogus\x00a", uint16(2))
	f.Fuzz(func(t *testing.T, joined string, mask uint16) {
		args := strings.Split(joined, "\x00")
		fs, _, _, _ := testFlags()
		_, err := parseFlags(fs, "cmd [FILE]", args)
		var usage usageError
		var help helpRequest
		if err != nil && !errors.As(err, &usage) && !errors.As(err, &help) {
			t.Fatalf("%q: error %T %v, want a usage error or help", args, err, err)
		}
		var flags, positional, mixed []string
		for i, a := range args {
			if a == "" || a[0] == '-' {
				continue
			}
			positional = append(positional, a)
			mixed = append(mixed, a)
			if mask&(1<<(i%16)) != 0 {
				flag := []string{"--json", "-o", "--width"}[i%3]
				value := []string{"", a, "7"}[i%3]
				if value != "" {
					flag += "=" + value
				}
				flags = append(flags, flag)
				mixed = append(mixed, flag)
			}
		}
		fsBefore, json1, out1, width1 := testFlags()
		want, err1 := parseFlags(fsBefore, "cmd [FILE]", append(slices.Clone(flags), positional...))
		fsMixed, json2, out2, width2 := testFlags()
		got, err2 := parseFlags(fsMixed, "cmd [FILE]", mixed)
		if err1 != nil || err2 != nil {
			t.Fatalf("%q: errors %v and %v", mixed, err1, err2)
		}
		if !slices.Equal(got, want) || !slices.Equal(got, positional) || *json1 != *json2 || *out1 != *out2 || *width1 != *width2 {
			t.Fatalf("%q read %q (%v %q %d), flags first %q (%v %q %d)", mixed, got, *json2, *out2, *width2, want, *json1, *out1, *width1)
		}
	})
}
